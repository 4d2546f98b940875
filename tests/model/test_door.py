"""The one door in and out (explorer/model/door.py): what it refuses, what it never follows, what it never blocks on."""

import errno
import os
import stat
import threading

import pytest

from explorer.model import door
from explorer.model.door import (
    Refused,
    atomic_stream,
    check_distinct,
    clear_lock_name,
    kind_of,
    read_bytes,
    set_aside,
    shown_path,
    write_atomic,
)


def names(folder):
    return sorted(p.name for p in folder.iterdir())


# -- writing ---------------------------------------------------------------------------------------


def test_a_link_planted_at_every_temporary_name_is_never_followed(tmp_path, monkeypatch):
    victim = tmp_path / "victim.txt"
    victim.write_text("precious")
    monkeypatch.setattr(door.secrets, "token_hex", lambda n: "0" * (2 * n))  # the name made predictable
    (tmp_path / f".out.json.{'0' * 16}.tmp").symlink_to(victim)
    with pytest.raises(Refused, match="temporary file"):
        write_atomic(tmp_path / "out.json", "{}")
    assert victim.read_text() == "precious"
    assert not (tmp_path / "out.json").exists()


def test_the_temporary_name_is_unpredictable_and_created_exclusively(tmp_path, monkeypatch):
    seen = []
    real_open = os.open

    def spy(path, flags, *args):
        seen.append((os.path.basename(path), flags))
        return real_open(path, flags, *args)

    monkeypatch.setattr(door.os, "open", spy)
    write_atomic(tmp_path / "a.json", "1")
    write_atomic(tmp_path / "a.json", "2")
    created = [(name, flags) for name, flags in seen if flags & os.O_CREAT]
    assert len(created) == 2
    assert created[0][0] != created[1][0]
    for _name, flags in created:
        assert flags & os.O_EXCL
        assert flags & os.O_NOFOLLOW
    assert (tmp_path / "a.json").read_text() == "2"
    assert names(tmp_path) == ["a.json"]


@pytest.mark.parametrize("kind", ["pipe", "folder", "device"])
def test_anything_but_a_regular_file_is_refused_and_left(tmp_path, kind):
    target = tmp_path / "out"
    if kind == "pipe":
        os.mkfifo(target)
    elif kind == "folder":
        target.mkdir()
    else:
        try:
            os.mknod(target, stat.S_IFCHR | 0o666, os.makedev(1, 3))
        except PermissionError:
            pytest.skip("making a device node needs root")
    before = os.lstat(target).st_mode
    with pytest.raises(Refused, match="not a regular file"):
        write_atomic(target, "x")
    assert os.lstat(target).st_mode == before
    assert names(tmp_path) == ["out"]


def test_without_following_a_link_the_link_is_replaced_and_its_target_untouched(tmp_path):
    victim = tmp_path / "victim"
    victim.write_text("precious")
    (tmp_path / "auto.json").symlink_to(victim)
    write_atomic(tmp_path / "auto.json", "mine", follow_link=False)
    assert victim.read_text() == "precious"
    assert not (tmp_path / "auto.json").is_symlink()
    assert (tmp_path / "auto.json").read_text() == "mine"


def test_a_stream_that_fails_leaves_the_old_file_and_no_temporary_file(tmp_path):
    target = tmp_path / "log.csv"
    target.write_text("old")
    def fails_half_way():
        with atomic_stream(target) as stream:
            stream.write(b"new rows")
            raise ValueError("half way")

    with pytest.raises(ValueError, match="half way"):
        fails_half_way()
    assert target.read_text() == "old"
    assert names(tmp_path) == ["log.csv"]


def test_a_target_turned_into_a_pipe_before_the_rename_is_left(tmp_path):
    target = tmp_path / "log.csv"
    def pipe_planted_meanwhile():
        with atomic_stream(target) as stream:
            stream.write(b"rows")
            os.mkfifo(target)  # someone plants a pipe while the log is being written

    with pytest.raises(Refused, match="no longer a regular file"):
        pipe_planted_meanwhile()
    assert stat.S_ISFIFO(os.lstat(target).st_mode)
    assert names(tmp_path) == ["log.csv"]


# -- one file under two names --------------------------------------------------------------------


def test_two_names_of_one_file_are_the_same_through_links_and_spellings(tmp_path):
    (tmp_path / "m.json").write_text("{}")
    os.link(tmp_path / "m.json", tmp_path / "hard.json")
    (tmp_path / "soft.json").symlink_to("m.json")
    (tmp_path / "sub").mkdir()
    for other in ("hard.json", "soft.json", "sub/../m.json"):
        with pytest.raises(Refused, match="same file"):
            check_distinct([("--log", tmp_path / other)], [("the model", tmp_path / "m.json")])
    with pytest.raises(Refused, match="same file"):  # neither exists yet: the same path
        check_distinct([("--out", tmp_path / "new.json"), ("--log", tmp_path / "sub" / ".." / "new.json")])
    check_distinct([("--out", tmp_path / "a"), ("--log", tmp_path / "b")], [("the model", tmp_path / "m.json")])


# -- reading ---------------------------------------------------------------------------------------


def test_reading_a_pipe_is_refused_without_blocking(tmp_path):
    os.mkfifo(tmp_path / "p")
    done = []
    thread = threading.Thread(target=lambda: done.append(pytest.raises(Refused, read_bytes, tmp_path / "p", 100)))
    thread.start()
    thread.join(10)
    assert done, "reading a pipe blocked"


def test_reading_stops_at_the_bound(tmp_path):
    (tmp_path / "big").write_bytes(b"x" * 101)
    with pytest.raises(Refused, match="limit is 100"):
        read_bytes(tmp_path / "big", 100)
    assert read_bytes(tmp_path / "big", 101) == b"x" * 101


def test_an_endless_device_is_refused_before_a_byte_is_read(tmp_path):
    (tmp_path / "zero").symlink_to("/dev/zero")
    with pytest.raises(Refused, match="not a regular file"):
        read_bytes(tmp_path / "zero", 10**9)


def test_kind_of_never_raises(tmp_path):
    assert kind_of(tmp_path / ("x" * 5000)).startswith("unreachable: name too long")
    assert kind_of(tmp_path / "absent") is None
    (tmp_path / "loop").symlink_to("loop")
    assert kind_of(tmp_path / "loop") == "link to something else"


# -- set aside, never deleted ----------------------------------------------------------------------


def test_set_aside_renames_whatever_is_there(tmp_path):
    os.mkfifo(tmp_path / "settings.conf")
    aside = set_aside(tmp_path / "settings.conf")
    assert aside.name.startswith("settings.conf.unusable-")
    assert stat.S_ISFIFO(os.lstat(aside).st_mode)
    assert not os.path.lexists(tmp_path / "settings.conf")


def test_a_lock_name_keeps_a_small_file_and_sets_aside_the_rest(tmp_path):
    (tmp_path / "a.lock").write_text("123\nexplorer\nhost\n")
    assert clear_lock_name(tmp_path / "a.lock")
    assert (tmp_path / "a.lock").is_file()
    with open(tmp_path / "b.lock", "wb") as stream:
        stream.truncate(10**9)
    os.mkfifo(tmp_path / "c.lock")
    assert clear_lock_name(tmp_path / "b.lock")
    assert clear_lock_name(tmp_path / "c.lock")
    assert [n.split(".unusable-")[0] for n in names(tmp_path)] == ["a.lock", "b.lock", "c.lock"]
    assert not os.path.lexists(tmp_path / "b.lock")


# -- messages --------------------------------------------------------------------------------------


def test_a_path_is_shown_short_and_a_name_that_is_not_utf8_with_replacement_characters():
    assert shown_path(os.fsdecode(b"mod\xe8le.json")) == "mod\ufffdle.json"
    long = shown_path("/" + "d/" * 5000 + "m.json")
    assert len(long) <= door.SHOWN_PATH + 2
    assert long.endswith("m.json")
    assert door.reason(OSError(errno.ENAMETOOLONG, "File name too long")) == "name too long"
    assert door.reason(OSError(errno.EROFS, "Read-only file system")) == "read-only file system"
