"""Dialog helpers: a size that fits the screen, a scrolling body that follows the
keyboard, a plain-text question, message and tooltip, a scrolling text dialog, and a key
that works while one widget has the focus."""

from __future__ import annotations

import html
from collections.abc import Callable

from PySide6 import QtGui
from PySide6.QtCore import QPoint, QRect, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QMessageBox,
    QScrollArea,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

SCREEN_SHARE = 0.9  # a dialog never takes more of the screen's free area than this


def fit_to_screen(widget: QWidget, width: int, height: int) -> None:
    """Resize to `width` x `height`, or less where the screen is smaller, so that the
    dialog's buttons are always on screen."""
    anchor = widget.parentWidget() or widget
    screen = anchor.screen()
    if screen is not None:
        area = screen.availableGeometry()
        width = min(width, int(area.width() * SCREEN_SHARE))
        height = min(height, int(area.height() * SCREEN_SHARE))
    widget.resize(width, height)


class FollowingScroll(QScrollArea):
    """A dialog's body that scrolls on a screen too small for it (1920 x 1080 at 300%),
    so that the buttons below it stay on the screen, and that brings into view whatever
    inside it takes the keyboard focus, however it got there: Tab from the buttons, an
    Alt+letter or a click. Qt's own scroll area follows only Tab within it, and then only
    a list's current item, which an empty list has not."""

    width_changed = Signal(int)  # the width the body surely has, without scrolling sideways

    def __init__(self, body: QWidget) -> None:
        super().__init__()
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # no unseen stop: Tab goes inside
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setWidgetResizable(True)
        self.setWidget(body)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._on_app_focus_changed)

    def resizeEvent(self, event: QtGui.QResizeEvent) -> None:
        super().resizeEvent(event)
        # less a vertical scroll bar's width, shown or not: a bar that comes with a
        # stacked layout must not make it too narrow for that one
        self.width_changed.emit(self.width() - 2 * self.frameWidth()
                                - self.verticalScrollBar().sizeHint().width())

    def _on_app_focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        body = self.widget()
        if new is not None and body is not None and body.isAncestorOf(new):
            # after Qt's own scroll for Tab, which would undo this one
            QTimer.singleShot(0, self, self._show_focus)

    def _show_focus(self) -> None:
        focus, body = self.window().focusWidget(), self.widget()
        if focus is not None and body is not None and body.isAncestorOf(focus):
            # the whole widget: ensureWidgetVisible shows only a list's current item
            # (an empty rectangle at its top when it has none)
            box = QRect(focus.mapTo(body, QPoint(0, 0)), focus.size())
            margin = 8
            self.ensureVisible(box.center().x(), box.center().y(),
                               box.width() // 2 + margin, box.height() // 2 + margin)


def fitting_minimum(widget: QWidget, width: int, height: int) -> None:
    """Set a minimum size of `width` x `height`, or less where a screen is smaller (a
    1366 x 768 laptop at 150% has 512 points of height): a window whose minimum is
    taller than the screen has its bottom cut off and cannot be made to fit."""
    for screen in QGuiApplication.screens():
        area = screen.availableGeometry()
        width = min(width, int(area.width() * SCREEN_SHARE))
        height = min(height, int(area.height() * SCREEN_SHARE))
    widget.setMinimumSize(width, height)


def key_for(widget: QWidget, keys: QKeySequence, slot: Callable[[], object]) -> None:
    """Run `slot` on `keys` while `widget` itself has the focus (not, for a table, while
    one of its cells is being edited)."""
    shortcut = QShortcut(keys, widget)
    shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
    shortcut.activated.connect(slot)


def confirmed(parent: QWidget, title: str, text: str) -> bool:
    """Ask a yes/no question (No is the default) and wait. Plain text: it may quote a
    file name, and tags in a name must show as typed, not as formatting."""
    buttons = QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No
    box = QMessageBox(QMessageBox.Icon.Question, title, text, buttons, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setDefaultButton(QMessageBox.StandardButton.No)
    return box.exec() == QMessageBox.StandardButton.Yes


def plain_tip(text: str) -> str:
    """A tooltip that shows `text` as typed. Qt draws a tooltip as rich text when it
    looks like markup, so a content name such as "<b>x</b>" would turn bold (and "<30"
    could hide words): such a text is escaped; any other is left as it is."""
    if not QtGui.Qt.mightBeRichText(text):  # (Qt's function, in QtGui's Qt)
        return text
    return "<qt>" + html.escape(text).replace("\n", "<br>") + "</qt>"


def close_button(dialog: QDialog) -> QDialogButtonBox:
    """A Close button for a non-blocking dialog (it closes it as Escape does)."""
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
    buttons.rejected.connect(dialog.reject)
    return buttons


def text_dialog(parent: QWidget, title: str, html: str, width: int = 620,
                height: int = 600) -> QDialog:
    """A non-blocking dialog showing rich text that scrolls, with a Close button.
    Web links open in the browser; nothing is loaded from the network."""
    dialog = QDialog(parent)
    dialog.setWindowTitle(title)
    layout = QVBoxLayout(dialog)
    text = QTextBrowser()
    text.setAccessibleName(title)
    text.setOpenExternalLinks(True)
    text.setHtml(html)
    layout.addWidget(text)
    layout.addWidget(close_button(dialog))
    fit_to_screen(dialog, width, height)
    dialog.show()
    return dialog


def tell(parent: QWidget, icon: QMessageBox.Icon, title: str, text: str) -> None:
    """Show a message and wait for OK. It is plain text: a message may quote a handout
    file, and tags in the file must show as typed, not as formatting."""
    box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.exec()
