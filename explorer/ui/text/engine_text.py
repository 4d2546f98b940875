"""The engine's few fixed sentences (δ's definition, N, s, the outer-product note, the PyTorch comment) in the interface language.

The engine writes them in English, with the maths filled in (``δ = ∂L/∂Ŷ
(2×1), the gradient arriving at Ŷ``). :func:`localized` recognises each
form and rebuilds it from a translated template with the same pieces; any
other text comes back unchanged.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from explorer.ui.text.i18n import translate


def _delta(m: re.Match[str]) -> str:
    return translate("EngineText", "{prefix}δ = {name} ({shape}), the gradient arriving at {node}").format(
        prefix=m["prefix"] or "", name=m["name"], shape=m["shape"], node=m["node"]
    )


def _count(m: re.Match[str]) -> str:
    return translate("EngineText", "N = {n}, the number of elements of {node} (batch included)").format(n=m["n"], node=m["node"])


def _samples(m: re.Match[str]) -> str:
    return translate("EngineText", "s runs over the samples (the columns)")


def _one_sample(m: re.Match[str]) -> str:
    return translate("EngineText", "one sample: the outer product {factor} δᵀ, {shapes}").format(factor=m["factor"], shapes=m["shapes"])


def _batch(m: re.Match[str]) -> str:
    return translate("EngineText", "{count} samples: {factor} δᵀ = {sum}, a sum of outer products").format(
        count=m["count"], factor=m["factor"], sum=m["sum"]
    )


def _torch_vjp(m: re.Match[str]) -> str:
    comment = translate("EngineText", "v = {v}; {grad} is now Jᵀv = {result}, J never built").format(
        v=m["v"], grad=m["grad"], result=m["result"]
    )
    return f"{m['call']}  # {comment}"


def _torch_scalar(m: re.Match[str]) -> str:
    comment = translate("EngineText", "{grad} is now {result}").format(grad=m["grad"], result=m["result"])
    return f"{m['call']}  # {comment}"


_FORMS: list[tuple[re.Pattern[str], Callable[[re.Match[str]], str]]] = [
    (re.compile(r"(?P<prefix>v = )?δ = (?P<name>.+) \((?P<shape>[^()]+)\), the gradient arriving at (?P<node>.+)"), _delta),
    (re.compile(r"N = (?P<n>\d+), the number of elements of (?P<node>.+) \(batch included\)"), _count),
    (re.compile(r"s runs over the samples \(the columns\)"), _samples),
    (re.compile(r"one sample: the outer product (?P<factor>.+) δᵀ, (?P<shapes>.+)"), _one_sample),
    (
        re.compile(r"(?P<call>\S+\.backward\(gradient=v\))  # v = (?P<v>.+?); (?P<grad>\S+\.grad) is now Jᵀv = (?P<result>.+), J never built"),
        _torch_vjp,
    ),
    (re.compile(r"(?P<call>\S+\.backward\(\))  # (?P<grad>\S+\.grad) is now (?P<result>.+)"), _torch_scalar),
    (re.compile(r"(?P<count>\d+) samples: (?P<factor>.+?) δᵀ = (?P<sum>Σₛ .+), a sum of outer products"), _batch),
]


def localized(text: str) -> str:
    """``text`` in the interface language when it is one of the engine's fixed sentences, else unchanged.

    >>> localized("δ = ∂L/∂Ŷ (2×1), the gradient arriving at Ŷ")  # in English without a catalogue
    'δ = ∂L/∂Ŷ (2×1), the gradient arriving at Ŷ'
    """
    for pattern, rebuild in _FORMS:
        match = pattern.fullmatch(text)
        if match is not None:
            return rebuild(match)
    return text
