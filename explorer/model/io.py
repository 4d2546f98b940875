"""Reading and writing model files (format ``jacobian-explorer/model``, version 1).

Loading only parses JSON: it never executes code and never unpickles.
Floats are written with Python's shortest round-trip ``repr``, so a saved
model loads back bit for bit.
"""

from __future__ import annotations

import json
import math
import os
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import numpy as np

from explorer.model import limits
from explorer.model.door import Refused, read_bytes, readable, reason, shown_path, write_atomic
from explorer.model.errors import ModelError
from explorer.model.graph import Array, Model, NodeSpec, check_pos
from explorer.model.initial import initial_value
from explorer.model.messages import define, message
from explorer.model.names import check_id, check_text, lone_surrogate
from explorer.model.quote import shown

define({
    "model.not_regular_file": "{name} is not a regular file",
    "model.file_too_big": "{name} is {size:,} bytes; the limit is {limit:,}",
    "model.file_over_limit": "{name} is over {limit:,} bytes, the limit",
    "model.not_utf8": "{name} is not UTF-8 text",
    "model.cannot_read": "cannot read {path}: {reason}",
    "model.bad_json": "{where} is not valid JSON: {reason} at line {line}, column {column}",
    "model.json_too_deep": "{where} is nested too deeply",
    "model.json_unreadable": "{where} cannot be read as JSON: {reason}",
    "model.array_not_list": "{key} must be a list of numbers or a list of rows, got {type}",
    "model.array_too_big": "{key} has shape ({rows:,}, {columns:,}), past the limit {limit}",
    "model.array_ragged": "{key} is ragged: its rows differ in length or depth",
    "model.array_huge_integer": "{key} holds an integer too large for a floating-point number",
    "model.array_booleans": "{key} holds true/false, not numbers",
    "model.array_not_numbers": "{key} holds something that is not a number",
    "model.array_dims": "{key} must be a non-empty 1-D or 2-D array, got shape {shape}",
    "model.array_non_finite": "{key} holds {token}, which is not a finite number",
    "model.node_not_object": "node #{number} is not an object",
    "model.unknown_key": "unknown key {key}",
    "model.op_not_string": "op must be a string, got {op}",
    "model.inputs_map": "inputs must map port names to node ids",
    "model.shape_integers": "shape must be a list of integers, got {shape}",
    "model.init_object": "init must be an object",
    "model.version": "unsupported version {version} (this program reads version {supported})",
    "model.not_json_object": "the model file must hold a JSON object",
    "model.format": "format must be {expected!r}, got {format}",
    'model.nodes_list': "'nodes' must be a list",
    "model.too_many_nodes": "the model has {count} nodes; the limit is {limit}",
    "model.top_level_non_finite": "the top-level key {key} holds a non-finite number (NaN or infinity)",
    "model.lone_surrogate": "{where} holds a lone UTF-16 surrogate (not valid Unicode text) in {place}",
})

MODEL_FORMAT = "jacobian-explorer/model"
SNAPSHOT_FORMAT = "jacobian-explorer/snapshot"
VERSION = 1

_NODE_KEYS = {"id", "op", "inputs", "value", "shape", "init", "label", "pos", "requires_grad"}
#: Top-level keys of a model file that this program reads; any other is kept as an extra.
_MODEL_KEYS = ("format", "version", "name", "nodes")
#: A JSON escape of a UTF-16 surrogate; only when one appears can a string hold a lone surrogate.
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F][0-9a-fA-F]{2}")


def read_json(path: str | os.PathLike[str]) -> Any:
    """Parse a JSON file, turning every failure into a one-line :class:`ModelError`.

    The file comes through the reading door (:func:`explorer.model.door.read_bytes`):
    anything but a regular file (a directory, a device such as ``/dev/zero``
    behind a link, a named pipe) is refused before a byte is read; the file
    is opened without blocking and never read past the size limit. A name
    that is not UTF-8 is shown escaped.
    """
    name = readable(os.fsdecode(Path(path).name))
    name = name if name.isprintable() and len(name) <= 80 else shown(name, 80)
    try:
        data = read_bytes(path, limits.MAX_FILE_BYTES, name)
        text = data.decode("utf-8")
    except Refused as error:
        raise ModelError(str(error)) from None
    except UnicodeDecodeError:
        raise ModelError(message("model.not_utf8", name=name)) from None
    except (OSError, ValueError) as error:
        raise ModelError(message("model.cannot_read", path=shown_path(path), reason=reason(error))) from None
    return parse_json(text, name)


def _parse_int(token: str) -> int | float:
    """An integer too long for ``int()`` (Python's 4,300-digit limit) becomes a float: infinite, refused later."""
    return int(token) if len(token) <= 4000 else float(token)


def parse_json(text: str, where: str = "the model") -> Any:
    """Parse JSON text into plain objects, or raise a one-line :class:`ModelError`.

    ``NaN``, ``Infinity`` and ``-Infinity`` become floats, and so does an
    integer of thousands of digits (infinite): the fields that hold them
    refuse them, naming the node. A string holding a lone surrogate is
    refused here.
    """
    try:
        try:
            document = json.loads(text, parse_constant=float)
        except ValueError as error:
            if isinstance(error, json.JSONDecodeError) or "integer string conversion" not in str(error):
                raise
            document = json.loads(text, parse_constant=float, parse_int=_parse_int)  # slower; only when needed
    except json.JSONDecodeError as error:
        raise ModelError(message("model.bad_json", where=where, reason=error.msg, line=error.lineno, column=error.colno)) from None
    except RecursionError:
        raise ModelError(message("model.json_too_deep", where=where)) from None
    except (ValueError, OverflowError, MemoryError) as error:
        raise ModelError(message("model.json_unreadable", where=where, reason=shown(str(error), 80))) from None
    if _SURROGATE_ESCAPE.search(text):
        place = lone_surrogate(document)
        if place is not None:
            problem = message("model.lone_surrogate", where=where, place=place)
            raise ModelError(problem, _node_at(document, place))
    return document


_NODE_PLACE = re.compile(r"^(?:'model'\.)?'nodes'\[(\d+)\]")


def _node_at(document: Any, place: str) -> str | None:
    """The id of the node a :func:`lone_surrogate` place such as ``'nodes'[4].'label'`` lies in, if it has one."""
    match = _NODE_PLACE.match(place)
    if match is None or not isinstance(document, Mapping):
        return None
    model = document.get("model") if place.startswith("'model'") else document
    nodes = model.get("nodes") if isinstance(model, Mapping) else None
    index = int(match.group(1))
    if not isinstance(nodes, list) or index >= len(nodes) or not isinstance(nodes[index], Mapping):
        return None
    node = nodes[index].get("id")
    return node if isinstance(node, str) and lone_surrogate(node) is None else None


def _array(raw: Any, node: str, key: str = "value") -> Array:
    if not isinstance(raw, list):
        raise ModelError(message("model.array_not_list", key=key, type=type(raw).__name__), node)
    rows = len(raw)
    columns = len(raw[0]) if raw and isinstance(raw[0], list) else 0
    if rows > limits.MAX_DIM or columns > limits.MAX_DIM:  # before numpy copies it
        raise ModelError(message("model.array_too_big", key=key, rows=rows, columns=columns, limit=limits.MAX_DIM), node)
    try:
        array = np.asarray(raw)
    except (ValueError, TypeError, OverflowError, RecursionError):
        raise ModelError(message("model.array_ragged", key=key), node) from None
    if array.dtype.kind not in "iuf":
        if array.dtype.kind == "O" and any(isinstance(v, int) for v in np.ravel(array)):
            raise ModelError(message("model.array_huge_integer", key=key), node)
        if array.dtype.kind == "b":
            raise ModelError(message("model.array_booleans", key=key), node)
        raise ModelError(message("model.array_not_numbers", key=key), node)
    if array.ndim in (1, 2):  # numpy turns a true among numbers into 1.0
        cells = raw if array.ndim == 1 else [v for row in raw for v in row]
        if any(isinstance(v, bool) for v in cells):
            raise ModelError(message("model.array_booleans", key=key), node)
    if array.ndim not in (1, 2) or 0 in array.shape:
        raise ModelError(message("model.array_dims", key=key, shape=array.shape), node)
    array = array.astype(np.float64)
    finite = np.isfinite(array)
    if not np.all(finite):
        first = float(array[~finite].flat[0])
        token = "NaN" if math.isnan(first) else "Infinity" if first > 0 else "-Infinity"
        raise ModelError(message("model.array_non_finite", key=key, token=token), node)
    del finite
    array.setflags(write=False)  # the model shares it instead of copying
    return array


def _node_spec(raw: Any, index: int) -> NodeSpec:
    if not isinstance(raw, Mapping):
        raise ModelError(message("model.node_not_object", number=index + 1))
    node = check_id(raw.get("id"), message("model.node_number", number=index + 1))
    unknown = set(raw) - _NODE_KEYS
    if unknown:
        raise ModelError(message("model.unknown_key", key=shown(sorted(unknown)[0], 20)), node)
    op = raw.get("op")
    if not isinstance(op, str):
        raise ModelError(message("model.op_not_string", op=shown(op)), node)
    inputs = raw.get("inputs", {})
    if not isinstance(inputs, Mapping) or not all(isinstance(v, str) for v in inputs.values()):
        raise ModelError(message("model.inputs_map"), node)
    value = _array(raw["value"], node) if raw.get("value") is not None else None
    shape = raw.get("shape")
    if shape is not None:
        if not isinstance(shape, list) or not all(isinstance(n, int) and not isinstance(n, bool) for n in shape):
            raise ModelError(message("model.shape_integers", shape=shown(shape)), node)
        shape = tuple(shape)
    init = raw.get("init")
    if init is not None and not isinstance(init, Mapping):
        raise ModelError(message("model.init_object"), node)
    label = raw.get("label")
    if label is not None:
        label = check_text(label, message("model.the_label"), node)
    pos = raw.get("pos")
    if pos is not None:
        pos = check_pos(pos, node)
    requires_grad = raw.get("requires_grad")  # checked by the model: a bool, on an input or a target only
    return NodeSpec(node, op, dict(inputs), value, shape, dict(init) if init else None, label, pos, requires_grad)


def _non_finite(document: Any) -> bool:
    """Whether a parsed JSON value holds NaN or an infinity anywhere."""
    stack = [document]
    while stack:
        item = stack.pop()
        if isinstance(item, float) and not math.isfinite(item):
            return True
        if isinstance(item, list):
            stack.extend(item)
        elif isinstance(item, Mapping):
            stack.extend(item.values())
    return False


def check_version(document: Mapping[str, Any]) -> None:
    """Refuse any version but the integer 1 (``true`` and ``1.0`` included)."""
    version = document.get("version")
    if type(version) is not int or version != VERSION:
        raise ModelError(message("model.version", version=shown(version), supported=VERSION))


def model_from_dict(document: Any) -> Model:
    """Build and validate a model from a parsed model document (SPEC section 2)."""
    if not isinstance(document, Mapping):
        raise ModelError(message("model.not_json_object"))
    if document.get("format") != MODEL_FORMAT:
        raise ModelError(message("model.format", expected=MODEL_FORMAT, format=shown(document.get('format'))))
    check_version(document)
    nodes = document.get("nodes")
    if not isinstance(nodes, list):
        raise ModelError(message("model.nodes_list"))
    if len(nodes) > limits.MAX_NODES:
        raise ModelError(message("model.too_many_nodes", count=len(nodes), limit=limits.MAX_NODES))
    name = check_text(document.get("name", ""), message("model.the_model_name"), limit=limits.MAX_NAME_LENGTH)
    extras = {key: value for key, value in document.items() if key not in _MODEL_KEYS}
    for key, value in extras.items():
        if _non_finite(value):
            raise ModelError(message("model.top_level_non_finite", key=shown(key, 20)))
    return Model([_node_spec(raw, i) for i, raw in enumerate(nodes)], name=name, extras=extras)


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
        if spec.requires_grad is not None:
            raw["requires_grad"] = spec.requires_grad
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
    document = {"format": MODEL_FORMAT, "version": VERSION, "name": model.name, "nodes": nodes}
    for key, value in model.extras.items():
        document.setdefault(key, value)  # keys this program does not read, as they were loaded
    return document


def dumps(document: Any) -> str:
    """JSON text with NaN refused, so the file always reads back."""
    return json.dumps(document, indent=1, allow_nan=False, ensure_ascii=False) + "\n"


def save_model(model: Model, path: str | os.PathLike[str]) -> None:
    """Write the model file whole or not at all, through a link, keeping its permissions (:func:`write_atomic`)."""
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
