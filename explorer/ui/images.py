"""Exercise pictures as images, crisp at any scale; a missing or broken file gives None.

A picture far taller or wider than an illustration can be (a damaged or hostile file
of a few bytes can claim 1 x 10,000,000 pixels) is refused rather than drawn.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QImage, QImageReader, QPainter
from PySide6.QtSvg import QSvgRenderer

MAX_ASPECT = 4.0  # height to width (and width to height): a page holds nothing odder


def _height_for(size: QSize, width: int) -> int | None:
    """The height at `width` for a picture of `size`, or None if it is out of shape."""
    if size.isEmpty():
        return None
    ratio = size.height() / size.width()
    if not 1 / MAX_ASPECT <= ratio <= MAX_ASPECT:
        return None
    return max(1, round(width * ratio))


def load_picture(path: Path, width: int) -> QImage | None:
    """Render an SVG (or scale a bitmap) to `width` pixels; None if it cannot be read."""
    if path.suffix.lower() == ".svg":
        renderer = QSvgRenderer(str(path))
        height = _height_for(renderer.defaultSize(), width) if renderer.isValid() else None
        if height is None:
            return None
        image = QImage(width, height, QImage.Format.Format_ARGB32_Premultiplied)
        if image.isNull():
            return None
        image.fill(Qt.GlobalColor.white)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter, QRectF(0, 0, width, height))
        painter.end()
        return image
    reader = QImageReader(str(path))
    if _height_for(reader.size(), width) is None:
        return None
    image = reader.read()
    if image.isNull():
        return None
    return image.scaledToWidth(width, Qt.TransformationMode.SmoothTransformation)
