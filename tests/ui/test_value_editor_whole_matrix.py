"""The value editor's typed numbers filling a whole matrix (the fuzz test in tests/ui types one cell).

Item 1 of the robustness issue was a matrix holding *only* 5e-324: its
colour bar divided by zero and the next resize killed the interpreter. Here
any string the editor accepts fills every cell of W3 (so the whole range is
that one number, or that number and its negation), the pass runs to the end,
every inspector tab is drawn, the window is resized, and drawn again.
"""

from __future__ import annotations

import math
import warnings

import numpy as np
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QModelIndex

from explorer.engine import Session
from explorer.model import edit as edits
from explorer.model.examples import toy_model
from explorer.ui.inspector.matrix_editor import MatrixTableModel

TYPED = st.one_of(
    st.floats(allow_nan=True, allow_infinity=True).map(repr),
    st.floats(min_value=-1e-300, max_value=1e-300).map(repr),
    st.sampled_from(["5e-324", "-5e-324", "2.2250738585072014e-308", "1e308", "-1e308", "1.7976931348623157e308",
                     "0", "-0", "1e309", "nan", "1e-400", " 1e3 ", "−5e-324"]),
    st.text(alphabet="0123456789.eE+-−", min_size=1, max_size=12),
)


@settings(max_examples=40, suppress_health_check=[HealthCheck.function_scoped_fixture], deadline=None)
@given(typed=TYPED, mixed=st.booleans())
def test_a_typed_number_filling_a_matrix_draws_on_every_tab_through_a_resize(window, typed, mixed):
    c = window.controller
    if c.session.model is not c.model or c.undo_stack.count() > 20:
        c.load(Session(toy_model()))
    original = np.array(c.model.value("W3"))
    table = MatrixTableModel("W3", original)
    if not table.setData(table.index(0, 0, QModelIndex()), typed):
        assert np.array_equal(table.result(), original)  # refused in place
        event("refused")
        return
    event("accepted")
    number = float(table.result()[0, 0])
    assert math.isfinite(number)
    filled = np.full(original.shape, number)
    if mixed:
        filled[1::2] = -number
    c.edit("Fill W3", edits.set_value, "W3", filled)
    c.select("W3")
    with warnings.catch_warnings(), np.errstate(all="ignore"):
        warnings.simplefilter("ignore", RuntimeWarning)  # the engine names an overflow; not the window's job
        for move in (lambda: None, c.run_to_end):
            move()
            for size in ((1400, 900), (900, 640)):
                window.resize(*size)
                for tab in range(4):
                    window.inspector.tabs.setCurrentIndex(tab)
                    assert not window.inspector.grab().toImage().isNull()
    window.inspector.tabs.setCurrentIndex(0)
    np.testing.assert_array_equal(window.inspector.value_view.current_array(), filled)
