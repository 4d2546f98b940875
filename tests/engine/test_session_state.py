"""What a session shares and what it hands out: one schedule per model, read-only arrays that never change."""

import numpy as np
import pytest

from explorer.engine import Session
from explorer.model.examples import toy_model


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
    assert fork.grad("X") is None
    assert first.grad("X") is not None


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
