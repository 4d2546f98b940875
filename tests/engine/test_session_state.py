"""What a session shares and what it hands out: one schedule per model, read-only arrays that never change."""

import dataclasses

import numpy as np
import pytest

from explorer.engine import Session
from explorer.model.examples import toy_model
from explorer.ops import OPS


def test_sessions_of_one_model_share_the_plan_and_nothing_else() -> None:
    model = toy_model()
    first, second = Session(model), Session(model)
    assert first.plan is second.plan  # worked out once per model
    first.run()
    assert second.position == 0
    assert second.value("H1") is None
    assert second.grad("W1") is None
    second.step()
    assert first.done
    np.testing.assert_array_equal(second.value("H1"), first.value("H1"))
    fork = first.fork()
    fork.back()
    assert fork.grad("W1") is None  # the last backward step: X and Y are data and take none
    assert first.grad("W1") is not None


def test_an_array_handed_out_stays_read_only_and_unchanged_whatever_the_session_does() -> None:
    session = Session(toy_model())
    session.run()
    value, grad = session.value("H1"), session.grad("W1")
    kept_value, kept_grad = value.copy(), grad.copy()
    session.reset()
    session.run()
    session.seek(3)
    for array, kept in ((value, kept_value), (grad, kept_grad)):
        assert not array.flags.writeable
        with pytest.raises(ValueError, match="read-only"):
            array[...] = 0.0
        np.testing.assert_array_equal(array, kept)


def test_a_function_swapped_in_the_op_table_is_called_by_the_next_session(monkeypatch: pytest.MonkeyPatch) -> None:
    model = toy_model()
    right = Session(model)
    right.run()
    kept = right.grad("W1")
    linear = OPS["linear"]
    monkeypatch.setitem(linear.vjp, "w", lambda a, out, g: 2.0 * (a["x"] @ g.T))  # type: ignore[index]
    doubled = Session(model)
    doubled.run()
    np.testing.assert_allclose(doubled.grad("W1"), 2.0 * kept)
    monkeypatch.setitem(OPS, "linear", dataclasses.replace(linear, forward=lambda a: 0.0 * (a["w"].T @ a["x"])))
    zero = Session(model)
    zero.step()
    np.testing.assert_array_equal(zero.value("H1"), 0.0)
