"""The typed settings: each value persists, bad stored values give defaults, reset forgets."""

import sys

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMainWindow

from explorer.ui.kit.settings import DEFAULT_PLAY_SPEED, MAX_RECENT_FILES, Settings


@pytest.fixture
def ini(tmp_path):
    return tmp_path / "explorer.ini"


def reopened(ini):
    """A fresh wrapper over the same file: what the next launch sees."""
    return Settings(ini)


def test_defaults_on_a_first_launch(qapp, ini):
    settings = Settings(ini)
    assert settings.theme == "system"
    assert settings.language == "system"
    assert settings.play_speed == DEFAULT_PLAY_SPEED == 1.0
    assert settings.last_folder is None
    assert settings.recent_files() == []
    assert settings.geometry == b""
    assert settings.window_state == b""


def test_values_persist_across_launches(qapp, ini, tmp_path):
    settings = Settings(ini)
    settings.theme = "dark"
    settings.language = "ko"
    settings.play_speed = 2.5
    settings.last_folder = tmp_path
    settings.sync()
    again = reopened(ini)
    assert again.theme == "dark"
    assert again.language == "ko"
    assert again.play_speed == 2.5
    assert again.last_folder == str(tmp_path.resolve())
    assert ini.is_file()


def test_window_geometry_and_state_round_trip(qtbot, ini):
    window = QMainWindow()
    qtbot.addWidget(window)
    window.resize(700, 500)
    settings = Settings(ini)
    settings.geometry = window.saveGeometry()
    settings.window_state = window.saveState()
    settings.sync()
    again = reopened(ini)
    assert again.geometry == bytes(window.saveGeometry().data())
    assert again.window_state == bytes(window.saveState().data())
    other = QMainWindow()
    qtbot.addWidget(other)
    assert other.restoreGeometry(again.geometry)
    assert other.size().width() == 700
    assert other.size().height() == 500


@pytest.mark.parametrize(
    ("key", "attribute", "value"), [("view/theme", "theme", "purple"), ("view/language", "language", "fr")]
)
def test_unknown_stored_choices_give_the_default(qapp, ini, key, attribute, value):
    store = QSettings(str(ini), QSettings.Format.IniFormat)
    store.setValue(key, value)
    store.sync()
    assert getattr(Settings(ini), attribute) == "system"


def test_setting_an_unknown_choice_is_refused(qapp, ini):
    settings = Settings(ini)
    with pytest.raises(ValueError, match="theme"):
        settings.theme = "purple"
    with pytest.raises(ValueError, match="language"):
        settings.language = "de"
    with pytest.raises(ValueError, match="play speed"):
        settings.play_speed = float("nan")
    with pytest.raises(ValueError, match="play speed"):
        settings.play_speed = 0


@pytest.mark.parametrize(
    ("stored", "expected"), [("fast", 1.0), ("nan", 1.0), ("1000", 16.0), ("0.01", 0.25), ("3", 3.0)]
)
def test_play_speed_read_back_is_sane(qapp, ini, stored, expected):
    ini.write_text(f"[play]\nsteps_per_second={stored}\n", encoding="utf-8")
    assert Settings(ini).play_speed == expected


def test_a_vanished_last_folder_is_forgotten(qapp, ini, tmp_path):
    gone = tmp_path / "gone"
    gone.mkdir()
    settings = Settings(ini)
    settings.last_folder = gone
    gone.rmdir()
    assert settings.last_folder is None


def test_recent_files_most_recent_first_without_duplicates(qapp, ini, tmp_path, monkeypatch):
    files = []
    for name in ("a.json", "b.json", "c.json"):
        path = tmp_path / name
        path.write_text("{}", encoding="utf-8")
        files.append(path)
    settings = Settings(ini)
    for path in files:
        settings.add_recent_file(path)
    monkeypatch.chdir(tmp_path)
    (tmp_path / "sub").mkdir()
    settings.add_recent_file("sub/../a.json")  # another spelling of a.json
    settings.sync()
    assert reopened(ini).recent_files() == [str(files[0].resolve()), str(files[2].resolve()), str(files[1].resolve())]


def test_recent_files_through_a_symbolic_link_are_one_file(qapp, ini, tmp_path):
    real = tmp_path / "real.json"
    real.write_text("{}", encoding="utf-8")
    link = tmp_path / "link.json"
    link.symlink_to(real)
    settings = Settings(ini)
    settings.add_recent_file(real)
    settings.add_recent_file(link)
    assert settings.recent_files() == [str(real.resolve())]


def test_recent_files_keep_at_most_ten(qapp, ini, tmp_path):
    settings = Settings(ini)
    for index in range(MAX_RECENT_FILES + 5):
        settings.add_recent_file(tmp_path / f"m{index}.json")
    recent = reopened(ini).recent_files()
    assert len(recent) == MAX_RECENT_FILES == 10
    assert recent[0].endswith("m14.json")
    assert recent[-1].endswith("m5.json")


def test_missing_recent_files_are_dropped_and_named(qapp, ini, tmp_path):
    kept_file = tmp_path / "kept.json"
    kept_file.write_text("{}", encoding="utf-8")
    settings = Settings(ini)
    settings.add_recent_file(tmp_path / "lost.json")
    settings.add_recent_file(kept_file)
    settings.add_recent_file(tmp_path / "gone.json")
    kept, dropped = settings.prune_recent_files()
    assert kept == [str(kept_file.resolve())]
    assert dropped == ["gone.json", "lost.json"]
    assert reopened(ini).recent_files() == kept


def test_a_single_recent_file_reads_back_as_a_list(qapp, ini, tmp_path):
    settings = Settings(ini)
    settings.add_recent_file(tmp_path / "only.json")
    settings.sync()
    assert reopened(ini).recent_files() == [str((tmp_path / "only.json").resolve())]


def test_remove_recent_file(qapp, ini, tmp_path):
    settings = Settings(ini)
    settings.add_recent_file(tmp_path / "a.json")
    settings.add_recent_file(tmp_path / "b.json")
    settings.remove_recent_file(tmp_path / "a.json")
    assert settings.recent_files() == [str((tmp_path / "b.json").resolve())]


def test_reset_forgets_everything(qapp, ini, tmp_path):
    settings = Settings(ini)
    settings.theme = "light"
    settings.language = "en"
    settings.play_speed = 4
    settings.last_folder = tmp_path
    settings.geometry = b"\x01\x02"
    settings.add_recent_file(tmp_path / "a.json")
    settings.reset()
    again = reopened(ini)
    assert (again.theme, again.language, again.play_speed, again.last_folder) == ("system", "system", 1.0, None)
    assert again.geometry == b""
    assert again.recent_files() == []


@pytest.mark.skipif(sys.platform.startswith(("win", "darwin")), reason="a registry or a property list, not a file")
def test_the_default_store_is_the_explorers(qapp, tmp_path, monkeypatch):
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))
    settings = Settings()  # read only: nothing is written
    # the file QSettings("Jacobian Explorer", "Jacobian Explorer") uses on Linux, read as the same INI text
    assert settings.store.fileName() == str(tmp_path / "Jacobian Explorer" / "Jacobian Explorer.conf")
    assert settings.store.format() == QSettings.Format.IniFormat
