"""Undo and redo for what the person put on the diagram: regions, pain levels, drawings.

These are the person's own answers and the clinician's sketch: a stray click on empty
space clears the regions, a plain click on another region replaces them, and "Clear
drawing" wipes the pen strokes. Every change is one step back (Edit > Undo, also in
clinic mode's toolbar); pain-level changes in a row are one step, so ten turns of the
mouse wheel are undone at once. The history keeps whole snapshots, which are small.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

from PySide6.QtCore import QObject
from PySide6.QtGui import QUndoCommand, QUndoStack

Stroke = tuple[str, tuple[tuple[float, float], ...]]  # colour, points
PAIN_LEVEL_ONLY = 1  # the command id under which pain-level changes merge


class Snapshot(NamedTuple):
    regions: tuple[str, ...]  # in the order chosen
    intensities: tuple[tuple[str, int], ...]  # sorted (region, 0-10)
    strokes: tuple[Stroke, ...]


def describe(before: Snapshot, after: Snapshot, name_of: Callable[[str], str]) -> str:
    """The step's name, shown as "Undo <name>"."""
    if before.strokes != after.strokes:
        return "Draw" if len(after.strokes) > len(before.strokes) else "Clear drawing"
    if not after.regions:
        return "Clear selection"
    if before.regions == after.regions:
        return "Pain level"
    return "Select " + ", ".join(name_of(r) for r in after.regions)


class _Change(QUndoCommand):
    def __init__(self, history: History, before: Snapshot, after: Snapshot) -> None:
        super().__init__(describe(before, after, history.name_of))
        self._history, self.before, self.after = history, before, after
        self._pushed = False

    def id(self) -> int:
        same = self.before.regions == self.after.regions and (
            self.before.strokes == self.after.strokes)
        return PAIN_LEVEL_ONLY if same else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, _Change) or other.before != self.after:
            return False
        self.after = other.after
        self.setObsolete(self.after == self.before)  # back where it began: no step left
        return True

    def redo(self) -> None:
        if self._pushed:  # a real redo; when pushed, the change has already happened
            self._history.apply(self.after)
        self._pushed = True

    def undo(self) -> None:
        self._history.apply(self.before)


class History(QObject):
    """Call `record` after every change; `capture` reads the state, `restore` sets it."""

    def __init__(self, capture: Callable[[], Snapshot], restore: Callable[[Snapshot], None],
                 name_of: Callable[[str], str], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.stack = QUndoStack(self)
        self.name_of = name_of
        self._capture, self._restore = capture, restore
        self._last = capture()
        self._applying = False

    def reset(self) -> None:
        """Forget the history (after restoring the last session, or reloading content)."""
        self.stack.clear()
        self._last = self._capture()

    def record(self) -> None:
        now = self._capture()
        if now != self._last and not self._applying:
            self.stack.push(_Change(self, self._last, now))
        self._last = now

    def apply(self, snapshot: Snapshot) -> None:
        self._applying = True
        try:
            self._restore(snapshot)
        finally:
            self._applying = False
        self._last = self._capture()
