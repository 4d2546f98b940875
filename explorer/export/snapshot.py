"""The snapshot file (format ``jacobian-explorer/snapshot``, version 1).

A snapshot holds the model with every value filled in, where the pass stands,
every node's value and gradient (``null`` where not reached) and every op
node's Jacobian with respect to each input (``null`` with a ``reason`` when
it is too large or not computable at this step).
"""

from __future__ import annotations

import io
import json
import os
from collections.abc import Mapping
from typing import Any, BinaryIO

import numpy as np

from explorer.engine import EngineError, Session
from explorer.model import Model, ModelError, limits, model_from_dict
from explorer.model.io import MODEL_FORMAT, SNAPSHOT_FORMAT, VERSION, check_version, read_json
from explorer.model.messages import define, message

define({
    "export.snapshot_too_large": (
        "snapshot.json would hold {count:,} numbers, about {size}; a snapshot over {limit} could not be opened "
        "again, so none is written (export an earlier step or a smaller model)"
    ),
    "export.snapshot_grew": (
        "snapshot.json grew past {limit} while being written; a larger snapshot could not be opened again, "
        "so none is written (export an earlier step or a smaller model)"
    ),
    "export.snapshot_step": "snapshot step index {index!r} is not a step of this model (0…{total})",
})

#: Jacobians with more elements than this are left out of a snapshot.
SNAPSHOT_JACOBIAN_LIMIT = 1_000_000
#: Largest snapshot written: the loader opens nothing larger, so a bigger one could not be opened again.
MAX_SNAPSHOT_BYTES = limits.MAX_FILE_BYTES
#: Fewest bytes one number takes in the file ("0.0, "): the floor of an estimate.
_MIN_BYTES_PER_NUMBER = 5
#: Bytes of names, keys and brackets a node adds besides its numbers (about; the toy's are 100 to 150).
_BYTES_PER_NODE = 120
#: Bytes of a Jacobian written as ``null`` with its reason.
_BYTES_PER_REASON = 150
#: Typical bytes of one computed float64 with its separator ("-0.1234567890123457, ").
_TYPICAL_BYTES_PER_NUMBER = 21


class SnapshotTooLarge(ModelError):
    """A snapshot past :data:`MAX_SNAPSHOT_BYTES`; refused before or while writing."""


def _size(shape: tuple[int, ...]) -> int:
    return int(np.prod(shape, dtype=np.int64))


def _jacobian_entries(session: Session, node: str) -> list[tuple[str, tuple[int, ...]]]:
    return [(wrt, session.jacobian_shape(node, wrt)) for wrt in session.model.inputs(node).values()]


def _parts(session: Session, position: int) -> list[tuple[int, float, int]]:
    """The snapshot's arrays at ``position`` as ``(numbers, bytes per number, other bytes)``, computing none.

    Leaf values are known: their bytes per number come from a sample of their
    own numbers. Values and gradients still to compute count as typical
    floats, Jacobians (mostly zeros) at the fewest bytes, a Jacobian left out
    as its reason.
    """
    model = session.model
    steps = session.plan[:position]
    reached = {s.node for s in steps if s.phase == "forward"}
    graded = {s.node for s in steps if s.phase == "backward"}
    parts: list[tuple[int, float, int]] = []
    for node in model.order:
        shape = model.shape(node)
        size, rows = _size(shape), _row_bytes(shape)
        if node in model.leaves:  # in the model and in ``nodes``
            parts.append((2 * size, _sampled_bytes_per_number(model.value(node)) + rows, _BYTES_PER_NODE))
        parts.append((size * (node in reached) + size * (node in graded), _TYPICAL_BYTES_PER_NUMBER + rows, 0))
    known = set(model.leaves) | reached
    for node in model.op_nodes:
        computable = set(model.inputs(node).values()) <= known
        for _, shape in _jacobian_entries(session, node):
            if computable and _size(shape) <= SNAPSHOT_JACOBIAN_LIMIT:
                parts.append((_size(shape), _MIN_BYTES_PER_NUMBER + _row_bytes(shape), 0))
            else:
                parts.append((0, 0.0, _BYTES_PER_REASON))
    return parts


def _row_bytes(shape: tuple[int, ...]) -> float:
    """Bytes per number that the row brackets, indent and line break add (one row per line)."""
    return 8.0 / shape[-1] if len(shape) >= 2 else 0.0


def _sampled_bytes_per_number(array: np.ndarray) -> float:
    """Mean length of ``repr`` plus a separator over up to 256 evenly spaced numbers of ``array``."""
    flat = array.reshape(-1)
    picks = flat[np.linspace(0, flat.size - 1, num=min(flat.size, 256)).astype(np.int64)]
    return sum(len(repr(v)) for v in picks.tolist()) / len(picks) + 2


def count_numbers(session: Session, position: int | None = None) -> int:
    """How many numbers the snapshot at ``position`` (default: the session's) holds, without computing any.

    >>> from explorer.model.examples import toy_model
    >>> count_numbers(Session(toy_model()), 0)  # leaves in the model and in ``nodes``, and ∂H₁/∂X, ∂H₁/∂W₁
    94
    """
    return sum(n for n, _, _ in _parts(session, session.position if position is None else position))


def estimate_bytes(session: Session, position: int | None = None) -> int:
    """About how large the snapshot at ``position`` will be, without computing any of it."""
    parts = _parts(session, session.position if position is None else position)
    return int(sum(n * per + other for n, per, other in parts) + _BYTES_PER_NODE * len(session.model.order))


def check_snapshot_size(session: Session, position: int | None = None) -> None:
    """Refuse, before anything is computed, a snapshot estimated past :data:`MAX_SNAPSHOT_BYTES`.

    The estimate is close, not a bound: :func:`write_snapshot` still stops
    at the limit while it writes.

    Raises
    ------
    SnapshotTooLarge
        When the estimate is past the limit.
    """
    size = estimate_bytes(session, position)
    if size > MAX_SNAPSHOT_BYTES:
        count, limit = count_numbers(session, position), _mib(MAX_SNAPSHOT_BYTES)
        raise SnapshotTooLarge(message("export.snapshot_too_large", count=count, size=_mib(size), limit=limit))


def _mib(n: int) -> str:
    """A size for a person: ``3.4 GiB``, ``880 MiB``, ``4,210 bytes``."""
    if n >= 2**30:
        return f"{n / 2**30:,.1f} GiB"
    return f"{n / 2**20:,.0f} MiB" if n >= 2**20 else f"{n:,} bytes"


class _Sink:
    """UTF-8 text to a binary file, counting bytes and stopping past ``limit``."""

    def __init__(self, stream: BinaryIO, limit: int | None) -> None:
        self.stream = stream
        self.limit = limit
        self.written = 0

    def write(self, text: str) -> None:
        data = text.encode("utf-8")
        self.written += len(data)
        if self.limit is not None and self.written > self.limit:
            raise SnapshotTooLarge(message("export.snapshot_grew", limit=_mib(self.limit)))
        self.stream.write(data)


def _write_array(out: _Sink, array: np.ndarray | None, indent: str) -> None:
    """An array as nested JSON lists, one innermost row per line; floats as their shortest ``repr``."""
    if array is None:
        out.write("null")
    elif array.ndim == 0:
        out.write(repr(float(array)))
    elif array.ndim == 1:
        out.write("[" + ", ".join(map(repr, array.tolist())) + "]")
    else:
        out.write("[\n")
        inner = indent + " "
        for i in range(array.shape[0]):
            out.write(inner)
            _write_array(out, array[i], inner)
            out.write(",\n" if i + 1 < array.shape[0] else "\n")
        out.write(indent + "]")


def _text(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, allow_nan=False)


def _write_model(out: _Sink, model: Model) -> None:
    """The model of SPEC section 2 with every leaf value written out (``model_to_dict(fill_values=True)``)."""
    out.write(f'{{"format": {_text(MODEL_FORMAT)}, "version": {VERSION}, "name": {_text(model.name)}, "nodes": [\n')
    for n, spec in enumerate(model.specs):
        head: dict[str, Any] = {"id": spec.id, "op": spec.op}
        if spec.label is not None:
            head["label"] = spec.label
        if spec.requires_grad is not None:
            head["requires_grad"] = spec.requires_grad
        if spec.inputs:
            head["inputs"] = model.inputs(spec.id)
        out.write("  " + _text(head)[:-1])
        if spec.info.is_leaf:
            out.write(', "value": ')
            _write_array(out, model.value(spec.id), "  ")
            if spec.value is None and spec.init is not None and spec.shape is not None:
                out.write(f', "init": {_text(dict(spec.init))}')
        if spec.pos is not None:
            out.write(f', "pos": {_text([spec.pos[0], spec.pos[1]])}')
        out.write("}" + (",\n" if n + 1 < len(model.specs) else "\n"))
    out.write(" ]}")


def _write_jacobian(out: _Sink, session: Session, node: str, wrt: str, shape: tuple[int, ...]) -> None:
    head: dict[str, Any] = {"shape": list(shape)}
    value = None
    if _size(shape) > SNAPSHOT_JACOBIAN_LIMIT:
        head["reason"] = f"{_size(shape):,} elements, over the snapshot limit of {SNAPSHOT_JACOBIAN_LIMIT:,}"
    else:
        try:
            value = session.fork().jacobian(node, wrt)  # not kept in the session's cache: one at a time
        except EngineError as error:
            head["reason"] = f"not computable at this step: {error}"
        else:
            if not np.all(np.isfinite(value)):
                head["reason"] = "not finite at this step: its inputs overflow"
                value = None
    out.write(_text(head)[:-1] + ', "value": ')
    _write_array(out, value, "   ")
    out.write("}")


def write_snapshot(session: Session, stream: BinaryIO, limit: int | None = None) -> int:
    """Write the snapshot of ``session`` at its step to a binary stream as UTF-8 JSON; return the bytes written.

    Arrays go to the stream one row at a time, so memory stays bounded by
    the session's own arrays (and one Jacobian of at most
    :data:`SNAPSHOT_JACOBIAN_LIMIT` elements), never by the text.

    Raises
    ------
    SnapshotTooLarge
        Past ``limit`` bytes (default :data:`MAX_SNAPSHOT_BYTES`); the
        stream then holds a part: write to a temporary file, as
        :func:`explorer.export.write_file_set` does.
    """
    out = _Sink(stream, MAX_SNAPSHOT_BYTES if limit is None else limit)
    model = session.model
    out.write(f'{{\n "format": {_text(SNAPSHOT_FORMAT)},\n "version": {VERSION},\n "model": ')
    _write_model(out, model)
    step = {"phase": session.phase, "index": session.position, "total": session.total}
    out.write(f',\n "step": {_text(step)},\n "loss": {_text(session.loss)},\n "nodes": {{\n')
    for n, node in enumerate(model.order):
        out.write(f'  {_text(node)}: {{"value": ')
        _write_array(out, session.value(node), "  ")
        out.write(', "grad": ')
        _write_array(out, session.grad(node), "  ")
        out.write("}" + (",\n" if n + 1 < len(model.order) else "\n"))
    out.write(' },\n "jacobians": {\n')
    for n, node in enumerate(model.op_nodes):
        out.write(f"  {_text(node)}: {{\n")
        entries = _jacobian_entries(session, node)
        for m, (wrt, shape) in enumerate(entries):
            out.write(f"   {_text(wrt)}: ")
            _write_jacobian(out, session, node, wrt, shape)
            out.write(",\n" if m + 1 < len(entries) else "\n")
        out.write("  }" + (",\n" if n + 1 < len(model.op_nodes) else "\n"))
    out.write(" }\n}\n")
    return out.written


def snapshot_text(session: Session) -> str:
    """The snapshot as JSON text (for small sessions: the window's File → Export)."""
    buffer = io.BytesIO()
    write_snapshot(session, buffer)
    return buffer.getvalue().decode("utf-8")


def snapshot_dict(session: Session) -> dict[str, Any]:
    """The snapshot of a session at its current step, parsed: what :func:`snapshot_text` writes."""
    document: dict[str, Any] = json.loads(snapshot_text(session))
    return document


def session_from_document(document: Any) -> Session:
    """A session from a parsed model or snapshot document, at the snapshot's step."""
    if is_snapshot(document):
        check_version(document)
        session = Session(model_from_dict(document.get("model")))
        step = document.get("step")
        index = step.get("index") if isinstance(step, Mapping) else None
        if isinstance(index, bool) or not isinstance(index, int) or not 0 <= index <= session.total:
            raise ModelError(message("export.snapshot_step", index=index, total=session.total))
        session.seek(index)
        return session
    return Session(model_from_dict(document))


def is_snapshot(document: Any) -> bool:
    return isinstance(document, Mapping) and document.get("format") == SNAPSHOT_FORMAT


def load_session(path: str | os.PathLike[str]) -> Session:
    """Open a model file (at step 0) or a snapshot (at its step)."""
    return session_from_document(read_json(path))


def load_snapshot_model(path: str | os.PathLike[str]) -> tuple[Model, int]:
    session = load_session(path)
    return session.model, session.position
