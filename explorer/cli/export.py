"""``jacobian-explorer export MODEL --out DIR [--step K] [--code]``: the snapshot set, without a window."""

from __future__ import annotations

import argparse
from pathlib import Path

from explorer.cli.common import UsageError, session_and_target
from explorer.export.file_set import Content, FileSetError, write_file_set
from explorer.export.snapshot import check_snapshot_size, write_snapshot
from explorer.model.door import check_distinct, reason
from explorer.model.door import shown_path as _path


def run(args: argparse.Namespace) -> int:
    session, target = session_and_target(args.model, args.step)
    check_snapshot_size(session, target)  # before computing anything
    session.seek(target)
    from explorer.ui.canvas.image import render_graph  # Qt, loaded only when needed

    png, svg = render_graph(session)
    files: dict[str, Content] = {
        "snapshot.json": lambda stream: write_snapshot(session, stream),
        "graph.png": png,
        "graph.svg": svg,
    }
    if args.code:
        from explorer.export.code import code_files

        files.update(code_files(session))
    out = Path(args.out)
    check_distinct([(name, out / name) for name in files], [("the model", args.model)])
    try:
        write_file_set(out, files)
    except FileSetError as error:
        raise UsageError(f"cannot write to {_path(out)}: {_path(str(error))}") from None
    except OSError as error:
        raise UsageError(f"cannot write to {_path(out)}: {reason(error)}; nothing was written") from None
    print(f"wrote {', '.join(files)} to {_path(out)} at step {session.position}/{session.total} ({session.phase})")
    return 0
