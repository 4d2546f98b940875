"""Named edits, undo and redo, the inspected node, keyboard help: the window's house rules."""

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence

from explorer import __version__
from explorer.model import edit as edits
from explorer.ui.document import edits as commands


def test_ctrl_y_redoes_and_the_status_line_says_redo(window, qtbot):
    c = window.controller
    commands.set_loss(c, "mse")
    c.undo_stack.undo()
    assert c.model.op("L") == "half_sse"
    assert window.statusBar().currentMessage().startswith("Undo Set loss to MSE")
    window.setFocus()
    qtbot.keyClick(window, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert c.model.op("L") == "mse"
    assert window.statusBar().currentMessage().startswith("Redo Set loss to MSE")


def test_redo_answers_ctrl_y_and_ctrl_shift_z(window):
    keys = [key.toString() for key in window.redo_action.shortcuts()]
    assert "Ctrl+Y" in keys
    assert "Ctrl+Shift+Z" in keys


def test_f1_lists_every_shortcut_through_the_dialogs(window, dialogs, qtbot):
    qtbot.keyClick(window, Qt.Key.Key_F1)
    assert dialogs.kinds() == ["shortcuts"]
    rows = dict((keys, what) for what, keys in dialogs.asked[0].details["rows"])
    for keys in ("Right", "Left", "Home", "End", "Shift+Right", "Space", "Ctrl+L", "F"):
        assert keys in rows, keys
    assert any("Ctrl+Y" in keys for keys in rows)
    native = QKeySequence(QKeySequence.StandardKey.Save).toString(QKeySequence.SequenceFormat.NativeText)
    assert rows[native] == "&Save"


def test_about_shows_the_version(window, dialogs):
    window.about_action.trigger()
    assert dialogs.asked[-1].kind == "about"
    assert dialogs.asked[-1].details["version"] == __version__


def test_remove_layer_is_off_with_nothing_removable_selected(window, dialogs):
    c = window.controller
    c.select(None)
    assert not window.remove_action.isEnabled()
    assert not window.insert_action.isEnabled()
    c.select("L")  # the loss is in no layer
    assert not window.remove_action.isEnabled()
    c.select("W2")
    assert window.remove_action.isEnabled()
    c.select("Y")
    assert not window.remove_action.isEnabled()
    window.remove_action.trigger()  # a disabled action does nothing, and asks nothing
    assert len(edits.chain_layers(c.model)) == 3
    assert dialogs.asked == []


def test_the_last_layer_cannot_be_removed(window):
    c = window.controller
    while len(edits.chain_layers(c.model)) > 1:
        assert commands.remove_layer(c, 0)
    c.select(edits.chain_layers(c.model)[0].weight)
    assert not window.remove_action.isEnabled()


def test_add_layer_keeps_the_output_layers_values(window):
    c = window.controller
    w3 = c.model.value("W3").copy()
    output_layer = edits.chain_layers(c.model)[-1]
    assert output_layer.weight == "W3"
    window.add_end_action.trigger()
    layers = edits.chain_layers(c.model)
    assert len(layers) == 4
    assert layers[-1].output == "Yhat"
    np.testing.assert_array_equal(c.model.value(layers[-1].weight), w3)  # still the output layer's weight
    assert c.model.label("Yhat") == "Ŷ"
    message = window.statusBar().currentMessage()
    assert "Add layer 3" in message
    assert "moved up to layer 4" in message
    assert "W₃" in message  # named as the user sees it
    # removing the new layer 3 gives the lecture's network back, W₃ and all
    c.select(layers[2].linear)
    window.remove_action.trigger()
    np.testing.assert_array_equal(c.model.value("W3"), w3)


def test_raising_the_batch_says_what_happened_to_x_and_y(window):
    window.batch_spin.setValue(4)
    message = window.statusBar().currentMessage()
    assert "X, Y got 3 new column(s) of seeded random numbers" in message
    window.controller.undo_stack.undo()
    assert window.controller.model.shape("X") == (3, 1)


def test_changing_the_output_width_says_y_was_resized(window):
    c = window.controller
    c.select("W3")
    window.inspector.width_spin.setValue(4)
    assert c.model.shape("Y") == (4, 1)
    assert "Y resized from (2, 1) to (4, 1) to match Ŷ" in window.statusBar().currentMessage()


def test_messages_name_nodes_by_their_labels(window):
    commands.set_values(window.controller, "W3", np.ones((3, 2)))
    assert window.controller.undo_stack.undoText() == "Edit W₃"
    commands.move_node(window.controller, "Yhat", 10.0, 20.0)
    assert window.controller.undo_stack.undoText() == "Move Ŷ"


def test_a_step_redraws_the_inspector_once_for_the_new_node(window, monkeypatch):
    c = window.controller
    inspector = window.inspector
    inspector.tabs.setCurrentIndex(0)
    c.select(None)
    drawn = []
    original = inspector._show_value
    monkeypatch.setattr(inspector, "_show_value", lambda: (drawn.append(inspector.node), original()))
    inspected = []
    c.inspected_changed.connect(inspected.append)
    currents = []
    for _ in range(4):
        drawn.clear()
        c.step()
        currents.append(c.session.current.node)
        assert drawn == [c.session.current.node]
    assert inspected == currents
    assert c.inspected == c.session.current.node


def test_the_selected_node_stays_inspected_through_steps(window):
    c = window.controller
    changes = []
    c.select("W2")
    c.inspected_changed.connect(changes.append)
    c.step()
    c.step()
    assert changes == []
    assert window.inspector.node == "W2"


def test_a_moved_node_moves_in_place(window):
    c = window.controller
    c.seek(4)
    items = dict(window.scene.node_items)
    edges = dict(window.scene.edge_items)
    rebuilt = []
    c.model_changed.connect(lambda: rebuilt.append(True))
    window.scene.node_move_requested.emit("W2", 321.0, 123.0)
    assert rebuilt == []
    assert dict(window.scene.node_items) == items  # the very same items
    assert dict(window.scene.edge_items) == edges
    assert window.scene.node_items["W2"].pos().x() == 321.0
    assert c.session.position == 4
    c.undo_stack.undo()
    assert window.scene.node_items["W2"] is items["W2"]
    assert window.scene.node_items["W2"].pos().x() != 321.0
    c.step()  # the scene's model is the controller's: a step does not rebuild
    assert window.scene.node_items["W2"] is items["W2"]


def test_a_refusal_names_the_node_by_its_label(window, dialogs):
    assert not commands.set_values(window.controller, "Yhat", np.ones((2, 1)))  # not a leaf: refused
    message = window.statusBar().currentMessage()
    assert message.startswith("Edit Ŷ refused: Ŷ: ")
    assert "Yhat" not in message
    assert dialogs.warnings == [message]


def test_a_window_opened_past_step_0_inspects_the_current_node(make_window):
    from explorer.engine import Session
    from explorer.model.examples import toy_model

    session = Session(toy_model())
    session.seek(5)
    window = make_window(session, show=False)
    assert window.inspector.node == session.current.node
    assert window.controller.inspected == session.current.node
