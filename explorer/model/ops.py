"""What the model knows about each op: its ports and what kind of node it is.

The mathematics of each op (forward, vector-Jacobian product, Jacobian) lives
in :mod:`explorer.engine.ops`; this table only says how ops connect, so that a
model can be validated without the engine.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class OpInfo:
    """The ports and role of one op.

    ``slot_ndim`` gives, per port, the number of dimensions the array arriving
    there has: 2 for a matrix ``(rows, batch)``, 1 for a bias vector.
    """

    name: str
    kind: str  # "leaf", "layer", "activation" or "loss"
    required: tuple[str, ...] = ()
    optional: tuple[str, ...] = ()
    title: str = ""

    @property
    def ports(self) -> tuple[str, ...]:
        return self.required + self.optional

    @property
    def is_leaf(self) -> bool:
        return self.kind == "leaf"

    @property
    def is_loss(self) -> bool:
        return self.kind == "loss"


_LEAF_OPS = {
    "input": "input data",
    "param": "trainable parameter",
    "target": "target data",
}
_ACTIVATIONS = {
    "sigmoid": "logistic sigmoid σ(x)",
    "tanh": "hyperbolic tangent",
    "relu": "rectified linear max(0, x)",
    "identity": "identity",
}
_LOSSES = {
    "half_sse": "½ Σ (Ŷ − Y)²",
    "sse": "Σ (Ŷ − Y)²",
    "mse": "mean (Ŷ − Y)²",
}

OPS: dict[str, OpInfo] = {
    **{name: OpInfo(name, "leaf", title=t) for name, t in _LEAF_OPS.items()},
    "linear": OpInfo("linear", "layer", ("x", "w"), ("b",), title="Wᵀ x (+ b)"),
    **{name: OpInfo(name, "activation", ("x",), title=t) for name, t in _ACTIVATIONS.items()},
    **{name: OpInfo(name, "loss", ("pred", "target"), title=t) for name, t in _LOSSES.items()},
}

ACTIVATIONS: tuple[str, ...] = tuple(_ACTIVATIONS)
LOSSES: tuple[str, ...] = tuple(_LOSSES)

#: Ports whose array is a 1-D vector rather than a ``(rows, batch)`` matrix.
VECTOR_PORTS = frozenset({"b"})
