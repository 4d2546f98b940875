"""Matrices as the lecture prints them: shapes, colour levels, numbers, names, index ticks.

Pure helpers for :mod:`explorer.ui.inspector.heatmap` and :mod:`explorer.ui.inspector.jacobian_view`,
with no widgets: a vector is shown as a column and a scalar as one cell, the
colour levels are symmetric about zero, numbers carry a real minus sign, cells
are named ``w⁽³⁾₁₂`` and rows and columns are numbered from 1.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from functools import partial

import numpy as np

from explorer.lesson.notation import pretty, qualified_element
from explorer.model.numbers import fixed, shown


def as_matrix(array: object) -> np.ndarray:
    """The 2-D picture of an array: a scalar is 1×1, a vector is a column.

    >>> as_matrix(3.0).shape, as_matrix([1, 2, 3]).shape, as_matrix([[1, 2]]).shape
    ((1, 1), (3, 1), (1, 2))
    """
    a = np.asarray(array, dtype=np.float64)
    return a.reshape(matrix_shape(a.shape))


def matrix_shape(shape: tuple[int, ...]) -> tuple[int, int]:
    """The shape :func:`as_matrix` gives an array of ``shape``.

    >>> matrix_shape(()), matrix_shape((4,)), matrix_shape((3, 2))
    ((1, 1), (4, 1), (3, 2))
    """
    if len(shape) > 2:
        raise ValueError(f"a heatmap shows a scalar, a vector or a matrix, not shape {shape}")
    padded = (*shape, 1, 1)
    return (padded[0], padded[1])


def symmetric_levels(array: object) -> tuple[float, float]:
    """Colour levels centred at zero: ``±max|a|`` over the finite entries, ``±1`` when all are zero.

    >>> symmetric_levels([[1.0, -3.0]]), symmetric_levels([0.0, float("nan")])
    ((-3.0, 3.0), (-1.0, 1.0))
    """
    magnitude = np.abs(np.asarray(array, dtype=np.float64))
    top = float(magnitude.max(initial=0.0))
    if not math.isfinite(top):
        top = float(magnitude[np.isfinite(magnitude)].max(initial=0.0))
    if top == 0.0:
        top = 1.0
    return (-top, top)


#: Colour maths stays exact between these magnitudes; outside them a picture is drawn in
#: units of its largest magnitude (``high - low`` of ±1e308 overflows, ``1 / 5e-324`` too).
SAFE_MAGNITUDES = (1e-150, 1e150)


def display_scale(top: float) -> float:
    """The unit a picture whose largest magnitude is ``top`` is drawn in: 1 for ordinary numbers.

    Only the colours are drawn in this unit; numbers, hover text and tick labels
    keep the true values.

    >>> display_scale(3.0), display_scale(0.0), display_scale(1e308), display_scale(5e-324)
    (1.0, 1.0, 1e+308, 5e-324)
    """
    low, high = SAFE_MAGNITUDES
    if not math.isfinite(top) or top == 0.0 or low <= top <= high:
        return 1.0
    return top


def scaled(array: np.ndarray, scale: float) -> np.ndarray:
    """``array / scale`` without overflow warnings (an infinite entry stays infinite)."""
    if scale == 1.0:
        return array
    with np.errstate(over="ignore", under="ignore", invalid="ignore", divide="ignore"):
        return np.asarray(array, dtype=np.float64) / scale


def format_cell(value: float, digits: int = 4) -> str:
    """A number as printed in a cell: :func:`~explorer.model.numbers.shown` with ``digits`` significant digits.

    >>> format_cell(0.123456), format_cell(-2.5), format_cell(-0.0), format_cell(-0.123456, 2)
    ('0.1235', '−2.5', '0', '−0.12')
    >>> format_cell(12346.0), format_cell(-1.5e-7)
    ('1.235e4', '−1.5e−7')
    """
    return shown(value, digits)


def _fixed_format(decimals: int) -> Callable[[float], str]:
    return partial(fixed, decimals=decimals)


def compact_formats(top: float) -> list[Callable[[float], str]]:
    """Ways to print cells whose largest magnitude is ``top``, longest first, each for cells
    too narrow for the one before.

    First 4 significant digits per number; then, like a printed matrix, a fixed
    number of decimals giving the largest entry 3 and then 2 significant digits.

    >>> [f(-0.0045) for f in compact_formats(2.3)]
    ['−0.0045', '−0.00', '−0.0']
    """
    formats: list[Callable[[float], str]] = [format_cell]
    if top > 0.0 and math.isfinite(top):
        exponent = math.floor(math.log10(top))
        for digits in (3, 2):
            decimals = digits - 1 - exponent
            if 0 <= decimals <= 4:
                formats.append(_fixed_format(decimals))
    return formats


def element_name(name: str, index: tuple[int, ...], shape: tuple[int, ...]) -> str:
    """One element's name with its layer, as the lecture's ``h⁽¹⁾₂``; a column vector (n×1) is named by its row alone.

    The layer mark keeps ``h₁`` of H₂ and of H₁ apart; a node without a layer
    number keeps the plain name (``ŷ₁``).

    >>> element_name("W3", (2, 1), (3, 2)), element_name("H1", (1, 0), (3, 1)), element_name("L", (), ())
    ('w⁽³⁾₃₂', 'h⁽¹⁾₂', 'L')
    >>> element_name("Yhat", (0, 0), (2, 1))
    'ŷ₁'
    """
    if len(shape) == 2 and shape[1] == 1:
        index = index[:1]
    if not index:
        return pretty(name)
    return qualified_element(name, index)


def index_in(shape: tuple[int, ...], row: int, column: int) -> tuple[int, ...]:
    """The array index of a cell of :func:`as_matrix`'s picture of an array of ``shape``."""
    return ((row, column), (row,), ())[2 - min(len(shape), 2)]


def _nice_step(at_least: float) -> int:
    """The smallest of 1, 2, 5, 10, 20, 50, … that is at least ``at_least``."""
    step = 1
    while True:
        for factor in (1, 2, 5):
            if step * factor >= at_least:
                return step * factor
        step *= 10


def index_ticks(count: int, cell_pixels: float, label_pixels: float) -> list[tuple[float, str]]:
    """Axis ticks at cell centres, numbered from 1, thinned so labels don't collide.

    >>> [label for _, label in index_ticks(3, 50, 20)]
    ['1', '2', '3']
    >>> [label for _, label in index_ticks(2048, 0.2, 30)]
    ['1', '200', '400', '600', '800', '1000', '1200', '1400', '1600', '1800', '2000']
    """
    step = _nice_step(label_pixels / max(cell_pixels, 1e-9))
    if step == 2:
        numbers = list(range(1, count + 1, 2))
    else:
        numbers = [1] + [k for k in range(step, count + 1, step) if k - 1 >= 0.5 * step]
    return [(n - 0.5, str(n)) for n in numbers]
