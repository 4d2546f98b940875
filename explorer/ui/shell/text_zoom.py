"""Text zoom for the whole window: View → Larger text (Ctrl+=), Smaller text (Ctrl+−), Actual size (Ctrl+0).

One factor (:mod:`explorer.ui.kit.text_zoom`) scales the application's font,
so every widget that draws in it grows: the toolbars, the menus, the docks'
titles, the inspector's tabs and its rich text (whose sizes are relative:
``large``, ``x-large``). What fixed a size of its own grows by the same
factor: a widget's own font (a heatmap's title), the plots' tick labels, the
toolbars' icons; a view that draws in pixels (a colour bar, a heatmap's
numbers) asks :func:`~explorer.ui.kit.text_zoom.zoomed` for them. The factor
is remembered in the settings and applied when the window opens; presentation
mode grows by it too (it is left and entered again around a change).
"""

from __future__ import annotations

import sys

import shiboken6
from PySide6.QtCore import QEvent, QObject, QSize, Qt, Signal
from PySide6.QtGui import QAction, QFont, QKeySequence
from PySide6.QtWidgets import QApplication, QDockWidget, QMainWindow, QToolBar, QWidget

from explorer.ui.kit.settings import Settings
from explorer.ui.kit.text_zoom import next_zoom, set_zoom_factor, zoom_factor
from explorer.ui.kit.theme import current_theme, themes
from explorer.ui.shell.large_type import fixes_size, scaled
from explorer.ui.text.i18n import translate

_ZOOM_TITLED = "text_zoom_titled"  # a dock's property: its title font is the zoom's, not its own


class TextZoom(QObject):
    """The text zoom of one main window, with its three actions (see the module's description).

    Signals
    -------
    changed(float)
        The factor now (1 for the everyday size).
    """

    changed = Signal(float)

    def __init__(self, window: QMainWindow, settings: Settings) -> None:
        super().__init__(window)
        self._window = window
        self._settings = settings
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        self._base = scaled(app.font(), 1 / zoom_factor())  # the everyday font, whatever a window set before
        self._icons: dict[QToolBar, QSize] = {}
        self.larger_action = self._action(translate("MainWindow", "&Larger text"), 1, ["Ctrl+=", "Ctrl++"])
        self.smaller_action = self._action(translate("MainWindow", "S&maller text"), -1, ["Ctrl+-"])
        self.actual_action = self._action(translate("MainWindow", "&Actual text size"), 0, ["Ctrl+0"])
        self.actions = (self.larger_action, self.smaller_action, self.actual_action)

    def _action(self, text: str, steps: int, keys: list[str]) -> QAction:
        action = QAction(text, self._window)
        action.setShortcuts([QKeySequence(key) for key in keys])
        native = ", ".join(QKeySequence(key).toString(QKeySequence.SequenceFormat.NativeText) for key in keys)
        action.setToolTip(f"{text.replace('&', '')} ({native})")
        action.triggered.connect(lambda: self.set_factor(next_zoom(zoom_factor(), steps) if steps else 1.0))
        self._window.addAction(action)
        return action

    def restore(self) -> None:
        """Show the factor the settings remember (once the window's parts are built)."""
        remembered = self._settings.text_zoom
        if remembered != 1.0 or zoom_factor() != 1.0:  # another window may have left the application's font zoomed
            self.set_factor(remembered, remember=False)

    @property
    def factor(self) -> float:
        return zoom_factor()

    def set_factor(self, factor: float, remember: bool = True) -> float:
        """Draw every text of the window at ``factor`` (clamped to 0.8…2.5); the factor set."""
        presentation = getattr(getattr(self._window, "classroom", None), "presentation", None)
        if presentation is not None and not presentation.active:
            presentation = None  # only a presentation on is left and entered again
        full_screen = self._window.isFullScreen()
        if presentation is not None:
            presentation.leave()  # it puts back the everyday fonts; it grows again from the new ones
        old = zoom_factor()
        new = set_zoom_factor(factor)
        self._apply(new / old)
        if remember:
            self._settings.text_zoom = new
        if presentation is not None:
            presentation.enter(full_screen)
        self.smaller_action.setEnabled(next_zoom(new, -1) < new)
        self.larger_action.setEnabled(next_zoom(new, 1) > new)
        self.actual_action.setEnabled(new != 1.0)
        if remember:
            self._window.statusBar().showMessage(
                translate("MainWindow", "Text size {percent} %").format(percent=round(new * 100)), 4000
            )
        self.changed.emit(new)
        return new

    def _apply(self, ratio: float) -> None:
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        w = self._window
        own = [
            widget for widget in w.findChildren(QWidget)
            if widget.testAttribute(Qt.WidgetAttribute.WA_SetFont) and fixes_size(widget.font()) and not widget.property(_ZOOM_TITLED)
        ]  # fmt: skip
        app.setFont(scaled(self._base, zoom_factor()))
        # the application tells its widgets only while its event loop runs (not in a command or a test): tell them
        QApplication.sendEvent(w, QEvent(QEvent.Type.ApplicationFontChange))
        for widget in own:
            widget.setFont(scaled(widget.font(), ratio))
        # a dock draws its title in the font it cached when it was made: the same font, told apart by a style
        # strategy that draws alike, makes it take the new one (as presentation mode does)
        title = QFont(app.font())
        title.setStyleStrategy(QFont.StyleStrategy.PreferAntialias)
        for dock in w.findChildren(QDockWidget):
            if dock.property(_ZOOM_TITLED) or not dock.testAttribute(Qt.WidgetAttribute.WA_SetFont):
                dock.setProperty(_ZOOM_TITLED, True)
                dock.setFont(title)
        for bar in w.findChildren(QToolBar):
            base = self._icons.setdefault(bar, bar.iconSize())
            if shiboken6.isValid(bar):
                bar.setIconSize(QSize(round(base.width() * zoom_factor()), round(base.height() * zoom_factor())))
        _scale_plot_ticks(w, ratio)
        # the views that style themselves from the theme (the plots' titles) read the zoom there: the same path
        themes().changed.emit(current_theme().name)


def _scale_plot_ticks(window: QMainWindow, ratio: float) -> None:
    """The pyqtgraph axes that fixed their tick font: scaled by ``ratio`` (the others follow the application's)."""
    if "pyqtgraph" not in sys.modules:
        return
    import pyqtgraph as pg

    for view in window.findChildren(pg.GraphicsView):
        for item in view.scene().items():
            if isinstance(item, pg.AxisItem) and isinstance(item.style.get("tickFont"), QFont):
                item.setStyle(tickFont=scaled(item.style["tickFont"], ratio))
