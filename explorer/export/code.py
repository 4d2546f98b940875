"""The model as standalone code: ``model_numpy.py`` and ``model_torch.py`` (SPEC section 7).

Each script holds the model's exact values (floats written with ``repr``, so
they read back bit for bit), runs the forward and the backward pass and prints
the loss and every parameter's gradient; with ``--json`` it prints exactly one
JSON object ``{"loss": ..., "grad": {"W1": [[...]], ...}}``. The numpy script
writes the backward pass out as the vector-Jacobian products the explorer
runs; the torch script leaves it to autograd. Node ids never become Python
names: every value is ``value[id]`` and every gradient ``grad[id]``, keyed by
the id's text, so no id (``float``, ``print``, ``__builtins__``) can shadow
what the script uses.

Every op's code (its forward in numpy and torch, its numpy VJP per port) is
part of its entry in :data:`explorer.ops.OPS`.
"""

from __future__ import annotations

import numpy as np

from explorer.engine import EngineError, Session
from explorer.export.explanation import derivation_files
from explorer.model import Model
from explorer.model.messages import define, message
from explorer.model.numbers import literal
from explorer.ops import OPS, Code

define({"export.code_too_large": "the model holds {total:,} numbers; code export stops at {limit:,} (the script would be huge)"})

#: Models with more leaf numbers than this are not written as code (the script would be huge).
CODE_NUMBER_LIMIT = 1_000_000


def _code(op: str) -> Code:
    """The op's code from the table; every op node has some (a test checks every entry)."""
    code = OPS[op].code
    assert code is not None, op
    return code


TRIPLE = '"' * 3


def _ref(table: str, node: str) -> str:
    """``value['W1']``: a node's entry in one of the script's dicts, keyed by the id's text.

    Ids never become Python names, so an id such as ``float``, ``print`` or
    ``__builtins__`` cannot shadow anything the script uses.

    >>> print(_ref("value", "W1"), _ref("grad", "it's"), _ref("value", "print"))
    value['W1'] grad["it's"] value['print']
    """
    return f"{table}[{node!r}]"


def _literal(array: np.ndarray) -> str:
    """An exact array literal: every float as :func:`explorer.model.numbers.literal` writes it, one row per line."""
    a = np.asarray(array, dtype=np.float64)
    if a.ndim == 1:
        return "[" + ", ".join(literal(v) for v in a) + "]"
    rows = ",\n    ".join("[" + ", ".join(literal(v) for v in row) + "]" for row in a)
    return "[\n    " + rows + ",\n]"


def _title(model: Model) -> str:
    """The model's name on one line, safe inside the script's raw docstring."""
    return " ".join((model.name or "model").replace(TRIPLE, "'").replace("\\", "/").split())


def _check_size(model: Model) -> None:
    total = sum(model.value(leaf).size for leaf in model.leaves)
    if total > CODE_NUMBER_LIMIT:
        raise EngineError(message("export.code_too_large", total=total, limit=CODE_NUMBER_LIMIT))


def _forward_lines(model: Model, which: str) -> list[str]:
    lines = []
    for node in model.op_nodes:
        code = _code(model.op(node))
        ports = {p: _ref("value", src) for p, src in model.inputs(node).items()}
        expr = (code.numpy if which == "numpy" else code.torch).format(**ports)
        if "b" in ports:
            expr += code.bias.format(**ports)
        lines.append(f"{_ref('value', node)} = {expr}")
    return lines


def _backward_lines(model: Model) -> list[str]:
    """The backward pass as VJPs in reverse order; a node with several consumers sums its shares."""
    lines = [f"{_ref('grad', model.loss_id)} = 1.0  # dL/dL"]
    assigned = {model.loss_id}
    for node in reversed(model.order):
        if node not in assigned or OPS[model.op(node)].code is None:
            continue
        ports = {p: _ref("value", src) for p, src in model.inputs(node).items()}
        for port, source in model.inputs(node).items():
            if model.op(source) in ("input", "target") and source not in _asked(model):
                continue  # data: no gradient needed unless the model asks for it
            vjp = _code(model.op(node)).vjp[port]
            expr = vjp.format(g=_ref("grad", node), out=_ref("value", node), **ports)
            target = _ref("grad", source)
            lines.append(f"{target} = {target} + {expr}" if source in assigned else f"{target} = {expr}")
            assigned.add(source)
    return lines


_HEADER = '''#!/usr/bin/env python3
r"""{title}: the forward and backward pass {how}.

Written by jacobian-explorer with the model's exact values. A layer is
H_out = W^T H_in (+ b), one column per sample; a gradient dL/dT has the shape of T.
Every node's value is value[id] and its gradient grad[id], keyed by the node's id.

    python {file}           # the loss and every parameter's gradient
    python {file} --json    # exactly one JSON object {{"loss": ..., "grad": {{...}}}}
"""

import json
import sys

'''

_PRINT = [
    "if '--json' in sys.argv[1:]:",
    "    print(json.dumps({{'loss': loss, 'grad': {{k: {tolist} for k, t in grads.items()}}}}))",
    "else:",
    "    {options}",
    "    print(f'loss = {{loss!r}}')",
    "    for node, g in grads.items():",
    "        print(f'dL/d{{node}} {{tuple(g.shape)}} =')",
    "        print(g)",
    "",
]


def _asked(model: Model) -> tuple[str, ...]:
    """The parameters, then the data whose file says ``"requires_grad": true``: the gradients a script prints.

    Data without the key keeps the scripts as they were (parameters only);
    data marked false is a tensor without ``requires_grad``, as PyTorch's default.
    """
    data = tuple(n for n in model.leaves if model.op(n) != "param" and model.spec(n).requires_grad is True)
    return model.params + data


def numpy_script(model: Model) -> str:
    """``model_numpy.py``: needs only numpy; the backward pass written out as VJPs."""
    _check_size(model)
    title = _title(model)
    lines = [_HEADER.format(title=title, how="in plain numpy", file="model_numpy.py") + "import numpy as np", ""]
    lines += ["# -- the model's values, keyed by node id --", "value = {}"]
    lines += [f"{_ref('value', n)} = np.array({_literal(model.value(n))})" for n in model.leaves]
    lines += ["", "# -- forward pass (순전파) --", *_forward_lines(model, "numpy")]
    lines += ["", "# -- backward pass (역전파): vector-Jacobian products J^T v from the loss side --", "grad = {}"]
    lines += _backward_lines(model)
    grads = ", ".join(f"{n!r}: {_ref('grad', n)}" for n in _asked(model))
    lines += ["", f"loss = float({_ref('value', model.loss_id)})", f"grads = {{{grads}}}"]
    options = "np.set_printoptions(precision=6, suppress=True, linewidth=120)"
    lines += [line.format(tolist="np.asarray(t).tolist()", options=options) for line in _PRINT]
    return "\n".join(lines)


def torch_script(model: Model) -> str:
    """``model_torch.py``: needs only torch; ``backward()`` on the loss computes every gradient."""
    _check_size(model)
    title = _title(model)
    lines = [_HEADER.format(title=title, how="with torch.autograd", file="model_torch.py") + "import torch", ""]
    lines += ["# -- the model's values, keyed by node id --", "value = {}"]
    for n in model.leaves:
        grad = ", requires_grad=True" if n in _asked(model) else ""
        literal_value = _literal(model.value(n))
        lines.append(f"{_ref('value', n)} = torch.tensor({literal_value}, dtype=torch.float64{grad})")
    lines += ["", "# -- forward pass (순전파) --", *_forward_lines(model, "torch")]
    lines += ["", "# -- backward pass (역전파): autograd runs the vector-Jacobian products --"]
    lines.append(f"{_ref('value', model.loss_id)}.backward()")
    grads = ", ".join(f"{n!r}: {_ref('value', n)}.grad" for n in _asked(model))
    lines += ["", f"loss = {_ref('value', model.loss_id)}.item()", f"grads = {{{grads}}}"]
    options = "torch.set_printoptions(precision=6, sci_mode=False, linewidth=120)"
    lines += [line.format(tolist="t.tolist()", options=options) for line in _PRINT]
    return "\n".join(lines)


def code_files(session: Session) -> dict[str, str]:
    """What ``export --code`` writes besides the snapshot: both scripts and the derivation handouts."""
    model = session.model
    return {"model_numpy.py": numpy_script(model), "model_torch.py": torch_script(model), **derivation_files(session)}
