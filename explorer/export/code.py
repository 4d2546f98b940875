"""The model as standalone code: ``model_numpy.py`` and ``model_torch.py`` (SPEC section 7).

Each script holds the model's exact values (floats written with ``repr``, so
they read back bit for bit), runs the forward and the backward pass and prints
the loss and every parameter's gradient; with ``--json`` it prints exactly one
JSON object ``{"loss": ..., "grad": {"W1": [[...]], ...}}``. The numpy script
writes the backward pass out as the vector-Jacobian products the explorer
runs; the torch script leaves it to autograd.

Every op's code (its forward in numpy and torch, its numpy VJP per port) is
part of its entry in :data:`explorer.ops.OPS`.
"""

from __future__ import annotations

import keyword
import re
from collections.abc import Mapping

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
_RESERVED = {"np", "torch", "json", "sys", "grads", "name", "grad", "main", "as_json"}


def variable_names(model: Model) -> dict[str, str]:
    """A distinct Python identifier per node id (``W1`` stays ``W1``; ``my layer`` becomes ``my_layer``).

    >>> from explorer.model.examples import toy_model
    >>> variable_names(toy_model())["Yhat"]
    'Yhat'
    """
    names: dict[str, str] = {}
    used: set[str] = set()
    for node in model.order:
        base = re.sub(r"\W", "_", node, flags=re.ASCII) or "node"
        if base[0].isdigit() or keyword.iskeyword(base) or base in _RESERVED or base.startswith("g_"):
            base = "n_" + base
        name, n = base, 2
        while name in used:
            name, n = f"{base}_{n}", n + 1
        used.add(name)
        names[node] = name
    return names


def _literal(array: np.ndarray) -> str:
    """An exact array literal: every float as :func:`explorer.model.numbers.literal` writes it, one row per line."""
    a = np.asarray(array, dtype=np.float64)
    if a.ndim == 1:
        return "[" + ", ".join(literal(v) for v in a) + "]"
    rows = ",\n    ".join("[" + ", ".join(literal(v) for v in row) + "]" for row in a)
    return "[\n    " + rows + ",\n]"


def _comment(node: str, names: Mapping[str, str]) -> str:
    """``  # node 'my layer'`` where the variable had to be renamed."""
    return "" if names[node] == node else f"  # node {node!r}"


def _title(model: Model) -> str:
    """The model's name on one line, safe inside the script's raw docstring."""
    return " ".join((model.name or "model").replace(TRIPLE, "'").replace("\\", "/").split())


def _check_size(model: Model) -> None:
    total = sum(model.value(leaf).size for leaf in model.leaves)
    if total > CODE_NUMBER_LIMIT:
        raise EngineError(message("export.code_too_large", total=total, limit=CODE_NUMBER_LIMIT))


def _forward_lines(model: Model, names: Mapping[str, str], which: str) -> list[str]:
    lines = []
    for node in model.op_nodes:
        code = _code(model.op(node))
        ports = {p: names[src] for p, src in model.inputs(node).items()}
        expr = (code.numpy if which == "numpy" else code.torch).format(**ports)
        if "b" in ports:
            expr += code.bias.format(**ports)
        lines.append(f"{names[node]} = {expr}{_comment(node, names)}")
    return lines


def _backward_lines(model: Model, names: Mapping[str, str]) -> list[str]:
    """The backward pass as VJPs in reverse order; a node with several consumers sums its shares."""
    loss = names[model.loss_id]
    lines = [f"g_{loss} = 1.0  # dL/dL"]
    assigned = {model.loss_id}
    for node in reversed(model.order):
        if node not in assigned or OPS[model.op(node)].code is None:
            continue
        ports = {p: names[src] for p, src in model.inputs(node).items()}
        for port, source in model.inputs(node).items():
            if model.op(source) in ("input", "target") and source not in _asked(model):
                continue  # data: no gradient needed unless the model asks for it
            expr = _code(model.op(node)).vjp[port].format(g=f"g_{names[node]}", out=names[node], **ports)
            target = f"g_{names[source]}"
            lines.append(f"{target} = {target} + {expr}" if source in assigned else f"{target} = {expr}")
            assigned.add(source)
    return lines


_HEADER = '''#!/usr/bin/env python3
r"""{title}: the forward and backward pass {how}.

Written by jacobian-explorer with the model's exact values. A layer is
H_out = W^T H_in (+ b), one column per sample; a gradient dL/dT has the shape of T.

    python {file}           # the loss and every parameter's gradient
    python {file} --json    # exactly one JSON object {{"loss": ..., "grad": {{...}}}}
"""

import json
import sys

'''


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
    names = variable_names(model)
    title = _title(model)
    lines = [_HEADER.format(title=title, how="in plain numpy", file="model_numpy.py") + "import numpy as np", ""]
    lines.append("# -- the model's values --")
    lines += [f"{names[n]} = np.array({_literal(model.value(n))}){_comment(n, names)}" for n in model.leaves]
    lines += ["", "# -- forward pass (순전파) --", *_forward_lines(model, names, "numpy")]
    lines += ["", "# -- backward pass (역전파): vector-Jacobian products J^T v from the loss side --"]
    lines += _backward_lines(model, names)
    grads = ", ".join(f"{n!r}: g_{names[n]}" for n in _asked(model))
    lines += [
        "",
        f"loss = float({names[model.loss_id]})",
        f"grads = {{{grads}}}",
        "if '--json' in sys.argv[1:]:",
        "    print(json.dumps({'loss': loss, 'grad': {k: np.asarray(v).tolist() for k, v in grads.items()}}))",
        "else:",
        "    np.set_printoptions(precision=6, suppress=True, linewidth=120)",
        "    print(f'loss = {loss!r}')",
        "    for name, grad in grads.items():",
        "        print(f'dL/d{name} {tuple(grad.shape)} =')",
        "        print(grad)",
        "",
    ]
    return "\n".join(lines)


def torch_script(model: Model) -> str:
    """``model_torch.py``: needs only torch; ``L.backward()`` computes every gradient."""
    _check_size(model)
    names = variable_names(model)
    title = _title(model)
    lines = [_HEADER.format(title=title, how="with torch.autograd", file="model_torch.py") + "import torch", ""]
    lines.append("# -- the model's values --")
    for n in model.leaves:
        grad = ", requires_grad=True" if n in _asked(model) else ""
        value = _literal(model.value(n))
        lines.append(f"{names[n]} = torch.tensor({value}, dtype=torch.float64{grad}){_comment(n, names)}")
    lines += ["", "# -- forward pass (순전파) --", *_forward_lines(model, names, "torch")]
    lines += ["", "# -- backward pass (역전파): autograd runs the vector-Jacobian products --"]
    lines.append(f"{names[model.loss_id]}.backward()")
    grads = ", ".join(f"{n!r}: {names[n]}.grad" for n in _asked(model))
    lines += [
        "",
        f"loss = {names[model.loss_id]}.item()",
        f"grads = {{{grads}}}",
        "if '--json' in sys.argv[1:]:",
        "    print(json.dumps({'loss': loss, 'grad': {k: v.tolist() for k, v in grads.items()}}))",
        "else:",
        "    torch.set_printoptions(precision=6, sci_mode=False, linewidth=120)",
        "    print(f'loss = {loss!r}')",
        "    for name, grad in grads.items():",
        "        print(f'dL/d{name} {tuple(grad.shape)} =')",
        "        print(grad)",
        "",
    ]
    return "\n".join(lines)


def code_files(session: Session) -> dict[str, str]:
    """What ``export --code`` writes besides the snapshot: both scripts and the derivation handouts."""
    model = session.model
    return {"model_numpy.py": numpy_script(model), "model_torch.py": torch_script(model), **derivation_files(session)}
