"""The current step at the centre: its formula, large, with every symbol in it defined.

Shown at the top of the inspector and redrawn on every step; transient status
messages go to the status bar and never cover it. ``Forward 3/13 · 순전파``
over ``H₂ = W₂ᵀ · H₁``, then ``where H₂ (3×1) is …, W₂ (3×3) a parameter, …``;
backward steps define δ with the node it belongs to (``δ = ∂L/∂Ŷ (2×1)``).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from explorer.engine import Step
from explorer.lesson import backward_formula, forward_formula
from explorer.lesson.describe import definitions
from explorer.lesson.notation import partial, pretty, subscript
from explorer.model import Model
from explorer.ui.kit.theme import current_theme
from explorer.ui.text.engine_text import worded
from explorer.ui.text.i18n import translate
from explorer.ui.text.op_names import op_title
from explorer.ui.text.rich_math import math_html
from explorer.ui.text.vocabulary import shape_words as shape_text  # a scalar worded: 스칼라


def role(model: Model, node: str) -> str:
    """What a node is, in a few words: ``the input``, ``a parameter (weights)``, ``σ applied to H₁``."""
    op = model.op(node)
    inputs = model.inputs(node)
    if op == "input":
        return translate("StepHeader", "the input (data)")
    if op == "param":
        return translate("StepHeader", "a parameter, learned by 경사 하강법 (gradient descent)")
    if op == "target":
        return translate("StepHeader", "the target the output should match")
    if op == "linear":
        return translate("StepHeader", "the output of a linear layer, one column per sample")
    if model.spec(node).info.is_loss:
        return translate("StepHeader", "the loss, a scalar")
    return translate("StepHeader", "{op} applied element by element to {x}").format(op=op_title(op), x=pretty(model.label(inputs["x"])))


def step_formula(model: Model, step: Step) -> str:
    """The step's formula: ``H₁ = W₁ᵀ · X`` forward, ``∂L/∂W₃ = H₂ · δᵀ`` backward."""
    if step.phase == "forward":
        return forward_formula(model, step.node)
    return backward_formula(model, step.node)


def step_definitions(model: Model, step: Step) -> list[str]:
    """Every symbol of :func:`step_formula` with its shape and meaning, δ with the node it belongs to."""
    node = step.node
    lines: list[str] = []

    def define(n: str) -> None:
        lines.append(f"{pretty(model.label(n))} ({shape_text(model.shape(n))}): {role(model, n)}")

    if step.phase == "forward":
        define(node)
        for src in model.inputs(node).values():
            define(src)
        return lines
    name = partial("L", model.label(node))
    lines.append(
        translate("StepHeader", "{name} ({shape}): the gradient (변화도) of the loss with respect to {node}, shaped like {node}").format(
            name=name, shape=shape_text(model.shape(node)), node=pretty(model.label(node))
        )
    )
    if node == model.loss_id:
        return lines
    consumers = model.consumers(node)
    formula = backward_formula(model, node)
    for n, (consumer, port) in enumerate(consumers, 1):
        for text in map(worded, definitions(model, consumer, port)):
            lines.append(text.replace("δ", f"δ{subscript(n)}", 1) if len(consumers) > 1 else text)
        for src in model.inputs(consumer).values():
            shown = pretty(model.label(src))
            if src != node and shown in formula:
                define(src)
        if pretty(model.label(consumer)) in formula.split("=", 1)[1]:
            define(consumer)
    return lines


class StepHeader(QFrame):
    """The step's phase and count, its formula in large type, and the symbols' definitions."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.phase_label = QLabel(self)
        self.formula_label = QLabel(self)
        self.where_label = QLabel(self)
        for label in (self.phase_label, self.formula_label, self.where_label):
            label.setTextFormat(Qt.TextFormat.RichText)  # our markup; every name in it is escaped
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.setSpacing(2)
        layout.addWidget(self.phase_label)
        layout.addWidget(self.formula_label)
        layout.addWidget(self.where_label)
        self._shown: tuple[Model, Step | None, int] | None = None

    def show_step(self, model: Model, step: Step | None, total: int) -> None:
        """Show ``step`` (None: before the first step)."""
        self._shown = (model, step, total)
        theme = current_theme()
        muted = theme.muted_text.name()
        if step is None:
            ready = translate("StepHeader", "Ready · 0/{total}").format(total=total)
            begin = translate("StepHeader", "Step to begin the forward pass (순전파)")
            self.phase_label.setText(f"<span style='color:{muted}'>{math_html(ready)}</span>")
            self.formula_label.setText(f"<span style='font-size:x-large'>{math_html(begin)}</span>")
            self.where_label.setText("")
            return
        if step.phase == "forward":
            phase = translate("StepHeader", "Forward {index}/{total} · 순전파").format(index=step.index, total=total)
            colour = theme.forward.name()
        else:
            phase = translate("StepHeader", "Backward {index}/{total} · 역전파").format(index=step.index, total=total)
            colour = theme.gradient.name()
        self.phase_label.setText(f"<span style='color:{muted}; font-weight:600'>{math_html(phase)}</span>")
        self.formula_label.setText(
            f"<span style='font-size:x-large; font-weight:600; color:{colour}'>{math_html(step_formula(model, step), 400)}</span>"
        )
        items = "".join(f"<li>{math_html(line, 400)}</li>" for line in step_definitions(model, step))
        where = math_html(translate("StepHeader", "where"))
        self.where_label.setText(f"<span style='color:{muted}'>{where}</span><ul style='margin:0; margin-left:-20px'>{items}</ul>")

    def formula_text(self) -> str:
        """The formula as shown (plain text), for tests."""
        from PySide6.QtGui import QTextDocumentFragment

        return QTextDocumentFragment.fromHtml(self.formula_label.text()).toPlainText()

    def apply_theme(self) -> None:
        if self._shown is not None:
            self.show_step(*self._shown)
