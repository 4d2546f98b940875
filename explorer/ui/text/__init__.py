"""Text on screen: translation (Qt's catalogue), plain and rich text, the lecture's vocabulary, the engine's messages worded.

May import Qt, :mod:`explorer.ui.kit` and the layers below the window.
"""
