"""The condition list, refine questions, red-flag banner, search, detail panel and
remembered state of the main window."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QPoint, QRectF, Qt, QUrl
from PySide6.QtGui import (
    QAction,
    QColor,
    QFont,
    QFontMetrics,
    QHelpEvent,
    QPainter,
    QTextDocument,
    QTextDocumentFragment,
)
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QTextBrowser,
    QToolBar,
    QToolTip,
    QWidget,
)
from pytestqt.qtbot import QtBot

from explorer.model.entities import Urgency
from explorer.paths import builtin_content_dir, user_content_dir
from explorer.ui import condition_list
from explorer.ui.condition_list import fit_lines
from explorer.ui.main_window import MainWindow
from explorer.ui.settings import Settings
from explorer.ui.startup import build_window


def make(qtbot: QtBot, settings_file: Path, layers: list[Path] | None = None) -> MainWindow:
    win = build_window(layers or [builtin_content_dir()], Settings(settings_file))
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win


@pytest.fixture
def window(qtbot: QtBot, tmp_path: Path) -> Iterator[MainWindow]:
    yield make(qtbot, tmp_path / "settings.ini")


def test_nothing_selected_groups_all_conditions_by_region(window: MainWindow) -> None:
    tree = window.conditions
    headers = [tree.topLevelItem(i).text(0) for i in range(tree.topLevelItemCount())]
    assert headers == ["Front of the hip", "Groin", "Outer hip", "Back of the hip"]
    assert sorted(tree.ids()) == sorted(window.content.conditions)
    # the second line says how urgent, and where else it hurts
    assert tree.reason("femoral-neck-stress-fracture") == "Urgent; also Front of the hip"
    assert tree.reason("iliotibial-band-hip") == "Routine"


def test_answers_re_rank_the_groups_before_any_region_is_chosen(window: MainWindow) -> None:
    tree = window.conditions

    def groin() -> list[str]:
        group = next(tree.topLevelItem(i) for i in range(tree.topLevelItemCount())
                     if tree.topLevelItem(i).text(0) == "Groin")
        return [str(group.child(j).data(0, Qt.ItemDataRole.UserRole))
                for j in range(group.childCount())]

    before = groin()
    assert before[0] == "femoral-neck-stress-fracture"
    window.refine.boxes["clicking-locking"].click()
    clicking = [c for c in before if any(use.clue == "clicking-locking" for use in
                                         window.content.conditions[c].clues)]
    assert clicking and set(groin()[:len(clicking)]) == set(clicking)  # they come first
    assert tree.reason(clicking[0]).endswith("you said: clicking, catching or locking")
    window.refine.boxes["clicking-locking"].click()
    assert groin() == before and "you said" not in tree.reason(clicking[0])


def test_each_region_group_lists_the_most_urgent_first(window: MainWindow) -> None:
    tree = window.conditions
    groups = {tree.topLevelItem(i).text(0): [
        str(tree.topLevelItem(i).child(j).data(0, Qt.ItemDataRole.UserRole))
        for j in range(tree.topLevelItem(i).childCount())]
        for i in range(tree.topLevelItemCount())}
    assert groups["Groin"][0] == "femoral-neck-stress-fracture"  # urgent, among routine ones
    for ids in groups.values():  # then, as urgent, the more common in runners
        ranks = [(window.content.conditions[c].urgency.rank,
                  window.content.conditions[c].how_common.rank) for c in ids]
        assert ranks == sorted(ranks, reverse=True)


def test_a_long_reason_ends_in_an_ellipsis_instead_of_being_cut_off(qapp: object) -> None:
    font = QFont()
    metrics = QFontMetrics(font)
    reason = ("Main area: Groin (your pain 7/10); also felt at Front of the hip; "
              "you said: pain at night or at rest, clicking, catching or locking")
    lines = fit_lines(reason, font, 220)
    assert len(lines) == 2
    assert reason.startswith(lines[0]) and lines[1].endswith("…")
    assert all(metrics.horizontalAdvance(line) <= 220 for line in lines)
    # text that fits is left alone, on as few lines as it needs
    assert fit_lines("Routine", font, 220) == ["Routine"]
    text = "Main area: Groin; also felt at Front of the hip"
    two = fit_lines(text, font, metrics.horizontalAdvance("also felt at Front of the hip") + 2)
    assert len(two) == 2 and " ".join(two) == text


def painted_rows(tree: condition_list.ConditionList,
                 monkeypatch: pytest.MonkeyPatch) -> dict[str, list[tuple[float, str]]]:
    """The text each visible condition row paints, as (top, text) in drawing order."""
    drawn: list[tuple[QRectF, str]] = []
    original = QPainter.drawText

    def record(painter: QPainter, *args: object) -> None:
        if len(args) == 3 and isinstance(args[0], QRectF):
            drawn.append((QRectF(args[0]), str(args[2])))
        original(painter, *args)  # type: ignore[call-overload]

    monkeypatch.setattr(QPainter, "drawText", record)
    tree.viewport().grab()
    monkeypatch.undo()
    rows: dict[str, list[tuple[float, str]]] = {}
    for condition_id in tree.ids():
        rect = tree.visualItemRect(tree.topLevelItem(tree.ids().index(condition_id)))
        inside = [(r.top(), text) for r, text in drawn
                  if rect.top() <= r.center().y() <= rect.bottom()]
        if inside:
            rows[condition_id] = inside
    return rows


def test_rows_paint_their_reason_fitted_with_an_ellipsis(
        window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    window.selection.set_regions(["groin", "front"])
    window.selection.set_intensity("groin", 7)
    for clue in ("clicking-locking", "pain-deep-bending", "worse-sitting", "pain-lifting-knee",
                 "pain-squeezing-knees"):
        window.selection.set_answer(clue, True)  # long reasons
    tree = window.conditions
    tree.setCurrentItem(None)
    rows = painted_rows(tree, monkeypatch)
    assert len(rows) >= 4
    fitted = 0
    for condition_id, lines in rows.items():
        texts = [text for _, text in lines]
        name = window.content.conditions[condition_id].name
        if texts[0] != name:
            continue  # a name on two lines: the next test
        reason, painted = tree.reason(condition_id), " ".join(texts[1:])
        assert 1 <= len(texts) - 1 <= 3, condition_id  # the reason: up to three lines
        if painted != reason:  # too long: cut after whole words, ending in an ellipsis
            fitted += 1
            assert painted.endswith("…"), (condition_id, painted)
            assert " ".join(reason.split()).startswith(painted[:-1].rstrip()), condition_id
    assert fitted, "no reason was long enough to need fitting: the test proves nothing"


def _bold(tree: QWidget) -> QFont:
    bold = QFont(tree.font())
    bold.setBold(True)
    return bold


def test_a_long_name_wraps_in_full_and_its_reason_keeps_one_line(
        window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    window.selection.set_regions(["groin"])
    tree = window.conditions
    tree.setCurrentItem(None)
    tree.scrollToTop()
    bold = _bold(tree)
    long_name = window.content.conditions["femoroacetabular-impingement"].name
    assert QFontMetrics(bold).horizontalAdvance(long_name) > tree.viewport().width() - 32
    rows = painted_rows(tree, monkeypatch)
    texts = [text for _, text in rows["femoroacetabular-impingement"]]
    assert len(texts) == 3  # two lines of name, one of reason
    assert " ".join(texts[:2]) == long_name  # all of it, no ellipsis
    reason = tree.reason("femoroacetabular-impingement")
    assert texts[2] == reason or texts[2].endswith("…")
    # a short name takes one line and leaves two to its reason
    short = [text for _, text in rows["hip-labral-tear"]]
    assert short[0] == "Hip labral tear" and 2 <= len(short) <= 3
    # the row is tall enough for both names' lines and the reason's line below them
    rect = tree.visualItemRect(tree.topLevelItem(tree.ids().index("femoroacetabular-impingement")))
    small = QFont(tree.font())
    small.setPointSizeF(max(7.0, small.pointSizeF() * 0.9))
    assert rect.height() >= 4 + 2 * QFontMetrics(bold).height() + QFontMetrics(small).height()
    last_top = rows["femoroacetabular-impingement"][-1][0]
    assert last_top + QFontMetrics(small).height() <= rect.bottom() + 1  # not cut off


def test_refine_answers_show_under_a_long_name_without_hovering(
        window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    """With answers given, a row whose name takes two lines kept one line for its reason,
    "Main area: Outer hip (your pain 7/10); you said: sn…": what Refine added could be
    read only in the tooltip."""
    window.resize(1400, 860)
    window.selection.set_regions(["outer"])
    window.selection.set_intensity("outer", 7)
    for clue in ("pain-lying-on-side", "snapping", "recent-running-jump", "over-45"):
        window.selection.set_answer(clue, True)
    tree = window.conditions
    tree.setCurrentItem(None)
    rows = painted_rows(tree, monkeypatch)
    for condition_id in ("iliotibial-band-hip", "greater-trochanteric-pain-syndrome"):
        texts = [text for _, text in rows[condition_id]]
        name = window.content.conditions[condition_id].name
        assert " ".join(texts[:2]) == name  # on two lines
        said = next(r for r in tree.reason(condition_id).split("; ")
                    if r.startswith("you said"))
        assert said in " ".join(texts[2:]), (condition_id, texts)  # the first answer, whole
        rect = tree.visualItemRect(tree.topLevelItem(tree.ids().index(condition_id)))
        small = QFont(tree.font())
        small.setPointSizeF(max(7.0, small.pointSizeF() * 0.9))
        assert rows[condition_id][-1][0] + QFontMetrics(small).height() <= rect.bottom() + 1
    window.selection.set_yes_answers(())  # no answers: rows of three lines again
    rows = painted_rows(tree, monkeypatch)
    assert len(rows["iliotibial-band-hip"]) == 3


def test_list_explains_why_and_marks_urgency(window: MainWindow) -> None:
    window.selection.set_regions(["groin"])
    first = window.conditions.ids()[0]
    assert window.content.conditions[first].urgency is Urgency.URGENT
    # the urgency in words, not only as the marker's shape and colour
    assert window.conditions.reason(first).startswith("Urgent; Main area: Groin")
    routine = [c for c in window.conditions.ids()
               if window.content.conditions[c].urgency is Urgency.ROUTINE]
    assert routine and all(window.conditions.reason(c).startswith("Main area: ")
                           for c in routine)
    item = window.conditions.currentItem()
    assert "Urgency:" in item.data(0, Qt.ItemDataRole.AccessibleTextRole)
    assert not item.icon(0).isNull()
    # the marker is drawn beside the name: the urgent triangle's orange at its centre
    window.conditions.setCurrentItem(None)  # no selection colour over the row
    tree = window.conditions
    rect = tree.visualItemRect(tree.topLevelItem(tree.ids().index(
        "femoral-neck-stress-fracture")))
    image = tree.viewport().grab().toImage()
    ratio = image.devicePixelRatio()
    line = QFontMetrics(tree.font()).height()
    centre = (rect.left() + 6 + 8, rect.top() + 4 + line // 2 + 2)
    colour = QColor(image.pixel(int(centre[0] * ratio), int(centre[1] * ratio)))
    assert (colour.red(), colour.green(), colour.blue()) == (0xD5, 0x5E, 0x00)


def test_two_way_link_between_list_and_diagram(window: MainWindow) -> None:
    window.selection.set_regions(["back"])
    window.conditions.set_current("greater-trochanteric-pain-syndrome")  # outer, back
    assert window.selection.condition == "greater-trochanteric-pain-syndrome"
    assert window.diagram.state.condition_regions == ("outer", "back")
    assert window.detail.shown == ("condition", "greater-trochanteric-pain-syndrome")
    window.selection.select_condition("hip-labral-tear")  # e.g. from a link or search
    assert window.conditions.current_id() in ("", "hip-labral-tear")
    assert window.diagram.state.condition_regions[0] == "groin"


def test_a_condition_opened_while_not_listed_is_highlighted_once_it_is(
        window: MainWindow) -> None:
    window.selection.set_regions(["outer"])
    window.selection.select_condition("hip-labral-tear")  # from a search: groin, front
    assert "hip-labral-tear" not in window.conditions.ids()
    assert window.conditions.current_id() == ""
    window.selection.set_regions(["outer", "groin"])  # now it is listed
    assert "hip-labral-tear" in window.conditions.ids()
    assert window.detail.shown == ("condition", "hip-labral-tear")  # still read
    assert window.conditions.current_id() == "hip-labral-tear"  # and marked in the list


def test_refine_clue_reranks_and_explains(window: MainWindow) -> None:
    window.selection.set_regions(["back"])
    before = window.conditions.ids()
    window.refine.boxes["worse-sitting"].setChecked(True)
    after = window.conditions.ids()
    assert after != before and after[0] == "proximal-hamstring-tendinopathy"
    assert "you said: worse with sitting" in window.conditions.reason(after[0])


def asked(window: MainWindow) -> set[str]:
    """The questions the Refine panel shows now."""
    return {cid for cid, box in window.refine.boxes.items()
            if box.isVisible() and window.refine.questions[cid].isVisible()}


def test_refine_asks_only_the_questions_that_matter_where_it_hurts(
        window: MainWindow) -> None:
    content = window.content
    red = {clue.id for clue in content.red_flag_clues}
    note = window.refine.hidden_note
    assert asked(window) == set(content.clues) and not note.isVisible()  # nothing chosen
    window.selection.set_regions(["outer"])
    outer = asked(window)
    assert {"pain-lying-on-side", "snapping"} <= outer  # side-of-hip questions stay
    assert not outer & {"pain-squeezing-knees", "pain-cough-situps", "clicking-locking"}
    assert red <= outer  # every warning sign is always asked
    assert note.isVisible() and "where it hurts" in note.text()
    # each ordinary question asked can move a listed condition; none left out could
    listed = {window.content.conditions[cid] for cid in window.conditions.ids()}
    used = {use.clue for condition in listed for use in condition.clues}
    assert outer - red == used - red
    window.selection.set_regions(["groin"])
    assert "pain-squeezing-knees" in asked(window)
    window.selection.clear_regions()
    assert asked(window) == set(content.clues) and not note.isVisible()


def test_a_ticked_question_stays_until_the_regions_change(qtbot: QtBot,
                                                          window: MainWindow) -> None:
    window.selection.set_regions(["groin"])
    qtbot.mouseClick(window.refine.boxes["pain-squeezing-knees"], Qt.MouseButton.LeftButton)
    window.selection.set_regions(["outer"])
    assert "pain-squeezing-knees" in asked(window)  # the answer still counts: it shows
    qtbot.mouseClick(window.refine.boxes["pain-squeezing-knees"], Qt.MouseButton.LeftButton)
    assert "pain-squeezing-knees" in asked(window)  # not pulled away under the mouse
    window.selection.set_regions(["outer", "back"])
    assert "pain-squeezing-knees" not in asked(window)


def test_an_answer_given_back_shows_its_question(qtbot: QtBot, tmp_path: Path) -> None:
    """Undo of Start over, or a restart, gave back a yes whose question the regions
    then chosen do not ask: it counted, ticked but out of sight, and could not be
    unticked."""
    settings = tmp_path / "answers.ini"
    window = make(qtbot, settings)
    window.selection.set_regions(["groin"])
    qtbot.mouseClick(window.refine.boxes["pain-squeezing-knees"], Qt.MouseButton.LeftButton)
    window.selection.set_regions(["outer"])
    window.start_over_action.trigger()
    window.undo_action.trigger()
    assert window.selection.answers.get("pain-squeezing-knees")
    assert "pain-squeezing-knees" in asked(window)
    window.close()
    again = make(qtbot, settings)
    assert again.selection.regions == ["outer"]
    assert again.refine.boxes["pain-squeezing-knees"].isChecked()
    assert "pain-squeezing-knees" in asked(again)


def test_a_question_is_laid_out_again_when_its_font_changes(window: MainWindow) -> None:
    """Question heights are remembered per width, but not across a font change
    (clinic mode and style changes enlarge the type)."""
    label = window.refine.questions["pain-deep-bending"]
    before = label.heightForWidth(200)
    font = label.font()
    font.setPointSizeF(font.pointSizeF() * 2)
    label.setFont(font)
    fresh = QLabel(label.text())
    fresh.setWordWrap(True)
    fresh.setFont(font)
    assert label.heightForWidth(200) == fresh.heightForWidth(200) > before


def shown(label: QLabel) -> str:
    """A rich-text label's words as the reader sees them (entities decoded)."""
    return " ".join(QTextDocumentFragment.fromHtml(label.text()).toPlainText().split())


def test_the_warning_is_announced_to_a_screen_reader_when_it_appears_or_changes(
        qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    """A sighted user sees the strip appear; a screen reader is sent an alert, once per
    new warning (not again for an answer that changes nothing in it)."""
    from PySide6.QtGui import QAccessible

    alerts: list[object] = []
    monkeypatch.setattr(QAccessible, "updateAccessibility", staticmethod(
        lambda event: alerts.append(event.object())
        if event.type() == QAccessible.Event.Alert else None))
    window.selection.set_regions(["groin"])
    boxes = window.refine.boxes
    qtbot.mouseClick(boxes["night-rest-pain"], Qt.MouseButton.LeftButton)
    assert alerts == [window.banner]
    qtbot.mouseClick(boxes["fever-unwell"], Qt.MouseButton.LeftButton)
    assert alerts == [window.banner] * 2  # more advice
    qtbot.mouseClick(boxes["clicking-locking"], Qt.MouseButton.LeftButton)
    assert len(alerts) == 2  # not a warning sign: the strip is unchanged
    qtbot.mouseClick(boxes["fever-unwell"], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(boxes["night-rest-pain"], Qt.MouseButton.LeftButton)
    assert not window.banner.isVisible()
    qtbot.mouseClick(boxes["night-rest-pain"], Qt.MouseButton.LeftButton)
    assert len(alerts) == 4  # less advice, then the strip back again


def test_every_red_flag_answer_shows_its_advice_in_the_banner(window: MainWindow) -> None:
    titles = {"emergency": "Get medical help now", "urgent": "See a doctor"}
    red_flags = window.content.red_flag_clues
    assert {"cannot-bear-weight", "fever-unwell", "nerve-warning-signs",
            "night-rest-pain"} <= {clue.id for clue in red_flags}
    for clue in red_flags:
        assert not window.banner.isVisible()
        window.refine.boxes[clue.id].setChecked(True)
        assert window.banner.isVisible(), clue.id
        assert titles[clue.urgency.value] in shown(window.banner.label), clue.id
        assert " ".join(str(clue.advice).split()) in shown(window.banner.label), clue.id
        window.refine.boxes[clue.id].setChecked(False)
    assert not window.banner.isVisible()


def test_warning_questions_come_last_under_their_own_heading(window: MainWindow) -> None:
    refine = window.refine
    heading = refine.warning_heading
    assert heading is not None and heading.isVisible() and "Warning signs" in heading.text()
    red = {clue.id for clue in window.content.red_flag_clues}
    assert red and red < set(refine.boxes)
    top = heading.geometry().bottom()
    for clue_id, box in refine.boxes.items():
        below = box.mapTo(refine, QPoint(0, 0)).y() > top
        assert below == (clue_id in red), clue_id  # every warning sign below, none other


def test_banner_puts_the_most_urgent_advice_first(window: MainWindow) -> None:
    clues = window.content.clues
    window.refine.boxes["night-rest-pain"].setChecked(True)  # urgent, answered first
    window.refine.boxes["fever-unwell"].setChecked(True)  # an emergency
    text = shown(window.banner.label)
    assert "Get medical help now" in text
    assert text.index(clues["fever-unwell"].advice.split(".")[0]) < text.index(
        clues["night-rest-pain"].advice.split(".")[0])
    # the advice to see a doctor within days is under its own heading, not under "now";
    # each piece of advice is a bullet
    later = text.index(clues["night-rest-pain"].advice.split(".")[0])
    assert text.index("Get medical help now") < text.index("Also see a doctor") < later
    assert window.banner.label.text().count("<li") == 2
    window.refine.boxes["fever-unwell"].setChecked(False)
    assert "Also see a doctor" not in shown(window.banner.label)
    assert shown(window.banner.label).startswith("⚠ See a doctor ")


def test_warning_banner_spans_the_window_and_scrolls_rather_than_cutting_text(
        qtbot: QtBot, tmp_path: Path) -> None:
    window = make(qtbot, tmp_path / "settings.ini")
    window.resize(760, 520)  # the smallest window, with every warning sign answered
    for clue in window.content.red_flag_clues:
        window.selection.set_answer(clue.id, True)
    qtbot.wait(20)
    banner = window.banner
    assert banner.isVisible() and banner.width() >= window.width() - 20
    assert banner.height() <= window.height() // 4 + 1  # the columns keep their room
    scroll = banner.text_area.verticalScrollBar()
    assert scroll.maximum() > 0 and scroll.isVisible()  # the rest is a scroll away
    for clue in window.content.red_flag_clues:
        assert clue.advice and " ".join(clue.advice.split()) in shown(banner.label)
    # nothing overlaps: the diagram ends above the hint, the hint above the region list
    diagram, hint, regions = window.diagram, window.hint, window.region_list
    assert diagram.geometry().bottom() < hint.geometry().top()
    assert hint.geometry().bottom() < regions.geometry().top()


def test_the_banner_is_a_named_tab_stop_only_when_its_advice_scrolls(
        qtbot: QtBot, tmp_path: Path) -> None:
    """One warning fits the strip: Tab passes it by (it stopped there, unnamed and
    unframed). Every warning in a small window scrolls: Tab stops there, a screen reader
    hears the warning, and the arrow keys scroll it."""
    window = make(qtbot, tmp_path / "settings.ini")
    window.resize(1400, 860)
    window.selection.set_answer("night-rest-pain", True)
    qtbot.wait(20)
    area = window.banner.text_area
    assert window.banner.isVisible() and area.verticalScrollBar().maximum() == 0
    assert area.focusPolicy() == Qt.FocusPolicy.NoFocus
    window.resize(760, 520)
    for clue in window.content.red_flag_clues:
        window.selection.set_answer(clue.id, True)
    qtbot.wait(20)
    assert area.verticalScrollBar().maximum() > 0
    assert area.focusPolicy() & Qt.FocusPolicy.TabFocus
    assert area.accessibleName() == "Warning: get medical help now"
    assert "emergency" in area.accessibleDescription()
    area.setFocus()
    qtbot.keyClick(area, Qt.Key.Key_Down)
    assert area.verticalScrollBar().value() > 0


def test_a_ticked_warning_question_stays_in_view_when_the_banner_appears(
        qtbot: QtBot, tmp_path: Path) -> None:
    window = make(qtbot, tmp_path / "settings.ini")
    window.resize(780, 700)
    scroll = window.refine_scroll
    bar = scroll.verticalScrollBar()
    bar.setValue(bar.maximum())  # the warning questions come last
    qtbot.wait(1)
    clue = list(window.refine.boxes)[-1]  # the last question: a warning sign
    box, question = window.refine.boxes[clue], window.refine.questions[clue]

    def in_view() -> bool:
        view = scroll.viewport().rect()
        return all(view.contains(w.mapTo(scroll.viewport(), corner)) for w in (box, question)
                   for corner in (w.rect().topLeft(), w.rect().bottomRight()))

    assert in_view()
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton)
    assert box.isChecked() and window.banner.isVisible()
    qtbot.wait(20)  # the window has laid itself out again around the banner
    assert in_view()


def test_ordinary_clue_shows_no_banner(window: MainWindow) -> None:
    window.refine.boxes["clicking-locking"].setChecked(True)
    assert not window.banner.isVisible()


def type_and_enter(qtbot: QtBot, window: MainWindow, text: str) -> None:
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.search.field.hasFocus()
    qtbot.keyClicks(window.search.field, text)
    qtbot.keyClick(window.search.field, Qt.Key.Key_Return)


def test_tab_goes_from_the_list_straight_to_the_first_question(qtbot: QtBot,
                                                                window: MainWindow) -> None:
    """No invisible stop on the questions' scroll area between them."""
    window.selection.set_regions(["outer"])
    window.activateWindow()
    window.conditions.setFocus()
    qtbot.waitUntil(window.conditions.hasFocus)
    qtbot.keyClick(window.conditions, Qt.Key.Key_Tab)
    first = next(box for box in window.refine.boxes.values() if box.isVisible())
    assert QApplication.focusWidget() is first


def test_search_results_quote_the_words_around_the_match(qtbot: QtBot,
                                                         window: MainWindow) -> None:
    """A hit in a long paragraph shows a few words around the match, not the paragraph
    (one result once filled the list)."""
    from explorer.ui.search_box import SNIPPET_CHARS

    qtbot.keyClicks(window.search.field, "sit bone")
    results = window.search.results
    texts = [results.item(row).text() for row in range(results.count())]
    quoted = [t.split("“", 1)[1] for t in texts if "“" in t]
    long = [q for q in quoted if q.startswith("…") or q.endswith("…”")]
    assert long, texts  # some matched text was long enough to be cut
    for q in quoted:
        assert len(q) <= SNIPPET_CHARS + 4 and "sit" in q.lower()


def test_search_lay_words_select_region(qtbot: QtBot, window: MainWindow) -> None:
    type_and_enter(qtbot, window, "sit bone")
    assert window.selection.regions == ["back"]


def test_a_region_found_in_place_of_others_says_undo_brings_them_back(
        qtbot: QtBot, window: MainWindow) -> None:
    window.selection.set_regions(["groin", "outer", "back"])
    type_and_enter(qtbot, window, "sit bone")
    assert window.selection.regions == ["back"]
    said = window.statusBar().currentMessage()
    assert said == "Showing Back of the hip only. Edit > Undo brings back Groin, Outer hip."
    window.undo_action.trigger()
    assert window.selection.regions == ["groin", "outer", "back"]
    # nothing replaced, nothing to say
    window.statusBar().clearMessage()
    window.selection.set_regions([])
    type_and_enter(qtbot, window, "sit bone")
    assert window.selection.regions == ["back"] and not window.statusBar().currentMessage()


def test_search_abbreviation_opens_condition(qtbot: QtBot, window: MainWindow) -> None:
    type_and_enter(qtbot, window, "GTPS")
    assert window.selection.condition == "greater-trochanteric-pain-syndrome"
    assert window.detail.shown[1] == "greater-trochanteric-pain-syndrome"


def test_search_symptom_words_and_arrow_keys(qtbot: QtBot, window: MainWindow) -> None:
    window.search.field.setFocus()
    qtbot.keyClicks(window.search.field, "clicking")
    kinds = [(h.kind, h.id) for h in window.search.hits]
    assert ("condition", "hip-labral-tear") in kinds
    assert window.search.results.isVisible()
    target = kinds.index(("condition", "hip-labral-tear"))
    for _ in range(target):
        qtbot.keyClick(window.search.field, Qt.Key.Key_Down)
    qtbot.keyClick(window.search.field, Qt.Key.Key_Return)
    assert window.selection.condition == "hip-labral-tear"
    assert not window.search.results.isVisible()


def test_keys_after_opening_a_result_show_the_list_before_acting(qtbot: QtBot,
                                                                  window: MainWindow) -> None:
    """Enter opened a result and hid the list: Up or Enter then shows the list again
    instead of opening another result no one can see."""
    type_and_enter(qtbot, window, "sit bone")
    assert window.selection.regions == ["back"] and not window.search.results.isVisible()
    chosen = window.search.results.currentRow()
    window.selection.set_regions(["outer"])
    for key in (Qt.Key.Key_Down, Qt.Key.Key_Return):
        window.search.results.hide()
        qtbot.keyClick(window.search.field, key)
        assert window.search.results.isVisible()
        assert window.search.results.currentRow() == chosen  # not moved
        assert window.selection.regions == ["outer"]  # nothing opened unseen
    qtbot.keyClick(window.search.field, Qt.Key.Key_Return)  # now seen: opens it
    assert window.selection.regions == ["back"]


def test_escape_empties_the_search(qtbot: QtBot, window: MainWindow) -> None:
    window.search.field.setFocus()
    qtbot.keyClicks(window.search.field, "gtps")
    assert window.search.results.isVisible()
    qtbot.keyClick(window.search.field, Qt.Key.Key_Escape)
    assert window.search.field.text() == ""
    assert not window.search.results.isVisible() and window.search.hits == []


def test_search_for_a_regions_lay_term_then_enter_opens_the_region(
        qtbot: QtBot, window: MainWindow) -> None:
    """"side of hip" opened the exercise "Side-lying hip abduction": the outer hip, whose
    lay term it is, comes first now."""
    type_and_enter(qtbot, window, "side of hip")
    assert window.selection.regions == ["outer"]


def test_search_with_a_word_found_with_no_other_shows_the_others_and_says_so(
        qtbot: QtBot, window: MainWindow) -> None:
    """"hamstring strain" said "No matches": the results for "hamstring" show, under a
    line that says "strain" was left out, which Enter does not open."""
    window.search.field.setFocus()
    qtbot.keyClicks(window.search.field, "hamstring strain")
    results = window.search.results
    assert results.item(0).text() == ("Nothing matches every word. Showing results for "
                                      "“hamstring”, leaving out “strain”")
    assert results.item(0).flags() == Qt.ItemFlag.NoItemFlags
    assert "leaving out “strain”" in window.search.field.accessibleDescription()
    qtbot.keyClick(window.search.field, Qt.Key.Key_Return)
    assert window.selection.condition == "proximal-hamstring-tendinopathy"


def test_search_lists_every_result_or_says_how_many_more(
        qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    """"running" finds 32 entries, and only 20 were listed, without a word: all are
    listed now; past MAX_SHOWN, a last line (and the field's description) says how many
    more there are."""
    from explorer.model import search
    from explorer.ui import search_box

    every = search(window.content, "running", limit=None)
    assert len(every) > 20
    qtbot.keyClicks(window.search.field, "running")
    assert [h.id for h in window.search.hits] == [h.id for h in every]
    monkeypatch.setattr(search_box, "MAX_SHOWN", 10)
    qtbot.keyClicks(window.search.field, " ")  # searched again: the same results
    results, more = window.search.results, len(every) - 10
    assert len(window.search.hits) == 10 and results.count() == 11
    assert results.item(10).text() == (f"{more} more match less well: add a word to "
                                       "narrow the search")
    assert results.item(10).flags() == Qt.ItemFlag.NoItemFlags
    assert window.search.field.accessibleDescription().startswith(
        f"10 results ({more} more not listed); ")
    for _ in range(12):  # Down stops at the last result, never on the line under it
        qtbot.keyClick(window.search.field, Qt.Key.Key_Down)
    assert results.currentRow() == 9


def test_detail_links_navigate(window: MainWindow) -> None:
    window.selection.select_condition("greater-trochanteric-pain-syndrome")
    window.detail.anchorClicked.emit(QUrl("hip:exercise/clam"))
    assert window.detail.shown == ("exercise", "clam")
    window.detail.anchorClicked.emit(QUrl("hip:condition/hip-labral-tear"))
    assert window.selection.condition == "hip-labral-tear"
    window.detail.anchorClicked.emit(QUrl("hip:treatment/hyaluronic-acid-injection"))
    assert window.detail.shown == ("treatment", "hyaluronic-acid-injection")


def test_panel_shows_sections_and_exercise_pictures(window: MainWindow) -> None:
    window.selection.select_condition("greater-trochanteric-pain-syndrome")
    text = window.detail.toPlainText()
    for heading in ("See a doctor if", "Symptoms", "What helps", "Exercises",
                    "Typical recovery", "Prevention", "For clinicians", "References",
                    "Last reviewed"):
        assert heading in text
    assert "hipimg:clam" in window.detail.toHtml()
    image = window.detail.loadResource(QTextDocument.ResourceType.ImageResource.value,
                                       QUrl("hipimg:clam"))
    assert not image.isNull()


def test_panel_shows_the_cautions_of_what_helps(window: MainWindow) -> None:
    """Condition-specific safety notes stay beside the treatments they belong to."""
    window.selection.select_condition("hip-osteoarthritis")
    text = " ".join(window.detail.toPlainText().split())
    helps = text[text.index("What helps"):text.index("Exercises")]
    assert "Relief is short term." in helps  # the steroid injection
    assert "They are not safe for everyone" in helps  # anti-inflammatory tablets


def test_panel_lists_what_the_guidelines_advise_against_apart(window: MainWindow) -> None:
    """Hyaluronic acid and gels are not recommended for hip arthritis: they are listed
    after What helps under their own heading, with why, never among what helps."""
    window.selection.select_condition("hip-osteoarthritis")
    text = " ".join(window.detail.toPlainText().split())
    helps = text[text.index("What helps"):text.index("Not recommended for this condition")]
    against = text[text.index("Not recommended for this condition"):text.index("Exercises")]
    assert "Hip replacement" in helps and "Exercise is the main treatment" in helps
    for name in ("Hyaluronic acid injection", "Anti-inflammatory gels"):
        assert name not in helps and name in against
    assert "not been shown to help" in against and "too deep" in against
    window.selection.select_condition("greater-trochanteric-pain-syndrome")
    assert "Not recommended for this condition" not in window.detail.toPlainText()


def test_treatment_page_says_which_conditions_it_is_not_recommended_for(
        window: MainWindow) -> None:
    window.detail.anchorClicked.emit(QUrl("hip:treatment/hyaluronic-acid-injection"))
    text = " ".join(window.detail.toPlainText().split())
    assert "Used for" not in text
    assert "Not recommended for Hip osteoarthritis" in text
    window.detail.anchorClicked.emit(QUrl("hip:treatment/paracetamol"))  # helps some
    text = " ".join(window.detail.toPlainText().split())
    used_for = text[text.index("Used for"):text.index("Not recommended for")]
    against = text[text.index("Not recommended for"):text.index("References")]
    assert "Femoral neck stress fracture" in used_for and "lower back" not in used_for
    assert "Pain referred from the lower back" in against


def test_panel_text_wraps_without_a_sideways_scrollbar(qtbot: QtBot, tmp_path: Path) -> None:
    """Every page fits the panel's width (a stale layout once left a sideways scrollbar),
    also when going back to a page laid out before the window was resized."""
    window = make(qtbot, tmp_path / "settings.ini")
    window.resize(1400, 860)
    qtbot.wait(10)
    for width in (1400, 1100, 1400):
        window.resize(width, 860)
        for region in window.content.regions:
            window.selection.set_regions([region])
            qtbot.wait(1)
            bar = window.detail.horizontalScrollBar()
            assert bar.maximum() == 0, (width, region, window.selection.condition)
            assert not bar.isVisible()


def picture_widths(detail: QTextBrowser) -> list[float]:
    """The width of every picture laid out in the panel's page."""
    widths = []
    block = detail.document().begin()
    while block.isValid():
        for fragment in (it.fragment() for it in block):
            image = fragment.charFormat().toImageFormat()
            if image.isValid():
                widths.append(image.width())
        block = block.next()
    return widths


def test_an_exercise_picture_shrinks_to_fit_a_narrow_panel(qtbot: QtBot, tmp_path: Path) -> None:
    window = make(qtbot, tmp_path / "settings.ini")
    window.resize(780, 700)
    window.splitter.setSizes([250, 250, 280])
    qtbot.wait(1)
    window.detail.show_exercise("clam")
    room = window.detail.viewport().width()
    assert room < 320
    assert picture_widths(window.detail) and max(picture_widths(window.detail)) < room - 8
    assert window.detail.horizontalScrollBar().maximum() == 0
    window.resize(1400, 700)  # a wide panel again: the full-size picture
    window.splitter.setSizes([500, 400, 500])
    qtbot.wait(1)
    assert picture_widths(window.detail) == [320]
    assert window.detail.horizontalScrollBar().maximum() == 0


def card_layout(detail: QTextBrowser, name: str) -> str:
    """Where the first exercise card's name sits against its picture: 'beside' or 'below'."""
    document = detail.document()
    layout = document.documentLayout()
    block, picture = document.begin(), None
    while block.isValid():
        if picture is None and any(it.fragment().charFormat().isImageFormat() for it in block):
            picture = layout.blockBoundingRect(block)
        elif picture is not None and block.text().startswith(name):
            text = layout.blockBoundingRect(block)
            if text.left() >= picture.right():
                return "beside"
            return "below" if text.top() >= picture.bottom() else "overlapping"
        block = block.next()
    raise AssertionError(f"no exercise card named {name}")


def test_exercise_cards_stack_when_the_panel_becomes_narrow(
        qtbot: QtBot, tmp_path: Path) -> None:
    window = make(qtbot, tmp_path / "settings.ini")
    window.resize(1400, 700)
    window.splitter.setSizes([500, 400, 500])
    window.selection.select_condition("greater-trochanteric-pain-syndrome")
    first = window.content.conditions["greater-trochanteric-pain-syndrome"].exercises[0]
    name = window.content.exercises[first.exercise].name
    qtbot.wait(1)
    assert card_layout(window.detail, name) == "beside"
    window.resize(780, 700)  # the same page, resized: the picture goes above the text
    qtbot.wait(1)
    assert card_layout(window.detail, name) == "below"
    assert window.detail.horizontalScrollBar().maximum() == 0


def recovery_columns(detail: QTextBrowser, phase: str) -> tuple[int, float]:
    """The recovery table's columns, and where its first phase's description starts,
    as a share of the panel's width."""
    document = detail.document()
    cursor = document.find(phase)
    table = cursor.currentTable()
    assert table is not None, f"{phase!r} is not in a table"
    description = table.cellAt(1, table.columns() - 1).firstCursorPosition().block()
    left = document.documentLayout().blockBoundingRect(description).left()
    return table.columns(), left / detail.viewport().width()


def test_recovery_phases_give_their_descriptions_room(qtbot: QtBot, tmp_path: Path) -> None:
    window = make(qtbot, tmp_path / "settings.ini")
    window.resize(1400, 800)
    window.splitter.setSizes([500, 400, 500])
    condition = window.content.conditions["adductor-related-groin-pain"]
    assert condition.recovery is not None
    phase = condition.recovery.phases[0].name
    window.selection.select_condition(condition.id)
    columns, left = recovery_columns(window.detail, phase)
    assert columns == 3 and left < 0.45  # "What happens" gets over half the width
    for _ in range(4):  # zoomed in, three columns would break words: one cell a phase
        window.zoom_in_action.trigger()
    assert recovery_columns(window.detail, phase)[0] == 1
    assert "What happens" not in window.detail.toPlainText()
    qtbot.wait(1)
    assert window.detail.horizontalScrollBar().maximum() == 0


def test_panel_never_loads_from_network(window: MainWindow) -> None:
    for url in ("http://example.org/x.png", "file:///etc/passwd", "https://a/b"):
        assert window.detail.loadResource(
            QTextDocument.ResourceType.ImageResource.value, QUrl(url)) is None


def test_state_is_remembered(qtbot: QtBot, tmp_path: Path) -> None:
    settings = tmp_path / "remember.ini"
    first = make(qtbot, settings)
    first.resize(780, 700)
    first.selection.set_side("left")
    first.selection.set_regions(["outer", "back"])
    first.selection.set_intensity("outer", 7)
    first.selection.select_condition("greater-trochanteric-pain-syndrome")
    sizes = [300, 300, 400]
    first.splitter.setSizes(sizes)
    first.contrast_action.trigger()  # View > High contrast, on
    first.close()
    second = make(qtbot, settings)
    assert (second.size().width(), second.size().height()) == (780, 700)
    assert second.contrast_action.isChecked() and second.diagram.state.high_contrast
    assert second.selection.side == "left" and second.side_box.currentData() == "left"
    assert second.selection.regions == ["outer", "back"]
    assert second.selection.intensities == {"outer": 7}
    assert "Outer hip (pain 7/10)" in [second.region_list.item(i).text()
                                       for i in range(second.region_list.count())]
    assert second.selection.condition == "greater-trochanteric-pain-syndrome"
    assert second.splitter.sizes() == first.splitter.sizes()


def test_refine_answers_are_remembered_with_the_regions(qtbot: QtBot, tmp_path: Path) -> None:
    """The regions came back after a restart but the answers did not: a "cannot bear
    weight" answered yes came back without its warning strip."""
    settings = tmp_path / "remember.ini"
    first = make(qtbot, settings)
    first.selection.set_regions(["groin"])
    first.refine.boxes["cannot-bear-weight"].click()
    first.close()
    second = make(qtbot, settings)
    assert second.selection.yes_answers == ("cannot-bear-weight",)
    assert second.refine.boxes["cannot-bear-weight"].isChecked()
    assert second.banner.isVisible() and "Get medical help now" in shown(second.banner.label)
    assert not second.history.stack.canUndo()  # nor is it a step to undo


def test_start_over_clears_everything_for_the_next_person_in_one_step(
        qtbot: QtBot, window: MainWindow) -> None:
    """Clear selection left the answers and the warning strip for the next person."""
    window.selection.set_regions(["groin", "outer"])
    window.selection.set_intensity("outer", 6)
    window.refine.boxes["cannot-bear-weight"].click()
    window.refine.boxes["worse-sitting"].setChecked(True)
    window.diagram.set_strokes([("#d55e00", [(10.0, 10.0), (40.0, 40.0)])])
    window.selection.select_condition("femoral-neck-stress-fracture")
    qtbot.keyClicks(window.search.field, "groin")
    before = window._diagram_input()
    window.activateWindow()
    window.diagram.setFocus()
    qtbot.keyClick(window.diagram, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert window.selection.regions == [] and window.selection.intensities == {}
    assert window.selection.yes_answers == ()
    assert not any(box.isChecked() for box in window.refine.boxes.values())
    assert not window.banner.isVisible()
    assert window.diagram.state.strokes == [] and window.selection.condition == ""
    assert window.search.field.text() == ""
    assert window.undo_action.text() == "&Undo Start over"
    window.undo_action.trigger()  # one step brings it all back
    assert window._diagram_input() == before
    assert window.refine.boxes["cannot-bear-weight"].isChecked() and window.banner.isVisible()


def test_undo_of_start_over_shows_the_page_that_was_read(qtbot: QtBot,
                                                        window: MainWindow) -> None:
    """Undo brought the regions back but showed the best match, not the condition read;
    Redo then left that page and its highlight. Back led to the last person's pages."""
    window.selection.set_regions(["outer"])
    assert window.selection.condition == "greater-trochanteric-pain-syndrome"
    window.selection.select_condition("iliotibial-band-hip")  # read instead
    window.detail.show_exercise("bridge")  # then an exercise from its page
    window.start_over_action.trigger()
    assert window.detail.shown[0] != "condition" and not window.back_action.isEnabled()
    window.undo_action.trigger()
    assert window.selection.regions == ["outer"]
    assert window.selection.condition == "iliotibial-band-hip"
    assert window.detail.shown == ("condition", "iliotibial-band-hip")
    assert window.conditions.current_id() == "iliotibial-band-hip"
    window.redo_action.trigger()
    assert window.selection.regions == [] and window.selection.condition == ""
    assert window.detail.shown[0] != "condition"
    window.undo_action.trigger()
    assert window.selection.condition == "iliotibial-band-hip"


def test_a_refine_answer_is_a_step_to_undo(window: MainWindow) -> None:
    window.selection.set_regions(["back"])
    window.refine.boxes["worse-sitting"].click()
    window.refine.boxes["night-rest-pain"].click()
    assert window.undo_action.text() == "&Undo Answer"
    window.undo_action.trigger()
    assert window.selection.yes_answers == ("worse-sitting",)
    assert not window.refine.boxes["night-rest-pain"].isChecked()
    window.undo_action.trigger()
    assert window.selection.yes_answers == () and window.selection.regions == ["back"]
    window.redo_action.trigger()
    assert window.refine.boxes["worse-sitting"].isChecked()


def test_quit_and_preferences_have_shortcuts_where_the_platform_gives_none(
        window: MainWindow) -> None:
    shortcuts = {a.text().replace("&", ""): a.shortcut().toString()
                 for menu in window.menuBar().findChildren(QMenu) for a in menu.actions()}
    assert shortcuts["Quit"] == "Ctrl+Q" and shortcuts["Preferences…"] == "Ctrl+,"
    assert shortcuts["Start over"] == "Ctrl+N"


def test_restored_selection_is_not_an_undo_step(qtbot: QtBot, tmp_path: Path) -> None:
    settings = tmp_path / "remember.ini"
    first = make(qtbot, settings)
    first.selection.set_regions(["outer", "back"])
    first.close()
    second = make(qtbot, settings)
    assert second.selection.regions == ["outer", "back"]
    assert not second.history.stack.canUndo()
    second.diagram.setFocus()
    qtbot.keyClick(second.diagram, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert second.selection.regions == ["outer", "back"]  # Ctrl+Z does not clear them


def test_corrupt_settings_fall_back_and_say_so(qtbot: QtBot, tmp_path: Path) -> None:
    settings = tmp_path / "bad.ini"
    settings.write_bytes(b"\x00\xff[window]\ngeometry=@ByteArray(garbage\n"
                         b"[selection]\nside=left\nregions=outer\n")
    window = make(qtbot, settings)
    # what can be read still counts; the spoiled window size falls back to a usable one
    assert window.selection.side == "left" and window.selection.regions == ["outer"]
    screen = window.screen().availableGeometry()
    assert 600 <= window.width() <= screen.width()
    assert 400 <= window.height() <= screen.height()
    message = window.statusBar().currentMessage()
    assert "settings file" in message and "damaged" in message and str(settings) in message


@pytest.mark.parametrize("state", ["turned", "absurd sizes"])
def test_damaged_column_sizes_keep_the_columns_side_by_side(qtbot: QtBot, tmp_path: Path,
                                                          state: str) -> None:
    """Qt restores a garbled splitter state without complaint: the columns stacked, the
    panel squeezed to nothing, at every start, and nothing was said."""
    from PySide6.QtCore import QByteArray
    from PySide6.QtWidgets import QSplitter, QWidget

    from explorer.ui.settings import Settings

    if state == "turned":  # a sound state, of a splitter laid out top to bottom
        turned = QSplitter(Qt.Orientation.Vertical)
        for _ in range(3):
            turned.addWidget(QWidget())
        saved = turned.saveState()
    else:  # sizes -1, 2^31 - 1 and 0, then the file ends (a QA tester's)
        saved = QByteArray(bytes.fromhex("000000ff00000001000000" "03ffffffff7fffffff00000000"))
    settings = tmp_path / "columns.ini"
    written = Settings(settings)
    written.set("window/splitter", saved)
    written.set("selection/side", "left")
    written.sync()
    window = make(qtbot, settings)
    assert window.splitter.orientation() == Qt.Orientation.Horizontal
    assert min(window.splitter.sizes()) > 100  # diagram, list and panel all there
    assert window.selection.side == "left"  # the rest of the settings still count
    assert "damaged" in window.statusBar().currentMessage()


def test_an_unreadable_window_size_opens_as_at_a_first_start(qtbot: QtBot,
                                                              tmp_path: Path) -> None:
    fresh = make(qtbot, tmp_path / "none.ini")
    settings = tmp_path / "bad-geometry.ini"
    settings.write_text("[window]\ngeometry=@ByteArray(not a window size)\n")
    window = make(qtbot, settings)
    assert window.size() == fresh.size() and fresh.width() >= 1000  # not Qt's 1280 x 720


def test_a_sound_settings_file_is_not_called_damaged(qtbot: QtBot, tmp_path: Path) -> None:
    settings = tmp_path / "good.ini"
    settings.write_text("[selection]\nside=left\nregions=outer\n", encoding="utf-8")
    window = make(qtbot, settings)
    assert window.selection.side == "left"
    assert "damaged" not in window.statusBar().currentMessage()


@pytest.mark.parametrize("side", ["middle", "1"])
def test_a_bad_side_in_settings_opens_on_the_right_hip(qtbot: QtBot, tmp_path: Path,
                                                      side: str) -> None:
    settings = tmp_path / "bad-side.ini"
    settings.write_text(f"[selection]\nside={side}\nregions=outer\n")
    window = make(qtbot, settings)
    assert window.selection.side == "right" and window.side_box.currentData() == "right"
    assert window.selection.regions == ["outer"]  # the rest of the settings still count


def test_remembered_regions_unknown_to_the_content_are_dropped(qtbot: QtBot,
                                                               tmp_path: Path) -> None:
    settings = tmp_path / "old-regions.ini"
    settings.write_text("[selection]\nregions=outer, kneecap\n")
    window = make(qtbot, settings)
    assert window.selection.regions == ["outer"]
    assert window.conditions.ids()[0] == "greater-trochanteric-pain-syndrome"
    window.close()
    settings.write_text("[selection]\nregions=kneecap, elbow\n")
    window = make(qtbot, settings)
    assert window.selection.regions == []
    tree = window.conditions  # nothing selected: every condition, grouped by region
    assert [tree.topLevelItem(i).text(0) for i in range(tree.topLevelItemCount())] == [
        "Front of the hip", "Groin", "Outer hip", "Back of the hip"]


def problem_button(window: MainWindow) -> QPushButton | None:
    """The status bar's "content problems" notice, if it shows."""
    return next((b for b in window.statusBar().findChildren(QPushButton)
                 if "content problem" in b.text() and b.isVisible()), None)


def test_problems_notice_lists_bad_files(qtbot: QtBot, tmp_path: Path,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)  # the command line names files relative to it; not here
    clinic = tmp_path / "clinic"
    (clinic / "conditions").mkdir(parents=True)
    broken = clinic / "conditions/broken.yaml"
    broken.write_text("id: broken\nname: [oops\n")
    window = make(qtbot, tmp_path / "s.ini", [builtin_content_dir(), clinic])
    assert len(window.content.conditions) >= 15  # the good content still loaded
    button = problem_button(window)
    assert button is not None and button.text() == "⚠ 1 content problem: show"
    assert button.toolTip().startswith("In broken.yaml. Show each problem")  # which file
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    dialog = window.problems_dialog
    assert dialog.isVisible() and not dialog.isModal()  # the window stays usable
    editor = dialog.findChild(QPlainTextEdit)
    assert editor is not None and editor.accessibleName() == "Content problems"
    assert editor.accessibleDescription().startswith("1 problem, one a line")
    assert editor.accessibleDescription().endswith("then the content folders")
    text = editor.toPlainText()
    lines, folders = text.split("\n\nContent folders, in the order they load:\n")
    lines = lines.splitlines()  # the full path: a window's working folder means nothing
    assert len(lines) == 1 and lines[0].startswith(f"{broken}:3:")
    assert folders.splitlines() == [
        str(builtin_content_dir()),
        f"{user_content_dir()} (your own content folder: not made yet; content put there "
        "loads at every start)", str(clinic)]
    assert "YAML syntax" in lines[0] and "starts on line 2" in lines[0]  # the open "["
    # fixed and reloaded (F5) with the list open: the notice goes away, and the list says
    # there are none now (not the problem just fixed)
    broken.unlink()
    window.reload_action.trigger()
    assert problem_button(window) is None
    assert not dialog.isVisible()
    now = window.problems_dialog
    assert now.isVisible() and now.text() == "No problems: all content loaded."
    now.close()
    window.reload_action.trigger()  # a closed list stays closed
    assert not window.problems_dialog.isVisible()


def test_no_problems_is_a_short_message(window: MainWindow) -> None:
    from PySide6.QtWidgets import QMessageBox

    assert not window.content.problems
    window._on_problems_triggered()
    box = window.problems_dialog
    assert isinstance(box, QMessageBox) and box.isVisible()
    assert box.text() == "No problems: all content loaded."
    assert f"{len(window.content.conditions)} conditions" in box.informativeText()
    assert f"from 1 folder(s):\n{builtin_content_dir()}\n{user_content_dir()} (your own" \
        in box.informativeText()
    box.close()


def test_long_lists_show_the_best_matches_and_say_how_many_more(qtbot: QtBot,
                                                                 tmp_path: Path) -> None:
    import dataclasses

    from explorer.cli import load
    from explorer.paths import diagram_svg
    from explorer.ui.condition_list import MAX_LISTED
    from explorer.ui.diagram_art import DiagramArt

    content = load()
    base = list(content.conditions.values())
    for index in range(600):
        template = base[index % len(base)]
        content.conditions[f"gen-{index}"] = dataclasses.replace(
            template, id=f"gen-{index}", name=f"{template.name} {index}")
    window = MainWindow(content, DiagramArt(diagram_svg(), list(content.regions)),
                        Settings(tmp_path / "s.ini"))
    qtbot.addWidget(window)
    window.selection.set_regions(["groin"])
    assert len(window.conditions.ids()) == MAX_LISTED
    last = window.conditions.topLevelItem(window.conditions.topLevelItemCount() - 1)
    assert "more match less well" in last.text(0) and not last.data(0, Qt.ItemDataRole.UserRole)
    window.search.field.setText(content.conditions["gen-599"].name)  # unlisted ones: search
    assert ("condition", "gen-599") in [(h.kind, h.id) for h in window.search.hits]


# ---- following links, Back and Forward ---------------------------------------------------
def _follow(window: MainWindow, link: str) -> None:
    """As a click on a link in the detail panel."""
    window.detail.anchorClicked.emit(QUrl(link))


GTPS = "greater-trochanteric-pain-syndrome"


def tooltip(window: MainWindow, action: QAction) -> str:
    """The tooltip the toolbar shows for `action`, as a hovering pointer asks for it."""
    toolbar = window.findChild(QToolBar, "mainToolbar")
    button = toolbar.widgetForAction(action)
    QApplication.sendEvent(button, QHelpEvent(QEvent.Type.ToolTip, QPoint(4, 4),
                                              button.mapToGlobal(QPoint(4, 4))))
    return QToolTip.text()


def test_clicking_the_selected_condition_shows_it_again_after_following_a_link(
        window: MainWindow, qtbot: QtBot) -> None:
    window.selection.set_regions(["outer"])
    assert window.detail.shown == ("condition", GTPS)
    _follow(window, "hip:exercise/isometric-hip-abduction")
    assert window.detail.shown == ("exercise", "isometric-hip-abduction")
    tree = window.conditions
    assert tree.current_id() == GTPS  # still highlighted: clicking it changes nothing
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton,
                     pos=tree.visualItemRect(tree.currentItem()).center())
    assert window.detail.shown == ("condition", GTPS)
    _follow(window, "hip:exercise/isometric-hip-abduction")
    tree.setFocus()
    qtbot.keyClick(tree, Qt.Key.Key_Return)  # Enter on the current row does the same
    assert window.detail.shown == ("condition", GTPS)
    # a link or search result naming the selected condition also brings it back
    _follow(window, "hip:exercise/isometric-hip-abduction")
    _follow(window, f"hip:condition/{GTPS}")
    assert window.detail.shown == ("condition", GTPS)


def test_back_and_forward_retrace_what_the_panel_showed(window: MainWindow) -> None:
    back, forward = window.back_action, window.forward_action
    assert not back.isEnabled() and not forward.isEnabled()  # nothing shown yet
    window.selection.set_regions(["outer"])
    _follow(window, "hip:exercise/isometric-hip-abduction")
    _follow(window, "hip:treatment/education-load-management")
    assert back.isEnabled() and not forward.isEnabled()
    assert tooltip(window, back) == "Back to " + window.content.exercises[
        "isometric-hip-abduction"].name
    back.trigger()
    assert window.detail.shown == ("exercise", "isometric-hip-abduction")
    assert tooltip(window, forward) == "Forward to " + window.content.treatments[
        "education-load-management"].name
    back.trigger()
    assert window.detail.shown == ("condition", GTPS)
    assert not back.isEnabled()  # the first thing shown: the welcome page is not a step
    forward.trigger()
    assert window.detail.shown == ("exercise", "isometric-hip-abduction")
    # showing something new after going back drops what Forward led to
    _follow(window, "hip:page/red-flags")
    assert not forward.isEnabled()
    back.trigger()
    assert window.detail.shown == ("exercise", "isometric-hip-abduction")


def test_back_to_a_condition_selects_it_in_the_list_and_on_the_diagram(
        window: MainWindow) -> None:
    window.selection.set_regions(["outer"])
    second = window.conditions.ids()[1]
    window.conditions.set_current(second)  # as a click on the second row
    assert window.detail.shown == ("condition", second)
    window.back_action.trigger()
    assert window.detail.shown == ("condition", GTPS)
    assert window.selection.condition == GTPS
    assert window.conditions.current_id() == GTPS
    assert window.diagram.state.condition_regions == tuple(
        window.content.conditions[GTPS].regions)
    window.forward_action.trigger()
    assert window.conditions.current_id() == second


def test_alt_left_and_the_mouse_back_button_go_back(window: MainWindow, qtbot: QtBot) -> None:
    window.selection.set_regions(["outer"])
    _follow(window, "hip:exercise/isometric-hip-abduction")
    window.detail.setFocus()
    qtbot.keyClick(window.detail, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert window.detail.shown == ("condition", GTPS)
    qtbot.mouseClick(window.detail.viewport(), Qt.MouseButton.ForwardButton)
    assert window.detail.shown == ("exercise", "isometric-hip-abduction")
    qtbot.mouseClick(window.detail.viewport(), Qt.MouseButton.BackButton)
    assert window.detail.shown == ("condition", GTPS)


def test_the_mouse_side_buttons_work_anywhere_over_the_window(window: MainWindow,
                                                             qtbot: QtBot) -> None:
    """Over the diagram, the lists, the questions and the search field too, not only
    over the panel."""
    window.selection.set_regions(["outer"])
    _follow(window, "hip:exercise/isometric-hip-abduction")
    places = [window.diagram.viewport(), window.conditions.viewport(),
              window.region_list.viewport(), next(iter(window.refine.boxes.values())),
              window.search.field, window.hint]
    for place in places:
        qtbot.mouseClick(place, Qt.MouseButton.BackButton, pos=QPoint(4, 4))
        assert window.detail.shown == ("condition", GTPS), place
        qtbot.mouseClick(place, Qt.MouseButton.ForwardButton, pos=QPoint(4, 4))
        assert window.detail.shown == ("exercise", "isometric-hip-abduction"), place
    assert window.selection.regions == ["outer"]  # no click on the diagram either


def test_the_trail_holds_only_what_the_user_showed(qtbot: QtBot, tmp_path: Path) -> None:
    """After a restart Back leads nowhere (restoring the last choice showed the best
    match on the way: not a place the user visited), and a reload adds no steps."""
    first = make(qtbot, tmp_path / "settings.ini")
    first.selection.set_regions(["groin"])
    chosen = first.conditions.ids()[2]
    first.selection.select_condition(chosen)
    first.close()
    again = make(qtbot, tmp_path / "settings.ini")
    assert again.detail.shown == ("condition", chosen)
    assert not again.back_action.isEnabled() and not again.forward_action.isEnabled()

    _follow(again, "hip:exercise/isometric-hip-abduction")
    again.reload_action.trigger()  # F5 while the panel shows the exercise
    assert again.detail.shown == ("exercise", "isometric-hip-abduction")
    again.back_action.trigger()
    assert again.detail.shown == ("condition", chosen)
    assert not again.back_action.isEnabled()  # no copies of the two before them


def test_back_passes_over_what_a_content_reload_removed(
        qtbot: QtBot, tmp_path: Path, mini: Path) -> None:
    for name in ("Bridge", "Plank"):
        (mini / "exercises" / f"{name.lower()}.yaml").write_text(
            f"id: {name.lower()}\nname: {name}\npurpose: Strength.\nsteps: [Lie down.]\n"
            "dose: {sets: 3, reps: '10', frequency: daily}\n", encoding="utf-8")
    win = make(qtbot, tmp_path / "settings.ini", [mini])
    for exercise in ("clam", "bridge", "plank"):
        win.detail.show_exercise(exercise)
    (mini / "exercises" / "bridge.yaml").unlink()
    win.reload_content()
    assert "bridge" not in win.content.exercises
    assert win.detail.shown == ("exercise", "plank")  # the reloaded panel shows it again
    assert tooltip(win, win.back_action) == "Back to Clam"  # Bridge is gone: passed over
    win.back_action.trigger()
    assert win.detail.shown == ("exercise", "clam")


def test_reload_keeps_the_selected_condition_on_show(window: MainWindow) -> None:
    window.selection.set_regions(["outer"])
    window.reload_action.trigger()
    assert window.detail.shown == ("condition", GTPS)
    assert "Greater trochanteric" in window.detail.toPlainText()


def test_a_reload_leaves_the_window_as_the_user_arranged_it(
        qtbot: QtBot, window: MainWindow) -> None:
    """F5 after editing a content file: the columns keep their widths, the search its
    words, the panel its place, the keyboard its focus, and Undo its steps."""
    window.selection.set_regions(["outer"])
    window.selection.set_regions(["outer", "back"])
    window.splitter.setSizes([700, 250, 400])
    columns = window.splitter.sizes()
    window.activateWindow()
    qtbot.mouseClick(window.search.field, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(window.search.field, "stretch")
    qtbot.keyClick(window.search.field, Qt.Key.Key_Down)
    assert window.search.field.hasFocus()
    row = window.search.results.currentRow()
    assert row == 1
    QApplication.processEvents()  # the results list laid out under the search field
    window.middle_split.setSizes([500, 100])
    middle = window.middle_split.sizes()
    bar = window.detail.verticalScrollBar()
    bar.setValue(bar.maximum() // 2)
    at = bar.value()
    assert at > 0
    window.reload_action.trigger()
    QApplication.processEvents()  # as the user sees it
    assert window.splitter.sizes() == columns
    assert window.middle_split.sizes()[1] == middle[1]  # the Refine pane's height
    assert window.search.field.text() == "stretch" and window.search.results.isVisible()
    assert window.search.results.currentRow() == row
    assert window.search.field.hasFocus()
    assert window.detail.verticalScrollBar().value() == at
    assert window.undo_action.isEnabled()
    window.undo_action.trigger()
    assert window.selection.regions == ["outer"]
    # and the diagram's own keyboard focus comes back to the diagram
    window.diagram.setFocus()
    window.reload_action.trigger()
    assert window.diagram.hasFocus()


def test_a_reload_keeps_a_search_whose_results_were_put_away(
        qtbot: QtBot, window: MainWindow) -> None:
    qtbot.keyClicks(window.search.field, "clicking")
    qtbot.keyClick(window.search.field, Qt.Key.Key_Return)  # opens the first result
    assert not window.search.results.isVisible()
    window.reload_action.trigger()
    assert window.search.field.text() == "clicking"
    assert not window.search.results.isVisible()  # not popped open again by the reload


def test_undo_after_a_reload_passes_over_a_region_the_reload_removed(
        qtbot: QtBot, tmp_path: Path, mini: Path) -> None:
    win = make(qtbot, tmp_path / "settings.ini", [mini])
    win.selection.set_regions(["back"])
    win.selection.set_regions(["groin"])
    regions = mini / "regions.yaml"
    text = regions.read_text(encoding="utf-8")
    assert "id: back" in text
    regions.write_text(text[:text.index("  - id: back")], encoding="utf-8")
    (mini / "conditions" / "buttock-thing.yaml").unlink()
    win.reload_content()
    assert "back" not in win.content.regions and win.selection.regions == ["groin"]
    win.undo_action.trigger()  # back to "back": gone, so nothing is selected
    assert win.selection.regions == [] and win.conditions.ids()
    win.redo_action.trigger()
    assert win.selection.regions == ["groin"]


def test_a_reload_keeps_the_answers_ticked_and_the_warning_shown(
        qtbot: QtBot, window: MainWindow) -> None:
    window.selection.set_regions(["groin"])
    qtbot.mouseClick(window.refine.boxes["night-rest-pain"], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(window.refine.boxes["clicking-locking"], Qt.MouseButton.LeftButton)
    before = window.selection.condition
    assert window.banner.isVisible()
    window.reload_action.trigger()  # F5, after editing content files
    qtbot.waitUntil(window.banner.isVisible)
    assert "See a doctor" in shown(window.banner.label)
    boxes = window.refine.boxes
    assert boxes["night-rest-pain"].isChecked() and boxes["clicking-locking"].isChecked()
    assert not boxes["fever-unwell"].isChecked()
    # the panel still shows the condition that was shown, in the new widgets
    assert window.selection.condition == before
    title = window.content.conditions[before].name
    assert title in window.detail.toPlainText().split("\n")[0]
    # unticking now really takes the answer back
    qtbot.mouseClick(boxes["night-rest-pain"], Qt.MouseButton.LeftButton)
    assert not window.selection.answers.get("night-rest-pain")
    assert not window.banner.isVisible()


def test_a_handout_with_nothing_chosen_names_no_condition(window: MainWindow) -> None:
    assert not window.selection.regions and not window.selection.condition
    handout = window.current_handout()
    assert handout.conditions == () and not handout.recovery_chart
    assert handout.exercises == ()  # none suggested for a condition nobody chose


def test_a_result_opened_from_the_list_leaves_the_keyboard_in_the_search_field(
        qtbot: QtBot, window: MainWindow) -> None:
    """Enter or a double-click in the results list opens the result and hides the list;
    the keyboard goes back to the search field, not on to the condition list, where the
    next arrow key would replace what was just opened."""
    search, results = window.search, window.search.results
    window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(search.field.hasFocus)
    qtbot.keyClicks(search.field, "outer")
    qtbot.keyClick(search.field, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is results
    qtbot.keyClick(results, Qt.Key.Key_Down)
    hit = search.hits[results.currentRow()]
    qtbot.keyClick(results, Qt.Key.Key_Return)
    assert not results.isVisible()
    assert QApplication.focusWidget() is search.field
    opened = (window.selection.regions, window.selection.condition, window.detail.shown)
    assert hit.id in (*opened[0], opened[1], opened[2][1])
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Down)  # shows the list again
    assert results.isVisible()
    assert (window.selection.regions, window.selection.condition,
            window.detail.shown) == opened  # nothing else opened

    qtbot.keyClick(search.field, Qt.Key.Key_Down)  # the mouse: a double-click
    hit = search.hits[results.currentRow()]
    where = results.visualItemRect(results.currentItem()).center()
    qtbot.mouseClick(results.viewport(), Qt.MouseButton.LeftButton, pos=where)
    qtbot.mouseDClick(results.viewport(), Qt.MouseButton.LeftButton, pos=where)
    assert not results.isVisible()
    assert QApplication.focusWidget() is search.field
    assert hit.id in (*window.selection.regions, window.selection.condition,
                      window.detail.shown[1])


def test_the_guide_menu_and_search_reach_every_page_a_clinics_own_too(
        qtbot: QtBot, tmp_path: Path) -> None:
    """A clinic's own page validated clean but was shown nowhere: the Guide menu named
    two built-in pages, and search did not look in pages at all."""
    clinic = tmp_path / "clinic"
    (clinic / "pages").mkdir(parents=True)
    (clinic / "pages" / "after-hours.yaml").write_text(
        "id: after-hours\ntitle: Our clinic after hours\n"
        "sections:\n  - heading: Phone\n    items: [Ring the duty physiotherapist]\n",
        encoding="utf-8")
    window = build_window([builtin_content_dir(), clinic], Settings(tmp_path / "s.ini"))
    qtbot.addWidget(window)
    assert window.content.problems == []
    titles = [a.text().replace("&", "") for a in window.guide_menu.actions()
              if not a.isSeparator()]
    pages = ["When to see a doctor", "Our clinic after hours",
             "Running load, strength and staying injury-free"]
    assert [t for t in titles if t in pages] == pages  # the warning signs first
    next(a for a in window.guide_menu.actions()
         if a.text() == "&Our clinic after hours").trigger()
    assert window.detail.shown == ("page", "after-hours")
    assert "Ring the duty physiotherapist" in window.detail.toPlainText()

    window.selection.select_condition("hip-labral-tear")
    for words, title in (("duty physio", "Our clinic after hours"),  # the page's own words
                         ("fever", "When to see a doctor")):
        window.search.field.clear()
        qtbot.keyClicks(window.search.field, words)
        results = window.search.results
        row = next(row for row in range(results.count())
                   if results.item(row).text().startswith(f"Guide: {title}"))
        results.scrollToItem(results.item(row))
        qtbot.mouseClick(results.viewport(), Qt.MouseButton.LeftButton,
                         pos=results.visualItemRect(results.item(row)).center())
        assert window.detail.shown[0] == "page" and title in window.detail.toPlainText()
    (clinic / "pages" / "after-hours.yaml").unlink()
    window.reload_content()  # gone from the menu with the file
    assert "&Our clinic after hours" not in [a.text() for a in window.guide_menu.actions()]


def test_every_guide_menu_item_has_its_own_alt_letter_and_reloads_leave_none_behind(
        qtbot: QtBot, tmp_path: Path) -> None:
    """A clinic's pages "Back to running ..." and "Rest days ..." took the B of Back and
    the R of "Running-load planner": Alt+G, B opened the page while Back was greyed. Each
    reload also left the old page items behind in memory (two more for every F5)."""
    from PySide6.QtGui import QAction

    from explorer.ui.mnemonics import mnemonic

    clinic = tmp_path / "clinic"
    (clinic / "pages").mkdir(parents=True)
    for page_id, title in (("back-to-running", "Back to running after hip pain"),
                           ("rest-days", "Rest days in our clinic's plans & yours")):
        (clinic / "pages" / f"{page_id}.yaml").write_text(
            f"id: {page_id}\ntitle: \"{title}\"\n"
            "sections:\n  - heading: Days\n    items: [Rest two days a week]\n",
            encoding="utf-8")
    window = build_window([builtin_content_dir(), clinic], Settings(tmp_path / "s.ini"))
    qtbot.addWidget(window)
    assert window.content.problems == []
    items = [a for a in window.guide_menu.actions() if not a.isSeparator()]
    letters = [mnemonic(a.text()) for a in items]
    assert "" not in letters and len(set(letters)) == len(letters), \
        [a.text() for a in items]
    titles = [a.text().replace("&&", "\0").replace("&", "").replace("\0", "&") for a in items]
    assert "Rest days in our clinic's plans & yours" in titles  # its own "&" shown

    def actions() -> int:
        return len(window.findChildren(QAction))

    window.reload_content()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    before = actions()
    for _ in range(3):
        window.reload_content()
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert actions() == before


def test_reloading_leaves_nothing_behind(window: MainWindow) -> None:
    """Each F5 left a reference to the undo history behind in PySide (the pen's signal
    was connected to one of its methods), never freed: Python's objects grew by one per
    reload, for the whole session."""
    import gc

    def objects() -> int:
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        gc.collect()
        return len(gc.get_objects())

    for _ in range(2):  # caches filled
        window.reload_content()
    before = objects()
    for _ in range(12):
        window.reload_content()
    grown = objects() - before
    assert grown < 6, f"{grown} more objects after 12 reloads"


def test_f6_moves_the_focus_from_pane_to_pane_and_shift_f6_back(
        qtbot: QtBot, window: MainWindow) -> None:
    """From the diagram to the details took two dozen Tabs; F6 steps over whole panes,
    as in a browser; Shift+F6 steps back."""
    window.activateWindow()
    window.selection.set_regions(["outer"])  # questions to answer
    window.diagram.setFocus()
    qtbot.waitUntil(window.diagram.hasFocus)
    first_question = next(box for box in window.refine.findChildren(QWidget)
                          if box.isVisible() and box.focusPolicy() & Qt.FocusPolicy.TabFocus)
    order = [window.region_list, window.search.field, window.conditions, first_question,
             window.detail, window.diagram]
    for widget in order:
        qtbot.keyClick(window, Qt.Key.Key_F6)
        assert QApplication.focusWidget() is widget, QApplication.focusWidget()
    for widget in reversed(order[:-1]):
        qtbot.keyClick(window, Qt.Key.Key_F6, Qt.KeyboardModifier.ShiftModifier)
        assert QApplication.focusWidget() is widget, QApplication.focusWidget()


def test_a_search_with_an_apostrophe_quotes_the_words_around_its_match(
        qtbot: QtBot, window: MainWindow) -> None:
    """"runner's" quoted the text around the first word starting with "s"."""
    def quotes(query: str) -> list[str]:
        window.search.field.clear()
        qtbot.keyClicks(window.search.field, query)
        results = window.search.results
        return [results.item(row).text() for row in range(results.count())]

    typed = quotes("runner's")
    assert typed == quotes("runners")
    cut = [t for t in typed if "“…" in t]
    assert cut and all("runn" in t.split("“", 1)[1].lower() for t in cut), typed


def test_clear_selection_and_clear_drawing_are_greyed_with_nothing_to_clear(
        window: MainWindow) -> None:
    assert not window.clear_action.isEnabled() and not window.clear_drawing_action.isEnabled()
    window.selection.set_regions(["outer"])
    assert window.clear_action.isEnabled() and not window.clear_drawing_action.isEnabled()
    window.diagram.set_strokes([("#d55e00", [(10.0, 10.0), (40.0, 40.0)])])
    assert window.clear_drawing_action.isEnabled()
    window.clear_drawing_action.trigger()
    window.clear_action.trigger()
    assert not window.clear_action.isEnabled() and not window.clear_drawing_action.isEnabled()
    window.undo_action.trigger()  # the regions back: something to clear again
    assert window.clear_action.isEnabled()
