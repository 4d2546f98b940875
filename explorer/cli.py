"""The command line: ``jacobian-explorer [MODEL]``, ``export``, ``check``, ``screenshot``.

Bad input exits with status 2 and one line on standard error that names the
node and the problem; a gradient mismatch in ``check`` exits with 1.
"""

from __future__ import annotations

import argparse
import os
import sys
import warnings
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from .commands import explain as explain_cmd
from .commands import train as train_command
from .engine import EngineError, Session, check_gradients
from .engine.notation import pretty
from .export.file_set import Content, FileSetError, write_file_set
from .export.snapshot import check_snapshot_size, is_snapshot, load_session, session_from_document, write_snapshot
from .model import Model, ModelError, fmt_shape
from .model.io import read_json, write_atomic
from .model.quote import shown_path as _path
from .platform_check import xcb_problem

PROG = "jacobian-explorer"
COMMANDS = ("export", "check", "screenshot", "explain", "train")
TABS = ("value", "gradient", "jacobian", "breakdown")
TABS += ("derivation",)  # the inspector's fifth tab, in the order of its tabs


class UsageError(Exception):
    """A command-line mistake (status 2)."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        raise UsageError(message)


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog=PROG,
        description="Step through the forward and backward pass of a linear network and see every "
        "value, gradient and Jacobian. Without a command, opens the window "
        "(jacobian-explorer [--reset-settings] [MODEL]; --reset-settings forgets the window's settings).",
    )
    sub = parser.add_subparsers(dest="command")
    export = sub.add_parser("export", help="write snapshot.json, graph.png and graph.svg without a window")
    export.add_argument("model", help="a model or snapshot file")
    export.add_argument("--out", required=True, help="folder to write into (created if missing)")
    export.add_argument("--step", type=int, default=None, help="steps to take (default: all; a snapshot's own step)")
    export.add_argument("--code", action="store_true", help="also model_numpy.py, model_torch.py, derivation.md/.tex")
    check = sub.add_parser("check", help="compare every gradient with central finite differences")
    check.add_argument("model", help="a model or snapshot file")
    shot = sub.add_parser("screenshot", help="render the main window off-screen to a PNG")
    shot.add_argument("model", help="a model or snapshot file")
    shot.add_argument("--out", required=True, help="the PNG file to write")
    shot.add_argument("--step", type=int, default=None, help="steps to take (default: all)")
    shot.add_argument("--select", default=None, help="the node to show in the inspector: its id or its label (W3, W₃)")
    shot.add_argument("--size", default="1400x900", help="window size, WIDTHxHEIGHT (default 1400x900)")
    shot.add_argument("--tab", choices=TABS, default=None, help="the inspector tab to show")
    shot.add_argument("--theme", choices=("light", "dark"), default="light", help="colour theme")
    shot.add_argument("--language", choices=("en", "ko"), default="en", help="the window's language (default en)")
    explain_cmd.add_parser(sub)
    train_command.add_parser(sub)
    return parser


def _session_and_target(path: str, step: int | None) -> tuple[Session, int]:
    """The session as opened and the step to go to: ``step``, a snapshot's own step, or the end for a model."""
    document = read_json(path)
    session = session_from_document(document)
    if step is not None:
        if not 0 <= step <= session.total:
            raise UsageError(f"--step {step} is outside 0…{session.total} for this model")
        return session, step
    return session, session.position if is_snapshot(document) else session.total


def _session_at(path: str, step: int | None) -> Session:
    """The session after ``step`` steps; by default a snapshot's own step, or the end for a model."""
    session, target = _session_and_target(path, step)
    session.seek(target)
    return session


class _CheckProgress:
    """Says how many elements each leaf samples (stdout) and, on a terminal, how far it is (stderr)."""

    def __init__(self) -> None:
        self.live = sys.stderr.isatty()

    def __call__(self, node: str, done: int, sampled: int, total: int) -> None:
        if done == 0 and sampled < total:
            print(f"{node}: sampling {sampled:,} of {total:,} elements", flush=True)
        if self.live:
            end = "\n" if done == sampled else ""
            print(f"\r\x1b[Kchecking {node}: {done}/{sampled} elements", end=end, file=sys.stderr, flush=True)


def cmd_check(args: argparse.Namespace) -> int:
    live = sys.stderr.isatty()
    if live:
        print("loading the model and running the pass…", end="", file=sys.stderr, flush=True)
    try:
        session = load_session(args.model)
        session.run()
    finally:
        if live:
            print("\r\x1b[K", end="", file=sys.stderr, flush=True)  # an error then stands on its own line
    model = session.model
    rows = check_gradients(model, progress=_CheckProgress(), session=session)
    header = f"{'node':<12} {'op':<7} {'shape':<12} {'checked':>13} {'max |Δ|':>10}  result"
    print(f"{model.name or _path(Path(args.model).name)}")
    print(header)
    print("─" * len(header))
    for row in rows:
        checked = f"{row.checked}/{row.total}"
        print(
            f"{row.node:<12} {row.op:<7} {fmt_shape(row.shape):<12} {checked:>13} {row.max_abs_diff:>10.2e}  "
            f"{'ok' if row.ok else 'FAIL'}"
        )
    for row in rows:
        if row.at_kink:
            print(f"{row.node}: {row.at_kink} of {row.checked} elements at a kink: finite differences do not apply")
    print(f"loss {session.loss:.10g}")
    failed = [row.node for row in rows if not row.ok]
    if failed:
        print(f"FAIL: {', '.join(failed)} differ from central finite differences")
        return 1
    print(f"ok: all {len(rows)} gradients agree with central finite differences (float64)")
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    session, target = _session_and_target(args.model, args.step)
    check_snapshot_size(session, target)  # before computing anything
    session.seek(target)
    from .ui.graph_export import render_graph  # Qt, loaded only when needed

    png, svg = render_graph(session)
    files: dict[str, Content] = {
        "snapshot.json": lambda stream: write_snapshot(session, stream),
        "graph.png": png,
        "graph.svg": svg,
    }
    if args.code:
        from .export.code import code_files

        files.update(code_files(session))
    out = Path(args.out)
    try:
        write_file_set(out, files)
    except FileSetError as error:
        raise UsageError(f"cannot write to {_path(out)}: {_path(str(error))}") from None
    except OSError as error:
        problem = _path(str(error.strerror or error))
        raise UsageError(f"cannot write to {_path(out)}: {problem}; nothing was written") from None
    print(f"wrote {', '.join(files)} to {_path(out)} at step {session.position}/{session.total} ({session.phase})")
    return 0


def _parse_size(text: str) -> tuple[int, int]:
    try:
        width, height = (int(v) for v in text.lower().split("x"))
    except ValueError:
        raise UsageError(f"--size {text!r} is not WIDTHxHEIGHT") from None
    if not (320 <= width <= 8000 and 240 <= height <= 8000):
        raise UsageError(f"--size {text!r} is outside 320x240…8000x8000")
    return width, height


def cmd_screenshot(args: argparse.Namespace) -> int:
    session = _session_at(args.model, args.step)
    size = _parse_size(args.size)
    select = None if args.select is None else _node_named(session.model, args.select)
    from .ui.app import screenshot  # Qt, loaded only when needed

    tab = TABS.index(args.tab) if args.tab else None
    data = screenshot(
        session, select=select, size=size, title_path=args.model, tab=tab, theme=args.theme, language=args.language
    )
    problem = _png_problem(data, size)
    if problem is not None:
        raise UsageError(f"the window could not be drawn: {problem}; {_path(args.out)} was not written")
    try:
        write_atomic(args.out, data)
    except OSError as error:
        raise UsageError(f"cannot write {_path(args.out)}: {_path(str(error.strerror or error))}") from None
    print(f"wrote {_path(args.out)} ({size[0]}×{size[1]}) at step {session.position}/{session.total}")
    return 0


def _node_named(model: Model, name: str) -> str:
    """The node whose id or label (as written, or as shown: ``W₃``) is ``name``."""
    if name in model:
        return name
    for node in model.order:
        if name in (model.label(node), pretty(model.label(node))):
            return node
    shown = ", ".join(pretty(model.label(node)) for node in model.order)
    raise UsageError(f"--select {name!r}: no node has that id or label (nodes: {shown})")


def _png_problem(data: bytes, size: tuple[int, int]) -> str | None:
    """Why ``data`` is not a PNG picture of ``size`` (or of ``size`` times a scale), or ``None``."""
    from PySide6.QtGui import QImage  # Qt, loaded only when needed

    if not data:
        return "the picture is empty (0 bytes)"
    if not data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "the picture is not a PNG"
    image = QImage.fromData(data, "PNG")
    if image.isNull():
        return "the PNG does not decode"
    width, height = size
    if image.width() < width or image.width() * height != image.height() * width:
        return f"the picture is {image.width()}×{image.height()}, not {width}×{height}"
    return None


def cmd_window(argv: Sequence[str]) -> int:
    reset = "--reset-settings" in argv
    argv = [arg for arg in argv if arg != "--reset-settings"]
    if len(argv) > 1 or (argv and argv[0].startswith("-")):
        raise UsageError(f"unexpected arguments: {' '.join(argv)} (try --help)")
    if _no_display():
        raise UsageError(
            "no display to open the window on (DISPLAY and WAYLAND_DISPLAY are unset); "
            "use 'jacobian-explorer screenshot MODEL --out FILE.png', or set QT_QPA_PLATFORM"
        )
    problem = xcb_problem()
    if problem is not None:
        raise UsageError(problem)
    from .ui.app import run_window  # Qt, loaded only when needed

    return run_window(argv[0] if argv else None, reset_settings=reset)


def _no_display() -> bool:
    """True on Linux with no X or Wayland display and no platform chosen by hand."""
    env = os.environ
    return (
        sys.platform.startswith("linux")
        and not env.get("DISPLAY")
        and not env.get("WAYLAND_DISPLAY")
        and not env.get("QT_QPA_PLATFORM")
    )


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; its exit status. numpy's RuntimeWarnings never reach standard error:
    an overflow is named by the engine in one line (``NonFiniteError``)."""
    with warnings.catch_warnings(), np.errstate(all="ignore"):
        warnings.simplefilter("ignore", RuntimeWarning)
        return _main(argv)


def _main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    try:
        if argv and argv[0] in ("-h", "--help"):
            _parser().print_help()
            return 0
        if not argv or argv[0] not in COMMANDS:
            return cmd_window(argv)
        args = _parser().parse_args(argv)
        run = {
            "check": cmd_check,
            "export": cmd_export,
            "screenshot": cmd_screenshot,
            "explain": explain_cmd.run,
            "train": train_command.run,
        }
        return run[args.command](args)
    except (ModelError, EngineError, UsageError) as error:
        print(f"{PROG}: {error}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except Exception as error:  # a bug: still one line, never a traceback
        if os.environ.get("JACOBIAN_EXPLORER_DEBUG"):
            raise
        print(f"{PROG}: internal error: {type(error).__name__}: {error}", file=sys.stderr)
        return 3
