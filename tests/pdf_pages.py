"""Reading an exported PDF as a test checks it: each page's text, and its pictures."""

from __future__ import annotations

import unicodedata
from pathlib import Path

from pypdf import PdfReader


def pages_text(path: Path) -> list[str]:
    """Each page's text with whitespace normalised (Qt's PDFs extract with tabs) and
    ligatures unfolded ("ﬂ" -> "fl")."""
    return [" ".join(unicodedata.normalize("NFKC", page.extract_text()).split())
            for page in PdfReader(path).pages]


def image_sizes(path: Path) -> list[tuple[int, int]]:
    """(width, height) in pixels of every picture on every page."""
    sizes = []
    for page in PdfReader(path).pages:
        for ref in page["/Resources"].get("/XObject", {}).values():
            image = ref.get_object()
            if image.get("/Subtype") == "/Image":
                sizes.append((int(image["/Width"]), int(image["/Height"])))
    return sizes


def text_sizes(path: Path, words: set[str]) -> list[tuple[int, str, float]]:
    """(page index, text, size in points on paper) of each text run that is one of
    `words`: the font size scaled by the text and page transforms."""
    found: list[tuple[int, str, float]] = []
    for number, page in enumerate(PdfReader(path).pages):
        def visit(text: str, cm: list[float], tm: list[float], _font: object, size: float,
                  number: int = number) -> None:
            text = " ".join(text.split())  # Qt's PDFs space words with tabs
            if text in words:
                found.append((number, text, abs(size * tm[3] * cm[3])))
        page.extract_text(visitor_text=visit)
    return found


def text_places(path: Path) -> list[tuple[int, str, float, float, float]]:
    """(page index, text, size in points, x, baseline y) of every run of text on every
    page, in points from the page's bottom left corner."""
    found: list[tuple[int, str, float, float, float]] = []
    for number, page in enumerate(PdfReader(path).pages):
        def visit(text: str, cm: list[float], tm: list[float], _font: object, size: float,
                  number: int = number) -> None:
            text = " ".join(unicodedata.normalize("NFKC", text).split())
            if text:
                x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
                y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
                found.append((number, text, abs(size * tm[3] * cm[3]), x, y))
        page.extract_text(visitor_text=visit)
    return found
