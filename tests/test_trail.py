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
    # what was shown went: Back leads to the entry before it, not to the one before that
    # (b was skipped, and could not be reached at all), Forward to the one after it
    assert trail.current is None
    assert trail.peek(-1) == "b" and trail.peek(1) == "c"
    assert trail.go(-1) == "b" and trail.current == "b"
    assert trail.peek(-1) == "a" and trail.peek(-2) is None and trail.peek(1) == "c"


def test_the_entry_shown_going_first_or_last_leaves_the_others_reachable() -> None:
    for entries, back, forward in ((("gone", "a"), None, "a"), (("a", "gone"), "a", None)):
        trail: Trail[str] = Trail()
        for entry in entries:
            trail.visit(entry)
        if entries[0] == "gone":
            trail.go(-1)
        trail.keep_only(lambda entry: entry != "gone")
        assert (trail.current, trail.peek(-1), trail.peek(1)) == (None, back, forward)
        trail.visit("new")  # something shown afterwards: Back leads to what came before
        assert trail.current == "new" and trail.peek(-1) == (back or None)


def test_a_repeated_entry_kept_is_still_the_one_shown() -> None:
    trail: Trail[str] = Trail()
    for entry in ("a", "gone", "a"):
        trail.visit(entry)
    trail.keep_only(lambda entry: entry != "gone")
    assert trail.current == "a" and trail.peek(-1) is None
