"""The app's own start path (what `hip-explorer` runs): content first, then the window."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

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
      sep='|')
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
        visible, title, count, hook, charts, read_svg, pool_off = \
            result.stdout.strip().split("|")
        assert (visible, title, hook, charts) == ("True", "Hip Explorer — Right hip",
                                                  "explorer.ui.crash", "False")
        assert int(count) >= 15
        # the region shapes are cached with the content: a warm start does not parse the SVG
        assert read_svg == str(not warm)
        # Qt's fill thread pool is off: with it a region click took about 3 ms longer
        assert pool_off == "1"
    assert (tmp_path / "cache" / "content.pickle").is_file()
