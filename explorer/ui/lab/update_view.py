"""One gradient-descent update, seen: a parameter before, the step ``η · ∂L/∂W``, and after.

Three heatmaps side by side (before and after on one colour scale, so a
cell that moved changes colour) and, for a small matrix, every element's
arithmetic as :func:`explorer.train.update.update_arithmetic` writes
it: ``0.2 − 0.1 × (−0.06118) = 0.206118``. The view shows what it is given
(an :class:`~explorer.train.update.UpdateResult`), either a preview
of the update the backward pass allows or the one just applied.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPlainTextEdit, QVBoxLayout, QWidget

from explorer.lesson.notation import pretty
from explorer.train.update import ParamUpdate, format_number, update_arithmetic
from explorer.ui.inspector.colour_scale import SHARED
from explorer.ui.inspector.heatmap import MatrixView
from explorer.ui.kit.theme import FONT_FAMILIES, current_theme
from explorer.ui.text.i18n import translate
from explorer.ui.text.plain import one_line, plain


class UpdateView(QWidget):
    """Before, ``η · ∂L/∂W`` and after, for one parameter, with the arithmetic of a small one."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.header = plain(QLabel(self))
        self.header.setWordWrap(True)
        self.before_view = MatrixView(self)
        self.step_view = MatrixView(self)
        self.after_view = MatrixView(self)
        for view in (self.before_view, self.after_view):
            view.set_scale_mode(SHARED)  # one scale for before and after: a cell that moved changes colour
        for view in (self.before_view, self.step_view, self.after_view):
            view.scale_combo.hide()  # the scales are fixed here; the line under each says which
            view.log_check.hide()
            view.status_label.hide()  # hovering a cell still reads it, in the tooltip
            view.setMinimumSize(150, 120)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        for view in (self.before_view, self.step_view, self.after_view):
            row.addWidget(view, 1)
        self.arithmetic = QPlainTextEdit(self)
        self.arithmetic.setReadOnly(True)
        fixed = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        fixed.setFamilies([fixed.family(), *FONT_FAMILIES])  # a sign the fixed font lacks: the bundled ones
        self.arithmetic.setFont(fixed)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.header)
        layout.addLayout(row, 1)
        layout.addWidget(self.arithmetic)
        self.update_shown: ParamUpdate | None = None
        self.show_message(self.tr("Run the backward pass (역전파) to the end, then Apply update: W ← W − η ∂L/∂W"))

    def show_update(self, update: ParamUpdate, label: str, applied: bool) -> None:
        """Show ``update`` of the parameter labelled ``label``: applied, or a preview of Apply update."""
        self.update_shown = update
        name = pretty(one_line(label, 60))
        lr = format_number(update.lr)
        if applied:
            text = translate(
                "UpdateView",
                "Applied: {name} ← {name} − η · ∂L/∂{name} with η = {lr}; run the forward pass to see the new loss"
            )
        else:
            text = translate(
                "UpdateView",
                "Preview of Apply update for {name} with η = {lr} (경사 하강법: {name} ← {name} − η · ∂L/∂{name})"
            )
        self.header.setText(text.format(name=name, lr=lr))
        top = float(max(np.max(np.abs(update.before), initial=0.0), np.max(np.abs(update.after), initial=0.0)))
        group = self.tr("before and after")
        self.before_view.set_matrix(
            update.before,
            update.node,
            "value",
            title=self.tr("{name} before").format(name=name),
            shared_top=top,
            shared_group=group,
        )
        self.step_view.set_matrix(
            update.step, f"∂L/∂{update.node}", "grad", title=self.tr("η · ∂L/∂{name}").format(name=name)
        )
        self.after_view.set_matrix(
            update.after,
            update.node,
            "value",
            title=self.tr("{name} after").format(name=name),
            shared_top=top,
            shared_group=group,
        )
        rows = update_arithmetic(update)
        self._fit_arithmetic(1 if rows is None else len(rows))
        if rows is None:
            self.arithmetic.setPlainText(
                self.tr(
                    "{name} has {count} elements: hover a cell to read it (the arithmetic is written out up to 36)"
                ).format(name=name, count=update.before.size)
            )
        else:
            self.arithmetic.setPlainText("\n".join("    ".join(row) for row in rows))

    def _fit_arithmetic(self, lines: int) -> None:
        """As tall as its lines (at most four, then it scrolls): the heatmaps keep the rest."""
        height = self.arithmetic.fontMetrics().lineSpacing() * min(max(lines, 1), 4) + 14
        self.arithmetic.setFixedHeight(height)

    def show_message(self, text: str) -> None:
        """No update to show, and why."""
        self.update_shown = None
        self._fit_arithmetic(1)
        self.header.setText(text)
        for view in (self.before_view, self.step_view, self.after_view):
            view.show_message("")
        self.arithmetic.setPlainText("")

    def arithmetic_text(self) -> str:
        return self.arithmetic.toPlainText()

    def apply_theme(self) -> None:
        """Re-read :func:`~explorer.ui.kit.theme.current_theme`."""
        for view in (self.before_view, self.step_view, self.after_view):
            view.apply_theme()
        palette = self.header.palette()
        palette.setColor(self.header.foregroundRole(), current_theme().text)
        self.header.setPalette(palette)
