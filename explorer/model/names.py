"""Checks of user text in the model: ids, labels, the name, lone surrogates.

Messages quote the text with :func:`explorer.model.quote.shown`, so they stay
one line.
"""

from __future__ import annotations

import unicodedata
from typing import Any

from explorer.model import limits
from explorer.model.errors import ModelError
from explorer.model.messages import Message, define, message
from explorer.model.quote import shown

define({
    "model.id_empty": "{where} needs a non-empty string id, got {id}",
    "model.id_too_long": "{where} has an id of {length:,} characters ({id}); the limit is {limit}",
    "model.id_bad_character": "{where} has an id holding the character {bad} ({id}); ids may not hold control characters, line breaks or invisible characters",
    "model.text_not_string": "{what} must be a string, got {value}",
    "model.text_too_long": "{what} is {length:,} characters long; the limit is {limit}",
    "model.text_bad_character": "{what} holds the character {bad}, a control character or line break",
    "model.node_number": "node #{number}",
    "model.the_label": "label",
    "model.the_model_name": "the model name",
})

#: Characters no id may hold: controls, format characters, line and paragraph separators, surrogates.
_BAD_ID_CATEGORIES = frozenset({"Cc", "Cf", "Zl", "Zp", "Cs"})
#: Characters no label or name may hold (format characters such as emoji joiners are fine).
_BAD_TEXT_CATEGORIES = frozenset({"Cc", "Zl", "Zp", "Cs"})


def _bad_character(text: str, categories: frozenset[str]) -> str | None:
    for character in text:
        if unicodedata.category(character) in categories:
            return f"U+{ord(character):04X}"
    return None


def check_id(node_id: object, where: str | Message) -> str:
    """Return ``node_id`` if it is a valid node id, else raise a one-line :class:`ModelError`.

    A valid id is a non-empty string of at most 64 characters with no
    control or format characters, line breaks or lone surrogates.
    ``where`` says which node this is when the id itself cannot be trusted
    (``"node #3"``).
    """
    if not isinstance(node_id, str) or not node_id.strip():
        raise ModelError(message("model.id_empty", where=where, id=shown(node_id)))
    if len(node_id) > limits.MAX_ID_LENGTH:
        raise ModelError(
            message("model.id_too_long", where=where, length=len(node_id), id=shown(node_id, 20), limit=limits.MAX_ID_LENGTH)
        )
    bad = _bad_character(node_id, _BAD_ID_CATEGORIES)
    if bad is not None:
        raise ModelError(
            message("model.id_bad_character", where=where, bad=bad, id=shown(node_id))
        )
    return node_id


def check_text(
    text: object, what: str | Message, node: str | None = None, limit: int = limits.MAX_LABEL_LENGTH
) -> str:
    """Return ``text`` if it is a string fit for display (a label or a name), else raise :class:`ModelError`."""
    if not isinstance(text, str):
        raise ModelError(message("model.text_not_string", what=what, value=shown(text)), node)
    if len(text) > limit:
        raise ModelError(message("model.text_too_long", what=what, length=len(text), limit=limit), node)
    bad = _bad_character(text, _BAD_TEXT_CATEGORIES)
    if bad is not None:
        raise ModelError(message("model.text_bad_character", what=what, bad=bad), node)
    return text


def lone_surrogate(document: Any) -> str | None:
    """Where in a parsed JSON document a string holds a lone surrogate, or ``None``.

    JSON's ``\\ud800`` escapes parse to such strings, which cannot be
    written as UTF-8 later. The answer is a path such as
    ``nodes[2].label``.
    """
    stack: list[tuple[Any, str]] = [(document, "")]
    while stack:
        item, path = stack.pop()
        if isinstance(item, str):
            if _has_surrogate(item):
                return path or "the document"
        elif isinstance(item, list):
            stack.extend((v, f"{path}[{i}]") for i, v in enumerate(item) if isinstance(v, str | list | dict))
        elif isinstance(item, dict):
            for key, v in item.items():
                place = f"{path}.{shown(key, 20)}" if path else shown(key, 20)
                if _has_surrogate(key):
                    return f"a key in {path or 'the document'}"
                if isinstance(v, str | list | dict):
                    stack.append((v, place))
    return None


def _has_surrogate(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False
