"""The model: a validated networkx graph of typed nodes with inferred shapes.

A :class:`Model` is a value. It is built once from a list of
:class:`NodeSpec`, checked completely, and never changed afterwards; an edit
(:mod:`explorer.model.edit`) makes a new model. Its arrays are read-only.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from types import MappingProxyType
from typing import Any

import networkx as nx
import numpy as np

from explorer.model import limits
from explorer.model.errors import ModelError
from explorer.model.initial import initial_value
from explorer.model.messages import define, message
from explorer.model.names import check_id, check_text
from explorer.model.quote import shown
from explorer.model.spec import DATA_OPS, Array, NodeSpec, Shape, check_pos
from explorer.ops import OPS, VECTOR_PORTS

__all__ = ["DATA_OPS", "Array", "Model", "NodeSpec", "Shape", "check_pos", "fmt_shape"]  # the node's record lives in .spec

define({
    "model.no_nodes": "the model has no nodes",
    "model.too_many_nodes": "the model has {count} nodes; the limit is {limit}",
    "model.id_used_twice": "id is used by more than one node",
    "model.unknown_op": "unknown op {op} (known: {known})",
    "model.takes_no_inputs": "{op} nodes take no inputs",
    "model.no_port": "op {op!r} has no port {port} (its ports: {ports})",
    "model.missing_port": "missing input port {port!r} of op {op!r}",
    "model.port_unknown_node": "port {port!r} names unknown node {source}",
    'model.port_own_output': "port {port!r} takes the node's own output (a cycle)",
    "model.feeds_two_ports": "node {source!r} feeds more than one port",
    "model.cycle": "the graph has a cycle: {path}",
    "model.no_loss": "the model has no loss node (half_sse, sse or mse)",
    "model.many_losses": "the model has {count} loss nodes ({listed}); it needs exactly one",
    "model.loss_feeds": "a loss is a scalar and cannot feed another node",
    "model.value_dims": "value must be a non-empty 1-D or 2-D array, got shape {shape}",
    "model.shape_sizes": "shape must be one or two positive sizes, got {shape}",
    "model.param_needs_value": "a param needs a value, or a shape and an init",
    "model.needs_value": "an {op} node needs a value",
    "model.declared_dim_limit": "shape {shape} has a dimension past the limit {limit}",
    "model.too_many_numbers": "the parameters hold {total:,} numbers; the limit is {limit:,}",
    "model.value_non_finite": "value holds a non-finite number (NaN or infinity)",
    "model.bias_vector": "a bias must be a vector, got shape {shape}",
    "model.bias_and_matrix": "used both as a bias and as a matrix",
    "model.linear_matrices": "linear needs matrices, got x = {x} and w = {w}",
    'model.rows_match': "Wᵀx needs W's rows to match x's rows: w = {w}, x = {x}",
    "model.bias_shape": "bias {b} must have shape ({n},) to match w = {w}",
    "model.pred_target_shape": "prediction {pred} and target {target} differ in shape",
    "model.no_path_to_loss": "does not lead to the loss {loss!r}",
    "model.dim_limit": "shape {shape} has a dimension past the limit {limit}",
    "model.batch_limit": "batch {batch} is past the limit {limit}",
    "model.op_value": "is an op node; its value comes from the engine",
    "model.requires_grad_data": "requires_grad is only for input and target nodes, not {op}",
    "model.requires_grad_bool": "requires_grad must be true or false, got {value}",
})

def _readonly(array: Array) -> Array:
    """A read-only array no one else can change: ``array`` itself when it is already that, else a copy."""
    if array.dtype == np.float64 and not array.flags.writeable and array.flags.owndata:
        return array
    array = np.array(array, dtype=np.float64)  # a private copy
    array.setflags(write=False)
    return array


class Model:
    """A validated computation graph.

    The networkx :class:`~networkx.DiGraph` has one node per spec (attributes
    ``spec``, ``shape`` and, for leaves, ``value``) and one edge per input,
    from the input to its consumer, with attribute ``port``.

    Parameters
    ----------
    specs
        The nodes, in file order.
    name
        A title for the model (at most 200 characters).
    extras
        Top-level keys of the model file that this program does not read,
        kept so that saving writes them back. Every edit passes them on.

    Raises
    ------
    ModelError
        On any problem: unknown op, missing or unknown port, unknown input,
        a cycle, no loss or several, a shape mismatch, a size past the limits.
        Every size is checked before any array is made.
    """

    def __init__(self, specs: Iterable[NodeSpec], name: str = "", extras: Mapping[str, Any] | None = None) -> None:
        self.name: str = check_text(name, message("model.the_model_name"), limit=limits.MAX_NAME_LENGTH)
        self.extras: Mapping[str, Any] = MappingProxyType(dict(extras or {}))  # read-only, like the rest
        self.specs: tuple[NodeSpec, ...] = tuple(specs)
        self.graph: nx.DiGraph = nx.DiGraph()
        self._build()
        self._spec = {spec.id: spec for spec in self.specs}
        self.order: tuple[str, ...] = self._topological_order()
        self._index()
        self.loss_id: str = self._find_loss()
        self._check_reaches_loss()
        self._check_declared_sizes()
        self._infer_shapes()
        self._check_limits()

    def _index(self) -> None:
        """Answers the engine asks on every step, worked out once (the model never changes)."""
        rank = {node: i for i, node in enumerate(self.order)}
        self._inputs: dict[str, dict[str, str]] = {}
        self._consumers: dict[str, tuple[tuple[str, str], ...]] = {}
        for node in self.order:
            spec = self._spec[node]
            self._inputs[node] = {port: spec.inputs[port] for port in spec.info.ports if port in spec.inputs}
            found = [(c, self.graph.edges[node, c]["port"]) for c in self.graph.successors(node)]
            self._consumers[node] = tuple(sorted(found, key=lambda item: rank[item[0]]))
        self._leaves = tuple(n for n in self.order if self._spec[n].info.is_leaf)
        self._op_nodes = tuple(n for n in self.order if not self._spec[n].info.is_leaf)
        needs: set[str] = set()
        for node in self.order:  # PyTorch's rule: a parameter, data asked to, or an op fed by one of those
            spec = self._spec[node]
            if spec.info.is_leaf:
                asked = spec.op == "param" or spec.requires_grad is not False
            else:
                asked = any(source in needs for source in self._inputs[node].values())
            if asked:
                needs.add(node)
        self._needs_grad = frozenset(needs)

    # -- construction -------------------------------------------------------

    def _build(self) -> None:
        if not self.specs:
            raise ModelError(message("model.no_nodes"))
        if len(self.specs) > limits.MAX_NODES:
            raise ModelError(message("model.too_many_nodes", count=len(self.specs), limit=limits.MAX_NODES))
        for index, spec in enumerate(self.specs):
            node_id = check_id(spec.id, message("model.node_number", number=index + 1))
            if node_id in self.graph:
                raise ModelError(message("model.id_used_twice"), node_id)
            if not isinstance(spec.op, str) or spec.op not in OPS:
                raise ModelError(message("model.unknown_op", op=shown(spec.op), known=', '.join(OPS)), node_id)
            if spec.label is not None:
                check_text(spec.label, message("model.the_label"), node_id)
            if spec.pos is not None:
                check_pos(spec.pos, node_id)
            if spec.requires_grad is not None and (spec.op not in DATA_OPS or not isinstance(spec.requires_grad, bool)):
                key = "model.requires_grad_data" if spec.op not in DATA_OPS else "model.requires_grad_bool"
                raise ModelError(message(key, op=spec.op, value=shown(spec.requires_grad)), node_id)
            self.graph.add_node(node_id, spec=spec)
        for spec in self.specs:
            info = spec.info
            if info.is_leaf:
                if spec.inputs:
                    raise ModelError(message("model.takes_no_inputs", op=spec.op), spec.id)
                continue
            for port in spec.inputs:
                if port not in info.ports:
                    raise ModelError(
                        message("model.no_port", op=spec.op, port=shown(port, 20), ports=', '.join(info.ports)),
                        spec.id,
                    )
            for port in info.required:
                if port not in spec.inputs:
                    raise ModelError(message("model.missing_port", port=port, op=spec.op), spec.id)
            for port, source in spec.inputs.items():
                if not isinstance(source, str) or source not in self.graph:
                    raise ModelError(message("model.port_unknown_node", port=port, source=shown(source)), spec.id)
                if source == spec.id:
                    raise ModelError(message("model.port_own_output", port=port), spec.id)
                if self.graph.has_edge(source, spec.id):
                    raise ModelError(message("model.feeds_two_ports", source=source), spec.id)
                self.graph.add_edge(source, spec.id, port=port)

    def _topological_order(self) -> tuple[str, ...]:
        rank = {spec.id: i for i, spec in enumerate(self.specs)}
        try:
            return tuple(nx.lexicographical_topological_sort(self.graph, key=rank.__getitem__))
        except nx.NetworkXUnfeasible:
            cycle = nx.find_cycle(self.graph)
            path = " → ".join([edge[0] for edge in cycle] + [cycle[0][0]])
            raise ModelError(message("model.cycle", path=path), cycle[0][0]) from None

    def _find_loss(self) -> str:
        losses = [spec.id for spec in self.specs if spec.info.is_loss]
        if not losses:
            raise ModelError(message("model.no_loss"))
        if len(losses) > 1:
            listed = ", ".join(losses[:5]) + (", …" if len(losses) > 5 else "")
            raise ModelError(message("model.many_losses", count=len(losses), listed=listed))
        loss = losses[0]
        if self.graph.out_degree(loss):
            raise ModelError(message("model.loss_feeds"), loss)
        return loss

    def _declared_shape(self, spec: NodeSpec) -> Shape:
        """The shape a leaf declares, checked against the limits; no array is made."""
        if spec.value is not None:
            shape: Shape = tuple(np.shape(spec.value))
            if len(shape) not in (1, 2) or 0 in shape:
                raise ModelError(message("model.value_dims", shape=shape), spec.id)
        elif spec.op == "param" and spec.shape is not None and spec.init is not None:
            shape = tuple(spec.shape)
            if not 1 <= len(shape) <= 2 or any(
                isinstance(n, bool) or not isinstance(n, int | np.integer) or n < 1 for n in shape
            ):
                raise ModelError(message("model.shape_sizes", shape=shown(list(shape))), spec.id)
        elif spec.op == "param":
            raise ModelError(message("model.param_needs_value"), spec.id)
        else:
            raise ModelError(message("model.needs_value", op=spec.op), spec.id)
        if any(n > limits.MAX_DIM for n in shape):
            raise ModelError(message("model.declared_dim_limit", shape=shown(list(shape)), limit=limits.MAX_DIM), spec.id)
        return shape

    def _check_declared_sizes(self) -> None:
        """Refuse every leaf past the size limits before any array is made."""
        total = 0
        for spec in self.specs:
            if spec.info.is_leaf:
                shape = self._declared_shape(spec)
                if spec.op == "param":
                    total += math.prod(int(n) for n in shape)
        if total > limits.MAX_PARAM_ELEMENTS:
            raise ModelError(
                message("model.too_many_numbers", total=total, limit=limits.MAX_PARAM_ELEMENTS)
            )

    def _leaf_value(self, spec: NodeSpec, ndim: int) -> Array:
        shape = self._declared_shape(spec)
        owned = spec.value is None  # an array made here, that no one else holds
        if spec.value is not None:
            value = np.asarray(spec.value, dtype=np.float64)
        else:
            assert spec.init is not None  # _declared_shape refused a param without one
            value = np.asarray(initial_value(tuple(int(n) for n in shape), spec.init, spec.id), dtype=np.float64)
        if not np.all(np.isfinite(value)):
            raise ModelError(message("model.value_non_finite"), spec.id)
        if ndim == 2 and value.ndim == 1:
            value = value.reshape(-1, 1)  # a 1-D list in a 2-D slot is a column
        elif ndim == 1 and value.ndim == 2:
            if value.shape[1] != 1:
                raise ModelError(message("model.bias_vector", shape=value.shape), spec.id)
            value = value.reshape(-1)
        if owned:
            value.setflags(write=False)
            return value
        return _readonly(value)

    def _infer_shapes(self) -> None:
        graph = self.graph
        for node_id in self.order:
            spec: NodeSpec = graph.nodes[node_id]["spec"]
            if spec.info.is_leaf:
                ports = {graph.edges[node_id, c]["port"] for c in graph.successors(node_id)}
                ndims = {1 if p in VECTOR_PORTS else 2 for p in ports} or {2}
                if len(ndims) > 1:
                    raise ModelError(message("model.bias_and_matrix"), node_id)
                value = self._leaf_value(spec, ndims.pop())
                graph.nodes[node_id]["value"] = value
                graph.nodes[node_id]["shape"] = value.shape
                continue
            shapes = {port: self.shape(src) for port, src in spec.inputs.items()}
            graph.nodes[node_id]["shape"] = self._op_shape(spec, shapes)

    def _op_shape(self, spec: NodeSpec, shapes: Mapping[str, Shape]) -> Shape:
        kind = spec.info.kind
        name = {port: spec.inputs[port] for port in shapes}

        def show(port: str) -> str:
            return f"{name[port]} {fmt_shape(shapes[port])}"

        if kind == "layer":
            x, w = shapes["x"], shapes["w"]
            if len(x) != 2 or len(w) != 2:
                raise ModelError(message("model.linear_matrices", x=show('x'), w=show('w')), spec.id)
            if x[0] != w[0]:
                raise ModelError(
                    message("model.rows_match", w=show('w'), x=show('x')), spec.id
                )
            if "b" in shapes and shapes["b"] != (w[1],):
                raise ModelError(message("model.bias_shape", b=show('b'), n=w[1], w=show('w')), spec.id)
            return (w[1], x[1])
        if kind == "activation":
            return shapes["x"]
        if shapes["pred"] != shapes["target"]:
            raise ModelError(message("model.pred_target_shape", pred=show('pred'), target=show('target')), spec.id)
        return ()

    def _check_reaches_loss(self) -> None:
        feeding = nx.ancestors(self.graph, self.loss_id) | {self.loss_id}
        for node_id in self.order:
            if node_id not in feeding:
                raise ModelError(message("model.no_path_to_loss", loss=self.loss_id), node_id)

    def _check_limits(self) -> None:
        total = 0
        for node_id in self.order:
            shape = self.shape(node_id)
            for n in shape:
                if n > limits.MAX_DIM:
                    raise ModelError(message("model.dim_limit", shape=fmt_shape(shape), limit=limits.MAX_DIM), node_id)
            if len(shape) == 2 and self.op(node_id) != "param" and shape[1] > limits.MAX_BATCH:
                raise ModelError(message("model.batch_limit", batch=shape[1], limit=limits.MAX_BATCH), node_id)
            if self.op(node_id) == "param":
                total += int(np.prod(shape))
        if total > limits.MAX_PARAM_ELEMENTS:
            raise ModelError(
                message("model.too_many_numbers", total=total, limit=limits.MAX_PARAM_ELEMENTS)
            )

    # -- queries ------------------------------------------------------------

    def __contains__(self, node_id: object) -> bool:
        return node_id in self.graph

    def __repr__(self) -> str:
        return f"Model({self.name!r}, {len(self.order)} nodes, loss {self.loss_id!r})"

    def spec(self, node_id: str) -> NodeSpec:
        """The node's spec, as written in the file."""
        self._require(node_id)
        return self._spec[node_id]

    def op(self, node_id: str) -> str:
        return self.spec(node_id).op

    def label(self, node_id: str) -> str:
        """The display text: the node's ``label``, else its id."""
        return self.spec(node_id).label or node_id

    def shape(self, node_id: str) -> Shape:
        """The shape of the node's value: ``(rows, batch)``, ``(n,)`` for a bias, ``()`` for the loss."""
        self._require(node_id)
        shape: Shape = self.graph.nodes[node_id]["shape"]
        return shape

    def value(self, node_id: str) -> Array:
        """The (read-only) value of a leaf node: input, target or parameter."""
        self._require(node_id)
        if "value" not in self.graph.nodes[node_id]:
            raise ModelError(message("model.op_value"), node_id)
        value: Array = self.graph.nodes[node_id]["value"]
        return value

    def inputs(self, node_id: str) -> dict[str, str]:
        """``{port: input node id}`` in the op's port order."""
        self._require(node_id)
        return dict(self._inputs[node_id])

    def consumers(self, node_id: str) -> list[tuple[str, str]]:
        """``[(consumer id, port)]`` of the nodes that take this node's output, in step order."""
        self._require(node_id)
        return list(self._consumers[node_id])

    @property
    def leaves(self) -> tuple[str, ...]:
        """Inputs, targets and parameters, in step order."""
        return self._leaves

    @property
    def op_nodes(self) -> tuple[str, ...]:
        """The nodes the forward pass computes, in step order."""
        return self._op_nodes

    def requires_grad(self, node_id: str) -> bool:
        """Whether the backward pass computes ``∂L/∂node``: a parameter, data not marked
        ``"requires_grad": false``, an op with such an input, and always the loss.

        >>> from explorer.model.examples import toy_model
        >>> m = toy_model()
        >>> [n for n in m.order if not m.requires_grad(n)]
        ['X', 'Y']
        """
        self._require(node_id)
        return node_id in self._needs_grad or node_id == self.loss_id

    def data_requires_grad(self, node_id: str) -> bool | None:
        """An input's or a target's own setting (``None`` for any other node): whether its gradient is asked for."""
        spec = self.spec(node_id)
        return None if spec.op not in DATA_OPS else spec.requires_grad is not False

    @property
    def params(self) -> tuple[str, ...]:
        return tuple(n for n in self.order if self.op(n) == "param")

    def _require(self, node_id: str) -> None:
        if node_id not in self._spec:
            raise KeyError(f"no node {node_id!r} in the model")


def fmt_shape(shape: Shape) -> str:
    """``(3, 1)`` for a shape, ``()`` for a scalar.

    >>> fmt_shape((3, 2)), fmt_shape((4,)), fmt_shape(())
    ('(3, 2)', '(4,)', '()')
    """
    return str(tuple(shape))
