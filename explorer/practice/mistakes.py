"""The answers the usual mistakes give, computed from the engine's values: one array per candidate mistake.

Each candidate is what a student gets by making exactly one mistake of the
lecture's kinds, computed with the op table's own rules on the engine's
values: the backward pass run again with the loss's seed doubled or halved
(the ½ of ``½ Σ (ŷ − y)²``), with its sign flipped (``Y − Ŷ``), or with one
activation's derivative left out; a layer's rule run with another layer's
activation, or with ``W`` where ``Wᵀ`` belongs; the result transposed.
:mod:`explorer.practice.grading` names a mistake only when exactly one
kind of candidate matches the answer.

>>> from explorer.model.examples import toy_model
>>> from explorer.practice.items import Item, Exercises
>>> exercises = Exercises(toy_model(), ())
>>> sorted({name for name, _ in candidates(exercises, Item("q", 13, "grad", "W2"), None)})
['half', 'sign', 'transposed', 'wrong_layer']
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping

import numpy as np
import numpy.typing as npt

from explorer.engine import Session
from explorer.model import Model
from explorer.ops import OPS
from explorer.practice.items import Exercises, Item

Array = npt.NDArray[np.float64]
Candidate = tuple[str, Array]

#: How many activations after a node are each tried left out alone (then all of them at once):
#: each try is a backward pass, and the slip is the activation right after the layer.
NEAREST_ACTIVATIONS = 4
#: Losses with a ½ to drop, double or add.
_HALVED = ("half_sse", "sse")


def forward_values(model: Model) -> dict[str, Array]:
    """Every node's value, from a session run to the end of the forward pass."""
    session = Session(model)
    session.run_forward()
    values = {node: session.value(node) for node in model.order}
    return {node: value for node, value in values.items() if value is not None}


def backward(
    model: Model, values: Mapping[str, Array], seed: float = 1.0, skipped: frozenset[str] = frozenset(), until: str | None = None
) -> dict[str, Array]:
    """Every gradient by the op table's vector-Jacobian products, from ``∂L/∂L = seed``,
    the nodes in ``skipped`` passing their upstream gradient through as if their derivative were 1;
    with ``until``, the pass stops once that node's gradient is whole."""
    loss = next(node for node in model.order if model.spec(node).info.is_loss)
    grads: dict[str, Array] = {loss: np.asarray(seed, dtype=np.float64)}
    for node in reversed(model.order):
        if node == until:
            break
        upstream, op = grads.get(node), OPS[model.op(node)]
        if upstream is None or op.is_leaf:
            continue
        inputs = {port: values[source] for port, source in model.inputs(node).items()}
        for port, source in model.inputs(node).items():
            share = upstream if node in skipped else op.vjp[port](inputs, values[node], upstream)
            grads[source] = share if source not in grads else grads[source] + share
    return grads


def _others_like(model: Model, values: Mapping[str, Array], node: str) -> Iterator[Array]:
    """The other layers' activations (inputs and op nodes, not parameters, targets or the loss) of ``node``'s shape."""
    for other in model.order:
        spec = model.spec(other)
        if other == node or spec.info.is_loss or spec.op in ("param", "target"):
            continue
        if values[other].shape == values[node].shape:
            yield values[other]


def _upstream_activations(model: Model, node: str) -> list[str]:
    """The activations between ``node`` and the loss, whose derivatives its gradient goes through."""
    reached, found = {node}, []
    for other in model.order:
        if any(source in reached for source in model.inputs(other).values()):
            reached.add(other)
            if model.spec(other).info.kind == "activation":
                found.append(other)
    return found


def _transposed(array: Array) -> Iterator[Candidate]:
    """The array transposed: a row for a column is a wrong shape; a matrix transposed is ``transposed``."""
    if array.ndim == 2 and array.shape != (1, 1):
        yield ("shape" if 1 in array.shape else "transposed"), array.T


def _value_candidates(model: Model, values: Mapping[str, Array], node: str) -> Iterator[Candidate]:
    spec = model.spec(node)
    if spec.info.is_loss and spec.op in _HALVED:
        yield from (("half", values[node] * 2.0), ("half", values[node] * 0.5))
    if spec.info.kind == "layer":
        sources = model.inputs(node)
        inputs = {port: values[source] for port, source in sources.items()}
        for other in _others_like(model, values, sources["x"]):
            yield "wrong_layer", spec.info.forward({**inputs, "x": other})
        w = inputs["w"]
        if w.shape[0] == w.shape[1]:
            yield "transposed", spec.info.forward({**inputs, "w": w.T})
    yield from _transposed(values[node])


def _grad_candidates(model: Model, values: Mapping[str, Array], grads: Mapping[str, Array], node: str) -> Iterator[Candidate]:
    grad = grads[node]
    loss = next(n for n in model.order if model.spec(n).info.is_loss)
    if model.op(loss) in _HALVED:
        yield from (("half", grad * 2.0), ("half", grad * 0.5))
    yield "sign", -grad
    activations = _upstream_activations(model, node)
    nearest = [[a] for a in activations[:NEAREST_ACTIVATIONS]]  # the usual slip: the derivative right after the layer
    for skipped in nearest + ([activations] if len(activations) > 1 else []):
        yield "missing_derivative", backward(model, values, skipped=frozenset(skipped), until=node)[node]
    for consumer, port in model.consumers(node):
        op = model.spec(consumer).info
        if op.kind != "layer" or consumer not in grads:
            continue
        sources = model.inputs(consumer)
        inputs = {p: values[s] for p, s in sources.items()}
        if port == "w":
            for other in _others_like(model, values, sources["x"]):
                yield "wrong_layer", op.vjp["w"]({**inputs, "x": other}, values[consumer], grads[consumer])
        w = inputs["w"]
        if port == "x" and w.shape[0] == w.shape[1]:
            yield "transposed", op.vjp["x"]({**inputs, "w": w.T}, values[consumer], grads[consumer])
    yield from _transposed(grad)


def _jacobian_candidates(model: Model, values: Mapping[str, Array], node: str, wrt: str, right: Array) -> Iterator[Candidate]:
    spec = model.spec(node)
    sources = model.inputs(node)
    inputs = {port: values[source] for port, source in sources.items()}
    out_dims, in_dims = values[node].ndim, values[wrt].ndim
    if in_dims == 2:  # each slice transposed: for a column, a row
        yield ("shape" if 1 in values[wrt].shape else "transposed"), np.swapaxes(right, -1, -2)
    yield "transposed", np.moveaxis(right, tuple(range(out_dims)), tuple(range(in_dims, in_dims + out_dims)))
    if spec.info.is_loss:
        if spec.op in _HALVED:
            yield from (("half", right * 2.0), ("half", right * 0.5))
        yield "sign", -right
    if spec.info.kind == "activation":
        size = values[node].size
        yield "missing_derivative", np.eye(size).reshape(values[node].shape + values[wrt].shape)
    if spec.info.kind == "layer":
        for port, source in sources.items():
            if source == wrt and port == "w":
                for other in _others_like(model, values, sources["x"]):
                    yield "wrong_layer", spec.info.jacobian["w"]({**inputs, "x": other}, values[node])


def candidates(exercises: Exercises, item: Item, right: Array, values: Mapping[str, Array] | None = None) -> list[Candidate]:
    """Every ``(diagnosis, answer)`` one mistake gives for ``item`` (for an element: that entry of each).

    ``right`` is the right answer (:func:`~explorer.practice.make.expected`), ``values``
    every node's value (:func:`forward_values`, computed when not given).
    """
    model = exercises.model
    values = values if values is not None else forward_values(model)
    kind = item.of if item.ask == "element" else item.ask
    if kind == "value":
        found = list(_value_candidates(model, values, item.node))
        whole = values[item.node]
    elif kind == "grad":
        grads = backward(model, values)
        found = list(_grad_candidates(model, values, grads, item.node))
        whole = grads[item.node]
    else:
        assert item.wrt is not None
        return list(_jacobian_candidates(model, values, item.node, item.wrt, right))
    if item.ask != "element":
        return found
    assert item.index is not None
    index = item.index
    picked = [(name, np.asarray(array[index])) for name, array in found if array.shape == whole.shape]
    mirrored = index[::-1]  # w_jk computed where w_kj was asked
    if whole.ndim == 2 and all(i < n for i, n in zip(mirrored, whole.shape, strict=True)):
        picked.append(("transposed", np.asarray(whole[mirrored])))
    return picked
