"""``jacobian-explorer exercise make|check`` (SPEC §9): write an exercise file, grade an answers file.

``exercise make MODEL --out FILE [--count N] [--seed S]`` writes N items
spread over the pass; ``exercise check EXERCISES ANSWERS [--format text|json]``
grades every item and names the mistake when it is certain. Exit 0 when
grading ran, 2 with one line on a bad file.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any


def add_parser(sub: Any) -> argparse.ArgumentParser:
    """Register ``exercise`` (with ``make`` and ``check``) on the sub-parsers of the main parser."""
    from explorer.cli.common import Parser

    parser: argparse.ArgumentParser = sub.add_parser(
        "exercise", help="make an exercise file from a model, or grade an answers file"
    )
    actions = parser.add_subparsers(dest="action", required=True, parser_class=Parser)
    make = actions.add_parser("make", help="write an exercise file of N items spread over the pass")
    make.add_argument("model", help="a model or snapshot file")
    make.add_argument("--out", required=True, help="the exercise file to write")
    make.add_argument("--count", type=int, default=8, help="number of items (default 8)")
    make.add_argument("--seed", type=int, default=0, help="seed for the choice of items (default 0)")
    check = actions.add_parser("check", help="grade an answers file against an exercise file")
    check.add_argument("exercises", help="the exercise file")
    check.add_argument("answers", help="the answers file")
    check.add_argument("--format", choices=("text", "json"), default="text", help="output format (default: text)")
    return parser


def run(args: argparse.Namespace) -> int:
    """Make or check; bad files propagate as the CLI's one-line, status-2 errors."""
    from explorer.cli.common import UsageError
    from explorer.model import load_model
    from explorer.model.door import check_distinct, describe, shown_path, write_atomic
    from explorer.model.io import dumps
    from explorer.practice import (
        exercises_to_dict,
        grade,
        grading_to_dict,
        make_exercises,
        read_answers,
        read_exercises,
    )
    from explorer.practice.grading import grading_text

    if args.action == "make":
        check_distinct([("--out", args.out)], [("the model", args.model)])
        exercises = make_exercises(load_model(args.model), args.count, args.seed)
        try:
            write_atomic(args.out, dumps(exercises_to_dict(exercises)))
        except OSError as error:
            raise UsageError(describe(error, args.out)) from None
        print(f"wrote {len(exercises.items)} items to {shown_path(args.out)}")
        return 0
    exercises = read_exercises(args.exercises)
    grading = grade(exercises, read_answers(args.answers, exercises))
    if args.format == "json":
        sys.stdout.write(json.dumps(grading_to_dict(grading), indent=1, ensure_ascii=False) + "\n")
    else:
        sys.stdout.write(grading_text(grading))
    return 0
