"""How the window presents text at any size: zoom, dialogs that fit the screen, the
search results, and markers that stay visible."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QAction, QGuiApplication, QTextCursor
from PySide6.QtWidgets import QApplication, QPushButton, QTextBrowser, QWidget
from pytestqt.qtbot import QtBot

from explorer.paths import builtin_content_dir
from explorer.ui.main_window import MainWindow
from explorer.ui.settings import Settings
from explorer.ui.startup import build_window

GTPS = "greater-trochanteric-pain-syndrome"


@pytest.fixture
def window(open_window: Callable[..., MainWindow]) -> MainWindow:
    return open_window()


def _size_at(window: MainWindow, words: str) -> float:
    """The point size the panel's text is drawn at where `words` appear (the font, not
    the style sheet's size, which Qt ignores for headings)."""
    document = window.detail.document()
    cursor = document.find(words)
    assert not cursor.isNull(), f"{words!r} is not in the panel"
    cursor.setPosition(cursor.selectionStart() + 1, QTextCursor.MoveMode.MoveAnchor)
    return cursor.charFormat().font().pointSizeF()


def test_zoom_scales_body_text_and_headings_alike(window: MainWindow) -> None:
    window.selection.select_condition(GTPS)
    summary_words = window.content.conditions[GTPS].summary.split(".")[0][:30]
    body, heading = _size_at(window, summary_words), _size_at(window, "Symptoms")
    assert body > 0 and heading > body
    window.zoom_in_action.trigger()
    window.zoom_in_action.trigger()
    assert _size_at(window, summary_words) == pytest.approx(body * 1.15 ** 2, rel=0.02)
    assert _size_at(window, "Symptoms") == pytest.approx(heading * 1.15 ** 2, rel=0.02)
    window.zoom_out_action.trigger()
    window.zoom_out_action.trigger()
    window.zoom_out_action.trigger()
    assert _size_at(window, summary_words) == pytest.approx(body / 1.15, rel=0.02)
    for _ in range(10):  # not below a size that can be read
        window.zoom_out_action.trigger()
    assert not window.zoom_out_action.isEnabled()
    assert _size_at(window, summary_words) >= body * 0.6


def test_zoom_and_a_new_width_keep_the_reading_place(qtbot: QtBot,
                                                    window: MainWindow) -> None:
    """Zooming (or a width that lays the page out anew) while reading half-way down a
    page threw the reader back to its top; another page still opens at its very top
    (it opened 4 px down once the panel had been scrolled)."""
    window.selection.select_condition(GTPS)
    panel = window.detail
    bar = panel.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 1000)
    # a line of running text at the top, a third of the way down (between two cards
    # side by side, the words "at the top" would be the next card's)
    found = panel.document().find("Relative rest and load management")
    assert not found.isNull()
    bar.setValue(bar.value() + panel.cursorRect(found).top())
    share = bar.value() / bar.maximum()
    assert 0.2 < share < 0.8
    read = _words_at_top(window)[:2]  # the first words of the line at the top
    assert read == ["Relative", "rest"]
    for zoom in (window.zoom_in_action, window.zoom_in_action, window.zoom_out_action):
        zoom.trigger()
        qtbot.wait(10)
        assert bar.value() / bar.maximum() == pytest.approx(share, abs=0.1)
        assert " ".join(read) in " ".join(_words_at_top(window))  # the same text
    window.resize(900, window.height())  # the exercise cards stack: laid out anew
    qtbot.wait(10)
    assert bar.value() / bar.maximum() == pytest.approx(share, abs=0.1)
    assert " ".join(read) in " ".join(_words_at_top(window))
    window.selection.select_condition("hip-osteoarthritis")
    qtbot.wait(10)
    assert bar.value() == 0
    window.selection.select_condition(GTPS)  # a kept page opens at its top too
    qtbot.wait(10)
    assert bar.value() == 0


def _words_at_top(window: MainWindow) -> list[str]:
    """The words of the first lines the panel shows (60 pixels' worth)."""
    panel = window.detail
    cursor = panel.cursorForPosition(QPoint(0, 0))
    end = panel.cursorForPosition(QPoint(panel.viewport().width() - 1, 60))
    cursor.setPosition(end.position(), QTextCursor.MoveMode.KeepAnchor)
    return cursor.selectedText().replace("\u2029", " ").split()


def test_text_size_is_remembered(qtbot: QtBot, tmp_path: Path) -> None:
    settings = tmp_path / "zoom.ini"
    first = build_window([builtin_content_dir()], Settings(settings))
    qtbot.addWidget(first)
    first.selection.select_condition(GTPS)
    words = first.content.conditions[GTPS].summary.split(".")[0][:30]
    normal = _size_at(first, words)
    first.zoom_in_action.trigger()
    first.close()
    second = build_window([builtin_content_dir()], Settings(settings))
    qtbot.addWidget(second)
    second.selection.select_condition(GTPS)
    assert _size_at(second, words) == pytest.approx(normal * 1.15, rel=0.02)


def test_about_lists_every_source_in_a_dialog_that_fits_the_screen(
        window: MainWindow) -> None:
    from explorer.render.html import DISCLAIMER

    about = next(a for a in window.menuBar().actions()[-1].menu().actions()
                 if a.text() == "&About Hip Explorer")
    about.trigger()
    dialog = window.about_dialog
    area = dialog.screen().availableGeometry()
    assert dialog.isVisible() and dialog.height() <= area.height() * 0.9
    text = dialog.findChild(QTextBrowser).toPlainText()
    assert DISCLAIMER.split(".")[0] in text
    for reference in window.content.references.values():
        assert reference.citation[:40] in text


def on_the_small_screen(window: MainWindow) -> QRect:
    """Move the window onto the 1024 x 600 test screen; that screen's free area."""
    small = next(s for s in QGuiApplication.screens() if s.name() == "small laptop")
    area = small.availableGeometry()
    window.resize(760, 520)
    window.move(area.topLeft() + QPoint(10, 10))
    QApplication.processEvents()
    assert window.screen() is small
    return area


def test_dialogs_fit_a_small_screen(window: MainWindow) -> None:
    area = on_the_small_screen(window)
    window.handout_action.trigger()
    window.selection.select_condition(GTPS)
    window.timeline_action.trigger()
    for dialog in (window.handout_dialog, window.chart_dialogs["timeline"]):
        assert dialog is not None
        assert dialog.width() <= area.width() * 0.9 and dialog.height() <= area.height() * 0.9
        dialog.close()


def _builder_columns(window: MainWindow) -> tuple[Any, list[int]]:
    window.selection.select_condition(GTPS)
    window.handout_action.trigger()
    dialog = window.handout_dialog
    assert dialog is not None
    QApplication.processEvents()
    table = dialog.table
    return dialog, [table.columnWidth(column) for column in range(table.columnCount())]


def test_handout_columns_fit_a_small_screen_without_sideways_scrolling(
        window: MainWindow) -> None:
    on_the_small_screen(window)
    dialog, widths = _builder_columns(window)
    table = dialog.table
    em = table.fontMetrics().averageCharWidth()
    assert table.horizontalScrollBar().maximum() == 0  # every column on screen
    assert sum(widths) <= table.viewport().width()
    assert widths[-1] >= 14 * em  # room to read a note
    header = table.horizontalHeader()
    for column, width in enumerate(widths):  # every heading is whole
        assert width >= header.sectionSizeHint(column), table.horizontalHeaderItem(column)
    dialog.history.reset()
    dialog.close()


def test_handout_columns_keep_their_widths_on_a_large_screen_and_after_a_drag(
        window: MainWindow) -> None:
    dialog, widths = _builder_columns(window)
    table = dialog.table
    em = table.fontMetrics().averageCharWidth()
    assert widths[0] == 30 * em + 12  # the exercise's name on one line where it can
    assert widths[-1] > 14 * em
    table.horizontalHeader().resizeSection(2, 40)  # as a drag on its edge does
    dialog.resize(dialog.width() - 200, dialog.height())
    QApplication.processEvents()
    assert table.columnWidth(2) == 40 and table.columnWidth(0) == widths[0]
    dialog.history.reset()
    dialog.close()


def test_handout_builder_marks_the_exercises_already_chosen(window: MainWindow) -> None:
    window.selection.select_condition(GTPS)
    window.handout_action.trigger()
    dialog = window.handout_dialog
    assert dialog is not None
    chosen = {item.exercise for item in dialog.handout().exercises}
    assert chosen  # a condition's exercises are suggested and added
    catalogue = dialog.catalogue
    for row in range(catalogue.count()):
        entry = catalogue.item(row)
        inside = entry.data(Qt.ItemDataRole.UserRole) in chosen
        assert entry.text().endswith("✓") == inside
        assert (entry.toolTip() == "Already in the handout") == inside
    dialog.table.selectRow(0)
    first = dialog.handout().exercises[0].exercise
    dialog._on_remove_clicked()
    entry = next(catalogue.item(r) for r in range(catalogue.count())
                 if catalogue.item(r).data(Qt.ItemDataRole.UserRole) == first)
    assert not entry.text().endswith("✓")
    dialog.undo_action.trigger()
    assert entry.text().endswith("✓")
    dialog.history.reset()
    dialog.close()


def test_search_results_wrap_fit_and_say_when_nothing_matches(
        qtbot: QtBot, window: MainWindow) -> None:
    search = window.search
    search.field.setFocus()
    qtbot.keyClicks(search.field, "clicking")
    results = search.results
    assert results.count() == len(search.hits) >= 2
    assert all(": " in results.item(r).text() for r in range(results.count()))  # "Kind: Title"
    assert results.horizontalScrollBar().maximum() == 0  # wrapped, not cut off sideways
    assert results.height() < 160  # as tall as two results, not a fixed block
    search.field.clear()
    qtbot.keyClicks(search.field, "xyzzy")
    assert search.hits == [] and results.isVisible() and results.count() == 1
    assert results.item(0).text().startswith("No matches")
    assert not results.item(0).flags() & Qt.ItemFlag.ItemIsSelectable
    shown = window.detail.shown
    qtbot.keyClick(search.field, Qt.Key.Key_Return)  # nothing to open
    assert window.detail.shown == shown


def test_every_search_result_shows_its_whole_text(qtbot: QtBot, window: MainWindow) -> None:
    """Many results bring a scroll bar: each row is still tall enough for its wrapped
    text at the width left beside the bar, so none is cut with "…" above a blank line."""
    window.resize(1360, 820)
    search = window.search
    qtbot.keyClicks(search.field, "hip")
    results = search.results
    qtbot.waitUntil(lambda: results.verticalScrollBar().isVisible())
    metrics = results.fontMetrics()
    for row in range(results.count()):
        rect = results.visualRect(results.model().index(row, 0))
        text_width = min(rect.width(), results.viewport().width()) - 8  # the row's margins
        needed = metrics.boundingRect(QRect(0, 0, text_width, 10_000),
                                      Qt.TextFlag.TextWordWrap, results.item(row).text())
        assert needed.height() <= rect.height(), results.item(row).text()


def test_a_click_on_a_search_result_opens_it(qtbot: QtBot, window: MainWindow) -> None:
    """One click, as on a completer's popup: the panel shows the entry, the list goes
    away and the keyboard stays in the field."""
    search, results = window.search, window.search.results
    window.activateWindow()
    search.field.setFocus()
    qtbot.keyClicks(search.field, "clicking")
    row = [h.id for h in search.hits].index("hip-labral-tear")
    assert row > 0  # not the one Enter would open anyway
    where = results.visualItemRect(results.item(row)).center()
    qtbot.mouseClick(results.viewport(), Qt.MouseButton.LeftButton, pos=where)
    assert window.detail.shown == ("condition", "hip-labral-tear")
    assert not results.isVisible()
    assert QApplication.focusWidget() is search.field


def test_escape_in_the_search_results_goes_back_to_the_field(
        qtbot: QtBot, window: MainWindow) -> None:
    search, results = window.search, window.search.results
    window.activateWindow()
    search.field.setFocus()
    qtbot.waitUntil(search.field.hasFocus)
    qtbot.keyClicks(search.field, "bridge")
    qtbot.keyClick(search.field, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is results
    shown = window.detail.shown
    qtbot.keyClick(results, Qt.Key.Key_Escape)
    assert QApplication.focusWidget() is search.field
    assert not results.isVisible() and search.text() == "bridge"  # put away, not cleared
    assert window.detail.shown == shown  # nothing opened
    qtbot.keyClick(search.field, Qt.Key.Key_Down)  # shows it again, as after Enter
    assert results.isVisible()
    qtbot.keyClick(search.field, Qt.Key.Key_Escape)  # in the field, Escape still clears
    assert search.text() == "" and not results.isVisible()


def test_a_misspelled_search_says_what_it_shows(qtbot: QtBot, window: MainWindow) -> None:
    """A misspelled word ("clickng") lists what "clicking" finds under a line saying so;
    the keys and the mouse choose among the results, never that line."""
    search, results = window.search, window.search.results
    search.field.setFocus()
    qtbot.keyClicks(search.field, "clickng")
    assert {h.id for h in search.hits} == {"hip-labral-tear", "femoroacetabular-impingement"}
    assert results.item(0).text() == "Showing results for “clicking”"
    assert not results.item(0).flags() & Qt.ItemFlag.ItemIsSelectable
    assert results.count() == len(search.hits) + 1
    assert results.currentRow() == 1
    for _ in range(3):
        qtbot.keyClick(search.field, Qt.Key.Key_Up)  # stops at the first result
    assert results.currentRow() == 1
    qtbot.keyClick(search.field, Qt.Key.Key_Down)
    qtbot.keyClick(search.field, Qt.Key.Key_Return)
    assert window.detail.shown == ("condition", search.hits[1].id)
    qtbot.keyClick(search.field, Qt.Key.Key_Down)  # shows the list again
    where = results.visualItemRect(results.item(0)).center()
    qtbot.mouseClick(results.viewport(), Qt.MouseButton.LeftButton, pos=where)
    assert results.isVisible() and window.detail.shown == ("condition", search.hits[1].id)


def test_a_re_ranked_list_shows_its_most_urgent_match(window: MainWindow) -> None:
    """A pain level or a Refine answer re-ranks the list: it opens at the top, where
    the urgent match is, even while a routine condition further down stays on show."""
    window.resize(1024, 640)
    window.selection.set_regions(["outer"])
    shown = window.selection.condition
    window.selection.set_regions(["outer", "groin"])
    tree = window.conditions

    def top_in_view() -> bool:
        top = tree.visualItemRect(tree.topLevelItem(0))
        return tree.viewport().rect().contains(top)

    for change in (lambda: window.selection.set_intensity("groin", 7),
                   lambda: window.selection.set_answer("night-rest-pain", True)):
        tree.scrollToBottom()  # wherever the reader had scrolled
        change()
        window.grab()
        ids = tree.ids()
        assert window.content.conditions[ids[0]].urgency.value == "urgent"
        assert ids.index(shown) > 2 and window.selection.condition == shown
        assert top_in_view()


def test_urgency_marker_stays_visible_on_the_highlighted_row(window: MainWindow) -> None:
    window.selection.set_regions(["outer"])
    tree = window.conditions
    assert window.content.conditions[tree.current_id()].urgency.value == "routine"  # blue
    rect = tree.visualItemRect(tree.currentItem())
    image = tree.viewport().grab().toImage()
    column = [image.pixelColor(rect.left() + 5, y) for y in range(rect.top(), rect.top() + 28)]
    assert any(c.lightness() > 240 for c in column)  # the white disc behind the marker
    highlight = tree.palette().highlight().color()
    assert image.pixelColor(rect.right() - 3, rect.center().y()) == highlight


def test_choosing_other_regions_opens_the_list_at_its_best_matches(
        window: MainWindow) -> None:
    window.selection.set_regions(["front"])
    front_best = window.selection.condition
    window.selection.set_regions(["groin"])
    ids = window.conditions.ids()
    assert front_best in ids and ids.index(front_best) > 2  # still listed, ranked lower
    assert window.selection.condition == front_best  # what is read stays on show...
    tree = window.conditions
    top = tree.visualItemRect(tree.topLevelItem(0))
    assert tree.viewport().rect().contains(top)  # ...but the best matches are in view
    assert tree.topLevelItem(0).data(0, Qt.ItemDataRole.UserRole) == ids[0]



def test_warning_text_is_drawn_when_the_strip_appears(qtbot: QtBot,
                                                      window: MainWindow) -> None:
    """The strip once appeared empty: its text area kept the height it had while hidden."""
    window.selection.set_regions(["outer"])
    window.grab()
    window.selection.set_regions(["groin", "front"])
    window.selection.set_answer("night-rest-pain", True)
    qtbot.wait(20)
    banner = window.banner
    assert banner.text_area.height() >= banner.height() - 20
    image = window.grab(banner.geometry()).toImage()
    dark = sum(image.pixelColor(x, y).lightness() < 100
               for x in range(0, image.width(), 3) for y in range(0, image.height(), 2))
    assert dark > 100  # the title and the advice, in dark red on pink


def test_reloading_content_keeps_the_text_size(window: MainWindow) -> None:
    window.selection.select_condition(GTPS)
    window.zoom_in_action.trigger()
    window.reload_action.trigger()  # the panel is rebuilt
    assert window.detail.text_scale == pytest.approx(1.15)
    summary_words = window.content.conditions[GTPS].summary.split(".")[0][:30]
    window.zoom_out_action.trigger()
    normal = _size_at(window, summary_words)
    window.zoom_in_action.trigger()
    assert _size_at(window, summary_words) == pytest.approx(normal * 1.15, rel=0.02)


def test_the_three_columns_line_up(window: MainWindow) -> None:
    """The diagram, the search field and the detail panel start at one height, and the
    region list, the Refine questions and the detail panel end at one height."""
    window.resize(1200, 760)
    QApplication.processEvents()

    def edges(widget: QWidget) -> tuple[int, int]:
        top = widget.mapTo(window, QPoint(0, 0)).y()
        return top, top + widget.height()

    tops = {edges(w)[0] for w in (window.diagram, window.search.field, window.detail)}
    bottoms = {edges(w)[1] for w in (window.region_list, window.refine_scroll, window.detail)}
    assert len(tops) == 1, tops
    assert len(bottoms) == 1, bottoms


@pytest.mark.parametrize("keys", ["Ctrl++", "Ctrl+=", "Ctrl+-", "Ctrl+0"])
def test_zoom_keys(qtbot: QtBot, window: MainWindow, keys: str) -> None:
    """The View menu's zoom keys, pressed: Ctrl+= as well, since "+" needs Shift."""
    from PySide6.QtGui import QKeySequence
    from PySide6.QtTest import QTest

    window.selection.select_condition(GTPS)
    words = window.content.conditions[GTPS].summary.split(".")[0][:30]
    if keys == "Ctrl+0":
        window.zoom_in_action.trigger()
    before = _size_at(window, words)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    QTest.keySequence(window, QKeySequence(keys))
    expected = {"Ctrl++": 1.15, "Ctrl+=": 1.15, "Ctrl+-": 1 / 1.15, "Ctrl+0": 1 / 1.15}
    assert _size_at(window, words) == pytest.approx(before * expected[keys], rel=0.02)


def _wheel(widget: QWidget, notches: float, ctrl: bool = True) -> None:
    from PySide6.QtCore import QPointF
    from PySide6.QtGui import QWheelEvent

    centre = QPointF(widget.rect().center())
    modifiers = Qt.KeyboardModifier.ControlModifier if ctrl else Qt.KeyboardModifier(0)
    event = QWheelEvent(centre, QPointF(widget.mapToGlobal(centre.toPoint())), QPoint(),
                        QPoint(0, round(120 * notches)), Qt.MouseButton.NoButton, modifiers,
                        Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(widget, event)


def test_ctrl_wheel_over_the_panel_steps_the_window_zoom(window: MainWindow) -> None:
    window.selection.select_condition(GTPS)
    words = window.content.conditions[GTPS].summary.split(".")[0][:30]
    normal = _size_at(window, words)
    for _ in range(3):
        window.zoom_in_action.trigger()
    zoomed = _size_at(window, words)
    viewport = window.detail.viewport()
    _wheel(viewport, 1)  # up: larger, as after Zoom in
    assert _size_at(window, words) == pytest.approx(zoomed * 1.15, rel=0.02)
    _wheel(viewport, 0.5)  # half a notch (a touchpad) waits for the other half
    assert _size_at(window, words) == pytest.approx(zoomed * 1.15, rel=0.02)
    _wheel(viewport, 0.5)
    _wheel(viewport, -1)
    assert _size_at(window, words) == pytest.approx(zoomed * 1.15, rel=0.02)
    _wheel(viewport, -10)  # down to the smallest, where Zoom out greys out
    assert not window.zoom_out_action.isEnabled()
    window.detail.verticalScrollBar().setValue(0)
    _wheel(viewport, -2, ctrl=False)  # without Ctrl the wheel scrolls
    assert window.detail.verticalScrollBar().value() > 0
    reset = next(a for a in window.findChildren(QAction) if a.text() == "&Actual size")
    reset.trigger()
    assert _size_at(window, words) == pytest.approx(normal, rel=0.02)  # actual size again


def _mnemonic(text: str) -> str:
    at = text.replace("&&", "").find("&")
    return text.replace("&&", "")[at + 1].lower() if at >= 0 else ""


def test_each_menu_item_has_its_own_access_key(window: MainWindow) -> None:
    """Alt+F then a letter picks one item: "&Exercise handout" and "&Export PDF" both
    answered to E."""
    menus = [a.menu() for a in window.menuBar().actions()]
    assert len({_mnemonic(a.text()) for a in window.menuBar().actions()}) == len(menus)
    for menu in menus:
        keys = [_mnemonic(a.text()) for a in menu.actions() if not a.isSeparator()]
        assert "" not in keys and len(set(keys)) == len(keys), (menu.title(), keys)


@pytest.mark.parametrize("action", ["timeline_action", "planner_action"])
def test_chart_windows_have_a_close_button(qtbot: QtBot, window: MainWindow,
                                           action: str) -> None:
    window.selection.set_regions(["outer"])
    getattr(window, action).trigger()
    dialog = next(d for d in window.chart_dialogs.values() if d.isVisible())
    close = next(b for b in dialog.findChildren(QPushButton) if b.text() == "Close")
    qtbot.mouseClick(close, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()


@pytest.mark.parametrize("name", ["detail", "conditions", "region_list"])
def test_the_box_with_the_keyboard_focus_is_framed(qtbot: QtBot, window: MainWindow,
                                                    name: str) -> None:
    """Tabbing into the panel or a list showed nothing at all."""
    from PySide6.QtGui import QColor

    widget = getattr(window, name)
    window.activateWindow()

    def edge() -> QColor:
        return widget.grab().toImage().pixelColor(1, widget.height() // 2)

    window.search.field.setFocus()
    qtbot.waitUntil(lambda: window.search.field.hasFocus())
    assert edge() != QColor("#0072B2")
    widget.setFocus()
    qtbot.waitUntil(widget.hasFocus)
    assert edge() == QColor("#0072B2")


def _title_lines(window: MainWindow) -> list[str]:
    """The panel's title as it is laid out, line by line."""
    block = window.detail.document().firstBlock()
    layout = block.layout()
    return [block.text()[line.textStart():line.textStart() + line.textLength()]
            for line in (layout.lineAt(i) for i in range(layout.lineCount()))]


def test_a_narrow_panel_shrinks_the_title_rather_than_break_a_word(
        qtbot: QtBot, window: MainWindow) -> None:
    """A panel too narrow for "trochanteric" in the title's size (a small screen, zoom,
    clinic type) broke it into "trochan" and "teric": the title shrinks until its
    longest word fits, and has its own size again where the panel is wide."""
    window.selection.select_condition(GTPS)
    own = _size_at(window, "Greater")
    assert own > 1.5 * _size_at(window, "Also called")
    window.splitter.setSizes([1000, 260, 140])
    qtbot.waitUntil(lambda: window.detail.width() < 160)
    lines = _title_lines(window)
    assert all(line.endswith((" ", ")")) for line in lines), lines  # whole words only
    assert "trochanteric " in lines
    assert _size_at(window, "Greater") < own
    window.splitter.setSizes([500, 300, 600])
    qtbot.waitUntil(lambda: window.detail.width() > 500)
    assert _size_at(window, "Greater") == own
    for _ in range(6):  # zoomed far in, the panel wide again: whole words still
        window.zoom_in_action.trigger()
    assert all(line.endswith((" ", ")")) for line in _title_lines(window))


def test_the_hint_is_never_drawn_over_the_diagram_at_300_percent(tmp_path: Path) -> None:
    """On a 1920 x 1080 screen at 300% (640 x 360 points) the column under the diagram
    has no room for the hint's lines: it folds away (it was drawn over the diagram's
    bottom), and a tooltip on the diagram names the region pointed at instead (as in
    clinic mode; test_clinic_mode shows the tooltip, and no tooltip where the hint
    shows)."""
    import json
    import os
    import subprocess
    import sys

    screens = tmp_path / "screen.json"
    screens.write_text(json.dumps({"screens": [
        {"name": "hd", "x": 0, "y": 0, "width": 1920, "height": 1080,
         "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]}))
    code = (
        "from PySide6.QtWidgets import QApplication\n"
        "app = QApplication([])\n"
        "from explorer.paths import builtin_content_dir\n"
        "from explorer.ui.settings import Settings\n"
        "from explorer.ui.startup import build_window\n"
        f"w = build_window([builtin_content_dir()], Settings({str(tmp_path / 's.ini')!r}))\n"
        "w.show(); app.processEvents()\n"
        "def state():\n"
        "    over = w.hint.isVisible() and w.hint.geometry().intersects(w.diagram.geometry())\n"
        "    print(w.hint.isVisible(), over, w.diagram.name_tips)\n"
        "state()\n"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": f"offscreen:configfile={screens}",
           "QT_SCALE_FACTOR": "3"}
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True,
                         timeout=120, check=True).stdout.split()
    assert out == ["False", "False", "True"]  # folded away; the tooltip names regions


def test_preferences_and_about_open_once(window: MainWindow) -> None:
    """Ctrl+, pressed three times opened three Preferences windows, and OK in an older
    one put back the clinic name a newer one had just saved."""
    from PySide6.QtWidgets import QDialog

    for name, trigger in (("preferences_dialog", window.preferences_action.trigger),
                          ("about_dialog", window._on_about_triggered)):
        trigger()
        first = getattr(window, name)
        trigger()
        trigger()
        assert getattr(window, name) is first and first.isVisible()
        opened = [d for d in window.findChildren(QDialog) if d.isVisible()]
        assert opened.count(first) == 1 and len(opened) == 1, opened
        first.close()
        trigger()  # closed: a new one, showing the settings as they are now
        assert getattr(window, name) is not first and getattr(window, name).isVisible()
        getattr(window, name).close()


def test_about_says_how_many_sources_it_leaves_out(
        window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    from explorer.ui import main_window

    count = len(window.content.references)
    monkeypatch.setattr(main_window, "ABOUT_SOURCES", count - 2)
    window._on_about_triggered()
    text = window.about_dialog.findChild(QTextBrowser).toPlainText()
    assert "… and 2 more, listed on the pages that cite them" in text
    window.about_dialog.close()
