"""The catalogue of the model's refusals (:class:`~explorer.model.ModelError`), for :mod:`explorer.ui.text.engine_text`.

Each key of :mod:`explorer.model` with its English template for the window
(the line's template without format specs), marked for ``pyside6-lupdate``
in the context ``Engine``.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

MODEL_TEMPLATES: dict[str, str] = {
    "model.at_node": QT_TRANSLATE_NOOP("Engine", "node {node}: {problem}"),
}
