"""Faults: an error in a handler is logged and shown while the app keeps running;
content folders that vanish or change are reloaded on request; bad settings fall back."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest
from conftest import FIXTURES
from pdf_pages import pages_text
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QPlainTextEdit
from pytestqt.qtbot import QtBot

from explorer.paths import builtin_content_dir
from explorer.ui import crash
from explorer.ui.main_window import MainWindow
from explorer.ui.settings import Settings
from explorer.ui.startup import build_window

ROOT = Path(__file__).resolve().parent.parent


def test_exception_is_logged_and_shown(qtbot: QtBot, tmp_path: Path,
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HIP_EXPLORER_LOG_DIR", str(tmp_path / "logs"))
    window = build_window([builtin_content_dir()], Settings(tmp_path / "s.ini"))
    qtbot.addWidget(window)
    try:
        raise RuntimeError("handler exploded")
    except RuntimeError:
        crash.handle_exception(*sys.exc_info())  # type: ignore[arg-type]
    log = (tmp_path / "logs" / "hip-explorer.log").read_text()
    assert "RuntimeError: handler exploded" in log and "Traceback" in log
    box = crash.last_dialog
    assert isinstance(box, QMessageBox) and box.isVisible()
    assert "handler exploded" in box.text() and str(tmp_path / "logs") in box.text()
    box.close()
    window.selection.set_regions(["back"])  # and the app carries on
    assert window.conditions.ids()


def test_vanished_and_changed_content_folder(qtbot: QtBot, tmp_path: Path) -> None:
    clinic = tmp_path / "clinic"
    shutil.copytree(FIXTURES / "mini" / "conditions", clinic / "conditions")
    (clinic / "references.yaml").write_text(
        (FIXTURES / "mini" / "references.yaml").read_text())
    (clinic / "treatments").mkdir()
    shutil.copy(FIXTURES / "mini" / "treatments" / "exercise-therapy.yaml", clinic / "treatments")
    window = build_window([builtin_content_dir(), clinic], Settings(tmp_path / "s.ini"))
    qtbot.addWidget(window)
    assert "buttock-thing" in window.content.conditions
    window.selection.set_regions(["back"])
    window.selection.select_condition("buttock-thing")

    shutil.rmtree(clinic)  # the clinic folder disappears while the app runs
    window.reload_action.trigger()
    assert "buttock-thing" not in window.content.conditions
    assert any("not found" in p.message for p in window.content.problems)
    assert window.selection.regions == ["back"]
    best = window.conditions.ids()[0]  # the built-in content still works
    # its page went: the best match for the regions instead, as on a region click
    assert window.selection.condition == best and window.detail.shown == ("condition", best)

    (clinic / "conditions").mkdir(parents=True)  # it comes back, changed
    (clinic / "conditions" / "new-thing.yaml").write_text(
        "id: new-thing\nname: New thing\nregions: [back]\nurgency: routine\nsummary: s\n"
        "symptoms: [x]\nred_flags: []\nreferences: [wilson2014, chamberlain2021]\n"
        "reviewed: '2026-01-01'\n")
    window.reload_action.trigger()
    assert window.content.problems == []
    assert "new-thing" in window.conditions.ids()
    assert window.region_list.region_item("back").checkState().name == "Checked"


def with_example_clinic(qtbot: QtBot, tmp_path: Path) -> tuple[MainWindow, Path]:
    """A shown window over the built-in content and a copy of the example clinic folder
    (its condition: hip-flexor-overuse-hills); the copy's path."""
    clinic = tmp_path / "clinic-content"
    shutil.copytree(ROOT / "docs" / "example-clinic", clinic)
    window = build_window([builtin_content_dir(), clinic], Settings(tmp_path / "s.ini"))
    qtbot.addWidget(window)
    window.show()
    return window, clinic


def open_clinic_timeline(window: MainWindow) -> None:
    window.selection.set_regions(["front"])
    window.selection.select_condition("hip-flexor-overuse-hills")
    window.timeline_action.trigger()


def test_a_vanished_clinic_folder_is_named_in_full_and_its_condition_no_longer_shown(
        qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)  # problems name files relative to the working folder
    window, clinic = with_example_clinic(qtbot, tmp_path)
    open_clinic_timeline(window)
    timeline = window.chart_dialogs["timeline"]
    assert timeline.isVisible() and "hill training" in window.timeline_chart.summary_text()
    assert "hill training" in window.detail.toPlainText()

    shutil.rmtree(clinic)  # deleted (or renamed) while the window is open
    window.reload_action.trigger()  # F5
    window._on_problems_triggered()
    editor = window.problems_dialog.findChild(QPlainTextEdit)
    assert editor is not None
    assert editor.toPlainText().splitlines()[0] == (
        f"{clinic}: content folder not found (moved or deleted?); the rest of the content "
        "is shown")
    assert "hill training" not in window.detail.toPlainText()
    best = window.conditions.ids()[0]  # not the vanished page: the best match for "front"
    assert window.detail.shown == ("condition", best) != ("condition", "hip-flexor-overuse-hills")
    # its timeline is not shown as if it still existed
    assert "hill training" not in window.timeline_chart.summary_text()


def test_an_open_timeline_shows_its_condition_as_reloaded(qtbot: QtBot, tmp_path: Path) -> None:
    """F5 after editing a condition whose timeline is open but no longer selected: the
    timeline shows the edited condition, not the text from before."""
    window, clinic = with_example_clinic(qtbot, tmp_path)
    open_clinic_timeline(window)
    window.selection.select_condition("")  # the timeline stays open on its condition
    page = clinic / "conditions" / "hip-flexor-overuse-hills.yaml"
    page.write_text(page.read_text().replace("Riverside Physio", "Lakeside Physio"))

    window.reload_action.trigger()  # F5
    timeline = window.timeline_chart.timeline
    assert window.chart_dialogs["timeline"].isVisible() and timeline is not None
    assert timeline.title == ("Typical recovery: Hip flexor overload after hill training "
                              "(Lakeside Physio notes)")


def test_an_open_handout_uses_the_reloaded_content(
        qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """F5 while the handout builder is open: it offers and prints what is loaded now. A
    chosen exercise that went with its folder stays in the table, marked unknown, and is
    left out of the print; the patient's name and doses stay as typed."""
    window, clinic = with_example_clinic(qtbot, tmp_path)
    window.handout_action.trigger()
    builder = window.handout_dialog
    assert builder is not None
    builder.patient.setText("Kim")
    builder.add_exercise("clinic-wall-march")
    builder.add_exercise("clam")
    assert builder.table.item(0, 0).text() == "Wall march"

    shutil.rmtree(clinic)
    window.reload_action.trigger()  # F5
    catalogue = [builder.catalogue.item(r).data(Qt.ItemDataRole.UserRole)
                 for r in range(builder.catalogue.count())]
    assert "clinic-wall-march" not in catalogue and "clam" in catalogue
    assert builder.table.item(0, 0).text() == "clinic-wall-march (unknown)"
    assert builder.patient.text() == "Kim" and builder.history.stack.canUndo()
    from explorer.report.output import write_pdf
    from explorer.report.pages import Header

    job = builder.job()
    write_pdf(tmp_path / "handout.pdf", job, Header(job.title))
    printed = " ".join(pages_text(tmp_path / "handout.pdf"))
    assert "Clam" in printed and "Wall march" not in printed
    monkeypatch.setattr(QMessageBox, "question",  # closing: drop the unsaved handout
                        lambda *a: QMessageBox.StandardButton.Discard)
    assert builder.close()


def test_unreadable_settings_fall_back_with_notice(qtbot: QtBot, tmp_path: Path) -> None:
    path = tmp_path / "settings.ini"
    path.mkdir()  # a folder where the settings file should be: it cannot be read
    settings = Settings(path)
    assert settings.damaged
    window = build_window([builtin_content_dir()], settings)
    qtbot.addWidget(window)
    window.show()
    window.resize(1100, 760)
    bar = window.statusBar()
    message = bar.currentMessage()  # said by the file's name; where it is, in the tooltip
    # whole, by its full path or its name: two sentences were cut in the middle
    # ("back to…tten (read-only)")
    assert message in (f"The settings file {file} cannot be read or written: the defaults "
                       "are used until Hip Explorer closes." for file in (path, path.name))
    if str(path) not in message:  # where it is, in the tooltip
        assert f"The settings file {path} cannot be read or written" in bar.toolTip()
    assert window.selection.regions == [] and window.selection.side == "right"


def test_settings_saved_in_another_encoding_keep_only_what_reads_as_typed(
        tmp_path: Path) -> None:
    """A settings file saved by hand in Latin-1 was said to be "back to its default",
    yet its clinic name came back as "Clinique Gen\ufffdve", for every printed header."""
    path = tmp_path / "settings.ini"
    path.write_bytes("[print]\nclinic=Clinique Genève\npage_size=A4\n".encode("latin-1"))
    settings = Settings(path)
    assert settings.damaged
    assert settings.text("print/clinic") == "" and settings.text("print/clinic", "x") == "x"
    assert settings.text("print/page_size") == "A4"  # what reads as typed is kept


def test_an_open_handout_says_what_a_reload_took_away(
        qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """F5 took the handout's condition away: the builder kept it without a word, and the
    print quietly left it out, as it does a ticked recovery timeline that no condition
    talked about has (the clinic's own has none)."""
    window, clinic = with_example_clinic(qtbot, tmp_path)
    open_clinic_timeline(window)  # the clinic's condition chosen
    window.handout_action.trigger()
    builder = window.handout_dialog
    assert builder is not None
    assert builder.handout().conditions == ("hip-flexor-overuse-hills",)
    builder.recovery_chart.setChecked(False)
    assert builder.warning.text() == ""
    builder.recovery_chart.setChecked(True)
    no_timeline = ("The recovery timeline is left out of the print: no condition talked "
                   "about has one.")
    assert builder.warning.text() == no_timeline

    shutil.rmtree(clinic)
    window.reload_action.trigger()  # F5
    exercises = [item.exercise for item in builder.handout().exercises]
    assert "clinic-wall-march" in exercises  # suggested for the clinic's condition
    assert builder.warning.text().splitlines() == [
        "Not in the loaded content, so left out of the print: condition "
        "'hip-flexor-overuse-hills', exercise 'clinic-wall-march'.", no_timeline]
    builder.recovery_chart.setChecked(False)
    assert no_timeline not in builder.warning.text()
    monkeypatch.setattr(QMessageBox, "question",  # closing: drop the unsaved handout
                        lambda *a: QMessageBox.StandardButton.Discard)
    assert builder.close()


def test_back_after_a_reload_took_the_page_away_leads_to_the_page_before_it(
        qtbot: QtBot, tmp_path: Path) -> None:
    """Stress fracture, then Clam, then the clinic's condition, whose folder then went:
    after F5, Back skipped Clam and went straight to the stress fracture."""
    window, clinic = with_example_clinic(qtbot, tmp_path)
    window.selection.select_condition("femoral-neck-stress-fracture")
    window.detail.show_entry("exercise", "clam")
    window.selection.select_condition("hip-flexor-overuse-hills")
    assert window.detail.shown == ("condition", "hip-flexor-overuse-hills")

    shutil.rmtree(clinic)
    window.reload_action.trigger()  # F5
    assert window.back_action.isEnabled()
    window.back_action.trigger()
    assert window.detail.shown == ("exercise", "clam")
    window.back_action.trigger()
    assert window.detail.shown == ("condition", "femoral-neck-stress-fracture")


def test_a_reload_shows_a_busy_pointer_while_it_reads(
        qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """F5 over a clinic's 250 conditions froze the window for seconds with nothing to
    say it was busy."""
    from PySide6.QtWidgets import QApplication

    import explorer.model

    window, _clinic = with_example_clinic(qtbot, tmp_path)
    real_load = explorer.model.load_content
    seen = []

    def load(*args: object, **kwargs: object) -> object:
        cursor = QApplication.overrideCursor()
        seen.append((cursor.shape() if cursor else None, window.statusBar().currentMessage()))
        return real_load(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(explorer.model, "load_content", load)
    window.reload_action.trigger()  # F5
    assert seen == [(Qt.CursorShape.WaitCursor, "Reloading content…")]
    assert QApplication.overrideCursor() is None  # the usual pointer again
    assert window.statusBar().currentMessage().startswith("Content reloaded")


def test_a_users_own_folder_made_while_the_window_is_open_is_read_by_a_reload(
        qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The folders were fixed at start-up: a user's own content folder made afterwards
    (content/README.md tells clinicians to make one) was not read until a restart."""
    user = tmp_path / "user-content"
    monkeypatch.setenv("HIP_EXPLORER_USER_CONTENT", str(user))
    window = build_window([builtin_content_dir()], Settings(tmp_path / "s.ini"))
    qtbot.addWidget(window)
    assert "hip-flexor-overuse-hills" not in window.content.conditions

    shutil.copytree(ROOT / "docs" / "example-clinic", user)
    window.reload_action.trigger()  # F5
    assert "hip-flexor-overuse-hills" in window.content.conditions
    assert window.layers == [builtin_content_dir(), user]
    assert window.content.problems == []


def test_fixing_a_broken_regions_file_brings_back_what_was_chosen(
        qtbot: QtBot, tmp_path: Path) -> None:
    """A typo in regions.yaml, then F5, took every region away, and with them the
    choice of regions, pain level and condition; after fixing the file and F5 again
    they stayed gone."""
    copy = tmp_path / "content"
    shutil.copytree(builtin_content_dir(), copy)
    window = build_window([copy], Settings(tmp_path / "s.ini"))
    qtbot.addWidget(window)
    window.selection.set_regions(["outer"])
    window.selection.set_intensity("outer", 6)
    chosen = window.conditions.ids()[1]  # not the best match, which comes by itself
    window.selection.select_condition(chosen)
    regions = copy / "regions.yaml"
    good = regions.read_text(encoding="utf-8")

    regions.write_text(good.replace("  - id: front", "  - id: [front", 1), encoding="utf-8")
    window.reload_action.trigger()  # F5
    assert window.content.regions == {} and window.selection.regions == []

    regions.write_text(good, encoding="utf-8")
    window.reload_action.trigger()  # F5, fixed
    assert window.content.problems == []
    assert window.selection.intensities == {"outer": 6}
    assert window.selection.condition == chosen
    assert window.detail.shown == ("condition", chosen)
