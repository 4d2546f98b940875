"""The lecture's terms, worded through the translation catalogue.

Step descriptions and explanations come from the engine as structured data
(a phase, a node, a kind of quantity); the window words them with these
terms, so the engine stays free of Qt and of languages.

Where the lecture has a Korean word, the window uses it (:data:`LECTURE_WORDS`):
변화도 for gradient (기울기 only in 기울기 소실), 역전파, 야코비안 행렬, 연쇄법칙,
편미분, 행렬미분, 벡터-야코비안 곱, 경사 하강법, 합성함수, 활성함수, 학습 for
training, 나블라 or 델 for ∇. For the rest the lecture writes English (Loss,
Tensor Product) or nothing, and the window takes the usual Korean word, which
is not the lecture's: 순전파 (forward pass), 텐서곱 (tensor product), 손실 (loss),
학습률 (learning rate), 반복 (iteration).

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
    QT_TRANSLATE_NOOP("Vocabulary", "training"),
    QT_TRANSLATE_NOOP("Vocabulary", "iteration"),
    QT_TRANSLATE_NOOP("Vocabulary", "nabla"),
)

#: The terms whose Korean word is the lecture's own, as the lecture writes it (its text quoted in the comment).
LECTURE_WORDS = {
    "backward pass": "역전파",  # 08. Back propagation / 역전파 학습
    "backpropagation": "역전파",
    "gradient": "변화도",  # "x에 대한 y의 변화도는 야코비안 행렬", "변화도(gradient)"
    "Jacobian matrix": "야코비안 행렬",  # "Jacobian matrix (야코비안 행렬)"
    "chain rule": "연쇄법칙",  # 06. Chain rule / 연쇄법칙
    "partial derivative": "편미분",  # 04. Partial differentiation / 편미분
    "matrix differentiation": "행렬미분",  # 07. Matrix differentiation / 행렬미분
    "vector-Jacobian product": "벡터-야코비안 곱",  # "torch.autograd 는 벡터-야코비안 곱을 계산하는 엔진"
    "gradient descent": "경사 하강법",  # 05. Gradient descent / 경사 하강법
    "gradient vanishing": "기울기 소실",  # 09. Gradient vanishing 기울기 소실
    "composite function": "합성함수",  # "합성함수의 미분"
    "activation function": "활성함수",  # "활성함수 간단 소개"
    "training": "학습",  # "딥러닝 학습", "역전파 학습"
    "nabla": "나블라",  # "'nabla (나블라)' 또는 'del(델)' 라고 읽음"
}
#: Terms whose usual Korean word the lecture never writes: the window's choice, not the lecture's.
NOT_THE_LECTURES = {
    "forward pass": "순전파",
    "tensor product": "텐서곱",
    "loss": "손실",
    "learning rate": "학습률",
    "iteration": "반복",
}

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
