"""After View > Reload content (F5) or a clinic-mode round trip (F11, then Escape) the
keyboard is back where it was, on the same control: the same Refine question, the same
row of the region list, the same link in the details (it came back to the pane, which
showed no focus: Space ticked nothing, and the place in it was lost)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from explorer.ui.main_window import MainWindow

ROUND_TRIPS = ("F5", "F11 then Escape")


@pytest.fixture
def window(qtbot: QtBot, open_window: Callable[..., MainWindow]) -> MainWindow:
    win = open_window(1400, 860)
    win.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is win)
    win.selection.set_regions(["outer"])
    return win


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def round_trip(qtbot: QtBot, window: MainWindow, how: str) -> None:
    """The keys pressed where the keyboard is."""
    if how == "F5":
        qtbot.keyClick(focused(), Qt.Key.Key_F5)
        return
    qtbot.keyClick(focused(), Qt.Key.Key_F11)
    qtbot.waitUntil(lambda: window.clinic.active)
    qtbot.keyClick(focused(), Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not window.clinic.active)


@pytest.mark.parametrize("how", ROUND_TRIPS)
def test_the_keyboard_comes_back_to_the_same_question(qtbot: QtBot, window: MainWindow,
                                                      how: str) -> None:
    refine = window.refine
    shown = [clue for clue, box in refine.boxes.items() if box.isVisible()]
    third = shown[2]
    refine.boxes[shown[0]].setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    assert focused() is refine.boxes[third]
    round_trip(qtbot, window, how)
    refine = window.refine  # (a reload builds the questions anew)
    assert focused() is refine.boxes[third]
    assert refine.questions[third].font().underline()  # marked, as it was
    qtbot.keyClick(focused(), Qt.Key.Key_Space)
    assert window.selection.answers.get(third)  # Space ticks that question
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    assert focused() is refine.boxes[shown[3]]  # and Tab goes on from there


def test_a_question_no_longer_asked_leaves_the_keyboard_on_a_question(
        qtbot: QtBot, window: MainWindow) -> None:
    """The regions changed while presenting, and the question is no longer asked: the
    keyboard goes to the first question asked now, not to the panel round them."""
    refine = window.refine
    outer = [clue for clue, box in refine.boxes.items() if box.isVisible()]
    window.selection.set_regions(["groin"])
    groin = [clue for clue, box in refine.boxes.items() if box.isVisible()]
    window.selection.set_regions(["outer"])
    gone = next(clue for clue in outer if clue not in groin)
    refine.boxes[gone].setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClick(focused(), Qt.Key.Key_F11)
    window.selection.set_regions(["groin"])  # a click on the diagram while presenting
    qtbot.keyClick(focused(), Qt.Key.Key_Escape)
    assert not refine.boxes[gone].isVisible()
    assert focused() is refine.boxes[groin[0]]
    qtbot.keyClick(focused(), Qt.Key.Key_Space)
    assert window.selection.answers.get(groin[0])


def test_the_region_lists_row_stays_after_a_reload(qtbot: QtBot, window: MainWindow) -> None:
    regions = window.region_list
    regions.setFocus(Qt.FocusReason.TabFocusReason)
    regions.setCurrentRow(0)
    for _ in range(3):
        qtbot.keyClick(focused(), Qt.Key.Key_Down)
    assert regions.currentRow() == 3
    qtbot.keyClick(focused(), Qt.Key.Key_F5)
    assert focused() is window.region_list
    assert window.region_list.currentRow() == 3


@pytest.mark.parametrize("how", ROUND_TRIPS)
def test_the_link_the_keyboard_is_on_in_the_details_stays(
        qtbot: QtBot, window: MainWindow, how: str) -> None:
    detail = window.detail
    detail.setFocus(Qt.FocusReason.TabFocusReason)
    for _ in range(3):
        qtbot.keyClick(focused(), Qt.Key.Key_Tab)  # from link to link
    cursor = detail.textCursor()
    link = cursor.selectedText()
    assert focused() is detail and cursor.hasSelection()
    assert cursor.charFormat().anchorHref().startswith("hip:")  # a link's text
    round_trip(qtbot, window, how)
    detail = window.detail
    assert focused() is detail
    assert detail.textCursor().selectedText() == link
    assert detail.textCursor().charFormat().anchorHref() == cursor.charFormat().anchorHref()
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)  # and on to the next link, not the first
    assert detail.textCursor().selectionStart() > cursor.selectionStart()


@pytest.mark.parametrize("how", ROUND_TRIPS)
def test_the_search_fields_cursor_and_selection_stay(qtbot: QtBot, window: MainWindow,
                                                     how: str) -> None:
    """The words came back with the cursor at their end: a user editing "sit bone"
    after "sit" typed on at the wrong place."""
    window.search.setFocus(Qt.FocusReason.ShortcutFocusReason)  # Ctrl+F
    qtbot.keyClicks(focused(), "sit bone")
    for _ in range(5):
        qtbot.keyClick(focused(), Qt.Key.Key_Left)
    round_trip(qtbot, window, how)
    field = window.search.field
    assert focused() is field and field.text() == "sit bone"
    assert field.cursorPosition() == 3 and not field.hasSelectedText()
    qtbot.keyClick(field, Qt.Key.Key_End)
    for _ in range(4):  # "bone" selected from its end
        qtbot.keyClick(field, Qt.Key.Key_Left, Qt.KeyboardModifier.ShiftModifier)
    round_trip(qtbot, window, how)
    field = window.search.field
    assert field.selectedText() == "bone" and field.cursorPosition() == 4  # still leftwards
    qtbot.keyClicks(field, "s")
    assert field.text() == "sit s"  # typing replaces it, as it would have
