"""The numpy engine: the stepping session over the op table (:mod:`explorer.ops`), the finite-difference check.

May import: numpy, :mod:`explorer.model`, :mod:`explorer.ops`. Never Qt, never the layers above it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from explorer.lazy import lazy_names

if TYPE_CHECKING:
    from explorer.engine.errors import EngineError, JacobianTooLarge, NonFiniteError, NotReachedError
    from explorer.engine.gradcheck import GradCheckRow, check_gradients, evaluate_loss, numeric_grad
    from explorer.engine.session import JACOBIAN_BUDGET, Contribution, NodeState, Session, Step

__all__ = [
    "JACOBIAN_BUDGET",
    "Contribution",
    "EngineError",
    "GradCheckRow",
    "JacobianTooLarge",
    "NonFiniteError",
    "NodeState",
    "NotReachedError",
    "Session",
    "Step",
    "check_gradients",
    "evaluate_loss",
    "numeric_grad",
]

# Loaded on first use: the engine's errors are imported without numpy.
__getattr__ = lazy_names(
    __name__,
    {
        **dict.fromkeys(("EngineError", "JacobianTooLarge", "NonFiniteError", "NotReachedError"), "explorer.engine.errors"),
        **dict.fromkeys(("GradCheckRow", "check_gradients", "evaluate_loss", "numeric_grad"), "explorer.engine.gradcheck"),
        **dict.fromkeys(("JACOBIAN_BUDGET", "Contribution", "NodeState", "Session", "Step"), "explorer.engine.session"),
    },
)
