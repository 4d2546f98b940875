"""Help → Lecture tour: each stop moves the window to its example, step, node, tab and local derivative."""

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextDocumentFragment
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from explorer.lesson.tour import TABS, TOUR
from explorer.resources import example_path
from tests.ui.settle import settle


def _key(window, key):
    """A key press as a person's: to the focus widget, the window's shortcuts first."""
    window.activateWindow()
    QTest.keyClick(QApplication.focusWidget() or window, key)


def _plain(label) -> str:
    """What a rich-text label reads."""
    return QTextDocumentFragment.fromHtml(label.text()).toPlainText()


def _assert_at(window, number):
    """The window shows stop ``number`` (from 0) as the tour's data says."""
    stop = TOUR[number]
    tour = window.classroom.tour
    controller, inspector = window.controller, window.inspector
    assert tour.index == number
    assert Path(controller.path).resolve() == example_path(stop.example).resolve()
    assert controller.session.current.phase == stop.phase
    assert controller.session.current.node == stop.at
    assert controller.selected == stop.node
    assert inspector.node == stop.node
    assert inspector.tabs.currentIndex() == TABS.index(stop.tab)
    if stop.pair is not None:
        assert tuple(inspector.pair_combo.currentData()) == stop.pair
    panel = tour.panel
    assert panel.ko_label.isVisible()
    assert _plain(panel.ko_label) == stop.ko.replace("_", "")  # the lecture's w_kj shows as w with a subscript kj
    assert _plain(panel.en_label) == stop.en.replace("_", "")
    assert f"{number + 1}/{len(TOUR)}" in panel.stop_label.text()
    if stop.slide:
        assert f"({stop.slide})" in panel.stop_label.text()


def test_the_tour_walks_its_stops_with_page_down_and_back_with_page_up(make_window, qtbot):
    window = make_window()  # the toy network: the tour opens the single layer for the slides
    tour = window.classroom.tour
    window.classroom.tour_action.trigger()
    settle()
    assert tour.active
    assert tour.dock.isVisible()
    _assert_at(window, 0)
    for number in range(1, len(TOUR)):
        _key(window, Qt.Key.Key_PageDown)
        settle()
        _assert_at(window, number)
    assert not tour.panel.next_button.isEnabled()
    _key(window, Qt.Key.Key_PageDown)  # past the last stop: nothing
    assert tour.index == len(TOUR) - 1
    for number in range(len(TOUR) - 2, -1, -1):
        _key(window, Qt.Key.Key_PageUp)
        settle()
        _assert_at(window, number)
    assert not tour.panel.back_button.isEnabled()


def test_the_buttons_move_and_show_the_jacobian_the_slide_speaks_of(make_window, qtbot):
    window = make_window()
    tour = window.classroom.tour
    tour.start(2)  # 3/8: ∂Ŷ/∂W
    tour.panel.next_button.click()  # 4/8: two 3×2 slices (h, 0) and (0, h)
    settle()
    _assert_at(window, 3)
    view = window.inspector.jacobian_view
    assert view.slice_titles() == ["∂ŷ₁/∂W", "∂ŷ₂/∂W"]
    assert view.shown_slice(0).tolist() == [[1.0, 0.0], [2.0, 0.0], [3.0, 0.0]]
    assert view.shown_slice(1).tolist() == [[0.0, 1.0], [0.0, 2.0], [0.0, 3.0]]
    tour.panel.back_button.click()
    _assert_at(window, 2)


def test_esc_leaves_the_tour_and_the_window_stays_usable(make_window, qtbot):
    window = make_window()
    tour = window.classroom.tour
    tour.start(4)
    settle()
    _key(window, Qt.Key.Key_Escape)
    assert not tour.active
    assert not tour.dock.isVisible()
    assert not tour.next_action.isEnabled()
    assert not window.classroom.escape_action.isEnabled()
    position = window.controller.session.position
    _key(window, Qt.Key.Key_PageDown)  # the tour's keys are off
    assert tour.index is None
    _key(window, Qt.Key.Key_Left)  # the step keys still step
    assert window.controller.session.position == position - 1
    window.classroom.tour_action.trigger()  # and the tour starts again from the first slide
    _assert_at(window, 0)
    tour.panel.close_button.click()
    assert not tour.active


def test_esc_leaves_presentation_first_then_the_tour(make_window, qtbot):
    window = make_window()
    classroom = window.classroom
    classroom.tour.start()
    classroom.presentation.enter(full_screen=False)
    settle()
    assert classroom.tour.dock.isVisible()  # the tour stays on the projector
    _key(window, Qt.Key.Key_Escape)
    assert not classroom.presentation.active
    assert classroom.tour.active
    settle()
    assert classroom.tour.dock.isVisible()
    _key(window, Qt.Key.Key_Escape)
    assert not classroom.tour.active


def test_a_tour_started_while_presenting_stays_when_presentation_is_left(make_window, qtbot):
    window = make_window()
    classroom = window.classroom
    classroom.presentation.enter(full_screen=False)
    classroom.tour.start(3)
    settle()
    classroom.presentation.leave()
    settle()
    assert classroom.tour.active
    assert classroom.tour.dock.isVisible()
    _assert_at(window, 3)


def test_a_tour_started_while_presenting_goes_with_the_docks_left_behind(make_window, qtbot):
    window = make_window()
    classroom = window.classroom
    classroom.presentation.enter(full_screen=False)
    classroom.tour.start(1)
    settle()
    classroom.tour.close()
    classroom.presentation.leave()
    settle()
    assert not classroom.tour.dock.isVisible()


def test_edits_are_asked_about_before_the_tour_opens_its_example(make_window, qtbot, dialogs):
    from explorer.ui.document import edits

    window = make_window(dialogs=dialogs)
    edits.set_values(window.controller, "X", window.controller.model.value("X") * 2)
    assert window.files.modified
    dialogs.answer("unsaved_changes", "cancel")
    assert not window.classroom.tour.start()  # kept: no tour, nothing moved
    assert not window.classroom.tour.active
    assert window.files.modified
    assert window.controller.model.value("X")[0, 0] == 2.0
    dialogs.answer("unsaved_changes", "discard")
    assert window.classroom.tour.start()
    _assert_at(window, 0)
    dialogs.assert_all_answered()


def test_an_edited_example_is_opened_again_so_the_numbers_are_the_lectures(make_window, qtbot, dialogs):
    from explorer.ui.document import edits

    window = make_window(dialogs=dialogs)
    tour = window.classroom.tour
    tour.start(0)
    edits.set_values(window.controller, "H", window.controller.model.value("H") + 1)
    dialogs.answer("unsaved_changes", "discard")
    tour.next()
    _assert_at(window, 1)
    assert window.controller.session.grad("Yhat").ravel().tolist() == pytest.approx([0.4, 1.2])
    dialogs.assert_all_answered()


def test_practice_is_offered_only_when_the_window_has_practice_and_asks_for_what_the_stop_shows(make_window, qtbot):
    window = make_window()
    tour = window.classroom.tour
    practice = window.practice
    del window.practice  # a window without practice mode
    tour.start(4)  # 5/8: the final values by hand
    assert not tour.panel.practice_button.isVisible()
    window.practice = practice
    tour.go(4)
    assert tour.panel.practice_button.isVisible()
    with qtbot.waitSignal(tour.practice_requested) as asked:
        tour.panel.practice_button.click()
    assert asked.args == ["W", "grad", ""]
    assert practice.active
    asked_item = practice.question.item
    assert (asked_item.ask, asked_item.node) == ("grad", "W")
    assert window.controller.session.grad("W") is None  # the pass waits just before it computes ∂L/∂W
    tour.go(3)  # 4/8: the two 3×2 slices of ∂Ŷ/∂W, by hand
    with qtbot.waitSignal(tour.practice_requested) as asked:
        tour.panel.practice_button.click()
    assert asked.args == ["Yhat", "jacobian", "W"]
    asked_item = practice.question.item
    assert (asked_item.ask, asked_item.node, asked_item.wrt) == ("jacobian", "Yhat", "W")
    tour.go(2)  # 3/8 names what is differentiated; nothing to compute there
    assert not tour.panel.practice_button.isVisible()


@pytest.mark.parametrize("language", ["en", "ko"])
def test_the_tour_reads_in_both_languages(make_window, qtbot, language):
    from explorer.ui.text.i18n import install_translator

    app = QApplication.instance()
    install_translator(language, app)
    try:
        window = make_window()
        window.classroom.tour.start(6)
        panel = window.classroom.tour.panel
        assert "2×1×3×2" in panel.ko_label.text()
        assert "2×1×3×2" in panel.en_label.text()
        expected = "다음" if language == "ko" else "Next"
        assert expected in panel.next_button.text()
    finally:
        install_translator("en", app)
