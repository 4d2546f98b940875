"""The one door every file goes through, in and out.

Reading (:func:`read_bytes`): anything but a regular file (a folder, a
named pipe, a device, a link to one) is refused before it is opened for
reading; the file is opened without blocking and never read past a bound.

Writing (:func:`write_atomic`, :func:`atomic_stream`): the data goes into a
temporary file created exclusively, with an unpredictable name, in the
target's folder (never through a link planted there), is flushed to disk and
renamed over the target. Anything at the target that is not a regular file
is refused and left as it is. :func:`check_distinct` refuses two outputs, or
an output and an input, that are one file (compared by device and inode,
through links). A failure leaves the old file whole and no temporary file.

Names that are not UTF-8 (``os.fsdecode`` gives lone surrogates) are shown
with replacement characters by :func:`shown_path`, never raise. Every refusal is one short line.
"""

from __future__ import annotations

import os
import secrets
import stat
from collections.abc import Iterator, Sequence
from contextlib import contextmanager, suppress
from datetime import datetime
from pathlib import Path
from typing import BinaryIO

from explorer.model.paths import (
    SHOWN_PATH,
    Refused,
    describe,
    is_folder,
    is_regular_file,
    kind_of,
    readable,
    reason,
    shown_path,
)

_READ_CHUNK = 16 * 1024 * 1024
_OPEN_FOR_READING = os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_CLOEXEC", 0)
#: How every new file is opened for writing: created here and now (never an existing file), never through a link.
CREATE_EXCLUSIVE = (
    os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)
)

# -- reading ------------------------------------------------------------------


def read_bytes(path: str | os.PathLike[str], limit: int, name: str | None = None) -> bytes | bytearray:
    """The whole content of a regular file of at most ``limit`` bytes.

    A folder, a named pipe, a device (or a link to one) is refused before a
    byte is read, and the open never blocks; a file longer than ``limit``
    (or growing past it while read) is refused.

    Raises
    ------
    Refused
        Not a regular file, or too large; one line naming the file.
    OSError
        When the file cannot be opened or read.

    ``name`` is how a refusal names the file (its shortened path by default).
    """
    name = name or shown_path(path)
    if not stat.S_ISREG(os.stat(path).st_mode):
        raise Refused(f"{name} is not a regular file")
    descriptor = os.open(path, _OPEN_FOR_READING)
    try:
        status = os.fstat(descriptor)
        if not stat.S_ISREG(status.st_mode):  # it changed since the first look
            raise Refused(f"{name} is not a regular file")
        if status.st_size > limit:
            raise Refused(f"{name} is {status.st_size:,} bytes; the limit is {limit:,}")
        data = _read_at_most(descriptor, limit + 1, status.st_size)
    finally:
        os.close(descriptor)
    if len(data) > limit:
        raise Refused(f"{name} is over {limit:,} bytes, the limit")
    return data  # a large buffer is not copied


def _read_at_most(descriptor: int, most: int, expected: int) -> bytearray:
    """At most ``most`` bytes, read into one buffer sized by the file's size (grown if the size was wrong)."""
    buffer = bytearray(max(1, min(most, expected + 1)))
    total = 0
    while total < most:
        if total == len(buffer):  # the file is longer than it said (a /proc file says 0)
            buffer.extend(bytes(min(max(len(buffer), 64 * 1024), most - total)))
        with memoryview(buffer) as view:
            count = os.readv(descriptor, [view[total : total + _READ_CHUNK]])
        if not count:
            break
        total += count
    del buffer[total:]
    return buffer


def peek_bytes(path: str | os.PathLike[str], count: int) -> bytes:
    """The first ``count`` bytes of a regular file (b"" for anything else); never blocks, never raises."""
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):
            return b""
        descriptor = os.open(path, _OPEN_FOR_READING)
    except (OSError, ValueError):
        return b""
    try:
        if not stat.S_ISREG(os.fstat(descriptor).st_mode):
            return b""
        return os.read(descriptor, count)
    except OSError:
        return b""
    finally:
        os.close(descriptor)


def read_text(path: str | os.PathLike[str], limit: int) -> str:
    """:func:`read_bytes` decoded as UTF-8; ``Refused`` when it is not UTF-8."""
    data = read_bytes(path, limit)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        raise Refused(f"{shown_path(path)} is not UTF-8 text") from None


def set_aside(path: str | os.PathLike[str]) -> Path:
    """Rename ``path`` (whatever it is; a link is renamed, not followed) to ``NAME.unusable-TIME``; never deletes.

    Returns the new name. Raises ``OSError`` when it cannot be renamed.
    """
    source = Path(path)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    stem = source.name[:150]
    for number in range(100):
        target = source.with_name(f"{stem}.unusable-{stamp}" + (f"-{number}" if number else ""))
        if not os.path.lexists(target):
            os.rename(source, target)
            return target
    raise Refused(f"{shown_path(source)} cannot be set aside: too many set aside already")


#: A lock file (Qt's ``QLockFile``: a pid, a program name, a host) is never larger than this.
MAX_LOCK_BYTES = 4096


def clear_lock_name(path: str | os.PathLike[str]) -> bool:
    """Make ``path`` safe for ``QLockFile``, which reads what is there and would block on a pipe.

    Nothing there, or a small regular file (a lock): fine. Anything else (a
    pipe, a link, a folder, a device, a file too large to be a lock) is set
    aside (renamed, never deleted). False when it is still in the way.
    """
    kind = kind_of(path)
    if kind is None:
        return True
    if kind == "file":
        try:
            if os.lstat(path).st_size <= MAX_LOCK_BYTES:
                return True
        except OSError:
            return False
    try:
        set_aside(path)
    except OSError:
        return False
    return True


# -- writing ------------------------------------------------------------------


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


def fsync_folder(folder: str | os.PathLike[str]) -> None:
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


def _target(path: str | os.PathLike[str], follow_link: bool) -> tuple[Path, int]:
    """The file to replace and the mode the new one gets; refuses a target that is not a regular file."""
    given = os.fspath(path)
    target = Path(os.path.realpath(given)) if follow_link else Path(os.path.abspath(given))
    try:
        status = os.stat(target) if follow_link else os.lstat(target)
    except FileNotFoundError:
        return target, _default_mode()
    if follow_link or not stat.S_ISLNK(status.st_mode):
        if stat.S_ISDIR(status.st_mode):
            raise Refused(f"{shown_path(given)} is a folder, not a regular file; it is left as it is")
        if not stat.S_ISREG(status.st_mode):
            what = "a named pipe, " if stat.S_ISFIFO(status.st_mode) else (
                "a device, " if stat.S_ISCHR(status.st_mode) or stat.S_ISBLK(status.st_mode) else ""
            )
            raise Refused(f"{shown_path(given)} is {what}not a regular file; it is left as it is")
        return target, stat.S_IMODE(status.st_mode)
    return target, _default_mode()  # a link not followed: replaced by a file of the usual mode


def temporary_beside(target: Path) -> tuple[int, Path]:
    """A new file beside ``target``: created exclusively, never through a link, with an unpredictable name."""
    stem = target.name[:80]
    for _attempt in range(16):
        temporary = target.with_name(f".{stem}.{secrets.token_hex(8)}.tmp")
        try:
            return os.open(temporary, CREATE_EXCLUSIVE, 0o600), temporary
        except FileExistsError:
            continue
    raise Refused(f"cannot make a temporary file beside {shown_path(target)}")


@contextmanager
def atomic_stream(path: str | os.PathLike[str], *, follow_link: bool = True) -> Iterator[BinaryIO]:
    """A binary stream whose content replaces ``path`` when the block ends without an exception.

    Until then the old file is untouched; an exception removes the
    temporary file and leaves the old file whole. See :func:`write_atomic`.
    """
    target, mode = _target(path, follow_link)
    descriptor, temporary = temporary_beside(target)
    try:
        with os.fdopen(descriptor, "wb") as stream:
            os.fchmod(stream.fileno(), mode)
            yield stream
            stream.flush()
            os.fsync(stream.fileno())
        if not follow_link or os.path.lexists(target):
            _recheck(target, path, follow_link)
        os.replace(temporary, target)
    except BaseException:
        with suppress(OSError):
            os.unlink(temporary)
        raise
    fsync_folder(target.parent)


def _recheck(target: Path, given: str | os.PathLike[str], follow_link: bool) -> None:
    """Just before the rename: the target is still absent or a regular file (a link when not followed)."""
    try:
        status = os.lstat(target)
    except FileNotFoundError:
        return
    if stat.S_ISREG(status.st_mode) or (not follow_link and stat.S_ISLNK(status.st_mode)):
        return
    raise Refused(f"{shown_path(given)} is no longer a regular file; it is left as it is")


def write_atomic(path: str | os.PathLike[str], data: str | bytes, *, follow_link: bool = True) -> None:
    """Write ``data`` (text is written as UTF-8) to ``path`` whole or not at all.

    With ``follow_link`` (the user's own files) a symbolic link is written
    through: its target gets the new content and the link stays a link.
    Without it (the program's own files: autosaves, settings) a link at
    ``path`` is replaced by the file and its target is never touched. An
    existing file keeps its permission bits; a new one gets the usual ones
    (0o666 less the umask). Anything at ``path`` that is not a regular file
    (a folder, a named pipe, a device) is refused and left as it is.

    Raises
    ------
    Refused
        The target is not a regular file.
    OSError
        When the file cannot be written; the old file is then unchanged and
        no temporary file is left.
    """
    payload = data.encode("utf-8") if isinstance(data, str) else bytes(data)
    with atomic_stream(path, follow_link=follow_link) as stream:
        view = memoryview(payload)
        while view:
            view = view[os.write(stream.fileno(), view) :]


def identity(path: str | os.PathLike[str]) -> tuple[object, ...]:
    """What makes two names one file: device and inode through links, or the resolved path when absent."""
    try:
        status = os.stat(path)
    except (OSError, ValueError):
        try:
            return ("path", os.path.normcase(os.path.realpath(path)))
        except (OSError, ValueError):
            return ("path", os.path.normcase(os.path.abspath(path)))
    return ("inode", status.st_dev, status.st_ino)


def check_distinct(
    outputs: Sequence[tuple[str, str | os.PathLike[str]]],
    inputs: Sequence[tuple[str, str | os.PathLike[str]]] = (),
) -> None:
    """Refuse when two outputs, or an output and an input, are one file; each pair is ``(what, path)``.

    Raises
    ------
    Refused
        One line naming both, e.g. ``--log m.json is the model file m.json``.
    """
    seen: dict[tuple[object, ...], tuple[str, str | os.PathLike[str]]] = {}
    for what, path in inputs:
        seen.setdefault(identity(path), (what, path))
    for what, path in outputs:
        key = identity(path)
        if key in seen:
            other, other_path = seen[key]
            raise Refused(
                f"{what} {shown_path(path, 80)} is the same file as {other} {shown_path(other_path, 80)}; "
                "nothing was written"
            )
        seen[key] = (what, path)


__all__ = [
    "SHOWN_PATH",
    "Refused",
    "atomic_stream",
    "check_distinct",
    "clear_lock_name",
    "describe",
    "fsync_folder",
    "identity",
    "is_folder",
    "is_regular_file",
    "kind_of",
    "peek_bytes",
    "read_bytes",
    "read_text",
    "readable",
    "reason",
    "set_aside",
    "shown_path",
    "temporary_beside",
    "write_atomic",
]
