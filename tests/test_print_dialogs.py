"""Print dialogs from the window: the preview opens large enough to read, with its whole
toolbar, and the message for a missing condition is named after the chosen action."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtPrintSupport import QPrintPreviewWidget
from PySide6.QtWidgets import QMessageBox, QToolBar, QToolButton
from pytestqt.qtbot import QtBot

from explorer.ui.dialogs import SCREEN_SHARE

GTPS = "greater-trochanteric-pain-syndrome"


def test_print_preview_opens_readable_with_its_whole_toolbar(
        qtbot: QtBot, open_window: Callable[..., Any]) -> None:
    window = open_window()
    window.selection.select_condition(GTPS)
    window.preview_action.trigger()
    dialog = window.preview_dialog
    qtbot.waitExposed(dialog)
    toolbar = dialog.findChild(QToolBar)
    overflow = toolbar.findChild(QToolButton, "qt_toolbar_ext_button")
    assert not overflow.isVisible()  # Print and Page setup are not hidden behind "»"
    assert all(toolbar.widgetForAction(action).isVisible() for action in toolbar.actions()
               if not action.isSeparator())
    screen = dialog.screen().availableGeometry()
    assert dialog.width() >= min(900, int(screen.width() * SCREEN_SHARE))
    assert dialog.height() >= min(900, int(screen.height() * SCREEN_SHARE))
    page = dialog.findChild(QPrintPreviewWidget)
    assert page.zoomMode() == QPrintPreviewWidget.ZoomMode.FitToWidth
    assert page.zoomFactor() > 0.75  # the page's text at about its printed size
    dialog.close()


@pytest.mark.parametrize(("action", "title", "words"), [
    ("print_action", "Print", "to print its summary"),
    ("preview_action", "Print preview", "to preview its summary"),
    ("export_action", "Export PDF", "to export its summary as a PDF"),
    ("timeline_action", "Recovery timeline", "to see its recovery timeline"),
])
def test_without_a_condition_the_message_names_the_chosen_action(
        open_window: Callable[..., Any], monkeypatch: pytest.MonkeyPatch, action: str,
        title: str, words: str) -> None:
    told: list[tuple[str, str]] = []
    monkeypatch.setattr(QMessageBox, "information",
                        lambda _parent, title, text, *_: told.append((title, text)))
    window = open_window()
    assert not window.selection.condition
    getattr(window, action).trigger()
    assert len(told) == 1
    assert told[0][0] == title
    assert told[0][1].startswith(f"Select a condition {words}")
    booklet_hint = "or use File > Export booklet" in told[0][1]
    assert booklet_hint == (action != "timeline_action")  # the booklet is no timeline
    assert not window.chart_dialogs  # and nothing else opened
