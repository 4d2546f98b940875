"""Bad model files: each kind raises ModelError with one line naming the node and the problem.

Each test starts from the lecture's toy network (``toy_document``), breaks one
thing, writes the file and loads it.
"""

import json

import pytest

from explorer.model import ModelError, limits, load_model


def toy_document() -> dict:
    """The lecture's toy network: H1 = W1ᵀX, H2 = W2ᵀH1, Ŷ = W3ᵀH2, L = ½Σ(Ŷ − Y)²."""
    return {
        "format": "jacobian-explorer/model",
        "version": 1,
        "name": "toy",
        "nodes": [
            {"id": "X", "op": "input", "value": [[1.0], [2.0], [3.0]]},
            {"id": "W1", "op": "param", "value": [[0.1, -0.2, 0.3], [0.0, 0.1, -0.1], [0.2, 0.0, 0.1]]},
            {"id": "H1", "op": "linear", "inputs": {"x": "X", "w": "W1"}},
            {"id": "W2", "op": "param", "value": [[0.5, 0.0, -0.5], [0.1, 0.2, 0.3], [-0.3, 0.4, 0.0]]},
            {"id": "H2", "op": "linear", "inputs": {"x": "H1", "w": "W2"}},
            {"id": "W3", "op": "param", "value": [[0.2, -0.1], [0.3, 0.5], [-0.4, 0.1]]},
            {"id": "Yhat", "op": "linear", "label": "Ŷ", "inputs": {"x": "H2", "w": "W3"}},
            {"id": "Y", "op": "target", "value": [[0.5], [-0.5]]},
            {"id": "L", "op": "half_sse", "inputs": {"pred": "Yhat", "target": "Y"}},
        ],
    }


def node(doc: dict, node_id: str) -> dict:
    """The node of ``doc`` with this id (to change it in place)."""
    return next(n for n in doc["nodes"] if n["id"] == node_id)


def load_error(path) -> ModelError:
    """Load the file, expecting a ModelError with a one-line message, and return it."""
    with pytest.raises(ModelError) as caught:
        load_model(path)
    assert "\n" not in str(caught.value)
    return caught.value


def fails(tmp_path, doc: dict) -> ModelError:
    """Write ``doc`` as JSON, load it and return the ModelError."""
    path = tmp_path / "model.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    return load_error(path)


def fails_with_text(tmp_path, text: str) -> ModelError:
    path = tmp_path / "model.json"
    path.write_text(text, encoding="utf-8")
    return load_error(path)


def assert_names_node(error: ModelError, node_id: str) -> None:
    assert error.node == node_id
    assert str(error).startswith(f"node {node_id!r}: ")


def test_the_toy_document_itself_loads(tmp_path):
    path = tmp_path / "model.json"
    path.write_text(json.dumps(toy_document()), encoding="utf-8")
    assert load_model(path).loss_id == "L"


# -- the file ---------------------------------------------------------------


def test_missing_file(tmp_path):
    error = load_error(tmp_path / "nowhere.json")
    assert "cannot read" in str(error)
    assert "nowhere.json" in str(error)
    assert error.node is None


def test_not_utf8(tmp_path):
    path = tmp_path / "latin1.json"
    path.write_bytes('{"name": "café"}'.encode("latin-1"))
    error = load_error(path)
    assert "latin1.json is not UTF-8" in str(error)


def test_bad_json(tmp_path):
    error = fails_with_text(tmp_path, '{"format": "jacobian-explorer/model", "version": 1,')
    assert "model.json is not valid JSON" in str(error)
    assert "line 1" in str(error)


@pytest.mark.parametrize("token", ["NaN", "Infinity", "-Infinity"])
def test_nan_and_infinity_tokens(tmp_path, token):
    text = json.dumps(toy_document()).replace("[[0.5], [-0.5]]", f"[[{token}], [-0.5]]")  # Y's value
    assert f"[[{token}]," in text
    error = fails_with_text(tmp_path, text)
    assert_names_node(error, "Y")
    assert f"value holds {token}, which is not a finite number" in str(error)


def test_not_an_object(tmp_path):
    error = fails_with_text(tmp_path, "[1, 2, 3]")
    assert "must hold a JSON object" in str(error)


def test_wrong_format(tmp_path):
    doc = toy_document()
    doc["format"] = "keras"
    error = fails(tmp_path, doc)
    assert "format must be 'jacobian-explorer/model'" in str(error)
    assert "'keras'" in str(error)


def test_wrong_version(tmp_path):
    doc = toy_document()
    doc["version"] = 2
    assert "unsupported version 2" in str(fails(tmp_path, doc))


@pytest.mark.parametrize("version", [True, 1.0, "1"])
def test_version_must_be_the_integer_1(tmp_path, version):
    doc = toy_document()
    doc["version"] = version
    assert f"unsupported version {version!r}" in str(fails(tmp_path, doc))


def test_nodes_not_a_list(tmp_path):
    doc = toy_document()
    doc["nodes"] = {"X": {"op": "input"}}
    assert "'nodes' must be a list" in str(fails(tmp_path, doc))


def test_node_not_an_object(tmp_path):
    doc = toy_document()
    doc["nodes"][1] = "W1"
    assert "node #2 is not an object" in str(fails(tmp_path, doc))


# -- ids, keys, ops and ports ------------------------------------------------------


def test_missing_id(tmp_path):
    doc = toy_document()
    del doc["nodes"][0]["id"]
    assert "node #1 needs a non-empty string id" in str(fails(tmp_path, doc))


@pytest.mark.parametrize("bad_id", ["", "   ", 7])
def test_empty_or_non_string_id(tmp_path, bad_id):
    doc = toy_document()
    doc["nodes"][2]["id"] = bad_id
    assert "node #3 needs a non-empty string id" in str(fails(tmp_path, doc))


def test_id_too_long(tmp_path):
    doc = toy_document()
    long_id = "W" * (limits.MAX_ID_LENGTH + 1)
    node(doc, "W2")["id"] = long_id
    node(doc, "H2")["inputs"]["w"] = long_id
    message = str(fails(tmp_path, doc))
    assert "node #4 has an id of 65 characters ('WWWWWWWWWWWWWWWWWWWW…'); the limit is 64" in message


def test_id_of_64_characters_is_allowed(tmp_path):
    doc = toy_document()
    node(doc, "W2")["id"] = "W" * 64
    node(doc, "H2")["inputs"]["w"] = "W" * 64
    path = tmp_path / "model.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    assert "W" * 64 in load_model(path).params


def test_duplicate_id(tmp_path):
    doc = toy_document()
    node(doc, "W2")["id"] = "W1"
    error = fails(tmp_path, doc)
    assert_names_node(error, "W1")
    assert "used by more than one node" in str(error)


def test_unknown_key(tmp_path):
    doc = toy_document()
    node(doc, "W2")["colour"] = "red"
    error = fails(tmp_path, doc)
    assert_names_node(error, "W2")
    assert "unknown key 'colour'" in str(error)


def test_unknown_op(tmp_path):
    doc = toy_document()
    node(doc, "H1")["op"] = "conv2d"
    error = fails(tmp_path, doc)
    assert_names_node(error, "H1")
    assert "unknown op 'conv2d'" in str(error)
    assert "linear" in str(error)  # lists the ops it knows


def test_missing_port(tmp_path):
    doc = toy_document()
    del node(doc, "H2")["inputs"]["w"]
    error = fails(tmp_path, doc)
    assert_names_node(error, "H2")
    assert "missing input port 'w'" in str(error)


def test_unknown_port(tmp_path):
    doc = toy_document()
    node(doc, "H2")["inputs"]["bias"] = "W1"
    error = fails(tmp_path, doc)
    assert_names_node(error, "H2")
    assert "no port 'bias'" in str(error)


def test_input_naming_an_unknown_node(tmp_path):
    doc = toy_document()
    node(doc, "H2")["inputs"]["x"] = "H9"
    error = fails(tmp_path, doc)
    assert_names_node(error, "H2")
    assert "names unknown node 'H9'" in str(error)


# -- the shape of the graph ------------------------------------------------------------


def test_self_loop(tmp_path):
    doc = toy_document()
    node(doc, "H2")["inputs"]["x"] = "H2"
    error = fails(tmp_path, doc)
    assert_names_node(error, "H2")
    assert "cycle" in str(error)


def test_cycle_of_two_linear_nodes(tmp_path):
    doc = toy_document()
    node(doc, "H1")["inputs"]["x"] = "H2"  # H1 takes H2, H2 takes H1
    error = fails(tmp_path, doc)
    assert error.node in ("H1", "H2")
    assert "cycle" in str(error)
    assert "H1 → H2" in str(error) or "H2 → H1" in str(error)


def test_no_loss(tmp_path):
    doc = toy_document()
    doc["nodes"].pop()  # L
    assert "no loss node" in str(fails(tmp_path, doc))


def test_two_losses(tmp_path):
    doc = toy_document()
    doc["nodes"].append({"id": "L2", "op": "mse", "inputs": {"pred": "Yhat", "target": "Y"}})
    message = str(fails(tmp_path, doc))
    assert "2 loss nodes" in message
    assert "L, L2" in message


def test_loss_feeding_another_node(tmp_path):
    doc = toy_document()
    doc["nodes"].append({"id": "S", "op": "sigmoid", "inputs": {"x": "L"}})
    error = fails(tmp_path, doc)
    assert_names_node(error, "L")
    assert "cannot feed another node" in str(error)


def test_node_not_leading_to_the_loss(tmp_path):
    doc = toy_document()
    doc["nodes"].insert(3, {"id": "A1", "op": "tanh", "inputs": {"x": "H1"}})  # a dead end
    error = fails(tmp_path, doc)
    assert_names_node(error, "A1")
    assert "does not lead to the loss 'L'" in str(error)


# -- shapes ----------------------------------------------------------------------


def test_linear_shape_mismatch_names_the_linear_node(tmp_path):
    doc = toy_document()
    node(doc, "W2")["value"] = [[1.0, 0.0], [0.0, 1.0]]  # 2×2, but H1 has 3 rows
    error = fails(tmp_path, doc)
    assert_names_node(error, "H2")
    assert "W2 (2, 2)" in str(error)
    assert "H1 (3, 1)" in str(error)


def test_bias_of_the_wrong_length(tmp_path):
    doc = toy_document()
    doc["nodes"].insert(0, {"id": "b1", "op": "param", "value": [0.1, 0.2]})  # H1 has 3 rows
    node(doc, "H1")["inputs"]["b"] = "b1"
    error = fails(tmp_path, doc)
    assert_names_node(error, "H1")
    assert "bias b1 (2,) must have shape (3,)" in str(error)


def test_bias_that_is_a_matrix(tmp_path):
    doc = toy_document()
    doc["nodes"].insert(0, {"id": "b1", "op": "param", "value": [[0.1, 0.2], [0.3, 0.4], [0.5, 0.6]]})
    node(doc, "H1")["inputs"]["b"] = "b1"
    error = fails(tmp_path, doc)
    assert_names_node(error, "b1")
    assert "a bias must be a vector" in str(error)


def test_prediction_and_target_shapes_differ(tmp_path):
    doc = toy_document()
    node(doc, "Y")["value"] = [[0.5], [-0.5], [1.0]]  # 3×1, Ŷ is 2×1
    error = fails(tmp_path, doc)
    assert_names_node(error, "L")
    assert "prediction Yhat (2, 1) and target Y (3, 1) differ in shape" in str(error)


# -- values ------------------------------------------------------------------------


def test_string_in_a_value(tmp_path):
    doc = toy_document()
    node(doc, "X")["value"] = [[1.0], ["2.0"], [3.0]]
    error = fails(tmp_path, doc)
    assert_names_node(error, "X")
    assert "not a number" in str(error)


def test_value_that_is_not_a_list(tmp_path):
    doc = toy_document()
    node(doc, "X")["value"] = "1 2 3"
    error = fails(tmp_path, doc)
    assert_names_node(error, "X")
    assert "must be a list" in str(error)


@pytest.mark.parametrize(
    "value",
    [
        pytest.param([[True], [False], [True]], id="all-booleans"),
        pytest.param([[1.0], [True], [3.0]], id="one-boolean-among-numbers"),
        pytest.param([True, 2.0, 3.0], id="boolean-in-a-vector"),
    ],
)
def test_boolean_values(tmp_path, value):
    doc = toy_document()
    node(doc, "X")["value"] = value
    error = fails(tmp_path, doc)
    assert_names_node(error, "X")
    assert "true/false" in str(error)


@pytest.mark.parametrize("value", [[[0.1, -0.2, 0.3], [0.0, 0.1], [0.2, 0.0, 0.1]], [[0.1, 0.2], 0.3]])
def test_ragged_rows(tmp_path, value):
    doc = toy_document()
    node(doc, "W1")["value"] = value
    error = fails(tmp_path, doc)
    assert_names_node(error, "W1")
    assert "ragged" in str(error)


@pytest.mark.parametrize("value", [[], [[]]])
def test_empty_value(tmp_path, value):
    doc = toy_document()
    node(doc, "X")["value"] = value
    error = fails(tmp_path, doc)
    assert_names_node(error, "X")
    assert "non-empty" in str(error)


def test_three_dimensional_value(tmp_path):
    doc = toy_document()
    node(doc, "X")["value"] = [[[1.0], [2.0], [3.0]]]
    error = fails(tmp_path, doc)
    assert_names_node(error, "X")
    assert "1-D or 2-D" in str(error)
    assert "(1, 3, 1)" in str(error)


def test_huge_number_is_infinite(tmp_path):
    # Python's JSON reader turns 1e400 into inf, with no error of its own.
    text = json.dumps(toy_document()).replace("[[1.0], [2.0], [3.0]]", "[[1.0], [1e400], [3.0]]", 1)
    assert "1e400" in text
    error = fails_with_text(tmp_path, text)
    assert_names_node(error, "X")
    assert "value holds Infinity, which is not a finite number" in str(error)


# -- parameters made by init ------------------------------------------------------------


def make_w1_by_init(doc: dict, shape, init) -> dict:
    w1 = node(doc, "W1")
    del w1["value"]
    w1["shape"] = shape
    w1["init"] = init
    return doc


def test_param_with_neither_value_nor_shape_and_init(tmp_path):
    doc = toy_document()
    del node(doc, "W1")["value"]
    error = fails(tmp_path, doc)
    assert_names_node(error, "W1")
    assert "needs a value, or a shape and an init" in str(error)


def test_param_with_shape_but_no_init(tmp_path):
    doc = toy_document()
    del node(doc, "W1")["value"]
    node(doc, "W1")["shape"] = [3, 3]
    error = fails(tmp_path, doc)
    assert_names_node(error, "W1")
    assert "needs a value, or a shape and an init" in str(error)


def test_input_without_value(tmp_path):
    doc = toy_document()
    del node(doc, "X")["value"]
    error = fails(tmp_path, doc)
    assert_names_node(error, "X")
    assert "needs a value" in str(error)


def test_unknown_init_kind(tmp_path):
    error = fails(tmp_path, make_w1_by_init(toy_document(), [3, 3], {"kind": "xavier", "seed": 1}))
    assert_names_node(error, "W1")
    assert "unknown init kind 'xavier'" in str(error)


def test_negative_std(tmp_path):
    error = fails(tmp_path, make_w1_by_init(toy_document(), [3, 3], {"kind": "normal", "std": -0.5, "seed": 1}))
    assert_names_node(error, "W1")
    assert "std must not be negative" in str(error)


@pytest.mark.parametrize("seed", [-1, 1.5, "7", True])
def test_bad_seed(tmp_path, seed):
    error = fails(tmp_path, make_w1_by_init(toy_document(), [3, 3], {"kind": "normal", "seed": seed}))
    assert_names_node(error, "W1")
    assert "seed must be a non-negative integer" in str(error)


@pytest.mark.parametrize("shape", [[3, 0], [-3, 3], [3, 3, 3], []])
def test_bad_init_shape(tmp_path, shape):
    error = fails(tmp_path, make_w1_by_init(toy_document(), shape, {"kind": "zeros"}))
    assert_names_node(error, "W1")
    assert "shape must be one or two positive sizes" in str(error)


# -- limits -------------------------------------------------------------------------------


def test_init_dimension_past_the_limit(tmp_path):
    too_wide = limits.MAX_DIM + 1  # refused before anything is allocated
    error = fails(tmp_path, make_w1_by_init(toy_document(), [3, too_wide], {"kind": "zeros"}))
    assert_names_node(error, "W1")
    assert f"past the limit {limits.MAX_DIM}" in str(error)


def test_value_dimension_past_the_limit(tmp_path):
    doc = toy_document()
    node(doc, "X")["value"] = [0.0] * (limits.MAX_DIM + 1)
    error = fails(tmp_path, doc)
    assert_names_node(error, "X")
    assert f"past the limit {limits.MAX_DIM}" in str(error)


def test_too_many_parameter_elements(tmp_path, monkeypatch):
    monkeypatch.setattr(limits, "MAX_PARAM_ELEMENTS", 20)  # the toy has 9 + 9 + 6 = 24
    error = fails(tmp_path, toy_document())
    assert "the parameters hold 24 numbers; the limit is 20" in str(error)


def test_parameter_elements_at_the_limit_are_allowed(tmp_path, monkeypatch):
    monkeypatch.setattr(limits, "MAX_PARAM_ELEMENTS", 24)
    path = tmp_path / "model.json"
    path.write_text(json.dumps(toy_document()), encoding="utf-8")
    assert len(load_model(path).params) == 3


def test_too_many_nodes(tmp_path, monkeypatch):
    monkeypatch.setattr(limits, "MAX_NODES", 8)  # the toy has 9
    error = fails(tmp_path, toy_document())
    assert "the model has 9 nodes; the limit is 8" in str(error)


def test_file_past_the_size_limit(tmp_path, monkeypatch):
    monkeypatch.setattr(limits, "MAX_FILE_BYTES", 100)
    error = fails(tmp_path, toy_document())
    assert "model.json is" in str(error)
    assert "the limit is 100" in str(error)
