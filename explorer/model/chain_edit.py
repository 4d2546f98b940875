"""Edits of a chain's structure: add or remove a layer, set its width, activation or bias.

A *chain* runs from one ``input`` node through layers ``linear`` (with its
own weight ``w`` and optional bias ``b``) optionally followed by one
activation, into the loss's ``pred`` port; the loss's ``target`` port reads
one ``target`` node (:mod:`explorer.model.chain` reads it). The node the loss
reads keeps its id (``Yhat`` in the examples) through every edit: when
another node becomes the prediction, it takes over that id, together with
its label and canvas position. :func:`add_layer` and :func:`remove_layer`
renumber the layers by position (:mod:`explorer.model.numbering`); the other
edits never rename a node. Each edit is pure (see :mod:`explorer.model.edit`).
"""

from __future__ import annotations

import numpy as np

from explorer.model import limits
from explorer.model.chain import Layer, _analyse, _Chain
from explorer.model.draft import Draft, frozen, is_int, resized, seeded
from explorer.model.errors import ModelError
from explorer.model.graph import Model, NodeSpec
from explorer.model.messages import message
from explorer.model.numbering import fresh_id, fresh_number, layer_number, renumbered
from explorer.model.quote import shown
from explorer.ops import ACTIVATIONS

# -- checks -----------------------------------------------------------------


def _check_index(chain: _Chain, index: int, allow_end: bool = False) -> None:
    count = len(chain.layers)
    top = count if allow_end else count - 1
    if not is_int(index) or not 0 <= index <= top:
        if allow_end:
            raise ModelError(message("model.no_place", place=shown(index), count=count))
        raise ModelError(message("model.no_layer", layer=shown(index), top=top))


def _check_width(width: int, node: str) -> int:
    if not is_int(width) or not 1 <= width <= limits.MAX_DIM:
        raise ModelError(message("model.width_invalid", limit=limits.MAX_DIM, width=shown(width)), node)
    return int(width)


def _check_activation(activation: str | None, node: str) -> None:
    if activation is not None and activation not in ACTIVATIONS:
        raise ModelError(message("model.unknown_activation", activation=shown(activation, 20), known=', '.join(ACTIVATIONS)), node)


# -- layer edits -------------------------------------------------------------


def _new_layer(
    draft: Draft,
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
    n = fresh_number(draft.ids() | ({output_id} if output_id else set()), ("W", "H", "A", "b"))
    weight, linear, act, bias_id = f"W{n}", f"H{n}", f"A{n}", f"b{n}"
    output = output_id or (act if activation else linear)
    if activation is None:
        linear = output
    else:
        act = output
    inputs = {"x": source, "w": weight}
    specs = [NodeSpec(weight, "param", value=frozen(seeded((n_in, n_out), weight)))]
    draft.seeded[weight] = (None, (n_in, n_out))
    if bias:
        specs.append(NodeSpec(bias_id, "param", value=frozen(np.zeros(n_out))))
        inputs["b"] = bias_id
    specs.append(NodeSpec(linear, "linear", inputs))
    if activation is not None:
        specs.append(NodeSpec(act, activation, {"x": linear}))
    if output_id is not None:
        specs[-1] = specs[-1].with_(label=output_label, pos=output_pos)
    return specs, output


def _block_span(draft: Draft, layer: Layer) -> tuple[int, int]:
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
    draft = Draft(model)
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
        return renumbered(draft)
    last = chain.layers[-1]
    rows = model.shape(chain.target)[0]
    if width is not None and width != rows:
        raise ModelError(
            message("model.last_layer_rows", rows=rows, width=width),
            new_linear,
        )
    pred_spec = model.spec(chain.pred)
    old_output = fresh_id(draft.ids(), "A" if last.activation else "H", layer_number(last))
    draft.rename(chain.pred, old_output)
    specs, output = _new_layer(
        draft, old_output, last.n_out, rows, activation, bias, chain.pred, pred_spec.label, pred_spec.pos
    )
    draft.insert(_block_span(draft, _renamed(last, chain.pred, old_output))[1] + 1, specs)
    draft.set_input(chain.loss, "pred", output)
    return renumbered(draft)


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
        raise ModelError(message("model.only_layer"), layer.linear)
    draft = Draft(model)
    draft.remove((layer.weight, layer.bias, layer.linear, layer.activation))
    if index < len(chain.layers) - 1:
        after = chain.layers[index + 1]
        draft.set_input(after.linear, "x", chain.input if index == 0 else chain.layers[index - 1].output)
        if layer.n_in != layer.n_out:
            draft.set_seeded(after.weight, model.value(after.weight), (layer.n_in, after.n_out))
        return renumbered(draft)
    before = chain.layers[index - 1]
    pred_spec = model.spec(chain.pred)
    draft.rename(before.output, chain.pred, pred_spec.label, pred_spec.pos)
    draft.set_input(chain.loss, "pred", chain.pred)
    _resize_output(model, draft, before, model.shape(chain.target)[0])
    return renumbered(draft)


def _resize_output(model: Model, draft: Draft, layer: Layer, width: int) -> None:
    """Give the layer ``width`` outputs: its weight's columns and its bias (new entries 0)."""
    if width == layer.n_out:
        return
    draft.set_seeded(layer.weight, model.value(layer.weight), (layer.n_in, width))
    if layer.bias is not None:
        draft.set_value(layer.bias, resized(model.value(layer.bias), (width,), layer.bias, fill="zeros"))


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
    draft = Draft(model)
    _resize_output(model, draft, layer, width)
    if index < len(chain.layers) - 1:
        after = chain.layers[index + 1]
        draft.set_value(after.weight, resized(model.value(after.weight), (width, after.n_out), after.weight))
    else:
        target = model.value(chain.target)
        draft.set_value(chain.target, resized(target, (width, target.shape[1]), chain.target, fill="zeros"))
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
    draft = Draft(model)
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
            linear = fresh_id(draft.ids(), "H", layer_number(layer))
            draft.rename(layer.linear, linear)
            new = NodeSpec(layer.linear, activation, {"x": linear}, label=spec.label, pos=spec.pos)
        else:
            new = NodeSpec(fresh_id(draft.ids(), "A", layer_number(layer)), activation, {"x": layer.linear})
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
    draft = Draft(model)
    if layer.bias is not None:
        draft.remove((layer.bias,))
        draft.set_input(layer.linear, "b", None)
    else:
        bias = NodeSpec(fresh_id(draft.ids(), "b", layer_number(layer)), "param", value=frozen(np.zeros(layer.n_out)))
        draft.insert(draft.position(layer.weight) + 1, [bias])
        draft.set_input(layer.linear, "b", bias.id)
    return draft.build()
