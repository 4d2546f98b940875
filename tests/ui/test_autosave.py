"""Autosave and recovery: written after an edit, offered after a crash, gone after a clean exit."""

import json
import os
import subprocess
import sys
import time
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QStandardPaths

from explorer.export.snapshot import load_session
from explorer.model.examples import toy_model
from explorer.model.io import dumps, model_to_dict
from explorer.ui.document.autosave import Autosave, autosave_folder, document_key, pending_recoveries

ROOT = Path(__file__).resolve().parents[2]

CHILD = """
import os, signal, sys
from PySide6.QtCore import QCoreApplication, QStandardPaths
QStandardPaths.setTestModeEnabled(True)
app = QCoreApplication([])
app.setOrganizationName("Jacobian Explorer")
app.setApplicationName("Jacobian Explorer")
from explorer.ui.document.autosave import Autosave
how, path, text = sys.argv[1], sys.argv[2] or None, sys.argv[3]
autosave = Autosave(lambda: text, path)
autosave.mark_edited()
assert autosave.write_now()
print(autosave.autosave_path, flush=True)
if how == "crash":
    os.kill(os.getpid(), signal.SIGKILL)
autosave.close()
"""


@pytest.fixture
def app_data(qapp, tmp_path, monkeypatch):
    """Qt's test-mode folders under a temporary home, with the explorer's names."""
    monkeypatch.setenv("HOME", str(tmp_path))
    names = (qapp.organizationName(), qapp.applicationName())
    qapp.setOrganizationName("Jacobian Explorer")
    qapp.setApplicationName("Jacobian Explorer")
    QStandardPaths.setTestModeEnabled(True)
    yield autosave_folder()
    QStandardPaths.setTestModeEnabled(False)
    qapp.setOrganizationName(names[0])
    qapp.setApplicationName(names[1])


def run_child(how, path, text, home):
    env = dict(os.environ, HOME=str(home), PYTHONPATH=str(ROOT), QT_QPA_PLATFORM="offscreen")
    return subprocess.run(
        [sys.executable, "-c", CHILD, how, path or "", text], env=env, capture_output=True, text=True, timeout=60
    )


def files_in(folder):
    return sorted(p.name for p in folder.iterdir()) if folder.is_dir() else []


def test_the_folder_is_qt_test_modes_app_data(app_data, tmp_path):
    assert app_data.name == "autosave"
    assert app_data.is_relative_to(tmp_path)  # never the user's real folders
    assert ".qttest" in app_data.parts


def test_an_edit_is_autosaved_within_the_interval(qtbot, app_data, tmp_path):
    text = dumps(model_to_dict(toy_model()))
    autosave = Autosave(lambda: text, str(tmp_path / "toy.json"), interval_ms=50)
    assert not autosave.autosave_path.exists()
    autosave.mark_edited()
    assert autosave.pending
    assert not autosave.autosave_path.exists()  # not at once: after the interval
    with qtbot.waitSignal(autosave.written, timeout=5000) as signal:
        pass
    assert signal.args == [str(autosave.autosave_path)]
    assert autosave.autosave_path.read_text(encoding="utf-8") == text
    assert not autosave.pending
    autosave.close()


def test_later_edits_do_not_push_the_autosave_back(qtbot, app_data):
    autosave = Autosave(lambda: "{}", None, interval_ms=4000)
    autosave.mark_edited()
    qtbot.wait(600)
    autosave.mark_edited()
    # still counting from the first edit: 3400 ms left, give or take a coarse timer's 5 %, not 4000 again
    assert 0 <= autosave.due_ms <= 3700
    autosave.remove()
    assert autosave.due_ms == -1


def test_the_autosave_loads_back_as_the_model(qapp, app_data, tmp_path):
    model = toy_model()
    autosave = Autosave(lambda: dumps(model_to_dict(model)), str(tmp_path / "toy.json"))
    assert autosave.write_now()
    session = load_session(autosave.autosave_path)
    assert session.model.order == model.order
    for node in model.order:
        if model.spec(node).info.is_leaf:
            assert (session.model.value(node) == model.value(node)).all()
    header = json.loads(autosave.autosave_path.with_name(f"{autosave.key}.info.json").read_text(encoding="utf-8"))
    assert header["original_path"] == str(tmp_path / "toy.json")
    assert header["pid"] == os.getpid()
    autosave.close()


def test_one_autosave_per_document(qapp, app_data, tmp_path):
    texts = iter(["first", "second", "third"])
    autosave = Autosave(lambda: next(texts), str(tmp_path / "m.json"))
    for _ in range(3):
        assert autosave.write_now()
    assert files_in(app_data) == sorted([f"{autosave.key}.json", f"{autosave.key}.info.json", f"{autosave.key}.lock"])
    assert autosave.autosave_path.read_text(encoding="utf-8") == "third"
    assert document_key(str(tmp_path / "m.json")) == document_key(str(tmp_path / "sub" / ".." / "m.json"))
    second = Autosave(lambda: "other window", str(tmp_path / "m.json"))
    assert second.key == autosave.key
    failures = []
    second.failed.connect(failures.append)
    assert not second.write_now()  # the document's autosave belongs to the first
    assert "another running explorer" in failures[0]
    assert autosave.autosave_path.read_text(encoding="utf-8") == "third"
    autosave.close()


def test_untitled_documents_each_have_their_own_key(qapp, app_data):
    first, second = Autosave(lambda: "a"), Autosave(lambda: "b")
    assert first.key.startswith("untitled-")
    assert first.key != second.key


def test_saving_removes_the_autosave_and_rekeys(qapp, app_data, tmp_path):
    autosave = Autosave(lambda: "{}", None)
    assert autosave.write_now()
    old = autosave.autosave_path
    autosave.saved(str(tmp_path / "named.json"))
    assert not old.exists()
    assert files_in(app_data) == []
    assert autosave.key == document_key(str(tmp_path / "named.json"))
    assert autosave.write_now()
    assert autosave.autosave_path.is_file()
    autosave.close()
    assert files_in(app_data) == []


def test_a_live_writer_is_not_offered(qapp, app_data):
    autosave = Autosave(lambda: "{}", None)
    assert autosave.write_now()
    assert pending_recoveries() == []
    assert autosave.autosave_path.is_file()  # looking does not disturb it
    autosave.close()


def test_a_killed_process_leaves_its_autosave_to_recover(app_data, tmp_path):
    original = str(tmp_path / "lecture.json")
    before = datetime.now().astimezone() - timedelta(seconds=1)
    child = run_child("crash", original, '{"edited": true}', tmp_path)
    assert child.returncode == -9, child.stderr
    written_to = Path(child.stdout.strip())
    assert written_to.parent == app_data
    assert f"{written_to.stem}.lock" in files_in(app_data)  # the dead writer's lock is still there
    recoveries = pending_recoveries()
    assert len(recoveries) == 1
    recovery = recoveries[0]
    assert recovery.autosave_path == written_to
    assert recovery.original_path == original
    assert recovery.document_name == "lecture.json"
    assert recovery.read_text() == '{"edited": true}'
    assert recovery.pid is not None
    assert recovery.pid != os.getpid()
    assert before <= recovery.written <= datetime.now().astimezone() + timedelta(seconds=1)
    recovery.discard()
    assert files_in(app_data) == []
    assert pending_recoveries() == []


def test_an_untitled_crash_is_offered_as_untitled_and_can_be_adopted(app_data, tmp_path):
    child = run_child("crash", None, "draft", tmp_path)
    assert child.returncode == -9, child.stderr
    (recovery,) = pending_recoveries()
    assert recovery.original_path is None
    assert recovery.document_name == "untitled"
    adopted = Autosave(lambda: "draft, edited again", None, key=recovery.key)
    assert adopted.write_now()
    assert files_in(app_data) == sorted([f"{recovery.key}.json", f"{recovery.key}.info.json", f"{recovery.key}.lock"])
    adopted.close()
    assert files_in(app_data) == []


def test_a_clean_exit_leaves_nothing(app_data, tmp_path):
    child = run_child("clean", str(tmp_path / "m.json"), "{}", tmp_path)
    assert child.returncode == 0, child.stderr
    assert Path(child.stdout.strip()).parent == app_data  # it did write there
    assert files_in(app_data) == []
    assert pending_recoveries() == []


def test_an_unreadable_header_still_offers_the_document(qapp, app_data):
    app_data.mkdir(parents=True)
    (app_data / "doc-x.json").write_text("{}", encoding="utf-8")
    (app_data / "doc-x.info.json").write_text("not json", encoding="utf-8")
    (recovery,) = pending_recoveries()
    assert recovery.original_path is None
    assert abs(recovery.written.timestamp() - time.time()) < 60


def test_a_header_without_its_document_is_cleaned_up(qapp, app_data):
    app_data.mkdir(parents=True)
    (app_data / "doc-y.info.json").write_text("{}", encoding="utf-8")
    assert pending_recoveries() == []
    assert files_in(app_data) == []


def test_newest_first(qapp, app_data):
    app_data.mkdir(parents=True)
    for key, stamp in (("doc-old", "2026-01-01T10:00:00+00:00"), ("doc-new", "2026-02-01T10:00:00+00:00")):
        (app_data / f"{key}.json").write_text("{}", encoding="utf-8")
        header = {"original_path": f"/x/{key}.json", "time": stamp, "pid": 1}
        (app_data / f"{key}.info.json").write_text(json.dumps(header), encoding="utf-8")
    assert [r.key for r in pending_recoveries()] == ["doc-new", "doc-old"]


def test_a_failed_write_says_why_in_one_line(qapp, app_data, tmp_path):
    blocker = tmp_path / "file-not-folder"
    blocker.write_text("", encoding="utf-8")
    autosave = Autosave(lambda: "{}", None, folder=blocker / "autosave")
    failures = []
    autosave.failed.connect(failures.append)
    assert not autosave.write_now()
    assert len(failures) == 1
    assert "\n" not in failures[0]
    assert "Autosave" in failures[0]
