"""Layer numbers follow positions, as the lecture writes them (H₁ = W₁ᵀX, H₂ = W₂ᵀH₁, …).

:func:`renumber_layers` gives layer ``i`` (from 1) the ids ``Wi``, ``Hi``,
``Ai`` and ``bi``, renaming only ids that follow the editor's own pattern.
Adding and removing a layer (:mod:`explorer.model.chain_edit`) end with
:func:`renumbered`, so inserting a layer between layers 1 and 2 makes the
new one ``W2``/``H2`` and the old ``W2``/``H2`` become ``W3``/``H3``. The
helpers :func:`fresh_id` and :func:`layer_number` name the nodes an edit adds.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from explorer.model.chain import Layer, _analyse
from explorer.model.draft import Draft, filled
from explorer.model.graph import Model, NodeSpec

#: An id the editor makes itself: a role letter and a number (``W3``, ``H3``, ``A3``, ``b3``).
_AUTOMATIC = re.compile(r"(W|H|A|b)([0-9]+)")


def _renumbering(model: Model) -> dict[str, str]:
    """``{old id: new id}`` of the nodes :func:`renumber_layers` renames (no entry for a kept id)."""
    chain = _analyse(model)
    wanted: dict[str, str] = {}
    for place, layer in enumerate(chain.layers, start=1):
        for node, letter in ((layer.weight, "W"), (layer.linear, "H"), (layer.activation, "A"), (layer.bias, "b")):
            if node is None or node == chain.pred:
                continue
            found = _AUTOMATIC.fullmatch(node)
            if found and found.group(1) == letter:
                wanted[node] = f"{letter}{place}"
    # The wanted ids are all different (one letter and place each), so the only
    # clash is with an id that stays; giving up a rename keeps one more id, so repeat.
    while True:
        kept = {node for node in model.order if wanted.get(node, node) == node}
        blocked = [node for node, new in wanted.items() if new != node and new in kept]
        if not blocked:
            return {old: new for old, new in wanted.items() if old != new}
        for node in blocked:
            del wanted[node]


def _renamed_specs(specs: Sequence[NodeSpec], mapping: dict[str, str]) -> list[NodeSpec]:
    """The specs with every id and every input renamed by ``mapping``, all at once, in the same order."""
    renamed: list[NodeSpec] = []
    for spec in specs:
        if spec.id in mapping or any(source in mapping for source in spec.inputs.values()):
            inputs = {port: mapping.get(source, source) for port, source in spec.inputs.items()}
            spec = spec.with_(id=mapping.get(spec.id, spec.id), inputs=inputs)
        renamed.append(spec)
    return renamed


def renumber_layers(model: Model) -> Model:
    """Number the layers' nodes by their place: layer ``i`` (from 1) gets ``Wi``, ``Hi``, ``Ai``, ``bi``.

    Only ids that follow the editor's own pattern are renamed, each to its
    role's letter: a weight ``W<n>`` becomes ``W<i>``, a linear node ``H<n>``
    becomes ``H<i>``, an activation ``A<n>`` becomes ``A<i>`` and a bias
    ``b<n>`` becomes ``b<i>``. Other ids (``X``, ``Y``, ``L``, a user's
    ``hidden``, a weight called ``H7``) are never touched, and the prediction
    keeps its id (``Yhat``). When the wanted id is held by a node that keeps
    its own id, the node that wanted it keeps its old id instead.

    The renaming is worked out first and then applied to every node at once,
    ids and inputs together, so swaps (``H4`` → ``H2`` while ``H2`` →
    ``H3``) never collide. Values, ``init``, labels, positions and the order
    of the nodes are kept: the numbers travel with their nodes.

    Parameters
    ----------
    model
        A chain (see :func:`chain_layers`).

    Returns
    -------
    Model
        The renumbered model, or ``model`` itself when no id changes.

    Raises
    ------
    ModelError
        If the model is not a chain.

    Examples
    --------
    >>> from explorer.model.chain import chain_layers
    >>> from explorer.model.examples import toy_model
    >>> model = toy_model()
    >>> renumber_layers(model) is model
    True
    >>> specs = [s.with_(id="W9") if s.id == "W1" else s for s in model.specs]
    >>> specs = [s.with_(inputs={"x": "X", "w": "W9"}) if s.id == "H1" else s for s in specs]
    >>> renumbered = renumber_layers(Model(specs))
    >>> [layer.weight for layer in chain_layers(renumbered)]
    ['W1', 'W2', 'W3']
    >>> bool((renumbered.value("W1") == model.value("W1")).all())
    True
    """
    mapping = _renumbering(model)
    if not mapping:
        return model
    return Model(_renamed_specs(model.specs, mapping), name=model.name, extras=model.extras)


def renumbered(draft: Draft) -> Model:
    """The draft's model with :func:`renumber_layers` applied.

    The new entries of values set by :meth:`Draft.set_seeded` are drawn
    again from the id their node ends up with, so a node's new numbers come
    from the id the student sees.
    """
    model = draft.build()
    mapping = _renumbering(model)
    if not mapping:
        return model
    for node, (old, shape) in draft.seeded.items():
        if node in mapping:
            draft.set_value(node, filled(old, shape, mapping[node]))
    return Model(_renamed_specs(draft.specs, mapping), name=model.name, extras=model.extras)


def layer_number(layer: Layer) -> int | None:
    """The number in the layer's ids (``W3`` → 3), used to name the nodes added to it."""
    for node in (layer.weight, layer.linear):
        found = re.fullmatch(r"\D*?(\d+)", node)
        if found:
            return int(found.group(1))
    return None


def fresh_id(used: set[str], prefix: str, preferred: int | None = None) -> str:
    """``prefix`` + the preferred number if that id is free, else + the smallest free number."""
    if preferred is not None and f"{prefix}{preferred}" not in used:
        return f"{prefix}{preferred}"
    n = 1
    while f"{prefix}{n}" in used:
        n += 1
    return f"{prefix}{n}"


def fresh_number(used: set[str], prefixes: Sequence[str]) -> int:
    n = 1
    while any(f"{prefix}{n}" in used for prefix in prefixes):
        n += 1
    return n
