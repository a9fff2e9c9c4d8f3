"""Clinic mode: full screen and large, plain language, stepping through conditions,
a pen with undo and clear whose drawing reaches the handout print, exact restore."""

from __future__ import annotations

import itertools
from collections.abc import Callable
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QAccessible, QFontInfo, QHelpEvent
from PySide6.QtWidgets import QApplication, QToolBar, QToolTip
from pytestqt.qtbot import QtBot

from explorer.model.handout import read_handout, write_handout
from explorer.report.documents import handout_job
from explorer.report.output import write_pdf
from explorer.report.pages import Header
from explorer.ui.clinic_mode import PEN_COLOURS
from explorer.ui.main_window import MainWindow


@pytest.fixture
def window(open_window: Callable[..., MainWindow]) -> MainWindow:
    return open_window(780, 640)


def test_enter_and_leave_restore_the_window(qtbot: QtBot, window: MainWindow) -> None:
    window.selection.set_regions(["groin"])
    window.splitter.setSizes([300, 200, 280])
    before = (window.geometry(), window.splitter.sizes(), window.detail.toHtml().count("17pt"),
              window.menuBar().isVisible())
    assert "For clinicians" in window.detail.toPlainText()
    qtbot.keyClick(window, Qt.Key.Key_F11)
    assert window.clinic.active and window.isFullScreen()
    assert not window.menuBar().isVisible() and window.clinic.toolbar.isVisible()
    assert "For clinicians" not in window.detail.toPlainText()  # plain language only
    assert "font-size:17pt" in window.detail.toHtml()  # readable from a metre
    assert window.splitter.sizes()[0] > window.width() * 0.5  # the diagram large
    qtbot.keyClick(window, Qt.Key.Key_Escape)
    assert not window.clinic.active and not window.isFullScreen()
    qtbot.waitUntil(lambda: window.geometry() == before[0])
    assert (window.geometry(), window.splitter.sizes(), window.detail.toHtml().count("17pt"),
            window.menuBar().isVisible()) == before
    assert "For clinicians" in window.detail.toPlainText()


def _point_size_of(window: MainWindow, text: str) -> float:
    block = window.detail.document().begin()
    while block.isValid() and block.text() != text:
        block = block.next()
    assert block.isValid(), f"no paragraph {text!r} in the panel"
    return block.charFormat().fontPointSize() or block.begin().fragment().charFormat(
    ).fontPointSize()


def test_warning_box_title_grows_with_clinic_type(qtbot: QtBot, window: MainWindow) -> None:
    window.selection.select_condition("greater-trochanteric-pain-syndrome")
    normal = _point_size_of(window, "See a doctor if")
    window.clinic.enter()
    large = _point_size_of(window, "See a doctor if")
    window.clinic.leave()
    assert normal == 11.5 and large >= 17  # never smaller than the text it heads


def _size_of_words(window: MainWindow, words: str, after: str = "") -> float:
    """The point size the panel draws `words` at (the first after `after`)."""
    document = window.detail.document()
    start = document.find(after) if after else None
    cursor = document.find(words, start) if start is not None else document.find(words)
    assert not cursor.isNull(), f"{words!r} is not in the panel"
    cursor.setPosition(cursor.selectionStart() + 1)
    return cursor.charFormat().font().pointSizeF()


def test_table_headings_and_reference_links_grow_with_clinic_type(qtbot: QtBot,
                                                                  window: MainWindow) -> None:
    condition = window.content.conditions["adductor-related-groin-pain"]
    reference = window.content.references[condition.references[0]]
    assert reference.url
    window.selection.select_condition(condition.id)
    window.clinic.enter()
    qtbot.waitUntil(lambda: window.detail.viewport().width() > 700)  # full screen, wide
    body = _size_of_words(window, condition.summary[:20])
    assert body >= 17
    assert _size_of_words(window, "What happens") == body  # the recovery table's heading
    citation = _size_of_words(window, reference.citation[:20], after="References")
    link = _size_of_words(window, reference.url, after="References")
    assert citation >= 14 and link == citation  # as large as the reference it follows
    window.clinic.leave()


def test_stepping_through_conditions_lights_regions(qtbot: QtBot, window: MainWindow) -> None:
    window.selection.set_regions(["back"])
    ids = window.conditions.ids()
    window.clinic.enter()
    first = window.selection.condition
    qtbot.keyClick(window, Qt.Key.Key_Right)
    second = window.selection.condition
    assert ids.index(second) == (ids.index(first) + 1) % len(ids)
    assert window.diagram.state.condition_regions == \
        window.content.conditions[second].regions
    qtbot.keyClick(window, Qt.Key.Key_PageDown)
    qtbot.keyClick(window, Qt.Key.Key_PageUp)
    qtbot.keyClick(window, Qt.Key.Key_Left)
    assert window.selection.condition == first
    window.clinic.leave()


def test_stepping_wraps_around_at_both_ends(qtbot: QtBot, window: MainWindow) -> None:
    window.selection.set_regions(["groin"])
    ids = window.conditions.ids()
    assert len(ids) > 2
    window.clinic.enter()
    window.selection.select_condition(ids[-1])
    qtbot.keyClick(window, Qt.Key.Key_Right)  # past the last: back to the first
    assert window.selection.condition == ids[0]
    qtbot.keyClick(window, Qt.Key.Key_Left)  # before the first: the last
    assert window.selection.condition == ids[-1]
    qtbot.keyClick(window, Qt.Key.Key_PageDown)
    assert window.selection.condition == ids[0]
    assert window.diagram.state.condition_regions == window.content.conditions[ids[0]].regions
    qtbot.keyClick(window, Qt.Key.Key_PageUp)
    assert window.selection.condition == ids[-1]
    window.clinic.leave()


def draw(qtbot: QtBot, window: MainWindow, points: list[tuple[float, float]]) -> None:
    viewport = window.diagram.viewport()
    pos = [window.diagram.mapFromScene(QPointF(*p)) for p in points]
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=pos[0])
    for p in pos[1:]:
        from PySide6.QtGui import QMouseEvent
        from PySide6.QtWidgets import QApplication

        event = QMouseEvent(QMouseEvent.Type.MouseMove, QPointF(p), QPointF(p),
                            Qt.MouseButton.LeftButton, Qt.MouseButton.LeftButton,
                            Qt.KeyboardModifier.NoModifier)
        QApplication.sendEvent(viewport, event)
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=pos[-1])


def test_pen_strokes_undo_clear_and_handout_print(qtbot: QtBot, window: MainWindow,
                                                  tmp_path: Path) -> None:
    window.selection.set_regions(["outer"])
    window.clinic.enter()
    window.clinic.pen_actions["#D55E00"].setChecked(True)
    assert not window.clear_drawing_action.isEnabled()  # nothing drawn yet
    draw(qtbot, window, [(470, 200), (490, 260), (520, 300)])
    assert window.clear_drawing_action.isEnabled()  # on, once a stroke ends
    draw(qtbot, window, [(800, 200), (850, 250)])
    strokes = window.diagram.state.strokes
    assert [c for c, _ in strokes] == ["#D55E00", "#D55E00"] and len(strokes[0][1]) == 3
    assert window.selection.regions == ["outer"]  # drawing does not change the selection
    undo = next(a for a in window.clinic.toolbar.actions() if a.text().startswith("&Undo"))
    assert undo.text() == "&Undo Draw"  # the clinic toolbar's Undo is the window's
    undo.trigger()
    assert len(window.diagram.state.strokes) == 1
    handout = window.current_handout()
    assert handout.drawings and handout.drawings[0][0] == "#D55E00"
    path = tmp_path / "with-drawing.json"
    write_handout(path, handout)
    assert read_handout(path).drawings == handout.drawings

    def pdf_ops(h: object, name: str) -> str:
        job = handout_job(window.content, window.art, h)  # type: ignore[arg-type]
        write_pdf(tmp_path / name, job, Header(job.title))
        return PdfReader(tmp_path / name).pages[0].get_contents().get_data().decode("latin-1")

    from dataclasses import replace

    with_drawing = pdf_ops(handout, "a.pdf")
    without = pdf_ops(replace(handout, drawings=()), "b.pdf")
    orange = "0.835294127 0.368627458 0 SCN"  # #D55E00 as a stroke colour
    assert orange in with_drawing and orange not in without
    drawn = [(colour, list(points)) for colour, points in window.diagram.state.strokes]
    window.diagram.clear_strokes()
    assert window.diagram.state.strokes == []
    undo.trigger()  # a cleared drawing comes back
    assert window.diagram.state.strokes == drawn and len(drawn[0][1]) == 3
    window.diagram.clear_strokes()
    window.clinic.pen_actions["#D55E00"].setChecked(False)
    centre = window.art.centre("back")
    qtbot.mouseClick(window.diagram.viewport(), Qt.MouseButton.LeftButton,
                     Qt.KeyboardModifier.NoModifier, window.diagram.mapFromScene(centre))
    assert window.selection.regions == ["back"]  # pen off: clicks select again
    window.clinic.leave()


def test_leaving_turns_the_pen_off(qtbot: QtBot, window: MainWindow) -> None:
    window.clinic.enter()
    window.clinic.pen_actions["#0072B2"].setChecked(True)
    assert window.diagram.pen_colour == "#0072B2"
    window.clinic.leave()
    assert window.diagram.pen_colour == ""
    assert not any(a.isChecked() for a in window.clinic.pen_actions.values())
    centre = window.art.centre("back")
    qtbot.mouseClick(window.diagram.viewport(), Qt.MouseButton.LeftButton,
                     Qt.KeyboardModifier.NoModifier, window.diagram.mapFromScene(centre))
    assert window.selection.regions == ["back"]  # a click selects, it does not draw
    assert window.diagram.state.strokes == []


def test_drawing_survives_a_content_reload(qtbot: QtBot, window: MainWindow) -> None:
    window.clinic.enter()
    window.clinic.pen_actions["#0072B2"].setChecked(True)
    draw(qtbot, window, [(470, 200), (490, 260)])
    drawn = [(colour, list(points)) for colour, points in window.diagram.state.strokes]
    window.clinic.leave()
    window.reload_content()
    assert window.diagram.state.strokes == drawn and drawn
    assert window.current_handout().drawings  # and it still goes into the handout


def test_ctrl_z_undoes_in_clinic_mode_without_the_menu_bar(qtbot: QtBot,
                                                           window: MainWindow) -> None:
    window.clinic.enter()
    assert not window.menuBar().isVisible()
    window.clinic.pen_actions["#1c2430"].setChecked(True)
    draw(qtbot, window, [(470, 200), (490, 260)])
    assert len(window.diagram.state.strokes) == 1
    qtbot.keyClick(window.diagram, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.diagram.state.strokes == []
    window.clinic.leave()


def test_alt_left_goes_back_in_clinic_mode_without_the_menu_bar(qtbot: QtBot,
                                                                window: MainWindow) -> None:
    window.selection.set_regions(["outer"])
    window.clinic.enter()
    shown = window.detail.shown
    window.detail.anchorClicked.emit(QUrl("hip:exercise/isometric-hip-abduction"))
    assert window.detail.shown == ("exercise", "isometric-hip-abduction")
    qtbot.keyClick(window.detail, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert window.detail.shown == shown
    window.clinic.leave()


def test_f11_leaves_clinic_mode_as_it_enters_it(qtbot: QtBot, window: MainWindow) -> None:
    window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_F11)
    assert window.clinic.active and not window.menuBar().isVisible()
    qtbot.keyClick(window, Qt.Key.Key_F11)  # the menu bar that holds it is hidden
    assert not window.clinic.active


def test_one_high_contrast_switch_in_the_menu_and_the_clinic_toolbar(
        qtbot: QtBot, window: MainWindow) -> None:
    window.contrast_action.trigger()  # View > High contrast, before clinic mode
    window.clinic.enter()
    button = window.clinic.toolbar.widgetForAction(window.contrast_action)
    assert button is not None and button.isChecked()
    button.click()  # off, at the first click
    assert not window.diagram.state.high_contrast and not window.contrast_action.isChecked()
    window.clinic.leave()  # the window comes back as it was
    assert window.diagram.state.high_contrast and window.contrast_action.isChecked()


def test_high_contrast_survives_a_content_reload(window: MainWindow) -> None:
    window.contrast_action.trigger()
    window.reload_content()
    assert window.diagram.state.high_contrast and window.contrast_action.isChecked()


def test_arrows_move_between_regions_for_a_keyboard_user_in_clinic_mode(
        qtbot: QtBot, window: MainWindow) -> None:
    """Arrows step through conditions, except in the diagram reached by keyboard,
    where they move between regions as everywhere else."""
    window.selection.set_regions(["back"])
    window.clinic.enter()
    shown = window.selection.condition
    window.activateWindow()
    window.diagram.clearFocus()
    window.diagram.setFocus(Qt.FocusReason.TabFocusReason)  # as Tab reaches it
    qtbot.waitUntil(lambda: window.diagram.state.show_focus)
    focus = window.diagram.state.focus
    qtbot.keyClick(window.diagram, Qt.Key.Key_Right)
    assert window.diagram.state.focus != focus
    assert window.selection.condition == shown
    qtbot.keyClick(window.diagram, Qt.Key.Key_End)  # and Home and End, as the diagram says
    assert window.diagram.state.focus == "back" and window.selection.condition == shown
    qtbot.keyClick(window.diagram, Qt.Key.Key_Home)
    assert window.diagram.state.focus == "front" and window.selection.condition == shown
    qtbot.keyClick(window.diagram, Qt.Key.Key_PageDown)  # Page Down still steps
    assert window.selection.condition != shown
    # and the arrow buttons say so, Page keys first (nothing said it)
    previous, following = window.clinic._arrows
    assert previous.toolTip().startswith("Previous condition (Page Up")
    assert following.toolTip().startswith("Next condition (Page Down")
    window.clinic.leave()


def test_clinic_tick_boxes_grow_with_the_type(window: MainWindow) -> None:
    from PySide6.QtWidgets import QStyle, QStyleOptionViewItem

    def tick_box_height() -> int:
        regions = window.region_list
        option = QStyleOptionViewItem()
        regions.initViewItemOption(option)
        option.features |= QStyleOptionViewItem.ViewItemFeature.HasCheckIndicator
        option.rect = regions.visualItemRect(regions.item(0))
        return regions.style().subElementRect(
            QStyle.SubElement.SE_ItemViewItemCheckIndicator, option, regions).height()

    normal = tick_box_height()
    window.clinic.enter()
    assert tick_box_height() >= 20 > normal  # read from a metre away, like the names
    window.clinic.leave()
    assert tick_box_height() == normal


def test_clinic_mode_keeps_the_warning_banner_and_every_region_in_view(
        qtbot: QtBot, window: MainWindow) -> None:
    window.selection.set_regions(["groin"])
    window.selection.set_answer("fever-unwell", True)
    window.clinic.enter()
    qtbot.wait(20)
    assert window.splitter.sizes()[1] == 0  # the list column steps aside...
    assert window.banner.isVisible() and window.banner.width() > window.width() // 2
    regions = window.region_list  # ...and the region list grows with the clinic type
    for row in range(regions.count()):
        rect = regions.visualItemRect(regions.item(row))
        assert regions.viewport().rect().contains(rect), regions.item(row).text()
    window.clinic.leave()


def test_clinic_toolbar_shows_the_position_and_a_steady_undo(
        qtbot: QtBot, window: MainWindow) -> None:
    window.selection.set_regions(["groin"])
    window.clinic.enter()
    count = len(window.conditions.ids())
    assert window.clinic.position.text() == f"1 of {count}"
    window.clinic.step(1)
    qtbot.waitUntil(lambda: window.clinic.position.text() == f"2 of {count}")
    button = window.clinic.toolbar.widgetForAction(window.undo_action)
    assert button.text() == "Undo"  # not "Undo Select Groin": the toolbar keeps its width
    assert window.undo_action.toolTip() == "Undo Select Groin"
    window.clinic.leave()


def test_quitting_in_clinic_mode_reopens_the_working_window(
        qtbot: QtBot, open_window: Callable[..., MainWindow]) -> None:
    first = open_window()
    first.selection.set_regions(["groin"])
    first.clinic.enter()
    first.close()  # e.g. Alt+F4 while presenting
    second = open_window()  # the same settings file
    assert not second.isFullScreen() and not second.clinic.active
    assert second.menuBar().isVisible()
    main_bar = next(b for b in second.findChildren(QToolBar)
                    if b is not second.clinic.toolbar and b.actions())
    assert main_bar.isVisible()  # the side switch and the Clinic mode button are there
    list_column = second.splitter.sizes()[1]
    assert list_column > 150 and second.conditions.isVisible()  # list, search and Refine
    assert second.selection.regions == ["groin"]


def test_clinic_mode_takes_the_keys_from_folded_away_widgets(
        qtbot: QtBot, window: MainWindow) -> None:
    """Search field focused, then F11: typing must not go into the hidden field, and the
    presenter's arrows step through the conditions."""
    window.selection.set_regions(["back"])
    window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.search.field.hasFocus()
    window.clinic.enter()
    qtbot.waitUntil(lambda: not window.search.field.hasFocus())
    focused = QApplication.focusWidget()
    assert focused is not None and focused.isVisible() and focused.width() > 0
    shown = window.selection.condition
    qtbot.keyClick(focused, Qt.Key.Key_Right)
    assert window.selection.condition != shown
    qtbot.keyClicks(focused, "sciatica")
    assert window.search.field.text() == ""
    window.clinic.leave()


def test_the_drawing_can_be_cleared_outside_clinic_mode(qtbot: QtBot,
                                                      window: MainWindow) -> None:
    window.clinic.enter()
    window.clinic.pen_actions["#D55E00"].setChecked(True)
    draw(qtbot, window, [(470, 200), (490, 260)])
    window.clinic.leave()
    assert window.diagram.state.strokes
    window.selection.clear_regions()
    assert window.diagram.state.strokes  # the selection and the sketch are separate
    edit = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Edit")
    clear = next(a for a in edit.actions() if a.text() == "Clear &drawing")
    clear.trigger()
    assert not window.diagram.state.strokes and not window.current_handout().drawings
    window.undo_action.trigger()  # and it can be taken back
    assert window.diagram.state.strokes


def test_tab_reaches_only_what_clinic_mode_shows(qtbot: QtBot, window: MainWindow) -> None:
    """The folded-away list column (search, list, questions) takes no focus: Tab never
    lands on a question the patient cannot see, where Space would tick it."""
    window.selection.set_regions(["groin"])
    window.activateWindow()
    window.clinic.enter()
    window.diagram.setFocus(Qt.FocusReason.TabFocusReason)
    reached = []
    for _ in range(40):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        reached.append(QApplication.focusWidget())
    hidden_column = window.splitter.widget(1)
    assert not any(hidden_column.isAncestorOf(widget) for widget in reached)
    assert all(widget.isVisible() and widget.width() > 0 for widget in reached)
    window.clinic.leave()
    assert window.search.isVisible() and window.splitter.sizes()[1] > 150


def test_reload_waits_until_clinic_mode_is_left(qtbot: QtBot, window: MainWindow) -> None:
    """F5 while presenting would rebuild the window in its working layout (list column
    back, small clinician text, the pen off while its button stays pressed)."""
    window.selection.set_regions(["groin"])
    window.clinic.enter()
    window.clinic.pen_actions["#D55E00"].setChecked(True)
    diagram = window.diagram
    qtbot.keyClick(window, Qt.Key.Key_F5)
    assert window.diagram is diagram and diagram.pen_colour == "#D55E00"
    assert not window.splitter.widget(1).isVisible()
    assert "For clinicians" not in window.detail.toPlainText()
    window.clinic.leave()
    assert window.reload_action.isEnabled()
    window.reload_action.trigger()
    assert window.diagram is not diagram


@pytest.mark.parametrize("screen_name", ["desktop", "small laptop", "scaled laptop",
                                         "narrow laptop", "300% laptop"])
def test_every_clinic_button_is_in_view(qtbot: QtBot, window: MainWindow,
                                        screen_name: str) -> None:
    """On a 1024 x 600 laptop, a 1080p one at 200% (960 pixels wide), a 1600 x 900 one
    at 200% (800 wide) and a 1080p one at 300% (640 wide) too: no button goes into the
    toolbar's overflow menu, Leave (Esc) least of all, whether the position reads
    "15 conditions" or "1 of 3". Where a name is shortened to fit, a screen reader
    still hears it in full, and the menus keep theirs."""
    from PySide6.QtCore import QPoint
    from PySide6.QtGui import QGuiApplication

    screen = next(s for s in QGuiApplication.screens() if s.name() == screen_name)
    window.move(screen.availableGeometry().topLeft() + QPoint(10, 10))
    qtbot.waitUntil(lambda: window.screen() is screen)
    window.clinic.enter()
    bar = window.clinic.toolbar
    qtbot.waitUntil(lambda: bar.width() == screen.geometry().width())
    for shown in ("", "one"):  # none of all the conditions, then one of a few
        if shown:
            window.selection.set_regions(["groin"])
            window.clinic.step(1)
        qtbot.wait(10)  # the position follows on the next turn of the event loop
        text = window.clinic.position.text()
        assert (" of " in text) if shown else text == "15 conditions"
        for action in bar.actions():
            button = bar.widgetForAction(action)
            if action.isSeparator() or button is None:
                continue
            assert button.isVisible() and bar.rect().contains(button.geometry()), (
                action.text())
    assert not window.hint.isVisible()  # the diagram gets the room
    clear = bar.widgetForAction(window.clear_drawing_action)
    contrast = bar.widgetForAction(window.contrast_action)
    assert (clear.text(), contrast.text()) == (
        ("Clear", "Contrast") if screen_name == "300% laptop"
        else ("Clear drawing", "High contrast"))
    assert (clear.accessibleName(), contrast.accessibleName()) == (
        "Clear drawing", "High contrast")
    assert window.clear_drawing_action.text() == "Clear &drawing"  # the Edit menu's
    window.clinic.leave()
    assert window.hint.isVisible()


def test_the_hip_side_switches_while_presenting(qtbot: QtBot, window: MainWindow) -> None:
    """The main toolbar, with its Right/Left box, is hidden in clinic mode: the clinic
    toolbar has one too, and the two agree."""
    window.clinic.enter()
    box = window.clinic.side_box
    assert box.isVisible() and box.currentText() == "Right hip"
    box.setCurrentIndex(box.findData("left"))
    assert window.selection.side == "left" and window.diagram.state.side == "left"
    window.clinic.leave()
    assert window.side_box.currentData() == "left"
    window.side_box.setCurrentIndex(window.side_box.findData("right"))
    assert box.currentData() == "right"


def test_find_does_not_send_the_keys_to_the_hidden_search(qtbot: QtBot,
                                                          window: MainWindow) -> None:
    """Ctrl+F in clinic mode sent the keyboard to the search field folded away with the
    list: the arrows stopped stepping and typing went nowhere to be seen."""
    window.selection.set_regions(["groin"])
    window.clinic.enter()
    qtbot.waitUntil(lambda: window.diagram.hasFocus())
    qtbot.keyClick(window.diagram, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert not window.search.field.hasFocus() and window.diagram.hasFocus()
    first = window.clinic.position.text()
    qtbot.keyClick(window.diagram, Qt.Key.Key_Right)
    qtbot.waitUntil(lambda: window.clinic.position.text() != first)  # still stepping
    window.clinic.leave()
    window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.search.field.hasFocus()  # Find works again in the working window


def test_leaving_goes_back_to_the_reading_place(qtbot: QtBot, window: MainWindow) -> None:
    """The panel comes back scrolled where it was read, and the keyboard to the pane it
    was in (it came back at the top, with the keyboard on the diagram)."""
    window.selection.set_regions(["outer"])
    bar = window.detail.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 600)
    bar.setValue(500)
    window.conditions.setFocus(Qt.FocusReason.OtherFocusReason)
    window.clinic.enter()
    qtbot.waitUntil(lambda: window.isFullScreen())
    window.clinic.leave()
    qtbot.waitUntil(lambda: bar.value() == 500)
    assert window.conditions.hasFocus()
    window.clinic.enter()  # stepping to another condition: its page opens at the top
    window.clinic.step(1)
    window.clinic.leave()
    qtbot.wait(20)
    assert bar.value() == 0


def test_every_menu_shortcut_works_while_presenting(qtbot: QtBot, window: MainWindow) -> None:
    """The menu bar is hidden in clinic mode; its commands' shortcuts still work, and
    the toolbar's switches have keys of their own."""
    window.selection.set_regions(["groin"])
    window.selection.set_regions(["groin", "front"])
    window.clinic.enter()
    window.activateWindow()
    ctrl, shift = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(window, Qt.Key.Key_Z, ctrl)
    assert window.selection.regions == ["groin"]
    qtbot.keyClick(window, Qt.Key.Key_Y, ctrl)  # Redo
    assert window.selection.regions == ["groin", "front"]
    qtbot.keyClick(window, Qt.Key.Key_X, ctrl | shift)  # Clear selection
    assert window.selection.regions == []
    qtbot.keyClick(window, Qt.Key.Key_H, ctrl | shift)  # High contrast
    assert window.diagram.state.high_contrast
    window.clinic.pen_actions["#1c2430"].setChecked(True)
    draw(qtbot, window, [(470, 200), (490, 260)])
    qtbot.keyClick(window, Qt.Key.Key_D, ctrl | shift)  # Clear drawing
    assert window.diagram.state.strokes == []
    window.selection.set_regions(["outer"])
    qtbot.keyClick(window, Qt.Key.Key_T, ctrl)  # the recovery timeline
    assert window.chart_dialogs["timeline"].isVisible()
    window.chart_dialogs["timeline"].close()
    window.clinic.leave()


def test_the_clinic_toolbar_names_its_buttons_in_words(window: MainWindow) -> None:
    """A screen reader reads the buttons' names: "Previous", not "black left-pointing
    triangle Previous"."""
    bar = window.clinic.toolbar
    buttons = [bar.widgetForAction(a) for a in bar.actions() if not a.isSeparator()]
    names = [QAccessible.queryAccessibleInterface(b).text(QAccessible.Text.Name)
             for b in buttons if b is not None]
    assert {"Previous", "Next", "Clear drawing", "Undo", "Leave (Esc)"} <= set(names), names
    assert all(name.replace("(", "").replace(")", "").replace(" ", "").isalnum()
               for name in names), names


def test_recovery_phases_stack_sooner_in_clinic_type(qtbot: QtBot, window: MainWindow) -> None:
    """A panel wide enough for three columns at the usual size is not in 17 pt type: the
    words of "strength" broke over lines. In clinic mode it takes one cell a phase."""
    from test_window_panels import recovery_columns

    condition = window.content.conditions["adductor-related-groin-pain"]
    assert condition.recovery is not None
    phase = condition.recovery.phases[0].name
    window.selection.select_condition(condition.id)
    window.clinic.enter()
    qtbot.waitUntil(lambda: window.geometry() == window.screen().geometry())
    total = sum(window.splitter.sizes())
    window.splitter.setSizes([total - 620, 0, 620])  # the presenter widens the panel
    qtbot.wait(1)
    assert 440 < window.detail.viewport().width() < 17 / 10.5 * 440
    assert recovery_columns(window.detail, phase)[0] == 1
    assert window.detail.horizontalScrollBar().maximum() == 0
    window.clinic.leave()
    qtbot.waitUntil(lambda: not window.isFullScreen())
    window.resize(1400, 640)
    window.splitter.setSizes([400, 380, 620])  # the same width at the usual size
    qtbot.wait(1)
    assert window.detail.viewport().width() > 440
    assert recovery_columns(window.detail, phase)[0] == 3


def _line_height(window: MainWindow, starting: str) -> float:
    """The height of the first line of the panel's paragraph that starts with `starting`."""
    block = window.detail.document().begin()
    while block.isValid() and not block.text().startswith(starting):
        block = block.next()
    assert block.isValid() and block.layout().lineCount(), starting
    return float(block.layout().lineAt(0).height())


@pytest.mark.parametrize("zoom", [0, 6])
def test_the_title_stays_larger_than_the_text_in_clinic_type(
        qtbot: QtBot, open_window: Callable[..., MainWindow], zoom: int) -> None:
    """Headings are sized from the page's default font, and QTextEdit set that to the
    widget's font when clinic mode's style sheet changed it: a zoomed title came out
    smaller than the text under it (when the page was not laid out again for a new
    panel width)."""
    window = open_window(1400, 860)
    window.selection.select_condition("hip-labral-tear")
    for _ in range(zoom):
        window.zoom_in_action.trigger()
    window.clinic.enter()
    qtbot.waitUntil(lambda: window.detail.font().pointSizeF() == 15)  # the style is there
    title = _line_height(window, "Hip labral tear")
    text = _line_height(window, "Where it hurts")
    assert title >= 1.5 * text
    window.detail.refresh()  # laid out afresh: the same
    assert (_line_height(window, "Hip labral tear"), _line_height(window, "Where it hurts")
            ) == (title, text)
    window.clinic.leave()


def test_a_long_warning_shows_whole_in_clinic_mode_on_a_small_laptop(
        qtbot: QtBot, window: MainWindow) -> None:
    """On a 1024 x 600 screen clinic mode's large type cut the night-pain warning off
    after four lines ("...ask a pharmacist or"), the rest behind a scroll bar, with an
    empty status bar strip under the full screen."""
    window.windowHandle().setScreen(next(
        s for s in QApplication.screens() if s.geometry().height() == 600))
    window.selection.set_regions(["outer"])
    window.selection.set_answer("night-rest-pain", True)
    window.clinic.enter()
    qtbot.waitUntil(lambda: window.height() <= 600)
    QApplication.processEvents()
    banner = window.banner
    assert banner.isVisible()
    assert banner.text_area.verticalScrollBar().maximum() == 0  # nothing to scroll to
    assert not window.statusBar().isVisible()
    window.clinic.leave()
    assert window.statusBar().isVisible()




def test_clinic_type_shrinks_with_a_short_screen_and_the_summary_shows(
        qtbot: QtBot, window: MainWindow) -> None:
    """On 1920 x 1080 at 200% (960 x 540 points) clinic mode's 17 pt title alone took
    the panel's height (five lines), with the summary out of sight below it. The type
    now shrinks with a screen under 1000 points tall, to 0.7 of its size at least:
    still larger than the working window's, and the screen's own scaling makes it
    larger again."""
    window.windowHandle().setScreen(next(
        s for s in QApplication.screens() if s.geometry().height() == 540))
    window.selection.set_regions(["outer"])
    window.selection.select_condition("greater-trochanteric-pain-syndrome")
    normal = _size_of_words(window, "This is pain over")
    window.clinic.enter()
    qtbot.waitUntil(lambda: window.height() <= 540)
    QApplication.processEvents()
    text = _size_of_words(window, "This is pain over")
    assert normal == 10.5 and text == pytest.approx(17 * 0.7, abs=0.1)
    detail = window.detail
    summary = detail.document().find("This is pain over")
    shown = detail.cursorRect(summary)
    assert shown.top() >= 0 and shown.bottom() <= detail.viewport().height(), shown
    assert detail.verticalScrollBar().value() == 0  # in view where the page opens
    window.clinic.leave()
    assert _size_of_words(window, "This is pain over") == 10.5


def test_clinic_type_and_toolbar_follow_the_window_to_another_screen(
        qtbot: QtBot, window: MainWindow) -> None:
    """Sized once on entering: moved from a desktop to 1080p at 200% the type stayed in
    full size and the toolbar hid Leave behind its overflow button; moved back, the
    laptop's smaller type stayed on the large screen."""
    from PySide6.QtCore import QPoint

    screens = {s.name(): s for s in QApplication.screens()}
    window.selection.select_condition("greater-trochanteric-pain-syndrome")
    window.clinic.enter()
    assert _size_of_words(window, "This is pain over") == 17
    for name, size in (("scaled laptop", 17 * 0.7), ("desktop", 17)):
        screen = screens[name]
        window.windowHandle().setScreen(screen)
        window.move(screen.availableGeometry().topLeft() + QPoint(10, 10))
        qtbot.waitUntil(lambda screen=screen: window.screen() is screen)
        assert _size_of_words(window, "This is pain over") == pytest.approx(size, abs=0.1)
        bar = window.clinic.toolbar
        leave = bar.widgetForAction(window.clinic.leave_action)
        qtbot.waitUntil(lambda bar=bar, leave=leave: leave.isVisible()
                        and bar.rect().contains(leave.geometry()))
    window.clinic.leave()


@pytest.mark.parametrize("name", ["Orange", "Blue", "Black"])
def test_a_pen_swatch_stands_apart_from_its_name(window: MainWindow, name: str) -> None:
    """The pen buttons' colour squares touched their names ("■Orange"): along the
    button's middle row, 3-4 blank pixels parted them; now about twice that."""
    window.clinic.enter()
    button = window.clinic.toolbar.widgetForAction(
        window.clinic.pen_actions[PEN_COLOURS[name]])
    image = button.grab().toImage()
    row = [image.pixelColor(x, image.height() // 2) for x in range(image.width())]
    ink = [max(abs(c.red() - row[0].red()), abs(c.green() - row[0].green()),
               abs(c.blue() - row[0].blue())) > 40 for c in row]  # row[0]: the button
    runs = [(inked, len(list(pixels))) for inked, pixels in itertools.groupby(ink)]
    runs = runs[1:] if not runs[0][0] else runs  # the button's margin
    (_, swatch), (_, gap) = runs[:2]  # ink, then blank, then the name's first letter
    assert swatch >= 10, runs
    assert gap >= 6, f"{gap} blank pixels between the swatch and its name"


def test_a_refine_question_with_the_focus_leaves_clinic_type_behind(
        qtbot: QtBot, window: MainWindow) -> None:
    """Ticked (so its box had the focus), then F11 and Escape: that question kept clinic
    mode's 15 pt type, beside 9 pt questions, until the app was closed."""
    window.selection.set_regions(["outer"])
    shown = [box for box in window.refine.boxes.values() if box.isVisible()]
    qtbot.mouseClick(shown[0], Qt.MouseButton.LeftButton, pos=QPoint(8, shown[0].height() // 2))
    before = shown[1].question.font().pointSizeF()
    qtbot.keyClick(window, Qt.Key.Key_F11)
    assert shown[0].question.font().pointSizeF() > before  # large in clinic mode, too
    qtbot.keyClick(window, Qt.Key.Key_Escape)
    assert not window.clinic.active
    assert [box.question.font().pointSizeF() for box in shown[:2]] == [before, before]


def test_a_tip_names_the_region_pointed_at_while_presenting(qtbot: QtBot,
                                                             window: MainWindow) -> None:
    """The line under the diagram that names the region pointed at is folded away in
    clinic mode: a tooltip names it there, follows the pointer to another region and
    goes on empty space. The working window has the line and no tip."""
    from tests.test_window_diagram import INSIDE

    viewport = window.diagram.viewport()

    def point_at(scene_x: float, scene_y: float) -> str:
        at = window.diagram.mapFromScene(QPointF(scene_x, scene_y))
        qtbot.mouseMove(viewport, at)
        QApplication.sendEvent(viewport, QHelpEvent(QEvent.Type.ToolTip, at,
                                                    viewport.mapToGlobal(at)))
        return QToolTip.text() if QToolTip.isVisible() else ""

    assert point_at(*INSIDE["outer"]) == ""  # working window: the hint line names it
    assert "Outer hip" in window.hint.text()
    window.clinic.enter()
    qtbot.wait(50)  # full screen laid out
    tip = point_at(*INSIDE["outer"])
    assert "Outer hip" in tip and "side of the hip" in tip
    size = QFontInfo(window.diagram.font()).pointSizeF()  # in clinic mode's large type
    assert size > QFontInfo(QApplication.font()).pointSizeF() and f"{size:.1f}pt" in tip
    at = window.diagram.mapFromScene(QPointF(*INSIDE["groin"]))
    qtbot.mouseMove(viewport, at)  # the tip shown follows, with no wait for a new one
    assert QToolTip.isVisible() and "Groin" in QToolTip.text()
    point_at(5, 590)
    qtbot.waitUntil(lambda: not QToolTip.isVisible(), timeout=2000)  # it goes in a moment
    window.clinic.leave()
    assert point_at(*INSIDE["back"]) == ""
