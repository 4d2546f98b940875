"""Every edit of the model, named, in one place.

A widget never changes the model: it emits a request, and the window calls
one of the functions below. Each makes one named edit: it words the undo
text (with the labels the user sees, Ŷ rather than ``Yhat``), picks the pure
function of :mod:`explorer.model.edit` that makes the new model, and hands
both to the document's ``edit`` (an :class:`Editor`: :meth:`Controller.edit
<explorer.ui.document.controller.Controller.edit>`), which pushes a
:class:`ModelEditCommand`. This module knows the controller only as that
protocol, so the controller can import the command without a cycle. An edit with a side effect the
user might not expect (new random columns of X and Y, a resized Y) says so
in the status line, and undo takes it back like any other edit.

Every function returns whether the model changed; a refused edit changes
nothing and is reported by the controller in one line.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol

import numpy as np
from PySide6.QtCore import SignalInstance
from PySide6.QtGui import QUndoCommand

from explorer.lesson.notation import pretty
from explorer.model import Model, ModelError, fmt_shape
from explorer.model import edit as edits
from explorer.ui.text.engine_text import error_text
from explorer.ui.text.i18n import translate
from explorer.ui.text.op_names import op_title
from explorer.ui.text.plain import one_line


class Editor(Protocol):
    """What a named edit needs of the document: its model, a way to edit it, and where a refusal goes."""

    error_raised: SignalInstance

    @property
    def model(self) -> Model: ...

    def edit(
        self,
        text: str,
        change: Callable[..., Model],
        *args: Any,
        restarts: bool = True,
        note: str = "",
        moved: str | None = None,
    ) -> bool: ...


#: How a command swaps the document's model: ``replace(model, restarts, text, note, moved, reached)``.
Replace = Callable[[Model, bool, str, str, str | None, int], None]

class ModelEditCommand(QUndoCommand):
    """Swap one model for another; undo swaps back.

    Parameters
    ----------
    replace : callable
        Swaps the document's model: ``replace(model, restarts, text, note, moved, reached)``;
        ``reached`` is the step the pass goes back to (0 for an edit and its redo).
    text : str
        The undo text (``"Add layer 3"``); the status line says it, then
        ``Undo …`` and ``Redo …``.
    old, new : Model
        The models before and after.
    restarts : bool
        Whether the pass starts again at step 0 (every edit but a move).
    note : str
        What else the user should know, said after the edit and its redo.
    moved : str, optional
        The node moved, when moving it is the whole edit: views move that one
        item instead of rebuilding.
    reached : int
        The step the pass had reached before the edit: undo goes back to the
        old model *and* to that step.
    """

    def __init__(
        self,
        replace: Replace,
        text: str,
        old: Model,
        new: Model,
        restarts: bool,
        note: str = "",
        moved: str | None = None,
        reached: int = 0,
    ) -> None:
        super().__init__(text)
        self._replace = replace
        self._old, self._new = old, new
        self._restarts = restarts
        self._note = note
        self.moved = moved
        self._reached = reached
        self._done_once = False

    def redo(self) -> None:
        if self._done_once:
            text = translate("Commands", "Redo {text}").format(text=self.text())
        else:
            text, self._done_once = self.text(), True
        self._replace(self._new, self._restarts, text, self._note, self.moved, 0)

    def undo(self) -> None:
        text = translate("Commands", "Undo {text}").format(text=self.text())
        self._replace(self._old, self._restarts, text, "", self.moved, self._reached)


def label(model: Model, node: str, limit: int = 40) -> str:
    """The name the user sees for ``node``: its label, pretty (``Ŷ``, ``W₃``), on one line."""
    return one_line(pretty(model.label(node)), limit)


# -- building -----------------------------------------------------------------


def output_layer_index(model: Model) -> int:
    """Where "Add layer" inserts: before the output layer, so the output layer keeps its values.

    Raises
    ------
    ModelError
        When the model is not a chain of layers.
    """
    return max(0, len(edits.chain_layers(model)) - 1)


def add_layer(controller: Editor, index: int | None = None, activation: str | None = None) -> bool:
    """Insert a linear layer (then ``activation``) at ``index``; by default before the output layer.

    The layers from ``index`` on keep their numbers (values, biases,
    activations) and move up one place; the status line says which weight
    they are now.
    """
    model = controller.model
    try:
        layers = edits.chain_layers(model)
        at = output_layer_index(model) if index is None else index
    except ModelError as error:
        controller.error_raised.emit(translate("Commands", "Add layer refused: {error}").format(error=error_text(error)))
        return False
    then = translate("Commands", " with {activation}").format(activation=activation) if activation else ""
    text = translate("Commands", "Add layer {number}{then}").format(number=at + 1, then=then)
    note = ""
    if at < len(layers):
        moved = layers[at]
        note = translate(
            "Commands", "Layer {number} ({weight}, {output}) moved up to layer {next}; its numbers are kept."
        ).format(number=at + 1, weight=label(model, moved.weight), output=label(model, moved.output), next=at + 2)
    return controller.edit(text, edits.add_layer, at, None, activation, note=note)


def remove_layer(controller: Editor, index: int) -> bool:
    """Remove layer ``index`` (its weight, bias and activation)."""
    model = controller.model
    try:
        layer = edits.chain_layers(model)[index]
        weight = f" ({label(model, layer.weight)})"
    except (ModelError, IndexError):
        weight = ""
    text = translate("Commands", "Remove layer {number}{weight}").format(number=index + 1, weight=weight)
    return controller.edit(text, edits.remove_layer, index)


def _target_note(before: Model, after: Model) -> str:
    """What happened to the target (Y) as a side effect of another edit, or ""."""
    try:
        target = edits.chain_target(before)
    except ModelError:
        return ""
    if target not in after or before.shape(target) == after.shape(target):
        return ""
    return translate("Commands", "{target} resized from {old} to {new} to match {prediction}.").format(
        target=label(before, target),
        old=fmt_shape(before.shape(target)),
        new=fmt_shape(after.shape(target)),
        prediction=label(before, before.inputs(before.loss_id).get("pred", before.loss_id)),
    )


def set_width(controller: Editor, index: int, width: int) -> bool:
    """Set layer ``index``'s output width; the output layer's width also resizes the target (said)."""
    text = translate("Commands", "Set layer {number} width to {width}").format(number=index + 1, width=width)
    before = controller.model
    try:
        after = edits.set_width(before, index, width)
    except ModelError:
        after = before  # the controller words the refusal
    return controller.edit(text, edits.set_width, index, width, note=_target_note(before, after))


def set_activation(controller: Editor, index: int, activation: str | None) -> bool:
    """Set (or drop, with None) layer ``index``'s activation."""
    name = activation or translate("Commands", "none")
    text = translate("Commands", "Set layer {number} activation to {name}").format(number=index + 1, name=name)
    return controller.edit(text, edits.set_activation, index, activation)


def set_bias(controller: Editor, index: int, enabled: bool) -> bool:
    """Give layer ``index`` a zero bias, or take its bias away."""
    if enabled:
        text = translate("Commands", "Add bias of layer {number}").format(number=index + 1)
    else:
        text = translate("Commands", "Remove bias of layer {number}").format(number=index + 1)
    return controller.edit(text, edits.set_bias, index, enabled)


def set_loss(controller: Editor, op: str) -> bool:
    """Use the loss ``op`` (``half_sse``, ``sse``, ``mse``)."""
    text = translate("Commands", "Set loss to {loss}").format(loss=op_title(op))
    return controller.edit(text, edits.set_loss, op)


def set_batch(controller: Editor, batch: int) -> bool:
    """Give the inputs and targets ``batch`` columns; new columns are seeded random numbers (said)."""
    model = controller.model
    text = translate("Commands", "Set batch to {batch}").format(batch=batch)
    data = [n for n in model.leaves if model.op(n) in ("input", "target") and len(model.shape(n)) == 2]
    names = ", ".join(label(model, n) for n in data)
    old = model.shape(data[0])[1] if data else batch
    if batch > old:
        note = translate("Commands", "{names} got {count} new column(s) of seeded random numbers.").format(
            names=names, count=batch - old
        )
    elif batch < old:
        note = translate("Commands", "{names} lost their last {count} column(s).").format(
            names=names, count=old - batch
        )
    else:
        note = ""
    return controller.edit(text, edits.set_batch, batch, note=note)


def set_requires_grad(controller: Editor, node: str, requires_grad: bool) -> bool:
    """Have the backward pass compute ``∂L/∂node`` of an input or a target, or not (the pass restarts)."""
    name = label(controller.model, node)
    if requires_grad:
        text = translate("Commands", "Compute ∂L/∂{node}").format(node=name)
    else:
        text = translate("Commands", "Stop computing ∂L/∂{node}").format(node=name)
    return controller.edit(text, edits.set_requires_grad, node, requires_grad)


def set_values(controller: Editor, node: str, values: np.ndarray) -> bool:
    """Replace the numbers of the leaf ``node``."""
    text = translate("Commands", "Edit {node}").format(node=label(controller.model, node))
    return controller.edit(text, edits.set_value, node, values)


def move_node(controller: Editor, node: str, x: float, y: float) -> bool:
    """Put ``node`` at ``(x, y)`` on the canvas; the pass keeps its step."""
    text = translate("Commands", "Move {node}").format(node=label(controller.model, node))
    return controller.edit(text, edits.set_position, node, (x, y), restarts=False, moved=node)
