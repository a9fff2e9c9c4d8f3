"""The app's own start path (what `hip-explorer` runs): content first, then the window."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

SCRIPT = """
import os, sys
from pathlib import Path
from explorer.cli import content_layers
from explorer.ui.app import start
app, window = start(content_layers(), Path(sys.argv[1]))
app.processEvents()
print(window.isVisible(), window.windowTitle(), len(window.conditions.ids()),
      sys.excepthook.__module__, 'pyqtgraph' in sys.modules,
      'xml.etree.ElementTree' in sys.modules, os.environ.get('QT_NO_GUI_THREADPOOL'),
      'explorer.model.handout' in sys.modules, sep='|')
window.close()
"""


def test_start_shows_the_window_with_content_and_the_crash_handler(tmp_path: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen",
           "HIP_EXPLORER_CACHE_DIR": str(tmp_path / "cache")}
    env.pop("QT_NO_GUI_THREADPOOL", None)
    for warm in (False, True):  # a cold start (cache miss), then a warm one
        result = subprocess.run([sys.executable, "-c", SCRIPT, str(tmp_path / "s.ini")],
                                env=env, capture_output=True, text=True, timeout=120)
        assert result.returncode == 0, result.stderr
        visible, title, count, hook, charts, read_svg, pool_off, handout = \
            result.stdout.strip().split("|")
        assert (visible, title, hook, charts) == ("True", "Hip Explorer — Right hip",
                                                  "explorer.ui.crash", "False")
        assert int(count) >= 15
        # the region shapes are cached with the content: a warm start does not parse the SVG
        assert read_svg == str(not warm)
        # Qt's fill thread pool is off: with it a region click took about 3 ms longer
        assert pool_off == "1"
        # the handout model (and the planner's) loads with the builder, not at start-up
        assert handout == "False"
    assert (tmp_path / "cache" / "content.pickle").is_file()


@pytest.mark.skipif(sys.platform != "linux", reason="the C locale of Linux")
@pytest.mark.parametrize("locale", [{"LC_ALL": "C"}, {"LANG": "C", "PYTHONCOERCECLOCALE": "0"}])
def test_the_window_starts_under_the_c_locale_without_a_warning(
        tmp_path: Path, locale: dict[str, str]) -> None:
    """Started from a terminal with LC_ALL=C, the window printed Qt's four lines
    ('Detected locale "C" with character encoding "ANSI_X3.4-1968" ...')."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("LC_", "LANG"))}
    env = {**env, **locale, "QT_QPA_PLATFORM": "offscreen", "HIP_EXPLORER_CACHE_DIR": "off"}
    result = subprocess.run([sys.executable, "-c", SCRIPT, str(tmp_path / "s.ini")],
                            env=env, capture_output=True, text=True, timeout=120)
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout.startswith("True|Hip Explorer")


FIRST_START = """
import sys
from pathlib import Path
from explorer.cli import content_layers
from explorer.ui.app import start
app, window = start(content_layers(), Path(sys.argv[1]))
app.processEvents()
area = window.screen().availableGeometry()
frame = window.frameGeometry()
print(area.width(), area.height(), frame.width(), frame.height(), sep='|')
"""


@pytest.mark.parametrize(("screen", "roomy"), [
    ("1024x600", False), ("911x512", False), ("1920x1080", True)])
def test_the_first_window_fits_the_screen(tmp_path: Path, screen: str, roomy: bool) -> None:
    """A first start (no remembered size) on a small laptop screen opens a window that
    fits it, not one running off its bottom; a large screen gets the roomy default.
    911 x 512: a 1366 x 768 laptop at 150%, smaller than the window's usual minimum."""
    width, height = (int(n) for n in screen.split("x"))
    config = tmp_path / "screen.json"
    config.write_text(json.dumps({"screens": [
        {"name": "only", "x": 0, "y": 0, "width": width, "height": height,
         "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]}))
    env = {**os.environ, "QT_QPA_PLATFORM": f"offscreen:configfile={config}"}
    result = subprocess.run([sys.executable, "-c", FIRST_START, str(tmp_path / "s.ini")],
                            env=env, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    area_w, area_h, win_w, win_h = (int(n) for n in result.stdout.strip().split("|"))
    assert (area_w, area_h) == (width, height)
    assert win_w <= area_w and win_h <= area_h
    if roomy:
        assert (win_w, win_h) >= (1360, 820)


DARK_DESKTOP = """
import sys
from pathlib import Path
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication
from explorer.cli import content_layers
from explorer.ui.app import start
app = QApplication(sys.argv[:1])
dark = QPalette()  # what a dark desktop theme hands the app
for role, colour in ((QPalette.ColorRole.Window, "#2b2b2b"), (QPalette.ColorRole.Base, "#1e1e1e"),
                     (QPalette.ColorRole.Text, "#e0e0e0"),
                     (QPalette.ColorRole.WindowText, "#e0e0e0")):
    dark.setColor(role, QColor(colour))
app.setPalette(dark)
app, window = start(content_layers(), Path(sys.argv[1]))
app.processEvents()

def luminance(rgb):
    def channel(c):
        c /= 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4
    r, g, b = (channel((rgb >> s) & 255) for s in (16, 8, 0))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b

for widget in (window.conditions.viewport(), window.detail.viewport()):
    image = widget.grab().toImage()
    counts = {}
    for y in range(0, image.height(), 2):
        for x in range(0, image.width(), 2):
            rgb = image.pixel(x, y) & 0xFFFFFF
            counts[rgb] = counts.get(rgb, 0) + 1
    background = max(counts, key=counts.get)
    darkest = min(counts, key=luminance)
    lighter, darker = sorted((luminance(background), luminance(darkest)), reverse=True)
    print(round(luminance(background), 2), round((lighter + 0.05) / (darker + 0.05), 1))
"""


def test_a_dark_desktop_theme_leaves_the_text_readable(tmp_path: Path) -> None:
    """With the system in dark mode, the list's and panel's text (drawn in colours made
    for a light background) was dark on dark: contrast 1.1 to 1."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run([sys.executable, "-c", DARK_DESKTOP, str(tmp_path / "s.ini")],
                            env=env, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    for line in result.stdout.split("\n")[-3:-1]:  # the condition list, the detail panel
        background, contrast = (float(n) for n in line.split())
        assert background > 0.8 and contrast >= 7, line


@pytest.mark.skipif(sys.platform in ("win32", "darwin"), reason="X11 and Wayland only")
def test_without_a_display_the_window_says_so_and_the_commands_still_work(
        tmp_path: Path) -> None:
    """With no desktop session Qt aborted (exit 134) with a message about platform
    plugins and reinstalling; now one line says what is missing and what still works."""
    env = {k: v for k, v in os.environ.items()
           if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    env["HIP_EXPLORER_CACHE_DIR"] = str(tmp_path / "cache")
    window = subprocess.run([sys.executable, "-m", "explorer"], env=env,
                            capture_output=True, text=True, timeout=120)
    assert window.returncode == 1
    assert window.stderr.startswith("hip-explorer: no graphical display was found")
    assert "validate, conditions and export" in window.stderr
    listed = subprocess.run([sys.executable, "-m", "explorer", "conditions", "--region",
                             "outer"], env=env, capture_output=True, text=True, timeout=120)
    assert listed.returncode == 0 and "Greater trochanteric" in listed.stdout
