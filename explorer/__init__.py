"""Jacobian Explorer: step through the forward and backward pass of a linear network.

>>> from explorer import load_model, Session
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from explorer.lazy import lazy_names

if TYPE_CHECKING:
    from explorer.engine import Session
    from explorer.model import Model, ModelError, load_model

__version__ = "0.1.0"
__all__ = ["Model", "ModelError", "Session", "load_model"]

__getattr__ = lazy_names(
    __name__,
    {"Session": "explorer.engine", "Model": "explorer.model", "ModelError": "explorer.model", "load_model": "explorer.model"},
)
