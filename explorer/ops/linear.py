"""The linear layer ``out = Wᵀ x (+ b)``: ``x`` is ``(n_in, batch)``, ``W`` is ``(n_in, n_out)``, ``b`` is ``(n_out,)``."""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np

from explorer.ops.entry import QT_TRANSLATE_NOOP, Array, Code, Inputs, Kernel, Op, TrainStep

# The largest outer product (elements) computed by broadcasting rather than einsum (``benchmarks/bench_engine.py``).
SMALL_OUTER = 64 * 64
# Past this many elements the outer product is written a block of rows at a time (``_blocked_outer``) …
LARGE_OUTER = 256 * 256
# … each block about this many elements (512 KiB), well inside a core's level-2 cache.
OUTER_BLOCK = 64 * 1024


def _forward(a: Inputs) -> Array:
    out: Array = a["w"].T @ a["x"]
    if "b" in a:
        out = out + a["b"][:, None]
    return out


def _jacobian_w(a: Inputs, out: Array) -> Array:
    # d out[i,b] / d W[k,j] = δ_ij · x[k,b]
    x, w = a["x"], a["w"]
    jac: Array = np.einsum("ij,kb->ibkj", np.eye(w.shape[1]), x)
    return jac


def _jacobian_x(a: Inputs, out: Array) -> Array:
    # d out[i,b] / d x[k,c] = W[k,i] · δ_bc
    x, w = a["x"], a["w"]
    jac: Array = np.einsum("ki,bc->ibkc", w, np.eye(x.shape[1]))
    return jac


def _jacobian_b(a: Inputs, out: Array) -> Array:
    # d out[i,b] / d b[j] = δ_ij
    n_out, batch = out.shape
    return np.broadcast_to(np.eye(n_out)[:, None, :], (n_out, batch, n_out)).copy()


def _blocked_outer(x: Array, g: Array) -> Array:
    """``x gᵀ`` for long vectors: each block of rows computed in a small scratch array, then copied into place.

    einsum writes straight into a large new array at about half the speed a plain copy does (each store
    first reads its cache line from memory); the copy of a block that is still in the cache does not.
    A width-1024 layer's gradient: 1.16 ms against 1.70 ms (``benchmarks/bench_engine.py``, one thread).
    """
    n, m = x.size, g.size
    out: Array = np.empty((n, m))
    rows = max(1, OUTER_BLOCK // m)
    block = np.empty((min(rows, n), m))
    for start in range(0, n, rows):
        k = min(rows, n - start)
        np.einsum("i,j->ij", x[start : start + k], g, out=block[:k])
        out[start : start + k] = block[:k]
    return out


def _vjp_w(a: Inputs, out: Array, g: Array) -> Array:
    x = a["x"]
    if x.shape[1] == 1:  # one sample: the outer product x gᵀ, each element one product x_k g_j
        # numpy's matmul computes it as a slow k=1 product; broadcasting is quickest while small, einsum past that
        size = x.size * g.size
        if size <= SMALL_OUTER:
            small: Array = x * g.T
            return small
        if size <= LARGE_OUTER:
            outer: Array = np.einsum("i,j->ij", x[:, 0], g[:, 0])
            return outer
        return _blocked_outer(x[:, 0], g[:, 0])
    grad: Array = x @ g.T
    return grad


# The largest finite float64.
_LARGEST = float(np.finfo(np.float64).max)


def _grad_w_is_finite(a: Inputs, out: Array, g: Array, grad: Array) -> bool:
    """``x δᵀ`` is finite when a bound from its factors is, so a large one is not read again to check it.

    One sample: each element is one rounded product, and rounding never makes a product of smaller
    factors larger, so ``max|x| · max|δ|`` finite is enough. A batch of ``s`` samples: each element
    is a sum of ``s`` such products, in whatever order the BLAS adds them; the computed sum and every
    partial sum stay within ``(1 + γₛ) · s · max|x| · max|δ|`` (γₛ = sε/(1 − sε) < 1 for any batch
    that fits in memory), so twice ``s · max|x| · max|δ|`` finite is enough. An inf or NaN in ``x``
    or ``δ`` makes the bound inf or NaN: then the result is looked at.
    """
    x = a["x"]
    if grad.size <= SMALL_OUTER:
        return False  # a small result is looked at with the others at no cost
    batch = x.shape[1]
    bound = float(np.max(np.abs(x))) * float(np.max(np.abs(g)))
    return (bound if batch == 1 else bound * (2.0 * batch)) <= _LARGEST


# -- the lecture's forms of the local Jacobian ---------------------------------


def _form_x(u: Mapping[str, str], t: Mapping[str, str], batch: int) -> tuple[str, str]:
    if batch == 1:
        return f"{u['w']}ᵀ", f"{t['w']}^{{\\top}}"
    return f"{u['w']}ᵀ ⊗ I_{batch}", f"{t['w']}^{{\\top}} \\otimes I_{{{batch}}}"


def _form_w(u: Mapping[str, str], t: Mapping[str, str], batch: int) -> tuple[str, str]:
    s = "" if batch == 1 else ",s"
    return (
        f"∂{u['out']}[i{s}]/∂{u['w']}[k,j] = [i = j] · {u['x']}[k{s}]",
        f"\\partial ({t['out']})_{{i{s}}} / \\partial ({t['w']})_{{kj}} = [i = j]\\, ({t['x']})_{{k{s}}}",
    )


def _form_b(u: Mapping[str, str], t: Mapping[str, str], batch: int) -> tuple[str, str]:
    s = "" if batch == 1 else ",s"
    return f"∂{u['out']}[i{s}]/∂{u['b']}[j] = [i = j]", f"\\partial ({t['out']})_{{i{s}}} / \\partial ({t['b']})_{{j}} = [i = j]"


# -- the fused training plan's steps ---------------------------------------------


def _kernel_forward(a: Inputs, out: Array) -> TrainStep:
    x, w_t = a["x"], a["w"].T
    if "b" in a:
        bias = a["b"][:, None]

        def linear_bias() -> None:
            np.matmul(w_t, x, out=out)
            np.add(out, bias, out=out)

        return linear_bias
    return lambda: np.matmul(w_t, x, out=out)


def _kernel_w(a: Inputs, out: Array, g: Array, dst: Array) -> TrainStep:
    x, g_t = a["x"], g.T
    return lambda: np.matmul(x, g_t, out=dst)


def _kernel_x(a: Inputs, out: Array, g: Array, dst: Array) -> TrainStep:
    w = a["w"]
    return lambda: np.matmul(w, g, out=dst)


def _kernel_b(a: Inputs, out: Array, g: Array, dst: Array) -> TrainStep:
    return lambda: np.sum(g, axis=1, out=dst)


LINEAR = Op(
    "linear",
    "layer",
    QT_TRANSLATE_NOOP("Op", "linear"),
    QT_TRANSLATE_NOOP("Op", "Wᵀ x (+ b)"),
    required=("x", "w"),
    optional=("b",),
    vector_ports=frozenset({"b"}),
    forward=_forward,
    vjp={
        "x": lambda a, out, g: a["w"] @ g,
        "w": _vjp_w,
        "b": lambda a, out, g: g.sum(axis=1),
    },
    jacobian={"x": _jacobian_x, "w": _jacobian_w, "b": _jacobian_b},
    finite_vjp={"w": _grad_w_is_finite},
    formula="{w}ᵀ · {x}",
    closed_form={"x": "{w} · δ", "w": "{x} · δᵀ", "b": "Σₛ δ"},
    local_form={"x": _form_x, "w": _form_w, "b": _form_b},
    code=Code(
        numpy="{w}.T @ {x}",
        torch="{w}.T @ {x}",
        bias=" + {b}[:, None]",
        vjp={"x": "{w} @ {g}", "w": "{x} @ {g}.T", "b": "{g}.sum(axis=1)"},
    ),
    kernel=Kernel(_kernel_forward, {"x": _kernel_x, "w": _kernel_w, "b": _kernel_b}),
)
