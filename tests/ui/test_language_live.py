"""View → Language applies at once: the running window speaks the new language, nothing else changes.

A window is opened in English, stepped, a node selected; the language is
switched (through the menu, and by installing a catalogue alone, which Qt
announces with a LanguageChange event); the same window's menus, docks,
toolbars, tooltips, inspector, canvas and plots are read again.
"""

from __future__ import annotations

import re

import pytest
from PySide6.QtGui import QTextDocumentFragment
from PySide6.QtWidgets import QAbstractButton, QDockWidget, QLabel, QToolBar

from explorer.model.examples import EXAMPLES
from explorer.ui.text.i18n import install_translator, installed_language, remove_translators, translate
from explorer.ui.text.vocabulary import term
from tests.ui.seen import visible_texts

HANGUL = re.compile("[\uac00-\ud7a3]")
#: What may stay in Latin letters on a Korean screen: the ops' own names, code, file formats, the program's name.
CODE_WORDS = {
    "relu", "tanh", "sigmoid", "ReLU", "SSE", "MSE", "einsum", "torch", "autograd", "PyTorch", "float", "sign",
    "log", "English", "Jacobian", "Explorer", "json", "png", "svg", "tex", "md", "Toy", "Example", "Tensor", "Product", "sin",
    # key names in tooltips, as the platform writes them
    "Home", "End", "Left", "Right", "Shift", "Ctrl", "Space", "Backspace", "Esc", "Page", "Down", "PgDown", "PgUp", "Del",
}  # fmt: skip
WORD = re.compile(r"[A-Za-z]{3,}")


def english_left(text: str) -> list[str]:
    """English words of ``text``, maths (short symbols), accelerators, quoted code and code words set aside."""
    plain = QTextDocumentFragment.fromHtml(text).toPlainText() if "<" in text else text
    plain = re.sub(r"\(&\w\)|&(?=\w)", "", plain)
    plain = re.sub(r'"[^"]*"|“[^”]*”', "", plain)
    plain = re.sub(r"\w+\.backward\([^)]*\)|[A-Za-z0-9_]+\.(grad|json|png|svg|tex|md|py)(?![A-Za-z])", "", plain)
    return [w for w in WORD.findall(plain) if w not in CODE_WORDS]


@pytest.fixture
def english_after(qapp):
    yield
    remove_translators(qapp)


def menu_texts(win) -> list[str]:
    """Every entry of the menu bar's menus and their submenus; of an example, its description (its stem is a file's name)."""
    texts = []
    for top in win.menuBar().actions():
        texts.append(top.text())
        for entry in top.menu().actions():
            if entry.isSeparator() or entry.text() in ("English", "한국어"):
                continue
            if "Recent" in entry.objectName():
                continue
            texts.append(entry.text())
            if entry.menu() is not None:
                for sub in entry.menu().actions():
                    if not sub.isSeparator() and sub.text() not in ("English", "한국어"):
                        texts.append(sub.text().partition(" — ")[2] if sub.data() in EXAMPLES else sub.text())
    return [t for t in texts if t]


def shown_texts(win) -> dict[str, list[str]]:
    """What a person reads, by place."""
    inspector = win.inspector
    docks = [d.windowTitle() for d in win.findChildren(QDockWidget) if d.windowTitle()]
    toolbars = []
    for bar in win.findChildren(QToolBar):
        toolbars.append(bar.windowTitle())
        toolbars += [a.text() for a in bar.actions() if a.text() and not a.isSeparator()]
        toolbars += [a.toolTip() for a in bar.actions() if a.toolTip() and not a.isSeparator()]
        toolbars += [label.text() for label in bar.findChildren(QLabel) if label.text().strip()]
        toolbars += [b.toolTip() for b in bar.findChildren(QAbstractButton) if b.toolTip()]
    return {
        "menus": menu_texts(win),
        "docks": docks,
        "toolbars": [t for t in toolbars if t.strip()],
        "inspector": [inspector.title.text(), inspector.subtitle.text(), inspector.layer_box.title()]
        + [inspector.tabs.tabText(i) for i in range(inspector.tabs.count())]
        + [inspector.pair_combo.itemText(i) for i in range(inspector.pair_combo.count())],
        "step": [win.step_label.text(), win.loss_label.text(), inspector.step_header.phase_label.text()],
        "canvas": [item.op for item in win.scene.node_items.values()] + [item.shape_text for item in win.scene.node_items.values()],
    }


def stepped_window(make_window, steps: int = 9, node: str = "W1"):
    win = make_window()
    for _ in range(steps):
        win.controller.step()
    win.controller.select(node)
    return win


def test_view_language_switches_the_running_window_to_korean_and_back(make_window, english_after, qtbot):
    win = stepped_window(make_window)
    position, selected, undo = win.controller.session.position, win.controller.selected, win.controller.undo_stack.count()
    english = shown_texts(win)
    assert english["menus"][0] == "&File"
    assert "input" in english["canvas"]
    assert "param" in english["canvas"]
    win.choose_language("ko")
    assert installed_language() == "ko"
    korean = shown_texts(win)
    for place in ("menus", "docks", "toolbars", "inspector", "step"):
        assert any(HANGUL.search(text) for text in korean[place]), (place, korean[place])
        left = [(text, english_left(text)) for text in korean[place] if english_left(text)]
        assert not left, (place, left)
    assert korean["menus"][0] == "파일(&F)"
    assert "검사기" in korean["docks"]
    assert {"입력", "파라미터", "목표값", "선형", "스칼라"} <= set(korean["canvas"]), korean["canvas"]
    assert any(text.startswith("학습") for text in korean["toolbars"]), korean["toolbars"]
    # the same document, pass, selection and history: nothing was rebuilt from scratch
    assert (win.controller.session.position, win.controller.selected, win.controller.undo_stack.count()) == (position, selected, undo)
    assert win.settings.language == "ko"
    win.choose_language("en")
    assert installed_language() == "en"
    back = shown_texts(win)
    for place in ("menus", "docks", "toolbars", "inspector", "canvas"):
        assert back[place] == english[place], place


def test_installing_a_catalogue_alone_retranslates_through_the_language_change_event(make_window, english_after, qtbot):
    win = stepped_window(make_window, steps=3)
    file_menu = win.menuBar().actions()[0]
    assert file_menu.text() == "&File"
    install_translator("ko")  # not through the window: Qt's LanguageChange events do the rest
    qtbot.waitUntil(lambda: file_menu.text() == "파일(&F)")
    qtbot.waitUntil(lambda: HANGUL.search(win.inspector.tabs.tabText(0)) is not None)
    assert win.inspector_dock.windowTitle() == "검사기"


def test_no_visible_text_stays_english_after_a_live_switch(make_window, english_after, qtbot):
    """A sample of screens: the start, a forward step, a backward step, each inspector tab, the lab's docks."""
    win = make_window()
    win.choose_language("ko")
    screens = []
    end = win.controller.session.total  # ∂L/∂W₃ is known four steps before the end, ∂L/∂W₁ at the end
    for steps, node, tab in ((0, None, 0), (3, "H1", 0), (end - 4, "W3", 1), (end - 4, "W3", 3), (end, "W1", 4),
                             (end, "Yhat", 2)):
        win.controller.seek(steps)
        assert win.controller.session.position == steps
        win.controller.select(node)
        win.inspector.tabs.setCurrentIndex(tab)
        qtbot.waitUntil(lambda: not win.inspector.busy_widget.isVisible())
        screens.append((f"step {steps}, {node}, tab {tab}", visible_texts(win, tooltips=True)))
    for docks_action in (win.learning_lab.loss_dock, win.learning_lab.grad_dock):
        docks_action.show()
    screens.append(("with the lab's docks", visible_texts(win, tooltips=True)))
    for name, texts in screens:
        assert any(HANGUL.search(t) for t in texts), name
        left = [(t, english_left(t)) for t in texts if english_left(t)]
        assert not left, (name, left)


def test_the_empty_inspector_and_a_gradient_not_known_yet_speak_korean(make_window, english_after, qtbot):
    win = make_window()
    win.choose_language("ko")
    win.controller.select(None)
    assert english_left(win.inspector.title.text()) == []
    assert "검사기" in win.inspector.title.text()
    win.controller.select("W1")
    win.inspector.tabs.setCurrentIndex(1)
    qtbot.waitUntil(lambda: not win.inspector.busy_widget.isVisible())
    message = win.inspector.grad_view.message_label.text()
    assert HANGUL.search(message)
    assert english_left(message) == [], message


def test_the_lectures_words(english_after):
    """변화도 for gradient (기울기 only in 기울기 소실), 학습 for training, 나블라 for ∇; Train says 학습."""
    install_translator("ko")
    assert term("gradient") == "변화도"
    assert term("gradient vanishing") == "기울기 소실"
    assert term("training") == "학습"
    assert term("nabla") == "나블라"
    assert translate("LearningLab", "Train (학습)…") == "학습…"
    assert "델" in translate("Lesson", "∇ (나블라, nabla): the gradient, shaped like {node}.")


def test_no_korean_text_says_gili_for_gradient():
    """The catalogue's translations use 기울기 only in 기울기 소실."""
    import xml.etree.ElementTree as ET
    from pathlib import Path

    root = ET.parse(Path(__file__).resolve().parents[2] / "resources" / "i18n" / "explorer_ko.ts").getroot()
    stray = []
    for message in root.iter("message"):
        translation = message.find("translation")
        if translation is None or translation.get("type") in ("vanished", "obsolete"):
            continue
        if re.search("기울기(?! 소실)", translation.text or ""):
            stray.append(translation.text)
    assert not stray


def _lecture_text() -> str | None:
    """The lecture's text copy, where the checkout has one beside it (shared/lecture); None elsewhere."""
    import os
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    folders = [Path(os.environ["JACOBIAN_LECTURE_DIR"])] if os.environ.get("JACOBIAN_LECTURE_DIR") else []
    folders += [parent / "shared" / "lecture" for parent in root.parents]
    for folder in folders:
        texts = sorted(folder.glob("*.txt")) if folder.is_dir() else []
        if texts:
            return "\n".join(path.read_text(encoding="utf-8") for path in texts)
    return None


def test_the_words_called_the_lectures_are_in_the_lecture_and_the_others_are_not(english_after):
    from explorer.ui.text.vocabulary import LECTURE_WORDS, NOT_THE_LECTURES

    lecture = _lecture_text()
    if lecture is None:
        pytest.skip("the lecture's text is not beside this checkout")
    for english, korean in LECTURE_WORDS.items():
        assert korean in lecture, (english, korean)
    for english, korean in NOT_THE_LECTURES.items():
        assert korean not in lecture, (english, korean)
    install_translator("ko")
    for english, korean in {**LECTURE_WORDS, **NOT_THE_LECTURES}.items():
        assert term(english) == korean, english


def test_the_tour_and_an_open_practice_question_follow_the_switch(make_window, english_after, qtbot):
    win = make_window()
    tour = win.classroom.tour
    assert tour.start()
    panel = tour.panel
    assert "Stop 1/" in panel.stop_label.text()
    win.choose_language("ko")
    assert "Stop 1/" not in panel.stop_label.text()
    assert HANGUL.search(panel.stop_label.text().rsplit("(", 1)[-1]), panel.stop_label.text()  # (1/10번째); the slide is bilingual
    tour.close()
    assert win.start_practice("Yhat", "value")
    practice = win.practice.panel
    question, title = practice.question_label.text(), practice.title_label.text()
    assert HANGUL.search(question)
    win.choose_language("en")
    assert practice.question_label.text() != question
    assert practice.title_label.text() != title
    assert not HANGUL.search(practice.title_label.text())


def test_edit_undo_speaks_the_new_language_after_the_next_edit_too(make_window, english_after):
    from explorer.ui.document import edits

    win = make_window()
    assert edits.set_width(win.controller, 0, 4)
    assert win.undo_action.text().startswith("&Undo")
    keys = [key.toString() for key in win.undo_action.shortcuts()]
    win.choose_language("ko")
    assert win.undo_action.text().startswith("실행 취소(&U)")
    assert edits.set_width(win.controller, 0, 5)  # a later step keeps the Korean prefix
    assert win.undo_action.text().startswith("실행 취소(&U)")
    assert [key.toString() for key in win.undo_action.shortcuts()] == keys
    edit_menu = win.menuBar().actions()[1].menu()
    assert win.undo_action in edit_menu.actions()
    win.undo_action.trigger()
    assert win.controller.model.shape("H1")[0] == 4
