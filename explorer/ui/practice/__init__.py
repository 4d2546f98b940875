"""Practice in the window: the explorer hides what it is about to compute, the student types it, and is told what went wrong.

:func:`install_practice` is the one place the main window calls; the
:class:`~explorer.ui.practice.mode.Practice` it returns is the window's
``practice`` (Step → Practice, the toolbar toggle, File → Open of an
exercise file, :meth:`~explorer.ui.practice.mode.Practice.start_practice`
for a stop of a tour). The grading and the diagnoses come from
:mod:`explorer.practice`; nothing here computes a derivative.

A room between the lab and the inspector: may import the inspector, the
canvas, the document, the kit and the text rooms.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from explorer.ui.practice.window import PracticeWindow

if TYPE_CHECKING:
    from explorer.ui.practice.mode import Practice


def install_practice(window: PracticeWindow) -> Practice:
    """Add Step → Practice, its toolbar toggle and the Practice dock (hidden until practice starts) to ``window``."""
    from explorer.ui.practice.mode import Practice

    return Practice(window)


__all__ = ["PracticeWindow", "install_practice"]
