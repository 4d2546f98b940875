"""An op's title and description as the window shows them: the op table's English, translated.

The entries of :data:`explorer.ops.OPS` mark their texts for the catalogue
(context ``"Op"``, with ``QT_TRANSLATE_NOOP``); the window shows them only
through these functions.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from explorer.ops import OPS

#: The catalogue's context of the op table's texts.
CONTEXT = "Op"


def op_title(name: str) -> str:
    """The op's short name, translated: ``½·SSE`` for ``half_sse``, ``leaky ReLU`` for ``leaky_relu``.

    An op the table does not know is shown by its name.
    """
    op = OPS.get(name)
    return name if op is None else QCoreApplication.translate(CONTEXT, op.title)


def op_description(name: str) -> str:
    """What the op computes, in one line, translated (a node's tooltip)."""
    op = OPS.get(name)
    return "" if op is None else QCoreApplication.translate(CONTEXT, op.description)
