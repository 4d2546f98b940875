"""Practice mode: the question of the moment, its checking, its hints and the score, over one main window.

With practice on, the explorer asks for what its next step computes (a
forward value, a gradient) before it takes the step; an exercise file opened
(File → Open) asks its items in turn; :meth:`Practice.start_practice` asks
for one thing chosen by a caller (a stop of a tour). A right answer takes
the step and moves on; a wrong one is diagnosed by :mod:`explorer.practice`
when the mistake is certain, else its wrong cells are coloured. The score
belongs to the document (:mod:`.record`) and ends with it.
"""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np
from PySide6.QtCore import QObject, QSignalBlocker, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDockWidget

from explorer.engine import EngineError
from explorer.model import Model, ModelError
from explorer.model.io import read_json
from explorer.model.numbers import shown
from explorer.practice import Exercises, Item, expected, hints
from explorer.practice.grading import grade_answer
from explorer.practice.items import (
    MAX_ANSWER_ELEMENTS,
    check_item,
    exercises_from_dict,
    is_exercises,
    known_at,
    looks_like_exercises,
)
from explorer.practice.mistakes import candidates, forward_values
from explorer.ui.practice.grid import CellError
from explorer.ui.practice.panel import PracticePanel
from explorer.ui.practice.question import Question, cell_of
from explorer.ui.practice.record import PracticeRecord, record_of
from explorer.ui.practice.window import PracticeWindow
from explorer.ui.practice.words import diagnosis_text, hint_text, question_text
from explorer.ui.text.i18n import installed_language, translate
from explorer.ui.text.plain import one_line


class Practice(QObject):
    """Practice over ``window`` (which has ``controller``, ``steps_toolbar``, ``show_error`` and a Step menu)."""

    def __init__(self, window: PracticeWindow) -> None:
        super().__init__(window)
        self.window = window
        self.controller = window.controller
        self.question: Question | None = None
        self._moving = False
        self._values: tuple[Model, dict[str, np.ndarray]] | None = None
        self.panel = PracticePanel()
        self.panel.language_changed.connect(self._on_language_changed)
        self.dock = QDockWidget(translate("Practice", "Practice (손으로 직접 구해보기)"), window)
        self.dock.setObjectName("practice")
        self.dock.setWidget(self.panel)
        self.dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetMovable | QDockWidget.DockWidgetFeature.DockWidgetClosable)
        window.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.dock)
        self.dock.hide()
        self.dock.visibilityChanged.connect(self._on_dock_visibility)
        self.action = QAction(translate("Practice", "&Practice"), window)
        self.action.setCheckable(True)
        self.action.setShortcut(QKeySequence("Ctrl+Shift+P"))
        self.action.setToolTip(translate("Practice", "Practice: type what the next step computes, and be told what went wrong (Ctrl+Shift+P)"))
        self.action.toggled.connect(self.set_active)
        window.addAction(self.action)
        menu = getattr(window, "step_menu", None)
        if menu is not None:
            menu.addSeparator()
            menu.addAction(self.action)
        toolbar = getattr(window, "steps_toolbar", None)
        if toolbar is not None:
            toolbar.addSeparator()
            toolbar.addAction(self.action)
        self.panel.check_requested.connect(self.check)
        self.panel.hint_requested.connect(self.hint)
        self.panel.reveal_requested.connect(self.reveal)
        self.panel.skip_requested.connect(self.skip)
        self.controller.step_changed.connect(self._on_step_changed)
        self.controller.document_replaced.connect(self._on_document_replaced)

    # -- state --------------------------------------------------------------------------

    @property
    def active(self) -> bool:
        return self.action.isChecked()

    @property
    def record(self) -> PracticeRecord:
        """The open document's score and exercise items."""
        return record_of(self.controller.document)

    def set_active(self, on: bool) -> None:
        """Step → Practice: show the dock and ask, or stop asking."""
        if self.action.isChecked() != on:
            self.action.setChecked(on)  # toggled comes back here
            return
        self.dock.setVisible(on)
        self.question = None
        self._hide_giveaways(False)
        if on:
            self.controller.pause()
            self.ask_next()

    def _on_dock_visibility(self, visible: bool) -> None:
        if not visible and self.active and not self.window.isHidden() and not self.dock.isFloating():
            self.set_active(False)  # the dock closed by its own button

    def _on_document_replaced(self, _document: object) -> None:
        self.question = None
        self._values = None
        if self.active:
            self.ask_next()

    def _on_step_changed(self) -> None:
        if self._moving or not self.active:
            return
        q = self.question
        if q is None or self.controller.session.position != q.position or self.controller.session.model is not self._model_seen:
            self.ask_next()

    @property
    def _model_seen(self) -> Model | None:
        return None if self._values is None else self._values[0]

    # -- asking -------------------------------------------------------------------------

    def _hide_giveaways(self, hidden: bool) -> None:
        """While a question is open, the inspector's tabs past Value and Gradient (the Jacobian, the
        breakdown, the derivation: they show what the next step computes) are out of reach."""
        tabs = getattr(getattr(self.window, "inspector", None), "tabs", None)
        if tabs is None:
            return
        if hidden and tabs.currentIndex() > 1:
            tabs.setCurrentIndex(0)
        for index in range(2, tabs.count()):
            tabs.setTabEnabled(index, not hidden)

    def ask_next(self, keep_verdict: bool = False) -> None:
        """The next question: the exercise file's next item, else what the next step computes."""
        record = self.record
        if record.queue and record.exercises is not None and record.exercises.model is not self.controller.model:
            record.queue.clear()  # the network was edited: its questions no longer fit it
            self.panel.show_verdict(translate("Practice", "The network was edited: the exercise's questions are put away."), None)
            keep_verdict = True
        if record.queue:
            item = record.queue[0]
            kind = item.of if item.ask == "element" else ("value" if item.ask == "jacobian" else item.ask)
            at = known_at(self.controller.model, item.node, kind or "value") or 0
            position = at - 1 if item.ask != "jacobian" and at >= 1 else item.step
            self._ask(item, position, item.step, from_file=True, keep_verdict=keep_verdict)
            return
        session = self.controller.session
        upcoming = session.next_step
        if upcoming is None:
            self.question = None
            self._hide_giveaways(False)
            self._show_header()
            self.panel.question_label.setText(translate("Practice", "The pass is done: Reset (Home) to practise it again."))
            self.panel.prompt_label.setText("")
            self.panel.set_answerable(False)
            return
        ask = "value" if upcoming.phase == "forward" else "grad"
        item = Item(f"step {upcoming.index}", upcoming.index, ask, upcoming.node)
        self._ask(item, session.position, upcoming.index, keep_verdict=keep_verdict)

    def start_practice(self, node: str, ask: str = "value", wrt: str | None = None, of: str | None = None,
                       index: tuple[int, ...] | None = None) -> bool:
        """Ask for one thing now: ``ask`` (``value``, ``grad``, ``jacobian`` with ``wrt``, ``element`` with
        ``of`` and ``index``) of ``node``, the pass moved to just before it is computed. False, said in
        the status bar, when the model cannot be asked that."""
        model = self.controller.model
        raw: dict[str, object] = {"id": "practice", "step": self.controller.session.total, "ask": ask, "node": node}
        if ask == "jacobian":
            inputs = model.inputs(node) if node in model else {}
            raw["wrt"] = wrt if wrt is not None else inputs.get("w", next(iter(inputs.values()), None))
        if ask == "element":
            raw["of"], raw["index"] = of or "value", list(index or ())
        try:
            item = check_item(model, raw)
        except ModelError as error:
            self.window.show_error(str(error))
            return False
        kind = item.of if item.ask == "element" else ("value" if item.ask == "jacobian" else item.ask)
        at = known_at(model, node, kind or "value") or 0
        position = at if item.ask == "jacobian" else max(at - 1, 0)
        item = Item(item.id, at, item.ask, item.node, item.wrt, item.of, item.index, item.tolerance)
        if not self.active:
            with QSignalBlocker(self.action):
                self.action.setChecked(True)
            self.dock.setVisible(True)
        self._ask(item, position, at)
        return True

    def practise_stop(self, node: str, ask: str, wrt: str = "") -> bool:
        """A tour stop's "Practice this": ``(node, ask, wrt)`` as the tour names it (``wrt`` "" but for a Jacobian)."""
        return self.start_practice(node, ask, wrt or None)

    def _ask(self, item: Item, position: int, after: int, from_file: bool = False, keep_verdict: bool = False) -> None:
        c = self.controller
        model = c.model
        if math.prod(model.shape(item.node)) * (math.prod(model.shape(item.wrt)) if item.wrt else 1) > MAX_ANSWER_ELEMENTS:
            self.question = None
            self.panel.question_label.setText(question_text(item, model.label(item.node), model.label(item.wrt) if item.wrt else ""))
            self.panel.show_verdict(translate("Practice", "This one is too large to type by hand: step on (→)."), None)
            self.panel.set_answerable(False)
            return
        try:
            ahead = c.session.fork()
            right = expected(Exercises(model, ()), item, ahead)
            if self._values is None or self._values[0] is not model:
                self._values = (model, forward_values(model))
            mistakes = candidates(Exercises(model, ()), item, right, self._values[1])
            ladder = hints(ahead, item)
        except EngineError as error:
            self.window.show_error(str(error))
            return
        self.question = Question(item, np.asarray(right), mistakes, ladder, position, after, from_file)
        if c.session.position != position:
            self._moving = True
            try:
                c.seek(position)
            finally:
                self._moving = False
        self.panel.set_answerable(True)
        self._hide_giveaways(True)
        self._show_header()
        self.panel.question_label.setText(question_text(item, model.label(item.node), model.label(item.wrt) if item.wrt else ""))
        prompt = item.prompt or {}
        self.panel.prompt_label.setText(prompt.get(installed_language(), prompt.get("en", "")))
        self.panel.prompt_label.setVisible(bool(prompt))
        self.panel.grid.reset((1, 1))
        self.panel.grid.mark((), None)
        self.panel.hints_label.setText("")
        if not keep_verdict:
            self.panel.show_verdict(translate("Practice", "Type your answer: set the rows and columns, then a number per cell."), None)
        self._show_score()

    def _on_language_changed(self) -> None:
        """The open question, its prompt, the header and the score in the new language; the answer typed stays."""
        self._show_header()
        self._show_score()
        question = self.question
        if question is None:
            return
        item, model = question.item, self.controller.model
        self.panel.question_label.setText(question_text(item, model.label(item.node), model.label(item.wrt) if item.wrt else ""))
        prompt = item.prompt or {}
        self.panel.prompt_label.setText(prompt.get(installed_language(), prompt.get("en", "")))

    def _show_header(self) -> None:
        record = self.record
        title = ""
        if record.exercises is not None:
            titles = record.exercises.title
            title = titles.get(installed_language(), titles.get("en", ""))
            left = len(record.queue)
            title = translate("Practice", "{title} — {left} of {total} left").format(
                title=one_line(title, 120), left=left, total=len(record.exercises.items)
            )
        self.panel.title_label.setText(title or translate("Practice", "Practice: compute it by hand"))

    def _show_score(self) -> None:
        r = self.record
        self.panel.score_label.setText(
            translate("Practice", "Score: {points} of {possible} points · {right} of {asked} right").format(
                points=r.points, possible=r.possible, right=r.right, asked=r.asked
            )
        )

    # -- answering ----------------------------------------------------------------------

    def check(self) -> bool | None:
        """Check the typed answer; True right, False wrong, None when nothing could be checked."""
        q = self.question
        if q is None or q.finished:
            return None
        try:
            typed = self.panel.grid.answer()
        except CellError as error:
            self.panel.show_verdict(str(error), False)
            return None
        right, answer, mistakes = q.graded(typed)
        result = grade_answer(right, answer, mistakes, q.item.tolerance)
        if result.correct:
            earned = self.record.scored(True, q.hints_used)
            q.finished = True
            self.panel.grid.mark((), None)
            self.panel.show_verdict(translate("Practice", "Right! +{points} points.").format(points=earned), True)
            self._hide_giveaways(False)
            self._move_on()
            return True
        assert result.diagnosis is not None
        text = diagnosis_text(result.diagnosis, q.grid_shape if q.right.ndim > 2 else result.expected_shape, result.given_shape,
                              len(result.wrong), q.right.size)
        self.panel.show_verdict(text, False)
        cells = [cell_of(index) for index in result.wrong]
        from explorer.ui.kit.theme import current_theme

        self.panel.grid.mark(cells, current_theme().error.lighter(170) if current_theme().name == "light" else current_theme().error.darker(200))
        return False

    def hint(self) -> None:
        """The next rung of the hint ladder (each costs a point): the formula, the shapes, one element."""
        q = self.question
        if q is None or q.finished or q.hints_used >= 3:
            return
        q.hints_used += 1
        q.shown_hints.append(hint_text(q.hints_used, q.hints.formula, q.hints.shapes, q.hints.element))
        self.panel.hints_label.setText("\n".join(q.shown_hints))
        if q.hints_used == 2:  # the shapes: the grid takes the answer's
            self.panel.grid.rows_spin.setValue(q.grid_shape[0])
            self.panel.grid.columns_spin.setValue(q.grid_shape[1])
        self.panel.hint_button.setEnabled(q.hints_used < 3)

    def reveal(self) -> None:
        """Show the right answer in the grid; the question scores nothing."""
        q = self.question
        if q is None or q.finished:
            return
        rows, columns = q.grid_shape
        self.panel.grid.reset((rows, columns))
        flat = q.right.reshape(rows, columns)
        for row in range(rows):
            for column in range(columns):
                self.panel.grid.set_text(row, column, shown(float(flat[row, column]), 6))
        self.record.scored(False, q.hints_used)
        q.finished = True
        self._hide_giveaways(False)
        self.panel.show_verdict(translate("Practice", "The answer is shown (no points). Skip goes on."), None)
        self.panel.check_button.setEnabled(False)
        self.panel.hint_button.setEnabled(False)
        self.panel.reveal_button.setEnabled(False)
        self._show_score()

    def skip(self) -> None:
        """Go on to the next question (an unanswered one scores nothing)."""
        q = self.question
        if q is None:
            return
        if not q.finished:
            self.record.scored(False, q.hints_used)
            q.finished = True
        self.panel.show_verdict("", None)
        self._move_on(keep_verdict=False)

    def _move_on(self, keep_verdict: bool = True) -> None:
        q = self.question
        assert q is not None
        record = self.record
        if q.from_file and record.queue:
            record.queue.pop(0)
        self._moving = True
        try:
            if self.controller.session.position != q.after:
                self.controller.seek(q.after)
        finally:
            self._moving = False
        self._show_score()
        if q.from_file or q.item.id.startswith("step "):
            self.ask_next(keep_verdict=keep_verdict)
        else:
            self.panel.set_answerable(False)

    # -- exercise files -----------------------------------------------------------------

    def is_exercise_file(self, path: str) -> bool:
        """Whether ``path`` looks like an exercise file (File → Open asks before it reads)."""
        return looks_like_exercises(path)

    def open_exercises(self, path: str) -> bool:
        """File → Open of an exercise file: its model opens untitled and practice asks its items in turn."""
        name = Path(path).name
        try:
            document = read_json(path)
            if not is_exercises(document):
                raise ModelError(translate("Practice", "not an exercise file"))
            exercises = exercises_from_dict(document)
        except ModelError as error:
            self.window.show_error(
                translate("Practice", "Cannot open {name}: {reason}").format(name=one_line(name, 80), reason=str(error))
            )
            return False
        self.start_exercises(exercises)
        return True

    def start_exercises(self, exercises: Exercises) -> None:
        """Open the exercises' model untitled and ask their items in turn."""
        from explorer.engine import Session

        self.question = None
        self.controller.load(Session(exercises.model), None, "model")
        record = self.record
        record.exercises = exercises
        record.queue = list(exercises.items)
        if self.active:
            self.ask_next()
        else:
            self.set_active(True)
