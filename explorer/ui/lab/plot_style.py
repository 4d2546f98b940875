"""Colours and fonts of the lab's plots, read from the explorer's theme.

Losses are forward quantities and draw in the forward colour; gradients
(their norms, the activations' derivatives) in the gradient colour, as on
the canvas. :func:`style_plot` is called again whenever the theme changes.
"""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtGui import QColor

from explorer.ui.kit.text_zoom import zoom_factor
from explorer.ui.kit.theme import Theme


def style_plot(plot: pg.PlotItem, theme: Theme, title: str = "") -> None:
    """Axes, grid and title of ``plot`` in ``theme``'s colours; ``title`` is our own text (not user text)."""
    for name in ("left", "bottom"):
        axis = plot.getAxis(name)
        axis.setPen(pg.mkPen(theme.muted_text))
        axis.setTextPen(pg.mkPen(theme.text))
        label = axis.labelText
        if label:
            axis.setLabel(label, color=theme.text.name())
    plot.showGrid(x=True, y=True, alpha=0.25)
    if title:
        plot.setTitle(title, color=theme.text.name(), size=f"{10 * zoom_factor():g}pt")
    legend = plot.legend
    if legend is not None:
        legend.setLabelTextColor(theme.text)
        for _, label in legend.items:  # the colour applies when the text is set again
            label.setText(label.text, color=theme.text.name())
        legend.setBrush(pg.mkBrush(_with_alpha(theme.background, 200)))
        legend.setPen(pg.mkPen(theme.grid))


def _with_alpha(colour: QColor, alpha: int) -> QColor:
    result = QColor(colour)
    result.setAlpha(alpha)
    return result


def layer_colour(theme: Theme, index: int, count: int) -> QColor:
    """A distinct colour per layer, lighter near the input and deeper near the loss, in both themes."""
    hue = (0.58 - 0.58 * index / max(count - 1, 1)) % 1.0  # blue (input side) → red (loss side)
    lightness = 0.62 if theme.name == "dark" else 0.42
    return QColor.fromHslF(hue, 0.75, lightness)
