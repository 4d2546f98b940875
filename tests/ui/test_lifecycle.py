"""A document owns its state and a window closes cleanly.

Opening another document ends the run of the old one, clears the lab's
plots and the Train dialog's result, and never lands the old run's weights
on the new one; undoing the edit that landed a run clears what it drew.
Closing a window mid-training, mid-background-job, or with every dock open
raises nothing, leaves no thread running, and the window is really deleted.
The lab's docks build their plots when first shown.
"""

import gc
import os
import threading
from collections import Counter

import numpy as np
import pytest
import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QObject, QThreadPool
from PySide6.QtWidgets import QApplication

from explorer.engine import Session
from explorer.model import edit as edits
from explorer.model import load_model
from explorer.resources import example_path
from explorer.ui.kit.theme import current_theme, themes
from tests.ui.scripted_dialogs import ScriptedDialogs

WAIT_MS = 60_000


def os_threads() -> set[int]:
    """The ids of this process's threads as the system lists them (Qt's pool threads included)."""
    return {int(task) for task in os.listdir("/proc/self/task")}


def delete(window) -> None:
    """Delete ``window`` now, as the event loop would: its deferred delete is flushed."""
    window.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


@pytest.fixture
def make_window(qtbot, settings, app_folder):
    """Windows on a bundled example, deleted at the end (the test may delete them first)."""
    from explorer.ui.shell.app import make_app, open_window

    make_app()
    made = []

    def opener(name="toy", *answers, show=True, settings_=None):
        dialogs = ScriptedDialogs(*answers, settings=settings_ or settings)
        win = open_window(
            Session(load_model(example_path(name))),
            dialogs=dialogs,
            settings=settings_ or settings,
            autosave_folder=app_folder / "autosave",
        )
        gone = []
        win.destroyed.connect(lambda *_: gone.append(True))
        win.gone = gone
        if show:
            win.resize(1200, 800)
            win.show()
            qtbot.waitExposed(win)
        made.append(win)
        return win

    yield opener
    for win in made:
        if win.gone:
            continue
        win.dialogs.answers.clear()
        if win.files.modified:
            win.dialogs.answer("unsaved_changes", "discard")
        win.close()
        delete(win)


@pytest.fixture
def baseline(make_window, qtbot):
    """Python's threads and the global pool's busy ones before the test's window.

    A window is shown and deleted first: Qt starts a few threads of its own for
    the first windows it paints (they idle out later), which are not a window's.
    """
    win = make_window("toy")
    win.learning_lab.reveal(win.learning_lab.loss_dock)
    win.grab()  # painted once
    win.close()
    delete(win)
    return set(threading.enumerate()), QThreadPool.globalInstance().activeThreadCount()


def assert_nothing_left(window, baseline, started, qtbot, capfd) -> None:
    """``window`` is deleted, every thread ``started`` for it has ended, and nothing was printed."""
    python_threads, pool = baseline
    assert window.gone == [True]  # the window really was deleted
    assert started  # the test did start threads: the check below means something
    # each was joined (QThread.wait); the system lists a joined thread a moment longer
    qtbot.waitUntil(lambda: not started & os_threads(), timeout=5000)
    assert set(threading.enumerate()) <= python_threads
    assert QThreadPool.globalInstance().activeThreadCount() <= pool
    # nothing of it still listens to the application: these reach no deleted object
    themes().changed.emit(current_theme().name)
    QApplication.instance().focusChanged.emit(None, None)
    err = capfd.readouterr().err
    assert "Traceback" not in err
    assert "RuntimeError" not in err


def start_long_run(lab, qtbot):
    assert lab.start_training(1_000_000, 0.01)
    qtbot.waitUntil(lambda: lab.worker.checks >= 2, timeout=WAIT_MS)  # one update at least
    assert lab.worker.active_threads == 1


def slow_job(started, seen):
    """A background job that runs until it is cancelled (a minute at most), like a long Jacobian.

    ``seen`` gets the thread it ran on (its system id), then how it ended.
    """

    def work(cancelled):
        seen.append(threading.get_native_id())
        started.set()
        for _ in range(60_000):
            if cancelled():
                seen.append("cancelled")
                return None
            threading.Event().wait(0.001)
        seen.append("ran out")
        return None

    return work


# -- closing ----------------------------------------------------------------------------------


def test_closing_a_window_mid_training_ends_the_run_and_deletes_the_window(make_window, baseline, qtbot, capfd):
    win = make_window("toy")
    lab = win.learning_lab
    ended = []
    lab.run_ended.connect(ended.append)
    before = os_threads()
    start_long_run(lab, qtbot)
    started = os_threads() - before
    win.close()
    assert not lab.training
    assert lab.worker.cancelled
    assert lab.worker.active_threads == 0  # the close waited for the run
    delete(win)
    assert ended == []  # nobody is told about a run of a closed window
    assert win.dialogs.asked == []
    assert_nothing_left(win, baseline, started, qtbot, capfd)


def test_closing_a_window_mid_background_job_cancels_it(make_window, baseline, qtbot, capfd):
    win = make_window("toy")
    began, seen = threading.Event(), []
    runner = win.inspector.runner
    runner.submit("a long Jacobian", slow_job(began, seen))
    assert began.wait(10)
    started = {seen[0]}
    assert runner.active_threads == 1
    win.close()
    assert seen[1:] == ["cancelled"]
    assert runner.active_threads == 0
    delete(win)
    assert_nothing_left(win, baseline, started, qtbot, capfd)


def test_closing_a_window_while_it_builds_a_large_jacobian(make_window, baseline, qtbot, capfd):
    from explorer.model import model_from_dict
    from explorer.ui.inspector.panel import TAB_JACOBIAN

    width, batch = 48, 48  # ∂H1/∂W1 is (48, 48, 48, 48): 5.3 M numbers, built in the background
    doc = {
        "format": "jacobian-explorer/model", "version": 1,
        "nodes": [
            {"id": "X", "op": "input", "value": np.ones((width, batch)).tolist()},
            {"id": "W1", "op": "param", "shape": [width, width], "init": {"kind": "normal", "seed": 1}},
            {"id": "H1", "op": "linear", "inputs": {"x": "X", "w": "W1"}},
            {"id": "Y", "op": "target", "value": np.zeros((width, batch)).tolist()},
            {"id": "L", "op": "half_sse", "inputs": {"pred": "H1", "target": "Y"}},
        ],
    }
    win = make_window("toy")
    win.controller.load(Session(model_from_dict(doc)))
    win.controller.select("W1")
    runner = win.inspector.runner
    began = threading.Event()
    submit = runner.submit

    threads = set()

    def submit_and_say(description, work):  # the job says where and when it has begun, then builds the Jacobian
        submit(description, lambda cancelled: (threads.add(threading.get_native_id()), began.set(), work(cancelled))[2])

    runner.submit = submit_and_say
    results = []
    runner.finished.connect(results.append)
    win.inspector.tabs.setCurrentIndex(TAB_JACOBIAN)
    assert began.wait(10)
    started = set(threads)
    win.close()  # waits for the numpy call it cannot interrupt, and drops its result
    assert runner.active_threads == 0
    QCoreApplication.sendPostedEvents()
    assert results == []
    delete(win)
    assert_nothing_left(win, baseline, started, qtbot, capfd)


def test_deleting_a_window_without_closing_it_still_stops_its_jobs(make_window, baseline, qtbot, capfd):
    win = make_window("toy")
    began, seen = threading.Event(), []
    win.inspector.runner.submit("a long Jacobian", slow_job(began, seen))
    assert began.wait(10)
    lab = win.learning_lab
    before = os_threads()
    start_long_run(lab, qtbot)  # the document's first run: a thread of its own
    started = (os_threads() - before) | {seen[0]}
    win.hide()
    delete(win)  # the runners go with it: each stops its job, and its pool waits for the thread
    assert seen[1:] == ["cancelled"]
    assert_nothing_left(win, baseline, started, qtbot, capfd)


def test_closing_a_window_with_every_dock_open_mid_run(make_window, baseline, qtbot, capfd):
    win = make_window("lab_deep_sigmoid")
    lab = win.learning_lab
    for dock in lab.docks:
        lab.reveal(dock)
    for index in range(win.inspector.tabs.count()):
        win.inspector.tabs.setCurrentIndex(index)
    win.controller.run_to_end()
    lab.show_train_dialog()
    before = os_threads()
    start_long_run(lab, qtbot)
    started = os_threads() - before
    win.close()
    assert not lab.dialog.isVisible()
    delete(win)
    assert_nothing_left(win, baseline, started, qtbot, capfd)


def test_a_deleted_window_leaves_no_widget_behind(qtbot, settings, app_folder):
    """Its dialogs, docks and pyqtgraph's parentless menus all go once nothing refers to the window;
    no Python wrapper of a live Qt object of it is left either."""
    from explorer.ui.shell.app import make_app, open_window

    make_app()

    def tops():
        gc.collect()
        return Counter(type(w).__name__ for w in QApplication.topLevelWidgets())

    def wrappers():
        gc.collect()
        # type(o), not isinstance: isinstance asks an object's __class__, and some (torch's deprecated aliases) warn
        return Counter(type(o).__name__ for o in gc.get_objects() if issubclass(type(o), QObject) and shiboken6.isValid(o))

    def use_and_close(gone):
        win = open_window(
            Session(load_model(example_path("toy"))),
            dialogs=ScriptedDialogs(("training_outcome", "discard"), settings=settings),
            settings=settings,
            autosave_folder=app_folder / "autosave",
        )
        win.destroyed.connect(lambda *_: gone.append(True))
        win.show()
        qtbot.waitExposed(win)
        lab = win.learning_lab
        for dock in lab.docks:
            lab.reveal(dock)
        lab.show_train_dialog()
        made = tops() - before
        start_long_run(lab, qtbot)
        win.close()
        delete(win)
        return made

    before, before_wrappers = tops(), wrappers()
    gone = []
    made = use_and_close(gone)
    assert gone == [True]
    assert made["MainWindow"] == 1
    assert made["TrainDialog"] == 1
    assert made["QMenu"] > 0
    assert tops() - before == Counter()
    assert wrappers() - before_wrappers == Counter()


# -- one document owns its runs and plots --------------------------------------------------------


def test_opening_another_document_mid_run_ends_it_and_lands_nothing(make_window, qtbot):
    win = make_window("toy")
    lab, c = win.learning_lab, win.controller
    ended = []
    lab.run_ended.connect(ended.append)
    lab.show_train_dialog()
    start_long_run(lab, qtbot)
    old_worker = lab.worker
    assert win.files.open_example("regression")
    assert old_worker.cancelled
    assert old_worker.active_threads == 0
    assert not lab.training
    QCoreApplication.sendPostedEvents()  # anything the old run had reported is delivered (and dropped)
    fresh = load_model(example_path("regression"))
    for p in fresh.params:
        assert np.array_equal(c.model.value(p), fresh.value(p))  # the weights are the file's
    assert c.undo_stack.count() == 0
    assert ended == []
    assert win.dialogs.asked == []
    assert len(lab.loss_plot.data()[0]) == 0
    assert lab.dialog.loss_label.text() == "Not started"
    assert lab.dialog.train_button.isEnabled()
    assert lab.start_training(5, 0.01)  # the new document trains on its own
    with qtbot.waitSignal(lab.run_ended, timeout=WAIT_MS):
        pass


def test_a_finished_run_is_forgotten_when_another_document_opens(make_window, qtbot):
    win = make_window("lab_deep_sigmoid")
    lab = win.learning_lab
    lab.show_train_dialog()
    lab.reveal(lab.grad_dock)
    with qtbot.waitSignal(lab.run_ended, timeout=WAIT_MS):
        lab.start_training(30, 0.01)
    assert len(lab.grad_plot.history_curves) == 6  # W₁ … W₆
    assert "Trained 30 iterations" in lab.dialog.loss_label.text()
    assert len(lab.loss_plot.data()[1]) == 31
    win.dialogs.answer("unsaved_changes", "discard")
    assert win.files.open_example("toy")
    assert lab.grad_plot.history_data() is None
    assert lab.grad_plot.history_curves == []
    assert len(lab.loss_plot.data()[1]) == 0
    assert "Trained" not in lab.dialog.loss_label.text()


def test_undoing_a_run_clears_its_curves_and_redo_brings_them_back(make_window, qtbot):
    win = make_window("toy")
    lab, c = win.learning_lab, win.controller
    with qtbot.waitSignal(lab.run_ended, timeout=WAIT_MS) as ended:
        lab.start_training(20, 0.01)
    result = ended.args[0]
    lab.reveal(lab.grad_dock)
    assert len(lab.loss_plot.data()[1]) == len(result.loss)
    assert lab.grad_plot.history_data() is not None
    c.undo_stack.undo()
    assert len(lab.loss_plot.data()[1]) == 0
    assert lab.grad_plot.history_data() is None
    c.undo_stack.redo()
    assert np.array_equal(lab.loss_plot.data()[1], result.loss)
    assert lab.grad_plot.history_data() is not None
    c.undo_stack.undo()
    assert c.edit("Set loss", edits.set_loss, "sse")  # a new edit: the run's is gone from the history
    assert len(lab.loss_plot.data()[1]) == 0


def test_undoing_a_diverged_run_kept_at_its_last_finite_weights_clears_it(make_window, qtbot):
    win = make_window("regression", ("training_outcome", "keep"))
    lab, c = win.learning_lab, win.controller
    with qtbot.waitSignal(lab.run_ended, timeout=WAIT_MS) as ended:
        lab.start_training(500, 0.35)
    assert ended.args[0].status == "diverged"
    assert c.undo_stack.count() == 1
    assert len(lab.loss_plot.data()[1]) > 0
    c.undo_stack.undo()
    assert len(lab.loss_plot.data()[1]) == 0


def test_a_result_of_a_closed_document_never_lands(make_window, qtbot):
    """Even a result already on its way when the document closes is dropped."""
    from explorer.train.loop import train

    win = make_window("toy")
    lab, c = win.learning_lab, win.controller
    old_runs = lab.runs
    result = train(c.model, 5, 0.1)
    assert win.files.open_example("regression")
    old_runs._on_finished(result)  # as the old worker would report it
    assert c.undo_stack.count() == 0
    assert win.dialogs.asked == []


# -- the document ----------------------------------------------------------------------------


def test_each_document_has_its_own_undo_history_and_the_window_follows(make_window):
    win = make_window("toy")
    c = win.controller
    first = c.document
    assert c.edit("Set loss", edits.set_loss, "sse")
    assert win.undo_action.isEnabled()
    replaced, closing = [], []
    c.document_replaced.connect(replaced.append)
    first.closing.connect(lambda: closing.append(c.document is first))
    win.dialogs.answer("unsaved_changes", "discard")
    assert win.files.open_example("regression")
    assert closing == [True]  # the old one closed before the new one was shown
    assert replaced == [c.document]
    assert c.document is not first
    assert first.closed
    assert c.undo_stack is c.document.undo_stack
    assert c.undo_stack.count() == 0
    assert not win.undo_action.isEnabled()
    assert c.document.kind == "model"
    assert c.document.path.endswith("regression.json")
    assert not win.files.modified


def test_a_document_closes_once_and_takes_its_autosave(qapp, tmp_path):
    from explorer.ui.document.document import Document

    document = Document(str(tmp_path / "m.json"), "model")
    autosave = document.start_autosave(lambda: "{}", tmp_path / "autosave")
    assert autosave.write_now()
    assert autosave.autosave_path.is_file()
    closing = []
    document.closing.connect(lambda: closing.append(True))
    document.close()
    document.close()
    assert closing == [True]
    assert not autosave.autosave_path.exists()
    with pytest.raises(ValueError, match="model or a snapshot"):
        Document(None, "picture")


# -- the lab's docks are built when first shown ---------------------------------------------------------


def test_the_lab_builds_no_plot_until_a_dock_is_shown(make_window, qtbot):
    from explorer.ui.lab.plots import GradNormPlot, LossPlot

    win = make_window("toy")
    lab = win.learning_lab
    assert not any(dock.is_built for dock in lab.docks)
    assert win.findChildren(LossPlot) == []
    assert win.findChildren(GradNormPlot) == []
    win.controller.run_to_end()
    lab.grad_dock.toggleViewAction().trigger()
    qtbot.waitUntil(lambda: lab.grad_dock.is_built, timeout=5000)
    assert len(win.findChildren(GradNormPlot)) == 1
    assert len(lab.grad_plot.depth_data()[1]) == 3  # drawn from the pass as it stands
    assert not lab.loss_dock.is_built
    assert lab.grad_plot.depth_plot.getViewBox().menu is None  # made with its menu off


def test_docks_remembered_open_are_built_once_the_window_shows(make_window, qtbot, settings):
    win = make_window("toy")
    win.learning_lab.reveal(win.learning_lab.loss_dock)
    win.save_layout()
    again = make_window("toy", show=False)
    lab = again.learning_lab
    assert not lab.loss_dock.is_built  # not while the window is built
    again.show()
    qtbot.waitExposed(again)
    qtbot.waitUntil(lambda: lab.loss_dock.is_built, timeout=5000)
    assert not lab.activation_dock.is_built


def test_a_window_never_closed_leaves_the_interpreter_quietly(tmp_path):
    """An API user's window still open when Python exits: Qt destroys it then, its toolbars hiding one by
    one; the layout's filter used to reach for the dead window and print an internal error."""
    import subprocess
    import sys
    import textwrap

    code = textwrap.dedent(
        f"""
        import os
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
        from pathlib import Path
        from explorer.engine import Session
        from explorer.model.examples import toy_model
        from explorer.ui.kit.settings import Settings
        from explorer.ui.shell.app import make_app, open_window

        app = make_app(quiet=True)
        folder = Path({str(tmp_path)!r})
        window = open_window(Session(toy_model()), settings=Settings(folder / "x.ini"), autosave_folder=folder / "a")
        window.show()
        app.processEvents()
        """
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0
    assert result.stderr == ""
