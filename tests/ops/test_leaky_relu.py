"""Leaky ReLU (slope 0.01 below 0), declared by its op table entry alone, works everywhere below the window.

A model file with ``"op": "leaky_relu"`` loads, steps and checks; ``explain``
writes its closed forms; ``export --code`` writes scripts that compute the
engine's numbers in numpy and in torch; ``train`` and the fused training
plan give the session's numbers (and the generic path's) bit for bit. The
window's side is in ``tests/ui/test_leaky_relu_window.py``; the torch
oracle and the finite differences of random chains cover it through
``tests/engine/strategies.py``.
"""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import numpy as np
import pytest

import explorer.cli
from explorer.engine import Session, check_gradients
from explorer.model import ACTIVATIONS, Model, load_model
from explorer.model.edit import chain_layers, set_activation, set_loss
from explorer.model.examples import toy_model
from explorer.ops import OPS
from explorer.resources import example_path
from explorer.train.loop import train
from explorer.train.plan import TrainPlan

from ..export.test_code import engine_numbers, run_script

FORMAT = {"format": "jacobian-explorer/model", "version": 1}


def leaky_file(tmp_path: Path) -> Path:
    """``lab_deep_relu`` with every ReLU a leaky ReLU, written as a model file."""
    doc = json.loads(example_path("lab_deep_relu").read_text(encoding="utf-8"))
    for node in doc["nodes"]:
        if node["op"] == "relu":
            node["op"] = "leaky_relu"
    path = tmp_path / "leaky.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    return path


def kinked_file(tmp_path: Path) -> Path:
    """X = (1, 2) and W1's first column (1, −0.5): H1[0] = 0 exactly, at the kink."""
    nodes = [
        {"id": "X", "op": "input", "value": [[1.0], [2.0]]},
        {"id": "W1", "op": "param", "value": [[1.0, 0.5], [-0.5, 0.25]]},
        {"id": "H1", "op": "linear", "inputs": {"x": "X", "w": "W1"}},
        {"id": "A1", "op": "leaky_relu", "inputs": {"x": "H1"}},
        {"id": "W2", "op": "param", "value": [[1.0], [2.0]]},
        {"id": "Yhat", "op": "linear", "inputs": {"x": "A1", "w": "W2"}},
        {"id": "Y", "op": "target", "value": [[-1.0]]},
        {"id": "L", "op": "half_sse", "inputs": {"pred": "Yhat", "target": "Y"}},
    ]
    path = tmp_path / "kink.json"
    path.write_text(json.dumps({**FORMAT, "nodes": nodes}), encoding="utf-8")
    return path


@pytest.fixture
def model(tmp_path: Path) -> Model:
    return load_model(leaky_file(tmp_path))


def test_a_model_file_with_leaky_relu_loads_and_its_layers_say_so(model: Model) -> None:
    assert "leaky_relu" in ACTIVATIONS
    assert [layer.activation_op for layer in chain_layers(model)] == ["leaky_relu"] * 5 + [None]


def test_a_layer_can_be_given_leaky_relu() -> None:
    edited = set_activation(toy_model(), 0, "leaky_relu")
    assert [layer.activation_op for layer in chain_layers(edited)][0] == "leaky_relu"
    session = Session(edited)
    session.run()
    assert session.loss is not None


def test_the_session_passes_negative_inputs_at_a_hundredth(model: Model) -> None:
    session = Session(model)
    session.run()
    h1, a1 = session.value("H1"), session.value("A1")
    assert h1 is not None
    assert a1 is not None
    assert np.any(h1 < 0)
    np.testing.assert_array_equal(a1, np.where(h1 > 0, h1, 0.01 * h1))


def test_every_gradient_agrees_with_central_differences(model: Model) -> None:
    rows = check_gradients(model)
    assert rows
    assert all(row.ok for row in rows), rows


def test_check_at_the_kink_passes_and_says_why(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert explorer.cli.main(["check", str(kinked_file(tmp_path))]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert "X: 2 of 2 elements at a kink: finite differences do not apply" in lines
    assert "W1: 2 of 4 elements at a kink: finite differences do not apply" in lines
    assert not any("FAIL" in line for line in lines)


def test_check_at_the_kink_still_fails_a_wrong_gradient(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    leaky, linear = OPS["leaky_relu"], OPS["linear"]
    wrong = {"x": lambda a, out, g: g * np.where(a["x"] >= 0, 1.0, 0.01)}  # slope 1 at the kink: right elsewhere
    wrong_w = {**linear.vjp, "w": lambda a, out, g: 1.01 * (a["x"] @ g.T)}
    monkeypatch.setitem(OPS, "leaky_relu", dataclasses.replace(leaky, vjp=wrong))
    monkeypatch.setitem(OPS, "linear", dataclasses.replace(linear, vjp=wrong_w))
    assert explorer.cli.main(["check", str(kinked_file(tmp_path))]) == 1
    out = capsys.readouterr().out.splitlines()
    assert next(line for line in out if line.startswith("W2 ")).endswith("FAIL")


@pytest.mark.parametrize("fmt", ["text", "markdown", "latex"])
def test_explain_writes_the_leaky_slope(tmp_path: Path, capsys: pytest.CaptureFixture[str], fmt: str) -> None:
    assert explorer.cli.main(["explain", str(leaky_file(tmp_path)), "--node", "W1", "--format", fmt]) == 0
    out = capsys.readouterr().out
    if fmt == "latex":  # the local Jacobian in LaTeX, the VJP as a text run
        assert "\\operatorname{diag}(0.01 + 0.99\\,[H_{1} > 0])" in out
        assert "\\delta \\odot (0.01 + 0.99 [H_{1} > 0])" in out
    elif fmt == "markdown":  # brackets and > escaped, so no label can make a link or a tag
        assert "J = diag(0.01 + 0.99 \\[H₁ &gt; 0\\])" in out
        assert "= δ ⊙ (0.01 + 0.99 \\[H₁ &gt; 0\\])" in out
    else:
        assert "J = diag(0.01 + 0.99 [H₁ > 0])" in out
        assert "= δ ⊙ (0.01 + 0.99 [H₁ > 0])" in out


def test_export_code_scripts_compute_the_engines_numbers(tmp_path: Path, model: Model) -> None:
    pytest.importorskip("torch")
    out = tmp_path / "out"
    assert explorer.cli.main(["export", str(leaky_file(tmp_path)), "--out", str(out), "--code"]) == 0
    loss, grads = engine_numbers(model)
    for script in ("model_numpy.py", "model_torch.py"):
        text = (out / script).read_text(encoding="utf-8")
        assert ("leaky_relu(" if "torch" in script else "np.maximum(") in text
        numbers = json.loads(run_script(tmp_path, script, text, "--json"))
        assert numbers["loss"] == pytest.approx(loss, rel=1e-12)
        for node, grad in grads.items():
            np.testing.assert_allclose(numbers["grad"][node], grad, rtol=1e-10, atol=1e-14, err_msg=f"{script} {node}")


@pytest.mark.parametrize("loss", ["half_sse", "sse", "mse"])
def test_the_fused_plan_gives_the_sessions_and_the_generic_paths_numbers_bit_for_bit(
    model: Model, loss: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    model = set_loss(model, loss)
    session = Session(model)
    session.run()
    fused = TrainPlan(model)
    assert fused.run_pass() == session.loss
    monkeypatch.setitem(OPS, "leaky_relu", dataclasses.replace(OPS["leaky_relu"], kernel=None))
    generic = TrainPlan(model)  # leaky ReLU through its entry's forward and vjp
    assert generic.run_pass() == session.loss
    for p in model.params:
        assert np.array_equal(fused.grads[p], session.grad(p)), p
        assert np.array_equal(generic.grads[p], session.grad(p)), p


def test_the_train_command_trains_a_leaky_relu_chain(tmp_path: Path, model: Model) -> None:
    out = tmp_path / "trained.json"
    assert explorer.cli.main(["train", str(leaky_file(tmp_path)), "--steps", "50", "--lr", "0.01", "--out", str(out)]) == 0
    trained = load_model(out)
    expected = train(model, 50, 0.01)
    assert expected.loss[-1] < expected.loss[0] / 2
    for p in model.params:
        np.testing.assert_array_equal(trained.value(p), expected.model.value(p))
