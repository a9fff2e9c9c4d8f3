"""Damaged handout files found by the robustness audit: each is a HandoutError that names
the file, in the command line and in the builder, never a traceback or an empty plan. A
running log or usual week the planner cannot use is left out and the user is told why;
the rest of the handout opens."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from pytestqt.qtbot import QtBot

from explorer.cli import main
from explorer.model.handout import HandoutError, from_json, read_handout

HEADER = '{"format": "hip-explorer-handout", "version": 1, '


def pdf_text(path: Path) -> str:
    return " ".join(" ".join(page.extract_text().split()) for page in PdfReader(path).pages)


def handout(**fields: Any) -> str:
    return json.dumps({"format": "hip-explorer-handout", "version": 1, **fields})


@pytest.mark.parametrize(("text", "reason"), [
    (HEADER + '"patient": ' + "[" * 100_000 + "]" * 100_000 + "}", "nested too deeply"),
    (HEADER + '"regions": {"front": ' + "9" * 4301 + "}}", "a number is too long"),
])
def test_unparsable_json_names_the_file(tmp_path: Path, text: str, reason: str) -> None:
    path = tmp_path / "h.json"
    path.write_text(text)
    with pytest.raises(HandoutError, match=rf"^{path}: not a readable handout file \({reason}\)"):
        read_handout(path)


@pytest.mark.parametrize(("runs", "problem"), [
    ([[0, 150.0], [3, 8.0]], "The run today: 150 km is more than 100 km for one run"),
    ([[0, float("nan")]], "The run today: the distance is not a number."),
    ([[0, float("inf")]], "The run today: the distance is not a number."),
    ([[0, 10**400]], "The run today: the distance is not a number."),
    ([[3, -8.0]], "The run 3 days ago: a distance cannot be negative (-8 km)."),
    ([[-2, 8.0]], "A run cannot be in the future (-2 days ago)."),
    ([[10**30, 8.0]], f"{10**30} days ago is too far back"),
    ([[True, 8.0]], "Days ago must be a whole number, not 'True'."),
    ([[1.5, 8.0]], "Days ago must be a whole number, not '1.5'."),
    ([[d, 40.0] for d in range(7)], "add up to 280 km, more than 250 km in a week"),
])
def test_runs_the_planner_refuses_are_left_out_with_the_reason(runs: list[list[Any]],
                                                               problem: str) -> None:
    read = from_json(handout(runs=runs, patient="Kim", exercises=[{"exercise": "clam"}]),
                     "h.json")
    assert read.runs == () and len(read.left_out) == 1
    assert read.left_out[0].startswith("the running log, which the planner cannot use: ")
    assert problem in read.left_out[0]
    assert read.patient == "Kim" and read.exercises[0].exercise == "clam"  # the rest is kept
    assert "left_out" not in read.to_json()  # never saved


@pytest.mark.parametrize("runs", [[[0, "8"]], [[0, True]], [[0]], [0, 8.0], {"0": 8.0}])
def test_runs_of_the_wrong_shape_are_reported(runs: Any) -> None:
    with pytest.raises(HandoutError, match=r"^h\.json: 'runs' should be a list of \[days ago"):
        from_json(handout(runs=runs), "h.json")


@pytest.mark.parametrize(("baseline", "problem"), [
    ({"weekly_distance": 900, "longest_run": 20}, "900 km is more than 250 km"),
    ({"weekly_distance": 30, "longest_run": 40}, "cannot be longer than the whole week"),
    ({"weekly_distance": float("nan"), "longest_run": 10},
     "The usual week must be a finite number, not NaN."),
    ({"weekly_distance": 30, "longest_run": float("inf")},
     "The longest run must be a finite number, not Infinity."),
    ({"weekly_distance": 10**400, "longest_run": float("-inf")},
     f"The usual week must be a finite number, not {'1' + '0' * 58}…. "
     "The longest run must be a finite number, not -Infinity."),
])
def test_baseline_the_planner_refuses_is_left_out_with_the_reason(
        baseline: dict[str, float], problem: str) -> None:
    read = from_json(handout(baseline=baseline, runs=[[0, 8]]), "h.json")
    assert read.baseline is None and read.runs == ((0, 8.0),)
    assert read.left_out[0].startswith("the usual week, which the planner cannot use: ")
    assert problem in read.left_out[0]


def test_a_good_running_log_still_reads_and_saves_as_strict_json() -> None:
    text = handout(runs=[[0, 8], [3, 6.5]], unit="mi",
                   baseline={"weekly_distance": 20, "longest_run": 8})
    read = from_json(text, "h.json")
    assert read.runs == ((0, 8.0), (3, 6.5)) and read.baseline is not None
    assert from_json(read.to_json(), "h.json") == read
    json.loads(read.to_json(), parse_constant=lambda name: pytest.fail(f"{name} written"))


def test_export_of_a_handout_with_bad_runs_says_why(
        qapp: object, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "r8.json"
    path.write_text(handout(conditions=["greater-trochanteric-pain-syndrome"],
                            runs=[[0, 150.0], [3, 8.0], [6, 8.0]]))
    out = tmp_path / "r8.pdf"
    assert main(["export", "--handout", str(path), "-o", str(out)]) == 0
    err = capsys.readouterr().err
    assert (f"hip-explorer: note: {path}: left out the running log, which the planner "
            "cannot use: ") in err and "150 km" in err
    assert "Traceback" not in err
    text = pdf_text(out)
    assert "Greater trochanteric pain syndrome" in text and "running plan" not in text.lower()


def test_builder_opens_a_handout_whose_running_log_it_cannot_use(
        qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtWidgets import QMessageBox

    dialog = builder(qtbot, tmp_path)
    told: list[str] = []

    def shown(box: QMessageBox) -> int:  # the message, as if OK were clicked
        assert box.icon() == QMessageBox.Icon.Information, box.text()
        told.append(box.text())
        return QMessageBox.StandardButton.Ok.value

    monkeypatch.setattr(QMessageBox, "exec", shown)
    path = tmp_path / "kim.json"
    text = handout(patient="Kim", exercises=[{"exercise": "clam", "sets": "3"}],
                   runs=[[0, 150.0], [3, 8.0]])
    path.write_text(text)
    assert dialog.open_from(path)
    assert dialog.handout().patient == "Kim"
    assert [e.exercise for e in dialog.handout().exercises] == ["clam"]
    assert dialog.handout().runs == ()
    assert len(told) == 1
    assert told[0].startswith("Left out: the running log, which the planner cannot use: ")
    assert "150 km" in told[0] and "kim.json itself is unchanged until you save." in told[0]
    assert path.read_text() == text


def builder(qtbot: QtBot, tmp_path: Path, patient: str = "") -> Any:
    from explorer.cli import load
    from explorer.model.handout import Handout
    from explorer.paths import diagram_svg
    from explorer.ui.diagram_art import DiagramArt
    from explorer.ui.handout_dialog import HandoutDialog
    from explorer.ui.settings import Settings

    content = load()
    dialog = HandoutDialog(content, DiagramArt(diagram_svg(), list(content.regions)),
                           Settings(tmp_path / "s.ini"), Handout(patient=patient))
    qtbot.addWidget(dialog)
    return dialog


def test_builder_reports_a_deeply_nested_file(qtbot: QtBot, tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtWidgets import QMessageBox

    dialog = builder(qtbot, tmp_path, patient="Kim")
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: warnings.append(box.text()) or 0)
    path = tmp_path / "nested.json"
    path.write_text(HEADER + '"patient": ' + "[" * 100_000 + "]" * 100_000 + "}")
    assert not dialog.open_from(path)
    assert warnings[0].startswith(f"{path}: not a readable handout file (nested too deeply)")
    assert dialog.handout().patient == "Kim"


# ---- pain levels and regions (QA: "Outer hip (pain True/10)", an unknown region printed) --
@pytest.mark.parametrize(("level", "shown"), [
    (True, "true"), (False, "false"), (7.5, "7.5"), ("7", '"7"'), (-1, "-1"), (11, "11"),
    (None, "null"), ([5], "[5]"), (float("inf"), "Infinity"), (10**400, "1" + "0" * 58 + "…"),
])
def test_a_pain_level_that_is_not_a_whole_number_0_to_10_is_refused(level: Any,
                                                                     shown: str) -> None:
    with pytest.raises(HandoutError) as caught:
        from_json(handout(regions={"front": 2, "outer": level}), "h.json")
    assert str(caught.value) == ("h.json: 'regions' should map region ids to pain levels "
                                 f"0-10 (whole numbers); 'outer' has {shown}")


def test_a_pain_level_written_as_a_whole_float_reads_as_that_number() -> None:
    read = from_json(handout(regions={"outer": 7.0, "back": 0, "front": 10}), "h.json")
    assert read.regions == {"outer": 7, "back": 0, "front": 10}
    assert all(type(level) is int for level in read.regions.values())
    assert '"outer": 7,' in read.to_json()  # saved back as 7, printed "pain 7/10"


def test_regions_not_a_mapping_are_refused() -> None:
    with pytest.raises(HandoutError, match=r"^h\.json: 'regions' should map region ids"):
        from_json(handout(regions=[["outer", 3]]), "h.json")


def test_an_id_in_the_wrong_case_is_noted_with_the_id_to_use(qapp: object) -> None:
    """Ids are lower case: "Outer" or a condition typed with capitals was left out with
    no hint, while the side and the unit are read in any case."""
    from explorer.cli import load
    from explorer.model.handout import unknown_entries

    read = from_json(handout(regions={"Outer": 5}, conditions=[
        "Greater-Trochanteric-Pain-Syndrome"], exercises=[{"exercise": "BRIDGE"}]), "h.json")
    assert unknown_entries(read, load()) == [
        "region 'Outer' (did you mean 'outer'?)",
        "condition 'Greater-Trochanteric-Pain-Syndrome' (did you mean "
        "'greater-trochanteric-pain-syndrome'?)",
        "exercise 'BRIDGE' (did you mean 'bridge'?)"]


def test_a_region_the_content_lacks_is_noted_like_an_unknown_exercise(
        qapp: object, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from explorer.cli import load
    from explorer.model.handout import unknown_entries

    path = tmp_path / "elbow.json"
    path.write_text(handout(regions={"elbow": 5, "outer": 3}, exercises=[{"exercise": "clam"}]))
    assert unknown_entries(read_handout(path), load()) == ["region 'elbow'"]
    out = tmp_path / "elbow.pdf"
    assert main(["export", "--handout", str(path), "-o", str(out)]) == 0
    err = capsys.readouterr().err
    assert "hip-explorer: note: region 'elbow' is not in the loaded content" in err
    assert "Outer hip (pain 3/10)" in pdf_text(out)


def test_a_region_the_content_lacks_is_left_out_of_the_print(qapp: object,
                                                             tmp_path: Path) -> None:
    path = tmp_path / "elbow.json"
    path.write_text(handout(regions={"elbow": 5, "outer": 3}, exercises=[{"exercise": "clam"}]))
    out = tmp_path / "elbow.pdf"
    assert main(["export", "--handout", str(path), "-o", str(out)]) == 0
    assert "Where it hurts: Outer hip (pain 3/10)" in pdf_text(out)
    assert "elbow" not in pdf_text(out)


def test_builder_notes_a_region_the_content_lacks(qtbot: QtBot, tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtWidgets import QMessageBox

    dialog = builder(qtbot, tmp_path)
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: told.append(box.text()) or 0)
    path = tmp_path / "elbow.json"
    path.write_text(handout(regions={"elbow": 5, "outer": 3}, exercises=[{"exercise": "clam"}]))
    assert dialog.open_from(path)
    assert told == ["Not in the loaded content, so left out of the print: region 'elbow'\n\n"
                    "elbow.json itself is unchanged until you save."]
