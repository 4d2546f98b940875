"""The window's files: save and reopen, the unsaved-edits question, New, Examples, Recent, a dropped file."""

import json

import numpy as np
import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication

from explorer.model import edit as edits
from explorer.model import load_model
from explorer.model.examples import EXAMPLES
from explorer.model.io import dumps, model_to_dict
from explorer.resources import example_path


@pytest.fixture
def model_file(tmp_path):
    """The toy network saved as a model file of the test's own."""
    path = tmp_path / "mine.json"
    path.write_text(example_path("toy").read_text(encoding="utf-8"), encoding="utf-8")
    return path


def drop(window, path, target=None):
    """Drag ``path`` over ``target`` (the window by default) and drop it; the file opens once the drop is over."""
    target = target or window
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    buttons, keys = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    enter = QDragEnterEvent(QPoint(10, 10), Qt.DropAction.CopyAction, mime, buttons, keys)
    QApplication.sendEvent(target, enter)
    event = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, mime, buttons, keys)
    QApplication.sendEvent(target, event)
    QApplication.processEvents()
    return event


def test_save_then_reopen_gives_the_same_model(window, dialogs, tmp_path):
    c = window.controller
    c.edit("Set loss", edits.set_loss, "mse")
    c.edit("Set width", edits.set_width, 0, 5)
    target = tmp_path / "saved.json"
    dialogs.answer("save_path", str(target))
    assert window.save()  # the toy is a bundled example: Save asks for a name
    saved = c.model
    assert window.files.open_path(str(target))
    assert dumps(model_to_dict(c.model)) == dumps(model_to_dict(saved))
    for node in saved.leaves:
        np.testing.assert_array_equal(c.model.value(node), saved.value(node))
    assert not window.isWindowModified()
    dialogs.assert_all_answered()


def test_a_failed_save_from_the_window_keeps_the_old_file(window, dialogs, model_file, fill_disk):
    assert window.files.open_path(str(model_file))
    before = model_file.read_bytes()
    window.controller.edit("Set loss", edits.set_loss, "sse")

    fill_disk()
    assert not window.save()
    assert model_file.read_bytes() == before
    assert window.isWindowModified()
    assert "the file on disk is unchanged" in dialogs.warnings[-1]


def test_title_shows_the_file_name_and_a_modified_mark(window, model_file):
    assert window.files.open_path(str(model_file))
    assert "mine.json" in window.windowTitle()
    assert not window.isWindowModified()
    window.controller.edit("Set loss", edits.set_loss, "sse")
    assert window.isWindowModified()


# -- the unsaved-edits question --------------------------------------------------------


def edited(window):
    window.controller.edit("Set loss", edits.set_loss, "sse")
    return window.controller.model


@pytest.mark.parametrize(("answer", "closes"), [("discard", True), ("cancel", False), ("save", True)])
def test_close_asks_about_unsaved_edits(window, dialogs, model_file, answer, closes):
    assert window.files.open_path(str(model_file))
    edited(window)
    dialogs.answer("unsaved_changes", answer)
    assert window.close() is closes
    dialogs.assert_all_answered()
    assert (load_model(model_file).op("L") == "sse") is (answer == "save")


@pytest.mark.parametrize("answer", ["save", "discard", "cancel"])
def test_new_asks_about_unsaved_edits(window, dialogs, model_file, answer):
    assert window.files.open_path(str(model_file))
    kept = edited(window)
    dialogs.answer("unsaved_changes", answer)
    window.new_action.trigger()
    dialogs.assert_all_answered()
    if answer == "cancel":
        assert window.controller.model is kept
        return
    assert window.controller.path is None
    assert len(edits.chain_layers(window.controller.model)) == 1
    assert not window.isWindowModified()
    assert (load_model(model_file).op("L") == "sse") is (answer == "save")


@pytest.mark.parametrize("answer", ["save", "discard", "cancel"])
def test_open_asks_about_unsaved_edits_before_the_file_dialog(window, dialogs, model_file, tmp_path, answer):
    assert window.files.open_path(str(model_file))
    kept = edited(window)
    other = tmp_path / "other.json"
    other.write_text(example_path("single_layer").read_text(encoding="utf-8"), encoding="utf-8")
    dialogs.answer("unsaved_changes", answer)
    if answer != "cancel":
        dialogs.answer("open_path", str(other))
    window.open_action.trigger()
    dialogs.assert_all_answered()
    if answer == "cancel":
        assert window.controller.model is kept
        assert dialogs.kinds() == ["unsaved_changes"]
        return
    assert window.controller.path == str(other)
    assert (load_model(model_file).op("L") == "sse") is (answer == "save")


def test_play_pauses_while_a_question_is_open(window, dialogs):
    edited(window)
    window.controller.play()
    seen = []
    dialogs.during = lambda asked: seen.append((asked.kind, window.controller.playing))
    dialogs.answer("unsaved_changes", "cancel")
    window.new_action.trigger()
    assert seen == [("unsaved_changes", False)]


# -- examples, recent files, a dropped file ---------------------------------------------


def test_examples_menu_lists_every_example_with_its_description(window):
    texts = [action.text() for action in window.examples_menu.actions()]
    assert len(texts) == len(EXAMPLES)
    for name, description in EXAMPLES.items():
        assert any(name in text and description in text for text in texts)


def test_an_example_opens_and_save_never_overwrites_it(window, dialogs, tmp_path):
    action = next(a for a in window.examples_menu.actions() if a.data() == "deep_relu")
    action.trigger()
    assert window.controller.path == str(example_path("deep_relu"))
    before = example_path("deep_relu").read_bytes()
    window.controller.edit("Set loss", edits.set_loss, "sse")
    dialogs.answer("save_path", str(tmp_path / "deep.json"))
    assert window.save()
    assert example_path("deep_relu").read_bytes() == before
    assert dialogs.asked[-1].details["suggested"] == "model.json"


def test_recent_files_keep_opened_files_and_drop_missing_ones(window, settings, tmp_path, model_file):
    other = tmp_path / "other.json"
    other.write_text(model_file.read_text(encoding="utf-8"), encoding="utf-8")
    assert window.files.open_path(str(model_file))
    assert window.files.open_path(str(other))
    assert settings.recent_files() == [str(other.resolve()), str(model_file.resolve())]
    other.unlink()
    window.files.fill_recent_menu()
    entries = [a.data() for a in window.recent_menu.actions() if a.data()]
    assert entries == [str(model_file.resolve())]
    assert "other.json" in window.statusBar().currentMessage()
    window.controller.edit("Set loss", edits.set_loss, "sse")
    window.controller.undo_stack.setClean()
    next(a for a in window.recent_menu.actions() if a.data()).trigger()
    assert window.controller.path == str(model_file.resolve())


def test_the_file_dialogs_start_in_the_last_folder_used(window, dialogs, settings, tmp_path, model_file):
    dialogs.answer("open_path", str(model_file))
    window.open_action.trigger()
    assert settings.last_folder == str(tmp_path.resolve())
    dialogs.answer("save_path", str(tmp_path / "again.json"))
    window.save_as()
    assert dialogs.asked[-1].details["start"] == str(tmp_path.resolve())


def test_a_dropped_model_file_opens(window, model_file):
    event = drop(window, model_file)
    assert event.isAccepted()
    assert window.controller.path == str(model_file)
    assert "mine.json" in window.windowTitle()


@pytest.mark.parametrize("where", ["canvas", "heatmap", "node list"])
def test_a_file_dropped_over_the_canvas_or_a_heatmap_opens(window, model_file, where):
    from explorer.ui.inspector.heatmap import MatrixView

    window.controller.select("W3")  # a node shown: the inspector's heatmap is built
    target = {
        "canvas": window.view.viewport(),
        "heatmap": window.inspector.findChildren(MatrixView)[0],
        "node list": window.node_list.viewport(),
    }[where]
    drop(window, model_file, target)
    assert window.controller.path == str(model_file)


def test_a_drop_asks_about_unsaved_edits(window, dialogs, model_file):
    kept = edited(window)
    dialogs.answer("unsaved_changes", "cancel")
    drop(window, model_file)
    assert window.controller.model is kept


def test_a_dropped_snapshot_opens_at_its_step_and_saves_as_a_snapshot(window, tmp_path):
    from explorer.engine import Session
    from explorer.export.snapshot import snapshot_text
    from explorer.model.examples import toy_model

    session = Session(toy_model())
    session.seek(6)
    path = tmp_path / "snap.json"
    path.write_text(snapshot_text(session), encoding="utf-8")
    drop(window, path)
    assert window.controller.session.position == 6
    window.controller.step()
    window.controller.edit("Set loss", edits.set_loss, "sse")
    assert window.save()
    assert json.loads(path.read_text(encoding="utf-8"))["format"] == "jacobian-explorer/snapshot"


def test_a_drop_of_something_else_is_ignored(window, tmp_path):
    before = window.controller.model
    event = drop(window, tmp_path)  # a folder
    assert not event.isAccepted()
    assert window.controller.model is before


def test_export_derivation_and_code_ask_for_the_folder_through_the_dialogs(window, dialogs, tmp_path):
    dialogs.answer("folder", str(tmp_path / "handout"))
    window.export_derivation_action.trigger()
    assert sorted(p.name for p in (tmp_path / "handout").iterdir()) == ["derivation.md", "derivation.tex"]
    dialogs.answer("folder", str(tmp_path / "code"))
    window.export_code_action.trigger()
    assert sorted(p.name for p in (tmp_path / "code").iterdir()) == ["model_numpy.py", "model_torch.py"]
    assert dialogs.kinds() == ["folder", "folder"]


def test_a_failed_code_export_writes_none_of_the_files(window, dialogs, tmp_path):
    folder = tmp_path / "code"
    (folder / "model_torch.py").mkdir(parents=True)  # the second script cannot be written
    dialogs.answer("folder", str(folder))
    window.export_code_action.trigger()
    assert sorted(p.name for p in folder.iterdir()) == ["model_torch.py"]  # model_numpy.py was not left behind
    assert "model_numpy.py" not in window.statusBar().currentMessage()
