"""Messages quote user text on one short line, and models built by code obey the same rules as files."""

import pytest

from explorer.model import Model, ModelError, NodeSpec
from explorer.model.names import check_id
from explorer.model.quote import shown


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("W1", "'W1'"),
        ("a\nb", "'a\\nb'"),
        ("a\u2028b", "'a\\u2028b'"),
        ("\ud800", "'\\ud800'"),
        ("x" * 70, "'" + "x" * 64 + "…'"),
        (10**5000, "an integer of over 4,000 digits"),
        (10**300, "an integer of 301 digits"),
        (12, "12"),
        (float("nan"), "nan"),
        ([1, 2, 3, 4, 5, 6], "[1, 2, 3, 4, …]"),
        ([[[[["deep"]]]]], "[[[[…]]]]"),
        ({"k\n": "v"}, "{'k\\n': 'v'}"),
        (object(), "a object"),
    ],
    ids=lambda v: type(v).__name__,
)
def test_shown_is_one_short_escaped_line(value, expected):
    assert shown(value) == expected


def test_shown_survives_a_huge_list():
    text = shown(list(range(10**6)))
    assert text == "[0, 1, 2, 3, …]"


def test_check_id_accepts_ordinary_unicode():
    assert check_id("Ŷ_hidden-2 layer", "node #1") == "Ŷ_hidden-2 layer"


def small_specs(**changes) -> list[NodeSpec]:
    import numpy as np

    specs = [
        NodeSpec("X", "input", value=np.ones((2, 1))),
        NodeSpec("W", "param", value=np.ones((2, 2))),
        NodeSpec("Yhat", "linear", {"x": "X", "w": "W"}),
        NodeSpec("Y", "target", value=np.zeros((2, 1))),
        NodeSpec("L", "sse", {"pred": "Yhat", "target": "Y"}),
    ]
    specs[1] = specs[1].with_(**changes)
    return specs


@pytest.mark.parametrize(
    ("changes", "words"),
    [
        ({"label": "w" * 201}, "node 'W': label is 201 characters long; the limit is 200"),
        ({"label": "two\nlines"}, "node 'W': label holds the character U+000A"),
        ({"pos": (0.0, 100_001.0)}, "node 'W': pos [0.0, 100001.0] is past the canvas limit ±100,000"),
        ({"pos": (float("inf"), 0.0)}, "node 'W': pos holds a non-finite number"),
    ],
)
def test_a_model_built_by_code_obeys_the_file_rules(changes, words):
    with pytest.raises(ModelError) as caught:
        Model(small_specs(**changes))
    assert str(caught.value).startswith(words)


def test_a_model_built_by_code_refuses_a_bad_id_and_a_long_name():
    specs = small_specs()
    specs[0] = specs[0].with_(id="X\u202e")
    specs[2] = specs[2].with_(inputs={"x": "X\u202e", "w": "W"})
    with pytest.raises(ModelError, match=r"^node #1 has an id holding the character U\+202E \('X\\u202e'\)"):
        Model(specs)
    with pytest.raises(ModelError, match="the model name is 201 characters long"):
        Model(small_specs(), name="n" * 201)
