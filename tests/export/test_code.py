"""The generated numpy and torch scripts run on their own and print the explorer's numbers."""

from __future__ import annotations

import contextlib
import importlib.util
import io
import json
import re
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from explorer.engine import Session
from explorer.export.code import code_files, numpy_script, torch_script
from explorer.model import Model, load_model, model_from_dict
from explorer.model.edit import set_value
from explorer.model.examples import toy_model
from explorer.resources import example_path
from tests.export.hostile import HOSTILE, IDS, LABELS, chain

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
    examples = [load_model(example_path(n)) for n in ("toy", "toy_batch", "deep_sigmoid")]
    return [*examples, model_from_dict(MIXED), HOSTILE]


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


def run_in_process(script: str, *args: str) -> str:
    """Run a generated script as ``__main__`` with ``args`` and return what it printed."""
    out = io.StringIO()
    argv = sys.argv
    sys.argv = ["model.py", *args]
    try:
        with contextlib.redirect_stdout(out):
            exec(compile(script, "model.py", "exec"), {"__name__": "__main__"})  # noqa: S102 - our own output
    finally:
        sys.argv = argv
    return out.getvalue()


@pytest.mark.parametrize("index", range(5))
def test_numpy_script_prints_the_explorers_numbers(index: int) -> None:
    model = models()[index]
    loss, grads = engine_numbers(model)
    out = json.loads(run_in_process(numpy_script(model), "--json"))
    assert set(out) == {"loss", "grad"}
    assert out["loss"] == pytest.approx(loss, rel=1e-12)
    assert set(out["grad"]) == set(model.params)
    for node, grad in grads.items():
        np.testing.assert_allclose(out["grad"][node], grad, rtol=1e-10, atol=1e-14)
    readable = run_in_process(numpy_script(model))
    assert readable.startswith("loss = ")
    assert all(f"dL/d{p} " in readable for p in model.params)


@pytest.mark.parametrize("index", range(5))
def test_torch_script_prints_the_explorers_numbers(index: int) -> None:
    pytest.importorskip("torch")
    model = models()[index]
    loss, grads = engine_numbers(model)
    out = json.loads(run_in_process(torch_script(model), "--json"))
    assert out["loss"] == pytest.approx(loss, rel=1e-12)
    for node, grad in grads.items():
        np.testing.assert_allclose(out["grad"][node], grad, rtol=1e-9, atol=1e-13)
    assert "dL/dW1 (3, 3) =" in run_in_process(torch_script(models()[0]))


@pytest.mark.parametrize("kind", ["numpy", "torch"])
def test_each_script_runs_on_its_own_in_a_bare_interpreter(tmp_path: Path, kind: str) -> None:
    """As a user runs it: a file of its own, ``python -I`` (no site folders of the project, no tests)."""
    if kind == "torch":
        pytest.importorskip("torch")
    model = models()[1]
    loss, grads = engine_numbers(model)
    script = numpy_script(model) if kind == "numpy" else torch_script(model)
    out = json.loads(run_script(tmp_path, f"model_{kind}.py", script, "--json"))
    assert out["loss"] == pytest.approx(loss, rel=1e-12)
    for node, grad in grads.items():
        np.testing.assert_allclose(out["grad"][node], grad, rtol=1e-9, atol=1e-13)
    assert run_script(tmp_path, f"model_{kind}.py", script).startswith("loss = ")


def test_scripts_hold_exact_values() -> None:
    """``repr`` floats read back bit for bit: 0.1 stays 0.1, a seeded normal keeps all its digits."""
    model = load_model(example_path("deep_sigmoid"))
    script = numpy_script(model)
    namespace: dict[str, object] = {}
    exec(compile(script.split("# -- forward pass")[0], "values", "exec"), namespace)  # noqa: S102 - our own output
    for leaf in model.leaves:
        np.testing.assert_array_equal(namespace["value"][leaf], model.value(leaf))  # type: ignore[index]


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
    scripts = [numpy_script(model)] + ([torch_script(model)] if importlib.util.find_spec("torch") else [])
    for script in scripts:
        namespace: dict[str, object] = {}
        exec(compile(script.split("# -- forward pass")[0], "values", "exec"), namespace)  # noqa: S102 - our own output
        stored = namespace["value"]["W3"]  # type: ignore[index]
        held = np.asarray(stored.detach() if hasattr(stored, "detach") else stored)
        assert held.tobytes() == model.value("W3").tobytes()  # the same bits, the sign of zero included


# -- hostile ids: keywords, builtins, dunder names, quotes, backslashes, any Unicode the format allows ----------

def run_both_ways(model: Model, script: str) -> dict[str, object]:
    """The readable print names every parameter; ``--json`` prints one object, returned."""
    readable = run_in_process(script)
    assert readable.startswith("loss = ")
    assert all(f"dL/d{p} " in readable for p in model.params)
    result: dict[str, object] = json.loads(run_in_process(script, "--json"))
    return result


def check_numbers(model: Model, out: dict[str, object], rtol: float) -> None:
    loss, grads = engine_numbers(model)
    assert out["loss"] == pytest.approx(loss, rel=1e-12)
    held = out["grad"]
    assert isinstance(held, dict)
    assert set(held) == set(model.params)
    for node, grad in grads.items():
        np.testing.assert_allclose(held[node], grad, rtol=rtol, atol=1e-14)


@settings(max_examples=40)
@given(st.lists(IDS, min_size=8, max_size=8, unique=True), st.lists(LABELS, min_size=8, max_size=8), LABELS)
def test_numpy_script_runs_whatever_the_ids(ids: list[str], labels: list[str], name: str) -> None:
    model = chain(ids, labels, name)
    check_numbers(model, run_both_ways(model, numpy_script(model)), rtol=1e-10)


@settings(max_examples=20)
@given(st.lists(IDS, min_size=8, max_size=8, unique=True), st.lists(LABELS, min_size=8, max_size=8), LABELS)
def test_torch_script_runs_whatever_the_ids(ids: list[str], labels: list[str], name: str) -> None:
    pytest.importorskip("torch")
    model = chain(ids, labels, name)
    check_numbers(model, run_both_ways(model, torch_script(model)), rtol=1e-9)


def test_ids_never_become_python_names() -> None:
    """Every id appears only as a quoted dict key: nothing is assigned to, or read from, a bare id."""
    for script in (numpy_script(HOSTILE), torch_script(HOSTILE)):
        code = script.split("# -- the model's values")[1]
        for shadow in ("float", "print", "tuple", "__debug__", "__builtins__", "sys"):
            assert not re.search(rf"^{re.escape(shadow)}\b", code, flags=re.MULTILINE), shadow
        assert "value['__builtins__'] = " in code


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
