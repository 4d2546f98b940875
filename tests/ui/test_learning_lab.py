"""The learning lab in the window: one update seen, training off the UI thread, Cancel, divergence."""

import numpy as np
import pytest
from PySide6.QtCore import QCoreApplication, QTimer

from explorer.engine import Session
from explorer.model import edit as edits
from explorer.model.examples import toy_model
from explorer.train.loop import train

WAIT_MS = 60_000


@pytest.fixture
def open_example(make_window):
    """A window on a bundled example, with dialogs answered from a script; closed at the end, its run over."""
    return make_window


def start_long_run(lab, qtbot):
    """Start a run far too long to end by itself; return once it has made at least one update."""
    assert lab.start_training(1_000_000, 0.01)
    qtbot.waitUntil(lambda: lab.worker.checks >= 2, timeout=WAIT_MS)  # two checks passed: one update at least


def params_of(model):
    return {p: np.array(model.value(p)) for p in model.params}


# -- one update -----------------------------------------------------------------------------


def test_apply_update_is_disabled_with_a_reason_until_the_backward_pass_is_done(window):
    lab = window.learning_lab
    assert not lab.apply_action.isEnabled()
    assert "backward pass" in lab.apply_action.toolTip()
    window.controller.run_forward()
    assert not lab.apply_action.isEnabled()
    window.controller.run_to_end()
    assert lab.apply_action.isEnabled()
    assert "W ← W − η ∂L/∂W" in lab.apply_action.toolTip()
    window.controller.back()
    assert not lab.apply_action.isEnabled()


def test_the_toolbar_learning_rate_starts_at_a_tenth_and_reads_as_a_value(window):
    spin = window.learning_lab.lr_spin
    assert spin.value() == 0.1
    assert spin.text() == "η = 0.1"
    spin.stepBy(1)
    assert spin.value() == pytest.approx(0.2)
    spin.stepBy(-2)
    assert spin.value() == pytest.approx(0.05)


@pytest.mark.parametrize("lr", [0.1, 0.05, 0.7])
def test_apply_update_gives_w_minus_eta_grad_for_every_parameter_and_undo_restores(window, lr):
    c, lab = window.controller, window.learning_lab
    lab.lr_spin.setValue(lr)
    c.run_to_end()
    old = c.model
    grads = {p: np.array(c.session.grad(p)) for p in old.params}
    values = params_of(old)
    lab.apply_action.trigger()
    assert c.model is not old
    for p in old.params:
        assert np.array_equal(c.model.value(p), values[p] - lr * grads[p]), p
    assert c.session.position == 0  # the pass starts again
    assert c.undo_stack.count() == 1
    assert c.undo_stack.text(0) == f"Apply update, η = {lr:g}"
    c.undo_stack.undo()
    assert c.model is old
    for p in old.params:
        assert np.array_equal(c.model.value(p), values[p]), p
    c.undo_stack.redo()
    assert np.array_equal(c.model.value("W3"), values["W3"] - lr * grads["W3"])


def test_one_update_on_the_toy_at_a_tenth_lowers_the_loss_and_the_status_shows_both(window):
    c, lab = window.controller, window.learning_lab
    c.run_to_end()
    before = c.session.loss
    assert before == pytest.approx(0.17162, abs=1e-5)
    assert lab.apply_update()
    assert "0.17162" in lab.update_label.text()
    assert "run the forward pass" in lab.update_label.text()
    c.run_forward()
    after = c.session.loss
    assert after < before
    assert f"{after:.6g}" in lab.update_label.text()
    assert "0.17162" in lab.update_label.text()
    c.undo_stack.undo()
    assert lab.update_label.text() == ""


def test_the_update_view_shows_before_the_step_and_after_of_the_selected_parameter(window):
    c, lab = window.controller, window.learning_lab
    c.select("W3")
    c.run_to_end()
    w3, grad = np.array(c.model.value("W3")), np.array(c.session.grad("W3"))
    view = lab.update_view
    assert "Preview" in view.header.text()  # before applying: what the update would do
    lab.apply_update()
    assert "Applied" in view.header.text()
    assert np.array_equal(view.before_view.current_array(), w3)
    assert np.array_equal(view.step_view.current_array(), 0.1 * grad)
    assert np.array_equal(view.after_view.current_array(), w3 - 0.1 * grad)
    assert "W₃ before" in view.before_view.title_text()
    assert "W₃ after" in view.after_view.title_text()
    assert view.before_view.levels() == view.after_view.levels()  # one scale: a moved cell changes colour
    assert "0.2 − 0.1 × (−0.06118) = 0.206118" in view.arithmetic_text()
    c.select("W1")
    assert view.update_shown.node == "W1"


def test_apply_update_before_the_backward_pass_changes_nothing(window):
    c = window.controller
    c.run_forward()
    assert not window.learning_lab.apply_update()
    assert c.undo_stack.count() == 0


# -- training ---------------------------------------------------------------------------------


def test_training_the_regression_example_lands_one_undoable_edit_equal_to_train(open_example, qtbot):
    win = open_example("regression")
    c, lab = win.controller, win.learning_lab
    start = c.model
    with qtbot.waitSignal(lab.run_ended, timeout=WAIT_MS) as ended:
        assert lab.start_training(500, 0.02)
    result = ended.args[0]
    assert result.status == "completed"
    expected = train(start, 500, 0.02)
    for p in start.params:
        assert np.array_equal(c.model.value(p), expected.model.value(p)), p
    assert c.undo_stack.count() == 1
    assert c.undo_stack.text(0) == "Train 500 iterations, η = 0.02"
    assert c.session.position == 0
    assert result.loss[-1] < result.loss[0] / 100
    assert np.array_equal(lab.loss_plot.data()[1], expected.loss)
    c.undo_stack.undo()
    assert c.model is start
    assert win.dialogs.asked == []


def test_the_train_dialog_runs_with_plain_gradient_descent_by_default(open_example, qtbot):
    win = open_example("toy")
    lab = win.learning_lab
    dialog = lab.show_train_dialog()
    assert dialog.isVisible()
    assert not dialog.isModal()
    assert dialog.momentum_spin.value() == 0.0
    assert "not in the lecture" in dialog.momentum_note.text()
    dialog.steps_spin.setValue(40)
    with qtbot.waitSignal(lab.run_ended, timeout=WAIT_MS):
        dialog.train_button.click()
        assert dialog.cancel_button.isEnabled()
        assert not dialog.train_button.isEnabled()
    assert dialog.progress.value() == 40
    assert dialog.train_button.isEnabled()
    assert win.controller.undo_stack.text(0) == "Train 40 iterations, η = 0.1"
    expected = train(toy_model(), 40, 0.1)
    assert np.array_equal(win.controller.model.value("W1"), expected.model.value("W1"))


@pytest.mark.parametrize("answer", ["keep", "discard"])
def test_cancel_stops_within_one_iteration_and_the_answer_does_what_it_says(open_example, qtbot, answer):
    win = open_example("toy", ("training_outcome", answer))
    c, lab = win.controller, win.learning_lab
    start = c.model
    start_long_run(lab, qtbot)
    with qtbot.waitSignal(lab.run_ended, timeout=WAIT_MS) as ended:
        lab.cancel_training()
    result = ended.args[0]
    assert result.status == "stopped"
    assert 0 < result.updates < 1_000_000
    assert lab.worker.checks_after_cancel == 1  # the first check after Cancel stopped it
    assert result.updates == lab.worker.checks - 1  # no update after the check that said stop
    # a consistent model: its own pass gives the last loss of the history
    check = Session(result.model)
    check.run_forward()
    assert check.loss == result.loss[-1]
    assert win.dialogs.kinds() == ["training_outcome"]
    assert f"iteration {result.updates:,}" in win.dialogs.asked[0].details["text"]
    win.dialogs.assert_all_answered()
    if answer == "keep":
        assert c.undo_stack.count() == 1
        assert c.undo_stack.text(0) == f"Train {result.updates:,} iterations, η = 0.01 (stopped)"
        for p in start.params:
            assert np.array_equal(c.model.value(p), result.model.value(p))
    else:
        assert c.model is start
        assert c.undo_stack.count() == 0


@pytest.mark.parametrize("answer", ["keep", "discard"])
def test_a_diverging_run_names_the_iteration_and_go_back_applies_finite_weights(open_example, qtbot, answer):
    win = open_example("toy", ("training_outcome", answer))
    c, lab = win.controller, win.learning_lab
    start = c.model
    with qtbot.waitSignal(lab.run_ended, timeout=WAIT_MS) as ended:
        lab.start_training(100, 1e3)
    result = ended.args[0]
    assert result.status == "diverged"
    text = win.dialogs.asked[0].details["text"]
    assert "iteration 3" in text
    assert "'L'" in text
    assert "iteration 3" in win.statusBar().currentMessage()
    if answer == "keep":
        by_hand = train(start, 2, 1e3).model  # the last finite weights: after two updates
        for p in start.params:
            assert np.all(np.isfinite(c.model.value(p)))
            assert np.array_equal(c.model.value(p), by_hand.value(p)), p
        assert c.undo_stack.count() == 1
    else:
        assert c.model is start
        assert c.undo_stack.count() == 0


def test_a_run_diverging_at_once_only_warns(open_example, qtbot):
    win = open_example("toy")
    lab = win.learning_lab
    with qtbot.waitSignal(lab.run_ended, timeout=WAIT_MS):
        lab.start_training(10, 1e150)
    assert win.dialogs.kinds() == ["warn"]
    assert "iteration 1" in win.dialogs.warnings[0]
    assert win.controller.undo_stack.count() == 0


def test_stepping_stays_responsive_while_a_run_goes_on(open_example, qtbot):
    win = open_example("toy", ("training_outcome", "discard"))
    c, lab = win.controller, win.learning_lab
    ended = []
    lab.run_ended.connect(ended.append)
    ticks, steps = [], []
    start_long_run(lab, qtbot)
    session = c.session
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(lab.training))
    timer.start(5)
    QTimer.singleShot(0, lambda: steps.append((c.step(), lab.training, len(ended))))
    qtbot.waitUntil(lambda: bool(steps) and len(ticks) >= 3, timeout=WAIT_MS)
    timer.stop()
    assert steps[0] == (True, True, 0)  # the step was taken while the run went on, before it ended
    assert all(ticks[:3])  # the timer ticked during the run
    assert c.session is session  # the run never touched the window's session
    assert c.session.position == 1
    with qtbot.waitSignal(lab.run_ended, timeout=WAIT_MS):
        lab.cancel_training()
    assert len(ended) == 1
    assert ended[0].status == "stopped"


def test_a_second_run_is_refused_while_one_goes_on(open_example, qtbot):
    win = open_example("toy", ("training_outcome", "discard"))
    lab = win.learning_lab
    start_long_run(lab, qtbot)
    assert not lab.start_training(10, 0.01)
    with qtbot.waitSignal(lab.run_ended, timeout=WAIT_MS):
        lab.cancel_training()


def test_bad_settings_are_refused_with_one_line(window):
    lab = window.learning_lab
    assert not lab.start_training(0, 0.1)
    assert "steps" in window.statusBar().currentMessage()
    assert not lab.start_training(10, 0.1, momentum=1.5)
    assert "momentum" in window.statusBar().currentMessage()
    assert not lab.training


def test_edits_made_during_a_run_are_kept_when_the_weights_land(open_example, qtbot):
    win = open_example("toy", ("training_outcome", "keep"))
    c, lab = win.controller, win.learning_lab
    start_long_run(lab, qtbot)
    assert c.edit("Move X", edits.set_position, "X", (5.0, 7.0), restarts=False)
    with qtbot.waitSignal(lab.run_ended, timeout=WAIT_MS) as ended:
        lab.cancel_training()
    result = ended.args[0]
    assert c.model.spec("X").pos == (5.0, 7.0)
    for p in c.model.params:
        assert np.array_equal(c.model.value(p), result.model.value(p))
    assert c.undo_stack.count() == 2
    c.undo_stack.undo()
    assert c.model.spec("X").pos == (5.0, 7.0)
    assert np.array_equal(c.model.value("W1"), toy_model().value("W1"))


def test_weights_of_another_shape_are_not_landed(open_example, qtbot):
    win = open_example("toy", ("training_outcome", "keep"))
    c, lab = win.controller, win.learning_lab
    start_long_run(lab, qtbot)
    assert win.add_layer(None) is not False
    edited = c.model
    with qtbot.waitSignal(lab.run_ended, timeout=WAIT_MS):
        lab.cancel_training()
    assert c.model is edited
    assert "not applied" in win.statusBar().currentMessage()


def test_closing_the_window_mid_run_stops_the_run_and_drops_its_result(open_example, qtbot, capfd):
    win = open_example("toy")
    lab = win.learning_lab
    ended = []
    lab.run_ended.connect(ended.append)
    start_long_run(lab, qtbot)
    win.close()
    qtbot.waitUntil(lambda: not lab.training, timeout=WAIT_MS)
    assert lab.worker.cancelled
    assert lab.worker.wait(5000)
    QCoreApplication.sendPostedEvents()  # what the run reported, delivered (and dropped)
    assert ended == []  # nobody is asked about a run of a closed window
    assert win.dialogs.asked == []
    assert "Traceback" not in capfd.readouterr().err


def test_the_lab_joins_the_step_file_and_view_menus_without_a_menu_of_its_own(window):
    lab = window.learning_lab
    bar = [action.menu() for action in window.menuBar().actions()]
    assert not any(menu.objectName() == "learn_menu" for menu in bar)

    def holder(action):
        return next(menu for menu in bar if action in menu.actions())

    assert holder(lab.apply_action) is holder(window.step_action)
    assert holder(lab.train_action) is holder(window.step_action)
    assert holder(lab.export_action) is holder(window.export_action)
    for dock in lab.docks:
        assert holder(dock.toggleViewAction()) is holder(window.fit_action)


def test_a_run_stopped_before_its_first_update_changes_nothing_and_asks_nothing(window):
    lab = window.learning_lab
    result = train(window.controller.model, 100, 0.01, should_stop=lambda: True)  # stopped at the first check
    assert result.status == "stopped"
    assert result.updates == 0
    lab.runs._on_finished(result)  # as the worker reports it
    assert window.dialogs.asked == []
    assert window.controller.undo_stack.count() == 0
    assert "nothing changed" in window.statusBar().currentMessage()
