"""The numpy engine: the stepping session over the op table (:mod:`explorer.ops`), the finite-difference check.

May import: numpy, :mod:`explorer.model`, :mod:`explorer.ops`. Never Qt, never the layers above it.
"""

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
