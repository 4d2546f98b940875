"""Writing a set of files into a folder all or nothing, through the writing door.

The set is written into a temporary folder beside the destination (its name
unpredictable, made exclusively), each file flushed to disk, and moved into
place only when every file is complete. Into a folder that already exists
the files are moved one by one, each old file first kept under a second
name (a hard link); when a move is refused half way (a sticky folder where
one file belongs to another user, say) the files already moved are put
back. Either way the destination ends with the whole set or as it was: no
new files, and no folder the writer created. Anything at a file's name that
is not a regular file (a folder, a pipe, a device) is refused first.
"""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
import shutil
import stat
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import BinaryIO

from explorer.model.door import CREATE_EXCLUSIVE, fsync_folder, is_folder, kind_of, shown_path

#: A file's content: text (written as UTF-8), bytes, or a function that writes into a binary file.
Content = str | bytes | Callable[[BinaryIO], object]


class FileSetError(OSError):
    """The destination cannot take the set; the message is one line for a person."""

    def __str__(self) -> str:
        return str(self.args[0]) if self.args else "the files cannot be written"


def _missing_parents(folder: Path) -> list[Path]:
    """The ancestors of ``folder`` that do not exist yet, outermost first."""
    missing = []
    for parent in folder.parents:
        if os.path.lexists(parent):
            break
        missing.append(parent)
    return missing[::-1]


def _write_one(path: Path, content: Content) -> None:
    with os.fdopen(os.open(path, CREATE_EXCLUSIVE, 0o666), "wb") as stream:
        if isinstance(content, str):
            stream.write(content.encode("utf-8"))
        elif isinstance(content, bytes | bytearray):
            stream.write(content)
        else:
            content(stream)
        stream.flush()
        os.fsync(stream.fileno())


def _check_destination(folder: Path, names: list[str]) -> None:
    """Refuse, before anything is written, a destination that cannot take the set."""
    kind = kind_of(folder)
    if kind is not None and kind.startswith("unreachable"):
        raise FileSetError(f"{shown_path(folder)}: {kind.removeprefix('unreachable: ')}")
    if kind is not None and not is_folder(folder):
        raise FileSetError(f"{shown_path(folder)} exists and is not a folder")
    if kind is None:
        return
    euid = os.geteuid() if hasattr(os, "geteuid") else -1
    folder_status = os.stat(folder)
    sticky = bool(folder_status.st_mode & stat.S_ISVTX)
    for name in names:
        path = folder / name
        what = kind_of(path)
        if what is None or what in ("file", "link", "link to something else"):
            pass
        elif what == "folder":
            raise FileSetError(f"{shown_path(path)} is a folder; it cannot be replaced by a file")
        else:
            raise FileSetError(f"{shown_path(path)} is a {what}, not a regular file; it is left as it is")
        others = what is not None and sticky and euid not in (0, folder_status.st_uid)
        if others and os.lstat(path).st_uid != euid:
            raise FileSetError(
                f"{shown_path(path)} belongs to another user in a folder only its owners may replace in; "
                "nothing was written"
            )


def _keep_name(path: Path) -> Path:
    return path.with_name(f".{path.name[:80]}.{secrets.token_hex(8)}.old")


def _move_in(staging: Path, folder: Path, names: list[str]) -> None:
    """Move every file from ``staging`` into ``folder``, or put every moved one back and raise."""
    done: list[tuple[Path, Path | None]] = []  # (target, the old file's second name)
    try:
        for name in names:
            target = folder / name
            kept: Path | None = None
            if os.path.lexists(target):
                kept = _keep_name(target)
                try:
                    os.link(target, kept, follow_symlinks=False)
                except OSError as error:
                    if error.errno not in (errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EMLINK, errno.EXDEV):
                        raise
                    os.rename(target, kept)  # no hard links here: the old file steps aside instead
            done.append((target, kept))
            os.replace(staging / name, target)
    except BaseException:
        for target, kept in reversed(done):
            with contextlib.suppress(OSError):
                if kept is not None:
                    os.replace(kept, target)  # a no-op when both names are still the one old file
                    if os.path.lexists(kept) and os.path.samestat(os.lstat(kept), os.lstat(target)):
                        os.unlink(kept)  # the old file stayed in place: its second name goes
                elif not os.path.lexists(staging / target.name):  # it was moved in: it goes
                    os.unlink(target)
        raise
    for _target, kept in done:
        if kept is not None:
            with contextlib.suppress(OSError):
                os.unlink(kept)


def write_file_set(folder: str | os.PathLike[str], files: Mapping[str, Content]) -> None:
    """Write ``files`` (name → content) into ``folder``, all of them or none.

    ``folder`` is created when missing (with its missing parents). Files of
    the same names already in it are replaced; other files are left alone.

    Raises
    ------
    FileSetError
        When ``folder`` names something that is not a folder, a name in it is
        a folder, a pipe or a device, or a file in a sticky folder belongs to
        another user; nothing was written.
    OSError
        When writing fails; nothing is left of this attempt.
    Exception
        Whatever a content function raises; nothing is left of this attempt.
    """
    folder = Path(folder)
    for name in files:
        if Path(name).name != name or name in (".", ".."):
            raise ValueError(f"{name!r} is not a plain file name")
    names = list(files)
    _check_destination(folder, names)
    created = _missing_parents(folder)
    staging: Path | None = None
    moved_folder = False
    try:
        for parent in created:
            parent.mkdir()
        staging = folder.parent / f".{folder.name[:80]}.{secrets.token_hex(8)}.partial"
        staging.mkdir()  # exclusive: an existing name, or a link planted there, is never used
        for name, content in files.items():
            _write_one(staging / name, content)
        fsync_folder(staging)
        if os.path.lexists(folder):
            _move_in(staging, folder, names)
            fsync_folder(folder)
        else:
            os.rename(staging, folder)
            moved_folder = True
        fsync_folder(folder.parent)
    except BaseException:
        if staging is not None and not moved_folder:
            shutil.rmtree(staging, ignore_errors=True)
        for parent in reversed(created):
            with contextlib.suppress(OSError):
                parent.rmdir()
        raise
    if staging is not None and not moved_folder:
        with contextlib.suppress(OSError):
            staging.rmdir()
