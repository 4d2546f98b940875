"""Any string typed into the value editor is refused in place, or accepted and drawn on every tab."""

import math
import warnings

import numpy as np
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QModelIndex

from explorer.engine import Session
from explorer.model import edit as edits
from explorer.model.examples import toy_model
from explorer.ui.inspector.matrix_editor import MatrixTableModel

TYPED = st.one_of(
    st.text(max_size=40),
    st.floats(allow_nan=True, allow_infinity=True).map(repr),
    st.sampled_from(["5e-324", "1e308", "-1e308", "1e309", "−0", "1,5", "1_000", " 7 ", "0x10", "1" * 5000, "∞"]),
)


@settings(max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture], deadline=None)
@given(typed=TYPED)
def test_a_typed_string_is_refused_in_place_or_drawn_everywhere(window, typed):
    c = window.controller
    if c.session.model is not c.model or c.undo_stack.count() > 20:
        c.load(Session(toy_model()))
    original = np.array(c.model.value("W3"))
    table = MatrixTableModel("W3", original)
    messages = []
    table.rejected.connect(messages.append)
    accepted = table.setData(table.index(0, 0, QModelIndex()), typed)
    if not accepted:
        assert np.array_equal(table.result(), original)  # the cell keeps its number
        assert len(messages) == 1
        assert "\n" not in messages[0]
        assert len(messages[0]) < 300
        return
    number = float(table.result()[0, 0])
    assert math.isfinite(number)
    c.edit("Edit W3", edits.set_value, "W3", table.result())
    c.select("W3")
    with warnings.catch_warnings(), np.errstate(all="ignore"):
        warnings.simplefilter("ignore", RuntimeWarning)  # the engine names an overflow; not the window's job
        for move in (lambda: None, c.run_to_end):
            move()
            for tab in range(4):
                window.inspector.tabs.setCurrentIndex(tab)
                window.inspector.grab()
    assert window.inspector.value_view.current_array()[0, 0] == number  # the typed number is drawn
