"""A session's local derivatives on request: the dense Jacobian of one op node with respect to one input, and ``Jᵀ v``.

The stepping itself never builds a Jacobian (a backward step uses the ops'
vector-Jacobian products); :class:`Jacobians`, a part of
:class:`~explorer.engine.session.Session` (it derives from it), builds one
when asked, within the session's budget, and caches it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from explorer.engine.errors import JacobianTooLarge, NotReachedError
from explorer.engine.state import Array, frozen
from explorer.model import Model
from explorer.model.messages import message
from explorer.ops import Op


class Jacobians:
    """``jacobian`` and ``vjp`` of a session, over the values and gradients it holds."""

    model: Model
    jacobian_budget: int
    _values: dict[str, Array | None]
    _grads: dict[str, Array | None]
    _jacobians: dict[tuple[str, str], Array]  # built on request, kept for the session's step

    if TYPE_CHECKING:

        def _op(self, node: str) -> Op: ...

        def _inputs(self, node: str) -> dict[str, Array]: ...

    def _inputs_and_output(self, node: str) -> tuple[dict[str, Array], Array]:
        """The node's inputs and its value, computed here (not kept) when the pass has not reached it yet."""
        inputs = self._inputs(node)
        out = self._values[node]
        if out is None:
            with np.errstate(all="ignore"):
                out = self._op(node).forward(inputs)
        return inputs, out

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
        inputs, out = self._inputs_and_output(node)
        with np.errstate(all="ignore"):
            jac = frozen(self._op(node).jacobian[port](inputs, out))
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
        inputs, out = self._inputs_and_output(node)
        with np.errstate(all="ignore"):
            return frozen(self._op(node).vjp[port](inputs, out, upstream))
