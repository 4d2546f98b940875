"""One way to write a number: what a reader sees, its LaTeX, and the exact literal generated code holds."""

import math
import re
import struct

import pytest
from hypothesis import given
from hypothesis import strategies as st

from explorer.model.numbers import MINUS, exact, fixed, latex, literal, shown, signed

#: Every float: subnormal, huge, both zeros, the infinities and not-a-number.
EVERY_FLOAT = st.floats(allow_nan=True, allow_infinity=True, allow_subnormal=True)
FINITE = st.floats(allow_nan=False, allow_infinity=False, allow_subnormal=True)
DIGITS = st.integers(min_value=1, max_value=17)


def _bits(x: float) -> bytes:
    return struct.pack("<d", x)


def _value_of_shown(text: str) -> float:
    """Read :func:`shown` back: the real minus and the infinity sign as Python writes them."""
    return float(text.replace(MINUS, "-").replace("∞", "inf"))


def _value_of_latex(text: str) -> float:
    r"""Read :func:`latex` back: ``-1.5 \times 10^{-7}``, ``10^{4}``, ``-\infty``, ``\mathrm{nan}``."""
    text = text.replace(r"\infty", "inf").replace(r"\mathrm{nan}", "nan")
    match = re.fullmatch(r"(-?)(?:([0-9.]+) \\times )?10\^\{(-?\d+)\}", text)
    if match is None:
        return float(text)
    sign, mantissa, exponent = match.groups()
    return float(f"{sign}{mantissa or '1'}e{exponent}")


@given(EVERY_FLOAT, DIGITS)
def test_shown_is_the_g_format_with_a_real_minus_and_a_short_exponent(x, digits):
    text = shown(x, digits)
    assert "-" not in text
    assert "+" not in text
    assert not re.search(r"e−?0", text)  # no leading zeros in the exponent
    if math.isnan(x):
        assert text == "nan"
    elif x == 0.0:
        assert text == "0"  # zero has no sign on screen
    else:
        assert _value_of_shown(text) == float(f"{x:.{digits}g}")  # the same digits as Python's g, nothing lost
        assert text.startswith(MINUS) == (x < 0)


@given(EVERY_FLOAT, DIGITS)
def test_latex_writes_the_number_shown(x, digits):
    text = latex(x, digits)
    assert text.isascii()
    if math.isnan(x):
        assert text == r"\mathrm{nan}"
    else:
        assert _value_of_latex(text) == _value_of_shown(shown(x, digits))


@given(EVERY_FLOAT)
def test_a_literal_reads_back_to_the_same_bits(x):
    text = literal(x)
    assert text.isascii()
    back = eval(text, {"__builtins__": {"float": float}})  # noqa: S307 (the literal is ours)
    if math.isnan(x):
        assert math.isnan(back)
    else:
        assert _bits(back) == _bits(x)  # -0.0 stays -0.0, a subnormal stays itself


@given(EVERY_FLOAT)
def test_exact_reads_back_to_the_same_bits_in_the_readers_style(x):
    text = exact(x)
    assert "-" not in text
    assert "+" not in text
    if math.isnan(x):
        assert text == "nan"
    else:
        assert _bits(_value_of_shown(text)) == _bits(x)
        assert _value_of_shown(shown(x, 17)) == _value_of_shown(text) or x == 0.0  # as many digits as needed, no more


@given(EVERY_FLOAT, DIGITS)
def test_signed_brackets_exactly_the_negative_numbers(x, digits):
    text = signed(x, digits)
    assert (text.startswith("(") and text.endswith(")")) == shown(x, digits).startswith(MINUS)


@given(FINITE, st.integers(min_value=0, max_value=6))
def test_fixed_decimals_keep_the_value_to_that_many_places(x, decimals):
    text = fixed(x, decimals)
    assert "-" not in text
    assert _value_of_shown(text) == float(f"{x:.{decimals}f}")


@pytest.mark.parametrize(
    ("x", "text", "tex"),
    [
        (-1.5e-7, "−1.5e−7", r"-1.5 \times 10^{-7}"),
        (12346.0, "1.235e4", r"1.235 \times 10^{4}"),
        (1e21, "1e21", "10^{21}"),
        (-0.0, "0", "0"),
        (5e-324, "4.941e−324", r"4.941 \times 10^{-324}"),
        (float("-inf"), "−∞", r"-\infty"),
    ],
)
def test_the_style_by_example(x, text, tex):
    assert shown(x) == text
    assert latex(x, 4) == tex
