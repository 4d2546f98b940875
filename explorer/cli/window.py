"""``jacobian-explorer [--reset-settings] [MODEL]``: the window, after checking that it can open."""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence

from explorer.cli.common import UsageError
from explorer.cli.platform_check import xcb_problem


def run(argv: Sequence[str]) -> int:
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
    from explorer.ui.shell.app import run_window  # Qt, loaded only when needed

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
