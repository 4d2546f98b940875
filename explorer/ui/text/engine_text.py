"""What the engine, the lessons and the model say, worded in the interface language.

Below the window every sentence is data: a
:class:`~explorer.model.messages.Message`, a key with its arguments (the
definitions of δ, N and s, the outer-product note, the PyTorch comment,
every refusal an :class:`~explorer.engine.EngineError` or a
:class:`~explorer.model.ModelError` carries as ``.message``). The catalogue
here maps each key to a translatable English template with the same named
fields (``pyside6-lupdate`` collects them, context ``Engine``);
:func:`worded` fills the translated template with the message's arguments,
numbers written by :func:`explorer.model.numbers.shown`. Nothing is parsed
back from English.
"""

from __future__ import annotations

import numbers

from PySide6.QtCore import QT_TRANSLATE_NOOP

from explorer.lesson.notation import pretty
from explorer.model.messages import ENGLISH, Message, fields
from explorer.model.numbers import MINUS, shown
from explorer.ui.text.i18n import translate
from explorer.ui.text.model_text import MODEL_TEMPLATES

# Keys whose one argument is text given as it is (an English line from outside the catalogue).
AS_GIVEN = frozenset({"engine.text", "model.text"})
#: Messages about the pass, not about a file: the node ids among their arguments are shown as a
#: reader knows the nodes (Yhat as Ŷ, H1 as H₁). A refusal of a file keeps the id the file holds.
DISPLAY_NAMES = {"engine.not_computed": ("source", "node")}

# Each key's English template for the window: the line's own template without format specs.
_MARKED: dict[str, object] = {
    # the lessons: what δ, N and s stand for; the outer product; the PyTorch comment
    "lesson.delta": QT_TRANSLATE_NOOP("Engine", "δ = {name} ({shape}), the gradient arriving at {node}"),
    "lesson.v_is": QT_TRANSLATE_NOOP("Engine", "v = {delta}"),
    "lesson.count": QT_TRANSLATE_NOOP("Engine", "N = {n}, the number of elements of {node} (batch included)"),
    "lesson.samples": QT_TRANSLATE_NOOP("Engine", "s runs over the samples (the columns)"),
    "lesson.one_sample": QT_TRANSLATE_NOOP("Engine", "one sample: the outer product {factor} δᵀ, {rows} · {cols} → {shape}"),
    "lesson.batch": QT_TRANSLATE_NOOP(
        "Engine", "{count} samples: {factor} δᵀ = Σₛ {factor}[:, s] δ[:, s]ᵀ, a sum of outer products"
    ),
    "lesson.torch_scalar": QT_TRANSLATE_NOOP("Engine", "{call}  # {grad} is now {result}"),
    "lesson.torch_scalar_data": QT_TRANSLATE_NOOP(
        "Engine",
        "{call}  # {grad} is now {result} only if {node}.requires_grad_() ran before the forward pass;"
        " data requires no gradient by default and {grad} stays None",
    ),
    "lesson.torch_vjp_data": QT_TRANSLATE_NOOP(
        "Engine",
        "{call}  # v = {v}; {grad} is now Jᵀv = {result} only if {node}.requires_grad_() ran before the forward pass;"
        " data requires no gradient by default and {grad} stays None",
    ),
    "lesson.torch_vjp": QT_TRANSLATE_NOOP("Engine", "{call}  # v = {v}; {grad} is now Jᵀv = {result}, J never built"),
    "lesson.gradient_unknown": QT_TRANSLATE_NOOP("Engine", "the backward pass has not reached {node} yet (∂L/∂{node} is unknown)"),
    "lesson.check_cancelled": QT_TRANSLATE_NOOP("Engine", "the finite-difference check of {node} was cancelled"),
    "lesson.forward_incomplete": QT_TRANSLATE_NOOP("Engine", "the forward pass is not complete"),
    "lesson.no_such_node": QT_TRANSLATE_NOOP("Engine", "no node {node} in the model (nodes: {nodes})"),
    "lesson.no_parameter": QT_TRANSLATE_NOOP("Engine", "the model has no parameter; name a node with --node"),
    "lesson.not_known_yet": QT_TRANSLATE_NOOP(
        "Engine", "∂L/∂{node} is not known at step {step}/{total}: the backward pass reaches {node} at step {reached}"
    ),
    "lesson.not_asked": QT_TRANSLATE_NOOP(
        "Engine",
        "∂L/∂{node} is not computed: {node} is data marked \"requires_grad\": false, as PyTorch leaves its .grad None;"
        " mark it true to follow the gradient to it",
    ),
    "lesson.modes_none": QT_TRANSLATE_NOOP("Engine", "One factor: nothing to multiply in either mode."),
    "lesson.modes_same": QT_TRANSLATE_NOOP("Engine", "{factors} factors: {cost} multiply-adds in either mode."),
    "lesson.modes_reverse": QT_TRANSLATE_NOOP(
        "Engine",
        "With {factors} factors reverse mode is cheaper, {reverse} against {forward}: from the loss it"
        " carries one row vector (the loss is one number), never a matrix; this is why autograd runs backwards.",
    ),
    "lesson.modes_forward": QT_TRANSLATE_NOOP(
        "Engine", "With {factors} factors forward mode is cheaper here, {forward} against {reverse}."
    ),
    # beside the lecture: the symbols' legend, the general derivatives, the layouts, the slips
    "notes.otimes": QT_TRANSLATE_NOOP(
        "Engine",
        "⊗: the Kronecker (tensor) product; Wᵀ ⊗ I_B repeats Wᵀ once per sample of a batch of B",
    ),
    "notes.odot": QT_TRANSLATE_NOOP(
        "Engine",
        "⊙: the elementwise (Hadamard) product, element by element, no sum",
    ),
    "notes.diag": QT_TRANSLATE_NOOP(
        "Engine",
        "diag(v): the square matrix with v on its diagonal and zeros elsewhere (an elementwise op's "
        "Jacobian)",
    ),
    "notes.iverson": QT_TRANSLATE_NOOP(
        "Engine",
        "[i = j]: 1 when the condition holds, 0 otherwise (Iverson's bracket); [x > 0] likewise",
    ),
    "notes.einsum": QT_TRANSLATE_NOOP(
        "Engine",
        "einsum(\"ib,ibkj->kj\"): multiply the factors entry by entry and sum over every index left out of "
        "the result (here i and b): a contraction",
    ),
    "notes.def_scalar_vector": QT_TRANSLATE_NOOP(
        "Engine",
        "scalar by vector: y = f(X), X ∈ ℝⁿ → ∇_X y = ∂y/∂X, n numbers ∂y/∂xᵢ, shaped like X",
    ),
    "notes.def_scalar_matrix": QT_TRANSLATE_NOOP(
        "Engine",
        "scalar by matrix: y = f(X), X ∈ ℝⁿˣᵐ → ∂y/∂X, n×m numbers ∂y/∂xᵢⱼ, shaped like X",
    ),
    "notes.def_vector_vector": QT_TRANSLATE_NOOP(
        "Engine",
        "vector by vector: Y = f(X), f: ℝⁿ → ℝᵐ → the Jacobian J, m×n, row i ∇ᵀfᵢ, entry ∂yᵢ/∂xⱼ",
    ),
    "notes.def_vector_matrix": QT_TRANSLATE_NOOP(
        "Engine",
        "vector by matrix: Y ∈ ℝᵐ, W ∈ ℝⁿˣᵏ → (∂y₁/∂W, …, ∂yₘ/∂W), m matrices of n×k: shape Y.shape + "
        "W.shape",
    ),
    "notes.layout": QT_TRANSLATE_NOOP(
        "Engine",
        "The lecture writes ∂Ŷ/∂W as \"(3×1×2)\": a 3×2 matrix per output (the ×1 is the sample) listed for "
        "ŷ₁ and ŷ₂. The program puts the output first, Ŷ's shape 2×1 then W's 3×2: 2×1×3×2, the same 12 "
        "numbers, as torch.autograd.functional.jacobian and jax.jacobian order them",
    ),
    "notes.three_ways": QT_TRANSLATE_NOOP(
        "Engine",
        "∂L/∂Ŷ appears three ways, one set of numbers: as the gradient (Ŷ − Y), 2×1, shaped like Ŷ (the "
        "backward pass's δ); as the loss's local Jacobian (Ŷ − Y)ᵀ, the same numbers as a 1×2 row (a "
        "scalar's Jacobian is one row ∇ᵀL); and in a table of factors with the shape 2×1, the Jacobian's "
        "shape by the rule shape(L) + shape(Ŷ) with the loss a scalar",
    ),
    "notes.typos": QT_TRANSLATE_NOOP(
        "Engine",
        "The lecture's slips the program writes correctly: H₂ = W₂ᵀ(W₁ᵀX), where the slide has "
        "W₁ᵀ(W₁ᵀX₁); Ŷ = p(g(f(X))), where it has H₂ = p(g(X)); ∂L/∂ŷ₁, where it has L(θ)/∂ŷ₁ (no ∂ "
        "above); ∂L/∂ŷ₁ × h₂ for ∂L/∂w₂₁, where it has ∂v̂₁; ∂ŷ₁/∂w₁₂ in the first row of slide 8/8, "
        "where it has ∂ŷ₁/∂w₂₂; ∇ᵀfᵢ, the i-th component, where it has ∇ᵀf₁; scalar, where it has Scalor; "
        "L = Σ(Ŷ − Y)² on the composition slide, where the toy's loss is ½Σ(Ŷ − Y)² (the program's "
        "half_sse)",
    ),
    # the engine
    "engine.not_computed": QT_TRANSLATE_NOOP("Engine", "{source} (input {port} of {node}) is not computed yet"),
    "engine.not_reached": QT_TRANSLATE_NOOP("Engine", "the backward pass has not reached {node} yet"),
    "engine.jacobian_too_large": QT_TRANSLATE_NOOP(
        "Engine", "∂{node}/∂{wrt} would have {size} elements ({dims}); the budget is {budget}"
    ),
    "engine.non_finite": QT_TRANSLATE_NOOP("Engine", "{phase} step {step}/{total}: {what} {kind}"),
    "engine.non_finite.inputs_reach": QT_TRANSLATE_NOOP(
        "Engine", "{phase} step {step}/{total}: {what} {kind} (its inputs reach {largest})"
    ),
    "engine.non_finite.gradients_reach": QT_TRANSLATE_NOOP(
        "Engine", "{phase} step {step}/{total}: {what} {kind} (the gradients flowing in reach {largest})"
    ),
    "engine.non_finite.forward": QT_TRANSLATE_NOOP("Engine", "forward"),
    "engine.non_finite.backward": QT_TRANSLATE_NOOP("Engine", "backward"),
    "engine.non_finite.gradient": QT_TRANSLATE_NOOP("Engine", "the gradient of {name}"),
    "engine.non_finite.nan": QT_TRANSLATE_NOOP("Engine", "became NaN"),
    "engine.non_finite.inf": QT_TRANSLATE_NOOP("Engine", "overflowed to infinity"),
    # training
    "train.steps_invalid": QT_TRANSLATE_NOOP("Engine", "the number of steps must be a whole number in 1…{limit}, got {steps}"),
    "train.lr_invalid": QT_TRANSLATE_NOOP("Engine", "the learning rate must be a finite number > 0, got {lr}"),
    "train.momentum_invalid": QT_TRANSLATE_NOOP("Engine", "the momentum must be a number in [0, 1), got {momentum}"),
    "train.no_param": QT_TRANSLATE_NOOP("Engine", "the model has no param node to train"),
    "train.every_invalid": QT_TRANSLATE_NOOP("Engine", "every must be a whole number ≥ 1, got {every}"),
    "train.diverged": QT_TRANSLATE_NOOP(
        "Engine", "diverged at iteration {iteration}: node {named}: {what}; try a smaller learning rate"
    ),
    "train.diverged.forward": QT_TRANSLATE_NOOP("Engine", "its value overflowed to a non-finite number in the forward pass"),
    "train.diverged.backward": QT_TRANSLATE_NOOP("Engine", "its gradient overflowed to a non-finite number in the backward pass"),
    "train.diverged.update": QT_TRANSLATE_NOOP("Engine", "the update would make it non-finite"),
    "train.update_overflows": QT_TRANSLATE_NOOP(
        "Engine", "node {node}: the update with learning rate {lr} overflows; try a smaller one"
    ),
    "train.other_model": QT_TRANSLATE_NOOP("Engine", "the session belongs to another model"),
    "train.not_reached": QT_TRANSLATE_NOOP("Engine", "node {node}: the backward pass has not reached it yet; run it first"),
    "train.no_gradient": QT_TRANSLATE_NOOP("Engine", "node {node}: no gradient given for this parameter"),
    "train.gradient_shape": QT_TRANSLATE_NOOP("Engine", "node {node}: the gradient has shape {shape}; it must be {expected}"),
    "train.gradient_non_finite": QT_TRANSLATE_NOOP("Engine", "node {node}: the gradient holds a non-finite number"),
    **MODEL_TEMPLATES,
}
TEMPLATES: dict[str, str] = {key: str(text) for key, text in _MARKED.items()}


def worded(message: Message) -> str:
    """``message`` in the interface language, its numbers as the window writes them.

    >>> from explorer.model.messages import message
    >>> import explorer.lesson, explorer.train.loop  # each defines its keys
    >>> worded(message("lesson.count", n=6, node="Ŷ"))  # in English without a catalogue
    'N = 6, the number of elements of Ŷ (batch included)'
    >>> worded(message("train.lr_invalid", lr=-1.5e-7))
    'the learning rate must be a finite number > 0, got −1.5e−7'
    """
    if message.key in AS_GIVEN:
        return str(message)
    template = TEMPLATES.get(message.key)
    if template is None:
        return str(message)  # a key the window does not know yet: its English line
    specs = fields(ENGLISH[message.key])
    shown_as = DISPLAY_NAMES.get(message.key, ())
    args = {
        name: pretty(value) if name in shown_as and isinstance(value, str) else _argument(value, *specs.get(name, (None, "")))
        for name, value in message.args.items()
    }
    try:
        return translate("Engine", template).format(**args)
    except (KeyError, IndexError, ValueError):
        return template.format(**args)  # a translation with a broken field never hides the message


def error_text(error: BaseException) -> str:
    """An error's one line in the interface language: its ``.message`` worded, else ``str(error)``."""
    carried = getattr(error, "message", None)
    if isinstance(carried, Message):
        return worded(carried)
    return str(error) or type(error).__name__


def _argument(value: object, conversion: str | None, spec: str) -> str:
    """One argument as the window writes it: messages worded, real numbers by :func:`shown`."""
    if isinstance(value, Message):
        return worded(value)
    if isinstance(value, numbers.Real) and not isinstance(value, numbers.Integral):
        if spec[-1:] in ("f", "%"):  # a fixed layout (``{limit:,.0f}``) stays; only its minus is the real one
            return format(float(value), spec).replace("-", MINUS)
        digits = spec[1:-1] if spec[:1] == "." and spec[-1:] in "eEgG" and spec[1:-1].isdigit() else "6"
        return shown(float(value), int(digits))
    if conversion == "r":
        value = repr(value)
    elif conversion in ("s", "a"):
        value = str(value) if conversion == "s" else ascii(value)
    return format(value, spec)
