"""Every entry of the op table is complete, and all it declares agrees.

For each op: every field is filled; the dense Jacobian agrees with central
finite differences in float64 and the VJP with the Jacobian contracted; the
numpy and torch code compute the entry's forward and the numpy VJP code its
VJP; the fused training kernel gives the same numbers bit for bit; the closed
forms format with the lecture's labels; an activation's derivative bound is
attained and never exceeded; the titles have their Korean in the catalogue.
A half-declared op fails here.
"""

from __future__ import annotations

import ast
import xml.etree.ElementTree as ET
from collections.abc import Mapping
from pathlib import Path

import numpy as np
import pytest

import explorer.ops
from explorer.ops import ACTIVATIONS, LOSSES, OPS, VECTOR_PORTS, Op
from explorer.resources import resources_dir

Array = np.ndarray
EPS = 1e-6
OP_NAMES = [name for name, op in OPS.items() if not op.is_leaf]


def sample_inputs(op: Op, seed: int = 0, batch: int = 3, with_optional: bool = True) -> dict[str, Array]:
    """Random float64 inputs for every port, kept away from any kink (so differences are meaningful)."""
    rng = np.random.default_rng(seed)

    def away(shape: tuple[int, ...]) -> Array:
        x = rng.uniform(0.2, 2.0, size=shape) * rng.choice([-1.0, 1.0], size=shape)
        return x + (op.kink or 0.0)

    if op.kind == "layer":
        n_in, n_out = 4, 3
        inputs = {"x": away((n_in, batch)), "w": away((n_in, n_out))}
        if with_optional:
            inputs["b"] = away((n_out,))
        return inputs
    if op.kind == "activation":
        return {"x": away((4, batch))}
    return {"pred": away((2, batch)), "target": away((2, batch))}


def variants(op: Op) -> list[dict[str, Array]]:
    return [sample_inputs(op, seed) for seed in range(3)] + (
        [sample_inputs(op, 9, with_optional=False)] if op.optional else []
    )


def finite_jacobian(op: Op, inputs: Mapping[str, Array], port: str) -> Array:
    out = op.forward(inputs)
    base = inputs[port]
    jac = np.empty(out.shape + base.shape)
    for index in np.ndindex(base.shape):
        values = []
        for delta in (EPS, -EPS):
            moved = base.copy()
            moved[index] += delta
            values.append(op.forward({**inputs, port: moved}))
        jac[(..., *index)] = (values[0] - values[1]) / (2 * EPS)
    return jac


# -- every field is filled ------------------------------------------------------------


@pytest.mark.parametrize("name", list(OPS))
def test_every_entry_is_complete(name: str) -> None:
    op = OPS[name]
    assert op.name == name
    assert op.kind in ("leaf", "layer", "activation", "loss")
    assert op.title.strip()
    assert op.description.strip()
    assert op.vector_ports <= set(op.ports)
    if op.is_leaf:
        assert not op.ports
        assert not op.vjp
        assert not op.jacobian
        assert op.code is None
        with pytest.raises(TypeError, match="leaf"):
            op.forward({})
        return
    ports = set(op.ports)
    assert op.required
    for table in (op.vjp, op.jacobian, op.closed_form, op.local_form):
        assert set(table) == ports, name
    assert op.formula.strip()
    assert op.code is not None
    assert op.code.numpy.strip()
    assert op.code.torch.strip()
    assert set(op.code.vjp) == ports
    assert bool(op.code.bias) == ("b" in op.optional)
    if op.kind == "activation":
        assert op.ports == ("x",)
        assert op.derivative_bound is not None
        assert op.derivative_bound > 0
        assert op.symbol.strip()
        assert op.formula == f"{op.symbol}({{x}})"
        assert op.kernel is not None
        assert set(op.kernel.vjp) == ports
        assert op.residual is None
    elif op.kind == "loss":
        assert op.ports == ("pred", "target")
        assert op.residual is not None
        assert op.derivative_bound is None
        assert op.kink is None
    else:
        assert op.kernel is not None
        assert set(op.kernel.vjp) == ports
        assert op.derivative_bound is None
        assert op.kink is None
        assert op.residual is None


def test_the_lists_come_from_the_table() -> None:
    assert tuple(n for n, op in OPS.items() if op.kind == "activation") == ACTIVATIONS
    assert tuple(n for n, op in OPS.items() if op.kind == "loss") == LOSSES
    assert {"sigmoid", "tanh", "relu", "leaky_relu", "identity"} <= set(ACTIVATIONS)
    assert {"b"} == VECTOR_PORTS


def test_the_table_is_the_bottom_of_the_house() -> None:
    """The table's modules import numpy, the standard library and each other: nothing else of the explorer, no Qt."""
    allowed = {"__future__", "collections", "dataclasses", "typing", "numpy", "explorer"}
    for path in sorted((Path(explorer.ops.__file__).parent).glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom):
                names = [node.module or ""]
            elif isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            else:
                continue
            for name in names:
                assert name.split(".")[0] in allowed, (path.name, name)
                assert not name.startswith("explorer") or name.startswith("explorer.ops"), (path.name, name)


# -- the mathematics agrees with itself and with finite differences ----------------------------


@pytest.mark.parametrize("name", OP_NAMES)
def test_jacobian_agrees_with_central_differences(name: str) -> None:
    op = OPS[name]
    for inputs in variants(op):
        out = op.forward(inputs)
        assert out.dtype == np.float64
        for port in op.ports:
            if port not in inputs:
                continue
            jac = op.jacobian[port](inputs, out)
            assert jac.shape == out.shape + inputs[port].shape, (name, port)
            np.testing.assert_allclose(jac, finite_jacobian(op, inputs, port), rtol=1e-6, atol=1e-8, err_msg=f"{name}/{port}")


@pytest.mark.parametrize("name", OP_NAMES)
def test_vjp_is_the_jacobian_contracted(name: str) -> None:
    op = OPS[name]
    rng = np.random.default_rng(1)
    for inputs in variants(op):
        out = op.forward(inputs)
        upstream = rng.standard_normal(out.shape)
        for port in inputs:
            jac = op.jacobian[port](inputs, out)
            expected = np.tensordot(upstream, jac, axes=out.ndim)
            got = op.vjp[port](inputs, out, upstream)
            assert got.shape == inputs[port].shape
            np.testing.assert_allclose(got, expected, rtol=1e-12, atol=1e-14, err_msg=f"{name}/{port}")


@pytest.mark.parametrize("name", OP_NAMES)
def test_kernel_or_residual_gives_the_same_numbers_bit_for_bit(name: str) -> None:
    op = OPS[name]
    rng = np.random.default_rng(2)
    for inputs in variants(op):
        out = op.forward(inputs)
        if op.residual is not None:
            r = inputs["pred"] - inputs["target"]
            assert op.residual.of_sum(float(np.sum(r * r)), r.size) == float(out)
            np.testing.assert_array_equal(op.residual.scale(r.size) * r, op.vjp["pred"](inputs, out, np.ones(())))
            continue
        assert op.kernel is not None
        buffer = np.full(out.shape, np.nan)
        op.kernel.forward(inputs, buffer)()
        np.testing.assert_array_equal(buffer, out)
        upstream = rng.standard_normal(out.shape)
        for port in inputs:
            dst = np.full(inputs[port].shape, np.nan)
            step = op.kernel.vjp[port](inputs, out, upstream, dst)
            step()
            step()  # a step runs again and again on the same buffers
            np.testing.assert_array_equal(dst, op.vjp[port](inputs, out, upstream), err_msg=f"{name}/{port}")


# -- the code computes what the entry computes -----------------------------------------------


def _format(template: str, names: Mapping[str, str], **extra: str) -> str:
    return template.format(**names, **extra)


@pytest.mark.parametrize("name", OP_NAMES)
def test_numpy_code_computes_the_forward_and_the_vjp(name: str) -> None:
    op = OPS[name]
    assert op.code is not None
    rng = np.random.default_rng(3)
    for inputs in variants(op):
        names = {port: f"v_{port}" for port in inputs}
        scope: dict[str, object] = {"np": np, **{names[p]: inputs[p].copy() for p in inputs}}
        expr = _format(op.code.numpy, names) + (_format(op.code.bias, names) if "b" in inputs else "")
        out = op.forward(inputs)
        np.testing.assert_allclose(eval(expr, scope), out, rtol=1e-13, atol=1e-15)
        upstream = rng.standard_normal(out.shape) if out.ndim else np.float64(1.7)
        scope.update(v_out=out, v_g=upstream)
        for port in inputs:
            got = eval(_format(op.code.vjp[port], names, out="v_out", g="v_g"), scope)
            np.testing.assert_allclose(got, op.vjp[port](inputs, out, upstream), rtol=1e-13, atol=1e-15, err_msg=port)


@pytest.mark.parametrize("name", OP_NAMES)
def test_torch_code_computes_the_forward_and_autograd_the_vjp(name: str) -> None:
    torch = pytest.importorskip("torch")
    op = OPS[name]
    assert op.code is not None
    rng = np.random.default_rng(4)
    for inputs in variants(op):
        names = {port: f"v_{port}" for port in inputs}
        tensors = {p: torch.tensor(inputs[p], dtype=torch.float64, requires_grad=True) for p in inputs}
        scope: dict[str, object] = {"torch": torch, **{names[p]: tensors[p] for p in inputs}}
        expr = _format(op.code.torch, names) + (_format(op.code.bias, names) if "b" in inputs else "")
        result = eval(expr, scope)
        out = op.forward(inputs)
        np.testing.assert_allclose(result.detach().numpy(), out, rtol=1e-13, atol=1e-15)
        upstream = rng.standard_normal(out.shape)
        result.backward(torch.tensor(upstream, dtype=torch.float64))
        for port in inputs:
            np.testing.assert_allclose(
                tensors[port].grad.numpy(), op.vjp[port](inputs, out, upstream), rtol=1e-12, atol=1e-14, err_msg=port
            )


# -- what the lecture and the window read ------------------------------------------------------


@pytest.mark.parametrize("name", OP_NAMES)
def test_closed_forms_format_with_the_lectures_labels(name: str) -> None:
    op = OPS[name]
    labels = {port: f"‹{port}›" for port in op.ports}
    assert "‹" in op.formula.format(**labels)
    for port in op.ports:
        assert op.closed_form[port].format(**labels).strip()
        for batch in (1, 4):
            text, latex = op.local_form[port]({**labels, "out": "‹out›"}, {**labels, "out": "‹out›"}, batch)
            assert text.strip()
            assert latex.strip()
            assert "{" not in text, (port, text)
            assert "{{" not in latex, (port, latex)


@pytest.mark.parametrize("name", ACTIVATIONS)
def test_activation_bound_is_attained_and_never_exceeded(name: str) -> None:
    op = OPS[name]
    x = np.linspace(-8.0, 8.0, 16001).reshape(1, -1)
    out = op.forward({"x": x})
    slope = op.vjp["x"]({"x": x}, out, np.ones_like(out))
    assert op.derivative_bound is not None
    assert np.max(np.abs(slope)) <= op.derivative_bound + 1e-12
    assert np.max(np.abs(slope)) == pytest.approx(op.derivative_bound, rel=1e-6)


@pytest.mark.parametrize("name", ACTIVATIONS)
def test_a_kink_is_where_the_slope_jumps(name: str) -> None:
    op = OPS[name]

    def slope(at: float) -> float:
        x = np.array([[at]])
        return float(op.vjp["x"]({"x": x}, op.forward({"x": x}), np.ones((1, 1)))[0, 0])

    points = np.linspace(-3.0, 3.0, 61)
    jumps = [float(p) for p in points if abs(slope(p + 1e-9) - slope(p - 1e-9)) > 1e-3]
    assert jumps == ([] if op.kink is None else [op.kink])


def _catalogue() -> dict[str, str]:
    root = ET.parse(resources_dir() / "i18n" / "explorer_ko.ts").getroot()
    found = {}
    for context in root.iter("context"):
        if context.findtext("name") == "Op":
            for message in context.iter("message"):
                translation = message.find("translation")
                if translation is not None and translation.get("type") not in ("unfinished", "obsolete", "vanished"):
                    found[message.findtext("source", "")] = translation.text or ""
    return found


@pytest.mark.parametrize("name", list(OPS))
def test_titles_have_their_korean(name: str) -> None:
    catalogue = _catalogue()
    assert catalogue.get(OPS[name].title, "").strip(), OPS[name].title
    assert catalogue.get(OPS[name].description, "").strip(), OPS[name].description
