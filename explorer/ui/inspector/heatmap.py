"""Heatmaps: one matrix drawn with a diverging colour map centred at zero.

A value or a gradient is shown the way the lecture prints a matrix: row 1 at
the top, rows and columns numbered from 1, each cell named ``w₁₂``. Blue is
negative, the light middle is zero, red is positive, and the levels are
always symmetric (``±max|a|``) so the sign reads at a glance. Small matrices
carry their numbers in the cells; hovering any cell reads its exact value.

Nothing here computes a derivative: the widgets display the arrays they are
given. :class:`MatrixView` is the widget the inspector shows; it draws with
:class:`~explorer.ui.inspector.heatmap_items.HeatmapPlot`, which
:mod:`explorer.ui.inspector.jacobian_view` shares, and formats with the pure helpers of
:mod:`explorer.lesson.matrix_format`.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QT_TRANSLATE_NOOP, QPointF, QSize, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from explorer.lesson.matrix_format import as_matrix, element_name, index_in
from explorer.lesson.notation import pretty
from explorer.ui.inspector.colour_bar import make_colour_bar, set_colour_bar_levels, style_colour_bar
from explorer.ui.inspector.colour_scale import OWN, SHARED, ColourScale, scale_for
from explorer.ui.inspector.heatmap_items import (
    HeatmapPlot,
    WidgetEvents,
    apply_palette,
    picture_or_message,
)
from explorer.ui.kit.theme import Theme, current_theme, themes
from explorer.ui.text.i18n import translate
from explorer.ui.text.plain import clip, elide, plain, tooltip
from explorer.ui.text.vocabulary import shape_words as shape_text  # a scalar worded: 스칼라

HOVER_HINT = str(QT_TRANSLATE_NOOP("MatrixView", "hover a cell to read its exact value"))  # shown through translate()


# ---------------------------------------------------------------- the widget


class MatrixView(QWidget):
    """A heatmap of one value or gradient: a title, the matrix, a colour bar and a hover line.

    ``set_matrix(a, "W3")`` shows a 3×2 matrix titled ``W₃  (3×2)`` in the
    forward colour, cells named ``w₁₁ … w₃₂``; ``kind="grad"`` titles it
    ``∇W₃`` in the gradient colour. A vector is shown as a column, a scalar as
    one cell. ``show_message`` replaces the picture with a sentence.

    A small control chooses the colour scale: the matrix's own maximum or one
    shared across layers (``shared_top`` given to :meth:`set_matrix`), linear or
    log; the scale in use is always printed under the colour bar.
    """

    scale_changed = Signal()  # the user chose another colour scale

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._array: np.ndarray | None = None
        self._scale = ColourScale(1.0)
        self._shared: tuple[float | None, str] = (None, "")
        self._kind = "value"
        self._levels = (-1.0, 1.0)
        self._row_label = ""
        self._shown: tuple[object, ...] = ()  # what set_matrix was last asked to show, beside the array itself

        self.title_label = plain(QLabel())
        self.title_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        title_font = self.title_label.font()
        title_font.setBold(True)
        title_font.setPointSizeF(title_font.pointSizeF() * 1.1)
        self.title_label.setFont(title_font)

        self.graphics = pg.GraphicsLayoutWidget()
        self.graphics.ci.setContentsMargins(2, 2, 2, 2)
        self.heatmap = HeatmapPlot(self.graphics.addPlot(row=0, col=0, enableMenu=False))  # no menu built to be disabled
        self.colour_bar = make_colour_bar(current_theme())
        self.graphics.addItem(self.colour_bar, row=1, col=0)
        self.graphics.scene().sigMouseMoved.connect(self._on_mouse_moved)
        self.graphics.installEventFilter(WidgetEvents(self, on_leave=self._clear_hover))

        self.stack, self.message_label, self.status_label = picture_or_message(self.graphics, translate("MatrixView", HOVER_HINT))
        self.scale_combo = QComboBox(self)
        self.scale_combo.addItem(self.tr("Own maximum"), OWN)
        self.scale_combo.addItem(self.tr("Shared across layers"), SHARED)
        self.scale_combo.setToolTip(self.tr("Colour by this matrix's own maximum, or by one maximum shared across layers, so small gradients look small"))
        self.log_check = QCheckBox(self.tr("Log"), self)
        self.log_check.setToolTip(self.tr("Colour by sign·log₁₀(1 + |x| / floor): small and large magnitudes both show"))
        self.scale_label = plain(QLabel(self))
        self.scale_label.setWordWrap(True)
        self.scale_combo.activated.connect(lambda _: self._on_scale_chosen())
        self.log_check.toggled.connect(lambda _: self._on_scale_chosen())
        scale_row = QHBoxLayout()
        scale_row.setContentsMargins(0, 0, 0, 0)
        scale_row.addWidget(self.scale_combo)
        scale_row.addWidget(self.log_check)
        scale_row.addStretch(1)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.setSpacing(4)
        layout.addWidget(self.title_label)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.scale_label)
        layout.addLayout(scale_row)
        layout.addWidget(self.status_label)
        self.setMinimumSize(240, 260)  # room for the matrix; a low inspector scrolls instead
        self.apply_theme()
        themes().changed.connect(self.apply_theme)  # a live switch repaints the panel
        self.show_message(translate("MatrixView", "nothing selected"))

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt override)
        return QSize(360, 340)

    # -- public API

    def set_matrix(
        self,
        array: object,
        name: str,
        kind: str = "value",
        row_label: str | None = None,
        *,
        title: str | None = None,
        shared_top: float | None = None,
        shared_group: str = "",
    ) -> None:
        """Show ``array`` (0-, 1- or 2-D) as the node ``name``'s value or gradient.

        Parameters
        ----------
        array : array_like
            What to show; a vector becomes a column, a scalar one cell.
        name : str
            The node name, e.g. ``"W3"``: the title reads ``W₃`` and cells ``w₁₂``.
            A derivative such as ``"∂L/∂W3"`` is also understood: title ``∂L/∂W₃``,
            cells ``∂L/∂w₁₂``. A plain name with ``kind="grad"`` is titled ``∇W₃``.
        kind : {"value", "grad"}
            Colours the title: forward colour for values, gradient colour for gradients.
        row_label : str, optional
            A label for the row axis, e.g. ``"input k"``.
        title : str, optional
            Replaces the title's name part (the shape is still appended).
        shared_top, shared_group : float and str, optional
            The largest magnitude over a group of matrices and the group's name
            (``"shared across layers"``), used when the shared scale is chosen.
        """
        if kind not in ("value", "grad"):
            raise ValueError(f"kind must be 'value' or 'grad', not {kind!r}")
        shown = (name, kind, row_label, title, shared_top, shared_group, self.width(), current_theme().name)
        if array is self._array and shown == self._shown and self.stack.currentWidget() is self.graphics:
            return  # a step that did not change this array: nothing to redraw (the session never edits one in place)
        self._shown = shown
        original = np.asarray(array)
        matrix = as_matrix(original)
        shape = original.shape
        self._array, self._kind = original, kind
        self._shared = (shared_top, shared_group)
        self._scale = self._choose_scale(matrix)
        self._levels = self._scale.levels()
        theme = current_theme()
        # the name may be a derivative, "∂L/∂W3": the node is after the last ∂
        node = name.rsplit("∂", 1)[-1]
        derivative = name[: len(name) - len(node)]  # "∂L/∂", or "" for a plain node name
        if title is None:
            title = f"{derivative}{pretty(node)}" if derivative or kind == "value" else f"∇{pretty(node)}"
        self.title_label.setText(
            f"{elide(title, self.title_label.font(), max(self.width() - 120, 120))}  ({shape_text(shape)})"
        )
        self._style_title(theme)
        prefix = derivative or ("" if kind == "value" else translate("MatrixView", "gradient at "))

        index_word = translate("MatrixView", "index")

        def namer(i: int, j: int) -> str:
            index = index_in(shape, i, j)
            return f"{prefix}{element_name(node, index, shape)}   {index_word} {list(index)}"

        self._row_label = row_label or ""
        self.heatmap.show(
            matrix,
            self._levels,
            namer,
            row_label=self._row_label,
            column_numbers=original.ndim == 2,
            row_numbers=original.ndim > 0,
            colour_values=self._scale.colour_values(matrix) if self._scale.log else None,
        )
        self._show_scale()
        self._clear_hover()
        self.stack.setCurrentWidget(self.graphics)

    def show_message(self, text: str) -> None:
        """Show a centred sentence instead of the picture (e.g. ``"not reached yet"``)."""
        text = clip(text, 1000)
        if self._array is None and self.stack.currentWidget() is self.message_label and self.message_label.text() == text:
            return  # the same sentence, step after step
        self._array = None
        self.heatmap.clear()
        self.title_label.setText("")
        self.scale_label.setText("")
        self.message_label.setText(text)
        self._clear_hover()
        self.stack.setCurrentWidget(self.message_label)

    def current_array(self) -> np.ndarray | None:
        """The array shown, as given to :meth:`set_matrix`; None while a message is shown."""
        return self._array

    def cell_text(self, row: int, column: int) -> str:
        """The number printed in a cell, ``""`` when the matrix is too large for numbers."""
        if not self.heatmap.texts:
            return ""
        return self.heatmap.texts[row][column]

    def numbers_shown(self) -> bool:
        return bool(self.heatmap.texts)

    def levels(self) -> tuple[float, float]:
        """The colour levels, ``(-m, m)``."""
        return self._levels

    def title_text(self) -> str:
        return self.title_label.text()

    def title_colour(self) -> QColor:
        return self.title_label.palette().color(self.title_label.foregroundRole())

    def status_text(self) -> str:
        return self.status_label.text()

    def describe_cell(self, row: int, column: int) -> str:
        """The hover text for a cell: element name, index and exact value."""
        return self.heatmap.describe(row, column)

    def apply_theme(self, _name: str = "") -> None:
        """Re-read :func:`current_theme` (after the theme switches)."""
        theme = current_theme()
        apply_palette(self, theme)
        self.graphics.setBackground(theme.background)
        self.heatmap.apply_theme(theme)
        style_colour_bar(self.colour_bar, theme)
        self._style_title(theme)
        for label in (self.status_label, self.message_label):
            palette = label.palette()
            palette.setColor(label.foregroundRole(), theme.muted_text)
            label.setPalette(palette)
        matrix = self.heatmap.matrix  # what the array shows as (a vector as a column)
        if self._array is not None and matrix is not None:
            self.heatmap.show(
                matrix,
                self._levels,
                self.heatmap.namer,
                row_label=self._row_label,
                column_numbers=self._array.ndim == 2,
                row_numbers=self._array.ndim > 0,
                colour_values=self._scale.colour_values(matrix) if self._scale.log else None,
            )

    def scale(self) -> ColourScale:
        """The colour scale in use."""
        return self._scale

    def set_scale_mode(self, mode: str, log: bool = False) -> None:
        """Choose the colour scale, as the control does: ``"own"`` or ``"shared"``, linear or log."""
        self.scale_combo.setCurrentIndex(max(self.scale_combo.findData(mode), 0))
        self.log_check.blockSignals(True)
        self.log_check.setChecked(log)
        self.log_check.blockSignals(False)
        self._on_scale_chosen()

    def scale_mode(self) -> tuple[str, bool]:
        return self.scale_combo.currentData(), self.log_check.isChecked()

    # -- internals

    def _choose_scale(self, matrix: np.ndarray) -> ColourScale:
        mode, log = self.scale_mode()
        top, group = self._shared
        return scale_for(matrix, mode, log, top, group)

    def _show_scale(self) -> None:
        if self._scale.log:
            self.colour_bar.setLevels(values=self._levels)
            self.colour_bar.getAxis("bottom").setTicks(self._scale.ticks())
        else:
            set_colour_bar_levels(self.colour_bar, self._levels)
        self.scale_label.setText(self._scale.describe())

    def _on_scale_chosen(self) -> None:
        if self._array is not None and self.heatmap.matrix is not None:
            self._scale = self._choose_scale(self.heatmap.matrix)
            self._levels = self._scale.levels()
            self.apply_theme()
            self._show_scale()
        self.scale_changed.emit()

    def _style_title(self, theme: Theme) -> None:
        palette = self.title_label.palette()
        colour = theme.forward if self._kind == "value" else theme.gradient
        palette.setColor(self.title_label.foregroundRole(), colour)
        self.title_label.setPalette(palette)

    def _on_mouse_moved(self, scene_pos: QPointF) -> None:
        cell = self.heatmap.cell_at(scene_pos)
        if cell is None:
            self._clear_hover()
            return
        text = self.heatmap.describe(*cell)
        self.status_label.setText(text)
        self.graphics.setToolTip(tooltip(text))

    def _clear_hover(self) -> None:
        self.status_label.setText(translate("MatrixView", HOVER_HINT) if self._array is not None else "")
        self.graphics.setToolTip("")
