"""A tab widget whose pages are built the first time they are shown or asked for.

The inspector has five views and shows one: building the other four (a
Jacobian grid, a breakdown, a derivation, a second heatmap) before the
window's first frame only delays it. Each tab holds a light page from the
start, so the tab bar, its texts and the widget's minimum size are there at
once; the view itself is made by its factory when its tab first becomes
current with something to show, or when :meth:`LazyTabs.view` asks for it.
While there is nothing to show (no node selected), a page shows a plain line
instead (:meth:`LazyTabs.show_placeholder`), so the window's first frame
needs neither the views nor pyqtgraph.

Every tab stays in sight, however narrow the inspector: a tab named in two
languages (``Gradient · 기울기``) drops its second name when the full names do
not fit (the full one stays in its tooltip), and the bar never hides a tab
behind its scroll arrows (a tab's text is shortened with … instead).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QLabel, QLayout, QTabWidget, QVBoxLayout, QWidget

from explorer.ui.kit.guard import guarded
from explorer.ui.text.plain import plain


class LazyTabs(QTabWidget):
    """Tabs over views made on demand.

    ``add_lazy_tab(factory, text)`` adds a tab whose view is ``factory()``,
    called once; ``view(index)`` returns it, building it if needed;
    ``is_built(index)`` says whether it exists yet. ``minimum`` is the size
    every page keeps before and after its view is built, so building one
    never moves the tab bar.
    """

    def __init__(self, minimum: tuple[int, int], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._minimum = minimum
        self._factories: list[Callable[[], QWidget]] = []
        self._views: list[QWidget | None] = []
        self._placeholders: dict[int, QLabel] = {}
        self._full_texts: list[str] = []
        self.setUsesScrollButtons(False)  # every tab in sight: a text is shortened rather than a tab hidden
        self.setElideMode(Qt.TextElideMode.ElideRight)

    def full_text(self, index: int) -> str:
        """The tab's whole name (``Gradient · 기울기``), whether it is shown whole or short."""
        shown = self.tabText(index)
        while len(self._full_texts) < self.count():  # a tab added as any tab widget's: its text is its name
            self._full_texts.append(self.tabText(len(self._full_texts)))
        full = self._full_texts[index]
        if shown not in (full, short_name(full)):  # renamed since (another language): that is its name now
            self._full_texts[index] = full = shown
        return full

    def fit_tab_texts(self) -> None:
        """Whole names when they all fit in the bar's width, else the first name of each (whole in the tooltip)."""
        fulls = [self.full_text(index) for index in range(self.count())]
        bar = self.tabBar()
        metrics = bar.fontMetrics()
        longer = sum(metrics.horizontalAdvance(full) - metrics.horizontalAdvance(self.tabText(i)) for i, full in enumerate(fulls))
        whole = bar.sizeHint().width() + longer <= self.width()  # the bar's natural width with every whole name
        for index, full in enumerate(fulls):
            shown = full if whole else short_name(full)
            if self.tabText(index) != shown:
                self.setTabText(index, shown)
            self.setTabToolTip(index, "" if shown == full else full)

    @guarded("fitting the inspector's tab names")
    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt override)
        super().resizeEvent(event)
        self.fit_tab_texts()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt override)
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.LanguageChange):
            self.fit_tab_texts()

    def add_lazy_tab(self, factory: Callable[[], QWidget], text: str) -> int:
        page = QWidget()
        page.setMinimumSize(*self._minimum)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        self._factories.append(factory)
        self._views.append(None)
        self._full_texts.append(text)
        index = self.addTab(page, text)
        self.fit_tab_texts()
        return index

    def is_built(self, index: int) -> bool:
        return self._views[index] is not None

    def view(self, index: int) -> QWidget:
        """The view of tab ``index``, built now if it was not yet."""
        view = self._views[index]
        if view is None:
            page = self.widget(index)
            placeholder = self._placeholders.pop(index, None)
            if placeholder is not None:
                placeholder.hide()  # at once: its deletion waits for the event loop (a screenshot does not)
                placeholder.deleteLater()
            view = self._factories[index]()
            view.setParent(page)
            self._page_layout(index).addWidget(view)
            view.show()  # now, not on the layout's next turn: it is asked for to be drawn at once
            self._views[index] = view
        return view

    def _page_layout(self, index: int) -> QLayout:
        """The layout of tab ``index``'s page (each page has one: see :meth:`add_lazy_tab`)."""
        page = self.widget(index)
        layout = page.layout() if page is not None else None
        assert layout is not None, f"tab {index} has no page with a layout"
        return layout

    def built_views(self) -> list[QWidget]:
        return [view for view in self._views if view is not None]

    def show_placeholder(self, index: int, text: str) -> None:
        """Say ``text`` on tab ``index``: through its view once built, else on a plain line that builds nothing."""
        view = self._views[index]
        if view is not None:
            view.show_message(text)  # type: ignore[attr-defined]
            return
        label = self._placeholders.get(index)
        if label is None:
            label = plain(QLabel(self.widget(index)))
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            label.setWordWrap(True)
            label.setEnabled(False)  # the palette's quiet text, as the views' own messages
            self._page_layout(index).addWidget(label)
            self._placeholders[index] = label
        label.setText(text)

    def placeholder_text(self, index: int) -> str | None:
        """The line tab ``index`` shows while its view is not built, or None."""
        label = self._placeholders.get(index)
        return None if label is None else label.text()


def short_name(text: str) -> str:
    """A tab's first name: ``Gradient · 기울기`` → ``Gradient``.

    >>> short_name("Gradient · 기울기"), short_name("값")
    ('Gradient', '값')
    """
    return text.split(" · ", 1)[0]
