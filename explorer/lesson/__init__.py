"""The lecture's derivations as data: notation, step descriptions, the chain rule written out,
the tensor-product breakdown, the by-hand tables and each local Jacobian's closed form (from the op table).

Built from the engine's numbers; returns data and text, never draws. May import: numpy,
:mod:`explorer.ops`, :mod:`explorer.model`, :mod:`explorer.engine`. Never Qt.
"""

from explorer.lesson.breakdown import Breakdown, ElementTerm, breakdown, einsum_for
from explorer.lesson.describe import backward_formula, describe_step, forward_formula

__all__ = ["Breakdown", "ElementTerm", "backward_formula", "breakdown", "describe_step", "einsum_for", "forward_formula"]
