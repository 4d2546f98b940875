"""The grid a student types an answer into: its rows and columns chosen by the student, a number per cell.

Reading the grid never loses what was typed: a cell that holds no number is
named in one line (:class:`CellError`) and every cell keeps its text.
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSpinBox, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget

from explorer.ui.inspector.matrix_editor import parse_number
from explorer.ui.text.i18n import translate
from explorer.ui.text.plain import one_line

# The largest grid a student can ask for, on each side.
MAX_SIDE = 64


class CellError(ValueError):
    """A cell that holds no number; the message names it."""


class AnswerGrid(QWidget):
    """Rows × columns of cells; :meth:`answer` reads them as a float array."""

    edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows_spin = QSpinBox(self)
        self.columns_spin = QSpinBox(self)
        for spin in (self.rows_spin, self.columns_spin):
            spin.setRange(1, MAX_SIDE)
            spin.valueChanged.connect(self._resize_table)
        self.table = QTableWidget(1, 1, self)
        self.table.itemChanged.connect(lambda _item: self.edited.emit())
        size_row = QHBoxLayout()
        size_row.addWidget(QLabel(translate("Practice", "Rows"), self))
        size_row.addWidget(self.rows_spin)
        size_row.addWidget(QLabel(translate("Practice", "Columns"), self))
        size_row.addWidget(self.columns_spin)
        size_row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(size_row)
        layout.addWidget(self.table)

    def _resize_table(self) -> None:
        self.table.setRowCount(self.rows_spin.value())
        self.table.setColumnCount(self.columns_spin.value())

    def reset(self, shape: tuple[int, int]) -> None:
        """Empty cells, ``shape`` rows × columns."""
        self.table.clearContents()
        self.rows_spin.setValue(min(shape[0], MAX_SIDE))
        self.columns_spin.setValue(min(shape[1], MAX_SIDE))
        self._resize_table()

    def set_text(self, row: int, column: int, text: str) -> None:
        """Type ``text`` into a cell (as a student would)."""
        item = self.table.item(row, column)
        if item is None:
            item = QTableWidgetItem()
            self.table.setItem(row, column, item)
        item.setText(text)

    def text(self, row: int, column: int) -> str:
        item = self.table.item(row, column)
        return "" if item is None else item.text()

    def answer(self) -> np.ndarray:
        """The typed numbers, ``rows × columns``; raises :class:`CellError` naming the first cell without one."""
        rows, columns = self.table.rowCount(), self.table.columnCount()
        array = np.empty((rows, columns))
        for row in range(rows):
            for column in range(columns):
                text = self.text(row, column)
                value = parse_number(text)
                if value is None:
                    where = translate("Practice", "Row {row}, column {column}").format(row=row + 1, column=column + 1)
                    if not text.strip():
                        raise CellError(translate("Practice", "{where} is empty: type a number there.").format(where=where))
                    raise CellError(
                        translate("Practice", "{where}: “{text}” is not a number. Nothing was checked; your entries are kept.").format(
                            where=where, text=one_line(text, 20)
                        )
                    )
                array[row, column] = value
        return array

    def mark(self, wrong: Iterable[tuple[int, int]], colour: QColor | None) -> None:
        """Colour the ``wrong`` cells with ``colour``; every other cell plain."""
        marked = set(wrong)
        for row in range(self.table.rowCount()):
            for column in range(self.table.columnCount()):
                item = self.table.item(row, column)
                if item is None:
                    item = QTableWidgetItem()
                    self.table.setItem(row, column, item)
                with_colour = colour is not None and (row, column) in marked
                item.setBackground(QBrush(colour) if with_colour and colour is not None else QBrush())
                item.setData(Qt.ItemDataRole.UserRole, with_colour)

    def marked(self) -> list[tuple[int, int]]:
        """The cells coloured as wrong."""
        return [
            (row, column)
            for row in range(self.table.rowCount())
            for column in range(self.table.columnCount())
            if (item := self.table.item(row, column)) is not None and item.data(Qt.ItemDataRole.UserRole)
        ]
