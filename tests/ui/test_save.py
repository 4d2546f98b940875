"""Save never destroys a file: a snapshot stays a snapshot, a failed write keeps the old file, links stay links."""

import json
import os
import stat

import pytest

from explorer.engine import Session
from explorer.export.snapshot import snapshot_text
from explorer.model import edit as edits
from explorer.model import load_model
from explorer.model.examples import toy_model


@pytest.fixture
def snapshot_file(tmp_path):
    session = Session(toy_model())
    for _ in range(5):
        session.step()
    path = tmp_path / "snapshot.json"
    path.write_text(snapshot_text(session), encoding="utf-8")
    return path


def test_ctrl_s_on_an_opened_snapshot_writes_a_snapshot_at_the_current_step(window, qtbot, snapshot_file):
    c = window.controller
    assert c.open_file(str(snapshot_file))
    assert c.session.position == 5
    c.step()
    c.step()
    window.save_action.trigger()
    document = json.loads(snapshot_file.read_text(encoding="utf-8"))
    assert document["format"] == "jacobian-explorer/snapshot"
    assert document["step"]["index"] == 7
    assert document["nodes"]["H1"]["value"] is not None  # values and Jacobians kept
    assert document["jacobians"]
    assert "step 7/11" in window.statusBar().currentMessage()
    assert c.open_file(str(snapshot_file))
    assert c.session.position == 7  # reopens at its step


def test_ctrl_s_on_a_model_file_writes_a_model_file(window, tmp_path):
    path = tmp_path / "model.json"
    path.write_text(json.dumps(json.loads(snapshot_text(Session(toy_model())))["model"]), encoding="utf-8")
    c = window.controller
    assert c.open_file(str(path))
    c.edit("Set loss", edits.set_loss, "sse")
    c.step()
    assert window.save()
    assert json.loads(path.read_text(encoding="utf-8"))["format"] == "jacobian-explorer/model"
    assert load_model(path).op("L") == "sse"


def test_save_as_from_a_snapshot_writes_a_model_under_the_new_name(window, dialogs, snapshot_file, tmp_path):
    c = window.controller
    c.open_file(str(snapshot_file))
    before = snapshot_file.read_bytes()
    target = tmp_path / "as-model.json"
    dialogs.answer("save_path", str(target))
    assert window.save_as()
    assert json.loads(target.read_text(encoding="utf-8"))["format"] == "jacobian-explorer/model"
    assert snapshot_file.read_bytes() == before


def test_a_failed_save_keeps_the_old_file_and_says_so_in_one_line(window, tmp_path, fill_disk):
    path = tmp_path / "model.json"
    c = window.controller
    assert c.save(str(path))
    before = path.read_bytes()
    c.edit("Set loss", edits.set_loss, "sse")
    fill_disk()
    errors = []
    c.error_raised.connect(errors.append)
    assert not c.save()
    assert path.read_bytes() == before
    assert len(errors) == 1
    assert "\n" not in errors[0]
    assert errors[0].startswith("Cannot save model.json: ")
    assert errors[0].endswith("the file on disk is unchanged")
    assert not c.undo_stack.isClean()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["model.json"]  # no temporary file left behind


def test_save_into_a_missing_folder_reports_and_writes_nothing(window, tmp_path):
    errors = []
    window.controller.error_raised.connect(errors.append)
    assert not window.controller.save(str(tmp_path / "no" / "such" / "model.json"))
    assert len(errors) == 1
    assert not (tmp_path / "no").exists()


def test_save_writes_through_a_link_and_keeps_permissions(window, tmp_path):
    real = tmp_path / "real.json"
    c = window.controller
    assert c.save(str(real))
    os.chmod(real, 0o640)
    link = tmp_path / "link.json"
    link.symlink_to(real)
    assert c.open_file(str(link))
    c.edit("Set loss", edits.set_loss, "mse")
    assert window.save()
    assert link.is_symlink()
    assert load_model(real).op("L") == "mse"
    assert stat.S_IMODE(real.stat().st_mode) == 0o640


def test_the_controller_refuses_to_overwrite_a_bundled_example(window):
    from explorer.resources import example_path

    path = example_path("toy")
    before = path.read_bytes()
    errors = []
    window.controller.error_raised.connect(errors.append)
    assert not window.controller.save(str(path))
    assert path.read_bytes() == before
    assert "bundled example" in errors[0]
