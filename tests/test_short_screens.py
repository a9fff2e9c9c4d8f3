"""The main window on short screens (1600 x 900 at 200%: 800 x 450 points; 1080p at 300%:
640 x 360), from a QA round: nothing is drawn over anything else when a warning shows
or the search lists its results, and clinic mode or a reload gives the reading place
back at the panel's width."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from explorer.ui.main_window import MainWindow
from explorer.ui.pane_tabs import DETAILS

SHORT = ["narrow laptop", "300% laptop"]


def on_screen(qtbot: QtBot, open_window: Callable[..., MainWindow], name: str) -> MainWindow:
    """A window filling the available room of the named test screen."""
    screen = next(s for s in QGuiApplication.screens() if s.name() == name)
    room = screen.availableGeometry()
    window = open_window(room.width(), room.height())
    window.move(room.topLeft())
    qtbot.waitUntil(lambda: window.screen().name() == name)
    qtbot.wait(20)
    return window


def rect_in(widget: QWidget, window: MainWindow) -> QRect:
    return QRect(widget.mapTo(window, QPoint(0, 0)), widget.size())


def whole(widget: QWidget) -> bool:
    """Not cut by its column's edge, nor covered by a sibling drawn over it."""
    return widget.visibleRegion().boundingRect().size() == widget.size()


def warn(window: MainWindow) -> None:
    window.selection.set_regions(["groin"])
    window.selection.select_condition(window.conditions.ids()[0])
    window.selection.set_answer("night-rest-pain", True)


@pytest.mark.parametrize("clinic", [False, True])
@pytest.mark.parametrize("screen_name", SHORT)
def test_a_warning_leaves_the_diagram_whole(qtbot: QtBot, open_window: Callable[..., MainWindow],
                                            screen_name: str, clinic: bool) -> None:
    """The region list was drawn over the bottom half of the diagram (and went on off
    the screen at 300%) while the warning strip showed: the strip took two fifths of
    the height in clinic mode, whatever the columns below needed."""
    window = on_screen(qtbot, open_window, screen_name)
    warn(window)
    if clinic:
        window.clinic.enter()
        qtbot.waitUntil(window.isFullScreen)
    qtbot.wait(50)
    banner, diagram, regions = window.banner, window.diagram, window.region_list
    assert banner.isVisible() and banner.height() >= banner.least
    column = diagram.parentWidget()
    assert whole(diagram) and rect_in(diagram, window).bottom() <= rect_in(
        column, window).bottom()
    assert not rect_in(banner, window).intersects(rect_in(diagram, window))
    if regions.isVisible():  # below the diagram, whole, or not at all
        assert rect_in(regions, window).top() > rect_in(diagram, window).bottom()
        assert rect_in(regions, window).bottom() <= rect_in(column, window).bottom()
    if screen_name == "narrow laptop":  # room for both: the list stays
        assert regions.isVisible()
    window.selection.set_answer("night-rest-pain", False)
    qtbot.waitUntil(lambda: not banner.isVisible())
    qtbot.waitUntil(regions.isVisible)  # the room is back


@pytest.mark.parametrize("warning", [False, True])
@pytest.mark.parametrize("screen_name", SHORT)
def test_search_results_are_whole_on_a_short_screen(
        qtbot: QtBot, open_window: Callable[..., MainWindow], screen_name: str,
        warning: bool) -> None:
    """At 300% 91 of the results' 200 pixels showed, the list of conditions drawn over
    the rest: Down moved the highlight out of sight, and Enter opened a result never
    seen."""
    window = on_screen(qtbot, open_window, screen_name)
    if warning:
        warn(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: window.isActiveWindow())
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(window.search.field, "sit bone")
    results = window.search.results
    qtbot.waitUntil(results.isVisible)
    qtbot.wait(100)  # the column laid out again
    assert results.count() > 5 and results.height() >= 60
    assert whole(results)
    for _ in range(results.count() - 1):  # every result the arrows reach is in view
        qtbot.keyClick(window.search.field, Qt.Key.Key_Down)
        assert results.viewport().rect().contains(
            results.visualItemRect(results.currentItem()))
    qtbot.keyClick(window.search.field, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not results.isVisible())
    assert window.middle_split.isVisible()  # the conditions are back


def test_results_beside_the_conditions_where_there_is_room(
        qtbot: QtBot, open_window: Callable[..., MainWindow]) -> None:
    window = on_screen(qtbot, open_window, "desktop")
    window.search.field.setText("sit bone")
    qtbot.waitUntil(window.search.results.isVisible)
    qtbot.wait(100)  # the column laid out again
    assert window.middle_split.isVisible() and window.search.results.height() == 200
    assert whole(window.search.results) and whole(window.conditions)


def top_line(window: MainWindow) -> str:
    cursor = window.detail.cursorForPosition(QPoint(5, 5))
    cursor.select(cursor.SelectionType.LineUnderCursor)
    return cursor.selectedText()


@pytest.mark.parametrize("how", ["clinic mode", "reload"])
@pytest.mark.parametrize("screen_name", ["300% laptop", "narrow laptop"])
def test_the_reading_place_comes_back_at_another_width(
        qtbot: QtBot, open_window: Callable[..., MainWindow], screen_name: str,
        how: str) -> None:
    """At 300% the details came back a page and a half higher (928 to 202 pixels down)
    after clinic mode, whose columns side by side are narrower than the one shown at a
    time, and after a reload."""
    window = on_screen(qtbot, open_window, screen_name)
    window.selection.set_regions(["outer"])
    window.columns.show_pane(DETAILS)
    bar = window.detail.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 2000)
    bar.setValue(bar.maximum() // 4)
    qtbot.wait(20)
    before = top_line(window)
    assert before
    if how == "reload":
        window.reload_content()
    else:
        window.clinic.enter()
        qtbot.waitUntil(window.isFullScreen)
        qtbot.wait(50)
        window.clinic.leave()
    qtbot.wait(100)
    bar = window.detail.verticalScrollBar()  # a reload's new panel
    assert bar.value() > 0 and top_line(window) == before


def test_home_and_end_go_to_the_first_and_last_condition_in_clinic_mode(
        qtbot: QtBot, open_window: Callable[..., MainWindow]) -> None:
    window = open_window()
    window.selection.set_regions(["groin"])
    window.activateWindow()
    qtbot.waitUntil(lambda: window.isActiveWindow())
    window.clinic.enter()
    qtbot.waitUntil(window.isFullScreen)
    ids = window.conditions.ids()
    window.diagram.setFocus()
    qtbot.keyClick(window.focusWidget(), Qt.Key.Key_End)
    assert window.selection.condition == ids[-1]
    qtbot.keyClick(window.focusWidget(), Qt.Key.Key_Home)
    assert window.selection.condition == ids[0]
    qtbot.wait(20)
    assert window.clinic.position.text() == f"1 of {len(ids)}"
    # in the panel, with the keyboard, they go to its page's top and bottom
    window.detail.setFocus()
    bar = window.detail.verticalScrollBar()
    qtbot.keyClick(window.detail, Qt.Key.Key_End)
    assert bar.value() == bar.maximum() > 0 and window.selection.condition == ids[0]
    qtbot.keyClick(window.detail, Qt.Key.Key_Home)
    assert bar.value() == 0
    window.clinic.leave()


def test_tab_shows_each_refine_question_whole(
        qtbot: QtBot, open_window: Callable[..., MainWindow]) -> None:
    """At 300% a question reached by Tab showed its box, and its second line stayed cut
    off below the view ("Do you have a fever or feel unwell, ...")."""
    from PySide6.QtWidgets import QApplication

    from explorer.ui.pane_tabs import CONDITIONS

    window = on_screen(qtbot, open_window, "300% laptop")
    window.selection.set_regions(["back"])
    window.columns.show_pane(CONDITIONS)
    window.activateWindow()
    qtbot.waitUntil(lambda: window.isActiveWindow())
    boxes = [b for b in window.refine.boxes.values() if b.isVisibleTo(window.refine)]
    boxes[0].setFocus()
    view = window.refine_scroll.viewport()
    seen = 0
    for _ in range(len(boxes)):
        box = QApplication.focusWidget()
        assert box in boxes
        question = box.question  # type: ignore[union-attr]

        def whole_in_view() -> bool:
            top = question.mapTo(view, QPoint(0, 0)).y()  # noqa: B023
            return top >= 0 and top + question.height() <= view.height()  # noqa: B023

        qtbot.waitUntil(whole_in_view, timeout=1000)
        seen += question.height() > question.fontMetrics().height() * 1.5  # two lines
        qtbot.keyClick(box, Qt.Key.Key_Tab)
    assert seen  # some questions take two lines or more here
