"""Write resources/examples/*.json (run from the repository root).

The deep chains use seeds chosen so that no ReLU layer is dead: with the
same weights, the sigmoid chain shows the gradient vanishing (기울기 소실)
and the ReLU chain does not.

The learning-lab examples (regression, lab_deep_sigmoid, lab_deep_relu) take
their data from the model's own seeded initialiser, so they come out the same
with any numpy; the learning rates and figures in their titles were measured
with ``jacobian-explorer train`` and are checked by tests/engine/test_train.py.

Inputs and targets are data: every example marks them ``"requires_grad": false``,
so the backward pass takes no step for ∂L/∂X nor ∂L/∂Y, as PyTorch leaves
``X.grad`` ``None`` (SPEC section 2); the window's toggle brings ∂L/∂X back.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from explorer.model.initial import initial_value  # noqa: E402

FORMAT = {"format": "jacobian-explorer/model", "version": 1}
OUT = Path("resources/examples")

W1 = [[0.1, -0.2, 0.3], [0.0, 0.1, -0.1], [0.2, 0.0, 0.1]]
W2 = [[0.5, 0.0, -0.5], [0.1, 0.2, 0.3], [-0.3, 0.4, 0.0]]
W3 = [[0.2, -0.1], [0.3, 0.5], [-0.4, 0.1]]


def dump(name: str, document: dict) -> None:
    text = json.dumps(document, indent=1, ensure_ascii=False)
    (OUT / f"{name}.json").write_text(text + "\n", encoding="utf-8")


def toy(title: str, x: list, y: list) -> dict:
    """The lecture's network: H1 = W1ᵀX, H2 = W2ᵀH1, Ŷ = W3ᵀH2, L = ½Σ(Ŷ − Y)²."""
    nodes = [
        {"id": "X", "op": "input", "requires_grad": False, "value": x},
        {"id": "W1", "op": "param", "value": W1},
        {"id": "H1", "op": "linear", "inputs": {"x": "X", "w": "W1"}},
        {"id": "W2", "op": "param", "value": W2},
        {"id": "H2", "op": "linear", "inputs": {"x": "H1", "w": "W2"}},
        {"id": "W3", "op": "param", "value": W3},
        {"id": "Yhat", "op": "linear", "label": "Ŷ", "inputs": {"x": "H2", "w": "W3"}},
        {"id": "Y", "op": "target", "requires_grad": False, "value": y},
        {"id": "L", "op": "half_sse", "inputs": {"pred": "Yhat", "target": "Y"}},
    ]
    return {**FORMAT, "name": title, "nodes": nodes}


def single_layer() -> dict:
    """The slide's example: Ŷ = Wᵀ H with W of 3×2."""
    nodes = [
        {"id": "H", "op": "input", "requires_grad": False, "value": [[1.0], [2.0], [3.0]]},
        {"id": "W", "op": "param", "value": [[0.1, 0.4], [0.2, 0.5], [0.3, 0.6]]},
        {"id": "Yhat", "op": "linear", "label": "Ŷ", "inputs": {"x": "H", "w": "W"}},
        {"id": "Y", "op": "target", "requires_grad": False, "value": [[1.0], [2.0]]},
        {"id": "L", "op": "half_sse", "inputs": {"pred": "Yhat", "target": "Y"}},
    ]
    return {**FORMAT, "name": "One layer: Ŷ = Wᵀ H with W of 3×2", "nodes": nodes}


def chain(
    x: list, y: list, activation: str, title: str, width: int, depth: int, std: float, first_seed: int
) -> dict:
    """``depth`` linear layers of ``width`` from X to Ŷ, each but the last followed by ``activation``.

    Layer i's W is seeded normal with ``std`` and seed ``first_seed + i``.
    """
    nodes: list[dict] = [{"id": "X", "op": "input", "requires_grad": False, "value": x}]
    previous = "X"
    for i in range(1, depth + 1):
        last = i == depth
        n_in = len(x) if i == 1 else width
        n_out = len(y) if last else width
        init = {"kind": "normal", "std": std, "seed": first_seed + i}
        nodes.append({"id": f"W{i}", "op": "param", "shape": [n_in, n_out], "init": init})
        out = "Yhat" if last else f"H{i}"
        node = {"id": out, "op": "linear", "inputs": {"x": previous, "w": f"W{i}"}}
        if last:
            node["label"] = "Ŷ"
        nodes.append(node)
        previous = out
        if not last:
            nodes.append({"id": f"A{i}", "op": activation, "inputs": {"x": out}})
            previous = f"A{i}"
    nodes.append({"id": "Y", "op": "target", "requires_grad": False, "value": y})
    nodes.append({"id": "L", "op": "half_sse", "inputs": {"pred": "Yhat", "target": "Y"}})
    return {**FORMAT, "name": title, "nodes": nodes}


def deep(activation: str, title: str, width: int = 4, depth: int = 8) -> dict:
    """The 8-layer chain of width 4 on one sample."""
    x = [[1.0], [-0.5], [0.25], [2.0]]
    return chain(x, [[0.5], [-0.5]], activation, title, width, depth, std=0.8, first_seed=352)


def regression() -> dict:
    """1 → 8 tanh → 1 with biases, fitting 16 samples of sin(1.5 x) on [−2, 2]."""
    x = np.linspace(-2.0, 2.0, 16)
    y = np.round(np.sin(1.5 * x), 4)
    hidden, seed = 8, 5
    nodes = [
        {"id": "X", "op": "input", "requires_grad": False, "label": "x", "value": [np.round(x, 4).tolist()]},
        {"id": "W1", "op": "param", "shape": [1, hidden], "init": {"kind": "normal", "std": 1.0, "seed": seed}},
        {"id": "b1", "op": "param", "shape": [hidden], "init": {"kind": "normal", "std": 0.5, "seed": seed + 100}},
        {"id": "H1", "op": "linear", "inputs": {"x": "X", "w": "W1", "b": "b1"}},
        {"id": "A1", "op": "tanh", "inputs": {"x": "H1"}},
        {"id": "W2", "op": "param", "shape": [hidden, 1], "init": {"kind": "normal", "std": 0.5, "seed": seed + 200}},
        {"id": "b2", "op": "param", "shape": [1], "init": {"kind": "zeros"}},
        {"id": "Yhat", "op": "linear", "label": "Ŷ", "inputs": {"x": "A1", "w": "W2", "b": "b2"}},
        {"id": "Y", "op": "target", "requires_grad": False, "label": "sin 1.5x", "value": [y.tolist()]},
        {"id": "L", "op": "half_sse", "inputs": {"pred": "Yhat", "target": "Y"}},
    ]
    title = "Regression: 1 → 8 tanh → 1 learns sin(1.5x) from 16 samples (train 500 iterations at lr 0.02)"
    return {**FORMAT, "name": title, "nodes": nodes}


def lab_data(seed: int = 5, n_in: int = 4, batch: int = 16, n_out: int = 2) -> tuple[list, list]:
    """16 samples of 4 features, and targets tanh(Tᵀx) of a random teacher T."""
    x = np.round(initial_value((n_in, batch), {"kind": "normal", "std": 1.0, "seed": seed}), 3)
    teacher = initial_value((n_in, n_out), {"kind": "normal", "std": 1.0, "seed": seed + 1})
    y = np.round(np.tanh(teacher.T @ x), 3)
    return x.tolist(), y.tolist()


def lab_deep(activation: str, title: str, width: int = 8, depth: int = 6) -> dict:
    """The lab pair: the same data and the same initial weights, only the activation differs."""
    x, y = lab_data()
    return chain(x, y, activation, title, width, depth, std=0.5, first_seed=900)


#: Measured (tests/engine/test_train.py checks it): ‖∂L/∂W₆‖ / ‖∂L/∂W₁‖ is 395 before the first update and
#: falls below 5 by iteration 10, when the loss has gone from 14.4 to 8.05; from there every layer's gradient
#: norm is at most 0.25 and the loss ends at 7.91 after 500 iterations.
SIGMOID_TITLE = (
    "Lab: 6 sigmoid layers of 8, 16 samples (train 500 at lr 0.01: ‖∂L/∂W₁‖ starts at 1/400 of ‖∂L/∂W₆‖;"
    " after 10 iterations every gradient is small and the loss stalls near 8)"
)


def main() -> None:
    title = "The lecture's toy network (H₁ = W₁ᵀX, H₂ = W₂ᵀH₁, Ŷ = W₃ᵀH₂, L = ½Σ(Ŷ−Y)²)"
    dump("toy", toy(title, [[1.0], [2.0], [3.0]], [[0.5], [-0.5]]))
    x = [[1.0, 0.5, -1.0, 2.0], [2.0, -1.0, 0.0, 1.0], [3.0, 1.5, 1.0, -0.5]]
    y = [[0.5, 0.0, -0.2, 1.0], [-0.5, 0.3, 0.1, 0.0]]
    dump("toy_batch", toy("The toy network with a batch of four samples", x, y))
    dump("single_layer", single_layer())
    dump("deep_sigmoid", deep("sigmoid", "A deep sigmoid chain (기울기 소실: gradients shrink towards the input)"))
    dump("deep_relu", deep("relu", "The same deep chain with ReLU"))
    dump("regression", regression())
    dump(
        "lab_deep_sigmoid",
        lab_deep("sigmoid", SIGMOID_TITLE),
    )
    dump(
        "lab_deep_relu",
        lab_deep("relu", "Lab: the same 6 layers with ReLU (train 500 at lr 0.01: gradients reach W₁, the loss falls)"),
    )


if __name__ == "__main__":
    main()
