"""One step worked as the lecture works it, with the numbers: data for the window and the handouts.

- :func:`forward_by_hand`: ``ŷ₁ = w₁₁h₁ + w₂₁h₂ + w₃₁h₃ = …`` with W beside Wᵀ;
- :func:`jacobian_matrix`: the ``m×n`` Jacobian with rows ``∇ᵀfᵢ``, its
  transpose and ``Jᵀv`` reshaped to the result (``J = W₂ᵀ``, ``Jᵀv = W₂ δ``);
- and, in :mod:`explorer.lesson.written_contraction`, the chain rule summed
  out element by element (``∂L/∂w₁₁ = ∂L/∂ŷ₁·∂ŷ₁/∂w₁₁ + …``).

Element names carry their layer (``h⁽¹⁾₂``), so the ``h`` of H₂ and of H₁
never read alike. Matrices and batches are flattened row-major over
``(row, sample)``.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from explorer.engine.errors import NotReachedError
from explorer.engine.session import Session
from explorer.lesson.describe import closed_form, delta_definition
from explorer.lesson.notation import partial, pretty, qualified_element
from explorer.model.messages import Message, define, message
from explorer.model.numbers import shown
from explorer.ops import OPS

define({
    "lesson.torch_scalar": "{call}  # {grad} is now {result}",
    "lesson.torch_vjp": "{call}  # v = {v}; {grad} is now Jᵀv = {result}, J never built",
    "lesson.torch_scalar_data": "{call}  # {grad} is now {result} only if {node}.requires_grad_() ran before the forward"
    " pass; data requires no gradient by default and {grad} stays None",
    "lesson.torch_vjp_data": "{call}  # v = {v}; {grad} is now Jᵀv = {result} only if {node}.requires_grad_() ran"
    " before the forward pass; data requires no gradient by default and {grad} stays None",
})

Array = npt.NDArray[np.float64]

#: The forward pass by hand writes out at most this many output elements (the rest are counted) …
HAND_ROWS = 8
#: … each a sum of at most this many terms (a linear layer of more inputs is not written out).
HAND_TERMS = 16
#: The m×n Jacobian and the written contraction are given for at most this many Jacobian elements.
MATRIX_LIMIT = 144
FLATTENING = "row-major over (row, sample): element (i, s) of an n×B matrix is entry i·B + s"


def element_name(name: str, shape: tuple[int, ...], index: tuple[int, ...]) -> str:
    """A layer-qualified element; a one-sample column is named by its row (``h⁽¹⁾₂``).

    >>> element_name("H1", (3, 1), (1, 0)), element_name("W3", (3, 2), (2, 1)), element_name("L", (), ())
    ('h⁽¹⁾₂', 'w⁽³⁾₃₂', 'L')
    """
    if not shape:
        return pretty(name)
    if len(shape) == 2 and shape[1] == 1:
        index = index[:1]
    return qualified_element(name, index)


def _names(model_label: str, shape: tuple[int, ...]) -> tuple[str, ...]:
    return tuple(element_name(model_label, shape, index) for index in np.ndindex(shape)) if shape else (pretty(model_label),)


@dataclass(frozen=True)
class HandTerm:
    """``w₂₁ h₂`` with its numbers."""

    weight: str
    weight_value: float
    input: str
    input_value: float


@dataclass(frozen=True)
class HandRow:
    """One output element: ``ŷ₁ = w₁₁h₁ + w₂₁h₂ + w₃₁h₃ (+ b₁) = value``."""

    output: str
    terms: tuple[HandTerm, ...]
    bias: tuple[str, float] | None
    value: float


@dataclass(frozen=True)
class ForwardByHand:
    """A linear layer ``out = Wᵀ x (+ b)`` computed element by element."""

    node: str
    formula: str
    weight: str
    weight_value: Array
    weight_t: Array
    input: str
    input_value: Array
    value: Array
    rows: tuple[HandRow, ...]
    #: output elements not written out (past :data:`HAND_ROWS`), each the same kind of sum
    more: int = 0


@dataclass(frozen=True)
class ElementRow:
    """One output element of an elementwise op or a loss: ``a⁽¹⁾₁ = σ(h⁽¹⁾₁) = σ(0.7) = 0.6682``."""

    output: str
    symbols: str
    numbers: str
    value: float


@dataclass(frozen=True)
class ElementwiseByHand:
    """The forward pass of an activation (one row per element) or a loss (one row), by hand."""

    node: str
    formula: str
    rows: tuple[ElementRow, ...]
    #: elements (an activation's) or terms (a loss's) not written out, past :data:`HAND_ROWS`
    more: int = 0


def _bracketed(x: float) -> str:
    """A number inside a formula: negative ones in parentheses, ``(−0.5)``."""
    text = shown(x)
    return f"({text})" if text.startswith(("−", "-")) else text


def elementwise_by_hand(session: Session, node: str) -> ElementwiseByHand | None:
    """The forward pass of an activation or a loss by hand, once its value is known, else ``None``.

    >>> from explorer.model.examples import toy_model
    >>> s = Session(toy_model()); s.run()
    >>> row = elementwise_by_hand(s, "L").rows[0]
    >>> row.symbols
    '½ [(ŷ₁ − y₁)² + (ŷ₂ − y₂)²]'
    >>> row.numbers, round(row.value, 5)
    ('½ [(0.234 − 0.5)² + (0.022 − (−0.5))²]', 0.17162)
    """
    from explorer.lesson.describe import forward_formula

    model = session.model
    op, value = model.op(node), session.value(node)
    if value is None or model.spec(node).info.is_leaf or op == "linear":
        return None
    ports = model.inputs(node)
    if model.spec(node).info.is_loss:
        pred, target = session.value(ports["pred"]), session.value(ports["target"])
        assert pred is not None
        assert target is not None
        p_label, t_label = model.label(ports["pred"]), model.label(ports["target"])
        indices = list(np.ndindex(pred.shape))
        shown_terms = indices[:HAND_ROWS]
        symbols = [f"({element_name(p_label, pred.shape, i)} − {element_name(t_label, target.shape, i)})²" for i in shown_terms]
        numbers = [f"({shown(float(pred[i]))} − {_bracketed(float(target[i]))})²" for i in shown_terms]
        tail = " + …" if len(indices) > HAND_ROWS else ""
        scale = {"half_sse": "½ ", "sse": "", "mse": f"1/{len(indices)} · "}.get(op, "")
        row = ElementRow(
            pretty(model.label(node)),
            f"{scale}[{' + '.join(symbols)}{tail}]",
            f"{scale}[{' + '.join(numbers)}{tail}]",
            float(value),
        )
        return ElementwiseByHand(node, forward_formula(model, node), (row,), max(len(indices) - HAND_ROWS, 0))
    x = session.value(ports["x"])
    assert x is not None
    symbol = OPS[op].symbol or op
    x_label, out_label = model.label(ports["x"]), model.label(node)
    indices = list(np.ndindex(value.shape))
    rows = tuple(
        ElementRow(
            element_name(out_label, value.shape, i),
            f"{symbol}({element_name(x_label, x.shape, i)})",
            f"{symbol}({shown(float(x[i]))})",
            float(value[i]),
        )
        for i in indices[:HAND_ROWS]
    )
    return ElementwiseByHand(node, forward_formula(model, node), rows, max(len(indices) - HAND_ROWS, 0))


def forward_by_hand(session: Session, node: str) -> ForwardByHand | None:
    """The forward pass of a linear node by hand, or ``None`` (another op, over :data:`HAND_TERMS` inputs, not reached).

    At most :data:`HAND_ROWS` output elements are written out; ``more`` counts the rest.

    >>> from explorer.model.examples import toy_model
    >>> s = Session(toy_model()); s.run()
    >>> row = forward_by_hand(s, "Yhat").rows[0]
    >>> row.output, [t.weight + t.input for t in row.terms]
    ('ŷ₁', ['w⁽³⁾₁₁h⁽²⁾₁', 'w⁽³⁾₂₁h⁽²⁾₂', 'w⁽³⁾₃₁h⁽²⁾₃'])
    """
    from explorer.lesson.describe import forward_formula

    model = session.model
    value = session.value(node)
    if model.op(node) != "linear" or value is None:
        return None
    ports = model.inputs(node)
    x, w = session.value(ports["x"]), session.value(ports["w"])
    b = session.value(ports["b"]) if "b" in ports else None
    assert x is not None
    assert w is not None
    if w.shape[0] > HAND_TERMS:
        return None
    x_label, w_label, out_label = model.label(ports["x"]), model.label(ports["w"]), model.label(node)
    b_label = model.label(ports["b"]) if "b" in ports else ""
    rows = []
    for i, s in list(np.ndindex(value.shape))[:HAND_ROWS]:
        terms = tuple(
            HandTerm(
                qualified_element(w_label, (k, i)),
                float(w[k, i]),
                element_name(x_label, x.shape, (k, s)),
                float(x[k, s]),
            )
            for k in range(w.shape[0])
        )
        bias = (qualified_element(b_label, (i,)), float(b[i])) if b is not None else None
        rows.append(HandRow(element_name(out_label, value.shape, (i, s)), terms, bias, float(value[i, s])))
    return ForwardByHand(
        node, forward_formula(model, node), pretty(w_label), w, w.T, pretty(x_label), x, value, tuple(rows),
        max(value.size - HAND_ROWS, 0),
    )


@dataclass(frozen=True)
class JacobianMatrix:
    """``∂of/∂wrt`` as the lecture's ``m×n`` matrix with rows ``∇ᵀfᵢ``, and ``Jᵀv``.

    ``rows`` names the output elements (one row ``∇ᵀfᵢ`` each), ``columns``
    the input elements, both flattened as :data:`FLATTENING` says. ``v`` is
    ``∂L/∂of`` flattened and ``jtv`` the product ``Jᵀv``, also reshaped to the
    input's shape in ``result``; the three are ``None`` until the backward
    pass has reached ``of`` (the forward pass can already show ``J``).
    """

    of: str
    wrt: str
    symbol: str
    matrix: Array
    transpose: Array
    rows: tuple[str, ...]
    columns: tuple[str, ...]
    flattening: str
    closed_form: str
    jtv_form: str
    delta: Message
    v: Array | None
    jtv: Array | None
    result: Array | None
    torch: Message


def jacobian_matrix(session: Session, of: str, wrt: str) -> JacobianMatrix | None:
    """The lecture's view of one local Jacobian, or ``None`` past :data:`MATRIX_LIMIT` or before ``of`` is computed.

    >>> from explorer.model.examples import toy_model
    >>> s = Session(toy_model()); s.run()
    >>> j = jacobian_matrix(s, "H2", "H1")
    >>> j.closed_form, j.jtv_form, j.matrix.shape, j.rows[0], j.columns[2]
    ('J = W₂ᵀ', 'Jᵀv = W₂ · δ', (3, 3), 'h⁽²⁾₁', 'h⁽¹⁾₃')
    """
    from explorer.lesson.local_forms import jacobian_form

    model = session.model
    upstream = session.grad(of)
    shape = session.jacobian_shape(of, wrt)
    if int(np.prod(shape, dtype=np.int64)) > MATRIX_LIMIT:
        return None
    try:
        jacobian = session.jacobian(of, wrt)
    except NotReachedError:
        return None
    of_shape, wrt_shape = model.shape(of), model.shape(wrt)
    m, n = int(np.prod(of_shape, dtype=np.int64)), int(np.prod(wrt_shape, dtype=np.int64))
    matrix = np.asarray(jacobian).reshape(m, n)
    v = None if upstream is None else np.asarray(upstream).reshape(m)
    jtv = None if v is None else matrix.T @ v
    port = session.port_of(of, wrt)
    return JacobianMatrix(
        of=of,
        wrt=wrt,
        symbol=partial(model.label(of), model.label(wrt)),
        matrix=matrix,
        transpose=matrix.T,
        rows=_names(model.label(of), of_shape),
        columns=_names(model.label(wrt), wrt_shape),
        flattening=FLATTENING,
        closed_form=f"J = {jacobian_form(session, of, wrt)[0]}",
        jtv_form=f"Jᵀv = {closed_form(model, of, port)}",
        delta=message("lesson.v_is", delta=delta_definition(model, of)),
        v=v,
        jtv=jtv,
        result=None if jtv is None else jtv.reshape(wrt_shape),
        torch=torch_correspondence(session, of, wrt),
    )


def torch_correspondence(session: Session, of: str, wrt: str) -> Message:
    """The same product in PyTorch: ``Yhat.backward(gradient=v)`` leaves ``Jᵀv`` in ``W3.grad``.

    The code stays code (``call``, ``grad``); the comment is worded. What
    PyTorch fills in is said as it is: a parameter (a leaf that requires
    grad) gets ``.grad``; a tensor computed in the forward pass keeps its
    ``.grad`` only after ``retain_grad()``; data (``input``, ``target``)
    gets one only when it was made to require grad before the forward pass.

    >>> from explorer.model.examples import toy_model
    >>> s = Session(toy_model()); s.run()
    >>> str(torch_correspondence(s, "Yhat", "W3"))
    'Yhat.backward(gradient=v)  # v = ∂L/∂Ŷ; W3.grad is now Jᵀv = ∂L/∂W₃, J never built'
    >>> str(torch_correspondence(s, "L", "Yhat"))
    'Yhat.retain_grad(); L.backward()  # Yhat.grad is now ∂L/∂Ŷ'
    """
    model = session.model
    of_name, wrt_name = torch_name(of), torch_name(wrt)
    data = wrt in model.leaves and wrt not in model.params
    retain = "" if wrt in model.leaves else f"{wrt_name}.retain_grad(); "
    result = f"∂L/∂{pretty(model.label(wrt))}"
    data_args = {"node": wrt_name} if data else {}
    if not model.shape(of):
        key = "lesson.torch_scalar_data" if data else "lesson.torch_scalar"
        result = f"∂{pretty(model.label(of))}/∂{pretty(model.label(wrt))}"
        return message(key, call=f"{retain}{of_name}.backward()", grad=f"{wrt_name}.grad", result=result, **data_args)
    return message(
        "lesson.torch_vjp_data" if data else "lesson.torch_vjp",
        call=f"{retain}{of_name}.backward(gradient=v)",
        v=f"∂L/∂{pretty(model.label(of))}",
        grad=f"{wrt_name}.grad",
        result=result,
        **data_args,
    )


def torch_name(node: str) -> str:
    """The Python name a PyTorch line gives a node: its id, or the id made an identifier.

    >>> torch_name("W1"), torch_name("my layer"), torch_name("2x")
    ('W1', 'my_layer', '_2x')
    """
    if node.isidentifier():
        return node
    name = "".join(c if (c.isalnum() or c == "_") and c.isascii() else "_" for c in node)
    return name if name.isidentifier() else f"_{name}"
