"""A spin box for the learning rate η (학습률): shown as a value (0.1, 1e-05), stepped 1-2-5."""

from __future__ import annotations

import math

from PySide6.QtGui import QValidator
from PySide6.QtWidgets import QDoubleSpinBox, QWidget

#: The smallest and largest learning rate the box takes (the engine takes any finite η > 0).
MIN_RATE, MAX_RATE = 1e-6, 1e4
DEFAULT_RATE = 0.1
_LADDER = (1.0, 2.0, 5.0)


def next_rate(value: float, steps: int) -> float:
    """``value`` moved ``steps`` rungs along the 1-2-5 ladder (0.1 → 0.2 → 0.5 → 1).

    >>> next_rate(0.1, 1), next_rate(0.1, -1), next_rate(0.3, 1), next_rate(0.5, 2)
    (0.2, 0.05, 0.5, 2.0)
    """
    decade = math.floor(math.log10(value))
    rungs = [(d, m) for d in range(decade - 1, decade + 2) for m in _LADDER]
    values = [float(f"{m}e{d}") for d, m in rungs]
    if steps > 0:
        above = [v for v in values if v > value * (1 + 1e-9)]
        result = above[0] if above else value
        return next_rate(result, steps - 1) if steps > 1 else result
    below = [v for v in values if v < value * (1 - 1e-9)]
    result = below[-1] if below else value
    return next_rate(result, steps + 1) if steps < -1 else result


class RateSpinBox(QDoubleSpinBox):
    """η written as a number (``0.1``, ``0.0005``, ``1e+03``), the arrows stepping 1-2-5."""

    def __init__(self, value: float = DEFAULT_RATE, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setDecimals(12)
        self.setRange(MIN_RATE, MAX_RATE)
        self.setPrefix("η = ")
        self.setKeyboardTracking(False)
        self.setValue(value)
        self.setToolTip(self.tr("The learning rate η (학습률) of W ← W − η ∂L/∂W"))

    def textFromValue(self, value: float) -> str:  # noqa: N802 (Qt override)
        return f"{value:.6g}"

    def valueFromText(self, text: str) -> float:  # noqa: N802 (Qt override)
        try:
            return float(text.removeprefix(self.prefix()).strip())
        except ValueError:
            return self.value()

    def validate(self, text: str, pos: int) -> tuple[QValidator.State, str, int]:
        body = text.removeprefix(self.prefix()).strip()
        try:
            value = float(body)
        except ValueError:
            return QValidator.State.Intermediate, text, pos
        if not math.isfinite(value) or not MIN_RATE <= value <= MAX_RATE:
            return QValidator.State.Intermediate, text, pos
        return QValidator.State.Acceptable, text, pos

    def stepBy(self, steps: int) -> None:  # noqa: N802 (Qt override)
        self.setValue(min(max(next_rate(self.value(), steps), MIN_RATE), MAX_RATE))
