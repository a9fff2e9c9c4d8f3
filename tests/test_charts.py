"""The recovery timeline and running-load planner widgets, their exports, and the rule
that pyqtgraph is imported only when a chart is first shown (and quickly)."""

from __future__ import annotations

import math
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pyqtgraph as pg
import pytest
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QImage
from pytestqt.qtbot import QtBot

from explorer.cli import load
from explorer.model.content import Content
from explorer.model.running_load import Baseline, Run
from explorer.ui.charts import LoadPlanner, RecoveryChart

ROOT = Path(__file__).resolve().parent.parent
GTPS = "greater-trochanteric-pain-syndrome"
RUNS = [Run(30, 10.0), Run(20, 10.5), Run(10, 11.0), Run(3, 12.0), Run(1, 5.0)]  # no spike
SPIKE = Run(0, 14.0)  # 17% over 12.0 km, the longest of the 30 days before
# the README screenshot's runs: spikes of 12% and 27%
SCREENSHOT = [Run(d, x) for d, x in ((40, 8), (36, 6), (33, 9), (29, 5), (26, 9.5), (22, 6),
                                     (19, 10), (15, 6), (12, 10.5), (8, 7), (5, 11), (1, 14))]
TALL_SPIKE = [Run(40, 8.0), Run(33, 12.0), Run(1, 5.0)]  # +50%, taller than the whole plan


@pytest.fixture(scope="module")
def content() -> Content:
    return load()


def _non_white(image: QImage) -> int:
    count = 0
    for y in range(0, image.height(), 4):
        for x in range(0, image.width(), 4):
            if image.pixelColor(x, y).lightness() < 200:
                count += 1
    return count


def _run(code: str) -> str:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            cwd=ROOT, env=env, timeout=120)
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


# --- recovery timeline --------------------------------------------------------------


def test_recovery_chart_draws_each_phase(qtbot: QtBot, content: Content) -> None:
    condition = content.conditions[GTPS]
    chart = RecoveryChart(condition)
    qtbot.addWidget(chart)
    timeline = chart.timeline
    assert timeline is not None
    phases = condition.recovery.phases if condition.recovery else ()
    assert [bar.name for bar in timeline.bars] == [p.name for p in phases]
    segments = [s for bar in timeline.bars for s in bar.segments()]
    ranges = sum(1 for kind, *_ in segments if kind == "range")
    certain = len(segments) - ranges
    # Ranges are drawn twice (light fill and hatch), certain weeks once.
    bars = sorted(len(item.opts["x0"]) for item in chart.bar_items())
    assert bars == sorted([ranges, ranges, certain])
    ticks = chart.plot_widget.getPlotItem().getAxis("left")._tickLevels[0]
    assert sorted(label for _, label in ticks) == sorted(p.name for p in phases)


def test_recovery_chart_has_a_text_equivalent(qtbot: QtBot, content: Content) -> None:
    chart = RecoveryChart(content.conditions[GTPS])
    qtbot.addWidget(chart)
    text = chart.summary_text()
    assert text.startswith("Settle the pain: from the start to week 1-2; ")
    assert chart.summary.text() == text
    assert chart.accessibleDescription() == text
    assert chart.plot_widget.accessibleDescription() == text


def test_recovery_chart_switches_condition(qtbot: QtBot, content: Content) -> None:
    chart = RecoveryChart()
    qtbot.addWidget(chart)
    assert chart.summary_text() == ""
    with pytest.raises(ValueError):
        chart.export_image(400)
    axis = chart.plot_widget.getPlotItem().getAxis("left")
    for condition in content.conditions.values():
        chart.set_condition(condition)
        phases = [p.name for p in condition.recovery.phases] if condition.recovery else []
        # what is drawn: one row per phase of THIS condition, named on the axis
        assert sorted(label for _, label in axis._tickLevels[0]) == sorted(phases)
        assert chart.timeline is not None and len(chart.timeline.bars) == len(phases)
        # and the words beside it describe the same phases
        shown = chart.summary.text()
        assert all(name in shown for name in phases), condition.id


def test_recovery_chart_exports_a_crisp_image(qtbot: QtBot, content: Content) -> None:
    chart = RecoveryChart(content.conditions[GTPS])
    qtbot.addWidget(chart)
    image = chart.export_image(800)
    assert not image.isNull()
    assert image.width() == 800
    assert _non_white(image) > 100
    assert image.pixelColor(0, 0).name() == "#ffffff"  # white background for print
    large = chart.export_image(1600)
    assert large.width() == 1600
    assert large.height() == pytest.approx(2 * image.height(), abs=2)  # same picture


# --- running-load planner -----------------------------------------------------------


def test_planner_names_the_spike(qtbot: QtBot) -> None:
    planner = LoadPlanner()
    qtbot.addWidget(planner)
    assert "Enter your runs" in planner.summary_text()
    with qtbot.waitSignal(planner.plan_updated):
        assert planner.set_runs([*RUNS, SPIKE], "km")
    assert [s.run for s in planner.found_spikes] == [SPIKE]
    summary = planner.summary_text()
    assert ("14.0 km today is 17% longer than your longest run in the 30 days before "
            "(12.0 km).") in summary
    assert "Plan for 6 weeks" in summary
    assert planner.summary.text() == summary
    assert planner.accessibleDescription() == summary
    assert planner.error_text() == ""
    assert planner.table.rowCount() == len(RUNS) + 1
    assert planner.table.horizontalHeaderItem(1).text() == "Distance (km)"


def test_planner_without_spikes_says_so(qtbot: QtBot) -> None:
    planner = LoadPlanner(RUNS[:3], "mi")
    qtbot.addWidget(planner)
    assert planner.summary_text().startswith("No spikes")
    assert planner.log.unit == "mi"
    assert "mi" in planner.plan.summary
    assert len(planner.plan.weeks) == 6


def test_invalid_input_shows_the_message_and_keeps_the_chart(qtbot: QtBot) -> None:
    planner = LoadPlanner([*RUNS, SPIKE], "km")
    qtbot.addWidget(planner)
    planner.show()
    qtbot.waitExposed(planner)
    before = (planner.log, planner.summary_text(), planner.plan)
    items = len(planner.plot_widget.getPlotItem().items)
    with qtbot.waitSignal(planner.input_rejected) as signal:
        assert not planner.set_runs([Run(2, -5.0), Run(1, 150.0)], "km")
    assert signal.args == [planner.error_text()]
    assert "cannot be negative" in planner.error_text()
    assert "150 km is more than 100 km for one run; check the number" in planner.error_text()
    assert planner.error.isVisible()
    assert (planner.log, planner.summary_text(), planner.plan) == before
    assert len(planner.plot_widget.getPlotItem().items) == items
    assert planner.set_runs(RUNS, "km")  # fixed: the message goes away
    assert not planner.error.isVisible() and planner.error_text() == ""


def test_typing_in_the_table_updates_or_explains(qtbot: QtBot) -> None:
    planner = LoadPlanner(RUNS, "km")
    qtbot.addWidget(planner)
    qtbot.mouseClick(planner.add_button, Qt.MouseButton.LeftButton)
    row = planner.table.rowCount() - 1
    assert row == len(RUNS)
    with qtbot.waitSignal(planner.input_rejected):
        planner.table.item(row, 0).setText("0")  # a distance is still missing
    assert planner.error_text() == f"Row {row + 1}: enter the distance."
    with qtbot.waitSignal(planner.input_rejected):
        planner.table.item(row, 1).setText("abc")
    assert "'abc' is not a distance" in planner.error_text()
    with qtbot.waitSignal(planner.plan_updated):
        planner.table.item(row, 1).setText("14,0")  # a decimal comma is fine
    assert planner.error_text() == ""
    assert [s.run for s in planner.found_spikes] == [SPIKE]
    planner.table.selectRow(row)
    with qtbot.waitSignal(planner.plan_updated):
        qtbot.mouseClick(planner.remove_button, Qt.MouseButton.LeftButton)
    assert planner.found_spikes == [] and planner.table.rowCount() == len(RUNS)


@pytest.mark.parametrize("typed", ["1_0", "1e1", "inf"])  # Python reads them as numbers
def test_only_numbers_as_people_type_them_are_distances(qtbot: QtBot, typed: str) -> None:
    planner = LoadPlanner(RUNS, "km")
    qtbot.addWidget(planner)
    row = len(RUNS) - 1
    with qtbot.waitSignal(planner.input_rejected):
        planner.table.item(row, 1).setText(typed)
    assert planner.error_text() == f"Row {row + 1}: '{typed}' is not a distance."
    with qtbot.waitSignal(planner.plan_updated):
        planner.table.item(row, 1).setText("10")
    with qtbot.waitSignal(planner.input_rejected):
        planner.table.item(row, 0).setText(typed)
    assert planner.error_text() == (f"Row {row + 1}: days ago must be a whole number, "
                                    f"not '{typed}'.")
    with qtbot.waitSignal(planner.plan_updated):
        planner.table.item(row, 0).setText("1")
    qtbot.keyClicks(planner.weekly, typed)
    with qtbot.waitSignal(planner.input_rejected):
        qtbot.keyClicks(planner.longest, "5")
    assert planner.error_text() == f"The usual week: '{typed}' is not a distance."


def test_a_unit_switch_never_refuses_what_it_accepted(qtbot: QtBot) -> None:
    planner = LoadPlanner([Run(1, 100.0), Run(3, 60.0), Run(5, 90.0)], "km")
    qtbot.addWidget(planner)  # 100 km: the longest run allowed; 250 km in the week
    assert planner.error_text() == ""
    with qtbot.waitSignal(planner.plan_updated):
        planner.mi.click()
    assert planner.table.item(0, 1).text() == "62.1" and planner.error_text() == ""


def test_unit_switch_converts_then_rechecks_the_numbers(qtbot: QtBot) -> None:
    planner = LoadPlanner([Run(1, 70.0)], "km")
    qtbot.addWidget(planner)
    assert planner.error_text() == ""
    with qtbot.waitSignal(planner.plan_updated):
        planner.mi.click()  # 70 km is 43.5 mi, not 70 mi
    assert planner.table.item(0, 1).text() == "43.5" and planner.error_text() == ""
    with qtbot.waitSignal(planner.input_rejected):
        planner.table.item(0, 1).setText("70")  # typed in miles: checked in miles
    assert "70 mi is more than 62.1 mi" in planner.error_text()
    assert planner.table.horizontalHeaderItem(1).text() == "Distance (mi)"
    assert planner.log.runs[0].distance == pytest.approx(43.5, abs=0.05)  # the last good
    with qtbot.waitSignal(planner.plan_updated):
        planner.table.item(0, 1).setText("43.5")


def test_usual_week_plans_without_a_log(qtbot: QtBot) -> None:
    planner = LoadPlanner()
    qtbot.addWidget(planner)
    with qtbot.waitSignal(planner.input_rejected):
        qtbot.keyClicks(planner.weekly, "25")  # the longest run is still missing
    assert planner.error_text() == ("Enter both the usual week and the longest run, "
                                    "or leave both empty.")
    with qtbot.waitSignal(planner.plan_updated):
        qtbot.keyClicks(planner.longest, "10,5")
    assert planner.baseline == Baseline(25, 10.5)
    assert planner.plan.weeks[0].long_run == 11.3  # 8% more, rounded down
    summary = planner.summary_text()
    assert summary.startswith("From your usual week (25.0 km, longest run 10.5 km):")
    assert "Plan for 6 weeks" in summary
    planner.longest.selectAll()
    with qtbot.waitSignal(planner.input_rejected):
        qtbot.keyClicks(planner.longest, "31")  # "3" is fine, "31" is more than the week
    assert planner.error_text() == ("The longest run (31 km) cannot be longer than the "
                                    "whole week (25 km).")
    assert planner.baseline == Baseline(25, 3)  # the last good input stays


def test_recent_runs_win_over_the_usual_week(qtbot: QtBot) -> None:
    planner = LoadPlanner(RUNS, "km", baseline=Baseline(60, 30))
    qtbot.addWidget(planner)
    assert planner.weekly.text() == "60" and planner.longest.text() == "30"
    assert planner.plan.baseline == Baseline.from_runs(list(RUNS))  # not the typed week
    old = LoadPlanner([Run(45, 8.0)], "km", baseline=Baseline(20, 8))
    qtbot.addWidget(old)
    assert old.plan.baseline == Baseline(20, 8)  # no run in the last 30 days
    assert old.summary_text().startswith("No run from the last 30 days is listed, so the "
                                         "plan starts from your usual week")


def test_the_plan_grows_from_a_short_run(qtbot: QtBot) -> None:
    planner = LoadPlanner([Run(60, 40.0), Run(0, 1.0)], "km")
    qtbot.addWidget(planner)
    assert [w.long_run for w in planner.plan.weeks] == [1.1, 1.2, 1.3, 1.4, 1.5, 1.6]
    assert "from 1.1 km to 1.6 km, each at most 10% longer" in planner.summary_text()


def test_the_plan_never_suggests_a_run_the_planner_would_refuse(qtbot: QtBot) -> None:
    planner = LoadPlanner([Run(0, 99.9), Run(6, 60.0), Run(13, 80.0)], "km")
    qtbot.addWidget(planner)
    assert max(w.long_run for w in planner.plan.weeks) == 100.0
    assert planner.summary_text().endswith(
        "Long runs stop at 100.0 km, the most the planner accepts for one run.")
    (bars,) = [item for item in planner.plot_widget.getPlotItem().items  # the plan's bars
               if isinstance(item, pg.BarGraphItem) and item.opts["width"] == 2.2]
    assert max(bars.opts["height"]) == 100.0
    with qtbot.waitSignal(planner.plan_updated):
        planner.mi.click()
    assert max(w.long_run for w in planner.plan.weeks) == 62.1  # 99.9 km is 62.07 mi
    assert planner.summary_text().endswith(
        "Long runs stop at 62.1 mi, the most the planner accepts for one run.")


def test_planner_exports_a_crisp_image(qtbot: QtBot) -> None:
    planner = LoadPlanner([*RUNS, SPIKE], "km")
    qtbot.addWidget(planner)
    image = planner.export_image(800)
    assert not image.isNull()
    assert image.width() == 800
    assert _non_white(image) > 100
    empty = LoadPlanner()
    qtbot.addWidget(empty)
    assert not empty.export_image(600).isNull()


# --- planner chart geometry: labels keep clear of bars, marks and lines ---------------

# the dialog's opening size (LoadPlanner is shown in a 900 x 560 dialog) and the smallest
SIZES = [(900, 560), (0, 0)]


def _shown(qtbot: QtBot, runs: list[Run], size: tuple[int, int]) -> LoadPlanner:
    planner = LoadPlanner(runs, "km")
    qtbot.addWidget(planner)
    planner.resize(*size)  # (0, 0): the minimum size
    planner.show()
    qtbot.waitExposed(planner)
    planner.grab()  # paint once: text labels follow the view's scale when painted
    return planner


def _items(planner: LoadPlanner, kind: type) -> list[Any]:
    return [item for item in planner.plot_widget.getPlotItem().items
            if isinstance(item, kind)]


def _label(planner: LoadPlanner, text: str) -> Any:
    return next(item for item in _items(planner, pg.TextItem)
                if item.toPlainText() == text)


def _data_box(planner: LoadPlanner, item: Any) -> QRectF:
    """Where `item` is drawn, in data units: x in days from today, y in distance; top()
    is the lowest y and bottom() the highest."""
    view = planner.plot_widget.getPlotItem().getViewBox()
    box: QRectF = view.mapSceneToView(item.sceneBoundingRect()).boundingRect()
    return box


def _line_below(planner: LoadPlanner, box: QRectF) -> float:
    """The highest point of the spike line (steps of one day) under `box`."""
    (curve,) = _items(planner, pg.PlotCurveItem)
    xs, ys = curve.getData()
    return max(y for x0, x1, y in zip(xs[::2], xs[1::2], ys[::2], strict=True)
               if x1 >= box.left() and x0 <= box.right() and not math.isnan(y))


def _assert_in_view(planner: LoadPlanner, box: QRectF) -> None:
    view = planner.plot_widget.getPlotItem().getViewBox().viewRect()
    assert view.contains(box), (box, view)


@pytest.mark.parametrize("size", SIZES)
def test_plan_values_stand_above_their_bars_and_the_line(qtbot: QtBot,
                                                         size: tuple[int, int]) -> None:
    planner = _shown(qtbot, SCREENSHOT, size)
    assert len(planner.plan.weeks) == 6
    for week in planner.plan.weeks:
        box = _data_box(planner, _label(planner, f"{week.long_run:.1f}"))
        assert box.center().x() == pytest.approx(-week.day, abs=0.01)
        assert box.top() > week.long_run  # above the bar's top border
        assert box.top() > _line_below(planner, box)
        _assert_in_view(planner, box)


@pytest.mark.parametrize("runs", [SCREENSHOT, TALL_SPIKE])
@pytest.mark.parametrize("size", SIZES)
def test_spike_percentages_clear_their_triangles_and_the_line(
        qtbot: QtBot, runs: list[Run], size: tuple[int, int]) -> None:
    planner = _shown(qtbot, runs, size)
    view = planner.plot_widget.getPlotItem().getViewBox()
    (marks,) = _items(planner, pg.ScatterPlotItem)
    half = marks.opts["size"] / 2
    triangles = []
    for spot in marks.points():
        centre = view.mapViewToScene(QPointF(spot.pos()))
        triangles.append(QRectF(centre.x() - half, centre.y() - half, 2 * half, 2 * half))
    assert len(planner.found_spikes) == len(triangles) > 0
    for spike in planner.found_spikes:
        label = _label(planner, f"+{spike.percent:.0f}%")
        for triangle in triangles:
            assert not label.sceneBoundingRect().intersects(triangle)
        box = _data_box(planner, label)
        assert box.top() > spike.run.distance
        assert box.top() > _line_below(planner, box)
        _assert_in_view(planner, box)


@pytest.mark.parametrize("size", SIZES)
def test_empty_chart_hint_keeps_clear_of_today_and_the_plan_label(
        qtbot: QtBot, size: tuple[int, int]) -> None:
    planner = _shown(qtbot, [], size)
    hint = next(item for item in _items(planner, pg.TextItem)
                if "Enter recent runs" in item.toPlainText())
    box = _data_box(planner, hint)
    (today,) = _items(planner, pg.InfiniteLine)
    assert box.right() < today.value()  # in the past, left of the "today" line
    assert not hint.sceneBoundingRect().intersects(_label(planner, "Plan").sceneBoundingRect())
    _assert_in_view(planner, box)


@pytest.mark.parametrize("chart", ["planner", "recovery"])
def test_the_whole_chart_and_its_legend_show_at_the_smallest_size(
        qtbot: QtBot, content: Content, chart: str) -> None:
    """A legend wider than the chart once pushed the plot's right end out of view, and
    the text below was squeezed over the legend."""
    if chart == "planner":
        widget: Any = _shown(qtbot, SCREENSHOT, (0, 0))
    else:
        widget = RecoveryChart(content.conditions["greater-trochanteric-pain-syndrome"])
        qtbot.addWidget(widget)
        widget.resize(0, 0)
        widget.show()
        qtbot.waitExposed(widget)
    view = widget.plot_widget
    plot = view.getPlotItem()
    shown = QRectF(view.viewport().rect()).adjusted(-1, -1, 1, 1)  # (rounding)
    for item in (plot.getViewBox(), view.chart_legend, plot.getAxis("bottom")):
        drawn = view.mapFromScene(item.sceneBoundingRect()).boundingRect()
        assert shown.contains(QRectF(drawn)), (item, drawn, shown)
    # the text below keeps all its lines and stays clear of the chart
    qtbot.wait(1)
    text = widget.summary
    assert text.geometry().top() >= view.geometry().bottom()
    assert text.height() >= text.heightForWidth(text.width())


def test_the_legend_samples_are_in_the_phases_colours(qtbot: QtBot, content: Content) -> None:
    """"Expected weeks" was a dark grey square, a colour no bar has: the samples are now
    the first phases' colours, solid and then light and hatched, as the bars are."""
    widget = RecoveryChart(content.conditions[GTPS])
    qtbot.addWidget(widget)
    widget.resize(1100, 640)
    widget.show()
    qtbot.waitExposed(widget)
    view = widget.plot_widget
    image = view.grab().toImage()
    (solid, _), (ranged, _) = view.chart_legend.items

    def colours(sample: Any) -> set[str]:
        box = view.mapFromScene(sample.sceneBoundingRect()).boundingRect().adjusted(4, 4, -4, -4)
        return {image.pixelColor(x, y).name() for x in range(box.left(), box.right())
                for y in range(box.top(), box.bottom())}

    assert {"#0072b2", "#e69f00", "#009e73"} <= colours(solid)  # blue, orange, green
    assert "#666666" not in colours(solid)
    light = colours(ranged)
    # as the range bars: the first phase's light fill, as in its bar (weeks 1-2); no
    # solid orange (its hatching is darker)
    box = view.getPlotItem().getViewBox()
    centre = view.mapFromScene(box.mapViewToScene(QPointF(1.5, 2)))
    bar = {image.pixelColor(centre.x() + dx, centre.y() + dy).name()
           for dx in range(-5, 6) for dy in range(-5, 6)}
    assert "#afd3e7" in light & bar
    assert "#e69f00" not in light


# --- lazy import and speed ----------------------------------------------------------


def test_start_up_does_not_import_pyqtgraph(tmp_path: Path) -> None:
    code = (
        "import sys\n"
        "from pathlib import Path\n"
        "from PySide6.QtWidgets import QApplication\n"
        "app = QApplication(sys.argv[:1])\n"
        "import explorer.ui.main_window, explorer.ui.startup\n"
        "from explorer.paths import builtin_content_dir\n"
        "from explorer.ui.settings import Settings\n"
        f"settings = Settings(Path({str(tmp_path / 'settings.ini')!r}))\n"
        "window = explorer.ui.startup.build_window([builtin_content_dir()], settings)\n"
        "window.show()\n"
        "app.processEvents()\n"
        "print(sorted(m for m in ('pyqtgraph', 'numpy', 'explorer.ui.charts') "
        "if m in sys.modules))\n"
        "window.close()\n"
        "del window\n"
    )
    assert _run(code).splitlines()[-1] == "[]"


def test_first_chart_opens_within_a_second() -> None:
    code = (
        "import sys, time\n"
        "from PySide6.QtWidgets import QApplication\n"
        "app = QApplication(sys.argv[:1])\n"
        "from explorer.cli import load\n"
        f"condition = load().conditions[{GTPS!r}]\n"
        "assert 'pyqtgraph' not in sys.modules\n"
        "start = time.perf_counter()\n"
        "from explorer.ui.charts import RecoveryChart\n"
        "chart = RecoveryChart(condition)\n"
        "chart.show()\n"
        "app.processEvents()\n"
        "chart.grab()\n"
        "print(time.perf_counter() - start)\n"
        "chart.close()\n"
        "del chart\n"
    )
    seconds = float(_run(code).splitlines()[-1])
    assert seconds < 1.0, f"first chart took {seconds:.2f} s (budget 1 s)"


def test_a_long_title_takes_two_lines_instead_of_an_ellipsis(qtbot: QtBot) -> None:
    from PySide6.QtGui import QFontMetrics

    from explorer.ui.charts import _font, _plot_widget, _set_title, title_lines

    long = "Typical recovery: Greater trochanteric pain syndrome (gluteal tendinopathy)"
    width = QFontMetrics(_font(13)).horizontalAdvance("Greater trochanteric pain syndrome") + 4
    assert title_lines(long, width) == ["Typical recovery:", "Greater trochanteric pain syndrome"]
    assert title_lines("Typical recovery: Bursitis", width) == ["Typical recovery: Bursitis"]
    without_colon = title_lines("Your runs and a gradual plan for the next six weeks", 280)
    assert len(without_colon) == 2 and "…" not in "".join(without_colon)
    assert " ".join(without_colon) == "Your runs and a gradual plan for the next six weeks"
    widget = _plot_widget(None)
    qtbot.addWidget(widget)
    plot = widget.getPlotItem()
    _set_title(plot, "Typical recovery: <b>Odd</b> name & more words to wrap", 150)
    assert "&lt;b&gt;Odd&lt;/b&gt;" in plot.titleLabel.text and "<br>" in plot.titleLabel.text
    assert plot.layout.rowMinimumHeight(0) > 30  # the row holds both lines


def test_the_timeline_title_is_wrapped_again_when_the_chart_narrows(
        qtbot: QtBot, content: Content) -> None:
    """At the timeline dialog's smallest (446 pixels) the title, wrapped for the usual
    width, read "Typical recovery: Greater trochanteric pain", "syndrome" cut off."""
    from PySide6.QtGui import QFontMetrics
    from PySide6.QtWidgets import QApplication

    from explorer.ui.charts import _font

    chart = RecoveryChart(content.conditions[GTPS])
    qtbot.addWidget(chart)
    chart.resize(760, 420)
    chart.show()
    qtbot.waitExposed(chart)
    for width in (446, 380, 760):
        chart.resize(width, 420)
        QApplication.processEvents()
        plot = chart.plot_widget.getPlotItem()
        lines = plot.titleLabel.text.split("<br>")
        assert "…" not in plot.titleLabel.text, lines
        assert " ".join(lines) == "Typical recovery: Greater trochanteric pain syndrome"
        metrics = QFontMetrics(_font(13))
        title = plot.titleLabel.mapRectToScene(plot.titleLabel.boundingRect())
        assert max(metrics.horizontalAdvance(line) for line in lines) <= title.width()


def test_the_may_start_or_end_ranges_stand_out_from_the_white(
        qtbot: QtBot, content: Content) -> None:
    """The dashed edges and hatching of a phase's uncertain weeks were 2.2:1 on white in
    orange and sky blue, and nearly vanished in greyscale; they need 3:1 (WCAG 1.4.11)."""
    from PySide6.QtGui import QColor

    from explorer.ui.contrast import contrast

    chart = RecoveryChart(content.conditions[GTPS])
    qtbot.addWidget(chart)
    edges = [pen.color() for item in chart.bar_items() for pen in item.opts["pens"] or []
             if pen.style() == Qt.PenStyle.DashLine]
    hatches = [brush.color() for item in chart.bar_items()
               for brush in item.opts["brushes"] or []
               if brush.style() == Qt.BrushStyle.BDiagPattern]
    assert len(edges) >= 3 and len(hatches) == len(edges)
    for colour in [*edges, *hatches]:
        assert contrast(colour, QColor("white")) >= 3.0, colour.name()


def test_every_problem_in_the_table_names_its_row(qtbot: QtBot) -> None:
    """Most problems said "Row 2: ...", but a run in the future or of 0 km was named
    by its day ("The run today: the distance is 0"), which the table does not show."""
    planner = LoadPlanner([], "km")
    qtbot.addWidget(planner)
    planner.table.blockSignals(True)
    for day, distance in (("3", "8"), ("-1", "5"), ("0", "0"), ("70", "4"), ("x", "4")):
        planner._append_row(day, distance)
    planner.table.blockSignals(False)
    planner._on_table_item_changed()
    assert planner.error_text().splitlines() == [
        "Row 2: a run cannot be in the future (-1 days ago).",
        "Row 3: the distance is 0; enter it, or remove the row.",
        "Row 4: 70 days ago is too far back: enter runs from the last 60 days.",
        "Row 5: days ago must be a whole number, not 'x'."]
