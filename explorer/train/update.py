"""One gradient-descent update, seen: ``W ← W − η ∂L/∂W`` for every parameter at once.

:func:`apply_update` takes the gradients of a finished backward pass (a
:class:`~explorer.engine.Session`, or a mapping of parameter id to
gradient) and gives the new model together with, per parameter, the three
arrays a window shows side by side: the value before, the step ``η · ∂L/∂W``
and the value after. :func:`update_arithmetic` writes the arithmetic of each
element for small matrices: ``0.2 − 0.1 × (−0.06118) = 0.206118``.

The numbers are exactly ``before − η · grad`` in float64, the same
operations :func:`explorer.train.loop.train` performs.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from explorer.engine.errors import EngineError, NotReachedError
from explorer.engine.session import Session
from explorer.model import Model
from explorer.model.messages import define, message
from explorer.model.numbers import shown, signed
from explorer.train.loop import with_params

Array = npt.NDArray[np.float64]

define({
    "train.update_overflows": "node {node!r}: the update with learning rate {lr:g} overflows; try a smaller one",
    "train.other_model": "the session belongs to another model",
    "train.not_reached": "node {node!r}: the backward pass has not reached it yet; run it first",
    "train.no_gradient": "node {node!r}: no gradient given for this parameter",
    "train.gradient_shape": "node {node!r}: the gradient has shape {shape}; it must be {expected}",
    "train.gradient_non_finite": "node {node!r}: the gradient holds a non-finite number",
})

#: Largest parameter (in elements) whose arithmetic :func:`update_arithmetic` writes out.
ARITHMETIC_ELEMENTS = 36


@dataclass(frozen=True)
class ParamUpdate:
    """One parameter's update: ``after = before − step`` with ``step = lr · grad``."""

    node: str
    lr: float
    before: Array
    grad: Array
    step: Array
    after: Array


@dataclass(frozen=True)
class UpdateResult:
    """The model after one update, and each parameter's :class:`ParamUpdate` (in step order)."""

    model: Model
    lr: float
    params: dict[str, ParamUpdate]


def _readonly(array: Array) -> Array:
    array.setflags(write=False)
    return array


def apply_update(model: Model, grads: Session | Mapping[str, Array], lr: float) -> UpdateResult:
    """``p ← p − lr · ∂L/∂p`` for every parameter of ``model`` at once.

    Parameters
    ----------
    model
        The model whose parameters move.
    grads
        A session of this model whose backward pass has reached every
        parameter, or ``{param id: ∂L/∂p}`` for every parameter.
    lr
        The learning rate ``η``, finite and > 0.

    Returns
    -------
    UpdateResult
        The new model (built once; ids, labels, positions, inputs and
        targets unchanged) and per parameter its before, step and after.

    Raises
    ------
    EngineError
        A bad learning rate, a gradient missing or of the wrong shape, or an
        update that overflows (naming the parameter).

    Examples
    --------
    >>> from explorer.model.examples import toy_model
    >>> s = Session(toy_model()); s.run()
    >>> update = apply_update(s.model, s, 0.1)
    >>> w3 = update.params["W3"]
    >>> float(w3.before[0, 0]), round(float(w3.grad[0, 0]), 10), round(float(w3.after[0, 0]), 10)
    (0.2, -0.06118, 0.206118)
    >>> update.model.value("W3")[0, 0] == w3.after[0, 0]
    np.True_
    """
    if isinstance(lr, bool) or not isinstance(lr, int | float | np.floating) or not (math.isfinite(lr) and lr > 0):
        raise EngineError(message("train.lr_invalid", lr=lr))
    lr = float(lr)
    updates: dict[str, ParamUpdate] = {}
    for p in model.params:
        grad = _gradient(model, grads, p)
        before = model.value(p)
        with np.errstate(all="ignore"):
            step = lr * grad
            after = before - step
        if not np.all(np.isfinite(after)):
            raise EngineError(message("train.update_overflows", node=p, lr=lr))
        updates[p] = ParamUpdate(p, lr, before, _readonly(grad.copy()), _readonly(step), _readonly(after))
    new = with_params(model, {p: u.after for p, u in updates.items()})
    return UpdateResult(new, lr, updates)


def _gradient(model: Model, grads: Session | Mapping[str, Array], p: str) -> Array:
    if isinstance(grads, Session):
        if grads.model is not model and grads.model.params != model.params:
            raise EngineError(message("train.other_model"))
        grad = grads.grad(p)
        if grad is None:
            raise NotReachedError(message("train.not_reached", node=p))
    else:
        if p not in grads:
            raise EngineError(message("train.no_gradient", node=p))
        grad = np.asarray(grads[p], dtype=np.float64)
    if grad.shape != model.shape(p):
        raise EngineError(message("train.gradient_shape", node=p, shape=grad.shape, expected=model.shape(p)))
    if not np.all(np.isfinite(grad)):
        raise EngineError(message("train.gradient_non_finite", node=p))
    return np.asarray(grad, dtype=np.float64)


def format_number(x: float, digits: int = 6) -> str:
    """``x`` with ``digits`` significant digits, as :func:`explorer.model.numbers.shown` writes it.

    >>> format_number(-0.06118000000000001), format_number(0.20611800000000002), format_number(0.1)
    ('−0.06118', '0.206118', '0.1')
    """
    return shown(x, digits)


def update_arithmetic(update: ParamUpdate, digits: int = 6, limit: int = ARITHMETIC_ELEMENTS) -> list[list[str]] | None:
    """Each element's update written out, ``before − lr × (grad) = after``, for a small parameter.

    Returns rows of strings shaped like the parameter (a bias as one row),
    or ``None`` past ``limit`` elements.

    Examples
    --------
    >>> from explorer.model.examples import toy_model
    >>> s = Session(toy_model()); s.run()
    >>> update_arithmetic(apply_update(s.model, s, 0.1).params["W3"])[0]
    ['0.2 − 0.1 × (−0.06118) = 0.206118', '−0.1 − 0.1 × 0.12006 = −0.112006']
    """
    if update.before.size > limit:
        return None
    before, grad, after = (np.atleast_2d(a) for a in (update.before, update.grad, update.after))
    lr = format_number(update.lr, digits)
    rows = []
    for i in range(before.shape[0]):
        row = []
        for j in range(before.shape[1]):
            g = signed(grad[i, j], digits)
            row.append(f"{format_number(before[i, j], digits)} − {lr} × {g} = {format_number(after[i, j], digits)}")
        rows.append(row)
    return rows
