"""The window in a lecture room: View → Present (F5) and Help → Lecture tour, and Esc that leaves them.

:func:`install_classroom` is the one place the main window calls. Esc leaves
presentation mode first, then the tour (one key, one level at a time); it is
the window's only while one of them is on, so elsewhere Esc stays the
fields' and the dialogs'.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QSignalBlocker
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu

from explorer.ui.shell.parts import ShellWindow
from explorer.ui.shell.present import Presentation
from explorer.ui.shell.tour import Tour
from explorer.ui.text.i18n import translate


class Classroom(QObject):
    """Presentation mode and the lecture tour of one window, with their actions."""

    def __init__(self, window: ShellWindow, view_menu: QMenu | None, help_menu: QMenu | None) -> None:
        super().__init__(window)
        self._window = window
        self.presentation = Presentation(window)
        self.tour = Tour(window)
        self.present_action = QAction(translate("MainWindow", "&Present"), window)
        self.present_action.setCheckable(True)
        self.present_action.setShortcut(QKeySequence("F5"))
        self.present_action.setToolTip(
            translate("MainWindow", "Large type, high contrast and the step's formula as a caption, for a projector (F5; Esc leaves)")
        )
        self.present_action.toggled.connect(self._on_present_toggled)
        self.tour_action = QAction(translate("MainWindow", "Lecture &tour"), window)
        self.tour_action.setToolTip(
            translate("MainWindow", "The lecture's \"Play with Toy Example\", slide by slide (Page Down / Page Up; Esc leaves)")
        )
        self.tour_action.triggered.connect(lambda: self.tour.start())
        self.escape_action = QAction(translate("MainWindow", "Leave presentation or tour"), window)
        self.escape_action.setShortcut(QKeySequence("Esc"))
        self.escape_action.setEnabled(False)
        self.escape_action.triggered.connect(self.escape)
        window.addActions([self.present_action, self.tour_action, self.escape_action])
        if view_menu is not None:
            view_menu.addSeparator()
            view_menu.addAction(self.present_action)
        if help_menu is not None:
            first = help_menu.actions()[0] if help_menu.actions() else None
            if first is None:
                help_menu.addAction(self.tour_action)
            else:
                help_menu.insertAction(first, self.tour_action)
        self.presentation.toggled.connect(self._on_mode_changed)
        self.tour.stop_changed.connect(lambda _index: self._on_mode_changed())
        self.tour.ended.connect(self._on_mode_changed)

    def _on_present_toggled(self, on: bool) -> None:
        self.presentation.set_active(on)

    def escape(self) -> None:
        """Esc: leave presentation mode if on, else the tour."""
        if self.presentation.active:
            self.presentation.leave()
        elif self.tour.active:
            self.tour.close()

    def _on_mode_changed(self, *_: object) -> None:
        with QSignalBlocker(self.present_action):
            self.present_action.setChecked(self.presentation.active)
        self.escape_action.setEnabled(self.presentation.active or self.tour.active)
        dock = self.tour.dock  # leaving presentation restored the docks as they were, the tour's too: it follows the tour
        if dock is not None and dock.isVisible() != self.tour.active:
            dock.setVisible(self.tour.active)


def install_classroom(window: ShellWindow, view_menu: QMenu | None = None, help_menu: QMenu | None = None) -> Classroom:
    """Add View → Present (F5), Help → Lecture tour and Esc to ``window``; it keeps them as ``window.classroom``."""
    return Classroom(window, view_menu, help_menu)
