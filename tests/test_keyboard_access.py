"""Keyboard and screen-reader access: what a keyboard user sees and a screen reader says
(the accessibility review's findings, each with the behaviour the user notices)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QAccessible, QColor
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from explorer.ui.main_window import MainWindow

GROIN_POINT = (140, 300)  # inside the groin region, in the drawing's coordinates
EMPTY_POINT = (5, 590)  # on no region


@pytest.fixture
def window(qtbot: QtBot, open_window: Callable[..., MainWindow]) -> MainWindow:
    """The window as it starts: active, the diagram has the keyboard (no ring yet)."""
    win = open_window(1400, 860)
    win.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is win)
    qtbot.waitUntil(win.diagram.hasFocus)
    return win


@pytest.fixture
def announced(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[tuple[str, str]]]:
    """(widget's accessible name, event type name) for each event sent to screen readers."""
    events: list[tuple[str, str]] = []

    def record(event: Any) -> None:
        widget = event.object()
        name = widget.accessibleName() if isinstance(widget, QWidget) else ""
        events.append((name, event.type().name))

    monkeypatch.setattr(QAccessible, "updateAccessibility", staticmethod(record))
    yield events


def key(qtbot: QtBot, k: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier
        ) -> None:
    """A key pressed where the keyboard is now."""
    target = QApplication.focusWidget()
    assert target is not None
    qtbot.keyClick(target, k, modifier)


def click(qtbot: QtBot, win: MainWindow, point: tuple[float, float]) -> None:
    qtbot.mouseClick(win.diagram.viewport(), Qt.MouseButton.LeftButton,
                     pos=win.diagram.mapFromScene(QPointF(*point)))


# ---- 1. the diagram's hidden focus --------------------------------------------------------
def test_at_start_up_space_only_shows_where_the_keyboard_is(qtbot: QtBot,
                                                            window: MainWindow) -> None:
    """Space then 7 at start-up used to select Front with pain 7 while nothing showed
    where the keyboard was. Now Space shows the ring on Front and names it; 7 then acts
    on the region the user can see."""
    diagram = window.diagram
    assert not diagram.state.show_focus and diagram.accessibleName() == "Hip diagram"
    key(qtbot, Qt.Key.Key_Space)
    assert window.selection.regions == []
    assert diagram.state.show_focus and diagram.state.focus == "front"
    assert diagram.accessibleName() == "Hip diagram: Front of the hip, not selected"
    assert "Front of the hip" in window.hint.text()
    key(qtbot, Qt.Key.Key_7)
    assert window.selection.intensities == {"front": 7}
    assert diagram.accessibleName() == "Hip diagram: Front of the hip, selected, pain 7 out of 10"


@pytest.mark.parametrize("first", [Qt.Key.Key_Right, Qt.Key.Key_Tab, Qt.Key.Key_7,
                                   Qt.Key.Key_Return, Qt.Key.Key_Plus],
                         ids=["right", "tab", "digit", "enter", "plus"])
def test_the_first_key_on_an_unseen_region_is_not_lost_on_it(
        qtbot: QtBot, window: MainWindow, first: Qt.Key,
        announced: list[tuple[str, str]]) -> None:
    """The first Right or Tab used to go straight to the groin, so the front was never
    announced; a digit, Enter or + changed the front unseen. Each now only shows (and
    announces) the front."""
    key(qtbot, first)
    assert window.diagram.hasFocus() and window.diagram.state.focus == "front"
    assert window.diagram.state.show_focus
    assert window.selection.regions == [] and window.selection.intensities == {}
    assert ("Hip diagram: Front of the hip, not selected", "NameChanged") in announced
    key(qtbot, Qt.Key.Key_Right)  # the next key acts
    assert window.diagram.state.focus == "groin"


def test_escape_clears_even_before_the_ring_shows(qtbot: QtBot, window: MainWindow) -> None:
    window.selection.set_regions(["outer", "back"])
    key(qtbot, Qt.Key.Key_Escape)
    assert window.selection.regions == []


def test_a_click_then_a_digit_still_gives_the_clicked_region_its_pain(
        qtbot: QtBot, window: MainWindow) -> None:
    """The mouse user sees the region they clicked: keys act on it at once, and no ring
    is drawn for the click."""
    click(qtbot, window, GROIN_POINT)
    assert window.selection.regions == ["groin"] and not window.diagram.state.show_focus
    key(qtbot, Qt.Key.Key_7)
    assert window.selection.intensities == {"groin": 7}
    click(qtbot, window, EMPTY_POINT)  # a click on no region: the keys show first again
    key(qtbot, Qt.Key.Key_Space)
    assert window.selection.regions == [] and window.diagram.state.show_focus


def test_the_ring_comes_back_after_a_dialog_closed_by_keyboard(
        qtbot: QtBot, window: MainWindow) -> None:
    diagram = window.diagram
    window.side_box.setFocus(Qt.FocusReason.TabFocusReason)
    key(qtbot, Qt.Key.Key_Tab)
    key(qtbot, Qt.Key.Key_Right)
    key(qtbot, Qt.Key.Key_Right)
    assert diagram.state.focus == "outer" and diagram.state.show_focus
    window._on_preferences_triggered()
    dialog = window.preferences_dialog
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    key(qtbot, Qt.Key.Key_Escape)
    window.activateWindow()
    qtbot.waitUntil(diagram.hasFocus)
    assert diagram.state.show_focus and diagram.state.focus == "outer"
    assert "Outer hip" in window.hint.text()
    key(qtbot, Qt.Key.Key_Space)  # where the ring shows
    assert window.selection.regions == ["outer"]


def test_entering_clinic_mode_changes_no_region_unseen(qtbot: QtBot,
                                                       window: MainWindow) -> None:
    """F11 from the search field gives the diagram the keyboard: Space shows the ring on
    the region it would tick, rather than ticking it."""
    window.selection.set_regions(["back"])
    key(qtbot, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    key(qtbot, Qt.Key.Key_F11)
    qtbot.waitUntil(lambda: window.clinic.active and window.diagram.hasFocus())
    assert not window.diagram.state.show_focus
    key(qtbot, Qt.Key.Key_Space)
    assert window.selection.regions == ["back"]
    assert window.diagram.state.show_focus and "Front" in window.diagram.accessibleName()
    window.clinic.leave()


def _frame_pixel(widget: QWidget) -> QColor:
    image = widget.grab().toImage()
    return QColor(image.pixel(image.width() // 2, 1))  # on the top edge, mid-way


def test_the_diagram_shows_a_frame_while_it_has_the_keyboard(qtbot: QtBot,
                                                             window: MainWindow) -> None:
    """As the other panes: a blue frame while the diagram has the focus, none after."""
    viewport = window.diagram.viewport()
    assert _frame_pixel(viewport).name() == "#0072b2"
    window.region_list.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(lambda: not window.diagram.hasFocus())
    assert _frame_pixel(viewport).name() == "#ffffff"


def test_home_and_end_go_to_the_first_and_last_region(qtbot: QtBot,
                                                     window: MainWindow) -> None:
    window.side_box.setFocus(Qt.FocusReason.TabFocusReason)
    key(qtbot, Qt.Key.Key_Tab)  # into the diagram, at the front
    key(qtbot, Qt.Key.Key_End)
    assert window.diagram.state.focus == "back"
    assert window.region_list.currentItem() is window.region_list.region_item("back")
    key(qtbot, Qt.Key.Key_Home)
    assert window.diagram.state.focus == "front"
    assert window.selection.regions == []  # moving selects nothing


@pytest.mark.parametrize("clear", [Qt.Key.Key_Delete, Qt.Key.Key_Backspace],
                         ids=["delete", "backspace"])
def test_delete_takes_a_pain_level_away_and_keeps_the_region(
        qtbot: QtBot, window: MainWindow, clear: Qt.Key) -> None:
    """0 means "no pain here"; Delete means "no level given", as before a digit."""
    window.side_box.setFocus(Qt.FocusReason.TabFocusReason)
    key(qtbot, Qt.Key.Key_Tab)
    key(qtbot, Qt.Key.Key_Space)  # selected, then a level, in two steps
    key(qtbot, Qt.Key.Key_7)
    assert window.selection.intensities == {"front": 7}
    key(qtbot, clear)
    assert window.selection.regions == ["front"] and window.selection.intensities == {}
    assert window.diagram.accessibleName() == "Hip diagram: Front of the hip, selected"
    key(qtbot, Qt.Key.Key_0)  # not "1 then 0": 0, as typed
    assert window.selection.intensities == {"front": 0}
    key(qtbot, clear)
    # one step back brings each back: Delete was not folded into the level before it
    window.undo_action.trigger()
    assert window.selection.intensities == {"front": 0}
    window.undo_action.trigger()
    window.undo_action.trigger()
    assert window.selection.intensities == {"front": 7}
    window.undo_action.trigger()
    assert window.selection.regions == ["front"] and window.selection.intensities == {}


def test_one_then_delete_then_zero_is_zero(qtbot: QtBot, window: MainWindow) -> None:
    """"1 then 0" is 10 only when typed one after the other."""
    window.side_box.setFocus(Qt.FocusReason.TabFocusReason)
    key(qtbot, Qt.Key.Key_Tab)
    for k in (Qt.Key.Key_1, Qt.Key.Key_Delete, Qt.Key.Key_0):
        key(qtbot, k)
    assert window.selection.intensities == {"front": 0}
    regions = window.region_list
    regions.setFocus(Qt.FocusReason.TabFocusReason)
    regions.setCurrentItem(regions.region_item("groin"))
    for k in (Qt.Key.Key_1, Qt.Key.Key_Backspace, Qt.Key.Key_0):
        key(qtbot, k)
    assert window.selection.intensities["groin"] == 0


def test_delete_in_the_region_list_takes_the_rows_pain_level_away(
        qtbot: QtBot, window: MainWindow) -> None:
    window.selection.set_intensity("outer", 4)
    window.selection.set_intensity("back", 2)
    regions = window.region_list
    regions.setFocus(Qt.FocusReason.TabFocusReason)
    regions.setCurrentItem(regions.region_item("outer"))
    key(qtbot, Qt.Key.Key_Delete)
    assert window.selection.regions == ["outer", "back"]
    assert window.selection.intensities == {"back": 2}
    assert "pain" not in regions.region_item("outer").text().lower()


# ---- 6. the region list works as the diagram does ------------------------------------------
def test_the_region_list_ticks_with_enter_and_clears_with_escape(
        qtbot: QtBot, window: MainWindow) -> None:
    regions = window.region_list
    regions.setFocus(Qt.FocusReason.TabFocusReason)
    regions.setCurrentItem(regions.region_item("outer"))
    key(qtbot, Qt.Key.Key_Return)
    assert window.selection.regions == ["outer"]
    assert regions.region_item("outer").checkState() == Qt.CheckState.Checked
    regions.setCurrentItem(regions.region_item("back"))
    key(qtbot, Qt.Key.Key_Enter)
    assert window.selection.regions == ["outer", "back"]
    key(qtbot, Qt.Key.Key_Return)  # ticked: Enter unticks, as Space does
    assert window.selection.regions == ["outer"]
    key(qtbot, Qt.Key.Key_Escape)
    assert window.selection.regions == []
    assert regions.hasFocus()


def test_the_region_lists_row_follows_the_diagrams_keyboard(qtbot: QtBot,
                                                           window: MainWindow) -> None:
    window.side_box.setFocus(Qt.FocusReason.TabFocusReason)
    key(qtbot, Qt.Key.Key_Tab)  # into the diagram, at the front
    assert window.region_list.currentItem() is window.region_list.region_item("front")
    key(qtbot, Qt.Key.Key_Right)
    key(qtbot, Qt.Key.Key_Right)
    assert window.region_list.currentItem() is window.region_list.region_item("outer")
    key(qtbot, Qt.Key.Key_Tab)  # on past the back, into the list: at the back's row
    key(qtbot, Qt.Key.Key_Tab)
    assert window.region_list.hasFocus()
    assert window.region_list.currentItem() is window.region_list.region_item("back")
    key(qtbot, Qt.Key.Key_Space)
    assert window.selection.regions == ["back"]


# ---- 2. the print preview from the keyboard ------------------------------------------------
def _open_preview(qtbot: QtBot, window: MainWindow) -> Any:
    window.selection.set_regions(["outer"])  # its best match is shown: one to print
    key(qtbot, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier
        | Qt.KeyboardModifier.ShiftModifier)
    dialog = window.preview_dialog
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    return dialog


def test_ctrl_p_prints_from_the_preview(qtbot: QtBot, window: MainWindow) -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtPrintSupport import QPrintDialog

    dialog = _open_preview(qtbot, window)
    asked: list[QWidget] = []

    def answer() -> None:  # the print dialog Print opens: note it and cancel it
        modal = QApplication.activeModalWidget()
        if modal is not None and modal is not dialog:
            asked.append(modal)
            modal.close()
        else:
            QTimer.singleShot(20, answer)

    QTimer.singleShot(20, answer)
    key(qtbot, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: bool(asked), timeout=3000)
    assert isinstance(asked[0], QPrintDialog)
    assert dialog.isVisible()  # cancelled: the preview is still there


def test_escape_closes_the_preview(qtbot: QtBot, window: MainWindow) -> None:
    from shiboken6 import isValid

    dialog = _open_preview(qtbot, window)
    key(qtbot, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not isValid(dialog) or not dialog.isVisible())


# ---- 3 and 5. clinic mode ------------------------------------------------------------------
def test_stepping_in_clinic_mode_tells_a_screen_reader_which_condition(
        qtbot: QtBot, window: MainWindow, announced: list[tuple[str, str]]) -> None:
    window.selection.set_regions(["outer"])
    window.clinic.enter()
    position = window.clinic.position
    ids = window.conditions.ids()
    names = [window.content.conditions[c].name for c in ids]
    assert position.accessibleName() == f"Condition 1 of {len(ids)}: {names[0]}"
    assert "step through the conditions" in position.accessibleDescription()
    window.clinic.step(1)
    expected = f"Condition 2 of {len(ids)}: {names[1]}"
    qtbot.waitUntil(lambda: position.accessibleName() == expected)
    assert position.text() == f"2 of {len(ids)}"
    assert (expected, "NameChanged") in announced
    window.clinic.leave()


def test_page_keys_page_through_the_panel_being_read_in_clinic_mode(
        qtbot: QtBot, window: MainWindow) -> None:
    window.selection.set_regions(["outer"])
    window.clinic.enter()
    shown = window.selection.condition
    panel = window.detail
    panel.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(panel.hasFocus)
    bar = panel.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > bar.pageStep())  # laid out, longer than a page
    bar.setValue(0)
    key(qtbot, Qt.Key.Key_PageDown)
    assert bar.value() > 0 and window.selection.condition == shown
    key(qtbot, Qt.Key.Key_PageUp)
    assert bar.value() == 0 and window.selection.condition == shown
    key(qtbot, Qt.Key.Key_Right)  # the arrows still step
    assert window.selection.condition != shown
    window.diagram.setFocus(Qt.FocusReason.MouseFocusReason)  # elsewhere Page keys step
    key(qtbot, Qt.Key.Key_PageUp)
    assert window.selection.condition == shown
    window.clinic.leave()


# ---- 4. the search field says what the results are -----------------------------------------
def test_ctrl_z_after_a_search_opened_a_region_brings_back_the_regions(
        qtbot: QtBot, window: MainWindow) -> None:
    """The status line said "Edit > Undo brings back Outer hip, Groin", but in the search
    field Ctrl+Z took back the typing, letter by letter, and then did nothing."""
    window.selection.set_regions(["outer", "groin"])
    key(qtbot, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(window.search.field, "sit bone")
    key(qtbot, Qt.Key.Key_Return)
    assert window.selection.regions == ["back"]
    assert window.search.field.hasFocus() and "Edit > Undo" in window.statusBar().currentMessage()
    key(qtbot, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.selection.regions == ["outer", "groin"]
    assert window.search.field.text() == "sit bone"  # the words stay
    key(qtbot, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert window.selection.regions == ["back"]  # Redo too
    qtbot.keyClicks(window.search.field, "s")  # typed again: Ctrl+Z takes back the typing
    key(qtbot, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.search.field.text() == "sit bone" and window.selection.regions == ["back"]


def test_the_search_field_says_how_many_results_and_which_is_highlighted(
        qtbot: QtBot, window: MainWindow, announced: list[tuple[str, str]]) -> None:
    search = window.search
    key(qtbot, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    field = search.field
    assert field.hasFocus()
    qtbot.keyClicks(field, "groin")
    count = len(search.hits)
    assert count > 2
    first, second = (search.results.item(search._first + row).text() for row in (0, 1))
    assert field.accessibleDescription() == f"{count} results; {first}, 1 of {count}"
    key(qtbot, Qt.Key.Key_Down)
    assert field.hasFocus()  # the keyboard stays in the field: it is the one read out
    assert field.accessibleDescription() == f"{count} results; {second}, 2 of {count}"
    assert ("Search conditions, exercises and regions", "DescriptionChanged") in announced
    qtbot.keyClicks(field, "zzqqx")
    assert field.accessibleDescription() == "No matches"


# ---- 7. the condition list's column ---------------------------------------------------------
def test_the_condition_lists_column_is_named_for_a_screen_reader(window: MainWindow) -> None:
    tree = QAccessible.queryAccessibleInterface(window.conditions)
    headers = [tree.child(i) for i in range(tree.childCount())
               if tree.child(i).role() == QAccessible.Role.ColumnHeader]
    assert [h.text(QAccessible.Text.Name) for h in headers] == ["Condition"]


# ---- 8. the recovery timeline's words -------------------------------------------------------
def test_tab_reaches_the_recovery_timelines_summary(qtbot: QtBot, window: MainWindow) -> None:
    window.selection.set_regions(["outer"])  # a condition is shown
    key(qtbot, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    dialog = window.chart_dialogs["timeline"]
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    summary = window.timeline_chart.summary
    reached = set()
    for _ in range(4):
        key(qtbot, Qt.Key.Key_Tab)
        reached.add(QApplication.focusWidget())
    assert summary in reached
    assert summary.accessibleName() == "Recovery timeline in words"
    summary.setFocus(Qt.FocusReason.TabFocusReason)
    key(qtbot, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)  # select all, to copy
    assert summary.hasSelectedText()
    framed = summary.grab().toImage()
    assert QColor(framed.pixel(framed.width() // 2, 0)).name() == "#0072b2"  # its frame
    dialog.close()


# ---- 9. the Refine question the keyboard is on ---------------------------------------------
def test_the_refine_question_whose_box_has_the_keyboard_is_marked(
        qtbot: QtBot, window: MainWindow) -> None:
    refine = window.refine
    window.selection.set_regions(["groin"])
    shown = [cid for cid, row in refine.rows.items() if row.isVisibleTo(refine)]
    first, second = shown[:2]

    def marked(clue: str) -> bool:
        label = refine.questions[clue]
        image = label.grab().toImage()
        corner = QColor(image.pixel(image.width() - 2, 1))  # beside the words, not on them
        return label.font().underline() and corner.name() == "#cfe3f5"

    assert not marked(first)
    refine.boxes[first].setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(refine.boxes[first].hasFocus)
    assert marked(first) and not marked(second)
    key(qtbot, Qt.Key.Key_Tab)
    assert refine.boxes[second].hasFocus()
    assert marked(second) and not marked(first)


def test_a_warning_question_stays_bold_after_its_box_had_the_keyboard(
        qtbot: QtBot, window: MainWindow) -> None:
    """Marking a question while its box had the keyboard dropped a warning sign's bold
    for good."""
    refine = window.refine
    warning = next(cid for cid, clue in window.content.clues.items() if clue.red_flag)
    label = refine.questions[warning]
    assert label.font().bold() and not label.font().underline()
    refine.boxes[warning].setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(refine.boxes[warning].hasFocus)
    assert label.font().bold() and label.font().underline()
    key(qtbot, Qt.Key.Key_Tab)
    qtbot.waitUntil(lambda: not refine.boxes[warning].hasFocus())
    assert label.font().bold() and not label.font().underline()
    assert label.font().pointSizeF() == window.font().pointSizeF()  # still the window's


def test_the_content_problems_button_shows_when_it_has_the_keyboard(
        qtbot: QtBot, open_window: Callable[..., MainWindow], tmp_path: Any) -> None:
    """The flat "⚠ 1 content problem: show" looked the same with and without focus."""
    from explorer.paths import builtin_content_dir

    (tmp_path / "clinic" / "conditions").mkdir(parents=True)
    (tmp_path / "clinic" / "conditions" / "broken.yaml").write_text("id: broken\nname: [x\n")
    win = open_window(1400, 860, layers=[builtin_content_dir(), tmp_path / "clinic"])
    win.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is win)
    button = win._problem_button
    assert button is not None
    unfocused = button.grab().toImage()
    win.conditions.setFocus()
    for _ in range(60):  # Tab round the window to it, as a keyboard user does
        if button.hasFocus():
            break
        key(qtbot, Qt.Key.Key_Tab)
    assert button.hasFocus()
    focused = button.grab().toImage()
    assert focused != unfocused
    edge = QColor(focused.pixel(focused.width() // 2, 1))
    assert edge == win.palette().color(win.palette().ColorRole.Highlight)


def test_the_diagram_describes_its_side_and_regions_by_name(window: MainWindow) -> None:
    """The description listed the ids "front, groin, outer, back", whatever the regions
    file named them, and never said which hip it shows."""
    names = ", ".join(info.name for info in window.content.regions.values())
    assert "Front of the hip" in names
    assert window.diagram.accessibleDescription().startswith(f"Right hip. Regions: {names}. ")
    window.selection.set_side("left")
    assert window.diagram.accessibleDescription().startswith(f"Left hip. Regions: {names}. ")


def test_a_condition_row_says_its_urgency_once(window: MainWindow) -> None:
    """A screen reader heard "Urgency: Routine. Why: Routine; also Groin" in the list
    grouped by region."""
    from explorer.model.entities import Urgency
    from explorer.ui.condition_list import ID_ROLE

    for regions in ([], ["groin"]):
        window.selection.set_regions(regions)
        rows = [i for i in window.conditions._items() if i.data(0, ID_ROLE)]
        assert rows
        for item in rows:
            condition_id = item.data(0, ID_ROLE)
            spoken = item.data(0, Qt.ItemDataRole.AccessibleTextRole)
            label = window.content.conditions[condition_id].urgency.label
            assert spoken.count(label) == 1, spoken
            assert f"Urgency: {label}." in spoken
    assert Urgency.URGENT.label in window.conditions.reason("femoral-neck-stress-fracture")


def test_back_returns_to_the_place_and_link_the_page_was_left_at(
        qtbot: QtBot, window: MainWindow) -> None:
    """Back showed the condition again from its top with no link chosen: a keyboard user
    Tabbed through every link again to get back to where they were."""
    window.selection.set_regions(["outer"])
    window.selection.select_condition("greater-trochanteric-pain-syndrome")
    detail = window.detail
    detail.setFocus()
    target = ""
    for _ in range(80):  # Tab from link to link down the page to the first exercise
        key(qtbot, Qt.Key.Key_Tab)
        target = detail.keyboard_link()[2]
        if target.startswith("hip:exercise/"):
            break
    assert target.startswith("hip:exercise/"), target
    left_at = (detail.verticalScrollBar().value(), detail.keyboard_link())
    assert left_at[0] > 0  # far enough down the page to have scrolled
    key(qtbot, Qt.Key.Key_Return)
    assert detail.shown == ("exercise", target.split("/", 1)[1])
    assert detail.verticalScrollBar().value() == 0  # a new page opens at its top
    window.back_action.trigger()
    assert detail.shown == ("condition", "greater-trochanteric-pain-syndrome")
    assert (detail.verticalScrollBar().value(), detail.keyboard_link()) == left_at
    window.forward_action.trigger()  # the exercise again, at its top where it was left
    assert detail.shown[0] == "exercise" and detail.verticalScrollBar().value() == 0
    # a link followed to a page read before opens it at its top, as in a browser
    window.selection.select_condition("greater-trochanteric-pain-syndrome")
    assert detail.verticalScrollBar().value() == 0


def test_a_logo_that_stops_ok_is_said_to_a_screen_reader(
        window: MainWindow, announced: list[tuple[str, str]], tmp_path: Any) -> None:
    """OK with a missing logo moved the keyboard to the field, whose description said
    "No logo": a screen reader never heard why the dialog stayed open."""
    window._on_preferences_triggered()
    dialog = window.preferences_dialog
    assert dialog.logo.accessibleDescription() == "No logo"
    dialog.logo.setText(str(tmp_path / "missing.png"))
    assert dialog.logo.accessibleDescription().endswith("pages will print without a logo.")
    announced.clear()
    dialog._on_accepted()
    assert dialog.isVisible()
    said = dialog.logo.accessibleDescription()
    assert said.endswith("Choose another file, or clear the field to print without a logo.")
    assert ("Logo problem", "Alert") in announced
    dialog.logo.clear()
    assert dialog.logo.accessibleDescription() == "No logo"
    dialog.close()
