"""Small things on screen that were false or odd: each has its regression test here."""

import re

import numpy as np
from PySide6.QtCore import Qt

from explorer.ui.inspector.panel_tabs import TAB_BREAKDOWN, TAB_JACOBIAN
from tests.ui.settle import settle


def _placeholder(window, tab):
    window.inspector.tabs.setCurrentIndex(tab)
    settle()
    tabs = window.inspector.tabs
    text = tabs.placeholder_text(tab)
    if text is None:  # the view is built: its own message
        view = tabs.view(tab)
        text = view.browser.toPlainText() if hasattr(view, "browser") else view.findChild(type(view.children()[0])).text()
    return text


def test_with_nothing_selected_the_local_derivative_tabs_say_so(window, qtbot):
    window.controller.select(None)
    for tab in (TAB_JACOBIAN, TAB_BREAKDOWN):
        text = _placeholder(window, tab)
        assert "No node is selected" in text
        assert "has no local derivatives" not in text


def test_none_and_identity_are_told_apart(window, qtbot):
    window.controller.select("H1")
    combo = window.inspector.activation_combo
    none, identity = combo.findData(None), combo.findData("identity")
    assert none >= 0
    assert identity >= 0
    assert combo.itemText(none) != combo.itemText(identity)
    none_tip = combo.itemData(none, Qt.ItemDataRole.ToolTipRole)
    identity_tip = combo.itemData(identity, Qt.ItemDataRole.ToolTipRole)
    assert "No activation node" in none_tip
    assert "identity I" in identity_tip


def test_f1_lists_undo_and_redo_by_name_not_by_the_last_edit(window, qtbot):
    from explorer.ui.shell.actions import shortcut_rows

    window.controller.select("H1")
    window.inspector.width_spin.setValue(4)  # "Set layer 1 width to 4"
    window.controller.undo_stack.undo()
    assert window.redo_action.text().startswith("&Redo ")  # the menu says what it would redo
    names = [name for name, _keys in shortcut_rows(window)]
    assert "&Undo" in names
    assert "&Redo" in names
    assert not [name for name in names if "width" in name]


def test_the_exported_graph_has_no_selection_box(window, qtbot):
    from explorer.ui.canvas.image import scene_png

    window.controller.select(None)
    settle()
    plain = scene_png(window.scene, 1.0)
    window.controller.select("W2")
    settle()
    assert window.scene.node_item("W2").is_selected
    assert scene_png(window.scene, 1.0) == plain
    assert window.scene.node_item("W2").is_selected  # the window keeps its selection


def test_an_example_sets_the_learning_rate_its_description_names(window, qtbot):
    from explorer.model.examples import EXAMPLE_RATES, EXAMPLES

    for name, description in EXAMPLES.items():
        named = re.search(r"η (\d+(?:\.\d+)?)", description)
        assert (float(named.group(1)) if named else None) == EXAMPLE_RATES.get(name), name
    spin = window.learning_lab.lr_spin
    assert spin.value() == 0.1
    assert window.files.open_example("lab_deep_sigmoid")
    assert spin.value() == 0.01
    assert window.files.open_example("regression")
    assert spin.value() == 0.02


def test_a_tiny_loss_reads_in_scientific_notation(make_window, qtbot):
    from explorer.engine import Session
    from explorer.model import node_edit
    from explorer.model.examples import toy_model

    model = node_edit.set_value(toy_model(), "W3", np.zeros((3, 2)))
    model = node_edit.set_value(model, "Y", np.array([[np.sqrt(2) * 1e-150], [0.0]]))
    session = Session(model)
    session.run()
    assert 0 < session.loss < 1e-299
    window = make_window(session)
    assert "1e−300" in window.loss_label.text()
    assert "= 0 " not in window.loss_label.text()


def test_remove_layer_works_on_the_layer_shown_by_stepping(window, qtbot):
    c = window.controller
    c.select(None)
    assert not window.remove_action.isEnabled()  # step 0: the inspector shows no layer
    c.seek(2)  # H2 = W2ᵀ H1: layer 2, shown by stepping
    assert c.selected is None
    assert c.inspected == "H2"
    assert window.remove_action.isEnabled()
    layers = len(window.controller.model.order)
    window.remove_action.trigger()
    assert len(window.controller.model.order) < layers
    assert "W2" not in window.controller.model.order or "H2" not in window.controller.model.order


def test_the_inspector_titles_a_scalar_node_by_its_word_not_an_empty_shape(window) -> None:
    from PySide6.QtGui import QTextDocumentFragment

    window.controller.select("L")
    title = QTextDocumentFragment.fromHtml(window.inspector.title.text()).toPlainText()
    assert "()" not in title
    assert title.endswith("scalar")
    window.controller.select("W3")
    assert QTextDocumentFragment.fromHtml(window.inspector.title.text()).toPlainText().endswith("(3, 2)")
