"""The step keys and the mouse wheel, the same wherever the focus is in the window.

The step keys (→, ←, Home, End, Shift+→, Space) and undo/redo are the
window's shortcuts. A field with the keyboard focus (Batch, a layer's width,
the loss, the speed) would otherwise take them for itself: → moves its text
cursor, Space opens a combo box, Ctrl+Z undoes its typing. A filter on each
of the window's own fields hands those keys to the window's actions instead;
a dialog (the value editor's table) has none, so arrows move between cells
there and Ctrl+Z edits the text. So does a free-text line edit in the window
(none today), where a space is a space.

The mouse wheel turns a spin box, a combo box or a slider only when it has
the focus: scrolling the window past Batch never changes the batch (which
would restart the pass). Such fields take the focus by a click or Tab, not by
the wheel.

No filter sits on the application: the fields are found when the keys are
installed, again whenever the focus moves into the window or a tab of it
is opened (a field made later, a page built when first shown), and when a
room of the window builds widgets later (:meth:`StepKeys.adopt`). The filter is a child of the
window and goes with it.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLineEdit,
    QMainWindow,
    QSlider,
    QTabWidget,
    QWidget,
)

from explorer.ui.kit.guard import guarded

#: The keys that step the pass (with Shift+→ for the forward run).
STEP_KEYS = (Qt.Key.Key_Right, Qt.Key.Key_Left, Qt.Key.Key_Home, Qt.Key.Key_End, Qt.Key.Key_Space)


def undo_keys() -> list[QKeySequence]:
    """The window's own undo and redo keys (read when asked: the platform's bindings need the application)."""
    keys = [*QKeySequence.keyBindings(QKeySequence.StandardKey.Undo)]
    keys += QKeySequence.keyBindings(QKeySequence.StandardKey.Redo)
    return keys + [QKeySequence("Ctrl+Y"), QKeySequence("Ctrl+Shift+Z")]

#: Fields that would keep the step keys or turn under the wheel (a scroll bar is not one: it scrolls).
_KEY_FIELDS = (QAbstractSpinBox, QComboBox, QLineEdit, QSlider)
_WHEEL_FIELDS = (QAbstractSpinBox, QComboBox, QSlider)
_WATCHED = "step_keys_watched"  # a tab widget's property: its pages are adopted when shown
_EVENTS = (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress, QEvent.Type.Wheel)


def is_step_key(event: QKeyEvent) -> bool:
    """Whether ``event`` is one of the step keys (any of them, Shift allowed) or undo/redo."""
    modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
    if event.key() in STEP_KEYS and modifiers in (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.ShiftModifier):
        return True
    pressed = QKeySequence(event.keyCombination())
    return any(pressed.matches(keys) == QKeySequence.SequenceMatch.ExactMatch for keys in undo_keys())


def _field_of(widget: QObject | None, kinds: tuple[type, ...]) -> QWidget | None:
    """``widget`` or the field it belongs to (a spin box's or an editable combo's inner line edit)."""
    while isinstance(widget, QWidget):
        if isinstance(widget, kinds):
            parent = widget.parentWidget()
            if isinstance(parent, QAbstractSpinBox | QComboBox):  # the inner line edit: the field is its owner
                return parent
            if isinstance(widget, QLineEdit) and not widget.isReadOnly():
                return None  # free text keeps its cursor keys, its spaces and its own undo
            return widget
        if widget.isWindow():
            return None
        widget = widget.parentWidget()
    return None


class StepKeys(QObject):
    """The event filter on the fields of one main window (see the module's description)."""

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self._window = window
        app = QApplication.instance()
        if isinstance(app, QApplication):  # a signal, not a filter: nothing runs for other events
            app.focusChanged.connect(self._on_focus_changed)

    def owns(self, widget: QWidget) -> bool:
        """Whether ``widget`` is in the main window itself (not in a dialog or a popup of it)."""
        return widget.window() is self._window

    def adopt(self, root: QWidget) -> None:
        """Filter every field under ``root`` (and ``root`` itself) that belongs to the window.

        A tab widget under ``root`` is watched too: a page may build its fields when first shown.
        """
        for widget in (root, *root.findChildren(QWidget)):
            if isinstance(widget, _KEY_FIELDS) and self.owns(widget):
                widget.installEventFilter(self)  # once: installing it again only moves it to the front
                if isinstance(widget, _WHEEL_FIELDS):
                    no_wheel_focus(widget)
            elif isinstance(widget, QTabWidget) and not widget.property(_WATCHED):
                widget.setProperty(_WATCHED, True)
                widget.currentChanged.connect(self._on_tab_changed)

    def _on_focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        if new is not None and self.owns(new):
            self.adopt(self._window)

    def _on_tab_changed(self, _index: int) -> None:
        tabs = self.sender()
        if isinstance(tabs, QTabWidget):
            self.adopt(tabs)

    @guarded("handling a key or the mouse wheel", fallback=False)
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        kind = event.type()
        if kind not in _EVENTS or not isinstance(watched, QWidget):
            return False
        if kind == QEvent.Type.Wheel:
            field = _field_of(watched, _WHEEL_FIELDS)
            if field is None or not self.owns(field) or field.hasFocus():
                return False
            event.ignore()
            return True  # an unfocused field does not turn under the wheel
        assert isinstance(event, QKeyEvent)
        field = _field_of(watched, _KEY_FIELDS)
        if field is None or not self.owns(field) or not is_step_key(event):
            return False
        if kind == QEvent.Type.ShortcutOverride:
            event.ignore()  # not the field's: the window's shortcut takes the key
            return True
        return True  # a step key whose action is disabled (→ at the end) does nothing to the field either


def no_wheel_focus(widget: QWidget) -> None:
    """Take the focus by a click or Tab only, never by the wheel."""
    if widget.focusPolicy() == Qt.FocusPolicy.WheelFocus:
        widget.setFocusPolicy(Qt.FocusPolicy.StrongFocus)


def install_step_keys(window: QMainWindow) -> StepKeys:
    """Make the step keys and undo/redo the window's wherever the focus is, and the wheel harmless.

    Returns the filter (kept as ``window.step_keys``), which lives as long as the window.
    """
    keys = StepKeys(window)
    keys.adopt(window)
    window.step_keys = keys
    return keys
