"""A set of files is written all or nothing (issue 6, item 10)."""

import errno
import os
from pathlib import Path

import pytest

from explorer.export import FileSetError, write_file_set


def listing(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def entries(folder: Path) -> list[str]:
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*"))


def test_writes_every_file_into_a_new_folder(tmp_path):
    write_file_set(tmp_path / "out", {"a.txt": "ä\n", "b.bin": b"\x00\x01", "c.json": lambda f: f.write(b"{}")})
    assert listing(tmp_path / "out") == {"a.txt": "ä\n".encode(), "b.bin": b"\x00\x01", "c.json": b"{}"}
    assert entries(tmp_path) == ["out", "out/a.txt", "out/b.bin", "out/c.json"]  # no temporary folder left


def test_creates_missing_parents(tmp_path):
    write_file_set(tmp_path / "x" / "y" / "out", {"a": "1"})
    assert (tmp_path / "x" / "y" / "out" / "a").read_text() == "1"


def test_replaces_its_own_names_and_keeps_other_files(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    (out / "a.txt").write_text("old")
    (out / "notes.txt").write_text("mine")
    write_file_set(out, {"a.txt": "new"})
    assert listing(out) == {"a.txt": b"new", "notes.txt": b"mine"}
    assert entries(tmp_path) == ["out", "out/a.txt", "out/notes.txt"]


def _fails_half_way(stream):
    stream.write(b"half of it")
    raise OSError(errno.ENOSPC, "No space left on device")


def test_a_write_failing_half_way_leaves_nothing_in_a_new_folder(tmp_path):
    with pytest.raises(OSError, match="No space"):
        write_file_set(tmp_path / "a" / "b" / "out", {"first.json": "{}", "second.png": _fails_half_way, "third": "x"})
    assert entries(tmp_path) == []  # not the folder, not its parents, not the temporary folder


def test_a_write_failing_half_way_leaves_an_older_export_untouched(tmp_path):
    out = tmp_path / "out"
    write_file_set(out, {"snapshot.json": "old snapshot", "graph.png": b"old png"})
    with pytest.raises(OSError, match="No space"):
        write_file_set(out, {"snapshot.json": "new snapshot", "graph.png": _fails_half_way})
    assert listing(out) == {"snapshot.json": b"old snapshot", "graph.png": b"old png"}
    assert entries(tmp_path) == ["out", "out/graph.png", "out/snapshot.json"]


def test_any_exception_from_a_writer_cleans_up(tmp_path):
    def boom(stream):
        stream.write(b"x")
        raise ValueError("a bug")

    with pytest.raises(ValueError, match="a bug"):
        write_file_set(tmp_path / "out", {"a": "1", "b": boom})
    assert entries(tmp_path) == []


def test_a_regular_file_as_the_folder_is_refused_and_untouched(tmp_path):
    target = tmp_path / "out"
    target.write_text("precious")
    with pytest.raises(FileSetError, match="not a folder"):
        write_file_set(target, {"a": "1"})
    assert target.read_text() == "precious"
    assert entries(tmp_path) == ["out"]


def test_a_folder_in_the_way_of_a_file_is_refused(tmp_path):
    (tmp_path / "out" / "a").mkdir(parents=True)
    with pytest.raises(FileSetError, match="is a folder"):
        write_file_set(tmp_path / "out", {"b": "2", "a": "1"})
    assert entries(tmp_path) == ["out", "out/a"]


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only folders")
def test_a_read_only_parent_is_an_oserror_and_leaves_nothing(tmp_path):
    parent = tmp_path / "locked"
    parent.mkdir()
    parent.chmod(0o500)
    try:
        with pytest.raises(PermissionError):
            write_file_set(parent / "out", {"a": "1"})
        assert entries(parent) == []
    finally:
        parent.chmod(0o700)


def test_a_name_with_a_folder_part_is_refused(tmp_path):
    with pytest.raises(ValueError, match="plain file name"):
        write_file_set(tmp_path / "out", {"../escape": "1"})
    assert entries(tmp_path) == []
