"""The real dialogs, driven by clicks on their modal boxes, and the scripted stand-in."""

from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QTableWidget

from explorer.ui.kit.dialogs import Dialogs, ShortcutsDialog, plain_action_text, start_folder
from explorer.ui.kit.settings import Settings
from tests.ui.scripted_dialogs import ScriptedDialogs


@pytest.fixture
def settings(qapp, tmp_path):
    return Settings(tmp_path / "explorer.ini")


@pytest.fixture
def dialogs(settings):
    return Dialogs(settings)


def when_modal(act):
    """Run ``act(widget)`` on the modal widget as soon as it is open."""
    seen = {}

    def poke():
        widget = QApplication.activeModalWidget()
        if widget is None:
            QTimer.singleShot(5, poke)
            return
        seen["widget"] = widget
        try:
            act(widget)
        except BaseException:
            widget.close()  # never leave a modal box open: the test would hang instead of failing
            raise

    QTimer.singleShot(0, poke)
    return seen


def click_button(text):
    def act(box):
        (button,) = [b for b in box.buttons() if b.text().replace("&", "") == text]
        button.click()

    return act


def record_modal(dialogs):
    events = []
    dialogs.modal_started.connect(lambda: events.append("started"))
    dialogs.modal_finished.connect(lambda: events.append("finished"))
    return events


@pytest.mark.parametrize(("button", "answer"), [("Save", "save"), ("Discard", "discard"), ("Cancel", "cancel")])
def test_unsaved_changes_three_answers(dialogs, button, answer):
    events = record_modal(dialogs)
    open_during = []

    def act(box):
        open_during.append(dialogs.modal_open)
        assert "toy.json" in box.text()
        click_button(button)(box)

    when_modal(act)
    assert dialogs.ask_unsaved_changes(None, "toy.json") == answer
    assert open_during == [True]
    assert events == ["started", "finished"]
    assert not dialogs.modal_open


def test_unsaved_changes_escape_cancels(dialogs):
    when_modal(lambda box: QTest.keyClick(box, Qt.Key.Key_Escape))
    assert dialogs.ask_unsaved_changes(None, "toy.json") == "cancel"


@pytest.mark.parametrize(("button", "answer"), [("Recover", "recover"), ("Discard", "discard")])
def test_recover_answers(dialogs, button, answer):
    seen = when_modal(click_button(button))
    assert dialogs.ask_recover(None, datetime(2026, 11, 29, 14, 5).astimezone(), "lecture.json") == answer
    assert "lecture.json" in seen["widget"].text()


def test_recover_escape_keeps_the_edits(dialogs):
    when_modal(lambda box: QTest.keyClick(box, Qt.Key.Key_Escape))
    assert dialogs.ask_recover(None, datetime.now().astimezone(), "untitled") == "recover"


def test_warn_shows_plain_text(dialogs):
    label = 'H<sub>1</sub> <img src="file:///etc/passwd">'
    seen = when_modal(lambda box: box.button(QMessageBox.StandardButton.Ok).click())
    dialogs.warn(None, f"Cannot remove {label}")
    box = seen["widget"]
    assert box.textFormat() == Qt.TextFormat.PlainText
    assert box.text() == f"Cannot remove {label}"


def test_about_shows_the_version(dialogs):
    seen = when_modal(lambda box: box.button(QMessageBox.StandardButton.Ok).click())
    dialogs.about(None, "0.1.0 <b>")
    text = seen["widget"].text()
    assert "0.1.0 &lt;b&gt;" in text  # the version is escaped into the rich text
    assert "Jacobian Explorer" in text


def test_shortcuts_lists_every_row(dialogs):
    rows = [("&Open…", "Ctrl+O"), ("Step", "Right"), ("Redo", "Ctrl+Y, Ctrl+Shift+Z")]
    seen = {}

    def act(dialog):
        assert isinstance(dialog, ShortcutsDialog)
        table = dialog.findChild(QTableWidget)
        seen["cells"] = [(table.item(r, 0).text(), table.item(r, 1).text()) for r in range(table.rowCount())]
        QTest.keyClick(dialog, Qt.Key.Key_Escape)

    when_modal(act)
    dialogs.shortcuts(None, rows)
    assert seen["cells"] == [("Open", "Ctrl+O"), ("Step", "Right"), ("Redo", "Ctrl+Y, Ctrl+Shift+Z")]


@pytest.mark.parametrize(
    ("text", "plain"),
    [
        ("&Open…", "Open"),
        ("Save &As…", "Save As"),
        ("열기(&O)…", "열기"),
        ("파일(&F)", "파일"),
        ("Copy && paste", "Copy & paste"),
    ],
)
def test_plain_action_text(text, plain):
    assert plain_action_text(text) == plain


def test_nested_questions_bracket_once(dialogs):
    events = record_modal(dialogs)
    with dialogs.modal():
        with dialogs.modal():
            assert dialogs.modal_open
        assert events == ["started"]
    assert events == ["started", "finished"]


def test_a_question_that_fails_still_closes_the_bracket(dialogs):
    events = record_modal(dialogs)
    with pytest.raises(RuntimeError), dialogs.modal():
        raise RuntimeError("boom")
    assert events == ["started", "finished"]
    assert not dialogs.modal_open


def test_file_dialogs_never_start_in_the_working_directory(qapp, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    (tmp_path / "home").mkdir()
    start = start_folder(Settings(tmp_path / "explorer.ini"))
    assert Path(start).resolve() != tmp_path.resolve()
    assert Path(start).is_dir()


def choose_in_file_dialog(path, seen):
    def act(dialog):
        assert isinstance(dialog, QFileDialog)
        seen["start"] = dialog.directory().absolutePath()
        seen["selected"] = list(dialog.selectedFiles())
        if path is None:
            dialog.reject()
            return
        dialog.selectFile(str(path))
        dialog.accept()

    return act


def test_open_starts_in_the_last_folder_and_records_the_new_one(dialogs, settings, tmp_path):
    first, second = tmp_path / "first", tmp_path / "second"
    first.mkdir()
    second.mkdir()
    chosen = second / "m.json"
    chosen.write_text("{}", encoding="utf-8")
    settings.last_folder = first
    seen = {}
    when_modal(choose_in_file_dialog(chosen, seen))
    assert dialogs.get_open_path(None, "Open") == str(chosen)
    assert Path(seen["start"]) == first.resolve()
    assert settings.last_folder == str(second.resolve())


def test_a_cancelled_open_changes_nothing(dialogs, settings, tmp_path):
    settings.last_folder = tmp_path
    events = record_modal(dialogs)
    when_modal(choose_in_file_dialog(None, {}))
    assert dialogs.get_open_path(None, "Open") is None
    assert settings.last_folder == str(tmp_path.resolve())
    assert events == ["started", "finished"]


def test_save_suggests_a_name_in_the_last_folder(dialogs, settings, tmp_path):
    settings.last_folder = tmp_path
    seen = {}
    target = tmp_path / "out" / "saved.json"
    target.parent.mkdir()
    when_modal(choose_in_file_dialog(target, seen))
    assert dialogs.get_save_path(None, "Save model", "model.json") == str(target)
    assert Path(seen["start"]) == tmp_path.resolve()
    assert [Path(p).name for p in seen["selected"]] == ["model.json"]
    assert settings.last_folder == str(target.parent.resolve())


def test_folder_choice_is_recorded(dialogs, settings, tmp_path):
    folder = tmp_path / "exports"
    folder.mkdir()
    seen = {}
    when_modal(choose_in_file_dialog(folder, seen))
    assert dialogs.get_folder(None, "Export snapshot into folder") == str(folder)
    assert settings.last_folder == str(folder.resolve())


# -- the scripted stand-in -----------------------------------------------------------


def test_scripted_answers_in_order_and_records(settings, tmp_path):
    scripted = ScriptedDialogs(
        ("unsaved_changes", "discard"), ("open_path", str(tmp_path / "m.json")), settings=settings
    )
    events = record_modal(scripted)
    assert scripted.ask_unsaved_changes(None, "toy.json") == "discard"
    scripted.warn(None, "Cannot open x.json: not JSON")
    assert scripted.get_open_path(None, "Open") == str(tmp_path / "m.json")
    assert scripted.kinds() == ["unsaved_changes", "warn", "open_path"]
    assert scripted.asked[0].details == {"document_name": "toy.json"}
    assert scripted.warnings == ["Cannot open x.json: not JSON"]
    assert settings.last_folder == str(tmp_path.resolve())
    assert events == ["started", "finished"] * 3
    scripted.assert_all_answered()


def test_scripted_fails_on_an_unexpected_question():
    scripted = ScriptedDialogs(("recover", "recover"))
    with pytest.raises(AssertionError, match="next scripted answer is for recover"):
        scripted.ask_unsaved_changes(None, "toy.json")
    with pytest.raises(AssertionError, match="no scripted answer left"):
        ScriptedDialogs().get_folder(None, "Export")
    assert not scripted.modal_open


def test_scripted_refuses_impossible_answers():
    with pytest.raises(ValueError, match="unsaved_changes answers one of"):
        ScriptedDialogs(("unsaved_changes", "yes"))
    with pytest.raises(ValueError, match="takes no answer"):
        ScriptedDialogs(("warn", "ok"))


def test_scripted_runs_during_inside_the_bracket():
    scripted = ScriptedDialogs(("recover", "discard"))
    states = []
    scripted.during = lambda asked: states.append((asked.kind, scripted.modal_open))
    assert scripted.ask_recover(None, datetime.now().astimezone(), "untitled") == "discard"
    assert states == [("recover", True)]


def test_scripted_reports_unanswered_questions():
    scripted = ScriptedDialogs(("folder", None))
    with pytest.raises(AssertionError, match="never asked"):
        scripted.assert_all_answered()
