"""Pictures of the canvas, drawn off-screen."""

import os
import subprocess
import sys
import xml.etree.ElementTree as ET

import pytest
from PySide6.QtGui import QImage

from explorer import Session, load_model
from explorer.model.examples import toy_model
from explorer.resources import example_path
from explorer.ui.canvas.image import MARGIN, render_graph, scene_png, scene_svg
from explorer.ui.canvas.scene import GraphScene
from explorer.ui.kit import theme

SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture
def toy_session():
    return Session(toy_model())


@pytest.fixture
def light_theme():
    yield theme.set_theme("light")
    theme.set_theme("light")


@pytest.fixture
def dark_theme():
    yield theme.set_theme("dark")
    theme.set_theme("light")


def _image(png: bytes) -> QImage:
    image = QImage.fromData(png, "PNG")
    assert not image.isNull()
    return image


def _colours(image: QImage, stride: int = 3) -> set[int]:
    return {image.pixel(x, y) for y in range(0, image.height(), stride) for x in range(0, image.width(), stride)}


def _svg_texts(svg: bytes) -> list[str]:
    root = ET.fromstring(svg)
    assert root.tag == f"{SVG}svg"
    return ["".join(t.itertext()).strip() for t in root.iter(f"{SVG}text")]


def test_png_loads_is_not_blank_and_is_twice_the_scene(qapp, toy_session, light_theme):
    toy_session.run_forward()
    png, _ = render_graph(toy_session, scale=2.0)
    assert png.startswith(b"\x89PNG\r\n\x1a\n")
    image = _image(png)
    scene = GraphScene()
    scene.set_model(toy_session.model)
    scene.update_state(toy_session)
    rect = scene.itemsBoundingRect()
    assert image.width() == pytest.approx(2 * (rect.width() + 2 * MARGIN), abs=2)
    assert image.height() == pytest.approx(2 * (rect.height() + 2 * MARGIN), abs=2)
    assert len(_colours(image)) > 20
    # the corner is the theme's background
    assert image.pixelColor(1, 1).name() == theme.LIGHT.background.name()


def test_scale_sets_the_pixel_size(qapp, toy_session, light_theme):
    small = _image(render_graph(toy_session, scale=1.0)[0])
    large = _image(render_graph(toy_session, scale=3.0)[0])
    assert large.width() == pytest.approx(3 * small.width(), abs=3)


def test_png_shows_forward_blue_and_gradient_orange(qapp, toy_session, light_theme):
    start = _colours(_image(render_graph(toy_session, scale=1.0)[0]), stride=1)
    toy_session.run()
    end = _colours(_image(render_graph(toy_session, scale=1.0)[0]), stride=1)
    orange = theme.LIGHT.gradient.rgba()
    assert orange not in start
    assert orange in end


def test_dark_theme_paints_a_dark_background(qapp, toy_session, dark_theme):
    image = _image(render_graph(toy_session)[0])
    assert image.pixelColor(1, 1).name() == theme.DARK.background.name()


def test_svg_parses_and_holds_the_labels_as_text(qapp, toy_session):
    toy_session.run()
    _, svg = render_graph(toy_session)
    texts = _svg_texts(svg)
    for label in ("X", "H₁", "H₂", "Ŷ", "L", "W₁", "W₂", "W₃", "Y"):
        assert label in texts
    assert "H₁ (3, 1)" in texts
    assert "∂L/∂W₃" in texts


def test_svg_title_and_description_say_what_and_where(qapp, toy_session):
    toy_session.seek(2)
    _, svg = render_graph(toy_session)
    root = ET.fromstring(svg)
    assert root.find(f"{SVG}title").text == toy_session.model.name
    assert "2/11" in root.find(f"{SVG}desc").text


def test_scene_helpers_draw_a_scene_the_window_shows(qapp):
    session = Session(load_model(example_path("deep_sigmoid")))
    session.run()
    scene = GraphScene()
    scene.set_model(session.model)
    scene.update_state(session)
    scene.set_selected("W4")
    image = _image(scene_png(scene, 1.0))
    assert image.width() > 1200  # a long chain is folded into bands: the whole network, wider than tall
    assert image.height() > 600
    assert image.width() > image.height()
    texts = _svg_texts(scene_svg(scene, title="deep"))
    assert "A₇" in texts
    assert "∂L/∂A₇" in texts
    scene.clear()


def test_scale_must_be_positive(qapp):
    scene = GraphScene()
    scene.set_model(toy_model())
    with pytest.raises(ValueError, match="positive"):
        scene_png(scene, 0)
    scene.clear()


@pytest.mark.skipif(
    not sys.platform.startswith("linux"), reason="the off-screen default applies where a display may be missing"
)
def test_render_graph_makes_its_own_offscreen_application():
    script = (
        "from explorer import Session\n"
        "from explorer.model.examples import toy_model\n"
        "from explorer.ui.canvas.image import render_graph\n"
        "from PySide6.QtWidgets import QApplication\n"
        "png, svg = render_graph(Session(toy_model()), scale=1.0)\n"
        "assert QApplication.instance().platformName() == 'offscreen'\n"
        "print(len(png) > 1000, svg.lstrip().startswith(b'<?xml'))\n"
    )
    env = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY")}
    done = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["True", "True"]
