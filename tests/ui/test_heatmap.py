"""MatrixView: give it an array, check what it shows."""

import doctest

import numpy as np
import pyqtgraph as pg
import pytest
from PySide6.QtCore import QPoint, QPointF
from PySide6.QtGui import QTextDocumentFragment

from explorer.lesson import matrix_format
from explorer.lesson.matrix_format import symmetric_levels
from explorer.ui.inspector import heatmap, heatmap_items
from explorer.ui.inspector.heatmap import MatrixView
from explorer.ui.inspector.heatmap_items import DARK_INK, LIGHT_INK, cell_inks
from explorer.ui.kit import theme

W3 = np.array([[0.1, -0.25], [1.5, 0.0], [-1.5, 0.731]])


@pytest.fixture
def view(qtbot):
    widget = MatrixView()
    qtbot.addWidget(widget)
    widget.resize(360, 340)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


@pytest.mark.parametrize("module", [heatmap, heatmap_items, matrix_format])
def test_doctests_pass(module):
    assert doctest.testmod(module).failed == 0


def test_levels_are_symmetric_and_centred_at_zero(view):
    view.set_matrix([[1.0, -3.0], [2.0, 0.5]], "W1")
    assert view.levels() == (-3.0, 3.0)
    assert tuple(view.heatmap.image.getLevels()) == (-3.0, 3.0)
    assert tuple(view.colour_bar.levels()) == (-3.0, 3.0)


def test_all_zero_matrix_gets_unit_levels(view):
    view.set_matrix(np.zeros((2, 2)), "W1")
    assert view.levels() == (-1.0, 1.0)


def test_levels_ignore_nan_and_infinity():
    assert symmetric_levels([[np.nan, -2.0], [np.inf, 1.0]]) == (-2.0, 2.0)


def test_a_3x2_matrix_prints_its_six_numbers(view):
    view.set_matrix(W3, "W3")
    texts = [[view.cell_text(i, j) for j in range(2)] for i in range(3)]
    assert texts == [["0.1", "−0.25"], ["1.5", "0"], ["−1.5", "0.731"]]
    assert view.numbers_shown()


def test_numbers_keep_four_significant_digits(view):
    view.set_matrix([[0.123456, -98765.4]], "W1")
    assert view.cell_text(0, 0) == "0.1235"
    assert view.cell_text(0, 1) == "−9.877e4"


def test_elements_are_named_like_the_lecture(view):
    view.set_matrix(W3, "W3")
    assert view.describe_cell(0, 0).startswith("w⁽³⁾₁₁")
    assert view.describe_cell(2, 1).startswith("w⁽³⁾₃₂")
    assert "index [2, 1]" in view.describe_cell(2, 1)
    assert view.describe_cell(2, 1).endswith(repr(0.731))


def test_a_column_vector_is_named_by_its_row(view):
    view.set_matrix([[0.5], [-1.0], [2.0]], "H1")
    assert view.describe_cell(1, 0).startswith("h⁽¹⁾₂ ")


def test_a_gradient_names_its_elements_as_such(view):
    view.set_matrix(W3, "W3", kind="grad")
    assert view.title_text() == "∇W₃  (3×2)"
    assert view.describe_cell(0, 1).startswith("gradient at w⁽³⁾₁₂")


def test_a_derivative_name_titles_and_names_the_cells(view):
    view.set_matrix(W3, "∂L/∂W3", kind="grad")
    assert view.title_text() == "∂L/∂W₃  (3×2)"
    assert view.describe_cell(0, 1).startswith("∂L/∂w⁽³⁾₁₂")


def test_title_spells_the_shape(view):
    view.set_matrix(W3, "W3")
    assert view.title_text() == "W₃  (3×2)"


def test_hovering_a_cell_reads_its_exact_value(view, qtbot):
    value = 1 / 3
    view.set_matrix([[0.0, value], [1.0, 2.0]], "W2")
    viewbox = view.heatmap.plot.getViewBox()
    scene_point = viewbox.mapViewToScene(QPointF(1.5, 0.5))  # row 1, column 2
    point = view.graphics.mapFromScene(scene_point)

    def hover(at: QPoint, expected) -> None:
        # pyqtgraph drops moves closer than 10 ms apart and Qt drops moves that go nowhere,
        # so wiggle by a pixel until a move gets through
        wiggle = iter(range(1_000_000))

        def arrived() -> bool:
            qtbot.mouseMove(view.graphics.viewport(), at + QPoint(next(wiggle) % 2, 0))
            return expected(view.status_text())

        qtbot.waitUntil(arrived)

    hover(point, lambda text: text.startswith("w⁽²⁾₁₂"))
    assert view.status_text().endswith(repr(value))
    assert QTextDocumentFragment.fromHtml(view.graphics.toolTip()).toPlainText() == view.status_text()
    hover(QPoint(1, 1), lambda text: text == heatmap.HOVER_HINT)  # outside the matrix
    assert view.graphics.toolTip() == ""


def test_rows_go_down_like_a_printed_matrix(view):
    view.set_matrix(W3, "W3")
    viewbox = view.heatmap.plot.getViewBox()
    assert viewbox.yInverted()
    assert view.heatmap.image.axisOrder == "row-major"
    top = viewbox.mapViewToScene(QPointF(0.5, 0.5))
    bottom = viewbox.mapViewToScene(QPointF(0.5, 2.5))
    assert top.y() < bottom.y()
    assert view.heatmap.cell_at(top) == (0, 0)
    assert view.heatmap.cell_at(bottom) == (2, 0)


def test_a_20x20_matrix_prints_no_numbers(view):
    view.set_matrix(np.arange(400.0).reshape(20, 20), "W2")
    assert not view.numbers_shown()
    assert view.cell_text(0, 0) == ""
    assert view.describe_cell(19, 19).startswith("w⁽²⁾₂₀,₂₀")


def test_a_12x12_matrix_still_prints_numbers(view):
    view.set_matrix(np.arange(144.0).reshape(12, 12), "W2")
    assert view.cell_text(11, 11) == "143"


def test_a_2048x2048_matrix_draws(view):
    big = np.random.default_rng(0).normal(size=(2048, 2048))
    view.set_matrix(big, "W9")
    assert view.heatmap.image.image.shape == (2048, 2048)
    assert not view.numbers_shown()
    assert view.current_array() is not None
    assert view.levels()[1] == pytest.approx(np.abs(big).max())
    assert not view.grab().isNull()


def test_vector_is_a_column_and_scalar_one_cell(view):
    view.set_matrix([1.0, -2.0, 3.0], "b")
    assert view.heatmap.image.image.shape == (3, 1)
    assert view.title_text() == "b  (3)"
    view.set_matrix(np.float64(0.4321), "L")
    assert view.heatmap.image.image.shape == (1, 1)
    assert view.title_text() == "L  (scalar)"  # a scalar's shape is written one way everywhere
    assert view.cell_text(0, 0) == "0.4321"
    assert view.describe_cell(0, 0).startswith("L ")


def test_a_three_dimensional_array_is_refused(view):
    with pytest.raises(ValueError, match="shape"):
        view.set_matrix(np.zeros((2, 2, 2)), "J")


def test_an_unknown_kind_is_refused(view):
    with pytest.raises(ValueError, match="kind"):
        view.set_matrix(W3, "W3", kind="jacobian")


def test_nan_shows_as_text_not_a_warning(view):
    view.set_matrix([[np.nan, 1.0]], "W1")
    assert view.cell_text(0, 0) == "nan"
    assert view.levels() == (-1.0, 1.0)
    assert not view.grab().isNull()


def test_message_replaces_the_picture(view):
    view.set_matrix(W3, "W3")
    view.show_message("not reached yet")
    assert view.stack.currentWidget() is view.message_label
    assert view.message_label.text() == "not reached yet"
    assert view.current_array() is None
    assert view.title_text() == ""
    view.set_matrix(W3, "W3")
    assert view.stack.currentWidget() is view.graphics
    np.testing.assert_array_equal(view.current_array(), W3)


def test_title_takes_the_themes_forward_and_gradient_colours(qtbot, themed):
    widget = MatrixView()
    qtbot.addWidget(widget)
    widget.set_matrix(W3, "W3", kind="value")
    assert widget.title_colour() == themed.forward
    widget.set_matrix(W3, "W3", kind="grad")
    assert widget.title_colour() == themed.gradient
    assert widget.graphics.backgroundBrush().color() == themed.background


def test_theme_switch_is_picked_up_by_apply_theme(view):
    view.set_matrix(W3, "W3", kind="grad")
    theme.set_theme("dark")
    try:
        view.apply_theme()
        assert view.title_colour() == theme.DARK.gradient
    finally:
        theme.set_theme("light")


def test_ink_is_light_on_saturated_cells_and_dark_on_pale_ones():
    colormap = pg.colormap.get("CET-D1")
    inks = cell_inks(np.array([[-1.0, 0.0, 1.0, 0.2]]), (-1.0, 1.0), colormap)
    assert inks == [[LIGHT_INK, DARK_INK, LIGHT_INK, DARK_INK]]


def test_the_mouse_neither_pans_nor_zooms(view):
    view.set_matrix(W3, "W3")
    assert view.heatmap.plot.getViewBox().state["mouseEnabled"] == [False, False]


def test_fits_in_a_side_panel(view):
    assert view.minimumWidth() <= 360
    view.resize(view.minimumSize())
    view.set_matrix(np.arange(144.0).reshape(12, 12), "W2")
    assert not view.grab().isNull()


def test_row_label_makes_room_for_itself(view):
    view.set_matrix(W3, "W3")
    without = view.heatmap.plot.getViewBox().viewRange()[0][0]
    view.set_matrix(W3, "W3", row_label="input k")
    assert view.heatmap.plot.getViewBox().viewRange()[0][0] < without
