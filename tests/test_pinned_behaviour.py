"""What users rely on, pinned as literal numbers and pixels (so a change of behaviour fails a test).

- The snapshot's Jacobian limit: a Jacobian of exactly 1,000,000 elements is
  written with its values; past it, ``null`` with a reason. 1,000,001 itself
  cannot be reached with dimensions of at most 4096 (1,000,001 = 101 × 9,901),
  so the first size past the limit that a model can have, 1,000,004
  (53 · 1 · 356 · 53), stands for it.
- Round trips: a snapshot at step 0, mid-pass and at the very end reopens at
  its step, through ``load_session`` and through ``export`` of the snapshot.
- What the eye sees: grey for a node not reached, blue for a value, orange for
  a gradient, the accent ring for the current node, sampled on the PNG that
  ``export`` draws; and graph.png is twice the size of graph.svg.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from explorer.engine import Session
from explorer.export.snapshot import load_session, snapshot_dict, snapshot_text
from explorer.model import model_from_dict
from explorer.model.examples import toy_model
from tests.attacks.harness import png_size

ROOT = Path(__file__).resolve().parents[1]


def one_layer(n_in: int, n_out: int) -> dict:
    """X (n_in, 1) → Yhat = Wᵀ X with W (n_in, n_out) → half_sse: dYhat/dW has n_out · 1 · n_in · n_out elements."""
    return {
        "format": "jacobian-explorer/model", "version": 1, "name": "one layer",
        "nodes": [
            {"id": "X", "op": "input", "value": [[(k % 7) / 7 - 0.5] for k in range(n_in)]},
            {"id": "W", "op": "param", "shape": [n_in, n_out], "init": {"kind": "normal", "std": 0.1, "seed": 3}},
            {"id": "Yhat", "op": "linear", "inputs": {"x": "X", "w": "W"}},
            {"id": "Y", "op": "target", "value": [[0.0]] * n_out},
            {"id": "L", "op": "half_sse", "inputs": {"pred": "Yhat", "target": "Y"}},
        ],
    }


# -- the snapshot's 1,000,000-element Jacobian limit ------------------------------------------------------------


def test_a_jacobian_of_exactly_1_000_000_elements_is_written_with_its_values():
    session = Session(model_from_dict(one_layer(400, 50)))
    session.run()
    entry = snapshot_dict(session)["jacobians"]["Yhat"]["W"]
    assert entry["shape"] == [50, 1, 400, 50]
    assert 50 * 1 * 400 * 50 == 1_000_000
    assert "reason" not in entry
    value = np.array(entry["value"])
    assert value.shape == (50, 1, 400, 50)
    # dYhat[i, 0] / dW[k, j] = x[k] when i == j, else 0: built here from X alone, not from the engine
    x = np.array([(k % 7) / 7 - 0.5 for k in range(400)])
    expected = np.zeros((50, 1, 400, 50))
    for i in range(50):
        expected[i, 0, :, i] = x
    np.testing.assert_allclose(value, expected, rtol=0, atol=1e-15)


def test_a_jacobian_past_1_000_000_elements_is_null_with_a_reason():
    session = Session(model_from_dict(one_layer(356, 53)))
    session.run()
    document = snapshot_dict(session)
    entry = document["jacobians"]["Yhat"]["W"]
    assert entry["shape"] == [53, 1, 356, 53]
    assert 53 * 1 * 356 * 53 == 1_000_004
    assert entry["value"] is None
    assert "1,000,004" in entry["reason"]
    assert "1,000,000" in entry["reason"]
    # its neighbour under the limit is still there
    assert np.array(document["jacobians"]["Yhat"]["X"]["value"]).shape == (53, 1, 356, 1)


def test_the_first_size_past_the_limit_a_model_can_have_is_1_000_004():
    """1,000,001 … 1,000,003 have no split into two factors of at most 4096, so no Jacobian has them."""
    def splits(n):
        return [a for a in range(1, 4097) if n % a == 0 and n // a <= 4096]

    assert [splits(n) for n in (1_000_001, 1_000_002, 1_000_003)] == [[], [], []]
    assert splits(1_000_004)


# -- round trips at the boundaries -------------------------------------------------------------------------------


def _positions() -> list[int]:
    total = Session(toy_model()).total
    assert total == 11  # the lecture's toy: 4 forward steps, 7 backward (X and Y are data: no step)
    return [0, 6, 11]


@pytest.mark.parametrize("position", _positions())
def test_a_snapshot_reopens_at_its_step(tmp_path, position):
    session = Session(toy_model())
    session.seek(position)
    path = tmp_path / "snapshot.json"
    path.write_text(snapshot_text(session), encoding="utf-8")
    reopened = load_session(path)
    assert reopened.position == position
    assert reopened.phase == {0: "forward", 6: "backward", 11: "done"}[position]
    for node in session.model.order:
        for mine, theirs in [(session.value(node), reopened.value(node)), (session.grad(node), reopened.grad(node))]:
            assert (mine is None) == (theirs is None), node
            if mine is not None:
                np.testing.assert_array_equal(mine, theirs)


def _export(model: Path, out: Path, *args: str) -> dict:
    env = dict(os.environ, PYTHONPATH=str(ROOT), QT_QPA_PLATFORM="offscreen")
    done = subprocess.run([sys.executable, "-m", "explorer", "export", str(model), "--out", str(out), *args],
                          capture_output=True, text=True, timeout=120, env=env)
    assert done.returncode == 0, done.stderr
    return json.loads((out / "snapshot.json").read_text(encoding="utf-8"))


def test_export_of_an_exported_snapshot_stays_at_its_step(tmp_path):
    model = ROOT / "resources" / "examples" / "toy.json"
    for position in _positions():
        first = _export(model, tmp_path / f"first-{position}", "--step", str(position))
        second = _export(tmp_path / f"first-{position}" / "snapshot.json", tmp_path / f"second-{position}")
        assert first["step"]["index"] == position
        assert second["step"] == first["step"]
        assert second["nodes"] == first["nodes"]
        assert second["loss"] == first["loss"]
    assert first["step"] == {"phase": "done", "index": 11, "total": 11}
    # the picture is twice the size of the drawing it comes from
    svg = (tmp_path / "second-11" / "graph.svg").read_text(encoding="utf-8")
    width, height = (float(v) for v in re.search(r'viewBox="0 0 ([\d.]+) ([\d.]+)"', svg).groups())
    assert png_size((tmp_path / "second-11" / "graph.png").read_bytes()) == (2 * width, 2 * height)


# -- what the eye sees -------------------------------------------------------------------------------------------

#: What each colour must look like, whatever the theme's exact shade: (hue range in degrees, least saturation).
HUES = {"blue": ((200, 230), 0.45), "orange": ((20, 40), 0.6), "purple": ((260, 290), 0.35)}


def _hue(rgb) -> tuple[float, float]:
    from PySide6.QtGui import QColor

    color = QColor(*rgb)
    return color.hsvHueF() * 360, color.hsvSaturationF()


def _assert_looks(colour: str, rgb: tuple[int, int, int], node: str) -> None:
    """``rgb`` is recognisably ``colour`` (its hue in the range, saturated enough), whatever the exact shade."""
    (low, high), least = HUES[colour]
    hue, saturation = _hue(rgb)
    assert low <= hue <= high, f"{node}: {colour} expected, got {rgb} (hue {hue:.0f}°)"
    assert saturation >= least, f"{node}: {colour} expected, got {rgb} (saturation {saturation:.2f})"


def _state_pixels(session) -> dict[str, dict[str, tuple[int, int, int]]]:
    """For every node, the pixels of the exported PNG at its border, its fill and its accent ring."""
    from PySide6.QtGui import QImage

    from explorer.ui.canvas.image import MARGIN, render_graph
    from explorer.ui.canvas.scene import GraphScene

    png, _ = render_graph(session)
    image = QImage.fromData(png, "PNG")
    scene = GraphScene()  # the same layout as the picture, for where each box is
    scene.set_model(session.model)
    scene.update_state(session)
    source = scene.itemsBoundingRect().adjusted(-MARGIN, -MARGIN, MARGIN, MARGIN)
    scale = image.width() / source.width()
    assert scale == pytest.approx(2.0, abs=0.01)

    def pixel(point) -> tuple[int, int, int]:
        color = image.pixelColor(round((point.x() - source.left()) * scale), round((point.y() - source.top()) * scale))
        return color.red(), color.green(), color.blue()

    from PySide6.QtCore import QPointF

    found = {}
    for node, item in scene.node_items.items():
        box = item.mapRectToScene(item.box())
        middle = box.center().y()
        found[node] = {
            "state": item.state,
            "border": pixel(QPointF(box.left(), middle)),
            "fill": pixel(QPointF(box.left() + 8, middle)),
            "ring": pixel(QPointF(box.left() - 4.5, middle)),
        }
    scene.clear()
    return found


def _close(rgb, color, tolerance: int = 24) -> bool:
    return max(abs(a - b) for a, b in zip(rgb, (color.red(), color.green(), color.blue()), strict=True)) <= tolerance


@pytest.mark.parametrize("position", [0, 3, 9])
def test_each_node_state_has_its_colour_on_the_exported_picture(themed, position):
    session = Session(toy_model())
    session.seek(position)
    pixels = _state_pixels(session)
    # the toy at these steps: 0 nothing computed; 3 Ŷ's value being computed; 9 W2's gradient, H2 … L done
    states = {node: p["state"] for node, p in pixels.items()}
    expected = {
        0: {"H1": "idle", "H2": "idle", "Yhat": "idle", "L": "idle", "X": "value", "W1": "value"},
        3: {"H1": "value", "H2": "value", "Yhat": "current", "L": "idle"},
        9: {"W2": "current", "H2": "grad", "W3": "grad", "L": "grad", "H1": "value"},
    }[position]
    assert {node: states[node] for node in expected} == expected
    for node, p in pixels.items():
        state = p["state"]
        if state == "idle":
            assert _close(p["border"], themed.idle_border), (node, p)
            assert _close(p["fill"], themed.panel), (node, p)
            red, green, blue = p["border"]
            assert max(red, green, blue) - min(red, green, blue) <= 24, f"{node}: grey, not {p['border']}"
        elif state == "value":
            assert _close(p["border"], themed.forward), (node, p)
            assert _close(p["fill"], themed.forward_fill), (node, p)
            _assert_looks("blue", p["border"], node)
        elif state == "grad":
            assert _close(p["border"], themed.gradient), (node, p)
            assert _close(p["fill"], themed.gradient_fill), (node, p)
            _assert_looks("orange", p["border"], node)
        else:
            assert state == "current"
            assert _close(p["ring"], themed.current), (node, p)
            _assert_looks("purple", p["ring"], node)
        if state != "current":  # no accent ring around the others
            assert not _close(p["ring"], themed.current), (node, p)


@pytest.fixture(params=["light", "dark"])
def themed(request):
    """Each theme in turn; the light one is back afterwards."""
    from explorer.ui.canvas.image import ensure_app
    from explorer.ui.kit import theme

    ensure_app()
    chosen = theme.set_theme(request.param)
    yield chosen
    theme.set_theme("light")
