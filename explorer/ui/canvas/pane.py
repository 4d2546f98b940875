"""The canvas under a header that always shows the current step and its formula."""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from explorer.ui.canvas.scene import GraphView

#: A step line with the glyphs that come from the tallest fonts: its height is every step's.
TALLEST_LINE = "Ŷ ∂L/∂W₃ = H₂ · δᵀ  [역전파 순전파] ⚠ gÅ"


class CanvasPane(QWidget):
    """The canvas under a header line that always shows the current step and its formula.

    The header is the step's own place: a transient message in the status bar
    never covers it.
    """

    def __init__(self, view: GraphView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.view = view
        self.header = QFrame(self)
        self.header.setObjectName("step_header")
        self.header.setFrameShape(QFrame.Shape.NoFrame)
        self.header.setAutoFillBackground(True)
        self._header_layout = QVBoxLayout(self.header)
        self._header_layout.setContentsMargins(10, 4, 10, 4)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.header)
        layout.addWidget(view, 1)

    def set_header(self, label: QLabel) -> None:
        """Show ``label`` (the step line) in the header, one line, elided by the width it gets."""
        label.setParent(self.header)
        label.setMinimumWidth(10)  # a long formula never widens the window
        font = label.font()
        font.setPointSizeF(font.pointSizeF() * 1.1)
        label.setFont(font)
        self._header_layout.addWidget(label)
        self.fit_header()

    def fit_header(self) -> None:
        """The header's height for its font now (a text zoom changed it)."""
        # one height for every step: a line with Hangul, a hat or a superscript (fallback fonts) is a pixel
        # taller, and a header that changed height would resize and refit the canvas on that step
        for label in self.header.findChildren(QLabel):
            shown = label.text()
            label.setMinimumHeight(0)
            label.setText(TALLEST_LINE)
            label.setMinimumHeight(label.sizeHint().height())
            label.setText(shown)
