"""The main window: composition and wiring only.

Widgets get what they show in their constructors and talk through the one
`Selection` object; this class connects signals, owns menus and remembers state.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from PySide6.QtCore import QByteArray, QEvent, QObject, QSize, Qt
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QHelpEvent,
    QIcon,
    QKeySequence,
    QMouseEvent,
    QResizeEvent,
)
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QToolBar,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from explorer import __version__
from explorer.model import Condition, Content
from explorer.paths import (
    builtin_content_dir,
    content_layers,
    resources_dir,
    user_content_dir,
)
from explorer.render.html import DISCLAIMER, esc
from explorer.ui.clinic_mode import ClinicMode
from explorer.ui.condition_list import ConditionList
from explorer.ui.detail_panel import DetailPanel, Place
from explorer.ui.diagram_art import DiagramArt
from explorer.ui.diagram_view import DiagramView
from explorer.ui.dialogs import (
    FollowingScroll,
    close_button,
    fit_to_screen,
    fitting_minimum,
    plain_tip,
    text_dialog,
)
from explorer.ui.history import DiagramInput, History, describe, pain_levels_only
from explorer.ui.icons import arrow_icon
from explorer.ui.mnemonics import mnemonic, with_mnemonic
from explorer.ui.pane_tabs import COMPACT_BELOW, CONDITIONS, DETAILS, DIAGRAM, PaneTabs
from explorer.ui.refine_panel import RedFlagBanner, RefinePanel
from explorer.ui.region_list import RegionList
from explorer.ui.search_box import SearchBox, SearchState
from explorer.ui.selection import Selection, side_box
from explorer.ui.settings import UNWRITABLE, Settings
from explorer.ui.status_bar import StatusBar, StatusButton
from explorer.ui.trail import Trail

if TYPE_CHECKING:  # the handout model is imported when a handout is first made
    from explorer.model.handout import Handout
    from explorer.model.running_load import Baseline
    from explorer.ui.handout_dialog import HandoutDialog

ABOUT_SOURCES = 200  # Help > About lists this many sources (a clinic may add hundreds)
ZOOM_FACTOR, MIN_ZOOM, MAX_ZOOM = 1.15, -3, 6  # the panel's text: 66% to 231%
BANNER_MARGIN = 6  # pixels above the warning strip
FEW_RESULTS_HEIGHT = 120  # pixels: about four search results
CHART_DIALOG = QSize(900, 700)  # the least a chart opens at, where the screen has room
# a frame that shows which of the big scrolling boxes has the keyboard focus (the
# style's own frame looks the same either way); the same width both ways: nothing moves
FOCUS_FRAME = ("{kind} {{ border: 1px solid #9aa3ad; padding: 1px; }} "
               "{kind}:focus {{ border: 2px solid #0072B2; padding: 0px; }}")
HINT = ("Click where it hurts (or Tab in, then the arrow keys and Space). Ctrl-click adds "
        "or removes a region; the mouse wheel or number keys set pain 0-10.")


# the window's attributes that show content, rebuilt by a reload
CONTENT_WIDGETS = ("diagram", "region_list", "search", "conditions", "refine", "detail")


class WorkingState(NamedTuple):
    """What a content reload keeps of the content widgets besides the selection."""

    columns: QByteArray  # the splitters' sizes
    middle: QByteArray
    search: SearchState  # the words searched for, and the results as they were
    page: tuple[str, str]  # the entry the detail panel showed
    # the place read in it: in pixels, the place was lost when the panel came back at
    # another width (clinic mode left at 300%)
    panel_at: Place | None
    focus: str  # which of CONTENT_WIDGETS had the keyboard focus
    question: str  # the Refine question whose box had it (its clue id), if one did
    ring: str | None  # the diagram's keyboard region, if its ring showed
    region_row: str  # the region on the region list's current row
    link: tuple[int, int, str]  # the link the keyboard is on in the panel (keyboard_link)


class MainWindow(QMainWindow):
    def __init__(self, content: Content, art: DiagramArt, settings: Settings,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.content = content
        self.settings = settings
        self.selection = Selection(self)
        self._zoom_level = 0
        self.chart_dialogs: dict[str, QDialog] = {}
        self.planner_runs: tuple[tuple[int, float], ...] = ()  # kept for the handout
        self.planner_unit = "km"
        self.planner_baseline: Baseline | None = None
        self.planner_out_of_date = False  # its entries have a problem: the plan is older
        self.handout_dialog: HandoutDialog | None = None
        self.setWindowIcon(QIcon(str(resources_dir() / "icons" / "hip-explorer.svg")))
        # narrower than COMPACT_BELOW, the columns show one at a time: half of a 1366 x
        # 768 screen holds the window
        fitting_minimum(self, 480, 520)

        self.art = art
        self.layers: list[Path] = list(content.layers)
        self._problem_button: QPushButton | None = None
        self.problems_dialog: QDialog | None = None  # Help > Content problems, when open
        self.preferences_dialog: QDialog | None = None  # one of each, brought forward
        self.about_dialog: QDialog | None = None
        self.trail: Trail[tuple[str, str]] = Trail()  # what the detail panel showed
        # (condition a region change pushed out, the best match shown in its place)
        self._displaced: tuple[str, str] | None = None
        # (what was chosen, what a reload could show of it), while they differ
        self._lost: tuple[tuple[DiagramInput, str], tuple[DiagramInput, str]] | None = None
        self.hint_wanted = True  # the line under the diagram (clinic mode folds it away)
        self._build_content_widgets()
        self.history = History(self, self._diagram_input, self._restore_diagram_input,
                               lambda b, a: describe(b, a, self.content.region_name),
                               pain_levels_only)
        self.selection.regions_changed.connect(self.history.record)
        self.selection.answers_changed.connect(self.history.record)
        self._build_actions()
        self.clinic = ClinicMode(self)
        self._connect()
        self._connect_content_widgets()
        self._refresh_list()
        self._update_title()
        self._restore()
        self._update_clear_actions()
        self.history.reset()  # the last session's regions are not a step to undo
        self._restart_trail()  # nor what restoring them showed on the way a step back
        self._show_problem_notice()
        self._say_settings_trouble(settings)

    def _say_settings_trouble(self, settings: Settings) -> None:
        """A settings file that could not be read or cannot be written, said in the status
        bar: where it is, or in a narrow window its name (the tooltip says where)."""
        said = []
        for file in (settings.file_name, Path(settings.file_name).name):
            if settings.damaged and not settings.writable:  # both, said short enough to fit
                said.append(f"The settings file {file} cannot be read or written: the "
                            "defaults are used until Hip Explorer closes.")
            elif settings.damaged:
                said.append(f"The settings file {file} is damaged or unreadable; what could "
                            "not be read is back to its default.")
            else:
                said.append(UNWRITABLE.format(file=file) if not settings.writable else "")
        if said[0]:
            self.status.say(said[0], 15000, said[1])

    def _build_content_widgets(self) -> None:
        """Everything that shows content; rebuilt when content is reloaded."""
        content, art = self.content, self.art
        self.diagram = DiagramView(content, art, self.selection)
        self.region_list = RegionList(content, self.selection)
        self.search = SearchBox(content)
        self.banner = RedFlagBanner()
        self.banner.room = self._banner_room
        self.conditions = ConditionList(content)
        self.refine = RefinePanel(content, self.selection)
        self.detail = DetailPanel(content)
        self._build_layout()

    def reload_content(self) -> None:
        """Read the content folders again (after editing them, or if one vanished).

        Problems are listed as at start-up; the selection keeps what still exists.
        """
        from explorer.model import load_content

        # a clinic's hundreds of files take seconds: a busy pointer, and a word below
        self.statusBar().showMessage("Reloading content…")
        self.statusBar().repaint()
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        self.layers = _with_user_folder(self.layers)
        try:
            content = load_content(self.layers, svg_file=self.art.svg_file)
        finally:
            QApplication.restoreOverrideCursor()
        condition = self.selection.condition
        shown = self.detail.shown
        diagram_input = self._diagram_input()
        if self._lost is not None and self._lost[1] == (diagram_input, condition):
            # nothing chosen since a reload that could not show it all (a broken
            # regions.yaml took every region): this reload tries again
            diagram_input, condition = self._lost[0]
        working = self.working_state()
        trail, self.trail = self.trail, Trail()  # showing it all again is no step
        self.content = content
        self.art = DiagramArt(self.art.svg_file, list(content.regions), content.diagram)
        self._build_content_widgets()
        self.detail.text_scale = ZOOM_FACTOR ** self._zoom_level  # the text size stays
        self._connect_content_widgets()
        # the regions that still exist and the clinician's sketch, with the undo history
        # (a step back to a region the reload removed leaves that region out)
        self.history.apply(diagram_input)
        self._refresh_list()
        kept = condition if condition in content.conditions else ""
        ids = self.conditions.ids()
        if condition and not kept and self.selection.regions and ids:
            kept = ids[0]  # its page went: the best match instead, as on a region click
        self.selection.select_condition(kept)
        if self.selection.condition:  # unchanged, so not announced: the new widgets show it
            self._on_selection_condition_selected(self.selection.condition)
        now = (self._diagram_input(), self.selection.condition)
        self._lost = ((diagram_input, condition), now) if now != (diagram_input, condition) \
            else None
        self._refresh_timeline()
        self._list_pages()
        if self.handout_dialog is not None:  # an open handout prints the new content
            self.handout_dialog.use_content(content, self.art)
        # the new strip warns again for what was answered (the new questions show the ticks)
        self.banner.show_advice(self.refine.red_flags_answered())
        self.trail = trail
        self.trail.keep_only(lambda entry: bool(self.content.entry_title(*entry)))
        if self.content.entry_title(*shown):
            self._show_entry(*shown)  # the new panel shows what the old one did
        self._update_trail_actions()
        self.put_back(working)
        self._show_problem_notice()
        if self.problems_dialog is not None and self.problems_dialog.isVisible():
            self._on_problems_triggered()  # the open list shows the problems now
        self.statusBar().showMessage(
            f"Content reloaded: {len(content.conditions)} conditions, "
            f"{len(content.problems)} problem(s).", 8000)

    def working_state(self) -> WorkingState:
        """How the content widgets are arranged and where the user is in them: a reload
        builds new ones that should look the same, and clinic mode gives them back."""
        focused = QApplication.focusWidget()
        holder = next((name for name in CONTENT_WIDGETS if focused is not None and (
            getattr(self, name) is focused or getattr(self, name).isAncestorOf(focused))), "")
        question = next((clue for clue, box in self.refine.boxes.items() if box is focused), "")
        state = self.diagram.state
        return WorkingState(self.splitter.saveState(), self.middle_split.saveState(),
                             self.search.state(), self.detail.shown,
                             self.detail.read_place(), holder, question,
                             state.focus if state.show_focus else None,
                             self.region_list.current_region(), self.detail.keyboard_link())

    def put_back(self, working: WorkingState) -> None:
        pane = self.columns.currentIndex()  # a narrow window's tab, whatever has the keyboard
        self.search.restore_state(working.search)
        # the new widgets shown at their sizes now (Qt would show them later), so the
        # splitters share out the room they will have, and the panel's document is laid
        # out at its width and can scroll to the same place
        central = self.centralWidget()
        central.show()
        self.layout().activate()
        self.columns.fit(False)  # the columns side by side, as they were kept
        self.splitter.restoreState(working.columns)
        self.middle_split.restoreState(working.middle)
        self.region_list.set_current_region(working.region_row)
        same_page = self.detail.shown == working.page  # another page opens at its top
        if same_page:
            self.detail.put_keyboard_link(working.link)  # (which may scroll to it)
        if working.ring in self.art.region_ids:  # the ring where it was
            self.diagram.state.focus = working.ring
            self.diagram.setFocus(Qt.FocusReason.ShortcutFocusReason)
        elif working.focus:
            self._focus_back(working).setFocus(Qt.FocusReason.OtherFocusReason)
        self.fit_columns()
        self.columns.show_pane(pane)
        if same_page:  # at the panel's width now (one column at a time is wider)
            self.splitter.refresh()
            self.detail.parentWidget().layout().activate()
            self.detail.scroll_to_place(working.panel_at)

    def _focus_back(self, working: WorkingState) -> QWidget:
        """The control that had the keyboard: the same question, else the pane's first
        control (a pane of questions that took the focus itself showed none, and Space
        ticked nothing)."""
        box = self.refine.boxes.get(working.question)
        if box is not None and box.isVisible():
            return box
        pane: QWidget = getattr(self, working.focus)
        return _focus_target(pane) or pane

    def fit_columns(self) -> None:
        """Below COMPACT_BELOW pixels wide the columns show one at a time, chosen by tabs
        (not in clinic mode, which has its own arrangement)."""
        clinic = getattr(self, "clinic", None)  # not yet made during construction
        self.columns.fit(self.width() < COMPACT_BELOW and not (clinic and clinic.active))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit_columns()
        self.banner.refit()  # a taller or shorter window gives it more or less room

    def _banner_room(self) -> int:
        """The height the warning strip may take and leave each column below it its least
        (the diagram at its least height with the region list under it)."""
        central = self.centralWidget()
        if central is None:
            return self.height()
        need = max(self._diagram_column_least(),
                   *(self.splitter.widget(i).minimumSizeHint().height() for i in (1, 2)))
        tabs = self.columns.height() if self.columns.isVisible() else 0
        return central.height() - BANNER_MARGIN - tabs - need

    # ---- building ------------------------------------------------------------------------
    def _build_layout(self) -> None:
        for widget in (self.detail, self.conditions, self.region_list):
            widget.setStyleSheet(FOCUS_FRAME.format(kind=type(widget).__name__))
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(6, 6, 6, 6)
        left_layout.addWidget(self.diagram, 1)
        self.hint = QLabel(HINT)
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color: #3b4452;")
        self.hint.setMinimumHeight(self.hint.fontMetrics().height() * 2 + 4)
        left_layout.addWidget(self.hint)
        left_layout.addWidget(self.region_list)
        self._hint_column = left
        left.installEventFilter(self)  # its height decides whether the hint fits (place_hint)

        self.refine_scroll = refine_scroll = QScrollArea()
        refine_scroll.setWidget(self.refine)
        refine_scroll.setWidgetResizable(True)
        refine_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # a scroll bar that came and went as questions are shown or hidden would change
        # the width and re-wrap every question on a region click
        refine_scroll.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        refine_scroll.setAccessibleName("Refine questions")
        refine_scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes to the questions
        middle_split = QSplitter(Qt.Orientation.Vertical)
        middle_split.addWidget(self.conditions)
        refine_box = QWidget()
        refine_layout = QVBoxLayout(refine_box)
        refine_layout.setContentsMargins(0, 0, 0, 0)
        title = QLabel("<b>Refine</b>")
        refine_layout.addWidget(title)
        refine_layout.addWidget(refine_scroll)
        middle_split.addWidget(refine_box)
        middle_split.setStretchFactor(0, 3)
        middle_split.setStretchFactor(1, 2)
        middle = QWidget()
        middle_layout = QVBoxLayout(middle)
        middle_layout.setContentsMargins(6, 6, 6, 6)
        middle_layout.addWidget(self.search)
        middle_layout.addWidget(middle_split, 1)
        middle_layout.addStretch(0)  # the search at the top while the split gives way
        # the search results take the room the conditions and questions leave them (on
        # a short screen they went on under them)
        self.search.room = self._results_room
        middle.installEventFilter(self)  # a change of height refits the results
        self.search.results.installEventFilter(self)  # shown or hidden: place_results
        self._middle_column = middle

        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(6, 6, 6, 6)  # the columns line up
        right_layout.addWidget(self.detail)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(left)
        self.splitter.addWidget(middle)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(0, 5)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setStretchFactor(2, 4)
        self.splitter.setSizes([560, 330, 460])
        self.middle_split = middle_split
        # the tabs of a narrow window; a reload's show the pane the old ones did
        before: PaneTabs | None = getattr(self, "columns", None)
        self.columns = PaneTabs(self.splitter, (self.diagram, self.conditions, self.detail),
                                before.currentIndex() if before is not None else DIAGRAM)
        central = QWidget()
        central_layout = QVBoxLayout(central)
        central_layout.setContentsMargins(0, 0, 0, 0)
        central_layout.setSpacing(0)
        # across the whole window: seen whatever the columns show (also in clinic mode)
        banner_row = QVBoxLayout()
        banner_row.setContentsMargins(6, BANNER_MARGIN, 6, 0)
        banner_row.addWidget(self.banner)
        central_layout.addLayout(banner_row)
        central_layout.addWidget(self.columns)
        central_layout.addWidget(self.splitter, 1)
        self.setCentralWidget(central)  # on a reload Qt deletes the one it replaces

    def _action(self, text: str, slot: object,
                shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None,
                tip: str = "", fallback: str = "") -> QAction:
        """`fallback`: the shortcut where the platform has none for a standard key (Quit
        and Preferences have none on Windows or on a Linux desktop without a theme)."""
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        if fallback and action.shortcut().isEmpty():
            action.setShortcut(QKeySequence(fallback))
        if tip:
            action.setStatusTip(tip)
        action.triggered.connect(slot)
        return action

    def _build_actions(self) -> None:
        Std = QKeySequence.StandardKey
        self.print_action = self._action("&Print…", self._on_print_triggered, Std.Print,
                                         "Print the selected condition's summary")
        self.export_action = self._action("E&xport PDF…", self._on_export_triggered, "Ctrl+E",
                                          "Save the selected condition's summary as PDF")
        self.preview_action = self._action("Print pre&view…", self._on_preview_triggered,
                                           "Ctrl+Shift+P", "Preview the condition summary")
        booklet_action = self._action("Export &booklet…", self._on_booklet_triggered,
                                      "Ctrl+Shift+E",
                                      "All listed conditions in one PDF with contents")
        self.handout_action = self._action("&Exercise handout…", self._on_handout_triggered,
                                           "Ctrl+H", "Choose exercises and print a handout")
        prefs = self.preferences_action = self._action(
            "&Preferences…", self._on_preferences_triggered, Std.Preferences,
            "Clinic name, logo and paper size", fallback="Ctrl+,")
        quit_action = self._action("&Quit", self.close, Std.Quit, fallback="Ctrl+Q")
        find = self.find_action = self._action("&Find…", self._on_find_triggered, Std.Find)
        clear = self.clear_action = self._action(
            "&Clear selection", self._on_clear_triggered, "Ctrl+Shift+X",
            "Clear the chosen regions and their pain levels")
        start_over = self.start_over_action = self._action(
            "&Start over", self._on_start_over_triggered, Std.New,
            "For the next person: clear the regions, pain levels, answers, drawing, "
            "running log and handout")
        # the pen sketch is kept apart from the selection; before the next patient:
        self.clear_drawing_action = self._action("Clear &drawing",
                                                 lambda: self.diagram.clear_strokes(),
                                                 "Ctrl+Shift+D")
        zoom_in = self.zoom_in_action = self._action("Zoom &in", lambda: self._zoom(1),
                                                     Std.ZoomIn, "Larger text in the details")
        # Ctrl+= too: on most keyboards "+" needs Shift
        zoom_in.setShortcuts([*zoom_in.shortcuts(), QKeySequence("Ctrl+=")])
        zoom_out = self.zoom_out_action = self._action("Zoom &out", lambda: self._zoom(-1),
                                                       Std.ZoomOut, "Smaller text in the details")
        zoom_reset = self._action("&Actual size", lambda: self._zoom(0), "Ctrl+0",
                                  "The details' text at its usual size")
        # F6: from pane to pane (diagram, regions, search, conditions, questions, details),
        # as in a browser or a file manager, instead of dozens of Tabs
        next_pane = self._action("Ne&xt pane", lambda: self._to_pane(1), "F6")
        previous_pane = self._action("Pre&vious pane", lambda: self._to_pane(-1), "Shift+F6")
        self.clinic_action = self._action("&Clinic mode", self._on_clinic_triggered, "F11",
                                          "Full screen, large type, for showing a patient")
        self.contrast_action = self._action(
            "&High contrast", self._on_contrast_toggled, "Ctrl+Shift+H",
            "The diagram in strong outlines, hatching and dark labels (the text already is)")
        self.contrast_action.setCheckable(True)
        red_flags = self._action("When to see a doctor", lambda: self._show_page("red-flags"))
        self.timeline_action = self._action("Recovery &timeline…", self._on_timeline_triggered,
                                            "Ctrl+T", "The selected condition's typical recovery")
        self.planner_action = self._action("Running-load &planner…",
                                           self._on_planner_triggered, "Ctrl+L",
                                           "Check recent runs for spikes and plan a build-up")
        about = self._action("&About Hip Explorer", self._on_about_triggered)
        problems = self._action("Content &problems…", self._on_problems_triggered)
        self.reload_action = self._action("&Reload content", self.reload_content,
                                          QKeySequence.StandardKey.Refresh,
                                          "Read the content folders again")

        self.undo_action, self.redo_action = self.history.actions(self)
        self.back_action = self._action("&Back", lambda: self._go(-1), Std.Back)
        self.forward_action = self._action("&Forward", lambda: self._go(1), Std.Forward)
        self.back_action.setIcon(arrow_icon(forward=False))
        self.forward_action.setIcon(arrow_icon(forward=True))
        self._update_trail_actions()

        bar = self.menuBar()
        file_menu = bar.addMenu("&File")
        file_menu.addAction(start_over)
        file_menu.addSeparator()
        file_menu.addAction(self.handout_action)
        file_menu.addSeparator()
        file_menu.addActions([self.preview_action, self.print_action, self.export_action,
                              booklet_action])
        file_menu.addSeparator()
        file_menu.addAction(quit_action)
        edit_menu = bar.addMenu("&Edit")
        edit_menu.addActions([self.undo_action, self.redo_action])
        edit_menu.addSeparator()
        edit_menu.addActions([find, clear, self.clear_drawing_action])
        edit_menu.addSeparator()
        edit_menu.addAction(prefs)
        view_menu = bar.addMenu("&View")
        view_menu.addActions([zoom_in, zoom_out, zoom_reset])
        view_menu.addSeparator()
        view_menu.addActions([next_pane, previous_pane])
        view_menu.addSeparator()
        view_menu.addActions([self.clinic_action, self.contrast_action])
        view_menu.addSeparator()
        view_menu.addAction(self.reload_action)
        guide_menu = self.guide_menu = bar.addMenu("&Guide")
        guide_menu.addActions([self.back_action, self.forward_action])
        guide_menu.addSeparator()
        self._pages_end = guide_menu.addSeparator()  # the content's pages go above it
        self._page_actions: list[QAction] = []
        guide_menu.addActions([self.timeline_action, self.planner_action])
        self._list_pages()  # above the separator, with Alt-letters the others leave free
        help_menu = bar.addMenu("&Help")
        help_menu.addActions([about, problems])
        # every shortcut works with the menu bar hidden too (in clinic mode)
        self.addActions([action for menu in (file_menu, edit_menu, view_menu, guide_menu)
                         for action in menu.actions() if not action.isSeparator()])

        toolbar = QToolBar("Main")
        toolbar.setObjectName("mainToolbar")
        toolbar.setMovable(False)
        toolbar.addActions([self.back_action, self.forward_action])
        self._trail_buttons: dict[QObject, int] = {}
        for action, step in ((self.back_action, -1), (self.forward_action, 1)):
            button = toolbar.widgetForAction(action)
            button.installEventFilter(self)
            self._trail_buttons[button] = step
        toolbar.addSeparator()
        self.side_box = side_box(self.selection)
        toolbar.addWidget(self.side_box)
        toolbar.addSeparator()
        toolbar.addActions([self.handout_action, self.print_action, self.export_action])
        toolbar.addSeparator()
        toolbar.addActions([red_flags, self.clinic_action])
        self.addToolBar(toolbar)
        self.status = StatusBar()  # messages that fit it (statusBar() returns this)
        self.setStatusBar(self.status)

    def _connect(self) -> None:
        s = self.selection
        s.regions_changed.connect(self._on_selection_regions_changed)
        s.answers_changed.connect(self._on_selection_answers_changed)
        s.condition_selected.connect(self._on_selection_condition_selected)
        s.side_changed.connect(self._on_selection_side_changed)

    def _connect_content_widgets(self) -> None:
        self.conditions.condition_activated.connect(self._show_condition)
        # a click or Enter on a condition (not on a group's heading), not an arrow key,
        # goes on to read it
        self.conditions.condition_chosen.connect(lambda: self.columns.show_pane(DETAILS))
        self.detail.link_activated.connect(self._show_entry)
        self.detail.entry_shown.connect(self._on_detail_entry_shown)
        self.detail.zoom_stepped.connect(self._zoom)
        for widget in self._press_keepers():  # they keep every press to themselves
            widget.installEventFilter(self)
        self.refine.answered.connect(self._on_refine_answered)
        self.search.result_chosen.connect(self._on_search_result_chosen)
        self.diagram.region_hovered.connect(self._on_diagram_region_hovered)
        # through a method of the window: a bound method of History (not a QObject) left
        # one reference behind in PySide for each reload, never freed
        self.diagram.strokes_changed.connect(self._on_strokes_changed)
        self.diagram.state.side = self.selection.side
        if self.contrast_action.isChecked():  # a reload keeps it
            self.diagram.set_high_contrast(True)

    def _press_keepers(self) -> tuple[QWidget, ...]:
        """The widgets that take every mouse press, the side buttons' too."""
        return (self.conditions.viewport(), self.region_list.viewport(), self.search.field,
                self.search.results.viewport(), self.detail.viewport())

    # ---- reactions ---------------------------------------------------------------------------
    def _on_strokes_changed(self) -> None:
        self.history.record()
        self._update_clear_actions()

    def _update_clear_actions(self) -> None:
        """Clear selection and Clear drawing are greyed while there is nothing to clear."""
        self.clear_action.setEnabled(bool(self.selection.regions))
        self.clear_drawing_action.setEnabled(bool(self.diagram.state.strokes))

    def _refresh_list(self) -> None:
        s = self.selection
        self.conditions.show_ranked(s.regions, s.answers, s.intensities, s.condition)
        count = self.conditions.match_count  # for the tab, where one column shows
        self.columns.setTabText(CONDITIONS, f"Conditions ({count})" if count else "Conditions")

    def _on_selection_regions_changed(self) -> None:
        self._update_clear_actions()
        self._refresh_list()  # opens at its best matches
        ids = self.conditions.ids()
        chosen = self.selection.condition
        if self._displaced and self._displaced[1] == chosen and self._displaced[0] in ids:
            # the regions are back (Undo, Redo, the region clicked again): so is the
            # condition they pushed out, unless another has been chosen since
            self.selection.select_condition(self._displaced[0])
            self._displaced = None
        elif self.selection.regions and ids and chosen not in ids:
            self._displaced = (chosen, ids[0]) if chosen else None
            self.selection.select_condition(ids[0])  # the best match, shown at once
        # otherwise the condition shown stays: switching the panel on every click would
        # cost a click its time budget, and what is being read is not pulled away

    def _on_selection_answers_changed(self) -> None:
        self._refresh_list()
        self.banner.show_advice(self.refine.red_flags_answered())

    def _on_refine_answered(self, clue_id: str) -> None:
        """The warning strip may just have taken height from the questions: the one
        just answered stays in view (its start, if it is taller than the view)."""
        self.centralWidget().layout().activate()
        for widget in (self.refine.questions[clue_id], self.refine.boxes[clue_id]):
            self.refine_scroll.ensureWidgetVisible(widget, 0, 6)

    def _on_selection_condition_selected(self, condition_id: str) -> None:
        condition = self.content.conditions.get(condition_id)
        if condition is not None and "timeline" in self.chart_dialogs:
            self.timeline_chart.set_condition(condition)
        self.detail.show_condition(condition_id)
        self.diagram.show_condition_regions(condition.regions if condition else ())
        self.conditions.set_current(condition_id, emit=False)

    def _on_selection_side_changed(self, side: str) -> None:
        self._update_title()

    def _show_condition(self, condition_id: str) -> None:
        """Select a condition; if it is selected already but the panel shows something
        else (an exercise reached by a link), show it again."""
        if condition_id != self.selection.condition:
            self.selection.select_condition(condition_id)
        elif self.detail.shown != ("condition", condition_id):
            self._on_selection_condition_selected(condition_id)

    def _show_entry(self, kind: str, entry_id: str) -> None:
        """Show a link's target: a condition, exercise, treatment or page."""
        if kind == "condition":
            self._show_condition(entry_id)
        else:
            self.detail.show_entry(kind, entry_id)

    def _on_search_result_chosen(self, kind: str, entry_id: str) -> None:
        if kind == "region":
            before = [r for r in self.selection.regions if r != entry_id]
            self.selection.set_regions([entry_id])
            if before:  # the search chose one region in place of several: say how to undo
                names = ", ".join(self.content.region_name(r) for r in before)
                self.statusBar().showMessage(
                    f"Showing {self.content.region_name(entry_id)} only. "
                    f"Edit > Undo brings back {names}.", 10000)
        else:
            self._show_entry(kind, entry_id)
            self.columns.show_pane(DETAILS)

    def _on_detail_entry_shown(self, kind: str, entry_id: str) -> None:
        self.trail.visit((kind, entry_id))
        self._update_trail_actions()

    def _restart_trail(self) -> None:
        """The trail begins with what the panel shows now."""
        self.trail = Trail()
        if self.detail.shown[0]:
            self.trail.visit(self.detail.shown)
        self._update_trail_actions()

    def _go(self, step: int) -> None:
        """Back (-1) or Forward (+1) through what the panel showed."""
        entry = self.trail.go(step)
        if entry is not None:
            self._show_entry(*entry)
            self.detail.resume_place()  # where it was read, as a browser goes back
            self.columns.show_pane(DETAILS)
        self._update_trail_actions()

    def _update_trail_actions(self) -> None:
        # Only the enabled state: changing an action's tooltip on every click would lay
        # out the toolbar, and with it repaint the whole window. The tooltip naming where
        # Back leads is made when it is asked for (trail_tip).
        self.back_action.setEnabled(self.trail.peek(-1) is not None)
        self.forward_action.setEnabled(self.trail.peek(1) is not None)

    def trail_tip(self, step: int) -> str:
        """"Back to <title>" or "Forward to <title>", for the toolbar's tooltips."""
        entry = self.trail.peek(step)
        title = self.content.entry_title(*entry) if entry else ""
        word = "Back" if step < 0 else "Forward"
        return plain_tip(f"{word} to {title}") if title else word

    def mousePressEvent(self, event: QMouseEvent) -> None:
        """The mouse's back and forward buttons retrace the panel wherever they are
        pressed over the window (a press no widget wants comes here)."""
        if not self._side_button_pressed(event):
            super().mousePressEvent(event)

    def _side_button_pressed(self, event: QMouseEvent) -> bool:
        step = {Qt.MouseButton.BackButton: -1,
                Qt.MouseButton.ForwardButton: 1}.get(event.button())
        if step:
            self._go(step)
            event.accept()
        return bool(step)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (event.type() == QEvent.Type.MouseButtonPress and watched in self._press_keepers()
                and isinstance(event, QMouseEvent) and self._side_button_pressed(event)):
            return True
        if event.type() == QEvent.Type.Resize and watched is self._hint_column:
            self.place_hint()
        if (event.type() in (QEvent.Type.Show, QEvent.Type.Hide)
                and watched is self.search.results) or (
                event.type() == QEvent.Type.Resize and watched is self._middle_column):
            self.place_results()
        if event.type() == QEvent.Type.ToolTip and watched in self._trail_buttons:
            assert isinstance(event, QHelpEvent)
            QToolTip.showText(event.globalPos(), self.trail_tip(self._trail_buttons[watched]),
                              watched if isinstance(watched, QWidget) else None)
            return True
        return super().eventFilter(watched, event)

    def place_hint(self) -> None:
        """The line under the diagram that names the region pointed at shows where it is
        wanted (not in clinic mode) and the column has room for its wrapped lines with the
        diagram at its least height; otherwise (a small screen: 1920 x 1080 at 300%) it
        would be drawn over the diagram, and a tooltip on the diagram names the region
        instead. The region list gives way too, last, where even it has no room under the
        diagram (a warning showing on such a screen): the diagram, which it mirrors, is
        whole, and Tab and the arrow keys reach the regions there."""
        column = self._hint_column
        layout = column.layout()
        margins = layout.contentsMargins()
        least = self._diagram_column_least()
        needed = least + layout.spacing() + self.hint.heightForWidth(
            column.width() - margins.left() - margins.right())
        shown = self.hint_wanted and column.height() >= needed
        self.hint.setVisible(shown)
        self.diagram.name_tips = not shown
        self.region_list.setVisible(column.height() >= least)

    def _diagram_column_least(self) -> int:
        """The least height of the diagram's column with the region list in it (and no
        hint): its margins, the diagram at its least height, and the list."""
        layout = self._hint_column.layout()
        margins = layout.contentsMargins()
        return (margins.top() + margins.bottom() + layout.spacing()
                + self.diagram.minimumHeight() + self.region_list.height())

    def _results_spare(self) -> tuple[int, int]:
        """The height under the search field in the middle column: all of it, and what
        the conditions and the questions leave at their least."""
        layout = self._middle_column.layout()
        margins = layout.contentsMargins()
        room = (self._middle_column.height() - margins.top() - margins.bottom()
                - self.search.results.y())
        return room, room - layout.spacing() - self.middle_split.minimumSizeHint().height()

    def _results_room(self) -> int:
        room, beside_list = self._results_spare()
        return beside_list if self.middle_split.isVisibleTo(self._middle_column) else room

    def place_results(self) -> None:
        """The search results show under the field with the conditions and questions
        below them; where the column has no room for a few results beside those (a short
        screen), the conditions and questions give way while the results show."""
        showing = self.search.results.isVisibleTo(self.search)
        beside_list = self._results_spare()[1]
        self.middle_split.setVisible(not showing or beside_list >= FEW_RESULTS_HEIGHT)
        self.search.refit()

    def _on_diagram_region_hovered(self, region_id: str) -> None:
        region = self.content.regions.get(region_id)
        self.hint.setText(f"<b>{esc(region.name)}</b>: {esc(region.description)}"
                          if region else HINT)

    def _diagram_input(self) -> DiagramInput:
        s = self.selection
        return DiagramInput(tuple(s.regions), tuple(sorted(s.intensities.items())),
                            tuple((c, tuple(p)) for c, p in self.diagram.state.strokes),
                            s.yes_answers)

    def _restore_diagram_input(self, state: DiagramInput) -> None:
        regions = [r for r in state.regions if r in self.content.regions]  # after a reload
        self.selection.restore(regions, dict(state.intensities))
        self.diagram.set_strokes([(c, list(p)) for c, p in state.strokes])
        self.selection.set_yes_answers(c for c in state.answers if c in self.content.clues)

    def _update_title(self) -> None:
        side = "Right hip" if self.selection.side == "right" else "Left hip"
        self.setWindowTitle(f"Hip Explorer — {side}")

    # ---- actions -----------------------------------------------------------------------------
    def _on_find_triggered(self) -> None:
        self.columns.show_pane(CONDITIONS)
        self.search.field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.field.selectAll()

    def _on_clear_triggered(self) -> None:
        self.selection.clear_regions()

    def _on_start_over_triggered(self) -> None:
        """For the next person: nothing chosen, answered, drawn or searched (one step to
        undo), and no handout or running log of the last person's left to print. An
        unsaved handout is asked about first; kept open, nothing starts over."""
        if not self._handout_closed():
            return
        read = self.selection.condition

        def show(condition: str) -> None:  # Undo shows the page that was read again
            if not condition or condition in self.content.conditions:
                self.selection.select_condition(condition)

        with self.history.one_step("Start over", (lambda: show(read), lambda: show(""))):
            self.selection.clear_regions()
            self.selection.set_yes_answers(())
            self.diagram.clear_strokes()
        self.selection.select_condition("")
        self._restart_trail()  # Back leads to no page of the last person's
        self.search.field.clear()
        had_log = bool(self.planner_runs or self.planner_baseline)
        self.planner_runs, self.planner_baseline = (), None
        self.planner_out_of_date = False
        if "planner" in self.chart_dialogs:
            self.planner.set_runs([], self.planner_unit)
        self.statusBar().showMessage(
            "Started over. Edit > Undo brings back the regions, pain levels, answers and "
            "drawing" + ("; the running log is cleared." if had_log else "."), 8000)

    def _zoom(self, step: int) -> None:
        """The panel's text a step larger (1), smaller (-1) or back to normal (0)."""
        self._set_zoom(0 if step == 0 else self._zoom_level + step)

    def _set_zoom(self, level: int) -> None:
        level = min(MAX_ZOOM, max(MIN_ZOOM, level))
        self._zoom_level = level
        if self.detail.text_scale != ZOOM_FACTOR ** level:
            self.detail.text_scale = ZOOM_FACTOR ** level
            self.detail.refresh()
        self.zoom_in_action.setEnabled(level < MAX_ZOOM)
        self.zoom_out_action.setEnabled(level > MIN_ZOOM)

    def _on_contrast_toggled(self) -> None:
        self.diagram.set_high_contrast(self.contrast_action.isChecked())

    def _on_clinic_triggered(self) -> None:
        self.clinic.toggle()

    def _show_page(self, page_id: str) -> None:
        if page_id in self.content.pages:
            self.detail.show_page(page_id)
            self.columns.show_pane(DETAILS)

    def _to_pane(self, step: int) -> None:
        """Move the keyboard focus to the next (1) or previous (-1) shown pane."""
        panes = [self.diagram, self.region_list, self.search, self.conditions, self.refine,
                 self.detail]
        focused = QApplication.focusWidget()
        here = next((i for i, pane in enumerate(panes) if focused is not None and (
            pane is focused or pane.isAncestorOf(focused))), -1 if step > 0 else 0)
        shown = self.columns.currentIndex()
        for offset in range(1, len(panes) + 1):
            pane = panes[(here + step * offset) % len(panes)]
            self.columns.show_pane(self.columns.pane_of(pane))  # where one column shows
            target = _focus_target(pane)
            if target is not None:
                target.setFocus(Qt.FocusReason.ShortcutFocusReason)
                return
        self.columns.show_pane(shown)

    def _list_pages(self) -> None:
        """The Guide menu lists every page of the content, a clinic's own pages too:
        when to see a doctor first, the others by title."""
        for action in self._page_actions:  # each reload makes new ones
            self.guide_menu.removeAction(action)
            action.deleteLater()
        pages = sorted(self.content.pages.values(),
                       key=lambda page: (page.id != "red-flags", page.title.lower()))
        taken = {mnemonic(action.text()) for action in self.guide_menu.actions()} - {""}
        self._page_actions = []
        for page in pages:
            text = with_mnemonic(page.title, taken)
            taken.add(mnemonic(text))
            self._page_actions.append(self._action(
                text, lambda _=False, page_id=page.id: self._show_page(page_id)))
        self.guide_menu.insertActions(self._pages_end, self._page_actions)

    def _on_print_triggered(self) -> None:
        from explorer.ui import print_actions

        job = print_actions.current_summary(self, "Print")
        if job:
            print_actions.print_job(self, job, self.settings, self.selection.condition)

    def _on_preview_triggered(self) -> None:
        from explorer.ui import print_actions

        job = print_actions.current_summary(self, "Print preview")
        if job:
            self.preview_dialog = print_actions.preview(self, job, self.settings,
                                                        self.selection.condition)

    def _on_export_triggered(self) -> None:
        from explorer.ui import print_actions

        job = print_actions.current_summary(self, "Export PDF")
        if job:
            print_actions.export_job(self, job, self.settings, self.selection.condition)

    def _on_booklet_triggered(self) -> None:
        from explorer.ui import print_actions

        print_actions.export_job(self, print_actions.booklet(self), self.settings,
                                 "hip-conditions-booklet", "Export booklet")

    def current_handout(self) -> Handout:
        """A new handout from the current selection: side, regions, intensities, condition."""
        from explorer.model.handout import Handout, suggested_exercises

        s = self.selection
        levels = s.intensities
        conditions = (s.condition,) if s.condition else ()  # never one nobody chose
        drawings = tuple((colour, tuple(points)) for colour, points in self.diagram.state.strokes)
        handout = Handout(side=s.side, regions={r: levels.get(r, 0) for r in s.regions},
                          conditions=conditions, drawings=drawings,
                          recovery_chart=bool(conditions), runs=self.planner_runs,
                          unit=self.planner_unit, baseline=self.planner_baseline)
        for exercise_id in suggested_exercises(self.content, conditions)[:4]:
            handout = handout.with_exercise(self.content, exercise_id)
        return handout

    # ---- charts (pyqtgraph is imported only when one is first shown) -----------------------
    def _chart_dialog(self, key: str, title: str, widget: QWidget) -> QDialog:
        dialog = QDialog(self)
        dialog.setWindowTitle(title)
        layout = QVBoxLayout(dialog)
        # the chart and its words scroll on a small screen; Close stays on it
        scroll = FollowingScroll(widget)
        fit_width = getattr(widget, "fit_width", None)  # the planner stacks when narrow
        if fit_width is not None:
            scroll.width_changed.connect(fit_width)
        layout.addWidget(scroll, 1)
        layout.addWidget(close_button(dialog))
        # as large as the chart and its words want (the planner's inputs beside its
        # chart, which grows wider with a longer log), and room for the lines a log's
        # spikes add under it: at least CHART_DIALOG, never larger than the screen
        if fit_width is not None:  # laid out for the widest it may be
            fit_width(self.screen().availableGeometry().width())
        wanted = widget.sizeHint().expandedTo(widget.minimumSizeHint()) + QSize(
            2 * layout.contentsMargins().left() + scroll.verticalScrollBar().sizeHint().width(),
            dialog.sizeHint().height() - scroll.sizeHint().height())
        fit_to_screen(dialog, max(CHART_DIALOG.width(), wanted.width()),
                      max(CHART_DIALOG.height(), wanted.height()))
        self.chart_dialogs[key] = dialog
        return dialog

    def selected_condition(self, action: str, purpose: str) -> Condition | None:
        """The selected condition. With none, a message titled after the action the user
        chose says to select one to `purpose`, and the answer is None."""
        condition = self.content.conditions.get(self.selection.condition)
        if condition is None:
            QMessageBox.information(self, action, f"Select a condition to {purpose}.")
        return condition

    def _on_timeline_triggered(self) -> None:
        condition = self.selected_condition("Recovery timeline", "see its recovery timeline")
        if condition is None:
            return
        from explorer.ui.charts import RecoveryChart

        dialog = self.chart_dialogs.get("timeline")
        if dialog is None:
            self.timeline_chart = RecoveryChart(condition)
            dialog = self._chart_dialog("timeline", "Recovery timeline", self.timeline_chart)
        else:
            self.timeline_chart.set_condition(condition)
        dialog.show()

    def _refresh_timeline(self) -> None:
        """After a reload the recovery timeline shows its condition as now written, or
        closes when the reload left the condition out (its folder moved or deleted, say):
        it must not show the condition as if it still existed."""
        dialog = self.chart_dialogs.get("timeline")
        timeline = self.timeline_chart.timeline if dialog else None
        if dialog is None or timeline is None:
            return
        condition = self.content.conditions.get(timeline.condition_id)
        if condition is None:
            dialog.close()
        else:
            self.timeline_chart.set_condition(condition)

    def _on_planner_triggered(self) -> None:
        from explorer.model.running_load import Run
        from explorer.ui.charts import LoadPlanner

        dialog = self.chart_dialogs.get("planner")
        if dialog is None:
            runs = [Run(day, distance) for day, distance in self.planner_runs]
            self.planner = LoadPlanner(runs, "mi" if self.planner_unit == "mi" else "km",
                                       baseline=self.planner_baseline)
            self.planner.plan_updated.connect(self._on_planner_plan_updated)
            self.planner.input_rejected.connect(self._on_planner_input_rejected)
            dialog = self._chart_dialog("planner", "Running-load planner", self.planner)
        dialog.show()

    def _on_planner_plan_updated(self) -> None:
        log = self.planner.log
        self.planner_runs = tuple((r.day, r.distance) for r in log.runs)
        self.planner_unit = log.unit
        self.planner_baseline = self.planner.baseline
        self.planner_out_of_date = False
        if self.handout_dialog is not None:  # an open handout's plan follows the planner
            self.handout_dialog.use_running_plan(self.planner_runs, self.planner_unit,
                                                 self.planner_baseline)
            self.handout_dialog.set_plan_out_of_date(False)

    def _on_planner_input_rejected(self, _message: str) -> None:
        """The planner keeps its last valid plan, marked "Not up to date": so does the
        handout, which says so before it is printed."""
        self.planner_out_of_date = True
        if self.handout_dialog is not None:
            self.handout_dialog.set_plan_out_of_date(True)

    def _on_handout_triggered(self) -> None:
        """Open the handout builder for the current selection; one still open is brought
        to the front instead, with its changes."""
        from explorer.ui.handout_dialog import HandoutDialog

        if _brought_forward(self.handout_dialog):
            return
        if self.handout_dialog is not None:
            self.handout_dialog.deleteLater()
        self.handout_dialog = HandoutDialog(self.content, self.diagram.art, self.settings,
                                            self.current_handout(), self)
        self.handout_dialog.plan_opened.connect(self._on_handout_plan_opened)
        self.handout_dialog.set_plan_out_of_date(self.planner_out_of_date)
        self.handout_dialog.show()

    def _on_handout_plan_opened(self, handout: Handout) -> None:
        """The planner takes the running log of a handout file just opened."""
        from explorer.model.running_load import Run

        self.planner_runs, self.planner_unit = handout.runs, handout.unit
        self.planner_baseline = handout.baseline
        if "planner" in self.chart_dialogs:  # made: it shows the log now
            self.planner.set_runs([Run(day, distance) for day, distance in handout.runs],
                                  handout.unit, handout.baseline)

    def _on_preferences_triggered(self) -> None:
        """One Preferences window: OK in a second one would undo the first one's change."""
        from explorer.ui.preferences import PreferencesDialog

        if _brought_forward(self.preferences_dialog):
            return
        self.preferences_dialog = PreferencesDialog(self.settings, self)
        self.preferences_dialog.show()

    def _on_about_triggered(self) -> None:
        if _brought_forward(self.about_dialog):
            return
        references = list(self.content.references.values())
        sources = "".join(f"<li>{esc(r.citation)}</li>" for r in references[:ABOUT_SOURCES])
        if len(references) > ABOUT_SOURCES:
            sources += (f"<li>… and {len(references) - ABOUT_SOURCES} more, listed on the "
                        "pages that cite them</li>")
        self.about_dialog = text_dialog(
            self, "About Hip Explorer",
            f"<h3>Hip Explorer {esc(__version__)}</h3>"
            "<p>Understand hip pain after running: where it hurts, what commonly causes "
            f"it, what helps and when to see a doctor.</p><p><b>{esc(DISCLAIMER)}</b></p>"
            f"<p>Content sources:</p><ol style='font-size:small'>{sources}</ol>")

    # ---- content problems --------------------------------------------------------------------
    def _show_problem_notice(self) -> None:
        """A non-blocking notice in the status bar while content has problems."""
        if self._problem_button is not None:
            self.statusBar().removeWidget(self._problem_button)
            self._problem_button.deleteLater()
            self._problem_button = None
        count = len(self.content.problems)
        if not count:
            return
        button = StatusButton(f"⚠ {count} content problem{'s' * (count != 1)}: show")
        from explorer.model.handout import listed  # (not loaded at start-up otherwise)

        files = list(dict.fromkeys(p.path.name for p in self.content.problems))
        button.setToolTip(f"In {listed(files)}. Show each problem with its line and what "
                          "to do")
        button.clicked.connect(self._on_problems_triggered)
        self.statusBar().addPermanentWidget(button)
        self._problem_button = button
        self.statusBar().showMessage("Some content files had problems; the rest loaded.", 10000)

    def _on_problems_triggered(self) -> None:
        """Show the content's problems, in place of a list shown before (one window)."""
        if self.problems_dialog is not None:
            self.problems_dialog.close()
        if not self.content.problems:  # one sentence: a message, not an empty editor
            c = self.content
            box = QMessageBox(QMessageBox.Icon.Information, "Content problems",
                              "No problems: all content loaded.", parent=self)
            box.setInformativeText(
                f"{len(c.conditions)} conditions, {len(c.exercises)} exercises and "
                f"{len(c.treatments)} treatments from {len(c.layers)} folder(s):\n"
                + self._folders_text())
            box.open()
            self.problems_dialog = box
            return
        dialog = QDialog(self)
        dialog.setWindowTitle("Content problems")
        layout = QVBoxLayout(dialog)
        text = QPlainTextEdit("\n".join([*(p.text(full_path=True)
                                            for p in self.content.problems),
                                          "", "Content folders, in the order they load:",
                                          self._folders_text()]))
        text.setReadOnly(True)
        count = len(self.content.problems)
        text.setAccessibleName("Content problems")
        text.setAccessibleDescription(
            f"{count} {'problem' if count == 1 else 'problems'}, one a line, each naming "
            "its file and line, then the content folders")
        layout.addWidget(text)
        layout.addWidget(close_button(dialog))
        dialog.setModal(False)
        fit_to_screen(dialog, 760, 380)
        dialog.show()
        self.problems_dialog = dialog

    def _folders_text(self) -> str:
        """The content folders, one a line, with the user's own folder even when it is
        not there yet (where a clinic's content goes to load at every start)."""
        user = user_content_dir()
        lines = [f"{layer}" + (" (your own content folder)" if layer == user else "")
                 for layer in self.content.layers]
        if user not in self.content.layers:  # where it would load: after the built-in
            lines.insert(1, f"{user} (your own content folder: not made yet; content put "
                         "there loads at every start)")
        return "\n".join(lines)

    # ---- remembered state ------------------------------------------------------------------
    def _restore(self) -> None:
        st = self.settings
        geometry = st.bytes("window/geometry")
        # a first start, or a saved size Qt cannot read: a roomy window, but never larger
        # than the screen
        if geometry.isEmpty() or not self.restoreGeometry(geometry):
            fit_to_screen(self, 1360, 820)
        state = st.bytes("window/state")
        if not state.isEmpty():
            self.restoreState(state)
        for key, splitter in (("window/splitter", self.splitter),
                              ("window/middle", self.middle_split)):
            if not _restore_splitter(splitter, st.bytes(key)):
                st.damaged = True  # said in the status bar; the default is saved on quit
        side = st.text("selection/side", "right")
        self.selection.set_side(side if side in ("right", "left") else "right")
        regions = [r for r in st.words("selection/regions") if r in self.content.regions]
        self.selection.restore(regions, _pain_levels(st.words("selection/pain"), regions))
        self.selection.set_yes_answers(c for c in st.words("selection/answers")
                                       if c in self.content.clues)
        condition = st.text("selection/condition")
        if condition in self.content.conditions:
            self.selection.select_condition(condition)
        self._set_zoom(st.number("view/zoom", 0))
        if st.flag("view/high_contrast"):  # an eyesight setting, kept like the text size
            self.contrast_action.setChecked(True)
            self._on_contrast_toggled()

    def save_state(self) -> None:
        st = self.settings
        st.set("window/geometry", self.saveGeometry())
        st.set("window/state", self.saveState())
        st.set("window/splitter", self.splitter.saveState())
        st.set("window/middle", self.middle_split.saveState())
        st.set("selection/side", self.selection.side)
        st.set("selection/regions", ",".join(self.selection.regions))
        st.set("selection/pain", ",".join(f"{r}:{v}" for r, v in
                                          self.selection.intensities.items()))
        st.set("selection/answers", ",".join(self.selection.yes_answers))
        st.set("selection/condition", self.selection.condition)
        st.set("view/zoom", self._zoom_level)
        st.set("view/high_contrast", self.contrast_action.isChecked())
        st.sync()

    def _handout_closed(self) -> bool:
        """Close an open handout builder (it asks about unsaved changes first): False if
        the user chose to keep working on it."""
        handout = self.handout_dialog
        return handout is None or not handout.isVisible() or handout.close()

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self._handout_closed():
            event.ignore()  # the user chose to keep working on an unsaved handout
            return
        if self.clinic.active:
            self.clinic.leave()  # remember the working layout, not the presenting one
        self.save_state()
        super().closeEvent(event)


SPLITTER_MAX = 100_000  # pixels: no pane on any screen is wider or taller


def _restore_splitter(splitter: QSplitter, state: QByteArray) -> bool:
    """Restore the panes' saved sizes, unless they are damaged (Qt accepts a turned
    splitter or sizes of -1 and 2 billion from a garbled file, and the columns then
    stack, the panel squeezed to nothing, at every start): False, the sizes unchanged."""
    if state.isEmpty():
        return True
    before, orientation = splitter.saveState(), splitter.orientation()
    if splitter.restoreState(state) and splitter.orientation() == orientation and \
            all(0 <= size <= SPLITTER_MAX for size in splitter.sizes()):
        return True
    splitter.restoreState(before)
    return False


def _brought_forward(dialog: QWidget | None) -> bool:
    """True if `dialog` is open: it is brought to the front (not opened a second time)."""
    if dialog is None or not dialog.isVisible():
        return False
    dialog.raise_()
    dialog.activateWindow()
    return True


def _with_user_folder(layers: list[Path]) -> list[Path]:
    """The usual layers (the built-in content first) with the user's own folder, if it
    was made since start-up; other layers (a test's) as they are."""
    if not layers or layers[0] != builtin_content_dir():
        return layers
    user = user_content_dir()
    return content_layers([layer for layer in layers[1:] if layer != user])


def _focus_target(pane: QWidget) -> QWidget | None:
    """The widget in a shown pane that takes the focus: the pane, or its first shown
    control (the search field, the first question)."""
    if not pane.isVisible():
        return None
    for widget in (pane, *pane.findChildren(QWidget)):
        if widget.isVisible() and widget.isEnabled() and \
                widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
            return widget
    return None


def _pain_levels(entries: list[str], regions: list[str]) -> dict[str, int]:
    """Pain levels saved as "groin:7", for the remembered regions; bad entries skipped."""
    levels: dict[str, int] = {}
    for entry in entries:
        region, _, value = entry.partition(":")
        if region in regions and value.isdigit() and 0 <= int(value) <= 10:
            levels[region] = int(value)
    return levels
