"""Names of a package loaded on first use (PEP 562), so that importing one light module of the package
(the model's file door, the engine's errors) does not import numpy and networkx with the rest.

The window's first frame is drawn before those are imported (:mod:`explorer.ui.shell.app`).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping
from typing import Any


def lazy_names(package: str, homes: Mapping[str, str]) -> Callable[[str], Any]:
    """A module ``__getattr__`` for ``package`` that imports each of ``homes`` (name → module) when first asked."""

    def __getattr__(name: str) -> Any:  # noqa: N807 (the module hook's own name)
        home = homes.get(name)
        if home is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(home), name)
        setattr(importlib.import_module(package), name, value)  # asked once: a plain attribute from now on
        return value

    return __getattr__
