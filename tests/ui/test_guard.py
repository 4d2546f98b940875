"""No exception escapes a slot, an event filter or a paint handler: it becomes one status line."""

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QImage, QPainter
from PySide6.QtWidgets import QWidget

from explorer.ui.inspector.heatmap_items import WidgetEvents
from explorer.ui.kit import guard


def _boom():
    raise ZeroDivisionError("float division by zero")


def test_an_exception_in_an_event_filter_is_caught_and_shown_in_the_status_bar(window, qtbot):
    widget = QWidget(window)
    events = WidgetEvents(widget, on_resize=_boom)
    widget.installEventFilter(events)
    widget.resize(50, 50)
    widget.show()
    widget.resize(80, 80)  # the filter raises: the guard answers Qt with False
    qtbot.waitUntil(lambda: bool(guard.reported))
    assert [where for where, _ in guard.reported][:1] == ["a heatmap's resize or leave handler"]
    line = window.statusBar().currentMessage()
    assert line == (
        "internal error in a heatmap's resize or leave handler: float division by zero; the program keeps running"
    )
    guard.reported.clear()
    widget.resize(120, 120)  # and Qt goes on delivering events
    assert window.isVisible()
    guard.reported.clear()


def test_an_exception_in_a_paint_handler_is_caught(window, qtbot, monkeypatch):
    import explorer.ui.canvas.edge_item as edge_items
    import explorer.ui.canvas.items as graph_items

    monkeypatch.setattr(graph_items, "current_theme", _boom)  # every node's and arrow's paint raises
    monkeypatch.setattr(edge_items, "current_theme", _boom)
    image = QImage(400, 300, QImage.Format.Format_ARGB32)
    painter = QPainter(image)
    window.scene.render(painter)  # every node's paint raises; the scene is drawn to the end
    painter.end()
    assert {where for where, _ in guard.reported} == {"drawing a node", "drawing an arrow"}
    assert "internal error in drawing a node" in window.statusBar().currentMessage()
    guard.reported.clear()


def test_the_autouse_fixture_fails_a_test_whose_paint_raised(tmp_path):
    """The fixture in tests/ui/conftest.py turns an error the guard caught into a failed test."""
    test_file = tmp_path / "test_guarded.py"
    test_file.write_text(
        textwrap.dedent(
            '''
            from explorer.ui.kit import guard
            from tests.ui.conftest import _no_internal_errors  # noqa: F401

            def test_raises_inside_a_guarded_override():
                guard.guarded("a paint")(lambda: 1 / 0)()
            '''
        )
    )
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "--rootdir", str(tmp_path), str(test_file)],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=Path(__file__).parents[2],
    )
    assert result.returncode == 1, result.stdout
    assert "internal errors reached the guard: internal error in a paint: division by zero" in result.stdout
    assert "1 passed, 1 error" in result.stdout


def test_pytest_qt_fails_a_test_whose_slot_raised(qtbot):
    """A plain slot's exception reaches sys.excepthook, which pytest-qt holds in tests."""
    with qtbot.capture_exceptions() as exceptions:
        QTimer.singleShot(0, _boom)
        qtbot.waitUntil(lambda: bool(exceptions))
    assert [type(e[1]) for e in exceptions] == [ZeroDivisionError]


def test_the_window_keeps_running_after_a_slot_raises():
    """Outside tests, make_app installs the guard: the slot's error is one status line."""
    script = textwrap.dedent(
        '''
        import os, sys
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
        from PySide6.QtCore import QTimer
        from explorer.engine import Session
        from explorer.model.examples import toy_model
        from explorer.ui.shell.app import QuietDialogs, make_app, open_window
        app = make_app(quiet=True)
        window = open_window(Session(toy_model()), dialogs=QuietDialogs())
        window.show()
        def boom():
            raise ValueError("a slot failed")
        QTimer.singleShot(0, boom)
        QTimer.singleShot(50, lambda: (print("STATUS", window.statusBar().currentMessage()), app.quit()))
        app.exec()
        print("ALIVE")
        '''
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert "STATUS internal error in boom: a slot failed; the program keeps running" in result.stdout
    assert "ALIVE" in result.stdout


@pytest.mark.parametrize("where", ["an event filter"])
def test_guarded_returns_the_fallback(where):
    class Filter(QObject):
        @guard.guarded(where, fallback=False)
        def eventFilter(self, watched, event):  # noqa: N802
            raise RuntimeError("bad")

    assert Filter().eventFilter(None, QEvent(QEvent.Type.Resize)) is False
    assert guard.reported.pop()[0] == where


def test_outside_the_event_loop_the_hook_leaves_the_error_to_python(capsys):
    """A command (no event loop running) still ends with Python's own report, not "keeps running"."""
    try:
        raise ValueError("outside the loop")
    except ValueError as error:
        guard.excepthook(ValueError, error, error.__traceback__)
    assert guard.reported == []
    err = capsys.readouterr().err
    assert "ValueError: outside the loop" in err
    assert "keeps running" not in err
