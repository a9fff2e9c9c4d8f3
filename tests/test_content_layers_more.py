"""Clinic content layers: what a clinician meets when a clinic folder replaces or adds
entries over the built-in content (pictures of a replaced exercise, the cause of a
follow-on problem)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from conftest import DIAGRAM

from explorer.model import Content, load_content


def load(*layers: Path) -> Content:
    return load_content(layers, svg_file=DIAGRAM)


def problems(content: Content) -> list[str]:
    return [f"{p.path.name}:{p.line}: {p.field}: {p.message}" for p in content.problems]


@pytest.fixture
def clinic(tmp_path: Path) -> Path:
    folder = tmp_path / "clinic"
    (folder / "exercises").mkdir(parents=True)
    return folder


def test_a_copied_exercise_keeps_the_built_in_picture(mini: Path, clinic: Path) -> None:
    """content/README.md: a replacing entry is a complete file. A copy of clam.yaml in a
    clinic folder (its picture not copied) showed no picture and was reported as "not
    found"; it shows the built-in picture until the clinic adds its own."""
    text = (mini / "exercises/clam.yaml").read_text()
    (clinic / "exercises/clam.yaml").write_text(text.replace("name: Clam", "name: Our clam"))
    content = load(mini, clinic)
    assert problems(content) == []
    assert content.exercises["clam"].name == "Our clam"
    assert content.images["clam"] == (mini / "exercises/images/clam.svg").resolve()
    (clinic / "exercises/images").mkdir()
    (clinic / "exercises/images/clam.svg").write_text("<svg>the clinic's own</svg>")
    assert load(mini, clinic).images["clam"] == (clinic / "exercises/images/clam.svg").resolve()


def test_a_picture_found_in_no_folder_says_where_it_was_looked_for(mini: Path,
                                                                  clinic: Path) -> None:
    text = (mini / "exercises/clam.yaml").read_text()
    (clinic / "exercises/clam.yaml").write_text(text.replace("clam.svg", "clams.svg"))
    content = load(mini, clinic)
    assert problems(content) == [
        f"clam.yaml:7: image: image 'images/clams.svg' not found (looked for "
        f"{(clinic / 'exercises/images/clams.svg').resolve()}, then at the same place in "
        "the content folders loaded before this one)"]
    assert "clam" not in content.images


def test_the_built_in_picture_named_by_its_full_path_is_refused_with_the_way_to_use_it(
        mini: Path, clinic: Path) -> None:
    """Content reaches no file outside its own folder by its path; the message says how
    to show the built-in picture instead."""
    text = (mini / "exercises/clam.yaml").read_text()
    full = (mini / "exercises/images/clam.svg").resolve()
    (clinic / "exercises/clam.yaml").write_text(text.replace("images/clam.svg", str(full)))
    content = load(mini, clinic)
    assert problems(content) == [
        f"clam.yaml:7: image: image '{full}' is outside the content folder; keep images "
        "inside it (for this picture write 'images/clam.svg': a picture this folder does "
        "not have is taken from the same place in the content folders loaded before it, "
        "such as the built-in one)"]
    assert "clam" not in content.images


def test_the_fallback_never_leads_outside_a_content_folder(mini: Path, clinic: Path,
                                                          tmp_path: Path) -> None:
    """The same path in an earlier folder must stay inside that folder too: a link
    there that leads out of it is not followed."""
    (tmp_path / "secret.svg").write_text("<svg>secret</svg>")
    try:
        (mini / "exercises/images/secret.svg").symlink_to(tmp_path / "secret.svg")
    except (OSError, NotImplementedError):
        pytest.skip("symbolic links are not available here")
    text = (mini / "exercises/clam.yaml").read_text()
    (clinic / "exercises/clam.yaml").write_text(text.replace("clam.svg", "secret.svg"))
    (clinic / "exercises/up.yaml").write_text(
        text.replace("id: clam", "id: up").replace("images/clam.svg", "../../secret.svg"))
    content = load(mini, clinic)
    assert "clam" not in content.images and "up" not in content.images
    found = problems(content)
    assert any(f.startswith("clam.yaml:7: image: image 'images/secret.svg' not found")
               for f in found), found
    assert any(f.startswith("up.yaml:7: image: image '../../secret.svg' is outside the "
                            "content folder") for f in found), found
    assert os.path.exists(mini / "exercises/images/secret.svg")


EXERCISE = ("id: knee-drive\nname: Knee drive\npurpose: p\nsteps: [s]\n"
            "dose: {sets: 3}\n")
CONDITION = ("id: new-thing\nname: New\nregions: [front]\nurgency: routine\nsummary: s\n"
             "symptoms: [x]\nred_flags: []\nreferences: [ref-a, ref-b]\n"
             "reviewed: '2026-01-01'\nexercises:\n  - exercise: knee-drive\n"
             "    stage: early\ntreatments:\n  - treatment: dry-needling\n")


@pytest.mark.parametrize(("exercise_file", "exercise", "line"), [
    ("knee-drive.yaml", EXERCISE.replace("dose: {sets: 3}\n", ""), 1),  # missing
    ("knee-drive.yaml", EXERCISE.replace("steps: [s]", "steps: [s"), 5),  # YAML syntax
    ("knee-drive.yml", EXERCISE, 1),  # not read: it ends in .yml
])
def test_a_condition_naming_an_entry_whose_file_has_a_problem_points_to_that_file(
        mini: Path, clinic: Path, exercise_file: str, exercise: str, line: int) -> None:
    """QA: one mistake in a clinic's exercise file also gave its condition "unknown
    exercise 'knee-drive'", listed first, although the id was right and the file there:
    a clinician began by "fixing" the id. The condition's line names the file to fix."""
    (clinic / "conditions").mkdir()
    (clinic / "treatments").mkdir()
    (clinic / "conditions/new-thing.yaml").write_text(CONDITION)
    (clinic / "exercises" / exercise_file).write_text(exercise)
    (clinic / "treatments/dry-needling.yaml").write_text(
        "id: dry-needling\nname: Dry needling\ncategory: therapy\nwhat: w\n"
        "helps_when: h\nevidence: e\ncautions: none\n")  # not a list
    found = [str(p) for p in load(mini, clinic).problems]
    assert f"{clinic / 'conditions/new-thing.yaml'}:11: exercises[0].exercise: exercise " \
        "'knee-drive' is not loaded: its own file has a problem (see " \
        f"exercises/{exercise_file}, line {line}); fix that file first" in found, found
    assert f"{clinic / 'conditions/new-thing.yaml'}:14: treatments[0].treatment: " \
        "treatment 'dry-needling' is not loaded: its own file has a problem (see " \
        "treatments/dry-needling.yaml, line 7); fix that file first" in found, found
    assert any(f.startswith(f"{clinic / 'exercises' / exercise_file}:{line}: ")
               for f in found), found  # the cause itself
    assert not any("unknown" in f for f in found), found
