"""Seeded parameter initialisation that gives the same numbers everywhere.

Only the PCG64 bit stream and ``Generator.random`` (uniform doubles) are used;
normal samples come from the Box–Muller transform written out here, so the
values depend on no sampler that a numpy release might change.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from contextlib import suppress
from typing import Any

import numpy as np
import numpy.typing as npt

from explorer.model.errors import ModelError
from explorer.model.messages import define, message
from explorer.model.quote import shown

define({
    "model.init_not_finite": "init {key!r} must be a finite number, got {value}",
    "model.init_not_object": 'init must be an object such as {{"kind": "normal", "seed": 0}}',
    "model.init_unknown_key": "init has an unknown key {key} (known: {known})",
    "model.init_unknown_kind": "unknown init kind {kind} (use one of {known})",
    "model.init_seed": "init seed must be a non-negative integer, got {seed}",
    "model.init_low_high": "init low {low} must be below high {high}",
    "model.init_std": "init std must not be negative, got {std}",
})

INIT_KINDS = ("normal", "uniform", "zeros")
INIT_KEYS = ("kind", "seed", "std", "mean", "low", "high")


def _number(spec: Mapping[str, Any], key: str, default: float, node: str) -> float:
    raw = spec.get(key, default)
    number = math.nan
    if not isinstance(raw, bool) and isinstance(raw, int | float):
        with suppress(OverflowError):  # an integer too large for a float
            number = float(raw)
    if not math.isfinite(number):
        raise ModelError(message("model.init_not_finite", key=key, value=shown(raw)), node)
    return number


def initial_value(
    shape: tuple[int, ...], spec: Mapping[str, Any], node: str = "?"
) -> npt.NDArray[np.float64]:
    """Return the array an ``init`` spec describes.

    Parameters
    ----------
    shape
        The parameter's shape.
    spec
        ``{"kind": "normal", "std": 0.5, "mean": 0.0, "seed": 7}``,
        ``{"kind": "uniform", "low": -1, "high": 1, "seed": 7}`` or
        ``{"kind": "zeros"}``.
    node
        Named in the error message.

    Examples
    --------
    >>> initial_value((3, 2), {"kind": "uniform", "seed": 1}).shape
    (3, 2)
    >>> bool((initial_value((2,), {"kind": "zeros"}) == 0).all())
    True
    """
    if not isinstance(spec, Mapping):
        raise ModelError(message("model.init_not_object"), node)
    unknown = sorted(str(key) for key in spec if key not in INIT_KEYS)
    if unknown:
        raise ModelError(message("model.init_unknown_key", key=shown(unknown[0], 20), known=', '.join(INIT_KEYS)), node)
    kind = spec.get("kind")
    if kind not in INIT_KINDS:
        raise ModelError(message("model.init_unknown_kind", kind=shown(kind, 20), known=', '.join(INIT_KINDS)), node)
    for key in ("std", "mean", "low", "high"):  # checked whatever the kind: the file keeps them
        if key in spec:
            _number(spec, key, 0.0, node)
    seed = spec.get("seed", 0)
    if isinstance(seed, bool) or not isinstance(seed, int) or seed < 0:
        raise ModelError(message("model.init_seed", seed=shown(seed)), node)
    size = int(np.prod(shape, dtype=np.int64))
    if kind == "zeros":
        return np.zeros(shape)
    rng = np.random.Generator(np.random.PCG64(seed))
    if kind == "uniform":
        low = _number(spec, "low", -1.0, node)
        high = _number(spec, "high", 1.0, node)
        if not low < high:
            raise ModelError(message("model.init_low_high", low=low, high=high), node)
        uniform = rng.random(size)  # low + (high - low) * u, in place: one array of the parameter's size
        with np.errstate(over="ignore", invalid="ignore"):  # past the float range: the loader names it, no warning
            uniform *= high - low
            uniform += low
        return uniform.reshape(shape)
    std = _number(spec, "std", 1.0, node)
    mean = _number(spec, "mean", 0.0, node)
    if std < 0:
        raise ModelError(message("model.init_std", std=std), node)
    pairs = (size + 1) // 2
    # Box–Muller, written in place so that the peak is about twice the parameter's size:
    # normal = [r cos(2π u2), r sin(2π u2)] with r = sqrt(-2 log u1), then mean + std * normal.
    u1 = rng.random(pairs)
    np.subtract(1.0, u1, out=u1)  # in (0, 1], so the log is finite
    u2 = rng.random(pairs)
    radius = np.log(u1, out=u1)
    radius *= -2.0
    np.sqrt(radius, out=radius)
    u2 *= 2 * np.pi
    normal = np.empty(2 * pairs)
    np.cos(u2, out=normal[:pairs])
    np.sin(u2, out=normal[pairs:])
    del u2
    normal[:pairs] *= radius
    normal[pairs:] *= radius
    del radius, u1
    result = normal[:size]
    with np.errstate(over="ignore", invalid="ignore"):  # past the float range: the loader names it, no warning
        result *= std
        result += mean
    return result.reshape(shape)
