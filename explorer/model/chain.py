"""Reading a model as a chain of layers: which nodes make up each layer.

A *chain* runs from one ``input`` node through layers ``linear`` (with its
own weight ``w`` and optional bias ``b``) optionally followed by one
activation, into the loss's ``pred`` port; the loss's ``target`` port reads
one ``target`` node, and the model holds nothing else. :func:`chain_layers`
lists the layers from the input to the loss as :class:`Layer` records;
:func:`chain_input`, :func:`chain_target` and :func:`layer_of` answer the
other questions the chain editor asks. A model that is not such a chain is
refused with :data:`NOT_A_CHAIN`.

The edits of a chain (:mod:`explorer.model.edit`) build on this reading.

Examples
--------
>>> from explorer.model.examples import toy_model
>>> [(layer.weight, layer.linear, layer.output) for layer in chain_layers(toy_model())]
[('W1', 'H1', 'H1'), ('W2', 'H2', 'H2'), ('W3', 'Yhat', 'Yhat')]
>>> chain_input(toy_model()), chain_target(toy_model())
('X', 'Y')
"""

from __future__ import annotations

from dataclasses import dataclass

from explorer.model.errors import ModelError
from explorer.model.graph import Model

NOT_A_CHAIN = "this model is not a single chain of layers; the chain editor cannot edit it"


@dataclass(frozen=True)
class Layer:
    """One layer of a chain: ``linear`` then, optionally, an activation.

    Attributes
    ----------
    linear
        Id of the ``linear`` node.
    weight
        Id of its weight parameter (port ``w``), of shape ``(n_in, n_out)``.
    bias
        Id of its bias parameter (port ``b``), or ``None``.
    activation
        Id of the activation node right after the linear node, or ``None``.
    activation_op
        The activation's op (one of :data:`explorer.ops.ACTIVATIONS`) or ``None``.
    n_in, n_out
        The weight's rows and columns.
    """

    linear: str
    weight: str
    bias: str | None
    activation: str | None
    activation_op: str | None
    n_in: int
    n_out: int

    @property
    def output(self) -> str:
        """The node the next layer (or the loss) reads: the activation if any, else the linear node."""
        return self.activation if self.activation is not None else self.linear


@dataclass(frozen=True)
class _Chain:
    input: str
    layers: tuple[Layer, ...]
    loss: str
    target: str

    @property
    def pred(self) -> str:
        return self.layers[-1].output


# -- reading the chain ------------------------------------------------------


def _only_consumer(model: Model, node: str, consumer: str, port: str) -> bool:
    return model.consumers(node) == [(consumer, port)]


def _analyse(model: Model) -> _Chain:
    """Walk back from the loss to the input, checking that the graph is a plain chain."""
    loss = model.loss_id
    target = model.inputs(loss)["target"]
    if model.op(target) != "target" or not _only_consumer(model, target, loss, "target"):
        raise ModelError(NOT_A_CHAIN)
    layers: list[Layer] = []
    node, consumer, port = model.inputs(loss)["pred"], loss, "pred"
    while True:
        if not _only_consumer(model, node, consumer, port):
            raise ModelError(NOT_A_CHAIN)
        activation = None
        if model.spec(node).info.kind == "activation":
            activation = node
            node, consumer, port = model.inputs(activation)["x"], activation, "x"
            if not _only_consumer(model, node, consumer, port):
                raise ModelError(NOT_A_CHAIN)
        if model.op(node) != "linear":
            raise ModelError(NOT_A_CHAIN)
        inputs = model.inputs(node)
        weight, bias = inputs["w"], inputs.get("b")
        for param, param_port in ((weight, "w"), (bias, "b")):
            if param is not None and (
                model.op(param) != "param" or not _only_consumer(model, param, node, param_port)
            ):
                raise ModelError(NOT_A_CHAIN)
        n_in, n_out = model.shape(weight)
        op = model.op(activation) if activation is not None else None
        layers.append(Layer(node, weight, bias, activation, op, n_in, n_out))
        node, consumer, port = inputs["x"], node, "x"
        if model.op(node) == "input":
            if not _only_consumer(model, node, consumer, port):
                raise ModelError(NOT_A_CHAIN)
            break
    layers.reverse()
    chain = _Chain(node, tuple(layers), loss, target)
    found = 3 + sum(2 + (layer.bias is not None) + (layer.activation is not None) for layer in layers)
    if found != len(model.order):
        raise ModelError(NOT_A_CHAIN)
    return chain


def chain_layers(model: Model) -> list[Layer]:
    """The layers of the model's chain, from the input to the loss.

    Raises
    ------
    ModelError
        If the model is not a single chain of layers (an input, layers of a
        linear node with their own weight and optional bias and activation,
        a target and the loss, and nothing else).
    """
    return list(_analyse(model).layers)


def chain_input(model: Model) -> str:
    """The id of the ``input`` node the first layer reads."""
    return _analyse(model).input


def chain_target(model: Model) -> str:
    """The id of the ``target`` node the loss reads."""
    return _analyse(model).target


def layer_of(model: Model, node: str) -> int | None:
    """The index of the chain layer that ``node`` belongs to (its linear, W, bias
    or activation), or ``None`` for other nodes and for models that are not a chain.

    >>> from explorer.model.examples import toy_model
    >>> layer_of(toy_model(), "W3"), layer_of(toy_model(), "X")
    (2, None)
    """
    try:
        layers = chain_layers(model)
    except ModelError:
        return None
    for index, layer in enumerate(layers):
        if node in (layer.linear, layer.weight, layer.bias, layer.activation):
            return index
    return None


__all__ = [
    "NOT_A_CHAIN",
    "Layer",
    "chain_input",
    "chain_layers",
    "chain_target",
    "layer_of",
]
