"""Bad content found by the robustness audit: each is a problem naming the file and the
line, the rest of the content still loads, and no command prints a traceback."""

from __future__ import annotations

import dataclasses
import errno
import os
import shlex
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from conftest import DIAGRAM

from explorer.cli import load as load_layers
from explorer.cli import main
from explorer.model import Content, load_content, rank_conditions
from explorer.model.entities import ClueWeight
from explorer.paths import builtin_content_dir

Write = Callable[[str, str | bytes], Path]
ROOT = Path(__file__).resolve().parent.parent
EXAMPLE_CONDITION = ROOT / "docs/example-clinic/conditions/hip-flexor-overuse-hills.yaml"


def load(*layers: Path) -> Content:
    return load_content(layers, svg_file=DIAGRAM)


def problems(content: Content) -> list[str]:
    return [f"{p.path.name}:{p.line}: {p.field}: {p.message}" for p in content.problems]


def edit(write: Write, mini: Path, relative: str, old: str, new: str) -> None:
    text = (mini / relative).read_text()
    assert old in text
    write(relative, text.replace(old, new))


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *args], cwd=ROOT,
                          capture_output=True, text=True, timeout=120)


@pytest.fixture
def clinic(tmp_path: Path) -> Path:
    """A copy of the documented example clinic, to break one thing at a time."""
    folder = tmp_path / "clinic"
    (folder / "conditions").mkdir(parents=True)
    (folder / "conditions" / EXAMPLE_CONDITION.name).write_text(EXAMPLE_CONDITION.read_text())
    return folder


def set_condition_line(clinic: Path, start: str, line: str) -> None:
    path = clinic / "conditions" / EXAMPLE_CONDITION.name
    lines = path.read_text().splitlines()
    index = next(i for i, text in enumerate(lines) if text.startswith(start))
    lines[index] = line
    path.write_text("\n".join(lines) + "\n")


# ---- 1. references that do not exist ---------------------------------------------------


@pytest.mark.parametrize(("refs", "found"), [
    ("[ref-x]", 0),  # the only reference misspelt: crashed every command
    ("[ref-a, ref-x]", 1),
    ("[ref-a]", 1),
    ("[ref-a, ref-a]", 1),
])
def test_condition_without_two_known_references_is_reported_not_shown(
        mini: Path, write: Write, refs: str, found: int) -> None:
    edit(write, mini, "conditions/lateral-thing.yaml", "[ref-a, ref-b]", refs)
    content = load(mini)
    assert (f"lateral-thing.yaml:18: references: needs at least 2 different published "
            f"references from references.yaml; {found} found, so the condition "
            "'lateral-thing' is not shown") in problems(content)
    assert set(content.conditions) == {"buttock-thing", "groin-thing", "front-thing"}


def test_unknown_reference_does_not_stop_any_command(clinic: Path) -> None:
    set_condition_line(clinic, "references:", "references: [weir2051]")
    where = f"{clinic}/conditions/hip-flexor-overuse-hills.yaml:32: references"
    result = run_cli("validate", str(clinic))
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert f"{where}[0]: unknown reference 'weir2051' (did you mean 'weir2015'?)" \
        in result.stderr
    assert f"{where}: needs at least 2 different published references" in result.stderr
    result = run_cli("--content", str(clinic), "conditions", "-r", "front")
    assert result.returncode == 0 and "Traceback" not in result.stderr
    assert "Iliopsoas-related groin pain" in result.stdout
    assert "Hip flexor overload" not in result.stdout


def test_window_opens_with_the_good_content(open_window: Callable[..., Any],
                                            clinic: Path) -> None:
    from explorer.paths import builtin_content_dir

    set_condition_line(clinic, "references:", "references: [weir2051]")
    window = open_window(layers=[builtin_content_dir(), clinic])
    assert "hip-flexor-overuse-hills" not in window.content.conditions
    assert "femoral-neck-stress-fracture" in window.content.conditions
    assert any(p.path.name == "hip-flexor-overuse-hills.yaml" and p.line == 32
               for p in window.content.problems)


# ---- 5. a number too long for Python ----------------------------------------------------


def test_number_with_too_many_digits_is_a_yaml_problem(mini: Path, write: Write) -> None:
    write("exercises/big.yaml", "id: big\nname: Big\npurpose: p\nsteps: [s]\n"
          f"dose: {{sets: {'1' * 4301}}}\n")
    content = load(mini)
    assert ("big.yaml:5: : a number with 4301 digits is too long; quote it if it is meant "
            "as text") in problems(content)
    assert "clam" in content.exercises and len(content.conditions) == 4


# ---- 6. symbolic link loops ---------------------------------------------------------------


def test_symlink_loops_are_reported(mini: Path, write: Write) -> None:
    (mini / "conditions/loop.yaml").symlink_to("loop.yaml")
    (mini / "exercises/images/loop.svg").symlink_to("loop.svg")
    edit(write, mini, "exercises/clam.yaml", "images/clam.svg", "images/loop.svg")
    content = load(mini)
    found = problems(content)
    assert "loop.yaml:1: : cannot be read: Too many levels of symbolic links" in found
    assert ("clam.yaml:7: image: image 'images/loop.svg' cannot be read: Too many levels of "
            "symbolic links") in found
    assert len(content.conditions) == 4 and "clam" in content.exercises
    assert "clam" not in content.images


def test_validate_lists_a_symlink_loop_without_a_traceback(
        mini: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (mini / "conditions/loop.yaml").symlink_to("loop.yaml")
    assert main(["validate", str(mini)]) == 1
    out = capsys.readouterr()
    assert "Traceback" not in out.out + out.err
    assert "loop.yaml:1:" in out.out + out.err


# ---- 7. entries listed twice ------------------------------------------------------------


def test_repeated_entries_are_reported_with_their_lines(mini: Path, write: Write) -> None:
    path = "conditions/lateral-thing.yaml"
    edit(write, mini, path, "[outer, back]", "[outer, back, outer]")
    edit(write, mini, path, "    weight: 3\n", "    weight: 3\n  - clue: pain-lying-on-side\n"
         "    weight: 3\n")
    edit(write, mini, path, "    note: Works well.\n",
         "    note: Works well.\n  - treatment: exercise-therapy\n")
    edit(write, mini, path, "    stage: early\n", "    stage: early\n  - exercise: clam\n")
    content = load(mini)
    found = problems(content)
    repeat = "is already listed on line {}; this repeat is left out"
    assert f"lateral-thing.yaml:4: regions[2]: region 'outer' {repeat.format(4)}" in found
    assert (f"lateral-thing.yaml:11: clues[1].clue: clue 'pain-lying-on-side' "
            f"{repeat.format(9)}") in found
    assert (f"lateral-thing.yaml:17: treatments[1].treatment: treatment 'exercise-therapy' "
            f"{repeat.format(15)}") in found
    assert f"lateral-thing.yaml:21: exercises[1].exercise: exercise 'clam' " \
        f"{repeat.format(19)}" in found
    condition = content.conditions["lateral-thing"]
    assert condition.regions == ("outer", "back")
    assert [len(condition.clues), len(condition.treatments), len(condition.exercises)] == \
        [1, 1, 1]


def test_ranking_counts_each_region_and_clue_once() -> None:
    content = load_layers()
    hills = content.conditions["iliopsoas-related-groin-pain"]
    assert hills.main_region == "front" and hills.urgency.value == "routine"
    clue = hills.clues[0]
    content.conditions[hills.id] = dataclasses.replace(
        hills, regions=("front",) * 3, clues=(ClueWeight(clue.clue, 3),) * 5)
    ranked = rank_conditions(content, ["front", "groin"])
    assert ranked[0].condition.id == "femoral-neck-stress-fracture"
    match = next(m for m in rank_conditions(content, ["front"], {clue.clue: True})
                 if m.condition.id == hills.id)
    assert match.matched_regions == ("front",) and match.clue_score == 3
    assert len([r for r in match.reasons if r.startswith("you said")]) == 1


# ---- 11. a red flag without advice ------------------------------------------------------


def test_red_flag_without_advice_is_reported(mini: Path, write: Write) -> None:
    text = (mini / "clues.yaml").read_text()
    write("clues.yaml", text + "  - id: leg-gives-way\n    question: Does the leg give way?\n"
          "    reason: leg gives way\n    red_flag: true\n")
    content = load(mini)
    assert ("clues.yaml:16: clues[4]: a red flag needs 'advice': what to do when the answer "
            "is yes") in problems(content)
    assert "leg-gives-way" not in content.clues and "cannot-bear-weight" in content.clues


# ---- 8. export names content problems -----------------------------------------------------


def test_export_notes_content_problems(qapp: object, tmp_path: Path, clinic: Path,
                                       capsys: pytest.CaptureFixture[str]) -> None:
    set_condition_line(clinic, "  - ache at the front", "\t- ache at the front of the hip")
    out = tmp_path / "all.pdf"
    code = main(["--content", str(clinic), "export", "--all", "-o", str(out)])
    assert code == 0 and out.exists()
    assert ("hip-explorer: note: 1 content problem(s); to see them, run: hip-explorer "
            f"validate {shlex.quote(str(clinic))}") in capsys.readouterr().err


@pytest.mark.parametrize("command", [["validate"], ["conditions", "-r", "back"],
                                     ["export", "--all", "-o", "{out}"]])
def test_a_mistyped_content_folder_is_a_usage_error(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], command: list[str]) -> None:
    missing = tmp_path / "exmaple-clinic"
    command = [arg.format(out=tmp_path / "all.pdf") for arg in command]
    assert main(["--content", str(missing), *command]) == 2
    assert (f"hip-explorer: {missing}: there is no such folder; check its name"
            in capsys.readouterr().err)
    assert not (tmp_path / "all.pdf").exists()
    (tmp_path / "notes.txt").write_text("a file")  # there, but a file
    assert main(["--content", str(tmp_path / "notes.txt"), *command]) == 2
    assert f"hip-explorer: {tmp_path / 'notes.txt'}: not a folder" in capsys.readouterr().err


def test_export_of_a_condition_whose_file_failed_names_the_file(
        qapp: object, tmp_path: Path, clinic: Path, capsys: pytest.CaptureFixture[str]) -> None:
    set_condition_line(clinic, "  - ache at the front", "\t- ache at the front of the hip")
    out = tmp_path / "hills.pdf"
    code = main(["--content", str(clinic), "export", "--condition", "hip-flexor-overuse-hills",
                 "-o", str(out)])
    err = capsys.readouterr().err
    assert code == 1 and not out.exists()
    assert "conditions/hip-flexor-overuse-hills.yaml:13: YAML syntax" in err
    assert "condition hip-flexor-overuse-hills did not load; see the problems above" in err


# ---- 9. damaged pictures ---------------------------------------------------------------


@pytest.fixture
def damaged_pictures(clinic: Path) -> Path:
    """Exercises whose pictures start right, then break off or claim an absurd shape."""
    images = clinic / "exercises" / "images"
    images.mkdir(parents=True)
    clam = (ROOT / "content/exercises/images/clam.svg").read_text()
    (images / "half.svg").write_text(clam[:len(clam) // 2])
    (images / "garbled.png").write_bytes(b"\x89PNG\r\n\x1a\n" + b"x" * 200)
    (images / "pole.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg" width="1" '
                                     'height="10000"/>')
    for name, picture in (("half-clam", "half.svg"), ("garbled", "garbled.png"),
                          ("pole", "pole.svg")):
        (clinic / "exercises" / f"{name}.yaml").write_text(
            f"id: {name}\nname: {name}\npurpose: p\nsteps: [s]\ndose: {{sets: 1}}\n"
            f"image: images/{picture}\n")
    return clinic


def test_validate_names_a_damaged_picture_and_its_line(damaged_pictures: Path) -> None:
    result = run_cli("validate", str(damaged_pictures))
    assert result.returncode == 1
    found = [line for line in result.stderr.splitlines() if " is damaged: " in line]
    assert len(found) == 3, result.stderr
    assert found[0].endswith("exercises/garbled.yaml:6: image: image 'images/garbled.png' "
                             "is damaged: its picture data cannot be read (is the file "
                             "complete?)")
    assert ("exercises/half-clam.yaml:6: image: image 'images/half.svg' is damaged: "
            "Premature end of document. (line ") in found[1]  # the SVG reader's own words
    assert found[2].endswith("exercises/pole.yaml:6: image: image 'images/pole.svg' is damaged: "
                             "it is 1 x 10000 pixels, far taller or wider than an illustration")
    assert "qt.svg" not in result.stderr  # said once, in the problem's line


def test_validate_says_a_broken_bitmap_cannot_be_read_in_its_own_words_only(
        qapp: object, clinic: Path) -> None:
    from PySide6.QtGui import QColor, QImage

    images = clinic / "exercises" / "images"
    images.mkdir(parents=True)
    picture = QImage(120, 80, QImage.Format.Format_RGB32)
    for x in range(120):  # varied pixels, so the PNG is many times longer than its start
        for y in range(80):
            picture.setPixelColor(x, y, QColor(x * 2, y * 3, (x * y) % 256))
    assert picture.save(str(images / "whole.png"))
    (images / "cut.png").write_bytes((images / "whole.png").read_bytes()[:300])
    (images / "junk.jpg").write_bytes(b"\xff\xd8\xff" + b"x" * 300)
    for name, file in (("cut", "cut.png"), ("junk", "junk.jpg")):
        (clinic / "exercises" / f"{name}.yaml").write_text(
            f"id: {name}\nname: {name}\npurpose: p\nsteps: [s]\ndose: {{sets: 1}}\n"
            f"image: images/{file}\n")
    result = run_cli("validate", str(clinic))
    assert result.returncode == 1
    lines = result.stderr.splitlines()  # only problem lines: no "libpng error: Read Error"
    assert all(line.startswith(str(clinic)) for line in lines), result.stderr
    lines = [line for line in lines if " is damaged: " in line]
    assert len(lines) == 2, result.stderr
    assert lines[0].endswith("exercises/cut.yaml:6: image: image 'images/cut.png' is damaged: "
                             "its picture data cannot be read (is the file complete?)")
    assert lines[1].endswith("exercises/junk.yaml:6: image: image 'images/junk.jpg' is "
                             "damaged: its picture data cannot be read (is the file "
                             "complete?)")  # not the decoder's "Unsupported marker type"


@pytest.mark.qt_log_ignore("Cannot read file .*half.svg")
def test_the_panel_marks_a_damaged_picture(open_window: Callable[..., Any],
                                           damaged_pictures: Path) -> None:
    window = open_window(layers=[builtin_content_dir(), damaged_pictures])
    assert "half-clam" in window.content.images  # the fast start-up load does not decode
    image = window.detail._picture("half-clam")
    assert image is not None and not image.isNull()
    assert image.width() / image.height() == 2  # the placeholder box, not an empty picture
    assert image.pixelColor(image.width() // 4, image.height() // 8).name() == "#f1f1f1"
    assert window.detail._picture("clam") is not None
    assert window.detail._picture("clam").pixelColor(0, 0).name() == "#ffffff"


def test_a_standard_tag_in_a_content_file_is_reported_and_the_file_not_read(
        mini: Path, write: Write) -> None:
    """content/README.md: no !!tags. `!!str` was read as if it were not there."""
    edit(write, mini, "exercises/clam.yaml", "name: Clam", "name: !!str Clam")
    content = load(mini)
    assert ("clam.yaml:2: : tags (!!str) are not allowed; remove it (to keep a value as "
            "text, put it in quotes)") in problems(content)
    assert "clam" not in content.exercises


def test_an_exercise_with_an_empty_dose_has_no_dose_line(mini: Path, write: Write) -> None:
    """`dose: {}` is allowed: the exercise's page said "Usual dose:" over nothing."""
    from explorer.render.html import exercise_html

    page = exercise_html(load(mini), load(mini).exercises["clam"])
    assert "<b>Usual dose:</b> 3 sets of 10-15 reps, 3 times a week" in page
    edit(write, mini, "exercises/clam.yaml", 'dose: {sets: 3, reps: "10-15", frequency: 3 '
         'times a week}', "dose: {}")
    content = load(mini)
    assert content.problems == []
    page = exercise_html(content, content.exercises["clam"])
    assert "Usual dose" not in page and "Strengthens the side of the hip." in page


@pytest.mark.parametrize(("sets", "reps", "found"), [
    ("0", "10", "dose.sets: 0 is no dose; give at least 1"),
    ("3", '"-5"', "dose.reps: -5 is negative; give at least 1"),
    ('"0-3"', "10", "dose.sets: a range from 0 (0-3) may mean none; start it at 1 or more"),
    ("3.5", "10", "dose.sets: 3.5 is not a whole number; give whole sets or repetitions"),
    ("3", '"1e9"', "dose.reps: 1e9 is not a count; write it out as a whole number"),
    ("3", "5000", "dose.reps: 5000 is too many for a dose; give at most 1000"),
])
def test_a_dose_of_nothing_is_reported_with_its_line(mini: Path, write: Write, sets: str,
                                                     reps: str, found: str) -> None:
    """`sets: 0` or `reps: -5` passed validation and printed "0 sets of -5"; a handout
    made with the exercise then could not be printed ("0 is no dose")."""
    edit(write, mini, "exercises/clam.yaml", 'dose: {sets: 3, reps: "10-15"',
         f"dose: {{sets: {sets}, reps: {reps}")
    content = load(mini)
    line = next(number for number, text in enumerate(
        (mini / "exercises/clam.yaml").read_text().splitlines(), 1) if "dose:" in text)
    assert f"clam.yaml:{line}: {found}" in problems(content)
    assert "clam" not in content.exercises and content.conditions  # the rest still loads


def test_a_conditions_empty_dose_keeps_the_exercises_usual_one(mini: Path, write: Write) -> None:
    """A condition's `dose: {}` for an exercise replaced its usual dose with nothing: the
    card on the condition's page had no dose at all."""
    from explorer.render.html import condition_html

    edit(write, mini, "conditions/lateral-thing.yaml", "    stage: early\n",
         "    stage: early\n    dose: {}\n")
    content = load(mini)
    assert content.problems == []
    page = condition_html(content, content.conditions["lateral-thing"])
    assert "3 sets of 10-15 reps, 3 times a week" in page


# ---- 12. folders that cannot be read (QA: chmod 000 stopped the app) --------------------

Deny = Callable[[Path], None]


@pytest.fixture
def deny(monkeypatch: pytest.MonkeyPatch) -> Deny:
    """Make folders unreadable as `chmod 000` does: a folder cannot be listed and nothing
    in it can be looked at (the folder itself can). Tests may run as root, whom the
    system never refuses, so the refusal is made where Python asks the system."""
    denied: list[Path] = []

    def refuse(call: Callable[..., Any], the_folder_too: bool) -> Callable[..., Any]:
        def refusing(path: Any = ".", *args: Any, **kwargs: Any) -> Any:
            if isinstance(path, (str, os.PathLike)):  # not a file descriptor
                where = Path(os.path.abspath(path))
                if any(folder in where.parents or (the_folder_too and where == folder)
                       for folder in denied):
                    raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(path))
            return call(path, *args, **kwargs)
        return refusing

    for name, the_folder_too in (("listdir", True), ("scandir", True), ("stat", False),
                                 ("lstat", False)):
        monkeypatch.setattr(os, name, refuse(getattr(os, name), the_folder_too))
    return denied.append


def test_an_unreadable_clinic_folder_is_a_problem_and_the_rest_loads(
        clinic: Path, deny: Deny, capsys: pytest.CaptureFixture[str]) -> None:
    """QA: `--content DIR` with DIR unreadable stopped every command and the window
    with one line, "DIR/conditions: Permission denied" (exit 1)."""
    deny(clinic)
    assert main(["--content", str(clinic), "validate"]) == 1
    out, err = capsys.readouterr()
    assert err.splitlines() == [
        f"{clinic}: cannot be read: Permission denied; the rest of the content is shown"]
    assert out.startswith("checked 1 folder(s), ") and out.endswith(": 1 problem\n")
    content = load_layers([clinic])  # as the window and the other commands load it
    assert "femoral-neck-stress-fracture" in content.conditions


def test_an_unreadable_folder_inside_a_content_folder_is_named_and_the_rest_loads(
        mini: Path, deny: Deny) -> None:
    """QA: an unreadable conditions/ vanished without a word ("no problems")."""
    deny(mini / "conditions")
    content = load(mini)
    assert [str(p) for p in content.problems] == [
        f"{mini / 'conditions'}: cannot be read: Permission denied; its files are not read"]
    assert content.conditions == {}
    assert "clam" in content.exercises and len(content.regions) == 4


def test_an_unreadable_folder_of_pictures_is_named_at_each_picture(mini: Path,
                                                                     deny: Deny) -> None:
    deny(mini / "exercises" / "images")
    content = load(mini)
    assert problems(content) == [
        "clam.yaml:7: image: image 'images/clam.svg' cannot be read: Permission denied"]
    assert "clam" in content.exercises and "clam" not in content.images


@pytest.mark.parametrize(("denied", "effect"), [
    ("", "the rest of the content is shown"),
    ("conditions", "its files are not read"),
])
def test_a_reload_lists_a_folder_that_became_unreadable(
        open_window: Callable[..., Any], clinic: Path, deny: Deny, denied: str,
        effect: str) -> None:
    """QA: F5 after the clinic folder became unreadable raised PermissionError."""
    window = open_window(layers=[builtin_content_dir(), clinic])
    assert "hip-flexor-overuse-hills" in window.content.conditions
    deny(clinic / denied)
    window.reload_action.trigger()
    assert [str(p) for p in window.content.problems] == [
        f"{clinic / denied}: cannot be read: Permission denied; {effect}"]
    assert "hip-flexor-overuse-hills" not in window.content.conditions
    count = len(window.content.conditions)
    assert count > 10 and window.statusBar().currentMessage() == (
        f"Content reloaded: {count} conditions, 1 problem(s).")


def test_a_clinic_folder_inside_one_that_cannot_be_opened_is_a_problem_for_every_command(
        clinic: Path, deny: Deny, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """The folder holding DIR cannot be opened: the window and the commands that use the
    content cache stopped with "DIR: Permission denied" (exit 1), as did an unreadable
    folder of the user's own content."""
    from explorer.model.cache import load_content_cached

    monkeypatch.setenv("HIP_EXPLORER_CACHE_DIR", str(tmp_path / "cache"))  # tests: "off"
    deny(clinic.parent)
    content = load_content_cached([builtin_content_dir(), clinic])  # as the window loads
    assert [p.message for p in content.problems] == [
        "cannot be read: Permission denied; the rest of the content is shown"]
    assert "femoral-neck-stress-fracture" in content.conditions
    assert main(["--content", str(clinic), "conditions"]) == 0
    out, _err = capsys.readouterr()
    assert content.conditions["femoral-neck-stress-fracture"].name in out

    user = tmp_path / "user-content"
    user.mkdir()
    monkeypatch.setenv("HIP_EXPLORER_USER_CONTENT", str(user / "hip-explorer"))
    deny(user)
    from explorer.cli import content_layers

    assert content_layers()[-1] == user / "hip-explorer"  # looked in, so named if broken


def test_a_treatment_marked_recommended_with_a_word_that_is_not_yes_or_no_is_reported(
        mini: Path, write: Write) -> None:
    """`recommended: false` moves a treatment out of What helps; a misspelt value must not
    silently leave it there."""
    edit(write, mini, "conditions/lateral-thing.yaml", "  - treatment: exercise-therapy\n",
         "  - treatment: exercise-therapy\n    recommended: nope\n")
    found = problems(load(mini))
    assert any(p.startswith("lateral-thing.yaml:14: treatments[0].recommended:")
               and "true or false" in p for p in found), found


def test_a_content_folder_given_one_level_off_is_said_once_with_the_folder_to_give(
        mini: Path, tmp_path: Path) -> None:
    """The folder above a content folder, or its conditions/ folder, gave one "not read:
    content files belong in ..." for every file in it: one line now says which to give."""
    holder = mini.parent
    found = [str(p) for p in load(holder).problems]
    assert found == [f"{holder}: holds no content: the content folder inside it is {mini}: "
                     "give that folder"]
    found = [str(p) for p in load(mini / "conditions").problems]
    assert found == [f"{mini / 'conditions'}: holds no content: it is the conditions/ folder "
                     f"of the content folder {mini}: give that folder"]
    empty = tmp_path / "empty"
    empty.mkdir()
    (empty / "notes.yaml").write_text("a: 1\n")  # no content folder near: as before
    assert [p.message for p in load(empty).problems] == [
        "not read: content files belong in regions.yaml, clues.yaml, references.yaml or "
        "conditions/, exercises/, treatments/, pages/ (with the .yaml ending)"]


@pytest.mark.skipif(os.sep == "\\", reason="Windows reads \\ between folders too")
def test_a_picture_path_written_with_backslashes_says_to_use_slashes(
        mini: Path, write: Write) -> None:
    """A clinician on Windows wrote images\\clam.svg: "not found", with no hint why."""
    edit(write, mini, "exercises/clam.yaml", "image: images/clam.svg",
         "image: 'images\\clam.svg'")
    [problem] = [p for p in problems(load(mini)) if p.startswith("clam.yaml:")]
    assert problem.startswith("clam.yaml:")
    assert problem.endswith("; write / between folders, not \\")


def test_an_empty_required_list_is_named_at_its_own_line(mini: Path, write: Write) -> None:
    """`steps: []` was reported at line 1 as "steps needs at least one entry", out of
    the `file:line: field: message` form every other problem has."""
    edit(write, mini, "exercises/clam.yaml",
         "steps: [Lie on your side., Open the top knee.]", "steps: []")
    assert "clam.yaml:5: steps: needs at least one entry" in problems(load(mini))
