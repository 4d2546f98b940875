"""The step icons are drawn in the theme's text colour."""

import pytest
from PySide6.QtGui import QColor

from explorer.ui.kit.icons import SHAPES, make_icon


@pytest.mark.parametrize("kind", sorted(SHAPES))
def test_every_icon_is_drawn_in_the_colour_asked(qapp, kind):
    image = make_icon(kind, QColor("#ff0000")).pixmap(32, 32).toImage()
    colours = {image.pixelColor(x, y).name() for x in range(32) for y in range(32) if image.pixelColor(x, y).alpha() == 255}
    assert colours == {"#ff0000"}  # opaque pixels exist, and all are the colour asked for


def test_window_icons_follow_the_theme(window):
    light = window.step_action.icon().pixmap(32, 32).toImage()
    window.toggle_theme(True)
    dark = window.step_action.icon().pixmap(32, 32).toImage()
    window.toggle_theme(False)
    assert light != dark
