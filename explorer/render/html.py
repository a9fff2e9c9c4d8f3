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
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from explorer.model import Condition, Content, Exercise, Page, Treatment
from explorer.model.entities import Dose, ExerciseUse, Urgency

ImageSource = Callable[[str], str | None]

URGENCY_COLOURS = {  # background, text: readable and distinct in grey too
    Urgency.ROUTINE: ("#e3eef8", "#0b3d66"),
    Urgency.SOON: ("#fff1c2", "#5c4300"),
    Urgency.URGENT: ("#ffd9b3", "#7a2e00"),
    Urgency.EMERGENCY: ("#b3001b", "#ffffff"),
}
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
    image_width: int = 160
    exercise_steps: bool = False
    side: str = "right"


STYLE = """
body { font-size: 10.5pt; color: #1c2430; }
h1 { font-size: 17pt; margin: 0 0 2px 0; color: #10243e; }
h2 { font-size: 12.5pt; margin: 14px 0 4px 0; color: #10243e; }
h3 { font-size: 11pt; margin: 6px 0 2px 0; }
p { margin: 2px 0 6px 0; }
ul, ol { margin-top: 2px; margin-bottom: 6px; }
li { margin-bottom: 2px; }
.aka { color: #4a5566; }
.muted { color: #5a6372; }
.small { font-size: 9pt; }
.caution { color: #7a2e00; }
a { color: #0b5cad; }
"""


def esc(text: object) -> str:
    return html.escape(str(text), quote=True)


def paragraphs(text: str | None, css: str = "") -> str:
    """Blank lines separate paragraphs; single line breaks are joined."""
    if not text:
        return ""
    attr = f' class="{css}"' if css else ""
    parts = [" ".join(p.split()) for p in re.split(r"\n\s*\n", text.strip())]
    return "".join(f"<p{attr}>{esc(p)}</p>" for p in parts if p)


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
            f'<td bgcolor="{background}"><p style="font-weight:bold; color:{colour}; '
            f'font-size:11.5pt; margin:0 0 4px 0">{esc(title)}</p>{body}</td></tr></table>')


def red_flag_box(items: Iterable[str], title: str = "See a doctor if") -> str:
    items = list(items)
    if not items:
        return ""
    return box(title, bullet_list(items), border="#b3001b", background="#fdecee",
               colour="#8a0015")


def dose_line(dose: Dose | None) -> str:
    return dose.describe() if dose else ""


def exercise_card(content: Content, exercise: Exercise, use: ExerciseUse | None,
                  options: RenderOptions) -> str:
    """An exercise as a card: picture, name, stage, dose, steps, cautions."""
    dose = (use.dose if use and use.dose else None) or exercise.dose
    meta = []
    if use is not None:
        meta.append(f"<b>Stage:</b> {esc(STAGE_LABELS[use.stage.value])}")
    if dose_line(dose):
        meta.append(f"<b>Dose:</b> {esc(dose_line(dose))}")
    body = [f"<h3>{link('exercise', exercise.id, exercise.name)}</h3>",
            f"<p>{'<br>'.join(meta)}</p>" if meta else ""]
    if options.exercise_steps:
        body.append("<ol>" + "".join(f"<li>{esc(s)}</li>" for s in exercise.steps) + "</ol>")
    cautions = [use.caution] if use and use.caution else []
    if options.exercise_steps:
        cautions.extend(exercise.cautions)
    if cautions:
        body.append("".join(f'<p class="caution small">&#9888; {esc(c)}</p>' for c in cautions))
    src = options.image_src(exercise.id) if options.image_src else None
    picture = (f'<td width="{options.image_width + 8}" valign="top">'
               f'<img src="{esc(src)}" width="{options.image_width}"></td>') if src else ""
    return ('<table width="100%" cellpadding="6" cellspacing="0" border="1" '
            'style="border-color:#c9d1dc; border-style:solid; margin:4px 0">'
            f'<tr>{picture}<td valign="top">{"".join(body)}</td></tr></table>')


def recovery_table(condition: Condition) -> str:
    recovery = condition.recovery
    if recovery is None:
        return ""
    rows = "".join(
        f"<tr><td><b>{esc(p.name)}</b></td><td>{_weeks(p.weeks_min, p.weeks_max)}</td>"
        f"<td>{esc(p.description or '')}</td></tr>" for p in recovery.phases
    )
    table = (f'<table width="100%" cellpadding="4" cellspacing="0" border="1" '
             f'style="border-color:#c9d1dc; border-style:solid">'
             f'<tr><th align="left">Phase</th><th align="left">How long</th>'
             f'<th align="left">What happens</th></tr>{rows}</table>') if rows else ""
    return paragraphs(recovery.summary) + table


def _weeks(low: int, high: int) -> str:
    if low == high:
        return f"about {low} week{'s' * (low != 1)}"
    return f"{low}&ndash;{high} weeks"


def references(content: Content, ids: Iterable[str]) -> str:
    rows = []
    for ref_id in ids:
        ref = content.references.get(ref_id)
        if ref is None:
            continue
        text = esc(ref.citation)
        if ref.url:
            text += f' <a href="{esc(ref.url)}">{esc(ref.url)}</a>'
        rows.append(f'<li class="small">{text}</li>')
    return f"<ol>{''.join(rows)}</ol>" if rows else ""


def condition_html(content: Content, condition: Condition,
                   options: RenderOptions | None = None, *, title: bool = True) -> str:
    """The whole condition, in reading order; the panel and the summary print use it."""
    o = options or RenderOptions()
    out = []
    if title:
        out.append(f"<h1>{esc(condition.name)}</h1>")
    if condition.aliases:
        out.append(f'<p class="aka">Also called: {esc(", ".join(condition.aliases))}</p>')
    regions = ", ".join(content.region_name(r) for r in condition.regions)
    out.append(f'<p class="muted">Where it hurts: {esc(regions)}</p>')
    out.append(badge(condition.urgency))
    out.append(paragraphs(condition.summary))
    out.append(red_flag_box(condition.red_flags))
    out.append(section("Symptoms", bullet_list(condition.symptoms)))
    out.append(section("What makes it worse", bullet_list(condition.aggravating)))
    out.append(section("What helps", treatments_html(content, condition)))
    cards = [exercise_card(content, content.exercises[use.exercise], use, o)
             for use in condition.exercises if use.exercise in content.exercises]
    out.append(section("Exercises", "".join(cards)))
    out.append(section("Typical recovery", recovery_table(condition)))
    out.append(section("Prevention", bullet_list(condition.prevention)))
    if not o.patient and condition.clinician:
        notes = condition.clinician
        body = ""
        if notes.exam:
            body += "<h3>Examination</h3>" + bullet_list(notes.exam)
        if notes.differential:
            body += "<h3>Differential diagnosis</h3>" + paragraphs(notes.differential)
        out.append(section("For clinicians", body))
    out.append(section("References", references(content, condition.references)))
    out.append(f'<p class="muted small">Last reviewed {condition.reviewed:%d %B %Y}.</p>')
    return "".join(out)


def section(heading: str, body: str) -> str:
    return f"<h2>{esc(heading)}</h2>{body}" if body else ""


def treatments_html(content: Content, condition: Condition) -> str:
    out = []
    for use in condition.treatments:
        treatment = content.treatments.get(use.treatment)
        if treatment is None:
            continue
        out.append(f"<h3>{link('treatment', treatment.id, treatment.name)}</h3>")
        out.append(paragraphs(use.note))
        if use.caution:
            out.append(f'<p class="caution">&#9888; {esc(" ".join(use.caution.split()))}</p>')
    return "".join(out)


def exercise_html(content: Content, exercise: Exercise,
                  options: RenderOptions | None = None) -> str:
    o = options or RenderOptions()
    out = [f"<h1>{esc(exercise.name)}</h1>"]
    if exercise.aliases:
        out.append(f'<p class="aka">Also called: {esc(", ".join(exercise.aliases))}</p>')
    src = o.image_src(exercise.id) if o.image_src else None
    if src:
        out.append(f'<p><img src="{esc(src)}" width="{max(o.image_width, 320)}"></p>')
    out.append(paragraphs(exercise.purpose))
    out.append(f"<p><b>Usual dose:</b> {esc(dose_line(exercise.dose))}</p>")
    out.append(section("How to do it",
                       "<ol>" + "".join(f"<li>{esc(s)}</li>" for s in exercise.steps) + "</ol>"))
    out.append(section("Make it harder", paragraphs(exercise.progression)))
    out.append(section("Make it easier", paragraphs(exercise.regression)))
    out.append(section("Take care", bullet_list(exercise.cautions)))
    used_by = [c for c in content.conditions.values()
               if any(u.exercise == exercise.id for u in c.exercises)]
    out.append(section("Used for", bullet_list_links("condition", used_by)))
    out.append(section("References", references(content, exercise.references)))
    return "".join(out)


def bullet_list_links(kind: str, entries: Iterable[Condition | Treatment]) -> str:
    rows = "".join(f"<li>{link(kind, e.id, e.name)}</li>" for e in entries)
    return f"<ul>{rows}</ul>" if rows else ""


def treatment_html(content: Content, treatment: Treatment) -> str:
    out = [f"<h1>{esc(treatment.name)}</h1>"]
    if treatment.aliases:
        out.append(f'<p class="aka">Also called: {esc(", ".join(treatment.aliases))}</p>')
    out.append(section("What it is", paragraphs(treatment.what)))
    out.append(section("When it helps", paragraphs(treatment.helps_when)))
    out.append(section("Cautions", bullet_list(treatment.cautions)))
    out.append(section("Evidence", paragraphs(treatment.evidence)))
    used_by = [c for c in content.conditions.values()
               if any(u.treatment == treatment.id for u in c.treatments)]
    out.append(section("Used for", bullet_list_links("condition", used_by)))
    out.append(section("References", references(content, treatment.references)))
    return "".join(out)


def page_html(content: Content, page: Page) -> str:
    out = [f"<h1>{esc(page.title)}</h1>", paragraphs(page.intro)]
    for s in page.sections:
        body = paragraphs(s.text) + bullet_list(s.items)
        if s.level in ("emergency", "urgent"):
            colours = ("#b3001b", "#fdecee", "#8a0015") if s.level == "emergency" else (
                "#c25e00", "#fff4e5", "#7a2e00")
            out.append(box(s.heading, body, border=colours[0], background=colours[1],
                           colour=colours[2]))
        else:
            out.append(section(s.heading, body))
    out.append(section("References", references(content, page.references)))
    return "".join(out)


def document(body: str, extra_style: str = "") -> str:
    return (f'<html><head><style>{STYLE}{extra_style}</style></head>'
            f"<body>{body}</body></html>")
