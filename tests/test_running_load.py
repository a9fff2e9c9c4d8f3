"""Running-load rules (spikes, input checks, the gradual plan) and recovery timelines."""

from __future__ import annotations

import datetime as dt
import itertools

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from explorer.model.entities import PHASE_LENGTHS_NOTE, Condition, Phase, Recovery, Urgency
from explorer.model.running_load import (
    KM_PER_MILE,
    MAX_RUN,
    MAX_WEEK,
    Baseline,
    LoadInputError,
    Run,
    Unit,
    as_typed,
    check_baseline,
    check_input,
    convert_distance,
    format_distance,
    from_km,
    gradual_plan,
    input_problems,
    longest_run_last_30_days,
    phases_timeline,
    spike_limit,
    spikes,
    to_km,
)

# --- spikes ---------------------------------------------------------------------------


def test_exactly_ten_percent_is_not_a_spike_but_more_is() -> None:
    assert spikes([Run(10, 10.0), Run(0, 11.0)]) == []
    found = spikes([Run(10, 10.0), Run(0, 11.01)])  # 10.1% longer
    assert [s.run for s in found] == [Run(0, 11.01)]
    assert found[0].percent == pytest.approx(10.1)


@pytest.mark.parametrize("longest", [3.0, 7.3, 9.9, 13.7, 21.1, 42.2])
def test_float_noise_never_makes_exactly_ten_percent_a_spike(longest: float) -> None:
    assert spikes([Run(5, longest), Run(0, longest * 1.1)]) == []


def test_window_is_the_30_days_before_the_run() -> None:
    # 30 days before still counts; 31 days before does not.
    assert spikes([Run(30, 20.0), Run(1, 10.0), Run(0, 12.0)]) == []
    found = spikes([Run(31, 20.0), Run(1, 10.0), Run(0, 12.0)])
    assert [(s.run, s.longest_before) for s in found] == [(Run(0, 12.0), 10.0)]
    assert longest_run_last_30_days([Run(31, 20.0), Run(1, 10.0)], 0) == 10.0
    assert longest_run_last_30_days([Run(30, 20.0), Run(1, 10.0)], 0) == 20.0


def test_first_run_has_no_history_and_same_day_runs_are_not_compared() -> None:
    assert longest_run_last_30_days([Run(5, 10.0)], 5) is None
    assert spike_limit([Run(5, 10.0)], 5) is None
    assert spikes([Run(5, 10.0)]) == []
    assert spikes([Run(3, 5.0), Run(3, 20.0)]) == []  # two runs on one day
    assert spike_limit([Run(3, 5.0), Run(3, 20.0)], 2) == pytest.approx(22.0)


def test_spikes_are_listed_oldest_first_with_reasons() -> None:
    runs = [Run(1, 5.0), Run(3, 14.0), Run(10, 11.0), Run(20, 10.0), Run(30, 8.0)]
    found = spikes(runs, "km")
    assert [s.run.day for s in found] == [20, 3]
    assert found[1].reason == ("14.0 km 3 days ago is 27% longer than your longest run "
                               "in the 30 days before (11.0 km).")
    assert found[0].reason == ("10.0 km 20 days ago is 25% longer than your longest run "
                               "in the 30 days before (8.0 km).")


def test_reason_near_the_line_keeps_a_decimal_and_names_today_and_miles() -> None:
    (spike,) = spikes([Run(2, 10.0), Run(0, 11.01)], "mi")
    assert spike.reason == ("11.0 mi today is 10.1% longer than your longest run in the "
                            "30 days before (10.0 mi).")


# --- input ---------------------------------------------------------------------------


def test_valid_input_is_sorted_newest_first() -> None:
    log = check_input([Run(9, 6.0), Run(0, 5.0), Run(60, 4.0)], "km")
    assert [r.day for r in log.runs] == [0, 9, 60]
    assert log.unit == "km"


def test_negative_zero_and_not_a_number_are_refused() -> None:
    problems = input_problems([Run(2, -3.0), Run(4, 0.0), Run(5, float("nan"))], "km")
    assert problems == [
        "The run 2 days ago: a distance cannot be negative (-3 km).",
        "The run 4 days ago: the distance is 0; enter it, or remove the row.",
        "The run 5 days ago: the distance is not a number.",
    ]


def test_absurd_single_run_and_week_say_check_the_number() -> None:
    assert input_problems([Run(3, 100.0)], "km") == []
    assert input_problems([Run(3, 101.0)], "km") == [
        "The run 3 days ago: 101 km is more than 100 km for one run; check the number."]
    week = [Run(day, 40.0) for day in range(7)]  # 280 km in 7 days
    (problem,) = input_problems(week, "km")
    assert problem == ("The 7 days from 6 days ago to today add up to 280 km, more than "
                       "250 km in a week; check the numbers.")
    assert input_problems([Run(day, 40.0) for day in range(0, 14, 2)], "km") == []


def test_days_must_be_within_the_last_60() -> None:
    assert input_problems([Run(60, 5.0)], "km") == []
    assert input_problems([Run(61, 5.0), Run(-1, 5.0)], "km") == [
        "61 days ago is too far back: enter runs from the last 60 days.",
        "A run cannot be in the future (-1 days ago).",
    ]


def test_unit_must_be_km_or_mi() -> None:
    assert input_problems([Run(1, 5.0)], "yards") == ["The unit must be km or mi, not 'yards'."]
    with pytest.raises(LoadInputError) as caught:
        check_input([Run(1, 5.0)], "")
    assert "km or mi" in str(caught.value)


def test_miles_have_their_own_limits_and_convert() -> None:
    assert input_problems([Run(1, 70.0)], "km") == []
    assert input_problems([Run(1, 62.0)], "mi") == []
    assert input_problems([Run(1, 70.0)], "mi") == [
        "The run yesterday: 70 mi is more than 62.1 mi for one run; check the number."]
    # the same limits in both units: what one accepts, the other does too
    for limit_km, runs in ((100.0, [Run(1, 100.0)]),
                           (250.0, [Run(d, 250.0 / 5) for d in range(1, 6)])):
        assert input_problems(runs, "km") == []
        in_miles = [Run(r.day, from_km(r.distance, "mi")) for r in runs]
        assert input_problems(in_miles, "mi") == [], limit_km
    assert input_problems([Run(1, 100.05 / KM_PER_MILE)], "mi") == [
        "The run yesterday: 62.2 mi is more than 62.1 mi for one run; check the number."]
    assert to_km(10.0, "mi") == pytest.approx(16.09344)
    assert from_km(to_km(6.2, "mi"), "mi") == pytest.approx(6.2)
    assert to_km(10.0, "km") == 10.0


def test_load_input_error_keeps_every_problem() -> None:
    with pytest.raises(LoadInputError) as caught:
        check_input([Run(1, -1.0), Run(2, 500.0)], "km")
    assert len(caught.value.problems) == 2
    assert str(caught.value) == "\n".join(caught.value.problems)


# --- plan ----------------------------------------------------------------------------


def test_plan_from_a_baseline_grows_only_the_long_run() -> None:
    plan = gradual_plan(Baseline(weekly_distance=30.0, longest_run=10.0), "km", weeks=6)
    longs = [w.long_run for w in plan.weeks]
    assert longs == [10.8, 11.6, 12.5, 13.5, 14.5, 15.6]
    assert [w.weekly_distance for w in plan.weeks] == [30.8, 31.6, 32.5, 33.5, 34.5, 35.6]
    assert [w.day for w in plan.weeks] == [-7, -14, -21, -28, -35, -42]
    assert plan.weeks[0].note == ("Week 1: long run 10.8 km (up to 11.0 km is not a spike: "
                                  "10% over 10.0 km); about 30.8 km in the week.")
    assert "at most 10% longer" in plan.summary


def test_plan_stops_at_a_goal() -> None:
    plan = gradual_plan(Baseline(20.0, 10.0), "km", weeks=6, goal=12.0)
    assert [w.long_run for w in plan.weeks] == [10.8, 11.6, 12.0, 12.0, 12.0, 12.0]
    assert "your goal" in plan.weeks[2].note


def test_plan_from_runs_uses_the_weeks_they_cover() -> None:
    runs = [Run(0, 5.0), Run(2, 8.0), Run(4, 5.0), Run(9, 5.0), Run(11, 7.0)]
    assert Baseline.from_runs(runs) == Baseline(weekly_distance=15.0, longest_run=8.0)
    assert Baseline.from_runs([Run(40, 8.0)]) is None
    empty = gradual_plan([Run(40, 8.0)], "km")
    assert empty.weeks == () and "last 30 days" in empty.summary


def test_plan_weekly_distance_is_never_below_its_long_run() -> None:
    plan = gradual_plan([Run(3, 12.0)], "km", weeks=3)
    assert all(w.weekly_distance >= w.long_run for w in plan.weeks)


def test_plan_needs_a_week() -> None:
    with pytest.raises(ValueError):
        gradual_plan(Baseline(10.0, 5.0), weeks=0)


runs_strategy = st.lists(
    st.builds(Run, st.integers(0, 60), st.floats(0.5, 60.0).map(lambda d: round(d, 1))),
    min_size=1, max_size=40)


@settings(max_examples=200, deadline=None)
@given(runs_strategy, st.integers(1, 12))
def test_the_plan_never_spikes(runs: list[Run], weeks: int) -> None:
    plan = gradual_plan(runs, "km", weeks)
    planned = set(plan.as_runs())
    assert not [s for s in spikes([*runs, *planned]) if s.run in planned]
    for week in plan.weeks:
        assert week.long_run <= week.limit + 1e-9


@pytest.mark.parametrize("unit", ["km", "mi"])
@pytest.mark.parametrize("longest", [1.0, 1.1, 1.2])
def test_a_short_long_run_still_grows_every_week(longest: float, unit: Unit) -> None:
    # 8% of 1.2 or less rounds away at 0.1; 0.1 more is still within 10%
    runs = [Run(60, 40.0), Run(0, longest)]
    plan = gradual_plan(runs, unit)
    longs = [w.long_run for w in plan.weeks]
    for before, after in itertools.pairwise([longest, *longs]):
        assert after >= before + 0.1 - 1e-9, longs
    assert not [s for s in spikes([*runs, *plan.as_runs()]) if s.run.day < 0]
    assert f"from {longs[0]:.1f} {unit} to {longs[-1]:.1f} {unit}" in plan.summary


def test_a_short_long_run_grows_to_its_goal_and_stays() -> None:
    plan = gradual_plan([Run(0, 1.0)], "km", goal=1.4)
    assert [w.long_run for w in plan.weeks] == [1.1, 1.2, 1.3, 1.4, 1.4, 1.4]


def test_a_long_run_too_short_to_grow_within_the_line_is_kept_and_says_why() -> None:
    plan = gradual_plan([Run(0, 0.5)], "km")
    assert [w.long_run for w in plan.weeks] == [0.5] * 6  # 0.6 would be 20% longer
    assert plan.summary.endswith("A long run under 1 km cannot grow by 0.1 km and stay "
                                 "within 10%, so the plan keeps it as it is.")
    # one distance, not "from 0.5 km to 0.5 km"
    assert plan.summary.startswith("Plan for 6 weeks: one long run of 0.5 km a week; other "
                                   "runs stay as they are (about 0.5 km a week).")


def test_a_goal_below_the_longest_run_is_one_distance_every_week() -> None:
    plan = gradual_plan([Run(0, 10.0), Run(3, 5.0)], "km", goal=5.0)
    assert plan.summary.startswith("Plan for 6 weeks: one long run of 5.0 km a week; ")
    assert " to " not in plan.summary


@pytest.mark.parametrize(("unit", "runs", "stop"), [
    ("km", [Run(0, 99.9), Run(6, 60.0), Run(13, 80.0)], "100.0 km"),
    ("mi", [Run(0, 62.1), Run(6, 37.3), Run(13, 49.7)], "62.1 mi")])
def test_no_planned_run_is_longer_than_the_planner_accepts(unit: Unit, runs: list[Run],
                                                           stop: str) -> None:
    assert check_input(runs, unit)  # the planner accepts these runs
    plan = gradual_plan(runs, unit)
    assert max(w.long_run for w in plan.weeks) <= MAX_RUN[unit]
    assert plan.weeks[-1].long_run == pytest.approx(float(stop.split()[0]))
    assert plan.summary.endswith(f"Long runs stop at {stop}, the most the planner "
                                 "accepts for one run.")
    assert "stop at" not in gradual_plan([Run(0, 10.0)], unit).summary


@pytest.mark.parametrize(("unit", "baseline", "stop"), [
    ("km", Baseline(240.0, 50.0), "250.0 km"), ("mi", Baseline(150.0, 30.0), "155.3 mi")])
def test_no_planned_week_is_longer_than_the_planner_accepts(unit: Unit, baseline: Baseline,
                                                            stop: str) -> None:
    assert check_baseline(baseline.weekly_distance, baseline.longest_run, unit)
    plan = gradual_plan(baseline, unit)
    assert max(w.weekly_distance for w in plan.weeks) <= MAX_WEEK[unit]
    assert plan.weeks[-1].weekly_distance == pytest.approx(float(stop.split()[0]))
    assert all(w.weekly_distance >= w.long_run for w in plan.weeks)
    assert f"Weeks stop at {stop}, the most the planner accepts for a week" in plan.summary


@settings(max_examples=200, deadline=None)
@given(st.lists(st.builds(Run, st.integers(0, 60),
                          st.floats(1.0, 62.1).map(lambda d: round(d, 1))),
                min_size=1, max_size=4),
       st.sampled_from(["km", "mi"]), st.integers(1, 12))
def test_the_plan_grows_every_week_within_what_the_planner_accepts(
        runs: list[Run], unit: Unit, weeks: int) -> None:
    assume(not input_problems(runs, unit))
    plan = gradual_plan(runs, unit, weeks)
    top = MAX_RUN[unit]
    for week in plan.weeks:
        assert week.long_run <= top and week.weekly_distance <= MAX_WEEK[unit]
    for before, after in itertools.pairwise(w.long_run for w in plan.weeks):
        assert after >= before + 0.1 - 1e-9 or after == before > top - 0.1


# --- recovery timeline --------------------------------------------------------------


def _condition(*phases: tuple[str, int, int]) -> Condition:
    return Condition(
        id="test-thing", name="Test thing", regions=("outer",), urgency=Urgency.ROUTINE,
        summary="Pain.", symptoms=("ache",), red_flags=(), references=("ref-a",),
        reviewed=dt.date(2026, 1, 1),
        recovery=Recovery("Gets better.", tuple(Phase(n, lo, hi) for n, lo, hi in phases)))


def test_phases_follow_each_other_with_ranges() -> None:
    timeline = phases_timeline(_condition(("Settle the pain", 1, 4), ("Build strength", 4, 8),
                                          ("Back to running", 4, 8)))
    bars = [(b.name, b.start_min, b.start_max, b.end_min, b.end_max) for b in timeline.bars]
    assert bars == [
        ("Settle the pain", 0, 0, 1, 4),
        ("Build strength", 1, 4, 5, 12),
        ("Back to running", 5, 12, 9, 20),
    ]
    assert timeline.weeks_max == 20
    assert timeline.title == "Typical recovery: Test thing"
    assert [b.certain for b in timeline.bars] == [(0, 1), (4, 5), None]
    assert [b.segments() for b in timeline.bars] == [
        (("certain", 0, 1), ("range", 1, 4)),
        (("range", 1, 4), ("certain", 4, 5), ("range", 5, 12)),
        (("range", 5, 20),),  # no certain weeks: one range, no overlapping pieces
    ]


def test_timeline_summary_reads_as_text() -> None:
    timeline = phases_timeline(_condition(("Settle the pain", 1, 4), ("Build strength", 4, 8),
                                          ("Keep going", 2, 2)))
    assert timeline.summary == (
        "Settle the pain: from the start to week 1-4; Build strength: from week 1-4 to "
        f"week 5-12; Keep going: from week 5-12 to week 7-14. In all about 7-14 weeks. "
        f"{PHASE_LENGTHS_NOTE}")


def test_fixed_phases_show_single_weeks() -> None:
    timeline = phases_timeline(_condition(("Rest", 2, 2), ("Walk", 3, 3)))
    assert timeline.summary == ("Rest: from the start to week 2; Walk: from week 2 to "
                                f"week 5. In all about 5 weeks. {PHASE_LENGTHS_NOTE}")
    assert [b.segments() for b in timeline.bars] == [(("certain", 0, 2),),
                                                     (("certain", 2, 5),)]


def test_condition_without_phases_says_so() -> None:
    timeline = phases_timeline(_condition())
    assert timeline.bars == () and timeline.weeks_max == 0
    assert timeline.summary == "No recovery phases are given for Test thing."


# --- a usual week instead of a log ----------------------------------------------------


def test_a_typed_usual_week_is_checked_in_plain_words() -> None:
    assert check_baseline(30, 12, "km") == Baseline(30, 12)
    with pytest.raises(LoadInputError) as error:
        check_baseline(20, 25, "km")
    assert error.value.problems == (
        "The longest run (25 km) cannot be longer than the whole week (20 km).",)
    with pytest.raises(LoadInputError) as error:
        check_baseline(0, 300, "mi")
    assert error.value.problems == ("The usual week must be more than 0 mi.",
                                    "The longest run: 300 mi is more than 62.1 mi; "
                                    "check the number.")


def test_a_plan_from_a_usual_week_grows_only_the_long_run() -> None:
    plan = gradual_plan(Baseline(30, 10), "km", weeks=3)
    assert [w.long_run for w in plan.weeks] == [10.8, 11.6, 12.5]
    assert [w.weekly_distance for w in plan.weeks] == [30.8, 31.6, 32.5]
    assert not spikes([Run(0, 10), *plan.as_runs()])


@pytest.mark.parametrize(("distance", "shown"), [
    (0.04, "0.04 km"), (0.001, "0.001 km"), (0.05, "0.1 km"), (0.0, "0.0 km"),
    (12.34, "12.3 km")])
def test_a_tiny_run_is_never_shown_as_nothing(distance: float, shown: str) -> None:
    assert format_distance(distance, "km") == shown


@pytest.mark.parametrize(("distance", "shown"), [
    (24.65, "24.7"), (0.25, "0.3"), (3.15, "3.2"), (12.35, "12.4"), (24.75, "24.8"),
    (24.749999999999996, "24.8"), (24.74, "24.7"), (70.0, "70")])
def test_a_half_tenth_rounds_up_as_on_paper(distance: float, shown: str) -> None:
    """24.65 km showed as 24.6 but 24.75 as 24.8 (floats round a half to even, and 24.65
    is a hair under it), and 24.75 after km -> mi -> km showed as 24.7."""
    assert as_typed(distance) == shown
    assert format_distance(distance, "km") == f"{float(shown):.1f} km"
    there_and_back = convert_distance(convert_distance(distance, "km", "mi"), "mi", "km")
    assert as_typed(there_and_back) == shown


def test_a_spike_after_a_tiny_run_names_its_distance() -> None:
    found = spikes([Run(3, 1.0), Run(10, 0.04)], "km")
    assert "(0.04 km)" in found[0].reason


def test_a_run_10_and_a_half_percent_longer_is_not_said_to_be_10_percent_longer() -> None:
    """Its percentage is rounded to 0.001 first (a file's rounding must not tip 12.5% to
    13%), and 10.5% in whole numbers is "10%": it says 10.5%."""
    assert "is 10.5% longer" in spikes([Run(3, 10.0), Run(0, 11.05)])[0].reason
    assert "is 12% longer" in spikes([Run(3, 8.0), Run(0, 9.0)])[0].reason
