"""A word-wrapped label that asks a layout for exactly the lines its text takes at its
width. Qt's layouts ask a wrapped label for the height it would have at its own
preferred width: a box layout or a splitter gives it too few lines (and what follows is
drawn over its last lines), a form layout too many (a gap under a one-line message).
Its text shows as it is, never as rich text: messages quote file names and ids typed by
hand ("<b>x</b>.png")."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QLabel, QWidget


class WrappedLabel(QLabel):
    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setText(text)
        self.setWordWrap(True)
        policy = self.sizePolicy()
        policy.setHeightForWidth(False)  # the height for this width is in the hints
        self.setSizePolicy(policy)

    def sizeHint(self) -> QSize:
        return self._at_this_width(super().sizeHint())

    def minimumSizeHint(self) -> QSize:
        return self._at_this_width(super().minimumSizeHint())

    def _at_this_width(self, hint: QSize) -> QSize:
        if not self.text():  # a picture, or nothing: Qt's own hint
            return hint
        return QSize(hint.width(), self.heightForWidth(self.width()))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self.updateGeometry()  # as many lines as this width takes

