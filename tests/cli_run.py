"""The command line run in this process: what ``python -m explorer ARGS`` does, without starting a Python.

A test about the process itself (its exit under a signal, a real terminal,
resource limits, which platform Qt picks, the entry point) still starts one.
"""

from __future__ import annotations

import io
import os
from contextlib import contextmanager, redirect_stderr, redirect_stdout
from dataclasses import dataclass
from pathlib import Path

import explorer.cli


@dataclass
class Ran:
    """What a finished command left: its exit status and its two streams (as a subprocess's)."""

    returncode: int
    stdout: str
    stderr: str


class _Stream(io.TextIOWrapper):
    """A text stream with a binary ``buffer`` under it, as ``sys.stdout`` has; never a terminal."""

    def __init__(self) -> None:
        super().__init__(io.BytesIO(), encoding="utf-8", newline="\n", write_through=True)

    def text(self) -> str:
        self.flush()
        return self.buffer.getvalue().decode("utf-8", errors="replace")


@contextmanager
def _working_in(cwd: str | os.PathLike[str] | None):
    if cwd is None:
        yield
        return
    before = Path.cwd()
    os.chdir(cwd)
    try:
        yield
    finally:
        os.chdir(before)


def run_cli(*args: object, cwd: str | os.PathLike[str] | None = None) -> Ran:
    """Run ``jacobian-explorer ARGS`` through :func:`explorer.cli.main`; errors stay one line (no debug switch)."""
    out, err = _Stream(), _Stream()
    debug = os.environ.pop("JACOBIAN_EXPLORER_DEBUG", None)  # that switch turns errors back into tracebacks
    try:
        with _working_in(cwd), redirect_stdout(out), redirect_stderr(err):
            try:
                status = explorer.cli.main([str(a) for a in args])
            except SystemExit as stop:  # argparse's refusals and --help
                status = stop.code if isinstance(stop.code, int) else (0 if stop.code is None else 1)
                if isinstance(stop.code, str):
                    print(stop.code, file=err)
    finally:
        if debug is not None:
            os.environ["JACOBIAN_EXPLORER_DEBUG"] = debug
    return Ran(status, out.text(), err.text())
