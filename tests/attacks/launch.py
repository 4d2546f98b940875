"""Run one surface of the program as a user would, and note its peak memory.

``python -m tests.attacks.launch RSS_FILE load MODEL`` loads a model through
the Python API (``load_model``, then ``load_session`` for a snapshot's step) (exit 2 with the message on a ``ModelError``, a traceback on
anything else); ``python -m tests.attacks.launch RSS_FILE cli ARGS…`` runs
``python -m explorer ARGS…``; ``… RSS_FILE load-many MODEL…`` loads each
model in turn (each within 30 s) and prints one JSON object per model:
``{"path", "outcome": "ok" | "refused" | "bug" | "hang", "message", "warnings"}``. Either way the peak resident memory in KiB is
written to ``RSS_FILE`` at exit. The address-space limit is set by the caller.
"""

from __future__ import annotations

import atexit
import json
import resource
import runpy
import signal
import sys
import warnings


def _note_rss(path: str) -> None:
    with open(path, "w") as stream:
        stream.write(str(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss))


def main() -> None:
    rss_file, mode, *rest = sys.argv[1:]
    atexit.register(_note_rss, rss_file)
    if mode == "load-many":
        _load_many(rest)
        return
    if mode == "load":
        from explorer import ModelError

        try:
            _load(rest[0])
        except ModelError as error:
            print(error, file=sys.stderr)
            raise SystemExit(2) from None
        return
    sys.argv = ["jacobian-explorer", *rest]
    runpy.run_module("explorer", run_name="__main__", alter_sys=True)


def _load(path: str) -> None:
    """``load_model``, and ``load_session`` (which also reads a snapshot's step): the Python API of a file."""
    from explorer import load_model
    from explorer.export.snapshot import load_session

    load_model(path)
    load_session(path)


class _Hang(Exception):
    pass


def _alarm(signum, frame):
    raise _Hang


def _load_many(paths: list[str]) -> None:
    from explorer import ModelError

    signal.signal(signal.SIGALRM, _alarm)
    for path in paths:
        signal.alarm(30)
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            try:
                _load(path)
                outcome, message = "ok", ""
            except ModelError as error:
                outcome, message = "refused", str(error)
            except _Hang:
                outcome, message = "hang", "still loading after 30 s"
            except Exception as error:  # what the test is looking for: anything but ModelError
                outcome, message = "bug", f"{type(error).__name__}: {error}"[:500]
            finally:
                signal.alarm(0)
        seen = [f"{w.category.__name__}: {w.message}" for w in caught]
        print(json.dumps({"path": path, "outcome": outcome, "message": message, "warnings": seen}), flush=True)


if __name__ == "__main__":
    main()
