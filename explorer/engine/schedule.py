"""What each step of a pass over a model does, worked out once per model.

A :class:`Schedule` holds the plan (one :class:`Step` per op node forward,
in topological order, then one per node backward, in reverse order, but for
data whose gradient is not asked for: ``"requires_grad": false``) and,
step by step, what a :class:`~explorer.engine.session.Session` calls: a
forward step runs its op's ``forward`` on the values of the node's inputs; a
backward step runs, for each consumer of the node, the consumer's
vector-Jacobian product through the port the node feeds. A model never
changes, so its schedule is built once and shared by all its sessions
(:func:`schedule_of`).

:func:`all_finite` is the finiteness test the session applies to its results, the small ones
:func:`joined` together.
"""

from __future__ import annotations

import math
import weakref
from collections.abc import Iterator, Mapping
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from explorer.engine.state import Phase, Step
from explorer.model import Model
from explorer.ops import OPS, Op
from explorer.ops.entry import FiniteProof, Forward, Vjp

Array = npt.NDArray[np.float64]

#: A result of at most this many elements is copied to be checked with the others of its pass
#: (:meth:`Session._advance <explorer.engine.session.Session._advance>`); a larger one is checked alone.
SMALL = 4096


#: node, its op's ``forward``, its inputs ``((port, source), …)``, whether its value is small
ForwardAction = tuple[str, Forward, tuple[tuple[str, str], ...], bool]
#: node, its one consumer, that consumer's vjp and the vjp's finiteness proof (``None`` unless it has exactly
#: one consumer; the proof also ``None`` if the op has none), every consumer ``((consumer, port, vjp), …)``
#: (none for the loss), whether its gradient is small
BackwardAction = tuple[
    str, str | None, Vjp | None, FiniteProof | None, tuple[tuple[str, str, Vjp], ...], bool
]


@dataclass(frozen=True)
class Schedule:
    """A model's plan and what each step of it does."""

    plan: tuple[Step, ...]
    forward: tuple[ForwardAction, ...]
    backward: tuple[BackwardAction, ...]
    #: every node: the leaves' values, ``None`` for the op nodes (a session starts from a copy)
    values: dict[str, Array | None]
    #: every node → ``None`` (a session's gradients start from a copy)
    nothing: dict[str, None]
    #: ``(name, op)`` for each op of the model, whose ``forward`` the schedule calls …
    ops: tuple[tuple[str, Op], ...]
    #: … and ``(op.vjp, port, vjp)`` for each vjp it calls
    vjps: tuple[tuple[Mapping[str, Vjp], str, Vjp], ...]

    def current(self) -> bool:
        """Whether the op table still holds every function this schedule calls (a test may swap one)."""
        return all(OPS.get(name) is op for name, op in self.ops) and all(
            table.get(port) is vjp for table, port, vjp in self.vjps
        )


def _build(model: Model) -> Schedule:
    forward_nodes = model.op_nodes
    # data marked "requires_grad": false (and what only it feeds) takes no backward step, as in PyTorch
    backward_nodes = tuple(n for n in reversed(model.order) if model.requires_grad(n))
    phases: list[tuple[Phase, str]] = [("forward", n) for n in forward_nodes]
    phases += [("backward", n) for n in backward_nodes]
    plan = tuple(Step(i + 1, phase, node) for i, (phase, node) in enumerate(phases))

    def small(node: str) -> bool:
        return math.prod(model.shape(node)) <= SMALL

    forward = tuple(
        (node, OPS[model.op(node)].forward, tuple(model.inputs(node).items()), small(node)) for node in forward_nodes
    )
    backward = []
    for node in backward_nodes:
        consumers = tuple((c, port, OPS[model.op(c)].vjp[port]) for c, port in model.consumers(node))
        one, vjp, proof = None, None, None
        if len(consumers) == 1:
            one, port, vjp = consumers[0]
            proof = OPS[model.op(one)].finite_vjp.get(port)
        backward.append((node, one, vjp, proof, consumers, small(node)))
    values: dict[str, Array | None] = dict.fromkeys(model.order)
    for leaf in model.leaves:
        values[leaf] = model.value(leaf)
    ops = {model.op(n): OPS[model.op(n)] for n in forward_nodes}
    vjps = {(name, port): (op.vjp, port, op.vjp[port]) for name, op in ops.items() for port in op.vjp}
    return Schedule(
        plan, forward, tuple(backward), values, dict.fromkeys(model.order), tuple(ops.items()), tuple(vjps.values())
    )


#: The schedule of each model alive: a session of the same model is made often (every check, export, edit).
_SCHEDULES: weakref.WeakKeyDictionary[Model, Schedule] = weakref.WeakKeyDictionary()


def schedule_of(model: Model) -> Schedule:
    """The model's schedule, built on the first call and kept as long as the model lives and the op table holds."""
    schedule = _SCHEDULES.get(model)
    if schedule is None or not schedule.current():
        schedule = _SCHEDULES[model] = _build(model)
    return schedule


def all_finite(array: Array) -> bool:
    """Whether every element is finite, in one pass over the array and without a temporary.

    The sum of squares is finite when every element is, and inf or NaN
    anywhere makes it inf or NaN; only a sum past the float range (an element
    past about 1e154) needs the exact, slower look.

    >>> all_finite(np.array([[1e200], [-3.0]])), all_finite(np.array([1.0, np.nan])), all_finite(np.ones(()))
    (True, False, True)
    """
    if array.size <= SMALL:
        squares = np.vdot(array, array)
    else:  # np.vdot does not reach BLAS on a matrix; np.dot on a flat view does, one thread a piece
        flat = array.reshape(-1)
        with np.errstate(over="ignore"):  # a sum of squares past the float range is the case handled below
            squares = sum(np.dot(piece, piece) for piece in _pieces(flat))
    return math.isfinite(squares) or bool(np.isfinite(array).all())


#: The longest piece :func:`all_finite` hands to BLAS at once: up to here OpenBLAS's dot product runs on
#: the calling thread. Past it OpenBLAS wakes its other threads, and on a busy machine (a test suite, a
#: second program) waiting for them cost a pass 12 ms for a product of 40,000 numbers that takes 5 µs.
PIECE = 8192


def _pieces(flat: Array) -> Iterator[Array]:
    """Consecutive views of at most :data:`PIECE` elements covering ``flat``."""
    for start in range(0, flat.size, PIECE):
        yield flat[start : start + PIECE]


def joined(arrays: list[Array]) -> Array:
    """The elements of ``arrays``, one after the other in one flat array (in any order within each).

    >>> joined([np.ones((2, 1)), np.asfortranarray(np.zeros((2, 3))), np.ones(())])
    array([1., 1., 0., 0., 0., 0., 0., 0., 1.])
    """
    try:
        return np.frombuffer(b"".join(arrays))  # type: ignore[arg-type]  # each C-contiguous array's memory in place
    except (TypeError, BufferError):  # an array that is not C-contiguous has no flat buffer
        return np.frombuffer(b"".join(map(np.ndarray.tobytes, arrays)))
