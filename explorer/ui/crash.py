"""Unexpected errors: written to a log file, shown in a dialog, and the app goes on.

Installed as sys.excepthook by the app; PySide6 hands exceptions raised in slots and
event handlers to it, so one failing handler never takes the window down.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
import traceback
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from explorer.paths import APP_NAME

MAX_LOG_BYTES = 1024 * 1024
last_dialog: QMessageBox | None = None  # the latest error dialog (kept alive while open)


def log_dir() -> Path:
    """The platform's log location (override: HIP_EXPLORER_LOG_DIR)."""
    override = os.environ.get("HIP_EXPLORER_LOG_DIR")
    if override:
        return Path(override)
    if sys.platform == "win32":
        return Path(os.environ.get("LOCALAPPDATA", Path.home())) / APP_NAME / "logs"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Logs" / APP_NAME
    return Path(os.environ.get("XDG_STATE_HOME", Path.home() / ".local" / "state")) / \
        APP_NAME / "logs"


def write_log(text: str) -> Path | None:
    """Append to the log (keeping one previous file when it grows large)."""
    path = log_dir() / "hip-explorer.log"
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        if path.exists() and path.stat().st_size > MAX_LOG_BYTES:
            path.replace(path.with_suffix(".log.1"))
        with path.open("a", encoding="utf-8") as handle:
            handle.write(f"--- {dt.datetime.now().isoformat(timespec='seconds')}\n{text}\n")
    except OSError:
        return None
    return path


def handle_exception(kind: type[BaseException], error: BaseException,
                     tb: TracebackType | None) -> None:
    if issubclass(kind, KeyboardInterrupt):
        sys.__excepthook__(kind, error, tb)
        return
    details = "".join(traceback.format_exception(kind, error, tb))
    path = write_log(details)
    print(details, file=sys.stderr)
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        return
    parent = app.activeWindow()
    box = QMessageBox(QMessageBox.Icon.Warning, "Something went wrong",
                      f"Hip Explorer hit an unexpected problem: {error}\n\n"
                      "Your work is still open; you can carry on. "
                      + (f"The details were saved to {path}." if path else
                         "The details could not be saved to a log file."),
                      QMessageBox.StandardButton.Ok, parent if isinstance(parent, QWidget)
                      else None)
    box.setDetailedText(details)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()  # does not block: the app keeps running
    global last_dialog
    last_dialog = box


def install() -> None:
    sys.excepthook = handle_exception
