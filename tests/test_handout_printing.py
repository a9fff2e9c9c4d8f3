"""What the builder lets go to print: a handout with no exercises, or with 0 sets or reps,
is not printed (the buttons say why, and the 0 stays as typed, to correct), and a hold
typed as "hold 5 s" prints as "holding each for 5 s", not "holding each for hold 5 s"."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication, QFileDialog, QPushButton
from pytestqt.qtbot import QtBot

from explorer.cli import load
from explorer.model.handout import Handout, HandoutExercise, read_handout
from explorer.paths import diagram_svg
from explorer.report.output import write_pdf
from explorer.report.pages import Header
from explorer.ui.diagram_art import DiagramArt
from explorer.ui.handout_dialog import HandoutDialog

PRINTING = ("Print pre&view…", "&Print…", "&Export PDF…")
SETS = 1


def printing(dialog: HandoutDialog) -> list[QPushButton]:
    buttons = [b for b in dialog.findChildren(QPushButton) if b.text() in PRINTING]
    assert len(buttons) == len(PRINTING)
    return buttons


def test_a_handout_without_exercises_is_not_printed(
        qtbot: QtBot, monkeypatch: pytest.MonkeyPatch,
        open_builder: Callable[..., HandoutDialog]) -> None:
    """Export PDF gave a one-page plan with nothing in it but the warning signs."""
    asked: list[str] = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a: asked.append(a[1]) or ("", ""))
    dialog = open_builder(Handout(), active=True)
    for button in printing(dialog):
        assert not button.isEnabled()
        assert "add exercises" in button.toolTip()
    assert "Nothing to print yet: add exercises" in dialog.warning.text()
    qtbot.keyClick(dialog, Qt.Key.Key_E, Qt.KeyboardModifier.AltModifier)
    qtbot.wait(300)  # an Alt+letter's click is animated
    qtbot.keyClick(dialog, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    assert asked == []
    dialog.add_exercise("clam")
    # the tip names the button's keys again in place of why it was greyed
    assert all(button.isEnabled() and button.toolTip().startswith("Ctrl+")
               for button in printing(dialog))
    qtbot.keyClick(dialog, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    assert len(asked) == 1  # now it asks where to save the PDF
    assert dialog.warning.text() == ""


def test_zero_sets_are_kept_as_typed_and_not_printed(
        qtbot: QtBot, tmp_path: Path, open_builder: Callable[..., HandoutDialog]) -> None:
    content = load()
    start = Handout().with_exercise(content, "clam").with_exercise(content, "bridge")
    dialog = open_builder(start, active=True)
    table = dialog.table
    table.setFocus()
    table.setCurrentCell(1, SETS)
    qtbot.waitUntil(table.hasFocus)
    qtbot.keyClick(table, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    assert editor is not table
    editor.selectAll()
    qtbot.keyClicks(editor, "0")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    cell = table.item(1, SETS)
    qtbot.waitUntil(lambda: cell.text() == "0")  # the editor commits after the key
    assert cell.text() == "0" and dialog.handout().exercises[1].sets == "0"  # kept
    assert "give at least 1" in cell.toolTip()
    assert cell.foreground().color() == QColor("#7a2e00")
    assert "Exercise 2's sets: 0 is no dose; give at least 1." in dialog.warning.text()
    for button in printing(dialog):
        assert not button.isEnabled() and "Exercise 2's sets" in button.toolTip()
    assert dialog.save_to(tmp_path / "kim.json")  # saved to finish later, as typed
    assert read_handout(tmp_path / "kim.json").exercises[1].sets == "0"
    cell.setText("-2")  # negative: no dose either
    assert cell.toolTip() == ("Sets: -2 is negative; give at least 1 (the handout is not "
                              "printed until then)")
    assert not any(button.isEnabled() for button in printing(dialog))
    cell.setText("2")
    assert all(button.isEnabled() for button in printing(dialog))
    assert table.item(1, SETS).toolTip() == "2"


@pytest.mark.parametrize(("typed", "printed"), [("hold 5 s", "holding each for 5 s"),
                                                 ("Hold for 30 seconds",
                                                  "holding each for 30 seconds"),
                                                 ("for 10 s", "holding each for 10 s")])
def test_a_hold_typed_with_hold_prints_it_once(tmp_path: Path, typed: str,
                                               printed: str) -> None:
    from pdf_pages import pages_text

    from explorer.report.documents import handout_job

    content = load()
    handout = Handout(exercises=(HandoutExercise("bridge", sets="3", reps="10", hold=typed),))
    job = handout_job(content, DiagramArt(diagram_svg(), list(content.regions)), handout)
    out = tmp_path / "plan.pdf"
    write_pdf(out, job, Header(job.title))
    text = " ".join(pages_text(out))
    assert printed in text
    assert "for hold" not in text.lower() and "for for" not in text


def test_a_running_plan_or_a_condition_alone_may_be_printed(
        qtbot: QtBot, tmp_path: Path, open_builder: Callable[..., HandoutDialog]) -> None:
    """A handout without exercises that has something of the patient's own prints: the
    planner's running plan handed out on its own, or the condition talked about with its
    recovery timeline. Unticking the running plan, the last of it, leaves nothing."""
    assert Handout(runs=((1, 5.0),)).print_refusal() == ""
    assert Handout(conditions=("hip-osteoarthritis",), recovery_chart=True).print_refusal() == ""
    assert Handout(regions={"outer": 4}).print_refusal() == ""
    dialog = open_builder(Handout(runs=((1, 5.0), (3, 6.0))), active=True)
    assert dialog.running_plan.isChecked()
    assert all(button.isEnabled() for button in printing(dialog))
    dialog.running_plan.setChecked(False)
    assert not any(button.isEnabled() for button in printing(dialog))
    assert "Nothing to print yet" in dialog.warning.text()


def test_a_handout_of_entries_the_content_lacks_is_not_printed(
        open_builder: Callable[..., HandoutDialog]) -> None:
    """Print and Export were on for a file whose condition and exercise the content
    lacks: the print would have had nothing of the patient's own."""
    dialog = open_builder(Handout(conditions=("no-such-condition",),
                                  exercises=(HandoutExercise("no-such-exercise"),)))
    assert not any(button.isEnabled() for button in printing(dialog))
    assert "Nothing to print yet" in dialog.warning.text()
    assert "exercise 'no-such-exercise'" in dialog.warning.text()


def test_the_builder_takes_the_file_menus_keys(
        qtbot: QtBot, open_builder: Callable[..., HandoutDialog]) -> None:
    """Ctrl+S, Ctrl+P, Ctrl+E and Ctrl+Shift+P did nothing in the builder, though the
    main window's File menu teaches them; only Alt+letters worked."""
    content = load()
    dialog = open_builder(Handout().with_exercise(content, "clam"), active=True)
    pressed: list[str] = []
    buttons = {b.text(): b for b in dialog.findChildren(QPushButton)}
    for text, name in (("&Open…", "open"), ("&Save…", "save"), ("Print pre&view…", "preview"),
                       ("&Print…", "print"), ("&Export PDF…", "export")):
        buttons[text].clicked.disconnect()
        buttons[text].clicked.connect(lambda _=False, n=name: pressed.append(n))
    ctrl, shift = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier
    dialog.table.setFocus()
    for key, modifiers in ((Qt.Key.Key_O, ctrl), (Qt.Key.Key_S, ctrl), (Qt.Key.Key_P, ctrl),
                           (Qt.Key.Key_P, ctrl | shift), (Qt.Key.Key_E, ctrl)):
        qtbot.keyClick(dialog.table, key, modifiers)
    assert pressed == ["open", "save", "print", "preview", "export"]
    assert buttons["&Print…"].toolTip() == "Ctrl+P"
