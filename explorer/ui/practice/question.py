"""The question practice is asking: its item, its right answer, the mistakes that give another, its hints.

Pure data and numpy, no widgets: the grid shows an answer as rows × columns
(a Jacobian as its matrix, one row per output element), and
:meth:`Question.graded` puts the right answer, the typed one and each mistake
into that same form before :func:`~explorer.practice.grading.grade_answer` compares them.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np

from explorer.practice import Hints, Item
from explorer.practice.grading import conformed
from explorer.practice.mistakes import Candidate


@dataclass
class Question:
    """The question being asked: the item, its right answer and the mistakes that would give another."""

    item: Item
    right: np.ndarray
    mistakes: list[Candidate]
    hints: Hints
    position: int  # where the pass stands while it is asked
    after: int  # where the pass goes once it is answered
    from_file: bool = False
    hints_used: int = 0
    finished: bool = False
    shown_hints: list[str] = field(default_factory=list)

    @property
    def grid_shape(self) -> tuple[int, int]:
        """The right answer as rows × columns: a number 1×1, a vector a column, a Jacobian out × in."""
        shape = self.right.shape
        if len(shape) == 0:
            return (1, 1)
        if len(shape) == 1:
            return (shape[0], 1)
        if len(shape) == 2:
            return (shape[0], shape[1])
        half = len(shape) // 2
        return (math.prod(shape[:half]), math.prod(shape[half:]))

    def graded(self, typed: np.ndarray) -> tuple[np.ndarray, np.ndarray, list[Candidate]]:
        """The right answer, the typed one and the mistakes, all in the form the grid shows.

        A Jacobian is typed as its matrix (one row per output element); each
        mistake is compared in its own matrix form, as a student would type it.
        """
        if self.right.ndim <= 2:
            return self.right, conformed(typed, tuple(self.right.shape)), self.mistakes
        half = self.right.ndim // 2
        mistakes = [(name, m.reshape(math.prod(m.shape[:half]), -1)) for name, m in self.mistakes if m.ndim == self.right.ndim]
        return self.right.reshape(self.grid_shape), typed, mistakes


def cell_of(index: tuple[int, ...]) -> tuple[int, int]:
    """A wrong entry's cell in the grid: a number's is the one cell, a vector's a row of the column."""
    padded = (*index, 0, 0)
    return (padded[0], padded[1])
