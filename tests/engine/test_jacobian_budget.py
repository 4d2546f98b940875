"""Dense Jacobians: the element budget, what is not reached yet, the cache, and that run() builds none."""

from __future__ import annotations

import tracemalloc
from typing import Any

import numpy as np
import pytest

from explorer.engine import (
    JACOBIAN_BUDGET,
    JacobianTooLarge,
    NotReachedError,
    Session,
)
from explorer.lesson import breakdown
from explorer.model import load_model, model_from_dict
from explorer.model.examples import EXAMPLES
from explorer.ops import OPS
from explorer.resources import example_path


def toy_session(**kwargs: Any) -> Session:
    return Session(load_model(example_path("toy")), **kwargs)


def forbid_jacobians(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    """Make every op's Jacobian function record the call and fail; returns the record."""
    calls: list[tuple[str, str]] = []
    for name, op in OPS.items():
        for port in op.jacobian:

            def refuse(a: Any, out: Any, name: str = name, port: str = port) -> Any:
                calls.append((name, port))
                raise AssertionError(f"the Jacobian of {name}/{port} was built")

            monkeypatch.setitem(op.jacobian, port, refuse)  # type: ignore[arg-type]
    return calls


# -- the budget --------------------------------------------------------------------------


def test_over_budget_raises_before_building_anything(monkeypatch: pytest.MonkeyPatch) -> None:
    session = toy_session(jacobian_budget=11)  # ∂Ŷ/∂W₃ has 2·1·3·2 = 12 elements
    session.run()
    calls = forbid_jacobians(monkeypatch)
    with pytest.raises(JacobianTooLarge) as caught:
        session.jacobian("Yhat", "W3")
    assert calls == []
    assert session._jacobians == {}
    error = caught.value
    assert error.shape == (2, 1, 3, 2)
    assert error.size == 12
    assert error.budget == 11
    assert str(error) == "∂Yhat/∂W3 would have 12 elements (2×1×3×2); the budget is 11"


def test_a_jacobian_exactly_at_the_budget_is_built() -> None:
    session = toy_session(jacobian_budget=12)
    session.run()
    jac = session.jacobian("Yhat", "W3")
    assert jac.shape == (2, 1, 3, 2)
    with pytest.raises(JacobianTooLarge, match=r"∂H1/∂W1 would have 27 elements \(3×1×3×3\)"):
        session.jacobian("H1", "W1")


def test_the_default_budget_refuses_a_huge_jacobian_without_allocating_it() -> None:
    """∂H₁/∂W₁ for W₁ of 512×512 and a batch of 4 has 512·4·512·512 ≈ 5.4e8 elements (4.3 GB)."""
    width, batch = 512, 4
    model = model_from_dict(
        {
            "format": "jacobian-explorer/model",
            "version": 1,
            "nodes": [
                {"id": "X", "op": "input", "value": [[1.0] * batch] * width},
                {"id": "W1", "op": "param", "shape": [width, 2], "init": {"kind": "normal", "seed": 1}},
                {"id": "W0", "op": "param", "shape": [width, width], "init": {"kind": "normal", "seed": 2}},
                {"id": "H0", "op": "linear", "inputs": {"x": "X", "w": "W0"}},
                {"id": "H1", "op": "linear", "inputs": {"x": "H0", "w": "W1"}},
                {"id": "Y", "op": "target", "value": [[0.0] * batch] * 2},
                {"id": "L", "op": "mse", "inputs": {"pred": "H1", "target": "Y"}},
            ],
        }
    )
    session = Session(model)
    assert session.jacobian_budget == JACOBIAN_BUDGET
    session.step()  # H0
    tracemalloc.start()
    try:
        with pytest.raises(JacobianTooLarge) as caught:
            session.jacobian("H0", "W0")
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert caught.value.shape == (width, batch, width, width)
    assert caught.value.size == width * batch * width * width
    assert "∂H0/∂W0" in str(caught.value)
    assert "536,870,912 elements (512×4×512×512)" in str(caught.value)
    assert f"the budget is {JACOBIAN_BUDGET:,}" in str(caught.value)
    assert peak < 1_000_000  # bytes; the Jacobian alone would be 4.3e9


def test_breakdown_over_the_budget_still_gives_the_closed_form() -> None:
    session = toy_session(jacobian_budget=11)
    session.run()
    part = breakdown(session, "Yhat", "W3")
    assert part.jacobian is None
    assert part.contraction is None
    assert part.jacobian_reason == "∂Yhat/∂W3 would have 12 elements (2×1×3×2); the budget is 11"
    assert part.jacobian_shape == (2, 1, 3, 2)
    assert part.result_shape == (3, 2)
    assert part.agrees  # the closed form against the engine's own contribution
    assert part.max_diff == 0.0
    grad = session.grad("W3")
    assert grad is not None
    assert part.closed.shape == (3, 2)
    np.testing.assert_array_equal(part.closed, grad)
    assert part.engine_share is not None
    np.testing.assert_array_equal(part.engine_share, grad)
    assert len(part.elements) == 6  # the lecture's table needs no Jacobian


# -- not reached yet -----------------------------------------------------------------------


def test_jacobian_before_the_forward_pass_reached_its_inputs() -> None:
    session = toy_session()
    with pytest.raises(NotReachedError, match="H1"):
        session.jacobian("H2", "W2")  # needs H1, not computed at step 0
    with pytest.raises(NotReachedError, match="H2"):
        session.jacobian("Yhat", "W3")
    session.step()  # H1
    assert session.jacobian("H2", "W2").shape == (3, 1, 3, 3)
    with pytest.raises(NotReachedError, match="H2"):
        session.jacobian("Yhat", "H2")


def test_jacobian_of_a_layer_on_leaves_is_known_from_the_start() -> None:
    session = toy_session()
    jac = session.jacobian("H1", "X")
    assert jac.shape == (3, 1, 3, 1)
    # d h1_i / d x_k = W1[k, i]
    w1 = load_model(example_path("toy")).value("W1")
    np.testing.assert_array_equal(jac[:, 0, :, 0], w1.T)


def test_vjp_and_breakdown_before_the_backward_pass_reached_the_node() -> None:
    session = toy_session()
    session.run_forward()
    with pytest.raises(NotReachedError, match="Yhat"):
        session.vjp("Yhat", "W3")
    with pytest.raises(NotReachedError, match="Yhat"):
        breakdown(session, "Yhat", "W3")
    row = session.vjp("Yhat", "W3", upstream=np.array([[1.0], [0.0]]))
    assert row.shape == (3, 2)


def test_unknown_nodes_and_non_inputs_are_refused() -> None:
    session = toy_session()
    session.run()
    with pytest.raises(KeyError, match="'W1' is not an input of 'Yhat'"):
        session.jacobian("Yhat", "W1")
    with pytest.raises(KeyError, match="nope"):
        session.value("nope")


# -- the cache -----------------------------------------------------------------------------


def _forward_index(session: Session, node: str) -> int:
    return next(s.index for s in session.plan if s.phase == "forward" and s.node == node)


def test_jacobians_are_cached_and_dropped_when_their_forward_step_is_undone() -> None:
    session = toy_session()
    session.seek(_forward_index(session, "Yhat"))
    first = session.jacobian("Yhat", "W3")
    assert session.jacobian("Yhat", "W3") is first
    assert ("Yhat", "W3") in session._jacobians
    undone = session.back()
    assert undone is not None
    assert (undone.phase, undone.node) == ("forward", "Yhat")
    assert ("Yhat", "W3") not in session._jacobians
    session.step()
    again = session.jacobian("Yhat", "W3")
    assert again is not first
    assert again.shape == first.shape == (2, 1, 3, 2)
    np.testing.assert_array_equal(again, first)


def test_undoing_other_steps_keeps_a_cached_jacobian() -> None:
    session = toy_session()
    session.run()
    cached = session.jacobian("H2", "W2")
    for _ in range(session.total - _forward_index(session, "H2")):
        session.back()  # every backward step, then the forward steps after H2's
        assert session.jacobian("H2", "W2") is cached
    undone = session.back()
    assert undone is not None
    assert (undone.phase, undone.node) == ("forward", "H2")
    assert ("H2", "W2") not in session._jacobians


def test_a_jacobian_built_ahead_of_its_node_is_dropped_with_any_of_its_inputs() -> None:
    """∂H₂/∂W₂ needs H₁ (the ``x`` of H₂) although H₁ is not the ``wrt``: undoing H₁ must forget it."""
    session = toy_session()
    session.step()  # H1; H2 itself is not computed yet
    assert session.value("H2") is None
    assert session.jacobian("H2", "W2").shape == (3, 1, 3, 3)
    session.back()  # undo H1
    assert session._jacobians == {}
    with pytest.raises(NotReachedError, match="H1"):
        session.jacobian("H2", "W2")


# -- run() builds no Jacobian --------------------------------------------------------------


@pytest.mark.parametrize("name", sorted(EXAMPLES))
def test_run_builds_no_jacobian(monkeypatch: pytest.MonkeyPatch, name: str) -> None:
    calls = forbid_jacobians(monkeypatch)
    session = Session(load_model(example_path(name)))
    session.run()
    assert session.done
    assert session.loss is not None
    assert calls == []
    assert session._jacobians == {}
    session.seek(0)
    session.run()
    assert calls == []
