"""``jacobian-explorer explain MODEL [--node ID] [--step K] [--format text|markdown|latex|json]`` (SPEC §6).

Prints how ``∂L/∂NODE`` is formed at step K: the path from the loss, every
local Jacobian with its shape, the order of the vector-Jacobian products, the
numbers and the result. An unknown node, or a step at which the gradient is
not known yet, exits 2 with one line (an :class:`~explorer.engine.EngineError`).
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from explorer.engine import EngineError
from explorer.export.explanation import FORMATS, explain


def add_parser(sub: Any) -> argparse.ArgumentParser:
    """Register ``explain`` on the sub-parsers of the main parser."""
    parser: argparse.ArgumentParser = sub.add_parser(
        "explain", help="print how one gradient is formed by the chain rule (text, Markdown, LaTeX or JSON)"
    )
    parser.add_argument("model", help="a model or snapshot file")
    parser.add_argument("--node", default=None, help="the node (default: the first parameter in chain order)")
    parser.add_argument("--step", type=int, default=None, help="steps to take (default: the end of the pass)")
    parser.add_argument("--format", choices=FORMATS, default="text", help="output format (default: text)")
    return parser


def run(args: argparse.Namespace) -> int:
    """Print the explanation; errors propagate as the CLI's one-line, status-2 errors."""
    from explorer.cli.common import UsageError, session_at

    session = session_at(args.model, args.step)
    if args.step is None:
        session.run()  # the default is the end of the pass, a snapshot's own step included
    model = session.model
    if args.node is not None and args.node not in model:
        raise UsageError(f"--node {args.node!r}: no such node (nodes: {', '.join(model.order)})")
    try:
        text = explain(session, args.node, args.format)
    except EngineError as error:
        raise UsageError(str(error)) from None
    sys.stdout.write(text)
    return 0
