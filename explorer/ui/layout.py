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
"""

from __future__ import annotations

from ..model import Model

#: Distance between the centres of neighbouring columns, in scene pixels.
COLUMN_SPACING = 200.0
#: Distance between the centres of neighbouring rows, in scene pixels.
ROW_SPACING = 150.0

#: The port that carries the data path into each kind of op.
_PATH_PORTS = ("x", "pred")

Position = tuple[float, float]


def data_path(model: Model) -> list[str]:
    """The chain from the input to the loss, following each op's data port.

    >>> from explorer.examples import toy_model
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

    >>> from explorer.examples import toy_model
    >>> pos = chain_layout(toy_model())
    >>> pos["X"], pos["H1"], pos["W1"]
    ((0.0, 0.0), (200.0, 0.0), (200.0, 150.0))
    """
    path = data_path(model)
    on_path = set(path)
    positions: dict[str, Position] = {}

    # Row 0: the data path; row 1: the side inputs of its ops, one slot each.
    left = 0.0
    for node in path:
        sides = [
            src
            for port, src in model.inputs(node).items()
            if port not in _PATH_PORTS and src not in on_path and src not in positions
        ]
        width = max(1, len(sides)) * column
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

    # A position written in the model wins.
    for n in model.order:
        pos = model.spec(n).pos
        if pos is not None:
            positions[n] = (float(pos[0]), float(pos[1]))
    return positions
