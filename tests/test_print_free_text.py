"""A handout's free text prints trimmed: a note or a dose of only spaces prints nothing,
not an empty "Note:" label; the builder's table keeps them trimmed too."""

from __future__ import annotations

from pathlib import Path

import pytest
from pdf_pages import pages_text, text_places
from pypdf import PdfReader
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from explorer.cli import load
from explorer.model import Content
from explorer.model.handout import Handout, HandoutExercise
from explorer.paths import diagram_svg
from explorer.report.documents import handout_job
from explorer.report.output import write_pdf
from explorer.report.pages import Header, HtmlFlowable
from explorer.ui.diagram_art import DiagramArt
from explorer.ui.handout_dialog import HandoutDialog
from explorer.ui.settings import Settings


@pytest.fixture(scope="module")
def content() -> Content:
    return load()


def test_a_note_of_only_spaces_prints_no_note(qapp: object, tmp_path: Path,
                                              content: Content) -> None:
    handout = Handout(patient="  ", clinician_note=" \n ", exercises=(
        HandoutExercise("clam", sets=" ", reps=" 12 ", frequency="  ", note="   "),
        HandoutExercise("bridge", note="  Keep it slow.  ")))
    job = handout_job(content, DiagramArt(diagram_svg(), list(content.regions)), handout)
    out = tmp_path / "handout.pdf"
    write_pdf(out, job, Header(job.title))
    text = " ".join(pages_text(out))
    assert text.count("Note:") == 1 and "Note: Keep it slow." in text
    clam = text[text.index("Clam"):text.index("Bridge")]
    assert "Dose: 12 reps" in clam
    assert "For:" not in text and "Note from your clinician" not in text
    assert job.title == "Exercise plan"


def test_a_direction_override_in_a_handouts_words_does_not_reverse_them(
        qapp: object, tmp_path: Path, content: Content,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """A name with a right-to-left override printed reversed ("Kim eeL Park"); content
    files refuse the override, a handout's words print as they were typed."""
    rlo, pop = "\u202e", "\u202c"
    handout = Handout(patient=f"Kim {rlo}Lee{pop} Park", clinician_note=f"Walk {rlo}flat",
                      exercises=(HandoutExercise("clam", note=f"{rlo}Slowly"),))
    job = handout_job(content, DiagramArt(diagram_svg(), list(content.regions)), handout)
    out = tmp_path / "handout.pdf"
    write_pdf(out, job, Header(job.title))
    text = " ".join(pages_text(out))  # extracted in the order typed, reversed or not
    assert "For: Kim Lee Park" in text and "Walk flat" in text and "Note: Slowly" in text
    # what is laid out on the page: no override left to reverse it
    assert not [f.html for f in job.flowables if isinstance(f, HtmlFlowable) and rlo in f.html]
    painted: list[str] = []
    monkeypatch.setattr(QPainter, "drawText", lambda _p, *args: painted.append(str(args[-1])))
    write_pdf(out, job, Header(job.title))
    title = next(text for text in painted if text.startswith("Exercise plan for"))
    assert title.replace(pop, "") == "Exercise plan for Kim Lee Park"  # the header's


def test_the_builder_keeps_a_note_of_only_spaces_as_none(
        qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        content: Content) -> None:
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *_: QMessageBox.StandardButton.Discard)
    start = Handout().with_exercise(content, "clam")
    dialog = HandoutDialog(content, DiagramArt(diagram_svg(), list(content.regions)),
                           Settings(tmp_path / "s.ini"), start)
    qtbot.addWidget(dialog)
    table = dialog.table
    table.item(0, table.columnCount() - 1).setText("   ")  # as typed in the note's cell
    table.item(0, 1).setText(" 3 ")  # the sets
    item = dialog.handout().exercises[0]
    assert item.note == "" and item.sets == "3"


def test_a_note_prints_its_lines_and_indents_as_typed(qapp: object, tmp_path: Path,
                                                      content: Content) -> None:
    """A plan typed line by line printed as one run-on line ("Plan: Monday: walk...")."""
    note = "\n\nPlan:\nMonday: walk\n    then stretch\nFriday: bike\n\nSee you soon."
    job = handout_job(content, DiagramArt(diagram_svg(), list(content.regions)),
                      Handout(clinician_note=note, exercises=(HandoutExercise("clam"),)))
    out = tmp_path / "handout.pdf"
    write_pdf(out, job, Header(job.title))
    placed = {text: (x, y) for page, text, _size, x, y in text_places(out) if page == 0}
    lines = ["Plan:", "Monday: walk", "then stretch", "Friday: bike", "See you soon."]
    assert all(line in placed for line in lines), sorted(placed)
    tops = [placed[line][1] for line in lines]
    assert tops == sorted(tops, reverse=True) and len(set(tops)) == len(lines)  # a line each
    runs = []
    PdfReader(out).pages[0].extract_text(visitor_text=lambda text, *_: runs.append(text))
    # its indent kept: Qt's PDFs write each space as a tab
    assert "\t\t\t\tthen\tstretch" in runs and "Friday:\tbike" in runs
