"""Text contrast as WCAG 2 measures it, and a palette whose selected rows and field
hints are readable whatever the desktop's theme gives (Fusion's highlight, #308cc6
under white text, is 3.7:1; its placeholder grey 4.0:1; body text needs 4.5:1)."""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette

READABLE = 4.5  # WCAG AA for body text
MUTED_TEXT = "#4a5566"  # secondary lines (a result's note, a list's reason): 7.5:1 on white
GRAPHIC_CONTRAST = 3.0  # WCAG 1.4.11: lines and shapes that carry meaning


def _linear(channel: float) -> float:
    return channel / 12.92 if channel <= 0.04045 else ((channel + 0.055) / 1.055) ** 2.4


def relative_luminance(colour: QColor) -> float:
    return (0.2126 * _linear(colour.redF()) + 0.7152 * _linear(colour.greenF())
            + 0.0722 * _linear(colour.blueF()))


def contrast(a: QColor, b: QColor) -> float:
    light, dark = sorted((relative_luminance(a), relative_luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def over(colour: QColor, background: QColor) -> QColor:
    """`colour` as it shows on `background`: a see-through one (the placeholder text is
    the text colour, half transparent) mixed with what is under it."""
    alpha = colour.alphaF()
    return QColor.fromRgbF(*(alpha * a + (1 - alpha) * b for a, b in (
        (colour.redF(), background.redF()), (colour.greenF(), background.greenF()),
        (colour.blueF(), background.blueF()))))


def darkened(colour: QColor, against: QColor, ratio: float = READABLE) -> QColor:
    """`colour` as it shows on the light `against`, darker in steps of its own hue until
    it reaches `ratio` (as it is, if it already does)."""
    result = over(colour, against)
    while contrast(result, against) < ratio and result.lightness() > 0:
        result = result.darker(110)
    return result


def readable_palette(palette: QPalette) -> QPalette:
    """The palette with its highlight dark enough under the highlighted text, and its
    placeholder text dark enough on the fields' background."""
    result = QPalette(palette)
    roles = QPalette.ColorRole
    for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
        text = result.color(group, roles.HighlightedText)
        if text.lightness() > 128:  # light text on the highlight: darken the highlight
            result.setColor(group, roles.Highlight,
                            darkened(result.color(group, roles.Highlight), text))
        result.setColor(group, roles.PlaceholderText,
                        darkened(result.color(group, roles.PlaceholderText),
                                 result.color(group, roles.Base)))
    return result
