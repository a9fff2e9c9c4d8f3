"""Undo and redo for the painful regions and their pain levels.

The regions and pain levels are the person's own answers: a stray click on empty
space clears them, and a plain click on another region replaces them. Every change is
one step back (Edit > Undo); pain-level changes in a row to the same regions are one
step, so ten turns of the mouse wheel are undone at once.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtGui import QUndoCommand, QUndoStack

from explorer.ui.selection import Selection

# the selected regions in order, and their pain levels
State = tuple[tuple[str, ...], tuple[tuple[str, int], ...]]
PAIN_LEVEL_ONLY = 1  # the command id under which pain-level changes merge


def _state(selection: Selection) -> State:
    return tuple(selection.regions), tuple(sorted(selection.intensities.items()))


class _RegionsChange(QUndoCommand):
    def __init__(self, history: SelectionHistory, before: State, after: State) -> None:
        super().__init__()
        self._history, self.before, self.after = history, before, after
        self._pushed = False
        self.setText(history.describe(before, after))

    def id(self) -> int:
        return PAIN_LEVEL_ONLY if self.before[0] == self.after[0] else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, _RegionsChange) or other.before[0] != self.after[0]:
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


class SelectionHistory(QObject):
    """Records each change of the selected regions as it happens, on `stack`."""

    def __init__(self, selection: Selection, name_of: Callable[[str], str],
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.stack = QUndoStack(self)
        self._selection = selection
        self._name_of = name_of
        self._state = _state(selection)
        self._applying = False
        selection.regions_changed.connect(self._on_regions_changed)

    def reset(self) -> None:
        """Forget the history (after restoring the last session, or reloading content)."""
        self.stack.clear()
        self._state = _state(self._selection)

    def describe(self, before: State, after: State) -> str:
        if not after[0]:
            return "Clear selection"
        if before[0] == after[0]:
            return "Pain level"
        return "Select " + ", ".join(self._name_of(r) for r in after[0])

    def apply(self, state: State) -> None:
        self._applying = True
        try:
            self._selection.restore(state[0], dict(state[1]))
        finally:
            self._applying = False

    def _on_regions_changed(self) -> None:
        state = _state(self._selection)
        if state != self._state and not self._applying:
            self.stack.push(_RegionsChange(self, self._state, state))
        self._state = state
