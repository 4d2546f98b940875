"""The lecture tour: the lecture's "Play with Toy Example", slide by slide, as data.

One :class:`Stop` per slide (1/8 … 8/8) on the lecture's single layer
``Ŷ = WᵀH`` with ``W`` of 3×2 (the ``single_layer`` example), then two more
on the three-layer toy network where the lecture turns next: the Jacobian
matrix and PyTorch's ``Jᵀv``. A stop names the example, the step (the step
at which ``phase`` reaches node ``at``), the node shown, the inspector's tab
and local derivative, the lecture's sentence in Korean with its English, and
every number the sentence quotes (:class:`Quote`), written here by hand and
checked against the engine by the tests (:func:`quote_problems`).

The window (:mod:`explorer.ui.shell.tour`) only moves to a stop and shows it.

>>> len(TOUR), TOUR[0].slide, TOUR[4].practice
(10, '1/8', 'grad')
>>> session = stop_session(TOUR[1])
>>> session.current.phase, session.current.node
('backward', 'Yhat')
>>> quote_problems(TOUR[1], session)
[]
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from explorer.engine import Session
from explorer.model import load_model
from explorer.resources import example_path

#: The inspector's tabs, in order (as the ``screenshot`` command names them).
TABS = ("value", "gradient", "jacobian", "breakdown", "derivation")
#: What a quoted number is: a node's value or gradient, a local Jacobian's entry, the loss.
QUOTE_KINDS = ("value", "grad", "jacobian", "loss")


@dataclass(frozen=True)
class Quote:
    """A number a stop's sentence quotes: ``of`` (a :data:`QUOTE_KINDS`) of ``node`` at ``index``.

    For ``"jacobian"`` the entry is ``∂node/∂wrt[index]`` (output indices first).
    """

    of: str
    node: str
    index: tuple[int, ...]
    number: float
    wrt: str = ""


@dataclass(frozen=True)
class Stop:
    """One stop of the tour (see the module's description)."""

    slide: str  # "1/8" … "8/8"; "" after the slides
    title_ko: str
    title_en: str
    ko: str
    en: str
    formula: str
    example: str
    phase: str
    at: str
    node: str
    tab: str
    pair: tuple[str, str] | None = None
    quotes: tuple[Quote, ...] = ()
    jacobian_shape: tuple[int, ...] | None = None  # of ``pair``, when the stop speaks of it
    practice: str | None = None  # what practice would ask of ``node`` here: "value", "grad", "jacobian"


def _v(node: str, index: tuple[int, ...], number: float) -> Quote:
    return Quote("value", node, index, number)


def _g(node: str, index: tuple[int, ...], number: float) -> Quote:
    return Quote("grad", node, index, number)


def _j(node: str, wrt: str, index: tuple[int, ...], number: float) -> Quote:
    return Quote("jacobian", node, index, number, wrt)


_ONE = "single_layer"
_TOY = "toy"

TOUR: tuple[Stop, ...] = (
    Stop(
        "1/8", "합성함수의 미분", "The chain rule for a composite function",
        "Loss L(θ)를 W에 대하여 미분하려면? ∇_W L = ∂L(θ)/∂Ŷ · ∂Ŷ/∂W: 합성함수의 미분. "
        "Scalar를 vector로 미분한 것(∂L/∂Ŷ)과 Vector를 Matrix로 미분한 것(∂Ŷ/∂W)의 곱이다. "
        "여기서 L = 0.8.",
        "To differentiate the loss L(θ) with respect to W: the chain rule for a composite function, "
        "∇_W L = ∂L/∂Ŷ · ∂Ŷ/∂W, a scalar differentiated by a vector times a vector differentiated "
        "by a matrix. Here L = 0.8.",
        "∇_W L = ∂L/∂Ŷ · ∂Ŷ/∂W",
        _ONE, "backward", "W", "W", "breakdown", ("Yhat", "W"),
        quotes=(Quote("loss", "L", (), 0.8),),
    ),
    Stop(
        "2/8", "Scalar를 vector로 미분", "A scalar differentiated by a vector",
        "먼저 ∂L(θ)/∂Ŷ: Scalar를 vector로 미분 (이미 공부한 내용). L = ½ Σ (ŷᵢ − yᵢ)² 이므로 "
        "∂L/∂ŷᵢ = ŷᵢ − yᵢ. Ŷ = (1.4, 3.2), Y = (1, 2) 이므로 ∂L/∂Ŷ = (0.4, 1.2), Ŷ와 같은 모양 (2×1).",
        "First ∂L/∂Ŷ: a scalar differentiated by a vector, as studied before. With L = ½ Σ (ŷᵢ − yᵢ)², "
        "∂L/∂ŷᵢ = ŷᵢ − yᵢ. With Ŷ = (1.4, 3.2) and Y = (1, 2), ∂L/∂Ŷ = (0.4, 1.2), shaped like Ŷ (2×1).",
        "∂L/∂Ŷ = (∂L/∂ŷ₁, ∂L/∂ŷ₂) = Ŷ − Y",
        _ONE, "backward", "Yhat", "Yhat", "gradient",
        quotes=(
            _v("Yhat", (0, 0), 1.4), _v("Yhat", (1, 0), 3.2), _v("Y", (0, 0), 1.0), _v("Y", (1, 0), 2.0),
            _g("Yhat", (0, 0), 0.4), _g("Yhat", (1, 0), 1.2),
        ),
        practice="grad",
    ),
    Stop(
        "3/8", "Vector를 Matrix로 미분", "A vector differentiated by a matrix",
        "다음은 ∂Ŷ/∂W: Vector를 Matrix로 미분 (이미 공부한 내용). 벡터 Ŷ (2×1)의 원소 하나하나를 "
        "행렬 W (3×2)로 미분한 것을 모아 놓은 것: (∂ŷ₁/∂W, ∂ŷ₂/∂W).",
        "Next ∂Ŷ/∂W: a vector differentiated by a matrix, as studied before. Each element of Ŷ (2×1) "
        "differentiated by the matrix W (3×2), collected: (∂ŷ₁/∂W, ∂ŷ₂/∂W).",
        "∂Ŷ/∂W = (∂ŷ₁/∂W, ∂ŷ₂/∂W)",
        _ONE, "backward", "Yhat", "Yhat", "jacobian", ("Yhat", "W"),
        jacobian_shape=(2, 1, 3, 2),
    ),
    Stop(
        "4/8", "실제 손으로 미분해 보기", "Differentiating by hand",
        "Ŷ = WᵀH = (w₁₁h₁ + w₂₁h₂ + w₃₁h₃, w₁₂h₁ + w₂₂h₂ + w₃₂h₃). 사실... 각각의 값에 대하여 행렬로 "
        "미분한 것을 모아놓은 것에 불과함: ∂ŷ₁/∂W = (h, 0), ∂ŷ₂/∂W = (0, h), 3×2 두 장. "
        "ŷ₁에는 W의 첫 열만, ŷ₂에는 둘째 열만 들어 있다. 여기서 h = (1, 2, 3).",
        "Written out, ŷ₁ = w₁₁h₁ + w₂₁h₂ + w₃₁h₃ and ŷ₂ = w₁₂h₁ + w₂₂h₂ + w₃₂h₃. Each element "
        "differentiated by the matrix, collected: ∂ŷ₁/∂W = (h, 0) and ∂ŷ₂/∂W = (0, h), two 3×2 slices; "
        "ŷ₁ holds only W's first column, ŷ₂ only its second. Here h = (1, 2, 3).",
        "∂Ŷ/∂W = ( (h₁ 0; h₂ 0; h₃ 0), (0 h₁; 0 h₂; 0 h₃) )",
        _ONE, "forward", "Yhat", "Yhat", "jacobian", ("Yhat", "W"),
        quotes=(
            _v("H", (0, 0), 1.0), _v("H", (1, 0), 2.0), _v("H", (2, 0), 3.0),
            _j("Yhat", "W", (0, 0, 0, 0), 1.0), _j("Yhat", "W", (0, 0, 1, 0), 2.0), _j("Yhat", "W", (0, 0, 2, 0), 3.0),
            _j("Yhat", "W", (0, 0, 0, 1), 0.0), _j("Yhat", "W", (1, 0, 0, 0), 0.0),
            _j("Yhat", "W", (1, 0, 0, 1), 1.0), _j("Yhat", "W", (1, 0, 2, 1), 3.0),
        ),
        jacobian_shape=(2, 1, 3, 2),
        practice="jacobian",
    ),
    Stop(
        "5/8", "손으로 직접 최종 값 구해보기", "The final values by hand",
        "최종 값 구하기: ∂L/∂w_kj = ∂L/∂ŷ_j × h_k. 예를 들어 ∂L/∂w₁₁ = 0.4 × 1 = 0.4, "
        "∂L/∂w₂₁ = 0.4 × 2 = 0.8, ∂L/∂w₃₂ = 1.2 × 3 = 3.6. 여섯 개를 모으면 ∂L/∂W (3×2).",
        "The final values by hand: ∂L/∂w_kj = ∂L/∂ŷ_j × h_k. For example ∂L/∂w₁₁ = 0.4 × 1 = 0.4, "
        "∂L/∂w₂₁ = 0.4 × 2 = 0.8 and ∂L/∂w₃₂ = 1.2 × 3 = 3.6; the six of them make ∂L/∂W (3×2).",
        "∂L/∂w_kj = ∂L/∂ŷ_j × h_k",
        _ONE, "backward", "W", "W", "gradient",
        quotes=(
            _g("Yhat", (0, 0), 0.4), _g("Yhat", (1, 0), 1.2), _v("H", (0, 0), 1.0), _v("H", (1, 0), 2.0),
            _v("H", (2, 0), 3.0), _g("W", (0, 0), 0.4), _g("W", (1, 0), 0.8), _g("W", (2, 1), 3.6),
        ),
        practice="grad",
    ),
    Stop(
        "6/8", "Tensor Product 잠깐 복습하기", "The tensor product, reviewed",
        "Tensor Product 잠깐 복습하기: (2×1) 벡터 ∂L/∂Ŷ와 (2×1×3×2) 텐서 ∂Ŷ/∂W의 곱은 Ŷ의 인덱스 i로 "
        "더하는 축약(contraction), einsum(\"ib,ibkj->kj\"): 남는 것은 W의 모양 (3×2). 예: ∂L/∂w₂₂ = 2.4.",
        "The tensor product, reviewed: the vector ∂L/∂Ŷ (2×1) times the tensor ∂Ŷ/∂W (2×1×3×2) is a "
        "contraction over Ŷ's index i, einsum(\"ib,ibkj->kj\"); what is left has W's shape, 3×2. "
        "For example ∂L/∂w₂₂ = 2.4.",
        "∂L/∂W = ∂L/∂Ŷ ⊗ ∂Ŷ/∂W  (2×1 · 2×1×3×2 → 3×2)",
        _ONE, "backward", "W", "W", "breakdown", ("Yhat", "W"),
        quotes=(_g("W", (1, 1), 2.4),),
        jacobian_shape=(2, 1, 3, 2),
    ),
    Stop(
        "7/8", "모양 (Shape)", "The shapes",
        "Shape: 강의는 ∂Ŷ/∂W를 원소마다 (3×2) 행렬인 (2×1) 벡터로, 또는 W의 원소마다 (∂ŷ₁, ∂ŷ₂)를 "
        "모아 (3×1×2)로 적는다. 익스플로러는 출력 인덱스를 먼저 두어 (PyTorch, JAX처럼) 2×1×3×2로 "
        "저장한다: [i, 0, k, j] 칸이 ∂ŷᵢ/∂w_kj. 같은 12개의 숫자를 다른 순서로 늘어놓은 것.",
        "The shapes: the lecture writes ∂Ŷ/∂W as a (2×1) column whose entries are (3×2) matrices, or, "
        "gathering (∂ŷ₁, ∂ŷ₂) for each of W's entries, as (3×1×2). The explorer puts the output's indices "
        "first (as PyTorch and JAX do): 2×1×3×2, entry [i, 0, k, j] = ∂ŷᵢ/∂w_kj. The same 12 numbers in "
        "another order.",
        "∂Ŷ/∂W: (2×1) of (3×2)  =  2×1×3×2",
        _ONE, "backward", "W", "Yhat", "jacobian", ("Yhat", "W"),
        quotes=(_j("Yhat", "W", (1, 0, 2, 1), 3.0), _j("Yhat", "W", (0, 0, 2, 1), 0.0)),
        jacobian_shape=(2, 1, 3, 2),
    ),
    Stop(
        "8/8", "수식으로 이해하기", "The contraction written out",
        "수식으로 이해하기: ∂L/∂w_kj = Σᵢ ∂L/∂ŷᵢ · ∂ŷᵢ/∂w_kj = ∂L/∂ŷ₁ · ∂ŷ₁/∂w_kj + ∂L/∂ŷ₂ · ∂ŷ₂/∂w_kj. "
        "∂ŷᵢ/∂w_kj는 i = j일 때만 h_k, 아니면 0이므로 한 항만 남는다: ∂L/∂W = h δᵀ. "
        "예: ∂L/∂w₂₁ = 0.4 · 2 + 1.2 · 0 = 0.8.",
        "Written out: ∂L/∂w_kj = Σᵢ ∂L/∂ŷᵢ · ∂ŷᵢ/∂w_kj = ∂L/∂ŷ₁ · ∂ŷ₁/∂w_kj + ∂L/∂ŷ₂ · ∂ŷ₂/∂w_kj. "
        "Since ∂ŷᵢ/∂w_kj is h_k when i = j and 0 otherwise, one term is left: ∂L/∂W = h δᵀ. "
        "For example ∂L/∂w₂₁ = 0.4 · 2 + 1.2 · 0 = 0.8.",
        "∂L/∂w_kj = Σᵢ ∂L/∂ŷᵢ · ∂ŷᵢ/∂w_kj = h_k · δ_j",
        _ONE, "backward", "W", "W", "derivation", ("Yhat", "W"),
        quotes=(
            _g("Yhat", (0, 0), 0.4), _g("Yhat", (1, 0), 1.2), _v("H", (1, 0), 2.0), _g("W", (1, 0), 0.8),
            _j("Yhat", "W", (1, 0, 1, 0), 0.0),
        ),
        practice="grad",
    ),
    Stop(
        "", "야코비안 행렬 (Jacobian matrix)", "The Jacobian matrix",
        "교수님.... 너무 복잡해요 ㅠㅠ 간단한 방법이 있을 것 같아요. Jacobian matrix (야코비안 행렬)이라는 "
        "것이 있습니다: f: ℝⁿ → ℝᵐ의 각 출력의 변화도를 행으로 쌓은 m×n 행렬. 세 층짜리 예제에서 "
        "H₂ = W₂ᵀH₁의 야코비안 ∂H₂/∂H₁은 바로 W₂ᵀ (3×3; 익스플로러는 3×1×3×1): 예를 들어 "
        "J₁₁ = 0.5, J₁₃ = -0.3.",
        "“Professor, it is too complicated; there must be a simpler way.” There is the Jacobian matrix: for "
        "f: ℝⁿ → ℝᵐ, each output's gradient as a row, an m×n matrix. In the three-layer toy network "
        "H₂ = W₂ᵀH₁ has the Jacobian ∂H₂/∂H₁ = W₂ᵀ (3×3; the explorer writes 3×1×3×1): "
        "for example J₁₁ = 0.5 and J₁₃ = -0.3.",
        "J = ∂H₂/∂H₁ = W₂ᵀ",
        _TOY, "backward", "H2", "H2", "jacobian", ("H2", "H1"),
        quotes=(_j("H2", "H1", (0, 0, 0, 0), 0.5), _j("H2", "H1", (0, 0, 2, 0), -0.3)),
        jacobian_shape=(3, 1, 3, 1),
    ),
    Stop(
        "", "PyTorch: 벡터-야코비안 곱 Jᵀv", "PyTorch: the vector-Jacobian product Jᵀv",
        "딥러닝 프레임워크 구현 (PyTorch): torch.autograd 는 벡터-야코비안 곱을 계산하는 엔진입니다. "
        "v = ∂L/∂H₂ = (-0.1054, 0.1812, 0.1586)에 대해 Jᵀ·v 를 연산하면, 연쇄 법칙에 따라 "
        "∂L/∂H₁ = (-0.132, 0.07328, 0.1041)이 됩니다. 야코비안 전체를 만들 필요가 없습니다. 익스플로러의 역전파도 이렇게 계산합니다.",
        "In a deep-learning framework (PyTorch): torch.autograd is an engine for vector-Jacobian products. "
        "Given v = ∂L/∂H₂ = (-0.1054, 0.1812, 0.1586) it computes Jᵀ·v, which by the chain rule is "
        "∂L/∂H₁ = (-0.132, 0.07328, 0.1041), without building the whole Jacobian; the explorer's backward "
        "pass does the same.",
        "∂L/∂H₁ = Jᵀ · v,  v = ∂L/∂H₂",
        _TOY, "backward", "H1", "H1", "breakdown", ("H2", "H1"),
        quotes=(
            _g("H2", (0, 0), -0.1054), _g("H2", (1, 0), 0.1812), _g("H2", (2, 0), 0.1586),
            _g("H1", (0, 0), -0.132), _g("H1", (1, 0), 0.07328), _g("H1", (2, 0), 0.1041),
        ),
        jacobian_shape=(3, 1, 3, 1),
        practice="grad",
    ),
)  # fmt: skip


def stop_position(stop: Stop, session: Session) -> int:
    """The session position (steps taken) at which ``stop`` stands: its step's index in the plan."""
    for step in session.plan:
        if step.phase == stop.phase and step.node == stop.at:
            return step.index
    raise ValueError(f"the {stop.example} example has no {stop.phase} step at {stop.at}")


def stop_session(stop: Stop) -> Session:
    """A session on ``stop``'s example, moved to its step."""
    session = Session(load_model(example_path(stop.example)))
    session.seek(stop_position(stop, session))
    return session


def quoted_number(quote: Quote, session: Session) -> float | None:
    """The engine's number for ``quote`` at ``session``'s step (None when it is not known there)."""
    if quote.of == "loss":
        return session.loss
    array: np.ndarray | None
    if quote.of == "jacobian":
        array = session.jacobian(quote.node, quote.wrt)
    else:
        array = session.value(quote.node) if quote.of == "value" else session.grad(quote.node)
    return None if array is None else float(np.asarray(array)[quote.index])


def quote_problems(stop: Stop, session: Session, tolerance: float = 1e-9) -> list[str]:
    """Each of ``stop``'s quotes that the engine does not give at ``session``'s step, worded; [] when all agree."""
    problems = []
    for quote in stop.quotes:
        number = quoted_number(quote, session)
        if number is None or abs(number - quote.number) > tolerance * max(1.0, abs(quote.number)):
            problems.append(f"{quote.of} of {quote.node} at {quote.index}: quoted {quote.number}, engine {number}")
    return problems
