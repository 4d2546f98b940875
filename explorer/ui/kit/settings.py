"""What the window remembers between launches, typed, over one ``QSettings``.

Geometry and dock layout, theme, language, the last folder of a file
dialog, the play speed and the recent files. Every value read back is
checked: a settings file edited by hand (or written by another version)
gives the default, never an exception.

Tests pass ``path`` so that an INI file in a temporary folder stands in for
the user's real settings.

The settings file goes through the program's doors (:mod:`explorer.model.door`)
before Qt touches it: anything at its name that is not a regular file of at
most :data:`MAX_SETTINGS_BYTES` (a named pipe, a link to a device, a folder,
a huge file) is set aside (renamed ``….unusable-TIME``, never deleted) and the
explorer starts with its defaults; :attr:`Settings.problem` says so in one
line. A file that cannot even be reached gives throw-away settings. Qt never
opens a pipe (it would block) and never replaces a device. Recent entries
and the last folder are checked without raising (a path past the system's
limit, a name that is not UTF-8).
"""

from __future__ import annotations

import math
import os
import sys
import tempfile
from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, QSettings, QStandardPaths

from explorer.model.door import (
    clear_lock_name,
    is_folder,
    is_regular_file,
    kind_of,
    read_bytes,
    reason,
    set_aside,
    shown_path,
)
from explorer.ui.kit.text_zoom import MAX_ZOOM, MIN_ZOOM
from explorer.ui.text.i18n import translate

ORGANIZATION = "Jacobian Explorer"
APPLICATION = "Jacobian Explorer"

THEMES = ("system", "light", "dark")
LANGUAGES = ("system", "en", "ko")
#: Play speed, in steps per second: the default, and the range a slider offers.
DEFAULT_PLAY_SPEED = 1.0
MIN_PLAY_SPEED = 0.25
MAX_PLAY_SPEED = 16.0
MAX_RECENT_FILES = 10

_GEOMETRY = "window/geometry"
_STATE = "window/state"
_THEME = "view/theme"
_LANGUAGE = "view/language"
_LAST_FOLDER = "files/last_folder"
_PLAY_SPEED = "play/steps_per_second"
_RECENT = "files/recent"
_TEXT_ZOOM = "view/text_zoom"
#: A settings file larger than this is not the explorer's: it is set aside.
MAX_SETTINGS_BYTES = 4 * 1024 * 1024
#: A recent entry or folder longer than this (or holding a NUL) is dropped.
MAX_PATH_TEXT = 4096


def _same_file_key(path: str) -> str:
    """The resolved, normalised path: two spellings of one file give one key."""
    try:
        return os.path.normcase(str(Path(path).expanduser().resolve()))
    except (OSError, ValueError, RuntimeError):
        return os.path.normcase(os.path.abspath(path))


def _usable_path_text(value: object) -> bool:
    return isinstance(value, str) and 0 < len(value) <= MAX_PATH_TEXT and "\0" not in value


def default_settings_file() -> Path | None:
    """The file ``QSettings(ORGANIZATION, APPLICATION)`` uses where it is a file (Linux and other Unix), else None."""
    if sys.platform.startswith(("win", "darwin")):
        return None
    base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.GenericConfigLocation)
    if not base:
        base = str(Path.home() / ".config")
    return Path(base) / ORGANIZATION / f"{APPLICATION}.conf"


#: What went wrong with the settings file: which line, and its values (worded when shown, in the window's language).
Problem = tuple[str, dict[str, str]]


def worded(problem: Problem) -> str:
    """One problem as a line in the interface language (the translator is installed after the file is checked)."""
    which, values = problem
    texts = {
        "in_the_way": translate("Settings", "Settings cannot be kept: {path} is in the way"),
        "lock_aside": translate("Settings", "{name} was not a lock: it was set aside"),
        "not_a_folder": translate("Settings", "Settings cannot be kept: {path} is not a folder"),
        "unreachable": translate("Settings", "Settings cannot be kept: {path}: {reason}"),
        "stuck": translate("Settings", "Settings cannot be used ({why}) nor set aside ({reason}): defaults this time"),
        "aside": translate(
            "Settings", "The settings file could not be used ({why}): it was set aside as {name}; defaults are used"
        ),
    }
    return texts[which].format(**values)


_KINDS = {
    "pipe": "a named pipe",
    "device": "a device",
    "folder": "a folder",
    "socket": "a socket",
    "link to something else": "a link to something that is not a file",
}


def check_settings_file(path: Path) -> tuple[Path | None, list[Problem]]:
    """Make ``path`` safe for Qt to read and write: the file to use (None: throw-away settings) and what was wrong.

    A regular file (or a link to one) that can be read and is not too large
    is used as it is. Anything else at the name is set aside (renamed, never
    deleted) and the name is used afresh; so is anything at the name of its
    lock (``NAME.lock``) that is not a small regular file.
    """
    lock = path.with_name(path.name + ".lock")  # QSettings locks the file with QLockFile, which would block on a pipe
    there = kind_of(lock) is not None
    if not clear_lock_name(lock):
        return None, [("in_the_way", {"path": shown_path(lock)})]
    if there and kind_of(lock) is None:
        usable, problems = check_settings_file(path)
        return usable, [*problems, ("lock_aside", {"name": shown_path(lock.name)})]
    kind = kind_of(path)
    if kind is None:
        parent = kind_of(path.parent)
        if parent in (None, "link") or is_folder(path.parent):
            return path, []
        return None, [("not_a_folder", {"path": shown_path(path.parent)})]
    if kind.startswith("unreachable"):
        return None, [("unreachable", {"path": shown_path(path), "reason": kind.removeprefix("unreachable: ")})]
    why: str | None = None
    if kind in ("file", "link"):
        try:
            read_bytes(path, MAX_SETTINGS_BYTES)
        except OSError as error:
            why = reason(error)
    else:
        why = _KINDS.get(kind, kind)
    if why is None:
        return path, []
    try:
        aside = set_aside(path)
    except OSError as error:
        return None, [("stuck", {"why": why, "reason": reason(error)})]
    return path, [("aside", {"why": why, "name": shown_path(aside.name)})]


class Settings:
    """Typed access to the explorer's ``QSettings``.

    Parameters
    ----------
    path : str or Path, optional
        An INI file to use instead of the platform's settings store (tests).
    store : QSettings, optional
        A ready ``QSettings`` to wrap; takes precedence over ``path``.

    Examples
    --------
    >>> settings = Settings(tmp_path / "explorer.ini")
    >>> settings.theme = "dark"
    >>> settings.sync()
    >>> Settings(tmp_path / "explorer.ini").theme
    'dark'
    """

    def __init__(self, path: str | os.PathLike[str] | None = None, store: QSettings | None = None) -> None:
        self._problems: list[Problem] = []
        self._scratch: tempfile.TemporaryDirectory[str] | None = None
        if store is not None:
            self._store = store
            return
        file = Path(path) if path is not None else default_settings_file()
        if file is None:  # a registry or a property list: no file that could be a pipe
            self._store = QSettings(ORGANIZATION, APPLICATION)
            return
        usable, self._problems = check_settings_file(file)
        if usable is None:
            self._scratch = tempfile.TemporaryDirectory(prefix="explorer-settings-")
            usable = Path(self._scratch.name) / "settings.ini"
        self._store = QSettings(str(usable), QSettings.Format.IniFormat)

    @property
    def problem(self) -> str | None:
        """Why the settings file could not be used as it was (set aside, or throw-away settings): one line, or None."""
        return "; ".join(worded(p) for p in self._problems) or None

    @property
    def store(self) -> QSettings:
        """The wrapped ``QSettings``."""
        return self._store

    def sync(self) -> None:
        """Write pending changes to the store now (Qt also does it on exit).

        Nothing is written when the file has become something else than a
        regular file since the start (Qt would replace a device).
        """
        name = self._store.fileName()
        if self._store.format() == QSettings.Format.IniFormat and kind_of(name) not in (None, "file", "link"):
            return
        self._store.sync()

    def reset(self) -> None:
        """Forget everything the explorer remembered (``--reset-settings``)."""
        self._store.clear()
        self.sync()

    # -- helpers ----------------------------------------------------------------

    def _bytes(self, key: str) -> bytes:
        value = self._store.value(key)
        if isinstance(value, QByteArray):
            return bytes(value.data())
        if isinstance(value, bytes):
            return value
        return b""

    def _choice(self, key: str, choices: tuple[str, ...]) -> str:
        value = self._store.value(key)
        return value if isinstance(value, str) and value in choices else choices[0]

    @staticmethod
    def _check_choice(what: str, value: str, choices: tuple[str, ...]) -> str:
        if value not in choices:
            raise ValueError(f"{what} must be one of {', '.join(choices)}, not {value!r}")
        return value

    # -- window -----------------------------------------------------------------

    @property
    def geometry(self) -> bytes:
        """``QMainWindow.saveGeometry()``; empty when nothing was saved."""
        return self._bytes(_GEOMETRY)

    @geometry.setter
    def geometry(self, value: bytes | QByteArray) -> None:
        self._store.setValue(_GEOMETRY, QByteArray(value))

    @property
    def window_state(self) -> bytes:
        """``QMainWindow.saveState()``: docks and toolbars; empty when nothing was saved."""
        return self._bytes(_STATE)

    @window_state.setter
    def window_state(self, value: bytes | QByteArray) -> None:
        self._store.setValue(_STATE, QByteArray(value))

    # -- view -------------------------------------------------------------------

    @property
    def theme(self) -> str:
        """``"system"`` (the default: follow the desktop), ``"light"`` or ``"dark"``."""
        return self._choice(_THEME, THEMES)

    @theme.setter
    def theme(self, value: str) -> None:
        self._store.setValue(_THEME, self._check_choice("theme", value, THEMES))

    @property
    def language(self) -> str:
        """``"system"`` (the default: follow the locale), ``"en"`` or ``"ko"``."""
        return self._choice(_LANGUAGE, LANGUAGES)

    @language.setter
    def language(self, value: str) -> None:
        self._store.setValue(_LANGUAGE, self._check_choice("language", value, LANGUAGES))

    # -- play -------------------------------------------------------------------

    @property
    def play_speed(self) -> float:
        """Steps per second while playing, within [MIN_PLAY_SPEED, MAX_PLAY_SPEED]; 1.0 by default."""
        value = self._store.value(_PLAY_SPEED)
        try:
            speed = float(value)  # an INI file gives the text back
        except (TypeError, ValueError):
            return DEFAULT_PLAY_SPEED
        if not math.isfinite(speed):
            return DEFAULT_PLAY_SPEED
        return min(MAX_PLAY_SPEED, max(MIN_PLAY_SPEED, speed))

    @play_speed.setter
    def play_speed(self, value: float) -> None:
        speed = float(value)
        if not math.isfinite(speed) or speed <= 0:
            raise ValueError(f"play speed must be a positive number of steps per second, not {value!r}")
        self._store.setValue(_PLAY_SPEED, min(MAX_PLAY_SPEED, max(MIN_PLAY_SPEED, speed)))

    @property
    def text_zoom(self) -> float:
        """View → Larger/Smaller text: the factor on every text of the window, 1.0 by default (0.8…2.5)."""
        try:
            stored: Any = self._store.value(_TEXT_ZOOM, 1.0)  # a number, or its text from an INI file
            zoom = float(stored)
        except (TypeError, ValueError):
            return 1.0
        return min(MAX_ZOOM, max(MIN_ZOOM, zoom)) if math.isfinite(zoom) else 1.0

    @text_zoom.setter
    def text_zoom(self, value: float) -> None:
        self._store.setValue(_TEXT_ZOOM, float(value))

    # -- files ------------------------------------------------------------------

    @property
    def last_folder(self) -> str | None:
        """The folder of the last file dialog, or None when unknown or gone."""
        value = self._store.value(_LAST_FOLDER)
        if _usable_path_text(value) and is_folder(str(value)):
            return str(value)
        return None

    @last_folder.setter
    def last_folder(self, value: str | os.PathLike[str]) -> None:
        self._store.setValue(_LAST_FOLDER, str(Path(value).expanduser().resolve()))

    def _stored_recent(self) -> list[str]:
        value = self._store.value(_RECENT)
        if isinstance(value, str):  # QSettings gives one string for a list of one
            value = [value]
        if not isinstance(value, list):
            return []
        return [item for item in value if _usable_path_text(item)]

    def _store_recent(self, paths: list[str]) -> None:
        if paths:
            self._store.setValue(_RECENT, paths)
        else:
            self._store.remove(_RECENT)

    def recent_files(self) -> list[str]:
        """The recent files, most recent first, as stored (see :meth:`prune_recent_files`)."""
        return self._stored_recent()[:MAX_RECENT_FILES]

    def add_recent_file(self, path: str | os.PathLike[str]) -> list[str]:
        """Put ``path`` first among the recent files; returns the new list.

        A file already in the list under another spelling (relative, with
        ``..``, through a symbolic link) moves to the front instead of
        appearing twice; the list keeps at most ``MAX_RECENT_FILES``.
        """
        try:
            resolved = str(Path(path).expanduser().resolve())
        except (OSError, ValueError, RuntimeError):
            resolved = os.path.abspath(path)
        if not _usable_path_text(resolved):
            return self.recent_files()
        key = _same_file_key(resolved)
        paths = [resolved] + [p for p in self._stored_recent() if _same_file_key(p) != key]
        paths = paths[:MAX_RECENT_FILES]
        self._store_recent(paths)
        return paths

    def remove_recent_file(self, path: str | os.PathLike[str]) -> None:
        """Drop ``path`` from the recent files (it failed to open, say)."""
        key = _same_file_key(str(path))
        self._store_recent([p for p in self._stored_recent() if _same_file_key(p) != key])

    def prune_recent_files(self) -> tuple[list[str], list[str]]:
        """Drop the recent files that no longer exist.

        Returns
        -------
        kept : list of str
            The remaining recent files, most recent first.
        dropped : list of str
            The file names (not whole paths) that were dropped, for a message.
        """
        kept: list[str] = []
        dropped: list[str] = []
        for path in self._stored_recent()[:MAX_RECENT_FILES]:
            (kept if is_regular_file(path) else dropped).append(path)
        self._store_recent(kept)
        return kept, [shown_path(Path(p).name, 60) for p in dropped]
