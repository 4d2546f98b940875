"""The screenshot command renders the whole window off-screen."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from tests.cli_run import run_cli as run

EXAMPLES = Path(__file__).resolve().parents[2] / "resources" / "examples"


def run_without_a_display(*args):
    # as a person types it on a machine without a display: the command picks the offscreen platform itself
    env = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY")}
    return subprocess.run([sys.executable, "-m", "explorer", *map(str, args)], capture_output=True, text=True,
                          env=env, timeout=120)


def assert_a_window_picture(out):
    image = QImage(str(out))
    assert (image.width(), image.height()) == (1400, 900)
    colours = {image.pixel(x, y) for x in range(0, 1400, 7) for y in range(0, 900, 7)}
    assert len(colours) > 50  # a real window: text, nodes, a heatmap


@pytest.mark.parametrize(("step", "select", "tab"), [("0", "X", "value"), ("9", "W3", "breakdown"), ("11", "H1", "derivation")])
def test_screenshot_writes_a_window_sized_non_blank_png(qapp, tmp_path, step, select, tab):
    out = tmp_path / "window.png"
    result = run("screenshot", EXAMPLES / "toy.json", "--out", out, "--step", step, "--select", select, "--tab", tab)
    assert result.returncode == 0, result.stderr
    assert_a_window_picture(out)


def test_the_installed_command_draws_without_a_display_and_says_nothing(qapp, tmp_path):
    out = tmp_path / "window.png"
    result = run_without_a_display("screenshot", EXAMPLES / "toy.json", "--out", out, "--select", "W3", "--tab", "breakdown")
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""  # no platform chatter in a command's output
    assert_a_window_picture(out)


def test_screenshot_of_an_unknown_node_exits_2(tmp_path):
    result = run("screenshot", EXAMPLES / "toy.json", "--out", tmp_path / "x.png", "--select", "nope")
    assert result.returncode == 2
    assert "nope" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert not (tmp_path / "x.png").exists()


def test_select_takes_a_label_as_well_as_an_id():
    from explorer.cli import screenshot as cli
    from explorer.model.examples import toy_model

    model = toy_model()
    assert cli._node_named(model, "Yhat") == "Yhat"
    assert cli._node_named(model, "Ŷ") == "Yhat"
    assert cli._node_named(model, "W₃") == "W3"
    with pytest.raises(cli.UsageError, match="Ŷ"):  # the refusal lists the labels the user sees
        cli._node_named(model, "nope")


def test_screenshot_selects_a_node_by_its_label(tmp_path):
    out = tmp_path / "window.png"
    result = run("screenshot", EXAMPLES / "toy.json", "--out", out, "--select", "Ŷ")
    assert result.returncode == 0, result.stderr
    assert QImage(str(out)).width() == 1400
