"""The second attack corpus: what the program reads and writes besides a model (issue 13).

Every case builds its own scene in a folder (files, links, pipes, device
nodes of its own making, settings and autosaves of a throw-away home), runs
one surface as a careless or hostile user would, and returns what did not
hold (an empty list: it held). The classes:

``write``  the writing door: outputs that are inputs or each other, pipes,
           devices and folders at an output's name, links planted at a
           name, a set of files whole or absent, top-level keys kept;
``read``   the reading door: pipes, endless devices, huge and non-UTF-8
           files and names, for every kind of file the program reads;
``start``  the window opens whatever the settings, recent list, autosave
           folder and headers hold; what cannot be used is set aside;
``memory`` training memory bounded by the model, not by ``--steps``;
``message`` every failure one line of a few hundred characters, exit 2,
           the operating system's reason named.

Cases that need a user without privileges run their command through
``setpriv`` as nobody (skipped, with the reason, where that is impossible).
Device nodes are made with ``mknod`` in the case's folder (as root), so a
door that failed would replace the copy, never the system's own device.

``python -m tests.attacks.doors`` runs every case and prints held N/M.
"""

from __future__ import annotations

import errno
import json
import os
import shutil
import stat
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from .corpus import toy

ROOT = Path(__file__).resolve().parents[2]
#: The longest acceptable failure line (the program's prefix and a few hundred characters).
LONGEST_LINE = 450
NOBODY = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"]


class Skip(Exception):
    """The case cannot run here (the reason is the message)."""


@dataclass(frozen=True)
class DoorCase:
    name: str
    kind: str  # write, read, start, memory, message
    run: Callable[[Path], list[str]]
    subprocess: bool = False  # slow: starts a Python


CASES: list[DoorCase] = []


def case(kind: str, slow: bool = False) -> Callable[[Callable[[Path], list[str]]], Callable[[Path], list[str]]]:
    def register(function: Callable[[Path], list[str]]) -> Callable[[Path], list[str]]:
        CASES.append(DoorCase(function.__name__.removeprefix("case_").replace("_", "-"), kind, function, slow))
        return function

    return register


# -- helpers --------------------------------------------------------------------------------------


@dataclass
class Ran:
    code: int | None
    stdout: str
    stderr: str


def model_file(folder: Path, name: str = "m.json", extra: dict | None = None) -> Path:
    document = toy()
    document.update(extra or {})
    path = folder / name
    path.write_text(json.dumps(document), encoding="utf-8")
    return path


def cli(*args: object, cwd: Path | None = None) -> Ran:
    """``jacobian-explorer ARGS`` in this process (as the tests' ``run_cli``)."""
    from tests.cli_run import run_cli

    done = run_cli(*args, cwd=cwd)
    return Ran(done.returncode, done.stdout, done.stderr)


def _env(home: Path | None = None) -> dict[str, str]:
    env = dict(os.environ, PYTHONPATH=str(ROOT), QT_QPA_PLATFORM="offscreen", PYTHONDONTWRITEBYTECODE="1")
    env.pop("JACOBIAN_EXPLORER_DEBUG", None)
    if home is not None:
        env.update(HOME=str(home), XDG_CONFIG_HOME=str(home / "config"), XDG_DATA_HOME=str(home / "data"),
                   XDG_CACHE_HOME=str(home / "cache"), XDG_RUNTIME_DIR=str(home / "runtime"))
    return env


def _can_drop_privileges() -> None:
    if shutil.which("setpriv") is None:
        raise Skip("setpriv is not installed: the permission cases need a user without privileges")
    if os.geteuid() != 0:
        return  # already unprivileged: run the command directly
    probe = subprocess.run([*NOBODY, "true"], capture_output=True)
    if probe.returncode != 0:
        raise Skip(f"setpriv cannot drop to nobody here: {probe.stderr.decode(errors='replace')[:120]}")


def cli_process(*args: object, cwd: Path, nobody: bool = False, home: Path | None = None,
                timeout: float = 60) -> Ran:
    """``python -m explorer ARGS`` in its own process, as nobody when asked."""
    prefix: list[str] = []
    if nobody:
        _can_drop_privileges()
        prefix = NOBODY if os.geteuid() == 0 else []
    command = [*prefix, sys.executable, "-m", "explorer", *[os.fsencode(str(a)) for a in args]]
    try:
        done = subprocess.run(command, capture_output=True, timeout=timeout, env=_env(home), cwd=cwd,
                              stdin=subprocess.DEVNULL)
    except subprocess.TimeoutExpired:
        return Ran(None, "", "")
    return Ran(done.returncode, done.stdout.decode("utf-8", "replace"), done.stderr.decode("utf-8", "replace"))


def start_window(home: Path, *args: object, answer: str = "recover", nobody: bool = False,
                 timeout: float = 60) -> tuple[Ran, dict]:
    """The window started on ``home`` (its settings and autosaves), looked at once and closed."""
    prefix: list[str] = []
    if nobody:
        _can_drop_privileges()
        prefix = NOBODY if os.geteuid() == 0 else []
    command = [*prefix, sys.executable, "-m", "tests.attacks.start", answer, *[os.fsencode(str(a)) for a in args]]
    try:
        done = subprocess.run(command, capture_output=True, timeout=timeout, env=_env(home), cwd=ROOT,
                              stdin=subprocess.DEVNULL)
    except subprocess.TimeoutExpired:
        return Ran(None, "", ""), {}
    out = done.stdout.decode("utf-8", "replace")
    seen = next((json.loads(line[6:]) for line in out.splitlines() if line.startswith("SEEN: ")), {})
    return Ran(done.returncode, out, done.stderr.decode("utf-8", "replace")), seen


def refused(ran: Ran, *mentions: str) -> list[str]:
    """A clean refusal: exit 2, one line of at most LONGEST_LINE characters, naming ``mentions``."""
    problems = clean(ran)
    if ran.code != 2:
        problems.append(f"expected exit 2, got {ran.code}: {ran.stderr[-300:]!r}")
    lines = [line for line in ran.stderr.splitlines() if line.strip()]
    if ran.code == 2 and len(lines) != 1:
        problems.append(f"{len(lines)} lines on stderr, not one")
    for mention in mentions:
        if mention not in ran.stderr:
            problems.append(f"the refusal does not say {mention!r}: {ran.stderr[:300]!r}")
    return problems


def clean(ran: Ran) -> list[str]:
    """No hang, no traceback, no internal error, every line short."""
    if ran.code is None:
        return ["still running at the time limit (it blocked)"]
    problems = []
    if "Traceback" in ran.stderr or "internal error" in ran.stderr:
        problems.append(f"a traceback or internal error: {ran.stderr[-400:]!r}")
    if ran.code not in (0, 1, 2):
        problems.append(f"exit {ran.code}")
    long = [len(line) for line in ran.stderr.splitlines() if len(line) > LONGEST_LINE]
    if long:
        problems.append(f"a line of {long[0]:,} characters")
    return problems


def ok(ran: Ran) -> list[str]:
    problems = clean(ran)
    if ran.code != 0:
        problems.append(f"expected exit 0, got {ran.code}: {ran.stderr[-300:]!r}")
    return problems


def opened(ran: Ran, seen: dict) -> list[str]:
    """The window opened and closed cleanly."""
    problems = clean(ran)
    if ran.code != 0:
        problems.append(f"the program exited {ran.code}: {ran.stderr[-300:]!r}")
    if not seen.get("opened"):
        problems.append(f"the window did not open: {ran.stderr[-300:]!r}")
    return problems


def device(path: Path, major: int = 1, minor: int = 3) -> Path:
    """A character device node of our own (1,3 is null; 1,5 is zero); skip when nodes cannot be made."""
    try:
        os.mknod(path, stat.S_IFCHR | 0o666, os.makedev(major, minor))
    except (PermissionError, AttributeError, OSError) as error:
        raise Skip(f"cannot make a device node here ({error})") from None
    return path


def is_device(path: Path) -> bool:
    return stat.S_ISCHR(os.lstat(path).st_mode)


def unchanged(path: Path, before: bytes) -> list[str]:
    if not path.is_file():
        return [f"{path.name} is gone"]
    return [] if path.read_bytes() == before else [f"{path.name} was changed"]


def leftovers(folder: Path) -> list[str]:
    found = sorted(p.name for p in folder.iterdir() if p.name.startswith(".") and p.name.endswith((".tmp", ".partial")))
    return [f"temporary files left: {found}"] if found else []


def autosave_dir(home: Path) -> Path:
    return home / "data" / "Jacobian Explorer" / "Jacobian Explorer" / "autosave"


def settings_path(home: Path) -> Path:
    return home / "config" / "Jacobian Explorer" / "Jacobian Explorer.conf"


def set_aside(folder: Path, name: str) -> list[Path]:
    return sorted(folder.glob(f"{name}.unusable-*"))


def autosave_scene(home: Path, header: object | bytes | None = None, document: str | None = None,
                   key: str = "doc-attack000000000000000000") -> tuple[Path, Path, Path]:
    """An autosave a crashed explorer left: document, header (JSON of ``header``, or raw bytes), no live lock."""
    folder = autosave_dir(home)
    folder.mkdir(parents=True, exist_ok=True)
    text, info, lock = folder / f"{key}.json", folder / f"{key}.info.json", folder / f"{key}.lock"
    text.write_text(json.dumps(toy()) if document is None else document, encoding="utf-8")
    if header is None:
        header = {"format": "jacobian-explorer/autosave", "original_path": None,
                  "time": "2026-01-01T10:00:00+00:00", "pid": 999999}
    info.write_bytes(header if isinstance(header, bytes) else json.dumps(header).encode())
    return text, info, lock


def write_settings(home: Path, text: str | bytes) -> Path:
    path = settings_path(home)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    return path


# == write: the writing door =======================================================================


@case("write")
def case_train_log_is_the_model(tmp: Path) -> list[str]:
    model = model_file(tmp)
    before = model.read_bytes()
    ran = cli("train", model, "--steps", 3, "--lr", 0.1, "--log", model)
    return refused(ran, "same file") + unchanged(model, before)


@case("write")
def case_train_log_and_out_are_one_name(tmp: Path) -> list[str]:
    model = model_file(tmp)
    ran = cli("train", model, "--steps", 3, "--lr", 0.1, "--log", tmp / "X", "--out", tmp / "X")
    return refused(ran, "same file") + ([] if not (tmp / "X").exists() else ["X was written"])


@case("write")
def case_train_log_is_a_link_to_the_model(tmp: Path) -> list[str]:
    model = model_file(tmp)
    before = model.read_bytes()
    (tmp / "log.csv").symlink_to(model)
    ran = cli("train", model, "--steps", 3, "--lr", 0.1, "--log", tmp / "log.csv")
    return refused(ran, "same file") + unchanged(model, before)


@case("write")
def case_train_log_is_a_hard_link_of_out(tmp: Path) -> list[str]:
    model = model_file(tmp)
    (tmp / "out.json").write_text("keep")
    os.link(tmp / "out.json", tmp / "log.csv")
    ran = cli("train", model, "--steps", 3, "--lr", 0.1, "--log", tmp / "log.csv", "--out", tmp / "out.json")
    return refused(ran, "same file") + unchanged(tmp / "out.json", b"keep")


@case("write")
def case_train_log_through_a_relative_spelling_of_the_model(tmp: Path) -> list[str]:
    model = model_file(tmp)
    before = model.read_bytes()
    (tmp / "sub").mkdir()
    ran = cli("train", "m.json", "--steps", 3, "--lr", 0.1, "--log", "sub/../m.json", cwd=tmp)
    return refused(ran, "same file") + unchanged(model, before)


@case("write")
def case_train_log_is_a_named_pipe(tmp: Path) -> list[str]:
    model = model_file(tmp)
    os.mkfifo(tmp / "log.csv")
    ran = cli("train", model, "--steps", 3, "--lr", 0.1, "--log", tmp / "log.csv")
    still = stat.S_ISFIFO(os.lstat(tmp / "log.csv").st_mode)
    return refused(ran, "not a regular file") + ([] if still else ["the pipe was replaced"])


@case("write")
def case_train_log_is_a_device(tmp: Path) -> list[str]:
    model = model_file(tmp)
    log = device(tmp / "null")
    ran = cli("train", model, "--steps", 3, "--lr", 0.1, "--log", log)
    return refused(ran, "not a regular file") + ([] if is_device(log) else ["the device node was replaced"])


@case("write")
def case_train_log_is_a_link_to_a_device(tmp: Path) -> list[str]:
    model = model_file(tmp)
    node = device(tmp / "null")
    (tmp / "log.csv").symlink_to(node)
    ran = cli("train", model, "--steps", 3, "--lr", 0.1, "--log", tmp / "log.csv")
    return refused(ran) + ([] if is_device(node) else ["the device node was replaced"])


@case("write")
def case_train_out_is_a_device(tmp: Path) -> list[str]:
    model = model_file(tmp)
    node = device(tmp / "zero", 1, 5)
    ran = cli("train", model, "--steps", 3, "--lr", 0.1, "--out", node)
    return refused(ran, "not a regular file") + ([] if is_device(node) else ["the device node was replaced"])


@case("write")
def case_train_out_is_a_named_pipe(tmp: Path) -> list[str]:
    model = model_file(tmp)
    os.mkfifo(tmp / "out.json")
    ran = cli("train", model, "--steps", 3, "--lr", 0.1, "--out", tmp / "out.json")
    return refused(ran) + ([] if stat.S_ISFIFO(os.lstat(tmp / "out.json").st_mode) else ["the pipe was replaced"])


@case("write")
def case_train_log_is_a_folder(tmp: Path) -> list[str]:
    model = model_file(tmp)
    (tmp / "log.csv").mkdir()
    ran = cli("train", model, "--steps", 3, "--lr", 0.1, "--log", tmp / "log.csv")
    return refused(ran, "folder") + ([] if (tmp / "log.csv").is_dir() else ["the folder was replaced"])


@case("write")
def case_train_log_predictable_temporary_name_planted(tmp: Path) -> list[str]:
    model = model_file(tmp)
    victim = tmp / "victim.txt"
    victim.write_text("precious")
    for name in (f".log.csv.tmp{os.getpid()}", ".log.csv.tmp", "log.csv.tmp", ".log.csv.partial"):
        (tmp / name).symlink_to(victim)
    ran = cli("train", model, "--steps", 3, "--lr", 0.1, "--log", tmp / "log.csv")
    log_ok = (tmp / "log.csv").is_file() and (tmp / "log.csv").read_text().startswith("iteration,loss")
    return ok(ran) + unchanged(victim, b"precious") + ([] if log_ok else ["no log written"])


@case("write")
def case_train_out_keeps_unknown_top_level_keys(tmp: Path) -> list[str]:
    model = model_file(tmp, extra={"course": {"week": 3, "notes": ["a", "b"]}, "author": "ㄱ"})
    ran = cli("train", model, "--steps", 3, "--lr", 0.1, "--out", tmp / "out.json")
    document = json.loads((tmp / "out.json").read_text()) if (tmp / "out.json").is_file() else {}
    kept = document.get("course") == {"week": 3, "notes": ["a", "b"]} and document.get("author") == "ㄱ"
    return ok(ran) + ([] if kept else [f"top-level keys dropped: {sorted(document)}"])


@case("write")
def case_train_out_in_place_keeps_unknown_top_level_keys(tmp: Path) -> list[str]:
    model = model_file(tmp, extra={"course": {"week": 3}})
    ran = cli("train", model, "--steps", 3, "--lr", 0.1, "--out", model, "--log", tmp / "log.csv")
    document = json.loads(model.read_text())
    return ok(ran) + ([] if document.get("course") == {"week": 3} else ["--out over the input dropped 'course'"])


@case("write")
def case_apply_update_then_save_keeps_unknown_top_level_keys(tmp: Path) -> list[str]:
    from explorer.engine import Session
    from explorer.model import load_model, save_model
    from explorer.train.update import apply_update

    path = model_file(tmp, extra={"course": {"week": 3}})
    session = Session(load_model(path))
    session.seek(session.total)
    result = apply_update(session.model, session, 0.1)
    save_model(result.model, tmp / "saved.json")
    document = json.loads((tmp / "saved.json").read_text())
    return [] if document.get("course") == {"week": 3} else ["Apply update then Save dropped 'course'"]


@case("write")
def case_train_result_model_keeps_extras_through_the_lab(tmp: Path) -> list[str]:
    from explorer.model import load_model
    from explorer.train.loop import train

    model = load_model(model_file(tmp, extra={"x-grade": 7}))
    trained = train(model, 5, 0.1).model
    return [] if dict(trained.extras) == {"x-grade": 7} else [f"extras after training: {dict(trained.extras)}"]


@case("write")
def case_screenshot_out_is_the_model(tmp: Path) -> list[str]:
    model = model_file(tmp)
    before = model.read_bytes()
    ran = cli("screenshot", model, "--out", model)
    return refused(ran, "same file") + unchanged(model, before)


@case("write")
def case_exercise_make_out_is_the_model(tmp: Path) -> list[str]:
    model = model_file(tmp)
    before = model.read_bytes()
    ran = cli("exercise", "make", model, "--out", model)
    return refused(ran, "same file") + unchanged(model, before)


@case("write")
def case_exercise_make_out_is_a_link_to_the_model(tmp: Path) -> list[str]:
    model = model_file(tmp)
    before = model.read_bytes()
    (tmp / "ex.json").symlink_to(model)
    ran = cli("exercise", "make", model, "--out", tmp / "ex.json")
    return refused(ran, "same file") + unchanged(model, before)


@case("write")
def case_export_over_its_own_input_snapshot(tmp: Path) -> list[str]:
    model = model_file(tmp)
    first = cli("export", model, "--out", tmp / "out")
    snapshot = tmp / "out" / "snapshot.json"
    before = snapshot.read_bytes() if snapshot.exists() else b""
    ran = cli("export", snapshot, "--out", tmp / "out")
    return ok(first) + refused(ran, "same file") + unchanged(snapshot, before)


@case("write")
def case_export_a_pipe_at_a_file_name(tmp: Path) -> list[str]:
    model = model_file(tmp)
    (tmp / "out").mkdir()
    os.mkfifo(tmp / "out" / "graph.png")
    ran = cli("export", model, "--out", tmp / "out")
    names = sorted(p.name for p in (tmp / "out").iterdir())
    return refused(ran) + ([] if names == ["graph.png"] else [f"the folder now holds {names}"])


@case("write")
def case_export_a_device_at_a_file_name(tmp: Path) -> list[str]:
    model = model_file(tmp)
    (tmp / "out").mkdir()
    node = device(tmp / "out" / "snapshot.json")
    ran = cli("export", model, "--out", tmp / "out")
    return refused(ran) + ([] if is_device(node) else ["the device node was replaced"])


@case("write")
def case_export_a_link_to_a_device_at_a_file_name(tmp: Path) -> list[str]:
    model = model_file(tmp)
    (tmp / "out").mkdir()
    node = device(tmp / "null")
    (tmp / "out" / "graph.svg").symlink_to(node)
    ran = cli("export", model, "--out", tmp / "out")
    problems = clean(ran) + ([] if is_device(node) else ["the device node behind the link was replaced"])
    if ran.code == 0 and not (tmp / "out" / "graph.svg").is_file():
        problems.append("exit 0 but graph.svg is not a file")
    return problems


@case("write")
def case_export_a_folder_at_a_file_name(tmp: Path) -> list[str]:
    model = model_file(tmp)
    (tmp / "out" / "graph.svg").mkdir(parents=True)
    ran = cli("export", model, "--out", tmp / "out")
    names = sorted(p.name for p in (tmp / "out").iterdir())
    return refused(ran, "folder") + ([] if names == ["graph.svg"] else [f"the folder now holds {names}"])


@case("write")
def case_export_out_is_a_file(tmp: Path) -> list[str]:
    model = model_file(tmp)
    (tmp / "out").write_text("mine")
    ran = cli("export", model, "--out", tmp / "out")
    return refused(ran, "not a folder") + unchanged(tmp / "out", b"mine")


@case("write")
def case_export_code_into_a_sticky_folder_with_another_users_file(tmp: Path) -> list[str]:
    _can_drop_privileges()
    if os.geteuid() != 0:
        raise Skip("making a file of another user needs root")
    model = model_file(tmp)
    model.chmod(0o644)
    shared = tmp / "shared"
    shared.mkdir()
    shared.chmod(0o1777)  # like /tmp: anyone writes, only owners replace
    theirs = shared / "model_torch.py"
    theirs.write_text("# someone else's\n")
    theirs.chmod(0o666)
    tmp.chmod(0o755)
    os.chown(tmp, 65534, 65534)  # the user's own folder holds the shared one: the export's staging folder fits
    ran = cli_process("export", model, "--out", shared, "--code", cwd=shared, nobody=True)
    names = sorted(p.name for p in shared.iterdir())
    problems = refused(ran)
    if names != ["model_torch.py"]:
        problems.append(f"the refused export left {names} (whole or absent)")
    return problems + unchanged(theirs, b"# someone else's\n")


@case("write")
def case_export_replacing_an_older_export_stays_whole_when_a_move_fails(tmp: Path) -> list[str]:
    from unittest import mock

    from explorer.export import file_set

    out = tmp / "out"
    file_set.write_file_set(out, {"a": "old a", "b": "old b", "c": "old c"})
    real = os.replace
    calls = {"failed": False}

    def second_fails(source, target):  # the move of b into place is refused once, as a sticky folder would
        if str(target).endswith("/b") and not calls["failed"]:
            calls["failed"] = True
            raise PermissionError(errno.EPERM, "Operation not permitted")
        return real(source, target)

    try:
        with mock.patch.object(file_set.os, "replace", second_fails):
            file_set.write_file_set(out, {"a": "new a", "b": "new b", "c": "new c"})
    except PermissionError:
        pass
    else:
        return ["the failed move was not reported"]
    now = {p.name: p.read_text() for p in out.iterdir()}
    return [] if now == {"a": "old a", "b": "old b", "c": "old c"} else [f"a mixed set: {now}"]


@case("write")
def case_save_model_into_a_named_pipe(tmp: Path) -> list[str]:
    from explorer.model import load_model, save_model

    model = load_model(model_file(tmp))
    os.mkfifo(tmp / "pipe.json")
    try:
        save_model(model, tmp / "pipe.json")
    except OSError as error:
        return [] if "not a regular file" in str(error) else [f"refused with {error}"]
    return ["saved into a pipe"]


@case("write")
def case_save_model_through_a_link_keeps_the_link(tmp: Path) -> list[str]:
    from explorer.model import load_model, save_model

    model = model_file(tmp)
    (tmp / "link.json").symlink_to(model)
    save_model(load_model(model), tmp / "link.json")
    problems = [] if (tmp / "link.json").is_symlink() else ["the link was replaced by a file"]
    return problems + leftovers(tmp)


@case("write")
def case_window_save_into_a_device(tmp: Path) -> list[str]:
    from explorer.ui.document.saving import write_file

    node = device(tmp / "zero", 1, 5)
    try:
        write_file(node, "{}")
    except OSError:
        return [] if is_device(node) else ["the device node was replaced"]
    return ["the window's save wrote into a device"]


@case("write")
def case_autosave_does_not_follow_a_link_planted_at_its_name(tmp: Path) -> list[str]:
    from explorer.ui.document.autosave import Autosave, document_key

    folder = tmp / "autosave"
    folder.mkdir()
    victim = tmp / "victim.txt"
    victim.write_text("precious")
    key = document_key(str(tmp / "m.json"))
    (folder / f"{key}.json").symlink_to(victim)
    autosave = Autosave(lambda: "{}", str(tmp / "m.json"), folder=folder)
    try:
        autosave.write_now()
    finally:
        autosave.close()
        autosave.deleteLater()
    return unchanged(victim, b"precious")


@case("write")
def case_autosave_header_name_planted_link(tmp: Path) -> list[str]:
    from explorer.ui.document.autosave import Autosave

    folder = tmp / "autosave"
    folder.mkdir()
    victim = tmp / "victim.txt"
    victim.write_text("precious")
    autosave = Autosave(lambda: "{}", None, folder=folder, key="untitled-0123456789abcdef")
    (folder / "untitled-0123456789abcdef.info.json").symlink_to(victim)
    written = False
    try:
        written = autosave.write_now()
    finally:
        autosave.close()
        autosave.deleteLater()
    return unchanged(victim, b"precious") + ([] if written else ["the autosave was not written"])


@case("write")
def case_autosave_lock_is_a_named_pipe(tmp: Path) -> list[str]:
    from explorer.ui.document.autosave import Autosave

    folder = tmp / "autosave"
    folder.mkdir()
    os.mkfifo(folder / "untitled-0123456789abcdef.lock")
    autosave = Autosave(lambda: "{}", None, folder=folder, key="untitled-0123456789abcdef")
    try:
        written = autosave.write_now()  # QLockFile would block reading the pipe
    finally:
        autosave.close()
        autosave.deleteLater()
    return [] if written else ["the autosave was not written"]


@case("write", slow=True)
def case_settings_file_is_a_link_to_a_device(tmp: Path) -> list[str]:
    home = tmp / "home"
    settings = settings_path(home)
    settings.parent.mkdir(parents=True)
    node = device(tmp / "zero", 1, 5)
    settings.symlink_to(node)
    ran, seen = start_window(home)
    problems = opened(ran, seen) + ([] if is_device(node) else ["the device node was replaced by the settings"])
    return problems + ([] if set_aside(settings.parent, settings.name) else ["the link was not set aside"])


@case("write", slow=True)
def case_reset_settings_with_a_link_to_a_device(tmp: Path) -> list[str]:
    home = tmp / "home"
    settings = settings_path(home)
    settings.parent.mkdir(parents=True)
    node = device(tmp / "null")
    settings.symlink_to(node)
    ran, seen = start_window(home, "--reset-settings")
    return opened(ran, seen) + ([] if is_device(node) else ["the device node was replaced"])


@case("write")
def case_plot_export_into_a_pipe_is_refused(tmp: Path) -> list[str]:
    from explorer.model.door import write_atomic

    os.mkfifo(tmp / "loss.png")
    try:
        write_atomic(tmp / "loss.png", b"\x89PNG")
    except OSError as error:
        return [] if "not a regular file" in str(error) else [str(error)]
    return ["wrote into a pipe"]


# == read: the reading door ========================================================================


def _exercise_file(tmp: Path) -> Path:
    made = cli("exercise", "make", model_file(tmp), "--out", tmp / "ex.json", "--count", 2)
    assert made.code == 0, made.stderr
    return tmp / "ex.json"


@case("read")
def case_model_name_not_utf8_checks(tmp: Path) -> list[str]:
    name = os.fsdecode(b"\xff\xfe-model.json")
    path = model_file(tmp, name)
    return ok(cli("check", path))


@case("read")
def case_model_name_not_utf8_trains_in_place(tmp: Path) -> list[str]:
    name = os.fsdecode(b"mod\xe8le.json")
    path = model_file(tmp, name)
    return ok(cli("train", path, "--steps", 2, "--lr", 0.1, "--out", path, "--log", tmp / os.fsdecode(b"l\xffg.csv")))


@case("read")
def case_model_name_not_utf8_exports(tmp: Path) -> list[str]:
    path = model_file(tmp, os.fsdecode(b"\x80.json"))
    return ok(cli("export", path, "--out", tmp / os.fsdecode(b"out\xff")))


@case("read", slow=True)
def case_model_name_not_utf8_in_a_process(tmp: Path) -> list[str]:
    path = model_file(tmp, os.fsdecode(b"\xc3\x28.json"))
    return ok(cli_process("exercise", "make", path, "--out", tmp / os.fsdecode(b"\xff.json"), cwd=tmp))


@case("read", slow=True)
def case_window_opens_a_model_whose_name_is_not_utf8(tmp: Path) -> list[str]:
    path = model_file(tmp, os.fsdecode(b"\xff\xfe.json"))
    ran, seen = start_window(tmp / "home", path)
    return opened(ran, seen)


@case("read")
def case_model_missing_with_a_name_not_utf8(tmp: Path) -> list[str]:
    return refused(cli("check", tmp / os.fsdecode(b"gone\xff.json")))


@case("read")
def case_exercise_file_is_a_named_pipe(tmp: Path) -> list[str]:
    exercises = _exercise_file(tmp)
    os.mkfifo(tmp / "answers.json")
    return refused(cli("exercise", "check", exercises, tmp / "answers.json"), "not a regular file")


@case("read")
def case_answers_link_to_an_endless_device(tmp: Path) -> list[str]:
    exercises = _exercise_file(tmp)
    (tmp / "answers.json").symlink_to(device(tmp / "zero", 1, 5))
    return refused(cli("exercise", "check", exercises, tmp / "answers.json"))


@case("read")
def case_exercises_sparse_past_the_limit(tmp: Path) -> list[str]:
    with open(tmp / "ex.json", "wb") as stream:
        stream.truncate(512 * 1024 * 1024 + 1)
    return refused(cli("exercise", "check", tmp / "ex.json", tmp / "ex.json"), "limit")


@case("read")
def case_exercises_are_a_folder(tmp: Path) -> list[str]:
    (tmp / "ex.json").mkdir()
    return refused(cli("exercise", "check", tmp / "ex.json", tmp / "ex.json"))


@case("read")
def case_snapshot_is_a_named_pipe_for_screenshot(tmp: Path) -> list[str]:
    os.mkfifo(tmp / "s.json")
    return refused(cli("screenshot", tmp / "s.json", "--out", tmp / "s.png"))


@case("read")
def case_recovery_read_text_refuses_a_pipe(tmp: Path) -> list[str]:
    from datetime import datetime

    from explorer.ui.document.autosave import Recovery

    os.mkfifo(tmp / "k.json")
    recovery = Recovery("k", tmp / "k.json", None, datetime.now().astimezone(), None)
    try:
        recovery.read_text()
    except OSError:
        return []
    return ["read a pipe"]


@case("read")
def case_recent_entries_past_the_path_limit(tmp: Path) -> list[str]:
    from explorer.ui.kit.settings import Settings

    ini = tmp / "s.ini"
    settings = Settings(ini)
    settings.store.setValue("files/recent", ["/" + "a" * 5000, "/" + "b/" * 3000, str(tmp / "x" / ("c" * 300))])
    settings.store.setValue("files/last_folder", "/" + "d" * 10000)
    kept, dropped = Settings(ini).prune_recent_files()
    problems = [] if kept == [] else [f"kept {kept}"]
    return problems + ([] if Settings(ini).last_folder is None else ["an over-long last folder kept"])


@case("read")
def case_settings_add_recent_file_with_a_name_not_utf8(tmp: Path) -> list[str]:
    from explorer.ui.kit.settings import Settings

    path = model_file(tmp, os.fsdecode(b"\xff.json"))
    settings = Settings(tmp / "s.ini")
    try:
        settings.add_recent_file(path)
        settings.prune_recent_files()
        settings.sync()
    except Exception as error:  # what the case looks for
        return [f"{type(error).__name__}: {error}"]
    return []


@case("read")
def case_settings_file_over_the_size_limit(tmp: Path) -> list[str]:
    from explorer.ui.kit.settings import Settings

    ini = tmp / "s.ini"
    with open(ini, "wb") as stream:
        stream.truncate(64 * 1024 * 1024)
    settings = Settings(ini)
    problems = [] if settings.problem else ["no problem reported"]
    return problems + ([] if set_aside(tmp, "s.ini") else ["the huge file was not set aside"])


@case("read")
def case_settings_file_is_a_named_pipe_in_process(tmp: Path) -> list[str]:
    from explorer.ui.kit.settings import Settings

    os.mkfifo(tmp / "s.ini")
    settings = Settings(tmp / "s.ini")  # QSettings would block reading the pipe
    settings.theme = "dark"
    settings.sync()
    return [] if set_aside(tmp, "s.ini") and (tmp / "s.ini").is_file() else ["the pipe was not set aside"]


@case("read")
def case_autosave_header_link_to_an_endless_device(tmp: Path) -> list[str]:
    from explorer.ui.document.autosave import pending_recoveries

    home = tmp / "home"
    _text, info, _lock = autosave_scene(home)
    info.unlink()
    info.symlink_to(device(tmp / "zero", 1, 5))
    start = time.monotonic()
    found = pending_recoveries(autosave_dir(home))
    problems = [] if time.monotonic() - start < 5 else ["it took over 5 s"]
    return problems + ([] if found == [] else ["a linked header was offered"])


@case("read")
def case_autosave_header_sparse_two_gigabytes(tmp: Path) -> list[str]:
    from explorer.ui.document.autosave import pending_recoveries

    home = tmp / "home"
    _text, info, _lock = autosave_scene(home)
    with open(info, "r+b") as stream:
        stream.truncate(2 * 1024**3)
    found = pending_recoveries(autosave_dir(home))
    return [] if len(found) == 1 else [f"{len(found)} recoveries offered, not 1 (dated by its file)"]


# == start: the window always starts ===============================================================


@case("start", slow=True)
def case_header_time_year_9999_minus_14(tmp: Path) -> list[str]:
    home = tmp / "home"
    autosave_scene(home, {"format": "jacobian-explorer/autosave", "original_path": None,
                          "time": "9999-12-31T23:59:59-14:00", "pid": 1})
    ran, seen = start_window(home, answer="discard")
    return opened(ran, seen) + ([] if "ASKED" in ran.stdout else ["the autosave was not offered"])


@case("start", slow=True)
def case_header_time_year_1_plus_14(tmp: Path) -> list[str]:
    home = tmp / "home"
    autosave_scene(home, {"format": "jacobian-explorer/autosave", "time": "0001-01-01T00:00:00+14:00"})
    ran, seen = start_window(home, answer="discard")
    return opened(ran, seen)


@case("start", slow=True)
def case_header_fields_of_every_wrong_type(tmp: Path) -> list[str]:
    home = tmp / "home"
    autosave_scene(home, {"format": 7, "original_path": ["x"], "time": {"a": 1}, "pid": 10**400})
    ran, seen = start_window(home, answer="discard")
    return opened(ran, seen)


@case("start", slow=True)
def case_header_original_path_two_million_characters(tmp: Path) -> list[str]:
    home = tmp / "home"
    autosave_scene(home, {"format": "jacobian-explorer/autosave", "original_path": "/" + "p" * 2_000_000,
                          "time": "2026-01-01T00:00:00+00:00"})
    ran, seen = start_window(home, answer="recover")
    problems = opened(ran, seen)
    if len(seen.get("title", "")) > 200:
        problems.append(f"a title of {len(seen['title']):,} characters")
    return problems


@case("start", slow=True)
def case_header_is_a_json_list(tmp: Path) -> list[str]:
    home = tmp / "home"
    autosave_scene(home, b"[1, 2, 3]")
    ran, seen = start_window(home, answer="discard")
    return opened(ran, seen)


@case("start", slow=True)
def case_header_is_a_named_pipe(tmp: Path) -> list[str]:
    home = tmp / "home"
    _text, info, _lock = autosave_scene(home)
    info.unlink()
    os.mkfifo(info)
    ran, seen = start_window(home, timeout=40)
    return opened(ran, seen) + ([] if set_aside(info.parent, info.name) else ["the pipe was not set aside"])


@case("start", slow=True)
def case_lock_is_a_named_pipe(tmp: Path) -> list[str]:
    home = tmp / "home"
    _text, _info, lock = autosave_scene(home)
    os.mkfifo(lock)
    ran, seen = start_window(home, answer="discard", timeout=40)
    return opened(ran, seen)


@case("start", slow=True)
def case_lock_is_a_folder(tmp: Path) -> list[str]:
    home = tmp / "home"
    _text, _info, lock = autosave_scene(home)
    lock.mkdir()
    ran, seen = start_window(home, answer="discard", timeout=40)
    return opened(ran, seen)


@case("start", slow=True)
def case_autosave_document_is_a_named_pipe(tmp: Path) -> list[str]:
    home = tmp / "home"
    text, _info, _lock = autosave_scene(home)
    text.unlink()
    os.mkfifo(text)
    ran, seen = start_window(home, timeout=40)
    return opened(ran, seen)


@case("start", slow=True)
def case_autosave_document_link_to_an_endless_device(tmp: Path) -> list[str]:
    home = tmp / "home"
    text, _info, _lock = autosave_scene(home)
    text.unlink()
    text.symlink_to(device(tmp / "zero", 1, 5))
    ran, seen = start_window(home, timeout=40)
    return opened(ran, seen)


@case("start", slow=True)
def case_recover_a_corrupt_autosave_keeps_it(tmp: Path) -> list[str]:
    home = tmp / "home"
    text, _info, _lock = autosave_scene(home, document='{"format": "jacobian-explorer/model", "nodes": [')
    ran, seen = start_window(home, answer="recover")
    kept = set_aside(text.parent, text.name)
    problems = opened(ran, seen) + ([] if "Cannot recover" in ran.stdout else ["the failure was not said"])
    if not kept or kept[0].read_text() != '{"format": "jacobian-explorer/model", "nodes": [':
        problems.append("the autosave (the only copy of those edits) was not kept")
    return problems


@case("start", slow=True)
def case_recover_a_truncated_autosave_keeps_it(tmp: Path) -> list[str]:
    home = tmp / "home"
    whole = json.dumps(toy())
    text, _info, _lock = autosave_scene(home, document=whole[: len(whole) // 2])
    ran, seen = start_window(home, answer="recover")
    kept = set_aside(text.parent, text.name)
    return opened(ran, seen) + ([] if kept else ["the truncated autosave was deleted"])


@case("start", slow=True)
def case_recover_an_autosave_that_is_not_utf8(tmp: Path) -> list[str]:
    home = tmp / "home"
    text, _info, _lock = autosave_scene(home)
    text.write_bytes(b"\xff\xfe{}")
    ran, seen = start_window(home, answer="recover")
    return opened(ran, seen) + ([] if set_aside(text.parent, text.name) else ["the autosave was deleted"])


@case("start", slow=True)
def case_autosave_folder_is_a_file(tmp: Path) -> list[str]:
    home = tmp / "home"
    folder = autosave_dir(home)
    folder.parent.mkdir(parents=True)
    folder.write_text("not a folder")
    ran, seen = start_window(home)
    problems = opened(ran, seen)
    keeps = folder.is_file() and folder.read_text() == "not a folder"
    aside = set_aside(folder.parent, folder.name)
    if not keeps and not (aside and aside[0].read_text() == "not a folder"):
        problems.append("the file in the folder's place was lost")
    return problems


@case("start", slow=True)
def case_autosave_folder_is_a_link_to_a_device(tmp: Path) -> list[str]:
    home = tmp / "home"
    folder = autosave_dir(home)
    folder.parent.mkdir(parents=True)
    node = device(tmp / "null")
    folder.symlink_to(node)
    ran, seen = start_window(home)
    return opened(ran, seen) + ([] if is_device(node) else ["the device node was replaced"])


@case("start", slow=True)
def case_autosave_folder_read_only(tmp: Path) -> list[str]:
    home = tmp / "home"
    text, _info, _lock = autosave_scene(home)
    folder = autosave_dir(home)
    for path in (home, *home.rglob("*")):
        os.chown(path, 65534, 65534) if os.geteuid() == 0 else None
    folder.chmod(0o555)
    ran, seen = start_window(home, answer="discard", nobody=True)
    problems = opened(ran, seen)
    if "another running explorer" in ran.stdout + ran.stderr + seen.get("status", ""):
        problems.append("claims another explorer is running")
    return problems


@case("start", slow=True)
def case_data_folder_unreadable(tmp: Path) -> list[str]:
    home = tmp / "home"
    autosave_scene(home)
    for path in (home, *home.rglob("*")):
        os.chown(path, 65534, 65534) if os.geteuid() == 0 else None
    (home / "data").chmod(0o000)
    ran, seen = start_window(home, nobody=True)
    (home / "data").chmod(0o755)
    return opened(ran, seen)


@case("start", slow=True)
def case_config_folder_is_a_file(tmp: Path) -> list[str]:
    home = tmp / "home"
    (home / "config").mkdir(parents=True)
    (home / "config" / "Jacobian Explorer").write_text("a file")
    ran, seen = start_window(home)
    return opened(ran, seen) + unchanged(home / "config" / "Jacobian Explorer", b"a file")


@case("start", slow=True)
def case_settings_file_is_a_named_pipe(tmp: Path) -> list[str]:
    home = tmp / "home"
    path = settings_path(home)
    path.parent.mkdir(parents=True)
    os.mkfifo(path)
    ran, seen = start_window(home, timeout=40)
    return opened(ran, seen) + ([] if set_aside(path.parent, path.name) else ["the pipe was not set aside"])


@case("start", slow=True)
def case_settings_lock_is_a_named_pipe(tmp: Path) -> list[str]:
    home = tmp / "home"
    path = settings_path(home)
    path.parent.mkdir(parents=True)
    lock = path.with_name(path.name + ".lock")
    os.mkfifo(lock)
    ran, seen = start_window(home, timeout=40)
    return opened(ran, seen) + ([] if set_aside(lock.parent, lock.name) else ["the pipe was not set aside"])


@case("start", slow=True)
def case_autosave_lock_sparse_two_gigabytes(tmp: Path) -> list[str]:
    home = tmp / "home"
    _text, _info, lock = autosave_scene(home)
    with open(lock, "wb") as stream:
        stream.truncate(2 * 1024**3)
    ran, seen = start_window(home, answer="discard", timeout=40)
    return opened(ran, seen)


@case("start", slow=True)
def case_autosave_lock_link_to_an_endless_device(tmp: Path) -> list[str]:
    home = tmp / "home"
    _text, _info, lock = autosave_scene(home)
    lock.symlink_to(device(tmp / "zero", 1, 5))
    ran, seen = start_window(home, answer="discard", timeout=40)
    return opened(ran, seen) + ([] if is_device(tmp / "zero") else ["the device node was replaced"])


@case("start", slow=True)
def case_settings_file_is_a_folder(tmp: Path) -> list[str]:
    home = tmp / "home"
    path = settings_path(home)
    path.mkdir(parents=True)
    (path / "mine").write_text("x")
    ran, seen = start_window(home)
    aside = set_aside(path.parent, path.name)
    problems = opened(ran, seen)
    if not aside or not (aside[0] / "mine").is_file():
        problems.append("the folder was not set aside whole")
    return problems


@case("start", slow=True)
def case_settings_file_unreadable(tmp: Path) -> list[str]:
    home = tmp / "home"
    path = write_settings(home, "[view]\ntheme=dark\n")
    for item in (home, *home.rglob("*")):
        os.chown(item, 65534, 65534) if os.geteuid() == 0 else None
    os.chown(path, 0, 0) if os.geteuid() == 0 else None
    path.chmod(0o600)
    ran, seen = start_window(home, nobody=True)
    return opened(ran, seen)


@case("start", slow=True)
def case_settings_garbage_bytes(tmp: Path) -> list[str]:
    home = tmp / "home"
    write_settings(home, bytes(range(256)) * 40)
    ran, seen = start_window(home)
    return opened(ran, seen)


@case("start", slow=True)
def case_settings_recent_entry_past_the_path_limit(tmp: Path) -> list[str]:
    home = tmp / "home"
    write_settings(home, "[files]\nrecent=/" + "a" * 70000 + ", /" + "b/" * 5000 + "\nlast_folder=/" + "c" * 9000 + "\n")
    ran, seen = start_window(home)
    return opened(ran, seen)


@case("start", slow=True)
def case_settings_recent_entry_not_utf8(tmp: Path) -> list[str]:
    home = tmp / "home"
    model = model_file(tmp, os.fsdecode(b"r\xff.json"))
    write_settings(home, b"[files]\nrecent=" + os.fsencode(str(model)) + b"\n")
    ran, seen = start_window(home)
    return opened(ran, seen)


@case("start", slow=True)
def case_settings_geometry_and_state_garbage(tmp: Path) -> list[str]:
    home = tmp / "home"
    write_settings(home, "[window]\ngeometry=@ByteArray(\\xff\\0\\x1\\x2garbage)\nstate=@ByteArray(" + "z" * 100000
                   + ")\n[view]\ntheme=purple\nlanguage=klingon\n[play]\nsteps_per_second=nan\n")
    ran, seen = start_window(home)
    return opened(ran, seen)


@case("start", slow=True)
def case_settings_huge_sparse_file(tmp: Path) -> list[str]:
    home = tmp / "home"
    path = write_settings(home, "")
    with open(path, "r+b") as stream:
        stream.truncate(3 * 1024**3)
    ran, seen = start_window(home)
    return opened(ran, seen) + ([] if set_aside(path.parent, path.name) else ["not set aside"])


@case("start", slow=True)
def case_reset_settings_with_a_pipe(tmp: Path) -> list[str]:
    home = tmp / "home"
    path = settings_path(home)
    path.parent.mkdir(parents=True)
    os.mkfifo(path)
    ran, seen = start_window(home, "--reset-settings", timeout=40)
    return opened(ran, seen)


@case("start", slow=True)
def case_everything_wrong_at_once(tmp: Path) -> list[str]:
    home = tmp / "home"
    path = settings_path(home)
    path.parent.mkdir(parents=True)
    os.mkfifo(path)
    _text, info, lock = autosave_scene(home, {"time": "9999-12-31T23:59:59-14:00"})
    os.mkfifo(lock)
    autosave_scene(home, b"\xff" * 100, key="doc-second00000000000000000")
    ran, seen = start_window(home, answer="discard", timeout=60)
    return opened(ran, seen)


@case("start", slow=True)
def case_header_truncated(tmp: Path) -> list[str]:
    home = tmp / "home"
    autosave_scene(home, b'{"format": "jacobian-explorer/autosave", "time": "2026-01-0')
    ran, seen = start_window(home, answer="discard")
    return opened(ran, seen) + ([] if "ASKED" in ran.stdout else ["the autosave was not offered"])


@case("start", slow=True)
def case_header_oversized(tmp: Path) -> list[str]:
    home = tmp / "home"
    autosave_scene(home, {"format": "jacobian-explorer/autosave", "padding": "x" * 300_000})
    ran, seen = start_window(home, answer="discard")
    return opened(ran, seen) + ([] if "ASKED" in ran.stdout else ["the autosave was not offered"])


@case("start", slow=True)
def case_header_unreadable(tmp: Path) -> list[str]:
    home = tmp / "home"
    _text, info, _lock = autosave_scene(home)
    for item in (home, *home.rglob("*")):
        os.chown(item, 65534, 65534) if os.geteuid() == 0 else None
    os.chown(info, 0, 0) if os.geteuid() == 0 else None
    info.chmod(0o600)
    ran, seen = start_window(home, answer="discard", nobody=True)
    return opened(ran, seen)


@case("start", slow=True)
def case_recover_an_unreadable_autosave_keeps_it(tmp: Path) -> list[str]:
    home = tmp / "home"
    text, _info, _lock = autosave_scene(home)
    for item in (home, *home.rglob("*")):
        os.chown(item, 65534, 65534) if os.geteuid() == 0 else None
    os.chown(text, 0, 0) if os.geteuid() == 0 else None
    text.chmod(0o600)
    ran, seen = start_window(home, answer="recover", nobody=True)
    problems = opened(ran, seen) + ([] if "Cannot recover" in ran.stdout else ["the failure was not said"])
    return problems + ([] if text.exists() or set_aside(text.parent, text.name) else ["the autosave was deleted"])


@case("start", slow=True)
def case_recover_an_autosave_over_the_model_limits(tmp: Path) -> list[str]:
    home = tmp / "home"
    document = toy()
    document["nodes"][0]["value"] = [[1.0]] * 5000
    text, _info, _lock = autosave_scene(home, document=json.dumps(document))
    ran, seen = start_window(home, answer="recover")
    return opened(ran, seen) + ([] if set_aside(text.parent, text.name) else ["the autosave was deleted"])


@case("start", slow=True)
def case_autosave_folder_is_a_named_pipe(tmp: Path) -> list[str]:
    home = tmp / "home"
    folder = autosave_dir(home)
    folder.parent.mkdir(parents=True)
    os.mkfifo(folder)
    ran, seen = start_window(home, timeout=40)
    return opened(ran, seen)


@case("start", slow=True)
def case_settings_truncated_mid_line(tmp: Path) -> list[str]:
    home = tmp / "home"
    write_settings(home, "[view]\ntheme=da")
    ran, seen = start_window(home)
    return opened(ran, seen)


@case("start", slow=True)
def case_settings_values_out_of_range(tmp: Path) -> list[str]:
    home = tmp / "home"
    write_settings(home, "[play]\nsteps_per_second=1e999\n[files]\nrecent=@Invalid()\nlast_folder=@Variant(\\0\\0\\0\\x7f)\n"
                   "[window]\ngeometry=@Rect(0 0 99999999 99999999)\n")
    ran, seen = start_window(home)
    return opened(ran, seen)


@case("start", slow=True)
def case_settings_link_to_a_regular_file_is_used(tmp: Path) -> list[str]:
    home = tmp / "home"
    real = tmp / "kept.conf"
    real.write_text("[view]\ntheme=dark\n")
    path = settings_path(home)
    path.parent.mkdir(parents=True)
    path.symlink_to(real)
    ran, seen = start_window(home)
    problems = opened(ran, seen) + ([] if path.is_symlink() else ["the link was replaced"])
    return problems + ([] if "theme=dark" in real.read_text() else ["the linked settings lost the theme"])


@case("read")
def case_recent_entry_is_a_named_pipe(tmp: Path) -> list[str]:
    from explorer.ui.kit.settings import Settings

    os.mkfifo(tmp / "pipe.json")
    model = model_file(tmp)
    settings = Settings(tmp / "s.ini")
    settings.store.setValue("files/recent", [str(tmp / "pipe.json"), str(model)])
    kept, dropped = settings.prune_recent_files()
    return [] if kept == [str(model)] and dropped == ["pipe.json"] else [f"kept {kept}, dropped {dropped}"]


@case("read")
def case_recent_entry_in_a_folder_without_search_permission(tmp: Path) -> list[str]:
    from explorer.ui.kit.settings import Settings

    settings = Settings(tmp / "s.ini")
    settings.store.setValue("files/recent", ["/proc/1/root/etc/hostname", "/" + "x" * 300 + "/m.json"])
    try:
        settings.prune_recent_files()
    except Exception as error:  # what the case looks for
        return [f"{type(error).__name__}: {error}"]
    return []


# == memory: bounded by the model, not by --steps ==================================================


@case("memory")
def case_history_is_thinned(tmp: Path) -> list[str]:
    from unittest import mock

    import numpy as np

    from explorer.model import load_model
    from explorer.train import history, loop

    with mock.patch.object(history, "MAX_HISTORY_ROWS", 101):
        result = loop.train(load_model(model_file(tmp)), 3000, 0.05)
    problems = [] if len(result.loss) <= 102 else [f"{len(result.loss)} rows kept"]
    if result.iterations[0] != 0 or result.iterations[-1] != 3000:
        problems.append(f"kept rows run {result.iterations[0]}…{result.iterations[-1]}, not 0…3000")
    steps = np.diff(result.iterations[:-1])
    if len(set(steps.tolist())) != 1:
        problems.append("the kept rows are not evenly spaced")
    return problems


@case("memory")
def case_log_streams_and_is_not_held(tmp: Path) -> list[str]:
    import tracemalloc
    from unittest import mock

    from explorer.train import history

    model = model_file(tmp)
    cli("train", model, "--steps", 2, "--lr", 0.01, "--log", tmp / "warm.csv")  # imports and caches before measuring
    with mock.patch.object(history, "MAX_HISTORY_ROWS", 101):  # the plots' history small: what is left is the log's
        tracemalloc.start()
        try:
            ran = cli("train", model, "--steps", 20000, "--lr", 0.01, "--log", tmp / "log.csv")
            _, peak = tracemalloc.get_traced_memory()
        finally:
            tracemalloc.stop()
    with open(tmp / "log.csv", "rb") as stream:
        rows = sum(1 for _ in stream)
    problems = ok(ran) + ([] if rows == 20002 else [f"the log holds {rows} lines, not 20,002"])
    return problems + ([] if peak < 1024**2 else [f"peak Python memory {peak / 1024**2:.1f} MiB for a log of 20,000 rows"])


@case("memory")
def case_a_million_steps_allocate_nothing_up_front(tmp: Path) -> list[str]:
    import tracemalloc

    from explorer.model import load_model
    from explorer.train import loop

    model = load_model(model_file(tmp))
    tracemalloc.start()
    try:
        calls = {"n": 0}

        def stop() -> bool:
            calls["n"] += 1
            return calls["n"] >= 50

        result = loop.train(model, 1_000_000, 0.01, should_stop=stop)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    problems = [] if result.status == "stopped" else [result.status]
    return problems + ([] if peak < 16 * 1024**2 else [f"peak {peak / 1024**2:.0f} MiB before 50 steps of 1,000,000"])


@case("memory")
def case_a_million_steps_of_a_deep_chain_allocate_nothing_up_front(tmp: Path) -> list[str]:
    import tracemalloc

    from explorer.model import model_from_dict
    from explorer.train import loop

    nodes: list[dict] = [{"id": "X", "op": "input", "value": [[0.5, -0.5]] * 3}]
    for i in range(1, 241):  # 240 parameters: a history of 1,000,001 rows would be 1.8 GiB
        nodes.append({"id": f"W{i}", "op": "param", "value": [[1.0 if a == b else 0.0 for b in range(3)] for a in range(3)]})
        nodes.append({"id": f"H{i}", "op": "linear", "inputs": {"x": "X" if i == 1 else f"H{i - 1}", "w": f"W{i}"}})
    nodes += [{"id": "Y", "op": "target", "value": [[0.1, 0.2]] * 3},
              {"id": "L", "op": "half_sse", "inputs": {"pred": "H240", "target": "Y"}}]
    model = model_from_dict({"format": "jacobian-explorer/model", "version": 1, "nodes": nodes})
    calls = {"n": 0}

    def stop() -> bool:
        calls["n"] += 1
        return calls["n"] >= 20

    tracemalloc.start()
    try:
        result = loop.train(model, 1_000_000, 0.001, should_stop=stop)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    problems = [] if result.status == "stopped" else [result.status]
    return problems + ([] if peak < 64 * 1024**2 else [f"peak {peak / 1024**2:.0f} MiB before 20 steps of 1,000,000"])


@case("memory")
def case_diverged_run_log_holds_the_finite_rows(tmp: Path) -> list[str]:
    model = model_file(tmp)
    ran = cli("train", model, "--steps", 2000, "--lr", 1e6, "--log", tmp / "log.csv", "--out", tmp / "o.json")
    lines = (tmp / "log.csv").read_text().splitlines() if (tmp / "log.csv").exists() else []
    problems = clean(ran) + ([] if ran.code == 1 else [f"exit {ran.code}, not 1"])
    problems += [] if lines and all("nan" not in line.lower() and "inf" not in line.lower() for line in lines) else [
        "the log is missing or holds non-finite rows"]
    return problems + ([] if not (tmp / "o.json").exists() else ["--out written after a divergence"])


# == message: one line, exit 2, the reason named ===================================================


@case("message")
def case_snapshot_field_of_two_million_characters(tmp: Path) -> list[str]:
    model = model_file(tmp)
    cli("export", model, "--out", tmp / "out")
    snapshot = json.loads((tmp / "out" / "snapshot.json").read_text())
    problems = []
    for key in ("format", "step", "version", "loss"):
        hostile = dict(snapshot, **{key: "x" * 2_000_000})
        (tmp / "s.json").write_text(json.dumps(hostile))
        ran = cli("check", tmp / "s.json")
        problems += [f"{key}: {p}" for p in clean(ran)]
    return problems


@case("message")
def case_model_name_of_two_million_characters(tmp: Path) -> list[str]:
    model = model_file(tmp, extra={"name": "n" * 2_000_000})
    return refused(cli("train", model, "--steps", 1, "--lr", 0.1))


@case("message")
def case_node_id_of_two_million_characters(tmp: Path) -> list[str]:
    document = toy()
    document["nodes"][0]["id"] = "X" * 2_000_000
    (tmp / "m.json").write_text(json.dumps(document))
    return refused(cli("export", tmp / "m.json", "--out", tmp / "o"))


@case("message")
def case_path_past_the_system_limit(tmp: Path) -> list[str]:
    long = tmp / ("d/" * 3000 + "m.json")
    return refused(cli("check", long), "name too long")


@case("message")
def case_out_name_past_the_limit(tmp: Path) -> list[str]:
    model = model_file(tmp)
    return refused(cli("train", model, "--steps", 1, "--lr", 0.1, "--out", tmp / ("o" * 300 + ".json")),
                   "name too long")


@case("message")
def case_screenshot_out_name_past_the_limit(tmp: Path) -> list[str]:
    model = model_file(tmp)
    return refused(cli("screenshot", model, "--out", tmp / ("s" * 300 + ".png")), "name too long")


@case("message")
def case_exercise_out_name_past_the_limit(tmp: Path) -> list[str]:
    model = model_file(tmp)
    return refused(cli("exercise", "make", model, "--out", tmp / ("e" * 300 + ".json")), "name too long")


@case("message")
def case_export_out_name_past_the_limit(tmp: Path) -> list[str]:
    model = model_file(tmp)
    return refused(cli("export", model, "--out", tmp / ("x" * 300) / "y"), "name too long")


@case("message")
def case_export_into_a_read_only_file_system(tmp: Path) -> list[str]:
    from unittest import mock

    from explorer.export import file_set

    model = model_file(tmp)

    def read_only(*args, **kwargs):
        raise OSError(errno.EROFS, "Read-only file system")

    with mock.patch.object(file_set.Path, "mkdir", read_only):
        ran = cli("export", model, "--out", tmp / "out")
    return refused(ran, "read-only file system")


@case("message")
def case_save_into_a_read_only_file_system(tmp: Path) -> list[str]:
    from unittest import mock

    from explorer.model import door

    model = model_file(tmp)
    real_open = os.open

    def read_only(path, flags, *args):
        if flags & os.O_CREAT:
            raise OSError(errno.EROFS, "Read-only file system", path)
        return real_open(path, flags, *args)

    with mock.patch.object(door.os, "open", read_only):
        ran = cli("exercise", "make", model, "--out", tmp / "ex.json")
    return refused(ran, "read-only file system")


@case("message", slow=True)
def case_model_in_a_folder_without_search_permission(tmp: Path) -> list[str]:
    locked = tmp / "locked"
    locked.mkdir()
    model_file(locked)
    locked.chmod(0o600)
    tmp.chmod(0o755)
    ran = cli_process("check", locked / "m.json", cwd=tmp, nobody=True)
    locked.chmod(0o755)
    return refused(ran, "permission denied")


def _model_beside_a_read_only_folder(tmp: Path) -> tuple[Path, Path]:
    """A model every user may read, and beside it ``ro``, a folder nobody but root may write into."""
    model = model_file(tmp)
    model.chmod(0o644)
    locked = tmp / "ro"
    locked.mkdir()
    locked.chmod(0o555)
    tmp.chmod(0o755)
    return model, locked


@case("message", slow=True)
def case_out_into_a_folder_without_write_permission(tmp: Path) -> list[str]:
    model, locked = _model_beside_a_read_only_folder(tmp)
    ran = cli_process("train", model, "--steps", 1, "--lr", 0.1, "--out", locked / "o.json", cwd=tmp, nobody=True)
    return refused(ran, "permission denied")


@case("message", slow=True)
def case_export_into_a_folder_without_write_permission(tmp: Path) -> list[str]:
    model, locked = _model_beside_a_read_only_folder(tmp)
    ran = cli_process("export", model, "--out", locked / "out", cwd=tmp, nobody=True)
    return refused(ran, "permission denied") + ([] if list(locked.iterdir()) == [] else ["something was written"])


@case("message", slow=True)
def case_log_into_a_folder_without_write_permission(tmp: Path) -> list[str]:
    model, locked = _model_beside_a_read_only_folder(tmp)
    ran = cli_process("train", model, "--steps", 1, "--lr", 0.1, "--log", locked / "l.csv", cwd=tmp, nobody=True)
    return refused(ran, "permission denied")


@case("message", slow=True)
def case_model_unreadable(tmp: Path) -> list[str]:
    model = model_file(tmp)
    model.chmod(0o000)
    tmp.chmod(0o755)
    ran = cli_process("check", model, cwd=tmp, nobody=True)
    return refused(ran, "permission denied")


@case("message")
def case_usage_error_with_a_huge_argument(tmp: Path) -> list[str]:
    return refused(cli("train", model_file(tmp), "--steps", "9" * 100000, "--lr", 0.1))


@case("message")
def case_select_of_a_huge_label(tmp: Path) -> list[str]:
    return refused(cli("screenshot", model_file(tmp), "--out", tmp / "s.png", "--select", "Z" * 500000))


# -- running ----------------------------------------------------------------------------------------


def run_case(door_case: DoorCase, folder: Path | None = None) -> list[str]:
    """The case's problems; a Skip propagates.

    The case runs in a fresh folder of the system's temporary folder that
    every user may search (mode 0755), so that a case run as nobody meets
    the obstacle it built and not a private folder above it; ``folder`` is
    not used (kept for the callers' symmetry).
    """
    scene = Path(tempfile.mkdtemp(prefix=f"door-{door_case.name[:40]}-"))
    scene.chmod(0o755)
    try:
        return door_case.run(scene)
    finally:
        for path in (scene, *scene.rglob("*")):  # a case may have locked something for nobody
            try:
                if path.is_dir() and not path.is_symlink():
                    path.chmod(0o755)
            except OSError:
                pass
        shutil.rmtree(scene, ignore_errors=True)


def main() -> int:
    """Run every case; print each that did not hold, then held N/M."""
    from explorer.ui.shell.app import make_app

    make_app(quiet=True)
    held = skipped = 0
    failed: list[str] = []
    for door_case in CASES:
        try:
            problems = run_case(door_case)
        except Skip as skip:
            skipped += 1
            print(f"skipped {door_case.name}: {skip}")
            continue
        if problems:
            failed.append(door_case.name)
            print(f"FAILED {door_case.kind} {door_case.name}: {'; '.join(problems)[:600]}")
        else:
            held += 1
    ran = len(CASES) - skipped
    print(f"held {held}/{ran}" + (f" ({skipped} skipped)" if skipped else ""))
    return 0 if held == ran else 1


if __name__ == "__main__":
    raise SystemExit(main())
