"""Background work coalesces, stops when cancelled, and quitting mid-job prints nothing."""

import subprocess
import sys
import textwrap
import threading
import time

import pytest
from PySide6.QtCore import QCoreApplication

from explorer.ui.kit.workers import BackgroundRunner, Cancelled


def test_twenty_quick_requests_run_at_most_two_jobs(qtbot):
    runner = BackgroundRunner()
    release = threading.Event()
    ran = []

    def work(k):
        def job(cancelled):
            ran.append(k)
            release.wait(5)
            return k

        return job

    results = []
    runner.finished.connect(results.append)
    for k in range(20):
        runner.submit(f"build {k}", work(k))
    release.set()
    qtbot.waitUntil(lambda: results == [19], timeout=10_000)
    runner.wait_all()
    QCoreApplication.sendPostedEvents()  # what the jobs reported, delivered
    assert runner.jobs_started <= 2
    assert ran[-1] == 19  # the newest request is the one that ran last
    assert len(ran) <= 2
    assert results == [19]  # only the newest result arrives


def test_cancel_stops_a_chunked_job_between_chunks(qtbot):
    runner = BackgroundRunner()
    chunks_done = []
    started = threading.Event()

    def chunked(cancelled):
        for k in range(1000):
            if cancelled():
                raise Cancelled
            chunks_done.append(k)
            started.set()
            time.sleep(0.005)
        return "all"

    results = []
    runner.finished.connect(results.append)
    with qtbot.waitSignal(runner.cancelled):
        runner.submit("chunked", chunked)
        assert started.wait(5)
        runner.cancel()
    assert runner.wait_all(5000)
    QCoreApplication.sendPostedEvents()  # a late result would arrive now
    assert len(chunks_done) < 200  # stopped early: 1000 chunks take 5 s
    assert results == []
    assert not runner.busy


def test_a_cancelled_request_that_had_not_started_never_runs(qtbot):
    runner = BackgroundRunner()
    release = threading.Event()
    ran = []
    runner.submit("first", lambda cancelled: (ran.append("first"), release.wait(5)))
    runner.submit("second", lambda cancelled: ran.append("second"))
    runner.cancel()
    release.set()
    assert runner.wait_all(5000)
    QCoreApplication.sendPostedEvents()  # the first job's end: a pending second would start here
    assert runner.wait_all(5000)
    assert "second" not in ran  # the first may or may not have started before the cancel


def test_a_failing_job_reports_one_line():
    from explorer.engine import EngineError

    runner = BackgroundRunner()
    messages = []
    runner.failed.connect(messages.append)

    def fails(cancelled):
        raise EngineError("too big")

    runner.submit("x", fails)
    runner.wait_all(5000)
    from PySide6.QtWidgets import QApplication

    deadline = time.monotonic() + 5
    while not messages and time.monotonic() < deadline:
        QApplication.processEvents()
    assert messages == ["too big"]


@pytest.mark.parametrize("how", ["close the window", "quit the application"])
def test_closing_the_window_during_a_job_prints_nothing(how):
    """Quit while a chunked build runs: no "Error calling Python override", nothing on stderr."""
    script = textwrap.dedent(
        f'''
        import os, time
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
        from PySide6.QtCore import QTimer
        from explorer.engine import Session
        from explorer.model.examples import toy_model
        from explorer.ui.shell.app import QuietDialogs, make_app, open_window
        app = make_app(quiet=True)
        window = open_window(Session(toy_model()), dialogs=QuietDialogs())
        window.show()

        def slow(cancelled):
            for _ in range(400):
                if cancelled():
                    break
                time.sleep(0.005)
            return ("jacobian", None, None)

        window.inspector.runner.submit("slow", slow)
        window.inspector.runner.submit("slower", lambda cancelled: (time.sleep(0.3), ("jacobian", None, None))[1])
        if {how!r} == "close the window":
            QTimer.singleShot(50, window.close)
        QTimer.singleShot(80, app.quit)
        app.exec()
        del window
        print("closed")
        '''
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "closed"
    assert result.stderr == ""
