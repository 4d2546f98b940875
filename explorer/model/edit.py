"""Edits of a model: each takes a :class:`Model` and returns a new one; the one door for callers.

The window's undo commands call these functions. Every edit is a pure
function of its arguments: it builds a new list of :class:`NodeSpec` and a
new, fully validated :class:`Model`, or raises :class:`ModelError` with a
one-line message naming the node and the problem; the model passed in is
never touched. An edit that would change nothing returns the very model it
was given (``edit(model, ...) is model``), so a caller can skip pushing an
undo command. Numbers the user had are kept wherever the shapes allow.

The edits live by idea, and this module gathers them:

- :mod:`explorer.model.chain_edit`: a chain's structure (add or remove a
  layer, its width, activation, bias);
- :mod:`explorer.model.node_edit`: any model (loss, batch, a leaf's numbers,
  a node's place on the canvas);
- :mod:`explorer.model.numbering`: layer numbers follow positions
  (:func:`renumber_layers`);
- :mod:`explorer.model.draft`: how an edit is made (a draft of the specs, and
  the seeded numbers of resized arrays, :func:`fill_seed`).

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

from explorer.model.chain import NOT_A_CHAIN, Layer, chain_input, chain_layers, chain_target, layer_of
from explorer.model.chain_edit import add_layer, remove_layer, set_activation, set_bias, set_width
from explorer.model.draft import FILL_STD, fill_seed
from explorer.model.node_edit import randomise, set_batch, set_loss, set_position, set_requires_grad, set_value
from explorer.model.numbering import renumber_layers

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
    "set_requires_grad",
    "set_value",
    "set_width",
]
