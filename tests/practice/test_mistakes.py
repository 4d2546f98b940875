"""The re-run backward pass the mistakes are computed with: without a mistake it is the engine's, and central differences'."""

from __future__ import annotations

import numpy as np
import pytest

from explorer.engine import Session, numeric_grad
from explorer.model import load_model
from explorer.model.examples import example_names
from explorer.practice.mistakes import backward, forward_values
from explorer.resources import example_path


@pytest.mark.parametrize("name", example_names())
def test_backward_without_a_mistake_is_the_engines_pass(name: str) -> None:
    model = load_model(example_path(name))
    session = Session(model)
    session.run()
    grads = backward(model, forward_values(model))
    for node in model.order:
        if session.grad(node) is not None:
            np.testing.assert_allclose(grads[node], session.grad(node), rtol=1e-12, atol=1e-15)
    doubled = backward(model, forward_values(model), seed=2.0)
    param = model.params[0]
    np.testing.assert_allclose(doubled[param], 2 * grads[param], rtol=1e-12)


@pytest.mark.parametrize("name", ["toy", "regression", "deep_sigmoid"])
def test_backward_agrees_with_central_differences(name: str) -> None:
    model = load_model(example_path(name))
    grads = backward(model, forward_values(model))
    for param in model.params:
        np.testing.assert_allclose(grads[param], numeric_grad(model, param), rtol=1e-5, atol=1e-8)


def test_until_stops_once_the_gradient_is_whole() -> None:
    model = load_model(example_path("deep_sigmoid"))
    values = forward_values(model)
    whole = backward(model, values)
    early = backward(model, values, until="W5")
    np.testing.assert_array_equal(early["W5"], whole["W5"])
    assert "W1" not in early
