"""One open document: where it came from, what Save writes, its undo history, its autosave, its runs.

A :class:`Document` is made for every document the window opens (at start,
New, Open, an example, a drop, a recovered autosave) and closed when
another replaces it or the window closes. What belongs to the document is
held by it and ends with it:

- ``path`` (None while untitled) and ``kind``: ``"model"`` or
  ``"snapshot"``, what Save writes back;
- its own :class:`QUndoStack` (the window's Undo and Redo follow the
  current document's stack through the controller's ``QUndoGroup``);
- whether it is ``modified`` (edits no file holds, or recovered from an
  autosave);
- its :class:`~explorer.ui.document.autosave.Autosave`, removed by a clean close;
- whatever the rooms above compute for it: the lab hangs its training runs
  and their results on the document as children and ends them on
  :attr:`Document.closing`, so a run of one document never lands on another.

:func:`document_text` is the one place that turns a document into the text
of its file (Save and autosave both write it), and :func:`is_bundled` the
one check that a path is a bundled example (never overwritten).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from explorer.engine import Session
from explorer.export.snapshot import snapshot_text
from explorer.model.io import dumps, model_to_dict
from explorer.resources import resources_dir
from explorer.ui.document.autosave import DEFAULT_INTERVAL_MS, Autosave

KINDS = ("model", "snapshot")


def document_text(session: Session, kind: str) -> str:
    """The file text of a document: a snapshot at the session's step, or the model file."""
    if kind == "snapshot":
        return snapshot_text(session)
    return dumps(model_to_dict(session.model))


def is_bundled(path: str | os.PathLike[str]) -> bool:
    """Whether ``path`` is one of the bundled examples (never overwritten)."""
    try:
        return Path(os.path.realpath(path)).is_relative_to(resources_dir())
    except FileNotFoundError:
        return False


class Document(QObject):
    """One open document and everything that ends with it (see the module's description).

    Parameters
    ----------
    path : str, optional
        Its file; None while untitled.
    kind : str
        ``"model"`` or ``"snapshot"``: what Save writes back to ``path``.
    parent : QObject, optional
        The controller that shows it.
    """

    closing = Signal()  # the document is closing: end its runs, forget what was drawn of it

    def __init__(self, path: str | None = None, kind: str = "model", parent: QObject | None = None) -> None:
        super().__init__(parent)
        if kind not in KINDS:
            raise ValueError(f"a document is a model or a snapshot, not {kind!r}")
        self.path = path
        self.kind = kind
        self.undo_stack = QUndoStack(self)
        self.recovered = False  # a recovered document is modified though its undo stack is clean
        self.autosave: Autosave | None = None
        self.closed = False

    @property
    def modified(self) -> bool:
        """Whether the document has edits that no file holds."""
        return self.recovered or not self.undo_stack.isClean()

    @property
    def bundled(self) -> bool:
        """Whether it is a bundled example (Save asks for a new name)."""
        return self.path is not None and is_bundled(self.path)

    def start_autosave(
        self,
        text: Callable[[], str],
        folder: Path,
        interval_ms: int = DEFAULT_INTERVAL_MS,
        key: str | None = None,
    ) -> Autosave:
        """Autosave this document into ``folder`` (adopting ``key``, a recovered autosave's, if given)."""
        if self.autosave is not None:
            self.autosave.close()
            self.autosave.deleteLater()
        self.autosave = Autosave(text, self.path, interval_ms, folder, key, parent=self)
        return self.autosave

    def saved(self, path: str, kind: str) -> None:
        """Written to ``path`` as ``kind``: clean, no longer recovered, its autosave gone and keyed by ``path``."""
        self.path = path
        self.kind = kind
        self.recovered = False
        self.undo_stack.setClean()
        if self.autosave is not None:
            self.autosave.saved(path)

    def close(self) -> None:
        """Close the document: :attr:`closing` is emitted (its runs end), its autosave goes, its history too.

        Closing twice does nothing the second time.
        """
        if self.closed:
            return
        self.closed = True
        self.closing.emit()
        if self.autosave is not None:
            self.autosave.close()
        self.undo_stack.clear()
