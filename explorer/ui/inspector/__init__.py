"""The inspector and its views: heatmaps, the Jacobian, the breakdown, the derivation, the value editor.

May import :mod:`explorer.ui.kit`, :mod:`explorer.ui.text`, :mod:`explorer.ui.document` and the layers below the window.
"""
