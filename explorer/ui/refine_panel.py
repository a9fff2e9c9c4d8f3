"""Refine: yes/no questions from the content's clues, and the red-flag banner.

Ordinary clues re-rank the list; only those that can change it for the selected regions
are asked (a question already ticked stays until the regions change). Red-flag clues are
always asked and come last, under their own heading; a "yes" to one (cannot bear weight,
fever, night or rest pain...) shows a banner with what to do, whatever is selected.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import (
    QAccessible,
    QAccessibleEvent,
    QColor,
    QFocusEvent,
    QFont,
    QMouseEvent,
    QPalette,
    QResizeEvent,
)
from PySide6.QtWidgets import (
    QCheckBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from explorer.model import Content, clues_for_regions
from explorer.model.entities import Clue, Urgency
from explorer.render.html import esc
from explorer.ui.selection import Selection

NO_LIMIT = 16_777_215  # Qt's largest widget size (QWIDGETSIZE_MAX)


class RedFlagBanner(QFrame):
    """A prominent "see a doctor" strip across the window, hidden until a red-flag answer
    is yes. The most urgent advice comes first; advice too long for the strip scrolls
    (it never takes more than `max_share` of the window's height) rather than being cut."""

    # a quarter leaves the window's columns their room; clinic mode, with no hint under
    # the diagram, gives two fifths (a quarter cut its large type off mid-sentence on a
    # 600-pixel-high screen)
    max_share = 0.25
    least = 90  # pixels: its title and a line of advice, whatever the room

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # the most height the window can give it and leave what is below it its least
        # (the window sets it; on a short screen the columns were drawn over each other)
        self.room: Callable[[], int] = lambda: NO_LIMIT
        self.setObjectName("redFlagBanner")
        self.setStyleSheet("#redFlagBanner { background: #fdecee; border: 2px solid #b3001b;"
                           " border-radius: 6px; } QLabel { color: #5c0010; }"
                           " QScrollArea, #bannerBody { background: transparent; }"
                           " QScrollArea { border: 2px solid transparent; }"
                           " QScrollArea:focus { border-color: #0072B2; }")
        self.label = QLabel()
        self.label.setObjectName("bannerBody")
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.RichText)
        self.label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.text_area = QScrollArea()
        self.text_area.setFrameShape(QFrame.Shape.NoFrame)
        self.text_area.setWidgetResizable(True)
        self.text_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.text_area.setWidget(self.label)
        self.text_area.viewport().setAutoFillBackground(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 6, 4, 6)
        layout.addWidget(self.text_area)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.setAccessibleName("Warning: see a doctor")
        self.hide()

    def show_advice(self, clues: list[Clue]) -> None:
        """Advice for the red-flag clues answered yes, the most urgent first."""
        if not clues:
            self.hide()
            return
        ranked = sorted(clues, key=lambda clue: -clue.warning_rank)
        now = [c for c in ranked if c.warning_rank >= Urgency.EMERGENCY.rank]
        later = [c for c in ranked if c not in now]
        title = "Get medical help now" if now else "See a doctor"
        # each piece of advice a bullet; the advice for seeing a doctor soon under its own
        # heading, not under "Get medical help now"
        groups = [(title, now or later)] + ([("Also see a doctor", later)] if now and later
                                            else [])
        self.label.setText("".join(
            f"<p style='font-size:{'x-large' if index == 0 else 'large'}; font-weight:bold;"
            f" margin:{0 if index == 0 else 6}px 0 0 0'>"
            f"{'&#9888; ' if index == 0 else ''}{heading}</p>"
            "<ul style='margin:2px 0 0 0; -qt-list-indent:1'>"
            + "".join(f"<li style='margin:2px 0'>{esc(c.advice or c.question)}</li>"
                      for c in group) + "</ul>"
            for index, (heading, group) in enumerate(groups)))
        advice = " ".join(c.advice or c.question for c in ranked)
        news = self.isHidden() or advice != self.accessibleDescription()
        for widget in (self, self.text_area):  # the text area: where Tab stops to scroll
            widget.setAccessibleName(f"Warning: {title.lower()}")
            widget.setAccessibleDescription(advice)
        self.show()
        self._fit()
        if news:  # a screen reader says it at once, as a sighted user sees it appear
            QAccessible.updateAccessibility(QAccessibleEvent(self, QAccessible.Event.Alert))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def set_max_share(self, share: float) -> None:
        self.max_share = share
        self._fit()

    def refit(self) -> None:
        """Fit again, the window's height or the room it gives having changed."""
        if self.isVisible():
            self._fit()

    def _fit(self) -> None:
        """As tall as the text at this width, up to `max_share` of the window and the
        `room` it gives, and never less than `least`."""
        margins = self.contentsMargins()
        inner = self.layout().contentsMargins()
        edge = 2 * self.text_area.frameWidth()  # the focus frame's room
        width = (self.width() - margins.left() - margins.right() - inner.left()
                 - inner.right() - edge)
        text = self.label.heightForWidth(max(width - 2, 50))
        frame = margins.top() + margins.bottom() + inner.top() + inner.bottom() + edge
        limit = max(self.least, min(int(self.window().height() * self.max_share),
                                    self.room()))
        height = min(text + frame + 2, limit)
        if height != self.height():
            self.setFixedHeight(height)
            layout = self.layout()
            layout.invalidate()  # lay the text out in the new height now, not a frame later
            layout.activate()
        scrolls = text + frame + 2 > limit
        self.text_area.setVerticalScrollBarPolicy(
            Qt.ScrollBarPolicy.ScrollBarAsNeeded if scrolls
            else Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # a Tab stop (framed when it has the keyboard) only where the arrow keys have
        # something to scroll: an unseen, unnamed stop otherwise
        self.text_area.setFocusPolicy(Qt.FocusPolicy.StrongFocus if scrolls
                                      else Qt.FocusPolicy.NoFocus)


WARNING_RED = "#8a0015"


def _colour(label: QLabel, colour: str) -> None:
    """Text colour by palette: a style sheet per label would make every layout and
    paint of the questions go through the slower style-sheet style."""
    palette = label.palette()
    palette.setColor(QPalette.ColorRole.WindowText, QColor(colour))
    label.setPalette(palette)


FOCUS_BACKGROUND = "#cfe3f5"  # behind the question whose box has the keyboard


class _ClickLabel(QLabel):
    """A wrapping label that toggles its check box when clicked, and is marked while
    its box has the keyboard."""

    def __init__(self, text: str, box: QCheckBox, bold: bool = False) -> None:
        super().__init__(text)
        self.setTextFormat(Qt.TextFormat.PlainText)  # content's words, never markup
        self.setWordWrap(True)
        self.setBuddy(box)
        self._box = box
        self._heights: dict[int, int] = {}
        self._bold = bold  # a warning sign's question
        self.set_marked(False)

    def heightForWidth(self, width: int) -> int:
        """Remembered per width: showing or hiding a question would otherwise lay out
        the text of every question again."""
        if width not in self._heights:
            self._heights[width] = super().heightForWidth(width)
        return self._heights[width]

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._heights.clear()
        super().changeEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._box.toggle()
        event.accept()

    def set_marked(self, on: bool) -> None:
        """The box's own focus mark is only its thin border: the question it asks is
        underlined on a light blue background too. Only this label changes (its lines
        stay the same: an underline takes no room)."""
        if on:
            palette = self.palette()
            palette.setColor(QPalette.ColorRole.Window, QColor(FOCUS_BACKGROUND))
            self.setPalette(palette)
        self.setAutoFillBackground(on)
        # only the weight and the underline are the label's own: its size and family still
        # come from the window (a copy of its whole font kept clinic mode's 15 pt after
        # leaving)
        font = QFont()
        font.setBold(self._bold)
        font.setUnderline(on)
        self.setFont(font)


class _Box(QCheckBox):
    """A question's tick box, which marks its question while it has the keyboard."""

    def __init__(self) -> None:
        super().__init__()
        self.question: _ClickLabel | None = None

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        if self.question is not None:
            self.question.set_marked(True)
            # the whole question in view, not only the box: after the scroll area's own
            # scrolling to the box (which left a question's second line cut off on a
            # short screen)
            QTimer.singleShot(0, self._show_question)

    def _show_question(self) -> None:
        scroll = self.parentWidget()
        while scroll is not None and not isinstance(scroll, QScrollArea):
            scroll = scroll.parentWidget()
        if scroll is not None and self.question is not None and self.hasFocus():
            scroll.ensureWidgetVisible(self.question, 0, 6)
            scroll.ensureWidgetVisible(self, 0, 6)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        if self.question is not None:
            self.question.set_marked(False)


class RefinePanel(QWidget):
    answered = Signal(str)  # a clue id, after the user ticks or unticks its question

    def __init__(self, content: Content, selection: Selection,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._content = content
        self._selection = selection
        self.boxes: dict[str, QCheckBox] = {}
        self.questions: dict[str, QLabel] = {}
        self.rows: dict[str, QWidget] = {}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        intro = QLabel("Tick what is true for you:")
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.hidden_note = QLabel("Only the questions that matter where it hurts are shown.")
        self.hidden_note.setWordWrap(True)
        _colour(self.hidden_note, "#555555")
        self.hidden_note.hide()
        layout.addWidget(self.hidden_note)
        self._ordinary = {cid for cid, clue in content.clues.items() if not clue.red_flag}
        self._asked = set(self._ordinary)  # the ordinary questions shown now
        self.warning_heading: QLabel | None = None
        for clue in sorted(content.clues.values(), key=lambda c: c.red_flag):
            if clue.red_flag and self.warning_heading is None:
                # the warning signs, set apart: a yes to any of them says what to do
                self.warning_heading = QLabel("Warning signs: a yes tells you what to do")
                self.warning_heading.setWordWrap(True)
                self.warning_heading.setContentsMargins(0, 8, 0, 0)
                _colour(self.warning_heading, WARNING_RED)
                layout.addWidget(self.warning_heading)
            box = _Box()
            box.setAccessibleName(clue.question)
            label = box.question = _ClickLabel(clue.question, box, bold=clue.red_flag)
            if clue.red_flag:
                _colour(label, WARNING_RED)
            box.toggled.connect(lambda on, cid=clue.id: self._answer(cid, on))
            row = QWidget()  # one widget per question, shown or hidden whole
            row_layout = QHBoxLayout(row)
            row_layout.setContentsMargins(0, 0, 0, 0)
            row_layout.setSpacing(6)
            row_layout.addWidget(box, 0, Qt.AlignmentFlag.AlignTop)
            row_layout.addWidget(label, 1)
            layout.addWidget(row)
            self.rows[clue.id] = row
            self.boxes[clue.id] = box
            self.questions[clue.id] = label
        layout.addStretch(1)
        selection.answers_changed.connect(self._on_selection_answers_changed)
        selection.regions_changed.connect(self._on_selection_regions_changed)
        self._on_selection_answers_changed()  # a panel built again (a reload) shows them
        self._on_selection_regions_changed()

    def _on_selection_regions_changed(self) -> None:
        """Ask the ordinary questions that can re-rank the list for these regions, and
        any already ticked, so an answer never disappears unseen."""
        content, answers = self._content, self._selection.answers
        relevant = clues_for_regions(content, self._selection.regions)
        asked = {cid for cid in self._ordinary if cid in relevant or answers.get(cid)}
        for clue_id in self._asked ^ asked:  # only the rows that change
            self.rows[clue_id].setVisible(clue_id in asked)
        self._asked = asked
        self.hidden_note.setVisible(asked != self._ordinary)

    def _answer(self, clue_id: str, on: bool) -> None:
        self._selection.set_answer(clue_id, on)  # may show the warning strip
        self.answered.emit(clue_id)

    def red_flags_answered(self) -> list[Clue]:
        answers = self._selection.answers
        return [clue for clue in self._content.red_flag_clues if answers.get(clue.id)]

    def _on_selection_answers_changed(self) -> None:
        answers = self._selection.answers
        # an answer given back (Undo, a restart) after its regions went: its question shows
        # (one unticked stays until the regions change: not pulled away under the mouse)
        for clue_id in self._ordinary - self._asked:
            if answers.get(clue_id):
                self.rows[clue_id].setVisible(True)
                self._asked.add(clue_id)
        self.hidden_note.setVisible(self._asked != self._ordinary)
        for clue_id, box in self.boxes.items():
            if box.isChecked() != answers.get(clue_id, False):
                box.blockSignals(True)
                box.setChecked(answers.get(clue_id, False))
                box.blockSignals(False)
