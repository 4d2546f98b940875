"""A reader sees nodes by the names the lecture writes (Ŷ, H₁, W₁), never by their ids in the file (Yhat, H1, W1).

The window is walked through a whole pass, every inspector tab of several
nodes, in both languages; ``exercise check`` prints its text report. No id
of the toy network may be left in what either shows.
"""

from __future__ import annotations

import re

import pytest

from explorer.practice.answers import answers_from_dict
from explorer.practice.grading import grade, grading_text
from explorer.practice.items import read_exercises
from explorer.resources import resources_dir
from explorer.ui.text.i18n import install_translator, remove_translators
from tests.ui.test_glyphs import window_texts

#: The toy network's ids that differ from their display names.
IDS = re.compile(r"(?<![A-Za-z0-9_.])(Yhat|[WH][0-9])(?![0-9A-Za-z_])")
#: Code keeps the ids: PyTorch lines (W1.grad, Yhat.backward) and quoted ports.
CODE = re.compile(r"[A-Za-z0-9_]+\.(grad|retain_grad\(\)|requires_grad_\(\)|backward\([^)]*\))|[A-Za-z0-9_]+ = torch\.[^\n]*|\b[A-Za-z0-9_]+\.requires_grad[^\n]*")


def ids_in(text: str) -> list[str]:
    return IDS.findall(CODE.sub("", text))


@pytest.mark.parametrize("language", ["en", "ko"])
def test_the_window_names_nodes_by_their_display_names_through_a_whole_pass(make_window, qapp, qtbot, language):
    assert install_translator(language, qapp) == language
    try:
        win = make_window()
        seen: dict[str, str] = {}

        def look(where: str) -> None:
            for text in window_texts(win):
                if ids_in(text):
                    seen.setdefault(text[:200], where)

        for position in range(win.controller.session.total + 1):
            while win.controller.session.position < position:
                win.controller.step()
            end = win.controller.session.total
            for node in ("W1", "H1", "Yhat") if position in (0, 3, end - 4, end) else (None,):
                win.controller.select(node)
                for tab in range(win.inspector.tabs.count()):
                    win.inspector.tabs.setCurrentIndex(tab)
                    qtbot.waitUntil(lambda: not win.inspector.busy_widget.isVisible())
                    look(f"step {position}, {node}, tab {tab}")
    finally:
        remove_translators(qapp)
    assert not seen, seen


def test_a_gradient_not_known_yet_names_its_node_as_the_lecture_does(make_window, qtbot):
    win = make_window()
    win.controller.select("Yhat")
    win.inspector.tabs.setCurrentIndex(4)  # the derivation: ∂L/∂Ŷ is not known at step 0
    qtbot.waitUntil(lambda: not win.inspector.busy_widget.isVisible())
    text = win.inspector.derivation_view.browser.toPlainText()
    assert f"∂L/∂Ŷ is not known at step 0/{win.controller.session.total}" in text
    assert "Yhat" not in text


def test_exercise_check_prints_display_names():
    exercises = read_exercises(resources_dir() / "exercises" / "toy.json")
    answers = answers_from_dict({"format": "jacobian-explorer/answers", "version": 1, "answers": {"q1": [[0.1], [0.2]]}}, exercises)
    text = grading_text(grade(exercises, answers))
    assert "Ŷ at step 3" in text
    assert "∂Ŷ/∂W₃ at step 8" in text
    assert "∂L/∂H₂ at step 9" in text
    assert ids_in(text) == [], text
