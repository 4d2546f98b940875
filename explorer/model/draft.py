"""An edit in progress: a model's specs changed in place, then built into a new :class:`Model`.

Every edit of :mod:`explorer.model.edit` copies the model's specs into a
:class:`Draft`, changes them, and builds a new, fully validated model; the
model it started from is never touched. A resized matrix keeps its
overlapping block and gets new entries from
:func:`~explorer.model.initial.initial_value` (normal, std :data:`FILL_STD`)
seeded by :func:`fill_seed` of the node id, so the same edit always gives the
same numbers; the draft remembers which values it seeded, so a renumbered
node can draw them again from its new id
(:func:`explorer.model.numbering.renumbered`). New and resized arrays are
stored as explicit, read-only ``value`` arrays, so a saved model reloads bit
for bit.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterable, Sequence

import numpy as np

from explorer.model.errors import ModelError
from explorer.model.graph import Array, Model, NodeSpec
from explorer.model.initial import initial_value
from explorer.model.messages import define, message

# The edits' refusals, worded as data (explorer.model.messages): the window translates them by key.
define({
    "model.no_place": "cannot add a layer at place {place}; the places are 0 (first) to {count} (last)",
    "model.no_layer": "there is no layer {layer}; the chain has layers 0 to {top}",
    "model.width_invalid": "width must be a whole number from 1 to {limit}, got {width}",
    "model.unknown_activation": "unknown activation {activation} (use one of {known} or none)",
    "model.no_such_node": "there is no such node in the model",
    "model.holds_no_value": "is a {op} node; only inputs, parameters and targets hold values",
    'model.last_layer_rows': "a layer added after the last one must output the target's {rows} rows, not {width}; add it, then change the last layer's width",
    "model.only_layer": "is the only layer; a chain needs at least one",
    "model.unknown_loss": "unknown loss {loss} (use one of {known})",
    "model.batch_invalid": "batch must be a whole number from 1 to {limit}, got {batch}",
    "model.new_value_ragged": "the new value is ragged: its rows differ in length",
    "model.new_value_not_numbers": "the new value must hold numbers, got {dtype}",
    "model.new_value_shape": "the new value has shape {shape}; it must be {expected}",
    "model.new_value_non_finite": "the new value holds a non-finite number (NaN or infinity)",
    "model.pos_two_numbers": "pos must be two finite numbers (x, y), got {pos}",
})


#: How new entries of a resized or new matrix are drawn (the seed comes from the node id).
FILL_STD = 0.5


def fill_seed(node: str) -> int:
    """The seed of the numbers that fill new entries of ``node``, stable across runs.

    >>> fill_seed("W1") == fill_seed("W1") != fill_seed("W2")
    True
    """
    return zlib.crc32(node.encode("utf-8"))


def seeded(shape: tuple[int, ...], node: str) -> Array:
    """Seeded normal numbers for ``node`` (std :data:`FILL_STD`, seed :func:`fill_seed`)."""
    return initial_value(shape, {"kind": "normal", "std": FILL_STD, "seed": fill_seed(node)}, node)


def resized(old: Array, shape: tuple[int, ...], node: str, fill: str = "seeded") -> Array:
    """``old`` grown or cut to ``shape``: the overlapping block kept, new entries ``fill``ed."""
    new = seeded(shape, node) if fill == "seeded" else np.zeros(shape)
    overlap = tuple(slice(0, min(a, b)) for a, b in zip(old.shape, shape, strict=True))
    new[overlap] = old[overlap]
    return new


def filled(old: Array | None, shape: tuple[int, ...], node: str) -> Array:
    """``old`` resized to ``shape`` with seeded new entries, or all seeded when there is no ``old``."""
    return seeded(shape, node) if old is None else resized(old, shape, node)


def frozen(array: Array) -> Array:
    array = np.array(array, dtype=np.float64)
    array.setflags(write=False)
    return array


# -- a list of specs being edited ---------------------------------------------


class Draft:
    """The specs of a model, changed in place before the new model is built."""

    def __init__(self, model: Model) -> None:
        self.model = model
        self.specs: list[NodeSpec] = list(model.specs)
        #: ``{node: (old value or None, shape)}`` of the values set by :meth:`set_seeded`.
        self.seeded: dict[str, tuple[Array | None, tuple[int, ...]]] = {}

    def ids(self) -> set[str]:
        return {spec.id for spec in self.specs}

    def position(self, node: str) -> int:
        return next(i for i, spec in enumerate(self.specs) if spec.id == node)

    def get(self, node: str) -> NodeSpec:
        return self.specs[self.position(node)]

    def put(self, node: str, spec: NodeSpec) -> None:
        self.specs[self.position(node)] = spec

    def insert(self, position: int, specs: Sequence[NodeSpec]) -> None:
        self.specs[position:position] = specs

    def remove(self, nodes: Iterable[str | None]) -> None:
        gone = {node for node in nodes if node is not None}
        self.specs = [spec for spec in self.specs if spec.id not in gone]

    def set_input(self, node: str, port: str, source: str | None) -> None:
        spec = self.get(node)
        inputs = {p: s for p, s in spec.inputs.items() if p != port}
        if source is not None:
            inputs[port] = source
        self.put(node, spec.with_(inputs=inputs))

    def set_value(self, node: str, value: Array) -> None:
        self.put(node, self.get(node).with_(value=frozen(value), shape=None, init=None))

    def set_seeded(self, node: str, old: Array | None, shape: tuple[int, ...]) -> None:
        """Give ``node`` ``old`` resized to ``shape`` (all new if ``None``), new entries seeded from its id.

        The call is remembered, so :func:`~explorer.model.numbering.renumbered` can draw the new entries
        again from the id the node ends up with.
        """
        self.seeded[node] = (old, shape)
        self.set_value(node, filled(old, shape, node))

    def rename(self, old: str, new: str, label: str | None = None, pos: tuple[float, float] | None = None) -> None:
        """Give node ``old`` the id ``new`` (and this label and position); inputs follow."""
        self.put(old, self.get(old).with_(id=new, label=label, pos=pos))
        if old in self.seeded:
            self.seeded[new] = self.seeded.pop(old)
        for i, spec in enumerate(self.specs):
            if old in spec.inputs.values():
                inputs = {p: (new if s == old else s) for p, s in spec.inputs.items()}
                self.specs[i] = spec.with_(inputs=inputs)

    def build(self) -> Model:
        return Model(self.specs, name=self.model.name, extras=self.model.extras)


# -- checks every edit makes ------------------------------------------------


def is_int(value: object) -> bool:
    return isinstance(value, int | np.integer) and not isinstance(value, bool)


def require_node(model: Model, node: str) -> None:
    if not isinstance(node, str) or node not in model:
        raise ModelError(message("model.no_such_node"), str(node))


def require_leaf(model: Model, node: str) -> None:
    require_node(model, node)
    if not model.spec(node).info.is_leaf:
        raise ModelError(message("model.holds_no_value", op=model.op(node)), node)
