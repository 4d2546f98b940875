"""The main window, driven as a person would: buttons, shortcuts, clicks, edits."""

import json
import xml.etree.ElementTree as ET

import numpy as np
import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QImage

from explorer.model import edit as edits
from explorer.ui.inspector.panel import TAB_BREAKDOWN, TAB_GRAD, TAB_JACOBIAN, TAB_VALUE
from tests.ui.settle import settle


def node_item(window, node):
    return window.scene.node_items[node]


def test_opens_on_the_toy_network(window):
    model = window.controller.model
    assert set(window.scene.node_items) == set(model.order)
    assert model.shape("W3") == (3, 2)
    assert window.controller.session.position == 0
    assert "Ready" in window.step_label.text()
    assert "Jacobian Explorer" in window.windowTitle()


def test_step_button_and_shortcut_move_the_highlight(window, qtbot):
    c = window.controller
    with qtbot.waitSignal(c.step_changed):
        window.step_action.trigger()
    assert c.session.current.node == "H1"
    assert node_item(window, "H1").state == "current"
    assert "Forward 1/11" in window.step_label.text()
    assert "H₁ = W₁ᵀ · X" in window.step_label.text()

    with qtbot.waitSignal(c.step_changed):
        qtbot.keyClick(window, Qt.Key.Key_Right)
    assert c.session.current.node == "H2"
    assert node_item(window, "H2").state == "current"
    assert node_item(window, "H1").state == "value"

    with qtbot.waitSignal(c.step_changed):
        qtbot.keyClick(window, Qt.Key.Key_Left)
    assert c.session.current.node == "H1"

    with qtbot.waitSignal(c.step_changed):
        qtbot.keyClick(window, Qt.Key.Key_End)
    assert c.session.done
    # every node has its gradient but the data (X, Y: "requires_grad": false), which keeps its value
    assert all(node_item(window, n).state in ("grad", "current") for n in c.model.order if c.model.requires_grad(n))
    assert {node_item(window, n).state for n in ("X", "Y")} == {"value"}
    assert "loss L = 0.17162" in window.loss_label.text()


def test_every_action_has_its_shortcut_in_the_tooltip(window):
    for action in (window.step_action, window.back_action, window.reset_action, window.end_action,
                   window.forward_action, window.play_action):
        keys = action.shortcut().toString()
        assert keys
        assert f"({keys})" in action.toolTip()


def test_play_steps_on_a_timer_and_pauses(window, qtbot):
    c = window.controller
    c.set_interval(60)
    with qtbot.waitSignal(c.playing_changed):
        window.play_action.trigger()
    assert c.playing
    qtbot.waitUntil(lambda: c.session.position >= 3)
    with qtbot.waitSignal(c.playing_changed):
        window.play_action.trigger()
    position = c.session.position
    assert not c.playing
    assert not c._timer.isActive()  # a paused timer takes no further steps
    settle()
    assert c.session.position == position


def test_inspector_shows_shapes_and_numbers(window, qtbot):
    c = window.controller
    c.select("W3")
    inspector = window.inspector
    assert "W₃" in inspector.title.text()
    inspector.tabs.setCurrentIndex(TAB_VALUE)
    np.testing.assert_array_equal(inspector.value_view.current_array(), c.model.value("W3"))
    inspector.tabs.setCurrentIndex(TAB_GRAD)
    assert inspector.grad_view.current_array() is None  # not reached yet
    c.run_to_end()
    grad = inspector.grad_view.current_array()
    assert grad.shape == (3, 2)
    # the lecture's table: dL/dw_kj = dL/dŷ_j × h_k, with h = H2 and δ = Ŷ − Y
    h2, delta = c.session.value("H2"), c.session.value("Yhat") - c.model.value("Y")
    np.testing.assert_allclose(grad, h2 @ delta.T, rtol=1e-12)

    inspector.tabs.setCurrentIndex(TAB_JACOBIAN)
    assert inspector.pair_combo.currentData() == ("Yhat", "W3")
    assert inspector.jacobian_view.current_jacobian().shape == (2, 1, 3, 2)

    inspector.tabs.setCurrentIndex(TAB_BREAKDOWN)
    b = inspector.breakdown_view.breakdown
    assert b is not None
    assert (b.upstream_shape, b.jacobian_shape, b.result_shape) == ((2, 1), (2, 1, 3, 2), (3, 2))
    text = inspector.breakdown_view.browser.toPlainText()
    assert "ib,ibkj->kj" in text
    assert "H₂ · δᵀ" in text
    assert "✓" in text
    assert "∂L/∂w⁽³⁾₁₁" in text


def test_breakdown_waits_for_the_backward_pass(window):
    c = window.controller
    c.select("W3")
    window.inspector.tabs.setCurrentIndex(TAB_BREAKDOWN)
    assert window.inspector.breakdown_view.breakdown is None
    assert "step" in window.inspector.breakdown_view.browser.toPlainText()


def test_clicking_a_node_selects_it(window, qtbot):
    item = node_item(window, "H2")
    point = window.view.mapFromScene(item.sceneBoundingRect().center())
    with qtbot.waitSignal(window.controller.selection_changed):
        qtbot.mouseClick(window.view.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert window.controller.selected == "H2"
    assert "H₂" in window.inspector.title.text()


def test_add_remove_and_resize_a_layer(window, qtbot):
    c = window.controller
    c.run_to_end()
    before = len(edits.chain_layers(c.model))
    window.add_layer(None)
    layers = edits.chain_layers(c.model)
    assert len(layers) == before + 1
    assert set(window.scene.node_items) == set(c.model.order)
    assert c.session.position == 0  # an edit restarts the pass
    assert "starts again" in window.statusBar().currentMessage()

    c.select(layers[0].linear)
    window.inspector.width_spin.setValue(5)
    assert c.model.shape(layers[0].weight) == (3, 5)
    assert c.model.shape(layers[1].weight)[0] == 5
    assert window.scene.node_items[layers[0].linear].shape_text == "(5, 1)"

    window.remove_selected_layer()
    assert len(edits.chain_layers(c.model)) == before
    assert set(window.scene.node_items) == set(c.model.order)

    c.undo_stack.undo()  # the removal
    assert len(edits.chain_layers(c.model)) == before + 1
    assert c.model.shape(edits.chain_layers(c.model)[0].weight) == (3, 5)
    assert set(window.scene.node_items) == set(c.model.order)


def test_impossible_edit_is_refused_and_changes_nothing(window):
    c = window.controller
    model = c.model
    only = edits.chain_layers(model)
    for _ in range(len(only) - 1):
        c.edit("remove", edits.remove_layer, 0)
    kept = c.model
    assert not c.edit("remove", edits.remove_layer, 0)
    assert c.model is kept
    assert "refused" in window.statusBar().currentMessage()


def test_loss_and_batch_changes(window):
    c = window.controller
    window.loss_combo.setCurrentIndex(window.loss_combo.findData("mse"))
    window.loss_combo.activated.emit(window.loss_combo.currentIndex())
    assert c.model.op(c.model.loss_id) == "mse"
    window.batch_spin.setValue(4)
    assert c.model.shape("X") == (3, 4)
    assert c.model.shape("Y") == (2, 4)
    assert window.scene.node_items["H1"].shape_text == "(3, 4)"


def test_a_bad_cell_is_refused_in_place(window, qtbot):
    from explorer.ui.inspector.matrix_editor import MatrixEditor

    c = window.controller
    dialog = MatrixEditor("W1", "param", c.model.value("W1"), window)
    qtbot.addWidget(dialog)
    table = dialog.table_model
    index = table.index(1, 0)
    old = table.array[1, 0]
    assert not table.setData(index, "abc")
    assert table.array[1, 0] == old
    assert "not a finite number" in dialog.message.text()
    assert "W₁" in dialog.message.text()
    assert not table.setData(index, "nan")
    assert table.setData(index, "2,5")
    assert table.array[1, 0] == 2.5
    c.edit("Edit W1", edits.set_value, "W1", dialog.result_array())
    assert c.model.value("W1")[1, 0] == 2.5


def test_export_writes_three_files_that_open(window, tmp_path):
    c = window.controller
    c.seek(6)
    assert window.export_to(tmp_path / "snap")
    document = json.loads((tmp_path / "snap" / "snapshot.json").read_text())
    assert document["format"] == "jacobian-explorer/snapshot"
    assert document["step"] == {"phase": "backward", "index": 6, "total": 11}
    image = QImage(str(tmp_path / "snap" / "graph.png"))
    assert not image.isNull()
    assert image.width() > 400
    root = ET.parse(tmp_path / "snap" / "graph.svg").getroot()
    assert root.tag.endswith("svg")
    from explorer.export.snapshot import load_session

    assert load_session(tmp_path / "snap" / "snapshot.json").position == 6


def test_a_failed_export_from_the_window_writes_none_of_the_files(window, tmp_path):
    folder = tmp_path / "snap"
    (folder / "graph.svg").mkdir(parents=True)  # the last file of the set cannot be written
    window.controller.seek(6)
    assert not window.export_to(folder)
    assert sorted(p.name for p in folder.iterdir()) == ["graph.svg"]  # no snapshot.json, no graph.png, no temp folder
    assert sorted(p.name for p in tmp_path.iterdir()) == ["snap"]


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_theme_switch_keeps_the_window_whole(window, theme):
    window.toggle_theme(theme == "dark")
    assert window.theme_name == theme
    window.controller.run_to_end()
    assert not window.grab().isNull()
    window.toggle_theme(False)


def test_opening_a_bad_file_keeps_the_model(window, tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text("{ not json")
    model = window.controller.model
    assert not window.controller.open_file(str(bad))
    assert window.controller.model is model
    assert "not valid JSON" in window.statusBar().currentMessage()


def test_edit_values_button_opens_the_editor_and_ok_stores(window, qtbot, monkeypatch):
    from explorer.ui.inspector.matrix_editor import MatrixEditor
    c = window.controller
    c.select("X")
    assert window.inspector.edit_button.isVisible()

    def accept_with_new_numbers(dialog):
        dialog.table_model.setData(dialog.table_model.index(0, 0), "-4.5")
        return True

    monkeypatch.setattr(MatrixEditor, "exec", accept_with_new_numbers)
    window.inspector.edit_button.click()
    assert c.model.value("X")[0, 0] == -4.5
    assert c.undo_stack.canUndo()
    c.undo_stack.undo()
    assert c.model.value("X")[0, 0] == 1.0


def test_randomise_is_reproducible(window, qtbot):
    from explorer.ui.inspector.matrix_editor import MatrixEditor

    first = MatrixEditor("W2", "param", window.controller.model.value("W2"), window)
    second = MatrixEditor("W2", "param", window.controller.model.value("W2"), window)
    qtbot.addWidget(first)
    qtbot.addWidget(second)
    for dialog in (first, second):
        dialog.seed.setValue(42)
        dialog.randomise()
    np.testing.assert_array_equal(first.result_array(), second.result_array())
    assert not np.array_equal(first.result_array(), window.controller.model.value("W2"))
    second.seed.setValue(43)
    second.randomise()
    assert not np.array_equal(first.result_array(), second.result_array())


def test_moving_a_node_keeps_the_step_and_the_zoom(window, qtbot):
    c = window.controller
    c.seek(5)
    transform = window.view.transform()
    window.scene.node_move_requested.emit("W2", 333.0, 444.0)
    assert c.model.spec("W2").pos == (333.0, 444.0)
    assert c.session.position == 5
    assert window.view.transform() == transform
    assert window.scene.node_items["W2"].pos().x() == pytest.approx(333.0, abs=1)


def test_a_large_jacobian_is_built_off_the_ui_thread(window, qtbot):
    from explorer.engine import Session
    from explorer.model import model_from_dict

    width, batch = 64, 64  # ∂H1/∂W1 is (64, 64, 64, 64): 16.8 M numbers
    doc = {
        "format": "jacobian-explorer/model", "version": 1,
        "nodes": [
            {"id": "X", "op": "input", "value": np.ones((width, batch)).tolist()},
            {"id": "W1", "op": "param", "shape": [width, width], "init": {"kind": "normal", "seed": 1}},
            {"id": "H1", "op": "linear", "inputs": {"x": "X", "w": "W1"}},
            {"id": "Y", "op": "target", "value": np.zeros((width, batch)).tolist()},
            {"id": "L", "op": "half_sse", "inputs": {"pred": "H1", "target": "Y"}},
        ],
    }
    c = window.controller
    c.load(Session(model_from_dict(doc)))
    c.select("W1")
    inspector = window.inspector
    with qtbot.waitSignal(inspector.runner.finished, timeout=60_000):
        inspector.tabs.setCurrentIndex(TAB_JACOBIAN)
        assert inspector.busy_widget.isVisibleTo(inspector)
    assert not inspector.busy_widget.isVisibleTo(inspector)
    assert inspector.jacobian_view.current_jacobian().shape == (width, batch, width, width)


def test_cancel_drops_a_background_job(window, qtbot):
    inspector = window.inspector
    with qtbot.waitSignal(inspector.runner.cancelled):
        inspector.runner.submit("slow", lambda cancelled: ("jacobian", None, None))
        inspector.cancel_button.click()
    assert not inspector.runner.busy
    inspector.runner.wait_all()


def test_a_jacobian_over_the_budget_shows_a_message(window):
    from explorer.engine import Session
    from explorer.model import model_from_dict

    width, batch = 128, 64  # ∂H1/∂W1 would be 128·64·128·128 = 134 M numbers
    doc = {
        "format": "jacobian-explorer/model", "version": 1,
        "nodes": [
            {"id": "X", "op": "input", "value": np.ones((width, batch)).tolist()},
            {"id": "W1", "op": "param", "shape": [width, width], "init": {"kind": "zeros"}},
            {"id": "H1", "op": "linear", "inputs": {"x": "X", "w": "W1"}},
            {"id": "Y", "op": "target", "value": np.zeros((width, batch)).tolist()},
            {"id": "L", "op": "half_sse", "inputs": {"pred": "H1", "target": "Y"}},
        ],
    }
    window.controller.load(Session(model_from_dict(doc)))
    window.controller.run_to_end()
    window.controller.select("W1")
    window.inspector.tabs.setCurrentIndex(TAB_JACOBIAN)
    assert not window.inspector.runner.busy
    assert "134,217,728" in window.inspector.jacobian_view.message_label.text()
    window.inspector.tabs.setCurrentIndex(TAB_BREAKDOWN)
    text = window.inspector.breakdown_view.browser.toPlainText()
    assert "not built" in text
    # nothing independent was compared (the closed form is the engine's own call): no mark, a pointer instead
    assert "✓" not in text
    assert "No independent check" in text
    assert "finite-difference" in text


def test_save_never_overwrites_a_bundled_example(window, dialogs, tmp_path):
    from explorer.resources import example_path

    c = window.controller
    c.path = str(example_path("toy"))
    before = example_path("toy").read_bytes()
    target = tmp_path / "mine.json"
    dialogs.answer("save_path", str(target))
    c.edit("Set loss", edits.set_loss, "sse")
    assert window.save()
    assert example_path("toy").read_bytes() == before
    assert c.path == str(target)
    from explorer.model import load_model

    assert load_model(target).op("L") == "sse"
    assert c.undo_stack.isClean()
    assert not window.isWindowModified()


def test_with_nothing_selected_the_inspector_follows_the_step(window, qtbot):
    c = window.controller
    assert c.selected is None
    c.step()
    assert window.inspector.node == "H1"
    c.step()
    assert window.inspector.node == "H2"
    c.select("W1")
    c.step()
    assert window.inspector.node == "W1"  # a choice of the person's stays


def test_a_click_on_empty_canvas_selects_nothing(window, qtbot):
    c = window.controller
    c.select("W2")
    corner = window.view.viewport().rect().topLeft() + QPoint(5, 5)
    with qtbot.waitSignal(c.selection_changed):
        qtbot.mouseClick(window.view.viewport(), Qt.MouseButton.LeftButton, pos=corner)
    assert c.selected is None


def test_copy_graph_image_puts_the_canvas_on_the_clipboard(window, qapp):
    qapp.clipboard().clear()
    window.copy_image_action.trigger()
    image = qapp.clipboard().image()
    assert not image.isNull()
    assert image.width() > 400
    assert "copied" in window.statusBar().currentMessage()


def test_the_step_button_on_the_toolbar_steps(window, qtbot):
    from PySide6.QtWidgets import QToolBar

    steps = next(bar for bar in window.findChildren(QToolBar) if bar.objectName() == "steps")
    button = steps.widgetForAction(window.step_action)
    with qtbot.waitSignal(window.controller.step_changed):
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert window.controller.session.position == 1
    back = steps.widgetForAction(window.back_action)
    with qtbot.waitSignal(window.controller.step_changed):
        qtbot.mouseClick(back, Qt.MouseButton.LeftButton)
    assert window.controller.session.position == 0


def test_picking_a_node_from_the_list_selects_it(window, qtbot):
    row = next(i for i in range(window.node_list.count())
               if window.node_list.item(i).data(Qt.ItemDataRole.UserRole) == "W2")
    rect = window.node_list.visualItemRect(window.node_list.item(row))
    with qtbot.waitSignal(window.controller.selection_changed):
        qtbot.mouseClick(window.node_list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.controller.selected == "W2"
    assert window.scene.node_items["W2"].is_selected
    assert "W₂" in window.inspector.title.text()
