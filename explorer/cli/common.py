"""What every subcommand shares: the usage error (status 2) and a session at a step."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # imported by the commands that open a session: the window starts without them
    from explorer.engine import Session

PROG = "jacobian-explorer"
#: Longest message line, in characters: a long value or path is cut in the middle.
MAX_MESSAGE = 400


def say_error(text: str) -> None:
    """``jacobian-explorer: TEXT`` as one line on standard error, at most :data:`MAX_MESSAGE` characters."""
    line = " ".join(text.splitlines()) or "failed"
    if len(line) > MAX_MESSAGE:
        line = line[: MAX_MESSAGE // 2 - 1] + "…" + line[-(MAX_MESSAGE // 2) :]
    line = line.encode("utf-8", "backslashreplace").decode("utf-8")  # a lone surrogate from a file name
    print(f"{PROG}: {line}", file=sys.stderr)


class UsageError(Exception):
    """A command-line mistake (status 2)."""


class Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        raise UsageError(message)


def session_and_target(path: str, step: int | None) -> tuple[Session, int]:
    """The session as opened and the step to go to: ``step``, a snapshot's own step, or the end for a model."""
    from explorer.export.snapshot import is_snapshot, session_from_document
    from explorer.model.io import read_json

    document = read_json(path)
    session = session_from_document(document)
    if step is not None:
        if not 0 <= step <= session.total:
            raise UsageError(f"--step {step} is outside 0…{session.total} for this model")
        return session, step
    return session, session.position if is_snapshot(document) else session.total


def session_at(path: str, step: int | None) -> Session:
    """The session after ``step`` steps; by default a snapshot's own step, or the end for a model."""
    session, target = session_and_target(path, step)
    session.seek(target)
    return session
