"""Whether a character is drawn: read from the bundled font files, and rendered in the window's font.

Qt takes each character from the first family of the font's list that maps
it to a glyph, even a blank one (NanumSquare maps ≈ and ⊗ to empty glyphs).
:func:`undrawn` repeats that choice over the bundled files themselves, so the
answer does not depend on the fonts this machine happens to have; :func:`ink`
renders a character with ``QPainter`` and counts the pixels it darkened.
"""

from __future__ import annotations

import unicodedata

import numpy as np
from PySide6.QtCore import QPointF
from PySide6.QtGui import QColor, QFont, QImage, QPainter, QRawFont, QTextLayout

from explorer.resources import resources_dir
from explorer.ui.kit.theme import FONT_FAMILIES, FONT_FILES

PIXELS = 32  # the size the glyphs are looked at


def bundled_raw_fonts(bold: bool = False) -> list[QRawFont]:
    """The bundled fonts in the window's order of families, regular or bold, read from their files."""
    folder = resources_dir() / "fonts"
    fonts = []
    for family in FONT_FAMILIES:
        regular, heavy = FONT_FILES[family]
        raw = QRawFont(str(folder / (heavy if bold else regular)), PIXELS)
        assert raw.isValid(), f"the bundled font {heavy if bold else regular} does not load"
        fonts.append(raw)
    return fonts


def looked_at(text: str) -> set[str]:
    """The characters of ``text`` that draw something: not spaces, not control or format characters."""
    return {ch for ch in text if not ch.isspace() and unicodedata.category(ch) not in ("Cc", "Cf", "Zs", "Zl", "Zp")}


def undrawn(chars: set[str], fonts: list[QRawFont]) -> dict[str, str]:
    """Each character none of ``fonts`` draws: ``"missing"`` (no glyph: a box or a system font) or ``"blank"``."""
    found = {}
    for ch in sorted(chars):
        code = ord(ch)
        first = next((raw for raw in fonts if raw.supportsCharacter(code)), None)
        if first is None:
            found[ch] = "missing"
            continue
        glyphs = first.glyphIndexesForString(ch)
        if not glyphs or all(first.pathForGlyph(g).isEmpty() for g in glyphs):
            found[ch] = f"blank in {first.familyName()}"
    return found


def ink(text: str, font: QFont) -> int:
    """How many pixels ``text`` darkens, drawn black in ``font`` on a white image."""
    image = QImage(4 * PIXELS, 2 * PIXELS, QImage.Format.Format_Grayscale8)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setFont(font)
    painter.setPen(QColor("black"))
    painter.drawText(QPointF(PIXELS / 2, 1.4 * PIXELS), text)
    painter.end()
    pixels = np.frombuffer(image.constBits(), dtype=np.uint8, count=image.sizeInBytes()).reshape(image.height(), -1)
    return int((pixels[:, : image.width()] < 160).sum())


def drawn_by(text: str, font: QFont) -> list[str]:
    """The families Qt picks for ``text`` in ``font`` (its glyph runs after layout)."""
    layout = QTextLayout(text, font)
    layout.beginLayout()
    layout.createLine()
    layout.endLayout()
    return [run.rawFont().familyName() for run in layout.glyphRuns()]


def described(ch: str) -> str:
    """``'≈' U+2248 ALMOST EQUAL TO``: a character named so that a failure says which."""
    return f"{ch!r} U+{ord(ch):04X} {unicodedata.name(ch, '?')}"


def window_font(pixels: int = PIXELS, bold: bool = False) -> QFont:
    """The application's font (the window's), at ``pixels``."""
    from PySide6.QtWidgets import QApplication

    font = QFont(QApplication.font())
    font.setPixelSize(pixels)
    font.setBold(bold)
    font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    font.setStyleStrategy(QFont.StyleStrategy.PreferAntialias)
    return font

