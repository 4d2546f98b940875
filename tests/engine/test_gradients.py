"""Property tests of the engine on random chains: gradients, Jacobians, breakdowns, stepping."""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from explorer.engine import Session, numeric_grad
from explorer.lesson import breakdown
from explorer.model import Model, NodeSpec

from .strategies import LAYER_ENDS, Array, Chain, chains, matrices, reference_forward

#: Central-difference step of the test's own finite differences.
EPS = 1e-6

#: Hypothesis favours the first choice of a list, so each activation gets a run of its own as well as the mix.
each_activation = pytest.mark.parametrize(
    "ends", [(a,) for a in LAYER_ENDS] + [LAYER_ENDS], ids=[str(a) for a in LAYER_ENDS] + ["mixed"]
)


def assert_close_to_fd(actual: Array, numeric: Array, loss: float) -> None:
    """Compare with central differences, allowing for their rounding error.

    The rounding error of ``(L(x+ε) − L(x−ε)) / 2ε`` is about
    ``|L| · 2⁻⁵² / ε ≈ 2e-10 · |L|``; ``atol`` leaves 50 times that.
    """
    assert actual.shape == numeric.shape
    np.testing.assert_allclose(actual, numeric, rtol=1e-5, atol=1e-8 * (1.0 + abs(loss)))


def own_numeric_grad(chain: Chain, leaf: str) -> Array:
    """``dL/d(leaf)`` by central differences over :func:`reference_forward` (no engine)."""
    base = chain.leaves()[leaf]
    grad = np.empty_like(base)
    for index in np.ndindex(base.shape):
        plus, minus = base.copy(), base.copy()
        plus[index] += EPS
        minus[index] -= EPS
        _, up = reference_forward(chain, {leaf: plus})
        _, down = reference_forward(chain, {leaf: minus})
        grad[index] = (up - down) / (2 * EPS)
    return grad


# -- gradients ---------------------------------------------------------------------------


@each_activation
@settings(max_examples=20)
@given(st.data())
def test_every_leaf_gradient_matches_engine_finite_differences(
    ends: tuple[str | None, ...], data: st.DataObject
) -> None:
    chain = data.draw(chains(activations=ends))
    model = chain.model
    assert set(model.leaves) == set(chain.leaves())
    session = Session(model)
    session.run()
    assert session.loss is not None
    for leaf, value in chain.leaves().items():
        grad = session.grad(leaf)
        assert grad is not None
        assert grad.shape == value.shape
        assert_close_to_fd(grad, numeric_grad(model, leaf), session.loss)


@each_activation
@settings(max_examples=20)
@given(st.data())
def test_every_leaf_gradient_matches_independent_finite_differences(
    ends: tuple[str | None, ...], data: st.DataObject
) -> None:
    chain = data.draw(chains(activations=ends))
    session = Session(chain.model)
    session.run()
    pre, loss = reference_forward(chain)
    assert session.loss == pytest.approx(loss, rel=1e-12, abs=1e-12)
    for i, z in enumerate(pre):
        value = session.value(chain.h_id(i))
        assert value is not None
        assert value.shape == z.shape
        np.testing.assert_allclose(value, z, rtol=1e-12, atol=1e-12)
    for leaf, value in chain.leaves().items():
        grad = session.grad(leaf)
        assert grad is not None
        assert grad.shape == value.shape
        assert_close_to_fd(grad, own_numeric_grad(chain, leaf), loss)


@settings(max_examples=30)
@given(st.data(), st.integers(1, 4), st.integers(1, 3))
def test_shared_weight_gradient_is_the_sum_of_both_uses(data: st.DataObject, n: int, batch: int) -> None:
    """``W`` feeds two layers; its gradient sums both contributions (a case a chain never has)."""
    x = data.draw(matrices(n, batch))
    w = data.draw(matrices(n, n))
    y = data.draw(matrices(n, batch))
    model = Model(
        [
            NodeSpec("X", "input", value=x),
            NodeSpec("W", "param", value=w),
            NodeSpec("H1", "linear", inputs={"x": "X", "w": "W"}),
            NodeSpec("H2", "linear", inputs={"x": "H1", "w": "W"}),
            NodeSpec("Y", "target", value=y),
            NodeSpec("L", "half_sse", inputs={"pred": "H2", "target": "Y"}),
        ]
    )
    session = Session(model)
    session.run()
    # by hand: H1 = Wᵀx, H2 = WᵀH1, δ = H2 − Y, dL/dW = H1 δᵀ + x (W δ)ᵀ
    h1 = w.T @ x
    delta = w.T @ h1 - y
    expected = h1 @ delta.T + x @ (w @ delta).T
    state = session.state("W")
    assert [(c.consumer, c.port) for c in state.upstream] == [("H1", "w"), ("H2", "w")]
    assert state.upstream_grad is None  # two consumers: no single upstream gradient
    assert state.grad is not None
    assert state.grad.shape == (n, n)
    np.testing.assert_allclose(state.grad, expected, rtol=1e-12, atol=1e-12)
    np.testing.assert_allclose(state.upstream[0].grad + state.upstream[1].grad, state.grad, rtol=0, atol=0)
    for consumer, share in (("H1", x @ (w @ delta).T), ("H2", h1 @ delta.T)):
        part = breakdown(session, consumer, "W")
        assert part.agrees
        assert part.contraction is not None
        assert part.contraction.shape == (n, n)
        np.testing.assert_allclose(part.contraction, share, rtol=1e-10, atol=1e-12)
    loss = session.loss
    assert loss is not None
    assert_close_to_fd(state.grad, numeric_grad(model, "W"), loss)


# -- Jacobians and breakdowns ---------------------------------------------------------------


def _op_inputs(chain: Chain) -> list[tuple[str, str]]:
    model = chain.model
    return [(node, wrt) for node in model.op_nodes for wrt in model.inputs(node).values()]


def assert_jacobian_is_the_assembled_vjp(session: Session, node: str, wrt: str) -> None:
    """``jacobian(node, wrt)[i…]`` is ``vjp(node, wrt, upstream=e_i)`` for every unit ``e_i`` of the output."""
    out, source = session.value(node), session.value(wrt)
    assert out is not None
    assert source is not None
    jac = session.jacobian(node, wrt)
    assert jac.shape == out.shape + source.shape
    assert jac.shape == session.jacobian_shape(node, wrt)
    assembled = np.empty(out.shape + source.shape)
    for index in np.ndindex(out.shape):
        unit = np.zeros(out.shape)
        unit[index] = 1.0
        row = session.vjp(node, wrt, upstream=unit)
        assert row.shape == source.shape
        assembled[index] = row
    # both are exact closed forms (entries of x, W, slopes, 0 and 1): no rounding apart
    np.testing.assert_allclose(jac, assembled, rtol=1e-14, atol=0, err_msg=f"{node}/{wrt}")


@each_activation
@settings(max_examples=20)
@given(st.data())
def test_every_jacobian_equals_the_one_assembled_from_unit_vjps(
    ends: tuple[str | None, ...], data: st.DataObject
) -> None:
    chain = data.draw(chains(activations=ends))
    session = Session(chain.model)
    session.run()
    for node, wrt in _op_inputs(chain):
        assert_jacobian_is_the_assembled_vjp(session, node, wrt)


@pytest.mark.parametrize(("op", "low"), [("relu", 0.0), ("leaky_relu", 0.01)])
def test_relu_jacobian_and_vjp_agree_at_the_kink(op: str, low: float) -> None:
    """Pre-activations of exactly 0, which the random chains avoid: one slope convention on both paths."""
    model = Model(
        [
            NodeSpec("X", "input", value=np.array([[0.0, 1.0], [-1.0, 0.0]])),
            NodeSpec("W", "param", value=np.eye(2)),
            NodeSpec("H", "linear", inputs={"x": "X", "w": "W"}),
            NodeSpec("A", op, inputs={"x": "H"}),
            NodeSpec("Y", "target", value=np.array([[1.0, 3.0], [1.0, 1.0]])),
            NodeSpec("L", "half_sse", inputs={"pred": "A", "target": "Y"}),
        ]
    )
    session = Session(model)
    session.run()
    for node, wrt in [("H", "X"), ("H", "W"), ("A", "H"), ("L", "A"), ("L", "Y")]:
        assert_jacobian_is_the_assembled_vjp(session, node, wrt)
    grad = session.grad("H")
    assert grad is not None
    assert grad.shape == (2, 2)
    # dL/dA = A − Y = [[-1, -2], [-1, -1]] (A = 0 where H ≤ 0: H is 0 or −1, and leaky ReLU's −0.01 there
    # makes dL/dA −0.99); the ReLU passes it whole only where H > 0, i.e. at H[0, 1], else times its low slope
    a = np.where(np.array([[0.0, 1.0], [-1.0, 0.0]]) > 0, [[0.0, 1.0], [-1.0, 0.0]], low * np.array([[0.0, 1.0], [-1.0, 0.0]]))
    upstream = a - np.array([[1.0, 3.0], [1.0, 1.0]])
    np.testing.assert_array_equal(grad, [[low * upstream[0, 0], upstream[0, 1]], [low * upstream[1, 0], low * upstream[1, 1]]])


@each_activation
@settings(max_examples=20)
@given(st.data())
def test_every_breakdown_contraction_equals_the_gradient_contribution(
    ends: tuple[str | None, ...], data: st.DataObject
) -> None:
    chain = data.draw(chains(activations=ends))
    session = Session(chain.model)
    session.run()
    for node, wrt in _op_inputs(chain):
        part = breakdown(session, node, wrt)
        node_shape = chain.model.shape(node)
        wrt_grad = session.grad(wrt)
        assert wrt_grad is not None
        assert part.upstream_shape == node_shape
        assert part.jacobian_shape == node_shape + wrt_grad.shape
        assert part.result_shape == wrt_grad.shape
        assert part.agrees, (node, wrt, part.max_diff)
        assert part.jacobian is not None
        assert part.jacobian_reason is None
        assert part.contraction is not None
        assert part.contraction.shape == wrt_grad.shape
        shares = [c.grad for c in session.state(wrt).upstream if c.consumer == node]
        assert len(shares) == 1
        scale = 1e-12 * (1.0 + float(np.max(np.abs(shares[0]), initial=0.0)))
        np.testing.assert_allclose(part.contraction, shares[0], rtol=1e-10, atol=scale)
        # in a chain every node has one consumer: the contribution is the whole gradient
        np.testing.assert_array_equal(shares[0], wrt_grad)


# -- stepping ------------------------------------------------------------------------------

State = dict[str, tuple[Any, Any, tuple[tuple[str, str, Array, Array], ...]]]


def _copy(array: Array | None) -> Array | None:
    return None if array is None else np.array(array, copy=True)


def capture(session: Session) -> State:
    """Every node's value, gradient and contributions, copied."""
    states: State = {}
    for node in session.model.order:
        state = session.state(node)
        upstream = tuple((c.consumer, c.port, np.array(c.upstream_grad), np.array(c.grad)) for c in state.upstream)
        states[node] = (_copy(state.value), _copy(state.grad), upstream)
    return states


def assert_same_state(session: Session, expected: State) -> None:
    actual = capture(session)
    assert actual.keys() == expected.keys()
    for node, (value, grad, upstream) in expected.items():
        got_value, got_grad, got_upstream = actual[node]
        for got, want in ((got_value, value), (got_grad, grad)):
            if want is None:
                assert got is None, node
            else:
                assert got is not None, node
                assert got.shape == want.shape, node
                assert np.array_equal(got, want), node
        assert len(got_upstream) == len(upstream), node
        for (c1, p1, u1, g1), (c2, p2, u2, g2) in zip(got_upstream, upstream, strict=True):
            assert (c1, p1) == (c2, p2)
            assert u1.shape == u2.shape
            assert g1.shape == g2.shape
            assert np.array_equal(u1, u2)
            assert np.array_equal(g1, g2)


def states_by_stepping(model: Model) -> list[State]:
    session = Session(model)
    states = [capture(session)]
    while session.step() is not None:
        states.append(capture(session))
    assert len(states) == session.total + 1
    return states


@settings(max_examples=30)
@given(chains())
def test_step_then_back_restores_every_node_exactly(chain: Chain) -> None:
    states = states_by_stepping(chain.model)
    session = Session(chain.model)
    assert session.back() is None  # nothing to undo at the start
    assert_same_state(session, states[0])
    for k in range(session.total):
        assert session.position == k
        taken = session.step()
        assert taken == session.plan[k]
        assert_same_state(session, states[k + 1])
        undone = session.back()
        assert undone == taken
        assert session.position == k
        assert_same_state(session, states[k])
        session.step()
    assert session.done
    assert session.step() is None
    assert session.position == session.total
    assert_same_state(session, states[-1])
    # and all the way back from the end
    for k in range(session.total, 0, -1):
        assert session.back() == session.plan[k - 1]
        assert_same_state(session, states[k - 1])


@settings(max_examples=30)
@given(chains(), st.data())
def test_seek_from_anywhere_reaches_the_state_of_stepping_from_zero(chain: Chain, data: st.DataObject) -> None:
    states = states_by_stepping(chain.model)
    total = len(states) - 1
    session = Session(chain.model)
    targets = data.draw(st.lists(st.integers(0, total), min_size=1, max_size=8))
    for target in targets:
        session.seek(target)
        assert session.position == target
        assert_same_state(session, states[target])
    for outside in (-1, total + 1):
        with pytest.raises(ValueError, match="outside"):
            session.seek(outside)


@settings(max_examples=30)
@given(chains())
def test_plan_is_forward_in_topological_order_then_every_node_backward(chain: Chain) -> None:
    session = Session(chain.model)
    ops, ids = chain.op_ids(), chain.ids()
    assert session.total == len(ops) + len(ids)
    assert session.forward_steps == len(ops)
    assert [s.index for s in session.plan] == list(range(1, session.total + 1))
    assert [(s.phase, s.node) for s in session.plan] == [("forward", n) for n in ops] + [
        ("backward", n) for n in reversed(ids)
    ]


@settings(max_examples=30)
@given(chains())
def test_nothing_is_known_before_the_step_that_computes_it(chain: Chain) -> None:
    session = Session(chain.model)
    ops, ids = chain.op_ids(), chain.ids()
    leaves = chain.leaves()
    for position in range(session.total + 1):
        session.seek(position)
        forward_done = set(ops[: min(position, len(ops))])
        backward_done = set(list(reversed(ids))[: max(0, position - len(ops))])
        for node in ids:
            value, grad = session.value(node), session.grad(node)
            if node in leaves:
                assert value is not None
                assert value.shape == leaves[node].shape
                assert np.array_equal(value, leaves[node])
            elif node in forward_done:
                assert value is not None
                assert value.shape == chain.model.shape(node)
            else:
                assert value is None, (position, node)
            if node in backward_done:
                assert grad is not None
                assert grad.shape == chain.model.shape(node)
            else:
                assert grad is None, (position, node)
                assert session.state(node).upstream == ()
        assert (session.loss is None) == ("L" not in forward_done)
    loss_grad = session.grad("L")
    assert loss_grad is not None
    assert loss_grad.shape == ()
    assert float(loss_grad) == 1.0


@settings(max_examples=25)
@given(chains())
def test_every_array_handed_out_is_read_only(chain: Chain) -> None:
    session = Session(chain.model)
    session.run()
    handed: list[Array] = []
    for node in chain.model.order:
        state = session.state(node)
        assert state.value is not None
        assert state.grad is not None
        handed += [state.value, state.grad]
        for c in state.upstream:
            handed += [c.upstream_grad, c.grad]
    for node, wrt in _op_inputs(chain):
        handed += [session.jacobian(node, wrt), session.vjp(node, wrt)]
    for array in handed:
        assert not array.flags.writeable
        with pytest.raises(ValueError, match="read-only"):
            array[...] = 0.0
