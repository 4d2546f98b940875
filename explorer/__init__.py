"""Jacobian Explorer: step through the forward and backward pass of a linear network.

>>> from explorer import load_model, Session
"""

from explorer.engine import Session
from explorer.model import Model, ModelError, load_model

__version__ = "0.1.0"
__all__ = ["Model", "ModelError", "Session", "load_model"]
