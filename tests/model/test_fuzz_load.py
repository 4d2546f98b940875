"""Fuzzing the loader: random documents and random bytes either load or raise one-line ModelError.

Documents start from the model schema (the lecture's toy network, a
parameter made by ``init``, positions and labels) and get random
mutations: a value replaced by any JSON value (lone surrogates, huge and
non-finite numbers included), a key removed or added. Whatever loads must
save and load back to the same document.
"""

import json
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from explorer.model import ModelError, load_model, save_model
from explorer.model.io import model_to_dict

from .test_bad_input import toy_document

#: Literals json.dumps cannot write but a file can hold; put in place of a marker string.
LITERALS = ["NaN", "Infinity", "-Infinity", "1e400", "-1e400", "1" + "0" * 5000, "-" + "9" * 400, "1" * 20, "4097", "-0"]
MARKER = "\x00literal{}\x00"

KEYS = ["id", "op", "inputs", "value", "shape", "init", "label", "pos", "kind", "seed", "std", "mean", "low", "high",
        "x", "w", "b", "pred", "target", "format", "version", "name", "nodes", "model", "step"]

text = st.text(st.characters(exclude_categories=()), max_size=12) | st.sampled_from(
    ["X", "W1", "H1", "L", "Y", "param", "linear", "input", "normal", "zeros", "\ud800", "a\nb", "\u2028", "x" * 300]
)
scalars = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(10**30), max_value=10**30)
    | st.integers(min_value=-5000, max_value=5000)
    | st.floats(allow_nan=True, allow_infinity=True)
    | text
    | st.sampled_from([MARKER.format(i) for i in range(len(LITERALS))])
)
json_values = st.recursive(
    scalars,
    lambda children: st.lists(children, max_size=5) | st.dictionaries(st.sampled_from(KEYS) | text, children, max_size=4),
    max_leaves=12,
)


def schema_document() -> dict:
    doc = toy_document()
    nodes = doc["nodes"]
    nodes[3] = {"id": "W2", "op": "param", "shape": [3, 3], "init": {"kind": "normal", "std": 0.5, "seed": 7},
                "pos": [10.0, -20.0], "label": "W₂"}
    nodes.insert(5, {"id": "A2", "op": "sigmoid", "inputs": {"x": "H2"}})
    nodes[7]["inputs"]["x"] = "A2"
    return doc


def containers(document) -> list:
    """Every list and object in the document, outermost first."""
    found, stack = [], [document]
    while stack:
        item = stack.pop()
        if isinstance(item, list | dict):
            found.append(item)
            stack.extend(item.values() if isinstance(item, dict) else item)
    return found


@st.composite
def mutated_documents(draw) -> str:
    doc = schema_document()
    for _ in range(draw(st.integers(min_value=1, max_value=4))):
        where = draw(st.sampled_from(containers(doc)))
        action = draw(st.sampled_from(["replace", "remove", "add"]))
        if isinstance(where, dict):
            if action == "add" or not where:
                where[draw(st.sampled_from(KEYS) | text)] = draw(json_values)
            else:
                key = draw(st.sampled_from(sorted(where)))
                if action == "remove":
                    del where[key]
                else:
                    where[key] = draw(json_values)
        else:
            if action == "add" or not where:
                where.insert(draw(st.integers(0, len(where))), draw(json_values))
            else:
                index = draw(st.integers(0, len(where) - 1))
                if action == "remove":
                    del where[index]
                else:
                    where[index] = draw(json_values)
    if draw(st.booleans()):
        doc = {"format": "jacobian-explorer/snapshot", "version": 1, "model": doc}
    rendered = json.dumps(doc, allow_nan=True)  # ensure_ascii writes lone surrogates as \\udxxx escapes
    for i, literal in enumerate(LITERALS):
        rendered = rendered.replace(json.dumps(MARKER.format(i)), literal)
    return rendered


def check_outcome(path: Path) -> None:
    """Load ``path``: a model that saves and loads back the same, or one line of ModelError."""
    try:
        model = load_model(path)
    except ModelError as error:
        message = str(error)
        assert "\n" not in message
        assert "\r" not in message
        assert len(message) < 600, message[:200]
        message.encode("utf-8")  # printable on any terminal that takes UTF-8
        return
    again = path.with_name("again.json")
    save_model(model, again)
    assert model_to_dict(load_model(again)) == model_to_dict(model)


FUZZ = settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


@FUZZ
@given(mutated_documents())
def test_mutated_model_documents_load_or_raise_model_error(document):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "model.json"
        path.write_text(document, encoding="utf-8")
        check_outcome(path)


@FUZZ
@given(st.binary(max_size=300) | st.text(max_size=200).map(lambda t: t.encode("utf-8", "surrogatepass")))
def test_random_bytes_load_or_raise_model_error(data):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "model.json"
        path.write_bytes(data)
        check_outcome(path)


def test_the_schema_document_itself_loads():
    """The starting point of the mutations is a valid model (else the fuzzing tests only refusals)."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "model.json"
        path.write_text(json.dumps(schema_document()), encoding="utf-8")
        model = load_model(path)
        assert model.op("A2") == "sigmoid"
        assert model.shape("W2") == (3, 3)
