"""The lecture's examples, worked by hand with plain Python lists and loops, against the engine.

"Play with Toy Example": X = (1, 2, 3)ᵀ, H₁ = W₁ᵀX, H₂ = W₂ᵀH₁, Ŷ = W₃ᵀH₂,
L = ½ Σ (Ŷ − Y)², and the table ∂L/∂w_kj = ∂L/∂ŷ_j × h_k.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest

from explorer.engine import Session
from explorer.lesson import breakdown
from explorer.model import load_model
from explorer.resources import example_path

Matrix = list[list[float]]

# The numbers of resources/examples/toy.json, written out again here.
X = [1.0, 2.0, 3.0]
W1 = [[0.1, -0.2, 0.3], [0.0, 0.1, -0.1], [0.2, 0.0, 0.1]]
W2 = [[0.5, 0.0, -0.5], [0.1, 0.2, 0.3], [-0.3, 0.4, 0.0]]
W3 = [[0.2, -0.1], [0.3, 0.5], [-0.4, 0.1]]
Y = [0.5, -0.5]

TIGHT = {"rtol": 1e-13, "atol": 1e-15}


def wt_times(w: Matrix, h: list[float]) -> list[float]:
    """``Wᵀ h`` for one sample: out_j = Σ_k w_kj h_k (the lecture's ŷ₁ = w₁₁h₁ + w₂₁h₂ + w₃₁h₃)."""
    return [sum(w[k][j] * h[k] for k in range(len(h))) for j in range(len(w[0]))]


def w_times(w: Matrix, d: list[float]) -> list[float]:
    """``W δ``: out_k = Σ_j w_kj δ_j, the gradient a layer hands to its input."""
    return [sum(w[k][j] * d[j] for j in range(len(d))) for k in range(len(w))]


def outer(h: list[float], d: list[float]) -> Matrix:
    """``h δᵀ``: entry (k, j) is δ_j × h_k, the lecture's table."""
    return [[d[j] * h[k] for j in range(len(d))] for k in range(len(h))]


def column(values: list[float]) -> list[list[float]]:
    """A one-sample column ``(n, 1)``, as the engine stores it."""
    return [[v] for v in values]


def load(name: str) -> Session:
    session = Session(load_model(example_path(name)))
    session.run()
    return session


# -- the toy network, one sample -------------------------------------------------------


@pytest.fixture(scope="module")
def toy() -> Session:
    return load("toy")


@pytest.fixture(scope="module")
def hand() -> dict[str, Any]:
    """The whole forward and backward pass of the toy network by hand."""
    h1 = wt_times(W1, X)
    h2 = wt_times(W2, h1)
    yhat = wt_times(W3, h2)
    delta = [yhat[j] - Y[j] for j in range(2)]  # dL/dŶ = Ŷ − Y for L = ½ Σ (Ŷ − Y)²
    loss = 0.5 * sum(d * d for d in delta)
    d_h2 = w_times(W3, delta)
    d_h1 = w_times(W2, d_h2)
    d_x = w_times(W1, d_h1)
    return {
        "H1": h1,
        "H2": h2,
        "Yhat": yhat,
        "L": loss,
        "delta": delta,
        "dW3": outer(h2, delta),
        "dH2": d_h2,
        "dW2": outer(h1, d_h2),
        "dH1": d_h1,
        "dW1": outer(X, d_h1),
        "dX": d_x,
        "dY": [-d for d in delta],
    }


def test_the_file_holds_the_numbers_written_out_here(toy: Session) -> None:
    for node, expected in (("X", column(X)), ("W1", W1), ("W2", W2), ("W3", W3), ("Y", column(Y))):
        assert toy.model.value(node).tolist() == expected, node


def test_hand_forward_pass_has_the_numbers_worked_on_paper(hand: dict[str, Any]) -> None:
    """Anchor the helpers on numbers worked out on paper, digit by digit."""
    np.testing.assert_allclose(hand["H1"], [0.7, 0.0, 0.4], **TIGHT)  # 0.1+0+0.6, −0.2+0.2+0, 0.3−0.2+0.3
    np.testing.assert_allclose(hand["H2"], [0.23, 0.16, -0.35], **TIGHT)
    np.testing.assert_allclose(hand["Yhat"], [0.234, 0.022], **TIGHT)
    np.testing.assert_allclose(hand["delta"], [-0.266, 0.522], **TIGHT)
    assert hand["L"] == pytest.approx(0.17162, rel=1e-13)  # ½ (0.070756 + 0.272484)
    np.testing.assert_allclose(hand["dW3"], [[-0.06118, 0.12006], [-0.04256, 0.08352], [0.0931, -0.1827]], **TIGHT)


@pytest.mark.parametrize("node", ["H1", "H2", "Yhat"])
def test_toy_forward_values(toy: Session, hand: dict[str, Any], node: str) -> None:
    value = toy.value(node)
    assert value is not None
    assert value.shape == (len(hand[node]), 1)
    np.testing.assert_allclose(value, column(hand[node]), **TIGHT)


def test_toy_loss(toy: Session, hand: dict[str, Any]) -> None:
    assert toy.loss == pytest.approx(hand["L"], rel=1e-13)
    value = toy.value("L")
    assert value is not None
    assert value.shape == ()


@pytest.mark.parametrize(
    ("node", "key", "shape"),
    [
        ("Yhat", "delta", (2, 1)),
        ("W3", "dW3", (3, 2)),
        ("H2", "dH2", (3, 1)),
        ("W2", "dW2", (3, 3)),
        ("H1", "dH1", (3, 1)),
        ("W1", "dW1", (3, 3)),
        ("X", "dX", (3, 1)),
        ("Y", "dY", (2, 1)),
    ],
)
def test_toy_gradients(toy: Session, hand: dict[str, Any], node: str, key: str, shape: tuple[int, int]) -> None:
    grad = toy.grad(node)
    if node in ("X", "Y"):  # data, marked "requires_grad": false in the file: asked for, the gradient is there
        from explorer.model.edit import set_requires_grad

        assert grad is None
        asked = Session(set_requires_grad(toy.model, node, True))
        asked.run()
        assert asked.total == toy.total + 1  # one backward step more: the node's
        grad = asked.grad(node)
    assert grad is not None
    assert grad.shape == shape
    expected = hand[key]
    if node in ("Yhat", "H2", "H1", "X", "Y"):
        expected = column(expected)  # one sample: a column (n, 1)
    np.testing.assert_allclose(grad, expected, **TIGHT)


def test_toy_breakdown_of_yhat_w3_is_the_lectures_table(toy: Session, hand: dict[str, Any]) -> None:
    part = breakdown(toy, "Yhat", "W3")
    assert part.port == "w"
    assert part.op == "linear"
    assert part.upstream_shape == (2, 1)
    assert part.jacobian_shape == (2, 1, 3, 2)
    assert part.result_shape == (3, 2)
    assert part.einsum == "ib,ibkj->kj"
    assert part.outer_product is True
    assert (part.upstream_name, part.jacobian_name, part.result_name) == ("∂L/∂Ŷ", "∂Ŷ/∂W₃", "∂L/∂W₃")
    assert part.closed_form == "H₂ · δᵀ"
    assert part.agrees
    assert part.jacobian is not None
    assert part.jacobian.shape == (2, 1, 3, 2)
    assert part.contraction is not None
    assert part.contraction.shape == (3, 2)
    np.testing.assert_allclose(part.upstream, column(hand["delta"]), **TIGHT)
    np.testing.assert_allclose(part.contraction, hand["dW3"], **TIGHT)
    np.testing.assert_allclose(part.closed, hand["dW3"], **TIGHT)

    sub = "₁₂₃"
    expected_rows = [
        (f"∂L/∂w⁽³⁾{sub[k]}{sub[j]}", f"∂L/∂ŷ{sub[j]} × h⁽²⁾{sub[k]}", hand["dW3"][k][j])
        for k in range(3)
        for j in range(2)
    ]
    assert [(e.name, e.formula) for e in part.elements] == [(n, f) for n, f, _ in expected_rows]
    assert part.elements[0].name == "∂L/∂w⁽³⁾₁₁"  # layer-qualified: the h is H₂'s, the w W₃'s
    assert part.elements[0].formula == "∂L/∂ŷ₁ × h⁽²⁾₁"
    np.testing.assert_allclose([e.value for e in part.elements], [v for _, _, v in expected_rows], **TIGHT)


def test_breakdown_during_the_backward_pass_before_w3_is_reached() -> None:
    """Right after Ŷ's backward step the upstream δ is known, W₃'s own gradient not yet."""
    session = Session(load_model(example_path("toy")))
    session.run_forward()
    while session.current is None or session.current.node != "Yhat":
        session.step()
    assert session.phase == "backward"
    assert session.grad("W3") is None
    part = breakdown(session, "Yhat", "W3")
    assert part.engine_share is None
    assert part.agrees
    assert part.contraction is not None
    h2 = wt_times(W2, wt_times(W1, X))
    delta = [wt_times(W3, h2)[j] - Y[j] for j in range(2)]
    np.testing.assert_allclose(part.contraction, outer(h2, delta), **TIGHT)


# -- the slide: Ŷ = Wᵀ H with W of 3×2 ----------------------------------------------------


def test_single_layer_jacobian_is_the_slides_pair_of_matrices() -> None:
    session = load("single_layer")
    h1, h2, h3 = 1.0, 2.0, 3.0  # H of single_layer.json
    jac = session.jacobian("Yhat", "W")
    assert jac.shape == (2, 1, 3, 2)
    # ∂ŷ₁/∂W = ((h1, 0), (h2, 0), (h3, 0)) and ∂ŷ₂/∂W = ((0, h1), (0, h2), (0, h3))
    np.testing.assert_array_equal(jac[0, 0], [[h1, 0.0], [h2, 0.0], [h3, 0.0]])
    np.testing.assert_array_equal(jac[1, 0], [[0.0, h1], [0.0, h2], [0.0, h3]])


def test_single_layer_gradient_is_delta_times_h() -> None:
    session = load("single_layer")
    h = [1.0, 2.0, 3.0]
    w = [[0.1, 0.4], [0.2, 0.5], [0.3, 0.6]]
    y = [1.0, 2.0]
    delta = [wt_times(w, h)[j] - y[j] for j in range(2)]  # ŷ = (1.4, 3.2), δ = (0.4, 1.2)
    np.testing.assert_allclose(delta, [0.4, 1.2], **TIGHT)
    grad = session.grad("W")
    assert grad is not None
    assert grad.shape == (3, 2)
    np.testing.assert_allclose(grad, outer(h, delta), **TIGHT)


# -- the toy network with a batch of four samples ----------------------------------------

XB = [[1.0, 0.5, -1.0, 2.0], [2.0, -1.0, 0.0, 1.0], [3.0, 1.5, 1.0, -0.5]]
YB = [[0.5, 0.0, -0.2, 1.0], [-0.5, 0.3, 0.1, 0.0]]


def test_batch_breakdown_sums_h2_delta_over_the_samples() -> None:
    session = load("toy_batch")
    batch = 4
    samples = [[XB[k][b] for k in range(3)] for b in range(batch)]
    h2s = [wt_times(W2, wt_times(W1, x)) for x in samples]
    deltas = [[wt_times(W3, h2s[b])[j] - YB[j][b] for j in range(2)] for b in range(batch)]
    expected = [[sum(deltas[b][j] * h2s[b][k] for b in range(batch)) for j in range(2)] for k in range(3)]

    part = breakdown(session, "Yhat", "W3")
    assert part.upstream_shape == (2, 4)
    assert part.jacobian_shape == (2, 4, 3, 2)
    assert part.result_shape == (3, 2)
    assert part.einsum == "ib,ibkj->kj"
    assert part.outer_product is False  # a sum of four outer products
    assert part.agrees
    assert part.contraction is not None
    assert part.contraction.shape == (3, 2)
    np.testing.assert_allclose(part.contraction, expected, **TIGHT)
    np.testing.assert_allclose(part.closed, expected, **TIGHT)
    grad = session.grad("W3")
    assert grad is not None
    np.testing.assert_allclose(grad, expected, **TIGHT)
    assert part.elements[0].name == "∂L/∂w⁽³⁾₁₁"
    assert part.elements[0].formula == "Σₛ ∂L/∂ŷ₁,ₛ × h⁽²⁾₁,ₛ"  # the sum over the four samples s (b is the bias)
    assert part.elements[0].value == pytest.approx(expected[0][0], rel=1e-13)
    loss = 0.5 * sum(d * d for delta in deltas for d in delta)
    assert session.loss == pytest.approx(loss, rel=1e-13)


# -- 기울기 소실: gradient vanishing in the deep sigmoid chain -----------------------------


def _max_abs_grad(session: Session, node: str) -> float:
    grad = session.grad(node)
    assert grad is not None
    assert grad.shape == session.model.shape(node)
    return float(np.max(np.abs(grad)))


def test_deep_sigmoid_gradient_vanishes_towards_the_input_and_relu_does_not() -> None:
    sigmoid, relu = load("deep_sigmoid"), load("deep_relu")
    sigmoid_ratio = _max_abs_grad(sigmoid, "W1") / _max_abs_grad(sigmoid, "W8")
    relu_ratio = _max_abs_grad(relu, "W1") / _max_abs_grad(relu, "W8")
    # the example has about 2e-4 for sigmoid and 0.4 for ReLU: a margin of 50x and 4x
    assert sigmoid_ratio < 1e-2
    assert relu_ratio > 1e-1
    assert sigmoid_ratio < relu_ratio / 100
    # σ' ≤ 1/4 at every layer: the shrinking is steady from W8 down to W1
    maxima = [_max_abs_grad(sigmoid, f"W{i}") for i in range(1, 9)]
    assert maxima == sorted(maxima)
