"""The lab's plots: the loss against iteration, and each layer's gradient norm.

:class:`LossPlot` draws ``L`` against iteration, live while a run reports,
on a linear or log scale. :class:`GradNormPlot` draws ``‖∂L/∂W‖`` of each
layer against its depth for the window's current pass, and the same norms
over the iterations of the last run, one line per layer, on a log scale, so
that vanishing gradients (기울기 소실) are one glance. Both redraw through a
:class:`~explorer.ui.lab.throttle.RedrawThrottle`: at most about 30 times a
second whatever the iteration rate. They draw the numbers they are given;
nothing here computes a derivative.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from explorer.model.numbers import shown
from explorer.ui.kit.theme import current_theme
from explorer.ui.lab.plot_style import layer_colour, style_plot
from explorer.ui.lab.throttle import RedrawThrottle
from explorer.ui.lab.ticks import plain_axes
from explorer.ui.text.plain import escape, plain

#: Non-positive values cannot go on a log axis; they are drawn at this floor.
LOG_FLOOR = 1e-300


class LossPlot(QWidget):
    """The loss (손실) against iteration (반복), live while a run reports."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.graphics = pg.GraphicsLayoutWidget(self)
        self.plot = self.graphics.addPlot(row=0, col=0, enableMenu=False, axisItems=plain_axes())  # no context menu: none is built
        self.label_axes()
        self.plot.setClipToView(True)
        self.plot.setDownsampling(auto=True, mode="peak")
        self.curve = self.plot.plot([], [])
        self.log_check = QCheckBox(self.tr("Log scale"), self)
        self.log_check.setToolTip(self.tr("Draw the loss on a logarithmic axis: late, small decreases stay visible"))
        self.log_check.toggled.connect(self.set_log)
        self.caption = plain(QLabel(self.tr("Train… to see the loss fall"), self))
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.caption, 1)
        row.addWidget(self.log_check)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addWidget(self.graphics, 1)
        layout.addLayout(row)
        self._x: list[float] = []
        self._y: list[float] = []
        self.throttle = RedrawThrottle(self.redraw, parent=self)
        self.redraws = 0
        self.apply_theme()

    def label_axes(self) -> None:
        """The axes' titles, in the interface language."""
        self.plot.setLabel("bottom", self.tr("iteration (반복)"))
        self.plot.setLabel("left", self.tr("loss L (손실)"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt override)
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:  # the titles in the new language
            self.label_axes()
            self.apply_theme()

    # -- data

    def start_run(self, caption: str) -> None:
        """A new run begins: forget the old curve."""
        self._x, self._y = [], []
        self.caption.setText(caption)
        self.throttle.draw_now()

    def clear(self) -> None:
        """No run to show (another document, or its run undone)."""
        self._x, self._y = [], []
        self.caption.setText(self.tr("Train… to see the loss fall"))
        self.throttle.draw_now()

    def add_point(self, iteration: int, loss: float) -> None:
        """One reported iteration; the curve redraws at most about 30 times a second."""
        self._x.append(float(iteration))
        self._y.append(float(loss))
        self.throttle.request()

    def set_history(
        self, losses: Sequence[float] | np.ndarray, caption: str, iterations: Sequence[int] | np.ndarray | None = None
    ) -> None:
        """A whole run's losses, row ``i`` at ``iterations[i]`` (iteration ``i`` when not given; a long run's are thinned)."""
        y = np.asarray(losses, dtype=np.float64)
        x = np.arange(len(y)) if iterations is None or len(iterations) != len(y) else np.asarray(iterations)
        self._x = x.astype(np.float64).tolist()
        self._y = y.tolist()
        self.caption.setText(caption)
        self.throttle.draw_now()

    def data(self) -> tuple[np.ndarray, np.ndarray]:
        """The iterations and losses drawn (not log-mapped)."""
        return np.asarray(self._x), np.asarray(self._y)

    # -- drawing

    def set_log(self, log: bool) -> None:
        if self.log_check.isChecked() != log:
            self.log_check.setChecked(log)  # comes back here through toggled
            return
        self.plot.setLogMode(False, log)
        self.throttle.draw_now()

    def redraw(self) -> None:
        self.redraws += 1
        y = np.asarray(self._y, dtype=np.float64)
        if self.log_check.isChecked():
            y = np.maximum(y, LOG_FLOOR)
        self.curve.setData(np.asarray(self._x, dtype=np.float64), y)

    def apply_theme(self) -> None:
        """Re-read :func:`~explorer.ui.kit.theme.current_theme`."""
        theme = current_theme()
        self.graphics.setBackground(theme.background)
        style_plot(self.plot, theme, self.tr("Loss against iteration"))
        self.curve.setPen(pg.mkPen(theme.forward, width=2))


class GradNormPlot(QWidget):
    """‖∂L/∂W‖ per layer: against depth for the current pass, and over the iterations of the last run."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.graphics = pg.GraphicsLayoutWidget(self)
        self.depth_plot = self.graphics.addPlot(row=0, col=0, enableMenu=False, axisItems=plain_axes())
        self.depth_plot.setLogMode(False, True)
        self.depth_curve = self.depth_plot.plot([], [], symbol="o", symbolSize=8)
        self.depth_note = pg.TextItem(anchor=(0.5, 0.5))  # why nothing is drawn, in the picture too
        self.depth_plot.addItem(self.depth_note, ignoreBounds=True)
        self.history_plot = self.graphics.addPlot(row=0, col=1, enableMenu=False, axisItems=plain_axes())
        self.history_plot.setLogMode(False, True)
        self.label_axes()
        self.history_plot.setClipToView(True)
        self.history_plot.setDownsampling(auto=True, mode="peak")
        self.history_plot.addLegend(offset=(-10, 10))
        self.history_curves: list[pg.PlotDataItem] = []
        self.caption = plain(QLabel(self))
        self.caption.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addWidget(self.graphics, 1)
        layout.addWidget(self.caption)
        self._depth: tuple[np.ndarray, np.ndarray] = (np.empty(0), np.empty(0))
        self._names: list[str] = []
        self._history: np.ndarray | None = None
        self._iterations: np.ndarray | None = None  # the run's iteration of each row (None: row i is iteration i)
        self.throttle = RedrawThrottle(self.redraw, parent=self)
        self.redraws = 0
        self._pass: tuple[list[str], list[float] | None, str] = ([], None, "")
        self.set_pass([], None)
        self.apply_theme()

    def label_axes(self) -> None:
        """The axes' titles, in the interface language."""
        self.depth_plot.setLabel("bottom", self.tr("layer (depth from the input)"))
        self.depth_plot.setLabel("left", self.tr("‖∂L/∂W‖"))
        self.history_plot.setLabel("bottom", self.tr("iteration (반복)"))
        self.history_plot.setLabel("left", self.tr("‖∂L/∂W‖"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt override)
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:  # titles and caption in the new language
            self.label_axes()
            self.set_pass(*self._pass)
            self.apply_theme()

    # -- data

    def set_pass(self, names: Sequence[str], norms: Sequence[float] | None, reason: str = "") -> None:
        """The current pass's ``‖∂L/∂W‖`` of each layer (``names`` from the input on), or ``None`` with why."""
        self._pass = (list(names), None if norms is None else list(norms), reason)
        if norms is None:
            self._depth = (np.empty(0), np.empty(0))
            self.caption.setText(reason or self.tr("Run the backward pass (역전파) to see each layer's ‖∂L/∂W‖"))
            self.depth_note.setText(self.tr("no backward pass yet"))
        else:
            self.depth_note.setText("")
            y = np.asarray(norms, dtype=np.float64)
            self._depth = (np.arange(1, len(y) + 1, dtype=np.float64), y)
            if len(y) >= 2 and y[0] > 0 and y[-1] >= 10 * y[0]:
                text = self.tr(
                    "This pass: ‖∂L/∂W‖ shrinks {ratio}× from the last layer back to the first (기울기 소실)"
                )
                self.caption.setText(text.format(ratio=shown(y[-1] / y[0], 3)))
            else:
                self.caption.setText(self.tr("This pass: ‖∂L/∂W‖ of each layer"))
        self.depth_plot.getAxis("bottom").setTicks(
            [[(i + 1.0, n) for i, n in enumerate(names)]] if norms is not None else None
        )
        self.throttle.request()

    def set_history(
        self, names: Sequence[str], norms: np.ndarray | None, iterations: Sequence[int] | np.ndarray | None = None
    ) -> None:
        """The norms of the last run: ``norms[i, k]`` at ``iterations[i]`` (else iteration ``i``) for layer ``names[k]``."""
        self._names = list(names)
        self._history = None if norms is None else np.asarray(norms, dtype=np.float64)
        given = None if iterations is None or self._history is None or len(iterations) != len(self._history) else iterations
        self._iterations = None if given is None else np.asarray(given, dtype=np.float64)
        self.throttle.draw_now()

    def depth_data(self) -> tuple[np.ndarray, np.ndarray]:
        """The depths and norms drawn for the current pass (not log-mapped)."""
        return self._depth

    def history_data(self) -> np.ndarray | None:
        return self._history

    # -- drawing

    def redraw(self) -> None:
        self.redraws += 1
        x, y = self._depth
        self.depth_curve.setData(x, np.maximum(y, LOG_FLOOR))
        if len(x) == 0:
            self.depth_plot.setRange(xRange=(0, 1), yRange=(0, 1), padding=0)
            self.depth_note.setPos(0.5, 0.5)
        else:
            self.depth_plot.enableAutoRange()
        for curve in self.history_curves:
            self.history_plot.removeItem(curve)
        self.history_curves = []
        legend = self.history_plot.legend
        if legend is not None:
            legend.clear()
        if self._history is None:
            return
        theme = current_theme()
        iterations = self._iterations
        if iterations is None:
            iterations = np.arange(self._history.shape[0], dtype=np.float64)
        count = len(self._names)
        for k, name in enumerate(self._names):
            curve = self.history_plot.plot(
                iterations,
                np.maximum(self._history[:, k], LOG_FLOOR),
                pen=pg.mkPen(layer_colour(theme, k, count), width=2),
                name=escape(name, 40),
            )
            self.history_curves.append(curve)

    def apply_theme(self) -> None:
        """Re-read :func:`~explorer.ui.kit.theme.current_theme`."""
        theme = current_theme()
        self.graphics.setBackground(theme.background)
        style_plot(self.depth_plot, theme, self.tr("This pass, by depth"))
        style_plot(self.history_plot, theme, self.tr("Over iterations (last run)"))
        self.depth_curve.setPen(pg.mkPen(theme.gradient, width=2))
        self.depth_curve.setSymbolBrush(pg.mkBrush(theme.gradient))
        self.depth_curve.setSymbolPen(pg.mkPen(theme.gradient))
        self.depth_note.setColor(theme.muted_text)
        self.throttle.draw_now()
