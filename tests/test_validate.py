"""`hip-explorer validate`: every picture drawn, every folder checked, each problem once."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LABELLED_SVG = ('<svg xmlns="http://www.w3.org/2000/svg" width="400" height="240">'
                '<rect width="400" height="240" fill="#fff"/>'
                '<text x="20" y="120" font-size="20">press knee</text></svg>')


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    """The command as a user starts it: no display, no Qt platform chosen, no Qt
    application made beforehand (a test's own would hide the command's need of one)."""
    env = {k: v for k, v in os.environ.items()
           if k not in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY")}
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=120)


def exercise(folder: Path, name: str, picture: str) -> None:
    (folder / "exercises" / "images").mkdir(parents=True, exist_ok=True)
    (folder / "exercises" / "images" / f"{name}.svg").write_text(picture)
    (folder / "exercises" / f"{name}.yaml").write_text(
        f"id: {name}\nname: {name}\npurpose: p\nsteps: [s]\ndose: {{sets: 1}}\n"
        f"image: images/{name}.svg\n")


def test_a_picture_with_text_is_drawn_and_a_broken_one_reported(tmp_path: Path) -> None:
    """Text in an SVG needs Qt's fonts, which need a Qt application: without one Qt
    aborted the command (exit 134) without a word."""
    exercise(tmp_path, "labelled", LABELLED_SVG)
    result = run_cli("validate", str(tmp_path))
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout.endswith(": no problems\n")

    exercise(tmp_path, "half", LABELLED_SVG[:len(LABELLED_SVG) // 2])
    result = run_cli("validate", str(tmp_path))
    assert result.returncode == 1
    [problem] = result.stderr.splitlines()
    assert problem.startswith(f"{tmp_path}/exercises/half.yaml:6: image: image "
                              "'images/half.svg' is damaged: Premature end of document.")
    assert result.stdout.endswith(": 1 problem\n")
