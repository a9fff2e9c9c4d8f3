"""Handout files: round trip, atomic saving, damaged files reported, the builder."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from explorer.cli import load
from explorer.model.handout import (
    Handout,
    HandoutError,
    HandoutExercise,
    read_handout,
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
     "h.json:1: not a readable"),
    (b"\xff\xfe garbage", "not UTF-8"),
    (b'{"format": "something-else"}', "not a Hip Explorer handout"),
    (b'{"format": "hip-explorer-handout", "version": 99}', "version 99 is not supported"),
    (b'{"format": "hip-explorer-handout", "version": 1, "regions": {"outer": 42}}', "0-10"),
    (b'{"format": "hip-explorer-handout", "version": 1, "exercises": [{"sets": "3"}]}',
     "exercise 1: 'exercise' is missing"),
    (b'{"format": "hip-explorer-handout", "version": 1, "patient": ["x"]}', "should be text"),
    (b'{"format": "hip-explorer-handout", "version": 1, "baseline": [30, 12]}',
     "'baseline' should be {\"weekly_distance\": number, \"longest_run\": number}"),
    (b'{"format": "hip-explorer-handout", "version": 1,'
     b' "baseline": {"weekly_distance": 30, "longest_run": true}}', "'baseline' should be"),
])
def test_damaged_files_are_reported(tmp_path: Path, data: bytes, message: str) -> None:
    path = tmp_path / "h.json"
    path.write_bytes(data)
    with pytest.raises(HandoutError, match=message.replace("(", r"\(")):
        read_handout(path)


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
    assert suggested.text().startswith("★")
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
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: warnings.append(a[2]))
    broken = tmp_path / "broken.json"
    broken.write_text("{ not json")
    assert not dialog.open_from(broken)
    assert "not a readable handout file" in warnings[0] and "unchanged" in warnings[0]
    assert dialog.handout() == saved  # nothing lost

    other = HandoutDialog(content, art, Settings(tmp_path / "s.ini"), Handout())
    qtbot.addWidget(other)
    assert other.open_from(path)
    assert other.handout() == saved
