"""A window narrower than COMPACT_BELOW (half a laptop's screen, or 1920 x 1080 at 300%)
shows its columns one at a time, chosen by tabs, each at the window's whole width."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from explorer.paths import builtin_content_dir
from explorer.ui.main_window import MainWindow
from explorer.ui.pane_tabs import COMPACT_BELOW, CONDITIONS, DETAILS, DIAGRAM
from explorer.ui.settings import Settings
from explorer.ui.startup import build_window

NARROW = 600
GTPS = "greater-trochanteric-pain-syndrome"


@pytest.fixture
def window(open_window: Callable[..., MainWindow]) -> MainWindow:
    return open_window(NARROW, 640)


def shown_columns(window: MainWindow) -> list[int]:
    return [i for i in range(window.splitter.count()) if window.splitter.widget(i).isVisible()]


def click_tab(qtbot: QtBot, window: MainWindow, pane: int) -> None:
    tabs = window.columns
    qtbot.mouseClick(tabs, Qt.MouseButton.LeftButton, pos=tabs.tabRect(pane).center())
    qtbot.wait(20)  # the column shown is laid out at its width


def focused_in(widget: QWidget) -> bool:
    focused = QApplication.focusWidget()
    return focused is not None and (focused is widget or widget.isAncestorOf(focused))


def test_a_narrow_window_shows_one_column_at_a_time_at_its_whole_width(
        qtbot: QtBot, open_window: Callable[..., MainWindow]) -> None:
    window = open_window(1000, 640)
    assert not window.columns.isVisible() and shown_columns(window) == [0, 1, 2]
    window.splitter.setSizes([420, 260, 300])
    wide = window.splitter.sizes()
    window.resize(NARROW, 640)
    qtbot.waitUntil(lambda: window.columns.isVisible())
    qtbot.wait(20)
    assert [window.columns.tabText(i) for i in range(3)] == [
        "Diagram", "Conditions", "Details"]
    assert shown_columns(window) == [DIAGRAM]
    assert window.diagram.width() >= NARROW - 40  # the diagram has the whole width
    click_tab(qtbot, window, DETAILS)
    assert shown_columns(window) == [DETAILS] and window.detail.width() >= NARROW - 40
    window.resize(1000, 640)  # wide again: the columns as they were
    qtbot.waitUntil(lambda: not window.columns.isVisible())
    assert shown_columns(window) == [0, 1, 2] and window.splitter.sizes() == wide


def test_half_of_a_1366_pixel_screen_holds_the_window(window: MainWindow) -> None:
    assert window.minimumWidth() <= 1366 // 2 < COMPACT_BELOW
    assert window.width() == NARROW and window.columns.isVisible()


def test_a_click_on_a_condition_goes_on_to_read_it_and_arrow_keys_stay_in_the_list(
        qtbot: QtBot, window: MainWindow) -> None:
    window.selection.set_regions(["outer"])
    assert window.columns.tabText(CONDITIONS) == f"Conditions ({len(window.conditions.ids())})"
    assert shown_columns(window) == [DIAGRAM]  # a region click leaves the diagram in view
    click_tab(qtbot, window, CONDITIONS)
    conditions = window.conditions
    conditions.setFocus()
    qtbot.keyClick(conditions, Qt.Key.Key_Down)  # reads the next one in the panel...
    second = conditions.ids()[1]
    assert window.detail.shown == ("condition", second)
    assert shown_columns(window) == [CONDITIONS]  # ...and stays in the list
    qtbot.keyClick(conditions, Qt.Key.Key_Return)  # Enter reads it
    assert shown_columns(window) == [DETAILS] and focused_in(window.detail)
    click_tab(qtbot, window, CONDITIONS)
    third = conditions.topLevelItem(2)
    assert third is not None
    where = conditions.visualItemRect(third).center()
    qtbot.mouseClick(conditions.viewport(), Qt.MouseButton.LeftButton, pos=where)
    assert window.detail.shown == ("condition", conditions.ids()[2])
    assert shown_columns(window) == [DETAILS]


def test_find_shows_the_search_field_and_a_result_shows_the_details(
        qtbot: QtBot, window: MainWindow) -> None:
    window.activateWindow()
    window.diagram.setFocus()
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert shown_columns(window) == [CONDITIONS]
    qtbot.waitUntil(window.search.field.hasFocus)
    qtbot.keyClicks(window.search.field, "clamshell")
    qtbot.keyClick(window.search.field, Qt.Key.Key_Return)
    assert window.detail.shown == ("exercise", "clam")
    assert shown_columns(window) == [DETAILS] and focused_in(window.detail)
    # a region found goes to the list of its conditions, where the field is
    click_tab(qtbot, window, CONDITIONS)
    window.search.field.setFocus()
    window.search.field.clear()
    qtbot.keyClicks(window.search.field, "sit bone")
    assert window.search.hits[0].kind == "region"
    qtbot.keyClick(window.search.field, Qt.Key.Key_Return)
    assert window.selection.regions == ["back"] and shown_columns(window) == [CONDITIONS]


def test_back_and_the_guide_menu_show_the_details(qtbot: QtBot, window: MainWindow) -> None:
    window.selection.select_condition(GTPS)
    window.detail.show_entry("exercise", "clam")
    click_tab(qtbot, window, DIAGRAM)
    window.back_action.trigger()
    assert window.detail.shown == ("condition", GTPS) and shown_columns(window) == [DETAILS]
    click_tab(qtbot, window, DIAGRAM)
    window._show_page("red-flags")  # the toolbar's "When to see a doctor"
    assert window.detail.shown == ("page", "red-flags") and shown_columns(window) == [DETAILS]


def test_f6_walks_every_pane_bringing_its_column_into_view(
        qtbot: QtBot, window: MainWindow) -> None:
    window.activateWindow()
    window.selection.set_regions(["outer"])
    window.diagram.setFocus()
    qtbot.waitUntil(window.diagram.hasFocus)
    walk = []
    for _ in range(6):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_F6)
        pane = next(name for name in ("diagram", "region_list", "search", "conditions",
                                      "refine", "detail") if focused_in(getattr(window, name)))
        walk.append((pane, shown_columns(window)))
    assert walk == [("region_list", [DIAGRAM]), ("search", [CONDITIONS]),
                    ("conditions", [CONDITIONS]), ("refine", [CONDITIONS]),
                    ("detail", [DETAILS]), ("diagram", [DIAGRAM])]
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_F6,
                   Qt.KeyboardModifier.ShiftModifier)
    assert focused_in(window.detail) and shown_columns(window) == [DETAILS]


def test_a_restart_gets_the_columns_as_they_were_side_by_side(
        qtbot: QtBot, tmp_path: Path) -> None:
    settings = tmp_path / "narrow.ini"
    first = build_window([builtin_content_dir()], Settings(settings))
    qtbot.addWidget(first)
    first.resize(1000, 640)
    first.show()
    qtbot.waitExposed(first)
    first.splitter.setSizes([420, 260, 300])
    wide = first.splitter.sizes()
    first.resize(NARROW, 640)
    qtbot.waitUntil(lambda: first.columns.isVisible())
    first.close()  # saved while one column showed
    second = build_window([builtin_content_dir()], Settings(settings))
    qtbot.addWidget(second)
    second.show()
    qtbot.waitExposed(second)
    assert second.width() == NARROW and second.columns.isVisible()
    second.resize(1000, 640)
    qtbot.waitUntil(lambda: not second.columns.isVisible())
    assert shown_columns(second) == [0, 1, 2] and second.splitter.sizes() == wide
    # and where the window opens wide at once (on a larger screen)
    third = build_window([builtin_content_dir()], Settings(settings))
    qtbot.addWidget(third)
    third.resize(1000, 640)
    third.show()
    qtbot.waitExposed(third)
    assert not third.columns.isVisible() and third.splitter.sizes() == wide


def test_clinic_mode_from_a_narrow_window_shows_diagram_and_details_then_gives_it_back(
        qtbot: QtBot, window: MainWindow) -> None:
    window.selection.set_regions(["outer"])
    click_tab(qtbot, window, DETAILS)
    window.clinic.enter()
    qtbot.waitUntil(lambda: window.isFullScreen())
    assert not window.columns.isVisible() and shown_columns(window) == [DIAGRAM, DETAILS]
    window.clinic.leave()
    qtbot.waitUntil(lambda: window.width() == NARROW)
    assert window.columns.isVisible() and window.columns.currentIndex() == DETAILS
    assert shown_columns(window) == [DETAILS]


def test_a_reload_keeps_the_pane_shown(qtbot: QtBot, window: MainWindow) -> None:
    click_tab(qtbot, window, DETAILS)
    window.reload_content()
    assert window.columns.isVisible() and window.columns.currentIndex() == DETAILS
    assert shown_columns(window) == [DETAILS]
    window.resize(1000, 640)
    qtbot.waitUntil(lambda: not window.columns.isVisible())
    assert shown_columns(window) == [0, 1, 2]
    assert min(window.splitter.sizes()) > 100  # no column left folded away
    assert QPoint(0, 0) == window.splitter.widget(0).pos()


def test_a_group_heading_is_not_a_condition_to_read(qtbot: QtBot, window: MainWindow) -> None:
    """With no region chosen the list groups the conditions under region headings: a
    click or Enter on a heading leaves the list in view (it went to Details and showed
    the page from before)."""
    click_tab(qtbot, window, CONDITIONS)
    conditions = window.conditions
    heading = conditions.topLevelItem(1)
    assert heading is not None and heading.childCount() > 0  # "Groin", say
    shown = window.detail.shown
    where = conditions.visualItemRect(heading).center()
    qtbot.mouseClick(conditions.viewport(), Qt.MouseButton.LeftButton, pos=where)
    assert shown_columns(window) == [CONDITIONS] and window.detail.shown == shown
    conditions.setFocus()
    conditions.setCurrentItem(heading)
    qtbot.keyClick(conditions, Qt.Key.Key_Return)
    assert shown_columns(window) == [CONDITIONS]
    first = heading.child(0)
    assert first is not None
    qtbot.mouseClick(conditions.viewport(), Qt.MouseButton.LeftButton,
                     pos=conditions.visualItemRect(first).center())
    assert shown_columns(window) == [DETAILS]  # a condition under it is read


def test_narrowing_the_window_keeps_the_column_being_read_in_view(
        qtbot: QtBot, open_window: Callable[..., MainWindow]) -> None:
    """Snapped to half the screen while reading the details, the window shows the
    details (it showed the tab used last, the diagram, and moved the keyboard there)."""
    window = open_window(1100, 640)
    window.selection.select_condition(GTPS)
    window.detail.setFocus()
    window.resize(NARROW, 640)
    qtbot.waitUntil(lambda: window.columns.isVisible())
    assert shown_columns(window) == [DETAILS] and window.focusWidget() is window.detail
    assert window.columns.currentIndex() == DETAILS


def test_a_long_status_message_keeps_the_file_name_and_page_count(
        qtbot: QtBot, open_window: Callable[..., MainWindow], tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """In a 480-pixel window "Saved /home/kim/Documents/greater-trochanteric-pain-
    syndrome.pdf (2 pages)." was cut off after "syndro": the bar says the file's name and
    its page count, and its tooltip the whole message."""
    from PySide6.QtWidgets import QFileDialog

    window = open_window(480, 560)
    folder = tmp_path / "a folder with a long name for the handouts of this clinic"
    folder.mkdir()
    target = folder / f"{GTPS}.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a: (str(target), ""))
    window.selection.select_condition(GTPS)
    window.export_action.trigger()
    bar = window.statusBar()
    assert target.is_file()
    message = bar.currentMessage()
    assert message.startswith(f"Saved {GTPS}.pdf (") and message.endswith(" pages).")
    assert bar.fontMetrics().horizontalAdvance(message) < bar.width()
    assert bar.toolTip().startswith(f"Saved {target} (")
    window.resize(1600, 560)  # room again: the whole message, where the file is too
    qtbot.waitUntil(lambda: bar.currentMessage().startswith(f"Saved {target} ("))
    assert bar.toolTip() == ""
    window.resize(480, 560)
    window.statusBar().showMessage("Reloading a great deal of content from a far folder "
                                   "that takes its time; every word of this is shown")
    message = bar.currentMessage()  # no shorter form: its middle makes way
    assert message.startswith("Reloading") and message.endswith("is shown") and "…" in message
