"""Refine: yes/no questions from the content's clues, and the red-flag banner.

Ordinary clues re-rank the list. A "yes" to a red-flag clue (cannot bear weight,
fever, night or rest pain) shows a banner with what to do, whatever is selected.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QCheckBox, QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from explorer.model import Content
from explorer.render.html import esc
from explorer.ui.selection import Selection


class RedFlagBanner(QFrame):
    """A prominent "see a doctor" box; hidden until a red-flag answer is yes."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("redFlagBanner")
        self.setStyleSheet("#redFlagBanner { background: #fdecee; border: 2px solid #b3001b;"
                           " border-radius: 6px; } QLabel { color: #5c0010; }")
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.RichText)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        layout.addWidget(self.label)
        self.setAccessibleName("Warning: see a doctor")
        self.hide()

    def show_advice(self, advice: list[str]) -> None:
        if not advice:
            self.hide()
            return
        body = "".join(f"<p style='margin:4px 0'>{esc(a)}</p>" for a in advice)
        self.label.setText(f"<p style='font-size:13pt; font-weight:bold; margin:0'>"
                           f"&#9888; See a doctor</p>{body}")
        self.setAccessibleDescription(" ".join(advice))
        self.show()


class _ClickLabel(QLabel):
    """A wrapping label that toggles its check box when clicked."""

    def __init__(self, text: str, box: QCheckBox) -> None:
        super().__init__(text)
        self.setWordWrap(True)
        self.setBuddy(box)
        self._box = box

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._box.toggle()
        event.accept()


class RefinePanel(QWidget):
    def __init__(self, content: Content, selection: Selection,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._content = content
        self._selection = selection
        self.boxes: dict[str, QCheckBox] = {}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        intro = QLabel("Tick what is true for you:")
        layout.addWidget(intro)
        for clue in sorted(content.clues.values(), key=lambda c: c.red_flag):
            box = QCheckBox()
            box.setAccessibleName(clue.question)
            label = _ClickLabel(clue.question, box)
            if clue.red_flag:
                label.setStyleSheet("color: #8a0015; font-weight: bold;")
            box.toggled.connect(lambda on, cid=clue.id: selection.set_answer(cid, on))
            row = QHBoxLayout()
            row.setSpacing(6)
            row.addWidget(box, 0, Qt.AlignmentFlag.AlignTop)
            row.addWidget(label, 1)
            layout.addLayout(row)
            self.boxes[clue.id] = box
        layout.addStretch(1)
        selection.answers_changed.connect(self._on_selection_answers_changed)

    def red_flag_advice(self) -> list[str]:
        answers = self._selection.answers
        return [clue.advice or clue.question for clue in self._content.red_flag_clues
                if answers.get(clue.id)]

    def _on_selection_answers_changed(self) -> None:
        answers = self._selection.answers
        for clue_id, box in self.boxes.items():
            if box.isChecked() != answers.get(clue_id, False):
                box.blockSignals(True)
                box.setChecked(answers.get(clue_id, False))
                box.blockSignals(False)
