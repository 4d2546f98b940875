"""Korean through Qt's translation system: the catalogue loads, falls back quietly, and is complete."""

import importlib.util
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale

from explorer.ui.text import i18n
from explorer.ui.text.i18n import (
    install_translator,
    installed_language,
    remove_translators,
    resolve_language,
    translate,
)
from explorer.ui.text.vocabulary import TERMS, phase_name, term

ROOT = Path(__file__).resolve().parents[2]
TS_FILE = ROOT / "resources" / "i18n" / "explorer_ko.ts"
HANGUL = re.compile("[\uac00-\ud7a3]")


@pytest.fixture
def english_after(qapp):
    """Whatever a test installs, the next test starts in English."""
    yield qapp
    remove_translators(qapp)


def load_script():
    spec = importlib.util.spec_from_file_location("update_translations", ROOT / "scripts" / "update_translations.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize(
    ("choice", "locale", "expected"),
    [
        ("system", QLocale(QLocale.Language.Korean, QLocale.Country.SouthKorea), "ko"),
        ("system", QLocale(QLocale.Language.English, QLocale.Country.UnitedStates), "en"),
        ("system", QLocale(QLocale.Language.Japanese, QLocale.Country.Japan), "en"),
        ("ko", QLocale(QLocale.Language.English, QLocale.Country.UnitedStates), "ko"),
        ("en", QLocale(QLocale.Language.Korean, QLocale.Country.SouthKorea), "en"),
        ("fr", QLocale(QLocale.Language.French, QLocale.Country.France), "en"),
    ],
)
def test_resolve_language(choice, locale, expected):
    assert resolve_language(choice, locale) == expected


def test_korean_menus_show_hangul(english_after):
    assert translate("MainWindow", "&File") == "&File"
    assert install_translator("ko") == "ko"
    assert installed_language() == "ko"
    for text in ("&File", "&Edit", "&View", "&Step", "&Help", "&Open…", "&Save"):
        translated = translate("MainWindow", text)
        assert HANGUL.search(translated), (text, translated)
        assert "&" in translated  # the accelerator survives
    assert translate("MainWindow", "&File") == "파일(&F)"


def test_lecture_vocabulary_in_korean(english_after):
    install_translator("ko")
    expected = {
        "forward pass": "순전파",
        "backward pass": "역전파",
        "gradient": "변화도",
        "Jacobian matrix": "야코비안 행렬",
        "chain rule": "연쇄법칙",
        "partial derivative": "편미분",
        "tensor product": "텐서곱",
        "vector-Jacobian product": "벡터-야코비안 곱",
        "gradient descent": "경사 하강법",
        "gradient vanishing": "기울기 소실",
    }
    assert {text: term(text) for text in expected} == expected
    assert phase_name("backward") == "역전파"


def test_korean_dates_go_with_korean_text(english_after):
    install_translator("ko")
    assert QLocale().language() == QLocale.Language.Korean
    remove_translators()
    assert QLocale().language() == QLocale.system().language()


def test_back_to_english(english_after):
    install_translator("ko")
    assert install_translator("en") == "en"
    assert translate("MainWindow", "&File") == "&File"
    assert term("forward pass") == "forward pass"
    assert phase_name("forward") == "forward pass"
    assert installed_language() == "en"


def test_qts_own_buttons_follow(english_after):
    from PySide6.QtWidgets import QMessageBox

    install_translator("ko")
    box = QMessageBox()
    box.setStandardButtons(QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Cancel)
    texts = [button.text() for button in box.buttons()]
    assert all(HANGUL.search(text) for text in texts), texts


def test_a_missing_catalogue_falls_back_to_english_quietly(english_after, tmp_path):
    # a Qt warning or a Python warning here fails the test (pyproject: qt_log_level_fail, filterwarnings)
    assert install_translator("ko", folder=tmp_path) == "en"
    assert translate("MainWindow", "&File") == "&File"
    assert installed_language() == "en"


def test_an_install_without_resources_falls_back_to_english(english_after, monkeypatch):
    def lost():
        raise FileNotFoundError("the resources folder is missing")

    monkeypatch.setattr(i18n, "i18n_dir", lost)
    assert install_translator("ko") == "en"


def test_a_corrupt_catalogue_falls_back_to_english(english_after, tmp_path):
    (tmp_path / "explorer_ko.qm").write_bytes(b"not a catalogue")
    assert install_translator("ko", folder=tmp_path) == "en"
    assert translate("MainWindow", "&File") == "&File"


def test_system_follows_a_korean_locale(tmp_path):
    code = (
        "from PySide6.QtCore import QCoreApplication\n"
        "app = QCoreApplication([])\n"
        "from explorer.ui.text.i18n import install_translator, translate\n"
        "print(install_translator('system'), translate('MainWindow', '&Help'))\n"
    )
    results = {}
    for lang in ("ko_KR.UTF-8", "en_US.UTF-8"):
        env = dict(os.environ, LANG=lang, LC_ALL=lang, LANGUAGE="", PYTHONPATH=str(ROOT))
        env.pop("LC_MESSAGES", None)
        out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=60)
        assert out.returncode == 0, out.stderr
        results[lang] = out.stdout.split()
    assert results["ko_KR.UTF-8"] == ["ko", "도움말(&H)"]
    assert results["en_US.UTF-8"] == ["en", "&Help"]


def test_every_text_has_korean_with_its_fields_and_accelerator():
    root = ET.parse(TS_FILE).getroot()
    assert root.get("language") == "ko_KR"
    checked = 0
    for message in root.iter("message"):
        source = message.findtext("source")
        translation = message.find("translation")
        if translation.get("type") in ("obsolete", "vanished"):
            continue
        assert translation.get("type") != "unfinished", f"no Korean for {source!r}"
        text = translation.text or ""
        assert text.strip(), f"no Korean for {source!r}"
        assert set(re.findall(r"\{\w+\}", text)) == set(re.findall(r"\{\w+\}", source)), source
        if re.search(r"&\w", source):
            assert re.search(r"&\w", text), f"{source!r}: the translation lost its accelerator"
        checked += 1
    assert checked >= len(TERMS) + 60  # the terms and the main window's texts


def test_the_shipped_catalogue_is_compiled_from_the_ts():
    script = load_script()
    assert script.unfinished() == []
    assert script.not_collected() == [], "run scripts/update_translations.py and translate the new texts"
    assert not script.stale(), "run scripts/update_translations.py and commit resources/i18n/explorer_ko.qm"


def test_the_catalogue_holds_every_listed_text():
    root = ET.parse(TS_FILE).getroot()
    sources = {
        (context.findtext("name"), message.findtext("source"))
        for context in root.iter("context")
        for message in context.iter("message")
    }
    for text in TERMS:
        assert ("Vocabulary", text) in sources
    for text in ("&File", "&Open…", "Open &Recent", "&Keyboard shortcuts", "Reset settings"):
        assert ("MainWindow", text) in sources


def test_the_translator_reads_only_the_notes_written_for_them():
    """lupdate hands every ``#:`` comment of a scope to the translator (ours document constants); the catalogue
    keeps just the ``#: Translators:`` notes (scripts/update_translations.py), each once, as written."""
    notes = set()
    for folder in ("ui", "ops"):
        for path in (ROOT / "explorer" / folder).rglob("*.py"):
            for found in re.findall(r"#: Translators: (.+)", path.read_text(encoding="utf-8")):
                notes.add(found[:1].upper() + found[1:].strip())
    root = ET.parse(TS_FILE).getroot()
    kept = [element.text for element in root.iter("extracomment")]
    assert notes
    assert sorted(kept) == sorted(notes)
