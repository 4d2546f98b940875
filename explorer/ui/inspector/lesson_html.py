"""The lecture's derivation as rich text: the chain from the loss, the VJP order, the counts, the
forward pass by hand, the m×n Jacobian with Jᵀv, and the contraction written out.

Each function takes the Qt-free data of :mod:`explorer.lesson.derivation` and
:mod:`explorer.lesson.by_hand` and returns an HTML fragment; every name in it
goes through :func:`~explorer.ui.text.rich_math.math_html` (escaped), every word
through :func:`~explorer.ui.text.i18n.translate`. Nothing is computed here.
"""

from __future__ import annotations

from explorer.lesson.by_hand import (
    HAND_TERMS,
    MATRIX_LIMIT,
    ElementwiseByHand,
    ForwardByHand,
    JacobianMatrix,
)
from explorer.lesson.derivation import KIND_WORDS, Derivation
from explorer.lesson.written_contraction import Contraction
from explorer.ui.kit.theme import Theme
from explorer.ui.text.engine_text import worded
from explorer.ui.text.i18n import translate
from explorer.ui.text.plain import escape
from explorer.ui.text.rich_math import math_html, matrix_html, num, signed
from explorer.ui.text.vocabulary import shape_words as shape_text  # a scalar worded: 스칼라

#: The written contraction lists at most this many elements; the rest are left out with a note.
CONTRACTION_ROWS = 24
#: A batch's outer products are shown for at most this many samples.
OUTER_SAMPLES = 4


def _w(key: str) -> str:
    """A word of this module in the interface language (kept out of f-strings, where lupdate cannot see it)."""
    words = {
        "composite": translate("Lesson", "합성함수 (composite function): {composition}"),
        "factor": translate("Lesson", "factor"),
        "shape": translate("Lesson", "shape"),
        "kind": translate("Lesson", "kind"),
        "closed_form": translate("Lesson", "closed form"),
        "gradient_word": translate("Lesson", "변화도 (gradient)"),
        "start": translate("Lesson", "start: v = ∂L/∂L = 1"),
        "counts": translate("Lesson", "The full Jacobians along the chain would hold {dense} numbers; the vector-Jacobian products produce {vjp}."),
        "modes": translate("Lesson", "As dense matrix products, forward mode (from {node} towards L, a Jacobian for every element of {node}) costs {forward} multiply-adds; reverse mode (from L, one row vector at a time) {reverse}; the seed ∂L/∂L = 1 is not counted."),
        "dense_product": translate("Lesson", "dense product"),
        "backward_pass": translate("Lesson", "backward pass"),
        "reshaped": translate("Lesson", "reshaped to the input ({shape}):"),
        "pytorch": translate("Lesson", "The same product in PyTorch:"),
        "collapsed": translate("Lesson", "Collapsed:"),
        "outer_sum": translate("Lesson", "{factor} δᵀ = Σₛ {low}ₛ δₛᵀ: one outer product per sample (column s), added."),
        "sum": translate("Lesson", "Sum:"),
    }
    return words[key]


def _t(text: str) -> str:
    """Already translated text, escaped (the maths in it is set by :func:`math_html`)."""
    return math_html(text)


def heading(text: str, theme: Theme) -> str:
    return f"<h3 style='margin-top:14px; margin-bottom:4px; color:{theme.text.name()}'>{escape(text)}</h3>"


def note(text: str, theme: Theme) -> str:
    return f"<p style='color:{theme.muted_text.name()}; margin-top:2px'>{_t(text)}</p>"


def kind_text(key: str) -> str:
    """The lecture's category of a derivative, in the interface language and the lecture's Korean."""
    english, korean = KIND_WORDS[key]
    shown = {
        "scalar_by_vector": translate("Lesson", "scalar by vector"),
        "scalar_by_matrix": translate("Lesson", "scalar by matrix"),
        "vector_by_vector": translate("Lesson", "vector by vector"),
        "vector_by_matrix": translate("Lesson", "vector by matrix"),
        "matrix_by_vector": translate("Lesson", "matrix by vector"),
        "matrix_by_matrix": translate("Lesson", "matrix by matrix"),
        "scalar_by_scalar": translate("Lesson", "scalar by scalar"),
        "vector_by_scalar": translate("Lesson", "vector by scalar"),
        "matrix_by_scalar": translate("Lesson", "matrix by scalar"),
    }.get(key, english)
    return shown if shown == korean else f"{shown} · {korean}"


def chain_html(d: Derivation, theme: Theme) -> str:
    """``∇_W₁ L = ∂L/∂W₁ = ∂L/∂Ŷ · ∂Ŷ/∂H₂ · …`` in the lecture's ``l∘p∘g∘f``, each factor with its shape and kind."""
    grad, cur, muted = theme.gradient.name(), theme.current.name(), theme.muted_text.name()
    node = d.symbols[-1]
    parts = [heading(translate("Lesson", "The chain from the loss · 연쇄법칙"), theme)]
    parts.append(
        f"<p style='font-size:large'>{_t(_w('composite').format(composition=d.composition))}</p>"
    )
    parts.append(
        f"<p style='font-size:x-large'><span style='color:{grad}'>∇<sub>{math_html(node)}</sub>L = "
        f"{math_html('∂L/∂' + node)}</span> = <span style='color:{cur}'>{math_html(d.chain_symbol)}</span></p>"
    )
    parts.append(note(translate("Lesson", "∇ (나블라, nabla): the gradient, shaped like {node}.").format(node=node), theme))
    rows = [
        f"<tr style='color:{muted}'><td>#</td><td>{escape(_w('factor'))}</td>"
        f"<td>{escape(_w('shape'))}</td><td>{escape(_w('kind'))}</td>"
        f"<td>{escape(_w('closed_form'))}</td></tr>"
    ]
    for i, f in enumerate(d.factors, 1):
        rows.append(
            f"<tr><td>{i}</td><td style='color:{cur}'>{math_html(f.symbol)}</td><td>{escape(shape_text(f.shape))}</td>"
            f"<td>{escape(kind_text(f.kind))}</td><td>{math_html(f.closed_form)}</td></tr>"
        )
    parts.append(f"<table cellspacing='6'>{''.join(rows)}</table>")
    if d.branches:
        for at, others in d.branches:
            parts.append(
                note(
                    translate("Lesson", "{at} also feeds {others}: their shares add to the gradient; this path is one of them.").format(
                        at=at, others=", ".join(others)
                    ),
                    theme,
                )
            )
    parts.append(
        f"<p>{escape(_w('gradient_word'))} {math_html('∂L/∂' + node)} "
        f"({escape(shape_text(tuple(d.gradient.shape)))}):</p>{matrix_html(d.gradient, grad, muted=muted)}"
    )
    return "".join(parts)


def vjp_html(d: Derivation, theme: Theme) -> str:
    """The order the backward pass applies the factors: ``v ← Jᵀ v`` from the loss side."""
    grad = theme.gradient.name()
    parts = [heading(translate("Lesson", "The backward pass: 벡터-야코비안 곱 (vector-Jacobian products), from the loss"), theme)]
    items = [f"<li>{_t(_w('start'))}</li>"]
    for step in d.vjps:
        text = translate("Lesson", "{result} = Jᵀ v with J = ∂{of}/∂{wrt}: {formula}  ({shape})").format(
            result=step.result_symbol,
            of=_symbol(d, step.of),
            wrt=_symbol(d, step.wrt),
            formula=step.formula,
            shape=shape_text(step.result_shape),
        )
        items.append(f"<li><span style='color:{grad}'>{_t(text)}</span></li>")
    parts.append(f"<ol>{''.join(items)}</ol>")
    parts.append(note(translate("Lesson", "No factor is built as a full Jacobian: each step multiplies the gradient so far by one local Jacobian's transpose."), theme))
    return "".join(parts)


def _symbol(d: Derivation, node: str) -> str:
    return d.symbols[d.path.index(node)] if node in d.path else node


def counts_html(d: Derivation, theme: Theme) -> str:
    """Dense against VJP numbers, forward against reverse mode, and the dense product check."""
    parts = [heading(translate("Lesson", "What it costs"), theme)]
    parts.append(
        f"<p>{_t(_w('counts').format(dense=f'{d.dense_numbers:,}', vjp=f'{d.vjp_numbers:,}'))}</p>"
    )
    parts.append(
        f"<p>{_t(_w('modes').format(node=d.symbols[-1], forward=f'{d.forward_mode_cost:,}', reverse=f'{d.reverse_mode_cost:,}'))} {_t(worded(d.modes))}</p>"
    )
    if d.dense_product is not None and d.dense_product_diff is not None:
        t = theme
        agree = d.dense_product_diff <= 1e-9 * max(1.0, float(abs(d.path_gradient).max(initial=0.0)))
        colour = t.ok.name() if agree else t.error.name()
        mark = "✓" if agree else "✗"
        text = translate(
            "Lesson",
            "{mark} the product of the dense Jacobians (each flattened to m×n), multiplied left to right, equals the engine's {what}: max |Δ| = {diff}",
        ).format(
            mark=mark,
            what=translate("Lesson", "gradient") if d.single_path else translate("Lesson", "share of the gradient along this path"),
            diff=num(d.dense_product_diff, 2),
        )
        parts.append(f"<p style='color:{colour}; font-weight:600'>{_t(text)}</p>")
        if d.dense_product.size <= 36:
            parts.append(
                "<table cellspacing='8'><tr>"
                f"<td style='white-space:nowrap'>{escape(_w('dense_product'))}</td><td>{matrix_html(d.dense_product, theme.current.name())}</td>"
                f"<td style='white-space:nowrap'>{escape(_w('backward_pass'))}</td><td>{matrix_html(d.path_gradient, theme.gradient.name())}</td>"
                "</tr></table>"
            )
    else:
        parts.append(note(translate("Lesson", "The dense product is not formed: a factor is too large."), theme))
    return "".join(parts)


def hand_html(h: ForwardByHand | ElementwiseByHand | None, theme: Theme, symbol: str = "") -> str:
    """``W`` beside ``Wᵀ``, then ``ŷ₁ = w₁₁h₁ + w₂₁h₂ + w₃₁h₃ = …`` with the numbers; an activation or a loss element by element."""
    parts = [heading(translate("Lesson", "The forward pass by hand · 순전파"), theme)]
    if h is None:
        if symbol:
            text = translate("Lesson", "{node}: written out once the forward pass has computed it (a linear layer of at most {terms} inputs).")
            parts.append(note(text.format(node=symbol, terms=HAND_TERMS), theme))
        return "".join(parts)
    more = (
        note(translate("Lesson", "… and {more} more, each the same.").format(more=h.more), theme) if h.more else ""
    )
    if isinstance(h, ElementwiseByHand):
        parts.append(f"<p style='font-size:large'>{math_html(h.formula)}</p>")
        lines = []
        for element in h.rows:
            lines.append(f"<tr><td>{math_html(f'{element.output} = {element.symbols}')}</td></tr>")
            lines.append(f"<tr><td style='padding-left:24px'>{math_html(f'= {element.numbers} = {num(element.value)}')}</td></tr>")
        parts.append(f"<table cellspacing='2' style='font-size:large'>{''.join(lines)}</table>{more}")
        return "".join(parts)
    fwd, muted = theme.forward.name(), theme.muted_text.name()
    parts.append(f"<p style='font-size:large'>{math_html(h.formula)}</p>")
    parts.append(
        "<table cellspacing='8'><tr>"
        f"<td>{math_html(h.weight)} =</td><td>{matrix_html(h.weight_value, fwd, muted=muted)}</td>"
        f"<td>{math_html(h.weight + 'ᵀ')} =</td><td>{matrix_html(h.weight_t, fwd, muted=muted)}</td>"
        f"<td>{math_html(h.input)} =</td><td>{matrix_html(h.input_value, fwd, muted=muted)}</td>"
        "</tr></table>"
    )
    lines = []
    for row in h.rows:
        symbols = " + ".join(f"{t.weight}{t.input}" for t in row.terms)
        numbers = " + ".join(f"{signed(t.weight_value)}·{signed(t.input_value)}" for t in row.terms)
        if row.bias is not None:
            symbols += f" + {row.bias[0]}"
            numbers += f" + {signed(row.bias[1])}"
        lines.append(f"<tr><td>{math_html(f'{row.output} = {symbols}')}</td></tr>")
        lines.append(f"<tr><td style='padding-left:24px'>{math_html(f'= {numbers} = {num(row.value)}')}</td></tr>")
    parts.append(f"<table cellspacing='2' style='font-size:large'>{''.join(lines)}</table>{more}")
    return "".join(parts)


def jacobian_html(j: JacobianMatrix | None, theme: Theme, symbol: str = "") -> str:
    """The lecture's ``m×n`` Jacobian with rows ``∇ᵀfᵢ``, its transpose, and ``Jᵀv`` with the numbers."""
    parts = [heading(translate("Lesson", "The Jacobian · 야코비안 행렬, and Jᵀv"), theme)]
    if j is None:
        parts.append(note(translate("Lesson", "{symbol}: the m×n matrix is written out for at most {limit} elements, once its values are known.").format(symbol=symbol, limit=MATRIX_LIMIT), theme))
        return "".join(parts)
    cur, grad, muted = theme.current.name(), theme.gradient.name(), theme.muted_text.name()
    m, n = j.matrix.shape
    parts.append(
        f"<p style='font-size:large'>{math_html(j.symbol)} = <span style='color:{cur}'>{math_html(j.closed_form)}</span>"
        f" <span style='color:{muted}'>({m}×{n})</span></p>"
    )
    parts.append(note(translate("Lesson", "Row i is ∇ᵀfᵢ, the transposed gradient of output element i; column k is input element k."), theme))
    parts.append(note(translate("Lesson", "Flattening: matrices and batches are read row by row over (row, sample): element (i, s) of an n×B matrix is entry i·B + s."), theme))
    rows = tuple("∇ᵀ" + r for r in j.rows)
    parts.append(f"<p>J =</p>{matrix_html(j.matrix, cur, rows, j.columns, muted)}")
    parts.append(f"<p>Jᵀ =</p>{matrix_html(j.transpose, cur, j.columns, j.rows, muted)}")
    if j.v is None or j.jtv is None or j.result is None:
        parts.append(note(translate("Lesson", "Jᵀv needs v = ∂L/∂(output): the backward pass has not reached it yet."), theme))
        return "".join(parts)
    parts.append(f"<p>{math_html(worded(j.delta))}</p>")
    parts.append(
        f"<p>{math_html(j.jtv_form)} = Jᵀ · v =</p>"
        "<table cellspacing='8'><tr>"
        f"<td>{matrix_html(j.transpose, cur, muted=muted)}</td>"
        f"<td valign='middle'>·</td><td>{matrix_html(j.v, grad, muted=muted)}</td>"
        f"<td valign='middle'>=</td><td>{matrix_html(j.jtv, grad, muted=muted)}</td>"
        "</tr></table>"
    )
    parts.append(
        f"<p>{_t(_w('reshaped').format(shape=shape_text(tuple(j.result.shape))))}</p>"
        f"{matrix_html(j.result, grad, muted=muted)}"
    )
    parts.append(
        f"<p style='margin-top:8px'>{escape(_w('pytorch'))}</p>"
        f"<p style='font-family:monospace; background:{theme.grid.name()}; padding:4px'>{math_html(worded(j.torch))}</p>"
    )
    return "".join(parts)


def contraction_html(c: Contraction | None, theme: Theme, symbol: str = "") -> str:
    """The lecture's slide 8/8: every element's sum, zeros included, then the table form and ``H δᵀ``."""
    parts = [heading(translate("Lesson", "The contraction written out: a tensor product summed over the shared index"), theme)]
    if c is None:
        parts.append(note(translate("Lesson", "{symbol}: written out for at most {limit} Jacobian elements, once the backward pass has reached it.").format(symbol=symbol, limit=MATRIX_LIMIT), theme))
        return "".join(parts)
    grad, muted = theme.gradient.name(), theme.muted_text.name()
    parts.append(f"<p>{math_html(worded(c.delta))}</p>")
    lines = []
    for row in c.rows[:CONTRACTION_ROWS]:
        symbols = " + ".join(f"{t.upstream}·{t.local}" for t in row.terms)
        numbers = " + ".join(f"({num(t.upstream_value)})({num(t.local_value)})" for t in row.terms)
        lines.append(f"<tr><td style='color:{grad}'>{math_html(row.result)}</td><td>=</td><td>{math_html(symbols)}</td></tr>")
        lines.append(f"<tr><td></td><td>=</td><td>{math_html(numbers)} = <b>{num(row.value)}</b></td></tr>")
        lines.append(f"<tr><td></td><td>=</td><td style='color:{muted}'>{math_html(row.collapsed)}</td></tr>")
    parts.append(f"<table cellspacing='2' style='font-size:medium'>{''.join(lines)}</table>")
    if len(c.rows) > CONTRACTION_ROWS:
        parts.append(note(translate("Lesson", "… and {more} more elements, each the same sum.").format(more=len(c.rows) - CONTRACTION_ROWS), theme))
    parts.append(f"<p style='font-size:large'>{escape(_w('collapsed'))} {math_html(c.closed_form)}</p>")
    if c.outer_factor is not None and len(c.outer_products) > 1:
        factor = c.outer_factor
        parts.append(
            f"<p>{_t(_w('outer_sum').format(factor=factor, low=factor[:1].lower() + factor[1:]))}</p>"
        )
        cells = []
        for outer in c.outer_products[:OUTER_SAMPLES]:
            cells.append(
                f"<td valign='middle'>s = {outer.sample + 1}:</td>"
                f"<td>{matrix_html(outer.column, theme.forward.name(), muted=muted)}</td><td valign='middle'>·</td>"
                f"<td>{matrix_html(outer.delta.reshape(1, -1), grad, muted=muted)}</td><td valign='middle'>=</td>"
                f"<td>{matrix_html(outer.product, grad, muted=muted)}</td>"
            )
        parts.append("<table cellspacing='6'>" + "".join(f"<tr>{c_}</tr>" for c_ in cells) + "</table>")
        if len(c.outer_products) > OUTER_SAMPLES:
            parts.append(note(translate("Lesson", "… and {more} more samples.").format(more=len(c.outer_products) - OUTER_SAMPLES), theme))
        parts.append(f"<p>{escape(_w('sum'))}</p>{matrix_html(c.result, grad, muted=muted)}")
    elif c.outer_factor is not None:
        parts.append(note(translate("Lesson", "One sample: the outer product {factor} δᵀ.").format(factor=c.outer_factor), theme))
    return "".join(parts)
