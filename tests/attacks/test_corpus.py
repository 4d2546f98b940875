"""The attack corpus (tests/attacks/corpus.py) against the program, each run in a subprocess under 4 GiB.

Every case goes through ``load_model`` (all in one process, each within
30 s) with its expectation; a representative subset goes through the
command line: every class of refusal through ``check`` and ``export`` (some
through ``screenshot``), the cases that load through ``check``, ``export --code``,
``explain --format json`` and ``screenshot``, and a few through the
screenshot of every inspector tab. ``benchmarks/bench_attacks.py`` runs every
case through every surface.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor

import pytest

from .corpus import build_corpus
from .harness import ADDRESS_SPACE, ROOT, TABS, _limit, has_train, run

#: Refused cases through the command line: one of each kind of attack.
REFUSED_ON_THE_COMMAND_LINE = [
    "integer-4400-digits", "nan-literal", "label-201", "label-surrogate", "id-newline", "link-to-dev-zero",
    "named-pipe", "folder", "file-512-MiB-plus-1", "unconnected-4096x4096", "pos-1e308", "snapshot-step-past-end",
    "latin-1", "deep-nesting",
]
#: Cases that load, through the command line.
LOADED_ON_THE_COMMAND_LINE = [
    "subnormal-everywhere", "forward-overflows", "backward-overflows", "relu-kink", "label-img-fifo",
    "label-img-dev-zero", "snapshot-real-mid", "pos-at-canvas-edge",
]
#: Cases shown on every tab of the inspector.
ON_EVERY_TAB = ["subnormal-everywhere", "label-img-dev-zero"]


def _jobs() -> list[tuple[str, str]]:
    jobs = [(name, surface) for name in REFUSED_ON_THE_COMMAND_LINE for surface in ("check", "export")]
    jobs += [(name, "screenshot") for name in REFUSED_ON_THE_COMMAND_LINE[::3]]
    jobs += [(name, surface) for name in LOADED_ON_THE_COMMAND_LINE
             for surface in ("check", "export-code", "explain-json", "screenshot")]
    jobs += [(name, f"screenshot-{tab}") for name in ON_EVERY_TAB for tab in TABS]
    if has_train():
        jobs += [(name, "train") for name in ["toy", "relu-kink", "forward-overflows", "nan-literal"]]
    jobs += [(name, "exercise-make") for name in LOADED_ON_THE_COMMAND_LINE + REFUSED_ON_THE_COMMAND_LINE[::4]]
    return jobs


@pytest.fixture(scope="session")  # once a run (make test keeps a file on one worker: --dist loadfile)
def corpus(tmp_path_factory):
    folder = tmp_path_factory.mktemp("corpus")
    return {case.name: case for case in build_corpus(folder, heavy=False)}


@pytest.fixture(scope="session")  # once a run (make test keeps a file on one worker: --dist loadfile)
def outcomes(corpus):
    """Every command-line run of the subset, two at a time."""
    with ThreadPoolExecutor(2) as pool:
        done = pool.map(lambda job: run(corpus[job[0]], job[1], timeout=90), _jobs())
        return {(o.case, o.surface): o for o in done}


@pytest.fixture(scope="session")  # once a run (make test keeps a file on one worker: --dist loadfile)
def loaded(corpus):
    """``load_model`` on every case in one process under the address-space limit: case name → its record."""
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    rss = corpus["toy"].path.parent / "rss"
    paths = [str(case.path) for case in corpus.values()]
    done = subprocess.run([sys.executable, "-m", "tests.attacks.launch", str(rss), "load-many", *paths],
                          capture_output=True, text=True, timeout=600, env=env, preexec_fn=_limit)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stderr == ""
    records = [json.loads(line) for line in done.stdout.splitlines()]
    by_path = {record["path"]: record for record in records}
    return {case.name: by_path[str(case.path)] for case in corpus.values()}


def test_the_corpus_has_every_class_of_the_issue(corpus):
    names = set(corpus)
    for needed in ["not-json", "deep-nesting", "value-ragged", "value-strings", "number-past-float",
                   "integer-4400-digits", "nan-literal", "infinity-literal", "subnormal-everywhere", "value-1e308",
                   "forward-overflows", "label-img-fifo", "label-img-dev-zero", "label-201", "id-newline",
                   "id-bell-nul", "label-surrogate", "link-to-dev-zero", "named-pipe", "folder", "empty-file",
                   "latin-1", "file-512-MiB-plus-1", "unconnected-4096x4096", "pos-1e308", "relu-kink",
                   "snapshot-step-negative", "snapshot-step-past-end"]:
        assert needed in names
    assert corpus["file-512-MiB-plus-1"].path.stat().st_size == 512 * 1024 * 1024 + 1
    assert corpus["file-512-MiB-plus-1"].path.stat().st_blocks == 0  # sparse: nothing was written
    assert ADDRESS_SPACE == 4 * 1024**3


def test_every_case_is_loaded_or_refused_with_one_line(corpus, loaded):
    failures = []
    for name, case in corpus.items():
        record = loaded[name]
        problems = []
        if record["outcome"] in ("bug", "hang"):
            problems.append(record["message"])
        if record["warnings"]:
            problems.append(f"warnings: {record['warnings']}")
        if "\n" in record["message"] or "\r" in record["message"]:
            problems.append("a message of more than one line")
        if case.expect == "ok" and record["outcome"] != "ok":
            problems.append(f"expected to load: {record['message']}")
        if case.expect == "refused" and record["outcome"] != "refused":
            problems.append("expected a refusal, but it loaded")
        if case.mentions and record["outcome"] == "refused" and case.mentions not in record["message"]:
            problems.append(f"the refusal does not name {case.mentions!r}: {record['message']}")
        if problems:
            failures.append(f"{name}: {'; '.join(problems)}")
    assert not failures, "\n".join(failures)


@pytest.mark.parametrize(("name", "surface"), _jobs(), ids=[f"{n}-{s}" for n, s in _jobs()])
def test_the_command_line_holds(outcomes, name, surface):
    outcome = outcomes[(name, surface)]
    assert outcome.held, f"{name} through {surface}: {outcome.problems}; stderr: {outcome.stderr[-600:]}"
