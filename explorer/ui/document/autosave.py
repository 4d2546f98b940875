"""Autosave and recovery: a crash loses at most the last 30 seconds of edits.

After an edit, :class:`Autosave` writes the document (any text, usually
the model file's JSON) into ``autosave/`` under the platform's app-data
folder (``QStandardPaths.AppDataLocation``), at most ``interval_ms`` later.
Each document has one key, so it has at most one autosave:

- ``KEY.json``: the document text, written atomically, loadable as it is;
- ``KEY.info.json``: a small header (the original path, the time, the pid);
- ``KEY.lock``: a ``QLockFile`` held while the writing process lives.

A clean exit or a save removes all three. On start,
:func:`pending_recoveries` lists the autosaves whose lock is stale (the
writer is gone, e.g. killed): the window offers each through
``Dialogs.ask_recover`` and then calls :meth:`Recovery.discard` or adopts
it (``Autosave(..., key=recovery.key)``).

Every file here goes through the program's doors (:mod:`explorer.model.door`):
headers and documents are read only when they are regular files, within a
bound, without blocking; autosaves never follow a link planted at their
names. Whatever the folder holds, listing it never raises and never blocks:
a header, document or lock that is not a regular file (a named pipe, a link
to a device, a folder) is set aside (renamed ``….unusable-TIME``), a
header's time out of range dates it by its file, and a folder that cannot be
used says so in one line (:func:`check_autosave_folder`).
"""

from __future__ import annotations

import hashlib
import json
import os
import secrets
from collections.abc import Callable
from contextlib import suppress
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from PySide6.QtCore import QLockFile, QObject, QStandardPaths, Qt, QTimer, Signal

from explorer.model import limits
from explorer.model.door import (
    clear_lock_name,
    is_folder,
    kind_of,
    read_bytes,
    read_text,
    reason,
    set_aside,
    shown_path,
    write_atomic,
)
from explorer.ui.text.i18n import translate

DEFAULT_INTERVAL_MS = 30_000
HEADER_FORMAT = "jacobian-explorer/autosave"
# A header larger than this is not one of ours.
MAX_HEADER_BYTES = 64 * 1024


def autosave_folder() -> Path:
    """``autosave/`` in the platform's app-data folder (not created here)."""
    base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    if not base:  # no writable app-data location on this platform: beside the home folder
        base = str(Path.home() / ".jacobian-explorer")
    return Path(base) / "autosave"


def document_key(path: str | os.PathLike[str] | None) -> str:
    """A stable file-name key: a hash of the resolved path, or a fresh one for an untitled document."""
    if path is None:
        return f"untitled-{secrets.token_hex(8)}"
    try:
        resolved = os.path.normcase(str(Path(path).expanduser().resolve()))
    except (OSError, ValueError, RuntimeError):
        resolved = os.path.normcase(os.path.abspath(path))
    return "doc-" + hashlib.sha256(os.fsencode(resolved)).hexdigest()[:24]  # a name that is not UTF-8 too


def _files(folder: Path, key: str) -> tuple[Path, Path, Path]:
    return folder / f"{key}.json", folder / f"{key}.info.json", folder / f"{key}.lock"


@dataclass(frozen=True)
class Recovery:
    """An autosave left behind by a process that is gone.

    Attributes
    ----------
    key : str
        The document's key (adopt it with ``Autosave(..., key=key)``).
    autosave_path : Path
        The document text as autosaved: open it like a model file.
    original_path : str or None
        Where the document was saved before, None if it was untitled.
    written : datetime
        When the autosave was written (local time, timezone-aware).
    pid : int or None
        The process that wrote it.
    """

    key: str
    autosave_path: Path
    original_path: str | None
    written: datetime
    pid: int | None

    @property
    def document_name(self) -> str:
        """The file name to show: the original's, or ``"untitled"``."""
        return Path(self.original_path).name if self.original_path else "untitled"

    def read_text(self) -> str:
        """The autosaved document text (through the reading door: a regular file within the model limit)."""
        return read_text(self.autosave_path, limits.MAX_FILE_BYTES)

    def discard(self) -> None:
        """Delete the autosave and its header and lock."""
        for path in _files(self.autosave_path.parent, self.key):
            with suppress(OSError):
                path.unlink(missing_ok=True)

    def set_aside(self) -> Path | None:
        """Keep the autosaved document under ``….unusable-TIME`` (it cannot be opened) and drop its header and lock.

        Returns where it was kept, or None when it could not be renamed (it is then left where it is).
        """
        try:
            kept = set_aside(self.autosave_path)
        except OSError:
            return None
        for path in _files(self.autosave_path.parent, self.key)[1:]:
            with suppress(OSError):
                path.unlink(missing_ok=True)
        return kept


def _read_header(path: Path) -> dict[str, object]:
    try:
        header = json.loads(bytes(read_bytes(path, MAX_HEADER_BYTES)).decode("utf-8"))
    except (OSError, ValueError, RecursionError):
        return {}
    return header if isinstance(header, dict) else {}


def _header_time(header: dict[str, object], text_path: Path) -> datetime:
    """When the autosave was written: the header's time, else the file's, else now (never raises)."""
    try:
        return datetime.fromisoformat(str(header["time"])[:64]).astimezone()
    except (KeyError, ValueError, OverflowError, OSError, TypeError):
        pass
    try:
        return datetime.fromtimestamp(text_path.stat().st_mtime).astimezone()
    except (ValueError, OverflowError, OSError):
        return datetime.now().astimezone()


def _writer_alive(lock_path: Path) -> bool:
    """Whether the process holding ``lock_path`` still lives (then the lock cannot be taken)."""
    if not clear_lock_name(lock_path):
        return True  # something that is not a lock is in the way and stays: leave this autosave alone
    lock = QLockFile(str(lock_path))
    lock.setStaleLockTime(0)  # only a gone process makes the lock stale, never its age
    if lock.tryLock(0):
        lock.unlock()  # removes the lock file: the autosave stays, no longer owned
        return False
    return lock.error() == QLockFile.LockError.LockFailedError


def pending_recoveries(folder: Path | None = None) -> list[Recovery]:
    """The autosaves whose writing process is gone, newest first.

    Autosaves of live processes (another window, another running explorer)
    are left alone. A header that cannot be read still offers its document
    (dated by the file); a header without its document is removed.
    """
    folder = folder or autosave_folder()
    if not is_folder(folder):
        return []
    try:
        headers = sorted(folder.glob("*.info.json"))
    except (OSError, ValueError):
        return []
    found = []
    for info in headers:
        try:
            recovery = _recovery(folder, info)
        except (OSError, ValueError):  # it cannot be looked at: left where it is
            continue
        if recovery is not None:
            found.append(recovery)
    return sorted(found, key=lambda recovery: recovery.written, reverse=True)


def _recovery(folder: Path, info: Path) -> Recovery | None:
    """The recovery one header offers, or None (a live writer, no document, something that is not a file)."""
    key = info.name.removesuffix(".info.json")
    text_path, _, lock_path = _files(folder, key)
    if kind_of(info) != "file":  # a pipe, a link, a folder at a header's name is not ours: set aside
        set_aside(info)
        return None
    if _writer_alive(lock_path):
        return None
    text_kind = kind_of(text_path)
    if text_kind != "file":
        if text_kind is not None:
            set_aside(text_path)
        info.unlink(missing_ok=True)  # a header without its document offers nothing
        return None
    header = _read_header(info)
    original = header.get("original_path")
    pid = header.get("pid")
    written = _header_time(header, text_path)
    if not (isinstance(original, str) and 0 < len(original) <= 4096 and "\0" not in original):
        original = None
    return Recovery(
        key=key,
        autosave_path=text_path,
        original_path=original if isinstance(original, str) else None,
        written=written,
        pid=pid if isinstance(pid, int) and not isinstance(pid, bool) else None,
    )


def check_autosave_folder(folder: Path | None = None) -> str | None:
    """Make the autosave folder usable at start: one line when it was not, else None. Never raises.

    Something at its name that is not a folder (a file, a pipe, a link to a
    device) is set aside; a folder that cannot be read, or written, is said.
    """
    folder = folder or autosave_folder()
    kind = kind_of(folder)
    if kind is None or is_folder(folder):
        if kind is not None and not os.access(folder, os.R_OK | os.W_OK | os.X_OK):
            return translate("Autosave", "Autosave is off: {folder} cannot be written (permission denied)").format(
                folder=shown_path(folder)
            )
        return None
    if kind.startswith("unreachable"):
        return translate("Autosave", "Autosave is off: {folder}: {reason}").format(
            folder=shown_path(folder), reason=kind.removeprefix("unreachable: ")
        )
    try:
        aside = set_aside(folder)
    except OSError as error:
        return translate("Autosave", "Autosave is off: {folder} is not a folder ({reason})").format(
            folder=shown_path(folder), reason=reason(error)
        )
    return translate("Autosave", "{folder} was not a folder: it was set aside as {name}").format(
        folder=shown_path(folder), name=shown_path(aside.name)
    )


class Autosave(QObject):
    """The autosave of one open document.

    Parameters
    ----------
    document_text : callable
        Gives the document's current text, e.g.
        ``lambda: dumps(model_to_dict(controller.model))``.
    path : str, optional
        The document's file, None while untitled.
    interval_ms : int
        The longest wait from an edit to its autosave (30 s; less in tests).
    folder : Path, optional
        Where autosaves go; :func:`autosave_folder` by default.
    key : str, optional
        Adopt this key (a recovered autosave's) instead of deriving one.
    parent : QObject, optional
        The Qt parent.
    """

    written = Signal(str)  # the autosave file, after each write
    failed = Signal(str)  # one line: why the autosave could not be written

    def __init__(
        self,
        document_text: Callable[[], str],
        path: str | None = None,
        interval_ms: int = DEFAULT_INTERVAL_MS,
        folder: Path | None = None,
        key: str | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._document_text = document_text
        self._path = path
        self._folder = folder or autosave_folder()
        self._key = key or document_key(path)
        self._lock: QLockFile | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)  # "at most 30 s": a coarse timer may be 5 % late
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.write_now)

    @property
    def key(self) -> str:
        """The document's key: its autosave files are ``KEY.*``."""
        return self._key

    @property
    def autosave_path(self) -> Path:
        """Where the document text is autosaved."""
        return _files(self._folder, self._key)[0]

    @property
    def pending(self) -> bool:
        """Whether an edit waits to be autosaved."""
        return self._timer.isActive()

    @property
    def due_ms(self) -> int:
        """Milliseconds until the pending autosave, -1 when none is pending."""
        return self._timer.remainingTime() if self._timer.isActive() else -1

    def mark_edited(self) -> None:
        """An edit happened: autosave within the interval.

        The countdown starts at the first edit since the last write and is
        not pushed back by later ones, so steady editing still autosaves.
        """
        if not self._timer.isActive():
            self._timer.start()

    def _take_lock(self) -> str | None:
        """Hold this document's lock; None when held, else why not, in one line."""
        if self._lock is not None:
            return None
        lock_path = _files(self._folder, self._key)[2]
        if not clear_lock_name(lock_path):
            return translate("Autosave", "Autosave skipped: {name} is in the way").format(name=shown_path(lock_path))
        lock = QLockFile(str(lock_path))
        lock.setStaleLockTime(0)
        if not lock.tryLock(0):
            if lock.error() == QLockFile.LockError.LockFailedError:
                return translate("Autosave", "Autosave skipped: another running explorer autosaves {name}").format(
                    name=self.document_name
                )
            why = "permission denied" if lock.error() == QLockFile.LockError.PermissionError else "the lock cannot be made"
            return translate("Autosave", "Autosave to {folder} failed: {reason}").format(
                folder=shown_path(self._folder), reason=why
            )
        self._lock = lock
        return None

    def write_now(self) -> bool:
        """Write the autosave now; returns whether it was written.

        A failure (a full disk, a folder that cannot be made, a document that
        another live process autosaves) is reported on :attr:`failed`; the
        open document is untouched.
        """
        self._timer.stop()
        text_path, info_path, _ = _files(self._folder, self._key)
        try:
            self._folder.mkdir(parents=True, exist_ok=True)
            refused = self._take_lock()
            if refused is not None:
                self.failed.emit(refused)
                return False
            write_atomic(text_path, self._document_text(), follow_link=False)  # a planted link is replaced, not followed
            header = {
                "format": HEADER_FORMAT,
                "original_path": self._path,
                "time": datetime.now(timezone.utc).isoformat(),
                "pid": os.getpid(),
            }
            write_atomic(info_path, json.dumps(header, ensure_ascii=True, indent=1) + "\n", follow_link=False)
        except (OSError, ValueError) as error:
            self.failed.emit(
                translate("Autosave", "Autosave to {folder} failed: {reason}").format(
                    folder=shown_path(self._folder), reason=reason(error)
                )
            )
            return False
        self.written.emit(str(text_path))
        return True

    @property
    def document_name(self) -> str:
        return Path(self._path).name if self._path else "untitled"

    def remove(self) -> None:
        """Delete this document's autosave and release its lock (a save, a clean close)."""
        self._timer.stop()
        text_path, info_path, _ = _files(self._folder, self._key)
        for path in (info_path, text_path):  # the header first: without it nothing is offered
            with suppress(OSError):  # a folder that is gone or became a file: nothing to remove
                path.unlink(missing_ok=True)
        if self._lock is not None:
            self._lock.unlock()
            self._lock = None

    def saved(self, path: str) -> None:
        """The document was saved to ``path``: its autosave goes, and it is keyed by ``path`` from now on."""
        self.remove()
        self._path = path
        self._key = document_key(path)

    def close(self) -> None:
        """A clean exit: nothing is left behind."""
        self.remove()
