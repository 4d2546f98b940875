"""Writing a file whole or not at all: the writing door, :mod:`explorer.model.door`.

Kept for the callers that import :func:`write_atomic` from here.
"""

from __future__ import annotations

from explorer.model.door import Refused, atomic_stream, write_atomic

__all__ = ["Refused", "atomic_stream", "write_atomic"]
