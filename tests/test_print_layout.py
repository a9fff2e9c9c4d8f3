"""Print layout as a reader sees it: a heading never left at the foot of a page without
what it introduces, and the clinic's logo in the header neither squashed nor blurred."""

from __future__ import annotations

import json
import math
import re
from pathlib import Path

import pytest
from pdf_pages import pages_text
from pypdf import PdfReader
from pypdf.generic import ContentStream
from PySide6.QtCore import QRect, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QImage,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
)
from PySide6.QtSvg import QSvgRenderer
from pytestqt.qtbot import QtBot

from explorer.cli import load, main
from explorer.model.handout import read_handout
from explorer.paths import diagram_svg
from explorer.report.documents import PrintJob, handout_job, summary_job
from explorer.report.output import render_job, write_pdf
from explorer.report.pages import (
    DPI,
    MARGINS_MM,
    Header,
    HtmlFlowable,
    load_logo,
    paginate,
)
from explorer.ui.diagram_art import DiagramArt

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


Matrix = tuple[float, float, float, float, float, float]


def _times(m: Matrix, n: Matrix) -> Matrix:
    """m then n, as PDF's `cm` operator combines them."""
    a, b, c, d, e, f = m
    return (a * n[0] + b * n[2], a * n[1] + b * n[3], c * n[0] + d * n[2],
            c * n[1] + d * n[3], e * n[0] + f * n[2] + n[4], e * n[1] + f * n[3] + n[5])


def pictures_on_page(path: Path, number: int = 0) -> list[tuple[int, int, float, float]]:
    """(width, height) in pixels and (width, height) on paper in points of each picture
    drawn on a page: where the page's transforms put the picture's unit square."""
    page = PdfReader(path).pages[number]
    xobjects = page["/Resources"].get("/XObject", {})
    found = []
    ctm: Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
    saved: list[Matrix] = []
    for operands, operator in ContentStream(page.get_contents(), page.pdf).operations:
        if operator == b"q":
            saved.append(ctm)
        elif operator == b"Q":
            ctm = saved.pop()
        elif operator == b"cm":
            ctm = _times(tuple(float(v) for v in operands), ctm)  # type: ignore[arg-type]
        elif operator == b"Do":
            image = xobjects[operands[0]].get_object()
            if image.get("/Subtype") == "/Image":
                a, b, c, d = ctm[:4]
                found.append((int(image["/Width"]), int(image["/Height"]),
                              math.hypot(a, b), math.hypot(c, d)))
    return found


def logo_png(path: Path, width: int, height: int) -> Path:
    """A clinic logo: a round badge and the clinic's name beside it."""
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setBrush(QColor("#0072B2"))
    painter.drawEllipse(height // 12, height // 12, height * 5 // 6, height * 5 // 6)
    font = QFont()
    font.setPixelSize(height * 7 // 12)
    painter.setFont(font)
    painter.drawText(QRect(height + 10, 0, width - height - 10, height),
                     Qt.AlignmentFlag.AlignVCenter, "Riverside")
    painter.end()
    assert image.save(str(path))
    return path


def printed_logo(tmp_path: Path, logo: Path) -> tuple[int, int, float, float]:
    """The logo in the header of an exported page (the page's only picture)."""
    header = Header("Logo", clinic="Riverside Physio", logo=load_logo(str(logo)))
    out = tmp_path / "logo.pdf"
    write_pdf(out, PrintJob("Logo", [HtmlFlowable("<p>Some text.</p>")]), header)
    pictures = pictures_on_page(out)
    assert len(pictures) == 1, pictures
    return pictures[0]


POINTS_PER_MM = 72 / 25.4


@pytest.mark.parametrize("width, height", [(800, 120), (300, 100), (60, 240)])
def test_the_logo_prints_in_its_own_proportions(
        qapp: object, tmp_path: Path, width: int, height: int) -> None:
    """A wide logo (800 x 120) printed squashed: its round badge an upright oval."""
    logo = logo_png(tmp_path / "logo.png", width, height)
    pixels_w, pixels_h, printed_w, printed_h = printed_logo(tmp_path, logo)
    room_w, room_h = 40 / 25.4 * 300, 11 / 25.4 * 300  # the header's room at 300 dpi
    if width <= room_w and height <= room_h:
        assert (pixels_w, pixels_h) == (width, height)
    else:  # no more pixels than print at 300 dots an inch
        assert max(pixels_w / room_w, pixels_h / room_h) == pytest.approx(1, abs=0.01)
    assert printed_w / printed_h == pytest.approx(width / height, rel=0.03)
    # in the header's logo space, and no smaller than it needs to be
    assert printed_w <= 40.1 * POINTS_PER_MM and printed_h <= 11.1 * POINTS_PER_MM
    assert max(printed_w / 40, printed_h / 11) >= 0.99 * POINTS_PER_MM


SMALL_SVG = ('<svg xmlns="http://www.w3.org/2000/svg" width="12" height="12" '
             'viewBox="0 0 120 120"><circle cx="60" cy="60" r="55" fill="#0072B2"/>'
             '<text x="20" y="75" font-size="40" fill="white">RP</text></svg>')
WIDE_SVG = ('<svg xmlns="http://www.w3.org/2000/svg" width="120" height="40" '
            'viewBox="0 0 120 40"><circle cx="20" cy="20" r="17" fill="#0072B2"/>'
            '<text x="42" y="27" font-size="18" fill="#10243e">Riverside</text></svg>')


@pytest.mark.parametrize("svg, aspect", [(SMALL_SVG, 1.0), (WIDE_SVG, 3.0)])
def test_an_svg_logo_prints_sharp(qapp: object, tmp_path: Path, svg: str,
                                  aspect: float) -> None:
    """An SVG logo was rasterised at its declared size (12 x 12 pixels, or 120 x 40)
    and printed as a blur; it has enough pixels for 200 dots an inch on paper."""
    logo = tmp_path / "logo.svg"
    logo.write_text(svg, encoding="utf-8")
    pixels_w, pixels_h, printed_w, printed_h = printed_logo(tmp_path, logo)
    assert pixels_w / (printed_w / 72) >= 200 and pixels_h / (printed_h / 72) >= 200
    assert printed_w / printed_h == pytest.approx(aspect, rel=0.03)
    assert printed_h == pytest.approx(11 * POINTS_PER_MM, rel=0.01)  # as tall as room allows


def test_the_preferences_preview_of_a_small_svg_logo_is_sharp(
        qtbot: QtBot, tmp_path: Path) -> None:
    """The preview showed the 12-pixel rendering blown up: as blurred as the print."""
    from explorer.ui.preferences import PreferencesDialog
    from explorer.ui.settings import Settings

    logo = tmp_path / "logo.svg"
    logo.write_text(SMALL_SVG, encoding="utf-8")
    dialog = PreferencesDialog(Settings(tmp_path / "s.ini"))
    qtbot.addWidget(dialog)
    dialog.logo.setText(str(logo))
    preview = dialog.logo_status.pixmap().toImage().convertToFormat(
        QImage.Format.Format_ARGB32)
    assert preview.height() == 40
    drawn = QImage(preview.size(), QImage.Format.Format_ARGB32)  # the SVG drawn that size
    drawn.fill(Qt.GlobalColor.transparent)
    painter = QPainter(drawn)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    QSvgRenderer(str(logo)).render(painter, QRectF(drawn.rect()))
    painter.end()
    pixels = [(x, y) for x in range(drawn.width()) for y in range(drawn.height())]
    apart = sum(abs(preview.pixelColor(*p).alpha() - drawn.pixelColor(*p).alpha())
                for p in pixels) / len(pixels)
    assert apart < 5, f"the preview's edges differ from the SVG's by {apart:.1f} on average"


def on_a6(job: PrintJob, path: Path) -> Path:
    """The job printed on A6 paper (chosen in the Print dialog)."""
    writer = QPdfWriter(str(path))
    writer.setResolution(DPI)
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A6),
                                     QPageLayout.Orientation.Portrait, MARGINS_MM,
                                     QPageLayout.Unit.Millimeter))
    render_job(writer, job, Header(job.title, side=job.side))
    del writer  # finishes the PDF
    return path


def test_a_handout_on_a6_paper_puts_each_picture_above_its_steps(
        qapp: object, tmp_path: Path) -> None:
    """On A6 an exercise card's steps beside its picture had a column of about 3 cm,
    a few words to a line: the sample handout took 32 pages. With the picture above
    them they take the card's width: 17 pages, every exercise and step still there."""
    content = load()
    art = DiagramArt(diagram_svg(), list(content.regions), content.diagram)
    handout = read_handout(SAMPLE_HANDOUT)
    pages = pages_text(on_a6(handout_job(content, art, handout), tmp_path / "a6.pdf"))
    assert len(pages) <= 18

    def letters(text: str) -> str:  # a word wrapped at its hyphen extracts as "pain- free"
        return re.sub(r"\W+", "", text)

    printed = letters(" ".join(pages))
    for item in handout.exercises:
        exercise = content.exercises[item.exercise]
        for words in (exercise.name, *exercise.steps):
            assert letters(words) in printed, words


def test_a_summary_on_a6_paper_prints_its_title_and_diagram_once(
        qapp: object, tmp_path: Path) -> None:
    """Paper chosen in the Print dialog may be too narrow for the title beside the
    diagram (A6): the title goes below the diagram in whole words, and the opening,
    taller than the page, goes on overleaf. It was drawn whole on each of its pages,
    title over footer, and the title broke mid-word ("trochanteri c")."""
    content = load()
    art = DiagramArt(diagram_svg(), list(content.regions), content.diagram)
    job = summary_job(content, art, content.conditions["greater-trochanteric-pain-syndrome"])
    pages = pages_text(on_a6(job, tmp_path / "a6.pdf"))
    assert "Greater trochanteric pain syndrome (gluteal tendinopathy)" in pages[0]
    assert [n for n, text in enumerate(pages) if "RIGHT SIDE" in text] == [0]
    for words in ("(gluteal tendinopathy) Also called", "Tendons are strong cords",
                  "Where it hurts: Outer hip"):
        assert sum(text.count(words) for text in pages) == 1, words
