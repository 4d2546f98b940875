"""The table: op name → entry, and the lists the model and the window draw from it."""

from __future__ import annotations

from explorer.ops.activations import ACTIVATION_OPS
from explorer.ops.data import LEAVES
from explorer.ops.entry import Op
from explorer.ops.linear import LINEAR
from explorer.ops.losses import LOSS_OPS

#: Every op by name: the leaves, the linear layer, the activations, the losses.
OPS: dict[str, Op] = {op.name: op for op in (*LEAVES, LINEAR, *ACTIVATION_OPS, *LOSS_OPS)}

#: The activations a layer may end with, in menu order.
ACTIVATIONS: tuple[str, ...] = tuple(op.name for op in ACTIVATION_OPS)
#: The losses, in menu order.
LOSSES: tuple[str, ...] = tuple(op.name for op in LOSS_OPS)
#: Ports whose array is a 1-D vector rather than a ``(rows, batch)`` matrix.
VECTOR_PORTS: frozenset[str] = frozenset().union(*(op.vector_ports for op in OPS.values()))
