"""Print layout as a reader sees it: a heading never left at the foot of a page without
what it introduces, and the clinic's logo in the header neither squashed nor blurred."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pdf_pages import pages_text

from explorer.cli import load, main
from explorer.report.pages import HtmlFlowable, paginate

SAMPLE_HANDOUT = Path(__file__).parent.parent / "docs" / "sample-handout.json"


def fixed_height(height: float, keep_with_next: bool = False) -> HtmlFlowable:
    block = HtmlFlowable("<p>x</p>", keep_with_next=keep_with_next)
    block.height = lambda _width: height  # type: ignore[method-assign]
    return block


@pytest.mark.parametrize("note, large_print", [
    ("Keep runs short and flat this fortnight. " * 42, False),
    ("Keep runs short and flat this fortnight. " * 45, False),
    (None, True),  # the sample's own note, in large print
])
def test_your_exercises_heading_prints_with_the_first_card(
        tmp_path: Path, note: str | None, large_print: bool) -> None:
    """The heading and its intro once ended page 1, a third of it empty, and the first
    exercise card (kept whole) began page 2."""
    handout = json.loads(SAMPLE_HANDOUT.read_text(encoding="utf-8"))
    if note is not None:
        handout["clinician_note"] = note
    handout["large_print"] = large_print
    source = tmp_path / "handout.json"
    source.write_text(json.dumps(handout), encoding="utf-8")
    out = tmp_path / "handout.pdf"
    assert main(["export", "--handout", str(source), "--output", str(out)]) == 0
    first = load().exercises[handout["exercises"][0]["exercise"]].name
    pages = pages_text(out)
    page = next(text for text in pages if "Your exercises" in text)
    assert first in page[page.index("Your exercises"):], "the heading is left behind"


def test_a_heading_goes_overleaf_with_a_block_that_is_kept_whole(qapp: object) -> None:
    text = fixed_height(200)
    heading = fixed_height(40, keep_with_next=True)
    card = fixed_height(250)  # fits a page, never split: the heading goes with it
    pages = paginate([text, heading, card], 300.0, 500.0)
    assert [[p.flowable for p in page] for page in pages] == [[text], [heading, card]]


def test_a_heading_stays_above_running_text_that_can_start_on_its_page(
        qapp: object) -> None:
    text = fixed_height(300)
    heading = fixed_height(40, keep_with_next=True)
    running = HtmlFlowable("<p>" + "A line of running text that goes on. " * 40 + "</p>",
                           splittable=True)  # split: enough of it follows the heading
    assert running.height(300.0) > 500.0 - 300 - 40
    pages = paginate([text, heading, running], 300.0, 500.0)
    assert [p.flowable for p in pages[0]] == [text, heading, running]
