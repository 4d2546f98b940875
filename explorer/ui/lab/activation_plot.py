"""Each activation function (활성함수) with its derivative, and the bounds that make gradients vanish.

σ′ never exceeds 0.25 and tanh′ never exceeds 1: a chain of sigmoid layers
multiplies the gradient by at most 0.25 per layer on its way back to the
input (기울기 소실, gradient vanishing). The plot marks both bounds with a
labelled horizontal line. The activations drawn, their symbols and their
bounds come from the op table (:data:`explorer.ops.OPS`); a bound is marked
where the derivative is smooth (relu's is a step, its bound plain to see).
The derivative curves are the op table's own vector-Jacobian products (its
``vjp`` with an upstream of ones) evaluated on a grid: nothing here knows a
derivative's formula.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QVBoxLayout, QWidget

from explorer.model.numbers import shown
from explorer.ops import OPS
from explorer.ui.kit.theme import current_theme
from explorer.ui.lab.plot_style import style_plot
from explorer.ui.lab.ticks import plain_axes
from explorer.ui.text.i18n import translate
from explorer.ui.text.op_names import op_title

#: The activations drawn, with the bound of their derivative that is marked (None: no mark).
ACTIVATIONS = {
    name: op.derivative_bound if op.kink is None else None
    for name, op in OPS.items()
    if op.kind == "activation" and op.plotted
}
#: The symbol of each function and of its derivative.
SYMBOLS = {name: (f"{OPS[name].symbol}(x)", f"{OPS[name].symbol}′(x)") for name in ACTIVATIONS}
#: Where a legend sits (pixels from a corner: negative from the right or bottom), clear of the curves:
#: top left unless said here (tanh's curves fill the top left).
_LEGEND_PLACE = {"tanh": (-6, -6)}
#: Where a bound's label sits along its line, and on which side, clear of the curves: above its line at the right
#: for σ′ (σ near 1 above it, σ′ near 0 below), above its line at the left for tanh′, where the plot keeps room
#: over the curves for it (:data:`_HEADROOM`): below the line tanh′ rises to meet it.
_LABEL_PLACE = {
    "sigmoid": {"position": 0.97, "anchors": [(1, 1), (1, 1)]},
    "tanh": {"position": 0.03, "anchors": [(0, 1), (0, 1)]},
}
#: The top of a plot's vertical range where a bound's label needs room above the curves.
_HEADROOM = {"tanh": 1.45}
#: Where the curves are drawn.
GRID = np.linspace(-6.0, 6.0, 481)


def activation_curves(name: str, grid: np.ndarray = GRID) -> tuple[np.ndarray, np.ndarray]:
    """``f(x)`` and ``f′(x)`` on ``grid``, from the engine's op table (forward, and ``vjp`` of ones).

    >>> f, d = activation_curves("sigmoid", np.array([0.0]))
    >>> float(f[0]), float(d[0])
    (0.5, 0.25)
    """
    op = OPS[name]
    x = np.asarray(grid, dtype=np.float64).reshape(1, -1)  # one row: a batch of samples
    inputs = {"x": x}
    out = op.forward(inputs)
    slope = op.vjp["x"](inputs, out, np.ones_like(out))
    return out.ravel(), np.asarray(slope).ravel()


def _bound_text(name: str, bound: float) -> str:
    """``σ′ ≤ 0.25``: the label of a derivative's bound."""
    symbol = SYMBOLS[name][1].removesuffix("(x)")
    return translate("ActivationPlot", "{symbol} ≤ {bound}").format(symbol=symbol, bound=shown(bound))


class ActivationPlot(QWidget):
    """The activations side by side (sigmoid, tanh, relu, ...), each with its derivative; σ′ ≤ 0.25 and tanh′ ≤ 1 marked."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.graphics = pg.GraphicsLayoutWidget(self)
        self.plots: dict[str, pg.PlotItem] = {}
        self.curves: dict[str, tuple[pg.PlotDataItem, pg.PlotDataItem]] = {}
        self.marks: dict[str, pg.InfiniteLine] = {}
        for column, (name, bound) in enumerate(ACTIVATIONS.items()):
            plot = self.graphics.addPlot(row=0, col=column, enableMenu=False, axisItems=plain_axes())  # no context menu: none is built
            plot.addLegend(offset=_LEGEND_PLACE.get(name, (6, 6)))
            f, d = activation_curves(name)
            f_symbol, d_symbol = SYMBOLS[name]
            f_item = plot.plot(GRID, f, name=f_symbol)
            d_item = plot.plot(GRID, d, name=d_symbol)
            self.plots[name] = plot
            self.curves[name] = (f_item, d_item)
            if bound is not None:
                line = pg.InfiniteLine(
                    pos=bound, angle=0, movable=False, label=_bound_text(name, bound),
                    labelOpts=_LABEL_PLACE.get(name, _LABEL_PLACE["sigmoid"]),
                )
                plot.addItem(line)
                self.marks[name] = line
            plot.setXRange(float(GRID[0]), float(GRID[-1]), padding=0.02)
            if name in _HEADROOM:
                low = float(min(f.min(), d.min()))
                plot.setYRange(low - 0.05 * (_HEADROOM[name] - low), _HEADROOM[name], padding=0)
            plot.setLabel("bottom", "x")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addWidget(self.graphics)
        self.apply_theme()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt override)
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:  # the titles and the bounds' labels in the new language
            for name, line in self.marks.items():
                line.label.setFormat(_bound_text(name, ACTIVATIONS[name] or 0.0))
            self.apply_theme()

    def derivative_data(self, name: str) -> tuple[np.ndarray, np.ndarray]:
        """The derivative curve as drawn."""
        x, y = self.curves[name][1].getData()
        return np.asarray(x), np.asarray(y)

    def mark_value(self, name: str) -> float | None:
        """Where the bound of ``name``'s derivative is marked, or ``None``."""
        line = self.marks.get(name)
        return None if line is None else float(line.value())

    def mark_text(self, name: str) -> str:
        line = self.marks.get(name)
        return "" if line is None else line.label.format

    def apply_theme(self) -> None:
        """Re-read :func:`~explorer.ui.kit.theme.current_theme`."""
        theme = current_theme()
        self.graphics.setBackground(theme.background)
        for name, plot in self.plots.items():
            title = translate("ActivationPlot", "{title} and {derivative}").format(
                title=op_title(name), derivative=f"{OPS[name].symbol}′"
            )
            style_plot(plot, theme, title)
            f_item, d_item = self.curves[name]
            f_item.setPen(pg.mkPen(theme.forward, width=2))
            d_item.setPen(pg.mkPen(theme.gradient, width=2, style=Qt.PenStyle.DashLine))
        for line in self.marks.values():
            line.setPen(pg.mkPen(theme.error, width=1, style=Qt.PenStyle.DotLine))
            line.label.setColor(theme.error)
