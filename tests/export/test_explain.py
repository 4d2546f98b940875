"""The explanation rendered: JSON against SPEC section 6 and torch; text, Markdown and LaTeX say the same."""

from __future__ import annotations

import functools
import json
import re

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from explorer.engine import Session
from explorer.export.explanation import derivation_files, explain, latex_shape
from explorer.lesson.derivation import derive
from explorer.lesson.notation import pretty
from explorer.model import load_model
from explorer.model.numbers import latex, shown
from explorer.resources import example_path
from tests.export.hostile import LABELS, chain

W1 = [[0.1, -0.2, 0.3], [0.0, 0.1, -0.1], [0.2, 0.0, 0.1]]
W2 = [[0.5, 0.0, -0.5], [0.1, 0.2, 0.3], [-0.3, 0.4, 0.0]]
W3 = [[0.2, -0.1], [0.3, 0.5], [-0.4, 0.1]]
X = [[1.0], [2.0], [3.0]]
Y = [[0.5], [-0.5]]
SPEC_KEYS = {"format", "version", "node", "step", "path", "factors", "gradient", "dense_numbers", "vjp_numbers"}


def toy(step: int | None = None, name: str = "toy") -> Session:
    session = Session(load_model(example_path(name)))
    session.run() if step is None else session.seek(step)
    return session


def test_json_is_one_object_with_specs_keys_chained_from_the_loss() -> None:
    text = explain(toy(11), None, "json")
    obj = json.loads(text)  # exactly one object: json.loads rejects trailing data
    assert set(obj) == SPEC_KEYS
    assert obj["format"] == "jacobian-explorer/explanation"
    assert (obj["version"], obj["node"], obj["step"]) == (1, "W1", 11)
    assert obj["path"] == ["L", "Yhat", "H2", "H1", "W1"]
    shapes = {"L": [], "Yhat": [2, 1], "H2": [3, 1], "H1": [3, 1], "W1": [3, 3]}
    for i, factor in enumerate(obj["factors"]):
        assert set(factor) == {"of", "wrt", "shape"}
        assert (factor["of"], factor["wrt"]) == (obj["path"][i], obj["path"][i + 1])
        assert factor["shape"] == shapes[factor["of"]] + shapes[factor["wrt"]]
    assert obj["dense_numbers"] == sum(int(np.prod(f["shape"])) for f in obj["factors"])
    assert obj["vjp_numbers"] == 2 + 3 + 3 + 9


def test_json_gradient_equals_the_engines_and_a_hand_chain() -> None:
    session = toy()
    obj = json.loads(explain(session, "W1", "json"))
    np.testing.assert_array_equal(obj["gradient"], session.grad("W1"))
    x, w1, w2, w3, y = (np.array(a) for a in (X, W1, W2, W3, Y))
    h1 = w1.T @ x
    delta = w3.T @ (w2.T @ h1) - y
    hand = x @ (w2 @ (w3 @ delta)).T
    np.testing.assert_allclose(obj["gradient"], hand, rtol=1e-12)


def test_json_gradient_equals_torchs() -> None:
    torch = pytest.importorskip("torch")
    tensors = {k: torch.tensor(v, dtype=torch.float64, requires_grad=k.startswith("W")) for k, v in
               {"X": X, "W1": W1, "W2": W2, "W3": W3, "Y": Y}.items()}
    yhat = tensors["W3"].T @ (tensors["W2"].T @ (tensors["W1"].T @ tensors["X"]))
    loss = 0.5 * torch.sum((yhat - tensors["Y"]) ** 2)
    loss.backward()
    session = toy()
    for node in ("W1", "W2", "W3"):
        obj = json.loads(explain(session, node, "json"))
        np.testing.assert_allclose(obj["gradient"], tensors[node].grad.numpy(), rtol=1e-12, atol=1e-15)


def test_latex_contains_every_factor_with_its_shape_and_is_balanced() -> None:
    for name in ("toy", "toy_batch", "deep_sigmoid"):
        session = toy(name=name)
        for node in session.model.params:
            tex = explain(session, node, "latex")
            d = derive(session, node)
            for f in d.factors:
                assert f"${f.latex}$, shape ${latex_shape(f.shape)}$" in tex, (name, node, f.symbol)
            assert all(c.isascii() or "\uac00" <= c <= "\ud7a3" for c in tex)  # ASCII, and Hangul for kotex
            assert tex.count("{") == tex.count("}")
            assert tex.count(r"\begin{") == tex.count(r"\end{")
            assert tex.count("$") % 2 == 0
            assert tex.startswith(r"\documentclass")
            assert tex.rstrip().endswith(r"\end{document}")


def test_text_markdown_and_latex_carry_the_same_numbers() -> None:
    session = toy()
    grad = session.grad("W1")
    assert grad is not None
    outputs = {fmt: explain(session, "W1", fmt) for fmt in ("text", "markdown", "latex")}
    for fmt, out in outputs.items():
        for value in grad.ravel():
            written = latex(float(value)) if fmt == "latex" else shown(float(value), 6)
            assert written in out, (fmt, value)
        for count in ("44", "17", "153"):  # dense numbers, VJP numbers, forward-mode cost
            assert count in out, (fmt, count)
        assert out.count("vector by matrix") == outputs["text"].count("vector by matrix"), fmt
    # the written-out contraction of the lecture, with the numbers
    assert "(−0.132)(1) + (0.07328)(0) + (0.1041)(0) = −0.132" in outputs["text"]
    assert "(-0.132)(1) + (0.07328)(0) + (0.1041)(0) = -0.132$" in outputs["latex"]
    assert "h⁽¹⁾₁ = w⁽¹⁾₁₁x₁ + w⁽¹⁾₂₁x₂ + w⁽¹⁾₃₁x₃ = (0.1)(1) + (0)(2) + (0.2)(3) = 0.7" in outputs["text"]


def test_text_shows_every_factor_in_full_up_to_144_numbers() -> None:
    text = explain(toy(), "W1", "text")
    assert "J = ∂H₁/∂W₁ as 3×9" in text  # 27 numbers, written out
    assert re.search(r"1\s+0\s+0\s+2\s+0\s+0\s+3\s+0\s+0", text)


def test_derivation_files_cover_every_parameter() -> None:
    files = derivation_files(toy())
    assert set(files) == {"derivation.md", "derivation.tex"}
    for node in ("W₁", "W₂", "W₃"):
        assert f"∂L/∂{node}" in files["derivation.md"]
    for node in ("W_{1}", "W_{2}", "W_{3}"):
        assert rf"\partial {node}" in files["derivation.tex"]
    early = derivation_files(toy(10))
    assert "∂L/∂W1 is not known at step 10/11" in early["derivation.md"]


def test_derivation_writes_the_contraction_rows_with_their_collapsed_form() -> None:
    """The element-by-element contraction (slide 8) for W₃: both terms, the zero included, and the table's form."""
    markdown = derivation_files(toy())["derivation.md"]
    lines = [line for line in markdown.splitlines() if line.startswith("∂L/∂w⁽³⁾₁₁ = ")]
    assert len(lines) == 1
    line = lines[0]
    assert "∂L/∂ŷ₁·∂ŷ₁/∂w⁽³⁾₁₁ + ∂L/∂ŷ₂·∂ŷ₂/∂w⁽³⁾₁₁" in line
    assert "(0.23)" in line  # h⁽²⁾₁ = W₂ᵀW₁ᵀx, first element
    assert re.search(r"= [−-]0\.06118 ", line)  # (−0.266)(0.23) + (0.522)(0)
    assert line.endswith(r"\[= ∂L/∂ŷ₁ × h⁽²⁾₁\]")  # Markdown's escaped brackets: shown as [ and ], never a link


# -- Markdown: labels come out inert ---------------------------------------------------------------


def _render(markdown: str) -> tuple[list[str], str]:
    """The token types a CommonMark renderer (with GFM's tables and strikethrough) makes, and the text shown."""
    markdown_it = pytest.importorskip("markdown_it")
    tokens = markdown_it.MarkdownIt("commonmark").enable(["table", "strikethrough"]).parse(markdown)
    types, text = [], []
    for token in tokens:
        types.append(token.type)
        for child in token.children or []:
            types.append(child.type)
            if child.type in ("text", "code_inline"):
                text.append(child.content)
        if token.type in ("fence", "code_block"):
            text.append(token.content)
    return types, "\n".join(text)


def _inert(markdown: str, labels: list[str]) -> None:
    # the notes beside the lecture close the handout: the program's own text (its list is ours), no label in it
    markdown, _, notes = markdown.partition("\n## Beside the lecture\n")
    assert not notes or notes == derivation_notes_of_the_toy(), "the notes hold no label"
    types, shown_text = _render(markdown)
    for bad in ("html_block", "html_inline", "link_open", "image", "em_open", "strong_open", "s_open", "table_open",
                "blockquote_open", "bullet_list_open", "code_inline"):
        assert bad not in types, (bad, markdown)
    assert types.count("heading_open") == markdown.count("\n#") + markdown.startswith("#")
    for label in labels:
        assert pretty(label) in shown_text, label  # shown as it was written, not swallowed


@functools.cache
def derivation_notes_of_the_toy() -> str:
    """The handout's closing notes, written for the toy: the same for every model."""
    session = Session(load_model(example_path("toy")))
    session.run()
    return derivation_files(session)["derivation.md"].partition("\n## Beside the lecture\n")[2]


NAMED = ["```", "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "[x](javascript:alert(1))",
         "![i](http://e.x/i.png)", "<http://e.x>", "*em*", "`code`", "# h", "> q", "- item", "a | b", "~~s~~", "<b>b</b>"]


def test_markdown_labels_with_html_links_and_markup_are_inert() -> None:
    for first in range(0, len(NAMED), 4):
        labels = [*NAMED[first:first + 4], "Y", "L2", "W9", "ok"]
        session = Session(chain(["X", "W1", "H1", "A1", "W2", "Yhat", "Y", "L"], labels, name=NAMED[first]))
        session.run()
        on_path = [labels[i] for i in (1, 2, 3, 5)]  # W1, H1, A1 and Yhat lie on W1's path
        _inert(explain(session, "W1", "markdown"), on_path)
        _inert(derivation_files(session)["derivation.md"], on_path)


@settings(max_examples=40)
@given(st.lists(LABELS, min_size=8, max_size=8), LABELS)
def test_markdown_is_inert_for_any_label(labels: list[str], name: str) -> None:
    session = Session(chain(["X", "W1", "H1", "A1", "W2", "Yhat", "Y", "L"], labels, name=name))
    session.run()
    visible = [label for label in (labels[i] for i in (1, 2, 3, 5)) if label.strip()]
    _inert(explain(session, "W1", "markdown"), [])
    _inert(derivation_files(session)["derivation.md"], visible if all(v == v.strip() for v in visible) else [])


def test_the_contraction_is_called_a_tensor_product_summed_over_the_shared_index() -> None:
    """A contraction is a tensor product summed over the shared index; only H δᵀ is an outer product."""
    from explorer import Session
    from explorer.export.explanation import explain
    from explorer.model.examples import toy_model

    session = Session(toy_model())
    session.run()
    text = explain(session, "W3")
    assert "The contraction written out (텐서곱)" not in text
    assert "The contraction written out (수식으로 이해하기): a tensor product summed over the shared index" in text


def test_a_legend_follows_the_symbols_an_explanation_uses_and_the_handout_reads_beside_the_lecture() -> None:
    from explorer import Session, load_model
    from explorer.export.explanation import derivation_files, explain
    from explorer.resources import example_path

    session = Session(load_model(example_path("deep_sigmoid")))
    session.run()
    text = explain(session, "H7")
    assert "⊙" in text.split("Symbols")[0]  # used above the legend …
    assert "⊙: the elementwise (Hadamard) product" in text  # … and explained in it
    assert "diag(v): the square matrix with v on its diagonal" in text
    assert "⊗:" not in text  # no legend line for a symbol the page does not use
    handout = derivation_files(session)["derivation.md"]
    for needle in ("scalar by vector: y = f(X), X ∈ ℝⁿ", "vector by matrix:", '"(3×1×2)"', "2×1×3×2",
                   "∂L/∂Ŷ appears three ways", "where it has Scalor"):
        assert needle in handout, needle
    assert "ℝ" not in derivation_files(session)["derivation.tex"]  # the notes are the Markdown's and the window's
