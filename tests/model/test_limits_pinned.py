"""The documented limits as the literal numbers users rely on, and sizes refused before memory is spent.

README.md promises: a dimension of at most 4,096, at most 20,000,000
parameter numbers, 500 nodes, ids of 64 characters, labels of 200. Each is
pinned on both sides here, without reading the program's own constants.
"""

import json
import os
import subprocess
import sys
import textwrap
import tracemalloc

import pytest

from explorer.model import ModelError, load_model

from .test_bad_input import assert_names_node, fails, node, toy_document


def write(tmp_path, doc: dict, name: str = "model.json"):
    path = tmp_path / name
    path.write_text(json.dumps(doc), encoding="utf-8")
    return path


def one_layer(rows: int, columns: int, batch: int = 1) -> dict:
    """X (rows, batch) → W (rows, columns) of zeros → Ŷ (columns, batch), target Y of zeros."""
    return {
        "format": "jacobian-explorer/model",
        "version": 1,
        "nodes": [
            {"id": "X", "op": "input", "value": [[1.0] * batch for _ in range(rows)]},
            {"id": "W", "op": "param", "shape": [rows, columns], "init": {"kind": "zeros"}},
            {"id": "Yhat", "op": "linear", "inputs": {"x": "X", "w": "W"}},
            {"id": "Y", "op": "target", "value": [[0.0] * batch for _ in range(columns)]},
            {"id": "L", "op": "half_sse", "inputs": {"pred": "Yhat", "target": "Y"}},
        ],
    }


def two_layers(a: int, b: int, c: int, bias: bool) -> dict:
    """X (a, 1) → W1 (a, b) → W2 (b, c) (+ b2 (c,)) → Ŷ; every parameter zeros (no real memory)."""
    nodes = [
        {"id": "X", "op": "input", "value": [[1.0]] * a},
        {"id": "W1", "op": "param", "shape": [a, b], "init": {"kind": "zeros"}},
        {"id": "H1", "op": "linear", "inputs": {"x": "X", "w": "W1"}},
        {"id": "W2", "op": "param", "shape": [b, c], "init": {"kind": "zeros"}},
        {"id": "Yhat", "op": "linear", "inputs": {"x": "H1", "w": "W2"}},
        {"id": "Y", "op": "target", "value": [[0.0]] * c},
        {"id": "L", "op": "half_sse", "inputs": {"pred": "Yhat", "target": "Y"}},
    ]
    if bias:
        nodes.insert(4, {"id": "b2", "op": "param", "shape": [c], "init": {"kind": "zeros"}})
        nodes[5]["inputs"]["b"] = "b2"
    return {"format": "jacobian-explorer/model", "version": 1, "nodes": nodes}


# -- dimensions -----------------------------------------------------------------------------


def test_a_dimension_of_4096_loads(tmp_path):
    model = load_model(write(tmp_path, one_layer(4096, 3)))
    assert model.shape("W") == (4096, 3)
    model = load_model(write(tmp_path, one_layer(3, 4096)))
    assert model.shape("W") == (3, 4096)


def test_a_batch_of_4096_loads(tmp_path):
    model = load_model(write(tmp_path, one_layer(2, 2, batch=4096)))
    assert model.shape("X") == (2, 4096)


@pytest.mark.parametrize(("rows", "columns", "batch", "culprit"), [(4097, 3, 1, "X"), (3, 4097, 1, "Y"), (2, 2, 4097, "X")])
def test_a_dimension_of_4097_is_refused(tmp_path, rows, columns, batch, culprit):
    error = fails(tmp_path, one_layer(rows, columns, batch))
    assert_names_node(error, culprit)
    assert "past the limit 4096" in str(error)


# -- parameter numbers ---------------------------------------------------------------------------


def test_20_000_000_parameter_numbers_load(tmp_path):
    model = load_model(write(tmp_path, two_layers(4000, 4000, 1000, bias=False)))
    assert sum(model.value(p).size for p in model.params) == 20_000_000


def test_20_000_001_parameter_numbers_are_refused(tmp_path):
    doc = two_layers(4095, 3903, 1029, bias=True)  # 4095·3903 + 3903·1029 + 1029
    assert str(fails(tmp_path, doc)) == "the parameters hold 20,000,001 numbers; the limit is 20,000,000"


# -- nodes, ids -----------------------------------------------------------------------------------


def identity_chain(nodes: int) -> dict:
    """X → identity → … → identity → loss against Y: ``nodes`` nodes in all."""
    chain = [{"id": "X", "op": "input", "value": [[1.0], [2.0]]}]
    for i in range(nodes - 3):
        chain.append({"id": f"A{i}", "op": "identity", "inputs": {"x": chain[-1]["id"]}})
    chain.append({"id": "Y", "op": "target", "value": [[0.0], [0.0]]})
    chain.append({"id": "L", "op": "sse", "inputs": {"pred": chain[-2]["id"], "target": "Y"}})
    return {"format": "jacobian-explorer/model", "version": 1, "nodes": chain}


def test_500_nodes_load_and_501_are_refused(tmp_path):
    assert len(load_model(write(tmp_path, identity_chain(500))).order) == 500
    assert str(fails(tmp_path, identity_chain(501))) == "the model has 501 nodes; the limit is 500"


def test_an_id_of_64_characters_loads_and_65_is_refused(tmp_path):
    for length, loads in ((64, True), (65, False)):
        doc = toy_document()
        node(doc, "W2")["id"] = "w" * length
        node(doc, "H2")["inputs"]["w"] = "w" * length
        if loads:
            assert "w" * 64 in load_model(write(tmp_path, doc)).params
        else:
            assert "an id of 65 characters" in str(fails(tmp_path, doc))
            assert "the limit is 64" in str(fails(tmp_path, doc))


# -- refused before allocation ------------------------------------------------------------------------


def unconnected_params(count: int, kind: str = "normal") -> dict:
    """The toy network plus ``count`` 4096×4096 parameters that lead nowhere: a file of a few KB."""
    doc = toy_document()
    for i in range(count):
        doc["nodes"].append({"id": f"Big{i}", "op": "param", "shape": [4096, 4096], "init": {"kind": kind, "seed": i}})
    return doc


@pytest.mark.parametrize("count", [1, 3, 30])
def test_unconnected_big_parameters_are_refused_without_allocating(tmp_path, count):
    path = write(tmp_path, unconnected_params(count))
    assert path.stat().st_size < 10_000
    tracemalloc.start()
    try:
        with pytest.raises(ModelError) as caught:
            load_model(path)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert "\n" not in str(caught.value)
    assert peak < 5_000_000, f"refusing a {path.stat().st_size}-byte file took {peak:,} bytes"


def test_connected_parameters_past_the_limit_are_refused_without_allocating(tmp_path):
    doc = two_layers(4096, 4096, 4096, bias=False)  # 33,554,432 numbers
    for p in ("W1", "W2"):
        node(doc, p)["init"] = {"kind": "normal", "seed": 1}
    path = write(tmp_path, doc)
    tracemalloc.start()
    try:
        with pytest.raises(ModelError) as caught:
            load_model(path)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert str(caught.value) == "the parameters hold 33,554,432 numbers; the limit is 20,000,000"
    assert peak < 5_000_000


def test_refusal_under_an_address_space_limit(tmp_path):
    """A 10 KB file of unconnected 4096×4096 parameters, loaded with 1.5 GiB of address space: a clean refusal."""
    path = write(tmp_path, unconnected_params(60))
    script = textwrap.dedent(
        f"""
        import resource, sys
        resource.setrlimit(resource.RLIMIT_AS, (1536 * 2**20, 1536 * 2**20))
        from explorer.model import ModelError, load_model
        try:
            load_model({str(path)!r})
        except ModelError as error:
            print("refused:", error)
            sys.exit(0)
        sys.exit(3)
        """
    )
    env = dict(os.environ, OPENBLAS_NUM_THREADS="1", OMP_NUM_THREADS="1", MKL_NUM_THREADS="1")
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120, env=env)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("refused: node 'Big0': does not lead to the loss 'L'")
    assert result.stderr == ""


def test_an_init_dimension_of_4097_is_refused_naming_the_parameter(tmp_path):
    doc = toy_document()
    w1 = node(doc, "W1")
    del w1["value"]
    w1.update(shape=[3, 4097], init={"kind": "zeros"})
    error = fails(tmp_path, doc)
    assert_names_node(error, "W1")
    assert "past the limit 4096" in str(error)


def test_a_4096_by_4096_normal_parameter_loads_within_twice_its_size(tmp_path):
    """The seeded normal numbers are made in place: the peak stays near two copies (128 MiB each), not five."""
    doc = one_layer(4096, 4096)
    node(doc, "W")["init"] = {"kind": "normal", "std": 0.1, "seed": 3}
    path = write(tmp_path, doc)
    size = 4096 * 4096 * 8
    tracemalloc.start()
    try:
        model = load_model(path)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert model.value("W").shape == (4096, 4096)
    assert 0.09 < float(model.value("W").std()) < 0.11
    assert peak < 2.2 * size, f"peak {peak / size:.2f} times the parameter's size"
