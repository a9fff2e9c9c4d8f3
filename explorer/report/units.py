"""The unit print paints in, and fonts sized in it.

Print paints in 1/96 inch (a CSS px, as on screen) on every device: a PDF is written
at 96 dpi, and a printer set to 600 dpi gets a painter scaled by 600 / 96. A font
sized in points would be resolved for the printer's own dots and then scaled again
(six times too large at 600 dpi), so a font painted directly (not through a text
document) is sized in pixels of that unit instead.
"""

from __future__ import annotations

from PySide6.QtGui import QFont

DPI = 96


def paper_font(points: float, bold: bool = False) -> QFont:
    """A font `points` tall on paper for a painter in 1/96-inch units: `points` as pixels
    of that unit, the same on every device (a point size is resolved for the device)."""
    font = QFont()
    font.setPixelSize(max(1, round(points * DPI / 72)))
    font.setBold(bold)
    return font
