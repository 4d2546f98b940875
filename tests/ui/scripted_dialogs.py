"""A stand-in for :class:`explorer.ui.kit.dialogs.Dialogs` that answers from a script.

Give the window a ``ScriptedDialogs`` instead of the real one; queue the
answers a test expects to be asked for, in order, and read back what was
asked::

    dialogs = ScriptedDialogs(("unsaved_changes", "discard"), ("open_path", "/tmp/m.json"))
    ...
    assert dialogs.kinds() == ["unsaved_changes", "open_path"]
    dialogs.assert_all_answered()

A question with no queued answer, or another question than the next queued
one, fails the test at once with what was asked. Information boxes
(``warn``, ``about``, ``shortcuts``) need no answer: they are recorded.
Each question is bracketed by ``modal_started``/``modal_finished`` like the
real one, and ``during`` (if set) runs inside that bracket, so a test can
check what holds while a question is open (Play paused, say).
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from explorer.ui.kit.dialogs import Dialogs, start_folder

ANSWERS = {
    "unsaved_changes": {"save", "discard", "cancel"},
    "recover": {"recover", "discard"},
    "training_outcome": {"keep", "discard"},
}
NEEDS_ANSWER = {"unsaved_changes", "recover", "open_path", "save_path", "folder", "training_outcome"}


@dataclass
class Asked:
    """One question the code under test asked."""

    kind: str
    details: dict[str, Any] = field(default_factory=dict)


class ScriptedDialogs(Dialogs):
    """Answers modal questions from a queue of ``(kind, answer)`` pairs and records them."""

    def __init__(self, *answers: tuple[str, Any], settings=None, parent=None) -> None:
        super().__init__(settings, parent)
        self.answers: deque[tuple[str, Any]] = deque()
        self.asked: list[Asked] = []
        self.during: Callable[[Asked], None] | None = None
        for kind, value in answers:
            self.answer(kind, value)

    def answer(self, kind: str, value: Any) -> ScriptedDialogs:
        """Queue the answer to the next question of ``kind``."""
        if kind not in NEEDS_ANSWER:
            raise ValueError(f"{kind} takes no answer; scripted kinds: {sorted(NEEDS_ANSWER)}")
        if kind in ANSWERS and value not in ANSWERS[kind]:
            raise ValueError(f"{kind} answers one of {sorted(ANSWERS[kind])}, not {value!r}")
        self.answers.append((kind, value))
        return self

    def kinds(self) -> list[str]:
        """The kinds of question asked so far, in order."""
        return [asked.kind for asked in self.asked]

    @property
    def warnings(self) -> list[str]:
        """The texts of the warnings shown so far."""
        return [asked.details["text"] for asked in self.asked if asked.kind == "warn"]

    def assert_all_answered(self) -> None:
        """Fail if a queued answer was never asked for."""
        assert not self.answers, f"never asked: {list(self.answers)}; asked: {self.kinds()}"

    def _ask(self, kind: str, **details: Any) -> Any:
        asked = Asked(kind, details)
        self.asked.append(asked)
        with self.modal():
            if self.during is not None:
                self.during(asked)
            if kind not in NEEDS_ANSWER:
                return None
            if not self.answers:
                raise AssertionError(f"unexpected question {kind} {details}: no scripted answer left")
            expected, value = self.answers[0]
            if expected != kind:
                raise AssertionError(f"asked {kind} {details}, but the next scripted answer is for {expected}")
            self.answers.popleft()
            return value

    def _chosen(self, value: str | None, folder_of: Callable[[Path], Path]) -> str | None:
        if value is not None:
            self._remember(folder_of(Path(value)))
        return value

    # -- the questions ------------------------------------------------------------

    def ask_unsaved_changes(self, parent, document_name):
        return self._ask("unsaved_changes", document_name=document_name)

    def ask_recover(self, parent, when, document_name):
        return self._ask("recover", when=when, document_name=document_name)

    def ask_training_outcome(self, parent, text, keep_text):
        return self._ask("training_outcome", text=text, keep_text=keep_text)

    def warn(self, parent, text):
        self._ask("warn", text=text)

    def about(self, parent, version):
        self._ask("about", version=version)

    def shortcuts(self, parent, rows):
        self._ask("shortcuts", rows=list(rows))

    def get_open_path(self, parent, title, filters=None):
        value = self._ask("open_path", title=title, start=start_folder(self.settings), filters=filters)
        return self._chosen(value, lambda path: path.parent)

    def get_save_path(self, parent, title, suggested, filters=None):
        value = self._ask("save_path", title=title, suggested=suggested, start=start_folder(self.settings))
        return self._chosen(value, lambda path: path.parent)

    def get_folder(self, parent, title):
        value = self._ask("folder", title=title, start=start_folder(self.settings))
        return self._chosen(value, lambda path: path)
