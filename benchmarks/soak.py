"""Soak test: thousands of random clicks, searches, selections and exports in one
process; reports memory growth after warm-up (budget: under 10%) and Qt warnings.

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/soak.py [--actions 3000]

Bounded in actions and time; exits 1 if the budget is missed or Qt warned.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QPointF, Qt, QtMsgType, qInstallMessageHandler  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from explorer.paths import builtin_content_dir  # noqa: E402
from explorer.ui.settings import Settings  # noqa: E402
from explorer.ui.startup import build_window  # noqa: E402

WARNINGS: list[str] = []
IGNORED = ("propagateSizeHints",)


def _on_message(kind: QtMsgType, context: object, text: str) -> None:
    if kind != QtMsgType.QtDebugMsg and not any(i in text for i in IGNORED):
        WARNINGS.append(text)


def rss_mb() -> float:
    with open("/proc/self/statm") as handle:  # current, not peak, resident size
        return int(handle.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--actions", type=int, default=3000)
    parser.add_argument("--seconds", type=float, default=600)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    qInstallMessageHandler(_on_message)
    app = QApplication.instance() or QApplication([])
    rng = random.Random(args.seed)
    with tempfile.TemporaryDirectory() as tmp:
        window = build_window([builtin_content_dir()], Settings(Path(tmp) / "s.ini"))
        window.resize(1360, 820)
        window.show()
        app.processEvents()
        art = window.diagram.art
        points = [art.centre(r) for r in window.content.regions]
        words = ["sit", "groin", "GTPS", "click", "bridge", "hip", "pain", "xyz"]
        conditions = list(window.content.conditions)
        from explorer.report.documents import summary_job
        from explorer.report.output import write_pdf
        from explorer.report.pages import Header

        def act(step: int) -> None:
            choice = rng.randrange(6)
            if choice == 0:
                point = rng.choice(points) if rng.random() < 0.8 else QPointF(
                    rng.uniform(0, 960), rng.uniform(0, 600))
                modifier = rng.choice([Qt.KeyboardModifier.NoModifier,
                                       Qt.KeyboardModifier.ControlModifier])
                QTest.mouseClick(window.diagram.viewport(), Qt.MouseButton.LeftButton,
                                 modifier, window.diagram.mapFromScene(point))
            elif choice == 1:
                window.search.field.setText(rng.choice(words))
                if window.search.hits:
                    window.search._choose(0)
            elif choice == 2:
                window.selection.select_condition(rng.choice(conditions))
            elif choice == 3:
                clue = rng.choice(list(window.refine.boxes))
                window.refine.boxes[clue].setChecked(not window.refine.boxes[clue].isChecked())
            elif choice == 4:
                window.selection.set_side(rng.choice(["left", "right"]))
            elif step % 10 == 0:
                job = summary_job(window.content, art,
                                  window.content.conditions[rng.choice(conditions)])
                write_pdf(Path(tmp) / "soak.pdf", job, Header(job.title))
            app.processEvents()

        start = time.perf_counter()
        warm = max(1, args.actions // 5)
        baseline = 0.0
        done = 0
        for step in range(args.actions):
            if time.perf_counter() - start > args.seconds:
                break
            act(step)
            done += 1
            if step == warm:
                baseline = rss_mb()
        final = rss_mb()
        window.close()
    growth = (final - baseline) / baseline * 100 if baseline else 0.0
    print(f"actions {done}, {time.perf_counter() - start:.1f} s")
    print(f"memory after warm-up {baseline:.1f} MB, at the end {final:.1f} MB: "
          f"growth {growth:+.1f}% (budget < 10%)")
    print(f"Qt warnings: {len(WARNINGS)}" + (f" e.g. {WARNINGS[0]}" if WARNINGS else ""))
    return 0 if growth < 10 and not WARNINGS else 1


if __name__ == "__main__":
    raise SystemExit(main())
