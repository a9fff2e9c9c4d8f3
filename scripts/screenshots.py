"""Regenerate the README screenshots of the main window in several states (offscreen)."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from PySide6.QtWidgets import QApplication  # noqa: E402

from explorer.paths import builtin_content_dir  # noqa: E402
from explorer.ui.settings import Settings  # noqa: E402
from explorer.ui.startup import build_window  # noqa: E402

DOCS = ROOT / "docs"


def main() -> None:
    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory() as tmp:
        window = build_window([builtin_content_dir()], Settings(Path(tmp) / "s.ini"))
        window.resize(1400, 860)
        window.show()
        app.processEvents()
        shots = {
            "window-start.png": lambda: None,
            "window-outer.png": lambda: window.selection.set_regions(["outer"]),
            "window-groin-refined.png": lambda: (
                window.selection.set_regions(["groin", "front"]),
                window.selection.set_intensity("groin", 7),
                window.selection.set_answer("clicking-locking", True),
                window.selection.set_answer("night-rest-pain", True)),
            "window-left-back.png": lambda: (
                window.selection.set_answer("clicking-locking", False),
                window.selection.set_answer("night-rest-pain", False),
                window.selection.set_side("left"),
                window.selection.set_regions(["back"])),
        }
        DOCS.mkdir(exist_ok=True)
        for name, action in shots.items():
            action()
            app.processEvents()
            window.grab().save(str(DOCS / name))
            print(DOCS / name)
        window.close()


if __name__ == "__main__":
    main()
