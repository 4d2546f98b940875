"""The canvas layout: a pure function of the model."""

import itertools

import pytest

from explorer.model import load_model, model_from_dict
from explorer.model.examples import example_names, toy_model
from explorer.model.layout import COLUMN_SPACING, ROW_SPACING, chain_layout, data_path
from explorer.resources import example_path


def _doc(nodes):
    return {"format": "jacobian-explorer/model", "version": 1, "name": "test", "nodes": nodes}


def _biased_model():
    """X → H1 (with W1 and a bias b1) → A1 → Yhat (W2) → L (Y)."""
    return model_from_dict(
        _doc(
            [
                {"id": "X", "op": "input", "value": [[1.0], [2.0]]},
                {"id": "W1", "op": "param", "value": [[0.1, 0.2, 0.3], [0.4, 0.5, 0.6]]},
                {"id": "b1", "op": "param", "value": [0.1, 0.2, 0.3]},
                {"id": "H1", "op": "linear", "inputs": {"x": "X", "w": "W1", "b": "b1"}},
                {"id": "A1", "op": "sigmoid", "inputs": {"x": "H1"}},
                {"id": "W2", "op": "param", "value": [[1.0, 0.0], [0.0, 1.0], [1.0, 1.0]]},
                {"id": "Yhat", "op": "linear", "inputs": {"x": "A1", "w": "W2"}},
                {"id": "Y", "op": "target", "value": [[0.5], [-1.0]]},
                {"id": "L", "op": "half_sse", "inputs": {"pred": "Yhat", "target": "Y"}},
            ]
        )
    )


def _distinct(positions):
    return len(set(positions.values())) == len(positions)


def test_toy_data_path_is_one_row_left_to_right():
    model = toy_model()
    pos = chain_layout(model)
    path = ["X", "H1", "H2", "Yhat", "L"]
    assert data_path(model) == path
    assert {pos[n][1] for n in path} == {0.0}
    xs = [pos[n][0] for n in path]
    assert xs == sorted(xs)
    assert [b - a for a, b in itertools.pairwise(xs)] == [COLUMN_SPACING] * 4  # even spacing


@pytest.mark.parametrize(("side", "consumer"), [("W1", "H1"), ("W2", "H2"), ("W3", "Yhat"), ("Y", "L")])
def test_toy_side_inputs_sit_right_below_their_consumer(side, consumer):
    pos = chain_layout(toy_model())
    assert pos[side] == (pos[consumer][0], pos[consumer][1] + ROW_SPACING)


def test_every_node_gets_a_position():
    model = toy_model()
    assert set(chain_layout(model)) == set(model.order)


def test_spec_pos_wins():
    document = _doc(
        [
            {"id": "H", "op": "input", "value": [[1.0], [2.0], [3.0]]},
            {"id": "W", "op": "param", "value": [[1.0, 0.0], [0.0, 1.0], [1.0, 1.0]], "pos": [-40.5, 333]},
            {"id": "Yhat", "op": "linear", "inputs": {"x": "H", "w": "W"}},
            {"id": "Y", "op": "target", "value": [[0.5], [-1.0]]},
            {"id": "L", "op": "half_sse", "inputs": {"pred": "Yhat", "target": "Y"}},
        ]
    )
    pos = chain_layout(model_from_dict(document))
    assert pos["W"] == (-40.5, 333.0)
    assert pos["H"] == (0.0, 0.0)  # the others keep the tidy layout


def test_a_weight_and_a_bias_sit_side_by_side_without_collisions():
    model = _biased_model()
    pos = chain_layout(model)
    assert pos["W1"][1] == pos["b1"][1] == ROW_SPACING
    assert pos["b1"][0] - pos["W1"][0] == COLUMN_SPACING
    assert pos["W1"][0] < pos["H1"][0] < pos["b1"][0]  # the op is centred over its two side inputs
    assert pos["A1"][0] >= pos["b1"][0] + COLUMN_SPACING / 2
    assert _distinct(pos)


def test_what_feeds_a_side_input_is_layered_below_it():
    # The weight of the second layer is itself computed: W2 = relu(V)
    model = model_from_dict(
        _doc(
            [
                {"id": "X", "op": "input", "value": [[1.0], [2.0]]},
                {"id": "V", "op": "param", "value": [[1.0, -1.0], [0.5, 2.0]]},
                {"id": "W2", "op": "relu", "inputs": {"x": "V"}},
                {"id": "Yhat", "op": "linear", "inputs": {"x": "X", "w": "W2"}},
                {"id": "Y", "op": "target", "value": [[0.5], [-1.0]]},
                {"id": "L", "op": "half_sse", "inputs": {"pred": "Yhat", "target": "Y"}},
            ]
        )
    )
    pos = chain_layout(model)
    assert data_path(model) == ["X", "Yhat", "L"]
    assert pos["Y"] == (pos["L"][0], ROW_SPACING)
    assert pos["W2"] == (pos["Yhat"][0], ROW_SPACING)  # a computed weight is a side input too
    assert pos["V"] == (pos["W2"][0], 2 * ROW_SPACING)  # and what it is computed from sits below it
    assert _distinct(pos)


def test_layers_below_never_collide():
    # two computed weights whose sources both want the same place
    nodes = [
        {"id": "X", "op": "input", "value": [[1.0], [2.0]]},
        {"id": "V", "op": "param", "value": [[1.0, -1.0], [0.5, 2.0]]},
        {"id": "U", "op": "param", "value": [[1.0, -1.0], [0.5, 2.0]]},
        {"id": "S", "op": "relu", "inputs": {"x": "V"}},
        {"id": "W1", "op": "linear", "inputs": {"x": "S", "w": "U"}},
        {"id": "Yhat", "op": "linear", "inputs": {"x": "X", "w": "W1"}},
        {"id": "Y", "op": "target", "value": [[0.5], [-1.0]]},
        {"id": "L", "op": "half_sse", "inputs": {"pred": "Yhat", "target": "Y"}},
    ]
    pos = chain_layout(model_from_dict(_doc(nodes)))
    assert pos["W1"][1] == ROW_SPACING
    assert pos["U"][1] == pos["S"][1] == 2 * ROW_SPACING
    assert pos["U"][0] != pos["S"][0]
    assert pos["V"][1] == 3 * ROW_SPACING
    assert _distinct(pos)


@pytest.mark.parametrize("name", example_names())
def test_examples_get_distinct_positions(name):
    model = load_model(example_path(name))
    pos = chain_layout(model)
    assert set(pos) == set(model.order)
    assert _distinct(pos)
    # boxes (at most 112 × 64) never overlap
    for a, b in itertools.combinations(pos.values(), 2):
        assert abs(a[0] - b[0]) >= 120 or abs(a[1] - b[1]) >= 80
