"""Hostile ids and labels for the exports: keywords, builtins, dunder names, quotes, backslashes, markup, Unicode."""

from __future__ import annotations

import keyword

from hypothesis import strategies as st

from explorer.model import Model, model_from_dict

#: Ids that shadowed what the scripts use, when ids were Python names.
SHADOWS = ("float", "print", "tuple", "__debug__", "__builtins__", "np", "json", "sys", "value", "grad", "grads",
           "loss", "node", "g", "k", "t", "torch", "lambda", "None", "True", "__name__", "range", "dict")


def chain(ids: list[str], labels: list[str] | None = None, name: str = "chain") -> Model:
    """X, W1 → H1 → tanh → W2 → Yhat, Y → half_sse, with the given eight ids (and labels)."""
    x, w1, h1, a1, w2, yhat, y, loss = ids
    nodes: list[dict[str, object]] = [
        {"id": x, "op": "input", "value": [[1.0, -0.5], [2.0, 0.25], [-3.0, 1.5]]},
        {"id": w1, "op": "param", "value": [[0.1, -0.2], [0.3, 0.4], [-0.5, 0.6]]},
        {"id": h1, "op": "linear", "inputs": {"x": x, "w": w1}},
        {"id": a1, "op": "tanh", "inputs": {"x": h1}},
        {"id": w2, "op": "param", "value": [[0.7, -0.3], [0.2, 0.9]]},
        {"id": yhat, "op": "linear", "inputs": {"x": a1, "w": w2}},
        {"id": y, "op": "target", "value": [[0.2, 0.8], [0.6, 0.1]]},
        {"id": loss, "op": "half_sse", "inputs": {"pred": yhat, "target": y}},
    ]
    for node, label in zip(nodes, labels or [], strict=False):
        node["label"] = label
    return model_from_dict({"format": "jacobian-explorer/model", "version": 1, "name": name, "nodes": nodes})


HOSTILE = chain(["__builtins__", "float", "print", "tuple", "__debug__", "json", "it's \"q\" \\n", "sys"],
                name='"""\\ evil """ name\\')

#: Labels that were passed through raw: HTML, links, images, LaTeX's specials, scripts opening a label.
MARKUP = ("<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "[x](javascript:alert(1))",
          "![i](http://e.x/i.png)", "<http://e.x>", "`code`", "*em* _em_", "# heading", "> quote", "- item",
          "a | b", "&lt;b&gt;", "\\", "⁽x", "$\\alpha", "a$b", "%", "{", "}}", "~^", "\\end{document}", "x_1_2",
          "w⁽¹⁾₁₁", "```", "~~~", "층 레이어", "H₂ᵀ", "Ŷ", "é", "中", "😀", "\u202eRTL", "∂", "a b  ")

ID_TEXT = st.text(st.characters(blacklist_categories=("Cc", "Cf", "Zl", "Zp", "Cs")), min_size=1, max_size=12)
ODD = ("'", '"', "\\", "'" * 3, '"' * 3, "{x}", "{}", "ñ층Ω", "a\\nb", "⁽1⁾", "$_x")
IDS = st.one_of(st.sampled_from(SHADOWS + tuple(keyword.kwlist) + ODD), ID_TEXT.filter(str.strip))
LABEL_TEXT = st.text(st.characters(blacklist_categories=("Cc", "Zl", "Zp", "Cs")), max_size=12)
LABELS = st.one_of(st.sampled_from(MARKUP), LABEL_TEXT)
