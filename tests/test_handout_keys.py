"""The handout builder from the keyboard: a dose typed into a cell that is still open
is what Alt+S saves, Alt+E exports, Alt+P prints and Alt+V previews (a mnemonic's
click takes no focus, so the open cell was never committed and the old dose went out)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QStatusBar
from pytestqt.qtbot import QtBot

from explorer.model.handout import Handout, read_handout
from explorer.ui.handout_dialog import HandoutDialog

SETS, REPS = 1, 2


@pytest.fixture
def builder(open_builder: Callable[..., HandoutDialog], tmp_path: Path) -> HandoutDialog:
    """A builder with three exercises, active, that closes without asking."""
    dialog = open_builder(exercises=("clam", "bridge", "side-plank"), active=True)
    dialog.settings.set("print/last_folder", str(tmp_path))
    return dialog


def type_in_cell(qtbot: QtBot, dialog: HandoutDialog, row: int, column: int,
                 text: str) -> Any:
    """F2 on the cell and type `text` over its dose, leaving the cell open; the editor."""
    table = dialog.table
    table.setFocus()
    table.setCurrentCell(row, column)
    qtbot.waitUntil(table.hasFocus)
    qtbot.keyClick(table, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    assert editor is not table
    editor.selectAll()
    qtbot.keyClicks(editor, text)
    assert dialog.table.item(row, column).text() != text  # not in the table yet
    return editor


def test_alt_s_saves_the_dose_typed_in_an_open_cell(
        builder: HandoutDialog, qtbot: QtBot, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "kim.json"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_: (str(path), ""))
    editor = type_in_cell(qtbot, builder, 1, REPS, "20 slow")
    qtbot.keyClick(editor, Qt.Key.Key_S, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(path.exists)
    assert read_handout(path).exercises[1].reps == "20 slow"
    assert builder.table.item(1, REPS).text() == "20 slow"
    assert builder.findChild(QStatusBar).currentMessage() == f"Saved {path}"
    assert not builder.isWindowModified()  # no "*": what is saved is what is shown
    assert builder.undo_action.text() == "&Undo Change Bridge"  # the edit is one step


def test_alt_e_exports_the_dose_typed_in_an_open_cell(
        builder: HandoutDialog, qtbot: QtBot, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    from pdf_pages import pages_text

    pdf = tmp_path / "plan.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_: (str(pdf), ""))
    editor = type_in_cell(qtbot, builder, 0, SETS, "7")
    qtbot.keyClick(editor, Qt.Key.Key_E, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(pdf.exists)
    text = " ".join(pages_text(pdf))
    assert "7 sets" in text
    assert builder.handout().exercises[0].sets == "7"


@pytest.mark.parametrize(("key", "action"), [(Qt.Key.Key_P, "print_job"),
                                             (Qt.Key.Key_V, "preview")])
def test_alt_p_and_alt_v_print_the_dose_typed_in_an_open_cell(
        builder: HandoutDialog, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch,
        key: Qt.Key, action: str) -> None:
    from explorer.ui import handout_dialog, print_actions

    printed: list[Handout] = []
    real_job = handout_dialog.handout_pack
    monkeypatch.setattr(handout_dialog, "handout_pack",
                        lambda content, art, handout, size: printed.append(handout)
                        or real_job(content, art, handout, size))
    monkeypatch.setattr(print_actions, action, lambda *_: None)  # no printer dialog
    editor = type_in_cell(qtbot, builder, 2, SETS, "4")
    qtbot.keyClick(editor, key, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: bool(printed))
    assert printed[0].exercises[2].sets == "4"
