"""The ``requires_grad`` key of inputs and targets (SPEC section 2): data gets no gradient unless asked."""

from __future__ import annotations

import json

import pytest

from explorer.engine import Session
from explorer.model import ModelError, load_model, model_from_dict, model_to_dict
from explorer.model.edit import set_requires_grad
from explorer.resources import example_path


def toy_document(**data: object) -> dict:
    """The toy's file, with ``requires_grad`` set on X and Y as given (``None``: the key left out)."""
    document = json.loads(example_path("toy").read_text(encoding="utf-8"))
    for node in document["nodes"]:
        if node["id"] in data:
            node.pop("requires_grad", None)
            if data[node["id"]] is not None:
                node["requires_grad"] = data[node["id"]]
    return document


def backward_nodes(document: dict) -> list[str]:
    return [s.node for s in Session(model_from_dict(document)).plan if s.phase == "backward"]


def test_every_bundled_example_marks_its_data_false() -> None:
    for name in ("toy", "toy_batch", "single_layer", "regression", "deep_sigmoid", "deep_relu", "lab_deep_sigmoid",
                 "lab_deep_relu"):
        raw = json.loads(example_path(name).read_text(encoding="utf-8"))
        data = [n for n in raw["nodes"] if n["op"] in ("input", "target")]
        assert data, name
        assert all(n.get("requires_grad") is False for n in data), name


def test_a_file_without_the_key_keeps_its_step_count() -> None:
    """Files written before the key: ∂L/∂Y and ∂L/∂X are steps, 13 in all, as before."""
    old = toy_document(X=None, Y=None)
    assert backward_nodes(old) == ["L", "Y", "Yhat", "W3", "H2", "W2", "H1", "W1", "X"]
    assert Session(model_from_dict(old)).total == 13
    assert "requires_grad" not in json.dumps(model_to_dict(model_from_dict(old)))  # and saving adds no key


def test_false_takes_no_backward_step_and_leaves_the_grad_none() -> None:
    document = toy_document(X=False, Y=False)
    assert backward_nodes(document) == ["L", "Yhat", "W3", "H2", "W2", "H1", "W1"]
    session = Session(model_from_dict(document))
    session.run()
    assert session.total == 11
    assert session.grad("X") is None
    assert session.grad("Y") is None
    assert session.grad("W1") is not None


def test_true_on_one_node_brings_back_only_its_step() -> None:
    assert backward_nodes(toy_document(X=True, Y=False)) == ["L", "Yhat", "W3", "H2", "W2", "H1", "W1", "X"]
    assert backward_nodes(toy_document(X=False, Y=True)) == ["L", "Y", "Yhat", "W3", "H2", "W2", "H1", "W1"]


@pytest.mark.parametrize("value", [True, False, None])
def test_the_key_round_trips(tmp_path, value) -> None:
    from explorer.model.io import save_model

    model = model_from_dict(toy_document(X=value, Y=None))
    path = tmp_path / "m.json"
    save_model(model, path)
    raw = json.loads(path.read_text(encoding="utf-8"))
    x = next(n for n in raw["nodes"] if n["id"] == "X")
    assert x.get("requires_grad") == value
    again = load_model(path)
    assert again.spec("X").requires_grad == value
    assert Session(again).total == Session(model).total


@pytest.mark.parametrize(
    ("node", "value", "says"),
    [
        ("X", "no", "node 'X': requires_grad must be true or false, got 'no'"),
        ("X", 1, "node 'X': requires_grad must be true or false, got 1"),
        ("W1", False, "node 'W1': requires_grad is only for input and target nodes, not param"),
        ("H1", True, "node 'H1': requires_grad is only for input and target nodes, not linear"),
    ],
)
def test_a_bad_key_is_one_clear_line(node: str, value: object, says: str) -> None:
    document = toy_document()
    next(n for n in document["nodes"] if n["id"] == node)["requires_grad"] = value
    with pytest.raises(ModelError) as caught:
        model_from_dict(document)
    assert str(caught.value) == says


def test_set_requires_grad_is_a_pure_edit() -> None:
    toy = load_model(example_path("toy"))
    asked = set_requires_grad(toy, "X", True)
    assert asked is not toy
    assert toy.requires_grad("X") is False
    assert asked.requires_grad("X") is True
    assert set_requires_grad(asked, "X", True) is asked
    assert set_requires_grad(model_from_dict(toy_document(X=None)), "X", True).spec("X").requires_grad is None
    with pytest.raises(ModelError, match="'W1'"):
        set_requires_grad(toy, "W1", False)
