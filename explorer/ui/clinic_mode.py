"""Clinic mode: full screen for showing a patient.

The diagram is large, the text is large enough to read from a metre away and plain
language only (clinician sections hidden). Left/Right or Page Up/Down step through the
ranked conditions, lighting their regions (in the panel being read, Page Up/Down page
through it instead); a pen draws on the diagram. The toolbar's "2 of 7" tells a screen
reader which condition is shown. Leaving restores the window exactly as it was:
geometry, window state, splitters, text size, the keyboard's pane and the place read.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QObject, QRect, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import (
    QAccessible,
    QAccessibleEvent,
    QAction,
    QActionGroup,
    QColor,
    QIcon,
    QKeySequence,
    QPainter,
    QPen,
    QShortcut,
)
from PySide6.QtWidgets import (
    QAbstractSlider,
    QLabel,
    QToolBar,
    QToolButton,
)

from explorer.ui.icons import arrow_icon, drawn_icon
from explorer.ui.selection import side_box

if TYPE_CHECKING:
    from explorer.ui.main_window import MainWindow, WorkingState

PEN_COLOURS = {"Orange": "#D55E00", "Blue": "#0072B2", "Black": "#1c2430"}  # pen colours
SWATCH_EDGE = "#4a5566"  # around a pen's swatch: 3:1 or more on the toolbar's grey
# Type to read from a metre away: 17 pt body text (the panel's is 10.5 pt), headings in
# proportion, and 15 pt in the rest of the window; on a screen under FULL_TYPE_HEIGHT
# points tall (a laptop, or 1080p at 200%: 540) as much smaller as the screen is, to
# LEAST_TYPE_SHARE: in full size the title alone took the panel's height.
PANEL_PT, SMALL_PT, BOX_TITLE_PT, WINDOW_PT, TICK_PX = 17, 14, 20, 15, 22
FULL_TYPE_HEIGHT, LEAST_TYPE_SHARE = 1000, 0.7


def type_share(screen_height: int) -> float:
    """How large clinic mode's type is on a screen this tall, against its full size."""
    return min(1.0, max(LEAST_TYPE_SHARE, screen_height / FULL_TYPE_HEIGHT))


def panel_style(share: float) -> str:
    """The detail panel's style sheet in clinic type at `share` of its full size."""
    return (f"body, p, li, td, th, span {{ font-size: {PANEL_PT * share:.1f}pt; }} "
            f".small, .small a {{ font-size: {SMALL_PT * share:.1f}pt; }} "
            f".boxtitle {{ font-size: {BOX_TITLE_PT * share:.1f}pt; }}")


def window_style(share: float) -> str:
    """The window's style sheet in clinic type at `share` of its full size."""
    tick = round(TICK_PX * share)
    return (f"QWidget {{ font-size: {WINDOW_PT * share:.1f}pt; }} "
            f"QListView::indicator, QCheckBox::indicator {{ width: {tick}px; "
            f"height: {tick}px; }}")


_PAGE_KEYS = (Qt.Key.Key_PageUp, Qt.Key.Key_PageDown)
CLINIC_BANNER_SHARE = 0.4  # of the screen's height for a warning, in clinic mode's type
STEP_KEYS = ("Left and Right arrows or Page Up and Page Down step through the conditions; "
             "Home and End go to the first and the last.")


class ClinicMode(QObject):
    changed = Signal(bool)  # entered (True) or left (False)

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.active = False
        self._follows_screen = False  # connected to the window's screen changes
        self._saved: dict[str, object] = {}
        self._working: WorkingState | None = None
        self.toolbar = self._build_toolbar()
        self._shortcuts = []
        for keys, step in (((Qt.Key.Key_Right, Qt.Key.Key_PageDown), 1),
                           ((Qt.Key.Key_Left, Qt.Key.Key_PageUp), -1)):
            for key in keys:
                shortcut = QShortcut(QKeySequence(key), window)
                shortcut.setEnabled(False)
                shortcut.activated.connect(
                    lambda s=step, page=key in _PAGE_KEYS: self._on_step_key(s, page))
                self._shortcuts.append(shortcut)
        for key, end in ((Qt.Key.Key_Home, 0), (Qt.Key.Key_End, -1)):
            shortcut = QShortcut(QKeySequence(key), window)
            shortcut.setEnabled(False)
            shortcut.activated.connect(lambda end=end: self._on_end_key(end))
            self._shortcuts.append(shortcut)
        s = window.selection
        for signal in (s.condition_selected, s.regions_changed, s.answers_changed):
            # after the window has re-ranked its list
            signal.connect(lambda *_: QTimer.singleShot(0, self._update_position))
        leave = QShortcut(QKeySequence(Qt.Key.Key_Escape), window)
        leave.setEnabled(False)
        leave.activated.connect(self.leave)
        self._shortcuts.append(leave)

    def _build_toolbar(self) -> QToolBar:
        bar = QToolBar("Clinic")
        bar.setObjectName("clinicToolbar")
        bar.setMovable(False)
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        previous = bar.addAction(arrow_icon(forward=False), "Previous",
                                 lambda: self.step(-1))
        self.position = QLabel()  # "2 of 7": where the condition shown is in the list
        self.position.setAccessibleName("Position in the list")  # until it shows one
        self.position.setAccessibleDescription(STEP_KEYS)
        self.position.setContentsMargins(6, 0, 6, 0)
        # centred between the arrows in the room kept for its longest text
        self.position.setAlignment(Qt.AlignmentFlag.AlignCenter)
        bar.addWidget(self.position)
        following = bar.addAction(arrow_icon(forward=True), "Next",
                                  lambda: self.step(1))
        # Page Up/Down first: they step wherever the keyboard is, the arrows not in the
        # diagram (where they move between regions)
        previous.setToolTip("Previous condition (Page Up, or Left)")
        following.setToolTip("Next condition (Page Down, or Right)")
        self._arrows = (previous, following)
        bar.addSeparator()
        self.side_box = side_box(self.window.selection)  # the main toolbar's is hidden
        bar.addWidget(self.side_box)
        bar.addSeparator()
        group = QActionGroup(bar)
        group.setExclusionPolicy(QActionGroup.ExclusionPolicy.ExclusiveOptional)
        self.pen_actions: dict[str, QAction] = {}
        for name, colour in PEN_COLOURS.items():
            action = QAction(_swatch(colour), name, bar)
            action.setToolTip(f"Draw on the diagram in {name.lower()}")
            action.setCheckable(True)
            action.toggled.connect(lambda on, c=colour: self._on_pen_toggled(c, on))
            group.addAction(action)
            bar.addAction(action)
            # what it is, also where a narrow screen shows the swatch alone
            bar.widgetForAction(action).setAccessibleName(f"{name} pen")
            self.pen_actions[colour] = action
        bar.addAction(self.window.undo_action)  # a stroke, a cleared drawing, a region
        bar.addAction(self.window.clear_drawing_action)
        bar.addSeparator()
        bar.addAction(self.window.contrast_action)  # one switch, here and in View
        bar.addSeparator()
        self.leave_action = bar.addAction("Leave (Esc)", self.leave)
        self.leave_action.setToolTip("Leave clinic mode (Esc)")
        bar.hide()
        return bar

    # ---- entering and leaving ------------------------------------------------------
    def toggle(self) -> None:
        if self.active:
            self.leave()
        else:
            self.enter()

    def enter(self) -> None:
        if self.active:
            return
        w = self.window
        self._saved = {
            "geometry": w.geometry(), "state": w.saveState(),
            "maximized": w.isMaximized(), "patient": w.detail.patient,
            "style": w.styleSheet(), "menu": w.menuBar().isVisible(),
            "status": w.statusBar().isVisible(),
            "contrast": w.diagram.state.high_contrast,
        }
        # the columns, the keyboard's pane and the place read, as a reload keeps them
        self._working = w.working_state()
        self.active = True
        w.fit_columns()  # side by side again, if a narrow window showed one at a time
        w.detail.patient = True
        self._set_type()
        w.hint_wanted = False  # the presenter clicks: the diagram gets the room, and a
        w.place_hint()  # tooltip names the region pointed at instead
        w.menuBar().hide()
        w.statusBar().hide()  # an empty strip under the full screen otherwise
        w.banner.set_max_share(CLINIC_BANNER_SHARE)
        for bar in w.findChildren(QToolBar):
            if bar is not self.toolbar:
                bar.hide()
        if self.toolbar.parent() is None:
            w.addToolBar(Qt.ToolBarArea.TopToolBarArea, self.toolbar)
        self.toolbar.show()
        self._fit_toolbar()
        handle = w.windowHandle()
        if handle is not None and not self._follows_screen:  # moved to another screen
            handle.screenChanged.connect(self._on_screen_changed)
            self._follows_screen = True
        width = max(w.width(), 1200)  # the list column steps aside: arrows step instead
        w.splitter.setSizes([int(width * 0.58), 0, int(width * 0.42)])
        w.splitter.widget(1).hide()  # and Tab no longer walks into it unseen
        # a reload would rebuild the widgets in their working layout, and Find would send
        # the keys to the search field folded away: not while presenting
        for action in (w.reload_action, w.find_action):
            action.setEnabled(False)
        for shortcut in self._shortcuts:
            shortcut.setEnabled(True)
        # keys go to what shows: not to a search field or question now folded away
        w.diagram.setFocus(Qt.FocusReason.OtherFocusReason)
        self._update_position()
        w.showFullScreen()
        self.changed.emit(True)

    def _set_type(self) -> None:
        """Clinic type in the detail panel and the window, sized for the screen the
        window is on (see type_share)."""
        w = self.window
        share = type_share(w.screen().availableGeometry().height())
        w.detail.extra_style = panel_style(share)
        w.detail.style_scale = PANEL_PT * share / 10.5  # (the panel's usual body text)
        w.detail.refresh()
        w.setStyleSheet(window_style(share))

    def _on_screen_changed(self) -> None:
        """The window went to another screen while presenting: the type and the toolbar
        are fitted to it (a laptop's clinic type stayed small on a large screen, and a
        large screen's toolbar hid Leave on a laptop)."""
        if self.active:
            self._set_type()
            self._fit_toolbar()

    def leave(self) -> None:
        if not self.active:
            return
        w = self.window
        for shortcut in self._shortcuts:
            shortcut.setEnabled(False)
        for action in self.pen_actions.values():
            action.setChecked(False)
        self.toolbar.hide()
        w.setStyleSheet(str(self._saved["style"]))
        w.detail.extra_style, w.detail.style_scale = "", 1.0
        w.detail.patient = bool(self._saved["patient"])
        w.detail.refresh()
        w.contrast_action.setChecked(bool(self._saved["contrast"]))
        w.diagram.set_high_contrast(bool(self._saved["contrast"]))
        w.showNormal()
        w.restoreState(_bytes(self._saved["state"]))
        if self._saved["maximized"]:
            w.showMaximized()
        elif isinstance(self._saved["geometry"], QRect):
            w.setGeometry(self._saved["geometry"])
        w.splitter.widget(1).show()
        w.hint_wanted = True
        w.place_hint()
        for action in (w.reload_action, w.find_action):
            action.setEnabled(True)
        w.menuBar().setVisible(bool(self._saved["menu"]))
        w.statusBar().setVisible(bool(self._saved["status"]))
        w.banner.set_max_share(type(w.banner).max_share)  # the working window's
        self.active = False
        if self._working is not None:
            w.put_back(self._working)
        self.changed.emit(False)

    def _fit_toolbar(self) -> None:
        """The toolbar's buttons in the rest's 15 pt type where the screen is wide enough
        for all of them, else in 11 pt, else the pens as swatches without their names,
        else the arrows without theirs too, else in 9 pt, else with one-word names
        ("Clear", "Contrast", "Leave": 1920 x 1080 at 300% is 640 points wide): none goes
        into the overflow menu (Leave least of all). A name left out or shortened still
        names the button in full for a screen reader, and in its tooltip."""
        room = self.window.screen().geometry().width()
        for size, pen_names, arrow_names, short in (
                (15, True, True, False), (11, True, True, False), (11, False, True, False),
                (11, False, False, False), (9, False, False, False), (9, False, False, True)):
            self.toolbar.setStyleSheet(
                f"QToolButton, QLabel, QComboBox {{ font-size: {size}pt; }}")
            self._hold_position_width()
            self._shorten_names(short)
            for actions, names in ((self.pen_actions.values(), pen_names),
                                   (self._arrows, arrow_names)):
                for action in actions:
                    button = self.toolbar.widgetForAction(action)
                    if isinstance(button, QToolButton):
                        button.setToolButtonStyle(
                            Qt.ToolButtonStyle.ToolButtonTextBesideIcon if names
                            else Qt.ToolButtonStyle.ToolButtonIconOnly)
            if self.toolbar.sizeHint().width() <= room:
                return

    def _shorten_names(self, short: bool) -> None:
        """One word on the buttons of the shared actions (their menus keep the full text:
        a toolbar shows an action's icon text) and on Leave."""
        w = self.window
        for action, word in ((w.clear_drawing_action, "Clear"),
                             (w.contrast_action, "Contrast")):
            action.setIconText(word if short else "")  # "": the action's own text
            button = self.toolbar.widgetForAction(action)
            if button is not None:
                button.setAccessibleName(action.text().replace("&", ""))
        self.leave_action.setText("Leave" if short else "Leave (Esc)")

    def _hold_position_width(self) -> None:
        """Room for the position's longest text in its type, so that stepping through
        the list never pushes a button off the toolbar the fitting made room for."""
        label = self.position
        label.ensurePolished()
        count = len(self.window.content.conditions)
        metrics = label.fontMetrics()
        margins = label.contentsMargins()
        label.setMinimumWidth(margins.left() + margins.right() + max(
            metrics.horizontalAdvance(text)
            for text in (f"{count} conditions", f"{count} of {count}")))

    # ---- presenting --------------------------------------------------------------------
    def step(self, direction: int) -> None:
        """Show the next (or previous) condition of the ranked list, wrapping around."""
        ids = self.window.conditions.ids()
        if not ids:
            return
        current = self.window.selection.condition
        index = ids.index(current) + direction if current in ids else (
            0 if direction > 0 else len(ids) - 1)
        self.window.selection.select_condition(ids[index % len(ids)])

    def _on_step_key(self, direction: int, page: bool) -> None:
        """Left/Right and Page Up/Down step through the conditions, except that Page keys
        page through the panel while it has the keyboard, as they do outside clinic mode
        (the shortcut takes them from the panel before it sees them)."""
        panel = self.window.detail
        if page and panel.hasFocus():
            panel.verticalScrollBar().triggerAction(
                QAbstractSlider.SliderAction.SliderPageStepAdd if direction > 0
                else QAbstractSlider.SliderAction.SliderPageStepSub)
        else:
            self.step(direction)

    def _on_end_key(self, end: int) -> None:
        """Home and End show the first (`end` 0) and the last (-1) condition; in the panel,
        while it has the keyboard, they go to the top and the bottom of its page."""
        panel = self.window.detail
        if panel.hasFocus():
            panel.verticalScrollBar().triggerAction(
                QAbstractSlider.SliderAction.SliderToMinimum if end == 0
                else QAbstractSlider.SliderAction.SliderToMaximum)
            return
        ids = self.window.conditions.ids()
        if ids:
            self.window.selection.select_condition(ids[end])

    def _update_position(self) -> None:
        """The toolbar's "2 of 7", and for a screen reader "Condition 2 of 7: <name>",
        announced as the name changes (the label has no focus to be read from)."""
        if not self.active:  # updated on entering; not on every click while working
            return
        ids = self.window.conditions.ids()
        current = self.window.selection.condition
        condition = self.window.content.conditions.get(current)
        if current in ids and condition is not None:
            text = f"{ids.index(current) + 1} of {len(ids)}"
            name = f"Condition {text}: {condition.name}"
        else:
            text = name = f"{len(ids)} conditions"
        self.position.setText(text)
        if name != self.position.accessibleName():
            self.position.setAccessibleName(name)
            QAccessible.updateAccessibility(
                QAccessibleEvent(self.position, QAccessible.Event.NameChanged))

    def _on_pen_toggled(self, colour: str, on: bool) -> None:
        if on:
            self.window.diagram.set_pen(colour)
        elif self.window.diagram.pen_colour == colour:
            self.window.diagram.set_pen("")


def _swatch(colour: str) -> QIcon:
    """A square of the pen's colour, outlined (black and orange on the grey bar), with
    room after it so that it does not touch the pen's name."""
    def paint(painter: QPainter, box: QRectF) -> None:
        painter.setPen(QPen(QColor(SWATCH_EDGE), 1))
        painter.setBrush(QColor(colour))
        painter.drawRect(QRectF(0.5, 0.5, box.height() - 1, box.height() - 1))
    return drawn_icon(paint, 22, 16)


def _bytes(value: object) -> QByteArray:
    return value if isinstance(value, QByteArray) else QByteArray()
