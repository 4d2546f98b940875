"""Edits of a chain of layers: each takes a :class:`Model` and returns a new one.

The window's undo commands call these functions. Every edit is a pure
function of its arguments: it builds a new list of :class:`NodeSpec` and a
new, fully validated :class:`Model`, or raises :class:`ModelError` with a
one-line message naming the node and the problem; the model passed in is
never touched. An edit that would change nothing returns the very model it
was given (``edit(model, ...) is model``), so a caller can skip pushing an
undo command.

Numbers the user had are kept wherever the shapes allow. When a matrix is
resized the overlapping block is kept and the new entries come from
:func:`~explorer.model.initial.initial_value` (normal, std 0.5) with a seed
derived from the node id, so the same edit always gives the same numbers.
New and resized arrays are stored as explicit ``value`` arrays, so a saved
model reloads bit for bit.

A *chain* runs from one ``input`` node through layers ``linear`` (with its
own weight ``w`` and optional bias ``b``) optionally followed by one
activation, into the loss's ``pred`` port; the loss's ``target`` port reads
one ``target`` node. The node the loss reads keeps its id (``Yhat`` in the
examples) through every edit: when another node becomes the prediction, it
takes over that id, together with its label and canvas position.

Layer numbers follow positions, as the lecture writes them (H₁ = W₁ᵀX,
H₂ = W₂ᵀH₁, …): :func:`add_layer` and :func:`remove_layer` end with
:func:`renumber_layers`, so inserting a layer between layers 1 and 2 makes
the new one ``W2``/``H2`` and the old ``W2``/``H2`` become ``W3``/``H3``.
The other edits never rename a node.

Examples
--------
>>> from explorer.model.examples import toy_model
>>> model = toy_model()
>>> [(layer.linear, layer.n_in, layer.n_out) for layer in chain_layers(model)]
[('H1', 3, 3), ('H2', 3, 3), ('Yhat', 3, 2)]
>>> wider = set_width(model, 0, 5)
>>> wider.shape("W1"), wider.shape("W2")
((3, 5), (5, 3))
>>> set_width(wider, 0, 5) is wider
True
>>> [layer.weight for layer in chain_layers(add_layer(model, 1))]
['W1', 'W2', 'W3', 'W4']
"""

from __future__ import annotations

import math
import re
import zlib
from collections.abc import Iterable, Sequence

import numpy as np
import numpy.typing as npt

from explorer.model import limits
from explorer.model.chain import (
    NOT_A_CHAIN,
    Layer,
    _analyse,
    _Chain,
    chain_input,
    chain_layers,
    chain_target,
    layer_of,
)
from explorer.model.errors import ModelError
from explorer.model.graph import Array, Model, NodeSpec
from explorer.model.initial import initial_value
from explorer.model.quote import shown
from explorer.ops import ACTIVATIONS, LOSSES

#: How new entries of a resized or new matrix are drawn (the seed comes from the node id).
FILL_STD = 0.5


# -- arrays -----------------------------------------------------------------


def fill_seed(node: str) -> int:
    """The seed of the numbers that fill new entries of ``node``, stable across runs.

    >>> fill_seed("W1") == fill_seed("W1") != fill_seed("W2")
    True
    """
    return zlib.crc32(node.encode("utf-8"))


def _seeded(shape: tuple[int, ...], node: str) -> Array:
    """Seeded normal numbers for ``node`` (std :data:`FILL_STD`, seed :func:`fill_seed`)."""
    return initial_value(shape, {"kind": "normal", "std": FILL_STD, "seed": fill_seed(node)}, node)


def _resized(old: Array, shape: tuple[int, ...], node: str, fill: str = "seeded") -> Array:
    """``old`` grown or cut to ``shape``: the overlapping block kept, new entries ``fill``ed."""
    new = _seeded(shape, node) if fill == "seeded" else np.zeros(shape)
    overlap = tuple(slice(0, min(a, b)) for a, b in zip(old.shape, shape, strict=True))
    new[overlap] = old[overlap]
    return new


def _filled(old: Array | None, shape: tuple[int, ...], node: str) -> Array:
    """``old`` resized to ``shape`` with seeded new entries, or all seeded when there is no ``old``."""
    return _seeded(shape, node) if old is None else _resized(old, shape, node)


def _frozen(array: Array) -> Array:
    array = np.array(array, dtype=np.float64)
    array.setflags(write=False)
    return array


# -- a list of specs being edited ---------------------------------------------


class _Draft:
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
        self.put(node, self.get(node).with_(value=_frozen(value), shape=None, init=None))

    def set_seeded(self, node: str, old: Array | None, shape: tuple[int, ...]) -> None:
        """Give ``node`` ``old`` resized to ``shape`` (all new if ``None``), new entries seeded from its id.

        The call is remembered, so :func:`_renumbered` can draw the new entries
        again from the id the node ends up with.
        """
        self.seeded[node] = (old, shape)
        self.set_value(node, _filled(old, shape, node))

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


# -- numbering layers by position ---------------------------------------------

#: An id the editor makes itself: a role letter and a number (``W3``, ``H3``, ``A3``, ``b3``).
_AUTOMATIC = re.compile(r"(W|H|A|b)([0-9]+)")


def _renumbering(model: Model) -> dict[str, str]:
    """``{old id: new id}`` of the nodes :func:`renumber_layers` renames (no entry for a kept id)."""
    chain = _analyse(model)
    wanted: dict[str, str] = {}
    for place, layer in enumerate(chain.layers, start=1):
        for node, letter in ((layer.weight, "W"), (layer.linear, "H"), (layer.activation, "A"), (layer.bias, "b")):
            if node is None or node == chain.pred:
                continue
            found = _AUTOMATIC.fullmatch(node)
            if found and found.group(1) == letter:
                wanted[node] = f"{letter}{place}"
    # The wanted ids are all different (one letter and place each), so the only
    # clash is with an id that stays; giving up a rename keeps one more id, so repeat.
    while True:
        kept = {node for node in model.order if wanted.get(node, node) == node}
        blocked = [node for node, new in wanted.items() if new != node and new in kept]
        if not blocked:
            return {old: new for old, new in wanted.items() if old != new}
        for node in blocked:
            del wanted[node]


def _renamed_specs(specs: Sequence[NodeSpec], mapping: dict[str, str]) -> list[NodeSpec]:
    """The specs with every id and every input renamed by ``mapping``, all at once, in the same order."""
    renamed: list[NodeSpec] = []
    for spec in specs:
        if spec.id in mapping or any(source in mapping for source in spec.inputs.values()):
            inputs = {port: mapping.get(source, source) for port, source in spec.inputs.items()}
            spec = spec.with_(id=mapping.get(spec.id, spec.id), inputs=inputs)
        renamed.append(spec)
    return renamed


def renumber_layers(model: Model) -> Model:
    """Number the layers' nodes by their place: layer ``i`` (from 1) gets ``Wi``, ``Hi``, ``Ai``, ``bi``.

    Only ids that follow the editor's own pattern are renamed, each to its
    role's letter: a weight ``W<n>`` becomes ``W<i>``, a linear node ``H<n>``
    becomes ``H<i>``, an activation ``A<n>`` becomes ``A<i>`` and a bias
    ``b<n>`` becomes ``b<i>``. Other ids (``X``, ``Y``, ``L``, a user's
    ``hidden``, a weight called ``H7``) are never touched, and the prediction
    keeps its id (``Yhat``). When the wanted id is held by a node that keeps
    its own id, the node that wanted it keeps its old id instead.

    The renaming is worked out first and then applied to every node at once,
    ids and inputs together, so swaps (``H4`` → ``H2`` while ``H2`` →
    ``H3``) never collide. Values, ``init``, labels, positions and the order
    of the nodes are kept: the numbers travel with their nodes.

    Parameters
    ----------
    model
        A chain (see :func:`chain_layers`).

    Returns
    -------
    Model
        The renumbered model, or ``model`` itself when no id changes.

    Raises
    ------
    ModelError
        If the model is not a chain.

    Examples
    --------
    >>> from explorer.model.examples import toy_model
    >>> model = toy_model()
    >>> renumber_layers(model) is model
    True
    >>> specs = [s.with_(id="W9") if s.id == "W1" else s for s in model.specs]
    >>> specs = [s.with_(inputs={"x": "X", "w": "W9"}) if s.id == "H1" else s for s in specs]
    >>> renumbered = renumber_layers(Model(specs))
    >>> [layer.weight for layer in chain_layers(renumbered)]
    ['W1', 'W2', 'W3']
    >>> bool((renumbered.value("W1") == model.value("W1")).all())
    True
    """
    mapping = _renumbering(model)
    if not mapping:
        return model
    return Model(_renamed_specs(model.specs, mapping), name=model.name, extras=model.extras)


def _renumbered(draft: _Draft) -> Model:
    """The draft's model with :func:`renumber_layers` applied.

    The new entries of values set by :meth:`_Draft.set_seeded` are drawn
    again from the id their node ends up with, so a node's new numbers come
    from the id the student sees.
    """
    model = draft.build()
    mapping = _renumbering(model)
    if not mapping:
        return model
    for node, (old, shape) in draft.seeded.items():
        if node in mapping:
            draft.set_value(node, _filled(old, shape, mapping[node]))
    return Model(_renamed_specs(draft.specs, mapping), name=model.name, extras=model.extras)


def _number(layer: Layer) -> int | None:
    """The number in the layer's ids (``W3`` → 3), used to name the nodes added to it."""
    for node in (layer.weight, layer.linear):
        found = re.fullmatch(r"\D*?(\d+)", node)
        if found:
            return int(found.group(1))
    return None


def _fresh_id(used: set[str], prefix: str, preferred: int | None = None) -> str:
    """``prefix`` + the preferred number if that id is free, else + the smallest free number."""
    if preferred is not None and f"{prefix}{preferred}" not in used:
        return f"{prefix}{preferred}"
    n = 1
    while f"{prefix}{n}" in used:
        n += 1
    return f"{prefix}{n}"


def _fresh_number(used: set[str], prefixes: Sequence[str]) -> int:
    n = 1
    while any(f"{prefix}{n}" in used for prefix in prefixes):
        n += 1
    return n


# -- checks -----------------------------------------------------------------


def _is_int(value: object) -> bool:
    return isinstance(value, int | np.integer) and not isinstance(value, bool)


def _check_index(chain: _Chain, index: int, allow_end: bool = False) -> None:
    count = len(chain.layers)
    top = count if allow_end else count - 1
    if not _is_int(index) or not 0 <= index <= top:
        if allow_end:
            raise ModelError(f"cannot add a layer at place {shown(index)}; the places are 0 (first) to {count} (last)")
        raise ModelError(f"there is no layer {shown(index)}; the chain has layers 0 to {top}")


def _check_width(width: int, node: str) -> int:
    if not _is_int(width) or not 1 <= width <= limits.MAX_DIM:
        raise ModelError(f"width must be a whole number from 1 to {limits.MAX_DIM}, got {shown(width)}", node)
    return int(width)


def _check_activation(activation: str | None, node: str) -> None:
    if activation is not None and activation not in ACTIVATIONS:
        raise ModelError(f"unknown activation {shown(activation, 20)} (use one of {', '.join(ACTIVATIONS)} or none)", node)


def _require_node(model: Model, node: str) -> None:
    if not isinstance(node, str) or node not in model:
        raise ModelError("there is no such node in the model", str(node))


def _require_leaf(model: Model, node: str) -> None:
    _require_node(model, node)
    if not model.spec(node).info.is_leaf:
        raise ModelError(f"is a {model.op(node)} node; only inputs, parameters and targets hold values", node)


# -- layer edits -------------------------------------------------------------


def _new_layer(
    draft: _Draft,
    source: str,
    n_in: int,
    n_out: int,
    activation: str | None,
    bias: bool,
    output_id: str | None = None,
    output_label: str | None = None,
    output_pos: tuple[float, float] | None = None,
) -> tuple[list[NodeSpec], str]:
    """The specs of a new layer reading ``source`` and the id of its output."""
    n = _fresh_number(draft.ids() | ({output_id} if output_id else set()), ("W", "H", "A", "b"))
    weight, linear, act, bias_id = f"W{n}", f"H{n}", f"A{n}", f"b{n}"
    output = output_id or (act if activation else linear)
    if activation is None:
        linear = output
    else:
        act = output
    inputs = {"x": source, "w": weight}
    specs = [NodeSpec(weight, "param", value=_frozen(_seeded((n_in, n_out), weight)))]
    draft.seeded[weight] = (None, (n_in, n_out))
    if bias:
        specs.append(NodeSpec(bias_id, "param", value=_frozen(np.zeros(n_out))))
        inputs["b"] = bias_id
    specs.append(NodeSpec(linear, "linear", inputs))
    if activation is not None:
        specs.append(NodeSpec(act, activation, {"x": linear}))
    if output_id is not None:
        specs[-1] = specs[-1].with_(label=output_label, pos=output_pos)
    return specs, output


def _block_span(draft: _Draft, layer: Layer) -> tuple[int, int]:
    """The first and last place in the spec list of the layer's nodes."""
    places = [draft.position(n) for n in (layer.weight, layer.bias, layer.linear, layer.activation) if n]
    return min(places), max(places)


def _renamed(layer: Layer, old: str, new: str) -> Layer:
    """The layer with node ``old`` called ``new``."""
    return Layer(
        new if layer.linear == old else layer.linear,
        layer.weight,
        layer.bias,
        new if layer.activation == old else layer.activation,
        layer.activation_op,
        layer.n_in,
        layer.n_out,
    )


def add_layer(
    model: Model, index: int, width: int | None = None, activation: str | None = None, bias: bool = False
) -> Model:
    """Insert a new layer at position ``index`` of the chain.

    Parameters
    ----------
    model
        A chain (see :func:`chain_layers`).
    index
        0 puts the new layer before the first one, ``len(chain_layers(model))``
        after the last one (right before the loss).
    width
        The new layer's output width. It defaults to the width at that point,
        so no other matrix changes; a different width resizes the rows of
        the next layer's weight (the overlapping block kept). After the last
        layer there is no choice: the new layer maps the prediction's width
        to the target's rows, so ``width`` must be ``None`` or that number,
        and the old last layer keeps its shape.
    activation
        An activation op to follow the new linear node, or ``None``.
    bias
        Whether the new layer gets a zero bias.

    Returns
    -------
    Model
        The new model, renumbered by :func:`renumber_layers`: the new layer
        at place ``index + 1`` gets ``W{index+1}``, ``H{index+1}`` and, if
        asked for, ``A{index+1}`` and ``b{index+1}``, and the layers after
        it move up one number (inserting at 1 in the toy gives ``H1``,
        ``H2`` new, ``H3`` the old ``H2``, ``Yhat`` with ``W4`` the old
        ``W3``). Added at the end, the new layer's output takes over the
        prediction's id (``Yhat``), its label and position, and the old
        prediction node becomes ``H{index}`` (or ``A{index}``).

        The new weight, and the new rows of a resized next weight, are
        seeded normal numbers (std 0.5) whose seed is ``fill_seed`` of the
        node's id *after* renumbering, the id in the returned model (the
        new weight above is drawn as ``W2``, the resized old ``W2`` as
        ``W3``). The same edit of the same model always gives the same numbers.

    Raises
    ------
    ModelError
        Unknown index, bad width or activation, or a model that is not a chain.
    """
    chain = _analyse(model)
    _check_index(chain, index, allow_end=True)
    draft = _Draft(model)
    new_linear = f"H{index + 1}"  # named in refusals: the new layer's id by its place
    if width is not None:
        _check_width(width, new_linear)
    _check_activation(activation, new_linear)
    if index < len(chain.layers):
        after = chain.layers[index]
        source = chain.input if index == 0 else chain.layers[index - 1].output
        n_out = after.n_in if width is None else int(width)
        specs, output = _new_layer(draft, source, after.n_in, n_out, activation, bias)
        draft.insert(_block_span(draft, after)[0], specs)
        draft.set_input(after.linear, "x", output)
        if n_out != after.n_in:
            draft.set_seeded(after.weight, model.value(after.weight), (n_out, after.n_out))
        return _renumbered(draft)
    last = chain.layers[-1]
    rows = model.shape(chain.target)[0]
    if width is not None and width != rows:
        raise ModelError(
            f"a layer added after the last one must output the target's {rows} rows, not {width}; "
            "add it, then change the last layer's width",
            new_linear,
        )
    pred_spec = model.spec(chain.pred)
    old_output = _fresh_id(draft.ids(), "A" if last.activation else "H", _number(last))
    draft.rename(chain.pred, old_output)
    specs, output = _new_layer(
        draft, old_output, last.n_out, rows, activation, bias, chain.pred, pred_spec.label, pred_spec.pos
    )
    draft.insert(_block_span(draft, _renamed(last, chain.pred, old_output))[1] + 1, specs)
    draft.set_input(chain.loss, "pred", output)
    return _renumbered(draft)


def remove_layer(model: Model, index: int) -> Model:
    """Remove layer ``index`` (its weight, bias, linear node and activation).

    The next layer then reads what the removed one read, and the rows of its
    weight are resized to that width (overlapping block kept). Removing the
    last layer makes the one before it the last: its output takes over the
    prediction's id (``Yhat``), label and position, and its weight's columns
    (and bias) are resized to the target's rows.

    The result is renumbered by :func:`renumber_layers`, so no number is
    left out: removing layer 2 of the toy leaves ``W1``, ``H1``, ``W2`` (the
    old ``W3``) and ``Yhat``. New entries of a resized weight are seeded
    from ``fill_seed`` of its id *after* renumbering (its id in the returned
    model); the same edit of the same model always gives the same numbers.

    Raises
    ------
    ModelError
        Unknown index, the only layer of the chain, or a model that is not a chain.
    """
    chain = _analyse(model)
    _check_index(chain, index)
    layer = chain.layers[index]
    if len(chain.layers) == 1:
        raise ModelError("is the only layer; a chain needs at least one", layer.linear)
    draft = _Draft(model)
    draft.remove((layer.weight, layer.bias, layer.linear, layer.activation))
    if index < len(chain.layers) - 1:
        after = chain.layers[index + 1]
        draft.set_input(after.linear, "x", chain.input if index == 0 else chain.layers[index - 1].output)
        if layer.n_in != layer.n_out:
            draft.set_seeded(after.weight, model.value(after.weight), (layer.n_in, after.n_out))
        return _renumbered(draft)
    before = chain.layers[index - 1]
    pred_spec = model.spec(chain.pred)
    draft.rename(before.output, chain.pred, pred_spec.label, pred_spec.pos)
    draft.set_input(chain.loss, "pred", chain.pred)
    _resize_output(model, draft, before, model.shape(chain.target)[0])
    return _renumbered(draft)


def _resize_output(model: Model, draft: _Draft, layer: Layer, width: int) -> None:
    """Give the layer ``width`` outputs: its weight's columns and its bias (new entries 0)."""
    if width == layer.n_out:
        return
    draft.set_seeded(layer.weight, model.value(layer.weight), (layer.n_in, width))
    if layer.bias is not None:
        draft.set_value(layer.bias, _resized(model.value(layer.bias), (width,), layer.bias, fill="zeros"))


def set_width(model: Model, index: int, width: int) -> Model:
    """Set the output width ``n_out`` of layer ``index``.

    The layer's weight columns and bias, and the next layer's weight rows,
    are resized (overlapping blocks kept; new weight entries seeded, new bias
    entries 0). For the last layer the target's rows are resized too: its
    kept rows keep their numbers and new rows are 0.0.

    Raises
    ------
    ModelError
        Unknown index, a width outside 1 to ``limits.MAX_DIM`` (naming the
        layer's linear node), or a model that is not a chain.
    """
    chain = _analyse(model)
    _check_index(chain, index)
    layer = chain.layers[index]
    width = _check_width(width, layer.linear)
    if width == layer.n_out:
        return model
    draft = _Draft(model)
    _resize_output(model, draft, layer, width)
    if index < len(chain.layers) - 1:
        after = chain.layers[index + 1]
        draft.set_value(after.weight, _resized(model.value(after.weight), (width, after.n_out), after.weight))
    else:
        target = model.value(chain.target)
        draft.set_value(chain.target, _resized(target, (width, target.shape[1]), chain.target, fill="zeros"))
    return draft.build()


def set_activation(model: Model, index: int, activation: str | None) -> Model:
    """Add, change or remove the activation after layer ``index``.

    A new activation node is ``A{n}``, with the layer's number when that id
    is free. On the last layer the prediction keeps its id: an added
    activation takes over ``Yhat`` (label and position too) and the linear
    node gets a fresh ``H{n}``; a removed one hands ``Yhat`` back to the
    linear node.

    Raises
    ------
    ModelError
        Unknown index or activation, or a model that is not a chain.
    """
    chain = _analyse(model)
    _check_index(chain, index)
    layer = chain.layers[index]
    _check_activation(activation, layer.linear)
    if activation == layer.activation_op:
        return model
    draft = _Draft(model)
    last = index == len(chain.layers) - 1
    consumer, port = (chain.loss, "pred") if last else (chain.layers[index + 1].linear, "x")
    if layer.activation is not None and activation is not None:
        draft.put(layer.activation, draft.get(layer.activation).with_(op=activation))
    elif layer.activation is not None:
        draft.remove((layer.activation,))
        if last:
            spec = model.spec(layer.activation)
            draft.rename(layer.linear, layer.activation, spec.label, spec.pos)
        draft.set_input(consumer, port, layer.output if last else layer.linear)
    else:
        assert activation is not None
        if last:
            spec = model.spec(layer.linear)
            linear = _fresh_id(draft.ids(), "H", _number(layer))
            draft.rename(layer.linear, linear)
            new = NodeSpec(layer.linear, activation, {"x": linear}, label=spec.label, pos=spec.pos)
        else:
            new = NodeSpec(_fresh_id(draft.ids(), "A", _number(layer)), activation, {"x": layer.linear})
        draft.insert(draft.position(new.inputs["x"]) + 1, [new])
        draft.set_input(consumer, port, new.id)
    return draft.build()


def set_bias(model: Model, index: int, enabled: bool) -> Model:
    """Give layer ``index`` a zero bias on port ``b``, or take its bias away.

    The new bias is ``b{n}``, with the layer's number when that id is free.

    Raises
    ------
    ModelError
        Unknown index, or a model that is not a chain.
    """
    chain = _analyse(model)
    _check_index(chain, index)
    layer = chain.layers[index]
    if bool(enabled) == (layer.bias is not None):
        return model
    draft = _Draft(model)
    if layer.bias is not None:
        draft.remove((layer.bias,))
        draft.set_input(layer.linear, "b", None)
    else:
        bias = NodeSpec(_fresh_id(draft.ids(), "b", _number(layer)), "param", value=_frozen(np.zeros(layer.n_out)))
        draft.insert(draft.position(layer.weight) + 1, [bias])
        draft.set_input(layer.linear, "b", bias.id)
    return draft.build()


# -- edits of any model ----------------------------------------------------


def set_loss(model: Model, op: str) -> Model:
    """Make the loss ``half_sse``, ``sse`` or ``mse``.

    Works on any model, chain or not.

    Raises
    ------
    ModelError
        Naming the loss node, for any other op.
    """
    if op not in LOSSES:
        raise ModelError(f"unknown loss {shown(op, 20)} (use one of {', '.join(LOSSES)})", model.loss_id)
    if op == model.op(model.loss_id):
        return model
    draft = _Draft(model)
    draft.put(model.loss_id, draft.get(model.loss_id).with_(op=op))
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
    if not _is_int(batch) or not 1 <= batch <= limits.MAX_BATCH:
        raise ModelError(f"batch must be a whole number from 1 to {limits.MAX_BATCH}, got {shown(batch)}", first)
    batch = int(batch)
    changing = [n for n in data if model.shape(n)[1] != batch]
    if not changing:
        return model
    draft = _Draft(model)
    for node in changing:
        value = model.value(node)
        draft.set_value(node, _resized(value, (value.shape[0], batch), node))
    return draft.build()


def _with_value(model: Model, node: str, value: Array) -> Model:
    """The model with a leaf's value replaced, or the model itself when nothing changes."""
    if value.tobytes() == np.ascontiguousarray(model.value(node)).tobytes():
        return model
    draft = _Draft(model)
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
    _require_leaf(model, node)
    try:
        array = np.asarray(value)
    except (ValueError, TypeError):
        raise ModelError("the new value is ragged: its rows differ in length", node) from None
    if array.dtype.kind not in "iuf":
        raise ModelError(f"the new value must hold numbers, got {array.dtype}", node)
    array = array.astype(np.float64)
    shape = model.shape(node)
    if len(shape) == 1 and array.shape == (shape[0], 1):
        array = array.reshape(shape)
    if array.shape != shape:
        raise ModelError(f"the new value has shape {array.shape}; it must be {shape}", node)
    if not np.all(np.isfinite(array)):
        raise ModelError("the new value holds a non-finite number (NaN or infinity)", node)
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
    _require_leaf(model, node)
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
    _require_node(model, node)
    if pos is not None:
        numbers = list(pos) if isinstance(pos, tuple | list) else []
        if len(numbers) != 2 or not all(
            isinstance(v, int | float | np.integer | np.floating) and not isinstance(v, bool) for v in numbers
        ):
            raise ModelError(f"pos must be two finite numbers (x, y), got {shown(pos)}", node)
        try:
            x, y = float(numbers[0]), float(numbers[1])
        except OverflowError:
            x = y = math.inf
        if not (math.isfinite(x) and math.isfinite(y)):
            raise ModelError(f"pos must be two finite numbers (x, y), got {shown(pos)}", node)
        edge = limits.MAX_POS
        pos = (min(max(x, -edge), edge), min(max(y, -edge), edge))
    if pos == model.spec(node).pos:
        return model
    draft = _Draft(model)
    draft.put(node, draft.get(node).with_(pos=pos))
    return draft.build()


__all__ = [
    "FILL_STD",
    "NOT_A_CHAIN",
    "Layer",
    "add_layer",
    "chain_input",
    "chain_layers",
    "chain_target",
    "fill_seed",
    "layer_of",
    "randomise",
    "remove_layer",
    "renumber_layers",
    "set_activation",
    "set_batch",
    "set_bias",
    "set_loss",
    "set_position",
    "set_value",
    "set_width",
]
