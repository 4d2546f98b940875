"""The command line (SPEC section 4), run in this process (:mod:`tests.cli_run`); a new Python only
where the test is about the process (a terminal, resource limits, no display).

Expected numbers for the toy network are worked out by hand in ``TOY``
below, not taken from the program.
"""

import json
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

import explorer.cli
import explorer.cli.check
from explorer.engine import GradCheckRow
from tests.cli_run import run_cli

EXAMPLES = Path(__file__).resolve().parents[1] / "resources" / "examples"
TOY_PATH = EXAMPLES / "toy.json"
EXAMPLE_NAMES = sorted(p.stem for p in EXAMPLES.glob("*.json"))

# The toy network by hand: X = (1, 2, 3)ᵀ, H1 = W1ᵀX, H2 = W2ᵀH1, Ŷ = W3ᵀH2,
# δ = Ŷ − Y, L = ½ Σ δ², ∂L/∂W3 = H2 δᵀ, ∂L/∂H2 = W3 δ.
TOY = {
    "H1": [[0.7], [0.0], [0.4]],
    "H2": [[0.23], [0.16], [-0.35]],
    "Yhat": [[0.234], [0.022]],
    "delta": [[-0.266], [0.522]],
    "loss": 0.5 * (0.266**2 + 0.522**2),  # 0.17162
    "grad_W3": [[-0.06118, 0.12006], [-0.04256, 0.08352], [0.0931, -0.1827]],
    "grad_H2": [[-0.1054], [0.1812], [0.1586]],
    "W1": [[0.1, -0.2, 0.3], [0.0, 0.1, -0.1], [0.2, 0.0, 0.1]],
}
TOY_IDS = ["X", "W1", "H1", "W2", "H2", "W3", "Yhat", "Y", "L"]
TOY_LEAVES = {"X", "W1", "W2", "W3", "Y"}
TOY_STEPS = 11  # 4 op nodes forward, then 7 nodes backward (X and Y are data: "requires_grad": false)
# d(node)/d(input) has shape node.shape + input.shape (output indices first).
TOY_JACOBIAN_SHAPES = {
    "H1": {"X": [3, 1, 3, 1], "W1": [3, 1, 3, 3]},
    "H2": {"H1": [3, 1, 3, 1], "W2": [3, 1, 3, 3]},
    "Yhat": {"H2": [2, 1, 3, 1], "W3": [2, 1, 3, 2]},
    "L": {"Yhat": [2, 1], "Y": [2, 1]},
}


def export(model, out: Path, *extra) -> dict:
    """Run ``export`` successfully and return the parsed snapshot.json."""
    result = run_cli("export", model, "--out", out, *extra)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    return json.loads((out / "snapshot.json").read_text(encoding="utf-8"))


def assert_one_line_error(result) -> str:
    """Exit status 2 and exactly one line on stderr, no traceback; returns the line."""
    assert result.returncode == 2, (result.stdout, result.stderr)
    assert "Traceback" not in result.stderr
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("jacobian-explorer: ")
    return lines[0]


def example_leaf_ids(name: str, ops: tuple[str, ...]) -> list[str]:
    """Ids of the nodes with these ops, read straight from the example file."""
    nodes = json.loads((EXAMPLES / f"{name}.json").read_text(encoding="utf-8"))["nodes"]
    return [n["id"] for n in nodes if n["op"] in ops]


# -- help and check --------------------------------------------------------------


def test_help_exits_0():
    result = run_cli("--help")
    assert result.returncode == 0
    for command in ("export", "check", "screenshot"):
        assert command in result.stdout
    assert result.stderr == ""


@pytest.mark.parametrize("name", EXAMPLE_NAMES)
def test_check_passes_on_every_example(name):
    result = run_cli("check", EXAMPLES / f"{name}.json")
    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    separator = next(i for i, line in enumerate(lines) if line.startswith("─"))
    assert lines[separator - 1].split()[:2] == ["node", "op"]  # the header
    rows = [line.split() for line in lines[separator + 1 :] if not line.startswith(("loss", "ok:"))]
    # one row per parameter and per input whose gradient is asked for (targets are not checked), each ending in "ok";
    # the examples mark their inputs "requires_grad": false
    assert sorted(row[0] for row in rows) == sorted(example_leaf_ids(name, ("param",)))
    assert all(row[-1] == "ok" for row in rows)
    assert lines[-1].startswith(f"ok: all {len(rows)} gradients agree")


def test_check_prints_the_toy_loss():
    result = run_cli("check", TOY_PATH)
    assert "loss 0.17162" in result.stdout.splitlines()


def test_check_exits_1_when_a_gradient_differs(monkeypatch, capsys):
    rows = [
        GradCheckRow("X", "input", (3, 1), 3, 3, 1e-11, True),
        GradCheckRow("W1", "param", (3, 3), 9, 9, 0.5, False),
    ]
    monkeypatch.setattr(explorer.cli.check, "check_gradients", lambda model, **options: rows)
    assert explorer.cli.main(["check", str(TOY_PATH)]) == 1
    out = capsys.readouterr().out.splitlines()
    assert next(line for line in out if line.startswith("W1 ")).endswith("FAIL")
    assert next(line for line in out if line.startswith("X ")).endswith("ok")
    assert out[-1] == "FAIL: W1 differ from central finite differences"


# -- bad input ----------------------------------------------------------------------


def _toy_with(change) -> str:
    doc = json.loads(TOY_PATH.read_text(encoding="utf-8"))
    change({n["id"]: n for n in doc["nodes"]})
    return json.dumps(doc)


BAD_FILES = {
    "bad-json": ('{"format": "jacobian-explorer/model", "nodes": [', ["not valid JSON", "line 1"]),
    "unknown-op": (_toy_with(lambda n: n["H1"].update(op="conv2d")), ["node 'H1'", "unknown op 'conv2d'"]),
    "shape-mismatch": (
        _toy_with(lambda n: n["W2"].update(value=[[1.0, 0.0], [0.0, 1.0]])),
        ["node 'H2'", "W2 (2, 2)", "H1 (3, 1)"],
    ),
    "nan": (_toy_with(lambda n: n["Y"].update(value=[[float("nan")], [0.0]])), ["holds NaN", "not a finite number"]),
}


@pytest.mark.parametrize("command", ["export", "check"])
@pytest.mark.parametrize("kind", sorted(BAD_FILES))
def test_bad_input_exits_2_with_one_line(tmp_path, command, kind):
    text, words = BAD_FILES[kind]
    bad = tmp_path / "bad.json"
    bad.write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    result = run_cli(command, bad, *(["--out", out] if command == "export" else []))
    line = assert_one_line_error(result)
    for word in words:
        assert word in line
    assert not out.exists()
    assert result.stdout == ""


def test_missing_model_file_exits_2(tmp_path):
    line = assert_one_line_error(run_cli("check", tmp_path / "nowhere.json"))
    assert "cannot read" in line
    assert "nowhere.json" in line


def test_unknown_option_exits_2(tmp_path):
    line = assert_one_line_error(run_cli("export", TOY_PATH, "--out", tmp_path / "out", "--colour", "red"))
    assert "--colour" in line
    assert not (tmp_path / "out").exists()


def test_step_past_the_end_exits_2(tmp_path):
    out = tmp_path / "out"
    line = assert_one_line_error(run_cli("export", TOY_PATH, "--out", out, "--step", 999))
    assert "--step 999" in line
    assert f"0…{TOY_STEPS}" in line
    assert not out.exists()


# -- export ---------------------------------------------------------------------------


def test_export_writes_a_snapshot_as_in_the_spec(tmp_path):
    snap = export(TOY_PATH, tmp_path / "out")

    assert snap["format"] == "jacobian-explorer/snapshot"
    assert snap["version"] == 1
    assert snap["step"] == {"phase": "done", "index": TOY_STEPS, "total": TOY_STEPS}
    assert snap["loss"] == pytest.approx(TOY["loss"], rel=1e-12)

    model = snap["model"]
    assert model["format"] == "jacobian-explorer/model"
    assert model["version"] == 1
    assert [n["id"] for n in model["nodes"]] == TOY_IDS
    for raw in model["nodes"]:
        assert ("value" in raw) == (raw["id"] in TOY_LEAVES), raw["id"]
    assert next(n for n in model["nodes"] if n["id"] == "W1")["value"] == TOY["W1"]

    # every node has a value at the end, and a gradient but for the data (X and Y: "requires_grad": false)
    nodes = snap["nodes"]
    assert set(nodes) == set(TOY_IDS)
    for node_id, entry in nodes.items():
        assert set(entry) == {"value", "grad"}
        assert entry["value"] is not None, node_id
        assert (entry["grad"] is None) == (node_id in ("X", "Y")), node_id
    assert [n.get("requires_grad") for n in model["nodes"] if n["op"] in ("input", "target")] == [False, False]
    np.testing.assert_allclose(nodes["H1"]["value"], TOY["H1"], atol=1e-12)
    np.testing.assert_allclose(nodes["H2"]["value"], TOY["H2"], atol=1e-12)
    np.testing.assert_allclose(nodes["Yhat"]["value"], TOY["Yhat"], atol=1e-12)
    assert nodes["L"]["value"] == pytest.approx(TOY["loss"], rel=1e-12)
    assert nodes["L"]["grad"] == 1.0
    np.testing.assert_allclose(nodes["Yhat"]["grad"], TOY["delta"], atol=1e-12)
    np.testing.assert_allclose(nodes["H2"]["grad"], TOY["grad_H2"], atol=1e-12)
    np.testing.assert_allclose(nodes["W3"]["grad"], TOY["grad_W3"], atol=1e-12)
    assert np.array(nodes["W1"]["grad"]).shape == (3, 3)


def test_export_writes_every_jacobian_with_its_shape(tmp_path):
    jacobians = export(TOY_PATH, tmp_path / "out")["jacobians"]
    assert {node: set(entries) for node, entries in jacobians.items()} == {
        node: set(shapes) for node, shapes in TOY_JACOBIAN_SHAPES.items()
    }
    for node, shapes in TOY_JACOBIAN_SHAPES.items():
        for wrt, shape in shapes.items():
            entry = jacobians[node][wrt]
            assert entry["shape"] == shape, (node, wrt)
            assert np.array(entry["value"]).shape == tuple(shape), (node, wrt)


def test_exported_jacobians_have_the_right_numbers(tmp_path):
    jacobians = export(TOY_PATH, tmp_path / "out")["jacobians"]
    # ∂ŷ_i/∂W3[k, j] = H2[k] when j == i, else 0: the lecture's (∂y1/∂W, ∂y2/∂W).
    d_yhat_d_w3 = np.array(jacobians["Yhat"]["W3"]["value"])
    h2 = np.array(TOY["H2"])[:, 0]
    np.testing.assert_allclose(d_yhat_d_w3[0, 0], np.column_stack([h2, np.zeros(3)]), atol=1e-12)
    np.testing.assert_allclose(d_yhat_d_w3[1, 0], np.column_stack([np.zeros(3), h2]), atol=1e-12)
    # ∂H1/∂X = W1ᵀ for one sample: [i, 0, k, 0] = W1[k, i]
    d_h1_d_x = np.array(jacobians["H1"]["X"]["value"])
    np.testing.assert_allclose(d_h1_d_x[:, 0, :, 0], np.array(TOY["W1"]).T, atol=0)
    # ½ SSE: ∂L/∂Ŷ = δ and ∂L/∂Y = −δ
    np.testing.assert_allclose(jacobians["L"]["Yhat"]["value"], TOY["delta"], atol=1e-12)
    np.testing.assert_allclose(jacobians["L"]["Y"]["value"], -np.array(TOY["delta"]), atol=1e-12)


def test_export_at_step_3_is_in_the_forward_pass(tmp_path):
    snap = export(TOY_PATH, tmp_path / "out", "--step", 3)
    assert snap["step"] == {"phase": "forward", "index": 3, "total": TOY_STEPS}
    assert snap["loss"] is None
    nodes = snap["nodes"]
    assert set(nodes) == set(TOY_IDS)
    assert all(entry["grad"] is None for entry in nodes.values())
    # three forward steps computed H1, H2 and Ŷ; the loss is not reached yet
    reached = {node for node, entry in nodes.items() if entry["value"] is not None}
    assert reached == TOY_LEAVES | {"H1", "H2", "Yhat"}
    np.testing.assert_allclose(nodes["Yhat"]["value"], TOY["Yhat"], atol=1e-12)
    assert {node: {wrt: e["shape"] for wrt, e in entries.items()} for node, entries in snap["jacobians"].items()} == (
        TOY_JACOBIAN_SHAPES
    )


def test_export_at_step_0_has_only_the_leaves(tmp_path):
    snap = export(TOY_PATH, tmp_path / "out", "--step", 0)
    assert snap["step"] == {"phase": "forward", "index": 0, "total": TOY_STEPS}
    reached = {node for node, entry in snap["nodes"].items() if entry["value"] is not None}
    assert reached == TOY_LEAVES


def test_a_snapshot_passed_back_restores_its_step(tmp_path):
    first = export(TOY_PATH, tmp_path / "first", "--step", 6)
    assert first["step"] == {"phase": "backward", "index": 6, "total": TOY_STEPS}
    again = export(tmp_path / "first" / "snapshot.json", tmp_path / "again")
    assert again["step"] == first["step"]
    assert again["nodes"] == first["nodes"]
    assert again["model"] == first["model"]


def test_a_step_0_snapshot_passed_back_stays_at_step_0(tmp_path):
    export(TOY_PATH, tmp_path / "first", "--step", 0)
    again = export(tmp_path / "first" / "snapshot.json", tmp_path / "again")
    assert again["step"] == {"phase": "forward", "index": 0, "total": TOY_STEPS}


def test_a_snapshot_passed_back_with_a_step_moves_there(tmp_path):
    export(TOY_PATH, tmp_path / "first", "--step", 6)
    moved = export(tmp_path / "first" / "snapshot.json", tmp_path / "moved", "--step", 2)
    assert moved["step"] == {"phase": "forward", "index": 2, "total": TOY_STEPS}


def test_export_fills_in_the_values_of_init_made_params(tmp_path):
    snap = export(EXAMPLES / "deep_sigmoid.json", tmp_path / "out")
    params = {n["id"]: n for n in snap["model"]["nodes"] if n["op"] == "param"}
    assert sorted(params) == [f"W{i}" for i in range(1, 9)]
    for node_id, raw in params.items():
        expected_shape = (4, 2) if node_id == "W8" else (4, 4)
        assert np.array(raw["value"]).shape == expected_shape, node_id
        assert raw["init"]["kind"] == "normal"
        assert raw["value"] == snap["nodes"][node_id]["value"]


def test_export_writes_the_graph_images(tmp_path):
    out = tmp_path / "out"
    export(TOY_PATH, out)
    assert (out / "graph.png").read_bytes().startswith(b"\x89PNG\r\n\x1a\n")
    svg = (out / "graph.svg").read_text(encoding="utf-8")
    assert "<svg" in svg
    assert "W1" in svg or "W₁" in svg


def test_window_without_a_display_exits_2_with_advice():
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    result = subprocess.run([sys.executable, "-m", "explorer"], capture_output=True, text=True, env=env, timeout=60)
    if not sys.platform.startswith("linux"):
        pytest.skip("the display check is for Linux")
    assert result.returncode == 2
    assert "no display" in result.stderr
    assert "screenshot" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


# -- overflow, kinks and large leaves in check (issue 6, items 6, 7, 8) ---------------------


def _write_model(path: Path, nodes: list) -> Path:
    path.write_text(json.dumps({"format": "jacobian-explorer/model", "version": 1, "nodes": nodes}), encoding="utf-8")
    return path


def overflowing_model(tmp_path: Path) -> Path:
    """H1 = W1ᵀX with X = (1e300, 1) and W1[0, 0] = 1e10: the first forward step overflows."""
    return _write_model(
        tmp_path / "overflow.json",
        [
            {"id": "X", "op": "input", "value": [[1e300], [1.0]]},
            {"id": "W1", "op": "param", "value": [[1e10, 1.0], [1.0, 1.0]]},
            {"id": "H1", "op": "linear", "label": "H₁", "inputs": {"x": "X", "w": "W1"}},
            {"id": "Y", "op": "target", "value": [[0.0], [0.0]]},
            {"id": "L", "op": "half_sse", "inputs": {"pred": "H1", "target": "Y"}},
        ],
    )


def kinked_model(tmp_path: Path) -> Path:
    """X = (1, 2) and W1's first column (1, −0.5): H1[0] = 0 exactly, at relu's kink."""
    return _write_model(
        tmp_path / "kink.json",
        [
            {"id": "X", "op": "input", "value": [[1.0], [2.0]]},
            {"id": "W1", "op": "param", "value": [[1.0, 0.5], [-0.5, 0.25]]},
            {"id": "H1", "op": "linear", "inputs": {"x": "X", "w": "W1"}},
            {"id": "A1", "op": "relu", "inputs": {"x": "H1"}},
            {"id": "W2", "op": "param", "value": [[1.0], [2.0]]},
            {"id": "Yhat", "op": "linear", "inputs": {"x": "A1", "w": "W2"}},
            {"id": "Y", "op": "target", "value": [[-1.0]]},
            {"id": "L", "op": "half_sse", "inputs": {"pred": "Yhat", "target": "Y"}},
        ],
    )


@pytest.mark.parametrize("command", ["check", "export", "screenshot"])
def test_an_overflow_exits_2_naming_the_step_and_node(tmp_path, command):
    out = tmp_path / ("shot.png" if command == "screenshot" else "out")
    extra = [] if command == "check" else ["--out", out]
    result = run_cli(command, overflowing_model(tmp_path), *extra)
    line = assert_one_line_error(result)  # one line: no numpy RuntimeWarning, no traceback
    assert line == "jacobian-explorer: forward step 1/7: H₁ (H1) overflowed to infinity (its inputs reach 1e+300)"
    assert "FAIL" not in result.stdout
    assert not out.exists()


def test_check_at_a_relu_kink_passes_and_says_why(tmp_path):
    result = run_cli("check", kinked_model(tmp_path))
    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    assert "X: 2 of 2 elements at a kink: finite differences do not apply" in lines
    assert "W1: 2 of 4 elements at a kink: finite differences do not apply" in lines
    assert not any(line.startswith("W2:") for line in lines)
    assert "FAIL" not in result.stdout
    assert result.stderr == ""


def test_check_at_a_kink_still_fails_a_wrong_gradient(tmp_path, monkeypatch, capsys):
    import dataclasses

    from explorer.ops import OPS

    relu = OPS["relu"]
    wrong = {"x": lambda a, out, g: g * (a["x"] >= 0)}  # claims slope 1 at the kink... and is right elsewhere
    linear = OPS["linear"]
    wrong_w = {**linear.vjp, "w": lambda a, out, g: 1.01 * (a["x"] @ g.T)}
    monkeypatch.setitem(OPS, "relu", dataclasses.replace(relu, vjp=wrong))
    monkeypatch.setitem(OPS, "linear", dataclasses.replace(linear, vjp=wrong_w))
    assert explorer.cli.main(["check", str(kinked_model(tmp_path))]) == 1
    out = capsys.readouterr().out.splitlines()
    assert next(line for line in out if line.startswith("W2 ")).endswith("FAIL")
    assert out[-1].startswith("FAIL: W1, W2")


def test_check_says_how_many_elements_it_samples(tmp_path):
    # X of 300 numbers is past the 256 a leaf is checked at
    model = _write_model(
        tmp_path / "wide.json",
        [
            {"id": "X", "op": "input", "value": [[0.01 * i] for i in range(300)]},
            {"id": "W", "op": "param", "shape": [300, 2], "init": {"kind": "normal", "std": 0.1, "seed": 3}},
            {"id": "H", "op": "linear", "inputs": {"x": "X", "w": "W"}},
            {"id": "Y", "op": "target", "value": [[0.0], [1.0]]},
            {"id": "L", "op": "half_sse", "inputs": {"pred": "H", "target": "Y"}},
        ],
    )
    result = run_cli("check", model)
    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    assert "X: sampling 256 of 300 elements" in lines
    assert "W: sampling 256 of 600 elements" in lines
    assert result.stderr == ""  # no progress when standard error is not a terminal


def test_check_shows_progress_on_a_terminal(tmp_path):
    import pty

    leader, follower = pty.openpty()
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    try:
        result = subprocess.run(
            [sys.executable, "-m", "explorer", "check", str(TOY_PATH)],
            stdout=subprocess.PIPE, stderr=follower, env=env, timeout=60, check=False,
        )
        os.close(follower)
        seen = b""
        while True:
            try:
                chunk = os.read(leader, 4096)
            except OSError:
                break
            if not chunk:
                break
            seen += chunk
    finally:
        os.close(leader)
    assert result.returncode == 0
    text = seen.decode()
    assert "checking W1: 9/9 elements" in text
    assert "checking W3: 6/6 elements" in text
    assert "checking" not in result.stdout.decode()


# -- export all or nothing, and never too large (issue 6, items 6 and 10) ----------------------


def test_export_fills_a_full_disk_with_nothing(tmp_path):
    """A file-size limit makes graph.png fail after snapshot.json was written: nothing may be left."""
    import resource
    import signal

    def small_files():
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails with EFBIG instead
        resource.setrlimit(resource.RLIMIT_FSIZE, (12_000, 12_000))

    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    out = tmp_path / "deep" / "out"
    command = [sys.executable, "-m", "explorer", "export", str(TOY_PATH), "--out", str(out)]
    result = subprocess.run(command, capture_output=True, text=True, env=env, preexec_fn=small_files, check=False)
    line = assert_one_line_error(result)
    assert "cannot write" in line
    assert "nothing was written" in line
    assert list(tmp_path.iterdir()) == []  # not out, not its parent, no temporary folder


def test_export_keeps_an_older_export_when_it_fails(tmp_path):
    import resource
    import signal

    out = tmp_path / "out"
    export(TOY_PATH, out, "--step", 3)
    before = {p.name: p.read_bytes() for p in out.iterdir()}

    def small_files():
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (12_000, 12_000))

    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    command = [sys.executable, "-m", "explorer", "export", str(TOY_PATH), "--out", str(out)]
    result = subprocess.run(command, capture_output=True, text=True, env=env, preexec_fn=small_files, check=False)
    assert_one_line_error(result)
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before  # still the step-3 set, whole
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]


def test_export_into_an_unwritable_place_leaves_nothing(tmp_path):
    if not Path("/proc/self").is_dir():
        pytest.skip("needs /proc, where nobody can make a folder")
    line = assert_one_line_error(run_cli("export", TOY_PATH, "--out", "/proc/jacobian-explorer-out"))
    assert "cannot write to /proc/jacobian-explorer-out" in line
    assert not Path("/proc/jacobian-explorer-out").exists()


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only folders")
def test_export_under_a_read_only_folder_leaves_nothing(tmp_path):
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        line = assert_one_line_error(run_cli("export", TOY_PATH, "--out", locked / "out"))
        assert "cannot write" in line
        assert list(locked.iterdir()) == []
    finally:
        locked.chmod(0o700)


def test_export_onto_an_existing_file_refuses_and_keeps_it(tmp_path):
    target = tmp_path / "out"
    target.write_text("precious", encoding="utf-8")
    line = assert_one_line_error(run_cli("export", TOY_PATH, "--out", target))
    assert "not a folder" in line
    assert target.read_text(encoding="utf-8") == "precious"
    assert [p.name for p in tmp_path.iterdir()] == ["out"]


def test_export_too_large_for_the_loader_is_refused_up_front(tmp_path, monkeypatch, capsys):
    import explorer.export.snapshot as snapshot

    # at the end the toy's snapshot holds 194 numbers (152 Jacobians and leaves, 9 op values, 33 gradients:
    # X and Y are data and have none);
    # at 5 bytes each at least, they pass a 700-byte limit before anything is computed
    monkeypatch.setattr(snapshot, "MAX_SNAPSHOT_BYTES", 700)
    monkeypatch.setattr(snapshot.Session, "jacobian", lambda *a: pytest.fail("computed a Jacobian"))
    assert explorer.cli.main(["export", str(TOY_PATH), "--out", str(tmp_path / "out")]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "snapshot.json would hold 194 numbers, about " in err
    assert "over 700 bytes could not be opened again" in err
    assert list(tmp_path.iterdir()) == []


def test_export_growing_too_large_while_written_leaves_nothing(tmp_path, monkeypatch, capsys):
    import explorer.export.snapshot as snapshot

    # an estimate that falls short: the stream itself stops at the limit, half-way through the file
    monkeypatch.setattr(snapshot, "estimate_bytes", lambda *a: 0)
    monkeypatch.setattr(snapshot, "MAX_SNAPSHOT_BYTES", 2_000)
    assert explorer.cli.main(["export", str(TOY_PATH), "--out", str(tmp_path / "out")]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "grew past" in err
    assert list(tmp_path.iterdir()) == []


def test_the_real_snapshot_limit_is_the_loaders_512_mib():
    import explorer.export.snapshot as snapshot

    assert snapshot.MAX_SNAPSHOT_BYTES == 512 * 1024 * 1024


# -- screenshot never reports an empty picture (item 12) -------------------------------------


@pytest.mark.parametrize("picture", [b"", b"not a png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 40])
def test_screenshot_of_a_broken_picture_exits_2_and_writes_nothing(tmp_path, monkeypatch, capsys, picture):
    import explorer.ui.shell.app

    monkeypatch.setattr(explorer.ui.shell.app, "screenshot", lambda *a, **k: picture)
    out = tmp_path / "shot.png"
    assert explorer.cli.main(["screenshot", str(TOY_PATH), "--out", str(out)]) == 2
    captured = capsys.readouterr()
    assert captured.err.count("\n") == 1
    assert "could not be drawn" in captured.err
    assert "wrote" not in captured.out
    assert not out.exists()


def test_screenshot_of_the_wrong_size_exits_2(tmp_path, monkeypatch, capsys, qapp):
    from PySide6.QtCore import QBuffer, QIODevice
    from PySide6.QtGui import QImage

    import explorer.ui.shell.app

    image = QImage(700, 300, QImage.Format.Format_RGB32)
    image.fill(0xFF336699)
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    monkeypatch.setattr(explorer.ui.shell.app, "screenshot", lambda *a, **k: bytes(buffer.data().data()))
    out = tmp_path / "shot.png"
    assert explorer.cli.main(["screenshot", str(TOY_PATH), "--out", str(out), "--size", "1400x900"]) == 2
    assert "700×300, not 1400×900" in capsys.readouterr().err
    assert not out.exists()


# -- the window on a machine without Qt's X11 libraries (item 14) ---------------------------------


def test_the_window_without_xcb_libraries_names_them_and_exits_2(monkeypatch, capsys):
    import explorer.cli.platform_check
    import explorer.ui.shell.app

    monkeypatch.setenv("DISPLAY", ":0")
    monkeypatch.delenv("QT_QPA_PLATFORM", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    monkeypatch.setattr(explorer.cli.platform_check, "_loads", lambda name: name not in ("libxcb-icccm.so.4", "libxcb-keysyms.so.1"))
    monkeypatch.setattr(explorer.ui.shell.app, "run_window", lambda *a: pytest.fail("opened the window"))
    assert explorer.cli.main([]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "libxcb-icccm.so.4, libxcb-keysyms.so.1" in err
    assert "sudo apt-get install libxcb-icccm4 libxcb-keysyms1" in err


def test_an_internal_error_is_still_one_line(monkeypatch, capsys):
    monkeypatch.setattr(explorer.cli.check, "check_gradients", lambda *a, **k: [][1])
    assert explorer.cli.main(["check", str(TOY_PATH)]) == 3
    err = capsys.readouterr().err
    assert err == "jacobian-explorer: internal error: IndexError: list index out of range\n"
