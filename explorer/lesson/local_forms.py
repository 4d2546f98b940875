"""Each op's local Jacobian in the lecture's symbols, from the op table's ``local_form``.

The lecture flattens a Jacobian to the ``m×n`` matrix whose rows are ``∇ᵀfᵢ``.
With a column per sample and the flattening row-major over ``(row, sample)``,
``∂H₂/∂H₁`` of ``H₂ = W₂ᵀ H₁`` is ``W₂ᵀ`` for one sample (``W₂ᵀ ⊗ I_B`` for
``B`` samples), an activation's is diagonal, and a loss's is the row
``∇ᵀL``: the same numbers as the gradient ``∂L/∂Ŷ`` itself.
"""

from __future__ import annotations

from explorer.engine.session import Session
from explorer.lesson.notation import latex_name, pretty
from explorer.ops import OPS


def jacobian_form(session: Session, of: str, wrt: str) -> tuple[str, str]:
    """The closed form of ``∂of/∂wrt`` (unicode, LaTeX): ``W₂ᵀ`` for ``∂H₂/∂H₁``.

    >>> from explorer.model.examples import toy_model
    >>> jacobian_form(Session(toy_model()), "H2", "H1")
    ('W₂ᵀ', 'W_{2}^{\\\\top}')
    """
    model = session.model
    port = session.port_of(of, wrt)
    inputs = model.inputs(of)
    u = {p: pretty(model.label(src)) for p, src in inputs.items()}
    t = {p: latex_name(model.label(src)) for p, src in inputs.items()}
    u["out"], t["out"] = pretty(model.label(of)), latex_name(model.label(of))
    shape = model.shape(of)
    batch = shape[1] if len(shape) == 2 else 1
    return OPS[model.op(of)].local_form[port](u, t, batch)
