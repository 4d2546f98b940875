"""Tick labels a reader takes at their word: plain numbers, never a multiplier in the axis title.

pyqtgraph's axis scales its numbers by an SI prefix and puts the factor in
the title ("loss L (x1e+27)" over ticks reading 1, 2), and writes log ticks
as ``7·10²`` with superscripts. Here every tick says its own value: ``0.1``,
``250``, ``1e−27`` (the real minus sign), the way the rest of the window
writes numbers (:func:`~explorer.model.numbers.shown`).

>>> tick_strings([0.0, 0.25, 0.5], 0.25)
['0', '0.25', '0.50']
>>> log_tick_strings([-27.0, 0.0, 2.0, math.log10(3e-7)])
['1e−27', '1', '100', '3e−7']
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import pyqtgraph as pg
from PySide6.QtCore import QRectF
from PySide6.QtGui import QPainter

from explorer.model.numbers import MINUS, shown

#: Numbers of this size are written out (0.0001 … 100000); smaller and larger ones take an exponent.
PLAIN_RANGE = (1e-4, 1e6)
#: Room between two neighbouring tick labels, in pixels, before one of them is left out.
LABEL_GAP = 6.0

# pyqtgraph's tick levels, (spacing or None, the values), and its tick labels, (rect, text flags, text)
TickLevel = tuple[float | None, list[float]]
TextSpec = tuple[QRectF, object, str]


def _decimals(spacing: float) -> int:
    """The decimals that tell ticks ``spacing`` apart: 0.25 → 2, 0.2 → 1, 5 → 0."""
    for places in range(0, 16):
        if abs(round(spacing, places) - spacing) <= 1e-9 * spacing:
            return places
    return 16


def tick_strings(values: Sequence[float], spacing: float) -> list[str]:
    """Labels of ticks ``spacing`` apart on a linear axis: plain numbers, or short exponents past :data:`PLAIN_RANGE`.

    >>> tick_strings([0.6, 0.7], 0.1), tick_strings([-2e26, 0.0, 2e26], 2e26)
    (['0.6', '0.7'], ['−2e26', '0', '2e26'])
    """
    spacing = abs(float(spacing))
    finite = [abs(v) for v in values if math.isfinite(v)]
    if not finite or not math.isfinite(spacing) or spacing == 0.0:
        return [shown(v) for v in values]
    largest = max(finite)
    decimals = _decimals(spacing)
    plain = largest < PLAIN_RANGE[1] and (largest == 0.0 or largest >= PLAIN_RANGE[0]) and decimals <= 6
    digits = max(1, min(15, math.floor(math.log10(largest or spacing)) - math.floor(math.log10(spacing)) + 1))
    labels = []
    for v in values:
        if not math.isfinite(v):
            labels.append(shown(v))
            continue
        v = round(v / spacing) * spacing  # 0.30000000000000004 is the tick at 0.3
        if abs(v) < spacing * 1e-6:
            labels.append("0")
        elif plain:
            labels.append(f"{v:.{decimals}f}".replace("-", MINUS))
        else:
            labels.append(shown(v, digits))
    return labels


def log_tick_strings(values: Sequence[float]) -> list[str]:
    """Labels of ticks on a log axis, whose ``values`` are powers of ten (``-27.0`` is 1e−27).

    A tick between two powers (``log10(3e-7)``) reads ``3e−7``; numbers in
    :data:`PLAIN_RANGE` are written out, as on a linear axis.

    >>> log_tick_strings([-3.0, -1.0, 5.0, 6.0, 400.0, math.log10(0.61)])
    ['0.001', '0.1', '100000', '1e6', '1e400', '0.61']
    """
    labels = []
    for v in values:
        if not math.isfinite(v):
            labels.append("")
        elif abs(v - round(v)) < 1e-9:  # a power of ten, written exactly however far out
            power = round(v)
            labels.append(shown(10.0**power, 6) if -5 < power < 6 else f"1e{power}".replace("-", MINUS))
        elif -300 < v < 300:
            labels.append(shown(10.0**v, 6))
        else:  # out past a float: the mantissa and the power of ten apart
            power = math.floor(v)
            labels.append(f"{shown(10.0 ** (v - power), 3)}e{power}".replace("-", MINUS))
    return labels


class PlainAxis(pg.AxisItem):  # type: ignore[misc]  # pyqtgraph has no types: its classes are Any
    """A pyqtgraph axis whose ticks are plain numbers: no SI-prefix factor in its title, no superscripts.

    Labels that would overlap their neighbour are left out, the ticks stay.
    """

    def __init__(self, orientation: str, **kwargs: object) -> None:
        super().__init__(orientation, **kwargs)
        self.enableAutoSIPrefix(False)

    def tickValues(self, minVal: float, maxVal: float, size: float) -> list[TickLevel]:  # noqa: N802, N803 (pyqtgraph's names)
        levels: list[TickLevel] = super().tickValues(minVal, maxVal, size)
        if not self.logMode or sum(len(values) for _, values in levels) >= 2:
            return levels
        # a log axis over less than a decade: ticks evenly spaced in the values themselves (0.6, 0.65, 0.7)
        low, high = sorted((minVal, maxVal))
        if not (math.isfinite(low) and math.isfinite(high)) or high - low <= 0 or not -300 < low < high < 300:
            return levels
        first, last = 10.0**low, 10.0**high
        spacing = self.tickSpacing(first, last, size)[0][0]
        start = math.ceil(first / spacing)
        values = [k * spacing for k in range(start, int(last / spacing) + 1) if k * spacing > 0]
        return [(None, [math.log10(v) for v in values])]

    def tickStrings(self, values: list[float], scale: float, spacing: float) -> list[str]:  # noqa: N802 (Qt's name)
        if self.logMode:  # the values are powers of ten
            shift = math.log10(scale) if scale > 0 else 0.0
            return log_tick_strings([v + shift for v in values])
        return tick_strings([v * scale for v in values], spacing * scale)

    def generateDrawSpecs(self, p: QPainter) -> tuple[object, object, list[TextSpec]] | None:  # noqa: N802 (pyqtgraph's name)
        specs = super().generateDrawSpecs(p)
        if specs is None:
            return None
        axis_spec, tick_specs, text_specs = specs
        return axis_spec, tick_specs, without_overlaps(text_specs, vertical=self.orientation in ("left", "right"))


def plain_axes() -> dict[str, PlainAxis]:
    """The shown axes of a plot (``axisItems=`` of pyqtgraph's ``addPlot``), plain: left and bottom."""
    return {side: PlainAxis(side) for side in ("left", "bottom")}


def without_overlaps(text_specs: list[TextSpec], vertical: bool) -> list[TextSpec]:
    """The tick labels (``(rect, flags, text)``, major ticks first) less those that would touch one already kept."""
    kept: list[TextSpec] = []
    for spec in text_specs:
        rect = spec[0]
        grown = rect.adjusted(0, -LABEL_GAP / 2, 0, LABEL_GAP / 2) if vertical else rect.adjusted(-LABEL_GAP / 2, 0, LABEL_GAP / 2, 0)
        if not any(grown.intersects(other[0]) for other in kept):
            kept.append(spec)
    return kept
