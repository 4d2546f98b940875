"""What every subcommand shares: the usage error (status 2) and a session at a step."""

from __future__ import annotations

import argparse

from explorer.engine import Session
from explorer.export.snapshot import is_snapshot, session_from_document
from explorer.model.io import read_json


class UsageError(Exception):
    """A command-line mistake (status 2)."""


class Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        raise UsageError(message)


def session_and_target(path: str, step: int | None) -> tuple[Session, int]:
    """The session as opened and the step to go to: ``step``, a snapshot's own step, or the end for a model."""
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
