"""The model: a networkx graph of typed nodes, shape inference, the file format. No Qt; may import :mod:`explorer.ops`.

It also holds what every layer above speaks with: messages as data (:mod:`explorer.model.messages`)
and the one way numbers are written (:mod:`explorer.model.numbers`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from explorer.lazy import lazy_names

if TYPE_CHECKING:
    from explorer.model.errors import ModelError
    from explorer.model.graph import Model, NodeSpec, fmt_shape
    from explorer.model.io import load_model, model_from_dict, model_to_dict, save_model
    from explorer.ops import ACTIVATIONS, LOSSES

__all__ = [
    "ACTIVATIONS",
    "LOSSES",
    "Model",
    "ModelError",
    "NodeSpec",
    "fmt_shape",
    "load_model",
    "model_from_dict",
    "model_to_dict",
    "save_model",
]

# Loaded on first use: the model's file door and numbers are imported without the graph (networkx).
__getattr__ = lazy_names(
    __name__,
    {
        "ModelError": "explorer.model.errors",
        "Model": "explorer.model.graph",
        "NodeSpec": "explorer.model.graph",
        "fmt_shape": "explorer.model.graph",
        "load_model": "explorer.model.io",
        "model_from_dict": "explorer.model.io",
        "model_to_dict": "explorer.model.io",
        "save_model": "explorer.model.io",
        "ACTIVATIONS": "explorer.ops",
        "LOSSES": "explorer.ops",
    },
)
