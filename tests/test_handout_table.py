"""The handout builder's table shows every dose in full, as it will be printed: rows
grow to their text, also after an edit, and a cell's tooltip is its whole text."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QLabel, QStyle, QTableWidget
from pytestqt.qtbot import QtBot

from explorer.ui.handout_dialog import HandoutDialog

LONG_NOTE = "Keep the pelvis level and stop if pain goes above 3 out of 10"


@pytest.fixture
def builder(open_builder: Callable[..., HandoutDialog]) -> HandoutDialog:
    """A builder with three exercises that closes without asking."""
    return open_builder(exercises=("single-leg-balance", "bridge", "clam"))


def text_margins(table: QTableWidget) -> int:
    """The room either side of a cell's text, as the style draws it."""
    return 2 * (table.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin) + 1)


def _shown_in_full(dialog: HandoutDialog, row: int, column: int) -> bool:
    """Whether the cell is tall enough for its text, wrapped at the column's width."""
    table = dialog.table
    text = table.item(row, column).text()
    width = table.columnWidth(column) - text_margins(table)
    needed = table.fontMetrics().boundingRect(QRect(0, 0, width, 10_000),
                                              Qt.TextFlag.TextWordWrap, text)
    return needed.height() <= table.rowHeight(row) and needed.width() <= width


def test_every_dose_shows_in_full(builder: HandoutDialog) -> None:
    dialog = builder
    table = dialog.table
    hold = 3
    assert table.item(0, hold).text() == "10-20 seconds on each leg"
    for row in range(table.rowCount()):
        for column in range(table.columnCount()):
            if table.item(row, column).text():
                assert _shown_in_full(dialog, row, column), table.item(row, column).text()
        assert table.rowHeight(row) >= table.sizeHintForRow(row)


def test_an_edited_note_and_a_narrower_column_still_show_in_full(builder: HandoutDialog) -> None:
    dialog = builder
    table = dialog.table
    note = table.columnCount() - 1
    table.item(1, note).setText(LONG_NOTE)  # as typed in the cell
    assert dialog.handout().exercises[1].note == LONG_NOTE
    assert _shown_in_full(dialog, 1, note)
    table.setColumnWidth(3, table.columnWidth(3) * 3 // 4)  # the user narrows "Hold"
    assert _shown_in_full(dialog, 0, 3)


def test_a_cell_tooltip_holds_its_whole_text(builder: HandoutDialog) -> None:
    dialog = builder
    table = dialog.table
    assert table.item(0, 0).toolTip() == "Single-leg balance"
    assert table.item(0, 3).toolTip() == "10-20 seconds on each leg"
    table.item(2, 5).setText(LONG_NOTE)
    assert table.item(2, 5).toolTip() == LONG_NOTE
    assert not dialog.history.stack.canRedo() and dialog.history.stack.count() == 1


def test_at_its_smallest_the_builder_shows_two_whole_rows(
        qtbot: QtBot, builder: HandoutDialog) -> None:
    """At its minimum size the table showed one row and part of the next, each exercise's
    name wrapped to five lines in a sliver of a column. (The large print box is now beside
    the hip's box, a row saved: the "Hip" label still takes Alt+H to it.)"""
    dialog = builder
    dialog.resize(dialog.minimumSizeHint().expandedTo(dialog.minimumSize()))
    qtbot.waitUntil(lambda: dialog.size() == dialog.minimumSize().expandedTo(
        dialog.minimumSizeHint()))
    table = dialog.table
    second = table.rowViewportPosition(1) + table.rowHeight(1)
    assert 0 < second <= table.viewport().height(), "the second row is cut off"
    hip = next(label for label in dialog.findChildren(QLabel) if label.text() == "&Hip:")
    assert hip.buddy() is dialog.side  # Alt+H reaches the box, and the & is not shown


def test_at_the_builders_narrowest_every_word_of_a_dose_shows(
        qtbot: QtBot, builder: HandoutDialog) -> None:
    """At 720 pixels (the builder's narrowest, and its width on a screen up to 800 wide)
    the Hold column was 52 pixels: "30-45 seco…", and the table scrolled sideways."""
    from explorer.ui.handout_dialog import MIN_WIDTH

    dialog = builder
    for exercise in dialog.content.exercises:  # rows enough to scroll
        dialog.add_exercise(exercise)
    dialog.resize(MIN_WIDTH, dialog.height())
    table = dialog.table
    qtbot.waitUntil(lambda: dialog.width() == MIN_WIDTH)
    qtbot.wait(50)  # the columns and rows follow the new width
    assert table.verticalScrollBar().isVisible()
    assert "seconds" in {table.item(row, 3).text().split()[-1]
                         for row in range(table.rowCount()) if table.item(row, 3).text()}
    for row in range(table.rowCount()):
        for column in range(table.columnCount()):
            if table.item(row, column).text():
                assert _shown_in_full(dialog, row, column), table.item(row, column).text()
    assert not table.horizontalScrollBar().isVisible()
