"""The palette: what each colour means, in a light and a dark theme.

Forward values are blue, gradients orange, nodes not reached grey, and the
current step's node carries a strong accent outline. Matrices use a
diverging colour map centred at zero (pyqtgraph's ``CET-D1``: blue for
negative, white/grey for zero, red for positive) with symmetric levels.
Every widget takes its colours from :func:`current_theme`, never literals.

The theme in force is one object, :func:`themes` (a :class:`ThemeManager`):
its ``changed`` signal tells every view to re-read the colours, so a switch
in a running window repaints every widget. Its ``choice`` is ``"system"``
(follow the platform's light or dark colour scheme, Qt 6.5+), ``"light"`` or
``"dark"`` (a manual override). The application palette (the window's chrome)
is set here too, by :func:`apply_palette`.

The window's fonts are here as well (:func:`load_fonts`, :func:`with_families`):
bundled DejaVu Sans Condensed for Latin, Greek and the mathematical signs,
bundled NanumSquare for Hangul, tried in that order for every character.
NanumSquare maps ≈ ⊗ ⊤ ⊕ ⁽ ⁾ ⁻ ⁺ to blank glyphs, so it must come second: Qt
takes a character from the first family that has a glyph for it, blank or not.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontDatabase, QFontMetricsF, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

from explorer.resources import resources_dir


@dataclass(frozen=True)
class Theme:
    name: str
    background: QColor  # canvas background
    panel: QColor  # node body when not reached
    text: QColor
    muted_text: QColor
    grid: QColor
    idle_border: QColor  # not reached: grey
    forward: QColor  # value known: blue
    forward_fill: QColor
    gradient: QColor  # gradient known: orange
    gradient_fill: QColor
    current: QColor  # the current step's node and edge
    edge: QColor
    error: QColor
    ok: QColor
    # the window's own chrome (menus, panels, fields, buttons)
    chrome: QColor
    field: QColor
    button: QColor
    colormap: str = "CET-D1"
    stroke: float = 1.0  # how thick the canvas draws its lines (presentation mode: thicker)


LIGHT = Theme(
    name="light",
    background=QColor("#fbfbfd"),
    panel=QColor("#ffffff"),
    text=QColor("#1d2330"),
    muted_text=QColor("#667085"),
    grid=QColor("#eceef3"),
    idle_border=QColor("#b8bec9"),
    forward=QColor("#1f6fd1"),
    forward_fill=QColor("#e3eefc"),
    gradient=QColor("#e8710a"),
    gradient_fill=QColor("#fdeedd"),
    current=QColor("#7b2fd0"),
    edge=QColor("#8a93a3"),
    error=QColor("#c62828"),
    ok=QColor("#2e7d32"),
    chrome=QColor("#efeff2"),
    field=QColor("#ffffff"),
    button=QColor("#e4e5ea"),
)

DARK = Theme(
    name="dark",
    background=QColor("#1b1e24"),
    panel=QColor("#262a33"),
    text=QColor("#e8eaf0"),
    muted_text=QColor("#9aa3b2"),
    grid=QColor("#2c313b"),
    idle_border=QColor("#5a6170"),
    forward=QColor("#5aa2ff"),
    forward_fill=QColor("#1f3452"),
    gradient=QColor("#ffa24d"),
    gradient_fill=QColor("#4a3320"),
    current=QColor("#c59bff"),
    edge=QColor("#8a93a3"),
    error=QColor("#ff6b6b"),
    ok=QColor("#7bd389"),
    chrome=QColor("#23262d"),
    field=QColor("#1b1e24"),
    button=QColor("#2c313b"),
)

THEMES = {"light": LIGHT, "dark": DARK}

#: The same meanings at high contrast, for a projector (presentation mode): darker or brighter
#: inks, text at full contrast, thick lines. Each keeps its theme's name.
HIGH_CONTRAST = {
    "light": replace(
        LIGHT, background=QColor("#ffffff"), text=QColor("#000000"), muted_text=QColor("#262a33"),
        grid=QColor("#d5d8df"), idle_border=QColor("#4a4f5a"), forward=QColor("#0047b3"),
        forward_fill=QColor("#d6e6ff"), gradient=QColor("#b34700"), gradient_fill=QColor("#ffe2c7"),
        current=QColor("#6200c4"), edge=QColor("#2f3540"), stroke=1.8,
    ),
    "dark": replace(
        DARK, background=QColor("#000000"), panel=QColor("#111418"), text=QColor("#ffffff"),
        muted_text=QColor("#e6e8ee"), grid=QColor("#30343c"), idle_border=QColor("#c3c9d4"),
        forward=QColor("#82bcff"), forward_fill=QColor("#10294d"), gradient=QColor("#ffb061"),
        gradient_fill=QColor("#4d2a0a"), current=QColor("#dcbcff"), edge=QColor("#d6dae2"),
        chrome=QColor("#0b0c0f"), field=QColor("#000000"), stroke=1.8,
    ),
}  # fmt: skip
#: What the theme setting may say: follow the system, or a theme by name.
CHOICES = ("system", "light", "dark")
_current: Theme = LIGHT


def current_theme() -> Theme:
    """The theme in force (light until something chooses otherwise)."""
    return _current


def set_theme(name: str) -> Theme:
    """Switch to the theme ``name`` (``"light"`` or ``"dark"``) as a manual choice; every view follows."""
    return themes().set(name)


def system_scheme() -> str:
    """``"dark"`` when the platform says its colour scheme is dark, else ``"light"``."""
    app = QGuiApplication.instance()
    if app is None:
        return "light"
    scheme = QGuiApplication.styleHints().colorScheme()
    return "dark" if scheme == Qt.ColorScheme.Dark else "light"


class ThemeManager(QObject):
    """The theme in force, and the user's choice of it.

    Signals
    -------
    changed(str)
        The theme in force became another one (its name); views re-read
        :attr:`current` and repaint.

    Examples
    --------
    >>> shown = []
    >>> connection = themes().changed.connect(shown.append)  # a view's repaint, say
    >>> themes().set("dark").name
    'dark'
    >>> themes().set("light").name
    'light'
    >>> shown
    ['dark', 'light']
    >>> themes().changed.disconnect(connection)
    True
    >>> themes().apply_choice("system").name  # following the platform again: light off-screen
    'light'
    """

    changed = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._choice = "system"
        self._watching = False
        self._contrast = False

    @property
    def high_contrast(self) -> bool:
        """Whether the theme in force is the high-contrast variant (presentation mode)."""
        return self._contrast

    def set_high_contrast(self, on: bool) -> Theme:
        """Show the high-contrast variant of the light or dark theme (or the plain one again)."""
        self._contrast = bool(on)
        return self._switch(_current.name)

    @property
    def current(self) -> Theme:
        """The theme in force."""
        return _current

    @property
    def choice(self) -> str:
        """``"system"``, ``"light"`` or ``"dark"``: what the user asked for."""
        return self._choice

    def set(self, name: str) -> Theme:
        """Choose the theme ``name`` by hand (a manual override of the system's scheme)."""
        if name not in THEMES:
            raise ValueError(f"unknown theme {name!r} (known: {', '.join(THEMES)})")
        return self.apply_choice(name)

    def apply_choice(self, choice: str) -> Theme:
        """Follow ``choice``: ``"system"`` tracks the platform's scheme, a theme name overrides it.

        An unknown choice is taken as ``"system"``. Returns the theme now in force.
        """
        self._choice = choice if choice in CHOICES else "system"
        self.watch_system()
        name = system_scheme() if self._choice == "system" else self._choice
        return self._switch(name)

    def watch_system(self) -> None:
        """Listen to the platform's colour-scheme changes (once there is an application)."""
        app = QGuiApplication.instance()
        if self._watching or app is None:
            return
        QGuiApplication.styleHints().colorSchemeChanged.connect(self.on_system_scheme_changed)
        self._watching = True

    def on_system_scheme_changed(self, scheme: Qt.ColorScheme | None = None) -> None:
        """The platform switched light or dark: follow it while the choice is ``"system"``."""
        if self._choice != "system":
            return
        if scheme is None:
            name = system_scheme()
        else:
            name = "dark" if scheme == Qt.ColorScheme.Dark else "light"
        self._switch(name)

    def _switch(self, name: str) -> Theme:
        global _current
        theme = (HIGH_CONTRAST if self._contrast else THEMES)[name]
        if theme is not _current:
            _current = theme
            app = QApplication.instance()
            if isinstance(app, QApplication):
                apply_palette(app)
            self.changed.emit(name)
        return _current


_manager: ThemeManager | None = None


def themes() -> ThemeManager:
    """The one :class:`ThemeManager` of the program."""
    global _manager
    if _manager is None:
        _manager = ThemeManager()
    return _manager


def apply_choice(choice: str) -> Theme:
    """Follow the theme setting ``choice`` (``"system"``, ``"light"`` or ``"dark"``): see :meth:`ThemeManager.apply_choice`."""
    return themes().apply_choice(choice)


def apply_palette(app: QApplication) -> None:
    """The Qt palette (menus, toolbars, fields, buttons) from the theme in force, light or dark."""
    theme = current_theme()
    palette = QPalette()
    if theme.name == "dark":
        roles = {
            QPalette.ColorRole.Window: theme.chrome,
            QPalette.ColorRole.WindowText: theme.text,
            QPalette.ColorRole.Base: theme.field,
            QPalette.ColorRole.AlternateBase: theme.panel,
            QPalette.ColorRole.Text: theme.text,
            QPalette.ColorRole.Button: theme.button,
            QPalette.ColorRole.ButtonText: theme.text,
            QPalette.ColorRole.ToolTipBase: theme.button,
            QPalette.ColorRole.ToolTipText: theme.text,
            QPalette.ColorRole.Highlight: theme.forward,
            QPalette.ColorRole.HighlightedText: theme.field,
            QPalette.ColorRole.PlaceholderText: theme.muted_text,
        }
        for role, colour in roles.items():
            palette.setColor(role, colour)
        palette.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.ButtonText, theme.muted_text)
        palette.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.WindowText, theme.muted_text)
    else:
        palette = app.style().standardPalette()
    app.setPalette(palette)


#: The window's font families in the order Qt tries them for a character: Latin, Greek and the
#: mathematical signs from DejaVu Sans Condensed (as wide as NanumSquare's Latin), Hangul from
#: NanumSquare. Both are bundled (``resources/fonts``), so every machine draws the same glyphs.
FONT_FAMILIES = ("DejaVu Sans Condensed", "NanumSquare")
#: The bundled font files, by family.
FONT_FILES = {
    "DejaVu Sans Condensed": ("DejaVuSansCondensed.ttf", "DejaVuSansCondensed-Bold.ttf"),
    "NanumSquare": ("NanumSquareR.ttf", "NanumSquareB.ttf"),
}


def font_files() -> list[Path]:
    """The bundled font files, in the order of :data:`FONT_FAMILIES` (regular before bold)."""
    folder = resources_dir() / "fonts"
    return [folder / name for family in FONT_FAMILIES for name in FONT_FILES[family]]


_loaded: list[str] = []


def load_fonts() -> list[str]:
    """Add the bundled fonts to the application's font database (once); returns the families loaded.

    A file that is missing or unreadable is left out: the window then draws with
    the system's fonts, as Qt finds them.
    """
    if not _loaded:
        try:
            paths = font_files()
        except FileNotFoundError:  # an install that lost its resources
            return []
        for path in paths:
            font_id = QFontDatabase.addApplicationFont(str(path)) if path.is_file() else -1
            if font_id >= 0:
                _loaded.extend(f for f in QFontDatabase.applicationFontFamilies(font_id) if f not in _loaded)
    return list(_loaded)


def with_families(font: QFont) -> QFont:
    """``font`` (size, weight kept) drawn in :data:`FONT_FAMILIES`, then its own family as a last resort."""
    font = QFont(font)
    own = font.family()
    font.setFamilies([*FONT_FAMILIES, *([own] if own and own not in FONT_FAMILIES else [])])
    return font


def mixed_line_height(font: QFont) -> int:
    """The height of a line in ``font`` that mixes the families (Latin and Hangul: ``value known (순전파)``).

    Such a line takes the larger ascent of one family and the larger descent of
    the other, a pixel or two more than a line in one family: a one-line label
    that must not change height with its text is given at least this much.
    """
    ascent = descent = 0.0
    for family in [font.family(), *FONT_FAMILIES]:
        each = QFont(font)
        each.setFamilies([family])
        metrics = QFontMetricsF(each)
        ascent, descent = max(ascent, metrics.ascent()), max(descent, metrics.descent())
    return math.ceil(ascent + descent)


def apply_fonts(app: QApplication) -> QFont:
    """Load the bundled fonts and make :data:`FONT_FAMILIES` the application's font; returns it."""
    load_fonts()
    font = with_families(app.font())
    app.setFont(font)
    for kind in _OWN_FONTS:  # a platform may give these their own font (a menu's, a tooltip's): its size, our families
        own = app.font(kind)  # type: ignore[call-overload]  # the stub says bytes; PySide6 takes only str here
        if own.families()[: len(FONT_FAMILIES)] != list(FONT_FAMILIES):
            app.setFont(with_families(own), kind)  # type: ignore[arg-type]  # the stub says bytes; PySide6 takes only str
    return font


#: Widget classes a platform theme may give a font of their own.
_OWN_FONTS = ("QMenu", "QMenuBar", "QTipLabel", "QMessageBox", "QComboMenuItem", "QHeaderView", "QDockWidgetTitle")
