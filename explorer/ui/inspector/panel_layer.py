"""The inspector's layer box: the inspected node's layer, its width, activation and bias.

:func:`layer_box` builds the box and its fields; :class:`InspectorLayer`, a
part of :class:`~explorer.ui.inspector.panel.Inspector` (it derives from
it), fills them for the inspected node and turns a change into a request
(``width_requested``, ``activation_requested``, ``bias_requested``) that the
window makes a named edit.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, SignalInstance
from PySide6.QtWidgets import QCheckBox, QComboBox, QGroupBox, QHBoxLayout, QLabel, QSpinBox, QWidget

from explorer.lesson import forward_formula
from explorer.model import ACTIVATIONS, Model
from explorer.model import edit as edits
from explorer.ui.document.controller import Controller
from explorer.ui.text.i18n import translate
from explorer.ui.text.op_names import op_title
from explorer.ui.text.plain import elide


def layer_box(parent: QWidget) -> tuple[QGroupBox, QSpinBox, QComboBox, QCheckBox]:
    """The layer's box in ``parent``: its width, activation and bias fields (filled by :class:`InspectorLayer`)."""
    box = QGroupBox(translate("Inspector", "Layer"), parent)
    width_spin = QSpinBox(box)
    width_spin.setRange(1, 4096)
    width_spin.setKeyboardTracking(False)
    width_spin.setToolTip(translate("Inspector", "Outputs of this layer (the columns of its W); the next W follows"))
    activation_combo = QComboBox(box)
    # as wide as a short name, whatever the longest activation: the header's height never depends on the op table
    activation_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    activation_combo.setMinimumContentsLength(8)
    activation_combo.addItem(translate("Inspector", "none (no node)"), None)
    activation_combo.setItemData(
        0, translate("Inspector", "No activation node: the layer's output H goes straight on"), Qt.ItemDataRole.ToolTipRole
    )
    for name in ACTIVATIONS:
        activation_combo.addItem(op_title(name), name)
    identity = activation_combo.findData("identity")
    if identity >= 0:  # beside "none": the same numbers, one more node and one more step
        activation_combo.setItemData(
            identity,
            translate("Inspector", "A node that passes H on unchanged: the same numbers as none, "
                      "with one more step whose local Jacobian is the identity I"),
            Qt.ItemDataRole.ToolTipRole,
        )
    bias_check = QCheckBox(translate("Inspector", "bias b"), box)
    row = QHBoxLayout(box)
    row.addWidget(QLabel(translate("Inspector", "width"), box))
    row.addWidget(width_spin)
    row.addSpacing(12)
    row.addWidget(QLabel(translate("Inspector", "activation"), box))
    row.addWidget(activation_combo, 1)
    row.addSpacing(12)
    row.addWidget(bias_check)
    return box, width_spin, activation_combo, bias_check


class InspectorLayer:
    """Fills the layer box for the inspected node; its fields' changes become requests."""

    controller: Controller
    node: str | None
    layer_box: QGroupBox
    width_spin: QSpinBox
    activation_combo: QComboBox
    bias_check: QCheckBox
    _layer_of: tuple[Model | None, str | None, int | None]  # (model, node, its layer index)
    _layer_box_shows: tuple[Model, str | None, int] | tuple[()]  # (model, node, width) the box was filled for
    width_requested: SignalInstance
    activation_requested: SignalInstance
    bias_requested: SignalInstance

    if TYPE_CHECKING:

        def width(self) -> int: ...

    def _layer_index(self) -> int | None:
        """The inspected node's layer (None: not in a layer), worked out once per model and node."""
        if self.node is None:
            return None
        model, node = self.controller.model, self.node
        if self._layer_of[0] is not model or self._layer_of[1] != node:  # a model is immutable: its identity says it all
            self._layer_of = (model, node, edits.layer_of(model, node))
        return self._layer_of[2]

    def _refresh_layer_box(self) -> None:
        index = self._layer_index()
        model, width = self.controller.model, self.width()
        last = self._layer_box_shows
        if index is None or (last and last[0] is model and last[1:] == (self.node, width)):
            return  # a step changes nothing in the layer's box
        self._layer_box_shows = (model, self.node, width)
        layer = edits.chain_layers(self.controller.model)[index]
        model = self.controller.model
        title = translate("Inspector", "Layer {number}: {formula}").format(number=index + 1, formula=forward_formula(model, layer.linear))
        if layer.activation is not None:
            title += translate("Inspector", ", then {formula}").format(formula=forward_formula(model, layer.activation))
        self.layer_box.setTitle(elide(title, self.layer_box.font(), max(self.width() - 40, 200)))
        fields: tuple[tuple[QWidget, Callable[[Any], object], object], ...] = (
            (self.width_spin, self.width_spin.setValue, layer.n_out),
            (
                self.activation_combo,
                self.activation_combo.setCurrentIndex,
                self.activation_combo.findData(layer.activation_op),
            ),
            (self.bias_check, self.bias_check.setChecked, layer.bias is not None),
        )
        for widget, setter, value in fields:
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
