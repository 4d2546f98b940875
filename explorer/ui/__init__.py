"""The window (PySide6, pyqtgraph), in rooms.

- :mod:`~explorer.ui.kit`: what every room uses: theme, icons, the guard, busy cursor, workers;
- :mod:`~explorer.ui.text`: translation, plain and rich text, the lecture's vocabulary;
- :mod:`~explorer.ui.canvas`: the graph scene, its items, its headers and images;
- :mod:`~explorer.ui.inspector`: the inspector and its views (heatmaps, Jacobian, breakdown, derivation);
- :mod:`~explorer.ui.document`: one open document: the controller, its undo edits, files and autosave;
- :mod:`~explorer.ui.practice`: practice: the student computes what the next step does, and is told what went wrong;
- :mod:`~explorer.ui.lab`: the learning lab: an update seen, training off the UI thread, its plots;
- :mod:`~explorer.ui.shell`: the application and the main window that puts the rooms together.

Nothing here computes a derivative: the numbers come from the layers below.
"""
