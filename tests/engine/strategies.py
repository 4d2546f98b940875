"""Hypothesis strategies for random valid chains, and a forward pass written independently of the engine.

A chain is ``X → [W₁ (+ b₁)] → act₁ → … → [Wₙ (+ bₙ)] → actₙ → loss(·, Y)``
with 1–4 linear layers of widths 1–5, a batch of 1–3 columns, an optional
bias and an optional activation per layer, and every number a float64 in
[-2, 2]. :class:`Chain` keeps the raw arrays next to the built
:class:`~explorer.model.Model`, so a test can recompute the loss with
:func:`reference_loss` (plain numpy, no engine) or hand the arrays to
another oracle such as PyTorch.

ReLU and leaky ReLU are not differentiable at 0, so :func:`chains` rejects
(``assume``) a chain in which such a pre-activation lies within :data:`RELU_MARGIN` of 0;
central differences are then valid everywhere.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

import numpy as np
import numpy.typing as npt
from hypothesis import assume
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from explorer.model import Model, NodeSpec

Array = npt.NDArray[np.float64]

ACTIVATIONS = ("sigmoid", "tanh", "relu", "leaky_relu", "identity")
#: The activations with a kink at 0.
KINKED = ("relu", "leaky_relu")
#: What a layer may end in: an activation node, or none (the linear node feeds on).
LAYER_ENDS: tuple[str | None, ...] = (*ACTIVATIONS, None)
LOSSES = ("half_sse", "sse", "mse")
#: Smallest distance of a ReLU pre-activation from its kink.
RELU_MARGIN = 1e-3

_VALUES = st.floats(-2.0, 2.0, allow_nan=False, allow_infinity=False, width=64)


@dataclass(frozen=True)
class Layer:
    """One linear layer ``H = Wᵀ x (+ b)`` and its optional activation."""

    w: Array  # (n_in, n_out)
    b: Array | None  # (n_out,)
    activation: str | None


@dataclass(frozen=True)
class Chain:
    """The raw description of a chain and the model built from it."""

    x: Array  # (n_0, batch)
    y: Array  # (n_last, batch)
    layers: tuple[Layer, ...]
    loss: str
    model: Model = field(compare=False)

    # -- node ids, in the order the model file lists them -------------------

    @staticmethod
    def w_id(i: int) -> str:
        return f"W{i + 1}"

    @staticmethod
    def b_id(i: int) -> str:
        return f"b{i + 1}"

    @staticmethod
    def h_id(i: int) -> str:
        return f"H{i + 1}"

    @staticmethod
    def a_id(i: int) -> str:
        return f"A{i + 1}"

    def out_id(self, i: int) -> str:
        """The node layer ``i`` hands on: its activation, else its linear node."""
        return self.a_id(i) if self.layers[i].activation else self.h_id(i)

    @property
    def pred_id(self) -> str:
        return self.out_id(len(self.layers) - 1)

    def ids(self) -> list[str]:
        """Every node id in file order (which is a topological order)."""
        ids = ["X"]
        for i, layer in enumerate(self.layers):
            ids.append(self.w_id(i))
            if layer.b is not None:
                ids.append(self.b_id(i))
            ids.append(self.h_id(i))
            if layer.activation:
                ids.append(self.a_id(i))
        return [*ids, "Y", "L"]

    def op_ids(self) -> list[str]:
        """The op nodes in file order: what the forward pass steps through."""
        ops = []
        for i, layer in enumerate(self.layers):
            ops.append(self.h_id(i))
            if layer.activation:
                ops.append(self.a_id(i))
        return [*ops, "L"]

    def leaves(self) -> dict[str, Array]:
        """Every leaf's value by node id."""
        values = {"X": self.x, "Y": self.y}
        for i, layer in enumerate(self.layers):
            values[self.w_id(i)] = layer.w
            if layer.b is not None:
                values[self.b_id(i)] = layer.b
        return values


def build_model(x: Array, y: Array, layers: tuple[Layer, ...], loss: str) -> Chain:
    """Build the :class:`Model` of a chain through :class:`NodeSpec`."""
    specs = [NodeSpec("X", "input", value=x)]
    prev = "X"
    for i, layer in enumerate(layers):
        inputs = {"x": prev, "w": Chain.w_id(i)}
        specs.append(NodeSpec(Chain.w_id(i), "param", value=layer.w))
        if layer.b is not None:
            specs.append(NodeSpec(Chain.b_id(i), "param", value=layer.b))
            inputs["b"] = Chain.b_id(i)
        specs.append(NodeSpec(Chain.h_id(i), "linear", inputs=inputs))
        prev = Chain.h_id(i)
        if layer.activation:
            specs.append(NodeSpec(Chain.a_id(i), layer.activation, inputs={"x": prev}))
            prev = Chain.a_id(i)
    specs.append(NodeSpec("Y", "target", value=y))
    specs.append(NodeSpec("L", loss, inputs={"pred": prev, "target": "Y"}))
    return Chain(x, y, layers, loss, Model(specs, name="hypothesis chain"))


# -- an independent forward pass ---------------------------------------------------------


def _activate(name: str, z: Array) -> Array:
    if name == "sigmoid":
        return 1.0 / (1.0 + np.exp(-z))
    if name == "tanh":
        return np.tanh(z)
    if name == "relu":
        return np.where(z > 0, z, 0.0)
    if name == "leaky_relu":
        return np.where(z > 0, z, 0.01 * z)
    assert name == "identity", name
    return z


def reference_forward(chain: Chain, overrides: Mapping[str, Array] | None = None) -> tuple[list[Array], float]:
    """The pre-activations of every layer and the loss, in plain numpy.

    ``overrides`` replaces leaf values by node id (``"X"``, ``"W2"``, ``"b1"``, ``"Y"``).
    """
    leaves = {**chain.leaves(), **(overrides or {})}
    h = leaves["X"]
    pre = []
    for i, layer in enumerate(chain.layers):
        w = leaves[chain.w_id(i)]
        z = np.einsum("kj,kb->jb", w, h)  # Wᵀ h written as a sum, not as the engine's matmul
        if layer.b is not None:
            z = z + leaves[chain.b_id(i)].reshape(-1, 1)
        pre.append(z)
        h = _activate(layer.activation, z) if layer.activation else z
    r = h - leaves["Y"]
    total = float(np.sum(r * r))
    loss = {"half_sse": 0.5 * total, "sse": total, "mse": total / r.size}[chain.loss]
    return pre, loss


def relu_clear(chain: Chain, margin: float = RELU_MARGIN) -> bool:
    """True when no ReLU (or leaky ReLU) pre-activation lies within ``margin`` of 0."""
    pre, _ = reference_forward(chain)
    return all(
        bool(np.all(np.abs(z) > margin))
        for z, layer in zip(pre, chain.layers, strict=True)
        if layer.activation in KINKED
    )


# -- strategies ---------------------------------------------------------------------------


def matrices(rows: int, cols: int) -> st.SearchStrategy[Array]:
    # fill=nothing(): every element is drawn on its own, not mostly one repeated fill value
    return arrays(np.float64, (rows, cols), elements=_VALUES, fill=st.nothing())


def vectors(n: int) -> st.SearchStrategy[Array]:
    return arrays(np.float64, (n,), elements=_VALUES, fill=st.nothing())


@st.composite
def chains(
    draw: st.DrawFn,
    max_layers: int = 4,
    max_width: int = 5,
    max_batch: int = 3,
    activations: tuple[str | None, ...] = LAYER_ENDS,
    losses: tuple[str, ...] = LOSSES,
) -> Chain:
    """A random valid chain (see the module docstring).

    Each layer ends in one of ``activations``; ``None`` there means no activation node.
    """
    depth = draw(st.integers(1, max_layers))
    widths = draw(st.lists(st.integers(1, max_width), min_size=depth + 1, max_size=depth + 1))
    batch = draw(st.integers(1, max_batch))
    layers = []
    for i in range(depth):
        w = draw(matrices(widths[i], widths[i + 1]))
        b = draw(vectors(widths[i + 1])) if draw(st.booleans()) else None
        activation = draw(st.sampled_from(activations))
        layers.append(Layer(w, b, activation))
    x = draw(matrices(widths[0], batch))
    y = draw(matrices(widths[-1], batch))
    loss = draw(st.sampled_from(losses))
    chain = build_model(x, y, tuple(layers), loss)
    assume(relu_clear(chain))
    return chain
