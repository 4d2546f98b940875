"""One line for each step, as the status bar and the canvas say it.

>>> from explorer.examples import toy_model
>>> from explorer.engine import Session
>>> s = Session(toy_model())
>>> describe_step(s.model, s.step())
'Forward 1/13: H₁ = W₁ᵀ · X'
>>> s.run(); describe_step(s.model, s.plan[8])
'Backward 9/13: ∂L/∂H₂ = W₃ · δ'
"""

from __future__ import annotations

from ..model import Model
from .notation import partial, pretty
from .ops import OPS
from .session import Step


def forward_formula(model: Model, node: str) -> str:
    """``H₁ = W₁ᵀ · X``: how a node's value is computed, in the lecture's symbols."""
    labels = {port: pretty(model.label(src)) for port, src in model.inputs(node).items()}
    text = OPS[model.op(node)].formula.format(**labels)
    if "b" in labels:
        text += f" + {labels['b']}"
    return f"{pretty(model.label(node))} = {text}"


def backward_formula(model: Model, node: str, name_delta: bool = False) -> str:
    """``∂L/∂W₃ = H₂ · δᵀ``: how a node's gradient is computed.

    δ is the consumer's gradient; ``name_delta`` appends what it stands for.
    """
    name = partial("L", model.label(node))
    if node == model.loss_id:
        return f"{name} = 1"
    terms = []
    for consumer, port in model.consumers(node):
        labels = {p: pretty(model.label(src)) for p, src in model.inputs(consumer).items()}
        terms.append(OPS[model.op(consumer)].closed_form[port].format(**labels))
    if len(terms) == 1:
        consumer = model.consumers(node)[0][0]
        delta = f"   (δ = {partial('L', model.label(consumer))})" if name_delta else ""
        return f"{name} = {terms[0]}{delta}"
    return f"{name} = " + " + ".join(f"[{t}]" for t in terms)


def describe_step(model: Model, step: Step | None, total: int | None = None) -> str:
    """``Forward 3/13: H₂ = W₂ᵀ · H₁`` or ``Backward 5/13: ∂L/∂W₃ = H₂ · δᵀ``."""
    if step is None:
        return "Ready: step to begin the forward pass (순전파)"
    count = f"{step.index}/{total if total is not None else _total(model)}"
    if step.phase == "forward":
        return f"Forward {count}: {forward_formula(model, step.node)}"
    return f"Backward {count}: {backward_formula(model, step.node)}"


def _total(model: Model) -> int:
    return len(model.op_nodes) + len(model.order)
