"""Files a careless or hostile user could hand the loader: each is refused with one line, or loads.

Special files (a device behind a link, a named pipe, a folder) are refused
before a byte is read; odd characters, lone surrogates, huge integers, NaN
anywhere and absurd positions are refused naming the node. Only
:class:`ModelError` ever leaves the loader.
"""

import json
import os
import threading

import pytest

from explorer.model import ModelError, load_model
from explorer.model.edit import set_position
from explorer.model.io import model_to_dict, save_model

from .test_bad_input import assert_names_node, fails, fails_with_text, load_error, node, toy_document


def write(tmp_path, doc: dict, name: str = "model.json"):
    path = tmp_path / name
    path.write_text(json.dumps(doc), encoding="utf-8")
    return path


def load_within(path, seconds: float = 10.0):
    """Load ``path`` in a thread; fail (instead of hanging) when it takes longer than ``seconds``."""
    outcome: dict = {}

    def run():
        try:
            outcome["model"] = load_model(path)
        except BaseException as error:  # noqa: BLE001 - the test looks at what came out
            outcome["error"] = error

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    thread.join(seconds)
    assert not thread.is_alive(), f"loading {path} did not finish within {seconds} s"
    return outcome


# -- special files ----------------------------------------------------------------


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/null", "/dev/urandom"])
def test_a_link_to_a_device_is_refused_before_reading(tmp_path, device):
    if not os.path.exists(device):
        pytest.skip(f"no {device}")
    link = tmp_path / "model.json"
    link.symlink_to(device)
    outcome = load_within(link)
    error = outcome.get("error")
    assert isinstance(error, ModelError), outcome
    assert str(error) == "model.json is not a regular file"


def test_a_named_pipe_is_refused_without_blocking(tmp_path):
    fifo = tmp_path / "model.json"
    os.mkfifo(fifo)
    outcome = load_within(fifo, seconds=5.0)
    assert str(outcome.get("error")) == "model.json is not a regular file"


def test_a_folder_is_refused(tmp_path):
    folder = tmp_path / "model.json"
    folder.mkdir()
    assert str(load_error(folder)) == "model.json is not a regular file"


def test_a_file_name_with_a_newline_is_quoted_on_one_line(tmp_path):
    path = tmp_path / "bad\nname.json"
    path.write_text("{", encoding="utf-8")
    message = str(load_error(path))
    assert "'bad\\nname.json' is not valid JSON" in message


# -- ids, labels, the name ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("character", "code"),
    [("\n", "U+000A"), ("\r", "U+000D"), ("\t", "U+0009"), ("\x00", "U+0000"), ("\x1b", "U+001B"),
     ("\u2028", "U+2028"), ("\u2029", "U+2029"), ("\u200b", "U+200B"), ("\u202e", "U+202E"), ("\x85", "U+0085")],
)
def test_an_id_with_a_control_or_invisible_character_is_refused_on_one_line(tmp_path, character, code):
    doc = toy_document()
    bad = f"W{character}2"
    node(doc, "W2")["id"] = bad
    node(doc, "H2")["inputs"]["w"] = bad
    error = fails(tmp_path, doc)
    message = str(error)
    assert message.startswith(f"node #4 has an id holding the character {code} (")
    assert repr(bad) in message  # escaped, as Python writes it
    assert character not in message
    assert "\u2028" not in message
    assert "\u2029" not in message


def test_a_long_id_is_shortened_in_the_message(tmp_path):
    doc = toy_document()
    node(doc, "W2")["id"] = "W\n" + "x" * 10_000
    message = str(fails(tmp_path, doc))
    assert len(message) < 200
    assert "10,002 characters" in message


def test_a_label_of_200_characters_loads_and_201_is_refused(tmp_path):
    doc = toy_document()
    node(doc, "W2")["label"] = "λ" * 200
    assert load_model(write(tmp_path, doc)).label("W2") == "λ" * 200
    node(doc, "W2")["label"] = "λ" * 201
    error = fails(tmp_path, doc)
    assert_names_node(error, "W2")
    assert "label is 201 characters long; the limit is 200" in str(error)


def test_a_million_character_label_is_refused_with_a_short_line(tmp_path):
    doc = toy_document()
    node(doc, "Yhat")["label"] = "y" * 1_000_000
    message = str(fails(tmp_path, doc))
    assert message == "node 'Yhat': label is 1,000,000 characters long; the limit is 200"


@pytest.mark.parametrize("character", ["\n", "\x00", "\u2028"])
def test_a_label_with_a_control_character_or_line_break_is_refused(tmp_path, character):
    doc = toy_document()
    node(doc, "W2")["label"] = f"first{character}second"
    error = fails(tmp_path, doc)
    assert_names_node(error, "W2")
    assert "label holds the character U+" in str(error)


def test_a_label_with_an_emoji_joiner_loads(tmp_path):
    doc = toy_document()
    node(doc, "W2")["label"] = "W₂ 👩\u200d🔬"  # U+200D joins the emoji; it is text, not an attack
    assert load_model(write(tmp_path, doc)).label("W2") == "W₂ 👩\u200d🔬"


def test_a_name_of_200_characters_loads_and_201_is_refused(tmp_path):
    doc = toy_document()
    doc["name"] = "n" * 200
    assert load_model(write(tmp_path, doc)).name == "n" * 200
    doc["name"] = "n" * 201
    assert str(fails(tmp_path, doc)) == "the model name is 201 characters long; the limit is 200"


# -- lone surrogates ---------------------------------------------------------------------------


SURROGATE_PLACES = {
    "id": lambda doc: (node(doc, "W2").update(id="W\ud8002"), node(doc, "H2")["inputs"].update(w="W\ud8002")),
    "label": lambda doc: node(doc, "W2").update(label="W\udfff"),
    "name": lambda doc: doc.update(name="toy \ud800"),
    "port": lambda doc: node(doc, "H2").update(inputs={"x": "H1", "w\udc00": "W2"}),
    "key": lambda doc: node(doc, "W2").update({"\ud800": 1}),
    "extra": lambda doc: doc.update(notes=["fine", {"deep": "\udbff"}]),
    "source": lambda doc: node(doc, "H2")["inputs"].update(w="\ud800"),
}


@pytest.mark.parametrize("place", sorted(SURROGATE_PLACES))
def test_a_lone_surrogate_anywhere_is_refused_with_one_line(tmp_path, place):
    doc = toy_document()
    SURROGATE_PLACES[place](doc)
    text = json.dumps(doc)  # ensure_ascii writes the surrogate as a \\udxxx escape
    assert "\\ud" in text
    message = str(fails_with_text(tmp_path, text))
    message = message.split(": ", 1)[1] if message.startswith("node '") else message  # the node, when one holds it
    assert message.startswith("model.json holds a lone UTF-16 surrogate (not valid Unicode text) in ")
    message.encode("utf-8")  # the message itself can be printed


def test_a_surrogate_pair_is_a_character_and_loads(tmp_path):
    doc = toy_document()
    node(doc, "W2")["label"] = "W 😀"
    text = json.dumps(doc)  # 😀 is written as the pair \\ud83d\\ude00
    assert "\\ud83d\\ude00" in text
    path = tmp_path / "model.json"
    path.write_text(text, encoding="utf-8")
    assert load_model(path).label("W2") == "W 😀"


# -- numbers: huge integers, NaN and infinities, wherever they are -----------------------------------


HUGE = "1" + "0" * 5000  # past Python's 4,300-digit limit for int()
PAST_FLOAT = "1" + "0" * 400  # an integer too large for a float


def _text_with(doc: dict, placeholder: str, literal: str) -> str:
    text = json.dumps(doc)
    assert f'"{placeholder}"' in text
    return text.replace(f'"{placeholder}"', literal)


def _place(field: str):
    """Put the placeholder string "@" where ``field`` says; returns the node the error must name (or None)."""

    def value(doc):
        node(doc, "X")["value"] = [[1.0], ["@"], [3.0]]
        return "X"

    def init(key):
        def change(doc):
            w1 = node(doc, "W1")
            del w1["value"]
            w1.update(shape=[3, 3], init={"kind": "normal", "std": 0.5, "mean": 0.0, "seed": 1})
            w1["init"][key] = "@"
            return "W1"

        return change

    def pos(doc):
        node(doc, "H1")["pos"] = [10, "@"]
        return "H1"

    def shape(doc):
        w1 = node(doc, "W1")
        del w1["value"]
        w1.update(shape=[3, "@"], init={"kind": "zeros"})
        return "W1"

    def version(doc):
        doc["version"] = "@"
        return None

    def extra(doc):
        doc["notes"] = {"score": "@"}
        return None

    def name(doc):
        doc["name"] = "@"
        return None

    table = {"value": value, "std": init("std"), "mean": init("mean"), "seed": init("seed"), "pos": pos,
             "shape": shape, "version": version, "extra": extra, "name": name}
    return table[field]


FIELDS = ["value", "std", "mean", "seed", "pos", "shape", "version", "extra", "name"]


@pytest.mark.parametrize("field", FIELDS)
@pytest.mark.parametrize("literal", [HUGE, "-" + HUGE, PAST_FLOAT, "1e400", "NaN", "Infinity", "-Infinity", "1" + "0" * 20])
def test_odd_numbers_anywhere_are_refused_naming_the_node(tmp_path, field, literal):
    doc = toy_document()
    holder = _place(field)(doc)
    path = tmp_path / "model.json"
    path.write_text(_text_with(doc, "@", literal), encoding="utf-8")
    try:
        model = load_model(path)
    except ModelError as error:
        message = str(error)
        assert "\n" not in message
        assert len(message) < 300
        if holder is not None:
            assert_names_node(error, holder)
        return
    # Only where the number is fine: a finite float, a seed (any integer ≥ 0), an unread key (written back as is).
    fine = {"std": ["1" + "0" * 20], "mean": ["1" + "0" * 20], "value": ["1" + "0" * 20],
            "seed": [PAST_FLOAT, "1" + "0" * 20], "extra": [PAST_FLOAT, "1" + "0" * 20]}
    assert literal in fine.get(field, []), f"{field} = {literal[:20]} was accepted"
    save_model(model, tmp_path / "saved.json")
    assert model_to_dict(load_model(tmp_path / "saved.json")) == model_to_dict(model)


def test_init_std_of_ten_to_the_twenty_as_an_integer_loads_finite_numbers(tmp_path):
    # 10**20 fits a float: it is a (silly) scale, not an error, and it must not be a TypeError.
    doc = toy_document()
    w1 = node(doc, "W1")
    del w1["value"]
    w1.update(shape=[3, 3], init={"kind": "normal", "std": 10**20, "seed": 1})
    model = load_model(write(tmp_path, doc))
    assert abs(model.value("W1")).max() > 1e19


def test_init_std_past_float_range_is_refused_naming_the_node(tmp_path):
    doc = toy_document()
    w1 = node(doc, "W1")
    del w1["value"]
    w1.update(shape=[3, 3], init={"kind": "normal", "std": "@", "seed": 1})
    error = fails_with_text(tmp_path, _text_with(doc, "@", PAST_FLOAT))
    assert_names_node(error, "W1")
    assert "init 'std' must be a finite number" in str(error)


@pytest.mark.parametrize("depth", [1_000, 100_000])
def test_deep_nesting_is_refused(tmp_path, depth):
    for text in ("[" * depth + "]" * depth, '{"a":' * depth + "1" + "}" * depth):
        message = str(fails_with_text(tmp_path, text))
        assert "nested too deeply" in message or "must hold a JSON object" in message


def test_deep_nesting_inside_a_value_is_refused(tmp_path):
    doc = toy_document()
    node(doc, "X")["value"] = "@"
    error = fails_with_text(tmp_path, _text_with(doc, "@", "[" * 500 + "1" + "]" * 500))
    assert_names_node(error, "X")


# -- positions --------------------------------------------------------------------------------


def test_a_position_at_the_canvas_limit_loads_and_past_it_is_refused(tmp_path):
    doc = toy_document()
    node(doc, "H1")["pos"] = [-100_000, 100_000.0]
    assert load_model(write(tmp_path, doc)).spec("H1").pos == (-100_000.0, 100_000.0)
    for pos in ([100_000.5, 0], [0, -100_001], [1e308, 0]):
        node(doc, "H1")["pos"] = pos
        error = fails(tmp_path, doc)
        assert_names_node(error, "H1")
        assert "past the canvas limit ±100,000" in str(error)


def test_set_position_clamps_to_the_canvas_and_refuses_non_finite(tmp_path):
    model = load_model(write(tmp_path, toy_document()))
    moved = set_position(model, "H1", (250_000.0, -1e308))
    assert moved.spec("H1").pos == (100_000.0, -100_000.0)
    save_model(moved, tmp_path / "moved.json")
    assert load_model(tmp_path / "moved.json").spec("H1").pos == (100_000.0, -100_000.0)
    for bad in ((float("nan"), 0.0), (0.0, float("inf")), (10**400, 0)):
        with pytest.raises(ModelError) as caught:
            set_position(model, "H1", bad)
        assert_names_node(caught.value, "H1")


def test_an_unknown_init_key_is_refused_naming_the_node(tmp_path):
    # Found by the fuzz test: {"init": {..., "id": NaN}} loaded, and saving it failed.
    doc = toy_document()
    w1 = node(doc, "W1")
    del w1["value"]
    w1.update(shape=[3, 3], init={"kind": "normal", "seed": 1, "scale": "@"})
    error = fails_with_text(tmp_path, _text_with(doc, "@", "NaN"))
    assert_names_node(error, "W1")
    assert "init has an unknown key 'scale' (known: kind, seed, std, mean, low, high)" in str(error)


@pytest.mark.parametrize(("kind", "key"), [("zeros", "std"), ("zeros", "seed"), ("uniform", "std"), ("normal", "low")])
def test_an_init_number_the_kind_does_not_use_is_still_checked(tmp_path, kind, key):
    # The file keeps the whole init, so a NaN there would make the model unsavable.
    doc = toy_document()
    w1 = node(doc, "W1")
    del w1["value"]
    w1.update(shape=[3, 3], init={"kind": kind, key: "@"})
    error = fails_with_text(tmp_path, _text_with(doc, "@", "NaN"))
    assert_names_node(error, "W1")
    assert f"init {key}" in str(error).replace("'", "")


def test_a_file_that_says_it_is_empty_is_still_read_only_up_to_the_limit(monkeypatch):
    # /proc files are regular files of size 0 that hold text: the size cannot be trusted.
    from explorer.model import io, limits

    monkeypatch.setattr(limits, "MAX_FILE_BYTES", 50)
    asked: list[int] = []
    real_readv = os.readv

    def counting_readv(descriptor, buffers):
        asked.append(sum(len(b) for b in buffers))
        return real_readv(descriptor, buffers)

    monkeypatch.setattr(io.os, "readv", counting_readv)
    error = load_error("/proc/self/status")
    assert str(error) == "status is over 50 bytes, the limit"
    assert sum(asked) <= 51


def test_a_file_past_the_limit_is_refused_before_reading(tmp_path, monkeypatch):
    from explorer.model import io, limits

    path = write(tmp_path, toy_document())
    monkeypatch.setattr(limits, "MAX_FILE_BYTES", 100)
    monkeypatch.setattr(io.os, "readv", lambda *args: pytest.fail("read a file known to be too large"))
    assert f"is {path.stat().st_size:,} bytes; the limit is 100" in str(load_error(path))
