"""``jacobian-explorer train`` (SPEC section 8), run in this process; a new Python for the terminal only."""

from __future__ import annotations

import csv
import json
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from explorer.engine import Session
from explorer.model import load_model
from tests.cli_run import run_cli

from .engine.test_train_oracle import example, numpy_descent

EXAMPLES = Path(__file__).resolve().parents[1] / "resources" / "examples"


def one_line_error(result, status: int) -> str:
    assert result.returncode == status, (result.stdout, result.stderr)
    assert "Traceback" not in result.stderr
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("jacobian-explorer: ")
    return lines[0]


def test_train_writes_the_log_with_n_plus_one_rows_and_the_trained_model(tmp_path):
    out, log = tmp_path / "trained.json", tmp_path / "log.csv"
    result = run_cli("train", EXAMPLES / "regression.json", "--steps", 40, "--lr", 0.02, "--out", out, "--log", log)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""  # not a terminal: no progress line
    with log.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[0] == ["iteration", "loss", "grad_norm_W1", "grad_norm_b1", "grad_norm_W2", "grad_norm_b2"]
    assert len(rows) == 1 + 41  # header, then iterations 0..N
    assert [int(r[0]) for r in rows[1:]] == list(range(41))
    model, layers = example("regression")
    expected, losses = numpy_descent(model, layers, 0.02, 40)
    np.testing.assert_allclose([float(r[1]) for r in rows[1:]], losses, rtol=1e-12)
    # row 0: the gradient norms of the model as given
    session = Session(model)
    session.run()
    norms = [float(v) for v in rows[1][2:]]
    np.testing.assert_allclose(norms, [np.linalg.norm(session.grad(p)) for p in ("W1", "b1", "W2", "b2")], rtol=1e-12)
    # the first and the last loss are printed
    assert f"iteration 0: loss {losses[0]!r}" in result.stdout
    last = [line for line in result.stdout.splitlines() if line.startswith("iteration 40: loss ")]
    assert len(last) == 1
    assert float(last[0].split()[-1]) == pytest.approx(losses[-1], rel=1e-12)
    # the trained model: parameters as value, everything else as it was
    document = json.loads(out.read_text(encoding="utf-8"))
    trained = load_model(out)
    for node in document["nodes"]:
        if node["op"] == "param":
            assert "value" in node
            assert "init" not in node
            assert "shape" not in node
    for p, want in expected.items():
        np.testing.assert_allclose(trained.value(p), want, rtol=1e-12, atol=1e-15)
    assert [s.label for s in trained.specs] == [s.label for s in model.specs]
    check = run_cli("check", out)
    assert check.returncode == 0, check.stdout


def test_momentum_from_the_command_line(tmp_path):
    out = tmp_path / "m.json"
    result = run_cli("train", EXAMPLES / "toy.json", "--steps", 30, "--lr", 0.05, "--momentum", 0.9, "--out", out)
    assert result.returncode == 0, result.stderr
    model, layers = example("toy")
    expected, _ = numpy_descent(model, layers, 0.05, 30, momentum=0.9)
    for p, want in expected.items():
        np.testing.assert_allclose(load_model(out).value(p), want, rtol=1e-12)


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (("--steps", 0, "--lr", 0.1), "--steps"),
        (("--steps", 1_000_001, "--lr", 0.1), "--steps"),
        (("--steps", "ten", "--lr", 0.1), "--steps"),
        (("--steps", 10, "--lr", 0), "--lr"),
        (("--steps", 10, "--lr", -0.5), "--lr"),
        (("--steps", 10, "--lr", "nan"), "--lr"),
        (("--steps", 10, "--lr", "inf"), "--lr"),
        (("--steps", 10, "--lr", "x"), "--lr"),
        (("--steps", 10), "--lr"),
        (("--steps", 10, "--lr", 0.1, "--momentum", 1), "--momentum"),
    ],
)
def test_bad_settings_exit_2_with_one_line(args, expected, tmp_path):
    out = tmp_path / "never.json"
    line = one_line_error(run_cli("train", EXAMPLES / "toy.json", *args, "--out", out), 2)
    assert expected in line
    assert not out.exists()


def test_bad_model_input_exits_2_naming_the_problem(tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "jacobian-explorer/model", "version": 1, "nodes": [{"id": "X", "op": "nope"}]}')
    line = one_line_error(run_cli("train", bad, "--steps", 5, "--lr", 0.1), 2)
    assert "'X'" in line
    assert "nope" in line
    line = one_line_error(run_cli("train", tmp_path / "missing.json", "--steps", 5, "--lr", 0.1), 2)
    assert "missing.json" in line


def test_an_unwritable_out_is_refused_before_training(tmp_path):
    line = one_line_error(
        run_cli("train", EXAMPLES / "toy.json", "--steps", 5, "--lr", 0.1, "--out", tmp_path / "no" / "x.json"), 2
    )
    assert "--out" in line


def test_divergence_exits_1_naming_the_iteration_and_node_and_writes_no_out(tmp_path):
    out, log = tmp_path / "out.json", tmp_path / "log.csv"
    result = run_cli("train", EXAMPLES / "toy.json", "--steps", 100, "--lr", 1000, "--out", out, "--log", log)
    line = one_line_error(result, 1)
    assert "iteration 3" in line  # worked out in tests/engine/test_train.py against a hand-written loop
    assert "'L'" in line
    assert not out.exists()
    rows = log.read_text(encoding="utf-8").splitlines()
    assert len(rows) == 1 + 3  # the finite rows, 0..2
    assert "nan" not in log.read_text(encoding="utf-8").lower()


def test_help_lists_train():
    result = run_cli("train", "--help")
    assert result.returncode == 0
    for option in ("--steps", "--lr", "--out", "--log", "--momentum"):
        assert option in result.stdout


def test_progress_goes_to_standard_error_on_a_terminal(tmp_path):
    pty = pytest.importorskip("pty")
    leader, follower = pty.openpty()
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1])}
    command = [sys.executable, "-m", "explorer", "train", str(EXAMPLES / "toy.json"), "--steps", "50", "--lr", "0.1"]
    try:
        result = subprocess.run(command, stdout=subprocess.PIPE, stderr=follower, env=env, check=False, timeout=300)
        os.close(follower)
        shown = b""
        while True:
            try:
                chunk = os.read(leader, 4096)
            except OSError:
                break
            if not chunk:
                break
            shown += chunk
    finally:
        os.close(leader)
    assert result.returncode == 0
    assert b"iteration 50/50" in shown  # the last row is always reported
    assert result.stdout.decode().startswith("iteration 0: loss 0.17162")


def test_a_snapshot_with_a_bad_step_is_refused_like_every_command_refuses_it(tmp_path):
    document = {
        "format": "jacobian-explorer/snapshot",
        "version": 1,
        "model": json.loads((EXAMPLES / "toy.json").read_text(encoding="utf-8")),
        "step": {"phase": "done", "index": 99, "total": 13},
    }
    snapshot = tmp_path / "snapshot.json"
    snapshot.write_text(json.dumps(document), encoding="utf-8")
    line = one_line_error(run_cli("train", snapshot, "--steps", "2", "--lr", "0.1", "--out", tmp_path / "t.json"), 2)
    assert "step index 99" in line
    assert not (tmp_path / "t.json").exists()


def test_a_file_name_with_a_line_break_or_an_escape_stays_on_one_escaped_line(tmp_path):
    folder = tmp_path / "a\nb"
    line = one_line_error(run_cli("train", EXAMPLES / "toy.json", "--steps", "1", "--lr", "0.1", "--out", folder / "z.json"), 2)
    assert "\\n" in line
    written = tmp_path / "t\x1b[31m.json"
    result = run_cli("train", EXAMPLES / "toy.json", "--steps", "1", "--lr", "0.1", "--out", written)
    assert result.returncode == 0, result.stderr
    assert "\x1b" not in result.stdout
    assert written.exists()
