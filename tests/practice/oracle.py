"""An independent oracle for exercise answers: the model written again in torch, from its file's numbers.

The lecture's convention: a layer is ``H_out = Wᵀ H_in (+ b)``, a loss sums over every element.
Values, gradients (``torch.autograd``) and Jacobians (``torch.autograd.functional.jacobian``)
never touch the explorer's engine.
"""

from __future__ import annotations

from typing import Any

import numpy as np

torch: Any
try:
    import torch
except ImportError:  # pragma: no cover - the tests that need it skip
    torch = None

_ACTIVATIONS = {
    "sigmoid": lambda t: torch.sigmoid(t),
    "tanh": lambda t: torch.tanh(t),
    "relu": lambda t: torch.relu(t),
    "identity": lambda t: t,
    "leaky_relu": lambda t: torch.nn.functional.leaky_relu(t, 0.01),
}


def _forward(nodes: list[dict[str, Any]], leaves: dict[str, Any]) -> dict[str, Any]:
    values = dict(leaves)
    for node in nodes:
        op, inputs = node["op"], node.get("inputs", {})
        if op == "linear":
            out = values[inputs["w"]].T @ values[inputs["x"]]
            values[node["id"]] = out + values[inputs["b"]][:, None] if "b" in inputs else out
        elif op in _ACTIVATIONS:
            values[node["id"]] = _ACTIVATIONS[op](values[inputs["x"]])
        elif op in ("half_sse", "sse", "mse"):
            r = values[inputs["pred"]] - values[inputs["target"]]
            values[node["id"]] = {"half_sse": 0.5 * (r**2).sum(), "sse": (r**2).sum(), "mse": (r**2).mean()}[op]
    return values


def _leaves(nodes: list[dict[str, Any]]) -> dict[str, Any]:
    leaves = {}
    for node in nodes:
        if "value" in node:
            value = np.asarray(node["value"], dtype=np.float64)
            if value.ndim == 1 and node["op"] != "param":
                value = value[:, None]
            leaves[node["id"]] = torch.tensor(value, dtype=torch.float64, requires_grad=True)
    return leaves


def answer(model: dict[str, Any], item: dict[str, Any]) -> Any:
    """The right answer of ``item`` (a dict as in the exercise file) as nested lists or a number."""
    nodes = model["nodes"]
    leaves = _leaves(nodes)
    values = _forward(nodes, leaves)
    loss = next(n["id"] for n in nodes if n["op"] in ("half_sse", "sse", "mse"))
    ask, node = item["ask"], item["node"]
    if ask == "jacobian":
        wrt = item["wrt"]
        others = {k: v.detach() for k, v in leaves.items() if k != wrt}

        def f(t: Any) -> Any:
            return _forward(nodes, {**others, wrt: t})[node]

        if wrt in leaves:
            result = torch.autograd.functional.jacobian(f, leaves[wrt].detach())
        else:  # the Jacobian of an op by another op node: the node's rule alone, on that node's value
            consumer = next(n for n in nodes if n["id"] == node)
            result = torch.autograd.functional.jacobian(
                lambda t: _forward([consumer], {**{k: v.detach() for k, v in values.items()}, wrt: t})[node],
                values[wrt].detach(),
            )
        return result.numpy().tolist()
    kind = item.get("of", ask) if ask == "element" else ask
    if kind == "value":
        array = values[node].detach().numpy()
    else:
        for value in values.values():
            if value.requires_grad and not value.is_leaf:
                value.retain_grad()
        values[loss].backward()
        array = values[node].grad.numpy()
    if ask == "element":
        return float(array[tuple(item["index"])])
    return array.tolist()
