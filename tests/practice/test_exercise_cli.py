"""``exercise make`` and ``exercise check``: a round trip answered by torch, the JSON grading, bad files in one line."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from explorer import Session, load_model
from explorer.resources import example_path
from tests.cli_run import run_cli
from tests.practice import oracle

needs_torch = pytest.mark.skipif(oracle.torch is None, reason="torch is not installed")


def _make(tmp_path: Path, model: str = "toy", *extra: str) -> tuple[Path, dict[str, Any]]:
    out = tmp_path / "ex.json"
    ran = run_cli("exercise", "make", str(example_path(model)), "--out", str(out), *extra)
    assert ran.returncode == 0, ran.stderr
    return out, json.loads(out.read_text(encoding="utf-8"))


def _answers(tmp_path: Path, answers: dict[str, Any]) -> Path:
    path = tmp_path / "answers.json"
    path.write_text(json.dumps({"format": "jacobian-explorer/answers", "version": 1, "answers": answers}), encoding="utf-8")
    return path


@needs_torch
@pytest.mark.parametrize(("model", "seed"), [("toy", 0), ("toy", 1), ("toy_batch", 2), ("regression", 3), ("deep_sigmoid", 4)])
def test_make_answer_correctly_check_all_right(tmp_path: Path, model: str, seed: int) -> None:
    out, document = _make(tmp_path, model, "--count", "8", "--seed", str(seed))
    assert len(document["items"]) == 8
    steps = [item["step"] for item in document["items"]]
    total = Session(load_model(example_path(model))).total
    assert steps == sorted(steps)
    assert steps[0] <= total / 8 + 1
    assert steps[-1] >= total - total / 8 - 2
    answers = {item["id"]: oracle.answer(document["model"], item) for item in document["items"]}
    ran = run_cli("exercise", "check", str(out), str(_answers(tmp_path, answers)), "--format", "json")
    assert ran.returncode == 0, ran.stderr
    grading = json.loads(ran.stdout)
    assert grading["format"] == "jacobian-explorer/grading"
    assert grading["version"] == 1
    assert grading["score"] == [8, 8], grading
    assert all(item["diagnosis"] is None and item["wrong"] == [] for item in grading["items"])


def test_make_is_seeded_and_spread_over_the_pass(tmp_path: Path) -> None:
    _, first = _make(tmp_path, "toy", "--seed", "5")
    _, again = _make(tmp_path, "toy", "--seed", "5")
    assert first == again
    kinds = {item["ask"] for seed in range(6) for item in _make(tmp_path, "toy", "--seed", str(seed))[1]["items"]}
    assert kinds == {"value", "grad", "jacobian", "element"}


@needs_torch
def test_check_names_a_transposed_gradient_and_an_unanswered_item(tmp_path: Path) -> None:
    out, document = _make(tmp_path, "toy", "--seed", "1")
    grad = next(item for item in document["items"] if item["ask"] == "grad" and item["node"] == "W3")
    right = np.asarray(oracle.answer(document["model"], grad))
    ran = run_cli("exercise", "check", str(out), str(_answers(tmp_path, {grad["id"]: right.T.tolist()})))
    assert ran.returncode == 0, ran.stderr
    assert "0 of 8 right" in ran.stdout
    line = next(line for line in ran.stdout.splitlines() if line.strip().startswith(grad["id"] + " "))
    assert "wrong" in line
    assert "transposed" in line
    assert "∂L/∂W₃" in line  # the display name, not the id W3
    assert ran.stdout.count("not answered") == 7
    as_json = json.loads(run_cli("exercise", "check", str(out), str(_answers(tmp_path, {grad["id"]: right.T.tolist()})), "--format", "json").stdout)
    by_id = {item["id"]: item for item in as_json["items"]}
    assert by_id[grad["id"]]["diagnosis"] == "transposed"
    assert {item["diagnosis"] for i, item in by_id.items() if i != grad["id"]} == {"missing"}


BAD_ANSWERS = [
    ({"q1": [[1.0], ["x"]]}, "answer 'q1' holds 'x', which is not a number"),
    ({"q1": [[1.0], [True]]}, "answer 'q1' holds True, which is not a number"),
    ({"q1": [[1.0], [1.0, 2.0]]}, "answer 'q1' is ragged"),
    ({"q1": [[[[[1.0]]]]]}, "answer 'q1' is nested more than 4 lists deep"),
    ({"q1": [[0.0] * 101] * 101}, "answer 'q1' holds more than 10,000 entries"),
    ({"q99": 1.0}, "answer 'q99': no such item in the exercises"),
    ({"q1": "0.5"}, "answer 'q1' must be a number or a list of numbers"),
]


@pytest.mark.parametrize(("answers", "says"), BAD_ANSWERS)
def test_a_bad_answers_file_is_one_line_and_status_2(tmp_path: Path, answers: dict[str, Any], says: str) -> None:
    out, _ = _make(tmp_path)
    ran = run_cli("exercise", "check", str(out), str(_answers(tmp_path, answers)))
    assert ran.returncode == 2
    assert ran.stdout == ""
    assert ran.stderr.count("\n") == 1, ran.stderr
    assert says in ran.stderr


def test_a_non_finite_answer_is_refused(tmp_path: Path) -> None:
    out, _ = _make(tmp_path)
    path = tmp_path / "nan.json"
    path.write_text('{"format": "jacobian-explorer/answers", "version": 1, "answers": {"q1": [[NaN]]}}', encoding="utf-8")
    ran = run_cli("exercise", "check", str(out), str(path))
    assert ran.returncode == 2
    assert "answer 'q1' holds a number that is not finite" in ran.stderr


def _with_item(document: dict[str, Any], **changes: Any) -> dict[str, Any]:
    item = {**document["items"][0], **changes}
    return {**document, "items": [{k: v for k, v in item.items() if v is not None}]}


BAD_ITEMS = [
    ({"step": 99}, "item 'q1': step must be an integer from 0 to 11, got 99"),
    ({"step": True}, "item 'q1': step must be an integer"),
    ({"ask": "hessian"}, "item 'q1': ask must be one of value, grad, jacobian, element"),
    ({"node": "W9"}, "item 'q1': no node 'W9' in the model"),
    ({"ask": "grad", "node": "W1", "step": 3}, "item 'q1': ∂L/∂W1 is not known at step 3: the backward pass reaches it at step 11"),
    ({"ask": "value", "node": "Yhat", "step": 1}, "item 'q1': the value of Yhat is not known at step 1"),
    ({"ask": "jacobian", "node": "Yhat", "wrt": "W1", "step": 11}, "item 'q1': wrt must be an input of Yhat"),
    ({"ask": "jacobian", "node": "W1", "wrt": "X", "step": 11}, "item 'q1': W1 is a leaf"),
    ({"ask": "element", "node": "W1", "of": "grad", "index": [3, 0], "step": 11}, "item 'q1': index [3, 0] is outside"),
    ({"ask": "element", "node": "W1", "of": "grad", "index": [0], "step": 11}, "item 'q1': index must be a list of 2 integers"),
    ({"ask": "value", "node": "H1", "step": 11, "tolerance": -1}, "item 'q1': tolerance must be a positive number"),
    ({"ask": "value", "node": "H1", "step": 11, "hint": "x"}, "item 'q1': unknown key 'hint'"),
    ({"ask": "value", "node": "H1", "step": 11, "wrt": "X"}, "item 'q1': wrt belongs to ask jacobian, not value"),
    ({"ask": "value", "node": "H1", "step": 11, "prompt": {"fr": "x"}}, "unknown language 'fr'"),
    ({"id": "a\nb"}, "item #1"),
]


@pytest.mark.parametrize(("changes", "says"), BAD_ITEMS)
def test_a_bad_exercise_file_is_one_line_and_status_2(tmp_path: Path, changes: dict[str, Any], says: str) -> None:
    out, document = _make(tmp_path)
    base = {"id": "q1", "step": 11, "ask": "value", "node": "H1"}
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({**document, "items": [{**base, **changes}]}), encoding="utf-8")
    ran = run_cli("exercise", "check", str(bad), str(_answers(tmp_path, {})))
    assert ran.returncode == 2
    assert ran.stderr.count("\n") == 1, ran.stderr
    assert says in ran.stderr


@pytest.mark.parametrize(
    ("document", "says"),
    [
        ({"format": "jacobian-explorer/model"}, "format must be 'jacobian-explorer/exercises'"),
        ({"format": "jacobian-explorer/exercises", "version": 2}, "unsupported version 2"),
        ({"format": "jacobian-explorer/exercises", "version": 1, "model": {}, "items": []}, "the exercise file's model: format must be"),
        ([1, 2], "the exercise file must hold a JSON object"),
    ],
)
def test_a_wrong_file_kind_is_one_line(tmp_path: Path, document: Any, says: str) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(document), encoding="utf-8")
    ran = run_cli("exercise", "check", str(bad), str(bad))
    assert ran.returncode == 2
    assert ran.stderr.count("\n") == 1, ran.stderr
    assert says in ran.stderr


def test_special_files_and_a_bad_count_are_refused(tmp_path: Path) -> None:
    ran = run_cli("exercise", "check", "/dev/zero", "/dev/zero")
    assert ran.returncode == 2
    assert "is not a regular file" in ran.stderr
    for count in ("0", "1000", "40"):
        ran = run_cli("exercise", "make", str(example_path("toy")), "--out", str(tmp_path / "x.json"), "--count", count)
        assert ran.returncode == 2
        assert ran.stderr.count("\n") == 1, ran.stderr
    assert not (tmp_path / "x.json").exists()
    ran = run_cli("exercise", "make", str(example_path("toy")), "--out", str(tmp_path))
    assert ran.returncode == 2
    assert "cannot write" in ran.stderr


def test_every_kind_of_mistake_is_named_by_exercise_check(tmp_path: Path) -> None:
    """One answers file with a mistake of each kind, built here in numpy from the lecture's formulas."""
    from explorer.resources import resources_dir

    toy = resources_dir() / "exercises" / "toy.json"
    document = json.loads(toy.read_text(encoding="utf-8"))
    v = {n["id"]: np.asarray(n["value"], dtype=float) for n in document["model"]["nodes"] if "value" in n}
    h1 = v["W1"].T @ v["X"]
    h2 = v["W2"].T @ h1
    yhat = v["W3"].T @ h2
    delta = yhat - v["Y"]
    answers = {
        "q1": (v["W3"].T @ h1).tolist(),  # H₁ where H₂ belongs: wrong_layer
        "q2": float(np.sum((yhat - v["Y"]) ** 2)),  # the ½ dropped: half
        "q3": (-delta).tolist(),  # Y − Ŷ: sign
        "q6": (delta @ h2.T).tolist(),  # δ hᵀ: transposed
        "q7": (v["W3"] @ delta).T.tolist(),  # a row where a column belongs: shape
        "q8": (h1 @ (v["W2"] @ v["W3"] @ delta).T + 0.5).tolist(),  # every entry off: elements
    }
    ran = run_cli("exercise", "check", str(toy), str(_answers(tmp_path, answers)), "--format", "json")
    assert ran.returncode == 0, ran.stderr
    by_id = {item["id"]: item["diagnosis"] for item in json.loads(ran.stdout)["items"]}
    assert by_id == {
        "q1": "wrong_layer", "q2": "half", "q3": "sign", "q4": "missing", "q5": "missing",
        "q6": "transposed", "q7": "shape", "q8": "elements", "q9": "missing",
    }
    sigmoid = resources_dir() / "exercises" / "sigmoid.json"
    document = json.loads(sigmoid.read_text(encoding="utf-8"))
    v = {n["id"]: np.asarray(n["value"], dtype=float) for n in document["model"]["nodes"] if "value" in n}
    a1 = 1 / (1 + np.exp(-(v["W1"].T @ v["X"])))
    delta = v["W2"].T @ a1 - v["Y"]
    ran = run_cli("exercise", "check", str(sigmoid), str(_answers(tmp_path, {"q6": (v["W2"] @ delta).tolist()})), "--format", "json")
    assert json.loads(ran.stdout)["items"][5] == {
        "id": "q6", "correct": False, "diagnosis": "missing_derivative", "wrong": [[0, 0], [1, 0], [2, 0]],
        "expected_shape": [3, 1], "given_shape": [3, 1],
    }


@pytest.mark.parametrize("name", ["toy", "toy_batch", "single_layer", "regression", "deep_relu", "lab_deep_sigmoid"])
def test_what_make_writes_reads_back_for_every_example(tmp_path: Path, name: str) -> None:
    from explorer.practice import read_exercises

    out, document = _make(tmp_path, name, "--count", "6", "--seed", "3")
    exercises = read_exercises(out)
    assert [item.id for item in exercises.items] == [f"q{i}" for i in range(1, 7)]
    assert document["model"]["nodes"][0]["value"]  # every number written out


def test_a_wide_model_is_asked_one_element_at_a_time_and_a_huge_one_refused(tmp_path: Path) -> None:
    from explorer.model import ModelError, model_from_dict
    from explorer.practice import exercises_from_dict, exercises_to_dict, make_exercises

    def chain(width: int, batch: int) -> dict[str, Any]:
        rng = np.random.default_rng(1)
        return {"format": "jacobian-explorer/model", "version": 1, "nodes": [
            {"id": "X", "op": "input", "value": rng.normal(size=(width, batch)).tolist()},
            {"id": "W", "op": "param", "shape": [width, width], "init": {"kind": "normal", "std": 0.01, "seed": 2}},
            {"id": "H", "op": "linear", "inputs": {"x": "X", "w": "W"}},
            {"id": "Y", "op": "target", "value": np.zeros((width, batch)).tolist()},
            {"id": "L", "op": "mse", "inputs": {"pred": "H", "target": "Y"}},
        ]}

    wide = make_exercises(model_from_dict(chain(200, 100)), count=3, seed=0)
    assert {item.ask for item in wide.items if item.node in ("H", "W")} <= {"element"}
    assert len(exercises_from_dict(exercises_to_dict(wide)).items) == 3
    with pytest.raises(ModelError, match="holds 1,002,000 numbers"):
        make_exercises(model_from_dict(chain(1000, 1)), count=3)
    many = make_exercises(model_from_dict(chain(2, 1)), count=8, seed=0)  # 3 steps to ask about, 8 questions
    assert len({(item.step, item.ask, item.wrt, item.of) for item in many.items}) >= 6
