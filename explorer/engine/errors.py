"""Errors the engine raises when asked for something it cannot give."""

from __future__ import annotations


class EngineError(RuntimeError):
    """A request the engine refuses, with a one-line reason for a person."""


class NotReachedError(EngineError):
    """The step has not computed what this needs yet."""


class JacobianTooLarge(EngineError):
    """A dense Jacobian over the element budget; nothing was allocated."""

    def __init__(self, node: str, wrt: str, shape: tuple[int, ...], budget: int) -> None:
        self.shape = shape
        self.size = int(_prod(shape))
        self.budget = budget
        dims = "×".join(str(n) for n in shape)
        super().__init__(
            f"∂{node}/∂{wrt} would have {self.size:,} elements ({dims}); the budget is {budget:,}"
        )


class NonFiniteError(EngineError):
    """A step whose result is not all finite; the session did not take it.

    Attributes
    ----------
    node
        The node whose value (forward) or gradient (backward) overflowed.
    step
        The step's index, counting from 1.
    phase
        ``"forward"`` or ``"backward"``.
    """

    def __init__(self, node: str, label: str, step: int, total: int, phase: str, kind: str, detail: str) -> None:
        self.node = node
        self.step = step
        self.phase = phase
        self.kind = kind
        label = "".join(c if c.isprintable() else " " for c in label)  # the message stays one line
        name = label if label == node else f"{label} ({node})"
        what = f"the gradient of {name}" if phase == "backward" else name
        super().__init__(f"{phase} step {step}/{total}: {what} {kind}{detail}")


def _prod(shape: tuple[int, ...]) -> int:
    result = 1
    for n in shape:
        result *= n
    return result
