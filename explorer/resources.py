"""Where the bundled resources (example models, icons) are, installed or not.

A wheel carries ``resources/`` inside the package (``explorer/resources``);
a source checkout or an editable install keeps it beside the package.
"""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def resources_dir() -> Path:
    """The resources folder; raises ``FileNotFoundError`` if the install lost it."""
    for candidate in (_PACKAGE / "resources", _PACKAGE.parent / "resources"):
        if (candidate / "examples").is_dir():
            return candidate
    raise FileNotFoundError(f"the resources folder is missing beside {_PACKAGE}")


def example_path(name: str) -> Path:
    """The path of a bundled example model, e.g. ``example_path("toy")``."""
    path = resources_dir() / "examples" / f"{name}.json"
    if not path.is_file():
        raise FileNotFoundError(f"no example named {name!r} in {path.parent}")
    return path
