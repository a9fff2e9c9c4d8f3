"""What the Print dialog chooses is what prints: its page range, its page order and its
copies (painted by the app where the printer does not make them, as a PDF file), from
the window, the handout builder and the print preview; and a print that fails says so."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from pdf_pages import pages_text
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QCheckBox, QLineEdit, QMessageBox, QRadioButton, QSpinBox

GTPS = "greater-trochanteric-pain-syndrome"  # its summary has two pages


def footers(path: Path) -> list[str]:
    """Each printed page's "Page N of M", in the order they come out."""
    return [text[text.rindex("Page "):] for text in pages_text(path)]


def choose_in_print_dialog(monkeypatch: pytest.MonkeyPatch, target: Path, pages: str = "",
                           copies: int = 1, collate: bool = True,
                           reverse: bool = False) -> None:
    """The Print dialog, when it opens, is filled in as a user would (print to `target`,
    `pages` "2-2" or all) and its Print button pressed."""

    def fill_in(dialog: QPrintDialog) -> int:
        dialog.show()
        dialog.findChild(QLineEdit, "filename").setText(str(target))
        if pages:
            first, last = pages.split("-")
            dialog.findChild(QRadioButton, "printRange").setChecked(True)
            dialog.findChild(QSpinBox, "from").setValue(int(first))
            dialog.findChild(QSpinBox, "to").setValue(int(last))
        dialog.findChild(QSpinBox, "copies").setValue(copies)
        dialog.findChild(QCheckBox, "collate").setChecked(collate)
        dialog.findChild(QCheckBox, "reverse").setChecked(reverse)
        dialog.accept()
        return dialog.result()

    monkeypatch.setattr(QPrintDialog, "exec", fill_in)


@pytest.mark.parametrize(("pages", "copies", "collate", "reverse", "printed"), [
    ("2-2", 1, True, False, ["Page 2 of 2"]),
    ("2-2", 2, True, False, ["Page 2 of 2", "Page 2 of 2"]),
    ("", 1, True, True, ["Page 2 of 2", "Page 1 of 2"]),
    ("", 2, True, False, ["Page 1 of 2", "Page 2 of 2", "Page 1 of 2", "Page 2 of 2"]),
    ("", 2, False, True, ["Page 2 of 2", "Page 2 of 2", "Page 1 of 2", "Page 1 of 2"]),
])
def test_print_prints_the_pages_copies_and_order_chosen(
        open_window: Callable[..., Any], monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
        pages: str, copies: int, collate: bool, reverse: bool, printed: list[str]) -> None:
    window = open_window()
    window.selection.select_condition(GTPS)
    target = tmp_path / "printed.pdf"
    choose_in_print_dialog(monkeypatch, target, pages, copies, collate, reverse)
    window.print_action.trigger()
    assert footers(target) == printed


def test_the_handout_builders_print_prints_the_pages_chosen(
        open_builder: Callable[..., Any], monkeypatch: pytest.MonkeyPatch,
        tmp_path: Path) -> None:
    builder = open_builder(exercises=("clam", "bridge"))
    target = tmp_path / "handout.pdf"
    choose_in_print_dialog(monkeypatch, target, "2-2")
    builder._on_print_clicked()
    printed = footers(target)
    assert len(printed) == 1
    assert printed[0].startswith("Page 2 of ")


def test_the_previews_print_prints_the_pages_chosen(
        open_window: Callable[..., Any], tmp_path: Path) -> None:
    window = open_window()
    window.selection.select_condition(GTPS)
    window.preview_action.trigger()
    dialog = window.preview_dialog
    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)  # as its Print dialog left it
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    target = tmp_path / "from-preview.pdf"
    printer.setOutputFileName(str(target))
    printer.setFromTo(2, 2)
    dialog.paintRequested.emit(printer)  # what its Print does after that dialog
    printer.setOutputFileName("")  # finishes the file
    dialog.close()
    assert footers(target) == ["Page 2 of 2"]


@pytest.mark.qt_log_ignore("QPainter::begin")  # Qt's own word for the printer gone
@pytest.mark.parametrize(("pages", "folder", "reason"), [
    ("3-4", "", "the pages chosen are not in the document: it has 2 pages"),
    ("", "gone", "the output could not be opened for writing"),
])
def test_a_print_that_cannot_be_made_says_nothing_was_printed(
        open_window: Callable[..., Any], monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
        pages: str, folder: str, reason: str) -> None:
    """Not the crash dialog: a printer gone since the dialog, or pages beyond the end."""
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, title, text, *_: told.append(
        f"{title}: {text}"))
    window = open_window()
    window.selection.select_condition(GTPS)
    target = tmp_path / folder / "printed.pdf"
    choose_in_print_dialog(monkeypatch, target, pages)
    if folder:  # accepted, then the output cannot be opened (in life: a printer gone)
        monkeypatch.setattr(QPrintDialog, "exec", lambda dialog: _to(dialog, target))
    window.print_action.trigger()
    assert told == [f"Print: Nothing was printed.\n\n{reason}"]
    assert not target.exists()


def _to(dialog: QPrintDialog, target: Path) -> int:
    printer = dialog.printer()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(target))
    return QPrintDialog.DialogCode.Accepted.value
