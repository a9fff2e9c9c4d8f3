"""Which conditions fit the regions where it hurts, ranked and explained (search is in
explorer.model.search).

Ranking order (documented in the README): conditions whose MAIN region is selected
come first; then the pain intensity at that main region (when intensities are given);
then how many of the selected regions the condition covers; then the weight of the
clues the user answered "yes" to. Ties keep the more urgent condition first, then the
more common in runners, then the name. Each match carries the reasons in plain words, so
the list can explain itself.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from explorer.model.content import Content
from explorer.model.entities import Condition, HowCommon


@dataclass(frozen=True)
class Match:
    condition: Condition
    matched_regions: tuple[str, ...]
    main_match: bool
    main_intensity: int
    clue_score: int
    reasons: tuple[str, ...]

    @property
    def sort_key(self) -> tuple[int, int, int, int, int, int, str]:
        return (
            -int(self.main_match),
            -self.main_intensity,
            -len(self.matched_regions),
            -self.clue_score,
            -self.condition.urgency.rank,
            -self.condition.how_common.rank,
            self.condition.name.lower(),
        )


def rank_conditions(
    content: Content,
    regions: Iterable[str],
    answers: Mapping[str, bool] | None = None,
    intensities: Mapping[str, int] | None = None,
) -> list[Match]:
    """Conditions that cause pain in any of `regions`, best match first."""
    chosen = set(regions).intersection(content.regions)
    levels = intensities or {}
    yes = {clue for clue, answer in (answers or {}).items() if answer}
    matches = []
    for condition in content.conditions.values():
        if chosen.isdisjoint(condition.regions):  # most of a large library: quick out
            continue
        # each region and clue counts once, however often a content file lists it
        matched = tuple(dict.fromkeys(r for r in condition.regions if r in chosen))
        main_region = condition.main_region
        main = main_region in chosen
        intensity = levels.get(main_region, 0) if main else 0
        # the pain level beside the region it was given for, not after another one
        reasons = [main_area(content, condition)
                   + (f" (your pain {intensity}/10)" if intensity else "")]
        others = [content.region_name(r) for r in matched if r != main_region]
        if others:
            reasons.append("also felt at " + ", ".join(others))
        score, said = clue_evidence(content, condition, answers) if yes else (0, [])
        reasons += said
        if condition.how_common is not HowCommon.UNCOMMON:  # the weakest reason, last
            reasons.append(f"{condition.how_common.value} in runners")
        matches.append(Match(condition, matched, main, intensity, score, tuple(reasons)))
    return sorted(matches, key=lambda m: m.sort_key)


def clue_evidence(content: Content, condition: Condition,
                  answers: Mapping[str, bool] | None) -> tuple[int, list[str]]:
    """The weight of the clues answered yes that point to `condition`, and a reason for
    each ("you said: worse with sitting"); a clue listed twice counts once."""
    yes = {clue for clue, answer in (answers or {}).items() if answer}
    score, reasons = 0, []
    counted: set[str] = set()
    for use in condition.clues:
        if use.clue in yes and use.clue not in counted:
            counted.add(use.clue)
            score += use.weight
            clue = content.clues.get(use.clue)
            reasons.append(f"you said: {clue.reason if clue else use.clue}")
    return score, reasons


def by_name(content: Content) -> list[Condition]:
    """Every condition in name order, as a reader looks one up (not by file name)."""
    return sorted(content.conditions.values(), key=lambda c: (c.name.casefold(), c.id))


def clues_for_regions(content: Content, regions: Iterable[str]) -> set[str]:
    """The clues that can re-rank the list for these regions: those of every condition
    felt in any of them. With no region chosen, the list holds every condition, so every
    clue counts."""
    chosen = set(regions).intersection(content.regions)
    if not chosen:
        return set(content.clues)
    return {use.clue for condition in content.conditions.values()
            if chosen.intersection(condition.regions) for use in condition.clues}


def main_area(content: Content, condition: Condition) -> str:
    """The first reason of every match, in one form: 'Main area: Groin'."""
    return f"Main area: {content.region_name(condition.main_region)}"


def conditions_by_region(content: Content, answers: Mapping[str, bool] | None = None
                         ) -> dict[str, list[Condition]]:
    """All conditions grouped under their main region, in region order. Within a region
    the clues answered yes come first (see clue_evidence), then urgency, then how common
    in runners: the questions re-rank the list before any region is chosen too."""
    groups: dict[str, list[Condition]] = {region: [] for region in content.regions}
    for condition in content.conditions.values():
        groups.setdefault(condition.main_region, []).append(condition)
    scores = {c.id: clue_evidence(content, c, answers)[0] for c in content.conditions.values()}
    for items in groups.values():
        items.sort(key=lambda c: (-scores[c.id], -c.urgency.rank, -c.how_common.rank,
                                  c.name.lower()))
    return groups
