"""The answers file (format ``jacobian-explorer/answers``, version 1): a number or nested lists per item id.

An answer is read strictly and boundedly: at most four levels of lists, at
most :data:`~explorer.practice.items.MAX_ANSWER_ELEMENTS` numbers, every one
finite. A bad answer gives one line naming the item.

>>> answer_array([[1, 2], [3, 4]], "q1").shape
(2, 2)
>>> answer_array(0.5, "q2").shape
()
"""

from __future__ import annotations

import math
import os
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt

from explorer.model import ModelError
from explorer.model.io import check_version, read_json
from explorer.model.quote import shown
from explorer.practice.items import MAX_ANSWER_ELEMENTS, Exercises

Array = npt.NDArray[np.float64]

FORMAT = "jacobian-explorer/answers"
VERSION = 1
#: Deepest nesting of an answer: a Jacobian of a matrix by a matrix.
MAX_DEPTH = 4


@dataclass(frozen=True)
class Answers:
    """The student's answers by item id; an item left out is unanswered."""

    answers: Mapping[str, Array]


def _number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def answer_array(raw: Any, item_id: str) -> Array:
    """One answer as a float64 array, or a one-line :class:`ModelError` naming the item."""
    name = f"answer {shown(item_id)}"
    if _number(raw):
        if not math.isfinite(raw):
            raise ModelError(f"{name}: {shown(raw)} is not a finite number")
        return np.asarray(float(raw))
    if not isinstance(raw, list):
        raise ModelError(f"{name} must be a number or a list of numbers, got {shown(raw)}")
    count, level = 0, list[Any]([raw])
    for depth in range(MAX_DEPTH + 1):
        lists = [v for v in level if isinstance(v, list)]
        if not lists:
            break
        if depth == MAX_DEPTH:
            raise ModelError(f"{name} is nested more than {MAX_DEPTH} lists deep")
        if len(lists) != len(level):
            raise ModelError(f"{name} is ragged: it mixes numbers and lists at one depth")
        count = sum(len(v) for v in lists)
        if count > MAX_ANSWER_ELEMENTS:
            raise ModelError(f"{name} holds more than {MAX_ANSWER_ELEMENTS:,} entries")
        level = [v for sub in lists for v in sub]
    bad = [v for v in level if not _number(v)][:1]
    if bad:
        raise ModelError(f"{name} holds {shown(bad[0])}, which is not a number")
    if not all(math.isfinite(v) for v in level):
        raise ModelError(f"{name} holds a number that is not finite (NaN or infinity)")
    try:
        array = np.asarray(raw, dtype=np.float64)
    except (ValueError, OverflowError):
        raise ModelError(f"{name} is ragged: its rows differ in length") from None
    if array.size == 0:
        raise ModelError(f"{name} is empty")
    return array


def answers_from_dict(document: Any, exercises: Exercises) -> Answers:
    """Validate a parsed answers document against the exercises it answers."""
    if not isinstance(document, Mapping):
        raise ModelError("the answers file must hold a JSON object")
    if document.get("format") != FORMAT:
        raise ModelError(f"format must be {FORMAT!r}, got {shown(document.get('format'))}")
    check_version(document)
    unknown = set(document) - {"format", "version", "answers"}
    if unknown:
        raise ModelError(f"the answers file has an unknown key {shown(sorted(unknown)[0], 20)}")
    raw = document.get("answers")
    if not isinstance(raw, Mapping):
        raise ModelError("answers must map item ids to answers")
    ids = {item.id for item in exercises.items}
    answers: dict[str, Array] = {}
    for item_id, value in raw.items():
        if item_id not in ids:
            raise ModelError(f"answer {shown(item_id)}: no such item in the exercises")
        if value is not None:  # null: left unanswered
            answers[item_id] = answer_array(value, item_id)
    return Answers(answers)


def read_answers(path: str | os.PathLike[str], exercises: Exercises) -> Answers:
    """Read an answers file through the model's reading door (:func:`~explorer.model.io.read_json`)."""
    return answers_from_dict(read_json(path), exercises)


def answers_to_dict(answers: Mapping[str, Any]) -> dict[str, Any]:
    """An answers document from arrays or numbers by item id."""
    listed = {key: np.asarray(value, dtype=np.float64).tolist() for key, value in answers.items()}
    return {"format": FORMAT, "version": VERSION, "answers": listed}
