"""One gradient-descent update in the lab: Apply update, and the update seen before and after it is applied.

:class:`OneUpdate` is a part of :class:`~explorer.ui.lab.lab.LearningLab`
(it derives from it): Apply update replaces the model by ``W ← W − η ∂L/∂W``
as one undoable edit, and the Update dock shows that update, or a preview of
the one the learning rate would make, with the loss before and after.
Its texts keep the ``LearningLab`` context of the catalogue.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QDockWidget, QLabel

from explorer.engine import EngineError
from explorer.train.update import UpdateResult, apply_update, format_number
from explorer.ui.document.controller import Controller
from explorer.ui.lab.docks import LazyDock
from explorer.ui.lab.rate_spin import RateSpinBox
from explorer.ui.lab.training import replaced
from explorer.ui.text.engine_text import error_text
from explorer.ui.text.i18n import translate

if TYPE_CHECKING:  # the dock's content brings pyqtgraph: imported when the dock is first shown
    from explorer.ui.lab.update_view import UpdateView


class OneUpdate:
    """Apply update and the Update dock of the lab; the lab holds the controller, the rate and the dock."""

    controller: Controller
    lr_spin: RateSpinBox  # η
    update_label: QLabel  # the status bar's loss before and after
    update_dock: LazyDock
    _applied: tuple[UpdateResult, float | None] | None  # the update just applied, the loss before
    _preview: tuple[object, int, float, UpdateResult | None] | None

    if TYPE_CHECKING:

        @property
        def update_view(self) -> UpdateView: ...

        def say(self, text: str) -> None: ...

        def reveal(self, dock: QDockWidget) -> None: ...

    def apply_update(self) -> bool:
        """``W ← W − η ∂L/∂W`` for every parameter, as one undoable edit; the pass starts again."""
        c = self.controller
        session = c.session
        if not session.done:
            self.say(translate("LearningLab", "Apply update needs the backward pass to the end: every ∂L/∂W"))
            return False
        lr = self.lr_spin.value()
        try:
            update = apply_update(c.model, session, lr)
        except EngineError as error:
            self.say(translate("LearningLab", "Apply update refused: {error}").format(error=error_text(error)))
            return False
        before = session.loss
        text = translate("LearningLab", "Apply update, η = {lr}").format(lr=format_number(lr))
        self._applied = (update, before)
        if not c.edit(text, replaced, update.model):
            self._applied = None
            return False
        said = translate("LearningLab", "Applied W ← W − η ∂L/∂W with η = {lr}; loss before: L = {loss}; run the forward pass (순전파)")
        self.say(said.format(lr=format_number(lr), loss=format_number(before) if before is not None else "?"))
        self.reveal(self.update_dock)
        self._show_update()
        return True

    def _applied_here(self) -> tuple[UpdateResult, float | None] | None:
        applied = self._applied
        return applied if applied is not None and applied[0].model is self.controller.model else None

    def _show_losses(self) -> None:
        applied = self._applied_here()
        if applied is None or applied[1] is None:
            self.update_label.setText("")
            return
        before = format_number(applied[1])
        after = self.controller.session.loss
        if after is None:
            text = translate("LearningLab", "loss before the update {before} → after: run the forward pass  ").format(before=before)
        else:
            text = translate("LearningLab", "loss before the update {before} → after {after}  ").format(
                before=before, after=format_number(after)
            )
        self.update_label.setText(text)

    def _update_to_show(self) -> tuple[UpdateResult | None, bool, str]:
        """The update to show (the one applied, or a preview), whether applied, or why none."""
        c = self.controller
        applied = self._applied_here()
        if applied is not None:
            return applied[0], True, ""
        session = c.session
        if not session.done:
            return None, False, translate("LearningLab", "Run the backward pass (역전파) to the end, then Apply update: W ← W − η ∂L/∂W")
        lr = self.lr_spin.value()
        key = (session, session.position, lr)
        if self._preview is None or self._preview[:3] != key:
            try:
                preview: UpdateResult | None = apply_update(c.model, session, lr)
            except EngineError:
                preview = None
            self._preview = (*key, preview)
        update = self._preview[3]
        if update is None:
            return None, False, translate("LearningLab", "With this learning rate the update would not be finite: try a smaller η")
        return update, False, ""

    def _show_update(self, *_: object) -> None:
        if not self.update_dock.is_built:
            return  # built when first shown, with the update of that moment
        update, applied, why = self._update_to_show()
        if update is None or not update.params:
            self.update_view.show_message(why or translate("LearningLab", "The model has no parameter to update"))
            return
        selected = self.controller.selected
        node = selected if selected in update.params else next(iter(update.params))
        self.update_view.show_update(update.params[node], update.model.label(node), applied)
