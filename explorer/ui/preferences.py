"""Preferences: the clinic name and logo printed in headers, the paper size, and where
the clinic's own content goes (the user's content folder, opened from here)."""

from __future__ import annotations

import os

from PySide6.QtCore import QSize, Qt, QUrl
from PySide6.QtGui import (
    QAccessible,
    QAccessibleEvent,
    QDesktopServices,
    QPixmap,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QWidget,
)

from explorer.files import refusal
from explorer.paths import user_content_dir
from explorer.report.output import default_page_size
from explorer.report.pages import LOGO_MAX_H, logo_size, read_logo
from explorer.ui.dialogs import fit_to_screen, tell
from explorer.ui.settings import UNWRITABLE, Settings
from explorer.ui.wrapped_label import WrappedLabel

# The preview shows the header's room for the logo (LOGO_MAX_W x LOGO_MAX_H) this tall,
# about its printed size: the logo in it as it will print, a banner as wide and thin.
LOGO_PREVIEW_PX = 40


def logo_path(typed: str) -> str:
    """The logo file typed: "~" expanded and made absolute, so that it is still found
    when the app starts from another folder (a desktop launcher's); "" for none."""
    typed = typed.strip()
    return os.path.abspath(os.path.expanduser(typed)) if typed else ""


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
        browse = QPushButton("&Browse…")
        browse.clicked.connect(self._on_browse_clicked)
        self.logo_status = WrappedLabel()
        self.logo_warning = WrappedLabel()  # below the preview: it will print, but poorly
        self.logo_warning.setStyleSheet("color: #7a2e00;")
        self.logo_warning.setAccessibleName("Logo warning")
        self.page_size = QComboBox()
        self.page_size.addItem(f"From the system ({default_page_size()})", "")
        self.page_size.addItem("A4", "A4")
        self.page_size.addItem("Letter", "Letter")
        self.page_size.setCurrentIndex(max(0, self.page_size.findData(
            settings.text("print/page_size"))))
        self.own_content = user_content_dir()
        # the path in a read-only field: however long, it scrolls there (and copies)
        self.own_path = QLineEdit(str(self.own_content))
        self.own_path.setReadOnly(True)
        self.own_path.setCursorPosition(0)
        self.own_path.setAccessibleName("Your own content folder")
        own_note = WrappedLabel("Content put here loads over the built-in content at every "
                                "start; View > Reload content (F5) reads it now.")
        self.open_content = QPushButton("&Open folder")
        self.open_content.setToolTip("Open your own content folder (made if it is not "
                                     "there yet) to copy a clinic's content into it")
        self.open_content.clicked.connect(self._on_open_content_clicked)
        own_row = QHBoxLayout()
        own_row.addWidget(self.own_path, 1)
        own_row.addWidget(self.open_content)
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
        form.addRow("", self.logo_warning)
        form.addRow("&Paper size:", self.page_size)
        own_label = QLabel("Your o&wn content:")
        own_label.setBuddy(self.own_path)
        form.addRow(own_label, own_row)
        form.addRow("", own_note)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._on_accepted)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        # the width here; _check_logo fits the height to the form at that width
        self.resize(max(560, self.sizeHint().width()), self.height())
        self.logo.textChanged.connect(self._check_logo)
        self._check_logo(self.logo.text())

    def _on_browse_clicked(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "Clinic logo", self.logo.text(),
                                              "Images (*.png *.jpg *.jpeg *.svg)")
        if path:
            self.logo.setText(path)

    def _on_open_content_clicked(self) -> None:
        """Make the user's content folder if need be, and show it in the file manager;
        where that cannot be done, say why and where the folder is."""
        folder = self.own_content
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            tell(self, QMessageBox.Icon.Warning, "Your own content folder",
                 f"The folder {folder} could not be made: {refusal(folder, exc)}.\n\n"
                 "Content can still be loaded from another folder with hip-explorer "
                 "--content FOLDER.")
            return
        if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder))):
            tell(self, QMessageBox.Icon.Information, "Your own content folder",
                 f"No file manager could be opened. The folder is:\n\n{folder}")

    def _check_logo(self, typed: str) -> None:
        """A preview of the logo, or why it will not print, and whether it will print
        blurred or too small; nothing without a logo."""
        path = logo_path(typed)
        logo = read_logo(path)
        self.logo_status.setVisible(bool(path))
        self.logo_warning.setVisible(bool(logo.warning))
        self.logo_warning.setText(f"⚠ {logo.warning}." if logo.warning else "")
        if logo.image is not None:
            printed = logo_size(logo.image.size()) * (LOGO_PREVIEW_PX / LOGO_MAX_H)
            preview = QPixmap.fromImage(logo.image).scaled(
                printed.toSize().expandedTo(QSize(1, 1)),
                Qt.AspectRatioMode.IgnoreAspectRatio,
                Qt.TransformationMode.SmoothTransformation)
            self.logo_status.setPixmap(preview)
            self.logo_status.setAccessibleName("Logo preview")
            self.logo.setAccessibleDescription(logo.warning)
        else:
            self._show_logo_problem(f"{logo.problem}; pages will print without a logo.")
        if not path:
            self.logo.setAccessibleDescription("No logo")
        self._fit_height()

    def _show_logo_problem(self, text: str, alert: bool = False) -> None:
        """The problem under the field, and as the field's description for a screen
        reader (it reads the field, not the label below it); `alert`: said at once."""
        self.logo_status.setText(f"⚠ {text}")
        self.logo_status.setStyleSheet("color: #8a0015;")
        self.logo_status.setAccessibleName("Logo problem")
        self.logo.setAccessibleDescription(text)
        if alert:
            self.logo_status.setAccessibleDescription(text)
            QAccessible.updateAccessibility(
                QAccessibleEvent(self.logo_status, QAccessible.Event.Alert))

    def showEvent(self, event: QShowEvent) -> None:
        """Fitted again once shown: the wrapped lines' heights are known only when the
        labels have their widths."""
        super().showEvent(event)
        self._fit_height()

    def _fit_height(self) -> None:
        """As tall as the form at this width: taller when the logo's preview, problem
        or warning needs the room and back when it goes (nothing in the form uses more
        height); never taller than the screen."""
        layout = self.layout()
        layout.activate()
        fit_to_screen(self, self.width(), layout.totalHeightForWidth(self.width()))

    def _on_accepted(self) -> None:
        logo = logo_path(self.logo.text())
        problem = read_logo(logo).problem
        if problem:  # never saved: every page would print without it, unsaid
            self._show_logo_problem(f"{problem}. Choose another file, or clear the field "
                                    "to print without a logo.", alert=True)
            self._fit_height()
            self.logo.setFocus()
            return
        self.settings.set("print/clinic", self.clinic.text().strip())
        self.settings.set("print/logo", logo)
        self.settings.set("print/page_size", self.page_size.currentData())
        if not self.settings.sync():  # they apply now, but say they will not be kept
            tell(self, QMessageBox.Icon.Warning, "Preferences",
                 UNWRITABLE.format(file=self.settings.file_name))
        self.accept()
