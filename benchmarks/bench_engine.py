"""How much the stepping session costs over the same pass in plain numpy and in torch autograd.

Each row is a chain of ``depth`` linear layers of ``width`` units and a batch
of ``batch`` columns, with the examples' sigmoid between layers and their
loss (``H_i = W_iᵀ A_{i-1}``, ``A_i = σ(H_i)``, ``Ŷ = H_depth``,
``L = ½ Σ (Ŷ − Y)²``, float64, no bias). Three sides compute one whole pass,
forward and backward:

- engine: ``Session(model).run()``, every step of the session, from building
  the session to the last gradient;
- numpy: the same pass written by hand, computing exactly the arrays the
  session computes (every value, the loss, and the gradient of every node
  including ``dL/dX`` and ``dL/dY``), with the engine's formulas;
- torch (when importable): the forward pass and ``loss.backward()``, every
  leaf (``X``, ``Y``, each ``W_i``) requiring a gradient.

A sample is one block of passes of one side, long enough for the timer; each
repeat takes one block of each side, one right after the other, in an order
that rotates, so the sides of a repeat share the machine's load. A ratio is
the median over repeats of the engine's time divided by the other side's in
the same repeat; the times are medians. Before timing, each side runs once
and the three are checked to compute the same gradients.

Torch runs in a process of its own (:class:`TorchSide`) and meets the
engine in phases: three rounds of a phase of engine blocks, then one of
torch blocks, each after a pause of 0.2 s; its ratio is the engine's median
over those phases divided by torch's. Side by side, in one process or
block by block, each slowed the other: numpy's fresh arrays took a thousand
page faults a pass after torch's, torch's OpenMP threads left spinning took
the engine's core, and OpenBLAS's took torch's. The engine's time in the
table is from the first round, against numpy.

Targets (issue 12): the engine at most 1.0× torch on every batch-1 row and at
most 1.5× numpy at width 16; ours: at most 1.10× numpy at width 512, batch 64.
Exit status 1 when a target is missed.

Run from the repository root::

    PYTHONPATH=. .venv/bin/python benchmarks/bench_engine.py [--quick] [--clock wall|cpu]
        [--activation sigmoid|tanh|relu|none] [--repeats R]

numpy and torch run on one thread each unless ``--threads own`` is given
(the threads a library leaves spinning after a call take the cores of the
side that runs next). Wall time counts the time other programs hold the
processor: on a busy machine ``--clock cpu`` (each process's processor
time) gives steadier figures.
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import os
import platform
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from typing import Any

#: One thread each, set before numpy or torch is loaded (``--threads own`` keeps the libraries' own).
#: On a machine of two cores, a library's threads left spinning after a call (OpenBLAS's keep yielding for
#: a long time) took the cores of the side that ran next, in this process or the other.
if "--threads" not in sys.argv or sys.argv[sys.argv.index("--threads") + 1 :][:1] != ["own"]:
    for _name in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ.setdefault(_name, "1")

import numpy as np  # noqa: E402

from explorer.engine import Session
from explorer.model import Model, model_from_dict

#: depth, width, batch, most engine/numpy (or None), most engine/torch (or None)
ROWS: tuple[tuple[int, int, int, float | None, float | None], ...] = (
    (10, 16, 1, 1.5, 1.0),
    (10, 64, 1, None, 1.0),
    (10, 256, 1, None, 1.0),
    (10, 1024, 1, None, 1.0),
    (3, 16, 1, None, None),
    (10, 16, 64, None, None),
    (10, 512, 64, 1.10, None),
)
QUICK_ROWS = ROWS[:1]
#: Aim for about this long per block of passes …
BLOCK_SECONDS = 0.004
#: … and about this long per row.
SECONDS_PER_ROW = 3.0
#: The engine against torch: rounds of a phase of engine blocks then a phase of torch blocks, each phase
#: after a pause long enough for the threads the other side left spinning (OpenBLAS's, up to ~0.1 s;
#: torch's OpenMP) to go to sleep.
TORCH_ROUNDS, SWITCH_PAUSE = 3, 0.2
MIN_REPEATS, MAX_REPEATS = 15, 301


def chain_model(depth: int, width: int, batch: int, activation: str | None, seed: int = 0) -> Model:
    """The benchmark chain, built in memory: data and weights from one seeded generator."""
    rng = np.random.default_rng(seed)
    nodes: list[dict[str, Any]] = [{"id": "X", "op": "input", "value": rng.standard_normal((width, batch)).tolist()}]
    prev = "X"
    for i in range(1, depth + 1):
        w = rng.standard_normal((width, width)) / np.sqrt(width)  # keeps the values of order 1 at any depth
        nodes.append({"id": f"W{i}", "op": "param", "value": w.tolist()})
        nodes.append({"id": f"H{i}", "op": "linear", "inputs": {"x": prev, "w": f"W{i}"}})
        prev = f"H{i}"
        if activation is not None and i < depth:
            nodes.append({"id": f"A{i}", "op": activation, "inputs": {"x": prev}})
            prev = f"A{i}"
    nodes.append({"id": "Y", "op": "target", "value": rng.standard_normal((width, batch)).tolist()})
    nodes.append({"id": "L", "op": "half_sse", "inputs": {"pred": prev, "target": "Y"}})
    return model_from_dict({"format": "jacobian-explorer/model", "version": 1, "name": "bench", "nodes": nodes})


# -- the three sides ---------------------------------------------------------


def _sigmoid(h: np.ndarray) -> np.ndarray:
    return 0.5 * (np.tanh(0.5 * h) + 1.0)  # the engine's formula


#: activation → (forward, slope from its output ``a`` and input ``h``)
NUMPY_ACTIVATIONS: dict[str, tuple[Callable[[np.ndarray], np.ndarray], Callable[[np.ndarray, np.ndarray], np.ndarray]]] = {
    "sigmoid": (_sigmoid, lambda a, h: a * (1.0 - a)),
    "tanh": (np.tanh, lambda a, h: 1.0 - a * a),
    "relu": (lambda h: np.maximum(h, 0.0), lambda a, h: (h > 0).astype(np.float64)),
}


def numpy_pass(
    x: np.ndarray, weights: list[np.ndarray], y: np.ndarray, activation: str | None
) -> tuple[float, np.ndarray, np.ndarray, list[np.ndarray], list[np.ndarray], list[np.ndarray]]:
    """The forward and backward pass by hand, with the engine's matmul forms (``Wᵀ h``, ``h δᵀ``, ``W δ``).

    Returns ``(L, dL/dX, dL/dY, [dL/dH_i], [dL/dW_i], [dL/dA_i])``, each list from the last layer back.
    """
    forward, slope = NUMPY_ACTIVATIONS[activation] if activation else (None, None)
    inputs, hidden = [x], []  # each layer's input; the pre-activations of the layers before the last
    a = x
    for w in weights[:-1]:
        h = w.T @ a
        hidden.append(h)
        a = forward(h) if forward else h
        inputs.append(a)
    r = weights[-1].T @ a - y
    loss = 0.5 * float(np.sum(r * r))
    d_h, d_w, d_a = [], [], []
    g = r  # dL/dŶ
    for i in range(len(weights) - 1, -1, -1):
        d_h.append(g)
        d_w.append(inputs[i] @ g.T)
        g = weights[i] @ g  # dL/d(the layer's input)
        if i and slope:
            d_a.append(g)
            g = g * slope(inputs[i], hidden[i - 1])
    return loss, g, -r, d_h, d_w, d_a


def named(result: tuple[float, np.ndarray, np.ndarray, list[np.ndarray], list[np.ndarray], list[np.ndarray]]) -> dict[str, Any]:
    """:func:`numpy_pass`'s result by node id."""
    loss, d_x, d_y, d_h, d_w, d_a = result
    depth = len(d_w)
    grads: dict[str, Any] = {"L": loss, "X": d_x, "Y": d_y}
    for k in range(depth):
        grads[f"H{depth - k}"], grads[f"W{depth - k}"] = d_h[k], d_w[k]
    for k, g in enumerate(d_a):
        grads[f"A{depth - 1 - k}"] = g
    return grads


def engine_pass(model: Model) -> Session:
    session = Session(model)
    session.run()
    return session


def torch_pass(torch: Any, leaves: dict[str, Any], depth: int, activation: str | None) -> dict[str, Any]:
    """Forward and ``loss.backward()``; the gradients land in the leaves' ``.grad``."""
    for leaf in leaves.values():
        leaf.grad = None
    act = {"sigmoid": torch.sigmoid, "tanh": torch.tanh, "relu": torch.relu, None: None}[activation]
    a = leaves["X"]
    for i in range(1, depth + 1):
        a = leaves[f"W{i}"].T @ a
        if act is not None and i < depth:
            a = act(a)
    loss = 0.5 * ((a - leaves["Y"]) ** 2).sum()
    loss.backward()
    return leaves


def load_torch() -> Any:
    try:
        import torch  # type: ignore[import-not-found, unused-ignore]
    except ImportError:
        return None
    return torch


# -- timing ------------------------------------------------------------------


class TorchSide:
    """The torch side, in a process of its own, timing one block of passes when asked.

    In the same process, torch's allocations and threads slowed the other
    sides unevenly: after a block of torch passes, numpy's fresh arrays of a
    width-256 chain took a thousand page faults a pass (glibc hands the
    freed memory back and takes it again) and its caches held torch's copies
    of the weights, so the engine and numpy ran at twice their own speed.
    Each side on its own is what a person runs.
    """

    def __init__(self, process: subprocess.Popen[str]) -> None:
        self._process = process

    @classmethod
    @contextlib.contextmanager
    def start(
        cls, torch: Any, depth: int, width: int, batch: int, activation: str | None, clock: Callable[[], float]
    ) -> Iterator[TorchSide | None]:
        if torch is None:
            yield None
            return
        clock_name = next(name for name, fn in CLOCKS.items() if fn is clock)
        command = [sys.executable, __file__, "--torch-side", str(depth), str(width), str(batch), str(activation), clock_name]
        process = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        side = cls(process)
        try:
            side._ask("check")  # the same gradients as numpy, checked in the child (it raises otherwise)
            yield side
        finally:
            assert process.stdin is not None
            process.stdin.close()
            process.wait(timeout=60)

    def _ask(self, line: str) -> str:
        stdin, stdout = self._process.stdin, self._process.stdout
        assert stdin is not None
        assert stdout is not None
        stdin.write(line + "\n")
        stdin.flush()
        answer = stdout.readline().strip()
        if not answer:
            raise RuntimeError(f"the torch side ended (exit code {self._process.wait(timeout=60)})")
        return answer

    def blocks(self, passes: int, count: int) -> list[float]:
        """Seconds per pass over each of ``count`` blocks of ``passes`` torch passes, one after the other."""
        return [float(t) for t in self._ask(f"{passes} {count}").split()]


def torch_side_main(depth: int, width: int, batch: int, activation: str | None, clock: Callable[[], float]) -> int:
    """The torch process: builds the same chain, then answers ``check`` and ``N`` (a block of N passes)."""
    torch = load_torch()
    model = chain_model(depth, width, batch, activation)
    leaves = {
        name: torch.tensor(np.array(model.value(name)), dtype=torch.float64, requires_grad=True)
        for name in ["X", "Y", *(f"W{i}" for i in range(1, depth + 1))]
    }

    def one() -> object:
        return torch_pass(torch, leaves, depth, activation)

    one()
    for line in sys.stdin:
        if line.strip() == "check":
            check_same(engine_pass(model), {}, one())
            print("ok", flush=True)
        else:
            passes, count = map(int, line.split())
            print(" ".join(repr(_block(one, passes, clock)) for _ in range(count)), flush=True)
    return 0


def check_same(session: Session, grads: dict[str, Any], torch_leaves: dict[str, Any] | None) -> None:
    """The baselines compute what the engine computes (checked once, outside the timing)."""
    assert session.loss is not None
    if "L" in grads:
        assert abs(session.loss - grads["L"]) <= 1e-9 * (1 + abs(grads["L"]))
    for node, expected in grads.items():
        if node == "L":
            continue
        mine = session.grad(node)
        assert mine is not None, node
        assert np.allclose(mine, expected, rtol=1e-9, atol=1e-12), node
    for node, leaf in (torch_leaves or {}).items():
        mine = session.grad(node)
        assert mine is not None, node
        assert np.allclose(mine, leaf.grad.numpy(), rtol=1e-9, atol=1e-12), node


#: The clock a block is timed with: wall time, or the process's processor time (``--clock cpu``).
CLOCKS: dict[str, Callable[[], float]] = {"wall": time.perf_counter, "cpu": time.process_time}


def _block(fn: Callable[[], object], passes: int, clock: Callable[[], float]) -> float:
    """Seconds per pass over one block of ``passes`` passes."""
    start = clock()
    for _ in range(passes):
        fn()
    return (clock() - start) / passes


def _rotate(blocks: dict[str, Callable[[int], float]], passes: dict[str, int], repeats: int) -> dict[str, list[float]]:
    """``repeats`` rounds of one block of each side, the side that goes first rotating."""
    times: dict[str, list[float]] = {name: [] for name in blocks}
    names = list(blocks)
    gc.collect()
    for r in range(repeats):
        shift = r % len(names)
        for name in names[shift:] + names[:shift]:
            times[name].append(blocks[name](passes[name]))
    return times


def measure(
    depth: int,
    width: int,
    batch: int,
    activation: str | None,
    torch: Any,
    repeats: int | None,
    clock: Callable[[], float] = time.perf_counter,
) -> dict[str, Any]:
    """Median seconds per pass of each side, and the median paired ratios."""
    model = chain_model(depth, width, batch, activation)
    x, y = model.value("X"), model.value("Y")
    weights = [model.value(f"W{i}") for i in range(1, depth + 1)]
    sides: dict[str, Callable[[], object]] = {
        "engine": lambda: engine_pass(model),
        "numpy": lambda: numpy_pass(x, weights, y, activation),
    }
    blocks: dict[str, Callable[[int], float]] = {
        name: (lambda passes, fn=fn: _block(fn, passes, clock)) for name, fn in sides.items()
    }
    for fn in sides.values():  # the warm-up
        fn()
    check_same(engine_pass(model), named(numpy_pass(x, weights, y, activation)), None)
    one = {name: max(block(1), 1e-7) for name, block in blocks.items()}
    passes = {name: max(1, int(BLOCK_SECONDS / t)) for name, t in one.items()}
    if repeats is None:
        per_repeat = sum(one[name] * passes[name] for name in blocks)
        repeats = int(min(MAX_REPEATS, max(MIN_REPEATS, SECONDS_PER_ROW / per_repeat)))
    times = _rotate(blocks, passes, repeats)
    result: dict[str, Any] = {"repeats": repeats}
    for name in blocks:
        result[name] = statistics.median(times[name])
    result["/numpy"] = statistics.median(e / o for e, o in zip(times["engine"], times["numpy"], strict=True))
    with TorchSide.start(torch, depth, width, batch, activation, clock) as torch_side:
        if torch_side is not None:  # engine against torch: each in phases of its own, warm
            passes["torch"] = max(1, int(BLOCK_SECONDS / max(torch_side.blocks(1, 1)[0], 1e-7)))
            per_phase = max(3, repeats // TORCH_ROUNDS)
            engine_times: list[float] = []
            torch_times: list[float] = []
            for _ in range(TORCH_ROUNDS):
                time.sleep(SWITCH_PAUSE)
                engine_times += [blocks["engine"](passes["engine"]) for _ in range(per_phase)]
                time.sleep(SWITCH_PAUSE)
                torch_times += torch_side.blocks(passes["torch"], per_phase)
            result["torch"] = statistics.median(torch_times)
            result["/torch"] = statistics.median(engine_times) / result["torch"]
    return result


# -- the report --------------------------------------------------------------


def blas_threads() -> str:
    try:
        from threadpoolctl import threadpool_info  # type: ignore[import-not-found, unused-ignore]
    except ImportError:
        limits = {
            k: os.environ[k] for k in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS") if k in os.environ
        }
        return f"threads not known (threadpoolctl not installed; env {limits or 'unset'})"
    pools = threadpool_info()
    return "; ".join(f"{p['internal_api']} {p.get('version')}: {p['num_threads']} threads" for p in pools) or "none"


def load() -> str:
    try:
        return " ".join(f"{x:.2f}" for x in os.getloadavg()) + f" (1, 5, 15 min; {os.cpu_count()} CPUs)"
    except OSError:
        return "unknown"


def _verdict(ratio: float | None, most: float | None) -> tuple[str, bool]:
    if most is None or ratio is None:
        return "", True
    ok = ratio <= most
    return f"{'PASS' if ok else 'MISS'} ≤{most:.2f}", ok


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["--torch-side"]:  # the child process of TorchSide
        depth, width, batch, activation, clock = argv[1:6]
        return torch_side_main(int(depth), int(width), int(batch), None if activation == "None" else activation, CLOCKS[clock])
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="only width 16, depth 10, batch 1")
    parser.add_argument("--repeats", type=int, default=None, help="repeats per row (default: about 3 s a row)")
    parser.add_argument(
        "--clock",
        choices=list(CLOCKS),
        default="wall",
        help="wall time, or processor time of this process (steadier on a shared machine; with one BLAS thread)",
    )
    parser.add_argument(
        "--activation", choices=["sigmoid", "tanh", "relu", "none"], default="sigmoid", help="between the layers"
    )
    parser.add_argument(
        "--threads", choices=["one", "own"], default="one",
        help="one thread for numpy and torch (default; steady), or the libraries' own thread counts",
    )
    args = parser.parse_args(argv)
    activation = None if args.activation == "none" else args.activation
    torch = load_torch()

    print("Jacobian Explorer engine benchmark: Session(model).run() against plain numpy and torch autograd")
    print(f"python {platform.python_version()}, numpy {np.__version__}, {os.cpu_count()} CPUs, {platform.machine()}")
    if torch is None:
        print("torch: not installed, its column is skipped")
    else:
        print(f"torch {torch.__version__}: {torch.get_num_threads()} threads")
    print(f"BLAS: {blas_threads()}")
    print(f"load average at start: {load()}")
    print(f"chains of linear layers with {args.activation} between them, loss ½Σ(Ŷ−Y)², float64, one whole pass")
    print(f"ms: median {args.clock} time of one pass; ratios: medians of engine/other over paired repeats")
    print()
    header = (
        f"{'depth':>5} {'width':>5} {'batch':>5} {'reps':>4} {'engine ms':>10} {'numpy ms':>9} {'torch ms':>9}"
        f" {'eng/numpy':>10} {'eng/torch':>10}  targets"
    )
    print(header)
    print("-" * len(header))
    all_ok = True
    for depth, width, batch, most_numpy, most_torch in QUICK_ROWS if args.quick else ROWS:
        row = measure(depth, width, batch, activation, torch, args.repeats, CLOCKS[args.clock])
        numpy_mark, numpy_ok = _verdict(row["/numpy"], most_numpy)
        torch_mark, torch_ok = _verdict(row.get("/torch"), most_torch)
        all_ok = all_ok and numpy_ok and torch_ok
        torch_ms = f"{row['torch'] * 1e3:>9.3f}" if "torch" in row else f"{'—':>9}"
        torch_ratio = f"{row['/torch']:>9.2f}x" if "/torch" in row else f"{'—':>10}"
        marks = "  ".join(m for m in (f"numpy {numpy_mark}" if numpy_mark else "", f"torch {torch_mark}" if torch_mark else "") if m)
        print(
            f"{depth:>5} {width:>5} {batch:>5} {row['repeats']:>4} {row['engine'] * 1e3:>10.3f}"
            f" {row['numpy'] * 1e3:>9.3f} {torch_ms} {row['/numpy']:>9.2f}x {torch_ratio}  {marks}"
        )
        sys.stdout.flush()
    print(f"load average at end: {load()}")
    return 0 if all_ok else 1


if __name__ == "__main__":
    sys.exit(main())
