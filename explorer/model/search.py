"""Search: the conditions, exercises, treatments, regions and pages a few typed words find, by
lay or clinical words and aliases ("sit bone", "GTPS", "outer hip pain"), with close
spellings when nothing matches ("clickng")."""

from __future__ import annotations

import collections
import dataclasses
import functools
import itertools
import operator
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from explorer.model.content import Content
from explorer.model.entities import HowCommon, Region


@dataclass(frozen=True)
class SearchHit:
    kind: str  # "condition", "exercise", "treatment", "region" or "page"
    id: str
    title: str
    matched: str
    score: int
    respelled: str = ""  # the query searched instead, when the words typed found nothing
    left_out: str = ""  # the words typed that `respelled` leaves out, found with no others


_WORD = re.compile(r"[^\W_]+")  # letters and digits of any script (a clinic's Arabic)
_HYPHEN = re.compile(r"(?<=[^\W_])-(?=[^\W_])")  # between the parts of a word
# "region": the words for where a condition is mainly felt (its main region's name and lay
# terms), so "outer hip pain" finds the outer hip's conditions, though none says "outer";
# above symptoms, as where it hurts tells most, below the entry's own names
_FIELD_SCORES = {"name": 100, "alias": 80, "term": 70, "region": 50, "symptom": 40,
                 "text": 20}
# a field that is the query word for word, filler aside ("side hip" is "side of hip"): a
# name, alias or lay term so puts its entry first, and a region's lay term the conditions
# felt there next, above entries whose names merely hold the words (the exercises named
# "Side-lying ..." for "side of hip")
_EXACT = {"name": 100, "alias": 100, "term": 100, "region": 100, "symptom": 10, "text": 10}
# named by the words, a common cause in runners comes a little higher: its alias above
# the name of an uncommon one ("bursitis": trochanteric bursitis before iliopsoas bursitis)
_COMMON_BONUS = 25
_NAMES = frozenset({"name", "alias"})
_SPREAD_COST = 30  # words found in different fields fit less well than in one
_WEAK_SHARE = 10  # a weak word held adds its best field's score divided by this

# Words said around a question ("pain when sitting", "my groin"), never searched for ...
_FILLER = frozenset({
    "a", "an", "the", "my", "me", "mine", "i", "im", "ive", "it", "its", "is", "are", "am",
    "was", "be", "been", "do", "does", "did", "have", "has", "had", "in", "on", "of", "and",
    "or", "to", "at", "by", "for", "from", "with", "after", "when", "while"})
# ... words for pain say the user describes a complaint: what can cause it (conditions,
# and the regions they are felt in) comes before exercises and treatments, even one whose
# name holds the other words ("it hurts when I run": the conditions a symptom matches
# before "Graded return to running"; a name scores 100, a symptom 40) ...
_COMPLAINT = frozenset({"pain", "pains", "painful", "hurt", "hurts", "hurting", "ache",
                        "aches", "aching", "achy", "sore"})
_COMPLAINT_KINDS = frozenset({"condition", "region"})
_COMPLAINT_BONUS = 70
# ... and, like them, words nearly every entry of a hip guide holds: they order the hits
# (those that hold them first) but never leave one out ("outer hip pain" keeps the Outer
# hip region)
_WEAK = _COMPLAINT | {"hip", "hips"}

_SPELL_SHORTEST = 4  # shorter words are too alike to guess from
_SPELL_CUTOFF = 0.8
_SPELL_MOST = 4  # more words unknown than this: a sentence from elsewhere, not typos


# (ending, the shortest stem left): "bursa" becomes "burs", the start of "bursi(tis)",
# so it finds bursitis; "arthritis" ("arthri") still does not find "arthroscopy"
_SUFFIXES = (("tis", 4), ("ing", 3), ("es", 3), ("ed", 3), ("ae", 4), ("s", 3), ("a", 4))
_UNDOUBLED = ("ing", "ed")  # "sitting" -> "sitt" -> "sit", as "sit bone" is written


def _stem(word: str) -> str:
    for suffix, shortest in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= shortest:
            stem = word[: -len(suffix)]
            if (suffix in _UNDOUBLED and len(stem) > 3 and stem[-1] == stem[-2]
                    and stem[-1] not in "aeiouflsz"):  # but "falling" -> "fall"
                return stem[:-1]
            return stem
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


def _bare(token: str) -> str:
    """A typed word as one plain word: "It's" -> "its", "Fémoro-" -> "femoro"."""
    return "".join(_WORD.findall(_plain(token)))


@functools.lru_cache(maxsize=8192)  # the same texts are searched at every key typed
def _searchable(text: str) -> tuple[str, ...]:
    """The words of `text`, stemmed and as written (so "clickin", typed on the way to
    "clicking", still finds it), and each hyphenated word also as one
    ("femoro-acetabular" also as "femoroacetabular")."""
    plain = _plain(text)
    joined = _stems(_HYPHEN.sub("", plain)) if "-" in plain else []
    return tuple(dict.fromkeys((*_stems(plain), *_WORD.findall(plain), *joined)))


Ways = tuple[tuple[str, ...], ...]  # the ways one typed word may match, each in parts


def _ways(token: str) -> Ways:
    """A typed word as the ways it may match: a word in parts ("femoro-acetabular") as
    one word or as its parts, so it finds "femoroacetabular" and "femoro-acetabular"; a
    word whose stem lost a doubled letter ("popping": "pop") as the start of a word with
    that letter doubled ("popped") or as the stem whole ("pops", see _whole_only)."""
    parts = tuple(_words(token))
    if len(parts) > 1:
        return ((_stem(_bare(token)),), parts)
    if _bare(token).startswith(doubled := parts[0] + parts[0][-1]):
        return ((doubled,), parts)
    return (parts,)


def _whole_only(token: str) -> frozenset[str]:
    """The stems of `token` matched only as whole words: one that lost a doubled letter
    ("popping": "pop") is too short a start ("popular", where "popp" is not)."""
    ways = _ways(token)
    return frozenset(ways[1]) if len(ways) == 2 and len(ways[1]) == 1 else frozenset()  # not parts


@dataclass(frozen=True)
class _Query:
    tokens: tuple[str, ...]  # the words that count, as typed
    terms: tuple[Ways, ...]  # and as they may match, one bit of a mask each
    needed: int  # the mask of the terms every hit holds (all but the weak words)
    typed: str  # the words that count, stemmed: a field just these is an exact match
    complaint: bool  # a word for pain is among them
    whole_only: frozenset[str]  # the stems that match only whole words (see _whole_only)


def _parse(query: str) -> _Query | None:
    """The words of `query` that count: not filler words, unless it holds nothing else
    ("it" searched alone), each once."""
    tokens = [t for t in query.split() if _bare(t)]
    tokens = [t for t in tokens if _bare(t) not in _FILLER] or tokens
    tokens = list({_ways(t): t for t in tokens}.values())  # "Hip hip": one word
    if not tokens:
        return None
    weak = [_bare(t) in _WEAK for t in tokens]
    if all(weak):  # "hip pain": nothing else to look for
        weak = [False] * len(tokens)
    needed = sum(1 << bit for bit, w in enumerate(weak) if not w)
    return _Query(tuple(tokens), tuple(_ways(t) for t in tokens), needed,
                  " ".join(w for t in tokens for w in _words(t)),
                  any(_bare(t) in _COMPLAINT for t in tokens),
                  frozenset().union(*map(_whole_only, tokens)))


def query_stems(query: str) -> list[str]:
    """The words of `query` that count, each as one stemmed word ("my runner's" ->
    ["runner"]): what a hit's quoted text is centred on."""
    parsed = _parse(query)
    return [_stem(_bare(t)) for t in parsed.tokens] if parsed is not None else []


def _held(query: _Query, words: tuple[str, ...]) -> int:
    """The mask of the terms that start a word of the text, in one of their ways."""
    mask = 0
    for bit, ways in enumerate(query.terms):
        if any(all(t in words if t in query.whole_only else any(w.startswith(t) for w in words)
                   for t in way) for way in ways):
            mask |= 1 << bit
    return mask


@functools.lru_cache(maxsize=8192)
def _phrase(text: str) -> str:
    """The words of `text` that count, stemmed, as a query's `typed` would be."""
    return " ".join(_stem(w) for w in _WORD.findall(_plain(text)) if w not in _FILLER)


Field = tuple[str, str]  # (field kind, text)


def _region_fields(region: Region, names: str, terms: str) -> list[Field]:
    """A region's name and its other words, as fields of the kinds given."""
    return [(names, region.name), *((terms, t) for t in (region.clinical_area, *region.lay_terms))]


def _entries(content: Content) -> Iterator[tuple[str, str, str, list[Field]]]:
    """(kind, id, title, fields) for everything searchable."""
    for region in content.regions.values():
        yield "region", region.id, region.name, _region_fields(region, "name", "term")
    felt_at = {r.id: _region_fields(r, "region", "region") for r in content.regions.values()}
    for c in content.conditions.values():
        yield "condition", c.id, c.name, [
            ("name", c.name), *(("alias", a) for a in c.aliases),
            *(("symptom", t) for t in (*c.symptoms, *c.aggravating)),
            *felt_at.get(c.main_region, [])]
    for x in content.exercises.values():
        yield "exercise", x.id, x.name, [("name", x.name), *(("alias", a) for a in x.aliases),
                                         ("text", x.purpose)]
    for t in content.treatments.values():
        yield "treatment", t.id, t.name, [("name", t.name), *(("alias", a) for a in t.aliases)]
    for p in content.pages.values():  # "fever" finds when to see a doctor
        yield "page", p.id, p.title, [
            ("name", p.title), *(("alias", a) for a in p.aliases),
            *(("text", t) for t in (p.intro,) if t),
            *(field for s in p.sections for field in (
                ("term", s.heading), *(("symptom", i) for i in s.items),
                *(("text", t) for t in (s.text,) if t)))]


def _union(masks: Iterable[int]) -> int:
    return functools.reduce(operator.or_, masks, 0)


def _bits(mask: int) -> list[int]:
    return [bit for bit in range(mask.bit_length()) if mask >> bit & 1]


def _fit(query: _Query, held: list[tuple[str, str, int]],
         common: bool = False) -> tuple[int, str, bool]:
    """How well an entry holding every needed word fits, the text to quote, and whether
    the fit is loose: the best field with every needed word in it, else (the words spread
    over fields) the mean of each word's best field less _SPREAD_COST, loose when that
    leaves nothing (words scattered over paragraphs: "high" in "highest risk", "hamstring"
    elsewhere); either way more for each weak word held. A `common` cause gets
    _COMMON_BONUS for a name or alias holding every needed word."""
    needed = query.needed
    whole = [(_FIELD_SCORES[f] + (_EXACT[f] if query.typed == _phrase(t) else 0)
              + (_COMMON_BONUS if common and f in _NAMES else 0), t)
             for f, t, mask in held if mask & needed == needed]
    loose = False
    if whole:
        score, matched = max(whole, key=lambda fit: fit[0])  # the first of the best
    else:
        tops = [max(_FIELD_SCORES[f] for f, _, m in held if m >> bit & 1) for bit in _bits(needed)]
        score = sum(tops) // len(tops) - _SPREAD_COST
        loose = score < 1
        score = max(1, score)
        matched = _quoted(held, needed)
    weak = _bits(((1 << len(query.terms)) - 1) & ~needed)
    score += sum(max((_FIELD_SCORES[f] for f, _, m in held if m >> bit & 1), default=0)
                 // _WEAK_SHARE for bit in weak)
    return score, matched, loose


def _quoted(held: list[tuple[str, str, int]], needed: int) -> str:
    """Of the fields holding the needed words between them, the one to quote: the one
    holding the most of them; of those, the entry's own text (where it is felt says
    less), then the one holding the word typed first (the quote shows a word the query
    begins with), then the best field."""
    def fit(h: tuple[str, str, int]) -> tuple[int, bool, int, int]:
        words = h[2] & needed
        return words.bit_count(), h[0] != "region", -(words & -words), _FIELD_SCORES[h[0]]
    return max(held, key=fit)[1]


def _hits(content: Content, query: _Query, seen: dict[str, int]) -> list[SearchHit]:
    """Every entry holding each needed word somewhere, those that hold them loosely only
    when no other does; `seen` gets each text's mask."""
    hits: list[SearchHit] = []
    loose_hits: list[SearchHit] = []
    for kind, entry_id, title, fields in _entries(content):
        held = []
        for field, text in fields:
            mask = seen.get(text)
            if mask is None:
                mask = seen[text] = _held(query, _searchable(text))
            if mask:
                held.append((field, text, mask))
        if _union(mask for _, _, mask in held) & query.needed == query.needed:
            common = (kind == "condition"
                      and content.conditions[entry_id].how_common is HowCommon.COMMON)
            score, matched, loose = _fit(query, held, common)
            if query.complaint and kind in _COMPLAINT_KINDS:
                score += _COMPLAINT_BONUS
            (loose_hits if loose else hits).append(
                SearchHit(kind, entry_id, title, matched, score))
    return hits or loose_hits


def _most_held(content: Content, query: _Query, seen: dict[str, int]) -> int:
    """Of the needed words, the most that one entry holds together (a mask), of those as
    many the one most entries hold ("hamstring strain": "hamstring"); `seen` has the mask
    of every text."""
    held = collections.Counter(_union(seen[text] for _, text in fields) & query.needed
                               for _, _, _, fields in _entries(content))
    return max(held, key=lambda mask: (mask.bit_count(), held[mask]), default=0)


@functools.lru_cache(maxsize=8192)
def _spellings(text: str) -> tuple[tuple[str, str], ...]:
    """(word as one, as written) for the words of `text` and each two together, so
    "sitbone" is known as "sit bone"."""
    # a word with an apostrophe is one word ("can't", known as "cant")
    written = [w.strip("'’") for w in re.findall(r"[^\W_]+(?:['’][^\W_]+)*", _plain(text))]
    words = [w for w in written if _bare(w).isalpha()]
    pairs = [f"{a} {b}" for a, b in itertools.pairwise(words)  # not "can to" for "cant"
             if _bare(a) not in _FILLER and _bare(b) not in _FILLER]
    return tuple((_bare(w), w) for w in (*words, *pairs)
                 if len(_bare(w)) >= _SPELL_SHORTEST)


def _respelled(query: str, parsed: _Query, seen: dict[str, int]) -> str:
    """`query` with each word found nowhere spelled as the closest word of the content
    ("my hip clickng" -> "my hip clicking"), or joined to the next or the one before as
    a word of the content ("clam shell" -> "clamshell"); "" when one is neither."""
    found = _union(seen.values())
    unknown = {_bare(t) for bit, t in enumerate(parsed.tokens) if not found >> bit & 1}
    if not unknown or len(unknown) > _SPELL_MOST:
        return ""
    import difflib  # only for a query that found nothing: not at start-up

    known = dict(pair for text in seen for pair in _spellings(text))
    words, spelled = [_bare(t) for t in query.split()], query.split()
    for at in range(len(words) - 1):  # the two found as one
        if (spelled[at] and {words[at], words[at + 1]} & unknown
                and words[at] + words[at + 1] in known):
            unknown -= {words[at], words[at + 1]}
            spelled[at: at + 2] = [known[words[at] + words[at + 1]], ""]
    for at, word in enumerate(words):
        if word not in unknown:
            continue
        close = (difflib.get_close_matches(word, known, n=1, cutoff=_SPELL_CUTOFF)
                 if len(word) >= _SPELL_SHORTEST else [])
        if not close:
            return ""
        spelled[at] = known[close[0]]
    return " ".join(w for w in spelled if w)


def search(content: Content, query: str, limit: int | None = 50,
           fall_back: bool = False) -> list[SearchHit]:
    """Entries holding every word of `query` that counts (filler words such as "my" or
    "when" do not), best first: all in one field above spread over several, a name or
    alias above a symptom. Words such as "pain" or "hip" only move the entries that hold
    them up. When nothing matches, the words found nowhere are spelled as the closest
    words of the content, and those hits say the query they came from. If that finds
    nothing either and `fall_back`, the hits are those of the most words one entry holds
    together, and say the words left out ("hamstring strain": "hamstring", without
    "strain"). `limit` None: every hit.

    A query word matches the start of a word in the text ("click" finds "clicking"),
    so partial typing works.
    """
    parsed = _parse(query)
    if parsed is None:
        return []
    seen: dict[str, int] = {}
    hits = _hits(content, parsed, seen)
    if not hits:
        respelled = _respelled(query, parsed, seen)
        again = _parse(respelled)
        if again is not None:
            hits = [dataclasses.replace(h, respelled=respelled)
                    for h in _hits(content, again, {})]
    if not hits and fall_back:
        kept = _most_held(content, parsed, seen) | ~parsed.needed  # and the weak words
        words = [t for bit, t in enumerate(parsed.tokens) if kept >> bit & 1]
        left_out = " ".join(t for bit, t in enumerate(parsed.tokens) if not kept >> bit & 1)
        again = _parse(" ".join(words))
        if again is not None and left_out:
            hits = [dataclasses.replace(h, respelled=" ".join(words), left_out=left_out)
                    for h in _hits(content, again, {})]
    hits.sort(key=lambda h: (-h.score, h.title.lower()))
    return hits[:limit]
