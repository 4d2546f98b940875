"""The tensor-product breakdown, written left to right as the lecture writes it.

upstream gradient · local Jacobian → contraction → result = simplified form,
with δ defined where it is used, then a mark that says exactly what was
compared (the dense contraction against the engine's gradient), the lecture's
element table and the vector-Jacobian product ``Jᵀ v`` that autograd computes
instead of building ``J``. A button checks the gradient against central finite
differences on a worker thread, on a fork of the session. Everything shown
comes from an :class:`explorer.engine.Breakdown`; this module only writes it out.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QTextBrowser, QVBoxLayout, QWidget

from explorer.engine import Session
from explorer.lesson import Breakdown
from explorer.lesson.breakdown import FiniteDifferenceCheck, finite_difference_check
from explorer.lesson.notation import partial
from explorer.lesson.notes import symbol_legend
from explorer.ui.kit.theme import current_theme
from explorer.ui.kit.workers import BackgroundRunner
from explorer.ui.text.engine_text import worded
from explorer.ui.text.i18n import translate
from explorer.ui.text.plain import escape, plain
from explorer.ui.text.rich_math import math_html, num
from explorer.ui.text.rich_math import matrix_html as _matrix_table
from explorer.ui.text.vocabulary import shape_words as shape_text  # a scalar worded: 스칼라

#: Arrays with at most this many numbers are printed in full.
PRINT_LIMIT = 36


def _columns(array: np.ndarray) -> int:
    return 1 if array.ndim < 2 else int(np.prod(array.shape[1:]))


def _num(x: float) -> str:
    return num(x)


def matrix_html(array: np.ndarray, colour: str) -> str:
    """A small array as an HTML table with brackets; larger ones as their shape."""
    if array.size > PRINT_LIMIT:
        return f"<span style='color:{colour}'>[{shape_text(array.shape)}]</span>"
    return _matrix_table(array, colour)


class BreakdownView(QWidget):
    """Shows one :class:`Breakdown`, or a message when there is none yet.

    ``session_source`` gives the session the finite-difference check forks
    (the inspector sets it to its controller's session).
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.browser = QTextBrowser(self)
        self.browser.setOpenLinks(False)
        self.breakdown: Breakdown | None = None
        self.session_source: Callable[[], Session] | None = None
        self.fd_result: FiniteDifferenceCheck | None = None

        self.fd_button = QPushButton(self.tr("Check with finite differences"), self)
        self.fd_button.setToolTip(
            self.tr("Recompute the gradient by central differences (float64), off the window's thread")
        )
        self.fd_cancel = QPushButton(self.tr("Cancel"), self)
        self.fd_label = plain(QLabel(self))
        self.fd_label.setWordWrap(True)
        self.fd_button.clicked.connect(self.check_finite_differences)
        self.fd_cancel.clicked.connect(self.cancel_check)
        self.fd_cancel.hide()
        self.fd_runner = BackgroundRunner(self)
        self.fd_runner.finished.connect(self._on_fd_finished)
        self.fd_runner.failed.connect(self._on_fd_failed)
        self.fd_runner.cancelled.connect(self._on_fd_cancelled)

        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.fd_button)
        row.addWidget(self.fd_cancel)
        row.addWidget(self.fd_label, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.browser, 1)
        layout.addLayout(row)
        self._set_fd_enabled(False)

    # -- what is shown

    def show_message(self, text: str) -> None:
        self.breakdown = None
        self._reset_check()
        self._set_fd_enabled(False)
        theme = current_theme()
        self.browser.setHtml(
            f"<div style='color:{theme.muted_text.name()}; font-size:large; margin:18px'>{math_html(text, 2000)}</div>"
        )

    def set_breakdown(self, b: Breakdown) -> None:
        same = self.breakdown is not None and (self.breakdown.node, self.breakdown.wrt) == (b.node, b.wrt)
        self.breakdown = b
        gradient = self._gradient()
        if not same or (
            self.fd_result is not None and (gradient is None or not np.array_equal(self.fd_result.engine, gradient))
        ):
            self._reset_check()
        self._set_fd_enabled(True)
        self.browser.setHtml(self.to_html(b))

    def apply_theme(self) -> None:
        """Redraw in the current theme's colours."""
        if self.breakdown is not None:
            self.browser.setHtml(self.to_html(self.breakdown))
        if self.fd_result is not None:
            self._show_fd(self.fd_result)

    @staticmethod
    def to_html(b: Breakdown) -> str:
        t = current_theme()
        grad, cur, muted = t.gradient.name(), t.current.name(), t.muted_text.name()

        def term(name: str, shape: tuple[int, ...], colour: str) -> str:
            return (
                f"<span style='color:{colour}; font-weight:600'>{math_html(name)}</span>"
                f" <span style='color:{muted}'>({escape(shape_text(shape))})</span>"
            )

        upstream = term(b.upstream_name, b.upstream_shape, grad)
        jac = term(b.jacobian_name, b.jacobian_shape, cur)
        result = term(b.result_name, b.result_shape, grad)
        chain_rule = translate("BreakdownView", "연쇄법칙 (chain rule): contract the upstream gradient with the local Jacobian over every output index")
        parts = [
            f"<p style='font-size:x-large'>{upstream} · {jac} → {result}</p>",
            f"<p style='color:{muted}'>{escape(chain_rule)}</p>",
        ]
        if b.definitions:
            items = "".join(f"<li>{math_html(worded(d))}</li>" for d in b.definitions)
            parts.append(f"<ul style='margin-top:0'>{items}</ul>")
        if b.local_is_gradient:
            parts.append(
                "<p>"
                + math_html(
                    translate("BreakdownView", "{jac} is the Jacobian of the scalar loss: a single row ∇ᵀL, exactly the gradient {jac} ({shape}) the backward pass computes first, from ∂L/∂L = 1.").format(
                        jac=b.jacobian_name, shape=shape_text(b.jacobian_shape)
                    )
                )
                + "</p>"
            )
        if b.jacobian is not None:
            parts.append(
                f"<p style='font-family:monospace; font-size:large'>einsum(\"{escape(b.einsum)}\", "
                f"{math_html(b.upstream_name)}, {math_html(b.jacobian_name)})</p>"
            )
        else:
            parts.append(
                f"<p style='color:{muted}'>"
                + math_html(
                    translate("BreakdownView", "The dense Jacobian is not built: {reason}. The closed form below needs no Jacobian.").format(
                        reason=worded(b.jacobian_reason) if b.jacobian_reason is not None else ""
                    )
                )
                + "</p>"
            )
        simplified = f"= {math_html(b.closed_form)}"
        if b.outer_product_note:
            simplified += f" <span style='color:{muted}'>({math_html(worded(b.outer_product_note))})</span>"
        parts.append(f"<p style='font-size:x-large'>{simplified}</p>")
        parts.append(BreakdownView.check_html(b))
        nowrap = "valign='middle' style='white-space:nowrap'"
        if _columns(b.upstream) + _columns(b.closed) <= 6:
            parts.append(
                "<table cellspacing='8'><tr>"
                f"<td {nowrap}>{math_html(b.upstream_name)} =</td><td>{matrix_html(b.upstream, grad)}</td>"
                f"<td {nowrap}>→ {math_html(b.result_name)} =</td><td>{matrix_html(b.closed, grad)}</td>"
                "</tr></table>"
            )
        else:  # wide: one under the other, so the narrow panel does not squeeze the names
            parts.append(
                f"<p>{math_html(b.upstream_name)} =</p>{matrix_html(b.upstream, grad)}"
                f"<p>→ {math_html(b.result_name)} =</p>{matrix_html(b.closed, grad)}"
            )
        if b.elements:
            rows = "".join(
                f"<tr><td style='color:{grad}'>{math_html(e.name)}</td><td>=</td>"
                f"<td>{math_html(e.formula)}</td><td>=</td><td align='right'>{_num(e.value)}</td></tr>"
                for e in b.elements
            )
            by_element = translate("BreakdownView", "편미분 element by element")
            parts.append(
                f"<p style='margin-top:10px; font-weight:600'>{escape(by_element)}</p>"
                f"<table cellspacing='4' style='font-size:large'>{rows}</table>"
            )
        vjp_title = translate("BreakdownView", "벡터-야코비안 곱 (vector-Jacobian product, autograd)")
        parts.append(f"<p style='margin-top:10px; font-weight:600'>{escape(vjp_title)}</p>")
        if b.local_is_gradient:
            text = translate("BreakdownView", "Here J is the loss's own row ∇ᵀL: the backward pass starts from v = ∂L/∂L = 1, and Jᵀ v = {closed} is the gradient {result} ({shape}) itself.").format(closed=b.closed_form, result=b.result_name, shape=shape_text(b.result_shape))
        else:
            text = translate("BreakdownView", "The backward pass does not build {jac}: with v = {upstream} ({vshape}) it computes Jᵀ v = {closed} directly, {shape} numbers, as torch.autograd does.").format(
                jac=b.jacobian_name,
                upstream=b.upstream_name,
                vshape=shape_text(b.upstream_shape),
                closed=b.closed_form,
                shape=shape_text(b.result_shape),
            )
        parts.append(f"<p>{math_html(text)}</p>")
        # a legend for the symbols this page uses (⊗, ⊙, diag, [i = j], einsum)
        legend = symbol_legend("".join(parts))
        if legend:
            items = "".join(f"<li>{math_html(worded(line))}</li>" for line in legend)
            title = translate("BreakdownView", "Symbols")
            parts.append(f"<p style='margin-top:10px; font-weight:600'>{escape(title)}</p><ul>{items}</ul>")
        return "".join(parts)

    @staticmethod
    def check_html(b: Breakdown) -> str:
        """The mark: what was compared with what, and by how much they differ."""
        t = current_theme()
        if not b.independent_check:
            text = translate(
                "BreakdownView",
                "No independent check here: the Jacobian was too large to build, and the closed form is the "
                "engine's own computation. Use the finite-difference check below.",
            )
            return f"<p style='color:{t.muted_text.name()}'>{math_html(text)}</p>"
        colour = t.ok.name() if b.agrees else t.error.name()
        source = (
            translate("BreakdownView", "the engine's backward pass")
            if b.engine_share is not None
            else translate("BreakdownView", "the engine's vector-Jacobian product")
        )
        if b.agrees:
            text = translate(
                "BreakdownView", "✓ the dense contraction einsum(\"{spec}\") over the built Jacobian equals {result} from {source} (max |Δ| = {diff})"
            )
        else:
            text = translate(
                "BreakdownView", "✗ the dense contraction einsum(\"{spec}\") over the built Jacobian DIFFERS from {result} from {source} (max |Δ| = {diff})"
            )
        text = text.format(spec=b.einsum, result=b.result_name, source=source, diff=num(b.max_diff, 2))
        return f"<p style='color:{colour}; font-size:large; font-weight:600'>{math_html(text)}</p>"

    # -- the finite-difference check

    def _gradient(self) -> np.ndarray | None:
        if self.breakdown is None or self.session_source is None:
            return None
        return self.session_source().grad(self.breakdown.wrt)

    def _set_fd_enabled(self, enabled: bool) -> None:
        self.fd_button.setEnabled(enabled and not self.fd_runner.busy)

    def _reset_check(self) -> None:
        if self.fd_runner.busy:
            self.fd_runner.cancel()
        self.fd_result = None
        self.fd_label.setText("")
        self.fd_label.setStyleSheet("")

    def check_finite_differences(self) -> None:
        """Run :func:`finite_difference_check` for the breakdown's result on a worker."""
        b = self.breakdown
        if b is None or self.session_source is None:
            return
        session = self.session_source()
        name = partial("L", session.model.label(b.wrt))
        if session.grad(b.wrt) is None:
            self.fd_label.setText(
                translate("BreakdownView", "{name} is not complete at this step yet: the backward pass finishes it later.").format(
                    name=name
                )
            )
            return
        fork, node = session.fork(), b.wrt
        self.fd_result = None
        self.fd_label.setStyleSheet("")
        self.fd_label.setText(self.tr("Computing {name} by central differences…").format(name=name))
        self.fd_button.setEnabled(False)
        self.fd_cancel.show()
        self.fd_runner.submit(
            self.tr("Finite differences of {name}").format(name=name),
            lambda cancelled: finite_difference_check(fork, node, cancelled=cancelled),
        )

    def cancel_check(self) -> None:
        self.fd_runner.cancel()

    def _on_fd_finished(self, result: object) -> None:
        self.fd_cancel.hide()
        self._set_fd_enabled(self.breakdown is not None)
        if not isinstance(result, FiniteDifferenceCheck):
            return
        if self.breakdown is None or result.node != self.breakdown.wrt:
            return  # the view moved on while it ran
        self.fd_result = result
        self._show_fd(result)

    def _show_fd(self, result: FiniteDifferenceCheck) -> None:
        theme = current_theme()
        name = partial("L", result.node) if self.session_source is None else partial(
            "L", self.session_source().model.label(result.node)
        )
        if result.ok:
            text = translate("BreakdownView", "✓ {name} from the backward pass equals central finite differences (float64): largest difference {diff}")
        else:
            text = translate("BreakdownView", "✗ {name} from the backward pass DIFFERS from central finite differences (float64): largest difference {diff}")
        self.fd_label.setText(text.format(name=name, diff=num(result.max_diff, 3)))
        colour = theme.ok if result.ok else theme.error
        self.fd_label.setStyleSheet(f"color: {colour.name()}; font-weight: 600")

    def _on_fd_failed(self, message: str) -> None:
        self.fd_cancel.hide()
        self._set_fd_enabled(self.breakdown is not None)
        self.fd_label.setStyleSheet(f"color: {current_theme().error.name()}")
        self.fd_label.setText(message)

    def _on_fd_cancelled(self) -> None:
        self.fd_cancel.hide()
        self._set_fd_enabled(self.breakdown is not None)
        if self.fd_result is None:
            self.fd_label.setStyleSheet("")
            self.fd_label.setText(self.tr("Finite-difference check cancelled."))
