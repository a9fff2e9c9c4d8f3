"""Clinic-mode pen drawings as the user sees them: a stroke marks the same place on the
body when the drawing switches between the right and the left hip (on screen and on the
printed handout), and no stroke reaches outside the drawing, whether dragged into the
white margins of the view or read from a hostile handout file."""

from __future__ import annotations

import json
import math
from collections.abc import Callable
from dataclasses import replace
from itertools import pairwise
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QImage, QMouseEvent, QPainter
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from explorer.model import Content
from explorer.model.handout import Handout, HandoutExercise, read_handout, write_handout
from explorer.report.documents import handout_job
from explorer.report.pages import (
    DPI,
    HEADER_HEIGHT,
    Beside,
    DiagramFlowable,
    Header,
    content_size,
    page_layout,
    paginate,
    paint_pages,
)
from explorer.ui.diagram_art import DiagramArt
from explorer.ui.main_window import MainWindow

ORANGE = "#D55E00"  # one of the clinic pens; nothing else on the diagram is this colour


@pytest.fixture
def window(open_window: Callable[..., MainWindow]) -> MainWindow:
    return open_window(1400, 860)


def rgb(image: QImage) -> np.ndarray:
    """The image's pixels as an array of (red, green, blue) rows."""
    image = image.convertToFormat(QImage.Format.Format_RGB32)
    rows = np.frombuffer(image.constBits(), np.uint8).reshape(image.height(),
                                                             image.bytesPerLine())
    bgra = rows[:, :image.width() * 4].reshape(image.height(), image.width(), 4)
    return bgra[:, :, 2::-1].astype(int)


def orange(pixels: np.ndarray) -> np.ndarray:
    """The orange pen, also where its edge is blended with what is under it (but not the
    condition hatching, #E69F00)."""
    r, g, b = pixels[..., 0], pixels[..., 1], pixels[..., 2]
    return (r > 150) & (g > 40) & (g < 125) & (b < 70)


def red(pixels: np.ndarray) -> np.ndarray:
    r, g, b = pixels[..., 0], pixels[..., 1], pixels[..., 2]
    return (r > 150) & (g < 90) & (b < 90)


Test = Callable[[np.ndarray], np.ndarray]


def count(image: QImage, centre: QPointF, radius: int, test: Test = orange) -> int:
    """Pixels of `image` within `radius` pixels of `centre` (image pixels) passing `test`."""
    cx, cy = round(centre.x()), round(centre.y())
    window = rgb(image)[max(0, cy - radius):cy + radius + 1, max(0, cx - radius):cx + radius + 1]
    return int(test(window).sum())


def outside(image: QImage, area: QRectF, test: Test) -> list[tuple[int, int]]:
    """Pixels passing `test` outside `area` (widened by a pixel for antialiasing)."""
    area = area.adjusted(-1.5, -1.5, 1.5, 1.5)
    ys, xs = np.nonzero(test(rgb(image)))
    return [(int(x), int(y)) for x, y in zip(xs, ys, strict=True)
            if not area.contains(QPointF(x, y))]


def inside(image: QImage, area: QRectF, test: Test) -> int:
    ys, xs = np.nonzero(test(rgb(image)))
    return sum(area.contains(QPointF(x, y)) for x, y in zip(xs, ys, strict=True))


def front_view_of_outer_hip(art: DiagramArt) -> QPointF:
    """A point on the outer hip in the FRONT view of the right hip (drawing coordinates)."""
    front = min(art.path("outer", "right").toSubpathPolygons(),
                key=lambda polygon: polygon.boundingRect().x()).boundingRect()
    point = front.center()
    assert art.path("outer", "right").contains(point)
    return point


def view_around(art: DiagramArt, point: QPointF) -> QRectF:
    """The view (front, side or back: a third of the drawing each) holding `point`."""
    width = art.bounds.width() / 3
    index = int((point.x() - art.bounds.left()) // width)
    return QRectF(art.bounds.left() + width * index, art.bounds.top(), width,
                  art.bounds.height())


def mirrored(art: DiagramArt, point: QPointF) -> QPointF:
    """The same place on the left hip: each view is mirrored about its own centre."""
    centre = view_around(art, point).center().x()
    return QPointF(2 * centre - point.x(), point.y())


def drag(window: MainWindow, view_points: list[QPointF]) -> None:
    """Press, move through and release at `view_points` (viewport pixels)."""
    viewport = window.diagram.viewport()

    def send(kind: QMouseEvent.Type, point: QPointF, button: Qt.MouseButton,
             buttons: Qt.MouseButton) -> None:
        QApplication.sendEvent(viewport, QMouseEvent(kind, point, point, button, buttons,
                                                     Qt.KeyboardModifier.NoModifier))

    left, none = Qt.MouseButton.LeftButton, Qt.MouseButton.NoButton
    send(QMouseEvent.Type.MouseButtonPress, view_points[0], left, left)
    for point in view_points[1:]:
        send(QMouseEvent.Type.MouseMove, point, none, left)
    send(QMouseEvent.Type.MouseButtonRelease, view_points[-1], left, none)


def draw_line_through(window: MainWindow, centre: QPointF) -> None:
    """A short vertical pen line through `centre` (drawing coordinates, as shown now)."""
    diagram = window.diagram
    drag(window, [QPointF(diagram.mapFromScene(QPointF(centre.x(), centre.y() + dy)))
                  for dy in range(-30, 31, 10)])


def screen(qtbot: QtBot, window: MainWindow) -> QImage:
    """The diagram as shown, with no condition hatching."""
    window.selection.select_condition("")
    window.diagram.show_condition_regions(())
    qtbot.wait(10)
    return window.diagram.viewport().grab().toImage()


def on_screen(window: MainWindow, point: QPointF) -> QPointF:
    return QPointF(window.diagram.mapFromScene(point))


def enter_clinic_mode(qtbot: QtBot, window: MainWindow) -> None:
    window.clinic.enter()
    qtbot.waitUntil(lambda: window.geometry() == window.screen().geometry())  # full screen
    qtbot.wait(10)


def set_side(window: MainWindow, side: str) -> None:
    window.side_box.setCurrentIndex(window.side_box.findData(side))
    assert window.selection.side == side and window.diagram.state.side == side


# ---- the Right/Left switch ---------------------------------------------------------------
def test_a_stroke_stays_on_the_outer_hip_when_the_side_switches(qtbot: QtBot,
                                                                 window: MainWindow) -> None:
    art = window.art
    spot = front_view_of_outer_hip(art)
    before = window.geometry()
    enter_clinic_mode(qtbot, window)
    window.clinic.pen_actions[ORANGE].setChecked(True)
    draw_line_through(window, spot)
    window.clinic.leave()
    qtbot.waitUntil(lambda: window.geometry() == before)
    image = screen(qtbot, window)
    assert count(image, on_screen(window, spot), 4) > 10  # drawn where the pen went
    assert count(image, on_screen(window, mirrored(art, spot)), 4) == 0

    set_side(window, "left")  # the body and the regions mirror: so does the stroke
    image = screen(qtbot, window)
    other = mirrored(art, spot)
    assert art.path("outer", "left").contains(other)  # the left hip's outer side
    assert count(image, on_screen(window, other), 4) > 10
    assert count(image, on_screen(window, spot), 4) == 0

    set_side(window, "right")  # and back
    image = screen(qtbot, window)
    assert count(image, on_screen(window, spot), 4) > 10
    assert count(image, on_screen(window, other), 4) == 0


def test_a_stroke_drawn_on_the_left_hip_is_kept_for_either_side(qtbot: QtBot,
                                                                window: MainWindow) -> None:
    """Strokes are kept as on the right hip's drawing (like the regions), so undo, a saved
    handout and a side switch all mean the same place on the body."""
    art = window.art
    right_spot = front_view_of_outer_hip(art)
    left_spot = mirrored(art, right_spot)
    set_side(window, "left")
    window.diagram.set_pen(ORANGE)
    draw_line_through(window, left_spot)
    window.diagram.set_pen("")
    (colour, points), = window.diagram.state.strokes
    assert colour == ORANGE
    assert points[3] == pytest.approx((right_spot.x(), right_spot.y()), abs=1.5)
    image = screen(qtbot, window)
    assert count(image, on_screen(window, left_spot), 4) > 10
    assert count(image, on_screen(window, right_spot), 4) == 0

    set_side(window, "right")
    image = screen(qtbot, window)
    assert count(image, on_screen(window, right_spot), 4) > 10
    assert count(image, on_screen(window, left_spot), 4) == 0
    window.undo_action.trigger()  # the stroke is one step, whatever the side now
    assert window.diagram.state.strokes == []
    edit = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Edit")
    next(a for a in edit.actions() if a.text().startswith("&Redo")).trigger()
    image = screen(qtbot, window)
    assert count(image, on_screen(window, right_spot), 4) > 10


# ---- print -------------------------------------------------------------------------------
def first_page(content: Content, art: DiagramArt, handout: Handout) -> tuple[QImage, QRectF]:
    """The handout's first page as printed (the painter the PDF uses), and where the
    diagram's drawing is on it."""
    job = handout_job(content, art, handout)
    rect = page_layout("A4").paintRectPixels(DPI)
    width, height = float(rect.width()), float(rect.height())
    size = content_size(width, height)
    pages = paginate(job.flowables, size.width(), size.height())
    image = QImage(round(width), round(height), QImage.Format.Format_RGB32)
    image.fill(Qt.GlobalColor.white)
    painter = QPainter(image)
    paint_pages(painter, pages[:1], Header(job.title, side=job.side), width, height,
                lambda: None)
    painter.end()
    beside, top = pages[0][0].flowable, pages[0][0].top
    assert isinstance(beside, Beside) and isinstance(beside.right, DiagramFlowable)
    right = width * beside.right_share
    target = QRectF(width - right, HEADER_HEIGHT + top, right, beside.right.height(right))
    scale = min(target.width() / art.bounds.width(), target.height() / art.bounds.height())
    drawing = QRectF(target.left() + (target.width() - art.bounds.width() * scale) / 2,
                     target.top(), art.bounds.width() * scale, art.bounds.height() * scale)
    return image, drawing


def on_page(art: DiagramArt, drawing: QRectF, point: QPointF) -> QPointF:
    scale = drawing.width() / art.bounds.width()
    return QPointF(drawing.left() + (point.x() - art.bounds.left()) * scale,
                   drawing.top() + (point.y() - art.bounds.top()) * scale)


def test_the_printed_stroke_follows_the_handout_side(window: MainWindow) -> None:
    """The same saved stroke prints on the right hip's outer side for a right-hip handout
    (as before) and on the left hip's for a left-hip one."""
    art, content = window.art, window.content
    spot = front_view_of_outer_hip(art)
    line = tuple((spot.x(), spot.y() + dy) for dy in range(-30, 31, 10))
    for side, there, not_there in (("right", spot, mirrored(art, spot)),
                                   ("left", mirrored(art, spot), spot)):
        image, drawing = first_page(content, art, Handout(side=side,
                                                          drawings=((ORANGE, line),)))
        assert count(image, on_page(art, drawing, there), 2) >= 3, side
        assert count(image, on_page(art, drawing, not_there), 2) == 0, side


def test_the_window_prints_a_drawing_on_the_hip_it_was_drawn_on(qtbot: QtBot,
                                                               window: MainWindow) -> None:
    art = window.art
    spot = mirrored(art, front_view_of_outer_hip(art))
    set_side(window, "left")
    window.diagram.set_pen(ORANGE)
    draw_line_through(window, spot)
    window.diagram.set_pen("")
    handout = window.current_handout()
    assert handout.side == "left"
    image, drawing = first_page(window.content, art, handout)
    assert count(image, on_page(art, drawing, spot), 2) >= 3
    assert count(image, on_page(art, drawing, mirrored(art, spot)), 2) == 0
    set_side(window, "right")  # a handout for the right hip marks the right hip's side
    handout = window.current_handout()
    image, drawing = first_page(window.content, art, handout)
    assert count(image, on_page(art, drawing, mirrored(art, spot)), 2) >= 3
    assert count(image, on_page(art, drawing, spot), 2) == 0


# ---- never outside the drawing ---------------------------------------------------------
def test_a_stroke_dragged_into_the_margins_stays_on_the_drawing(qtbot: QtBot,
                                                                window: MainWindow) -> None:
    enter_clinic_mode(qtbot, window)
    window.clinic.pen_actions[ORANGE].setChecked(True)
    art, viewport = window.art, window.diagram.viewport()
    shown = QRectF(window.diagram.mapFromScene(art.bounds).boundingRect())
    corner = QPointF(viewport.width() - 3, viewport.height() - 3)
    assert not shown.contains(corner), "clinic mode shows white margins around the drawing"
    start = on_screen(window, front_view_of_outer_hip(art))
    drag(window, [start + (corner - start) * (step / 10) for step in range(11)])
    (_, points), = window.diagram.state.strokes
    front = view_around(art, front_view_of_outer_hip(art))  # where the stroke began
    assert all(front.left() <= x <= front.right() and front.top() <= y <= front.bottom()
               for x, y in points), points
    image = screen(qtbot, window)
    assert count(image, start, 3) > 5
    assert outside(image, QRectF(window.diagram.mapFromScene(front).boundingRect()),
                   orange) == []
    window.clinic.leave()


# Each stroke shows only in the view around its middle: the first in the front view,
# the second (its middle at x = 480) in the side view; none in the back view.
HOSTILE = [["#ff0000", [[0, 0], [9999, 9999], [-9999, 5]]],
           ["#ff0000", [[-9039, -9999], [9999, -9999], [9999, 9999], [480, 300]]]]


def test_hostile_coordinates_are_drawn_only_on_the_drawing(qtbot: QtBot, window: MainWindow,
                                                          tmp_path: Path) -> None:
    path = tmp_path / "drawings.json"
    path.write_text(json.dumps({
        "format": "hip-explorer-handout", "version": 1, "side": "right",
        "regions": {"outer": 6}, "exercises": [{"exercise": "bridge"}, {"exercise": "clam"}],
        "drawings": HOSTILE}))
    handout = read_handout(path)
    assert handout.exercises == (HandoutExercise("bridge"), HandoutExercise("clam"))
    for side in ("right", "left"):
        image, drawing = first_page(window.content, window.art, replace(handout, side=side))
        assert outside(image, drawing, red) == [], side  # not over "Your exercises"
        assert inside(image, drawing, red) > 50, side  # the part on the drawing is there
        back = window.art.panels()[2]
        back_on_page = QRectF(on_page(window.art, drawing, back.topLeft()),
                              on_page(window.art, drawing, back.bottomRight()))
        assert inside(image, back_on_page.adjusted(2, 0, 0, 0), red) == 0, side

    enter_clinic_mode(qtbot, window)  # and on screen, where the view has margins
    window.diagram.set_strokes([(c, [(x, y) for x, y in p]) for c, p in HOSTILE])
    image = screen(qtbot, window)
    shown = QRectF(window.diagram.mapFromScene(window.art.bounds).boundingRect())
    assert outside(image, shown, red) == []
    assert count(image, on_screen(window, QPointF(480, 300)), 3, red) > 5
    back = QRectF(window.diagram.mapFromScene(window.art.panels()[2]).boundingRect())
    assert inside(image, back.adjusted(2, 0, 0, 0), red) == 0
    window.clinic.leave()


def test_a_tap_of_the_pen_leaves_a_dot_that_undo_removes(qtbot: QtBot,
                                                         window: MainWindow) -> None:
    enter_clinic_mode(qtbot, window)
    window.clinic.pen_actions[ORANGE].setChecked(True)
    spot = on_screen(window, front_view_of_outer_hip(window.art))
    drag(window, [spot])  # press and release at one place
    assert count(screen(qtbot, window), spot, 4) > 8  # a dot where the pen touched
    window.undo_action.trigger()
    assert window.diagram.state.strokes == []
    assert count(screen(qtbot, window), spot, 4) == 0
    window.clinic.leave()


def test_a_stroke_held_at_the_edge_of_its_view_stays_out_of_the_next(
        qtbot: QtBot, window: MainWindow) -> None:
    """Dragged past the edge into the next view, the stroke stops at its own view's
    edge, and shows there only: on the left hip too, where each view is mirrored about
    its own centre (its end once showed as a dot at the edge of the side view)."""
    enter_clinic_mode(qtbot, window)
    window.clinic.pen_actions[ORANGE].setChecked(True)
    front = window.art.panels()[0]
    drag(window, [on_screen(window, front.center() + QPointF(dx, 0))
                  for dx in range(0, 481, 40)])
    for side in ("right", "left"):
        set_side(window, side)
        image = screen(qtbot, window)
        shown_front = QRectF(window.diagram.mapFromScene(front).boundingRect())
        assert inside(image, shown_front, orange) > 50, side
        assert outside(image, shown_front, orange) == [], side
    window.clinic.leave()


def test_a_stroke_across_a_pain_badge_leaves_its_number_readable(
        qtbot: QtBot, window: MainWindow) -> None:
    """Strokes were drawn over the regions' pain badges: a line across the outer hip's
    half hid its "8", on the screen and on paper."""
    from explorer.model.diagram_shapes import BADGE_RADIUS

    art = window.art
    window.selection.set_regions(["outer"])
    window.selection.set_intensity("outer", 8)
    badge = art.badge_points("outer")[0]
    window.diagram.set_pen(ORANGE)
    draw_line_through(window, badge)
    assert window.diagram.state.strokes
    image = screen(qtbot, window)
    scale = window.diagram.transform().m11()
    centre = on_screen(window, badge)
    assert count(image, centre, round(BADGE_RADIUS * scale * 0.8)) == 0
    assert count(image, on_screen(window, QPointF(badge.x(), badge.y() + 25)), 3) > 0
    paper = QImage(900, 400, QImage.Format.Format_RGB32)  # as print draws it
    paper.fill(Qt.GlobalColor.white)
    painter = QPainter(paper)
    art.paint(painter, QRectF(paper.rect()), window.diagram.state)
    painter.end()
    paper_scale = min(900 / art.bounds.width(), 400 / art.bounds.height())
    left = (900 - art.bounds.width() * paper_scale) / 2
    at = QPointF(left + (badge.x() - art.bounds.left()) * paper_scale,
                 (badge.y() - art.bounds.top()) * paper_scale)
    assert count(paper, at, round(BADGE_RADIUS * paper_scale * 0.8)) == 0


# ---- a drawing a handout file holds ------------------------------------------------------
def circling(window: MainWindow, moves: int, radius: float = 60) -> list[QPointF]:
    """A pen circling the middle of the diagram, as a mouse reports it: a point every
    pixel and a half or so (viewport pixels)."""
    middle = QPointF(window.diagram.viewport().width() / 2,
                     window.diagram.viewport().height() / 2)
    return [middle + QPointF(radius * math.cos(step / 40), radius * math.sin(step / 40))
            for step in range(moves)]


def test_a_long_pen_drawing_saved_in_a_handout_opens_again(window: MainWindow,
                                                          tmp_path: Path) -> None:
    """Circling for a minute made a stroke of a point per mouse report (5,200 here): the
    handout saved, then never opened ("'drawings' should be a list of ...")."""
    from explorer.model.drawing import MAX_STROKE_POINTS
    from explorer.ui.diagram_view import PEN_STEP

    window.diagram.set_pen(ORANGE)
    drag(window, circling(window, 5200))
    strokes = window.diagram.state.strokes
    assert all(len(points) <= MAX_STROKE_POINTS for _, points in strokes)
    step = min(math.dist(a, b) for _, points in strokes for a, b in pairwise(points))
    assert step >= PEN_STEP  # no point on top of the one before
    handout = window.current_handout()
    path = tmp_path / "circled.json"
    write_handout(path, handout)
    reopened = read_handout(path)
    assert reopened.left_out == () and reopened.drawings == handout.drawings


def test_a_stroke_longer_than_a_file_holds_goes_on_as_a_new_one(
        window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    """A stroke with all the points a file holds for one goes on from where it ended,
    unbroken on the screen; one Undo takes the whole drag back."""
    monkeypatch.setattr("explorer.ui.diagram_view.MAX_STROKE_POINTS", 40)
    window.diagram.set_pen(ORANGE)
    drag(window, circling(window, 200, radius=150))
    strokes = window.diagram.state.strokes
    assert len(strokes) > 1 and all(len(points) <= 40 for _, points in strokes)
    assert all(before[1][-1] == after[1][0] for before, after in pairwise(strokes))
    window.undo_action.trigger()
    assert window.diagram.state.strokes == []


def test_the_pen_stops_when_the_drawing_is_as_large_as_a_file_holds(
        window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("explorer.ui.diagram_view.MAX_STROKES", 3)
    window.diagram.set_pen(ORANGE)
    for _ in range(5):
        drag(window, circling(window, 20))
    assert len(window.diagram.state.strokes) == 3
    monkeypatch.setattr("explorer.ui.diagram_view.MAX_DRAWING_POINTS", 30)
    window.diagram.clear_strokes()
    drag(window, circling(window, 200, radius=150))
    assert sum(len(points) for _, points in window.diagram.state.strokes) == 30
