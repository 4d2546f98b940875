"""One node as a model file writes it (:class:`NodeSpec`), and the check of its canvas position.

A :class:`~explorer.model.graph.Model` is built from a list of these and
checks them together; :func:`check_pos` is the one check a node's ``pos``
needs on its own (the file reader uses it too).
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Any

import numpy as np
import numpy.typing as npt

from explorer.model import limits
from explorer.model.errors import ModelError
from explorer.model.messages import define, message
from explorer.model.quote import shown
from explorer.ops import OPS, Op

define({
    "model.pos_non_finite": "pos holds a non-finite number: {pos}",
    "model.pos_past_limit": "pos {pos} is past the canvas limit ±{limit:,.0f}",
    "model.pos_not_pair": "pos must be [x, y], got {pos}",
})

Array = npt.NDArray[np.float64]
Shape = tuple[int, ...]
#: The data ops: an ``input`` or a ``target`` may say ``"requires_grad"``.
DATA_OPS = ("input", "target")


@dataclass(frozen=True)
class NodeSpec:
    """One node as the model file writes it.

    ``value`` is the array given in the file (1-D or 2-D, any numbers), or
    ``None`` for an op node or a parameter made by ``init``.
    """

    id: str
    op: str
    inputs: Mapping[str, str] = field(default_factory=dict)
    value: Array | None = None
    shape: Shape | None = None
    init: Mapping[str, Any] | None = None
    label: str | None = None
    pos: tuple[float, float] | None = None
    #: on an ``input`` or ``target`` node, whether the backward pass computes its gradient;
    #: ``None`` (no key in the file) behaves as ``True``, as files written before the key did
    requires_grad: bool | None = None

    @property
    def info(self) -> Op:
        return OPS[self.op]

    def with_(self, **changes: Any) -> NodeSpec:
        """A copy with some fields changed."""
        return replace(self, **changes)


def check_pos(pos: object, node: str) -> tuple[float, float]:
    """Return ``pos`` as ``(x, y)`` if it is two finite numbers within ``limits.MAX_POS`` of 0, else raise."""
    numbers = list(pos) if isinstance(pos, tuple | list) else []
    if len(numbers) == 2 and all(
        isinstance(v, int | float | np.integer | np.floating) and not isinstance(v, bool) for v in numbers
    ):
        try:
            x, y = float(numbers[0]), float(numbers[1])
        except OverflowError:
            x = y = math.inf
        if not (math.isfinite(x) and math.isfinite(y)):
            raise ModelError(message("model.pos_non_finite", pos=shown(pos)), node)
        if abs(x) > limits.MAX_POS or abs(y) > limits.MAX_POS:
            raise ModelError(message("model.pos_past_limit", pos=shown(pos), limit=limits.MAX_POS), node)
        return (x, y)
    raise ModelError(message("model.pos_not_pair", pos=shown(pos)), node)
