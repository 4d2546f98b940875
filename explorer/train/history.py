"""The rows of a training run kept for plots, thinned so that memory is bounded by the model, not by the steps."""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

Array = npt.NDArray[np.float64]

#: Most history rows a result keeps for plots; a longer run's are thinned evenly (the log gets every row).
MAX_HISTORY_ROWS = 10_001


class History:
    """The rows of a run kept for plots: at most :data:`MAX_HISTORY_ROWS`, thinned evenly, the last always kept.

    Rows are offered in order (iteration 0, 1, …). While the kept rows fit,
    every row is kept; when they would not, every other kept row goes and
    from then on only every second (fourth, …) iteration is kept, so the
    kept iterations are ``0, k, 2k, …`` and the last row offered. Memory is
    bounded by the number of parameters, never by the number of steps.
    """

    def __init__(self, params: int, rows: int) -> None:
        self.capacity = max(2, min(rows, MAX_HISTORY_ROWS))
        self.iterations = np.empty(self.capacity, dtype=np.int64)
        self.values = np.empty((self.capacity, 1 + params))  # the loss, then ‖∂L/∂p‖² per parameter
        self.count = 0
        self.stride = 1
        self.last: tuple[int, npt.NDArray[np.float64]] | None = None
        self.large: dict[int, dict[int, float]] = {}  # iteration → {column: a norm whose square overflows float64}

    def add(self, iteration: int, loss: float, squares: Array, large: dict[int, float] | None = None) -> None:
        """Offer row ``iteration``: its loss, each parameter's ‖∂L/∂p‖², and the norms whose squares overflowed."""
        if self.last is not None:
            self.large.pop(self.last[0], None)  # the row it was kept for is passed, never kept
        if large:
            self.large[iteration] = large
        if iteration % self.stride == 0:
            if self.count == self.capacity:
                keep = slice(0, self.count, 2)
                kept = len(range(0, self.count, 2))
                self.iterations[:kept] = self.iterations[keep]
                self.values[:kept] = self.values[keep]
                self.count = kept
                self.stride *= 2
                self.large = {k: v for k, v in self.large.items() if k % self.stride == 0 or k == iteration}
            if iteration % self.stride == 0:
                self.iterations[self.count] = iteration
                self.values[self.count, 0] = loss
                self.values[self.count, 1:] = squares
                self.count += 1
                self.last = None
                return
        row = np.empty(self.values.shape[1])
        row[0], row[1:] = loss, squares
        self.last = (iteration, row)

    def arrays(self) -> tuple[npt.NDArray[np.int64], Array, Array]:
        """Iterations, losses and gradient norms of the kept rows (the last row offered included)."""
        iterations = self.iterations[: self.count].copy()
        values = self.values[: self.count]
        if self.last is not None:
            iterations = np.append(iterations, self.last[0])
            values = np.vstack([values, self.last[1]])
        norms = np.sqrt(values[:, 1:])
        if self.large:
            for row, iteration in enumerate(iterations.tolist()):
                for column, norm in self.large.get(iteration, {}).items():
                    norms[row, column] = norm
        return iterations, values[:, 0].copy(), norms
