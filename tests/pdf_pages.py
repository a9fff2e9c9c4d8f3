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
