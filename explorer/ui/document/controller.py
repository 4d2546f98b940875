"""The controller: the one place that owns the model, the session and the open document.

Views only emit requests (select this node, make this edit, take a step);
the controller turns an edit into an undoable command, the command swaps
the model, and every view redraws from the model and the session. A model
edit restarts the pass at step 0 and says so; moving a node keeps the step.

The open document (its path, kind, undo stack, autosave, and what the lab
computed for it) is a :class:`~explorer.ui.document.document.Document`:
opening another closes it (its runs end) and emits :attr:`Controller.document_replaced`.
The window's Undo and Redo follow the current document's stack through
:attr:`Controller.undo_group`.

Save keeps what was opened: a document opened from a snapshot is saved as a
snapshot again, at the current step (a model file is saved as a model file);
Save As writes a model file. Writing goes through :func:`~explorer.ui.document.saving.write_file`:
whole or not at all, through a link to its target, keeping permissions; a
failed save leaves the file on disk as it was and says so in one line.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QUndoGroup, QUndoStack

from explorer.engine import EngineError, Session
from explorer.export.snapshot import is_snapshot, session_from_document
from explorer.lesson.notation import pretty
from explorer.model import Model, ModelError
from explorer.model.io import read_json
from explorer.ui.document.document import Document, document_text, is_bundled
from explorer.ui.document.edits import ModelEditCommand
from explorer.ui.document.saving import write_file
from explorer.ui.document.stepping import Stepping
from explorer.ui.kit.busy import busy
from explorer.ui.text.engine_text import error_text, worded
from explorer.ui.text.i18n import translate
from explorer.ui.text.plain import one_line


def open_document(path: str) -> tuple[Session, str]:
    """A session from a model file (step 0) or a snapshot (its step), and which of the two it was."""
    document = read_json(path)
    return session_from_document(document), "snapshot" if is_snapshot(document) else "model"


class Controller(Stepping, QObject):
    """Owns the :class:`Model`, the stepping :class:`Session` and the open :class:`Document`.

    Moving through the pass (step, back, run, seek, play) is :class:`~explorer.ui.document.stepping.Stepping`'s.
    """

    model_changed = Signal()  # a different model: views rebuild
    step_changed = Signal()  # the session moved: views repaint
    selection_changed = Signal(str)
    message_posted = Signal(str)  # transient news for the status bar
    error_raised = Signal(str)  # a refused edit or a bad file, one line
    playing_changed = Signal(bool)
    path_changed = Signal(str)
    engine_failed = Signal(str, str)  # the node the engine named ("" if none) and one line
    inspected_changed = Signal(str)  # the node the inspector shows ("" for none)
    node_moved = Signal(str)  # only this node's canvas position changed: views move it in place
    document_replaced = Signal(object)  # another Document is open (the old one closed); before model_changed

    def __init__(
        self, model: Model, path: str | None = None, parent: QObject | None = None, kind: str = "model"
    ) -> None:
        super().__init__(parent)
        self._model = model
        self.session = Session(model)
        self.undo_group = QUndoGroup(self)
        self.document = self._new_document(path, kind)
        self.selected: str | None = None
        self._inspected: str | None = None
        self.failed_node: str | None = None  # the node where the last step failed, until the next move
        self.failure_text = ""
        self._timer = QTimer(self)
        self._timer.setInterval(500)
        self._timer.timeout.connect(self._on_play_tick)

    # -- the document ---------------------------------------------------------

    def _new_document(self, path: str | None, kind: str) -> Document:
        document = Document(path, kind, self)
        self.undo_group.addStack(document.undo_stack)
        self.undo_group.setActiveStack(document.undo_stack)
        return document

    @property
    def undo_stack(self) -> QUndoStack:
        """The open document's undo stack."""
        return self.document.undo_stack

    @property
    def path(self) -> str | None:
        """The open document's file; None while untitled."""
        return self.document.path

    @path.setter
    def path(self, path: str | None) -> None:
        self.document.path = path

    @property
    def document_kind(self) -> str:
        """``"model"`` or ``"snapshot"``: what Save writes back."""
        return self.document.kind

    def close_document(self) -> None:
        """The window closes: the document ends (its runs stop, its autosave goes); the model stays shown."""
        self.pause()
        self.document.close()

    # -- the model ------------------------------------------------------------

    @property
    def model(self) -> Model:
        return self._model

    def edit(
        self,
        text: str,
        change: Callable[..., Model],
        *args: Any,
        restarts: bool = True,
        note: str = "",
        moved: str | None = None,
    ) -> bool:
        """Apply ``change(model, *args)`` as an undoable command named ``text``.

        The named edits of :mod:`explorer.ui.document.edits` call this. A refused
        change (:class:`ModelError`) is reported on :attr:`error_raised` and
        changes nothing; a change that gives back the same model pushes
        nothing. ``note`` is said in the status line after the edit (and its
        redo); ``moved`` names the node when moving it is the whole edit.
        Returns whether the model changed.
        """
        try:
            new = change(self._model, *args)
        except ModelError as error:
            self.error_raised.emit(translate("Controller", "{edit} refused: {reason}").format(edit=text, reason=self._named(error)))
            return False
        if new is self._model:
            return False
        self.undo_stack.push(
            ModelEditCommand(self._replace_model, text, self._model, new, restarts, note, moved, self.session.position)
        )
        return True

    def _named(self, error: ModelError) -> str:
        """The refusal with its node named as the user sees it (``Ŷ``, not ``Yhat``)."""
        node = error.node
        if node is None:
            return error_text(error)
        name = self._model.label(node) if node in self._model else node
        return f"{one_line(pretty(name), 60)}: {worded(error.reason)}"

    def _replace_model(
        self, model: Model, restarts: bool, text: str, note: str = "", moved: str | None = None, reached: int = 0
    ) -> None:
        """Show ``model``: the pass starts again (``restarts``) or stays where it was (a moved node).

        ``reached`` is the step an undo goes back to: the one the pass had reached before the edit.
        """
        position = self.session.position
        self._model = model
        self.session = Session(model)
        self._clear_failure()
        if self.selected is not None and self.selected not in model:
            self.selected = None
        if restarts:
            self.pause()
            restart = self._return_to(reached) if reached else self._starts_again()
            self.model_changed.emit()
            self.step_changed.emit()
            self._update_inspected()
            self.message_posted.emit(" ".join(part for part in (f"{text}: {restart}.", note) if part))
            return
        try:
            self.session.seek(min(position, self.session.total))
        except EngineError as error:
            self.model_changed.emit()
            self._fail(error)
            return
        if moved is not None and moved in model:
            self.node_moved.emit(moved)  # same graph, same numbers: nothing else to redraw
            return
        self.model_changed.emit()
        self.step_changed.emit()
        self._update_inspected()

    @staticmethod
    def _starts_again() -> str:
        return translate("Controller", "the model changed, so the pass starts again at step 0")

    def _return_to(self, reached: int) -> str:
        """Step the new session back to ``reached`` (an undo); what the status line says of it."""
        try:
            with busy(translate("Controller", "Moving to step {position}…").format(position=reached), 2 * self._elements()):
                self.session.seek(min(reached, self.session.total))
        except EngineError:
            self.session = Session(self._model)  # the step cannot be reached again: the pass starts at 0
            return self._starts_again()
        return translate("Controller", "back at step {position}/{total}").format(
            position=self.session.position, total=self.session.total
        )

    def open_file(self, path: str) -> bool:
        """Open a model or snapshot; on bad input report it and keep what is open."""
        try:
            session, kind = open_document(path)
        except (ModelError, EngineError) as error:
            self.error_raised.emit(translate("Controller", "Cannot open {name}: {reason}").format(name=Path(path).name, reason=error_text(error)))
            return False
        self.load(session, path, kind)
        self.message_posted.emit(
            translate("Controller", "Opened {name} at step {position}/{total}").format(
                name=Path(path).name, position=session.position, total=session.total
            )
        )
        return True

    def load(self, session: Session, path: str | None = None, kind: str = "model") -> None:
        """Show another model at the session's step; the undo history starts afresh.

        ``kind`` (``"model"`` or ``"snapshot"``) is what Save writes back to ``path``.
        """
        self.pause()
        old = self.document
        old.close()  # its runs end before anything of the new one is shown
        self.document = self._new_document(path, kind)
        old.deleteLater()
        self._model = session.model
        self.session = session
        self._clear_failure()
        self.selected = None
        self.document_replaced.emit(self.document)
        self.model_changed.emit()
        self.step_changed.emit()
        self._update_inspected()
        self.path_changed.emit(path or "")

    def save(self, path: str | None = None) -> bool:
        """Save to ``path`` as a model file, or back to the open file as what it was (model or snapshot).

        Returns whether the file was written; on failure the file on disk is unchanged.
        """
        target = path or self.path
        if target is None:
            return False
        name = one_line(Path(target).name, 80)
        kind = self.document_kind if path is None or path == self.path else "model"
        if is_bundled(target):
            self.error_raised.emit(
                translate("Controller", "Cannot save {name}: a bundled example is never overwritten; use Save As").format(name=name)
            )
            return False
        try:
            write_file(target, document_text(self.session, kind))
        except (OSError, ValueError, ModelError, EngineError, MemoryError) as error:
            reason = one_line(error_text(error), 300)
            self.error_raised.emit(
                translate("Controller", "Cannot save {name}: {reason}; the file on disk is unchanged").format(name=name, reason=reason)
            )
            return False
        self.document.saved(target, kind)
        self.path_changed.emit(target)
        if kind == "snapshot":
            saved = translate("Controller", "Saved {name} (a snapshot at step {position}/{total})").format(
                name=name, position=self.session.position, total=self.session.total
            )
        else:
            saved = translate("Controller", "Saved {name}").format(name=name)
        self.message_posted.emit(saved)
        return True

    # -- selection ------------------------------------------------------------

    def select(self, node: str | None) -> None:
        if node == self.selected or (node is not None and node not in self._model):
            return
        self.selected = node
        self.selection_changed.emit(node or "")
        self._update_inspected()

    @property
    def inspected(self) -> str | None:
        """The node the inspector shows: the selected one, else the current step's node."""
        if self.selected is not None:
            return self.selected
        current = self.session.current
        return current.node if current is not None and current.node in self._model else None

    def _update_inspected(self) -> None:
        """Emit :attr:`inspected_changed` when :attr:`inspected` is another node than last said.

        A step emits :attr:`step_changed` first: a view that follows both
        reads :attr:`inspected` there and draws once, for the new node.
        """
        node = self.inspected
        if node != self._inspected:
            self._inspected = node
            self.inspected_changed.emit(node or "")
