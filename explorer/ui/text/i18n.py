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
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from explorer.resources import resources_dir

LANGUAGES = ("system", "en", "ko")
# The languages with a catalogue; English needs none.
CATALOGUES = {"ko": "explorer_ko"}
# The locale whose dates go with a catalogue chosen against the system's language.
LOCALES = {"ko": QLocale(QLocale.Language.Korean, QLocale.Country.SouthKorea)}

_installed: list[QTranslator] = []  # kept alive while installed, removed on a change


def translate(context: str, text: str, disambiguation: str | None = None, n: int = -1) -> str:
    """``text`` in the installed language (``QCoreApplication.translate``).

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
    return QCoreApplication.translate(context, text, disambiguation, n)


tr = translate  # the short name for code that lupdate does not scan


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
    """Take out the translators installed by :func:`install_translator`: back to English."""
    app = app or QCoreApplication.instance()
    while _installed:
        translator = _installed.pop()
        if app is not None:
            app.removeTranslator(translator)
    QLocale.setDefault(QLocale.system())


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
    translator = QTranslator(app)
    if not translator.load(CATALOGUES[language], str(folder)):
        return "en"
    app.installTranslator(translator)
    _installed.append(translator)
    if QLocale.system().language() != LOCALES[language].language():  # dates in the chosen language too
        QLocale.setDefault(LOCALES[language])
    qt_translator = QTranslator(app)
    if qt_translator.load(f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt_translator)
        _installed.append(qt_translator)
    return language


def installed_language() -> str:
    """``"ko"`` while a catalogue installed here is in force, else ``"en"``."""
    for translator in _installed:
        if translator.language().startswith("ko"):
            return "ko"
    return "en"
