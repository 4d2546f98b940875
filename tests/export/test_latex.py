"""The LaTeX handouts compile with a real pdflatex (kotex for the Korean terms), whatever the labels say.

``derivation.tex`` and ``explain --format latex`` go through one converter,
:func:`explorer.lesson.tex.tex_text` (and :func:`~explorer.lesson.tex.tex_math`
for a label used as a symbol). Hypothesis checks that its output stays balanced
for any Unicode; pdflatex compiles the bundled examples' handouts, every toy
node's explanation and a sample of hostile labels with zero errors. Where no
pdflatex or no kotex is installed (``.ci/run`` installs both with apt-get) the
compile tests skip and say why.
"""

from __future__ import annotations

import random
import re
import shutil
import subprocess
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from explorer.engine import Session
from explorer.export.explanation import LATEX_PREAMBLE, derivation_files, explain
from explorer.lesson import tex_chars
from explorer.lesson.notation import latex_element, latex_name
from explorer.lesson.tex import tex_code, tex_math, tex_text
from explorer.model import load_model
from explorer.resources import example_path
from tests.export.hostile import MARKUP, chain

PDFLATEX = shutil.which("pdflatex")
KPSEWHICH = shutil.which("kpsewhich")


def _kotex() -> bool:
    if not KPSEWHICH:
        return False
    found = subprocess.run([KPSEWHICH, "kotex.sty"], capture_output=True, text=True, check=False, timeout=60)
    return bool(found.stdout.strip())


needs_tex = pytest.mark.skipif(
    not PDFLATEX or not _kotex(),
    reason="no pdflatex with kotex here (Debian: apt-get install texlive-latex-recommended texlive-lang-korean; "
    ".ci/run does this)",
)

HANDOUTS = ("toy", "toy_batch", "regression", "lab_deep_sigmoid")


def compile_tex(folder: Path, documents: dict[str, str]) -> dict[str, int]:
    """Compile each document with pdflatex; fail on a non-zero exit or any ``!`` line. Returns the page counts."""
    assert PDFLATEX is not None
    pages = {}
    for name, text in documents.items():
        (folder / f"{name}.tex").write_text(text, encoding="utf-8")
        run = subprocess.run(
            [PDFLATEX, "-interaction=nonstopmode", "-halt-on-error", "-no-shell-escape", f"{name}.tex"],
            cwd=folder, capture_output=True, timeout=120, check=False,
        )
        log = (folder / f"{name}.log").read_text(encoding="utf-8", errors="replace")
        errors = [line for line in log.splitlines() if line.startswith("!")]
        assert run.returncode == 0, (name, run.returncode, errors[:3])
        assert not errors, (name, errors[:3])
        assert "Missing character" not in log, name  # every character has a glyph in its font
        written = re.search(r"Output written on \S+ \((\d+) pages?", log)
        assert written is not None, name
        pages[name] = int(written.group(1))
    return pages


def session(name: str) -> Session:
    s = Session(load_model(example_path(name)))
    s.run()
    return s


@needs_tex
def test_every_handout_and_every_toy_explanation_compiles(tmp_path: Path) -> None:
    documents = {f"{name}_derivation": derivation_files(session(name))["derivation.tex"] for name in HANDOUTS}
    toy = session("toy")
    for node in toy.model.order:
        if toy.grad(node) is not None:
            documents[f"explain_{node}"] = explain(toy, node, "latex")
    early = Session(load_model(example_path("toy")))
    last = early.total
    early.seek(last - 1)  # W1's gradient, the pass's last step, not known yet: the handout says so
    documents["toy_before_the_last_step"] = derivation_files(early)["derivation.tex"]
    assert f"not known at step {last - 1}/{last}" in documents["toy_before_the_last_step"]
    assert len(documents) >= 4 + 6
    pages = compile_tex(tmp_path, documents)
    assert pages["toy_derivation"] <= 4, pages  # short enough to hand out: a page per parameter and the network (it ran to 7)


@needs_tex
def test_hostile_labels_compile(tmp_path: Path) -> None:
    """Every named hostile label, and a seeded sample of characters from all over Unicode, in labels and names."""
    rng = random.Random(14)
    pool = [chr(c) for c in (*range(0x20, 0x2FF), *range(0x370, 0x3FF), *range(0x2070, 0x209F), *range(0x2190, 0x22FF),
                             *range(0x3130, 0x318F), *range(0xAC00, 0xAC40), *range(0x4E00, 0x4E20), *range(0x1F600, 0x1F610),
                             *range(0x1100, 0x1110), *range(0x300, 0x370), 0x202E, 0x200D, 0xE000, 0xFFFD)]
    pool = [c for c in pool if unicodedata.category(c) not in ("Cc", "Zl", "Zp", "Cs")]
    sampled = ["".join(rng.choice(pool) for _ in range(rng.randint(1, 10))) for _ in range(16)]
    labels = [*MARKUP, *sampled]
    documents = {}
    for k in range(0, len(labels), 8):
        group = (labels[k:k + 8] + ["x"] * 8)[:8]
        model = chain(["X", "W1", "H1", "A1", "W2", "Yhat", "Y", "L"], group, name=labels[k] + " " + labels[-1 - k])
        s = Session(model)
        s.run()
        documents[f"hostile_{k}"] = derivation_files(s)["derivation.tex"]
    documents["hostile_explain"] = explain(s, "A1", "latex")
    every = "".join(sorted({*tex_chars.GREEK, *tex_chars.OPERATORS, *tex_chars.NEUTRAL_MATH, *tex_chars.TEXT_SPECIAL})) + " x\u0302\u0301é"
    every += "".join(chr(c) for c in range(0x20, 0x7F)) + "⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁼⁽⁾ⁿⁱᵀ₀₁₂₃₄₅₆₇₈₉₊₋₌₍₎ₐₑₒₓₕₖₗₘₙₚₛₜᵢⱼ 한"
    every += "".join("a" + mark + "δ" + mark for mark in tex_chars.ACCENTS) + "".join(chr(c) for c in range(0x3131, 0x318F))
    body = f"{tex_text(every)}\n\n${tex_math(every)}$\n\n{tex_code(every)}\n"
    documents["every_symbol"] = LATEX_PREAMBLE + body + "\\end{document}\n"  # every entry of every table
    compile_tex(tmp_path, documents)


def test_the_toy_handout_typesets_the_lectures_maths() -> None:
    tex = derivation_files(session("toy"))["derivation.tex"]
    for piece in (
        "w^{(1)}_{11}",  # one superscript, one subscript: never w$^{(1)}_{1}_{1}$
        "h^{(2)}_{1}",  # layer-2 names
        r"\nabla _{W_{1}}",  # not an escaped underscore
        r"\checkmark",
        r"$L \to \hat{Y} \to H_{2} \to H_{1} \to W_{1}$",  # variables italic in running text
        "합성함수", "연쇄법칙", "순전파", "변화도",  # the lecture's Korean terms kept (kotex)
        r"\usepackage{kotex}",
    ):
        assert piece in tex, piece
    for absent in ("(ok)", "−", r"\_W", "$^{($"):
        assert absent not in tex, absent


# -- the converter, for any Unicode ----------------------------------------------------------------


def balanced(latex: str) -> bool:
    """Braces nest and close, maths opens and closes, no ``$$``, only ASCII and Hangul (kotex) characters."""
    depth, dollars, i = 0, 0, 0
    while i < len(latex):
        ch = latex[i]
        if ch == "\\":
            i += 2
            continue
        if ch == "{":
            depth += 1
        elif ch == "}":
            depth -= 1
            if depth < 0:
                return False
        elif ch == "$":
            if latex[i + 1:i + 2] == "$":
                return False
            dollars += 1
        i += 1
    hangul = all(" " <= c <= "~" or "\uac00" <= c <= "\ud7a3" or "\u3131" <= c <= "\u318e" for c in latex)
    return depth == 0 and dollars % 2 == 0 and hangul


ANY_TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=40)
#: Every command the converter may write; a name glued to the letters after it (``\DeltaE``) is none of them.
COMMANDS = {name for table in (tex_chars.GREEK, tex_chars.OPERATORS, tex_chars.NEUTRAL_MATH, tex_chars.TEXT_SPECIAL)
            for value in table.values() for name in re.findall(r"\\([A-Za-z]+)", value)}
COMMANDS |= {name for pair in tex_chars.ACCENTS.values() for value in pair for name in re.findall(r"\\([A-Za-z]+)", value)}
COMMANDS |= {"text", "texttt", "mathrm", "ttfamily", "char"}


#: Text made of what the converter's tables know, with letters, digits and scripts between them.
TABLE_TEXT = st.text(st.sampled_from(sorted({*tex_chars.GREEK, *tex_chars.OPERATORS, *tex_chars.NEUTRAL_MATH, *tex_chars.TEXT_SPECIAL,
                                             *"aZx1_^ ⁽⁾¹₁ᵀ\u0302한"})), max_size=20)


@settings(max_examples=300)
@given(st.one_of(ANY_TEXT, TABLE_TEXT, st.sampled_from(MARKUP), st.lists(st.sampled_from(MARKUP)).map("".join)))
def test_the_converter_is_balanced_for_any_text(text: str) -> None:
    for latex in (tex_text(text), tex_math(text), tex_code(text), latex_name(text), latex_element(text, (0, 1))):
        assert balanced(latex), (text, latex)
        assert set(re.findall(r"\\([A-Za-z]+)", latex)) <= COMMANDS, (text, latex)
    assert "\\end{document}" not in tex_text(text)


def test_named_labels_come_out_balanced_and_whole() -> None:
    assert tex_text("⁽x") == "${}^{(}x$"
    assert tex_text("$∂") == r"\$$\partial$"
    assert tex_text("a$b") == r"a\$$b$"
    assert tex_math("H₂ᵀ") == r"H_{2}^{\top }"
    assert tex_text("x₁⁽²⁾₃") == "$x_{1}^{(2)}{}_{3}$"  # the third script gets a base of its own
    assert tex_text("−0.5") == "$-0.5$"
    assert latex_name("H₂ᵀ") + "^{\\top}" == r"{H_{2}^{\top }}^{\top}"  # a closed form's Wᵀ never doubles a script
