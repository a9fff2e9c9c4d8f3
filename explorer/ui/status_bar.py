"""A status bar whose messages fit it: in a narrow window "Saved /home/kim/Documents/
greater-trochanteric-pain-syndrome.pdf (2 pages)." was cut off after "syndro", losing
the file's name and its page count. A message too long for the bar is said in its
shorter form (a file's name without its folder) if it has one, and what still does not
fit keeps its beginning and its end, with "…" for the middle. The whole message is the
bar's tooltip meanwhile. The fit is made again as the bar's width changes (a message said
while the window is built is fitted when it is shown). Its button shows a focus frame."""

from __future__ import annotations

import time

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QPainter, QPaintEvent, QPalette, QPen, QResizeEvent
from PySide6.QtWidgets import (
    QPushButton,
    QStatusBar,
    QWidget,
)

MARGINS = 16  # pixels the bar keeps round a message


class StatusBar(QStatusBar):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._said = ("", "", 0.0)  # the message, its shorter form, when it goes (0: never)
        self.messageChanged.connect(self._on_message_changed)

    def showMessage(self, message: str, timeout: int | None = 0) -> None:
        self.say(message, timeout or 0)

    def say(self, message: str, timeout: int = 0, shorter: str = "") -> None:
        """`message` for `timeout` ms (0: until the next), or where the bar's free width
        cannot hold it `shorter`, shortened in its middle if need be."""
        self._said = (message, shorter, time.monotonic() + timeout / 1000 if timeout else 0.0)
        self._fit(timeout)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        message, _, ends = self._said
        if message and self.currentMessage():
            left = round((ends - time.monotonic()) * 1000) if ends else 0
            if left >= 0:  # 0: it stays (a negative time: it is going anyway)
                self._fit(max(left, 1) if ends else 0)

    def _fit(self, timeout: int) -> None:
        message, shorter, _ = self._said
        beside = self.findChildren(QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly)
        room = max(80, self.width() - MARGINS - sum(w.width() for w in beside if w.isVisible()))
        metrics = self.fontMetrics()
        shown = message
        if metrics.horizontalAdvance(message) > room:
            shown = metrics.elidedText(shorter or message, Qt.TextElideMode.ElideMiddle, room)
        self.setToolTip(message if shown != message else "")
        super().showMessage(shown, timeout)

    def _on_message_changed(self, text: str) -> None:
        if not text:  # the message has gone: so has its tooltip
            self.setToolTip("")
            self._said = ("", "", 0.0)


class StatusButton(QPushButton):
    """A flat button in the status bar (the content problems' "show") that shows a focus
    frame when it has the keyboard: the Fusion style draws none on a flat button."""

    def __init__(self, text: str) -> None:
        super().__init__(text)
        self.setFlat(True)

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        # as other controls: a frame when the keyboard brought the focus, not a click
        if self.hasFocus() and self.window().testAttribute(
                Qt.WidgetAttribute.WA_KeyboardFocusChange):
            painter = QPainter(self)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setPen(QPen(self.palette().color(QPalette.ColorRole.Highlight), 2))
            painter.drawRoundedRect(QRectF(self.rect()).adjusted(1, 1, -1, -1), 3, 3)
