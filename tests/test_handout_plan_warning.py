"""While the running-load planner says "Not up to date" (an entry it cannot read, such
as "12..5"), the handout prints its last valid plan: the builder's warning line says so
before anything is printed (it said nothing, and the older plan went out unremarked)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from explorer.model.running_load import Run
from explorer.ui.main_window import MainWindow

OLDER_PLAN = "The running plan is from the planner's last valid entries"


@pytest.fixture
def window(open_window: Callable[..., MainWindow],
           monkeypatch: pytest.MonkeyPatch) -> MainWindow:
    """A window whose planner has three valid runs; its builder closes without asking."""
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *_: QMessageBox.StandardButton.Discard)
    win = open_window(1400, 860)
    win.selection.set_regions(["outer"])
    win.planner_action.trigger()
    assert win.planner.set_runs([Run(20, 8.0), Run(10, 9.0), Run(2, 10.0)], "km")
    return win


def mistype(window: MainWindow, text: str) -> None:
    """The last run's distance typed as `text` in the planner's table."""
    window.planner.table.item(2, 1).setText(text)


def test_an_open_builder_warns_while_the_planner_is_not_up_to_date(
        qtbot: QtBot, window: MainWindow) -> None:
    window.handout_action.trigger()
    builder = window.handout_dialog
    assert builder is not None and OLDER_PLAN not in builder.warning.text()
    mistype(window, "12..5")
    assert window.planner.error_text()  # the planner shows its problem
    assert OLDER_PLAN in builder.warning.text()
    assert (2, 10.0) in builder.handout().runs  # what is printed: the last valid plan
    mistype(window, "12.5")  # corrected: the plan printed is the one shown
    assert OLDER_PLAN not in builder.warning.text()
    assert (2, 12.5) in builder.handout().runs
    window.chart_dialogs["planner"].close()


def test_a_builder_opened_while_the_planner_is_not_up_to_date_warns(
        qtbot: QtBot, window: MainWindow) -> None:
    mistype(window, "12..5")
    window.handout_action.trigger()
    builder = window.handout_dialog
    assert builder is not None and OLDER_PLAN in builder.warning.text()
    builder.running_plan.setChecked(False)  # no plan printed: nothing to warn of
    assert OLDER_PLAN not in builder.warning.text()
    window.chart_dialogs["planner"].close()
