"""Start the window: create the QApplication, load content, show the main window."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path


def run_gui(layers: Sequence[Path]) -> int:
    from PySide6.QtWidgets import QApplication

    from explorer.ui import crash
    from explorer.ui.main_window import MainWindow
    from explorer.ui.startup import build_window

    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("Hip Explorer")
    app.setOrganizationName("HipExplorer")
    crash.install()
    window: MainWindow = build_window(layers)
    window.show()
    return app.exec()
