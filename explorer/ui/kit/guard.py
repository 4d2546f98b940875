"""The window's last line of defence: an exception in a slot, an event filter or a paint
handler is reported in one status line and the program keeps running.

Qt calls our Python code from C++ (slots, ``eventFilter``, ``paint``, ``run``); an
exception escaping there cannot be handled by any caller, and one escaping an
event filter leaves Qt with no answer, which has crashed the interpreter on the
next event. So each such border catches: :func:`guarded` wraps an override,
:func:`install_excepthook` catches what reaches ``sys.excepthook`` (exceptions
in plain slots). Both call :func:`report`, which writes

    internal error in <where>: <message>; the program keeps running

to the main window's status bar (and the full traceback to standard error, for
a bug report). Tests read :data:`reported` and fail when anything reached it.
"""

from __future__ import annotations

import functools
import sys
import traceback
from collections.abc import Callable
from types import TracebackType
from typing import Any, TypeVar

from PySide6.QtCore import QThread
from PySide6.QtWidgets import QApplication, QMainWindow

from explorer.ui.text.i18n import translate

#: Every error reported since the list was last cleared: ``(where, exception)``.
reported: list[tuple[str, BaseException]] = []

_traced: set[tuple[str, str]] = set()

F = TypeVar("F", bound=Callable[..., Any])


def message(where: str, error: BaseException) -> str:
    """The one line shown for an internal error."""
    text = " ".join(str(error).split())[:200] or type(error).__name__
    return translate("Guard", "internal error in {where}: {reason}; the program keeps running").format(where=where, reason=text)


def report(where: str, error: BaseException) -> None:
    """Show ``error`` as one line in every main window's status bar; never raises."""
    reported.append((where, error))
    line = message(where, error)
    key = (where, type(error).__name__)
    try:
        if key not in _traced:  # a paint handler that fails, fails on every frame: trace it once
            _traced.add(key)
            sys.stderr.write(line + "\n" + "".join(traceback.format_exception(error)))
    except Exception:  # noqa: BLE001, S110 (a closed stderr must not stop the report)
        pass
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        return
    for widget in app.topLevelWidgets():
        if isinstance(widget, QMainWindow):
            try:
                widget.statusBar().showMessage(line, 15000)
            except RuntimeError:  # a window being deleted
                continue


def guarded(where: str, fallback: Any = None) -> Callable[[F], F]:
    """Decorate a Qt override so that an exception is reported and ``fallback`` returned.

    >>> @guarded("an example", fallback=False)
    ... def event_filter():
    ...     raise ZeroDivisionError("float division by zero")
    >>> event_filter(), reported.pop()[0]
    (False, 'an example')
    """

    def decorate(function: F) -> F:
        @functools.wraps(function)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            try:
                return function(*args, **kwargs)
            except Exception as error:  # noqa: BLE001 (this is the border)
                report(where, error)
                return fallback

        return wrapper  # type: ignore[return-value]

    return decorate


def excepthook(kind: type[BaseException], error: BaseException, trace: TracebackType | None) -> None:
    """A ``sys.excepthook`` for the window: report and keep running (Ctrl+C still quits).

    Only while Qt's event loop runs: an exception outside it ends the program as usual.
    """
    if issubclass(kind, KeyboardInterrupt) or QThread.currentThread().loopLevel() == 0:
        sys.__excepthook__(kind, error, trace)
        return
    frames = traceback.extract_tb(trace)
    where = f"{frames[-1].name}" if frames else "a slot"
    report(where, error.with_traceback(trace))


def install_excepthook() -> bool:
    """Make :func:`excepthook` the process's hook, unless another one (a debugger, pytest-qt) is in place.

    Returns whether it is installed.
    """
    if sys.excepthook is excepthook:
        return True
    if sys.excepthook is not sys.__excepthook__:
        return False
    sys.excepthook = excepthook
    return True
