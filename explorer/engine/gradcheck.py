"""Central finite differences in float64: the oracle every gradient answers to."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import networkx as nx
import numpy as np
import numpy.typing as npt

from ..model import Model
from .ops import OPS
from .session import Session

Array = npt.NDArray[np.float64]

#: Step and tolerances in the spirit of ``torch.autograd.gradcheck`` (float64).
EPS = 1e-6
ATOL = 1e-5
RTOL = 1e-3


def evaluate_loss(model: Model, overrides: Mapping[str, Array] | None = None) -> float:
    """The loss of a full forward pass, with some leaf values replaced.

    >>> from explorer.examples import toy_model
    >>> model = toy_model(); s = Session(model); s.run()
    >>> evaluate_loss(model) == s.loss
    True
    """
    return float(_forward(model, {leaf: model.value(leaf) for leaf in model.leaves}, model.op_nodes, overrides)[model.loss_id])


def _forward(
    model: Model, known: Mapping[str, Array], ops: Sequence[str], overrides: Mapping[str, Array] | None = None
) -> dict[str, Array]:
    """Every value after computing ``ops`` (in step order) from ``known`` values with ``overrides``."""
    values = dict(known)
    values.update(overrides or {})
    for node in ops:
        inputs = {port: values[src] for port, src in model.inputs(node).items()}
        values[node] = OPS[model.op(node)].forward(inputs)
    return values


def numeric_grad(
    model: Model, node: str, indices: list[tuple[int, ...]] | None = None, eps: float = EPS
) -> Array:
    """``dL/d(node)`` by central differences at the given element indices (all by default).

    Returns the full-shaped gradient when ``indices`` is ``None``, else a 1-D
    array in the order of ``indices``.
    """
    base = np.array(model.value(node), dtype=np.float64)
    wanted = list(np.ndindex(base.shape)) if indices is None else indices
    # only what the node feeds is recomputed; every other value comes from one unperturbed pass
    known = _forward(model, {leaf: model.value(leaf) for leaf in model.leaves}, model.op_nodes)
    downstream = nx.descendants(model.graph, node)
    ops = [op for op in model.op_nodes if op in downstream]

    def loss_with(value: Array) -> float:
        return float(_forward(model, known, ops, {node: value})[model.loss_id])

    result = np.empty(len(wanted))
    for n, index in enumerate(wanted):
        plus, minus = base.copy(), base.copy()
        plus[index] += eps
        minus[index] -= eps
        result[n] = (loss_with(plus) - loss_with(minus)) / (2 * eps)
    return result.reshape(base.shape) if indices is None else result


@dataclass(frozen=True)
class GradCheckRow:
    """One leaf's comparison of the engine's gradient with finite differences."""

    node: str
    op: str
    shape: tuple[int, ...]
    checked: int
    total: int
    max_abs_diff: float
    ok: bool


def check_gradients(
    model: Model,
    max_elements: int = 256,
    eps: float = EPS,
    atol: float = ATOL,
    rtol: float = RTOL,
    seed: int = 0,
) -> list[GradCheckRow]:
    """Compare every parameter's and input's gradient with central differences.

    Leaves larger than ``max_elements`` are checked at that many elements
    picked at random (reproducibly, by ``seed``); the row says how many.
    An element passes when ``|engine − numeric| ≤ atol + rtol·|numeric|``.
    """
    session = Session(model)
    session.run()
    rng = np.random.default_rng(seed)
    rows = []
    for node in model.leaves:
        if model.op(node) == "target":
            continue
        grad = session.grad(node)
        assert grad is not None
        shape = tuple(grad.shape)
        all_indices = list(np.ndindex(shape))
        if len(all_indices) > max_elements:
            picks = rng.choice(len(all_indices), size=max_elements, replace=False)
            indices = [all_indices[i] for i in sorted(picks)]
        else:
            indices = all_indices
        numeric = numeric_grad(model, node, indices, eps)
        analytic = np.array([grad[i] for i in indices])
        diff = np.abs(analytic - numeric)
        ok = bool(np.all(diff <= atol + rtol * np.abs(numeric)))
        rows.append(GradCheckRow(node, model.op(node), shape, len(indices), len(all_indices), float(diff.max()), ok))
    return rows
