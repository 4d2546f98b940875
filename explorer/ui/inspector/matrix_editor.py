"""A table editor for a leaf's numbers (X, Y, any W or bias).

A cell takes a finite number only: anything else is refused in place with a
message, and the cell keeps its number. Nothing reaches the model until OK,
and then only through the controller's undoable edit.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np
from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from explorer.lesson.notation import element, pretty
from explorer.model.initial import initial_value
from explorer.model.numbers import exact, shown
from explorer.ui.kit.theme import current_theme
from explorer.ui.text.i18n import translate
from explorer.ui.text.plain import one_line, plain, tooltip
from explorer.ui.text.vocabulary import shape_words as shape_text  # a scalar worded: 스칼라

Index = QModelIndex | QPersistentModelIndex


def parse_number(text: str) -> float | None:
    """A finite float from what a person typed (``1,5`` reads as 1.5), else ``None``.

    >>> parse_number(" -0.25 "), parse_number("1,5"), parse_number("abc"), parse_number("nan")
    (-0.25, 1.5, None, None)
    """
    text = text.strip().replace("−", "-")
    if text.count(",") == 1 and "." not in text:
        text = text.replace(",", ".")
    try:
        value = float(text)
    except ValueError:
        return None
    return value if math.isfinite(value) else None


class MatrixTableModel(QAbstractTableModel):
    """An editable copy of one array; the original is never touched."""

    rejected = Signal(str)

    def __init__(self, node: str, array: np.ndarray, parent: Any = None) -> None:
        super().__init__(parent)
        self.node = node
        self.original_shape = array.shape
        self.array = np.array(array, dtype=np.float64).reshape(array.shape[0], -1)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.array.shape[0]

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.array.shape[1]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        value = float(self.array[index.row(), index.column()])
        if role == Qt.ItemDataRole.DisplayRole:
            return shown(value, 6)
        if role == Qt.ItemDataRole.EditRole:
            return repr(value)
        if role == Qt.ItemDataRole.ToolTipRole:
            return tooltip(f"{self._element(index)} = {exact(value)}")
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _element(self, index: Index) -> str:
        if len(self.original_shape) == 1:
            return element(self.node, (index.row(),))
        return element(self.node, (index.row(), index.column()))

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        number = value if isinstance(value, float) else parse_number(str(value))
        if number is None:
            old = float(self.array[index.row(), index.column()])
            self.rejected.emit(
                translate("MatrixEditor", "{node}: “{text}” is not a finite number; {element} keeps {old}").format(
                    node=one_line(pretty(self.node), 60),
                    text=one_line(str(value), 60),
                    element=one_line(self._element(index), 60),
                    old=shown(old, 6),
                )
            )
            return False
        self.array[index.row(), index.column()] = number
        self.dataChanged.emit(index, index)
        return True

    def flags(self, index: Index) -> Qt.ItemFlag:
        return super().flags(index) | Qt.ItemFlag.ItemIsEditable

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return str(section + 1)
        return None

    def fill(self, array: np.ndarray) -> None:
        self.beginResetModel()
        self.array = np.array(array, dtype=np.float64).reshape(self.array.shape)
        self.endResetModel()

    def result(self) -> np.ndarray:
        return self.array.reshape(self.original_shape).copy()


class MatrixEditor(QDialog):
    """Edit a leaf's numbers; :meth:`result_array` is the new value after OK."""

    def __init__(self, node: str, op: str, array: np.ndarray, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(
            translate("MatrixEditor", "Edit {name} ({shape})").format(
                name=one_line(pretty(node), 60), shape=shape_text(array.shape)
            )
        )
        self.table_model = MatrixTableModel(node, array, self)
        self.table = QTableView(self)
        self.table.setModel(self.table_model)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.message = plain(QLabel(self))
        self.message.setWordWrap(True)
        self.message.setStyleSheet(f"color: {current_theme().error.name()}")
        self.table_model.rejected.connect(self.message.setText)
        self.table_model.dataChanged.connect(lambda *_: self.message.clear())

        self.seed = QSpinBox(self)
        self.seed.setRange(0, 2**31 - 1)
        self.seed.setPrefix(translate("MatrixEditor", "seed "))
        randomise = QPushButton(translate("MatrixEditor", "Randomise"), self)
        randomise.setToolTip(
            translate(
                "MatrixEditor", "Fill with normal numbers (std 0.5) from this seed: the same seed gives the same numbers"
            )
        )
        randomise.clicked.connect(self.randomise)
        zeros = QPushButton(translate("MatrixEditor", "Zeros"), self)
        zeros.clicked.connect(lambda: self.table_model.fill(np.zeros(array.shape)))

        tools = QHBoxLayout()
        tools.addWidget(QLabel(f"{op} · {shape_text(array.shape)}", self))
        tools.addStretch(1)
        tools.addWidget(self.seed)
        tools.addWidget(randomise)
        tools.addWidget(zeros)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(tools)
        layout.addWidget(self.table)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.resize(
            min(900, 120 + 90 * self.table_model.columnCount()), min(700, 160 + 30 * self.table_model.rowCount())
        )

    def randomise(self) -> None:
        shape = self.table_model.original_shape
        self.table_model.fill(initial_value(shape, {"kind": "normal", "std": 0.5, "seed": self.seed.value()}))

    def result_array(self) -> np.ndarray:
        return self.table_model.result()
