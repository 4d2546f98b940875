"""JacobianView: give it a Jacobian, check the slices it shows."""

import doctest

import numpy as np
import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtWidgets import QWidget

from explorer.model.numbers import exact
from explorer.ui.inspector import slice_grid
from explorer.ui.inspector.jacobian_view import MAX_ALL_SLICES, PAGE_SLICES, JacobianView


def lecture_jacobian() -> np.ndarray:
    """∂Ŷ/∂W₃ for Ŷ = W₃ᵀ h with h = (1, 2, 3)ᵀ, written down: slice i holds h in column i."""
    jac = np.zeros((2, 1, 3, 2))
    jac[0, 0, :, 0] = [1.0, 2.0, 3.0]
    jac[1, 0, :, 1] = [1.0, 2.0, 3.0]
    return jac


@pytest.fixture
def view(qtbot):
    widget = JacobianView()
    qtbot.addWidget(widget)
    widget.resize(360, 420)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def test_doctests_pass():
    assert doctest.testmod(slice_grid).attempted >= 3
    assert doctest.testmod(slice_grid).failed == 0


def test_the_lecture_jacobian_is_two_titled_slices(view):
    jac = lecture_jacobian()
    view.set_jacobian(jac, "Yhat", "W3", (2, 1), (3, 2))
    assert view.header_text() == "∂Ŷ/∂W₃: 2×1×3×2 = 2 slices of 3×2"
    assert view.slice_count() == 2
    assert view.visible_slices() == [0, 1]
    assert view.slice_titles() == ["∂ŷ₁/∂W₃", "∂ŷ₂/∂W₃"]
    np.testing.assert_array_equal(view.shown_slice(0), jac[0, 0])
    np.testing.assert_array_equal(view.shown_slice(1), jac[1, 0])
    assert not view.is_paged()
    assert view.picker_row.isHidden()


def test_slices_print_their_numbers(view):
    view.set_jacobian(lecture_jacobian(), "Yhat", "W3", (2, 1), (3, 2))
    assert [view.cell_text(0, i, 0) for i in range(3)] == ["1", "2", "3"]
    assert [view.cell_text(1, i, 0) for i in range(3)] == ["0", "0", "0"]


def test_slices_larger_than_6x6_print_no_numbers(view):
    view.set_jacobian(np.ones((2, 7, 7)), "a", "W", (2,), (7, 7))
    assert view.cell_text(0, 0, 0) == ""


def test_all_slices_share_one_symmetric_scale(view):
    jac = lecture_jacobian()
    jac[1, 0, 2, 1] = -5.0
    view.set_jacobian(jac, "Yhat", "W3", (2, 1), (3, 2))
    assert view.levels() == (-5.0, 5.0)
    assert tuple(view.colour_bar.levels()) == (-5.0, 5.0)
    for position in range(2):
        assert tuple(view.slice_plot(position).image.getLevels()) == (-5.0, 5.0)


def test_hover_names_the_partial_derivative(view):
    view.set_jacobian(lecture_jacobian(), "Yhat", "W3", (2, 1), (3, 2))
    text = view.describe_cell(1, 2, 1)
    assert text.startswith("∂ŷ₂/∂w⁽³⁾₃₂")
    assert "index [1, 0, 2, 1]" in text
    assert text.endswith(exact(3.0))


def test_hovering_with_the_mouse_fills_the_status_line(view, qtbot):
    view.set_jacobian(lecture_jacobian(), "Yhat", "W3", (2, 1), (3, 2))
    plot = view.slice_plot(1)
    point = view.graphics.mapFromScene(plot.plot.getViewBox().mapViewToScene(QPointF(1.5, 2.5)))
    wiggle = iter(range(1_000_000))

    def arrived() -> bool:  # pyqtgraph drops moves closer than 10 ms apart: wiggle until one lands
        qtbot.mouseMove(view.graphics.viewport(), point + QPoint(next(wiggle) % 2, 0))
        return view.status_label.text().startswith("∂ŷ₂/∂w⁽³⁾₃₂")

    qtbot.waitUntil(arrived)


def test_many_outputs_page_with_a_picker(view):
    jac = np.random.default_rng(0).normal(size=(64, 1, 3, 2))
    view.set_jacobian(jac, "Yhat", "W3", (64, 1), (3, 2))
    assert view.is_paged()
    assert not view.picker_row.isHidden()
    assert view.picker.maximum() == 64
    assert view.picker.text() == "output element 1 of 64"
    assert view.visible_slices() == list(range(PAGE_SLICES))
    assert not view.prev_button.isEnabled()

    view.picker.setValue(17)
    assert view.picker.text() == "output element 17 of 64"
    assert view.visible_slices() == [16, 17, 18, 19]
    assert view.slice_titles()[0] == "∂ŷ₁₇/∂W₃"
    np.testing.assert_array_equal(view.shown_slice(0), jac[16, 0])
    np.testing.assert_array_equal(view.shown_slice(3), jac[19, 0])
    assert view.prev_button.isEnabled()


def test_next_and_previous_move_a_page(view, qtbot):
    jac = np.random.default_rng(1).normal(size=(64, 1, 3, 2))
    view.set_jacobian(jac, "Yhat", "W3", (64, 1), (3, 2))
    qtbot.mouseClick(view.next_button, Qt.MouseButton.LeftButton)
    assert view.picker.value() == 1 + PAGE_SLICES
    np.testing.assert_array_equal(view.shown_slice(0), jac[PAGE_SLICES, 0])
    qtbot.mouseClick(view.prev_button, Qt.MouseButton.LeftButton)
    assert view.visible_slices()[0] == 0


def test_the_last_page_may_be_short(view):
    view.set_jacobian(np.zeros((18, 2, 2)), "a", "W", (18,), (2, 2))
    view.picker.setValue(17)
    assert view.visible_slices() == [16, 17]
    assert not view.next_button.isEnabled()


def test_sixteen_outputs_are_all_shown(view):
    view.set_jacobian(np.zeros((MAX_ALL_SLICES, 2, 2)), "a", "W", (MAX_ALL_SLICES,), (2, 2))
    assert not view.is_paged()
    assert len(view.visible_slices()) == MAX_ALL_SLICES


def test_a_large_jacobian_stays_light(view):
    jac = np.random.default_rng(2).normal(size=(256, 64, 64))
    before = len(view.findChildren(QWidget))
    view.set_jacobian(jac, "H", "W2", (256,), (64, 64))
    assert view.header_text() == "∂H/∂W₂: 256×64×64 = 256 slices of 64×64"
    assert view.image_count() <= PAGE_SLICES
    assert len(view.findChildren(QWidget)) == before
    assert not view.grab().isNull()


def test_a_scalar_output_is_one_slice(view):
    grad = np.arange(6.0).reshape(3, 2)
    view.set_jacobian(grad, "L", "W3", (), (3, 2))
    assert view.slice_count() == 1
    assert view.slice_titles() == ["∂L/∂W₃"]
    assert "scalar" in view.header_text()
    np.testing.assert_array_equal(view.shown_slice(0), grad)
    assert view.describe_cell(0, 2, 1).startswith("∂L/∂w⁽³⁾₃₂")


def test_a_vector_input_shows_each_slice_as_a_column(view):
    jac = np.arange(12.0).reshape(3, 4)
    view.set_jacobian(jac, "H", "b", (3,), (4,))
    assert view.header_text() == "∂H/∂b: 3×4 = 3 slices of 4"
    assert view.shown_slice(2).shape == (4, 1)
    np.testing.assert_array_equal(view.shown_slice(2)[:, 0], jac[2])
    assert view.describe_cell(2, 3, 0).startswith("∂h₃/∂b₄")


def test_a_scalar_input_is_one_output_shaped_matrix(view):
    jac = np.arange(8.0).reshape(4, 2)
    view.set_jacobian(jac, "Yhat", "s", (4, 2), ())
    assert view.slice_titles() == ["∂Ŷ/∂s"]
    np.testing.assert_array_equal(view.shown_slice(0), jac)
    assert view.describe_cell(0, 3, 1).startswith("∂ŷ₄₂/∂s")


def test_a_scalar_by_a_scalar_is_one_number(view):
    view.set_jacobian(np.float64(2.5), "L", "s", (), ())
    assert view.shown_slice(0).shape == (1, 1)
    assert view.cell_text(0, 0, 0) == "2.5"


def test_a_wrongly_shaped_jacobian_is_refused(view):
    with pytest.raises(ValueError, match="2×1×3×2"):
        view.set_jacobian(np.zeros((3, 2)), "Yhat", "W3", (2, 1), (3, 2))


def test_message_replaces_the_slices(view):
    view.set_jacobian(lecture_jacobian(), "Yhat", "W3", (2, 1), (3, 2))
    view.show_message("not reached yet")
    assert view.stack.currentWidget() is view.message_label
    assert view.message_label.text() == "not reached yet"
    assert view.current_jacobian() is None
    assert view.slice_count() == 0
    assert view.header_text() == ""
    view.set_jacobian(lecture_jacobian(), "Yhat", "W3", (2, 1), (3, 2))
    assert view.stack.currentWidget() is view.graphics


def test_titles_take_the_themes_jacobian_colour(qtbot, themed):
    widget = JacobianView()
    qtbot.addWidget(widget)
    widget.set_jacobian(lecture_jacobian(), "Yhat", "W3", (2, 1), (3, 2))
    assert widget.title_colours() == [themed.current, themed.current]
    assert widget.graphics.backgroundBrush().color() == themed.background


def test_slices_reflow_when_the_view_widens(view, qtbot):
    view.set_jacobian(np.zeros((4, 1, 8)), "a", "W", (4,), (1, 8))
    narrow = view.grid_columns()
    view.resize(1400, 420)
    qtbot.waitUntil(lambda: view.grid_columns() != narrow)
    assert view.grid_columns() > narrow


def test_slice_titles_carry_the_layer(qtbot):
    # ∂H₂/∂H₁: the h of H₂ and the H₁ it is taken against never read alike
    view = JacobianView()
    qtbot.addWidget(view)
    view.set_jacobian(np.eye(3).reshape(3, 1, 3, 1), "H2", "H1", (3, 1), (3, 1))
    assert view.slice_titles()[:3] == ["∂h⁽²⁾₁/∂H₁", "∂h⁽²⁾₂/∂H₁", "∂h⁽²⁾₃/∂H₁"]
    assert view.describe_cell(0, 1, 0).startswith("∂h⁽²⁾₁/∂h⁽¹⁾₂")
