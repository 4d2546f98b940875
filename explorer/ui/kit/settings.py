"""What the window remembers between launches, typed, over one ``QSettings``.

Geometry and dock layout, theme, language, the last folder of a file
dialog, the play speed and the recent files. Every value read back is
checked: a settings file edited by hand (or written by another version)
gives the default, never an exception.

Tests pass ``path`` so that an INI file in a temporary folder stands in for
the user's real settings.
"""

from __future__ import annotations

import math
import os
from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, QSettings

from explorer.ui.kit.text_zoom import MAX_ZOOM, MIN_ZOOM

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


def _same_file_key(path: str) -> str:
    """The resolved, normalised path: two spellings of one file give one key."""
    return os.path.normcase(str(Path(path).expanduser().resolve()))


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
        if store is not None:
            self._store = store
        elif path is not None:
            self._store = QSettings(str(path), QSettings.Format.IniFormat)
        else:
            self._store = QSettings(ORGANIZATION, APPLICATION)

    @property
    def store(self) -> QSettings:
        """The wrapped ``QSettings``."""
        return self._store

    def sync(self) -> None:
        """Write pending changes to the store now (Qt also does it on exit)."""
        self._store.sync()

    def reset(self) -> None:
        """Forget everything the explorer remembered (``--reset-settings``)."""
        self._store.clear()
        self._store.sync()

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
        if isinstance(value, str) and value and Path(value).is_dir():
            return value
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
        return [item for item in value if isinstance(item, str) and item]

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
        resolved = str(Path(path).expanduser().resolve())
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
            (kept if Path(path).is_file() else dropped).append(path)
        self._store_recent(kept)
        return kept, [Path(p).name for p in dropped]
