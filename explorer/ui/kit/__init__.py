"""What every room of the window uses: theme, icons, the guard, the busy cursor, background workers,
work left for after a starting window's first frame.

May import Qt and the layers below the window; no other room of the window.
"""
