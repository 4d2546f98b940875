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

from ..engine import EngineError, Session
from ..model import Model, ModelError, limits, model_from_dict
from ..model.io import MODEL_FORMAT, SNAPSHOT_FORMAT, VERSION, check_version, read_json

#: Jacobians with more elements than this are left out of a snapshot.
SNAPSHOT_JACOBIAN_LIMIT = 1_000_000
#: Largest snapshot written: the loader opens nothing larger, so a bigger one could not be opened again.
MAX_SNAPSHOT_BYTES = limits.MAX_FILE_BYTES
#: Fewest bytes one number takes in the file ("0.0, "): the floor of an estimate.
_MIN_BYTES_PER_NUMBER = 5
#: Typical bytes of one float64 at full precision with its separator ("-0.12345678901234567, ").
_TYPICAL_BYTES_PER_NUMBER = 21


class SnapshotTooLarge(ModelError):
    """A snapshot past :data:`MAX_SNAPSHOT_BYTES`; refused before or while writing."""


def _size(shape: tuple[int, ...]) -> int:
    return int(np.prod(shape, dtype=np.int64))


def _jacobian_entries(session: Session, node: str) -> list[tuple[str, tuple[int, ...]]]:
    return [(wrt, session.jacobian_shape(node, wrt)) for wrt in session.model.inputs(node).values()]


def count_numbers(session: Session, position: int | None = None) -> int:
    """How many numbers the snapshot at ``position`` (default: the session's) holds, without computing any.

    >>> from explorer.examples import toy_model
    >>> count_numbers(Session(toy_model()), 0)  # leaves in the model and in ``nodes``, and the Jacobians
    152
    """
    model = session.model
    position = session.position if position is None else position
    steps = session.plan[:position]
    reached = {s.node for s in steps if s.phase == "forward"}
    graded = {s.node for s in steps if s.phase == "backward"}
    count = 0
    for node in model.order:
        size = _size(model.shape(node))
        count += size * (node in model.leaves) * 2  # in the model and in ``nodes``
        count += size * (node in reached) + size * (node in graded)
    for node in model.op_nodes:
        count += sum(_size(shape) for _, shape in _jacobian_entries(session, node) if _size(shape) <= SNAPSHOT_JACOBIAN_LIMIT)
    return count


def check_snapshot_size(session: Session, position: int | None = None) -> None:
    """Refuse, before anything is computed, a snapshot that cannot stay under :data:`MAX_SNAPSHOT_BYTES`.

    Raises
    ------
    SnapshotTooLarge
        When even at the fewest bytes per number the file would be too large.
    """
    numbers = count_numbers(session, position)
    if numbers * _MIN_BYTES_PER_NUMBER > MAX_SNAPSHOT_BYTES:
        raise SnapshotTooLarge(
            f"snapshot.json would hold {numbers:,} numbers, about {_mib(numbers * _TYPICAL_BYTES_PER_NUMBER)} "
            f"(at least {_mib(numbers * _MIN_BYTES_PER_NUMBER)}); a snapshot over {_mib(MAX_SNAPSHOT_BYTES)} "
            "could not be opened again, so none is written (export an earlier step or a smaller model)"
        )


def _mib(n: int) -> str:
    return f"{n / 2**30:,.1f} GiB" if n >= 2**30 else f"{n / 2**20:,.0f} MiB"


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
            raise SnapshotTooLarge(
                f"snapshot.json grew past {_mib(self.limit)} while being written; a larger snapshot could not be "
                "opened again, so none is written (export an earlier step or a smaller model)"
            )
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
            value = session.jacobian(node, wrt)
        except EngineError as error:
            head["reason"] = f"not computable at this step: {error}"
        else:
            if not np.all(np.isfinite(value)):
                head["reason"] = "not finite at this step: its inputs overflow"
                value = None
    out.write(_text(head)[:-1] + ', "value": ')
    _write_array(out, value, "   ")
    out.write("}")


def write_snapshot(session: Session, stream: BinaryIO, limit: int | None = MAX_SNAPSHOT_BYTES) -> int:
    """Write the snapshot of ``session`` at its step to a binary stream as UTF-8 JSON; return the bytes written.

    Arrays go to the stream one row at a time, so memory stays bounded by
    the session's own arrays (and one Jacobian of at most
    :data:`SNAPSHOT_JACOBIAN_LIMIT` elements), never by the text.

    Raises
    ------
    SnapshotTooLarge
        Past ``limit`` bytes (the stream then holds a part: write to a
        temporary file, as :func:`explorer.export.write_file_set` does).
    """
    out = _Sink(stream, limit)
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
            raise ModelError(f"snapshot step index {index!r} is not a step of this model (0…{session.total})")
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
