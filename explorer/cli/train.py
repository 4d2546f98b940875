"""``jacobian-explorer train MODEL --steps N --lr ETA [--out FILE] [--log FILE.csv] [--momentum M]``.

SPEC section 8: N iterations of full-batch gradient descent. Prints the
first and the last loss (and progress on standard error when it is a
terminal), writes the trained model to ``--out`` and the history to
``--log``. A bad setting exits 2 with one line; a run that stops being
finite exits 1 with one line naming the iteration and the node, and writes
no ``--out`` (the ``--log`` then holds the finite rows).
"""

from __future__ import annotations

import argparse
import csv
import io
import math
import os
import sys
from contextlib import ExitStack
from pathlib import Path
from typing import Any, BinaryIO

from explorer.cli.common import say_error
from explorer.export.snapshot import load_session
from explorer.model.door import Refused, atomic_stream, check_distinct, describe, is_folder, kind_of, shown_path
from explorer.model.io import save_model
from explorer.model.messages import message
from explorer.train.loop import MAX_STEPS, train

PROG = "jacobian-explorer"


def _steps(text: str) -> int:
    try:
        steps = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if not 1 <= steps <= MAX_STEPS:
        raise argparse.ArgumentTypeError(f"{steps} is outside 1…{MAX_STEPS:,}")
    return steps


def _lr(text: str) -> float:
    try:
        lr = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number") from None
    if not (math.isfinite(lr) and lr > 0):
        raise argparse.ArgumentTypeError(f"{text} must be a finite number > 0")
    return lr


def _momentum(text: str) -> float:
    try:
        momentum = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number") from None
    if not (math.isfinite(momentum) and 0 <= momentum < 1):
        raise argparse.ArgumentTypeError(f"{text} must be a number in [0, 1)")
    return momentum


def add_parser(sub: Any) -> argparse.ArgumentParser:
    """Add the ``train`` sub-command to ``sub`` (an ``add_subparsers()`` result)."""
    parser: argparse.ArgumentParser = sub.add_parser(
        "train", help="full-batch gradient descent: N iterations of forward, backward, p ← p − η ∂L/∂p"
    )
    parser.add_argument("model", help="a model or snapshot file")
    parser.add_argument("--steps", type=_steps, required=True, metavar="N", help=f"iterations, 1…{MAX_STEPS:,}")
    parser.add_argument("--lr", type=_lr, required=True, metavar="ETA", help="the learning rate η, finite and > 0")
    parser.add_argument("--out", default=None, metavar="FILE", help="write the trained model here")
    parser.add_argument(
        "--log", default=None, metavar="FILE.csv", help="write iteration,loss,grad_norm_<id>… for iterations 0…N"
    )
    parser.add_argument(
        "--momentum",
        type=_momentum,
        default=0.0,
        metavar="M",
        help="heavy-ball momentum μ in [0, 1) (v ← μv + ∂L/∂p, p ← p − ηv); default 0, plain gradient descent",
    )
    return parser


def _fail(message: str, status: int = 2) -> int:
    say_error(message)
    return status


def _writable(path: str, option: str) -> str | None:
    """Why ``path`` cannot be written, checked before a long run; ``None`` when it looks fine."""
    target = Path(path)
    folder = target.parent if str(target.parent) else Path(".")
    kind = kind_of(path)
    if kind is not None and kind.startswith("unreachable"):
        return f"{option} {shown_path(path)}: {kind.removeprefix('unreachable: ')}"
    if is_folder(path):
        return f"{option} {shown_path(path)}: is a folder"
    if kind in ("pipe", "device", "socket", "something else", "link to something else") and os.path.exists(path):
        return f"{option} {shown_path(path)}: is not a regular file; it is left as it is"
    if not is_folder(folder):
        return f"{option} {shown_path(path)}: the folder {shown_path(folder)} does not exist"
    if not os.access(folder, os.W_OK | os.X_OK):
        return f"{option} {shown_path(path)}: the folder {shown_path(folder)} is not writable (permission denied)"
    return None


class _Progress:
    """``iteration i/N  loss x`` on one rewritten line of a terminal."""

    def __init__(self, steps: int) -> None:
        self.steps = steps
        self.shown = False

    def __call__(self, iteration: int, loss: float) -> None:
        sys.stderr.write(f"\riteration {iteration:,}/{self.steps:,}  loss {loss:.6g}   ")
        sys.stderr.flush()
        self.shown = True

    def clear(self) -> None:
        if self.shown:
            sys.stderr.write("\r\033[K")
            sys.stderr.flush()


class _Log:
    """The CSV history, streamed row by row into the log's temporary file (never held in memory)."""

    def __init__(self, stream: BinaryIO, params: tuple[str, ...]) -> None:
        self._text = io.TextIOWrapper(stream, encoding="utf-8", newline="", write_through=False)
        self._writer = csv.writer(self._text, lineterminator="\n")
        self._writer.writerow(["iteration", "loss", *(f"grad_norm_{p}" for p in params)])

    def __call__(self, iteration: int, loss: float, norms: list[float]) -> None:
        self._writer.writerow([iteration, loss, *norms])

    def close(self) -> None:
        self._text.flush()
        self._text.detach()  # the door closes the stream


def run(args: argparse.Namespace) -> int:
    """Train and report; the status: 0 done, 1 diverged, 2 bad input."""
    for path, option in ((args.out, "--out"), (args.log, "--log")):
        problem = _writable(path, option) if path is not None else None
        if problem:
            return _fail(problem)
    outputs = [(option, path) for option, path in (("--out", args.out), ("--log", args.log)) if path is not None]
    try:
        check_distinct(outputs)  # --out may be the model itself (trained in place); --log may not
        if args.log is not None:
            check_distinct([("--log", args.log)], [("the model", args.model)])
    except Refused as error:
        return _fail(str(error))
    # a snapshot's step is checked like every command checks it; a ModelError reaches the handler: status 2
    model = load_session(args.model).model
    if not model.params:
        return _fail(str(message("train.no_param")))
    show = _Progress(args.steps) if sys.stderr.isatty() else None
    with ExitStack() as stack:
        log: _Log | None = None
        if args.log is not None:
            try:
                stream = stack.enter_context(atomic_stream(args.log))
            except OSError as error:
                return _fail(f"--log {describe(error, args.log)}")
            log = _Log(stream, tuple(model.params))
        try:
            result = train(model, args.steps, args.lr, momentum=args.momentum, progress=show, record=log)
        finally:
            if show is not None:
                show.clear()
        if log is not None:
            log.close()
        # leaving the block renames the log into place
    if len(result.loss):
        print(f"iteration 0: loss {float(result.loss[0])!r}")
    if result.status == "diverged":
        assert result.divergence is not None
        return _fail(f"{result.divergence.message()}; no --out written" if args.out else result.divergence.message(), 1)
    print(f"iteration {result.updates}: loss {float(result.loss[-1])!r}")
    if args.out is not None:
        try:
            save_model(result.model, args.out)
        except OSError as error:
            return _fail(f"--out {describe(error, args.out)}")
    written = [p for p in (args.out, args.log) if p is not None]
    print(f"trained {result.updates:,} iterations at lr {args.lr:g}" + (f"; wrote {', '.join(shown_path(p) for p in written)}" if written else ""))
    return 0
