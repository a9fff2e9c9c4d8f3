"""Exercise pictures as images, crisp at any scale; a missing or broken file gives None."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QImage, QImageReader, QPainter
from PySide6.QtSvg import QSvgRenderer


def load_picture(path: Path, width: int) -> QImage | None:
    """Render an SVG (or scale a bitmap) to `width` pixels; None if it cannot be read."""
    if path.suffix.lower() == ".svg":
        renderer = QSvgRenderer(str(path))
        if not renderer.isValid():
            return None
        size = renderer.defaultSize()
        if size.isEmpty():
            return None
        height = max(1, round(width * size.height() / size.width()))
        image = QImage(width, height, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(Qt.GlobalColor.white)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter, QRectF(0, 0, width, height))
        painter.end()
        return image
    reader = QImageReader(str(path))
    image = reader.read()
    if image.isNull():
        return None
    return image.scaledToWidth(width, Qt.TransformationMode.SmoothTransformation)
