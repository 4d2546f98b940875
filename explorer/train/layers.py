"""Which parameters are the layers' weights, from the input on (no Qt)."""

from __future__ import annotations

from explorer.lesson.notation import pretty
from explorer.model import Model, ModelError
from explorer.model.chain import chain_layers


def layer_weights(model: Model) -> list[str]:
    """The weight of each layer, from the input to the loss; for a graph that is not a chain, its matrices.

    >>> from explorer.model.examples import toy_model
    >>> layer_weights(toy_model())
    ['W1', 'W2', 'W3']
    """
    try:
        return [layer.weight for layer in chain_layers(model)]
    except ModelError:
        return [p for p in model.order if p in model.params and len(model.shape(p)) == 2]


def weight_names(model: Model, weights: list[str]) -> list[str]:
    """The lecture's names of ``weights`` (``W₁``), from their labels."""
    return [pretty(model.label(w)) for w in weights]
