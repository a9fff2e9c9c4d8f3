"""Loading content folders: every class of bad input is reported with file, line and
words a clinician understands, all problems in one pass, good files still loaded."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import DIAGRAM

from explorer.model import Content, load_content
from explorer.model.entities import Dose

Write = Callable[[str, str | bytes], Path]


def load(*layers: Path) -> Content:
    return load_content(layers, svg_file=DIAGRAM)


def problems(content: Content) -> list[str]:
    return [f"{p.path.name}:{p.line}: {p.field}: {p.message}" for p in content.problems]


def test_fixture_loads_clean(mini: Path) -> None:
    content = load(mini)
    assert content.problems == []
    assert list(content.regions) == ["front", "groin", "outer", "back"]
    assert set(content.conditions) == {"lateral-thing", "buttock-thing", "groin-thing",
                                       "front-thing"}
    assert content.exercises["clam"].dose.sets == "3"  # a plain number becomes text
    assert content.images["clam"] == (mini / "exercises/images/clam.svg").resolve()


def test_unknown_field_suggests_spelling(mini: Path, write: Write) -> None:
    text = (mini / "conditions/buttock-thing.yaml").read_text()
    write("conditions/buttock-thing.yaml", text.replace("symptoms:", "sympotms:"))
    found = problems(load(mini))
    assert "buttock-thing.yaml:6: sympotms: is not a known field (did you mean 'symptoms'?)" \
        in found
    assert "buttock-thing.yaml:1: symptoms: is missing (it is required)" in found


def test_wrong_type_and_bad_enum(mini: Path, write: Write) -> None:
    write("conditions/bad.yaml", "id: bad\nname: [a, list]\nregions: [back]\n"
          "urgency: whenever\nsummary: s\nsymptoms: [x]\nred_flags: []\n"
          "references: [ref-a]\nreviewed: '2026-13-45'\n")
    found = problems(load(mini))
    assert "bad.yaml:2: name: should be text, not a list" in found
    assert any(f.startswith("bad.yaml:4: urgency: should be 'routine'") for f in found)
    # written as a date, but not one: not told to write it the way it is written
    assert "bad.yaml:9: reviewed: '2026-13-45' is not a day of the calendar: check the " \
        "month and day" in found


def test_broken_yaml_names_line_and_other_files_load(mini: Path, write: Write) -> None:
    write("conditions/broken.yaml", "id: broken\nname: Broken\nsymptoms: [unclosed\n")
    content = load(mini)
    assert any(p.startswith("broken.yaml:") and "YAML syntax" in p for p in problems(content))
    assert "lateral-thing" in content.conditions and "broken" not in content.conditions


def test_duplicate_key_in_content_file(mini: Path, write: Write) -> None:
    text = (mini / "conditions/front-thing.yaml").read_text()
    write("conditions/front-thing.yaml", text + "urgency: routine\n")
    found = problems(load(mini))
    assert any(f.startswith("front-thing.yaml:10: ") and "duplicate key 'urgency'" in f
               and "line 4" in f for f in found)


def test_alias_and_size_and_encoding(mini: Path, write: Write) -> None:
    write("treatments/alias.yaml", "id: alias\nname: &n Name\nwhat: *n\n")
    write("treatments/big.yaml", "id: big\nwhat: " + "x" * 300_000 + "\n")
    write("treatments/latin1.yaml", "id: latin\nname: Caf\xe9\n".encode("latin-1"))
    found = problems(load(mini))
    assert any(f.startswith("alias.yaml:2: ") and "anchors" in f for f in found)
    assert any(f.startswith("big.yaml:1: ") and "KiB" in f for f in found)
    assert any(f.startswith("latin1.yaml:2: ") and "UTF-8" in f for f in found)


def test_an_oversized_file_is_refused_before_it_is_read(mini: Path) -> None:
    """Its size is known without reading it: a 200 MB file took 261 MB of memory."""
    import tracemalloc

    with (mini / "treatments/huge.yaml").open("wb") as handle:
        handle.truncate(200 * 1024 * 1024)  # sparse: no disk space used
    tracemalloc.start()
    try:
        found = problems(load(mini))
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert ("huge.yaml:1: : file is 204800 KiB; content files may be at most 256 KiB"
            in found)
    assert peak < 50 * 1024 * 1024


def test_value_flood_reported_with_line_and_other_files_load(mini: Path, write: Write) -> None:
    items = ", ".join("1" for _ in range(30_000))  # 120 KB: under the size limit
    write("treatments/flood.yaml", f"id: flood\nsteps: [{items}]\nmore: [{items}]\n")
    content = load(mini)
    assert any(f.startswith("flood.yaml:3: ") and "more than 50000 values in one file" in f
               for f in problems(content))
    assert "flood" not in content.treatments
    assert "exercise-therapy" in content.treatments and len(content.conditions) == 4


def test_unknown_references_are_reported_with_hint(mini: Path, write: Write) -> None:
    text = (mini / "conditions/lateral-thing.yaml").read_text()
    write("conditions/lateral-thing.yaml", text.replace("exercise: clam", "exercise: clamm")
          .replace("[ref-a, ref-b]", "[ref-a, ref-z, ref-b]")
          .replace("[outer, back]", "[outer, side]"))
    content = load(mini)
    found = problems(content)
    assert "lateral-thing.yaml:4: regions[1]: unknown region 'side'" in found
    assert ("lateral-thing.yaml:16: exercises[0].exercise: unknown exercise 'clamm' "
            "(did you mean 'clam'?)") in found
    assert any(f.startswith("lateral-thing.yaml:18: references[1]: unknown reference 'ref-z'")
               for f in found)
    # The condition still loads, without the dangling references.
    condition = content.conditions["lateral-thing"]
    assert condition.regions == ("outer",) and condition.exercises == ()
    assert condition.references == ("ref-a", "ref-b")


def test_a_file_left_out_for_one_problem_has_its_names_checked_too(mini: Path,
                                                                     write: Write) -> None:
    """A clue weight of 5 left the file out before its names were checked: the misspelt
    clue (and any other unknown name in it) showed only once the weight was fixed."""
    text = (mini / "conditions/lateral-thing.yaml").read_text()
    write("conditions/lateral-thing.yaml", text.replace("weight: 3", "weight: 5")
          .replace("clue: pain-lying-on-side", "clue: pain-lying-on-sied")
          .replace("exercise: clam", "exercise: clamm")
          .replace("treatment: exercise-therapy", "treatment: exercise-therapi")
          .replace("[ref-a, ref-b]", "[ref-a, 7, ref-z]")
          .replace("[outer, back]", "[outer, side]"))
    content = load(mini)
    assert "lateral-thing" not in content.conditions
    assert problems(content) == [
        "lateral-thing.yaml:4: regions[1]: unknown region 'side'",
        "lateral-thing.yaml:9: clues[0].clue: unknown clue 'pain-lying-on-sied' "
        "(did you mean 'pain-lying-on-side'?)",
        "lateral-thing.yaml:10: clues[0].weight: should be less than or equal to 3",
        "lateral-thing.yaml:13: treatments[0].treatment: unknown treatment "
        "'exercise-therapi' (did you mean 'exercise-therapy'?)",
        "lateral-thing.yaml:16: exercises[0].exercise: unknown exercise 'clamm' "
        "(did you mean 'clam'?)",
        "lateral-thing.yaml:18: references[1]: unknown reference '7'",
        "lateral-thing.yaml:18: references[2]: unknown reference 'ref-z' "
        "(did you mean 'ref-b'?)",
    ]


@pytest.mark.parametrize("copy", ["front-thing-2.yaml", "zz-copy.yaml"])
def test_a_copy_keeping_the_id_is_left_out_whatever_its_place(mini: Path, write: Write,
                                                              copy: str) -> None:
    """A copied file whose id was not changed is reported and not loaded: read first
    ("front-thing-2.yaml" sorts before "front-thing.yaml"), it took the id, and the
    rightly named file was rejected as using it."""
    text = (mini / "conditions/front-thing.yaml").read_text()
    write(f"conditions/{copy}", text.replace("name: ", "name: Copy of ", 1))
    content = load(mini)
    assert problems(content) == [f"{copy}:1: id: 'front-thing' does not match the file name "
                                 f"'{copy}', so the file is left out"]
    assert not content.conditions["front-thing"].name.startswith("Copy of ")


def test_id_must_match_file_name_and_be_valid(mini: Path, write: Write) -> None:
    write("treatments/ice.yaml", "id: Ice Pack\nname: Ice\ncategory: self-care\nwhat: w\n"
          "helps_when: h\nevidence: e\n")
    found = problems(load(mini))
    assert any(f.startswith("ice.yaml:1: id: 'Ice Pack' is not a valid id") for f in found)


def test_region_missing_from_diagram(mini: Path, write: Write) -> None:
    text = (mini / "regions.yaml").read_text()
    write("regions.yaml", text + "  - id: knee\n    name: Knee\n    description: d\n"
          "    clinical_area: knee\n")
    content = load(mini)
    assert any(f.startswith("regions.yaml:22: id: region 'knee' has no shape in the diagram")
               for f in problems(content))
    assert "knee" not in content.regions


def test_a_damaged_diagram_is_reported_and_the_content_still_loads(mini: Path,
                                                                   tmp_path: Path) -> None:
    broken = tmp_path / "diagram.svg"
    broken.write_text("<svg xmlns='http://www.w3.org/2000/svg'><g id='front'>")  # cut short
    content = load_content([mini], broken)
    assert any(str(p).startswith(f"{broken}:1: diagram cannot be read: no element found")
               for p in content.problems)
    assert "front-thing" in content.conditions and content.diagram is None


def test_the_loader_keeps_the_region_shapes_it_checked(mini: Path) -> None:
    content = load(mini)
    assert content.diagram is not None and content.diagram.source == str(DIAGRAM)
    assert set(content.diagram.regions) == set(content.regions)
    assert all(polygons for polygons in content.diagram.regions.values())


def test_image_outside_folder_missing_or_wrong_kind(mini: Path, write: Write,
                                                     tmp_path: Path) -> None:
    (tmp_path / "secret.svg").write_text("<svg/>")
    base = "name: X\npurpose: p\nsteps: [s]\ndose: {sets: 1}\n"
    write("exercises/escape.yaml", f"id: escape\n{base}image: ../../secret.svg\n")
    write("exercises/missing.yaml", f"id: missing\n{base}image: images/nothing.svg\n")
    write("exercises/device.yaml", f"id: device\n{base}image: /dev/zero\n")
    write("exercises/images/fake.svg", "just some text, not a drawing")
    write("exercises/images/fake.png", "<svg> pretending </svg>")
    write("exercises/fake.yaml", f"id: fake\n{base}image: images/fake.svg\n")
    write("exercises/fake-png.yaml", f"id: fake-png\n{base}image: images/fake.png\n")
    found = problems(load(mini))
    assert "fake.yaml:6: image: image 'images/fake.svg' is not a readable SVG image" in found
    assert ("fake-png.yaml:6: image: image 'images/fake.png' is an SVG file named .png: name "
            "it fake.svg (the file and this line)") in found
    assert any(f.startswith("escape.yaml:6: image: image '../../secret.svg' is outside")
               for f in found)
    assert any(f.startswith("missing.yaml:6: image: image 'images/nothing.svg' not found")
               for f in found)
    assert any(f.startswith("device.yaml:6: image: ") and "outside" in f for f in found)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are a POSIX feature")
def test_an_image_that_is_a_pipe_or_a_folder_is_not_called_missing(mini: Path,
                                                                  write: Write) -> None:
    """It was reported "not found" while the clinician could see it in the folder."""
    base = "name: X\npurpose: p\nsteps: [s]\ndose: {sets: 1}\n"
    os.mkfifo(mini / "exercises/images/pipe.svg")
    (mini / "exercises/images/folder.png").mkdir()
    write("exercises/pipe.yaml", f"id: pipe\n{base}image: images/pipe.svg\n")
    write("exercises/folder.yaml", f"id: folder\n{base}image: images/folder.png\n")
    found = problems(load(mini))
    for name, picture in (("pipe", "pipe.svg"), ("folder", "folder.png")):
        assert any(f.startswith(f"{name}.yaml:6: image: image 'images/{picture}' is not a "
                                "regular file") for f in found), found


def test_svg_image_with_xml_entities_refused(mini: Path, write: Write) -> None:
    """A "billion laughs" SVG never reaches the SVG renderer."""
    write("exercises/images/laughs.svg",
          '<?xml version="1.0"?>\n<!DOCTYPE svg [<!ENTITY lol "lol">'
          '<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>\n'
          '<svg xmlns="http://www.w3.org/2000/svg"><text>&lol2;</text></svg>\n')
    write("exercises/laughs.yaml", "id: laughs\nname: X\npurpose: p\nsteps: [s]\n"
          "dose: {sets: 1}\nimage: images/laughs.svg\n")
    content = load(mini)
    assert "laughs.yaml:6: image: image 'images/laughs.svg' is not a readable SVG image" \
        in problems(content)
    assert "laughs" not in content.images
    assert "clam" in content.images  # the honest picture still loads


def test_content_file_linked_from_outside_its_folder_is_not_read(
        mini: Path, tmp_path: Path) -> None:
    outside = tmp_path / "elsewhere.yaml"
    outside.write_text((mini / "conditions/front-thing.yaml").read_text()
                       .replace("id: front-thing", "id: linked-thing"))
    try:
        os.symlink(outside, mini / "conditions/linked-thing.yaml")
    except (OSError, NotImplementedError):
        pytest.skip("symbolic links are not available here")
    content = load(mini)
    assert "linked-thing.yaml:1: : links to a file outside its folder; not read" \
        in problems(content)
    assert "linked-thing" not in content.conditions
    assert len(content.conditions) == 4  # the folder's own files still load


def test_all_problems_collected_in_one_pass(mini: Path, write: Write) -> None:
    write("conditions/a.yaml", "id: a\n")
    write("conditions/b.yaml", "id: b\nname: [x]\n")
    write("treatments/c.yaml", "::: not yaml :::\n  - [\n")
    content = load(mini)
    files = {p.path.name for p in content.problems}
    assert {"a.yaml", "b.yaml", "c.yaml"} <= files
    assert len(content.conditions) == 4  # the good files of the folder still load


def test_stray_yaml_file_reported(mini: Path, write: Write) -> None:
    write("notes/extra.yaml", "a: 1\n")
    assert any(f.startswith("extra.yaml:1: ") and "not read" in f for f in problems(load(mini)))


def test_layers_add_and_replace(mini: Path, tmp_path: Path) -> None:
    clinic = tmp_path / "clinic"
    (clinic / "conditions").mkdir(parents=True)
    (clinic / "conditions/front-thing.yaml").write_text(
        (mini / "conditions/front-thing.yaml").read_text().replace("Front thing", "Clinic front")
    )
    (clinic / "conditions/new-thing.yaml").write_text(
        "id: new-thing\nname: New\nregions: [back]\nurgency: routine\nsummary: s\n"
        "symptoms: [x]\nred_flags: []\nreferences: [ref-a, ref-b]\nreviewed: '2026-01-01'\n"
    )
    content = load(mini, clinic)
    assert content.problems == []
    assert content.conditions["front-thing"].name == "Clinic front"
    assert "new-thing" in content.conditions and len(content.conditions) == 5


def test_missing_folder_is_a_problem(tmp_path: Path) -> None:
    content = load(tmp_path / "nope")
    assert content.problems and "not found" in content.problems[0].message


def test_a_file_given_as_a_folder_is_named_in_full(tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "clinic.zip").write_bytes(b"PK")
    content = load(Path("clinic.zip"))
    assert [str(p) for p in content.problems] == [
        f"{tmp_path / 'clinic.zip'}: a file, not a content folder; the rest of the content "
        "is shown"]


@pytest.mark.parametrize(("dose", "line"), [
    (Dose(sets="3", reps="10-15", frequency="3 times a week"),
     "3 sets of 10-15 reps, 3 times a week"),
    (Dose(sets="5", hold="30-45 seconds", frequency="daily"), "5 holds of 30-45 seconds, daily"),
    (Dose(sets="1", hold="60 seconds"), "1 hold of 60 seconds"),
    (Dose(sets="3", reps="10", hold="5 seconds"), "3 sets of 10 reps, holding each for 5 seconds"),
    (Dose(sets="1", reps="3-5 on each side"), "1 set of 3-5 on each side"),
    (Dose(sets="a few", reps="8"), "a few x 8 reps"),
    (Dose(hold="20 seconds"), "hold for 20 seconds"),
    (Dose(frequency="daily"), "daily"),
])
def test_a_dose_reads_as_a_sentence(dose: Dose, line: str) -> None:
    assert dose.describe() == line


@pytest.mark.parametrize("name", ["front-thing.YAML", "front-thing.Yaml", "front-thing.yml",
                                  "front-thing.YML", "Front-Thing.yml"])  # ids: lower case
def test_content_file_with_another_ending_is_reported_with_the_name_to_use(
        mini: Path, name: str) -> None:
    """QA: a condition saved as .YAML vanished while validate said "no problems"."""
    (mini / "conditions/front-thing.yaml").rename(mini / "conditions" / name)
    content = load(mini)
    assert problems(content) == [f"{name}:1: : not read: content files end in lower-case "
                                 "'.yaml'; rename it to 'front-thing.yaml'"]
    assert "front-thing" not in content.conditions  # the same on every system
    assert len(content.conditions) == 3


def test_list_file_with_another_ending_is_reported_with_the_name_to_use(mini: Path) -> None:
    (mini / "clues.yaml").rename(mini / "Clues.YAML")
    content = load(mini)
    assert ("Clues.YAML:1: : not read: content files end in lower-case '.yaml'; "
            "rename it to 'clues.yaml'") in problems(content)
    assert content.clues == {}


def test_entry_folder_named_in_another_case_is_not_read(mini: Path) -> None:
    """Names are compared exactly, so Windows and macOS (which would open "Pages" for
    "pages") read the same files as Linux, and say so."""
    (mini / "pages").rename(mini / "Pages")
    content = load(mini)
    assert content.pages == {}
    assert any(p.startswith("red-flags.yaml:1: : not read: content files belong in")
               for p in problems(content))


@pytest.mark.parametrize(("file", "old", "new", "expected"), [
    # QA: each of these suggested a field from somewhere else in the model
    ("exercises/clam.yaml", "frequency: 3 times a week}", "frequency: 3 times a week, note: y}",
     "clam.yaml:6: dose.note: is not a known field"),
    ("exercises/clam.yaml", "frequency: 3 times a week}", "frequency: 3 times a week, tempo: y}",
     "clam.yaml:6: dose.tempo: is not a known field"),
    ("conditions/lateral-thing.yaml", "    stage: early", "    stage: early\n    nmae: x",
     "lateral-thing.yaml:18: exercises[0].nmae: is not a known field"),
    # a typo still gets the field of its own place
    ("exercises/clam.yaml", 'reps: "10-15"', 'rep: "10-15"',
     "clam.yaml:6: dose.rep: is not a known field (did you mean 'reps'?)"),
    ("conditions/lateral-thing.yaml", "    stage: early", "    stgae: early",
     "lateral-thing.yaml:17: exercises[0].stgae: is not a known field (did you mean 'stage'?)"),
    ("conditions/lateral-thing.yaml", "    note: Works well.", "    noet: Works well.",
     "lateral-thing.yaml:14: treatments[0].noet: is not a known field (did you mean 'note'?)"),
    ("conditions/lateral-thing.yaml", "    weight: 3", "    wieght: 3",
     "lateral-thing.yaml:10: clues[0].wieght: is not a known field (did you mean 'weight'?)"),
    ("pages/red-flags.yaml", "    items:", "    itmes:",
     "red-flags.yaml:6: sections[0].itmes: is not a known field (did you mean 'items'?)"),
    ("regions.yaml", "    name: Front of the hip", "    nmae: Front of the hip",
     "regions.yaml:3: nmae: is not a known field (did you mean 'name'?)"),
])
def test_unknown_field_suggests_only_fields_of_its_own_place(
        mini: Path, write: Write, file: str, old: str, new: str, expected: str) -> None:
    text = (mini / file).read_text()
    assert old in text
    write(file, text.replace(old, new, 1))
    found = [p for p in problems(load(mini)) if "is not a known field" in p]
    assert found == [expected]


def test_unknown_field_in_nested_recovery_suggests_its_own_fields(mini: Path,
                                                                 write: Write) -> None:
    text = (mini / "conditions/lateral-thing.yaml").read_text()
    write("conditions/lateral-thing.yaml", text + (
        "recovery:\n  summary: s\n  phases:\n    - name: a\n      weeks_min: 1\n"
        "      weeks_max: 2\n      descripton: x\n      summry: y\n"
        "clinician:\n  exams: [x]\n"))
    found = [p for p in problems(load(mini)) if "is not a known field" in p]
    assert found == [
        "lateral-thing.yaml:26: recovery.phases[0].descripton: is not a known field "
        "(did you mean 'description'?)",
        "lateral-thing.yaml:27: recovery.phases[0].summry: is not a known field",
        "lateral-thing.yaml:29: clinician.exams: is not a known field (did you mean 'exam'?)",
    ]


def test_a_caution_is_text_or_text_for_some_regions(mini: Path, write: Write) -> None:
    """A caution written as plain text is for everyone; one with `regions` is kept for
    those regions; a misspelt region is reported at its line and the caution, rather
    than hidden, is then shown everywhere."""
    text = (mini / "exercises/clam.yaml").read_text()
    write("exercises/clam.yaml", text + (
        "cautions:\n"
        "  - Stop if it hurts.\n"
        "  - text: With outer hip pain, put a towel between your knees.\n"
        "    regions: [outer]\n"
        "  - text: With pain at the sitting bone, go gently.\n"
        "    regions: [bak]\n"
        "  - text: With groin pain, bend less.\n"
        "    regions: [groin, groin]\n"))
    content = load(mini)
    assert problems(content) == [
        "clam.yaml:13: cautions[2].regions[0]: unknown region 'bak' (did you mean 'back'?)",
        "clam.yaml:15: cautions[3].regions[1]: region 'groin' is already listed on line 15; "
        "this repeat is left out",
    ]
    clam = content.exercises["clam"]
    assert clam.cautions_for() == ("Stop if it hurts.",
                                   "With outer hip pain, put a towel between your knees.",
                                   "With pain at the sitting bone, go gently.",
                                   "With groin pain, bend less.")
    assert clam.cautions_for(["back"]) == ("Stop if it hurts.",
                                           "With pain at the sitting bone, go gently.")
    assert clam.cautions_for(["outer", "groin"]) == (
        "Stop if it hurts.", "With outer hip pain, put a towel between your knees.",
        "With pain at the sitting bone, go gently.", "With groin pain, bend less.")


@pytest.mark.parametrize(("caution", "expected"), [
    ("  - txt: Stop.\n", "clam.yaml:9: cautions[0].txt: is not a known field "
                         "(did you mean 'text'?)"),
    ("  - regions: [outer]\n", "clam.yaml:9: cautions[0].text: is missing (it is required)"),
    ("  - [a, list]\n", "clam.yaml:9: cautions[0].text: should be text, not a list"),
])
def test_a_malformed_caution_is_reported_at_its_line(mini: Path, write: Write,
                                                     caution: str, expected: str) -> None:
    text = (mini / "exercises/clam.yaml").read_text()
    write("exercises/clam.yaml", text + "cautions:\n" + caution)
    content = load(mini)
    assert any(p.startswith(expected) for p in problems(content)), problems(content)
    assert "clam" not in content.exercises


# ---- folders that are not folders, and a broken list file's consequences --------------


def _loop(path: Path) -> None:
    path.symlink_to(path.name)  # a link to itself


def _dangling(path: Path) -> None:
    path.symlink_to("gone")


def _file(path: Path) -> None:
    path.write_text("x\n")


@pytest.mark.parametrize(("make", "reason"), [
    (_loop, "is a link that loops"),
    (_file, "is a file, not a folder"),
    (_dangling, "is a link to a folder that does not exist"),
])
def test_an_entry_folder_that_cannot_be_listed_is_named_and_the_rest_loads(
        mini: Path, make: Callable[[Path], None], reason: str) -> None:
    """QA: conditions/ as a symbolic link loop or as a plain file was skipped without a
    word: validate said "no problems" while the clinic's conditions were gone."""
    shutil.rmtree(mini / "conditions")
    try:
        make(mini / "conditions")
    except (OSError, NotImplementedError):
        pytest.skip("symbolic links are not available here")
    content = load(mini)
    assert [str(p) for p in content.problems] == [
        f"{mini / 'conditions'}: {reason}; its files are not read"]
    assert content.conditions == {}
    assert "clam" in content.exercises and len(content.regions) == 4  # the rest loads


def test_a_broken_regions_file_comes_first_and_its_consequences_are_counted(
        mini: Path, write: Write) -> None:
    """QA: a YAML mistake in regions.yaml was the 60th of 60 problems, after one "unknown
    region" and one "not shown" line for every entry that names a region."""
    text = (mini / "regions.yaml").read_text()
    write("regions.yaml", text.replace("regions:", "regions:\n  - id: [broken", 1))
    content = load(mini)
    assert problems(content) == [
        "regions.yaml:3: : YAML syntax: expected ',' or ']', but got ':' (while parsing a "
        "[ ] list that starts on line 2)",
        "regions.yaml:3: : because of this, 4 files name regions that could not be loaded "
        "(7 names left out and 4 conditions not shown); fix this file first"]
    assert content.conditions == {} and "clam" in content.exercises


def test_a_broken_references_file_counts_the_conditions_it_hides(mini: Path,
                                                                  write: Write) -> None:
    write("references.yaml", "references: {\n" + (mini / "references.yaml").read_text())
    assert problems(load(mini)) == [
        "references.yaml:3: : YAML syntax: expected the node content, but found '-' (while "
        "parsing a flow node)",
        "references.yaml:3: : because of this, 5 files name references that could not be "
        "loaded (9 names left out and 4 conditions not shown); fix this file first"]


def test_only_the_names_of_a_lost_entry_are_counted_with_it(mini: Path, write: Write) -> None:
    """One region left out (a typo in its file): the names of that region are counted
    with it; a misspelt region elsewhere is still reported where it is."""
    text = (mini / "regions.yaml").read_text()
    write("regions.yaml", text.replace("    name: Back of the hip", "    nmae: Back of the hip"))
    text = (mini / "conditions/front-thing.yaml").read_text()
    write("conditions/front-thing.yaml", text.replace("[front, groin]", "[front, groyn]"))
    content = load(mini)
    assert problems(content) == [
        "front-thing.yaml:3: regions[1]: unknown region 'groyn' (did you mean 'groin'?)",
        "regions.yaml:17: name: is missing (it is required)",
        "regions.yaml:17: : because of this, 2 files name regions that could not be loaded "
        "(2 names left out and 1 condition not shown); fix this file first",
        "regions.yaml:18: nmae: is not a known field (did you mean 'name'?)"]
    assert "buttock-thing" not in content.conditions  # its only region is 'back'
    assert content.conditions["lateral-thing"].regions == ("outer",)


def _bitmap(kind: str) -> bytes:
    """A small picture saved as `kind` ("PNG" or "JPG"), as a paint program writes it."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice
    from PySide6.QtGui import QColor, QImage

    image = QImage(40, 30, QImage.Format.Format_RGB32)
    image.fill(QColor("#2874a4"))
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    assert image.save(buffer, kind)
    return bytes(data.data())


def test_a_png_named_jpg_or_a_jpg_named_png_is_shown(mini: Path, write: Write,
                                                     qapp: object) -> None:
    """QA: a PNG saved with a .jpg name was refused as "not a readable JPG image" and left
    out, though the picture reads well: Qt reads a picture by what it holds."""
    from explorer.ui.images import damage, load_picture

    base = "name: X\npurpose: p\nsteps: [s]\ndose: {sets: 1}\n"
    write("exercises/images/knee.jpg", _bitmap("PNG"))
    write("exercises/images/hop.png", _bitmap("JPG"))
    write("exercises/knee.yaml", f"id: knee\n{base}image: images/knee.jpg\n")
    write("exercises/hop.yaml", f"id: hop\n{base}image: images/hop.png\n")
    content = load_content([mini], svg_file=DIAGRAM, damage=damage)  # as validate does
    assert problems(content) == []
    for name in ("knee", "hop"):
        picture = load_picture(content.images[name], 80)
        assert picture is not None and picture.width() == 80


def test_a_picture_named_as_another_kind_says_what_it_holds(mini: Path, write: Write) -> None:
    """An SVG drawing saved as arm.png was "not a readable PNG image", which sent the
    writer looking for damage: the message says what the file is and what to call it."""
    base = "name: X\npurpose: p\nsteps: [s]\ndose: {sets: 1}\n"
    svg = b'<svg xmlns="http://www.w3.org/2000/svg" width="4" height="4"/>'
    pictures = {"arm.png": svg, "leg.svg": _bitmap("PNG"), "hip.jpg": b"GIF89a" + bytes(40),
                "toe.png": b"%PDF-1.7\n" + bytes(40), "eye.png": b"not a picture at all"}
    for name, data in pictures.items():
        stem = name.split(".")[0]
        write(f"exercises/images/{name}", data)
        write(f"exercises/{stem}.yaml", f"id: {stem}\n{base}image: images/{name}\n")
    found = problems(load_content([mini], svg_file=DIAGRAM))
    said = {line.split(".yaml")[0]: line.split("image: ", 1)[1] for line in found}
    assert said == {
        "arm": "image 'images/arm.png' is an SVG file named .png: name it arm.svg (the file "
               "and this line)",
        "leg": "image 'images/leg.svg' is a PNG file named .svg: name it leg.png (the file "
               "and this line)",
        "hip": "image 'images/hip.jpg' is a GIF file named .jpg: save it as a PNG, JPEG or "
               "SVG picture",
        "toe": "image 'images/toe.png' is a PDF file named .png: save it as a PNG, JPEG or "
               "SVG picture",
        "eye": "image 'images/eye.png' is not a readable PNG image",
    }
