"""The lecture's maths as rich text: escaped, with layer marks that render, numbers and small matrices.

Every string put into a rich-text view goes through :func:`math_html`: it
escapes the text (a label ``<b>`` shows as ``<b>``) and sets the layer marks
of :func:`~explorer.lesson.notation.qualified_element` (``h⁽¹⁾₂``) in a font
that has the superscript parentheses, which many interface fonts lack.
:func:`matrix_html` prints a small array between brackets and a large one as
a cut table with a note. No widgets here, and nothing is computed.
"""

from __future__ import annotations

import re

import numpy as np

from explorer.model.numbers import shown
from explorer.model.numbers import signed as signed  # a product's term, bracketed when negative
from explorer.ui.text.i18n import translate
from explorer.ui.text.plain import escape

#: Fonts known to hold ⁽ ⁾ and the superscript digits, tried in this order: the bundled one first.
MARK_FONTS = "'DejaVu Sans Condensed', 'DejaVu Sans', 'Noto Sans', 'Segoe UI Symbol', 'Cambria Math', sans-serif"
#: A printed matrix's numbers: a fixed-width font, then the bundled ones for a sign it lacks (−, ∞).
MATRIX_FONTS = 'monospace, "DejaVu Sans Condensed", "NanumSquare"'  # inside a single-quoted style
_MARK = re.compile("[⁽⁾⁰¹²³⁴⁵⁶⁷⁸⁹⊗⊙]+")

#: A printed matrix shows at most this many rows and columns; the rest is cut with a note.
MAX_ROWS, MAX_COLUMNS = 12, 12


def math_html(text: str, limit: int = 2000) -> str:
    """``text`` escaped for rich text, its layer marks set in a font that has them.

    >>> print(math_html("<b> w⁽³⁾₁₁"))
    &lt;b&gt; w<span style="font-family:'DejaVu Sans Condensed', 'DejaVu Sans', 'Noto Sans', 'Segoe UI Symbol', 'Cambria Math', sans-serif">⁽³⁾</span>₁₁
    """
    return _MARK.sub(lambda m: f'<span style="font-family:{MARK_FONTS}">{m.group(0)}</span>', escape(text, limit))


def num(x: float, digits: int = 4) -> str:
    """A number as the views print it: :func:`~explorer.model.numbers.shown`, ``digits`` significant digits.

    >>> num(-0.0611824), num(0.0), num(2.0), num(-1.5e-7)
    ('−0.06118', '0', '2', '−1.5e−7')
    """
    return shown(x, digits)


def grid_of(array: np.ndarray) -> np.ndarray:
    """The 2-D picture of an array: a vector is a column, a scalar one cell, more axes flatten to columns."""
    a = np.asarray(array, dtype=np.float64)
    if a.ndim == 0:
        return a.reshape(1, 1)
    if a.ndim == 1:
        return a.reshape(-1, 1)
    return a.reshape(a.shape[0], -1)


def matrix_html(
    array: np.ndarray,
    colour: str,
    row_names: tuple[str, ...] | None = None,
    column_names: tuple[str, ...] | None = None,
    muted: str = "gray",
) -> str:
    """An array as a bracketed table; past :data:`MAX_ROWS` × :data:`MAX_COLUMNS` it is cut, with a note.

    ``row_names`` and ``column_names`` (escaped here) label the rows (``∇ᵀfᵢ``) and columns.
    """
    grid = grid_of(array)
    rows, columns = grid.shape
    shown_rows, shown_columns = min(rows, MAX_ROWS), min(columns, MAX_COLUMNS)
    cell = "align='right' style='padding:0 5px; white-space:nowrap'"
    head = ""
    if column_names is not None:
        names = "".join(
            f"<td {cell}><span style='color:{muted}; font-size:small'>{math_html(n, 80)}</span></td>"
            for n in column_names[:shown_columns]
        )
        head = f"<tr>{'<td></td>' if row_names is not None else ''}{names}</tr>"
    body = []
    for r in range(shown_rows):
        label = (
            f"<td style='color:{muted}; font-size:small; padding-right:4px; white-space:nowrap'>{math_html(row_names[r], 80)}</td>"
            if row_names is not None
            else ""
        )
        numbers = "".join(f"<td {cell}>{num(float(v))}</td>" for v in grid[r, :shown_columns])
        body.append(f"<tr>{label}{numbers}</tr>")
    table = (
        f"<table cellspacing='0' style='color:{colour}; border-left:2px solid {colour}; "
        f"border-right:2px solid {colour}; font-family:{MATRIX_FONTS}'>{head}{''.join(body)}</table>"
    )
    if shown_rows < rows or shown_columns < columns:
        note = translate("RichMath", "showing {shown_rows} of {rows} rows and {shown_columns} of {columns} columns").format(
            shown_rows=shown_rows, rows=rows, shown_columns=shown_columns, columns=columns
        )
        table += f"<div style='color:{muted}; font-size:small'>{escape(note)}</div>"
    return table
