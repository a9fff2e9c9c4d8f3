"""Where the keyboard is in the handout builder, as a keyboard user sees it: the builder
opens on a field that shows it has the keyboard, and every Tab stop is a control."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QScrollArea
from pytestqt.qtbot import QtBot

from explorer.ui.handout_dialog import HandoutDialog


def test_the_builder_opens_with_the_keyboard_in_the_patients_name(
        open_builder: Callable[..., HandoutDialog], qtbot: QtBot) -> None:
    dialog = open_builder(exercises=("clam", "bridge"), active=True)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
    assert QApplication.focusWidget() is dialog.patient
    qtbot.keyClicks(dialog.patient, "Kim")  # typing goes where the cursor shows
    assert dialog.patient.text() == "Kim"


def test_every_tab_stop_in_the_builder_is_a_control(
        open_builder: Callable[..., HandoutDialog], qtbot: QtBot) -> None:
    dialog = open_builder(exercises=("clam", "bridge"), active=True)
    dialog.patient.setFocus()
    qtbot.waitUntil(dialog.patient.hasFocus)
    stops = []
    for _ in range(30):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        focused = QApplication.focusWidget()
        if focused is dialog.patient:
            break
        stops.append(focused)
    assert QApplication.focusWidget() is dialog.patient  # round to the start again
    assert dialog.table in stops and dialog.catalogue in stops
    # the scroll area round the form shows no focus and takes no key: no stop
    assert not any(isinstance(stop, QScrollArea) for stop in stops)
