"""The step keys step the pass except in a number field being edited; the wheel turns only a field being edited;
Enter or Esc hands the keys back; undo goes back to the step reached; the canvas never scrolls away."""

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QLineEdit, QVBoxLayout

FIELDS = {
    "batch": lambda w: w.batch_spin,
    "width": lambda w: w.inspector.width_spin,
    "rate": lambda w: w.learning_lab.lr_spin,
    "loss": lambda w: w.loss_combo,
    "speed": lambda w: w.speed_slider,
}
NUMBER_FIELDS = ("batch", "width", "rate")


def _focus(window, qtbot, name):
    if name == "width":
        window.controller.select("H1")  # a layer's node: its width field is shown
    field = FIELDS[name](window)
    window.activateWindow()
    field.setFocus(Qt.FocusReason.MouseFocusReason)
    qtbot.waitUntil(field.hasFocus, timeout=2000)
    return field


def _key(window, key, modifier=Qt.KeyboardModifier.NoModifier):
    """A key press to the focus widget, as a person's: the shortcut check first, then the widget."""
    QTest.keyClick(QApplication.focusWidget() or window, key, modifier)


@pytest.mark.parametrize("name", ["loss", "speed"])
def test_the_step_keys_step_with_the_focus_in_a_list_or_slider(window, qtbot, name):
    field = _focus(window, qtbot, name)
    session = lambda: window.controller.session  # noqa: E731
    value = field.value() if hasattr(field, "value") else field.currentIndex()
    _key(window, Qt.Key.Key_Right)
    assert session().position == 1
    _key(window, Qt.Key.Key_Right)
    assert session().position == 2
    _key(window, Qt.Key.Key_Left)
    assert session().position == 1
    _key(window, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
    assert session().position == session().forward_steps
    _key(window, Qt.Key.Key_End)
    assert session().done
    _key(window, Qt.Key.Key_Home)
    assert session().position == 0
    _key(window, Qt.Key.Key_Space)
    assert window.controller.playing
    _key(window, Qt.Key.Key_Space)
    assert not window.controller.playing
    assert field.hasFocus()  # the field keeps the focus, and its value
    assert (field.value() if hasattr(field, "value") else field.currentIndex()) == value


def test_ctrl_z_in_batch_with_no_typing_undoes_the_window_edit(window, qtbot):
    window.batch_spin.setValue(2)  # an edit on the undo stack
    assert window.controller.undo_stack.count() == 1
    field = _focus(window, qtbot, "batch")
    _key(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.controller.undo_stack.index() == 0
    assert window.batch_spin.value() == 1
    assert field.hasFocus()


@pytest.mark.parametrize("name", NUMBER_FIELDS)
def test_a_number_field_being_edited_keeps_its_caret_keys(window, qtbot, name):
    field = _focus(window, qtbot, name)
    window.controller.step()
    value = field.value()
    line = field.lineEdit()
    line.setCursorPosition(len(field.prefix()))
    _key(window, Qt.Key.Key_Right)
    assert line.cursorPosition() == len(field.prefix()) + 1  # the caret moved, the pass did not
    _key(window, Qt.Key.Key_End)
    assert line.cursorPosition() == len(line.text())
    _key(window, Qt.Key.Key_Home)
    _key(window, Qt.Key.Key_Left)
    _key(window, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)  # selecting, not running forward
    assert line.hasSelectedText()
    assert window.controller.session.position == 1
    assert field.hasFocus()
    assert field.value() == value


@pytest.mark.parametrize("name", NUMBER_FIELDS)
def test_enter_commits_and_hands_the_keys_back_to_the_pass(window, qtbot, name):
    field = _focus(window, qtbot, name)
    field.lineEdit().selectAll()
    QTest.keyClicks(field.lineEdit(), "2")
    _key(window, Qt.Key.Key_Return)
    assert field.value() == 2
    assert not field.hasFocus()  # the canvas has the keys
    assert window.view.hasFocus()
    position = window.controller.session.position
    _key(window, Qt.Key.Key_Right)
    assert window.controller.session.position == position + 1


def test_esc_puts_back_the_number_and_hands_the_keys_back(window, qtbot):
    field = _focus(window, qtbot, "batch")
    field.lineEdit().selectAll()
    QTest.keyClicks(field.lineEdit(), "7")
    assert field.lineEdit().text() == "7"
    _key(window, Qt.Key.Key_Escape)
    assert field.value() == 1
    assert field.lineEdit().text() == "1"  # the typing is gone
    assert window.controller.undo_stack.count() == 0
    assert window.view.hasFocus()
    _key(window, Qt.Key.Key_Right)
    assert window.controller.session.position == 1


def test_space_still_plays_from_a_number_field(window, qtbot):
    field = _focus(window, qtbot, "rate")
    _key(window, Qt.Key.Key_Space)
    assert window.controller.playing
    _key(window, Qt.Key.Key_Space)
    assert not window.controller.playing
    assert field.hasFocus()


def test_ctrl_z_undoes_the_typing_first_then_the_window_edit(window, qtbot):
    window.batch_spin.setValue(2)  # an edit on the undo stack
    field = _focus(window, qtbot, "batch")
    field.lineEdit().selectAll()
    QTest.keyClicks(field.lineEdit(), "5")
    _key(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert field.lineEdit().text() == "2"  # the typing taken back, the model untouched
    assert window.controller.undo_stack.index() == 1
    _key(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.controller.undo_stack.index() == 0
    assert window.batch_spin.value() == 1


def test_undo_goes_back_to_the_model_and_the_step_reached(window, qtbot):
    c = window.controller
    c.seek(5)
    window.batch_spin.setValue(2)  # the edit starts the pass again
    assert c.session.position == 0
    c.step()
    c.undo_stack.undo()
    assert window.batch_spin.value() == 1
    assert c.session.position == 5  # where the pass stood before the edit
    assert "5/" in window.statusBar().currentMessage()
    c.undo_stack.redo()
    assert window.batch_spin.value() == 2
    assert c.session.position == 0


def test_the_keys_at_the_end_do_nothing_to_a_list(window, qtbot):
    field = _focus(window, qtbot, "loss")
    window.controller.run_to_end()
    index = field.currentIndex()
    for _ in range(3):
        _key(window, Qt.Key.Key_Right)  # Step is disabled at the end
    assert field.currentIndex() == index
    assert window.controller.session.done


def test_a_dialog_keeps_its_own_arrows_and_undo(window, qtbot):
    dialog = QDialog(window)
    edit = QLineEdit("abc", dialog)
    QVBoxLayout(dialog).addWidget(edit)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    edit.setFocus()
    qtbot.waitUntil(edit.hasFocus, timeout=2000)
    edit.setCursorPosition(0)
    _key(window, Qt.Key.Key_Right)
    assert edit.cursorPosition() == 1
    assert window.controller.session.position == 0
    _key(window, Qt.Key.Key_X)
    _key(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # the text's undo
    assert edit.text() == "abc"
    dialog.close()


def _wheel(widget, steps=3):
    centre = QPointF(widget.rect().center())
    for _ in range(steps):
        event = QWheelEvent(
            centre,
            QPointF(widget.mapToGlobal(widget.rect().center())),
            QPoint(0, 0),
            QPoint(0, 120),
            Qt.MouseButton.NoButton,
            Qt.KeyboardModifier.NoModifier,
            Qt.ScrollPhase.NoScrollPhase,
            False,
        )
        QApplication.sendEvent(widget, event)


@pytest.mark.parametrize("name", ["batch", "rate", "loss", "speed"])
def test_the_wheel_over_an_unfocused_field_changes_nothing(window, qtbot, name):
    field = FIELDS[name](window)
    window.view.setFocus()
    qtbot.waitUntil(window.view.hasFocus, timeout=2000)
    before = field.value() if hasattr(field, "value") else field.currentIndex()
    _wheel(field)
    after = field.value() if hasattr(field, "value") else field.currentIndex()
    assert after == before
    assert not field.hasFocus()  # the wheel does not give it the focus either
    assert window.controller.undo_stack.count() == 0


def test_the_wheel_turns_a_focused_batch(window, qtbot):
    field = _focus(window, qtbot, "batch")
    _wheel(field, 1)
    assert field.value() == 2


def test_the_wheel_over_a_width_no_longer_edited_leaves_the_network(window, qtbot):
    field = _focus(window, qtbot, "width")
    field.lineEdit().selectAll()
    QTest.keyClicks(field.lineEdit(), "3")
    _key(window, Qt.Key.Key_Return)  # the edit is done: the keys and the wheel are the pass's
    assert field.value() == 3
    edits = window.controller.undo_stack.count()
    field.setFocus(Qt.FocusReason.OtherFocusReason)  # back in the field, then Esc: not being edited
    qtbot.waitUntil(field.hasFocus, timeout=2000)
    _key(window, Qt.Key.Key_Escape)
    _wheel(field)
    assert field.value() == 3
    assert window.controller.undo_stack.count() == edits


def test_the_fields_take_the_focus_by_click_not_by_wheel(window):
    for name in ("batch", "rate", "loss", "speed"):
        assert FIELDS[name](window).focusPolicy() == Qt.FocusPolicy.StrongFocus


def test_200_presses_at_the_end_leave_the_canvas_where_it_was(window, qtbot):
    window.controller.run_to_end()
    window.view.setFocus()
    qtbot.waitUntil(window.view.hasFocus, timeout=2000)
    bars = window.view.horizontalScrollBar(), window.view.verticalScrollBar()
    before = [bar.value() for bar in bars]
    for _ in range(200):
        _key(window, Qt.Key.Key_Right)
    assert [bar.value() for bar in bars] == before
    window.controller.reset()
    before = [bar.value() for bar in bars]
    for _ in range(200):
        _key(window, Qt.Key.Key_Left)
    assert [bar.value() for bar in bars] == before
    assert window.controller.session.position == 0


def test_a_free_text_field_in_the_window_keeps_its_keys(window, qtbot):
    edit = QLineEdit("a b", window.inspector)  # a label field, say: spaces and cursor keys are its own
    edit.show()
    edit.setFocus()
    qtbot.waitUntil(edit.hasFocus, timeout=2000)
    edit.setCursorPosition(0)
    _key(window, Qt.Key.Key_Right)
    _key(window, Qt.Key.Key_Space)
    assert edit.text() == "a  b"
    assert window.controller.session.position == 0
    assert not window.controller.playing


def test_the_wheel_still_scrolls_a_panel_without_focus(window, qtbot):
    window.inspector.tabs.setCurrentIndex(3)
    qtbot.wait(10)
    browser = window.inspector.breakdown_view.browser
    browser.setPlainText("\n".join(f"line {i}" for i in range(400)))
    qtbot.wait(10)
    bar = browser.verticalScrollBar()
    assert bar.maximum() > 0
    bar.setValue(0)
    window.view.setFocus()
    viewport = browser.viewport()
    down = QWheelEvent(
        QPointF(viewport.rect().center()),
        QPointF(viewport.mapToGlobal(viewport.rect().center())),
        QPoint(0, 0),
        QPoint(0, -120),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(viewport, down)
    assert bar.value() > 0  # a scroll bar is not a field: the text scrolls


def test_a_field_made_after_the_window_follows_the_rules_too(window, qtbot):
    from PySide6.QtWidgets import QSpinBox

    spin = QSpinBox(window.inspector)  # a panel built later, say
    spin.setRange(0, 10)
    spin.show()
    window.activateWindow()
    spin.setFocus(Qt.FocusReason.MouseFocusReason)  # the focus moving into it: the window adopts it
    qtbot.waitUntil(spin.hasFocus, timeout=2000)
    _key(window, Qt.Key.Key_Space)
    assert window.controller.playing  # Space is the pass's
    _key(window, Qt.Key.Key_Space)
    _key(window, Qt.Key.Key_Return)  # the edit ends: → steps again
    _key(window, Qt.Key.Key_Right)
    assert window.controller.session.position == 1
    assert spin.value() == 0
    assert spin.focusPolicy() == Qt.FocusPolicy.StrongFocus
    window.view.setFocus()
    qtbot.waitUntil(window.view.hasFocus, timeout=2000)
    _wheel(spin)
    assert spin.value() == 0


def test_no_filter_hands_a_dialogs_keys_to_the_window_in_a_field_of_its_own(window, qtbot):
    from PySide6.QtWidgets import QSpinBox

    dialog = QDialog(window)
    spin = QSpinBox(dialog)
    spin.setRange(0, 10)
    QVBoxLayout(dialog).addWidget(spin)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    spin.setFocus()
    qtbot.waitUntil(spin.hasFocus, timeout=2000)
    _key(window, Qt.Key.Key_Up)
    assert spin.value() == 1  # the dialog's spin box keeps its own keys
    _key(window, Qt.Key.Key_Right)
    assert window.controller.session.position == 0
    dialog.close()


def test_a_field_on_a_tab_page_made_later_turns_only_with_focus(window, qtbot):
    from PySide6.QtWidgets import QComboBox, QWidget

    tabs = window.inspector.tabs
    page = QWidget()
    combo = QComboBox(page)  # a page that builds its fields when first shown, say
    combo.addItems(["a", "b", "c"])
    tabs.addTab(page, "later")
    window.view.setFocus()
    qtbot.waitUntil(window.view.hasFocus, timeout=2000)
    tabs.setCurrentWidget(page)  # no focus moves into the window: the tab switch is what adopts it
    assert combo.focusPolicy() == Qt.FocusPolicy.StrongFocus
    _wheel(combo)
    assert combo.currentIndex() == 0


def test_a_matrix_cell_being_edited_keeps_its_caret_keys(window, qtbot):
    from PySide6.QtWidgets import QLineEdit

    from explorer.ui.inspector.matrix_editor import MatrixEditor

    model = window.controller.model
    dialog = MatrixEditor("W1", model.op("W1"), model.value("W1"), window)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    table = dialog.table
    table.setFocus()
    table.setCurrentIndex(table.model().index(0, 0))
    table.edit(table.currentIndex())
    qtbot.waitUntil(lambda: isinstance(QApplication.focusWidget(), QLineEdit), timeout=2000)
    editor = QApplication.focusWidget()
    editor.setCursorPosition(0)
    _key(window, Qt.Key.Key_Right)
    _key(window, Qt.Key.Key_End)
    _key(window, Qt.Key.Key_Left)
    assert editor.cursorPosition() == len(editor.text()) - 1  # the caret moved in the cell
    assert window.controller.session.position == 0  # the pass did not
    dialog.reject()
