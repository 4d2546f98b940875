"""A document's practice: its score and the exercise items still to ask, held by the document and ending with it."""

from __future__ import annotations

from PySide6.QtCore import QObject

from explorer.practice import Exercises, Item

#: Points a question is worth; each hint used costs one.
POINTS = 3


class PracticeRecord(QObject):
    """The session score of one document (a child of its :class:`~explorer.ui.document.document.Document`)."""

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self.points = 0
        self.possible = 0
        self.right = 0
        self.asked = 0
        self.exercises: Exercises | None = None
        self.queue: list[Item] = []

    def scored(self, correct: bool, hints_used: int) -> int:
        """Count one finished question; the points it earned."""
        earned = max(POINTS - hints_used, 0) if correct else 0
        self.asked += 1
        self.right += int(correct)
        self.possible += POINTS
        self.points += earned
        return earned


def record_of(document: QObject) -> PracticeRecord:
    """The document's record, made the first time it is asked for."""
    found = document.findChild(PracticeRecord)
    return found if isinstance(found, PracticeRecord) else PracticeRecord(document)
