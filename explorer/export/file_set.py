"""Writing a set of files into a folder all or nothing.

The set is written into a temporary folder beside the destination, each file
flushed to disk, and moved into place only when every file is complete. A
failure on the way (a full disk, a refused size, a bug) leaves the
destination as it was: no new files, and no folder the writer created.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import shutil
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import BinaryIO

#: A file's content: text (written as UTF-8), bytes, or a function that writes into a binary file.
Content = str | bytes | Callable[[BinaryIO], object]


class FileSetError(OSError):
    """The destination cannot take the set; the message is one line for a person."""


def _missing_parents(folder: Path) -> list[Path]:
    """The ancestors of ``folder`` that do not exist yet, outermost first."""
    missing = []
    for parent in folder.parents:
        if parent.exists():
            break
        missing.append(parent)
    return missing[::-1]


def _fsync_dir(folder: Path) -> None:
    with contextlib.suppress(OSError):  # not every system can open a folder for fsync
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _write_one(path: Path, content: Content) -> None:
    with open(path, "xb") as stream:
        if isinstance(content, str):
            stream.write(content.encode("utf-8"))
        elif isinstance(content, bytes | bytearray):
            stream.write(content)
        else:
            content(stream)
        stream.flush()
        os.fsync(stream.fileno())


def write_file_set(folder: str | os.PathLike[str], files: Mapping[str, Content]) -> None:
    """Write ``files`` (name → content) into ``folder``, all of them or none.

    ``folder`` is created when missing (with its missing parents). Files of
    the same names already in it are replaced; other files are left alone.

    Raises
    ------
    FileSetError
        When ``folder`` names something that is not a folder, or a name in it
        is a folder; nothing was written.
    OSError
        When writing fails; nothing is left of this attempt.
    Exception
        Whatever a content function raises; nothing is left of this attempt.
    """
    folder = Path(folder)
    if folder.exists() and not folder.is_dir():
        raise FileSetError(f"{folder} exists and is not a folder")
    for name in files:
        if Path(name).name != name:
            raise ValueError(f"{name!r} is not a plain file name")
        if (folder / name).is_dir():
            raise FileSetError(f"{folder / name} is a folder; it cannot be replaced by a file")
    created = _missing_parents(folder)
    staging: Path | None = None
    moved_folder = False
    try:
        for parent in created:
            parent.mkdir()
        staging = folder.parent / f".{folder.name}.{os.getpid()}-{secrets.token_hex(4)}.partial"
        staging.mkdir()  # the usual mode, as the folder itself would get
        for name, content in files.items():
            _write_one(staging / name, content)
        _fsync_dir(staging)
        if folder.exists():
            for name in files:
                os.replace(staging / name, folder / name)
            _fsync_dir(folder)
        else:
            os.rename(staging, folder)
            moved_folder = True
        _fsync_dir(folder.parent)
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

