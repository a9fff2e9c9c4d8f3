"""The clickable hip diagram.

Mouse: hover brightens a region and shows its name; click selects it; Ctrl/Shift-click
adds or removes; a click on empty space clears; the wheel over a selected region sets
its pain intensity. Keyboard (once Tab reaches the diagram): arrows or Tab move between
regions and Home/End go to the first/last, Space/Enter toggles, digits set intensity ("1"
"0" typed quickly is 10), +/- step it and Delete takes it away, Escape clears. Tab comes
in at the first region, Shift+Tab at the last; the region the keyboard is on is named
under the diagram as a hovered one is.

As CSS's :focus-visible: the dashed ring on the keyboard's region shows when the keyboard
brought the focus (Tab, a shortcut, or the window coming back to a ring it had), not
after a click. Keys act only on a region the user can see they act on: the ringed one,
or the one just clicked. Otherwise (the focus came at start-up, after a dialog, on
entering clinic mode) the first key that would act on a region only shows the ring
there and names it; Escape, which clears every region, always acts. A frame around the
diagram, like the other panes', shows that it has the keyboard.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Hashable

from PySide6.QtCore import QEvent, QPoint, QPointF, QRect, QRectF, Qt, Signal
from PySide6.QtGui import (
    QAccessible,
    QAccessibleEvent,
    QColor,
    QFocusEvent,
    QFontInfo,
    QHelpEvent,
    QImage,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QRegion,
    QResizeEvent,
    QTransform,
    QWheelEvent,
)
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsScene,
    QGraphicsView,
    QStyleOptionGraphicsItem,
    QToolTip,
    QWidget,
)

from explorer.model import Content
from explorer.model.drawing import MAX_DRAWING_POINTS, MAX_STROKE_POINTS, MAX_STROKES
from explorer.render.html import esc
from explorer.ui.diagram_art import DiagramArt, DiagramState
from explorer.ui.selection import PainKeys, Selection

_ARROWS = (Qt.Key.Key_Left, Qt.Key.Key_Right, Qt.Key.Key_Up, Qt.Key.Key_Down)
_MOVES = (*_ARROWS, Qt.Key.Key_Home, Qt.Key.Key_End)  # the keys that move the ring
# the keys that move between regions or change one (Tab too: see focusNextPrevChild)
_REGION_KEYS = (*_MOVES, Qt.Key.Key_Space,
                Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Plus, Qt.Key.Key_Equal,
                Qt.Key.Key_Minus, Qt.Key.Key_Delete, Qt.Key.Key_Backspace)
# keys held with these are commands (a shortcut, or one whose action is off, such as
# zooming in past the largest size): they do not move, select or set pain levels
_COMMAND_MODIFIERS = (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
                      | Qt.KeyboardModifier.MetaModifier)
# ways in that the keyboard brought: the ring shows
_KEYBOARD_REASONS = (Qt.FocusReason.TabFocusReason, Qt.FocusReason.BacktabFocusReason,
                     Qt.FocusReason.ShortcutFocusReason)
# ways the focus leaves for a while and comes back as it was: a dialog or another
# window, a menu; the ring comes back with it if it showed
_AWHILE = (Qt.FocusReason.ActiveWindowFocusReason, Qt.FocusReason.PopupFocusReason)
# the frame while the diagram has the keyboard: the colour and width of the other
# panes' (main_window.FOCUS_FRAME), drawn inside the view's edge
FRAME_COLOUR, FRAME_WIDTH = QColor("#0072B2"), 2
# a pen point closer than this to the one before it (in drawing units, the diagram being
# 960 wide) adds nothing to see: a mouse reports each pixel it moves, a tablet more
PEN_STEP = 1.5
# a region keeps the pictures of its latest looks (idle, hovered, selected, a pain
# level...): this many, in at most this many bytes (a full-screen diagram at 2x keeps
# fewer, one at least)
LOOKS_KEPT, PICTURE_BYTES = 6, 3 * 1024 * 1024
KEYS = ("Arrow keys or Tab move between regions (Home and End: the first and last), Space "
        "selects, digits set pain intensity (1 then 0 for 10), Delete takes it away, Escape "
        "clears.")


class _Layer(QGraphicsItem):
    """One layer of the drawing, painted by a DiagramArt method.

    The body is cached (repainted only when the side changes); the pen strokes are
    cheap and repaint with every stroke. (The regions are _Region items.)
    """

    def __init__(self, art: DiagramArt, paint: Callable[[QPainter], None],
                 cached: bool = False) -> None:
        super().__init__()
        self._art = art
        self._paint = paint
        if cached:
            self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)

    def boundingRect(self) -> QRectF:
        return self._art.bounds

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        self._paint(painter)


class _Region(QGraphicsItem):
    """One region's overlay, or its pain badges (`badges`: above the pen's strokes), kept
    as a picture: a click repaints only the regions whose look changed (selection, pain
    level, hover, the condition's regions, focus, contrast), and an overlay going back to
    a look it had lays that look's kept picture (clicks between regions draw nothing)."""

    def __init__(self, art: DiagramArt, region: str, state: DiagramState,
                 badges: bool = False) -> None:
        super().__init__()
        self._art, self.region, self._state, self._badges = art, region, state, badges
        self._side = state.side
        self._look: Hashable = None
        # the overlay's pictures by look, for the view's scale: a click back to a look
        # the region had (idle, hovered, selected) lays its picture again, undrawn
        self._pictures: dict[Hashable, QImage] = {}
        self._pictures_for: tuple[float, ...] = ()
        if badges:  # shown only with a pain level, drawn seldom
            self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        self.setZValue(3 if badges else 0)

    def boundingRect(self) -> QRectF:
        if self._badges:
            return self._art.badges_extent(self.region, self._side)
        return self._art.region_extent(self.region, self._side)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:
        if self._badges:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            self._art.paint_region_badges(painter, self.region, self._state)
            return
        transform = painter.worldTransform()  # the item's to the viewport's pixels
        ratio = painter.device().devicePixelRatioF()
        scale = (transform.m11(), transform.m12(), transform.m21(), transform.m22(),
                 transform.dx(), transform.dy(), ratio)
        if scale != self._pictures_for:  # a resize or another screen: all drawn anew
            self._pictures, self._pictures_for = {}, scale
        where = transform.mapRect(self.boundingRect()).toAlignedRect()
        picture = self._pictures.pop(self._look, None) or self._picture(transform, where,
                                                                         ratio)
        self._pictures[self._look] = picture  # the newest last: the oldest goes first
        while len(self._pictures) > 1 and (
                len(self._pictures) > LOOKS_KEPT
                or sum(p.sizeInBytes() for p in self._pictures.values()) > PICTURE_BYTES):
            del self._pictures[next(iter(self._pictures))]
        painter.save()
        painter.setWorldTransform(QTransform())
        painter.drawImage(where.topLeft(), picture)
        painter.restore()

    def _picture(self, transform: QTransform, where: QRect, ratio: float) -> QImage:
        """The overlay as it looks now, drawn as straight onto the view would draw it."""
        picture = QImage(round(where.width() * ratio), round(where.height() * ratio),
                         QImage.Format.Format_ARGB32_Premultiplied)
        picture.setDevicePixelRatio(ratio)
        picture.fill(Qt.GlobalColor.transparent)
        painter = QPainter(picture)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.translate(-where.left(), -where.top())
        painter.setWorldTransform(transform, True)
        self._art.paint_region(painter, self.region, self._state)
        painter.end()
        return picture

    def refresh(self) -> None:
        if self._badges:
            look = self._art.badge_look(self.region, self._state)
        else:
            look = self._art.region_look(self.region, self._state)
        if look == self._look:
            return
        if self._state.side != self._side:
            self.prepareGeometryChange()  # mirrored: the shape moves
            self._side = self._state.side
        self._look = look
        if self._badges:  # without a pain level nothing to draw, nor a cached picture to lay
            self.setVisible(self._art.has_badges(self.region, self._state))
        self.update()


class DiagramView(QGraphicsView):
    # the region the pointer is over or, while it is over none, the one the keyboard is
    # on; "" for neither (the window shows the region's name and description)
    region_hovered = Signal(str)
    strokes_changed = Signal()

    def __init__(self, content: Content, art: DiagramArt, selection: Selection,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._content = content
        self.art = art
        self._selection = selection
        self._pain_keys = PainKeys()
        self.state = DiagramState(selected=set(selection.regions),
                                  intensities=selection.intensities, side=selection.side,
                                  pain_badges=True)
        scene = QGraphicsScene(self)
        scene.setSceneRect(art.bounds)
        self._body = _Layer(art, self._paint_body, cached=True)
        self._region_items = [_Region(art, region, self.state, badges)
                              for badges in (False, True) for region in art.region_ids]
        self._strokes = _Layer(art, lambda p: art.paint_strokes(p, self.state))
        scene.addItem(self._body)
        for item in self._region_items:  # later regions on top, as in print
            scene.addItem(item)
            item.refresh()
        self._strokes.setZValue(2)  # above the regions, below their pain badges
        scene.addItem(self._strokes)
        self.pen_colour = ""  # "" = pen off; otherwise a colour such as "#d55e00"
        # name the region under the pointer in a tooltip (clinic mode, where the line
        # under the diagram that names it is folded away)
        self.name_tips = False
        # the region the last click landed on: keys act on it without the ring (a click
        # and then 7 gives it pain 7); None after a click on empty space or focus-out
        self._clicked: str | None = None
        self._kept: tuple[bool, str | None] = (False, None)  # both while away (_AWHILE)
        self._pen_panel: QRectF | None = None  # the view the stroke being drawn began in
        self.setScene(scene)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setMouseTracking(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMinimumSize(360, 140)  # a short window with a warning strip still fits
        self.setBackgroundBrush(Qt.GlobalColor.white)
        self.setAccessibleName("Hip diagram")
        self._describe_regions()
        selection.regions_changed.connect(self._on_selection_regions_changed)
        selection.side_changed.connect(self._on_selection_side_changed)

    # ---- state from outside ----------------------------------------------------------
    def _refresh_regions(self) -> None:
        for item in self._region_items:
            item.refresh()

    def show_condition_regions(self, regions: tuple[str, ...]) -> None:
        self.state.condition_regions = regions
        self._refresh_regions()

    def set_high_contrast(self, on: bool) -> None:
        if on != self.state.high_contrast:
            self.state.high_contrast = on
            self._body.update()  # the labels darken too
        self._refresh_regions()

    def _paint_body(self, painter: QPainter) -> None:
        self.art.paint_body(painter, self.state.side)
        # the labels no smaller on screen than the window's text, however small the
        # drawing is shown (clinic mode's larger text makes them larger too)
        scale = self.transform().m11() or 1.0
        self.art.paint_labels(painter, self.state.side, high_contrast=self.state.high_contrast,
                              least_px=QFontInfo(self.font()).pixelSize() / scale)

    # ---- the pen ------------------------------------------------------------------------
    def set_pen(self, colour: str) -> None:
        """Draw with `colour` on the diagram; "" turns the pen off (clicks select again)."""
        if not colour:
            self._end_stroke()
        self.pen_colour = colour
        self.viewport().setCursor(Qt.CursorShape.CrossCursor if colour
                                  else Qt.CursorShape.ArrowCursor)

    def set_strokes(self, strokes: list[tuple[str, list[tuple[float, float]]]]) -> None:
        """Show these pen drawings instead (undo, redo, reloaded content)."""
        if strokes != self.state.strokes:
            self.state.strokes = strokes
            self._strokes.update()
            self.strokes_changed.emit()

    def clear_strokes(self) -> None:
        self.set_strokes([])

    def _pen_point(self, event: QMouseEvent, panel: QRectF) -> tuple[float, float]:
        """The pen's point in the coordinates strokes are kept in (the right hip's drawing),
        inside `panel`, the view where the stroke began: the margins around the drawing
        (wide in clinic mode) and the neighbouring views are out of reach."""
        point = self.mapToScene(event.position().toPoint())
        return self.art.pen_point(point, self.state.side, panel)

    def _points_drawn(self) -> int:
        return sum(len(points) for _, points in self.state.strokes)

    def _drawing_full(self) -> bool:
        """Whether the drawing has as many strokes or points as a handout file may hold
        (MAX_STROKES...): with more, a handout would save but never open again, so the
        pen draws no further."""
        return (len(self.state.strokes) >= MAX_STROKES
                or self._points_drawn() >= MAX_DRAWING_POINTS)

    def _pen_to(self, point: tuple[float, float]) -> None:
        """Draw the stroke on to `point`. A stroke with all the points one may hold goes
        on as a new one from where it ended (both are one step for Undo); with no room
        left (see _drawing_full), the pen stops."""
        colour, points = self.state.strokes[-1]
        if math.dist(points[-1], point) < PEN_STEP or \
                self._points_drawn() >= MAX_DRAWING_POINTS:
            return
        if len(points) < MAX_STROKE_POINTS:
            points.append(point)
        elif len(self.state.strokes) < MAX_STROKES:
            self.state.strokes.append((colour, [points[-1], point]))
        else:
            return
        self._strokes.update()

    def _end_stroke(self) -> None:
        if self._pen_panel is not None:
            self._pen_panel = None
            self.strokes_changed.emit()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._end_stroke()
        super().mouseReleaseEvent(event)

    def _on_selection_regions_changed(self) -> None:
        self.state.selected = set(self._selection.regions)
        self.state.intensities = self._selection.intensities
        self._refresh_regions()
        if self.state.show_focus:  # Space or a digit on the keyboard's region
            self._describe_focus()

    def _on_selection_side_changed(self, side: str) -> None:
        self.state.side = side
        if not self.state.show_focus:  # (else it describes the keyboard's region)
            self._describe_regions()
        self._body.update()
        self._strokes.update()  # kept for the right hip, painted mirrored for the left
        self._refresh_regions()

    # ---- geometry ----------------------------------------------------------------------
    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fitInView(self.art.bounds, Qt.AspectRatioMode.KeepAspectRatio)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.FontChange:  # clinic mode: the labels follow
            self._body.update()
        super().changeEvent(event)

    def region_at(self, view_point: QPointF) -> str | None:
        return self.art.region_at(self.mapToScene(view_point.toPoint()), self.state.side)

    # ---- mouse ---------------------------------------------------------------------------
    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self.pen_colour and event.buttons() & Qt.MouseButton.LeftButton:
            if self._pen_panel is not None and self.state.strokes:
                self._pen_to(self._pen_point(event, self._pen_panel))
            return
        region = self.region_at(event.position())
        if region != self.state.hover:
            self.state.hover = region
            self._refresh_regions()
            self._announce()
            if QToolTip.isVisible():  # the tip shown names the region the pointer left
                self._show_name_tip(event.globalPosition().toPoint())
        self.viewport().setCursor(
            Qt.CursorShape.PointingHandCursor if region else Qt.CursorShape.ArrowCursor
        )
        super().mouseMoveEvent(event)

    def leaveEvent(self, event: QEvent) -> None:
        if self.state.hover:
            self.state.hover = None
            self._refresh_regions()
            self._announce()
        super().leaveEvent(event)

    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            self._show_name_tip(event.globalPos())
            return True
        return super().viewportEvent(event)

    def _show_name_tip(self, at: QPoint) -> None:
        info = self._content.regions.get(self.state.hover or "")
        if self.name_tips and info and not self.pen_colour:
            # in the view's type (clinic mode's large one): a tip has its own otherwise
            size = QFontInfo(self.font()).pointSizeF()
            QToolTip.showText(at, f"<div style='font-size: {size:.1f}pt'><b>"
                              f"{esc(info.name)}</b><br>{esc(info.description)}</div>",
                              self.viewport())
        else:
            QToolTip.hideText()

    def _announce(self) -> None:
        """Say which region to name: the one under the pointer, else the one the
        keyboard is on (while its focus ring shows), else none."""
        keyboard = self.state.focus if self.state.show_focus else None
        self.region_hovered.emit(self.state.hover or keyboard or "")

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            return super().mousePressEvent(event)
        self.setFocus(Qt.FocusReason.MouseFocusReason)
        if self.pen_colour:
            event.accept()
            if self._drawing_full():  # the drawing stays as it is (see _drawing_full)
                return
            # a new stroke stays in the view it starts in (and mirrors with that view)
            panel = self.art.panel_at(self.mapToScene(event.position().toPoint()))
            self._pen_panel = panel
            self.state.strokes.append((self.pen_colour, [self._pen_point(event, panel)]))
            self._strokes.update()
            return
        region = self.region_at(event.position())
        additive = bool(event.modifiers() & (Qt.KeyboardModifier.ControlModifier
                                             | Qt.KeyboardModifier.ShiftModifier))
        if self.state.show_focus:  # the mouse took over from the keyboard
            self.state.show_focus = False
            self._refresh_regions()
            self._announce()
        self._clicked = region
        if region:
            self.state.focus = region
            self._selection.toggle_region(region, additive)
        elif not additive:
            self._selection.clear_regions()
        event.accept()

    def wheelEvent(self, event: QWheelEvent) -> None:
        region = self.region_at(event.position())
        if region and region in self._selection.regions:
            step = 1 if event.angleDelta().y() > 0 else -1
            current = self._selection.intensities.get(region, 0)
            self._selection.set_intensity(region, current + step)
            event.accept()
        else:
            event.ignore()

    # ---- keyboard ------------------------------------------------------------------------
    def focusInEvent(self, event: QFocusEvent) -> None:
        self._focus_came(event.reason())
        super().focusInEvent(event)

    def setFocus(self, reason: Qt.FocusReason = Qt.FocusReason.OtherFocusReason) -> None:
        """Given the focus for a keyboard reason (Tab, a shortcut) while it has it already,
        unseen (at start-up, say), show the ring as the keyboard's way in does: Qt sends
        no focus event to a widget that has the focus."""
        had = self.hasFocus()
        super().setFocus(reason)
        if had and reason in _KEYBOARD_REASONS:
            self._focus_came(reason)

    def _focus_came(self, reason: Qt.FocusReason) -> None:
        """Tab comes in at the first region and Shift+Tab at the last, so Tab walks
        them all before leaving; other ways in (a click, the window coming back) keep the
        region the keyboard was on. The ring shows for the keyboard's ways in, and again
        when the window or a menu gives back a focus that had it."""
        ids = self.art.region_ids
        if ids and reason == Qt.FocusReason.TabFocusReason:
            self.state.focus = ids[0]
        elif ids and reason == Qt.FocusReason.BacktabFocusReason:
            self.state.focus = ids[-1]
        elif self.state.focus is None and ids:
            self.state.focus = ids[0]
        back = self._kept if reason in _AWHILE else (False, None)
        self._kept = (False, None)
        self.state.show_focus = back[0] or reason in _KEYBOARD_REASONS
        self._clicked = back[1]
        self._refresh_regions()
        if self.state.show_focus and self.state.focus:
            self._describe_focus()
            self.region_hovered.emit(self.state.focus)
            self._selection.focus_region(self.state.focus)
        self._update_frame()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        self._kept = ((self.state.show_focus, self._clicked) if event.reason() in _AWHILE
                      else (False, None))
        self._clicked = None  # coming back another way, the keys show a region first
        if self.state.show_focus:
            self.state.show_focus = False
            self._refresh_regions()
            self._announce()
        self._update_frame()
        super().focusOutEvent(event)

    def _keys_shown(self) -> bool:
        """Whether the user can see which region the keys act on: its ring shows, or
        they have just clicked it."""
        return self.state.show_focus or (
            self.state.focus is not None and self.state.focus == self._clicked)

    def focusNextPrevChild(self, next: bool) -> bool:
        """Tab walks through the regions first, then leaves the diagram. With the ring
        hidden, Tab first shows it on the keyboard's region (at start-up, the first):
        the walk never skips a region unseen."""
        ids = self.art.region_ids
        if self.hasFocus() and self.state.focus in ids:
            if not self._keys_shown():
                self._move_focus(self.state.focus)
                return True
            index = ids.index(self.state.focus) + (1 if next else -1)
            if 0 <= index < len(ids):
                self._move_focus(ids[index])
                return True
        return super().focusNextPrevChild(next)

    def _move_focus(self, region: str) -> None:
        self.state.focus = region
        self.state.show_focus = True
        self._refresh_regions()
        self._describe_focus()
        self.region_hovered.emit(region)  # named as on hover: the latest move wins
        self._selection.focus_region(region)  # the region list's current row follows

    # ---- the frame while the diagram has the keyboard ---------------------------------
    def _update_frame(self) -> None:
        """Repaint only the viewport's edge, where the frame is: the drawing inside is
        not painted again for a focus change (a click that brings the focus stays fast)."""
        rect = self.viewport().rect()
        inner = rect.adjusted(FRAME_WIDTH, FRAME_WIDTH, -FRAME_WIDTH, -FRAME_WIDTH)
        self.viewport().update(QRegion(rect).subtracted(QRegion(inner)))

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if self.hasFocus():  # as the other panes: a blue frame while it has the keyboard
            painter = QPainter(self.viewport())
            pen = QPen(FRAME_COLOUR, FRAME_WIDTH)
            pen.setJoinStyle(Qt.PenJoinStyle.MiterJoin)
            painter.setPen(pen)
            half = FRAME_WIDTH / 2
            painter.drawRect(QRectF(self.viewport().rect()).adjusted(half, half, -half, -half))
            painter.end()

    def _describe_regions(self) -> None:
        """Before the keyboard is on a region: the hip shown and its regions by name."""
        names = ", ".join(info.name for info in self._content.regions.values())
        self.setAccessibleDescription(
            f"{self.state.side.capitalize()} hip. Regions: {names}. {KEYS}")

    def _describe_focus(self) -> None:
        """For a screen reader: the name says the keyboard's region and its state (and
        is announced when it changes), the description what the region is, then the
        keys."""
        region = self.state.focus or ""
        info = self._content.regions.get(region)
        if not info:
            return
        self.setAccessibleDescription(f"{info.name}: {info.description} {KEYS}")
        chosen = region in self._selection.regions
        pain = self._selection.intensities.get(region) if chosen else None
        name = (f"Hip diagram: {info.name}, {'selected' if chosen else 'not selected'}"
                + (f", pain {pain} out of 10" if pain is not None else ""))
        if name != self.accessibleName():
            self.setAccessibleName(name)
            QAccessible.updateAccessibility(QAccessibleEvent(self, QAccessible.Event.NameChanged))

    def event(self, event: QEvent) -> bool:
        """Arrow keys, Home and End stay with the diagram while its region focus is
        shown (it was reached by keyboard), even where the window uses them as shortcuts
        (clinic mode steps through conditions with them after a mouse click)."""
        if (event.type() == QEvent.Type.ShortcutOverride and self.state.show_focus
                and isinstance(event, QKeyEvent) and event.key() in _MOVES
                and not event.modifiers()):
            event.accept()
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.modifiers() & _COMMAND_MODIFIERS:  # Ctrl++ past the largest zoom, Ctrl+9:
            return super().keyPressEvent(event)  # a shortcut's key, not a region's
        ids = self.art.region_ids
        key = event.key()
        focus = self.state.focus if self.state.focus in ids else (ids[0] if ids else None)
        if focus is None:
            return super().keyPressEvent(event)
        if not self._keys_shown() and (
                key in _REGION_KEYS or Qt.Key.Key_0 <= key <= Qt.Key.Key_9):
            # the user cannot see where this key would act: it only shows them (the ring
            # and the name); the next one acts
            self._move_focus(focus)
            event.accept()
            return
        index = ids.index(focus)
        if key in (Qt.Key.Key_Right, Qt.Key.Key_Down):
            self._move_focus(ids[(index + 1) % len(ids)])
        elif key in (Qt.Key.Key_Left, Qt.Key.Key_Up):
            self._move_focus(ids[(index - 1) % len(ids)])
        elif key in (Qt.Key.Key_Home, Qt.Key.Key_End):
            self._move_focus(ids[0 if key == Qt.Key.Key_Home else -1])
        elif key in (Qt.Key.Key_Space, Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._selection.toggle_region(focus, additive=True)
        elif key == Qt.Key.Key_Escape and self._selection.regions:
            self._selection.clear_regions()
        elif self._pain_keys.clears(key):
            self._selection.clear_intensity(focus)
        elif (level := self._pain_keys.level(
                key, focus, self._selection.intensities.get(focus, 0))) is not None:
            # as the wheel: for a selected region, or the one the keyboard is on (the
            # key selects it); not for one a click just cleared
            if focus in self._selection.regions or self.state.show_focus:
                self._selection.set_intensity(focus, level)
        else:
            return super().keyPressEvent(event)
        event.accept()
