"""The whole window in Korean: menus, toolbars, inspector, step header, panels and the screenshot command.

Every visible text is walked; after the maths and the code words of the
model file are taken out, no English word may be left.
"""

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QTextDocumentFragment
from PySide6.QtWidgets import QLabel, QToolButton

from explorer.engine import Session
from explorer.model.examples import toy_model
from explorer.ui.text.i18n import install_translator, remove_translators
from tests.ui.seen import visible_texts

ROOT = Path(__file__).resolve().parents[2]
HANGUL = re.compile("[\uac00-\ud7a3]")
# the model file's op and loss names, code and file names: they stay as written
CODE_WORDS = {
    "input", "param", "linear", "target", "relu", "tanh", "sigmoid", "scalar_loss", "SSE", "MSE", "einsum",
    "torch", "autograd", "PyTorch", "float64", "sign", "log", "English", "Jacobian", "Explorer",
}
ENGLISH_WORD = re.compile(r"[A-Za-z]{3,}")


def english_left(text: str) -> list[str]:
    """The English words in ``text`` once maths (short symbols) and code words are set aside."""
    plain = QTextDocumentFragment.fromHtml(text).toPlainText() if "<" in text else text
    plain = re.sub(r"\(&\w\)|&(?=\w)", "", plain)  # accelerators
    plain = re.sub(r'"[^"]*"', "", plain)  # quoted code: einsum("ib,ibkj->kj")
    plain = re.sub(r"\w+\.backward\([^)]*\)|[A-Za-z0-9_]+\.grad(?![A-Za-z])", "", plain)  # PyTorch: Yhat.backward(gradient=v), W3.grad
    return [w for w in ENGLISH_WORD.findall(plain) if w not in CODE_WORDS and w.lower() not in CODE_WORDS]


@pytest.fixture
def korean(qapp):
    assert install_translator("ko", qapp) == "ko"
    yield
    remove_translators(qapp)


@pytest.fixture
def korean_window(korean, make_window, dialogs):
    return make_window(dialogs=dialogs)


def test_menus_have_hangul_titles_and_no_english_entries(korean_window):
    for action in korean_window.menuBar().actions():
        assert HANGUL.search(action.text()), action.text()
        assert english_left(action.text()) == [], action.text()
        for entry in action.menu().actions():
            if entry.text() and not entry.isSeparator() and entry.menu() is None and entry.text() != "English":
                if "Recent" in entry.objectName() or entry.data():
                    continue  # a recent file's or an example's name
                assert HANGUL.search(entry.text()), entry.text()


def test_toolbars_speak_korean(korean_window):
    w = korean_window
    for toolbar in (w.build_toolbar, w.steps_toolbar):
        assert HANGUL.search(toolbar.windowTitle())
        actions = [action.text() for action in toolbar.actions() if action.text() and not action.isSeparator()]
        assert all(HANGUL.search(text) and english_left(text) == [] for text in actions), actions
        buttons = [button.text() for button in toolbar.findChildren(QToolButton) if button.text().strip()]
        assert all(english_left(text) == [] for text in buttons), buttons
        labels = [label.text() for label in toolbar.findChildren(QLabel) if label.text().strip()]
        assert labels
        assert all(HANGUL.search(text) for text in labels), labels


def test_inspector_tabs_header_and_panels_speak_korean(korean_window, qtbot):
    w = korean_window
    inspector = w.inspector
    tabs = [inspector.tabs.tabText(i) for i in range(inspector.tabs.count())]
    assert tabs == ["값", "변화도", "야코비안", "텐서곱 분해", "유도"]
    assert "Ready" not in inspector.step_header.phase_label.text()
    w.controller.select("W3")
    for _ in range(9):  # into the backward pass: W3's gradient is known
        w.controller.step()
    assert "역전파" in QTextDocumentFragment.fromHtml(inspector.step_header.phase_label.text()).toPlainText()
    assert HANGUL.search(inspector.step_header.where_label.text())
    assert w.controller.status_text.startswith("역전파 9/11: ")
    assert HANGUL.search(inspector.subtitle.text())
    assert inspector.layer_box.title().startswith("3번째 층")
    for index in range(inspector.tabs.count()):
        inspector.tabs.setCurrentIndex(index)
        qtbot.waitUntil(lambda: not inspector.busy_widget.isVisible())
        page = inspector.tabs.widget(index)
        texts = visible_texts(page, tool_buttons=False)
        assert texts
        assert any(HANGUL.search(t) for t in texts), (tabs[index], texts)
        for text in texts:
            assert english_left(text) == [], (tabs[index], text)
    breakdown = inspector.breakdown_view.browser.toPlainText()
    assert "연쇄법칙" in breakdown
    for text in visible_texts(inspector, tool_buttons=False):
        assert english_left(text) == [], text


def test_a_node_not_reached_yet_is_said_in_korean(korean_window):
    w = korean_window
    w.controller.select("W3")
    w.inspector.tabs.setCurrentIndex(1)  # the gradient, not reached at step 0
    message = w.inspector.grad_view.message_label.text()
    assert "역전파" in message
    assert english_left(message) == [], message


def test_status_and_errors_are_worded_in_korean(korean_window, tmp_path):
    w = korean_window
    assert not w.controller.open_file(str(tmp_path / "missing.json"))
    assert w.controller.save(str(tmp_path / "saved.json"))
    shown = w.statusBar().currentMessage()
    assert "저장했습니다" in shown, shown


def test_english_is_back_after_the_translator_goes(make_window):
    win = make_window(show=False, size=None)
    assert win.inspector.tabs.full_text(0) == "Value · 값"  # shown whole when the inspector is wide enough
    assert win.controller.status_text.startswith("Ready")


def test_screenshot_builds_the_window_in_the_language_asked(qapp, monkeypatch):
    from explorer.ui.shell import app
    titles = {}
    built = app.open_window

    def recording(*args, **kwargs):
        window = built(*args, **kwargs)
        titles[len(titles)] = [action.text() for action in window.menuBar().actions()]
        return window

    monkeypatch.setattr(app, "open_window", recording)
    try:
        english = app.screenshot(Session(toy_model()), select="W3", size=(1024, 700), language="en")
        korean = app.screenshot(Session(toy_model()), select="W3", size=(1024, 700), language="ko")
    finally:
        remove_translators(qapp)
    assert titles[0][0] == "&File"
    assert titles[1][0] == "파일(&F)"
    assert english[:8] == korean[:8] == b"\x89PNG\r\n\x1a\n"
    assert english != korean


def test_the_screenshot_command_takes_a_language(tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY")}
    env["PYTHONPATH"] = str(ROOT)
    outputs = {}
    for language in ("en", "ko"):
        out = tmp_path / f"{language}.png"
        result = subprocess.run(
            [sys.executable, "-m", "explorer", "screenshot", ROOT / "resources" / "examples" / "toy.json",
             "--out", out, "--size", "1024x700", "--select", "W3", "--tab", "breakdown", "--language", language],
            capture_output=True, text=True, env=env, timeout=120,
        )
        assert result.returncode == 0, result.stderr
        outputs[language] = out.read_bytes()
    assert outputs["en"] != outputs["ko"]
    refused = subprocess.run(
        [sys.executable, "-m", "explorer", "screenshot", ROOT / "resources" / "examples" / "toy.json",
         "--out", tmp_path / "x.png", "--language", "fr"],
        capture_output=True, text=True, env=env, timeout=120,
    )
    assert refused.returncode == 2
    assert not (tmp_path / "x.png").exists()


def test_the_catalogue_check_passes():
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "update_translations.py"), "--check"],
        capture_output=True, text=True, timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_pytorch_comment_is_worded(korean):
    from explorer.engine import Session
    from explorer.lesson.by_hand import torch_correspondence
    from explorer.model.examples import toy_model
    from explorer.ui.text.engine_text import worded

    session = Session(toy_model())
    session.run()
    vjp = torch_correspondence(session, "Yhat", "W3")
    assert str(vjp) == "Yhat.backward(gradient=v)  # v = ∂L/∂Ŷ; W3.grad is now Jᵀv = ∂L/∂W₃, J never built"
    assert worded(vjp) == "Yhat.backward(gradient=v)  # v = ∂L/∂Ŷ; 이제 W3.grad에는 Jᵀv = ∂L/∂W₃이 들어 있고, J는 만들지 않았음"  # 삼: 이, not 가
    scalar = torch_correspondence(session, "L", "Yhat")
    assert str(scalar) == "Yhat.retain_grad(); L.backward()  # Yhat.grad is now ∂L/∂Ŷ"
    assert worded(scalar) == "Yhat.retain_grad(); L.backward()  # 이제 Yhat.grad에는 ∂L/∂Ŷ이 들어 있음"  # 와이 햇: 이


def test_refusals_of_the_model_and_the_engine_are_worded_in_korean(korean_window, dialogs):
    import numpy as np

    from explorer.ui.document.edits import set_values

    w = korean_window
    said: list[str] = []
    w.controller.error_raised.connect(said.append)
    assert not set_values(w.controller, "W3", np.full((3, 2), np.nan))
    assert "유한하지 않은 수" in said[-1], said
    assert english_left(said[-1].replace("NaN", "")) == [], said[-1]
    assert set_values(w.controller, "X", np.full((3, 1), 1e300))
    assert set_values(w.controller, "W1", np.full((3, 3), 1e300))
    assert not w.controller.step()  # H₁ = W₁ᵀX overflows
    failure = w.controller.failure_text
    for part in ("순전파 단계 1/", "무한대로 넘쳤습니다", "1e300"):
        assert part in failure, failure
    assert english_left(failure) == [], failure
    dialogs.answer("unsaved_changes", "discard")  # the edited toy closes without saving
