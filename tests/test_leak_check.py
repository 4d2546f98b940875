"""The suite's own leak check fails a test that leaves a window behind, however long the run before it."""

from pathlib import Path

import pytest

pytest_plugins = ["pytester"]

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def suite(pytester, monkeypatch):
    """A test run with this suite's configuration (``tests/conftest.py`` as a plugin) in a folder of its own."""
    monkeypatch.setenv("PYTHONPATH", str(ROOT))

    def run(source: str):
        pytester.makepyfile(test_sample=source)
        return pytester.runpytest_subprocess("-p", "tests.conftest", "-p", "no:randomly", "-p", "no:xdist", "-q")

    return run


def test_a_window_kept_alive_by_the_test_fails_it(suite):
    result = suite(
        """
        from PySide6.QtWidgets import QApplication, QMainWindow

        kept = []

        def test_keeps_a_window(qtbot):
            kept.append(QMainWindow())
            kept[-1].setWindowTitle("left behind")
            kept[-1].show()

        def test_deletes_its_window(qtbot):
            window = QMainWindow()
            window.show()
            window.deleteLater()
        """
    )
    result.assert_outcomes(passed=2, errors=1)
    result.stdout.fnmatch_lines(["*top-level widgets left undeleted by the test: QMainWindow('left behind')*"])


def test_a_window_in_a_reference_cycle_made_before_the_test_still_counts(suite):
    """Objects alive before a test are frozen out of the collector's sight; a window the test made is not."""
    result = suite(
        """
        import gc
        from PySide6.QtWidgets import QWidget

        class Holder:
            pass

        def test_cycle_made_in_the_test(qtbot):
            holder = Holder()
            holder.me = holder
            holder.widget = QWidget()  # parentless: deleted only when the cycle is collected
            holder.widget.show()
        """
    )
    result.assert_outcomes(passed=1)
