"""Window benchmark: start time, step latency, heatmap draw time.

Prints absolute times and, for each, the ratio to the numpy work it shows
(measured in the same run), and compares step latency with a 60 Hz frame
(16.7 ms): a step in the window (the session's step, the canvas, the visible
panel, the paint) should fit in one, at the median and at the 95th
percentile, up to 6 layers of width 256 with batch 32. Each case steps
through the whole pass ``--passes`` times (3 by default) to gather enough
steps for a percentile. Run with ``make bench`` (off-screen); the time to a
visible window on a real display is :mod:`bench_startup`'s.
"""

from __future__ import annotations

import argparse
import itertools
import os
import statistics
import sys
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import numpy as np  # noqa: E402

FRAME_MS = 1000 / 60


def timed(fn, repeat: int = 7) -> float:
    """Median wall time of ``fn()`` in milliseconds."""
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples)


def chain_document(depth: int, width: int, batch: int) -> dict:
    nodes = [{"id": "X", "op": "input", "value": np.linspace(-1, 1, width * batch).reshape(width, batch).tolist()}]
    prev = "X"
    for i in range(1, depth + 1):
        nodes.append(
            {
                "id": f"W{i}",
                "op": "param",
                "shape": [width, width],
                "init": {"kind": "normal", "std": 1 / np.sqrt(width), "seed": i},
            }
        )
        nodes.append({"id": f"H{i}", "op": "linear", "inputs": {"x": prev, "w": f"W{i}"}})
        nodes.append({"id": f"A{i}", "op": "tanh", "inputs": {"x": f"H{i}"}})
        prev = f"A{i}"
    nodes.append({"id": "Y", "op": "target", "value": np.zeros((width, batch)).tolist()})
    nodes.append({"id": "L", "op": "half_sse", "inputs": {"pred": prev, "target": "Y"}})
    return {"format": "jacobian-explorer/model", "version": 1, "name": "bench", "nodes": nodes}


def percentile(samples: list[float], q: int) -> float:
    """The ``q``-th percentile of ``samples`` (inclusive method)."""
    return statistics.quantiles(samples, n=100, method="inclusive")[q - 1] if len(samples) > 1 else samples[0]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--passes", type=int, default=3, help="whole passes stepped through per case and tab")
    args = parser.parse_args()
    start = time.perf_counter()
    from explorer.engine import Session
    from explorer.model import model_from_dict
    from explorer.model.examples import toy_model
    from explorer.ui.shell.app import QuietDialogs, make_app, open_window

    app = make_app()
    window = open_window(Session(toy_model()), dialogs=QuietDialogs())
    window.resize(1400, 900)
    window.show()
    app.processEvents()
    startup = (time.perf_counter() - start) * 1000
    print(f"window start (imports, first layout and paint): {startup:8.1f} ms")

    cases = [
        ("toy network", toy_model()),
        ("6 layers, width 256, batch 32", model_from_dict(chain_document(6, 256, 32))),
    ]
    print(
        f"\n{'step latency (step + canvas + visible panel + paint)':<58} {'median':>9} {'p95':>9} {'max':>9} "
        f"{'numpy':>9} {'frame':>7} {'cpu med':>9} {'cpu p95':>9}"
    )
    for title, model in cases:
        controller = window.controller
        controller.load(Session(model))
        controller.select(model.order[len(model.order) // 2])
        for tab in range(4):
            window.inspector.tabs.setCurrentIndex(tab)
            per_step, cpu = [], []  # wall time; processor time, which other jobs on the machine move less
            for _ in range(args.passes):
                controller.reset()
                app.processEvents()
                while True:
                    t0, c0 = time.perf_counter(), time.process_time()
                    moved = controller.step()
                    app.processEvents()
                    per_step.append((time.perf_counter() - t0) * 1000)
                    cpu.append((time.process_time() - c0) * 1000)
                    if not moved:
                        break
            raw = timed(lambda m=model: Session(m).run(), 3) / Session(model).total
            name = window.inspector.tabs.tabText(tab).split(" ·")[0]
            median, p95 = statistics.median(per_step), percentile(per_step, 95)
            print(
                f"  {title + ' / ' + name:<56} {median:8.2f}ms {p95:8.2f}ms {max(per_step):8.2f}ms {raw:8.3f}ms "
                f"{median / FRAME_MS:6.2f}× {statistics.median(cpu):8.2f}ms {percentile(cpu, 95):8.2f}ms"
            )

    from explorer.ui.inspector.heatmap import MatrixView

    view = MatrixView()
    view.resize(560, 560)
    view.show()
    print(f"\n{'heatmap draw (set_matrix + paint)':<40} {'median':>9} {'numpy':>9} {'ratio':>7}")
    drawn = {}
    for n in (12, 256, 1024, 2048):
        data = np.random.default_rng(0).standard_normal((n, n))
        # two arrays taking turns: the view skips an array it shows already, as after a step that left it
        turns = itertools.cycle([data, data[::-1].copy()])

        def draw(turns=turns) -> None:
            view.set_matrix(next(turns), "W", "value")
            view.repaint()
            app.processEvents()

        raw = timed(lambda d=data: np.abs(d).max() * d, 5)  # the numpy pass over the data a draw needs at least
        ms = drawn[n] = timed(draw, 9)
        print(f"  {n}×{n:<34} {ms:8.2f}ms {raw:8.3f}ms {ms / max(raw, 1e-6):6.1f}×")
    print(f"  12×12 with its numbers against 256×256 as an image: {drawn[12] / drawn[256]:.2f}×")
    window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
