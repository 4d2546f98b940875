"""The bundled examples' descriptions and model names, worded through the catalogue.

:data:`explorer.model.examples.EXAMPLES` and the ``name`` of each bundled
model file are English; the window shows them in the interface language
(File → Examples, the window's title). Each is listed here for
``pyside6-lupdate``, which reads literal strings only; a test keeps this list
equal to the examples'. A model's own name that is not one of these (a
user's model) is shown as written.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

from explorer.model.examples import EXAMPLES
from explorer.ui.text.i18n import translate

CONTEXT = "Examples"

#: What File → Examples says of each example (the values of ``EXAMPLES``).
DESCRIPTIONS = (
    QT_TRANSLATE_NOOP("Examples", "The lecture's toy network: X (3) → W₁ → W₂ → W₃ → Ŷ (2), ½ SSE"),
    QT_TRANSLATE_NOOP("Examples", "The toy network with a batch of four samples as columns"),
    QT_TRANSLATE_NOOP("Examples", "The lecture's slide: Ŷ = Wᵀ H with W of 3×2"),
    QT_TRANSLATE_NOOP("Examples", "A deep chain with sigmoid activations (기울기 소실, gradient vanishing)"),
    QT_TRANSLATE_NOOP("Examples", "The same deep chain with ReLU activations"),
    QT_TRANSLATE_NOOP(
        "Examples", "Learning lab: 1 → 8 tanh → 1 fits sin(1.5x); train 500 iterations at η 0.02 (loss 3.29 → 0.022)"
    ),
    QT_TRANSLATE_NOOP(
        "Examples",
        "Learning lab: 6 sigmoid layers; train 500 at η 0.01: ‖∂L/∂W₁‖ starts at 1/400 of ‖∂L/∂W₆‖;"
        " after 10 iterations every gradient is small and the loss stalls near 8",
    ),
    QT_TRANSLATE_NOOP(
        "Examples", "Learning lab: the same 6 layers and weights with ReLU; train 500 at η 0.01: the loss falls to 0.09"
    ),
)

#: The ``name`` of each bundled model file (the window's title while it is open).
MODEL_NAMES = (
    QT_TRANSLATE_NOOP("Examples", "The lecture's toy network (H₁ = W₁ᵀX, H₂ = W₂ᵀH₁, Ŷ = W₃ᵀH₂, L = ½Σ(Ŷ−Y)²)"),
    QT_TRANSLATE_NOOP("Examples", "The toy network with a batch of four samples"),
    QT_TRANSLATE_NOOP("Examples", "One layer: Ŷ = Wᵀ H with W of 3×2"),
    QT_TRANSLATE_NOOP("Examples", "A deep sigmoid chain (기울기 소실: gradients shrink towards the input)"),
    QT_TRANSLATE_NOOP("Examples", "The same deep chain with ReLU"),
    QT_TRANSLATE_NOOP(
        "Examples", "Regression: 1 → 8 tanh → 1 learns sin(1.5x) from 16 samples (train 500 iterations at lr 0.02)"
    ),
    QT_TRANSLATE_NOOP(
        "Examples",
        "Lab: 6 sigmoid layers of 8, 16 samples (train 500 at lr 0.01: ‖∂L/∂W₁‖ starts at 1/400 of ‖∂L/∂W₆‖;"
        " after 10 iterations every gradient is small and the loss stalls near 8)",
    ),
    QT_TRANSLATE_NOOP(
        "Examples", "Lab: the same 6 layers with ReLU (train 500 at lr 0.01: gradients reach W₁, the loss falls)"
    ),
)


def example_description(name: str) -> str:
    """What File → Examples says of the example ``name``, in the interface language."""
    return translate(CONTEXT, EXAMPLES.get(name, ""))


def model_name(name: str) -> str:
    """A model's name as the window shows it: a bundled model's in the interface language, any other as written."""
    return translate(CONTEXT, name) if name in MODEL_NAMES else name
