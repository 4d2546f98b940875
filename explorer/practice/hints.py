"""The hint ladder of a practice question: the formula, then the shapes, then one element worked out.

Each rung is text in the lecture's symbols, built from the lessons (the
formula) and the engine's numbers (the element); the window words the
sentences around them.

>>> from explorer.engine import Session
>>> from explorer.model.examples import toy_model
>>> session = Session(toy_model()); session.seek(8)
>>> ladder = hints(session, Item("q", 8, "grad", "W3"))
>>> ladder.formula
'∂L/∂W₃ = H₂ · δᵀ'
>>> ladder.shapes
(('∂L/∂W₃', (3, 2)), ('H₂', (3, 1)), ('δ = ∂L/∂Ŷ', (2, 1)))
>>> ladder.element
'∂L/∂w₁₁ = h₁ × δ₁ = 0.23 × (−0.266) = −0.06118'
"""

from __future__ import annotations

from dataclasses import dataclass

from explorer.engine import Session
from explorer.lesson import backward_formula, forward_formula
from explorer.lesson.notation import element, pretty, subscript
from explorer.model.numbers import shown, signed
from explorer.practice.items import Item


@dataclass(frozen=True)
class Hints:
    """The three rungs: ``formula``, ``shapes`` as ``(name, shape)`` pairs (the answer's first), ``element``."""

    formula: str
    shapes: tuple[tuple[str, tuple[int, ...]], ...]
    element: str


def _name(session: Session, node: str) -> str:
    return pretty(session.model.label(node))


def _sub(index: tuple[int, ...]) -> str:
    return "".join(subscript(i + 1) for i in index)


def _worked_value(session: Session, node: str, index: tuple[int, ...]) -> str:
    model = session.model
    op = model.spec(node).info
    value = session.value(node)
    assert value is not None
    inputs = {port: session.value(source) for port, source in model.inputs(node).items()}
    head = element(_name(session, node), index) if index else _name(session, node)
    if op.kind == "layer" and len(index) == 2:
        x, w = inputs["x"], inputs["w"]
        assert x is not None
        assert w is not None
        j, b = index
        terms = [f"{signed(w[k, j])} × {signed(x[k, b])}" for k in range(w.shape[0])]
        bias = f" + {signed(inputs['b'][j])}" if inputs.get("b") is not None else ""  # type: ignore[index]
        return f"{head} = Σₖ wₖ{subscript(j + 1)} xₖ = {' + '.join(terms[:6])}{' + …' if len(terms) > 6 else ''}{bias} = {shown(value[index])}"
    if op.kind == "activation":
        x = inputs["x"]
        assert x is not None
        return f"{head} = {op.symbol}({shown(x[index])}) = {shown(value[index])}"
    return f"{head} = {shown(value[index] if index else float(value))}"


def _worked_grad(session: Session, node: str, index: tuple[int, ...]) -> str:
    model = session.model
    grad = session.grad(node)
    assert grad is not None
    head = f"∂L/∂{element(_name(session, node), index)}" if index else f"∂L/∂{_name(session, node)}"
    consumers = model.consumers(node)
    if len(consumers) == 1 and grad.ndim == 2:
        consumer, port = consumers[0]
        op = model.spec(consumer).info
        delta = session.grad(consumer)
        inputs = {p: session.value(s) for p, s in model.inputs(consumer).items()}
        if op.kind == "layer" and port == "w" and delta is not None and inputs["x"] is not None:
            k, j = index
            x = inputs["x"]
            if x.shape[1] == 1:
                return f"{head} = h{subscript(k + 1)} × δ{subscript(j + 1)} = {signed(x[k, 0])} × {signed(delta[j, 0])} = {shown(grad[index])}"
            terms = " + ".join(f"{signed(x[k, b])} × {signed(delta[j, b])}" for b in range(min(x.shape[1], 4)))
            more = " + …" if x.shape[1] > 4 else ""
            return f"{head} = Σₛ h{subscript(k + 1)}ₛ δ{subscript(j + 1)}ₛ = {terms}{more} = {shown(grad[index])}"
        if op.kind == "layer" and port == "x" and delta is not None and inputs["w"] is not None:
            k, b = index
            w = inputs["w"]
            terms = " + ".join(f"{signed(w[k, j])} × {signed(delta[j, b])}" for j in range(min(w.shape[1], 6)))
            more = " + …" if w.shape[1] > 6 else ""
            return f"{head} = Σⱼ w{subscript(k + 1)}ⱼ δⱼ = {terms}{more} = {shown(grad[index])}"
        if op.kind == "activation" and delta is not None:
            slope = grad[index] / delta[index] if delta[index] != 0 else float("nan")
            return f"{head} = δ{_sub(index)} × {op.symbol}′ = {signed(delta[index])} × {signed(slope)} = {shown(grad[index])}"
        if op.is_loss and port == "pred":
            target = session.value(model.inputs(consumer)["target"])
            value = session.value(node)
            if target is not None and value is not None and op.name == "half_sse":
                return f"{head} = ŷ{_sub(index)} − y{_sub(index)} = {signed(value[index])} − {signed(target[index])} = {shown(grad[index])}"
    return f"{head} = {shown(grad[index] if index else float(grad))}"


def hints(session: Session, item: Item) -> Hints:
    """The hint ladder of ``item``; ``session`` stands at the item's step (its answer known)."""
    model, node = session.model, item.node
    kind = item.of if item.ask == "element" else item.ask
    if kind == "value":
        formula = forward_formula(model, node) if not model.spec(node).info.is_leaf else _name(session, node)
        sources = list(dict.fromkeys(model.inputs(node).values()))
        shapes = [(_name(session, node), model.shape(node))] + [(_name(session, s), model.shape(s)) for s in sources]
    elif kind == "grad":
        formula = backward_formula(model, node)
        shapes = [(f"∂L/∂{_name(session, node)}", model.shape(node))]
        for consumer, port in model.consumers(node):
            others = [s for p, s in model.inputs(consumer).items() if p != port and s != node]
            shapes += [(_name(session, s), model.shape(s)) for s in others]
            shapes.append((f"δ = ∂L/∂{_name(session, consumer)}", model.shape(consumer)))
    else:
        assert item.wrt is not None
        formula = f"∂{_name(session, node)}/∂{_name(session, item.wrt)}: {forward_formula(model, node)}"
        shape = model.shape(node) + model.shape(item.wrt)
        shapes = [(f"∂{_name(session, node)}/∂{_name(session, item.wrt)}", shape), (_name(session, node), model.shape(node)), (_name(session, item.wrt), model.shape(item.wrt))]
        first = tuple(0 for _ in shape)
        jacobian = session.jacobian(node, item.wrt)
        worked = f"∂{element(_name(session, node), first[: len(model.shape(node))])}/∂{element(_name(session, item.wrt), first[len(model.shape(node)):])} = {shown(jacobian[first])}"
        return Hints(formula, tuple(shapes), worked)
    index = item.index if item.ask == "element" and item.index is not None else tuple(0 for _ in model.shape(node))
    worked = _worked_value(session, node, index) if kind == "value" else _worked_grad(session, node, index)
    return Hints(formula, tuple(dict.fromkeys(shapes)), worked)


__all__ = ["Hints", "hints"]
