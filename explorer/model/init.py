"""Seeded parameter initialisation that gives the same numbers everywhere.

Only the PCG64 bit stream and ``Generator.random`` (uniform doubles) are used;
normal samples come from the Box–Muller transform written out here, so the
values depend on no sampler that a numpy release might change.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np
import numpy.typing as npt

from .errors import ModelError

INIT_KINDS = ("normal", "uniform", "zeros")


def _number(spec: Mapping[str, Any], key: str, default: float, node: str) -> float:
    raw = spec.get(key, default)
    if isinstance(raw, bool) or not isinstance(raw, int | float) or not np.isfinite(raw):
        raise ModelError(f"init {key!r} must be a finite number, got {raw!r}", node)
    return float(raw)


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
        raise ModelError("init must be an object such as {\"kind\": \"normal\", \"seed\": 0}", node)
    kind = spec.get("kind")
    if kind not in INIT_KINDS:
        raise ModelError(f"unknown init kind {kind!r} (use one of {', '.join(INIT_KINDS)})", node)
    size = int(np.prod(shape, dtype=np.int64))
    if kind == "zeros":
        return np.zeros(shape)
    seed = spec.get("seed", 0)
    if isinstance(seed, bool) or not isinstance(seed, int) or seed < 0:
        raise ModelError(f"init seed must be a non-negative integer, got {seed!r}", node)
    rng = np.random.Generator(np.random.PCG64(seed))
    if kind == "uniform":
        low = _number(spec, "low", -1.0, node)
        high = _number(spec, "high", 1.0, node)
        if not low < high:
            raise ModelError(f"init low {low} must be below high {high}", node)
        return (low + (high - low) * rng.random(size)).reshape(shape)
    std = _number(spec, "std", 1.0, node)
    mean = _number(spec, "mean", 0.0, node)
    if std < 0:
        raise ModelError(f"init std must not be negative, got {std}", node)
    pairs = (size + 1) // 2
    u1 = 1.0 - rng.random(pairs)  # in (0, 1], so the log is finite
    u2 = rng.random(pairs)
    radius = np.sqrt(-2.0 * np.log(u1))
    normal = np.concatenate([radius * np.cos(2 * np.pi * u2), radius * np.sin(2 * np.pi * u2)])
    return (mean + std * normal[:size]).reshape(shape)
