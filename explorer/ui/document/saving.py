"""Writing the user's file from the window: whole or not at all, through links, keeping permissions.

:func:`write_file` writes with :class:`QSaveFile` (a temporary file beside the
target, renamed over it only when every byte is written), so a full disk or a
refused write leaves the old file as it was. A symbolic link is followed: the
file it points to is rewritten and the link stays a link. An existing file's
permissions are kept.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QIODevice, QSaveFile

from explorer.ui.text.i18n import translate


def write_file(path: str | os.PathLike[str], data: str | bytes) -> Path:
    """Write ``data`` to ``path`` (through a link to its target); returns the file written.

    Raises
    ------
    OSError
        With Qt's reason when the file cannot be written; the old file is untouched.
    """
    target = Path(os.path.realpath(path))
    if target.is_dir():
        raise IsADirectoryError(translate("Files", "{path} is a folder").format(path=target))
    if target.exists() and not target.is_file():
        raise OSError(translate("Files", "{path} is not a regular file").format(path=target))
    mode = target.stat().st_mode & 0o7777 if target.exists() else None
    payload = data.encode("utf-8") if isinstance(data, str) else data
    file = QSaveFile(str(target))
    if not file.open(QIODevice.OpenModeFlag.WriteOnly):
        raise OSError(file.errorString() or translate("Files", "cannot open the file for writing"))
    written = file.write(payload)
    if written != len(payload):
        reason = file.errorString() or translate("Files", "the disk took only part of it")
        file.cancelWriting()
        file.commit()
        raise OSError(reason)
    if not file.commit():
        raise OSError(file.errorString() or translate("Files", "the file could not be replaced"))
    if mode is not None and target.stat().st_mode & 0o7777 != mode:
        os.chmod(target, mode)
    return target
