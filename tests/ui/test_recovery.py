"""The window's autosave: written after an edit, offered after a crash (kill -9), gone after a clean exit."""

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from explorer.model import edit as edits
from explorer.model import load_model
from explorer.ui.document.autosave import pending_recoveries

ROOT = Path(__file__).resolve().parents[2]

CHILD = textwrap.dedent(
    """
    import os, signal, sys
    from explorer.engine import Session
    from explorer.model import load_model
    from explorer.model import edit as edits
    from explorer.ui.shell.app import QuietDialogs, make_app, open_window
    from explorer.ui.kit.settings import Settings
    from pathlib import Path
    model_path, folder = sys.argv[1], Path(sys.argv[2])
    app = make_app(quiet=True)
    window = open_window(
        Session(load_model(model_path)), model_path, dialogs=QuietDialogs(),
        settings=Settings(folder / "settings.ini"), autosave_folder=folder / "autosave",
    )
    window.controller.edit("Set loss", edits.set_loss, "mse")
    assert window.files.autosave.pending
    window.files.autosave.write_now()
    print("written", flush=True)
    os.kill(os.getpid(), signal.SIGKILL)
    """
)


@pytest.fixture
def model_file(tmp_path):
    path = tmp_path / "work" / "mine.json"
    path.parent.mkdir()
    path.write_text((ROOT / "resources" / "examples" / "toy.json").read_text(encoding="utf-8"), encoding="utf-8")
    return path


def test_an_edit_is_autosaved_within_the_interval(window, app_folder, qtbot):
    autosave = window.files.autosave
    assert not autosave.pending
    window.controller.edit("Set loss", edits.set_loss, "mse")
    assert 0 < autosave.due_ms <= 30_000
    with qtbot.waitSignal(autosave.written, timeout=1000):
        autosave._timer.setInterval(10)  # the 30 s, shortened
        autosave._timer.start()
    assert load_model(autosave.autosave_path).op("L") == "mse"


def test_a_move_of_a_node_is_autosaved_too(window):
    window.scene.node_move_requested.emit("W2", 50.0, 60.0)
    assert window.files.autosave.pending


def test_a_clean_exit_leaves_no_autosave(window, dialogs, app_folder):
    window.controller.edit("Set loss", edits.set_loss, "mse")
    assert window.files.autosave.write_now()
    assert list((app_folder / "autosave").glob("*.json"))
    dialogs.answer("unsaved_changes", "discard")
    assert window.close()
    assert list((app_folder / "autosave").iterdir()) == []


def test_saving_removes_the_autosave(window, tmp_path, dialogs, app_folder):
    window.controller.edit("Set loss", edits.set_loss, "mse")
    assert window.files.autosave.write_now()
    dialogs.answer("save_path", str(tmp_path / "saved.json"))
    assert window.save()
    assert list((app_folder / "autosave").glob("*.json")) == []


def test_one_autosave_per_document(window, app_folder):
    autosave = window.files.autosave
    for loss in ("mse", "sse", "half_sse", "mse"):
        window.controller.edit("Set loss", edits.set_loss, loss)
        assert autosave.write_now()
    assert len(list((app_folder / "autosave").glob("*.info.json"))) == 1


def crash_after_an_edit(model_file, folder):
    env = dict(os.environ, PYTHONPATH=str(ROOT), QT_QPA_PLATFORM="offscreen")
    done = subprocess.run(
        [sys.executable, "-c", CHILD, str(model_file), str(folder)], env=env, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == -9, done.stderr
    assert "written" in done.stdout


def test_after_a_crash_the_next_start_offers_to_recover(make_window, tmp_path, model_file):
    crash_after_an_edit(model_file, tmp_path)
    folder = tmp_path / "autosave"
    assert len(pending_recoveries(folder)) == 1
    window = make_window(None, ("recover", "recover"), size=None, show=False, autosave_folder=folder)
    dialogs = window.dialogs
    assert window.files.offer_recoveries()
    assert dialogs.asked[0].details["document_name"] == "mine.json"
    assert window.controller.model.op("L") == "mse"  # the edit the crash would have lost
    assert window.controller.path == str(model_file)
    assert "mine.json" in window.windowTitle()
    assert window.isWindowModified()
    assert load_model(model_file).op("L") == "half_sse"  # the file itself is as it was
    assert window.save()
    assert load_model(model_file).op("L") == "mse"
    assert not window.isWindowModified()
    assert list(folder.glob("*.json")) == []
    window.close()


def test_after_a_crash_discard_throws_the_autosave_away(make_window, tmp_path, model_file):
    crash_after_an_edit(model_file, tmp_path)
    folder = tmp_path / "autosave"
    window = make_window(None, ("recover", "discard"), size=None, show=False, autosave_folder=folder)
    assert not window.files.offer_recoveries()
    assert not window.isWindowModified()
    assert pending_recoveries(folder) == []
    assert list(folder.glob("*.json")) == []
    window.close()
