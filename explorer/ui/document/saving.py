"""Writing the user's file from the window: whole or not at all, through links, keeping permissions.

:func:`write_file` goes through the program's writing door
(:func:`explorer.model.door.write_atomic`): a temporary file created
exclusively beside the target, flushed, renamed over it only when every
byte is written, so a full disk or a refused write leaves the old file as
it was. A symbolic link is followed: the file it points to is rewritten and
the link stays a link. An existing file's permissions are kept; a folder, a
pipe or a device at the name is refused and left as it is.
"""

from __future__ import annotations

import os
from pathlib import Path

from explorer.model.door import Refused, reason, write_atomic
from explorer.ui.text.i18n import translate


def write_file(path: str | os.PathLike[str], data: str | bytes) -> Path:
    """Write ``data`` to ``path`` (through a link to its target); returns the file written.

    Raises
    ------
    OSError
        With a short reason when the file cannot be written; the old file is untouched.
    """
    target = Path(os.path.realpath(path))
    if target.is_dir():
        raise IsADirectoryError(translate("Files", "{path} is a folder").format(path=target))
    try:
        write_atomic(target, data)
    except Refused:
        raise OSError(translate("Files", "{path} is not a regular file").format(path=target)) from None
    except OSError as error:
        raise OSError(reason(error)) from None
    return target
