"""The model: a networkx graph of typed nodes, shape inference, the file format. No Qt; may import :mod:`explorer.ops`."""

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
