"""Exporters: snapshot JSON, code and explanations, Qt-free. They take a path or return bytes, never open a dialog.

The graph images are drawn by Qt: see :mod:`explorer.ui.canvas.image`.
"""

from explorer.export.file_set import FileSetError, write_file_set
from explorer.export.snapshot import (
    SnapshotTooLarge,
    check_snapshot_size,
    load_session,
    session_from_document,
    snapshot_dict,
    snapshot_text,
    write_snapshot,
)

__all__ = [
    "FileSetError",
    "SnapshotTooLarge",
    "check_snapshot_size",
    "load_session",
    "session_from_document",
    "snapshot_dict",
    "snapshot_text",
    "write_file_set",
    "write_snapshot",
]
