"""The canvas: the graph scene and its items (they paint only), the step headers, the graph as PNG or SVG.

May import :mod:`explorer.ui.kit`, :mod:`explorer.ui.text` and the layers below the window.
"""
