"""What the window's first frame does not need is not imported for it (start-up speed: benchmarks/bench_startup.py)."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap


def test_a_window_with_nothing_selected_shows_without_pyqtgraph(tmp_path):
    """The lab's docks and the inspector's views bring pyqtgraph when first shown, not with the window.

    A fresh interpreter, as at start-up: this process has long imported pyqtgraph.
    """
    code = textwrap.dedent(
        f"""
        import os, sys
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
        from pathlib import Path
        from explorer.engine import Session
        from explorer.model.examples import toy_model
        from explorer.ui.kit.settings import Settings
        from explorer.ui.shell.app import make_app, open_window

        make_app()
        folder = Path({str(tmp_path)!r})
        window = open_window(Session(toy_model()), settings=Settings(folder / "x.ini"), autosave_folder=folder / "a")
        window.show()
        print("before", "pyqtgraph" in sys.modules)
        window.controller.select("W3")  # a heatmap to draw: now it comes
        print("after", "pyqtgraph" in sys.modules, window.inspector.tabs.is_built(0))
        window.close()
        """
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=True)
    assert result.stdout.split() == ["before", "False", "after", "True", "True"]


def test_the_program_draws_the_start_heatmap_after_its_first_frame(tmp_path):
    """``jacobian-explorer`` selects W₃ at start: its first frame says "Drawing Value…", without pyqtgraph;
    the heatmap comes right after (kit/first_frame.py). The real entry point, in a fresh interpreter."""
    code = textwrap.dedent(
        """
        import os, sys
        from PySide6.QtCore import QEvent, QObject, QTimer
        from explorer.cli import main
        import explorer.ui.shell.app as app_module

        opened = app_module.open_window
        seen = []

        class FirstPaint(QObject):
            def eventFilter(self, watched, event):
                if event.type() == QEvent.Type.Paint and not seen:
                    tabs = watched.inspector.tabs
                    placeholder = tabs._placeholders.get(0)
                    seen.append(("pyqtgraph" in sys.modules, tabs.is_built(0), placeholder and placeholder.text()))
                return False

        def open_window(*args, **kwargs):
            window = opened(*args, **kwargs)
            window._first_paint = FirstPaint(window)
            window.installEventFilter(window._first_paint)

            def settled():
                if window.inspector.tabs.is_built(0):
                    print(seen[0], window.inspector.value_view.title_text())
                    sys.stdout.flush()
                    os._exit(0)

            window._poll = QTimer(window)
            window._poll.timeout.connect(settled)
            window._poll.start(5)
            QTimer.singleShot(60_000, lambda: os._exit(3))
            return window

        app_module.open_window = open_window
        main([])
        """
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(tmp_path / "config"),
           "XDG_DATA_HOME": str(tmp_path / "data")}
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, env=env)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "(False, False, 'Drawing Value…') W₃  (3×2)"
