"""Exercise pictures as images, crisp at any scale; a missing or broken file gives None.
`validate` asks every picture for its `damage`, and the panel shows a damaged one as a
marked placeholder, so a broken file never just vanishes.

A picture far taller or wider than an illustration can be (a damaged or hostile file
of a few bytes can claim 1 x 10,000,000 pixels) is refused rather than drawn.

What a decoder says about a damaged file is never printed: `validate` puts the reason
in its own problem line, and the panel shows the placeholder.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from PySide6.QtCore import QRectF, QSize, Qt, qInstallMessageHandler
from PySide6.QtGui import QColor, QFont, QGuiApplication, QImage, QImageReader, QPainter, QPen
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


@contextmanager
def _decoder_messages() -> Iterator[list[str]]:
    """While a picture is decoded, Qt's warnings are collected in the list given instead
    of printed, and the lines libpng writes straight to the standard error stream (no
    Qt message handler sees them: "libpng error: Read Error") are dropped."""
    if QGuiApplication.instance() is None:  # Qt would abort on a picture's text, unheard
        raise RuntimeError("pictures are drawn only once a QGuiApplication exists")
    said: list[str] = []
    previous = qInstallMessageHandler(lambda _kind, _where, message: said.append(message))
    try:
        with _stderr_hushed():
            yield said
    finally:
        qInstallMessageHandler(previous)


@contextmanager
def _stderr_hushed() -> Iterator[None]:
    """Whatever is written to file descriptor 2 meanwhile is dropped."""
    try:
        saved = os.dup(2)
    except OSError:  # no standard error stream (a windowed app on Windows): nothing to hush
        yield
        return
    if sys.stderr is not None:
        sys.stderr.flush()  # what Python wrote before still shows
    try:
        with open(os.devnull, "wb") as sink:
            os.dup2(sink.fileno(), 2)
            yield
    finally:
        os.dup2(saved, 2)
        os.close(saved)


def load_picture(path: Path, width: int) -> QImage | None:
    """Render an SVG (or scale a bitmap) to `width` pixels; None if it cannot be read."""
    with _decoder_messages():
        return _render(path, width)


def _render(path: Path, width: int) -> QImage | None:
    if path.suffix.lower() == ".svg":
        renderer = QSvgRenderer(str(path))
        height = _height_for(renderer.defaultSize(), width) if renderer.isValid() else None
        return None if height is None else svg_image(renderer, QSize(width, height))
    reader = QImageReader(str(path))
    if _height_for(reader.size(), width) is None:
        return None
    image = reader.read()
    if image.isNull():
        return None
    return image.scaledToWidth(width, Qt.TransformationMode.SmoothTransformation)


def svg_image(renderer: QSvgRenderer, size: QSize,
              background: Qt.GlobalColor = Qt.GlobalColor.white) -> QImage | None:
    """The drawing filling an image of `size` pixels; None if none can be made."""
    image = QImage(size, QImage.Format.Format_ARGB32_Premultiplied)
    if image.isNull():
        return None
    image.fill(background)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter, QRectF(image.rect()))
    painter.end()
    return image


def damage(path: Path) -> str | None:
    """Why the picture cannot be drawn, in plain words, or None when it draws
    (its first bytes can look right while the rest is damaged). Only `validate` asks:
    decoding every picture would cost start-up time."""
    with _decoder_messages() as said:
        image = _render(path, 64)
        size = _natural_size(path) if image is None else QSize()
    if image is not None:
        return None
    if not size.isEmpty() and _height_for(size, 64) is None:
        return (f"it is {size.width()} x {size.height()} pixels, far taller or wider than "
                "an illustration")
    # The SVG reader says why and where it stopped; a bitmap decoder's words ("Unsupported
    # marker type 0x78") mean nothing to a clinician.
    reasons = [m.rpartition("because: ")[2] for m in said if "because: " in m]
    reason = reasons[-1].strip() if reasons else ""
    return reason or "its picture data cannot be read (is the file complete?)"


def _natural_size(path: Path) -> QSize:
    if path.suffix.lower() == ".svg":
        renderer = QSvgRenderer(str(path))
        return renderer.defaultSize() if renderer.isValid() else QSize()
    return QImageReader(str(path)).size()


def placeholder(width: int) -> QImage:
    """A grey, dashed box saying the picture is unavailable, `width` pixels wide."""
    height = width // 2
    image = QImage(width, height, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(QColor("#f1f1f1"))
    painter = QPainter(image)
    pen = QPen(QColor("#8a8a8a"), max(1, width // 160), Qt.PenStyle.DashLine)
    painter.setPen(pen)
    painter.drawRect(image.rect().adjusted(1, 1, -2, -2))
    font = QFont()
    font.setPixelSize(max(8, width // 12))
    painter.setFont(font)
    painter.setPen(QColor("#444444"))
    painter.drawText(image.rect(), Qt.AlignmentFlag.AlignCenter, "Picture\nunavailable")
    painter.end()
    return image
