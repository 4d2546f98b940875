"""The lecture's tensor-product breakdown of one gradient.

For a node ``A`` with input ``T`` the chain rule reads

    ∂L/∂T = ∂L/∂A · ∂A/∂T,     a contraction over all of ``A``'s indices:
    ∂L/∂T[t…] = Σ_a ∂L/∂A[a…] · ∂A/∂T[a…, t…]     (for Ŷ = Wᵀ H: "ib,ibkj->kj")

which for a linear layer simplifies to the outer product ``H δᵀ``. A
:class:`Breakdown` carries every piece with its shape and the numbers, and
says whether the dense contraction, the closed form (the VJP the backward
pass runs) and the engine's gradient agree.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from .errors import JacobianTooLarge, NotReachedError
from .notation import element, partial, pretty
from .ops import OPS
from .session import Session

Array = npt.NDArray[np.float64]

#: Index letters: the output's first (i, b), then the input's (k, j).
_OUT_LETTERS = "ibcd"
_IN_LETTERS = "kjlm"
#: Largest result for which the element table is written out.
ELEMENT_TABLE_LIMIT = 64


@dataclass(frozen=True)
class ElementTerm:
    """One row of the lecture's table: ``∂L/∂w₁₁ = ∂L/∂ŷ₁ × h₁ = 0.42``."""

    name: str
    formula: str
    value: float


@dataclass(frozen=True)
class Breakdown:
    """The contraction ``∂L/∂A · ∂A/∂T → ∂L/∂T`` for one node and one input."""

    node: str
    wrt: str
    port: str
    op: str
    upstream_name: str  # ∂L/∂Ŷ
    jacobian_name: str  # ∂Ŷ/∂W₃
    result_name: str  # ∂L/∂W₃
    upstream_shape: tuple[int, ...]
    jacobian_shape: tuple[int, ...]
    result_shape: tuple[int, ...]
    einsum: str
    closed_form: str  # "H₂ · δᵀ"
    outer_product: bool
    upstream: Array
    closed: Array  # Jᵀ v as the backward pass computes it
    jacobian: Array | None  # None when over the budget
    contraction: Array | None
    engine_share: Array | None  # the engine's Contribution, once the backward pass is there
    jacobian_reason: str | None
    max_diff: float
    agrees: bool
    elements: tuple[ElementTerm, ...]


def einsum_for(out_ndim: int, in_ndim: int) -> str:
    """The contraction of an upstream gradient with a Jacobian.

    >>> einsum_for(2, 2), einsum_for(0, 2), einsum_for(2, 1)
    ('ib,ibkj->kj', ',kj->kj', 'ib,ibk->k')
    """
    a, t = _OUT_LETTERS[:out_ndim], _IN_LETTERS[:in_ndim]
    return f"{a},{a}{t}->{t}"


def breakdown(session: Session, node: str, wrt: str, rtol: float = 1e-9, atol: float = 1e-12) -> Breakdown:
    """Describe and check ``∂L/∂wrt`` through ``node`` at the session's step.

    Needs the forward pass to have computed ``node`` and the backward pass to
    have reached it (``∂L/∂node`` is the upstream gradient).

    Examples
    --------
    >>> from explorer.examples import toy_model
    >>> s = Session(toy_model()); s.run()
    >>> b = breakdown(s, "Yhat", "W3")
    >>> b.upstream_shape, b.jacobian_shape, b.result_shape, b.einsum, b.agrees
    ((2, 1), (2, 1, 3, 2), (3, 2), 'ib,ibkj->kj', True)
    """
    model = session.model
    port = session.port_of(node, wrt)
    op_name = model.op(node)
    upstream = session.grad(node)
    if upstream is None:
        raise NotReachedError(f"the backward pass has not reached {node} yet (∂L/∂{node} is unknown)")
    closed = session.vjp(node, wrt, upstream)
    engine_share = next(
        (c.grad for c in session.state(wrt).upstream if c.consumer == node and c.port == port), None
    )
    jac_shape = session.jacobian_shape(node, wrt)
    jacobian: Array | None = None
    contraction: Array | None = None
    reason = None
    spec = einsum_for(len(model.shape(node)), len(model.shape(wrt)))
    try:
        jacobian = session.jacobian(node, wrt)
        contraction = np.einsum(spec, upstream, jacobian)
    except JacobianTooLarge as error:
        reason = str(error)
    compared = [a for a in (contraction, engine_share) if a is not None]
    diffs = [float(np.max(np.abs(a - closed), initial=0.0)) for a in compared]
    agrees = all(np.allclose(a, closed, rtol=rtol, atol=atol) for a in compared)
    labels = {p: pretty(model.label(src)) for p, src in model.inputs(node).items()}
    x_shape = model.shape(model.inputs(node)["x"]) if "x" in labels else ()
    outer = op_name == "linear" and port == "w" and x_shape[-1:] == (1,)
    return Breakdown(
        node=node,
        wrt=wrt,
        port=port,
        op=op_name,
        upstream_name=partial("L", model.label(node)),
        jacobian_name=f"∂{pretty(model.label(node))}/∂{pretty(model.label(wrt))}",
        result_name=partial("L", model.label(wrt)),
        upstream_shape=tuple(upstream.shape),
        jacobian_shape=jac_shape,
        result_shape=tuple(closed.shape),
        einsum=spec,
        closed_form=OPS[op_name].closed_form[port].format(**labels),
        outer_product=outer,
        upstream=upstream,
        closed=closed,
        jacobian=jacobian,
        contraction=contraction,
        engine_share=engine_share,
        jacobian_reason=reason,
        max_diff=max(diffs, default=0.0),
        agrees=agrees,
        elements=_element_table(session, node, wrt, port, upstream, closed),
    )


def _element_table(
    session: Session, node: str, wrt: str, port: str, upstream: Array, closed: Array
) -> tuple[ElementTerm, ...]:
    """The lecture's table ``∂L/∂w_kj = Σ_b ∂L/∂ŷ_jb × h_kb``, for small linear weights."""
    model = session.model
    if model.op(node) != "linear" or port != "w" or closed.size > ELEMENT_TABLE_LIMIT:
        return ()
    x_name = model.label(model.inputs(node)["x"])
    out_name, w_name = model.label(node), model.label(wrt)
    x = session.value(model.inputs(node)["x"])
    assert x is not None
    batch = x.shape[1]
    rows = []
    for k, j in np.ndindex(closed.shape):
        if batch == 1:
            formula = f"∂L/∂{element(out_name, (j,))} × {element(x_name, (k,))}"
        else:  # Σ over the samples (columns), written once: Σ_b ∂L/∂ŷ₁,b × h₁,b
            formula = f"Σ_b ∂L/∂{element(out_name, (j,))},b × {element(x_name, (k,))},b"
        rows.append(ElementTerm(f"∂L/∂{element(w_name, (k, j))}", formula, float(closed[k, j])))
    return tuple(rows)
