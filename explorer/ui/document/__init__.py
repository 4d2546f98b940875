"""One open document: the controller (model, session, undo stack), its named edits, its files and autosave.

May import :mod:`explorer.ui.kit`, :mod:`explorer.ui.text` and the layers below the window.
"""
