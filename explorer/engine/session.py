"""Stepping through the forward and backward pass one node at a time.

The plan of a session is fixed by the model: one forward step per op node in
topological order, then one backward step per node (ops and leaves) in
reverse order. A backward step computes one node's gradient as the sum of
the vector-Jacobian products ``Jᵀ δ`` of its consumers, exactly what
autograd does; dense Jacobians are built only by :meth:`Session.jacobian`.

Every array a session hands out is read-only and is never changed later, so
a :class:`NodeState` taken at one step stays true for that step.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

import numpy as np
import numpy.typing as npt

from explorer.engine.errors import JacobianTooLarge, NonFiniteError, NotReachedError
from explorer.model import Model
from explorer.model.messages import message
from explorer.ops import OPS, Op

Array = npt.NDArray[np.float64]
Phase = Literal["forward", "backward"]

#: Largest dense Jacobian (in elements) a session builds: 400 MB of float64.
JACOBIAN_BUDGET = 50_000_000


@dataclass(frozen=True)
class Step:
    """One step of the plan. ``index`` counts from 1."""

    index: int
    phase: Phase
    node: str


@dataclass(frozen=True)
class Contribution:
    """One consumer's share of a node's gradient: ``Jᵀ δ`` through one port.

    ``upstream_grad`` is ``dL/d(consumer)`` (the ``δ`` or ``v`` of the
    lecture) and ``grad`` the vector-Jacobian product it gives this node.
    """

    consumer: str
    port: str
    upstream_grad: Array
    grad: Array


@dataclass(frozen=True)
class NodeState:
    """What is known about a node at one step; ``None`` where not reached."""

    value: Array | None
    grad: Array | None
    upstream: tuple[Contribution, ...] = ()

    @property
    def upstream_grad(self) -> Array | None:
        """``dL/d(consumer)`` when the node has exactly one consumer."""
        return self.upstream[0].upstream_grad if len(self.upstream) == 1 else None


def _frozen(array: Array) -> Array:
    array = np.asarray(array, dtype=np.float64)
    array.setflags(write=False)
    return array


class Session:
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
    (13, Step(index=1, phase='forward', node='H1'))
    >>> s.run(); s.grad("W3").shape
    (3, 2)
    >>> s.jacobian("Yhat", "W3").shape
    (2, 1, 3, 2)
    """

    def __init__(self, model: Model, jacobian_budget: int = JACOBIAN_BUDGET) -> None:
        self.model = model
        self.jacobian_budget = jacobian_budget
        forward = [Step(0, "forward", n) for n in model.op_nodes]
        backward = [Step(0, "backward", n) for n in reversed(model.order)]
        self.plan: tuple[Step, ...] = tuple(
            Step(i + 1, s.phase, s.node) for i, s in enumerate(forward + backward)
        )
        self.forward_steps = len(forward)
        self._values: dict[str, Array | None] = {n: None for n in model.order}
        for leaf in model.leaves:
            self._values[leaf] = model.value(leaf)
        self._grads: dict[str, Array | None] = {n: None for n in model.order}
        self._upstream: dict[str, tuple[Contribution, ...]] = {n: () for n in model.order}
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
        return self._position == self.total

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
        """An independent session at the same step, sharing the (read-only) arrays.

        A worker thread can compute a large Jacobian or breakdown on a fork
        while the window keeps stepping the original.
        """
        other = Session.__new__(Session)
        other.__dict__.update(self.__dict__)
        other._values = dict(self._values)
        other._grads = dict(self._grads)
        other._upstream = dict(self._upstream)
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
        step = self.next_step
        if step is None:
            return None
        with np.errstate(all="ignore"):  # an overflow is reported below, never as a numpy warning
            if step.phase == "forward":
                self._forward(step)
            else:
                self._backward(step)
        self._position += 1
        return step

    def back(self) -> Step | None:
        """Undo the last step exactly; ``None`` at the start."""
        step = self.current
        if step is None:
            return None
        if step.phase == "forward":
            self._values[step.node] = None
            # a Jacobian of a node depends on the node and on all of its inputs, not only on ``wrt``
            self._jacobians = {
                k: j
                for k, j in self._jacobians.items()
                if step.node != k[0] and step.node not in self.model.inputs(k[0]).values()
            }
        else:
            self._grads[step.node] = None
            self._upstream[step.node] = ()
        self._position -= 1
        return step

    def seek(self, position: int) -> None:
        """Step forward or back until ``position`` steps are taken."""
        if not 0 <= position <= self.total:
            raise ValueError(f"step {position} is outside 0…{self.total}")
        while self._position < position:
            self.step()
        while self._position > position:
            self.back()

    def run(self) -> None:
        """Run to the end of the backward pass."""
        while self.step() is not None:
            pass

    def run_forward(self) -> None:
        """Run to the end of the forward pass (the loss known, no gradient yet)."""
        self.seek(max(self._position, self.forward_steps))

    def reset(self) -> None:
        self.seek(0)

    # -- the two kinds of step -----------------------------------------------

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

    def _forward(self, step: Step) -> None:
        node = step.node
        inputs = self._inputs(node)
        value = _frozen(self._op(node).forward(inputs))
        self._require_finite(step, value, inputs.values())
        self._values[node] = value

    def _require_finite(self, step: Step, result: Array, sources: Iterable[Array]) -> None:
        """Raise :class:`NonFiniteError` naming the step when ``result`` holds inf or NaN."""
        if np.all(np.isfinite(result)):
            return
        kind = "nan" if np.all(np.isnan(result[~np.isfinite(result)])) else "inf"
        largest = max((float(np.max(np.abs(s))) for s in sources if s.size), default=0.0)
        raise NonFiniteError(
            step.node, self.model.label(step.node), step.index, self.total, step.phase, kind,
            largest if np.isfinite(largest) else None,
        )

    def _backward(self, step: Step) -> None:
        node = step.node
        if node == self.model.loss_id:
            self._grads[node] = _frozen(np.ones(()))
            return
        contributions = []
        for consumer, port in self.model.consumers(node):
            upstream = self._grads[consumer]
            assert upstream is not None, "reverse topological order reaches consumers first"
            value = self._values[consumer]
            assert value is not None
            share = self._op(consumer).vjp[port](self._inputs(consumer), value, upstream)
            contributions.append(Contribution(consumer, port, upstream, _frozen(share)))
        total = contributions[0].grad
        for extra in contributions[1:]:
            total = total + extra.grad
        self._require_finite(step, total, [c.upstream_grad for c in contributions])
        self._upstream[node] = tuple(contributions)
        self._grads[node] = _frozen(total)

    # -- what is known --------------------------------------------------------

    def state(self, node: str) -> NodeState:
        self._require(node)
        return NodeState(self._values[node], self._grads[node], self._upstream[node])

    def value(self, node: str) -> Array | None:
        """The node's value, or ``None`` if the forward pass has not reached it."""
        self._require(node)
        return self._values[node]

    def grad(self, node: str) -> Array | None:
        """``dL/d(node)``, the shape of the node, or ``None`` if not reached."""
        self._require(node)
        return self._grads[node]

    @property
    def loss(self) -> float | None:
        """The loss once the forward pass has computed it."""
        value = self._values[self.model.loss_id]
        return None if value is None else float(value)

    def _require(self, node: str) -> None:
        if node not in self._values:
            raise KeyError(f"no node {node!r} in the model")

    # -- Jacobians ----------------------------------------------------------

    def port_of(self, node: str, wrt: str) -> str:
        """The port of ``node`` that ``wrt`` feeds."""
        for port, source in self.model.inputs(node).items():
            if source == wrt:
                return port
        raise KeyError(f"{wrt!r} is not an input of {node!r}")

    def jacobian_shape(self, node: str, wrt: str) -> tuple[int, ...]:
        self.port_of(node, wrt)
        return self.model.shape(node) + self.model.shape(wrt)

    def jacobian(self, node: str, wrt: str) -> Array:
        """The dense Jacobian ``d(node)/d(wrt)``, output indices first.

        Shape ``node.shape + wrt.shape``: for ``Ŷ = W₃ᵀ H₂`` with ``W₃`` of
        3×2 and one sample, ``jacobian("Yhat", "W3")`` is ``(2, 1, 3, 2)``,
        the two 3×2 matrices ``∂ŷ₁/∂W₃`` and ``∂ŷ₂/∂W₃``. Built on request
        and cached.

        Raises
        ------
        JacobianTooLarge
            Past :attr:`jacobian_budget` elements, before allocating.
        NotReachedError
            When the node's inputs are not computed at this step.
        """
        port = self.port_of(node, wrt)
        key = (node, wrt)
        if key in self._jacobians:
            return self._jacobians[key]
        shape = self.jacobian_shape(node, wrt)
        if int(np.prod(shape, dtype=np.int64)) > self.jacobian_budget:
            raise JacobianTooLarge(node, wrt, shape, self.jacobian_budget)
        inputs = self._inputs(node)
        out = self._values[node]
        if out is None:
            with np.errstate(all="ignore"):
                out = self._op(node).forward(inputs)
        with np.errstate(all="ignore"):
            jac = _frozen(self._op(node).jacobian[port](inputs, out))
        assert jac.shape == shape, (jac.shape, shape)
        self._jacobians[key] = jac
        return jac

    def vjp(self, node: str, wrt: str, upstream: Array | None = None) -> Array:
        """``Jᵀ v``: the gradient ``wrt`` gets through ``node`` from ``upstream``.

        ``upstream`` defaults to the node's own gradient ``dL/d(node)``.
        """
        port = self.port_of(node, wrt)
        if upstream is None:
            upstream = self._grads[node]
            if upstream is None:
                raise NotReachedError(message("engine.not_reached", node=node))
        inputs = self._inputs(node)
        out = self._values[node]
        if out is None:
            with np.errstate(all="ignore"):
                out = self._op(node).forward(inputs)
        with np.errstate(all="ignore"):
            return _frozen(self._op(node).vjp[port](inputs, out, upstream))
