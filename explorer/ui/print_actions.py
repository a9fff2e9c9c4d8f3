"""File > Print and Export PDF from the main window (filled in by the printing work)."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget


def print_current(window: QWidget) -> None:
    QMessageBox.information(window, "Print", "Printing is not available yet.")


def export_current(window: QWidget) -> None:
    QMessageBox.information(window, "Export PDF", "PDF export is not available yet.")
