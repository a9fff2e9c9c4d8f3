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
