"""The learning lab: one gradient-descent update seen, training off the UI thread, and its plots.

:func:`install_learning_lab` is the one place the main window calls.
"""

from __future__ import annotations

from PySide6.QtWidgets import QMainWindow

from explorer.ui.lab.lab import LearningLab


def install_learning_lab(window: QMainWindow) -> LearningLab:
    """Add the lab's toolbar, Learn menu and docks to ``window``; the lab follows the theme.

    The window needs a ``controller``. The lab is kept as ``window.learning_lab``.
    """
    lab = LearningLab(window)
    _follow_theme(window, lab)
    window.learning_lab = lab
    return lab


def _follow_theme(window: QMainWindow, lab: LearningLab) -> None:
    """Repaint the lab when the theme changes: the theme's ``changed`` signal where there is one,
    else after the window's own dark-theme switch."""
    from explorer.ui.kit import theme
    manager = getattr(theme, "themes", None)
    if callable(manager):
        manager().changed.connect(lab.apply_theme)
        return
    # until the theme has a signal: after the window's own switches (their slots run first, so the theme is set)
    dark = getattr(window, "dark_action", None)
    if dark is not None:
        dark.triggered.connect(lab.apply_theme)
    group = getattr(window, "theme_group", None)  # View → Theme
    if group is not None:
        group.triggered.connect(lab.apply_theme)


__all__ = ["LearningLab", "install_learning_lab"]
