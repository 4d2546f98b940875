"""Every modal question the window asks, in one replaceable object.

The window never calls ``QMessageBox`` or ``QFileDialog`` itself: it asks
its :class:`Dialogs`. Tests hand the window a scripted stand-in
(``tests/ui/scripted_dialogs.py``) that answers from a queue, so no test
needs a switch in production code.

While a question is open, :attr:`Dialogs.modal_started` has been emitted and
:attr:`Dialogs.modal_finished` has not: the controller pauses Play on the
first. File dialogs start in the last folder used (kept in
:class:`~explorer.ui.kit.settings.Settings`), never in the working directory.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QDate, QDateTime, QLocale, QObject, QStandardPaths, Qt, QTime, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHeaderView,
    QMessageBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from explorer.ui.kit.settings import Settings
from explorer.ui.text.i18n import translate

APP_TITLE = "Jacobian Explorer"
# The file filters of model and snapshot files.
MODEL_FILTERS = str(QT_TRANSLATE_NOOP("Dialogs", "Models and snapshots (*.json);;All files (*)"))


def start_folder(settings: Settings | None) -> str:
    """Where a file dialog opens: the last folder used, else Documents, else home."""
    if settings is not None and settings.last_folder is not None:
        return settings.last_folder
    for location in (QStandardPaths.StandardLocation.DocumentsLocation, QStandardPaths.StandardLocation.HomeLocation):
        folder = QStandardPaths.writableLocation(location)
        if folder and Path(folder).is_dir():
            return folder
    return str(Path.home())


class Dialogs(QObject):
    """The window's modal questions, each a method that returns the answer.

    Parameters
    ----------
    settings : Settings, optional
        Where the last folder used is read and recorded; without it file
        dialogs start in Documents.
    parent : QObject, optional
        The Qt parent.
    """

    modal_started = Signal()  # a modal question opened (the first, if several nest)
    modal_finished = Signal()  # the last open modal question closed

    def __init__(self, settings: Settings | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self._depth = 0

    # -- the modal bracket ---------------------------------------------------------

    @property
    def modal_open(self) -> bool:
        """Whether a modal question is open now."""
        return self._depth > 0

    @contextmanager
    def modal(self) -> Iterator[None]:
        """Bracket a modal question with :attr:`modal_started` / :attr:`modal_finished`.

        Nested brackets emit once, around the outermost.
        """
        self._depth += 1
        if self._depth == 1:
            self.modal_started.emit()
        try:
            yield
        finally:
            self._depth -= 1
            if self._depth == 0:
                self.modal_finished.emit()

    def _exec(self, dialog: QDialog) -> int:
        with self.modal():
            return dialog.exec()

    def _message_box(self, parent: QWidget | None, icon: QMessageBox.Icon, text: str) -> QMessageBox:
        box = QMessageBox(icon, APP_TITLE, text, QMessageBox.StandardButton.NoButton, parent)
        box.setTextFormat(Qt.TextFormat.PlainText)  # a user's label may hold <img src=...>
        return box

    # -- questions -------------------------------------------------------------------

    def ask_unsaved_changes(self, parent: QWidget | None, document_name: str) -> str:
        """Save, discard or cancel the unsaved edits of ``document_name``.

        Returns
        -------
        str
            ``"save"``, ``"discard"`` or ``"cancel"`` (also for Escape or closing the box).
        """
        text = translate("Dialogs", "{name} has unsaved edits. Save them?").format(name=document_name)
        box = self._message_box(parent, QMessageBox.Icon.Question, text)
        buttons = QMessageBox.StandardButton
        box.setStandardButtons(buttons.Save | buttons.Discard | buttons.Cancel)
        box.button(buttons.Discard).setText(translate("Dialogs", "Discard"))  # the same word as in ask_recover
        box.setDefaultButton(buttons.Save)
        box.setEscapeButton(buttons.Cancel)
        self._exec(box)
        clicked = box.standardButton(box.clickedButton()) if box.clickedButton() is not None else buttons.Cancel
        return {buttons.Save: "save", buttons.Discard: "discard"}.get(clicked, "cancel")

    def ask_recover(self, parent: QWidget | None, when: datetime, document_name: str) -> str:
        """Recover an autosave of ``document_name`` written at ``when``, or discard it.

        Returns
        -------
        str
            ``"recover"`` or ``"discard"``. Escape and closing the box
            recover: only an explicit Discard throws the edits away.
        """
        local = when.astimezone().replace(tzinfo=None) if when.tzinfo is not None else when  # Qt drops tzinfo
        moment = QDateTime(QDate(local.year, local.month, local.day), QTime(local.hour, local.minute, local.second))
        stamp = QLocale().toString(moment, QLocale.FormatType.ShortFormat)
        text = translate(
            "Dialogs",
            "The explorer did not close properly. Edits of {name} from {time} were saved automatically. Recover them?",
        ).format(name=document_name, time=stamp)
        box = self._message_box(parent, QMessageBox.Icon.Warning, text)
        recover = box.addButton(translate("Dialogs", "Recover"), QMessageBox.ButtonRole.AcceptRole)
        discard = box.addButton(translate("Dialogs", "Discard"), QMessageBox.ButtonRole.DestructiveRole)
        box.setDefaultButton(recover)
        box.setEscapeButton(recover)
        self._exec(box)
        return "discard" if box.clickedButton() is discard else "recover"

    def ask_training_outcome(self, parent: QWidget | None, text: str, keep_text: str) -> str:
        """Keep what a stopped or diverged training run reached, or discard it.

        ``text`` says how the run ended; ``keep_text`` names the keep button
        ("Keep the weights", "Go back to the last finite weights").

        Returns
        -------
        str
            ``"keep"`` or ``"discard"``; Escape and closing the box discard.
        """
        box = self._message_box(parent, QMessageBox.Icon.Question, text)
        keep = box.addButton(keep_text, QMessageBox.ButtonRole.AcceptRole)
        discard = box.addButton(translate("Dialogs", "Discard"), QMessageBox.ButtonRole.DestructiveRole)
        box.setDefaultButton(keep)
        box.setEscapeButton(discard)
        self._exec(box)
        return "keep" if box.clickedButton() is keep else "discard"

    def warn(self, parent: QWidget | None, text: str) -> None:
        """Show ``text`` as plain text (never rich text) in a warning box."""
        box = self._message_box(parent, QMessageBox.Icon.Warning, text)
        box.setStandardButtons(QMessageBox.StandardButton.Ok)
        self._exec(box)

    def about(self, parent: QWidget | None, version: str) -> None:
        """The About box, with the program's version."""
        text = translate(
            "Dialogs",
            "<p><b>Jacobian Explorer</b> {version}</p>"
            "<p>Makes matrix differentiation (행렬미분) visible: step the forward pass (순전파) and the "
            "backward pass (역전파) one node at a time and see every value, gradient (변화도), Jacobian "
            "(야코비안 행렬) and the tensor-product (텐서곱) breakdown of the chain rule (연쇄법칙).</p>"
            "<p>A layer is H<sub>out</sub> = Wᵀ H<sub>in</sub>; a Jacobian ∂A/∂T has shape A.shape + T.shape.</p>",
        )
        box = QMessageBox(QMessageBox.Icon.NoIcon, translate("Dialogs", "About Jacobian Explorer"), "", parent=parent)
        box.setTextFormat(Qt.TextFormat.RichText)  # our own text only: the version is escaped below
        box.setText(text.format(version=_escape(version)))
        box.setStandardButtons(QMessageBox.StandardButton.Ok)
        self._exec(box)

    def shortcuts(self, parent: QWidget | None, rows: Sequence[tuple[str, str]]) -> None:
        """A table of the keyboard shortcuts: ``rows`` of (what it does, keys)."""
        dialog = ShortcutsDialog(rows, parent)
        self._exec(dialog)

    # -- files -----------------------------------------------------------------------

    def _remember(self, folder: Path) -> None:
        if self.settings is not None and folder.is_dir():
            self.settings.last_folder = folder

    def _file_dialog(self, parent: QWidget | None, title: str, start: str, filters: str | None) -> QFileDialog:
        """A Qt file dialog (the platform's own where there is one) starting in ``start``."""
        if filters is None:
            filters = translate("Dialogs", MODEL_FILTERS)
        dialog = QFileDialog(parent, title, start, filters)
        dialog.setObjectName("explorer_file_dialog")
        return dialog

    def get_open_path(self, parent: QWidget | None, title: str, filters: str | None = None) -> str | None:
        """An existing file chosen by the user, or None when cancelled."""
        dialog = self._file_dialog(parent, title, start_folder(self.settings), filters)
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptOpen)
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        if not self._exec(dialog) or not dialog.selectedFiles():
            return None
        path = Path(dialog.selectedFiles()[0])
        self._remember(path.parent)
        return str(path)

    def get_save_path(
        self, parent: QWidget | None, title: str, suggested: str, filters: str | None = None
    ) -> str | None:
        """A path to save to, or None when cancelled.

        ``suggested`` is a file name (put in the last folder used) or a whole
        path (kept as it is). The platform's dialog asks before replacing.
        """
        start = Path(suggested) if Path(suggested).is_absolute() else Path(start_folder(self.settings)) / suggested
        dialog = self._file_dialog(parent, title, str(start.parent), filters)
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setFileMode(QFileDialog.FileMode.AnyFile)
        dialog.setDefaultSuffix("json")
        dialog.selectFile(start.name)
        if not self._exec(dialog) or not dialog.selectedFiles():
            return None
        path = Path(dialog.selectedFiles()[0])
        self._remember(path.parent)
        return str(path)

    def get_folder(self, parent: QWidget | None, title: str) -> str | None:
        """An existing folder chosen by the user, or None when cancelled."""
        dialog = self._file_dialog(parent, title, start_folder(self.settings), "")
        dialog.setFileMode(QFileDialog.FileMode.Directory)
        dialog.setOption(QFileDialog.Option.ShowDirsOnly, True)
        if not self._exec(dialog) or not dialog.selectedFiles():
            return None
        folder = Path(dialog.selectedFiles()[0])
        self._remember(folder)
        return str(folder)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def plain_action_text(text: str) -> str:
    """A menu text without its accelerator or trailing ellipsis: ``"열기(&O)…"`` → ``"열기"``.

    >>> plain_action_text("Save &As…"), plain_action_text("열기(&O)…"), plain_action_text("Copy && paste")
    ('Save As', '열기', 'Copy & paste')
    """
    text = re.sub(r"\(&[^&]\)", "", text)  # the Korean style: 파일(&F)
    text = re.sub(r"&(.)", r"\1", text)  # the English style: &File; && is one &
    return text.rstrip("…").rstrip(".").strip()


class ShortcutsDialog(QDialog):
    """A read-only table of (action, keys), closed with Close or Escape."""

    def __init__(self, rows: Sequence[tuple[str, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("Dialogs", "Keyboard shortcuts"))
        self.table = QTableWidget(len(rows), 2, self)
        self.table.setHorizontalHeaderLabels([translate("Dialogs", "Action"), translate("Dialogs", "Keys")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.table.verticalHeader().setVisible(False)
        for row, (what, keys) in enumerate(rows):
            self.table.setItem(row, 0, QTableWidgetItem(plain_action_text(what)))
            self.table.setItem(row, 1, QTableWidgetItem(keys))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.resize(480, 420)
