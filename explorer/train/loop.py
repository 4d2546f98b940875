"""Training: full-batch gradient descent, the lecture's 경사 하강법 (SPEC section 8).

:func:`train` runs ``steps`` iterations of forward, backward, then
``p ← p − η · ∂L/∂p`` for every parameter at once, on a
:class:`~explorer.train.plan.TrainPlan` compiled once from the
model, and builds one :class:`~explorer.model.Model` at the end. It can run
on a worker thread: ``progress(iteration, loss)`` reports at most about 30
times a second (or every ``every`` iterations), and ``should_stop()`` is
asked between iterations.

The history has one row per pass: row ``i`` holds the loss and each
parameter's gradient norm ``‖∂L/∂p‖`` (Frobenius) before update ``i``, and
the last row belongs to the parameters the result's model holds.

A value that stops being finite (the loss, any forward value, any gradient,
a parameter after an update) ends the run at once: the result names the
iteration and the first node that overflowed, and its model holds the last
parameters whose pass was finite. Numpy prints no warning.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Literal

import numpy as np
import numpy.typing as npt

from explorer.engine.errors import EngineError
from explorer.model import Model
from explorer.model.messages import Message, define, message
from explorer.train.history import History
from explorer.train.plan import TrainPlan

Array = npt.NDArray[np.float64]
Status = Literal["completed", "stopped", "diverged"]
Phase = Literal["forward", "backward", "update"]

#: Largest number of iterations one run takes (SPEC section 8).
MAX_STEPS = 1_000_000

define({
    "train.steps_invalid": "the number of steps must be a whole number in 1…{limit:,}, got {steps!r}",
    "train.lr_invalid": "the learning rate must be a finite number > 0, got {lr!r}",
    "train.momentum_invalid": "the momentum must be a number in [0, 1), got {momentum!r}",
    "train.no_param": "the model has no param node to train",
    "train.every_invalid": "every must be a whole number ≥ 1, got {every!r}",
    "train.diverged": "diverged at iteration {iteration}: node {named}: {what}; try a smaller learning rate",
    "train.diverged.forward": "its value overflowed to a non-finite number in the forward pass",
    "train.diverged.backward": "its gradient overflowed to a non-finite number in the backward pass",
    "train.diverged.update": "the update would make it non-finite",
})

#: ``progress`` is called at most this often per second when no ``every`` is given.
PROGRESS_RATE = 30.0
#: Below this bound on ``‖p‖ + η‖v‖`` an update cannot overflow; above it, updates are checked before they land.
_SAFE_UPDATE = 1e300


@dataclass(frozen=True)
class Divergence:
    """Where a run stopped being finite.

    ``phase`` is ``forward`` (a value or the loss), ``backward`` (a
    gradient) or ``update`` (a parameter, or its momentum, after the update
    of that iteration; the update was not applied).
    """

    iteration: int
    node: str
    label: str
    phase: Phase

    def reason(self) -> Message:
        """What happened, as data (:class:`~explorer.model.messages.Message`)."""
        named = f"{self.node!r}" + (f" ({self.label})" if self.label != self.node else "")
        what = message(f"train.diverged.{self.phase}")
        return message("train.diverged", iteration=self.iteration, named=named, what=what)

    def message(self) -> str:
        """One line for a person, in English."""
        return str(self.reason())


@dataclass(frozen=True)
class TrainResult:
    """What a run of :func:`train` gives back.

    Attributes
    ----------
    model
        The trained model: parameters as reached (for a divergence, the last
        parameters whose pass was finite); ids, labels, positions, inputs
        and targets as before.
    params
        The parameter ids, the columns of :attr:`grad_norms`.
    loss
        Shape ``(rows,)``: the loss before update :attr:`iterations` ``[i]``;
        the last row is the loss of :attr:`model`.
    grad_norms
        Shape ``(rows, len(params))``: ``‖∂L/∂p‖`` at each row.
    updates
        Number of updates applied to reach :attr:`model` (``rows − 1``).
    status
        ``completed``, ``stopped`` (``should_stop`` said so) or ``diverged``.
    divergence
        Where it diverged, for that status.
    lr, momentum
        As given.
    iterations
        The iteration of each kept row: ``0 … updates`` for a run of at most
        :data:`~explorer.train.history.MAX_HISTORY_ROWS` rows, else thinned evenly (``0, k, 2k, …``
        and the last).
    """

    model: Model
    params: tuple[str, ...]
    loss: Array
    grad_norms: Array
    updates: int
    status: Status
    divergence: Divergence | None
    lr: float
    momentum: float
    iterations: npt.NDArray[np.int64] = field(default_factory=lambda: np.zeros(0, dtype=np.int64))

    def describe(self) -> str:
        """How the run ended, in one line."""
        if self.status == "completed":
            return f"completed {self.updates} iterations"
        if self.status == "stopped":
            return f"stopped at iteration {self.updates}"
        assert self.divergence is not None
        return self.divergence.message()


def check_settings(steps: int, lr: float, momentum: float = 0.0) -> None:
    """Refuse a number of steps, learning rate or momentum that training cannot take.

    Raises
    ------
    EngineError
        With one line naming the setting.
    """
    if isinstance(steps, bool) or not isinstance(steps, int | np.integer) or not 1 <= steps <= MAX_STEPS:
        raise EngineError(message("train.steps_invalid", limit=MAX_STEPS, steps=steps))
    if isinstance(lr, bool) or not isinstance(lr, int | float | np.floating) or not (math.isfinite(lr) and lr > 0):
        raise EngineError(message("train.lr_invalid", lr=lr))
    if (
        isinstance(momentum, bool)
        or not isinstance(momentum, int | float | np.floating)
        or not (math.isfinite(momentum) and 0 <= momentum < 1)
    ):
        raise EngineError(message("train.momentum_invalid", momentum=momentum))


def with_params(model: Model, values: dict[str, Array]) -> Model:
    """The model with new parameter values, written as ``value``; everything else unchanged. Built once."""
    specs = [
        spec.with_(value=np.array(values[spec.id], dtype=np.float64), shape=None, init=None)
        if spec.id in values
        else spec
        for spec in model.specs
    ]
    return Model(specs, name=model.name, extras=model.extras)


def train(
    model: Model,
    steps: int,
    lr: float,
    *,
    momentum: float = 0.0,
    progress: Callable[[int, float], object] | None = None,
    should_stop: Callable[[], bool] | None = None,
    every: int | None = None,
    record: Callable[[int, float, list[float]], object] | None = None,
) -> TrainResult:
    """Train ``model`` by full-batch gradient descent for ``steps`` iterations.

    Parameters
    ----------
    model
        Any valid model; its inputs and targets are the (full) batch.
    steps
        Number of updates, ``1 … 1,000,000``; the history has ``steps + 1`` rows.
    lr
        The learning rate ``η``, finite and > 0.
    momentum
        Heavy-ball momentum ``μ`` in ``[0, 1)`` (an extra; the lecture's plain
        gradient descent is ``0``), in PyTorch's SGD form:
        ``v ← μ v + ∂L/∂p``, ``p ← p − η v``, ``v`` starting at zero.
    progress
        Called as ``progress(iteration, loss)`` after the pass of some
        iterations: every ``every`` iterations, or at most 30 times a second
        when ``every`` is ``None``; always for the last row.
    should_stop
        Asked after each pass, before its update; when it returns true the
        run ends with the parameters reached, whose loss is the last row.
    every
        Report every this many iterations instead of by time.
    record
        Called as ``record(iteration, loss, grad_norms)`` for every finite
        row, in order (the command line streams its ``--log`` this way); the
        result keeps at most :data:`~explorer.train.history.MAX_HISTORY_ROWS` rows, thinned.

    Returns
    -------
    TrainResult

    Raises
    ------
    EngineError
        For steps, lr or momentum out of range.

    Examples
    --------
    >>> from explorer.model.examples import toy_model
    >>> result = train(toy_model(), 100, 0.1)
    >>> result.status, result.loss.shape, result.grad_norms.shape
    ('completed', (101,), (101, 3))
    >>> bool(result.loss[-1] < result.loss[0] / 10)
    True
    """
    check_settings(steps, lr, momentum)
    if not model.params:
        raise EngineError(message("train.no_param"))
    if every is not None and (isinstance(every, bool) or not isinstance(every, int) or every < 1):
        raise EngineError(message("train.every_invalid", every=every))
    plan = TrainPlan(model)
    history = History(len(plan.params), steps + 1)
    with np.errstate(all="ignore"):
        rows, divergence = _run(plan, int(steps), float(lr), float(momentum), history, progress, should_stop, every, record)
    if divergence is not None and divergence.phase != "update" and rows > 0:
        # the pass of these parameters overflowed: go back to the ones before (the run is deterministic)
        again = TrainPlan(model)
        with np.errstate(all="ignore"):
            _run(again, rows - 1, float(lr), float(momentum), History(len(plan.params), 1))
        plan = again
    status: Status = "diverged" if divergence else ("completed" if rows == steps + 1 else "stopped")
    trained = model if rows <= 1 else with_params(model, plan.param_values())  # no update: the model as given
    iterations, losses, norms = history.arrays()
    return TrainResult(
        model=trained,
        params=plan.params,
        loss=losses,
        grad_norms=norms,
        updates=max(rows - 1, 0),
        status=status,
        divergence=divergence,
        lr=float(lr),
        momentum=float(momentum),
        iterations=iterations,
    )


def _run(
    plan: TrainPlan,
    steps: int,
    lr: float,
    momentum: float,
    history: History,
    progress: Callable[[int, float], object] | None = None,
    should_stop: Callable[[], bool] | None = None,
    every: int | None = None,
    record: Callable[[int, float, list[float]], object] | None = None,
) -> tuple[int, Divergence | None]:
    """The loop: returns the number of history rows made and the divergence, if any.

    Each finite row goes to ``history`` and, as ``record(i, loss, norms)``, to
    ``record``; where a square overflows while every number is finite, the
    norm itself is computed scaled (:func:`safe_norm`) and the run goes on.
    Parameters are never checked after the pass: an update is applied in
    place only while a bound on ``‖p‖ + η‖v‖`` shows it cannot overflow,
    and is otherwise computed aside and checked first.
    """
    checked, params, grads = plan.checked, plan.flat_params, plan.flat_grads
    sq, segments = plan.squares, plan.segments
    step_size = np.empty_like(params)
    velocity = np.zeros_like(params) if momentum else grads
    spare = np.empty_like(params)
    p_bound = _bound(params)  # ≥ ‖p‖, kept by the triangle inequality
    v_bound = 0.0  # ≥ ‖v‖ (the velocity, or the gradient without momentum)
    multiply, subtract, reduceat = np.multiply, np.subtract, np.add.reduceat
    run_pass, isfinite, sqrt, clock = plan.run_pass, math.isfinite, math.sqrt, time.perf_counter
    interval = 1.0 / PROGRESS_RATE
    next_report, reported = 0.0, -1
    row = np.empty(1 + len(plan.params))  # ‖values‖², then ‖∂L/∂p‖² per parameter
    for i in range(steps + 1):
        loss = run_pass()
        # NaN and ±inf never square to a finite number: one sum says whether all are finite
        reduceat(multiply(checked, checked, out=sq), segments, out=row)
        listed = row.tolist()
        g_squares = sum(listed[1:])
        total = listed[0] + g_squares
        large: dict[int, float] | None = None
        if not isfinite(total + loss):
            divergence = _diagnose(plan, i, loss)
            if divergence is not None:
                return i, divergence
            # finite numbers whose squares overflow: keep the norms, scaled
            large = {j: safe_norm(plan.grads[p]) for j, p in enumerate(plan.params) if not isfinite(listed[1 + j])}
        history.add(i, loss, row[1:], large)
        if record is not None:
            norms = [sqrt(v) for v in listed[1:]]
            for j, norm in (large or {}).items():
                norms[j] = norm
            record(i, loss, norms)
        if progress is not None:
            if every is None:
                now = clock()
                if now >= next_report or i == steps:
                    progress(i, loss)
                    next_report, reported = now + interval, i
            elif i % every == 0 or i == steps:
                progress(i, loss)
                reported = i
        if i == steps:
            break
        if should_stop is not None and should_stop():
            if progress is not None and reported != i:
                progress(i, loss)  # the last row is always reported
            return i + 1, None
        g_norm = sqrt(g_squares) * 1.001 if isfinite(g_squares) else _bound(grads)
        if momentum:
            multiply(velocity, momentum, out=spare)
            np.add(spare, grads, out=spare)
            v_bound = (momentum * v_bound + g_norm) * 1.001
            if not v_bound < _SAFE_UPDATE:
                if not np.all(np.isfinite(spare)):
                    return i + 1, _update_failure(plan, i, spare)
                v_bound = _bound(spare)
            velocity, spare = spare, velocity
        else:
            v_bound = g_norm
        multiply(velocity, lr, out=step_size)
        reach = (p_bound + lr * v_bound) * 1.001
        if not reach < _SAFE_UPDATE:
            p_bound = _bound(params)  # the bound may have drifted: measure
            reach = (p_bound + lr * v_bound) * 1.001
        if reach < _SAFE_UPDATE:
            subtract(params, step_size, out=params)
            p_bound = reach
        else:
            subtract(params, step_size, out=spare)
            if not np.all(np.isfinite(spare)):
                return i + 1, _update_failure(plan, i, spare)
            np.copyto(params, spare)
            p_bound = _bound(params)
    return steps + 1, None


def _bound(array: Array) -> float:
    """An upper bound of ``‖array‖`` that squares nothing: ``√n · max |a|`` (inf past float64)."""
    return float(np.max(np.abs(array))) * math.sqrt(array.size) * 1.001 if array.size else 0.0


def safe_norm(array: Array) -> float:
    """``‖array‖`` (Frobenius) without squaring a large number: ``m · ‖array / m‖`` with ``m = max |a|``.

    Finite numbers past about 1e154 square to inf; scaled first they do not.

    >>> round(safe_norm(np.array([3e200, 4e200])) / 1e200, 12), safe_norm(np.zeros(2)), safe_norm(np.array([3.0, 4.0]))
    (5.0, 0.0, 5.0)
    """
    largest = float(np.max(np.abs(array), initial=0.0))
    if largest == 0.0 or not math.isfinite(largest):
        return largest
    return largest * float(np.linalg.norm(array / largest))


def _diagnose(plan: TrainPlan, iteration: int, loss: float) -> Divergence | None:
    """The first node whose value or gradient is not finite, or ``None`` when only a sum of squares overflowed.

    A norm that overflows is not a gradient that overflows: with every number
    finite the run carries on (the norm is kept scaled), and the first number
    that truly stops being finite is named when it comes.
    """
    found = plan.first_non_finite(loss)
    if found is None:
        return None
    node, phase = found
    return Divergence(iteration, node, plan.model.label(node), phase)


def _update_failure(plan: TrainPlan, iteration: int, new: Array) -> Divergence:
    """The first parameter that update ``iteration`` would make non-finite."""
    for p, start in zip(plan.params, plan.offsets, strict=True):
        stop = start + plan.values[p].size
        if not np.all(np.isfinite(new[start:stop])):
            return Divergence(iteration, p, plan.model.label(p), "update")
    raise AssertionError("an update failure without a non-finite number")
