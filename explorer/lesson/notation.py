"""How the lecture writes names: ``W₃``, ``Ŷ``, ``∂L/∂W₃``, ``w₁₂``.

Pure string helpers shared by the engine's breakdowns and the window.
"""

from __future__ import annotations

import re

from explorer.lesson.tex import tex_math

_SUB = str.maketrans("0123456789", "₀₁₂₃₄₅₆₇₈₉")
_SUP = str.maketrans("0123456789()", "⁰¹²³⁴⁵⁶⁷⁸⁹⁽⁾")
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


#: How engine text writes the shape of a scalar (a loss), everywhere.
SCALAR = "scalar"


def shape_text(shape: tuple[int, ...]) -> str:
    """A shape with a multiplication sign: ``3×2``; a scalar is written ``scalar``.

    >>> shape_text((2, 1, 3, 2)), shape_text(())
    ('2×1×3×2', 'scalar')
    """
    return "×".join(str(n) for n in shape) if shape else SCALAR


def layer_of(name: str) -> str:
    """The layer number a node's name carries (``"1"`` for ``H1``), or ``""``.

    >>> layer_of("H1"), layer_of("W_3"), layer_of("Yhat"), layer_of("X")
    ('1', '3', '', '')
    """
    if name.lower() in _HATS:
        return ""
    match = re.fullmatch(r"(.*?[^\d_])_?(\d+)", name)
    return match.group(2) if match else ""


def qualified_element(name: str, index: tuple[int, ...]) -> str:
    """One element with its layer, as the lecture's ``h⁽¹⁾₂``: never ambiguous across layers.

    The index is 0-based and written 1-based; a node without a layer number
    keeps the plain name (``ŷ₁``, ``x₂``).

    >>> qualified_element("H1", (1,)), qualified_element("W3", (0, 1)), qualified_element("Yhat", (0,))
    ('h⁽¹⁾₂', 'w⁽³⁾₁₂', 'ŷ₁')
    >>> qualified_element("H2", (0, 3))
    'h⁽²⁾₁₄'
    """
    layer = layer_of(name)
    numbers = [i + 1 for i in index]
    sep = "," if any(n > 9 for n in numbers) else ""
    mark = f"({layer})".translate(_SUP) if layer else ""
    return element_symbol(name) + mark + sep.join(subscript(n) for n in numbers)


def latex_name(name: str) -> str:
    r"""A node's name in LaTeX: ``W_{3}``, ``\\hat{Y}``.

    >>> latex_name("W3"), latex_name("Yhat"), latex_name("loss_fn")
    ('W_{3}', '\\hat{Y}', '{\\text{loss\\_fn}}')
    """
    if name.lower() in _HATS:
        return r"\hat{Y}"
    match = re.fullmatch(r"([A-Za-z]+)_?([0-9]+)", name)
    if match:
        return f"{match.group(1)}_{{{match.group(2)}}}"
    if re.fullmatch(r"[A-Za-z]", name):
        return name
    return "{" + tex_math(pretty(name)) + "}"  # one group: a script written after it never doubles one inside


def latex_element(name: str, index: tuple[int, ...]) -> str:
    r""":func:`qualified_element` in LaTeX: ``h^{(1)}_{2}``, ``\\hat{y}_{1}``.

    >>> latex_element("H1", (1,)), latex_element("W3", (0, 1)), latex_element("Yhat", (1, 0))
    ('h^{(1)}_{2}', 'w^{(3)}_{12}', '\\hat{y}_{21}')
    """
    layer = layer_of(name)
    symbol = element_symbol(name)
    letter = r"\hat{y}" if symbol == "ŷ" else symbol if re.fullmatch("[A-Za-z]", symbol) else "{" + tex_math(symbol) + "}"
    numbers = [str(i + 1) for i in index]
    sep = "," if any(len(n) > 1 for n in numbers) else ""
    mark = f"^{{({tex_math(layer)})}}" if layer else ""  # any digit Unicode has, written so pdflatex sets it
    return f"{letter}{mark}_{{{sep.join(numbers)}}}"


def latex_escape(text: str) -> str:
    r"""Escape LaTeX's special characters in plain text.

    >>> latex_escape("a_b & 50%")
    'a\\_b \\& 50\\%'
    """
    out = []
    for ch in text:
        if ch in "&%$#_{}":
            out.append("\\" + ch)
        elif ch == "\\":
            out.append(r"\textbackslash{}")
        elif ch in "~^":
            out.append(r"\textasciitilde{}" if ch == "~" else r"\textasciicircum{}")
        else:
            out.append(ch)
    return "".join(out)
