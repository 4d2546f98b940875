"""Where the lab's actions go in the window's menus, found by what those menus already hold.

Apply update and Train… join the Step menu, Export plots… the File menu's
exports, the docks' switches the View menu: no new top-level menu. A menu is
found by one of the window's actions it holds (the Step menu holds
``window.step_actions``), so the lookup does not depend on the language of
the titles; :class:`MenuAnchors` names those actions.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow, QMenu, QMenuBar


class MenuAnchors(Protocol):
    """The main window's actions the lab's entries go next to (:class:`~explorer.ui.shell.main_window.MainWindow`)."""

    @property
    def step_actions(self) -> Sequence[QAction]: ...

    @property
    def export_action(self) -> QAction: ...

    @property
    def copy_image_action(self) -> QAction: ...

    @property
    def fit_action(self) -> QAction: ...

    @property
    def zoom_out_action(self) -> QAction: ...

    def menuBar(self) -> QMenuBar: ...  # noqa: N802 (Qt's name)


def menu_holding(window: QMainWindow | MenuAnchors, action: QAction) -> QMenu | None:
    """The top-level menu of ``window`` that holds ``action``, or ``None``."""
    for top in window.menuBar().actions():
        menu = top.menu()
        if isinstance(menu, QMenu) and action in menu.actions():
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
    window: MenuAnchors, steps: Sequence[QAction], exports: Sequence[QAction], views: Sequence[QAction]
) -> list[QMenu]:
    """Put the lab's step actions, export actions and dock switches into the window's menus; the menus used."""
    step_menu = menu_holding(window, window.step_actions[-1])
    file_menu = menu_holding(window, window.export_action)
    view_menu = menu_holding(window, window.fit_action)
    if step_menu is None or file_menu is None or view_menu is None:
        raise LookupError("the window's Step, File and View menus hold its step, export and fit actions")
    insert_after(step_menu, step_menu.actions()[-1], steps)
    insert_after(file_menu, window.copy_image_action, exports, separator=False)
    insert_after(view_menu, window.zoom_out_action, views)
    return [step_menu, file_menu, view_menu]
