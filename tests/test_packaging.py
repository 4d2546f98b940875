"""The installed program works without the source checkout, and the core never imports Qt."""

import json
import os
import subprocess
import sys
import sysconfig
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

# Run inside the fresh virtual environment: where explorer comes from, and the toy example.
_CHECK_INSTALLED = """
import json
import explorer
from explorer.model.examples import example_names, toy_model
from explorer.resources import example_path, resources_dir

model = toy_model()
print(json.dumps({
    "explorer": explorer.__file__,
    "resources": str(resources_dir()),
    "toy": str(example_path("toy")),
    "examples": example_names(),
    "order": list(model.order),
    "shape_W3": list(model.shape("W3")),
}))
"""


def _clean_env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV")}
    env["QT_QPA_PLATFORM"] = "offscreen"
    return env


def _run(*command, cwd: Path) -> subprocess.CompletedProcess:
    result = subprocess.run(
        [str(c) for c in command], capture_output=True, text=True, cwd=cwd, env=_clean_env(), check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return result


def test_a_wheel_install_finds_its_resources(tmp_path):
    """Build a wheel, install it (not editable) into a fresh venv and load the bundled toy model."""
    _run(sys.executable, "-m", "pip", "wheel", "--no-deps", "-w", tmp_path / "dist", ROOT, cwd=tmp_path)
    wheel = next((tmp_path / "dist").glob("jacobian_explorer-*.whl"))

    venv = tmp_path / "venv"
    _run(sys.executable, "-m", "venv", venv, cwd=tmp_path)
    _run(venv / "bin" / "pip", "install", "--no-deps", wheel, cwd=tmp_path)

    # numpy and networkx come from this test run's environment. A .pth file
    # puts its site-packages *after* the new venv's own, so `import explorer`
    # finds the wheel's copy first, and the checkout's editable-install hook
    # (a .pth file in that folder) is not run: .pth files only take effect in
    # a site directory itself.
    where = _run(venv / "bin" / "python", "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])", cwd=tmp_path)
    new_site = Path(where.stdout.strip())
    (new_site / "test_dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8")

    # cwd is tmp_path, so the checkout is not on sys.path either.
    found = json.loads(_run(venv / "bin" / "python", "-c", _CHECK_INSTALLED, cwd=tmp_path).stdout)

    installed = new_site / "explorer"
    assert Path(found["explorer"]).parent == installed
    assert Path(found["resources"]) == installed / "resources"
    assert Path(found["toy"]) == installed / "resources" / "examples" / "toy.json"
    assert not str(found["explorer"]).startswith(str(ROOT) + os.sep)
    assert found["examples"] == [
        "deep_relu", "deep_sigmoid", "lab_deep_relu", "lab_deep_sigmoid", "regression", "single_layer", "toy", "toy_batch"
    ]
    assert found["order"] == ["X", "W1", "H1", "W2", "H2", "W3", "Yhat", "Y", "L"]
    assert found["shape_W3"] == [3, 2]

    # The console script of the wheel runs the check on the bundled example.
    check = _run(venv / "bin" / "jacobian-explorer", "check", found["toy"], cwd=tmp_path)
    assert check.stdout.splitlines()[-1].startswith("ok: all 3 gradients agree")  # W1, W2, W3: X is data


_NO_QT = """
import sys
import explorer, explorer.model, explorer.engine, explorer.export.snapshot, explorer.cli, explorer.model.examples
qt = sorted(m for m in sys.modules if m.split(".")[0] in ("PySide6", "shiboken6", "pyqtgraph"))
print(",".join(qt))
"""


def test_the_core_imports_without_qt():
    result = subprocess.run(
        [sys.executable, "-c", _NO_QT], capture_output=True, text=True, env=_clean_env(), check=False
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == ""  # no Qt module was imported


def test_check_runs_without_importing_qt(tmp_path):
    code = (
        "import sys\n"
        "from explorer.cli import main\n"
        f"status = main(['check', {str(ROOT / 'resources' / 'examples' / 'toy.json')!r}])\n"
        "assert 'PySide6' not in sys.modules, 'check imported PySide6'\n"
        "raise SystemExit(status)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=_clean_env(), check=False)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_makefile_names_no_path_of_one_machine():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert "/opt/" not in makefile
    assert "/work/" not in makefile
    assert "/home/" not in makefile
    # torch comes only from the documented extra, through `make oracle`
    assert "'.[test,oracle]'" in makefile
    assert "torch" not in makefile.split("oracle:")[0].split("$(STAMP): pyproject.toml")[1]


def test_torch_is_an_optional_extra():
    import tomllib

    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert project["optional-dependencies"]["oracle"] == ["torch"]
    assert not any(dep.startswith("torch") for dep in project["dependencies"])
    assert not any(dep.startswith("torch") for dep in project["optional-dependencies"]["test"])
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "make oracle" in readme
    assert "make run" in readme
    assert "make test" in readme


def test_the_torch_oracle_tests_skip_when_torch_is_missing(tmp_path):
    """The oracle test module skips, not fails, where torch cannot be imported."""
    blocker = tmp_path / "torch.py"
    blocker.write_text("raise ModuleNotFoundError('No module named torch', name='torch')\n", encoding="utf-8")
    env = {**_clean_env(), "PYTHONPATH": os.pathsep.join([str(tmp_path), str(ROOT)])}
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", str(ROOT / "tests" / "engine" / "test_torch_oracle.py")],
        capture_output=True, text=True, env=env, cwd=ROOT, check=False,
    )
    assert result.returncode in (0, 5), result.stdout + result.stderr  # 5: every test of the run was skipped
    assert "skipped" in result.stdout
    assert "error" not in result.stdout
    assert "failed" not in result.stdout
