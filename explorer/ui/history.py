"""Undo and redo by snapshots: after each change, `record` compares the state with the
one before and pushes the difference as one step on a Qt undo stack.

The window keeps a history of what the person put in (regions, pain levels, pen
drawings and Refine answers: a stray click on empty space clears the regions, "Clear
drawing" wipes a sketch, "Start over" all of it); the handout builder keeps one of the
chosen exercises. States are
immutable tuples, small enough to keep whole.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterator
from contextlib import contextmanager
from typing import Any, Generic, NamedTuple, TypeVar

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence, QUndoCommand, QUndoStack
from shiboken6 import isValid

State = TypeVar("State")
MERGING = 1  # the command id of steps that may merge with the one before
UNDO_LIMIT = 200  # steps kept; the oldest go first


class _Step(QUndoCommand):
    def __init__(self, history: History[Any], text: str, before: Any, after: Any,
                 merge_key: Hashable, shown: tuple[Callable[[], None], Callable[[], None]]
                 | None = None) -> None:
        super().__init__(text)
        self._history, self.before, self.after = history, before, after
        self.merge_key = merge_key
        self.shown = shown  # (after Undo, after Redo): what else shows again
        self._pushed = False

    def id(self) -> int:
        return -1 if self.merge_key is None else MERGING

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, _Step) or other.merge_key != self.merge_key:
            return False
        self.after = other.after
        self.setObsolete(self.after == self.before)  # back where it began: no step left
        return True

    def redo(self) -> None:
        if self._pushed:  # a real redo; when pushed, the change has already happened
            self._history.apply(self.after)
            if self.shown is not None:
                self.shown[1]()
        self._pushed = True

    def undo(self) -> None:
        self._history.apply(self.before)
        if self.shown is not None:
            self.shown[0]()


class History(Generic[State]):
    """`capture` reads the current state, `restore` shows an earlier one. Optional:
    `describe` names a step from the states before and after it, and `merge_key` gives
    steps that should fold into the step before them (turns of the mouse wheel) the
    same key."""

    def __init__(self, parent: QObject, capture: Callable[[], State],
                 restore: Callable[[State], None],
                 describe: Callable[[State, State], str] = lambda _b, _a: "",
                 merge_key: Callable[[State, State], Hashable] = lambda _b, _a: None) -> None:
        self.stack = QUndoStack(parent)
        self.stack.setUndoLimit(UNDO_LIMIT)  # a day in clinic does not grow it for ever
        self._capture, self._restore = capture, restore
        self._describe, self._merge_key = describe, merge_key
        self._last = capture()
        self._applying = False
        self._in_step = False
        self._shown: tuple[Callable[[], None], Callable[[], None]] | None = None

    def actions(self, parent: QObject) -> tuple[QAction, QAction]:
        """Undo and Redo, named for the step they take ("Undo Remove Bridge") and greyed
        when there is none, with every platform shortcut (Redo: Ctrl+Y, Ctrl+Shift+Z)."""
        undo = self.stack.createUndoAction(parent, "&Undo")
        undo.setShortcuts(QKeySequence.StandardKey.Undo)
        redo = self.stack.createRedoAction(parent, "&Redo")
        redo.setShortcuts(QKeySequence.StandardKey.Redo)
        # on buttons and toolbars a short, steady label; the step is named in the tooltip
        for action, word in ((undo, "Undo"), (redo, "Redo")):
            action.setIconText(word)
            action.changed.connect(lambda a=action: _name_step_in_tooltip(a))
            _name_step_in_tooltip(action)
        return undo, redo

    def reset(self) -> None:
        """Forget the history (after loading something new)."""
        self.stack.clear()
        self._last = self._capture()

    def record(self, text: str = "") -> None:
        """Call after a change; `text` names the step ("Undo <text>") if `describe`
        does not."""
        if self._in_step:
            return  # recorded as one when the step ends
        now, before = self._capture(), self._last
        if now != before and not self._applying:
            self.stack.push(_Step(self, text or self._describe(before, now), before, now,
                                  self._merge_key(before, now), self._shown))
        self._last = now

    @contextmanager
    def one_step(self, text: str, shown: tuple[Callable[[], None], Callable[[], None]]
                 | None = None) -> Iterator[None]:
        """The changes made inside are one step named `text` ("Start over"). `shown`:
        what to call after its Undo and after its Redo, to show again what is not in the
        states (the page that was being read)."""
        self._in_step, self._shown = True, shown
        try:
            yield
        finally:
            self._in_step = False
            self.record(text)
            self._shown = None

    def apply(self, state: State) -> None:
        self._applying = True
        try:
            self._restore(state)
        finally:
            self._applying = False
        self._last = self._capture()


def _name_step_in_tooltip(action: QAction) -> None:
    if not isValid(action):  # `changed` also comes while the action is being deleted
        return
    tip = action.text().replace("&", "")
    if action.toolTip() != tip:  # setToolTip emits `changed` again, once
        action.setToolTip(tip)


# ---- the window's history ----------------------------------------------------------------
Stroke = tuple[str, tuple[tuple[float, float], ...]]  # colour, points


class DiagramInput(NamedTuple):
    """What the person put in: on the diagram, and their answers to Refine."""

    regions: tuple[str, ...]  # in the order chosen
    intensities: tuple[tuple[str, int], ...]  # sorted (region, pain 0-10)
    strokes: tuple[Stroke, ...]
    answers: tuple[str, ...] = ()  # the clues answered yes, sorted


def describe(before: DiagramInput, after: DiagramInput, name_of: Callable[[str], str]) -> str:
    if before.strokes != after.strokes:
        return "Draw" if len(after.strokes) > len(before.strokes) else "Clear drawing"
    if before.answers != after.answers:
        return "Answer"
    if not after.regions:
        return "Clear selection"
    if before.regions == after.regions:
        return "Pain level"
    return "Select " + ", ".join(name_of(r) for r in after.regions)


def pain_levels_only(before: DiagramInput, after: DiagramInput) -> Hashable:
    """Pain-level changes in a row to the same regions are one step; a level taken away
    (Delete) is a step of its own, so that Undo brings it back."""
    same = (before.regions == after.regions and before.strokes == after.strokes
            and before.answers == after.answers)
    with_levels = tuple(region for region, _level in after.intensities)
    return ("pain", after.regions, with_levels) if same else None
