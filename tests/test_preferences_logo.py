"""Preferences with a logo of an awkward shape: a banner (or a tall, narrow logo) keeps
the dialog on screen, its preview shows it as thin as it will print, and a note says it
will print too small to read, while it may still be chosen."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QGuiApplication, QImage, QPainter
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from explorer.ui.preferences import PreferencesDialog
from explorer.ui.settings import Settings


def logo(path: Path, width: int, height: int) -> Path:
    """A logo with its clinic's name written across it."""
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setFont(QFont("Sans", max(8, min(width, height) // 2)))
    painter.drawText(image.rect(), Qt.AlignmentFlag.AlignCenter, "RIVERSIDE PHYSIO")
    painter.end()
    image.save(str(path))
    return path


def on_the_narrow_laptop(qtbot: QtBot, settings: Settings,
                         name: str = "narrow laptop") -> PreferencesDialog:
    """The dialog on the 800 x 450 screen (a 1600 x 900 laptop at 200%), or another."""
    screen = next(s for s in QGuiApplication.screens() if s.name() == name)
    dialog = PreferencesDialog(settings)
    qtbot.addWidget(dialog)
    dialog.setScreen(screen)
    dialog.move(screen.availableGeometry().topLeft())
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


@pytest.mark.parametrize(("size", "thin_side"), [((3000, 100), "tall"), ((100, 3000), "wide")])
def test_a_banner_or_a_tall_logo_keeps_the_dialog_on_screen_and_is_said_to_print_small(
        qtbot: QtBot, tmp_path: Path, size: tuple[int, int], thin_side: str) -> None:
    settings = Settings(tmp_path / "s.ini")
    dialog = on_the_narrow_laptop(qtbot, settings)
    opened = dialog.width()
    path = logo(tmp_path / "logo.png", *size)
    dialog.logo.setText(str(path))
    qtbot.wait(1)
    area = dialog.screen().availableGeometry()
    assert dialog.width() == opened <= area.width()  # not a pixel wider for the logo
    assert dialog.frameGeometry().bottom() <= area.bottom()
    ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
    assert ok.mapTo(dialog, ok.rect().bottomRight()).x() <= dialog.width()
    # the preview, as it will print: 40 px for the header's 11 mm, a sliver the other way
    preview = dialog.logo_status.pixmap()
    long_side, short_side = sorted((preview.width(), preview.height()), reverse=True)
    assert short_side <= 6 and long_side <= 150
    assert long_side / short_side >= 20  # 30 : 1, give or take a pixel
    warning = dialog.logo_warning
    assert warning.isVisible()
    assert f"mm {thin_side}, too small to read" in warning.text()
    dialog.logo.clear()
    assert dialog.width() == opened and not warning.isVisible()
    dialog.logo.setText(str(path))
    qtbot.keyClick(dialog, Qt.Key.Key_Return)  # it may still be chosen
    assert settings.text("print/logo") == str(path)


def test_a_logo_the_header_prints_readably_has_no_note(qtbot: QtBot, tmp_path: Path) -> None:
    dialog = on_the_narrow_laptop(qtbot, Settings(tmp_path / "s.ini"))
    dialog.logo.setText(str(logo(tmp_path / "logo.png", 1200, 300)))  # 4 : 1
    preview = dialog.logo_status.pixmap()
    assert preview.width() == pytest.approx(145, abs=1)  # 38 x 9.5 mm on paper
    assert preview.height() == pytest.approx(36, abs=1)
    assert not dialog.logo_warning.isVisible()


def test_a_typed_home_or_relative_logo_path_is_found_and_saved_in_full(
        qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """"~/logo.png" was "not found"; "logo.png" typed in the app's folder was saved as
    typed, and the next start from another folder (a desktop launcher's) lost it."""
    home, folder = tmp_path / "home", tmp_path / "work"
    home.mkdir()
    folder.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.chdir(folder)
    settings = Settings(tmp_path / "s.ini")
    for typed, path in (("~/logo.png", home / "logo.png"), ("logo.png", folder / "logo.png")):
        logo(path, 400, 100)
        dialog = on_the_narrow_laptop(qtbot, settings)
        dialog.logo.setText(typed)
        assert not dialog.logo_status.pixmap().isNull(), dialog.logo_status.text()
        qtbot.keyClick(dialog, Qt.Key.Key_Return)
        assert settings.text("print/logo") == str(path)


def test_browse_has_an_alt_letter(qtbot: QtBot, tmp_path: Path,
                                  monkeypatch: pytest.MonkeyPatch) -> None:
    """Alt+B did nothing: Browse had no Alt+letter, as Clinic name, Logo image and Paper
    size have."""
    from PySide6.QtWidgets import QFileDialog

    dialog = on_the_narrow_laptop(qtbot, Settings(tmp_path / "s.ini"))
    asked: list[str] = []
    monkeypatch.setattr(QFileDialog, "getOpenFileName",
                        lambda *a: asked.append(a[1]) or ("", ""))
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    qtbot.keyClick(dialog.logo, Qt.Key.Key_B, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: asked == ["Clinic logo"])


@pytest.mark.parametrize("screen", ["desktop", "300% laptop"])
def test_a_logo_problem_takes_its_lines_and_the_dialog_shrinks_when_it_goes(
        qtbot: QtBot, tmp_path: Path, screen: str) -> None:
    """At 300%, after OK with a logo that is not there, the problem's label was a line
    taller than its text (a gap above Paper size), and the dialog stayed that tall after
    the field was cleared."""
    dialog = on_the_narrow_laptop(qtbot, Settings(tmp_path / "s.ini"), screen)
    opened = dialog.height()
    label = dialog.logo_status

    def gap_under_the_problem() -> int:
        paper = dialog.page_size.geometry().top()
        return paper - (label.geometry().top() + label.heightForWidth(label.width()))

    dialog.logo.setText(str(tmp_path / "missing.png"))
    qtbot.wait(100)
    one_line = gap_under_the_problem()
    assert one_line <= 2 * dialog.layout().verticalSpacing() + 2
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()
    qtbot.wait(100)
    assert "Choose another file" in label.text()
    assert label.height() == label.heightForWidth(label.width())  # its lines, no more
    assert gap_under_the_problem() == one_line
    dialog.logo.clear()
    qtbot.waitUntil(lambda: dialog.height() == opened)
