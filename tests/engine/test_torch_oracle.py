"""PyTorch as an oracle: gradients against torch.autograd, Jacobians against torch.autograd.functional.jacobian.

Skipped when torch is not installed. Every op is written here again in torch
from the model's structure (op names and ports), in float64.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from explorer.engine import Session
from explorer.model import Model, NodeSpec, load_model
from explorer.model.examples import EXAMPLES
from explorer.resources import example_path

from .strategies import LAYER_ENDS, Chain, chains

torch = pytest.importorskip("torch")

Tensor = torch.Tensor


def _loss(scale: Callable[[Tensor], Tensor]) -> Callable[[Mapping[str, Tensor]], Tensor]:
    return lambda a: scale((a["pred"] - a["target"]) ** 2)


def _linear(a: Mapping[str, Tensor]) -> Tensor:
    out = a["w"].T @ a["x"]
    return out + a["b"][:, None] if "b" in a else out


TORCH_OPS: dict[str, Callable[[Mapping[str, Tensor]], Tensor]] = {
    "linear": _linear,
    "sigmoid": lambda a: torch.sigmoid(a["x"]),
    "tanh": lambda a: torch.tanh(a["x"]),
    "relu": lambda a: torch.relu(a["x"]),
    "leaky_relu": lambda a: torch.nn.functional.leaky_relu(a["x"], 0.01),
    "identity": lambda a: a["x"],
    "half_sse": _loss(lambda sq: 0.5 * sq.sum()),
    "sse": _loss(lambda sq: sq.sum()),
    "mse": _loss(lambda sq: sq.mean()),
}


def as_tensor(array: np.ndarray) -> Tensor:
    # a private writable copy: torch warns about read-only numpy memory
    return torch.tensor(np.array(array, dtype=np.float64), dtype=torch.float64)


def torch_pass(model: Model) -> dict[str, Tensor]:
    """Every node's tensor after ``loss.backward()``; leaves and op nodes keep their ``.grad``.

    Parameters require grad; data requires grad unless the file marks it
    ``"requires_grad": false`` (then torch leaves its ``.grad`` ``None``).
    """
    values: dict[str, Tensor] = {}
    for node in model.order:
        if node in model.leaves:
            asked = model.op(node) == "param" or model.spec(node).requires_grad is not False
            values[node] = as_tensor(model.value(node)).requires_grad_(asked)
        else:
            inputs = {port: values[src] for port, src in model.inputs(node).items()}
            values[node] = TORCH_OPS[model.op(node)](inputs)
            if values[node].requires_grad:
                values[node].retain_grad()
    values[model.loss_id].backward()
    return values


def assert_gradients_match_torch(model: Model) -> None:
    session = Session(model)
    session.run()
    reference = torch_pass(model)
    assert session.loss == pytest.approx(reference[model.loss_id].item(), rel=1e-12, abs=1e-14)
    for node in model.order:
        grad, expected = session.grad(node), reference[node].grad
        if expected is None:  # torch computes no gradient for it: neither does the engine
            assert grad is None, node
            assert not model.requires_grad(node), node
            continue
        assert grad is not None, node
        assert grad.shape == tuple(expected.shape), node
        scale = 1.0 + float(expected.abs().max())
        np.testing.assert_allclose(grad, expected.numpy(), rtol=1e-10, atol=1e-12 * scale, err_msg=node)


def assert_jacobians_match_torch(model: Model) -> None:
    """Each op's Jacobian per port, at the point of torch's own forward pass."""
    session = Session(model)
    session.run_forward()
    reference = torch_pass(model)
    for node in model.op_nodes:
        op = TORCH_OPS[model.op(node)]
        inputs = {port: reference[src].detach().clone() for port, src in model.inputs(node).items()}
        for port, wrt in model.inputs(node).items():

            def only(
                t: Tensor, op: Callable[..., Tensor] = op, others: dict[str, Tensor] = inputs, port: str = port
            ) -> Tensor:
                return op({**others, port: t})

            expected = torch.autograd.functional.jacobian(only, inputs[port])
            jac = session.jacobian(node, wrt)
            assert jac.shape == tuple(expected.shape), (node, wrt)
            assert jac.shape == model.shape(node) + model.shape(wrt)
            np.testing.assert_allclose(jac, expected.numpy(), rtol=1e-12, atol=1e-14, err_msg=f"{node}/{wrt}")


@pytest.mark.parametrize("name", sorted(EXAMPLES))
def test_example_gradients_match_torch(name: str) -> None:
    assert_gradients_match_torch(load_model(example_path(name)))


@pytest.mark.parametrize("name", sorted(EXAMPLES))
def test_example_gradients_match_torch_with_the_data_asked_for(name: str) -> None:
    """The examples mark X and Y "requires_grad": false; with both asked for, ∂L/∂X and ∂L/∂Y are torch's."""
    from explorer.model.edit import set_requires_grad

    model = load_model(example_path(name))
    data = [n for n in model.leaves if model.op(n) in ("input", "target")]
    assert data
    assert not any(model.requires_grad(n) for n in data)  # as bundled: no gradient for data
    for node in data:
        model = set_requires_grad(model, node, True)
    assert all(model.requires_grad(n) for n in data)
    assert_gradients_match_torch(model)


@pytest.mark.parametrize("name", sorted(EXAMPLES))
def test_example_jacobians_match_torch(name: str) -> None:
    assert_jacobians_match_torch(load_model(example_path(name)))


@pytest.mark.parametrize("ends", [(a,) for a in LAYER_ENDS] + [LAYER_ENDS], ids=[*map(str, LAYER_ENDS), "mixed"])
@settings(max_examples=15)
@given(data=st.data())
def test_random_chain_gradients_and_jacobians_match_torch(ends: tuple[str | None, ...], data: st.DataObject) -> None:
    chain: Chain = data.draw(chains(activations=ends))
    assert_gradients_match_torch(chain.model)
    assert_jacobians_match_torch(chain.model)


@pytest.mark.parametrize(("op", "low"), [("relu", 0.0), ("leaky_relu", 0.01)])
def test_relu_at_its_kink_follows_torch(op: str, low: float) -> None:
    """At a pre-activation of exactly 0 both take the slope below the kink (finite differences cannot say)."""
    model = Model(
        [
            NodeSpec("X", "input", value=np.array([[1.0, 0.0], [0.0, -1.0], [2.0, 0.0]])),
            NodeSpec("W1", "param", value=np.eye(3)),
            NodeSpec("H1", "linear", inputs={"x": "X", "w": "W1"}),
            NodeSpec("A1", op, inputs={"x": "H1"}),
            NodeSpec("W2", "param", value=np.array([[0.5, -1.0], [1.5, 0.25], [-0.5, 2.0]])),
            NodeSpec("H2", "linear", inputs={"x": "A1", "w": "W2"}),
            NodeSpec("Y", "target", value=np.zeros((2, 2))),
            NodeSpec("L", "sse", inputs={"pred": "H2", "target": "Y"}),
        ]
    )
    session = Session(model)
    session.run()
    h1 = session.value("H1")
    assert h1 is not None
    assert int(np.sum(h1 == 0.0)) == 3
    jac = session.jacobian("A1", "H1")
    assert jac.shape == (3, 2, 3, 2)
    slopes = np.array([jac[i, b, i, b] for i in range(3) for b in range(2)]).reshape(3, 2)
    np.testing.assert_array_equal(slopes, [[1.0, low], [low, low], [1.0, low]])
    assert_gradients_match_torch(model)
    assert_jacobians_match_torch(model)
