"""One line for each step, as the status bar and the canvas say it.

>>> from explorer.model.examples import toy_model
>>> from explorer.engine import Session
>>> s = Session(toy_model())
>>> describe_step(s.model, s.step())
'Forward 1/11: H₁ = W₁ᵀ · X'
>>> s.run(); describe_step(s.model, s.plan[7])
'Backward 8/11: ∂L/∂H₂ = W₃ · δ'
"""

from __future__ import annotations

from explorer.engine.session import Step
from explorer.lesson.notation import partial, pretty, shape_text, subscript
from explorer.model import Model
from explorer.model.messages import Message, define, message
from explorer.ops import OPS

define({
    "lesson.delta": "δ = {name} ({shape}), the gradient arriving at {node}",
    "lesson.v_is": "v = {delta}",
    "lesson.count": "N = {n}, the number of elements of {node} (batch included)",
    "lesson.samples": "s runs over the samples (the columns)",
})



def closed_form(model: Model, node: str, port: str) -> str:
    """The simplified gradient through one port, ``H₂ · δᵀ``, in the lecture's symbols.

    >>> from explorer.model.examples import toy_model
    >>> closed_form(toy_model(), "Yhat", "w")
    'H₂ · δᵀ'
    """
    labels = {p: pretty(model.label(src)) for p, src in model.inputs(node).items()}
    return OPS[model.op(node)].closed_form[port].format(**labels)


def definitions(model: Model, node: str, port: str) -> tuple[Message, ...]:
    """What the symbols of :func:`closed_form` stand for: δ, N, s, as messages.

    >>> from explorer.model.examples import toy_model
    >>> [str(d) for d in definitions(toy_model(), "Yhat", "w")]
    ['δ = ∂L/∂Ŷ (2×1), the gradient arriving at Ŷ']
    """
    form = closed_form(model, node, port)
    found: list[Message] = []
    if "δ" in form:
        found.append(delta_definition(model, node))
    if "/ N" in form:
        pred = model.inputs(node)["pred"]
        n = 1
        for d in model.shape(pred):
            n *= d
        found.append(message("lesson.count", n=n, node=pretty(model.label(pred))))
    if "Σₛ" in form:
        found.append(message("lesson.samples"))
    return tuple(found)


def delta_definition(model: Model, node: str) -> Message:
    """``δ = ∂L/∂Ŷ (2×1), the gradient arriving at Ŷ``: δ always belongs to one node."""
    return message(
        "lesson.delta", name=partial("L", model.label(node)), shape=shape_text(model.shape(node)), node=pretty(model.label(node))
    )


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
    terms = [closed_form(model, consumer, port) for consumer, port in model.consumers(node)]
    if len(terms) == 1:
        consumer, port = model.consumers(node)[0]
        notes = "; ".join(map(str, definitions(model, consumer, port)))
        return f"{name} = {terms[0]}" + (f"   ({notes})" if name_delta and notes else "")
    # several consumers: each share has its own δ, numbered so no two read alike
    consumers = model.consumers(node)
    numbered = [t.replace("δ", f"δ{subscript(n)}") for n, t in enumerate(terms, 1)]
    text = f"{name} = " + " + ".join(f"[{t}]" for t in numbered)
    if name_delta:
        text += "   (" + "; ".join(
            f"δ{subscript(n)} = {partial('L', model.label(c))}" for n, (c, _) in enumerate(consumers, 1)
        ) + ")"
    return text


def describe_step(model: Model, step: Step | None, total: int | None = None) -> str:
    """``Forward 3/13: H₂ = W₂ᵀ · H₁`` or ``Backward 5/13: ∂L/∂W₃ = H₂ · δᵀ``."""
    if step is None:
        return "Ready: step to begin the forward pass (순전파)"
    count = f"{step.index}/{total if total is not None else _total(model)}"
    if step.phase == "forward":
        return f"Forward {count}: {forward_formula(model, step.node)}"
    return f"Backward {count}: {backward_formula(model, step.node)}"


def _total(model: Model) -> int:
    """The steps of a pass: every op node forward, then every node whose gradient is computed backward."""
    return len(model.op_nodes) + sum(model.requires_grad(n) for n in model.order)
