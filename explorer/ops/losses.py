"""Losses: a scalar from ``(pred, target)``, a function of the residual ``r = pred − target``.

Each is declared by its :class:`~explorer.ops.entry.ResidualLoss`: the value
from ``Σ r²`` and the scale of ``dL/dpred = scale · r``; the forward rule,
the VJPs and the Jacobians (the row ``∇ᵀL``, the same numbers as the
gradient) follow from it.
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np

from explorer.ops.entry import QT_TRANSLATE_NOOP, Array, Code, Form, Inputs, Op, ResidualLoss


def _residual(a: Inputs) -> Array:
    r: Array = a["pred"] - a["target"]
    return r


def _row_form(scale: str, scale_latex: str, after: str = "", sign: str = "") -> Form:
    """``(Ŷ − Y)ᵀ`` scaled: the loss's local Jacobian is the row ``∇ᵀL``."""

    def form(u: Mapping[str, str], t: Mapping[str, str], batch: int) -> tuple[str, str]:
        return (
            f"{sign}{scale}({u['pred']} − {u['target']})ᵀ{after}",
            f"{sign}{scale_latex}({t['pred']} - {t['target']})^{{\\top}}",
        )

    return form


def loss(
    name: str,
    title: str,
    description: str,
    *,
    residual: ResidualLoss,
    formula: str,
    gradient: str,
    local_form: tuple[Form, Form],
    numpy: str,
    torch: str,
    scale_code: str,
) -> Op:
    """A loss entry. ``gradient`` is ``dL/dpred`` in the lecture's symbols; ``dL/dtarget`` is its negative.

    ``numpy`` and ``torch`` are the forward code; ``scale_code`` the numpy factor of ``(pred − target)``.
    """

    def grad_pred(a: Inputs) -> Array:
        r = _residual(a)
        scale = residual.scale(r.size)
        if scale == 1.0:  # ½ Σ r²: the residual itself (a product by one changes no bit)
            return r
        g: Array = scale * r
        return g

    def value(a: Inputs) -> Array:
        r = _residual(a)
        total = float(np.add.reduce(r * r, axis=None))  # np.sum's own reduction, without its Python wrapper
        return np.asarray(residual.of_sum(total, r.size), dtype=np.float64)

    vjp_code = f"{{g}} * {scale_code}({{pred}} - {{target}})"
    return Op(
        name,
        "loss",
        title,
        description,
        required=("pred", "target"),
        forward=value,
        vjp={
            "pred": lambda a, out, g: g * grad_pred(a),
            "target": lambda a, out, g: -g * grad_pred(a),
        },
        jacobian={"pred": lambda a, out: grad_pred(a), "target": lambda a, out: -grad_pred(a)},
        formula=formula,
        closed_form={"pred": gradient, "target": f"−{gradient}"},
        local_form={"pred": local_form[0], "target": local_form[1]},
        code=Code(numpy, torch, {"pred": vjp_code, "target": "-" + vjp_code}),
        residual=residual,
    )


_SQUARES = "({pred} - {target}) * ({pred} - {target})"

HALF_SSE = loss(
    "half_sse",
    QT_TRANSLATE_NOOP("Op", "½·SSE"),
    QT_TRANSLATE_NOOP("Op", "½ Σ (Ŷ − Y)²"),
    residual=ResidualLoss(scale=lambda size: 1.0, of_sum=lambda total, size: 0.5 * total),
    formula="½ Σ ({pred} − {target})²",
    gradient="({pred} − {target})",
    local_form=(_row_form("", ""), _row_form("", "", sign="−")),
    numpy=f"0.5 * np.sum({_SQUARES})",
    torch=f"0.5 * torch.sum({_SQUARES})",
    scale_code="",
)

SSE = loss(
    "sse",
    QT_TRANSLATE_NOOP("Op", "SSE"),
    QT_TRANSLATE_NOOP("Op", "Σ (Ŷ − Y)²"),
    residual=ResidualLoss(scale=lambda size: 2.0, of_sum=lambda total, size: total),
    formula="Σ ({pred} − {target})²",
    gradient="2 ({pred} − {target})",
    local_form=(_row_form("2", "2"), _row_form("2", "2", sign="−")),
    numpy=f"np.sum({_SQUARES})",
    torch=f"torch.sum({_SQUARES})",
    scale_code="2.0 * ",
)

MSE = loss(
    "mse",
    QT_TRANSLATE_NOOP("Op", "MSE"),
    QT_TRANSLATE_NOOP("Op", "mean (Ŷ − Y)²"),
    residual=ResidualLoss(scale=lambda size: 2.0 / size, of_sum=lambda total, size: total / size),
    formula="mean ({pred} − {target})²",
    gradient="2 ({pred} − {target}) / N",
    local_form=(_row_form("2", "\\tfrac{2}{N}", " / N"), _row_form("2", "\\tfrac{2}{N}", " / N", sign="−")),
    numpy=f"np.mean({_SQUARES})",
    torch=f"torch.mean({_SQUARES})",
    scale_code="2.0 / {pred}.size * ",
)

LOSS_OPS = (HALF_SSE, SSE, MSE)
