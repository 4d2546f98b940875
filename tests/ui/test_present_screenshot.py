"""``jacobian-explorer screenshot ... --present``: the window in presentation mode, its caption at 28 px and more."""

import pytest
from PySide6.QtCore import QRect
from PySide6.QtGui import QFontInfo, QImage
from PySide6.QtWidgets import QApplication

from explorer.cli import main
from explorer.resources import example_path
from tests.ui.test_present import ink_rows


@pytest.mark.parametrize(("theme", "language"), [("light", "en"), ("dark", "ko")])
def test_screenshot_present_draws_the_caption_large_and_leaves_the_application_as_it_was(
    tmp_path, monkeypatch, theme, language
):
    from explorer.ui.shell.main_window import MainWindow

    seen = {}
    grab = MainWindow.grab

    def recording_grab(window, *args):
        caption = window.classroom.presentation.caption
        seen["rect"] = QRect(caption.mapTo(window, caption.rect().topLeft()), caption.size())
        seen["pixels"] = QFontInfo(caption.font()).pixelSize()
        seen["text"] = caption.text()
        seen["visible"] = caption.isVisible()
        return grab(window, *args)

    monkeypatch.setattr(MainWindow, "grab", recording_grab)
    out = tmp_path / "present.png"
    args = ["screenshot", str(example_path("toy")), "--out", str(out), "--size", "1280x720", "--step", "7",
            "--select", "W3", "--tab", "breakdown", "--theme", theme, "--language", language, "--present"]  # fmt: skip
    if QApplication.instance():
        from explorer.ui.shell.app import make_app

        make_app()  # the application's own fonts (bundled families) first: the mode must leave them as they are
    app_font = QApplication.font().toString() if QApplication.instance() else None
    assert main(args) == 0
    image = QImage(str(out))
    assert (image.width(), image.height()) == (1280, 720)
    assert seen["visible"]
    assert seen["text"] == "∂L/∂W₃ = H₂ · δᵀ"
    assert seen["pixels"] >= 28
    top, bottom = ink_rows(image, seen["rect"])
    assert bottom - top + 1 >= 28, f"the caption's text is {bottom - top + 1} pixels high in the PNG"
    if app_font is not None:
        assert QApplication.font().toString() == app_font  # the mode was left: nothing else grows


def test_screenshot_without_present_has_no_caption(tmp_path, monkeypatch):
    from explorer.ui.shell.main_window import MainWindow

    seen = {}
    grab = MainWindow.grab

    def recording_grab(window, *args):
        seen["caption"] = window.classroom.presentation.caption
        return grab(window, *args)

    monkeypatch.setattr(MainWindow, "grab", recording_grab)
    assert main(["screenshot", str(example_path("toy")), "--out", str(tmp_path / "plain.png"), "--size", "1280x720"]) == 0
    assert seen["caption"] is None
