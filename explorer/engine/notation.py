"""How the lecture writes names: ``W₃``, ``Ŷ``, ``∂L/∂W₃``, ``w₁₂``.

Pure string helpers shared by the engine's breakdowns and the window.
"""

from __future__ import annotations

import re

_SUB = str.maketrans("0123456789", "₀₁₂₃₄₅₆₇₈₉")
_HATS = {"yhat": "Ŷ", "y_hat": "Ŷ", "ŷ": "Ŷ"}


def subscript(text: str | int) -> str:
    """Digits as subscripts.

    >>> subscript(12)
    '₁₂'
    """
    return str(text).translate(_SUB)


def pretty(name: str) -> str:
    """A node name as the lecture writes it: trailing digits as subscripts, ``Yhat`` as ``Ŷ``.

    >>> pretty("W3"), pretty("Yhat"), pretty("H12"), pretty("loss")
    ('W₃', 'Ŷ', 'H₁₂', 'loss')
    """
    if name.lower() in _HATS:
        return _HATS[name.lower()]
    match = re.fullmatch(r"(.*?[^\d_])_?(\d+)", name)
    if match:
        return match.group(1) + subscript(match.group(2))
    return name


def element_symbol(name: str) -> str:
    """The lower-case letter for one element of a named matrix.

    >>> element_symbol("W3"), element_symbol("Ŷ"), element_symbol("Yhat"), element_symbol("H2")
    ('w', 'ŷ', 'ŷ', 'h')
    """
    shown = pretty(name)
    if shown.startswith("Ŷ"):
        return "ŷ"
    letters = re.sub(r"[\d₀-₉_]+$", "", shown)
    return (letters or shown).lower()


def element(name: str, index: tuple[int, ...]) -> str:
    """One element by its 0-based index, written 1-based: ``w₁₂`` (``w₁,₁₀`` past 9).

    >>> element("W3", (0, 1)), element("b", (2,)), element("H", (0, 11))
    ('w₁₂', 'b₃', 'h₁,₁₂')
    """
    numbers = [i + 1 for i in index]
    sep = "," if any(n > 9 for n in numbers) else ""
    return element_symbol(name) + sep.join(subscript(n) for n in numbers)


def partial(of: str, wrt: str) -> str:
    """``∂L/∂W₃``.

    >>> partial("L", "W3")
    '∂L/∂W₃'
    """
    return f"∂{pretty(of)}/∂{pretty(wrt)}"


def shape_text(shape: tuple[int, ...]) -> str:
    """A shape with a multiplication sign: ``3×2``; a scalar is ``1``.

    >>> shape_text((2, 1, 3, 2)), shape_text(())
    ('2×1×3×2', '1')
    """
    return "×".join(str(n) for n in shape) if shape else "1"
