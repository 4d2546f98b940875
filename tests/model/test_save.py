"""Saving never destroys a file: through links, with the file's permissions, whole or not at all.

And keys of a model file that the program does not read are written back.
"""

import errno
import json
import os
import stat

import numpy as np
import pytest

from explorer.model import Model, ModelError, door, load_model, save_model
from explorer.model.edit import (
    add_layer,
    randomise,
    remove_layer,
    renumber_layers,
    set_activation,
    set_batch,
    set_bias,
    set_loss,
    set_position,
    set_value,
    set_width,
)
from explorer.model.io import model_from_dict, model_to_dict, write_atomic

from .test_bad_input import fails, toy_document

EXTRAS = {"author": "A. Student", "tags": ["lecture 3", {"week": 2}], "score": 0.75, "empty": None}


def write(tmp_path, doc: dict, name: str = "model.json"):
    path = tmp_path / name
    path.write_text(json.dumps(doc), encoding="utf-8")
    return path


def leftovers(folder) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith("."))


# -- links and permissions ----------------------------------------------------------------


def test_saving_through_a_link_writes_its_target_and_keeps_the_link(tmp_path):
    real = tmp_path / "real"
    real.mkdir()
    target = write(real, toy_document())
    link = tmp_path / "link.json"
    link.symlink_to(target)
    model = set_position(load_model(link), "H1", (12.0, 34.0))
    save_model(model, link)
    assert link.is_symlink()
    assert os.readlink(link) == str(target)
    assert load_model(target).spec("H1").pos == (12.0, 34.0)
    assert leftovers(tmp_path) == []
    assert leftovers(real) == []


def test_saving_through_a_chain_of_relative_links(tmp_path):
    target = write(tmp_path, toy_document(), "model.json")
    (tmp_path / "a.json").symlink_to("model.json")
    (tmp_path / "b.json").symlink_to("a.json")
    write_atomic(tmp_path / "b.json", "new text\n")
    assert (tmp_path / "b.json").is_symlink()
    assert (tmp_path / "a.json").is_symlink()
    assert target.read_text(encoding="utf-8") == "new text\n"


@pytest.mark.parametrize("mode", [0o600, 0o640, 0o664, 0o755])
def test_saving_keeps_the_permission_bits(tmp_path, mode):
    path = write(tmp_path, toy_document())
    path.chmod(mode)
    save_model(load_model(path), path)
    assert stat.S_IMODE(path.stat().st_mode) == mode


def test_a_new_file_gets_the_usual_permissions(tmp_path):
    mask = os.umask(0o027)
    try:
        write_atomic(tmp_path / "new.json", b"{}")
    finally:
        os.umask(mask)
    assert stat.S_IMODE((tmp_path / "new.json").stat().st_mode) == 0o640  # 0o666 less the umask, not mkstemp's 0o600


def test_a_folder_or_a_pipe_in_the_way_is_not_replaced(tmp_path):
    folder = tmp_path / "model.json"
    folder.mkdir()
    with pytest.raises(OSError, match="not a regular file"):
        write_atomic(folder, "{}")
    assert folder.is_dir()
    fifo = tmp_path / "pipe.json"
    os.mkfifo(fifo)
    with pytest.raises(OSError, match="not a regular file"):
        write_atomic(fifo, "{}")
    assert stat.S_ISFIFO(fifo.stat().st_mode)
    assert leftovers(tmp_path) == []


# -- whole or not at all -----------------------------------------------------------------------


def test_it_is_flushed_to_disk_before_the_rename(tmp_path, monkeypatch):
    calls: list[str] = []
    real_fsync, real_replace = os.fsync, os.replace
    monkeypatch.setattr(door.os, "fsync", lambda fd: (calls.append("fsync"), real_fsync(fd))[1])
    monkeypatch.setattr(door.os, "replace", lambda a, b: (calls.append("replace"), real_replace(a, b))[1])
    write_atomic(tmp_path / "model.json", "text")
    assert calls == ["fsync", "replace", "fsync"]  # the file, the rename, then the folder


@pytest.mark.parametrize("failing", ["write", "fsync", "replace"])
def test_a_failing_disk_leaves_the_old_file_and_no_temporary_file(tmp_path, monkeypatch, failing):
    path = write(tmp_path, toy_document())
    before = path.read_bytes()

    def full_disk(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(door.os, failing, full_disk)
    with pytest.raises(OSError, match="No space left"):
        save_model(set_position(load_model(path), "H1", (1.0, 2.0)), path)
    assert path.read_bytes() == before
    assert leftovers(tmp_path) == []


def test_a_folder_that_cannot_be_written_leaves_the_file(tmp_path, monkeypatch):
    path = write(tmp_path, toy_document())
    before = path.read_bytes()

    def read_only(*args, **kwargs):
        raise PermissionError(errno.EACCES, "Permission denied")

    model = load_model(path)
    monkeypatch.setattr(door.os, "open", read_only)
    with pytest.raises(PermissionError):
        save_model(model, path)
    assert path.read_bytes() == before
    assert leftovers(tmp_path) == []


@pytest.mark.skipif(os.geteuid() == 0, reason="the superuser writes into read-only folders")
def test_a_read_only_folder_leaves_the_file(tmp_path):
    folder = tmp_path / "ro"
    folder.mkdir()
    path = write(folder, toy_document())
    before = path.read_bytes()
    folder.chmod(0o555)
    try:
        with pytest.raises(PermissionError):
            save_model(load_model(path), path)
    finally:
        folder.chmod(0o755)
    assert path.read_bytes() == before
    assert leftovers(folder) == []


def test_text_that_cannot_be_encoded_writes_nothing(tmp_path):
    path = write(tmp_path, toy_document())
    before = path.read_bytes()
    with pytest.raises(UnicodeEncodeError):
        write_atomic(path, "lone \ud800")
    assert path.read_bytes() == before
    assert leftovers(tmp_path) == []


# -- keys the program does not read -----------------------------------------------------------------


def test_unknown_top_level_keys_are_written_back(tmp_path):
    doc = toy_document() | EXTRAS
    path = write(tmp_path, doc)
    save_model(load_model(path), tmp_path / "saved.json")
    saved = json.loads((tmp_path / "saved.json").read_text(encoding="utf-8"))
    for key, value in EXTRAS.items():
        assert saved[key] == value
    assert saved["format"] == "jacobian-explorer/model"
    assert saved["nodes"] == json.loads(json.dumps(model_to_dict(load_model(path))))["nodes"]


EDITS = {
    "set_value": lambda m: set_value(m, "X", np.ones((3, 1))),
    "randomise": lambda m: randomise(m, "W1", seed=5),
    "set_position": lambda m: set_position(m, "H1", (1.0, 2.0)),
    "add_layer": lambda m: add_layer(m, 1, 4),
    "remove_layer": lambda m: remove_layer(m, 1),
    "set_width": lambda m: set_width(m, 0, 5),
    "set_activation": lambda m: set_activation(m, 0, "tanh"),
    "set_bias": lambda m: set_bias(m, 0, True),
    "set_loss": lambda m: set_loss(m, "mse"),
    "set_batch": lambda m: set_batch(m, 3),
    "renumber_layers": lambda m: renumber_layers(model_from_dict(_misnumbered(model_to_dict(m)))),
}


def _misnumbered(doc: dict) -> dict:
    """The toy with its first layer's weight named W7 (renumbering names it W1 again)."""
    text = json.dumps(doc).replace('"W1"', '"W7"')
    return json.loads(text)


@pytest.mark.parametrize("edit", sorted(EDITS))
def test_every_edit_keeps_the_unknown_keys(tmp_path, edit):
    model = load_model(write(tmp_path, toy_document() | EXTRAS))
    edited = EDITS[edit](model)
    assert edited is not model
    assert edited.extras == EXTRAS
    save_model(edited, tmp_path / "edited.json")
    saved = json.loads((tmp_path / "edited.json").read_text(encoding="utf-8"))
    assert {key: saved[key] for key in EXTRAS} == EXTRAS


def test_unknown_keys_cannot_replace_the_known_ones(tmp_path):
    model = load_model(write(tmp_path, toy_document() | {"x-note": 1}))
    with pytest.raises(TypeError):
        model.extras["x-note"] = 2  # a model is a value
    odd = Model(model.specs, name="odd", extras={"format": "something else", "version": 9, "x-note": 1})
    document = model_to_dict(odd)
    assert document["format"] == "jacobian-explorer/model"
    assert document["version"] == 1
    assert document["x-note"] == 1


def test_an_unknown_key_holding_nan_is_refused(tmp_path):
    doc = toy_document()
    doc["notes"] = {"score": "@"}
    path = tmp_path / "model.json"
    path.write_text(json.dumps(doc).replace('"@"', "NaN"), encoding="utf-8")
    with pytest.raises(ModelError, match="the top-level key 'notes' holds a non-finite number"):
        load_model(path)


def test_a_model_whose_name_is_too_long_is_refused_by_the_loader_not_by_save(tmp_path):
    doc = toy_document()
    doc["name"] = "n" * 500
    assert "the model name is 500 characters long" in str(fails(tmp_path, doc))
