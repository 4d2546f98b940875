"""Loading model files: the bundled examples, vectors, bias shapes, seeded init.

Every expected number here is written by hand or computed independently of
the code under test (the normal init is recomputed with a Box–Muller written
out below).
"""

import json
import math
from pathlib import Path

import numpy as np
import pytest

from explorer.model import load_model, model_from_dict
from explorer.model.initial import initial_value

EXAMPLES = Path(__file__).resolve().parents[2] / "resources" / "examples"

TOY_W1 = [[0.1, -0.2, 0.3], [0.0, 0.1, -0.1], [0.2, 0.0, 0.1]]


def _deep_shapes() -> dict[str, tuple[int, ...]]:
    """The 8-layer chain of width 4 shared by deep_sigmoid and deep_relu."""
    shapes: dict[str, tuple[int, ...]] = {"X": (4, 1)}
    for i in range(1, 8):
        shapes[f"W{i}"] = (4, 4)
        shapes[f"H{i}"] = (4, 1)
        shapes[f"A{i}"] = (4, 1)
    shapes.update({"W8": (4, 2), "Yhat": (2, 1), "Y": (2, 1), "L": ()})
    return shapes


# The shape of every node of every bundled example, written out by hand.
EXPECTED_SHAPES: dict[str, dict[str, tuple[int, ...]]] = {
    "toy": {
        "X": (3, 1), "W1": (3, 3), "H1": (3, 1), "W2": (3, 3), "H2": (3, 1),
        "W3": (3, 2), "Yhat": (2, 1), "Y": (2, 1), "L": (),
    },
    "toy_batch": {
        "X": (3, 4), "W1": (3, 3), "H1": (3, 4), "W2": (3, 3), "H2": (3, 4),
        "W3": (3, 2), "Yhat": (2, 4), "Y": (2, 4), "L": (),
    },
    "single_layer": {"H": (3, 1), "W": (3, 2), "Yhat": (2, 1), "Y": (2, 1), "L": ()},
    "deep_sigmoid": _deep_shapes(),
    "deep_relu": _deep_shapes(),
    "regression": {
        "X": (1, 16), "W1": (1, 8), "b1": (8,), "H1": (8, 16), "A1": (8, 16),
        "W2": (8, 1), "b2": (1,), "Yhat": (1, 16), "Y": (1, 16), "L": (),
    },
    **{name: {
        "X": (4, 16), **{f"{k}{i}": (8, 8) if k == "W" else (8, 16) for i in range(1, 6) for k in "WHA"},
        "W1": (4, 8), "W6": (8, 2), "Yhat": (2, 16), "Y": (2, 16), "L": (),
    } for name in ("lab_deep_sigmoid", "lab_deep_relu")},
}


def document(nodes: list[dict], name: str = "test") -> dict:
    return {"format": "jacobian-explorer/model", "version": 1, "name": name, "nodes": nodes}


def one_layer(h_value, w_node: dict | None = None, y_value=None, extra: list[dict] | None = None) -> dict:
    """``Yhat = Wᵀ H`` with a half-SSE loss; ``w_node`` replaces the default 3×2 W."""
    w_node = w_node or {"id": "W", "op": "param", "value": [[0.1, 0.4], [0.2, 0.5], [0.3, 0.6]]}
    return document(
        [
            {"id": "H", "op": "input", "value": h_value},
            w_node,
            *(extra or []),
            {"id": "Yhat", "op": "linear", "inputs": {"x": "H", "w": "W"}},
            {"id": "Y", "op": "target", "value": y_value if y_value is not None else [[1.0], [2.0]]},
            {"id": "L", "op": "half_sse", "inputs": {"pred": "Yhat", "target": "Y"}},
        ]
    )


def init_param(shape: list[int], init: dict) -> np.ndarray:
    """W's value in the single-layer model when W (3×k) is made by ``init``."""
    w_node = {"id": "W", "op": "param", "shape": shape, "init": init}
    model = model_from_dict(one_layer([[1.0], [2.0], [3.0]], w_node, y_value=[[0.0]] * shape[1]))
    return np.array(model.value("W"))


def box_muller(seed: int, size: int, mean: float = 0.0, std: float = 1.0) -> list[float]:
    """Normal samples as documented in explorer/model/init.py, one at a time with ``math``.

    The generator's uniform doubles come in one stream: first ``u1`` for every
    pair, then ``u2`` for every pair. Pair ``i`` gives ``r·cos θ`` at position
    ``i`` and ``r·sin θ`` at position ``pairs + i``; an odd size drops the last sine.
    """
    pairs = (size + 1) // 2
    uniforms = np.random.Generator(np.random.PCG64(seed)).random(2 * pairs).tolist()
    u1 = [1.0 - u for u in uniforms[:pairs]]
    u2 = uniforms[pairs:]
    cosines, sines = [], []
    for a, b in zip(u1, u2, strict=True):
        radius = math.sqrt(-2.0 * math.log(a))
        cosines.append(radius * math.cos(2 * math.pi * b))
        sines.append(radius * math.sin(2 * math.pi * b))
    return [mean + std * z for z in (cosines + sines)[:size]]


# -- the bundled examples -------------------------------------------------------


def test_every_example_file_has_expected_shapes_written_here():
    assert sorted(p.stem for p in EXAMPLES.glob("*.json")) == sorted(EXPECTED_SHAPES)


@pytest.mark.parametrize("name", sorted(EXPECTED_SHAPES))
def test_example_loads_with_the_shape_of_every_node(name):
    model = load_model(EXAMPLES / f"{name}.json")
    expected = EXPECTED_SHAPES[name]
    assert set(model.order) == set(expected)
    for node, shape in expected.items():
        assert model.shape(node) == shape, node


@pytest.mark.parametrize("name", sorted(EXPECTED_SHAPES))
def test_example_order_is_topological_with_exactly_one_loss(name):
    model = load_model(EXAMPLES / f"{name}.json")
    raw_nodes = json.loads((EXAMPLES / f"{name}.json").read_text(encoding="utf-8"))["nodes"]
    position = {node: i for i, node in enumerate(model.order)}
    for raw in raw_nodes:
        for source in raw.get("inputs", {}).values():
            assert position[source] < position[raw["id"]], (source, raw["id"])
    losses = [raw["id"] for raw in raw_nodes if raw["op"] in ("half_sse", "sse", "mse")]
    assert losses == ["L"]
    assert model.loss_id == "L"
    assert model.order[-1] == "L"


@pytest.mark.parametrize("name", sorted(EXPECTED_SHAPES))
def test_example_leaves_op_nodes_and_params_match_the_file(name):
    model = load_model(EXAMPLES / f"{name}.json")
    raw_nodes = json.loads((EXAMPLES / f"{name}.json").read_text(encoding="utf-8"))["nodes"]
    ops = {raw["id"]: raw["op"] for raw in raw_nodes}
    assert set(model.leaves) == {n for n, op in ops.items() if op in ("input", "param", "target")}
    assert set(model.op_nodes) == set(ops) - set(model.leaves)
    assert set(model.params) == {n for n, op in ops.items() if op == "param"}


def test_toy_sets_of_nodes_in_step_order():
    model = load_model(EXAMPLES / "toy.json")
    assert model.order == ("X", "W1", "H1", "W2", "H2", "W3", "Yhat", "Y", "L")
    assert model.leaves == ("X", "W1", "W2", "W3", "Y")
    assert model.op_nodes == ("H1", "H2", "Yhat", "L")
    assert model.params == ("W1", "W2", "W3")
    assert model.inputs("Yhat") == {"x": "H2", "w": "W3"}


def test_toy_values_are_the_numbers_in_the_file():
    model = load_model(EXAMPLES / "toy.json")
    assert np.array_equal(model.value("X"), np.array([[1.0], [2.0], [3.0]]))
    assert np.array_equal(model.value("W1"), np.array(TOY_W1))
    assert model.value("W1").dtype == np.float64


def test_leaf_values_are_read_only():
    model = load_model(EXAMPLES / "toy.json")
    with pytest.raises(ValueError, match="read-only"):
        model.value("W1")[0, 0] = 5.0


def test_order_puts_inputs_first_even_when_the_file_does_not():
    doc = one_layer([[1.0], [2.0], [3.0]])
    doc["nodes"].reverse()  # file order: L, Y, Yhat, W, H
    model = model_from_dict(doc)
    # Y, W and H are ready at once and keep their file order; Yhat needs W and H.
    assert model.order == ("Y", "W", "H", "Yhat", "L")


# -- vectors and biases -----------------------------------------------------------


def test_a_one_dimensional_list_is_a_column():
    model = model_from_dict(one_layer([1.0, 2.0, 3.0], y_value=[1.0, 2.0]))
    assert model.shape("H") == (3, 1)
    assert np.array_equal(model.value("H"), np.array([[1.0], [2.0], [3.0]]))
    assert model.shape("Y") == (2, 1)
    assert model.shape("Yhat") == (2, 1)


def test_a_one_dimensional_weight_is_a_column():
    # W = [1, 2, 3] is read as 3×1, so Yhat = Wᵀ H is 1×1.
    w_node = {"id": "W", "op": "param", "value": [1.0, 2.0, 3.0]}
    model = model_from_dict(one_layer([[1.0], [2.0], [3.0]], w_node, y_value=[[0.0]]))
    assert model.shape("W") == (3, 1)
    assert model.shape("Yhat") == (1, 1)


def _with_bias(bias_node: dict) -> dict:
    doc = one_layer([[1.0], [2.0], [3.0]], extra=[bias_node])
    next(n for n in doc["nodes"] if n["id"] == "Yhat")["inputs"]["b"] = "b"
    return doc


@pytest.mark.parametrize(
    "bias_node",
    [
        pytest.param({"id": "b", "op": "param", "value": [0.5, -0.5]}, id="list"),
        pytest.param({"id": "b", "op": "param", "value": [[0.5], [-0.5]]}, id="column"),
    ],
)
def test_a_bias_on_port_b_is_one_dimensional(bias_node):
    model = model_from_dict(_with_bias(bias_node))
    assert model.shape("b") == (2,)
    assert np.array_equal(model.value("b"), np.array([0.5, -0.5]))
    assert model.shape("Yhat") == (2, 1)
    assert model.inputs("Yhat") == {"x": "H", "w": "W", "b": "b"}


def test_a_bias_made_by_init_is_one_dimensional():
    model = model_from_dict(_with_bias({"id": "b", "op": "param", "shape": [2], "init": {"kind": "zeros"}}))
    assert model.shape("b") == (2,)
    assert np.array_equal(model.value("b"), np.zeros(2))


# -- seeded initialisation ------------------------------------------------------


@pytest.mark.parametrize(
    "init",
    [
        {"kind": "normal", "std": 0.5, "seed": 7},
        {"kind": "uniform", "low": -2.0, "high": 3.0, "seed": 7},
        {"kind": "zeros"},
    ],
    ids=lambda init: init["kind"],
)
def test_init_is_reproducible(init):
    first = init_param([3, 2], init)
    second = init_param([3, 2], init)
    assert first.shape == (3, 2)
    assert np.array_equal(first, second)
    assert np.array_equal(first.view(np.int64), second.view(np.int64))


@pytest.mark.parametrize("kind", ["normal", "uniform"])
def test_different_seeds_give_different_values(kind):
    first = init_param([3, 2], {"kind": kind, "seed": 1})
    second = init_param([3, 2], {"kind": kind, "seed": 2})
    assert not np.any(first == second)


def test_zeros_init_is_all_zeros():
    assert np.array_equal(init_param([3, 2], {"kind": "zeros"}), np.zeros((3, 2)))


@pytest.mark.parametrize(("shape", "seed"), [([3, 2], 7), ([3, 3], 0), ([3, 5], 12345)])
def test_normal_init_is_the_box_muller_transform_of_pcg64(shape, seed):
    # [3, 3] and [3, 5] have an odd number of elements: the last sine is dropped.
    value = init_param(shape, {"kind": "normal", "std": 0.5, "mean": 0.25, "seed": seed})
    expected = np.array(box_muller(seed, shape[0] * shape[1], mean=0.25, std=0.5)).reshape(shape)
    np.testing.assert_allclose(value, expected, rtol=1e-14, atol=1e-15)


def test_normal_init_defaults_to_mean_0_std_1_seed_0():
    value = init_param([3, 2], {"kind": "normal"})
    np.testing.assert_allclose(value, np.array(box_muller(0, 6)).reshape(3, 2), rtol=1e-14, atol=1e-15)


def test_uniform_init_is_low_plus_width_times_pcg64_doubles():
    value = init_param([3, 2], {"kind": "uniform", "low": -2.0, "high": 3.0, "seed": 11})
    uniforms = np.random.Generator(np.random.PCG64(11)).random(6).tolist()
    expected = np.array([-2.0 + 5.0 * u for u in uniforms]).reshape(3, 2)
    np.testing.assert_allclose(value, expected, rtol=1e-15, atol=0)
    assert np.all(value >= -2.0)
    assert np.all(value < 3.0)


def test_normal_init_has_the_asked_mean_and_std_on_a_large_draw():
    value = initial_value((400, 500), {"kind": "normal", "mean": 3.0, "std": 2.0, "seed": 5})
    # 200,000 samples: the standard error of the mean is 2/√200000 ≈ 0.0045.
    assert abs(value.mean() - 3.0) < 0.05
    assert abs(value.std() - 2.0) < 0.05


def test_uniform_init_covers_its_range_on_a_large_draw():
    value = initial_value((400, 500), {"kind": "uniform", "low": -1.0, "high": 1.0, "seed": 5})
    assert value.min() >= -1.0
    assert value.max() < 1.0
    assert abs(value.mean()) < 0.01  # uniform on [-1, 1): std 1/√3, standard error ≈ 0.0013


def test_example_deep_sigmoid_w1_is_its_seeded_normal():
    model = load_model(EXAMPLES / "deep_sigmoid.json")  # W1: normal, std 0.8, seed 353
    expected = np.array(box_muller(353, 16, std=0.8)).reshape(4, 4)
    np.testing.assert_allclose(model.value("W1"), expected, rtol=1e-14, atol=1e-15)


# -- labels and consumers -----------------------------------------------------------


def test_labels_default_to_the_id():
    model = load_model(EXAMPLES / "toy.json")
    assert model.label("Yhat") == "Ŷ"
    assert model.label("H1") == "H1"
    assert model.name.startswith("The lecture's toy network")


def test_consumers_of_the_toy():
    model = load_model(EXAMPLES / "toy.json")
    assert model.consumers("X") == [("H1", "x")]
    assert model.consumers("W2") == [("H2", "w")]
    assert model.consumers("H2") == [("Yhat", "x")]
    assert model.consumers("Yhat") == [("L", "pred")]
    assert model.consumers("Y") == [("L", "target")]
    assert model.consumers("L") == []


def _fan_out(sigmoid_first: bool) -> dict:
    """X feeds both ``Yhat = Wᵀ X`` and ``S = σ(X)``; the loss compares them."""
    x = {"id": "X", "op": "input", "value": [[1.0], [2.0]]}
    w = {"id": "W", "op": "param", "value": [[1.0, 0.0], [0.0, 1.0]]}
    yhat = {"id": "Yhat", "op": "linear", "inputs": {"x": "X", "w": "W"}}
    s = {"id": "S", "op": "sigmoid", "inputs": {"x": "X"}}
    loss = {"id": "L", "op": "mse", "inputs": {"pred": "Yhat", "target": "S"}}
    return document([x, w, s, yhat, loss] if sigmoid_first else [x, w, yhat, s, loss])


@pytest.mark.parametrize(
    ("sigmoid_first", "expected"),
    [(True, [("S", "x"), ("Yhat", "x")]), (False, [("Yhat", "x"), ("S", "x")])],
)
def test_consumers_of_a_node_with_two_come_in_step_order(sigmoid_first, expected):
    model = model_from_dict(_fan_out(sigmoid_first))
    assert model.consumers("X") == expected
    assert model.consumers("S") == [("L", "target")]


def test_unknown_node_is_a_key_error():
    model = load_model(EXAMPLES / "toy.json")
    with pytest.raises(KeyError, match="Q"):
        model.shape("Q")
    with pytest.raises(KeyError, match="Q"):
        model.consumers("Q")
