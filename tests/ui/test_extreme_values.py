"""Every number the value editor accepts draws: heatmap, colour bar, cell numbers, hover, Jacobian."""

import numpy as np
import pytest

from explorer.model.numbers import exact
from explorer.ui.inspector.colour_bar import colour_bar_ticks
from explorer.ui.inspector.heatmap import MatrixView
from explorer.ui.inspector.jacobian_view import JacobianView
from tests.ui.settle import settle

TINY = 5e-324  # the smallest subnormal
BIG = 1e308
RANGES = {
    "subnormal": np.full((2, 3), TINY),
    "zeros": np.zeros((2, 3)),
    "huge": np.full((2, 3), BIG),
    "plus and minus huge": np.array([[-BIG, BIG, 0.0], [BIG, -BIG, 1.0]]),
    "largest float": np.array([[np.finfo(float).max, -np.finfo(float).max, 0.0]]),
    "mixed signs": np.array([[1.5, -2.0, 0.25], [-0.125, 3.0, -7.0]]),
    "one huge among tiny": np.array([[BIG, 1e-300, TINY], [-1e-10, 2e-320, 0.0]]),
}


@pytest.mark.parametrize("name", list(RANGES))
def test_a_matrix_of_any_range_draws_and_survives_a_resize(qtbot, name):
    matrix = RANGES[name]
    view = MatrixView()
    qtbot.addWidget(view)
    view.resize(400, 400)
    view.show()
    qtbot.waitExposed(view)
    view.set_matrix(matrix, "W1")
    view.grab()
    view.resize(300, 520)  # the resize that used to crash after the colour bar's division by zero
    settle()
    image = view.grab().toImage()
    assert not image.isNull()
    top = np.abs(matrix).max()
    assert view.levels() == ((-top, top) if top > 0 else (-1.0, 1.0))
    for i in range(matrix.shape[0]):
        for j in range(matrix.shape[1]):
            value = matrix[i, j]
            assert view.describe_cell(i, j).endswith(f"= {exact(float(value))}")
            assert view.cell_text(i, j)
    # the largest cell is drawn in the strongest red, the zero cell in the light middle
    if top > 0 and matrix.max() == top:
        i, j = np.unravel_index(np.argmax(matrix), matrix.shape)
        colour = view.heatmap.image.getPixmap().toImage().pixelColor(int(j), int(i))
        assert colour.red() > colour.blue() + 60, (name, colour.name())


def test_a_subnormal_matrix_prints_its_value_in_the_cells(qtbot):
    view = MatrixView()
    qtbot.addWidget(view)
    view.set_matrix(np.full((1, 1), TINY), "W1")
    assert view.cell_text(0, 0) == "4.941e−324"


@pytest.mark.parametrize("name", list(RANGES))
def test_a_jacobian_of_any_range_draws(qtbot, name):
    matrix = RANGES[name]
    jac = np.zeros((2, 2, *matrix.shape))
    jac[0, 0] = matrix
    jac[1, 1] = -matrix
    view = JacobianView()
    qtbot.addWidget(view)
    view.resize(500, 500)
    view.show()
    qtbot.waitExposed(view)
    view.set_jacobian(jac, "H1", "W1", (2, 2), matrix.shape)
    view.grab()
    view.resize(420, 600)
    settle()
    assert not view.grab().toImage().isNull()


@pytest.mark.parametrize(
    ("top", "labels"),
    [
        (TINY, ["−4.94e−324", "0", "4.94e−324"]),
        (1e308, ["−1e308", "0", "1e308"]),
        (np.finfo(float).max, ["−1.8e308", "0", "1.8e308"]),
        (2.37, ["−2.37", "0", "2.37"]),
    ],
)
def test_colour_bar_ticks_label_the_true_ends(top, labels):
    major, minor = colour_bar_ticks(top, top if top < 1e-150 or top > 1e150 else 1.0)
    assert [label for _, label in major] == labels
    for position, _ in major + minor:
        assert np.isfinite(position)


def test_colour_bar_ticks_of_a_huge_range_sit_inside_the_bar():
    major, minor = colour_bar_ticks(5e307, 5e307)
    assert [p for p, _ in major] == [-1.0, 0.0, 1.0]
    assert [label for _, label in minor] == ["−2e307", "2e307"]
    assert [p for p, _ in minor] == pytest.approx([-0.4, 0.4])
