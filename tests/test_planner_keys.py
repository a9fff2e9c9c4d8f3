"""The running-load planner from the keyboard, in the dialog the window opens (Guide >
Running-load planner): Tab leaves the run table, Add run and Remove run have Alt+letters
of their own, and Enter never closes the planner."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QDialog, QLabel, QWidget
from pytestqt.qtbot import QtBot

from explorer.model.running_load import Run
from explorer.ui.charts import LoadPlanner

RUNS = [Run(1, 5.0), Run(3, 6.0)]


def open_planner(qtbot: QtBot, open_window: Callable[..., Any]) -> tuple[QDialog, LoadPlanner]:
    window = open_window()
    window.planner_action.trigger()
    dialog = window.chart_dialogs["planner"]
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    planner = window.planner
    planner.set_runs(RUNS, "km")
    return dialog, planner


def focus(qtbot: QtBot, widget: QWidget) -> None:
    widget.setFocus()
    qtbot.waitUntil(widget.hasFocus)


def letter_key(letter: str) -> Qt.Key:
    return Qt.Key(ord(letter.upper()))


def in_table(planner: LoadPlanner) -> bool:
    widget = QApplication.focusWidget()
    return widget is planner.table or planner.table.isAncestorOf(widget)


def test_tab_and_shift_tab_leave_the_run_table(
        qtbot: QtBot, open_window: Callable[..., Any]) -> None:
    _, planner = open_planner(qtbot, open_window)
    for key in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab):
        focus(qtbot, planner.table)
        planner.table.setCurrentCell(0, 0)
        qtbot.keyClick(QApplication.focusWidget(), key)
        assert not in_table(planner), key
    # and on round the dialog, to its Close button
    focus(qtbot, planner.table)
    reached = set()
    for _ in range(12):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        widget = QApplication.focusWidget()
        reached.add(widget.text() if isinstance(widget, QAbstractButton) else "")
    assert {"&Add run", "&Remove run", "Close"} <= reached


def test_add_run_and_remove_run_have_alt_letters_of_their_own(
        qtbot: QtBot, open_window: Callable[..., Any]) -> None:
    dialog, planner = open_planner(qtbot, open_window)
    texts = [w.text() for w in dialog.findChildren(QAbstractButton)]
    texts += [w.text() for w in dialog.findChildren(QLabel) if w.buddy() is not None]
    letters = [m.group(1).lower() for text in texts if (m := re.search(r"&(\w)", text))]
    assert len(letters) == len(set(letters)), letters  # no two share a letter
    add = re.search(r"&(\w)", planner.add_button.text())
    remove = re.search(r"&(\w)", planner.remove_button.text())
    assert add and remove
    focus(qtbot, planner.weekly)
    qtbot.keyClick(planner.weekly, letter_key(add.group(1)), Qt.KeyboardModifier.AltModifier)
    # Alt+letter presses a button as a click seen on screen: a moment later
    qtbot.waitUntil(lambda: planner.table.rowCount() == len(RUNS) + 1)  # a row to edit
    focus(qtbot, planner.weekly)
    planner.table.setCurrentCell(0, 0)
    qtbot.keyClick(planner.weekly, letter_key(remove.group(1)),
                   Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: planner.table.rowCount() == len(RUNS))


def test_enter_in_a_field_or_on_the_table_leaves_the_planner_open(
        qtbot: QtBot, open_window: Callable[..., Any]) -> None:
    dialog, planner = open_planner(qtbot, open_window)
    for field, typed in ((planner.weekly, "30"), (planner.longest, "12")):
        focus(qtbot, field)
        qtbot.keyClicks(field, typed)
        qtbot.keyClick(field, Qt.Key.Key_Return)
        assert dialog.isVisible()
        assert field.hasFocus() and field.text() == typed
    focus(qtbot, planner.table)
    planner.table.setCurrentCell(0, 1)
    for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
        qtbot.keyClick(planner.table, key)
        assert dialog.isVisible()
    assert planner.table.rowCount() == len(RUNS)
    # Enter on a focused button presses it, as Space does; on Close, it closes
    focus(qtbot, planner.add_button)
    qtbot.keyClick(planner.add_button, Qt.Key.Key_Return)
    assert planner.table.rowCount() == len(RUNS) + 1
    assert dialog.isVisible()


def test_enter_on_a_cell_edits_it_as_in_the_handout_builder(
        qtbot: QtBot, open_window: Callable[..., Any]) -> None:
    """Enter on a cell did nothing (F2 or typing over it did): in the builder's table
    Enter edits the cell."""
    from PySide6.QtWidgets import QAbstractItemView, QLineEdit

    dialog, planner = open_planner(qtbot, open_window)
    table = planner.table
    focus(qtbot, table)
    table.setCurrentCell(1, 1)
    before = planner.summary_text()
    qtbot.keyClick(table, Qt.Key.Key_Return)
    assert table.state() == QAbstractItemView.State.EditingState
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit) and editor.text() == "6"
    editor.selectAll()
    qtbot.keyClicks(editor, "6.5")
    qtbot.keyClick(editor, Qt.Key.Key_Return)  # the editor's own Enter: kept, not closed
    qtbot.waitUntil(lambda: table.state() != QAbstractItemView.State.EditingState)
    qtbot.wait(50)  # (and it stays closed)
    assert table.state() != QAbstractItemView.State.EditingState
    assert table.item(1, 1).text() == "6.5" and dialog.isVisible()
    assert planner.summary_text() != before  # the plan follows what was typed
