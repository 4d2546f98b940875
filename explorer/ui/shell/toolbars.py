"""The main window's toolbars: Build (layers, loss, batch) and Steps (stepping, play speed).

Each toolbar has an object name, so the window's saved state restores it.
The widgets only emit requests; the window turns them into named edits
(:mod:`explorer.ui.document.edits`).
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLabel, QMenu, QSlider, QSpinBox, QToolBar, QToolButton

from explorer.model import LOSSES, limits
from explorer.ui.kit.settings import MAX_PLAY_SPEED, MIN_PLAY_SPEED
from explorer.ui.shell.actions import add_layer_menu
from explorer.ui.text.i18n import translate
from explorer.ui.text.op_names import op_title

if TYPE_CHECKING:
    from explorer.ui.shell.main_window import MainWindow

#: The speed slider's ticks: speed = MIN · (MAX/MIN)^(tick/SPEED_TICKS) steps per second; 1, 2, 4, 8 fall on ticks.
SPEED_TICKS = 120


def speed_of_tick(tick: int) -> float:
    """Steps per second at slider position ``tick`` (logarithmic, MIN_PLAY_SPEED…MAX_PLAY_SPEED)."""
    return round(MIN_PLAY_SPEED * (MAX_PLAY_SPEED / MIN_PLAY_SPEED) ** (tick / SPEED_TICKS), 6)


def tick_of_speed(speed: float) -> int:
    """The slider position closest to ``speed`` steps per second."""
    fraction = math.log(speed / MIN_PLAY_SPEED) / math.log(MAX_PLAY_SPEED / MIN_PLAY_SPEED)
    return max(0, min(SPEED_TICKS, round(fraction * SPEED_TICKS)))


def speed_text(speed: float) -> str:
    """``"1 steps/s"`` style, through the catalogue (``초당 1단계``)."""
    shown = f"{speed:.2g}" if speed < 10 else f"{speed:.0f}"
    return translate("MainWindow", "{speed} steps/s").format(speed=shown)


def make_toolbars(window: MainWindow) -> None:
    """Add the Build and Steps toolbars to ``window``; their widgets become its attributes."""
    w = window

    build = QToolBar(translate("MainWindow", "Build"), w)
    build.setObjectName("build")
    build.setMovable(False)
    add_button = QToolButton(w)
    add_button.setText(translate("MainWindow", "+ Layer"))
    add_button.setToolTip(
        translate("MainWindow", "Add a linear layer at the end (Ctrl+L) or before the selected layer")
    )
    add_button.setPopupMode(QToolButton.ToolButtonPopupMode.MenuButtonPopup)
    menu = QMenu(add_button)
    add_layer_menu(w, menu)
    add_button.setMenu(menu)
    add_button.clicked.connect(lambda: w.add_layer(None))
    build.addWidget(add_button)
    build.addAction(w.remove_action)
    build.addSeparator()
    build.addWidget(QLabel(translate("MainWindow", " Loss "), w))
    w.loss_combo = QComboBox(w)
    for name in LOSSES:
        w.loss_combo.addItem(op_title(name), name)
    w.loss_combo.setToolTip(translate("MainWindow", "The loss: ½·SSE is the lecture's ½ Σ (Ŷ − Y)²"))
    w.loss_combo.activated.connect(w._on_loss_chosen)
    build.addWidget(w.loss_combo)
    build.addWidget(QLabel(translate("MainWindow", " Batch "), w))
    w.batch_spin = QSpinBox(w)
    w.batch_spin.setRange(1, limits.MAX_BATCH)
    w.batch_spin.setKeyboardTracking(False)
    w.batch_spin.setToolTip(translate("MainWindow", "Samples per pass: the columns of X and Y"))
    w.batch_spin.valueChanged.connect(w._on_batch_chosen)
    build.addWidget(w.batch_spin)
    w.addToolBar(build)

    steps = QToolBar(translate("MainWindow", "Steps"), w)
    steps.setObjectName("steps")
    steps.setMovable(False)
    steps.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
    for action in w.step_actions:
        steps.addAction(action)
    steps.addWidget(QLabel(translate("MainWindow", " speed "), w))
    w.speed_slider = QSlider(Qt.Orientation.Horizontal, w)
    w.speed_slider.setRange(0, SPEED_TICKS)
    w.speed_slider.setFixedWidth(100)
    w.speed_slider.setToolTip(translate("MainWindow", "Play speed"))
    w.speed_label = QLabel(w)
    w.speed_label.setMinimumWidth(w.speed_label.fontMetrics().horizontalAdvance(speed_text(16.0)) + 6)
    w.speed_slider.valueChanged.connect(w._on_speed_changed)
    steps.addWidget(w.speed_slider)
    steps.addWidget(w.speed_label)
    w.addToolBar(steps)
    w.build_toolbar, w.steps_toolbar = build, steps
