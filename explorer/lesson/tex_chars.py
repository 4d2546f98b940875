r"""One character as LaTeX, as text or as maths: the tables and the rules :mod:`explorer.lesson.tex` writes with.

Every character becomes a fixed, balanced piece: a Greek letter or an
operator its command (``\partial``), LaTeX's specials escaped in text, an
accent a command over its base, a sub- or superscript character what it
stands for, Hangul as is (kotex sets it), and anything pdflatex has no
glyph for its code point (``[U+2603]``).
"""

from __future__ import annotations

import re
import unicodedata

#: Greek letters and their commands (capitals that look Latin are Latin letters).
GREEK = {
    "α": r"\alpha", "β": r"\beta", "γ": r"\gamma", "δ": r"\delta", "ε": r"\varepsilon", "ϵ": r"\epsilon",
    "ζ": r"\zeta", "η": r"\eta", "θ": r"\theta", "ϑ": r"\vartheta", "ι": r"\iota", "κ": r"\kappa",
    "λ": r"\lambda", "μ": r"\mu", "ν": r"\nu", "ξ": r"\xi", "ο": "o", "π": r"\pi", "ρ": r"\rho", "ς": r"\varsigma",
    "σ": r"\sigma", "τ": r"\tau", "υ": r"\upsilon", "φ": r"\varphi", "ϕ": r"\phi", "χ": r"\chi", "ψ": r"\psi",
    "ω": r"\omega", "Γ": r"\Gamma", "Δ": r"\Delta", "Θ": r"\Theta", "Λ": r"\Lambda", "Ξ": r"\Xi", "Π": r"\Pi",
    "Σ": r"\Sigma", "Υ": r"\Upsilon", "Φ": r"\Phi", "Ψ": r"\Psi", "Ω": r"\Omega", "Α": "A", "Β": "B", "Ε": "E",
    "Ζ": "Z", "Η": "H", "Ι": "I", "Κ": "K", "Μ": "M", "Ν": "N", "Ο": "O", "Ρ": "P", "Τ": "T", "Χ": "X",
}

#: Symbols that are maths wherever they stand.
OPERATORS = {
    "∂": r"\partial ", "·": r"\cdot ", "⋅": r"\cdot ", "→": r"\to ", "←": r"\leftarrow ", "∘": r"\circ ",
    "×": r"\times ", "−": "-", "⊙": r"\odot ", "⊗": r"\otimes ", "⊕": r"\oplus ", "≈": r"\approx ", "≤": r"\le ",
    "≥": r"\ge ", "≠": r"\ne ", "∈": r"\in ", "∑": r"\sum ", "∏": r"\prod ", "∇": r"\nabla ", "∞": r"\infty ",
    "±": r"\pm ", "‖": r"\| ", "½": r"\tfrac{1}{2}", "′": "'", "″": "''", "⊤": r"\top ", "∅": r"\emptyset ",
    "∝": r"\propto ", "∀": r"\forall ", "∃": r"\exists ", "√": r"\surd ", "∫": r"\int ", "⟨": r"\langle ",
    "⟩": r"\rangle ", "⋯": r"\cdots ", "≡": r"\equiv ", "⇒": r"\Rightarrow ", "↦": r"\mapsto ",
    "=": "=", "+": "+", "<": "<", ">": ">",
}

#: Characters that read the same as text or as maths: they join the maths between two pieces of maths.
NEUTRAL_MATH = {"(": "(", ")": ")", "[": "[", "]": "]", "/": "/", "|": "|", ",": ",", ".": ".", "-": "-",
                 ";": ";", ":": "{:}", "!": "!", "'": "'"}

#: Text-only characters and how text writes them.
TEXT_SPECIAL = {
    "#": r"\#", "$": r"\$", "%": r"\%", "&": r"\&", "_": r"\_", "{": r"\{", "}": r"\}", "~": r"\textasciitilde{}",
    "^": r"\textasciicircum{}", "\\": r"\textbackslash{}", "<": r"\textless{}", ">": r"\textgreater{}",
    "|": r"\textbar{}", "-": "-{}", "✓": r"\checkmark{}", "✔": r"\checkmark{}", "✗": r"$\times$", "✘": r"$\times$",
    "…": r"\ldots{}", "–": "--", "—": "---", "‘": "`", "’": "'", "“": "``", "”": "''", "−": r"\textminus{}",
    "⎡": "[", "⎢": "|", "⎣": "[", "⎤": "]", "⎥": "|", "⎦": "]", "°": r"\textdegree{}", "§": r"\S{}", "¶": r"\P{}",
    "\u00a0": "~", "·": r"\textperiodcentered{}",
    "½": r"\textonehalf{}", "×": r"\texttimes{}", "±": r"\textpm{}", "'": "'",
    '"': r"{\ttfamily\char34}", "`": r"\textasciigrave{}",
}

#: Combining marks: (accent in maths, accent command in text).
ACCENTS = {
    "\u0300": (r"\grave", r"\`"), "\u0301": (r"\acute", r"\'"), "\u0302": (r"\hat", r"\^"), "\u0303": (r"\tilde", r"\~"),
    "\u0304": (r"\bar", r"\="), "\u0306": (r"\breve", r"\u"), "\u0307": (r"\dot", r"\."), "\u0308": (r"\ddot", r'\"'),
    "\u030a": (r"\mathring", r"\r"), "\u030c": (r"\check", r"\v"), "\u20d7": (r"\vec", r"\="),
    "\u0327": (r"\underline", r"\c"),
}

SUB, SUP = "sub", "sup"


def script_of(ch: str) -> tuple[str, str] | None:
    """``('sup', 'T')`` for ᵀ, ``('sub', '1')`` for ₁: a sub- or superscript character and what it stands for."""
    if ch == "ᵀ":
        return SUP, "⊤"
    decomposition = unicodedata.decomposition(ch)
    for tag, kind in (("<super> ", SUP), ("<sub> ", SUB)):
        if decomposition.startswith(tag):
            return kind, "".join(chr(int(code, 16)) for code in decomposition[len(tag):].split())
    return None


def hangul(ch: str) -> bool:
    """Hangul kotex sets: syllables and compatibility jamo (its fonts have no glyph for the filler, U+3164)."""
    return "\uac00" <= ch <= "\ud7a3" or "\u3131" <= ch <= "\u318e" and ch != "\u3164"


def code_point(ch: str) -> str:
    """A character pdflatex has no glyph for, written as its code point."""
    return r"\texttt{[U+" + f"{ord(ch):04X}" + "]}"


def text_char(ch: str) -> str:
    """One character as text: ASCII as is (specials escaped), Hangul as is, accents as commands, else its code point."""
    if ch in TEXT_SPECIAL:
        return TEXT_SPECIAL[ch]
    if " " <= ch <= "~" or hangul(ch):
        return ch
    if ch.isspace():
        return " "
    decomposed = unicodedata.normalize("NFD", ch)
    base, marks = decomposed[0], decomposed[1:]
    if marks and " " <= base <= "~" and base not in TEXT_SPECIAL:
        out = base
        for mark in marks:
            out = f"{ACCENTS[mark][1]}{{{out}}}" if mark in ACCENTS else out
        return out
    if ch in GREEK or ch in OPERATORS:
        return f"${math_char(ch)}$"
    return code_point(ch)


def math_char(ch: str) -> str:
    """One character as maths (a letter, digit, Greek letter or operator); anything else as text inside maths.

    A command ends with a space, so the letter after it cannot lengthen its name (``\\Delta E``).
    """
    latex = math_char_bare(ch)
    return latex + " " if re.search(r"\\[A-Za-z]+$", latex) else latex


def math_char_bare(ch: str) -> str:
    if ch.isascii() and ch.isalnum():
        return ch
    if ch in GREEK:
        return GREEK[ch]
    if ch in OPERATORS:
        return OPERATORS[ch]
    if ch in NEUTRAL_MATH:
        return NEUTRAL_MATH[ch]
    if ch == " ":
        return " "
    script = script_of(ch)
    if script is not None:
        return "".join(math_char(c) for c in script[1])
    decomposed = unicodedata.normalize("NFD", ch)
    base, marks = decomposed[0], decomposed[1:]
    if marks and (base.isascii() and base.isalpha() or base in GREEK):
        out = math_char(base)
        for mark in marks:
            out = f"{ACCENTS[mark][0]}{{{out}}}" if mark in ACCENTS else out
        return out
    return r"\text{" + text_char(ch) + "}"
