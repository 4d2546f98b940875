"""User text on screen: always plain, always bounded.

A node's label, its id, a model's name and a file name come from a file the
user opened; Qt would read ``<img src="...">`` in them as rich text and load
the file it names. So every label that shows them is :func:`plain`, every
rich-text string escapes them (:func:`escape`), and tooltips, which Qt
treats as rich text whenever they look like it, go through :func:`tooltip`.
Long text is cut before it reaches Qt (:func:`clip`) and elided to the room
it has (:func:`elide`), so a 100,000-character label costs no more than a short one.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontMetricsF
from PySide6.QtWidgets import QLabel

#: More characters than any line on screen can hold; longer text is cut before it is measured.
MAX_SHOWN = 240


def clip(text: str, limit: int = MAX_SHOWN) -> str:
    """``text`` cut to ``limit`` characters, the cut marked by an ellipsis.

    >>> clip("W3"), clip("x" * 10, 5)
    ('W3', 'xxxx…')
    """
    return text if len(text) <= limit else text[: limit - 1] + "…"


def one_line(text: str, limit: int = MAX_SHOWN) -> str:
    """``text`` on one line (newlines and tabs become spaces, other control characters go), clipped.

    >>> one_line("two\\nlines\\x00")
    'two lines'
    """
    words = "".join(ch if ch.isprintable() or ch.isspace() else "" for ch in clip(text, 4 * limit)).split()
    return clip(" ".join(words), limit)


def escape(text: str, limit: int = MAX_SHOWN) -> str:
    """``text`` clipped and escaped for a rich-text string: ``<b>`` shows as ``<b>``.

    >>> escape('<img src="/dev/zero">')
    '&lt;img src=&quot;/dev/zero&quot;&gt;'
    """
    return html.escape(clip(text, limit))


def tooltip(text: str, limit: int = 4 * MAX_SHOWN) -> str:
    """A tooltip that shows ``text`` literally (Qt reads a tooltip as HTML when it looks like HTML).

    >>> tooltip("<b>bold</b> · matmul")
    '<p style="white-space:pre-wrap">&lt;b&gt;bold&lt;/b&gt; · matmul</p>'
    >>> tooltip("")
    ''
    """
    if not text:
        return ""
    return f'<p style="white-space:pre-wrap">{escape(text, limit)}</p>'


def elide(text: str, font: QFont, width: float) -> str:
    """``text`` elided on the right to ``width`` pixels in ``font`` (clipped first: bounded time)."""
    return QFontMetricsF(font).elidedText(one_line(text), Qt.TextElideMode.ElideRight, width)


def plain(label: QLabel) -> QLabel:
    """Make ``label`` show its text as plain text, whatever it contains; returns it."""
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label
