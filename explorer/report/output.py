"""Send a print job to a PDF file or a printer (or the print preview).

PDFs are written to a temporary file beside the target and renamed into place only
when complete, so a failed export leaves no half-written file and never damages an
existing one.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QLocale
from PySide6.QtGui import QPagedPaintDevice, QPainter, QPdfWriter

from explorer import __version__
from explorer.files import replace_keeping_mode
from explorer.report.documents import PrintJob
from explorer.report.pages import (
    DPI,
    Header,
    content_size,
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


def render_job(device: QPagedPaintDevice, job: PrintJob, header: Header) -> int:
    """Paint the job on `device` (already set up with its page layout); returns pages."""
    rect = device.pageLayout().paintRectPixels(DPI)
    width, height = float(rect.width()), float(rect.height())
    size = content_size(width, height)
    pages = paginate(job.flowables, size.width(), size.height())
    painter = QPainter()
    if not painter.begin(device):
        raise ExportError("the output could not be opened for writing")
    try:
        scale = device.logicalDpiX() / DPI
        if abs(scale - 1) > 0.01:
            painter.scale(scale, scale)
        paint_pages(painter, pages, header, width, height, device.newPage)
    finally:
        painter.end()
    return len(pages)


def write_pdf(path: Path, job: PrintJob, header: Header, page_size: str = "A4",
              author: str = "") -> int:
    """Write the job to `path` atomically; returns the number of pages."""
    path = Path(path)
    if path.is_dir():
        raise ExportError(f"{path} is a folder; give a file name ending in .pdf")
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise ExportError(f"cannot write {path}: the folder {folder} does not exist")
    try:
        fd, temp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=folder)
        os.close(fd)
    except OSError as exc:
        raise ExportError(f"cannot write {path}: {exc.strerror or exc}") from None
    temp = Path(temp_name)
    try:
        writer = QPdfWriter(str(temp))
        writer.setResolution(DPI)
        writer.setPageLayout(page_layout(page_size))
        writer.setTitle(job.title)
        writer.setCreator(f"Hip Explorer {__version__}")
        writer.setAuthor(author or "Hip Explorer")
        pages = render_job(writer, job, header)
        del writer  # closes and flushes the file
        if temp.stat().st_size == 0:
            raise ExportError(f"cannot write {path}: nothing was written (disk full?)")
        replace_keeping_mode(temp, path)
        return pages
    except OSError as exc:
        raise ExportError(f"cannot write {path}: {exc.strerror or exc}") from None
    finally:
        temp.unlink(missing_ok=True)


def print_with(printer: QPagedPaintDevice, job: PrintJob, header: Header,
               on_done: Callable[[int], None] | None = None) -> int:
    """Print on a QPrinter (paper, or the preview's printer)."""
    pages = render_job(printer, job, header)
    if on_done:
        on_done(pages)
    return pages
