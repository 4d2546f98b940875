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


def test_the_program_shows_its_window_before_the_document_and_the_heatmap_after(tmp_path):
    """``jacobian-explorer`` with no file, through its real entry point in a fresh interpreter.

    Its first frame is the window saying "Opening…", drawn before numpy, networkx and the
    engine are imported (app.py, main_window.py). Then the toy network is built in it, W₃
    selected: the built window's first frame says "Drawing Value…", without pyqtgraph; the
    heatmap comes right after (kit/first_frame.py).
    """
    code = textwrap.dedent(
        """
        import os, sys
        from PySide6.QtCore import QEvent, QObject, QTimer
        from PySide6.QtWidgets import QApplication
        from explorer.cli import main
        import explorer.ui.shell.app as app_module
        from explorer.ui.shell.main_window import MainWindow

        seen = []

        def look(window):
            loaded = tuple(name in sys.modules for name in ("numpy", "networkx", "explorer.engine.session", "pyqtgraph"))
            if not window.is_built:
                return ("opening", loaded, window.centralWidget().text(), window.isVisible())
            tabs = window.inspector.tabs
            placeholder = tabs._placeholders.get(0)
            return ("built", loaded, tabs.is_built(0), placeholder and placeholder.text(), window.controller.selected)

        class Paints(QObject):
            def eventFilter(self, watched, event):
                if event.type() == QEvent.Type.Paint and isinstance(watched, MainWindow):
                    state = look(watched)
                    if not seen or seen[-1][0] != state[0]:
                        seen.append(state)
                    if state[0] == "built" and not hasattr(self, "poll"):
                        self.poll = QTimer()
                        self.poll.timeout.connect(lambda: settled(watched))
                        self.poll.start(5)
                return False

        def settled(window):
            if window.inspector.tabs.is_built(0):
                for state in seen:
                    print(state)
                print(window.inspector.value_view.title_text())
                sys.stdout.flush()
                os._exit(0)

        made = app_module.make_app

        def make_app(*args, **kwargs):
            app = made(*args, **kwargs)
            app._paints = Paints(app)
            app.installEventFilter(app._paints)
            return app

        app_module.make_app = make_app
        QTimer.singleShot(60_000, lambda: os._exit(3))
        main([])
        """
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(tmp_path / "config"),
           "XDG_DATA_HOME": str(tmp_path / "data")}
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, env=env)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        "('opening', (False, False, False, False), 'Opening…', True)",
        "('built', (True, True, True, False), False, 'Drawing Value…', 'W3')",
        "W₃  (3×2)",
    ]


def test_a_toy_network_that_cannot_be_read_is_said_like_a_bad_file(tmp_path):
    """The toy is read after the window's first frame; a damaged install (the bundled toy unreadable) still
    ends as a bad file named on the command line does: one line on standard error, exit status 2, no window left."""
    code = textwrap.dedent(
        """
        import sys
        import explorer.model.examples as examples
        from explorer.model.errors import ModelError

        def damaged():
            raise ModelError("toy.json: the bundled toy network is damaged")

        examples.toy_model = damaged
        from explorer.cli import main
        sys.exit(main([]))
        """
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(tmp_path / "config"),
           "XDG_DATA_HOME": str(tmp_path / "data")}
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, env=env)
    assert result.returncode == 2, result.stderr
    assert result.stderr.splitlines() == ["jacobian-explorer: toy.json: the bundled toy network is damaged"]
