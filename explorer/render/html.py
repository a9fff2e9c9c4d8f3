"""One renderer for screen and print: content entries -> Qt rich-text HTML.

Qt's rich text is an HTML4/CSS2 subset, so layout uses tables, not flexbox. Every
piece of content text passes through `esc` (HTML in a content file is shown as text).
Internal links use the `hip:` scheme (`hip:condition/ID`, `hip:exercise/ID`,
`hip:treatment/ID`, `hip:page/ID`); only http(s) reference links are emitted.
Images are named through a callback so the panel and the printer can each supply
them in their own way.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass

from explorer.model import Condition, Content, Exercise, Page, Treatment
from explorer.model.entities import PHASE_LENGTHS_NOTE, Dose, ExerciseUse, Urgency

ImageSource = Callable[[str], str | None]

URGENCY_COLOURS = {  # background, text: readable and distinct in grey too
    Urgency.ROUTINE: ("#e3eef8", "#0b3d66"),
    Urgency.SOON: ("#fff1c2", "#5c4300"),
    Urgency.URGENT: ("#ffd9b3", "#7a2e00"),
    Urgency.EMERGENCY: ("#b3001b", "#ffffff"),
}
NOT_RECOMMENDED = "Not recommended for this condition"
STAGE_LABELS = {"early": "Early", "middle": "Middle", "late": "Late", "maintenance": "Keep going"}
DISCLAIMER = (
    "This information is for education. It does not diagnose you or replace a "
    "clinician who has examined you. If you are worried, or have any of the warning "
    "signs, see a doctor or physiotherapist."
)


@dataclass(frozen=True)
class RenderOptions:
    """`patient` hides clinician sections (clinic mode, patient handouts)."""

    patient: bool = False
    image_src: ImageSource | None = None
    image_width: int = 160  # beside the steps of an exercise card
    page_image_width: int = 320  # above an exercise's own page
    exercise_steps: bool = False
    compact: bool = False  # print summary: small steps, only condition-specific cautions
    links: bool = True  # False on paper: names in bold instead of app links
    stacked: bool = False  # narrow panel: the picture above the text, not beside it


# Qt sizes headings from the document's default font (h1 twice it, h2 1.5 times, h3
# 1.2 times) and ignores a font-size given for them here; zoom and large print scale
# that font as well as the sizes below.
STYLE = """
body { font-size: 10.5pt; color: #1c2430; }
h1 { margin: 0 0 2px 0; color: #10243e; }
h2 { margin: 14px 0 4px 0; color: #10243e; }
h3 { margin: 6px 0 2px 0; }
p { margin: 2px 0 6px 0; }
ul, ol { margin-top: 2px; margin-bottom: 6px; }
li { margin-bottom: 2px; }
.aka { color: #4a5566; }
.muted { color: #5a6372; }
.small, .small a { font-size: 9pt; }
.caution { color: #7a2e00; }
.boxtitle { font-weight: bold; font-size: 11.5pt; margin: 0 0 4px 0; }
a { color: #0b5cad; }
"""


def title_and_aliases(name: str, aliases: Iterable[str]) -> str:
    """The heading of a page: its name, and the other names it goes by."""
    out = f"<h1>{esc(name)}</h1>" if name else ""
    aliases = list(aliases)
    if aliases:
        out += f'<p class="aka">Also called: {esc(", ".join(aliases))}</p>'
    return out


# left-to-right and right-to-left overrides: text after one shows reversed ("evil" typed
# reads "live"). Content files refuse them; a handout's own words (a name, a note) print
# without them. (Embeddings and isolates, which right-to-left text uses, are kept.)
_NO_OVERRIDES = str.maketrans("", "", "\u202d\u202e")


def as_typed(text: str) -> str:
    """`text` without direction overrides: it prints in the order it was typed."""
    return text.translate(_NO_OVERRIDES)


def esc(text: object) -> str:
    return html.escape(as_typed(str(text)), quote=True)


def paragraphs(text: str | None, css: str = "") -> str:
    """Blank lines separate paragraphs; single line breaks are joined."""
    if not text:
        return ""
    attr = f' class="{css}"' if css else ""
    parts = [" ".join(p.split()) for p in re.split(r"\n\s*\n", text.strip())]
    return "".join(f"<p{attr}>{esc(p)}</p>" for p in parts if p)


NEWLINE = "\n"


def typed_paragraphs(text: str) -> str:
    """Text typed in a form (a clinician's note), with its lines and indents kept as
    typed: a list typed line by line prints as a list. Blank lines separate paragraphs."""
    parts = [p.rstrip() for p in re.split(r"\n[^\S\n]*\n", text)]
    return "".join(f'<p style="white-space: pre-wrap">{esc(p.strip(NEWLINE))}</p>'
                   for p in parts if p.strip())


def bullet_list(items: Iterable[str]) -> str:
    rows = "".join(f"<li>{esc(item)}</li>" for item in items)
    return f"<ul>{rows}</ul>" if rows else ""


def link(kind: str, entry_id: str, text: str) -> str:
    return f'<a href="hip:{kind}/{esc(entry_id)}">{esc(text)}</a>'


def badge(urgency: Urgency) -> str:
    bg, fg = URGENCY_COLOURS[urgency]
    return (f'<table cellpadding="3" cellspacing="0" style="margin:2px 0 6px 0">'
            f'<tr><td bgcolor="{bg}" style="color:{fg}; font-weight:bold">'
            f"&nbsp;{esc(urgency.label)}&nbsp;</td></tr></table>")


def box(title: str, body: str, *, border: str, background: str, colour: str) -> str:
    """A framed box that prints as one block (tables are not split by our paginator)."""
    return (f'<table width="100%" cellpadding="8" cellspacing="0" border="1" '
            f'style="border-color:{border}; border-style:solid; margin:8px 0"><tr>'
            f'<td bgcolor="{background}"><p class="boxtitle" style="color:{colour}">'
            f'{esc(title)}</p>{body}</td></tr></table>')


# A warning box's frame, background and title colours, by how urgent its advice is.
BOX_COLOURS = {"emergency": {"border": "#b3001b", "background": "#fdecee", "colour": "#8a0015"},
               "urgent": {"border": "#c25e00", "background": "#fff4e5", "colour": "#7a2e00"}}


def red_flag_box(items: Iterable[str], title: str = "See a doctor if") -> str:
    items = list(items)
    if not items:
        return ""
    return box(title, bullet_list(items), **BOX_COLOURS["emergency"])


def warning_signs_box(page: Page | None) -> str:
    """Every emergency and urgent sign on the red-flags page, each group under its
    section's heading (which says how soon to act), as one box for a take-home sheet."""
    groups = [f"<p><b>{esc(s.heading)}</b></p>{bullet_list(s.items)}"
              for s in (page.sections if page else ())
              if s.level in ("emergency", "urgent") and s.items]
    if not groups:
        return ""
    return box("See a doctor if", "".join(groups), **BOX_COLOURS["emergency"])


def dose_line(dose: Dose | None) -> str:
    return dose.describe() if dose else ""


def exercise_card(content: Content, exercise: Exercise, use: ExerciseUse | None,
                  options: RenderOptions, *, dose: Dose | None = None,
                  note: str = "", regions: Collection[str] = ()) -> str:
    """An exercise as a card: picture, name, stage, dose, steps, cautions.

    `dose` and `note` are a handout's edits; otherwise the condition's dose (`use`) or
    the exercise's default applies. `regions`: where the pain is (a condition's regions,
    a handout's); the exercise's cautions for other regions are left out.
    """
    dose = dose or (use.dose if use and use.dose else None) or exercise.dose
    meta = []
    if use is not None:
        meta.append(f"<b>Stage:</b> {esc(STAGE_LABELS[use.stage.value])}")
    if dose_line(dose):
        meta.append(f"<b>Dose:</b> {esc(dose_line(dose))}")
    title = link("exercise", exercise.id, exercise.name) if options.links else esc(exercise.name)
    head = [f"<h3>{title}</h3>", f"<p>{'<br>'.join(meta)}</p>" if meta else ""]
    if note:
        head.append(f'<p><b>Note:</b> {esc(note)}</p>')
    details = []
    if options.exercise_steps:
        css = ' class="small"' if options.compact else ""
        details.append(f"<ol{css}>" + "".join(f"<li>{esc(s)}</li>" for s in exercise.steps)
                       + "</ol>")
    cautions = [use.caution] if use and use.caution else []
    if options.exercise_steps and not options.compact:
        cautions.extend(exercise.cautions_for(regions))
    details += [f'<p class="caution small">&#9888; {esc(c)}</p>' for c in cautions]
    src = options.image_src(exercise.id) if options.image_src else None
    cell = "<td" if options.stacked else f'<td width="{options.image_width + 8}"'
    picture = (f'{cell} valign="top"><img src="{esc(src)}" width="{options.image_width}">'
               "</td>") if src else ""
    if options.compact and picture:
        # half-page print cards: the steps use the card's full width under the picture
        rows = (f'<tr>{picture}<td valign="top">{"".join(head)}</td></tr>'
                f'<tr><td colspan="2">{"".join(details)}</td></tr>')
    else:
        row = (f"{picture}</tr><tr>" if options.stacked and picture else picture)
        rows = f'<tr>{row}<td valign="top">{"".join(head + details)}</td></tr>'
    return ('<table width="100%" cellpadding="6" cellspacing="0" border="1" '
            f'style="border-color:#c9d1dc; border-style:solid; margin:4px 0">{rows}</table>')


def recovery_table(condition: Condition, across: bool = False, stacked: bool = False) -> str:
    """The recovery summary and its phases (see `recovery_phases`)."""
    recovery = condition.recovery
    if recovery is None:
        return ""
    return paragraphs(recovery.summary) + recovery_phases(condition, across, stacked)


def recovery_phases(condition: Condition, across: bool = False, stacked: bool = False) -> str:
    """The recovery phases as table rows, side by side (`across`, print), or each phase
    in one cell (`stacked`: a narrow panel or large text, where three columns would
    break words), followed by the note that their lengths are estimates."""
    phases = condition.recovery.phases if condition.recovery else ()
    if not phases:
        return ""
    if across:
        width = 100 // len(phases)
        body = "<tr>" + "".join(
            f'<td width="{width}%" valign="top"><b>{esc(p.name)}</b><br>'
            f'<span class="muted">{_weeks(p.weeks_min, p.weeks_max)}</span><br>'
            f'<span class="small">{esc(p.description or "")}</span></td>'
            for p in phases) + "</tr>"
    elif stacked:
        body = "".join(f"<tr><td><b>{esc(p.name)}</b> &middot; "
                       '<span style="white-space: nowrap">'
                       f"{_weeks(p.weeks_min, p.weeks_max)}</span><br>"
                       f"{esc(p.description or '')}</td></tr>" for p in phases)
    else:
        # what happens gets most of the width (Qt shared it about equally, so a long
        # description wrapped a word or two to a line); how long never wraps
        body = ('<tr><th align="left" width="22%">Phase</th><th align="left">How long</th>'
                '<th align="left" width="58%">What happens</th></tr>' + "".join(
                    f"<tr><td><b>{esc(p.name)}</b></td>"
                    f"<td nowrap>{_weeks(p.weeks_min, p.weeks_max)}</td>"
                    f"<td>{esc(p.description or '')}</td></tr>" for p in phases))
    return ('<table width="100%" cellpadding="4" cellspacing="0" border="1" '
            f'style="border-color:#c9d1dc; border-style:solid">{body}</table>'
            f'<p class="muted small">{esc(PHASE_LENGTHS_NOTE)}</p>')


def _weeks(low: int, high: int) -> str:
    if low == high:
        return f"about {low} week{'s' * (low != 1)}"
    return f"{low}&ndash;{high} weeks"


def references(content: Content, ids: Iterable[str], compact: bool = False) -> str:
    """A numbered list; `compact` (print) runs them on as one small paragraph."""
    if compact:
        runs = [f"[{n}] {esc(content.references[r].citation)}"
                for n, r in enumerate((r for r in ids if r in content.references), 1)]
        return f'<p class="small">{" ".join(runs)}</p>' if runs else ""
    rows = []
    for ref_id in ids:
        ref = content.references.get(ref_id)
        if ref is None:
            continue
        text = esc(ref.citation)
        if ref.url:
            text += f' <a href="{esc(ref.url)}">{esc(ref.url)}</a>'
        # the class on a span: on the <li> Qt makes only the link small, not the text
        rows.append(f'<li><span class="small">{text}</span></li>')
    return f"<ol>{''.join(rows)}</ol>" if rows else ""


@dataclass(frozen=True)
class Block:
    """A piece of a page that print keeps whole; `keep_with_next` glues a heading to
    what follows it, `keep_with_previous` an ending (a review date) to what precedes it."""

    html: str
    keep_with_next: bool = False
    splittable: bool = False
    keep_with_previous: bool = False


def condition_blocks(content: Content, condition: Condition,
                     options: RenderOptions | None = None, *, title: bool = True) -> list[Block]:
    """The whole condition, in reading order, as blocks; the panel joins them."""
    o = options or RenderOptions()
    blocks = opening_blocks(content, condition, title)
    blocks += sectioned("Symptoms", [bullet_list(condition.symptoms)])
    blocks += sectioned("What makes it worse", [bullet_list(condition.aggravating)])
    blocks += treatment_sections(content, condition)
    blocks += sectioned("Exercises", [
        exercise_card(content, content.exercises[use.exercise], use, o,
                      regions=(condition.main_region,))
        for use in condition.exercises if use.exercise in content.exercises])
    blocks += sectioned("Typical recovery", [recovery_table(condition, stacked=o.stacked)])
    blocks += sectioned("Prevention", [bullet_list(condition.prevention)])
    if not o.patient and condition.clinician:
        notes = condition.clinician
        parts = []
        if notes.exam:
            parts.append("<h3>Examination</h3>" + bullet_list(notes.exam))
        if notes.differential:
            parts.append("<h3>Differential diagnosis</h3>" + paragraphs(notes.differential))
        blocks += sectioned("For clinicians", parts)
    blocks += sectioned("References", [references(content, condition.references)])
    blocks.append(Block(reviewed_line(condition)))
    return [b for b in blocks if b.html]


def opening_blocks(content: Content, condition: Condition, title: bool = True) -> list[Block]:
    """A condition's opening, on screen and on paper: its name, where it hurts and how
    urgent it is; its summary; its warning signs (each left out if it has none)."""
    head = [title_and_aliases(condition.name if title else "", condition.aliases)]
    regions = ", ".join(content.region_name(r) for r in condition.regions)
    head.append(f'<p class="muted">Where it hurts: {esc(regions)}</p>')
    head.append(badge(condition.urgency))
    blocks = [Block("".join(head), keep_with_next=True),
              Block(paragraphs(condition.summary)),
              Block(red_flag_box(condition.red_flags))]
    return [b for b in blocks if b.html]


def reviewed_line(condition: Condition) -> str:
    return f'<p class="muted small">Last reviewed {condition.reviewed:%d %B %Y}.</p>'


def sectioned(heading: str, parts: list[str], splittable: bool = False) -> list[Block]:
    """A heading kept with the first of its parts; nothing at all if parts are empty.

    `splittable` parts are running text that may continue on the next page (never
    cards or table rows)."""
    parts = [p for p in parts if p]
    if not parts:
        return []
    return [Block(f"<h2>{esc(heading)}</h2>", keep_with_next=True)] + [
        Block(p, splittable=splittable) for p in parts]


def summary_blocks(content: Content, condition: Condition, options: RenderOptions,
                   max_exercises: int = 2) -> list[Block]:
    """The printed one-to-two page summary: the panel's building blocks, condensed.

    Symptoms sit beside what makes them worse; exercise cards come two to a row, the
    earliest stages first (the handout builder prints any number of them).
    """
    blocks = opening_blocks(content, condition)
    columns = [f'<td width="50%" valign="top"><h2>{heading}</h2>{bullet_list(items)}</td>'
               for heading, items in (("Symptoms", condition.symptoms),
                                      ("What makes it worse", condition.aggravating)) if items]
    if columns:
        blocks.append(Block('<table width="100%" cellspacing="0" cellpadding="0"><tr>'
                            f'{"".join(columns)}</tr></table>'))
    blocks += treatment_sections(content, condition, options.links, splittable=True,
                                 compact=True)
    stages = ["early", "middle", "late", "maintenance"]
    ordered = sorted((u for u in condition.exercises if u.exercise in content.exercises),
                     key=lambda u: stages.index(u.stage.value))
    uses, more = ordered[:max_exercises], len(ordered) > max_exercises
    cards = [exercise_card(content, content.exercises[u.exercise], u, options) for u in uses]
    # "2 of 7", and where the rest are: not missing, a handout away (no line longer)
    title = (f"Exercises ({len(uses)} of {len(ordered)}; all {len(ordered)} are in Hip "
             "Explorer)") if more else "Exercises"
    blocks += sectioned(title, pairs(cards))
    recovery = condition.recovery
    if recovery is not None:  # the text may run on to the next page; the table stays whole
        blocks += sectioned("Typical recovery", [paragraphs(recovery.summary)], splittable=True)
        table = recovery_phases(condition, across=True)
        blocks += [Block(table, keep_with_previous=True)] if table else []
    # the ending (the recovery phases, the references, the review date) is kept with what
    # precedes it: never a page of its own with only a line or two on it
    refs = references(content, condition.references, compact=True)
    if refs:
        blocks.append(Block(refs.replace('<p class="small">', '<p class="small"><b>References:'
                                         '</b> ', 1), splittable=True, keep_with_previous=True))
    blocks.append(Block(reviewed_line(condition), keep_with_previous=True))
    return blocks


def pairs(parts: list[str]) -> list[str]:
    """Parts two to a row (a row is one block, never split across pages)."""
    return [
        '<table width="100%" cellspacing="0" cellpadding="3"><tr>'
        + "".join(f'<td width="50%" valign="top">{p}</td>' for p in parts[i:i + 2])
        + ("<td></td>" if len(parts[i:i + 2]) == 1 else "") + "</tr></table>"
        for i in range(0, len(parts), 2)
    ]


def condition_html(content: Content, condition: Condition,
                   options: RenderOptions | None = None, *, title: bool = True) -> str:
    """The condition for the detail panel: the same blocks print uses, joined."""
    return "".join(b.html for b in condition_blocks(content, condition, options, title=title))


def section(heading: str, body: str) -> str:
    return f"<h2>{esc(heading)}</h2>{body}" if body else ""


def treatment_sections(content: Content, condition: Condition, links: bool = True,
                       splittable: bool = False, compact: bool = False) -> list[Block]:
    """What helps, then what the guidelines advise against for this condition (on a
    `compact` printed summary, a list with the names run into the notes)."""
    against = treatment_parts(content, condition, links, recommended=False, compact=compact)
    return (sectioned("What helps", treatment_parts(content, condition, links), splittable)
            + sectioned(NOT_RECOMMENDED, [f"<ul>{''.join(against)}</ul>"] if compact and against
                        else against, splittable))


def treatment_parts(content: Content, condition: Condition, links: bool = True,
                    recommended: bool = True, compact: bool = False) -> list[str]:
    """One part per treatment (the recommended ones, or those advised against): name,
    condition-specific note and caution; `compact`: a list item, the name run in."""
    out = []
    for use in condition.treatments:
        treatment = content.treatments.get(use.treatment)
        if treatment is None or use.recommended != recommended:
            continue
        name = link("treatment", treatment.id, treatment.name) if links else esc(treatment.name)
        caution = f'&#9888; {esc(" ".join(use.caution.split()))}' if use.caution else ""
        if compact:
            note = esc(" ".join((use.note or "").split()))
            said = " ".join(filter(None, (note, caution and f'<span class="caution">{caution}'
                                                           "</span>")))
            out.append(f"<li><b>{name}</b>{': ' + said if said else ''}</li>")
            continue
        part = f"<h3>{name}</h3>" + paragraphs(use.note)
        if caution:
            part += f'<p class="caution">{caution}</p>'
        out.append(part)
    return out


def exercise_html(content: Content, exercise: Exercise,
                  options: RenderOptions | None = None) -> str:
    o = options or RenderOptions()
    out = [title_and_aliases(exercise.name, exercise.aliases)]
    src = o.image_src(exercise.id) if o.image_src else None
    if src:
        out.append(f'<p><img src="{esc(src)}" width="{o.page_image_width}"></p>')
    out.append(paragraphs(exercise.purpose))
    if dose_line(exercise.dose):  # `dose: {}` says nothing: no line
        out.append(f"<p><b>Usual dose:</b> {esc(dose_line(exercise.dose))}</p>")
    out.append(section("How to do it",
                       "<ol>" + "".join(f"<li>{esc(s)}</li>" for s in exercise.steps) + "</ol>"))
    out.append(section("Make it harder", paragraphs(exercise.progression)))
    out.append(section("Make it easier", paragraphs(exercise.regression)))
    out.append(section("Take care", bullet_list(exercise.cautions_for())))
    used_by = [c for c in content.conditions.values()
               if exercise.id in (u.exercise for u in c.exercises)]
    out.append(used_for_and_references(content, used_by, exercise.references))
    return "".join(out)


def condition_links(heading: str, conditions: list[Condition]) -> str:
    rows = "".join(f"<li>{link('condition', c.id, c.name)}</li>" for c in conditions)
    return section(heading, f"<ul>{rows}</ul>" if rows else "")


def used_for_and_references(content: Content, conditions: list[Condition],
                            reference_ids: Iterable[str],
                            advised_against: list[Condition] | None = None) -> str:
    """The end of an exercise or treatment page: links to the conditions it is used
    for (and those it is not recommended for), then its references."""
    return (condition_links("Used for", conditions)
            + condition_links("Not recommended for", advised_against or [])
            + section("References", references(content, reference_ids)))


def treatment_html(content: Content, treatment: Treatment) -> str:
    out = [title_and_aliases(treatment.name, treatment.aliases)]
    out.append(section("What it is", paragraphs(treatment.what)))
    out.append(section("When it helps", paragraphs(treatment.helps_when)))
    out.append(section("Cautions", bullet_list(treatment.cautions)))
    out.append(section("Evidence", paragraphs(treatment.evidence)))
    def listing(recommended: bool) -> list[Condition]:
        return [c for c in content.conditions.values()
                if any(u.treatment == treatment.id and u.recommended == recommended
                       for u in c.treatments)]

    out.append(used_for_and_references(content, listing(True), treatment.references,
                                       listing(False)))
    return "".join(out)


def page_html(content: Content, page: Page) -> str:
    out = [f"<h1>{esc(page.title)}</h1>", paragraphs(page.intro)]
    for s in page.sections:
        body = paragraphs(s.text) + bullet_list(s.items)
        if s.level in BOX_COLOURS:
            out.append(box(s.heading, body, **BOX_COLOURS[s.level]))
        else:
            out.append(section(s.heading, body))
    out.append(section("References", references(content, page.references)))
    return "".join(out)


def scale_font_sizes(css: str, factor: float) -> str:
    """Every `font-size: Npt` in `css` times `factor` (the panel's text size)."""
    return re.sub(r"font-size:\s*([\d.]+)pt",
                  lambda size: f"font-size: {float(size[1]) * factor:.2f}pt", css)


def document(body: str, extra_style: str = "", scale: float = 1.0) -> str:
    style = STYLE + extra_style
    if scale != 1.0:
        style = scale_font_sizes(style, scale)
    return f"<html><head><style>{style}</style></head><body>{body}</body></html>"
