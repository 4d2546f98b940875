"""The same number reads the same on every surface: cells, rich text, the lab, messages, text, Markdown and LaTeX."""

import numpy as np
from hypothesis import given
from hypothesis import strategies as st

from explorer.export.explanation import Matrix, num, render_latex, render_markdown, render_text
from explorer.lesson.matrix_format import compact_formats, format_cell
from explorer.model.messages import message
from explorer.model.numbers import latex, shown
from explorer.train.update import format_number
from explorer.ui.text.engine_text import worded
from explorer.ui.text.rich_math import matrix_html
from explorer.ui.text.rich_math import num as rich_num

EVERY_FLOAT = st.floats(allow_nan=True, allow_infinity=True, allow_subnormal=True)
DIGITS = st.integers(min_value=1, max_value=17)


@given(EVERY_FLOAT, DIGITS)
def test_every_formatter_on_screen_and_in_text_writes_shown(x, digits):
    expected = shown(x, digits)
    assert format_cell(x, digits) == expected  # heatmap cells and colour bars
    assert rich_num(x, digits) == expected  # the breakdown and lesson views
    assert format_number(x, digits) == expected  # the lab's update arithmetic, loss and learning rate
    assert num(x, digits) == expected  # the text and Markdown explanation
    assert compact_formats(abs(x) if np.isfinite(x) else 1.0)[0](x) == shown(x, 4)  # the widest cell format


@given(EVERY_FLOAT)
def test_a_number_in_a_message_is_written_as_shown(x):
    worded_line = worded(message("train.lr_invalid", lr=x))
    assert worded_line == f"the learning rate must be a finite number > 0, got {shown(x, 6)}"


@given(st.lists(EVERY_FLOAT, min_size=1, max_size=6))
def test_a_matrix_reads_the_same_in_text_markdown_latex_and_rich_text(values):
    block = Matrix("M", "", np.array(values).reshape(-1, 1))
    text, markdown, tex = render_text([block]), render_markdown([block]), render_latex([block], standalone=False)
    html = matrix_html(np.array(values), "black")
    for x in values:
        assert shown(x, 6) in text
        assert shown(x, 6) in markdown
        assert latex(x, 6) in tex
        assert f">{shown(x, 4)}</td>" in html
