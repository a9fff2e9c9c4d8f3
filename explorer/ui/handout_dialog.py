"""The handout builder: choose exercises for a patient, edit doses and notes, then
preview, print, export or save the handout as a file to reopen later."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from explorer.model import Content
from explorer.model.handout import (
    RECOMMENDED_MAX_EXERCISES,
    Handout,
    HandoutError,
    HandoutExercise,
    read_handout,
    suggested_exercises,
    unknown_entries,
    write_handout,
)
from explorer.report.documents import PrintJob, handout_job
from explorer.ui import print_actions
from explorer.ui.diagram_art import DiagramArt
from explorer.ui.settings import Settings

COLUMNS = ("Exercise", "Sets", "Reps", "Hold", "Frequency", "Note")
FIELDS = ("sets", "reps", "hold", "frequency", "note")


class HandoutDialog(QDialog):
    def __init__(self, content: Content, art: DiagramArt, settings: Settings,
                 handout: Handout, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Exercise handout")
        self.content = content
        self.art = art
        self.settings = settings
        self._base = handout
        self.path: Path | None = None
        self.resize(1000, 640)

        self.patient = QLineEdit(handout.patient)
        self.patient.setPlaceholderText("optional")
        self.large_print = QCheckBox("Large print")
        self.large_print.setChecked(handout.large_print)
        self.recovery_chart = QCheckBox("Include the recovery timeline")
        self.recovery_chart.setChecked(handout.recovery_chart)
        self.running_plan = QCheckBox("Include the running plan (from the planner)")
        self.running_plan.setChecked(handout.has_running_plan)
        self.running_plan.setEnabled(handout.has_running_plan)
        self.note = QPlainTextEdit(handout.clinician_note)
        self.note.setPlaceholderText("A note for the patient (optional)")
        self.note.setMaximumHeight(90)
        self.catalogue = QListWidget()
        self.catalogue.setAccessibleName("Exercises to choose from")
        self.catalogue.setWordWrap(True)  # long names wrap instead of scrolling sideways
        self.catalogue.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels(COLUMNS)
        self.table.setAccessibleName("Chosen exercises")
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.warning = QLabel()
        self.warning.setStyleSheet("color: #7a2e00;")
        self.warning.setWordWrap(True)
        self._build()
        self._fill_catalogue(handout.conditions)
        self._load(handout)

    # ---- layout ------------------------------------------------------------------------
    def _build(self) -> None:
        form = QFormLayout()
        form.addRow("Patient name:", self.patient)
        form.addRow("", self.large_print)
        form.addRow("", self.recovery_chart)
        form.addRow("", self.running_plan)
        form.addRow("Note:", self.note)

        add = QPushButton("Add →")
        add.clicked.connect(self._on_add_clicked)
        self.catalogue.itemDoubleClicked.connect(lambda _item: self._on_add_clicked())
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.addWidget(QLabel("<b>Exercises</b> (suggested first)"))
        left_layout.addWidget(self.catalogue)
        left_layout.addWidget(add)

        remove = QPushButton("Remove")
        remove.clicked.connect(self._on_remove_clicked)
        up = QPushButton("Move up")
        up.clicked.connect(lambda: self._move(-1))
        down = QPushButton("Move down")
        down.clicked.connect(lambda: self._move(1))
        row = QHBoxLayout()
        for button in (remove, up, down):
            row.addWidget(button)
        row.addStretch(1)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.addWidget(QLabel("<b>In the handout</b> (edit doses and notes)"))
        right_layout.addWidget(self.table)
        right_layout.addLayout(row)
        right_layout.addWidget(self.warning)

        split = QSplitter()
        split.addWidget(left)
        split.addWidget(right)
        split.setSizes([300, 700])

        buttons = QHBoxLayout()
        for text, slot in (("Open…", self._on_open_clicked), ("Save…", self._on_save_clicked),
                           ("Print preview…", self._on_preview_clicked),
                           ("Print…", self._on_print_clicked),
                           ("Export PDF…", self._on_export_clicked)):
            button = QPushButton(text)
            button.clicked.connect(slot)
            buttons.addWidget(button)
        buttons.addStretch(1)
        close = QPushButton("Close")
        close.clicked.connect(self.accept)
        buttons.addWidget(close)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(split, 1)
        layout.addLayout(buttons)

    def _fill_catalogue(self, conditions: tuple[str, ...]) -> None:
        self.catalogue.clear()
        suggested = suggested_exercises(self.content, conditions)
        rest = sorted((e for e in self.content.exercises if e not in suggested),
                      key=lambda e: self.content.exercises[e].name.lower())
        for exercise_id in [*suggested, *rest]:
            name = self.content.exercises[exercise_id].name
            item = QListWidgetItem(f"★ {name}" if exercise_id in suggested else name)
            item.setData(Qt.ItemDataRole.UserRole, exercise_id)
            if exercise_id in suggested:
                item.setToolTip("Suggested for the chosen conditions")
            self.catalogue.addItem(item)

    # ---- the handout <-> the widgets ----------------------------------------------------
    def _load(self, handout: Handout) -> None:
        self._base = handout
        self.patient.setText(handout.patient)
        self.large_print.setChecked(handout.large_print)
        self.recovery_chart.setChecked(handout.recovery_chart)
        self.running_plan.setEnabled(handout.has_running_plan)
        self.running_plan.setChecked(handout.has_running_plan)
        self.note.setPlainText(handout.clinician_note)
        self.table.setRowCount(0)
        for item in handout.exercises:
            self._append_row(item)
        self._update_warning()

    def _append_row(self, item: HandoutExercise) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        exercise = self.content.exercises.get(item.exercise)
        name = QTableWidgetItem(exercise.name if exercise else f"{item.exercise} (unknown)")
        name.setData(Qt.ItemDataRole.UserRole, item.exercise)
        name.setFlags(name.flags() & ~Qt.ItemFlag.ItemIsEditable)
        self.table.setItem(row, 0, name)
        for column, field in enumerate(FIELDS, 1):
            self.table.setItem(row, column, QTableWidgetItem(getattr(item, field)))

    def handout(self) -> Handout:
        items = []
        for row in range(self.table.rowCount()):
            values = [(self.table.item(row, c).text() if self.table.item(row, c) else "")
                      for c in range(1, len(COLUMNS))]
            exercise_id = self.table.item(row, 0).data(Qt.ItemDataRole.UserRole)
            items.append(HandoutExercise(exercise_id, **dict(zip(FIELDS, values, strict=True))))
        return replace(self._base, patient=self.patient.text().strip(),
                       clinician_note=self.note.toPlainText().strip(),
                       large_print=self.large_print.isChecked(), exercises=tuple(items),
                       recovery_chart=self.recovery_chart.isChecked(),
                       runs=self._base.runs if self.running_plan.isChecked() else (),
                       baseline=self._base.baseline if self.running_plan.isChecked() else None)

    def add_exercise(self, exercise_id: str) -> None:
        before = self.handout()
        after = before.with_exercise(self.content, exercise_id)
        if after is not before:
            self._append_row(after.exercises[-1])
        self._update_warning()

    def _update_warning(self) -> None:
        count = self.table.rowCount()
        self.warning.setText(
            f"{count} exercises: people follow a handout better with fewer illustrated "
            f"exercises. Consider at most {RECOMMENDED_MAX_EXERCISES}."
            if count > RECOMMENDED_MAX_EXERCISES else "")

    # ---- buttons ------------------------------------------------------------------------
    def _on_add_clicked(self) -> None:
        for item in self.catalogue.selectedItems():
            self.add_exercise(item.data(Qt.ItemDataRole.UserRole))

    def _on_remove_clicked(self) -> None:
        for row in sorted({i.row() for i in self.table.selectedIndexes()}, reverse=True):
            self.table.removeRow(row)
        self._update_warning()

    def _move(self, step: int) -> None:
        row = self.table.currentRow()
        target = row + step
        if row < 0 or not 0 <= target < self.table.rowCount():
            return
        handout = self.handout()
        items = list(handout.exercises)
        items[row], items[target] = items[target], items[row]
        self._load(replace(handout, exercises=tuple(items)))
        self.table.selectRow(target)

    def job(self) -> PrintJob:
        return handout_job(self.content, self.art, self.handout())

    def _on_preview_clicked(self) -> None:
        self.preview_dialog = print_actions.preview(self, self.job(), self.settings)

    def _on_print_clicked(self) -> None:
        print_actions.print_job(self, self.job(), self.settings)

    def _on_export_clicked(self) -> None:
        print_actions.export_job(self, self.job(), self.settings, "exercise-handout")

    def _on_save_clicked(self) -> None:
        start = str(self.path or Path(self.settings.text("print/last_folder",
                                                         str(Path.home()))) / "handout.json")
        path, _ = QFileDialog.getSaveFileName(self, "Save handout", start,
                                              "Handout files (*.json)")
        if path:
            self.save_to(Path(path))

    def save_to(self, path: Path) -> bool:
        try:
            write_handout(path, self.handout())
        except HandoutError as exc:
            QMessageBox.warning(self, "Save handout", str(exc))
            return False
        self.path = path
        return True

    def _on_open_clicked(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "Open handout", str(self.path or Path.home()),
                                              "Handout files (*.json);;All files (*)")
        if path:
            self.open_from(Path(path))

    def open_from(self, path: Path) -> bool:
        """Load a saved handout; a damaged file is reported and the current one kept."""
        try:
            handout = read_handout(path)
        except HandoutError as exc:
            QMessageBox.warning(self, "Open handout",
                                f"{exc}\n\nThe handout you were editing is unchanged.")
            return False
        missing = unknown_entries(handout, self.content)
        if missing:
            QMessageBox.information(self, "Open handout",
                                    "Not in the loaded content, so left out of the print: "
                                    + ", ".join(missing))
        self.path = path
        self._fill_catalogue(handout.conditions)
        self._load(handout)
        return True
