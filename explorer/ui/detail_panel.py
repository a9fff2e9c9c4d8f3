"""The detail panel: conditions, exercises, treatments and pages through the shared
renderer. Links inside the app are `hip:` links; web links open in the system browser
only when clicked, and only http(s). Nothing is ever loaded from the network."""

from __future__ import annotations

import math
import re
from collections import OrderedDict
from collections.abc import Callable
from typing import NamedTuple

from PySide6.QtCore import QEvent, QObject, QPoint, Qt, QUrl, Signal
from PySide6.QtGui import (
    QDesktopServices,
    QFont,
    QFontMetricsF,
    QImage,
    QResizeEvent,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
    QWheelEvent,
)
from PySide6.QtWidgets import QApplication, QTextBrowser, QWidget

from explorer.model import Content
from explorer.render import html as render
from explorer.ui.images import load_picture, placeholder

IMAGE_SCHEME = "hipimg"
MAX_CACHED_DOCUMENTS = 24
MAX_PLACES = 100  # pages whose place Back and Forward return to (as the trail's entries)
NARROW_PX = 440  # below this the exercise cards stack picture over text
WHEEL_STEP = 120  # one notch of a mouse wheel, in eighths of a degree
# a title shrinks, down to this share of its size, where its longest word would not fit
# the panel's width (zoomed in, clinic type, a small screen): rather than break a word
TITLE_LEAST = 0.5
TITLE_STEP = 3  # Qt's size step for <h1> ("xx-large": twice the text's size)
PAGE_PICTURE_PX = 320  # an exercise page's picture; less when the panel is narrower


class Place(NamedTuple):
    """A place read in the panel's page (DetailPanel.read_place)."""

    character: int  # the position in the page of the character at the panel's top left
    line_top: int  # where its line begins, in pixels from the panel's top (0 or less)


class DetailPanel(QTextBrowser):
    link_activated = Signal(str, str)  # kind, id
    entry_shown = Signal(str, str)  # kind, id: a condition, exercise, treatment or page
    zoom_stepped = Signal(int)  # Ctrl+wheel: 1 larger, -1 smaller (as View > Zoom does)

    def __init__(self, content: Content, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._content = content
        self.patient = False
        self.extra_style = ""  # clinic mode's larger type
        self.style_scale = 1.0  # how much larger its body text is (tables stack sooner)
        self.text_scale = 1.0  # View > Zoom: every text size times this
        self.shown: tuple[str, str] = ("", "")
        self._wheel_zoom = 0  # Ctrl+wheel turned but not yet a whole step (touchpads)
        self._shown_layout = (False, PAGE_PICTURE_PX)  # what the shown page was laid out for
        self._pictures: dict[tuple[str, float], QImage] = {}
        self._holder = QObject(self)  # owns the cached documents
        # where each page left was being read, and the keyboard's link there: Back and
        # Forward return to it (resume_place), as a browser does
        self._left: OrderedDict[tuple[str, str], tuple[Place | None, tuple[int, int, str]]] \
            = OrderedDict()
        self._documents: OrderedDict[tuple[str, str, bool, str, tuple[bool, int], float],
                                     QTextDocument] = OrderedDict()
        # Almost every page scrolls. A scroll bar that came and went would change the
        # text width after a page is laid out (costing a click a second layout, and
        # leaving QTextEdit a stale sideways scroll range).
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.setAccessibleName("Details")
        self.anchorClicked.connect(self._on_anchor_clicked)
        self.document().setDefaultStyleSheet(render.STYLE)
        self.show_welcome()

    def _options(self) -> render.RenderOptions:
        narrow, picture = self._layout()
        return render.RenderOptions(patient=self.patient, image_src=self._image_src,
                                    image_width=140, page_image_width=picture, stacked=narrow)

    def _layout(self) -> tuple[bool, int]:
        """What the page's layout depends on: cards and tables stacked or not (narrow for
        the text size: zoomed in, or in clinic mode's larger type, a panel holds fewer
        words to a line), and the exercise page's picture width, in 40 px steps (a resize
        re-lays the page only now and then), which keeps the picture inside the panel."""
        width = self.viewport().width()
        room = width - 2 * int(self.document().documentMargin()) - 24
        return (width < NARROW_PX * self.text_scale * self.style_scale,
                max(120, min(PAGE_PICTURE_PX, room // 40 * 40)))

    def changeEvent(self, event: QEvent) -> None:
        """QTextEdit gives the shown page the widget's font when that changes (clinic
        mode's style sheet does, after the page is laid out): it keeps the panel's own,
        or its headings would no longer grow with zoom and clinic type."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self.document().setDefaultFont(self._scaled_font())

    def resizeEvent(self, event: QResizeEvent) -> None:
        place = self.read_place()  # (QTextEdit's own new layout scrolls by pixels)
        super().resizeEvent(event)  # (the viewport has its new size already)
        fit_title(self.document())  # QTextEdit has given the page the new width
        if self.shown[0] and self._layout() != self._shown_layout:
            self.refresh()  # re-lay the exercise cards and pictures for the new width
        if event.size().width() != event.oldSize().width():
            self.scroll_to_place(place)  # as far down the page as it was read

    def wheelEvent(self, event: QWheelEvent) -> None:
        """Ctrl+wheel steps the window's zoom. QTextEdit's own wheel zoom changes the
        widget's font under the zoomed pages, so it shrank text the wheel should enlarge
        and was neither shown in the View menu nor remembered."""
        if not event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            super().wheelEvent(event)
            return
        self._wheel_zoom += event.angleDelta().y()
        while abs(self._wheel_zoom) >= WHEEL_STEP:
            step = 1 if self._wheel_zoom > 0 else -1
            self._wheel_zoom -= step * WHEEL_STEP
            self.zoom_stepped.emit(step)
        event.accept()

    def _image_src(self, exercise_id: str) -> str | None:
        return f"{IMAGE_SCHEME}:{exercise_id}" if exercise_id in self._content.images else None

    def loadResource(self, kind: int, url: QUrl | str) -> object:
        url = QUrl(url)
        if url.scheme() == IMAGE_SCHEME:
            return self._picture(url.path()) or QImage()
        return None  # never fetch anything else (no network, no arbitrary files)

    def _picture(self, exercise_id: str) -> QImage | None:
        """The exercise's picture at this screen's pixel ratio (rendered once); None when
        the exercise has none."""
        ratio = max(1.0, self.devicePixelRatioF())
        key = (exercise_id, ratio)
        if key not in self._pictures:
            path = self._content.images.get(exercise_id)
            image = load_picture(path, int(320 * ratio)) if path else None
            if image is None:  # damaged after its first bytes: say so, don't just vanish
                image = placeholder(int(320 * ratio))
            image.setDevicePixelRatio(ratio)
            self._pictures[key] = image
        return self._pictures[key]

    def _set(self, kind: str, entry_id: str, body: str | Callable[[], str]) -> None:
        """Show an entry. Laid-out documents are kept for the last few entries, so going
        back to one (stepping through conditions, clicking between regions) is instant.
        Another entry opens at its top; the same one laid out anew (zoom, a new width)
        stays as far down as it was read."""
        same = (kind, entry_id) == self.shown
        place = self.read_place() if same else None
        if not same and self.shown[0]:  # the page left: Back returns to this place
            self._left[self.shown] = (self.read_place(), self.keyboard_link())
            self._left.move_to_end(self.shown)
            while len(self._left) > MAX_PLACES:
                self._left.popitem(last=False)
        self.shown = (kind, entry_id)
        self._shown_layout = self._layout()
        key = (kind, entry_id, self.patient, self.extra_style, self._shown_layout, self.text_scale)
        font = self._scaled_font()
        document = self._documents.pop(key, None)
        laid = document is None  # laid out anew: the title fitted again (fit_title)
        if document is None:
            # Not parented to this widget: setDocument() would delete the previous one.
            document = QTextDocument(self._holder)
            document.setDefaultStyleSheet(render.scale_font_sizes(render.STYLE, self.text_scale))
            document.setDefaultFont(font)
            document.setTextWidth(self.viewport().width())  # laid out once, at its width
            html = render.document(body() if callable(body) else body, self.extra_style,
                                   self.text_scale)
            for exercise_id in set(re.findall(f'src="{IMAGE_SCHEME}:([^"]+)"', html)):
                image = self._picture(exercise_id)
                if image is not None:
                    document.addResource(QTextDocument.ResourceType.ImageResource.value,
                                         QUrl(f"{IMAGE_SCHEME}:{exercise_id}"), image)
            document.setHtml(html)
        elif document.defaultFont() != font:
            document.setDefaultFont(font)  # zoomed meanwhile
            laid = True
        # a kept document may have been laid out at another width: shown so, QTextEdit
        # keeps a stale horizontal scroll range. (Setting the same width lays it all out
        # again, which would cost a click a millisecond.)
        if document.textWidth() != self.viewport().width():
            document.setTextWidth(self.viewport().width())
            laid = True
        if laid:  # a kept page shown again as it was needs no fitting
            fit_title(document)
        self._documents[key] = document
        while len(self._documents) > MAX_CACHED_DOCUMENTS:
            _, old = self._documents.popitem(last=False)
            old.deleteLater()
        self.setDocument(document)  # (QTextEdit scrolls to the text cursor: 4 px down)
        self.scroll_to_place(place)
        if kind:
            self.entry_shown.emit(kind, entry_id)

    def read_place(self) -> Place | None:
        """Where the page is read: the character at the panel's top left, and how far
        its line begins above the top; None at the page's top. (As a share of the
        scrolling, the place moved: the page's length changed under it.)"""
        if self.verticalScrollBar().value() <= 0:
            return None
        cursor = self.cursorForPosition(QPoint(0, 0))
        return Place(cursor.position(), self.cursorRect(cursor).top())

    def scroll_to_place(self, place: Place | None) -> None:
        """Scroll to a place `read_place` gave (of this page, at any width)."""
        bar = self.verticalScrollBar()
        if place is None:
            bar.setValue(0)
            return
        # the page's whole length (QTextEdit's scroll range follows it only later)
        document = self.document()
        height = document.documentLayout().documentSize().height()
        bar.setMaximum(max(0, math.ceil(height) - self.viewport().height()))
        cursor = QTextCursor(document)
        cursor.setPosition(min(place.character, document.characterCount() - 1))
        bar.setValue(bar.value() + self.cursorRect(cursor).top() - place.line_top)

    def _scaled_font(self) -> QFont:
        """The application's font times the text size (zoom and clinic type). Headings
        are sized from it (Qt sizes <h1>-<h3> relative to the default font, whatever the
        style sheet says). Not the widget's own font: a window style sheet (clinic mode)
        reaches it only some time after it is set, and a page laid out before then had
        headings smaller than its text."""
        font = QFont(QApplication.font(self))
        scale = self.text_scale * self.style_scale
        if scale != 1.0:
            if font.pointSizeF() > 0:
                font.setPointSizeF(font.pointSizeF() * scale)
            else:
                font.setPixelSize(round(font.pixelSize() * scale))
        return font

    def show_welcome(self) -> None:
        self._set("", "", "<h1>Where does your hip hurt?</h1>"
                  "<p>Click the front, the groin, the outer side or the back of the hip on "
                  "the diagram (or tick a region in the list). The conditions that commonly "
                  "cause pain there appear in the list, best match first, with the reason "
                  "they match.</p><p>Answer the <b>Refine</b> questions to sort them further."
                  f"</p>{render.red_flag_box(self._warning_signs(), 'Get medical help now if')}"
                  f'<p class="muted small">{render.esc(render.DISCLAIMER)}</p>')

    def _warning_signs(self) -> list[str]:
        """The emergency items of the red-flags page, if the content has one."""
        page = self._content.pages.get("red-flags")
        for section in page.sections if page else ():
            if section.level == "emergency" and section.items:
                return list(section.items)
        return []

    def show_condition(self, condition_id: str) -> None:
        condition = self._content.conditions.get(condition_id)
        if condition is None:
            return self.show_welcome()
        self._set("condition", condition_id,
                  lambda: render.condition_html(self._content, condition, self._options()))

    def show_exercise(self, exercise_id: str) -> None:
        exercise = self._content.exercises.get(exercise_id)
        if exercise is not None:
            self._set("exercise", exercise_id,
                      render.exercise_html(self._content, exercise, self._options()))

    def show_treatment(self, treatment_id: str) -> None:
        treatment = self._content.treatments.get(treatment_id)
        if treatment is not None:
            self._set("treatment", treatment_id, render.treatment_html(self._content, treatment))

    def show_page(self, page_id: str) -> None:
        page = self._content.pages.get(page_id)
        if page is not None:
            self._set("page", page_id, render.page_html(self._content, page))

    def show_entry(self, kind: str, entry_id: str) -> None:
        shows = {"condition": self.show_condition, "exercise": self.show_exercise,
                 "treatment": self.show_treatment, "page": self.show_page}
        if kind in shows:
            shows[kind](entry_id)

    def refresh(self) -> None:
        kind, entry_id = self.shown
        if kind:
            self.show_entry(kind, entry_id)
        else:
            self.show_welcome()

    def resume_place(self) -> None:
        """The page shown where it was read when it was left, with the keyboard on the
        same link (Back and Forward); a page not left before stays at its top."""
        place, link = self._left.get(self.shown, (None, (0, 0, "")))
        self.scroll_to_place(place)
        self.put_keyboard_link(link)

    def keyboard_link(self) -> tuple[int, int, str]:
        """The link the keyboard is on (Tab steps from link to link): the text cursor's
        two ends and the link's target; ("" on no link)."""
        cursor = self.textCursor()
        return cursor.anchor(), cursor.position(), self._link_at(cursor.selectionEnd())

    def put_keyboard_link(self, link: tuple[int, int, str]) -> None:
        """The keyboard on that link again, if the page shown has it in the same place."""
        anchor, position, target = link
        if not target or max(anchor, position) >= self.document().characterCount() or \
                self._link_at(max(anchor, position)) != target:
            return
        cursor = QTextCursor(self.document())
        cursor.setPosition(anchor)
        cursor.setPosition(position, QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)

    def _link_at(self, end: int) -> str:
        """The target of the link whose text ends at (or runs past) `end`."""
        cursor = QTextCursor(self.document())
        cursor.setPosition(end)
        return cursor.charFormat().anchorHref()

    def _on_anchor_clicked(self, url: QUrl) -> None:
        if url.scheme() == "hip":
            kind, _, entry_id = url.path().partition("/")
            self.link_activated.emit(kind, entry_id)
        elif url.scheme() in ("http", "https"):
            QDesktopServices.openUrl(url)


def fit_title(document: QTextDocument) -> None:
    """The page's title (its first block, an <h1>) in a size whose longest word fits
    the document's width, down to TITLE_LEAST of its own size: a narrow panel broke
    "trochanteric" into "trochan" and "teric". Where it fits, the title has its own
    size again. Formats change only when the size does (each change lays the page
    out anew)."""
    block = document.firstBlock()
    if block.blockFormat().headingLevel() != 1 or not block.text().strip():
        return
    cursor = QTextCursor(block)
    cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock,
                        QTextCursor.MoveMode.KeepAnchor)
    shown = block.begin().fragment().charFormat()
    own = QTextCharFormat(shown)
    if own.hasProperty(QTextFormat.Property.FontPointSize):  # fitted before: its own again
        own.clearProperty(QTextFormat.Property.FontPointSize)
        own.setProperty(QTextFormat.Property.FontSizeAdjustment, TITLE_STEP)
    font = own.font()  # the heading's own size (from the default font), bold
    room = document.textWidth() - 2 * document.documentMargin() - 2
    widest = max(QFontMetricsF(font).horizontalAdvance(word) for word in block.text().split())
    size = 0.0  # its own
    if widest > room > 0:
        size = math.floor(10 * font.pointSizeF() * max(TITLE_LEAST, room / widest)) / 10
    if shown.fontPointSize() != size:
        if size:  # a point size of its own (the heading's size step would win over it)
            own.clearProperty(QTextFormat.Property.FontSizeAdjustment)
            own.setFontPointSize(size)
        cursor.setCharFormat(own)
