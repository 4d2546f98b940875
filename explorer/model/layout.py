"""Where each node sits on the canvas: a tidy left-to-right layout for a chain.

Pure Python (no Qt), so it is tested without a window. The data path (input
→ layers and activations → loss) runs along the top row; the other inputs of
each op (weights, biases, the target) sit on a second row right below the op
they feed, as in the lecture's drawing::

    X ─▶ H1 ─▶ H2 ─▶ Ŷ ─▶ L
         ▲     ▲     ▲    ▲
         W1    W2    W3   Y

Anything else (what feeds a weight computed by an op, say) is layered
further down, one row per generation back from the node it feeds. A node's
own ``spec.pos`` always wins.

A long chain (more than :data:`WRAP_COLUMNS` columns, the 8-layer examples)
is folded into bands like a snake, so the whole network is readable on one
screen: the first band runs left to right, the next one right to left under
it, and so on; each parameter stays under its op, and the chain turns down
at a node without parameters, so the turning arrow crosses nothing::

    X ─▶ H1 ─▶ A1 ─▶ H2 ─▶ A2
         ▲           ▲     │
         W1          W2    ▼
             … ◀─ A3 ◀─ H3
                        ▲
                        W3
"""

from __future__ import annotations

from collections.abc import Mapping

from explorer.model import Model

#: Distance between the centres of neighbouring columns, in scene pixels.
COLUMN_SPACING = 200.0
#: Distance between the centres of neighbouring rows, in scene pixels.
ROW_SPACING = 150.0

#: A chain of more columns than this is folded into bands.
WRAP_COLUMNS = 8
#: The width-to-height ratio of the canvas the folding aims at.
TARGET_ASPECT = 1.25

#: The port that carries the data path into each kind of op.
_PATH_PORTS = ("x", "pred")

Position = tuple[float, float]


def data_path(model: Model) -> list[str]:
    """The chain from the input to the loss, following each op's data port.

    >>> from explorer.model.examples import toy_model
    >>> data_path(toy_model())
    ['X', 'H1', 'H2', 'Yhat', 'L']
    """
    path = [model.loss_id]
    while True:
        inputs = model.inputs(path[-1])
        port = next((p for p in _PATH_PORTS if p in inputs), None)
        if port is None:
            break
        path.append(inputs[port])
    path.reverse()
    return path


def chain_layout(model: Model, column: float = COLUMN_SPACING, row: float = ROW_SPACING) -> dict[str, Position]:
    """Centre positions ``{node id: (x, y)}`` for every node of ``model``.

    The data path is row 0 (``y = 0``), from ``x = 0`` rightwards, one column
    per node. An op with several side inputs (a weight and a bias) gets one
    column per side input, so the side inputs sit side by side on row 1
    below it and never collide with a neighbour's. Whatever feeds a side
    input is layered further down, one row per generation, under the node it
    feeds (or the nearest free place to the right).

    >>> from explorer.model.examples import toy_model
    >>> pos = chain_layout(toy_model())
    >>> pos["X"], pos["H1"], pos["W1"]
    ((0.0, 0.0), (200.0, 0.0), (200.0, 150.0))
    """
    path = data_path(model)
    on_path = set(path)
    positions: dict[str, Position] = {}

    # Row 0: the data path; row 1: the side inputs of its ops, one slot each.
    left = 0.0
    widths: list[int] = []  # each path node's columns, one per side input
    for node in path:
        sides = [
            src
            for port, src in model.inputs(node).items()
            if port not in _PATH_PORTS and src not in on_path and src not in positions
        ]
        widths.append(max(1, len(sides)))
        width = widths[-1] * column
        positions[node] = (left + (width - column) / 2, 0.0)
        for i, side in enumerate(sides):
            positions[side] = (left + i * column, row)
        left += width

    # Rows 2…: what feeds a side input (a weight computed by an op, say), one
    # layer further down per topological generation back from the consumer,
    # under its consumer or the nearest free place to its right.
    for node in reversed(model.order):
        if node in positions:
            continue
        consumer = model.consumers(node)[0][0]  # placed already: consumers come later in step order
        x, y = positions[consumer]
        y += row
        while any(abs(px - x) < column * 0.75 and py == y for px, py in positions.values()):
            x += column
        positions[node] = (x, y)

    _fold(path, widths, positions, column, row)

    # A position written in the model wins.
    for n in model.order:
        pos = model.spec(n).pos
        if pos is not None:
            positions[n] = (float(pos[0]), float(pos[1]))
    return positions


def _fold(path: list[str], widths: list[int], positions: dict[str, Position], column: float, row: float) -> None:
    """Fold a long single-row layout into snake bands, in place (see the module's description).

    ``widths`` is each data-path node's number of columns (one per side
    input). Of the band widths that fit, the one whose folded layout fills a
    :data:`TARGET_ASPECT` canvas at the largest scale wins.
    """
    total = sum(widths)
    if total <= WRAP_COLUMNS:
        return
    candidates = [_folded(path, widths, positions, column, row, per_band) for per_band in range(4, total + 1)]
    best: dict[str, Position] = max(candidates, key=lambda folded: _scale(folded, column, row))
    positions.update(best)


def _scale(positions: Mapping[str, Position], column: float, row: float) -> float:
    """How large a layout may be drawn on a canvas of :data:`TARGET_ASPECT` (relative units)."""
    xs = [x for x, _ in positions.values()]
    ys = [y for _, y in positions.values()]
    width = max(xs) - min(xs) + column
    height = max(ys) - min(ys) + row
    return min(TARGET_ASPECT / width, 1.0 / height)


def _folded(
    path: list[str], widths: list[int], positions: dict[str, Position], column: float, row: float, per_band: int
) -> dict[str, Position]:
    """``positions`` folded into bands of at most ``per_band`` columns, all within columns ``0 … per_band - 1``."""
    xs = [positions[n][0] for n in path]
    band_step = max(y for _, y in positions.values()) + row
    sides_free = [w == 1 and not _has_side(positions, x, column) for w, x in zip(widths, xs, strict=True)]
    edges = [0.0]  # the left edge of each path node's columns, unfolded
    for w in widths:
        edges.append(edges[-1] + w * column)

    bands: list[tuple[float, float, float, int]] = []  # unfolded (left, right), folded origin, direction
    origin, direction, i = 0.0, 1, 0
    while i < len(path):
        room = per_band - origin / column if direction > 0 else origin / column + 1
        j, used = i, 0
        while j < len(path) and (used + widths[j] <= room + 1e-9 or j == i):
            used += widths[j]
            j += 1
        if j < len(path):  # turn, where it can, at a node without side inputs
            j = next((k + 1 for k in range(j - 1, i, -1) if sides_free[k]), j)
        bands.append((edges[i], edges[j], origin, direction))
        origin += direction * (xs[j - 1] - edges[i])  # the next band starts under the turning node
        direction, i = -direction, j
    folded = {}
    for node, (x, y) in positions.items():
        b = next((k for k, band in enumerate(bands) if x < band[1]), len(bands) - 1)
        left, _, start, way = bands[b]
        folded[node] = (start + way * (x - left), y + b * band_step)
    return folded


def _has_side(positions: dict[str, Position], x: float, column: float) -> bool:
    """Whether some node sits below the data-path column at ``x``."""
    return any(py > 0 and abs(px - x) < column / 2 for px, py in positions.values())
