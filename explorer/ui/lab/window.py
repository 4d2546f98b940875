"""The main window as the lab sees it: a ``QMainWindow`` with the parts the lab reads (and practice mode's).

The main window (:class:`~explorer.ui.shell.main_window.MainWindow`) derives
from :class:`LabWindow` and assigns these parts where it builds them; this
class only declares them, so the lab, a room below the window, is checked
against them without importing the window.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtGui import QAction

from explorer.ui.kit.dialogs import Dialogs
from explorer.ui.practice.window import PracticeWindow


class LabWindow(PracticeWindow):
    """A main window with a controller (:class:`PracticeWindow`), dialogs and the actions the lab's menu entries go next to."""

    dialogs: Dialogs
    step_actions: Sequence[QAction]  # the Step menu holds them
    export_action: QAction  # File → Export snapshot…
    copy_image_action: QAction
    fit_action: QAction  # View → Fit to view
    zoom_out_action: QAction
