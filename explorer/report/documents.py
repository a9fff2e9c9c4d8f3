"""What goes on paper: condition summaries, the booklet and exercise handouts, built
from the shared renderer's blocks (what is printed is what the panel shows)."""

from __future__ import annotations

import dataclasses
import itertools
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QSizeF
from PySide6.QtGui import QImage

from explorer.model import Condition, Content, Exercise
from explorer.model.entities import Caution, Urgency
from explorer.model.handout import Handout, HandoutExercise, as_printed
from explorer.render import html as render
from explorer.report.pages import (
    MIN_TEXT_COLUMN,
    Beside,
    DiagramFlowable,
    Flowable,
    HtmlFlowable,
    PageBreak,
    page_content_size,
    paginate,
)
from explorer.ui.diagram_art import DiagramArt, DiagramState
from explorer.ui.images import load_picture, placeholder

CARD_IMAGE_PX = 150  # on paper: about 4 cm wide
SUMMARY_IMAGE_PX = 96
LARGE_CARD_IMAGE_PX = 210
LARGE_PRINT = 1.3  # the text's size in a large-print handout, against normal print


@dataclass
class PrintJob:
    """Flowables plus what the header, the footer and the PDF metadata need."""

    title: str
    flowables: list[Flowable]  # as laid out for the paper chosen in Preferences
    side: str = "right"
    text_scale: float = 1.0  # large print: 1.3, on every part of the page
    # the flowables for pages with this much room for content, where they depend on it
    # (a booklet's contents gives page numbers); None: `flowables` suit any page
    for_page: Callable[[QSizeF], list[Flowable]] | None = None

    def laid_out(self, size: QSizeF) -> list[Flowable]:
        """The flowables to lay out on pages with `size` room for content."""
        return self.for_page(size) if self.for_page is not None else self.flowables


class _Pictures:
    """Exercise pictures rendered once per job at print resolution (3x the CSS size)."""

    def __init__(self, content: Content) -> None:
        self._content = content
        self.images: dict[str, QImage] = {}

    def src(self, exercise_id: str) -> str | None:
        name = f"picture:{exercise_id}"
        if name not in self.images:
            path = self._content.images.get(exercise_id)
            if path is None:
                return None
            width = LARGE_CARD_IMAGE_PX * 3
            # damaged or gone since loading: a marked box, as on screen, never a blank
            self.images[name] = load_picture(path, width) or placeholder(width)
        return name


def _diagram(art: DiagramArt, regions: dict[str, int], side: str,
             strokes: list[tuple[str, list[tuple[float, float]]]] | None = None,
             height_mm: float = 38, pain_badges: bool = False) -> DiagramFlowable:
    """`regions` with a pain level each; `pain_badges` prints the levels as numbers (a
    handout's are the patient's; a summary's only say how strongly a region is lit)."""
    state = DiagramState(selected=set(regions), intensities=regions, side=side,
                         strokes=strokes or [], pain_badges=pain_badges)
    return DiagramFlowable(art, state, height_mm=height_mm)


# a condition's warning signs split between signs rather than leave more than this share
# of its first page empty (a card: WASTE)
SIGNS_WASTE = 0.25
SUMMARY_FONT_SCALE = 0.85  # 9 pt body text keeps most summaries to two pages


def summary_font_scale(scale: float) -> float:
    """A summary's type: a little smaller than a handout's, to keep it to two pages; in
    large print (`scale` above 1) as large as the handout's, for the same reader."""
    return scale if scale > 1 else SUMMARY_FONT_SCALE


# small print (references, steps, recovery notes) at 8.5 pt on paper, not 7.7 pt; a list
# item takes its size from the first ".small" rule unless named itself
PRINT_STYLE = ("h2 { margin-top: 6px; } h3 { margin-top: 3px; } p { margin-bottom: 4px; }"
               " .small, .small li { font-size: 10pt; }")


def _blocks_to_flowables(blocks: list[render.Block], pictures: _Pictures,
                         font_scale: float = SUMMARY_FONT_SCALE) -> list[Flowable]:
    return [HtmlFlowable(b.html, pictures.images, keep_with_next=b.keep_with_next,
                         font_scale=font_scale, style=PRINT_STYLE, splittable=b.splittable,
                         keep_with_previous=b.keep_with_previous)
            for b in blocks]


def condition_flowables(content: Content, art: DiagramArt, condition: Condition,
                        side: str, pictures: _Pictures, page_break: bool = False,
                        scale: float = 1.0) -> list[Flowable]:
    """A condition's summary; large print (`scale` above 1) makes its type and pictures
    that much larger, and its diagram as large as its column allows."""
    options = render.RenderOptions(patient=True, image_src=pictures.src,
                                   image_width=round(SUMMARY_IMAGE_PX * scale),
                                   exercise_steps=True, compact=True, links=False)
    blocks = render.summary_blocks(content, condition, options)
    # the title and the summary beside the diagram (main region strongest)
    head = render.Block(blocks[0].html + blocks[1].html)
    flowables = _blocks_to_flowables([head, *blocks[2:]], pictures, summary_font_scale(scale))
    flowables[0].page_break_before = page_break
    # its warning signs: rather than leave much of the first page empty (in large print
    # they may not fit under the opening), split between signs under their title again
    signs = render.red_flag_box(condition.red_flags)
    for flowable in flowables:
        if isinstance(flowable, HtmlFlowable) and signs and flowable.html == signs:
            flowable.split_to_save_paper, flowable.paper_waste = True, SIGNS_WASTE
            flowable.continued_head = _continued("See a doctor if", summary_font_scale(scale))
    lit = {r: (10 if i == 0 else 4) for i, r in enumerate(condition.regions)}
    flowables[0] = Beside(flowables[0], _diagram(art, lit, side, height_mm=50 * scale))
    return flowables


def summary_job(content: Content, art: DiagramArt, condition: Condition,
                side: str = "right", scale: float = 1.0) -> PrintJob:
    pictures = _Pictures(content)
    flowables = condition_flowables(content, art, condition, side, pictures, scale=scale)
    return PrintJob(condition.name, flowables, side, scale)


def _continued(name: str, scale: float) -> HtmlFlowable:
    """The line above the part of a condition, card or box that goes on from the page
    before."""
    return HtmlFlowable(f'<p class="muted"><b>{render.esc(name)}</b> (continued)</p>',
                        font_scale=scale)


def booklet_job(content: Content, art: DiagramArt, conditions: list[Condition],
                side: str = "right", page_size: str = "A4",
                handout: PrintJob | None = None, regions: Sequence[str] = ()) -> PrintJob:
    """All chosen conditions, each from a new page, after a contents page; a page that
    continues a condition starts with its name ("... (continued)"). A `handout` follows
    them, from a new page, and the contents lists it too; the booklet is in its print
    size (large print or not). `regions`: those the conditions were chosen for, named
    in the title ("Outer hip"); none, all of them."""
    conditions = list({c.id: c for c in conditions}.values())  # each once, first order
    scale = handout.text_scale if handout is not None else 1.0
    pictures = _Pictures(content)
    body: list[Flowable] = []
    anchors: dict[str, Flowable] = {}
    for index, condition in enumerate(conditions):
        part = condition_flowables(content, art, condition, side, pictures,
                                   page_break=index > 0, scale=scale)
        anchors[condition.id] = part[0]
        # every later page of the condition says whose it is
        head = _continued(condition.name, summary_font_scale(scale))
        for flowable in part[1:]:
            flowable.running_head = head
        body.extend(part)
    if handout is not None:
        anchors[PLAN] = handout.flowables[0]
        body.extend(_after(handout))

    where = ", ".join(content.region_name(r) for r in dict.fromkeys(regions))
    chosen = f" (chosen for: {render.esc(where)})" if where else ""

    def contents(first_page: dict[str, int], offset: int, signs_page: int) -> HtmlFlowable:
        """The contents page; it lists the warning signs if `signs_page` is not 0."""
        rows = (f"<tr><td>{render.esc(SIGNS)}</td><td></td>"
                f'<td align="right">{signs_page}</td></tr>') if signs_page else ""
        rows += "".join(
            f"<tr><td>{render.esc(c.name)}</td>"
            f"<td>{render.esc(', '.join(content.region_name(r) for r in c.regions))}</td>"
            f'<td align="right">{first_page.get(c.id, 0) + offset}</td></tr>'
            for c in conditions)
        if handout is not None:
            rows += (f"<tr><td>{render.esc(PLAN)}</td><td></td>"
                     f'<td align="right">{first_page.get(PLAN, 0) + offset}</td></tr>')
        return HtmlFlowable(
            "<h1>Hip pain after running</h1><p>Conditions that commonly cause hip pain in "
            f"runners{chosen}: what they feel like, what helps and when to see a doctor.</p>"
            '<h2>Contents</h2><table width="100%" cellpadding="4" cellspacing="0">'
            '<tr><th align="left">Condition</th><th align="left">Where it hurts</th>'
            f'<th align="right">Page</th></tr>{rows}</table>', font_scale=scale)

    # before any condition, what does not wait (as a handout ends with it)
    warnings = _warning_signs(content, scale) or HtmlFlowable("")
    laid_out: dict[tuple[float, float], list[Flowable]] = {}

    def for_page(size: QSizeF) -> list[Flowable]:
        """The booklet for pages of `size`, its contents giving the pages they make (on
        the paper chosen when printing, which may not be the one in Preferences)."""
        key = (size.width(), size.height())
        if key not in laid_out:
            first_page = _first_pages(body, anchors, size)
            # the contents lists the warning signs where they do not follow it on its page
            front = _first_pages([contents(first_page, 0, 0), warnings], {SIGNS: warnings},
                                 size)
            if front[SIGNS] > 1:
                front = _first_pages([contents(first_page, 0, front[SIGNS]), warnings],
                                     {SIGNS: warnings}, size)
            signs_page = front[SIGNS] if front[SIGNS] > 1 else 0
            laid_out[key] = [contents(first_page, front[END], signs_page), warnings,
                             PageBreak(), *body]
        return laid_out[key]

    title = "Hip pain after running: conditions" + (f" ({where})" if where else "")
    job = PrintJob(title, for_page(page_content_size(page_size, scale)), side,
                   for_page=for_page)
    return job if handout is None else _titled_with(job, handout)


PLAN = "Your exercise plan"  # the handout's heading, as the contents lists it
SIGNS = "See a doctor if (warning signs)"  # the booklet's warning signs, in its contents
END = ""  # in _first_pages' answer: the number of pages


def _first_pages(flowables: list[Flowable], anchors: dict[str, Flowable],
                 size: QSizeF) -> dict[str, int]:
    """The page (from 1) where each of `anchors` begins once `flowables` are laid out on
    pages of `size`, and under END how many pages they take."""
    pages = paginate(flowables, size.width(), size.height())
    found = {END: len(pages)}
    for number, page in enumerate(pages, 1):
        for placement in page:
            for key, flowable in anchors.items():
                if placement.flowable is flowable:
                    found.setdefault(key, number)
    return found


def _after(handout: PrintJob) -> list[Flowable]:
    """A handout's flowables, the first from a new page."""
    handout.flowables[0].page_break_before = True
    return handout.flowables


def _titled_with(job: PrintJob, handout: PrintJob) -> PrintJob:
    """`job` named for both parts, on the handout's side and in its print size."""
    title = f"{job.title}, with {handout.title[0].lower()}{handout.title[1:]}"
    return dataclasses.replace(job, title=title, side=handout.side,
                               text_scale=handout.text_scale)


def summary_with_handout(summary: PrintJob, handout: PrintJob) -> PrintJob:
    """One condition's summary, then the handout from a new page: one PDF to take home.
    (A booklet takes its handout itself, to list it in its contents.)"""
    return _titled_with(dataclasses.replace(
        summary, flowables=[*summary.flowables, *_after(handout)]), handout)


def conditions_job(content: Content, art: DiagramArt, conditions: Sequence[Condition],
                   handout: Handout | None = None, side: str = "right",
                   page_size: str = "A4", regions: Sequence[str] = ()) -> PrintJob:
    """What prints for some conditions (at least one) and a handout, or a handout alone:
    one condition's summary, or a booklet of several, then the handout from a new page,
    on the handout's side. After a booklet, which begins with the warning signs, the
    handout does not repeat them."""
    plan = (handout_job(content, art, handout, warning_signs=len(conditions) < 2)
            if handout is not None else None)
    if plan is not None:
        if not conditions:
            return plan
        side = plan.side  # the patient's hip, as the handout's drawing shows it
    if len(conditions) == 1:
        job = summary_job(content, art, conditions[0], side,
                          plan.text_scale if plan is not None else 1.0)
        return job if plan is None else summary_with_handout(job, plan)
    return booklet_job(content, art, list(conditions), side, page_size, plan, regions)


def handout_pack(content: Content, art: DiagramArt, handout: Handout,
                 page_size: str = "A4") -> PrintJob:
    """The handout as the builder prints it: after the summaries of its conditions when
    it asks for them (`condition_summaries`), else alone."""
    return conditions_job(content, art, summarised(content, handout), handout,
                          page_size=page_size)


def summarised(content: Content, handout: Handout) -> list[Condition]:
    """The conditions whose summaries print before the handout: those it was made for,
    if it asks for them and the content has them."""
    if not handout.condition_summaries:
        return []
    return [content.conditions[c] for c in dict.fromkeys(handout.conditions)
            if c in content.conditions]


CHART_WIDTH_PX = 640  # on paper: about 17 cm, the width of the text


def _warning_signs(content: Content, scale: float) -> HtmlFlowable | None:
    """Every warning sign, in one box (None: the content has none). Where it goes on
    overleaf (in large print it may be taller than a page), it splits between its items
    and the rest is headed "See a doctor if (continued)" and its group's heading."""
    signs = render.warning_signs_box(content.pages.get("red-flags"))
    if not signs:
        return None
    box = HtmlFlowable(signs, font_scale=scale)
    box.continued_head = _continued("See a doctor if", scale)
    box.group_heads = True  # a group split: its heading again, over the rest
    return box


def _chart_flowables(content: Content, handout: Handout, scale: float) -> list[Flowable]:
    """The recovery timeline and the running plan as crisp images, each with its text.
    Large print (`scale` > 1) draws a chart's text that much larger and the chart that
    much taller, at the same width. `handout` is as it prints (see as_printed).

    The chart module (and pyqtgraph) is imported only when a handout asks for a chart.
    """
    charts = []
    condition = next((content.conditions[c] for c in handout.conditions), None)
    if handout.recovery_chart and condition is not None and condition.recovery:
        from explorer.ui.charts import RecoveryChart

        chart = RecoveryChart(condition)
        charts.append(("Your recovery timeline", chart.export_image(CHART_WIDTH_PX * 3, scale),
                       chart.summary_text()))
    if handout.has_running_plan:
        from explorer.model.running_load import Run
        from explorer.ui.charts import LoadPlanner

        planner = LoadPlanner([Run(day, distance) for day, distance in handout.runs],
                              "mi" if handout.unit == "mi" else "km",
                              baseline=handout.baseline)
        charts.append(("Your running plan", planner.export_image(CHART_WIDTH_PX * 3, scale),
                       planner.summary_text()))
    flows: list[Flowable] = []
    for index, (title, image, text) in enumerate(charts):
        name = f"chart:{index}"
        flows.append(HtmlFlowable(
            f"<h2>{render.esc(title)}</h2><p><img src=\"{name}\" width=\"{CHART_WIDTH_PX}\">"
            f"</p>{_chart_text(text)}", {name: image}, font_scale=scale))
        # a chart that fits the rest of a page is printed there, its words overleaf if
        # they do not fit (rather than a page left a third empty)
        flows[-1].split_to_save_paper, flows[-1].paper_waste = True, 0.0
        flows[-1].continued_head = _continued(title, scale)
    return flows


def _chart_text(text: str) -> str:
    """A chart's summary in small print, line by line as the chart's dialog shows it:
    a run of lines starting "- " is a bulleted list, any other line a paragraph."""
    html = []
    for listed, lines in itertools.groupby(text.splitlines(),
                                           key=lambda line: line.startswith("- ")):
        if listed:
            items = "".join(f'<li class="small">{render.esc(line[2:])}</li>' for line in lines)
            html.append(f"<ul>{items}</ul>")
        else:
            html.extend(render.paragraphs(line, "small") for line in lines)
    return "".join(html)


def _with_condition_cautions(content: Content, exercise: Exercise,
                             conditions: tuple[str, ...]) -> Exercise:
    """The exercise with what the handout's conditions say about it ("Only after a doctor
    has cleared you...") before its own cautions, as the condition summary prints them.

    The conditions' cautions come in the handout's condition order, each once; with more
    than one condition on the handout, each names the condition(s) it is for ("this
    problem" in a caution means that one). The stage is left out: the clinician chose
    the exercise and its dose for this handout, and two conditions may stage it apart.
    """
    known = [content.conditions[c] for c in dict.fromkeys(conditions)
             if c in content.conditions]
    given: dict[str, list[str]] = {}  # caution -> the conditions that give it
    for condition in known:
        for use in condition.exercises:
            if use.exercise == exercise.id and use.caution:
                given.setdefault(use.caution, []).append(condition.name)
    if not given:
        return exercise
    cautions = [Caution(f"{' and '.join(names)}: {caution}" if len(known) > 1 else caution)
                for caution, names in given.items()]
    own = [c for c in exercise.cautions if c.text not in given]
    return dataclasses.replace(exercise, cautions=(*cautions, *own))


DOSE_TEXT = ("sets", "reps", "hold", "frequency", "note")  # a handout exercise's free text
# a hold typed as "hold 5 s" or "for 30 seconds": the dose already says "holding each for"
HOLD_WORDS = re.compile(r"^(?:(?:hold(?:ing)?|for)\b[\s:]*)+(?=\S)", re.IGNORECASE)


def _trimmed(handout: Handout) -> Handout:
    """The handout with its free text trimmed, as it prints: a note of only spaces (a file
    may hold one) prints no empty "Note:", a dose of spaces no dose, and a hold no
    "hold" or "for" of its own ("holding each for hold 5 s")."""
    exercises = tuple(_printed_dose(item) for item in handout.exercises)
    return dataclasses.replace(handout, patient=" ".join(handout.patient.split()),
                               clinician_note=_trimmed_lines(handout.clinician_note),
                               exercises=exercises)


def _trimmed_lines(text: str) -> str:
    """Without blank lines before and spaces after; an indent on the first line stays."""
    return re.sub(r"\A(?:[^\S\n]*\n)+", "", text.rstrip())


def _printed_dose(item: HandoutExercise) -> HandoutExercise:
    text: dict[str, Any] = {name: " ".join(getattr(item, name).split()) for name in DOSE_TEXT}
    text["hold"] = HOLD_WORDS.sub("", text["hold"])
    return dataclasses.replace(item, **text)


def handout_job(content: Content, art: DiagramArt, handout: Handout,
                warning_signs: bool = True) -> PrintJob:
    """The handout as it prints; it ends with the warning signs, unless `warning_signs` is
    false (a booklet it follows begins with them). What the loaded content lacks is left
    out (the user was told when it opened)."""
    handout = as_printed(_trimmed(handout), content)
    pictures = _Pictures(content)
    scale = LARGE_PRINT if handout.large_print else 1.0
    width = LARGE_CARD_IMAGE_PX if handout.large_print else CARD_IMAGE_PX
    options = render.RenderOptions(patient=True, image_src=pictures.src, image_width=width,
                                   exercise_steps=True, links=False)
    esc = render.esc
    head = "<h1>Your exercise plan</h1>"
    if handout.patient:
        head += f"<p><b>For:</b> {esc(handout.patient)}</p>"
    regions = handout.regions
    if regions:
        where = ", ".join(f"{content.region_name(r)}" + (f" (pain {v}/10)" if v else "")
                          for r, v in regions.items())
        head += f'<p class="muted">Where it hurts: {esc(where)}</p>'
    names = [content.conditions[c].name for c in handout.conditions]
    if names:
        head += "<h2>What we talked about</h2>" + render.bullet_list(names)
    flows: list[Flowable] = [HtmlFlowable(head, font_scale=scale)]
    if regions or handout.drawings:  # the title block beside the diagram
        strokes = [(colour, list(points)) for colour, points in handout.drawings]
        # large print: the diagram as much larger as the text, its pain numbers too
        flows[0] = Beside(flows[0], _diagram(art, regions, handout.side, strokes,
                                             height_mm=50 * scale, pain_badges=True),
                          right_share=0.4 * scale)
    if handout.clinician_note:  # running text: a long note goes on overleaf
        flows.append(HtmlFlowable("<h2>Note from your clinician</h2>"
                                  + render.typed_paragraphs(handout.clinician_note),
                                  font_scale=scale,
                                  splittable=True))
    # an exercise's cautions for other regions are left out: the regions where it hurts,
    # else the main regions of the conditions talked about (with neither, all print)
    hurts = set(regions) or {content.conditions[c].main_region for c in handout.conditions}
    cards = []
    for item in handout.exercises:
        exercise = _with_condition_cautions(content, content.exercises[item.exercise],
                                            handout.conditions)
        card, stacked = (render.exercise_card(content, exercise, None, o, dose=item.dose,
                                              note=item.note, regions=hurts)
                         for o in (options, dataclasses.replace(options, stacked=True)))
        cards.append((exercise.name, card, stacked))
    if cards:
        # a bone that may be cracked (an urgent condition) is not exercised into pain
        urgent = any(content.conditions[c].urgency.rank >= Urgency.URGENT.rank
                     for c in handout.conditions)
        how = ("Keep them pain-free, and stop and ask if any pain comes on."
               if urgent else "Mild discomfort (no more than 3 out of 10) that settles by "
               "the next morning is fine; stop and ask if pain is sharp or keeps building.")
        flows.append(HtmlFlowable(
            f"<h2>Your exercises</h2><p>Do them as your clinician showed you. {how}</p>",
            keep_with_next=True, font_scale=scale))
        # the steps beside the picture need a column as wide as a summary's title's
        narrow = width + MIN_TEXT_COLUMN
        for name, card, stacked in cards:
            flows.append(HtmlFlowable(card, pictures.images, font_scale=scale,
                                      narrow=(narrow, stacked)))
            # large print: a tall card may split after some of its steps rather than leave
            # half a page empty (normal print keeps every card whole)
            flows[-1].split_to_save_paper = handout.large_print
            flows[-1].continued_head = _continued(name, scale)
    flows.extend(_chart_flowables(content, handout, scale))
    signs = _warning_signs(content, scale) if warning_signs else None
    if signs is not None:
        flows.append(signs)
    return PrintJob("Exercise plan" + (f" for {handout.patient}" if handout.patient else ""),
                    flows, handout.side, scale)
