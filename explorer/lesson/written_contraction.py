"""The chain rule summed out element by element, as the lecture's slide 8/8 writes it, with the numbers.

:func:`written_contraction`: ``∂L/∂w₁₁ = ∂L/∂ŷ₁·∂ŷ₁/∂w₁₁ + ∂L/∂ŷ₂·∂ŷ₂/∂w₁₁``
with every term, zeros included, the table's collapsed form of each element,
and for a batch ``H δᵀ = Σₛ hₛ δₛᵀ`` one outer product per sample. Element
names and the size limit are :mod:`explorer.lesson.by_hand`'s.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from explorer.engine.session import Session
from explorer.lesson.by_hand import MATRIX_LIMIT, Array, element_name
from explorer.lesson.describe import closed_form, delta_definition
from explorer.lesson.notation import pretty, qualified_element
from explorer.model.messages import Message


@dataclass(frozen=True)
class ContractionTerm:
    """``∂L/∂ŷ₁ · ∂ŷ₁/∂w₁₁`` with its two numbers."""

    upstream: str
    upstream_value: float
    local: str
    local_value: float


@dataclass(frozen=True)
class ContractionRow:
    """One element of the result: the sum over every output element, then its table form."""

    result: str
    terms: tuple[ContractionTerm, ...]
    value: float
    collapsed: str


@dataclass(frozen=True)
class OuterProduct:
    """One sample's share ``xₛ δₛᵀ`` of a batch's ``X δᵀ``."""

    sample: int
    column: Array
    delta: Array
    product: Array


@dataclass(frozen=True)
class Contraction:
    """``∂L/∂wrt[t] = Σ_a ∂L/∂of[a] · ∂of[a]/∂wrt[t]`` written out element by element."""

    of: str
    wrt: str
    delta: Message
    rows: tuple[ContractionRow, ...]
    closed_form: str
    outer_factor: str | None
    outer_products: tuple[OuterProduct, ...]
    result: Array


def written_contraction(session: Session, of: str, wrt: str) -> Contraction | None:
    """The lecture's slide 8/8 with numbers, or ``None`` when too large or before ``∂L/∂of``.

    >>> from explorer.model.examples import toy_model
    >>> s = Session(toy_model()); s.run()
    >>> row = written_contraction(s, "Yhat", "W3").rows[0]
    >>> row.result, [t.upstream + "·" + t.local for t in row.terms], row.collapsed
    ('∂L/∂w⁽³⁾₁₁', ['∂L/∂ŷ₁·∂ŷ₁/∂w⁽³⁾₁₁', '∂L/∂ŷ₂·∂ŷ₂/∂w⁽³⁾₁₁'], '∂L/∂ŷ₁ × h⁽²⁾₁')
    """
    model = session.model
    upstream = session.grad(of)
    shape = session.jacobian_shape(of, wrt)
    if upstream is None or int(np.prod(shape, dtype=np.int64)) > MATRIX_LIMIT:
        return None
    jac = session.jacobian(of, wrt)
    of_shape, wrt_shape = model.shape(of), model.shape(wrt)
    of_label, wrt_label = model.label(of), model.label(wrt)
    port = session.port_of(of, wrt)
    outs = list(np.ndindex(of_shape)) if of_shape else [()]
    result = np.zeros(wrt_shape)
    rows = []
    for t in np.ndindex(wrt_shape):
        target = element_name(wrt_label, wrt_shape, t)
        terms = tuple(
            ContractionTerm(
                f"∂L/∂{element_name(of_label, of_shape, a)}",
                float(upstream[a]),
                f"∂{element_name(of_label, of_shape, a)}/∂{target}",
                float(jac[a + t]),
            )
            for a in outs
        )
        value = float(sum(term.upstream_value * term.local_value for term in terms))
        result[t] = value
        rows.append(ContractionRow(f"∂L/∂{target}", terms, value, _collapsed(session, of, port, t)))
    outer_factor, outer = _outer_products(session, of, port, upstream)
    return Contraction(
        of, wrt, delta_definition(model, of), tuple(rows), closed_form(model, of, port), outer_factor, outer, result
    )


def _collapsed(session: Session, of: str, port: str, t: tuple[int, ...]) -> str:
    """The table's form of one element: ``∂L/∂ŷ₂ × h⁽²⁾₁`` (a sum over samples for a batch)."""
    model = session.model
    inputs = model.inputs(of)
    of_shape = model.shape(of)
    of_label = model.label(of)
    batch = of_shape[1] if len(of_shape) == 2 else 1
    if model.op(of) == "linear" and port == "w":
        k, j = t
        x_label, x_shape = model.label(inputs["x"]), model.shape(inputs["x"])
        if batch == 1:
            return f"∂L/∂{element_name(of_label, of_shape, (j, 0))} × {element_name(x_label, x_shape, (k, 0))}"
        return f"Σₛ ∂L/∂{qualified_element(of_label, (j,))}ₛ × {qualified_element(x_label, (k,))}ₛ"
    if model.op(of) == "linear" and port == "b":
        (j,) = t
        if batch == 1:
            return f"∂L/∂{element_name(of_label, of_shape, (j, 0))}"
        return f"Σₛ ∂L/∂{qualified_element(of_label, (j,))}ₛ"
    if model.op(of) == "linear" and port == "x":
        k, s = t
        w_label, w_shape = model.label(inputs["w"]), model.shape(inputs["w"])
        n_out = w_shape[1]
        return " + ".join(
            f"{qualified_element(w_label, (k, i))} ∂L/∂{element_name(of_label, of_shape, (i, s))}" for i in range(n_out)
        )
    source = inputs[port]
    within = element_name(model.label(source), model.shape(source), t)
    if not of_shape:  # a loss: its Jacobian is the gradient itself, one term
        return f"∂L/∂{within}"
    same = element_name(of_label, of_shape, t)  # elementwise: only the matching element is not zero
    return f"∂L/∂{same} × ∂{same}/∂{within}"


def _outer_products(
    session: Session, of: str, port: str, upstream: Array
) -> tuple[str | None, tuple[OuterProduct, ...]]:
    """For ``∂L/∂W`` of a linear node: its factor (``X``, ``A₁``, ``H₂``) and ``Σₛ xₛ δₛᵀ`` per sample."""
    model = session.model
    if model.op(of) != "linear" or port != "w":
        return None, ()
    x_node = model.inputs(of)["x"]
    x = session.value(x_node)
    assert x is not None
    products = tuple(
        OuterProduct(s, x[:, s].copy(), upstream[:, s].copy(), np.outer(x[:, s], upstream[:, s]))
        for s in range(x.shape[1])
    )
    return pretty(model.label(x_node)), products
