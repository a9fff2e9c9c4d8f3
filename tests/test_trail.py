"""Back and forward through what the detail panel showed (pure Python)."""

from __future__ import annotations

from explorer.ui.trail import MAX_ENTRIES, Trail


def test_back_and_forward_like_a_browser() -> None:
    trail: Trail[str] = Trail()
    assert trail.current is None and trail.go(-1) is None
    for entry in ("a", "b", "c"):
        trail.visit(entry)
    assert trail.go(-1) == "b" and trail.go(-1) == "a" and trail.go(-1) is None
    assert trail.current == "a" and trail.peek(1) == "b"
    trail.visit("a")  # showing the current entry again is no step
    assert trail.peek(1) == "b"
    trail.visit("d")  # a new entry after going back: Forward no longer leads to b
    assert trail.peek(1) is None and trail.peek(-1) == "a"


def test_keeps_the_latest_entries_only() -> None:
    trail: Trail[int] = Trail()
    for entry in range(MAX_ENTRIES + 10):
        trail.visit(entry)
    steps = 0
    while trail.go(-1) is not None:
        steps += 1
    assert steps == MAX_ENTRIES - 1 and trail.current == 10


def test_forgetting_removed_entries_joins_their_neighbours() -> None:
    trail: Trail[str] = Trail()
    for entry in ("a", "gone", "a", "b", "gone", "c"):
        trail.visit(entry)
    trail.go(-1)  # at "gone"
    trail.keep_only(lambda entry: entry != "gone")
    assert trail.current == "b"  # the nearest earlier entry that still exists
    assert trail.peek(1) == "c" and trail.peek(-1) == "a" and trail.peek(-2) is None
