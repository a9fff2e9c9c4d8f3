"""Hostile content: markup is shown as text on screen and on paper, links open only
when clicked and only for http(s), and dangerous references are refused."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6 import QtGui
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QTextDocumentFragment
from pytestqt.qtbot import QtBot

from explorer.cli import load
from explorer.paths import builtin_content_dir, diagram_svg
from explorer.report.documents import summary_job
from explorer.report.output import write_pdf
from explorer.report.pages import Header
from explorer.ui.diagram_art import DiagramArt
from explorer.ui.settings import Settings
from explorer.ui.startup import build_window

GTPS = "greater-trochanteric-pain-syndrome"
EVIL_NAME = "Evil <script>alert(1)</script> thing"
EVIL_SUMMARY = 'Looks <b>bold</b> <img src="http://tracker.example/x.png"> & <a href="x">y</a>.'


@pytest.fixture
def clinic(tmp_path: Path) -> Path:
    folder = tmp_path / "clinic"
    (folder / "conditions").mkdir(parents=True)
    (folder / "references.yaml").write_text(
        "references:\n"
        "  - id: evil-ref\n    citation: 'A <i>paper</i>'\n    url: https://example.org/paper\n"
        "  - id: js-ref\n    citation: Bad link\n    url: 'javascript:alert(1)'\n")
    (folder / "conditions/evil-thing.yaml").write_text(
        f"id: evil-thing\nname: '{EVIL_NAME}'\nregions: [back]\nurgency: routine\n"
        f"summary: '{EVIL_SUMMARY}'\nsymptoms: ['<h1>huge</h1>']\nred_flags: []\n"
        "references: [evil-ref, wilson2014]\nreviewed: '2026-01-01'\n")
    return folder


def test_javascript_link_refused(clinic: Path) -> None:
    content = load([clinic])
    assert any("js-ref" not in content.references and "http" in p.message
               for p in content.problems if p.path.name == "references.yaml")


def test_markup_is_text_in_the_panel(qtbot: QtBot, tmp_path: Path, clinic: Path,
                                     monkeypatch: pytest.MonkeyPatch) -> None:
    window = build_window([builtin_content_dir(), clinic], Settings(tmp_path / "s.ini"))
    qtbot.addWidget(window)
    window.selection.select_condition("evil-thing")
    text = window.detail.toPlainText()
    assert EVIL_NAME in text and "<b>bold</b>" in text and "<h1>huge</h1>" in text
    html = window.detail.document().toHtml()
    assert 'src="http://tracker.example' not in html and "&lt;img src=" in html
    opened: list[str] = []
    monkeypatch.setattr("PySide6.QtGui.QDesktopServices.openUrl",
                        lambda url: opened.append(url.toString()))
    for url in ("javascript:alert(1)", "file:///etc/passwd", "ftp://example.org/x"):
        window.detail.anchorClicked.emit(QUrl(url))
    assert opened == []
    window.detail.anchorClicked.emit(QUrl("https://example.org/paper"))
    assert opened == ["https://example.org/paper"]


def test_reference_citations_are_text_in_the_panel(qtbot: QtBot, tmp_path: Path,
                                                    clinic: Path) -> None:
    window = build_window([builtin_content_dir(), clinic], Settings(tmp_path / "s.ini"))
    qtbot.addWidget(window)
    window.selection.select_condition("evil-thing")
    text = window.detail.toPlainText()
    assert "A <i>paper</i>" in text
    html = window.detail.document().toHtml()
    assert "A &lt;i&gt;paper&lt;/i&gt;" in html and "italic;\">paper<" not in html


def test_markup_is_text_in_print(qapp: object, tmp_path: Path, clinic: Path) -> None:
    content = load([clinic])
    art = DiagramArt(diagram_svg(), list(content.regions))
    job = summary_job(content, art, content.conditions["evil-thing"])
    out = tmp_path / "evil.pdf"
    write_pdf(out, job, Header(job.title))
    text = " ".join(unicodedata.normalize("NFKC", PdfReader(out).pages[0].extract_text()).split())
    assert "<script>alert(1)</script>" in text and "<b>bold</b>" in text
    assert "A <i>paper</i>" in text  # the reference citation, as written


@pytest.mark.parametrize("size", ['width="1" height="10000000"',  # would be 3 GB drawn
                                  'width="100000" height="1"'])
def test_an_out_of_shape_picture_is_refused_not_drawn(qapp: object, tmp_path: Path,
                                                      size: str) -> None:
    """A few bytes can claim an absurd shape: it is not drawn (no crash, no gigabytes),
    and shapes an illustration can have still are."""
    from explorer.ui.images import load_picture

    odd = tmp_path / "odd.svg"
    odd.write_text(f'<svg xmlns="http://www.w3.org/2000/svg" {size}><rect width="1" '
                   'height="1"/></svg>')
    assert load_picture(odd, 320) is None
    tall = tmp_path / "tall.svg"
    tall.write_text('<svg xmlns="http://www.w3.org/2000/svg" width="100" height="300">'
                    '<rect width="100" height="300" fill="black"/></svg>')
    image = load_picture(tall, 320)
    assert image is not None and (image.width(), image.height()) == (320, 960)
    assert image.pixelColor(160, 480).black() == 255


def test_markup_is_text_in_questions_and_tooltips(qtbot: QtBot, tmp_path: Path,
                                                   clinic: Path) -> None:
    question = "Is it <b>worse</b> sitting for <30 minutes or >2 hours?"
    (clinic / "clues.yaml").write_text(
        "clues:\n  - id: evil-clue\n"
        f"    question: '{question}'\n    reason: sitting hurts\n")
    window = build_window([builtin_content_dir(), clinic], Settings(tmp_path / "s.ini"))
    qtbot.addWidget(window)
    label = window.refine.questions["evil-clue"]
    assert label.text() == question and label.textFormat() == Qt.TextFormat.PlainText
    window.selection.select_condition("evil-thing")
    window.selection.select_condition(GTPS)  # a step back to "evil-thing" is offered
    [item] = window.conditions.findItems("Evil", Qt.MatchFlag.MatchContains
                                         | Qt.MatchFlag.MatchRecursive)
    tips = [item.toolTip(0), window.trail_tip(-1)]
    shown = [QTextDocumentFragment.fromHtml(tip).toPlainText() if QtGui.Qt.mightBeRichText(tip)
             else tip for tip in tips]  # how Qt draws a tooltip
    assert shown[0].startswith(f"{EVIL_NAME}\n") and shown[1] == f"Back to {EVIL_NAME}"


def test_a_text_direction_override_is_refused_with_its_line(tmp_path: Path) -> None:
    """A right-to-left override (U+202E) shows the rest of a line reversed: a name or a
    warning that reads other than it is stored ("‮gnirts" shows as "string"). It was
    shown as it came, without a word."""
    folder = tmp_path / "clinic"
    (folder / "conditions").mkdir(parents=True)
    (folder / "conditions/reversed.yaml").write_text(
        "id: reversed\nname: 'Hip \u202eniap'\nregions: [back]\nurgency: routine\n"
        "summary: Text.\nsymptoms: [a]\nred_flags: []\nreferences: [wilson2014, weir2015]\n"
        "reviewed: '2026-01-01'\n", encoding="utf-8")
    content = load([folder])
    assert "reversed" not in content.conditions
    problem = next(p for p in content.problems if p.path.name == "reversed.yaml")
    assert problem.line == 2 and "U+202E" in problem.message
