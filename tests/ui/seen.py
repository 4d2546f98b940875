"""What a person reads in a widget: the texts of its visible labels, buttons, titles, tabs and documents."""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractButton, QGroupBox, QLabel, QTabBar, QTextBrowser, QToolButton, QWidget


def visible_texts(root: QWidget, *, tooltips: bool = False, tool_buttons: bool = True) -> list[str]:
    """The texts shown in ``root``'s visible widgets, blank ones left out.

    ``tooltips`` adds each visible widget's tooltip; ``tool_buttons=False`` leaves
    out the toolbar's buttons (their texts are the actions', checked through the menus).
    """
    texts = []
    for widget in root.findChildren(QWidget):
        if not widget.isVisibleTo(root):
            continue
        if tooltips:
            texts.append(widget.toolTip())
        if isinstance(widget, QLabel) or (
            isinstance(widget, QAbstractButton) and (tool_buttons or not isinstance(widget, QToolButton))
        ):
            texts.append(widget.text())
        elif isinstance(widget, QGroupBox):
            texts.append(widget.title())
        elif isinstance(widget, QTabBar):
            texts += [widget.tabText(i) for i in range(widget.count())]
        elif isinstance(widget, QTextBrowser):
            texts.append(widget.toPlainText())
    return [t for t in texts if t and t.strip()]
