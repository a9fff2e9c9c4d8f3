"""Running load: spot single runs that jump past the recent long run, plan gradually,
and lay a condition's recovery phases out on a weeks axis.

Why single runs and not weekly totals: a 2025 cohort of more than 5,000 runners
(Frandsen et al., Br J Sports Med 2025) compared each run with the longest run of the
previous 30 days; runs more than 10% longer came with more overuse injuries, while
changes in weekly distance did not in the same way. The popular weekly "10% rule" made
no difference in a trial (Buist et al., Am J Sports Med 2008). So this module flags
single-run spikes, and its plan limits the long run, not the week.

Days are counted backwards: `Run.day` is how many days before today the run was
(0 = today, 1 = yesterday). Planned runs in the future get negative days (-7 = a week
from today), so one rule ("the 30 days before a run") covers history and plan alike.
Distances are plain numbers in the input's unit (km or mi); the rules are ratios, so
they need no conversion. Pure Python: no Qt, no numpy (the model never imports them).
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import Literal

from explorer.model.entities import PHASE_LENGTHS_NOTE, Condition

Unit = Literal["km", "mi"]
UNITS: tuple[Unit, ...] = ("km", "mi")
KM_PER_MILE = 1.609344

WINDOW_DAYS = 30  # the study's comparison window
SPIKE_LIMIT = 0.10  # more than 10% longer than the window's longest run is a spike
HISTORY_DAYS = 60  # how far back input may go: twice the window is enough context
# Plausibility limits: a typing slip (150 instead of 15) must not become a "plan".
# The same distances in both units, so a switch of unit never refuses what it accepted.
MAX_RUN: dict[Unit, float] = {"km": 100.0, "mi": 100.0 / KM_PER_MILE}  # 62.1 mi
MAX_WEEK: dict[Unit, float] = {"km": 250.0, "mi": 250.0 / KM_PER_MILE}  # 155.3 mi
# The plan grows the long run by 8%, not the full 10%: a margin below the spike line,
# so a planned run that ends up a little long is still not a spike. Distances are
# planned to 0.1, so a long run under 1.25 grows by 0.1 instead (still within 10% from
# 1.0 up), and one under 1.0 cannot grow without passing the line.
PLAN_GROWTH = 0.08
# A handout file keeps distances to 7 decimals, not as a unit switch leaves them
# (13.670166229221346 mi): 22 km saved as 13.6701662 mi still reads as 22.000000 km.
SAVED_DECIMALS = 7
# Distances are typed to 0.1 (or 0.01), so a difference under this is float noise or a
# file's rounding, never one typed: a run exactly 10% longer, or a week at the limit,
# saved in the other unit is still not a spike, nor over the limit, when opened again.
_EPSILON = 1e-6


class LoadInputError(ValueError):
    """Input the planner refuses; `problems` holds every reason, one line each."""

    def __init__(self, problems: Sequence[str]) -> None:
        self.problems = tuple(problems)
        super().__init__("\n".join(self.problems))


@dataclass(frozen=True)
class Run:
    """One run: `day` days before today (0 = today, negative = planned)."""

    day: int
    distance: float


@dataclass(frozen=True)
class RunLog:
    """Checked planner input: recent runs (newest first) in one unit."""

    runs: tuple[Run, ...]
    unit: Unit


def to_km(distance: float, unit: Unit) -> float:
    return distance * KM_PER_MILE if unit == "mi" else distance


def from_km(distance_km: float, unit: Unit) -> float:
    return distance_km / KM_PER_MILE if unit == "mi" else distance_km


def convert_distance(distance: float, unit: Unit, to_unit: Unit) -> float:
    """`distance` in `unit` as a distance in `to_unit` (the same number if they are the
    same unit, so converting back and forth never drifts)."""
    return distance if unit == to_unit else from_km(to_km(distance, unit), to_unit)


def _tenths(number: float) -> Decimal:
    """`number` to 0.1, a half rounded up as on paper (24.65 -> 24.7, 0.25 -> 0.3): not
    as binary floats round (24.6 and 0.2), and not thrown by a conversion's last digit
    (24.749999999999996 after km -> mi -> km is 24.75, so 24.8)."""
    return Decimal(f"{number:.9f}").quantize(Decimal("0.1"), ROUND_HALF_UP)


def format_distance(distance: float, unit: str) -> str:
    """To 0.1 ("10.0 km"); a run too short for that keeps its first figure ("0.04 km"),
    never "0.0 km"."""
    if 0 < distance < 0.05:
        return f"{distance:.1g} {unit}"
    return f"{_tenths(distance)} {unit}"


def _span(first: float, last: float, unit: str) -> str:
    """"10.0 km to 12.0 km", or one distance where both show the same ("0.5 km")."""
    shown = format_distance(first, unit), format_distance(last, unit)
    return shown[0] if shown[0] == shown[1] else f"{shown[0]} to {shown[1]}"


def as_typed(number: float) -> str:
    """A distance as the planner's inputs and messages show it: to 0.1, no trailing zero
    ("62.1", "70"); a converted distance is held more exactly than it is shown."""
    return f"{float(_tenths(number)):g}"


def apart(value: float, limit: float) -> tuple[str, str]:
    """`value` and `limit` as a message shows them, to as many decimals as it takes to
    tell them apart ("62.14" and "62.137", never "62.1" and "62.1")."""
    for places in range(1, 7):
        shown = round(value, places), round(limit, places)
        if shown[0] != shown[1]:
            break
    return f"{shown[0]:g}", f"{shown[1]:g}"


def _days_ago(day: int) -> str:
    if day == 0:
        return "today"
    if day == 1:
        return "yesterday"
    if day < 0:
        return f"in {-day} days"
    return f"{day} days ago"


def input_problems(runs: Iterable[Run], unit: str) -> list[str]:
    """Every reason the input cannot be used, in plain words (empty when it is fine)."""
    problems: list[str] = []
    if unit not in UNITS:
        return [f"The unit must be km or mi, not '{unit}'."]
    checked_unit: Unit = "mi" if unit == "mi" else "km"
    max_week = MAX_WEEK[checked_unit]
    good: list[Run] = []
    for run in runs:
        if not isinstance(run.day, int) or isinstance(run.day, bool):
            problems.append(f"Days ago must be a whole number, not '{run.day}'.")
            continue
        problem = run_problem(run, checked_unit)
        if problem is None:
            good.append(run)
        elif 0 <= run.day <= HISTORY_DAYS:  # named by its day: "The run today: ..."
            problems.append(f"The run {_days_ago(run.day)}: {problem}.")
        else:  # the day is the problem, and says itself
            problems.append(f"{problem[:1].upper()}{problem[1:]}.")
    week = _busiest_week(good)
    if week is not None and week[1] > max_week + _EPSILON:
        start, total = week
        shown, most = apart(total, max_week)
        problems.append(f"The 7 days from {_days_ago(start + 6)} to {_days_ago(start)} add "
                        f"up to {shown} {unit}, more than {most} {unit} in a week; check "
                        "the numbers.")
    return problems


def run_problem(run: Run, unit: Unit) -> str | None:
    """Why one run cannot be used, as words to follow the run's name and a colon ("the
    distance is 0; enter it, or remove the row"); None if it can. The planner names a
    run by its row, a file's check by its day."""
    if run.day < 0:
        return f"a run cannot be in the future ({run.day} days ago)"
    if run.day > HISTORY_DAYS:
        return (f"{run.day} days ago is too far back: enter runs from the last "
                f"{HISTORY_DAYS} days")
    if not math.isfinite(run.distance):
        return "the distance is not a number"
    if run.distance < 0:
        return f"a distance cannot be negative ({as_typed(run.distance)} {unit})"
    if run.distance == 0:
        return "the distance is 0; enter it, or remove the row"
    if run.distance > MAX_RUN[unit] + _EPSILON:
        shown, most = apart(run.distance, MAX_RUN[unit])
        return f"{shown} {unit} is more than {most} {unit} for one run; check the number"
    return None


def _busiest_week(runs: Sequence[Run]) -> tuple[int, float] | None:
    """(newest day, total) of the 7-day stretch with the most distance."""
    best: tuple[int, float] | None = None
    for start in {run.day for run in runs}:
        total = sum(r.distance for r in runs if start <= r.day <= start + 6)
        if best is None or total > best[1]:
            best = (start, round(total, 6))
    return best


def check_input(runs: Iterable[Run], unit: str) -> RunLog:
    """The runs as a `RunLog` (newest first), or `LoadInputError` with every problem."""
    runs = tuple(runs)
    problems = input_problems(runs, unit)
    if problems:
        raise LoadInputError(problems)
    checked_unit: Unit = "mi" if unit == "mi" else "km"
    return RunLog(tuple(sorted(runs, key=lambda r: r.day)), checked_unit)


def check_baseline(weekly: float, longest: float, unit: str) -> Baseline:
    """A typed usual week and recent longest run, or `LoadInputError` with every problem
    (for people who keep no log of single runs)."""
    checked: Unit = "mi" if unit == "mi" else "km"
    problems = [] if unit in UNITS else [f"The unit must be km or mi, not '{unit}'."]
    for label, value, limit in (("The usual week", weekly, MAX_WEEK[checked]),
                                ("The longest run", longest, MAX_RUN[checked])):
        if not math.isfinite(value) or value <= 0:
            problems.append(f"{label} must be more than 0 {unit}.")
        elif value > limit + _EPSILON:
            shown, most = apart(value, limit)
            problems.append(f"{label}: {shown} {unit} is more than {most} {unit}; check "
                            "the number.")
    if not problems and longest > weekly + _EPSILON:
        shown, week = apart(longest, weekly)
        problems.append(f"The longest run ({shown} {unit}) cannot be longer than the whole "
                        f"week ({week} {unit}).")
    if problems:
        raise LoadInputError(problems)
    return Baseline(weekly, longest)


# --- spikes -------------------------------------------------------------------------


def longest_run_last_30_days(runs: Iterable[Run], on_day: int) -> float | None:
    """The longest run in the 30 days before `on_day` (not counting that day itself).

    None when there was no run in that window: a first run has nothing to compare with.
    Runs on the same day are not compared with each other; they count for later days.
    """
    window = [r.distance for r in runs if on_day < r.day <= on_day + WINDOW_DAYS]
    return max(window) if window else None


def spike_limit(runs: Iterable[Run], on_day: int) -> float | None:
    """The longest distance a run on `on_day` can have without being a spike."""
    longest = longest_run_last_30_days(runs, on_day)
    return None if longest is None else longest * (1 + SPIKE_LIMIT)


def _is_spike(distance: float, longest: float | None) -> bool:
    # Exactly 10% longer is not a spike ("more than 10%"); the epsilon keeps float
    # noise (10.0 * 1.1 = 11.000000000000002) from deciding either way.
    return longest is not None and distance > longest * (1 + SPIKE_LIMIT) + _EPSILON


@dataclass(frozen=True)
class Spike:
    """A run more than 10% longer than the longest run of the 30 days before it."""

    run: Run
    longest_before: float
    percent: float  # how much longer, in percent
    reason: str


def _percent_text(percent: float) -> str:
    # A whole number, except near the line, where "10%" would contradict "more than 10%"
    # (10.5 too: it rounds to "10%")
    return f"{percent:.1f}%" if percent <= 10.5 else f"{percent:.0f}%"


def spikes(runs: Iterable[Run], unit: str = "km") -> list[Spike]:
    """Every spike, oldest first, each with its reason in plain words."""
    runs = tuple(runs)
    found = []
    for run in sorted(runs, key=lambda r: -r.day):
        longest = longest_run_last_30_days(runs, run.day)
        if longest is None or not _is_spike(run.distance, longest):
            continue
        # to 0.001: 9 km after 8 is 12.5% longer, not 12.5000001% from a file's rounding
        percent = round((run.distance / longest - 1) * 100, 3)
        reason = (f"{format_distance(run.distance, unit)} {_days_ago(run.day)} is "
                  f"{_percent_text(percent)} longer than your longest run in the 30 days "
                  f"before ({format_distance(longest, unit)}).")
        found.append(Spike(run, longest, percent, reason))
    return found


# --- the gradual plan ---------------------------------------------------------------


@dataclass(frozen=True)
class Baseline:
    """Where a plan starts: the usual weekly distance and the recent longest run."""

    weekly_distance: float
    longest_run: float

    @classmethod
    def from_runs(cls, runs: Sequence[Run]) -> Baseline | None:
        """The average week of the last 4 weeks (only the weeks the runs cover, so a
        person who entered one week is not averaged down) and the longest run of the
        last 30 days; None without a run in the last 30 days."""
        recent = [r for r in runs if 0 <= r.day < WINDOW_DAYS]
        if not recent:
            return None
        last_4_weeks = [r for r in runs if 0 <= r.day < 28]
        weeks = min(4, max(r.day for r in last_4_weeks) // 7 + 1) if last_4_weeks else 1
        weekly = sum(r.distance for r in last_4_weeks) / weeks
        return cls(round(weekly, 1), max(r.distance for r in recent))


@dataclass(frozen=True)
class PlanWeek:
    """One coming week: the week's distance, its long run and why."""

    week: int  # 1 = the 7 days from tomorrow
    weekly_distance: float
    long_run: float
    limit: float  # the spike line for this long run: 30-day longest + 10%
    note: str

    @property
    def day(self) -> int:
        """The long run's day in `Run.day` terms: the last day of the week (negative)."""
        return -7 * self.week


@dataclass(frozen=True)
class Plan:
    """A gradual plan: only the long run grows, never past the spike line."""

    baseline: Baseline | None
    weeks: tuple[PlanWeek, ...]
    unit: str
    summary: str

    def as_runs(self) -> tuple[Run, ...]:
        """The planned long runs, on future days, to check them with `spikes`."""
        return tuple(Run(w.day, w.long_run) for w in self.weeks)


def _floor_tenth(value: float) -> float:
    return math.floor(value * 10 + _EPSILON) / 10


def _grown(longest: float) -> float:
    """The long run after `longest`: 8% longer, rounded down to 0.1; where 8% rounds
    away, 0.1 longer if that is still within 10%; else (under 1.0) `longest` again."""
    grown = _floor_tenth(longest * (1 + PLAN_GROWTH))
    if grown <= longest:
        grown = _floor_tenth(longest * (1 + SPIKE_LIMIT))
    return max(grown, longest)


def gradual_plan(start: Baseline | Sequence[Run], unit: str = "km", weeks: int = 6,
                 goal: float | None = None) -> Plan:
    """A plan for the coming `weeks` from recent runs or a baseline.

    Each week has one long run, 8% longer than the longest of the 30 days before it
    (rounded down to 0.1, and at least 0.1 longer where 10% allows it), so it stays under
    the 10% spike line; the other runs stay as they were, so the week grows only by what
    the long run adds. With a `goal` the long run stops growing there, and in any case
    at the longest run (and the week at the longest week) the planner accepts as input.
    Nothing here tests a plan in a trial: it applies the one rule the evidence supports
    (no single-run spikes) and otherwise keeps things as they were. When runs are given,
    the line counts them too, so a recent spike raises the longest run the plan builds on.
    """
    if weeks < 1:
        raise ValueError("a plan needs at least one week")
    history: tuple[Run, ...] = ()
    if isinstance(start, Baseline):
        baseline: Baseline | None = start
    else:
        history = tuple(start)
        baseline = Baseline.from_runs(history)
    if baseline is None:
        return Plan(None, (), unit, "Enter at least one run from the last 30 days to "
                    "see a plan.")
    checked: Unit = "mi" if unit == "mi" else "km"
    max_run, max_week = _floor_tenth(MAX_RUN[checked]), _floor_tenth(MAX_WEEK[checked])
    stop, why = ((goal, "your goal") if goal is not None and goal < max_run
                 else (max_run, "the most the planner accepts for one run"))
    # Without runs the baseline's longest run stands for a run today.
    known = list(history) or [Run(0, baseline.longest_run)]
    plan_weeks = []
    too_short = run_capped = week_capped = False
    for week in range(1, weeks + 1):
        day = -7 * week
        longest = longest_run_last_30_days(known, day) or baseline.longest_run
        long_run = _grown(longest)
        too_short = too_short or (long_run == longest and longest < stop)
        held = long_run >= stop
        if held:
            long_run = stop  # reached: hold it (a goal below the baseline is kept too)
            run_capped = run_capped or stop == max_run
        limit = longest * (1 + SPIKE_LIMIT)
        # The week grows only by what the long run adds; it is never less than the long run
        # (taken after rounding to 0.1: a week of tiny runs was "0.0")
        weekly = max(long_run, round(baseline.weekly_distance + long_run
                                     - baseline.longest_run, 1))
        if weekly > max_week:
            weekly, week_capped = max_week, True
        note = (f"Week {week}: long run {format_distance(long_run, unit)} "
                + (f"({why}; the limit is {format_distance(limit, unit)})" if held else
                   f"(up to {format_distance(limit, unit)} is not a spike: 10% over "
                   f"{format_distance(longest, unit)})")
                + f"; about {format_distance(weekly, unit)} in the week.")
        plan_weeks.append(PlanWeek(week, weekly, long_run, limit, note))
        known.append(Run(day, long_run))
    first, last = plan_weeks[0], plan_weeks[-1]
    long_runs = _span(first.long_run, last.long_run, unit)
    grows = format_distance(first.long_run, unit) != format_distance(last.long_run, unit)
    summary = (f"Plan for {weeks} weeks: "
               + (f"one long run a week, from {long_runs}, each at most 10% longer than "
                  "the longest run of the 30 days before it" if grows
                  else f"one long run of {long_runs} a week")
               + "; other runs stay as they are (about "
               + f"{_span(first.weekly_distance, last.weekly_distance, unit)} a week).")
    if too_short:
        summary += (f" A long run under 1 {unit} cannot grow by 0.1 {unit} and stay "
                    "within 10%, so the plan keeps it as it is.")
    if run_capped:
        summary += (f" Long runs stop at {format_distance(max_run, unit)}, the most the "
                    "planner accepts for one run.")
    if week_capped:
        summary += (f" Weeks stop at {format_distance(max_week, unit)}, the most the "
                    "planner accepts for a week, so there the other runs get shorter.")
    return Plan(baseline, tuple(plan_weeks), unit, summary)


# --- recovery timeline --------------------------------------------------------------


@dataclass(frozen=True)
class PhaseBar:
    """One phase on a weeks axis. It starts when the phases before it end, so its
    start is a range too: earliest if every earlier phase is quick, latest if slow."""

    name: str
    start_min: int
    start_max: int
    end_min: int
    end_max: int
    description: str | None = None

    @property
    def certain(self) -> tuple[int, int] | None:
        """The weeks this phase runs however quick or slow recovery is, if any."""
        return (self.start_max, self.end_min) if self.end_min > self.start_max else None

    def segments(self) -> tuple[tuple[Literal["range", "certain"], int, int], ...]:
        """The pieces to draw, left to right, without overlap: a "range" where the phase
        may or may not be running yet (or still), "certain" where it surely is. Without
        a certain part the whole span from earliest start to latest end is one range."""
        certain = self.certain
        if certain is None:
            return (("range", self.start_min, self.end_max),) \
                if self.end_max > self.start_min else ()
        parts: list[tuple[Literal["range", "certain"], int, int]] = []
        if self.start_max > self.start_min:
            parts.append(("range", self.start_min, self.start_max))
        parts.append(("certain", certain[0], certain[1]))
        if self.end_max > self.end_min:
            parts.append(("range", self.end_min, self.end_max))
        return tuple(parts)

    @property
    def text(self) -> str:
        start = ("the start" if self.start_max == 0
                 else f"week {_range(self.start_min, self.start_max)}")
        return f"{self.name}: from {start} to week {_range(self.end_min, self.end_max)}"


def _range(low: int, high: int) -> str:
    return str(low) if low == high else f"{low}-{high}"


@dataclass(frozen=True)
class Timeline:
    """A condition's recovery phases as bars, with a text equivalent for screen readers
    and print."""

    condition_id: str
    title: str
    bars: tuple[PhaseBar, ...]
    summary: str

    @property
    def weeks_max(self) -> int:
        return self.bars[-1].end_max if self.bars else 0


def phases_timeline(condition: Condition) -> Timeline:
    """The phases one after another, with earliest and latest start and end weeks."""
    phases = condition.recovery.phases if condition.recovery else ()
    bars = []
    start_min = start_max = 0
    for phase in phases:
        bar = PhaseBar(phase.name, start_min, start_max, start_min + phase.weeks_min,
                       start_max + phase.weeks_max, phase.description)
        bars.append(bar)
        start_min, start_max = bar.end_min, bar.end_max
    title = f"Typical recovery: {condition.name}"
    if not bars:
        summary = f"No recovery phases are given for {condition.name}."
    else:
        summary = ("; ".join(bar.text for bar in bars)
                   + f". In all about {_range(start_min, start_max)} weeks. {PHASE_LENGTHS_NOTE}")
    return Timeline(condition.id, title, tuple(bars), summary)
