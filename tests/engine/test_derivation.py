"""The derivation along the chain from the loss, against numbers worked out independently of the engine."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings

from explorer.engine import EngineError, Session, numeric_grad
from explorer.lesson.derivation import KIND_WORDS, derive, kind_of, path_from_loss
from explorer.model import load_model, model_from_dict
from explorer.model.edit import set_requires_grad
from explorer.resources import example_path

from .strategies import chains


def session_of(name: str, step: int | None = None, *, data: bool = False) -> Session:
    """The example's session after ``step`` steps (all by default); with ``data``, ∂L/∂X and ∂L/∂Y asked for."""
    model = load_model(example_path(name))
    if data:
        for node in model.leaves:
            if model.op(node) != "param":
                model = set_requires_grad(model, node, True)
    session = Session(model)
    if step is None:
        session.run()
    else:
        session.seek(step)
    return session


# The factors SPEC section 6 lists for the toy's ∂L/∂W₁, written out again here.
SPEC_FACTORS = [("L", "Yhat", (2, 1)), ("Yhat", "H2", (2, 1, 3, 1)), ("H2", "H1", (3, 1, 3, 1)), ("H1", "W1", (3, 1, 3, 3))]


def test_toy_w1_at_step_11_chains_from_the_loss_with_specs_shapes() -> None:
    d = derive(session_of("toy", 11))  # 4 forward steps, 7 backward: X and Y are data and take none
    assert d.node == "W1"  # the default: the first parameter in chain order
    assert d.step == 11
    assert d.path == ("L", "Yhat", "H2", "H1", "W1")
    assert [(f.of, f.wrt, f.shape) for f in d.factors] == SPEC_FACTORS
    # dense_numbers is "the sum of the factors' sizes": 2 + 6 + 9 + 27 for the shapes SPEC itself lists.
    # (SPEC's example prints 38, which no sum of those four sizes gives; the definition is followed here.)
    assert d.dense_numbers == 2 + 6 + 9 + 27 == 44
    # vjp_numbers: ∂L/∂Ŷ (2) + ∂L/∂H₂ (3) + ∂L/∂H₁ (3) + ∂L/∂W₁ (9), SPEC's 17
    assert d.vjp_numbers == 17
    assert d.single_path
    assert d.chain_symbol == "∂L/∂Ŷ · ∂Ŷ/∂H₂ · ∂H₂/∂H₁ · ∂H₁/∂W₁"
    assert d.composition == "L = l∘p∘g∘f(W₁)"  # the lecture's l∘p∘g∘f


def test_toy_costs_of_forward_and_reverse_mode() -> None:
    """Sizes along the path: L 1, Ŷ 2, H₂ 3, H₁ 3, W₁ 9 (flattened); the seed ∂L/∂L = 1 is no product."""
    d = derive(session_of("toy"))
    reverse = (1 * 2 * 3) + (1 * 3 * 3) + (1 * 3 * 9)  # the 1×2 row ∂L/∂Ŷ times each next factor, from the loss
    forward = (3 * 3 * 9) + (2 * 3 * 9) + (1 * 2 * 9)  # matrix times matrix, from W₁
    assert (d.reverse_mode_cost, d.forward_mode_cost) == (reverse, forward) == (42, 153)


class _Counted:
    """A dense matrix that counts the multiply-adds of every product it takes part in."""

    def __init__(self, matrix: np.ndarray, tally: list[int]) -> None:
        self.matrix, self.tally = matrix, tally

    def __matmul__(self, other: _Counted) -> _Counted:
        (m, k), (k2, n) = self.matrix.shape, other.matrix.shape
        assert k == k2
        self.tally.append(m * k * n)
        return _Counted(self.matrix @ other.matrix, self.tally)


# The toy's counts as issue 14 measured them by hand: (reverse, forward) per node.
TOY_COUNTS = {"W1": (42, 153), "W2": (33, 72), "H1": (15, 24), "X": (24, 51), "W3": (12, 12), "H2": (6, 6), "Yhat": (0, 0)}


@pytest.mark.parametrize(("node", "counts"), TOY_COUNTS.items())
def test_mode_costs_equal_the_products_actually_taken(node: str, counts: tuple[int, int]) -> None:
    """Multiply the dense factors in both orders, counting each product: the counts the derivation states."""
    session = session_of("toy", data=node == "X")
    d = derive(session, node)
    factors = [np.asarray(session.jacobian(f.of, f.wrt)).reshape(int(np.prod(f.shape[: len(session.model.shape(f.of))])), -1)
               for f in d.factors]
    tally_reverse: list[int] = []
    product = _Counted(factors[0], tally_reverse)
    for factor in factors[1:]:  # from the loss: row vector times factor
        product = product @ _Counted(factor, tally_reverse)
    tally_forward: list[int] = []
    back = _Counted(factors[-1], tally_forward)
    for factor in reversed(factors[:-1]):  # from the node: factor times the product so far
        back = _Counted(factor, tally_forward) @ back
    np.testing.assert_allclose(product.matrix, back.matrix, rtol=1e-12)
    np.testing.assert_allclose(product.matrix.reshape(d.gradient.shape), d.gradient, rtol=1e-12, atol=1e-15)
    assert (sum(tally_reverse), sum(tally_forward)) == (d.reverse_mode_cost, d.forward_mode_cost) == counts
    said = str(d.modes)
    if counts[0] < counts[1]:
        assert said.startswith(f"With {len(factors)} factors reverse mode is cheaper, {counts[0]} against {counts[1]}")
        assert len(factors) >= 3
    elif len(factors) >= 2:
        assert said == f"{len(factors)} factors: {counts[0]} multiply-adds in either mode."
    else:
        assert "nothing to multiply" in said


def test_explain_states_the_counts_with_the_seed_left_out() -> None:
    from explorer.export.explanation import explain

    text = explain(session_of("toy"), "W3")
    assert "reverse mode, from the loss, 12; forward mode, from W₃, 12." in text
    assert "2 factors: 12 multiply-adds in either mode." in text
    assert "With 4 factors reverse mode is cheaper, 42 against 153" in explain(session_of("toy"), "W1")


def test_toy_kinds_and_closed_forms_are_the_lectures() -> None:
    d = derive(session_of("toy"))
    assert [f.kind for f in d.factors] == ["scalar_by_vector", "vector_by_vector", "vector_by_vector", "vector_by_matrix"]
    assert KIND_WORDS["vector_by_matrix"] == ("vector by matrix", "벡터를 행렬로 미분")
    assert [f.closed_form for f in d.factors[:3]] == ["(Ŷ − Y)ᵀ", "W₃ᵀ", "W₂ᵀ"]
    assert kind_of((3, 4), (3, 3)) == "matrix_by_matrix"


def test_toy_factor_numbers_are_the_weights_transposed() -> None:
    d = derive(session_of("toy"))
    w2 = np.array([[0.5, 0.0, -0.5], [0.1, 0.2, 0.3], [-0.3, 0.4, 0.0]])
    w3 = np.array([[0.2, -0.1], [0.3, 0.5], [-0.4, 0.1]])
    assert d.factors[1].numbers is not None
    assert d.factors[2].numbers is not None
    np.testing.assert_array_equal(d.factors[1].numbers.reshape(2, 3), w3.T)
    np.testing.assert_array_equal(d.factors[2].numbers.reshape(3, 3), w2.T)


@pytest.mark.parametrize("name", ["toy", "toy_batch", "deep_sigmoid", "deep_relu"])
def test_dense_product_along_the_chain_equals_the_gradient(name: str) -> None:
    session = session_of(name, data=True)
    for node in session.model.order:
        if node == session.model.loss_id:
            continue
        d = derive(session, node)
        grad = session.grad(node)
        assert grad is not None
        assert d.dense_product is not None
        # the product of dense Jacobians, formed here again from the session's factors
        product = np.ones((1, 1))
        for f in d.factors:
            rows = int(np.prod(session.model.shape(f.of), dtype=np.int64))
            product = product @ session.jacobian(f.of, f.wrt).reshape(rows, -1)
        np.testing.assert_allclose(product.reshape(grad.shape), grad, rtol=1e-10, atol=1e-14)
        np.testing.assert_allclose(d.dense_product, grad, rtol=1e-10, atol=1e-14)
        assert d.dense_product_diff is not None
        assert d.dense_product_diff < 1e-10


@settings(max_examples=25, deadline=None)
@given(chains())
def test_random_chains_derivation_matches_finite_differences(chain) -> None:  # type: ignore[no-untyped-def]
    session = Session(chain.model)
    session.run()
    first = chain.model.params[0]
    d = derive(session, first)
    numeric = numeric_grad(chain.model, first)
    np.testing.assert_allclose(d.gradient, numeric, rtol=1e-4, atol=1e-6)
    if d.dense_product is not None:
        np.testing.assert_allclose(d.dense_product, numeric, rtol=1e-4, atol=1e-6)
    assert d.vjp_numbers == sum(int(np.prod(chain.model.shape(n), dtype=np.int64)) for n in d.path[1:])


def test_a_shared_parameter_follows_the_first_consumer_and_says_so() -> None:
    """W feeds both layers: the path goes through H1, and H2's share is named as a branch."""
    doc = {
        "format": "jacobian-explorer/model",
        "version": 1,
        "nodes": [
            {"id": "X", "op": "input", "value": [[1.0], [2.0]]},
            {"id": "W", "op": "param", "value": [[0.3, -0.2], [0.5, 0.1]]},
            {"id": "H1", "op": "linear", "inputs": {"x": "X", "w": "W"}},
            {"id": "H2", "op": "linear", "inputs": {"x": "H1", "w": "W"}},
            {"id": "Y", "op": "target", "value": [[0.0], [1.0]]},
            {"id": "L", "op": "half_sse", "inputs": {"pred": "H2", "target": "Y"}},
        ],
    }
    session = Session(model_from_dict(doc))
    session.run()
    d = derive(session, "W")
    assert d.path == ("L", "H2", "H1", "W")
    assert d.branches == (("W", ("H2",)),)
    assert not d.single_path
    # the path's share plus the share through H2 directly is the whole gradient
    other = session.vjp("H2", "W")
    grad = session.grad("W")
    assert grad is not None
    np.testing.assert_allclose(d.path_gradient + other, grad, rtol=1e-12)
    np.testing.assert_allclose(grad, numeric_grad(session.model, "W"), rtol=1e-6, atol=1e-9)
    assert path_from_loss(session, "X")[0] == ("L", "H2", "H1", "X")


def test_unknown_node_and_a_gradient_not_known_yet_are_refused() -> None:
    with pytest.raises(EngineError, match="no node 'nope'"):
        derive(session_of("toy"), "nope")
    with pytest.raises(EngineError, match=r"not known at step 5/11.*step 11"):
        derive(session_of("toy", 5), "W1")
    with pytest.raises(EngineError, match=r"∂L/∂X is not computed: X is data marked \"requires_grad\": false"):
        derive(session_of("toy"), "X")


def test_a_gradient_with_two_shares_numbers_its_deltas() -> None:
    from explorer.lesson.describe import backward_formula

    doc = {
        "format": "jacobian-explorer/model",
        "version": 1,
        "nodes": [
            {"id": "X", "op": "input", "value": [[1.0], [2.0]]},
            {"id": "W", "op": "param", "value": [[0.3, -0.2], [0.5, 0.1]]},
            {"id": "H1", "op": "linear", "inputs": {"x": "X", "w": "W"}},
            {"id": "H2", "op": "linear", "inputs": {"x": "H1", "w": "W"}},
            {"id": "Y", "op": "target", "value": [[0.0], [1.0]]},
            {"id": "L", "op": "half_sse", "inputs": {"pred": "H2", "target": "Y"}},
        ],
    }
    model = model_from_dict(doc)
    assert backward_formula(model, "W", name_delta=True) == "∂L/∂W = [X · δ₁ᵀ] + [H₁ · δ₂ᵀ]   (δ₁ = ∂L/∂H₁; δ₂ = ∂L/∂H₂)"


def test_the_loss_itself_has_no_factor() -> None:
    d = derive(session_of("toy"), "L")
    assert (d.path, d.factors, d.dense_numbers, d.vjp_numbers, d.chain_symbol) == (("L",), (), 0, 0, "1")
    assert float(d.gradient) == 1.0


# The lecture fixes the letters by layer: f = layer 1, g = layer 2, p = layer 3, l = the loss.
TOY_COMPOSITIONS = {
    "W1": "L = l∘p∘g∘f(W₁)", "X": "L = l∘p∘g∘f(X)", "W2": "L = l∘p∘g(W₂)", "H1": "L = l∘p∘g(H₁)",
    "W3": "L = l∘p(W₃)", "H2": "L = l∘p(H₂)", "Yhat": "L = l(Ŷ)",
}


@pytest.mark.parametrize(("node", "composition"), TOY_COMPOSITIONS.items())
def test_composition_letters_are_the_lectures_for_every_node(node: str, composition: str) -> None:
    assert derive(session_of("toy", data=True), node).composition == composition
    assert derive(session_of("toy_batch", data=True), node).composition == composition
