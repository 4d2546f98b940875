"""Below the window nothing imports Qt: the model, the engine, the lesson, training, practice, export and the
command line run headless, in scripts and in CI (import-linter checks the source; this, what really loads)."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

QT_MODULES = ("PySide6", "shiboken6", "pyqtgraph")


@pytest.mark.parametrize(
    "modules",
    [("explorer.model",), ("explorer.engine",), ("explorer.lesson", "explorer.train", "explorer.practice", "explorer.export", "explorer.cli")],
)
def test_importing_the_core_does_not_import_qt(modules: tuple[str, ...]) -> None:
    code = (
        "import importlib, json, sys\n"
        f"for name in {list(modules)!r}:\n"
        "    importlib.import_module(name)\n"
        "print(json.dumps(sorted(sys.modules)))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120)
    loaded = json.loads(result.stdout)
    assert set(modules) <= set(loaded)  # the imports did happen
    leaked = [m for m in loaded if m.split(".")[0] in QT_MODULES]
    assert leaked == []


def test_a_full_pass_runs_without_qt() -> None:
    """Running a session and a breakdown, not just importing, stays Qt-free too."""
    code = (
        "import sys\n"
        "from explorer.engine import Session\nfrom explorer.lesson import breakdown\n"
        "from explorer.model import load_model\n"
        "from explorer.resources import example_path\n"
        "s = Session(load_model(example_path('toy'))); s.run(); breakdown(s, 'Yhat', 'W3')\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6', 'pyqtgraph')))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120)
    assert result.stdout.strip() == "[]"
