"""Training speed: ``train()`` against a hand-written numpy loop and torch autograd + SGD.

For tanh chains of ``depth`` layers of ``width`` units and a batch of
``batch`` columns (``A_i = tanh(W_iᵀ A_{i-1})``, ``Ŷ = W_dᵀ A_{d-1}``,
``L = ½ Σ (Ŷ − Y)²``, float64, no bias) this times, per iteration of
forward + backward + update:

- ours: :func:`explorer.train.loop.train` end to end (compiling the plan,
  the loop with its gradient norms and finiteness checks, building the
  trained model), over a block of iterations;
- numpy: the same iterations written by hand, the least a numpy program does;
- torch (when importable): autograd and ``torch.optim.SGD``, float64.

Each repeat runs one block of each, one right after the other (the order
rotates), so a pair shares the machine's load; the ratios are medians over
repeats of ours divided by the other in the same repeat, and the times are
medians. Before timing, one block of each is run as a warm-up and the three
are checked to reach the same parameters.

Targets (issue "The learning lab"): ours ≤ 1.5 × numpy and ≤ 1.0 × torch on
every row. Exit status 1 when a target is missed.

Run from the repository root::

    PYTHONPATH=. .venv/bin/python benchmarks/bench_train.py [--quick] [--repeats R]

On machines that set OPENBLAS_CORETYPE, the kernel it forces is reported; to
measure the machine's own kernel unset it (and OPENBLAS_L2_SIZE) for that
command alone. On a busy machine OpenBLAS's threads wait for each other and
every side slows down unevenly: ``OPENBLAS_NUM_THREADS=1`` gives steadier
figures (torch then gets one thread too).
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

from explorer.model import Model, model_from_dict
from explorer.train.loop import train

ROWS = ((3, 3, 1), (3, 16, 4), (4, 64, 16), (4, 128, 32), (8, 256, 64))
NUMPY_RATIO, TORCH_RATIO = 1.5, 1.0
LR = 1e-3
#: Aim for about this many seconds per block of iterations.
BLOCK_SECONDS = 0.15


def chain(depth: int, width: int, batch: int, seed: int = 0) -> Model:
    """The benchmark chain as a model: data and weights from one seeded generator."""
    rng = np.random.default_rng(seed)
    nodes: list[dict[str, Any]] = [{"id": "X", "op": "input", "value": rng.standard_normal((width, batch)).tolist()}]
    prev = "X"
    for i in range(1, depth + 1):
        w = rng.standard_normal((width, width)) / np.sqrt(width)
        nodes.append({"id": f"W{i}", "op": "param", "value": w.tolist()})
        nodes.append({"id": f"H{i}", "op": "linear", "inputs": {"x": prev, "w": f"W{i}"}})
        prev = f"H{i}"
        if i < depth:
            nodes.append({"id": f"A{i}", "op": "tanh", "inputs": {"x": prev}})
            prev = f"A{i}"
    nodes.append({"id": "Y", "op": "target", "value": (0.5 * rng.standard_normal((width, batch))).tolist()})
    nodes.append({"id": "L", "op": "half_sse", "inputs": {"pred": prev, "target": "Y"}})
    return model_from_dict({"format": "jacobian-explorer/model", "version": 1, "name": "bench", "nodes": nodes})


def numpy_loop(x: np.ndarray, weights: list[np.ndarray], y: np.ndarray, lr: float, iterations: int) -> None:
    """Gradient descent by hand: forward, backward, ``W ← W − η ∂L/∂W`` (in place), ``iterations`` times."""
    depth = len(weights)
    for _ in range(iterations):
        acts = [x]
        a = x
        for w in weights[:-1]:
            a = np.tanh(w.T @ a)
            acts.append(a)
        g = weights[-1].T @ a - y  # dL/dŶ for ½ Σ r²
        _loss = 0.5 * float(np.dot(g.ravel(), g.ravel()))
        grads = [np.empty(0)] * depth
        for i in range(depth - 1, -1, -1):
            grads[i] = acts[i] @ g.T
            if i:
                g = (weights[i] @ g) * (1.0 - acts[i] * acts[i])
        for w, grad in zip(weights, grads, strict=True):
            w -= lr * grad


def torch_loop(torch: Any, x: Any, weights: list[Any], y: Any, lr: float, iterations: int) -> None:
    """The same with torch autograd and ``torch.optim.SGD``."""
    optimiser = torch.optim.SGD(weights, lr=lr)
    for _ in range(iterations):
        optimiser.zero_grad()
        a = x
        for w in weights[:-1]:
            a = torch.tanh(w.T @ a)
        loss = 0.5 * ((weights[-1].T @ a - y) ** 2).sum()
        loss.backward()
        optimiser.step()
        loss.item()


def _timed(fn: Callable[[], object]) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def measure(depth: int, width: int, batch: int, repeats: int, torch: Any) -> dict[str, Any]:
    """Per-iteration medians (seconds) and paired median ratios for one row."""
    model = chain(depth, width, batch)
    x, y = model.value("X"), model.value("Y")
    start = [np.array(model.value(p)) for p in model.params]
    probe = 20
    mine = train(model, probe, LR)
    ws = [w.copy() for w in start]
    numpy_loop(x, ws, y, LR, probe)
    for p, w in zip(model.params, ws, strict=True):  # the baseline computes what we compute
        assert np.allclose(mine.model.value(p), w, rtol=1e-10, atol=1e-13), p
    if torch is not None:
        tws = [torch.tensor(w, requires_grad=True) for w in start]
        torch_loop(torch, torch.tensor(x), tws, torch.tensor(y), LR, probe)
        for p, w in zip(model.params, tws, strict=True):
            assert np.allclose(mine.model.value(p), w.detach().numpy(), rtol=1e-10, atol=1e-13), p
    one = min(_timed(lambda: numpy_loop(x, [w.copy() for w in start], y, LR, probe)) for _ in range(3)) / probe
    iterations = max(20, int(BLOCK_SECONDS / max(one, 1e-7)))

    def ours() -> float:
        return _timed(lambda: train(model, iterations, LR))

    def plain() -> float:
        ws = [w.copy() for w in start]
        return _timed(lambda: numpy_loop(x, ws, y, LR, iterations))

    sides: dict[str, Callable[[], float]] = {"ours": ours, "numpy": plain}
    if torch is not None:
        tx, ty = torch.tensor(x), torch.tensor(y)

        def autograd() -> float:
            tws = [torch.tensor(w, requires_grad=True) for w in start]
            return _timed(lambda: torch_loop(torch, tx, tws, ty, LR, iterations))

        sides["torch"] = autograd
    for fn in sides.values():  # warm-up
        fn()
    times: dict[str, list[float]] = {name: [] for name in sides}
    names = list(sides)
    gc.collect()
    for r in range(repeats):
        for k in range(len(names)):
            name = names[(r + k) % len(names)]
            times[name].append(sides[name]() / iterations)
    result: dict[str, Any] = {name: statistics.median(t) for name, t in times.items()}
    result["iterations"] = iterations
    for other in names[1:]:
        result[f"/{other}"] = statistics.median(a / b for a, b in zip(times["ours"], times[other], strict=True))
    return result


def blas() -> str:
    """The BLAS numpy runs, with the kernel OpenBLAS chose and its threads."""
    try:
        from threadpoolctl import threadpool_info  # type: ignore[import-not-found]
    except ImportError:
        return _openblas_by_hand()
    return "; ".join(
        f"{p['internal_api']} {p.get('version')} {p.get('architecture')}: {p['num_threads']} threads"
        for p in threadpool_info()
    )


def _openblas_by_hand() -> str:
    """Ask numpy's bundled OpenBLAS directly (no threadpoolctl): its kernel and threads."""
    import ctypes
    import glob

    found = glob.glob(os.path.join(os.path.dirname(np.__file__) + ".libs", "*openblas*"))
    if not found:
        return "unknown (threadpoolctl not installed, no bundled OpenBLAS found)"
    try:
        lib = ctypes.CDLL(found[0])
        for prefix, suffix in (("scipy_openblas", "64_"), ("scipy_openblas", ""), ("openblas", "64_"), ("openblas", "")):
            if hasattr(lib, f"{prefix}_get_corename{suffix}"):
                corename = getattr(lib, f"{prefix}_get_corename{suffix}")
                corename.restype = ctypes.c_char_p
                threads = getattr(lib, f"{prefix}_get_num_threads{suffix}")()
                return f"{os.path.basename(found[0])}: kernel {corename().decode()}, {threads} threads"
    except OSError as error:
        return f"unknown ({error})"
    return f"{os.path.basename(found[0])}: kernel not reported"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="the first three rows only, fewer repeats")
    parser.add_argument("--repeats", type=int, default=None, help="paired repeats per row (default 15; quick 5)")
    parser.add_argument("--no-torch", action="store_true", help="leave torch out")
    args = parser.parse_args(argv)
    repeats = args.repeats or (5 if args.quick else 15)
    torch = None
    if not args.no_torch:
        try:
            import torch  # type: ignore[no-redef]

            # as many threads as numpy's BLAS gets, so the comparison is even
            threads = os.environ.get("OPENBLAS_NUM_THREADS") or os.environ.get("OMP_NUM_THREADS")
            torch.set_num_threads(int(threads) if threads else (os.cpu_count() or 1))
        except ImportError:
            torch = None
    print("Jacobian Explorer training benchmark: µs per iteration (forward + backward + update), float64, tanh chain")
    print(f"python {platform.python_version()}, numpy {np.__version__}, {os.cpu_count()} CPUs, {platform.machine()}")
    print(f"BLAS: {blas()}")
    print(f"OPENBLAS_CORETYPE={os.environ.get('OPENBLAS_CORETYPE', '(unset)')}")
    print(f"torch: {f'{torch.__version__}, {torch.get_num_threads()} threads' if torch is not None else 'not importable'}")
    print(f"load average at start: {' '.join(f'{v:.2f}' for v in os.getloadavg())}")
    print(f"targets: ours ≤ {NUMPY_RATIO}x numpy loop and ≤ {TORCH_RATIO}x torch; ratios are paired medians")
    header = f"{'d/w/b':>10} {'iters':>6} {'ours':>9} {'numpy':>9} {'torch':>9} {'/numpy':>7} {'/torch':>7}  result"
    print(header)
    print("-" * len(header))
    ok_all = True
    for depth, width, batch in ROWS[:3] if args.quick else ROWS:
        m = measure(depth, width, batch, repeats, torch)
        ok = m["/numpy"] <= NUMPY_RATIO and (torch is None or m["/torch"] <= TORCH_RATIO)
        ok_all = ok_all and ok
        t = f"{m['torch'] * 1e6:>9.1f}" if "torch" in m else f"{'-':>9}"
        tr = f"{m['/torch']:>6.2f}x" if "/torch" in m else f"{'-':>7}"
        print(
            f"{f'{depth}/{width}/{batch}':>10} {m['iterations']:>6} {m['ours'] * 1e6:>9.1f} {m['numpy'] * 1e6:>9.1f} "
            f"{t} {m['/numpy']:>6.2f}x {tr}  {'PASS' if ok else 'FAIL'}"
        )
        sys.stdout.flush()
    print(f"load average at end: {' '.join(f'{v:.2f}' for v in os.getloadavg())}")
    return 0 if ok_all else 1


if __name__ == "__main__":
    sys.exit(main())
