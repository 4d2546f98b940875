"""Edits of any model, chain or not: the loss, the batch, a leaf's numbers, a node's place.

Each edit is pure (see :mod:`explorer.model.edit`): it returns a new model,
or the very model it was given when nothing would change, or raises
:class:`ModelError` naming the node and the problem.
"""

from __future__ import annotations

import math

import numpy as np
import numpy.typing as npt

from explorer.model import limits
from explorer.model.draft import Draft, is_int, require_leaf, require_node, resized
from explorer.model.errors import ModelError
from explorer.model.graph import Array, Model
from explorer.model.initial import initial_value
from explorer.model.messages import message
from explorer.model.quote import shown
from explorer.ops import LOSSES


def set_loss(model: Model, op: str) -> Model:
    """Make the loss ``half_sse``, ``sse`` or ``mse``.

    Works on any model, chain or not.

    Raises
    ------
    ModelError
        Naming the loss node, for any other op.
    """
    if op not in LOSSES:
        raise ModelError(message("model.unknown_loss", loss=shown(op, 20), known=', '.join(LOSSES)), model.loss_id)
    if op == model.op(model.loss_id):
        return model
    draft = Draft(model)
    draft.put(model.loss_id, draft.get(model.loss_id).with_(op=op))
    return draft.build()


def set_requires_grad(model: Model, node: str, requires_grad: bool) -> Model:
    """Ask for ``∂L/∂node`` of an input or a target, or stop asking (the file's ``"requires_grad"``).

    >>> from explorer.model.examples import toy_model
    >>> toy = toy_model()
    >>> toy.requires_grad("X"), set_requires_grad(toy, "X", True).requires_grad("X")
    (False, True)
    >>> set_requires_grad(toy, "X", False) is toy
    True

    Raises
    ------
    ModelError
        Naming the node, for a node that is not an input or a target.
    """
    require_node(model, node)
    if model.data_requires_grad(node) is None:
        raise ModelError(message("model.requires_grad_data", op=model.op(node), value=""), node)
    if model.data_requires_grad(node) == bool(requires_grad):
        return model  # a file without the key already behaves as true
    draft = Draft(model)
    draft.put(node, draft.get(node).with_(requires_grad=bool(requires_grad)))
    return draft.build()


def set_batch(model: Model, batch: int) -> Model:
    """Give every input and target ``batch`` columns (samples).

    Kept columns keep their numbers; new columns are seeded normal numbers
    (std 0.5, seed from the node id), the same every time. Works on any model
    whose inputs and targets are matrices ``(rows, batch)``.

    Raises
    ------
    ModelError
        Naming the (first) input node, for a batch outside 1 to ``limits.MAX_BATCH``.
    """
    data = [n for n in model.leaves if model.op(n) in ("input", "target") and len(model.shape(n)) == 2]
    first = next((n for n in data if model.op(n) == "input"), data[0] if data else model.loss_id)
    if not is_int(batch) or not 1 <= batch <= limits.MAX_BATCH:
        raise ModelError(message("model.batch_invalid", limit=limits.MAX_BATCH, batch=shown(batch)), first)
    batch = int(batch)
    changing = [n for n in data if model.shape(n)[1] != batch]
    if not changing:
        return model
    draft = Draft(model)
    for node in changing:
        value = model.value(node)
        draft.set_value(node, resized(value, (value.shape[0], batch), node))
    return draft.build()


def _with_value(model: Model, node: str, value: Array) -> Model:
    """The model with a leaf's value replaced, or the model itself when nothing changes."""
    if value.tobytes() == np.ascontiguousarray(model.value(node)).tobytes():
        return model
    draft = Draft(model)
    draft.set_value(node, value)
    return draft.build()


def set_value(model: Model, node: str, value: npt.ArrayLike) -> Model:
    """Replace the value of a leaf (an input, parameter or target).

    The new value must have the leaf's shape (a bias may also be given as a
    column ``(n, 1)``) and hold finite numbers only. It is stored as an
    explicit ``value``.

    Raises
    ------
    ModelError
        Naming the node: an op node, an unknown node, a wrong shape, or
        something that is not finite numbers.
    """
    require_leaf(model, node)
    try:
        array = np.asarray(value)
    except (ValueError, TypeError):
        raise ModelError(message("model.new_value_ragged"), node) from None
    if array.dtype.kind not in "iuf":
        raise ModelError(message("model.new_value_not_numbers", dtype=array.dtype), node)
    array = array.astype(np.float64)
    shape = model.shape(node)
    if len(shape) == 1 and array.shape == (shape[0], 1):
        array = array.reshape(shape)
    if array.shape != shape:
        raise ModelError(message("model.new_value_shape", shape=array.shape, expected=shape), node)
    if not np.all(np.isfinite(array)):
        raise ModelError(message("model.new_value_non_finite"), node)
    return _with_value(model, node, array)


def randomise(model: Model, node: str, seed: int, kind: str = "normal", std: float = 0.5) -> Model:
    """Fill a leaf with ``initial_value(shape, {"kind": kind, "std": std, "seed": seed})``.

    The numbers are stored as an explicit ``value``; ``std`` only matters
    for ``kind="normal"``.

    Raises
    ------
    ModelError
        Naming the node: an op node, an unknown node, a bad kind, seed or std.
    """
    require_leaf(model, node)
    value = initial_value(model.shape(node), {"kind": kind, "std": std, "seed": seed}, node)
    return _with_value(model, node, value)


def set_position(model: Model, node: str, pos: tuple[float, float] | None) -> Model:
    """Set (or, with ``None``, clear) a node's place on the canvas.

    A position past the canvas limit (``limits.MAX_POS``, 100,000 from the
    origin on each axis) is clamped to it: a node dragged far away stops at
    the edge rather than failing.

    Raises
    ------
    ModelError
        Naming the node: an unknown node, or a position that is not two finite numbers.
    """
    require_node(model, node)
    if pos is not None:
        numbers = list(pos) if isinstance(pos, tuple | list) else []
        if len(numbers) != 2 or not all(
            isinstance(v, int | float | np.integer | np.floating) and not isinstance(v, bool) for v in numbers
        ):
            raise ModelError(message("model.pos_two_numbers", pos=shown(pos)), node)
        try:
            x, y = float(numbers[0]), float(numbers[1])
        except OverflowError:
            x = y = math.inf
        if not (math.isfinite(x) and math.isfinite(y)):
            raise ModelError(message("model.pos_two_numbers", pos=shown(pos)), node)
        edge = limits.MAX_POS
        pos = (min(max(x, -edge), edge), min(max(y, -edge), edge))
    if pos == model.spec(node).pos:
        return model
    draft = Draft(model)
    draft.put(node, draft.get(node).with_(pos=pos))
    return draft.build()
