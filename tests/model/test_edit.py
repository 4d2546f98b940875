"""Chain edits: shapes, kept numbers, reproducibility, refusals, no-ops, and models that still run."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from explorer.engine import Session, numeric_grad
from explorer.model import ACTIVATIONS, Model, ModelError, NodeSpec, limits, load_model
from explorer.model.edit import (
    FILL_STD,
    NOT_A_CHAIN,
    Layer,
    add_layer,
    chain_input,
    chain_layers,
    chain_target,
    fill_seed,
    randomise,
    remove_layer,
    renumber_layers,
    set_activation,
    set_batch,
    set_bias,
    set_loss,
    set_position,
    set_requires_grad,
    set_value,
    set_width,
)
from explorer.model.initial import initial_value
from explorer.model.io import model_from_dict, model_to_dict
from explorer.resources import example_path

EXAMPLES = ("toy", "toy_batch", "deep_sigmoid")


def example(name: str) -> Model:
    return load_model(example_path(name))


@pytest.fixture
def toy() -> Model:
    return example("toy")


@pytest.fixture
def toy_batch() -> Model:
    return example("toy_batch")


@pytest.fixture
def deep() -> Model:
    return example("deep_sigmoid")


def fingerprint(model: Model) -> dict[str, Any]:
    """Everything a model holds, with every value written out."""
    return model_to_dict(model, fill_values=True)


def widths(model: Model) -> list[tuple[int, int]]:
    return [(layer.n_in, layer.n_out) for layer in chain_layers(model)]


def assert_gradients(model: Model) -> None:
    """The model runs, and every input's and parameter's gradient matches central differences."""
    session = Session(model)
    session.run()
    assert session.loss is not None
    assert np.isfinite(session.loss)
    for node in model.leaves:
        if model.op(node) == "target":
            continue
        grad = session.grad(node)
        if not model.requires_grad(node):  # data marked "requires_grad": false: asked for, it is there
            assert grad is None, node
            asked = Session(set_requires_grad(model, node, True))
            asked.run()
            grad = asked.grad(node)
        assert grad is not None
        np.testing.assert_allclose(grad, numeric_grad(model, node), rtol=1e-4, atol=1e-7, err_msg=node)


def ids_by_place(model: Model) -> list[tuple[str, str, str | None, str | None]]:
    """``(weight, linear, bias, activation)`` of each layer, from the input to the loss."""
    return [(layer.weight, layer.linear, layer.bias, layer.activation) for layer in chain_layers(model)]


def assert_numbered_by_place(model: Model) -> None:
    """Layer ``i`` holds ``Wi``, ``Hi``, ``bi``, ``Ai``, except the prediction ``Yhat``."""
    count = len(chain_layers(model))
    for place, (weight, linear, bias, activation) in enumerate(ids_by_place(model), start=1):
        last = place == count
        assert weight == f"W{place}"
        assert bias in (None, f"b{place}")
        if activation is None:
            assert linear == ("Yhat" if last else f"H{place}")
        else:
            assert (linear, activation) == (f"H{place}", "Yhat" if last else f"A{place}")
    assert renumber_layers(model) is model


def renamed(model: Model, mapping: dict[str, str]) -> Model:
    """The model with ids changed by hand (inputs follow), nothing renumbered."""
    specs = [
        spec.with_(id=mapping.get(spec.id, spec.id), inputs={p: mapping.get(s, s) for p, s in spec.inputs.items()})
        for spec in model.specs
    ]
    return Model(specs, name=model.name)


def dressed(model: Model) -> Model:
    """The model with a position on every node and a label on every node that has none."""
    specs = [
        spec.with_(pos=(10.0 * i, 5.0), label=spec.label or f"<{spec.id}>") for i, spec in enumerate(model.specs)
    ]
    return Model(specs, name=model.name)


def seeded(shape: tuple[int, ...], node: str) -> np.ndarray:
    """The numbers that fill new entries of ``node`` (see ``edit.fill_seed``)."""
    return initial_value(shape, {"kind": "normal", "std": FILL_STD, "seed": fill_seed(node)})


def assert_round_trips(model: Model) -> None:
    again = model_from_dict(model_to_dict(model))
    assert fingerprint(again) == fingerprint(model)


@contextmanager
def raises_naming(node: str | None, match: str | None = None) -> Iterator[None]:
    """``pytest.raises(ModelError)`` that also checks the one-line error names ``node``."""
    with pytest.raises(ModelError, match=match) as info:
        yield
    assert info.value.node == node
    if node is not None:
        assert repr(node) in str(info.value)
    assert "\n" not in str(info.value)


# -- reading the chain --------------------------------------------------------


def test_chain_layers_of_toy(toy: Model) -> None:
    assert chain_layers(toy) == [
        Layer("H1", "W1", None, None, None, 3, 3),
        Layer("H2", "W2", None, None, None, 3, 3),
        Layer("Yhat", "W3", None, None, None, 3, 2),
    ]
    assert chain_input(toy) == "X"
    assert chain_target(toy) == "Y"
    assert [layer.output for layer in chain_layers(toy)] == ["H1", "H2", "Yhat"]


def test_chain_layers_of_deep_sigmoid(deep: Model) -> None:
    layers = chain_layers(deep)
    assert len(layers) == 8
    assert [layer.activation_op for layer in layers] == ["sigmoid"] * 7 + [None]
    assert [layer.output for layer in layers] == [f"A{i}" for i in range(1, 8)] + ["Yhat"]
    assert widths(deep) == [(4, 4)] * 7 + [(4, 2)]


def test_chain_layers_of_toy_batch(toy_batch: Model) -> None:
    assert widths(toy_batch) == [(3, 3), (3, 3), (3, 2)]
    assert (chain_input(toy_batch), chain_target(toy_batch)) == ("X", "Y")


def _param(node: str, shape: tuple[int, int], seed: int = 0) -> NodeSpec:
    return NodeSpec(node, "param", value=initial_value(shape, {"kind": "normal", "seed": seed}))


def _data(node: str, op: str, rows: int) -> NodeSpec:
    return NodeSpec(node, op, value=np.ones((rows, 1)))


NOT_CHAINS = {
    "shared weight": [
        _data("X", "input", 3),
        _param("W", (3, 3)),
        NodeSpec("H1", "linear", {"x": "X", "w": "W"}),
        NodeSpec("H2", "linear", {"x": "H1", "w": "W"}),
        _data("Y", "target", 3),
        NodeSpec("L", "half_sse", {"pred": "H2", "target": "Y"}),
    ],
    "two activations in a row": [
        _data("X", "input", 3),
        _param("W", (3, 2)),
        NodeSpec("H", "linear", {"x": "X", "w": "W"}),
        NodeSpec("A", "sigmoid", {"x": "H"}),
        NodeSpec("B", "tanh", {"x": "A"}),
        _data("Y", "target", 2),
        NodeSpec("L", "half_sse", {"pred": "B", "target": "Y"}),
    ],
    "activation on the input": [
        _data("X", "input", 3),
        NodeSpec("A", "relu", {"x": "X"}),
        _param("W", (3, 2)),
        NodeSpec("H", "linear", {"x": "A", "w": "W"}),
        _data("Y", "target", 2),
        NodeSpec("L", "mse", {"pred": "H", "target": "Y"}),
    ],
    "a branch": [
        _data("X", "input", 3),
        _param("W1", (3, 3)),
        NodeSpec("H1", "linear", {"x": "X", "w": "W1"}),
        NodeSpec("H2", "linear", {"x": "X", "w": "H1"}),
        _data("Y", "target", 1),
        NodeSpec("L", "sse", {"pred": "H2", "target": "Y"}),
    ],
    "input as target": [
        _data("X", "input", 2),
        _data("Z", "input", 3),
        _param("W", (3, 2)),
        NodeSpec("H", "linear", {"x": "Z", "w": "W"}),
        NodeSpec("L", "sse", {"pred": "H", "target": "X"}),
    ],
    "no layer": [
        _data("X", "input", 2),
        _data("Y", "target", 2),
        NodeSpec("L", "sse", {"pred": "X", "target": "Y"}),
    ],
}


@pytest.mark.parametrize("case", sorted(NOT_CHAINS))
def test_not_a_chain_is_refused(case: str) -> None:
    model = Model(NOT_CHAINS[case])
    for call in (
        chain_layers,
        chain_input,
        chain_target,
        renumber_layers,
        lambda m: add_layer(m, 0),
        lambda m: remove_layer(m, 0),
        lambda m: set_bias(m, 0, True),
    ):
        with pytest.raises(ModelError) as info:
            call(model)
        assert str(info.value) == NOT_A_CHAIN


def test_edits_of_any_model_work_on_a_graph_that_is_not_a_chain() -> None:
    model = Model(NOT_CHAINS["shared weight"])
    assert set_loss(model, "mse").op("L") == "mse"
    assert set_batch(model, 3).shape("X") == (3, 3)
    assert set_position(model, "W", (1.0, 2.0)).spec("W").pos == (1.0, 2.0)
    assert np.array_equal(set_value(model, "W", np.eye(3)).value("W"), np.eye(3))


# -- add_layer ---------------------------------------------------------------


def test_add_layer_in_the_middle_keeps_every_other_matrix(toy: Model) -> None:
    before = fingerprint(toy)
    new = add_layer(toy, 1)
    assert fingerprint(toy) == before
    assert widths(new) == [(3, 3), (3, 3), (3, 3), (3, 2)]
    layer = chain_layers(new)[1]
    assert (layer.linear, layer.weight, layer.bias, layer.activation) == ("H2", "W2", None, None)
    assert new.inputs("H2") == {"x": "H1", "w": "W2"}
    assert new.inputs("H3") == {"x": "H2", "w": "W3"}
    assert new.inputs("Yhat") == {"x": "H3", "w": "W4"}
    for old, now in (("X", "X"), ("W1", "W1"), ("W2", "W3"), ("W3", "W4"), ("Y", "Y")):
        assert np.array_equal(new.value(now), toy.value(old)), (old, now)
    assert new.spec("W2").value is not None
    assert new.spec("W2").init is None
    assert new.spec("W2").pos is None
    assert new.spec("H2").pos is None
    assert [s.id for s in new.specs] == ["X", "W1", "H1", "W2", "H2", "W3", "H3", "W4", "Yhat", "Y", "L"]
    assert_gradients(new)
    assert_round_trips(new)


def test_add_layer_first_reads_the_input(deep: Model) -> None:
    new = add_layer(deep, 0, activation="tanh", bias=True)
    first = chain_layers(new)[0]
    assert first == Layer("H1", "W1", "b1", "A1", "tanh", 4, 4)
    assert new.inputs("H1") == {"x": "X", "w": "W1", "b": "b1"}
    assert new.inputs("H2")["x"] == "A1"
    assert np.array_equal(new.value("b1"), np.zeros(4))
    assert len(chain_layers(new)) == 9
    assert chain_layers(new)[-1] == Layer("Yhat", "W9", None, None, None, 4, 2)
    for place in range(1, 9):  # every old layer moved up one number, with its numbers and init
        assert np.array_equal(new.value(f"W{place + 1}"), deep.value(f"W{place}"))
        assert new.spec(f"W{place + 1}").init == deep.spec(f"W{place}").init
    assert [new.op(f"A{place}") for place in range(1, 9)] == ["tanh"] + ["sigmoid"] * 7
    assert_numbered_by_place(new)
    assert_gradients(new)


def test_add_layer_with_another_width_resizes_the_next_rows(toy: Model) -> None:
    wide = add_layer(toy, 1, width=5, activation="sigmoid", bias=True)
    assert widths(wide) == [(3, 3), (3, 5), (5, 3), (3, 2)]
    assert ids_by_place(wide)[1] == ("W2", "H2", "b2", "A2")
    assert wide.shape("W2") == (3, 5)
    assert wide.shape("b2") == (5,)
    assert wide.op("A2") == "sigmoid"
    assert np.array_equal(wide.value("W3")[:3], toy.value("W2"))  # the old W2 is W3 now
    assert not np.array_equal(wide.value("W3")[3:], np.zeros((2, 3)))
    narrow = add_layer(toy, 1, width=2)
    assert widths(narrow) == [(3, 3), (3, 2), (2, 3), (3, 2)]
    assert np.array_equal(narrow.value("W3"), toy.value("W2")[:2])
    assert_gradients(wide)
    assert_gradients(narrow)


def test_add_layer_is_reproducible(toy: Model) -> None:
    first, second = add_layer(toy, 1, width=5), add_layer(toy, 1, width=5)
    assert first is not second
    assert fingerprint(first) == fingerprint(second)


def test_add_layer_at_the_end_keeps_the_prediction_id(toy: Model) -> None:
    toy = set_position(toy, "Yhat", (400.0, 0.0))
    toy = set_position(toy, "W3", (300.0, 100.0))
    new = add_layer(toy, 3)
    assert widths(new) == [(3, 3), (3, 3), (3, 2), (2, 2)]
    assert [layer.linear for layer in chain_layers(new)] == ["H1", "H2", "H3", "Yhat"]
    assert new.inputs(new.loss_id)["pred"] == "Yhat"
    assert new.inputs("Yhat") == {"x": "H3", "w": "W4"}
    assert new.inputs("H3") == {"x": "H2", "w": "W3"}
    assert new.label("Yhat") == "Ŷ"
    assert new.spec("Yhat").pos == (400.0, 0.0)
    assert new.spec("H3").label is None
    assert new.spec("H3").pos is None
    assert new.spec("W3").pos == (300.0, 100.0)
    assert np.array_equal(new.value("W3"), toy.value("W3"))
    assert new.shape("W4") == (2, 2)
    assert [s.id for s in new.specs] == ["X", "W1", "H1", "W2", "H2", "W3", "H3", "W4", "Yhat", "Y", "L"]
    assert_gradients(new)


def test_add_layer_at_the_end_with_an_activation(toy_batch: Model) -> None:
    new = add_layer(toy_batch, 3, width=2, activation="tanh", bias=True)
    last = chain_layers(new)[-1]
    assert last == Layer("H4", "W4", "b4", "Yhat", "tanh", 2, 2)
    assert new.label("Yhat") == "Ŷ"
    assert new.shape("Yhat") == (2, 4)
    assert new.inputs("H4")["x"] == "H3"
    assert_gradients(new)


def test_add_layer_refusals(toy: Model) -> None:
    with raises_naming(None, "places are 0 .first. to 3"):
        add_layer(toy, 4)
    with raises_naming(None, "cannot add a layer at place -1"):
        add_layer(toy, -1)
    with raises_naming("H2", "width"):  # the id the new layer would have at place 2
        add_layer(toy, 1, width=0)
    with raises_naming("H1", "width"):
        add_layer(toy, 0, width=limits.MAX_DIM + 1)
    with raises_naming("H3", "width"):
        add_layer(toy, 2, width=2.5)  # type: ignore[arg-type]
    with raises_naming("H2", "softmax"):
        add_layer(toy, 1, activation="softmax")
    with raises_naming("H4", "target's 2 rows"):
        add_layer(toy, 3, width=5)


# -- remove_layer --------------------------------------------------------------


def test_remove_a_middle_layer_resizes_the_next_rows(toy: Model) -> None:
    wide = set_width(toy, 0, 5)
    before = fingerprint(wide)
    new = remove_layer(wide, 0)
    assert fingerprint(wide) == before
    assert widths(new) == [(3, 3), (3, 2)]
    assert ids_by_place(new) == [("W1", "H1", None, None), ("W2", "Yhat", None, None)]
    assert "W3" not in new
    assert "H2" not in new
    assert new.inputs("H1") == {"x": "X", "w": "W1"}
    assert np.array_equal(new.value("W1"), wide.value("W2")[:3])  # the old W2, its rows cut
    assert np.array_equal(new.value("W2"), toy.value("W3"))
    assert_gradients(new)


def test_remove_a_layer_with_bias_and_activation(deep: Model) -> None:
    deep = set_bias(deep, 3, True)
    new = remove_layer(deep, 3)
    assert not {"b4", "W8", "H7", "A7"} & set(new.graph.nodes)
    assert new.inputs("H4")["x"] == "A3"
    assert len(chain_layers(new)) == 7
    assert_numbered_by_place(new)
    for old, now in (("W1", "W1"), ("W2", "W2"), ("W3", "W3"), ("W5", "W4"), ("W6", "W5"), ("W7", "W6"), ("W8", "W7")):
        assert np.array_equal(new.value(now), deep.value(old)), (old, now)
    assert_gradients(new)


def test_remove_the_last_layer_hands_over_the_prediction(toy: Model) -> None:
    toy = set_position(toy, "Yhat", (5.0, 6.0))
    new = remove_layer(toy, 2)
    assert widths(new) == [(3, 3), (3, 2)]
    assert [layer.linear for layer in chain_layers(new)] == ["H1", "Yhat"]
    assert new.inputs("Yhat") == {"x": "H1", "w": "W2"}
    assert new.label("Yhat") == "Ŷ"
    assert new.spec("Yhat").pos == (5.0, 6.0)
    assert "H2" not in new
    assert np.array_equal(new.value("W2"), toy.value("W2")[:, :2])
    assert_gradients(new)


def test_remove_the_last_layer_after_an_activation(deep: Model) -> None:
    new = remove_layer(deep, 7)
    last = chain_layers(new)[-1]
    assert last == Layer("H7", "W7", None, "Yhat", "sigmoid", 4, 2)
    assert new.label("Yhat") == "Ŷ"
    assert "A7" not in new
    assert np.array_equal(new.value("W7"), deep.value("W7")[:, :2])
    assert_gradients(new)


def test_remove_the_last_layer_grows_to_the_target(toy: Model) -> None:
    toy = set_width(toy, 2, 4)  # Y has 4 rows now
    toy = set_bias(set_width(toy, 1, 2), 1, True)  # W2 (3, 2), b2 (2,)
    new = remove_layer(toy, 2)
    assert new.shape("W2") == (3, 4)
    assert new.shape("b2") == (4,)
    assert np.array_equal(new.value("W2")[:, :2], toy.value("W2"))
    assert np.array_equal(new.value("b2"), np.zeros(4))
    assert fingerprint(new) == fingerprint(remove_layer(toy, 2))
    assert_gradients(new)


def test_remove_layer_refusals(toy: Model) -> None:
    with raises_naming(None, "no layer"):
        remove_layer(toy, 3)
    single = remove_layer(remove_layer(toy, 0), 0)
    assert widths(single) == [(3, 2)]
    with raises_naming("Yhat", "only layer"):
        remove_layer(single, 0)
    single_file = load_model(example_path("single_layer"))
    with raises_naming("Yhat", "only layer"):
        remove_layer(single_file, 0)


# -- renumber_layers ------------------------------------------------------------

TOY_IDS = ["X", "W1", "H1", "W2", "H2", "W3", "H3", "W4", "Yhat", "Y", "L"]


@pytest.mark.parametrize(
    ("index", "moved"),
    [
        (0, {"W1": "W2", "H1": "H2", "W2": "W3", "H2": "H3", "W3": "W4"}),
        (1, {"W1": "W1", "H1": "H1", "W2": "W3", "H2": "H3", "W3": "W4"}),
        (2, {"W1": "W1", "H1": "H1", "W2": "W2", "H2": "H2", "W3": "W4"}),
        (3, {"W1": "W1", "H1": "H1", "W2": "W2", "H2": "H2", "W3": "W3"}),
    ],
)
def test_add_layer_numbers_follow_places(toy: Model, index: int, moved: dict[str, str]) -> None:
    toy = dressed(toy)
    new = add_layer(toy, index)
    assert [s.id for s in new.specs] == TOY_IDS
    assert ids_by_place(new) == [
        ("W1", "H1", None, None),
        ("W2", "H2", None, None),
        ("W3", "H3", None, None),
        ("W4", "Yhat", None, None),
    ]
    fresh = chain_layers(new)[index]
    assert fresh.weight == f"W{index + 1}"
    assert new.spec(fresh.weight).pos is None
    assert new.spec(fresh.weight).label is None
    for old, now in {**moved, "X": "X", "Y": "Y", "L": "L", "Yhat": "Yhat"}.items():
        assert (new.spec(now).pos, new.spec(now).label) == (toy.spec(old).pos, toy.spec(old).label), (old, now)
        if toy.spec(old).info.is_leaf:
            assert np.array_equal(new.value(now), toy.value(old)), (old, now)
    assert_numbered_by_place(new)
    assert_gradients(new)
    assert_round_trips(new)


@pytest.mark.parametrize(
    ("index", "moved"),
    [
        (0, {"W2": "W1", "H2": "H1", "W3": "W2"}),
        (1, {"W1": "W1", "H1": "H1", "W3": "W2"}),
        (2, {"W1": "W1", "H1": "H1", "W2": "W2"}),
    ],
)
def test_remove_layer_numbers_follow_places(toy: Model, index: int, moved: dict[str, str]) -> None:
    toy = dressed(toy)
    new = remove_layer(toy, index)
    assert [s.id for s in new.specs] == ["X", "W1", "H1", "W2", "Yhat", "Y", "L"]
    assert ids_by_place(new) == [("W1", "H1", None, None), ("W2", "Yhat", None, None)]
    for old, now in {**moved, "X": "X", "Y": "Y", "L": "L", "Yhat": "Yhat"}.items():
        assert (new.spec(now).pos, new.spec(now).label) == (toy.spec(old).pos, toy.spec(old).label), (old, now)
        if toy.op(old) == "param":  # the kept block (the last case cuts W2 to the target's 2 columns)
            kept = tuple(slice(0, n) for n in new.shape(now))
            assert np.array_equal(new.value(now), toy.value(old)[kept]), (old, now)
    assert_numbered_by_place(new)
    assert_gradients(new)


def test_insert_and_remove_with_biases_and_activations(deep: Model) -> None:
    deep = set_bias(set_bias(deep, 2, True), 5, True)  # b3, b6
    deep = set_value(deep, "b6", np.arange(4.0))
    new = add_layer(deep, 2, width=3, activation="relu", bias=True)
    assert ids_by_place(new)[1:5] == [
        ("W2", "H2", None, "A2"),
        ("W3", "H3", "b3", "A3"),  # the new layer
        ("W4", "H4", "b4", "A4"),  # the old layer 3
        ("W5", "H5", None, "A5"),
    ]
    assert new.op("A3") == "relu"
    assert np.array_equal(new.value("b3"), np.zeros(3))
    assert np.array_equal(new.value("b7"), np.arange(4.0))  # the old b6
    assert new.spec("W9").init == deep.spec("W8").init
    assert_numbered_by_place(new)
    back = remove_layer(new, 2)
    assert_numbered_by_place(back)
    assert ids_by_place(back) == ids_by_place(deep)
    assert np.array_equal(back.value("b6"), np.arange(4.0))
    for place in (1, 2, 4, 5, 6, 7, 8):
        assert np.array_equal(back.value(f"W{place}"), deep.value(f"W{place}"))
    # W3 lost its last row to the width-3 layer; the row it gets back is new, seeded from W3
    assert np.array_equal(back.value("W3")[:3], deep.value("W3")[:3])
    assert np.array_equal(back.value("W3")[3:], seeded((4, 4), "W3")[3:])
    assert_gradients(back)


@pytest.mark.parametrize("name", [*EXAMPLES, "deep_relu", "single_layer"])
def test_a_model_in_order_is_returned_as_is(name: str) -> None:
    model = example(name)
    assert renumber_layers(model) is model
    count = len(chain_layers(model))
    changed = [add_layer(model, 0), add_layer(model, count), set_bias(model, 0, True), set_activation(model, 0, "relu")]
    if count > 1:
        changed += [remove_layer(model, 0), remove_layer(model, count - 1)]
    for new in changed:
        assert renumber_layers(new) is new


def test_renumber_keeps_custom_ids() -> None:
    model = Model(
        [
            _data("X", "input", 3),
            _param("W5", (3, 3), 1),
            NodeSpec("hidden", "linear", {"x": "X", "w": "W5"}, label="h", pos=(1.0, 2.0)),
            NodeSpec("A9", "sigmoid", {"x": "hidden"}, pos=(3.0, 4.0)),
            _param("H7", (3, 3), 2),  # a weight with an H id: not the automatic pattern of a weight
            NodeSpec("b7", "param", value=np.array([1.0, 2.0, 3.0])),
            NodeSpec("H8", "linear", {"x": "A9", "w": "H7", "b": "b7"}, label="eight"),
            NodeSpec("relu1", "relu", {"x": "H8"}),
            NodeSpec("W1", "param", shape=(3, 2), init={"kind": "uniform", "seed": 4}),
            NodeSpec("Yhat", "linear", {"x": "relu1", "w": "W1"}, label="Ŷ"),
            _data("Y", "target", 2),
            NodeSpec("L", "half_sse", {"pred": "Yhat", "target": "Y"}),
        ],
        name="custom",
    )
    before = fingerprint(model)
    new = renumber_layers(model)
    assert fingerprint(model) == before
    assert new.name == "custom"
    assert ids_by_place(new) == [("W1", "hidden", None, "A1"), ("H7", "H2", "b2", "relu1"), ("W3", "Yhat", None, None)]
    assert [s.id for s in new.specs] == ["X", "W1", "hidden", "A1", "H7", "b2", "H2", "relu1", "W3", "Yhat", "Y", "L"]
    assert np.array_equal(new.value("W1"), model.value("W5"))
    assert np.array_equal(new.value("W3"), model.value("W1"))  # W5 → W1 while W1 → W3
    assert new.spec("W3").init == {"kind": "uniform", "seed": 4}
    assert new.spec("W3").value is None
    assert np.array_equal(new.value("b2"), [1.0, 2.0, 3.0])
    assert (new.spec("hidden").label, new.spec("hidden").pos) == ("h", (1.0, 2.0))
    assert new.spec("A1").pos == (3.0, 4.0)
    assert new.spec("H2").label == "eight"
    assert new.inputs("H2") == {"x": "A1", "w": "H7", "b": "b2"}
    assert renumber_layers(new) is new
    assert_gradients(new)
    assert_round_trips(new)


def test_renumber_swaps_without_collision(toy: Model) -> None:
    # the toy with a new layer W4/H4 inserted between layers 1 and 2, before renumbering
    draft = Model(
        [
            *toy.specs[:3],
            _param("W4", (3, 3), 9),
            NodeSpec("H4", "linear", {"x": "H1", "w": "W4"}),
            toy.spec("W2"),
            NodeSpec("H2", "linear", {"x": "H4", "w": "W2"}),
            *toy.specs[5:],
        ]
    )
    new = renumber_layers(draft)
    assert [s.id for s in new.specs] == TOY_IDS
    assert new.inputs("H2") == {"x": "H1", "w": "W2"}
    assert new.inputs("H3") == {"x": "H2", "w": "W3"}
    assert new.inputs("Yhat") == {"x": "H3", "w": "W4"}
    for old, now in (("W4", "W2"), ("W2", "W3"), ("W3", "W4")):
        assert np.array_equal(new.value(now), draft.value(old)), (old, now)
    swapped = renumber_layers(renamed(toy, {"W1": "W2", "W2": "W1", "H1": "H2", "H2": "H1"}))
    assert [s.id for s in swapped.specs] == [s.id for s in toy.specs]
    assert fingerprint(swapped) == fingerprint(toy)
    session, plain = Session(new), Session(draft)
    session.run()
    plain.run()
    assert session.loss == plain.loss


def test_renumber_leaves_a_node_whose_id_is_taken(toy: Model) -> None:
    # The input holds H1, so H2 cannot become H1; then H3 cannot become H2, which H2 still holds.
    toy = add_layer(toy, 3)  # X, H1, H2, H3, Yhat
    model = renamed(toy, {"X": "H1", "H1": "H2", "H2": "H3", "H3": "H4", "W1": "W7", "W3": "W1"})
    new = renumber_layers(model)
    assert ids_by_place(new) == [
        ("W1", "H2", None, None),
        ("W2", "H3", None, None),
        ("W3", "H4", None, None),
        ("W4", "Yhat", None, None),
    ]
    assert chain_input(new) == "H1"
    assert np.array_equal(new.value("W1"), toy.value("W1"))
    assert np.array_equal(new.value("W3"), toy.value("W3"))
    # the prediction keeps its id, even one in the pattern, and holds it against layer 2's linear node
    pred = renamed(remove_layer(toy, 3), {"Yhat": "H2", "H2": "H5", "H1": "H6"})
    new = renumber_layers(pred)
    assert ids_by_place(new) == [("W1", "H1", None, None), ("W2", "H5", None, None), ("W3", "H2", None, None)]
    assert new.inputs(new.loss_id)["pred"] == "H2"
    assert_gradients(new)


def test_new_numbers_are_seeded_from_the_id_after_renumbering(toy: Model) -> None:
    new = add_layer(toy, 1, width=5)
    assert np.array_equal(new.value("W2"), seeded((3, 5), "W2"))  # drawn as W2, its id in the result
    assert np.array_equal(new.value("W3")[:3], toy.value("W2"))
    assert np.array_equal(new.value("W3")[3:], seeded((5, 3), "W3")[3:])
    assert fingerprint(add_layer(toy, 1, width=5)) == fingerprint(new)
    first = add_layer(toy, 0)
    assert np.array_equal(first.value("W1"), seeded((3, 3), "W1"))
    narrow = set_width(toy, 0, 2)  # W2 is (2, 3)
    removed = remove_layer(narrow, 0)  # the old W2 gets a third row and becomes W1
    assert np.array_equal(removed.value("W1")[:2], narrow.value("W2"))
    assert np.array_equal(removed.value("W1")[2:], seeded((3, 3), "W1")[2:])
    assert fingerprint(remove_layer(narrow, 0)) == fingerprint(removed)


# -- set_width ---------------------------------------------------------------


@pytest.mark.parametrize("name", EXAMPLES)
def test_set_width_keeps_the_overlap(name: str) -> None:
    model = example(name)
    before = fingerprint(model)
    first = chain_layers(model)[0]
    after = chain_layers(model)[1]
    grown = set_width(model, 0, first.n_out + 2)
    assert fingerprint(model) == before
    assert grown.shape(first.weight) == (first.n_in, first.n_out + 2)
    assert grown.shape(after.weight) == (first.n_out + 2, after.n_out)
    assert np.array_equal(grown.value(first.weight)[:, : first.n_out], model.value(first.weight))
    assert np.array_equal(grown.value(after.weight)[: first.n_out], model.value(after.weight))
    shrunk = set_width(model, 0, 1)
    assert np.array_equal(shrunk.value(first.weight), model.value(first.weight)[:, :1])
    assert np.array_equal(shrunk.value(after.weight), model.value(after.weight)[:1])
    assert fingerprint(grown) == fingerprint(set_width(model, 0, first.n_out + 2))
    assert_gradients(grown)
    assert_gradients(shrunk)
    assert_round_trips(grown)


def test_set_width_of_the_last_layer_resizes_the_target(toy_batch: Model) -> None:
    new = set_width(toy_batch, 2, 4)
    assert new.shape("W3") == (3, 4)
    assert new.shape("Y") == (4, 4)
    assert new.shape("Yhat") == (4, 4)
    assert np.array_equal(new.value("Y")[:2], toy_batch.value("Y"))
    assert np.array_equal(new.value("Y")[2:], np.zeros((2, 4)))
    assert np.array_equal(new.value("W3")[:, :2], toy_batch.value("W3"))
    small = set_width(toy_batch, 2, 1)
    assert np.array_equal(small.value("Y"), toy_batch.value("Y")[:1])
    assert_gradients(new)


def test_set_width_resizes_the_bias_with_zeros(toy: Model) -> None:
    biased = set_value(set_bias(toy, 0, True), "b1", np.array([1.0, 2.0, 3.0]))
    new = set_width(biased, 0, 5)
    assert np.array_equal(new.value("b1"), [1.0, 2.0, 3.0, 0.0, 0.0])
    assert np.array_equal(set_width(biased, 0, 2).value("b1"), [1.0, 2.0])
    assert_gradients(new)


def test_set_width_no_op_and_refusals(toy: Model) -> None:
    assert set_width(toy, 0, 3) is toy
    assert set_width(toy, 2, 2) is toy
    with raises_naming("H1", "width"):
        set_width(toy, 0, 0)
    with raises_naming("H2", "width"):
        set_width(toy, 1, limits.MAX_DIM + 1)
    with raises_naming("Yhat", "width"):
        set_width(toy, 2, True)
    with raises_naming(None, "no layer"):
        set_width(toy, 3, 2)


# -- set_activation -----------------------------------------------------------


def test_add_an_activation_in_the_middle(toy: Model) -> None:
    new = set_activation(toy, 0, "tanh")
    assert chain_layers(new)[0] == Layer("H1", "W1", None, "A1", "tanh", 3, 3)
    assert new.inputs("H2")["x"] == "A1"
    assert new.spec("A1").pos is None
    assert [s.id for s in new.specs][:4] == ["X", "W1", "H1", "A1"]
    assert_gradients(new)
    back = set_activation(new, 0, None)
    assert fingerprint(back) == fingerprint(toy)


def test_change_and_remove_an_activation(deep: Model) -> None:
    deep = set_position(deep, "A3", (1.0, 2.0))
    changed = set_activation(deep, 2, "tanh")
    assert changed.op("A3") == "tanh"
    assert changed.spec("A3").pos == (1.0, 2.0)
    assert [s.id for s in changed.specs] == [s.id for s in deep.specs]
    removed = set_activation(deep, 2, None)
    assert "A3" not in removed
    assert removed.inputs("H4")["x"] == "H3"
    assert chain_layers(removed)[2].activation is None
    for node in deep.params:
        assert np.array_equal(removed.value(node), deep.value(node))
    assert_gradients(changed)
    assert_gradients(removed)


def test_an_activation_on_the_last_layer_becomes_the_prediction(toy: Model) -> None:
    toy = set_position(toy, "Yhat", (9.0, 9.0))
    new = set_activation(toy, 2, "sigmoid")
    assert chain_layers(new)[-1] == Layer("H3", "W3", None, "Yhat", "sigmoid", 3, 2)
    assert new.op("Yhat") == "sigmoid"
    assert new.label("Yhat") == "Ŷ"
    assert new.spec("Yhat").pos == (9.0, 9.0)
    assert new.spec("H3").pos is None
    assert new.inputs(new.loss_id)["pred"] == "Yhat"
    assert_gradients(new)
    back = set_activation(new, 2, None)
    assert fingerprint(back) == fingerprint(toy)


def test_set_activation_no_op_and_refusals(deep: Model, toy: Model) -> None:
    assert set_activation(deep, 0, "sigmoid") is deep
    assert set_activation(deep, 7, None) is deep
    assert set_activation(toy, 1, None) is toy
    with raises_naming("H2", "softmax"):
        set_activation(deep, 1, "softmax")
    with raises_naming(None, "no layer"):
        set_activation(deep, 8, "relu")


def test_a_new_activation_takes_a_free_id(toy: Model) -> None:
    taken = add_layer(toy, 0, activation="relu")  # A1, the old layers move up
    assert chain_layers(taken)[0].activation == "A1"
    new = set_activation(taken, 3, "tanh")  # the layer of W4: its linear node becomes H4
    assert chain_layers(new)[-1].linear == "H4"
    new = set_activation(new, 1, "tanh")  # the layer of W2
    assert chain_layers(new)[1].activation == "A2"
    assert_numbered_by_place(new)
    clash = renamed(toy, {"X": "A1"})  # the input holds A1: the new activation takes the next free id
    assert chain_layers(set_activation(clash, 0, "tanh"))[0].activation == "A2"


# -- set_bias ------------------------------------------------------------------


def test_set_bias_adds_and_removes_a_zero_bias(toy_batch: Model) -> None:
    before = fingerprint(toy_batch)
    new = set_bias(toy_batch, 2, True)
    assert fingerprint(toy_batch) == before
    assert chain_layers(new)[2].bias == "b3"
    assert new.inputs("Yhat") == {"x": "H2", "w": "W3", "b": "b3"}
    assert new.shape("b3") == (2,)
    assert np.array_equal(new.value("b3"), np.zeros(2))
    assert [s.id for s in new.specs][5:8] == ["W3", "b3", "Yhat"]
    session, plain = Session(new), Session(toy_batch)
    session.run()
    plain.run()
    assert session.loss == plain.loss
    assert_gradients(new)
    assert_round_trips(new)
    assert fingerprint(set_bias(new, 2, False)) == before


def test_set_bias_no_op(toy: Model) -> None:
    assert set_bias(toy, 0, False) is toy
    biased = set_bias(toy, 0, True)
    assert set_bias(biased, 0, True) is biased
    with raises_naming(None, "no layer"):
        set_bias(toy, 5, True)


# -- set_loss ------------------------------------------------------------------


def test_set_loss(toy: Model) -> None:
    half, full = Session(toy), Session(set_loss(toy, "sse"))
    half.run()
    full.run()
    assert half.loss is not None
    assert full.loss == pytest.approx(2 * half.loss)
    assert toy.op("L") == "half_sse"
    assert set_loss(toy, "mse").op("L") == "mse"
    assert set_loss(toy, "half_sse") is toy
    assert_gradients(set_loss(toy, "mse"))
    with raises_naming("L", "cross_entropy"):
        set_loss(toy, "cross_entropy")


# -- set_batch -----------------------------------------------------------------


@pytest.mark.parametrize("name", EXAMPLES)
def test_set_batch_keeps_the_samples(name: str) -> None:
    model = example(name)
    before = fingerprint(model)
    batch = model.shape("X")[1]
    grown = set_batch(model, batch + 2)
    assert fingerprint(model) == before
    assert grown.shape("X") == (model.shape("X")[0], batch + 2)
    assert grown.shape("Y") == (model.shape("Y")[0], batch + 2)
    assert np.array_equal(grown.value("X")[:, :batch], model.value("X"))
    assert np.array_equal(grown.value("Y")[:, :batch], model.value("Y"))
    assert np.all(np.isfinite(grown.value("X")))
    assert fingerprint(grown) == fingerprint(set_batch(model, batch + 2))
    assert set_batch(model, batch) is model
    assert_gradients(grown)


def test_set_batch_shrinks(toy_batch: Model) -> None:
    new = set_batch(toy_batch, 2)
    assert np.array_equal(new.value("X"), toy_batch.value("X")[:, :2])
    assert np.array_equal(new.value("Y"), toy_batch.value("Y")[:, :2])
    assert new.shape("Yhat") == (2, 2)
    assert fingerprint(set_batch(new, 4))["nodes"][0] != fingerprint(toy_batch)["nodes"][0]  # new samples, not the old


@pytest.mark.parametrize("batch", [0, -1, limits.MAX_BATCH + 1, 2.0, True])
def test_set_batch_refusals(toy: Model, batch: Any) -> None:
    with raises_naming("X", "batch"):
        set_batch(toy, batch)


# -- set_value and randomise --------------------------------------------------------


def test_set_value_replaces_a_leaf(deep: Model) -> None:
    value = np.arange(16.0).reshape(4, 4) / 10
    new = set_value(deep, "W1", value)
    value[0, 0] = 99.0  # the model holds its own copy
    assert new.value("W1")[0, 0] == 0.0
    assert new.spec("W1").init is None
    assert deep.spec("W1").init is not None
    assert np.array_equal(new.value("W2"), deep.value("W2"))
    assert_round_trips(new)
    assert_gradients(new)


def test_set_value_of_inputs_targets_and_biases(toy: Model) -> None:
    assert np.array_equal(set_value(toy, "X", [[1], [0], [-1]]).value("X"), [[1.0], [0.0], [-1.0]])
    assert np.array_equal(set_value(toy, "Y", np.ones((2, 1))).value("Y"), np.ones((2, 1)))
    biased = set_bias(toy, 1, True)
    as_column = set_value(biased, "b2", np.array([[1.0], [2.0], [3.0]]))
    as_vector = set_value(biased, "b2", np.array([1.0, 2.0, 3.0]))
    assert as_column.shape("b2") == (3,)
    assert fingerprint(as_column) == fingerprint(as_vector)


def test_set_value_no_op(toy: Model) -> None:
    assert set_value(toy, "W1", np.array(toy.value("W1"))) is toy
    assert set_value(toy, "X", [[1.0], [2.0], [3.0]]) is toy


@pytest.mark.parametrize(
    ("node", "value", "match"),
    [
        ("W1", np.zeros((3, 2)), "shape"),
        ("W1", np.zeros(9), "shape"),
        ("X", np.zeros(3), "shape"),
        ("W1", np.full((3, 3), np.nan), "non-finite"),
        ("Y", [[np.inf], [0.0]], "non-finite"),
        ("W1", np.full((3, 3), True), "numbers"),
        ("W1", [["a"] * 3] * 3, "numbers"),
        ("X", [[1.0], [2.0, 3.0]], "ragged"),
        ("H1", np.zeros((3, 1)), "linear node"),
        ("L", np.zeros(()), "half_sse node"),
        ("nope", np.zeros((3, 1)), "no such node"),
    ],
)
def test_set_value_refusals(toy: Model, node: str, value: Any, match: str) -> None:
    before = fingerprint(toy)
    with raises_naming(node, match):
        set_value(toy, node, value)
    assert fingerprint(toy) == before


def test_randomise(toy: Model) -> None:
    new = randomise(toy, "W2", seed=3)
    expected = initial_value((3, 3), {"kind": "normal", "std": 0.5, "seed": 3})
    assert np.array_equal(new.value("W2"), expected)
    assert new.spec("W2").value is not None
    assert fingerprint(new) == fingerprint(randomise(toy, "W2", seed=3))
    assert randomise(new, "W2", seed=3) is new
    uniform = randomise(toy, "X", seed=1, kind="uniform")
    assert np.all(np.abs(uniform.value("X")) <= 1.0)
    zeros = randomise(toy, "Y", seed=0, kind="zeros")
    assert np.array_equal(zeros.value("Y"), np.zeros((2, 1)))
    assert randomise(zeros, "Y", seed=5, kind="zeros") is zeros
    assert_gradients(new)
    assert_round_trips(uniform)


def test_randomise_refusals(toy: Model) -> None:
    with raises_naming("W1", "kind"):
        randomise(toy, "W1", seed=0, kind="cauchy")
    with raises_naming("W1", "seed"):
        randomise(toy, "W1", seed=-1)
    with raises_naming("W1", "std"):
        randomise(toy, "W1", seed=0, std=-1.0)
    with raises_naming("H2", "linear node"):
        randomise(toy, "H2", seed=0)


# -- set_position ---------------------------------------------------------------------


def test_set_position(toy: Model) -> None:
    new = set_position(toy, "H1", (10, 20.5))
    assert new.spec("H1").pos == (10.0, 20.5)
    assert toy.spec("H1").pos is None
    assert set_position(new, "H1", (10.0, 20.5)) is new
    assert set_position(toy, "H1", None) is toy
    assert set_position(new, "H1", None).spec("H1").pos is None
    assert_round_trips(new)


@pytest.mark.parametrize("pos", [(float("nan"), 0.0), (1.0, 2.0, 3.0), (True, 1.0), ("a", 1.0), 5])
def test_set_position_refusals(toy: Model, pos: Any) -> None:
    with raises_naming("H1", "pos"):
        set_position(toy, "H1", pos)


def test_set_position_of_an_unknown_node(toy: Model) -> None:
    with raises_naming("H9", "no such node"):
        set_position(toy, "H9", (0.0, 0.0))


# -- every edit on every example ------------------------------------------------------------

EDITS: dict[str, Callable[[Model], Model]] = {
    "add first": lambda m: add_layer(m, 0, width=2, activation="sigmoid", bias=True),
    "add last": lambda m: add_layer(m, len(chain_layers(m)), activation="tanh"),
    "remove first": lambda m: remove_layer(m, 0),
    "remove last": lambda m: remove_layer(m, len(chain_layers(m)) - 1),
    "widen first": lambda m: set_width(m, 0, 6),
    "widen last": lambda m: set_width(m, len(chain_layers(m)) - 1, 3),
    "activation": lambda m: set_activation(m, 1, "identity"),
    "bias": lambda m: set_bias(m, 1, True),
    "loss": lambda m: set_loss(m, "mse"),
    "batch": lambda m: set_batch(m, 3),
    "value": lambda m: randomise(m, "W2", seed=11),
    "position": lambda m: set_position(m, "L", (1.0, 1.0)),
}


@pytest.mark.parametrize("edit", sorted(EDITS))
@pytest.mark.parametrize("name", EXAMPLES)
def test_every_edit_leaves_the_input_alone_and_runs(name: str, edit: str) -> None:
    model = example(name)
    before = fingerprint(model)
    specs = model.specs
    new = EDITS[edit](model)
    assert new is not model
    assert model.specs is specs
    assert fingerprint(model) == before
    assert fingerprint(EDITS[edit](model)) == fingerprint(new)
    assert new.name == model.name
    for node in model.order:
        if node in new and model.spec(node).pos is not None:
            assert new.spec(node).pos == model.spec(node).pos
    assert_round_trips(new)
    assert_gradients(new)


# -- random sequences of edits ---------------------------------------------------------------


@settings(max_examples=40)
@given(name=st.sampled_from(EXAMPLES), data=st.data())
def test_random_edits_keep_a_valid_chain(name: str, data: st.DataObject) -> None:
    model = example(name)
    original = fingerprint(model)
    start = model
    input_rows = model.shape(chain_input(model))[0]
    outs = [layer.n_out for layer in chain_layers(model)]
    acts = [layer.activation_op for layer in chain_layers(model)]
    biases = [layer.bias is not None for layer in chain_layers(model)]
    batch = model.shape("X")[1]
    for _ in range(data.draw(st.integers(1, 8), label="steps")):
        count = len(outs)
        kind = data.draw(st.sampled_from(["add", "remove", "width", "activation", "bias", "batch", "loss"]))
        activation = data.draw(st.sampled_from([None, *ACTIVATIONS]), label="activation")
        if kind == "add":
            index = data.draw(st.integers(0, count), label="index")
            at_end = index == count
            width = None if at_end else data.draw(st.none() | st.integers(1, 6), label="width")
            bias = data.draw(st.booleans(), label="bias")
            model = add_layer(model, index, width, activation, bias)
            default = outs[-1] if at_end else (input_rows if index == 0 else outs[index - 1])
            outs.insert(index, default if width is None else width)
            acts.insert(index, activation)
            biases.insert(index, bias)
        elif kind == "remove" and count > 1:
            index = data.draw(st.integers(0, count - 1), label="index")
            model = remove_layer(model, index)
            target_rows = outs[-1]
            del outs[index], acts[index], biases[index]
            outs[-1] = target_rows
        elif kind == "width":
            index = data.draw(st.integers(0, count - 1), label="index")
            width = data.draw(st.integers(1, 6), label="width")
            model = set_width(model, index, width)
            outs[index] = width
        elif kind == "activation":
            index = data.draw(st.integers(0, count - 1), label="index")
            model = set_activation(model, index, activation)
            acts[index] = activation
        elif kind == "bias":
            index = data.draw(st.integers(0, count - 1), label="index")
            enabled = data.draw(st.booleans(), label="enabled")
            model = set_bias(model, index, enabled)
            biases[index] = enabled
        elif kind == "batch":
            batch = data.draw(st.integers(1, 4), label="batch")
            model = set_batch(model, batch)
        else:
            model = set_loss(model, data.draw(st.sampled_from(["half_sse", "sse", "mse"]), label="loss"))
        layers = chain_layers(model)
        assert [layer.n_out for layer in layers] == outs
        assert [layer.n_in for layer in layers] == [input_rows, *outs[:-1]]
        assert [layer.activation_op for layer in layers] == acts
        assert [layer.bias is not None for layer in layers] == biases
        assert model.shape(chain_target(model)) == (outs[-1], batch)
        assert model.inputs(model.loss_id)["pred"] == "Yhat"
        assert model.label("Yhat") == "Ŷ"
        assert_numbered_by_place(model)
    session = Session(model)
    session.run()
    assert session.loss is not None
    assert np.isfinite(session.loss)
    assert_round_trips(model)
    assert fingerprint(start) == original
