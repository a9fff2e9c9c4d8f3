"""Send a print job to a PDF file or a printer (or the print preview).

A PDF is made in memory, then saved all at once (explorer.files): a failed export (a
full disk, say) leaves no half-written file and never damages an existing one.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QBuffer, QIODevice, QLocale
from PySide6.QtGui import QPagedPaintDevice, QPainter, QPdfWriter
from PySide6.QtPrintSupport import QPrinter

from explorer import __version__
from explorer.files import destination_refusal, exists, write_atomically, write_refusal
from explorer.report.documents import PrintJob
from explorer.report.pages import (
    DPI,
    Header,
    framed_size,
    page_layout,
    paginate,
    paint_pages,
)


class ExportError(Exception):
    """The output could not be written; the message says why, for the user."""


def default_page_size() -> str:
    """Letter where the locale measures in inches (US), A4 elsewhere."""
    system = QLocale.system().measurementSystem()
    return "Letter" if system == QLocale.MeasurementSystem.ImperialUSSystem else "A4"


def render_job(device: QPagedPaintDevice, job: PrintJob, header: Header,
               order: Callable[[int], list[int]] | None = None) -> int:
    """Paint the job on `device` (already set up with its page layout); returns the
    document's pages. `order(pages)`: the numbers of the pages to paint, in turn (see
    paint_pages), else all; ExportError, and nothing painted, if it gives none."""
    rect = device.pageLayout().paintRectPixels(DPI)
    width, height = float(rect.width()), float(rect.height())
    header = replace(header, scale=job.text_scale)  # large print: its header and footer too
    size = framed_size(width, height, header)
    pages = paginate(job.laid_out(size), size.width(), size.height())
    turns = None if order is None else order(len(pages))
    if turns == []:  # before the printer is opened: an empty job would still print
        count = f"{len(pages)} page{'s' if len(pages) > 1 else ''}"
        raise ExportError(f"the pages chosen are not in the document: it has {count}")
    painter = QPainter()
    if not painter.begin(device):
        raise ExportError("the output could not be opened for writing")
    try:
        scale = device.logicalDpiX() / DPI
        if abs(scale - 1) > 0.01:
            painter.scale(scale, scale)
        paint_pages(painter, pages, header, width, height, device.newPage, turns)
    finally:
        painter.end()
    return len(pages)


def write_pdf(path: Path, job: PrintJob, header: Header, page_size: str = "A4",
              author: str = "") -> int:
    """Write the job to `path` atomically; returns the number of pages."""
    path = Path(path)
    refused = destination_refusal(path, ".pdf")
    if refused:
        raise ExportError(refused)
    buffer = QBuffer()  # the whole PDF in memory first: Qt's writer reports no errors
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(DPI)
    writer.setPageLayout(page_layout(page_size))
    writer.setTitle(job.title)
    writer.setCreator(f"Hip Explorer {__version__}")
    writer.setAuthor(author or "Hip Explorer")
    pages = render_job(writer, job, header)
    del writer  # finishes the PDF
    existed = exists(path)
    try:
        write_atomically(path, bytes(buffer.data().data()))
    except OSError as exc:
        raise ExportError(write_refusal(path, exc, existed)) from None
    return pages


def printed_pages(printer: QPrinter, pages: int) -> list[int]:
    """The numbers of the pages to paint, in turn, for what was chosen in the Print
    dialog: its page range and order, and its copies where the printer does not make
    them itself (a PDF file; a CUPS printer does), collated (1 2 1 2) or not (1 1 2 2).
    Qt leaves all three to the application, as QTextDocument.print takes them."""
    ranges = printer.pageRanges()
    chosen = [n for n in range(1, pages + 1) if ranges.isEmpty() or ranges.contains(n)]
    if printer.pageOrder() == QPrinter.PageOrder.LastPageFirst:
        chosen.reverse()
    copies = 1 if printer.supportsMultipleCopies() else max(1, printer.copyCount())
    if printer.collateCopies():
        return chosen * copies
    return [n for n in chosen for _ in range(copies)]


def print_with(printer: QPrinter, job: PrintJob, header: Header,
               on_done: Callable[[int], None] | None = None) -> int:
    """Print on a QPrinter (paper, or the preview's printer) the pages chosen for it;
    returns the document's pages."""
    pages = render_job(printer, job, header, lambda count: printed_pages(printer, count))
    if on_done:
        on_done(pages)
    return pages
