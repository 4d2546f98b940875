"""Every operation's mathematics in one table.

Each :class:`Op` keeps side by side its forward rule, its vector-Jacobian
product per port (what the backward pass runs, as autograd does: ``Jᵀ v``)
and its closed-form Jacobian per port (built only when someone asks to see
it). Adding an operation is one entry here, one in
:mod:`explorer.model.ops`, and its tests.

Shapes follow the lecture: a matrix is ``(rows, batch)``, a layer is
``H_out = Wᵀ H_in (+ b)`` with ``W`` of shape ``(n_in, n_out)``, and a
Jacobian ``dA/dT`` has shape ``A.shape + T.shape`` (output indices first).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

Array = npt.NDArray[np.float64]
Inputs = Mapping[str, Array]

Forward = Callable[[Inputs], Array]
#: ``vjp(inputs, out, upstream) -> dL/d(port)``, the shape of that input.
Vjp = Callable[[Inputs, Array, Array], Array]
#: ``jacobian(inputs, out) -> d(out)/d(port)``, shape ``out.shape + input.shape``.
Jacobian = Callable[[Inputs, Array], Array]


@dataclass(frozen=True)
class Op:
    """One operation: forward, and per port its VJP, Jacobian and closed form.

    ``closed_form`` is the simplified gradient the lecture writes, with
    ``{x}``, ``{w}``, ``{pred}``, ``{target}`` standing for the input nodes'
    labels and ``δ`` for the upstream gradient.
    """

    name: str
    forward: Forward
    vjp: Mapping[str, Vjp]
    jacobian: Mapping[str, Jacobian]
    closed_form: Mapping[str, str]
    formula: str


# -- linear: out = Wᵀ x + b -------------------------------------------------


def _linear_forward(a: Inputs) -> Array:
    out: Array = a["w"].T @ a["x"]
    if "b" in a:
        out = out + a["b"][:, None]
    return out


def _linear_jacobian_w(a: Inputs, out: Array) -> Array:
    # d out[i,b] / d W[k,j] = δ_ij · x[k,b]
    x, w = a["x"], a["w"]
    jac: Array = np.einsum("ij,kb->ibkj", np.eye(w.shape[1]), x)
    return jac


def _linear_jacobian_x(a: Inputs, out: Array) -> Array:
    # d out[i,b] / d x[k,c] = W[k,i] · δ_bc
    x, w = a["x"], a["w"]
    jac: Array = np.einsum("ki,bc->ibkc", w, np.eye(x.shape[1]))
    return jac


def _linear_jacobian_b(a: Inputs, out: Array) -> Array:
    # d out[i,b] / d b[j] = δ_ij
    n_out, batch = out.shape
    return np.broadcast_to(np.eye(n_out)[:, None, :], (n_out, batch, n_out)).copy()


LINEAR = Op(
    "linear",
    forward=_linear_forward,
    vjp={
        "x": lambda a, out, g: a["w"] @ g,
        "w": lambda a, out, g: a["x"] @ g.T,
        "b": lambda a, out, g: g.sum(axis=1),
    },
    jacobian={"x": _linear_jacobian_x, "w": _linear_jacobian_w, "b": _linear_jacobian_b},
    closed_form={"x": "{w} · δ", "w": "{x} · δᵀ", "b": "Σ_b δ"},
    formula="{w}ᵀ · {x}",
)


# -- elementwise activations ------------------------------------------------


def _diagonal(local: Array) -> Array:
    """The Jacobian of an elementwise map: ``local`` on the diagonal.

    >>> _diagonal(np.array([[2.0], [3.0]])).shape
    (2, 1, 2, 1)
    """
    n = local.size
    jac = np.zeros((n, n))
    jac[np.arange(n), np.arange(n)] = local.ravel()
    return jac.reshape(local.shape + local.shape)


def _elementwise(
    name: str, forward: Callable[[Array], Array], slope: Callable[[Array, Array], Array], closed: str
) -> Op:
    """An activation from its function and its slope ``f'(x)``, given ``(x, f(x))``."""
    return Op(
        name,
        forward=lambda a: forward(a["x"]),
        vjp={"x": lambda a, out, g: g * slope(a["x"], out)},
        jacobian={"x": lambda a, out: _diagonal(slope(a["x"], out))},
        closed_form={"x": closed},
        formula=f"{name}({{x}})",
    )


def _sigmoid(x: Array) -> Array:
    result: Array = 0.5 * (np.tanh(0.5 * x) + 1.0)  # never overflows
    return result


ACTIVATION_OPS = {
    "sigmoid": _elementwise("sigmoid", _sigmoid, lambda x, y: y * (1.0 - y), "δ ⊙ σ({x}) ⊙ (1 − σ({x}))"),
    "tanh": _elementwise("tanh", np.tanh, lambda x, y: 1.0 - y * y, "δ ⊙ (1 − tanh²({x}))"),
    "relu": _elementwise(
        "relu", lambda x: np.maximum(x, 0.0), lambda x, y: (x > 0).astype(np.float64), "δ ⊙ [{x} > 0]"
    ),
    "identity": _elementwise("identity", lambda x: x.copy(), lambda x, y: np.ones_like(x), "δ"),
}


# -- losses: a scalar from (pred, target) ------------------------------------


def _loss(name: str, scale: Callable[[Array], float], value: Callable[[Array], float], closed: str, formula: str) -> Op:
    """A loss ``value(r)`` of the residual ``r = pred - target`` with ``dL/dpred = scale(r) · r``."""

    def residual(a: Inputs) -> Array:
        r: Array = a["pred"] - a["target"]
        return r

    def grad_pred(a: Inputs) -> Array:
        r = residual(a)
        g: Array = scale(r) * r
        return g

    return Op(
        name,
        forward=lambda a: np.asarray(value(residual(a)), dtype=np.float64),
        vjp={
            "pred": lambda a, out, g: g * grad_pred(a),
            "target": lambda a, out, g: -g * grad_pred(a),
        },
        jacobian={"pred": lambda a, out: grad_pred(a), "target": lambda a, out: -grad_pred(a)},
        closed_form={"pred": closed, "target": f"−{closed}"},
        formula=formula,
    )


LOSS_OPS = {
    "half_sse": _loss(
        "half_sse", lambda r: 1.0, lambda r: 0.5 * float(np.sum(r * r)), "({pred} − {target})", "½ Σ ({pred} − {target})²"
    ),
    "sse": _loss("sse", lambda r: 2.0, lambda r: float(np.sum(r * r)), "2 ({pred} − {target})", "Σ ({pred} − {target})²"),
    "mse": _loss(
        "mse",
        lambda r: 2.0 / r.size,
        lambda r: float(np.mean(r * r)),
        "2 ({pred} − {target}) / N",
        "mean ({pred} − {target})²",
    ),
}

#: The table: op name → :class:`Op`. Leaves (input, param, target) have none.
OPS: dict[str, Op] = {"linear": LINEAR, **ACTIVATION_OPS, **LOSS_OPS}
