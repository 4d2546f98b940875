"""The chain rule from the loss to one node, as data: one source for every view of it.

For a node ``T`` on a chain ``L = l∘p∘g∘f(T)`` the gradient is the product of
the local Jacobians along the path from the loss,

    ∂L/∂W₁ = ∂L/∂Ŷ · ∂Ŷ/∂H₂ · ∂H₂/∂H₁ · ∂H₁/∂W₁,

and the backward pass applies them from the loss side as vector-Jacobian
products ``v ← Jᵀ v``, never building a factor. A :class:`Derivation` holds
the path, every factor with its shape, kind and closed form, the order of the
VJPs, the counts (full Jacobians against VJPs, forward against reverse mode)
and, when small enough, the product of the dense factors as an independent
check of the engine's gradient. Renderers (text, Markdown, LaTeX, JSON, the
window) only write it out; words are keys (:data:`KIND_WORDS`) so a view can
translate them.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from explorer.engine.errors import EngineError
from explorer.engine.session import Session
from explorer.lesson.notation import latex_name, partial, pretty, subscript
from explorer.model import Model
from explorer.model.messages import Message, define, message

define({
    "lesson.no_such_node": "no node {node!r} in the model (nodes: {nodes})",
    "lesson.no_parameter": "the model has no parameter; name a node with --node",
    "lesson.not_known_yet": "∂L/∂{node} is not known at step {step}/{total}: the backward pass reaches {node} at step {reached}",
    "lesson.not_asked": "∂L/∂{node} is not computed: {node} is data marked \"requires_grad\": false, as PyTorch leaves"
    " its .grad None; mark it true to follow the gradient to it",
    "lesson.modes_none": "One factor: nothing to multiply in either mode.",
    "lesson.modes_same": "{factors} factors: {cost} multiply-adds in either mode.",
    "lesson.modes_reverse": "With {factors} factors reverse mode is cheaper, {reverse} against {forward}: from the loss it"
    " carries one row vector (the loss is one number), never a matrix; this is why autograd runs backwards.",
    "lesson.modes_forward": "With {factors} factors forward mode is cheaper here, {forward} against {reverse}.",
})

Array = npt.NDArray[np.float64]

#: A factor's numbers are given in full up to this many elements.
FULL_NUMBERS_LIMIT = 144
#: The dense product along the chain is formed only while every factor stays below this.
DENSE_PRODUCT_LIMIT = 1_000_000
#: The lecture's function letters for layers 1, 2 and 3; the loss is always ``l``.
FUNCTION_LETTERS = ("f", "g", "p")

#: Kind key → (English, Korean), the lecture's categories of derivative.
KIND_WORDS: dict[str, tuple[str, str]] = {
    "scalar_by_vector": ("scalar by vector", "스칼라를 벡터로 미분"),
    "scalar_by_matrix": ("scalar by matrix", "스칼라를 행렬로 미분"),
    "vector_by_vector": ("vector by vector", "벡터를 벡터로 미분"),
    "vector_by_matrix": ("vector by matrix", "벡터를 행렬로 미분"),
    "matrix_by_vector": ("matrix by vector", "행렬을 벡터로 미분"),
    "matrix_by_matrix": ("matrix by matrix", "행렬을 행렬로 미분"),
    "scalar_by_scalar": ("scalar by scalar", "스칼라를 스칼라로 미분"),
    "vector_by_scalar": ("vector by scalar", "벡터를 스칼라로 미분"),
    "matrix_by_scalar": ("matrix by scalar", "행렬을 스칼라로 미분"),
}


def object_kind(shape: tuple[int, ...]) -> str:
    """``scalar``, ``vector`` (1-D, or one column) or ``matrix``.

    >>> object_kind(()), object_kind((3, 1)), object_kind((3,)), object_kind((3, 3)), object_kind((3, 4))
    ('scalar', 'vector', 'vector', 'matrix', 'matrix')
    """
    if not shape or all(n == 1 for n in shape):
        return "scalar" if not shape else "vector"
    if len(shape) == 1 or (len(shape) == 2 and shape[1] == 1):
        return "vector"
    return "matrix"


def kind_of(of_shape: tuple[int, ...], wrt_shape: tuple[int, ...]) -> str:
    """The lecture's category of ``∂of/∂wrt``, a key of :data:`KIND_WORDS`.

    >>> kind_of((), (2, 1)), kind_of((3, 1), (3, 3))
    ('scalar_by_vector', 'vector_by_matrix')
    """
    return f"{object_kind(of_shape)}_by_{object_kind(wrt_shape)}"


def size_of(shape: tuple[int, ...]) -> int:
    return int(np.prod(shape, dtype=np.int64))


@dataclass(frozen=True)
class Factor:
    """One local Jacobian ``∂path[i]/∂path[i+1]`` on the chain.

    ``shape`` is ``shape(of) + shape(wrt)``; ``closed_form`` is the Jacobian
    in the lecture's symbols (``W₂ᵀ`` for ``∂H₂/∂H₁``); ``numbers`` the dense
    Jacobian when it has at most :data:`FULL_NUMBERS_LIMIT` elements.
    """

    of: str
    wrt: str
    port: str
    op: str
    shape: tuple[int, ...]
    kind: str
    symbol: str
    latex: str
    closed_form: str
    closed_form_latex: str
    numbers: Array | None

    @property
    def size(self) -> int:
        return size_of(self.shape)


@dataclass(frozen=True)
class VjpStep:
    """One vector-Jacobian product of the backward pass: ``result = Jᵀ upstream``.

    ``upstream`` is ``∂L/∂of`` (the ``v`` or ``δ`` of the lecture), ``result``
    the share of ``∂L/∂wrt`` that arrives through this factor.
    """

    index: int
    of: str
    wrt: str
    upstream_symbol: str
    upstream_shape: tuple[int, ...]
    result_symbol: str
    result_shape: tuple[int, ...]
    formula: str
    upstream: Array
    result: Array


@dataclass(frozen=True)
class Derivation:
    """How ``∂L/∂node`` is formed at one step, along the path from the loss."""

    node: str
    step: int
    total_steps: int
    path: tuple[str, ...]
    symbols: tuple[str, ...]
    latex_symbols: tuple[str, ...]
    shapes: tuple[tuple[int, ...], ...]
    composition: str
    composition_latex: str
    factors: tuple[Factor, ...]
    vjps: tuple[VjpStep, ...]
    gradient: Array
    path_gradient: Array
    dense_numbers: int
    vjp_numbers: int
    #: multiply-adds of the dense chain product from the node side (the factors right to left) …
    forward_mode_cost: int
    #: … and from the loss side (left to right); the seed ∂L/∂L = 1 is not counted in either
    reverse_mode_cost: int
    dense_product: Array | None
    dense_product_diff: float | None
    branches: tuple[tuple[str, tuple[str, ...]], ...]

    @property
    def single_path(self) -> bool:
        """True when the path is the only way from the node to the loss."""
        return not self.branches

    @property
    def modes(self) -> Message:
        """Which mode is cheaper along this path, in a sentence with the numbers.

        >>> from explorer.model.examples import toy_model
        >>> s = Session(toy_model()); s.run()
        >>> str(derive(s, "W1").modes)[:60], str(derive(s, "W3").modes)
        ('With 4 factors reverse mode is cheaper, 42 against 153: from', '2 factors: 12 multiply-adds in either mode.')
        """
        factors, forward, reverse = len(self.factors), self.forward_mode_cost, self.reverse_mode_cost
        if factors <= 1:
            return message("lesson.modes_none")
        if forward == reverse:
            return message("lesson.modes_same", factors=factors, cost=forward)
        key = "lesson.modes_reverse" if reverse < forward else "lesson.modes_forward"
        return message(key, factors=factors, forward=forward, reverse=reverse)

    @property
    def chain_symbol(self) -> str:
        """``∂L/∂Ŷ · ∂Ŷ/∂H₂ · ∂H₂/∂H₁ · ∂H₁/∂W₁``; ``1`` for the loss itself."""
        return " · ".join(f.symbol for f in self.factors) or "1"


def path_from_loss(session: Session, node: str) -> tuple[tuple[str, ...], tuple[tuple[str, tuple[str, ...]], ...]]:
    """The path loss → … → node, and where it leaves other consumers aside.

    At a node with several consumers the path follows the first one in chain
    order (the network's main line); ``branches`` names the others, whose
    shares add to the gradient as well.

    >>> from explorer.model.examples import toy_model
    >>> path_from_loss(Session(toy_model()), "W1")
    (('L', 'Yhat', 'H2', 'H1', 'W1'), ())
    """
    model = session.model
    if node not in model:
        raise EngineError(message("lesson.no_such_node", node=node, nodes=", ".join(model.order)))
    path = [node]
    branches = []
    current = node
    while current != model.loss_id:
        consumers = [c for c, _ in model.consumers(current)]
        if len(consumers) > 1:
            branches.append((current, tuple(consumers[1:])))
        current = consumers[0]
        path.append(current)
    return tuple(reversed(path)), tuple(branches)


def derive(session: Session, node: str | None = None) -> Derivation:
    """The derivation of ``∂L/∂node`` at the session's step.

    ``node`` defaults to the first parameter in chain order.

    Raises
    ------
    EngineError
        For an unknown node, or a step at which ``∂L/∂node`` is not known yet.

    Examples
    --------
    >>> from explorer.model.examples import toy_model
    >>> s = Session(toy_model()); s.run()
    >>> d = derive(s)
    >>> d.path, [f.shape for f in d.factors][-1], d.dense_numbers, d.vjp_numbers
    (('L', 'Yhat', 'H2', 'H1', 'W1'), (3, 1, 3, 3), 44, 17)
    """
    model = session.model
    if node is None:
        if not model.params:
            raise EngineError(message("lesson.no_parameter"))
        node = model.params[0]
    path, branches = path_from_loss(session, node)
    gradient = session.grad(node)
    if gradient is None and not model.requires_grad(node):
        raise EngineError(message("lesson.not_asked", node=node))
    if gradient is None:
        reached = _backward_step(session, node)
        raise EngineError(
            message(  # the node as a reader knows it: Ŷ, W₁
                "lesson.not_known_yet", node=pretty(model.label(node)), step=session.position, total=session.total,
                reached=reached,
            )
        )
    shapes = tuple(model.shape(n) for n in path)
    factors = tuple(_factor(session, path[i], path[i + 1]) for i in range(len(path) - 1))
    vjps = _vjp_chain(session, path)
    path_gradient = vjps[-1].result if vjps else gradient
    sizes = [size_of(s) for s in shapes]
    dense_product, diff = _dense_product(session, path, sizes, path_gradient)
    function_letter = function_letters(model)
    letters = [function_letter[n] for n in path[:-1]]
    name, name_latex = pretty(model.label(node)), latex_name(model.label(node))
    circ = r" \circ "
    return Derivation(
        node=node,
        step=session.position,
        total_steps=session.total,
        path=path,
        symbols=tuple(pretty(model.label(n)) for n in path),
        latex_symbols=tuple(latex_name(model.label(n)) for n in path),
        shapes=shapes,
        composition=f"L = {'∘'.join(letters)}({name})" if letters else "L",
        composition_latex=f"L = {circ.join(letters)}({name_latex})" if letters else "L",
        factors=factors,
        vjps=vjps,
        gradient=gradient,
        path_gradient=path_gradient,
        dense_numbers=sum(f.size for f in factors),
        vjp_numbers=sum(sizes[1:]),
        forward_mode_cost=mode_costs(sizes)[0],
        reverse_mode_cost=mode_costs(sizes)[1],
        dense_product=dense_product,
        dense_product_diff=diff,
        branches=branches,
    )


def mode_costs(sizes: list[int]) -> tuple[int, int]:
    """Multiply-adds of the product of the dense factors along a path: ``(forward mode, reverse mode)``.

    ``sizes`` are the element counts along the path, the loss first. Factor
    ``i`` is a ``sizes[i]×sizes[i+1]`` matrix. Reverse mode starts from the
    first factor (the seed ∂L/∂L = 1 times it is no work) and multiplies the
    ``sizes[0]×sizes[i]`` product by each next factor; forward mode starts
    from the last factor and multiplies each earlier factor into the
    ``sizes[i+1]×sizes[-1]`` product. One factor costs nothing; two cost one
    product, the same either way.

    >>> mode_costs([1, 2, 3, 3, 9]), mode_costs([1, 2, 6]), mode_costs([1, 2])
    ((153, 42), (12, 12), (0, 0))
    """
    factors = len(sizes) - 1
    reverse = sum(sizes[0] * sizes[i] * sizes[i + 1] for i in range(1, factors))
    forward = sum(sizes[i] * sizes[i + 1] * sizes[-1] for i in range(factors - 1))
    return forward, reverse


def _backward_step(session: Session, node: str) -> int:
    return next(s.index for s in session.plan if s.phase == "backward" and s.node == node)


def function_letters(model: Model) -> dict[str, str]:
    """Each op node's letter, fixed by the node, not by the path: the lecture's ``L = l∘p∘g∘f(X)``.

    The loss is ``l``; the other op nodes, in forward order, are ``f``, ``g``
    and ``p`` (layer 1, 2, 3) when there are at most three of them, else
    ``f₁ … fₙ``. So ``W₃`` reads ``l∘p`` and ``H₁`` ``l∘p∘g`` on every view.

    >>> from explorer.model.examples import toy_model
    >>> function_letters(toy_model())
    {'H1': 'f', 'H2': 'g', 'Yhat': 'p', 'L': 'l'}
    """
    inner = [n for n in model.op_nodes if n != model.loss_id]
    if len(inner) <= len(FUNCTION_LETTERS):
        letters = dict(zip(inner, FUNCTION_LETTERS, strict=False))
    else:
        letters = {n: f"f{subscript(i + 1)}" for i, n in enumerate(inner)}
    return {**letters, model.loss_id: "l"}


def _factor(session: Session, of: str, wrt: str) -> Factor:
    from explorer.lesson.local_forms import jacobian_form  # the closed forms, one table per op

    model = session.model
    shape = session.jacobian_shape(of, wrt)
    numbers = session.jacobian(of, wrt) if size_of(shape) <= FULL_NUMBERS_LIMIT else None
    form, form_latex = jacobian_form(session, of, wrt)
    return Factor(
        of=of,
        wrt=wrt,
        port=session.port_of(of, wrt),
        op=model.op(of),
        shape=shape,
        kind=kind_of(model.shape(of), model.shape(wrt)),
        symbol=partial(model.label(of), model.label(wrt)),
        latex=rf"\frac{{\partial {latex_name(model.label(of))}}}{{\partial {latex_name(model.label(wrt))}}}",
        closed_form=form,
        closed_form_latex=form_latex,
        numbers=numbers,
    )


def _vjp_chain(session: Session, path: tuple[str, ...]) -> tuple[VjpStep, ...]:
    """The backward pass along the path: ``v₀ = 1``, ``vᵢ₊₁ = Jᵢᵀ vᵢ``, from the loss side."""
    from explorer.lesson.describe import closed_form

    model = session.model
    upstream: Array = np.ones(())
    steps = []
    for i in range(len(path) - 1):
        of, wrt = path[i], path[i + 1]
        result = session.vjp(of, wrt, upstream)
        port = session.port_of(of, wrt)
        steps.append(
            VjpStep(
                index=i + 1,
                of=of,
                wrt=wrt,
                upstream_symbol=partial("L", model.label(of)),
                upstream_shape=tuple(upstream.shape),
                result_symbol=partial("L", model.label(wrt)),
                result_shape=tuple(result.shape),
                formula=closed_form(model, of, port),
                upstream=upstream,
                result=result,
            )
        )
        upstream = result
    return tuple(steps)


def _dense_product(
    session: Session, path: tuple[str, ...], sizes: list[int], expected: Array
) -> tuple[Array | None, float | None]:
    """The product of the dense factors, each flattened to an ``m×n`` matrix, left to right."""
    if len(path) < 2:
        return None, None
    if any(sizes[i] * sizes[i + 1] > DENSE_PRODUCT_LIMIT for i in range(len(sizes) - 1)):
        return None, None
    product: Array = np.ones((1, 1))
    for i in range(len(path) - 1):
        jac = session.jacobian(path[i], path[i + 1]).reshape(sizes[i], sizes[i + 1])
        product = product @ jac
    result: Array = product.reshape(expected.shape)
    return result, float(np.max(np.abs(result - expected), initial=0.0))
