"""The lecture's tensor-product breakdown of one gradient.

For a node ``A`` with input ``T`` the chain rule reads

    ∂L/∂T = ∂L/∂A · ∂A/∂T,     a contraction over all of ``A``'s indices:
    ∂L/∂T[t…] = Σ_a ∂L/∂A[a…] · ∂A/∂T[a…, t…]     (for Ŷ = Wᵀ H: "ib,ibkj->kj")

which for a linear layer simplifies to the outer product ``H δᵀ``. A
:class:`Breakdown` carries every piece with its shape and the numbers. Its
check is honest: the closed form *is* the VJP the engine runs, so the only
independent check here is the dense contraction (``einsum`` over the built
Jacobian) against the engine's gradient; :func:`finite_difference_check`
adds central differences on demand (slow: run it off the UI thread).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from explorer.engine.errors import EngineError, JacobianTooLarge, NotReachedError
from explorer.engine.gradcheck import ATOL, EPS, RTOL, numeric_grad
from explorer.engine.session import Session
from explorer.lesson.describe import closed_form, definitions, delta_definition
from explorer.lesson.notation import partial, pretty, qualified_element, shape_text
from explorer.ops import OPS

Array = npt.NDArray[np.float64]

#: Index letters: the output's first (i, b), then the input's (k, j).
_OUT_LETTERS = "ibcd"
_IN_LETTERS = "kjlm"
#: Largest result for which the element table is written out.
ELEMENT_TABLE_LIMIT = 64
#: The finite-difference check asks whether it was cancelled after this many elements.
_CHUNK = 8


class CheckCancelled(EngineError):
    """A finite-difference check stopped because its caller cancelled it."""


@dataclass(frozen=True)
class ElementTerm:
    """One row of the lecture's table: ``∂L/∂w⁽³⁾₁₁ = ∂L/∂ŷ₁ × h⁽²⁾₁ = 0.42`` (layer-qualified names)."""

    name: str
    formula: str
    value: float


@dataclass(frozen=True)
class Breakdown:
    """The contraction ``∂L/∂A · ∂A/∂T → ∂L/∂T`` for one node and one input.

    ``agrees`` and ``max_diff`` compare the dense contraction with the
    engine's gradient (``independent_check`` is False when the Jacobian was
    too large to build: then nothing independent was compared).
    ``local_is_gradient`` is True when ``A`` is the scalar loss: its
    Jacobian ``∂L/∂T`` is then exactly the gradient the backward pass computes.
    ``definitions`` say what δ (with its node), N and s stand for;
    ``outer_factor`` names the factor of the outer product (``X``, ``A₁``).
    """

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
    independent_check: bool = False
    local_is_gradient: bool = False
    delta: str = ""
    definitions: tuple[str, ...] = ()
    outer_factor: str | None = None
    outer_product_note: str = ""


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
    >>> from explorer.model.examples import toy_model
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
    engine = engine_share if engine_share is not None else closed  # closed is the engine's own VJP call
    independent = contraction is not None
    max_diff = float(np.max(np.abs(contraction - engine), initial=0.0)) if contraction is not None else 0.0
    agrees = contraction is None or bool(np.allclose(contraction, engine, rtol=rtol, atol=atol))
    inputs = model.inputs(node)
    outer_factor = pretty(model.label(inputs["x"])) if op_name == "linear" and port == "w" else None
    x_shape = model.shape(inputs["x"]) if outer_factor else ()
    outer = outer_factor is not None and x_shape[-1:] == (1,)
    note = ""
    if outer_factor is not None:
        rows, cols = shape_text((x_shape[0], 1)), shape_text((1, upstream.shape[0]))
        note = (
            f"one sample: the outer product {outer_factor} δᵀ, {rows} · {cols} → {shape_text(tuple(closed.shape))}"
            if outer
            else f"{x_shape[1]} samples: {outer_factor} δᵀ = Σₛ {outer_factor}[:, s] δ[:, s]ᵀ, a sum of outer products"
        )
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
        closed_form=closed_form(model, node, port),
        outer_product=outer,
        upstream=upstream,
        closed=closed,
        jacobian=jacobian,
        contraction=contraction,
        engine_share=engine_share,
        jacobian_reason=reason,
        max_diff=max_diff,
        agrees=agrees,
        elements=_element_table(session, node, wrt, port, upstream, closed),
        independent_check=independent,
        local_is_gradient=node == model.loss_id,
        delta=delta_definition(model, node),
        definitions=definitions(model, node, port),
        outer_factor=outer_factor,
        outer_product_note=note,
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
        out_j, x_k = qualified_element(out_name, (j,)), qualified_element(x_name, (k,))
        if batch == 1:
            formula = f"∂L/∂{out_j} × {x_k}"
        else:  # Σ over the samples (columns) s; b stays the bias
            formula = f"Σₛ ∂L/∂{out_j},ₛ × {x_k},ₛ"
        rows.append(ElementTerm(f"∂L/∂{qualified_element(w_name, (k, j))}", formula, float(closed[k, j])))
    return tuple(rows)


@dataclass(frozen=True)
class FiniteDifferenceCheck:
    """The engine's ``∂L/∂node`` against central differences (float64)."""

    node: str
    engine: Array
    numeric: Array
    max_diff: float
    ok: bool


def finite_difference_check(
    session: Session,
    node: str,
    eps: float = EPS,
    atol: float = ATOL,
    rtol: float = RTOL,
    cancelled: Callable[[], bool] | None = None,
) -> FiniteDifferenceCheck:
    """Check one node's gradient at this step by central differences; slow, so call it off the UI thread.

    Leaves are perturbed in the model (:func:`~explorer.engine.gradcheck.numeric_grad`);
    an op node's value is perturbed and only what it feeds is recomputed.
    ``cancelled`` is asked between elements; when it answers True the check
    stops and raises :class:`~explorer.engine.errors.CheckCancelled`.

    Examples
    --------
    >>> from explorer.model.examples import toy_model
    >>> s = Session(toy_model()); s.run()
    >>> finite_difference_check(s, "W1").ok, finite_difference_check(s, "H2").ok
    (True, True)
    """
    engine = session.grad(node)
    if engine is None:
        raise NotReachedError(f"the backward pass has not reached {node} yet (∂L/∂{node} is unknown)")
    model = session.model
    stop = cancelled or (lambda: False)
    if model.op(node) in ("input", "param", "target"):
        indices = list(np.ndindex(engine.shape))
        flat = np.empty(len(indices))
        for start in range(0, len(indices), _CHUNK):
            if stop():
                raise CheckCancelled(f"the finite-difference check of {node} was cancelled")
            flat[start : start + _CHUNK] = numeric_grad(model, node, indices[start : start + _CHUNK], eps=eps)
        numeric = flat.reshape(engine.shape)
    else:
        numeric = _numeric_op_grad(session, node, eps, stop)
    diff = np.abs(engine - numeric)
    return FiniteDifferenceCheck(
        node, engine, numeric, float(diff.max(initial=0.0)), bool(np.all(diff <= atol + rtol * np.abs(numeric)))
    )


def _numeric_op_grad(session: Session, node: str, eps: float, stop: Callable[[], bool]) -> Array:
    import networkx as nx

    model = session.model
    known = {n: session.value(n) for n in model.order}
    if any(v is None for v in known.values()):
        raise EngineError("the forward pass is not complete")
    downstream = nx.descendants(model.graph, node)
    ops = [op for op in model.op_nodes if op in downstream]
    base = np.array(known[node], dtype=np.float64)

    def loss_with(value: Array) -> float:
        values = dict(known)
        values[node] = value
        for op in ops:
            inputs = {p: values[src] for p, src in model.inputs(op).items()}
            values[op] = OPS[model.op(op)].forward(inputs)  # type: ignore[arg-type]
        return float(values[model.loss_id])  # type: ignore[arg-type]

    result = np.empty(base.shape)
    for index in np.ndindex(base.shape):
        if stop():
            raise CheckCancelled(f"the finite-difference check of {node} was cancelled")
        plus, minus = base.copy(), base.copy()
        plus[index] += eps
        minus[index] -= eps
        result[index] = (loss_with(plus) - loss_with(minus)) / (2 * eps)
    return result
