"""How long the explorer takes to show its window, against a bare PySide6 ``QMainWindow``.

Each measurement is a fresh ``python -c`` process: it imports, builds and
shows a window, and reports once the window's first frame is on the screen
(the window's first Expose, then the event loop's next turn, by which time
Qt has painted and flushed it). The time is taken by this script, from
starting the process to reading its report, so the interpreter's own start
counts on both sides. Bare and explorer runs alternate, so a pair shares
the machine's load; the table shows each side's median and the ratio of the
medians. The explorer starts through its entry point (``jacobian-explorer``
with no argument: the lecture's toy network), with its settings (and
autosave) in a fresh folder, so it starts

- *fresh*: nothing remembered;
- *lab docks remembered*: the learning lab's four docks were left open
  (tabbed under the canvas, as the lab opens them);
- *lab docks side by side*: all four left open next to each other, every
  plot visible in the first frame.

The target: the window visible in at most 2.5x the bare window's time.
The explorer's first frame is its window saying "Opening…", at its
remembered size, drawn before numpy, networkx and the engine are imported
(:meth:`explorer.ui.shell.main_window.MainWindow.opening`); the document is
built in it just after, and the heatmap of the node selected at start and
the remembered docks after the built window's own first frame
(:mod:`explorer.ui.kit.first_frame`). The *settled* column is the time until
all of that is drawn, polled every 2 ms. It
needs a real display (an X server; ``Xvfb :99 &`` and ``DISPLAY=:99`` do):
the off-screen platform never exposes a window.

Run from the repository root::

    .venv/bin/python benchmarks/bench_startup.py [--runs N] [--profile CASE]

``--profile CASE`` runs the explorer once under cProfile instead and prints
where the time to the first frame goes.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

TARGET_RATIO = 2.5
ROOT = Path(__file__).resolve().parents[1]

#: Reports the first frame of the first QMainWindow shown, then leaves at once.
_FIRST_FRAME = """
import os, sys, time
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QWindow
from PySide6.QtWidgets import QApplication, QMainWindow

class _FirstFrame(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Expose and isinstance(obj, QWindow) and obj.isExposed():
            QTimer.singleShot(0, _report)  # the expose is handled (painted, flushed) before the loop turns
        return False

def _report():
    if getattr(_report, "done", False):  # a second expose
        return
    _report.done = True
    sys.stdout.write("shown %.6f\\n" % time.perf_counter())
    sys.stdout.flush()
    if not _SETTLED:
        os._exit(0)
    _settled.since = time.perf_counter()
    _settled.timer = QTimer()
    _settled.timer.timeout.connect(_settled)
    _settled.timer.start(2)

_SETTLED = None  # the explorer's side: whether its window has drawn what its first frame left for later

def _settled():
    if time.perf_counter() - _settled.since > 30:  # never settled: say so rather than hang the benchmark
        sys.stdout.write("never settled\\n")
        sys.stdout.flush()
        os._exit(3)
    if _SETTLED():
        sys.stdout.write("settled %.6f\\n" % time.perf_counter())
        sys.stdout.flush()
        os._exit(0)

def _watch(app):
    app._first_frame = _FirstFrame(app)
    app.installEventFilter(app._first_frame)
"""

_BARE = (
    _FIRST_FRAME
    + """
app = QApplication(sys.argv[:1])
_watch(app)
window = QMainWindow()
window.resize(1400, 900)
window.show()
app.exec()
"""
)

_EXPLORER = (
    "from explorer.cli import main as _main  # the program's own entry point, as `jacobian-explorer` starts\n"
    + _FIRST_FRAME
    + """
import explorer.ui.shell.app as _app_module
from explorer.ui.kit import first_frame as _first_frame

def _explorer_settled():
    # the start's heatmap and every visible lab dock are drawn (nothing waits for the first frame)
    from explorer.ui.shell.main_window import MainWindow
    windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)]
    if not windows or not getattr(windows[0], "is_built", True) or _first_frame.waiting(windows[0]):
        return False
    window = windows[0]
    tabs = window.inspector.tabs
    if window.controller.inspected and not tabs.is_built(tabs.currentIndex()):
        return False
    return all(dock.is_built for dock in window.learning_lab.docks if not dock.visibleRegion().isEmpty())

_SETTLED = _explorer_settled
_make_app = _app_module.make_app
def _make_and_watch(*args, **kwargs):
    app = _make_app(*args, **kwargs)
    _watch(app)
    return app
_app_module.make_app = _make_and_watch
sys.exit(_main([]))
"""
)

#: Opens the explorer with its settings in the given folder, opens the lab's docks, saves the layout.
_REMEMBER = """
import sys
from PySide6.QtCore import Qt
from explorer.ui.shell.app import make_app, open_window
from explorer.ui.kit.settings import Settings
from explorer.engine import Session
from explorer.model.examples import toy_model
app = make_app(quiet=True)
window = open_window(Session(toy_model()), settings=Settings())
window.show()
app.processEvents()
lab = window.learning_lab
for dock in lab.docks:
    if sys.argv[1] == "side_by_side":
        window.removeDockWidget(dock)
        window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, dock, Qt.Orientation.Horizontal)
    lab.reveal(dock)
app.processEvents()
window.save_layout()  # written and synced: leave without tearing the window down
import os
os._exit(0)
"""

CASES = ("fresh", "tabbed", "side_by_side")
CASE_TITLES = {
    "fresh": "nothing remembered",
    "tabbed": "lab docks remembered (tabbed)",
    "side_by_side": "lab docks remembered (side by side)",
}


def _tree() -> str:
    """The checkout whose explorer starts: this one, or another (``--tree``, for a before-and-after).

    Each process runs in it: ``python -c`` puts its working folder first on the module path."""
    return os.environ.get("BENCH_TREE", str(ROOT))


def _environment(home: Path) -> dict[str, str]:
    env = dict(os.environ)
    root = _tree()
    env["XDG_CONFIG_HOME"] = str(home / "config")  # the settings (QSettings' INI file)
    env["XDG_DATA_HOME"] = str(home / "data")  # the autosave folder
    env["XDG_CACHE_HOME"] = str(home / "cache")
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [root, env.get("PYTHONPATH", "")]))
    env.pop("QT_QPA_PLATFORM", None)
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # an installed explorer starts from its byte code
    return env


def _prepare(case: str, home: Path) -> None:
    """A settings folder for ``case``: empty, or with the lab's docks left open."""
    if case == "fresh":
        return
    subprocess.run([sys.executable, "-c", _REMEMBER, case], env=_environment(home), check=True, timeout=120, cwd=_tree())


def _one_run(code: str, env: dict[str, str]) -> tuple[float, float]:
    """Seconds from starting a process running ``code`` to its first frame on the screen, and to its window
    settled (the bare window: the same time)."""
    start = time.perf_counter()
    process = subprocess.Popen([sys.executable, "-c", code], env=env, stdout=subprocess.PIPE, text=True, cwd=_tree())
    assert process.stdout is not None
    line = process.stdout.readline()
    shown = time.perf_counter() - start
    if not line.startswith("shown"):
        process.wait(timeout=60)
        raise RuntimeError(f"the window never showed (exit code {process.returncode})")
    line = process.stdout.readline()
    if line.startswith("never"):
        raise RuntimeError("the window showed but never drew what its first frame left for later")
    settled = time.perf_counter() - start if line.startswith("settled") else shown
    process.wait(timeout=60)
    return shown, settled


def measure(runs: int, cases: tuple[str, ...]) -> None:
    print(f"{'start to first frame (median of ' + str(runs) + ')':<46} {'bare':>9} {'explorer':>9} {'ratio':>7}"
          f"   {'settled':>9} {'ratio':>7}")
    with tempfile.TemporaryDirectory(prefix="bench-startup-") as scratch:
        for case in cases:
            home = Path(scratch) / case
            _prepare(case, home)
            env = _environment(home)
            _one_run(_BARE, env)  # warm the disk cache for both sides
            _one_run(_EXPLORER, env)
            bare, explorer, settled = [], [], []
            for _ in range(runs):
                bare.append(_one_run(_BARE, env)[0])
                shown, done = _one_run(_EXPLORER, env)
                explorer.append(shown)
                settled.append(done)
            b, e, d = statistics.median(bare), statistics.median(explorer), statistics.median(settled)
            verdict = "ok" if e / b <= TARGET_RATIO else f"over {TARGET_RATIO}x"
            print(
                f"  {CASE_TITLES[case]:<44} {b * 1000:7.0f}ms {e * 1000:7.0f}ms {e / b:6.2f}x"
                f"   {d * 1000:7.0f}ms {d / b:6.2f}x  {verdict}"
                f"   (explorer {min(explorer) * 1000:.0f}-{max(explorer) * 1000:.0f} ms)"
            )


def profile(case: str, top: int) -> None:
    """The explorer's start under cProfile, to its first frame, by cumulative time."""
    code = textwrap.dedent(
        """
        import cProfile, pstats, os
        _profile = cProfile.Profile()
        _profile.enable()
        """
    ) + _EXPLORER.replace(
        "os._exit(0)",
        f"_profile.disable(); pstats.Stats(_profile).sort_stats('cumulative').print_stats({top}); sys.stdout.flush(); os._exit(0)",
    )
    with tempfile.TemporaryDirectory(prefix="bench-startup-") as scratch:
        home = Path(scratch) / case
        _prepare(case, home)
        subprocess.run([sys.executable, "-c", code], env=_environment(home), check=True, timeout=120, cwd=_tree())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9, help="measurements per side and case (default 9)")
    parser.add_argument("--case", choices=CASES, action="append", help="only these cases (default: all)")
    parser.add_argument("--profile", choices=CASES, help="profile one explorer start instead")
    parser.add_argument("--top", type=int, default=40, help="rows of the profile (default 40)")
    parser.add_argument("--tree", help="start the explorer of another checkout (a before-and-after)")
    args = parser.parse_args()
    if args.tree:
        os.environ["BENCH_TREE"] = str(Path(args.tree).resolve())
    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        print("bench_startup needs a display: start Xvfb (Xvfb :99 &) and set DISPLAY=:99", file=sys.stderr)
        return 2
    if args.profile:
        profile(args.profile, args.top)
        return 0
    measure(args.runs, tuple(args.case or CASES))
    return 0


if __name__ == "__main__":
    sys.exit(main())
