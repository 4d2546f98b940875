"""What the window's first frame does not need is not imported for it (start-up speed: benchmarks/bench_startup.py)."""

from __future__ import annotations

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
