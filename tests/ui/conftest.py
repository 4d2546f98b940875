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


SHUTDOWN_MS = 10_000  # how long a window's own workers may take to stop once it is closed


def close_window(win) -> None:
    """Close ``win`` as a person would, unsaved edits discarded; fail if its own workers outlive it."""
    import shiboken6
    from PySide6.QtCore import QCoreApplication, QThreadPool

    if not shiboken6.isValid(win):  # the test deleted it
        return
    win.controller.pause()
    win.dialogs.answers.clear()
    if win.files.modified:  # the edits a test left
        win.dialogs.answer("unsaved_changes", "discard")
    win.close()
    QCoreApplication.processEvents()  # the loop turns once between a close and the deletion, as in the program
    pools = win.findChildren(QThreadPool)
    busy = [pool for pool in pools if not pool.waitForDone(SHUTDOWN_MS)]
    win.deleteLater()
    assert not busy, f"closing the window left {sum(p.activeThreadCount() for p in busy)} jobs running in its thread pools"


@pytest.fixture
def make_window(qtbot, settings, app_folder):
    """A factory of main windows: ``make_window(model_or_session=None, *answers, **options)``.

    The model (the lecture's toy network unless given; a model, a session or a
    bundled example's name) opens in a window of the test's own settings and
    autosave folder, with dialogs answered from ``answers`` (or ``dialogs=``).
    Options: ``path``, ``kind``, ``size`` (1400×900; None to keep the
    window's own), ``show`` (True: shown and exposed), ``autosave_folder``.
    Every window is closed (unsaved edits discarded), deleted and flushed at
    the end of the test; the leak check then finds none of its widgets.
    """
    from explorer.model import Model, load_model
    from explorer.resources import example_path
    from explorer.ui.shell.app import make_app, open_window
    from tests.ui.scripted_dialogs import ScriptedDialogs

    made = []

    def make(model=None, *answers, dialogs=None, path=None, kind="model", size=(1400, 900), show=True,
             autosave_folder=None):
        make_app()
        if model is None:
            model = toy_model()
        elif isinstance(model, str):
            model = load_model(example_path(model))
        session = Session(model) if isinstance(model, Model) else model
        if dialogs is None:
            dialogs = ScriptedDialogs(*answers, settings=settings)
        win = open_window(session, path, kind, dialogs=dialogs, settings=settings,
                          autosave_folder=autosave_folder or app_folder / "autosave")
        made.append(win)
        if size is not None:
            win.resize(*size)
        if show:
            win.show()
            qtbot.waitExposed(win)
        return win

    yield make
    failures = []
    for win in made:
        try:
            close_window(win)
        except AssertionError as failure:
            failures.append(str(failure))
    from tests.conftest import flush_deletes

    flush_deletes()
    assert not failures, "; ".join(failures)


@pytest.fixture
def window(make_window, dialogs):
    """A main window on the lecture's toy network, 1400×900, shown; dialogs answered from ``dialogs``."""
    return make_window(dialogs=dialogs)


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


@pytest.fixture
def fill_disk(monkeypatch):
    """``fill_disk()``: from now on the disk takes half of each write through the door, then is full (ENOSPC)."""
    from explorer.model import door

    real_write = door.os.write

    def full_disk(descriptor, data):
        if len(data) > 1:
            return real_write(descriptor, bytes(data[: len(data) // 2]))
        raise OSError(28, "No space left on device")

    return lambda: monkeypatch.setattr(door.os, "write", full_disk)
