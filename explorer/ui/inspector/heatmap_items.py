"""The pyqtgraph pieces a heatmap is drawn with, shared by :mod:`explorer.ui.inspector.heatmap` and
:mod:`explorer.ui.inspector.jacobian_view`.

:class:`HeatmapPlot` draws one matrix into a pyqtgraph ``PlotItem``: the image
with a diverging colour map, :class:`IndexLabels` numbering rows and columns,
and :class:`CellNumbers` printing the values in inks that contrast with their
cells. :func:`apply_palette` and :class:`WidgetEvents` complete what both views
need; the colour bar is in :mod:`explorer.ui.inspector.colour_bar`.
"""

from __future__ import annotations

import math
from collections.abc import Callable

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QEvent, QObject, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPalette
from PySide6.QtWidgets import QLabel, QSizePolicy, QStackedWidget, QWidget

from explorer.lesson.matrix_format import compact_formats, display_scale, index_ticks, scaled, symmetric_levels
from explorer.model.numbers import exact
from explorer.ui.kit.guard import guarded
from explorer.ui.kit.theme import DARK, LIGHT, Theme, current_theme
from explorer.ui.text.plain import clip, plain
from explorer.ui.text.rich_math import math_html

NUMBERS_UP_TO = 12  # numbers are printed in the cells up to 12×12
MAX_CELL_STRETCH = 2.0  # a cell may be at most twice as wide as tall, or twice as tall as wide
MAX_CELL_PX = 120.0  # a scalar or a short vector stays a readable block, not a wall of colour

# Cell numbers use the two themes' text colours: dark ink on light cells, light ink on
# saturated ones, whichever contrasts more with the cell (the map is the same in both themes).
DARK_INK = LIGHT.text
LIGHT_INK = DARK.text

Namer = Callable[[int, int], str]


# ---------------------------------------------------------------- cell inks


def _relative_luminance(rgb: np.ndarray) -> np.ndarray:
    """WCAG relative luminance of sRGB colours given as floats in 0..1 (last axis RGB)."""
    linear = np.where(rgb <= 0.04045, rgb / 12.92, ((rgb + 0.055) / 1.055) ** 2.4)
    return linear @ np.array([0.2126, 0.7152, 0.0722])


def _contrast(a: np.ndarray | float, b: np.ndarray | float) -> np.ndarray:
    return (np.maximum(a, b) + 0.05) / (np.minimum(a, b) + 0.05)


def cell_inks(matrix: np.ndarray, levels: tuple[float, float], colormap: pg.ColorMap) -> list[list[QColor]]:
    """For each cell, the ink (dark or light) that contrasts more with the cell's colour."""
    scale = display_scale(max(abs(levels[0]), abs(levels[1])))
    low, high = levels[0] / scale, levels[1] / scale
    with np.errstate(invalid="ignore", over="ignore", under="ignore", divide="ignore"):
        position = np.clip((scaled(matrix, scale) - low) / (high - low), 0.0, 1.0)
    position = np.where(np.isnan(position), 0.5, position)
    rgb = np.asarray(colormap.map(position.ravel(), mode="float"))[:, :3]
    cell = _relative_luminance(rgb).reshape(matrix.shape)
    dark = _relative_luminance(np.array([DARK_INK.redF(), DARK_INK.greenF(), DARK_INK.blueF()]))
    light = _relative_luminance(np.array([LIGHT_INK.redF(), LIGHT_INK.greenF(), LIGHT_INK.blueF()]))
    use_dark = _contrast(cell, dark) >= _contrast(cell, light)
    return [[DARK_INK if d else LIGHT_INK for d in row] for row in use_dark]


# ---------------------------------------------------------------- graphics


def _label_font() -> QFont:
    font = QFont()
    font.setPixelSize(11)
    return font


class _PixelItem(pg.GraphicsObject):
    """An item in a view's coordinates (one unit per cell) that paints in screen pixels."""

    def _pixels_per_cell(self, painter: QPainter) -> tuple[float, float] | None:
        transform = painter.transform()
        cell_w, cell_h = transform.m11(), transform.m22()  # the views here never rotate
        if cell_w <= 0 or cell_h <= 0:
            return None
        return cell_w, cell_h


class CellNumbers(_PixelItem):
    """The numbers printed in the cells: one item for all of them, sized to fit the cells.

    The font does not scale with the view. When the cells are too narrow for
    four significant digits at a legible size, the numbers switch to the
    shorter :func:`compact_formats`; when even those do not fit, they are not
    drawn (hover still reads every value).
    """

    MIN_PIXELS = 8
    COMFORTABLE_PIXELS = 10
    MAX_PIXELS = 13

    def __init__(self) -> None:
        super().__init__()
        self._values: np.ndarray | None = None
        self._inks: list[list[QColor]] = []
        self._formats: list[Callable[[float], str]] = []
        self._texts: dict[int, tuple[list[list[str]], float]] = {}
        self.widths_at_least: dict[int, float] = {}  # per format: size as if texts were this wide
        self.setZValue(10)

    def set_cells(self, values: np.ndarray | None, inks: list[list[QColor]], scale: float = 1.0) -> None:
        """Numbers for ``values`` (None: no numbers), whose colour scale reaches ``±scale``."""
        self.prepareGeometryChange()
        self._values, self._inks, self._texts = values, inks, {}
        self._formats = compact_formats(scale) if values is not None else []
        self.widths_at_least = {}
        self.update()

    def has_values(self) -> bool:
        return self._values is not None

    def format_count(self) -> int:
        return len(self._formats)

    def texts(self, level: int = 0) -> tuple[list[list[str]], float]:
        """The cell texts in format ``level`` (0: full), and the widest one's width per pixel of font."""
        if level not in self._texts:
            assert self._values is not None
            fmt = self._formats[level]
            texts = [[fmt(float(v)) for v in row] for row in self._values]
            font = QFont()
            font.setPixelSize(100)
            metrics = QFontMetricsF(font)
            widest = max(metrics.horizontalAdvance(t) for row in texts for t in row)
            self._texts[level] = (texts, max(widest, 1.0) / 100)
        return self._texts[level]

    def boundingRect(self) -> QRectF:  # noqa: N802 (Qt override)
        if self._values is None:
            return QRectF()
        rows, columns = self._values.shape
        return QRectF(0, 0, columns, rows)

    @guarded("drawing the cell numbers")
    def paint(self, painter: QPainter, option: object, widget: object = None) -> None:
        cell = self._pixels_per_cell(painter)
        if self._values is None or cell is None:
            return
        cell_w, cell_h = cell
        fits = []  # (format level, font pixels) for each format legible at these cells
        for level in range(len(self._formats)):
            advance = max(self.texts(level)[1], self.widths_at_least.get(level, 0.0))
            pixels = min(self.MAX_PIXELS, 0.6 * cell_h, 0.86 * cell_w / advance)
            if pixels >= self.MIN_PIXELS:
                fits.append((level, pixels))
        if not fits:
            return
        # the most digits that read comfortably, else the most digits that read at all
        level, pixels = next(((lv, px) for lv, px in fits if px >= self.COMFORTABLE_PIXELS), fits[0])
        texts = self.texts(level)[0]
        font = QFont(painter.font())
        font.setPixelSize(int(pixels))
        painter.save()
        painter.scale(1 / cell_w, 1 / cell_h)  # draw in pixels, keeping any outer transform
        painter.setFont(font)
        for i, (row, inks) in enumerate(zip(texts, self._inks, strict=True)):
            for j, (text, ink) in enumerate(zip(row, inks, strict=True)):
                painter.setPen(ink)
                painter.drawText(QRectF(j * cell_w, i * cell_h, cell_w, cell_h), Qt.AlignmentFlag.AlignCenter, text)
        painter.restore()


class IndexLabels(_PixelItem):
    """Row numbers left of the matrix and column numbers above it, hugging its edges."""

    GAP = 5  # pixels between a label and the matrix

    def __init__(self) -> None:
        super().__init__()
        self.rows = self.columns = 0
        self.row_ticks: list[tuple[float, str]] = []
        self.column_ticks: list[tuple[float, str]] = []
        self.margin = QRectF()  # left and top margins in cells, for the bounding rect
        self.row_label = ""  # written vertically left of the row numbers
        self.column_numbers = True
        self.row_numbers = True
        self.colour = QColor(current_theme().muted_text)
        self.font = _label_font()

    def set_ticks(self, row_ticks, column_ticks, margin_cells: tuple[float, float]) -> None:
        self.prepareGeometryChange()
        self.row_ticks, self.column_ticks = row_ticks, column_ticks
        self.margin = QRectF(0, 0, *margin_cells)
        self.update()

    def set_shape(self, rows: int, columns: int) -> None:
        self.prepareGeometryChange()
        self.rows, self.columns = rows, columns

    def boundingRect(self) -> QRectF:  # noqa: N802 (Qt override)
        left, top = self.margin.width(), self.margin.height()
        return QRectF(-left, -top, self.columns + left, self.rows + top)

    @guarded("drawing the index labels")
    def paint(self, painter: QPainter, option: object, widget: object = None) -> None:
        cell = self._pixels_per_cell(painter)
        if cell is None or not self.rows:
            return
        cell_w, cell_h = cell
        painter.save()
        painter.scale(1 / cell_w, 1 / cell_h)
        painter.setFont(self.font)
        painter.setPen(self.colour)
        width, height = 80.0, 20.0
        for position, label in self.column_ticks:
            x = position * cell_w
            painter.drawText(
                QRectF(x - width / 2, -height - self.GAP, width, height),
                Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom,
                label,
            )
        for position, label in self.row_ticks:
            y = position * cell_h
            painter.drawText(
                QRectF(-width - self.GAP, y - height / 2, width, height),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                label,
            )
        if self.row_label:
            painter.translate(-self.margin.width() * cell_w + 2, 0)
            painter.rotate(-90)
            span = self.rows * cell_h
            painter.drawText(
                QRectF(-span, 0, span, height),
                Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop,
                self.row_label,
            )
        painter.restore()


def share_number_sizes(items: list[CellNumbers]) -> None:
    """Make several matrices print their numbers at one size (the size the widest needs)."""
    levels = min((item.format_count() for item in items), default=0)
    for level in range(levels):
        widest = max(item.texts(level)[1] for item in items)
        for item in items:
            item.widths_at_least[level] = widest
            item.update()


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
        self._fitted_key: tuple | None = None

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
        self._fitted_key = None
        self.fit_view()

    def set_title(self, title: str, colour: QColor | None) -> None:
        self.title, self.title_colour = title, colour
        self.plot.setTitle(math_html(title, 80), color=colour.name() if colour is not None else None, size="10pt")
        self.plot.layout.setRowFixedHeight(0, 20)  # pyqtgraph reserves 30 px
        self.plot.titleLabel.setMaximumHeight(20)

    def clear(self) -> None:
        self.matrix = None
        self.image.clear()
        self.numbers.set_cells(None, [])
        self.labels.set_shape(0, 0)

    @staticmethod
    def _inks(matrix: np.ndarray, levels: tuple[float, float], colormap: pg.ColorMap, theme: Theme):
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
        key = (width, height, rows, columns)
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
            self.set_title(self.title, self.title_colour)

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
