"""The step header at the top of the inspector keeps one height while the pass is stepped.

Its formula and definitions take two lines at one step and five at the next;
left to itself the header would push the tab bar below it up and down on
every step. Here it takes, for each model and width, the height of its
tallest step (found by drawing every kind of step once, off-screen), so
everything under it stays still; it grows (never shrinks) if a step turns
out taller still. That check lays the header's rich text out once more, so
it waits until the stepping rests (:data:`GROW_CHECK_MS`): a step while the
pass is played costs no second layout.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QBoxLayout, QWidget

from explorer.engine import Step
from explorer.ui.document.controller import Controller
from explorer.ui.kit.guard import guarded

#: At most this many different kinds of step are drawn to find the tallest.
MAX_PROBES = 60
#: How long the steps must rest before the header checks that the step shown fits.
GROW_CHECK_MS = 150


class StillHeader(QObject):
    """Keeps ``header`` (a :class:`~explorer.ui.canvas.step_header.StepHeader`) at its tallest step's height."""

    def __init__(self, header: QWidget, controller: Controller) -> None:
        super().__init__(header)
        self._header = header
        self._controller = controller
        self._width = -1
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(60)  # a dragged dock edge refits once it rests
        self._timer.timeout.connect(self.fit)
        controller.model_changed.connect(self._timer.start)
        self._grow_timer = QTimer(self)
        self._grow_timer.setSingleShot(True)
        self._grow_timer.setInterval(GROW_CHECK_MS)
        self._grow_timer.timeout.connect(self._grow_if_needed)
        controller.step_changed.connect(self._grow_timer.start)
        layout = header.layout()
        if isinstance(layout, QBoxLayout):
            layout.addStretch(1)  # a shorter step's lines stay together at the top
        header.installEventFilter(self)  # its first width (once laid out) starts the first fit

    def _height(self) -> int:
        header = self._header
        width = header.width()
        layout = header.layout()
        if layout is not None and layout.hasHeightForWidth() and width > 50:
            return layout.totalHeightForWidth(width)
        return header.sizeHint().height()

    def _probes(self) -> list[Step | None]:
        """One step of each kind (phase, op, number of inputs and consumers), the empty start first."""
        model = self._controller.model
        session = self._controller.session
        seen: set[tuple[str, str, int, int]] = set()
        probes: list[Step | None] = [None]
        for step in session.plan:
            kind = (step.phase, model.op(step.node), len(model.inputs(step.node)), len(model.consumers(step.node)))
            if kind not in seen:
                seen.add(kind)
                probes.append(step)
            if len(probes) >= MAX_PROBES:
                break
        return probes

    def fit(self) -> None:
        """Set the header's height to that of its tallest step, for the model and width now."""
        header, controller = self._header, self._controller
        if not hasattr(header, "show_step") or header.width() < 100:
            return  # not laid out yet: its first real width brings another fit
        session = controller.session
        header.setMinimumHeight(0)
        header.setMaximumHeight(16_777_215)
        tallest = 0
        header.setUpdatesEnabled(False)
        try:
            for step in self._probes():
                header.show_step(controller.model, step, session.total)
                tallest = max(tallest, self._height())
        finally:
            header.show_step(controller.model, session.current, session.total)
            header.setUpdatesEnabled(True)
        tallest = max(tallest, self._height())
        header.setFixedHeight(tallest)
        self._width = header.width()

    def _grow_if_needed(self) -> None:
        height = self._height()
        if height > self._header.maximumHeight():
            self._header.setFixedHeight(height)

    @guarded("keeping the step header still", fallback=False)
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        if watched is self._header and event.type() == QEvent.Type.Resize and self._header.width() != self._width:
            if self._width < 0:  # its first width: fitted now, so the window's first frame has it at its height
                self.fit()
            else:
                self._timer.start()  # another width wraps the definitions differently
        elif watched is self._header and event.type() == QEvent.Type.FontChange:
            self._timer.start()  # a text zoom: every step's height changed
        return False
