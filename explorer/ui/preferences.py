"""Preferences: the clinic name and logo printed in headers, and the paper size."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap
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
from explorer.ui.dialogs import fit_to_screen
from explorer.ui.settings import Settings

LOGO_PREVIEW_PX = 40  # the preview's height; pages print the logo about this tall


class PreferencesDialog(QDialog):
    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Preferences")
        self.settings = settings
        intro = QLabel("The clinic name and logo print at the top of every summary and "
                       "handout.")
        intro.setWordWrap(True)
        self.clinic = QLineEdit(settings.text("print/clinic"))
        self.clinic.setPlaceholderText("For example: Riverside Physiotherapy")
        self.clinic.setClearButtonEnabled(True)
        self.logo = QLineEdit(settings.text("print/logo"))
        self.logo.setPlaceholderText("No logo")
        self.logo.setClearButtonEnabled(True)
        browse = QPushButton("Browse…")
        browse.clicked.connect(self._on_browse_clicked)
        self.logo_status = QLabel()
        self.logo_status.setWordWrap(True)
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
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(intro)
        form.addRow("&Clinic name:", self.clinic)
        logo_label = QLabel("&Logo image:")
        logo_label.setBuddy(self.logo)
        form.addRow(logo_label, logo_row)
        form.addRow("", self.logo_status)
        form.addRow("&Paper size:", self.page_size)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._on_accepted)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.logo.textChanged.connect(self._check_logo)
        self._check_logo(self.logo.text())
        hint = self.sizeHint()
        fit_to_screen(self, max(520, hint.width()), hint.height())

    def _on_browse_clicked(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "Clinic logo", self.logo.text(),
                                              "Images (*.png *.jpg *.jpeg *.svg)")
        if path:
            self.logo.setText(path)

    def _check_logo(self, path: str) -> None:
        """A preview of the logo, or why it will not print; nothing without a logo."""
        path = path.strip()
        image = load_logo(path)
        self.logo_status.setVisible(bool(path))
        if image is not None:
            preview = QPixmap.fromImage(image).scaledToHeight(
                LOGO_PREVIEW_PX, Qt.TransformationMode.SmoothTransformation)
            self.logo_status.setPixmap(preview)
            self.logo_status.setAccessibleName("Logo preview")
        else:
            self.logo_status.setText("⚠ This file cannot be read as an image (PNG, JPEG or "
                                     "SVG, up to 5 MB); pages will print without a logo.")
            self.logo_status.setStyleSheet("color: #8a0015;")
            self.logo_status.setAccessibleName("Logo problem")
        self._grow_to_fit()

    def _grow_to_fit(self) -> None:
        """Taller when the logo's preview or its problem needs the room."""
        layout = self.layout()
        layout.activate()
        needed = layout.totalHeightForWidth(self.width())
        if needed > self.height():
            self.resize(self.width(), needed)

    def _on_accepted(self) -> None:
        self.settings.set("print/clinic", self.clinic.text().strip())
        self.settings.set("print/logo", self.logo.text().strip())
        self.settings.set("print/page_size", self.page_size.currentData())
        self.accept()
