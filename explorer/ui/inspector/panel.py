"""The inspector: everything about the selected node at the current step.

Value and gradient as heatmaps, the Jacobian as a grid of slices, and the
tensor-product breakdown. Each view is built when its tab is first shown
(:mod:`.lazy_tabs`), and only the visible tab is redrawn on a step
(:mod:`.panel_tabs` fills them); a large Jacobian or breakdown goes to a
worker thread with a busy bar and a cancel button. The numbers all come
from the session.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSignalBlocker, Qt, Signal
from PySide6.QtGui import QFont, QFontMetrics, QResizeEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from explorer.lesson.notation import pretty
from explorer.model import Model, fmt_shape
from explorer.ui.canvas.step_header import StepHeader
from explorer.ui.canvas.still_header import StillHeader
from explorer.ui.document.controller import Controller
from explorer.ui.inspector.lazy_tabs import LazyTabs
from explorer.ui.inspector.panel_layer import InspectorLayer, layer_box
from explorer.ui.inspector.panel_tabs import (
    SYNC_JACOBIAN_LIMIT,
    TAB_BREAKDOWN,
    TAB_DERIVATION,
    TAB_GRAD,
    TAB_JACOBIAN,
    TAB_VALUE,
    Drawn,
    InspectorTabs,
    derivation_view,
    jacobian_view,
    matrix_view,
)
from explorer.ui.kit import first_frame
from explorer.ui.kit.busy import busy
from explorer.ui.kit.guard import guarded
from explorer.ui.kit.theme import current_theme, mixed_line_height, themes
from explorer.ui.kit.workers import BackgroundRunner
from explorer.ui.text.i18n import translate
from explorer.ui.text.op_names import op_title
from explorer.ui.text.plain import clip, elide, escape, plain, tooltip
from explorer.ui.text.vocabulary import shape_words as shape_text  # a scalar worded: 스칼라

__all__ = [
    "SYNC_JACOBIAN_LIMIT",
    "TAB_BREAKDOWN",
    "TAB_DERIVATION",
    "TAB_GRAD",
    "TAB_JACOBIAN",
    "TAB_VALUE",
    "Inspector",
]

#: Every tab's page keeps this room, built or not (a heatmap's and the Jacobian's minimum).
PAGE_MINIMUM = (240, 280)


class Inspector(InspectorTabs, InspectorLayer, QWidget):
    """The side panel for the selected node; reads the controller's session."""

    edit_values_requested = Signal(str)  # the node whose numbers to edit
    width_requested = Signal(int, int)  # layer index, new width
    activation_requested = Signal(int, str)  # layer index, activation op ("" for none)
    bias_requested = Signal(int, bool)  # layer index, whether it has a bias
    requires_grad_requested = Signal(str, bool)  # an input or a target, whether the backward pass computes ∂L/∂node

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
        self.layer_box, self.width_spin, self.activation_combo, self.bias_check = layer_box(self)
        self.width_spin.valueChanged.connect(self._on_width_chosen)
        self.activation_combo.activated.connect(self._on_activation_chosen)
        self.bias_check.clicked.connect(self._on_bias_clicked)

        # a leaf's numbers
        self.edit_button = QPushButton(translate("Inspector", "Edit values…"), self)
        self.edit_button.setToolTip(translate("Inspector", "Edit this matrix in a table (a non-number is refused)"))
        self.edit_button.clicked.connect(lambda: self.node and self.edit_values_requested.emit(self.node))
        # data: whether the backward pass computes its gradient (PyTorch's requires_grad, off for data by default)
        self.grad_check = QCheckBox("requires_grad", self)
        self.grad_check.setToolTip(
            translate(
                "Inspector",
                "Compute ∂L/∂ of this input or target in the backward pass, as X.requires_grad_() does in PyTorch; "
                "data needs no gradient to learn, so it is off by default",
            )
        )
        self.grad_check.clicked.connect(lambda on: self.node and self.requires_grad_requested.emit(self.node, on))

        # which Jacobian / breakdown
        self.pair_combo = QComboBox(self)
        self.pair_combo.setToolTip(translate("Inspector", "Which local derivative to show: ∂(op)/∂(its input)"))
        self.pair_combo.activated.connect(lambda _: self._mark_dirty({TAB_JACOBIAN, TAB_BREAKDOWN}))
        pair_row = QHBoxLayout()
        pair_row.addWidget(QLabel(translate("Inspector", "Local derivative:"), self))
        pair_row.addWidget(self.pair_combo, 1)

        # each view is built when its tab is first shown (the window's first frame needs one)
        self.tabs = LazyTabs(PAGE_MINIMUM, self)
        self.tabs.add_lazy_tab(matrix_view, translate("Inspector", "Value · 값"))
        self.tabs.add_lazy_tab(matrix_view, translate("Inspector", "Gradient · 변화도"))
        self.tabs.add_lazy_tab(jacobian_view, translate("Inspector", "Jacobian · 야코비안"))
        self.tabs.add_lazy_tab(self._breakdown_view, translate("Inspector", "Breakdown · 텐서곱"))
        self.tabs.add_lazy_tab(derivation_view, translate("Inspector", "Derivation · 유도"))
        self.tabs.currentChanged.connect(lambda _: self._refresh_visible())
        self._tab_picked = False  # until the user picks a tab, the inspector follows the pass
        self.tabs.tabBarClicked.connect(self._on_tab_clicked)

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
        self._drawn: dict[int, Drawn] = {}
        self._layer_of: tuple[Model | None, str | None, int | None] = (None, None, None)  # (model, node, its layer index)
        self._layer_box_shows: tuple[Model, str | None, int] | tuple[()] = ()  # (model, node, width) the layer box was filled for

        # the header keeps its height whatever the node's kind, so the tab bar below never moves
        for hidden_keeps_room in (self.layer_box, self.edit_button, self.grad_check):
            policy = hidden_keeps_room.sizePolicy()
            policy.setRetainSizeWhenHidden(True)
            hidden_keeps_room.setSizePolicy(policy)
        self.subtitle.setWordWrap(False)  # one line: the header's height never depends on it
        self._fit_title()
        self.subtitle.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.subtitle.setMinimumHeight(mixed_line_height(self.subtitle.font()))  # a Hangul word changes no height

        layout = QVBoxLayout(self)
        layout.addWidget(self.step_header)
        title_row = QHBoxLayout()  # the edit button beside the name: one row less on a small screen
        title_row.addWidget(self.title, 1)
        title_row.addWidget(self.grad_check, 0, Qt.AlignmentFlag.AlignVCenter)
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

    def _title_font(self) -> QFont:
        """The node's name in the title: ``x-large``, half as large again as the text."""
        font = QFont(self.font())
        if font.pixelSize() > 0:  # presentation mode sets the text in pixels
            font.setPixelSize(round(font.pixelSize() * 1.5))
        else:
            font.setPointSizeF(font.pointSizeF() * 1.5)
        return font

    def _fit_title(self) -> None:
        self.title.setFixedHeight(QFontMetrics(self._title_font()).height() + 10)  # a hat or an accent adds nothing

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt override)
        """Another text size: the title refitted; another language: the header, the layer's box and every panel worded anew."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._fit_title()  # the text zoom changed
            self.subtitle.setMinimumHeight(mixed_line_height(self.subtitle.font()))
        elif event.type() == QEvent.Type.LanguageChange:
            self._layer_box_shows = ()
            pair = self.pair_combo.currentIndex()
            self._fill_pairs()
            if 0 <= pair < self.pair_combo.count():
                self.pair_combo.setCurrentIndex(pair)
            self._on_theme_changed()

    @guarded("resizing the inspector")
    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt override)
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self._refresh_header()  # a long label is elided to the new width

    # -- the views, each built when first needed ---------------------------------

    def _breakdown_view(self) -> QWidget:
        from explorer.ui.inspector.breakdown_view import BreakdownView

        view = BreakdownView()
        view.session_source = lambda: self.controller.session
        return view

    value_view = property(lambda self: self.tabs.view(TAB_VALUE), doc="The value's heatmap.")
    grad_view = property(lambda self: self.tabs.view(TAB_GRAD), doc="The gradient's heatmap.")
    jacobian_view = property(lambda self: self.tabs.view(TAB_JACOBIAN), doc="The local Jacobian's slices.")
    breakdown_view = property(lambda self: self.tabs.view(TAB_BREAKDOWN), doc="The tensor-product breakdown.")
    derivation_view = property(lambda self: self.tabs.view(TAB_DERIVATION), doc="The derivation.")

    # -- what is shown ---------------------------------------------------------

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
        self._follow_the_pass()
        self._mark_dirty({TAB_VALUE, TAB_GRAD, TAB_JACOBIAN, TAB_BREAKDOWN})

    def _follow_the_pass(self) -> None:
        """Value during the forward pass, Gradient during the backward pass, until the user picks a tab."""
        if self._tab_picked or self.tabs.currentIndex() not in (TAB_VALUE, TAB_GRAD):
            return
        current = self.session.current
        wanted = TAB_GRAD if current is not None and current.phase == "backward" else TAB_VALUE
        if self.tabs.currentIndex() != wanted:
            self.tabs.setCurrentIndex(wanted)

    def _on_tab_clicked(self, index: int) -> None:
        """A tab the user picked stays: the inspector stops following the pass."""
        if index >= 0:
            self._tab_picked = True

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
        if not self.tabs.is_built(tab) and first_frame.waiting(self):  # a starting window: its frame first
            self.tabs.show_placeholder(tab, translate("Inspector", "Drawing {tab}…").format(tab=self.tabs.tabText(tab)))
            first_frame.after_first_frame(self, self._refresh_visible)
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

    def _refresh_step_header(self) -> None:
        session = self.session
        self.step_header.show_step(self.controller.model, session.current, session.total)

    def _refresh_header(self) -> None:
        theme = current_theme()
        node = self.node
        # shown or hidden only when that changes, so a field with the focus keeps it across steps
        self.layer_box.setVisible(self._layer_index() is not None)
        self.edit_button.setVisible(node is not None and self.controller.model.spec(node).info.is_leaf)
        asked = None if node is None else self.controller.model.data_requires_grad(node)
        self.grad_check.setVisible(asked is not None)
        if asked is not None and self.grad_check.isChecked() != asked:
            with QSignalBlocker(self.grad_check):
                self.grad_check.setChecked(asked)
        self.pair_combo.setEnabled(self.pair_combo.count() > 0)
        if node is None:
            heading = translate("Inspector", "Inspector")  # outside the f-string, where lupdate finds it
            self.title.setText(f"<span style='font-size:x-large; font-weight:600'>{escape(heading)}</span>")
            self.title.setToolTip("")
            self.subtitle.setText(translate("Inspector", "Click a node on the canvas or pick one from the list."))
            return
        model, session = self.controller.model, self.session
        state = session.state(node)
        if state.grad is not None:
            colour, status = theme.gradient.name(), translate("Inspector", "gradient known (변화도)")
        elif state.value is not None and not model.requires_grad(node):
            colour = theme.forward.name()
            status = translate("Inspector", "value known; no gradient: requires_grad is off, as for data in PyTorch")
        elif state.value is not None:
            colour, status = theme.forward.name(), translate("Inspector", "value known (순전파)")
        else:
            colour, status = theme.muted_text.name(), translate("Inspector", "not reached yet")
        label = pretty(model.label(node))
        title_font = self._title_font()
        title_font.setWeight(QFont.Weight.DemiBold)
        shown = elide(label, title_font, max(self.width() - 220, 160))
        self.title.setToolTip(tooltip(label) if shown != label else "")
        self.title.setText(
            f"<span style='font-size:x-large; font-weight:600; color:{colour}'>{escape(shown)}</span>"
            f"&nbsp;&nbsp;<span style='color:{theme.muted_text.name()}'>{escape(op_title(model.op(node)))} · "
            f"{escape(fmt_shape(shape) if (shape := model.shape(node)) else shape_text(shape))}</span>"  # a scalar: its word
        )
        self.subtitle.setText(status)
        self._refresh_layer_box()

    def apply_theme(self) -> None:
        """Redraw the views that hold theme colours in their text (a view not built yet is drawn in the theme of its day)."""
        self._refresh_step_header()
        for tab in (TAB_BREAKDOWN, TAB_DERIVATION):
            if self.tabs.is_built(tab):
                self._view_of(tab).apply_theme()
