"""Every character the window can show is drawn in the window's font: no blank, no missing-glyph box.

The characters come from where the window's text comes from: the Korean
catalogue (English sources and Korean translations), the op table's titles,
formulas and closed forms, the explanations and step lines of every bundled
example at every node, the number formatter's output over extreme values, the
plots' tick strings, and a window itself, walked in both languages. Each is
checked twice: against the bundled font files in the window's order of
families (the first that maps a character must draw ink), and by rendering it
with ``QPainter`` in the application's font.
"""

from __future__ import annotations

import math
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QAbstractButton, QComboBox, QLabel, QPlainTextEdit, QTabBar, QTextEdit, QWidget

from explorer.engine import EngineError, Session
from explorer.export.explanation import explain
from explorer.lesson import describe_step
from explorer.model import load_model
from explorer.model.numbers import exact, shown
from explorer.ops import OPS
from explorer.resources import resources_dir
from explorer.ui.kit.theme import FONT_FAMILIES, load_fonts
from explorer.ui.shell.app import make_app
from explorer.ui.text.i18n import install_translator, remove_translators
from tests.ui.glyphs import bundled_raw_fonts, described, drawn_by, ink, looked_at, undrawn, window_font

ROOT = Path(__file__).resolve().parents[2]
TS_FILE = ROOT / "resources" / "i18n" / "explorer_ko.ts"
EXAMPLES = sorted((resources_dir() / "examples").glob("*.json"))
#: The characters the issue found blank in NanumSquare; each must be drawn now.
ONCE_BLANK = "≈⁽⁾⁻⁺⊗⊤"
#: Signs the lecture's notation uses that the window may show (superscripts, subscripts, operators).
NOTATION = "∂∇∑ᵀ₀₁₂₃₄₅₆₇₈₉⁰¹²³⁴⁵⁶⁷⁸⁹ⁱⁿᵢⱼₖ✓✗×·−→←⊙∘‖≤≥≠∈…ŶŷδηθσλΣ′√∞±"


def catalogue_texts() -> list[str]:
    root = ET.parse(TS_FILE).getroot()
    texts = [el.text or "" for el in root.iter("source")]
    for translation in root.iter("translation"):
        texts.append(translation.text or "")
        texts.extend(form.text or "" for form in translation.iter("numerusform"))
    return texts


def op_texts() -> list[str]:
    texts = []
    for op in OPS.values():
        texts += [op.title, op.description, op.formula, op.symbol, *op.closed_form.values()]
    return texts


def lesson_texts(path: Path) -> list[str]:
    """The step lines and the explanations (text and Markdown) of every node, along one whole pass."""
    session = Session(load_model(path))
    texts = [describe_step(session.model, None)]
    while (step := session.step()) is not None:
        texts.append(describe_step(session.model, step, session.total))
    for node in session.model.order:
        for fmt in ("text", "markdown"):
            try:
                texts.append(explain(session, node, fmt))
            except EngineError as refused:  # a node the chain rule does not reach: its refusal is shown instead
                texts.append(str(refused))
    return texts


def number_texts() -> list[str]:
    values = [0.0, 1.0, -1.0, 0.1, -0.7, 1e-300, 5e-324, 1e27, -1e27, 1.7976931348623157e308, math.inf, -math.inf, math.nan]
    values += [s * 10.0**k * m for k in range(-320, 309, 7) for m in (1.0, 2.5, 7.123456) for s in (1, -1)]
    return [f(v) for v in values for f in (shown, exact)]


def tick_texts() -> list[str]:
    from explorer.ui.lab.ticks import log_tick_strings, tick_strings

    texts = []
    for low, high in [(1e-300, 1e27), (-1e27, 1e27), (0.0, 1.0), (-6.0, 6.0), (0.59, 0.71), (1e-5, 3e-5), (-2e-300, 1e-300)]:
        spacing = (high - low) / 5
        values = [low + i * spacing for i in range(6)]
        texts += tick_strings(values, spacing)
    texts += log_tick_strings([float(k) for k in range(-300, 28)] + [k + 0.30103 for k in range(-10, 10)])
    return texts


def assert_drawn(chars: set[str], where: str) -> None:
    for bold in (False, True):
        problems = undrawn(chars, bundled_raw_fonts(bold))
        weight = "bold" if bold else "regular"
        assert not problems, f"{where}, {weight}: " + "; ".join(f"{described(ch)}: {why}" for ch, why in problems.items())


def test_the_bundled_fonts_load_into_the_window(qapp):  # pytest-qt's application, as every window test has
    make_app()
    assert set(FONT_FAMILIES) <= set(load_fonts())
    assert list(qapp.font().families()[: len(FONT_FAMILIES)]) == list(FONT_FAMILIES)
    assert set(FONT_FAMILIES) <= set(QFontDatabase.families())


def test_the_signs_nanumsquare_leaves_blank_are_drawn():
    assert_drawn(set(ONCE_BLANK + NOTATION), "the lecture's signs")


def test_the_checker_sees_a_blank_glyph():
    """The check can fail: NanumSquare alone leaves ≈ and ⊗ blank, and knows no ✓."""
    nanum_only = bundled_raw_fonts()[1:]
    problems = undrawn(set("≈⊗✓가"), nanum_only)
    assert problems["≈"].startswith("blank")
    assert problems["⊗"].startswith("blank")
    assert problems["✓"] == "missing"
    assert "가" not in problems


def test_every_character_of_the_catalogue_is_drawn():
    assert_drawn(set().union(*map(looked_at, catalogue_texts())), "the catalogue explorer_ko.ts")


def test_every_character_of_the_op_table_is_drawn():
    assert_drawn(set().union(*map(looked_at, op_texts())), "the op table")


@pytest.mark.parametrize("path", EXAMPLES, ids=[p.stem for p in EXAMPLES])
def test_every_character_of_an_examples_explanations_is_drawn(path):
    assert_drawn(set().union(*map(looked_at, lesson_texts(path))), f"the explanations of {path.name}")


def test_every_character_the_number_formatter_writes_is_drawn():
    assert_drawn(set().union(*map(looked_at, number_texts())), "the numbers")


def test_every_character_of_the_tick_strings_is_drawn():
    assert_drawn(set().union(*map(looked_at, tick_texts())), "the plots' ticks")


def test_every_character_renders_ink_in_the_window_font_from_a_bundled_family(qapp):  # pytest-qt's application, as every window test has
    """Drawn with QPainter in the application's font, each character darkens pixels, and Qt took it from a bundled file."""
    make_app()
    texts = catalogue_texts() + op_texts() + number_texts() + tick_texts()
    chars = set(ONCE_BLANK + NOTATION).union(*map(looked_at, texts))
    assert len(chars) > 500  # the catalogue's Hangul among them
    for bold in (False, True):
        font = window_font(bold=bold)
        blank = [described(ch) for ch in sorted(chars) if ink(ch, font) == 0]
        assert not blank, f"drawn blank in the window's font ({'bold' if bold else 'regular'}): {blank}"
        elsewhere = {described(ch): families for ch in sorted(chars) if not set(families := drawn_by(ch, font)) <= set(FONT_FAMILIES)}
        assert not elsewhere, f"drawn by a font that is not bundled: {elsewhere}"


def test_rendering_sees_a_blank_glyph(qapp):  # pytest-qt's application, as every window test has
    """The renderer check can fail: NanumSquare's ≈ leaves the image white, its 가 does not."""
    make_app()
    font = window_font()
    font.setFamilies(["NanumSquare"])
    assert ink("≈", font) == 0
    assert ink("가", font) > 0


TAGS = re.compile("<[^>]+>")


def window_texts(win) -> list[str]:
    """What the window shows: widgets' texts and tooltips, actions, tabs, combo items, documents."""
    texts = [win.windowTitle()]
    for widget in win.findChildren(QWidget):
        texts += [widget.toolTip(), widget.windowTitle(), widget.statusTip()]
        if isinstance(widget, QLabel | QAbstractButton):
            texts.append(widget.text())
        elif isinstance(widget, QTextEdit | QPlainTextEdit):
            texts.append(widget.toPlainText())
        elif isinstance(widget, QTabBar):
            texts += [widget.tabText(i) for i in range(widget.count())] + [widget.tabToolTip(i) for i in range(widget.count())]
        elif isinstance(widget, QComboBox):
            texts += [widget.itemText(i) for i in range(widget.count())]
        for action in widget.actions():
            texts += [action.text(), action.toolTip(), action.statusTip()]
            if action.menu() is not None:
                texts += [a.text() for a in action.menu().actions()] + [a.toolTip() for a in action.menu().actions()]
    return [TAGS.sub(" ", t) for t in texts if t]


@pytest.mark.parametrize("language", ["en", "ko"])
def test_a_window_walked_through_a_pass_shows_only_drawn_characters(qapp, make_window, language):
    assert install_translator(language, qapp) == language
    try:
        win = make_window()
        texts = window_texts(win)
        for _ in range(7):
            win.controller.step()
            texts += window_texts(win)
        win.controller.run_to_end()
        for node in win.controller.model.order:
            win.controller.select(node)
            texts += window_texts(win)
    finally:
        remove_translators(qapp)
    chars = set().union(*map(looked_at, texts))
    assert len(chars) > 60
    assert_drawn(chars, f"the window in {language}")
