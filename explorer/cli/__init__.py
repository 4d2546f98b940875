"""The command line: ``jacobian-explorer`` and its subcommands (argparse, one module per command).

May import every layer below it; Qt (:mod:`explorer.ui`) only inside the commands that draw,
so that ``check``, ``export`` and ``train`` start without it.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
import warnings
from collections.abc import Sequence
from types import ModuleType

from explorer.cli import window
from explorer.cli.common import Parser, UsageError
from explorer.cli.common import say_error as _say
from explorer.engine.errors import EngineError
from explorer.model.door import describe, reason
from explorer.model.errors import ModelError

PROG = "jacobian-explorer"
COMMANDS = ("export", "check", "screenshot", "explain", "train", "exercise")


def _command(name: str) -> ModuleType:
    """The module of command ``name``, imported when a command is asked for (the window needs none of them)."""
    return importlib.import_module(f"explorer.cli.{name}")


def _parser() -> argparse.ArgumentParser:
    screenshot = _command("screenshot")
    parser = Parser(
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
    shot.add_argument("--tab", choices=screenshot.TABS, default=None, help="the inspector tab to show")
    shot.add_argument("--theme", choices=("light", "dark"), default="light", help="colour theme")
    shot.add_argument("--language", choices=("en", "ko"), default="en", help="the window's language (default en)")
    shot.add_argument("--present", action="store_true", help="in presentation mode (View → Present): large type, high contrast")
    for name in ("explain", "train", "exercise"):  # each declares its own arguments
        _command(name).add_parser(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; its exit status. numpy's RuntimeWarnings never reach standard error:
    an overflow is named by the engine in one line (``NonFiniteError``).

    numpy is imported here only for a command: the window imports it after its first frame,
    and its warnings are silenced by the filter alone (numpy's default is to warn, not raise).
    """
    argv = list(sys.argv[1:] if argv is None else argv)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        if not argv or argv[0] not in (*COMMANDS, "-h", "--help"):
            return _main(argv)
        import numpy as np

        with np.errstate(all="ignore"):
            return _main(argv)


def _main(argv: list[str]) -> int:
    try:
        if argv and argv[0] in ("-h", "--help"):
            _parser().print_help()
            return 0
        if not argv or argv[0] not in COMMANDS:
            return window.run(argv)
        args = _parser().parse_args(argv)
        command: int = _command(args.command).run(args)
        return command
    except (ModelError, EngineError, UsageError) as error:
        _say(str(error))
        return 2
    except OSError as error:  # the system refused a file: named in a few words, never "internal error"
        _say(describe(error, error.filename, "cannot use") if error.filename is not None else reason(error))
        return 2
    except KeyboardInterrupt:
        return 130
    except Exception as error:  # a bug: still one line, never a traceback
        if os.environ.get("JACOBIAN_EXPLORER_DEBUG"):
            raise
        _say(f"internal error: {type(error).__name__}: {error}")
        return 3

