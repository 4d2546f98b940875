"""The snapshot file (format ``jacobian-explorer/snapshot``, version 1).

A snapshot holds the model with every value filled in, where the pass stands,
every node's value and gradient (``null`` where not reached) and every op
node's Jacobian with respect to each input (``null`` with a ``reason`` when
it is too large or not computable at this step).
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import Any

import numpy as np

from ..engine import EngineError, Session
from ..model import Model, ModelError, model_from_dict, model_to_dict
from ..model.io import SNAPSHOT_FORMAT, VERSION, check_version, dumps, read_json

#: Jacobians with more elements than this are left out of a snapshot.
SNAPSHOT_JACOBIAN_LIMIT = 1_000_000


def _listed(array: np.ndarray | None) -> Any:
    return None if array is None else array.tolist()


def snapshot_dict(session: Session) -> dict[str, Any]:
    """The snapshot of a session at its current step, ready for JSON."""
    model = session.model
    nodes = {n: {"value": _listed(session.value(n)), "grad": _listed(session.grad(n))} for n in model.order}
    jacobians: dict[str, dict[str, Any]] = {}
    for node in model.op_nodes:
        entries = {}
        for wrt in model.inputs(node).values():
            shape = session.jacobian_shape(node, wrt)
            entry: dict[str, Any] = {"shape": list(shape), "value": None}
            if int(np.prod(shape, dtype=np.int64)) > SNAPSHOT_JACOBIAN_LIMIT:
                entry["reason"] = f"{int(np.prod(shape)):,} elements, over the snapshot limit of {SNAPSHOT_JACOBIAN_LIMIT:,}"
            else:
                try:
                    entry["value"] = session.jacobian(node, wrt).tolist()
                except EngineError as error:
                    entry["reason"] = f"not computable at this step: {error}"
            entries[wrt] = entry
        jacobians[node] = entries
    return {
        "format": SNAPSHOT_FORMAT,
        "version": VERSION,
        "model": model_to_dict(model, fill_values=True),
        "step": {"phase": session.phase, "index": session.position, "total": session.total},
        "loss": session.loss,
        "nodes": nodes,
        "jacobians": jacobians,
    }


def snapshot_text(session: Session) -> str:
    return dumps(snapshot_dict(session))


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
