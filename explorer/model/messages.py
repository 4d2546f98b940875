"""Messages as data: a key and its arguments, worded in English here and in any language by the window.

The model, the engine, the lessons and the training loop never hand a
sentence to the window: they hand a :class:`Message`. Each package defines
its keys with their English templates (:func:`define`); ``str(message)`` fills
the template, which is the one line the command line prints. The window keeps
its own catalogue from the same keys to translatable templates
(:mod:`explorer.ui.text.engine_text`) and fills that with the same arguments,
its numbers written by :func:`explorer.model.numbers.shown`: nothing parses
English back.

A template is a Python format string over named fields; a field may carry a
conversion or a format spec (``{lr!r}``, ``{size:,}``), which the English line
applies and the window's catalogue leaves out (it writes numbers its own way).
An argument that is itself a :class:`Message` is worded first.

>>> import explorer.model  # defines the model's keys
>>> ENGLISH["model.at_node"]
'node {node}: {problem}'
>>> str(Message("model.at_node", {"node": "'W2'", "problem": "the new value is ragged"}))
"node 'W2': the new value is ragged"
"""

from __future__ import annotations

import string
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

#: Every key's English template, filled in by each package that speaks.
ENGLISH: dict[str, str] = {}


def define(templates: Mapping[str, str]) -> None:
    """Add keys and their English templates; a key keeps one template for good."""
    for key, template in templates.items():
        if ENGLISH.get(key, template) != template:
            raise ValueError(f"message key {key!r} is already defined with another template")
        ENGLISH[key] = template


@dataclass(frozen=True)
class Message:
    """A sentence as data: ``key`` names its template, ``args`` fill its fields."""

    key: str
    args: Mapping[str, object] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if self.key not in ENGLISH:
            raise KeyError(f"no message key {self.key!r}")
        object.__setattr__(self, "args", MappingProxyType(dict(self.args)))

    def __str__(self) -> str:
        return english(self)

    def __hash__(self) -> int:
        return hash((self.key, tuple(sorted((k, repr(v)) for k, v in self.args.items()))))


def message(key: str, /, **args: object) -> Message:
    """``Message(key, args)`` written shorter: ``message("engine.not_reached", node="W1")``."""
    return Message(key, args)


def english(message: Message) -> str:
    """The message in English, as the command line prints it."""
    args = {name: english(value) if isinstance(value, Message) else value for name, value in message.args.items()}
    return ENGLISH[message.key].format(**args)


def fields(template: str) -> dict[str, tuple[str | None, str]]:
    """Each named field of ``template`` with its conversion and format spec.

    >>> fields("got {lr!r} at {n:,} and {node}")
    {'lr': ('r', ''), 'n': (None, ','), 'node': (None, '')}
    """
    found: dict[str, tuple[str | None, str]] = {}
    for _, name, spec, conversion in string.Formatter().parse(template):
        if name is not None:
            found[name] = (conversion, spec or "")
    return found


def plain(template: str) -> str:
    """``template`` with its conversions and format specs left out: the window's English.

    >>> plain("got {lr!r} at {n:,}; {{literal}}")
    'got {lr} at {n}; {{literal}}'
    """
    out = []
    for literal, name, _, _ in string.Formatter().parse(template):
        out.append(literal.replace("{", "{{").replace("}", "}}"))
        if name is not None:
            out.append("{" + name + "}")
    return "".join(out)
