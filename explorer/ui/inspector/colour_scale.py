"""How a heatmap maps numbers to colours: its own maximum, a maximum shared across layers, or a log scale.

Each heatmap scaled to its own maximum makes a gradient of 1e-5 look exactly
like one of 7. A shared scale uses one maximum for a whole group (every
parameter's gradient at this step, say), so a vanishing gradient (기울기 소실)
shows pale. The log scale maps ``x`` to ``sign(x) · log₁₀(1 + |x|/floor)``
with the floor :data:`LOG_DECADES` decades below the maximum, so small and
large magnitudes both show. :meth:`ColourScale.describe` says which scale is
in use, in words printed under every heatmap. Pure numpy: no widgets.
"""

from __future__ import annotations

import contextlib
import math
import weakref
from dataclasses import dataclass

import numpy as np

from explorer.engine import Session
from explorer.lesson.matrix_format import format_cell, symmetric_levels
from explorer.ui.text.i18n import translate

#: The log scale's floor lies this many decades under the largest magnitude.
LOG_DECADES = 8
OWN, SHARED = "own", "shared"


def log_floor(top: float) -> float:
    """The floor of the log scale for a largest magnitude ``top``: a power of ten, 8 decades down.

    >>> log_floor(7.3), log_floor(0.02)
    (1e-08, 1e-10)
    """
    if not math.isfinite(top) or top <= 0.0:
        return 1.0
    return float(10.0 ** (math.floor(math.log10(top)) - LOG_DECADES))


@dataclass(frozen=True)
class ColourScale:
    """The magnitude ``top`` that reaches the ends of the colour map, and how values get there.

    ``group`` names what a shared maximum was taken over (empty for the heatmap's own maximum).
    """

    top: float
    log: bool = False
    group: str = ""

    @property
    def floor(self) -> float:
        return log_floor(self.top)

    def colour_values(self, array: np.ndarray) -> np.ndarray:
        """What the colour map is applied to: the values, or ``sign · log₁₀(1 + |x|/floor)``.

        >>> np.round(ColourScale(100.0, log=True).colour_values(np.array([-100.0, 0.0, 1e-6])), 3)
        array([-8.   ,  0.   ,  0.301])
        """
        a = np.asarray(array, dtype=np.float64)
        if not self.log:
            return a
        with np.errstate(over="ignore", invalid="ignore"):
            return np.sign(a) * np.log10(1.0 + np.abs(a) / self.floor)

    def levels(self) -> tuple[float, float]:
        """The colour levels in the units of :meth:`colour_values`, symmetric about zero."""
        if not self.log:
            return (-self.top, self.top)
        end = math.log10(1.0 + self.top / self.floor)
        return (-end, end)

    def describe(self) -> str:
        """``colour scale ±7.3 (shared across layers)``: which scale, its reach and its floor."""
        top = format_cell(self.top, 3)
        where = self.group or translate("ColourScale", "own maximum")
        if self.log:
            return translate("ColourScale", "log colour scale: sign·log₁₀(1 + |x| / {floor}), floor {floor}, up to ±{top} ({where})").format(
                floor=format_cell(self.floor, 1), top=top, where=where
            )
        return translate("ColourScale", "colour scale ±{top} ({where})").format(top=top, where=where)

    def ticks(self) -> list[list[tuple[float, str]]]:
        """Colour-bar ticks for the log scale: true values at their log positions (the ends, zero, decades)."""
        end = self.levels()[1]
        major = [(-end, format_cell(-self.top, 3)), (0.0, "0"), (end, format_cell(self.top, 3))]
        minor = []
        exponent = math.floor(math.log10(self.top)) if self.top > 0 else 0
        for k in range(exponent - LOG_DECADES + 2, exponent + 1, 2):
            value = 10.0**k
            position = math.log10(1.0 + value / self.floor)
            if position < 0.9 * end:
                minor += [(-position, format_cell(-value, 1)), (position, format_cell(value, 1))]
        return [major, sorted(minor)]


def scale_for(array: np.ndarray, mode: str, log: bool, shared_top: float | None, group: str) -> ColourScale:
    """The scale a heatmap of ``array`` uses: its own maximum, or ``shared_top`` over ``group``.

    >>> scale_for(np.array([1e-5]), "shared", False, 7.3, "shared across layers").describe()
    'colour scale ±7.3 (shared across layers)'
    >>> scale_for(np.array([1e-5]), "own", False, 7.3, "shared across layers").top
    1e-05
    """
    own = symmetric_levels(array)[1]
    if mode == SHARED and shared_top is not None and math.isfinite(shared_top) and shared_top > 0.0:
        return ColourScale(max(shared_top, own), log, group)
    return ColourScale(own, log)


def shared_top(session: Session, node: str, kind: str) -> tuple[float | None, str]:
    """The largest magnitude over ``node``'s group at this step, and the group's name.

    A parameter is compared with every parameter; any other node with every
    node but the loss (inputs, layers, activations, targets). ``kind`` is
    ``"value"`` or ``"grad"``; ``None`` while nothing in the group is known.
    """
    model = session.model
    params = model.params
    if node in params:
        group: list[str] = list(params)
        if kind == "value":
            what = translate("ColourScale", "shared across all parameters")
        else:
            what = translate("ColourScale", "shared across all parameters' gradients")
    else:
        group = [n for n in model.order if n not in params and n != model.loss_id]
        if kind == "value":
            what = translate("ColourScale", "shared across layers")
        else:
            what = translate("ColourScale", "shared across layers' gradients")
    tops = []
    for n in group:
        array = session.value(n) if kind == "value" else session.grad(n)
        if array is not None:
            tops.append(finite_top(array))
    return (max(tops) if tops else None), what


#: ``id(array) -> (weak reference to it, its largest finite magnitude)``: a step makes one new
#: array, so the shared scale looks at one array a step, not at every layer's again.
_TOPS: dict[int, tuple[weakref.ref[np.ndarray], float]] = {}


def finite_top(array: np.ndarray) -> float:
    """The largest finite magnitude in ``array`` (0 when none), remembered while the array lives.

    The session's arrays are never changed in place, so an array's maximum is
    worked out once.

    >>> finite_top(np.array([[1.0, -3.0], [np.inf, np.nan]]))
    3.0
    """
    key = id(array)
    known = _TOPS.get(key)
    if known is not None and known[0]() is array:
        return known[1]
    finite = np.abs(array[np.isfinite(array)])
    top = float(finite.max(initial=0.0))

    def forget(_: object, key: int = key) -> None:  # the array is gone: so is what was known of it
        _TOPS.pop(key, None)

    with contextlib.suppress(TypeError):  # a type without weak references: nothing remembered
        _TOPS[key] = (weakref.ref(array, forget), top)
    return top
