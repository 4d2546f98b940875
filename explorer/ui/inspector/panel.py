"""The inspector: everything about the selected node at the current step.

Value and gradient as heatmaps, the Jacobian as a grid of slices, and the
tensor-product breakdown. Only the visible tab is redrawn on a step; a large
Jacobian or breakdown goes to a worker thread with a busy bar and a cancel
button. The numbers all come from the session.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QFontMetrics, QResizeEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from explorer.engine import JACOBIAN_BUDGET, EngineError, Session
from explorer.lesson import Breakdown, breakdown, forward_formula
from explorer.lesson.notation import partial, pretty
from explorer.model import ACTIVATIONS, fmt_shape
from explorer.model import edit as edits
from explorer.ui.canvas.step_header import StepHeader
from explorer.ui.canvas.still_header import StillHeader
from explorer.ui.document.controller import Controller
from explorer.ui.inspector.breakdown_view import BreakdownView
from explorer.ui.inspector.colour_scale import shared_top
from explorer.ui.inspector.derivation_view import DerivationView, LessonData, lesson_data, lesson_elements
from explorer.ui.inspector.heatmap import MatrixView
from explorer.ui.inspector.jacobian_view import JacobianView
from explorer.ui.kit.busy import busy
from explorer.ui.kit.guard import guarded
from explorer.ui.kit.theme import current_theme, themes
from explorer.ui.kit.workers import BackgroundRunner
from explorer.ui.text.i18n import translate
from explorer.ui.text.op_names import op_title
from explorer.ui.text.plain import clip, elide, escape, plain, tooltip
from explorer.ui.text.vocabulary import shape_words as shape_text  # a scalar worded: 스칼라

#: Jacobians up to this many elements are built on the UI thread (well under a frame).
SYNC_JACOBIAN_LIMIT = 200_000

TAB_VALUE, TAB_GRAD, TAB_JACOBIAN, TAB_BREAKDOWN = range(4)
TAB_DERIVATION = 4  # redrawn whenever the breakdown is: it depends on the same node, pair and step


def _step_of(session: Session, phase: str, node: str) -> int | None:
    return next((s.index for s in session.plan if s.phase == phase and s.node == node), None)


class Inspector(QWidget):
    """The side panel for the selected node; reads the controller's session."""

    edit_values_requested = Signal(str)  # the node whose numbers to edit
    width_requested = Signal(int, int)  # layer index, new width
    activation_requested = Signal(int, str)  # layer index, activation op ("" for none)
    bias_requested = Signal(int, bool)  # layer index, whether it has a bias

    def __init__(self, controller: Controller, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.node: str | None = None
        self._dirty = {TAB_VALUE, TAB_GRAD, TAB_JACOBIAN, TAB_BREAKDOWN}
        self.step_header = StepHeader(self)  # the current step, whatever node is selected
        controller.step_changed.connect(self._refresh_step_header)

        self.title = QLabel(self)
        self.title.setTextFormat(Qt.TextFormat.RichText)  # our markup; the label in it is escaped
        self.subtitle = plain(QLabel(self))
        self.subtitle.setWordWrap(True)

        # a layer's shape and activation
        self.layer_box = QGroupBox(translate("Inspector", "Layer"), self)
        self.width_spin = QSpinBox(self.layer_box)
        self.width_spin.setRange(1, 4096)
        self.width_spin.setKeyboardTracking(False)
        self.width_spin.setToolTip(translate("Inspector", "Outputs of this layer (the columns of its W); the next W follows"))
        self.activation_combo = QComboBox(self.layer_box)
        # as wide as a short name, whatever the longest activation: the header's height never depends on the op table
        self.activation_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.activation_combo.setMinimumContentsLength(8)
        self.activation_combo.addItem(translate("Inspector", "none"), None)
        for name in ACTIVATIONS:
            self.activation_combo.addItem(op_title(name), name)
        self.bias_check = QCheckBox(translate("Inspector", "bias b"), self.layer_box)
        row = QHBoxLayout(self.layer_box)
        row.addWidget(QLabel(translate("Inspector", "width"), self.layer_box))
        row.addWidget(self.width_spin)
        row.addSpacing(12)
        row.addWidget(QLabel(translate("Inspector", "activation"), self.layer_box))
        row.addWidget(self.activation_combo, 1)
        row.addSpacing(12)
        row.addWidget(self.bias_check)
        self.width_spin.valueChanged.connect(self._on_width_chosen)
        self.activation_combo.activated.connect(self._on_activation_chosen)
        self.bias_check.clicked.connect(self._on_bias_clicked)

        # a leaf's numbers
        self.edit_button = QPushButton(translate("Inspector", "Edit values…"), self)
        self.edit_button.setToolTip(translate("Inspector", "Edit this matrix in a table (a non-number is refused)"))
        self.edit_button.clicked.connect(lambda: self.node and self.edit_values_requested.emit(self.node))

        # which Jacobian / breakdown
        self.pair_combo = QComboBox(self)
        self.pair_combo.setToolTip(translate("Inspector", "Which local derivative to show: ∂(op)/∂(its input)"))
        self.pair_combo.activated.connect(lambda _: self._mark_dirty({TAB_JACOBIAN, TAB_BREAKDOWN}))
        pair_row = QHBoxLayout()
        pair_row.addWidget(QLabel(translate("Inspector", "Local derivative:"), self))
        pair_row.addWidget(self.pair_combo, 1)

        self.value_view = MatrixView(self)
        self.grad_view = MatrixView(self)
        self.jacobian_view = JacobianView(self)
        self.breakdown_view = BreakdownView(self)
        self.breakdown_view.session_source = lambda: self.controller.session
        self.derivation_view = DerivationView(self)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self.value_view, translate("Inspector", "Value · 값"))
        self.tabs.addTab(self.grad_view, translate("Inspector", "Gradient · 기울기"))
        self.tabs.addTab(self.jacobian_view, translate("Inspector", "Jacobian · 야코비안"))
        self.tabs.addTab(self.breakdown_view, translate("Inspector", "Breakdown · 텐서곱"))
        self.tabs.addTab(self.derivation_view, translate("Inspector", "Derivation · 유도"))
        self.tabs.currentChanged.connect(lambda _: self._refresh_visible())

        self.busy_bar = QProgressBar(self)
        self.busy_bar.setRange(0, 0)
        self.busy_label = plain(QLabel(self))
        self.cancel_button = QPushButton(translate("Inspector", "Cancel"), self)
        busy_row = QHBoxLayout()
        busy_row.addWidget(self.busy_label)
        busy_row.addWidget(self.busy_bar, 1)
        busy_row.addWidget(self.cancel_button)
        self.busy_widget = QWidget(self)
        self.busy_widget.setLayout(busy_row)
        self.busy_widget.hide()

        self.runner = BackgroundRunner(self)
        self.runner.started.connect(self._on_busy)
        self.runner.finished.connect(self._on_background_result)
        self.runner.failed.connect(self._on_background_failed)
        self.runner.cancelled.connect(self._on_background_cancelled)
        self.cancel_button.clicked.connect(self.runner.cancel)
        self._pending_tab: int | None = None

        # the header keeps its height whatever the node's kind, so the tab bar below never moves
        for hidden_keeps_room in (self.layer_box, self.edit_button):
            policy = hidden_keeps_room.sizePolicy()
            policy.setRetainSizeWhenHidden(True)
            hidden_keeps_room.setSizePolicy(policy)
        self.subtitle.setWordWrap(False)  # one line: the header's height never depends on it
        title_font = QFont(self.title.font())
        title_font.setPointSizeF(16)
        self.title.setFixedHeight(QFontMetrics(title_font).height() + 10)  # a hat or an accent adds nothing
        self.subtitle.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)

        layout = QVBoxLayout(self)
        layout.addWidget(self.step_header)
        title_row = QHBoxLayout()  # the edit button beside the name: one row less on a small screen
        title_row.addWidget(self.title, 1)
        title_row.addWidget(self.edit_button, 0, Qt.AlignmentFlag.AlignVCenter)
        layout.addLayout(title_row)
        layout.addWidget(self.subtitle)
        layout.addWidget(self.layer_box)
        layout.addLayout(pair_row)
        layout.addWidget(self.busy_widget)
        layout.addWidget(self.tabs, 1)

        controller.step_changed.connect(self._on_step_changed)
        controller.inspected_changed.connect(self._on_inspected_changed)
        controller.model_changed.connect(self._on_model_changed)
        themes().changed.connect(self._on_theme_changed)
        self.set_node(None)
        self._refresh_step_header()
        self._still_header = StillHeader(self.step_header, controller)  # the tab bar below never moves

    @guarded("resizing the inspector")
    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt override)
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self._refresh_header()  # a long label is elided to the new width

    # -- what is shown ---------------------------------------------------------

    @property
    def session(self) -> Session:
        return self.controller.session

    def set_node(self, node: str | None) -> None:
        if node is not None and node not in self.controller.model:
            node = None
        self.node = node
        self._fill_pairs()
        self._mark_dirty({TAB_VALUE, TAB_GRAD, TAB_JACOBIAN, TAB_BREAKDOWN})

    def _on_theme_changed(self, _name: str = "") -> None:
        """Another theme: the step header, the title's colours and every panel redrawn."""
        self.apply_theme()
        self._mark_dirty({TAB_VALUE, TAB_GRAD, TAB_JACOBIAN, TAB_BREAKDOWN})

    def _on_step_changed(self) -> None:
        """Redraw once, for the node the controller inspects after the step (not the one before)."""
        node = self.controller.inspected
        if node != self.node:
            self.node = node
            self._fill_pairs()
        self._mark_dirty({TAB_VALUE, TAB_GRAD, TAB_JACOBIAN, TAB_BREAKDOWN})

    def _on_inspected_changed(self, node: str) -> None:
        if (node or None) != self.node:
            self.set_node(node or None)

    def _on_model_changed(self) -> None:
        # the controller follows every model change with step_changed, which redraws the panels
        self.runner.cancel()
        if self.node is not None and self.node not in self.controller.model:
            self.node = None
        self._fill_pairs()

    def _fill_pairs(self) -> None:
        self.pair_combo.clear()
        if self.node is None:
            return
        model = self.controller.model
        # first how the node's own gradient arose (through its consumers), then what it passes to its inputs
        own = [(consumer, self.node) for consumer, _ in model.consumers(self.node)]
        passed = [(self.node, src) for src in model.inputs(self.node).values()]
        gives = translate("Inspector", "gives {name}")
        for out, wrt in own + passed:
            shape = model.shape(out) + model.shape(wrt)
            name = f"∂L/∂{clip(pretty(model.label(wrt)), 40)}"
            text = f"∂{clip(pretty(model.label(out)), 40)}/∂{clip(pretty(model.label(wrt)), 40)}  ({shape_text(shape)})  · {gives.format(name=name)}"
            self.pair_combo.addItem(text, (out, wrt))
        if not own:  # the loss: its inputs, the weight-like one first
            for i in range(self.pair_combo.count()):
                if model.op(self.pair_combo.itemData(i)[1]) == "param":
                    self.pair_combo.setCurrentIndex(i)
                    break

    def _mark_dirty(self, tabs: set[int]) -> None:
        self._dirty |= tabs | ({TAB_DERIVATION} if TAB_BREAKDOWN in tabs else set())
        self._refresh_header()
        self._refresh_visible()

    def _refresh_visible(self) -> None:
        tab = self.tabs.currentIndex()
        if tab not in self._dirty:
            return
        self._dirty.discard(tab)
        if self.runner.busy and self._pending_tab is not None:
            self.runner.cancel()
        show = {
            TAB_VALUE: self._show_value,
            TAB_GRAD: self._show_grad,
            TAB_JACOBIAN: self._show_jacobian,
            TAB_BREAKDOWN: self._show_breakdown,
            TAB_DERIVATION: self._show_derivation,
        }[tab]
        with busy(translate("Inspector", "Drawing {tab}…").format(tab=self.tabs.tabText(tab)), self._panel_elements(tab)):
            show()

    def _panel_elements(self, tab: int) -> int:
        """How many numbers drawing ``tab`` touches (a Jacobian past the worker limit is not built here)."""
        if self.node is None:
            return 0
        model = self.controller.model
        elements = int(np.prod(model.shape(self.node), dtype=np.int64))
        pair = self._current_pair()
        if tab == TAB_DERIVATION:
            return elements + self._lesson_elements()
        if tab in (TAB_JACOBIAN, TAB_BREAKDOWN) and pair is not None:
            size = int(np.prod(self.session.jacobian_shape(*pair), dtype=np.int64))
            elements += size if size <= SYNC_JACOBIAN_LIMIT else 0
        return elements

    def _refresh_step_header(self) -> None:
        session = self.session
        self.step_header.show_step(self.controller.model, session.current, session.total)

    def _refresh_header(self) -> None:
        theme = current_theme()
        node = self.node
        has_node = node is not None
        # shown or hidden only when that changes, so a field with the focus keeps it across steps
        self.layer_box.setVisible(self._layer_index() is not None)
        self.edit_button.setVisible(has_node and self.controller.model.spec(node).info.is_leaf)
        self.pair_combo.setEnabled(self.pair_combo.count() > 0)
        if not has_node:
            self.title.setText(f"<span style='font-size:16pt; font-weight:600'>{escape(translate('Inspector', 'Inspector'))}</span>")
            self.title.setToolTip("")
            self.subtitle.setText(translate("Inspector", "Click a node on the canvas or pick one from the list."))
            return
        model, session = self.controller.model, self.session
        state = session.state(node)
        if state.grad is not None:
            colour, status = theme.gradient.name(), translate("Inspector", "gradient known (기울기)")
        elif state.value is not None:
            colour, status = theme.forward.name(), translate("Inspector", "value known (순전파)")
        else:
            colour, status = theme.muted_text.name(), translate("Inspector", "not reached yet")
        label = pretty(model.label(node))
        title_font = QFont(self.title.font())
        title_font.setPointSizeF(16)
        title_font.setWeight(QFont.Weight.DemiBold)
        shown = elide(label, title_font, max(self.width() - 220, 160))
        self.title.setToolTip(tooltip(label) if shown != label else "")
        self.title.setText(
            f"<span style='font-size:16pt; font-weight:600; color:{colour}'>{escape(shown)}</span>"
            f"&nbsp;&nbsp;<span style='color:{theme.muted_text.name()}'>{escape(op_title(model.op(node)))} · "
            f"{fmt_shape(model.shape(node))}</span>"
        )
        self.subtitle.setText(status)
        self._refresh_layer_box()

    def _layer_index(self) -> int | None:
        return None if self.node is None else edits.layer_of(self.controller.model, self.node)

    def _refresh_layer_box(self) -> None:
        index = self._layer_index()
        if index is None:
            return
        layer = edits.chain_layers(self.controller.model)[index]
        model = self.controller.model
        title = translate("Inspector", "Layer {number}: {formula}").format(number=index + 1, formula=forward_formula(model, layer.linear))
        if layer.activation is not None:
            title += translate("Inspector", ", then {formula}").format(formula=forward_formula(model, layer.activation))
        self.layer_box.setTitle(elide(title, self.layer_box.font(), max(self.width() - 40, 200)))
        for widget, setter, value in (
            (self.width_spin, self.width_spin.setValue, layer.n_out),
            (
                self.activation_combo,
                self.activation_combo.setCurrentIndex,
                self.activation_combo.findData(layer.activation_op),
            ),
            (self.bias_check, self.bias_check.setChecked, layer.bias is not None),
        ):
            widget.blockSignals(True)
            setter(value)
            widget.blockSignals(False)

    # -- layer edits are requests (the window makes them named commands) -------------------------------

    def _on_width_chosen(self, width: int) -> None:
        index = self._layer_index()
        if index is not None:
            self.width_requested.emit(index, width)

    def _on_activation_chosen(self, row: int) -> None:
        index = self._layer_index()
        if index is not None:
            self.activation_requested.emit(index, self.activation_combo.itemData(row) or "")

    def _on_bias_clicked(self, enabled: bool) -> None:
        index = self._layer_index()
        if index is not None:
            self.bias_requested.emit(index, enabled)

    # -- the tabs ---------------------------------------------------------------

    def _show_matrix(self, view: MatrixView, kind: str) -> None:
        node = self.node
        if node is None:
            view.show_message(translate("Inspector", "Select a node to see its numbers."))
            return
        model, session = self.controller.model, self.session
        array = session.value(node) if kind == "value" else session.grad(node)
        if array is None:
            phase = "forward" if kind == "value" else "backward"
            at = _step_of(session, phase, node)
            what = pretty(model.label(node)) if kind == "value" else partial("L", model.label(node))
            message = (
                translate("Inspector", "{what} is not reached yet: the forward pass computes it at step {at}.")
                if kind == "value"
                else translate("Inspector", "{what} is not reached yet: the backward pass computes it at step {at}.")
            )
            view.show_message(message.format(what=what, at=at))
            return
        name = model.label(node)
        top, group = shared_top(session, node, kind)
        view.set_matrix(array, name if kind == "value" else f"∂L/∂{name}", kind, shared_top=top, shared_group=group)

    def _show_value(self) -> None:
        self._show_matrix(self.value_view, "value")

    def _show_grad(self) -> None:
        self._show_matrix(self.grad_view, "grad")

    def _current_pair(self) -> tuple[str, str] | None:
        data = self.pair_combo.currentData()
        return (data[0], data[1]) if data else None

    def _show_jacobian(self) -> None:
        pair = self._current_pair()
        if pair is None:
            self.jacobian_view.show_message(translate("Inspector", "This node has no local derivatives."))
            return
        out, wrt = pair
        model, session = self.controller.model, self.session
        shape = session.jacobian_shape(out, wrt)
        size = int(np.prod(shape, dtype=np.int64))
        title = f"∂{pretty(model.label(out))}/∂{pretty(model.label(wrt))}"
        if size > JACOBIAN_BUDGET:
            self.jacobian_view.show_message(
                translate(
                    "Inspector",
                    "{title} would hold {size} numbers ({shape}), past the budget of {budget}. "
                    "The backward pass never builds it: it uses Jᵀ v.",
                ).format(title=title, size=f"{size:,}", shape=shape_text(shape), budget=f"{JACOBIAN_BUDGET:,}")
            )
            return
        if size > SYNC_JACOBIAN_LIMIT:
            fork = session.fork()
            self._pending_tab = TAB_JACOBIAN
            self.runner.submit(
                translate("Inspector", "Building {title} ({size} numbers)…").format(title=title, size=f"{size:,}"),
                lambda cancelled: ("jacobian", pair, fork.jacobian(out, wrt)),  # one numpy call: checked before
            )
            self.jacobian_view.show_message(translate("Inspector", "Building {title}…").format(title=title))
            return
        try:
            jac = session.jacobian(out, wrt)
        except EngineError as error:
            self.jacobian_view.show_message(str(error))
            return
        self._set_jacobian(pair, jac)

    def _set_jacobian(self, pair: tuple[str, str], jac: np.ndarray) -> None:
        out, wrt = pair
        model = self.controller.model
        self.jacobian_view.set_jacobian(jac, model.label(out), model.label(wrt), model.shape(out), model.shape(wrt))

    def _show_breakdown(self) -> None:
        pair = self._current_pair()
        if pair is None:
            self.breakdown_view.show_message(translate("Inspector", "This node has no local derivatives."))
            return
        out, wrt = pair
        model, session = self.controller.model, self.session
        if session.grad(out) is None:
            at = _step_of(session, "backward", out)
            self.breakdown_view.show_message(
                translate(
                    "Inspector",
                    "The breakdown of {wrt} through {out} needs the upstream gradient {upstream}: "
                    "the backward pass (역전파) computes it at step {at} of {total}.",
                ).format(
                    wrt=partial("L", model.label(wrt)),
                    out=pretty(model.label(out)),
                    upstream=partial("L", model.label(out)),
                    at=at,
                    total=session.total,
                )
            )
            return
        size = int(np.prod(session.jacobian_shape(out, wrt), dtype=np.int64))
        if SYNC_JACOBIAN_LIMIT < size <= JACOBIAN_BUDGET:
            fork = session.fork()
            self._pending_tab = TAB_BREAKDOWN
            self.runner.submit(
                translate("Inspector", "Contracting the Jacobian…"), lambda cancelled: ("breakdown", pair, breakdown(fork, out, wrt))
            )
            self.breakdown_view.show_message(translate("Inspector", "Contracting the Jacobian…"))
            return
        try:
            self.breakdown_view.set_breakdown(breakdown(session, out, wrt))
        except EngineError as error:
            self.breakdown_view.show_message(str(error))

    # -- background results ----------------------------------------------------

    def _on_busy(self, description: str) -> None:
        self.busy_label.setText(description)
        self.busy_widget.show()

    def _on_background_result(self, result: object) -> None:
        self.busy_widget.hide()
        self._pending_tab = None
        kind, pair, payload = result  # type: ignore[misc]
        if pair != self._current_pair():
            return
        if kind == "jacobian":
            self._set_jacobian(pair, payload)
        elif isinstance(payload, Breakdown):
            self.breakdown_view.set_breakdown(payload)
        elif isinstance(payload, LessonData) and payload.node == self.node:
            self.derivation_view.set_data(payload)

    def _on_background_failed(self, message: str) -> None:
        self.busy_widget.hide()
        view = self._view_of(self._pending_tab)
        self._pending_tab = None
        view.show_message(message)

    def _on_background_cancelled(self) -> None:
        self.busy_widget.hide()
        if self._pending_tab is not None:
            view = self._view_of(self._pending_tab)
            view.show_message(translate("Inspector", "Cancelled. Pick the tab again to rebuild it."))
            self._dirty.add(self._pending_tab)
            self._pending_tab = None

    def _view_of(self, tab: int | None) -> JacobianView | BreakdownView | DerivationView:
        return {TAB_JACOBIAN: self.jacobian_view, TAB_DERIVATION: self.derivation_view}.get(tab, self.breakdown_view)  # type: ignore[arg-type]

    # -- the derivation tab ----------------------------------------------------

    def _lesson_elements(self) -> int:
        if self.node is None:
            return 0
        try:
            return lesson_elements(self.session, self.node)
        except EngineError:
            return 0

    def _show_derivation(self) -> None:
        node = self.node
        if node is None:
            self.derivation_view.show_message(translate("Inspector", "Select a node to see how its gradient is derived."))
            return
        pair = self._current_pair()
        if self._lesson_elements() > SYNC_JACOBIAN_LIMIT:
            fork = self.session.fork()
            self._pending_tab = TAB_DERIVATION
            description = translate("Inspector", "Deriving {name}…").format(name=partial("L", self.controller.model.label(node)))
            self.runner.submit(description, lambda cancelled: ("lesson", pair, lesson_data(fork, node, pair, cancelled)))
            self.derivation_view.show_message(description)
            return
        try:
            self.derivation_view.set_data(lesson_data(self.session.fork(), node, pair))
        except EngineError as error:
            self.derivation_view.show_message(str(error))

    def apply_theme(self) -> None:
        """Redraw the views that hold theme colours in their text."""
        self._refresh_step_header()
        self.breakdown_view.apply_theme()
        self.derivation_view.apply_theme()
