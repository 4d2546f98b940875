"""File → Export derivation… and File → Export code…: the handouts and scripts of SPEC section 7, from the window.

:func:`export_derivation` writes ``derivation.md`` and ``derivation.tex`` (the
chain rule for every parameter at the current step, the same content as
``jacobian-explorer explain``); :func:`export_code` writes ``model_numpy.py``
and ``model_torch.py``. Both take the main window and a folder, report in its
status bar and return whether they wrote; the ``…_dialog`` variants ask for
the folder first. The window's menu wires them.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from explorer.engine import EngineError, Session
from explorer.export.file_set import write_file_set
from explorer.model import ModelError
from explorer.ui.kit.busy import busy
from explorer.ui.shell.parts import ShellWindow
from explorer.ui.text.engine_text import error_text
from explorer.ui.text.i18n import translate
from explorer.ui.text.plain import one_line


def _elements(session: Session) -> int:
    model = session.model
    total = 0
    for node in model.order:
        size = 1
        for n in model.shape(node):
            size *= n
        total += size
    return total * max(len(model.params), 1)


def _write(window: ShellWindow, folder: str | Path, make: Callable[[Session], dict[str, str]], what: str) -> bool:
    session = window.controller.session
    folder = Path(folder)
    try:
        with busy(translate("ExportActions", "Writing {what}…").format(what=what), _elements(session)):
            files = make(session)
            write_file_set(folder, files)  # every file or none
    except (OSError, ValueError, EngineError, ModelError) as error:
        message = translate("ExportActions", "Export to {folder} failed: {error}").format(folder=folder, error=error_text(error))
        window.statusBar().showMessage(one_line(message), 10000)
        return False
    message = translate("ExportActions", "Exported {names} to {folder}").format(names=", ".join(files), folder=folder)
    window.statusBar().showMessage(one_line(message), 8000)
    return True


def export_derivation(window: ShellWindow, folder: str | Path) -> bool:
    """Write ``derivation.md`` and ``derivation.tex`` for the window's session into ``folder``."""
    from explorer.export.explanation import derivation_files

    return _write(window, folder, derivation_files, "derivation.md, derivation.tex")


def export_code(window: ShellWindow, folder: str | Path) -> bool:
    """Write ``model_numpy.py`` and ``model_torch.py`` for the window's model into ``folder``."""
    from explorer.export.code import numpy_script, torch_script

    def make(session: Session) -> dict[str, str]:
        return {"model_numpy.py": numpy_script(session.model), "model_torch.py": torch_script(session.model)}

    return _write(window, folder, make, "model_numpy.py, model_torch.py")


def export_derivation_dialog(window: ShellWindow) -> bool:
    """Ask for a folder (through the window's dialogs), then :func:`export_derivation`."""
    title = translate("ExportActions", "Export derivation into folder")
    folder = window.dialogs.get_folder(window, title)
    if not folder:
        return False
    return export_derivation(window, folder)


def export_code_dialog(window: ShellWindow) -> bool:
    """Ask for a folder (through the window's dialogs), then :func:`export_code`."""
    folder = window.dialogs.get_folder(window, translate("ExportActions", "Export code into folder"))
    if not folder:
        return False
    return export_code(window, folder)
