"""Practice in the window: a right and a wrong answer typed, the diagnosis read in words, hints, the score, exercise files."""

from __future__ import annotations

import numpy as np
import pytest

from explorer.model import model_to_dict
from explorer.model.examples import toy_model
from explorer.resources import resources_dir


def _toy_numbers() -> dict[str, np.ndarray]:
    """The toy network's numbers worked out here in numpy, from the file's values."""
    v = {n["id"]: np.asarray(n["value"], dtype=float) for n in model_to_dict(toy_model(), fill_values=True)["nodes"] if "value" in n}
    v["H1"] = v["W1"].T @ v["X"]
    v["H2"] = v["W2"].T @ v["H1"]
    v["Yhat"] = v["W3"].T @ v["H2"]
    v["delta"] = v["Yhat"] - v["Y"]
    return v


def _type(win, array) -> None:
    grid = win.practice.panel.grid
    array = np.atleast_2d(np.asarray(array, dtype=float))
    grid.rows_spin.setValue(array.shape[0])
    grid.columns_spin.setValue(array.shape[1])
    for (row, column), value in np.ndenumerate(array):
        grid.set_text(row, column, repr(float(value)))


def _verdict(win) -> str:
    return win.practice.panel.verdict_label.text()


def test_a_wrong_then_a_right_forward_value(make_window) -> None:
    win = make_window()
    win.practice.action.trigger()  # Step → Practice
    assert win.practice.active
    assert win.practice.dock.isVisible()
    assert win.controller.session.position == 0
    assert "H₁" in win.practice.panel.question_label.text()
    v = _toy_numbers()
    _type(win, v["H1"].T)  # a row where a column belongs
    assert win.practice.check() is False
    assert "The shape is wrong: the answer is 3×1, you gave 1×3" in _verdict(win)
    assert win.controller.session.position == 0  # nothing computed yet
    _type(win, v["H1"])
    assert win.practice.check() is True
    assert "Right! +3 points" in _verdict(win)
    assert win.controller.session.position == 1  # the step is taken once answered
    assert "H₂" in win.practice.panel.question_label.text()
    assert "Score: 3 of 3 points · 1 of 1 right" in win.practice.panel.score_label.text()


def test_a_non_number_in_a_cell_is_named_and_nothing_is_lost(make_window) -> None:
    win = make_window()
    win.practice.set_active(True)
    _type(win, [[1.0], [2.0], [3.0]])
    win.practice.panel.grid.set_text(1, 0, "abc")
    assert win.practice.check() is None
    assert "Row 2, column 1: “abc” is not a number" in _verdict(win)
    assert win.practice.panel.grid.text(1, 0) == "abc"
    assert win.practice.panel.grid.text(0, 0) == "1.0"
    assert win.practice.record.asked == 0


@pytest.mark.parametrize(
    ("mistake", "says"),
    [
        (lambda v: v["delta"] @ v["H2"].T, "Transposed"),  # δ hᵀ for h δᵀ
        (lambda v: v["H2"] @ (2 * v["delta"]).T, "The ½ of the loss"),
        (lambda v: v["H2"] @ (-v["delta"]).T, "The sign of the residual is flipped"),
        (lambda v: v["H1"] @ v["delta"].T, "Another layer's activation"),
        (lambda v: v["H2"] @ v["delta"].T + np.array([[0, 0], [0, 0.5], [0, 0]]), "Not quite: 1 of 6 entries are wrong"),
    ],
)
def test_a_wrong_gradient_is_diagnosed_in_words(make_window, mistake, says) -> None:
    win = make_window()
    assert win.start_practice("W3", "grad")
    assert win.controller.session.position == 6  # just before ∂L/∂W₃ is computed (Y, data, takes no step)
    v = _toy_numbers()
    _type(win, mistake(v))
    assert win.practice.check() is False
    assert says in _verdict(win)
    marked = win.practice.panel.grid.marked()
    if says.startswith("Not quite"):
        assert marked == [(1, 1)]
    _type(win, v["H2"] @ v["delta"].T)
    assert win.practice.check() is True
    assert win.controller.session.position == 7


def test_the_hint_ladder_costs_points(make_window) -> None:
    win = make_window()
    win.start_practice("W3", "grad")
    for _ in range(3):
        win.practice.hint()
    hints = win.practice.panel.hints_label.text()
    assert "∂L/∂W₃ = H₂ · δᵀ" in hints
    assert "∂L/∂W₃: 3×2" in hints
    assert "∂L/∂w₁₁ = h₁ × δ₁ = 0.23 × (−0.266) = −0.06118" in hints
    assert (win.practice.panel.grid.rows_spin.value(), win.practice.panel.grid.columns_spin.value()) == (3, 2)
    v = _toy_numbers()
    _type(win, v["H2"] @ v["delta"].T)
    assert win.practice.check() is True
    assert "Right! +0 points" in _verdict(win)
    assert win.practice.record.points == 0
    assert win.practice.record.possible == 3


def test_an_exercise_file_opens_into_practice_and_names_the_derivative_left_out(make_window) -> None:
    win = make_window()
    path = resources_dir() / "exercises" / "sigmoid.json"
    assert win.files.open_path(str(path))
    practice = win.practice
    assert practice.active
    assert practice.record.exercises is not None
    assert "Through a sigmoid — 7 of 7 left" in practice.panel.title_label.text()
    assert "A₁ = σ(H₁)" in practice.panel.prompt_label.text()
    model = practice.record.exercises.model
    x, w1, w2, y = (np.asarray(model.value(n)) for n in ("X", "W1", "W2", "Y"))
    a1 = 1 / (1 + np.exp(-(w1.T @ x)))
    _type(win, a1)
    assert practice.check() is True
    for _ in range(4):  # to q6, ∂L/∂H₁
        practice.skip()
    assert practice.question.item.id == "q6"
    delta = w2.T @ a1 - y
    _type(win, w2 @ delta)  # σ′ left out
    assert practice.check() is False
    assert "The activation's derivative is left out" in _verdict(win)
    _type(win, (w2 @ delta) * a1 * (1 - a1))
    assert practice.check() is True
    assert practice.record.right == 2
    assert practice.record.asked == 6


def test_a_bad_exercise_file_is_one_line_and_keeps_the_document(make_window, dialogs, tmp_path) -> None:
    win = make_window(dialogs=dialogs)
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "jacobian-explorer/exercises", "version": 1, "items": []}', encoding="utf-8")
    before = win.controller.model
    assert not win.files.open_path(str(bad))
    assert win.controller.model is before
    assert len(dialogs.warnings) == 1
    assert "Cannot open bad.json: the exercise file's model: the model file must hold a JSON object" in str(dialogs.warnings[-1])
    assert "\n" not in str(dialogs.warnings[-1])


def test_the_score_ends_with_the_document(make_window) -> None:
    win = make_window()
    win.practice.set_active(True)
    _type(win, _toy_numbers()["H1"])
    assert win.practice.check() is True
    assert win.practice.record.points == 3
    win.files.open_example("single_layer")
    assert win.practice.record.points == 0
    assert "Score: 0 of 0 points" in win.practice.panel.score_label.text()


def test_a_jacobian_typed_as_its_matrix_and_its_slices_transposed(make_window) -> None:
    win = make_window()
    assert win.start_practice("Yhat", "jacobian")  # ∂Ŷ/∂W₃, wrt the weights by default
    h = _toy_numbers()["H2"][:, 0]
    # the lecture's slices ∂ŷ_i/∂W₃ = (h, 0) and (0, h), each flattened into a row of the 2 × 6 matrix
    slices = np.stack([np.stack([h * (j == i) for j in range(2)], axis=1) for i in range(2)])
    _type(win, np.swapaxes(slices, -1, -2).reshape(2, 6))
    assert win.practice.check() is False
    assert "Transposed" in _verdict(win)
    _type(win, slices.reshape(2, 6))
    assert win.practice.check() is True


def test_a_question_the_model_cannot_answer_is_one_line(make_window, dialogs) -> None:
    win = make_window(dialogs=dialogs)
    assert not win.start_practice("W9", "grad")
    assert not win.start_practice("W1", "jacobian", wrt="X")
    assert [str(w) for w in dialogs.warnings] == ["item 'practice': no node 'W9' in the model", "item 'practice': W1 is a leaf: it has no Jacobian"]
    assert not win.practice.active


def test_reveal_and_skip_score_nothing_and_the_end_of_the_pass_says_so(make_window) -> None:
    win = make_window("single_layer")
    win.practice.set_active(True)
    win.practice.reveal()
    assert win.practice.panel.grid.text(0, 0) != ""
    assert win.practice.check() is None  # a shown answer is not checked again
    while win.controller.session.next_step is not None:
        win.practice.skip()
    assert "The pass is done" in win.practice.panel.question_label.text()
    total = win.controller.session.total
    assert (win.practice.record.points, win.practice.record.asked) == (0, total)
    win.practice.action.trigger()  # Step → Practice again: off
    assert not win.practice.dock.isVisible()


def test_an_edited_network_puts_the_exercise_questions_away(make_window) -> None:
    win = make_window()
    assert win.files.open_path(str(resources_dir() / "exercises" / "toy.json"))
    assert win.practice.question.item.id == "q1"
    assert win.add_layer(None)  # the network changes under the questions
    assert win.practice.record.queue == []
    assert "put away" in _verdict(win)
    assert win.practice.question is not None
    assert win.practice.question.item.id.startswith("step ")  # practice goes on with the pass's own steps
    assert win.controller.model.spec(win.practice.question.item.node) is not None


def test_one_element_asked_by_a_caller(make_window) -> None:
    win = make_window()
    assert win.start_practice("W3", "element", of="grad", index=(0, 1))
    v = _toy_numbers()
    assert "∂L/∂W₃ at (1, 2)" in win.practice.panel.question_label.text()
    _type(win, [[-(v["H2"] @ v["delta"].T)[0, 1]]])
    assert win.practice.check() is False
    assert "sign of the residual" in _verdict(win)
    _type(win, [[(v["H2"] @ v["delta"].T)[0, 1]]])
    assert win.practice.check() is True


def test_the_inspector_tabs_that_would_show_the_answer_are_out_of_reach_while_it_is_asked(make_window) -> None:
    win = make_window()
    tabs = win.inspector.tabs
    win.controller.select("W3")
    tabs.setCurrentIndex(3)  # the breakdown: ∂L/∂W₃ worked out
    assert win.start_practice("W3", "grad")
    assert tabs.currentIndex() == 0
    assert [tabs.isTabEnabled(i) for i in range(tabs.count())] == [True, True] + [False] * (tabs.count() - 2)
    v = _toy_numbers()
    _type(win, v["H2"] @ v["delta"].T)
    assert win.practice.check() is True
    assert all(tabs.isTabEnabled(i) for i in range(tabs.count()))
    win.practice.set_active(True)  # practice on the pass's own steps hides them again, and turning it off shows them
    assert not tabs.isTabEnabled(2)
    win.practice.set_active(False)
    assert all(tabs.isTabEnabled(i) for i in range(tabs.count()))
