"""Start the window: load content, create the QApplication, show the main window."""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication

    from explorer.ui.main_window import MainWindow


def configure_qt() -> None:
    """Qt settings the window runs with; call before anything is painted.

    Qt splits every fill taller than about 100 pixel rows across a private thread pool.
    For this window's fills, waking the threads and waiting for them costs more than the
    filling: on 2 cores a region click took about 3 ms less without the pool (README).
    Under the C locale Qt is given C.UTF-8 without its warning (utf8_locale).
    """
    os.environ.setdefault("QT_NO_GUI_THREADPOOL", "1")
    utf8_locale()


def utf8_locale() -> None:
    """Under the C locale (LC_ALL=C) Qt switches to C.UTF-8 itself, with a four-line
    warning on stderr (before a command's own output, or in the terminal the window was
    started from): the same switch, made silently."""
    name = next((n for n in ("LC_ALL", "LC_CTYPE", "LANG") if os.environ.get(n)), "LANG")
    if os.environ.get(name, "C") in ("C", "POSIX"):
        os.environ["LC_ALL" if name == "LC_ALL" else "LC_CTYPE"] = "C.UTF-8"


def keep_light_colours(app: QApplication) -> None:
    """The window's colours (the diagram, the urgency marks, the panel's text) are made
    for a light background: with the system in dark mode ask Qt for the light scheme, and
    where the platform ignores that (a dark palette from the desktop's theme), use the
    Fusion style's light palette. Otherwise names and text were dark on dark. White text
    on the highlight and placeholder hints are made dark enough to read (4.5:1)."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QPalette

    app.styleHints().setColorScheme(Qt.ColorScheme.Light)
    if app.palette().color(QPalette.ColorRole.Base).lightness() < 128:
        from PySide6.QtWidgets import QStyleFactory

        fusion = QStyleFactory.create("Fusion")
        app.setStyle(fusion)
        app.setPalette(fusion.standardPalette())
    from explorer.ui.contrast import readable_palette

    app.setPalette(readable_palette(app.palette()))  # selected rows and hints readable


def start(layers: Sequence[Path],
          settings_file: Path | None = None) -> tuple[QApplication, MainWindow]:
    """Everything up to the shown window (the benchmark measures exactly this path)."""
    configure_qt()
    from explorer.ui.startup import build_window, load_window_content

    content = load_window_content(layers)  # before PySide6 is imported: see startup.py
    from PySide6.QtWidgets import QApplication

    from explorer.ui import crash
    from explorer.ui.settings import Settings

    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("Hip Explorer")
    app.setOrganizationName("HipExplorer")
    crash.install()
    keep_light_colours(app)
    window = build_window(layers, Settings(settings_file), content=content)
    window.show()
    return app, window


NO_DISPLAY = ("hip-explorer: no graphical display was found (neither DISPLAY nor "
              "WAYLAND_DISPLAY is set), so the window cannot open. Start it from a desktop "
              "session; the commands validate, conditions and export work without one.")


def missing_display() -> bool:
    """No desktop session on Linux or a BSD (and no Qt platform chosen): the window
    cannot open, where Qt would abort with a message about platform plugins (and ask to
    reinstall), and the commands draw offscreen."""
    if sys.platform in ("win32", "darwin") or os.environ.get("QT_QPA_PLATFORM"):
        return False
    return not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def run_gui(layers: Sequence[Path]) -> int:
    if missing_display():
        print(NO_DISPLAY, file=sys.stderr)
        return 1
    app, _window = start(layers)
    return app.exec()
