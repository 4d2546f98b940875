"""The bundled example models."""

from __future__ import annotations

from explorer.model import Model, load_model
from explorer.resources import example_path, resources_dir

#: The examples, by file stem, with what each is for.
EXAMPLES = {
    "toy": "The lecture's toy network: X (3) → W₁ → W₂ → W₃ → Ŷ (2), ½ SSE",
    "toy_batch": "The toy network with a batch of four samples as columns",
    "single_layer": "The lecture's slide: Ŷ = Wᵀ H with W of 3×2",
    "deep_sigmoid": "A deep chain with sigmoid activations (기울기 소실, gradient vanishing)",
    "deep_relu": "The same deep chain with ReLU activations",
    "regression": "Learning lab: 1 → 8 tanh → 1 fits sin(1.5x); train 500 iterations at η 0.02 (loss 3.29 → 0.022)",
    "lab_deep_sigmoid": (
        "Learning lab: 6 sigmoid layers; train 500 at η 0.01: ‖∂L/∂W₁‖ starts at 1/400 of ‖∂L/∂W₆‖;"
        " after 10 iterations every gradient is small and the loss stalls near 8"
    ),
    "lab_deep_relu": "Learning lab: the same 6 layers and weights with ReLU; train 500 at η 0.01: the loss falls to 0.09",
}

#: The learning rate η an example's description names: opening the example sets it in the window.
EXAMPLE_RATES = {"regression": 0.02, "lab_deep_sigmoid": 0.01, "lab_deep_relu": 0.01}


def toy_model() -> Model:
    """The lecture's toy network, the window's default."""
    return load_model(example_path("toy"))


def example_names() -> list[str]:
    return sorted(p.stem for p in (resources_dir() / "examples").glob("*.json"))
