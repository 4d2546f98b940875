"""The finite-difference check the window runs on a worker stops when asked."""

import pytest

from explorer.engine import Session
from explorer.lesson.breakdown import CheckCancelled, finite_difference_check
from explorer.model.examples import toy_model


@pytest.mark.parametrize("node", ["W1", "H2"])  # a leaf, perturbed in the model; an op node, perturbed in place
def test_a_cancelled_check_stops_between_elements(node):
    session = Session(toy_model())
    session.run()
    asked = []

    def cancelled() -> bool:
        asked.append(True)
        return len(asked) > 1

    with pytest.raises(CheckCancelled):
        finite_difference_check(session, node, cancelled=cancelled)
    assert len(asked) == 2


def test_an_uncancelled_check_still_agrees():
    session = Session(toy_model())
    session.run()
    result = finite_difference_check(session, "W1", cancelled=lambda: False)
    assert result.ok
    assert result.max_diff < 1e-8
