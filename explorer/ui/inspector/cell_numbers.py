"""What is printed on and around a heatmap's cells: the numbers in inks that contrast with
their cells, and the row and column numbers hugging the matrix.

Both are pyqtgraph items in a view's coordinates (one unit per cell) that
paint in screen pixels, so their text never scales with the view. The cell
numbers are laid out once per matrix and font size (``QStaticText``) and
drawn in one pass; :class:`~explorer.ui.inspector.heatmap_items.HeatmapPlot`
places them.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache, lru_cache

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QStaticText

from explorer.lesson.matrix_format import compact_formats, display_scale, scaled
from explorer.ui.kit.guard import guarded
from explorer.ui.kit.text_zoom import zoomed
from explorer.ui.kit.theme import DARK, LIGHT, current_theme

# Cell numbers use the two themes' text colours: dark ink on light cells, light ink on
# saturated ones, whichever contrasts more with the cell (the map is the same in both themes).
DARK_INK = LIGHT.text
LIGHT_INK = DARK.text

# ---------------------------------------------------------------- cell inks


def _relative_luminance(rgb: np.ndarray) -> np.ndarray:
    """WCAG relative luminance of sRGB colours given as floats in 0..1 (last axis RGB)."""
    linear = np.where(rgb <= 0.04045, rgb / 12.92, ((rgb + 0.055) / 1.055) ** 2.4)
    luminance: np.ndarray = linear @ np.array([0.2126, 0.7152, 0.0722])
    return luminance


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


@cache
def _font_of_size(pixels: int) -> QFont:
    font = QFont()
    font.setPixelSize(pixels)
    return font


@lru_cache(maxsize=8192)
def _width_per_pixel(text: str) -> float:
    """How wide ``text`` is per pixel of font size (measured at 100 pixels)."""
    return QFontMetricsF(_font_of_size(100)).horizontalAdvance(text) / 100


@lru_cache(maxsize=8192)
def _static_text(text: str, pixels: int) -> QStaticText:
    """``text`` laid out once at ``pixels``: the same number in the next matrix (a step later, a layer
    further) is placed, not shaped again."""
    static = QStaticText(text)
    static.setTextFormat(Qt.TextFormat.PlainText)
    static.prepare(font=_font_of_size(pixels))
    return static


def _label_font() -> QFont:
    font = QFont()
    font.setPixelSize(zoomed(11))
    return font


class _PixelItem(pg.GraphicsObject):  # type: ignore[misc]  # pyqtgraph has no types: its classes are Any
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
        self._static: dict[tuple[int, int], list[list[QStaticText]]] = {}
        self.widths_at_least: dict[int, float] = {}  # per format: size as if texts were this wide
        self.setZValue(10)

    def set_cells(self, values: np.ndarray | None, inks: list[list[QColor]], scale: float = 1.0) -> None:
        """Numbers for ``values`` (None: no numbers), whose colour scale reaches ``±scale``."""
        self.prepareGeometryChange()
        self._values, self._inks, self._texts, self._static = values, inks, {}, {}
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
            widest = max(_width_per_pixel(t) for t in {t for row in texts for t in row})
            self._texts[level] = (texts, max(widest, 0.01))
        return self._texts[level]

    def _laid_out(self, level: int, pixels: int) -> list[list[QStaticText]]:
        """The texts of ``level`` laid out at ``pixels``: each number's layout is made once and kept."""
        key = (level, pixels)
        if key not in self._static:
            self._static[key] = [[_static_text(text, pixels) for text in row] for row in self.texts(level)[0]]
        return self._static[key]

    def boundingRect(self) -> QRectF:  # noqa: N802 (Qt override)
        if self._values is None:
            return QRectF()
        rows, columns = self._values.shape
        return QRectF(0, 0, columns, rows)

    def _choose(self, cell_w: float, cell_h: float) -> tuple[int, float] | None:
        """The format and font size: the most digits that read comfortably, else the most that read at all."""
        legible = None
        for level in range(len(self._formats)):  # fullest first: the first comfortable one wins
            advance = max(self.texts(level)[1], self.widths_at_least.get(level, 0.0))
            pixels = min(zoomed(self.MAX_PIXELS), 0.6 * cell_h, 0.86 * cell_w / advance)
            if pixels >= zoomed(self.COMFORTABLE_PIXELS):
                return level, pixels
            if pixels >= self.MIN_PIXELS and legible is None:
                legible = (level, pixels)
        return legible

    @guarded("drawing the cell numbers")
    def paint(self, painter: QPainter, option: object, widget: object = None) -> None:
        cell = self._pixels_per_cell(painter)
        if self._values is None or cell is None:
            return
        cell_w, cell_h = cell
        chosen = self._choose(cell_w, cell_h)
        if chosen is None:
            return
        level, pixels = chosen
        laid = self._laid_out(level, int(pixels))
        font = _font_of_size(int(pixels))  # the font the texts were laid out in (another would lay them out again)
        painter.save()
        painter.scale(1 / cell_w, 1 / cell_h)  # draw in pixels, keeping any outer transform
        painter.setFont(font)
        pen: QColor | None = None
        for i, (row, inks) in enumerate(zip(laid, self._inks, strict=True)):
            for j, (static, ink) in enumerate(zip(row, inks, strict=True)):
                if ink is not pen:
                    painter.setPen(ink)
                    pen = ink
                size = static.size()
                corner = QPointF(j * cell_w + (cell_w - size.width()) / 2, i * cell_h + (cell_h - size.height()) / 2)
                painter.drawStaticText(corner, static)
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

    def set_ticks(
        self, row_ticks: list[tuple[float, str]], column_ticks: list[tuple[float, str]], margin_cells: tuple[float, float]
    ) -> None:
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


