"""Elementwise activations ``out = f(x)``: a diagonal Jacobian, ``f′(x)`` on the diagonal.

Each is declared by its function and its slope ``f′`` given ``(x, f(x))``;
the VJP is ``δ ⊙ f′`` and the dense Jacobian ``diag(f′)``. The fused training
plan's kernels compute the same floating-point operations in place.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

import numpy as np

from explorer.ops.entry import QT_TRANSLATE_NOOP, Array, Code, Form, Kernel, Op, TrainStep

Slope = Callable[[Array, Array], Array]
# ``step(x, out)`` writes ``f(x)`` into ``out``.
ForwardKernel = Callable[[Array, Array], TrainStep]
# ``step(x, y, upstream, dst)`` writes ``upstream ⊙ f′(x)`` into ``dst`` (``y = f(x)``).
SlopeKernel = Callable[[Array, Array, Array, Array], TrainStep]


def diagonal(local: Array) -> Array:
    """The Jacobian of an elementwise map: ``local`` on the diagonal, shape ``local.shape * 2``.

    >>> diagonal(np.array([[2.0], [3.0]])).shape
    (2, 1, 2, 1)
    """
    n = local.size
    jac = np.zeros((n, n))
    jac[np.arange(n), np.arange(n)] = local.ravel()
    return jac.reshape(local.shape + local.shape)


def _diag_form(text: str, latex: str) -> Form:
    def form(u: Mapping[str, str], t: Mapping[str, str], batch: int) -> tuple[str, str]:
        return f"diag({text.format(**u)})", f"\\operatorname{{diag}}({latex.format(**t)})"

    return form


def activation(
    name: str,
    title: str,
    description: str,
    *,
    function: Callable[[Array], Array],
    slope: Slope,
    symbol: str,
    closed_form: str,
    local_form: Form,
    code: Code,
    kernel: tuple[ForwardKernel, SlopeKernel],
    derivative_bound: float,
    kink: float | None = None,
    plotted: bool = True,
) -> Op:
    """An activation entry from its function, its slope and the rest it declares."""
    forward_kernel, slope_kernel = kernel
    return Op(
        name,
        "activation",
        title,
        description,
        required=("x",),
        forward=lambda a: function(a["x"]),
        vjp={"x": lambda a, out, g: g * slope(a["x"], out)},
        jacobian={"x": lambda a, out: diagonal(slope(a["x"], out))},
        formula=f"{symbol}({{x}})",
        closed_form={"x": closed_form},
        local_form={"x": local_form},
        code=code,
        kernel=Kernel(
            forward=lambda a, out: forward_kernel(a["x"], out),
            vjp={"x": lambda a, out, g, dst: slope_kernel(a["x"], out, g, dst)},
        ),
        derivative_bound=derivative_bound,
        kink=kink,
        symbol=symbol,
        plotted=plotted,
    )


# -- sigmoid -------------------------------------------------------------------


def _sigmoid(x: Array) -> Array:
    result: Array = 0.5 * (np.tanh(0.5 * x) + 1.0)  # never overflows
    return result


def _sigmoid_kernel(x: Array, out: Array) -> TrainStep:
    def sigmoid() -> None:  # 0.5 · (tanh(0.5 x) + 1), as _sigmoid computes it
        np.multiply(x, 0.5, out=out)
        np.tanh(out, out=out)
        np.add(out, 1.0, out=out)
        np.multiply(out, 0.5, out=out)

    return sigmoid


def _sigmoid_slope_kernel(x: Array, y: Array, g: Array, dst: Array) -> TrainStep:
    def sigmoid_grad() -> None:  # δ · (y (1 − y))
        np.subtract(1.0, y, out=dst)
        np.multiply(y, dst, out=dst)
        np.multiply(g, dst, out=dst)

    return sigmoid_grad


SIGMOID = activation(
    "sigmoid",
    QT_TRANSLATE_NOOP("Op", "sigmoid"),
    QT_TRANSLATE_NOOP("Op", "logistic sigmoid σ(x)"),
    function=_sigmoid,
    slope=lambda x, y: y * (1.0 - y),
    symbol="σ",
    closed_form="δ ⊙ σ({x}) ⊙ (1 − σ({x}))",
    local_form=_diag_form("{out} ⊙ (1 − {out})", "{out} \\odot (1 - {out})"),
    code=Code("0.5 * (np.tanh(0.5 * {x}) + 1.0)", "torch.sigmoid({x})", {"x": "{g} * {out} * (1.0 - {out})"}),
    kernel=(_sigmoid_kernel, _sigmoid_slope_kernel),
    derivative_bound=0.25,
)


# -- tanh ----------------------------------------------------------------------


def _tanh_slope_kernel(x: Array, y: Array, g: Array, dst: Array) -> TrainStep:
    def tanh_grad() -> None:  # δ · (1 − y²)
        np.multiply(y, y, out=dst)
        np.subtract(1.0, dst, out=dst)
        np.multiply(g, dst, out=dst)

    return tanh_grad


TANH = activation(
    "tanh",
    QT_TRANSLATE_NOOP("Op", "tanh"),
    QT_TRANSLATE_NOOP("Op", "hyperbolic tangent"),
    function=np.tanh,
    slope=lambda x, y: 1.0 - y * y,
    symbol="tanh",
    closed_form="δ ⊙ (1 − tanh²({x}))",
    local_form=_diag_form("1 − {out}²", "1 - {out}^{{2}}"),
    code=Code("np.tanh({x})", "torch.tanh({x})", {"x": "{g} * (1.0 - {out} * {out})"}),
    kernel=(lambda x, out: lambda: np.tanh(x, out=out), _tanh_slope_kernel),
    derivative_bound=1.0,
)


# -- relu ----------------------------------------------------------------------


def _relu_slope_kernel(x: Array, y: Array, g: Array, dst: Array) -> TrainStep:
    mask = np.empty(x.shape, dtype=bool)

    def relu_grad() -> None:  # δ · [x > 0]
        np.greater(x, 0.0, out=mask)
        np.multiply(g, mask, out=dst)

    return relu_grad


RELU = activation(
    "relu",
    QT_TRANSLATE_NOOP("Op", "relu"),
    QT_TRANSLATE_NOOP("Op", "rectified linear max(0, x)"),
    function=lambda x: np.maximum(x, 0.0),
    slope=lambda x, y: (x > 0).astype(np.float64),
    symbol="relu",
    closed_form="δ ⊙ [{x} > 0]",
    local_form=_diag_form("[{x} > 0]", "[{x} > 0]"),
    code=Code("np.maximum({x}, 0.0)", "torch.relu({x})", {"x": "{g} * ({x} > 0)"}),
    kernel=(lambda x, out: lambda: np.maximum(x, 0.0, out=out), _relu_slope_kernel),
    derivative_bound=1.0,
    kink=0.0,
)


# -- leaky relu: slope 0.01 below zero, so no unit ever stops learning -------------

LEAK = 0.01


def _leaky_relu(x: Array) -> Array:
    result: Array = np.maximum(x, LEAK * x)
    return result


def _leaky_slope(x: Array, y: Array) -> Array:
    result: Array = np.where(x > 0, 1.0, LEAK)
    return result


def _leaky_relu_kernel(x: Array, out: Array) -> TrainStep:
    def leaky_relu() -> None:  # max(x, 0.01 x), as _leaky_relu computes it
        np.multiply(x, LEAK, out=out)
        np.maximum(x, out, out=out)

    return leaky_relu


def _leaky_slope_kernel(x: Array, y: Array, g: Array, dst: Array) -> TrainStep:
    mask = np.empty(x.shape, dtype=bool)
    slope = np.empty(x.shape)

    def leaky_relu_grad() -> None:  # δ · (1 where x > 0, else 0.01)
        np.greater(x, 0.0, out=mask)
        slope.fill(LEAK)
        np.copyto(slope, 1.0, where=mask)
        np.multiply(g, slope, out=dst)

    return leaky_relu_grad


LEAKY_RELU = activation(
    "leaky_relu",
    QT_TRANSLATE_NOOP("Op", "leaky ReLU"),
    QT_TRANSLATE_NOOP("Op", "leaky rectified linear max(0.01x, x)"),
    function=_leaky_relu,
    slope=_leaky_slope,
    symbol="lrelu",
    closed_form="δ ⊙ (0.01 + 0.99 [{x} > 0])",
    local_form=_diag_form("0.01 + 0.99 [{x} > 0]", "0.01 + 0.99\\,[{x} > 0]"),
    code=Code(
        "np.maximum({x}, 0.01 * {x})",
        "torch.nn.functional.leaky_relu({x}, 0.01)",
        {"x": "{g} * np.where({x} > 0, 1.0, 0.01)"},
    ),
    kernel=(_leaky_relu_kernel, _leaky_slope_kernel),
    derivative_bound=1.0,
    kink=0.0,
)


# -- identity ------------------------------------------------------------------

IDENTITY = activation(
    "identity",
    QT_TRANSLATE_NOOP("Op", "identity"),
    QT_TRANSLATE_NOOP("Op", "identity f(x) = x"),
    function=lambda x: x.copy(),
    slope=lambda x, y: np.ones_like(x),
    symbol="identity",
    closed_form="δ",
    local_form=lambda u, t, batch: ("I", "I"),
    code=Code("{x}.copy()", "{x}.clone()", {"x": "{g}"}),
    kernel=(lambda x, out: lambda: np.copyto(out, x), lambda x, y, g, dst: lambda: np.copyto(dst, g)),
    derivative_bound=1.0,
    plotted=False,
)

ACTIVATION_OPS = (SIGMOID, TANH, RELU, LEAKY_RELU, IDENTITY)
