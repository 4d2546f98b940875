"""An overflow is named at its step and node, never stored as a result (issue 6, item 7).

pytest runs with ``filterwarnings = error``: a numpy RuntimeWarning escaping
the engine would fail these tests by itself.
"""

import warnings

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from explorer.engine import EngineError, NonFiniteError, Session, check_gradients
from explorer.model import model_from_dict


def _model(x, w, y, activation=None, label="H₁"):
    nodes = [
        {"id": "X", "op": "input", "value": x},
        {"id": "W1", "op": "param", "value": w},
        {"id": "H1", "op": "linear", "label": label, "inputs": {"x": "X", "w": "W1"}},
    ]
    pred = "H1"
    if activation:
        nodes.append({"id": "A1", "op": activation, "inputs": {"x": "H1"}})
        pred = "A1"
    nodes += [
        {"id": "Y", "op": "target", "value": y},
        {"id": "L", "op": "half_sse", "inputs": {"pred": pred, "target": "Y"}},
    ]
    return model_from_dict({"format": "jacobian-explorer/model", "version": 1, "nodes": nodes})


def test_a_forward_overflow_is_named_and_not_taken():
    # H1 = W1ᵀX = 1e300·1e10 + 1 overflows at the first step
    session = Session(_model([[1e300], [1.0]], [[1e10, 1.0], [1.0, 1.0]], [[0.0], [0.0]]))
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        with pytest.raises(NonFiniteError) as caught:
            session.step()
    error = caught.value
    assert isinstance(error, EngineError)
    assert (error.node, error.step, error.phase) == ("H1", 1, "forward")
    line = str(error)
    assert "\n" not in line
    assert line.startswith("forward step 1/7: H₁ (H1) overflowed to infinity")
    assert "1e+300" in line  # the size of what went in
    # nothing was stored and the pass did not advance
    assert session.position == 0
    assert session.value("H1") is None
    assert session.back() is None
    with pytest.raises(NonFiniteError):
        session.run()
    assert session.position == 0


def test_the_loss_overflowing_is_named_at_its_own_step():
    # H1 = (1e200, 1e200) is finite; ½ Σ H1² = 1e400 is not
    session = Session(_model([[1e200], [0.0]], [[1.0, 1.0], [0.0, 0.0]], [[0.0], [0.0]]))
    session.step()
    np.testing.assert_array_equal(session.value("H1"), [[1e200], [1e200]])
    with pytest.raises(NonFiniteError) as caught:
        session.step()
    assert (caught.value.node, caught.value.step, caught.value.phase) == ("L", 2, "forward")
    assert session.position == 1
    assert session.loss is None
    assert session.back().node == "H1"  # the session stays usable


def test_a_backward_overflow_is_named_and_not_stored():
    # forward: H1 = (1e153, 1e153), L = ½ Σ H1² = 1e306: finite; δ = dL/dH1 = H1 and
    # dL/dW1 = X δᵀ (1e306) are finite, but dL/dX = W1 δ has 1e200 · 2e153 in its second row
    x = [[1e153], [0.0]]
    w = [[1.0, 1.0], [1e200, 1e200]]
    session = Session(_model(x, w, [[0.0], [0.0]]))
    session.run_forward()
    assert np.isfinite(session.loss)
    with pytest.raises(NonFiniteError) as caught:
        session.run()
    error = caught.value
    assert error.phase == "backward"
    assert error.node == "X"  # dL/dX = W1 · δ = 1e200 · 2e154 overflows
    assert str(error) == f"backward step {error.step}/7: the gradient of X overflowed to infinity (the gradients flowing in reach 1e+153)"
    assert session.grad("X") is None
    assert session.position == error.step - 1
    session.back()
    assert session.position == error.step - 2


def test_a_label_with_a_line_break_keeps_the_message_on_one_line():
    error = NonFiniteError("H1", "H\n1", 1, 7, "forward", "inf")
    assert str(error) == "forward step 1/7: H 1 (H1) overflowed to infinity"


def test_finite_values_near_the_edge_still_step():
    session = Session(_model([[1e150], [1.0]], [[1e150, 0.0], [0.0, 1.0]], [[0.0], [0.0]]))
    session.step()
    assert session.value("H1")[0, 0] == pytest.approx(1e300)


def test_check_gradients_raises_the_named_overflow_without_warnings():
    model = _model([[1e300], [1.0]], [[1e10, 1.0], [1.0, 1.0]], [[0.0], [0.0]])
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        with pytest.raises(NonFiniteError, match="H₁"):
            check_gradients(model)


def test_finite_differences_that_overflow_emit_no_warning():
    # the pass is finite, but ±eps around 1e154 squared in the loss stays finite; a sigmoid of a huge input
    # saturates: numpy must stay quiet either way
    model = _model([[1e308], [1.0]], [[1.0, 0.0], [0.0, 1.0]], [[0.0], [0.0]], activation="sigmoid")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        rows = check_gradients(model)
    assert {row.node for row in rows} == {"X", "W1"}


def test_run_names_the_first_overflow_even_when_the_next_step_hides_it():
    # H1 = X (finite), H2 = W2ᵀ H1 has 1e200 · 1e200 = inf, and A2 = σ(H2) is finite again (σ(inf) = 1):
    # run() takes the steps before checking them, and must still stop at H2 with nothing after it kept
    identity = [[1.0, 0.0], [0.0, 1.0]]
    nodes = [
        {"id": "X", "op": "input", "value": [[1e200], [1.0]]},
        {"id": "W1", "op": "param", "value": identity},
        {"id": "H1", "op": "linear", "inputs": {"x": "X", "w": "W1"}},
        {"id": "W2", "op": "param", "value": [[1e200, 0.0], [0.0, 1.0]]},
        {"id": "H2", "op": "linear", "inputs": {"x": "H1", "w": "W2"}},
        {"id": "A2", "op": "sigmoid", "inputs": {"x": "H2"}},
        {"id": "Y", "op": "target", "value": [[0.0], [0.0]]},
        {"id": "L", "op": "half_sse", "inputs": {"pred": "A2", "target": "Y"}},
    ]
    session = Session(model_from_dict({"format": "jacobian-explorer/model", "version": 1, "nodes": nodes}))
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        with pytest.raises(NonFiniteError) as caught:
            session.run()
    assert (caught.value.node, caught.value.step, caught.value.phase) == ("H2", 2, "forward")
    assert session.position == 1
    assert session.value("H1") is not None
    assert session.value("H2") is None
    assert session.value("A2") is None
    assert session.loss is None
    assert session.back().node == "H1"


def test_a_large_result_is_checked_too():
    # H1 has 100 × 50 = 5000 elements, past the size the session checks together with the others,
    # and only H1 overflows: σ(H1) and the loss are finite
    x = np.ones((100, 50))
    x[7, 3] = 1e200
    w = np.eye(100)
    w[7, 7] = 1e200
    session = Session(_model(x.tolist(), w.tolist(), np.zeros((100, 50)).tolist(), activation="sigmoid"))
    with pytest.raises(NonFiniteError) as caught:
        session.run()
    assert (caught.value.node, caught.value.step) == ("H1", 1)
    assert session.position == 0


def test_large_finite_values_are_not_taken_for_an_overflow():
    # squares past the float range (1e200² overflows) must not be mistaken for inf in a small or a large result
    for rows in (2, 100):
        x = np.zeros((rows, 50))
        x[0, 0] = 1e200
        session = Session(_model(x.tolist(), np.eye(rows).tolist(), np.zeros((rows, 50)).tolist(), activation="tanh"))
        session.run()
        assert session.value("H1")[0, 0] == 1e200
        assert session.done


# -- a wide outer product: its finiteness proven from its factors (ops/linear.py, finite_vjp) ---------------


def test_a_wide_outer_product_that_overflows_is_still_named():
    """dL/dW1 = X δᵀ of 128×128 is not read again when max|X|·max|δ| is finite; here it is not:
    X = 1e200, δ = H1 = 1e150 (the loss, ½·128·1e300, is finite), so every product is 1e350."""
    n = 128
    x = np.full((n, 1), 1e200).tolist()
    w = np.full((n, n), 1e-50 / n).tolist()
    session = Session(_model(x, w, np.zeros((n, 1)).tolist()))
    session.run_forward()
    assert np.isfinite(session.loss)
    with pytest.raises(NonFiniteError) as caught:
        session.run()
    assert (caught.value.node, caught.value.phase) == ("W1", "backward")
    assert session.grad("W1") is None
    assert session.current.node != "W1"


def test_a_wide_outer_product_proven_finite_is_the_outer_product():
    n = 96
    rng = np.random.default_rng(3)
    x, w, y = rng.standard_normal((n, 1)), rng.standard_normal((n, n)), rng.standard_normal((n, 1))
    session = Session(_model(x.tolist(), w.tolist(), y.tolist()))
    session.run()
    delta = w.T @ x - y
    np.testing.assert_array_equal(session.grad("W1"), x * delta.T)


@settings(max_examples=400, deadline=None)
@given(
    st.integers(65, 80),
    st.integers(65, 80),
    st.integers(1, 5),
    st.floats(-320, 308),
    st.floats(-320, 308),
    st.integers(0, 2**32 - 1),
)
def test_the_outer_product_proof_never_calls_an_overflow_finite(n_in, n_out, batch, x_exponent, g_exponent, seed):
    """Whenever the proof says finite, every element of x δᵀ is finite, for one sample or a batch (a sum),
    near the float range's ends too."""
    from explorer.ops.linear import LINEAR

    proof = LINEAR.finite_vjp["w"]
    rng = np.random.default_rng(seed)
    alike = seed % 3 == 0  # every sample alike, all of one sign, products near the top: sums that may overflow
    if alike:
        g_exponent = min(g_exponent, 308.2 - x_exponent)
    x = rng.uniform(-1, 1, (n_in, batch)) * 10.0**x_exponent
    g = rng.uniform(-1, 1, (n_out, batch)) * 10.0**g_exponent
    if alike:
        x, g = np.abs(x[:, :1]).repeat(batch, axis=1), np.abs(g[:, :1]).repeat(batch, axis=1)
    inputs = {"x": x, "w": np.zeros((n_in, n_out))}
    with np.errstate(all="ignore"):
        grad = LINEAR.vjp["w"](inputs, g, g)
        if proof(inputs, g, g, grad):
            assert np.isfinite(grad).all()


def test_a_batch_gradient_that_overflows_only_in_its_sum_is_still_named():
    """Each product x_ks δ_js is 1.5e308, finite; their sum over two samples is not. The batch's bound
    (2 · s · max|x| · max|δ|) is past the range, so the result is looked at and the overflow named at W1."""
    from explorer.ops.linear import LINEAR

    n = 80
    x = np.full((n, 2), 1.5e154)
    g = np.full((n, 2), 1e154)
    inputs = {"x": x, "w": np.zeros((n, n))}
    with np.errstate(all="ignore"):
        grad = LINEAR.vjp["w"](inputs, g, g)
    assert not np.isfinite(grad).any()
    assert not LINEAR.finite_vjp["w"](inputs, g, g, grad)


def test_a_wide_batch_gradient_proven_finite_is_the_product():
    n, batch = 96, 8
    rng = np.random.default_rng(5)
    x, w, y = rng.standard_normal((n, batch)), rng.standard_normal((n, n)), rng.standard_normal((n, batch))
    session = Session(_model(x.tolist(), w.tolist(), y.tolist()))
    session.run()
    np.testing.assert_array_equal(session.grad("W1"), x @ (w.T @ x - y).T)


@pytest.mark.parametrize(("n_in", "n_out"), [(64, 64), (65, 64), (256, 256), (257, 256), (300, 700), (5, 20_000), (20_000, 5)])
def test_the_outer_product_is_exact_on_every_path(n_in, n_out):
    """Broadcast (≤ 64²), einsum (≤ 256²) or a block of rows at a time (ops/linear.py): each element is the
    one rounded product x_k g_j, so every path gives numpy's outer product bit for bit, the last short block too."""
    from explorer.ops.linear import LINEAR

    rng = np.random.default_rng(n_in * n_out)
    x, g = rng.standard_normal((n_in, 1)), rng.standard_normal((n_out, 1))
    grad = LINEAR.vjp["w"]({"x": x, "w": np.zeros((n_in, n_out))}, g, g)
    assert grad.shape == (n_in, n_out)
    np.testing.assert_array_equal(grad, np.multiply.outer(x[:, 0], g[:, 0]))
