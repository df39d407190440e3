"""The one-page handout of `exotour decide --output`: the decision, the reader's answers (or
blanks to fill in by hand), the options grid for their condition, the questions to ask with room
for the answers, how to check an IND and report a harm, the sources and the date.

HTML is made to print on one A4 or Letter page (print CSS, small type); Markdown carries the same
content. Pure: every content string escaped, every link whole, nothing loaded from elsewhere."""

from __future__ import annotations

import datetime
import html
import math

from exotour.content.sources import checked_on, markdown_citation
from exotour.decision import FIELD_NAMES, Condition
from exotour.i18n import N_, _
from exotour.model import Source, Tour, day_month_year
from exotour.render.citations import html_citation, md_link
from exotour.render.grid_document import html_condition, markdown_condition
from exotour.safe_markdown import literal
from exotour.worksheet import MAX_RATING, SURE_ITEMS, Worksheet

TITLE = N_("My decision worksheet")  # translated where written, as every word here
GRID_ROOM = 6300  # the characters of grid text one landscape page holds beside the rest
BLANK = "_" * 24
CHECKED, EMPTY = "☒", "☐"

_CSS = """
@page { size: landscape; margin: 5mm; }
* { box-sizing: border-box; }
body { font: 5.3pt/1.14 system-ui, "Helvetica Neue", Arial, sans-serif; color: #000;
       margin: 0 auto; max-width: 285mm; }
h1 { font-size: 10pt; margin: 0; }
h2 { font-size: 6.8pt; margin: 1.2mm 0 0.4mm; border-bottom: 0.4pt solid #888; }
p, ul, ol { margin: 0.3mm 0; }
ul, ol { padding-left: 3.6mm; }
.meta, .grid-note, .small { font-size: 5.3pt; color: #222; }
.sources { font-size: 4.4pt; line-height: 1.1; color: #222; text-align: justify; }
.columns { column-count: 4; column-gap: 3mm; }
.columns h2 { break-after: avoid; }
.columns table, .columns li { break-inside: avoid; }
table { border-collapse: collapse; width: 100%; margin: 0.4mm 0; }
th, td { border: 0.4pt solid #888; padding: 0.2mm 0.6mm; vertical-align: top; text-align: left; }
.options-grid table { font-size: 4.7pt; line-height: 1.08; }
.options-grid h3, .options-grid .grid-note { display: none; }
.options-grid p { margin: 0.2mm 0; }
.mark { white-space: nowrap; }
.answer { display: block; border-bottom: 0.4pt solid #999; height: 2.4mm; }
a { color: inherit; text-decoration: none; word-break: break-all; }
@media print { body { max-width: none; } }
""".strip()


def _sources(tour: Tour, sheet: Worksheet) -> list[Source]:
    """Every source the page cites, once each, in the order they appear."""
    condition = sheet.condition
    found: list[Source] = []
    groups = [o.sources for o in condition.options] if condition is not None else []
    groups += [q.sources for q in sheet.decision.questions]
    groups += [c.sources for c in sheet.decision.checks]
    for group in groups:
        found += [source for source in group if source not in found]
    return found


def _checked_line(tour: Tour, today: str) -> str:
    checked = f" {checked_on(tour.sources_checked, tour.language)}" if tour.sources_checked else ""
    printed = _("From {title}, printed {date}.").format(
        title=tour.title, date=day_month_year(today)
    )
    return f"{printed}{checked} {tour.disclaimer}"


def _yes_no(value: bool | None) -> str:
    """The two boxes of a SURE answer: '☒ yes ☐ no'."""
    return _("{yes} yes {no} no").format(yes=_box(value, True), no=_box(value, False))


# The handout's headings, numbered as the steps of `exotour decide`.
QUESTION = N_("Question")
BEFORE = N_("Before")
AFTER = N_("After")
ANSWER = N_("Answer:")
DECISION = N_("1. The decision")
SURE = N_("2 and 6. SURE, before and after")
MATTERS = N_("4. What matters to me (0 not at all, 5 very much)")
NEXT_STEP = N_("My next step")
QUESTIONS = N_("5. Questions to ask the clinic")
OPTIONS = N_("3. My options side by side")
SOURCES = N_("Sources")
CONDITION = N_("Condition:")
BY_WHEN = N_("By when:")


def _box(value: bool | None, want: bool) -> str:
    return CHECKED if value is want else EMPTY


def _rating_marks(rating: int | None) -> str:
    return "  ".join(f"[{n}]" if n == rating else str(n) for n in range(MAX_RATING + 1))


def to_html(tour: Tour, sheet: Worksheet, today: str) -> str:
    e = html.escape
    condition = sheet.condition
    given = sheet.given
    parts = [
        "<!DOCTYPE html>",
        f'<html lang="{e(tour.language)}">',  # the tour's, as the export's
        '<head>\n<meta charset="utf-8">',
        f"<title>{e(_(TITLE))}</title>",
        f"<style>\n{_CSS}\n</style>\n</head>",
        "<body>",
        f"<h1>{e(_(TITLE))}</h1>",
        f'<p class="meta">{e(_checked_line(tour, today))}</p>',
        '<div class="columns">',
        f"<h2>{e(_(DECISION))}</h2>",
        f"<p>{e(sheet.decision.decision)}</p>",
        f"<p><strong>{e(_(CONDITION))}</strong> {_html_condition_line(sheet, condition)}</p>",
        f"<p><strong>{e(_(BY_WHEN))}</strong> {_html_blank(given.get('by-when'))}</p>",
        f"<h2>{e(_(SURE))}</h2>",
        f'<table>\n<thead><tr><th scope="col">{e(_(QUESTION))}</th>'
        f'<th scope="col">{e(_(BEFORE))}</th>'
        f'<th scope="col">{e(_(AFTER))}</th></tr></thead>\n<tbody>',
    ]
    before, after = sheet.sure("sure"), sheet.sure("again")
    for number, item in enumerate(SURE_ITEMS):
        marks = [_yes_no(answers[number]) for answers in (before, after)]
        cells = "".join(f'<td class="mark">{e(mark)}</td>' for mark in marks)
        parts.append(f"<tr><td>{e(_(item))}</td>{cells}</tr>")
    low = _(
        "A score of 3 or less (one point a yes) may mean you are not yet sure; "
        "talk it through with a clinician you trust (Légaré et al. 2010)."
    )
    parts += [
        "</tbody>\n</table>",
        f'<p class="small">{e(low)}</p>',
        f"<h2>{e(_(MATTERS))}</h2>",
        "<table>\n<tbody>",
    ]
    for factor, rating in sheet.ratings():
        parts.append(f"<tr><td>{e(factor.label)}</td><td>{e(_rating_marks(rating))}</td></tr>")
    parts += ["</tbody>\n</table>", f"<h2>{e(_(NEXT_STEP))}</h2>"]
    parts.append(f"<p>{_html_blank(given.get('next-step'))}</p>")
    for check in sheet.decision.checks:
        steps = " ".join(f"{n}. {e(step)}" for n, step in enumerate(check.steps, start=1))
        parts.append(f"<h2>{e(check.title)}</h2>\n<p>{steps}</p>")
    parts += [f"<h2>{e(_(QUESTIONS))}</h2>", "<ol>"]
    for question in sheet.decision.questions:
        parts.append(f'<li>{e(question.text)}<span class="answer"></span></li>')
    parts += ["</ol>", "</div>", f"<h2>{e(_(OPTIONS))}</h2>"]
    if condition is not None:
        zoom = _grid_zoom(condition)
        parts.append(f'<div style="zoom: {zoom:.2f}">' if zoom < 1 else "<div>")
        parts.append(html_condition(condition, sources=False))  # the page lists them once
        parts.append("</div>")
    else:
        parts.append(_html_all_conditions(sheet))
    sources = enumerate(_sources(tour, sheet), start=1)
    cited = (f"[{n}] {html_citation(s, tour.language)}" for n, s in sources)
    parts += [f"<h2>{e(_(SOURCES))}</h2>", f'<p class="sources">{" ".join(cited)}</p>']
    parts += ["</body>", "</html>"]
    return "\n".join(parts) + "\n"


def _grid_zoom(condition: Condition) -> float:
    """How much to shrink a grid that holds more text than one page has room for beside the
    rest (as the area of type goes with the square of its size)."""
    chars = sum(
        len(o.field_text(name)) + len(o.name) for o in condition.options for name in FIELD_NAMES
    )
    return min(1.0, math.sqrt(GRID_ROOM / max(chars, 1)))


def _html_blank(value: str | None) -> str:
    return html.escape(value) if value else '<span class="answer"></span>'


def _html_condition_line(sheet: Worksheet, condition: Condition | None) -> str:
    if condition is not None:
        return html.escape(condition.name)
    names = (f"{EMPTY} {html.escape(c.name)}" for c in sheet.decision.conditions)
    return " ".join(names)


def _html_all_conditions(sheet: Worksheet) -> str:
    """With no condition chosen: each condition and the names of its options."""
    e = html.escape
    rows = [
        f"<li><strong>{e(c.name)}:</strong> {e('; '.join(o.name for o in c.options))}</li>"
        for c in sheet.decision.conditions
    ]
    note = _("Choose a condition in 'exotour decide' to see its options side by side.")
    return f'<p class="small">{e(note)}</p>\n<ul>\n' + "\n".join(rows) + "\n</ul>"


def markdown(tour: Tour, sheet: Worksheet, today: str) -> str:
    condition = sheet.condition
    given = sheet.given
    chosen = (
        condition.name
        if condition is not None
        else " / ".join(f"{EMPTY} {c.name}" for c in sheet.decision.conditions)
    )
    out = [
        f"# {_(TITLE)}",
        "",
        f"*{literal(_checked_line(tour, today))}*",
        "",
        f"## {_(DECISION)}",
        "",
        literal(sheet.decision.decision),
        "",
        f"- **{_(CONDITION)}** {literal(chosen)}",
        f"- **{_(BY_WHEN)}** {literal(given.get('by-when') or BLANK)}",
        "",
        f"## {_(SURE)}",
        "",
        f"| {_(QUESTION)} | {_(BEFORE)} | {_(AFTER)} |",
        "| --- | --- | --- |",
    ]
    before, after = sheet.sure("sure"), sheet.sure("again")
    for number, item in enumerate(SURE_ITEMS):
        marks = [_yes_no(answers[number]) for answers in (before, after)]
        out.append(f"| {literal(_(item))} | {marks[0]} | {marks[1]} |")
    out += ["", f"## {_(MATTERS)}", ""]
    for factor, rating in sheet.ratings():
        out.append(f"- {literal(factor.label)}: {literal(_rating_marks(rating))}")
    out += ["", f"## {_(OPTIONS)}", ""]
    if condition is not None:
        out += markdown_condition(condition, level="###", sources=False)
    else:
        for c in sheet.decision.conditions:
            out.append(f"- **{literal(c.name)}:** {literal('; '.join(o.name for o in c.options))}")
        out.append("")
    out += [f"## {_(QUESTIONS)}", ""]
    for number, question in enumerate(sheet.decision.questions, start=1):
        out += [f"{number}. {literal(question.text)}", f"   {_(ANSWER)} {BLANK}"]
    for check in sheet.decision.checks:
        out += ["", f"**{literal(check.title)}:**", ""]
        out += [f"{n}. {literal(step)}" for n, step in enumerate(check.steps, start=1)]
    out += [
        "",
        f"## {_(NEXT_STEP)}",
        "",
        literal(given.get("next-step") or BLANK),
        "",
        f"## {_(SOURCES)}",
        "",
    ]
    for source in _sources(tour, sheet):
        line = f"- {markdown_citation(source, literal, tour.language)}"
        out.append(f"{line} {md_link(source.link)}" if source.link else line)
    return "\n".join(out) + "\n"


def handout(tour: Tour, sheet: Worksheet, fmt: str, today: str | None = None) -> str:
    """The handout in FMT (html or markdown), dated TODAY (YYYY-MM-DD; default: today)."""
    day = today or datetime.date.today().isoformat()
    return to_html(tour, sheet, day) if fmt == "html" else markdown(tour, sheet, day)
