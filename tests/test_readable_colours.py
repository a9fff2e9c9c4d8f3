"""Selected rows and field hints readable (WCAG 4.5:1) in the palette the app starts with:
Fusion's highlight under white text was 3.7:1, its placeholder grey 4.0:1."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QStyleFactory
from pytestqt.qtbot import QtBot

from explorer.ui.app import keep_light_colours
from explorer.ui.contrast import READABLE, contrast, over

ROLES = QPalette.ColorRole


@pytest.fixture
def started_palette(qapp: QApplication) -> Iterator[QPalette]:
    """The application palette as `start` sets it, put back afterwards."""
    before, style = qapp.palette(), qapp.style().name()
    qapp.setPalette(QStyleFactory.create("Fusion").standardPalette())  # a desktop's theme
    keep_light_colours(qapp)
    yield qapp.palette()
    qapp.setPalette(before)
    qapp.setStyle(style)


def test_selected_rows_and_hints_are_readable(started_palette: QPalette) -> None:
    for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
        highlight = started_palette.color(group, ROLES.Highlight)
        text = started_palette.color(group, ROLES.HighlightedText)
        assert contrast(highlight, text) >= READABLE, (highlight.name(), text.name())
        base = started_palette.color(group, ROLES.Base)
        hint = over(started_palette.color(group, ROLES.PlaceholderText), base)
        assert contrast(hint, base) >= READABLE, hint.name()
    # still the theme's blue, only darker
    assert started_palette.color(ROLES.Highlight).hue() == pytest.approx(
        QColor("#308cc6").hue(), abs=3)


def test_the_selected_condition_row_is_drawn_in_the_readable_highlight(
        started_palette: QPalette, qtbot: QtBot, open_window: object) -> None:
    window = open_window()  # type: ignore[operator]
    window.selection.set_regions(["outer"])
    window.conditions.setFocus()
    row = window.conditions.currentItem()
    rect = window.conditions.visualItemRect(row)
    image = window.conditions.viewport().grab().toImage()
    background = QColor(image.pixel(rect.right() - 3, rect.center().y()))
    assert background.name() == started_palette.color(ROLES.Highlight).name()
    assert contrast(background, QColor("white")) >= READABLE
