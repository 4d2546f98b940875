"""Run an attack case through one surface in a subprocess and list what did not hold.

A run holds when: it ends within its time under a 4 GiB address-space
limit; it exits 0, 1 or 2; standard error holds no traceback, no "internal
error" and no numpy ``RuntimeWarning``, and nothing at all after a success;
a refusal (exit 2) is one line; the
case's expectation is met (``ok`` loads and runs, ``refused`` exits 2 naming
what it should); and nothing is half-written (an export folder holds all its
files or does not exist, with no temporary folder left beside it; a
screenshot is a whole PNG or no file).
"""

from __future__ import annotations

import json
import os
import resource
import shutil
import struct
import subprocess
import sys
import tempfile
import time
import zlib
from dataclasses import dataclass, field
from pathlib import Path

from .corpus import Case

ROOT = Path(__file__).resolve().parents[2]
#: The address-space limit of every run.
ADDRESS_SPACE = 4 * 1024**3
#: Files an export writes, without and with ``--code``.
EXPORT_FILES = {"snapshot.json", "graph.png", "graph.svg"}
CODE_FILES = {"model_numpy.py", "model_torch.py", "derivation.md", "derivation.tex"}
TABS = ("value", "gradient", "jacobian", "breakdown")


def has_train() -> bool:
    """Whether this version of the program has a ``train`` command."""
    from explorer import cli
    return "train" in getattr(cli, "COMMANDS", ())


def surfaces() -> list[str]:
    """Every surface a case goes through."""
    names = ["load", "check", "export", "export-code", "explain-json", "screenshot"]
    names += [f"screenshot-{tab}" for tab in TABS]
    if has_train():
        names.append("train")
    names.append("exercise-make")
    return names


@dataclass
class Outcome:
    case: str
    surface: str
    code: int | None  # None: timed out
    seconds: float
    peak_mib: float
    stderr: str
    problems: list[str] = field(default_factory=list)

    @property
    def held(self) -> bool:
        return not self.problems


def _limit() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (ADDRESS_SPACE, ADDRESS_SPACE))


def _arguments(case: Case, surface: str, out: Path) -> list[str]:
    model = str(case.path)
    if surface == "load":
        return ["load", model]
    if surface == "check":
        args = ["check", model]
    elif surface == "export":
        args = ["export", model, "--out", str(out / "export")]
    elif surface == "export-code":
        args = ["export", model, "--out", str(out / "export"), "--code"]
    elif surface == "explain-json":
        args = ["explain", model, "--format", "json"]
    elif surface == "train":
        args = ["train", model, "--steps", "2", "--lr", "0.01", "--out", str(out / "trained.json")]
    elif surface == "exercise-make":
        args = ["exercise", "make", model, "--out", str(out / "exercises.json"), "--count", "1"]
    elif surface.startswith("screenshot"):
        args = ["screenshot", model, "--out", str(out / "shot.png")]
        if surface != "screenshot":
            args += ["--tab", surface.split("-", 1)[1]]
    else:
        raise ValueError(surface)
    return ["cli", *args, *case.extra.get(surface, [])]


def run(case: Case, surface: str, timeout: float = 120.0) -> Outcome:
    """Run ``case`` through ``surface`` in a subprocess and judge the result."""
    out = Path(tempfile.mkdtemp(prefix="attack-"))
    try:
        rss = out / "rss"
        env = dict(os.environ, PYTHONPATH=str(ROOT), QT_QPA_PLATFORM="offscreen", PYTHONDONTWRITEBYTECODE="1")
        env.pop("JACOBIAN_EXPLORER_DEBUG", None)
        command = [sys.executable, "-m", "tests.attacks.launch", str(rss), *_arguments(case, surface, out)]
        start = time.monotonic()
        try:
            done = subprocess.run(command, capture_output=True, timeout=timeout, env=env, cwd=out,
                                  preexec_fn=_limit, stdin=subprocess.DEVNULL)
            code: int | None = done.returncode
            stdout = done.stdout.decode("utf-8", "replace")
            stderr = done.stderr.decode("utf-8", "replace")
        except subprocess.TimeoutExpired as expired:
            code, stdout = None, ""
            stderr = (expired.stderr or b"").decode("utf-8", "replace")
        seconds = time.monotonic() - start
        peak = int(rss.read_text()) / 1024 if rss.exists() and rss.read_text() else float("nan")
        outcome = Outcome(case.name, surface, code, seconds, peak, stderr)
        outcome.problems = _judge(case, surface, code, stdout, stderr, out, timeout)
        return outcome
    finally:
        shutil.rmtree(out, ignore_errors=True)


def _judge(case: Case, surface: str, code: int | None, stdout: str, stderr: str, out: Path,
           timeout: float) -> list[str]:
    problems = []
    if code is None:
        return [f"still running after {timeout:.0f} s"]
    if code not in (0, 1, 2):
        problems.append(f"exit {code}" + (" (a signal)" if code < 0 else ""))
    if "Traceback" in stderr:
        problems.append("a traceback on stderr")
    if "internal error" in stderr:
        problems.append("'internal error' on stderr")
    if "RuntimeWarning" in stderr:
        problems.append("a numpy RuntimeWarning on stderr")
    lines = [line for line in stderr.splitlines() if line.strip()]
    if code == 2 and len(lines) != 1:
        problems.append(f"refused with {len(lines)} lines on stderr, not one")
    if code == 0 and lines:
        problems.append(f"succeeded but wrote to stderr: {lines[0][:160]!r}")
    if case.expect == "refused" and code != 2:
        problems.append(f"expected a refusal (exit 2), got exit {code}")
    if case.expect == "ok" and code != 0 and not (code == 2 and surface in case.may_refuse):
        problems.append(f"expected success, got exit {code}: {lines[-1][:200] if lines else ''}")
    if code == 2 and case.mentions and case.mentions not in stderr:
        problems.append(f"the refusal does not name {case.mentions!r}")
    if surface.startswith("export"):
        problems += _judge_export(surface, code, out)
    elif surface.startswith("screenshot"):
        problems += _judge_png(out / "shot.png", code)
    elif surface == "train":
        trained = out / "trained.json"
        if code == 0 and not trained.is_file():
            problems.append("train exited 0 without writing --out")
        elif code == 0:
            try:
                json.loads(trained.read_text("utf-8"), parse_constant=_no_constant)
            except ValueError as error:
                problems.append(f"the trained model is not valid JSON: {str(error)[:120]}")
        elif trained.exists():
            problems.append("a failed train left its --out behind")
    elif surface == "exercise-make":
        made = out / "exercises.json"
        if code == 0:
            from explorer.model import ModelError
            from explorer.practice import read_exercises

            try:
                read_exercises(made)
            except ModelError as error:
                problems.append(f"the exercise file made does not read back: {str(error)[:160]}")
        elif made.exists():
            problems.append("a refused exercise make left its --out behind")
    elif surface == "explain-json" and code == 0:
        try:
            json.loads(stdout, parse_constant=_no_constant)
        except ValueError as error:
            problems.append(f"explain printed no valid JSON: {error}")
    leftovers = [p.name for p in out.iterdir() if p.name.startswith(".") or p.name.endswith(".partial")]
    if leftovers:
        problems.append(f"temporary files left: {leftovers}")
    return problems


def _no_constant(name: str) -> float:
    raise ValueError(f"{name} in the JSON")


def _judge_export(surface: str, code: int, out: Path) -> list[str]:
    folder = out / "export"
    expected = EXPORT_FILES | (CODE_FILES if surface == "export-code" else set())
    if code != 0:
        return [f"a refused export left {folder.name}/ behind"] if folder.exists() else []
    if not folder.is_dir():
        return ["exit 0 but no export folder"]
    present = {p.name for p in folder.iterdir()}
    if present != expected:
        return [f"the export holds {sorted(present)}, not {sorted(expected)}"]
    problems = _judge_png(folder / "graph.png", 0)
    snapshot = folder / "snapshot.json"
    if snapshot.stat().st_size < 64 * 1024**2:
        try:
            json.loads(snapshot.read_text("utf-8"), parse_constant=_no_constant)
        except ValueError as error:
            problems.append(f"snapshot.json is not valid JSON: {str(error)[:120]}")
    if b"</svg>" not in (folder / "graph.svg").read_bytes()[-200:]:
        problems.append("graph.svg is cut short")
    return problems


def png_size(data: bytes) -> tuple[int, int]:
    """Width and height of a whole PNG; ``ValueError`` when it is not one (bad signature, chunk, CRC or end)."""
    if not data.startswith(b"\x89PNG\r\n\x1a\n"):
        raise ValueError("not a PNG signature")
    position, size, ended, image = 8, None, False, b""
    while position < len(data):
        if position + 8 > len(data):
            raise ValueError("a chunk is cut short")
        length, kind = struct.unpack(">I4s", data[position:position + 8])
        body = data[position + 8:position + 8 + length]
        crc = data[position + 8 + length:position + 12 + length]
        if len(body) != length or len(crc) != 4 or zlib.crc32(kind + body) != struct.unpack(">I", crc)[0]:
            raise ValueError(f"chunk {kind!r} is cut short or corrupt")
        if kind == b"IHDR":
            size = struct.unpack(">II", body[:8])
        elif kind == b"IDAT":
            image += body
        elif kind == b"IEND":
            ended = True
            break
        position += 12 + length
    if size is None or not ended or not image:
        raise ValueError("no header, no image data or no end")
    zlib.decompress(image)  # the pixels inflate
    return size


def _judge_png(path: Path, code: int) -> list[str]:
    if code != 0:
        return [f"a refused run left {path.name}"] if path.exists() else []
    if not path.exists():
        return [f"exit 0 but no {path.name}"]
    try:
        width, height = png_size(path.read_bytes())
    except (ValueError, zlib.error) as error:
        return [f"{path.name} is not a whole PNG: {error}"]
    return [] if width > 0 and height > 0 else [f"{path.name} is {width}×{height}"]
