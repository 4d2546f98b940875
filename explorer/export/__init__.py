"""Exporters: snapshot JSON, code and explanations, Qt-free. They take a path or return bytes, never open a dialog.

The graph images are drawn by Qt: see :mod:`explorer.ui.graph_export`.
"""

from .snapshot import load_session, session_from_document, snapshot_dict, snapshot_text

__all__ = ["load_session", "session_from_document", "snapshot_dict", "snapshot_text"]
