"""What the window prints: the exercise handout starts from the window's selection, the
booklet holds the listed conditions, and the preferences (clinic, logo, paper size) reach
the printed pages."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from pdf_pages import image_sizes, pages_text
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QColor, QImage
from PySide6.QtWidgets import QFileDialog, QMessageBox, QPushButton
from pytestqt.qtbot import QtBot

from explorer.paths import builtin_content_dir
from explorer.ui.main_window import MainWindow
from explorer.ui.settings import Settings
from explorer.ui.startup import build_window

ROOT = Path(__file__).resolve().parent.parent


def page_points(path: Path, number: int = 0) -> tuple[int, int]:
    box = PdfReader(path).pages[number].mediabox
    return round(float(box.width)), round(float(box.height))


@pytest.fixture
def window(qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[MainWindow]:
    # nothing modal may block a test: a warning or a question fails it instead
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: pytest.fail(f"warning: {a[2]}"))
    monkeypatch.setattr(QMessageBox, "information", lambda *a: pytest.fail(f"info: {a[2]}"))
    monkeypatch.setattr(QMessageBox, "question", lambda *a: QMessageBox.StandardButton.Discard)
    win = build_window([builtin_content_dir()], Settings(tmp_path / "s.ini"))
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    yield win


def save_as(monkeypatch: pytest.MonkeyPatch, target: Path) -> list[str]:
    """The next Save dialogs answer `target`; returns the titles of the dialogs asked."""
    asked: list[str] = []

    def answer(parent: object, title: str, *rest: object) -> tuple[str, str]:
        asked.append(title)
        return str(target), "PDF files (*.pdf)"

    monkeypatch.setattr(QFileDialog, "getSaveFileName", answer)
    return asked


# ---- 1. the exercise handout starts from the window's selection ---------------------------
def test_handout_builder_starts_from_the_selection_and_prints_it(
        qtbot: QtBot, window: MainWindow, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    from explorer.model.handout import suggested_exercises
    from explorer.report.documents import handout_job
    from explorer.report.output import write_pdf
    from explorer.ui import print_actions

    window.side_box.setCurrentIndex(window.side_box.findData("left"))  # the toolbar's choice
    window.selection.set_regions(["outer"])
    window.selection.set_intensity("outer", 6)
    ranked = window.conditions.ids()
    chosen = "iliotibial-band-hip"
    assert chosen in ranked and ranked[0] != chosen  # not simply the top of the list
    window.selection.select_condition(chosen)
    assert window.handout_dialog is None

    window.activateWindow()
    qtbot.waitActive(window)
    qtbot.keyClick(window, Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier)  # Ctrl+H
    dialog = window.handout_dialog
    assert dialog is not None and dialog.isVisible()
    handout = dialog.handout()
    assert handout.regions == {"outer": 6}
    assert handout.side == "left"
    assert handout.conditions == (chosen,)
    exercises = [item.exercise for item in handout.exercises]
    own = {use.exercise for use in window.content.conditions[chosen].exercises}
    assert exercises and set(exercises) <= own  # the chosen condition's exercises
    assert exercises == suggested_exercises(window.content, (chosen,))[:len(exercises)]
    assert dialog.table.rowCount() == len(exercises)  # and the builder shows them

    out = tmp_path / "handout.pdf"
    asked = save_as(monkeypatch, out)
    export = next(b for b in dialog.findChildren(QPushButton) if b.text() == "&Export PDF…")
    qtbot.mouseClick(export, Qt.MouseButton.LeftButton)
    assert asked == ["Export PDF"] and out.is_file()
    first = pages_text(out)[0]
    assert "Left hip" in first and "LEFT SIDE" in first
    assert "Right hip" not in first
    assert "Outer hip (pain 6/10)" in first  # where it hurts, said in words
    # the pain level is printed as a number on each of the outer region's badges: compare
    # with the same handout at pain 0 (no badges), so a "6" in the date cannot count
    no_pain = replace(handout, regions={"outer": 0})
    job = handout_job(window.content, window.diagram.art, no_pain)
    write_pdf(tmp_path / "no-pain.pdf", job, print_actions.header_for(job, window.settings))
    badges = len(window.diagram.art.badge_points("outer", "left"))
    assert badges >= 1
    sixes = first.split().count("6") - pages_text(tmp_path / "no-pain.pdf")[0].split().count("6")
    assert sixes == badges


# ---- 2. File > Export booklet from the window ---------------------------------------------
def contents_names(out: Path, names: dict[str, str]) -> set[str]:
    """The ids of the conditions named on the booklet's contents page."""
    contents = pages_text(out)[0]
    assert "Contents" in contents
    return {cid for cid, name in names.items() if re.search(re.escape(name) + r".*? \d+",
                                                              contents)}


def booklet_action(window: MainWindow) -> QAction:
    return next(a for a in window.findChildren(QAction) if a.text() == "Export &booklet…")


def test_booklet_from_the_window_holds_the_listed_conditions_or_all(
        window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    names = {cid: c.name for cid, c in window.content.conditions.items()}
    window.selection.set_regions(["back"])
    listed = set(window.conditions.ids())
    assert 1 < len(listed) < len(names)
    out = tmp_path / "back.pdf"
    asked = save_as(monkeypatch, out)
    booklet_action(window).trigger()
    assert asked == ["Export booklet"]  # named for what it exports, as its menu item
    assert contents_names(out, names) == listed
    first = pages_text(out)[0]  # a booklet of some conditions says which, in its header
    assert "Hip pain after running: conditions (Back of the hip)" in first
    assert "(chosen for: Back of the hip)" in first

    window.selection.clear_regions()
    everything = tmp_path / "all.pdf"
    save_as(monkeypatch, everything)
    booklet_action(window).trigger()
    assert contents_names(everything, names) == set(names)
    assert len(pages_text(everything)) > len(pages_text(out))
    contents = pages_text(everything)[0]  # by name, as `export --all` (not by file name)
    assert "chosen for" not in contents and "conditions (" not in contents
    assert sorted(names.values(), key=contents.index) == sorted(names.values(),
                                                                key=str.casefold)


# ---- 3. preferences reach the printout ----------------------------------------------------
LOGO_SIZE = (123, 45)  # an odd size, so the logo is told from any other picture on the page


def set_preferences(qtbot: QtBot, window: MainWindow, clinic: str, logo: str,
                    page_size: str) -> None:
    """Edit > Preferences, as the user fills it in and presses OK."""
    action = next(a for a in window.findChildren(QAction) if a.text() == "&Preferences…")
    action.trigger()
    dialog = window.preferences_dialog
    qtbot.waitExposed(dialog)
    dialog.clinic.setText(clinic)
    dialog.logo.setText(logo)
    dialog.page_size.setCurrentIndex(dialog.page_size.findData(page_size))
    qtbot.keyClick(dialog, Qt.Key.Key_Return)  # OK
    assert not dialog.isVisible()


def test_preferences_reach_the_exported_summary(
        qtbot: QtBot, window: MainWindow, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    logo = QImage(*LOGO_SIZE, QImage.Format.Format_RGB32)
    logo.fill(QColor("#1f6fb2"))
    assert logo.save(str(tmp_path / "logo.png"))
    window.selection.select_condition("hip-labral-tear")

    set_preferences(qtbot, window, "Riverside Physio", str(tmp_path / "logo.png"), "Letter")
    letter = tmp_path / "letter.pdf"
    asked = save_as(monkeypatch, letter)
    window.export_action.trigger()
    assert asked == ["Export PDF"]
    first = pages_text(letter)[0]
    assert first.startswith("Riverside Physio") and "Hip labral tear" in first
    assert PdfReader(letter).metadata.author == "Riverside Physio"
    assert all(page_points(letter, n) == (612, 792) for n in range(len(pages_text(letter))))
    assert LOGO_SIZE in image_sizes(letter)

    set_preferences(qtbot, window, "Riverside Physio", str(tmp_path / "logo.png"), "A4")
    a4 = tmp_path / "a4.pdf"
    save_as(monkeypatch, a4)
    window.export_action.trigger()
    assert page_points(a4) == (595, 842)
    assert pages_text(a4)[0].startswith("Riverside Physio") and LOGO_SIZE in image_sizes(a4)

    set_preferences(qtbot, window, "", "", "A4")  # cleared: the app's name, no logo
    plain = tmp_path / "plain.pdf"
    save_as(monkeypatch, plain)
    window.export_action.trigger()
    assert pages_text(plain)[0].startswith("Hip Explorer")
    assert LOGO_SIZE not in image_sizes(plain)


EXPORT_WITH_NO_PAPER_PREFERENCE = """
import sys, tempfile
from pathlib import Path
from PySide6.QtWidgets import QApplication, QFileDialog
from explorer.paths import builtin_content_dir
from explorer.report.output import default_page_size
from explorer.ui.settings import Settings
from explorer.ui.startup import build_window
app = QApplication([])
window = build_window([builtin_content_dir()], Settings(Path(tempfile.mkdtemp()) / "s.ini"))
window.show()
window.selection.select_condition("hip-labral-tear")
QFileDialog.getSaveFileName = staticmethod(lambda *a: (sys.argv[1], "PDF files (*.pdf)"))
window.export_action.trigger()
print("default", default_page_size())
"""


def test_a_logo_moved_since_it_was_chosen_is_said_to_be_left_out(
        qtbot: QtBot, window: MainWindow, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Preferences refuse a logo that cannot be read, but one moved later printed
    without it, unsaid: the status line says it was left out, and where to fix it."""
    logo = QImage(*LOGO_SIZE, QImage.Format.Format_RGB32)
    logo.fill(QColor("#1f6fb2"))
    assert logo.save(str(tmp_path / "logo.png"))
    set_preferences(qtbot, window, "Riverside Physio", str(tmp_path / "logo.png"), "A4")
    (tmp_path / "logo.png").rename(tmp_path / "moved.png")
    window.selection.select_condition("hip-labral-tear")
    target = tmp_path / "summary.pdf"
    save_as(monkeypatch, target)
    window.export_action.trigger()
    assert LOGO_SIZE not in image_sizes(target)
    bar = window.statusBar()
    message = bar.currentMessage()  # the folder left out to make room; whole in the tooltip
    assert message.startswith("Saved summary.pdf (") and bar.toolTip().startswith(
        f"Saved {target} (")
    for said in (message, bar.toolTip()):
        assert f"The logo {tmp_path / 'logo.png'} was left out (this file was not found)" in said
        assert "Edit > Preferences" in said


@pytest.mark.parametrize(("locale", "size", "points"), [
    ("en_US.UTF-8", "Letter", (612, 792)),
    ("en_GB.UTF-8", "A4", (595, 842)),
    ("de_DE.UTF-8", "A4", (595, 842)),
])
def test_paper_size_follows_the_locale_until_one_is_chosen(
        tmp_path: Path, locale: str, size: str, points: tuple[int, int]) -> None:
    """Qt reads the system locale once, from the environment: a new process per locale."""
    out = tmp_path / "summary.pdf"
    env = {k: v for k, v in os.environ.items() if not k.startswith(("LC_", "LANG"))}
    env.update(LC_ALL=locale, LANG=locale, QT_QPA_PLATFORM="offscreen")
    run = subprocess.run([sys.executable, "-c", EXPORT_WITH_NO_PAPER_PREFERENCE, str(out)],
                         cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr[-2000:]
    assert f"default {size}" in run.stdout
    assert page_points(out) == points
