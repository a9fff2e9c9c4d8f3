"""The builder's "Include the condition summary first": the conditions a handout was made
for print before it, in one PDF to take home (as `export --condition X --handout FILE`
makes it); the choice is saved in the handout file, and `export --handout` follows it."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from pdf_pages import pages_text
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QFileDialog, QLabel
from pytestqt.qtbot import QtBot

from explorer.cli import main
from explorer.model.handout import Handout, HandoutError, from_json, read_handout
from explorer.ui.handout_dialog import HandoutDialog

GTPS = "greater-trochanteric-pain-syndrome"
GTPS_NAME = "Greater trochanteric pain syndrome"
OA = "hip-osteoarthritis"
SUMMARY_ONLY = "What helps"  # a summary's heading; a handout has none


def export(qtbot: QtBot, dialog: HandoutDialog, monkeypatch: pytest.MonkeyPatch,
           target: Path) -> list[str]:
    """Export PDF from the builder by its Alt+letter; the text of each page."""
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a: (str(target), ""))
    qtbot.keyClick(dialog, Qt.Key.Key_E, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(target.exists, timeout=5000)
    return pages_text(target)


def plan_page(pages: list[str]) -> int:
    starts = [i for i, text in enumerate(pages) if "Your exercise plan" in text[:400]]
    assert len(starts) == 1, [text[:400] for text in pages]
    return starts[0]


def test_the_box_adds_the_summary_before_the_exercises(
        qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        open_builder: Callable[..., HandoutDialog]) -> None:
    dialog = open_builder(Handout(conditions=(GTPS,), side="left"), ("clam",), active=True)
    box = dialog.summaries
    assert box.isEnabled() and not box.isChecked()  # a new handout prints alone, as before
    assert box.text() == "&Include the condition summary first"
    assert GTPS_NAME in box.toolTip()
    letters = [re.findall(r"&(\w)", w.text())[0].lower()
               for kind in (QAbstractButton, QLabel) for w in dialog.findChildren(kind)
               if "&" in w.text()]
    assert letters.count("i") == 1 and len(letters) == len(set(letters))
    alone = export(qtbot, dialog, monkeypatch, tmp_path / "alone.pdf")
    assert plan_page(alone) == 0 and not any(SUMMARY_ONLY in text for text in alone)

    qtbot.keyClick(dialog, Qt.Key.Key_I, Qt.KeyboardModifier.AltModifier)  # its Alt+letter
    qtbot.waitUntil(box.isChecked)  # an Alt+letter's click is animated
    assert dialog.isWindowModified()
    pages = export(qtbot, dialog, monkeypatch, tmp_path / "pack.pdf")
    plan = plan_page(pages)
    assert plan >= 1 and len(pages) > len(alone)
    assert pages[0].count(GTPS_NAME) >= 2  # the header and the summary's title
    summary = " ".join(pages[:plan])
    assert SUMMARY_ONLY in summary and "Your exercises" not in summary
    assert "Clam" in " ".join(pages[plan:])
    assert all("Left hip" in text for text in pages)  # the handout's side on every page


def test_the_choice_is_saved_and_opens_again(
        tmp_path: Path, open_builder: Callable[..., HandoutDialog]) -> None:
    dialog = open_builder(Handout(conditions=(GTPS,)), ("clam",))
    dialog.summaries.setChecked(True)
    path = tmp_path / "kim.json"
    assert dialog.save_to(path)
    assert json.loads(path.read_text(encoding="utf-8"))["condition_summaries"] is True
    assert read_handout(path).condition_summaries
    dialog.summaries.setChecked(False)
    assert dialog.open_from(path)
    assert dialog.summaries.isChecked() and not dialog.isWindowModified()


def test_several_conditions_print_as_a_booklet_listing_the_plan(
        qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        open_builder: Callable[..., HandoutDialog]) -> None:
    dialog = open_builder(Handout(conditions=(GTPS, OA)), ("clam",), active=True)
    assert dialog.summaries.text() == "&Include the condition summaries first (2)"
    dialog.summaries.setChecked(True)
    pages = export(qtbot, dialog, monkeypatch, tmp_path / "pack.pdf")
    assert "Contents" in pages[0] and GTPS_NAME in pages[0] and "Hip osteoarthritis" in pages[0]
    listed = re.search(r"Your exercise plan (\d+)", pages[0])
    assert listed and int(listed.group(1)) == plan_page(pages) + 1


def test_without_a_known_condition_the_box_is_off(
        open_builder: Callable[..., HandoutDialog]) -> None:
    dialog = open_builder(Handout(regions={"outer": 5}), ("clam",))
    assert not dialog.summaries.isEnabled()
    assert "without a condition" in dialog.summaries.toolTip()
    # a condition the loaded content lacks counts as none, and the tooltip says so (it
    # said "made without a condition" of a file made with one)
    dialog = open_builder(Handout(conditions=("no-such-condition",),
                                  condition_summaries=True), ("clam",))
    assert not dialog.summaries.isEnabled()
    assert (dialog.summaries.toolTip()
            == "None of the handout's conditions is in the content loaded "
            "(no-such-condition); the choice is kept in its file")
    assert dialog.handout().condition_summaries  # kept, for content that has it


def test_export_handout_follows_the_files_choice(tmp_path: Path) -> None:
    def handout(**fields: object) -> Path:
        path = tmp_path / "kim.json"
        path.write_text(json.dumps({
            "format": "hip-explorer-handout", "version": 1, "conditions": [GTPS],
            "exercises": [{"exercise": "bridge", "sets": "3", "reps": "10"}], **fields}),
            encoding="utf-8")
        return path

    out = tmp_path / "out.pdf"
    assert main(["export", "--handout", str(handout()), "-o", str(out)]) == 0
    assert plan_page(pages_text(out)) == 0
    assert main(["export", "--handout", str(handout(condition_summaries=True)),
                 "-o", str(out)]) == 0
    pages = pages_text(out)
    assert plan_page(pages) >= 1 and GTPS_NAME in pages[0]
    # conditions named on the command line are printed instead of the file's
    assert main(["export", "--condition", OA, "--handout",
                 str(handout(condition_summaries=True)), "-o", str(out)]) == 0
    pages = pages_text(out)
    before = " ".join(pages[:plan_page(pages)])
    assert "Hip osteoarthritis" in before and GTPS_NAME not in before


def test_a_hand_edited_choice_must_be_true_or_false() -> None:
    text = json.dumps({"format": "hip-explorer-handout", "version": 1,
                       "condition_summaries": "yes"})
    with pytest.raises(HandoutError, match="'condition_summaries' should be true or false"):
        from_json(text, "kim.json")
