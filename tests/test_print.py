"""Printing: the right text on the right pages, real pagination, vector diagram,
metadata, handout edits, safe writing, clear failures, and the print preview."""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from pdf_pages import image_sizes, pages_text, text_places, text_sizes
from pypdf import PdfReader
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QMainWindow
from pytestqt.qtbot import QtBot

from explorer.cli import load, main
from explorer.model import Content
from explorer.model.entities import PHASE_LENGTHS_NOTE
from explorer.model.handout import Handout, HandoutExercise
from explorer.paths import diagram_svg
from explorer.report import documents
from explorer.report.documents import booklet_job, handout_job, summary_job
from explorer.report.output import ExportError, render_job, write_pdf
from explorer.report.pages import (
    MARGINS_MM,
    Header,
    HtmlFlowable,
    page_content_size,
    page_layout,
)
from explorer.ui.diagram_art import DiagramArt


@pytest.fixture(scope="module")
def content() -> Content:
    return load()


@pytest.fixture
def art(qapp: object, content: Content) -> DiagramArt:
    return DiagramArt(diagram_svg(), list(content.regions))


def text_off_the_page(path: Path) -> list[tuple[int, str]]:
    """Lines of text whose baseline lies in the bottom margin or lower (cut off on paper
    or dropped by the printer), as (page number, text)."""
    bottom = MARGINS_MM.bottom() * 72 / 25.4
    off = []
    for number, page in enumerate(PdfReader(path).pages, 1):
        def visit(text: str, cm: list[float], tm: list[float], *_: object,
                  number: int = number) -> None:
            baseline = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
            if text.strip() and baseline < bottom:
                off.append((number, " ".join(text.split())))
        page.extract_text(visitor_text=visit)
    return off


def export_summary(tmp_path: Path, content: Content, art: DiagramArt, cid: str,
                   size: str = "A4", side: str = "right") -> Path:
    job = summary_job(content, art, content.conditions[cid], side)
    out = tmp_path / f"{cid}.pdf"
    write_pdf(out, job, Header(job.title, clinic="Riverside Physio", side=side), size,
              author="Riverside Physio")
    return out


def test_summary_text_on_the_right_pages(tmp_path: Path, content: Content,
                                         art: DiagramArt) -> None:
    out = export_summary(tmp_path, content, art, "greater-trochanteric-pain-syndrome")
    pages = pages_text(out)
    assert len(pages) == 2  # one to two pages
    first = pages[0]
    assert first.startswith("Riverside Physio")
    assert "Greater trochanteric pain syndrome" in first and "Right hip" in first
    assert first.index("See a doctor if") < first.index("Symptoms")
    assert "References:" in pages[-1] and "Mellor R" in pages[-1]
    reviewed = content.conditions["greater-trochanteric-pain-syndrome"].reviewed
    assert f"Last reviewed {reviewed:%d %B %Y}." in pages[-1]  # how current it is
    # the recovery phases come with the warning that their lengths are estimates
    recovery = next(text for text in pages if "Typical recovery" in text)
    assert recovery.index("Typical recovery") < recovery.index(PHASE_LENGTHS_NOTE)
    for number, text in enumerate(pages, 1):
        assert f"Page {number} of {len(pages)}" in text
        assert "does not diagnose you" in text  # the disclaimer on every page


def test_summary_says_how_many_exercises_it_leaves_to_the_handout(
        tmp_path: Path, content: Content, art: DiagramArt) -> None:
    gtps = content.conditions["greater-trochanteric-pain-syndrome"]
    assert len(gtps.exercises) > 2
    text = " ".join(pages_text(export_summary(tmp_path, content, art, gtps.id)))
    count = len(gtps.exercises)  # not two as if they were all, and where the others are
    assert f"Exercises (2 of {count}; all {count} are in Hip Explorer)" in text


def test_summary_prints_the_cautions_of_what_helps(tmp_path: Path, content: Content,
                                                   art: DiagramArt) -> None:
    everything = " ".join(pages_text(export_summary(tmp_path, content, art,
                                                    "hip-osteoarthritis")))
    helps = everything[everything.index("What helps"):]
    assert "Relief is short term." in helps  # the steroid injection
    assert "They are not safe for everyone" in helps  # anti-inflammatory tablets
    against = helps[helps.index("Not recommended for this condition"):]
    assert "Hyaluronic acid injection" in against  # printed apart, after what helps
    assert "Hyaluronic acid" not in helps[:helps.index("Not recommended for this condition")]


@pytest.mark.parametrize("size", ["A4", "Letter"])
def test_every_summary_fits_two_pages_inside_the_margins(
        tmp_path: Path, content: Content, art: DiagramArt, size: str) -> None:
    too_long, cut_off = {}, {}
    for cid in content.conditions:
        out = export_summary(tmp_path, content, art, cid, size)
        if (pages := len(PdfReader(out).pages)) > 2:
            too_long[cid] = pages
        if off := text_off_the_page(out):  # e.g. the footer's last line
            cut_off[cid] = off
    assert len(content.conditions) >= 15
    assert not too_long, f"{size} summaries longer than two pages: {too_long}"
    assert not cut_off, f"{size} text below the bottom margin: {cut_off}"


@pytest.mark.parametrize("size", ["A4", "Letter"])
def test_a_large_print_summary_fills_its_first_page_with_its_warning_signs(
        tmp_path: Path, content: Content, art: DiagramArt, size: str) -> None:
    """In large print a condition's warning signs often do not fit under its opening:
    they went overleaf whole and left up to half the first page empty. Now they split
    between signs, the rest headed "See a doctor if (continued)", none lost or twice."""
    split = []
    for condition in content.conditions.values():
        job = summary_job(content, art, condition, scale=documents.LARGE_PRINT)
        out = tmp_path / f"{condition.id}.pdf"
        write_pdf(out, job, Header(job.title), size)
        pages = pages_text(out)
        assert "See a doctor if" in pages[0], (condition.id, size)  # it starts on page 1
        if pages[1].find("See a doctor if (continued)") >= 0:
            split.append(condition.id)
        opening = pages[0][pages[0].index("See a doctor if"):] + " " + pages[1]
        for sign in condition.red_flags:
            words = " ".join(sign.split()[:6])
            assert " ".join(pages).count(words) == 1, (condition.id, sign)
            assert words in opening, (condition.id, size, sign)
        assert text_off_the_page(out) == [], condition.id
    assert "greater-trochanteric-pain-syndrome" in split and len(split) >= 5, split


def test_left_side_printed(tmp_path: Path, content: Content, art: DiagramArt) -> None:
    out = export_summary(tmp_path, content, art, "hip-labral-tear", side="left")
    assert "Left hip" in pages_text(out)[0] and "LEFT SIDE" in pages_text(out)[0]


def test_a_long_clinic_name_beside_a_logo_is_cut_with_an_ellipsis(
        tmp_path: Path, content: Content, art: DiagramArt) -> None:
    from PySide6.QtGui import QColor

    logo = QImage(400, 100, QImage.Format.Format_RGB32)
    logo.fill(QColor("#1f6fb2"))
    name = ("Riverside Sports and Musculoskeletal Physiotherapy Clinic of the Northern "
            "District, Suite 4, Second Floor")
    title = "Greater trochanteric pain syndrome: a long title for the header " * 2
    job = summary_job(content, art, content.conditions["greater-trochanteric-pain-syndrome"])
    out = tmp_path / "long.pdf"
    header = Header(title, clinic=name, logo=logo)
    write_pdf(out, job, header)
    first = pages_text(out)[0]
    shown = first[:first.index("...")]
    assert name.startswith(shown.rstrip()) and len(shown) > 40  # cut, and not too early
    assert name not in first and title.strip() not in first
    date = f"{header.date:%d %B %Y}".lstrip("0")
    assert date in first and "Right hip" in first  # the right-hand texts are whole


@pytest.mark.parametrize("scale", [1.0, 1.3])
def test_an_ordinary_clinic_name_beside_a_logo_prints_whole(
        tmp_path: Path, content: Content, art: DiagramArt, scale: float) -> None:
    """46 characters were cut to "Riverside Physiotherapy & Sports Injury Cli…", and to
    "…& Spo…" in large print: the name is set smaller before it is cut."""
    from PySide6.QtGui import QColor

    logo = QImage(400, 100, QImage.Format.Format_RGB32)
    logo.fill(QColor("#1f6fb2"))
    name = "Riverside Physiotherapy & Sports Injury Clinic"
    job = summary_job(content, art, content.conditions["greater-trochanteric-pain-syndrome"])
    out = tmp_path / "clinic.pdf"
    write_pdf(out, job, Header(job.title, clinic=name, logo=logo, scale=scale))
    assert name in pages_text(out)[0]


def test_metadata_fonts_and_letter_size(tmp_path: Path, content: Content,
                                        art: DiagramArt) -> None:
    out = export_summary(tmp_path, content, art, "hip-labral-tear", size="Letter")
    reader = PdfReader(out)
    meta = reader.metadata
    assert meta.title == "Hip labral tear"
    assert meta.author == "Riverside Physio"
    assert meta.creator.startswith("Hip Explorer")
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (612, 792)
    fonts = reader.pages[0]["/Resources"]["/Font"]
    for ref in fonts.values():
        descriptor = ref.get_object()["/DescendantFonts"][0].get_object()["/FontDescriptor"]
        assert any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3"))


def test_diagram_is_vector(tmp_path: Path, content: Content, art: DiagramArt) -> None:
    out = export_summary(tmp_path, content, art, "greater-trochanteric-pain-syndrome")
    page = PdfReader(out).pages[0]
    stream = page.get_contents().get_data().decode("latin-1")
    curves = len(re.findall(r"\sc\n", stream))
    assert curves > 200, f"only {curves} curve segments: the diagram is not vector paths"
    # the region labels are drawn as text, not baked into an image
    assert "FRONT" in pages_text(out)[0] and "BACK" in pages_text(out)[0]


@pytest.mark.parametrize("side", ["right", "left"])
def test_printed_diagram_labels_are_readable(tmp_path: Path, content: Content,
                                             art: DiagramArt, side: str) -> None:
    """The views' titles and the R/L letters print at a readable size, on a summary
    (a diagram 50 mm tall) and on a handout (38 mm): scaled with the drawing they were
    3-4 pt."""
    summary = export_summary(tmp_path, content, art, "greater-trochanteric-pain-syndrome",
                             side=side)
    handout = Handout(regions={"outer": 6}, side=side, exercises=(HandoutExercise("clam"),))
    job = handout_job(content, art, handout)
    write_pdf(tmp_path / "handout.pdf", job, Header(job.title))
    words = {"FRONT", f"{side.upper()} SIDE", "BACK", "R", "L"}
    for out in (summary, tmp_path / "handout.pdf"):
        sizes = [s for s in text_sizes(out, words) if s[0] == 0]
        assert {text for _, text, _ in sizes} == words
        assert len(sizes) == 7  # three titles, and R and L beside the front and back views
        assert min(size for _, _, size in sizes) >= 7.5, sizes


def test_a_printer_of_any_resolution_prints_the_same_page(
        tmp_path: Path, content: Content, art: DiagramArt) -> None:
    """A printer set to 600 dpi in the Print dialog (or 144) printed the header, the
    footer and the diagram's labels several times too large, off the page ("RONHT
    SBACK"): their fonts were sized for the printer's dots, then scaled to them again."""
    from PySide6.QtGui import QPdfWriter
    from PySide6.QtPrintSupport import QPrinter

    job = summary_job(content, art, content.conditions["femoral-neck-stress-fracture"])
    header = Header(job.title, clinic="Riverside Physio")
    placed = {}
    for kind, dpi in (("writer", 96), ("writer", 300), ("writer", 600), ("printer", 600),
                      ("printer", 144)):
        out = tmp_path / f"{kind}-{dpi}.pdf"
        if kind == "writer":
            device: QPdfWriter | QPrinter = QPdfWriter(str(out))
        else:  # as the Print dialog leaves it, printing to a file
            device = QPrinter(QPrinter.PrinterMode.ScreenResolution)
            device.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
            device.setOutputFileName(str(out))
        device.setResolution(dpi)
        device.setPageLayout(page_layout("A4"))
        assert render_job(device, job, header) == 2
        del device  # finishes the PDF
        box = PdfReader(out).pages[0].mediabox
        runs = text_places(out)
        for _page, text, _size, x, y in runs:  # every run starts on the paper
            assert 0 <= x < float(box.width) and 0 < y < float(box.height), (dpi, text)
        assert not text_off_the_page(out), dpi
        placed[kind, dpi] = runs
    words = ("Riverside Physio", "FRONT", "RIGHT SIDE", "BACK", "R", "L", "Page 1 of 2",
             "Page 2 of 2", "It does not diagnose you")
    expected = [run for run in placed["writer", 96] if any(w in run[1] for w in words)]
    assert len(expected) >= 11
    for key, runs in placed.items():
        found = [run for run in runs if any(w in run[1] for w in words)]
        assert [run[:2] for run in found] == [run[:2] for run in expected], key
        for (_, text, size, x, y), (_, _, size96, x96, y96) in zip(found, expected,
                                                                   strict=True):
            assert abs(size - size96) < 0.05, (key, text, size, size96)
            assert abs(x - x96) < 0.5 and abs(y - y96) < 0.5, (key, text, x, y, x96, y96)


def test_large_print_enlarges_the_header_and_the_footer_too(
        tmp_path: Path, content: Content, art: DiagramArt) -> None:
    """The warning to see a clinician, in the footer, and the header's name, date and
    side stayed at 8-9 pt in a large-print handout, as small as in normal print."""
    handout = Handout(side="left", regions={"outer": 6}, conditions=[
        "greater-trochanteric-pain-syndrome"], exercises=[HandoutExercise("bridge")])
    sizes = {}
    for large in (False, True):
        out = tmp_path / f"large-{large}.pdf"
        job = handout_job(content, art, replace(handout, large_print=large))
        write_pdf(out, job, Header(job.title, clinic="Riverside Physio", side=job.side))
        assert not text_off_the_page(out)
        sizes[large] = {text[:9 if text.startswith("Page") else 22]: size  # "Page 1 of"
                        for page, text, size, _x, _y in text_places(out)
                        if page == 0 and (text in ("Riverside Physio", "Left hip")
                                          or text.startswith(("Page 1 of", "This info")))}
    assert len(sizes[False]) == 4, sizes
    for text, size in sizes[False].items():  # in whole pixels: 0.75 pt steps
        assert 1.2 < sizes[True][text] / size < 1.4, (text, sizes[True][text], size)


def test_large_print_enlarges_the_diagram_and_its_pain_numbers(
        tmp_path: Path, content: Content, art: DiagramArt) -> None:
    """The diagram and the pain numbers on it stayed as small as in normal print (the
    numbers about 6 pt) while the text beside them grew by 1.3."""
    handout = Handout(regions={"outer": 6}, exercises=[HandoutExercise("bridge")])
    sizes = {}
    for large in (False, True):
        out = tmp_path / f"large-{large}.pdf"
        job = handout_job(content, art, replace(handout, large_print=large))
        write_pdf(out, job, Header(job.title, side=job.side))
        badges = [size for page, text, size, _x, _y in text_places(out)
                  if page == 0 and text == "6"]
        assert len(badges) == 3, badges  # in each view of the outer hip
        sizes[large] = badges[0]
    assert sizes[True] / sizes[False] > 1.2, sizes


@pytest.mark.parametrize("paper", ["A5", "A6"])
def test_the_footer_fits_narrow_paper(tmp_path: Path, content: Content, art: DiagramArt,
                                      paper: str) -> None:
    """A5 paper, chosen in the Print dialog, cut off the third line of the footer's
    disclaimer on every page: the footer grows with the lines its note wraps to (A6: a
    short text, for the title beside the diagram does not fit there)."""
    from PySide6.QtGui import QPageLayout, QPageSize, QPdfWriter

    job = summary_job(content, art, content.conditions["femoral-neck-stress-fracture"])
    if paper == "A6":
        job = documents.PrintJob("Short", [HtmlFlowable("<p>A short text.</p>")])
    out = tmp_path / f"{paper}.pdf"
    writer = QPdfWriter(str(out))
    writer.setResolution(96)
    writer.setPageLayout(QPageLayout(QPageSize(getattr(QPageSize.PageSizeId, paper)),
                                     QPageLayout.Orientation.Portrait, MARGINS_MM,
                                     QPageLayout.Unit.Millimeter))
    pages = render_job(writer, job, Header(job.title))
    del writer
    bottom = MARGINS_MM.bottom() * 72 / 25.4
    runs = text_places(out)
    for page in range(pages):
        first = max(run[4] for run in runs if run[0] == page
                    and run[1].startswith("This information is for education"))
        footer = [run for run in runs if run[0] == page and run[4] <= first + 1]
        text = " ".join(run[1] for run in sorted(footer, key=lambda run: (-run[4], run[3])))
        assert "see a doctor or physiotherapist." in text, (page, text)
        assert f"Page {page + 1} of {pages}" in text, (page, text)
        # each line with room below it for its letters' tails (the page's foot is cut)
        assert min(run[4] for run in footer) > bottom + 2, (page, footer)
        above = [run[4] for run in runs if run[0] == page and run[4] > first + 1]
        assert min(above) > first + 12, page  # the content ends above the footer


def test_handout_prints_edited_doses_notes_and_keeps_cards_whole(
        tmp_path: Path, content: Content, art: DiagramArt) -> None:
    chosen = ["clam", "bridge", "side-plank", "copenhagen-adduction-1", "dead-bug",
              "step-down", "romanian-deadlift", "split-squat"]
    items = [HandoutExercise(e) for e in chosen]
    items[0] = HandoutExercise("clam", sets="4", reps="9", frequency="every other day",
                               note="Keep the band above your knees.")
    handout = Handout(patient="Sam Runner", clinician_note="Walk 20 minutes on flat ground.",
                      regions={"outer": 6}, conditions=("greater-trochanteric-pain-syndrome",),
                      exercises=tuple(items))
    job = handout_job(content, art, handout)
    out = tmp_path / "handout.pdf"
    pages_written = write_pdf(out, job, Header(job.title))
    pages = pages_text(out)
    assert len(pages) == pages_written >= 2
    assert "Sam Runner" in pages[0] and "Walk 20 minutes on flat ground." in pages[0]
    everything = " ".join(pages)
    assert "4 sets of 9 reps, every other day" in everything
    assert "Keep the band above your knees." in everything
    for exercise_id in chosen:  # a card's title and its last step share a page
        exercise = content.exercises[exercise_id]
        last_step = " ".join(exercise.steps[-1].split())
        page = next(t for t in pages if exercise.name in t)
        card = page[page.index(exercise.name):]
        assert last_step in card, f"{exercise.name}'s card is split across pages"
    for number, text in enumerate(pages, 1):
        assert f"Page {number} of {len(pages)}" in text
    assert not text_off_the_page(out)


def test_a_picture_damaged_since_loading_prints_as_a_marked_box(
        tmp_path: Path, content: Content, art: DiagramArt) -> None:
    """As on screen: the card keeps a grey "Picture unavailable" box (twice as wide as
    tall), so the clinician sees in the preview that a picture is missing."""
    from explorer.ui.images import placeholder

    broken = tmp_path / "clam.png"
    broken.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 40)  # a PNG's first bytes only
    damaged = replace(content, images={**content.images, "clam": broken})
    job = handout_job(damaged, art, Handout(exercises=(HandoutExercise("clam"),)))
    out = tmp_path / "handout.pdf"
    write_pdf(out, job, Header(job.title))
    box = placeholder(documents.LARGE_CARD_IMAGE_PX * 3)
    assert (box.width(), box.height()) in image_sizes(out)
    assert "Clam" in " ".join(pages_text(out))


def test_handout_ends_with_the_warning_signs(tmp_path: Path, content: Content,
                                            art: DiagramArt) -> None:
    """The take-home sheet says when to get help, from the red-flags page."""
    out = tmp_path / "handout.pdf"
    job = handout_job(content, art, Handout(exercises=(HandoutExercise("clam"),)))
    write_pdf(out, job, Header(job.title))
    everything = " ".join(pages_text(out))
    assert "See a doctor if" in everything
    start = everything.index("See a doctor if")
    assert start > everything.index(content.exercises["clam"].name)
    signs = everything[start:]
    groups = [s for s in content.pages["red-flags"].sections if s.level in ("emergency", "urgent")]
    assert len(groups) >= 2 and sum(len(s.items) for s in groups) > 8
    for section in groups:  # every sign, each under the heading that says how soon
        at = signs.index(" ".join(section.heading.split()))
        for item in section.items:
            assert signs.index(" ".join(item.split())) > at, item
    assert "While you wait" not in signs  # information sections stay on the page


def test_handout_diagram_prints_the_pain_numbers_and_a_summary_prints_none(
        tmp_path: Path, content: Content, art: DiagramArt,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """A handout's pain levels are the patient's own: printed on the diagram as numbers.
    A summary only lights its regions strongly or softly, so it prints no numbers."""
    job = handout_job(content, art, Handout(regions={"back": 9}, exercises=(
        HandoutExercise("clam"),)))
    write_pdf(tmp_path / "handout.pdf", job, Header(job.title))
    words = pages_text(tmp_path / "handout.pdf")[0].split()
    assert words.count("9") >= 2  # the back of the hip shows in the side and back views
    summary = pages_text(export_summary(tmp_path, content, art, "deep-gluteal-syndrome"))
    original = documents._diagram
    monkeypatch.setattr(documents, "_diagram", lambda *args, **kwargs: original(
        *args, **{**kwargs, "pain_badges": False}))
    assert summary == pages_text(export_summary(tmp_path, content, art,
                                                "deep-gluteal-syndrome"))


ORANGE_STROKE = "0.835294127 0.368627458 0 SCN"  # #D55E00 as a PDF stroke colour


def test_handout_prints_a_drawing_without_selected_regions(tmp_path: Path, content: Content,
                                                           art: DiagramArt) -> None:
    drawing = (("#D55E00", ((470.0, 200.0), (490.0, 260.0), (520.0, 300.0))),)

    def first_page_ops(handout: Handout, name: str) -> str:
        job = handout_job(content, art, handout)
        write_pdf(tmp_path / name, job, Header(job.title))
        page = PdfReader(tmp_path / name).pages[0]
        return str(page.get_contents().get_data().decode("latin-1"))

    with_drawing = first_page_ops(Handout(drawings=drawing), "drawn.pdf")
    without = first_page_ops(Handout(), "plain.pdf")
    assert ORANGE_STROKE in with_drawing and ORANGE_STROKE not in without
    curves = len(re.findall(r"\sc\n", with_drawing))
    assert curves > 200, "the diagram is drawn beside the title with the stroke"


def test_large_print_handout_is_longer(tmp_path: Path, content: Content,
                                       art: DiagramArt) -> None:
    items = tuple(HandoutExercise(e) for e in ("clam", "bridge", "side-plank", "dead-bug",
                                               "step-down", "split-squat"))
    write_pdf(tmp_path / "n.pdf", handout_job(content, art, Handout(exercises=items)),
              Header("x"))
    write_pdf(tmp_path / "l.pdf", handout_job(
        content, art, Handout(exercises=items, large_print=True)), Header("x"))
    normal, large = pages_text(tmp_path / "n.pdf"), pages_text(tmp_path / "l.pdf")
    assert len(large) >= len(normal)
    assert len(large[0]) < 0.9 * len(normal[0])  # bigger type: less text on a page
    assert not text_off_the_page(tmp_path / "l.pdf")


def test_large_print_enlarges_every_kind_of_text() -> None:
    """Headings, body, cautions and box titles all grow by the same factor (the
    cautions once stayed small, the smallest text on a large-print page)."""
    from explorer.report.pages import HtmlFlowable

    html = ('<h1>Title</h1><h2>Section</h2><p>Body</p><p class="small">Caution</p>'
            '<p class="boxtitle">Box</p>')

    def drawn_sizes(scale: float) -> dict[str, float]:
        doc = HtmlFlowable(html, font_scale=scale).document(400)
        block, sizes = doc.begin(), {}
        while block.isValid():
            sizes[block.text()] = block.begin().fragment().charFormat().font().pointSizeF()
            block = block.next()
        return sizes

    normal, large = drawn_sizes(1.0), drawn_sizes(1.3)
    assert normal["Title"] > normal["Section"] > normal["Body"] > normal["Caution"]
    for text, size in normal.items():
        assert large[text] == pytest.approx(1.3 * size, rel=0.01), text


# the README screenshot's runs: the planner's chart with spikes, line, plan and legend
RUNS = ((40, 8.0), (36, 6.0), (33, 9.0), (29, 5.0), (26, 9.5), (22, 6.0), (19, 10.0),
        (15, 6.0), (12, 10.5), (8, 7.0), (5, 11.0), (1, 14.0))


def printed_charts(job: documents.PrintJob) -> list[tuple[QImage, float]]:
    """Each chart image of a job with its width on paper (as laid out on an A4 page)."""
    width = page_content_size("A4").width()
    charts = []
    for flow in job.flowables:
        block = flow.document(width).begin() if isinstance(flow, HtmlFlowable) else None
        while block is not None and block.isValid():
            for fragment in (it.fragment() for it in block):
                shown = fragment.charFormat().toImageFormat()
                if shown.isValid() and shown.name().startswith("chart:"):
                    charts.append((flow.images[shown.name()], shown.width()))
            block = block.next()
    return charts


def ink_on_paper(image: QImage, width: float) -> tuple[float, float]:
    """The heights on paper of a chart's title (its first row of ink) and of what is under
    the plot (its tallest row of ink): tick labels, axis title and legend."""
    grey = image.convertToFormat(QImage.Format.Format_Grayscale8)
    inked = [min(grey.constScanLine(y).tobytes()[:grey.width()]) < 140
             for y in range(grey.height())]
    bands: list[list[int]] = []  # [first, end) of each row of ink
    for y, ink in enumerate(inked):
        if ink and bands and bands[-1][1] == y:
            bands[-1][1] = y + 1
        elif ink:
            bands.append([y, y + 1])
    plot = max(bands, key=lambda band: band[1] - band[0])
    scale = width / image.width()
    return (bands[0][1] - bands[0][0]) * scale, (bands[-1][1] - plot[1]) * scale


def test_large_print_enlarges_the_charts_and_their_text(
        tmp_path: Path, content: Content, art: DiagramArt) -> None:
    """The charts' text (title, tick labels, axis titles, legend) grows with the rest of
    large print, the charts with it, and all of it stays inside the margins."""
    handout = Handout(conditions=("greater-trochanteric-pain-syndrome",), runs=RUNS,
                      recovery_chart=True)
    normal = printed_charts(handout_job(content, art, handout))
    job = handout_job(content, art, replace(handout, large_print=True))
    large = printed_charts(job)
    assert len(normal) == len(large) == 2  # the recovery timeline and the running plan
    for (small_image, small_width), (image, width) in zip(normal, large, strict=True):
        title, under = ink_on_paper(image, width)
        small_title, small_under = ink_on_paper(small_image, small_width)
        assert title == pytest.approx(1.3 * small_title, rel=0.1)
        assert under == pytest.approx(1.3 * small_under, rel=0.1)
        height, small_height = (w * i.height() / i.width() for i, w in
                                ((image, width), (small_image, small_width)))
        assert height == pytest.approx(1.3 * small_height, rel=0.1)  # the chart grows
        for size in ("A4", "Letter"):
            page = page_content_size(size)
            assert small_width <= width <= page.width() and height < page.height()
    out = tmp_path / "large.pdf"
    write_pdf(out, job, Header(job.title))
    assert not text_off_the_page(out)


def wrong_contents(pages: list[str], names: list[str]) -> list[tuple[str, int, int]]:
    """(name, page the contents gives, page it starts on) for each name listed on the
    contents page that does not start where it says."""
    wrong = []
    for name in names:
        listed = re.search(re.escape(name) + r".*? (\d+)(?= |$)", pages[0])
        assert listed, name
        starts = [number for number, text in enumerate(pages, 1)
                  if re.split(r"(?:Left|Right) hip", text, maxsplit=1)[-1].lstrip()
                  .startswith(name)]
        if starts[:1] != [int(listed.group(1))]:
            wrong.append((name, int(listed.group(1)), starts[0]))
    return wrong


@pytest.mark.parametrize("page_size", ["A4", "Letter"])
def test_a_large_print_booklets_contents_gives_the_right_pages(
        tmp_path: Path, content: Content, art: DiagramArt, page_size: str) -> None:
    """The contents was laid out with the normal print's header and footer: in large
    print, on Letter, 15 of its 16 page numbers were 1 to 3 pages early."""
    handout = handout_job(content, art, Handout(
        large_print=True, exercises=(HandoutExercise("bridge", sets="3", reps="10"),)))
    conditions = list(content.conditions.values())
    job = booklet_job(content, art, conditions, page_size=page_size, handout=handout)
    out = tmp_path / "large.pdf"
    write_pdf(out, job, Header(job.title), page_size)
    names = [c.name for c in conditions] + ["Your exercise plan"]
    assert wrong_contents(pages_text(out), names) == []


@pytest.mark.parametrize(("page_size", "orientation"), [("Letter", "Portrait"),
                                                        ("A4", "Landscape")])
def test_a_booklet_printed_on_other_paper_gives_that_papers_pages(
        tmp_path: Path, content: Content, art: DiagramArt, page_size: str,
        orientation: str) -> None:
    """Made for A4 (Preferences) and printed on the paper chosen in the Print dialog:
    the contents gave A4's page numbers."""
    from PySide6.QtGui import QPageLayout
    from PySide6.QtPrintSupport import QPrinter

    conditions = list(content.conditions.values())
    job = booklet_job(content, art, conditions, page_size="A4")
    out = tmp_path / "printed.pdf"
    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)  # as the Print dialog leaves it
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(out))
    printer.setResolution(96)
    layout = page_layout(page_size)
    layout.setOrientation(getattr(QPageLayout.Orientation, orientation))
    printer.setPageLayout(layout)
    render_job(printer, job, Header(job.title))
    del printer  # finishes the PDF
    pages = pages_text(out)
    assert "Contents" in pages[0]
    assert wrong_contents(pages, [c.name for c in conditions]) == []


def test_booklet_contents_page_numbers(tmp_path: Path, content: Content,
                                       art: DiagramArt) -> None:
    conditions = list(content.conditions.values())
    job = booklet_job(content, art, conditions, page_size="A4")
    out = tmp_path / "booklet.pdf"
    write_pdf(out, job, Header(job.title))
    pages = pages_text(out)
    contents = pages[0]
    assert "Contents" in contents
    # the warning signs come before any condition, whole (on the contents' last page
    # or one of their own)
    start = next(i for i, p in enumerate(pages)
                 if p.split("Right hip", 1)[1].lstrip().startswith(conditions[0].name))
    front = "".join(pages[:start])
    assert "See a doctor if" in front and "Go to an emergency department now" in front
    assert "within a few days" in front
    # the contents gives the warning signs' page too
    signs = re.search(r"See a doctor if \(warning signs\) (\d+)", contents)
    assert signs, contents
    assert pages[int(signs.group(1)) - 1].split("Right hip", 1)[1].lstrip().startswith(
        "See a doctor if Go to an emergency department now")
    for condition in conditions:
        match = re.search(re.escape(condition.name) + r".*? (\d+)(?= |$)", contents)
        assert match, condition.name
        page = int(match.group(1))
        assert pages[page - 1].split("Right hip", 1)[1].lstrip().startswith(condition.name), (
            f"{condition.name} should start page {page}")


def test_the_whole_booklet_is_in_name_order(tmp_path: Path, content: Content) -> None:
    """`--all` printed the conditions by file name: "Pain referred from the lower back"
    (referred-lumbar-pain) came between "Pubic-related..." and "Sacroiliac...". The
    contents and the pages follow the names, ignoring case."""
    out = tmp_path / "all.pdf"
    assert main(["export", "--all", "--page-size", "A4", "--output", str(out)]) == 0
    pages = pages_text(out)
    names = sorted((c.name for c in content.conditions.values()), key=str.casefold)
    assert names != [c.name for c in content.conditions.values()]  # not the files' order
    contents = pages[0]
    listed = [contents.index(f"{name} ") for name in names]
    assert listed == sorted(listed), "the contents are not in name order"
    bodies = [re.sub(r"^.*? \d{1,2} \w+ \d{4} ", "", text, count=1) for text in pages]
    starts = [next(number for number, body in enumerate(bodies) if body.startswith(name))
              for name in names]
    assert starts == sorted(starts), "the pages are not in name order"
    for name, start in zip(names, starts, strict=True):
        number = re.search(re.escape(name) + r".*? (\d+)(?= |$)", contents)
        assert number and int(number.group(1)) == start + 1, name


def test_failed_export_keeps_the_previous_file(tmp_path: Path, content: Content,
                                               art: DiagramArt,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    out = export_summary(tmp_path, content, art, "hip-labral-tear")
    before = out.read_bytes()

    def explode(*args: object, **kwargs: object) -> int:
        raise ExportError("disk full (simulated)")

    monkeypatch.setattr("explorer.report.output.render_job", explode)
    job = summary_job(content, art, content.conditions["hip-labral-tear"])
    with pytest.raises(ExportError):
        write_pdf(out, job, Header(job.title))
    assert out.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == [out.name]  # no temporary leftovers


@pytest.mark.parametrize("where", ["missing-folder/x.pdf", "a-file.txt/x.pdf", "."])
def test_unwritable_paths(tmp_path: Path, content: Content, art: DiagramArt,
                          where: str) -> None:
    (tmp_path / "a-file.txt").write_text("not a folder")
    job = summary_job(content, art, content.conditions["hip-labral-tear"])
    with pytest.raises(ExportError) as info:
        write_pdf(tmp_path / where, job, Header(job.title))
    assert str(tmp_path) in str(info.value) or "folder" in str(info.value)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a-file.txt"]


def test_cli_export_and_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "labral.pdf"
    assert main(["export", "-o", str(out), "--condition", "hip-labral-tear",
                 "--page-size", "Letter"]) == 0
    assert "Hip labral tear" in pages_text(out)[0]
    assert main(["export", "-o", str(tmp_path / "x.pdf"), "--condition", "nope"]) == 2
    assert "unknown condition nope" in capsys.readouterr().err
    assert main(["export", "-o", str(tmp_path / "x.pdf"), "--region", "knee"]) == 2
    assert main(["export", "-o", str(tmp_path / "nowhere" / "x.pdf"), "--all"]) == 1
    assert "does not exist" in capsys.readouterr().err
    assert not (tmp_path / "x.pdf").exists()
    broken = tmp_path / "broken.json"
    broken.write_text('{"format": "hip-explorer-handout", "version": 1, "exercises": [')
    assert main(["export", "-o", str(tmp_path / "h.pdf"), "--handout", str(broken)]) == 1
    assert "broken.json:1: not a readable handout file" in capsys.readouterr().err


def test_cli_export_region_booklet(tmp_path: Path) -> None:
    out = tmp_path / "back.pdf"
    assert main(["export", "-o", str(out), "--region", "back"]) == 0
    pages = pages_text(out)
    assert "Contents" in pages[0] and "Proximal hamstring tendinopathy" in pages[0]


@pytest.fixture
def export_parent(qtbot: QtBot) -> QMainWindow:
    parent = QMainWindow()
    qtbot.addWidget(parent)
    return parent


def test_failed_export_from_the_window_is_shown(
        tmp_path: Path, content: Content, art: DiagramArt, export_parent: QMainWindow,
        monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtWidgets import QMessageBox

    from explorer.ui import print_actions
    from explorer.ui.settings import Settings

    warnings: list[str] = []
    titles: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning",
                        lambda *a: titles.append(a[1]) or warnings.append(str(a[2])))
    settings = Settings(tmp_path / "s.ini")
    settings.set("print/last_folder", str(tmp_path))
    job = summary_job(content, art, content.conditions["hip-labral-tear"])
    target = tmp_path / "missing-folder" / "labral.pdf"
    assert print_actions.write_job(export_parent, job, settings, target) is None
    assert len(warnings) == 1 and titles == ["Export PDF"]
    assert "The PDF was not saved" in warnings[0] and str(target) in warnings[0]
    # a booklet's refusal is titled after its command
    monkeypatch.setattr(print_actions, "ask_save_path", lambda *a: target)
    assert print_actions.export_job(export_parent, job, settings, "b", "Export booklet") is None
    assert titles == ["Export PDF", "Export booklet"]
    assert settings.text("print/last_folder") == str(tmp_path)
    assert not target.parent.exists()


def test_export_adds_pdf_to_a_typed_name(
        tmp_path: Path, content: Content, art: DiagramArt, export_parent: QMainWindow,
        monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtWidgets import QFileDialog, QMessageBox

    from explorer.ui import print_actions
    from explorer.ui.settings import Settings

    monkeypatch.setattr(QMessageBox, "warning", lambda *a: pytest.fail(f"warning: {a[2]}"))
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *a: (str(tmp_path / "summary"), "PDF files (*.pdf)"))
    job = summary_job(content, art, content.conditions["hip-labral-tear"])
    saved = print_actions.export_job(export_parent, job, Settings(tmp_path / "s.ini"))
    assert saved == tmp_path / "summary.pdf"
    assert saved.is_file() and not (tmp_path / "summary").exists()
    assert "Hip labral tear" in pages_text(saved)[0]
    assert f"Saved {saved} " in export_parent.statusBar().currentMessage()


def test_export_asks_before_replacing_the_file_it_adds_pdf_to(
        tmp_path: Path, content: Content, art: DiagramArt, export_parent: QMainWindow,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """The Save dialog asked about "summary", not "summary.pdf": replacing that needs a
    yes; "No" goes back to the dialog and leaves the file as it was."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QFileDialog, QMessageBox

    from explorer.ui import print_actions
    from explorer.ui.settings import Settings

    existing = tmp_path / "<b>summary.pdf"  # tags in a name show as typed
    existing.write_bytes(b"%PDF- Kim's earlier summary")
    typed = iter([str(tmp_path / "<b>summary")] * 2)
    dialogs: list[str] = []

    def save_as(*args: object) -> tuple[str, str]:
        dialogs.append(str(args[2]))
        return next(typed), "PDF files (*.pdf)"

    answers = iter([QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes])
    questions: list[tuple[str, Qt.TextFormat]] = []

    def exec_(box: QMessageBox) -> int:
        questions.append((box.text(), box.textFormat()))
        return next(answers).value

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_as)
    monkeypatch.setattr(QMessageBox, "exec", exec_)
    job = summary_job(content, art, content.conditions["hip-labral-tear"])
    saved = print_actions.export_job(export_parent, job, Settings(tmp_path / "s.ini"))
    assert len(questions) == 2
    assert questions[0] == (f"“<b>summary.pdf” already exists in {tmp_path}.\n\n"
                            "Replace it?", Qt.TextFormat.PlainText)
    assert dialogs[1] == str(existing)  # "No": the dialog again, at the file in question
    assert saved == existing and "Hip labral tear" in pages_text(existing)[0]  # "Yes"


@pytest.fixture
def window(qtbot: QtBot, tmp_path: Path) -> Iterator[object]:
    from explorer.paths import builtin_content_dir
    from explorer.ui.settings import Settings
    from explorer.ui.startup import build_window

    win = build_window([builtin_content_dir()], Settings(tmp_path / "s.ini"))
    qtbot.addWidget(win)
    win.show()
    yield win


PREVIEW_IN_THE_EVENT_LOOP = """
import sys, tempfile
from pathlib import Path
from PySide6.QtCore import QTimer
from PySide6.QtPrintSupport import QPrintPreviewWidget
from PySide6.QtWidgets import QApplication
from explorer.cli import content_layers
from explorer.ui.settings import Settings
from explorer.ui.startup import build_window
app = QApplication([])
window = build_window(content_layers(), Settings(Path(tempfile.mkdtemp()) / "s.ini"))
window.show()
window.selection.set_regions(["outer"])
QTimer.singleShot(100, getattr(window, sys.argv[1]).trigger)
def report():
    preview = window.findChild(QPrintPreviewWidget)
    print("pages", preview.pageCount() if preview else None, flush=True)
    app.exit(0)  # not quit(): that would ask to save the handout
QTimer.singleShot(1500, report)
app.exec()
"""


@pytest.mark.parametrize("action", ["preview_action", "handout_action"])
def test_print_preview_survives_the_event_loop(action: str, tmp_path: Path) -> None:
    """The previewed printer must live as long as its dialog (it was freed when the
    dialog opened, and the app crashed a moment later)."""
    import subprocess
    import sys

    script = PREVIEW_IN_THE_EVENT_LOOP
    if action == "handout_action":  # the handout builder's preview, with one exercise
        script = script.replace('QTimer.singleShot(100, getattr(window, sys.argv[1]).trigger)',
                                "window.handout_action.trigger()\n"
                                "window.handout_dialog.add_exercise('clam')\n"
                                "QTimer.singleShot(100, window.handout_dialog._on_preview_clicked)")
    run = subprocess.run([sys.executable, "-c", script, action], capture_output=True, text=True,
                         timeout=120, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert run.returncode == 0, run.stderr[-2000:]
    assert re.search(r"^pages [1-9]", run.stdout, re.M), run.stdout


def test_print_preview_counts_pages(qtbot: QtBot, window: object) -> None:
    from PySide6.QtPrintSupport import QPrintPreviewWidget

    win = window  # type: ignore[assignment]
    win.selection.select_condition("greater-trochanteric-pain-syndrome")
    win.preview_action.trigger()
    dialog = win.preview_dialog
    assert dialog.isVisible()
    preview = dialog.findChild(QPrintPreviewWidget)
    qtbot.waitUntil(lambda: preview.pageCount() > 0)
    assert preview.pageCount() == 2
    dialog.close()


def test_a_split_text_leaves_no_lone_line_overleaf(qapp: object) -> None:
    """Running text split across pages carries at least two lines to the next page: a
    caution's last line alone at the top of a page read as if it belonged there."""
    from explorer.report.pages import MIN_SPLIT, HtmlFlowable, paginate

    text = HtmlFlowable("<p>" + "A line of running text that goes on. " * 30 + "</p>",
                        splittable=True)
    width = 300.0
    total = text.height(width)  # lays the text out
    lines = text.document(width).begin().layout().lineCount()
    line = total / lines
    assert lines > 6
    for fits in range(3, lines):  # the page holds `fits` lines: the last one overleaf too
        height = line * fits + line * 0.5
        pages = paginate([text], width, height)
        last = pages[-1][0]
        assert last.start > 0 and text.height(width) - last.start >= MIN_SPLIT, fits


def test_each_line_of_a_text_split_over_pages_is_printed_once(
        tmp_path: Path, qapp: object) -> None:
    """The line after a page's cut was drawn into the PDF below the page's content (out
    of sight, but copied, searched and read aloud with the page) and again overleaf."""
    from explorer.report.documents import PrintJob

    lines = [f"Line {n:03} of a caution that runs over the page." for n in range(1, 161)]
    text = HtmlFlowable("".join(f"<p>{line}</p>" for line in lines), splittable=True)
    out = tmp_path / "split.pdf"
    assert write_pdf(out, PrintJob("Split", [text]), Header("Split")) >= 3
    printed = [re.findall(r"Line \d{3}", page) for page in pages_text(out)]
    every = [found for page in printed for found in page]
    assert every == [line[:8] for line in lines]  # each once, in order


def test_a_short_text_moves_overleaf_whole(qapp: object) -> None:
    """A treatment's few lines (its name, a note, a caution) are not split: a caution
    alone at the top of a page would read as if it were about what comes before it."""
    from explorer.report.pages import GAP, MIN_SPLIT_TEXT, HtmlFlowable, paginate

    width, room = 300.0, 400.0
    short = HtmlFlowable("<h3>Steroid injection</h3><p>Short relief.</p>"
                         "<p>⚠ It may weaken tendons.</p>", splittable=True)
    h = short.height(width)
    assert h < MIN_SPLIT_TEXT
    for above in range(int(room - h - GAP) + 1, int(room - GAP), 4):  # it would not fit
        filler = HtmlFlowable("<p>x</p>")  # as tall as `above`:
        filler.height = lambda _w, above=above: float(above)  # type: ignore[method-assign]
        pages = paginate([filler, short], width, room)
        assert [[(p.flowable, p.start, p.end) for p in page] for page in pages] == [
            [(filler, 0.0, None)], [(short, 0.0, None)]], above


SITTING_BONE = "With pain at the sitting bone (hamstring tendon)"
OUTER_CLAM = "With outer hip pain, if the starting position aches"


@pytest.mark.parametrize(("regions", "conditions", "shown", "hidden"), [
    ({"outer": 6}, ("greater-trochanteric-pain-syndrome",), [OUTER_CLAM], [SITTING_BONE]),
    ({}, ("greater-trochanteric-pain-syndrome",), [OUTER_CLAM], [SITTING_BONE]),
    ({"back": 5}, ("greater-trochanteric-pain-syndrome",), [SITTING_BONE], [OUTER_CLAM]),
    ({}, ("proximal-hamstring-tendinopathy",), [SITTING_BONE], [OUTER_CLAM]),
    ({}, (), [SITTING_BONE, OUTER_CLAM], []),
])
def test_a_handout_prints_the_cautions_for_where_it_hurts(
        tmp_path: Path, content: Content, art: DiagramArt, regions: dict[str, int],
        conditions: tuple[str, ...], shown: list[str], hidden: list[str]) -> None:
    """An exercise's cautions about pain somewhere else are left out: where it hurts,
    else the conditions' main regions decide (with neither, every caution prints)."""
    handout = Handout(regions=regions, conditions=conditions,
                      exercises=(HandoutExercise("bridge"), HandoutExercise("clam")))
    job = handout_job(content, art, handout)
    write_pdf(tmp_path / "handout.pdf", job, Header(job.title))
    text = " ".join(pages_text(tmp_path / "handout.pdf"))
    assert "If the back of the thigh cramps" in text  # a caution for everyone
    for caution in shown:
        assert caution in text
    for caution in hidden:
        assert caution not in text


def test_a_condition_shows_the_cautions_for_its_main_region(content: Content) -> None:
    """On a condition's page an exercise card leaves out cautions about pain elsewhere;
    the exercise's own page lists them all."""
    from explorer.render import html as render

    options = render.RenderOptions(exercise_steps=True)
    page = render.condition_html(content, content.conditions["greater-trochanteric-pain-"
                                                             "syndrome"], options)
    assert OUTER_CLAM in page and SITTING_BONE not in page
    page = render.condition_html(content, content.conditions["proximal-hamstring-"
                                                             "tendinopathy"], options)
    assert SITTING_BONE in page
    page = render.exercise_html(content, content.exercises["bridge"], options)
    assert SITTING_BONE in page and "If the back of the thigh cramps" in page


def test_a_summary_of_a_condition_without_warning_signs_or_triggers_heads_each_part_once(
        tmp_path: Path, content: Content, art: DiagramArt) -> None:
    """`red_flags: []` is allowed: the summary then printed its symptoms' heading twice
    (it took the third block of the page for the warning box); a list with no entries
    prints no heading over nothing."""
    gtps = content.conditions["greater-trochanteric-pain-syndrome"]
    bare = replace(gtps, red_flags=type(gtps.red_flags)(), aggravating=type(gtps.aggravating)())
    job = summary_job(content, art, bare, "right")
    out = tmp_path / "bare.pdf"
    write_pdf(out, job, Header(job.title, side="right"), "A4")
    text = " ".join(pages_text(out))
    assert text.count("Symptoms") == 1
    assert "See a doctor if" not in text and "What makes it worse" not in text
    assert gtps.symptoms[0].split()[0] in text.split("Symptoms", 1)[1]
