"""The content model: what a content file may contain.

Entities are plain frozen dataclasses, so importing the model is cheap (start-up does
not pay for pydantic). The loader validates files against these same classes with
pydantic (`TypeAdapter`); the `Rule` markers and `CONFIG` below tell it how. Unknown
fields are errors, so a typo in a clinician's file is reported, not ignored.
Cross-file checks (ids that refer to other files) live in the loader.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Collection
from dataclasses import dataclass
from enum import StrEnum
from typing import Annotated, Any

ID_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"


class Rule:
    """A constraint on a field, read by pydantic only when the loader validates."""

    def __init__(self, pattern: str | None = None, min_length: int | None = None,
                 max_length: int | None = None, url: bool = False,
                 ge: int | None = None, le: int | None = None, count: bool = False) -> None:
        self.pattern, self.min_length, self.max_length = pattern, min_length, max_length
        self.ge, self.le = ge, le
        self.url, self.count = url, count

    def __get_pydantic_core_schema__(self, source: Any, handler: Any) -> Any:
        from pydantic_core import core_schema

        if self.ge is not None or self.le is not None:
            return core_schema.int_schema(ge=self.ge, le=self.le)
        schema = core_schema.str_schema(strip_whitespace=True, pattern=self.pattern,
                                        min_length=self.min_length, max_length=self.max_length)
        if self.url:
            return core_schema.no_info_after_validator_function(_http_only, schema)
        if self.count:
            return core_schema.no_info_after_validator_function(_a_dose, schema)
        return schema


def _http_only(url: str) -> str:
    if not re.match(r"^https?://[^\s<>\"']+$", url):
        raise ValueError("must be an http:// or https:// address")
    return url


def _a_dose(count: str) -> str:
    problem = count_problem(count)
    if problem:
        raise ValueError(problem)
    return count


Id = Annotated[str, Rule(pattern=ID_PATTERN, max_length=80)]
Text = Annotated[str, Rule(min_length=1, max_length=20_000)]
Line = Annotated[str, Rule(min_length=1, max_length=500)]
Count = Annotated[str, Rule(min_length=1, max_length=500, count=True)]  # sets or reps
Url = Annotated[str, Rule(max_length=2000, url=True)]
Weeks = Annotated[int, Rule(ge=0, le=260)]
# How pydantic treats every entity: unknown fields are errors; numbers written where
# text is expected become text ("sets: 3").
CONFIG = {"extra": "forbid", "str_strip_whitespace": True, "coerce_numbers_to_str": True}


class FieldError(ValueError):
    """A check of a whole entry that names the field at fault, so that the problem is
    reported at that field's line ("symptoms: needs at least one entry")."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(f"{field} {message}")
        self.field, self.message = field, message


def _not_empty(name: str, value: tuple[Any, ...]) -> None:
    if not value:
        raise FieldError(name, "needs at least one entry")


class Urgency(StrEnum):
    """How soon a person with this condition should see a clinician."""

    ROUTINE = "routine"
    SOON = "soon"
    URGENT = "urgent"
    EMERGENCY = "emergency"

    @property
    def rank(self) -> int:
        """0 for routine, rising with urgency (ranking reads it for every match)."""
        return _URGENCY_RANK[self]

    @property
    def label(self) -> str:
        return {
            "routine": "Routine",
            "soon": "See a clinician soon",
            "urgent": "Urgent",
            "emergency": "Emergency",
        }[self.value]


_URGENCY_RANK = {urgency: index for index, urgency in enumerate(Urgency)}


class HowCommon(StrEnum):
    """How often a condition causes hip pain in runners: among conditions that match
    equally well (and are as urgent), the more common is listed first."""

    COMMON = "common"
    UNCOMMON = "uncommon"
    RARE = "rare"

    @property
    def rank(self) -> int:
        """2 for common, 0 for rare."""
        return {"common": 2, "uncommon": 1, "rare": 0}[self.value]


class Stage(StrEnum):
    EARLY = "early"
    MIDDLE = "middle"
    LATE = "late"
    MAINTENANCE = "maintenance"


class TreatmentCategory(StrEnum):
    SELF_CARE = "self-care"
    THERAPY = "therapy"
    MEDICINE = "medicine"
    PROCEDURE = "procedure"
    SURGERY = "surgery"


class SectionLevel(StrEnum):
    EMERGENCY = "emergency"
    URGENT = "urgent"
    INFO = "info"


class _Model:
    __pydantic_config__ = CONFIG


@dataclass(frozen=True)
class Region(_Model):
    id: Id
    name: Line
    description: Line
    clinical_area: Line
    lay_terms: tuple[Line, ...] = ()


@dataclass(frozen=True)
class Clue(_Model):
    """A yes/no question; a yes re-ranks conditions that list it."""

    id: Id
    question: Line
    reason: Line
    red_flag: bool = False
    advice: Text | None = None
    urgency: Urgency | None = None  # of a red flag: the banner lists the most urgent first

    def __post_init__(self) -> None:
        if self.red_flag and not self.advice:
            raise ValueError("a red flag needs 'advice': what to do when the answer is yes")

    @property
    def warning_rank(self) -> int:
        """How urgent a "yes" is (a red flag without an urgency counts as urgent)."""
        return (self.urgency or Urgency.URGENT).rank if self.red_flag else 0


@dataclass(frozen=True)
class Reference(_Model):
    id: Id
    citation: Text
    url: Url | None = None


@dataclass(frozen=True)
class Dose(_Model):
    sets: Count | None = None
    reps: Count | None = None
    hold: Line | None = None
    frequency: Line | None = None

    def describe(self) -> str:
        """One line such as '3 sets of 10-15 reps, 3 times a week'.

        A bare number gets its unit ("3" -> "3 sets"); with a hold and no reps the sets
        are holds ("5 holds of 30 seconds"). Text such as "1 on each side" is shown as
        written.
        """
        amount = self._amount()
        if self.frequency:
            return f"{amount}, {self.frequency}" if amount else self.frequency
        return amount

    def _amount(self) -> str:
        if self.sets and self.hold and not self.reps and _is_count(self.sets):
            return f"{_with_unit(self.sets, 'holds', 'hold')} of {self.hold}"
        parts = [_with_unit(self.sets, "sets", "set")] if self.sets else []
        if self.reps:
            parts.append(_with_unit(self.reps, "reps", "rep"))
        amount = (" of " if self.sets and _is_count(self.sets) else " x ").join(parts)
        if self.hold:
            return f"{amount}, holding each for {self.hold}" if amount else f"hold for {self.hold}"
        return amount


def is_zero(count: str) -> bool:
    """'0' (or '00', '0.0'): a count of nothing."""
    return re.fullmatch(r"0+([.,]0*)?", count.strip()) is not None


def count_problem(count: str) -> str:
    """Why `count`, a dose's sets or reps, is no dose ("" if it is one): 0, a negative
    number, a range from or to 0 ("0-3", "3-0"), a bare fraction ("3.5"), a number
    written with an exponent ("1e9") or more than MAX_COUNT."""
    text = count.strip()
    shown = text if len(text) <= 24 else f"{text[:20]}…"  # a message, not the text
    if re.match(r"[-−]\s*\d", text):
        return f"{shown} is negative; give at least 1"
    if is_zero(text):
        return "0 is no dose; give at least 1"
    if re.fullmatch(r"0+\s*(-|to)\s*\d+", text):
        return f"a range from 0 ({shown}) may mean none; start it at 1 or more"
    if re.fullmatch(r"\d+\s*(-|to)\s*0+", text):
        return f"a range to 0 ({shown}) may mean none; end it at 1 or more"
    if re.fullmatch(r"\d*[.,]\d+", text):
        return f"{shown} is not a whole number; give whole sets or repetitions"
    if re.fullmatch(r"[\d.]+[eE][-+]?\d+", text):
        return f"{shown} is not a count; write it out as a whole number"
    if re.fullmatch(r"[0-9]+", text) and (len(text.lstrip("0")) > 4 or int(text) > MAX_COUNT):
        return f"{shown} is too many for a dose; give at most {MAX_COUNT}"
    return ""


MAX_COUNT = 1000  # sets or reps: more is a slip of the keyboard, not a dose


def _is_count(value: str) -> bool:
    """'3', '2-3' or '3 to 4': a plain number of sets or reps."""
    return re.fullmatch(r"\d+(\s*(-|to)\s*\d+)?", value) is not None


def _with_unit(value: str, plural: str, singular: str) -> str:
    if _is_count(value):
        return f"{value} {singular if value == '1' else plural}"
    return value


@dataclass(frozen=True)
class ClueWeight(_Model):
    clue: Id
    weight: Annotated[int, Rule(ge=1, le=3)] = 1  # 1 weak to 3 strong


@dataclass(frozen=True)
class TreatmentUse(_Model):
    treatment: Id
    note: Text | None = None
    caution: Text | None = None
    # False: the guidelines advise against it for this condition; it is listed under
    # "Not recommended", never under "What helps"
    recommended: bool = True


@dataclass(frozen=True)
class ExerciseUse(_Model):
    exercise: Id
    stage: Stage = Stage.EARLY
    dose: Dose | None = None  # None: the exercise's usual dose
    caution: Text | None = None

    def __post_init__(self) -> None:
        if self.dose is not None and not self.dose.describe():  # `dose: {}` changes nothing
            object.__setattr__(self, "dose", None)


# Shown with every set of recovery phases, on screen, in print and under the chart.
PHASE_LENGTHS_NOTE = ("The times are rough guides from reviews and clinical experience, not "
                      "trial results.")


@dataclass(frozen=True)
class Phase(_Model):
    name: Line
    weeks_min: Weeks
    weeks_max: Weeks
    description: Text | None = None

    def __post_init__(self) -> None:
        if self.weeks_max < self.weeks_min:
            raise ValueError("weeks_max must not be smaller than weeks_min")


@dataclass(frozen=True)
class Recovery(_Model):
    summary: Text
    phases: tuple[Phase, ...] = ()


@dataclass(frozen=True)
class ClinicianNotes(_Model):
    exam: tuple[Text, ...] = ()
    differential: Text | None = None


@dataclass(frozen=True)
class Condition(_Model):
    id: Id
    name: Line
    regions: tuple[Id, ...]
    urgency: Urgency
    summary: Text
    symptoms: tuple[Line, ...]
    red_flags: tuple[Line, ...]  # required: [] says "none" explicitly
    references: tuple[Id, ...]
    reviewed: dt.date
    aliases: tuple[Line, ...] = ()
    how_common: HowCommon = HowCommon.UNCOMMON  # in runners; orders equal matches
    clinician: ClinicianNotes | None = None
    aggravating: tuple[Line, ...] = ()
    clues: tuple[ClueWeight, ...] = ()
    treatments: tuple[TreatmentUse, ...] = ()
    exercises: tuple[ExerciseUse, ...] = ()
    recovery: Recovery | None = None
    prevention: tuple[Line, ...] = ()

    def __post_init__(self) -> None:
        _not_empty("regions", self.regions)
        _not_empty("symptoms", self.symptoms)
        # references are counted by the loader, once the unknown ids are left out

    @property
    def main_region(self) -> str:
        return self.regions[0]


class _PlainText:
    """Lets an entry be written as plain text, read as its `text` field alone."""

    def __get_pydantic_core_schema__(self, source: Any, handler: Any) -> Any:
        from pydantic_core import core_schema

        return core_schema.no_info_before_validator_function(
            lambda value: value if isinstance(value, dict) else {"text": value},
            handler(source))


@dataclass(frozen=True)
class Caution(_Model):
    """A caution on an exercise: plain text, or text with the regions it is for.

    One that matters only with pain in some regions ("With outer hip pain, ...") names
    them, so a condition's page and a handout about other regions leave it out."""

    text: Line
    regions: tuple[Id, ...] = ()


@dataclass(frozen=True)
class Exercise(_Model):
    id: Id
    name: Line
    purpose: Text
    steps: tuple[Line, ...]
    dose: Dose
    aliases: tuple[Line, ...] = ()
    progression: Text | None = None
    regression: Text | None = None
    cautions: tuple[Annotated[Caution, _PlainText()], ...] = ()
    image: Line | None = None
    references: tuple[Id, ...] = ()

    def __post_init__(self) -> None:
        _not_empty("steps", self.steps)

    def cautions_for(self, regions: Collection[str] = ()) -> tuple[str, ...]:
        """The cautions' texts: with no `regions`, all of them; else those for everyone
        and those for one of `regions`."""
        return tuple(c.text for c in self.cautions
                     if not regions or not c.regions or set(c.regions) & set(regions))


@dataclass(frozen=True)
class Treatment(_Model):
    id: Id
    name: Line
    category: TreatmentCategory
    what: Text
    helps_when: Text
    evidence: Text
    aliases: tuple[Line, ...] = ()
    cautions: tuple[Line, ...] = ()
    references: tuple[Id, ...] = ()


@dataclass(frozen=True)
class PageSection(_Model):
    heading: Line
    level: SectionLevel | None = None
    items: tuple[Line, ...] = ()
    text: Text | None = None


@dataclass(frozen=True)
class Page(_Model):
    id: Id
    title: Line
    sections: tuple[PageSection, ...]
    intro: Text | None = None
    # what else a reader may search for it by ("cannot bear weight", "warning signs")
    aliases: tuple[Line, ...] = ()
    references: tuple[Id, ...] = ()

    def __post_init__(self) -> None:
        _not_empty("sections", self.sections)


Entry = Region | Clue | Reference | Condition | Exercise | Treatment | Page
