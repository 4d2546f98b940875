"""The main window as the classroom sees it: a ``QMainWindow`` with the parts presentation and the tour read.

The main window (:class:`~explorer.ui.shell.main_window.MainWindow`) derives
from :class:`ShellWindow` and assigns these parts where it builds them; this
class only declares them, so :mod:`.present`, :mod:`.tour` and
:mod:`.classroom` are checked against them without importing the window.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from explorer.ui.lab.window import LabWindow

if TYPE_CHECKING:  # declared only: the window imports its parts when it builds them
    from explorer.ui.canvas.pane import CanvasPane
    from explorer.ui.canvas.scene import GraphScene, GraphView
    from explorer.ui.inspector.panel import Inspector
    from explorer.ui.shell.files import DocumentFiles


class ShellWindow(LabWindow):
    """A main window with its files, canvas and inspector, besides what the lab reads (:class:`LabWindow`)."""

    files: DocumentFiles
    scene: GraphScene
    view: GraphView
    canvas_pane: CanvasPane
    inspector: Inspector
