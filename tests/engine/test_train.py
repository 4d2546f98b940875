"""Training (explorer.train.loop) and one update (explorer.train.update).

Expected numbers come from a Session of the same model, from loops written
by hand in test_train_oracle.py, or from the lecture's toy network worked
out by hand; never from the code under test.
"""

from __future__ import annotations

import threading
import time

import numpy as np
import pytest

from explorer.engine import EngineError, NotReachedError, Session
from explorer.model import Model, NodeSpec, load_model, model_from_dict, model_to_dict
from explorer.model.edit import set_loss
from explorer.model.examples import EXAMPLES, toy_model
from explorer.resources import example_path
from explorer.train.loop import MAX_STEPS, train, with_params
from explorer.train.plan import TrainPlan
from explorer.train.update import apply_update, format_number, update_arithmetic

from .test_train_oracle import example, numpy_descent, numpy_grads

# ∂L/∂W3 of the toy network by hand (δ = Ŷ − Y = (−0.266, 0.522), H2 = (0.23, 0.16, −0.35))
TOY_GRAD_W3 = [[-0.06118, 0.12006], [-0.04256, 0.08352], [0.0931, -0.1827]]
TOY_W3 = [[0.2, -0.1], [0.3, 0.5], [-0.4, 0.1]]


def finished(model: Model) -> Session:
    session = Session(model)
    session.run()
    return session


# -- one update ----------------------------------------------------------------------


@pytest.mark.parametrize("name", ["toy", "toy_batch", "regression", "lab_deep_relu"])
@pytest.mark.parametrize("lr", [0.1, 0.003])
def test_one_update_is_exactly_w_minus_lr_times_the_sessions_gradient(name, lr):
    model = load_model(example_path(name))
    session = finished(model)
    update = apply_update(model, session, lr)
    for p in model.params:
        expected = np.asarray(model.value(p)) - lr * np.asarray(session.grad(p))
        assert np.array_equal(update.model.value(p), expected), p
        assert np.array_equal(update.params[p].after, expected), p
        assert np.array_equal(update.params[p].before, model.value(p)), p
        assert np.array_equal(update.params[p].step, lr * np.asarray(session.grad(p))), p
    for leaf in set(model.leaves) - set(model.params):
        assert np.array_equal(update.model.value(leaf), model.value(leaf))
    assert [s.id for s in update.model.specs] == [s.id for s in model.specs]
    assert [s.label for s in update.model.specs] == [s.label for s in model.specs]


def test_one_update_lowers_the_toy_loss_and_takes_a_mapping_of_gradients():
    model = toy_model()
    session = finished(model)
    grads = {p: np.array(session.grad(p)) for p in model.params}
    update = apply_update(model, grads, 0.1)
    assert finished(update.model).loss < session.loss == pytest.approx(0.17162)
    assert np.array_equal(update.model.value("W3"), apply_update(model, session, 0.1).model.value("W3"))


def test_the_arithmetic_of_an_update_is_written_out_for_a_small_matrix():
    session = finished(toy_model())
    np.testing.assert_allclose(session.grad("W3"), TOY_GRAD_W3, atol=1e-12)
    update = apply_update(session.model, session, 0.1)
    rows = update_arithmetic(update.params["W3"])
    assert rows is not None
    assert len(rows) == 3
    assert all(len(row) == 2 for row in rows)
    assert rows[0][0] == "0.2 − 0.1 × (−0.06118) = 0.206118"  # the example
    assert rows[2][1] == "0.1 − 0.1 × (−0.1827) = 0.11827"
    assert rows[1][1] == "0.5 − 0.1 × 0.08352 = 0.491648"
    big = apply_update(load_model(example_path("lab_deep_relu")), finished(load_model(example_path("lab_deep_relu"))), 0.01)
    assert update_arithmetic(big.params["W2"]) is None  # 64 numbers: too many to write out
    assert format_number(-1.5e-7) == "−1.5e−7"  # the one style of explorer.model.numbers


def test_an_update_refuses_a_pass_that_has_not_reached_the_parameters():
    session = Session(toy_model())
    session.run_forward()
    with pytest.raises(NotReachedError, match="W"):
        apply_update(session.model, session, 0.1)


@pytest.mark.parametrize("lr", [0.0, -0.1, float("nan"), float("inf"), True])
def test_an_update_refuses_a_bad_learning_rate(lr):
    session = finished(toy_model())
    with pytest.raises(EngineError, match="learning rate"):
        apply_update(session.model, session, lr)


def test_an_update_that_overflows_names_the_parameter():
    model = load_model(example_path("regression"))
    session = finished(model)
    with np.errstate(all="ignore"):
        first = next(p for p in model.params if not np.all(np.isfinite(model.value(p) - 1e308 * session.grad(p))))
    with pytest.raises(EngineError, match=f"node '{first}'.*overflows"):
        apply_update(model, session, 1e308)


# -- the compiled pass equals the session's --------------------------------------------


@pytest.mark.parametrize("name", sorted(EXAMPLES))
@pytest.mark.parametrize("loss", ["half_sse", "sse", "mse"])
def test_the_compiled_pass_gives_the_sessions_gradients_bit_for_bit(name, loss):
    model = set_loss(load_model(example_path(name)), loss)
    session = finished(model)
    plan = TrainPlan(model)
    assert plan.run_pass() == session.loss
    for p in model.params:
        assert np.array_equal(plan.grads[p], session.grad(p)), p


def test_a_parameter_used_twice_sums_both_gradients_as_the_session_does():
    doc = {
        "format": "jacobian-explorer/model",
        "version": 1,
        "nodes": [
            {"id": "X", "op": "input", "value": [[1.0, 0.5], [-1.0, 2.0]]},
            {"id": "W", "op": "param", "value": [[0.3, -0.2], [0.1, 0.4]]},
            {"id": "H1", "op": "linear", "inputs": {"x": "X", "w": "W"}},
            {"id": "A1", "op": "sigmoid", "inputs": {"x": "H1"}},
            {"id": "H2", "op": "linear", "inputs": {"x": "A1", "w": "W"}},
            {"id": "Y", "op": "target", "value": [[1.0, 0.0], [0.0, 1.0]]},
            {"id": "L", "op": "sse", "inputs": {"pred": "H2", "target": "Y"}},
        ],
    }
    model = model_from_dict(doc)
    session = finished(model)
    plan = TrainPlan(model)
    plan.run_pass()
    assert np.array_equal(plan.grads["W"], session.grad("W"))
    result = train(model, 3, 0.1)
    second = apply_update(apply_update(model, session, 0.1).model, finished(apply_update(model, session, 0.1).model), 0.1)
    third = apply_update(second.model, finished(second.model), 0.1)
    assert np.array_equal(result.model.value("W"), third.model.value("W"))


def test_history_rows_are_the_loss_and_gradient_norms_before_each_update():
    model, layers = example("regression")
    result = train(model, 20, 0.02)
    assert result.loss.shape == (21,)
    assert result.grad_norms.shape == (21, 4)
    assert result.params == ("W1", "b1", "W2", "b2")
    session = finished(model)
    for k, p in enumerate(result.params):
        assert result.grad_norms[0, k] == pytest.approx(np.linalg.norm(session.grad(p)), rel=1e-12)
    # row N belongs to the trained parameters (one more pass after the last update)
    last = finished(result.model)
    assert result.loss[-1] == pytest.approx(last.loss, rel=1e-13)
    for k, p in enumerate(result.params):
        assert result.grad_norms[-1, k] == pytest.approx(np.linalg.norm(last.grad(p)), rel=1e-12)
    np.testing.assert_array_equal(result.iterations, np.arange(21))


# -- the examples learn ------------------------------------------------------------------


def test_training_the_regression_example_lowers_the_loss_a_hundredfold():
    model = load_model(example_path("regression"))  # its seeds fix the weights: 3.29 at the start
    result = train(model, 500, 0.02)
    assert result.status == "completed"
    assert result.loss[0] == pytest.approx(3.2879, abs=1e-4)
    assert result.loss[-1] < result.loss[0] / 100
    assert result.loss[100] < result.loss[0] / 5  # visibly, early


def test_the_deep_sigmoid_chain_gradient_norms_decrease_towards_the_input_layer():
    sigmoid = train(load_model(example_path("lab_deep_sigmoid")), 500, 0.01)
    relu = train(load_model(example_path("lab_deep_relu")), 500, 0.01)
    assert sigmoid.params == relu.params == tuple(f"W{i}" for i in range(1, 7))
    for row in (0, 1):
        norms = sigmoid.grad_norms[row]
        assert np.all(np.diff(norms) > 0), (row, norms)  # W1 < W2 < … < W6
        assert norms[0] < norms[-1] / 50, row
    # then the output layer has learnt the mean and every gradient is small: the loss stalls
    assert np.all(sigmoid.grad_norms[20:, 0] < 0.2)
    # the same network with ReLU: the gradient reaches W1 undiminished, and the loss falls
    assert relu.grad_norms[0, 0] > relu.grad_norms[0, -1] / 3
    assert relu.loss[-1] < relu.loss[0] / 100
    assert sigmoid.loss[-1] > sigmoid.loss[0] / 3
    assert relu.loss[-1] < sigmoid.loss[-1] / 50


def test_the_deep_sigmoid_gradient_norms_match_a_hand_written_pass():
    model, layers = example("lab_deep_sigmoid")
    _, grads = numpy_grads(np.array(model.value("X")), np.array(model.value("Y")), layers, {
        k: np.array(model.value(k)) for k in model.params})
    result = train(model, 1, 0.01)
    for k, p in enumerate(result.params):
        assert result.grad_norms[0, k] == pytest.approx(np.linalg.norm(grads[p]), rel=1e-12)


# -- stopping -----------------------------------------------------------------------------


@pytest.mark.parametrize("stop_at_call", [1, 2, 17])
def test_should_stop_stops_within_one_iteration_with_a_consistent_model(stop_at_call):
    model, layers = example("regression")
    calls = []

    def should_stop():
        calls.append(1)
        return len(calls) >= stop_at_call

    result = train(model, 1000, 0.02, should_stop=should_stop)
    assert len(calls) == stop_at_call  # asked once per pass, and nothing ran after it said stop
    assert result.status == "stopped"
    assert result.updates == stop_at_call - 1
    assert len(result.loss) == stop_at_call
    expected, losses = numpy_descent(model, layers, 0.02, stop_at_call - 1)
    for k, want in expected.items():
        assert np.linalg.norm(result.model.value(k) - want) <= 1e-12 * np.linalg.norm(want), k
    assert result.loss[-1] == pytest.approx(finished(result.model).loss, rel=1e-13)
    assert "stopped at iteration" in result.describe()


def test_a_stop_requested_from_another_thread_lands_between_iterations():
    model = load_model(example_path("lab_deep_relu"))
    stop = threading.Event()
    seen: list[int] = []
    done: list = []

    def progress(iteration, loss):
        seen.append(iteration)
        if iteration >= 40:
            stop.set()

    worker = threading.Thread(target=lambda: done.append(train(model, 100_000, 1e-4, progress=progress,
                                                               should_stop=stop.is_set, every=1)))
    worker.start()
    worker.join(timeout=60)
    assert not worker.is_alive()
    result = done[0]
    assert result.status == "stopped"
    assert result.updates == 40  # set during iteration 40's report, seen right after it
    assert seen == list(range(41))
    assert result.loss[-1] == pytest.approx(finished(result.model).loss, rel=1e-13)


def test_progress_every_n_iterations_and_always_the_last():
    seen = []
    train(toy_model(), 25, 0.1, progress=lambda i, loss: seen.append((i, loss)), every=10)
    assert [i for i, _ in seen] == [0, 10, 20, 25]
    assert seen[0][1] == pytest.approx(0.17162)


def test_progress_by_time_is_throttled_to_about_30_a_second(monkeypatch):
    now = [0.0]

    def clock():
        now[0] += 0.001  # a millisecond per iteration
        return now[0]

    monkeypatch.setattr(time, "perf_counter", clock)
    seen = []
    train(toy_model(), 2000, 0.01, progress=lambda i, loss: seen.append(i))
    assert seen[0] == 0
    assert seen[-1] == 2000
    assert len(seen) <= 2000 * 0.001 * 30 + 2  # 2 s of fake time
    assert len(seen) >= 30


# -- divergence ---------------------------------------------------------------------------


def test_a_diverging_run_stops_and_names_the_iteration_and_node(capfd):
    model, layers = example("toy")
    result = train(model, 100, 1000.0)
    # by hand: the first iteration whose loss is not finite
    x, y = np.array(model.value("X")), np.array(model.value("Y"))
    p = {k: np.array(model.value(k)) for k in model.params}
    first = None
    with np.errstate(all="ignore"):
        for i in range(100):
            loss, grads = numpy_grads(x, y, layers, p)
            if not np.isfinite(loss):
                first = i
                break
            p = {k: p[k] - 1000.0 * grads[k] for k in p}
    assert result.status == "diverged"
    assert result.divergence is not None
    assert result.divergence.iteration == first == 3
    # Ŷ is still finite at iteration 3 (about 1e154); its square, the loss, is the first to overflow
    assert result.divergence.node == "L"
    assert result.divergence.phase == "forward"
    assert "iteration 3" in result.describe()
    assert "'L'" in result.describe()
    # the model holds the last parameters whose pass was finite: after 2 updates
    expected, _ = numpy_descent(model, layers, 1000.0, 2)
    for k, want in expected.items():
        assert np.allclose(result.model.value(k), want, rtol=1e-12), k
    assert np.all(np.isfinite(result.loss))
    assert len(result.loss) == 3
    assert np.all(np.isfinite(result.grad_norms))
    out, err = capfd.readouterr()
    assert err == ""  # no numpy warning


def test_a_value_that_overflows_inside_the_network_is_named_with_its_label():
    model = toy_model()
    result = train(model, 10, 1e150)
    assert result.status == "diverged"
    assert result.divergence is not None
    assert (result.divergence.iteration, result.divergence.node, result.divergence.label) == (1, "Yhat", "Ŷ")
    assert "(Ŷ)" in result.describe()
    assert result.model is model  # no finite pass after an update: the model as given


def test_an_overflow_hidden_by_tanh_is_still_found():
    # tanh(±inf) = ±1 is finite, so the loss alone would not show it
    doc = model_to_dict(load_model(example_path("regression")), fill_values=True)
    model = model_from_dict(doc)
    w1 = np.array(model.value("W1"))
    w1[0, 0] = 1e308
    specs = [s.with_(value=w1, shape=None, init=None) if s.id == "W1" else s for s in model.specs]
    big = Model(specs)
    result = train(big, 5, 0.01)
    assert result.status == "diverged"
    assert result.divergence is not None
    assert (result.divergence.iteration, result.divergence.node, result.divergence.phase) == (0, "H1", "forward")
    assert len(result.loss) == 0


def test_an_update_that_would_overflow_is_not_applied():
    model = load_model(example_path("regression"))
    session = finished(model)
    with np.errstate(all="ignore"):
        first = next(p for p in model.params if not np.all(np.isfinite(model.value(p) - 1e308 * session.grad(p))))
    result = train(model, 10, 1e308)
    assert result.status == "diverged"
    assert result.divergence is not None
    assert result.divergence.phase == "update"
    assert result.divergence.iteration == 0
    assert result.divergence.node == first
    assert "update" in result.describe()
    assert result.model is model
    assert len(result.loss) == 1


# -- settings and the model built at the end ---------------------------------------------------


@pytest.mark.parametrize(
    ("steps", "lr", "momentum"),
    [(0, 0.1, 0.0), (MAX_STEPS + 1, 0.1, 0.0), (2.5, 0.1, 0.0), (10, 0.0, 0.0), (10, -1.0, 0.0),
     (10, float("nan"), 0.0), (10, float("inf"), 0.0), (10, 0.1, 1.0), (10, 0.1, -0.1), (True, 0.1, 0.0)],
)
def test_bad_settings_are_refused_with_one_line(steps, lr, momentum):
    with pytest.raises(EngineError) as info:
        train(toy_model(), steps, lr, momentum=momentum)
    assert "\n" not in str(info.value)


def test_the_trained_model_keeps_everything_but_the_parameter_values():
    model = load_model(example_path("regression"))
    trained = train(model, 5, 0.02).model
    assert trained.name == model.name
    for before, after in zip(model.specs, trained.specs, strict=True):
        assert (after.id, after.op, dict(after.inputs), after.label, after.pos) == (
            before.id, before.op, dict(before.inputs), before.label, before.pos)
        if before.op == "param":
            assert after.value is not None
            assert after.init is None
        else:
            assert before.op in ("input", "target") or after.value is None
    for leaf in ("X", "Y"):
        assert np.array_equal(trained.value(leaf), model.value(leaf))
    saved = model_from_dict(model_to_dict(trained))
    for p in model.params:
        assert np.array_equal(saved.value(p), trained.value(p))
        assert saved.shape(p) == model.shape(p)


def test_with_params_builds_the_model_once_with_new_values():
    model = toy_model()
    new = with_params(model, {"W1": np.zeros((3, 3))})
    assert np.array_equal(new.value("W1"), np.zeros((3, 3)))
    assert np.array_equal(new.value("W2"), model.value("W2"))
    assert isinstance(new.spec("W1"), NodeSpec)


def test_a_norm_that_overflows_is_not_a_gradient_that_overflows(capfd):
    """η = 100 on the toy: at iteration 3 every number is finite but ‖∂L/∂W₁‖² is past float64.

    A loop written here walks the toy's pass (H₁ = W₁ᵀX, H₂ = W₂ᵀH₁,
    Ŷ = W₃ᵀH₂, L = ½Σ(Ŷ − Y)²) value by value and gradient by gradient and
    finds the first number that is not finite: H₂, in the forward pass of
    iteration 4. The run names that, and the norm it kept is the true one.
    """
    model = toy_model()
    x, y = np.array(model.value("X")), np.array(model.value("Y"))
    w = {k: np.array(model.value(k)) for k in ("W1", "W2", "W3")}
    first, norm_overflow = None, []
    with np.errstate(all="ignore"):
        for i in range(10):
            h1 = w["W1"].T @ x
            h2 = w["W2"].T @ h1
            yhat = w["W3"].T @ h2
            loss = 0.5 * float(np.sum((yhat - y) ** 2))
            forward = {"H1": h1, "H2": h2, "Yhat": yhat, "L": np.array(loss)}
            bad = [k for k, v in forward.items() if not np.all(np.isfinite(v))]
            if bad:
                first = (i, bad[0], "forward")
                break
            d_yhat = yhat - y
            g = {"W3": h2 @ d_yhat.T}
            d_h2 = w["W3"] @ d_yhat
            g["W2"] = h1 @ d_h2.T
            d_h1 = w["W2"] @ d_h2
            g["W1"] = x @ d_h1.T
            assert all(np.all(np.isfinite(v)) for v in (*g.values(), d_h2, d_h1)), i
            norm_overflow.append([not np.isfinite(np.sum(g[k] ** 2)) for k in ("W1", "W2", "W3")])
            w = {k: w[k] - 100.0 * g[k] for k in w}
    assert first == (4, "H2", "forward")
    assert norm_overflow[3][0]  # ‖∂L/∂W₁‖² overflowed at iteration 3 while every number was finite
    result = train(model, 50, 100.0)
    assert result.status == "diverged"
    assert result.divergence is not None
    assert (result.divergence.iteration, result.divergence.node, result.divergence.phase) == first
    assert result.describe().startswith("diverged at iteration 4: node 'H2': its value overflowed")
    # the norms kept for iteration 3 are finite and the true ones (scaled, the squares would overflow)
    assert len(result.grad_norms) == 4
    assert np.all(np.isfinite(result.grad_norms))
    plan = TrainPlan(model)
    plan.load({k: result.model.value(k) for k in model.params})  # the parameters after 3 updates: iteration 3
    with np.errstate(all="ignore"):
        plan.run_pass()
    for k, p in enumerate(result.params):
        grad = plan.grads[p]
        scale = float(np.max(np.abs(grad)))
        assert result.grad_norms[3, k] == pytest.approx(scale * np.sqrt(np.sum((grad / scale) ** 2)), rel=1e-12)
    assert capfd.readouterr().err == ""


def test_the_deep_sigmoid_lab_description_is_what_training_shows():
    """Each claim of lab_deep_sigmoid's title and menu text, measured on a 500-iteration run at η 0.01."""
    from explorer.model.examples import EXAMPLES

    model = load_model(example_path("lab_deep_sigmoid"))
    for text in (model.name, EXAMPLES["lab_deep_sigmoid"]):
        assert "train 500" in text
        assert "0.01" in text
        assert "‖∂L/∂W₁‖ starts at 1/400 of ‖∂L/∂W₆‖" in text
        assert "after 10 iterations every gradient is small and the loss stalls near 8" in text
    result = train(model, 500, 0.01)
    norms = result.grad_norms
    assert norms[0, -1] / norms[0, 0] == pytest.approx(400, rel=0.02)  # starts at 1/400
    assert norms[10, -1] / norms[10, 0] < 5  # by iteration 10 it no longer vanishes …
    assert np.all(norms[10:] < 0.26)  # … and every layer's gradient is small (ReLU's stay above 0.6)
    relu = train(load_model(example_path("lab_deep_relu")), 500, 0.01)
    assert np.all(relu.grad_norms[10:].max(axis=1) > 0.6)
    assert 7.5 < result.loss[-1] < result.loss[10] < 8.5  # stalls near 8: 8.05 at iteration 10, 7.91 at 500
    assert result.loss[10] - result.loss[-1] < 0.2 < result.loss[0] - result.loss[10]


@pytest.mark.parametrize("steps", [99, 100, 101, 777])
def test_a_long_run_keeps_evenly_thinned_rows_that_match_the_whole_history(monkeypatch, steps):
    from explorer.train import history

    whole = train(toy_model(), steps, 0.05)  # every row: at most 10,001
    monkeypatch.setattr(history, "MAX_HISTORY_ROWS", 25)
    rows: list[tuple[int, float, list[float]]] = []
    thinned = train(toy_model(), steps, 0.05, record=lambda *row: rows.append(row))
    assert len(thinned.loss) <= 26
    assert thinned.iterations[0] == 0
    assert thinned.iterations[-1] == steps  # the last row, the trained model's, is always kept
    assert len(set(np.diff(thinned.iterations[:-1]).tolist())) == 1  # evenly spaced before it
    np.testing.assert_array_equal(thinned.loss, whole.loss[thinned.iterations])
    np.testing.assert_array_equal(thinned.grad_norms, whole.grad_norms[thinned.iterations])
    assert [row[0] for row in rows] == list(range(steps + 1))  # record sees every row
    np.testing.assert_array_equal([row[1] for row in rows], whole.loss)
