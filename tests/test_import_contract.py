"""The package's import contract, read from the source (ast), not from what happens to be loaded.

- ``explorer.model``, ``explorer.engine`` and ``explorer.export`` import
  neither Qt (PySide6, pyqtgraph) nor ``explorer.ui``, not even inside a function;
- no two explorer modules import each other in a loop at module level;
- imports inside functions (loaded when called) may close a loop only where
  listed in ``KNOWN_LOCAL_LOOPS``, each with its reason.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "explorer"
QT_FREE = ("explorer.model", "explorer.engine", "explorer.export")
FORBIDDEN = ("PySide6", "shiboken6", "pyqtgraph", "explorer.ui")

#: Loops that go through a function-local import: ``(importer, imported)`` of the local import.
KNOWN_LOCAL_LOOPS = {
    # the palette lives in app.py, which builds the window; the live theme object takes it over
    ("explorer.ui.main_window", "explorer.ui.app"),
    # the explain command borrows the command line's session loader and usage error when it runs
    ("explorer.commands.explain", "explorer.cli"),
}


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


MODULES = {module_name(path): path for path in sorted(PACKAGE.rglob("*.py"))}


def _is_type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _resolve(importer: str, node: ast.ImportFrom) -> list[str]:
    """The absolute names an ``import from`` brings in (the module and, if they are modules, its names)."""
    if node.level:
        package = importer.split(".")
        is_package = MODULES.get(importer, Path()).name == "__init__.py"
        base = package if is_package else package[:-1]
        base = base[: len(base) - (node.level - 1)]
        module = ".".join(base + ([node.module] if node.module else []))
    else:
        module = node.module or ""
    names = [module]
    for alias in node.names:
        candidate = f"{module}.{alias.name}"
        if candidate in MODULES:
            names.append(candidate)
    return names


def imports(name: str) -> tuple[set[str], set[str]]:
    """``(module-level imports, function-local imports)`` of module ``name``, as absolute names.

    Imports under ``if TYPE_CHECKING:`` are left out: they never run.
    """
    tree = ast.parse(MODULES[name].read_text(encoding="utf-8"))
    top: set[str] = set()
    local: set[str] = set()

    def visit(node: ast.AST, in_function: bool) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.If) and _is_type_checking(child):
                for other in child.orelse:
                    visit(other, in_function)
                continue
            target = local if in_function else top
            if isinstance(child, ast.Import):
                target.update(alias.name for alias in child.names)
            elif isinstance(child, ast.ImportFrom):
                target.update(_resolve(name, child))
            nested = in_function or isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda))
            visit(child, nested)

    visit(tree, False)
    return top, local


def _explorer_module(name: str) -> str | None:
    """The explorer module an imported name stands for (a module, or the package holding a name)."""
    while name:
        if name in MODULES:
            return name
        name = name.rpartition(".")[0]
    return None


def _graph(include_local: bool) -> dict[str, set[str]]:
    graph: dict[str, set[str]] = {}
    for name in MODULES:
        top, local = imports(name)
        edges = {_explorer_module(imported) for imported in (top | local if include_local else top)}
        graph[name] = {edge for edge in edges if edge is not None and edge != name}
    return graph


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components with more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    counter = [0]

    def strong(node: str) -> None:
        index[node] = low[node] = counter[0]
        counter[0] += 1
        stack.append(node)
        on_stack.add(node)
        for other in sorted(graph[node]):
            if other not in index:
                strong(other)
                low[node] = min(low[node], low[other])
            elif other in on_stack:
                low[node] = min(low[node], index[other])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            strong(node)
    return found


def _package_init_edges(graph: dict[str, set[str]]) -> dict[str, set[str]]:
    """Leave out a package's own ``__init__`` re-exporting its modules: Python loads those in order."""
    return {
        name: {other for other in edges if not (other.startswith(name + ".") and MODULES[name].name == "__init__.py")}
        for name, edges in graph.items()
    }


@pytest.mark.parametrize("name", [n for n in MODULES if n.startswith(QT_FREE)])
def test_qt_free_packages_import_no_qt_and_no_ui(name):
    top, local = imports(name)
    bad = sorted(i for i in top | local if i.split(".")[0] in FORBIDDEN or i.startswith(FORBIDDEN))
    assert not bad, f"{name} imports {bad}"


def test_the_contract_sees_a_forbidden_import(tmp_path, monkeypatch):
    """The walker itself: a Qt import inside a function of an export module is caught."""
    fake = PACKAGE / "export" / "snapshot.py"
    source = fake.read_text(encoding="utf-8") + "\n\ndef _draw():\n    from ..ui.canvas import GraphScene\n"
    path = tmp_path / "snapshot.py"
    path.write_text(source, encoding="utf-8")
    monkeypatch.setitem(MODULES, "explorer.export.snapshot", path)
    top, local = imports("explorer.export.snapshot")
    assert "explorer.ui.canvas" in local
    assert "explorer.ui.canvas" not in top


def test_no_import_cycles_at_module_level():
    graph = _package_init_edges(_graph(include_local=False))
    assert _cycles(graph) == []


def test_function_local_imports_close_only_the_known_loops():
    graph = _package_init_edges(_graph(include_local=True))
    for importer, imported in KNOWN_LOCAL_LOOPS:
        graph[importer].discard(imported)
    assert _cycles(graph) == []


def test_the_cycle_finder_finds_a_loop():
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
