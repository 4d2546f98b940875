"""What each of the inspector's tabs shows: the value and gradient heatmaps, the Jacobian,
the breakdown and the derivation, each read from the session for the inspected node.

:class:`InspectorTabs` is the half of :class:`~explorer.ui.inspector.panel.Inspector`
that fills the tabs; a large Jacobian, breakdown or derivation goes to the
inspector's worker, and its result comes back here. The numbers all come from
the session; nothing here computes a derivative.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import numpy as np
from PySide6.QtWidgets import QWidget

from explorer.engine import JACOBIAN_BUDGET, EngineError, Session
from explorer.lesson import Breakdown, breakdown
from explorer.lesson.notation import partial, pretty
from explorer.model import Model
from explorer.ui.inspector.colour_scale import shared_top
from explorer.ui.text.engine_text import error_text
from explorer.ui.text.i18n import translate
from explorer.ui.text.vocabulary import shape_words as shape_text  # a scalar worded: 스칼라

if TYPE_CHECKING:
    from PySide6.QtWidgets import QComboBox, QLabel

    from explorer.ui.document.controller import Controller
    from explorer.ui.inspector.breakdown_view import BreakdownView
    from explorer.ui.inspector.derivation_view import DerivationView
    from explorer.ui.inspector.heatmap import MatrixView
    from explorer.ui.inspector.jacobian_view import JacobianView
    from explorer.ui.inspector.lazy_tabs import LazyTabs
    from explorer.ui.kit.workers import BackgroundRunner

#: Jacobians up to this many elements are built on the UI thread (well under a frame).
SYNC_JACOBIAN_LIMIT = 200_000

TAB_VALUE, TAB_GRAD, TAB_JACOBIAN, TAB_BREAKDOWN = range(4)
TAB_DERIVATION = 4  # redrawn whenever the breakdown is: it depends on the same node, pair and step

# What a local derivative's picture is drawn from: the model, the pair, the arrays (see ``_inputs_of``).
Drawn = tuple[Model, tuple[str, str], list[np.ndarray | None]]


def step_of(session: Session, phase: str, node: str) -> int | None:
    """The step at which ``phase`` ("forward", "backward") reaches ``node``."""
    return next((s.index for s in session.plan if s.phase == phase and s.node == node), None)


def matrix_view() -> QWidget:
    """A heatmap, made when its tab is first shown (the value's and the gradient's tabs)."""
    from explorer.ui.inspector.heatmap import MatrixView as View

    return View()


def jacobian_view() -> QWidget:
    """The Jacobian's slices, made when their tab is first shown."""
    from explorer.ui.inspector.jacobian_view import JacobianView as View

    return View()


def derivation_view() -> QWidget:
    """The derivation, made when its tab is first shown."""
    from explorer.ui.inspector.derivation_view import DerivationView as View

    return View()


class InspectorTabs:
    """Fills the inspector's tabs; :class:`~explorer.ui.inspector.panel.Inspector` holds the widgets."""

    controller: Controller
    node: str | None
    pair_combo: QComboBox
    runner: BackgroundRunner
    busy_widget: QWidget
    busy_label: QLabel
    _pending_tab: int | None
    _dirty: set[int]
    _drawn: dict[int, Drawn]  # tab -> what its picture was drawn from (:meth:`_inputs_of`), when drawn here
    tabs: LazyTabs
    value_view: MatrixView
    grad_view: MatrixView
    jacobian_view: JacobianView
    breakdown_view: BreakdownView
    derivation_view: DerivationView

    @property
    def session(self) -> Session:
        return self.controller.session

    def _inputs_of(self, pair: tuple[str, str]) -> Drawn:
        """What a local derivative and its breakdown are drawn from: the model, the pair, and the
        values and gradients of the pair's nodes and of its output's inputs (the arrays themselves)."""
        session, (out, wrt) = self.session, pair
        nodes = sorted({out, wrt, *session.model.inputs(out).values()})
        return (session.model, pair, [array for n in nodes for array in (session.value(n), session.grad(n))])

    @staticmethod
    def _same_inputs(drawn: Drawn | None, now: Drawn) -> bool:
        """The session never changes an array in place: the same array objects draw the same picture."""
        return (
            drawn is not None
            and drawn[0] is now[0]
            and drawn[1] == now[1]
            and all(a is b for a, b in zip(drawn[2], now[2], strict=True))
        )

    def _panel_elements(self, tab: int) -> int:
        """How many numbers drawing ``tab`` touches (a Jacobian past the worker limit is not built here)."""
        if self.node is None:
            return 0
        model = self.controller.model
        elements = int(np.prod(model.shape(self.node), dtype=np.int64))
        pair = self._current_pair()
        if tab == TAB_DERIVATION:
            return elements + self._lesson_elements()
        if tab in (TAB_JACOBIAN, TAB_BREAKDOWN) and pair is not None:
            size = int(np.prod(self.session.jacobian_shape(*pair), dtype=np.int64))
            elements += size if size <= SYNC_JACOBIAN_LIMIT else 0
        return elements

    def _show_matrix(self, tab: int, kind: str) -> None:
        node = self.node
        if node is None:
            self.tabs.show_placeholder(tab, translate("Inspector", "Select a node to see its numbers."))
            return
        view: MatrixView = self.tabs.view(tab)  # type: ignore[assignment]
        model, session = self.controller.model, self.session
        array = session.value(node) if kind == "value" else session.grad(node)
        if array is None:
            phase = "forward" if kind == "value" else "backward"
            at = step_of(session, phase, node)
            what = pretty(model.label(node)) if kind == "value" else partial("L", model.label(node))
            message = (
                translate("Inspector", "{what} is not reached yet: the forward pass computes it at step {at}.")
                if kind == "value"
                else translate("Inspector", "{what} is not reached yet: the backward pass computes it at step {at}.")
            )
            view.show_message(message.format(what=what, at=at))
            return
        name = model.label(node)
        top, group = shared_top(session, node, kind)
        view.set_matrix(array, name if kind == "value" else f"∂L/∂{name}", kind, shared_top=top, shared_group=group)

    def _show_value(self) -> None:
        self._show_matrix(TAB_VALUE, "value")

    def _show_grad(self) -> None:
        self._show_matrix(TAB_GRAD, "grad")

    def _current_pair(self) -> tuple[str, str] | None:
        data = self.pair_combo.currentData()
        return (data[0], data[1]) if data else None

    def _no_pair_text(self) -> str:
        """Why there is no local derivative to show: nothing is selected, or the node has none."""
        if self.node is None:
            return translate("Inspector", "No node is selected: click one on the canvas to see its local derivatives.")
        return translate("Inspector", "This node has no local derivatives.")

    def _show_jacobian(self) -> None:
        drawn = self._drawn.pop(TAB_JACOBIAN, None)  # put back only once the picture is drawn here again
        pair = self._current_pair()
        if pair is None:
            self.tabs.show_placeholder(TAB_JACOBIAN, self._no_pair_text())
            return
        out, wrt = pair
        model, session = self.controller.model, self.session
        shape = session.jacobian_shape(out, wrt)
        size = int(np.prod(shape, dtype=np.int64))
        title = f"∂{pretty(model.label(out))}/∂{pretty(model.label(wrt))}"
        if size > JACOBIAN_BUDGET:
            self.jacobian_view.show_message(
                translate(
                    "Inspector",
                    "{title} would hold {size} numbers ({shape}), past the budget of {budget}. "
                    "The backward pass never builds it: it uses Jᵀ v.",
                ).format(title=title, size=f"{size:,}", shape=shape_text(shape), budget=f"{JACOBIAN_BUDGET:,}")
            )
            return
        if size > SYNC_JACOBIAN_LIMIT:
            fork = session.fork()
            self._pending_tab = TAB_JACOBIAN
            self.runner.submit(
                translate("Inspector", "Building {title} ({size} numbers)…").format(title=title, size=f"{size:,}"),
                lambda cancelled: ("jacobian", pair, fork.jacobian(out, wrt)),  # one numpy call: checked before
            )
            self.jacobian_view.show_message(translate("Inspector", "Building {title}…").format(title=title))
            return
        inputs = self._inputs_of(pair)
        if drawn is not None and self._same_inputs(drawn, inputs):
            self._drawn[TAB_JACOBIAN] = drawn  # nothing it depends on changed at this step
            return
        try:
            jac = session.jacobian(out, wrt)
        except EngineError as error:
            self.jacobian_view.show_message(error_text(error))
            return
        self._set_jacobian(pair, jac)
        self._drawn[TAB_JACOBIAN] = inputs

    def _set_jacobian(self, pair: tuple[str, str], jac: np.ndarray) -> None:
        out, wrt = pair
        model = self.controller.model
        self.jacobian_view.set_jacobian(jac, model.label(out), model.label(wrt), model.shape(out), model.shape(wrt))

    def _show_breakdown(self) -> None:
        drawn = self._drawn.pop(TAB_BREAKDOWN, None)
        pair = self._current_pair()
        if pair is None:
            self.tabs.show_placeholder(TAB_BREAKDOWN, self._no_pair_text())
            return
        out, wrt = pair
        model, session = self.controller.model, self.session
        if session.grad(out) is None:
            at = step_of(session, "backward", out)
            self.breakdown_view.show_message(
                translate(
                    "Inspector",
                    "The breakdown of {wrt} through {out} needs the upstream gradient {upstream}: "
                    "the backward pass (역전파) computes it at step {at} of {total}.",
                ).format(
                    wrt=partial("L", model.label(wrt)),
                    out=pretty(model.label(out)),
                    upstream=partial("L", model.label(out)),
                    at=at,
                    total=session.total,
                )
            )
            return
        size = int(np.prod(session.jacobian_shape(out, wrt), dtype=np.int64))
        if SYNC_JACOBIAN_LIMIT < size <= JACOBIAN_BUDGET:
            fork = session.fork()
            self._pending_tab = TAB_BREAKDOWN
            self.runner.submit(
                translate("Inspector", "Contracting the Jacobian…"), lambda cancelled: ("breakdown", pair, breakdown(fork, out, wrt))
            )
            self.breakdown_view.show_message(translate("Inspector", "Contracting the Jacobian…"))
            return
        inputs = self._inputs_of(pair)
        if drawn is not None and self._same_inputs(drawn, inputs):
            self._drawn[TAB_BREAKDOWN] = drawn  # nothing it depends on changed at this step
            return
        try:
            self.breakdown_view.set_breakdown(breakdown(session, out, wrt))
        except EngineError as error:
            self.breakdown_view.show_message(error_text(error))
            return
        self._drawn[TAB_BREAKDOWN] = inputs

    # -- background results ----------------------------------------------------

    def _on_busy(self, description: str) -> None:
        self.busy_label.setText(description)
        self.busy_widget.show()

    def _on_background_result(self, result: tuple[str, tuple[str, str] | None, Any]) -> None:
        self.busy_widget.hide()
        self._pending_tab = None
        kind, pair, payload = result  # what the job submitted returned: (kind, pair, its picture's data)
        if pair != self._current_pair():
            return
        if kind == "jacobian" and pair is not None:
            self._set_jacobian(pair, payload)
        elif isinstance(payload, Breakdown):
            self.breakdown_view.set_breakdown(payload)
        elif kind == "lesson" and payload.node == self.node:  # a LessonData
            self.derivation_view.set_data(payload)

    def _on_background_failed(self, message: str) -> None:
        self.busy_widget.hide()
        view = self._view_of(self._pending_tab)
        self._pending_tab = None
        view.show_message(message)

    def _on_background_cancelled(self) -> None:
        self.busy_widget.hide()
        if self._pending_tab is not None:
            view = self._view_of(self._pending_tab)
            view.show_message(translate("Inspector", "Cancelled. Pick the tab again to rebuild it."))
            self._dirty.add(self._pending_tab)
            self._pending_tab = None

    def _view_of(self, tab: int | None) -> JacobianView | BreakdownView | DerivationView:
        views: dict[int | None, JacobianView | BreakdownView | DerivationView] = {
            TAB_JACOBIAN: self.jacobian_view,
            TAB_DERIVATION: self.derivation_view,
        }
        return views.get(tab, self.breakdown_view)

    # -- the derivation tab ----------------------------------------------------

    def _lesson_elements(self) -> int:
        from explorer.ui.inspector.derivation_view import lesson_elements

        if self.node is None:
            return 0
        try:
            return lesson_elements(self.session, self.node)
        except EngineError:
            return 0

    def _show_derivation(self) -> None:
        from explorer.ui.inspector.derivation_view import lesson_data

        node = self.node
        if node is None:
            self.tabs.show_placeholder(TAB_DERIVATION, translate("Inspector", "Select a node to see how its gradient is derived."))
            return
        pair = self._current_pair()
        if self._lesson_elements() > SYNC_JACOBIAN_LIMIT:
            fork = self.session.fork()
            self._pending_tab = TAB_DERIVATION
            description = translate("Inspector", "Deriving {name}…").format(name=partial("L", self.controller.model.label(node)))
            self.runner.submit(description, lambda cancelled: ("lesson", pair, lesson_data(fork, node, pair, cancelled)))
            self.derivation_view.show_message(description)
            return
        try:
            self.derivation_view.set_data(lesson_data(self.session.fork(), node, pair))
        except EngineError as error:
            self.derivation_view.show_message(error_text(error))
