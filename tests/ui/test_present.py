"""Presentation mode: large type, high contrast, the step's formula as a caption; F5 enters, Esc leaves, all restored."""

import numpy as np
import pytest
import shiboken6
from PySide6.QtCore import QBuffer, QIODevice, QRect, Qt
from PySide6.QtGui import QFontInfo, QImage
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDockWidget, QTabBar, QToolBar, QWidget

from tests.ui.settle import settle

PROJECTOR = (1280, 720)


def _key(window, key):
    """A key press as a person's: to the focus widget, the window's shortcuts first."""
    window.activateWindow()
    QTest.keyClick(QApplication.focusWidget() or window, key)


def _png(window) -> QImage:
    """The window drawn and round-tripped through PNG, as the screenshot command writes it."""
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    assert window.grab().toImage().save(buffer, "PNG")
    image = QImage.fromData(bytes(buffer.data().data()))
    assert not image.isNull()
    return image


def ink_rows(image: QImage, rect: QRect) -> tuple[int, int]:
    """The first and last row of ``rect`` in ``image`` with a pixel far from the region's commonest colour."""
    image = image.convertToFormat(QImage.Format.Format_RGB32)
    pixels = np.frombuffer(image.constBits(), dtype=np.uint8).reshape(image.height(), image.bytesPerLine() // 4, 4)
    region = pixels[rect.top() : rect.bottom() + 1, rect.left() : rect.right() + 1, :3].astype(int)
    flat = region.reshape(-1, 3)
    colours, counts = np.unique(flat, axis=0, return_counts=True)
    background = colours[np.argmax(counts)]
    ink = np.abs(region - background).sum(axis=2) > 120
    rows = np.flatnonzero(ink.any(axis=1))
    assert rows.size, "no text drawn in the caption"
    return int(rows[0]), int(rows[-1])


def _docks_tab_bar(window, widget) -> bool:
    """Whether ``widget`` is (in) a tab bar the main window makes for tabbed docks: it comes and goes with them."""
    bar = widget if isinstance(widget, QTabBar) else widget.parentWidget()
    return isinstance(bar, QTabBar) and bar.parentWidget() is window


def _state(window, widgets=None):
    """Everything presentation mode may change, to compare before and after (the fonts of ``widgets``)."""
    from explorer.ui.kit.theme import current_theme

    app = QApplication.instance()
    view = window.view
    widgets = window.findChildren(QWidget) if widgets is None else widgets
    return {
        "app_font": app.font().toString(),
        # the main window's own tab bars for docks come and go with the docks: the others are compared
        "fonts": {i: w.font().toString() for i, w in enumerate(widgets) if shiboken6.isValid(w) and not _docks_tab_bar(window, w)},
        "geometry": window.geometry(),
        "window_state": window.windowState(),
        "state": bytes(window.saveState().data()),
        "visible": {w.objectName() or id(w): w.isVisible() for w in window.findChildren(QDockWidget)}
        | {w.objectName() or id(w): w.isVisible() for w in window.findChildren(QToolBar)},
        "icons": [bar.iconSize() for bar in window.findChildren(QToolBar)],
        "theme": current_theme(),
        "zoom": view.zoom(),
        "cursor": QApplication.overrideCursor(),
    }


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_a_presentation_at_1280x720_has_its_formula_caption_at_28_pixels_and_more(make_window, qtbot, theme):
    from explorer.engine import Session
    from explorer.model.examples import toy_model
    from explorer.ui.kit.theme import current_theme, set_theme
    from explorer.ui.shell.present import CAPTION_PX

    set_theme(theme)
    session = Session(toy_model())
    session.seek(7)  # backward at W₃: ∂L/∂W₃ = H₂ · δᵀ
    window = make_window(session, size=PROJECTOR)
    presentation = window.classroom.presentation
    try:
        presentation.enter(full_screen=False)
        settle()
        caption = presentation.caption
        assert caption.isVisible()
        assert caption.text() == "∂L/∂W₃ = H₂ · δᵀ"
        assert caption.font().pixelSize() >= CAPTION_PX == 28
        assert QFontInfo(caption.font()).pixelSize() >= 28  # the font Qt actually uses
        assert current_theme().stroke > 1
        assert current_theme().name == theme
        body = QFontInfo(QApplication.font()).pixelSize()
        assert body >= 20  # all the window's own text
        assert QFontInfo(window.step_label.font()).pixelSize() >= body  # a font a widget set for itself grew too
        rect = QRect(caption.mapTo(window, caption.rect().topLeft()), caption.size())
        top, bottom = ink_rows(_png(window), rect)
        assert bottom - top + 1 >= 28, f"the caption's text is {bottom - top + 1} pixels high"
        assert window.view.zoom() >= 1.0
    finally:
        presentation.leave()
        set_theme("light")


def test_f5_enters_and_esc_leaves_presentation_restoring_everything(make_window, qtbot):
    from explorer.ui.kit.theme import current_theme

    window = make_window()
    window.controller.step()
    window.controller.select("W1")
    settle()
    widgets = window.findChildren(QWidget)
    names = [f"{type(w).__name__} in {type(w.parent()).__name__} {w.parent().objectName()}" for w in widgets]
    before = _state(window, widgets)
    action = window.classroom.present_action
    assert action.isCheckable()
    assert not action.isChecked()
    assert action.shortcut().toString() == "F5"

    _key(window, Qt.Key.Key_F5)
    qtbot.waitUntil(lambda: window.classroom.presentation.active)
    settle()
    assert action.isChecked()
    assert QFontInfo(QApplication.font()).pixelSize() >= 20
    assert current_theme().stroke > 1
    assert not window.nodes_dock.isVisible()
    assert not window.build_toolbar.isVisible()
    assert window.steps_toolbar.isVisible()
    assert window.inspector_dock.isVisible()
    assert QApplication.overrideCursor() is not None  # the large pointer
    assert QApplication.overrideCursor().pixmap().height() >= 32
    window.controller.step()  # the caption follows the pass
    assert window.classroom.presentation.caption.text() == "H₂ = W₂ᵀ · H₁"

    _key(window, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not window.classroom.presentation.active)
    window.controller.back()
    settle()
    assert not action.isChecked()
    after = _state(window, widgets)
    gone = [names[i] for i in before["fonts"] if i not in after["fonts"]]
    assert not gone, f"widgets deleted on the way: {gone}"
    assert after == before
    assert not window.classroom.presentation.caption.isVisible()
    assert not window.classroom.escape_action.isEnabled()  # Esc is the fields' and dialogs' again


def test_the_menu_action_toggles_presentation_and_leaves_the_window_usable(make_window, qtbot):
    window = make_window("single_layer")
    settle()
    widgets = window.findChildren(QWidget)
    before = _state(window, widgets)
    window.classroom.present_action.trigger()
    assert window.classroom.presentation.active
    window.classroom.present_action.trigger()
    assert not window.classroom.presentation.active
    settle()
    assert _state(window, widgets) == before
    assert window.controller.step()
    assert window.controller.session.position == 1


def test_plots_built_before_presenting_grow_and_come_back(make_window, qtbot):
    """The inspector's tabs are built on entering, so their own fonts grow with the rest."""
    window = make_window()
    window.controller.run_to_end()
    window.controller.select("W3")
    window.inspector.tabs.setCurrentIndex(2)  # the Jacobian: a pyqtgraph view
    settle()
    header = window.inspector.jacobian_view.header_label
    size = QFontInfo(header.font()).pixelSize()
    presentation = window.classroom.presentation
    presentation.enter(full_screen=False)
    settle()
    assert QFontInfo(header.font()).pixelSize() > size
    from explorer.ui.inspector.cell_numbers import CellNumbers

    assert CellNumbers.MAX_PIXELS > 13
    presentation.leave()
    settle()  # the application's font reaches the widgets by posted events
    assert QFontInfo(header.font()).pixelSize() == size
    assert CellNumbers.MAX_PIXELS == 13


def test_closing_the_window_while_presenting_saves_the_everyday_layout(make_window, qtbot, settings):
    window = make_window()
    settle()
    app_font = QApplication.font().toString()
    window.classroom.presentation.enter()
    settle()
    assert window.isFullScreen()
    assert not window.nodes_dock.isVisible()
    window.close()
    assert not window.isFullScreen()
    assert window.size().toTuple() == (1400, 900)  # as it was when the layout was saved
    assert QApplication.font().toString() == app_font
    assert QApplication.overrideCursor() is None
    again = make_window(size=None)  # the same settings: the layout the first one saved
    settle()
    assert again.nodes_dock.isVisible()
    assert again.build_toolbar.isVisible()
    assert not again.isFullScreen()


def test_type_sizes_follow_the_height():
    from explorer.ui.shell.present import type_sizes

    assert type_sizes(720) == (20, 36)
    assert type_sizes(2160) == (60, 108)
    assert type_sizes(300) == (20, 28)  # never below the floor
