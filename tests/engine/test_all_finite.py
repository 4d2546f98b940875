"""The session's finiteness test agrees with numpy's element by element look, whatever the size."""

import numpy as np
import pytest

from explorer.engine.schedule import PIECE, SMALL, all_finite

SIZES = [1, SMALL, SMALL + 1, PIECE, PIECE + 1, 5 * PIECE + 3]


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("bad", [np.nan, np.inf, -np.inf])
@pytest.mark.parametrize("where", ["first", "middle", "last"])
def test_one_non_finite_element_anywhere_is_found(size, bad, where):
    array = np.random.default_rng(size).standard_normal(size)
    index = {"first": 0, "middle": size // 2, "last": size - 1}[where]
    array[index] = bad
    assert not all_finite(array)
    assert not all_finite(array.reshape(-1, 1))


@pytest.mark.parametrize("size", SIZES)
def test_finite_arrays_pass_even_when_their_squares_overflow(size):
    array = np.full(size, 1e200)  # every square is past the float range; every element is finite
    array[::2] = -1e-300
    assert all_finite(array)
    assert all_finite(np.random.default_rng(0).standard_normal((size, 1)))
