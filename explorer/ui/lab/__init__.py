"""The learning lab: one gradient-descent update seen, training off the UI thread, and its plots.

:func:`install_learning_lab` is the one place the main window calls.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from explorer.ui.lab.window import LabWindow

if TYPE_CHECKING:
    from explorer.ui.lab.lab import LearningLab


def install_learning_lab(window: LabWindow) -> LearningLab:
    """Add the lab's toolbar, Learn menu and docks to ``window``; the lab follows the theme.

    The window declares what the lab reads of it (:class:`LabWindow`); it keeps the lab returned (``window.learning_lab``).
    """
    from explorer.ui.lab.lab import LearningLab  # pyqtgraph's plots: not before the window's first frame

    lab = LearningLab(window)
    _follow_theme(lab)
    return lab


def _follow_theme(lab: LearningLab) -> None:
    """Repaint the lab's docks whenever the theme changes (from the menu or the system)."""
    from explorer.ui.kit.theme import themes

    themes().changed.connect(lab.apply_theme)


__all__ = ["LabWindow", "install_learning_lab"]
