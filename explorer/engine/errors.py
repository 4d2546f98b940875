"""Errors the engine raises when asked for something it cannot give.

Each carries its reason as data, :attr:`EngineError.message` (a
:class:`~explorer.model.messages.Message`); ``str(error)`` is that message in
English, the one line the command line prints.
"""

from __future__ import annotations

from explorer.model.messages import Message, define, message

define({
    "engine.text": "{text}",
    "engine.not_computed": "{source} (input {port!r} of {node}) is not computed yet",
    "engine.not_reached": "the backward pass has not reached {node} yet",
    "engine.jacobian_too_large": "∂{node}/∂{wrt} would have {size:,} elements ({dims}); the budget is {budget:,}",
    "engine.non_finite": "{phase} step {step}/{total}: {what} {kind}",
    "engine.non_finite.inputs_reach": "{phase} step {step}/{total}: {what} {kind} (its inputs reach {largest:.3g})",
    "engine.non_finite.gradients_reach": (
        "{phase} step {step}/{total}: {what} {kind} (the gradients flowing in reach {largest:.3g})"
    ),
    "engine.non_finite.forward": "forward",
    "engine.non_finite.backward": "backward",
    "engine.non_finite.gradient": "the gradient of {name}",
    "engine.non_finite.nan": "became NaN",
    "engine.non_finite.inf": "overflowed to infinity",
})


class EngineError(RuntimeError):
    """A request the engine refuses, with a one-line reason for a person.

    Parameters
    ----------
    reason
        A :class:`~explorer.model.messages.Message`; a plain string is kept as
        it is (``engine.text``), in English whatever the window's language.
    """

    def __init__(self, reason: Message | str) -> None:
        self.message = reason if isinstance(reason, Message) else message("engine.text", text=reason)
        super().__init__(str(self.message))


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
            message("engine.jacobian_too_large", node=node, wrt=wrt, size=self.size, dims=dims, budget=budget)
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
    kind
        ``"inf"`` (overflowed to infinity) or ``"nan"`` (became NaN).
    """

    def __init__(
        self, node: str, label: str, step: int, total: int, phase: str, kind: str, largest: float | None = None
    ) -> None:
        self.node = node
        self.step = step
        self.phase = phase
        self.kind = kind
        label = "".join(c if c.isprintable() else " " for c in label)  # the message stays one line
        name = label if label == node else f"{label} ({node})"
        what: Message | str = message("engine.non_finite.gradient", name=name) if phase == "backward" else name
        key, extra = "engine.non_finite", {}
        if largest is not None:
            key = "engine.non_finite.gradients_reach" if phase == "backward" else "engine.non_finite.inputs_reach"
            extra = {"largest": largest}
        kind_words = message(f"engine.non_finite.{kind}")
        phase_word = message(f"engine.non_finite.{phase}")
        super().__init__(message(key, phase=phase_word, step=step, total=total, what=what, kind=kind_words, **extra))


def _prod(shape: tuple[int, ...]) -> int:
    result = 1
    for n in shape:
        result *= n
    return result
