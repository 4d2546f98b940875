"""Help → Lecture tour: the lecture's "Play with Toy Example", one stop per slide, in a dock.

Each stop (:data:`~explorer.lesson.tour.TOUR`) opens its example when
another model is shown, moves the pass to its step, selects its node and
shows the inspector's tab and local derivative the slide speaks of; the
dock shows the lecture's sentence in Korean with its English, the slide's
formula and the stop's number. Next and Back (the buttons, Page Down and
Page Up: a presenter's clicker) move between stops; Esc or Close leaves the
tour and the window stays as the last stop left it. The dock never blocks
the window.

A stop where the student can compute what is shown offers **Practice this**:
the tour emits :attr:`Tour.practice_requested` ``(node, ask, wrt)``, as an
exercise item names it (``ask`` "value", "grad" or "jacobian"; ``wrt`` the
Jacobian's input, else ""). The button is shown only when the window has
practice mode (a ``practice`` attribute), which connects the signal.
"""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np
from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QDockWidget,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from explorer.lesson.tour import TABS, TOUR, Stop, stop_position
from explorer.model import Model, load_model
from explorer.resources import example_path
from explorer.ui.kit.guard import guarded
from explorer.ui.kit.theme import current_theme, themes
from explorer.ui.shell.parts import ShellWindow
from explorer.ui.text.i18n import translate
from explorer.ui.text.rich_math import math_html

# The tour dock's height when it opens, as a share of the window's.
DOCK_SHARE = 0.33
_INDEX = re.compile(r"_([A-Za-z0-9]+)")  # the lecture's w_kj: an index written after an underscore


class TourPanel(QWidget):
    """What a stop says: its number and titles, the formula, the sentence in Korean and in English."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.stop_label = QLabel(self)
        self.formula_label = QLabel(self)
        self.ko_label = QLabel(self)
        self.en_label = QLabel(self)
        for label in (self.stop_label, self.formula_label, self.ko_label, self.en_label):
            label.setTextFormat(Qt.TextFormat.RichText)  # our markup; every text in it is escaped
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.back_button = QPushButton(translate("Tour", "◀ Back"), self)
        self.next_button = QPushButton(translate("Tour", "Next ▶"), self)
        self.practice_button = QPushButton(translate("Tour", "Practice this"), self)
        self.practice_button.setToolTip(translate("Tour", "Compute what this stop shows by hand"))
        self.practice_button.hide()
        self.close_button = QPushButton(translate("Tour", "Close"), self)
        buttons = QHBoxLayout()
        buttons.addWidget(self.stop_label, 1)
        for button in (self.practice_button, self.back_button, self.next_button, self.close_button):
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the keys stay the window's (step keys, Page Up/Down)
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 6)
        layout.setSpacing(4)
        layout.addLayout(buttons)
        layout.addWidget(self.formula_label)
        layout.addWidget(self.ko_label)
        layout.addWidget(self.en_label)
        self._shown: tuple[Stop, int] | None = None

    def show_stop(self, stop: Stop, number: int) -> None:
        """Show ``stop``, the ``number``-th (from 1) of the tour."""
        self._shown = (stop, number)
        theme = current_theme()
        muted, accent = theme.muted_text.name(), theme.gradient.name() if stop.phase == "backward" else theme.forward.name()
        slide = f"Play with Toy Example ({stop.slide})" if stop.slide else translate("Tour", "After the slides")
        where = translate("Tour", "Stop {number}/{count}").format(number=number, count=len(TOUR))
        self.stop_label.setText(
            f"<b>{math_html(slide)}</b> · {lecture_html(stop.title_ko)} · {lecture_html(stop.title_en)}"
            f"  <span style='color:{muted}'>({math_html(where)})</span>"
        )
        self.formula_label.setText(f"<span style='font-size:large; font-weight:600; color:{accent}'>{lecture_html(stop.formula)}</span>")
        self.ko_label.setText(lecture_html(stop.ko))
        self.en_label.setText(f"<span style='color:{muted}'>{lecture_html(stop.en)}</span>")
        self.back_button.setEnabled(number > 1)
        self.next_button.setEnabled(number < len(TOUR))

    def apply_theme(self, _name: str = "") -> None:
        if self._shown is not None:
            self.show_stop(*self._shown)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt override)
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:  # "Stop 3/12" and the like in the new language
            self.apply_theme()


class Tour(QObject):
    """The lecture tour over one main window (see the module's description).

    Signals
    -------
    stop_changed(int)
        The tour stands at another stop (its index in :data:`TOUR`, from 0).
    practice_requested(str, str, str)
        Practice on ``(node, ask, wrt)`` of the stop shown: ``ask`` is "value", "grad" or
        "jacobian" (∂node/∂wrt; ``wrt`` is "" for the others).
    ended()
        The tour was left.
    """

    stop_changed = Signal(int)
    practice_requested = Signal(str, str, str)
    ended = Signal()

    def __init__(self, window: ShellWindow) -> None:
        super().__init__(window)
        self._window = window
        self.index: int | None = None
        self.dock: TourDock | None = None
        self.panel: TourPanel | None = None
        self.next_action = self._key_action(translate("Tour", "Lecture tour: next stop"), "PgDown", self.next)
        self.back_action = self._key_action(translate("Tour", "Lecture tour: previous stop"), "PgUp", self.back)
        # made now, hidden: a dock caches its title's font when made (one made in presentation mode would keep the large one)
        self._make_dock()
        assert self.dock is not None
        self.dock.hide()

    def _key_action(self, text: str, key: str, slot: object) -> QAction:
        action = QAction(text, self._window)
        action.setShortcut(QKeySequence(key))
        action.setEnabled(False)  # only while the tour runs: elsewhere the keys are the fields'
        action.triggered.connect(slot)
        self._window.addAction(action)
        return action

    @property
    def active(self) -> bool:
        return self.index is not None

    @property
    def stop(self) -> Stop | None:
        return None if self.index is None else TOUR[self.index]

    # -- moving ---------------------------------------------------------------

    def start(self, index: int = 0) -> bool:
        """Go to stop ``index`` and show the tour's dock; False (no tour) when its example could not be opened."""
        self._make_dock()
        if not self.go(index):
            return False  # the person kept unsaved edits: no tour
        assert self.dock is not None
        self.dock.show()
        self.dock.raise_()
        w = self._window  # the canvas keeps most of the height: the dock takes about a third
        w.resizeDocks([self.dock], [max(self.dock.minimumSizeHint().height(), round(w.height() * DOCK_SHARE))], Qt.Orientation.Vertical)
        for action in (self.next_action, self.back_action):
            action.setEnabled(True)
        return True

    def next(self) -> bool:
        return self.active and self.index is not None and self.index + 1 < len(TOUR) and self.go(self.index + 1)

    def back(self) -> bool:
        return self.active and self.index is not None and self.index > 0 and self.go(self.index - 1)

    @guarded("moving to a stop of the lecture tour", fallback=False)
    def go(self, index: int) -> bool:
        """Move the window to stop ``index``; False (nothing moved) when its example could not be opened."""
        if not 0 <= index < len(TOUR):
            return False
        stop = TOUR[index]
        w = self._window
        if not self._showing(stop.example):
            if not w.files.open_example(stop.example):
                return False  # the person kept unsaved edits
            w.statusBar().clearMessage()  # "opened at step 0": the stop moves on from there at once
        controller = w.controller
        position = stop_position(stop, controller.session)
        if controller.session.position != position:
            controller.seek(position)
        controller.select(stop.node)
        item = w.scene.node_items.get(stop.node)
        if item is not None:
            w.view.follow(item)  # the node the slide speaks of in sight, not only the step's
        inspector = w.inspector
        inspector.tabs.setCurrentIndex(TABS.index(stop.tab))
        if stop.pair is not None:
            combo = inspector.pair_combo
            at = next((i for i in range(combo.count()) if tuple(combo.itemData(i)) == stop.pair), -1)
            if at >= 0 and at != combo.currentIndex():
                combo.setCurrentIndex(at)
                combo.activated.emit(at)  # as a person's pick: the Jacobian and breakdown redraw
        self.index = index
        assert self.panel is not None
        self.panel.show_stop(stop, index + 1)
        self._offer_practice(stop)
        self.stop_changed.emit(index)
        return True

    def _showing(self, example: str) -> bool:
        """Whether the window shows ``example`` with the example's own numbers (edits make it another model)."""
        controller = self._window.controller
        path = example_path(example)
        if controller.path is None or Path(controller.path).resolve() != path.resolve():
            return False
        return same_numbers(controller.model, load_model(path))

    def _offer_practice(self, stop: Stop) -> None:
        # HOOK(practice): practice mode, when the window has it (``window.practice``), connects
        # ``practice_requested(node, ask, wrt)`` to start practice on what the stop shows; until then the button stays hidden.
        assert self.panel is not None
        has_practice = getattr(self._window, "practice", None) is not None
        self.panel.practice_button.setVisible(has_practice and stop.practice is not None)

    def _request_practice(self) -> None:
        stop = self.stop
        if stop is not None and stop.practice is not None:
            wrt = stop.pair[1] if stop.practice == "jacobian" and stop.pair is not None else ""
            self.practice_requested.emit(stop.node, stop.practice, wrt)

    def close(self) -> None:
        """Leave the tour: the dock goes; the window stays at the last stop, every tool in reach."""
        if not self.active:
            return
        self.index = None
        for action in (self.next_action, self.back_action):
            action.setEnabled(False)
        if self.dock is not None:
            self.dock.hide()
        self.ended.emit()

    # -- the dock -------------------------------------------------------------

    def _make_dock(self) -> None:
        if self.dock is not None:
            return
        w = self._window
        self.panel = TourPanel()
        self.panel.back_button.clicked.connect(self.back)
        self.panel.next_button.clicked.connect(self.next)
        self.panel.close_button.clicked.connect(self.close)
        self.panel.practice_button.clicked.connect(self._request_practice)
        self.dock = TourDock(translate("Tour", "Lecture tour · 강의 따라가기"), w)
        self.dock.setObjectName("tour")
        scroll = QScrollArea(self.dock)  # a long sentence on a low screen scrolls; nothing is cut
        scroll.setObjectName("tour_scroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(self.panel)
        self.dock.setWidget(scroll)
        self.dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetMovable | QDockWidget.DockWidgetFeature.DockWidgetClosable)
        self.dock.closed.connect(self.close)  # its title bar's ×
        w.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.dock)
        themes().changed.connect(self.panel.apply_theme)
        keys = getattr(w, "step_keys", None)
        if keys is not None:
            keys.adopt(self.dock)



class TourDock(QDockWidget):
    """The tour's dock: closing it (its title bar's ×) leaves the tour; being hidden with others does not."""

    closed = Signal()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt override)
        super().closeEvent(event)
        if event.isAccepted():
            self.closed.emit()


def lecture_html(text: str) -> str:
    """``text`` escaped for rich text, the lecture's index marks set as subscripts: ``∇_W L``, ``w_kj``.

    >>> lecture_html("∇_W L = ∂L/∂w_kj < 1")
    '∇<sub>W</sub> L = ∂L/∂w<sub>kj</sub> &lt; 1'
    """
    return _INDEX.sub(r"<sub>\1</sub>", math_html(text))


def same_numbers(model: Model, other: Model) -> bool:
    """Whether two models are the same network with the same numbers (where nodes sit does not matter)."""
    if model.order != other.order:
        return False
    for node in model.order:
        if model.op(node) != other.op(node) or model.inputs(node) != other.inputs(node):
            return False
        if node in model.leaves and not np.array_equal(model.value(node), other.value(node)):
            return False
    return True
