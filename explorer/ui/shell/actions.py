"""Making the window's actions and menus: the pieces, not the window's list of them.

The main window declares each of its actions where it is built
(:meth:`MainWindow._make_actions <explorer.ui.shell.main_window.MainWindow>`)
with :func:`make_action`, which puts the keys in the tooltip, and lays out
its menu bar with :func:`fill_menu` and :func:`choice_menu`.
:func:`layer_menu` is the "+ Layer" button's menu, and :func:`shortcut_rows`
lists every action that has keys, for Help → Keyboard shortcuts (F1). Texts
go through the catalogue's ``MainWindow`` context.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from functools import partial

from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMenu, QWidget

from explorer.ui.kit.settings import LANGUAGES, THEMES
from explorer.ui.text.i18n import composed, translate

Shortcut = str | QKeySequence | QKeySequence.StandardKey


def keys_text(action: QAction) -> str:
    """All of an action's shortcuts, as the platform writes them (``Ctrl+Y, Ctrl+Shift+Z``)."""
    native = QKeySequence.SequenceFormat.NativeText
    return ", ".join(key.toString(native) for key in action.shortcuts() if not key.isEmpty())


def first_binding(key: QKeySequence.StandardKey) -> list[QKeySequence]:
    """A standard key's first binding: the others are media keys ("Save", "Open") nobody reads as shortcuts."""
    return QKeySequence.keyBindings(key)[:1]


def plain_text(text: str) -> str:
    """An action's text without its mnemonic (``&Save``, ``저장(&S)``) or closing ellipsis: its tooltip.

    >>> plain_text("&Open…"), plain_text("열기(&O)…")
    ('Open', '열기')
    """
    return re.sub(r"\(&\w\)", "", text).replace("&", "").rstrip("…").strip()


def make_action(
    parent: QWidget,
    text: str,
    slot: Callable[..., object],
    shortcut: Shortcut | list[Shortcut] | None = None,
    tip: str = "",
) -> QAction:
    """An action of ``parent`` (``text`` and ``tip`` already translated), its keys in the tooltip."""
    action = QAction(text, parent)
    shortcuts = shortcut if isinstance(shortcut, list) else [shortcut] if shortcut is not None else []
    keys: list[QKeySequence] = []
    for one in shortcuts:
        found = first_binding(one) if isinstance(one, QKeySequence.StandardKey) else [QKeySequence(one)]
        keys += [key for key in found if key not in keys]
    action.setShortcuts(keys)
    plain = tip or plain_text(text)
    action.setToolTip(f"{plain} ({keys_text(action)})" if keys else plain)
    action.triggered.connect(slot)
    parent.addAction(action)
    return action


def fill_menu(menu: QMenu, items: Iterable[QAction | QMenu | None]) -> QMenu:
    """Add ``items`` to ``menu`` in order: an action, a submenu, or None for a separator."""
    for item in items:
        if item is None:
            menu.addSeparator()
        elif isinstance(item, QMenu):
            menu.addMenu(item)
        else:
            menu.addAction(item)
    return menu


def choice_menu(menu: QMenu, titles: dict[str, str], chosen: str, slot: Callable[[str], None]) -> QActionGroup:
    """One checkable entry per ``titles`` item (value → title), ``chosen`` checked; a pick calls ``slot(value)``."""
    group = QActionGroup(menu)
    group.setExclusive(True)
    for value, title in titles.items():
        action = menu.addAction(title)
        action.setCheckable(True)
        action.setChecked(value == chosen)
        action.setData(value)
        action.triggered.connect(lambda _checked=False, v=value: slot(v))
        group.addAction(action)
    return group


def theme_titles() -> dict[str, str]:
    """View → Theme's entries: system, light, dark."""
    titles = (
        translate("MainWindow", "Follow the system"),
        translate("MainWindow", "Light"),
        translate("MainWindow", "Dark"),
    )
    return dict(zip(THEMES, titles, strict=True))


def language_titles() -> dict[str, str]:
    """View → Language's entries: system, English, Korean (each in its own language)."""
    titles = (translate("MainWindow", "Follow the system"), translate("MainWindow", "English"), "한국어")
    return dict(zip(LANGUAGES, titles, strict=True))


def examples_menu(parent: QWidget, open_example: Callable[[str], object]) -> QMenu:
    """File → Examples: every bundled example with its description."""
    from explorer.model.examples import EXAMPLES  # the model's modules: after the window's first frame

    menu = QMenu(translate("MainWindow", "E&xamples"), parent)
    for name in EXAMPLES:
        action = menu.addAction(name)
        composed(action, "setText", partial(_example_entry, name))  # worded again when the language changes
        action.setData(name)
        action.triggered.connect(lambda _checked=False, n=name: open_example(n))
    return menu


def _example_entry(name: str) -> str:
    from explorer.ui.text.example_text import example_description

    return f"{name} — {example_description(name)}"


def _then_text(activation: str) -> str:
    from explorer.ui.text.op_names import op_title

    return translate("MainWindow", "Add layer before the output layer, then {activation}").format(
        activation=op_title(activation)
    )


def layer_menu(parent: QWidget, add_end: QAction, insert: QAction, add_with: Callable[[str], object]) -> QMenu:
    """The "+ Layer" button's menu: before the output layer (with each activation), before the selected one."""
    from explorer.ops import ACTIVATIONS

    menu = QMenu(parent)
    menu.addAction(add_end)
    for name in ACTIVATIONS:
        if name != "identity":
            action = menu.addAction(name, partial(add_with, name))
            composed(action, "setText", partial(_then_text, name))
    menu.addSeparator()
    menu.addAction(insert)
    return menu


#: An action's property: its name in Help → Keyboard shortcuts when its text changes (Undo names the last edit).
KEYS_NAME = "keys_name"


def shortcut_rows(widget: QWidget) -> list[tuple[str, str]]:
    """(what it does, keys) of every action of ``widget`` that has keys, in the order they were added.

    An action whose text says what it would do now (``Redo Set layer 2 width to 4``) is listed by its
    :data:`KEYS_NAME` (``Redo``).
    """
    rows: list[tuple[str, str]] = []
    seen: set[int] = set()
    for action in widget.actions():
        keys = keys_text(action)
        if keys and id(action) not in seen:
            seen.add(id(action))
            rows.append((action.property(KEYS_NAME) or action.text(), keys))
    return rows
