"""Practice: exercise files, the answers a student gives, and grading that says which mistake was made.

An exercise asks for one thing at one step of the pass (a value, a gradient,
a Jacobian, one element), SPEC section 9. The expected answer comes from the
engine (:class:`~explorer.engine.Session`); a wrong answer is diagnosed by
computing each candidate mistake (transposed, the ½ dropped or doubled, the
residual's sign flipped, another layer's activation, a row for a column, an
activation's derivative left out) from the engine's values and naming it
only when exactly one of them matches.

A layer between :mod:`explorer.export` and :mod:`explorer.train`. May import: numpy,
:mod:`explorer.train`, :mod:`explorer.lesson`, :mod:`explorer.engine`, :mod:`explorer.model`,
:mod:`explorer.ops`, :mod:`explorer.resources`. Never Qt, never :mod:`explorer.export` or above.
"""

from explorer.practice.answers import Answers, answers_from_dict, answers_to_dict, read_answers
from explorer.practice.grading import DIAGNOSES, Grade, Grading, grade, grade_answer, grading_to_dict
from explorer.practice.hints import Hints, hints
from explorer.practice.items import ASKS, Exercises, Item, exercises_from_dict, exercises_to_dict, read_exercises
from explorer.practice.make import expected, make_exercises

__all__ = [
    "ASKS",
    "DIAGNOSES",
    "Answers",
    "Exercises",
    "Grade",
    "Grading",
    "Hints",
    "Item",
    "answers_from_dict",
    "answers_to_dict",
    "exercises_from_dict",
    "exercises_to_dict",
    "expected",
    "grade",
    "grade_answer",
    "grading_to_dict",
    "hints",
    "make_exercises",
    "read_answers",
    "read_exercises",
]
