"""The main window's menu, action and toolbar texts, listed for the catalogue.

``pyside6-lupdate`` collects these into the context ``MainWindow`` of
``resources/i18n/explorer_ko.ts``, where they carry their Korean
translations. The window shows them through ``self.tr(...)`` in
``MainWindow`` (or ``translate("MainWindow", ...)`` from a helper module);
once every text below is wrapped there, this list can go.

Texts with ``{name}`` fields are formatted after translation:
``translate("MainWindow", "Add layer at the end, then {activation}").format(activation="relu")``.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

CONTEXT = "MainWindow"

MENUS = (
    QT_TRANSLATE_NOOP("MainWindow", "&File"),
    QT_TRANSLATE_NOOP("MainWindow", "&Edit"),
    QT_TRANSLATE_NOOP("MainWindow", "&View"),
    QT_TRANSLATE_NOOP("MainWindow", "&Step"),
    QT_TRANSLATE_NOOP("MainWindow", "&Help"),
    QT_TRANSLATE_NOOP("MainWindow", "E&xamples"),
    QT_TRANSLATE_NOOP("MainWindow", "Open &Recent"),
    QT_TRANSLATE_NOOP("MainWindow", "&Theme"),
    QT_TRANSLATE_NOOP("MainWindow", "&Language"),
)

ACTIONS = (
    QT_TRANSLATE_NOOP("MainWindow", "&New"),
    QT_TRANSLATE_NOOP("MainWindow", "&Open…"),
    QT_TRANSLATE_NOOP("MainWindow", "&Save"),
    QT_TRANSLATE_NOOP("MainWindow", "Save &As…"),
    QT_TRANSLATE_NOOP("MainWindow", "Clear recent files"),
    QT_TRANSLATE_NOOP("MainWindow", "&Export snapshot…"),
    QT_TRANSLATE_NOOP("MainWindow", "Write snapshot.json, graph.png and graph.svg into a folder"),
    QT_TRANSLATE_NOOP("MainWindow", "&Copy graph image"),
    QT_TRANSLATE_NOOP("MainWindow", "&Quit"),
    QT_TRANSLATE_NOOP("MainWindow", "&Undo"),
    QT_TRANSLATE_NOOP("MainWindow", "&Redo"),
    QT_TRANSLATE_NOOP("MainWindow", "Reset"),
    QT_TRANSLATE_NOOP("MainWindow", "Back to step 0"),
    QT_TRANSLATE_NOOP("MainWindow", "Back"),
    QT_TRANSLATE_NOOP("MainWindow", "Undo one step"),
    QT_TRANSLATE_NOOP("MainWindow", "Step"),
    QT_TRANSLATE_NOOP("MainWindow", "One step: next node forward (순전파), then backward (역전파)"),
    QT_TRANSLATE_NOOP("MainWindow", "Run forward"),
    QT_TRANSLATE_NOOP("MainWindow", "Run the forward pass to the loss"),
    QT_TRANSLATE_NOOP("MainWindow", "Run to end"),
    QT_TRANSLATE_NOOP("MainWindow", "Run forward and backward to the end"),
    QT_TRANSLATE_NOOP("MainWindow", "Play"),
    QT_TRANSLATE_NOOP("MainWindow", "Pause"),
    QT_TRANSLATE_NOOP("MainWindow", "Play or pause the steps"),
    QT_TRANSLATE_NOOP("MainWindow", "Add layer at the end"),
    QT_TRANSLATE_NOOP("MainWindow", "Add layer at the end, then {activation}"),
    QT_TRANSLATE_NOOP("MainWindow", "Add layer before the output layer"),
    QT_TRANSLATE_NOOP("MainWindow", "Insert layer before the selected one"),
    QT_TRANSLATE_NOOP("MainWindow", "− Remove layer"),
    QT_TRANSLATE_NOOP("MainWindow", "Remove the selected node's layer"),
    QT_TRANSLATE_NOOP("MainWindow", "&Fit to view"),
    QT_TRANSLATE_NOOP("MainWindow", "Zoom &in"),
    QT_TRANSLATE_NOOP("MainWindow", "Zoom &out"),
    QT_TRANSLATE_NOOP("MainWindow", "&Dark theme"),
    QT_TRANSLATE_NOOP("MainWindow", "Follow the system"),
    QT_TRANSLATE_NOOP("MainWindow", "Light"),
    QT_TRANSLATE_NOOP("MainWindow", "Dark"),
    QT_TRANSLATE_NOOP("MainWindow", "English"),
    QT_TRANSLATE_NOOP("MainWindow", "Korean"),
    QT_TRANSLATE_NOOP("MainWindow", "The language changes when the explorer starts again."),
    QT_TRANSLATE_NOOP("MainWindow", "Reset settings"),
    QT_TRANSLATE_NOOP("MainWindow", "&Keyboard shortcuts"),
    QT_TRANSLATE_NOOP("MainWindow", "&About"),
)

TOOLBARS = (
    QT_TRANSLATE_NOOP("MainWindow", "Inspector"),
    QT_TRANSLATE_NOOP("MainWindow", "Nodes"),
    QT_TRANSLATE_NOOP("MainWindow", "Build"),
    QT_TRANSLATE_NOOP("MainWindow", "Steps"),
    QT_TRANSLATE_NOOP("MainWindow", "+ Layer"),
    QT_TRANSLATE_NOOP("MainWindow", "Add a linear layer at the end (Ctrl+L) or before the selected layer"),
    QT_TRANSLATE_NOOP("MainWindow", " Loss "),
    QT_TRANSLATE_NOOP("MainWindow", "The loss: ½·SSE is the lecture's ½ Σ (Ŷ − Y)²"),
    QT_TRANSLATE_NOOP("MainWindow", " Batch "),
    QT_TRANSLATE_NOOP("MainWindow", "Samples per pass: the columns of X and Y"),
    QT_TRANSLATE_NOOP("MainWindow", " speed "),
    QT_TRANSLATE_NOOP("MainWindow", "Play speed"),
    QT_TRANSLATE_NOOP("MainWindow", "{speed} steps/s"),
)

STATUS = (
    QT_TRANSLATE_NOOP("MainWindow", "untitled"),
    QT_TRANSLATE_NOOP("MainWindow", "loss L = {value}"),
    QT_TRANSLATE_NOOP("MainWindow", "loss: not computed yet"),
    QT_TRANSLATE_NOOP("MainWindow", "Open model or snapshot"),
    QT_TRANSLATE_NOOP("MainWindow", "Save model"),
    QT_TRANSLATE_NOOP("MainWindow", "Export snapshot into folder"),
    QT_TRANSLATE_NOOP("MainWindow", "Graph image copied to the clipboard"),
    QT_TRANSLATE_NOOP("MainWindow", "Exported snapshot.json, graph.png, graph.svg to {folder}"),
    QT_TRANSLATE_NOOP("MainWindow", "Removed from the recent files, no longer found: {names}"),
    QT_TRANSLATE_NOOP("MainWindow", "Recovered {name}: save it to keep the edits"),
)
