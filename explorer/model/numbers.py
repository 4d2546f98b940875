"""Numbers as the explorer writes them: one set of rules for the window, text, Markdown, LaTeX and code.

Four forms of one float:

- :func:`shown`, for a reader (the window, the text and Markdown explanations,
  the update arithmetic): ``digits`` significant digits, the real minus sign
  U+2212, an exponent written short (``1.5e−7``, ``1.235e4``: no ``+``, no
  leading zeros) exactly where Python's ``g`` format would use one; zero is
  ``0`` whatever its sign, the infinities ``∞`` and ``−∞``, not-a-number ``nan``.
- :func:`exact`, every digit a reader needs to tell this float from its
  neighbours (hover text, tooltips): Python's shortest round-trip digits in
  the reader's style, ``−0.061182360000000005``, ``−1.5e−7``, ``3.0``.
- :func:`latex`, the same number in LaTeX maths: ``-1.5 \\times 10^{-7}``,
  ``\\infty``, ``\\mathrm{nan}`` (ASCII, the minus is maths mode's own).
- :func:`literal`, the exact round trip for generated code: ``repr`` of the
  float (shortest string that reads back to the same bits, ``-0.0`` kept), and
  ``float("inf")``/``float("nan")`` for the values Python has no literal for.

>>> shown(-1.5e-7), latex(-1.5e-7), literal(-1.5e-7)
('−1.5e−7', '-1.5 \\\\times 10^{-7}', '-1.5e-07')
"""

from __future__ import annotations

import math

MINUS = "\N{MINUS SIGN}"


def _g(x: float, digits: int) -> tuple[str, str, int | None]:
    """``x`` in Python's ``g`` format split into sign, mantissa and exponent (``None`` when plain)."""
    text = f"{x:.{max(digits, 1)}g}"
    sign = ""
    if text.startswith("-"):
        sign, text = "-", text[1:]
    if "e" in text:
        mantissa, exponent = text.split("e")
        return sign, mantissa, int(exponent)
    return sign, text, None


def shown(x: float, digits: int = 4) -> str:
    """``x`` as a reader sees it: ``digits`` significant digits, a real minus sign, a short exponent.

    >>> shown(-0.0611824), shown(0.0), shown(-0.0), shown(2.0), shown(-0.123456, 2)
    ('−0.06118', '0', '0', '2', '−0.12')
    >>> shown(12346.0), shown(-1.5e-7), shown(5e-324), shown(1e308, 6)
    ('1.235e4', '−1.5e−7', '4.941e−324', '1e308')
    >>> shown(float("inf")), shown(float("-inf")), shown(float("nan"))
    ('∞', '−∞', 'nan')
    """
    x = float(x)
    if math.isnan(x):
        return "nan"
    if math.isinf(x):
        return "∞" if x > 0 else MINUS + "∞"
    if x == 0.0:
        return "0"
    sign, mantissa, exponent = _g(x, digits)
    text = mantissa if exponent is None else f"{mantissa}e{exponent}"
    return (sign + text).replace("-", MINUS)


def exact(x: float) -> str:
    """``x`` to the last digit that matters, in the reader's style: ``repr``'s digits, the real minus, a short exponent.

    >>> exact(-0.1 - 0.2), exact(-1.5e-7), exact(3.0), exact(-0.0), exact(1e300), exact(float("-inf"))
    ('−0.30000000000000004', '−1.5e−7', '3.0', '−0.0', '1e300', '−∞')
    """
    x = float(x)
    if math.isnan(x):
        return "nan"
    if math.isinf(x):
        return "∞" if x > 0 else MINUS + "∞"
    text = repr(x)
    if "e" in text:
        mantissa, exponent = text.split("e")
        text = f"{mantissa}e{int(exponent)}"
    return text.replace("-", MINUS)


def signed(x: float, digits: int = 4) -> str:
    """:func:`shown`, bracketed when negative, for a term of a product: ``(−0.266)``, ``0.23``.

    >>> signed(-0.266), signed(0.23)
    ('(−0.266)', '0.23')
    """
    text = shown(x, digits)
    return f"({text})" if text.startswith(MINUS) else text


def fixed(x: float, decimals: int) -> str:
    """``x`` with a fixed number of decimals, as a printed matrix aligns them: ``−0.00``; non-finite as :func:`shown`.

    >>> fixed(-0.0045, 2), fixed(2.25, 1), fixed(float("inf"), 2)
    ('−0.00', '2.2', '∞')
    """
    x = float(x)
    if not math.isfinite(x):
        return shown(x)
    return f"{x:.{decimals}f}".replace("-", MINUS)


def latex(x: float, digits: int = 6) -> str:
    r"""``x`` in LaTeX maths, the same digits as :func:`shown`: ``-1.5 \times 10^{-7}``.

    >>> latex(-0.0611824, 4), latex(0.0), latex(12346.0, 4), latex(1e-7)
    ('-0.06118', '0', '1.235 \\times 10^{4}', '10^{-7}')
    >>> latex(float("-inf")), latex(float("nan"))
    ('-\\infty', '\\mathrm{nan}')
    """
    x = float(x)
    if math.isnan(x):
        return r"\mathrm{nan}"
    if math.isinf(x):
        return r"\infty" if x > 0 else r"-\infty"
    if x == 0.0:
        return "0"
    sign, mantissa, exponent = _g(x, digits)
    if exponent is None:
        return sign + mantissa
    power = f"10^{{{exponent}}}"
    return sign + (power if mantissa == "1" else f"{mantissa} \\times {power}")


def literal(x: float) -> str:
    """``x`` as a Python literal that reads back to the very same float (ASCII).

    >>> literal(0.1), literal(-0.0), literal(5e-324), literal(float("-inf")), literal(float("nan"))
    ('0.1', '-0.0', '5e-324', '-float("inf")', 'float("nan")')
    """
    x = float(x)
    if math.isnan(x):
        return 'float("nan")'
    if math.isinf(x):
        return 'float("inf")' if x > 0 else '-float("inf")'
    return repr(x)
