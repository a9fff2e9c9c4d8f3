"""Build the main window from content layers (shared by the app, tests and benchmarks)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from explorer.model.cache import load_content_cached
from explorer.paths import diagram_svg
from explorer.ui.diagram_art import DiagramArt
from explorer.ui.main_window import MainWindow
from explorer.ui.settings import Settings


def build_window(layers: Sequence[Path], settings: Settings | None = None,
                 svg_file: Path | None = None) -> MainWindow:
    svg = svg_file or diagram_svg()
    content = load_content_cached(layers, svg_file=svg)
    art = DiagramArt(svg, list(content.regions))
    window = MainWindow(content, art, settings or Settings())
    window.layers = list(layers)  # also folders missing now, so a reload finds them later
    return window
