"""Handout files as people actually have them, and what the builder tells about them:
messages quote a file as plain text (its tags show as typed), cut long values short and
fit the screen; a file saved by Windows Notepad opens; yes/no fields and the version are
checked strictly; a typed name without .json gets it, so Open's filter shows the file."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QLabel, QMessageBox
from pytestqt.qtbot import QtBot

from explorer.cli import load, main
from explorer.model.handout import Handout, HandoutError, from_json, read_handout
from explorer.model.running_load import HISTORY_DAYS


def handout(**fields: Any) -> str:
    return json.dumps({"format": "hip-explorer-handout", "version": 1, "exercises": [], **fields})


@dataclass
class Shown:
    """A message box as it was on screen."""

    title: str
    text: str
    icon: QMessageBox.Icon
    text_format: Qt.TextFormat  # the box's
    label_format: Qt.TextFormat  # and its label's, which draws the text
    label_text: str
    frame: QRect
    screen: QRect  # the available area of the box's screen


@pytest.fixture
def boxes(monkeypatch: pytest.MonkeyPatch) -> list[Shown]:
    """Each message box the builder shows: shown (not modal, so nothing waits for a
    click), measured and closed as if OK were clicked. The static QMessageBox functions
    cannot show plain text, so using one fails the test instead of blocking it."""
    shown: list[Shown] = []

    def exec_(box: QMessageBox) -> int:
        box.show()
        QApplication.processEvents()
        label = box.findChild(QLabel, "qt_msgbox_label")
        assert label is not None
        shown.append(Shown(box.windowTitle(), box.text(), box.icon(), box.textFormat(),
                           label.textFormat(), label.text(), box.frameGeometry(),
                           box.screen().availableGeometry()))
        box.hide()
        return QMessageBox.StandardButton.Ok.value

    monkeypatch.setattr(QMessageBox, "exec", exec_)
    for name in ("information", "warning", "critical"):
        monkeypatch.setattr(QMessageBox, name, lambda *a, name=name: pytest.fail(
            f"QMessageBox.{name} shows rich text: {a[2]!r}"))
    return shown


@pytest.fixture
def builder(qtbot: QtBot, tmp_path: Path) -> Any:
    from explorer.paths import diagram_svg
    from explorer.ui.diagram_art import DiagramArt
    from explorer.ui.handout_dialog import HandoutDialog
    from explorer.ui.settings import Settings

    content = load()
    dialog = HandoutDialog(content, DiagramArt(diagram_svg(), list(content.regions)),
                           Settings(tmp_path / "s.ini"), Handout(patient="Kim"))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def fits(box: Shown) -> bool:
    return (box.frame.width() <= box.screen.width()
            and box.frame.height() <= box.screen.height())


# ---- messages are plain text, short, and fit the screen --------------------------------
def test_open_notes_show_the_files_tags_as_typed(builder: Any, boxes: list[Shown],
                                                 tmp_path: Path) -> None:
    path = tmp_path / "tags.json"
    path.write_text(handout(exercises=[{"exercise": "<b>bold</b>"}],
                            runs=[["<i>3</i>", 8.0]]))
    assert builder.open_from(path)
    assert len(boxes) == 1
    box = boxes[0]
    assert (box.title, box.icon) == ("Open handout", QMessageBox.Icon.Information)
    assert box.text_format == box.label_format == Qt.TextFormat.PlainText
    assert box.label_text == box.text == (
        "Left out: the running log, which the planner cannot use: Days ago must be a whole "
        "number, not '<i>3</i>'.\n\n"
        "Not in the loaded content, so left out of the print: exercise '<b>bold</b>'\n\n"
        "tags.json itself is unchanged until you save.")
    # the builder's own warning line quotes them as typed too, never as markup
    assert builder.warning.textFormat() == Qt.TextFormat.PlainText
    assert "exercise '<b>bold</b>'" in builder.warning.text()


def test_open_notes_cut_a_huge_file_short_and_fit_the_screen(
        builder: Any, boxes: list[Shown], tmp_path: Path) -> None:
    """The audit's file: a day of 100 <h1> headings made a box 4710 px tall."""
    path = tmp_path / "huge.json"
    path.write_text(handout(
        runs=[["<h1>HUGE</h1>" * 100, 8.0], [10**300, 8.0]]
        + [[f"day {n} " * 50, 8.0] for n in range(20)],
        conditions=[f"<h1>condition {n}</h1>" * 20 for n in range(100)]))
    assert builder.open_from(path)
    assert len(boxes) == 1
    box = boxes[0]
    assert box.text_format == Qt.TextFormat.PlainText
    assert fits(box), (box.frame, box.screen)
    assert box.frame.height() < 600 and box.frame.width() < 1000  # even on a small laptop
    left_out, missing, unchanged = box.text.split("\n\n")
    huge = "<h1>HUGE</h1>" * 5
    assert left_out.startswith("Left out: the running log, which the planner cannot use: "
                               f"Days ago must be a whole number, not '{huge[:59]}…'. "
                               f"{'1' + '0' * 58}… days ago is too far back")
    assert left_out.endswith(" (and 17 more)")  # 22 runs refused: five named
    assert missing == ("Not in the loaded content, so left out of the print: "
                       + ", ".join(f"condition '{('<h1>condition ' + str(n) + '</h1>') * 3}"[:70]
                                   + "…'" for n in range(5))
                       + " (and 95 more)")
    assert unchanged == "huge.json itself is unchanged until you save."


def test_open_warning_is_plain_text(builder: Any, boxes: list[Shown], tmp_path: Path) -> None:
    path = tmp_path / "v.json"
    path.write_text('{"format": "hip-explorer-handout", "version": "<b>2</b>"}')
    assert not builder.open_from(path)
    assert len(boxes) == 1
    box = boxes[0]
    assert (box.title, box.icon) == ("Open handout", QMessageBox.Icon.Warning)
    assert box.text_format == box.label_format == Qt.TextFormat.PlainText
    assert box.text == (f'{path}: handout version "<b>2</b>" should be the whole number 1 '
                        "(without quotes)\n\nThe handout you were editing is unchanged.")
    assert builder.handout().patient == "Kim"


def test_save_warning_is_plain_text(builder: Any, boxes: list[Shown], tmp_path: Path) -> None:
    target = tmp_path / "<i>no such folder</i>" / "kim.json"
    assert not builder.save_to(target)
    assert len(boxes) == 1
    box = boxes[0]
    assert (box.title, box.icon) == ("Save handout", QMessageBox.Icon.Warning)
    assert box.text_format == box.label_format == Qt.TextFormat.PlainText
    assert box.text == f"cannot write {target}: the folder {target.parent} does not exist"
    assert fits(box)


# ---- a file saved by Windows Notepad -----------------------------------------------------
def test_a_file_with_a_utf8_byte_order_mark_opens(builder: Any, boxes: list[Shown],
                                                  tmp_path: Path) -> None:
    path = tmp_path / "notepad.json"
    path.write_bytes(b"\xef\xbb\xbf" + handout(patient="Zoë", exercises=[{"exercise": "clam"}],
                                                large_print=True).encode("utf-8"))
    read = read_handout(path)
    assert read.patient == "Zoë" and read.large_print
    assert builder.open_from(path)
    assert boxes == []  # nothing to tell
    assert builder.handout().patient == "Zoë"
    assert [e.exercise for e in builder.handout().exercises] == ["clam"]


# ---- strict yes/no fields and version ----------------------------------------------------
@pytest.mark.parametrize(("field", "value", "shown"), [
    ("large_print", "false", '"false"'),
    ("large_print", 0, "0"),
    ("large_print", None, "null"),
    ("recovery_chart", "true", '"true"'),
    ("recovery_chart", ["x" * 100], f'["{"x" * 57}…'),
])
def test_yes_no_fields_must_be_true_or_false(field: str, value: Any, shown: str) -> None:
    with pytest.raises(HandoutError) as raised:
        from_json(handout(**{field: value}), "h.json")
    assert str(raised.value) == f"h.json: '{field}' should be true or false, not {shown}"


@pytest.mark.parametrize("value", [True, False])
def test_yes_no_fields_read_true_and_false(value: bool) -> None:
    read = from_json(handout(large_print=value, recovery_chart=not value), "h.json")
    assert (read.large_print, read.recovery_chart) == (value, not value)
    assert not from_json(handout(), "h.json").large_print  # absent: no


def test_builder_names_a_yes_no_field_that_is_not(builder: Any, boxes: list[Shown],
                                                  tmp_path: Path) -> None:
    path = tmp_path / "lp.json"
    path.write_text(handout(patient="Lee", large_print="false"))
    assert not builder.open_from(path)
    assert [box.text for box in boxes] == [
        f"{path}: 'large_print' should be true or false, not \"false\"\n\n"
        "The handout you were editing is unchanged."]
    assert builder.handout().patient == "Kim" and not builder.large_print.isChecked()


def test_export_names_a_yes_no_field_that_is_not(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "lp.json"
    path.write_text(handout(large_print="false"))
    out = tmp_path / "lp.pdf"
    assert main(["export", "--handout", str(path), "-o", str(out)]) == 1
    assert (f"{path}: 'large_print' should be true or false, not \"false\""
            in capsys.readouterr().err)
    assert not out.exists()


@pytest.mark.parametrize(("version", "message"), [
    ("true", "handout version true should be the whole number 1"),
    ("1.0", "handout version 1.0 should be the whole number 1"),
    ('"1"', 'handout version "1" should be the whole number 1 (without quotes)'),
    ("1" * 300, f"handout version {'1' * 59}… is not supported (this version reads 1)"),
    ("2", "handout version 2 is not supported (this version reads 1)"),
])
def test_version_must_be_the_whole_number_1(version: str, message: str) -> None:
    with pytest.raises(HandoutError) as raised:
        from_json(f'{{"format": "hip-explorer-handout", "version": {version}}}', "h.json")
    assert str(raised.value) == f"h.json: {message}"


def test_a_missing_version_is_named() -> None:
    with pytest.raises(HandoutError, match=r"^h\.json: the handout version is missing$"):
        from_json('{"format": "hip-explorer-handout"}', "h.json")


# ---- long values are cut short in what reading tells ---------------------------------------
def test_a_huge_day_is_cut_short_in_the_note(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    read = from_json(handout(runs=[[10**300, 8.0]]), "h.json")
    assert read.left_out == ("the running log, which the planner cannot use: "
                             f"{'1' + '0' * 58}… days ago is too far back: enter runs "
                             f"from the last {HISTORY_DAYS} days.",)
    path = tmp_path / "r.json"
    path.write_text(handout(runs=[[10**300, 8.0]], conditions=["x" * 500],
                            exercises=[{"exercise": "clam"}]))  # something to print
    assert main(["export", "--handout", str(path), "-o", str(tmp_path / "r.pdf")]) == 0
    err = capsys.readouterr().err
    assert "0" * 60 not in err and "x" * 60 not in err
    assert f"condition '{'x' * 59}…' is not in the loaded content" in err


def test_save_asks_before_replacing_the_file_it_adds_json_to(
        builder: Any, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """The dialog asked about "kim", not "kim.json": No keeps Kim's earlier file and
    goes back to the dialog (here cancelled); nothing is saved."""
    earlier = tmp_path / "kim.json"
    earlier.write_text(Handout(patient="Kim, March").to_json(), encoding="utf-8")
    typed = iter([str(tmp_path / "kim"), ""])
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *a: (next(typed), "Handout files (*.json)"))
    asked: list[tuple[str, str]] = []

    def answer_no(box: QMessageBox) -> int:
        asked.append((box.windowTitle(), box.text()))
        return QMessageBox.StandardButton.No.value

    monkeypatch.setattr(QMessageBox, "exec", answer_no)
    assert not builder._on_save_clicked()
    assert asked == [("Save handout", f"“kim.json” already exists in {tmp_path}.\n\nReplace it?")]
    assert read_handout(earlier).patient == "Kim, March" and builder.path is None


# ---- Save adds .json -------------------------------------------------------------------
@pytest.mark.parametrize(("typed", "saved"), [
    ("handout_noext", "handout_noext.json"),
    ("kim.JSON", "kim.JSON"),
    ("kim.json", "kim.json"),
    ("kim.v2", "kim.v2.json"),
])
def test_save_adds_json_to_a_typed_name(builder: Any, boxes: list[Shown], tmp_path: Path,
                                        monkeypatch: pytest.MonkeyPatch, typed: str,
                                        saved: str) -> None:
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *a: (str(tmp_path / typed), "Handout files (*.json)"))
    assert builder._on_save_clicked()
    assert sorted(p.name for p in tmp_path.glob("*") if p.name != "s.ini") == [saved]
    assert read_handout(tmp_path / saved).patient == "Kim"
    assert builder.path == tmp_path / saved
    assert builder.windowTitle() == f"Exercise handout — {saved}[*]"
    assert boxes == []


# ---- a running log saved some days ago --------------------------------------------------
def _saved_days_ago(days: int) -> str:
    import datetime as dt

    return (dt.date.today() - dt.timedelta(days=days)).isoformat()


def test_runs_in_a_file_saved_weeks_ago_are_that_much_older_now() -> None:
    """Runs are "days ago" when the file was saved: opened 20 days later, a run of that
    day is 20 days ago, not today (the plan's load and spikes depend on it)."""
    read = from_json(handout(created=_saved_days_ago(20), runs=[[0, 10], [2, 6], [7, 9]]))
    assert read.runs == ((20, 10), (22, 6), (27, 9)) and read.left_out == ()
    assert read.created == _saved_days_ago(0)  # saved again, they are counted from today
    assert from_json(read.to_json()) == read
    same_day = from_json(handout(created=_saved_days_ago(0), runs=[[0, 10]]))
    assert same_day.runs == ((0, 10),)


def test_runs_gone_past_the_planners_history_are_left_out_with_the_date() -> None:
    import datetime as dt

    saved = dt.date.today() - dt.timedelta(days=56)
    read = from_json(handout(created=saved.isoformat(), runs=[[0, 10], [2, 6], [7, 9]]))
    assert read.runs == ((56, 10), (58, 6))
    assert read.left_out == (
        f"1 of the 3 runs in the running log: the handout was saved on {saved.day} "
        f"{saved:%B %Y}, so they are now more than {HISTORY_DAYS} days ago. Enter recent "
        "runs in the planner for an up-to-date plan.",)
    gone = from_json(handout(created=_saved_days_ago(90), runs=[[0, 10], [7, 9]]))
    assert gone.runs == () and not gone.has_running_plan
    assert gone.left_out[0].startswith("2 of the 2 runs in the running log")


@pytest.mark.parametrize("created", ["not a date", "2999-01-01", ""])
def test_runs_are_not_moved_for_a_date_that_is_not_in_the_past(created: str) -> None:
    assert from_json(handout(created=created, runs=[[3, 10]])).runs == ((3, 10),)


# ---- what the builder saves, it can open -------------------------------------------------
def test_the_builder_takes_no_more_text_than_a_file_holds(builder: Any, boxes: list[Shown],
                                                          qtbot: QtBot,
                                                          tmp_path: Path) -> None:
    from PySide6.QtWidgets import QLineEdit

    from explorer.model.handout import DOSE_MAX, NOTE_MAX, PATIENT_MAX

    assert builder.patient.maxLength() == PATIENT_MAX
    builder.add_exercise("clam")
    for column, limit in ((1, DOSE_MAX), (5, NOTE_MAX)):  # sets, and the note
        builder.table.edit(builder.table.model().index(0, column))
        editor, = [e for e in builder.table.findChildren(QLineEdit) if e.isVisible()]
        assert editor.maxLength() == limit
        qtbot.keyClick(editor, Qt.Key.Key_Escape)
    builder.note.setPlainText("x" * (NOTE_MAX + 1))  # pasted: the note has no typing limit
    assert "Too long to save: the note has 5,001 characters (at most 5,000)" in \
        builder.warning.text()
    path = tmp_path / "long.json"
    assert not builder.save_to(path) and not path.exists()
    assert boxes[-1].text == ("long.json: not saved, because the note has 5,001 characters "
                              "(at most 5,000). Shorten it and save again.")
    assert builder.note.toPlainText() == "x" * (NOTE_MAX + 1)  # nothing lost
    builder.note.setPlainText("x" * NOTE_MAX)
    assert builder.warning.text() == ""
    assert builder.save_to(path) and read_handout(path).clinician_note == "x" * NOTE_MAX


def test_a_file_name_too_long_is_said_in_words_by_save_and_export(
        builder: Any, boxes: list[Shown], tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """A name over 255 bytes typed in Save handout or Export PDF brought up the crash
    dialog, "[Errno 36] File name too long", when the dialog looked whether it existed."""
    typed = str(tmp_path / ("a" * 260))  # without .json or .pdf, which the dialog adds
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a: (typed, ""))
    assert not builder._on_save_clicked()
    assert [box.title for box in boxes] == ["Save handout"]
    assert "the file name is too long (265 characters; at most 255); choose a shorter one" \
        in boxes[0].text
    warned: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: warned.append(a[2]))
    builder._on_export_clicked()
    assert len(warned) == 1 and warned[0].startswith("The PDF was not saved.")
    assert "the file name is too long (264 characters; at most 255)" in warned[0]
    assert not any(p.name.startswith("aaa") for p in tmp_path.iterdir())


@pytest.mark.parametrize(("created", "why"), [
    ("2999-01-01", "2999-01-01, which is in the future"),
    ("yesterday", '"yesterday", which is not a date such as {today}'),
])
def test_a_saved_date_in_the_future_or_unreadable_is_taken_as_today(
        created: str, why: str) -> None:
    """Kept as written, a date in the future never let the runs age, however often the
    handout was opened and saved again: it is today now, and the user is told."""
    import datetime as dt

    today = dt.date.today().isoformat()
    read = from_json(handout(created=created, runs=[[3, 10]]))
    assert read.created == today and read.runs == ((3, 10),)
    assert read.left_out == (f"the date the handout was saved, {why.format(today=today)}: "
                             "the runs in the running log are counted back from today, so "
                             "they may be older than they look",)
    assert from_json(handout(created=created)).left_out == ()  # no runs: nothing to tell
    assert from_json(handout(runs=[[3, 10]])).left_out == ()  # written without a date


def test_a_dose_typed_as_a_number_without_quotes_is_read_as_its_text() -> None:
    """"sets": 3, as anyone editing JSON by hand writes it, refused the whole file."""
    read = from_json(handout(exercises=[{"exercise": "clam", "sets": 3, "reps": 12}]), "h.json")
    assert (read.exercises[0].sets, read.exercises[0].reps) == ("3", "12")


@pytest.mark.parametrize("value", [2.5, True, None, [3]])
def test_a_dose_that_is_no_whole_number_or_text_says_to_quote_it(value: Any) -> None:
    with pytest.raises(HandoutError, match=r"""^h\.json: exercise 1: 'sets' should be text, """
                                           r"""in quotes: "sets": "3"$"""):
        from_json(handout(exercises=[{"exercise": "clam", "sets": value}]), "h.json")


# ---- fields this version does not read -----------------------------------------------------
def test_a_file_without_an_exercises_list_says_so(builder: Any, boxes: list[Shown],
                                                  tmp_path: Path) -> None:
    """"exercise" for "exercises", typed by hand, opened an empty handout without a word."""
    path = tmp_path / "typo.json"
    path.write_text(json.dumps({"format": "hip-explorer-handout", "version": 1,
                                "patient": "Ana", "exercise": [{"exercise": "clam"}]}))
    assert builder.open_from(path)
    assert builder.handout().exercises == () and builder.handout().patient == "Ana"
    assert [box.text for box in boxes] == [
        'The file has no "exercises" list, so the handout has no exercises.\n\n'
        "This version does not read 'exercise'; saving the handout keeps it as it was.\n\n"
        "typo.json itself is unchanged until you save."]


def test_fields_this_version_does_not_read_are_saved_again(
        builder: Any, boxes: list[Shown], tmp_path: Path) -> None:
    """A newer version's fields (or a name misspelt by hand) were dropped without a word
    by the next save; they are told about and written back as they were, each exercise's
    with its exercise wherever it moves."""
    newer = {"format": "hip-explorer-handout", "version": 1, "patient": "Ana",
             "exercises": [{"exercise": "clam", "sets": "3", "tempo": "3-1-3"},
                           {"exercise": "bridge"}],
             "goal": {"race": "10 km", "weeks": [1, [2, None]]}, "extra": 1,
             "notes": ["kept"]}
    path = tmp_path / "newer.json"
    path.write_text(json.dumps(newer))
    assert builder.open_from(path)
    note = ("This version does not read 'goal', 'extra', 'notes', 'tempo' in exercise 1 "
            "('clam'); saving the handout keeps them as they were.")
    assert [box.text for box in boxes] == [f"{note}\n\nnewer.json itself is unchanged until "
                                           "you save."]
    builder.table.selectRow(0)
    builder._move(1)  # the clam, and its tempo, go second
    builder.add_exercise("dead-bug")
    out = tmp_path / "saved.json"
    assert builder.save_to(out)
    saved = json.loads(out.read_text())
    assert [e["exercise"] for e in saved["exercises"]] == ["bridge", "clam", "dead-bug"]
    assert saved["exercises"][1]["tempo"] == "3-1-3" and saved["exercises"][1]["sets"] == "3"
    assert "tempo" not in saved["exercises"][0] and "tempo" not in saved["exercises"][2]
    assert (saved["goal"], saved["extra"], saved["notes"]) == (
        newer["goal"], newer["extra"], newer["notes"])
    assert read_handout(out).notes == (note.replace("exercise 1", "exercise 2"),)


def test_export_tells_of_the_fields_it_does_not_read(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "typo.json"
    path.write_text(json.dumps({"format": "hip-explorer-handout", "version": 1,
                                "patient": "Ana", "exercise": [{"exercise": "clam"}]}))
    out = tmp_path / "typo.pdf"
    assert main(["export", "--handout", str(path), "-o", str(out)]) != 0  # nothing to print
    err = capsys.readouterr().err
    assert (f'hip-explorer: note: {path}: The file has no "exercises" list, so the handout '
            "has no exercises.\n") in err
    assert f"hip-explorer: note: {path}: This version does not read 'exercise'" in err


@pytest.mark.parametrize("where", ["patient", "field", "exercise"])
def test_half_a_utf16_pair_is_a_damaged_file_not_a_crash_on_save(
        builder: Any, boxes: list[Shown], tmp_path: Path, where: str) -> None:
    """"\\ud800" alone opened, and Save then failed with the crash dialog (no file can
    hold it); inside an exercise, Qt dropped it unsaid."""
    fields: dict[str, Any] = {
        "patient": {"patient": "Kim\ud800"},
        "field": {"k\ud800": 1},
        "exercise": {"exercises": [{"exercise": "clam", "v\udc80": "x"}]}}[where]
    path = tmp_path / "half.json"
    path.write_text(json.dumps({"format": "hip-explorer-handout", "version": 1,
                                "exercises": [], **fields}, indent=1))
    assert not builder.open_from(path)
    assert len(boxes) == 1 and boxes[0].text.startswith(f"{path}:")
    assert "is half of a UTF-16 pair, not a character" in boxes[0].text
    assert builder.handout().patient == "Kim"  # what was being edited stays
    with pytest.raises(HandoutError, match=r"\\u(d800|dc80) is half"):
        read_handout(path)
