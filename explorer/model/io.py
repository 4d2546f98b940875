"""Reading and writing model files (format ``jacobian-explorer/model``, version 1).

Loading only parses JSON: it never executes code and never unpickles.
Floats are written with Python's shortest round-trip ``repr``, so a saved
model loads back bit for bit.
"""

from __future__ import annotations

import json
import math
import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import numpy as np

from . import limits
from .errors import ModelError
from .graph import Array, Model, NodeSpec
from .init import initial_value

MODEL_FORMAT = "jacobian-explorer/model"
SNAPSHOT_FORMAT = "jacobian-explorer/snapshot"
VERSION = 1

_NODE_KEYS = {"id", "op", "inputs", "value", "shape", "init", "label", "pos"}


def _reject_constant(token: str) -> float:
    raise ModelError(f"the file holds {token}, which is not a finite number")


def read_json(path: str | os.PathLike[str]) -> Any:
    """Parse a JSON file, turning every failure into a one-line :class:`ModelError`."""
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > limits.MAX_FILE_BYTES:
            raise ModelError(f"{path.name} is {size:,} bytes; the limit is {limits.MAX_FILE_BYTES:,}")
        text = path.read_text(encoding="utf-8")
    except ModelError:
        raise
    except UnicodeDecodeError:
        raise ModelError(f"{path.name} is not UTF-8 text") from None
    except OSError as error:
        raise ModelError(f"cannot read {path}: {error.strerror or error}") from None
    return parse_json(text, path.name)


def parse_json(text: str, where: str = "the model") -> Any:
    try:
        return json.loads(text, parse_constant=_reject_constant)
    except ModelError as error:
        raise ModelError(f"{where}: {error}") from None
    except json.JSONDecodeError as error:
        raise ModelError(f"{where} is not valid JSON: {error.msg} at line {error.lineno}, column {error.colno}") from None
    except RecursionError:
        raise ModelError(f"{where} is nested too deeply") from None


def _array(raw: Any, node: str, key: str = "value") -> Array:
    if not isinstance(raw, list):
        raise ModelError(f"{key} must be a list of numbers or a list of rows, got {type(raw).__name__}", node)
    try:
        array = np.asarray(raw)
    except (ValueError, TypeError):
        raise ModelError(f"{key} is ragged: its rows differ in length", node) from None
    if array.dtype.kind not in "iuf":
        if array.dtype.kind == "b":
            raise ModelError(f"{key} holds true/false, not numbers", node)
        raise ModelError(f"{key} holds something that is not a number", node)
    if array.ndim in (1, 2):  # numpy turns a true among numbers into 1.0
        cells = raw if array.ndim == 1 else [v for row in raw for v in row]
        if any(isinstance(v, bool) for v in cells):
            raise ModelError(f"{key} holds true/false, not numbers", node)
    if array.ndim not in (1, 2) or 0 in array.shape:
        raise ModelError(f"{key} must be a non-empty 1-D or 2-D array, got shape {array.shape}", node)
    if any(n > limits.MAX_DIM for n in array.shape):
        raise ModelError(f"{key} has shape {array.shape}, past the limit {limits.MAX_DIM}", node)
    array = array.astype(np.float64)
    if not np.all(np.isfinite(array)):
        raise ModelError(f"{key} holds a non-finite number (NaN or infinity)", node)
    return array


def _node_spec(raw: Any, index: int) -> NodeSpec:
    if not isinstance(raw, Mapping):
        raise ModelError(f"node #{index + 1} is not an object")
    node = raw.get("id")
    if not isinstance(node, str) or not node.strip():
        raise ModelError(f"node #{index + 1} needs a non-empty string id, got {node!r}")
    if len(node) > limits.MAX_ID_LENGTH:
        raise ModelError(f"id is {len(node)} characters long; the limit is {limits.MAX_ID_LENGTH}", node[:20] + "…")
    unknown = set(raw) - _NODE_KEYS
    if unknown:
        raise ModelError(f"unknown key {sorted(unknown)[0]!r}", node)
    op = raw.get("op")
    if not isinstance(op, str):
        raise ModelError(f"op must be a string, got {op!r}", node)
    inputs = raw.get("inputs", {})
    if not isinstance(inputs, Mapping) or not all(isinstance(v, str) for v in inputs.values()):
        raise ModelError("inputs must map port names to node ids", node)
    value = _array(raw["value"], node) if raw.get("value") is not None else None
    shape = raw.get("shape")
    if shape is not None:
        if not isinstance(shape, list) or not all(isinstance(n, int) and not isinstance(n, bool) for n in shape):
            raise ModelError(f"shape must be a list of integers, got {shape!r}", node)
        shape = tuple(shape)
    init = raw.get("init")
    if init is not None and not isinstance(init, Mapping):
        raise ModelError("init must be an object", node)
    label = raw.get("label")
    if label is not None and not isinstance(label, str):
        raise ModelError("label must be a string", node)
    pos = raw.get("pos")
    if pos is not None:
        if (
            not isinstance(pos, list)
            or len(pos) != 2
            or not all(isinstance(v, int | float) and not isinstance(v, bool) and math.isfinite(v) for v in pos)
        ):
            raise ModelError(f"pos must be [x, y], got {pos!r}", node)
        pos = (float(pos[0]), float(pos[1]))
    return NodeSpec(node, op, dict(inputs), value, shape, dict(init) if init else None, label, pos)


def check_version(document: Mapping[str, Any]) -> None:
    """Refuse any version but the integer 1 (``true`` and ``1.0`` included)."""
    version = document.get("version")
    if type(version) is not int or version != VERSION:
        raise ModelError(f"unsupported version {version!r} (this program reads version {VERSION})")


def model_from_dict(document: Any) -> Model:
    """Build and validate a model from a parsed model document (SPEC section 2)."""
    if not isinstance(document, Mapping):
        raise ModelError("the model file must hold a JSON object")
    if document.get("format") != MODEL_FORMAT:
        raise ModelError(f"format must be {MODEL_FORMAT!r}, got {document.get('format')!r}")
    check_version(document)
    nodes = document.get("nodes")
    if not isinstance(nodes, list):
        raise ModelError("'nodes' must be a list")
    if len(nodes) > limits.MAX_NODES:
        raise ModelError(f"the model has {len(nodes)} nodes; the limit is {limits.MAX_NODES}")
    name = document.get("name", "")
    if not isinstance(name, str):
        raise ModelError("'name' must be a string")
    return Model([_node_spec(raw, i) for i, raw in enumerate(nodes)], name=name)


def load_model(path: str | os.PathLike[str]) -> Model:
    """Load and validate a model file; a snapshot file gives the model it holds.

    Raises
    ------
    ModelError
        With a one-line message naming the node and the problem.
    """
    document = read_json(path)
    if isinstance(document, Mapping) and document.get("format") == SNAPSHOT_FORMAT:
        check_version(document)
        return model_from_dict(document.get("model"))
    return model_from_dict(document)


def _listed(array: Array) -> list[Any]:
    listed: list[Any] = array.tolist()
    return listed


def model_to_dict(model: Model, fill_values: bool = False) -> dict[str, Any]:
    """The model as a JSON-ready document.

    A parameter made by ``init`` is written as its ``shape`` and ``init``
    unless ``fill_values`` asks for every value to be written out.
    """
    nodes = []
    for spec in model.specs:
        raw: dict[str, Any] = {"id": spec.id, "op": spec.op}
        if spec.label is not None:
            raw["label"] = spec.label
        if spec.inputs:
            raw["inputs"] = model.inputs(spec.id)
        if spec.info.is_leaf:
            value = model.value(spec.id)
            from_init = spec.value is None and spec.init is not None and spec.shape is not None
            if from_init and not fill_values:
                raw["shape"] = list(spec.shape or ())
                raw["init"] = dict(spec.init or {})
            else:
                raw["value"] = _listed(value)
                if from_init:
                    raw["init"] = dict(spec.init or {})
        if spec.pos is not None:
            raw["pos"] = [spec.pos[0], spec.pos[1]]
        nodes.append(raw)
    return {"format": MODEL_FORMAT, "version": VERSION, "name": model.name, "nodes": nodes}


def dumps(document: Any) -> str:
    """JSON text with NaN refused, so the file always reads back."""
    return json.dumps(document, indent=1, allow_nan=False, ensure_ascii=False) + "\n"


def write_atomic(path: str | os.PathLike[str], data: str | bytes) -> None:
    """Write a file whole or not at all (a temporary file, then a rename)."""
    path = Path(path)
    tmp = path.with_name(f".{path.name}.tmp{os.getpid()}")
    try:
        if isinstance(data, str):
            tmp.write_text(data, encoding="utf-8")
        else:
            tmp.write_bytes(data)
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)


def save_model(model: Model, path: str | os.PathLike[str]) -> None:
    """Write the model file atomically."""
    write_atomic(path, dumps(model_to_dict(model)))


__all__ = [
    "MODEL_FORMAT",
    "SNAPSHOT_FORMAT",
    "VERSION",
    "dumps",
    "initial_value",
    "load_model",
    "model_from_dict",
    "model_to_dict",
    "parse_json",
    "read_json",
    "save_model",
    "write_atomic",
]
