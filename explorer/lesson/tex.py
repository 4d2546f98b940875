r"""Unicode as LaTeX for pdflatex with kotex: the one converter every label and sentence goes through.

The lecture's text mixes prose, Korean terms and symbols (``∂L/∂W₁ = X · δᵀ``,
``h⁽¹⁾₂``, ``∇_W₁ L``). :func:`tex_text` writes such a string for running
text: prose stays text (Hangul kept for kotex), symbols become maths
(``$\partial L/\partial W_{1}$``), one-letter variables italic, subscripts and
superscripts grouped (``w^{(1)}_{11}``, never a double subscript), minus signs
true minus signs. :func:`tex_math` writes the same string inside maths.

Whatever the input, the output is balanced: every character becomes a fixed,
balanced piece (LaTeX's specials escaped, a character pdflatex cannot set
written as its code point), so a hostile label cannot open a group, leave
maths or end the document.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from explorer.lesson.tex_chars import (
    GREEK,
    NEUTRAL_MATH,
    OPERATORS,
    SUB,
    SUP,
    TEXT_SPECIAL,
    hangul,
    math_char,
    script_of,
    text_char,
)

__all__ = ["tex_code", "tex_math", "tex_text"]

@dataclass
class _Token:
    text: str
    kind: str  # "math", "text", "neutral", "space"
    script: str = ""  # SUB or SUP for a script token


_LETTER_RUN = re.compile(r"[^\W\d_]+", re.UNICODE)


def _tokens(text: str) -> list[_Token]:
    """The text split into math, text, neutral, space and script tokens."""
    text = unicodedata.normalize("NFC", text)
    tokens: list[_Token] = []
    i = 0
    while i < len(text):
        ch = text[i]
        script = script_of(ch)
        if script is not None:
            j = i
            while j < len(text) and (s := script_of(text[j])) is not None and s[0] == script[0]:
                j += 1
            tokens.append(_Token(text[i:j], "math", script[0]))
            i = j
            continue
        if ch in GREEK:
            j = i + 1
            while j < len(text) and unicodedata.combining(text[j]):
                j += 1
            tokens.append(_Token(text[i:j], "math"))
            i = j
            continue
        if _LETTER_RUN.match(ch) and not hangul(ch):
            j = i + 1
            while j < len(text) and (_word_char(text[j]) or text[j] in "'’" and j + 1 < len(text) and
                                     _word_char(text[j + 1]) and not unicodedata.combining(text[j + 1])):
                j += 1
            word = text[i:j]
            base = "".join(c for c in unicodedata.normalize("NFD", word) if not unicodedata.combining(c))
            single = len(base) == 1 and base.isascii() and base != "a"
            tokens.append(_Token(word, "math" if single else "text"))
            i = j
            continue
        if ch.isdigit() and ch.isascii():
            j = i
            while j < len(text) and (text[j].isascii() and text[j].isdigit() or text[j] == "." and
                                     j + 1 < len(text) and text[j + 1].isascii() and text[j + 1].isdigit()):
                j += 1
            tokens.append(_Token(text[i:j], "neutral"))
            i = j
            continue
        if ch == " ":
            j = i
            while j < len(text) and text[j] == " ":
                j += 1
            tokens.append(_Token(text[i:j], "space"))
            i = j
            continue
        if ch == "_" and tokens and tokens[-1].kind == "math" and i + 1 < len(text) and \
                (text[i + 1].isascii() and text[i + 1].isalnum() or text[i + 1] in GREEK):
            tokens.append(_Token("_", "math", "index"))  # ∇_W₁: what follows is the subscript
            i += 1
            continue
        if ch in OPERATORS:
            tokens.append(_Token(ch, "math"))
        elif ch in NEUTRAL_MATH:
            tokens.append(_Token(ch, "neutral"))
        else:
            tokens.append(_Token(ch, "text"))
        i += 1
    _words_that_are_names(tokens)
    return tokens


def _word_char(ch: str) -> bool:
    """A letter that continues a word: not Greek (a symbol of its own), not a script, not Hangul."""
    if unicodedata.combining(ch):
        return True
    return bool(_LETTER_RUN.match(ch)) and ch not in GREEK and script_of(ch) is None and not hangul(ch)


def _words_that_are_names(tokens: list[_Token]) -> None:
    """A word written as a name (``∂loss``, ``loss₂``, ``∇_loss``) is maths; ``A`` opening a phrase is a word."""
    for k, token in enumerate(tokens):
        before = tokens[k - 1] if k else None
        after = tokens[k + 1] if k + 1 < len(tokens) else None
        if token.kind == "math" and token.text == "A" and after is not None and after.kind == "space" and \
                k + 2 < len(tokens) and tokens[k + 2].kind == "text" and tokens[k + 2].text[:1].islower():
            token.kind = "text"  # "A layer is …": the article
            continue
        if before is not None and before.script == "index" and token.kind == "neutral":
            token.kind = "math"  # x_1
            continue
        if token.kind != "text" or not _LETTER_RUN.match(token.text) or any(hangul(c) for c in token.text):
            continue
        if (after is not None and after.script in (SUB, SUP)) or (
            before is not None and (before.text == "∂" or before.script == "index")
        ):
            token.kind = "math"


def _resolve(tokens: list[_Token]) -> list[bool]:
    """Whether each token is set as maths.

    A neutral token or a space joins maths on both sides; a number or bracket
    touching maths, or a number beside an operator, joins it too (``−0.5``,
    ``(3×1)``, ``> 0]``); else it is text.
    """
    kinds = [t.kind for t in tokens]
    is_math = [k == "math" for k in kinds]
    for k, kind in enumerate(kinds):
        if kind not in ("neutral", "space"):
            continue
        left = next((kinds[j] for j in range(k - 1, -1, -1) if kinds[j] not in ("neutral", "space")), None)
        right = next((kinds[j] for j in range(k + 1, len(kinds)) if kinds[j] not in ("neutral", "space")), None)
        is_math[k] = left == "math" and right == "math"
    changed = True
    while changed:
        changed = False
        for k, token in enumerate(tokens):
            if is_math[k] or token.kind != "neutral" or not (token.text[0].isdigit() or token.text in "()[]/"):
                continue
            digits = token.text[0].isdigit()
            before = next((j for j in range(k - 1, -1, -1) if kinds[j] != "space"), None)
            after = next((j for j in range(k + 1, len(tokens)) if kinds[j] != "space"), None)
            if (k and is_math[k - 1] and kinds[k - 1] != "space") or (
                k + 1 < len(tokens) and is_math[k + 1] and kinds[k + 1] != "space"
            ) or digits and any(tokens[j].text in OPERATORS for j in (before, after) if j is not None):
                is_math[k] = changed = True
    for k, kind in enumerate(kinds):  # a space between two pieces of maths is inside the maths
        if kind == "space":
            before = next((j for j in range(k - 1, -1, -1) if kinds[j] != "space"), None)
            after = next((j for j in range(k + 1, len(tokens)) if kinds[j] != "space"), None)
            is_math[k] = before is not None and after is not None and is_math[before] and is_math[after]
    return is_math


class _MathWriter:
    """Writes maths tokens, keeping track of the base a script attaches to (no double sub- or superscript)."""

    def __init__(self) -> None:
        self.out: list[str] = []
        self.base = False
        self.used: set[str] = set()
        self.index: _MathWriter | None = None  # after ∇_: the subscript being gathered (an atom and its scripts)

    def atom(self, latex: str) -> None:
        self._close_index()
        self.out.append(latex)
        self.base, self.used = True, set()

    def script(self, kind: str, latex: str) -> None:
        if not self.base or kind in self.used:
            self.out.append("{}")
            self.used = set()
        self.out.append(("_" if kind == SUB else "^") + "{" + latex + "}")
        self.base = True
        self.used.add(kind)

    def _close_index(self) -> None:
        if self.index is not None:
            index, self.index = self.index, None
            self.script(SUB, index.text())

    def token(self, token: _Token) -> None:
        if self.index is not None and token.kind != "space" and (not self.index.out or token.script in (SUB, SUP)):
            self.index.token(token)
            return
        if token.script == "index":
            self._close_index()
            self.index = _MathWriter()
        elif token.script:
            self._close_index()
            meanings = [(script_of(c) or ("", c))[1] for c in token.text]
            self.script(token.script, "".join(math_char(c) for meaning in meanings for c in meaning))
        elif token.kind == "space":
            self._close_index()
            if self.out and not self.out[-1].endswith(" "):
                self.out.append(" ")
        elif token.text.isascii() and token.text.isalpha() and len(token.text) > 1:
            self.atom(r"\mathrm{" + token.text + "}")
        elif token.kind == "text":
            self.atom(r"\text{" + "".join(text_char(c) for c in token.text) + "}")
        else:
            if token.text == "(" and len(self.out) > 1 and self.out[-1] == " " and self.out[-2] not in OPERATORS.values():
                self.out[-1] = "\\ "  # "∂L/∂Ŷ (2×1)": the space that keeps a shape from reading as an argument
            self.atom("".join(math_char(c) for c in unicodedata.normalize("NFC", token.text)))

    def text(self) -> str:
        if self.index is not None and not self.index.out:
            self.index = None
            self.out.append(r"\_")
        self._close_index()
        return "".join(self.out).strip()


def _inline(latex: str) -> str:
    """Two pieces of maths side by side as two, never ``$$`` (display maths)."""
    return re.sub(r"(?<!\\)\$\$", "${}$", latex)


def _spans(text: str) -> list[tuple[bool, list[_Token]]]:
    tokens = _tokens(text)
    spans: list[tuple[bool, list[_Token]]] = []
    for token, math in zip(tokens, _resolve(tokens), strict=True):
        if spans and spans[-1][0] == math:
            spans[-1][1].append(token)
        else:
            spans.append((math, [token]))
    return spans


def tex_text(text: str) -> str:
    r"""Any Unicode string as LaTeX for running text: prose as text, symbols as ``$…$`` maths, always balanced.

    >>> print(tex_text("h⁽¹⁾₁ = w⁽¹⁾₁₁x₁ + w⁽¹⁾₂₁x₂"))
    $h^{(1)}_{1} = w^{(1)}_{11}x_{1} + w^{(1)}_{21}x_{2}$
    >>> print(tex_text("Result: ∂L/∂W₁ = ∇_W₁ L (나블라), 100% ✓"))
    Result: $\partial L/\partial W_{1} = \nabla _{W_{1}} L$ (나블라), 100\% \checkmark{}
    >>> print(tex_text("⁽x $∂ {a_b}"))
    ${}^{(}x$ \$$\partial$ \{a\_$b$\}
    """
    out: list[str] = []
    for math, tokens in _spans(text):
        if not math:
            out.append("".join(" " if t.kind == "space" else "".join(text_char(c) for c in t.text) for t in tokens))
            continue
        writer = _MathWriter()
        for token in tokens:
            writer.token(token)
        out.append("$" + writer.text() + "$")
    return _inline("".join(out))


def tex_math(text: str) -> str:
    r"""Any Unicode string as LaTeX inside maths (a label as a symbol): words as ``\mathrm``, prose as ``\text``.

    >>> print(tex_math("H₂ᵀ"), tex_math("loss_fn"), tex_math("층 1"), tex_math("⁽"))
    H_{2}^{\top } \text{loss\_fn} \text{층 1} {}^{(}
    """
    writer = _MathWriter()
    for math, tokens in _spans(text):
        if math or all(t.kind in ("neutral", "space") for t in tokens):  # in maths already: digits stay maths
            for token in tokens:
                writer.token(token)
        else:
            writer.atom(r"\text{" + "".join(" " if t.kind == "space" else "".join(text_char(c) for c in t.text)
                                            for t in tokens) + "}")
    return _inline(writer.text()) or "{}"


def tex_code(text: str) -> str:
    r"""Code as typewriter text, every special escaped.

    >>> print(tex_code("W1.grad  # v = ∂L/∂H₁"))
    \texttt{W1.grad\ \ \#\ v\ =\ $\partial$L/$\partial$H${}_{1}$}
    """
    out = []
    for run in re.findall(r"[ -~]+|[^ -~]+", text):
        if " " <= run[0] <= "~":
            out.append("".join(r"\ " if ch == " " else TEXT_SPECIAL.get(ch, ch) for ch in run))
        else:
            out.append(tex_text(run))
    return _inline(r"\texttt{" + "".join(out) + "}")
