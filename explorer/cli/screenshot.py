"""``jacobian-explorer screenshot MODEL --out FILE.png``: the whole window drawn off-screen.

With ``--present`` the window is drawn in presentation mode (large type, high contrast, the
step's formula as a caption), as a projector at ``--size`` shows it.
"""

from __future__ import annotations

import argparse

from explorer.cli.common import UsageError, session_at
from explorer.lesson.notation import pretty
from explorer.model import Model
from explorer.model.door import check_distinct, describe, write_atomic
from explorer.model.door import shown_path as _path

TABS = ("value", "gradient", "jacobian", "breakdown", "derivation")  # the inspector's tabs, in order


def _parse_size(text: str) -> tuple[int, int]:
    try:
        width, height = (int(v) for v in text.lower().split("x"))
    except ValueError:
        raise UsageError(f"--size {text!r} is not WIDTHxHEIGHT") from None
    if not (320 <= width <= 8000 and 240 <= height <= 8000):
        raise UsageError(f"--size {text!r} is outside 320x240…8000x8000")
    return width, height


def run(args: argparse.Namespace) -> int:
    check_distinct([("--out", args.out)], [("the model", args.model)])
    session = session_at(args.model, args.step)
    size = _parse_size(args.size)
    select = None if args.select is None else _node_named(session.model, args.select)
    from explorer.ui.shell.app import screenshot  # Qt, loaded only when needed

    tab = TABS.index(args.tab) if args.tab else None
    data = screenshot(
        session, select=select, size=size, title_path=args.model, tab=tab, theme=args.theme, language=args.language,
        present=args.present,
    )
    problem = _png_problem(data, size)
    if problem is not None:
        raise UsageError(f"the window could not be drawn: {problem}; {_path(args.out)} was not written")
    try:
        write_atomic(args.out, data)
    except OSError as error:
        raise UsageError(describe(error, args.out)) from None
    print(f"wrote {_path(args.out)} ({size[0]}×{size[1]}) at step {session.position}/{session.total}")
    return 0


def _node_named(model: Model, name: str) -> str:
    """The node whose id or label (as written, or as shown: ``W₃``) is ``name``."""
    if name in model:
        return name
    for node in model.order:
        if name in (model.label(node), pretty(model.label(node))):
            return node
    shown = ", ".join(pretty(model.label(node)) for node in model.order)
    raise UsageError(f"--select {name!r}: no node has that id or label (nodes: {shown})")


def _png_problem(data: bytes, size: tuple[int, int]) -> str | None:
    """Why ``data`` is not a PNG picture of ``size`` (or of ``size`` times a scale), or ``None``."""
    from PySide6.QtGui import QImage  # Qt, loaded only when needed

    if not data:
        return "the picture is empty (0 bytes)"
    if not data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "the picture is not a PNG"
    image = QImage.fromData(data)  # the format read from the signature checked above
    if image.isNull():
        return "the PNG does not decode"
    width, height = size
    if image.width() < width or image.width() * height != image.height() * width:
        return f"the picture is {image.width()}×{image.height()}, not {width}×{height}"
    return None
