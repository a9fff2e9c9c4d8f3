"""What QA found in exports: handouts print the conditions' cautions for each exercise,
booklet pages say which condition they continue, and the command line's mistakes and
paths (links, missing folders, closed pipes) get plain answers."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from pdf_pages import pages_text

from explorer.cli import load, main
from explorer.model import Content

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def content() -> Content:
    return load()


def card_texts(path: Path, names: list[str]) -> dict[str, str]:
    """Each exercise card's text (from its name to the next card's name, or the page's
    end), from the page the card is printed on; the cards are kept whole."""
    cards: dict[str, str] = {}
    for page in pages_text(path):
        starts = sorted((page.index(n), n) for n in names if n in page)
        for (start, name), (end, _) in zip(starts, [*starts[1:], (len(page), "")], strict=False):
            cards.setdefault(name, page[start:end])
    assert set(cards) == set(names), f"cards not found: {set(names) - set(cards)}"
    return cards


def write_handout(tmp_path: Path, conditions: list[str], exercises: list[str]) -> Path:
    path = tmp_path / "handout.json"
    path.write_text(json.dumps({
        "format": "hip-explorer-handout", "version": 1, "conditions": conditions,
        "exercises": [{"exercise": e, "sets": "3"} for e in exercises]}), encoding="utf-8")
    return path


# ---- 1. a handout prints what its conditions say about each exercise ---------------------
def test_handout_prints_each_conditions_caution_on_the_exercise_card(
        tmp_path: Path, content: Content) -> None:
    exercises = ["isometric-hip-abduction", "dead-bug", "bridge", "hip-flexor-stretch"]
    handout = write_handout(tmp_path, ["femoral-neck-stress-fracture",
                                       "iliopsoas-related-groin-pain"], exercises)
    out = tmp_path / "plan.pdf"
    assert main(["export", "--handout", str(handout), "--output", str(out)]) == 0
    cards = card_texts(out, [content.exercises[e].name for e in exercises])
    fracture = "Femoral neck stress fracture: "
    iliopsoas = "Iliopsoas-related groin pain (hip flexor strain or tendinopathy): "
    assert (fracture + "Only once a doctor has cleared you: lying down, no weight on the leg"
            in cards["Isometric hip abduction (pressing out without moving)"])
    assert fracture + "Only when your doctor has cleared you" in cards["Bridge"]
    # two conditions with a note each: both, in the handout's order, each once
    dead_bug = cards["Dead bug"]
    assert dead_bug.count("Only once a doctor has cleared you: heel taps with the knees bent") == 1
    assert dead_bug.count("Heel taps only early on: keep both knees bent") == 1
    assert dead_bug.index(fracture) < dead_bug.index(iliopsoas)
    stretch = cards["Hip flexor stretch (half-kneeling)"]
    assert iliopsoas + "This stretch often brings on the pain" in stretch
    assert "Leave it out while the front of the hip is sore" in stretch
    assert "Only after" not in stretch  # not the fracture's: it does not list the stretch
    # the exercise's own cautions are still there
    assert "Stop if it causes pinching deep in the front of the hip" in stretch


def test_a_one_condition_handout_prints_its_cautions_as_the_summary_does(
        tmp_path: Path, content: Content) -> None:
    handout = write_handout(tmp_path, ["iliopsoas-related-groin-pain"], ["hip-flexor-stretch"])
    out = tmp_path / "plan.pdf"
    assert main(["export", "--handout", str(handout), "--output", str(out)]) == 0
    card = card_texts(out, ["Hip flexor stretch (half-kneeling)"])[
        "Hip flexor stretch (half-kneeling)"]
    assert ("This stretch often brings on the pain of this problem. Leave it out while the "
            "front of the hip is sore." in card)
    assert "Iliopsoas-related groin pain" not in card  # one condition: no name needed


# ---- 2. a booklet's later pages of a condition say which condition they continue --------
def test_booklet_pages_name_the_condition_they_continue(tmp_path: Path,
                                                        content: Content) -> None:
    ids = ["greater-trochanteric-pain-syndrome", "hip-labral-tear"]
    out = tmp_path / "booklet.pdf"
    assert main(["export", "--condition", ids[0], "--condition", ids[1], "--side", "right",
                 "--output", str(out)]) == 0
    pages = pages_text(out)
    names = [content.conditions[c].name for c in ids]
    firsts = [next(n for n, page in enumerate(pages) if f"{name} Also called" in page)
              for name in names]
    assert firsts[0] > 0 and firsts[1] - firsts[0] >= 2  # after the contents, 2+ pages
    # the warning signs follow the contents on its page: it does not list them
    assert "See a doctor if Go to an emergency" in pages[0]
    assert "(warning signs)" not in pages[0]
    for number, page in enumerate(pages):
        body = page.split("Right hip", 1)[1]  # below the header
        if number in firsts or number == 0:
            assert "(continued)" not in body
        else:
            name = names[0] if number < firsts[1] else names[1]
            assert body.strip().startswith(f"{name} (continued)"), (number, body[:80])
    assert "Hip pain after running: conditions" in pages[firsts[0] + 1]  # header as before


def test_a_single_summary_has_no_continued_line(tmp_path: Path) -> None:
    out = tmp_path / "gtps.pdf"
    assert main(["export", "--condition", "greater-trochanteric-pain-syndrome",
                 "--output", str(out)]) == 0
    pages = pages_text(out)
    assert len(pages) == 2 and "(continued)" not in pages[1]


def test_a_running_head_starts_every_page_a_long_text_runs_on_to(qapp: object) -> None:
    from explorer.report.pages import HtmlFlowable, paginate

    head = HtmlFlowable("<p>Some condition (continued)</p>")
    title = HtmlFlowable("<h1>Some condition</h1>")
    text = HtmlFlowable("<p>" + "A line of running text that goes on. " * 400 + "</p>",
                        splittable=True)
    text.running_head = head
    height = 400.0
    pages = paginate([title, text], 500, height)
    assert len(pages) >= 3
    assert head not in [p.flowable for p in pages[0]]
    for page in pages[1:]:
        assert page[0].flowable is head and page[1].flowable is text
        part = page[1]
        bottom = part.top + ((part.end or text.height(500)) - part.start)
        assert part.top > head.height(500) and bottom <= height  # nothing runs off


# ---- 3. --side with --handout: the file sets the side --------------------------------
def test_a_side_other_than_the_handouts_is_a_usage_error(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    handout = write_handout(tmp_path, [], ["clam"])  # no side in the file: right
    out = tmp_path / "plan.pdf"
    assert main(["export", "--handout", str(handout), "--side", "left",
                 "--output", str(out)]) == 2
    err = capsys.readouterr().err
    assert f"the handout file {handout} sets the side" in err and '"right"' in err
    assert not out.exists()
    # the same side, or none, prints the file's
    for given in (["--side", "right"], []):
        assert main(["export", "--handout", str(handout), *given, "--output", str(out)]) == 0
        assert "Right hip" in pages_text(out)[0]


# ---- 4. a condition named twice is printed once ------------------------------------
def test_a_repeated_condition_is_listed_and_printed_once(tmp_path: Path,
                                                         content: Content) -> None:
    labral, gtps = "hip-labral-tear", "greater-trochanteric-pain-syndrome"
    out = tmp_path / "booklet.pdf"
    assert main(["export", "--condition", labral, "--condition", gtps, "--condition", labral,
                 "--output", str(out)]) == 0
    pages = pages_text(out)
    names = [content.conditions[c].name for c in (labral, gtps)]
    contents = pages[0]
    assert [contents.count(n) for n in names] == [1, 1]
    assert contents.index(names[0]) < contents.index(names[1])  # the order first given
    starts = [n for n, page in enumerate(pages, 1) for name in names
              if f"{name} Also called" in page]
    assert len(starts) == 2  # each condition printed once
    for cid, start in zip((labral, gtps), starts, strict=True):  # the right page numbers
        condition = content.conditions[cid]
        where = ", ".join(content.region_name(r) for r in condition.regions)
        assert f"{condition.name} {where} {start} " in contents
    # twice the same one alone: its summary, as with one --condition
    once = tmp_path / "once.pdf"
    assert main(["export", "--condition", labral, "--condition", labral,
                 "--output", str(once)]) == 0
    assert "Contents" not in pages_text(once)[0] and len(pages_text(once)) == 2


def test_a_booklet_job_given_a_condition_twice_prints_it_once(
        tmp_path: Path, content: Content, qapp: object) -> None:
    from explorer.paths import diagram_svg
    from explorer.report.documents import booklet_job
    from explorer.report.output import write_pdf
    from explorer.report.pages import Header
    from explorer.ui.diagram_art import DiagramArt

    art = DiagramArt(diagram_svg(), list(content.regions))
    labral = content.conditions["hip-labral-tear"]
    job = booklet_job(content, art, [labral, labral])
    out = tmp_path / "booklet.pdf"
    write_pdf(out, job, Header(job.title))
    pages = pages_text(out)
    assert pages[0].count(labral.name) == 1
    assert sum(f"{labral.name} Also called" in page for page in pages) == 1


# ---- 6. plain messages for paths that cannot be written ------------------------------
def export_to(path: Path | str) -> int:
    return main(["export", "--condition", "hip-labral-tear", "--output", str(path)])


def test_a_file_where_a_folder_should_be_is_named(
        tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "gtps.pdf").write_bytes(b"a pdf")
    for given in ("out/gtps.pdf/x.pdf", "out/gtps.pdf/more/x.pdf"):
        assert export_to(given) == 1
        err = capsys.readouterr().err
        assert f"cannot write {given}: out/gtps.pdf is a file, not a folder" in err
        assert "does not exist" not in err
    assert export_to("missing/x.pdf") == 1  # a folder that is not there still says so
    assert "the folder missing does not exist" in capsys.readouterr().err


def test_a_name_too_long_is_said_in_words(tmp_path: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    name = "a" * 300 + ".pdf"
    assert export_to(tmp_path / name) == 1
    err = capsys.readouterr().err
    assert "Errno" not in err and "Traceback" not in err
    assert f"cannot write {tmp_path / 'aaaa'}" in err  # names the file, shortened
    assert "the file name is too long (304 characters; at most 255)" in err
    assert len(err) < 300
    assert export_to(tmp_path / ("b" * 300) / "x.pdf") == 1
    assert "the folder name is too long (300 characters" in capsys.readouterr().err
    # a long name the file system takes is written (its temporary file's name fits too)
    assert export_to(tmp_path / ("c" * 250 + ".pdf")) == 0
    assert [p.name for p in tmp_path.iterdir()] == ["c" * 250 + ".pdf"]


def test_other_refusals_of_the_file_system_name_the_file_without_errno(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    long = tmp_path / ("d" * 300)
    assert main(["--content", str(long), "conditions"]) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"hip-explorer: {long}: ") and "Errno" not in err


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX pipes")
@pytest.mark.parametrize("command", [["conditions", "--json"], ["conditions"],
                                     ["validate"]])
def test_a_closed_pipe_stops_the_output_quietly(command: list[str]) -> None:
    read, write = os.pipe()
    os.close(read)  # the reader has gone, as after `| head -1`
    try:
        done = subprocess.run([sys.executable, str(ROOT / "main.py"), *command],
                              stdout=write, stderr=subprocess.PIPE, text=True, timeout=120,
                              env={**os.environ, "HIP_EXPLORER_CACHE_DIR": "off"})
    finally:
        os.close(write)
    assert done.stderr == ""  # no "[Errno 32] Broken pipe", no "Exception ignored"
    assert done.returncode == 141  # as a shell reports a tool stopped by SIGPIPE


@pytest.mark.parametrize("command", [["conditions", "--region", "back"],
                                     ["export", "--all", "--output", "{out}"]])
def test_the_hint_for_content_problems_names_the_content_folders(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], command: list[str]) -> None:
    clinic = tmp_path / "my clinic"
    (clinic / "conditions").mkdir(parents=True)
    (clinic / "conditions" / "broken.yaml").write_text("id: broken\nname: [\n")
    command = [part.format(out=tmp_path / "all.pdf") for part in command]
    assert main(["--content", str(clinic), *command]) == 0
    err = capsys.readouterr().err
    hint = f"to see them, run: hip-explorer validate '{clinic}'"
    assert f"hip-explorer: note: 1 content problem(s); {hint}\n" in err
    # the command it gives lists the problem
    assert main(["validate", str(clinic)]) == 1
    assert "broken.yaml:3: " in capsys.readouterr().err


def test_a_handout_for_an_urgent_condition_asks_for_pain_free_exercise(
        tmp_path: Path) -> None:
    """"Mild discomfort is fine" is tendon and muscle advice: after a stress fracture
    the exercises stay pain-free."""
    intro = {}
    for condition in ("femoral-neck-stress-fracture", "greater-trochanteric-pain-syndrome"):
        handout = write_handout(tmp_path, [condition], ["bridge"])
        out = tmp_path / f"{condition}.pdf"
        assert main(["export", "--handout", str(handout), "--output", str(out)]) == 0
        text = " ".join(pages_text(out))
        intro[condition] = text[text.index("Your exercises"):text.index("Bridge")]
    assert "pain-free" in intro["femoral-neck-stress-fracture"]
    assert "discomfort" not in intro["femoral-neck-stress-fracture"]
    assert ("Mild discomfort (no more than 3 out of 10) that settles by the next morning "
            "is fine") in intro[
        "greater-trochanteric-pain-syndrome"]
