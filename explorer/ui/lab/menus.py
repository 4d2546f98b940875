"""Where the lab's actions go in the window's menus, found by what those menus already hold.

Apply update and Train… join the Step menu, Export plots… the File menu's
exports, the docks' switches the View menu: no new top-level menu. A menu is
found by one of its actions (the Step menu holds ``window.step_actions``),
so the lookup does not depend on the language of the titles. A window
without those menus gets them in a menu of the lab's own.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow, QMenu

from explorer.ui.text.i18n import translate


def menu_holding(window: QMainWindow, action: QAction | None) -> QMenu | None:
    """The top-level menu of ``window`` that holds ``action``, or ``None``."""
    if action is None:
        return None
    for top in window.menuBar().actions():
        menu = top.menu()
        if menu is not None and action in menu.actions():
            return menu
    return None


def insert_after(menu: QMenu, anchor: QAction | None, actions: Sequence[QAction], separator: bool = True) -> None:
    """Put ``actions`` (after a separator) right after ``anchor`` in ``menu``, or at its end."""
    listed = menu.actions()
    following = (
        listed[listed.index(anchor) + 1] if anchor in listed and listed.index(anchor) + 1 < len(listed) else None
    )
    if following is None:
        if separator:
            menu.addSeparator()
        menu.addActions(list(actions))
        return
    if separator:
        menu.insertSeparator(following)
    menu.insertActions(following, list(actions))


def place_actions(
    window: QMainWindow, steps: Sequence[QAction], exports: Sequence[QAction], views: Sequence[QAction]
) -> list[QMenu]:
    """Put the lab's step actions, export actions and dock switches into the window's menus; the menus used."""
    step_actions = getattr(window, "step_actions", ())
    step_menu = menu_holding(window, step_actions[-1] if step_actions else None)
    file_menu = menu_holding(window, getattr(window, "export_action", None))
    view_menu = menu_holding(window, getattr(window, "fit_action", None))
    if step_menu is None or file_menu is None or view_menu is None:
        own = window.menuBar().addMenu(translate("LearningLab", "&Learn"))
        own.setObjectName("learn_menu")
        step_menu = file_menu = view_menu = own
    insert_after(step_menu, step_menu.actions()[-1] if step_menu.actions() else None, steps)
    file_anchor = getattr(window, "copy_image_action", None)
    insert_after(file_menu, file_anchor if file_anchor in file_menu.actions() else None, exports, separator=False)
    zoom = getattr(window, "zoom_out_action", None)
    insert_after(view_menu, zoom if zoom in view_menu.actions() else None, views)
    return list(dict.fromkeys([step_menu, file_menu, view_menu]))
