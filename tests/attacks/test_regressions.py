"""Bugs the attack corpus found, each kept fixed."""

from __future__ import annotations

import json
import re
import warnings

import pytest

from explorer.engine import Session
from explorer.model import ModelError, model_from_dict
from explorer.model.io import parse_json
from tests.cli_run import run_cli

from .corpus import node, toy
from .harness import ROOT, png_size


def test_a_canvas_spread_to_the_position_limit_still_exports_a_picture():
    """Nodes at ±100,000 (inside the limit) made a 400,000-pixel-wide PNG that Qt could not make: exit 3."""
    from explorer.ui.canvas.image import ensure_app, render_graph

    ensure_app()
    doc = toy()
    for k, item in enumerate(doc["nodes"]):
        item["pos"] = [(-1) ** k * 100_000.0, 100_000.0 * (k % 2)]
    session = Session(model_from_dict(doc))
    session.run()
    png, svg = render_graph(session)
    width, height = png_size(png)
    assert width <= 8192
    assert height <= 8192
    assert width * height <= 32_000_000
    view_width, view_height = (float(v) for v in re.search(rb'viewBox="0 0 ([\d.]+) ([\d.]+)"', svg).groups())
    assert view_width > 200_000  # the drawing itself keeps its size
    assert view_height > 100_000
    assert abs(width / height - view_width / view_height) < 0.01  # smaller, not squashed


def test_a_lone_surrogate_in_a_node_names_the_node():
    doc = toy()
    node(doc, "W2")["label"] = "W\ud800"
    with pytest.raises(ModelError) as caught:
        parse_json(json.dumps(doc), "model.json")
    assert caught.value.node == "W2"
    assert str(caught.value).startswith("node 'W2': model.json holds a lone UTF-16 surrogate")


def _cli(*args: str):
    return run_cli(*args, cwd=ROOT)


def test_a_file_name_with_a_line_break_and_an_escape_is_printed_on_one_escaped_line(tmp_path):
    """``--out`` went into the messages as it was: "wrote … to DIR" took two lines and coloured the terminal."""
    toy_file = ROOT / "resources" / "examples" / "toy.json"
    folder = tmp_path / "out\n\x1b[31mred"
    done = _cli("export", str(toy_file), "--out", str(folder))
    assert done.returncode == 0, done.stderr
    assert done.stdout.count("\n") == 1
    assert "\x1b" not in done.stdout
    assert "\\n\\x1b[31mred" in done.stdout
    assert (folder / "snapshot.json").is_file()
    refused = _cli("export", str(toy_file), "--out", "/proc/no\nsuch/\x1b[2J")
    assert refused.returncode == 2
    assert refused.stderr.count("\n") == 1
    assert "\x1b" not in refused.stderr
    shot = tmp_path / "shot\n\x1b[2J.png"
    done = _cli("screenshot", str(toy_file), "--out", str(shot))
    assert done.returncode == 0, done.stderr
    assert done.stdout.count("\n") == 1
    assert "\x1b" not in done.stdout
    assert png_size(shot.read_bytes())[0] >= 1400


@pytest.mark.parametrize("init", [
    {"kind": "normal", "std": 1e308, "seed": 1},
    {"kind": "normal", "std": 1e308, "mean": 1e308, "seed": 1},
    {"kind": "uniform", "low": -1.7e308, "high": 1.7e308, "seed": 1},
])
def test_an_init_past_the_float_range_is_refused_without_a_numpy_warning(init):
    """std 1e308 made the loader print numpy's "overflow encountered in multiply" before refusing."""
    doc = toy()
    w3 = node(doc, "W3")
    del w3["value"]
    w3.update(shape=[3, 2], init=init)
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # a RuntimeWarning fails the test
        with pytest.raises(ModelError) as caught:
            model_from_dict(doc)
    assert caught.value.node == "W3"
    assert "non-finite" in str(caught.value)
