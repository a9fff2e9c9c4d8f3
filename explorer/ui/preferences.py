"""Preferences: the clinic name and logo printed in headers, and the paper size."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from explorer.report.output import default_page_size
from explorer.report.pages import load_logo
from explorer.ui.settings import Settings


class PreferencesDialog(QDialog):
    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Preferences")
        self.settings = settings
        self.clinic = QLineEdit(settings.text("print/clinic"))
        self.clinic.setPlaceholderText("Printed at the top of every page")
        self.logo = QLineEdit(settings.text("print/logo"))
        browse = QPushButton("Browse…")
        browse.clicked.connect(self._on_browse_clicked)
        self.logo_status = QLabel()
        self.page_size = QComboBox()
        self.page_size.addItem(f"From the system ({default_page_size()})", "")
        self.page_size.addItem("A4", "A4")
        self.page_size.addItem("Letter", "Letter")
        self.page_size.setCurrentIndex(max(0, self.page_size.findData(
            settings.text("print/page_size"))))
        logo_row = QHBoxLayout()
        logo_row.addWidget(self.logo, 1)
        logo_row.addWidget(browse)
        form = QFormLayout(self)
        form.addRow("Clinic name:", self.clinic)
        form.addRow("Logo image:", logo_row)
        form.addRow("", self.logo_status)
        form.addRow("Paper size:", self.page_size)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._on_accepted)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.logo.textChanged.connect(self._check_logo)
        self._check_logo(self.logo.text())

    def _on_browse_clicked(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "Clinic logo", self.logo.text(),
                                              "Images (*.png *.jpg *.jpeg *.svg)")
        if path:
            self.logo.setText(path)

    def _check_logo(self, path: str) -> None:
        ok = not path or load_logo(path) is not None
        self.logo_status.setText("" if ok else "This file cannot be read as an image; "
                                 "pages will print without a logo.")

    def _on_accepted(self) -> None:
        self.settings.set("print/clinic", self.clinic.text().strip())
        self.settings.set("print/logo", self.logo.text().strip())
        self.settings.set("print/page_size", self.page_size.currentData())
        self.accept()
