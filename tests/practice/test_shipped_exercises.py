"""The exercises that ship with the examples: each answered right by an independent torch computation, in both languages."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from explorer.practice import Answers, grade, read_exercises
from explorer.resources import resources_dir
from tests.practice import oracle

SHIPPED = sorted((resources_dir() / "exercises").glob("*.json"))
needs_torch = pytest.mark.skipif(oracle.torch is None, reason="torch is not installed")


def test_the_four_sets_ship() -> None:
    assert [path.stem for path in SHIPPED] == ["bias_layer", "sigmoid", "toy", "toy_batch"]


@needs_torch
@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.stem)
def test_a_shipped_set_answered_right_is_all_right(path: Path) -> None:
    document = json.loads(path.read_text(encoding="utf-8"))
    exercises = read_exercises(path)
    assert set(exercises.title) == {"en", "ko"}
    assert all(item.prompt is not None and set(item.prompt) == {"en", "ko"} for item in exercises.items)
    answers = {raw["id"]: np.asarray(oracle.answer(document["model"], raw)) for raw in document["items"]}
    grading = grade(exercises, Answers(answers))
    assert grading.score == (len(exercises.items), len(exercises.items))
    # the same answers negated are wrong, and an answer of zeros is never graded right
    negated = grade(exercises, Answers({k: -v for k, v in answers.items()}))
    assert negated.score[0] == 0
    assert all(g.diagnosis in ("sign", "elements", "transposed", "missing_derivative") for _, g in negated.grades)


@needs_torch
def test_the_sigmoid_set_names_the_derivative_left_out() -> None:
    path = resources_dir() / "exercises" / "sigmoid.json"
    document = json.loads(path.read_text(encoding="utf-8"))
    nodes = {n["id"]: np.asarray(n["value"], dtype=float) for n in document["model"]["nodes"] if "value" in n}
    x, w1, w2, y = nodes["X"], nodes["W1"], nodes["W2"], nodes["Y"]
    a1 = 1 / (1 + np.exp(-(w1.T @ x)))
    delta = w2.T @ a1 - y
    exercises = read_exercises(path)
    answers = {"q6": w2 @ delta, "q7": x @ (w2 @ delta).T, "q5": np.eye(3).reshape(3, 1, 3, 1)}  # σ′ left out each time
    grades = {item.id: g for item, g in grade(exercises, Answers(answers)).grades}
    assert {k: grades[k].diagnosis for k in answers} == dict.fromkeys(answers, "missing_derivative")
