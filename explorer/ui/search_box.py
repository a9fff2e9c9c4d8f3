"""Search conditions, exercises, treatments and regions by lay or clinical words.

Keyboard first: Ctrl+F focuses the field, typing lists matches right below it (in the
window, not a popup, so screen readers and every platform see it), Up/Down move,
Enter opens the highlighted (or first) match and hides the list (the next Up, Down or
Enter shows it again), Escape clears. A match opened from the list itself (Tab into it
and Enter, or a click, as in a completer's popup) leaves the keyboard in the field too,
and so does Escape there, which only hides the list. The keyboard stays in the field
while Up and Down move the highlight, so the field's accessible description says how
many results there are and which is highlighted ("5 results; Condition: …, 2 of 5").
When no entry holds every word, a line above the results says which words they leave
out; past MAX_SHOWN results, a line under them says how many more there are. The
results are put away when the keyboard goes to another part of the window.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import NamedTuple

from PySide6.QtCore import QEvent, QRect, QSize, Qt, QTimer, Signal
from PySide6.QtGui import (
    QAccessible,
    QAccessibleEvent,
    QColor,
    QFocusEvent,
    QKeyEvent,
    QKeySequence,
    QResizeEvent,
)
from PySide6.QtWidgets import (
    QApplication,
    QLineEdit,
    QListView,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from explorer.model import Content, SearchHit, search
from explorer.model.search import query_stems
from explorer.ui.contrast import MUTED_TEXT

NO_MATCHES = "No matches. Try other words, such as “outer hip”, “sit bone” or “clicking”."
RESPELLED = "Showing results for “{}”"  # above the hits of a query spelled otherwise
# above the hits of some of the words, when no entry holds them all
LEFT_OUT = "Nothing matches every word. Showing results for “{}”, leaving out “{}”"
MAX_SHOWN = 50  # results listed; a line under them says how many more there are
MORE = "{} more match less well: add a word to narrow the search"
MAX_RESULTS_HEIGHT = 200
MIN_RESULTS_HEIGHT = 60  # pixels: about two results, whatever the room
KIND_LABELS = {"condition": "Condition", "exercise": "Exercise", "treatment": "Treatment",
               "region": "Region", "page": "Guide"}


SNIPPET_CHARS = 60  # of a long matched text, this much around the first matching word


def snippet(text: str, query: str, room: int = SNIPPET_CHARS) -> str:
    """`text` cut to about `room` characters around the first word the query matches,
    with an ellipsis where it was cut (a whole paragraph would fill the results)."""
    text = " ".join(text.split())
    if len(text) <= room:
        return text
    terms = [t[:4] for t in query_stems(query)]  # the stem's start
    found = next((m.start() for m in re.finditer(r"[A-Za-z0-9]+", text)
                  if any(m.group().lower().startswith(t) for t in terms)), 0)
    start = max(0, min(found - room // 3, len(text) - room))
    if start:
        start = text.find(" ", start) + 1 or start  # at a word's start
    end = start + room
    space = text.rfind(" ", start, end)
    if end < len(text) and space > found:
        end = space  # at a word's end
    return ("…" if start else "") + text[start:end].strip() + ("…" if end < len(text) else "")


class _Field(QLineEdit):
    """Passes Up/Down/Escape to the results list; Undo and Redo to the window when it has
    no typing of its own to take back (after a result is opened)."""

    navigate = Signal(int)
    cancelled = Signal()
    left = Signal()  # the keyboard went elsewhere

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent) and (
                (event.matches(QKeySequence.StandardKey.Undo) and not self.isUndoAvailable())
                or (event.matches(QKeySequence.StandardKey.Redo)
                    and not self.isRedoAvailable())):
            event.ignore()  # Edit > Undo's shortcut, as the status line says after a region
            return False
        return super().event(event)

    def words_done(self) -> None:
        """The words typed are a finished search: Undo no longer takes them back letter
        by letter (it is the window's again)."""
        cursor = self.cursorPosition()
        self.blockSignals(True)
        self.setText(self.text())  # the same words, without their undo history
        self.blockSignals(False)
        self.setCursorPosition(cursor)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.left.emit()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Down:
            self.navigate.emit(1)
        elif event.key() == Qt.Key.Key_Up:
            self.navigate.emit(-1)
        elif event.key() == Qt.Key.Key_Escape:
            self.cancelled.emit()
        else:
            super().keyPressEvent(event)


class _Results(QListWidget):
    """Escape puts the list away (`cancelled`), as it would a completer's popup."""

    cancelled = Signal()
    left = Signal()  # the keyboard went elsewhere

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.left.emit()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.cancelled.emit()
        else:
            super().keyPressEvent(event)


def _note(text: str) -> QListWidgetItem:
    """A line of the list that says something and is never a result to choose: in a
    readable grey, not the disabled one (2.8:1 on white)."""
    item = QListWidgetItem(text)
    item.setFlags(Qt.ItemFlag.NoItemFlags)
    item.setForeground(QColor(MUTED_TEXT))
    return item


class SearchState(NamedTuple):
    text: str
    results_shown: bool
    row: int
    cursor: int  # where the text cursor was, to edit on where the user left off
    anchor: int  # where a selection starts (the cursor's other end); the cursor if none


class SearchBox(QWidget):
    result_chosen = Signal(str, str)  # kind, id

    def __init__(self, content: Content, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._content = content
        self.hits: list[SearchHit] = []
        self._first = 0  # the row of the first hit: 1 below a "Showing results for" line
        self._more = 0  # hits found beyond those listed
        self.field = _Field()
        self.field.setPlaceholderText("Search (Ctrl+F): “sit bone”, “GTPS”, “clicking”…")
        self.field.setClearButtonEnabled(True)
        self.field.setAccessibleName("Search conditions, exercises and regions")
        # the most height the window can give the results (it sets it: on a short screen
        # they went on below the column, under the list of conditions)
        self.room: Callable[[], int] = lambda: MAX_RESULTS_HEIGHT
        self.results = _Results()
        self.results.setAccessibleName("Search results")
        # whole results on as many lines as they need, never cut off sideways
        self.results.setWordWrap(True)
        self.results.setSpacing(1)
        self.results.setResizeMode(QListView.ResizeMode.Adjust)
        self.results.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.results.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.field)
        layout.addWidget(self.results)
        self.setFocusProxy(self.field)
        self.field.textChanged.connect(self._on_field_text_changed)
        self.field.returnPressed.connect(self._on_field_return_pressed)
        self.field.navigate.connect(self._on_field_navigate)
        self.field.cancelled.connect(self.field.clear)
        self.results.itemActivated.connect(self._on_results_item_activated)
        self.results.itemClicked.connect(self._on_results_item_activated)
        self.results.cancelled.connect(self._on_results_cancelled)
        for part in (self.field, self.results):
            part.left.connect(lambda: QTimer.singleShot(0, self, self._put_away_if_left))

    def text(self) -> str:
        return self.field.text()

    def state(self) -> SearchState:
        cursor, start = self.field.cursorPosition(), self.field.selectionStart()
        # a selection's other end: its start, or its end when it was made leftwards
        anchor = cursor if start < 0 else self.field.selectionEnd() if start == cursor else start
        return SearchState(self.field.text(), not self.results.isHidden(),
                           self._hit_row(), cursor, anchor)

    def restore_state(self, state: SearchState) -> None:
        """Search again for the same words (in new content, after a reload), with the
        results shown or put away and the same one current as before, and the cursor
        (and selection) where it was in the words, not at their end."""
        self.field.setText(state.text)
        self.field.setSelection(state.anchor, state.cursor - state.anchor)
        if not state.results_shown:
            self.results.hide()
        if 0 <= state.row < len(self.hits):
            self.results.setCurrentRow(self._first + state.row)
            self._describe_results()

    def _on_field_text_changed(self, text: str) -> None:
        hits = search(self._content, text, limit=None, fall_back=True)
        self.hits, self._more = hits[:MAX_SHOWN], max(0, len(hits) - MAX_SHOWN)
        self.results.clear()
        searched = self.hits[0].respelled if self.hits else ""
        if searched:
            left_out = self.hits[0].left_out
            self.results.addItem(_note(LEFT_OUT.format(searched, left_out) if left_out
                                       else RESPELLED.format(searched)))
        self._first = self.results.count()
        for hit in self.hits:
            extra = (f" — “{snippet(hit.matched, searched or text)}”"
                     if hit.matched != hit.title else "")
            self.results.addItem(f"{KIND_LABELS[hit.kind]}: {hit.title}{extra}")
        if self._more:
            self.results.addItem(_note(MORE.format(self._more)))
        if not self.hits and text.strip():
            self.results.addItem(_note(NO_MATCHES))
        self.results.setVisible(bool(text.strip()))
        if self.hits:
            self.results.setCurrentRow(self._first)
        self._fit_results()
        self._describe_results()

    def _describe_results(self) -> None:
        """Tell a screen reader, through the field it is in, what the list shows: how
        many results and the highlighted one; announced when it changes."""
        count, row = len(self.hits), self._hit_row()
        if not self.field.text().strip():
            words = ""  # the placeholder describes the field again
        elif not count:
            words = "No matches"
        else:
            words = f"{count} result{'s' * (count != 1)}"
            if self._more:
                words += f" ({self._more} more not listed)"
            if self._first:  # "Showing results for …": the words were spelled otherwise
                words += f"; {self.results.item(0).text()}"
            if 0 <= row < count:
                words += f"; {self.results.item(self._first + row).text()}, {row + 1} of {count}"
        if words != self.field.accessibleDescription():
            self.field.setAccessibleDescription(words)
            QAccessible.updateAccessibility(
                QAccessibleEvent(self.field, QAccessible.Event.DescriptionChanged))

    def refit(self) -> None:
        """Fit the results again, the room the window gives them having changed."""
        if self.results.isVisible():
            self._fit_results()

    def _fit_results(self) -> None:
        """Each result as tall as its wrapped text, the list as tall as the results (a few
        lines for one) up to MAX_RESULTS_HEIGHT and the `room` given. The rows are measured
        here, at the width they are drawn at (less a scroll bar when one shows): Qt's own
        measure ignores the scroll bar, and a row it makes too short is cut with "…" above
        a blank line."""
        frame = 2 * self.results.frameWidth()
        width = max(80, self.width() - frame - 8)  # the box's width: the list may be hidden
        heights = self._row_heights(width)
        gaps = 2 * self.results.spacing() * len(heights) + frame + 2
        limit = max(MIN_RESULTS_HEIGHT, min(MAX_RESULTS_HEIGHT, self.room()))
        if sum(heights) + gaps > limit:
            width -= self.results.verticalScrollBar().sizeHint().width()
            heights = self._row_heights(width)
        for row, height in enumerate(heights):
            self.results.item(row).setSizeHint(QSize(width, height))
        self.results.setFixedHeight(min(limit, sum(heights) + gaps))

    def _row_heights(self, width: int) -> list[int]:
        metrics = self.results.fontMetrics()
        return [metrics.boundingRect(QRect(0, 0, width, 10_000), Qt.TextFlag.TextWordWrap,
                                     self.results.item(row).text()).height() + 4
                for row in range(self.results.count())]

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.results.isVisible():
            self._fit_results()  # wrapped results take more lines when narrower

    def _reopened(self) -> bool:
        """After a result was opened the list is hidden: the next key shows it again
        (acting on a list no one sees would change the window unseen). True if it did."""
        if self.results.isVisible() or not self.field.text().strip():
            return False
        self.results.show()
        self._fit_results()
        return True

    def _on_field_navigate(self, step: int) -> None:
        if self.hits and not self._reopened():
            row = max(0, min(len(self.hits) - 1, self._hit_row() + step))
            self.results.setCurrentRow(self._first + row)
            self._describe_results()

    def _hit_row(self) -> int:
        """Which of the hits is current (-1 for none)."""
        return max(-1, self.results.currentRow() - self._first)

    def _choose(self, row: int) -> None:
        """Open hit `row` (counted from the first hit, not the list's first line)."""
        if 0 <= row < len(self.hits):
            hit = self.hits[row]
            if self.results.hasFocus():
                # chosen in the list (Enter or the mouse): the keyboard goes back to the
                # field, not on to the next widget as hiding a focused list would send it
                # (the condition list, where the next arrow key replaced what was opened)
                self.field.setFocus(Qt.FocusReason.OtherFocusReason)
            self.results.hide()
            self.field.words_done()
            self.result_chosen.emit(hit.kind, hit.id)

    def _on_field_return_pressed(self) -> None:
        if not self._reopened():
            self._choose(max(0, self._hit_row()))

    def _on_results_item_activated(self, item: QListWidgetItem) -> None:
        # a click opens the result as Enter does; a double-click's second click, or a
        # style that activates on one click too, finds the list put away by the first
        if not self.results.isHidden():
            self._choose(self.results.row(item) - self._first)

    def _put_away_if_left(self) -> None:
        """The results put away once the keyboard is on another part of the window (a
        click on the diagram left them squeezing the list of conditions); the words stay,
        and a key in the field shows them again. Another window or app taking the
        keyboard leaves them."""
        focus = QApplication.focusWidget()
        if focus is not None and focus is not self and not self.isAncestorOf(focus):
            self.results.hide()

    def _on_results_cancelled(self) -> None:
        """Escape in the list: back to the field, the words kept (Escape there clears)."""
        self.field.setFocus(Qt.FocusReason.OtherFocusReason)
        self.results.hide()
