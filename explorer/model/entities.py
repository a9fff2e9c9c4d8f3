"""The content model: what a content file may contain, validated by pydantic.

Models are frozen and forbid unknown fields, so a typo in a clinician's file is
reported instead of silently ignored. Cross-file checks (ids that refer to other
files) live in the loader, not here.
"""

from __future__ import annotations

import datetime as dt
import re
from enum import StrEnum
from typing import Annotated

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    model_validator,
)

ID_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"

Id = Annotated[str, StringConstraints(pattern=ID_PATTERN, max_length=80)]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=20_000)]
Line = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=500)]


def _http_only(url: str) -> str:
    if not re.match(r"^https?://[^\s<>\"']+$", url):
        raise ValueError("must be an http:// or https:// address")
    return url


Url = Annotated[str, AfterValidator(_http_only)]


class Urgency(StrEnum):
    """How soon a person with this condition should see a clinician."""

    ROUTINE = "routine"
    SOON = "soon"
    URGENT = "urgent"
    EMERGENCY = "emergency"

    @property
    def rank(self) -> int:
        return list(Urgency).index(self)

    @property
    def label(self) -> str:
        return {
            "routine": "Routine",
            "soon": "See a clinician soon",
            "urgent": "Urgent",
            "emergency": "Emergency",
        }[self.value]


class Stage(StrEnum):
    EARLY = "early"
    MIDDLE = "middle"
    LATE = "late"
    MAINTENANCE = "maintenance"


class _Model(BaseModel):
    model_config = ConfigDict(
        frozen=True, extra="forbid", str_strip_whitespace=True, coerce_numbers_to_str=True
    )


class Entry(_Model):
    """Anything stored by id."""

    id: Id


class Region(Entry):
    name: Line
    description: Line
    clinical_area: Line
    lay_terms: tuple[Line, ...] = ()


class Clue(Entry):
    """A yes/no question; a yes re-ranks conditions that list it."""

    question: Line
    reason: Line
    red_flag: bool = False
    advice: Text | None = None


class Reference(Entry):
    citation: Text
    url: Url | None = None


class Dose(_Model):
    sets: Line | None = None
    reps: Line | None = None
    hold: Line | None = None
    frequency: Line | None = None

    def describe(self) -> str:
        """One line such as '3 sets x 10-15 reps, 3 times a week'.

        A bare number gets its unit ("3" -> "3 sets"); text such as "1 on each side"
        is shown as written.
        """
        parts = []
        if self.sets:
            parts.append(_with_unit(self.sets, "sets", "set"))
        if self.reps:
            parts.append(_with_unit(self.reps, "reps", "rep"))
        if self.hold:
            parts.append(f"hold {self.hold}")
        text = " x ".join(parts)
        if self.frequency:
            text = f"{text}, {self.frequency}" if text else self.frequency
        return text


def _with_unit(value: str, plural: str, singular: str) -> str:
    if re.fullmatch(r"\d+(\s*(-|to)\s*\d+)?", value):
        return f"{value} {singular if value == '1' else plural}"
    return value


class ClueWeight(_Model):
    clue: Id
    weight: int = Field(default=1, ge=1, le=3)


class TreatmentUse(_Model):
    treatment: Id
    note: Text | None = None
    caution: Text | None = None


class ExerciseUse(_Model):
    exercise: Id
    stage: Stage = Stage.EARLY
    dose: Dose | None = None
    caution: Text | None = None


class Phase(_Model):
    name: Line
    weeks_min: int = Field(ge=0, le=260)
    weeks_max: int = Field(ge=0, le=260)
    description: Text | None = None

    @model_validator(mode="after")
    def _ordered(self) -> Phase:
        if self.weeks_max < self.weeks_min:
            raise ValueError("weeks_max must not be smaller than weeks_min")
        return self


class Recovery(_Model):
    summary: Text
    phases: tuple[Phase, ...] = ()


class ClinicianNotes(_Model):
    exam: tuple[Text, ...] = ()
    differential: Text | None = None


class Condition(Entry):
    name: Line
    aliases: tuple[Line, ...] = ()
    regions: tuple[Id, ...] = Field(min_length=1)
    urgency: Urgency
    summary: Text
    clinician: ClinicianNotes | None = None
    symptoms: tuple[Line, ...] = Field(min_length=1)
    aggravating: tuple[Line, ...] = ()
    clues: tuple[ClueWeight, ...] = ()
    red_flags: tuple[Line, ...]
    treatments: tuple[TreatmentUse, ...] = ()
    exercises: tuple[ExerciseUse, ...] = ()
    recovery: Recovery | None = None
    prevention: tuple[Line, ...] = ()
    references: tuple[Id, ...] = Field(min_length=1)
    reviewed: dt.date

    @property
    def main_region(self) -> str:
        return self.regions[0]


class Exercise(Entry):
    name: Line
    aliases: tuple[Line, ...] = ()
    purpose: Text
    steps: tuple[Line, ...] = Field(min_length=1)
    dose: Dose
    progression: Text | None = None
    regression: Text | None = None
    cautions: tuple[Line, ...] = ()
    image: Line | None = None
    references: tuple[Id, ...] = ()


class TreatmentCategory(StrEnum):
    SELF_CARE = "self-care"
    THERAPY = "therapy"
    MEDICINE = "medicine"
    PROCEDURE = "procedure"
    SURGERY = "surgery"


class Treatment(Entry):
    name: Line
    aliases: tuple[Line, ...] = ()
    category: TreatmentCategory
    what: Text
    helps_when: Text
    cautions: tuple[Line, ...] = ()
    evidence: Text
    references: tuple[Id, ...] = ()


class PageSection(_Model):
    heading: Line
    level: str | None = Field(default=None, pattern=r"^(emergency|urgent|info)$")
    items: tuple[Line, ...] = ()
    text: Text | None = None


class Page(Entry):
    title: Line
    intro: Text | None = None
    sections: tuple[PageSection, ...] = Field(min_length=1)
    references: tuple[Id, ...] = ()


class RegionsFile(_Model):
    regions: tuple[Region, ...] = Field(min_length=1)


class CluesFile(_Model):
    clues: tuple[Clue, ...] = ()


class ReferencesFile(_Model):
    references: tuple[Reference, ...] = ()
