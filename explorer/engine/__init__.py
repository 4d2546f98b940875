"""The numpy engine: op table, stepping session, breakdowns, finite-difference check. No Qt."""

from .breakdown import Breakdown, ElementTerm, breakdown, einsum_for
from .describe import backward_formula, describe_step, forward_formula
from .errors import EngineError, JacobianTooLarge, NonFiniteError, NotReachedError
from .gradcheck import GradCheckRow, check_gradients, evaluate_loss, numeric_grad
from .ops import OPS, Op
from .session import JACOBIAN_BUDGET, Contribution, NodeState, Session, Step

__all__ = [
    "JACOBIAN_BUDGET",
    "OPS",
    "Breakdown",
    "Contribution",
    "ElementTerm",
    "EngineError",
    "GradCheckRow",
    "JacobianTooLarge",
    "NonFiniteError",
    "NodeState",
    "NotReachedError",
    "Op",
    "Session",
    "Step",
    "backward_formula",
    "breakdown",
    "describe_step",
    "forward_formula",
    "check_gradients",
    "einsum_for",
    "evaluate_loss",
    "numeric_grad",
]
