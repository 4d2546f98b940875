"""Keep the Korean catalogue in step with the window's texts.

    python scripts/update_translations.py           # lupdate, then lrelease
    python scripts/update_translations.py --check   # exit 1 if the .qm is stale, or a text lacks Korean or is not collected

``pyside6-lupdate`` (shipped with PySide6-Essentials, so every developer has
it) collects the texts of ``explorer/ui/**/*.py`` and of the op table
(``explorer/ops``: its titles) into
``resources/i18n/explorer_ko.ts``, keeping the translations already there;
translate the new entries (marked ``type="unfinished"``) with Qt Linguist
(``pyside6-linguist``) or in a text editor, then run this again so that
``pyside6-lrelease`` compiles ``explorer_ko.qm``. Commit both files: the
``.qm`` ships in the wheel.

A note to the translator is a ``#: Translators: …`` comment just above the
text. lupdate takes every ``#:`` comment of the scope for such a note, and
ours are mostly the documentation of constants; only what follows
``Translators:`` is kept in the catalogue (:func:`translator_notes_only`).
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
#: The window, and the op table whose titles the window shows (marked with QT_TRANSLATE_NOOP).
SOURCES = (ROOT / "explorer" / "ui", ROOT / "explorer" / "ops")
TS_FILE = ROOT / "resources" / "i18n" / "explorer_ko.ts"
QM_FILE = TS_FILE.with_suffix(".qm")


def tool(name: str) -> str:
    """The path of ``pyside6-lupdate`` or ``pyside6-lrelease``: beside this Python, else on PATH."""
    beside = Path(sys.executable).parent / name
    for candidate in (beside, beside.with_suffix(".exe")):
        if candidate.is_file():
            return str(candidate)
    found = shutil.which(name)
    if found is None:
        raise SystemExit(f"{name} not found: install PySide6-Essentials (pip install -e '.[test]')")
    return found


def lupdate(ts_file: Path = TS_FILE, drop_obsolete: bool = False) -> None:
    """Collect the texts of ``explorer/ui`` and ``explorer/ops`` into ``ts_file``, keeping existing translations."""
    sources = sorted(str(path) for folder in SOURCES for path in folder.rglob("*.py"))
    command = [tool("pyside6-lupdate"), *sources, "-locations", "none", "-source-language", "en"]
    command += ["-target-language", "ko_KR", "-ts", str(ts_file)]
    if drop_obsolete:
        command.append("-no-obsolete")
    subprocess.run(command, check=True, capture_output=True)


#: The start of a note to the translator; the ``#:`` comments before it in its scope are documentation.
NOTE = "Translators:"
_EXTRACOMMENT = re.compile(r"\n *<extracomment>(.*?)</extracomment>", re.DOTALL)


def translator_notes_only(ts_file: Path = TS_FILE) -> None:
    """Keep of each ``<extracomment>`` what follows :data:`NOTE`; drop those without one (lupdate's layout kept)."""

    def note(match: re.Match[str]) -> str:
        text = match.group(1)
        if NOTE not in text:
            return ""
        kept = text[text.index(NOTE) + len(NOTE) :].strip()
        return match.group(0).replace(text, kept[:1].upper() + kept[1:])

    text = ts_file.read_text(encoding="utf-8")
    ts_file.write_text(_EXTRACOMMENT.sub(note, text), encoding="utf-8")


def lrelease(ts_file: Path = TS_FILE, qm_file: Path = QM_FILE) -> None:
    """Compile ``ts_file`` into ``qm_file``."""
    subprocess.run([tool("pyside6-lrelease"), str(ts_file), "-qm", str(qm_file)], check=True, capture_output=True)


def unfinished(ts_file: Path = TS_FILE) -> list[str]:
    """The source texts still without a Korean translation, as ``context: text``."""
    missing = []
    for context in ET.parse(ts_file).getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            translation = message.find("translation")
            kind = translation.get("type") if translation is not None else "unfinished"
            if kind in ("obsolete", "vanished"):
                continue
            if kind == "unfinished" or translation is None or not (translation.text or "").strip():
                missing.append(f"{name}: {message.findtext('source', '')}")
    return missing


def not_collected() -> list[str]:
    """The code's texts the committed catalogue does not hold yet (lupdate run into a scratch copy), as ``context: text``."""
    with tempfile.TemporaryDirectory() as folder:
        scratch = Path(folder) / TS_FILE.name
        shutil.copyfile(TS_FILE, scratch)
        lupdate(scratch)
        known = set(unfinished())
        return [text for text in unfinished(scratch) if text not in known]


def stale() -> bool:
    """Whether the committed .qm differs from what lrelease makes of the committed .ts."""
    with tempfile.TemporaryDirectory() as folder:
        fresh = Path(folder) / QM_FILE.name
        lrelease(TS_FILE, fresh)
        return not QM_FILE.is_file() or fresh.read_bytes() != QM_FILE.read_bytes()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--check", action="store_true",
        help="change nothing; exit 1 if the .qm is stale, or a text is untranslated or not in the catalogue",
    )
    parser.add_argument(
        "--drop-obsolete", action="store_true", help="forget translations of texts no longer in the code"
    )
    args = parser.parse_args(argv)
    if args.check:
        problems = [f"untranslated: {text}" for text in unfinished()]
        problems += [f"not in the catalogue (run scripts/update_translations.py): {text}" for text in not_collected()]
        if stale():
            problems.append(f"{QM_FILE.name} is stale: run scripts/update_translations.py")
        print("\n".join(problems) or "the Korean catalogue is complete and compiled")
        return 1 if problems else 0
    TS_FILE.parent.mkdir(parents=True, exist_ok=True)
    lupdate(drop_obsolete=args.drop_obsolete)
    translator_notes_only()
    lrelease()
    missing = unfinished()
    print(f"{TS_FILE.relative_to(ROOT)}: {len(missing)} text(s) without Korean")
    for text in missing:
        print(f"  {text}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
