"""The detail panel: conditions, exercises, treatments and pages through the shared
renderer. Links inside the app are `hip:` links; web links open in the system browser
only when clicked, and only http(s). Nothing is ever loaded from the network."""

from __future__ import annotations

from PySide6.QtCore import QUrl, Signal
from PySide6.QtGui import QDesktopServices, QImage
from PySide6.QtWidgets import QTextBrowser, QWidget

from explorer.model import Content
from explorer.render import html as render
from explorer.ui.images import load_picture

IMAGE_SCHEME = "hipimg"


class DetailPanel(QTextBrowser):
    link_activated = Signal(str, str)  # kind, id

    def __init__(self, content: Content, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._content = content
        self.patient = False
        self.extra_style = ""  # clinic mode's larger type
        self.shown: tuple[str, str] = ("", "")
        self._pictures: dict[tuple[str, float], QImage] = {}
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.setAccessibleName("Details")
        self.anchorClicked.connect(self._on_anchor_clicked)
        self.document().setDefaultStyleSheet(render.STYLE)
        self.show_welcome()

    def _options(self) -> render.RenderOptions:
        return render.RenderOptions(patient=self.patient, image_src=self._image_src,
                                    image_width=140)

    def _image_src(self, exercise_id: str) -> str | None:
        return f"{IMAGE_SCHEME}:{exercise_id}" if exercise_id in self._content.images else None

    def loadResource(self, kind: int, url: QUrl | str) -> object:
        url = QUrl(url)
        if url.scheme() == IMAGE_SCHEME:
            ratio = max(1.0, self.devicePixelRatioF())
            key = (url.path(), ratio)
            if key not in self._pictures:
                path = self._content.images.get(url.path())
                image = load_picture(path, int(320 * ratio)) if path else None
                if image is None:
                    return QImage()
                image.setDevicePixelRatio(ratio)
                self._pictures[key] = image
            return self._pictures[key]
        return None  # never fetch anything else (no network, no arbitrary files)

    def _set(self, kind: str, entry_id: str, body: str) -> None:
        self.shown = (kind, entry_id)
        self.setHtml(render.document(body, self.extra_style))

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
                  render.condition_html(self._content, condition, self._options()))

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

    def _on_anchor_clicked(self, url: QUrl) -> None:
        if url.scheme() == "hip":
            kind, _, entry_id = url.path().partition("/")
            self.link_activated.emit(kind, entry_id)
        elif url.scheme() in ("http", "https"):
            QDesktopServices.openUrl(url)
