"""Quoting user text in an error message: one short, escaped line whatever the file holds.

Strings are quoted as ``repr`` quotes them, which escapes control characters,
line breaks (U+2028 and U+2029 included), format characters and lone
surrogates; long text and long lists are cut, and an integer too long to
print is described instead.
"""

from __future__ import annotations

from collections.abc import Mapping

from explorer.model import limits


def shown(value: object, limit: int = limits.MAX_ID_LENGTH) -> str:
    """A one-line, escaped, shortened form of ``value`` for an error message.

    Strings are quoted as ``repr`` quotes them (which escapes every
    non-printable character) and cut after ``limit`` characters; lists and
    objects show their first few items.

    Examples
    --------
    >>> shown("W1")
    "'W1'"
    >>> shown("a\\nb")
    "'a\\\\nb'"
    >>> shown("x" * 100, limit=5)
    "'xxxxx…'"
    >>> shown(10**5000)
    'an integer of over 4,000 digits'
    """
    return _brief(value, limit, 3)


def shown_path(path: object, limit: int = 200) -> str:
    """A file name for a one-line message: as it is when plain, else quoted and escaped.

    >>> shown_path("out/graph.png"), shown_path("a\\nb")
    ('out/graph.png', "'a\\\\nb'")
    """
    text = str(path)
    return text if text.isprintable() and len(text) <= limit else shown(text, limit)


def _brief(value: object, limit: int, depth: int) -> str:
    if isinstance(value, str):
        text = repr(value[:limit])
        return text[:-1] + "…" + text[-1] if len(value) > limit else text
    if isinstance(value, bool) or value is None or isinstance(value, float):
        return repr(value)
    if isinstance(value, int):
        if value.bit_length() > 200:
            return f"an integer of {len(str(abs(value))) if value.bit_length() < 14000 else 'over 4,000'} digits"
        return repr(value)
    if isinstance(value, list | tuple):
        if depth == 0:
            return "[…]"
        items = [_brief(v, limit, depth - 1) for v in value[:4]]
        return "[" + ", ".join(items) + (", …" if len(value) > 4 else "") + "]"
    if isinstance(value, Mapping):
        if depth == 0:
            return "{…}"
        keys = list(value)[:4]
        items = [f"{_brief(k, limit, 0)}: {_brief(value[k], limit, depth - 1)}" for k in keys]
        return "{" + ", ".join(items) + (", …" if len(value) > 4 else "") + "}"
    return f"a {type(value).__name__}"
