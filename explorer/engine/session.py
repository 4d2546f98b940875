"""Stepping through the forward and backward pass one node at a time.

The plan of a session is fixed by the model: one forward step per op node in
topological order, then one backward step per node (ops and leaves) in
reverse order, but none for data marked ``"requires_grad": false`` (PyTorch
leaves ``X.grad`` ``None``; :meth:`Model.requires_grad
<explorer.model.Model.requires_grad>`). A backward step computes one node's gradient as the sum of
the vector-Jacobian products ``Jᵀ δ`` of its consumers, exactly what
autograd does; dense Jacobians are built only by :meth:`Session.jacobian`.

Every array a session hands out is read-only and is never changed later, so
a :class:`NodeState` taken at one step stays true for that step. A step
stores its result as the op made it and never copies it; the session makes
it read-only as it hands it out (flagging every result as it is made cost
about a tenth of a pass of small layers).

What each step does is worked out once per model (:mod:`explorer.engine.schedule`),
and a run of steps checks all its results for inf and NaN at once, after
them: a pass of small layers then costs little more than the same numpy calls
written by hand (``benchmarks/bench_engine.py``).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Literal

import numpy as np
import numpy.typing as npt

from explorer.engine.errors import NonFiniteError, NotReachedError
from explorer.engine.jacobians import Jacobians
from explorer.engine.schedule import all_finite, joined, schedule_of
from explorer.engine.state import Contribution, NodeState, Phase, Step, frozen
from explorer.model import Model
from explorer.model.messages import message
from explorer.ops import OPS, Op
from explorer.ops.entry import Vjp

Array = npt.NDArray[np.float64]

__all__ = ["JACOBIAN_BUDGET", "Contribution", "NodeState", "Phase", "Session", "Step"]

#: Largest dense Jacobian (in elements) a session builds: 400 MB of float64.
JACOBIAN_BUDGET = 50_000_000


_FLOAT64 = np.dtype(np.float64)


def _shown(array: Array | None) -> Array | None:
    """``array`` made read-only as it is handed out."""
    if array is not None:
        array.setflags(write=False)
    return array


#: ``dL/dL``, the first gradient of every backward pass.
_ONE = frozen(np.ones(()))


class Session(Jacobians):
    """A forward and backward pass over a model, taken one step at a time.

    Parameters
    ----------
    model
        A validated model. Leaves (inputs, targets, parameters) are known
        from the start.
    jacobian_budget
        Largest dense Jacobian, in elements, that :meth:`jacobian` builds.

    Examples
    --------
    >>> from explorer.model.examples import toy_model
    >>> s = Session(toy_model())
    >>> s.total, s.step()
    (11, Step(index=1, phase='forward', node='H1'))
    >>> s.run(); s.grad("W3").shape
    (3, 2)
    >>> s.jacobian("Yhat", "W3").shape
    (2, 1, 3, 2)
    """

    def __init__(self, model: Model, jacobian_budget: int = JACOBIAN_BUDGET) -> None:
        self.model = model
        self.jacobian_budget = jacobian_budget
        schedule = schedule_of(model)
        self._schedule = schedule
        self.plan: tuple[Step, ...] = schedule.plan
        self.forward_steps = len(schedule.forward)
        self._values: dict[str, Array | None] = dict(schedule.values)
        self._grads: dict[str, Array | None] = dict(schedule.nothing)
        # per node with several consumers, once its gradient is known: their shares of it as
        # (consumer, port, upstream grad, share); a node with one consumer has its gradient as the share
        self._shares: dict[str, tuple[tuple[str, str, Array, Array], ...]] = {}
        # per op node computed: the inputs its forward step read, which its consumers' vjps read again
        self._inputs_read: dict[str, dict[str, Array]] = {}
        self._position = 0
        self._jacobians: dict[tuple[str, str], Array] = {}

    # -- where the pass is --------------------------------------------------

    @property
    def total(self) -> int:
        """Number of steps in the whole pass."""
        return len(self.plan)

    @property
    def position(self) -> int:
        """Number of steps taken (0 at the start, :attr:`total` when done)."""
        return self._position

    @property
    def done(self) -> bool:
        return self._position == len(self.plan)

    @property
    def current(self) -> Step | None:
        """The step taken last, or ``None`` at the start."""
        return self.plan[self._position - 1] if self._position else None

    @property
    def next_step(self) -> Step | None:
        return None if self.done else self.plan[self._position]

    @property
    def phase(self) -> Literal["forward", "backward", "done"]:
        """``done`` at the end, else the phase of the last step (``forward`` at the start)."""
        if self.done:
            return "done"
        return self.current.phase if self.current else "forward"

    def fork(self) -> Session:
        """An independent session at the same step, sharing the arrays (which no step ever writes).

        A worker thread can compute a large Jacobian or breakdown on a fork
        while the window keeps stepping the original.
        """
        other = Session.__new__(Session)
        other.__dict__.update(self.__dict__)
        other._values = dict(self._values)
        other._grads = dict(self._grads)
        other._shares = dict(self._shares)
        other._inputs_read = dict(self._inputs_read)
        other._jacobians = dict(self._jacobians)
        return other

    # -- moving -------------------------------------------------------------

    def step(self) -> Step | None:
        """Take the next step; ``None`` when the pass is already done.

        Raises
        ------
        NonFiniteError
            When the step's value (forward) or gradient (backward) is not all
            finite. The step is not taken: nothing is stored and the session
            stays where it was, so :meth:`back` and :meth:`seek` still work.
        """
        position = self._position
        if position == len(self.plan):
            return None
        self._advance(position + 1)
        return self.plan[position]

    def back(self) -> Step | None:
        """Undo the last step exactly; ``None`` at the start."""
        step = self.current
        if step is None:
            return None
        if step.phase == "forward":
            self._values[step.node] = None
            del self._inputs_read[step.node]
            if self._jacobians:
                # a Jacobian of a node depends on the node and on all of its inputs, not only on ``wrt``
                self._jacobians = {
                    k: j
                    for k, j in self._jacobians.items()
                    if step.node != k[0] and step.node not in self.model.inputs(k[0]).values()
                }
        else:
            self._grads[step.node] = None
            self._shares.pop(step.node, None)
        self._position -= 1
        return step

    def seek(self, position: int) -> None:
        """Step forward or back until ``position`` steps are taken."""
        if not 0 <= position <= self.total:
            raise ValueError(f"step {position} is outside 0…{self.total}")
        if self._position < position:
            self._advance(position)
        while self._position > position:
            self.back()

    def run(self) -> None:
        """Run to the end of the backward pass."""
        self._advance(len(self.plan))

    def run_forward(self) -> None:
        """Run to the end of the forward pass (the loss known, no gradient yet)."""
        self.seek(max(self._position, self.forward_steps))

    def reset(self) -> None:
        self.seek(0)

    # -- the two kinds of step -----------------------------------------------

    def _advance(self, stop: int) -> None:
        """Take the steps up to ``stop``; the first with a result not all finite raises, and is not taken.

        The steps are taken first and their results checked together after
        them, the small ones in one look at their bytes joined (a look costs
        about as much as a small step): a run of finite steps, the usual case,
        pays once. When a result is not all finite, the first such step is
        found, it and the steps after it are undone, and it raises.
        """
        start = self._position
        small: list[Array] = []  # the small results, to be joined for the one look
        large: list[Array] = []  # the others, looked at one by one without a copy
        with np.errstate(all="ignore"):  # an overflow is reported as NonFiniteError, never as a numpy warning
            try:
                if self._position < self.forward_steps:
                    self._forward(min(stop, self.forward_steps), small, large)
                if self._position < stop:
                    self._backward(stop, small, large)
            finally:
                if not (all_finite(joined(small)) and all(map(all_finite, large))):
                    self._undo_from_non_finite(start)

    def _forward(self, stop: int, small: list[Array], large: list[Array]) -> None:
        """Forward steps up to ``stop``: each op node's value from its inputs'."""
        actions, values, inputs_read = self._schedule.forward, self._values, self._inputs_read
        ndarray, float64 = np.ndarray, _FLOAT64
        position = self._position
        try:
            for node, forward, sources, is_small in actions[position:stop]:
                inputs = {}
                for port, source in sources:
                    inputs[port] = values[source]  # known: the plan is in topological order
                value = forward(inputs)  # type: ignore[arg-type]
                if type(value) is not ndarray or value.dtype is not float64:
                    value = np.asarray(value, dtype=np.float64)
                (small if is_small else large).append(value)
                values[node] = value
                inputs_read[node] = inputs  # type: ignore[assignment]
                position += 1
        finally:
            self._position = position

    def _backward(self, stop: int, small: list[Array], large: list[Array]) -> None:
        """Backward steps up to ``stop``: each node's gradient, the sum of its consumers' vjps."""
        actions, first = self._schedule.backward, self.forward_steps
        grads, values, inputs_read = self._grads, self._values, self._inputs_read
        ndarray, float64 = np.ndarray, _FLOAT64
        position = self._position
        try:
            for node, consumer, vjp, proof, consumers, is_small in actions[position - first : stop - first]:
                # every consumer's gradient is known: the plan reaches consumers first
                if vjp is not None:  # one consumer, as in a chain: the gradient is its vjp
                    inputs, out, upstream = inputs_read[consumer], values[consumer], grads[consumer]  # type: ignore[index]
                    total = vjp(inputs, out, upstream)  # type: ignore[arg-type]
                    if proof is not None and not is_small and proof(inputs, out, upstream, total):  # type: ignore[arg-type]
                        grads[node] = total  # known finite without reading it again (an outer product)
                        position += 1
                        continue
                elif consumers:
                    total = self._sum_of_shares(node, consumers)
                else:  # the loss
                    grads[node] = _ONE
                    position += 1
                    continue
                if type(total) is not ndarray or total.dtype is not float64:
                    total = np.asarray(total, dtype=np.float64)
                (small if is_small else large).append(total)
                grads[node] = total
                position += 1
        finally:
            self._position = position

    def _sum_of_shares(self, node: str, consumers: tuple[tuple[str, str, Vjp], ...]) -> Array:
        """The gradient of a node with several consumers; keeps each consumer's share for :meth:`state`."""
        shares = []
        total: Array | None = None
        for consumer, port, vjp in consumers:
            delta = self._grads[consumer]
            share = vjp(self._inputs_read[consumer], self._values[consumer], delta)  # type: ignore[arg-type]
            if type(share) is not np.ndarray or share.dtype is not _FLOAT64:
                share = np.asarray(share, dtype=np.float64)
            shares.append((consumer, port, delta, share))
            total = share if total is None else total + share
        self._shares[node] = tuple(shares)  # type: ignore[arg-type]
        assert total is not None
        return total

    def _undo_from_non_finite(self, start: int) -> None:
        """Find the first step since ``start`` whose result is not all finite, undo from it, and raise."""
        for position in range(start, self._position):
            step = self.plan[position]
            if step.phase == "forward":
                result, sources = self._values[step.node], list(self._inputs_read[step.node].values())
            else:
                result, sources = self._grads[step.node], [c.upstream_grad for c in self._contributions(step.node)]
            assert result is not None
            if not all_finite(result):
                error = self._non_finite(position, result, sources)
                while self._position > position:
                    self.back()
                raise error
        raise AssertionError("a result past the float range was seen and then not found")

    def _non_finite(self, position: int, result: Array, sources: Iterable[Array]) -> NonFiniteError:
        """The error naming step ``position + 1`` for ``result``, which holds inf or NaN."""
        step = self.plan[position]
        kind = "nan" if np.all(np.isnan(result[~np.isfinite(result)])) else "inf"
        largest = max((float(np.max(np.abs(s))) for s in sources if s.size), default=0.0)
        return NonFiniteError(
            step.node, self.model.label(step.node), step.index, self.total, step.phase, kind,
            largest if np.isfinite(largest) else None,
        )

    def _op(self, node: str) -> Op:
        return OPS[self.model.op(node)]

    def _inputs(self, node: str) -> dict[str, Array]:
        inputs = {}
        for port, source in self.model.inputs(node).items():
            value = self._values[source]
            if value is None:
                raise NotReachedError(message("engine.not_computed", source=source, port=port, node=node))
            inputs[port] = value
        return inputs

    # -- what is known --------------------------------------------------------

    def state(self, node: str) -> NodeState:
        self._require(node)
        return NodeState(_shown(self._values[node]), _shown(self._grads[node]), self._contributions(node))

    def _contributions(self, node: str) -> tuple[Contribution, ...]:
        """The consumers' shares of the node's gradient, once it is known (none for the loss)."""
        grad = self._grads[node]
        if grad is None or node == self.model.loss_id:
            return ()
        if node in self._shares:
            return tuple(
                Contribution(consumer, port, _shown(delta), _shown(share))  # type: ignore[arg-type]
                for consumer, port, delta, share in self._shares[node]
            )
        ((consumer, port),) = self.model.consumers(node)
        return (Contribution(consumer, port, _shown(self._grads[consumer]), _shown(grad)),)  # type: ignore[arg-type]

    def value(self, node: str) -> Array | None:
        """The node's value, or ``None`` if the forward pass has not reached it."""
        self._require(node)
        return _shown(self._values[node])

    def grad(self, node: str) -> Array | None:
        """``dL/d(node)``, the shape of the node, or ``None`` if not reached."""
        self._require(node)
        return _shown(self._grads[node])

    @property
    def loss(self) -> float | None:
        """The loss once the forward pass has computed it."""
        value = self._values[self.model.loss_id]
        return None if value is None else float(value)

    def _require(self, node: str) -> None:
        if node not in self._values:
            raise KeyError(f"no node {node!r} in the model")
