"""Handout files: round trip, atomic saving, damaged files reported, the builder."""

from __future__ import annotations

import json
import re
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from explorer.cli import load
from explorer.model.handout import (
    Handout,
    HandoutError,
    HandoutExercise,
    read_handout,
    unknown_entries,
    write_handout,
)

SAMPLE = Handout(patient="Ana Ríos", clinician_note="Easy week.\nNo hills.", side="left",
                 regions={"outer": 5, "back": 0},
                 conditions=("greater-trochanteric-pain-syndrome",),
                 exercises=(HandoutExercise("clam", sets="3", reps="12", note="Band on"),
                            HandoutExercise("bridge", hold="20 s")),
                 large_print=True)


def test_round_trip_is_readable_json(tmp_path: Path) -> None:
    path = tmp_path / "ana.json"
    write_handout(path, SAMPLE)
    text = path.read_text(encoding="utf-8")
    assert '"patient": "Ana Ríos"' in text  # human-readable, not escaped
    assert json.loads(text)["format"] == "hip-explorer-handout"
    assert read_handout(path) == SAMPLE


def test_distances_are_saved_readably_and_read_back_the_same(tmp_path: Path) -> None:
    """A running log typed in km and shown in miles was saved as 5.468066491688539 mi,
    a usual week as 155.3427980593335: the file is read by people too. Opened again it
    shows what the planner showed: the same distances, spikes and limits."""
    from explorer.model.running_load import (
        Baseline,
        Run,
        as_typed,
        convert_distance,
        format_distance,
        spikes,
    )

    def in_miles(km: float) -> float:
        return convert_distance(km, "km", "mi")

    def spoken(runs: tuple[tuple[int, float], ...]) -> list[str]:
        return [spike.reason for spike in spikes([Run(*run) for run in runs], "mi")]

    # 8.8 km is exactly 10% longer than 8 (not a spike), 9.9 km 12.5% longer than 8.8
    typed = ((28, 8.0), (21, 8.8), (14, 9.9))
    handout = Handout(runs=tuple((day, in_miles(km)) for day, km in typed), unit="mi",
                      baseline=Baseline(in_miles(250.0), in_miles(100.0)))  # the limits
    path = tmp_path / "kim.json"
    write_handout(path, handout)
    saved = json.loads(path.read_text(encoding="utf-8"))
    assert saved["runs"] == [[28, 4.9709695], [21, 5.4680665], [14, 6.1515748]]
    assert saved["baseline"] == {"weekly_distance": 155.3427981, "longest_run": 62.1371192}
    read = read_handout(path)
    assert read.left_out == ()  # the usual week is still within the limit
    assert [format_distance(mi, "mi") for _, mi in read.runs] == ["5.0 mi", "5.5 mi",
                                                                  "6.2 mi"]
    assert [as_typed(convert_distance(mi, "mi", "km")) for _, mi in read.runs] == \
        ["8", "8.8", "9.9"]
    assert spoken(read.runs) == spoken(handout.runs) == [
        "6.2 mi 14 days ago is 12% longer than your longest run in the 30 days before "
        "(5.5 mi)."]
    # a file saved before, with the distances in full, opens as it did
    path.write_text(json.dumps({"format": "hip-explorer-handout", "version": 1, "unit": "mi",
                                "runs": [[day, mi] for day, mi in handout.runs]}))
    assert read_handout(path).runs == handout.runs


def test_failed_save_keeps_previous_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "ana.json"
    write_handout(path, SAMPLE)
    before = path.read_bytes()

    def full_disk(*args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("os.fsync", full_disk)
    with pytest.raises(HandoutError, match=r"No space left on device.*previous file is unchanged"):
        write_handout(path, Handout(patient="Someone else"))
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["ana.json"]


def test_unwritable_folder(tmp_path: Path) -> None:
    with pytest.raises(HandoutError, match="cannot write"):
        write_handout(tmp_path / "missing" / "h.json", SAMPLE)


@pytest.mark.parametrize(("data", "message"), [
    (b'{"format": "hip-explorer-handout", "version": 1, "exercises": [',
     "h.json:1: not a readable handout file (Expecting value at column 64)"),
    (b'{"format": "hip-explorer-handout",\n "patient": "Kim',
     "h.json:2: not a readable handout file (Unterminated string starting at column 13)"),
    (b"\xff\xfe garbage", "not UTF-8"),
    (b'{"format": "something-else"}', "not a Hip Explorer handout"),
    (b'{"format": "hip-explorer-handout", "version": 99}', "version 99 is not supported"),
    (b'{"format": "hip-explorer-handout", "version": 1, "regions": {"outer": 42}}', "0-10"),
    (b'{"format": "hip-explorer-handout", "version": 1, "exercises": [{"sets": "3"}]}',
     "exercise 1: 'exercise' is missing"),
    (b'{"format": "hip-explorer-handout", "version": 1, "patient": ["x"]}', "should be text"),
    (b'{"format": "hip-explorer-handout", "version": 1, "side": "middle"}',
     "'side' should be right or left, not \"middle\""),
    (b'{"format": "hip-explorer-handout", "version": 1, "side": 1}',
     "'side' should be right or left, not 1"),
    (b'{"format": "hip-explorer-handout", "version": 1, "unit": "miles"}',
     "'unit' should be km or mi, not \"miles\""),
    (b'{"format": "hip-explorer-handout", "version": 1, "baseline": [30, 12]}',
     "'baseline' should be {\"weekly_distance\": number, \"longest_run\": number}"),
    (b'{"format": "hip-explorer-handout", "version": 1,'
     b' "baseline": {"weekly_distance": 30, "longest_run": true}}', "'baseline' should be"),
])
def test_damaged_files_are_reported(tmp_path: Path, data: bytes, message: str) -> None:
    path = tmp_path / "h.json"
    path.write_bytes(data)
    with pytest.raises(HandoutError, match=re.escape(message)):
        read_handout(path)


def test_side_and_unit_are_read_in_any_case(tmp_path: Path) -> None:
    """A file edited by hand with "LEFT" was refused, without quoting what it said."""
    path = tmp_path / "h.json"
    path.write_text('{"format": "hip-explorer-handout", "version": 1, "side": "LEFT", '
                    '"unit": " Mi"}')
    handout = read_handout(path)
    assert (handout.side, handout.unit) == ("left", "mi")


def test_builder_edits_saves_and_reopens(qtbot: QtBot, tmp_path: Path,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtWidgets import QMessageBox

    from explorer.paths import diagram_svg
    from explorer.ui.diagram_art import DiagramArt
    from explorer.ui.handout_dialog import HandoutDialog
    from explorer.ui.settings import Settings

    content = load()
    art = DiagramArt(diagram_svg(), list(content.regions))
    start = Handout(conditions=("greater-trochanteric-pain-syndrome",), regions={"outer": 4})
    dialog = HandoutDialog(content, art, Settings(tmp_path / "s.ini"), start)
    qtbot.addWidget(dialog)
    suggested = dialog.catalogue.item(0)
    assert suggested.text().endswith("★")
    for exercise in ["clam", "bridge", "side-plank", "step-down", "dead-bug", "split-squat"]:
        dialog.add_exercise(exercise)
    assert dialog.warning.text() == ""
    dialog.add_exercise("single-leg-balance")
    assert "Consider at most 6" in dialog.warning.text()
    dialog.table.item(0, 1).setText("5")  # sets of the clam
    dialog.table.item(0, 5).setText("Slowly")  # its note
    dialog.patient.setText("Kim")
    saved = dialog.handout()
    clam = saved.exercises[0]
    assert (clam.exercise, clam.sets, clam.note) == ("clam", "5", "Slowly")
    assert clam.reps and clam.frequency  # the suggested dose was filled in
    path = tmp_path / "kim.json"
    assert dialog.save_to(path)

    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: warnings.append(box.text()) or 0)
    broken = tmp_path / "broken.json"
    broken.write_text("{ not json")
    assert not dialog.open_from(broken)
    assert "not a readable handout file" in warnings[0] and "unchanged" in warnings[0]
    assert dialog.handout() == saved  # nothing lost

    other = HandoutDialog(content, art, Settings(tmp_path / "s.ini"), Handout())
    qtbot.addWidget(other)
    assert other.open_from(path)
    assert other.handout() == saved


def test_unknown_exercises_in_a_handout_are_named(qtbot: QtBot, tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    """A handout from another clinic's content: what this content lacks is said, in the
    builder and on the command line, and the rest still opens and prints."""
    from PySide6.QtWidgets import QMessageBox

    from explorer.cli import main
    from explorer.paths import diagram_svg
    from explorer.ui.diagram_art import DiagramArt
    from explorer.ui.handout_dialog import HandoutDialog
    from explorer.ui.settings import Settings

    content = load()
    handout = Handout(exercises=(HandoutExercise("clam"), HandoutExercise("no-such-exercise")))
    assert unknown_entries(handout, content) == ["exercise 'no-such-exercise'"]
    path = tmp_path / "other-clinic.json"
    write_handout(path, handout)

    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: told.append(box.text()) or 0)
    art = DiagramArt(diagram_svg(), list(content.regions))
    dialog = HandoutDialog(content, art, Settings(tmp_path / "s.ini"), Handout())
    qtbot.addWidget(dialog)
    assert dialog.open_from(path)
    assert len(told) == 1 and "Not in the loaded content" in told[0]
    assert "exercise 'no-such-exercise'" in told[0]

    assert main(["export", "-o", str(tmp_path / "h.pdf"), "--handout", str(path)]) == 0
    assert ("note: exercise 'no-such-exercise' is not in the loaded content; left out"
            in capsys.readouterr().err)
    assert (tmp_path / "h.pdf").is_file()


def test_removing_and_moving_exercises_returns_new_handouts() -> None:
    three = Handout(exercises=(HandoutExercise("clam"), HandoutExercise("bridge"),
                               HandoutExercise("side-plank")))
    assert [e.exercise for e in three.without_exercises([0, 2]).exercises] == ["bridge"]
    moved = three.with_exercises_moved([2], -1)
    assert [e.exercise for e in moved.exercises] == ["clam", "side-plank", "bridge"]
    assert three.with_exercises_moved([0], -1) is three  # already first
    assert three.with_exercises_moved([5], 1) is three
    assert three.with_exercises_moved([], 1) is three
    # several at once, together or apart, each one place
    moved = three.with_exercises_moved([0, 1], 1)
    assert [e.exercise for e in moved.exercises] == ["side-plank", "clam", "bridge"]
    moved = three.with_exercises_moved([2, 0], 1)  # the last cannot go further down
    assert moved is three
    four = replace(three, exercises=(*three.exercises, HandoutExercise("dead-bug")))
    moved = four.with_exercises_moved([1, 3], -1)
    assert [e.exercise for e in moved.exercises] == ["bridge", "clam", "dead-bug",
                                                     "side-plank"]
    assert [e.exercise for e in three.exercises] == ["clam", "bridge", "side-plank"]


@pytest.fixture
def builder(qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> object:
    """A handout builder with three exercises. A question the test does not expect
    fails it instead of waiting for a click that never comes."""
    from PySide6.QtWidgets import QMessageBox

    from explorer.paths import diagram_svg
    from explorer.ui.diagram_art import DiagramArt
    from explorer.ui.handout_dialog import HandoutDialog
    from explorer.ui.settings import Settings

    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a: pytest.fail(f"unexpected question: {a[2]}"))
    content = load()
    art = DiagramArt(diagram_svg(), list(content.regions))
    start = Handout(conditions=("greater-trochanteric-pain-syndrome",))
    for exercise in ("clam", "bridge", "side-plank"):
        start = start.with_exercise(content, exercise)
    dialog = HandoutDialog(content, art, Settings(tmp_path / "s.ini"), start)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def _names(dialog: object) -> list[str]:
    return [e.exercise for e in dialog.handout().exercises]  # type: ignore[attr-defined]


def test_builder_changes_can_be_undone_and_redone(builder: object, qtbot: QtBot) -> None:
    from PySide6.QtCore import Qt

    dialog: object = builder
    table = dialog.table  # type: ignore[attr-defined]
    assert not dialog.isWindowModified()  # type: ignore[attr-defined]
    table.item(1, 1).setText("5")  # the bridge: 5 sets, as if typed into the cell
    assert dialog.handout().exercises[1].sets == "5"  # type: ignore[attr-defined]
    assert dialog.isWindowModified()  # type: ignore[attr-defined]
    table.selectRow(1)
    dialog._on_remove_clicked()  # type: ignore[attr-defined]
    assert _names(dialog) == ["clam", "side-plank"]
    assert dialog.undo_action.text() == "&Undo Remove Bridge"  # type: ignore[attr-defined]

    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert _names(dialog) == ["clam", "bridge", "side-plank"]
    assert dialog.handout().exercises[1].sets == "5"  # the edited dose came back too
    qtbot.keyClick(table, Qt.Key.Key_Z,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert _names(dialog) == ["clam", "side-plank"]  # redone
    dialog.undo_action.trigger()  # type: ignore[attr-defined]

    table.setCurrentCell(2, 0)
    dialog._move(-1)  # type: ignore[attr-defined]
    assert _names(dialog) == ["clam", "side-plank", "bridge"]
    dialog.add_exercise("dead-bug")  # type: ignore[attr-defined]
    assert _names(dialog) == ["clam", "side-plank", "bridge", "dead-bug"]
    for _ in range(3):  # the add, the move, then the dose edit
        dialog.undo_action.trigger()  # type: ignore[attr-defined]
    assert _names(dialog) == ["clam", "bridge", "side-plank"]
    assert dialog.handout().exercises[1].sets != "5"  # type: ignore[attr-defined]
    assert not dialog.undo_action.isEnabled()  # type: ignore[attr-defined]
    assert not dialog.isWindowModified()  # type: ignore[attr-defined]


def test_closing_with_unsaved_changes_asks_first(builder: object, tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtWidgets import QFileDialog, QMessageBox

    dialog: object = builder
    answers: list[QMessageBox.StandardButton] = []
    asked: list[str] = []

    def answer(*args: object) -> QMessageBox.StandardButton:
        asked.append(str(args[2]))
        return answers.pop(0)

    monkeypatch.setattr(QMessageBox, "question", answer)
    dialog.table.item(0, 5).setText("Slowly")  # type: ignore[attr-defined]

    answers.append(QMessageBox.StandardButton.Cancel)
    assert not dialog.close()  # type: ignore[attr-defined]
    assert dialog.isVisible() and "not saved" in asked[0]  # type: ignore[attr-defined]
    assert dialog.handout().exercises[0].note == "Slowly"  # type: ignore[attr-defined]

    # Open... with unsaved changes asks too, before choosing a file
    opened: list[str] = []
    monkeypatch.setattr(QFileDialog, "getOpenFileName",
                        lambda *a: opened.append("chooser") or ("", ""))
    answers.append(QMessageBox.StandardButton.Cancel)
    dialog._on_open_clicked()  # type: ignore[attr-defined]
    assert len(asked) == 2 and not opened

    # Save... from the question writes the file, then the dialog closes
    path = tmp_path / "kim.json"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a: (str(path), ""))
    answers.append(QMessageBox.StandardButton.Save)
    assert dialog.close()  # type: ignore[attr-defined]
    assert read_handout(path).exercises[0].note == "Slowly"
    assert dialog.windowTitle() == "Exercise handout — kim.json[*]"  # type: ignore[attr-defined]


def test_a_cell_still_being_edited_counts_when_closing(
        builder: object, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    """A note typed in a cell, the cell still open, then the window's close box (or
    Quit): no focus moves, so the text was not in the table yet. No question was asked
    and the note was lost; now it is asked about, and Cancel keeps it."""
    from PySide6.QtWidgets import QLineEdit, QMessageBox

    dialog: object = builder
    asked: list[str] = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a: asked.append(str(a[2]))
                        or QMessageBox.StandardButton.Cancel)
    table = dialog.table  # type: ignore[attr-defined]
    table.setCurrentCell(0, 5)
    table.editItem(table.item(0, 5))
    editor = next(e for e in table.viewport().findChildren(QLineEdit) if e.isVisible())
    qtbot.keyClicks(editor, "Stop if pain goes above 5/10")
    assert not dialog.close()  # type: ignore[attr-defined]
    assert asked and "not saved" in asked[0]
    assert dialog.isVisible()  # type: ignore[attr-defined]
    assert dialog.handout().exercises[0].note == "Stop if pain goes above 5/10"  # type: ignore[attr-defined]


def test_closing_saved_or_discarded_handout(builder: object, tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtWidgets import QMessageBox

    dialog: object = builder
    dialog.patient.setText("Kim")  # type: ignore[attr-defined]
    assert dialog.save_to(tmp_path / "kim.json")  # type: ignore[attr-defined]
    assert not dialog.isWindowModified()  # type: ignore[attr-defined]
    assert dialog.close()  # type: ignore[attr-defined]  # saved: no question
    dialog.show()  # type: ignore[attr-defined]
    dialog.patient.setText("Kim Lee")  # type: ignore[attr-defined]
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a: QMessageBox.StandardButton.Discard)
    assert dialog.close()  # type: ignore[attr-defined]
    assert read_handout(tmp_path / "kim.json").patient == "Kim"


def test_handout_command_brings_back_the_open_builder(open_window: object,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtWidgets import QMessageBox

    window = open_window()  # type: ignore[operator]
    window.handout_action.trigger()
    first = window.handout_dialog
    first.patient.setText("Kim")
    window.handout_action.trigger()
    assert window.handout_dialog is first and first.patient.text() == "Kim"
    # quitting with that unsaved handout asks; Cancel keeps both open
    monkeypatch.setattr(QMessageBox, "question", lambda *a: QMessageBox.StandardButton.Cancel)
    assert not window.close()
    assert window.isVisible() and first.isVisible()
    monkeypatch.setattr(QMessageBox, "question", lambda *a: QMessageBox.StandardButton.Discard)
    assert window.close()
    window.show()
    window.handout_action.trigger()  # the closed one is replaced by a fresh one
    assert window.handout_dialog is not first and window.handout_dialog.patient.text() == ""


@pytest.mark.parametrize("planner_first", [False, True])
def test_an_opened_handouts_running_log_shows_in_the_planner(
        open_window: object, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        planner_first: bool) -> None:
    """The planner showed the log it had (none), not the file's three runs, and its next
    edit replaced the file's log in the handout without a word."""
    from PySide6.QtWidgets import QMessageBox

    from explorer.model.running_load import Run

    # closing at the end: the run added is not saved
    monkeypatch.setattr(QMessageBox, "question", lambda *a: QMessageBox.StandardButton.Discard)

    path = tmp_path / "kim.json"
    write_handout(path, Handout(patient="Kim", runs=((1, 8.0), (4, 10.0), (8, 12.0))))
    window = open_window()  # type: ignore[operator]
    if planner_first:
        window.planner_action.trigger()
    window.handout_action.trigger()
    dialog = window.handout_dialog
    assert dialog.open_from(path)
    window.planner_action.trigger()
    runs = [(r.day, r.distance) for r in window.planner.log.runs]
    assert sorted(runs) == [(1, 8.0), (4, 10.0), (8, 12.0)]
    assert not dialog.isWindowModified()  # showing it changed nothing
    window.planner.set_runs([*window.planner.log.runs, Run(0, 5.0)], "km")  # one run more
    assert sorted(dialog.handout().runs) == [(0, 5.0), (1, 8.0), (4, 10.0), (8, 12.0)]


def test_adding_several_exercises_is_one_step(builder: object, qtbot: QtBot) -> None:
    """Ctrl-click picks several in the catalogue; one click on Add adds them in the
    catalogue's order, as one step to undo."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QPushButton

    dialog: object = builder
    catalogue = dialog.catalogue  # type: ignore[attr-defined]
    stack = dialog.history.stack  # type: ignore[attr-defined]
    add = next(b for b in dialog.findChildren(QPushButton)  # type: ignore[attr-defined]
               if b.text() == "&Add →")
    qtbot.mouseClick(add, Qt.MouseButton.LeftButton)  # nothing chosen: no step
    assert stack.count() == 0
    rows = {catalogue.item(r).data(Qt.ItemDataRole.UserRole): r
            for r in range(catalogue.count())}
    modifiers = Qt.KeyboardModifier.NoModifier
    for exercise_id in ("pelvic-tilt", "clam", "dead-bug"):  # clam is already there
        item = catalogue.item(rows[exercise_id])
        catalogue.scrollToItem(item)
        qtbot.mouseClick(catalogue.viewport(), Qt.MouseButton.LeftButton, modifiers,
                         catalogue.visualItemRect(item).center())
        modifiers = Qt.KeyboardModifier.ControlModifier
    assert len(catalogue.selectedItems()) == 3
    qtbot.mouseClick(add, Qt.MouseButton.LeftButton)
    added = sorted(["dead-bug", "pelvic-tilt"], key=rows.__getitem__)
    assert _names(dialog)[3:] == added
    assert stack.count() == 1 and stack.undoText() == "Add 2 exercises"
    dialog.undo_action.trigger()  # type: ignore[attr-defined]
    assert _names(dialog) == ["clam", "bridge", "side-plank"]


def _focus(qtbot: QtBot, widget: object) -> None:
    """Give `widget` the keyboard focus in its active window, as a click or Tab would."""
    widget.window().activateWindow()  # type: ignore[attr-defined]
    widget.setFocus()  # type: ignore[attr-defined]
    qtbot.waitUntil(widget.hasFocus)  # type: ignore[attr-defined]


def test_enter_adds_only_from_the_catalogue(builder: object, qtbot: QtBot,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    """No button is the dialog's default: Enter in the name field does nothing and
    Enter on a table row edits the cell. Enter (or a double-click) in the catalogue
    adds its chosen exercise."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import (
        QAbstractItemView,
        QApplication,
        QLineEdit,
        QMessageBox,
        QPushButton,
    )

    monkeypatch.setattr(QMessageBox, "question",  # closing at the end drops the edits
                        lambda *a: QMessageBox.StandardButton.Discard)
    dialog: object = builder
    catalogue = dialog.catalogue  # type: ignore[attr-defined]
    table = dialog.table  # type: ignore[attr-defined]
    rows = {catalogue.item(r).data(Qt.ItemDataRole.UserRole): r
            for r in range(catalogue.count())}
    catalogue.setCurrentRow(rows["dead-bug"])  # chosen in the list, not yet added

    _focus(qtbot, dialog.patient)  # type: ignore[attr-defined]
    qtbot.keyClicks(dialog.patient, "Kim")  # type: ignore[attr-defined]
    qtbot.keyClick(dialog.patient, Qt.Key.Key_Return)  # type: ignore[attr-defined]
    assert _names(dialog) == ["clam", "bridge", "side-plank"]

    table.setCurrentCell(1, 0)
    _focus(qtbot, table)
    qtbot.keyClick(table, Qt.Key.Key_Return)
    assert _names(dialog) == ["clam", "bridge", "side-plank"]
    assert table.state() == QAbstractItemView.State.EditingState  # the bridge's sets
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit) and editor.text() == "3"
    editor.selectAll()
    qtbot.keyClicks(editor, "4")
    qtbot.keyClick(editor, Qt.Key.Key_Return)  # commits the edit, adds nothing
    qtbot.waitUntil(lambda: table.state() != QAbstractItemView.State.EditingState)
    assert _names(dialog) == ["clam", "bridge", "side-plank"]
    assert dialog.handout().exercises[1].sets == "4"  # type: ignore[attr-defined]

    _focus(qtbot, catalogue)
    qtbot.keyClick(catalogue, Qt.Key.Key_Return)
    assert _names(dialog) == ["clam", "bridge", "side-plank", "dead-bug"]
    item = catalogue.item(rows["pelvic-tilt"])
    catalogue.scrollToItem(item)
    where = catalogue.visualItemRect(item).center()
    qtbot.mouseClick(catalogue.viewport(), Qt.MouseButton.LeftButton, pos=where)
    qtbot.mouseDClick(catalogue.viewport(), Qt.MouseButton.LeftButton, pos=where)
    assert _names(dialog) == ["clam", "bridge", "side-plank", "dead-bug", "pelvic-tilt"]
    assert dialog.history.stack.count() == 3  # type: ignore[attr-defined]
    assert not any(b.isDefault() or b.autoDefault()  # nor on any other button
                   for b in dialog.findChildren(QPushButton))  # type: ignore[attr-defined]
    add = next(b for b in dialog.findChildren(QPushButton)  # type: ignore[attr-defined]
               if b.text() == "&Add →")
    catalogue.setCurrentRow(rows["step-down"])
    _focus(qtbot, add)
    qtbot.keyClick(add, Qt.Key.Key_Return)  # Enter on a focused button presses it
    assert _names(dialog)[-1] == "step-down"


def test_delete_removes_the_selected_rows(builder: object, qtbot: QtBot) -> None:
    """Delete on the table removes the selected exercises as "Remove" does, as one step
    to undo; while a cell is being edited it is the editor's."""
    from conftest import edit_cell
    from PySide6.QtCore import Qt

    dialog: object = builder
    table = dialog.table  # type: ignore[attr-defined]
    table.setCurrentCell(1, 0)
    table.selectRow(1)
    _focus(qtbot, table)
    qtbot.keyClick(table, Qt.Key.Key_Delete)
    assert _names(dialog) == ["clam", "side-plank"]
    assert dialog.undo_action.text() == "&Undo Remove Bridge"  # type: ignore[attr-defined]
    dialog.undo_action.trigger()  # type: ignore[attr-defined]
    assert _names(dialog) == ["clam", "bridge", "side-plank"]

    editor = edit_cell(table, 0, 5)
    qtbot.keyClick(editor, Qt.Key.Key_Delete)
    assert _names(dialog) == ["clam", "bridge", "side-plank"]
    qtbot.keyClick(editor, Qt.Key.Key_Escape)  # nothing changed: nothing to save


def test_tab_leaves_the_note(builder: object, qtbot: QtBot) -> None:
    """The note is a line or two for the patient: Tab moves on to the next field, as
    Shift+Tab moves back, and types no tab character."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    dialog: object = builder
    note = dialog.note  # type: ignore[attr-defined]
    _focus(qtbot, note)
    qtbot.keyClicks(note, "Easy")
    qtbot.keyClick(note, Qt.Key.Key_Tab)
    assert note.toPlainText() == "Easy"
    assert QApplication.focusWidget() is not note
    assert QApplication.focusWidget() is dialog.catalogue  # type: ignore[attr-defined]
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Backtab,
                   Qt.KeyboardModifier.ShiftModifier)
    assert QApplication.focusWidget() is note
    note.clear()  # nothing left unsaved when the dialog closes


def test_builder_chooses_the_hip(builder: object, qtbot: QtBot, tmp_path: Path) -> None:
    """The builder starts on the window's side and can print for the other hip: the
    header says so, and the saved file keeps it."""
    from pdf_pages import pages_text
    from PySide6.QtCore import Qt

    from explorer.report.output import write_pdf
    from explorer.report.pages import Header
    from explorer.ui.handout_dialog import HandoutDialog

    dialog = builder
    assert dialog.side.currentText() == "Right hip"  # type: ignore[attr-defined]
    assert not dialog.isWindowModified()  # type: ignore[attr-defined]
    dialog.side.setFocus()  # type: ignore[attr-defined]
    qtbot.keyClick(dialog.side, Qt.Key.Key_Down)  # type: ignore[attr-defined]
    handout = dialog.handout()  # type: ignore[attr-defined]
    assert handout.side == "left"
    assert dialog.isWindowModified()  # type: ignore[attr-defined]
    job = dialog.job()  # type: ignore[attr-defined]
    out = tmp_path / "left.pdf"
    write_pdf(out, job, Header(job.title, side=handout.side))
    first = pages_text(out)[0]
    assert "Left hip" in first and "Right hip" not in first
    assert dialog.save_to(tmp_path / "left.json")  # type: ignore[attr-defined]
    assert not dialog.isWindowModified()  # type: ignore[attr-defined]
    assert read_handout(tmp_path / "left.json").side == "left"
    other = HandoutDialog(dialog.content, dialog.art, dialog.settings,  # type: ignore
                          Handout())
    qtbot.addWidget(other)
    assert other.side.currentText() == "Right hip"
    assert other.open_from(tmp_path / "left.json")
    assert other.side.currentText() == "Left hip" and other.handout() == handout


def test_tab_reaches_every_control_and_each_button_has_an_alt_key(
        builder: object, qtbot: QtBot) -> None:
    """Tab went round the table's cells for ever: Remove, Move, Undo, Save, Print,
    Export and Close could not be reached from the keyboard, and had no Alt+letter."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication, QPushButton

    dialog: object = builder
    buttons = dialog.findChildren(QPushButton)  # type: ignore[attr-defined]
    _focus(qtbot, dialog.patient)  # type: ignore[attr-defined]
    reached = []
    for _ in range(40):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        reached.append(QApplication.focusWidget())
    assert reached.count(dialog.table) <= 2  # type: ignore[attr-defined]  # once a round
    assert {b.text() for b in buttons if b.isEnabled()} <= {
        w.text() for w in reached if isinstance(w, QPushButton)}
    letters = [b.text().split("&")[1][0].lower() for b in buttons if "&" in b.text()]
    assert len(letters) == len(buttons) == len(set(letters))  # each its own letter
    dialog.table.selectRow(0)  # type: ignore[attr-defined]
    _focus(qtbot, dialog.table)  # type: ignore[attr-defined]
    before = _names(dialog)
    qtbot.keyClick(dialog.table, Qt.Key.Key_R, Qt.KeyboardModifier.AltModifier)  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: _names(dialog) == before[1:])  # Alt+R: Remove (animated)
    qtbot.keyClick(dialog.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # type: ignore[attr-defined]
    assert _names(dialog) == before and not dialog.isWindowModified()  # type: ignore[attr-defined]


def test_export_and_save_suggest_the_patients_name_and_say_where_the_file_went(
        builder: object, qtbot: QtBot, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Export and Save always offered "exercise-handout.pdf" and "handout.json", whoever
    the patient (the last patient's file, one Enter away from being replaced), and an
    export from the builder said nothing at all when it was done."""
    from PySide6.QtWidgets import QFileDialog, QStatusBar

    dialog: object = builder
    dialog.settings.set("print/last_folder", str(tmp_path))  # type: ignore[attr-defined]
    dialog.patient.setText("Kim O'Lee")  # type: ignore[attr-defined]
    offered: list[str] = []

    def save_as(_parent: object, _title: str, start: str, _filters: str) -> tuple[str, str]:
        offered.append(start)
        return start, ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_as)
    bar = dialog.findChild(QStatusBar)  # type: ignore[attr-defined]
    dialog.show()  # type: ignore[attr-defined]
    qtbot.waitExposed(dialog)
    assert not bar.isVisible()  # no empty strip under the buttons (a row on a short screen)
    dialog._on_export_clicked()  # type: ignore[attr-defined]
    pdf = tmp_path / "exercise-handout-kim-o-lee.pdf"
    assert offered == [str(pdf)] and pdf.exists()
    assert bar.currentMessage().startswith(f"Saved {pdf} (")  # and how many pages
    assert bar.isVisible()
    dialog._on_save_clicked()  # type: ignore[attr-defined]
    saved = tmp_path / "handout-kim-o-lee.json"
    assert offered[1] == str(saved) and read_handout(saved).patient == "Kim O'Lee"
    assert bar.currentMessage() == f"Saved {saved}"
    bar.clearMessage()  # as its time runs out
    assert not bar.isVisible()


def test_typing_a_name_in_the_exercise_list_finds_a_suggested_exercise_too(
        builder: object, qtbot: QtBot) -> None:
    """The suggested exercises began with "★ ", so typing "Cl" went to "Copenhagen…"
    rather than the suggested "Clam"."""
    from PySide6.QtCore import Qt

    dialog: object = builder
    catalogue = dialog.catalogue  # type: ignore[attr-defined]
    clam = next(row for row in range(catalogue.count())
                if catalogue.item(row).data(Qt.ItemDataRole.UserRole) == "clam")
    assert "★" in catalogue.item(clam).text()  # a suggested one
    catalogue.setCurrentRow(catalogue.count() - 1)
    _focus(qtbot, catalogue)
    qtbot.keyClicks(catalogue, "Cl")
    assert catalogue.currentItem().data(Qt.ItemDataRole.UserRole) == "clam"


def test_open_and_save_start_where_the_last_handout_file_was(
        builder: object, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A new builder's Open started in the home folder while Save started where the last
    PDF went; saving a handout did not count. Both start where the last handout file
    was opened or saved."""
    from PySide6.QtWidgets import QFileDialog

    from explorer.ui.handout_dialog import HandoutDialog

    folder = tmp_path / "patients"
    folder.mkdir()
    dialog: object = builder
    assert dialog.save_to(folder / "kim.json")  # type: ignore[attr-defined]
    fresh = HandoutDialog(dialog.content, dialog.art, dialog.settings,  # type: ignore[attr-defined]
                          Handout())
    qtbot.addWidget(fresh)
    starts: list[str] = []
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a: starts.append(a[2]) or ("", ""))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a: starts.append(a[2]) or ("", ""))
    fresh._on_open_clicked()  # type: ignore[attr-defined]
    fresh._on_save_clicked()  # type: ignore[attr-defined]
    assert Path(starts[0]) == folder and Path(starts[1]).parent == folder


def test_moving_and_removing_keep_the_keyboards_place(builder: object, qtbot: QtBot) -> None:
    """Move up moved only the current row of two selected and dropped the selection;
    after Delete, or after Undo of a move, no row was current, so Delete or Alt+U again
    did nothing until the user clicked a row."""
    from PySide6.QtCore import QItemSelectionModel, Qt

    dialog: Any = builder
    dialog.add_exercise("dead-bug")
    table = dialog.table
    _focus(qtbot, table)
    table.setCurrentCell(1, 1)  # the bridge, then Ctrl+click on the dead bug
    table.selectionModel().setCurrentIndex(
        table.model().index(3, 1), QItemSelectionModel.SelectionFlag.Select
        | QItemSelectionModel.SelectionFlag.Rows)

    def selected() -> list[str]:
        return [_names(dialog)[row] for row in sorted({i.row() for i in table.selectedIndexes()})]

    def current() -> str:
        return _names(dialog)[table.currentRow()]

    assert selected() == ["bridge", "dead-bug"]
    qtbot.keyClick(table, Qt.Key.Key_U, Qt.KeyboardModifier.AltModifier)  # Move up
    qtbot.waitUntil(lambda: _names(dialog) == ["bridge", "clam", "dead-bug", "side-plank"])
    assert selected() == ["bridge", "dead-bug"] and current() == "dead-bug"
    assert dialog.undo_action.text() == "&Undo Move 2 exercises"
    qtbot.keyClick(table, Qt.Key.Key_D, Qt.KeyboardModifier.AltModifier)  # and down again
    qtbot.waitUntil(lambda: _names(dialog) == ["clam", "bridge", "side-plank", "dead-bug"])
    assert selected() == ["bridge", "dead-bug"]

    qtbot.keyClick(table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # Undo the move
    assert _names(dialog) == ["bridge", "clam", "dead-bug", "side-plank"]
    assert selected() == ["bridge", "dead-bug"] and current() == "dead-bug"
    qtbot.keyClick(table, Qt.Key.Key_Delete)
    assert _names(dialog) == ["clam", "side-plank"]
    assert selected() == ["clam"] and current() == "clam"  # the next row
    qtbot.keyClick(table, Qt.Key.Key_Delete)  # Delete again: the next one goes
    assert _names(dialog) == ["side-plank"] and current() == "side-plank"
    qtbot.keyClick(table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert _names(dialog) == ["clam", "side-plank"] and selected() == ["clam"]
    qtbot.keyClick(table, Qt.Key.Key_Z,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert _names(dialog) == ["side-plank"] and current() == "side-plank"  # redone
    table.setCurrentCell(0, 1)
    qtbot.keyClick(table, Qt.Key.Key_Delete)  # the last one: nothing left to select
    assert _names(dialog) == [] and table.currentRow() == -1
    for _ in range(3):  # the three Deletes
        dialog.undo_action.trigger()
    assert _names(dialog) == ["bridge", "clam", "dead-bug", "side-plank"]
    assert selected() == ["bridge", "dead-bug"]  # as before the Delete
    while dialog.undo_action.isEnabled():
        dialog.undo_action.trigger()  # nothing left unsaved


def test_a_dose_that_is_no_count_is_not_printed() -> None:
    """The builder printed "3.5 x 10 reps" and "2 sets of 1e9"."""
    from explorer.model.handout import HandoutExercise

    for sets, reps, bad in (("3.5", "10", ("sets",)), ("2", "1e9", ("reps",)),
                            ("2", "9" * 5000, ("reps",)), ("3", "10-15", ())):
        assert HandoutExercise("clam", sets=sets, reps=reps).bad_counts == bad
