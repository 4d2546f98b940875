"""Training against gradient descent written again by hand, in numpy and in torch, for the bundled chains.

Nothing here calls the code under test: each chain is a list of layers
``(weight id, bias id or None, activation or None)`` read off the example
file, and the passes are the textbook ones (sigmoid as ``1 / (1 + e^−x)``).
"""

from __future__ import annotations

import json
from typing import Any

import numpy as np
import pytest

from explorer.model import Model, load_model, model_from_dict
from explorer.model.edit import set_loss
from explorer.resources import example_path
from explorer.train.loop import train

Layer = tuple[str, str | None, str | None]

CHAINS: dict[str, list[Layer]] = {
    "toy": [("W1", None, None), ("W2", None, None), ("W3", None, None)],
    "toy_batch": [("W1", None, None), ("W2", None, None), ("W3", None, None)],
    "regression": [("W1", "b1", "tanh"), ("W2", "b2", None)],
    "lab_deep_sigmoid": [*((f"W{i}", None, "sigmoid") for i in range(1, 6)), ("W6", None, None)],
    "lab_deep_relu": [*((f"W{i}", None, "relu") for i in range(1, 6)), ("W6", None, None)],
    "deep_sigmoid": [*((f"W{i}", None, "sigmoid") for i in range(1, 8)), ("W8", None, None)],
    "lab_deep_leaky_relu": [*((f"W{i}", None, "leaky_relu") for i in range(1, 6)), ("W6", None, None)],
}


def leaky_relu_model() -> Model:
    """``lab_deep_relu`` with every ReLU made a leaky ReLU (slope 0.01 below 0), as a model file says it."""
    doc = json.loads(example_path("lab_deep_relu").read_text(encoding="utf-8"))
    for node in doc["nodes"]:
        if node["op"] == "relu":
            node["op"] = "leaky_relu"
    return model_from_dict(doc)


def example(name: str) -> tuple[Model, list[Layer]]:
    model = leaky_relu_model() if name == "lab_deep_leaky_relu" else load_model(example_path(name))
    return model, CHAINS[name]


def initial(model: Model, layers: list[Layer]) -> dict[str, np.ndarray]:
    return {k: np.array(model.value(k)) for w, b, _ in layers for k in (w, b) if k is not None}


def numpy_grads(
    x: np.ndarray, y: np.ndarray, layers: list[Layer], p: dict[str, np.ndarray], loss: str = "half_sse"
) -> tuple[float, dict[str, np.ndarray]]:
    """Loss and ∂L/∂p by the chain rule, layer by layer."""
    acts, outs = [x], []
    a = x
    for w, b, f in layers:
        h = p[w].T @ a + (p[b][:, None] if b else 0.0)
        if f == "tanh":
            a = np.tanh(h)
        elif f == "sigmoid":
            a = 1.0 / (1.0 + np.exp(-h))
        elif f == "relu":
            a = np.maximum(h, 0.0)
        elif f == "leaky_relu":
            a = np.where(h > 0, h, 0.01 * h)
        else:
            a = h
        outs.append(a)
        acts.append(a)
    r = a - y
    value = {"half_sse": 0.5 * np.sum(r**2), "sse": np.sum(r**2), "mse": np.mean(r**2)}[loss]
    g = {"half_sse": r, "sse": 2 * r, "mse": 2 * r / r.size}[loss]
    grads: dict[str, np.ndarray] = {}
    for i in range(len(layers) - 1, -1, -1):
        w, b, f = layers[i]
        out = outs[i]
        if f == "tanh":
            g = g * (1 - out**2)
        elif f == "sigmoid":
            g = g * out * (1 - out)
        elif f == "relu":
            g = g * (out > 0)
        elif f == "leaky_relu":
            g = g * np.where(out > 0, 1.0, 0.01)
        grads[w] = acts[i] @ g.T
        if b:
            grads[b] = g.sum(axis=1)
        g = p[w] @ g
    return float(value), grads


def numpy_descent(
    model: Model, layers: list[Layer], lr: float, steps: int, momentum: float = 0.0, loss: str = "half_sse"
) -> tuple[dict[str, np.ndarray], list[float]]:
    """Parameters after ``steps`` updates, and the losses before each update and after the last."""
    x, y = np.array(model.value("X")), np.array(model.value("Y"))
    p = initial(model, layers)
    velocity = {k: np.zeros_like(v) for k, v in p.items()}
    losses = []
    for _ in range(steps):
        value, grads = numpy_grads(x, y, layers, p, loss)
        losses.append(value)
        for k in p:
            velocity[k] = momentum * velocity[k] + grads[k]
            p[k] = p[k] - lr * (velocity[k] if momentum else grads[k])
    losses.append(numpy_grads(x, y, layers, p, loss)[0])
    return p, losses


def torch_descent(
    torch: Any, model: Model, layers: list[Layer], lr: float, steps: int, momentum: float = 0.0
) -> dict[str, np.ndarray]:
    """The same with torch autograd and ``torch.optim.SGD`` (half-SSE)."""
    x, y = torch.tensor(np.array(model.value("X"))), torch.tensor(np.array(model.value("Y")))
    p = {k: torch.tensor(v, requires_grad=True) for k, v in initial(model, layers).items()}
    optimiser = torch.optim.SGD(list(p.values()), lr=lr, momentum=momentum)
    acts = {
        "tanh": torch.tanh,
        "sigmoid": torch.sigmoid,
        "relu": torch.relu,
        "leaky_relu": lambda t: torch.nn.functional.leaky_relu(t, 0.01),
        None: lambda t: t,
    }
    for _ in range(steps):
        optimiser.zero_grad()
        a = x
        for w, b, f in layers:
            h = p[w].T @ a + (p[b][:, None] if b else 0.0)
            a = acts[f](h)
        loss = 0.5 * ((a - y) ** 2).sum()
        loss.backward()
        optimiser.step()
    return {k: v.detach().numpy().copy() for k, v in p.items()}


def relative_error(a: np.ndarray, b: np.ndarray) -> float:
    return float(np.linalg.norm(np.asarray(a) - np.asarray(b)) / max(np.linalg.norm(b), 1e-300))


# -- the tests: train() against the hand-written loops ---------------------------------

CASES = [("toy", 0.1, 60), ("toy_batch", 0.05, 60), ("regression", 0.02, 60), ("lab_deep_sigmoid", 0.01, 40),
         ("lab_deep_relu", 0.01, 40), ("deep_sigmoid", 0.05, 40), ("lab_deep_leaky_relu", 0.01, 40)]


@pytest.mark.parametrize(("name", "lr", "steps"), CASES)
def test_parameters_after_n_iterations_equal_a_hand_written_numpy_loop(name, lr, steps):
    model, layers = example(name)
    expected, losses = numpy_descent(model, layers, lr, steps)
    result = train(model, steps, lr)
    assert result.status == "completed"
    assert result.updates == steps
    for k, want in expected.items():
        assert relative_error(result.model.value(k), want) <= 1e-12, k
    np.testing.assert_allclose(result.loss, losses, rtol=1e-12)
    assert not np.array_equal(result.model.value(layers[0][0]), model.value(layers[0][0]))  # something moved


@pytest.mark.parametrize("loss", ["sse", "mse"])
def test_the_other_losses_train_as_by_hand(loss):
    model, layers = example("regression")
    model = set_loss(model, loss)
    expected, losses = numpy_descent(model, layers, 0.01, 30, loss=loss)
    result = train(model, 30, 0.01)
    for k, want in expected.items():
        assert relative_error(result.model.value(k), want) <= 1e-12, k
    np.testing.assert_allclose(result.loss, losses, rtol=1e-12)


@pytest.mark.parametrize(("name", "lr", "momentum"), [("toy", 0.05, 0.9), ("regression", 0.01, 0.5), ("lab_deep_relu", 0.005, 0.9), ("lab_deep_leaky_relu", 0.005, 0.9)])
def test_momentum_matches_an_independent_loop(name, lr, momentum):
    model, layers = example(name)
    expected, losses = numpy_descent(model, layers, lr, 40, momentum=momentum)
    plain, _ = numpy_descent(model, layers, lr, 40)
    result = train(model, 40, lr, momentum=momentum)
    for k, want in expected.items():
        assert relative_error(result.model.value(k), want) <= 1e-12, k
        assert relative_error(plain[k], want) > 1e-6, k  # momentum does change the path
    np.testing.assert_allclose(result.loss, losses, rtol=1e-12)


@pytest.mark.parametrize(("name", "lr", "steps"), CASES)
def test_parameters_after_n_iterations_equal_torch_sgd(name, lr, steps):
    torch = pytest.importorskip("torch")
    model, layers = example(name)
    expected = torch_descent(torch, model, layers, lr, steps)
    result = train(model, steps, lr)
    for k, want in expected.items():
        assert relative_error(result.model.value(k), want) <= 1e-12, k


def test_momentum_equals_torch_sgd_with_momentum():
    torch = pytest.importorskip("torch")
    model, layers = example("regression")
    expected = torch_descent(torch, model, layers, 0.01, 40, momentum=0.8)
    result = train(model, 40, 0.01, momentum=0.8)
    for k, want in expected.items():
        assert relative_error(result.model.value(k), want) <= 1e-12, k
