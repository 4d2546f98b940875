"""The main window as practice mode sees it: a ``QMainWindow`` with a controller and a way to show an error.

The main window (:class:`~explorer.ui.shell.main_window.MainWindow`) derives
from :class:`PracticeWindow` (through the lab's
:class:`~explorer.ui.lab.window.LabWindow`) and assigns these parts where it
builds them; this class only declares them, so practice, a room below the
window, is checked against them without importing the window.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QMainWindow

if TYPE_CHECKING:  # declared only: the window's first frame comes before the document's modules
    from explorer.ui.document.controller import Controller


class PracticeWindow(QMainWindow):
    """A main window with a controller, that says a refusal in its status bar and a warning."""

    controller: Controller

    if TYPE_CHECKING:

        def show_error(self, text: str) -> None: ...
