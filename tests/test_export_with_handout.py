"""`export --condition ... --handout FILE` (DESIGN.md's command line): the conditions'
pages, then the handout from a new page, in one PDF for the patient to take home."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from pdf_pages import pages_text, text_sizes

from explorer.cli import main

GTPS = "greater-trochanteric-pain-syndrome"
WARNING_SIGNS = "a lump that throbs or pulses"  # in the warning signs, on no condition


def handout_file(folder: Path, **fields: object) -> Path:
    path = folder / "kim.json"
    path.write_text(json.dumps({
        "format": "hip-explorer-handout", "version": 1, "patient": "Kim", "side": "left",
        "regions": {"outer": 6}, "conditions": [GTPS],
        "exercises": [{"exercise": "bridge", "sets": "3", "reps": "10"}], **fields}),
        encoding="utf-8")
    return path


def plan_starts(pages: list[str]) -> int:
    """The index of the page where the handout begins."""
    starts = [i for i, text in enumerate(pages) if "Your exercise plan For: Kim" in text]
    assert len(starts) == 1, starts
    return starts[0]


def test_a_summary_then_the_handout_on_the_handouts_side(tmp_path: Path,
                                                         capsys: pytest.CaptureFixture[str],
                                                         ) -> None:
    out = tmp_path / "kim.pdf"
    assert main(["export", "--condition", GTPS, "--handout", str(handout_file(tmp_path)),
                 "-o", str(out)]) == 0
    pages = pages_text(out)
    assert f"wrote {out} ({len(pages)} pages" in capsys.readouterr().out
    plan = plan_starts(pages)
    assert plan >= 1 and "Greater trochanteric pain syndrome" in pages[0]
    assert "Your exercise plan" not in " ".join(pages[:plan])  # the summary comes first
    assert "Bridge" in pages[plan] and "Dose: 3 sets of 10 reps" in pages[plan]
    # the handout's side is the patient's: on every page, its summary's diagram too
    assert all("Left hip" in text and "Right hip" not in text for text in pages)
    assert "LEFT SIDE" in pages[0] and "RIGHT SIDE" not in pages[0]
    assert all("with exercise plan for Kim" in text for text in pages)  # the header
    assert WARNING_SIGNS in pages[-1]  # the handout still ends with the warning signs


def test_a_booklet_lists_the_handout_in_its_contents_and_warns_once(tmp_path: Path) -> None:
    out = tmp_path / "outer.pdf"
    assert main(["export", "--region", "outer", "--handout", str(handout_file(tmp_path)),
                 "-o", str(out)]) == 0
    pages = pages_text(out)
    listed = re.search(r"Your exercise plan (\d+)", pages[0])
    assert listed, pages[0]
    plan = plan_starts(pages)
    assert int(listed.group(1)) == plan + 1  # the page the contents gives is the right one
    assert "Iliotibial band" in pages[plan - 1] or "(continued)" in pages[plan - 1]
    assert sum(WARNING_SIGNS in text for text in pages) == 1  # the booklet's, before any condition


def test_a_large_print_handout_keeps_its_print_size_after_a_summary(tmp_path: Path) -> None:
    normal, large = tmp_path / "normal.pdf", tmp_path / "large.pdf"
    for out, size in ((normal, False), (large, True)):
        path = handout_file(tmp_path, large_print=size)
        assert main(["export", "--condition", GTPS, "--handout", str(path), "-o", str(out)]) == 0
    # the same bridge card takes more of the page in large print: its pages hold less
    assert len(pages_text(large)) > len(pages_text(normal))


def test_the_header_cuts_a_long_title_between_whole_words_and_only_when_it_must(
        tmp_path: Path) -> None:
    """The pack's title was cut mid-word ("(gluteal …athy), with exercise plan for Kim")
    beside empty room: its line has only the side beside it, not the longer date."""
    title = ("Greater trochanteric pain syndrome (gluteal tendinopathy), with exercise plan "
             "for Kim")
    for large in (False, True):
        out = tmp_path / f"{large}.pdf"
        path = handout_file(tmp_path, large_print=large)
        assert main(["export", "--condition", GTPS, "--handout", str(path), "-o", str(out)]) == 0
        for page in pages_text(out):
            if not large:
                assert title in page  # whole, on A4 in normal print
                continue
            cut = re.search(r"(\S+) \.\.\. (\S+)", page)  # "…" as the text reads
            assert cut, page[:200]
            assert title.startswith(page[page.index("Greater"):cut.end(1)] + " ")
            assert title.endswith(" " + page[cut.start(2):page.index("Kim") + 3])


@pytest.mark.parametrize("chosen", [["--condition", GTPS], ["--region", "outer"]])
def test_large_print_enlarges_the_summaries_too(tmp_path: Path, chosen: list[str]) -> None:
    """Only the handout's pages (and every page's header) were in large print: the
    summary before it, or the booklet's contents and conditions, were in normal type. The
    header cut off the patient's name ("... (gluteal tendinopathy), w...")."""
    sizes = {}
    for large in (False, True):
        out = tmp_path / f"{large}.pdf"
        path = handout_file(tmp_path, large_print=large)
        assert main(["export", *chosen, "--handout", str(path), "-o", str(out)]) == 0
        pages = pages_text(out)
        before = pages[:plan_starts(pages)]
        found = text_sizes(out, {"Symptoms", "Contents", "See a doctor if"})
        sizes[large] = {text: size for page, text, size in found if page < len(before)}
        assert all("exercise plan for Kim" in text for text in pages)  # whose it is
        if large and chosen[0] == "--region":  # the warning signs go on overleaf, named
            assert "See a doctor if (continued)" in pages[1]
    if chosen[0] == "--region":
        assert sizes[True]["Contents"] >= 1.25 * sizes[False]["Contents"]
    assert sizes[True]["Symptoms"] >= 1.25 * sizes[False]["Symptoms"]
    assert sizes[True]["See a doctor if"] >= 1.25 * sizes[False]["See a doctor if"]


def test_side_must_still_agree_with_the_handout(tmp_path: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "k.pdf"
    assert main(["export", "--condition", GTPS, "--handout", str(handout_file(tmp_path)),
                 "--side", "right", "-o", str(out)]) == 2
    assert '("side": "left"); leave out --side' in capsys.readouterr().err
    assert not out.exists()


def test_export_with_nothing_to_print_says_what_to_give(tmp_path: Path,
                                                        capsys: pytest.CaptureFixture[str],
                                                        ) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["export", "-o", str(tmp_path / "k.pdf")])
    assert exited.value.code == 2
    assert ("give one of --condition, --region or --all, or --handout, or both"
            in capsys.readouterr().err)


def test_a_handout_that_cannot_print_writes_nothing_even_with_conditions(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = handout_file(tmp_path, exercises=[{"exercise": "bridge", "sets": "0"}])
    out = tmp_path / "k.pdf"
    assert main(["export", "--condition", GTPS, "--handout", str(path), "-o", str(out)]) == 1
    assert f"hip-explorer: {path}: " in capsys.readouterr().err
    assert not out.exists()


def test_a_booklet_for_regions_names_them(tmp_path: Path) -> None:
    out = tmp_path / "outer-groin.pdf"
    assert main(["export", "-r", "outer", "-r", "groin", "-r", "outer", "-o", str(out)]) == 0
    first = pages_text(out)[0]
    assert "Hip pain after running: conditions (Outer hip, Groin)" in first
    assert "runners (chosen for: Outer hip, Groin):" in first
