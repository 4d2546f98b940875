"""Doctests of the package: those of the window (explorer/ui) get a QApplication, off-screen.

Every doctest also finds ``tmp_path`` (a folder of its own) in its namespace,
and ``app`` (the QApplication) when it is one of the window's.
"""

import os
from pathlib import Path

import pytest

os.environ["QT_QPA_PLATFORM"] = "offscreen"  # before anything imports Qt

UI = Path(__file__).parent / "ui"


@pytest.fixture(autouse=True)
def _doctest_context(request, doctest_namespace, tmp_path):
    doctest_namespace["tmp_path"] = tmp_path
    if UI in Path(request.node.path).parents:
        doctest_namespace["app"] = request.getfixturevalue("qapp")
