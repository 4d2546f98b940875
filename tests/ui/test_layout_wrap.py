"""A long chain folds into snake bands; a short one stays on one row."""

import itertools

import pytest

from explorer.model import load_model
from explorer.model.examples import toy_model
from explorer.model.layout import COLUMN_SPACING, ROW_SPACING, WRAP_COLUMNS, chain_layout, data_path
from explorer.resources import example_path

DEEP = ["deep_relu", "deep_sigmoid"]


def _rows(positions, nodes):
    return sorted({positions[n][1] for n in nodes})


def test_the_toy_stays_on_one_row():
    pos = chain_layout(toy_model())
    assert _rows(pos, data_path(toy_model())) == [0.0]


@pytest.mark.parametrize("name", DEEP)
def test_a_deep_chain_folds_into_bands(name):
    model = load_model(example_path(name))
    path = data_path(model)
    assert len(path) > WRAP_COLUMNS
    pos = chain_layout(model)
    rows = _rows(pos, path)
    assert len(rows) >= 2
    xs = [x for x, _ in pos.values()]
    ys = [y for _, y in pos.values()]
    width, height = max(xs) - min(xs), max(ys) - min(ys)
    unfolded = (len(path) - 1) * COLUMN_SPACING
    assert width <= unfolded / 2  # at most half as wide as one row
    assert width / height > 0.8  # roughly the shape of a canvas, not a tall strip


@pytest.mark.parametrize("name", DEEP)
def test_consecutive_path_nodes_are_neighbours(name):
    # each arrow of the data path is one column sideways or one band down, never a long diagonal
    model = load_model(example_path(name))
    pos = chain_layout(model)
    for a, b in itertools.pairwise(data_path(model)):
        (xa, ya), (xb, yb) = pos[a], pos[b]
        sideways = ya == yb and abs(xa - xb) == COLUMN_SPACING
        down = xa == xb and yb > ya
        assert sideways or down, (a, b, pos[a], pos[b])


@pytest.mark.parametrize("name", DEEP)
def test_parameters_stay_right_under_their_op(name):
    model = load_model(example_path(name))
    pos = chain_layout(model)
    for node in model.order:
        if model.op(node) != "linear":
            continue
        weight = model.inputs(node)["w"]
        assert pos[weight] == (pos[node][0], pos[node][1] + ROW_SPACING)


@pytest.mark.parametrize("name", DEEP)
def test_the_chain_turns_down_where_nothing_is_in_the_way(name):
    model = load_model(example_path(name))
    pos = chain_layout(model)
    for a, b in itertools.pairwise(data_path(model)):
        (xa, ya), (xb, yb) = pos[a], pos[b]
        if xa == xb:  # the turning arrow: no box between the two ends
            between = [n for n, (x, y) in pos.items() if abs(x - xa) < 60 and ya < y < yb]
            assert between == []


@pytest.mark.parametrize("name", DEEP)
def test_folded_boxes_never_overlap(name):
    pos = chain_layout(load_model(example_path(name)))
    assert len(set(pos.values())) == len(pos)
    for a, b in itertools.combinations(pos.values(), 2):
        assert abs(a[0] - b[0]) >= 120 or abs(a[1] - b[1]) >= 80
