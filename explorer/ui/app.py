"""Start the window: create the QApplication, load content, show the main window."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path


def run_gui(layers: Sequence[Path]) -> int:
    from PySide6.QtWidgets import QApplication, QLabel

    from explorer.model import load_content
    from explorer.paths import diagram_svg

    app = QApplication.instance() or QApplication(sys.argv[:1])
    content = load_content(layers, svg_file=diagram_svg())
    label = QLabel(f"Hip Explorer: {len(content.conditions)} conditions loaded")
    label.resize(480, 120)
    label.show()
    return app.exec()
