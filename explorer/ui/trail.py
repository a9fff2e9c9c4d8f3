"""Back and forward through what the detail panel showed, as in a web browser.

Pure Python: the window records each entry it shows and asks where Back or Forward
leads. Entries are kept across a content reload; one that no longer exists is skipped
by the window.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, TypeVar

Entry = TypeVar("Entry")
MAX_ENTRIES = 100


class Trail(Generic[Entry]):
    def __init__(self) -> None:
        self._entries: list[Entry] = []
        self._index = -1
        # the entry shown was forgotten (a reload removed it): the trail stands just
        # after entry `_index`, so Back leads to that one and Forward to the next
        self._between = False

    @property
    def current(self) -> Entry | None:
        return self._entries[self._index] if self._entries and not self._between else None

    def visit(self, entry: Entry) -> None:
        """Record `entry` as shown now. Showing the current one again is no step; a new
        one after going back drops the entries that Forward would have led to."""
        if entry == self.current:
            return
        del self._entries[self._index + 1:]
        self._entries.append(entry)
        del self._entries[:-MAX_ENTRIES]
        self._index, self._between = len(self._entries) - 1, False

    def keep_only(self, keep: Callable[[Entry], bool]) -> None:
        """Forget entries that no longer exist; Back and Forward lead past them."""
        kept: list[Entry] = []
        index, between = -1, self._between
        for position, entry in enumerate(self._entries):
            if not keep(entry):
                between = between or position == self._index  # the one shown went
            elif not kept or kept[-1] != entry:
                kept.append(entry)
            if position == self._index:
                index = len(kept) - 1
        self._entries, self._index = kept, index
        self._between = between and bool(self._entries)

    def peek(self, step: int) -> Entry | None:
        """Where Back (-1) or Forward (+1) leads, without going."""
        index = self._target(step)
        return self._entries[index] if 0 <= index < len(self._entries) else None

    def go(self, step: int) -> Entry | None:
        entry = self.peek(step)
        if entry is not None:
            self._index, self._between = self._target(step), False
        return entry

    def _target(self, step: int) -> int:
        """Back from between two entries is the one before, not the one before that."""
        return self._index + step + (1 if self._between and step < 0 else 0)
