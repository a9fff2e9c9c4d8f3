"""Preferences: what a clinic types is saved on OK only, and the logo is checked as it
is typed, with a preview or the reason it will not print."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from explorer.ui.preferences import PreferencesDialog
from explorer.ui.settings import Settings

LOGO = Path(__file__).parent.parent / "resources" / "icons" / "hip-explorer.svg"


def open_dialog(qtbot: QtBot, settings: Settings) -> PreferencesDialog:
    dialog = PreferencesDialog(settings)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def test_ok_saves_what_was_typed_and_cancel_does_not(qtbot: QtBot, tmp_path: Path) -> None:
    settings = Settings(tmp_path / "s.ini")
    dialog = open_dialog(qtbot, settings)
    qtbot.keyClicks(dialog.clinic, "Riverside Physiotherapy ")
    dialog.logo.setText(str(LOGO))
    dialog.page_size.setCurrentIndex(dialog.page_size.findData("Letter"))
    dialog.reject()
    assert settings.text("print/clinic") == ""
    dialog = open_dialog(qtbot, settings)
    qtbot.keyClicks(dialog.clinic, "Riverside Physiotherapy ")
    dialog.logo.setText(str(LOGO))
    dialog.page_size.setCurrentIndex(dialog.page_size.findData("Letter"))
    qtbot.keyClick(dialog, Qt.Key.Key_Return)  # OK is the default button
    assert settings.text("print/clinic") == "Riverside Physiotherapy"
    assert settings.text("print/logo") == str(LOGO)
    assert settings.text("print/page_size") == "Letter"
    again = open_dialog(qtbot, settings)  # and it opens with them
    assert again.clinic.text() == "Riverside Physiotherapy"
    assert again.page_size.currentData() == "Letter"


def test_logo_shows_a_preview_or_why_it_will_not_print(qtbot: QtBot, tmp_path: Path) -> None:
    dialog = open_dialog(qtbot, Settings(tmp_path / "s.ini"))
    status = dialog.logo_status
    assert not status.isVisible()  # no logo: no empty row of text
    broken = tmp_path / "logo.png"
    broken.write_text("not a picture")
    dialog.logo.setText(str(broken))
    assert status.isVisible() and "cannot be read as an image" in status.text()
    qtbot.wait(1)
    # the whole message is shown: the dialog grew to give it the lines it needs
    assert status.height() >= status.heightForWidth(status.width())
    assert dialog.height() >= dialog.layout().totalHeightForWidth(dialog.width())
    dialog.logo.setText(str(LOGO))
    assert status.isVisible() and not status.pixmap().isNull()
    assert status.pixmap().height() == 40
    dialog.logo.clear()
    assert not status.isVisible()


def test_the_dialog_is_wide_enough_for_a_path_and_labels_have_shortcuts(
        qtbot: QtBot, tmp_path: Path) -> None:
    dialog = open_dialog(qtbot, Settings(tmp_path / "s.ini"))
    assert dialog.width() >= 500 and dialog.logo.width() >= 300
    labels = {label.text(): label for label in dialog.findChildren(QLabel)}
    assert labels["&Logo image:"].buddy() is dialog.logo
    assert labels["&Clinic name:"].buddy() is dialog.clinic


def test_preferences_that_cannot_be_saved_say_so(qtbot: QtBot, tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    """A read-only settings file: OK looked accepted, and the clinic's name was gone at
    the next start without a word. Now OK says they last until the app closes (they
    still apply), and so does the window at start-up."""
    from PySide6.QtWidgets import QMessageBox

    from explorer.paths import builtin_content_dir
    from explorer.ui.startup import build_window

    blocker = tmp_path / "a-file"
    blocker.write_text("")
    settings = Settings(blocker / "settings.ini")  # a folder that cannot be made
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: told.append(box.text()) or 0)
    dialog = open_dialog(qtbot, settings)
    qtbot.keyClicks(dialog.clinic, "Riverside Physiotherapy")
    qtbot.keyClick(dialog, Qt.Key.Key_Return)
    assert len(told) == 1 and "cannot be written" in told[0] and str(blocker) in told[0]
    assert not dialog.isVisible()
    assert settings.text("print/clinic") == "Riverside Physiotherapy"  # for this session

    window = build_window([builtin_content_dir()], settings)
    qtbot.addWidget(window)
    assert "cannot be written" in window.statusBar().currentMessage()
    assert len(told) == 1  # the window says it in the status bar, not in a box


def test_a_clinic_name_with_a_comma_typed_into_the_file_reads_as_typed(
        tmp_path: Path) -> None:
    """Qt reads an unquoted comma in an INI value as a list: the header printed
    "['Smith', 'Jones Physio']"."""
    path = tmp_path / "s.ini"
    path.write_text("[print]\nclinic=Smith, Jones Physio\n", encoding="utf-8")
    assert Settings(path).text("print/clinic") == "Smith, Jones Physio"


# ---- the user's own content folder ----------------------------------------------------------
@pytest.fixture
def own_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "share" / "HipExplorer" / "content"
    monkeypatch.setenv("HIP_EXPLORER_USER_CONTENT", str(folder))
    return folder


def test_preferences_show_the_own_content_folder_and_open_it(
        qtbot: QtBot, tmp_path: Path, own_folder: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """No window said where a clinic's content goes to load at every start, or made the
    folder: it was found only in the README."""
    from PySide6.QtGui import QDesktopServices

    opened: list[str] = []
    monkeypatch.setattr(QDesktopServices, "openUrl",
                        lambda url: opened.append(url.toLocalFile()) or True)
    dialog = open_dialog(qtbot, Settings(tmp_path / "s.ini"))
    shown = " ".join(label.text() for label in dialog.findChildren(QLabel))
    assert dialog.own_path.text() == str(own_folder) and dialog.own_path.isReadOnly()
    assert "loads over the built-in content" in shown
    assert not own_folder.exists()
    qtbot.mouseClick(dialog.open_content, Qt.MouseButton.LeftButton)
    assert own_folder.is_dir() and opened == [str(own_folder)]
    qtbot.mouseClick(dialog.open_content, Qt.MouseButton.LeftButton)  # there now: opened
    assert opened == [str(own_folder)] * 2


def test_an_own_content_folder_that_cannot_be_made_or_shown_is_said(
        qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtGui import QDesktopServices
    from PySide6.QtWidgets import QMessageBox

    blocker = tmp_path / "a-file"
    blocker.write_text("")
    monkeypatch.setenv("HIP_EXPLORER_USER_CONTENT", str(blocker / "content"))
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: told.append(box.text()) or 0)
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: False)  # no file manager
    dialog = open_dialog(qtbot, Settings(tmp_path / "s.ini"))
    dialog.open_content.click()
    assert told == [f"The folder {blocker / 'content'} could not be made: Not a directory."
                    "\n\nContent can still be loaded from another folder with hip-explorer "
                    "--content FOLDER."]
    monkeypatch.setenv("HIP_EXPLORER_USER_CONTENT", str(tmp_path / "content"))
    dialog = open_dialog(qtbot, Settings(tmp_path / "s.ini"))
    dialog.open_content.click()
    assert told[1] == f"No file manager could be opened. The folder is:\n\n{tmp_path / 'content'}"


def test_a_long_own_content_path_keeps_the_dialog_on_a_small_screen(
        qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A folder name of 160 characters made the dialog 1368 pixels wide on a 640-point
    screen, OK and Cancel off it: the path is in a field, which scrolls."""
    from PySide6.QtGui import QGuiApplication

    long = tmp_path / ("clinic-" * 23) / "content"
    monkeypatch.setenv("HIP_EXPLORER_USER_CONTENT", str(long))
    screen = next(s for s in QGuiApplication.screens() if s.name() == "300% laptop")
    dialog = PreferencesDialog(Settings(tmp_path / "s.ini"))
    qtbot.addWidget(dialog)
    dialog.setScreen(screen)
    dialog.move(screen.availableGeometry().topLeft())
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.own_path.text() == str(long)
    assert dialog.frameGeometry().width() <= screen.availableGeometry().width()
    assert dialog.open_content.geometry().right() <= dialog.width()
