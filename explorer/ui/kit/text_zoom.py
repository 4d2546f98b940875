"""How large the window's text is drawn: one factor for the application's font and every size fixed in pixels.

The window's text zoom (View → Larger text, Ctrl+=) scales the application's
font; a size a view fixes for itself (a colour bar's labels, a heatmap's
numbers) asks :func:`zoomed` for its pixels, so it grows with the rest.
Rich text names its sizes relative to the font it is drawn in (``large``,
``x-large``), so it needs nothing. The factor is set by the window
(:mod:`explorer.ui.shell.text_zoom`), which remembers it.
"""

from __future__ import annotations

#: The factors Larger text and Smaller text step through; 1 is the everyday size.
ZOOM_STEPS = (0.8, 0.9, 1.0, 1.1, 1.25, 1.5, 1.75, 2.0, 2.5)
MIN_ZOOM, MAX_ZOOM = ZOOM_STEPS[0], ZOOM_STEPS[-1]

_factor = 1.0


def zoom_factor() -> float:
    """The text zoom now (1 for the everyday size)."""
    return _factor


def set_zoom_factor(factor: float) -> float:
    """Set the text zoom (clamped to [MIN_ZOOM, MAX_ZOOM]); the factor set."""
    global _factor
    _factor = min(MAX_ZOOM, max(MIN_ZOOM, float(factor)))
    return _factor


def zoomed(pixels: float) -> int:
    """``pixels`` at the text zoom now, at least one.

    >>> zoomed(11)
    11
    """
    return max(1, round(pixels * _factor))


def next_zoom(factor: float, steps: int) -> float:
    """The zoom ``steps`` rungs of :data:`ZOOM_STEPS` from ``factor`` (up when positive).

    >>> next_zoom(1.0, 1), next_zoom(1.0, -1), next_zoom(2.5, 1), next_zoom(1.05, 1)
    (1.1, 0.9, 2.5, 1.1)
    """
    if steps > 0:
        above = [step for step in ZOOM_STEPS if step > factor + 1e-9]
        return above[min(steps, len(above)) - 1] if above else MAX_ZOOM
    below = [step for step in ZOOM_STEPS if step < factor - 1e-9]
    return below[max(steps, -len(below))] if below else MIN_ZOOM
