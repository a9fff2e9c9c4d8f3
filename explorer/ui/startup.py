"""Build the main window from content layers (shared by the app, tests and benchmarks).

Order matters for start-up time: content (pure Python, usually from the cache) and the
renderer are imported before PySide6 where possible, because PySide6 installs an import
hook that reads the source of every module imported after it.
"""

from __future__ import annotations

import importlib
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from explorer.model.cache import load_content_cached
from explorer.model.content import Content
from explorer.paths import diagram_svg

if TYPE_CHECKING:
    from explorer.ui.main_window import MainWindow
    from explorer.ui.settings import Settings


def load_window_content(layers: Sequence[Path], svg_file: Path | None = None) -> Content:
    """The content the window shows, with the pure-Python modules the window needs."""
    content = load_content_cached(layers, svg_file=svg_file or diagram_svg())
    importlib.import_module("explorer.render.html")  # the detail panel's renderer
    return content


def build_window(layers: Sequence[Path], settings: Settings | None = None,
                 svg_file: Path | None = None, content: Content | None = None) -> MainWindow:
    svg = svg_file or diagram_svg()
    if content is None:
        content = load_window_content(layers, svg)
    from explorer.ui.diagram_art import DiagramArt
    from explorer.ui.main_window import MainWindow
    from explorer.ui.settings import Settings

    art = DiagramArt(svg, list(content.regions), content.diagram)
    window = MainWindow(content, art, settings or Settings())
    window.layers = list(layers)  # also folders missing now, so a reload finds them later
    return window
