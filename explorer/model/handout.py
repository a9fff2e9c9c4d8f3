"""An exercise handout: what a clinician chose for one patient, saved as readable JSON.

Saving is atomic (write a temporary file beside the target, flush it to disk, then
rename), so a crash or a full disk mid-save never destroys the previous file. A
damaged file raises HandoutError with a message that names the file and the problem; a
running log or usual week that the planner refuses is left out, and `left_out` says why.
Fields this version does not read (a newer version's, or a name misspelt by hand) are
kept as they were and saved again, and `notes` tells the user about them.
A value quoted from the file in a message is cut short (`shorten`), and long lists name
a few items, then how many more (`listed`): a file cannot make a message of any size.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import re
import stat
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, field, replace
from dataclasses import fields as dataclass_fields
from pathlib import Path
from typing import Any

from explorer.files import destination_refusal, exists, write_atomically, write_refusal
from explorer.model.content import Content
from explorer.model.drawing import (
    COORDINATE_MAX,
    Drawing,
    drawing_too_large,
)
from explorer.model.entities import Dose, count_problem
from explorer.model.running_load import (
    HISTORY_DAYS,
    SAVED_DECIMALS,
    Baseline,
    LoadInputError,
    Run,
    check_baseline,
    input_problems,
)

FORMAT = "hip-explorer-handout"
VERSION = 1
# the longest text each field may hold, in characters: reading refuses longer, and so
# does saving (the builder's fields stop at them too), so every saved handout opens
PATIENT_MAX, NOTE_MAX, DOSE_MAX = 200, 5000, 200
COUNTS = ("sets", "reps")  # a dose's counts: 0 of either is no dose
MAX_HANDOUT_BYTES = 1024 * 1024
RECOMMENDED_MAX_EXERCISES = 6
# the most exercises a handout file holds (the builder lists each once): a file of 20,000
# froze the builder and printed 6,668 pages
MAX_EXERCISES = 50
SHOWN_CHARS = 60  # a value quoted from a file in a message is cut to this many characters
SHOWN_ITEMS = 5  # a list in a message names this many items, then "(and N more)"
TOLD = ("left_out", "notes")  # a Handout's fields told to the user on opening, never saved


class HandoutError(Exception):
    """A handout file that cannot be read or written; the message is for the user."""


@dataclass(frozen=True)
class HandoutExercise:
    exercise: str
    sets: str = ""
    reps: str = ""
    hold: str = ""
    frequency: str = ""
    note: str = ""
    # the fields this version does not read (not hashed: the builder keys its undo steps'
    # selections by the exercises)
    extra: dict[str, Any] = field(default_factory=dict, hash=False)

    @property
    def dose(self) -> Dose:
        return Dose(sets=self.sets or None, reps=self.reps or None, hold=self.hold or None,
                    frequency=self.frequency or None)

    @property
    def bad_counts(self) -> tuple[str, ...]:
        """The counts that are no dose ("sets", "reps"; see count_problem): not
        printed."""
        return tuple(name for name in COUNTS if count_problem(getattr(self, name)))


@dataclass(frozen=True)
class Handout:
    patient: str = ""
    clinician_note: str = ""
    side: str = "right"
    regions: dict[str, int] = field(default_factory=dict)  # region -> intensity 0-10
    conditions: tuple[str, ...] = ()
    exercises: tuple[HandoutExercise, ...] = ()
    large_print: bool = False
    drawings: Drawing = ()  # see explorer.model.drawing
    recovery_chart: bool = False  # print the first condition's recovery timeline
    # print the conditions' summaries before the exercises (one PDF to take home)
    condition_summaries: bool = False
    # (days ago, distance) for the running plan, counted back from `created`: a file
    # opened later has its runs moved back by the days since (and `created` is today)
    runs: tuple[tuple[int, float], ...] = ()
    unit: str = "km"
    baseline: Baseline | None = None  # without runs, the plan may start from a usual week
    created: str = field(default_factory=lambda: dt.date.today().isoformat())
    # the file's fields this version does not read, saved again as they were
    extra: dict[str, Any] = field(default_factory=dict)
    # what reading the file had to leave out, and why, and what else the user should know
    # about it (told to the user; never saved)
    left_out: tuple[str, ...] = field(default=(), compare=False)
    notes: tuple[str, ...] = field(default=(), compare=False)

    @property
    def has_running_plan(self) -> bool:
        return bool(self.runs or self.baseline)

    @property
    def too_many_exercises(self) -> bool:
        return len(self.exercises) > RECOMMENDED_MAX_EXERCISES

    def with_exercise(self, content: Content, exercise_id: str) -> Handout:
        """Add an exercise with the dose the conditions suggest (or its default)."""
        if any(e.exercise == exercise_id for e in self.exercises):
            return self
        dose = suggested_dose(content, self.conditions, exercise_id)
        item = HandoutExercise(exercise_id, dose.sets or "", dose.reps or "", dose.hold or "",
                               dose.frequency or "")
        return replace(self, exercises=(*self.exercises, item))

    def without_exercises(self, indices: Iterable[int]) -> Handout:
        drop = set(indices)
        return replace(self, exercises=tuple(e for i, e in enumerate(self.exercises)
                                             if i not in drop))

    def with_exercises_moved(self, indices: Iterable[int], step: int) -> Handout:
        """The exercises at `indices` each moved one place up (`step` -1) or down (1),
        past the one beside them; unchanged if one is already at that end of the list
        (or none is given)."""
        chosen = sorted(set(indices), reverse=step > 0)  # the one furthest ahead first
        if not chosen or not all(0 <= i < len(self.exercises) and
                                 0 <= i + step < len(self.exercises) for i in chosen):
            return self
        items = list(self.exercises)
        for index in chosen:
            items[index], items[index + step] = items[index + step], items[index]
        return replace(self, exercises=tuple(items))

    def print_refusal(self) -> str:
        """Why the handout is not printed as it is ("" when it may be): it has nothing
        of the patient's own (no exercises, conditions, regions, drawing or running plan:
        only the general advice would print), or an exercise has 0 sets or reps (the
        text stays as typed, to correct)."""
        if not (self.exercises or self.conditions or self.regions or self.drawings
                or self.has_running_plan):
            return "Nothing to print yet: add exercises to the handout."
        bad = [f"Exercise {number}'s {name}: {count_problem(getattr(item, name))}."
               for number, item in enumerate(self.exercises, 1) for name in item.bad_counts]
        if bad:  # each with its own reason, as its cell's tip gives it
            return f"{listed(bad, ' ')} The handout is not printed until then."
        return ""

    def too_long(self) -> list[str]:
        """What is longer than a handout file may hold (see PATIENT_MAX and
        explorer.model.drawing), in words."""
        fields = [("the patient's name", self.patient, PATIENT_MAX),
                  ("the note", self.clinician_note, NOTE_MAX)]
        for number, item in enumerate(self.exercises, 1):
            fields += [(f"exercise {number}'s {name}", getattr(item, name), DOSE_MAX)
                       for name in ("sets", "reps", "hold", "frequency")]
            fields.append((f"exercise {number}'s note", item.note, NOTE_MAX))
        many = [f"the handout has {len(self.exercises):,} exercises (at most "
                f"{MAX_EXERCISES})"] if len(self.exercises) > MAX_EXERCISES else []
        return many + [f"{name} has {len(text):,} characters (at most {limit:,})"
                       for name, text, limit in fields if len(text) > limit
                       ] + drawing_too_large(self.drawings)

    def to_json(self) -> str:
        # the fields not read are written as they were read, not copied by `asdict` (which
        # goes into lists in lists only so deep)
        plain = replace(self, extra={}, exercises=tuple(replace(e, extra={})
                                                        for e in self.exercises))
        data = {"format": FORMAT, "version": VERSION, **asdict(plain)}
        for told in TOLD:
            del data[told]
        data["exercises"] = [_with_extra(item, e.extra)
                             for item, e in zip(data["exercises"], self.exercises, strict=True)]
        data["runs"] = [[day, round(distance, SAVED_DECIMALS)] for day, distance in self.runs]
        if self.baseline:
            data["baseline"] = {key: round(value, SAVED_DECIMALS)
                                for key, value in data["baseline"].items()}
        # one line per stroke, points to 0.1 (a pen's step is more): with each number on
        # a line of its own a drawing took five times the bytes and soon passed the
        # largest file that opens (MAX_HANDOUT_BYTES)
        strokes = [json.dumps([colour, [[round(x, 1), round(y, 1)] for x, y in points]])
                   for colour, points in self.drawings]
        data["drawings"] = []
        text = json.dumps(_with_extra(data, self.extra), indent=2, ensure_ascii=False)
        if strokes:  # a line break in the text is the indent's (a string's is "\n")
            text = text.replace('\n  "drawings": []',
                                '\n  "drawings": [\n    ' + ",\n    ".join(strokes) + "\n  ]", 1)
        return text + "\n"


# a file's fields that this version reads (the others are kept in `extra`)
FIELDS = {"format", "version"} | {f.name for f in dataclass_fields(Handout)} - {
    "extra", *TOLD}
EXERCISE_FIELDS = {f.name for f in dataclass_fields(HandoutExercise)} - {"extra"}


def _with_extra(data: dict[str, Any], extra: dict[str, Any]) -> dict[str, Any]:
    """`asdict`'s fields, then the ones this version does not read."""
    return {**{key: value for key, value in data.items() if key != "extra"}, **extra}


def suggested_exercises(content: Content, conditions: tuple[str, ...]) -> list[str]:
    """Exercises of the chosen conditions, earliest stage first, without repeats."""
    stages = ["early", "middle", "late", "maintenance"]
    uses = [u for cid in conditions if cid in content.conditions
            for u in content.conditions[cid].exercises]
    uses.sort(key=lambda u: stages.index(u.stage.value))
    return list(dict.fromkeys(u.exercise for u in uses if u.exercise in content.exercises))


def suggested_dose(content: Content, conditions: tuple[str, ...], exercise_id: str) -> Dose:
    for cid in conditions:
        condition = content.conditions.get(cid)
        for use in condition.exercises if condition else ():
            if use.exercise == exercise_id and use.dose:
                return use.dose
    exercise = content.exercises.get(exercise_id)
    return exercise.dose if exercise else Dose()


def shorten(text: str, limit: int = SHOWN_CHARS) -> str:
    """`text` as quoted in a message: at most `limit` characters, ending in "…" if cut."""
    return text if len(text) <= limit else text[:limit - 1] + "…"


def listed(items: Sequence[str], separator: str = ", ") -> str:
    """The first SHOWN_ITEMS of `items` joined by `separator`, then how many more."""
    more = len(items) - SHOWN_ITEMS
    shown = separator.join(items[:SHOWN_ITEMS])
    return f"{shown} (and {more} more)" if more > 0 else shown


def _shown(value: Any) -> str:
    """A value from the file as it is written there (JSON), cut short."""
    try:
        return shorten(json.dumps(value, ensure_ascii=False))
    except (ValueError, RecursionError):
        return shorten(repr(value))


def _shorten_numbers(text: str) -> str:
    """`text` with every number of more than SHOWN_CHARS digits cut short."""
    return re.sub(rf"\d{{{SHOWN_CHARS + 1},}}", lambda match: shorten(match[0]), text)


def _text(data: dict[str, Any], key: str, where: str, limit: int = 5000,
          number: bool = False) -> str:
    """A text field; with `number`, a whole number typed without quotes ("sets": 3) is
    taken as its text."""
    value = data.get(key, "")
    if number and isinstance(value, int) and not isinstance(value, bool) \
            and len(str(value)) <= limit:
        return str(value)
    if not isinstance(value, str):
        quoted = f', in quotes: "{key}": "3"' if number else ", in quotes"
        raise HandoutError(f"{where}: '{key}' should be text{quoted}")
    if len(value) > limit:
        raise HandoutError(f"{where}: '{key}' is longer than {limit} characters")
    return value


def _flag(data: dict[str, Any], key: str, where: str) -> bool:
    """A yes/no field: JSON true or false only (the text "false" is no answer)."""
    value = data.get(key, False)
    if not isinstance(value, bool):
        raise HandoutError(f"{where}: '{key}' should be true or false, not {_shown(value)}")
    return value


def _choice(data: dict[str, Any], key: str, choices: tuple[str, str], where: str) -> str:
    """One of two words, typed in any case ("LEFT", "Km"); the first when left out."""
    value = data.get(key, choices[0])
    if isinstance(value, str) and value.strip().lower() in choices:
        return value.strip().lower()
    raise HandoutError(f"{where}: '{key}' should be {' or '.join(choices)}, "
                       f"not {_shown(value)}")


def from_json(text: str, source: str = "handout") -> Handout:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:  # "Unterminated string starting at": say where
        where = "" if exc.msg.endswith(" at") else " at"
        raise _damaged(f"{source}:{exc.lineno}", f"{exc.msg}{where} column {exc.colno}"
                       ) from None
    except RecursionError:
        raise _damaged(source, "nested too deeply") from None
    except ValueError:  # an integer with more digits than Python converts (4,300)
        raise _damaged(source, "a number is too long") from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise HandoutError(f"{source}: not a Hip Explorer handout file")
    _refuse_half_pairs(data, text, source)
    if "version" not in data:
        raise HandoutError(f"{source}: the handout version is missing")
    version = data["version"]  # the whole number 1: not true, 1.0 or "1"
    if isinstance(version, bool) or not isinstance(version, int):
        quoted = " (without quotes)" if isinstance(version, str) else ""
        raise HandoutError(f"{source}: handout version {_shown(version)} should be the "
                           f"whole number {VERSION}{quoted}")
    if version != VERSION:
        raise HandoutError(f"{source}: handout version {_shown(version)} is not "
                           f"supported (this version reads {VERSION})")
    regions = _regions(data.get("regions", {}), source)
    conditions = data.get("conditions", [])
    if not isinstance(conditions, list) or not all(isinstance(c, str) for c in conditions):
        raise HandoutError(f"{source}: 'conditions' should be a list of condition ids")
    once: dict[str, None] = {}  # each once, in first order: it printed twice
    repeats = []
    for condition in conditions:
        if condition in once:
            repeats.append(condition)
        once[condition] = None
    conditions = list(once)
    items = data.get("exercises", [])
    if not isinstance(items, list) or not all(isinstance(i, dict) for i in items):
        raise HandoutError(f"{source}: 'exercises' should be a list")
    exercises, exercises_left_out = _exercises(items, source)
    extra = {key: value for key, value in data.items() if key not in FIELDS}
    drawings, drawings_refused = _drawings(data.get("drawings", []))
    unit = _choice(data, "unit", ("km", "mi"), source)
    # A running log or usual week the planner refuses is left out, with the reason, not
    # the whole handout: the exercises and notes are still good.
    age, undated = _days_since(_text(data, "created", source, 40))
    runs, runs_refused = _runs(data.get("runs", []), unit, source, age)
    baseline, baseline_refused = _baseline(data.get("baseline"), unit, source)
    side = _choice(data, "side", ("right", "left"), source)
    return Handout(
        patient=_text(data, "patient", source, PATIENT_MAX),
        clinician_note=_text(data, "clinician_note", source, NOTE_MAX),
        side=side, regions=regions, conditions=tuple(conditions),
        exercises=tuple(exercises), large_print=_flag(data, "large_print", source),
        drawings=drawings, recovery_chart=_flag(data, "recovery_chart", source),
        condition_summaries=_flag(data, "condition_summaries", source),
        runs=runs, unit=unit, baseline=baseline,
        created=dt.date.today().isoformat(),  # the runs are counted back from today now
        extra=extra,
        left_out=tuple(why for why in (_repeats(repeats, "a condition"), *exercises_left_out,
                                       drawings_refused,
                                       undated if runs else None, runs_refused,
                                       baseline_refused) if why),
        notes=_notes("exercises" in data, extra, exercises),
    )


def _repeats(repeated: list[str], kind: str) -> str:
    """What a file's repeats of ids (each after the first) say when it opens; "" if none."""
    if not repeated:
        return ""
    names = [f"'{shorten(i)}'" for i in dict.fromkeys(repeated)]
    return (f"{len(repeated):,} repeat{'s' * (len(repeated) != 1)} of {kind} already listed "
            f"({listed(names)}): each is kept once, as first listed")


def _refuse_half_pairs(data: dict[str, Any], text: str, source: str) -> None:
    """A file whose text escapes half of a UTF-16 pair ("\\ud800" alone): no character,
    which no file can be saved with (saving failed with a crash), so a damaged file."""
    try:
        json.dumps(data, ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError as exc:
        escape = f"\\u{ord(exc.object[exc.start]):04x}"
        at = text.lower().find(escape)
        where = f"{source}:{text.count(chr(10), 0, at) + 1}" if at >= 0 else source
        raise _damaged(where, f"{escape} is half of a UTF-16 pair, not a character"
                       ) from None


def _notes(has_exercises: bool, extra: dict[str, Any],
           exercises: Sequence[HandoutExercise]) -> tuple[str, ...]:
    """What the user should know about a file that opens: no exercises list at all (a
    file made by hand, or a misspelt name), and the fields this version does not read."""
    unread = [f"'{shorten(key)}'" for key in extra]
    unread += [f"'{shorten(key)}' in exercise {number} ('{shorten(item.exercise)}')"
               for number, item in enumerate(exercises, 1) for key in item.extra]
    notes = [] if has_exercises else [
        'The file has no "exercises" list, so the handout has no exercises.']
    if unread:
        kept = "it as it was" if len(unread) == 1 else "them as they were"
        notes.append(f"This version does not read {listed(unread)}; saving the handout "
                     f"keeps {kept}.")
    return tuple(notes)


def _exercises(items: list[dict[str, Any]], source: str
               ) -> tuple[tuple[HandoutExercise, ...], list[str]]:
    """The exercises, each once (as the builder lists them: the first is kept) and at most
    MAX_EXERCISES, with what was left out; an exercise of the wrong shape is a damaged
    file."""
    exercises: dict[str, HandoutExercise] = {}
    repeated, past_limit = [], 0
    for index, item in enumerate(items):
        where = f"{source}: exercise {index + 1}"
        exercise_id = _text(item, "exercise", where, 80)
        if not exercise_id:
            raise HandoutError(f"{where}: 'exercise' is missing")
        if exercise_id in exercises:
            repeated.append(exercise_id)
        elif len(exercises) == MAX_EXERCISES:
            past_limit += 1
        else:
            exercises[exercise_id] = HandoutExercise(
                exercise_id, sets=_text(item, "sets", where, DOSE_MAX, number=True),
                reps=_text(item, "reps", where, DOSE_MAX, number=True),
                hold=_text(item, "hold", where, DOSE_MAX),
                frequency=_text(item, "frequency", where, DOSE_MAX),
                note=_text(item, "note", where, NOTE_MAX),
                extra={k: v for k, v in item.items() if k not in EXERCISE_FIELDS})
    left_out = [_repeats(repeated, "an exercise")] if repeated else []
    if past_limit:
        left_out.append(f"{past_limit:,} exercise{'s' * (past_limit != 1)} after the first "
                        f"{MAX_EXERCISES}: a handout holds at most {MAX_EXERCISES} (people "
                        f"follow one best with at most {RECOMMENDED_MAX_EXERCISES})")
    return tuple(exercises.values()), left_out


def _damaged(where: str, reason: str) -> HandoutError:
    return HandoutError(f"{where}: not a readable handout file ({reason}); it may be "
                        "damaged or truncated")


def _number(value: Any) -> float | None:
    """A JSON number as a float (infinite when too large for one); None if not a number."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    try:
        return float(value)
    except OverflowError:
        return math.inf


def _regions(value: Any, source: str) -> dict[str, int]:
    """Region id -> pain level, a whole number from 0 to 10. A level written 7.0 is 7 (the
    same number); true, 7.5 or "7" are refused, as they would print as "pain True/10".
    Whether a region is known is up to the loaded content (`unknown_entries`)."""
    message = f"{source}: 'regions' should map region ids to pain levels 0-10"
    if not isinstance(value, dict):
        raise HandoutError(message)
    regions = {}
    for region, level in value.items():
        number = _number(level)
        if number is None or not number.is_integer() or not 0 <= number <= 10:
            raise HandoutError(f"{message} (whole numbers); '{shorten(region)}' has "
                               f"{_shown(level)}")
        regions[region] = int(number)
    return regions


def _days_since(created: str) -> tuple[int, str | None]:
    """Days from the date a handout was saved to today; 0 for none. A date that is not
    one or is in the future is taken as today, with what to tell the user (kept as it was,
    a future date would never let the runs age, saved again or not)."""
    today = dt.date.today()
    if not created:  # a file written without one: its runs are as of today
        return 0, None
    try:
        saved = dt.date.fromisoformat(created)
    except ValueError:
        what = f"{_shown(created)}, which is not a date such as {today.isoformat()}"
    else:
        if saved <= today:
            return (today - saved).days, None
        what = f"{created}, which is in the future"
    return 0, (f"the date the handout was saved, {what}: the runs in the running log are "
               "counted back from today, so they may be older than they look")


def _runs(value: Any, unit: str, source: str,
          age: int = 0) -> tuple[tuple[tuple[int, float], ...], str | None]:
    """The running log, held to the planner's own limits (a log it refuses would print
    as an empty plan, and a NaN would be saved back as invalid JSON); a refused log is
    empty, with the reason. A log of the wrong shape is a damaged file.

    The log was saved `age` days ago: each run is that much further back now, and runs
    gone past the planner's history are left out, with the reason."""
    message = f"{source}: 'runs' should be a list of [days ago, distance]"
    if not isinstance(value, list) or len(value) > 200:
        raise HandoutError(message)
    runs = []
    for item in value:
        distance = _number(item[1]) if isinstance(item, list) and len(item) == 2 else None
        if distance is None:
            raise HandoutError(message)
        # the planner quotes days ago that it refuses: text (no whole number) is passed
        # on cut short, and a huge whole number is cut short in its message
        day: Any = item[0] if isinstance(item[0], int) else shorten(str(item[0]))
        runs.append(Run(day, distance))
    problems = input_problems(runs, unit)  # also: days ago must be whole numbers
    if problems:
        return (), ("the running log, which the planner cannot use: "
                    + listed([_shorten_numbers(problem) for problem in problems], " "))
    now = [(run.day + age, run.distance) for run in runs]
    kept = tuple(run for run in now if run[0] <= HISTORY_DAYS)
    if len(kept) < len(now):
        saved = dt.date.today() - dt.timedelta(days=age)
        gone = len(now) - len(kept)
        return kept, (f"{gone} of the {len(now)} runs in the running log: the handout was "
                      f"saved on {saved.day} {saved:%B %Y}, so they are now more than "
                      f"{HISTORY_DAYS} days ago. Enter recent runs in the planner for an "
                      "up-to-date plan.")
    return kept, None


def _baseline(value: Any, unit: str, source: str) -> tuple[Baseline | None, str | None]:
    """The usual week a plan may start from, held to the planner's limits like runs."""
    if value is None:
        return None, None
    message = (f"{source}: 'baseline' should be "
               '{"weekly_distance": number, "longest_run": number}')
    if not (isinstance(value, dict) and sorted(value) == ["longest_run", "weekly_distance"]):
        raise HandoutError(message)
    weekly, longest = _number(value["weekly_distance"]), _number(value["longest_run"])
    if weekly is None or longest is None:
        raise HandoutError(message)
    refused = "the usual week, which the planner cannot use: "
    # NaN, Infinity or a number too large for a float: not "less than 0 km", but unusable
    unusable = [f"{label} must be a finite number, not {_shown(value[key])}."
                for label, key, number in (("The usual week", "weekly_distance", weekly),
                                           ("The longest run", "longest_run", longest))
                if not math.isfinite(number)]
    if unusable:
        return None, refused + " ".join(unusable)
    try:
        return check_baseline(weekly, longest, unit), None
    except LoadInputError as exc:
        return None, refused + " ".join(exc.problems)


def _drawings(value: Any) -> tuple[Drawing, str | None]:
    """The pen drawings, with the reason if they are left out: a drawing too large or
    damaged is only a picture, so the exercises and notes still open without it."""
    shape = "should be a list of [colour, [[x, y], ...]]"
    if not isinstance(value, list):
        return (), f"the pen drawing, which is damaged: 'drawings' {shape}"
    out = []
    for number, stroke in enumerate(value, 1):
        if not (isinstance(stroke, list) and len(stroke) == 2 and isinstance(stroke[0], str)
                and re.fullmatch(r"#[0-9a-fA-F]{6}", stroke[0]) and isinstance(stroke[1], list)):
            return (), (f"the pen drawing, which is damaged: stroke {number} {shape} "
                        f'(a colour such as "#d55e00"), not {_shown(stroke)}')
        points = []
        for point in stroke[1]:
            xy = [_number(v) for v in point] if isinstance(point, list) and len(point) == 2 \
                else []
            if not (len(xy) == 2 and all(v is not None and -COORDINATE_MAX < v < COORDINATE_MAX
                                         for v in xy)):
                return (), (f"the pen drawing, which is damaged: stroke {number} has the "
                            f"point {_shown(point)}, not [x, y] between -{COORDINATE_MAX:,} "
                            f"and {COORDINATE_MAX:,}")
            points.append((float(point[0]), float(point[1])))
        out.append((stroke[0], tuple(points)))
    too_large = drawing_too_large(out)
    if too_large:
        return (), f"the pen drawing, which is larger than a handout holds: {listed(too_large)}"
    return tuple(out), None


def read_handout(path: Path) -> Handout:
    try:
        info = path.stat()
        if stat.S_ISDIR(info.st_mode):
            raise HandoutError(f"{path}: this is a folder, not a handout file")
        if not stat.S_ISREG(info.st_mode):  # a named pipe, say: reading would wait for ever
            raise HandoutError(f"{path}: not a handout file (not an ordinary file, but a "
                               "pipe or a device)")
        if info.st_size > MAX_HANDOUT_BYTES:
            raise HandoutError(f"{path}: too large to be a handout file")
        raw = path.read_bytes()
    except OSError as exc:
        raise HandoutError(f"{path}: cannot be read ({exc.strerror or exc})") from None
    try:
        text = raw.decode("utf-8-sig")  # Windows Notepad starts UTF-8 with a byte-order mark
    except UnicodeDecodeError:
        raise HandoutError(f"{path}: not a readable handout file (not UTF-8 text)") from None
    return from_json(text, str(path))


def unknown_entries(handout: Handout, content: Content) -> list[str]:
    """Ids in the handout that the loaded content does not have (shown to the user, each
    once and cut short), in the order the print shows them: regions (where it hurts),
    conditions, exercises. The print leaves them out."""
    from explorer.model.loader import did_you_mean

    known: dict[str, Mapping[str, object]] = {
        "region": content.regions, "condition": content.conditions,
        "exercise": content.exercises}
    asked = ([("region", r) for r in handout.regions]
             + [("condition", c) for c in handout.conditions]
             + [("exercise", e.exercise) for e in handout.exercises])
    unknown = [(kind, i) for kind, i in dict.fromkeys(asked) if i not in known[kind]]
    # those named (see `listed`) with the known id each may be ("Outer" typed for "outer")
    return [f"{kind} '{shorten(i)}'" + (did_you_mean(i.lower()[:80], known[kind])
                                        if number < SHOWN_ITEMS else "")
            for number, (kind, i) in enumerate(unknown)]


def as_printed(handout: Handout, content: Content) -> Handout:
    """The handout without the entries the loaded content lacks, as it prints: what
    `print_refusal` judges (a file of unknown exercises alone prints nothing of its own)."""
    return replace(
        handout,
        regions={r: v for r, v in handout.regions.items() if r in content.regions},
        conditions=tuple(c for c in handout.conditions if c in content.conditions),
        exercises=tuple(e for e in handout.exercises if e.exercise in content.exercises))


def write_handout(path: Path, handout: Handout) -> None:
    """Save all at once (see explorer.files): a failed save leaves the old file as it was.
    A handout that reading would refuse is not saved."""
    too_long = handout.too_long()
    if too_long:
        # the drawing comes from the window, where it is drawn (and undone)
        advice = ("Undo some pen strokes (or Edit > Clear drawing) in the window, then make "
                  "the handout again." if drawing_too_large(handout.drawings)
                  else "Shorten it and save again.")
        raise HandoutError(f"{path.name}: not saved, because {listed(too_long, ', ')}. "
                           f"{advice}")
    data = handout.to_json().encode("utf-8")
    if len(data) > MAX_HANDOUT_BYTES:  # a file that would not open again
        unread = any(e.extra for e in handout.exercises) or handout.extra
        advice = ("Shorten the notes, or take the fields this version does not read out of "
                  "the file it came from, and save again" if unread
                  else "Shorten the notes and save again")
        raise HandoutError(f"{path.name}: not saved, because it would take "
                           f"{len(data) / 1024:,.0f} KB, more than a handout file may hold "
                           f"({MAX_HANDOUT_BYTES // 1024:,} KB). {advice}.")
    refused = destination_refusal(path, ".json")  # worded as an export's
    if refused:
        raise HandoutError(refused)
    existed = exists(path)
    try:
        write_atomically(path, data)
    except OSError as exc:
        raise HandoutError(write_refusal(path, exc, existed)) from None
