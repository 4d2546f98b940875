"""One op, as an entry of the table: what it connects, computes, writes and is called.

Shapes follow the lecture: a matrix is ``(rows, batch)``, a layer is
``H_out = Wᵀ H_in (+ b)`` with ``W`` of shape ``(n_in, n_out)``, and a
Jacobian ``dA/dT`` has shape ``A.shape + T.shape`` (output indices first).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Literal

import numpy as np
import numpy.typing as npt

Array = npt.NDArray[np.float64]
Inputs = Mapping[str, Array]
Kind = Literal["leaf", "layer", "activation", "loss"]

Forward = Callable[[Inputs], Array]
#: ``vjp(inputs, out, upstream) -> dL/d(port)``, the shape of that input.
Vjp = Callable[[Inputs, Array, Array], Array]
#: ``jacobian(inputs, out) -> d(out)/d(port)``, shape ``out.shape + input.shape``.
Jacobian = Callable[[Inputs, Array], Array]
#: ``proof(inputs, out, upstream, result)``: True when a vjp's ``result`` is known to hold no inf or NaN
#: without looking at each element (False: look at them).
FiniteProof = Callable[[Inputs, Array, Array, Array], bool]
#: ``form(labels, latex_labels, batch) -> (unicode, latex)``: the local Jacobian in the lecture's symbols.
#: Both label maps hold every port's input label and ``out``, the op's own.
Form = Callable[[Mapping[str, str], Mapping[str, str], int], tuple[str, str]]
#: One step of the fused training plan: numpy calls writing into buffers allocated once.
TrainStep = Callable[[], object]


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Mark ``text`` for the window's catalogue and return it unchanged.

    ``pyside6-lupdate`` finds calls spelled this way (``scripts/update_translations.py``
    scans this package too); the window shows the text through
    ``translate(context, text)``. Nothing here imports Qt.
    """
    return text


def _no_forward(inputs: Inputs) -> Array:
    raise TypeError("a leaf has no forward rule: its value is given")


@dataclass(frozen=True)
class Code:
    """The op as code. ``{x}``, ``{w}``, ``{b}``, ``{pred}``, ``{target}`` stand for the inputs'
    variables, ``{out}`` for the op's own value and ``{g}`` for the upstream gradient ``∂L/∂out``.

    ``numpy`` and ``torch`` are the forward expressions, ``bias`` what is
    appended when the optional port ``b`` is connected, ``vjp`` the numpy
    vector-Jacobian product per port (the engine's rule, written out).
    """

    numpy: str
    torch: str
    vjp: Mapping[str, str]
    bias: str = ""


@dataclass(frozen=True)
class Kernel:
    """In-place steps for the fused training plan, the same floating-point operations as the entry's rules.

    ``forward(values, out)`` returns a step that writes the op's value into
    ``out``; ``vjp[port](values, out, upstream, dst)`` one that writes
    ``Jᵀ upstream`` into ``dst``. ``values`` maps each port to its input's
    buffer. Scratch space is allocated when the step is made, never in it.
    """

    forward: Callable[[Inputs, Array], TrainStep]
    vjp: Mapping[str, Callable[[Inputs, Array, Array, Array], TrainStep]]


@dataclass(frozen=True)
class ResidualLoss:
    """A loss of the residual ``r = pred − target`` with ``N`` elements.

    Its value is ``of_sum(Σ r², N)`` and its gradient ``dL/dpred = scale(N) · r``
    (``dL/dtarget`` is the negative). The fused plan computes both from one
    residual buffer.
    """

    scale: Callable[[int], float]
    of_sum: Callable[[float, int], float]


@dataclass(frozen=True)
class Op:
    """Everything one op knows.

    Attributes
    ----------
    name
        The op's name in a model file (``"sigmoid"``).
    kind
        ``"leaf"``, ``"layer"``, ``"activation"`` or ``"loss"``.
    title
        The short name the window shows (on the canvas, in menus); English, translated by the window.
    description
        What it computes, in one line (a node's tooltip); English, translated by the window.
    required, optional
        The input ports; ``vector_ports`` are those whose array is a 1-D vector rather than a matrix.
    forward, vjp, jacobian
        The forward rule, and per port the vector-Jacobian product (what the
        backward pass runs: ``Jᵀ v``) and the dense Jacobian (built only when
        someone asks to see it).
    formula
        The forward rule in the lecture's symbols, ``{port}`` standing for the input's label.
    closed_form
        Per port, the simplified gradient ``Jᵀ δ`` in the lecture's symbols (``δ`` the upstream gradient).
    local_form
        Per port, the local Jacobian in the lecture's symbols, as text and LaTeX.
    code
        The numpy and torch code (:class:`Code`).
    finite_vjp
        Per port, a cheap proof that the vjp's result holds no inf or NaN
        (:data:`FiniteProof`), for a result much larger than what it is made
        from (one sample's outer product ``x δᵀ``): the session then skips
        reading the result again to look. A port without one is looked at.
    kernel
        The fused training plan's in-place steps, or ``None``: the plan then
        runs ``forward`` and ``vjp`` (the generic fallback).
    residual
        A loss's value and gradient scale (:class:`ResidualLoss`).
    derivative_bound
        An activation's ``max |f′(x)|``.
    kink
        Where an activation's derivative jumps (``0`` for relu), else ``None``:
        the finite-difference check reports a difference across it apart.
    symbol, plotted
        An activation's symbol (``σ``) and whether the lab's activation plot draws it.
    """

    name: str
    kind: Kind
    title: str
    description: str
    required: tuple[str, ...] = ()
    optional: tuple[str, ...] = ()
    vector_ports: frozenset[str] = frozenset()
    forward: Forward = _no_forward
    vjp: Mapping[str, Vjp] = field(default_factory=dict)
    jacobian: Mapping[str, Jacobian] = field(default_factory=dict)
    finite_vjp: Mapping[str, FiniteProof] = field(default_factory=dict)
    formula: str = ""
    closed_form: Mapping[str, str] = field(default_factory=dict)
    local_form: Mapping[str, Form] = field(default_factory=dict)
    code: Code | None = None
    kernel: Kernel | None = None
    residual: ResidualLoss | None = None
    derivative_bound: float | None = None
    kink: float | None = None
    symbol: str = ""
    plotted: bool = False

    @property
    def ports(self) -> tuple[str, ...]:
        return self.required + self.optional

    @property
    def is_leaf(self) -> bool:
        return self.kind == "leaf"

    @property
    def is_loss(self) -> bool:
        return self.kind == "loss"
