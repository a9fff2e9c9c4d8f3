"""Selected rows and field hints readable (WCAG 4.5:1) in the palette the app starts with:
Fusion's highlight under white text was 3.7:1, its placeholder grey 4.0:1."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QIcon, QImage, QPalette
from PySide6.QtWidgets import QApplication, QStyleFactory
from pytestqt.qtbot import QtBot

from explorer.ui.app import keep_light_colours
from explorer.ui.contrast import READABLE, contrast, over
from explorer.ui.main_window import MainWindow

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


@pytest.mark.parametrize("ratio", [2.0, 3.0])
def test_urgency_markers_are_drawn_for_high_density_screens(qapp: QApplication,
                                                            ratio: float) -> None:
    """At 2x the 16-pixel markers were scaled up, stair-stepped beside smooth text."""
    from explorer.model.entities import Urgency
    from explorer.ui.condition_list import urgency_icon

    for urgency in Urgency:
        assert_drawn_at(urgency_icon(urgency), ratio)


@pytest.mark.parametrize("ratio", [2.0, 3.0])
def test_back_and_forward_arrows_are_drawn_for_high_density_screens(
        open_window: Callable[..., MainWindow], ratio: float) -> None:
    """The toolbar's Back and Forward and clinic mode's Previous and Next used the
    style's bitmaps of arrows, which have no 3x size: scaled up, blurred."""
    window = open_window()
    window.clinic.enter()
    next_step = next(a for a in window.clinic.toolbar.actions() if a.text() == "Next")
    for action in (window.back_action, window.forward_action, next_step):
        assert_drawn_at(action.icon(), ratio)


def assert_drawn_at(icon: QIcon, ratio: float) -> None:
    """The icon has a pixmap drawn for the ratio: its anti-aliased rim is about one
    device pixel wide, where the 1x pixmap scaled up has a rim `ratio` pixels wide."""
    from PySide6.QtCore import QSize

    pixmap = icon.pixmap(QSize(16, 16), ratio)
    assert pixmap.devicePixelRatio() == ratio
    assert (pixmap.width(), pixmap.height()) == (16 * ratio, 16 * ratio)
    one = icon.pixmap(QSize(16, 16), 1.0).toImage()
    scaled = one.scaled(pixmap.size(), Qt.AspectRatioMode.IgnoreAspectRatio,
                        Qt.TransformationMode.SmoothTransformation)
    assert rim(pixmap.toImage()) < 0.75 * rim(scaled)


def rim(image: QImage) -> int:
    """Partly covered pixels: the anti-aliased edge of a shape."""
    return sum(1 for x in range(image.width()) for y in range(image.height())
               if 0 < QColor.fromRgba(image.pixel(x, y)).alpha() < 255)


def test_the_region_lists_keyboard_row_is_a_light_mark_until_the_list_has_the_focus(
        qtbot: QtBot, open_window: object) -> None:
    """The region list's current row follows the diagram's keyboard: in the dark
    highlight, an unticked "Outer hip" looked selected while the diagram had the focus."""
    from explorer.ui.region_list import INACTIVE_ROW

    window = open_window()  # type: ignore[operator]
    window.activateWindow()
    window.diagram.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(window.diagram.hasFocus)
    regions = window.region_list
    for _ in range(2):  # the first key shows the ring if it is not shown yet
        if regions.currentItem() is not regions.region_item("groin"):
            qtbot.keyClick(window.diagram, Qt.Key.Key_Right)  # the keyboard on the groin
    row = regions.visualItemRect(regions.region_item("groin"))

    def background() -> QColor:
        image = regions.viewport().grab().toImage()
        return QColor(image.pixel(row.right() - 3, row.center().y()))

    assert regions.currentItem() is regions.region_item("groin")
    assert background().name() == INACTIVE_ROW
    regions.setFocus()
    qtbot.waitUntil(regions.hasFocus)
    dark = regions.palette().color(QPalette.ColorGroup.Active, ROLES.Highlight)
    seen = background()  # the style shades its highlight a little
    assert max(abs(a - b) for a, b in zip(seen.getRgb()[:3], dark.getRgb()[:3],
                                          strict=True)) <= 4, (seen.name(), dark.name())
