"""save_model then load_model gives back the same model, every float bit for bit."""

import json
import tempfile
from pathlib import Path

import numpy as np
from hypothesis import given
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from explorer.model import load_model, model_from_dict, model_to_dict, save_model

# Floats that a careless writer gets wrong: not exact in binary, the smallest
# normal-ish and subnormal numbers, a negative zero, the largest float.
AWKWARD = [[0.1, 1e-300], [-0.0, 1 / 3], [5e-324, -1.7976931348623157e308]]


def one_layer(w_node: dict, h_value: list, y_value: list) -> dict:
    return {
        "format": "jacobian-explorer/model",
        "version": 1,
        "name": "round trip",
        "nodes": [
            {"id": "H", "op": "input", "value": h_value, "pos": [10.5, -20.0]},
            w_node,
            {"id": "Yhat", "op": "linear", "label": "Ŷ", "inputs": {"x": "H", "w": "W"}},
            {"id": "Y", "op": "target", "value": y_value},
            {"id": "L", "op": "half_sse", "inputs": {"pred": "Yhat", "target": "Y"}},
        ],
    }


def same_bits(a: np.ndarray, b: np.ndarray) -> bool:
    """Equal as arrays and in every bit (so -0.0 differs from 0.0)."""
    a, b = np.asarray(a, dtype=np.float64), np.asarray(b, dtype=np.float64)
    return a.shape == b.shape and np.array_equal(a, b) and np.array_equal(a.view(np.int64), b.view(np.int64))


def test_same_bits_tells_negative_zero_from_zero():
    assert not same_bits(np.array([-0.0]), np.array([0.0]))
    assert same_bits(np.array([-0.0]), np.array([-0.0]))


def test_awkward_floats_survive_save_and_load_bit_for_bit(tmp_path):
    doc = one_layer({"id": "W", "op": "param", "value": AWKWARD}, h_value=[[0.1], [1e-300], [-0.0]],
                    y_value=[[1 / 3], [5e-324]])
    model = model_from_dict(doc)
    save_model(model, tmp_path / "model.json")
    loaded = load_model(tmp_path / "model.json")

    expected_w = np.array(AWKWARD)
    assert same_bits(loaded.value("W"), expected_w)
    assert same_bits(loaded.value("H"), np.array([[0.1], [1e-300], [-0.0]]))
    assert same_bits(loaded.value("Y"), np.array([[1 / 3], [5e-324]]))
    assert np.signbit(loaded.value("W")[1, 0])  # still -0.0
    assert loaded.value("W")[2, 0] == 5e-324  # the smallest subnormal, not flushed to zero


def test_everything_else_in_the_file_survives_too(tmp_path):
    doc = one_layer({"id": "W", "op": "param", "value": AWKWARD}, [[1.0], [2.0], [3.0]], [[0.0], [0.0]])
    save_model(model_from_dict(doc), tmp_path / "model.json")
    loaded = load_model(tmp_path / "model.json")
    assert loaded.name == "round trip"
    assert [spec.id for spec in loaded.specs] == ["H", "W", "Yhat", "Y", "L"]  # file order kept
    assert loaded.label("Yhat") == "Ŷ"
    assert loaded.spec("H").pos == (10.5, -20.0)
    assert loaded.inputs("L") == {"pred": "Yhat", "target": "Y"}
    assert loaded.op("L") == "half_sse"


def test_saved_file_is_plain_json_with_the_format_header(tmp_path):
    doc = one_layer({"id": "W", "op": "param", "value": AWKWARD}, [[1.0], [2.0], [3.0]], [[0.0], [0.0]])
    save_model(model_from_dict(doc), tmp_path / "model.json")
    written = json.loads((tmp_path / "model.json").read_text(encoding="utf-8"))
    assert written["format"] == "jacobian-explorer/model"
    assert written["version"] == 1
    assert written["nodes"][1]["value"] == AWKWARD  # == treats -0.0 as 0.0; the bits are checked above


def test_an_init_made_param_is_saved_as_shape_and_init(tmp_path):
    init = {"kind": "normal", "std": 0.5, "seed": 7}
    doc = one_layer({"id": "W", "op": "param", "shape": [3, 2], "init": init}, [[1.0], [2.0], [3.0]],
                    [[0.0], [0.0]])
    model = model_from_dict(doc)
    save_model(model, tmp_path / "model.json")

    written = json.loads((tmp_path / "model.json").read_text(encoding="utf-8"))
    w = next(n for n in written["nodes"] if n["id"] == "W")
    assert w == {"id": "W", "op": "param", "shape": [3, 2], "init": init}

    loaded = load_model(tmp_path / "model.json")
    assert same_bits(loaded.value("W"), model.value("W"))


def test_fill_values_writes_the_values_of_init_made_params():
    init = {"kind": "uniform", "low": -1.0, "high": 1.0, "seed": 3}
    doc = one_layer({"id": "W", "op": "param", "shape": [3, 2], "init": init}, [[1.0], [2.0], [3.0]],
                    [[0.0], [0.0]])
    model = model_from_dict(doc)

    filled = model_to_dict(model, fill_values=True)
    w = next(n for n in filled["nodes"] if n["id"] == "W")
    assert np.array(w["value"]).shape == (3, 2)
    assert same_bits(np.array(w["value"]), model.value("W"))
    for node in filled["nodes"]:
        if node["op"] in ("input", "param", "target"):
            assert "value" in node, node["id"]

    # The filled document loads back to the same numbers.
    assert same_bits(model_from_dict(filled).value("W"), model.value("W"))


def test_without_fill_values_no_value_is_written_for_init_params():
    doc = one_layer({"id": "W", "op": "param", "shape": [3, 2], "init": {"kind": "zeros"}}, [[1.0], [2.0], [3.0]],
                    [[0.0], [0.0]])
    w = next(n for n in model_to_dict(model_from_dict(doc))["nodes"] if n["id"] == "W")
    assert "value" not in w
    assert w["shape"] == [3, 2]


finite_matrices = arrays(
    np.float64,
    st.tuples(st.integers(1, 5), st.integers(1, 5)),
    elements=st.floats(allow_nan=False, allow_infinity=False),
)


@given(w=finite_matrices)
def test_any_finite_matrix_survives_save_and_load_bit_for_bit(w):
    rows, cols = w.shape
    doc = one_layer({"id": "W", "op": "param", "value": w.tolist()}, [[1.0]] * rows, [[0.0]] * cols)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "model.json"
        save_model(model_from_dict(doc), path)
        loaded = load_model(path)
    assert same_bits(loaded.value("W"), w)
