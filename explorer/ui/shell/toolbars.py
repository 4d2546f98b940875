"""The main window's toolbars: Build (layers, loss, batch) and Steps (stepping, play speed).

Each toolbar is one piece of the window over its controller: it makes its
actions (the window's, so their keys work anywhere in it and they show in
its menus too) and its fields, shows the document's state in them, and turns
their requests into named edits (:mod:`explorer.ui.document.edits`) or
steps. Each has an object name, so the window's saved state restores it.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QSignalBlocker, Qt
from PySide6.QtWidgets import QComboBox, QLabel, QMainWindow, QSlider, QSpinBox, QToolBar, QToolButton

from explorer.model import LOSSES, ModelError, limits
from explorer.model import edit as model_edits
from explorer.ui.document import edits
from explorer.ui.document.controller import Controller
from explorer.ui.kit.icons import make_icon
from explorer.ui.kit.settings import MAX_PLAY_SPEED, MIN_PLAY_SPEED, Settings
from explorer.ui.kit.theme import current_theme
from explorer.ui.shell.actions import layer_menu, make_action
from explorer.ui.text.i18n import composed, translate
from explorer.ui.text.op_names import op_title

#: The speed slider's ticks: speed = MIN · (MAX/MIN)^(tick/SPEED_TICKS) steps per second; 1, 2, 4, 8 fall on ticks.
SPEED_TICKS = 120


def speed_of_tick(tick: int) -> float:
    """Steps per second at slider position ``tick`` (logarithmic, MIN_PLAY_SPEED…MAX_PLAY_SPEED)."""
    speed: float = MIN_PLAY_SPEED * (MAX_PLAY_SPEED / MIN_PLAY_SPEED) ** (tick / SPEED_TICKS)
    return round(speed, 6)


def tick_of_speed(speed: float) -> int:
    """The slider position closest to ``speed`` steps per second."""
    fraction = math.log(speed / MIN_PLAY_SPEED) / math.log(MAX_PLAY_SPEED / MIN_PLAY_SPEED)
    return max(0, min(SPEED_TICKS, round(fraction * SPEED_TICKS)))


def speed_text(speed: float) -> str:
    """``"1 steps/s"`` style, through the catalogue (``초당 1단계``)."""
    shown = f"{speed:.2g}" if speed < 10 else f"{speed:.0f}"
    return translate("MainWindow", "{speed} steps/s").format(speed=shown)


class BuildToolbar(QToolBar):
    """"+ Layer" (its menu: with each activation, before the selected layer), Remove layer, the loss, the batch.

    Insert and Remove act on the layer the inspector shows (the selected node's,
    else the current step's), so they are off while it shows no layer (and
    Remove while there is one layer only).
    """

    def __init__(self, window: QMainWindow, controller: Controller) -> None:
        super().__init__(translate("MainWindow", "Build"), window)
        self.setObjectName("build")
        self.setMovable(False)
        self._window = window
        self.controller = controller
        self.add_end_action = make_action(
            window, translate("MainWindow", "Add layer before the output layer"), lambda: self.add_layer(None), "Ctrl+L"
        )
        self.insert_action = make_action(
            window, translate("MainWindow", "Insert layer before the selected one"), self.insert_before_selected,
            "Ctrl+Shift+L",
        )
        self.remove_action = make_action(
            window, translate("MainWindow", "− Remove layer"), self.remove_selected_layer, "Ctrl+Backspace",
            translate("MainWindow", "Remove the selected node's layer"),
        )
        self.add_button = QToolButton(window)
        self.add_button.setText(translate("MainWindow", "+ Layer"))
        self.add_button.setToolTip(
            translate("MainWindow", "Add a linear layer at the end (Ctrl+L) or before the selected layer")
        )
        self.add_button.setPopupMode(QToolButton.ToolButtonPopupMode.MenuButtonPopup)
        self.add_button.setMenu(layer_menu(self.add_button, self.add_end_action, self.insert_action, self._add_with))
        self.add_button.clicked.connect(lambda: self.add_layer(None))
        self.addWidget(self.add_button)
        self.addAction(self.remove_action)
        self.addSeparator()
        self.addWidget(QLabel(translate("MainWindow", " Loss "), window))
        self.loss_combo = QComboBox(window)
        for name in LOSSES:
            self.loss_combo.addItem(op_title(name), name)
        self.loss_combo.setToolTip(translate("MainWindow", "The loss: ½·SSE is the lecture's ½ Σ (Ŷ − Y)²"))
        self.loss_combo.activated.connect(self._on_loss_chosen)
        self.addWidget(self.loss_combo)
        self.addWidget(QLabel(translate("MainWindow", " Batch "), window))
        self.batch_spin = QSpinBox(window)
        self.batch_spin.setRange(1, limits.MAX_BATCH)
        self.batch_spin.setKeyboardTracking(False)
        self.batch_spin.setToolTip(translate("MainWindow", "Samples per pass: the columns of X and Y"))
        self.batch_spin.valueChanged.connect(self._on_batch_chosen)
        self.addWidget(self.batch_spin)
        controller.model_changed.connect(self.show_model)
        controller.selection_changed.connect(self._update_layer_actions)
        controller.inspected_changed.connect(self._update_layer_actions)  # a layer shown by stepping
        self.show_model()

    def show_model(self) -> None:
        """The model's loss and batch, and which layer actions apply."""
        model = self.controller.model
        with QSignalBlocker(self.loss_combo):
            self.loss_combo.setCurrentIndex(self.loss_combo.findData(model.op(model.loss_id)))
        with QSignalBlocker(self.batch_spin):
            try:
                self.batch_spin.setValue(model.shape(model_edits.chain_input(model))[1])
                self.batch_spin.setEnabled(True)
            except ModelError:
                self.batch_spin.setEnabled(False)
        self._update_layer_actions()

    def _update_layer_actions(self, *_: object) -> None:
        index = self.selected_layer()
        try:
            several = len(model_edits.chain_layers(self.controller.model)) > 1
        except ModelError:
            several = False
        self.insert_action.setEnabled(index is not None)
        self.remove_action.setEnabled(index is not None and several)

    def selected_layer(self) -> int | None:
        """The layer of the node the inspector shows (its H, W or activation: selected, or reached by stepping), or None."""
        node = self.controller.inspected
        return None if node is None else model_edits.layer_of(self.controller.model, node)

    def add_layer(self, index: int | None, activation: str | None = None) -> bool:
        """Add a linear layer (then ``activation``) at ``index``, or before the output layer."""
        return edits.add_layer(self.controller, index, activation)

    def _add_with(self, activation: str) -> bool:
        return self.add_layer(None, activation)

    def insert_before_selected(self) -> bool:
        index = self.selected_layer()
        if index is None:
            message = translate("MainWindow", "Select a layer's node (its H, W or activation) first.")
            self._window.statusBar().showMessage(message, 6000)
            return False
        return self.add_layer(index)

    def remove_selected_layer(self) -> bool:
        index = self.selected_layer()
        return index is not None and edits.remove_layer(self.controller, index)

    def _on_loss_chosen(self, row: int) -> None:
        edits.set_loss(self.controller, self.loss_combo.itemData(row))

    def _on_batch_chosen(self, batch: int) -> None:
        if not edits.set_batch(self.controller, batch):
            self.show_model()  # refused: show what the model has


class StepsToolbar(QToolBar):
    """Reset, Back, Step, Run forward, Run to end, Play, then the play speed (remembered in ``settings``).

    Each step action is on while it can move the pass; the icons follow the theme (:meth:`paint_icons`).
    """

    def __init__(self, window: QMainWindow, controller: Controller, settings: Settings) -> None:
        super().__init__(translate("MainWindow", "Steps"), window)
        self.setObjectName("steps")
        self.setMovable(False)
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.controller = controller
        self.settings = settings
        c = controller
        self.reset_action = make_action(
            window, translate("MainWindow", "Reset"), c.reset, "Home", translate("MainWindow", "Back to step 0")
        )
        self.back_action = make_action(
            window, translate("MainWindow", "Back"), c.back, "Left", translate("MainWindow", "Undo one step")
        )
        self.step_action = make_action(
            window, translate("MainWindow", "Step"), c.step, "Right",
            translate("MainWindow", "One step: next node forward (순전파), then backward (역전파)"),
        )
        self.forward_action = make_action(
            window, translate("MainWindow", "Run forward"), c.run_forward, "Shift+Right",
            translate("MainWindow", "Run the forward pass to the loss"),
        )
        self.end_action = make_action(
            window, translate("MainWindow", "Run to end"), c.run_to_end, "End",
            translate("MainWindow", "Run forward and backward to the end"),
        )
        self.play_action = make_action(
            window, translate("MainWindow", "Play"), c.toggle_play, "Space", translate("MainWindow", "Play or pause the steps")
        )
        self.play_action.setCheckable(True)
        self.step_actions = (
            self.reset_action, self.back_action, self.step_action, self.forward_action, self.end_action, self.play_action
        )
        self._icon_kinds = dict(zip(self.step_actions, ("reset", "back", "step", "forward", "end", "play"), strict=True))
        for action in self.step_actions:
            self.addAction(action)
        self.speed_caption = self.addWidget(QLabel(translate("MainWindow", " speed "), window))  # off when compact
        self.speed_slider = QSlider(Qt.Orientation.Horizontal, window)
        self.speed_slider.setRange(0, SPEED_TICKS)
        self.speed_slider.setFixedWidth(100)
        self.speed_slider.setToolTip(translate("MainWindow", "Play speed"))
        self.speed_label = QLabel(window)
        self.speed_label.setMinimumWidth(self.speed_label.fontMetrics().horizontalAdvance(speed_text(16.0)) + 6)
        self.speed_slider.valueChanged.connect(self._on_speed_changed)
        self.addWidget(self.speed_slider)
        self.addWidget(self.speed_label)
        self.speed_slider.setValue(tick_of_speed(settings.play_speed))
        self._on_speed_changed(self.speed_slider.value())
        controller.step_changed.connect(self.show_step)
        controller.playing_changed.connect(self._on_playing_changed)
        self.paint_icons()
        self.show_step()

    def show_step(self) -> None:
        """Each action on while it can move the pass from where it stands."""
        s = self.controller.session
        self.back_action.setEnabled(s.position > 0)
        self.reset_action.setEnabled(s.position > 0)
        self.step_action.setEnabled(not s.done)
        self.forward_action.setEnabled(s.position < s.forward_steps)
        self.end_action.setEnabled(not s.done)

    def paint_icons(self) -> None:
        """Draw the step icons in the theme's text colour."""
        colour = current_theme().text
        for action, kind in self._icon_kinds.items():
            action.setIcon(make_icon(kind, colour))

    def _on_playing_changed(self, playing: bool) -> None:
        with QSignalBlocker(self.play_action):
            self.play_action.setChecked(playing)
        self.play_action.setText(translate("MainWindow", "Pause") if playing else translate("MainWindow", "Play"))
        self._icon_kinds[self.play_action] = "pause" if playing else "play"
        self.paint_icons()

    def _on_speed_changed(self, tick: int) -> None:
        speed = speed_of_tick(tick)
        self.controller.set_interval(round(1000 / speed))
        composed(self.speed_label, "setText", lambda: speed_text(speed))  # worded again on a change of language
        self.settings.play_speed = speed
