"""Before the window opens on X11, missing system libraries are named with the command that installs them."""

import ctypes

import pytest

from explorer.cli.platform_check import APT_LINE, XCB_LIBRARIES, missing_libraries, uses_xcb, xcb_problem

X11 = {"DISPLAY": ":0"}


@pytest.mark.parametrize(
    ("env", "expected"),
    [
        ({"DISPLAY": ":0"}, True),
        ({"DISPLAY": ":0", "QT_QPA_PLATFORM": "xcb"}, True),
        ({"DISPLAY": ":0", "QT_QPA_PLATFORM": "offscreen"}, False),
        ({"QT_QPA_PLATFORM": "xcb"}, True),
        ({}, False),
        ({"DISPLAY": ":0", "WAYLAND_DISPLAY": "wayland-0", "XDG_SESSION_TYPE": "wayland"}, False),
        ({"DISPLAY": ":0", "WAYLAND_DISPLAY": "wayland-0", "XDG_SESSION_TYPE": "wayland", "QT_QPA_PLATFORM": "xcb"}, True),
    ],
)
def test_when_qt_uses_xcb(env, expected):
    assert uses_xcb(env, "linux") is expected


def test_not_on_other_systems():
    assert uses_xcb({"DISPLAY": ":0"}, "darwin") is False
    assert xcb_problem({"DISPLAY": ":0"}, "darwin", loads=lambda name: False) is None


def test_a_missing_library_is_named_with_its_package():
    line = xcb_problem(X11, "linux", loads=lambda name: name != "libxcb-keysyms.so.1")
    assert line is not None
    assert "\n" not in line
    assert "libxcb-keysyms.so.1" in line
    assert "sudo apt-get install libxcb-keysyms1 " in line


def test_every_missing_library_is_named():
    line = xcb_problem(X11, "linux", loads=lambda name: name not in ("libxcb-icccm.so.4", "libxcb-cursor.so.0"))
    assert "libxcb-cursor.so.0, libxcb-icccm.so.4" in line
    assert "sudo apt-get install libxcb-cursor0 libxcb-icccm4 " in line


def test_nothing_to_say_when_all_load_or_xcb_is_not_used():
    assert xcb_problem(X11, "linux", loads=lambda name: True) is None
    assert xcb_problem({"QT_QPA_PLATFORM": "offscreen", "DISPLAY": ":0"}, "linux", loads=lambda name: False) is None


def test_the_default_loader_really_loads(monkeypatch):
    tried = []

    def fake_cdll(name):
        tried.append(name)
        if name == "libxcb-icccm.so.4":
            raise OSError(f"{name}: cannot open shared object file")
        return object()

    monkeypatch.setattr(ctypes, "CDLL", fake_cdll)
    assert missing_libraries() == ["libxcb-icccm.so.4"]
    assert tried == list(XCB_LIBRARIES)


def test_the_readme_holds_the_apt_line():
    from pathlib import Path

    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    assert APT_LINE in readme
    for package in ("libxcb-cursor0", "libxcb-icccm4", "libxcb-keysyms1", "libxkbcommon-x11-0"):
        assert package in APT_LINE
