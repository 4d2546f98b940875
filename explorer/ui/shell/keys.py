"""The step keys and the mouse wheel: the pass's, except in a field being edited.

The step keys (→, ←, Home, End, Shift+→, Space) and undo/redo are the
window's shortcuts. A field with the keyboard focus would otherwise take them
for itself; a filter on each of the window's own fields decides whose they are:

- A number field (η, Batch, a layer's width) is *being edited* from the moment
  it takes the focus (a click, Tab) until Enter or Esc. While it is, ←, →,
  Home and End (Shift too) move its text cursor, the wheel turns it, and
  Ctrl+Z undoes its typing while there is typing to undo. Enter commits the
  number, Esc puts back the one shown before; either hands the keys back to
  the pass by moving the focus to the canvas. Space still plays: a number has
  no spaces.
- A list or a slider (the loss, the speed) never keeps the step keys; the
  wheel turns it only while it has the focus.
- A free-text line edit in the window (none today) keeps every key, spaces too;
  a dialog (the value editor's table) has no filter, so arrows move between
  cells there and Ctrl+Z edits the text.

Scrolling the window past a field never changes it (which would restart the
pass): fields take the focus by a click or Tab, not by the wheel.

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
    QDoubleSpinBox,
    QLineEdit,
    QMainWindow,
    QSlider,
    QSpinBox,
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
#: Number fields: being edited while they have the focus (see the module's description).
_TEXT_FIELDS = (QAbstractSpinBox,)
#: The keys that move a text cursor: a field being edited keeps them.
CARET_KEYS = (Qt.Key.Key_Right, Qt.Key.Key_Left, Qt.Key.Key_Home, Qt.Key.Key_End)
#: The keys that end an edit and hand the keys back to the pass.
DONE_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Escape)
_WATCHED = "step_keys_watched"  # a tab widget's property: its pages are adopted when shown
_EVENTS = (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress, QEvent.Type.Wheel)


def is_step_key(event: QKeyEvent) -> bool:
    """Whether ``event`` is one of the step keys (any of them, Shift allowed) or undo/redo."""
    modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
    if event.key() in STEP_KEYS and modifiers in (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.ShiftModifier):
        return True
    return is_undo_key(event)


def is_caret_key(event: QKeyEvent) -> bool:
    """Whether ``event`` moves a text cursor (←, →, Home, End, Shift allowed)."""
    modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
    shift = (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.ShiftModifier)
    return event.key() in CARET_KEYS and modifiers in shift


def is_undo_key(event: QKeyEvent) -> bool:
    """Whether ``event`` is one of the window's undo or redo keys."""
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
        self.editing: QWidget | None = None  # the number field being edited, if any
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
            field = _field_of(new, _TEXT_FIELDS)
            self.editing = field if isinstance(field, _TEXT_FIELDS) else None
        elif new is not None:
            self.editing = None  # a dialog or a popup of the window: whatever it edits is its own
        # the focus leaving the application (None) keeps the edit: it goes on when the window is back

    def finish_editing(self, field: QWidget, keep: bool) -> None:
        """End the edit of ``field``: commit its text (``keep``) or put back its value; the canvas takes the keys."""
        if not keep and isinstance(field, QDoubleSpinBox):
            field.setValue(field.value())  # shows the committed value again, with no signal
        elif not keep and isinstance(field, QSpinBox | QSlider):
            field.setValue(field.value())
        self.editing = None
        canvas = getattr(self._window, "view", None)
        if isinstance(canvas, QWidget) and canvas.isVisible():
            canvas.setFocus(Qt.FocusReason.OtherFocusReason)
        else:
            field.clearFocus()

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
            if field is None or not self.owns(field):
                return False
            edited = field is self.editing if isinstance(field, _TEXT_FIELDS) else field.hasFocus()
            if edited:
                return False
            event.ignore()
            return True  # an unfocused field does not turn under the wheel
        assert isinstance(event, QKeyEvent)
        field = _field_of(watched, _KEY_FIELDS)
        if field is None or not self.owns(field):
            return False
        if field is self.editing:
            return self._key_while_editing(field, event)
        if not is_step_key(event):
            return False
        if kind == QEvent.Type.ShortcutOverride:
            event.ignore()  # not the field's: the window's shortcut takes the key
            return True
        return True  # a step key whose action is disabled (→ at the end) does nothing to the field either

    def _key_while_editing(self, field: QWidget, event: QKeyEvent) -> bool:
        """A key in the number field being edited: the caret keys, its typing's undo and Enter/Esc are its own."""
        overriding = event.type() == QEvent.Type.ShortcutOverride
        if event.key() in DONE_KEYS and event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier == Qt.KeyboardModifier.NoModifier:
            if overriding:
                event.accept()  # no shortcut of the window's (Esc leaves a mode) takes it from the edit
                return True
            keep = event.key() != Qt.Key.Key_Escape
            if keep and isinstance(field, QAbstractSpinBox):
                field.interpretText()  # the typed number, committed as Enter would
            self.finish_editing(field, keep)
            return True
        if is_caret_key(event) or (is_undo_key(event) and _has_typing(field)):
            if overriding:
                event.accept()  # the field's, not the window's shortcut
                return True
            return False
        if not is_step_key(event):
            return False
        if overriding:
            event.ignore()  # Space, or undo with no typing to undo: the window's
        return True


def _has_typing(field: QWidget) -> bool:
    """Whether the field's text has typing its own undo can take back."""
    edit = field.lineEdit() if isinstance(field, QAbstractSpinBox | QComboBox) else field
    return isinstance(edit, QLineEdit) and edit.isUndoAvailable()


def no_wheel_focus(widget: QWidget) -> None:
    """Take the focus by a click or Tab only, never by the wheel."""
    if widget.focusPolicy() == Qt.FocusPolicy.WheelFocus:
        widget.setFocusPolicy(Qt.FocusPolicy.StrongFocus)


def install_step_keys(window: QMainWindow) -> StepKeys:
    """Make the step keys and undo/redo the window's wherever the focus is, and the wheel harmless.

    Returns the filter, which lives as long as the window (it keeps it as ``window.step_keys``).
    """
    keys = StepKeys(window)
    keys.adopt(window)
    return keys
