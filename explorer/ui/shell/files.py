"""The window's files: New, Examples, Open, Recent, a dropped file, Save, Save As, Export, autosave.

:class:`DocumentFiles` is the one place that decides what happens to the
user's work: it asks Save / Discard / Cancel (through the window's
:class:`~explorer.ui.kit.dialogs.Dialogs`) before anything replaces unsaved
edits, keeps the recent files and the last folder in
:class:`~explorer.ui.kit.settings.Settings`, never overwrites a bundled example,
and gives every document it opens an :class:`~explorer.ui.document.autosave.Autosave`
(held by the :class:`~explorer.ui.document.document.Document`): written at most
30 s after an edit, removed by a save, a clean exit or the next document,
and offered back by :meth:`DocumentFiles.offer_recoveries` after a crash.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication, QMainWindow, QMenu

from explorer.engine import EngineError, Session
from explorer.export.file_set import write_file_set
from explorer.export.snapshot import snapshot_text
from explorer.model import ModelError, load_model
from explorer.model.door import is_regular_file, shown_path
from explorer.model.door import reason as door_reason
from explorer.model.examples import EXAMPLE_RATES, EXAMPLES
from explorer.resources import example_path
from explorer.ui.canvas.image import scene_png, scene_svg
from explorer.ui.canvas.scene import GraphScene
from explorer.ui.document.autosave import DEFAULT_INTERVAL_MS, Autosave, pending_recoveries
from explorer.ui.document.controller import Controller, open_document
from explorer.ui.document.document import Document, document_text, is_bundled
from explorer.ui.kit.dialogs import Dialogs
from explorer.ui.kit.settings import Settings
from explorer.ui.text.engine_text import error_text
from explorer.ui.text.example_text import model_name
from explorer.ui.text.i18n import translate
from explorer.ui.text.plain import one_line

#: What File → New starts from: the lecture's one-layer slide, untitled.
NEW_MODEL_EXAMPLE = "single_layer"


class DocumentFiles(QObject):
    """Opening, saving and autosaving the window's document.

    Parameters
    ----------
    window : QMainWindow
        Where the questions are asked and the status bar says what happened.
    controller : Controller
        The document: its model, session, path and undo stack; a refusal goes to its ``error_raised``.
    dialogs, settings : Dialogs, Settings
        The window's questions, and the recent files and last folder remembered.
    scene : GraphScene
        The canvas pictured by Export and Copy graph image.
    autosave_folder : Path, optional
        Where autosaves go; None for no autosave (the off-screen screenshot).
    autosave_interval_ms : int
        The longest wait from an edit to its autosave.

    :attr:`recent_menu` is File → Open Recent, filled each time it opens.
    """

    #: The document's name or modified state may have changed (opened, saved, recovered): the title follows.
    changed = Signal()

    def __init__(
        self,
        window: QMainWindow,
        controller: Controller,
        dialogs: Dialogs,
        settings: Settings,
        scene: GraphScene,
        autosave_folder: Path | None = None,
        autosave_interval_ms: int = DEFAULT_INTERVAL_MS,
    ) -> None:
        super().__init__(window)
        self._window = window
        self.controller = controller
        self.dialogs = dialogs
        self.settings = settings
        self._scene = scene
        self._autosave_folder = autosave_folder
        self._interval = autosave_interval_ms
        self._adopt_key: str | None = None  # a recovered autosave's key, for the document about to open
        self._on_document_replaced(self.controller.document)
        self.controller.document_replaced.connect(self._on_document_replaced)
        self.controller.undo_group.indexChanged.connect(self._on_edited)
        self.recent_menu = QMenu(translate("MainWindow", "Open &Recent"), window)
        self.recent_menu.aboutToShow.connect(self.fill_recent_menu)
        self.fill_recent_menu()

    # -- state ------------------------------------------------------------------------

    @property
    def document(self) -> Document:
        return self.controller.document

    @property
    def modified(self) -> bool:
        """Whether the document has edits that no file holds."""
        return self.document.modified

    @property
    def recovered(self) -> bool:
        """Whether the open document came back from an autosave (modified until saved)."""
        return self.document.recovered

    @property
    def autosave(self) -> Autosave | None:
        """The open document's autosave (None without an autosave folder)."""
        return self.document.autosave

    @property
    def document_name(self) -> str:
        c = self.controller
        return Path(c.path).name if c.path else (model_name(c.model.name) or translate("MainWindow", "untitled"))

    def _status(self, text: str, ms: int = 8000) -> None:
        self._window.statusBar().showMessage(one_line(text, 400), ms)

    # -- autosave ---------------------------------------------------------------------

    def _document_text(self) -> str:
        return document_text(self.controller.session, self.controller.document_kind)

    def _on_document_replaced(self, document: Document) -> None:
        """A document is open: its own autosave (the old one's went with the old one)."""
        key, self._adopt_key = self._adopt_key, None
        if self._autosave_folder is None:
            return
        autosave = document.start_autosave(self._document_text, self._autosave_folder, self._interval, key)
        autosave.failed.connect(self._status)

    def _on_edited(self, _index: int = 0) -> None:
        if self.autosave is not None and self.modified:
            self.autosave.mark_edited()

    def _opened(self, path: str | None) -> None:
        """Another document is open: in the recent list, in the title."""
        if path is not None and not is_bundled(path):
            self.settings.add_recent_file(path)
        self.changed.emit()

    def offer_recoveries(self, folder: Path | None = None) -> bool:
        """Offer the autosaves a crashed explorer left (Recover / Discard); True if one was opened.

        A recovered document opens marked modified and titled with its
        original path; its autosave is adopted, so there is still one per document.
        """
        for recovery in pending_recoveries(folder or self._autosave_folder):
            answer = self.dialogs.ask_recover(self._window, recovery.written, recovery.document_name)
            if answer == "discard":
                recovery.discard()
                continue
            try:
                session, kind = open_document(str(recovery.autosave_path))
            except (ModelError, EngineError, OSError) as error:
                reason = error_text(error) if isinstance(error, ModelError | EngineError) else door_reason(error)
                kept = recovery.set_aside()  # the only copy of those edits: kept, never deleted
                where = kept.name if kept is not None else recovery.autosave_path.name
                self.controller.error_raised.emit(
                    translate("Documents", "Cannot recover {name}: {reason}; the autosave is kept as {file}").format(
                        name=recovery.document_name, reason=reason, file=shown_path(str(where), 80)
                    )
                )
                continue
            self._adopt_key = recovery.key  # its autosave is adopted: still one per document
            self.controller.load(session, recovery.original_path, kind)
            self.document.recovered = True
            self.changed.emit()
            self._status(
                translate("MainWindow", "Recovered {name}: save it to keep the edits").format(
                    name=recovery.document_name
                )
            )
            return True
        return False

    def close(self) -> None:
        """A clean exit: the document closes (its runs end) and no autosave is left behind."""
        self.controller.close_document()

    # -- asking before edits are lost -----------------------------------------------

    def maybe_save(self) -> bool:
        """Ask Save / Discard / Cancel when there are unsaved edits; True when it is fine to go on."""
        if not self.modified:
            return True
        answer = self.dialogs.ask_unsaved_changes(self._window, self.document_name)
        if answer == "save":
            return self.save()
        return answer == "discard"

    # -- opening ----------------------------------------------------------------------

    def open_path(self, path: str, ask: bool = True) -> bool:
        """Open a model or snapshot file (asking first about unsaved edits); False keeps what is open."""
        if ask and not self.maybe_save():
            return False
        practice = getattr(self._window, "practice", None)
        if practice is not None and practice.is_exercise_file(path):  # practice starts on its items
            if not practice.open_exercises(path):
                return False
            self._opened(None)
            return True
        if not self.controller.open_file(path):
            return False
        self._opened(path)
        return True

    def open_dialog(self) -> None:
        """File → Open: ask about unsaved edits, then for a file, starting in the last folder."""
        if not self.maybe_save():
            return
        path = self.dialogs.get_open_path(self._window, translate("MainWindow", "Open model or snapshot"))
        if path:
            self.open_path(path, ask=False)

    def new(self) -> bool:
        """File → New: an untitled one-layer network."""
        if not self.maybe_save():
            return False
        model = load_model(example_path(NEW_MODEL_EXAMPLE))
        self.controller.load(Session(model), None, "model")
        self._opened(None)
        return True

    def open_example(self, name: str) -> bool:
        """File → Examples: a bundled example (Save on it asks for a new name)."""
        if name not in EXAMPLES or not self.maybe_save():
            return False
        if not self.open_path(str(example_path(name)), ask=False):
            return False
        lab = getattr(self._window, "learning_lab", None)
        if name in EXAMPLE_RATES and lab is not None:
            lab.lr_spin.setValue(EXAMPLE_RATES[name])  # the η its description names
        return True

    def open_dropped(self, path: str) -> bool:
        """A file dropped onto the window."""
        return self.open_path(path)

    def fill_recent_menu(self) -> None:
        """Rebuild File → Open Recent; files that are gone are dropped, and the status line says which."""
        menu = self.recent_menu
        menu.clear()
        kept, dropped = self.settings.prune_recent_files()
        if dropped:
            self._status(
                translate("MainWindow", "Removed from the recent files, no longer found: {names}").format(
                    names=", ".join(dropped)
                )
            )
        for number, path in enumerate(kept, start=1):
            action = menu.addAction(f"&{number % 10} {one_line(Path(path).name, 60)}")
            action.setToolTip(path)
            action.setData(path)
            action.triggered.connect(lambda _checked=False, p=path: self.open_recent(p))
        menu.addSeparator()
        clear = menu.addAction(translate("MainWindow", "Clear recent files"))
        clear.setEnabled(bool(kept))
        clear.triggered.connect(self.clear_recent)
        menu.setEnabled(True)

    def open_recent(self, path: str) -> bool:
        """Open a recent file; one that is gone leaves the list with a message."""
        if not is_regular_file(path):
            self.settings.remove_recent_file(path)
            self._status(
                translate("MainWindow", "Removed from the recent files, no longer found: {names}").format(
                    names=shown_path(Path(path).name, 60)
                )
            )
            return False
        return self.open_path(path)

    def clear_recent(self) -> None:
        for path in self.settings.recent_files():
            self.settings.remove_recent_file(path)

    # -- saving -----------------------------------------------------------------------

    def save(self) -> bool:
        """Save back to the open file as what it was; an untitled document or an example asks for a name."""
        if self.controller.path is None or self.document.bundled:
            return self.save_as()
        return self._saved(self.controller.save())

    def save_as(self) -> bool:
        """Save a model file under a new name, starting in the last folder."""
        c = self.controller
        suggested = Path(c.path).name if c.path and not is_bundled(c.path) else "model.json"
        path = self.dialogs.get_save_path(self._window, translate("MainWindow", "Save model"), suggested)
        return bool(path) and self._saved(c.save(path))

    def _saved(self, ok: bool) -> bool:
        if ok:  # the document is clean, its autosave gone (Document.saved)
            path = self.controller.path
            if path is not None:
                self.settings.add_recent_file(path)
            self.changed.emit()
        return ok

    # -- pictures -----------------------------------------------------------------------

    def export_dialog(self) -> None:
        folder = self.dialogs.get_folder(self._window, translate("MainWindow", "Export snapshot into folder"))
        if folder:
            self.export_to(folder)

    def export_to(self, folder: str | Path) -> bool:
        """Write snapshot.json, graph.png (2×) and graph.svg of the current step."""
        folder = Path(folder)
        try:
            files: dict[str, str | bytes] = {
                "snapshot.json": snapshot_text(self.controller.session),
                "graph.png": scene_png(self._scene, 2.0),
                "graph.svg": scene_svg(self._scene),
            }
            write_file_set(folder, files)  # all three or none, as the command line's export
        except (OSError, ValueError) as error:
            self.controller.error_raised.emit(translate("Documents", "Export to {folder} failed: {reason}").format(folder=folder, reason=error_text(error)))
            return False
        self._status(
            translate("MainWindow", "Exported snapshot.json, graph.png, graph.svg to {folder}").format(folder=folder)
        )
        return True

    def copy_graph_image(self) -> None:
        image = QImage.fromData(scene_png(self._scene, 2.0))
        QApplication.clipboard().setImage(image)
        self._status(translate("MainWindow", "Graph image copied to the clipboard"), 5000)
