"""What is at a path, and how a one-line message names it and the system's reason: the door's words.

:func:`kind_of` looks without following a final link and without raising;
:func:`shown_path` shortens and escapes a path for a message;
:func:`reason` and :func:`describe` name an operating-system error in a few
words. :mod:`explorer.model.door` reads and writes with them.
"""

from __future__ import annotations

import errno
import os
import stat

from explorer.model.quote import shown

#: Longest path, in characters, a message shows whole.
SHOWN_PATH = 120

#: What the system's error numbers mean, in the words a message uses.
_REASONS = {
    errno.ENAMETOOLONG: "name too long",
    errno.EACCES: "permission denied",
    errno.EPERM: "operation not permitted",
    errno.EROFS: "read-only file system",
    errno.ENOSPC: "no space left on the device",
    errno.ENOENT: "no such file or folder",
    errno.ENOTDIR: "a part of the path is not a folder",
    errno.EISDIR: "is a folder",
    errno.ELOOP: "too many levels of links",
    errno.EEXIST: "already exists",
    errno.EXDEV: "on another file system",
    errno.EDQUOT: "disk quota exceeded",
    errno.EIO: "input/output error",
}


class Refused(OSError):
    """The door will not read or write this file; ``str(error)`` is one line for a person."""

    def __init__(self, text: str) -> None:
        super().__init__(errno.EINVAL, text)
        self.text = text

    def __str__(self) -> str:
        return self.text


def readable(text: str) -> str:
    """``text`` with the bytes of a name that is not UTF-8 (lone surrogates from ``os.fsdecode``) as U+FFFD.

    >>> readable(os.fsdecode(b"mod\\xe8le.json"))
    'mod\ufffdle.json'
    """
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return "".join("\ufffd" if "\ud800" <= c <= "\udfff" else c for c in text)
    return text


def shown_path(path: object, limit: int = SHOWN_PATH) -> str:
    """A path for a one-line message: as it is when plain and short, else escaped and cut in the middle.

    A name that is not UTF-8 (lone surrogates from ``os.fsdecode``) is shown
    escaped; nothing here raises.

    >>> shown_path("out/graph.png")
    'out/graph.png'
    >>> len(shown_path("a/" * 1000)) < 130
    True
    """
    text = readable(os.fsdecode(path) if isinstance(path, bytes | os.PathLike) else str(path))
    if text.isprintable() and len(text) <= limit:
        return text
    if len(text) > limit:
        half = limit // 2
        text = text[: half - 1] + "…" + text[-half:]
    return text if text.isprintable() else shown(text, limit + 2)


def reason(error: BaseException) -> str:
    """The operating system's reason for ``error`` in a few words, never the whole path again."""
    if isinstance(error, Refused):
        return error.text
    if isinstance(error, OSError):
        if error.errno in _REASONS:
            return _REASONS[error.errno]
        if error.strerror:
            return shown_path(error.strerror.lower(), 80)
    return shown_path(str(error) or type(error).__name__, 120)


def describe(error: BaseException, path: object, doing: str = "cannot write") -> str:
    """One line: ``cannot write PATH: REASON``, the path shortened and the reason named."""
    if isinstance(error, Refused):  # its text names the file already
        return f"{doing}: {error.text}"
    return f"{doing} {shown_path(path)}: {reason(error)}"


def kind_of(path: str | os.PathLike[str]) -> str | None:
    """What is at ``path`` without following a final link and without raising.

    ``None`` when nothing is there; else ``"file"``, ``"folder"``, ``"link"``
    (to a regular file), ``"link to something else"``, ``"pipe"``,
    ``"device"``, ``"socket"``, or ``"unreachable: REASON"`` when it cannot be
    looked at (a name too long, a folder without search permission).
    """
    try:
        status = os.lstat(path)
    except FileNotFoundError:
        return None
    except (OSError, ValueError) as error:
        return f"unreachable: {reason(error)}"
    mode = status.st_mode
    if stat.S_ISLNK(mode):
        try:
            return "link" if stat.S_ISREG(os.stat(path).st_mode) else "link to something else"
        except (OSError, ValueError):
            return "link to something else"  # a dangling or looping link
    if stat.S_ISREG(mode):
        return "file"
    if stat.S_ISDIR(mode):
        return "folder"
    if stat.S_ISFIFO(mode):
        return "pipe"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "device"
    if stat.S_ISSOCK(mode):
        return "socket"
    return "something else"


def is_regular_file(path: str | os.PathLike[str]) -> bool:
    """Whether ``path`` is (or links to) a regular file; never raises (a name too long is simply not one)."""
    try:
        return stat.S_ISREG(os.stat(path).st_mode)
    except (OSError, ValueError):
        return False


def is_folder(path: str | os.PathLike[str]) -> bool:
    """Whether ``path`` is (or links to) a folder; never raises."""
    try:
        return stat.S_ISDIR(os.stat(path).st_mode)
    except (OSError, ValueError):
        return False
