"""Each scripted mistake gets its diagnosis; the wrong answers are built here from the lecture's formulas in numpy."""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest

from explorer.model import model_from_dict, model_to_dict
from explorer.model.examples import toy_model
from explorer.practice import Answers, Exercises, Item, grade


def _toy() -> tuple[Exercises, dict[str, np.ndarray]]:
    """The toy network as exercises, and its numbers worked out in numpy from the file."""
    model = toy_model()
    v = {n["id"]: np.asarray(n["value"], dtype=float) for n in model_to_dict(model, fill_values=True)["nodes"] if "value" in n}
    v["H1"] = v["W1"].T @ v["X"]
    v["H2"] = v["W2"].T @ v["H1"]
    v["Yhat"] = v["W3"].T @ v["H2"]
    items = (
        Item("gW3", 8, "grad", "W3"),
        Item("gW2", 10, "grad", "W2"),
        Item("gH2", 9, "grad", "H2"),
        Item("gH1", 11, "grad", "H1"),
        Item("Yhat", 3, "value", "Yhat"),
        Item("L", 4, "value", "L"),
        Item("w32", 8, "element", "W3", of="grad", index=(2, 1)),
        Item("J", 3, "jacobian", "Yhat", wrt="W3"),
    )
    return Exercises(model, items), v


def _grades(exercises: Exercises, answers: dict[str, Any]) -> dict[str, Any]:
    arrays = {key: np.asarray(value, dtype=float) for key, value in answers.items()}
    return {item.id: result for item, result in grade(exercises, Answers(arrays)).grades}


def _deltas(v: dict[str, np.ndarray], residual: np.ndarray) -> dict[str, np.ndarray]:
    """∂L/∂Ŷ = the residual (½ Σ r²), then back through each layer: ∂L/∂H_in = W δ."""
    d = {"Yhat": residual}
    d["H2"] = v["W3"] @ d["Yhat"]
    d["H1"] = v["W2"] @ d["H2"]
    return d


def test_right_answers_are_right_and_every_other_kind_is_named() -> None:
    exercises, v = _toy()
    d = _deltas(v, v["Yhat"] - v["Y"])
    right = {
        "gW3": v["H2"] @ d["Yhat"].T,
        "gW2": v["H1"] @ d["H2"].T,
        "gH2": d["H2"],
        "gH1": d["H1"],
        "Yhat": v["Yhat"],
        "L": 0.5 * np.sum((v["Yhat"] - v["Y"]) ** 2),
        "w32": (v["H2"] @ d["Yhat"].T)[2, 1],
    }
    grades = _grades(exercises, right)
    assert [k for k, g in grades.items() if g.correct] == list(right)
    assert grades["J"].diagnosis == "missing"


@pytest.mark.parametrize(
    ("item", "diagnosis", "wrong_answer"),
    [
        # h δᵀ written as δ hᵀ: a 2×3 where a 3×2 belongs
        ("gW3", "transposed", lambda v, d: d["Yhat"] @ v["H2"].T),
        # square: the same shape, the transpose
        ("gW2", "transposed", lambda v, d: (v["H1"] @ d["H2"].T).T),
        # Wᵀ δ where W δ belongs
        ("gH1", "transposed", lambda v, d: v["W2"].T @ d["H2"]),
        # the ½ dropped: ∂/∂Ŷ Σ (Ŷ − Y)² = 2 (Ŷ − Y)
        ("gW3", "half", lambda v, d: v["H2"] @ (2 * (v["Yhat"] - v["Y"])).T),
        ("L", "half", lambda v, d: np.sum((v["Yhat"] - v["Y"]) ** 2)),
        # the residual's sign flipped: Y − Ŷ
        ("gW3", "sign", lambda v, d: v["H2"] @ (v["Y"] - v["Yhat"]).T),
        ("w32", "sign", lambda v, d: (v["H2"] @ (v["Y"] - v["Yhat"]).T)[2, 1]),
        # H₁ where H₂ belongs
        ("gW3", "wrong_layer", lambda v, d: v["H1"] @ d["Yhat"].T),
        ("Yhat", "wrong_layer", lambda v, d: v["W3"].T @ v["H1"]),
        # a row where a column belongs
        ("gH2", "shape", lambda v, d: d["H2"].T),
        ("Yhat", "shape", lambda v, d: np.zeros((3, 1))),
        # one entry off by 0.1: no mistake gives it
        ("gW2", "elements", lambda v, d: v["H1"] @ d["H2"].T + np.eye(3)[0:1].T @ np.eye(3)[2:3] * 0.1),
    ],
)
def test_a_scripted_mistake_gets_its_diagnosis(item: str, diagnosis: str, wrong_answer: Any) -> None:
    exercises, v = _toy()
    d = _deltas(v, v["Yhat"] - v["Y"])
    result = _grades(exercises, {item: wrong_answer(v, d)})[item]
    assert not result.correct
    assert result.diagnosis == diagnosis
    if diagnosis == "elements":
        assert result.wrong == ((0, 2),)


def test_the_jacobian_slices_transposed_and_another_layer_in_them() -> None:
    exercises, v = _toy()
    h = v["H2"][:, 0]
    # ∂ŷ_i/∂W = the 3×2 matrix with h in column i, zeros elsewhere (the lecture's (h, 0 / 0, h))
    slices = np.stack([np.stack([h * (j == i) for j in range(2)], axis=1) for i in range(2)])
    right = slices[:, None]
    assert _grades(exercises, {"J": right})["J"].correct
    assert _grades(exercises, {"J": np.swapaxes(right, -1, -2)})["J"].diagnosis == "transposed"
    h1 = v["H1"][:, 0]
    other = np.stack([np.stack([h1 * (j == i) for j in range(2)], axis=1) for i in range(2)])[:, None]
    assert _grades(exercises, {"J": other})["J"].diagnosis == "wrong_layer"


SIGMOID = {
    "format": "jacobian-explorer/model",
    "version": 1,
    "nodes": [
        {"id": "X", "op": "input", "value": [[0.5], [-1.0]]},
        {"id": "W1", "op": "param", "value": [[0.3, -0.2, 0.8], [0.5, 0.1, -0.4]]},
        {"id": "H1", "op": "linear", "inputs": {"x": "X", "w": "W1"}},
        {"id": "A1", "op": "sigmoid", "inputs": {"x": "H1"}},
        {"id": "W2", "op": "param", "value": [[0.7], [-0.6], [0.2]]},
        {"id": "Yhat", "op": "linear", "inputs": {"x": "A1", "w": "W2"}},
        {"id": "Y", "op": "target", "value": [[1.0]]},
        {"id": "L", "op": "half_sse", "inputs": {"pred": "Yhat", "target": "Y"}},
    ],
}


def test_the_sigmoid_derivative_left_out() -> None:
    model = model_from_dict(SIGMOID)
    steps = {(s.phase, s.node): s.index for s in __import__("explorer").Session(model).plan}
    exercises = Exercises(model, (Item("gW1", steps[("backward", "W1")], "grad", "W1"),))
    x, w1, w2, y = (np.asarray(n["value"], dtype=float) for n in SIGMOID["nodes"] if n["id"] in ("X", "W1", "W2", "Y"))
    a1 = 1 / (1 + np.exp(-(w1.T @ x)))
    delta = w2.T @ a1 - y
    right = x @ ((w2 @ delta) * a1 * (1 - a1)).T
    without = x @ (w2 @ delta).T  # σ′ left out
    grades = _grades(exercises, {"gW1": right})
    assert grades["gW1"].correct
    assert _grades(exercises, {"gW1": without})["gW1"].diagnosis == "missing_derivative"
    assert _grades(exercises, {"gW1": -right})["gW1"].diagnosis == "sign"


def test_an_ambiguous_answer_is_not_named() -> None:
    # a zero gradient: its negative, double and half are all the same zero, so no mistake can be told
    model = toy_model()
    exercises = Exercises(model, (Item("w", 3, "value", "Yhat"),))
    result = _grades(exercises, {"w": [[9.0], [9.0]]})["w"]
    assert result.diagnosis == "elements"
    assert result.wrong == ((0, 0), (1, 0))


def test_any_answers_document_is_read_or_refused_in_one_line() -> None:
    """Whatever JSON an answers file holds, reading it gives answers or one ModelError line, never another error."""
    from hypothesis import given, settings
    from hypothesis import strategies as st

    from explorer.model import ModelError
    from explorer.practice import answers_from_dict, make_exercises

    exercises = make_exercises(toy_model(), 3, 0)
    leaf = st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=3)
    value = st.recursive(leaf, lambda inner: st.lists(inner, max_size=4), max_leaves=20)

    @settings(max_examples=150, deadline=None)
    @given(st.dictionaries(st.sampled_from(["q1", "q2", "q3", "q9"]), value, max_size=3))
    def read(answers: dict[str, Any]) -> None:
        document = {"format": "jacobian-explorer/answers", "version": 1, "answers": answers}
        try:
            read_back = answers_from_dict(document, exercises)
        except ModelError as error:
            refusal = str(error)
        else:
            refusal = ""
        assert "\n" not in refusal
        if refusal:
            return
        for array in read_back.answers.values():
            assert array.dtype == np.float64
            assert np.all(np.isfinite(array))

    read()


def test_any_item_is_read_or_refused_in_one_line() -> None:
    """Whatever an item holds, reading it gives an answerable item or one ModelError line."""
    from hypothesis import given, settings
    from hypothesis import strategies as st

    from explorer.model import ModelError
    from explorer.practice import expected
    from explorer.practice.items import check_item

    model = toy_model()
    anything = st.none() | st.booleans() | st.integers(-3, 20) | st.floats() | st.text(max_size=3) | st.lists(st.integers(-1, 3), max_size=3)
    item = st.fixed_dictionaries(
        {"id": st.sampled_from(["q1", "", 7]), "step": anything, "ask": st.sampled_from(["value", "grad", "jacobian", "element", "x"]),
         "node": st.sampled_from(["W3", "Yhat", "X", "L", "nope"])},
        optional={"wrt": st.sampled_from(["W3", "H2", "X", None]), "of": st.sampled_from(["value", "grad", 1]),
                  "index": anything, "tolerance": anything},
    )

    @settings(max_examples=300, deadline=None)
    @given(item)
    def read(raw: dict[str, Any]) -> None:
        try:
            checked = check_item(model, raw)
        except ModelError as error:
            refusal = str(error)
        else:
            refusal = ""
        assert "\n" not in refusal
        if refusal:
            return
        assert np.all(np.isfinite(expected(Exercises(model, ()), checked)))

    read()
