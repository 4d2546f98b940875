"""Writing a file whole or not at all, through links, keeping its permissions.

:func:`write_atomic` writes a unique temporary file in the target's folder,
flushes it to disk, renames it over the target and flushes the folder: a
crash or a full disk leaves either the old file or the new one, never a mix,
and no temporary file behind.
"""

from __future__ import annotations

import errno
import os
import stat
import tempfile
from contextlib import suppress
from pathlib import Path


def _default_mode() -> int:
    """The permission bits a new file gets (0o666 less the umask), read without changing the umask."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("Umask:"):
                    return 0o666 & ~int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    mask = os.umask(0o022)
    os.umask(mask)
    return 0o666 & ~mask


def _fsync_folder(folder: Path) -> None:
    """Make a rename in ``folder`` durable (where the system allows opening a folder)."""
    try:
        descriptor = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError:
        return
    try:
        with suppress(OSError):
            os.fsync(descriptor)
    finally:
        os.close(descriptor)


def write_atomic(path: str | os.PathLike[str], data: str | bytes) -> None:
    """Write ``data`` (text is written as UTF-8) to ``path`` whole or not at all.

    A symbolic link is written through: its target gets the new content and
    the link stays a link. An existing file keeps its permission bits; a new
    one gets the usual ones (0o666 less the umask). Anything at ``path`` that
    is not a regular file (a folder, a named pipe, a device) is refused.

    Raises
    ------
    OSError
        When the file cannot be written; the old file is then unchanged and
        no temporary file is left.
    """
    target = Path(os.path.realpath(path))
    try:
        status = os.stat(target)
    except FileNotFoundError:
        mode = _default_mode()
    else:
        if not stat.S_ISREG(status.st_mode):
            raise OSError(errno.EINVAL, "not a regular file; it is left as it is", str(path))
        mode = stat.S_IMODE(status.st_mode)
    payload = data.encode("utf-8") if isinstance(data, str) else bytes(data)
    descriptor, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        try:
            os.fchmod(descriptor, mode)
            view = memoryview(payload)
            while view:
                view = view[os.write(descriptor, view) :]
            os.fsync(descriptor)
        finally:
            os.close(descriptor)
        os.replace(temporary, target)
    except BaseException:
        with suppress(OSError):
            os.unlink(temporary)
        raise
    _fsync_folder(target.parent)
