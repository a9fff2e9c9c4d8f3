"""The running-load planner as a user sees it: the chart never passes off old input in
another unit as the table's, and nothing overlaps or is cut off, down to the dialog's
smallest size."""

from __future__ import annotations

import itertools
from typing import Any

import pyqtgraph as pg
import pytest
from PySide6.QtCore import QRect, QRectF
from PySide6.QtGui import QPainter, QPixmap
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

from explorer.model.running_load import Run
from explorer.ui.charts import LoadPlanner

# the README screenshot's runs: spikes of 12% and 27% (the latter yesterday)
RUNS = [Run(d, x) for d, x in ((40, 8), (36, 6), (33, 9), (29, 5), (26, 9.5), (22, 6),
                               (19, 10), (15, 6), (12, 10.5), (8, 7), (5, 11), (1, 14))]
TODAY_SPIKE = [Run(40, 8.0), Run(20, 9.0), Run(0, 12.0)]  # the spike next to the plan
LONG_AGO = [Run(60, 8.0), Run(30, 9.0), Run(1, 9.5)]  # the widest stretch of days


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
    pixmap = QPixmap(10, 10)  # kept: a painter must not outlive its device
    painter = QPainter(pixmap)
    try:
        _, _, texts = axis.generateDrawSpecs(painter)
    finally:
        painter.end()
    drawn = {text: axis.mapRectToScene(QRectF(rect)) for rect, _, text in texts}
    assert {"today", "+2 wk", "+4 wk", "+6 wk"} <= set(drawn)
    shown = QRectF(view.viewport().rect())
    for text, rect in drawn.items():
        assert shown.contains(rect), (text, rect, shown)
    for (a, box_a), (b, box_b) in itertools.combinations(drawn.items(), 2):
        assert not box_a.intersects(box_b), (a, b)
