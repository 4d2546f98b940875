"""The attack corpus: model and snapshot files a careless or hostile user could hand the program.

:func:`build_corpus` writes every case into a folder (special files made on
the spot: a FIFO, links to devices, a sparse file past the size limit) and
returns them. Each case says what the loader must do with it: ``"ok"`` (it
loads), ``"refused"`` (exit 2 with one line, naming ``mentions`` when given)
or ``None`` (either, but cleanly). The classes follow the robustness issue's
items 1–14; the window-only items (9 Save, 11 background work) and the
platform check (14) have no file to attack and are tested elsewhere.
"""

from __future__ import annotations

import copy
import json
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

#: ``export --code`` writes no scripts for a model of over 1,000,000 numbers (one line, exit 2).
CODE_EXPORT = ("export-code",)
#: The loader's documented file limit (README: "files of at most 512 MiB").
MAX_FILE_BYTES = 512 * 1024 * 1024


@dataclass(frozen=True)
class Case:
    """One attack: a file and what the program must make of it."""

    name: str
    path: Path
    expect: str | None  # "ok", "refused", or None for either
    mentions: str | None = None  # text the refusal line must contain (the node, or the problem)
    heavy: bool = False  # slow to run through every surface: the benchmark takes it, the tests a subset
    extra: dict[str, list[str]] = field(default_factory=dict)  # extra arguments per surface
    #: surfaces where an "ok" case may still be refused with one line, by a documented limit of that surface
    may_refuse: tuple[str, ...] = ()


def toy() -> dict:
    """The lecture's toy network as a document: H1 = W1ᵀX, H2 = W2ᵀH1, Ŷ = W3ᵀH2, L = ½Σ(Ŷ − Y)²."""
    return {
        "format": "jacobian-explorer/model",
        "version": 1,
        "name": "toy",
        "nodes": [
            {"id": "X", "op": "input", "value": [[1.0], [2.0], [3.0]]},
            {"id": "W1", "op": "param", "value": [[0.1, -0.2, 0.3], [0.0, 0.1, -0.1], [0.2, 0.0, 0.1]]},
            {"id": "H1", "op": "linear", "inputs": {"x": "X", "w": "W1"}},
            {"id": "A1", "op": "sigmoid", "inputs": {"x": "H1"}},
            {"id": "W2", "op": "param", "value": [[0.5, 0.0, -0.5], [0.1, 0.2, 0.3], [-0.3, 0.4, 0.0]]},
            {"id": "H2", "op": "linear", "inputs": {"x": "A1", "w": "W2"}},
            {"id": "W3", "op": "param", "value": [[0.2, -0.1], [0.3, 0.5], [-0.4, 0.1]]},
            {"id": "Yhat", "op": "linear", "label": "Ŷ", "inputs": {"x": "H2", "w": "W3"}},
            {"id": "Y", "op": "target", "value": [[0.5], [-0.5]]},
            {"id": "L", "op": "half_sse", "inputs": {"pred": "Yhat", "target": "Y"}},
        ],
    }


def node(doc: dict, node_id: str) -> dict:
    return next(n for n in doc["nodes"] if n["id"] == node_id)


def changed(change: Callable[[dict], object]) -> dict:
    doc = toy()
    change(doc)
    return doc


def _set(node_id: str, key: str, value: object) -> Callable[[dict], object]:
    return lambda doc: node(doc, node_id).__setitem__(key, value)


def _with_literal(doc: dict, literal: str) -> str:
    """``doc`` as JSON with the string ``"@"`` replaced by a raw literal (numbers JSON or float cannot hold)."""
    return json.dumps(doc).replace('"@"', literal)


def _chain(widths: list[int], batch: int, act: str = "identity", init: bool = True) -> dict:
    """A chain X → (linear, act)* → L with seeded parameters: Jacobian sizes follow from widths and batch."""
    nodes: list[dict] = [{"id": "X", "op": "input", "value": [[0.5] * batch for _ in range(widths[0])]}]
    previous = "X"
    for k, (n_in, n_out) in enumerate(zip(widths, widths[1:], strict=False), start=1):
        w = {"id": f"W{k}", "op": "param", "shape": [n_in, n_out], "init": {"kind": "normal", "std": 0.1, "seed": k}}
        nodes.append(w if init else {**{a: b for a, b in w.items() if a not in ("shape", "init")},
                                     "value": [[0.01] * n_out for _ in range(n_in)]})
        nodes.append({"id": f"H{k}", "op": "linear", "inputs": {"x": previous, "w": f"W{k}"}})
        previous = f"H{k}"
        if act != "identity":
            nodes.append({"id": f"A{k}", "op": act, "inputs": {"x": previous}})
            previous = f"A{k}"
    nodes.append({"id": "Y", "op": "target", "value": [[0.0] * batch for _ in range(widths[-1])]})
    nodes.append({"id": "L", "op": "half_sse", "inputs": {"pred": previous, "target": "Y"}})
    return {"format": "jacobian-explorer/model", "version": 1, "name": "chain", "nodes": nodes}


def _snapshot_of(doc: dict, index: int | str | None, phase: str = "done", total: object = None) -> dict:
    """A snapshot document of ``doc`` whose step says ``index`` (the rest empty: the loader reads the step)."""
    filled = copy.deepcopy(doc)
    return {
        "format": "jacobian-explorer/snapshot",
        "version": 1,
        "model": filled,
        "step": {"phase": phase, "index": index, "total": total},
        "loss": None,
        "nodes": {},
        "jacobians": {},
    }


def _json_cases() -> list[tuple[str, str | bytes, str | None, str | None]]:
    """``(name, file content, expect, mentions)`` for every case that is only a file's bytes."""
    big = "1" + "0" * 4400
    cases: list[tuple[str, str | bytes, str | None, str | None]] = [
        # the baseline: a good model holds on every surface
        ("toy", json.dumps(toy()), "ok", None),
        # item 4: odd JSON and odd types
        ("not-json", "{\"format\": ", "refused", None),
        ("top-level-list", "[]", "refused", None),
        ("top-level-null", "null", "refused", None),
        ("top-level-number", "1e999", "refused", None),
        ("nodes-a-dict", json.dumps({**toy(), "nodes": {"X": {}}}), "refused", None),
        ("nodes-strings", json.dumps({**toy(), "nodes": ["X", "L"]}), "refused", None),
        ("version-string", json.dumps({**toy(), "version": "1"}), "refused", None),
        ("version-2", json.dumps({**toy(), "version": 2}), "refused", None),
        ("format-wrong", json.dumps({**toy(), "format": "onnx"}), "refused", None),
        ("id-a-number", json.dumps(changed(_set("W2", "id", 7))), "refused", None),
        ("op-unknown", json.dumps(changed(_set("A1", "op", "__import__('os')"))), "refused", "A1"),
        ("inputs-a-list", json.dumps(changed(_set("H1", "inputs", ["X", "W1"]))), "refused", "H1"),
        ("port-missing", json.dumps(changed(_set("H1", "inputs", {"x": "X"}))), "refused", "H1"),
        ("port-to-nowhere", json.dumps(changed(_set("H1", "inputs", {"x": "X", "w": "nope"}))), "refused", "H1"),
        ("value-strings", json.dumps(changed(_set("X", "value", [["1"], ["2"], ["3"]]))), "refused", "X"),
        ("value-booleans", json.dumps(changed(_set("X", "value", [[True], [False], [True]]))), "refused", "X"),
        ("value-null", json.dumps(changed(_set("X", "value", None))), "refused", "X"),
        ("value-empty", json.dumps(changed(_set("X", "value", []))), "refused", "X"),
        ("value-empty-rows", json.dumps(changed(_set("X", "value", [[], [], []]))), "refused", "X"),
        ("value-ragged", json.dumps(changed(_set("W1", "value", [[0.1, 0.2, 0.3], [0.1], [0.2, 0.0, 0.1]]))),
         "refused", "W1"),
        ("value-3d", json.dumps(changed(_set("X", "value", [[[1.0]], [[2.0]], [[3.0]]]))), "refused", "X"),
        ("shape-mismatch", json.dumps(changed(_set("W1", "value", [[0.1, 0.2], [0.0, 0.1]]))), "refused", None),
        ("duplicate-id", json.dumps(changed(lambda d: d["nodes"].append({"id": "X", "op": "input",
                                                                          "value": [[1.0]]}))), "refused", "X"),
        ("no-loss", json.dumps(changed(lambda d: d["nodes"].pop())), "refused", None),
        ("two-losses", json.dumps(changed(lambda d: d["nodes"].append(
            {"id": "L2", "op": "sse", "inputs": {"pred": "Yhat", "target": "Y"}}))), "refused", None),
        ("cycle", json.dumps(changed(_set("H1", "inputs", {"x": "H2", "w": "W1"}))), "refused", None),
        ("duplicate-keys", json.dumps(toy())[:-1] + ', "nodes": []}', "refused", None),
        ("utf8-bom", "\ufeff" + json.dumps(toy()), None, None),
        ("deep-nesting", "[" * 200_000 + "]" * 200_000, "refused", None),
        ("deep-nesting-in-value", json.dumps(changed(_set("X", "value", "@"))).replace(
            '"@"', "[" * 50_000 + "1" + "]" * 50_000), "refused", None),
        ("many-nodes", json.dumps({**toy(), "nodes": toy()["nodes"][:-1] + [
            {"id": f"N{k}", "op": "identity", "inputs": {"x": "Yhat"}} for k in range(600)] + [toy()["nodes"][-1]]}),
         "refused", None),
        # items 4, 5, 7, 13: numbers past float, long integers, NaN and Infinity literals, subnormals, 1e308
        ("number-past-float", _with_literal(changed(_set("X", "value", [[1.0], ["@"], [3.0]])), "1e400"),
         "refused", "X"),
        ("integer-4400-digits", _with_literal(changed(_set("X", "value", [[1.0], ["@"], [3.0]])), big),
         "refused", "X"),
        ("integer-4400-digits-shape", _with_literal(changed(lambda d: node(d, "W3").update(
            {"value": None, "shape": ["@", 2], "init": {"kind": "zeros"}})), big), "refused", "W3"),
        ("integer-4400-digits-std", _with_literal(changed(lambda d: node(d, "W3").update(
            {"shape": [3, 2], "init": {"kind": "normal", "std": "@", "seed": 1}}) or node(d, "W3").pop("value")),
            big), "refused", "W3"),
        ("integer-4400-digits-seed", _with_literal(changed(lambda d: node(d, "W3").update(
            {"shape": [3, 2], "init": {"kind": "normal", "std": 0.1, "seed": "@"}}) or node(d, "W3").pop("value")),
            big), None, None),
        ("std-1e20-integer", _with_literal(changed(lambda d: node(d, "W3").update(
            {"shape": [3, 2], "init": {"kind": "normal", "std": "@", "seed": 1}}) or node(d, "W3").pop("value")),
            "100000000000000000000"), None, None),
        ("init-std-1e308", json.dumps(changed(lambda d: node(d, "W3").update(
            {"shape": [3, 2], "init": {"kind": "normal", "std": 1e308, "mean": 1e308, "seed": 1}})
            or node(d, "W3").pop("value"))), "refused", "W3"),
        ("nan-literal", _with_literal(changed(_set("W2", "value", [[0.5, 0.0, "@"], [0.1, 0.2, 0.3],
                                                                   [-0.3, 0.4, 0.0]])), "NaN"), "refused", "W2"),
        ("infinity-literal", _with_literal(changed(_set("Y", "value", [["@"], [0.0]])), "Infinity"), "refused", "Y"),
        ("minus-infinity-literal", _with_literal(changed(_set("X", "value", [["@"], [1.0], [2.0]])), "-Infinity"),
         "refused", "X"),
        ("nan-in-pos", _with_literal(changed(_set("H1", "pos", ["@", 0])), "NaN"), "refused", "H1"),
        ("subnormal-everywhere", json.dumps(changed(lambda d: [
            n.__setitem__("value", [[5e-324] * len(n["value"][0]) for _ in n["value"]])
            for n in d["nodes"] if "value" in n])), "ok", None),
        ("zeros-everywhere", json.dumps(changed(lambda d: [
            n.__setitem__("value", [[0.0] * len(n["value"][0]) for _ in n["value"]])
            for n in d["nodes"] if "value" in n])), "ok", None),
        ("mixed-extremes", json.dumps(changed(_set("X", "value", [[-1e-300], [5e-324], [1e-10]]))), "ok", None),
        ("value-1e308", json.dumps(changed(_set("X", "value", [[1e308], [-1e308], [1e308]]))), None, None),
        ("forward-overflows", json.dumps(changed(lambda d: (
            node(d, "X").__setitem__("value", [[1e200], [1e200], [1e200]]),
            node(d, "W1").__setitem__("value", [[1e200] * 3] * 3)))), None, None),
        ("loss-overflows", json.dumps(changed(_set("Y", "value", [[1e300], [-1e300]]))), None, None),
        ("backward-overflows", json.dumps(changed(lambda d: (
            node(d, "W3").__setitem__("value", [[1e300, 1e300]] * 3),
            node(d, "Y").__setitem__("value", [[1e10], [1e10]])))), None, None),
        # items 2, 3: text
        ("label-200", json.dumps(changed(_set("W2", "label", "λ" * 200))), "ok", None),
        ("label-201", json.dumps(changed(_set("W2", "label", "λ" * 201))), "refused", "W2"),
        ("label-million", json.dumps(changed(_set("W2", "label", "W" * 1_000_000))), "refused", "W2"),
        ("label-html", json.dumps(changed(_set("W2", "label", "<b>bold</b><table><tr><td>x</td></tr></table>"))),
         "ok", None),
        ("label-newline", json.dumps(changed(_set("W2", "label", "W\n2"))), "refused", "W2"),
        ("label-surrogate", json.dumps(changed(_set("W2", "label", "W\ud800"))), "refused", "W2"),
        ("id-newline", json.dumps(changed(lambda d: (_set("W2", "id", "W\n2")(d),
                                                     _set("H2", "inputs", {"x": "A1", "w": "W\n2"})(d)))),
         "refused", None),
        ("id-escape-sequence", json.dumps(changed(lambda d: (_set("W2", "id", "W\x1b[2J")(d),
                                                             _set("H2", "inputs", {"x": "A1", "w": "W\x1b[2J"})(d)))),
         "refused", None),
        ("id-bell-nul", json.dumps(changed(lambda d: (_set("W2", "id", "W\x07\x00")(d),
                                                      _set("H2", "inputs", {"x": "A1", "w": "W\x07\x00"})(d)))),
         "refused", None),
        ("id-surrogate", json.dumps(changed(lambda d: (_set("W2", "id", "W\udc00")(d),
                                                       _set("H2", "inputs", {"x": "A1", "w": "W\udc00"})(d)))),
         "refused", None),
        ("id-65-chars", json.dumps(changed(lambda d: (_set("W2", "id", "W" * 65)(d),
                                                      _set("H2", "inputs", {"x": "A1", "w": "W" * 65})(d)))),
         "refused", None),
        ("id-empty", json.dumps(changed(lambda d: (_set("W2", "id", "")(d),
                                                   _set("H2", "inputs", {"x": "A1", "w": ""})(d)))), "refused", None),
        ("name-surrogate", json.dumps({**toy(), "name": "toy\udfff"}), "refused", None),
        ("key-surrogate", json.dumps({**toy(), "\ud800": 1}), "refused", None),
        ("name-html", json.dumps({**toy(), "name": '<img src="/etc/passwd"> & <script>'}), "ok", None),
        # item 5: limits before allocation, positions
        ("unconnected-4096x4096", json.dumps(changed(lambda d: d["nodes"].insert(0, {
            "id": "P", "op": "param", "shape": [4096, 4096], "init": {"kind": "normal", "std": 1, "seed": 1}}))),
         "refused", "P"),
        ("unconnected-params-past-total", json.dumps(changed(lambda d: d["nodes"][:0].extend([]) or [
            d["nodes"].insert(0, {"id": f"P{k}", "op": "param", "shape": [4096, 4096], "init": {"kind": "zeros"}})
            for k in range(2)])), "refused", None),
        ("shape-4097", json.dumps(changed(lambda d: node(d, "W3").update(
            {"shape": [3, 4097], "init": {"kind": "zeros"}}) or node(d, "W3").pop("value"))), "refused", "W3"),
        ("shape-negative", json.dumps(changed(lambda d: node(d, "W3").update(
            {"shape": [-3, 2], "init": {"kind": "zeros"}}) or node(d, "W3").pop("value"))), "refused", "W3"),
        ("shape-zero", json.dumps(changed(lambda d: node(d, "W3").update(
            {"shape": [0, 2], "init": {"kind": "zeros"}}) or node(d, "W3").pop("value"))), "refused", "W3"),
        ("shape-float", json.dumps(changed(lambda d: node(d, "W3").update(
            {"shape": [3.0, 2.5], "init": {"kind": "zeros"}}) or node(d, "W3").pop("value"))), "refused", "W3"),
        ("pos-1e308", json.dumps(changed(_set("H1", "pos", [1e308, -1e308]))), "refused", "H1"),
        ("pos-past-canvas", json.dumps(changed(_set("H1", "pos", [100_000.5, 0]))), "refused", "H1"),
        ("pos-at-canvas-edge", json.dumps(changed(lambda d: [
            n.__setitem__("pos", [(-1) ** k * 100_000.0, 100_000.0 * (k % 2)]) for k, n in enumerate(d["nodes"])])),
         "ok", None),
        ("pos-not-a-pair", json.dumps(changed(_set("H1", "pos", [1, 2, 3]))), "refused", "H1"),
        # item 8: a ReLU kink (pre-activation exactly 0)
        ("relu-kink", json.dumps(changed(lambda d: (
            _set("A1", "op", "relu")(d),
            _set("W1", "value", [[0.0, 0.1, 0.0], [0.0, 0.1, 0.0], [0.0, 0.1, 0.0]])(d)))), "ok", None),
        # other text encodings and sizes
        ("empty-file", b"", "refused", None),
        ("whitespace-only", b" \n\t ", "refused", None),
        ("latin-1", json.dumps(changed(lambda d: (_set("W2", "label", "é")(d), node(d, "Yhat").pop("label"))),
                               ensure_ascii=False).encode("latin-1"),
         "refused", None),
        ("utf-16", json.dumps(toy()).encode("utf-16"), "refused", None),
        ("nul-bytes", b"\x00" * 4096, "refused", None),
    ]
    return cases


def _snapshot_cases() -> list[tuple[str, dict, str | None, str | None]]:
    return [
        ("snapshot-step-0", _snapshot_of(toy(), 0), "ok", None),
        ("snapshot-step-negative", _snapshot_of(toy(), -1), "refused", None),
        ("snapshot-step-past-end", _snapshot_of(toy(), 10_000), "refused", None),
        ("snapshot-step-string", _snapshot_of(toy(), "3"), "refused", None),
        ("snapshot-step-float", _snapshot_of(toy(), 2.5), "refused", None),
        ("snapshot-step-null", _snapshot_of(toy(), None), "refused", None),
        ("snapshot-step-true", _snapshot_of(toy(), True), "refused", None),
        ("snapshot-step-missing", {**_snapshot_of(toy(), 0), "step": None}, "refused", None),
        ("snapshot-model-missing", {**_snapshot_of(toy(), 0), "model": None}, "refused", None),
        ("snapshot-model-broken", _snapshot_of(changed(_set("H1", "inputs", {"x": "X"})), 0), "refused", "H1"),
    ]


def _write(folder: Path, name: str, content: str | bytes | dict) -> Path:
    path = folder / f"{name}.json"
    if isinstance(content, dict):
        content = json.dumps(content)
    if isinstance(content, str):
        content = content.encode("utf-8", "surrogatepass")
    path.write_bytes(content)
    return path


def build_corpus(folder: Path, heavy: bool = True) -> list[Case]:
    """Write every attack into ``folder`` (which must exist) and return the cases; ``heavy=False`` leaves out
    the slow ones (large models and the snapshot past the Jacobian limit)."""
    folder = Path(folder)
    cases: list[Case] = []
    for name, content, expect, mentions in _json_cases():
        cases.append(Case(name, _write(folder, name, content), expect, mentions))
    for name, doc, expect, mentions in _snapshot_cases():
        cases.append(Case(name, _write(folder, name, doc), expect, mentions))
    cases += _special_files(folder)
    cases += _rich_text_labels(folder)
    cases += _argument_cases(folder)
    cases += _snapshots_of_exports(folder, heavy)
    if heavy:
        cases += _big_models(folder)
    return cases


def _special_files(folder: Path) -> list[Case]:
    """Item 4: things that are not regular files, and a file one byte past the size limit."""
    cases = []
    link = folder / "link-to-dev-zero.json"
    link.symlink_to("/dev/zero")
    cases.append(Case("link-to-dev-zero", link, "refused"))
    link = folder / "link-to-dev-urandom.json"
    link.symlink_to("/dev/urandom")
    cases.append(Case("link-to-dev-urandom", link, "refused"))
    pipe = folder / "named-pipe.json"
    os.mkfifo(pipe)
    cases.append(Case("named-pipe", pipe, "refused"))
    link = folder / "link-to-pipe.json"
    link.symlink_to(pipe)
    cases.append(Case("link-to-named-pipe", link, "refused"))
    directory = folder / "a-folder.json"
    directory.mkdir()
    cases.append(Case("folder", directory, "refused"))
    dangling = folder / "dangling-link.json"
    dangling.symlink_to(folder / "does-not-exist")
    cases.append(Case("dangling-link", dangling, "refused"))
    cases.append(Case("missing-file", folder / "never-written.json", "refused"))
    sparse = folder / "past-512-MiB.json"
    with open(sparse, "wb") as stream:
        stream.truncate(MAX_FILE_BYTES + 1)  # sparse: no block is written
    cases.append(Case("file-512-MiB-plus-1", sparse, "refused"))
    unreadable = folder / "unreadable.json"
    unreadable.write_text(json.dumps(toy()))
    unreadable.chmod(0)
    if os.access(unreadable, os.R_OK):  # root reads anything: then it is a good model
        cases.append(Case("unreadable", unreadable, "ok"))
    else:
        cases.append(Case("unreadable", unreadable, "refused"))
    good = _write(folder, "linked-target", toy())
    link = folder / "link-to-good.json"
    link.symlink_to(good)
    cases.append(Case("link-to-regular-file", link, "ok"))
    return cases


def _argument_cases(folder: Path) -> list[Case]:
    """A good model with hostile command-line arguments (each surface that takes them gets them)."""
    good = _write(folder, "good-for-arguments", toy())
    stepping = ("export", "export-code", "explain-json", "screenshot", "screenshot-value", "screenshot-gradient",
                "screenshot-jacobian", "screenshot-breakdown")
    shots = [s for s in stepping if s.startswith("screenshot")]
    return [
        Case("arg-step-negative", good, None, extra={s: ["--step", "-1"] for s in stepping}),
        Case("arg-step-huge", good, None, extra={s: ["--step", "1" + "0" * 30] for s in stepping}),
        Case("arg-step-not-a-number", good, None, extra={s: ["--step", "½"] for s in stepping}),
        Case("arg-select-newline", good, None, extra={s: ["--select", "W\n2\x1b[2J"] for s in shots}),
        Case("arg-size-huge", good, None, extra={s: ["--size", "99999x99999"] for s in shots}),
        Case("arg-out-dev-full", good, None, extra={"export": ["--out", "/dev/full"],
                                                    "export-code": ["--out", "/dev/full"],
                                                    **{s: ["--out", "/dev/full"] for s in shots}}),
        Case("arg-out-a-file", good, None, extra={"export": ["--out", str(good)], "export-code": ["--out", str(good)]}),
    ]


def _rich_text_labels(folder: Path) -> list[Case]:
    """Item 2: labels that rich text would turn into image loads of a FIFO, /dev/zero, a real file."""
    fifo = folder / "label-fifo"
    os.mkfifo(fifo)
    png = folder / "label.png"
    png.write_bytes(b"\x89PNG\r\n\x1a\n")  # a broken image: must not be loaded at all
    cases = []
    for name, target in [("label-img-fifo", fifo), ("label-img-dev-zero", "/dev/zero"), ("label-img-file", png)]:
        label = f'<img src="{target}" width=9999>'
        if len(label) > 200:  # a deep temporary folder: a relative path keeps the label in bounds
            label = f'<img src="{os.path.relpath(target, Path.cwd())}">'[:200]
        doc = changed(lambda d, label=label: (_set("W2", "label", label)(d), _set("H1", "label", label)(d)))
        doc["name"] = label
        cases.append(Case(name, _write(folder, name, doc), "ok"))
    return cases


def _snapshots_of_exports(folder: Path, heavy: bool) -> list[Case]:
    """Snapshots written by the program itself: at step 0, mid-pass, and over the Jacobian limit."""
    from explorer.engine import Session
    from explorer.export.snapshot import snapshot_dict
    from explorer.model import model_from_dict

    cases = []
    session = Session(model_from_dict(toy()))
    for name, position in [("snapshot-real-step-0", 0), ("snapshot-real-mid", session.total // 2),
                           ("snapshot-real-end", session.total)]:
        session.seek(position)
        cases.append(Case(name, _write(folder, name, snapshot_dict(session)), "ok"))
    broken = copy.deepcopy(snapshot_dict(session))
    broken["step"]["index"] = session.total + 1
    cases.append(Case("snapshot-real-step-past-end", _write(folder, "snapshot-real-step-past-end", broken),
                      "refused"))
    if not heavy:
        return cases
    # Yhat = W2ᵀ H1 with W2 (1001, 1000) and one sample: dYhat/dW2 has 1000·1·1001·1000 elements, far past
    # the limit; dYhat/dH1 is 1000·1·1001·1 = 1,001,000 (one past the limit plus 999)
    big = Session(model_from_dict(_chain([4, 1001, 1000], 1)))
    big.seek(big.total)
    snapshot = snapshot_dict(big)
    cases.append(Case("snapshot-over-jacobian-limit", _write(folder, "snapshot-over-jacobian-limit", snapshot),
                      "ok", heavy=True, may_refuse=CODE_EXPORT))
    return cases


def _big_models(folder: Path) -> list[Case]:
    """Items 5, 6: tiny files declaring large arrays, and a model near the limits."""
    cases = [
        # its snapshot would be about 1 GiB: refused up front with its size (issue item 6)
        Case("tiny-file-4096-layer", _write(folder, "tiny-file-4096-layer", _chain([4096, 4096], 1)), "ok",
             heavy=True, may_refuse=("export", *CODE_EXPORT)),
        Case("tiny-file-wide-batch", _write(folder, "tiny-file-wide-batch", _chain([8, 16, 4], 4096)), "ok",
             heavy=True),
        Case("deep-relu-chain", _write(folder, "deep-relu-chain", _chain([6] * 40, 3, act="relu")), "ok"),
    ]
    # a file of about 20 MB with explicit values (huge JSON to parse), within every limit
    rng = np.random.default_rng(0)
    doc = _chain([1024, 1024], 2, init=False)
    node(doc, "W1")["value"] = rng.standard_normal((1024, 1024)).round(6).tolist()
    cases.append(Case("huge-json-1024x1024", _write(folder, "huge-json-1024x1024", doc), "ok", heavy=True,
                      may_refuse=CODE_EXPORT))
    return cases
