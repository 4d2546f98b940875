"""``jacobian-explorer check MODEL``: every gradient against central finite differences."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from explorer.engine import check_gradients
from explorer.export.snapshot import load_session
from explorer.model import fmt_shape
from explorer.model.quote import shown_path as _path


class _CheckProgress:
    """Says how many elements each leaf samples (stdout) and, on a terminal, how far it is (stderr)."""

    def __init__(self) -> None:
        self.live = sys.stderr.isatty()

    def __call__(self, node: str, done: int, sampled: int, total: int) -> None:
        if done == 0 and sampled < total:
            print(f"{node}: sampling {sampled:,} of {total:,} elements", flush=True)
        if self.live:
            end = "\n" if done == sampled else ""
            print(f"\r\x1b[Kchecking {node}: {done}/{sampled} elements", end=end, file=sys.stderr, flush=True)


def run(args: argparse.Namespace) -> int:
    live = sys.stderr.isatty()
    if live:
        print("loading the model and running the pass…", end="", file=sys.stderr, flush=True)
    try:
        session = load_session(args.model)
        session.run()
    finally:
        if live:
            print("\r\x1b[K", end="", file=sys.stderr, flush=True)  # an error then stands on its own line
    model = session.model
    rows = check_gradients(model, progress=_CheckProgress(), session=session)
    header = f"{'node':<12} {'op':<7} {'shape':<12} {'checked':>13} {'max |Δ|':>10}  result"
    print(f"{model.name or _path(Path(args.model).name)}")
    print(header)
    print("─" * len(header))
    for row in rows:
        checked = f"{row.checked}/{row.total}"
        print(
            f"{row.node:<12} {row.op:<7} {fmt_shape(row.shape):<12} {checked:>13} {row.max_abs_diff:>10.2e}  "
            f"{'ok' if row.ok else 'FAIL'}"
        )
    for row in rows:
        if row.at_kink:
            print(f"{row.node}: {row.at_kink} of {row.checked} elements at a kink: finite differences do not apply")
    print(f"loss {session.loss:.10g}")
    failed = [row.node for row in rows if not row.ok]
    if failed:
        print(f"FAIL: {', '.join(failed)} differ from central finite differences")
        return 1
    print(f"ok: all {len(rows)} gradients agree with central finite differences (float64)")
    return 0
