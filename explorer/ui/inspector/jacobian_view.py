"""The Jacobian as the lecture draws it: one input-shaped matrix per output element.

A Jacobian ``∂A/∂T`` has shape ``A.shape + T.shape`` (output indices first,
SPEC section 1). For ``Ŷ = W₃ᵀ H₂`` with ``W₃`` 3×2 and ``Ŷ`` 2×1 it is
2×1×3×2: the lecture's ``(∂ŷ₁/∂W₃, ∂ŷ₂/∂W₃)``, two 3×2 slices. This view
draws those slices side by side under one symmetric colour scale, so the
same colour means the same number in every slice.

Up to :data:`MAX_ALL_SLICES` slices are all shown; beyond that a picker
chooses which page of :data:`PAGE_SLICES` slices to show, so a 256-element
output costs four images, not 256 widgets. Nothing here computes a
derivative: the view displays the array it is given.
"""

from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF, QSignalBlocker, QSize, Qt
from PySide6.QtGui import QColor, QFontMetricsF
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from explorer.lesson.matrix_format import as_matrix, matrix_shape, symmetric_levels
from explorer.lesson.notation import partial, pretty
from explorer.ui.inspector.cell_numbers import share_number_sizes
from explorer.ui.inspector.colour_bar import make_colour_bar, set_colour_bar_levels, style_colour_bar
from explorer.ui.inspector.heatmap import HOVER_HINT
from explorer.ui.inspector.heatmap_items import HeatmapPlot, WidgetEvents, apply_palette, picture_or_message
from explorer.ui.inspector.slice_grid import (
    MAX_ALL_SLICES,
    PAGE_SLICES,
    SLICE_NUMBERS_UP_TO,
    SliceNames,
    grid_columns,
    title_font,
)
from explorer.ui.kit.theme import current_theme, themes
from explorer.ui.text.i18n import translate
from explorer.ui.text.plain import clip, plain, tooltip
from explorer.ui.text.vocabulary import shape_words as shape_text  # a scalar worded: 스칼라


class JacobianView(QWidget):
    """A Jacobian ``∂A/∂T`` as a grid of ``T``-shaped slices, one per output element.

    ``set_jacobian(J, "Yhat", "W3", (2, 1), (3, 2))`` shows the header
    ``∂Ŷ/∂W₃: 2×1×3×2 = 2 slices of 3×2`` and two slices titled ``∂ŷ₁/∂W₃``
    and ``∂ŷ₂/∂W₃``. A scalar output (a loss) gives a single slice; a scalar
    input gives one ``A``-shaped matrix of ``∂aᵢ/∂t``.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._slices: np.ndarray | None = None  # (count, rows, columns), each slice as shown
        self._jacobian: np.ndarray | None = None
        self._names = ("", "")  # (out_name, wrt_name)
        self._shapes: tuple[tuple[int, ...], tuple[int, ...]] = ((), ())  # (out_shape, wrt_shape)
        self._by_output = False  # a scalar input: one output-shaped matrix instead of slices
        self._naming = SliceNames()
        self._levels = (-1.0, 1.0)
        self._plots: list[HeatmapPlot] = []  # a pool, at most MAX_ALL_SLICES, reused
        self._visible: list[int] = []
        self._arranged: tuple[int, int] = (0, 0)  # (slices, columns) in the grid now

        self.header_label = plain(QLabel())
        self.header_label.setWordWrap(True)
        self.header_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        header_font = self.header_label.font()
        header_font.setBold(True)
        self.header_label.setFont(header_font)

        self.picker = QSpinBox()
        self.picker.setMinimum(1)
        self.picker.setAccelerated(True)
        self.picker.setPrefix(translate("JacobianView", "output element "))
        self.picker.setToolTip(translate("JacobianView", "the first output element on the page"))
        self.prev_button = QToolButton()
        self.prev_button.setArrowType(Qt.ArrowType.LeftArrow)
        self.prev_button.setToolTip(translate("JacobianView", "previous {count} output elements").format(count=PAGE_SLICES))
        self.next_button = QToolButton()
        self.next_button.setArrowType(Qt.ArrowType.RightArrow)
        self.next_button.setToolTip(translate("JacobianView", "next {count} output elements").format(count=PAGE_SLICES))
        self.page_label = plain(QLabel())
        self.page_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.picker_row = QWidget()
        row = QHBoxLayout(self.picker_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(4)
        row.addWidget(self.picker)
        row.addWidget(self.prev_button)
        row.addWidget(self.next_button)
        row.addWidget(self.page_label, 1)
        self.picker.valueChanged.connect(self._on_picker_changed)
        self.prev_button.clicked.connect(lambda: self.picker.setValue(self.picker.value() - PAGE_SLICES))
        self.next_button.clicked.connect(lambda: self.picker.setValue(self.picker.value() + PAGE_SLICES))

        self.graphics = pg.GraphicsLayoutWidget()
        self.graphics.ci.setContentsMargins(2, 2, 2, 2)
        self._grid = self.graphics.ci.addLayout(row=0, col=0)
        self.colour_bar = make_colour_bar(current_theme())
        self.graphics.addItem(self.colour_bar, row=1, col=0)
        self.graphics.scene().sigMouseMoved.connect(self._on_mouse_moved)
        self.graphics.installEventFilter(WidgetEvents(self, on_resize=self._arrange, on_leave=self._clear_hover))

        self.stack, self.message_label, self.status_label = picture_or_message(self.graphics)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.setSpacing(4)
        layout.addWidget(self.header_label)
        layout.addWidget(self.picker_row)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.status_label)
        self.setMinimumSize(240, 280)  # room for the slices; a low inspector scrolls instead
        self.apply_theme()
        themes().changed.connect(self.apply_theme)  # a live switch repaints the panel
        self.show_message(translate("JacobianView", "nothing selected"))

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt override)
        return QSize(360, 420)

    # -- public API

    def set_jacobian(
        self,
        jac: object,
        out_name: str,
        wrt_name: str,
        out_shape: tuple[int, ...],
        wrt_shape: tuple[int, ...],
    ) -> None:
        """Show the Jacobian ``jac`` of node ``out_name`` with respect to node ``wrt_name``.

        Parameters
        ----------
        jac : array_like
            Shape ``out_shape + wrt_shape`` (output indices first).
        out_name, wrt_name : str
            Node names, e.g. ``"Yhat"`` and ``"W3"``: slices are titled ``∂ŷ₁/∂W₃``.
        out_shape, wrt_shape : tuple of int
            The shapes of the output ``A`` and the input ``T``; each at most 2-D.
        """
        out_shape, wrt_shape = tuple(out_shape), tuple(wrt_shape)
        jacobian = np.asarray(jac, dtype=np.float64)
        if jacobian.shape != out_shape + wrt_shape:
            raise ValueError(
                f"a Jacobian of {shape_text(out_shape)} by {shape_text(wrt_shape)} has shape "
                f"{shape_text(out_shape + wrt_shape)}, not {shape_text(jacobian.shape)}"
            )
        if (
            self._jacobian is not None
            and (out_name, wrt_name) == self._names
            and (out_shape, wrt_shape) == self._shapes
            and self.stack.currentWidget() is self.graphics
            and np.array_equal(jacobian, self._jacobian, equal_nan=True)
        ):
            return  # a step that left this local derivative as it was: nothing to redraw
        self._jacobian = jacobian
        self._levels = symmetric_levels(jacobian)
        self._names, self._shapes = (out_name, wrt_name), (out_shape, wrt_shape)
        self._by_output = wrt_shape == () and out_shape != ()
        self._naming = SliceNames(self._names, self._shapes, self._by_output)
        whole = partial(out_name, wrt_name)
        if self._by_output:
            # a scalar input: one matrix shaped like the output, cell (i, j) = ∂aᵢⱼ/∂t
            self._slices = as_matrix(jacobian)[np.newaxis]
            header = translate(
                "JacobianView", "{whole}: {shape}, one matrix shaped like {name} (the input is a scalar)"
            ).format(whole=whole, shape=shape_text(out_shape), name=pretty(out_name))
        else:
            count = math.prod(out_shape)
            self._slices = jacobian.reshape((count, *matrix_shape(wrt_shape)))  # a view, no copy
            if out_shape == ():
                header = translate(
                    "JacobianView", "{whole}: {shape}, one slice shaped like {name} (the output is a scalar)"
                ).format(whole=whole, shape=shape_text(wrt_shape), name=pretty(wrt_name))
            else:
                slices = (
                    translate("JacobianView", "{whole}: {shape} = 1 slice of {slice}")
                    if count == 1
                    else translate("JacobianView", "{whole}: {shape} = {count} slices of {slice}")
                )
                header = slices.format(
                    whole=whole, shape=shape_text(jacobian.shape), count=count, slice=shape_text(wrt_shape)
                )
        self.header_label.setText(clip(header, 300))

        count = len(self._slices)
        paged = count > MAX_ALL_SLICES
        with QSignalBlocker(self.picker):
            self.picker.setMaximum(count)
            self.picker.setValue(1)
        self.picker.setSuffix(f" of {count}")
        self.picker_row.setVisible(paged)
        set_colour_bar_levels(self.colour_bar, self._levels)
        self.stack.setCurrentWidget(self.graphics)
        self._show_page()

    def show_message(self, text: str) -> None:
        """Show a centred sentence instead of the slices (e.g. ``"not reached yet"``)."""
        self._jacobian = self._slices = None
        self._visible = []
        for plot in self._plots:
            plot.clear()
        self.header_label.setText("")
        self.picker_row.setVisible(False)
        self.message_label.setText(clip(text, 1000))
        self.status_label.setText("")
        self.stack.setCurrentWidget(self.message_label)

    def current_jacobian(self) -> np.ndarray | None:
        return self._jacobian

    def slice_count(self) -> int:
        """How many slices the Jacobian has (one per output element)."""
        return 0 if self._slices is None else len(self._slices)

    def is_paged(self) -> bool:
        return self.slice_count() > MAX_ALL_SLICES

    def visible_slices(self) -> list[int]:
        """The output elements shown now, as 0-based flat indices into ``A``."""
        return list(self._visible)

    def slice_titles(self) -> list[str]:
        """The titles of the slices shown now, e.g. ``["∂ŷ₁/∂W₃", "∂ŷ₂/∂W₃"]``."""
        return [self._plots[p].title for p in range(len(self._visible))]

    def title_colours(self) -> list[QColor | None]:
        return [self._plots[p].title_colour for p in range(len(self._visible))]

    def shown_slice(self, position: int) -> np.ndarray | None:
        """The matrix drawn in the ``position``-th visible slice (a vector input shows as a column)."""
        return self._plots[position].matrix

    def cell_text(self, position: int, row: int, column: int) -> str:
        """The number printed in a cell of a visible slice, ``""`` for slices larger than 6×6."""
        texts = self._plots[position].texts
        return texts[row][column] if texts else ""

    def describe_cell(self, position: int, row: int, column: int) -> str:
        """Hover text for a cell of a visible slice: ``∂ŷ₁/∂w₁₂``, its index and exact value."""
        return self._plots[position].describe(row, column)

    def header_text(self) -> str:
        return self.header_label.text()

    def levels(self) -> tuple[float, float]:
        """The colour levels shared by every slice, ``(-m, m)`` with ``m = max|J|``."""
        return self._levels

    def slice_plot(self, position: int) -> HeatmapPlot:
        """The plot drawing the ``position``-th visible slice."""
        return self._plots[position]

    def grid_columns(self) -> int:
        """How many slices sit side by side now."""
        return self._arranged[1]

    def image_count(self) -> int:
        """How many image items exist (the pool), never more than :data:`MAX_ALL_SLICES`."""
        return len(self._plots)

    def apply_theme(self, _name: str = "") -> None:
        """Re-read :func:`current_theme` (after the theme switches)."""
        theme = current_theme()
        apply_palette(self, theme)
        self.graphics.setBackground(theme.background)
        style_colour_bar(self.colour_bar, theme)
        self._colour_label(self.header_label, theme.text)
        for label in (self.status_label, self.message_label, self.page_label):
            self._colour_label(label, theme.muted_text)
        for plot in self._plots:
            plot.apply_theme(theme)
        if self._slices is not None:
            self._show_page()

    # -- internals

    @staticmethod
    def _colour_label(label: QLabel, colour: QColor) -> None:
        palette = label.palette()
        palette.setColor(label.foregroundRole(), colour)
        label.setPalette(palette)

    def _on_picker_changed(self, _value: int) -> None:
        self._show_page()

    def _show_page(self) -> None:
        assert self._slices is not None
        count = len(self._slices)
        if count > MAX_ALL_SLICES:
            first = self.picker.value() - 1
            self._visible = list(range(first, min(first + PAGE_SLICES, count)))
            self.prev_button.setEnabled(first > 0)
            self.next_button.setEnabled(first + PAGE_SLICES < count)
            last = self._visible[-1]
            shown = self._naming.output_name(first) + (f" … {self._naming.output_name(last)}" if last > first else "")
            self.page_label.setText(translate("JacobianView", "showing {names}").format(names=shown))
        else:
            self._visible = list(range(count))
        while len(self._plots) < len(self._visible):
            self._plots.append(HeatmapPlot(pg.PlotItem(enableMenu=False), numbers_up_to=SLICE_NUMBERS_UP_TO))
        self._arrange()
        colour = current_theme().current  # a local derivative: the colour the breakdown gives ∂Ŷ/∂W
        slice_shape = self._shapes[0] if self._by_output else self._shapes[1]
        for plot, k in zip(self._plots, self._visible, strict=False):
            plot.show(
                self._slices[k],
                self._levels,
                self._naming.namer(k),
                title=self._naming.title(k),
                title_colour=colour,
                column_numbers=len(slice_shape) == 2,
                row_numbers=len(slice_shape) > 0,
            )
        share_number_sizes([plot.numbers for plot in self._plots[: len(self._visible)]])
        self._clear_hover()

    def _arrange(self) -> None:
        """Lay the visible slices out in the grid, re-flowing only when the column count changes."""
        if self._slices is None:
            return
        count = len(self._visible)
        _, rows, columns = self._slices.shape
        size = self.graphics.size()
        metrics = QFontMetricsF(title_font())
        titles = max(metrics.horizontalAdvance(self._naming.title(k)) for k in self._visible) if self._visible else 0.0
        min_width = max(titles + 12, 70.0)
        wanted = (count, grid_columns(count, rows, columns, size.width(), size.height() - 40, min_width))
        if wanted == self._arranged:
            return
        self._arranged = wanted
        self._grid.clear()
        for position in range(count):
            row, column = divmod(position, wanted[1])
            self._grid.addItem(self._plots[position].plot, row=row, col=column)

    def _on_mouse_moved(self, scene_pos: QPointF) -> None:
        for plot in self._plots[: len(self._visible)]:
            cell = plot.cell_at(scene_pos)
            if cell is not None:
                text = plot.describe(*cell)
                self.status_label.setText(text)
                self.graphics.setToolTip(tooltip(text))
                return
        self._clear_hover()

    def _clear_hover(self) -> None:
        self.status_label.setText(translate("MatrixView", HOVER_HINT) if self._slices is not None else "")
        self.graphics.setToolTip("")
