"""Every PyTorch line the program prints runs in torch and leaves in ``.grad`` what it promises.

The lines are collected where a reader meets them: the m×n Jacobian of every
edge of every bundled example (what the inspector's derivation and the
handouts show), the ``explain`` text of every node and the ``derivation.md``
handout. Each line's code (before ``#``) runs after a forward pass built here
in torch, independently of the engine, from the model's numbers; the
``NAME.grad`` its comment promises is then compared with the engine's
``Jᵀv``. A line that says the ``.grad`` needs ``requires_grad_()`` before the
forward pass is run both ways: without it the ``.grad`` must stay ``None``.
"""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np
import pytest

from explorer import Session, load_model
from explorer.export.explanation import derivation_files, explain
from explorer.lesson.by_hand import jacobian_matrix, torch_name
from explorer.model import Model

torch = pytest.importorskip("torch")

EXAMPLES = sorted((Path(__file__).resolve().parents[2] / "resources" / "examples").glob("*.json"))
#: the code of a line, the tensor whose ``.grad`` the comment promises, and the comment
LINE = re.compile(r"^(?P<code>\S.*?)  # (?P<comment>.*)$")
PROMISE = re.compile(r"(?P<name>[A-Za-z_]\w*)\.grad is now")
SETUP = re.compile(r"(?P<name>[A-Za-z_]\w*)\.requires_grad_\(\) ran before the forward pass")


def _forward(model: Model, requires: set[str]) -> dict[str, object]:
    """The model's forward pass in torch, from the file's numbers: parameters require grad, data as asked."""
    t: dict[str, object] = {}
    for node in model.order:
        op, ins = model.op(node), model.inputs(node)
        name = torch_name(node)
        if node in model.leaves:
            value = torch.tensor(np.array(model.value(node)), dtype=torch.float64)
            t[name] = value.requires_grad_(node in model.params or name in requires)
            continue
        x = {port: t[torch_name(source)] for port, source in ins.items()}
        if op == "linear":
            out = x["w"].T @ x["x"]
            t[name] = out + x["b"].reshape(-1, 1) if "b" in x else out
        elif op in {"sigmoid", "tanh", "relu"}:
            t[name] = getattr(torch, op)(x["x"])
        elif op == "leaky_relu":
            t[name] = torch.nn.functional.leaky_relu(x["x"], 0.01)
        elif op == "identity":
            t[name] = x["x"] * 1.0
        else:
            diff = x["pred"] - x["target"]
            t[name] = {"half_sse": 0.5 * (diff**2).sum(), "sse": (diff**2).sum(), "mse": (diff**2).mean()}[op]
    return t


def _lines(session: Session) -> set[tuple[str, str, str]]:
    """``(of, wrt, line)`` for every PyTorch line the explanation, the handout and the inspector's Jacobian show."""
    model = session.model
    found: set[tuple[str, str, str]] = set()
    for of in model.op_nodes:
        for wrt in model.inputs(of).values():
            jm = jacobian_matrix(session, of, wrt)
            if jm is not None:
                found.add((of, wrt, str(jm.torch)))
    # the printed texts: every line that carries a `.backward(` is one of the lines above
    by_line = {line: (of, wrt) for of, wrt, line in found}
    texts = [explain(session, node) for node in model.order if session.grad(node) is not None]
    texts += [derivation_files(session)["derivation.md"]]
    printed = 0
    for text in texts:
        for raw in text.splitlines():
            if ".backward(" not in raw:
                continue
            line = raw.split("PyTorch: ", 1)[-1].strip().strip("`")
            assert line in by_line, f"a PyTorch line no Jacobian gives: {raw!r}"
            printed += 1
    assert printed, "the explanations print no PyTorch line"
    return found


def _run(model: Model, session: Session, of: str, line: str, *, setup: bool) -> tuple[str, object]:
    match = LINE.match(line)
    assert match, line
    promised = PROMISE.search(match["comment"])
    assert promised, f"the line promises no .grad: {line!r}"
    needs = SETUP.search(match["comment"])
    namespace = _forward(model, {needs["name"]} if needs and setup else set())
    upstream = session.grad(of)
    if model.shape(of):
        namespace["v"] = torch.tensor(np.array(upstream), dtype=torch.float64)
    exec(match["code"], {"torch": torch}, namespace)  # the line itself, as printed
    return promised["name"], namespace[promised["name"]].grad  # type: ignore[attr-defined]


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_every_printed_pytorch_line_leaves_the_promised_grad(path: Path) -> None:
    model = load_model(path)
    session = Session(model)
    session.run()
    lines = _lines(session)
    assert lines, "no PyTorch line found"
    for of, wrt, line in sorted(lines):
        jm = jacobian_matrix(session, of, wrt)
        assert jm is not None
        name, grad = _run(model, session, of, line, setup=True)
        assert name == torch_name(wrt), line
        assert grad is not None, f"torch leaves {name}.grad None after {line!r}"
        np.testing.assert_allclose(grad.numpy(), jm.result, rtol=1e-10, atol=1e-12, err_msg=line)
        # Jᵀv along the one edge is the node's whole gradient when it feeds one consumer
        if len(model.consumers(wrt)) == 1 and session.grad(wrt) is not None:
            np.testing.assert_allclose(grad.numpy(), session.grad(wrt), rtol=1e-10, atol=1e-12, err_msg=line)
        if SETUP.search(line):  # the comment says the .grad stays None without requires_grad_()
            _, none = _run(model, session, of, line, setup=False)
            assert none is None, line


def test_the_lines_name_what_torch_needs() -> None:
    """A tensor computed in the forward pass needs retain_grad(); data needs requires_grad_(); a parameter neither."""
    session = Session(load_model(EXAMPLES[[p.stem for p in EXAMPLES].index("toy")]))
    session.run()
    assert str(jacobian_matrix(session, "Yhat", "H2").torch).startswith("H2.retain_grad(); Yhat.backward(gradient=v)")  # type: ignore[union-attr]
    assert str(jacobian_matrix(session, "L", "Yhat").torch).startswith("Yhat.retain_grad(); L.backward()")  # type: ignore[union-attr]
    assert "X.requires_grad_() ran before the forward pass" in str(jacobian_matrix(session, "H1", "X").torch)  # type: ignore[union-attr]
    assert str(jacobian_matrix(session, "Yhat", "W3").torch).startswith("Yhat.backward(gradient=v)  #")  # type: ignore[union-attr]
