"""Each op's local Jacobian in the lecture's symbols: one table, one entry per op.

The lecture flattens a Jacobian to the ``m×n`` matrix whose rows are ``∇ᵀfᵢ``.
With a column per sample and the flattening row-major over ``(row, sample)``,
``∂H₂/∂H₁`` of ``H₂ = W₂ᵀ H₁`` is ``W₂ᵀ`` for one sample (``W₂ᵀ ⊗ I_B`` for
``B`` samples), an activation's is diagonal, and a loss's is the row
``∇ᵀL``: the same numbers as the gradient ``∂L/∂Ŷ`` itself.
"""

from __future__ import annotations

from collections.abc import Callable

from explorer.engine.session import Session
from explorer.lesson.notation import latex_name, pretty

#: ``form(labels, latex_labels, batch) -> (unicode, latex)`` with labels per port and ``out``.
Form = Callable[[dict[str, str], dict[str, str], int], tuple[str, str]]


def _linear_x(u: dict[str, str], t: dict[str, str], batch: int) -> tuple[str, str]:
    if batch == 1:
        return f"{u['w']}ᵀ", f"{t['w']}^{{\\top}}"
    return f"{u['w']}ᵀ ⊗ I_{batch}", f"{t['w']}^{{\\top}} \\otimes I_{{{batch}}}"


def _linear_w(u: dict[str, str], t: dict[str, str], batch: int) -> tuple[str, str]:
    s, sl = ("", "") if batch == 1 else (",s", ",s")
    return (
        f"∂{u['out']}[i{s}]/∂{u['w']}[k,j] = [i = j] · {u['x']}[k{s}]",
        f"\\partial ({t['out']})_{{i{sl}}} / \\partial ({t['w']})_{{kj}} = [i = j]\\, ({t['x']})_{{k{sl}}}",
    )


def _linear_b(u: dict[str, str], t: dict[str, str], batch: int) -> tuple[str, str]:
    s = "" if batch == 1 else ",s"
    return f"∂{u['out']}[i{s}]/∂{u['b']}[j] = [i = j]", f"\\partial ({t['out']})_{{i{s}}} / \\partial ({t['b']})_{{j}} = [i = j]"


def _diag(text: str, latex: str) -> Form:
    def form(u: dict[str, str], t: dict[str, str], batch: int) -> tuple[str, str]:
        return f"diag({text.format(**u)})", f"\\operatorname{{diag}}({latex.format(**t)})"

    return form


def _loss(scale: str, scale_latex: str, sign: str = "") -> Form:
    def form(u: dict[str, str], t: dict[str, str], batch: int) -> tuple[str, str]:
        return (
            f"{sign}{scale}({u['pred']} − {u['target']})ᵀ",
            f"{sign}{scale_latex}({t['pred']} - {t['target']})^{{\\top}}",
        )

    return form


def _mse(sign: str = "") -> Form:
    def form(u: dict[str, str], t: dict[str, str], batch: int) -> tuple[str, str]:
        return (
            f"{sign}2({u['pred']} − {u['target']})ᵀ / N",
            f"{sign}\\tfrac{{2}}{{N}}({t['pred']} - {t['target']})^{{\\top}}",
        )

    return form


#: op → port → closed form of the local Jacobian. A test checks every op of the engine has one.
JACOBIAN_FORMS: dict[str, dict[str, Form]] = {
    "linear": {"x": _linear_x, "w": _linear_w, "b": _linear_b},
    "sigmoid": {"x": _diag("{out} ⊙ (1 − {out})", "{out} \\odot (1 - {out})")},
    "tanh": {"x": _diag("1 − {out}²", "1 - {out}^{{2}}")},
    "relu": {"x": _diag("[{x} > 0]", "[{x} > 0]")},
    "identity": {"x": lambda u, t, batch: ("I", "I")},
    "half_sse": {"pred": _loss("", ""), "target": _loss("", "", "−")},
    "sse": {"pred": _loss("2", "2"), "target": _loss("2", "2", "−")},
    "mse": {"pred": _mse(), "target": _mse("−")},
}


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
    return JACOBIAN_FORMS[model.op(of)][port](u, t, batch)
