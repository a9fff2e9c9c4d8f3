"""The ranked condition list with urgency markers and a "why it matches" line.

With regions selected it shows the ranked matches; with none, every condition
grouped under its main region.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import (
    QModelIndex,
    QPersistentModelIndex,
    QPointF,
    QRect,
    QRectF,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QIcon,
    QPainter,
    QPolygonF,
    QTextLayout,
)
from PySide6.QtWidgets import (
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeWidget,
    QTreeWidgetItem,
    QWidget,
)

from explorer.model import Content, clue_evidence, conditions_by_region, rank_conditions
from explorer.model.entities import Urgency
from explorer.render.html import URGENCY_COLOURS
from explorer.ui.contrast import MUTED_TEXT
from explorer.ui.dialogs import plain_tip
from explorer.ui.icons import drawn_icon

ID_ROLE = Qt.ItemDataRole.UserRole


def urgency_icon(urgency: Urgency, size: int = 16) -> QIcon:
    """A marker that differs in shape as well as colour (circle, square, triangle, diamond),
    drawn for 1x, 2x and 3x screens alike (a 16-pixel one was stair-stepped at 2x)."""
    def paint(painter: QPainter, box: QRectF) -> None:
        colour = {Urgency.ROUTINE: "#0072B2", Urgency.SOON: "#b58900",
                  Urgency.URGENT: "#D55E00", Urgency.EMERGENCY: "#b3001b"}[urgency]
        painter.setBrush(QColor(colour))
        painter.setPen(QColor(URGENCY_COLOURS[urgency][1]).darker(110))
        r = box.adjusted(2, 2, -2, -2)
        if urgency is Urgency.ROUTINE:
            painter.drawEllipse(r)
        elif urgency is Urgency.SOON:
            painter.drawRect(r.adjusted(1, 1, -1, -1))
        elif urgency is Urgency.URGENT:
            painter.drawPolygon(QPolygonF([QPointF(r.center().x(), r.top()), r.bottomRight(),
                                           r.bottomLeft()]))
        else:
            c = r.center()
            painter.drawPolygon(QPolygonF([QPointF(c.x(), r.top()), QPointF(r.right(), c.y()),
                                           QPointF(c.x(), r.bottom()),
                                           QPointF(r.left(), c.y())]))
    return drawn_icon(paint, size, size)


def fit_lines(text: str, font: QFont, width: float, max_lines: int = 2) -> list[str]:
    """`text` word-wrapped to `width` in at most `max_lines` lines. When it does not fit,
    the last line ends in an ellipsis rather than being cut off mid-phrase."""
    if QFontMetrics(font).horizontalAdvance(text) <= width:
        return [text] if text else []  # the usual case, without laying out lines
    layout = QTextLayout(text, font)
    layout.beginLayout()
    starts: list[int] = []
    end = 0
    while len(starts) < max_lines:
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(width)
        starts.append(line.textStart())
        end = line.textStart() + line.textLength()
    layout.endLayout()
    lines = [text[a:b].strip() for a, b in zip(starts, [*starts[1:], end], strict=True)]
    if lines and text[end:].strip():  # more text than lines: the last line takes the rest
        lines[-1] = QFontMetrics(font).elidedText(
            text[starts[-1]:].strip(), Qt.TextElideMode.ElideRight, int(width))
    return lines


REASON_ROLE = Qt.ItemDataRole.UserRole + 1
# A ranked list longer than this helps nobody (and costs time on every click with a
# large clinic library): the best matches are listed, then a line saying how many more.
MAX_LISTED = 150
Index = QModelIndex | QPersistentModelIndex


ROW_LINES = 3  # a row's name and "why it matches" lines together
# with Refine answers given: room for what they add ("you said: ..."), under a name of two
# lines too
ANSWERED_ROW_LINES = 4


class _TwoLineDelegate(QStyledItemDelegate):
    """The name in bold, then "why it matches" in grey on the rest of the row's three
    lines (four once Refine answers add to the reasons): a name too long for one line
    takes two (names are what people scan for), and the reason the lines left.

    Rows have one fixed height so the view sizes only the rows on screen: a click
    stays fast with a thousand conditions. Full texts are in the tooltip and the
    accessible text.
    """

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self._height = 0
        self.lines = ROW_LINES

    def set_lines(self, lines: int) -> None:
        """Rows of `lines` lines in all (a name's two at most, then the reason's)."""
        if lines != self.lines:
            self.lines, self._height = lines, 0

    def _small(self, font: QFont) -> QFont:
        small = QFont(font)
        small.setPointSizeF(max(7.0, font.pointSizeF() * 0.9))
        return small

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        if not index.data(ID_ROLE):
            return super().sizeHint(option, index)  # group headers
        if not self._height:
            # two name lines and the rest reason lines, or one and one more: the taller
            self._height = (2 * QFontMetrics(option.font).height() + (self.lines - 2)
                            * QFontMetrics(self._small(option.font)).height() + 10)
        return QSize(200, self._height)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        if not index.data(ID_ROLE):
            return super().paint(painter, option, index)
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        text, icon = opt.text, QIcon(opt.icon)  # a copy: opt.icon is replaced below
        opt.text, opt.icon = "", QIcon()
        style = opt.widget.style() if opt.widget else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        left = opt.rect.left() + 28
        width = opt.rect.right() - left - 4
        painter.save()
        bold = QFont(opt.font)
        bold.setBold(True)
        metrics = QFontMetrics(bold)
        top = opt.rect.top() + 4
        # the urgency marker beside the name, not centred on the whole row; on the
        # highlight it sits on a white disc, or the blue marker would vanish into it
        marker = QRect(opt.rect.left() + 6, top + (metrics.height() - 16) // 2, 16, 16)
        if selected:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor("white"))
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.drawEllipse(marker.adjusted(-2, -2, 2, 2))
        icon.paint(painter, marker)
        painter.setFont(bold)
        painter.setPen(opt.palette.highlightedText().color() if selected else QColor("#10243e"))
        names = fit_lines(text, bold, width, 2)
        for row, line in enumerate(names):
            painter.drawText(QRectF(left, top + row * metrics.height(), width, metrics.height()),
                             Qt.TextFlag.TextSingleLine, line)
        reason = str(index.data(REASON_ROLE) or "")
        if reason:
            small = self._small(opt.font)
            painter.setFont(small)
            painter.setPen(opt.palette.highlightedText().color() if selected
                           else QColor(MUTED_TEXT))
            line_height = QFontMetrics(small).height()
            below = top + len(names) * metrics.height() + 1
            for row, line in enumerate(fit_lines(reason, small, width,
                                                 self.lines - len(names))):
                painter.drawText(QRectF(left, below + row * line_height, width, line_height),
                                 Qt.TextFlag.TextSingleLine, line)
        painter.restore()


class ConditionList(QTreeWidget):
    condition_activated = Signal(str)
    condition_chosen = Signal()  # a click or Enter on a condition's row (not a heading)

    def __init__(self, content: Content, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._content = content
        self.setHeaderHidden(True)
        # hidden, yet a screen reader is told its column's name: "Condition", not "1"
        self.setHeaderLabels(["Condition"])
        self.setRootIsDecorated(False)
        self.setUniformRowHeights(False)  # headers are shorter than condition rows
        self.setWordWrap(True)
        self.setAccessibleName("Conditions")
        self.setIndentation(12)
        self.match_count = 0
        self.currentItemChanged.connect(self._on_current_item_changed)
        # a click or Enter on the current row shows it again (after following a link)
        for chosen in (self.itemClicked, self.itemActivated):
            chosen.connect(self._on_item_chosen)
            chosen.connect(self._on_row_chosen)
        self._icons = {u: urgency_icon(u) for u in Urgency}
        self._rows = _TwoLineDelegate(self)
        self.setItemDelegate(self._rows)

    def show_ranked(self, regions: list[str], answers: dict[str, bool],
                    intensities: dict[str, int], current: str) -> None:
        """List the conditions for `regions` (all, grouped, with none), with `current`,
        the condition shown, highlighted wherever it is listed: also when it was opened
        from a search while it was not (its row is not the list's last current row)."""
        self.blockSignals(True)
        self.clear()
        self._rows.set_lines(ANSWERED_ROW_LINES if any(answers.values()) else ROW_LINES)
        self.match_count = 0  # of the conditions ranked for the regions (none: 0)
        if regions:
            matches = rank_conditions(self._content, regions, answers, intensities)
            self.match_count = len(matches)
            # the urgency in words as well as the marker's shape, where it is not routine
            rows = [self._item(match.condition.id, match.condition.name,
                               match.condition.urgency, match.reasons,
                               said=match.condition.urgency is not Urgency.ROUTINE)
                    for match in matches[:MAX_LISTED]]
            if len(matches) > MAX_LISTED:
                more = QTreeWidgetItem([
                    f"{len(matches) - MAX_LISTED} more match less well: answer the Refine "
                    "questions or search to find them"])
                more.setFlags(Qt.ItemFlag.ItemIsEnabled)
                more.setForeground(0, QColor(MUTED_TEXT))
                rows.append(more)
            self.addTopLevelItems(rows)  # one insertion, not one per row
        else:
            groups = conditions_by_region(self._content, answers)
            for region, conditions in groups.items():
                if not conditions:
                    continue
                header = QTreeWidgetItem([self._content.region_name(region)])
                header.setFlags(Qt.ItemFlag.ItemIsEnabled)
                font = header.font(0)
                font.setBold(True)
                header.setFont(0, font)
                header.setForeground(0, QColor("#10243e"))
                for condition in conditions:
                    others = [self._content.region_name(r) for r in condition.regions
                              if r != region]
                    said = clue_evidence(self._content, condition, answers)[1]
                    note = [*([f"also {', '.join(others)}"] if others else []), *said]
                    header.addChild(self._item(condition.id, condition.name,
                                               condition.urgency, note, said=True))
                self.addTopLevelItem(header)
            self.expandAll()
        self.blockSignals(False)
        if current:
            # A ranked list opens at its best matches (where an urgent one ranks), even
            # when the row read now is further down; the catalogue scrolls to that row.
            self.set_current(current, emit=False, scroll=not regions)
        if regions:
            self.scrollToTop()

    def _item(self, condition_id: str, name: str, urgency: Urgency,
              reasons: Sequence[str], said: bool) -> QTreeWidgetItem:
        """A condition row, not yet in the tree (rows are inserted together); `said`: its
        line under the name begins with the urgency in words (the tip and a screen reader
        always say it, once)."""
        item = QTreeWidgetItem([name])
        item.setData(0, ID_ROLE, condition_id)
        item.setData(0, REASON_ROLE, "; ".join([urgency.label, *reasons] if said else reasons))
        why = "; ".join(reasons)
        item.setIcon(0, self._icons[urgency])
        tip = f"{name}\n{urgency.label}" + (f"\nWhy: {why}" if why else "")
        item.setToolTip(0, plain_tip(tip))
        item.setData(0, Qt.ItemDataRole.AccessibleTextRole,
                     f"{name}. Urgency: {urgency.label}." + (f" Why: {why}" if why else ""))
        return item

    def reason(self, condition_id: str) -> str:
        for item in self._items():
            if item.data(0, ID_ROLE) == condition_id:
                return str(item.data(0, REASON_ROLE) or "")
        return ""

    def ids(self) -> list[str]:
        """Condition ids in display order."""
        return [str(item.data(0, ID_ROLE)) for item in self._items() if item.data(0, ID_ROLE)]

    def current_id(self) -> str:
        item = self.currentItem()
        return str(item.data(0, ID_ROLE) or "") if item else ""

    def set_current(self, condition_id: str, emit: bool = True, scroll: bool = True) -> None:
        for item in self._items():
            if item.data(0, ID_ROLE) == condition_id:
                self.blockSignals(not emit)
                self.setCurrentItem(item)
                if scroll:
                    self.scrollToItem(item)
                self.blockSignals(False)
                return
        self.blockSignals(True)  # not in the list: show nothing as current
        self.setCurrentIndex(QModelIndex())
        self.clearSelection()
        self.blockSignals(False)

    def _items(self) -> list[QTreeWidgetItem]:
        """Every item, group headers included, in display order."""
        out = []
        root = self.invisibleRootItem()
        for index in range(root.childCount()):
            top = root.child(index)
            if top is None:
                continue
            out.append(top)
            out.extend(c for i in range(top.childCount()) if (c := top.child(i)) is not None)
        return out

    def _on_current_item_changed(self, current: QTreeWidgetItem | None,
                                 previous: QTreeWidgetItem | None) -> None:
        self._on_item_chosen(current)

    def _on_item_chosen(self, item: QTreeWidgetItem | None) -> None:
        if item is not None and item.data(0, ID_ROLE):
            self.condition_activated.emit(str(item.data(0, ID_ROLE)))

    def _on_row_chosen(self, item: QTreeWidgetItem) -> None:
        if item.data(0, ID_ROLE):
            self.condition_chosen.emit()
