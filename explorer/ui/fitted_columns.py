"""Table columns that fit the table's width: each column has a preferred width in
characters and the last one takes the rest, but never less than its own minimum. Where
the table is too narrow for that (a small laptop screen), the other columns give up room
in proportion, down to their headers' widths, so that nothing needs sideways scrolling.
Once the user drags a column's edge, the widths are theirs and are left alone."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QHeaderView, QTableWidget

PADDING = 12  # px around a cell's text


class FittedColumns(QObject):
    def __init__(self, table: QTableWidget, chars: tuple[int, ...], last_chars: int) -> None:
        """`chars`: the preferred widths of every column but the last, in characters;
        `last_chars`: the least the last column may have."""
        super().__init__(table)
        self.table = table
        self.chars = chars
        self.last_chars = last_chars
        self.by_hand = False
        self._fitting = False
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        # a stretched last column never gets narrower than it was before it stretched
        table.setColumnWidth(len(chars), self._px(last_chars))
        header.setStretchLastSection(True)
        header.sectionResized.connect(self._on_section_resized)
        table.viewport().installEventFilter(self)
        self.fit()

    def widths(self, room: int) -> list[int]:
        """The widths of every column but the last, leaving the last at least its minimum
        within `room` pixels where the headers allow."""
        wanted = [self._px(chars) for chars in self.chars]
        spare = room - self._px(self.last_chars)
        if sum(wanted) <= spare:
            return wanted
        header = self.table.horizontalHeader()
        least = [header.sectionSizeHint(column) for column in range(len(wanted))]
        share = max(spare, 0) / sum(wanted)
        return [max(low, int(width * share)) for width, low in zip(wanted, least, strict=True)]

    def _px(self, chars: int) -> int:
        return chars * self.table.fontMetrics().averageCharWidth() + PADDING

    def fit(self) -> None:
        if self.by_hand:
            return
        self._fitting = True
        try:
            for column, width in enumerate(self.widths(self.table.viewport().width())):
                self.table.setColumnWidth(column, width)
        finally:
            self._fitting = False

    def _on_section_resized(self, column: int, _old: int, _new: int) -> None:
        # the last column follows the table's width by itself: only a drag on another
        # column's edge is the user's choice
        if not self._fitting and column < len(self.chars):
            self.by_hand = True

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            self.fit()
        return False
