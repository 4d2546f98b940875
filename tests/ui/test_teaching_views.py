"""The breakdown, the step header and the derivation tab, read off the screen for the lecture's toy."""

import numpy as np
import pytest
from PySide6.QtGui import QTextCursor, QTextDocumentFragment

from explorer.engine import Session
from explorer.model import Model
from explorer.model.examples import toy_model
from explorer.ops import OPS
from explorer.ui.inspector.panel import TAB_BREAKDOWN, TAB_DERIVATION
from tests.ui.settle import settle


def tables(browser) -> list[list[list[str]]]:
    """Every table of a rich-text view, in document order, as rows of cell texts."""
    document = browser.document()
    found, seen = [], set()
    block = document.begin()
    while block.isValid():
        table = QTextCursor(block).currentTable()
        if table is not None and id(table) not in seen and table.firstPosition() not in seen:
            seen.add(table.firstPosition())
            rows = []
            for r in range(table.rows()):
                row = []
                for c in range(table.columns()):
                    cell = table.cellAt(r, c)
                    cursor = cell.firstCursorPosition()
                    cursor.setPosition(cell.lastCursorPosition().position(), QTextCursor.MoveMode.KeepAnchor)
                    row.append(cursor.selectedText())
                rows.append(row)
            found.append(rows)
        block = block.next()
    return found


def number(text: str) -> float:
    return float(text.replace("−", "-"))


def shown(window, node: str, tab: int) -> str:
    window.controller.run_to_end()
    window.controller.select(node)
    window.inspector.tabs.setCurrentIndex(tab)
    view = window.inspector.derivation_view if tab == TAB_DERIVATION else window.inspector.breakdown_view
    return view.browser.toPlainText()


def test_the_contraction_is_written_out_with_its_zero_terms(window):
    text = shown(window, "W3", TAB_DERIVATION)
    assert window.inspector.pair_combo.currentData() == ("Yhat", "W3")
    # the lecture's slide 8/8: ∂L/∂w₁₁ = ∂L/∂ŷ₁·∂ŷ₁/∂w₁₁ + ∂L/∂ŷ₂·∂ŷ₂/∂w₁₁ = (−0.266)(0.23) + (0.522)(0)
    assert "∂L/∂w⁽³⁾₁₁" in text
    assert "∂L/∂ŷ₁·∂ŷ₁/∂w⁽³⁾₁₁ + ∂L/∂ŷ₂·∂ŷ₂/∂w⁽³⁾₁₁" in text
    assert "(−0.266)(0.23) + (0.522)(0) = −0.06118" in text
    assert "(−0.266)(0) + (0.522)(0.23) = 0.1201" in text  # w₁₂: the first output's zero term
    assert "∂L/∂ŷ₁ × h⁽²⁾₁" in text  # collapsed to the table's form
    assert "H₂ · δᵀ" in text


def test_jtv_of_h2_by_h1_shows_w2_transposed(window):
    text = shown(window, "H1", TAB_DERIVATION)
    assert window.inspector.pair_combo.currentData() == ("H2", "H1")
    assert "J = W₂ᵀ" in text
    assert "Jᵀv = W₂ · δ" in text
    assert "H2.backward(gradient=v)" in text
    found = [t for t in tables(window.inspector.derivation_view.browser) if t and t[0][1:] == ["h⁽¹⁾₁", "h⁽¹⁾₂", "h⁽¹⁾₃"]]
    assert found, "no table with the columns of H₁"
    j = found[0]
    assert [row[0] for row in j[1:]] == ["∇ᵀh⁽²⁾₁", "∇ᵀh⁽²⁾₂", "∇ᵀh⁽²⁾₃"]
    displayed = np.array([[number(cell) for cell in row[1:]] for row in j[1:]])
    w2 = window.controller.model.value("W2")
    np.testing.assert_allclose(displayed, w2.T, atol=5e-5)
    assert not np.allclose(w2, w2.T)  # so the comparison tells J = W₂ᵀ from W₂


def test_jtv_numbers_are_w2_times_delta(window):
    shown(window, "H1", TAB_DERIVATION)
    session = window.controller.session
    expected = window.controller.model.value("W2") @ session.grad("H2")
    columns = [t for t in tables(window.inspector.derivation_view.browser) if len(t) == 3 and len(t[0]) == 1]
    values = [np.array([[number(r[0])] for r in t]) for t in columns]
    assert any(np.allclose(v, expected, atol=5e-5) for v in values)


def test_selecting_h1_opens_on_how_its_own_gradient_arose(window):
    text = shown(window, "H1", TAB_BREAKDOWN)
    b = window.inspector.breakdown_view.breakdown
    assert (b.node, b.wrt) == ("H2", "H1")
    assert text.startswith("∂L/∂H₂ (3×1) · ∂H₂/∂H₁ (3×1×3×1) → ∂L/∂H₁ (3×1)")
    combo = window.inspector.pair_combo
    others = [combo.itemData(i) for i in range(combo.count())]
    assert ("H1", "W1") in others  # the other local derivatives one click away


def test_the_loss_breakdown_names_its_jacobian_as_the_gradient(window):
    text = shown(window, "Yhat", TAB_BREAKDOWN)
    assert window.inspector.pair_combo.currentData() == ("L", "Yhat")
    assert "never builds" not in text
    assert "does not build" not in text
    assert "exactly the gradient ∂L/∂Ŷ" in text


def test_delta_is_defined_with_its_layer_and_the_mark_says_what_was_compared(window):
    text = shown(window, "W3", TAB_BREAKDOWN)
    assert "δ = ∂L/∂Ŷ (2×1), the gradient arriving at Ŷ" in text
    assert "the outer product H₂ δᵀ" in text
    assert "h δᵀ" not in text
    assert "✓ the dense contraction" in text
    assert "the closed form Jᵀv" not in text


def _check(window, qtbot) -> str:
    view = window.inspector.breakdown_view
    assert view.fd_button.isEnabled()
    view.fd_button.click()
    qtbot.waitUntil(lambda: view.fd_result is not None, timeout=10_000)
    return view.fd_label.text()


def test_finite_difference_button_passes_on_the_toy(window, qtbot):
    shown(window, "W1", TAB_BREAKDOWN)
    text = _check(window, qtbot)
    assert text.startswith("✓ ∂L/∂W₁")
    assert "largest difference" in text
    assert window.inspector.breakdown_view.fd_result.ok


def test_finite_difference_button_fails_on_a_wrong_vjp(window, qtbot, monkeypatch):
    right = OPS["linear"].vjp["w"]
    monkeypatch.setitem(OPS["linear"].vjp, "w", lambda a, out, g: 1.5 * right(a, out, g))
    window.controller.load(Session(toy_model()))
    shown(window, "W1", TAB_BREAKDOWN)
    text = _check(window, qtbot)
    assert text.startswith("✗ ∂L/∂W₁")
    assert not window.inspector.breakdown_view.fd_result.ok


def test_finite_difference_check_can_be_cancelled(window, qtbot):
    shown(window, "W1", TAB_BREAKDOWN)
    view = window.inspector.breakdown_view
    view.fd_button.click()
    assert view.fd_cancel.isVisible()
    view.fd_cancel.click()
    assert not view.fd_cancel.isVisible()
    view.fd_runner.wait_all()
    qtbot.waitUntil(lambda: "cancelled" in view.fd_label.text())
    assert view.fd_result is None


def test_step_header_shows_the_formula_with_every_symbol(window):
    c = window.controller
    c.seek(8)  # Backward 8/11: ∂L/∂H₂ = W₃ · δ
    header = window.inspector.step_header
    assert header.formula_text() == "∂L/∂H₂ = W₃ · δ"
    where = QTextDocumentFragment.fromHtml(header.where_label.text()).toPlainText()
    assert "δ = ∂L/∂Ŷ (2×1)" in where
    assert "W₃ (3×2)" in where
    window.statusBar().showMessage("a transient message", 5000)
    assert header.isVisible()
    assert header.formula_text() == "∂L/∂H₂ = W₃ · δ"
    c.seek(1)
    assert header.formula_text() == "H₁ = W₁ᵀ · X"


def test_labels_with_markup_show_literally(window):
    model = toy_model()
    labels = {"W3": "<b>W3</b>", "H2": "<i>x</i>"}
    model = Model([spec.with_(label=labels.get(spec.id, spec.label)) for spec in model.specs], model.name)
    window.controller.load(Session(model))
    text = shown(window, "W3", TAB_DERIVATION)
    assert "<b>W3</b>" in text
    assert "<i>x</i>" in text
    breakdown = shown(window, "W3", TAB_BREAKDOWN)
    assert "<b>W3</b>" in breakdown
    step = next(s.index for s in window.controller.session.plan if s.phase == "backward" and s.node == "W3")
    window.controller.seek(step)  # ∂L/∂W₃ = H₂ · δᵀ, with both labels
    header = window.inspector.step_header
    assert header.formula_text() == "∂L/∂<b>W3</b> = <i>x</i> · δᵀ"
    assert "<i>x</i> (3×1)" in QTextDocumentFragment.fromHtml(header.where_label.text()).toPlainText()


@pytest.mark.parametrize("example", ["toy", "toy_batch", "deep_sigmoid"])
def test_derivation_tab_for_every_example(window, example):
    from explorer.model import load_model
    from explorer.resources import example_path

    window.controller.load(Session(load_model(example_path(example))))
    text = shown(window, "W1", TAB_DERIVATION)
    assert "연쇄법칙" in text
    assert "벡터-야코비안 곱" in text
    assert "✓ the product of the dense Jacobians" in text
    if example == "toy_batch":
        assert "Σₛ" in text  # a batch: the sum of per-sample outer products


def _cell_colours(view) -> np.ndarray:
    """The RGB pixels at every cell's centre of a heatmap, as drawn on screen."""
    from PySide6.QtCore import QPointF

    image = view.graphics.grab().toImage()
    plot = view.heatmap.plot.getViewBox()
    rows, columns = view.heatmap.matrix.shape
    colours = np.zeros((rows, columns, 3))
    for i in range(rows):
        for j in range(columns):
            point = view.graphics.mapFromScene(plot.mapViewToScene(QPointF(j + 0.2, i + 0.2)))  # off the printed number
            pixel = image.pixelColor(point.x(), point.y())
            colours[i, j] = (pixel.red(), pixel.green(), pixel.blue())
    return colours


def _strength(colours: np.ndarray, zero: np.ndarray) -> float:
    """How far the cells' colours are from the colour of zero, at most."""
    return float(np.abs(colours - zero).sum(axis=-1).max())


@pytest.fixture
def deep_sigmoid_grads(window):
    from explorer.model import load_model
    from explorer.resources import example_path
    from explorer.ui.inspector.panel import TAB_GRAD

    window.controller.load(Session(load_model(example_path("deep_sigmoid"))))
    window.controller.run_to_end()
    window.inspector.tabs.setCurrentIndex(TAB_GRAD)
    return window


def _grad_picture(window, qtbot, node):
    window.controller.select(node)
    view = window.inspector.grad_view
    settle()
    zero_colour = _cell_colours_of_zero(view)
    return view, _strength(_cell_colours(view), zero_colour)


def _cell_colours_of_zero(view) -> np.ndarray:
    import pyqtgraph as pg

    from explorer.ui.kit.theme import current_theme

    colour = pg.colormap.get(current_theme().colormap).map(0.5, mode="qcolor")
    return np.array([colour.red(), colour.green(), colour.blue()], dtype=float)


def test_shared_scale_shows_the_vanishing_gradient_pale(deep_sigmoid_grads, qtbot):
    window = deep_sigmoid_grads
    session = window.controller.session
    view = window.inspector.grad_view
    # own maximum: W₁'s 1e-4 gradient is as strong as W₈'s
    view.set_scale_mode("own")
    _, own_w1 = _grad_picture(window, qtbot, "W1")
    _, own_w8 = _grad_picture(window, qtbot, "W8")
    assert own_w1 > 150
    assert own_w8 > 150
    view.set_scale_mode("shared")
    _, shared_w8 = _grad_picture(window, qtbot, "W8")
    view_w1, shared_w1 = _grad_picture(window, qtbot, "W1")
    top = max(float(np.abs(session.grad(p)).max()) for p in window.controller.model.params)
    assert view_w1.scale().top == pytest.approx(top)
    assert view_w1.levels() == pytest.approx((-top, top))
    assert shared_w8 > 150
    assert shared_w1 < 10  # visibly paler: next to the colour of zero
    assert "shared across all parameters' gradients" in view_w1.scale_label.text()
    assert f"±{top:.3g}" in view_w1.scale_label.text()


def test_log_scale_states_its_floor(deep_sigmoid_grads, qtbot):
    window = deep_sigmoid_grads
    window.inspector.grad_view.set_scale_mode("shared", log=True)
    view, strength = _grad_picture(window, qtbot, "W1")
    text = view.scale_label.text()
    assert text.startswith("log colour scale: sign·log₁₀(1 + |x| / 1e−9), floor 1e−9")
    assert strength > 60  # small gradients show again on a log scale
    assert view.cell_text(3, 3) == "0.0001814"  # the cells keep the true numbers


def test_export_derivation_and_code_from_the_window(window, tmp_path):
    import subprocess
    import sys

    from explorer.ui.shell.export_actions import export_code, export_derivation

    window.controller.run_to_end()
    assert export_derivation(window, tmp_path / "handout")
    md = (tmp_path / "handout" / "derivation.md").read_text(encoding="utf-8")
    assert "∂L/∂W₁" in md or "W1" in md
    assert (tmp_path / "handout" / "derivation.tex").read_text(encoding="utf-8").startswith("\\documentclass")
    assert export_code(window, tmp_path / "code")
    out = subprocess.run(
        [sys.executable, str(tmp_path / "code" / "model_numpy.py"), "--json"], capture_output=True, text=True, check=True
    ).stdout
    import json

    result = json.loads(out)
    assert result["loss"] == pytest.approx(window.controller.session.loss, rel=1e-12)
    np.testing.assert_allclose(result["grad"]["W1"], window.controller.session.grad("W1"), rtol=1e-10)
    assert "Exported model_numpy.py, model_torch.py" in window.statusBar().currentMessage()


def test_export_into_an_unwritable_place_says_so(window, tmp_path):
    from explorer.ui.shell.export_actions import export_derivation

    blocker = tmp_path / "file"
    blocker.write_text("x")
    assert not export_derivation(window, blocker / "sub")
    assert "failed" in window.statusBar().currentMessage()


def test_a_large_derivation_is_built_on_the_worker(window, qtbot):
    from explorer.model import model_from_dict

    width = 100  # ∂H₁/∂W₁ holds 100·100·100 = 1,000,000 numbers: the dense product is formed, off the UI thread
    doc = {
        "format": "jacobian-explorer/model", "version": 1,
        "nodes": [
            {"id": "X", "op": "input", "value": np.linspace(-1, 1, width).reshape(width, 1).tolist()},
            {"id": "W1", "op": "param", "shape": [width, width], "init": {"kind": "normal", "std": 0.1, "seed": 1}},
            {"id": "H1", "op": "linear", "inputs": {"x": "X", "w": "W1"}},
            {"id": "Y", "op": "target", "value": np.zeros((width, 1)).tolist()},
            {"id": "L", "op": "half_sse", "inputs": {"pred": "H1", "target": "Y"}},
        ],
    }
    window.controller.load(Session(model_from_dict(doc)))
    window.controller.run_to_end()
    window.controller.select("W1")
    inspector = window.inspector
    inspector.tabs.setCurrentIndex(TAB_DERIVATION)
    assert inspector.runner.busy  # not on the UI thread
    assert inspector.derivation_view.data is None
    qtbot.waitUntil(lambda: inspector.derivation_view.data is not None, timeout=30_000)
    text = inspector.derivation_view.browser.toPlainText()
    assert "✓ the product of the dense Jacobians" in text
    assert "would hold 1,000,100 numbers" in text  # ∂L/∂H₁: 100·1, ∂H₁/∂W₁: 100·1·100·100


def test_each_tab_s_view_is_built_when_first_shown_and_the_tab_bar_stays(window):
    from explorer.ui.inspector.panel import TAB_GRAD, TAB_JACOBIAN, TAB_VALUE

    inspector = window.inspector
    tabs = inspector.tabs
    # nothing selected: the Value tab says so on a plain line; no view (and no pyqtgraph) for the first frame
    assert not any(tabs.is_built(tab) for tab in (TAB_VALUE, TAB_GRAD, TAB_JACOBIAN, TAB_BREAKDOWN, TAB_DERIVATION))
    assert tabs.placeholder_text(TAB_VALUE) == "Select a node to see its numbers."
    assert tabs.currentWidget().isVisible()
    bar = tabs.tabBar().mapTo(window, tabs.tabBar().rect().topLeft())
    window.controller.run_to_end()
    window.controller.select("W3")
    assert tabs.currentIndex() == TAB_GRAD  # the inspector follows the pass: the gradient after the backward pass
    assert tabs.is_built(TAB_GRAD)  # a node to show: its heatmap is built, the line gone
    assert tabs.placeholder_text(TAB_GRAD) is None
    np.testing.assert_array_equal(inspector.grad_view.current_array(), window.controller.session.grad("W3"))
    assert tabs.tabBar().mapTo(window, tabs.tabBar().rect().topLeft()) == bar
    tabs.setCurrentIndex(TAB_JACOBIAN)
    assert tabs.is_built(TAB_JACOBIAN)
    assert tabs.currentWidget().isAncestorOf(inspector.jacobian_view)
    assert inspector.jacobian_view.isVisible()
    assert inspector.jacobian_view.slice_titles() == ["∂ŷ₁/∂W₃", "∂ŷ₂/∂W₃"]  # drawn at once
    assert tabs.tabBar().mapTo(window, tabs.tabBar().rect().topLeft()) == bar
    assert not tabs.is_built(TAB_DERIVATION)


def test_a_step_that_leaves_the_shown_array_as_it_was_redraws_nothing(window, monkeypatch):
    c = window.controller
    c.select("W3")
    view = window.inspector.value_view
    drawn = []
    monkeypatch.setattr(view.heatmap, "show", lambda *args, **kwargs: drawn.append(args))
    c.step()  # W₃ is a parameter: its value is the same array at every step
    c.step()
    assert drawn == []
    np.testing.assert_array_equal(view.current_array(), c.model.value("W3"))


def test_the_breakdown_is_worked_out_again_only_when_what_it_depends_on_changes(window, monkeypatch):
    c = window.controller
    c.select("W3")
    window.inspector.tabs.setCurrentIndex(TAB_BREAKDOWN)
    view = window.inspector.breakdown_view
    worked_out = []
    set_breakdown = view.set_breakdown
    monkeypatch.setattr(view, "set_breakdown", lambda b: (worked_out.append(b), set_breakdown(b)))
    steps = 0
    while c.step():
        steps += 1
    # once ∂L/∂Ŷ is known, later steps (H₂, W₂, H₁, … their gradients) leave ∂Ŷ/∂W₃'s arrays as they were
    assert 0 < len(worked_out) < 4 < steps
    count, shown = len(worked_out), view.browser.toPlainText()
    window.inspector._drawn.clear()  # forget what it was drawn from: worked out afresh, it reads the same
    window.inspector.set_node("W3")
    assert len(worked_out) == count + 1
    assert view.browser.toPlainText() == shown


def _derivation_at(window, step: int) -> str:
    """The derivation tab's text for the node the current step computes (nothing selected)."""
    c = window.controller
    c.select(None)
    c.session.reset()
    for _ in range(step):
        c.step()
    window.inspector.tabs.setCurrentIndex(TAB_DERIVATION)
    settle()
    return window.inspector.derivation_view.browser.toPlainText()


def test_the_forward_pass_is_written_out_at_the_step_that_computes_it(window):
    """Forward 1: H₁ = W₁ᵀX, nine multiply-adds, written out with the numbers while it is computed."""
    text = _derivation_at(window, 1)
    assert window.controller.inspected == "H1"
    assert "written out only for a linear layer" not in text.lower()
    assert "H₁ = W₁ᵀ · X" in text
    assert "h⁽¹⁾₁ = w⁽¹⁾₁₁x₁ + w⁽¹⁾₂₁x₂ + w⁽¹⁾₃₁x₃" in text
    x, w1 = toy_model().value("X"), toy_model().value("W1")
    h1 = w1.T @ x  # by hand here: 0.7, 0, 0.4
    np.testing.assert_allclose(h1[:, 0], [0.7, 0.0, 0.4], atol=1e-12)
    assert "= 0.7" in text
    # the loss at its forward step (4): ½ Σ (ŷ − y)² written out with Ŷ and Y
    text = _derivation_at(window, 4)
    assert "L = ½ [(ŷ₁ − y₁)² + (ŷ₂ − y₂)²]" in text
    assert "½ [(0.234 − 0.5)² + (0.022 − (−0.5))²] = 0.1716" in text


def test_an_activation_is_written_out_at_its_forward_step(make_window):
    window = make_window("deep_sigmoid")
    c = window.controller
    step = next(s.index for s in c.session.plan if s.phase == "forward" and s.node == "A1")
    text = _derivation_at(window, step)
    h1 = c.session.value("H1")
    a1 = c.session.value("A1")
    np.testing.assert_allclose(a1, 1 / (1 + np.exp(-h1)), rtol=1e-12)
    assert "A₁ = σ(H₁)" in text
    assert "a⁽¹⁾₁ = σ(h⁽¹⁾₁)" in text
    from explorer.model.numbers import shown as shown_number

    assert f"σ({shown_number(float(h1[0, 0]))}) = {shown_number(float(a1[0, 0]))}" in text


def test_the_inspector_follows_the_pass_until_a_tab_is_picked(window, qtbot):
    from PySide6.QtCore import Qt

    from explorer.ui.inspector.panel import TAB_GRAD, TAB_VALUE

    c, tabs = window.controller, window.inspector.tabs
    c.select(None)
    assert tabs.currentIndex() == TAB_VALUE
    c.step()
    assert tabs.currentIndex() == TAB_VALUE  # forward: the value
    for _ in range(4):
        c.step()
    assert c.session.current.phase == "backward"
    assert tabs.currentIndex() == TAB_GRAD  # backward: the gradient
    c.back()
    c.back()
    assert c.session.current.phase == "forward"
    assert tabs.currentIndex() == TAB_VALUE
    # the user picks the Gradient tab: it stays through the forward steps
    bar = tabs.tabBar()
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(TAB_GRAD).center())
    assert tabs.currentIndex() == TAB_GRAD
    c.back()
    assert c.session.current.phase == "forward"
    assert tabs.currentIndex() == TAB_GRAD


def test_a_legend_explains_the_symbols_a_page_uses(window):
    breakdown = shown(window, "W3", TAB_BREAKDOWN)
    assert "einsum(" in breakdown.split("Symbols")[0]
    assert "einsum(\"ib,ibkj->kj\"): multiply the factors entry by entry and sum over every index left out" in breakdown
    derivation = shown(window, "W3", TAB_DERIVATION)
    assert "[i = j]" in derivation.split("Symbols")[0]
    assert "[i = j]: 1 when the condition holds, 0 otherwise" in derivation
    assert "⊙:" not in derivation  # the toy's W₃ page has no ⊙: no line for it
    assert "Beside the lecture" in derivation
    assert "vector by matrix: Y ∈ ℝᵐ, W ∈ ℝⁿˣᵏ" in derivation
