"""The exercise file (format ``jacobian-explorer/exercises``, version 1, SPEC section 9): its items, read strictly.

Each item asks for one thing at one step of the pass. Reading checks that
the thing exists at that step (a value once its forward step is taken, a
gradient once its backward step is), so that every item can be answered;
a bad file gives one line naming the item and the problem
(:class:`~explorer.model.ModelError`).

>>> from explorer.model.examples import toy_model
>>> from explorer.model import model_to_dict
>>> document = {"format": FORMAT, "version": 1, "model": model_to_dict(toy_model()),
...             "items": [{"id": "q1", "step": 3, "ask": "value", "node": "Yhat"}]}
>>> exercises_from_dict(document).items[0]
Item(id='q1', step=3, ask='value', node='Yhat', wrt=None, of=None, index=None, tolerance=0.001, prompt=None)
"""

from __future__ import annotations

import math
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from explorer.engine import Session
from explorer.lesson.notation import pretty
from explorer.model import Model, ModelError, model_from_dict, model_to_dict
from explorer.model.door import peek_bytes
from explorer.model.io import check_version, read_json
from explorer.model.names import check_id, check_text
from explorer.model.quote import shown

FORMAT = "jacobian-explorer/exercises"
VERSION = 1
ASKS = ("value", "grad", "jacobian", "element")
LANGUAGES = ("en", "ko")
#: Most items in one file.
MAX_ITEMS = 200
#: Most elements in one expected answer (a student types it: a Jacobian of 10,000 numbers is already absurd).
MAX_ANSWER_ELEMENTS = 10_000
#: Longest prompt or title, per language.
MAX_PROMPT_LENGTH = 1000
DEFAULT_TOLERANCE = 1e-3

_ITEM_KEYS = {"id", "step", "ask", "node", "wrt", "of", "index", "tolerance", "prompt"}
_FILE_KEYS = {"format", "version", "title", "model", "items"}


@dataclass(frozen=True)
class Item:
    """One question: ``ask`` of ``node`` at ``step`` (``wrt`` for a Jacobian, ``of`` and ``index`` for an element)."""

    id: str
    step: int
    ask: str
    node: str
    wrt: str | None = None
    of: str | None = None
    index: tuple[int, ...] | None = None
    tolerance: float = DEFAULT_TOLERANCE
    prompt: Mapping[str, str] | None = None

    def what(self, model: Model | None = None) -> str:
        """The question in a few words, as the command line prints it: ``∂L/∂W₃ at step 8``.

        The nodes are named as a reader knows them (``Ŷ``, ``W₃``) by ``model``'s labels;
        without a model, by their ids.
        """
        def name(node: str | None) -> str:
            return "" if node is None else pretty(model.label(node)) if model is not None and node in model else node

        if self.ask == "value":
            thing = name(self.node)
        elif self.ask == "grad":
            thing = f"∂L/∂{name(self.node)}"
        elif self.ask == "jacobian":
            thing = f"∂{name(self.node)}/∂{name(self.wrt)}"
        else:
            base = name(self.node) if self.of == "value" else f"∂L/∂{name(self.node)}"
            thing = f"{base}[{', '.join(map(str, self.index or ()))}]"
        return f"{thing} at step {self.step}"


@dataclass(frozen=True)
class Exercises:
    """A model and the items asked about it; ``title`` per language."""

    model: Model
    items: tuple[Item, ...]
    title: Mapping[str, str] = field(default_factory=dict)

    def item(self, item_id: str) -> Item:
        for item in self.items:
            if item.id == item_id:
                return item
        raise KeyError(item_id)


def _texts(raw: Any, what: str) -> dict[str, str]:
    """A ``{"en": …, "ko": …}`` text; a plain string counts as English."""
    if isinstance(raw, str):
        raw = {"en": raw}
    if not isinstance(raw, Mapping):
        raise ModelError(f"{what} must be an object {{\"en\": …, \"ko\": …}}, got {shown(raw)}")
    unknown = set(raw) - set(LANGUAGES)
    if unknown:
        raise ModelError(f"{what} has an unknown language {shown(sorted(unknown)[0], 20)} (known: en, ko)")
    return {key: check_text(raw[key], f"{what} ({key})", limit=MAX_PROMPT_LENGTH) for key in LANGUAGES if key in raw}


def _integer(raw: Any) -> bool:
    return isinstance(raw, int) and not isinstance(raw, bool)


def _known_at(model: Model, plan: Mapping[tuple[Any, str], int]) -> tuple[dict[str, int], dict[str, int]]:
    """Per node, the step after which its value is known (0 for a leaf), and after which its gradient is."""
    value_at = {node: plan.get(("forward", node), 0) for node in model.order}
    grad_at = {node: index for (phase, node), index in plan.items() if phase == "backward"}
    return value_at, grad_at


def _item(raw: Any, number: int, model: Model, value_at: Mapping[str, int], grad_at: Mapping[str, int], total: int) -> Item:
    if not isinstance(raw, Mapping):
        raise ModelError(f"item #{number} is not an object")
    item_id = check_id(raw.get("id"), f"item #{number}")
    name = f"item {shown(item_id)}"

    def bad(problem: str) -> ModelError:
        return ModelError(f"{name}: {problem}")

    unknown = set(raw) - _ITEM_KEYS
    if unknown:
        raise bad(f"unknown key {shown(sorted(unknown)[0], 20)}")
    step: Any = raw.get("step")
    ask: Any = raw.get("ask")
    node: Any = raw.get("node")
    if not _integer(step) or not 0 <= step <= total:
        raise bad(f"step must be an integer from 0 to {total}, got {shown(step)}")
    if ask not in ASKS:
        raise bad(f"ask must be one of {', '.join(ASKS)}, got {shown(ask)}")
    if not isinstance(node, str) or node not in model:
        raise bad(f"no node {shown(node)} in the model")
    tolerance = raw.get("tolerance", DEFAULT_TOLERANCE)
    if isinstance(tolerance, bool) or not isinstance(tolerance, int | float) or not (0 < tolerance < math.inf):
        raise bad(f"tolerance must be a positive number, got {shown(tolerance)}")
    prompt = _texts(raw["prompt"], f"{name}: prompt") if raw.get("prompt") is not None else None
    wrt: Any = raw.get("wrt")
    of: Any = raw.get("of")
    index: Any = raw.get("index")
    for key, used in (("wrt", ask == "jacobian"), ("of", ask == "element"), ("index", ask == "element")):
        if not used and raw.get(key) is not None:
            raise bad(f"{key} belongs to ask {'jacobian' if key == 'wrt' else 'element'}, not {ask}")
    needs = "value" if ask in ("value", "jacobian") else "grad" if ask == "grad" else of
    if ask == "jacobian":
        if model.spec(node).info.is_leaf:
            raise bad(f"{node} is a leaf: it has no Jacobian")
        if wrt not in model.inputs(node).values():
            raise bad(f"wrt must be an input of {node} ({', '.join(model.inputs(node).values())}), got {shown(wrt)}")
        size = int(np.prod(model.shape(node))) * int(np.prod(model.shape(wrt)))
        if size > MAX_ANSWER_ELEMENTS:
            raise bad(f"∂{node}/∂{wrt} has {size:,} elements; an answer holds at most {MAX_ANSWER_ELEMENTS:,}")
    if ask == "element":
        if of not in ("value", "grad"):
            raise bad(f"of must be value or grad, got {shown(of)}")
        shape = model.shape(node)
        if not isinstance(index, list) or not all(map(_integer, index)) or len(index) != len(shape):
            raise bad(f"index must be a list of {len(shape)} integers for {node} {shape}, got {shown(index)}")
        if not all(0 <= i < n for i, n in zip(index, shape, strict=True)):
            raise bad(f"index {index} is outside {node}'s shape {shape}")
        index = tuple(index)
    elif ask != "jacobian" and math.prod(model.shape(node)) > MAX_ANSWER_ELEMENTS:
        raise bad(f"{node} has {math.prod(model.shape(node)):,} elements; an answer holds at most {MAX_ANSWER_ELEMENTS:,}")
    if needs == "value" and value_at[node] > step:
        raise bad(f"the value of {node} is not known at step {step}: the forward pass reaches it at step {value_at[node]}")
    if needs == "grad":
        if node not in grad_at:
            raise bad(f"{node} gets no gradient in this model")
        if grad_at[node] > step:
            raise bad(f"∂L/∂{node} is not known at step {step}: the backward pass reaches it at step {grad_at[node]}")
    return Item(item_id, step, ask, node, wrt, of, index, float(tolerance), prompt)


def check_item(model: Model, raw: Mapping[str, Any], number: int = 1) -> Item:
    """One item (as in the file) checked against ``model``: it can be answered at its step, or a one-line :class:`ModelError`."""
    plan = {(step.phase, step.node): step.index for step in Session(model).plan}
    value_at, grad_at = _known_at(model, plan)
    return _item(raw, number, model, value_at, grad_at, len(plan))


def known_at(model: Model, node: str, kind: str) -> int | None:
    """The step after which ``node``'s ``kind`` (``value`` or ``grad``) is known; ``None`` when it never is."""
    plan = {(step.phase, step.node): step.index for step in Session(model).plan}
    value_at, grad_at = _known_at(model, plan)
    return value_at.get(node) if kind == "value" else grad_at.get(node)


def exercises_from_dict(document: Any) -> Exercises:
    """Build and validate an exercise set from a parsed exercise document."""
    if not isinstance(document, Mapping):
        raise ModelError("the exercise file must hold a JSON object")
    if document.get("format") != FORMAT:
        raise ModelError(f"format must be {FORMAT!r}, got {shown(document.get('format'))}")
    check_version(document)
    unknown = set(document) - _FILE_KEYS
    if unknown:
        raise ModelError(f"the exercise file has an unknown key {shown(sorted(unknown)[0], 20)}")
    title = _texts(document.get("title", {}), "title")
    try:
        model = model_from_dict(document.get("model"))
    except ModelError as error:
        raise ModelError(f"the exercise file's model: {error}") from None
    items = document.get("items")
    if not isinstance(items, list) or not items:
        raise ModelError("items must be a non-empty list")
    if len(items) > MAX_ITEMS:
        raise ModelError(f"the file has {len(items):,} items; the limit is {MAX_ITEMS}")
    plan = {(step.phase, step.node): step.index for step in Session(model).plan}
    value_at, grad_at = _known_at(model, plan)
    read = [_item(raw, i + 1, model, value_at, grad_at, len(plan)) for i, raw in enumerate(items)]
    seen: set[str] = set()
    for item in read:
        if item.id in seen:
            raise ModelError(f"item {shown(item.id)}: the id is used twice")
        seen.add(item.id)
    return Exercises(model, tuple(read), title)


def read_exercises(path: str | os.PathLike[str]) -> Exercises:
    """Read an exercise file through the model's reading door (:func:`~explorer.model.io.read_json`)."""
    return exercises_from_dict(read_json(path))


def looks_like_exercises(path: str | os.PathLike[str], peek: int = 64 * 1024) -> bool:
    """Whether ``path`` is a regular file naming the exercise format in its first ``peek`` bytes
    (a cheap look before the strict read, so that a model file is never read twice)."""
    return FORMAT.encode() in peek_bytes(path, peek)  # through the reading door: never blocks on a pipe


def is_exercises(document: Any) -> bool:
    """Whether a parsed document says it is an exercise file (the window's File → Open asks)."""
    return isinstance(document, Mapping) and document.get("format") == FORMAT


def item_to_dict(item: Item) -> dict[str, Any]:
    raw: dict[str, Any] = {"id": item.id, "step": item.step, "ask": item.ask, "node": item.node}
    if item.wrt is not None:
        raw["wrt"] = item.wrt
    if item.of is not None:
        raw["of"] = item.of
    if item.index is not None:
        raw["index"] = list(item.index)
    if item.tolerance != DEFAULT_TOLERANCE:
        raw["tolerance"] = item.tolerance
    if item.prompt:
        raw["prompt"] = dict(item.prompt)
    return raw


def exercises_to_dict(exercises: Exercises) -> dict[str, Any]:
    """The exercise set as a JSON-ready document, the model's every value written out."""
    document: dict[str, Any] = {"format": FORMAT, "version": VERSION}
    if exercises.title:
        document["title"] = dict(exercises.title)
    document["model"] = model_to_dict(exercises.model, fill_values=True)
    document["items"] = [item_to_dict(item) for item in exercises.items]
    return document
