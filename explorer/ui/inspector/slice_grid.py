"""How the Jacobian view lays out and names its slices: how many side by side, and each slice's
title and cells' names (``∂ŷ₁/∂W₃``, ``∂ŷ₁/∂w₁₂``). No widgets: the view asks."""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
from PySide6.QtGui import QFont

from explorer.lesson.matrix_format import element_name, index_in
from explorer.lesson.notation import partial, pretty
from explorer.ui.kit.text_zoom import zoom_factor
from explorer.ui.text.i18n import translate
from explorer.ui.text.plain import clip


def title_font() -> QFont:
    """The font pyqtgraph draws a slice title in (``size="10pt"``)."""
    font = QFont()
    font.setPointSizeF(10 * zoom_factor())
    return font


MAX_ALL_SLICES = 16  # up to this many output elements, every slice is shown
PAGE_SLICES = 4  # beyond it, a page of this many slices, chosen with the picker
SLICE_NUMBERS_UP_TO = 6  # numbers in the cells of a slice up to 6×6


def grid_columns(
    count: int, cell_rows: int, cell_columns: int, width: float, height: float, min_slice_width: float = 0.0
) -> int:
    """How many columns of slices give each matrix cell the most room, each slice at least ``min_slice_width``.

    >>> grid_columns(2, 3, 2, 360, 300), grid_columns(4, 3, 2, 360, 400), grid_columns(3, 1, 8, 360, 400)
    (2, 2, 1)
    >>> grid_columns(9, 3, 1, 360, 400), grid_columns(9, 3, 1, 360, 400, min_slice_width=100)
    (5, 3)
    """
    best, best_cell = 1, -1.0
    widest = max(1, int(width // min_slice_width)) if min_slice_width > 0 else count
    for columns in range(1, min(count, widest) + 1):
        rows = math.ceil(count / columns)
        free_w = width / columns - 30  # row numbers
        free_h = height / rows - 42  # title and column numbers
        cell = min(free_w / cell_columns, free_h / cell_rows)
        if cell > best_cell + 1e-9:
            best, best_cell = columns, cell
    return best


@dataclass(frozen=True)
class SliceNames:
    """The names in a Jacobian ``∂A/∂T`` of nodes ``names = (A, T)`` shaped ``shapes``.

    ``by_output``: the input is a scalar, so the one slice is shaped like the output.

    >>> names = SliceNames(("Yhat", "W3"), ((2, 1), (3, 2)), False)
    >>> names.title(1), names.namer(1)(0, 1)
    ('∂ŷ₂/∂W₃', '∂ŷ₂/∂w⁽³⁾₁₂   index [1, 0, 0, 1]')
    """

    names: tuple[str, str] = ("", "")
    shapes: tuple[tuple[int, ...], tuple[int, ...]] = ((), ())
    by_output: bool = False

    def output_index(self, k: int) -> tuple[int, ...]:
        out_shape = self.shapes[0]
        return tuple(int(i) for i in np.unravel_index(k, out_shape)) if out_shape else ()

    def output_name(self, k: int) -> str:
        """``ŷ₁₇`` for the ``k``-th output element (0-based, flat)."""
        return element_name(self.names[0], self.output_index(k), self.shapes[0])

    def title(self, k: int) -> str:
        if self.by_output:
            return clip(partial(*self.names), 80)
        return clip(f"∂{self.output_name(k)}/∂{pretty(self.names[1])}", 80)

    def namer(self, k: int) -> Callable[[int, int], str]:
        """Names cell (i, j) of slice ``k``: ``∂ŷ₁/∂w₁₂   index [0, 0, 0, 1]``."""
        (out_name, wrt_name), (out_shape, wrt_shape) = self.names, self.shapes
        index_word = translate("JacobianView", "index")
        if self.by_output:

            def by_output(i: int, j: int) -> str:
                index = index_in(out_shape, i, j)
                return f"∂{element_name(out_name, index, out_shape)}/∂{pretty(wrt_name)}   {index_word} {list(index)}"

            return by_output
        output, out_index = self.output_name(k), self.output_index(k)

        def by_input(i: int, j: int) -> str:
            index = index_in(wrt_shape, i, j)
            return f"∂{output}/∂{element_name(wrt_name, index, wrt_shape)}   {index_word} {list(out_index + index)}"

        return by_input
