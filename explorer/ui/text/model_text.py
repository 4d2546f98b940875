"""The catalogue of the model's and the exports' refusals (:class:`~explorer.model.ModelError`), for :mod:`explorer.ui.text.engine_text`.

Each key of :mod:`explorer.model` with its English template for the window
(the line's template without format specs), marked for ``pyside6-lupdate``
in the context ``Engine``.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

MODEL_TEMPLATES: dict[str, object] = {
    "model.at_node": QT_TRANSLATE_NOOP("Engine", "node {node}: {problem}"),
    "model.not_a_chain": QT_TRANSLATE_NOOP(
        "Engine", "this model is not a single chain of layers; the chain editor cannot edit it"
    ),
    "model.no_place": QT_TRANSLATE_NOOP(
        "Engine", "cannot add a layer at place {place}; the places are 0 (first) to {count} (last)"
    ),
    "model.no_layer": QT_TRANSLATE_NOOP("Engine", "there is no layer {layer}; the chain has layers 0 to {top}"),
    "model.width_invalid": QT_TRANSLATE_NOOP("Engine", "width must be a whole number from 1 to {limit}, got {width}"),
    "model.unknown_activation": QT_TRANSLATE_NOOP(
        "Engine", "unknown activation {activation} (use one of {known} or none)"
    ),
    "model.no_such_node": QT_TRANSLATE_NOOP("Engine", "there is no such node in the model"),
    "model.holds_no_value": QT_TRANSLATE_NOOP(
        "Engine", "is a {op} node; only inputs, parameters and targets hold values"
    ),
    "model.last_layer_rows": QT_TRANSLATE_NOOP(
        "Engine", "a layer added after the last one must output the target's {rows} rows, not {width}; add it, then change the last layer's width"
    ),
    "model.only_layer": QT_TRANSLATE_NOOP("Engine", "is the only layer; a chain needs at least one"),
    "model.unknown_loss": QT_TRANSLATE_NOOP("Engine", "unknown loss {loss} (use one of {known})"),
    "model.batch_invalid": QT_TRANSLATE_NOOP("Engine", "batch must be a whole number from 1 to {limit}, got {batch}"),
    "model.new_value_ragged": QT_TRANSLATE_NOOP("Engine", "the new value is ragged: its rows differ in length"),
    "model.new_value_not_numbers": QT_TRANSLATE_NOOP("Engine", "the new value must hold numbers, got {dtype}"),
    "model.new_value_shape": QT_TRANSLATE_NOOP("Engine", "the new value has shape {shape}; it must be {expected}"),
    "model.new_value_non_finite": QT_TRANSLATE_NOOP(
        "Engine", "the new value holds a non-finite number (NaN or infinity)"
    ),
    "model.pos_two_numbers": QT_TRANSLATE_NOOP("Engine", "pos must be two finite numbers (x, y), got {pos}"),
    "model.init_not_finite": QT_TRANSLATE_NOOP("Engine", "init {key} must be a finite number, got {value}"),
    "model.init_not_object": QT_TRANSLATE_NOOP(
        "Engine", "init must be an object such as {{\"kind\": \"normal\", \"seed\": 0}}"
    ),
    "model.init_unknown_key": QT_TRANSLATE_NOOP("Engine", "init has an unknown key {key} (known: {known})"),
    "model.init_unknown_kind": QT_TRANSLATE_NOOP("Engine", "unknown init kind {kind} (use one of {known})"),
    "model.init_seed": QT_TRANSLATE_NOOP("Engine", "init seed must be a non-negative integer, got {seed}"),
    "model.init_low_high": QT_TRANSLATE_NOOP("Engine", "init low {low} must be below high {high}"),
    "model.init_std": QT_TRANSLATE_NOOP("Engine", "init std must not be negative, got {std}"),
    "model.id_empty": QT_TRANSLATE_NOOP("Engine", "{where} needs a non-empty string id, got {id}"),
    "model.id_too_long": QT_TRANSLATE_NOOP(
        "Engine", "{where} has an id of {length} characters ({id}); the limit is {limit}"
    ),
    "model.id_bad_character": QT_TRANSLATE_NOOP(
        "Engine", "{where} has an id holding the character {bad} ({id}); ids may not hold control characters, line breaks or invisible characters"
    ),
    "model.text_not_string": QT_TRANSLATE_NOOP("Engine", "{what} must be a string, got {value}"),
    "model.text_too_long": QT_TRANSLATE_NOOP("Engine", "{what} is {length} characters long; the limit is {limit}"),
    "model.text_bad_character": QT_TRANSLATE_NOOP(
        "Engine", "{what} holds the character {bad}, a control character or line break"
    ),
    "model.pos_non_finite": QT_TRANSLATE_NOOP("Engine", "pos holds a non-finite number: {pos}"),
    "model.pos_past_limit": QT_TRANSLATE_NOOP("Engine", "pos {pos} is past the canvas limit ±{limit}"),
    "model.pos_not_pair": QT_TRANSLATE_NOOP("Engine", "pos must be [x, y], got {pos}"),
    "model.no_nodes": QT_TRANSLATE_NOOP("Engine", "the model has no nodes"),
    "model.too_many_nodes": QT_TRANSLATE_NOOP("Engine", "the model has {count} nodes; the limit is {limit}"),
    "model.id_used_twice": QT_TRANSLATE_NOOP("Engine", "id is used by more than one node"),
    "model.unknown_op": QT_TRANSLATE_NOOP("Engine", "unknown op {op} (known: {known})"),
    "model.takes_no_inputs": QT_TRANSLATE_NOOP("Engine", "{op} nodes take no inputs"),
    "model.no_port": QT_TRANSLATE_NOOP("Engine", "op {op} has no port {port} (its ports: {ports})"),
    "model.missing_port": QT_TRANSLATE_NOOP("Engine", "missing input port {port} of op {op}"),
    "model.port_unknown_node": QT_TRANSLATE_NOOP("Engine", "port {port} names unknown node {source}"),
    "model.port_own_output": QT_TRANSLATE_NOOP("Engine", "port {port} takes the node's own output (a cycle)"),
    "model.feeds_two_ports": QT_TRANSLATE_NOOP("Engine", "node {source} feeds more than one port"),
    "model.cycle": QT_TRANSLATE_NOOP("Engine", "the graph has a cycle: {path}"),
    "model.no_loss": QT_TRANSLATE_NOOP("Engine", "the model has no loss node (half_sse, sse or mse)"),
    "model.many_losses": QT_TRANSLATE_NOOP(
        "Engine", "the model has {count} loss nodes ({listed}); it needs exactly one"
    ),
    "model.loss_feeds": QT_TRANSLATE_NOOP("Engine", "a loss is a scalar and cannot feed another node"),
    "model.value_dims": QT_TRANSLATE_NOOP("Engine", "value must be a non-empty 1-D or 2-D array, got shape {shape}"),
    "model.shape_sizes": QT_TRANSLATE_NOOP("Engine", "shape must be one or two positive sizes, got {shape}"),
    "model.param_needs_value": QT_TRANSLATE_NOOP("Engine", "a param needs a value, or a shape and an init"),
    "model.needs_value": QT_TRANSLATE_NOOP("Engine", "an {op} node needs a value"),
    "model.declared_dim_limit": QT_TRANSLATE_NOOP("Engine", "shape {shape} has a dimension past the limit {limit}"),
    "model.too_many_numbers": QT_TRANSLATE_NOOP("Engine", "the parameters hold {total} numbers; the limit is {limit}"),
    "model.value_non_finite": QT_TRANSLATE_NOOP("Engine", "value holds a non-finite number (NaN or infinity)"),
    "model.bias_vector": QT_TRANSLATE_NOOP("Engine", "a bias must be a vector, got shape {shape}"),
    "model.bias_and_matrix": QT_TRANSLATE_NOOP("Engine", "used both as a bias and as a matrix"),
    "model.linear_matrices": QT_TRANSLATE_NOOP("Engine", "linear needs matrices, got x = {x} and w = {w}"),
    "model.rows_match": QT_TRANSLATE_NOOP("Engine", "Wᵀx needs W's rows to match x's rows: w = {w}, x = {x}"),
    "model.bias_shape": QT_TRANSLATE_NOOP("Engine", "bias {b} must have shape ({n},) to match w = {w}"),
    "model.pred_target_shape": QT_TRANSLATE_NOOP("Engine", "prediction {pred} and target {target} differ in shape"),
    "model.no_path_to_loss": QT_TRANSLATE_NOOP("Engine", "does not lead to the loss {loss}"),
    "model.dim_limit": QT_TRANSLATE_NOOP("Engine", "shape {shape} has a dimension past the limit {limit}"),
    "model.batch_limit": QT_TRANSLATE_NOOP("Engine", "batch {batch} is past the limit {limit}"),
    "model.op_value": QT_TRANSLATE_NOOP("Engine", "is an op node; its value comes from the engine"),
    "model.requires_grad_data": QT_TRANSLATE_NOOP("Engine", "requires_grad is only for input and target nodes, not {op}"),
    "model.requires_grad_bool": QT_TRANSLATE_NOOP("Engine", "requires_grad must be true or false, got {value}"),
    "model.not_regular_file": QT_TRANSLATE_NOOP("Engine", "{name} is not a regular file"),
    "model.file_too_big": QT_TRANSLATE_NOOP("Engine", "{name} is {size} bytes; the limit is {limit}"),
    "model.file_over_limit": QT_TRANSLATE_NOOP("Engine", "{name} is over {limit} bytes, the limit"),
    "model.not_utf8": QT_TRANSLATE_NOOP("Engine", "{name} is not UTF-8 text"),
    "model.cannot_read": QT_TRANSLATE_NOOP("Engine", "cannot read {path}: {reason}"),
    "model.bad_json": QT_TRANSLATE_NOOP(
        "Engine", "{where} is not valid JSON: {reason} at line {line}, column {column}"
    ),
    "model.json_too_deep": QT_TRANSLATE_NOOP("Engine", "{where} is nested too deeply"),
    "model.json_unreadable": QT_TRANSLATE_NOOP("Engine", "{where} cannot be read as JSON: {reason}"),
    "model.array_not_list": QT_TRANSLATE_NOOP(
        "Engine", "{key} must be a list of numbers or a list of rows, got {type}"
    ),
    "model.array_too_big": QT_TRANSLATE_NOOP("Engine", "{key} has shape ({rows}, {columns}), past the limit {limit}"),
    "model.array_ragged": QT_TRANSLATE_NOOP("Engine", "{key} is ragged: its rows differ in length or depth"),
    "model.array_huge_integer": QT_TRANSLATE_NOOP(
        "Engine", "{key} holds an integer too large for a floating-point number"
    ),
    "model.array_booleans": QT_TRANSLATE_NOOP("Engine", "{key} holds true/false, not numbers"),
    "model.array_not_numbers": QT_TRANSLATE_NOOP("Engine", "{key} holds something that is not a number"),
    "model.array_dims": QT_TRANSLATE_NOOP("Engine", "{key} must be a non-empty 1-D or 2-D array, got shape {shape}"),
    "model.array_non_finite": QT_TRANSLATE_NOOP("Engine", "{key} holds {token}, which is not a finite number"),
    "model.node_not_object": QT_TRANSLATE_NOOP("Engine", "node #{number} is not an object"),
    "model.unknown_key": QT_TRANSLATE_NOOP("Engine", "unknown key {key}"),
    "model.op_not_string": QT_TRANSLATE_NOOP("Engine", "op must be a string, got {op}"),
    "model.inputs_map": QT_TRANSLATE_NOOP("Engine", "inputs must map port names to node ids"),
    "model.shape_integers": QT_TRANSLATE_NOOP("Engine", "shape must be a list of integers, got {shape}"),
    "model.init_object": QT_TRANSLATE_NOOP("Engine", "init must be an object"),
    "model.version": QT_TRANSLATE_NOOP(
        "Engine", "unsupported version {version} (this program reads version {supported})"
    ),
    "model.not_json_object": QT_TRANSLATE_NOOP("Engine", "the model file must hold a JSON object"),
    "model.format": QT_TRANSLATE_NOOP("Engine", "format must be {expected}, got {format}"),
    "model.nodes_list": QT_TRANSLATE_NOOP("Engine", "'nodes' must be a list"),
    "model.top_level_non_finite": QT_TRANSLATE_NOOP(
        "Engine", "the top-level key {key} holds a non-finite number (NaN or infinity)"
    ),
    "model.lone_surrogate": QT_TRANSLATE_NOOP(
        "Engine", "{where} holds a lone UTF-16 surrogate (not valid Unicode text) in {place}"
    ),
    "model.node_number": QT_TRANSLATE_NOOP("Engine", "node #{number}"),
    "model.the_label": QT_TRANSLATE_NOOP("Engine", "label"),
    "model.the_model_name": QT_TRANSLATE_NOOP("Engine", "the model name"),
    # exports
    "export.snapshot_too_large": QT_TRANSLATE_NOOP(
        "Engine",
        "snapshot.json would hold {count} numbers, about {size}; a snapshot over {limit} could not be opened "
        "again, so none is written (export an earlier step or a smaller model)",
    ),
    "export.snapshot_grew": QT_TRANSLATE_NOOP(
        "Engine",
        "snapshot.json grew past {limit} while being written; a larger snapshot could not be opened again, "
        "so none is written (export an earlier step or a smaller model)",
    ),
    "export.snapshot_step": QT_TRANSLATE_NOOP("Engine", "snapshot step index {index} is not a step of this model (0…{total})"),
    "export.code_too_large": QT_TRANSLATE_NOOP(
        "Engine", "the model holds {total} numbers; code export stops at {limit} (the script would be huge)"
    ),
}
