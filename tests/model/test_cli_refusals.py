"""The command line on hostile model files: exit 2 with one line, never a traceback or a hang."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.cli_run import run_cli

from .test_bad_input import node, toy_document

ROOT = Path(__file__).resolve().parents[2]


def run(*args):
    return run_cli(*args, cwd=ROOT)


def run_process(*args, timeout: float = 60.0) -> subprocess.CompletedProcess:
    """In a Python of its own, for a file that could make a reader wait forever (a pipe, a device): a hang fails."""
    env = dict(os.environ, PYTHONPATH=str(ROOT), QT_QPA_PLATFORM="offscreen")
    return subprocess.run([sys.executable, "-m", "explorer", *map(str, args)], capture_output=True, text=True,
                          timeout=timeout, env=env, cwd=ROOT)


MAY_HANG = {"device-link", "pipe"}


def hostile_files(tmp_path) -> dict:
    files = {}
    doc = toy_document()
    node(doc, "W2")["label"] = "W\ud800"
    files["surrogate"] = json.dumps(doc)
    doc = toy_document()
    doc["nodes"][0]["value"] = [[1.0], ["@"], [3.0]]
    files["huge-integer"] = json.dumps(doc).replace('"@"', "1" + "0" * 5000)
    doc = toy_document()
    node(doc, "H1")["pos"] = [1e308, 0]
    files["far-position"] = json.dumps(doc)
    doc = toy_document()
    node(doc, "W2")["id"] = "W\n2"
    files["newline-id"] = json.dumps(doc)
    paths = {}
    for name, text in files.items():
        paths[name] = tmp_path / f"{name}.json"
        paths[name].write_text(text, encoding="utf-8")
    paths["device-link"] = tmp_path / "zero.json"
    paths["device-link"].symlink_to("/dev/zero")
    paths["pipe"] = tmp_path / "pipe.json"
    os.mkfifo(paths["pipe"])
    return paths


KINDS = ["surrogate", "huge-integer", "far-position", "newline-id", "device-link", "pipe"]


@pytest.mark.parametrize("command", ["check", "export"])
def test_hostile_files_exit_2_with_one_line(tmp_path, command):
    paths = hostile_files(tmp_path)
    for kind in KINDS:
        out = tmp_path / f"out-{kind}"
        runner = run_process if kind in MAY_HANG else run
        result = runner(command, paths[kind], *(["--out", out] if command == "export" else []))
        assert result.returncode == 2, (kind, result.stderr[-500:])
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1, (kind, result.stderr[-500:])
        assert "Traceback" not in result.stderr
        assert not out.exists()
