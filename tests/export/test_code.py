"""The generated numpy and torch scripts run on their own and print the explorer's numbers."""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from explorer.engine import Session
from explorer.export.code import code_files, numpy_script, torch_script, variable_names
from explorer.model import Model, load_model, model_from_dict
from explorer.model.edit import set_value
from explorer.model.examples import toy_model
from explorer.resources import example_path

# A model with every op family: a bias, ReLU, tanh, sigmoid, identity, the mse loss and awkward ids.
MIXED = {
    "format": "jacobian-explorer/model",
    "version": 1,
    "name": 'Mixed """ ops \\ with odd ids',
    "nodes": [
        {"id": "input x", "op": "input", "value": [[1.0, -0.5], [2.0, 0.25], [-3.0, 1.5]]},
        {"id": "class", "op": "param", "value": [[0.1, -0.2], [0.3, 0.4], [-0.5, 0.6]]},
        {"id": "1b", "op": "param", "value": [0.05, -0.07]},
        {"id": "H1", "op": "linear", "inputs": {"x": "input x", "w": "class", "b": "1b"}},
        {"id": "A1", "op": "relu", "inputs": {"x": "H1"}},
        {"id": "W2", "op": "param", "value": [[0.7, -0.3], [0.2, 0.9]]},
        {"id": "H2", "op": "linear", "inputs": {"x": "A1", "w": "W2"}},
        {"id": "A2", "op": "tanh", "inputs": {"x": "H2"}},
        {"id": "W3", "op": "param", "value": [[0.4, 0.1], [-0.6, 0.3]]},
        {"id": "H3", "op": "linear", "inputs": {"x": "A2", "w": "W3"}},
        {"id": "A3", "op": "sigmoid", "inputs": {"x": "H3"}},
        {"id": "A4", "op": "identity", "inputs": {"x": "A3"}},
        {"id": "Y", "op": "target", "value": [[0.2, 0.8], [0.6, 0.1]]},
        {"id": "L", "op": "mse", "inputs": {"pred": "A4", "target": "Y"}},
    ],
}


def models() -> list[Model]:
    return [load_model(example_path(n)) for n in ("toy", "toy_batch", "deep_sigmoid")] + [model_from_dict(MIXED)]


def engine_numbers(model: Model) -> tuple[float, dict[str, np.ndarray]]:
    session = Session(model)
    session.run()
    assert session.loss is not None
    return session.loss, {p: np.asarray(session.grad(p)) for p in model.params}


def run_script(tmp_path: Path, name: str, text: str, *args: str) -> str:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-I", str(path), *args], capture_output=True, text=True, timeout=300, check=False, cwd=tmp_path
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


@pytest.mark.parametrize("index", range(4))
def test_numpy_script_prints_the_explorers_numbers(tmp_path: Path, index: int) -> None:
    model = models()[index]
    loss, grads = engine_numbers(model)
    out = json.loads(run_script(tmp_path, "model_numpy.py", numpy_script(model), "--json"))
    assert set(out) == {"loss", "grad"}
    assert out["loss"] == pytest.approx(loss, rel=1e-12)
    assert set(out["grad"]) == set(model.params)
    for node, grad in grads.items():
        np.testing.assert_allclose(out["grad"][node], grad, rtol=1e-10, atol=1e-14)
    readable = run_script(tmp_path, "model_numpy.py", numpy_script(model))
    assert readable.startswith("loss = ")
    assert all(f"dL/d{p} " in readable for p in model.params)


@pytest.mark.parametrize("index", range(4))
def test_torch_script_prints_the_explorers_numbers(tmp_path: Path, index: int) -> None:
    pytest.importorskip("torch")
    model = models()[index]
    loss, grads = engine_numbers(model)
    out = json.loads(run_script(tmp_path, "model_torch.py", torch_script(model), "--json"))
    assert out["loss"] == pytest.approx(loss, rel=1e-12)
    for node, grad in grads.items():
        np.testing.assert_allclose(out["grad"][node], grad, rtol=1e-9, atol=1e-13)
    assert "dL/dW1 (3, 3) =" in run_script(tmp_path, "model_torch.py", torch_script(models()[0]))


def test_scripts_hold_exact_values() -> None:
    """``repr`` floats read back bit for bit: 0.1 stays 0.1, a seeded normal keeps all its digits."""
    model = load_model(example_path("deep_sigmoid"))
    script = numpy_script(model)
    namespace: dict[str, object] = {}
    exec(compile(script.split("# -- forward pass")[0], "values", "exec"), namespace)  # noqa: S102 - our own output
    for leaf in model.leaves:
        np.testing.assert_array_equal(namespace[variable_names(model)[leaf]], model.value(leaf))


@given(
    arrays(
        np.float64,
        (3, 2),
        elements=st.floats(allow_nan=False, allow_infinity=False, allow_subnormal=True, width=64),
    )
)
def test_every_float_a_model_can_hold_reads_back_bit_for_bit(values: np.ndarray) -> None:
    """Subnormals, the largest floats and ``-0.0`` are written by :func:`explorer.model.numbers.literal` exactly."""
    model = set_value(toy_model(), "W3", values)
    name = variable_names(model)["W3"]
    scripts = [numpy_script(model)] + ([torch_script(model)] if importlib.util.find_spec("torch") else [])
    for script in scripts:
        namespace: dict[str, object] = {}
        exec(compile(script.split("# -- forward pass")[0], "values", "exec"), namespace)  # noqa: S102 - our own output
        held = np.asarray(namespace[name].detach() if hasattr(namespace[name], "detach") else namespace[name])
        assert held.tobytes() == model.value("W3").tobytes()  # the same bits, the sign of zero included


def test_names_are_python_identifiers_and_distinct() -> None:
    names = variable_names(model_from_dict(MIXED))
    assert all(n.isidentifier() for n in names.values())
    assert len(set(names.values())) == len(names)
    assert names["input x"] == "input_x"
    assert names["class"] != "class"


def test_code_files_hold_both_scripts_and_the_handouts() -> None:
    session = Session(load_model(example_path("toy")))
    session.run()
    files = code_files(session)
    assert set(files) == {"model_numpy.py", "model_torch.py", "derivation.md", "derivation.tex"}
    assert "import torch" not in files["model_numpy.py"]
    assert "numpy" not in files["model_torch.py"]


@pytest.mark.parametrize("script", ["numpy", "torch"])
def test_data_asked_for_is_in_the_scripts_and_data_marked_false_is_not(tmp_path: Path, script: str) -> None:
    """X marked "requires_grad": true: both scripts print ∂L/∂X, the engine's; marked false (the bundled toy): neither."""
    from explorer.model.edit import set_requires_grad

    if script == "torch":
        pytest.importorskip("torch")
    write = numpy_script if script == "numpy" else torch_script
    toy = load_model(example_path("toy"))
    out = json.loads(run_script(tmp_path, f"model_{script}.py", write(toy), "--json"))
    assert set(out["grad"]) == {"W1", "W2", "W3"}
    asked = set_requires_grad(toy, "X", True)
    session = Session(asked)
    session.run()
    out = json.loads(run_script(tmp_path, f"model_{script}.py", write(asked), "--json"))
    assert set(out["grad"]) == {"W1", "W2", "W3", "X"}
    np.testing.assert_allclose(out["grad"]["X"], session.grad("X"), rtol=1e-10, atol=1e-14)
