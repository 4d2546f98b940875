"""Fixtures for window tests: a main window on the lecture's toy network."""

import pytest

from explorer.engine import Session
from explorer.examples import toy_model


@pytest.fixture(params=["light", "dark"])
def themed(request):
    """Each theme in turn; the light one is back afterwards."""
    from explorer.ui import theme

    chosen = theme.set_theme(request.param)
    yield chosen
    theme.set_theme("light")


@pytest.fixture
def window(qtbot):
    from explorer.ui.app import make_app, open_window

    app = make_app()
    app.setProperty("explorer_no_dialogs", True)  # a refused edit goes to the status bar only
    win = open_window(Session(toy_model()))
    qtbot.addWidget(win)
    win.resize(1400, 900)
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.controller.pause()


@pytest.fixture(autouse=True)
def _no_internal_errors():
    """Fail a test when an exception reached the window's guard (a slot, event filter or paint).

    Exceptions that reach ``sys.excepthook`` in a slot are pytest-qt's to catch
    (its capture is on: the test fails); the guard catches those in event
    filters and paint handlers before Qt sees them, and lists them here. A test
    that provokes one on purpose takes it off the list.
    """
    from explorer.ui import guard

    guard.reported.clear()
    yield
    errors = list(guard.reported)
    guard.reported.clear()
    if errors:
        pytest.fail("internal errors reached the guard: " + "; ".join(guard.message(w, e) for w, e in errors))
