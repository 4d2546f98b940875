"""Leaky ReLU in the window: declared by its op table entry alone, it shows and works everywhere."""

import json

import numpy as np
import pytest
from PySide6.QtWidgets import QToolButton

from explorer.engine import Session
from explorer.model import load_model
from explorer.model.edit import chain_layers
from explorer.resources import example_path
from explorer.ui.lab.activation_plot import ActivationPlot, activation_curves
from explorer.ui.text.i18n import install_translator, remove_translators
from explorer.ui.text.op_names import op_title


@pytest.fixture
def leaky_model(tmp_path):
    doc = json.loads(example_path("lab_deep_relu").read_text(encoding="utf-8"))
    for node in doc["nodes"]:
        if node["op"] == "relu":
            node["op"] = "leaky_relu"
    path = tmp_path / "leaky.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    return load_model(path)


def test_the_canvas_and_the_inspector_call_it_leaky_relu(window, leaky_model):
    c = window.controller
    c.load(Session(leaky_model))
    item = window.scene.node_item("A1")
    assert item.op == "leaky ReLU"
    assert "leaky rectified linear max(0.01x, x)" in item.toolTip()
    c.select("A1")
    assert "leaky ReLU" in window.inspector.title.text()
    combo = window.inspector.activation_combo
    index = combo.findData("leaky_relu")
    assert index >= 0
    assert combo.itemText(index) == "leaky ReLU"


def test_the_add_layer_menu_offers_leaky_relu_and_adds_it(window):
    button = next(b for b in window.findChildren(QToolButton) if b.text() == "+ Layer")
    entries = {a.text(): a for a in button.menu().actions()}
    action = entries["Add layer before the output layer, then leaky ReLU"]
    action.trigger()
    activations = [layer.activation_op for layer in chain_layers(window.controller.model)]
    assert "leaky_relu" in activations


def test_korean_keeps_relu_and_reads_leaky(qapp):
    assert install_translator("ko", qapp) == "ko"
    try:
        assert op_title("leaky_relu") == "리키 ReLU"
        assert op_title("relu") == "relu"
    finally:
        remove_translators(qapp)
    assert op_title("leaky_relu") == "leaky ReLU"


def test_the_activation_plot_draws_leaky_relu_with_its_slopes(qtbot):
    plot = ActivationPlot()
    qtbot.addWidget(plot)
    assert list(plot.plots) == ["sigmoid", "tanh", "relu", "leaky_relu"]
    assert plot.mark_value("leaky_relu") is None  # its slope is a step: nothing to mark
    x, slope = plot.derivative_data("leaky_relu")
    np.testing.assert_array_equal(slope, np.where(x > 0, 1.0, 0.01))
    assert plot.plots["leaky_relu"].titleLabel.text == "leaky ReLU and lrelu′"
    f, _ = activation_curves("leaky_relu", np.array([-2.0, 3.0]))
    np.testing.assert_array_equal(f, [-0.02, 3.0])
