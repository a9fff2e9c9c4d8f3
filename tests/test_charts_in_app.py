"""The charts inside the app: opened from the window, and printed in handouts."""

from __future__ import annotations

from pathlib import Path

from pypdf import PdfReader
from pytestqt.qtbot import QtBot

from explorer.cli import load, main
from explorer.model.handout import Handout, HandoutExercise, read_handout, write_handout
from explorer.model.running_load import Baseline, Run
from explorer.paths import builtin_content_dir, diagram_svg
from explorer.report.documents import handout_job
from explorer.report.output import write_pdf
from explorer.report.pages import Header
from explorer.ui.diagram_art import DiagramArt
from explorer.ui.settings import Settings
from explorer.ui.startup import build_window

RUNS = ((20, 8.0), (13, 9.0), (6, 10.0), (1, 14.0))  # the last one is a spike


def images_on(path: Path) -> list[tuple[int, int]]:
    """(width, height) of every image drawn on the pages (read from the PDF objects)."""
    sizes = []
    for page in PdfReader(path).pages:
        objects = page.get("/Resources", {}).get("/XObject", {})
        for ref in objects.values():
            obj = ref.get_object()
            if obj.get("/Subtype") == "/Image":
                sizes.append((int(obj["/Width"]), int(obj["/Height"])))
    return sizes


def test_window_opens_charts_and_remembers_runs(qtbot: QtBot, tmp_path: Path) -> None:
    window = build_window([builtin_content_dir()], Settings(tmp_path / "s.ini"))
    qtbot.addWidget(window)
    window.selection.select_condition("hip-osteoarthritis")
    window.timeline_action.trigger()
    assert window.chart_dialogs["timeline"].isVisible()
    assert "weeks" in window.timeline_chart.summary_text()
    window.selection.select_condition("greater-trochanteric-pain-syndrome")
    gtps = window.content.conditions["greater-trochanteric-pain-syndrome"]
    assert gtps.recovery is not None
    axis = window.timeline_chart.plot_widget.getPlotItem().getAxis("left")
    # the open chart now draws the newly selected condition's phases
    assert sorted(label for _, label in axis._tickLevels[0]) == sorted(
        p.name for p in gtps.recovery.phases)
    window.planner_action.trigger()
    assert window.planner.set_runs([Run(d, x) for d, x in RUNS], "km")
    assert set(window.planner_runs) == set(RUNS)
    handout = window.current_handout()
    assert set(handout.runs) == set(RUNS) and handout.recovery_chart
    for dialog in window.chart_dialogs.values():
        dialog.close()


def test_charts_printed_in_handout(qapp: object, tmp_path: Path) -> None:
    content = load()
    art = DiagramArt(diagram_svg(), list(content.regions))
    handout = Handout(conditions=("greater-trochanteric-pain-syndrome",), recovery_chart=True,
                      runs=RUNS, exercises=(HandoutExercise("clam"),))
    job = handout_job(content, art, handout)
    out = tmp_path / "charts.pdf"
    write_pdf(out, job, Header(job.title))
    text = " ".join(" ".join(p.extract_text().split()) for p in PdfReader(out).pages)
    assert "Your recovery timeline" in text and "Your running plan" in text
    # the spike, in words
    assert ("14.0 km yesterday is 40% longer than your longest run in the 30 days before "
            "(10.0 km)") in text
    big = [size for size in images_on(out) if size[0] >= 1500]
    assert len(big) == 2, f"two crisp chart images expected, found {images_on(out)}"
    plain = tmp_path / "plain.pdf"
    write_pdf(plain, handout_job(content, art, Handout(exercises=(HandoutExercise("clam"),))),
              Header("x"))
    assert not [s for s in images_on(plain) if s[0] >= 1500]


def test_handout_file_keeps_runs_and_cli_prints_charts(tmp_path: Path) -> None:
    handout = Handout(conditions=("hip-osteoarthritis",), recovery_chart=True, runs=RUNS,
                      unit="mi")
    path = tmp_path / "h.json"
    write_handout(path, handout)
    assert read_handout(path) == handout
    out = tmp_path / "h.pdf"
    assert main(["export", "-o", str(out), "--handout", str(path)]) == 0
    assert len([s for s in images_on(out) if s[0] >= 1500]) == 2


def test_usual_week_reaches_the_handout_file_and_print(qtbot: QtBot, tmp_path: Path) -> None:
    window = build_window([builtin_content_dir()], Settings(tmp_path / "s.ini"))
    qtbot.addWidget(window)
    window.planner_action.trigger()
    with qtbot.waitSignal(window.planner.plan_updated):
        assert window.planner.set_runs([], "mi", Baseline(18, 6))
    handout = window.current_handout()
    assert handout.baseline == Baseline(18, 6) and handout.runs == () and handout.unit == "mi"
    assert '"baseline": {\n    "weekly_distance": 18' in handout.to_json()  # readable
    path = tmp_path / "week.json"
    write_handout(path, handout)
    assert read_handout(path) == handout
    out = tmp_path / "week.pdf"
    assert main(["export", "-o", str(out), "--handout", str(path)]) == 0
    text = " ".join(" ".join(p.extract_text().split()) for p in PdfReader(out).pages)
    assert "Your running plan" in text
    assert "From your usual week (18.0 mi, longest run 6.0 mi)" in text
    window.chart_dialogs["planner"].close()


def test_an_open_handout_builder_follows_the_planner(qtbot: QtBot, tmp_path: Path) -> None:
    """Runs entered after the builder opened reach its handout (and its print), and a
    later change replaces them; a plan the user left out stays out."""
    window = build_window([builtin_content_dir()], Settings(tmp_path / "s.ini"))
    qtbot.addWidget(window)
    window.handout_action.trigger()
    builder = window.handout_dialog
    assert not builder.running_plan.isEnabled() and builder.handout().runs == ()
    window.planner_action.trigger()
    assert window.planner.set_runs([Run(d, x) for d, x in RUNS], "km")
    assert builder.running_plan.isEnabled() and builder.running_plan.isChecked()
    assert set(builder.handout().runs) == set(RUNS)
    assert builder.isWindowModified()
    assert window.planner.set_runs([Run(0, 5.0), Run(7, 9.0)], "km")
    assert set(builder.handout().runs) == {(0, 5.0), (7, 9.0)}
    builder.running_plan.setChecked(False)  # the user leaves it out
    assert window.planner.set_runs([Run(0, 6.0), Run(7, 9.0)], "km")
    assert not builder.running_plan.isChecked() and builder.handout().runs == ()
    builder.running_plan.setChecked(True)
    assert set(builder.handout().runs) == {(0, 6.0), (7, 9.0)}
    assert builder.save_to(tmp_path / "h.json")
    assert set(read_handout(tmp_path / "h.json").runs) == {(0, 6.0), (7, 9.0)}
    window.chart_dialogs["planner"].close()


def test_start_over_leaves_nothing_of_the_last_person_to_print(
        qtbot: QtBot, tmp_path: Path, monkeypatch: object) -> None:
    """Start over kept the handout builder open with the last patient's name, and the
    running log went into the next person's handout."""
    import pytest
    from PySide6.QtWidgets import QMessageBox

    assert isinstance(monkeypatch, pytest.MonkeyPatch)
    window = build_window([builtin_content_dir()], Settings(tmp_path / "s.ini"))
    qtbot.addWidget(window)
    window.show()
    window.selection.set_regions(["outer"])
    window.selection.select_condition("greater-trochanteric-pain-syndrome")
    window.planner_action.trigger()
    assert window.planner.set_runs([Run(d, x) for d, x in RUNS], "km", Baseline(30, 10))
    window.handout_action.trigger()
    builder = window.handout_dialog
    assert builder is not None and builder.isVisible()
    builder.patient.setText("Kim Lee")
    answers = [QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Discard]
    monkeypatch.setattr(QMessageBox, "question", lambda *a: answers.pop(0))
    window.start_over_action.trigger()  # Cancel: the handout and everything else stay
    assert builder.isVisible() and window.selection.regions == ["outer"]
    assert window.planner_runs
    window.start_over_action.trigger()  # Discard: the handout goes, then all the rest
    assert not answers and not builder.isVisible()
    assert window.selection.regions == [] and window.planner_runs == ()
    assert window.planner.table.rowCount() == 0 and window.planner.baseline is None
    assert "the running log is cleared" in window.statusBar().currentMessage()
    handout = window.current_handout()
    assert handout.runs == () and handout.baseline is None
    window.handout_action.trigger()  # a new handout, for the next person
    assert window.handout_dialog is not builder
    assert window.handout_dialog is not None and window.handout_dialog.patient.text() == ""
    window.handout_dialog.close()
    for dialog in window.chart_dialogs.values():
        dialog.close()
