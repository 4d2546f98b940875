"""The op table: everything each op knows, one entry per op.

An entry (:class:`~explorer.ops.entry.Op`) declares an op's ports, its forward
rule, its vector-Jacobian product and dense Jacobian per port, its closed
forms in the lecture's symbols (text and LaTeX), its numpy and torch code,
the in-place kernel the fused training plan runs, its titles (English; the
window translates them) and, for an activation, the bound of its derivative
and where it has a kink; for a loss, how its gradient scales. Every layer
reads :data:`OPS`; adding an op is one entry in one of the modules below,
its translations and its tests (``tests/ops/test_op_table.py`` checks that
every entry is complete).

- :mod:`~explorer.ops.entry`: the entry's type and its parts;
- :mod:`~explorer.ops.data`: the leaves (input, param, target);
- :mod:`~explorer.ops.linear`, :mod:`~explorer.ops.activations`,
  :mod:`~explorer.ops.losses`: the ops;
- :mod:`~explorer.ops.table`: :data:`OPS` and the lists drawn from it.

May import: numpy. Nothing else of explorer, never Qt.
"""

from explorer.ops.entry import Code, Kernel, Op, ResidualLoss, TrainStep
from explorer.ops.table import ACTIVATIONS, LOSSES, OPS, VECTOR_PORTS

__all__ = ["ACTIVATIONS", "LOSSES", "OPS", "VECTOR_PORTS", "Code", "Kernel", "Op", "ResidualLoss", "TrainStep"]
