"""The Practice dock's contents: the question, the answer grid, Check / Hint / Show answer / Skip, the verdict, the score.

The panel only shows and asks: each button emits a request that
:class:`~explorer.ui.practice.mode.Practice` answers.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from explorer.ui.kit.theme import current_theme
from explorer.ui.practice.grid import AnswerGrid
from explorer.ui.text.i18n import translate
from explorer.ui.text.plain import plain


def _wrapped(parent: QWidget) -> QLabel:
    label = plain(QLabel(parent))
    label.setWordWrap(True)
    return label


class PracticePanel(QWidget):
    """What the student sees and types into."""

    check_requested = Signal()
    hint_requested = Signal()
    reveal_requested = Signal()
    skip_requested = Signal()
    language_changed = Signal()  # another catalogue: the question and the score are worded again

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title_label = _wrapped(self)
        font = self.title_label.font()
        font.setBold(True)
        self.title_label.setFont(font)
        self.question_label = _wrapped(self)
        self.prompt_label = _wrapped(self)
        self.grid = AnswerGrid(self)
        self.check_button = QPushButton(translate("Practice", "Check"), self)
        self.hint_button = QPushButton(translate("Practice", "Hint (−1 point)"), self)
        self.reveal_button = QPushButton(translate("Practice", "Show answer"), self)
        self.skip_button = QPushButton(translate("Practice", "Skip"), self)
        self.check_button.setDefault(True)
        self.check_button.clicked.connect(self.check_requested)
        self.hint_button.clicked.connect(self.hint_requested)
        self.reveal_button.clicked.connect(self.reveal_requested)
        self.skip_button.clicked.connect(self.skip_requested)
        buttons = QHBoxLayout()
        for button in (self.check_button, self.hint_button, self.reveal_button, self.skip_button):
            buttons.addWidget(button)
        self.verdict_label = _wrapped(self)
        self.hints_label = _wrapped(self)
        self.score_label = plain(QLabel(self))
        layout = QVBoxLayout(self)
        for widget in (self.title_label, self.question_label, self.prompt_label):
            layout.addWidget(widget)
        layout.addWidget(self.grid, 1)
        layout.addLayout(buttons)
        for widget in (self.verdict_label, self.hints_label, self.score_label):
            layout.addWidget(widget)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt override)
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:
            self.language_changed.emit()

    def show_verdict(self, text: str, good: bool | None) -> None:
        """The verdict line, green when right, red when wrong, plain for news."""
        theme = current_theme()
        colour = "" if good is None else (theme.ok if good else theme.error).name()
        self.verdict_label.setStyleSheet(f"color: {colour}" if colour else "")
        self.verdict_label.setText(text)

    def set_answerable(self, on: bool) -> None:
        for widget in (self.grid, self.check_button, self.hint_button, self.reveal_button, self.skip_button):
            widget.setEnabled(on)
