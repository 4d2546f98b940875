"""The largest model inside every documented limit: do ``check`` and ``export`` stay usable?

Writes (into a temporary folder, never into the repository) a model of about
64 MiB: ``X`` and ``Y`` of 4096×4096 given as one-digit numbers, one
4096×4096 layer ``W`` made by ``init``, ``L = ½ Σ (Wᵀ X − Y)²``. Then runs
``check`` and ``export`` (at the end and at step 0) as a person would and
prints each one's exit status, wall time, peak resident memory and its
first lines of output.

Run from the repository root::

    .venv/bin/python benchmarks/bench_big_model.py [--keep DIR] [--width 4096]
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

SIZE = 4096


def write_model(path: Path, width: int = SIZE, seed: int = 0) -> int:
    """Write the big model row by row (one-digit numbers keep it near 64 MiB); return its size in bytes."""
    rng = np.random.default_rng(seed)
    with open(path, "w", encoding="utf-8") as out:
        out.write('{"format": "jacobian-explorer/model", "version": 1, "name": "big", "nodes": [\n')
        for node, op in (("X", "input"), ("Y", "target")):
            out.write(f'{{"id": "{node}", "op": "{op}", "value": [\n')
            for i in range(width):
                row = rng.integers(0, 10, size=width)
                out.write("[" + ",".join(map(str, row.tolist())) + ("]\n" if i + 1 == width else "],\n"))
            out.write("]},\n")
        out.write(
            f'{{"id": "W", "op": "param", "shape": [{width}, {width}], "init": {{"kind": "normal", "std": 0.01, "seed": 1}}}},\n'
            '{"id": "H", "op": "linear", "inputs": {"x": "X", "w": "W"}},\n'
            '{"id": "L", "op": "half_sse", "inputs": {"pred": "H", "target": "Y"}}\n]}\n'
        )
    return path.stat().st_size


def run_measured(*args: str) -> tuple[int, float, float, str]:
    """``python -m explorer ARGS`` in a child: exit status, seconds, peak RSS in MiB, output."""
    code = (
        "import resource, subprocess, sys, time\n"
        "t = time.perf_counter()\n"
        "r = subprocess.run(sys.argv[1:], capture_output=True, text=True)\n"
        "peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024\n"
        "print(r.returncode, time.perf_counter() - t, peak)\n"
        "print(r.stdout + r.stderr, end='')\n"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-c", code, sys.executable, "-m", "explorer", *args],
        capture_output=True, text=True, env=env, check=True,
    )
    first, _, output = done.stdout.partition("\n")
    status, seconds, peak = first.split()
    return int(status), float(seconds), float(peak), output


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keep", help="write the model and exports here instead of a temporary folder")
    parser.add_argument("--width", type=int, default=SIZE, help="the width and batch (default 4096)")
    args = parser.parse_args()
    folder = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="big-model-"))
    folder.mkdir(parents=True, exist_ok=True)
    model = folder / "big.json"
    size = write_model(model, args.width)
    print(f"model {model}: {size / 2**20:.1f} MiB, X, Y and W of {args.width}×{args.width}")
    self_peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"(this script's own peak: {self_peak:.0f} MiB)")
    for label, command in (
        ("check", ("check", str(model))),
        ("export (end)", ("export", str(model), "--out", str(folder / "out-end"))),
        ("export (step 0)", ("export", str(model), "--out", str(folder / "out-0"), "--step", "0")),
    ):
        status, seconds, peak, output = run_measured(*command)
        print(f"\n== {label}: exit {status}, {seconds:.1f} s, peak RSS {peak:.0f} MiB")
        for line in output.splitlines()[:12]:
            print(f"   {line}")
    if not args.keep:
        for path in sorted(folder.rglob("*"), reverse=True):
            path.unlink() if path.is_file() else path.rmdir()
        folder.rmdir()
    return 0


if __name__ == "__main__":
    started = time.perf_counter()
    status = main()
    print(f"\n(total {time.perf_counter() - started:.0f} s)")
    raise SystemExit(status)
