"""The one selection state of the window; widgets listen to its signals.

Signals are past events. The main window wires widgets to it; widgets never talk
to each other directly, which keeps the diagram, the region list, the condition
list and the detail panel in sync without loops.
"""

from __future__ import annotations

import time
from collections.abc import Iterable

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QComboBox


class Selection(QObject):
    regions_changed = Signal()  # the selected regions or their intensities changed
    condition_selected = Signal(str)  # "" when cleared
    side_changed = Signal(str)  # "right" or "left"
    answers_changed = Signal()
    # the diagram's keyboard moved to this region (not a selection: the region list's
    # current row follows it, so both say where the keyboard is)
    region_focused = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._regions: list[str] = []
        self._intensities: dict[str, int] = {}
        self._condition = ""
        self._side = "right"
        self._answers: dict[str, bool] = {}

    # ---- regions ------------------------------------------------------------------
    @property
    def regions(self) -> list[str]:
        return list(self._regions)

    @property
    def intensities(self) -> dict[str, int]:
        return {r: self._intensities[r] for r in self._regions if r in self._intensities}

    def set_regions(self, regions: Iterable[str]) -> None:
        new = list(dict.fromkeys(regions))
        if new != self._regions:
            self._regions = new
            self._intensities = {r: v for r, v in self._intensities.items() if r in new}
            self.regions_changed.emit()

    def toggle_region(self, region: str, additive: bool) -> None:
        """A click: additive (Ctrl/Shift) adds or removes; otherwise selects only it."""
        if additive:
            if region in self._regions:
                self.set_regions(r for r in self._regions if r != region)
            else:
                self.set_regions([*self._regions, region])
        elif self._regions == [region]:
            self.set_regions([])
        else:
            self.set_regions([region])

    def set_intensity(self, region: str, value: int) -> None:
        value = max(0, min(10, value))
        if region not in self._regions:
            self._regions.append(region)
        if self._intensities.get(region) != value:
            self._intensities[region] = value
        self.regions_changed.emit()

    def clear_intensity(self, region: str) -> None:
        """`region` stays selected with no pain level given (not "pain 0")."""
        if self._intensities.pop(region, None) is not None:
            self.regions_changed.emit()

    def clear_regions(self) -> None:
        self.set_regions([])

    def focus_region(self, region: str) -> None:
        """The diagram's keyboard is on `region` now (its ring shows there)."""
        self.region_focused.emit(region)

    def restore(self, regions: Iterable[str], intensities: dict[str, int]) -> None:
        """Put back an earlier choice of regions and pain levels (undo and redo)."""
        new = list(dict.fromkeys(regions))
        levels = {r: v for r, v in intensities.items() if r in new}
        if (new, levels) != (self._regions, self._intensities):
            self._regions, self._intensities = new, levels
            self.regions_changed.emit()

    # ---- condition -----------------------------------------------------------------
    @property
    def condition(self) -> str:
        return self._condition

    def select_condition(self, condition_id: str) -> None:
        if condition_id != self._condition:
            self._condition = condition_id
            self.condition_selected.emit(condition_id)

    # ---- side and clue answers -----------------------------------------------------
    @property
    def side(self) -> str:
        return self._side

    def set_side(self, side: str) -> None:
        if side not in ("right", "left"):
            raise ValueError(f"side must be 'right' or 'left', not {side!r}")
        if side != self._side:
            self._side = side
            self.side_changed.emit(side)

    @property
    def answers(self) -> dict[str, bool]:
        return dict(self._answers)

    def set_answer(self, clue: str, yes: bool) -> None:
        if self._answers.get(clue, False) != yes:
            self._answers[clue] = yes
            self.answers_changed.emit()

    @property
    def yes_answers(self) -> tuple[str, ...]:
        """The clues answered yes, sorted."""
        return tuple(sorted(c for c, yes in self._answers.items() if yes))

    def set_yes_answers(self, clues: Iterable[str]) -> None:
        """These clues answered yes, every other no (undo, a restart, starting over)."""
        yes = set(clues)
        if yes != set(self.yes_answers):
            self._answers = dict.fromkeys(sorted(yes), True)
            self.answers_changed.emit()


class PainKeys:
    """Pain levels typed on the keyboard, the same in the diagram and the region list:
    a digit sets 0-9, "1" then "0" typed quickly sets 10, + or - step by one, and Delete
    or Backspace takes the level away (see `clears`)."""

    def __init__(self, interval_s: float = 0.8) -> None:
        self.interval_s = interval_s
        self._one_typed: tuple[str, float] | None = None  # (region, when) after a "1"

    def level(self, key: int, region: str, current: int) -> int | None:
        """The new level for `region` after `key`, or None when the key is not for pain."""
        now = time.monotonic()
        one, self._one_typed = self._one_typed, None
        if Qt.Key.Key_0 <= key <= Qt.Key.Key_9:
            digit = key - Qt.Key.Key_0
            if digit == 0 and one and one[0] == region and now - one[1] <= self.interval_s:
                return 10
            if digit == 1:
                self._one_typed = (region, now)
            return digit
        if key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
            return min(10, current + 1)
        if key == Qt.Key.Key_Minus:
            return max(0, current - 1)
        return None

    def clears(self, key: int) -> bool:
        """Whether `key` takes a region's pain level away (a "0" after it is 0)."""
        if key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self._one_typed = None
            return True
        return False


def side_box(selection: Selection) -> QComboBox:
    """"Right hip" or "Left hip": sets the selection's side and follows it (the main
    toolbar and clinic mode's each have one)."""
    box = QComboBox()
    box.addItem("Right hip", "right")
    box.addItem("Left hip", "left")
    box.setAccessibleName("Which hip")
    box.setToolTip("Which hip hurts (mirrors the diagram)")
    box.setCurrentIndex(box.findData(selection.side))
    box.currentIndexChanged.connect(lambda index: selection.set_side(box.itemData(index)))
    selection.side_changed.connect(lambda side: box.setCurrentIndex(box.findData(side)))
    return box
