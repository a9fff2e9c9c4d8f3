"""The handout builder on a small screen: it is never taller than the screen, its
buttons are all on it, and nothing is drawn over anything else (at 800 x 450 it was
463 pixels tall, its Open ... Close row below the screen; at 960 x 540 a warning of two
lines pushed the Remove / Move row over the table's bottom edge)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QAbstractButton, QMessageBox, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from explorer.cli import load
from explorer.model.handout import MAX_EXERCISES, Handout
from explorer.paths import diagram_svg
from explorer.ui.diagram_art import DiagramArt
from explorer.ui.handout_dialog import HandoutDialog
from explorer.ui.settings import Settings


def builder_on(qtbot: QtBot, tmp_path: Path, screen_name: str
               ) -> tuple[HandoutDialog, QWidget]:
    """A builder with many exercises (a warning of two lines), opened from a window on the screen
    (returned too: the builder goes with it)."""
    content = load()
    # no condition: the recovery timeline is left out, said on a line of its own
    start = Handout(recovery_chart=True)
    for exercise in list(content.exercises)[:MAX_EXERCISES]:
        start = start.with_exercise(content, exercise)
    screen = next(s for s in QGuiApplication.screens() if s.name() == screen_name)
    window = QWidget()
    qtbot.addWidget(window)
    window.setScreen(screen)
    window.setGeometry(screen.availableGeometry())
    dialog = HandoutDialog(content, DiagramArt(diagram_svg(), list(content.regions)),
                           Settings(tmp_path / "s.ini"), start, window)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog, window


def place(widget: QWidget, dialog: HandoutDialog) -> QRect:
    return QRect(widget.mapTo(dialog, QPoint(0, 0)), widget.size())


@pytest.mark.parametrize("screen_name", ["narrow laptop", "scaled laptop"])
def test_the_builder_fits_the_screen_and_nothing_overlaps(
        qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, screen_name: str) -> None:
    monkeypatch.setattr(QMessageBox, "question", lambda *_: QMessageBox.StandardButton.Discard)
    dialog, _window = builder_on(qtbot, tmp_path, screen_name)
    area = dialog.screen().availableGeometry()
    assert dialog.screen().name() == screen_name
    assert dialog.frameGeometry().height() <= area.height()
    assert area.contains(dialog.frameGeometry())
    qtbot.waitUntil(lambda: laid_out_apart(dialog))  # as the layout settles


def laid_out_apart(dialog: HandoutDialog) -> None:
    warning = dialog.warning
    lines = warning.fontMetrics().lineSpacing()
    assert warning.heightForWidth(warning.width()) >= 2 * lines  # the warning wraps
    assert warning.height() >= warning.heightForWidth(warning.width())  # all of it shows
    # the buttons that save, print and close are all on the dialog, whole
    for button in dialog.findChildren(QPushButton):
        if button.text() in ("&Open…", "&Save…", "Print pre&view…", "&Print…",
                             "&Export PDF…", "&Close"):
            assert dialog.rect().contains(place(button, dialog)), button.text()
    # the table, the Remove / Move / Undo row under it and the warning: one above another
    table = place(dialog.table, dialog)
    row = [place(b, dialog) for b in dialog.findChildren(QAbstractButton)
           if b.text() in ("&Remove", "Move &up", "Move &down", "Undo", "Redo")]
    assert len(row) == 5
    for button in row:
        assert table.bottom() < button.top() and button.bottom() < place(warning, dialog).top()
