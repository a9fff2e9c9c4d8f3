"""Print dialogs from the window: the preview opens large enough to read, with its whole
toolbar, and the message for a missing condition is named after the chosen action."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtPrintSupport import QPrintPreviewWidget
from PySide6.QtWidgets import QGraphicsView, QMessageBox, QToolBar, QToolButton
from pytestqt.qtbot import QtBot

from explorer.ui.dialogs import SCREEN_SHARE

GTPS = "greater-trochanteric-pain-syndrome"


@pytest.mark.parametrize("screen_name", ["desktop", "300% laptop"])
def test_print_preview_opens_readable_with_its_whole_toolbar(
        qtbot: QtBot, open_window: Callable[..., Any], screen_name: str) -> None:
    """At 300% (640 x 360 points) Print and Page setup were behind the toolbar's "»"."""
    room = next(s for s in QGuiApplication.screens()
                if s.name() == screen_name).availableGeometry()
    window = open_window(room.width(), room.height())
    window.move(room.topLeft())
    qtbot.waitUntil(lambda: window.screen().name() == screen_name)
    window.selection.select_condition(GTPS)
    window.preview_action.trigger()
    dialog = window.preview_dialog
    qtbot.waitExposed(dialog)
    qtbot.wait(50)
    assert dialog.screen().name() == screen_name
    toolbar = dialog.findChild(QToolBar)
    overflow = toolbar.findChild(QToolButton, "qt_toolbar_ext_button")
    assert not overflow.isVisible()  # Print and Page setup are not hidden behind "»"
    shown = [toolbar.widgetForAction(action) for action in toolbar.actions()
             if not action.isSeparator()]
    assert all(button.isVisible() and button.geometry().right() < toolbar.width()
               for button in shown)
    screen = dialog.screen().availableGeometry()
    assert dialog.width() >= min(900, int(screen.width() * SCREEN_SHARE))
    assert dialog.height() >= min(900, int(screen.height() * SCREEN_SHARE))
    page = dialog.findChild(QPrintPreviewWidget)
    assert page.zoomMode() == QPrintPreviewWidget.ZoomMode.FitToWidth
    if screen_name == "desktop":
        assert page.zoomFactor() > 0.75  # the page's text at about its printed size
    dialog.close()


def test_the_preview_is_paged_and_zoomed_by_keyboard(
        qtbot: QtBot, open_window: Callable[..., Any]) -> None:
    """The focus was on Qt's outer preview widget, where Page Down did nothing, and
    paging and zooming were toolbar buttons that Tab does not reach."""
    window = open_window()
    window.selection.select_condition(GTPS)
    window.preview_action.trigger()
    dialog = window.preview_dialog
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    page = dialog.findChild(QPrintPreviewWidget)
    view = page.findChild(QGraphicsView)
    assert dialog.focusWidget() is view  # Page Down scrolls the pages
    qtbot.waitUntil(lambda: page.pageCount() == 2)
    assert page.currentPage() == 1
    keys = [("Ctrl+End", 2), ("Ctrl+Home", 1), ("Ctrl+PgDown", 2), ("Ctrl+PgUp", 1)]
    for typed, shown in keys:
        qtbot.keySequence(view, QKeySequence(typed))
        qtbot.waitUntil(lambda shown=shown: page.currentPage() == shown)  # type: ignore[misc]
    zoom = page.zoomFactor()
    ctrl = Qt.KeyboardModifier.ControlModifier
    for key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):  # "+" needs Shift on most keyboards
        qtbot.keyClick(view, key, ctrl)
        assert page.zoomFactor() > zoom
        zoom = page.zoomFactor()
    for _ in range(3):
        qtbot.keyClick(view, Qt.Key.Key_Minus, ctrl)
    assert page.zoomFactor() < zoom
    qtbot.keyClick(view, Qt.Key.Key_0, ctrl)
    assert page.zoomMode() == QPrintPreviewWidget.ZoomMode.FitToWidth
    next_page = next(a for a in dialog.findChildren(QAction) if a.text() == "Next page")
    assert next_page.toolTip() == "Next page (Ctrl+PgDown)"  # the key, where it is seen
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


def test_where_even_small_icons_do_not_fit_print_comes_first(qtbot: QtBot) -> None:
    """A preview narrower than its toolbar with small icons keeps Print on show (the
    buttons Qt hides behind "»" are then the last ones, paging and views)."""
    from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog

    from explorer.ui.print_actions import _fit_toolbar

    printer = QPrinter()
    dialog = QPrintPreviewDialog(printer)
    dialog.kept_printer = printer  # type: ignore[attr-defined]  # it does not own it
    qtbot.addWidget(dialog)
    dialog.resize(360, 300)
    dialog.show()
    qtbot.waitExposed(dialog)
    toolbar = dialog.findChild(QToolBar)
    _fit_toolbar(toolbar, dialog.width())
    qtbot.wait(50)
    printing = next(a for a in toolbar.actions() if a.text() == "Print")
    assert toolbar.actions()[0] is printing
    button = toolbar.widgetForAction(printing)
    assert button.isVisible() and button.geometry().right() < toolbar.width()
    assert toolbar.iconSize().width() < 24  # smaller icons first
    dialog.close()


@pytest.mark.parametrize("printers", [[], ["Office laser"]])
def test_print_to_file_offers_the_pdf_export_would(
        open_window: Callable[..., Any], monkeypatch: pytest.MonkeyPatch, tmp_path: Any,
        printers: list[str]) -> None:
    """With no printer installed, Print's only choice is Print to File, whose file was
    the home folder: Print then said "/root/ is a directory"."""
    from PySide6.QtPrintSupport import QPrintDialog, QPrinterInfo

    monkeypatch.setattr(QPrinterInfo, "availablePrinterNames", staticmethod(lambda: printers))
    offered: list[str] = []
    monkeypatch.setattr(QPrintDialog, "exec",
                        lambda dialog: offered.append(dialog.printer().outputFileName()) or 0)
    window = open_window(1400, 860)
    window.settings.set("print/last_folder", str(tmp_path))
    window.selection.select_condition(GTPS)
    window.print_action.trigger()
    window.handout_action.trigger()
    window.handout_dialog._on_print_clicked()
    window.handout_dialog.close()
    if printers:  # a real printer stays the choice: no file is named
        assert offered == ["", ""]
    else:
        assert offered == [str(tmp_path / f"{GTPS}.pdf"),
                           str(tmp_path / "exercise-handout.pdf")]
