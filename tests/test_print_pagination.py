"""Where printed pages break: a condition's ending never takes a page of its own, a box
taller than a page splits between whole items (never through or just after a heading,
never one line alone), and large print does not leave pages half empty."""

from __future__ import annotations

import json
import unicodedata
from dataclasses import replace
from pathlib import Path

import pytest
from pdf_pages import pages_text
from pypdf import PdfReader
from PySide6.QtGui import QFont, QTextDocument

from explorer.cli import load, main
from explorer.model import Content
from explorer.model.handout import Handout, suggested_exercises
from explorer.paths import diagram_svg
from explorer.render import html as render
from explorer.report.documents import handout_job
from explorer.report.output import write_pdf
from explorer.report.pages import (
    GAP,
    MARGINS_MM,
    MIN_SPLIT,
    Header,
    HtmlFlowable,
    _breaks,
    page_content_size,
    paginate,
)
from explorer.ui.diagram_art import DiagramArt

SAMPLE_HANDOUT = Path(__file__).parent.parent / "docs" / "sample-handout.json"
PT_PER_MM = 72 / 25.4
HEADER_MM, FOOTER_MM = 16, 11  # pages.HEADER_HEIGHT and FOOTER_HEIGHT (normal print)
GTPS = "greater-trochanteric-pain-syndrome"


@pytest.fixture(scope="module")
def content() -> Content:
    return load()


def content_runs(path: Path) -> list[tuple[float, float, list[tuple[float, str]]]]:
    """Each page's content area (top and bottom, in points from the foot of the page)
    and the runs of text in it between the header and the footer, as (baseline, text),
    ligatures unfolded. Text that Qt draws outside the area (clipped: out of sight, but
    in the PDF) is left out."""
    found = []
    for page in PdfReader(path).pages:
        top = float(page.mediabox.height) - (MARGINS_MM.top() + HEADER_MM) * PT_PER_MM
        bottom = (MARGINS_MM.bottom() + FOOTER_MM) * PT_PER_MM
        runs: list[tuple[float, str]] = []

        def visit(text: str, cm: list[float], tm: list[float], *_: object,
                  runs: list[tuple[float, str]] = runs, top: float = top,
                  bottom: float = bottom) -> None:
            baseline = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
            if text.strip() and bottom < baseline < top:
                runs.append((baseline, " ".join(unicodedata.normalize("NFKC", text).split())))

        page.extract_text(visitor_text=visit)
        found.append((top, bottom, runs))
    return found


def content_lines(path: Path) -> list[list[str]]:
    """Each page's lines of text between its header and its footer, top to bottom (the
    runs of text on one baseline joined)."""
    found = []
    for _top, _bottom, runs in content_runs(path):
        lines: list[tuple[float, list[str]]] = []
        for baseline, text in sorted(runs, key=lambda run: -run[0]):
            if lines and lines[-1][0] - baseline < 2:  # the same line (a bold word, say)
                lines[-1][1].append(text)
            else:
                lines.append((baseline, [text]))
        found.append([" ".join(texts) for _, texts in lines])
    return found


def fullness(path: Path) -> list[float]:
    """How far down each page's content area its text reaches (0 to 1)."""
    return [(top - min((baseline for baseline, _ in runs), default=top)) / (top - bottom)
            for top, bottom, runs in content_runs(path)]


@pytest.mark.parametrize("size", ["A4", "Letter"])
def test_no_booklet_page_holds_only_a_conditions_last_line_or_two(
        tmp_path: Path, size: str) -> None:
    """On Letter paper hip osteoarthritis once took a third page with nothing but its
    name "(continued)" and "Last reviewed ...": the ending (recovery phases, references,
    review date) now goes overleaf with what comes before it."""
    out = tmp_path / f"booklet-{size}.pdf"
    assert main(["export", "--all", "--page-size", size, "--output", str(out)]) == 0
    continued = [(number, lines) for number, lines in enumerate(content_lines(out), 1)
                 if lines and lines[0].endswith("(continued)")]
    assert len(continued) >= 15  # every condition runs on to a second page
    for number, lines in continued:
        assert len(lines) - 1 >= 8, f"page {number} holds only {lines}"
    pages = pages_text(out)
    assert all(text.count("Last reviewed") <= 1 for text in pages)
    for number, lines in continued:  # the review date shares its page with the references
        if any(line.startswith("Last reviewed") for line in lines):
            assert "References:" in pages[number - 1], number


def fixed_height(height: float) -> HtmlFlowable:
    block = HtmlFlowable("<p>x</p>")
    block.height = lambda _width: height  # type: ignore[method-assign]
    return block


def test_an_ending_never_starts_a_page_alone(qapp: object) -> None:
    """Wherever the page ends, the review date shares its page with the end of what
    comes before it: the last lines of running text, or a block kept whole."""
    width = 300.0
    text = HtmlFlowable("<p>" + "References and more references to read. " * 12 + "</p>",
                        splittable=True)
    table = fixed_height(120)
    ending = HtmlFlowable("<p>Last reviewed 1 May 2025.</p>")
    ending.keep_with_previous = True
    height = 600.0
    for before in (text, table):
        h = before.height(width)
        for slack in range(int(GAP + ending.height(width))):  # it fits, the ending not
            filler = fixed_height(height - GAP - h - slack)
            pages = paginate([filler, before, ending], width, height)
            last = pages[-1]
            assert [p.flowable for p in last] == [before, ending], slack
            if before is text:  # its last lines, and never a lone one
                assert 0 < last[0].start <= h - MIN_SPLIT, slack
            else:
                assert last[0].start == 0 and len(pages) == 2, slack


def large_box() -> HtmlFlowable:
    page = load().pages.get("red-flags")
    return HtmlFlowable(render.warning_signs_box(page), font_scale=1.3)


def box_lines(doc: QTextDocument) -> list[tuple[float, float, int, bool]]:
    """(top, bottom, block number, block is a heading) of every line of a box."""
    layout = doc.documentLayout()
    lines = []
    block, number = doc.begin(), 0
    while block.isValid():
        if block.text().strip():
            rect = layout.blockBoundingRect(block)
            bold = block.charFormat().fontWeight() >= QFont.Weight.DemiBold or \
                block.begin().fragment().charFormat().fontWeight() >= QFont.Weight.DemiBold
            for index in range(block.layout().lineCount()):
                line = block.layout().lineAt(index)
                lines.append((rect.top() + line.y(), rect.top() + line.y() + line.height(),
                              number, bold and block.textList() is None))
        block, number = block.next(), number + 1
    return lines


def test_a_box_taller_than_a_page_splits_between_its_items(qapp: object) -> None:
    """The large-print warning box split through a heading ("... within a" / "day or
    two") and left "testicle." alone on a page. Wherever it starts on a page: never
    through a heading, nor between a heading and its first item, nor inside an item,
    and at least two lines on each page."""
    box = large_box()
    size = page_content_size("A4")
    width, height = size.width(), size.height()
    h = box.height(width)
    assert h > height
    lines = box_lines(box.document(width))
    for above in range(0, int(height - MIN_SPLIT), 7):
        filler = fixed_height(above)
        pages = paginate([filler, box], width, height)
        cuts = [p.end for page in pages for p in page if p.flowable is box and p.end != h]
        assert cuts, above
        for cut in cuts:
            assert cut is not None
            before = [line for line in lines if line[1] <= cut]
            after = [line for line in lines if line[0] >= cut]
            assert len(before) + len(after) == len(lines), f"a line cut at {cut}"
            assert not before[-1][3], f"a heading ends a page: {above}"
            assert before[-1][2] != after[0][2], f"an item split: {above}"
        for part in (p for page in pages for p in page if p.flowable is box):
            end = h if part.end is None else part.end
            assert sum(part.start <= t and b <= end for t, b, _, _ in lines) >= 2, above


def sample(tmp_path: Path, large_print: bool = True) -> Path:
    data = json.loads(SAMPLE_HANDOUT.read_text(encoding="utf-8"))
    data["large_print"] = large_print
    source = tmp_path / "sample.json"
    source.write_text(json.dumps(data), encoding="utf-8")
    out = tmp_path / f"sample-{large_print}.pdf"
    assert main(["export", "--handout", str(source), "--output", str(out)]) == 0
    return out


def builder_handout(content: Content) -> Handout:
    """What the builder makes for outer hip pain from GTPS, with the recovery timeline
    and a running plan, in large print."""
    runs = ((28, 5.0), (26, 8.0), (24, 6.0), (21, 5.0), (19, 14.0), (17, 5.0), (14, 6.0),
            (12, 5.0), (9, 5.0), (7, 6.0), (3, 12.0), (0, 5.0))
    handout = Handout(regions={"outer": 6}, conditions=(GTPS,), recovery_chart=True,
                      runs=runs, large_print=True)
    for exercise_id in suggested_exercises(content, handout.conditions)[:4]:
        handout = handout.with_exercise(content, exercise_id)
    return handout


@pytest.mark.parametrize(("which", "size"), [("sample", "A4"), ("builder", "A4"),
                                             ("builder", "Letter")])
def test_the_large_print_warning_box_breaks_between_whole_items(
        tmp_path: Path, content: Content, qapp: object, which: str, size: str) -> None:
    """The sample handout split a heading of the box over two pages; the builder's
    handout left "testicle." alone on its last page."""
    if which == "sample":
        out = sample(tmp_path)
    else:
        art = DiagramArt(diagram_svg(), list(content.regions))
        job = handout_job(content, art, builder_handout(content))
        out = tmp_path / "handout.pdf"
        write_pdf(out, job, Header(job.title), size)
    lines = content_lines(out)
    pages = [" ".join(page_lines) for page_lines in lines]  # what shows on each page
    page = content.pages["red-flags"]
    for section in (s for s in page.sections if s.level in ("emergency", "urgent")):
        heading, first = " ".join(section.heading.split()), " ".join(section.items[0].split())
        assert any(heading in text and first[:40] in text[text.index(heading):]
                   for text in pages), f"{heading!r} apart from its first item"
    box_pages = [n for n, text in enumerate(pages) if "See a doctor" in text]
    for number in box_pages[1:]:
        assert lines[number][0] == "See a doctor if (continued)", lines[number]
    for number, page_lines in enumerate(lines):
        body = [line for line in page_lines if not line.endswith("(continued)")]
        assert len(body) >= 2, f"page {number + 1} holds only {body}"


def test_large_print_fills_its_pages(tmp_path: Path, content: Content) -> None:
    """The sample in large print left page 1 more than half empty (its first card moved
    overleaf whole) and "Bridge" alone on page 3: a tall card now splits after some of
    its steps, and the rest starts the next page under the card's name."""
    out = sample(tmp_path)
    shares = fullness(out)
    # 4 pages while the header and footer kept normal print's size; at large print's they
    # take about 10 mm more of each page, and the warning box's last group goes overleaf
    assert len(shares) <= 5
    assert all(share > 0.6 for share in shares[:-1]), shares
    pages, lines = pages_text(out), content_lines(out)
    exercises = json.loads(SAMPLE_HANDOUT.read_text(encoding="utf-8"))["exercises"]
    for item in exercises:
        exercise = content.exercises[item["exercise"]]
        start = next(n for n, text in enumerate(pages) if exercise.name in text)
        card = pages[start][pages[start].index(exercise.name):]
        for step in exercise.steps[:2]:  # the picture, name and first steps together
            assert " ".join(step.split()) in card, exercise.name
        last = " ".join(exercise.steps[-1].split())
        if last not in card and exercise.cautions:
            assert lines[start + 1][0] == f"{exercise.name} (continued)"


def test_normal_print_keeps_every_card_whole(tmp_path: Path, content: Content) -> None:
    pages = pages_text(sample(tmp_path, large_print=False))
    assert not any("(continued)" in text for text in pages)


LONG_NOTE = ("Keep the load gentle and build it slowly over the coming weeks, resting when "
             "the pain flares and returning to the exercises once it settles again. ") * 30


@pytest.mark.parametrize("large_print", [False, True])
def test_a_card_taller_than_a_page_starts_under_its_heading(
        qapp: object, tmp_path: Path, content: Content, large_print: bool) -> None:
    """A first card taller than a page (a very long note) went overleaf alone: "Your
    exercises" stayed at the foot of the page before, and in large print that page was
    14% full. The card starts under its heading, splitting where it must."""
    handout = Handout(regions={"outer": 7}, conditions=(GTPS,), large_print=large_print,
                      clinician_note=LONG_NOTE, recovery_chart=True)
    for exercise_id in ("isometric-hip-abduction", "bridge", "side-lying-hip-abduction"):
        handout = handout.with_exercise(content, exercise_id)
    first = handout.exercises[0]
    handout = replace(handout, exercises=(replace(first, note=LONG_NOTE),
                                          *handout.exercises[1:]))
    art = DiagramArt(diagram_svg(), list(content.regions))
    job = handout_job(content, art, handout)
    out = tmp_path / "handout.pdf"
    write_pdf(out, job, Header(job.title))
    lines = content_lines(out)
    name = content.exercises[first.exercise].name
    heading = next(n for n, page in enumerate(lines) if "Your exercises" in page)
    below = lines[heading][lines[heading].index("Your exercises"):]
    assert any(line.startswith(name[:20]) for line in below), lines[heading][-4:]
    shares = fullness(out)
    assert all(share > 0.5 for share in shares[:-1]), shares


def test_a_chart_that_fits_the_rest_of_a_page_is_printed_there(
        qapp: object, content: Content) -> None:
    """A chart a little too tall for the rest of a page went overleaf whole, leaving a
    third of the page empty (and the warning box a page of its own after it): the chart
    prints there, and its words go overleaf under its title "(continued)"."""
    handout = Handout(regions={"outer": 7}, conditions=(GTPS,), recovery_chart=True)
    job = handout_job(content, DiagramArt(diagram_svg(), list(content.regions)), handout)
    chart = next(f for f in job.flowables if isinstance(f, HtmlFlowable)
                 and f.html.startswith("<h2>Your recovery timeline"))
    size = page_content_size("A4")
    width, height = size.width(), size.height()
    h = chart.height(width)
    lines = _breaks(chart.document(width))[0]
    picture = max(lines, key=lambda line: line[1] - line[0])
    above = fixed_height(height - h + MIN_SPLIT - GAP)  # all but its last two lines fit
    pages = paginate([above, chart], width, height)
    assert len(pages) == 2
    assert [p.flowable for p in pages[0]] == [above, chart]
    end = pages[0][1].end
    assert end is not None and picture[1] <= end < h
    assert pages[1][0].flowable is chart.continued_head
    assert pages[1][1].flowable is chart and pages[1][1].start == end
    assert pages[1][1].end == h


def test_a_five_exercise_handout_with_its_chart_wastes_no_page(
        tmp_path: Path, content: Content) -> None:
    """Five exercises and the recovery timeline (a tester's handout from the builder)
    took five pages: the chart alone on page four (37% of it), the warning box alone on
    page five."""
    def item(exercise: str, sets: str, reps: str = "", hold: str = "",
             frequency: str = "daily", note: str = "") -> dict[str, str]:
        return {"exercise": exercise, "sets": sets, "reps": reps, "hold": hold,
                "frequency": frequency, "note": note}

    handout = {
        "format": "hip-explorer-handout", "version": 1, "patient": "Jane Runner",
        "clinician_note": "Run only on flat ground for two weeks.", "side": "left",
        "regions": {"outer": 7, "back": 0}, "conditions": [GTPS],
        "exercises": [item("isometric-hip-abduction", "5", hold="30-45 seconds", note="S"),
                      item("bridge", "4", "10"),
                      item("side-lying-hip-abduction", "3", "8-12",
                           frequency="3 times a week"),
                      item("single-leg-balance", "3", hold="30-60 seconds on each leg"),
                      item("step-down", "3", "8-12 on each leg",
                           frequency="3 times a week")],
        "large_print": False, "drawings": [], "recovery_chart": True, "runs": [],
        "unit": "km", "baseline": None}
    source = tmp_path / "handout.json"
    source.write_text(json.dumps(handout), encoding="utf-8")
    out = tmp_path / "handout.pdf"
    assert main(["export", "--handout", str(source), "--output", str(out)]) == 0
    shares = fullness(out)
    assert len(shares) <= 4 and all(share > 0.5 for share in shares[:-1]), shares


def test_a_group_of_warning_signs_split_over_pages_repeats_its_heading(
        qapp: object) -> None:
    """Large print split "Go to an emergency department now" after its first item: the
    other four went on under "See a doctor if (continued)" alone, as if they did not
    mean go now. Wherever the box starts on a page, a part that goes on inside a group
    starts under that group's heading "(continued)"."""
    box = large_box()
    box.continued_head = HtmlFlowable("<p>See a doctor if (continued)</p>")
    box.group_heads = True
    size = page_content_size("A4")
    width, height = size.width(), size.height()
    lines = box_lines(box.document(width))
    doc = box.document(width)
    texts = {number: " ".join(doc.findBlockByNumber(number).text().split())
             for _, _, number, _ in lines}
    groups = [(top, texts[number]) for top, _, number, heading in lines
              if heading][1:]  # the first heading is the box's title
    assert len(groups) >= 3
    continued = 0
    for above in range(0, int(height - MIN_SPLIT), 11):
        for page in paginate([fixed_height(above), box], width, height)[1:]:
            part = next(p for p in page if p.flowable is box)
            heads = [p.flowable for p in page[:page.index(part)]]
            if part.start == 0:  # the whole box, overleaf
                assert not heads, above
                continue
            assert heads[0] is box.continued_head, above
            starts_group = any(top == part.start for top, _ in groups)
            group = [text for top, text in groups if top < part.start]
            if group and not starts_group:
                assert len(heads) == 2, (above, part.start)
                head = heads[1]
                assert isinstance(head, HtmlFlowable)
                assert f"<b>{group[-1]}</b> (continued)" in head.html
                continued += 1
            else:
                assert len(heads) == 1, (above, part.start)
    assert continued > 0  # some splits fell inside a group


@pytest.mark.parametrize("size", ["A4", "Letter"])
def test_the_printed_box_names_the_group_it_goes_on_with(
        tmp_path: Path, content: Content, size: str) -> None:
    art = DiagramArt(diagram_svg(), list(content.regions))
    job = handout_job(content, art, builder_handout(content))
    out = tmp_path / "handout.pdf"
    write_pdf(out, job, Header(job.title), size)
    lines = content_lines(out)
    page = content.pages["red-flags"]
    headings = [" ".join(s.heading.split()) for s in page.sections
                if s.level in ("emergency", "urgent")]
    box_pages = [n for n, page_lines in enumerate(lines) if "See a doctor if" in page_lines[0]
                 or any(line == "See a doctor if" for line in page_lines)]
    assert len(box_pages) >= 2
    for number in box_pages[1:]:
        first, second = lines[number][0], lines[number][1]
        assert first == "See a doctor if (continued)"
        if second not in headings:  # it goes on inside a group: that group's heading
            assert second.endswith(" (continued)") and second[:-12] in headings, second
