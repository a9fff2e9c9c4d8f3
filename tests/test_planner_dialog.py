"""The running-load planner as a user sees it: the chart never passes off old input in
another unit as the table's, and nothing overlaps or is cut off, down to the dialog's
smallest size."""

from __future__ import annotations

import itertools
from typing import Any

import pyqtgraph as pg
import pytest
from conftest import edit_cell
from PySide6.QtCore import QRect, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPixmap
from PySide6.QtWidgets import (
    QAbstractButton,
    QDialog,
    QLabel,
    QLineEdit,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)
from pytestqt.qtbot import QtBot

from explorer.model.running_load import Run, Spike
from explorer.ui import charts
from explorer.ui.charts import LoadPlanner
from explorer.ui.contrast import contrast

# the README screenshot's runs: spikes of 12% and 27% (the latter yesterday)
RUNS = [Run(d, x) for d, x in ((40, 8), (36, 6), (33, 9), (29, 5), (26, 9.5), (22, 6),
                               (19, 10), (15, 6), (12, 10.5), (8, 7), (5, 11), (1, 14))]
TODAY_SPIKE = [Run(40, 8.0), Run(20, 9.0), Run(0, 12.0)]  # the spike next to the plan
LONG_AGO = [Run(60, 8.0), Run(30, 9.0), Run(1, 9.5)]  # the widest stretch of days
CLOSE_SPIKES = [Run(0, 12.0), Run(2, 10.0), Run(9, 6.0), Run(16, 6.0)]  # +67%, then +20%
RISING = [Run(30 - 3 * i, round(5 * 1.2 ** i, 1)) for i in range(11)]  # a spike every 3 days


def _dialog(qtbot: QtBot, runs: list[Run], size: tuple[int, int]) -> tuple[QDialog,
                                                                              LoadPlanner]:
    """The planner in a dialog, as the main window shows it; (0, 0): its smallest size.
    Keep the dialog while using the planner: it is the planner's owner."""
    planner = LoadPlanner(runs, "km")
    dialog = QDialog()
    qtbot.addWidget(dialog)
    QVBoxLayout(dialog).addWidget(planner)
    dialog.resize(*size)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.grab()  # paint once: chart labels follow the view's scale when painted
    return dialog, planner


def _enter_bad_row_then_miles(qtbot: QtBot, planner: LoadPlanner) -> None:
    planner._on_add_clicked()
    row = planner.table.rowCount() - 1
    planner.table.item(row, 0).setText("3")
    with qtbot.waitSignal(planner.input_rejected):
        planner.table.item(row, 1).setText("-5")
    with qtbot.waitSignal(planner.input_rejected):
        planner.mi.click()


def test_enter_in_a_distance_field_adds_no_run(qtbot: QtBot) -> None:
    """Enter after typing the usual week pressed Add run (the dialog's first button, so
    its default): an empty row appeared and the keyboard went into the table."""
    dialog, planner = _dialog(qtbot, CLOSE_SPIKES, (900, 560))
    dialog.activateWindow()
    for field, typed in ((planner.weekly, "30"), (planner.longest, "12")):
        field.setFocus()
        qtbot.waitUntil(field.hasFocus)
        qtbot.keyClicks(field, typed)
        qtbot.keyClick(field, Qt.Key.Key_Return)
        assert planner.table.rowCount() == len(CLOSE_SPIKES)
        assert field.hasFocus() and field.text() == typed
    assert dialog.isVisible()


def test_delete_removes_the_selected_runs_as_remove_does(qtbot: QtBot) -> None:
    dialog, planner = _dialog(qtbot, CLOSE_SPIKES, (900, 560))
    table = planner.table
    table.setCurrentCell(0, 0)
    table.selectRow(0)  # 12 km today, the latest spike
    dialog.activateWindow()
    table.setFocus()
    qtbot.waitUntil(table.hasFocus)
    with qtbot.waitSignal(planner.plan_updated):
        qtbot.keyClick(table, Qt.Key.Key_Delete)
    assert [table.item(row, 0).text() for row in range(table.rowCount())] == ["2", "9", "16"]
    assert [s.run.day for s in planner.found_spikes] == [2]
    # while a cell is being edited, Delete is the editor's
    editor = edit_cell(table, 0, 1)
    qtbot.keyClick(editor, Qt.Key.Key_Delete)
    assert table.rowCount() == 3


# --- (8) a unit switch while the table has a problem ---------------------------------


def test_chart_in_the_old_unit_is_marked_as_not_up_to_date(qtbot: QtBot) -> None:
    _dialog_kept, planner = _dialog(qtbot, RUNS, (900, 560))
    assert not planner.stale_note.isVisible()
    _enter_bad_row_then_miles(qtbot, planner)
    assert planner.table.horizontalHeaderItem(1).text() == "Distance (mi)"
    assert "-5 mi" in planner.error_text()
    # the chart still shows the last valid runs in km, and says so where it is seen
    assert planner.plot_widget.getPlotItem().getAxis("left").labelText == "Distance (km)"
    note = planner.stale_note
    assert note.isVisible()
    assert "last valid entries, in km" in note.text()
    assert note.geometry().bottom() < planner.plot_widget.geometry().top()  # above it
    assert planner.plot_widget.getPlotItem().opacity() < 0.5  # greyed out
    assert not planner.summary.isEnabled()  # the km text below is greyed out too
    # corrected: the chart follows the table, in miles, and the note goes
    with qtbot.waitSignal(planner.plan_updated):
        planner.table.item(planner.table.rowCount() - 1, 1).setText("5")
    assert planner.plot_widget.getPlotItem().getAxis("left").labelText == "Distance (mi)"
    assert " mi " in planner.summary.text() and " km " not in planner.summary.text()
    assert not note.isVisible() and planner.summary.isEnabled()
    assert planner.plot_widget.getPlotItem().opacity() == 1


def test_a_valid_unit_switch_redraws_without_a_note(qtbot: QtBot) -> None:
    _dialog_kept, planner = _dialog(qtbot, RUNS, (900, 560))
    with qtbot.waitSignal(planner.plan_updated):
        planner.mi.click()
    assert planner.plot_widget.getPlotItem().getAxis("left").labelText == "Distance (mi)"
    assert not planner.stale_note.isVisible()


def _distances(planner: LoadPlanner) -> list[str]:
    """Every distance as the inputs show it: the table's, then the usual week's."""
    cells = [planner.table.item(row, 1).text() for row in range(planner.table.rowCount())]
    return [*cells, planner.weekly.text(), planner.longest.text()]


def test_switching_units_converts_the_entries_and_back_without_drift(qtbot: QtBot) -> None:
    _dialog_kept, planner = _dialog(qtbot, RUNS, (900, 560))
    planner._on_add_clicked()
    row = planner.table.rowCount() - 1
    planner.table.item(row, 0).setText("3")
    planner.table.item(row, 1).setText("1,2")  # 0.7 mi, and 0.7 mi is 1.1 km
    qtbot.keyClicks(planner.weekly, "60")
    qtbot.keyClicks(planner.longest, "14")
    typed = _distances(planner)
    in_km = (planner.log, planner.found_spikes, planner.plan, planner.summary_text())
    with qtbot.waitSignal(planner.plan_updated):
        planner.mi.click()
    # 20 km is 12.4 mi, not 20 mi: every entry is converted and shown to 0.1
    km_values = [float(text.replace(",", ".")) for text in typed]
    assert _distances(planner) == [f"{round(km / 1.609344, 1):g}" for km in km_values]
    assert _distances(planner)[-3:] == ["0.7", "37.3", "8.7"]
    assert planner.table.horizontalHeaderItem(1).text() == "Distance (mi)"
    assert planner.plot_widget.getPlotItem().getAxis("left").labelText == "Distance (mi)"
    summary = planner.summary_text()
    assert "- 8.7 mi yesterday is 27% longer than your longest run in the 30 days before " \
           "(6.8 mi)." in summary and " km" not in summary
    # the same runs are spikes, by the same percentages, and the plan is as long (each
    # unit's plan rounds down to its own 0.1 week by week)
    assert [(s.run.day, round(s.percent)) for s in planner.found_spikes] == \
           [(s.run.day, round(s.percent)) for s in in_km[1]]
    for mile, km in zip(planner.plan.weeks, in_km[2].weeks, strict=True):
        assert mile.long_run == pytest.approx(km.long_run / 1.609344, rel=0.03)
    with qtbot.waitSignal(planner.plan_updated):
        planner.km.click()
    assert _distances(planner) == typed  # "1,2", not 1.1
    assert (planner.log, planner.found_spikes, planner.plan, planner.summary_text()) == in_km
    for button in (planner.mi, planner.km, planner.mi, planner.km):  # and again: no drift
        button.click()
    assert _distances(planner) == typed
    assert (planner.log, planner.found_spikes, planner.plan, planner.summary_text()) == in_km


def test_a_unit_switch_makes_no_run_a_spike(qtbot: QtBot) -> None:
    """6.6 km after 6 km is exactly 10% longer: no spike. Rounded, in miles (3.7 then
    4.1), it would be 11% longer; the planner plans with the distances, not the text."""
    _dialog_kept, planner = _dialog(qtbot, [Run(20, 6.0), Run(10, 6.6)], (900, 560))
    assert planner.found_spikes == []
    with qtbot.waitSignal(planner.plan_updated):
        planner.mi.click()
    assert _distances(planner)[:2] == ["3.7", "4.1"]
    assert planner.found_spikes == [] and planner.summary_text().startswith("No spikes")


# --- (9) nothing overlaps or is cut off, at the opening and the smallest size ---------

SIZES = [(900, 560), (0, 0)]


@pytest.mark.parametrize("size", SIZES)
def test_inputs_and_texts_do_not_overlap(qtbot: QtBot, size: tuple[int, int]) -> None:
    dialog, planner = _dialog(qtbot, RUNS, size)
    _enter_bad_row_then_miles(qtbot, planner)  # the error and the note take room too
    dialog.resize(*size)
    qtbot.wait(10)
    kinds = (QLabel, QLineEdit, QAbstractButton, QTableWidget, pg.PlotWidget)
    parts = [part for part in planner.findChildren(QWidget) if isinstance(part, kinds)
             and part.isVisible() and not planner.table.isAncestorOf(part)]  # (its editor)
    boxes = {part: QRect(part.mapTo(dialog, part.rect().topLeft()), part.size())
             for part in parts}
    assert len(boxes) >= 14
    for (a, box_a), (b, box_b) in itertools.combinations(boxes.items(), 2):
        assert not box_a.intersects(box_b), (a, box_a, b, box_b)
    for part, box in boxes.items():
        assert dialog.rect().contains(box), (part, box)
        if hasattr(part, "wordWrap") and part.wordWrap():  # all its lines are shown
            assert part.height() >= part.heightForWidth(part.width()), part.text()
    header = planner.table.horizontalHeader()
    for column in range(2):  # "Days ago" and "Distance (mi)" in full
        assert header.sectionSize(column) >= header.sectionSizeHint(column)


def _ink(label: Any) -> QRectF:
    """A chart label's text on the scene, without the margins of its box."""
    margin = label.textItem.document().documentMargin()
    return label.sceneBoundingRect().adjusted(margin, margin, -margin, -margin)


@pytest.mark.parametrize("runs", [RUNS, TODAY_SPIKE, LONG_AGO])
@pytest.mark.parametrize("size", SIZES)
def test_chart_labels_keep_apart(qtbot: QtBot, runs: list[Run], size: tuple[int, int]) -> None:
    _dialog_kept, planner = _dialog(qtbot, runs, size)
    plot = planner.plot_widget.getPlotItem()
    labels = [item for item in plot.items if isinstance(item, pg.TextItem)]
    values = [label for label in labels if label.toPlainText()[-1].isdigit()
              or label.toPlainText().endswith("%")]
    assert len(values) >= 6
    for a, b in itertools.combinations(values, 2):
        assert not _ink(a).intersects(_ink(b)), (a.toPlainText(), b.toPlainText())


def assert_spike_values_apart_and_inside(plot: Any, spikes: list[Spike],
                                         every: bool = False) -> None:
    """The chart's value labels (spikes' percentages and planned distances) do not touch
    each other and stay inside the plot; every spike has its triangle, and the latest its
    percentage. With `every`, each spike has its percentage: one too close to the next
    stands a line higher (QA: "+67%" was left out). Spikes every few days leave some
    without."""
    values = [item for item in plot.items if isinstance(item, pg.TextItem)
              and (item.toPlainText()[-1].isdigit() or item.toPlainText().endswith("%"))]
    texts = [label.toPlainText() for label in values]
    assert f"+{spikes[-1].percent:.0f}%" in texts
    for label in values:  # readable: the vermillion of the bars was 3.9:1 on white
        assert contrast(label.color, QColor("white")) >= 4.5, label.toPlainText()
    if every:
        assert sorted(text for text in texts if text.endswith("%")) == sorted(
            f"+{spike.percent:.0f}%" for spike in spikes)
    for a, b in itertools.combinations(values, 2):
        assert not _ink(a).intersects(_ink(b)), (a.toPlainText(), b.toPlainText())
    inside = plot.getViewBox().sceneBoundingRect()
    for label in values:
        assert inside.contains(_ink(label)), (label.toPlainText(), _ink(label), inside)
    (marks,) = [item for item in plot.items if isinstance(item, pg.ScatterPlotItem)]
    assert len(marks.points()) == len(spikes)


@pytest.mark.parametrize("runs", [CLOSE_SPIKES, RISING])
@pytest.mark.parametrize("size", SIZES)
def test_labels_of_spikes_days_apart_do_not_overlap(qtbot: QtBot, runs: list[Run],
                                                    size: tuple[int, int]) -> None:
    _dialog_kept, planner = _dialog(qtbot, runs, size)
    assert len(planner.found_spikes) >= 2
    assert_spike_values_apart_and_inside(planner.plot_widget.getPlotItem(),
                                         planner.found_spikes, every=runs is CLOSE_SPIKES)


@pytest.mark.parametrize("runs", [CLOSE_SPIKES, RISING])
@pytest.mark.parametrize("scale", [1.0, 1.3])  # large print: larger labels, narrower canvas
def test_printed_labels_of_spikes_days_apart_do_not_overlap(
        qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, runs: list[Run], scale: float) -> None:
    planner = LoadPlanner(runs, "km")
    qtbot.addWidget(planner)
    printed: list[Any] = []  # the hidden plot the printed image is drawn from
    draw_load = charts.draw_load

    def draw_and_keep(widget: Any, *args: Any) -> None:
        draw_load(widget, *args)
        printed.append(widget)

    monkeypatch.setattr(charts, "draw_load", draw_and_keep)
    assert not planner.export_image(1200, scale).isNull()
    assert_spike_values_apart_and_inside(printed[0].getPlotItem(), planner.found_spikes,
                                         every=runs is CLOSE_SPIKES)


def drawn_labels(axis: Any) -> list[tuple[QRectF, Any, str]]:
    """The tick labels a pyqtgraph axis draws: (rectangle, flags, text) each."""
    pixmap = QPixmap(10, 10)  # kept: a painter must not outlive its device
    painter = QPainter(pixmap)
    try:
        _, _, texts = axis.generateDrawSpecs(painter)
    finally:
        painter.end()
    return list(texts)


@pytest.mark.parametrize("runs", [RUNS, LONG_AGO])
@pytest.mark.parametrize("size", SIZES)
def test_the_plan_line_and_last_week_tick_are_inside_the_plot(
        qtbot: QtBot, runs: list[Run], size: tuple[int, int]) -> None:
    _dialog_kept, planner = _dialog(qtbot, runs, size)
    view = planner.plot_widget
    plot = view.getPlotItem()
    # the dashed line ends inside the plot, clear of its right edge
    (line,) = [item for item in plot.items if isinstance(item, pg.PlotCurveItem)]
    xs, _ = line.getData()
    right = plot.getViewBox().viewRect().right()
    last_week = 7 * len(planner.plan.weeks)
    assert max(xs) <= last_week + 1.1 < right - 1  # ends at the last planned run
    # every week tick label, "+6 wk" included, is drawn and inside the widget
    axis = plot.getAxis("bottom")
    texts = drawn_labels(axis)
    drawn = {text: axis.mapRectToScene(QRectF(rect)) for rect, _, text in texts}
    assert {"today", "+2 wk", "+4 wk", "+6 wk"} <= set(drawn)
    shown = QRectF(view.viewport().rect())
    for text, rect in drawn.items():
        assert shown.contains(rect), (text, rect, shown)
    for (a, box_a), (b, box_b) in itertools.combinations(drawn.items(), 2):
        assert not box_a.intersects(box_b), (a, b)


def test_the_distance_axis_starts_at_a_labelled_zero(qtbot: QtBot) -> None:
    """The axis's grid made pyqtgraph drop the "0" at the plot's foot: the bars seemed
    to stand on nothing, and the scale had to be guessed from the first line up."""
    _dialog_kept, planner = _dialog(qtbot, RUNS, (900, 640))
    axis = planner.plot_widget.getPlotItem().getAxis("left")
    texts = drawn_labels(axis)
    labels = [text for _, _, text in texts]
    assert labels.count("0") == 1, labels


def test_tiny_planned_runs_are_not_labelled_zero(qtbot: QtBot) -> None:
    """Runs of 0.01 and 0.03 km: every planned run was labelled "0.0" on the chart, while
    the text below said 0.03 km."""
    _, planner = _dialog(qtbot, [Run(0, 0.01), Run(3, 0.03)], (900, 560))
    plot = planner.plot_widget.getPlotItem()
    values = [item.toPlainText() for item in plot.items if isinstance(item, pg.TextItem)
              and item.toPlainText()[-1].isdigit()]
    assert values == ["0.03"] * 6
    assert "one long run of 0.03 km a week" in planner.summary_text()
