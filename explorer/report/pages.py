"""Real pagination for print: flowables placed on pages with a header and a footer.

Qt's own QTextDocument.print adds its own margins and page numbers and splits
anything anywhere. Here each block of the shared renderer becomes a flowable that
is kept whole: a block that does not fit on the rest of a page moves to the next
page; a heading stays with what follows it (`keep_with_next`), a condition's ending
with what precedes it (`keep_with_previous`). Only running text, a block taller than
a whole page, a tall card that would leave much of a page empty and a chart whose words
do not fit the rest of a page are split, and then between lines, never through one:
never a heading apart from what follows it, nor one line of a paragraph apart from the
rest, and a box between its items (under the heading of the group it goes on with).

All coordinates are units of 1/96 inch (the same as CSS px on screen) on any device
(explorer.report.units), so fonts, images and the diagram keep the sizes they have in
the panel, whatever the printer's resolution.
"""

from __future__ import annotations

import datetime as dt
import math
import os
import stat
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QMarginsF, QRectF, QSize, QSizeF, Qt, QUrl
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QColor,
    QFont,
    QFontMetricsF,
    QImage,
    QImageReader,
    QPageLayout,
    QPageSize,
    QPainter,
    QPen,
    QTextBlock,
    QTextCursor,
    QTextDocument,
    QTextFragment,
)
from PySide6.QtSvg import QSvgRenderer

from explorer.model.picture_kind import SUFFIXES, kind_named, picture_kind
from explorer.render.html import DISCLAIMER, STYLE, as_typed, esc, scale_font_sizes
from explorer.report import units
from explorer.report.units import paper_font
from explorer.ui.diagram_art import DiagramArt, DiagramState
from explorer.ui.images import svg_image

DPI = units.DPI  # print's unit: 1/96 inch on every device
GAP = 6.0  # space between flowables
MIN_SPLIT = 24.0  # at least two lines of a split text on each page it is split across
# a shorter text moves overleaf whole: split, a treatment's last lines (its caution, say)
# would start a page away from its name
MIN_SPLIT_TEXT = 4 * MIN_SPLIT
WASTE = 0.4  # the share of a page left empty that a card may split to save
# a box split where a section inside it starts may leave this share of a page empty
SECTION_SLACK = 1 / 3
CLIP_INSET = 0.5  # page pixels: well under a line, well over Qt's text position rounding


MARGINS_MM = QMarginsF(14, 10, 14, 10)
PAGE_SIZES = {"A4": QPageSize.PageSizeId.A4, "Letter": QPageSize.PageSizeId.Letter}


def page_layout(page_size: str) -> QPageLayout:
    return QPageLayout(QPageSize(PAGE_SIZES[page_size]), QPageLayout.Orientation.Portrait,
                       MARGINS_MM, QPageLayout.Unit.Millimeter)


def page_content_size(page_size: str, scale: float = 1.0) -> QSizeF:
    """The size left for content on a page of `page_size`, in device units, under the
    usual header and over the usual footer, their text `scale` times its size (large
    print)."""
    rect = page_layout(page_size).paintRectPixels(DPI)
    return framed_size(rect.width(), rect.height(), Header("", scale=scale))


def framed_size(width: float, height: float, header: Header) -> QSizeF:
    """The room for content on a page `width` by `height` (within its margins) under
    `header`'s header and over its footer."""
    return content_size(width, height, footer_height(header, width), header_height(header))


def mm(value: float) -> float:
    return value / 25.4 * DPI


Span = tuple[float, float]  # (top, bottom) in a flowable
_Breaks = tuple[list[Span], list[Span], list[Span], dict[float, str]]


class Flowable:
    keep_with_next = False
    # never starts a page while what precedes it could come along: a condition's review
    # date and references do not go overleaf alone
    keep_with_previous = False
    page_break_before = False
    splittable = False  # running text (not a card, row or heading) may continue overleaf
    # kept whole, unless moving it overleaf would leave more than WASTE of a page empty:
    # then split between its items (a tall exercise card: after some of its steps)
    split_to_save_paper = False
    # with split_to_save_paper: the share of a page that moving it overleaf whole may leave
    # empty before it splits instead (a chart: none, its words go overleaf)
    paper_waste = WASTE
    # printed first on a page this flowable (or its part) begins: in a booklet, the line
    # naming the condition that a page continues
    running_head: Flowable | None = None
    # printed above the part of this flowable that goes on from an earlier page (a split
    # card's or box's name), below any running head
    continued_head: Flowable | None = None

    def group_head(self, width: float, start: float) -> Flowable | None:
        """Printed below the continued head above the part from `start`: the heading of
        the group inside the flowable that the part goes on with, if any."""
        return None

    def height(self, width: float) -> float:
        raise NotImplementedError

    def draw(self, painter: QPainter, top: float, width: float, start: float = 0.0,
             end: float | None = None) -> None:
        """Draw the part [start, end) of the flowable with its `start` at `top`."""
        raise NotImplementedError

    def cut(self, width: float, limit: float, start: float = 0.0,
            strict: bool = False) -> float:
        """The largest y <= limit where the part of the flowable from `start` may be
        split (0: nowhere); `strict`: only where the flowable's rules allow (a box
        between its items, say), else nowhere."""
        return limit


class HtmlFlowable(Flowable):
    def __init__(self, html: str, images: dict[str, QImage] | None = None,
                 keep_with_next: bool = False, style: str = "", font_scale: float = 1.0,
                 page_break_before: bool = False, splittable: bool = False,
                 keep_with_previous: bool = False,
                 narrow: tuple[float, str] | None = None) -> None:
        self.html = html
        # (width, html): narrower than this, that html instead (on A6, an exercise
        # card's picture above its steps, not beside them in a sliver of a column)
        self.narrow = narrow
        self.splittable = splittable
        self.images = images or {}
        self.keep_with_next = keep_with_next
        self.keep_with_previous = keep_with_previous
        self.page_break_before = page_break_before
        self.style = style
        self.font_scale = font_scale
        self._doc: QTextDocument | None = None
        self._width = -1.0
        self._breaks: tuple[float, _Breaks] | None = None
        # a box whose items come in groups under headings (the warning signs, by how soon
        # to act): a part that goes on inside a group repeats its heading "(continued)"
        self.group_heads = False
        self._group_heads: dict[str, HtmlFlowable] = {}

    def document(self, width: float) -> QTextDocument:
        if self._doc is None or self._width != width:
            doc = QTextDocument()
            doc.setDocumentMargin(0)
            font = QFont(doc.defaultFont())
            font.setPointSizeF(10.5 * self.font_scale)
            doc.setDefaultFont(font)
            doc.setDefaultStyleSheet(scale_font_sizes(STYLE + self.style, self.font_scale))
            for name, image in self.images.items():
                doc.addResource(QTextDocument.ResourceType.ImageResource.value, QUrl(name),
                                image)
            html = self.html
            if self.narrow is not None and width < self.narrow[0]:
                html = self.narrow[1]
            doc.setHtml(html)
            doc.setTextWidth(width)
            self._doc, self._width = doc, width
        return self._doc

    def height(self, width: float) -> float:
        return float(self.document(width).size().height())

    def draw(self, painter: QPainter, top: float, width: float, start: float = 0.0,
             end: float | None = None) -> None:
        doc = self.document(width)
        bottom = doc.size().height() if end is None else end
        painter.save()
        painter.translate(0, top - start)
        clip = QRectF(0, start, width, bottom - start)
        painter.setClipRect(clip)
        context = QAbstractTextDocumentLayout.PaintContext()
        # Qt draws every line that touches the context's clip: a cut lies on the border
        # of two lines, so the clip stops just short of it at both ends. Otherwise the
        # line below would also be drawn, out of sight yet in the PDF's text (copied,
        # searched, read aloud) as well as on the next page.
        context.clip = clip.adjusted(0, CLIP_INSET, 0, -CLIP_INSET)
        context.palette.setColor(context.palette.ColorRole.Text, QColor("#1c2430"))
        doc.documentLayout().draw(painter, context)
        painter.restore()

    def _laid_out(self, width: float) -> _Breaks:
        if self._breaks is None or self._breaks[0] != width:
            self._breaks = (width, _breaks(self.document(width)))
        return self._breaks[1]

    def group_head(self, width: float, start: float) -> Flowable | None:
        if not self.group_heads or start <= 0:
            return None
        sections = self._laid_out(width)[3]
        groups = sorted(sections)[1:]  # the first heading is the box's own title
        inside = [top for top in groups if top < start]
        if not inside or start in sections:  # before any group, or at a group's start
            return None
        heading = sections[inside[-1]]
        if heading not in self._group_heads:
            self._group_heads[heading] = HtmlFlowable(
                f"<p><b>{esc(heading)}</b> (continued)</p>", style=self.style,
                font_scale=self.font_scale)
        return self._group_heads[heading]

    def cut(self, width: float, limit: float, start: float = 0.0,
            strict: bool = False) -> float:
        """Split between text lines, never through a line of any block, with at least
        two lines of the part from `start` on each side. Where it can, never (a) a
        heading apart from the first lines after it, (b) one line of a paragraph or
        list item on a page apart from the rest of it, (c) inside a paragraph or item
        of a block that is kept whole when it can be (a box taller than a page splits
        between its items, and at the start of a section inside it if that wastes
        little of the page). Unless `strict`, anywhere between lines if that is all
        there is."""
        lines, keeps, inside, sections = self._laid_out(width)
        spans = [*keeps, *inside]

        def allowed(top: float, rules: list[tuple[float, float]]) -> bool:
            above = sum(start <= t and b <= top for t, b in lines)
            below = sum(t >= top for t, _ in lines)
            return (start < top <= limit and above >= 2 and below >= 2
                    and not any(t < top < b for t, b in rules))

        tops = sorted({t for t, _ in lines})
        if self.splittable:
            tiers = [[t for t in tops if allowed(t, keeps)]]
        else:  # between items where it must; where a section starts, if that is near
            between = [t for t in tops if allowed(t, spans)]
            near = start + (limit - start) * (1 - SECTION_SLACK)
            tiers = [[t for t in between if t in sections and t >= near], between]
            if not strict:
                tiers.append([t for t in tops if allowed(t, keeps)])
        if not strict:  # anything that is not through a line, if no rule can be kept
            tiers.append([t for t in tops if start < t <= limit
                          and not any(a < t < b for a, b in lines)])
        return next((max(tier) for tier in tiers if tier), 0.0)


def _breaks(doc: QTextDocument) -> _Breaks:
    """A laid-out document's lines, (top, bottom) each; the spans no page break may fall
    inside (lines, a paragraph's first two and last two lines, a heading with the first
    line after it); the paragraphs and items, top to bottom; its headings' texts by
    their tops.

    A heading is a block all in bold (a box's title or a group's heading inside it) or
    an HTML heading; it is kept with the next block in its table cell (or, outside any
    table, with whatever follows)."""
    layout = doc.documentLayout()
    blocks: list[tuple[tuple[int, int, int] | None, str | None, list[Span]]] = []
    block = doc.begin()
    while block.isValid():
        if block.text().strip():  # the empty blocks Qt adds around a table hold nothing
            rect = layout.blockBoundingRect(block)
            text_layout = block.layout()
            rows: list[Span] = []
            for index in range(text_layout.lineCount()):
                line = text_layout.lineAt(index)
                rows.append((rect.top() + line.y(), rect.top() + line.y() + line.height()))
            table = QTextCursor(block).currentTable()
            cell = None if table is None else table.cellAt(block.position())
            where = None if table is None or cell is None else (
                table.firstPosition(), cell.row(), cell.column())
            bold = block.blockFormat().headingLevel() > 0 or all(
                fragment.charFormat().fontWeight() >= QFont.Weight.DemiBold
                for fragment in _fragments(block) if fragment.text().strip())
            if rows:
                blocks.append((where, " ".join(block.text().split()) if bold else None,
                               rows))
        block = block.next()
    lines = [row for _, _, rows in blocks for row in rows]
    keeps = list(lines)
    inside: list[Span] = []
    sections: dict[float, str] = {}
    for index, (in_cell, heading, rows) in enumerate(blocks):
        keeps.append((rows[0][0], rows[min(1, len(rows) - 1)][1]))  # no lone first line
        keeps.append((rows[max(0, len(rows) - 2)][0], rows[-1][1]))  # nor a lone last
        inside.append((rows[0][0], rows[-1][1]))
        following = blocks[index + 1] if index + 1 < len(blocks) else None
        if heading is not None:
            sections[rows[0][0]] = heading
            if following is not None and (in_cell is None or following[0] == in_cell):
                keeps.append((rows[0][0], following[2][0][1]))
    return lines, keeps, inside, sections


def _fragments(block: QTextBlock) -> list[QTextFragment]:
    fragments = []
    it = block.begin()
    while not it.atEnd():
        fragments.append(it.fragment())
        it += 1
    return fragments


class DiagramFlowable(Flowable):
    """The hip diagram as vector paths (not a bitmap) with the chosen regions lit."""

    def __init__(self, art: DiagramArt, state: DiagramState, height_mm: float = 62,
                 keep_with_next: bool = False) -> None:
        self.art = art
        self.state = state
        self._height = mm(height_mm)
        self.keep_with_next = keep_with_next

    def height(self, width: float) -> float:
        """At most `height_mm`, and no taller than the drawing is at this width."""
        bounds = self.art.bounds
        return min(self._height, width * bounds.height() / bounds.width())

    def draw(self, painter: QPainter, top: float, width: float, start: float = 0.0,
             end: float | None = None) -> None:
        height = self.height(width)
        with _clipped(painter, top, width, start, height if end is None else end):
            self.art.paint(painter, QRectF(0, top - start, width, height), self.state)

    def cut(self, width: float, limit: float, start: float = 0.0,
            strict: bool = False) -> float:
        return 0.0


@contextmanager
def _clipped(painter: QPainter, top: float, width: float, start: float,
             end: float) -> Iterator[None]:
    """Paint only the part [start, end) of a flowable drawn with its `start` at `top`."""
    painter.save()
    painter.setClipRect(QRectF(0, top, width, end - start), Qt.ClipOperation.IntersectClip)
    try:
        yield
    finally:
        painter.restore()


MIN_TEXT_COLUMN = mm(55)  # a title column narrower than this goes below the diagram


class Beside(Flowable):
    """The title block beside the diagram; on narrow paper (A6), below it. Kept whole,
    unless taller than a page: then its text goes on overleaf, never the diagram."""

    def __init__(self, left: Flowable, right: Flowable, right_share: float = 0.4,
                 gap_mm: float = 5) -> None:
        self.left, self.right = left, right
        self.right_share, self.gap = right_share, mm(gap_mm)
        self.keep_with_next = left.keep_with_next
        self.page_break_before = left.page_break_before
        self.splittable = left.splittable
        self.running_head = left.running_head

    def _layout(self, width: float) -> tuple[float, float, float, float]:
        """The left's width and top, the right's left edge and width."""
        right = width * self.right_share
        left = width - right - self.gap
        if left < MIN_TEXT_COLUMN:  # stacked: the diagram, then the text
            return width, self.right.height(width) + GAP, 0.0, width
        return left, 0.0, left + self.gap, right

    def height(self, width: float) -> float:
        left, left_top, _, right = self._layout(width)
        return max(left_top + self.left.height(left), self.right.height(right))

    def draw(self, painter: QPainter, top: float, width: float, start: float = 0.0,
             end: float | None = None) -> None:
        left, left_top, right_x, right = self._layout(width)
        bottom = self.height(width) if end is None else end
        with _clipped(painter, top, width, start, bottom):
            # the text's part, in its own coordinates (first: read first in the PDF)
            self.left.draw(painter, top + max(0.0, left_top - start), left,
                           max(0.0, start - left_top),
                           None if end is None else end - left_top)
            if start < self.right.height(right):
                painter.save()
                painter.translate(right_x, 0)
                self.right.draw(painter, top - start, right)
                painter.restore()

    def cut(self, width: float, limit: float, start: float = 0.0,
            strict: bool = False) -> float:
        """Between lines of the text, below the diagram."""
        left, left_top, _, right = self._layout(width)
        cut = self.left.cut(left, limit - left_top, max(0.0, start - left_top), strict)
        return cut + left_top if cut > 0 and cut + left_top >= self.right.height(right) \
            else 0.0


class PageBreak(Flowable):
    page_break_before = True

    def height(self, width: float) -> float:
        return 0.0

    def draw(self, painter: QPainter, top: float, width: float, start: float = 0.0,
             end: float | None = None) -> None:
        return None


@dataclass
class Placement:
    flowable: Flowable
    top: float
    start: float = 0.0
    end: float | None = None


@dataclass
class Header:
    """What every page shows above and below the content."""

    title: str
    clinic: str = ""
    logo: QImage | None = None
    side: str | None = "right"  # None: the pages are for either hip and name neither
    date: dt.date = field(default_factory=dt.date.today)
    footer_note: str = DISCLAIMER
    scale: float = 1.0  # the size of its text: larger for a large-print handout


HEADER_HEIGHT = mm(16)
FOOTER_HEIGHT = mm(11)


def header_height(header: Header) -> float:
    return HEADER_HEIGHT * header.scale


def paginate(flowables: list[Flowable], width: float, height: float) -> list[list[Placement]]:
    """Place flowables on pages of the given content size. A page that a flowable with
    a `running_head` begins starts with that head (a continued condition's name); a page
    that a split flowable goes on to, then with its `continued_head` (a card's name)."""
    pages: list[list[Placement]] = [[]]
    y = top = 0.0  # `top`: where content starts on this page (below a running head)
    heads = 0  # the placements on this page that are its heads (running, continued)

    def new_page(following: Flowable, start: float = 0.0) -> None:
        """Start a page for `following`; with the rest of it from `start`, if not 0."""
        nonlocal y, top, heads
        if len(pages[-1]) > heads:
            pages.append([])
        else:  # nothing but perhaps a running head here yet: start this page afresh
            pages[-1].clear()
        y, heads = 0.0, 0
        continued = (following.continued_head, following.group_head(width, start)) \
            if start > 0 else ()
        for head in (following.running_head, *continued):
            if head is not None:
                pages[-1].append(Placement(head, y))
                y, heads = y + head.height(width) + GAP, heads + 1
        top = y

    def paper_saved(item: Flowable, room: float) -> float:
        """Where a block kept whole may split to fill the `room` left on a page, if moving
        it overleaf would leave much of the page empty (0: it may not)."""
        if not item.split_to_save_paper or room <= item.paper_waste * height or \
                item.height(width) <= room:
            return 0.0
        cut = item.cut(width, room, strict=True)
        return cut if cut >= MIN_SPLIT_TEXT else 0.0

    def follows(i: int) -> bool:
        """Must flowable i end on the page where the next one starts?"""
        return i + 1 < len(flowables) and not flowables[i + 1].page_break_before and (
            flowables[i].keep_with_next or flowables[i + 1].keep_with_previous)

    def needs(i: int) -> float:
        """The room flowable i needs where it starts: its first lines if it may split,
        else all of it and what must start on the same page (a heading's text, say)."""
        flowable = flowables[i]
        if _splits(flowable, width):
            return MIN_SPLIT
        return flowable.height(width) + (GAP + needs(i + 1) if follows(i) else 0.0)

    index = 0
    while index < len(flowables):
        flowable = flowables[index]
        if flowable.page_break_before:
            new_page(flowable)
            if isinstance(flowable, PageBreak):
                index += 1
                continue
        group = [flowable]
        while group[-1].keep_with_next and index + len(group) < len(flowables) and \
                not flowables[index + len(group)].page_break_before:
            group.append(flowables[index + len(group)])
        # a heading with the first thing after it: move together if they fit on a page.
        # Text that may be split needs only its first lines here; a block kept whole (an
        # exercise card) needs all of it, or it would move overleaf alone.
        last = group[-1]
        last_h = last.height(width)
        above = sum(f.height(width) + GAP for f in group[:-1])  # the heading(s)
        if _splits(last, width):
            first_part = MIN_SPLIT
        elif above + last_h <= height:
            first_part = last_h
        else:  # no page holds both: as for text, a good start of it is enough
            first_part = min(last_h, height / 3)
            if last_h > height:  # it splits anyway: here, if it may split well here
                room = height - y - above
                cut = last.cut(width, room, strict=True) if room > 0 else 0.0
                first_part = cut if cut >= MIN_SPLIT_TEXT else first_part
        if not _splits(last, width) and y + above + last_h > height:
            first_part = paper_saved(last, height - y - above) or first_part
        # with the ending kept with it (a condition's references and review date), if
        # a page holds them all
        together = above + first_part
        if follows(index + len(group) - 1) and together < needs(index) <= height:
            together = needs(index)
        if y > top and y + together > height:
            new_page(flowable)
        for number, item in enumerate(group, index):
            h = item.height(width)
            if y > top and y + h > height and (h <= height and not _splits(item, width)) \
                    and not paper_saved(item, height - y):
                new_page(item)
            # text followed by an ending kept with it: its last lines go overleaf with that
            after = GAP + needs(number + 1) if (
                item is last and follows(number) and _splits(item, width)) else 0.0
            after = after if h + after <= height else 0.0
            # a block taller than a page under its heading splits where it must: it was
            # given room for a good start here, and overleaf it would leave the heading
            under_heading = item is last and len(group) > 1 and h > height
            start = 0.0
            while h - start + after > height - y:  # split between lines, page by page
                fits = h - start <= height - y  # all but the ending: keep lines for it
                # on a page with more above it, only where its rules allow: else overleaf
                limit = h - MIN_SPLIT if fits else start + height - y
                strict = y > top and not under_heading
                cut = item.cut(width, limit, start, strict)
                if 0 < h - cut < MIN_SPLIT:  # no lone last line overleaf: one more goes too
                    cut = item.cut(width, h - MIN_SPLIT, start, strict)
                if cut - start < MIN_SPLIT:
                    if y > top and (start == 0 or not fits):
                        new_page(item, start)
                        continue
                    if fits:  # no lines to spare for the ending: it starts a page alone
                        break
                    cut = start + height - y  # no line boundary at all: cut at the page
                pages[-1].append(Placement(item, y, start, cut))
                start = cut
                new_page(item, start)
            pages[-1].append(Placement(item, y, start, None if start == 0 else h))
            y += h - start + GAP
        index += len(group)
    return [page for page in pages if page] or [[]]


def _splits(flowable: Flowable, width: float) -> bool:
    """May the flowable be split where a page ends?"""
    return flowable.splittable and flowable.height(width) >= MIN_SPLIT_TEXT


def paint_pages(painter: QPainter, pages: list[list[Placement]], header: Header,
                page_width: float, page_height: float, new_page: object,
                order: Sequence[int] | None = None) -> None:
    """Paint the pages: header, content, footer "Page N of M". `new_page()` advances.
    `order`: the numbers (from 1) of the pages to paint, in turn (some pages, reversed,
    repeated for copies), else every page once; M is always the whole document's."""
    content_top = header_height(header)
    total = len(pages)
    for turn, number in enumerate(range(1, total + 1) if order is None else order):
        placements = pages[number - 1]
        if turn > 0:
            assert callable(new_page)
            new_page()
        painter.save()
        _paint_header(painter, header, page_width)
        painter.translate(0, content_top)
        for placement in placements:
            placement.flowable.draw(painter, placement.top, page_width, placement.start,
                                    placement.end)
        painter.restore()
        _paint_footer(painter, header, page_width, page_height, number, total)


LOGO_MAX_W, LOGO_MAX_H = mm(40), mm(11)  # the room for the logo in the header
LOGO_DPI = 300  # an SVG logo is drawn with enough pixels to print sharp


def logo_size(logo: QSize) -> QSizeF:
    """The printed size of a logo of that many pixels: as large as the header's room for
    it allows, in its own proportions (a wide one as wide as the room, and less tall)."""
    scale = min(LOGO_MAX_W / max(1, logo.width()), LOGO_MAX_H / max(1, logo.height()))
    return QSizeF(logo.width() * scale, logo.height() * scale)


def _paint_header(painter: QPainter, header: Header, width: float) -> None:
    """Logo, clinic name and title on the left; date and side on the right. The left
    texts are cut with an ellipsis where they would run into the right ones: the title
    in its middle, to keep its end (a pack's "... for Kim Lee")."""
    painter.save()
    x = 0.0
    if header.logo is not None and not header.logo.isNull():
        size = logo_size(header.logo.size())  # a wide logo less tall: centred on the texts
        painter.drawImage(QRectF(0, (LOGO_MAX_H - size.height()) / 2, size.width(),
                                 size.height()), header.logo)
        x = size.width() + mm(3)
    k = header.scale
    small, bold = paper_font(9 * k), paper_font(11 * k, bold=True)
    date = f"{header.date:%d %B %Y}"
    side = {"right": "Right hip", "left": "Left hip"}.get(header.side or "", "")
    metrics = QFontMetricsF(small, painter.device())
    right_w = max(metrics.horizontalAdvance(t) for t in (date, side)) + mm(1)
    left_w = max(mm(10), width - right_w - mm(4) - x)
    # the title's line has only the side beside it (shorter than the date, or none)
    side_w = metrics.horizontalAdvance(side) + mm(1) if side else 0.0
    title_w = max(mm(10), width - side_w - mm(4) - x)
    clinic = " ".join((header.clinic or "Hip Explorer").split())
    painter.setFont(_fitted(painter, bold, clinic, left_w, CLINIC_MIN_PT * k))
    painter.setPen(QColor("#10243e"))
    line, second = mm(6 * k), mm(5.5 * k)
    _draw_line_elided(painter, QRectF(x, 0, left_w, line), clinic)
    painter.setFont(small)
    painter.setPen(QColor("#3b4452"))
    _draw_line_elided(painter, QRectF(x, second, title_w, line), header.title,
                      Qt.TextElideMode.ElideMiddle)
    right = Qt.AlignmentFlag.AlignRight
    painter.drawText(QRectF(width - right_w, 0, right_w, line), right, date)
    painter.drawText(QRectF(width - right_w, second, right_w, line), right, side)
    painter.setPen(QPen(QColor("#9aa6b6"), 1))
    painter.drawLine(0, round(mm(12.5 * k)), round(width), round(mm(12.5 * k)))
    painter.restore()


FOOTER_NOTE_PT, PAGE_NUMBER_PT = 8.0, 8.5  # the disclaimer: small, but readable on paper
_WRAP = Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWordWrap


def _footer_columns(header: Header, width: float) -> tuple[float, float]:
    """The widths of the footer's note and of its page number ("Page 12 of 12" whole on
    narrow paper too) on a page `width` wide."""
    number = QFontMetricsF(paper_font(PAGE_NUMBER_PT * header.scale)).horizontalAdvance(
        "Page 888 of 888")
    number = max(width * 0.15, number + mm(1))
    return width - number - width * 0.01, number


def footer_height(header: Header, width: float) -> float:
    """The footer's height on a page `width` wide: taller than FOOTER_HEIGHT where its
    note wraps to more lines than that holds (narrow paper such as A5), never cut."""
    note = QFontMetricsF(paper_font(FOOTER_NOTE_PT * header.scale)).boundingRect(
        QRectF(0, 0, _footer_columns(header, width)[0], 1e6), _WRAP, header.footer_note)
    return max(FOOTER_HEIGHT * header.scale, mm(3) + math.ceil(note.height()) + 1)


def _paint_footer(painter: QPainter, header: Header, width: float, height: float,
                  number: int, total: int) -> None:
    painter.save()
    footer = footer_height(header, width)
    top = height - footer + mm(3)
    note_w, number_w = _footer_columns(header, width)
    painter.setPen(QPen(QColor("#9aa6b6"), 1))
    painter.drawLine(0, round(top - mm(1.5)), round(width), round(top - mm(1.5)))
    painter.setFont(paper_font(FOOTER_NOTE_PT * header.scale))
    painter.setPen(QColor("#4a5566"))
    painter.drawText(QRectF(0, top, note_w, footer - mm(3)), _WRAP, header.footer_note)
    painter.setFont(paper_font(PAGE_NUMBER_PT * header.scale))
    painter.drawText(QRectF(width - number_w, top, number_w, mm(6 * header.scale)),
                     Qt.AlignmentFlag.AlignRight, f"Page {number} of {total}")
    painter.restore()


def content_size(page_width: float, page_height: float, footer: float = FOOTER_HEIGHT,
                 header: float = HEADER_HEIGHT) -> QSizeF:
    """The room for content on a page with a `footer` and a `header` that tall (see
    footer_height and header_height)."""
    return QSizeF(page_width, page_height - header - footer)


CLINIC_MIN_PT = 8.0  # a long clinic name is set smaller, down to this, before it is cut


def _fitted(painter: QPainter, font: QFont, text: str, width: float, smallest: float
            ) -> QFont:
    """`font`, made smaller (not under `smallest` points) until `text` fits `width`."""
    fitted = QFont(font)
    pixels = font.pixelSize()
    least = max(1, round(smallest * DPI / 72))
    while pixels > least and QFontMetricsF(fitted, painter.device()).horizontalAdvance(
            text) > width:
        pixels -= 1
        fitted.setPixelSize(pixels)
    return fitted


def _draw_line_elided(painter: QPainter, rect: QRectF, text: str,
                      where: Qt.TextElideMode = Qt.TextElideMode.ElideRight) -> None:
    """One line of text in `rect`, cut with an ellipsis (`where`) if it is too wide; in
    the middle, between whole words ("Greater trochanteric pain … plan for Kim")."""
    metrics = QFontMetricsF(painter.font(), painter.device())
    text = " ".join(as_typed(text).split())
    shown = metrics.elidedText(text, where, rect.width())
    if where == Qt.TextElideMode.ElideMiddle and shown != text and "…" in shown:
        head, tail = shown.split("…", 1)
        if not text.startswith(head + " ") and " " in head:
            head = head.rsplit(" ", 1)[0] + " "  # a part word goes
        if not text.endswith(" " + tail) and " " in tail:
            tail = " " + tail.split(" ", 1)[1]
        shown = f"{head.rstrip()} … {tail.lstrip()}"
    painter.drawText(rect, Qt.AlignmentFlag.AlignLeft, shown)


LOGO_MAX_BYTES = 5 * 1024 * 1024
LOGO_MAX_PIXELS = 8000 * 8000  # decoding one takes a second and 256 MB
LOGO_MIN_DPI = 150  # fewer pixels to the inch on paper look blurred


@dataclass(frozen=True)
class Logo:
    """A logo file as read for print: its image, scaled to what the header needs (None:
    it will not print) and, for the user, why not, or why it will print poorly."""

    image: QImage | None
    problem: str = ""
    warning: str = ""


_LOGOS: dict[tuple[str, int, int], Logo] = {}  # by path, modification time and size
_LOGOS_KEPT = 8


def read_logo(path: str) -> Logo:
    """The clinic's logo from settings, read once for each version of the file: at most
    as many pixels as the header prints at LOGO_DPI (an 8000-pixel logo made each export
    take seconds and put megabytes in every PDF); an SVG drawn sharp at that size."""
    if not path:
        return Logo(None)
    file = Path(path)
    try:
        info = file.stat()
    except (FileNotFoundError, NotADirectoryError):
        return Logo(None, "This file was not found")
    except OSError as exc:
        return Logo(None, f"This file cannot be read ({exc.strerror or exc})")
    if stat.S_ISDIR(info.st_mode):
        return Logo(None, "This is a folder, not an image file")
    if not stat.S_ISREG(info.st_mode):  # a pipe, say: reading it would wait for ever
        return Logo(None, "This is not an image file")
    if info.st_size > LOGO_MAX_BYTES:
        return Logo(None, f"This file is larger than {LOGO_MAX_BYTES // 1024 // 1024} MB")
    key = (os.path.abspath(path), info.st_mtime_ns, info.st_size)
    if key not in _LOGOS:
        if len(_LOGOS) >= _LOGOS_KEPT:
            _LOGOS.clear()
        _LOGOS[key] = _read_logo(file)
    return _LOGOS[key]


def _read_logo(file: Path) -> Logo:
    kind = picture_kind(file)  # what it holds, whatever its name: an SVG as logo.png
    unreadable = Logo(None, _unreadable(file, kind))
    if kind == "SVG" or (kind is None and file.suffix.lower() in SUFFIXES["SVG"]):
        image = _svg_logo(file)
        if image is None or image.isNull():
            return unreadable
        return Logo(image, warning=_shape_warning(image.size()))
    reader = QImageReader(str(file))
    size = reader.size()  # from the file's header, before decoding it
    if size.width() * size.height() > LOGO_MAX_PIXELS:
        return Logo(None, f"This image is too large in pixels: {size.width()} x "
                          f"{size.height()} (at most 8000 x 8000, or as many pixels)")
    printed = logo_size(size)
    needed = (printed * (LOGO_DPI / DPI)).toSize().expandedTo(QSize(1, 1))
    if size.isValid() and needed.width() < size.width() and needed.height() < size.height():
        reader.setScaledSize(needed)
    image = reader.read()
    if image.isNull():
        return unreadable
    blurred = ""
    if size.isValid() and size.width() * DPI / printed.width() < LOGO_MIN_DPI:
        blurred = (f"This image is only {size.width()} x {size.height()} pixels: the logo "
                   f"will look blurred on paper (one of {needed.width()} x "
                   f"{needed.height()} prints sharp)")
    warnings = (blurred, _shape_warning(image.size()))
    return Logo(image, warning=". ".join(warning for warning in warnings if warning))


def _unreadable(file: Path, kind: str | None) -> str:
    """Why a logo cannot be read: a file of another kind (a PDF, or an iPhone's HEIC
    photo) says what it is, and under which name, rather than "cannot be read"."""
    if kind is None or kind in ("PNG", "JPEG", "SVG"):  # damaged, or not a picture
        return "This file cannot be read as an image (PNG, JPEG or SVG)"
    return f"This is {kind_named(file, kind)}: save the logo as a PNG, JPEG or SVG image"


LOGO_MIN_MM = 3.0  # a logo printed narrower or less tall than this is too small to read


def _shape_warning(pixels: QSize) -> str:
    """Why a logo this shape prints too small to read, if it does: a banner fitted into
    the header's room (LOGO_MAX_W x LOGO_MAX_H) is as wide as the room and a sliver
    tall, and a tall narrow logo a sliver wide."""
    printed = logo_size(pixels)
    wide = printed.width() >= printed.height()
    short = printed.height() if wide else printed.width()
    if short >= mm(LOGO_MIN_MM):
        return ""
    ratio = max(pixels.width(), pixels.height()) / max(1, min(pixels.width(), pixels.height()))
    shape, side = ("wide as it is tall", "tall") if wide else ("tall as it is wide", "wide")
    return (f"This image is {ratio:.0f} times as {shape}: in the header's room for a "
            f"logo ({LOGO_MAX_W / mm(1):.0f} x {LOGO_MAX_H / mm(1):.0f} mm) it will print "
            f"only {short / mm(1):.1f} mm {side}, too small to read. A logo nearer 4 : 1 "
            "prints larger")


def load_logo(path: str) -> QImage | None:
    """The clinic's logo from settings (see read_logo); None (and no failure) if it
    cannot be read."""
    return read_logo(path).image


def _svg_logo(file: Path) -> QImage | None:
    """An SVG logo drawn at print resolution for its printed size, not at the few
    pixels its file declares (12 x 12 would print as a blur)."""
    renderer = QSvgRenderer(str(file))
    if not renderer.isValid() or renderer.defaultSize().isEmpty():
        return None
    printed = logo_size(renderer.defaultSize())
    pixels = (printed * (LOGO_DPI / DPI)).toSize().expandedTo(QSize(1, 1))
    return svg_image(renderer, pixels, Qt.GlobalColor.transparent)
