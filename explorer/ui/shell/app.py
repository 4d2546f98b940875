"""Starting the window, and rendering it off-screen for the ``screenshot`` command.

The program's start shows its window before the document's modules are
imported (numpy, networkx, the engine: most of the start's time): this
module and the window's own (:mod:`.main_window`) import them where they are
used, and a test keeps it so (``tests/ui/test_startup_imports.py``).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QBuffer, QEvent, QIODevice, Qt, QtMsgType, qInstallMessageHandler
from PySide6.QtWidgets import QApplication, QWidget

from explorer.resources import example_path
from explorer.ui.kit import first_frame
from explorer.ui.kit.dialogs import Dialogs
from explorer.ui.kit.guard import install_excepthook
from explorer.ui.kit.settings import APPLICATION, ORGANIZATION, Settings
from explorer.ui.kit.theme import apply_choice, apply_fonts, apply_palette, set_theme, themes
from explorer.ui.shell.document_view import READABLE_ZOOM
from explorer.ui.shell.main_window import MainWindow
from explorer.ui.text.i18n import ensure_recorder, install_translator
from explorer.ui.text.plain import one_line

if TYPE_CHECKING:
    from explorer.engine import Session

__all__ = ["apply_palette", "make_app", "open_window", "run_window", "screenshot"]


_QUIET = ("This plugin does not support propagateSizeHints",)  # the offscreen platform's chatter


def _message_handler(mode: QtMsgType, context: object, message: str) -> None:
    """Qt's messages to standard error, less the offscreen platform's harmless notices."""
    if not message.startswith(_QUIET):
        sys.stderr.write(message + "\n")


def make_app(argv: list[str] | None = None, quiet: bool = False, language: str | None = None) -> QApplication:
    """The application object, created once, with fonts, palette and (given ``language``) translations.

    ``quiet`` (for the commands) drops the offscreen platform's notices from
    standard error; tests keep Qt's handler so that a warning fails them. An
    exception escaping a slot is reported in the window's status bar and the
    program keeps running (:mod:`explorer.ui.kit.guard`; under pytest-qt, whose
    hook is already in place, it fails the test instead). ``language``
    (``"system"``, ``"en"``, ``"ko"``) installs the catalogue before any
    window is built; None leaves the translators as they are.
    """
    install_excepthook()
    app = QApplication.instance()
    if app is None:
        if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY") and sys.platform.startswith("linux"):
            os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        if quiet and os.environ.get("QT_QPA_PLATFORM") == "offscreen":
            qInstallMessageHandler(_message_handler)
        app = QApplication(argv or [sys.argv[0]])
        app.setApplicationName(APPLICATION)
        app.setOrganizationName(ORGANIZATION)
        font = app.font()
        font.setPointSizeF(max(font.pointSizeF(), 10.5))
        app.setFont(font)
    assert isinstance(app, QApplication)
    if language is not None:
        install_translator(language, app)
    ensure_recorder(app)  # English texts are remembered too: the language can change while the window is open
    apply_fonts(app)  # bundled glyphs: the signs (DejaVu Sans Condensed) and Hangul (NanumSquare)
    themes().apply_choice(themes().choice)  # "system" follows the platform's scheme from now on
    apply_palette(app)
    return app


def open_window(
    session: Session,
    path: str | None = None,
    kind: str = "model",
    dialogs: Dialogs | None = None,
    settings: Settings | None = None,
    autosave_folder: Path | None = None,
) -> MainWindow:
    """A main window over ``session`` (see :class:`MainWindow` for the other parameters)."""
    from explorer.ui.document.controller import Controller

    controller = Controller(session.model, path, kind=kind)
    controller.session = session  # before any view exists, so nothing to tell
    window = MainWindow(controller, dialogs=dialogs, settings=settings, autosave_folder=autosave_folder)
    controller.setParent(window)  # one lifetime: the window owns its controller
    return window


def apply_theme_choice(choice: str, app: QApplication) -> None:
    """Show the theme ``choice`` ("system", "light", "dark") in the whole application; "system" follows the desktop."""
    apply_choice(choice)
    apply_palette(app)


def run_window(path: str | None = None, reset_settings: bool = False) -> int:
    """Open the window on a model or snapshot file, or on the lecture's toy network.

    Settings are read (or first forgotten, with ``reset_settings``) before
    the window is built: the language is installed, the theme chosen. An
    autosave left by a crashed explorer is offered (Recover / Discard).

    A file named is read before any window shows (a file that cannot be
    opened is said on standard error, and no window opens). The toy network
    is opened in a window already on the screen: its first frame says
    "Opening…" (:meth:`MainWindow.opening`), and the document's modules are
    imported after it.
    """
    settings = Settings()
    if reset_settings:
        settings.reset()
    app = make_app(quiet=True, language=settings.language)
    apply_theme_choice(settings.theme, app)
    folder, autosave_problem = _usable_autosave_folder()
    problems = [p for p in (settings.problem, autosave_problem) if p]
    if path is None:
        window = MainWindow.opening(settings)
        _fit_first_start(window, settings)
        first_frame.hold(window)
        window.show()
        failed: list[Exception] = []  # the toy could not be read (a damaged install): said as a bad file is
        first_frame.after_first_frame(window, lambda: _open_toy(window, folder, problems, failed))
        status = app.exec()
        if failed:
            raise failed[0]
        return status
    window = _open_file(path, settings, folder)
    first_frame.hold(window)  # the start's heatmap and remembered docks are drawn once the window is on the screen
    _fit_first_start(window, settings)
    window.show()
    _ready(window, problems)
    return app.exec()


def _open_file(path: str, settings: Settings, folder: Path | None) -> MainWindow:
    """A window over the model, snapshot or exercise file at ``path`` (read first: a bad file raises)."""
    from explorer.practice.items import looks_like_exercises, read_exercises
    from explorer.ui.document.controller import open_document

    exercises = read_exercises(path) if looks_like_exercises(path) else None  # practice starts on them
    if exercises is None:
        session, kind = open_document(path)
        return open_window(session, path, kind, settings=settings, autosave_folder=folder)
    from explorer.engine import Session
    from explorer.model.examples import toy_model

    window = open_window(Session(toy_model()), None, "model", settings=settings, autosave_folder=folder)
    window.practice.start_exercises(exercises)
    return window


def _open_toy(window: MainWindow, folder: Path | None, problems: list[str], failed: list[Exception]) -> None:
    """The opening window's document: the lecture's toy network, W₃ selected.

    If the toy cannot be read, the window closes and the error is kept in ``failed`` (for the command
    line to say, as it says a bad file named).
    """
    from explorer.engine import Session
    from explorer.model.errors import ModelError
    from explorer.model.examples import toy_model
    from explorer.ui.document.controller import Controller

    if not window.isVisible():  # closed while it was opening
        return
    try:
        session, home = Session(toy_model()), str(example_path("toy"))
    except (ModelError, OSError) as error:
        failed.append(error)
        window.close()  # the last window: the event loop ends
        return
    controller = Controller(session.model, home, kind="model")
    controller.session = session
    window.build(controller, autosave_folder=folder)
    controller.setParent(window)
    window.controller.select("W3")
    _ready(window, problems)


def _fit_first_start(window: MainWindow, settings: Settings) -> None:
    """A first start on a small screen: the window fits it."""
    screen = window.screen().availableGeometry() if window.screen() is not None else None
    if not settings.geometry and screen is not None:
        window.resize(min(window.width(), screen.width()), min(window.height(), screen.height()))


def _ready(window: MainWindow, problems: list[str]) -> None:
    """A started window shown with its document: fitted, told what was set aside, offered the recoveries."""
    window.view.fit_to_view(READABLE_ZOOM)
    for problem in problems:  # what could not be used was set aside; the window opens all the same
        sys.stderr.write(f"jacobian-explorer: {one_line(problem, 400)}\n")
    if problems:
        window.statusBar().showMessage(one_line(" · ".join(problems), 400), 30_000)
    window.files.offer_recoveries()


def _usable_autosave_folder() -> tuple[Path | None, str | None]:
    """The autosave folder if it can be used (None: autosave is off), and what was wrong with it, in one line."""
    from explorer.model.door import is_folder, kind_of
    from explorer.ui.document.autosave import autosave_folder, check_autosave_folder

    try:
        folder = autosave_folder()
    except (OSError, RuntimeError, ValueError):
        return None, None
    problem = check_autosave_folder(folder)
    usable = kind_of(folder) is None or (is_folder(folder) and os.access(folder, os.W_OK | os.X_OK))
    return (folder if usable else None), problem


def screenshot(
    session: Session,
    select: str | None = None,
    size: tuple[int, int] = (1400, 900),
    title_path: str | None = None,
    tab: int | None = None,
    theme: str = "light",
    language: str = "en",
    present: bool = False,
) -> bytes:
    """The whole main window, rendered off-screen, as PNG bytes.

    The window gets throw-away settings and no autosave; a refused edit or
    other warning goes to the status bar only (:class:`QuietDialogs`).
    ``present`` draws it in presentation mode (:mod:`explorer.ui.shell.present`),
    at ``size`` rather than on the whole screen, and leaves the mode afterwards.
    """
    set_theme(theme)
    app = make_app(quiet=True, language=language)
    window = open_window(session, title_path, dialogs=QuietDialogs())
    if tab is not None:
        window.inspector.tabs.setCurrentIndex(tab)
    window.resize(*size)
    window.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen, True)
    window.show()
    if select is not None:
        window.controller.select(select)
    elif session.current is not None:
        window.controller.select(session.current.node)
    presentation = window.classroom.presentation
    from explorer.ui.shell.present import PRESENT_ZOOM

    if present:
        presentation.enter(full_screen=False)
        # the inspector's tabs were built for the mode: their placeholder lines go now, as the event loop would
        app.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    app.processEvents()
    window.view.fit_to_view(PRESENT_ZOOM if present else READABLE_ZOOM)
    app.processEvents()  # the layout settles (a resize refits the canvas) before it follows the step
    if session.current is not None:
        window.view.follow(window.scene.node_items[session.current.node])
    app.processEvents()
    image = window.grab().toImage()
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")  # type: ignore[call-overload]  # the stub says bytes; PySide6 takes only str here
    presentation.leave()  # the application's font and theme as they were
    window.close()
    scratch = getattr(window, "_scratch", None)  # the throw-away settings' folder goes with the window
    if scratch is not None:
        scratch.cleanup()
    window.deleteLater()
    app.processEvents()
    return bytes(buffer.data().data())


class QuietDialogs(Dialogs):
    """For a window nobody sits at (the screenshot command): warnings stay in the status bar."""

    def warn(self, parent: QWidget | None, text: str) -> None:
        """Nothing: the window has put ``text`` in its status bar already."""
