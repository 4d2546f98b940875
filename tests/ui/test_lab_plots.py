"""The lab's plots: throttled redraws, the activations and their bounds, gradient norms by depth, export."""

import xml.etree.ElementTree as ET

import numpy as np
import pytest
from PySide6.QtGui import QImage

from explorer.engine import Session
from explorer.model import load_model
from explorer.resources import example_path
from explorer.train.loop import train
from explorer.ui.kit.theme import DARK, LIGHT
from explorer.ui.lab.activation_plot import ActivationPlot, activation_curves
from explorer.ui.lab.plots import GradNormPlot, LossPlot
from explorer.ui.lab.throttle import RedrawThrottle


class FakeClock:
    def __init__(self):
        self.now = 0.0

    def __call__(self):
        return self.now


# -- the throttle ------------------------------------------------------------------------------


@pytest.mark.parametrize("rate", [100, 3_000, 100_000])
def test_the_throttle_draws_at_most_30_times_a_second_whatever_the_request_rate(qtbot, rate):
    clock, drawn = FakeClock(), []
    throttle = RedrawThrottle(lambda: drawn.append(clock.now), clock=clock)
    for _ in range(rate * 2):  # two seconds of requests
        clock.now += 1.0 / rate
        throttle.request()
    assert len(drawn) <= 2 * 30 + 1
    if rate >= 3_000:
        assert len(drawn) >= 2 * 30 - 1  # and it does draw, about 30 times a second
    assert all(b - a >= 1 / 30 - 1e-12 for a, b in zip(drawn, drawn[1:], strict=False))
    assert throttle.draws == len(drawn)


def test_the_last_request_is_drawn_once_the_interval_has_passed(qtbot):
    clock, drawn = FakeClock(), []
    throttle = RedrawThrottle(lambda: drawn.append(clock.now), clock=clock)
    throttle.request()
    clock.now += 0.001
    throttle.request()  # too soon: pending
    assert len(drawn) == 1
    assert throttle.pending
    throttle.flush()  # the timer fires early: still too soon
    assert len(drawn) == 1
    clock.now += 1 / 30
    throttle.flush()
    assert len(drawn) == 2
    assert not throttle.pending


def test_the_pending_drawing_comes_on_its_own_timer(qtbot):
    drawn = []
    throttle = RedrawThrottle(lambda: drawn.append(1))
    throttle.request()
    throttle.request()
    assert len(drawn) == 1
    qtbot.waitUntil(lambda: len(drawn) == 2)


def test_the_loss_plot_redraws_at_most_30_times_a_second_on_a_fake_clock(qtbot):
    plot = LossPlot()
    qtbot.addWidget(plot)
    clock = FakeClock()
    plot.throttle = RedrawThrottle(plot.redraw, clock=clock, parent=plot)
    plot.start_run("test")
    start = plot.redraws
    for i in range(20_000):  # 20,000 iterations a second for one second
        clock.now += 1 / 20_000
        plot.add_point(i, 1.0 / (i + 1))
    assert plot.redraws - start <= 31
    assert len(plot.data()[0]) == 20_000  # every point kept; only the drawing is throttled


def test_the_window_plots_redraw_through_the_throttle_during_a_run(window, qtbot):
    lab = window.learning_lab
    clock = FakeClock()
    lab.loss_plot.throttle = RedrawThrottle(lab.loss_plot.redraw, clock=clock, parent=lab.loss_plot)
    lab.start_training(10, 0.1)
    before = lab.loss_plot.redraws
    for i in range(1000):  # a burst of progress reports within one fake tenth of a second
        clock.now += 1e-4
        lab.runs._on_progress(i, 1.0)
    assert lab.loss_plot.redraws - before <= 4
    with qtbot.waitSignal(lab.run_ended, timeout=30_000):
        pass


# -- the loss plot ------------------------------------------------------------------------------


def test_the_loss_plot_toggles_a_log_scale_and_keeps_zero_losses_drawable(qtbot):
    plot = LossPlot()
    qtbot.addWidget(plot)
    plot.set_history([4.0, 1.0, 0.0], "run")
    plot.log_check.setChecked(True)
    assert plot.plot.getAxis("left").logMode
    x, y = plot.curve.getData()
    assert np.all(np.isfinite(y))  # the zero is drawn at the floor, not lost
    assert y[0] == pytest.approx(np.log10(4.0))
    plot.set_log(False)
    assert not plot.plot.getAxis("left").logMode
    assert np.array_equal(plot.curve.getData()[1], [4.0, 1.0, 0.0])


# -- activations ---------------------------------------------------------------------------------


def test_the_activation_plot_marks_a_quarter_for_sigmoid_and_one_for_tanh(qtbot):
    plot = ActivationPlot()
    qtbot.addWidget(plot)
    assert plot.mark_value("sigmoid") == 0.25
    assert plot.mark_value("tanh") == 1.0
    assert "0.25" in plot.mark_text("sigmoid")
    assert "σ′" in plot.mark_text("sigmoid")
    assert "1" in plot.mark_text("tanh")
    x, d_sigmoid = plot.derivative_data("sigmoid")
    assert d_sigmoid.max() <= 0.25
    assert d_sigmoid.max() == pytest.approx(0.25, abs=1e-12)  # reached at x = 0
    _, d_tanh = plot.derivative_data("tanh")
    assert d_tanh.max() <= 1.0
    assert d_tanh.max() == pytest.approx(1.0, abs=1e-12)


@pytest.mark.parametrize("name", ["sigmoid", "tanh", "relu", "leaky_relu"])
def test_the_plotted_derivatives_agree_with_central_finite_differences(name):
    x = np.linspace(-5.0, 5.0, 101)
    x = x[np.abs(x) > 1e-3]  # relu and leaky relu have no derivative at 0
    h = 1e-6
    f_plus, _ = activation_curves(name, x + h)
    f_minus, _ = activation_curves(name, x - h)
    _, d = activation_curves(name, x)
    assert np.allclose(d, (f_plus - f_minus) / (2 * h), atol=1e-8)


# -- gradient norms -------------------------------------------------------------------------------


def test_the_gradient_norms_of_the_deep_sigmoid_chain_increase_with_depth_at_iteration_0(window):
    c, lab = window.controller, window.learning_lab
    session = Session(load_model(example_path("lab_deep_sigmoid")))
    c.load(session)
    depth, norms = lab.grad_plot.depth_data()
    assert len(norms) == 0  # no backward pass yet: nothing drawn
    assert "backward pass" in lab.grad_plot.caption.text()
    c.run_to_end()
    depth, norms = lab.grad_plot.depth_data()
    assert list(depth) == [1, 2, 3, 4, 5, 6]
    assert np.all(np.diff(norms) > 0)  # the gradient vanishes toward the input
    assert norms[-1] / norms[0] > 100
    expected = [np.linalg.norm(session.grad(f"W{k}")) for k in range(1, 7)]
    assert np.allclose(norms, expected, rtol=1e-12)


def test_relu_keeps_the_gradient_norms_of_all_layers_alike(window):
    c, lab = window.controller, window.learning_lab
    c.load(Session(load_model(example_path("lab_deep_relu"))))
    c.run_to_end()
    _, norms = lab.grad_plot.depth_data()
    assert norms.max() / norms.min() < 2


def test_the_gradient_norms_over_iterations_come_from_the_run(window, qtbot):
    c, lab = window.controller, window.learning_lab
    model = load_model(example_path("lab_deep_sigmoid"))
    c.load(Session(model))
    with qtbot.waitSignal(lab.run_ended, timeout=60_000):
        lab.start_training(30, 0.01)
    history = lab.grad_plot.history_data()
    expected = train(model, 30, 0.01)
    assert history.shape == (31, 6)
    assert np.array_equal(history, expected.grad_norms)  # W1 … W6 are the run's columns in depth order
    assert np.all(np.diff(history[0]) > 0)
    assert len(lab.grad_plot.history_curves) == 6


def test_a_grad_norm_plot_without_data_says_why(qtbot):
    plot = GradNormPlot()
    qtbot.addWidget(plot)
    plot.set_pass(["W₁"], None, "not yet")
    assert plot.caption.text() == "not yet"


# -- export and theme ----------------------------------------------------------------------------


def test_export_plots_writes_png_and_svg_of_each_plot(window, dialogs, tmp_path):
    lab = window.learning_lab
    dialogs.answer("folder", str(tmp_path / "plots"))
    lab.export_action.trigger()
    dialogs.assert_all_answered()
    assert "Exported" in window.statusBar().currentMessage(), window.statusBar().currentMessage()
    names = sorted(p.name for p in (tmp_path / "plots").iterdir())
    assert names == sorted(f"{n}.{e}" for n in ("loss", "gradient_norms", "activations") for e in ("png", "svg"))
    for n in ("loss", "gradient_norms", "activations"):
        image = QImage(str(tmp_path / "plots" / f"{n}.png"))
        assert not image.isNull()
        assert image.width() > 100
        root = ET.parse(tmp_path / "plots" / f"{n}.svg").getroot()
        assert root.tag.endswith("svg")


def test_a_failed_export_says_so_in_one_line(window, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    assert window.learning_lab.export_to(str(blocker / "inside")) == []
    assert "failed" in window.statusBar().currentMessage()


def test_the_docks_follow_the_theme(window):
    lab = window.learning_lab
    assert lab.loss_plot.graphics.backgroundBrush().color() == LIGHT.background
    window.dark_action.trigger()
    try:
        assert window.theme_name == "dark"
        for plot in (lab.loss_plot, lab.grad_plot, lab.activation_plot):
            assert plot.graphics.backgroundBrush().color() == DARK.background
        assert lab.loss_plot.curve.opts["pen"].color() == DARK.forward
    finally:
        window.dark_action.trigger()
    assert lab.loss_plot.graphics.backgroundBrush().color() == LIGHT.background


def test_the_docks_have_names_and_open_when_the_lab_is_used(window, qtbot):
    lab = window.learning_lab
    names = {dock.objectName() for dock in lab.docks}
    assert names == {"lab_update", "lab_loss", "lab_gradient_norms", "lab_activations"}
    assert not any(dock.isVisible() for dock in lab.docks)  # the canvas keeps its room until the lab is used
    window.controller.run_to_end()
    lab.apply_update()
    assert lab.update_dock.isVisible()
    with qtbot.waitSignal(lab.run_ended, timeout=30_000):
        lab.start_training(5, 0.1)
    assert lab.loss_dock.isVisible()
    lab.activation_dock.toggleViewAction().trigger()
    assert lab.activation_dock.isVisible()


def test_the_docks_render_in_the_theme_they_open_in(themed, window, tmp_path):
    lab = window.learning_lab
    for dock in (lab.loss_dock, lab.grad_dock, lab.activation_dock):
        lab.reveal(dock)
        view = dock.widget().graphics
        image = view.grab().toImage()
        assert not image.isNull()
        assert image.pixelColor(3, 3) == themed.background, dock.objectName()
    image = window.grab().toImage()
    assert image.save(str(tmp_path / f"window_{themed.name}.png"))


def test_a_thinned_run_is_drawn_at_its_own_iterations(qtbot, monkeypatch):
    from explorer.train import history

    monkeypatch.setattr(history, "MAX_HISTORY_ROWS", 11)
    result = train(load_model(example_path("toy")), 100, 0.05)
    assert len(result.loss) <= 12
    assert result.iterations[-1] == 100
    loss_plot = LossPlot()
    qtbot.addWidget(loss_plot)
    loss_plot.set_history(result.loss, "thinned", result.iterations)
    x, y = loss_plot.data()
    np.testing.assert_array_equal(x, result.iterations)  # iteration 100 is at x = 100, not at row 11
    np.testing.assert_array_equal(y, result.loss)
    norms_plot = GradNormPlot()
    qtbot.addWidget(norms_plot)
    norms_plot.set_history(["W1"], result.grad_norms[:, :1], result.iterations)
    norms_plot.redraw()
    drawn_x, _ = norms_plot.history_curves[0].getData()
    np.testing.assert_array_equal(drawn_x, result.iterations)
