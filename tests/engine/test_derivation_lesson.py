"""The toy's step worked by hand: the forward pass, Jᵀv and the written-out contraction, with plain Python numbers."""

from __future__ import annotations

import numpy as np
import pytest

from explorer.engine import Session
from explorer.lesson import breakdown
from explorer.lesson.breakdown import finite_difference_check
from explorer.lesson.by_hand import forward_by_hand, jacobian_matrix
from explorer.lesson.describe import definitions
from explorer.lesson.written_contraction import written_contraction
from explorer.model import load_model
from explorer.model.edit import set_loss
from explorer.model.messages import message
from explorer.ops import OPS
from explorer.resources import example_path

# resources/examples/toy.json, written out again
X = [1.0, 2.0, 3.0]
W1 = [[0.1, -0.2, 0.3], [0.0, 0.1, -0.1], [0.2, 0.0, 0.1]]
W2 = [[0.5, 0.0, -0.5], [0.1, 0.2, 0.3], [-0.3, 0.4, 0.0]]
W3 = [[0.2, -0.1], [0.3, 0.5], [-0.4, 0.1]]
Y = [0.5, -0.5]


def wt(w: list[list[float]], h: list[float]) -> list[float]:
    return [sum(w[k][j] * h[k] for k in range(len(h))) for j in range(len(w[0]))]


H1 = wt(W1, X)  # (0.7, 0, 0.4)
H2 = wt(W2, H1)  # (0.23, 0.16, -0.35)
YHAT = wt(W3, H2)
DELTA = [YHAT[i] - Y[i] for i in range(2)]  # ∂L/∂Ŷ for ½ SSE: (−0.266, 0.522)
DELTA_H2 = [sum(W3[k][j] * DELTA[j] for j in range(2)) for k in range(3)]  # W₃ δ


@pytest.fixture
def toy() -> Session:
    session = Session(load_model(example_path("toy")))
    session.run()
    return session


def test_the_hand_numbers_are_the_lectures() -> None:
    assert H2[0] == pytest.approx(0.23)
    assert pytest.approx([-0.266, 0.522]) == DELTA


def test_written_contraction_of_w3_is_slide_8_with_numbers(toy: Session) -> None:
    c = written_contraction(toy, "Yhat", "W3")
    assert c is not None
    assert c.delta == message("lesson.delta", name="∂L/∂Ŷ", shape="2×1", node="Ŷ")
    assert str(c.delta) == "δ = ∂L/∂Ŷ (2×1), the gradient arriving at Ŷ"
    first = c.rows[0]
    assert first.result == "∂L/∂w⁽³⁾₁₁"
    # (−0.266)(0.23) + (0.522)(0) = −0.06118: both terms, the zero included
    assert [(t.upstream_value, t.local_value) for t in first.terms] == [
        pytest.approx((DELTA[0], H2[0])),
        pytest.approx((DELTA[1], 0.0)),
    ]
    assert first.value == pytest.approx(-0.06118, abs=1e-12)
    assert first.collapsed == "∂L/∂ŷ₁ × h⁽²⁾₁"
    for row, (k, j) in zip(c.rows, np.ndindex(3, 2), strict=True):
        assert row.value == pytest.approx(DELTA[j] * H2[k], abs=1e-15)
        assert sum(1 for t in row.terms if t.local_value == 0.0) == 1  # the other output's zero is written
    assert c.outer_factor == "H₂"
    assert len(c.outer_products) == 1
    np.testing.assert_allclose(c.result, toy.grad("W3"), rtol=1e-13)


def test_forward_by_hand_of_yhat(toy: Session) -> None:
    hand = forward_by_hand(toy, "Yhat")
    assert hand is not None
    assert hand.formula == "Ŷ = W₃ᵀ · H₂"
    np.testing.assert_array_equal(hand.weight_t, np.array(W3).T)
    row = hand.rows[0]
    assert row.output == "ŷ₁"
    assert [t.weight for t in row.terms] == ["w⁽³⁾₁₁", "w⁽³⁾₂₁", "w⁽³⁾₃₁"]  # ŷ₁ = w₁₁h₁ + w₂₁h₂ + w₃₁h₃
    assert [t.input for t in row.terms] == ["h⁽²⁾₁", "h⁽²⁾₂", "h⁽²⁾₃"]
    assert [t.weight_value for t in row.terms] == [W3[0][0], W3[1][0], W3[2][0]]
    assert [t.input_value for t in row.terms] == pytest.approx(H2, abs=1e-15)
    assert [r.value for r in hand.rows] == pytest.approx(YHAT, abs=1e-15)


def test_jacobian_matrix_of_h2_by_h1_is_w2_transposed_and_jtv_is_w2_delta(toy: Session) -> None:
    j = jacobian_matrix(toy, "H2", "H1")
    assert j is not None
    assert j.closed_form == "J = W₂ᵀ"
    assert j.jtv_form == "Jᵀv = W₂ · δ"
    np.testing.assert_array_equal(j.matrix, np.array(W2).T)
    np.testing.assert_array_equal(j.transpose, np.array(W2))
    np.testing.assert_allclose(j.v, DELTA_H2, rtol=1e-13)
    w2_delta = [sum(W2[k][i] * DELTA_H2[i] for i in range(3)) for k in range(3)]
    np.testing.assert_allclose(j.jtv, w2_delta, rtol=1e-12)
    np.testing.assert_allclose(j.result, toy.grad("H1"), rtol=1e-12)
    assert j.rows == ("h⁽²⁾₁", "h⁽²⁾₂", "h⁽²⁾₃")
    assert "backward(gradient=v)" in str(j.torch)


def test_batch_contraction_is_a_sum_of_per_sample_outer_products() -> None:
    session = Session(load_model(example_path("toy_batch")))
    session.run()
    c = written_contraction(session, "Yhat", "W3")
    assert c is not None
    assert len(c.outer_products) == 4
    h2, delta = session.value("H2"), session.grad("Yhat")
    assert h2 is not None
    assert delta is not None
    for o in c.outer_products:
        np.testing.assert_array_equal(o.product, np.outer(h2[:, o.sample], delta[:, o.sample]))
    np.testing.assert_allclose(sum(o.product for o in c.outer_products), session.grad("W3"), rtol=1e-13)
    assert c.rows[0].collapsed == "Σₛ ∂L/∂ŷ₁ₛ × h⁽²⁾₁ₛ"


def test_breakdown_says_what_its_check_compares(toy: Session) -> None:
    b = breakdown(toy, "Yhat", "W3")
    assert b.independent_check
    assert b.agrees
    assert b.outer_factor == "H₂"
    assert "H₂ δᵀ" in str(b.outer_product_note)
    assert str(b.delta).startswith("δ = ∂L/∂Ŷ (2×1)")
    loss = breakdown(toy, "L", "Yhat")
    assert loss.local_is_gradient
    assert not b.local_is_gradient
    first = breakdown(toy, "H1", "W1")
    assert first.outer_factor == "X"


def test_breakdown_names_n_of_the_mse() -> None:
    model = set_loss(load_model(example_path("toy")), "mse")
    assert any(str(d).startswith("N = 2") for d in definitions(model, model.loss_id, "pred"))


def test_finite_difference_check_passes_and_fails_on_a_wrong_vjp(monkeypatch: pytest.MonkeyPatch) -> None:
    session = Session(load_model(example_path("toy")))
    session.run()
    good = finite_difference_check(session, "W1")
    assert good.ok
    assert good.max_diff < 1e-8
    assert finite_difference_check(session, "H1").ok

    right = OPS["linear"].vjp["w"]
    monkeypatch.setitem(OPS["linear"].vjp, "w", lambda a, out, g: 1.01 * right(a, out, g))  # type: ignore[index]
    wrong = Session(load_model(example_path("toy")))
    wrong.run()
    bad = finite_difference_check(wrong, "W1")
    assert not bad.ok
    assert bad.max_diff > 1e-4


def test_jacobian_matrix_during_the_forward_pass_has_no_jtv_yet() -> None:
    session = Session(load_model(example_path("toy")))
    session.seek(2)  # H1 and H2 computed, no gradient yet
    j = jacobian_matrix(session, "H2", "H1")
    assert j is not None
    np.testing.assert_array_equal(j.matrix, np.array(W2).T)
    assert (j.v, j.jtv, j.result) == (None, None, None)
    session.seek(1)
    assert jacobian_matrix(session, "Yhat", "H2") is None  # needs H₂, not computed yet
