"""The running plan printed in a handout keeps the planner's lines: each spike on its own
line of a list, and each sentence after them on its own line, as the dialog shows them."""

from __future__ import annotations

from pathlib import Path

from pypdf import PdfReader
from pytestqt.qtbot import QtBot

from explorer.cli import load
from explorer.model.handout import Handout, read_handout, write_handout
from explorer.model.running_load import Run
from explorer.paths import builtin_content_dir, diagram_svg
from explorer.report.documents import handout_job
from explorer.report.output import write_pdf
from explorer.report.pages import Header, HtmlFlowable
from explorer.ui.charts import LoadPlanner
from explorer.ui.diagram_art import DiagramArt
from explorer.ui.settings import Settings
from explorer.ui.startup import build_window

# the README screenshot's runs: spikes of 12% and 27%
RUNS = ((40, 8.0), (36, 6.0), (33, 9.0), (29, 5.0), (26, 9.5), (22, 6.0), (19, 10.0),
        (15, 6.0), (12, 10.5), (8, 7.0), (5, 11.0), (1, 14.0))


def test_the_printed_plan_keeps_its_lines(qtbot: QtBot, tmp_path: Path) -> None:
    content = load()
    handout = Handout(conditions=("greater-trochanteric-pain-syndrome",), runs=RUNS,
                      unit="km")
    job = handout_job(content, DiagramArt(diagram_svg(), list(content.regions)), handout)
    planner = LoadPlanner([Run(day, distance) for day, distance in RUNS], "km")
    qtbot.addWidget(planner)
    lines = planner.summary_text().splitlines()
    assert len(lines) == 5 and lines[1].startswith("- 9.0 km") and lines[2].startswith("- ")

    # in the handout's layout: the spikes are items of one list, the rest paragraphs
    (plan,) = [flow for flow in job.flowables if isinstance(flow, HtmlFlowable)
               and "Your running plan" in flow.html]
    block = plan.document(600).begin()
    blocks = []
    while block.isValid():
        blocks.append((block.text(), block.textList() is not None))
        block = block.next()
    expected = [(line.removeprefix("- "), line.startswith("- ")) for line in lines]
    assert blocks[-len(expected):] == expected

    # on paper: each spike starts a line of its own, with no stray "- "
    out = tmp_path / "plan.pdf"
    write_pdf(out, job, Header(job.title), "A4")
    text = "\n".join(page.extract_text() for page in PdfReader(out).pages)
    printed = [" ".join(line.split()).strip("• ") for line in text.splitlines()]
    for line in lines:
        start = " ".join(line.removeprefix("- ").split()[:5])
        assert any(row.startswith(start) for row in printed), (start, printed)
    assert not any(" - " in row for row in printed)


def test_a_plan_switched_to_miles_is_saved_and_printed_in_miles(qtbot: QtBot,
                                                              tmp_path: Path) -> None:
    window = build_window([builtin_content_dir()], Settings(tmp_path / "s.ini"))
    qtbot.addWidget(window)
    window.selection.select_condition("greater-trochanteric-pain-syndrome")
    window.planner_action.trigger()
    planner = window.planner
    assert planner.set_runs([Run(day, distance) for day, distance in RUNS], "km")
    with qtbot.waitSignal(planner.plan_updated):
        planner.mi.click()
    lines = planner.summary_text().splitlines()
    assert lines[2] == ("- 8.7 mi yesterday is 27% longer than your longest run in the 30 "
                        "days before (6.8 mi).")
    # the file keeps the distances with their unit: 14 km is saved as 8.7 mi, not 14 mi
    path = tmp_path / "plan.json"
    write_handout(path, window.current_handout())
    handout = read_handout(path)
    assert handout.unit == "mi"
    assert [(day, round(distance * 1.609344, 6)) for day, distance in handout.runs] == \
           sorted(RUNS, key=lambda run: run[0])
    # on paper: the planner's lines, in miles
    job = handout_job(window.content,
                      DiagramArt(diagram_svg(), list(window.content.regions)), handout)
    out = tmp_path / "plan.pdf"
    write_pdf(out, job, Header(job.title), "A4")
    text = " ".join(" ".join(page.extract_text().split()) for page in PdfReader(out).pages)
    for line in lines:
        assert " ".join(line.removeprefix("- ").split()) in text
    assert " km" not in text
    window.chart_dialogs["planner"].close()
