"""Central finite differences in float64: the oracle every gradient answers to.

Two things keep the check honest on every model the loader accepts:

- **Kinks.** ``relu`` has no derivative at 0 (an op's entry says where its
  kink is). When a perturbation of ``±eps`` moves the input of such an op
  across its kink, the central difference straddles the kink
  and means nothing; such elements are reported apart ("at a kink"), never as
  a failure.
- **Size.** One loss evaluation of a 4096×4096 layer is ~7·10¹⁰ multiply-adds.
  The number of sampled elements per leaf is chosen from that cost so the
  whole check stays within :data:`FLOP_BUDGET`, never fewer than
  :data:`MIN_SAMPLES`; small models keep up to ``max_elements`` (exact when
  the leaf has fewer).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

import networkx as nx
import numpy as np
import numpy.typing as npt

from explorer.engine.session import Session
from explorer.model import Model
from explorer.ops import OPS

Array = npt.NDArray[np.float64]
Mask = npt.NDArray[np.bool_]

#: Step and tolerances in the spirit of ``torch.autograd.gradcheck`` (float64).
EPS = 1e-6
ATOL = 1e-5
RTOL = 1e-3
#: Multiply-adds the finite differences of one whole check may spend.
FLOP_BUDGET = 5e11
#: Rounding in one loss evaluation, in units of ``machine epsilon · |L|``: the differences cannot resolve less
#: than ``ROUNDOFF · ε · |L| / eps``, which matters only for a large loss (10⁸ on a 4096×4096 model).
ROUNDOFF = 4.0
#: Fewest elements sampled per leaf, however costly one evaluation is.
MIN_SAMPLES = 6

#: ``progress(node, done, sampled, total)``: called with ``done == 0`` before a leaf, then after each element.
Progress = Callable[[str, int, int, int], None]


def evaluate_loss(model: Model, overrides: Mapping[str, Array] | None = None) -> float:
    """The loss of a full forward pass, with some leaf values replaced.

    >>> from explorer.model.examples import toy_model
    >>> model = toy_model(); s = Session(model); s.run()
    >>> evaluate_loss(model) == s.loss
    True
    """
    leaves = {leaf: model.value(leaf) for leaf in model.leaves}
    return float(_forward(model, leaves, model.op_nodes, overrides)[model.loss_id])


def _forward(
    model: Model, known: Mapping[str, Array], ops: Sequence[str], overrides: Mapping[str, Array] | None = None
) -> dict[str, Array]:
    """Every value after computing ``ops`` (in step order) from ``known`` values with ``overrides``."""
    values = dict(known)
    values.update(overrides or {})
    with np.errstate(all="ignore"):  # an overflow shows as a non-finite difference, never as a warning
        for node in ops:
            inputs = {port: values[src] for port, src in model.inputs(node).items()}
            values[node] = OPS[model.op(node)].forward(inputs)
    return values


def eval_cost(model: Model, node: str) -> int:
    """Multiply-adds of one loss evaluation after changing ``node`` (the ops downstream of it).

    >>> from explorer.model.examples import toy_model
    >>> eval_cost(toy_model(), "W3")  # Ŷ = W₃ᵀH₂ (3·2·1) and the loss (2)
    8
    """
    downstream = nx.descendants(model.graph, node)
    cost = 0
    for op in model.op_nodes:
        if op not in downstream:
            continue
        if model.op(op) == "linear":
            n_in, n_out = model.shape(model.inputs(op)["w"])
            batch = model.shape(op)[1]
            cost += n_in * n_out * batch
        else:
            cost += max(int(np.prod(model.shape(src), dtype=np.int64)) for src in model.inputs(op).values())
    return max(cost, 1)


@dataclass(frozen=True)
class Probe:
    """Central differences at some elements of one leaf.

    ``numeric[i]`` is the difference quotient at element ``i``;
    ``at_kink[i]`` says the ``±eps`` perturbation moved the input of some op
    with a kink (relu's at 0) across it, so the quotient straddles the kink.
    """

    numeric: Array
    at_kink: Mask


def probe(
    model: Model,
    node: str,
    indices: Sequence[tuple[int, ...]],
    eps: float = EPS,
    progress: Callable[[int], None] | None = None,
    known: Mapping[str, Array] | None = None,
) -> Probe:
    """Central differences of the loss at ``indices`` of ``node``, with kinks marked.

    ``known`` may give every value of the unperturbed pass (a finished
    session's), else the pass is computed here.
    """
    if known is None:
        leaves = {leaf: model.value(leaf) for leaf in model.leaves}
        known = _forward(model, leaves, model.op_nodes)
    # only what the node feeds is recomputed; every other value comes from the unperturbed pass
    downstream = nx.descendants(model.graph, node)
    ops = [op for op in model.op_nodes if op in downstream]
    # the inputs of every op with a kink (relu at 0), with where the kink is
    kinks = {model.inputs(op)["x"]: kink for op in ops if (kink := OPS[model.op(op)].kink) is not None}
    base_sides = {src: known[src] > kink for src, kink in kinks.items()}
    work = np.array(model.value(node), dtype=np.float64)  # perturbed in place, one element at a time

    def loss_with(index: tuple[int, ...], delta: float) -> tuple[float, bool]:
        original = work[index]
        work[index] = original + delta
        try:
            values = _forward(model, known, ops, {node: work})
        finally:
            work[index] = original
        crossed = any(bool(np.any((values[src] > kink) != base_sides[src])) for src, kink in kinks.items())
        return float(values[model.loss_id]), crossed

    numeric = np.empty(len(indices))
    at_kink = np.zeros(len(indices), dtype=bool)
    for n, index in enumerate(indices):
        plus, crossed_up = loss_with(index, eps)
        minus, crossed_down = loss_with(index, -eps)
        with np.errstate(all="ignore"):
            numeric[n] = (plus - minus) / (2 * eps)
        at_kink[n] = crossed_up or crossed_down
        if progress is not None:
            progress(n + 1)
    return Probe(numeric, at_kink)


def numeric_grad(
    model: Model, node: str, indices: list[tuple[int, ...]] | None = None, eps: float = EPS
) -> Array:
    """``dL/d(node)`` by central differences at the given element indices (all by default).

    Returns the full-shaped gradient when ``indices`` is ``None``, else a 1-D
    array in the order of ``indices``.
    """
    shape = model.shape(node)
    wanted = list(np.ndindex(shape)) if indices is None else indices
    result = probe(model, node, wanted, eps).numeric
    return result.reshape(shape) if indices is None else result


def sample_size(total: int, cost: int, max_elements: int, budget: float) -> int:
    """How many of a leaf's ``total`` elements to check when one evaluation costs ``cost``.

    >>> sample_size(9, 8, 256, 1e11)              # small: every element
    9
    >>> sample_size(4096 * 4096, 4096**3, 256, 2.5e11)  # one 4096×4096 layer: a handful
    6
    """
    affordable = int(budget // (2 * cost))
    return min(total, max_elements, max(MIN_SAMPLES, affordable))


def sample_indices(shape: tuple[int, ...], size: int, rng: np.random.Generator) -> list[tuple[int, ...]]:
    """``size`` distinct element indices of ``shape`` in row-major order, all when ``size`` covers it."""
    total = int(np.prod(shape, dtype=np.int64))
    if size >= total:
        return list(np.ndindex(shape))
    flat = np.sort(rng.choice(total, size=size, replace=False))
    return [tuple(int(i) for i in idx) for idx in zip(*np.unravel_index(flat, shape), strict=True)]


@dataclass(frozen=True)
class GradCheckRow:
    """One leaf's comparison of the engine's gradient with finite differences.

    ``at_kink`` elements (of the ``checked``) straddle a kink (relu's at 0) and are
    not compared; ``max_abs_diff`` and ``ok`` are over the others.
    """

    node: str
    op: str
    shape: tuple[int, ...]
    checked: int
    total: int
    max_abs_diff: float
    ok: bool
    at_kink: int = 0


def _leaf_progress(progress: Progress | None, node: str, sampled: int, total: int) -> Callable[[int], None] | None:
    """Announce a leaf to ``progress`` and return its per-element callback."""
    if progress is None:
        return None
    report = progress
    report(node, 0, sampled, total)
    return lambda done: report(node, done, sampled, total)


def check_gradients(
    model: Model,
    max_elements: int = 256,
    eps: float = EPS,
    atol: float = ATOL,
    rtol: float = RTOL,
    seed: int = 0,
    budget: float = FLOP_BUDGET,
    progress: Progress | None = None,
    session: Session | None = None,
) -> list[GradCheckRow]:
    """Compare every parameter's gradient, and each input's the backward pass computes, with central differences.

    A leaf is checked at :func:`sample_size` elements picked at random
    (reproducibly, by ``seed``); the row says how many. An element passes
    when ``|engine − numeric| ≤ atol + rtol·|numeric|``; an element whose
    perturbation crosses a kink (relu's at 0) is counted in ``at_kink`` instead.

    Raises
    ------
    NonFiniteError
        When the model's own pass overflows (the check has nothing to compare).
    """
    if session is None or session.model is not model:
        session = Session(model)
    session.run()
    loss = session.loss
    assert loss is not None
    known: dict[str, Array] = {}
    for name in model.order:
        value = session.value(name)
        assert value is not None
        known[name] = value
    rng = np.random.default_rng(seed)
    # every parameter, and each input whose gradient is asked for ("requires_grad" not false)
    leaves = [node for node in model.leaves if model.op(node) != "target" and model.requires_grad(node)]
    per_leaf = budget / max(len(leaves), 1)
    rows = []
    for node in leaves:
        grad = session.grad(node)
        assert grad is not None
        shape = tuple(grad.shape)
        total = int(grad.size)
        indices = sample_indices(shape, sample_size(total, eval_cost(model, node), max_elements, per_leaf), rng)
        found = probe(model, node, indices, eps, _leaf_progress(progress, node, len(indices), total), known)
        analytic = np.array([grad[i] for i in indices])
        compared = ~found.at_kink
        resolution = ROUNDOFF * np.finfo(np.float64).eps * abs(loss) / eps
        with np.errstate(all="ignore"):
            diff = np.abs(analytic - found.numeric)[compared]
            ok = bool(np.all(diff <= atol + rtol * np.abs(found.numeric[compared]) + resolution))
        worst = float(diff.max()) if diff.size else 0.0
        kinks = int(found.at_kink.sum())
        rows.append(GradCheckRow(node, model.op(node), shape, len(indices), total, worst, ok, kinks))
    return rows
