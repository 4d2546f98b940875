"""Run one surface of the program as a user would, and note its peak memory.

``python -m tests.attacks.launch RSS_FILE load MODEL`` loads a model through
the Python API (exit 2 with the message on a ``ModelError``, a traceback on
anything else); ``python -m tests.attacks.launch RSS_FILE cli ARGS…`` runs
``python -m explorer ARGS…``. Either way the peak resident memory in KiB is
written to ``RSS_FILE`` at exit. The address-space limit is set by the caller.
"""

from __future__ import annotations

import atexit
import resource
import runpy
import sys


def _note_rss(path: str) -> None:
    with open(path, "w") as stream:
        stream.write(str(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss))


def main() -> None:
    rss_file, mode, *rest = sys.argv[1:]
    atexit.register(_note_rss, rss_file)
    if mode == "load":
        from explorer import ModelError, load_model

        try:
            load_model(rest[0])
        except ModelError as error:
            print(error, file=sys.stderr)
            raise SystemExit(2) from None
        return
    sys.argv = ["jacobian-explorer", *rest]
    runpy.run_module("explorer", run_name="__main__", alter_sys=True)


if __name__ == "__main__":
    main()
