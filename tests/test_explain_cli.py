"""``jacobian-explorer explain`` (SPEC section 6) and ``export --code`` (SPEC section 7), as typed."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

import explorer.cli
from tests.cli_run import run_cli

EXAMPLES = Path(__file__).resolve().parents[1] / "resources" / "examples"
TOY = str(EXAMPLES / "toy.json")
# ∂L/∂W₁ of the toy by hand: X δ₁ᵀ with δ₁ = ∂L/∂H₁ = (−0.132, 0.07328, 0.1041)
GRAD_W1 = np.outer([1.0, 2.0, 3.0], [-0.132, 0.07328, 0.1041])


def test_explain_json_defaults_to_w1_at_the_end(capsys: pytest.CaptureFixture[str]) -> None:
    assert explorer.cli.main(["explain", TOY, "--format", "json"]) == 0
    out = capsys.readouterr().out
    obj = json.loads(out)
    assert out.count("\n") == 1  # one object, one line
    assert (obj["node"], obj["step"], obj["path"]) == ("W1", 11, ["L", "Yhat", "H2", "H1", "W1"])
    assert obj["vjp_numbers"] == 17
    np.testing.assert_allclose(obj["gradient"], GRAD_W1, rtol=1e-12)


@pytest.mark.parametrize("fmt", ["text", "markdown", "latex"])
def test_explain_formats(capsys: pytest.CaptureFixture[str], fmt: str) -> None:
    assert explorer.cli.main(["explain", TOY, "--node", "W3", "--format", fmt]) == 0
    out = capsys.readouterr().out
    assert "vector by matrix" in out  # ∂Ŷ/∂W₃, the lecture's category
    assert "0.12006" in out  # ∂L/∂w⁽³⁾₁₂ = δ₂ h⁽²⁾₁ = 0.522 × 0.23


def test_explain_a_node_mid_chain_at_its_backward_step(capsys: pytest.CaptureFixture[str]) -> None:
    assert explorer.cli.main(["explain", TOY, "--node", "H2", "--step", "8", "--format", "json"]) == 0
    obj = json.loads(capsys.readouterr().out)
    assert obj["path"] == ["L", "Yhat", "H2"]
    assert obj["step"] == 8
    np.testing.assert_allclose(obj["gradient"], [[-0.1054], [0.1812], [0.1586]], rtol=1e-12)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--node", "Q"], "no such node"),
        (["--step", "5"], "not known at step 5/11"),
        (["--node", "X"], "∂L/∂X is not computed: X is data marked \"requires_grad\": false"),
        (["--step", "99"], "outside"),
        (["--format", "yaml"], "invalid choice"),
    ],
)
def test_explain_refuses_with_one_line_and_status_2(args: list[str], message: str) -> None:
    result = run_cli("explain", TOY, *args)
    assert result.returncode == 2
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1
    assert message in lines[0]


def test_explain_bad_model_file_is_one_line(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    result = run_cli("explain", str(bad))
    assert result.returncode == 2
    assert len(result.stderr.strip().splitlines()) == 1
    assert "Traceback" not in result.stderr


def test_export_code_writes_the_scripts_and_handouts(tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = run_cli("export", TOY, "--out", str(out), "--code")
    assert result.returncode == 0, result.stderr
    for name in ("snapshot.json", "graph.png", "graph.svg", "model_numpy.py", "model_torch.py", "derivation.md",
                 "derivation.tex"):
        assert (out / name).is_file(), name
    run = subprocess.run(
        [sys.executable, "-I", str(out / "model_numpy.py"), "--json"], capture_output=True, text=True, timeout=120,
        check=True,
    )
    obj = json.loads(run.stdout)
    assert obj["loss"] == pytest.approx(0.5 * (0.266**2 + 0.522**2), rel=1e-12)
    np.testing.assert_allclose(obj["grad"]["W1"], GRAD_W1, rtol=1e-12)


def test_export_without_code_writes_no_scripts(tmp_path: Path) -> None:
    out = tmp_path / "plain"
    result = run_cli("export", TOY, "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert not (out / "model_numpy.py").exists()
