"""Shared test set-up. Qt must be told to run offscreen before it is imported."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

# Always offscreen, whatever the developer's session uses, on five known screens: a
# 1920 x 1080 desktop and, beside it, a 1024 x 600 small laptop, a 1080p laptop at 200%
# (960 x 540 logical pixels), a 1600 x 900 one at 200% (800 x 450) and a 1080p one at
# 300% (640 x 360; see fixtures/screens.json).
os.environ["QT_QPA_PLATFORM"] = (
    f"offscreen:configfile={Path(__file__).parent / 'fixtures' / 'screens.json'}")
# Never read or write the real user's folders from tests.
os.environ.setdefault("HIP_EXPLORER_USER_CONTENT", "/nonexistent/hip-explorer-user-content")
os.environ.setdefault("HIP_EXPLORER_CACHE_DIR", "off")  # tests always load content fresh

import pytest

FIXTURES = Path(__file__).parent / "fixtures"
DIAGRAM = FIXTURES / "diagram.svg"


@pytest.fixture(autouse=True)
def no_modifier_key_left_down() -> Any:
    """QTest's key click with Shift or Ctrl leaves Qt believing the modifier is still held
    (QGuiApplication.keyboardModifiers()) until the next key event: a later test's
    selectRow then extended or toggled the selection. A release puts it right."""
    yield
    try:
        from PySide6.QtCore import Qt
        from PySide6.QtGui import QGuiApplication
        from PySide6.QtTest import QTest
        from PySide6.QtWidgets import QWidget
    except ImportError:  # a test of code that never imports Qt
        return
    if QGuiApplication.instance() is None or \
            QGuiApplication.keyboardModifiers() == Qt.KeyboardModifier.NoModifier:
        return
    widget = QWidget()
    widget.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen)
    widget.show()
    QTest.keyRelease(widget, Qt.Key.Key_Shift)  # any key event sets the modifiers it has
    widget.close()
    widget.deleteLater()


@pytest.fixture(autouse=True)
def no_blocking_message_boxes(monkeypatch: pytest.MonkeyPatch) -> None:
    """A modal message box nobody answers would hang the run: fail, saying what it said.
    A test that expects one replaces these itself (its monkeypatch comes later)."""
    try:
        from PySide6.QtWidgets import QMessageBox
    except ImportError:  # a test of code that never imports Qt
        return

    def blocked(*args: Any) -> Any:
        text = args[0].text() if args and isinstance(args[0], QMessageBox) else args[2:3]
        pytest.fail(f"a modal message box would wait for an answer: {text}")

    monkeypatch.setattr(QMessageBox, "exec", blocked)
    for name in ("warning", "information", "critical", "question"):
        monkeypatch.setattr(QMessageBox, name, blocked)


@pytest.fixture
def mini(tmp_path: Path) -> Path:
    """A writable copy of the small, valid fixture content folder."""
    target = tmp_path / "mini"
    shutil.copytree(FIXTURES / "mini", target)
    return target


@pytest.fixture
def write(mini: Path) -> Callable[[str, str | bytes], Path]:
    """Write a file (text or bytes) into the mini folder; returns its path."""

    def _write(relative: str, data: str | bytes) -> Path:
        path = mini / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(data, bytes):
            path.write_bytes(data)
        else:
            path.write_text(data, encoding="utf-8")
        return path

    return _write


@pytest.fixture
def open_window(qtbot: Any, tmp_path: Path) -> Callable[..., Any]:
    """Build, show and register a main window on the built-in content (temporary
    settings); keyword arguments: width, height, layers."""
    from explorer.paths import builtin_content_dir
    from explorer.ui.settings import Settings
    from explorer.ui.startup import build_window

    def _open(width: int = 1400, height: int = 860, layers: list[Path] | None = None) -> Any:
        window = build_window(layers or [builtin_content_dir()],
                              Settings(tmp_path / "settings.ini"))
        qtbot.addWidget(window)
        window.resize(width, height)
        window.show()
        qtbot.waitExposed(window)
        return window

    return _open


@pytest.fixture
def open_builder(qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
                 ) -> Callable[..., Any]:
    """Build and show a handout builder on the built-in content (temporary settings)
    that closes without asking to save: `open_builder(handout, exercises, active)`
    starts from `handout` (by default one for GTPS) with `exercises` added, and waits
    until it is the active window if `active`."""
    from PySide6.QtWidgets import QMessageBox

    from explorer.cli import load
    from explorer.model.handout import Handout
    from explorer.paths import diagram_svg
    from explorer.ui.diagram_art import DiagramArt
    from explorer.ui.handout_dialog import HandoutDialog
    from explorer.ui.settings import Settings

    monkeypatch.setattr(QMessageBox, "question",
                        lambda *_: QMessageBox.StandardButton.Discard)

    def _open(handout: Any = None, exercises: tuple[str, ...] = (),
              active: bool = False) -> Any:
        content = load()
        start = handout or Handout(conditions=("greater-trochanteric-pain-syndrome",))
        for exercise in exercises:
            start = start.with_exercise(content, exercise)
        dialog = HandoutDialog(content, DiagramArt(diagram_svg(), list(content.regions)),
                               Settings(tmp_path / "s.ini"), start)
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        if active:
            dialog.activateWindow()
            qtbot.waitUntil(dialog.isActiveWindow)
        return dialog

    return _open


def edit_cell(table: Any, row: int, column: int) -> Any:
    """Start editing a table cell as a double-click would; the editor (with the focus)."""
    from PySide6.QtWidgets import QAbstractItemView, QApplication

    table.setCurrentCell(row, column)
    table.edit(table.currentIndex())
    assert table.state() == QAbstractItemView.State.EditingState
    editor = QApplication.focusWidget()
    assert editor is not table
    return editor
