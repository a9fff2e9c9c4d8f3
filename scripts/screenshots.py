"""Regenerate the README screenshots of the main window in several states (offscreen)."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# a 1920x1080 virtual screen, so full-screen clinic mode looks as it does on a monitor
os.environ.setdefault("QT_QPA_PLATFORM",
                      f"offscreen:configfile={ROOT / 'scripts' / 'offscreen-1920x1080.json'}")
sys.path.insert(0, str(ROOT))

from PySide6.QtWidgets import QApplication  # noqa: E402

from explorer.paths import builtin_content_dir  # noqa: E402
from explorer.ui.pane_tabs import CONDITIONS  # noqa: E402
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
        def clinic() -> None:
            window.selection.set_side("right")
            window.selection.set_regions(["outer"])
            window.clinic.enter()
            window.resize(1400, 860)
            window.clinic.step(1)
            window.diagram.set_strokes([  # as a pen stroke ends: Clear drawing comes on
                ("#D55E00", [(455.0, 175.0), (470.0, 160.0), (500.0, 165.0), (512.0, 190.0)])])

        shots["window-clinic-mode.png"] = clinic
        DOCS.mkdir(exist_ok=True)
        for name, action in shots.items():
            action()
            app.processEvents()
            window.grab().save(str(DOCS / name))
            print(DOCS / name)
        window.clinic.leave()
        window.resize(620, 760)  # narrow: one column at a time
        window.columns.show_pane(CONDITIONS)
        app.processEvents()
        window.grab().save(str(DOCS / "window-narrow.png"))
        print(DOCS / "window-narrow.png")
        window.resize(1400, 860)
        window.selection.select_condition("greater-trochanteric-pain-syndrome")
        window.timeline_action.trigger()
        window.planner_action.trigger()
        from explorer.model.running_load import Run

        window.planner.set_runs([Run(d, x) for d, x in (
            (40, 8), (36, 6), (33, 9), (29, 5), (26, 9.5), (22, 6), (19, 10), (15, 6),
            (12, 10.5), (8, 7), (5, 11), (1, 14))], "km")
        for key, name in (("timeline", "chart-recovery.png"), ("planner", "chart-planner.png")):
            dialog = window.chart_dialogs[key]
            dialog.resize(1100, 640)
            app.processEvents()
            dialog.grab().save(str(DOCS / name))
            print(DOCS / name)
            dialog.close()
        window.close()


if __name__ == "__main__":
    main()
