"""A model compiled once for many passes: the fast path of gradient descent.

:class:`TrainPlan` turns a :class:`~explorer.model.Model` into two flat lists
of steps (the forward pass, then the backward pass) that write into buffers
allocated once. Each step is a closure that calls numpy with ``out=`` and
is the op's fused kernel from its entry in :data:`explorer.ops.OPS`, which
computes exactly what the entry's ``forward`` and ``vjp`` compute (the same
floating-point operations in the same order), so a pass of the plan gives the
same numbers as a :class:`~explorer.engine.Session`. An op without a kernel
falls back to its entry's own ``forward`` and ``vjp``; a loss of the residual
runs from one residual buffer.

All parameters live in one flat array and their gradients in another, so an
update of every parameter is two numpy calls and the gradient norms of all
parameters are two more. Parameters, forward values and parameter gradients
share one allocation, so one dot product per iteration tells whether any of
them stopped being finite (NaN and ±inf never square to a finite number);
only then does the slow path look for the node.

Only the model's leaves are read from the model; nothing here builds a model.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Literal

import numpy as np
import numpy.typing as npt

from explorer.model import Model
from explorer.ops import OPS

Array = npt.NDArray[np.float64]
Step = Callable[[], object]

def _size(shape: tuple[int, ...]) -> int:
    size = 1
    for n in shape:
        size *= n
    return size


def _adder(total: Array, share: Array) -> Step:
    """``total ← total + share``, the next consumer's part of a gradient."""
    return lambda: np.add(total, share, out=total)


class TrainPlan:
    """Forward and backward pass of a model over preallocated buffers.

    Parameters
    ----------
    model
        A validated model; its parameter values are copied in.

    Attributes
    ----------
    params
        The parameter ids, in step order (the order of :attr:`flat_grads`).
    flat_params, flat_grads
        Every parameter and its gradient, one after the other; the arrays in
        :attr:`values` and :attr:`grads` for parameters are views into them.
    offsets
        Where each parameter starts in the flat arrays.
    """

    def __init__(self, model: Model) -> None:
        self.model = model
        self.params: tuple[str, ...] = model.params
        shapes = {node: model.shape(node) for node in model.order}
        values_of = [n for n in model.op_nodes if n != model.loss_id]
        n_params = sum(_size(shapes[p]) for p in self.params)
        n_values = max(1, sum(_size(shapes[n]) for n in values_of))  # never an empty segment
        # params | forward values | parameter gradients, in one allocation
        self.store: Array = np.zeros(2 * n_params + n_values)
        self.flat_params: Array = self.store[:n_params]
        self.flat_grads: Array = self.store[n_params + n_values :]
        #: Forward values and parameter gradients: what each pass writes, squared and summed after it.
        self.checked: Array = self.store[n_params:]
        starts = np.cumsum([0] + [_size(shapes[p]) for p in self.params])
        self.offsets = np.asarray(starts[:-1], dtype=np.intp)
        #: Where the sums of squares of :attr:`checked` start: all values, then each parameter's gradient.
        self.segments = np.asarray([0, *(n_values + starts[:-1])], dtype=np.intp)
        self.squares: Array = np.empty_like(self.checked)
        self.values: dict[str, Array] = {}
        self.grads: dict[str, Array] = {}
        for p, start in zip(self.params, starts, strict=False):
            stop = start + _size(shapes[p])
            self.values[p] = self.flat_params[start:stop].reshape(shapes[p])
            self.values[p][...] = model.value(p)
            self.grads[p] = self.flat_grads[start:stop].reshape(shapes[p])
        offset = n_params
        for node in values_of:
            self.values[node] = self.store[offset : offset + _size(shapes[node])].reshape(shapes[node])
            offset += _size(shapes[node])
        for leaf in model.leaves:
            if leaf not in self.values:
                self.values[leaf] = model.value(leaf)  # inputs and targets never change
        # the nodes whose gradient training needs: parameters and what they feed
        self.needs_grad: set[str] = set(self.params)
        for node in model.order:
            if any(src in self.needs_grad for src in model.inputs(node).values()):
                self.needs_grad.add(node)
        self._residual: Array = np.empty(shapes[model.inputs(model.loss_id)["pred"]])
        self._loss_value: Array = np.zeros(())
        self.grads[model.loss_id] = np.ones(())  # dL/dL
        self._forward: list[Step] = [self._forward_step(n) for n in model.op_nodes if n != model.loss_id]
        self._loss_step = self._make_loss()
        self._backward: list[Step] = []
        for node in reversed(model.order):
            if node in self.needs_grad and node != model.loss_id:
                self._backward.extend(self._gradient_steps(node))

    # -- one pass --------------------------------------------------------------

    def run_pass(self) -> float:
        """Forward and backward at the current parameters; returns the loss."""
        for step in self._forward:
            step()
        loss = self._loss_step()
        for step in self._backward:
            step()
        return loss

    def load(self, values: dict[str, Array]) -> None:
        """Set parameters (by id) to new values."""
        for p, value in values.items():
            self.values[p][...] = value

    def param_values(self) -> dict[str, Array]:
        """A copy of every parameter's current value."""
        return {p: self.values[p].copy() for p in self.params}

    # -- forward steps -----------------------------------------------------------

    def _forward_step(self, node: str) -> Step:
        kernel = OPS[self.model.op(node)].kernel
        if kernel is None:
            return self._generic_forward(node)
        ports = self.model.inputs(node)
        return kernel.forward({port: self.values[src] for port, src in ports.items()}, self.values[node])

    def _generic_forward(self, node: str) -> Step:
        """Any other op, through the op table's own forward rule."""
        forward = OPS[self.model.op(node)].forward
        ports, out = self.model.inputs(node), self.values[node]
        return lambda: np.copyto(out, forward({port: self.values[src] for port, src in ports.items()}))

    def _make_loss(self) -> Callable[[], float]:
        loss_id = self.model.loss_id
        op = OPS[self.model.op(loss_id)]
        ports = self.model.inputs(loss_id)
        pred, target, r = self.values[ports["pred"]], self.values[ports["target"]], self._residual
        if op.residual is not None:
            squared = np.empty_like(r)
            size = r.size
            of_sum = op.residual.of_sum

            def loss() -> float:  # as the op table: the loss of Σ r² (a sum, then scaled)
                np.subtract(pred, target, out=r)
                np.multiply(r, r, out=squared)
                return of_sum(float(np.sum(squared)), size)

            return loss
        forward = op.forward

        def generic_loss() -> float:
            np.subtract(pred, target, out=r)
            np.copyto(self._loss_value, forward({"pred": pred, "target": target}))
            return float(self._loss_value)

        return generic_loss

    # -- backward steps ----------------------------------------------------------

    def _gradient_steps(self, node: str) -> list[Step]:
        """Steps that leave ``dL/d(node)`` in its buffer: one vector-Jacobian product per consumer, summed."""
        consumers = self.model.consumers(node)
        loss_id = self.model.loss_id
        if node not in self.grads:
            only_loss = len(consumers) == 1 and consumers[0] == (loss_id, "pred")
            residual = OPS[self.model.op(loss_id)].residual
            if only_loss and residual is not None and residual.scale(self._residual.size) == 1.0:
                self.grads[node] = self._residual  # dL/dŶ = 1 · (Ŷ − Y): the residual itself (½·SSE)
                return []
            self.grads[node] = np.empty(self.model.shape(node))
        total = self.grads[node]
        steps = [self._vjp_step(consumers[0][0], consumers[0][1], total)]
        for consumer, port in consumers[1:]:
            share = np.empty_like(total)
            steps.append(self._vjp_step(consumer, port, share))
            steps.append(_adder(total, share))
        return steps

    def _vjp_step(self, consumer: str, port: str, dst: Array) -> Step:
        """``dst ← Jᵀ δ``: what ``consumer`` passes back through ``port``."""
        op = OPS[self.model.op(consumer)]
        ports = self.model.inputs(consumer)
        if op.residual is not None and consumer == self.model.loss_id:
            r = self._residual
            scale = op.residual.scale(r.size)
            if port == "pred":
                return lambda: np.multiply(r, scale, out=dst)

            def target_grad() -> None:
                np.multiply(r, scale, out=dst)
                np.negative(dst, out=dst)

            return target_grad
        if op.kernel is None:
            return self._generic_vjp(consumer, port, dst)
        values = {p: self.values[src] for p, src in ports.items()}
        return op.kernel.vjp[port](values, self.values[consumer], self.grads[consumer], dst)

    def _generic_vjp(self, consumer: str, port: str, dst: Array) -> Step:
        """Any other op, through the op table's own vector-Jacobian product."""
        ports, g = self.model.inputs(consumer), self.grads[consumer]
        vjp = OPS[self.model.op(consumer)].vjp[port]
        out = self._loss_value if consumer == self.model.loss_id else self.values[consumer]

        def generic() -> None:
            np.copyto(dst, vjp({p: self.values[s] for p, s in ports.items()}, out, g))

        return generic

    # -- finding what went wrong (the slow path) ----------------------------------

    def first_non_finite(self, loss: float) -> tuple[str, Literal["forward", "backward"]] | None:
        """``(node, phase)`` of the first value of the last pass that is not finite, else ``None``.

        Forward values in step order and the loss (``forward``), then
        gradients in the order the backward pass computes them
        (``backward``). Parameters are not looked at: they start finite and
        the training loop never applies an update that is not.
        """
        for node in self.model.op_nodes:
            if node == self.model.loss_id:
                if not np.isfinite(loss):
                    return node, "forward"
            elif not np.all(np.isfinite(self.values[node])):
                return node, "forward"
        for node in reversed(self.model.order):
            grad = self.grads.get(node)
            if grad is not None and not np.all(np.isfinite(grad)):
                return node, "backward"
        return None
