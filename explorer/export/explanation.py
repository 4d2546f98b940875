"""A :class:`~explorer.lesson.derivation.Derivation` written out: text, Markdown, LaTeX and JSON.

Text, Markdown and LaTeX are rendered from one list of blocks
(:func:`explanation_blocks`), so they always say the same thing; JSON is the
object of SPEC section 6. The window renders the same data its own way.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from explorer.engine.session import Session
from explorer.lesson.by_hand import elementwise_by_hand, forward_by_hand, jacobian_matrix
from explorer.lesson.derivation import KIND_WORDS, Derivation, derive
from explorer.lesson.notation import pretty, shape_text
from explorer.lesson.notes import DEFINITIONS, READING_NOTES, symbol_legend
from explorer.lesson.tex import tex_code, tex_text
from explorer.lesson.written_contraction import written_contraction
from explorer.model.numbers import latex, shown

FORMATS = ("text", "markdown", "latex", "json")
#: Arrays with more elements are shown by their shape only.
FULL_NUMBERS_LIMIT = 144


@dataclass(frozen=True)
class Heading:
    text: str
    latex: str


@dataclass(frozen=True)
class Para:
    text: str
    latex: str


@dataclass(frozen=True)
class Matrix:
    """A named array, shown as a matrix (an n-D array as the lecture's m×n flattening)."""

    label: str
    latex: str
    array: np.ndarray
    rows: int | None = None


Block = Heading | Para | Matrix


def num(x: float, digits: int = 6) -> str:
    """A number for reading, as :func:`explorer.model.numbers.shown` writes it (``digits`` significant).

    >>> num(-0.06118236), num(0.0), num(0.5, 4), num(-1.5e-7)
    ('−0.0611824', '0', '0.5', '−1.5e−7')
    """
    return shown(x, digits)


def latex_shape(shape: tuple[int, ...]) -> str:
    r"""A shape in LaTeX maths: ``3 \times 1 \times 3 \times 3``; a scalar is ``\text{scalar}``."""
    return r" \times ".join(str(n) for n in shape) if shape else r"\text{scalar}"


def _kind(key: str) -> str:
    english, korean = KIND_WORDS[key]
    return f"{english} ({korean})"


def _math(text: str) -> str:
    """Unicode prose and maths as LaTeX running text: every label and sentence goes through :func:`tex_text`."""
    return tex_text(text)


def explanation_blocks(d: Derivation, session: Session) -> list[Block]:
    """The derivation as blocks, in reading order."""
    model = session.model
    name = f"∂L/∂{d.symbols[-1]}"
    step = f"step {d.step}/{d.total_steps}"
    blocks: list[Block] = [Heading(f"{name} at {step}", "")]
    path = " → ".join(d.symbols)
    para = [
        f"Composition (합성함수): {d.composition}",
        f"Path from the loss: {path}",
        f"Chain rule (연쇄법칙): {name} = {d.chain_symbol}",
    ]
    for node, others in d.branches:
        para.append(
            f"{node} also feeds {', '.join(others)}: the path follows the main chain; "
            f"{name} adds the shares that arrive through {', '.join(others)} as well."
        )
    blocks += [Para(p, _math(p)) for p in para]
    if not d.factors:
        start = "The backward pass starts here: the loss is a scalar and ∂L/∂L = 1."
        return [*blocks, Para(start, _math(start))]
    blocks.append(Heading("Factors: local Jacobians, shape = shape(of) + shape(wrt), the loss a scalar", ""))
    for i, f in enumerate(d.factors, 1):
        line = (
            f"{i}. {f.symbol}  shape {shape_text(f.shape)} ({f.size} numbers), {_kind(f.kind)}: "
            f"{f.closed_form if f.closed_form.startswith('∂') else 'J = ' + f.closed_form}"
        )
        form = f.closed_form_latex if f.closed_form.startswith("∂") else "J = " + f.closed_form_latex
        latex = (
            f"{i}. ${f.latex}$, shape ${latex_shape(f.shape)}$ ({f.size} numbers), "
            f"{_math(_kind(f.kind))}: ${form}$"
        )
        if not model.shape(f.of):
            note = f"  (a scalar's Jacobian: the same numbers as the gradient ∂L/∂{d.symbols[i]})"
            line, latex = line + note, latex + _math(note)
        blocks.append(Para(line, latex))
        if f.numbers is not None:
            rows = int(np.prod(model.shape(f.of), dtype=np.int64)) if model.shape(f.of) else 1
            blocks.append(Matrix(f"J = {f.symbol} as {rows}×{f.size // rows}, rows ∇ᵀfᵢ", "", f.numbers, rows))
        else:
            blocks.append(Para(f"   (over {FULL_NUMBERS_LIMIT} numbers: not written out)", ""))
    blocks.append(Heading("Backward pass: vector-Jacobian products (벡터-야코비안 곱) from the loss side", ""))
    for v in d.vjps:
        line = (
            f"{v.index}. {v.result_symbol} ({shape_text(v.result_shape)}) = {v.formula}"
            f"   with δ = {v.upstream_symbol} ({shape_text(v.upstream_shape)})"
        )
        blocks.append(Para(line, _math(line)))
        if v.result.size <= FULL_NUMBERS_LIMIT:
            blocks.append(Matrix(v.result_symbol, "", v.result))
    blocks.append(Para("No factor is built: each step multiplies the incoming gradient by Jᵀ, as autograd does.", ""))
    counts = [
        f"The full Jacobians would hold {d.dense_numbers} numbers; the VJPs produce {d.vjp_numbers}.",
        f"As dense matrix products (multiply-adds, the seed ∂L/∂L = 1 not counted): reverse mode, from the loss, "
        f"{d.reverse_mode_cost}; forward mode, from {d.symbols[-1]}, {d.forward_mode_cost}. {d.modes}",
    ]
    if d.dense_product is not None and d.dense_product_diff is not None:
        ok = np.allclose(d.dense_product, d.path_gradient, rtol=1e-9, atol=1e-12)
        counts.append(
            f"{'✓' if ok else '✗'} The product of the dense Jacobians along the path equals the backward pass's "
            f"result (max |Δ| = {shown(d.dense_product_diff, 2)})."
        )
    blocks += [Heading("Counts", "")] + [Para(c, _math(c)) for c in counts]
    blocks += _lesson_blocks(d, session)
    written = " ".join(b.text for b in blocks if isinstance(b, Heading | Para))
    legend = symbol_legend(written)
    if legend:
        blocks.append(Heading("Symbols", ""))
        blocks += [Para(str(line), _math(str(line))) for line in legend]
    result = (
        f"Result: {name} = ∇_{d.symbols[-1]} L (나블라) ({shape_text(tuple(d.gradient.shape))}), "
        "the gradient (변화도) the engine computed"
    )
    blocks += [Heading("Result", ""), Para(result, _math(result)), Matrix(name, "", d.gradient)]
    return blocks


def _products(
    pairs: Sequence[tuple[float, float]], added: Sequence[float], value: float, write: Callable[[float, int], str]
) -> str:
    """``(a)(b) + (c)(d) + (e) = v`` with every number written by ``write`` to 4 significant digits."""
    terms = [f"({write(a, 4)})({write(b, 4)})" for a, b in pairs] + [f"({write(x, 4)})" for x in added]
    return " + ".join(terms) + f" = {write(value, 4)}"


def _with_math(text_latex: str, math: str) -> str:
    """Text that ends in maths followed by more maths: one ``$…$`` span, never ``$$``."""
    if text_latex.endswith("$") and not text_latex.endswith("\\$"):
        return text_latex[:-1] + " " + math + "$"
    return text_latex + "$" + math + "$"


def _lesson_blocks(d: Derivation, session: Session) -> list[Block]:
    """The last factor worked by hand: forward pass, the m×n Jacobian with Jᵀv, the contraction."""
    if len(d.path) < 2:
        return []
    blocks: list[Block] = []
    of, wrt = d.path[-2], d.path[-1]
    hand = forward_by_hand(session, of)
    if hand is not None:
        blocks.append(Heading(f"Forward pass by hand (순전파): {hand.formula}", ""))
        blocks += [Matrix(hand.weight, "", hand.weight_value), Matrix(hand.weight + "ᵀ", "", hand.weight_t)]
        for row in hand.rows:
            symbols = " + ".join(f"{t.weight}{t.input}" for t in row.terms)
            values = [(t.weight_value, t.input_value) for t in row.terms]
            if row.bias is not None:
                symbols += f" + {row.bias[0]}"
            bias = () if row.bias is None else (row.bias[1],)
            head = f"{row.output} = {symbols} = "
            line = head + _products(values, bias, row.value, num)
            blocks.append(Para(line, _with_math(_math(head.rstrip()), _products(values, bias, row.value, latex))))
        if hand.more:
            line = f"(and {hand.more} more elements, each the same sum)"
            blocks.append(Para(line, _math(line)))
    element_hand = elementwise_by_hand(session, of) if hand is None else None
    if element_hand is not None:
        blocks.append(Heading(f"Forward pass by hand (순전파): {element_hand.formula}", ""))
        for by_hand in element_hand.rows:
            line = f"{by_hand.output} = {by_hand.symbols} = {by_hand.numbers} = {num(by_hand.value)}"
            blocks.append(Para(line, _math(line)))
        if element_hand.more:
            line = f"(and {element_hand.more} more, each the same)"
            blocks.append(Para(line, _math(line)))
    jm = jacobian_matrix(session, of, wrt)
    if jm is not None:
        blocks.append(Heading(f"The Jacobian {jm.symbol} as the lecture's m×n matrix (야코비안 행렬)", ""))
        for p in (f"Flattening: {jm.flattening}.", f"Rows ∇ᵀfᵢ: {', '.join(jm.rows)}; columns: {', '.join(jm.columns)}.",
                  f"{jm.closed_form};  {jm.jtv_form};  {jm.delta}"):
            blocks.append(Para(p, _math(p)))
        blocks.append(Para(f"PyTorch: {jm.torch}", "PyTorch: " + tex_code(str(jm.torch))))
        blocks += [Matrix("J", "", jm.matrix), Matrix("Jᵀ", "", jm.transpose)]
        if jm.v is not None and jm.result is not None:
            blocks.append(Matrix("v", "", jm.v.reshape(-1, 1)))
            blocks.append(Matrix(f"Jᵀv reshaped to {shape_text(jm.result.shape)}", "", jm.result))
    c = written_contraction(session, of, wrt)
    if c is not None:
        blocks.append(Heading(
            "The contraction written out (수식으로 이해하기): a tensor product summed over the shared index,"
            " every term, zeros included",
            "",
        ))
        blocks.append(Para(str(c.delta), _math(str(c.delta))))
        for element in c.rows:  # a ContractionRow, not the forward pass's HandRow above
            symbols = " + ".join(f"{t.upstream}·{t.local}" for t in element.terms)
            values = [(t.upstream_value, t.local_value) for t in element.terms]
            head, tail = f"{element.result} = {symbols} = ", f"  [= {element.collapsed}]"
            line = head + _products(values, (), element.value, num) + tail
            latex_line = _with_math(_math(head.rstrip()), _products(values, (), element.value, latex)) + _math(tail)
            tight = "\\scriptsize\\medmuskip=2mu\\thickmuskip=3mu "  # one row, one line
            blocks.append(Para(line, "{" + tight + latex_line + "\\par}"))
        collapsed = f"Collapsed: {d.vjps[-1].result_symbol} = {c.closed_form}"
        blocks.append(Para(collapsed, _math(collapsed)))
        if len(c.outer_products) > 1 and c.outer_factor:
            line = f"{c.outer_factor} δᵀ = Σₛ {c.outer_factor}ₛ δₛᵀ, one outer product per sample s:"
            blocks.append(Para(line, _math(line)))
            for o in c.outer_products:
                blocks.append(Matrix(f"sample {o.sample + 1}: {c.outer_factor}ₛ δₛᵀ", "", o.product))
    return blocks


# -- the renderers ------------------------------------------------------------------------


def _grid(array: np.ndarray, rows: int | None) -> np.ndarray:
    a = np.asarray(array, dtype=np.float64)
    if a.ndim == 0:
        return a.reshape(1, 1)
    if rows is not None:
        return a.reshape(rows, -1)
    if a.ndim == 1:
        return a.reshape(-1, 1)
    return a.reshape(a.shape[0], -1)


def _text_matrix(m: Matrix, indent: str = "   ") -> list[str]:
    if m.array.size > FULL_NUMBERS_LIMIT:
        return [f"{indent}{m.label}: {shape_text(tuple(m.array.shape))}, not written out"]
    grid = _grid(m.array, m.rows)
    cells = [[num(float(v)) for v in row] for row in grid]
    width = max(len(c) for row in cells for c in row)
    lines = [f"{indent}{m.label} ="]
    for i, row in enumerate(cells):
        left, right = ("⎡", "⎤") if i == 0 else ("⎣", "⎦") if i == len(cells) - 1 else ("⎢", "⎥")
        if len(cells) == 1:
            left, right = "[", "]"
        lines.append(f"{indent}  {left} " + "  ".join(c.rjust(width) for c in row) + f" {right}")
    return lines


def render_text(blocks: Sequence[Block]) -> str:
    out: list[str] = []
    for b in blocks:
        if isinstance(b, Heading):
            out += ["", b.text, "─" * min(len(b.text), 78)]
        elif isinstance(b, Para):
            out.append(b.text)
        else:
            out += _text_matrix(b)
    return "\n".join(out).strip() + "\n"


_MARKDOWN_ESCAPES = {"&": "&amp;", "<": "&lt;", ">": "&gt;", **{c: "\\" + c for c in "\\`*_[]|~"}}


def markdown_escape(text: str) -> str:
    r"""Text as inert Markdown: no HTML, no link or image, no emphasis, no block a line could start.

    ``&``, ``<`` and ``>`` become entities (no tag, no autolink); ``\ ` * _ [ ] | ~``
    are escaped with a backslash (no link, image, code span, emphasis or table);
    ``# > + - =`` opening a line are escaped so a label cannot start a heading,
    a quote or a list. A CommonMark renderer shows the text as it was.

    >>> markdown_escape("<script>[x](javascript:alert(1)) a_b")
    '&lt;script&gt;\\[x\\](javascript:alert(1)) a\\_b'
    >>> markdown_escape("# not a heading")
    '\\# not a heading'
    """
    out = "".join(_MARKDOWN_ESCAPES.get(ch, ch) for ch in text)
    return re.sub(r"^( {0,3})([#+=-])", r"\1\\\2", out, flags=re.MULTILINE)


def _fence(lines: Sequence[str]) -> str:
    """A code fence longer than any run of backticks in ``lines``, so no label can close it."""
    longest = max((len(run) for line in lines for run in re.findall("`+", line)), default=0)
    return "`" * max(3, longest + 1)


def render_markdown(blocks: Sequence[Block]) -> str:
    out: list[str] = []
    for i, b in enumerate(blocks):
        if isinstance(b, Heading):
            out += ["", ("# " if i == 0 else "## ") + markdown_escape(b.text), ""]
        elif isinstance(b, Para):
            out += [markdown_escape(b.text), ""]
        else:
            lines = [line[3:] for line in _text_matrix(b)]
            fence = _fence(lines)
            out += [fence, *lines, fence, ""]
    return "\n".join(out).strip() + "\n"


def _latex_matrix(m: Matrix) -> str:
    r"""``label $= \left(\begin{smallmatrix} … \end{smallmatrix}\right)$``: a matrix in the line, to keep handouts short."""
    label = _math(m.label)
    if m.array.size > FULL_NUMBERS_LIMIT:
        return f"{label}: {tex_text(shape_text(tuple(m.array.shape)))}, not written out."
    grid = _grid(m.array, m.rows)
    body = r" \\ ".join(" & ".join(latex(float(v)) for v in row) for row in grid)
    return label + r" \fitline{$= \left(\begin{smallmatrix} " + body + r" \end{smallmatrix}\right)$}"


LATEX_PREAMBLE = (
    "\\documentclass[10pt,a4paper]{article}\n\\usepackage[utf8]{inputenc}\n\\usepackage{kotex}\n"
    "\\usepackage{amsmath,amssymb}\n\\usepackage[margin=1.3cm]{geometry}\n\\setcounter{MaxMatrixCols}{200}\n"
    "\\setlength{\\parindent}{0pt}\n\\setlength{\\parskip}{1pt plus 1pt}\n\\pagestyle{empty}\n"
    # a matrix wider than the line is scaled to fit it: every number stays on the page
    "\\usepackage{graphicx}\n\\newsavebox{\\fitbox}\n"
    "\\newcommand{\\fitline}[1]{\\sbox{\\fitbox}{#1}\\ifdim\\wd\\fitbox>\\linewidth"
    "\\resizebox{\\linewidth}{!}{\\usebox{\\fitbox}}\\else\\usebox{\\fitbox}\\fi}\n"
    "\\begin{document}\n\\small\\raggedright\n"
)


def render_latex(blocks: Sequence[Block], standalone: bool = True) -> str:
    """The blocks as LaTeX for pdflatex with kotex; a matrix shares the line of what precedes it."""
    out: list[str] = []
    for i, b in enumerate(blocks):
        if isinstance(b, Matrix):
            if out and not isinstance(blocks[i - 1], Heading):
                out[-1] = out[-1].rstrip("\n") + r"\quad " + _latex_matrix(b) + "\n"
            else:
                out.append(_latex_matrix(b) + "\n")
        elif isinstance(b, Heading):
            heading = b.latex or _math(b.text)
            out.append(("\\section*{" + heading + "}\n") if i == 0 else ("\\medskip\\textbf{" + heading + "}\n"))
        else:
            out.append((b.latex or _math(b.text)) + "\n")
    body = "\n".join(out)
    return LATEX_PREAMBLE + body + "\\end{document}\n" if standalone else body


def explanation_json(d: Derivation) -> dict[str, Any]:
    """SPEC section 6's object: path, factors with their shapes, gradient and the two counts."""
    return {
        "format": "jacobian-explorer/explanation",
        "version": 1,
        "node": d.node,
        "step": d.step,
        "path": list(d.path),
        "factors": [{"of": f.of, "wrt": f.wrt, "shape": list(f.shape)} for f in d.factors],
        "gradient": d.gradient.tolist(),
        "dense_numbers": d.dense_numbers,
        "vjp_numbers": d.vjp_numbers,
    }


def explain(session: Session, node: str | None = None, fmt: str = "text") -> str:
    """How ``∂L/∂node`` is formed at the session's step, in one of :data:`FORMATS`."""
    d = derive(session, node)
    if fmt == "json":
        return json.dumps(explanation_json(d), ensure_ascii=False) + "\n"
    blocks = explanation_blocks(d, session)
    return {"text": render_text, "markdown": render_markdown, "latex": render_latex}[fmt](blocks)


def derivation_files(session: Session, nodes: Iterable[str] | None = None) -> dict[str, str]:
    """``derivation.md`` and ``derivation.tex``: the chain rule for every parameter, for handouts."""
    model = session.model
    md: list[str] = [f"# {markdown_escape(model.name or 'Model')}: the chain rule for every parameter\n"]
    tex: list[str] = [f"\\section*{{{_math(model.name or 'Model')}: the chain rule for every parameter}}\n"]
    for node in nodes if nodes is not None else model.params:
        if session.grad(node) is None:
            line = f"∂L/∂{pretty(model.label(node))} is not known at step {session.position}/{session.total}."
            md.append(markdown_escape(line) + "\n")
            tex.append(_math(line) + "\n")
            continue
        blocks = explanation_blocks(derive(session, node), session)
        md.append("#" + render_markdown(blocks).replace("\n## ", "\n### "))  # one level down per parameter
        tex.append(render_latex(blocks, standalone=False))
    # beside the lecture: its four general derivatives, its layout, ∂L/∂Ŷ's three forms, its slips (Markdown only:
    # the lines hold ℝⁿ and the like, which the LaTeX handout does not set)
    md.append("## Beside the lecture\n")
    md += [f"- {line}" for line in DEFINITIONS]
    md.append("")
    md += [f"{line}\n" for line in READING_NOTES]
    return {"derivation.md": "\n".join(md), "derivation.tex": LATEX_PREAMBLE + "\n".join(tex) + "\\end{document}\n"}
