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


def _prod(shape: tuple[int, ...]) -> int:
    result = 1
    for n in shape:
        result *= n
    return result
