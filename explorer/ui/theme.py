"""The palette: what each colour means, in a light and a dark theme.

Forward values are blue, gradients orange, nodes not reached grey, and the
current step's node carries a strong accent outline. Matrices use a
diverging colour map centred at zero (pyqtgraph's ``CET-D1``: blue for
negative, white/grey for zero, red for positive) with symmetric levels.
Every widget takes its colours from :func:`current_theme`, never literals.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QColor


@dataclass(frozen=True)
class Theme:
    name: str
    background: QColor  # canvas background
    panel: QColor  # node body when not reached
    text: QColor
    muted_text: QColor
    grid: QColor
    idle_border: QColor  # not reached: grey
    forward: QColor  # value known: blue
    forward_fill: QColor
    gradient: QColor  # gradient known: orange
    gradient_fill: QColor
    current: QColor  # the current step's node and edge
    edge: QColor
    error: QColor
    ok: QColor
    # the window's own chrome (menus, panels, fields, buttons)
    chrome: QColor
    field: QColor
    button: QColor
    colormap: str = "CET-D1"


LIGHT = Theme(
    name="light",
    background=QColor("#fbfbfd"),
    panel=QColor("#ffffff"),
    text=QColor("#1d2330"),
    muted_text=QColor("#667085"),
    grid=QColor("#eceef3"),
    idle_border=QColor("#b8bec9"),
    forward=QColor("#1f6fd1"),
    forward_fill=QColor("#e3eefc"),
    gradient=QColor("#e8710a"),
    gradient_fill=QColor("#fdeedd"),
    current=QColor("#7b2fd0"),
    edge=QColor("#8a93a3"),
    error=QColor("#c62828"),
    ok=QColor("#2e7d32"),
    chrome=QColor("#efeff2"),
    field=QColor("#ffffff"),
    button=QColor("#e4e5ea"),
)

DARK = Theme(
    name="dark",
    background=QColor("#1b1e24"),
    panel=QColor("#262a33"),
    text=QColor("#e8eaf0"),
    muted_text=QColor("#9aa3b2"),
    grid=QColor("#2c313b"),
    idle_border=QColor("#5a6170"),
    forward=QColor("#5aa2ff"),
    forward_fill=QColor("#1f3452"),
    gradient=QColor("#ffa24d"),
    gradient_fill=QColor("#4a3320"),
    current=QColor("#c59bff"),
    edge=QColor("#8a93a3"),
    error=QColor("#ff6b6b"),
    ok=QColor("#7bd389"),
    chrome=QColor("#23262d"),
    field=QColor("#1b1e24"),
    button=QColor("#2c313b"),
)

THEMES = {"light": LIGHT, "dark": DARK}
_current: Theme = LIGHT


def current_theme() -> Theme:
    return _current


def set_theme(name: str) -> Theme:
    """Switch the theme for widgets drawn from now on; views re-read it on repaint."""
    global _current
    _current = THEMES[name]
    return _current
