"""How much the stepping engine costs over the same pass written directly in numpy.

For linear chains of ``depth`` layers of ``width`` units and a batch of
``batch`` columns (``H_i = W_iᵀ H_{i-1}``, ``L = ½ Σ (Ŷ − Y)²``) this times
``Session(model).run()`` against a numpy function that computes exactly the
same arrays: every forward matmul, the loss, the loss gradient, and
``dL/dW_i`` and ``dL/dH_i`` for every layer including ``dL/dX`` and
``dL/dY``. Each repeat runs both, one right after the other (which goes
first alternates), and the ratio is the median over repeats of the engine's
time divided by numpy's in the same repeat: a pair shares the machine's
load, which on a busy machine moves both far more than the engine's own
overhead. The table also shows each side's median time. The target: width
512, depth 10, batch 64 at most 1.10x.

Run from the repository root::

    .venv/bin/python benchmarks/bench_engine.py [--quick]
"""

from __future__ import annotations

import argparse
import gc
import os
import platform
import statistics
import sys
import time
from collections.abc import Callable
from typing import Any

import numpy as np

from explorer.engine import Session
from explorer.model import Model, model_from_dict

DEPTHS = (3, 10)
WIDTHS = (16, 64, 256, 512, 1024)
BATCHES = (1, 64, 1024)
TARGET = (10, 512, 64)  # depth, width, batch
TARGET_RATIO = 1.10
#: Skip a combination past this many multiply-adds per forward pass (depth · width² · batch) …
MAX_WORK = 1.2e9
#: … and aim for about this many seconds of timing per combination.
SECONDS_PER_ROW = 2.0
MIN_REPEATS, MAX_REPEATS = 5, 41
#: The target row always gets this many repeats.
TARGET_REPEATS = 61


def chain_model(depth: int, width: int, batch: int, seed: int = 0) -> Model:
    """A linear chain built in memory: ``init`` parameters, data as values."""
    rng = np.random.default_rng(seed)
    nodes: list[dict[str, Any]] = [{"id": "X", "op": "input", "value": rng.standard_normal((width, batch)).tolist()}]
    prev = "X"
    for i in range(1, depth + 1):
        std = 1.0 / np.sqrt(width)  # keeps the activations of order 1 at any depth
        nodes.append(
            {"id": f"W{i}", "op": "param", "shape": [width, width], "init": {"kind": "normal", "std": std, "seed": i}}
        )
        nodes.append({"id": f"H{i}", "op": "linear", "inputs": {"x": prev, "w": f"W{i}"}})
        prev = f"H{i}"
    nodes.append({"id": "Y", "op": "target", "value": rng.standard_normal((width, batch)).tolist()})
    nodes.append({"id": "L", "op": "half_sse", "inputs": {"pred": prev, "target": "Y"}})
    return model_from_dict({"format": "jacobian-explorer/model", "version": 1, "name": "bench", "nodes": nodes})


def numpy_pass(x: np.ndarray, weights: list[np.ndarray], y: np.ndarray) -> dict[str, Any]:
    """The forward and backward pass by hand, with the engine's matmul forms (``Wᵀ h``, ``h δᵀ``, ``W δ``)."""
    hs = [x]
    for w in weights:
        hs.append(w.T @ hs[-1])
    r = hs[-1] - y
    loss = 0.5 * float(np.sum(r * r))
    g = r  # dL/dŶ
    grads: dict[str, Any] = {"L": loss, "Y": -r}
    for i in range(len(weights), 0, -1):
        grads[f"H{i}"] = g
        grads[f"W{i}"] = hs[i - 1] @ g.T
        g = weights[i - 1] @ g
    grads["X"] = g
    return grads


def engine_pass(model: Model) -> Session:
    session = Session(model)
    session.run()
    return session


def check_same(session: Session, grads: dict[str, Any], depth: int) -> None:
    """The baseline computes what the engine computes (checked once, outside the timing)."""
    assert session.loss is not None
    assert abs(session.loss - grads["L"]) <= 1e-9 * (1 + abs(grads["L"]))
    for node in ["X", "Y", *(f"W{i}" for i in range(1, depth + 1)), *(f"H{i}" for i in range(1, depth + 1))]:
        mine = session.grad(node)
        assert mine is not None
        assert np.allclose(mine, grads[node], rtol=1e-9, atol=1e-12), node


def timed(fn: Callable[[], object]) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def measure(depth: int, width: int, batch: int, repeats: int | None = None) -> tuple[float, float, float, int]:
    """Median seconds of the engine and of numpy, the median paired ratio, and the number of repeats."""
    model = chain_model(depth, width, batch)
    x, y = model.value("X"), model.value("Y")
    weights = [model.value(f"W{i}") for i in range(1, depth + 1)]
    check_same(engine_pass(model), numpy_pass(x, weights, y), depth)  # also the warm-up
    one = timed(lambda: engine_pass(model)) + timed(lambda: numpy_pass(x, weights, y))
    if repeats is None:
        repeats = int(min(MAX_REPEATS, max(MIN_REPEATS, SECONDS_PER_ROW // max(one, 1e-9))))
    engine, plain = [], []
    gc.collect()
    for r in range(repeats):
        # alternate which goes first, so neither always runs on a warmer cache
        if r % 2 == 0:
            engine.append(timed(lambda: engine_pass(model)))
            plain.append(timed(lambda: numpy_pass(x, weights, y)))
        else:
            plain.append(timed(lambda: numpy_pass(x, weights, y)))
            engine.append(timed(lambda: engine_pass(model)))
    ratio = statistics.median(e / p for e, p in zip(engine, plain, strict=True))
    return statistics.median(engine), statistics.median(plain), ratio, repeats


def blas_threads() -> str:
    try:
        from threadpoolctl import threadpool_info  # type: ignore[import-not-found]
    except ImportError:
        blas = "unknown BLAS"
        try:
            config = np.show_config(mode="dicts")
            blas = config["Build Dependencies"]["blas"]["name"]
        except Exception:  # older numpy: no dict mode; not worth the noise
            pass
        limits = {
            k: os.environ[k] for k in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS") if k in os.environ
        }
        return f"{blas}, threads not known (threadpoolctl not installed; env {limits or 'unset'})"
    pools = threadpool_info()
    return "; ".join(f"{p['internal_api']} {p.get('version')}: {p['num_threads']} threads" for p in pools) or "none"


def load() -> str:
    try:
        return " ".join(f"{x:.2f}" for x in os.getloadavg()) + f" (1, 5, 15 min; {os.cpu_count()} CPUs)"
    except OSError:
        return "unknown"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="only the target row")
    args = parser.parse_args(argv)

    print("Jacobian Explorer engine benchmark: Session(model).run() vs the same pass in plain numpy")
    print(f"python {platform.python_version()}, numpy {np.__version__}, {os.cpu_count()} CPUs, {platform.machine()}")
    print(f"BLAS: {blas_threads()}")
    print(f"load average at start: {load()}")
    print(
        f"linear chains, width×width weights, loss ½Σ(Ŷ−Y)²; skipped past {MAX_WORK:.1e} multiply-adds per forward pass"
    )
    print()
    header = (
        f"{'depth':>5} {'width':>6} {'batch':>6} {'reps':>5} {'engine ms':>11} {'numpy ms':>11} {'ratio':>7}  target"
    )
    print("engine ms, numpy ms: medians; ratio: median of engine/numpy over paired repeats")
    print(header)
    print("-" * len(header))
    target_ok = True
    combos = [TARGET] if args.quick else [(d, w, b) for d in DEPTHS for w in WIDTHS for b in BATCHES]
    for depth, width, batch in combos:
        work = depth * width * width * batch
        if work > MAX_WORK and (depth, width, batch) != TARGET:
            print(f"{depth:>5} {width:>6} {batch:>6} {'':>5} {'skipped':>11}")
            continue
        is_target = (depth, width, batch) == TARGET
        engine, plain, ratio, repeats = measure(depth, width, batch, TARGET_REPEATS if is_target else None)
        mark = ""
        if is_target:
            ok = ratio <= TARGET_RATIO
            target_ok = ok
            mark = f"{'PASS' if ok else 'MISS'} (≤ {TARGET_RATIO:.2f}x)"
        print(
            f"{depth:>5} {width:>6} {batch:>6} {repeats:>5} {engine * 1e3:>11.3f} {plain * 1e3:>11.3f} {ratio:>6.2f}x  {mark}"
        )
        sys.stdout.flush()
    print(f"load average at end: {load()}")
    return 0 if target_ok else 1


if __name__ == "__main__":
    sys.exit(main())
