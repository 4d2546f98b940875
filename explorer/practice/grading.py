"""Grading: each answer element by element within its tolerance, and the mistake named when it is certain.

A wrong answer gets a diagnosis only when exactly one kind of mistake
(:mod:`explorer.practice.mistakes`) gives it and that mistake's answer
differs from the right one; else ``shape`` when the shape is wrong, else
``elements`` with the wrong entries listed. An unanswered item is
``missing``.

>>> import numpy as np
>>> right = np.array([[1.0, 2.0], [3.0, 4.0]])
>>> grade_answer(right, right.T, [("transposed", right.T), ("sign", -right)], 1e-3)
Grade(correct=False, diagnosis='transposed', wrong=((0, 1), (1, 0)), expected_shape=(2, 2), given_shape=(2, 2))
>>> grade_answer(right, right + [[0, 0], [0, 1]], [("transposed", right.T)], 1e-3).wrong
((1, 1),)
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt

from explorer.engine import Session
from explorer.practice.answers import Answers
from explorer.practice.items import Exercises, Item
from explorer.practice.make import expected
from explorer.practice.mistakes import Candidate, candidates, forward_values

Array = npt.NDArray[np.float64]

FORMAT = "jacobian-explorer/grading"
VERSION = 1
DIAGNOSES = ("transposed", "half", "sign", "wrong_layer", "shape", "missing_derivative", "elements", "missing")

#: What each diagnosis says, in English (the window words them in its own language).
SAYS = {
    "transposed": "transposed: the answer is the transpose (h δᵀ written as δ hᵀ, or W used where Wᵀ belongs)",
    "half": "the ½ of the loss dropped or doubled: the answer is twice or half the right one",
    "sign": "the sign of the residual flipped (Y − Ŷ where Ŷ − Y belongs): the answer is the negative",
    "wrong_layer": "another layer's activation used (e.g. H₁ where H₂ belongs)",
    "shape": "the wrong shape (a row where a column belongs?)",
    "missing_derivative": "an activation's derivative left out (σ′, tanh′ or the ReLU mask)",
    "elements": "some entries are wrong",
    "missing": "not answered",
}


@dataclass(frozen=True)
class Grade:
    """One item's grade: ``wrong`` lists the wrong entries when the shapes agree."""

    correct: bool
    diagnosis: str | None
    wrong: tuple[tuple[int, ...], ...] = ()
    expected_shape: tuple[int, ...] = ()
    given_shape: tuple[int, ...] | None = None


@dataclass(frozen=True)
class Grading:
    exercises: Exercises
    grades: tuple[tuple[Item, Grade], ...]

    @property
    def score(self) -> tuple[int, int]:
        return sum(grade.correct for _, grade in self.grades), len(self.grades)


def conformed(answer: Array, shape: tuple[int, ...]) -> Array:
    """``answer`` in the expected shape where its writing is merely loose: a flat list for a
    column or a row (SPEC section 2: a 1-D list is a column), a column or a row for a bias
    vector, one number in brackets for a number."""
    size = int(np.prod(shape))
    flat_for_vector = answer.ndim == 1 and len(shape) == 2 and 1 in shape
    vector_for_flat = answer.ndim == 2 and len(shape) == 1 and 1 in answer.shape
    if answer.size == size and (size == 1 or flat_for_vector or vector_for_flat):
        return answer.reshape(shape)
    return answer


def _close(a: Array, b: Array, tolerance: float) -> bool:
    with np.errstate(all="ignore"):  # a typed 1e308 against −1e308 is simply far
        return a.shape == b.shape and bool(np.all(np.abs(a - b) <= tolerance))


def grade_answer(right: Array, answer: Array | None, mistakes: Sequence[Candidate], tolerance: float) -> Grade:
    """Grade ``answer`` against ``right``, naming the one mistake among ``mistakes`` that gives it."""
    shape = tuple(right.shape)
    if answer is None:
        return Grade(False, "missing", (), shape, None)
    answer = conformed(answer, shape)
    wrong: tuple[tuple[int, ...], ...] = ()
    if answer.shape == right.shape:
        with np.errstate(all="ignore"):
            far = ~(np.abs(answer - right) <= tolerance)
        wrong = tuple(tuple(int(i) for i in index) for index in np.argwhere(far))
        if not wrong:
            return Grade(True, None, (), shape, tuple(answer.shape))
    matched = {
        name for name, candidate in mistakes if _close(candidate, answer, tolerance) and not _close(candidate, right, tolerance)
    }
    if len(matched) == 1:
        diagnosis = matched.pop()
    else:
        diagnosis = "elements" if answer.shape == right.shape else "shape"
    return Grade(False, diagnosis, wrong, shape, tuple(answer.shape))


def grade(exercises: Exercises, answers: Answers) -> Grading:
    """Grade every item of ``exercises``; the expected answers from the engine at each item's step."""
    session = Session(exercises.model)
    values = forward_values(exercises.model)
    grades = []
    known: dict[tuple[object, ...], list[Candidate]] = {}  # the same question asked twice has the same mistakes
    for item in exercises.items:
        right = expected(exercises, item, session)
        given = answers.answers.get(item.id)
        key = (item.ask, item.node, item.wrt, item.of, item.index)
        if given is not None and key not in known:
            known[key] = candidates(exercises, item, right, values)
        mistakes = known.get(key, []) if given is not None else []
        grades.append((item, grade_answer(right, given, mistakes, item.tolerance)))
    return Grading(exercises, tuple(grades))


def grading_to_dict(grading: Grading) -> dict[str, Any]:
    """The grading as SPEC section 9's JSON object."""
    right, total = grading.score
    items = []
    for item, result in grading.grades:
        items.append({
            "id": item.id,
            "correct": result.correct,
            "diagnosis": result.diagnosis,
            "wrong": [list(index) for index in result.wrong],
            "expected_shape": list(result.expected_shape),
            "given_shape": None if result.given_shape is None else list(result.given_shape),
        })
    return {"format": FORMAT, "version": VERSION, "score": [right, total], "items": items}


def grading_text(grading: Grading) -> str:
    """The grading as a student reads it: the score, then one line per item."""
    right, total = grading.score
    title = grading.exercises.title.get("en", "")
    lines = [f"{title + ': ' if title else ''}{right} of {total} right"]
    model = grading.exercises.model  # the nodes by the names a reader knows: Ŷ, W₃
    for item, result in grading.grades:
        if result.correct:
            lines.append(f"  {item.id}  right  {item.what(model)}")
            continue
        line = f"  {item.id}  wrong  {item.what(model)}: {SAYS[result.diagnosis or 'elements']}"
        if result.diagnosis == "shape" and result.given_shape is not None:
            line += f"; expected shape {result.expected_shape}, got {result.given_shape}"
        if result.wrong and result.expected_shape:  # a single number has no entries to list
            shown = ", ".join(str(list(index)) for index in result.wrong[:12])
            more = f" and {len(result.wrong) - 12} more" if len(result.wrong) > 12 else ""
            line += f"; wrong entries {shown}{more}"
        lines.append(line)
    return "\n".join(lines) + "\n"
