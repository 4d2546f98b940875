"""The window's language: Korean or English, through Qt's translation system.

The catalogue is ``resources/i18n/explorer_ko.ts``, kept with
``scripts/update_translations.py`` (``pyside6-lupdate`` over ``explorer/ui``,
then ``pyside6-lrelease`` into the shipped ``explorer_ko.qm``). English is the
source language: with no catalogue installed, or none found, the text is
shown as written, without a warning.

Classes derived from ``QObject`` use ``self.tr("...")`` (the context is the
class name). Other code calls :func:`translate` with an explicit context::

    translate("MainWindow", "&File")

``pyside6-lupdate`` finds calls spelled ``translate(...)``,
``QCoreApplication.translate(...)``, ``self.tr(...)`` and
``QT_TRANSLATE_NOOP(...)``; it does not see the alias :func:`tr`, which
exists for code that is not scanned.

The language can change while the window is open. Every text the window
translates passes through a recording translator (:class:`Recorder`), which
remembers which source each shown text came from (:func:`source_of`); on a
change, a text already on screen is looked up there and translated again
(:func:`retranslated`), and views that compose their texts redraw.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QObject, QTranslator

from explorer.resources import resources_dir
from explorer.ui.text.particles import with_particles

LANGUAGES = ("system", "en", "ko")
# The languages with a catalogue; English needs none.
CATALOGUES = {"ko": "explorer_ko"}
# The locale whose dates go with a catalogue chosen against the system's language.
LOCALES = {"ko": QLocale(QLocale.Language.Korean, QLocale.Country.SouthKorea)}

_installed: list[QTranslator] = []  # kept alive while installed, removed on a change

#: What :func:`QCoreApplication.translate` was asked: context, source, disambiguation, count.
Key = tuple[str, str, "str | None", int]
#: Each text shown so far, with the requests that produced it (in the order first seen).
_sources: dict[str, dict[Key, None]] = {}
#: More distinct texts than the window has: past this, no more are remembered (bounded memory).
MAX_REMEMBERED = 50_000


class Recorder(QTranslator):
    """A translator that answers from ``catalogue`` (None: English) and remembers what it was asked.

    Qt asks the translators installed last first; an answer of None passes the
    question on (to Qt's own catalogue, or to the source text).
    """

    def __init__(self, catalogue: QTranslator | None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.catalogue = catalogue

    def translate(self, context: str, source: str, disambiguation: str | None = None, n: int = -1) -> str | None:
        answer = self.catalogue.translate(context, source, disambiguation, n) if self.catalogue is not None else ""
        shown = answer or source
        requests = _sources.get(shown)
        if requests is None and len(_sources) < MAX_REMEMBERED:
            requests = _sources[shown] = {}
        if requests is not None:
            requests[(context, source, disambiguation, n)] = None
        return answer or None

    def isEmpty(self) -> bool:  # noqa: N802 (Qt's name)
        return False

    def language(self) -> str:
        return self.catalogue.language() if self.catalogue is not None else "en"


def source_of(text: str, contexts: tuple[str, ...] = ()) -> Key | None:
    """The request that produced ``text`` on screen, or None (user text, a composed line).

    When several did (one Korean word for two English ones), a request from one
    of ``contexts`` (the class names of the widget showing it) is preferred.
    """
    requests = _sources.get(text)
    if not requests:
        return None
    for key in requests:
        if key[0] in contexts:
            return key
    ours = [key for key in requests if not key[0].startswith("Q")]  # PySide's tr also asks under "QObject"
    return (ours or list(requests))[0]


def retranslated(text: str, contexts: tuple[str, ...] = ()) -> str | None:
    """``text``, shown in an earlier language, in the language installed now; None when it is not a known text.

    >>> install_translator("ko", app)
    'ko'
    >>> retranslated(translate("MainWindow", "&File")), retranslated("no such text")
    ('파일(&F)', None)
    >>> remove_translators(app)
    >>> retranslated("파일(&F)")
    '&File'
    """
    key = source_of(text, contexts)
    return None if key is None else QCoreApplication.translate(*key)


class Worded(str):
    """A translated template: filled in with :meth:`format`, its Korean particles are then chosen.

    ``"{name}을(를) 줌".format(name="∂L/∂W₃")`` gives ``∂L/∂W₃을 줌``
    (:func:`~explorer.ui.text.particles.with_particles`); otherwise a plain ``str``.
    """

    __slots__ = ()

    def format(self, *args: object, **kwargs: object) -> str:
        return with_particles(str.format(self, *args, **kwargs))

    def format_map(self, mapping: Mapping[str, object]) -> str:  # type: ignore[override]
        return with_particles(str.format_map(self, mapping))


def translate(context: str, text: str, disambiguation: str | None = None, n: int = -1) -> str:
    """``text`` in the installed language (``QCoreApplication.translate``).

    The result is a :class:`Worded`: its ``format`` chooses the Korean
    particles written in pairs (``을(를)``) by the words filled in.

    Parameters
    ----------
    context : str
        The catalogue's context, e.g. ``"MainWindow"`` or ``"Vocabulary"``.
    text : str
        The English source text.
    disambiguation : str, optional
        Tells apart two uses of the same text in one context.
    n : int, optional
        A count, for plural forms.

    Examples
    --------
    >>> install_translator("ko", app)
    'ko'
    >>> translate("MainWindow", "&File")
    '파일(&F)'
    >>> remove_translators(app)
    >>> translate("MainWindow", "&File")
    '&File'
    """
    return Worded(QCoreApplication.translate(context, text, disambiguation, n))


tr = translate  # the short name for code that lupdate does not scan


def composed(obj: QObject, setter: str, make: Callable[[], str]) -> None:
    """Give ``obj`` the text ``make()`` through its method ``setter`` now, and again on each change of language.

    For a text put together from translated pieces (``toy — 강의의 장난감
    신경망``), which the catalogue cannot look up whole; :func:`recompose`
    calls ``make`` again.
    """
    getattr(obj, setter)(make())
    makers = getattr(obj, "_composed_texts", None)
    if makers is None:
        makers = {}
        obj._composed_texts = makers  # type: ignore[attr-defined]  # lives as long as the object
    makers[setter] = make


def recompose(obj: QObject) -> int:
    """Set again every text of ``obj`` given by :func:`composed`; returns how many."""
    makers = getattr(obj, "_composed_texts", None) or {}
    for setter, make in makers.items():
        getattr(obj, setter)(make())
    return len(makers)


def resolve_language(choice: str, locale: QLocale | None = None) -> str:
    """The language to show for a setting: ``"en"`` or ``"ko"``.

    ``"system"`` follows ``locale`` (the system's by default): Korean when
    the locale's language is Korean, English otherwise. An unknown choice
    gives English.
    """
    if choice in CATALOGUES or choice == "en":
        return choice
    if choice == "system":
        locale = locale if locale is not None else QLocale.system()
        if locale.language() == QLocale.Language.Korean:
            return "ko"
    return "en"


def i18n_dir() -> Path:
    """The folder of the compiled catalogues (``resources/i18n``)."""
    return resources_dir() / "i18n"


def remove_translators(app: QCoreApplication | None = None) -> None:
    """Take out the catalogues installed by :func:`install_translator`: back to English.

    A recorder stays, so that English texts shown from now on can change language later.
    """
    app = app or QCoreApplication.instance()
    while _installed:
        translator = _installed.pop()
        if app is not None:
            app.removeTranslator(translator)
    QLocale.setDefault(QLocale.system())
    if app is not None:
        _install(app, Recorder(None, app))


def ensure_recorder(app: QCoreApplication | None = None) -> None:
    """With no catalogue installed yet, install the English recorder, so that a later change of language finds every text."""
    app = app or QCoreApplication.instance()
    if app is not None and not _installed:
        _install(app, Recorder(None, app))


def _install(app: QCoreApplication, translator: QTranslator) -> None:
    global _generation
    app.installTranslator(translator)
    _installed.append(translator)
    _generation += 1


_generation = 0  # one more with every translator installed


def generation() -> int:
    """A number that changes whenever a translator is installed: a window retranslates once per change."""
    return _generation


def install_translator(choice: str = "system", app: QCoreApplication | None = None, folder: Path | None = None) -> str:
    """Install the catalogue for ``choice``; returns the language now shown.

    Parameters
    ----------
    choice : str
        ``"system"``, ``"en"`` or ``"ko"`` (the language setting).
    app : QCoreApplication, optional
        The application; the running one by default.
    folder : Path, optional
        Where the ``.qm`` files are; :func:`i18n_dir` by default.

    Returns
    -------
    str
        ``"ko"`` when the Korean catalogue was loaded, else ``"en"``: a
        missing or unreadable catalogue falls back to English quietly.

    Notes
    -----
    Qt's own texts (the buttons of a message box, the file dialog) follow
    through Qt's ``qtbase`` catalogue of the same language, when the Qt
    installation has one. Korean chosen on a system of another language
    also makes Korean the default ``QLocale`` (dates); :func:`remove_translators`
    gives the system's back.
    """
    app = app or QCoreApplication.instance()
    if app is None:
        raise RuntimeError("install_translator needs a QCoreApplication")
    remove_translators(app)
    language = resolve_language(choice)
    if language not in CATALOGUES:
        return "en"
    if folder is None:
        try:
            folder = i18n_dir()
        except FileNotFoundError:  # an install that lost its resources: English
            return "en"
    catalogue = QTranslator(app)
    if not catalogue.load(CATALOGUES[language], str(folder)):
        return "en"
    while _installed:  # the English recorder goes: the catalogue's takes its place
        app.removeTranslator(_installed.pop())
    if QLocale.system().language() != LOCALES[language].language():  # dates in the chosen language too
        QLocale.setDefault(LOCALES[language])
    qt_translator = QTranslator(app)
    if qt_translator.load(f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        _install(app, qt_translator)
    _install(app, Recorder(catalogue, app))  # installed last, asked first; Qt's own texts pass on to qtbase
    return language


def installed_language() -> str:
    """``"ko"`` while a catalogue installed here is in force, else ``"en"``."""
    for translator in _installed:
        if translator.language().startswith("ko"):
            return "ko"
    return "en"
