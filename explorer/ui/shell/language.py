"""Changing the window's language while it is open: View → Language applies at once.

:func:`switch_language` installs the chosen catalogue
(:func:`~explorer.ui.text.i18n.install_translator`); Qt then sends every
widget a ``LanguageChange`` event, and the main window's ``changeEvent``
calls :func:`retranslate_window`. That does two things:

- every text a widget shows that came from the catalogue (a menu entry, a
  tooltip, a dock's or a tab's title, a label, a combo box's items) is looked
  up by the text itself (:func:`~explorer.ui.text.i18n.retranslated`: the
  recording translator remembers where each came from) and set in the new
  language; a tooltip that ends in its keys (``Step (Right)``) keeps them;
- the views that compose their texts from the model (the step line, the
  inspector, the canvas, the toolbars, the lab) redraw, as after an edit.

Nothing is rebuilt and nothing the user had is lost: the document, the pass,
the selection, the undo history and the layout stay as they were.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from functools import partial

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, QObject, Qt
from PySide6.QtGui import QAction, QUndoGroup
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDoubleSpinBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
    QSpinBox,
    QTabBar,
    QWidget,
)

from explorer.ui.shell.actions import plain_text
from explorer.ui.text.i18n import generation, install_translator, recompose, source_of, translate

TIP = Qt.ItemDataRole.ToolTipRole
#: A tooltip that ends in the action's keys: ``Step (Right)``.
_KEYS = re.compile(r"^(?P<head>.*\S) (?P<keys>\([^()]*\))$", re.DOTALL)


def switch_language(choice: str, app: QApplication | None = None) -> str:
    """Install the catalogue of ``choice`` (``"system"``, ``"en"``, ``"ko"``) now; returns the language shown.

    Qt's ``LanguageChange`` events then reach every window, which retranslates itself.
    """
    app = app or QApplication.instance()  # type: ignore[assignment]
    language = install_translator(choice, app)
    QCoreApplication.sendPostedEvents(None, QEvent.Type.LanguageChange)  # every widget's changeEvent, now
    return language


def _contexts(obj: QObject) -> tuple[str, ...]:
    """The catalogue contexts a text of ``obj`` may come from: the names of its own classes and its parents'.

    Qt's classes are left out: PySide's ``tr`` also asks under ``QObject`` when
    the class's own context has no translation, which would win otherwise.
    """
    names: list[str] = []
    current: QObject | None = obj
    while current is not None and len(names) < 40:
        names += [cls.__name__ for cls in type(current).__mro__ if cls.__module__.startswith("explorer")]
        current = current.parent()
    return tuple(names)


Maker = Callable[[], str]


def _maker(text: str, contexts: tuple[str, ...]) -> Maker | None:
    """How to write ``text`` in whatever language is installed, or None (not a catalogue's text).

    A trailing ``(keys)`` is kept as it is.
    """
    if not text:
        return None
    key = source_of(text, contexts)
    if key is not None:
        return partial(QCoreApplication.translate, *key)
    match = _KEYS.match(text)
    if match is not None and (key := source_of(match["head"], contexts)) is not None:
        head, keys = partial(QCoreApplication.translate, *key), match["keys"]
        return lambda: f"{head()} {keys}"
    return None


def _set(obj: QObject, slot: str, getter: Maker, setter: Callable[[str], object], contexts: tuple[str, ...]) -> int:
    """Write ``obj``'s text ``slot`` (read by ``getter``) in the installed language; 1 if it changed.

    What made the text is remembered on the object, so that a text two sources
    share in one language (활성함수) goes back to the right one in the other.
    """
    old = getter()
    memory: dict[str, tuple[Maker, str]] | None = getattr(obj, "_language_makers", None)
    if memory is None:
        memory = {}
        obj._language_makers = memory  # type: ignore[attr-defined]
    remembered = memory.get(slot)
    make = remembered[0] if remembered is not None and remembered[1] == old else _maker(old, contexts)
    if make is None:
        return 0
    new = make()
    memory[slot] = (make, new)
    if new == old:
        return 0
    setter(new)
    return 1


def retranslate_action(action: QAction, contexts: tuple[str, ...]) -> int:
    """An action's text, tooltip and status tip in the installed language; returns how many changed."""
    if recompose(action):  # a text put together from pieces: made again
        return 1
    old_text, old_tip = action.text(), action.toolTip()
    changed = _set(action, "text", action.text, action.setText, contexts)
    tip_changed = _set(action, "toolTip", action.toolTip, action.setToolTip, contexts)
    if changed and old_tip and not tip_changed:  # a tooltip made from the text: made again from the new one
        match = _KEYS.match(old_tip)
        head, keys = (match["head"], f" {match['keys']}") if match else (old_tip, "")
        if head == plain_text(old_text):
            action.setToolTip(plain_text(action.text()) + keys)
    changed += tip_changed + _set(action, "statusTip", action.statusTip, action.setStatusTip, contexts)
    return changed


def retranslate_widget(widget: QWidget) -> int:
    """The texts ``widget`` itself shows, in the installed language; returns how many changed."""
    contexts = _contexts(widget)
    changed = recompose(widget)
    changed += _set(widget, "windowTitle", widget.windowTitle, widget.setWindowTitle, contexts)
    changed += _set(widget, "toolTip", widget.toolTip, widget.setToolTip, contexts)
    changed += _set(widget, "statusTip", widget.statusTip, widget.setStatusTip, contexts)
    changed += _set(widget, "accessibleName", widget.accessibleName, widget.setAccessibleName, contexts)
    if isinstance(widget, QLabel | QAbstractButton):
        changed += _set(widget, "text", widget.text, widget.setText, contexts)
    if isinstance(widget, QGroupBox):
        changed += _set(widget, "title", widget.title, widget.setTitle, contexts)
    if isinstance(widget, QMenu):
        changed += _set(widget, "title", widget.title, widget.setTitle, contexts)
    if isinstance(widget, QLineEdit):
        changed += _set(widget, "placeholderText", widget.placeholderText, widget.setPlaceholderText, contexts)
    if isinstance(widget, QSpinBox | QDoubleSpinBox):
        changed += _set(widget, "prefix", widget.prefix, widget.setPrefix, contexts)
        changed += _set(widget, "suffix", widget.suffix, widget.setSuffix, contexts)
    if isinstance(widget, QAbstractSpinBox):
        changed += _set(widget, "specialValueText", widget.specialValueText, widget.setSpecialValueText, contexts)
    owner = widget.parentWidget()
    if isinstance(widget, QTabBar) and owner is not None and hasattr(owner, "full_text") and hasattr(owner, "fit_tab_texts"):
        # tabs that show a short name when the bar is narrow (Gradient · 변화도 → Gradient): their whole names
        for i in range(widget.count()):
            changed += _set(owner, f"tab {i}", partial(owner.full_text, i), partial(widget.setTabText, i), contexts)
        owner.fit_tab_texts()
    elif isinstance(widget, QTabBar):
        for i in range(widget.count()):
            changed += _set(widget, f"tab {i}", partial(widget.tabText, i), partial(widget.setTabText, i), contexts)
            changed += _set(widget, f"tab tip {i}", partial(widget.tabToolTip, i), partial(widget.setTabToolTip, i), contexts)
    if isinstance(widget, QComboBox):
        combo = widget
        for i in range(combo.count()):
            changed += _set(combo, f"item {i}", partial(combo.itemText, i), partial(combo.setItemText, i), contexts)

            def item_tip(i: int = i) -> str:
                return str(combo.itemData(i, TIP) or "")

            def set_item_tip(text: str, i: int = i) -> None:
                combo.setItemData(i, text, TIP)

            changed += _set(combo, f"item tip {i}", item_tip, set_item_tip, contexts)
    return changed


def retranslate_tree(roots: Iterable[QWidget]) -> int:
    """Every widget and action under ``roots`` in the installed language; returns how many texts changed."""
    changed = 0
    seen: dict[int, QAction] = {}  # held, so that no id is reused while the walk lasts
    for root in roots:
        widgets = [root, *root.findChildren(QWidget)]
        for widget in widgets:
            changed += retranslate_widget(widget)
        actions = [a for w in widgets for a in w.actions()] + root.findChildren(QAction)
        for action in actions:
            if id(action) not in seen:
                seen[id(action)] = action
                changed += retranslate_action(action, _contexts(action))
    return changed


def _renew_undo_actions(window: QWidget, group: QUndoGroup) -> int:
    """Edit → Undo and Redo made again: Qt keeps the prefix (``&Undo``) they were made with for every later step."""
    renewed = 0
    for attribute, make, word in (
        ("undo_action", group.createUndoAction, str(QT_TRANSLATE_NOOP("MainWindow", "&Undo"))),
        ("redo_action", group.createRedoAction, str(QT_TRANSLATE_NOOP("MainWindow", "&Redo"))),
    ):
        old = getattr(window, attribute, None)
        if not isinstance(old, QAction):
            continue
        new = make(window, translate("MainWindow", word))
        new.setShortcuts(old.shortcuts())
        for holder in old.associatedObjects():
            if isinstance(holder, QWidget):
                holder.insertAction(old, new)
                holder.removeAction(old)
        setattr(window, attribute, new)
        old.deleteLater()
        renewed += 1
    return renewed


def retranslate_window(window: QWidget) -> int:
    """The main window in the installed language: its texts (:func:`retranslate_tree`), then its views.

    The views redraw from the model as after an edit (the controller's
    ``model_changed`` then ``step_changed``), composing their lines anew: the
    step line, the inspector, the canvas's boxes, the toolbars, the lab.
    Returns how many fixed texts changed.
    """
    if getattr(window, "_language_generation", None) == generation():
        return 0  # Qt sends one event per translator installed or removed: one retranslation is enough
    window._language_generation = generation()  # type: ignore[attr-defined]
    changed = retranslate_tree([window])
    controller = getattr(window, "controller", None)
    if controller is not None:
        changed += _renew_undo_actions(window, controller.undo_group)
    if controller is not None and window.isVisible():
        controller.model_changed.emit()
        controller.step_changed.emit()
        update_title = getattr(window, "update_title", None)
        if update_title is not None:
            update_title()
    return changed
