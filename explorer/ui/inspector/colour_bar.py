"""The horizontal colour bar under a heatmap: a diverging map centred at zero, its end values
and round ticks, for any magnitude from a subnormal to the largest float."""

from __future__ import annotations

import math
import sys
from typing import Any

import pyqtgraph as pg
from PySide6.QtGui import QFont

from explorer.lesson.matrix_format import display_scale, format_cell
from explorer.ui.kit.text_zoom import zoomed
from explorer.ui.kit.theme import Theme


def _label_font() -> QFont:
    font = QFont()
    font.setPixelSize(zoomed(11))
    return font


class _WithoutMenu(pg.PlotItem):  # type: ignore[misc]  # pyqtgraph has no types: its classes are Any
    """A plot item made without its view's context menu (``ColorBarItem`` asks for one, then never shows it)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **{**kwargs, "enableMenu": False})


class _ColourBar(pg.ColorBarItem, _WithoutMenu):  # type: ignore[misc]  # pyqtgraph has no types
    """pyqtgraph's colour bar, its plot item made without a menu (the method order puts
    :class:`_WithoutMenu` between ``ColorBarItem`` and ``PlotItem``)."""


def make_colour_bar(theme: Theme) -> pg.ColorBarItem:
    """A thin, horizontal, non-interactive colour bar for the diverging map, numbers with real minus signs.

    Horizontal, under the matrix, because the inspector is a narrow side panel:
    width is what the cells need for their numbers.
    """
    bar = _ColourBar(
        values=(-1.0, 1.0),
        width=10,
        colorMap=theme.colormap,
        interactive=False,
        orientation="horizontal",
        colorMapMenu=False,
    )
    bar.getAxis("bottom").setHeight(22)
    bar.getAxis("bottom").setStyle(hideOverlappingLabels=40)  # the end values may reach into the margins
    bar.getAxis("top").setHeight(1)
    for side in ("left", "right"):
        bar.getAxis(side).setWidth(1)
    bar.layout.setContentsMargins(26, 4, 26, 0)  # room for the end values' labels
    style_colour_bar(bar, theme)
    return bar


def colour_bar_ticks(top: float, scale: float = 1.0) -> list[list[tuple[float, str]]]:
    """Colour-bar ticks for levels ``±top``: the ends and zero, then round values between.

    Positions are in units of ``scale`` (see :func:`~explorer.lesson.matrix_format.display_scale`),
    labels are the true values. Round values are found on the decimal mantissa, so
    a subnormal ``top`` (5e-324) or one near the largest float still gets its ticks.

    >>> [[label for _, label in level] for level in colour_bar_ticks(2.37)]
    [['−2.37', '0', '2.37'], ['−1', '1']]
    >>> [[label for _, label in level] for level in colour_bar_ticks(1.5)]
    [['−1.5', '0', '1.5'], []]
    >>> [[label for _, label in level] for level in colour_bar_ticks(5e-324, 5e-324)]
    [['−4.94e−324', '0', '4.94e−324'], []]
    >>> [position for position, _ in colour_bar_ticks(1.7e308, 1.7e308)[0]]
    [-1.0, 0.0, 1.0]
    """
    if not math.isfinite(top) or top <= 0.0:
        return [[(0.0, "0")], []]
    end = top / scale
    major = [(-end, format_cell(-top, 3)), (0.0, "0"), (end, format_cell(top, 3))]
    mantissa_text, exponent_text = f"{top:.15e}".split("e")
    mantissa, exponent = float(mantissa_text), int(exponent_text)  # 1 <= mantissa < 10
    step = 10.0
    for factor in (1.0, 2.0, 5.0, 10.0):
        if mantissa / factor <= 2.5:
            step = factor
            break
    minor = []
    for k in range(1, math.floor(mantissa / step) + 1):
        fraction = k * step / mantissa  # of top
        if 1.0 - fraction > 0.34:
            value = float(f"{k * step:g}e{exponent}")
            if value < sys.float_info.min:  # a subnormal tick would print a value it does not have
                continue
            minor += [(-fraction * end, format_cell(-value, 3)), (fraction * end, format_cell(value, 3))]
    return [major, sorted(minor)]


def set_colour_bar_levels(bar: pg.ColorBarItem, levels: tuple[float, float]) -> None:
    """Show levels ``±top`` on ``bar``; extreme magnitudes in units of ``top`` (labels stay true)."""
    scale = display_scale(levels[1])
    bar.setLevels(values=(levels[0] / scale, levels[1] / scale))
    bar.getAxis("bottom").setTicks(colour_bar_ticks(levels[1], scale))


def style_colour_bar(bar: pg.ColorBarItem, theme: Theme) -> None:
    for side in ("left", "right", "top", "bottom"):
        axis = bar.getAxis(side)
        axis.setPen(pg.mkPen(theme.idle_border))
        axis.setTextPen(pg.mkPen(theme.muted_text))
        axis.setStyle(tickFont=_label_font())
