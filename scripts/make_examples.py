"""Write resources/examples/*.json (run from the repository root).

The deep chains use seeds chosen so that no ReLU layer is dead: with the
same weights, the sigmoid chain shows the gradient vanishing (기울기 소실)
and the ReLU chain does not.
"""

from __future__ import annotations

import json
from pathlib import Path

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
        {"id": "X", "op": "input", "value": x},
        {"id": "W1", "op": "param", "value": W1},
        {"id": "H1", "op": "linear", "inputs": {"x": "X", "w": "W1"}},
        {"id": "W2", "op": "param", "value": W2},
        {"id": "H2", "op": "linear", "inputs": {"x": "H1", "w": "W2"}},
        {"id": "W3", "op": "param", "value": W3},
        {"id": "Yhat", "op": "linear", "label": "Ŷ", "inputs": {"x": "H2", "w": "W3"}},
        {"id": "Y", "op": "target", "value": y},
        {"id": "L", "op": "half_sse", "inputs": {"pred": "Yhat", "target": "Y"}},
    ]
    return {**FORMAT, "name": title, "nodes": nodes}


def single_layer() -> dict:
    """The slide's example: Ŷ = Wᵀ H with W of 3×2."""
    nodes = [
        {"id": "H", "op": "input", "value": [[1.0], [2.0], [3.0]]},
        {"id": "W", "op": "param", "value": [[0.1, 0.4], [0.2, 0.5], [0.3, 0.6]]},
        {"id": "Yhat", "op": "linear", "label": "Ŷ", "inputs": {"x": "H", "w": "W"}},
        {"id": "Y", "op": "target", "value": [[1.0], [2.0]]},
        {"id": "L", "op": "half_sse", "inputs": {"pred": "Yhat", "target": "Y"}},
    ]
    return {**FORMAT, "name": "One layer: Ŷ = Wᵀ H with W of 3×2", "nodes": nodes}


def deep(activation: str, title: str, width: int = 4, depth: int = 8) -> dict:
    """``depth`` linear layers of ``width``, each but the last followed by ``activation``."""
    nodes: list[dict] = [{"id": "X", "op": "input", "value": [[1.0], [-0.5], [0.25], [2.0]]}]
    previous = "X"
    for i in range(1, depth + 1):
        last = i == depth
        n_out = 2 if last else width
        init = {"kind": "normal", "std": 0.8, "seed": 352 + i}
        nodes.append({"id": f"W{i}", "op": "param", "shape": [width, n_out], "init": init})
        out = "Yhat" if last else f"H{i}"
        node = {"id": out, "op": "linear", "inputs": {"x": previous, "w": f"W{i}"}}
        if last:
            node["label"] = "Ŷ"
        nodes.append(node)
        previous = out
        if not last:
            nodes.append({"id": f"A{i}", "op": activation, "inputs": {"x": out}})
            previous = f"A{i}"
    nodes.append({"id": "Y", "op": "target", "value": [[0.5], [-0.5]]})
    nodes.append({"id": "L", "op": "half_sse", "inputs": {"pred": "Yhat", "target": "Y"}})
    return {**FORMAT, "name": title, "nodes": nodes}


def main() -> None:
    title = "The lecture's toy network (H₁ = W₁ᵀX, H₂ = W₂ᵀH₁, Ŷ = W₃ᵀH₂, L = ½Σ(Ŷ−Y)²)"
    dump("toy", toy(title, [[1.0], [2.0], [3.0]], [[0.5], [-0.5]]))
    x = [[1.0, 0.5, -1.0, 2.0], [2.0, -1.0, 0.0, 1.0], [3.0, 1.5, 1.0, -0.5]]
    y = [[0.5, 0.0, -0.2, 1.0], [-0.5, 0.3, 0.1, 0.0]]
    dump("toy_batch", toy("The toy network with a batch of four samples", x, y))
    dump("single_layer", single_layer())
    dump("deep_sigmoid", deep("sigmoid", "A deep sigmoid chain (기울기 소실: gradients shrink towards the input)"))
    dump("deep_relu", deep("relu", "The same deep chain with ReLU"))


if __name__ == "__main__":
    main()
