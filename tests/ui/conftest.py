"""Fixtures for window tests: a main window on the lecture's toy network."""

import pytest

from explorer.engine import Session
from explorer.model.examples import toy_model


@pytest.fixture(params=["light", "dark"])
def themed(request):
    """Each theme in turn; the light one is back afterwards."""
    from explorer.ui.kit import theme
    chosen = theme.set_theme(request.param)
    yield chosen
    theme.set_theme("light")


@pytest.fixture
def app_folder(tmp_path_factory):
    """A folder of the test's own for settings and autosaves (not the test's tmp_path)."""
    return tmp_path_factory.mktemp("app")


@pytest.fixture
def settings(app_folder):
    """Settings in an INI file of the test's own, never the user's."""
    from explorer.ui.kit.settings import Settings

    return Settings(app_folder / "explorer.ini")


@pytest.fixture
def dialogs(settings):
    """The window's dialogs, answered from a script; warnings are recorded (``dialogs.warnings``)."""
    from tests.ui.scripted_dialogs import ScriptedDialogs

    return ScriptedDialogs(settings=settings)


@pytest.fixture
def window(qtbot, dialogs, settings, app_folder):
    from explorer.ui.shell.app import make_app, open_window

    make_app()
    win = open_window(Session(toy_model()), dialogs=dialogs, settings=settings, autosave_folder=app_folder / "autosave")
    # closed below, not by qtbot: closing asks about unsaved edits, answered "discard" here
    win.resize(1400, 900)
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.controller.pause()
    dialogs.answers.clear()
    if win.files.modified:  # the edits a test left
        dialogs.answer("unsaved_changes", "discard")
    win.close()
    win.deleteLater()


@pytest.fixture(autouse=True)
def _no_internal_errors():
    """Fail a test when an exception reached the window's guard (a slot, event filter or paint).

    Exceptions that reach ``sys.excepthook`` in a slot are pytest-qt's to catch
    (its capture is on: the test fails); the guard catches those in event
    filters and paint handlers before Qt sees them, and lists them here. A test
    that provokes one on purpose takes it off the list.
    """
    from explorer.ui.kit import guard
    guard.reported.clear()
    yield
    errors = list(guard.reported)
    guard.reported.clear()
    if errors:
        pytest.fail("internal errors reached the guard: " + "; ".join(guard.message(w, e) for w, e in errors))
