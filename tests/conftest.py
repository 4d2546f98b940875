"""Test configuration: Qt runs off-screen, hypothesis is deterministic, no test leaks a thread or a window."""

import gc
import os
import sys
import tempfile
import threading

import pytest

os.environ["QT_QPA_PLATFORM"] = "offscreen"  # before anything imports Qt
# the platform's settings store and autosave folder: a folder of this run's own, never the user's
_HOME = tempfile.mkdtemp(prefix="explorer-tests-")
os.environ["XDG_CONFIG_HOME"] = os.path.join(_HOME, "config")
os.environ["XDG_DATA_HOME"] = os.path.join(_HOME, "data")

from hypothesis import HealthCheck, settings  # noqa: E402

settings.register_profile(
    "default", derandomize=True, database=None, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.load_profile("default")

THREAD_END_MS = 30_000  # how long a thread a test started may take to notice it is over
#: How long a wait on a condition or a signal may take before it fails. It ends as soon as what it waits
#: for happens, so a long limit costs nothing when all is well; pytest-qt's 5 s fail on a loaded machine.
WAIT_MS = 60_000


def _patient_qtbot() -> None:
    from pytestqt.qtbot import QtBot

    for wait in (QtBot.waitUntil, QtBot.waitSignal, QtBot.waitSignals, QtBot.waitExposed, QtBot.waitActive):
        wait.__kwdefaults__["timeout"] = WAIT_MS


_patient_qtbot()


def _qt_app():
    """The QApplication when a test has made one; None otherwise (and Qt is never imported here)."""
    if "PySide6.QtWidgets" not in sys.modules:
        return None
    from PySide6.QtWidgets import QApplication

    return QApplication.instance()


def flush_deletes() -> None:
    """Run the pending ``deleteLater`` calls now, as the event loop would (no loop runs in a test)."""
    from PySide6.QtCore import QCoreApplication, QEvent

    for _ in range(3):  # a deletion may post further ones (a window's docks, their plots)
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        QCoreApplication.processEvents()
    gc.collect()  # parentless widgets held by Python objects alone (pyqtgraph's menus) go with them
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def _live_threads() -> set[threading.Thread]:
    # Qt's pool threads that ran Python code show up as dummy threads that never leave the list
    return {t for t in threading.enumerate() if t.is_alive() and not isinstance(t, threading._DummyThread)}


def _address(widget) -> int:
    import shiboken6

    return shiboken6.getCppPointer(widget)[0]


def _top_level_widgets() -> set[int]:
    app = _qt_app()
    if app is None:
        return set()
    return {_address(w) for w in app.topLevelWidgets()}


def _wait_until(done, ms: int) -> bool:
    """Poll ``done`` for up to ``ms``, running Qt's events in between when there is an application."""
    import time

    deadline = time.monotonic() + ms / 1000
    while not done():
        if time.monotonic() > deadline:
            return False
        if _qt_app() is not None:
            from PySide6.QtCore import QCoreApplication

            QCoreApplication.processEvents()
        threading.Event().wait(0.01)
    return True


@pytest.fixture(autouse=True)
def _no_leaks(request):
    """Fail a test that leaves a top-level widget undeleted or a thread running once it is over.

    Runs around every other fixture, so a window fixture has closed its windows
    (and pytest-qt those given to ``qtbot.addWidget``) before the count; the
    deferred deletions are flushed first, since no event loop runs them.
    """
    threads = _live_threads()
    widgets = _top_level_widgets()
    # What lived before the test is not the test's garbage: out of the collector's sight, the
    # full collections below scan only what the test made (a long run's heap made each one
    # cost half a second, three times a window test)
    gc.freeze()
    yield
    # every other fixture is torn down: let go of their values (a window, and the parentless
    # widgets its Python objects hold, pyqtgraph's menus) as pytest does right after this
    funcargs = getattr(request.node, "funcargs", None)
    if funcargs:
        funcargs.clear()
    app = _qt_app()
    if app is not None:
        flush_deletes()
    if _live_threads() - threads and not _wait_until(lambda: not (_live_threads() - threads), THREAD_END_MS):
        names = sorted(t.name for t in _live_threads() - threads)
        pytest.fail(f"threads still running after the test: {names}", pytrace=False)
    if app is None:
        return
    from PySide6.QtCore import QThreadPool

    pool = QThreadPool.globalInstance()
    if not pool.waitForDone(THREAD_END_MS):
        pytest.fail(f"{pool.activeThreadCount()} jobs of Qt's global thread pool still run after the test", pytrace=False)
    flush_deletes()
    leaked = [w for w in app.topLevelWidgets() if _address(w) not in widgets]
    if leaked:
        described = ", ".join(f"{type(w).__name__}({w.objectName() or w.windowTitle()!r})" for w in leaked)
        pytest.fail(f"top-level widgets left undeleted by the test: {described}", pytrace=False)


def _window_state():
    """What one test could leave behind for the next: the theme, the catalogue, the application's font."""
    app = _qt_app()
    if app is None or "explorer.ui.kit.theme" not in sys.modules:
        return None
    from explorer.ui.kit.theme import themes
    from explorer.ui.text.i18n import installed_language

    return {"theme": (themes().choice, themes().current.name), "language": installed_language(), "font": app.font()}


@pytest.fixture(autouse=True)
def _global_state_restored():
    """Whatever a test changed of the program-wide state (theme, translator, font), the next finds as it was."""
    before = _window_state()
    yield
    after = _window_state()
    if after is None or after == before:
        return
    from explorer.ui.kit.theme import set_theme, themes
    from explorer.ui.text.i18n import install_translator, remove_translators

    app = _qt_app()
    choice, name = before["theme"] if before else ("system", "light")
    if after["theme"] != (choice, name):
        themes().apply_choice(choice)
        if themes().current.name != name:
            set_theme(name)
    language = before["language"] if before else "en"
    if after["language"] != language:
        remove_translators(app)
        if language != "en":
            install_translator(language, app)
    if before is not None and after["font"] != before["font"]:
        app.setFont(before["font"])
