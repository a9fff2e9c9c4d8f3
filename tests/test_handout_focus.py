"""Where the keyboard is in the handout builder, as a keyboard user sees it: the builder
opens on a field that shows it has the keyboard, every Tab stop is a control, and the
table's current cell (the one Enter or F2 edits) stands out from its row."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication, QScrollArea
from pytestqt.qtbot import QtBot

from explorer.ui.contrast import GRAPHIC_CONTRAST, contrast
from explorer.ui.handout_dialog import HandoutDialog

REPS = 2


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


def _pixel(image: QImage, point: QPoint) -> QColor:
    ratio = image.devicePixelRatio()
    return QColor(image.pixel(int(point.x() * ratio), int(point.y() * ratio)))


def _current_cell_contrast(dialog: HandoutDialog) -> float:
    """How the current cell's edge stands out from the inside of the cell."""
    table = dialog.table
    rect = table.visualRect(table.currentIndex())
    image = table.viewport().grab().toImage()
    inside = _pixel(image, QPoint(rect.right() - 6, rect.center().y()))  # beside the text
    edges = [QPoint(rect.center().x(), rect.top() + 1), QPoint(rect.left() + 1, rect.center().y()),
             QPoint(rect.right() - 1, rect.center().y()),
             QPoint(rect.center().x(), rect.bottom() - 1)]
    return min(contrast(_pixel(image, edge), inside) for edge in edges)


def test_the_tables_current_cell_is_clearly_marked(
        open_builder: Callable[..., HandoutDialog], qtbot: QtBot) -> None:
    dialog = open_builder(exercises=("clam", "bridge", "side-plank"), active=True)
    table = dialog.table
    table.setFocus()
    qtbot.waitUntil(table.hasFocus)
    table.setCurrentCell(1, REPS)  # the row selected, as the arrow keys leave it
    assert dialog._selected_rows() == [1]
    assert _current_cell_contrast(dialog) >= GRAPHIC_CONTRAST
    # and on a row not selected (Ctrl+click took it out of the selection)
    table.clearSelection()
    assert table.currentRow() == 1 and not dialog._selected_rows()
    assert _current_cell_contrast(dialog) >= GRAPHIC_CONTRAST
    # its neighbours in the row are not marked: the mark says which cell
    table.setCurrentCell(1, REPS + 1)
    rect = table.visualRect(table.model().index(1, REPS))
    image = table.viewport().grab().toImage()
    inside = _pixel(image, QPoint(rect.right() - 6, rect.center().y()))
    top = _pixel(image, QPoint(rect.center().x(), rect.top() + 1))
    assert contrast(top, inside) < 1.5
