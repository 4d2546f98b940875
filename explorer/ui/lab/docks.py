"""A dock whose content is built when it is first shown.

The lab's four docks exist from the start (the window restores them, the
View menu toggles them), but their plots cost most of building a window.
A :class:`LazyDock` builds its widget the first time it is shown, just
after the frame that shows it, or at once when asked for it
(:meth:`LazyDock.content`). A dock the settings remember open is built the
same way, once the window has shown itself.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QDockWidget, QWidget


class LazyDock(QDockWidget):
    """A dock titled ``title``, named ``name``, whose widget ``build()`` makes when first needed."""

    built = Signal(QWidget)  # the content, just made

    def __init__(self, title: str, name: str, build: Callable[[], QWidget], parent: QWidget) -> None:
        super().__init__(title, parent)
        self.setObjectName(name)
        self._build: Callable[[], QWidget] | None = build
        self.visibilityChanged.connect(self._on_visibility_changed)

    @property
    def is_built(self) -> bool:
        return self._build is None

    def content(self) -> QWidget:
        """The dock's widget, built now if it was not yet."""
        if self._build is not None:
            build, self._build = self._build, None
            widget = build()
            self.setWidget(widget)
            self.built.emit(widget)
        widget = self.widget()
        assert widget is not None
        return widget

    def _on_visibility_changed(self, visible: bool) -> None:
        if visible and self._build is not None:
            QTimer.singleShot(0, self, self.content)  # after the frame that shows the dock
