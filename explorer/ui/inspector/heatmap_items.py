"""The pyqtgraph pieces a heatmap is drawn with, shared by :mod:`explorer.ui.inspector.heatmap` and
:mod:`explorer.ui.inspector.jacobian_view`.

:class:`HeatmapPlot` draws one matrix into a pyqtgraph ``PlotItem``: the image
with a diverging colour map, and from :mod:`explorer.ui.inspector.cell_numbers`
the :class:`~explorer.ui.inspector.cell_numbers.IndexLabels` numbering rows and
columns and the :class:`~explorer.ui.inspector.cell_numbers.CellNumbers`
printing the values in inks that contrast with their cells.
:func:`apply_palette` and :class:`WidgetEvents` complete what both views need;
the colour bar is in :mod:`explorer.ui.inspector.colour_bar`.
"""

from __future__ import annotations

import math
from collections.abc import Callable

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QEvent, QObject, QPointF, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QPalette
from PySide6.QtWidgets import QLabel, QSizePolicy, QStackedWidget, QWidget

from explorer.lesson.matrix_format import display_scale, index_ticks, scaled, symmetric_levels
from explorer.model.numbers import exact
from explorer.ui.inspector.cell_numbers import CellNumbers, IndexLabels, cell_inks
from explorer.ui.kit.guard import guarded
from explorer.ui.kit.text_zoom import zoom_factor
from explorer.ui.kit.theme import Theme, current_theme
from explorer.ui.text.plain import clip, plain
from explorer.ui.text.rich_math import math_html

NUMBERS_UP_TO = 12  # numbers are printed in the cells up to 12×12
MAX_CELL_STRETCH = 2.0  # a cell may be at most twice as wide as tall, or twice as tall as wide
MAX_CELL_PX = 120.0  # a scalar or a short vector stays a readable block, not a wall of colour

Namer = Callable[[int, int], str]


def apply_palette(widget: QWidget, theme: Theme) -> None:
    """Give ``widget`` and its children the theme's background, text and field colours."""
    palette = widget.palette()
    for role, colour in (
        (QPalette.ColorRole.Window, theme.background),
        (QPalette.ColorRole.WindowText, theme.text),
        (QPalette.ColorRole.Base, theme.panel),
        (QPalette.ColorRole.AlternateBase, theme.grid),
        (QPalette.ColorRole.Text, theme.text),
        (QPalette.ColorRole.Button, theme.panel),
        (QPalette.ColorRole.ButtonText, theme.text),
        (QPalette.ColorRole.PlaceholderText, theme.muted_text),
    ):
        palette.setColor(role, colour)
    widget.setAutoFillBackground(True)
    widget.setPalette(palette)


class HeatmapPlot:
    """One matrix drawn into a pyqtgraph ``PlotItem``: image, index labels, cell numbers, hit-testing.

    Not a widget: :class:`~explorer.ui.inspector.heatmap.MatrixView` holds one, :class:`~explorer.ui.inspector.jacobian_view.JacobianView`
    one per visible slice, all in a single graphics view. Rows go down (row 1
    at the top), the numbers sit left of and above the matrix, cells stay
    square-ish (stretched at most :data:`MAX_CELL_STRETCH`) while filling the
    plot, and the mouse neither pans nor zooms: this is a display.
    """

    PAD = 3  # pixels kept free right of and below the matrix

    def __init__(self, plot: pg.PlotItem, numbers_up_to: int = NUMBERS_UP_TO) -> None:
        self.plot = plot
        self.numbers_up_to = numbers_up_to
        self.matrix: np.ndarray | None = None
        self.namer: Namer = lambda i, j: f"[{i}, {j}]"
        self.title = ""
        self.title_colour: QColor | None = None
        self._fitted_key: tuple[object, ...] | None = None

        plot.setMenuEnabled(False)
        plot.hideButtons()
        plot.setMouseEnabled(x=False, y=False)
        for side in ("left", "bottom", "top", "right"):
            plot.hideAxis(side)
        view = plot.getViewBox()
        view.invertY(True)
        view.disableAutoRange()
        view.setDefaultPadding(0.0)

        self.image = pg.ImageItem(axisOrder="row-major")
        self.numbers = CellNumbers()
        self.labels = IndexLabels()
        for item in (self.image, self.numbers, self.labels):
            plot.addItem(item)
        view.sigResized.connect(self.fit_view)

    # -- drawing

    @property
    def texts(self) -> list[list[str]]:
        """The cell texts at full precision, empty when the matrix is too large for numbers."""
        if not self.numbers.has_values():
            return []
        return self.numbers.texts(0)[0]

    def show(
        self,
        matrix: np.ndarray,
        levels: tuple[float, float],
        namer: Namer,
        *,
        title: str | None = None,
        title_colour: QColor | None = None,
        row_label: str = "",
        column_numbers: bool = True,
        row_numbers: bool = True,
        colour_values: np.ndarray | None = None,
    ) -> None:
        """Draw ``matrix`` (2-D) with fixed ``levels``; ``namer(i, j)`` names a cell for hover text.

        ``colour_values`` (same shape), when given, is what gets coloured (a log
        scale's values); the cells still print ``matrix``'s numbers.

        ``row_label`` is written along the rows; ``column_numbers=False`` leaves the
        columns unnumbered (a vector shown as a column has only rows), ``row_numbers=False``
        the rows (a scalar has neither).
        """
        theme = current_theme()
        colormap = pg.colormap.get(theme.colormap)
        self.matrix, self.namer = matrix, namer
        self.image.setColorMap(colormap)
        scale = display_scale(levels[1])  # extreme magnitudes are drawn in units of the largest
        colours = matrix if colour_values is None else colour_values
        self.image.setImage(scaled(colours, scale), autoLevels=False, levels=(levels[0] / scale, levels[1] / scale))
        rows, columns = matrix.shape
        if rows <= self.numbers_up_to and columns <= self.numbers_up_to:
            self.numbers.set_cells(matrix, self._inks(colours, levels, colormap, theme), levels[1] if colour_values is None else symmetric_levels(matrix)[1])
        else:
            self.numbers.set_cells(None, [])
        self.labels.set_shape(rows, columns)
        self.labels.colour = QColor(theme.muted_text)
        self.labels.row_label = row_label
        self.labels.column_numbers = column_numbers
        self.labels.row_numbers = row_numbers
        if title is not None:
            self.set_title(title, title_colour)
        self.fit_view()  # placed again only when the shape, the labels or the view's size changed

    def set_title(self, title: str, colour: QColor | None, *, again: bool = False) -> None:
        """Title the plot (``again``: even when it already has this title, as after a theme change)."""
        if not again and (title, colour) == (self.title, self.title_colour) and self.plot.titleLabel.isVisible():
            return  # laying a title's rich text out again costs more than the rest of a slice
        self.title, self.title_colour = title, colour
        self.plot.setTitle(math_html(title, 80), color=colour.name() if colour is not None else None, size=f"{10 * zoom_factor():g}pt")
        self.plot.layout.setRowFixedHeight(0, 20)  # pyqtgraph reserves 30 px
        self.plot.titleLabel.setMaximumHeight(20)

    def clear(self) -> None:
        self.matrix = None
        self.image.clear()
        self.numbers.set_cells(None, [])
        self.labels.set_shape(0, 0)

    @staticmethod
    def _inks(matrix: np.ndarray, levels: tuple[float, float], colormap: pg.ColorMap, theme: Theme) -> list[list[QColor]]:
        inks = cell_inks(matrix, levels, colormap)
        for i, j in zip(*np.nonzero(np.isnan(matrix)), strict=True):
            inks[i][j] = theme.text  # a nan cell is transparent: write on the background
        return inks

    def fit_view(self) -> None:
        """Place the matrix: square-ish cells filling the plot, labels in a margin left and above."""
        if self.matrix is None:
            return
        view = self.plot.getViewBox()
        width, height = view.width(), view.height()
        rows, columns = self.matrix.shape
        labels = self.labels
        key = (width, height, rows, columns, labels.row_label, labels.row_numbers, labels.column_numbers)
        if width <= 1 or height <= 1 or key == self._fitted_key:
            return
        self._fitted_key = key
        metrics = QFontMetricsF(self.labels.font)
        left = metrics.horizontalAdvance(str(rows)) + IndexLabels.GAP + 2 if self.labels.row_numbers else self.PAD
        if self.labels.row_label:
            left += metrics.height() + 4
        top = metrics.height() + IndexLabels.GAP if self.labels.column_numbers else self.PAD
        label_w = metrics.horizontalAdvance(str(columns)) + 8
        right = max(self.PAD, label_w / 2) if self.labels.column_numbers else self.PAD  # the last label's half
        free_w, free_h = max(width - left - right, 1.0), max(height - top - self.PAD, 1.0)
        cell_w, cell_h = min(free_w / columns, MAX_CELL_PX), min(free_h / rows, MAX_CELL_PX)
        cell_w = min(cell_w, MAX_CELL_STRETCH * cell_h)
        cell_h = min(cell_h, MAX_CELL_STRETCH * cell_w)
        x0 = left + (free_w - columns * cell_w) / 2  # the matrix's top-left corner, in pixels
        y0 = top + (free_h - rows * cell_h) / 2
        view.setRange(
            xRange=(-x0 / cell_w, (width - x0) / cell_w),
            yRange=(-y0 / cell_h, (height - y0) / cell_h),
            padding=0,
        )
        self.labels.set_ticks(
            index_ticks(rows, cell_h, metrics.height() + 2) if self.labels.row_numbers else [],
            index_ticks(columns, cell_w, label_w) if self.labels.column_numbers else [],
            (x0 / cell_w, y0 / cell_h),
        )

    def apply_theme(self, theme: Theme) -> None:
        self.labels.colour = QColor(theme.muted_text)
        self.labels.update()
        if self.title:
            self.set_title(self.title, self.title_colour, again=True)

    # -- reading

    def cell_at(self, scene_pos: QPointF) -> tuple[int, int] | None:
        """The ``(row, column)`` under a scene position, or None outside the matrix."""
        if self.matrix is None or not self.plot.isVisible():
            return None
        view = self.plot.getViewBox()
        if not view.sceneBoundingRect().contains(scene_pos):
            return None
        point = view.mapSceneToView(scene_pos)
        row, column = math.floor(point.y()), math.floor(point.x())
        rows, columns = self.matrix.shape
        if 0 <= row < rows and 0 <= column < columns:
            return row, column
        return None

    def describe(self, row: int, column: int) -> str:
        """Hover text: the element's name, its array index and its exact value."""
        assert self.matrix is not None
        value = float(self.matrix[row, column])
        return f"{clip(self.namer(row, column), 160)}   = {exact(value)}"


class WidgetEvents(QObject):
    """Calls back when the watched widget is resized or the mouse leaves it."""

    def __init__(
        self,
        parent: QObject,
        *,
        on_resize: Callable[[], None] | None = None,
        on_leave: Callable[[], None] | None = None,
    ) -> None:
        super().__init__(parent)
        self._on_resize, self._on_leave = on_resize, on_leave

    @guarded("a heatmap's resize or leave handler", fallback=False)
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.Resize and self._on_resize is not None:
            self._on_resize()
        elif event.type() == QEvent.Type.Leave and self._on_leave is not None:
            self._on_leave()
        return False


def picture_or_message(graphics: QWidget, status: str = "") -> tuple[QStackedWidget, QLabel, QLabel]:
    """A stack showing ``graphics`` or a centred message, and the status line that goes under it.

    Returns ``(stack, message_label, status_label)``; ``stack.setCurrentWidget``
    switches between the picture and the message.
    """
    message_label = plain(QLabel())
    message_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    message_label.setWordWrap(True)
    stack = QStackedWidget()
    stack.addWidget(graphics)
    stack.addWidget(message_label)
    status_label = plain(QLabel(status))
    status_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    status_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
    return stack, message_label, status_label
