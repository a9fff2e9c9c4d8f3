"""The built-in clinical library: loads clean, complete, mapped as the clinical brief
says, written in its own words, and free of the source article's wrong claims."""

from __future__ import annotations

import hashlib
import re
import sys
from pathlib import Path

import pytest

from explorer.cli import load
from explorer.model import Content, rank_conditions
from explorer.paths import builtin_content_dir

ROOT = Path(__file__).resolve().parent.parent
ARTICLE = ROOT.parent / "shared" / "source-article.txt"
# The article is not in the repository (its text is not ours to copy). Its runs of 8
# words are kept here only as hashes, so the copy check runs on every checkout:
#     python tests/test_content_library.py    (rewrites it from ../shared)
ARTICLE_FINGERPRINTS = ROOT / "tests" / "fixtures" / "article-fingerprints.txt"

# The clinical brief's table: region -> the conditions that must be listed for it.
BRIEF = {
    "groin": {"femoral-neck-stress-fracture", "adductor-related-groin-pain",
              "iliopsoas-related-groin-pain", "iliopsoas-bursitis-snapping-hip",
              "hip-labral-tear", "femoroacetabular-impingement", "hip-osteoarthritis",
              "inguinal-related-groin-pain", "pubic-related-groin-pain"},
    "front": {"femoral-neck-stress-fracture", "iliopsoas-related-groin-pain",
              "iliopsoas-bursitis-snapping-hip", "hip-labral-tear",
              "femoroacetabular-impingement", "hip-osteoarthritis"},
    "outer": {"greater-trochanteric-pain-syndrome", "iliotibial-band-hip"},
    "back": {"proximal-hamstring-tendinopathy", "deep-gluteal-syndrome",
             "sacroiliac-joint-pain", "referred-lumbar-pain"},
}
OLD_NAMES = {"trochanteric bursitis", "hip flexor tendinitis", "adductor tendinitis",
             "hip stress fracture", "hamstring tendinopathy", "it band syndrome",
             "gluteus medius strain"}


@pytest.fixture(scope="module")
def content() -> Content:
    return load()


def test_library_loads_without_problems(content: Content) -> None:
    assert [str(p) for p in content.problems] == []
    assert len(content.conditions) == 15
    assert len(content.exercises) >= 20
    assert len(content.treatments) >= 10
    assert {"red-flags", "running-load"} <= set(content.pages)


def test_every_condition_is_complete(content: Content) -> None:
    for condition in content.conditions.values():
        assert len(condition.references) >= 2, condition.id
        assert condition.red_flags is not None  # required: a list, or [] for none
        assert condition.treatments and condition.exercises, condition.id
        assert condition.recovery and condition.recovery.phases, condition.id
        assert condition.clinician and condition.clinician.exam, condition.id
        assert condition.prevention and condition.symptoms, condition.id
        sentences = re.split(r"(?<=[.!?])\s+", condition.summary.strip())
        long = [s for s in sentences if len(s.split()) > 20]
        assert not long, f"{condition.id}: summary sentences too long for a 12-year-old: {long}"


def test_every_exercise_is_illustrated(content: Content) -> None:
    for exercise_id in content.exercises:
        assert exercise_id in content.images, exercise_id


@pytest.mark.parametrize("region", sorted(BRIEF))
def test_regions_list_the_briefs_conditions(content: Content, region: str) -> None:
    listed = {m.condition.id for m in rank_conditions(content, [region])}
    assert BRIEF[region] <= listed


def test_article_names_are_aliases(content: Content) -> None:
    aliases = {a.lower() for c in content.conditions.values() for a in c.aliases}
    assert aliases >= OLD_NAMES


def test_no_name_or_alias_leads_to_two_entries_of_a_kind(content: Content) -> None:
    """"popping hip" named both snapping hips (at the front and at the side), and
    "Copenhagen adductor exercise" two levels of it, the easier one not the one trialled:
    a search or a handout gave one name to two things."""
    for kind in ("conditions", "exercises", "treatments"):
        named: dict[str, set[str]] = {}
        for entry in getattr(content, kind).values():
            for name in (entry.name, *entry.aliases):
                named.setdefault(name.lower(), set()).add(entry.id)
        assert {name: ids for name, ids in named.items() if len(ids) > 1} == {}, kind


def _content_text() -> str:
    return "\n".join(p.read_text(encoding="utf-8").lower()
                     for p in builtin_content_dir().rglob("*.yaml"))


def _shingles(text: str, n: int = 8) -> set[str]:
    """Every run of `n` words, lower case, punctuation dropped."""
    words = re.findall(r"[a-z0-9']+", text.lower())
    return {" ".join(words[i:i + n]) for i in range(len(words) - n + 1)}


def _fingerprint(shingle: str) -> str:
    return hashlib.sha256(shingle.encode("utf-8")).hexdigest()[:16]


def _article_fingerprints(article: str) -> str:
    return "".join(f"{f}\n" for f in sorted({_fingerprint(s) for s in _shingles(article)}))


def test_no_sentence_copied_from_the_article() -> None:
    article = set(ARTICLE_FINGERPRINTS.read_text(encoding="ascii").split())
    assert len(article) > 1000  # the whole article, not an empty or cut file
    copied = sorted(s for s in _shingles(_content_text()) if _fingerprint(s) in article)
    assert not copied, f"runs of 8 words copied from the article: {copied[:5]}"


def test_article_fingerprints_are_up_to_date() -> None:
    if not ARTICLE.is_file():
        pytest.skip("the source article is not beside this checkout")
    written = _article_fingerprints(ARTICLE.read_text(encoding="utf-8"))
    assert ARTICLE_FINGERPRINTS.read_text(encoding="ascii") == written, (
        "the article changed: run python tests/test_content_library.py")


@pytest.mark.parametrize("wrong_claim", [
    r"won'?t cause pain",  # strains do cause pain
    r"(acetaminophen|paracetamol) (is|are) an? (nsaid|anti-inflammatory)",
    r"crutches[^.]{0,60}(lose|losing) (body )?weight",
    r"stretching (prevents|will prevent|reduces the risk of) injur",
    r"hyaluronic acid[^.]{0,40}(is|are) recommended for the hip",
    r"never (increase|add) more than 10 ?%",
    r"hop on (the|your) (sore|painful|injured) leg to (check|test)",
])
def test_article_wrong_claims_absent(wrong_claim: str) -> None:
    """No sentence makes the claim, except to correct it ("not", "a common rule says")."""
    sentences = re.split(r"(?<=[.!?])\s+", " ".join(_content_text().split()))
    corrections = (" not ", "n't", "rule says", "no difference", "myth", "against")
    claims = [s for s in sentences
              if re.search(wrong_claim, s) and not any(c in f" {s} " for c in corrections)]
    assert not claims, claims


def test_key_corrections_present(content: Content) -> None:
    text = _content_text()
    assert re.search(r"paracetamol[^.]*not an nsaid|not an nsaid[^.]*paracetamol", text)
    assert "recommend" in content.treatments["hyaluronic-acid-injection"].evidence.lower()
    assert "against" in " ".join([content.treatments["hyaluronic-acid-injection"].evidence,
                                  content.treatments["hyaluronic-acid-injection"].what,
                                  *content.treatments["hyaluronic-acid-injection"].cautions]
                                 ).lower()
    assert "10%" in text and "30 days" in text  # the corrected running-load evidence


def _groin_or_front(content: Content) -> list:
    """Every condition listed for the groin or the front of the hip, in any place."""
    found = [c for c in content.conditions.values() if {"groin", "front"} & set(c.regions)]
    assert len(found) >= len(BRIEF["groin"] | BRIEF["front"])
    return found


def _one_line(text: str) -> str:
    return " ".join(text.split())


def test_groin_and_front_conditions_warn_of_a_slipped_growth_plate(content: Content) -> None:
    """A slipped growth plate at the top of the thigh bone (SCFE) is often first taken
    for a groin strain or knee pain: every groin and front-of-hip page says to see a
    doctor the same day, in one wording, and the groin strains' differentials name it."""
    flags = set()
    for condition in _groin_or_front(content):
        if condition.id == "hip-osteoarthritis":  # a condition of adults over about 45
            continue
        scfe = [f for f in condition.red_flags if "growth plate" in f]
        assert scfe, f"{condition.id}: no red flag for a child or teenager (SCFE)"
        for flag in scfe:
            assert re.search(r"child or teenager \(roughly 8 to 16\)", flag), condition.id
            assert all(w in flag for w in ("limp", "groin", "knee", "same day")), flag
            assert "Do not run on it" in flag, flag
        flags.update(_one_line(f) for f in scfe)
    assert len(flags) == 1, f"one wording everywhere, not {len(flags)}: {sorted(flags)}"
    for condition_id in ("adductor-related-groin-pain", "iliopsoas-related-groin-pain"):
        notes = content.conditions[condition_id].clinician
        assert notes and "slipped capital femoral epiphysis" in _one_line(
            notes.differential or ""), condition_id


def test_groin_and_front_conditions_send_a_feverish_painful_hip_to_emergency(
        content: Content) -> None:
    """An infected hip joint rarely looks red or swollen (the joint is deep): fever or
    feeling unwell with severe pain, pain on any hip movement or not bearing weight is
    an emergency, on every groin and front-of-hip page, in one wording."""
    flags = set()
    for condition in _groin_or_front(content):
        fever = [_one_line(f) for f in condition.red_flags if "fever" in f.lower()]
        emergency = [f for f in fever if f.startswith("Fever or feeling unwell with severe "
                                                     "hip or groin pain")]
        assert emergency, f"{condition.id}: no emergency red flag for an infected hip"
        for flag in emergency:
            assert "any movement of the hip hurts" in flag, flag
            assert "cannot put weight on the leg" in flag, flag
            assert "rarely looks red or swollen" in flag, flag
            assert flag.endswith("Go to an emergency department now."), flag
        flags.update(emergency)
    assert len(flags) == 1, f"one wording everywhere, not {len(flags)}: {sorted(flags)}"
    # The old, narrower test (a hot, red, swollen hip with fever) is gone everywhere:
    # the red-flag question, the warning page and every other file.
    assert not re.search(r"hot, red[^.]*\b(fever|unwell)", _content_text())
    question = content.clues["fever-unwell"]
    assert "severe" in question.question and "emergency department now" in question.advice


@pytest.mark.parametrize(("exercise_id", "words"), [
    ("hip-flexor-stretch", "lifting the knee"),  # the brief: never without it
    ("hamstring-stretch", "sitting bone"),
])
def test_a_stretch_that_provokes_a_problem_warns_whatever_the_region(
        content: Content, exercise_id: str, words: str) -> None:
    """The warning is printed on every handout and page, not only for some regions."""
    exercise = content.exercises[exercise_id]
    for regions in [[], *([r] for r in content.regions)]:
        assert any(words in c for c in exercise.cautions_for(regions)), (exercise_id, regions)


def test_easy_running_advice_for_groin_pain_names_the_stop_rule(content: Content) -> None:
    """Running on with groin or front-of-hip pain is fine only while the pain is not
    building from run to run: an early femoral neck stress fracture is exactly that."""
    for condition in _groin_or_front(content):
        texts = [u.note or "" for u in condition.treatments]
        if condition.recovery:
            texts += [condition.recovery.summary,
                      *(p.description or "" for p in condition.recovery.phases)]
        for text in map(_one_line, texts):
            if re.search(r"running[^.]*\bfine\b|\bkeep (easy )?running\b", text, re.I):
                assert "from one run to the next" in text, (condition.id, text)
                assert "walking starts to hurt" in text, (condition.id, text)
                assert re.search(r"see a doctor within a day or two", text), (
                    condition.id, text)


def test_what_helps_lists_nothing_the_guidelines_advise_against(content: Content) -> None:
    """A treatment whose note says it is not recommended, or that guidelines advise
    against it, is marked `recommended: false`, so it is never shown under What helps;
    and one so marked says why."""
    against = re.compile(r"not recommended|recommends? against|advises? against|"
                         r"should not be (offered|used)", re.I)
    listed_as_helping, unexplained = [], []
    for condition in content.conditions.values():
        for use in condition.treatments:
            said = _one_line(f"{use.note or ''} {use.caution or ''}")
            if use.recommended and against.search(said):
                listed_as_helping.append((condition.id, use.treatment, said))
            if not use.recommended and not use.note:
                unexplained.append((condition.id, use.treatment))
    assert not listed_as_helping and not unexplained
    oa = {u.treatment: u.recommended for u in content.conditions["hip-osteoarthritis"].treatments}
    assert oa["hyaluronic-acid-injection"] is False and oa["topical-nsaids"] is False
    assert oa["corticosteroid-injection"] is True and oa["oral-nsaids"] is True
    fracture = content.conditions["femoral-neck-stress-fracture"]  # as its warnings say
    assert not next(u for u in fracture.treatments if u.treatment == "oral-nsaids").recommended


def test_the_id_list_for_content_writers_matches_the_library(content: Content) -> None:
    """docs/content-ids.md lists every id, under its kind, and nothing that is gone."""
    text = (ROOT / "docs" / "content-ids.md").read_text()
    listed: dict[str, set[str]] = {}
    for block in text.split("\n\n"):
        kind, _, ids = block.partition(":")
        if ids and not kind.startswith("#"):
            listed[kind.split(" (")[0]] = {i.strip() for i in ids.replace("\n", " ").split(",")}
    clues = content.clues.values()
    assert listed == {
        "Regions": set(content.regions),
        "Clues": {c.id for c in clues if not c.red_flag},
        "Red-flag clues": {c.id for c in clues if c.red_flag},
        "References": set(content.references), "Conditions": set(content.conditions),
        "Exercises": set(content.exercises), "Treatments": set(content.treatments),
        "Pages": set(content.pages),
    }


if __name__ == "__main__":
    ARTICLE_FINGERPRINTS.write_text(
        _article_fingerprints(ARTICLE.read_text(encoding="utf-8")), encoding="ascii")
    print(f"wrote {ARTICLE_FINGERPRINTS}", file=sys.stderr)
