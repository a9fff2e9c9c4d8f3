"""The command line's outputs: `export --page-size/--side` on the printed pages, and the
content layers (built-in, then the user's own folder, then each --content folder)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from pdf_pages import pages_text
from pypdf import PdfReader

from explorer.cli import main
from explorer.paths import builtin_content_dir


def sizes(path: Path) -> set[tuple[int, int]]:
    """The size in points of every page."""
    return {(round(float(p.mediabox.width)), round(float(p.mediabox.height)))
            for p in PdfReader(path).pages}


# ---- 4. export --page-size and --side ---------------------------------------------------
def test_export_page_size_and_side(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    left = tmp_path / "left.pdf"
    assert main(["export", "--condition", "hip-labral-tear", "--page-size", "Letter",
                 "--side", "left", "--output", str(left)]) == 0
    assert "Letter" in capsys.readouterr().out
    assert sizes(left) == {(612, 792)}
    first = pages_text(left)[0]
    assert "Hip labral tear" in first
    assert "Left hip" in first and "LEFT SIDE" in first  # the header and the diagram
    assert "Right hip" not in first and "RIGHT SIDE" not in first

    right = tmp_path / "right.pdf"
    assert main(["export", "--condition", "hip-labral-tear", "--page-size", "A4",
                 "--output", str(right)]) == 0
    assert sizes(right) == {(595, 842)}
    first = pages_text(right)[0]
    assert "RIGHT SIDE" in first and "LEFT SIDE" not in first  # a right hip is drawn...
    assert "Right hip" not in first and "Left hip" not in first  # ...but not named
    assert main(["export", "--condition", "hip-labral-tear", "--side", "right",
                 "--output", str(right)]) == 0
    first = pages_text(right)[0]
    assert "Right hip" in first and "RIGHT SIDE" in first
    assert "Left hip" not in first and "LEFT SIDE" not in first


def test_a_booklet_without_side_names_neither_hip(tmp_path: Path) -> None:
    out = tmp_path / "all.pdf"
    assert main(["export", "--all", "-o", str(out)]) == 0
    pages = pages_text(out)
    assert len(pages) > 10 and all(f"{date.today():%d %B %Y}" in text for text in pages)
    assert not any("Right hip" in text or "Left hip" in text for text in pages)


def test_export_booklet_on_the_left_side(tmp_path: Path) -> None:
    out = tmp_path / "back.pdf"
    assert main(["export", "--region", "back", "--side", "left", "--page-size", "Letter",
                 "-o", str(out)]) == 0
    pages = pages_text(out)
    assert "Contents" in pages[0] and len(pages) > 3
    assert sizes(out) == {(612, 792)}
    assert all("Left hip" in text and "Right hip" not in text for text in pages)


# ---- 5. the user's own content folder is a layer -----------------------------------------
def condition_yaml(cid: str, name: str, region: str = "back") -> str:
    return (f"id: {cid}\nname: {name}\nregions: [{region}]\nurgency: routine\n"
            "summary: s\nsymptoms: [x]\nred_flags: []\n"
            "references: [wilson2014, chamberlain2021]\nreviewed: '2026-01-01'\n")


def add_condition(folder: Path, cid: str, text: str) -> None:
    (folder / "conditions").mkdir(parents=True, exist_ok=True)
    (folder / "conditions" / f"{cid}.yaml").write_text(text, encoding="utf-8")


def back_conditions(capsys: pytest.CaptureFixture[str], *options: str) -> dict[str, str]:
    """`conditions --region back --json` as {id: name}; nothing said on stderr."""
    assert main([*options, "conditions", "--region", "back", "--json"]) == 0
    captured = capsys.readouterr()
    assert captured.err == ""  # every layer loaded without a problem
    rows = json.loads(captured.out)
    ids = [row["id"] for row in rows]
    assert len(ids) == len(set(ids))  # a replaced entry is listed once
    return {row["id"]: row["name"] for row in rows}


HAMSTRING = "proximal-hamstring-tendinopathy"


def test_user_content_folder_is_layered_between_builtin_and_content_options(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("HIP_EXPLORER_USER_CONTENT", str(tmp_path / "not-made-yet"))
    builtin = back_conditions(capsys)  # a missing user folder is skipped without a word
    assert builtin[HAMSTRING] == "Proximal hamstring tendinopathy"
    assert "clinic-extra" not in builtin

    user = tmp_path / "user-content"
    add_condition(user, "clinic-extra", condition_yaml("clinic-extra", "Clinic extra (user)"))
    original = (builtin_content_dir() / "conditions" / f"{HAMSTRING}.yaml").read_text(
        encoding="utf-8")
    assert "\nname: Proximal hamstring tendinopathy\n" in original
    add_condition(user, HAMSTRING, original.replace(
        "\nname: Proximal hamstring tendinopathy\n",
        "\nname: Hamstring pain (our clinic's page)\n"))
    monkeypatch.setenv("HIP_EXPLORER_USER_CONTENT", str(user))

    layered = back_conditions(capsys)
    assert layered["clinic-extra"] == "Clinic extra (user)"  # added
    assert layered[HAMSTRING] == "Hamstring pain (our clinic's page)"  # replaces built-in
    assert set(layered) == set(builtin) | {"clinic-extra"}

    clinic = tmp_path / "clinic"
    add_condition(clinic, "clinic-extra",
                  condition_yaml("clinic-extra", "Clinic extra (--content)"))
    with_option = back_conditions(capsys, "--content", str(clinic))
    assert with_option["clinic-extra"] == "Clinic extra (--content)"  # the last layer wins
    assert with_option[HAMSTRING] == "Hamstring pain (our clinic's page)"  # still the user's
    assert set(with_option) == set(layered)


def test_user_content_reaches_the_exported_pdf(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    user = tmp_path / "user-content"
    add_condition(user, "clinic-extra",
                  condition_yaml("clinic-extra", "Clinic extra from the user folder"))
    monkeypatch.setenv("HIP_EXPLORER_USER_CONTENT", str(user))
    out = tmp_path / "extra.pdf"
    assert main(["export", "--condition", "clinic-extra", "-o", str(out)]) == 0
    assert "Clinic extra from the user folder" in pages_text(out)[0]


def test_export_lists_a_few_ids_the_content_lacks_on_one_line(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A handout naming 30,000 unknown regions printed 30,000 lines; the builder names
    five, then how many more."""
    path = tmp_path / "unknown.json"
    path.write_text(json.dumps({
        "format": "hip-explorer-handout", "version": 1, "exercises": [{"exercise": "clam"}],
        "regions": {f"r{n}": 1 for n in range(30_000)}, "conditions": ["nope"]}))
    assert main(["export", "--handout", str(path), "-o", str(tmp_path / "u.pdf")]) == 0
    notes = [line for line in capsys.readouterr().err.splitlines()
             if "not in the loaded content" in line]
    assert notes == ["hip-explorer: note: region 'r0', region 'r1', region 'r2', "
                     "region 'r3', region 'r4' (and 29996 more) are not in the loaded "
                     "content; left out"]


def test_an_empty_output_name_is_called_empty(capsys: pytest.CaptureFixture[str]) -> None:
    """It said "--output .: the file name must end in .pdf", naming a "." nobody typed."""
    assert main(["export", "--output", "", "--all"]) == 2
    err = capsys.readouterr().err
    assert ("--output: the file name is empty; give one ending in .pdf, such as handout.pdf"
            in err)
    assert "--output ." not in err
    assert main(["export", "--output", ".", "--all"]) == 2  # a folder: not called empty
    assert "--output .: the file name must end in .pdf" in capsys.readouterr().err


def test_output_names_that_are_not_a_pdf_file_say_what_to_give(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    """"-o -" and "-o .pdf" were told "the file name must end in .pdf"."""
    monkeypatch.chdir(tmp_path)
    assert main(["export", "-o", "-", "--all"]) == 2
    assert capsys.readouterr().err == (
        "hip-explorer: --output -: writing to standard output is not supported; give a file "
        "name ending in .pdf, such as handout.pdf\n")
    for name in (".pdf", "out/.PDF"):
        assert main(["export", "-o", name, "--all"]) == 2
        assert capsys.readouterr().err == (
            f"hip-explorer: --output {name}: the name needs something before .pdf, such as "
            "handout.pdf\n")
    assert list(tmp_path.iterdir()) == []


def test_export_takes_r_for_region_as_conditions_does(tmp_path: Path,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    """`conditions -r back` worked, `export -r back` was refused."""
    out = tmp_path / "back.pdf"
    assert main(["export", "-r", "Back", "-o", str(out)]) == 0
    assert capsys.readouterr().out.startswith(f"wrote {out} (")
    assert "Contents" in pages_text(out)[0]


def test_condition_ids_are_read_in_any_case(tmp_path: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    """"--region Back" and "--page-size a4" were taken, "--condition Hip-Labral-Tear" was
    an unknown condition."""
    out = tmp_path / "tear.pdf"
    assert main(["export", "--condition", "Hip-Labral-Tear", "-o", str(out)]) == 0
    assert capsys.readouterr().err == ""
    assert "Hip labral tear" in pages_text(out)[0]


def test_a_missing_handout_file_is_a_usage_error(tmp_path: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    """A missing --handout file was exit 1, a missing --content folder exit 2: both are a
    name mistyped on the command line (exit 2, as documented)."""
    missing = tmp_path / "kim.json"
    assert main(["export", "--handout", str(missing), "-o", str(tmp_path / "k.pdf")]) == 2
    assert capsys.readouterr().err == (
        f"hip-explorer: --handout {missing}: there is no such file; check its name\n")
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(("exercises", "says"), [
    ((), "Nothing to print yet"),
    ((("no-such-exercise", "3"),), "Nothing to print yet"),  # all left out
    ((("clam", "0"),), "Exercise 1's sets: 0 is no dose; give at least 1. The handout is "
                       "not printed until then."),
    ((("clam", "0.0"),), "Exercise 1's sets: 0 is no dose; give at least 1."),
    ((("clam", "-5"),), "Exercise 1's sets: -5 is negative; give at least 1."),  # printed
    ((("clam", "0-3"),), "Exercise 1's sets: a range from 0 (0-3) may mean none"),
    ((("clam", "3-0"),), "Exercise 1's sets: a range to 0 (3-0) may mean none"),  # printed
    # each with its own reason: all three were "Give at least 1 ... 0, a negative number"
    ((("clam", "5000"),), "Exercise 1's sets: 5000 is too many for a dose; give at most 1000."),
    ((("clam", "2.5"),), "Exercise 1's sets: 2.5 is not a whole number"),
    ((("clam", "1e3"),), "Exercise 1's sets: 1e3 is not a count"),
    ((("clam", "0"), ("bridge", "3"), ("single-leg-balance", "-1")),
     "Exercise 1's sets: 0 is no dose; give at least 1. Exercise 3's sets: -1 is negative"),
])
def test_export_refuses_a_handout_the_builder_would_not_print(
        tmp_path: Path, capsys: pytest.CaptureFixture[str],
        exercises: tuple[tuple[str, str], ...], says: str) -> None:
    """As the builder greys out Print and Export: a handout with no exercise to print,
    or one with 0 sets, is not exported (it gave a plan with no exercises, or "0 sets")."""
    from explorer.model.handout import Handout, HandoutExercise, write_handout

    handout = tmp_path / "kim.json"
    write_handout(handout, Handout(patient="Kim", exercises=tuple(
        HandoutExercise(exercise, sets=sets, reps="10") for exercise, sets in exercises)))
    out = tmp_path / "kim.pdf"
    assert main(["export", "--handout", str(handout), "-o", str(out)]) == 1
    assert f"hip-explorer: {handout}: {says}" in capsys.readouterr().err
    assert not out.exists()


def test_export_refuses_a_handout_whose_every_entry_the_content_lacks(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Only the exercises the content lacks were left out before judging: a file naming
    an unknown condition and region printed a plan with nothing of its own."""
    from explorer.model.handout import Handout, HandoutExercise, write_handout

    handout = tmp_path / "kim.json"
    write_handout(handout, Handout(patient="Kim", conditions=("no-such-condition",),
                                   regions={"elbow": 3},
                                   exercises=(HandoutExercise("no-such-exercise"),)))
    out = tmp_path / "kim.pdf"
    assert main(["export", "--handout", str(handout), "-o", str(out)]) == 1
    err = capsys.readouterr().err
    assert "region 'elbow', condition 'no-such-condition', exercise 'no-such-exercise'" in err
    assert f"hip-explorer: {handout}: Nothing to print yet" in err
    assert not out.exists()
