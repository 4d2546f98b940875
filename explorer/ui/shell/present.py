"""Presentation mode (View → Present, F5; Esc leaves): the window read from the back of a room.

Entering, the type grows everywhere (the application's font, every font a
widget fixed for itself, the plots' tick labels), the theme turns to its
high-contrast variant with thick lines (:data:`~explorer.ui.kit.theme.HIGH_CONTRAST`),
the canvas zooms in, the current step's formula shows as a large caption
under the canvas, the pointer becomes a large arrow, the tools a lecture
does not need (every toolbar but the steps', the node list, the lab's docks) go, and
the window fills the screen. Sizes follow the height shown: at 1280×720 the
body text is 20 px and the caption 36 px (:func:`type_sizes`), and larger by the
window's text zoom (:mod:`explorer.ui.shell.text_zoom`).

Leaving puts back exactly what was there: the fonts, the theme, the docks
and toolbars, the window's geometry and state, the canvas's zoom.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import shiboken6
from PySide6.QtCore import QEvent, QObject, QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontInfo, QTransform
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QLabel,
    QSizePolicy,
    QToolBar,
    QWidget,
)

from explorer.ui.canvas.step_header import step_formula
from explorer.ui.kit.guard import guarded
from explorer.ui.kit.text_zoom import zoomed
from explorer.ui.kit.theme import current_theme, themes
from explorer.ui.shell.large_type import (
    enlarge_cell_numbers,
    enlarge_plots,
    fixes_size,
    large_pointer,
    restore_cell_numbers,
    restore_plots,
    scaled,
)
from explorer.ui.shell.parts import ShellWindow
from explorer.ui.text.i18n import translate
from explorer.ui.text.plain import one_line

# The smallest sizes, in pixels, whatever the screen: body text and the caption's formula.
BODY_PX = 20
CAPTION_PX = 28
# The canvas zooms in at least this far (its labels then read at 22 px and more).
PRESENT_ZOOM = 1.3
# Docks that stay: the inspector and the lecture tour.
KEPT_DOCKS = ("inspector", "tour")


def type_sizes(height: int) -> tuple[int, int]:
    """(body text, caption) in pixels for a screen ``height`` pixels high: 20 and 36 at 720.

    >>> type_sizes(720), type_sizes(1080), type_sizes(480)
    ((20, 36), (30, 54), (20, 28))
    """
    return max(BODY_PX, round(height / 36)), max(CAPTION_PX, round(height / 20))


class Caption(QLabel):
    """The current step's formula, large, under the canvas (shown in presentation mode only)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("present_caption")
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setWordWrap(True)
        self.setAutoFillBackground(True)
        self.setMargin(8)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self._colour = current_theme().text

    def set_pixel_size(self, pixels: int) -> None:
        font = QFont(self.font())
        font.setPixelSize(pixels)
        font.setBold(True)
        self.setFont(font)

    def show_formula(self, text: str, colour: QColor) -> None:
        self._colour = colour
        self.setText(one_line(text, 300))
        self.apply_theme()

    def apply_theme(self) -> None:
        theme = current_theme()
        palette = self.palette()
        # set off from the canvas: the chrome's grey in light, the panels' in dark (the canvas is white or black)
        palette.setColor(self.backgroundRole(), theme.chrome if theme.name == "light" else theme.panel)
        palette.setColor(self.foregroundRole(), self._colour)
        self.setPalette(palette)


@dataclass
class _Saved:
    """What entering changed, to put back on leaving."""

    app_font: QFont
    fonts: list[tuple[QWidget, QFont]]
    geometry: QRect
    state: bytes
    window_state: Qt.WindowState
    icon_sizes: list[tuple[QToolBar, QSize]]
    transform: QTransform
    scroll: tuple[int, int]
    auto_fit: tuple[float | None] | None
    contrast: bool
    cursor: bool = False
    axes: list[tuple[object, object]] = field(default_factory=list)  # (pyqtgraph axis, its tick font)
    pens: list[tuple[object, object]] = field(default_factory=list)  # (pyqtgraph curve, its pen)
    titled: list[QDockWidget] = field(default_factory=list)  # docks given a title font of their own
    cells: tuple[int, int] | None = None  # the heatmaps' number sizes (comfortable, largest)


class Presentation(QObject):
    """Presentation mode of one main window (see the module's description).

    Signals
    -------
    toggled(bool)
        The mode was entered (True) or left (False).
    """

    toggled = Signal(bool)

    def __init__(self, window: ShellWindow) -> None:
        super().__init__(window)
        self._window = window
        self._saved: _Saved | None = None
        self.caption: Caption | None = None  # made on the first entry
        self.sizes = type_sizes(720)
        window.installEventFilter(self)  # closing the window leaves the mode first (see eventFilter)

    @property
    def active(self) -> bool:
        return self._saved is not None

    def set_active(self, on: bool, full_screen: bool = True) -> None:
        """Enter (``on``) or leave presentation mode; nothing when it already is so."""
        if on and not self.active:
            self.enter(full_screen)
        elif not on and self.active:
            self.leave()

    # -- entering -------------------------------------------------------------

    def enter(self, full_screen: bool = True) -> None:
        """Everything large, high-contrast and thick; the window on the whole screen when ``full_screen``."""
        if self.active:
            return
        w = self._window
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        screen = w.screen()
        height = screen.geometry().height() if full_screen and screen is not None else w.height()
        least = type_sizes(height)
        self.sizes = body, caption_px = zoomed(least[0]), zoomed(least[1])  # Ctrl+= grows them too
        view = w.view
        self._build_inspector_tabs()  # built now, their own fonts are scaled below and put back on leaving
        saved = _Saved(
            app_font=QFont(app.font()),
            fonts=[],
            geometry=w.geometry(),
            state=bytes(w.saveState().data()),
            window_state=w.windowState(),
            icon_sizes=[(bar, bar.iconSize()) for bar in w.findChildren(QToolBar)],
            transform=view.transform(),
            scroll=(view.horizontalScrollBar().value(), view.verticalScrollBar().value()),
            auto_fit=view.auto_fit,
            contrast=themes().high_contrast,
        )
        self._saved = saved
        factor = body / max(QFontInfo(app.font()).pixelSize(), 1)
        for widget in w.findChildren(QWidget):
            if widget.testAttribute(Qt.WidgetAttribute.WA_SetFont) and fixes_size(widget.font()):
                saved.fonts.append((widget, QFont(widget.font())))
        bigger = QFont(app.font())
        bigger.setPixelSize(body)
        app.setFont(bigger)
        for widget, font in saved.fonts:
            widget.setFont(scaled(font, factor))
        # a dock whose font is the application's draws its title in the font it cached when it was made (small):
        # the same font, told apart by a style strategy that draws alike, makes it draw in its own
        title = QFont(bigger)
        title.setStyleStrategy(QFont.StyleStrategy.PreferAntialias)
        for dock in w.findChildren(QDockWidget):
            if not dock.testAttribute(Qt.WidgetAttribute.WA_SetFont):
                saved.titled.append(dock)
                dock.setFont(title)
        themes().set_high_contrast(True)  # the views repaint; the lab restyles its curves
        saved.axes, saved.pens = enlarge_plots(w, body)
        saved.cells = enlarge_cell_numbers(factor)
        for bar, size in saved.icon_sizes:
            bar.setIconSize(QSize(round(size.width() * factor), round(size.height() * factor)))
        for dock in w.findChildren(QDockWidget):
            if dock.objectName() not in KEPT_DOCKS:
                dock.hide()
        steps = getattr(w, "steps_toolbar", None)
        for bar in w.findChildren(QToolBar):
            if bar is not steps and bar.parentWidget() is w:
                bar.hide()  # building, training: not what a lecture shows
        self._show_caption(caption_px)
        QApplication.setOverrideCursor(large_pointer(max(32, round(body * 2.2))))
        saved.cursor = True
        if full_screen:
            w.showFullScreen()
        view.fit_to_view(PRESENT_ZOOM)
        self.toggled.emit(True)

    def _build_inspector_tabs(self) -> None:
        """Every inspector tab built now, so its fonts grow with the rest (a tab builds when first shown).

        A view built later, in the mode, would fix its fonts from the large ones and keep them after it.
        """
        tabs = getattr(getattr(self._window, "inspector", None), "tabs", None)
        if tabs is not None:
            for index in range(tabs.count()):
                tabs.view(index)

    def _show_caption(self, pixels: int) -> None:
        w = self._window
        if self.caption is None:
            self.caption = Caption(w.canvas_pane)
            layout = w.canvas_pane.layout()
            assert layout is not None  # the pane lays out its header and the canvas
            layout.addWidget(self.caption)
            w.controller.step_changed.connect(self._refresh_caption)
            w.controller.model_changed.connect(self._refresh_caption)
            w.controller.model_changed.connect(self._refit)
            themes().changed.connect(self._refresh_caption)
        self.caption.set_pixel_size(pixels)
        self._refresh_caption()
        self.caption.show()

    @guarded("showing the step's caption")
    def _refresh_caption(self, *_: object) -> None:
        caption = self.caption
        if caption is None or not self.active:
            return
        controller = self._window.controller
        step, theme = controller.session.current, current_theme()
        if step is None:
            text = translate("Presentation", "Ready: → steps the forward pass (순전파)")
            colour = theme.text
        else:
            text = step_formula(controller.model, step)
            colour = theme.forward if step.phase == "forward" else theme.gradient
        caption.show_formula(text, colour)

    def _refit(self) -> None:
        """Another model (the window fitted it at its everyday zoom): fit it again at the mode's, unless zoomed by hand."""
        view = self._window.view
        if self.active and view.auto_fit is not None:
            view.fit_to_view(PRESENT_ZOOM)

    # -- leaving --------------------------------------------------------------

    @guarded("leaving presentation mode", fallback=False)
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        """The window is closing: leave the mode first, so the layout it saves and the fonts left are the everyday ones."""
        if watched is self._window and event.type() == QEvent.Type.Close and self.active:
            self.leave()
        return False

    def leave(self) -> None:
        """Put back exactly what entering changed."""
        saved = self._saved
        if saved is None:
            return
        w = self._window
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        self._saved = None
        if saved.cursor and QApplication.overrideCursor() is not None:
            QApplication.restoreOverrideCursor()
        if self.caption is not None:
            self.caption.hide()
        restore_plots(saved.axes, saved.pens)
        restore_cell_numbers(saved.cells)
        themes().set_high_contrast(saved.contrast)
        app.setFont(saved.app_font)
        for widget, font in saved.fonts:
            if shiboken6.isValid(widget):
                widget.setFont(font)
        for dock in saved.titled:
            if shiboken6.isValid(dock):
                dock.setFont(QFont())  # no font of its own again: the application's, as before
        for bar, size in saved.icon_sizes:
            if shiboken6.isValid(bar):
                bar.setIconSize(size)
        if w.windowState() != saved.window_state:
            w.setWindowState(saved.window_state)
        if not saved.window_state & (Qt.WindowState.WindowMaximized | Qt.WindowState.WindowFullScreen):
            w.setGeometry(saved.geometry)  # as it was, even larger than the screen (restoreGeometry would shrink it)
        w.restoreState(saved.state)
        view = w.view
        if saved.auto_fit is not None:
            view.fit_to_view(*saved.auto_fit)
        else:
            view.setTransform(saved.transform)
            view.horizontalScrollBar().setValue(saved.scroll[0])
            view.verticalScrollBar().setValue(saved.scroll[1])
        self.toggled.emit(False)
