"""The handout builder: choose exercises for a patient, edit doses and notes, then
preview, print, export or save the handout as a file to reopen later.

Changes to the chosen exercises (add, remove, move, edit a dose) can be undone and
redone; closing or opening another file with unsaved changes asks first."""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import (
    QItemSelection,
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QRectF,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QColor,
    QKeyEvent,
    QKeySequence,
    QPainter,
    QPalette,
    QPen,
    QShortcut,
)
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListView,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableWidget,
    QTableWidgetItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from explorer.model import Content
from explorer.model.entities import count_problem
from explorer.model.handout import (
    COUNTS,
    DOSE_MAX,
    NOTE_MAX,
    PATIENT_MAX,
    RECOMMENDED_MAX_EXERCISES,
    Handout,
    HandoutError,
    HandoutExercise,
    as_printed,
    listed,
    read_handout,
    suggested_exercises,
    unknown_entries,
    write_handout,
)
from explorer.model.running_load import Baseline
from explorer.report.documents import PrintJob, handout_pack, summarised
from explorer.ui import print_actions
from explorer.ui.diagram_art import DiagramArt
from explorer.ui.dialogs import FollowingScroll, fit_to_screen, fitting_minimum, key_for, tell
from explorer.ui.fitted_columns import PADDING, FittedColumns
from explorer.ui.history import UNDO_LIMIT, History
from explorer.ui.settings import Settings
from explorer.ui.status_bar import StatusBar
from explorer.ui.wrapped_label import WrappedLabel

MIN_WIDTH = 720
COLUMNS = ("Exercise", "Sets", "Reps", "Hold", "Frequency", "Note")
NAME_ROLE, TIP_ROLE = Qt.ItemDataRole.UserRole + 1, Qt.ItemDataRole.UserRole + 2
EXTRA_ROLE = Qt.ItemDataRole.UserRole + 3  # a row's fields this version does not read, as JSON
FIELDS = ("sets", "reps", "hold", "frequency", "note")
Exercises = tuple[HandoutExercise, ...]
TITLE = "Exercise handout"
FOLDER_KEY = "handout/last_folder"  # of the handout file last opened or saved
MAX_FILE_STEM = 60  # characters of a suggested file name, before its extension
WARNING_COLOUR = "#7a2e00"
CURRENT_FRAME = 2  # pixels: the frame round the table's current cell


class _Cell(QTableWidgetItem):
    """A table cell whose tooltip is its whole text, as edited; a count of 0 (sets or
    reps; or negative, or a range from 0) is kept as typed, in the warning colour, its
    tooltip saying what to do."""

    def data(self, role: int) -> object:
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._problem() or self.text()
        if role == Qt.ItemDataRole.ForegroundRole and self._problem():
            return QColor(WARNING_COLOUR)
        return super().data(role)

    def _problem(self) -> str:
        name = COLUMNS[self.column()].lower() if self.column() >= 0 else ""
        problem = count_problem(str(super().data(Qt.ItemDataRole.DisplayRole) or "")
                                ) if name in COUNTS else ""
        if problem:
            return (f"{name.capitalize()}: {problem} (the handout is not printed until "
                    "then)")
        return ""


class _LimitedCells(QStyledItemDelegate):
    """A dose cell takes at most DOSE_MAX characters and a note NOTE_MAX, as a handout
    file holds (typing stops there)."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem,
                     index: QModelIndex | QPersistentModelIndex) -> QWidget:
        editor = super().createEditor(parent, option, index)
        if isinstance(editor, QLineEdit):
            editor.setMaxLength(NOTE_MAX if COLUMNS[index.column()] == "Note" else DOSE_MAX)
        return editor

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        """The current cell, the one Enter or F2 edits, framed while the table has the
        keyboard: in the highlight's colour, or on a selected row in its text's colour
        (the style's own frame was hardly to be seen, 1.2:1 on a selected row)."""
        current = bool(option.state & QStyle.StateFlag.State_HasFocus)
        if current:
            option = QStyleOptionViewItem(option)
            option.state &= ~QStyle.StateFlag.State_HasFocus  # not the faint frame too
        super().paint(painter, option, index)
        if current:
            selected = option.state & QStyle.StateFlag.State_Selected
            colour = option.palette.color(QPalette.ColorRole.HighlightedText if selected
                                          else QPalette.ColorRole.Highlight)
            painter.save()
            painter.setPen(QPen(colour, CURRENT_FRAME))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(QRectF(option.rect).adjusted(1, 1, -1, -1))
            painter.restore()


class _WrappedItems(QStyledItemDelegate):
    """A list's items as tall as their wrapped text is at the list's own width."""

    def __init__(self, view: QListView) -> None:
        super().__init__(view)
        self._view = view

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex,
                 ) -> QSize:
        option = QStyleOptionViewItem(option)
        option.rect = QRect(0, 0, self._view.viewport().width() - 2 * self._view.spacing(),
                            option.rect.height())
        return super().sizeHint(option, index)


class _WholeWords(FittedColumns):
    """Fitted columns, none narrower than the longest word in it (at the builder's
    narrowest the Hold column showed "30-45 seco…" and the table scrolled sideways) or
    its header ("Frequency" showed as "requenc" at 300%): the room comes from the columns
    with the most to spare, most often the exercise's name, which wraps onto more lines."""

    def widths(self, room: int) -> list[int]:
        header = self.table.horizontalHeader()
        least = [max(self._longest_word(column) + PADDING, header.sectionSizeHint(column))
                 for column in range(len(self.chars) + 1)]
        # the last column (the note) as one more: it gives up its preferred least too,
        # down to its own longest word and header, before the table scrolls sideways
        reserve = self._px(self.last_chars)
        least[-1] = min(least[-1], reserve)
        widths = [*(max(width, low) for width, low in zip(super().widths(room), least,
                                                           strict=False)), reserve]
        over = sum(widths) - room
        while over > 0:
            spare = [width - low for width, low in zip(widths, least, strict=True)]
            column = spare.index(max(spare))
            if spare[column] <= 0:
                break  # every column at its longest word: the table scrolls sideways
            taken = min(spare[column], over)
            widths[column] -= taken
            over -= taken
        self._last_least = widths[-1]
        return widths[:-1]

    def fit(self) -> None:
        super().fit()
        # a stretched last column keeps the width it had before it stretched as its
        # least: where that makes the table scroll sideways, give it the least it may
        # have now
        header = self.table.horizontalHeader()
        last = len(self.chars)
        if (not self.by_hand and header.sectionSize(last) > self._last_least
                and header.length() > self.table.viewport().width()):
            header.setStretchLastSection(False)
            self.table.setColumnWidth(last, self._last_least)
            header.setStretchLastSection(True)

    def _longest_word(self, column: int) -> int:
        metrics = self.table.fontMetrics()
        words = {word for row in range(self.table.rowCount()) if self.table.item(row, column)
                 for word in self.table.item(row, column).text().split()}
        return max((metrics.horizontalAdvance(word) for word in words), default=0)


class HandoutDialog(QDialog):
    # a handout file with a running log was opened: the planner shows that log (it
    # showed the one before, and its next edit replaced the file's log in the handout)
    plan_opened = Signal(object)

    def __init__(self, content: Content, art: DiagramArt, settings: Settings,
                 handout: Handout, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"{TITLE}[*]")
        self.content = content
        self.art = art
        self.settings = settings
        self._base = handout
        self._saved = handout  # as last created, opened or saved: closing compares with it
        self._plan_out_of_date = False  # the planner's entries have a problem now
        self.path: Path | None = None
        fit_to_screen(self, 1000, 640)
        # at its narrowest the table still has room for a dose beside an exercise's name
        # (at 590 pixels a name took five lines, and one row showed)
        fitting_minimum(self, MIN_WIDTH, 0)

        self.patient = QLineEdit(handout.patient)
        self.patient.setPlaceholderText("optional")
        self.patient.setMaxLength(PATIENT_MAX)
        self.side = QComboBox()  # printed in the header and on the diagram
        self.side.addItem("Right hip", "right")
        self.side.addItem("Left hip", "left")
        self.side.setAccessibleName("Which hip")
        self.side.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.large_print = QCheckBox("&Large print")
        self.large_print.setChecked(handout.large_print)
        # the pack to take home: what the patient has, then what to do about it
        self.summaries = QCheckBox()
        self.summaries.setChecked(handout.condition_summaries)
        self.recovery_chart = QCheckBox("Include the recovery &timeline")
        self.recovery_chart.setChecked(handout.recovery_chart)
        self.running_plan = QCheckBox("Include the runnin&g plan (from the planner)")
        self.running_plan.setChecked(handout.has_running_plan)
        self.running_plan.setEnabled(handout.has_running_plan)
        self.note = QPlainTextEdit(handout.clinician_note)
        self.note.setPlaceholderText("A note for the patient (optional)")
        self.note.setMaximumHeight(90)
        self.note.setTabChangesFocus(True)  # a short note, not a text editor: Tab moves on
        self.catalogue = QListWidget()
        self.catalogue.setAccessibleName("Exercises to choose from")
        self.catalogue.setWordWrap(True)  # long names wrap instead of scrolling sideways
        self.catalogue.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.catalogue.setSpacing(2)  # a wrapped name reads as one item, not two
        # item heights follow the list's width: Qt measured a wrapped name at another
        # width, and a name cut short at 300% lost its star and tick
        self.catalogue.setResizeMode(QListView.ResizeMode.Adjust)
        self.catalogue.setItemDelegate(_WrappedItems(self.catalogue))
        # Ctrl- or Shift-click picks several, added with one click (and one Undo)
        self.catalogue.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels(COLUMNS)
        self.table.setAccessibleName("Chosen exercises")
        # the note takes the rest, and the others give up room on a small screen
        self.columns = _WholeWords(self.table, (30, 5, 14, 12, 18), last_chars=14)
        # rows grow to show every word of a dose, also after an edit or a column resize;
        # a cell's tooltip has its whole text too
        self.table.setWordWrap(True)
        rows = self.table.verticalHeader()
        rows.setMinimumSectionSize(rows.defaultSectionSize())  # room to edit a short one
        rows.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().sectionResized.connect(
            lambda *_: self.table.resizeRowsToContents())
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        # Tab leaves the table for its buttons (arrow keys move between cells): Qt's
        # default walked every cell round and round, so nothing after it was reachable
        self.table.setTabKeyNavigation(False)
        self.table.setItemDelegate(_LimitedCells(self.table))
        # at the dialog's smallest, the header and two rows of three lines (a long name)
        lines = self.table.fontMetrics().lineSpacing()
        self.table.setMinimumHeight(self.table.horizontalHeader().sizeHint().height()
                                    + 2 * (3 * lines + 8) + 2 * self.table.frameWidth())
        self.warning = WrappedLabel()
        self.warning.setStyleSheet(f"color: {WARNING_COLOUR};")
        # the rows selected while each list was shown, and the current one: undo and
        # redo select them again
        self._selected_in: dict[Exercises, tuple[tuple[int, ...], int]] = {}
        self._rebuilding = False
        self.history = History(self, self._table_items, self._show_step)
        self._build()
        self._fill_catalogue(handout.conditions)
        self._load(handout)
        self.table.itemChanged.connect(self._on_table_item_changed)
        self.table.selectionModel().selectionChanged.connect(self._remember_selection)
        self.note.textChanged.connect(self._update_warning)  # a note too long to save
        for box in (self.summaries, self.recovery_chart, self.running_plan):  # what prints
            box.toggled.connect(self._update_warning)
        for signal in (self.patient.textChanged, self.note.textChanged,
                       self.side.currentIndexChanged,
                       self.large_print.toggled, self.summaries.toggled,
                       self.recovery_chart.toggled,
                       self.running_plan.toggled):
            signal.connect(self._update_modified)
        self.patient.setFocus()  # the keyboard starts at the top of the form, where it shows

    # ---- layout ------------------------------------------------------------------------
    def _build(self) -> None:
        form = QFormLayout()
        form.addRow("Patient na&me:", self.patient)
        hip = QHBoxLayout()  # beside the hip: a row more for the exercises on a small screen
        hip.addWidget(self.side)
        hip.addSpacing(16)
        hip.addWidget(self.large_print)
        hip.addStretch(1)
        label = QLabel("&Hip:")
        label.setBuddy(self.side)
        form.addRow(label, hip)
        form.addRow("", self.summaries)
        form.addRow("", self.recovery_chart)
        form.addRow("", self.running_plan)
        form.addRow("&Note:", self.note)

        add = QPushButton("&Add →")
        add.clicked.connect(self._on_add_clicked)
        # a double-click or Enter in the list adds too; Enter anywhere else never does
        self.catalogue.itemDoubleClicked.connect(lambda _item: self._on_add_clicked())
        for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            key_for(self.catalogue, QKeySequence(key), self._on_add_clicked)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)  # in line with the fields above
        left_layout.addWidget(QLabel("<b>Exercises</b> (suggested first)"))
        left_layout.addWidget(self.catalogue)
        left_layout.addWidget(add)

        remove = QPushButton("&Remove")
        remove.setToolTip("Remove the selected exercises (Delete)")
        remove.clicked.connect(self._on_remove_clicked)
        key_for(self.table, QKeySequence(QKeySequence.StandardKey.Delete),
                self._on_remove_clicked)
        for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):  # as F2 or a double-click does
            key_for(self.table, QKeySequence(key), self._edit_current_cell)
        up = QPushButton("Move &up")
        up.clicked.connect(lambda: self._move(-1))
        down = QPushButton("Move &down")
        down.clicked.connect(lambda: self._move(1))
        row = QHBoxLayout()
        for button in (remove, up, down):
            row.addWidget(button)
        row.addStretch(1)
        self.undo_action, self.redo_action = self.history.actions(self)
        for action in (self.undo_action, self.redo_action):
            self.addAction(action)  # the shortcuts work anywhere in the dialog
            tool = QToolButton()
            tool.setDefaultAction(action)
            row.addWidget(tool)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(QLabel("<b>In the handout</b> (edit doses and notes)"))
        right_layout.addWidget(self.table)
        right_layout.addLayout(row)
        right_layout.addWidget(self.warning)

        split = QSplitter()
        split.addWidget(left)
        split.addWidget(right)
        split.setSizes([300, 700])

        self.print_buttons: list[QPushButton] = []  # greyed while there is nothing to print
        buttons = QHBoxLayout()
        # each with an Alt+letter, as the dialog's other buttons and boxes have; a dose
        # still being typed counts first (an Alt+letter's click moves no focus, so the
        # open cell kept it, and the old dose was saved or printed)
        # and the keys the main window's File menu teaches for the same commands
        std = QKeySequence.StandardKey
        for text, slot, keys in (
                ("&Open…", self._on_open_clicked, QKeySequence(std.Open)),
                ("&Save…", self._on_save_clicked, QKeySequence(std.Save)),
                ("Print pre&view…", self._on_preview_clicked, QKeySequence("Ctrl+Shift+P")),
                ("&Print…", self._on_print_clicked, QKeySequence(std.Print)),
                ("&Export PDF…", self._on_export_clicked, QKeySequence("Ctrl+E"))):
            button = QPushButton(text)
            button.clicked.connect(self._finish_editing)
            button.clicked.connect(slot)
            QShortcut(keys, self).activated.connect(button.click)  # greyed: does nothing
            button.setProperty("keys", keys.toString(QKeySequence.SequenceFormat.NativeText))
            button.setToolTip(button.property("keys"))
            if slot not in (self._on_open_clicked, self._on_save_clicked):
                self.print_buttons.append(button)
            buttons.addWidget(button)
        buttons.addStretch(1)
        close = QPushButton("&Close")
        close.clicked.connect(self.accept)
        buttons.addWidget(close)

        # all but the buttons at the bottom scrolls on a screen too small for it (1920 x
        # 1080 at 300%), so that those stay on the screen and nothing overlaps
        body = QWidget()
        body_layout = QVBoxLayout(body)
        body_layout.setContentsMargins(0, 0, 0, 0)
        body_layout.addLayout(form)
        body_layout.addWidget(split, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(FollowingScroll(body), 1)
        layout.addLayout(buttons)
        status = StatusBar()  # says where an export or a save went
        status.setSizeGripEnabled(False)
        # shown only while it says something: an empty strip took a row from the table
        # on a short screen (1080p at 300%)
        status.hide()
        status.messageChanged.connect(lambda text: status.setVisible(bool(text)))
        layout.addWidget(status)
        # No default button: Enter in the name field or on a table row must not press
        # "Add" (or any other button) behind the user's back.
        for button in self.findChildren(QPushButton):
            button.setAutoDefault(False)
            button.setDefault(False)

    def _fill_catalogue(self, conditions: tuple[str, ...]) -> None:
        self.catalogue.clear()
        suggested = suggested_exercises(self.content, conditions)
        rest = sorted((e for e in self.content.exercises if e not in suggested),
                      key=lambda e: self.content.exercises[e].name.lower())
        for exercise_id in [*suggested, *rest]:
            name = self.content.exercises[exercise_id].name
            # the star after the name: typing a name's first letters finds it (type-ahead
            # matches the start of the text)
            label = f"{name} ★" if exercise_id in suggested else name
            item = QListWidgetItem(label)
            item.setData(Qt.ItemDataRole.UserRole, exercise_id)
            item.setData(NAME_ROLE, label)
            tip = "Suggested for the chosen conditions" if exercise_id in suggested else ""
            item.setData(TIP_ROLE, tip)
            item.setToolTip(tip)
            self.catalogue.addItem(item)

    # ---- the handout <-> the widgets ----------------------------------------------------
    def _load(self, handout: Handout) -> None:
        """Show a new or opened handout: nothing to undo, nothing unsaved."""
        self._base = handout
        self.patient.setText(handout.patient)
        self.side.setCurrentIndex(self.side.findData(handout.side))
        self.large_print.setChecked(handout.large_print)
        self.recovery_chart.setChecked(handout.recovery_chart)
        self.summaries.setChecked(handout.condition_summaries)
        self._name_summaries()
        self.running_plan.setEnabled(handout.has_running_plan)
        self.running_plan.setChecked(handout.has_running_plan)
        self.note.setPlainText(handout.clinician_note)
        self.show_exercises(handout.exercises)
        self.history.reset()
        self._saved = self.handout()
        self._update_modified()

    def use_content(self, content: Content, art: DiagramArt) -> None:
        """The window reloaded its content: the catalogue, the names and the print use the
        new one. The handout keeps every row, edit and undo step; an exercise no longer
        in the content is marked "(unknown)" and left out of the print."""
        items = self._table_items()
        self.content, self.art = content, art
        self._fill_catalogue(self.handout().conditions)
        self._name_summaries()
        self._rebuild_table(items)
        self.show_exercises(items)  # with a warning for what the new content lacks

    def _name_summaries(self) -> None:
        """The summaries box names what it adds; it is off for a handout made without a
        condition the content has."""
        names = [c.name for c in summarised(self.content, replace(
            self._base, condition_summaries=True))]
        plural = len(names) > 1
        self.summaries.setText("&Include the condition summar" + ("ies" if plural else "y")
                               + " first" + (f" ({len(names)})" if plural else ""))
        self.summaries.setEnabled(bool(names))
        if names:
            tip = f"Print {listed(names)} before the exercises, in one document"
        elif self._base.conditions:  # a file from another clinic's content, say
            tip = ("None of the handout's conditions is in the content loaded "
                   f"({listed(list(self._base.conditions))}); the choice is kept in its file")
        else:
            tip = "The handout was made without a condition (select one in the window first)"
        self.summaries.setToolTip(tip)

    def use_running_plan(self, runs: tuple[tuple[int, float], ...], unit: str,
                         baseline: Baseline | None) -> None:
        """The planner changed: the handout's running plan follows it. A plan that
        appears is included (as in a new handout); one that is already there stays in
        or out as the user chose."""
        had = self._base.has_running_plan
        self._base = replace(self._base, runs=runs, unit=unit, baseline=baseline)
        has = self._base.has_running_plan
        self.running_plan.setEnabled(has)
        if has != had:
            self.running_plan.setChecked(has)
        self._update_modified()

    def set_plan_out_of_date(self, out_of_date: bool) -> None:
        """The planner's entries have a problem (True) or are valid again: its plan, and
        the one printed here, is from its last valid entries, which the warning says."""
        self._plan_out_of_date = out_of_date
        self._update_warning()

    def show_exercises(self, items: Exercises) -> None:
        """Show these exercises. The table is rebuilt only if it shows something else, so
        a dose just typed keeps its place."""
        if items != self._table_items():
            self._rebuild_table(items)
        self.columns.fit()  # each word of a new dose whole
        self._mark_catalogue({item.exercise for item in items})
        self._update_warning()
        self._update_modified()

    def _mark_catalogue(self, chosen: set[str]) -> None:
        """Exercises already in the handout are greyed and ticked in the list."""
        for row in range(self.catalogue.count()):
            entry = self.catalogue.item(row)
            exercise_id = entry.data(Qt.ItemDataRole.UserRole)
            name = entry.data(NAME_ROLE)
            inside = exercise_id in chosen
            entry.setText(f"{name}  ✓" if inside else name)
            entry.setForeground(QColor("#6b7480") if inside else self.palette().text().color())
            entry.setToolTip("Already in the handout" if inside else entry.data(TIP_ROLE))

    def _change(self, text: str, after: Exercises, selected: Sequence[int] = (),
                current: int = -1) -> None:
        """Show `after` as one step that Undo takes back, with the rows `selected` (if
        any) and `current` the keyboard's place."""
        self.show_exercises(after)
        if selected:
            self._select_rows(selected, current)
        self._remember_selection()
        self.history.record(text)

    def _show_step(self, items: Exercises) -> None:
        """Undo or redo: the list as it was, with the rows selected then."""
        self.show_exercises(items)
        self._select_rows(*self._selected_in.get(items, ((), -1)))

    def _selected_rows(self) -> list[int]:
        return sorted({index.row() for index in self.table.selectedIndexes()})

    def _select_rows(self, rows: Sequence[int], current: int = -1) -> None:
        """Select these rows, `current` (else the first) the keyboard's place."""
        model, flags = self.table.model(), QItemSelectionModel.SelectionFlag
        selection = QItemSelection()
        for row in rows:
            selection.select(model.index(row, 0), model.index(row, len(COLUMNS) - 1))
        if rows:
            column = max(self.table.currentColumn(), 0)
            self.table.selectionModel().setCurrentIndex(
                model.index(current if current in rows else rows[0], column), flags.NoUpdate)
        self.table.selectionModel().select(selection, flags.ClearAndSelect)

    def _remember_selection(self) -> None:
        if self._rebuilding:
            return
        items = self._table_items()
        self._selected_in.pop(items, None)  # now the latest, kept longest
        self._selected_in[items] = tuple(self._selected_rows()), self.table.currentRow()
        if len(self._selected_in) > UNDO_LIMIT:
            del self._selected_in[next(iter(self._selected_in))]

    def _rebuild_table(self, items: Exercises) -> None:
        self.table.blockSignals(True)  # rebuilding is not an edit
        self._rebuilding = True
        self.table.setRowCount(0)
        for item in items:
            self._append_row(item)
        self._rebuilding = False
        self.table.blockSignals(False)

    def _name(self, item: HandoutExercise) -> str:
        return self.content.entry_title("exercise", item.exercise) or item.exercise

    def _append_row(self, item: HandoutExercise) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        known = item.exercise in self.content.exercises
        name = _Cell(self._name(item) if known else f"{item.exercise} (unknown)")
        name.setData(Qt.ItemDataRole.UserRole, item.exercise)
        if item.extra:  # as JSON text: a Qt value would not give back every JSON value
            name.setData(EXTRA_ROLE, json.dumps(item.extra, ensure_ascii=False))
        name.setFlags(name.flags() & ~Qt.ItemFlag.ItemIsEditable)
        self.table.setItem(row, 0, name)
        for column, field in enumerate(FIELDS, 1):
            self.table.setItem(row, column, _Cell(getattr(item, field)))

    def _table_items(self) -> Exercises:
        items = []
        for row in range(self.table.rowCount()):
            # trimmed: a note of only spaces is no note (it printed an empty "Note:")
            values = [(self.table.item(row, c).text().strip() if self.table.item(row, c)
                       else "") for c in range(1, len(COLUMNS))]
            name = self.table.item(row, 0)
            extra = json.loads(name.data(EXTRA_ROLE) or "{}")
            items.append(HandoutExercise(name.data(Qt.ItemDataRole.UserRole), extra=extra,
                                         **dict(zip(FIELDS, values, strict=True))))
        return tuple(items)

    def handout(self) -> Handout:
        return replace(self._base, patient=self.patient.text().strip(),
                       side=self.side.currentData(),
                       clinician_note=self.note.toPlainText().strip(),
                       large_print=self.large_print.isChecked(), exercises=self._table_items(),
                       recovery_chart=self.recovery_chart.isChecked(),
                       condition_summaries=self.summaries.isChecked(),
                       runs=self._base.runs if self.running_plan.isChecked() else (),
                       baseline=self._base.baseline if self.running_plan.isChecked() else None)

    def add_exercise(self, exercise_id: str) -> None:
        after = self.handout().with_exercise(self.content, exercise_id).exercises
        self._change(f"Add {self._name(after[-1])}", after)

    def _update_modified(self) -> None:
        """The title's * says the handout differs from its file (or from how it began)."""
        self.setWindowModified(self.handout() != self._saved)

    def _update_warning(self) -> None:
        count = self.table.rowCount()
        warnings = [f"{count} exercises: people follow a handout better with fewer "
                    f"illustrated exercises. Consider at most {RECOMMENDED_MAX_EXERCISES}."
                    ] if count > RECOMMENDED_MAX_EXERCISES else []
        handout = self.handout()
        refusal = as_printed(handout, self.content).print_refusal()
        for button in self.print_buttons:
            button.setEnabled(not refusal)
            button.setToolTip(refusal or button.property("keys"))
        warnings += [refusal] if refusal else []
        too_long = handout.too_long()
        if too_long:
            warnings.append(f"Too long to save: {listed(too_long, ', ')}.")
        # a reload may have taken them out of the content: the print leaves them out
        missing = unknown_entries(handout, self.content)
        if missing:
            warnings.append(f"Not in the loaded content, so left out of the print: "
                            f"{listed(missing)}.")
        if self._plan_out_of_date and handout.has_running_plan:
            warnings.append("The running plan is from the planner's last valid entries; "
                            "its newest entries have a problem (see the planner).")
        if handout.recovery_chart and not any(
                self.content.conditions[c].recovery for c in handout.conditions
                if c in self.content.conditions):
            warnings.append("The recovery timeline is left out of the print: no condition "
                            "talked about has one.")
        self.warning.setText("\n".join(warnings))

    # ---- buttons ------------------------------------------------------------------------
    def _on_add_clicked(self) -> None:
        present = {item.exercise for item in self._table_items()}
        rows = sorted(self.catalogue.row(item) for item in self.catalogue.selectedItems())
        chosen = [self.catalogue.item(row).data(Qt.ItemDataRole.UserRole) for row in rows]
        chosen = [exercise_id for exercise_id in chosen if exercise_id not in present]
        if len(chosen) == 1:
            self.add_exercise(chosen[0])
        elif chosen:
            self.history.stack.beginMacro(f"Add {len(chosen)} exercises")  # one Undo, one click
            for exercise_id in chosen:
                self.add_exercise(exercise_id)
            self.history.stack.endMacro()

    def _edit_current_cell(self) -> None:
        """Enter on a row: edit its current cell (on the name, which is fixed: the sets)."""
        index = self.table.currentIndex()
        if index.isValid():
            self.table.edit(index.siblingAtColumn(max(1, index.column())))

    def _on_table_item_changed(self, item: QTableWidgetItem) -> None:
        items = self._table_items()
        self._change(f"Change {self._name(items[item.row()])}", items)

    def _what(self, rows: Sequence[int]) -> str:
        """The exercises in these rows, as Undo names them."""
        if len(rows) > 1:
            return f"{len(rows)} exercises"
        return self._name(self._table_items()[rows[0]])

    def _on_remove_clicked(self) -> None:
        """Remove the selected rows; the row after them (else the last) is then the
        keyboard's place, so that Delete again removes the next."""
        rows = self._selected_rows()
        if not rows:
            return
        after = self.handout().without_exercises(rows).exercises
        place = min(rows[0], len(after) - 1)
        self._change(f"Remove {self._what(rows)}", after, [place] if after else ())

    def _move(self, step: int) -> None:
        """Move the selected rows (else the current one) up or down, still selected."""
        rows = self._selected_rows() or [self.table.currentRow()]
        handout = self.handout()
        moved = handout.with_exercises_moved(rows, step)
        if moved is not handout:
            self._change(f"Move {self._what(rows)}", moved.exercises,
                         [row + step for row in rows], self.table.currentRow() + step)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Enter on a focused button presses it, as Space does (no button is a default
        that Enter elsewhere would press)."""
        button = self.focusWidget()
        if (event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
                and isinstance(button, QPushButton) and button.isEnabled()):
            button.click()
            return
        super().keyPressEvent(event)

    def done(self, result: int) -> None:
        """Close (Close, Escape or the window's close box), offering first to save
        changes that would otherwise be lost."""
        if self._may_drop_changes():
            super().done(result)

    def _may_drop_changes(self) -> bool:
        """True if there is nothing unsaved, or the user saved it or chose to discard it."""
        self._finish_editing()
        if self.handout() == self._saved:
            return True
        buttons = QMessageBox.StandardButton
        answer = QMessageBox.question(
            self, TITLE, "This handout has changes that are not saved in a handout file. "
            "Save them, so you can open the handout and change it later?",
            buttons.Save | buttons.Discard | buttons.Cancel, buttons.Save)
        if answer == buttons.Save:
            return self._on_save_clicked()
        return answer == buttons.Discard

    def _finish_editing(self) -> None:
        """A cell still being edited counts as changed: its text goes into the table, as
        leaving the cell would put it (closing the window from its close box, or quitting,
        moves no focus, and the typed text was lost without a question)."""
        if self.table.state() != QAbstractItemView.State.EditingState:
            return
        # the open editor (a closed one may wait to be deleted, hidden)
        editor = next((e for e in self.table.viewport().findChildren(QLineEdit)
                       if e.isVisible()), None)
        if editor is not None:
            self.table.commitData(editor)
            self.table.closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint)

    def job(self) -> PrintJob:
        return handout_pack(self.content, self.art, self.handout(),
                            print_actions.page_size(self.settings))

    def _on_preview_clicked(self) -> None:
        self.preview_dialog = print_actions.preview(self, self.job(), self.settings,
                                                    self._file_name("exercise-handout"))

    def _on_print_clicked(self) -> None:
        print_actions.print_job(self, self.job(), self.settings,
                                self._file_name("exercise-handout"))

    def _on_export_clicked(self) -> None:
        print_actions.export_job(self, self.job(), self.settings,
                                 self._file_name("exercise-handout"))

    def _on_save_clicked(self) -> bool:
        start = str(self.path or self._folder() / f"{self._file_name('handout')}.json")
        # a typed name without .json is given it, or Open's filter would hide the file
        path = print_actions.ask_save_path(self, "Save handout", start,
                                           "Handout files (*.json)", ".json")
        return self.save_to(path) if path else False

    def _folder(self) -> Path:
        """Where Open and Save start: the folder of the handout file last opened or
        saved (Open started in the home folder), else of the last PDF exported."""
        exported = self.settings.text("print/last_folder", str(Path.home()))
        return Path(self.settings.text(FOLDER_KEY, exported))

    def save_to(self, path: Path) -> bool:
        handout = self.handout()
        try:
            write_handout(path, handout)
        except HandoutError as exc:
            tell(self, QMessageBox.Icon.Warning, "Save handout", str(exc))
            return False
        self._set_path(path)
        self._saved = handout
        self._update_modified()
        self.settings.set(FOLDER_KEY, str(path.parent))
        print_actions.show_status(self, f"Saved {path}", f"Saved {path.name}")
        return True

    def _file_name(self, kind: str) -> str:
        """A file name to suggest, with the patient's name ("handout-kim-lee"), so that
        one patient's file is not offered for the next patient's to replace."""
        words = re.findall(r"\w+", self.patient.text().lower())
        return "-".join([kind, *words])[:MAX_FILE_STEM]

    def _set_path(self, path: Path) -> None:
        self.path = path
        self.setWindowTitle(f"{TITLE} — {path.name}[*]")

    def _on_open_clicked(self) -> None:
        if not self._may_drop_changes():
            return
        path, _ = QFileDialog.getOpenFileName(self, "Open handout",
                                              str(self.path or self._folder()),
                                              "Handout files (*.json);;All files (*)")
        if path:
            self.open_from(Path(path))

    def open_from(self, path: Path) -> bool:
        """Load a saved handout; a damaged file is reported and the current one kept."""
        try:
            handout = read_handout(path)
        except HandoutError as exc:
            tell(self, QMessageBox.Icon.Warning, "Open handout",
                 f"{exc}\n\nThe handout you were editing is unchanged.")
            return False
        notes = [f"Left out: {why}" for why in handout.left_out] + list(handout.notes)
        missing = unknown_entries(handout, self.content)
        if missing:
            notes.append("Not in the loaded content, so left out of the print: "
                         + listed(missing))
        if notes:
            tell(self, QMessageBox.Icon.Information, "Open handout", "\n\n".join(
                [*notes, f"{path.name} itself is unchanged until you save."]))
        self._set_path(path)
        self.settings.set(FOLDER_KEY, str(path.parent))
        self._fill_catalogue(handout.conditions)
        self._load(handout)
        if handout.has_running_plan:
            self.plan_opened.emit(handout)
        return True
