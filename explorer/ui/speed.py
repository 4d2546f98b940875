"""The play speed: a slider on a logarithmic scale with its value beside it, in steps per second.

About one step a second by default, so a student can follow the toy's pass
node by node; from half a step to 16 steps a second.
"""

from __future__ import annotations

import math

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSizePolicy, QSlider, QWidget

from .controller import MAX_INTERVAL_MS, MIN_INTERVAL_MS
from .i18n import translate
from .settings import DEFAULT_PLAY_SPEED, MAX_PLAY_SPEED, MIN_PLAY_SPEED

#: The speeds the slider offers, in steps per second (within what the controller's timer takes).
SLOWEST = max(MIN_PLAY_SPEED, 1000.0 / MAX_INTERVAL_MS)
FASTEST = min(MAX_PLAY_SPEED, 1000.0 / MIN_INTERVAL_MS)
_TICKS = 100


def _speed_at(tick: int) -> float:
    return SLOWEST * (FASTEST / SLOWEST) ** (tick / _TICKS)


def _tick_for(speed: float) -> int:
    speed = min(max(speed, SLOWEST), FASTEST)
    return round(_TICKS * math.log(speed / SLOWEST) / math.log(FASTEST / SLOWEST))


class SpeedControl(QWidget):
    """A "speed" caption, the slider and the speed it gives, e.g. ``1.0 steps/s``.

    Signals
    -------
    speed_changed(float)
        The slider moved: the new speed in steps per second.
    interval_changed(int)
        The same, as the play timer's interval in milliseconds.
    """

    speed_changed = Signal(float)
    interval_changed = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.caption = QLabel(translate("MainWindow", " speed "), self)  # the toolbar's texts keep their context
        self.slider = QSlider(Qt.Orientation.Horizontal, self)
        self.slider.setRange(0, _TICKS)
        self.slider.setFixedWidth(96)
        self.slider.setToolTip(translate("MainWindow", "Play speed"))
        self.value_label = QLabel(self)
        self.value_label.setMinimumWidth(self.value_label.fontMetrics().horizontalAdvance(self._text(FASTEST)) + 4)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(2, 0, 4, 0)
        layout.setSpacing(4)
        layout.addWidget(self.caption)
        layout.addWidget(self.slider)
        layout.addWidget(self.value_label)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Preferred)  # no gaps in a wide toolbar
        self.slider.setValue(_tick_for(DEFAULT_PLAY_SPEED))
        self.slider.valueChanged.connect(self._on_slider_moved)
        self._show()

    def steps_per_second(self) -> float:
        """The speed chosen, in steps per second."""
        return _speed_at(self.slider.value())

    def set_steps_per_second(self, speed: float) -> None:
        """Move the slider to ``speed`` (clamped to what it offers); emits the change."""
        self.slider.setValue(_tick_for(speed))

    def interval_ms(self) -> int:
        """The play timer's interval for the chosen speed."""
        return round(1000.0 / self.steps_per_second())

    def _text(self, speed: float) -> str:
        return translate("MainWindow", "{speed} steps/s").format(speed=f"{speed:.2g}" if speed < 1 else f"{speed:.1f}")

    def _show(self) -> None:
        self.value_label.setText(self._text(self.steps_per_second()))

    def _on_slider_moved(self, _tick: int) -> None:
        self._show()
        self.speed_changed.emit(self.steps_per_second())
        self.interval_changed.emit(self.interval_ms())
