"""The clinic's logo: read once for each version of its file, with only the pixels the
header prints, and Preferences says plainly why a logo will not print, or print well."""

from __future__ import annotations

import os
import struct
import zlib
from pathlib import Path

from pdf_pages import image_sizes
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage
from pytestqt.qtbot import QtBot

from explorer.report.documents import PrintJob
from explorer.report.output import write_pdf
from explorer.report.pages import Header, HtmlFlowable, load_logo
from explorer.ui.preferences import PreferencesDialog
from explorer.ui.settings import Settings

HEADER_LOGO_300_DPI = 130  # 11 mm (the header's room for a logo) at 300 dots an inch


def png(path: Path, width: int, height: int) -> Path:
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor("#1f6fb2"))
    assert image.save(str(path))
    return path


def huge_png_header(path: Path, width: int, height: int) -> Path:
    """A PNG whose header says it is `width` x `height` pixels (its pixels are never
    decoded: too large for memory)."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return (struct.pack(">I", len(data)) + kind + data
                + struct.pack(">I", zlib.crc32(kind + data)))

    path.write_bytes(b"\x89PNG\r\n\x1a\n"
                     + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0))
                     + chunk(b"IDAT", zlib.compress(b"\0" * 100)) + chunk(b"IEND", b""))
    return path


def test_a_huge_logo_is_scaled_once_when_loaded(qapp: object, tmp_path: Path) -> None:
    """An 8000 x 8000 logo went into every PDF whole: each export took 1.9 s instead of
    0.1 s, and the PDF grew by 2 MB. It is read once, with the pixels the header prints
    at 300 dots an inch, until its file changes."""
    path = png(tmp_path / "logo.png", 3000, 3000)
    logo = load_logo(str(path))
    assert logo is not None
    assert (logo.width(), logo.height()) == (HEADER_LOGO_300_DPI, HEADER_LOGO_300_DPI)
    out = tmp_path / "logo.pdf"
    write_pdf(out, PrintJob("Logo", [HtmlFlowable("<p>Text.</p>")]),
              Header("Logo", logo=logo))
    assert image_sizes(out) == [(HEADER_LOGO_300_DPI, HEADER_LOGO_300_DPI)]
    again = load_logo(str(path))
    assert again is not None and again.cacheKey() == logo.cacheKey()  # not read again
    png(path, 600, 200)  # a new logo in the same file
    later = path.stat().st_mtime_ns + 1_000_000_000
    os.utime(path, ns=(later, later))
    changed = load_logo(str(path))
    assert changed is not None and changed.width() / changed.height() == 3


def test_preferences_say_why_a_logo_will_not_print_or_will_print_blurred(
        qtbot: QtBot, tmp_path: Path) -> None:
    settings = Settings(tmp_path / "s.ini")
    dialog = PreferencesDialog(settings)
    qtbot.addWidget(dialog)
    dialog.show()
    status = dialog.logo_status
    dialog.logo.setText(str(tmp_path / "moved.png"))  # a file not (or no longer) there
    assert "was not found" in status.text() and "5 MB" not in status.text()
    dialog.logo.setText(str(huge_png_header(tmp_path / "huge.png", 20000, 20000)))
    assert "too large in pixels: 20000 x 20000" in status.text()
    assert "5 MB" not in status.text()
    dialog.logo.setText(str(png(tmp_path / "tiny.png", 20, 10)))  # prints, but blurred
    assert not status.pixmap().isNull()
    warning = dialog.logo_warning
    assert warning.isVisible() and "will look blurred" in warning.text()
    dialog.logo.setText(str(png(tmp_path / "sharp.png", 600, 200)))
    assert not status.pixmap().isNull() and not warning.isVisible()
    dialog.logo.setText(str(tmp_path / "tiny.png"))
    qtbot.keyClick(dialog, Qt.Key.Key_Return)  # a blurred logo may still be chosen
    assert settings.text("print/logo") == str(tmp_path / "tiny.png")


def test_ok_does_not_save_a_logo_that_cannot_be_read(qtbot: QtBot, tmp_path: Path) -> None:
    settings = Settings(tmp_path / "s.ini")
    dialog = PreferencesDialog(settings)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.clinic.setText("Riverside Physio")
    dialog.logo.setText(str(tmp_path / "moved.png"))
    qtbot.keyClick(dialog, Qt.Key.Key_Return)
    assert dialog.isVisible()  # kept open, saying why
    assert "was not found" in dialog.logo_status.text()
    assert "clear the field" in dialog.logo_status.text()
    assert settings.text("print/logo") == "" and settings.text("print/clinic") == ""
    dialog.logo.clear()  # no logo at all is fine
    qtbot.keyClick(dialog, Qt.Key.Key_Return)
    assert not dialog.isVisible() and settings.text("print/clinic") == "Riverside Physio"


def test_a_logo_saved_under_another_kinds_name_is_read_as_what_it_is(
        qtbot: QtBot, tmp_path: Path) -> None:
    """An SVG drawing saved as logo.png was read as a 40 x 20 pixel bitmap, "blurred on
    paper"; a PNG saved as logo.svg and a PDF saved as logo.png "cannot be read"."""
    dialog = PreferencesDialog(Settings(tmp_path / "s.ini"))
    qtbot.addWidget(dialog)
    dialog.show()
    drawing = tmp_path / "drawing.png"
    drawing.write_text('<svg xmlns="http://www.w3.org/2000/svg" width="40" height="20">'
                       '<rect width="40" height="20" fill="#1f6fb2"/></svg>')
    dialog.logo.setText(str(drawing))
    assert not dialog.logo_status.pixmap().isNull()
    assert not dialog.logo_warning.isVisible()  # drawn sharp at the size it prints
    logo = load_logo(str(drawing))
    assert logo is not None and logo.height() == HEADER_LOGO_300_DPI
    bitmap = png(tmp_path / "bitmap.png", 600, 200).rename(tmp_path / "bitmap.svg")
    dialog.logo.setText(str(bitmap))
    assert not dialog.logo_status.pixmap().isNull() and not dialog.logo_warning.isVisible()
    document = tmp_path / "letterhead.png"
    document.write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\n")
    dialog.logo.setText(str(document))
    assert dialog.logo_status.text() == (
        "⚠ This is a PDF file named .png: save the logo as a PNG, JPEG or SVG image; "
        "pages will print without a logo.")
