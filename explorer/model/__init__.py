"""The model: a networkx graph of typed nodes, shape inference, the file format. No Qt."""

from .errors import ModelError
from .graph import Model, NodeSpec, fmt_shape
from .io import load_model, model_from_dict, model_to_dict, save_model
from .ops import ACTIVATIONS, LOSSES, OPS

__all__ = [
    "ACTIVATIONS",
    "LOSSES",
    "OPS",
    "Model",
    "ModelError",
    "NodeSpec",
    "fmt_shape",
    "load_model",
    "model_from_dict",
    "model_to_dict",
    "save_model",
]
