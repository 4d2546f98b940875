"""The records a stepping session hands out: a step of its plan, and what is known about a node at a step,
its arrays made read-only (:func:`frozen`)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

import numpy as np
import numpy.typing as npt

Array = npt.NDArray[np.float64]
Phase = Literal["forward", "backward"]

_FLOAT64 = np.dtype(np.float64)


def frozen(array: Array) -> Array:
    """``array`` as float64, made read-only in place: shared, never copied when it already is float64."""
    if type(array) is not np.ndarray or array.dtype is not _FLOAT64:
        array = np.asarray(array, dtype=np.float64)
    array.setflags(write=False)
    return array


@dataclass(frozen=True)
class Step:
    """One step of the plan. ``index`` counts from 1."""

    index: int
    phase: Phase
    node: str



@dataclass(frozen=True)
class Contribution:
    """One consumer's share of a node's gradient: ``Jᵀ δ`` through one port.

    ``upstream_grad`` is ``dL/d(consumer)`` (the ``δ`` or ``v`` of the
    lecture) and ``grad`` the vector-Jacobian product it gives this node.
    """

    consumer: str
    port: str
    upstream_grad: Array
    grad: Array


@dataclass(frozen=True)
class NodeState:
    """What is known about a node at one step; ``None`` where not reached."""

    value: Array | None
    grad: Array | None
    upstream: tuple[Contribution, ...] = ()

    @property
    def upstream_grad(self) -> Array | None:
        """``dL/d(consumer)`` when the node has exactly one consumer."""
        return self.upstream[0].upstream_grad if len(self.upstream) == 1 else None
