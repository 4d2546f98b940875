"""Korean particles chosen by the word before them: ``∂L/∂W₃을``, ``W₁을``, ``Ŷ을``, ``L은``, ``H₂가``.

A Korean template cannot know what fills ``{name}``, so the catalogue writes
both forms, ``{name}을(를)``, and :func:`with_particles` picks one once the text
is filled in: 을/이/은/과/으로 after a final consonant (받침), 를/가/는/와/로
after a vowel (and 로 after ㄹ). A symbol is taken as a Korean reader says it:
W 더블유, X 엑스, L 엘, Ŷ 와이 햇, δ 델타, ∇ 나블라; digits and subscripts by
their numbers (₃ 삼, 1 일, 10 십); x² 엑스 제곱; toy.json 제이슨. When the
word before cannot be read, both forms stay.

>>> with_particles("∂L/∂W₃을(를) 줌"), with_particles("W을(를) 갱신"), with_particles("H₂이(가) 계산됨")
('∂L/∂W₃을 줌', 'W를 갱신', 'H₂가 계산됨')
>>> with_particles("L은(는) 스칼라"), with_particles("너비를 3(으)로"), with_particles("너비를 1(으)로")
('L은 스칼라', '너비를 3으로', '너비를 1로')
>>> with_particles("순전파은(는)"), with_particles("손실을(를)"), with_particles("Ŷ와(과) Y")
('순전파는', '손실을', 'Ŷ과 Y')
"""

from __future__ import annotations

import re
import unicodedata

#: Each written pair and its two forms: (after a final consonant, after a vowel).
PAIRS = {
    "을(를)": ("을", "를"),
    "를(을)": ("을", "를"),
    "이(가)": ("이", "가"),
    "가(이)": ("이", "가"),
    "은(는)": ("은", "는"),
    "는(은)": ("은", "는"),
    "과(와)": ("과", "와"),
    "와(과)": ("과", "와"),
    "(으)로": ("으로", "로"),
    "(이)라": ("이라", "라"),
    "(이)다": ("이다", "다"),
    "(이)나": ("이나", "나"),
}
_PAIR = re.compile("|".join(re.escape(pair) for pair in PAIRS))

NONE, CONSONANT, RIEUL = "vowel", "consonant", "ㄹ"  # how the word before ends

#: Latin letters read by their names: those whose name ends in a consonant (L 엘, M 엠, N 엔, R 알).
_LETTERS = {"l": RIEUL, "m": CONSONANT, "n": CONSONANT, "r": RIEUL}
#: Greek letters whose Korean name ends in a consonant (ε 엡실론); the others end in a vowel (δ 델타, σ 시그마).
_GREEK = {"ε": CONSONANT, "ϵ": CONSONANT}
#: The last digit's reading: 영 일 이 삼 사 오 육 칠 팔 구.
_DIGITS = (CONSONANT, RIEUL, NONE, CONSONANT, NONE, NONE, CONSONANT, RIEUL, RIEUL, NONE)
#: Trailing zeros: 십, 백, 천, 만 (each ends in a consonant).
_SKIPPED = set(" )]}'\"’”»‖|·.,")
_TAG = re.compile(r"<[^<>]*>$")
_SUBSCRIPTS = str.maketrans("₀₁₂₃₄₅₆₇₈₉", "0123456789")


def _number_ending(digits: str) -> str:
    """How a number written with ``digits`` is read at its end (3 삼, 10 십, 0 영)."""
    stripped = digits.rstrip("0")
    if not stripped:
        return CONSONANT  # 영
    if len(stripped) < len(digits):
        return CONSONANT  # 십, 백, 천, 만
    return _DIGITS[int(stripped[-1])]


def _word_ending(word: str) -> str | None:
    """How a Latin word or letter is read at its end, or None when there is no telling."""
    if len(word) == 1 or word.isupper():
        return _LETTERS.get(word[-1].lower(), NONE)  # a letter's name: W 더블유, L 엘
    lower = word.lower()
    if lower.endswith("ng"):
        return CONSONANT
    if lower[-1] in "mnk":
        return CONSONANT  # json 제이슨, relu … tanh: a vowel
    if lower[-1] == "l":
        return RIEUL
    return NONE


def ending(text: str) -> str | None:
    """How ``text`` ends when read aloud in Korean: :data:`NONE`, :data:`CONSONANT`, :data:`RIEUL`, or None."""
    text = text.rstrip()
    while text:
        tag = _TAG.search(text)
        if tag is not None:  # rich text: the word is before the markup
            text = text[: tag.start()].rstrip()
            continue
        if text[-1] in _SKIPPED:
            text = text[:-1]
            continue
        break
    if not text:
        return None
    last = text[-1]
    if "\uac00" <= last <= "\ud7a3":
        final = (ord(last) - 0xAC00) % 28
        return NONE if final == 0 else RIEUL if final == 8 else CONSONANT
    if last in "\u0302\u0303" or last in "ŶŷĤĥ":  # a hat: 햇
        return CONSONANT
    if last in "⁰¹²³⁴⁵⁶⁷⁸⁹′″":  # 제곱, 승, 프라임
        return CONSONANT
    if last == "ᵀ":  # 티 (transposed)
        return NONE
    digits = re.search(r"[0-9₀-₉]+$", text)
    if digits is not None:
        return _number_ending(digits.group(0).translate(_SUBSCRIPTS))
    word = re.search(r"[A-Za-z]+$", text)
    if word is not None:
        return _word_ending(word.group(0))
    if unicodedata.category(last).startswith("L") and "GREEK" in unicodedata.name(last, ""):
        return _GREEK.get(last, NONE)
    if last in "∇∂":  # 나블라, 델
        return NONE
    return None


def with_particles(text: str) -> str:
    """``text`` with each written pair (``을(를)``, ``이(가)``, ``(으)로`` …) resolved by the word before it."""
    if "(" not in text:
        return text
    out: list[str] = []
    position = 0
    for match in _PAIR.finditer(text):
        before = text[: match.start()]
        pair = match.group(0)
        end = ending(before)
        if end is None:
            chosen = pair
        elif pair == "(으)로":
            chosen = "으로" if end == CONSONANT else "로"
        else:
            chosen = PAIRS[pair][0 if end in (CONSONANT, RIEUL) else 1]
        out.append(text[position : match.start()] + chosen)
        position = match.end()
    out.append(text[position:])
    return "".join(out)
