"""Run the whole attack corpus through every surface and print whether each case held.

    PYTHONPATH=. python benchmarks/bench_attacks.py [--jobs 2] [--timeout 120] [CASE …]

Each case (tests/attacks/corpus.py: hostile JSON, numbers past float, special
files, rich-text labels, bad snapshots, large models in tiny files) goes
through ``load_model``, ``check``, ``export`` with and without ``--code``,
``explain --format json``, ``train`` when the program has it, and
``screenshot`` with the default and each ``--tab``; every run in its own
process under a 4 GiB address-space limit (tests/attacks/harness.py says what
must hold). One row per case, the runs that did not hold below it, and last
"held N/M" (a case holds when every run of it holds).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.attacks.corpus import build_corpus  # noqa: E402
from tests.attacks.harness import run, surfaces  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--jobs", type=int, default=2, help="runs at once (default 2)")
    parser.add_argument("--timeout", type=float, default=120.0, help="seconds per run (default 120)")
    parser.add_argument("cases", nargs="*", help="only these cases (default: all)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="attack-corpus-") as folder:
        cases = [c for c in build_corpus(Path(folder)) if not args.cases or c.name in args.cases]
        names = surfaces()
        print(f"{len(cases)} cases × {len(names)} surfaces ({', '.join(names)}), {args.jobs} at a time")
        print(f"{'case':<34} {'expect':<8} {'exits':<24} {'slowest':>8} {'peak':>9}  held")
        start = time.monotonic()
        held = 0
        with ThreadPoolExecutor(args.jobs) as pool:
            for case in cases:
                outcomes = list(pool.map(lambda s, case=case: run(case, s, args.timeout), names))
                exits = "".join("T" if o.code is None else str(o.code) if 0 <= o.code <= 9 else "!" for o in outcomes)
                slowest = max(o.seconds for o in outcomes)
                peak = max((o.peak_mib for o in outcomes if o.peak_mib == o.peak_mib), default=float("nan"))
                ok = all(o.held for o in outcomes)
                held += ok
                print(f"{case.name:<34} {case.expect or 'either':<8} {exits:<24} {slowest:7.1f}s {peak:6.0f}MiB  "
                      f"{'yes' if ok else 'NO'}", flush=True)
                for o in outcomes:
                    for problem in o.problems:
                        print(f"    {o.surface}: {problem}", flush=True)
        print(f"({time.monotonic() - start:.0f} s; exits in surface order, T = timed out)")
        print(f"held {held}/{len(cases)}")
    return 0 if held == len(cases) else 1


if __name__ == "__main__":
    raise SystemExit(main())
