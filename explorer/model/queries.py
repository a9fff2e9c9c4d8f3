"""Questions asked of the content: which conditions fit these regions, and search.

Ranking order (documented in the README): conditions whose MAIN region is selected
come first; then the pain intensity at that main region (when intensities are given);
then how many of the selected regions the condition covers; then the weight of the
clues the user answered "yes" to. Ties keep the more urgent condition first, then the
more common in runners, then the name. Each match carries the reasons in plain words, so
the list can explain itself.
"""

from __future__ import annotations

import functools
import re
import unicodedata
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
    selected = [r for r in regions if r in content.regions]
    chosen = set(selected)
    yes = {clue for clue, answer in (answers or {}).items() if answer}
    levels = intensities or {}
    matches = []
    for condition in content.conditions.values():
        # each region and clue counts once, however often a content file lists it
        matched = tuple(dict.fromkeys(r for r in condition.regions if r in chosen))
        if not matched:
            continue
        main = condition.main_region in chosen
        intensity = levels.get(condition.main_region, 0) if main else 0
        # the pain level beside the region it was given for, not after another one
        reasons = [main_area(content, condition)
                   + (f" (your pain {intensity}/10)" if intensity else "")]
        others = [content.region_name(r) for r in matched if r != condition.main_region]
        if others:
            reasons.append("also felt at " + ", ".join(others))
        score = 0
        counted: set[str] = set()
        for use in condition.clues:
            if use.clue in yes and use.clue not in counted:
                counted.add(use.clue)
                score += use.weight
                clue = content.clues.get(use.clue)
                reasons.append(f"you said: {clue.reason if clue else use.clue}")
        if condition.how_common is not HowCommon.UNCOMMON:  # the weakest reason, last
            reasons.append(f"{condition.how_common.value} in runners")
        matches.append(Match(condition, matched, main, intensity, score, tuple(reasons)))
    return sorted(matches, key=lambda m: m.sort_key)


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


def conditions_by_region(content: Content) -> dict[str, list[Condition]]:
    """All conditions grouped under their main region, in region order."""
    groups: dict[str, list[Condition]] = {region: [] for region in content.regions}
    for condition in content.conditions.values():
        groups.setdefault(condition.main_region, []).append(condition)
    for items in groups.values():
        items.sort(key=lambda c: (-c.urgency.rank, -c.how_common.rank, c.name.lower()))
    return groups


@dataclass(frozen=True)
class SearchHit:
    kind: str  # "condition", "exercise", "treatment" or "region"
    id: str
    title: str
    matched: str
    score: int


_WORD = re.compile(r"[a-z0-9]+")
_HYPHEN = re.compile(r"(?<=[a-z0-9])-(?=[a-z0-9])")  # between the parts of a word
_FIELD_SCORES = {"name": 100, "alias": 80, "term": 70, "symptom": 40, "text": 20}


# (ending, the shortest stem left): "bursa" becomes "burs", the start of "bursi(tis)",
# so it finds bursitis; "arthritis" ("arthri") still does not find "arthroscopy"
_SUFFIXES = (("tis", 4), ("ing", 3), ("es", 3), ("ed", 3), ("ae", 4), ("s", 3), ("a", 4))


def _stem(word: str) -> str:
    for suffix, shortest in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= shortest:
            return word[: -len(suffix)]
    return word


def _plain(text: str) -> str:
    """Lower case without accents ("Fémur" -> "femur")."""
    text = text.lower()
    if text.isascii():
        return text
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def _stems(plain: str) -> list[str]:
    return [_stem(w) for w in _WORD.findall(plain)]


def _words(text: str) -> list[str]:
    return _stems(_plain(text))


@functools.lru_cache(maxsize=8192)  # the same texts are searched at every key typed
def _searchable(text: str) -> tuple[str, ...]:
    """The words of `text`, and each hyphenated word also as one ("femoro-acetabular"
    also as "femoroacetabular")."""
    plain = _plain(text)
    joined = _stems(_HYPHEN.sub("", plain)) if "-" in plain else []
    return (*_stems(plain), *joined)


def _query_terms(query: str) -> list[tuple[tuple[str, ...], ...]]:
    """Each word typed, as the ways it may match: a word in parts ("femoro-acetabular")
    as one word or as its parts, so it finds "femoroacetabular" and "femoro-acetabular"."""
    terms: list[tuple[tuple[str, ...], ...]] = []
    for token in query.split():
        parts = tuple(_words(token))
        if len(parts) > 1:
            terms.append(((_stem("".join(_WORD.findall(_plain(token)))),), parts))
        elif parts:
            terms.append((parts,))
    return terms


def _found(terms: list[tuple[tuple[str, ...], ...]], words: tuple[str, ...]) -> bool:
    """Every typed word starts a word of the text, in one of its ways."""
    return all(any(all(any(w.startswith(t) for w in words) for t in way) for way in ways)
               for ways in terms)


def _fields(content: Content) -> Iterable[tuple[str, str, str, str, str]]:
    """(kind, id, title, field kind, text) for everything searchable."""
    for region in content.regions.values():
        yield "region", region.id, region.name, "name", region.name
        for term in (region.clinical_area, *region.lay_terms):
            yield "region", region.id, region.name, "term", term
    for c in content.conditions.values():
        yield "condition", c.id, c.name, "name", c.name
        for alias in c.aliases:
            yield "condition", c.id, c.name, "alias", alias
        for text in (*c.symptoms, *c.aggravating):
            yield "condition", c.id, c.name, "symptom", text
    for x in content.exercises.values():
        yield "exercise", x.id, x.name, "name", x.name
        for alias in x.aliases:
            yield "exercise", x.id, x.name, "alias", alias
        yield "exercise", x.id, x.name, "text", x.purpose
    for t in content.treatments.values():
        yield "treatment", t.id, t.name, "name", t.name
        for alias in t.aliases:
            yield "treatment", t.id, t.name, "alias", alias


def search(content: Content, query: str, limit: int = 50) -> list[SearchHit]:
    """Entries whose name, alias, lay term or symptom holds every word of `query`.

    A query word matches the start of a word in the text ("click" finds "clicking"),
    so partial typing works; the best field of each entry decides its score.
    """
    terms = _query_terms(query)
    if not terms:
        return []
    typed = " ".join(_words(query))
    best: dict[tuple[str, str], SearchHit] = {}
    for kind, entry_id, title, field, text in _fields(content):
        if not _found(terms, _searchable(text)):
            continue
        score = _FIELD_SCORES[field] + (10 if typed == " ".join(_words(text)) else 0)
        key = (kind, entry_id)
        if key not in best or best[key].score < score:
            best[key] = SearchHit(kind, entry_id, title, text, score)
    hits = sorted(best.values(), key=lambda h: (-h.score, h.title.lower()))
    return hits[:limit]
