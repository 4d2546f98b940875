"""Moving through the pass: step, back, reset, run, seek and play, for the :class:`~explorer.ui.document.controller.Controller`.

:class:`Stepping` is a part of the controller (it derives from it): each move
runs the session under :func:`~explorer.ui.kit.busy.busy` and then emits
``step_changed``; an engine refusal (an overflow, say) stops playing, marks
the node it names and is said once.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer, SignalInstance

from explorer.engine import EngineError, Session
from explorer.lesson import backward_formula, forward_formula
from explorer.lesson.notation import pretty
from explorer.model import Model
from explorer.ui.kit.busy import busy
from explorer.ui.text.engine_text import error_text
from explorer.ui.text.i18n import translate
from explorer.ui.text.plain import one_line

#: Play speeds, in milliseconds per step, from slow to fast.
MIN_INTERVAL_MS = 60
MAX_INTERVAL_MS = 2000


class Stepping:
    """The controller's moves through the pass; the controller holds the session, the timer and the signals."""

    session: Session
    _model: Model
    _timer: QTimer  # Play's: each tick takes a step
    failed_node: str | None
    failure_text: str
    step_changed: SignalInstance
    error_raised: SignalInstance
    engine_failed: SignalInstance
    playing_changed: SignalInstance

    if TYPE_CHECKING:

        def _update_inspected(self) -> None: ...

    # -- stepping -------------------------------------------------------------

    def _moved(self) -> None:
        self._clear_failure()
        self.step_changed.emit()
        self._update_inspected()

    def _clear_failure(self) -> None:
        self.failed_node, self.failure_text = None, ""

    def _fail(self, error: EngineError) -> None:
        """The engine refused a step (an overflow, say): stop playing, mark the node, say it once."""
        self.pause()
        node = getattr(error, "node", None)
        self.failed_node = node if isinstance(node, str) and node in self._model else None
        self.failure_text = translate("Controller", "The pass stopped: {reason}").format(
            reason=one_line(error_text(error), 400)
        )
        self.step_changed.emit()  # the views show where the session stands, the node marked
        self._update_inspected()
        self.engine_failed.emit(self.failed_node or "", self.failure_text)
        self.error_raised.emit(self.failure_text)

    def _elements(self, nodes: Iterable[str] | None = None) -> int:
        """How many numbers the given nodes (default: all) hold: what a step or a run touches."""
        model = self._model
        return sum(math.prod(model.shape(n)) for n in (model.order if nodes is None else nodes))

    def _step_elements(self) -> int:
        upcoming = self.session.next_step
        if upcoming is None:
            return 0
        return self._elements([upcoming.node, *self._model.inputs(upcoming.node).values()])

    def step(self) -> bool:
        upcoming = self.session.next_step
        where = (
            translate("Controller", "Computing step {index}: {node}…").format(
                index=upcoming.index, node=one_line(pretty(self._model.label(upcoming.node)), 60)
            )
            if upcoming
            else translate("Controller", "Computing…")
        )
        try:
            with busy(where, self._step_elements()):
                taken = self.session.step()
        except EngineError as error:
            self._fail(error)
            return False
        if taken is None:
            self.pause()
            return False
        self._moved()
        return True

    def back(self) -> bool:
        try:
            taken = self.session.back()
        except EngineError as error:
            self._fail(error)
            return False
        if taken is None:
            return False
        self._moved()
        return True

    def reset(self) -> None:
        self.pause()
        if self.session.position:
            self._rewind()

    def _rewind(self) -> bool:
        """Back to step 0; False, the failure said, when the engine refuses."""
        try:
            self.session.reset()
        except EngineError as error:
            self._fail(error)
            return False
        self._moved()
        return True

    def run_forward(self) -> None:
        before = self.session.position
        try:
            with busy(translate("Controller", "Running the forward pass…"), self._elements()):
                self.session.run_forward()
        except EngineError as error:
            self._fail(error)
            return
        if self.session.position != before:
            self._moved()

    def run_to_end(self) -> None:
        self.pause()
        if not self.session.done:
            try:
                with busy(translate("Controller", "Running forward and backward to the end…"), 2 * self._elements()):
                    self.session.run()
            except EngineError as error:
                self._fail(error)
                return
            self._moved()

    def seek(self, position: int) -> None:
        try:
            with busy(translate("Controller", "Moving to step {position}…").format(position=position), 2 * self._elements()):
                self.session.seek(position)
        except ValueError as error:
            self.error_raised.emit(str(error))
            return
        except EngineError as error:
            self._fail(error)
            return
        self._moved()

    @property
    def status_text(self) -> str:
        """The current step in one line, worded in the interface language (the engine's ``describe_step``)."""
        step, total = self.session.current, self.session.total
        if step is None:
            return translate("Controller", "Ready: step to begin the forward pass (순전파)")
        if step.phase == "forward":
            text = translate("Controller", "Forward {index}/{total}: {formula}")
            formula = forward_formula(self._model, step.node)
        else:
            text = translate("Controller", "Backward {index}/{total}: {formula}")
            formula = backward_formula(self._model, step.node)
        return text.format(index=step.index, total=total, formula=formula)

    # -- play -----------------------------------------------------------------

    @property
    def playing(self) -> bool:
        return self._timer.isActive()

    def set_interval(self, milliseconds: int) -> None:
        self._timer.setInterval(max(MIN_INTERVAL_MS, min(MAX_INTERVAL_MS, milliseconds)))

    def play(self) -> None:
        if self.playing:
            return
        if self.session.done and not self._rewind():
            return
        self._timer.start()
        self.playing_changed.emit(True)

    def pause(self) -> None:
        if self.playing:
            self._timer.stop()
            self.playing_changed.emit(False)

    def toggle_play(self) -> None:
        self.pause() if self.playing else self.play()

    def _on_play_tick(self) -> None:
        if not self.step():
            self.pause()
