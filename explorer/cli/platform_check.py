"""Before the window opens on X11: are the system libraries Qt's xcb platform needs there?

Without them Qt aborts with "no Qt platform plugin could be initialized",
often blaming a library that is installed. This module (no Qt) loads each
library the xcb plugin links against and names the missing ones with the
Debian/Ubuntu command that installs them.
"""

from __future__ import annotations

import ctypes
import os
import sys
from collections.abc import Callable, Mapping

#: What PySide6's ``libqxcb.so`` and ``libQt6XcbQpa.so.6`` link against (``ldd``), with the Debian package of each.
XCB_LIBRARIES: dict[str, str] = {
    "libxcb.so.1": "libxcb1",
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-render.so.0": "libxcb-render0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-util.so.1": "libxcb-util1",
    "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libX11.so.6": "libx11-6",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libGL.so.1": "libgl1",
    "libEGL.so.1": "libegl1",
    "libfontconfig.so.1": "libfontconfig1",
    "libfreetype.so.6": "libfreetype6",
    "libdbus-1.so.3": "libdbus-1-3",
    "libglib-2.0.so.0": "libglib2.0-0",
}

#: The one line of the README that installs them all.
APT_LINE = "sudo apt-get install " + " ".join(dict.fromkeys(XCB_LIBRARIES.values()))


def uses_xcb(environ: Mapping[str, str] | None = None, platform: str | None = None) -> bool:
    """True when Qt would open the window through xcb (X11) on Linux.

    >>> uses_xcb({"DISPLAY": ":0"}, "linux")
    True
    >>> uses_xcb({"DISPLAY": ":0", "QT_QPA_PLATFORM": "offscreen"}, "linux")
    False
    """
    env = os.environ if environ is None else environ
    if not (platform or sys.platform).startswith("linux"):
        return False
    chosen = env.get("QT_QPA_PLATFORM", "")
    if chosen:
        return chosen.split(":")[0] == "xcb"
    if env.get("WAYLAND_DISPLAY") and env.get("XDG_SESSION_TYPE") == "wayland":
        return False  # Qt picks its wayland platform on a wayland session
    return bool(env.get("DISPLAY"))


def _loads(name: str) -> bool:
    try:
        ctypes.CDLL(name)
    except OSError:
        return False
    return True


def missing_libraries(loads: Callable[[str], bool] | None = None) -> list[str]:
    """The libraries of :data:`XCB_LIBRARIES` that ``loads`` (default: :func:`ctypes.CDLL`) cannot load."""
    loads = loads or _loads
    return [name for name in XCB_LIBRARIES if not loads(name)]


def xcb_problem(
    environ: Mapping[str, str] | None = None,
    platform: str | None = None,
    loads: Callable[[str], bool] | None = None,
) -> str | None:
    """One line naming the missing libraries and the command that installs them, or ``None`` when all is well.

    >>> xcb_problem({"DISPLAY": ":0"}, "linux", loads=lambda name: name != "libxcb-icccm.so.4")
    "the window needs libxcb-icccm.so.4, which Qt's X11 (xcb) platform cannot load; install it with: sudo apt-get install libxcb-icccm4 (Debian/Ubuntu; the README lists every library it needs)"
    """
    if not uses_xcb(environ, platform):
        return None
    missing = missing_libraries(loads)
    if not missing:
        return None
    packages = " ".join(dict.fromkeys(XCB_LIBRARIES[name] for name in missing))
    which = "it" if len(missing) == 1 else "them"
    return (
        f"the window needs {', '.join(missing)}, which Qt's X11 (xcb) platform cannot load; "
        f"install {which} with: sudo apt-get install {packages} (Debian/Ubuntu; the README lists every library it needs)"
    )
