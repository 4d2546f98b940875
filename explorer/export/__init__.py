"""Exporters: snapshot JSON and graph images. They take a path or return bytes, never open a dialog."""

from .file_set import FileSetError, write_file_set
from .snapshot import (
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
