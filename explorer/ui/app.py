"""Starting the window, and rendering it off-screen for the ``screenshot`` command."""

from __future__ import annotations

import os
import sys

from PySide6.QtCore import QBuffer, QIODevice, Qt, QtMsgType, qInstallMessageHandler
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from ..engine import Session
from ..examples import toy_model
from ..resources import example_path, resources_dir
from .controller import Controller
from .guard import install_excepthook
from .main_window import READABLE_ZOOM
from .theme import apply_palette, set_theme, themes

__all__ = ["apply_palette", "make_app", "open_window", "run_window", "screenshot"]


def _load_fonts() -> None:
    """Bundled Korean glyphs (NanumSquare, OFL) so 순전파 and 역전파 never show as boxes."""
    fonts = resources_dir() / "fonts"
    for path in sorted(fonts.glob("*.ttf")):
        QFontDatabase.addApplicationFont(str(path))
    families = QFont.substitutes(QApplication.font().family())
    if "NanumSquare" not in families:
        QFont.insertSubstitution(QApplication.font().family(), "NanumSquare")


_QUIET = ("This plugin does not support propagateSizeHints",)  # the offscreen platform's chatter


def _message_handler(mode: QtMsgType, context: object, message: str) -> None:
    """Qt's messages to standard error, less the offscreen platform's harmless notices."""
    if not message.startswith(_QUIET):
        sys.stderr.write(message + "\n")


def make_app(argv: list[str] | None = None, quiet: bool = False) -> QApplication:
    """The application object, created once, with fonts and palette.

    ``quiet`` (for the commands) drops the offscreen platform's notices from
    standard error; tests keep Qt's handler so that a warning fails them. An
    exception escaping a slot is reported in the window's status bar and the
    program keeps running (:mod:`explorer.ui.guard`; under pytest-qt, whose
    hook is already in place, it fails the test instead).
    """
    install_excepthook()
    app = QApplication.instance()
    if app is None:
        if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY") and sys.platform.startswith("linux"):
            os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        if quiet and os.environ.get("QT_QPA_PLATFORM") == "offscreen":
            qInstallMessageHandler(_message_handler)
        app = QApplication(argv or [sys.argv[0]])
        app.setApplicationName("Jacobian Explorer")
        app.setOrganizationName("Jacobian Explorer")
        font = app.font()
        font.setPointSizeF(max(font.pointSizeF(), 10.5))
        app.setFont(font)
    assert isinstance(app, QApplication)
    _load_fonts()
    themes().apply_choice(themes().choice)  # "system" follows the platform's scheme from now on
    apply_palette(app)
    return app


def open_window(session: Session, path: str | None = None, kind: str = "model"):  # noqa: ANN201
    from .main_window import MainWindow

    controller = Controller(session.model, path, kind=kind)
    controller.session = session  # before any view exists, so nothing to tell
    window = MainWindow(controller)
    controller.setParent(window)  # one lifetime: the window owns its controller
    return window


def run_window(path: str | None = None) -> int:
    """Open the window on a model or snapshot file, or on the lecture's toy network."""
    from .controller import open_document

    app = make_app(quiet=True)
    session, kind = open_document(path) if path else (Session(toy_model()), "model")
    window = open_window(session, path or str(example_path("toy")), kind)
    if path is None:
        window.controller.select("W3")
    window.show()
    window.view.fit_to_view(READABLE_ZOOM)
    return app.exec()


def screenshot(
    session: Session,
    select: str | None = None,
    size: tuple[int, int] = (1400, 900),
    title_path: str | None = None,
    tab: int | None = None,
    theme: str = "light",
) -> bytes:
    """The whole main window, rendered off-screen, as PNG bytes."""
    set_theme(theme)
    app = make_app(quiet=True)
    app.setProperty("explorer_no_dialogs", True)
    window = open_window(session, title_path)
    if tab is not None:
        window.inspector.tabs.setCurrentIndex(tab)
    window.resize(*size)
    window.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen, True)
    window.show()
    if select is not None:
        window.controller.select(select)
    elif session.current is not None:
        window.controller.select(session.current.node)
    app.processEvents()
    window.view.fit_to_view(READABLE_ZOOM)
    if session.current is not None:
        window.view.follow(window.scene.node_items[session.current.node])
    app.processEvents()
    image = window.grab().toImage()
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    window.close()
    window.deleteLater()
    app.processEvents()
    return bytes(buffer.data().data())
