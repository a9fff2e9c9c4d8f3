"""Dialogs on the smallest screen the tests know (1080p at 300%: 640 x 360 points, so a
dialog gets 576 x 324): the buttons stay on the screen, the rest scrolls, and whatever
takes the keyboard focus scrolls into view."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import QPushButton, QWidget
from pytestqt.qtbot import QtBot

from explorer.model.running_load import Run
from explorer.ui.dialogs import FollowingScroll

SMALLEST = (576, 324)  # 90% of 640 x 360


def in_view(widget: QWidget, scroll: FollowingScroll) -> bool:
    """Is all of `widget` inside the part of `scroll` that shows?"""
    box = QRect(widget.mapTo(scroll.viewport(), QPoint(0, 0)), widget.size())
    return scroll.viewport().rect().contains(box)


def scrolled_to_bottom(scroll: FollowingScroll, qtbot: QtBot) -> None:
    bar = scroll.verticalScrollBar()
    assert bar.maximum() > 0  # there is something to scroll, or the test proves nothing
    bar.setValue(bar.maximum())
    qtbot.wait(10)


def test_a_field_reached_by_its_alt_letter_scrolls_into_view(qtbot: QtBot,
                                                             open_builder: Any) -> None:
    """Alt+M while the builder was scrolled down put the focus in the patient's name
    above the view: what was typed went where nobody could see it."""
    builder = open_builder(active=True)
    builder.resize(*SMALLEST)
    scroll = builder.findChild(FollowingScroll)
    builder.table.setFocus()
    scrolled_to_bottom(scroll, qtbot)
    assert not in_view(builder.patient, scroll)
    qtbot.keyClick(builder.table, Qt.Key.Key_M, Qt.KeyboardModifier.AltModifier)
    assert builder.focusWidget() is builder.patient
    qtbot.waitUntil(lambda: in_view(builder.patient, scroll))


def test_tab_into_the_exercise_list_shows_all_of_it(qtbot: QtBot, open_builder: Any) -> None:
    """Qt scrolled only as far as the list's current item, which it has none of: the
    list showed 47 of its 126 pixels."""
    builder = open_builder(active=True)
    builder.resize(*SMALLEST)
    scroll = builder.findChild(FollowingScroll)
    builder.note.setFocus()
    qtbot.wait(10)
    assert in_view(builder.note, scroll) and not in_view(builder.catalogue, scroll)
    qtbot.keyClick(builder.note, Qt.Key.Key_Tab)
    assert builder.focusWidget() is builder.catalogue
    qtbot.waitUntil(lambda: in_view(builder.catalogue, scroll))


def test_tab_from_the_last_button_round_to_the_name_scrolls_up(qtbot: QtBot,
                                                              open_builder: Any) -> None:
    builder = open_builder(active=True)
    builder.resize(*SMALLEST)
    scroll = builder.findChild(FollowingScroll)
    close = next(b for b in builder.findChildren(QPushButton) if b.text() == "&Close")
    close.setFocus()
    scrolled_to_bottom(scroll, qtbot)
    qtbot.keyClick(close, Qt.Key.Key_Tab)
    assert builder.focusWidget() is builder.patient
    qtbot.waitUntil(lambda: in_view(builder.patient, scroll))


def close_in_view(dialog: QWidget) -> bool:
    close = next(b for b in dialog.findChildren(QPushButton) if b.text() == "Close")
    box = QRect(close.mapTo(dialog, QPoint(0, 0)), close.size())
    return close.isVisible() and dialog.rect().contains(box)


def test_the_planner_fits_a_small_screen_with_its_inputs_above_the_chart(
        qtbot: QtBot, open_window: Any) -> None:
    """It was 769 x 419 at its smallest and grew taller with each spike's line: Close
    was below the screen. Now it scrolls, and where the inputs and the chart do not fit
    side by side they are stacked rather than scrolled sideways."""
    window = open_window()
    window.planner_action.trigger()
    dialog, planner = window.chart_dialogs["planner"], window.planner
    planner.set_runs([Run(14, 8), Run(7, 10), Run(2, 16)], "km")
    scroll = dialog.findChild(FollowingScroll)
    dialog.resize(*SMALLEST)
    qtbot.waitUntil(lambda: dialog.size().toTuple() == SMALLEST)
    assert close_in_view(dialog)
    qtbot.waitUntil(lambda: scroll.horizontalScrollBar().maximum() == 0)
    table, chart = planner.table, planner.plot_widget
    assert chart.mapTo(planner, QPoint(0, 0)).y() >= table.mapTo(planner, QPoint(0, 0)).y() \
        + table.height()  # below the inputs
    planner.plot_widget.setFocus()
    qtbot.waitUntil(lambda: in_view(chart, scroll) or chart.height() > scroll.height())

    dialog.resize(900, 560)  # the desktop's: side by side again
    qtbot.waitUntil(lambda: chart.mapTo(planner, QPoint(0, 0)).x()
                    >= table.mapTo(planner, QPoint(0, 0)).x() + table.width())
    assert close_in_view(dialog) and scroll.horizontalScrollBar().maximum() == 0


def test_the_recovery_timeline_fits_a_small_screen(qtbot: QtBot, open_window: Any) -> None:
    window = open_window()
    window.selection.select_condition("greater-trochanteric-pain-syndrome")
    window.timeline_action.trigger()
    dialog = window.chart_dialogs["timeline"]
    dialog.resize(*SMALLEST)
    qtbot.waitUntil(lambda: dialog.size().toTuple() == SMALLEST)  # was 384 tall at least
    assert close_in_view(dialog)


def test_the_builders_headers_show_in_full_without_scrolling_sideways(
        qtbot: QtBot, open_builder: Any) -> None:
    """At 300% "Frequency" showed as "requenc", and a 1-pixel sideways scroll took a
    row's height: the note column now gives up room first."""
    builder = open_builder(exercises=("bridge", "single-leg-balance"))
    builder.resize(*SMALLEST)
    table = builder.table
    header = table.horizontalHeader()
    qtbot.waitUntil(lambda: table.horizontalScrollBar().maximum() == 0)
    for column in range(table.columnCount()):
        assert header.sectionSize(column) >= header.sectionSizeHint(column), column
    builder.resize(1200, 800)  # the note takes the room there is again
    qtbot.waitUntil(lambda: header.sectionSize(table.columnCount() - 1) > 200)
    assert table.horizontalScrollBar().maximum() == 0


def test_no_exercise_name_is_cut_short_in_a_narrow_list(qtbot: QtBot,
                                                       open_builder: Any) -> None:
    """Wrapped names were measured at another width: at 300% "Single-leg balance ★ ✓"
    showed as "Single-leg balance ★ …", the mark of one in the handout lost."""
    builder = open_builder(exercises=("single-leg-balance",))
    builder.resize(*SMALLEST)
    listing = builder.catalogue
    qtbot.wait(10)
    metrics = listing.fontMetrics()
    assert listing.viewport().width() < 200  # narrow enough to wrap names
    for row in range(listing.count()):
        item = listing.item(row)
        box = listing.visualItemRect(item)
        text = metrics.boundingRect(QRect(0, 0, box.width() - 8, 10_000),
                                    Qt.TextFlag.TextWordWrap, item.text())
        assert text.height() <= box.height(), item.text()


def test_on_a_desktop_the_planner_opens_with_its_log_and_plan_in_view(
        qtbot: QtBot, open_window: Any) -> None:
    """It opened at 900 x 560 on a 1920 x 1080 screen: a two-month log stacked the inputs
    over the chart (the chart below the fold), and the lines four spikes add pushed the
    plan's sentence out of view."""
    window = open_window()
    window.planner_runs = ((55, 20), (45, 18), (30, 9), (20, 8), (14, 12), (10, 10),
                           (6, 14), (2, 16))
    window.planner_action.trigger()
    dialog, planner = window.chart_dialogs["planner"], window.planner
    scroll = dialog.findChild(FollowingScroll)
    qtbot.waitExposed(dialog)
    qtbot.wait(100)  # the layout settles
    table, chart = planner.table, planner.plot_widget
    qtbot.waitUntil(lambda: chart.mapTo(planner, QPoint(0, 0)).x()
                    >= table.mapTo(planner, QPoint(0, 0)).x() + table.width())  # beside
    qtbot.waitUntil(lambda: scroll.verticalScrollBar().maximum() == 0)  # all in view
    assert in_view(planner.summary, scroll) and close_in_view(dialog)
    dialog.close()

    window.planner_runs = ()  # opened empty, then four spikes typed in
    window.chart_dialogs.pop("planner").deleteLater()
    window.planner_action.trigger()
    dialog, planner = window.chart_dialogs["planner"], window.planner
    qtbot.waitExposed(dialog)
    planner.set_runs([Run(28, 8), Run(21, 9), Run(14, 10), Run(7, 12), Run(2, 16)], "km")
    scroll = dialog.findChild(FollowingScroll)
    assert planner.summary_text().count(" longer than your longest run") == 4
    qtbot.wait(100)
    qtbot.waitUntil(lambda: scroll.verticalScrollBar().maximum() == 0)
    assert in_view(planner.summary, scroll)
    dialog.close()
