"""The clickable diagram: real-shape hit testing, modifiers, keyboard, wheel, sides."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QPointF, QRect, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QImage, QPainter
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from explorer.ui.diagram_art import DiagramArt, DiagramState
from explorer.ui.main_window import MainWindow

# Points in SVG coordinates, in each region's main view: inside its shape, and inside
# its bounding box but outside every region's shape.
INSIDE = {"front": (106, 205), "groin": (140, 300), "outer": (481, 260), "back": (842, 240)}
OUTSIDE = {"front": (88, 153), "groin": (129, 218), "outer": (465, 440), "back": (809, 156)}


@pytest.fixture
def window(open_window: Callable[..., MainWindow]) -> MainWindow:
    return open_window(1400, 860)


def view_point(win: MainWindow, x: float, y: float) -> QPoint:
    return win.diagram.mapFromScene(QPointF(x, y))


def click(qtbot: QtBot, win: MainWindow, x: float, y: float,
          modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    qtbot.mouseClick(win.diagram.viewport(), Qt.MouseButton.LeftButton, modifier,
                     view_point(win, x, y))


@pytest.mark.parametrize("region", ["front", "groin", "outer", "back"])
def test_click_inside_shape_selects(qtbot: QtBot, window: MainWindow, region: str) -> None:
    click(qtbot, window, *INSIDE[region])
    assert window.selection.regions == [region]
    # the list shows conditions for it, and the best match is shown in the panel
    ids = window.conditions.ids()
    assert ids and window.content.conditions[ids[0]].regions[0] == region
    assert window.detail.shown == ("condition", ids[0])


@pytest.mark.parametrize("region", ["front", "groin", "outer", "back"])
def test_click_in_box_but_outside_shape_selects_nothing(qtbot: QtBot, window: MainWindow,
                                                        region: str) -> None:
    box = window.diagram.art.path(region).boundingRect()
    x, y = OUTSIDE[region]
    assert box.contains(QPointF(x, y)), "the test point must lie inside the bounding box"
    click(qtbot, window, x, y)
    assert window.selection.regions == []


def test_modifier_click_adds_and_removes_and_empty_click_clears(qtbot: QtBot,
                                                                 window: MainWindow) -> None:
    click(qtbot, window, *INSIDE["outer"])
    click(qtbot, window, *INSIDE["back"], Qt.KeyboardModifier.ControlModifier)
    assert window.selection.regions == ["outer", "back"]
    click(qtbot, window, *INSIDE["outer"], Qt.KeyboardModifier.ShiftModifier)
    assert window.selection.regions == ["back"]
    click(qtbot, window, *INSIDE["groin"])  # plain click replaces
    assert window.selection.regions == ["groin"]
    click(qtbot, window, 5, 590)  # empty space
    assert window.selection.regions == []
    assert window.region_list.region_item("groin").checkState() == Qt.CheckState.Unchecked


@pytest.mark.parametrize("modifier", [Qt.KeyboardModifier.ControlModifier,
                                      Qt.KeyboardModifier.ShiftModifier],
                         ids=["ctrl", "shift"])
def test_modifier_click_on_empty_space_keeps_the_selection(
        qtbot: QtBot, window: MainWindow, modifier: Qt.KeyboardModifier) -> None:
    click(qtbot, window, *INSIDE["outer"])
    click(qtbot, window, *INSIDE["back"], Qt.KeyboardModifier.ControlModifier)
    click(qtbot, window, 5, 590, modifier)  # a slip of an adding click: nothing is lost
    assert window.selection.regions == ["outer", "back"]
    assert window.region_list.region_item("back").checkState() == Qt.CheckState.Checked


def test_click_on_the_only_selected_region_deselects_it(qtbot: QtBot,
                                                        window: MainWindow) -> None:
    click(qtbot, window, *INSIDE["groin"])
    assert window.region_list.region_item("groin").checkState() == Qt.CheckState.Checked
    click(qtbot, window, *INSIDE["groin"])
    assert window.selection.regions == []
    assert window.region_list.region_item("groin").checkState() == Qt.CheckState.Unchecked


def test_keyboard_path(qtbot: QtBot, window: MainWindow) -> None:
    window.diagram.setFocus(Qt.FocusReason.TabFocusReason)
    assert window.diagram.state.focus == "front"
    qtbot.keyClick(window.diagram, Qt.Key.Key_Right)
    qtbot.keyClick(window.diagram, Qt.Key.Key_Space)
    assert window.selection.regions == ["groin"]
    qtbot.keyClick(window.diagram, Qt.Key.Key_7)
    assert window.selection.intensities == {"groin": 7}
    qtbot.keyClick(window.diagram, Qt.Key.Key_Tab)  # Tab walks through regions
    assert window.diagram.state.focus == "outer"
    qtbot.keyClick(window.diagram, Qt.Key.Key_Return)
    assert window.selection.regions == ["groin", "outer"]
    qtbot.keyClick(window.diagram, Qt.Key.Key_Escape)
    assert window.selection.regions == []


def test_keys_held_with_ctrl_or_alt_leave_the_regions_alone(qtbot: QtBot,
                                                           window: MainWindow) -> None:
    """Ctrl++ past the largest zoom (its action off) reached the diagram as "+" and gave
    the front pain 1, then 2; Ctrl+9 set pain 9. Keys held with Ctrl, Alt or Meta are
    commands, not the diagram's keys."""
    window.diagram.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClick(window.diagram, Qt.Key.Key_Space)
    qtbot.keyClick(window.diagram, Qt.Key.Key_3)
    assert window.selection.intensities == {"front": 3}
    while window.zoom_in_action.isEnabled():
        window.zoom_in_action.trigger()
    ctrl, alt = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.AltModifier
    for key, held in ((Qt.Key.Key_Plus, ctrl), (Qt.Key.Key_Equal, ctrl), (Qt.Key.Key_9, ctrl),
                      (Qt.Key.Key_Minus, ctrl), (Qt.Key.Key_Space, ctrl),
                      (Qt.Key.Key_Right, alt), (Qt.Key.Key_5, alt)):
        qtbot.keyClick(window.diagram, key, held)
    assert (window.selection.regions, window.selection.intensities) == (["front"],
                                                                        {"front": 3})
    assert window.diagram.state.focus == "front"
    qtbot.keyClick(window.diagram, Qt.Key.Key_Plus, Qt.KeyboardModifier.ShiftModifier)
    assert window.selection.intensities == {"front": 4}  # "+" typed with Shift still steps


def test_typing_one_then_zero_sets_pain_ten(qtbot: QtBot, window: MainWindow,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    window.diagram.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClick(window.diagram, Qt.Key.Key_Space)
    qtbot.keyClick(window.diagram, Qt.Key.Key_1)
    assert window.selection.intensities == {"front": 1}
    qtbot.keyClick(window.diagram, Qt.Key.Key_0)
    assert window.selection.intensities == {"front": 10}
    assert window.region_list.region_item("front").text() == "Front of the hip (pain 10/10)"
    qtbot.keyClick(window.diagram, Qt.Key.Key_0)  # a lone 0 is no pain
    assert window.selection.intensities == {"front": 0}
    clock = iter([100.0, 101.0])  # "1", then "0" a second later: two separate levels
    monkeypatch.setattr("explorer.ui.selection.time.monotonic", lambda: next(clock))
    qtbot.keyClick(window.diagram, Qt.Key.Key_1)
    qtbot.keyClick(window.diagram, Qt.Key.Key_0)
    assert window.selection.intensities == {"front": 0}


def test_region_list_sets_pain_from_the_keyboard(qtbot: QtBot, window: MainWindow) -> None:
    regions = window.region_list
    regions.setFocus()
    regions.setCurrentItem(regions.region_item("back"))
    qtbot.keyClick(regions, Qt.Key.Key_Space)
    assert window.selection.regions == ["back"]
    qtbot.keyClick(regions, Qt.Key.Key_6)
    assert window.selection.intensities == {"back": 6}
    assert regions.region_item("back").text() == "Back of the hip (pain 6/10)"
    qtbot.keyClick(regions, Qt.Key.Key_Plus, Qt.KeyboardModifier.ShiftModifier)
    assert window.selection.intensities == {"back": 7}
    qtbot.keyClick(regions, Qt.Key.Key_1)
    qtbot.keyClick(regions, Qt.Key.Key_0)
    assert window.selection.intensities == {"back": 10}
    assert "(your pain 10/10)" in window.conditions.reason(window.conditions.ids()[0])
    qtbot.keyClick(regions, Qt.Key.Key_Up)  # arrows still move between rows
    assert regions.currentItem() is not regions.region_item("back")


def test_region_list_mirrors_and_drives_selection(qtbot: QtBot, window: MainWindow) -> None:
    click(qtbot, window, *INSIDE["back"])
    item = window.region_list.region_item("back")
    assert item.checkState() == Qt.CheckState.Checked
    window.region_list.region_item("outer").setCheckState(Qt.CheckState.Checked)
    assert window.selection.regions == ["back", "outer"]
    assert all(window.region_list.item(i).data(Qt.ItemDataRole.AccessibleDescriptionRole)
               for i in range(window.region_list.count()))


def test_wheel_sets_intensity(qtbot: QtBot, window: MainWindow) -> None:
    from PySide6.QtCore import QPoint as P
    from PySide6.QtGui import QWheelEvent

    click(qtbot, window, *INSIDE["outer"])
    pos = QPointF(view_point(window, *INSIDE["outer"]))
    for _ in range(3):
        event = QWheelEvent(pos, QPointF(window.diagram.mapToGlobal(pos.toPoint())), P(0, 0),
                            P(0, 120), Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier,
                            Qt.ScrollPhase.NoScrollPhase, False)
        window.diagram.wheelEvent(event)
    assert window.selection.intensities == {"outer": 3}
    assert window.region_list.region_item("outer").text() == "Outer hip (pain 3/10)"
    click(qtbot, window, *INSIDE["back"])  # another region: outer is no longer selected
    assert window.region_list.region_item("outer").text() == "Outer hip"
    assert window.region_list.region_item("back").text() == "Back of the hip"


def wheel(window: MainWindow, region: str, steps: int) -> bool:
    """Turn the mouse wheel over a region, one notch at a time (negative: down);
    returns whether the last notch was taken by the diagram."""
    from PySide6.QtGui import QWheelEvent

    pos = QPointF(view_point(window, *INSIDE[region]))
    accepted = False
    for _ in range(abs(steps)):
        event = QWheelEvent(pos, QPointF(window.diagram.mapToGlobal(pos.toPoint())),
                            QPoint(0, 0), QPoint(0, 120 if steps > 0 else -120),
                            Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier,
                            Qt.ScrollPhase.NoScrollPhase, False)
        window.diagram.wheelEvent(event)
        accepted = event.isAccepted()
    return accepted


def test_pain_level_stays_between_0_and_10(qtbot: QtBot, window: MainWindow) -> None:
    click(qtbot, window, *INSIDE["outer"])
    wheel(window, "outer", 15)
    assert window.selection.intensities == {"outer": 10}
    assert window.region_list.region_item("outer").text() == "Outer hip (pain 10/10)"
    assert "(your pain 10/10)" in window.conditions.reason(window.conditions.ids()[0])
    window.diagram.setFocus()
    window.diagram.state.focus = "outer"
    for _ in range(3):
        qtbot.keyClick(window.diagram, Qt.Key.Key_Plus)
    assert window.selection.intensities == {"outer": 10}
    assert not any("11/10" in window.conditions.reason(c) for c in window.conditions.ids())
    wheel(window, "outer", -15)
    assert window.selection.intensities == {"outer": 0}
    qtbot.keyClick(window.diagram, Qt.Key.Key_Minus)
    assert window.selection.intensities == {"outer": 0}
    assert window.region_list.region_item("outer").text() == "Outer hip"


def test_wheel_over_an_unselected_region_scrolls_instead(qtbot: QtBot,
                                                        window: MainWindow) -> None:
    click(qtbot, window, *INSIDE["outer"])
    wheel(window, "outer", 2)
    assert not wheel(window, "back", 3)  # ignored: the view may scroll
    assert window.selection.regions == ["outer"]
    assert window.selection.intensities == {"outer": 2}
    assert window.region_list.region_item("back").checkState() == Qt.CheckState.Unchecked


def test_the_undo_history_keeps_the_latest_steps_only(window: MainWindow) -> None:
    """A day of clicks in clinic grew the undo history without end (472 steps and
    counting after 2,000 actions): the oldest steps now go first."""
    from explorer.ui.history import UNDO_LIMIT

    stack = window.history.stack
    for step in range(UNDO_LIMIT + 30):
        window.selection.set_regions(["groin"] if step % 2 else ["back"])
    assert stack.count() == UNDO_LIMIT
    while stack.canUndo():
        stack.undo()
    # the 30 oldest steps are gone: undoing all stops after the 30th change (step 29)
    assert window.selection.regions == ["groin"]


def test_undo_and_redo_of_regions_bring_back_the_condition_they_pushed_out(
        window: MainWindow) -> None:
    """Outer and groin, then hip osteoarthritis chosen; Undo (outer only) shows the best
    match for the outer hip, and Redo left it there instead of the osteoarthritis."""
    window.selection.set_regions(["outer"])
    window.selection.set_regions(["outer", "groin"])
    window.selection.select_condition("hip-osteoarthritis")
    stack = window.history.stack
    stack.undo()  # outer only: osteoarthritis is not felt there
    assert window.selection.regions == ["outer"]
    best = window.selection.condition
    assert best == window.conditions.ids()[0] != "hip-osteoarthritis"
    stack.redo()
    assert window.selection.condition == "hip-osteoarthritis"
    assert window.detail.shown == ("condition", "hip-osteoarthritis")

    stack.undo()  # pushed out again; this time another condition is chosen meanwhile
    other = window.conditions.ids()[1]
    window.selection.select_condition(other)
    stack.redo()
    assert window.selection.condition == other  # the choice made since stays


def test_region_changes_can_be_undone(qtbot: QtBot, window: MainWindow) -> None:
    stack = window.history.stack
    assert not stack.canUndo()  # nothing yet to take back
    click(qtbot, window, *INSIDE["groin"])
    click(qtbot, window, *INSIDE["outer"], Qt.KeyboardModifier.ControlModifier)
    window.diagram.setFocus()
    window.diagram.state.focus = "outer"
    for key in (Qt.Key.Key_5, Qt.Key.Key_7):  # two pain levels in a row: one step
        qtbot.keyClick(window.diagram, key)
    assert window.selection.intensities == {"outer": 7}
    click(qtbot, window, 5, 5)  # a stray click on empty space clears everything
    assert window.selection.regions == []
    edit = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Edit")
    assert edit.actions()[0].text() == "&Undo Clear selection"

    qtbot.keyClick(window.diagram, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.selection.regions == ["groin", "outer"]
    assert window.selection.intensities == {"outer": 7}
    assert window.region_list.region_item("outer").text() == "Outer hip (pain 7/10)"
    assert window.conditions.ids()  # the list is ranked again for them
    qtbot.keyClick(window.diagram, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.selection.intensities == {}  # both pain levels went in one step
    assert window.selection.regions == ["groin", "outer"]
    qtbot.keyClick(window.diagram, Qt.Key.Key_Z,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert window.selection.intensities == {"outer": 7}  # redone
    click(qtbot, window, *INSIDE["back"])  # a new change drops what could be redone
    assert not stack.canRedo()


def pixel(window: MainWindow, x: float, y: float) -> QColor:
    image = window.diagram.viewport().grab().toImage()
    p = view_point(window, x, y)
    return QColor(image.pixel(p.x(), p.y()))


def test_highlight_colour_at_region_centre(qtbot: QtBot, window: MainWindow) -> None:
    centre = window.diagram.art.centre("back")
    before = pixel(window, centre.x(), centre.y())
    click(qtbot, window, centre.x(), centre.y())
    window.selection.select_condition("")  # only the selection colour, no condition hatch
    window.diagram.show_condition_regions(())
    qtbot.waitUntil(lambda: pixel(window, centre.x(), centre.y()) != before)
    after = pixel(window, centre.x(), centre.y())
    # selected regions are filled with a strong blue (#0072B2 over the skin colour)
    assert after.blue() > after.red() + 60 and after.blue() > 150, after.name()
    assert before.blue() - before.red() < 60, before.name()


def test_left_side_mirrors_the_drawing(qtbot: QtBot, window: MainWindow) -> None:
    window.side_box.setCurrentIndex(window.side_box.findData("left"))
    assert window.selection.side == "left"
    assert "Left hip" in window.windowTitle()
    x, y = INSIDE["back"]
    click(qtbot, window, x, y)  # the right buttock's spot is now the other buttock
    assert window.selection.regions == []
    mirrored_x = 2 * 800 - x  # the back panel is mirrored about its centre (x = 800)
    click(qtbot, window, mirrored_x, y)
    assert window.selection.regions == ["back"]


def test_hover_shows_region(qtbot: QtBot, window: MainWindow) -> None:
    with qtbot.waitSignal(window.diagram.region_hovered) as blocker:
        qtbot.mouseMove(window.diagram.viewport(), view_point(window, *INSIDE["groin"]))
    assert blocker.args == ["groin"]
    assert window.diagram.state.hover == "groin"
    assert "Groin" in window.hint.text() and "inner upper thigh" in window.hint.text()
    qtbot.mouseMove(window.diagram.viewport(), view_point(window, 5, 590))
    assert window.diagram.state.hover is None and "Click where it hurts" in window.hint.text()


def test_diagram_renders_at_2x_display_scaling(tmp_path: Path) -> None:
    """At 2x scaling the diagram is painted with twice the pixels (crisp, not upscaled)."""
    import os
    import subprocess
    import sys

    code = (
        "from PySide6.QtWidgets import QApplication\n"
        "from PySide6.QtGui import QColor\n"
        "app = QApplication([])\n"
        "from explorer.paths import builtin_content_dir\n"
        "from explorer.ui.settings import Settings\n"
        "from explorer.ui.startup import build_window\n"
        f"w = build_window([builtin_content_dir()], Settings({str(tmp_path / 's.ini')!r}))\n"
        "w.resize(780, 600); w.show(); w.selection.set_regions(['back'])\n"
        "w.selection.select_condition(''); w.diagram.show_condition_regions(())\n"
        "app.processEvents()\n"
        "image = w.diagram.viewport().grab().toImage()\n"
        "c = w.diagram.mapFromScene(w.art.centre('back'))\n"
        "px = QColor(image.pixel(c.x() * 2, c.y() * 2))\n"
        "print(image.devicePixelRatio(), image.width() == 2 * w.diagram.viewport().width(),"
        " px.blue() > px.red() + 60)\n"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "QT_SCALE_FACTOR": "2"}
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True,
                         timeout=120, check=True).stdout.split()
    assert out == ["2.0", "True", "True"]


# ---- pain levels and high contrast, as the user sees them ----------------------------------
def luminance(colour: QColor) -> float:
    return 0.299 * colour.red() + 0.587 * colour.green() + 0.114 * colour.blue()


def shown(qtbot: QtBot, window: MainWindow) -> QImage:
    """The diagram as painted now, with only the selection's colours (no condition)."""
    window.selection.select_condition("")
    window.diagram.show_condition_regions(())
    qtbot.wait(10)
    return window.diagram.viewport().grab().toImage()


def pixels_near(window: MainWindow, image: QImage, centre: QPointF,
                radius: float) -> list[tuple[float, float, QColor]]:
    """(dx, dy, colour) of the screen pixels within `radius` drawing units of `centre`."""
    c = window.diagram.mapFromScene(centre)
    r = radius * window.diagram.transform().m11()
    return [(x - c.x(), y - c.y(), QColor(image.pixel(x, y)))
            for y in range(int(c.y() - r), int(c.y() + r) + 2)
            for x in range(int(c.x() - r), int(c.x() + r) + 2)
            if (x - c.x()) ** 2 + (y - c.y()) ** 2 <= r * r]


def white_and_dark(pixels: list[tuple[float, float, QColor]]) -> tuple[int, int]:
    white = sum(1 for *_, c in pixels if min(c.red(), c.green(), c.blue()) >= 250)
    return white, sum(1 for *_, c in pixels if luminance(c) < 80)


def test_pain_number_is_shown_on_the_region_in_every_view(qtbot: QtBot,
                                                          window: MainWindow) -> None:
    from explorer.ui.diagram_art import BADGE_RADIUS

    art = window.diagram.art
    click(qtbot, window, *INSIDE["outer"])
    spots = art.badge_points("outer")
    panels = sorted(int(p.x() // (art.bounds.width() / 3)) for p in spots)
    assert panels == [0, 1, 2]  # outer hip is drawn in the front, side and back views
    assert all(art.path("outer").contains(p) for p in spots)
    image = shown(qtbot, window)
    for spot in spots:  # no pain level: no badge, only the region's colour
        assert white_and_dark(pixels_near(window, image, spot, BADGE_RADIUS / 2))[0] == 0
    window.diagram.setFocus()
    window.diagram.state.focus = "outer"
    qtbot.keyClick(window.diagram, Qt.Key.Key_7)
    image = shown(qtbot, window)
    for spot in spots:  # a white disc with a dark number in it
        white, dark = white_and_dark(pixels_near(window, image, spot, BADGE_RADIUS / 2))
        assert white >= 25 and dark >= 8, (spot, white, dark)
        # the whole disc is drawn, also where it reaches past the narrow region
        for dx in (-0.8 * BADGE_RADIUS, 0.8 * BADGE_RADIUS):
            edge = QColor(image.pixel(view_point(window, spot.x() + dx, spot.y())))
            assert min(edge.red(), edge.green(), edge.blue()) >= 245, edge.name()
    # another number, other pixels: the badge tells 7 from 3
    seven = [c.rgb() for *_, c in pixels_near(window, image, spots[1], BADGE_RADIUS / 2)]
    qtbot.keyClick(window.diagram, Qt.Key.Key_3)
    image = shown(qtbot, window)
    three = [c.rgb() for *_, c in pixels_near(window, image, spots[1], BADGE_RADIUS / 2)]
    assert sum(a != b for a, b in zip(seven, three, strict=True)) >= 15


def test_pain_3_and_7_are_clearly_different_colours(qtbot: QtBot, window: MainWindow) -> None:
    centre = window.diagram.art.centre("outer")  # inside the fill, away from the badge
    click(qtbot, window, *INSIDE["outer"])
    colours = {}
    for level in (3, 7):
        window.selection.set_intensity("outer", level)
        image = shown(qtbot, window)
        colours[level] = QColor(image.pixel(view_point(window, centre.x(), centre.y())))
    low, high = colours[3], colours[7]
    distance = ((low.red() - high.red()) ** 2 + (low.green() - high.green()) ** 2
                + (low.blue() - high.blue()) ** 2) ** 0.5
    assert distance > 70, (low.name(), high.name())
    # by lightness (readable whatever the colour vision), stronger pain darker; both blue
    assert luminance(low) - luminance(high) > 40, (low.name(), high.name())
    assert low.blue() > low.red() + 60 and high.blue() > high.red() + 60


def test_pain_badge_text_is_not_mirrored_on_the_left_side(qtbot: QtBot,
                                                          window: MainWindow) -> None:
    from explorer.ui.diagram_art import BADGE_RADIUS

    window.side_box.setCurrentIndex(window.side_box.findData("left"))
    art = window.diagram.art
    x, y = INSIDE["outer"]
    click(qtbot, window, 2 * 480 - x, y)  # the side panel is mirrored about x = 480
    assert window.selection.regions == ["outer"]
    window.selection.set_intensity("outer", 7)
    image = shown(qtbot, window)
    right_spots = art.badge_points("outer", "right")
    for spot, right in zip(art.badge_points("outer", "left"), right_spots, strict=True):
        assert art.path("outer", "left").contains(spot)
        assert spot.x() == pytest.approx(2 * art._panel_centre(right.x()) - right.x())
        ink = [(dx, dy) for dx, dy, c in pixels_near(window, image, spot, BADGE_RADIUS * 0.6)
               if luminance(c) < 100]
        top = [dx for dx, dy in ink if dy < -2]
        bottom = [dx for dx, dy in ink if dy > 2]
        assert top and bottom
        # a "7": its stem runs down to the left of its top bar (mirrored it would not)
        assert sum(bottom) / len(bottom) < sum(top) / len(top) - 1, spot


def test_high_contrast_outlines_every_region_dark_and_thick(qtbot: QtBot,
                                                            window: MainWindow) -> None:
    art = window.diagram.art

    def look(region: str) -> tuple[int, QColor]:
        """Dark pixels around the (unselected) region's shape, and its fill colour."""
        image = shown(qtbot, window)
        box = art.path(region).boundingRect().adjusted(-3, -3, 3, 3)
        top_left, bottom_right = (window.diagram.mapFromScene(box.topLeft()),
                                  window.diagram.mapFromScene(box.bottomRight()))
        dark = sum(1 for yy in range(top_left.y(), bottom_right.y())
                   for xx in range(top_left.x(), bottom_right.x())
                   if luminance(QColor(image.pixel(xx, yy))) < 90)
        centre = art.centre(region)
        return dark, QColor(image.pixel(view_point(window, centre.x(), centre.y())))

    normal = {r: look(r) for r in ("front", "back")}
    window.contrast_action.trigger()
    assert window.diagram.state.high_contrast
    strong = {r: look(r) for r in ("front", "back")}
    for region in ("front", "back"):
        (dark_before, fill_before), (dark_after, fill_after) = normal[region], strong[region]
        # a near-black outline a few pixels thick all round, not a pale hairline
        assert dark_after > 5 * dark_before + 300, (region, dark_before, dark_after)
        # and a clearer (blue) tint inside than the faint normal one
        assert (fill_after.blue() - fill_after.red()
                >= fill_before.blue() - fill_before.red() + 25), (fill_before.name(),
                                                                  fill_after.name())


@contextmanager
def regions_drawn(art: DiagramArt) -> Iterator[list[str]]:
    """The regions whose overlay is drawn (not laid from a kept picture) meanwhile."""
    painted: list[str] = []
    original = art.paint_region

    def counting(painter: QPainter, region: str, state: DiagramState) -> None:
        painted.append(region)
        original(painter, region, state)

    art.paint_region = counting  # type: ignore[method-assign]
    try:
        yield painted
    finally:
        del art.paint_region


def test_a_pain_level_repaints_only_the_regions_whose_look_changed(
        qtbot: QtBot, window: MainWindow) -> None:
    """The badge is part of the region's cached picture: a new level repaints that region
    (and any the newly ranked condition lights), not the whole diagram, so clicks stay fast."""
    click(qtbot, window, *INSIDE["outer"])
    click(qtbot, window, *INSIDE["back"], Qt.KeyboardModifier.ControlModifier)
    qtbot.wait(10)
    view = window.diagram
    art = view.art
    before = {r: art.region_look(r, view.state) for r in art.region_ids}
    with regions_drawn(art) as painted:
        window.selection.set_intensity("outer", 6)
        view.viewport().repaint()
        qtbot.wait(10)
    changed = {r for r in art.region_ids if art.region_look(r, view.state) != before[r]}
    assert "outer" in changed and len(changed) < len(art.region_ids)
    assert set(painted) == changed, (painted, changed)


def test_a_look_a_region_had_before_is_laid_again_not_drawn_again(
        qtbot: QtBot, window: MainWindow) -> None:
    """Each region keeps the pictures of its recent looks: clicking back and forth
    between two regions draws nothing anew, and shows what it showed the first time."""
    view = window.diagram
    art = view.art
    window.selection.set_regions(["outer"])
    first = shown(qtbot, window)
    window.selection.set_regions(["back"])
    shown(qtbot, window)
    with regions_drawn(art) as painted:
        window.selection.set_regions(["outer"])
        again = shown(qtbot, window)
        window.selection.set_intensity("outer", 4)  # a look not seen yet is drawn
        shown(qtbot, window)
    assert again == first
    assert painted == ["outer"]


def test_the_kept_pictures_of_a_large_diagram_stay_within_their_bytes(
        qtbot: QtBot, open_window: Callable[..., MainWindow]) -> None:
    from explorer.ui.diagram_view import PICTURE_BYTES

    window = open_window(1900, 1000)
    window.splitter.setSizes([1500, 200, 200])
    for level in range(11):  # eleven looks of each region
        for region in INSIDE:
            window.selection.set_regions([region])
            window.selection.set_intensity(region, level)
            shown(qtbot, window)
    items = [item for item in window.diagram.scene().items() if hasattr(item, "_pictures")]
    kept = [sum(p.sizeInBytes() for p in item._pictures.values()) for item in items]
    assert len(items) == 8 and max(kept) <= PICTURE_BYTES
    assert any(len(item._pictures) >= 2 for item in items)  # still kept, for the small ones


def test_kept_pictures_show_what_a_fresh_diagram_shows(
        qtbot: QtBot, open_window: Callable[..., MainWindow]) -> None:
    """After hovering, selecting, pain levels, the condition's regions, high contrast,
    the other side and a resize, the diagram shows exactly what a new window in the
    same state shows: no region keeps a picture of a look it no longer has, or of
    another size."""
    used = open_window(1200, 800)
    view = used.diagram
    for region in ("front", "groin", "outer", "back"):
        QTest.mouseMove(view.viewport(), view_point(used, *INSIDE[region]))
        used.selection.set_regions([region])
        used.selection.set_intensity(region, 7)
        view.show_condition_regions(("groin", "outer"))
        qtbot.wait(5)
    view.set_high_contrast(True)
    qtbot.wait(5)
    view.set_high_contrast(False)
    used.selection.set_side("left")
    qtbot.wait(5)
    used.resize(1000, 700)
    qtbot.wait(5)
    QTest.mouseMove(view.viewport(), QPoint(1, 1))  # hovering nothing
    used.selection.set_side("right")
    used.selection.set_regions(["outer", "back"])
    used.selection.set_intensity("outer", 5)
    final = shown(qtbot, used)

    fresh = open_window(1000, 700)
    fresh.selection.set_regions(["outer", "back"])
    fresh.selection.set_intensity("outer", 5)
    fresh.selection.set_intensity("back", 7)  # kept from before
    again = shown(qtbot, fresh)
    art = view.art
    assert [art.region_look(r, fresh.diagram.state) for r in art.region_ids] == [
        art.region_look(r, view.state) for r in art.region_ids]
    assert fresh.diagram.transform() == view.transform()
    inside = final.rect().adjusted(3, 3, -3, -3)  # not the frame of the pane with the keys
    assert again.copy(inside) == final.copy(inside)


def test_a_digit_does_not_bring_back_a_region_a_click_cleared(qtbot: QtBot,
                                                              window: MainWindow) -> None:
    """As the wheel: pain keys set a selected region's level; after a click on empty
    space has cleared the choice, a digit does not select it again."""
    click(qtbot, window, *INSIDE["outer"])
    qtbot.keyClick(window.diagram, Qt.Key.Key_5)
    assert window.selection.intensities == {"outer": 5}
    click(qtbot, window, *OUTSIDE["outer"])
    assert window.selection.regions == []
    qtbot.keyClick(window.diagram, Qt.Key.Key_5)
    assert window.selection.regions == [] and window.selection.intensities == {}
    window.search.field.setFocus()
    window.diagram.setFocus(Qt.FocusReason.TabFocusReason)  # the keyboard's way still works
    qtbot.keyClick(window.diagram, Qt.Key.Key_3)
    assert window.selection.intensities == {window.diagram.state.focus: 3}


def test_a_double_click_on_a_region_selects_it(qtbot: QtBot, window: MainWindow) -> None:
    """Through the window, as a real mouse: Qt sends the second press of a double click
    as a double-click event only, so the region stays selected."""
    handle = window.windowHandle()
    point = window.diagram.viewport().mapTo(window, view_point(window, *INSIDE["back"]))
    QTest.mouseDClick(handle, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                      point)
    qtbot.wait(10)
    assert window.selection.regions == ["back"]


def _give_focus(qtbot: QtBot, widget: QWidget) -> None:
    widget.window().activateWindow()
    widget.setFocus(Qt.FocusReason.OtherFocusReason)
    qtbot.waitUntil(widget.hasFocus)


def test_tab_enters_the_diagram_at_its_first_region_and_shift_tab_at_its_last(
        qtbot: QtBot, window: MainWindow) -> None:
    """Tab from the widget before the diagram starts at the first region and Shift+Tab
    from the one after it at the last, whatever region the keyboard was on before, so
    Tab and Shift+Tab each walk every region before leaving."""
    diagram = window.diagram
    regions = diagram.art.region_ids
    assert regions == ["front", "groin", "outer", "back"]
    before = diagram.previousInFocusChain()
    while not before.focusPolicy() & Qt.FocusPolicy.TabFocus or not before.isVisible():
        before = before.previousInFocusChain()
    diagram.state.focus = "back"  # where an earlier walk left it
    _give_focus(qtbot, before)
    walked = []
    for _ in range(5):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        walked.append(diagram.state.focus if diagram.hasFocus() else "out")
    assert walked == [*regions, "out"]
    assert QApplication.focusWidget() is window.region_list

    diagram.state.focus = "front"
    walked = []
    for _ in range(5):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Backtab,
                       Qt.KeyboardModifier.ShiftModifier)
        walked.append(diagram.state.focus if diagram.hasFocus() else "out")
    assert walked == [*reversed(regions), "out"]
    assert QApplication.focusWidget() is before

    diagram.state.focus = "outer"  # a click or the window coming back keeps the region
    diagram.setFocus(Qt.FocusReason.MouseFocusReason)
    assert diagram.state.focus == "outer"


def test_keyboard_region_focus_shows_the_region_like_hover(qtbot: QtBot,
                                                            window: MainWindow) -> None:
    """Moving the keyboard's region focus names the region under the diagram as the
    mouse does; the accessible description names it and still gives the keys."""
    diagram = window.diagram
    _give_focus(qtbot, window.side_box)  # just before the diagram
    assert "Click where it hurts" in window.hint.text()
    qtbot.keyClick(window.side_box, Qt.Key.Key_Tab)
    assert diagram.hasFocus() and diagram.state.focus == "front"
    assert "Front of the hip" in window.hint.text()
    with qtbot.waitSignal(diagram.region_hovered) as blocker:
        qtbot.keyClick(diagram, Qt.Key.Key_Right)
    assert blocker.args == ["groin"]
    assert "Groin" in window.hint.text() and "inner upper thigh" in window.hint.text()
    assert "Groin" in diagram.accessibleDescription()
    assert "Arrow keys" in diagram.accessibleDescription()
    qtbot.keyClick(diagram, Qt.Key.Key_Tab)
    assert "Outer hip" in window.hint.text() and "Arrow keys" in diagram.accessibleDescription()
    # the pointer passing over a region names it; leaving it names the keyboard's again
    qtbot.mouseMove(diagram.viewport(), view_point(window, 5, 300))  # a move, wherever it was
    assert "Outer hip" in window.hint.text()
    qtbot.mouseMove(diagram.viewport(), view_point(window, *INSIDE["back"]))
    assert "Back of the hip" in window.hint.text()
    qtbot.mouseMove(diagram.viewport(), view_point(window, 5, 590))
    assert "Outer hip" in window.hint.text()
    _give_focus(qtbot, window.region_list)  # the keyboard leaves: the usual hint again
    assert "Click where it hurts" in window.hint.text()


# ---- the labels ---------------------------------------------------------------------------
def ink_extent(window: MainWindow, image: QImage, scene: QRectF) -> QRect:
    """The screen pixels of label ink (dark grey) inside `scene`, a part of the drawing
    with nothing but labels in it; an empty rectangle if there are none."""
    box = window.diagram.mapFromScene(scene).boundingRect() & image.rect()
    found = QRect()
    for y in range(box.top(), box.bottom() + 1):
        for x in range(box.left(), box.right() + 1):
            if luminance(QColor(image.pixel(x, y))) < 150:
                found |= QRect(x, y, 1, 1)
    return found


def test_labels_stay_readable_when_the_drawing_is_small(qtbot: QtBot,
                                                       open_window: Callable[..., MainWindow]
                                                       ) -> None:
    """On a small screen the drawing is shown at about a third of its size; the views'
    titles and the R and L are then no smaller than the window's own text, and they
    follow it when it grows (as in clinic mode)."""
    window = open_window(1024, 600)
    diagram = window.diagram
    assert diagram.transform().m11() < 0.45  # the drawing is small
    image = diagram.viewport().grab().toImage()
    front_title = QRectF(0, 0, 320, 56)  # above the body, which starts at y = 57
    r_corner = QRectF(0, 500, 66, 100)  # beside the legs, which start at x = 73
    cap = QFontMetricsF(diagram.font()).capHeight()
    title, letter = ink_extent(window, image, front_title), ink_extent(window, image, r_corner)
    assert title.height() >= cap - 1 and letter.height() >= cap - 1
    assert diagram.mapToScene(title.bottomLeft()).y() < 56  # clear of the body

    larger = QFont(diagram.font())
    larger.setPointSizeF(larger.pointSizeF() * 1.5)
    diagram.setFont(larger)
    qtbot.wait(10)
    image = diagram.viewport().grab().toImage()
    bigger = ink_extent(window, image, front_title)
    assert bigger.height() >= QFontMetricsF(larger).capHeight() - 1 > title.height()
    assert ink_extent(window, image, r_corner).height() > letter.height()


def test_labels_grow_only_into_the_free_space(window: MainWindow) -> None:
    """However large they are asked to be, a title stays in its own view and above the
    body, and R and L stay beside the legs. Print asks for no minimum: its labels are
    painted as before."""
    art = window.art

    def labels(least_px: float) -> QImage:
        image = QImage(960, 600, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        art.paint_labels(painter, "left", least_px=least_px)
        painter.end()
        return image

    def inked(image: QImage, x0: int, x1: int, y0: int, y1: int) -> bool:
        return any(QColor.fromRgba(image.pixel(x, y)).alpha() > 0
                   for y in range(y0, y1) for x in range(x0, x1))

    huge = labels(400)
    assert inked(huge, 0, 960, 0, 57)  # titles
    assert not inked(huge, 0, 960, 54, 500)  # nothing over the body's top or middle
    for border in (320, 640):  # each title inside its view
        assert not inked(huge, border - 3, border + 3, 0, 57)
    for left in (0, 640):  # the front and back views: R and L only beside the legs
        assert inked(huge, left, left + 70, 500, 600)
        assert not inked(huge, left + 70, left + 250, 500, 600)
    assert labels(0) == labels(1)  # a minimum below their size changes nothing


@pytest.mark.parametrize("line", ["IDLE_LINE", "CONDITION_HATCH", "CONDITION_LINE"])
def test_outlines_and_hatching_stand_out_from_the_body(qapp: object, line: str) -> None:
    """Outlines need 3:1 against what they are drawn on (WCAG 1.4.11): the old blue of an
    unselected region was 2.99:1 on the skin, a condition's hatching 1.7:1 and its dashed
    outline 2.7:1 on the bones."""
    from explorer.ui import diagram_art
    from explorer.ui.contrast import contrast

    svg = (Path(__file__).parent.parent / "resources" / "hip-diagram.svg").read_text()
    for fill in ("#f3efe9", "#e3ded6"):  # the skin, the lighter bones
        assert f'fill="{fill}"' in svg
        assert contrast(QColor(fill), getattr(diagram_art, line)) >= 3.0, fill


def test_a_screen_reader_hears_the_keyboards_region_and_its_state(
        qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    """Moving between regions, ticking one and giving it a pain level each change the
    diagram's accessible name, and each change is announced."""
    from PySide6.QtGui import QAccessible

    announced: list[str] = []
    monkeypatch.setattr(QAccessible, "updateAccessibility", staticmethod(
        lambda event: announced.append(event.object().accessibleName())
        if event.type() == QAccessible.Event.NameChanged else None))
    diagram = window.diagram
    _give_focus(qtbot, window.side_box)
    qtbot.keyClick(window.side_box, Qt.Key.Key_Tab)
    qtbot.keyClick(diagram, Qt.Key.Key_Right)
    qtbot.keyClick(diagram, Qt.Key.Key_Space)
    qtbot.keyClick(diagram, Qt.Key.Key_7)
    assert announced == ["Hip diagram: Front of the hip, not selected",
                         "Hip diagram: Groin, not selected",
                         "Hip diagram: Groin, selected",
                         "Hip diagram: Groin, selected, pain 7 out of 10"]


def test_a_reload_keeps_the_diagrams_ring_where_the_keyboard_was(
        qtbot: QtBot, window: MainWindow) -> None:
    """F5 with the keyboard on a region: the new diagram had the focus but no ring, so
    the next key only showed it again."""
    _give_focus(qtbot, window.side_box)
    qtbot.keyClick(window.side_box, Qt.Key.Key_Tab)  # into the diagram, ring on the front
    qtbot.keyClick(window.diagram, Qt.Key.Key_Right)
    assert window.diagram.state.show_focus and window.diagram.state.focus == "groin"
    window.reload_action.trigger()  # F5
    diagram = window.diagram  # a new one
    assert diagram.hasFocus() and diagram.state.show_focus
    assert diagram.state.focus == "groin"
    qtbot.keyClick(diagram, Qt.Key.Key_Space)  # acts at once
    assert window.selection.regions == ["groin"]


def test_search_results_are_put_away_when_the_keyboard_goes_elsewhere(
        qtbot: QtBot, window: MainWindow) -> None:
    """After a search, a click on the diagram left the results open, squeezing the list
    of conditions on a laptop; the words stay, and a key in the field shows them again."""
    search = window.search
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    search.field.setFocus()
    qtbot.keyClicks(search.field, "hip")
    assert search.results.isVisible()
    click(qtbot, window, *INSIDE["outer"])
    assert window.selection.regions == ["outer"]
    qtbot.waitUntil(lambda: not search.results.isVisible())
    assert search.field.text() == "hip"
    search.field.setFocus()
    qtbot.keyClick(search.field, Qt.Key.Key_Down)
    assert search.results.isVisible()
    search.results.setFocus()  # into its own list: still open
    qtbot.wait(10)
    assert search.results.isVisible()


def test_a_note_above_the_results_is_in_a_readable_grey(qtbot: QtBot,
                                                        window: MainWindow) -> None:
    """"Showing results for …" was drawn in the disabled grey, 2.8:1 on white."""
    from explorer.ui.contrast import READABLE, contrast

    results = window.search.results
    qtbot.keyClicks(window.search.field, "clickng")
    assert results.item(0).text() == "Showing results for “clicking”"
    qtbot.wait(50)
    image = results.viewport().grab(results.visualItemRect(results.item(0))).toImage()
    base = results.palette().base().color()
    darkest = min((QColor(image.pixel(x, y)) for x in range(image.width())
                   for y in range(image.height())), key=lambda c: c.lightness())
    assert contrast(darkest, base) >= READABLE, darkest.name()
