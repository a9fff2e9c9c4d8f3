"""The running-load planner's limit messages never show the value equal to the limit
("62.1 mi is more than 62.1 mi"), and a week of tiny runs is not "0.0 km"."""

from __future__ import annotations

import pytest

from explorer.model.running_load import (
    LoadInputError,
    Run,
    check_baseline,
    gradual_plan,
    input_problems,
)


@pytest.mark.parametrize(("runs", "unit", "words"), [
    ([Run(0, 62.14)], "mi", "62.14 mi is more than 62.137 mi"),
    ([Run(0, 100.04)], "km", "100.04 km is more than 100 km"),
    ([Run(day, 31.07) for day in range(5)], "mi", "155.35 mi, more than 155.34 mi"),
])
def test_a_run_or_week_just_over_the_limit_says_by_how_much(
        runs: list[Run], unit: str, words: str) -> None:
    assert words in input_problems(runs, unit)[0]


def test_a_usual_week_just_over_the_limit_says_by_how_much() -> None:
    with pytest.raises(LoadInputError, match=r"250\.04 km is more than 250 km"):
        check_baseline(250.04, 10, "km")
    with pytest.raises(LoadInputError,
                       match=r"\(10\.04 km\) cannot be longer than the whole week \(10 km\)"):
        check_baseline(10, 10.04, "km")


def test_a_week_of_tiny_runs_is_not_zero() -> None:
    assert "0.0 km" not in gradual_plan([Run(0, 0.01), Run(3, 0.03)], "km").summary
