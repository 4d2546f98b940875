"""The "Derivation · 유도" tab: the lecture's derivation of the selected gradient, with numbers.

For the selected node and step it shows, from the Qt-free data
(:func:`~explorer.lesson.derivation.derive` and :mod:`explorer.lesson.by_hand`):
the chain from the loss in the lecture's ``l∘p∘g∘f`` with each factor's shape
and kind, the order of the vector-Jacobian products, the counts and the dense
product check; and for the chosen local derivative the forward pass by hand,
the ``m×n`` Jacobian with ``Jᵀv`` and the contraction written out.

:func:`lesson_data` gathers the data (on a fork, on a worker thread when the
element count says it may be slow); :class:`DerivationView` only writes it out.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
from PySide6.QtWidgets import QTextBrowser, QVBoxLayout, QWidget

from explorer.engine import EngineError, Session
from explorer.lesson.by_hand import (
    ElementwiseByHand,
    ForwardByHand,
    JacobianMatrix,
    elementwise_by_hand,
    forward_by_hand,
    jacobian_matrix,
)
from explorer.lesson.derivation import DENSE_PRODUCT_LIMIT, Derivation, derive, path_from_loss
from explorer.lesson.notation import partial, pretty
from explorer.lesson.notes import DEFINITIONS, READING_NOTES, symbol_legend
from explorer.lesson.written_contraction import Contraction, written_contraction
from explorer.ui.inspector.lesson_html import (
    chain_html,
    contraction_html,
    counts_html,
    hand_html,
    heading,
    jacobian_html,
    note,
    vjp_html,
)
from explorer.ui.kit.theme import current_theme
from explorer.ui.text.engine_text import error_text, worded
from explorer.ui.text.i18n import translate
from explorer.ui.text.rich_math import math_html


@dataclass(frozen=True)
class LessonData:
    """Everything the tab shows for one node, one local derivative and one step."""

    node: str
    pair: tuple[str, str] | None
    step: int
    derivation: Derivation | None
    derivation_message: str
    hand: ForwardByHand | ElementwiseByHand | None
    jacobian: JacobianMatrix | None
    contraction: Contraction | None
    pair_symbol: str
    #: the node whose forward pass :attr:`hand` writes out (the inspected op node, or the op a leaf feeds)
    forward_symbol: str = ""


def lesson_elements(session: Session, node: str) -> int:
    """Roughly how many numbers :func:`lesson_data` touches: the dense factors along the path, and the VJPs."""
    model = session.model
    path, _ = path_from_loss(session, node)
    sizes = [int(np.prod(model.shape(n), dtype=np.int64)) for n in path]
    products = [sizes[i] * sizes[i + 1] for i in range(len(sizes) - 1)]
    dense = sum(products) if all(p <= DENSE_PRODUCT_LIMIT for p in products) else 0
    return dense + sum(sizes)


def lesson_data(session: Session, node: str, pair: tuple[str, str] | None, cancelled: Callable[[], bool] | None = None) -> LessonData:
    """Gather the derivation of ``∂L/∂node`` and the lesson of the local derivative ``pair``.

    Never raises for a step that has not got there yet: the message says what is missing.
    """
    model = session.model
    derivation, message = None, ""
    try:
        derivation = derive(session, node)
    except EngineError as error:
        message = error_text(error)
    if cancelled is not None and cancelled():
        from explorer.ui.kit.workers import Cancelled

        raise Cancelled
    hand: ForwardByHand | ElementwiseByHand | None = None
    jac = contraction = None
    symbol = ""
    # the forward pass by hand: the node's own (H₁ = W₁ᵀX at the step that computes it), a leaf's consumer's
    computed = node if not model.spec(node).info.is_leaf else (pair[0] if pair is not None else None)
    if computed is not None:
        hand = forward_by_hand(session, computed) or elementwise_by_hand(session, computed)
    if pair is not None:
        out, wrt = pair
        symbol = partial(model.label(out), model.label(wrt))
        jac = jacobian_matrix(session, out, wrt)
        contraction = written_contraction(session, out, wrt)
    forward_symbol = pretty(model.label(computed)) if computed is not None else ""
    return LessonData(
        node, pair, session.position, derivation, message, hand, jac, contraction, symbol, forward_symbol
    )


class DerivationView(QWidget):
    """Rich text of one :class:`LessonData`, or a message while there is none."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.browser = QTextBrowser(self)
        self.browser.setOpenLinks(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.browser)
        self.data: LessonData | None = None

    def show_message(self, text: str) -> None:
        self.data = None
        theme = current_theme()
        self.browser.setHtml(
            f"<div style='color:{theme.muted_text.name()}; font-size:large; margin:18px'>{math_html(text, 2000)}</div>"
        )

    def set_data(self, data: LessonData) -> None:
        self.data = data
        scroll = self.browser.verticalScrollBar().value()
        self.browser.setHtml(self.to_html(data))
        self.browser.verticalScrollBar().setValue(scroll)

    def apply_theme(self) -> None:
        if self.data is not None:
            self.set_data(self.data)

    @staticmethod
    def to_html(data: LessonData) -> str:
        theme = current_theme()
        parts = []
        forward_first = data.derivation is None  # the forward pass: what this step computes comes first
        if forward_first:
            parts.append(hand_html(data.hand, theme, data.forward_symbol))
        if data.derivation is not None:
            parts += [chain_html(data.derivation, theme), vjp_html(data.derivation, theme), counts_html(data.derivation, theme)]
        else:
            parts.append(heading(translate("DerivationView", "The chain from the loss · 연쇄법칙"), theme))
            parts.append(note(data.derivation_message, theme))
        if not forward_first and data.pair is None:
            parts.append(hand_html(data.hand, theme, data.forward_symbol))
        if data.pair is not None:
            title = translate("DerivationView", "One local derivative: {symbol} (pick another above)").format(symbol=data.pair_symbol)
            parts.append(f"<hr/><p style='font-size:large; font-weight:600'>{math_html(title)}</p>")
            if not forward_first:
                parts.append(hand_html(data.hand, theme, data.forward_symbol))
            parts.append(jacobian_html(data.jacobian, theme, data.pair_symbol))
            parts.append(contraction_html(data.contraction, theme, data.pair_symbol))
        legend = symbol_legend("".join(parts))
        if legend:
            parts.append(heading(translate("DerivationView", "Symbols"), theme))
            parts += [note(worded(line), theme) for line in legend]
        parts.append(heading(translate("DerivationView", "Beside the lecture"), theme))
        parts += [note(worded(line), theme) for line in (*DEFINITIONS, *READING_NOTES)]
        return f"<div style='color:{theme.text.name()}'>{''.join(parts)}</div>"
