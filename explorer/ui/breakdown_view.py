"""The tensor-product breakdown, written left to right as the lecture writes it.

upstream gradient · local Jacobian → contraction → result = simplified form ✓,
then the lecture's element table and the vector-Jacobian product ``Jᵀ v``
that autograd computes instead of building ``J``. Everything shown comes from
an :class:`explorer.engine.Breakdown`; this module only writes it out.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtWidgets import QTextBrowser, QVBoxLayout, QWidget

from ..engine import Breakdown
from ..engine.notation import shape_text
from .text import escape
from .theme import current_theme

#: Arrays with at most this many numbers are printed in full.
PRINT_LIMIT = 36


def _num(x: float) -> str:
    return f"{x:.4g}".replace("-", "−")


def matrix_html(array: np.ndarray, colour: str) -> str:
    """A small array as an HTML table with brackets; larger ones as their shape."""
    if array.size > PRINT_LIMIT:
        return f"<span style='color:{colour}'>[{shape_text(array.shape)} numbers]</span>"
    grid = np.atleast_2d(array) if array.ndim < 2 else array.reshape(array.shape[0], -1)
    if array.ndim == 1:
        grid = array.reshape(-1, 1)
    rows = "".join(
        "<tr>" + "".join(f"<td align='right' style='padding:0 6px; white-space:nowrap'>{_num(v)}</td>" for v in row)
        + "</tr>"
        for row in grid
    )
    return (
        f"<table cellspacing='0' style='color:{colour}; border-left:2px solid {colour}; "
        f"border-right:2px solid {colour}; font-family:monospace'>{rows}</table>"
    )


class BreakdownView(QWidget):
    """Shows one :class:`Breakdown`, or a message when there is none yet."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.browser = QTextBrowser(self)
        self.browser.setOpenLinks(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.browser)
        self.breakdown: Breakdown | None = None

    def show_message(self, text: str) -> None:
        self.breakdown = None
        theme = current_theme()
        self.browser.setHtml(
            f"<div style='color:{theme.muted_text.name()}; font-size:13pt; margin:18px'>{escape(text, 2000)}</div>"
        )

    def set_breakdown(self, b: Breakdown) -> None:
        self.breakdown = b
        self.browser.setHtml(self.to_html(b))

    @staticmethod
    def to_html(b: Breakdown) -> str:
        t = current_theme()
        grad, cur, muted = t.gradient.name(), t.current.name(), t.muted_text.name()
        ok = t.ok.name() if b.agrees else t.error.name()

        def term(name: str, shape: tuple[int, ...], colour: str) -> str:
            return (
                f"<span style='color:{colour}; font-weight:600'>{escape(name)}</span>"
                f" <span style='color:{muted}'>({shape_text(shape)})</span>"
            )

        upstream = term(b.upstream_name, b.upstream_shape, grad)
        jac = term(b.jacobian_name, b.jacobian_shape, cur)
        result = term(b.result_name, b.result_shape, grad)
        parts = [
            f"<p style='font-size:14pt'>{upstream} · {jac} → {result}</p>",
            f"<p style='color:{muted}'>연쇄법칙 (chain rule): contract the upstream gradient with the local "
            "Jacobian over every output index</p>",
        ]
        if b.jacobian is not None:
            parts.append(
                f"<p style='font-family:monospace; font-size:12pt'>einsum(\"{b.einsum}\", "
                f"{escape(b.upstream_name)}, {escape(b.jacobian_name)})</p>"
            )
        else:
            parts.append(
                f"<p style='color:{muted}'>The dense Jacobian is not built: {escape(b.jacobian_reason or '')}. "
                "The closed form below needs no Jacobian.</p>"
            )
        simplified = f"= {escape(b.closed_form)}"
        if b.outer_product:
            simplified += (
                f" <span style='color:{muted}'>(one sample: the outer product h δᵀ, "
                f"{b.result_shape[0]}×1 · 1×{b.upstream_shape[0]} → {shape_text(b.result_shape)})</span>"
            )
        parts.append(f"<p style='font-size:14pt'>{simplified}</p>")
        mark = "✓" if b.agrees else "✗"
        compared = []
        if b.contraction is not None:
            compared.append("the contraction")
        compared.append("the closed form Jᵀv")
        if b.engine_share is not None:
            compared.append("the engine's backward pass")
        verdict = "agree" if b.agrees else "DISAGREE"
        parts.append(
            f"<p style='color:{ok}; font-size:13pt; font-weight:600'>{mark} {', '.join(compared)} {verdict} "
            f"(max |Δ| = {b.max_diff:.1e})</p>"
        )
        parts.append(
            "<table cellspacing='8'><tr>"
            f"<td valign='middle'>{escape(b.upstream_name)} =</td><td>{matrix_html(b.upstream, grad)}</td>"
            f"<td valign='middle'>→ {escape(b.result_name)} =</td><td>{matrix_html(b.closed, grad)}</td>"
            "</tr></table>"
        )
        if b.elements:
            rows = "".join(
                f"<tr><td style='color:{grad}'>{escape(e.name)}</td><td>=</td>"
                f"<td>{escape(e.formula)}</td><td>=</td><td align='right'>{_num(e.value)}</td></tr>"
                for e in b.elements
            )
            parts.append(
                f"<p style='margin-top:10px; font-weight:600'>편미분 element by element</p>"
                f"<table cellspacing='4' style='font-size:12pt'>{rows}</table>"
            )
        parts.append(
            f"<p style='margin-top:10px; font-weight:600'>Vector-Jacobian product (autograd)</p>"
            f"<p>The backward pass never builds {escape(b.jacobian_name)}: with v = "
            f"{escape(b.upstream_name)} ({shape_text(b.upstream_shape)}) it computes Jᵀ v = "
            f"{escape(b.closed_form)} directly, {shape_text(b.result_shape)} numbers, as "
            "<span style='font-family:monospace'>torch.autograd</span> does.</p>"
        )
        return "".join(parts)
