"""Exporters: snapshot JSON and graph images. They take a path or return bytes, never open a dialog."""

from .snapshot import load_session, session_from_document, snapshot_dict, snapshot_text

__all__ = ["load_session", "session_from_document", "snapshot_dict", "snapshot_text"]
