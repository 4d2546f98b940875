"""The second attack corpus (tests/attacks/doors.py): every case holds.

Each case builds its scene in a fresh folder that every user may search (a
case run as nobody meets the obstacle it built, nothing above it). Cases that run in this process (the command line through ``explorer.cli.main``,
the doors, settings and autosave objects) run one by one; the cases that need
a process of their own (the window's start-up on a throw-away home, a user
without privileges) run two at a time in a module fixture first.
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import pytest

from .doors import CASES, DoorCase, Skip, run_case

IN_PROCESS = [c for c in CASES if not c.subprocess]
OWN_PROCESS = [c for c in CASES if c.subprocess]


def _outcome(door_case: DoorCase) -> tuple[str, list[str]]:
    try:
        return "ran", run_case(door_case)
    except Skip as skip:
        return "skipped", [str(skip)]


@pytest.fixture(scope="session")  # once a run (make test keeps a file on one worker: --dist loadfile)
def own_process_outcomes():
    with ThreadPoolExecutor(2) as pool:
        done = pool.map(_outcome, OWN_PROCESS)
        return {c.name: outcome for c, outcome in zip(OWN_PROCESS, done, strict=True)}


def test_the_corpus_is_larger_than_the_issue_and_covers_every_class():
    kinds = {c.kind for c in CASES}
    assert kinds == {"write", "read", "start", "memory", "message"}
    assert len(CASES) > 57
    assert len({c.name for c in CASES}) == len(CASES)


@pytest.mark.parametrize("door_case", IN_PROCESS, ids=[c.name for c in IN_PROCESS])
def test_in_process_case_holds(qapp, door_case):
    status, problems = _outcome(door_case)
    if status == "skipped":
        pytest.skip(problems[0])
    assert not problems, f"{door_case.kind} {door_case.name}: {problems}"


@pytest.mark.parametrize("door_case", OWN_PROCESS, ids=[c.name for c in OWN_PROCESS])
def test_own_process_case_holds(own_process_outcomes, door_case):
    status, problems = own_process_outcomes[door_case.name]
    if status == "skipped":
        pytest.skip(problems[0])
    assert not problems, f"{door_case.kind} {door_case.name}: {problems}"
