"""Start the window as ``jacobian-explorer [ARGS…]`` does, look at it once, close it as a person would.

``python -m tests.attacks.start ANSWER [ARGS…]`` runs the program's own
start-up (``python -m explorer ARGS…``) with the event loop replaced by the
turns it takes the window to open its document (without a file, it shows
itself first and opens the toy network just after): the window is shown, the recovery question (if any) is answered
``ANSWER`` (``recover`` or ``discard``), and every warning the window would
show in a box is printed as ``WARN: text`` on standard output; unsaved
edits (a recovered document) are discarded on closing. Then it
prints one JSON line ``{"opened", "title", "status", "path"}`` and closes
the window (the autosave is removed, the layout saved) like the close
button. The caller sets ``HOME`` and ``XDG_*`` so that the settings and
autosaves are the case's own.
"""

from __future__ import annotations

import json
import runpy
import sys
import time


def main() -> None:
    answer, *rest = sys.argv[1:]
    from PySide6.QtWidgets import QApplication

    from explorer.ui.kit.dialogs import Dialogs
    from explorer.ui.shell.main_window import MainWindow

    def ask_recover(self, parent, when, document_name):
        print(f"ASKED: recover {document_name} written {when.isoformat()}", flush=True)
        return answer

    def warn(self, parent, text):
        print(f"WARN: {text}", flush=True)

    Dialogs.ask_recover = ask_recover
    Dialogs.warn = warn
    Dialogs.ask_unsaved_changes = lambda self, parent, name: "discard"  # closing: the case's edits are not kept

    def one_turn(*_args):
        app = QApplication.instance()
        deadline = time.monotonic() + 30
        while True:  # until the document is in the window (or the window closed itself)
            app.processEvents()
            windows = [w for w in app.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]
            if all(w.is_built for w in windows) or time.monotonic() > deadline:
                break
            time.sleep(0.002)
        seen = {"opened": bool(windows), "title": "", "status": "", "path": None}
        if windows:
            window = windows[0]
            seen.update(title=window.windowTitle(), status=window.statusBar().currentMessage(),
                        path=window.controller.path)
        print("SEEN: " + json.dumps(seen), flush=True)
        for window in windows:
            window.close()
        app.processEvents()
        return 0

    QApplication.exec = one_turn
    sys.argv = ["jacobian-explorer", *rest]
    runpy.run_module("explorer", run_name="__main__", alter_sys=True)


if __name__ == "__main__":
    main()
