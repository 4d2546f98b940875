"""The lecture's terms, worded through the translation catalogue.

Step descriptions and explanations come from the engine as structured data
(a phase, a node, a kind of quantity); the window words them with these
terms, so the engine stays free of Qt and of languages. The Korean words
are the lecture's own: 순전파, 역전파, 기울기, 야코비안 행렬, 연쇄법칙, 편미분,
텐서곱, 벡터-야코비안 곱.

>>> term("forward pass")  # with no Korean catalogue installed
'forward pass'
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

from explorer.lesson.notation import shape_text
from explorer.ui.text.i18n import translate

CONTEXT = "Vocabulary"

# Every term the catalogue knows, in English (the source language).
TERMS = (
    QT_TRANSLATE_NOOP("Vocabulary", "forward pass"),
    QT_TRANSLATE_NOOP("Vocabulary", "backward pass"),
    QT_TRANSLATE_NOOP("Vocabulary", "backpropagation"),
    QT_TRANSLATE_NOOP("Vocabulary", "gradient"),
    QT_TRANSLATE_NOOP("Vocabulary", "upstream gradient"),
    QT_TRANSLATE_NOOP("Vocabulary", "Jacobian"),
    QT_TRANSLATE_NOOP("Vocabulary", "Jacobian matrix"),
    QT_TRANSLATE_NOOP("Vocabulary", "local Jacobian"),
    QT_TRANSLATE_NOOP("Vocabulary", "chain rule"),
    QT_TRANSLATE_NOOP("Vocabulary", "partial derivative"),
    QT_TRANSLATE_NOOP("Vocabulary", "matrix differentiation"),
    QT_TRANSLATE_NOOP("Vocabulary", "tensor product"),
    QT_TRANSLATE_NOOP("Vocabulary", "vector-Jacobian product"),
    QT_TRANSLATE_NOOP("Vocabulary", "gradient descent"),
    QT_TRANSLATE_NOOP("Vocabulary", "gradient vanishing"),
    QT_TRANSLATE_NOOP("Vocabulary", "learning rate"),
    QT_TRANSLATE_NOOP("Vocabulary", "composite function"),
    QT_TRANSLATE_NOOP("Vocabulary", "linear system"),
    QT_TRANSLATE_NOOP("Vocabulary", "activation function"),
    QT_TRANSLATE_NOOP("Vocabulary", "loss"),
    QT_TRANSLATE_NOOP("Vocabulary", "loss function"),
    QT_TRANSLATE_NOOP("Vocabulary", "layer"),
    QT_TRANSLATE_NOOP("Vocabulary", "output layer"),
    QT_TRANSLATE_NOOP("Vocabulary", "weight"),
    QT_TRANSLATE_NOOP("Vocabulary", "parameter"),
    QT_TRANSLATE_NOOP("Vocabulary", "input"),
    QT_TRANSLATE_NOOP("Vocabulary", "output"),
    QT_TRANSLATE_NOOP("Vocabulary", "target"),
    QT_TRANSLATE_NOOP("Vocabulary", "prediction"),
    QT_TRANSLATE_NOOP("Vocabulary", "value"),
    QT_TRANSLATE_NOOP("Vocabulary", "shape"),
    QT_TRANSLATE_NOOP("Vocabulary", "batch"),
    QT_TRANSLATE_NOOP("Vocabulary", "sample"),
    QT_TRANSLATE_NOOP("Vocabulary", "scalar"),
    QT_TRANSLATE_NOOP("Vocabulary", "vector"),
    QT_TRANSLATE_NOOP("Vocabulary", "matrix"),
    QT_TRANSLATE_NOOP("Vocabulary", "tensor"),
    QT_TRANSLATE_NOOP("Vocabulary", "node"),
    QT_TRANSLATE_NOOP("Vocabulary", "step"),
    QT_TRANSLATE_NOOP("Vocabulary", "done"),
    QT_TRANSLATE_NOOP("Vocabulary", "finite differences"),
)

# The engine's phase names (``Session.phase``) and the terms that say them.
PHASES = {
    "forward": "forward pass",
    "backward": "backward pass",
    "done": "done",
}


def term(text: str) -> str:
    """The lecture's word for ``text`` (one of :data:`TERMS`) in the installed language."""
    return translate(CONTEXT, text)


def phase_name(phase: str) -> str:
    """The pass a step belongs to, worded: ``"forward"`` → 순전파 in Korean."""
    return term(PHASES.get(phase, phase))


def shape_words(shape: tuple[int, ...]) -> str:
    """A shape as the engine writes it (``3×2``), a scalar worded in the installed language (스칼라)."""
    return shape_text(shape) if shape else term("scalar")
