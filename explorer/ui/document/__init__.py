"""One open document: the :class:`~explorer.ui.document.document.Document` (path, kind, undo stack,
autosave, and what the rooms above computed for it), the controller that shows it (model, session),
its named edits, saving and autosave.

May import :mod:`explorer.ui.kit`, :mod:`explorer.ui.text` and the layers below the window.
"""
