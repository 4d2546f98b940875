"""The main window's actions and menus.

:func:`make_actions` creates every ``QAction`` of the window (as attributes
of the window, so tests and toolbars reach them by name) and
:func:`make_menus` puts them into the menu bar. Texts go through the
catalogue's ``MainWindow`` context. :func:`shortcut_rows` lists every action
that has keys, for Help → Keyboard shortcuts (F1).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMenu

from explorer.model import ACTIVATIONS
from explorer.model.examples import EXAMPLES
from explorer.ui.kit.settings import LANGUAGES, THEMES
from explorer.ui.shell.export_actions import export_code_dialog, export_derivation_dialog
from explorer.ui.text.i18n import translate
from explorer.ui.text.op_names import op_title

if TYPE_CHECKING:
    from explorer.ui.shell.main_window import MainWindow

Shortcut = str | QKeySequence | QKeySequence.StandardKey


def _keys_text(action: QAction) -> str:
    """All of an action's shortcuts, as the platform writes them (``Ctrl+Y, Ctrl+Shift+Z``)."""
    native = QKeySequence.SequenceFormat.NativeText
    return ", ".join(key.toString(native) for key in action.shortcuts() if not key.isEmpty())


def make_action(
    window: MainWindow,
    text: str,
    slot: Callable[..., object],
    shortcut: Shortcut | list[Shortcut] | None = None,
    tip: str = "",
) -> QAction:
    """An action of ``window`` (``text`` and ``tip`` already translated), its keys in the tooltip."""
    action = QAction(text, window)
    shortcuts = shortcut if isinstance(shortcut, list) else [shortcut] if shortcut is not None else []
    keys: list[QKeySequence] = []
    for one in shortcuts:
        # a standard key's first binding: the others are media keys ("Save", "Open") nobody reads as shortcuts
        found = QKeySequence.keyBindings(one)[:1] if isinstance(one, QKeySequence.StandardKey) else [QKeySequence(one)]
        keys += [key for key in found if key not in keys]
    action.setShortcuts(keys)
    plain = tip or text.replace("&", "").rstrip("…")
    action.setToolTip(f"{plain} ({_keys_text(action)})" if keys else plain)
    action.triggered.connect(slot)
    window.addAction(action)
    return action


def make_actions(window: MainWindow) -> None:
    """Create the window's actions as its attributes (``window.open_action`` …)."""
    w, c = window, window.controller
    files = window.files

    w.new_action = make_action(w, translate("MainWindow", "&New"), files.new, QKeySequence.StandardKey.New)
    w.open_action = make_action(w, translate("MainWindow", "&Open…"), files.open_dialog, QKeySequence.StandardKey.Open)
    w.save_action = make_action(w, translate("MainWindow", "&Save"), files.save, QKeySequence.StandardKey.Save)
    w.save_as_action = make_action(
        w, translate("MainWindow", "Save &As…"), files.save_as, QKeySequence.StandardKey.SaveAs
    )
    w.export_action = make_action(
        w,
        translate("MainWindow", "&Export snapshot…"),
        files.export_dialog,
        "Ctrl+E",
        translate("MainWindow", "Write snapshot.json, graph.png and graph.svg into a folder"),
    )
    w.export_derivation_action = make_action(
        w,
        translate("MainWindow", "Export &derivation…"),
        lambda: export_derivation_dialog(w),
        tip=translate("MainWindow", "Write derivation.md and derivation.tex (the chain rule at this step) into a folder"),
    )
    w.export_code_action = make_action(
        w,
        translate("MainWindow", "Export &code…"),
        lambda: export_code_dialog(w),
        tip=translate("MainWindow", "Write model_numpy.py and model_torch.py into a folder"),
    )
    w.copy_image_action = make_action(
        w, translate("MainWindow", "&Copy graph image"), files.copy_graph_image, "Ctrl+Shift+C"
    )
    w.quit_action = make_action(w, translate("MainWindow", "&Quit"), w.close, QKeySequence.StandardKey.Quit)

    w.undo_action = c.undo_group.createUndoAction(w, translate("MainWindow", "&Undo"))
    w.undo_action.setShortcuts(QKeySequence.keyBindings(QKeySequence.StandardKey.Undo)[:1])  # not the media keys
    w.redo_action = c.undo_group.createRedoAction(w, translate("MainWindow", "&Redo"))
    w.redo_action.setShortcuts([QKeySequence("Ctrl+Y"), QKeySequence("Ctrl+Shift+Z")])
    for action in (w.undo_action, w.redo_action):
        w.addAction(action)

    w.reset_action = make_action(
        w, translate("MainWindow", "Reset"), c.reset, "Home", translate("MainWindow", "Back to step 0")
    )
    w.back_action = make_action(
        w, translate("MainWindow", "Back"), c.back, "Left", translate("MainWindow", "Undo one step")
    )
    w.step_action = make_action(
        w,
        translate("MainWindow", "Step"),
        c.step,
        "Right",
        translate("MainWindow", "One step: next node forward (순전파), then backward (역전파)"),
    )
    w.forward_action = make_action(
        w,
        translate("MainWindow", "Run forward"),
        c.run_forward,
        "Shift+Right",
        translate("MainWindow", "Run the forward pass to the loss"),
    )
    w.end_action = make_action(
        w,
        translate("MainWindow", "Run to end"),
        c.run_to_end,
        "End",
        translate("MainWindow", "Run forward and backward to the end"),
    )
    w.play_action = make_action(
        w, translate("MainWindow", "Play"), c.toggle_play, "Space", translate("MainWindow", "Play or pause the steps")
    )
    w.play_action.setCheckable(True)
    w.step_actions = (w.reset_action, w.back_action, w.step_action, w.forward_action, w.end_action, w.play_action)

    w.add_end_action = make_action(
        w, translate("MainWindow", "Add layer before the output layer"), lambda: w.add_layer(None), "Ctrl+L"
    )
    w.insert_action = make_action(
        w, translate("MainWindow", "Insert layer before the selected one"), w.insert_before_selected, "Ctrl+Shift+L"
    )
    w.remove_action = make_action(
        w,
        translate("MainWindow", "− Remove layer"),
        w.remove_selected_layer,
        "Ctrl+Backspace",
        translate("MainWindow", "Remove the selected node's layer"),
    )
    w.fit_action = make_action(w, translate("MainWindow", "&Fit to view"), w.view.fit_to_view, "F")
    w.zoom_in_action = make_action(
        w, translate("MainWindow", "Zoom &in"), lambda: w.view.scale(1.25, 1.25), QKeySequence.StandardKey.ZoomIn
    )
    w.zoom_out_action = make_action(
        w, translate("MainWindow", "Zoom &out"), lambda: w.view.scale(0.8, 0.8), QKeySequence.StandardKey.ZoomOut
    )
    w.dark_action = make_action(w, translate("MainWindow", "&Dark theme"), w.toggle_theme, "Ctrl+Shift+D")
    w.dark_action.setCheckable(True)
    w.reset_settings_action = make_action(w, translate("MainWindow", "Reset settings"), w.reset_settings)
    w.shortcuts_action = make_action(
        w, translate("MainWindow", "&Keyboard shortcuts"), w.show_shortcuts, QKeySequence.StandardKey.HelpContents
    )
    w.about_action = make_action(w, translate("MainWindow", "&About"), w.about)


def _choice_menu(
    window: MainWindow, menu: QMenu, titles: dict[str, str], chosen: str, slot: Callable[[str], None]
) -> QActionGroup:
    group = QActionGroup(window)
    group.setExclusive(True)
    for value, title in titles.items():
        action = menu.addAction(title)
        action.setCheckable(True)
        action.setChecked(value == chosen)
        action.setData(value)
        action.triggered.connect(lambda _checked=False, v=value: slot(v))
        group.addAction(action)
    return group


def make_menus(window: MainWindow) -> None:
    """The menu bar: File, Edit, View, Step, Help."""
    w = window

    bar = w.menuBar()
    file_menu = bar.addMenu(translate("MainWindow", "&File"))
    file_menu.addAction(w.new_action)
    w.examples_menu = file_menu.addMenu(translate("MainWindow", "E&xamples"))
    for name, description in EXAMPLES.items():
        action = w.examples_menu.addAction(f"{name} — {description}")
        action.setData(name)
        action.triggered.connect(lambda _checked=False, n=name: w.files.open_example(n))
    file_menu.addAction(w.open_action)
    w.recent_menu = file_menu.addMenu(translate("MainWindow", "Open &Recent"))
    w.recent_menu.aboutToShow.connect(w.files.fill_recent_menu)
    w.files.fill_recent_menu()
    file_menu.addAction(w.save_action)
    file_menu.addAction(w.save_as_action)
    file_menu.addSeparator()
    file_menu.addAction(w.export_action)
    file_menu.addAction(w.export_derivation_action)
    file_menu.addAction(w.export_code_action)
    file_menu.addAction(w.copy_image_action)
    file_menu.addSeparator()
    file_menu.addAction(w.quit_action)

    edit_menu = bar.addMenu(translate("MainWindow", "&Edit"))
    edit_menu.addAction(w.undo_action)
    edit_menu.addAction(w.redo_action)
    edit_menu.addSeparator()
    for action in (w.add_end_action, w.insert_action, w.remove_action):
        edit_menu.addAction(action)

    view_menu = bar.addMenu(translate("MainWindow", "&View"))
    for action in (w.fit_action, w.zoom_in_action, w.zoom_out_action):
        view_menu.addAction(action)
    view_menu.addSeparator()
    view_menu.addAction(w.dark_action)
    theme_menu = view_menu.addMenu(translate("MainWindow", "&Theme"))
    theme_titles = dict(
        zip(
            THEMES,
            (
                translate("MainWindow", "Follow the system"),
                translate("MainWindow", "Light"),
                translate("MainWindow", "Dark"),
            ),
            strict=True,
        )
    )
    w.theme_group = _choice_menu(w, theme_menu, theme_titles, w.settings.theme, w.choose_theme)
    language_menu = view_menu.addMenu(translate("MainWindow", "&Language"))
    language_titles = dict(
        zip(
            LANGUAGES,
            (translate("MainWindow", "Follow the system"), translate("MainWindow", "English"), "한국어"),
            strict=True,
        )
    )
    w.language_group = _choice_menu(w, language_menu, language_titles, w.settings.language, w.choose_language)
    view_menu.addSeparator()
    view_menu.addAction(w.reset_settings_action)

    step_menu = bar.addMenu(translate("MainWindow", "&Step"))
    for action in w.step_actions:
        step_menu.addAction(action)

    help_menu = bar.addMenu(translate("MainWindow", "&Help"))
    help_menu.addAction(w.shortcuts_action)
    help_menu.addAction(w.about_action)


def add_layer_menu(window: MainWindow, parent: QMenu) -> None:
    """The "+ Layer" button's menu: before the output layer (with each activation), before the selected one."""
    parent.addAction(window.add_end_action)
    for name in ACTIVATIONS:
        if name != "identity":
            text = translate("MainWindow", "Add layer before the output layer, then {activation}").format(
                activation=op_title(name)
            )
            parent.addAction(text, lambda n=name: window.add_layer(None, n))
    parent.addSeparator()
    parent.addAction(window.insert_action)


def shortcut_rows(window: MainWindow) -> list[tuple[str, str]]:
    """(what it does, keys) of every action of the window that has keys, in menu order."""
    rows: list[tuple[str, str]] = []
    seen: set[int] = set()
    for action in window.actions():
        keys = _keys_text(action)
        if keys and id(action) not in seen:
            seen.add(id(action))
            rows.append((action.text(), keys))
    return rows
