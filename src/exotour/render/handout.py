"""The one-page handout of `exotour decide --output`: the decision, the reader's answers (or
blanks to fill in by hand), the options grid for their condition, the questions to ask with room
for the answers, how to check an IND and report a harm, the sources and the date.

HTML is made to print on one A4 or Letter page (print CSS, small type); Markdown carries the same
content. Pure: every content string escaped, every link whole, nothing loaded from elsewhere."""

from __future__ import annotations

import datetime
import html

from exotour.content.sources import markdown_citation
from exotour.decision import Condition
from exotour.model import Source, Tour
from exotour.render.citations import html_citation, md_link
from exotour.render.grid_document import html_condition, markdown_condition
from exotour.safe_markdown import literal
from exotour.worksheet import MAX_RATING, SURE_ITEMS, Worksheet

TITLE = "My decision worksheet"
BLANK = "_" * 24
CHECKED, EMPTY = "☒", "☐"

_CSS = """
@page { margin: 9mm; }
* { box-sizing: border-box; }
body { font: 7.4pt/1.25 system-ui, "Helvetica Neue", Arial, sans-serif; color: #000;
       margin: 0 auto; max-width: 190mm; }
h1 { font-size: 12pt; margin: 0 0 1mm; }
h2 { font-size: 8.6pt; margin: 2mm 0 0.8mm; border-bottom: 0.5pt solid #888; }
h3 { font-size: 8pt; margin: 1mm 0 0.5mm; }
p, ul, ol { margin: 0.5mm 0; }
ul, ol { padding-left: 4.5mm; }
.meta, .grid-note, .sources, .small { font-size: 6.2pt; color: #333; }
.columns { display: grid; grid-template-columns: 1fr 1fr; gap: 0 5mm; }
table { border-collapse: collapse; width: 100%; margin: 0.8mm 0; }
th, td { border: 0.5pt solid #888; padding: 0.4mm 1mm; vertical-align: top; text-align: left; }
.options-grid table { font-size: 6.2pt; line-height: 1.15; }
.options-grid h3 { display: none; }
.mark { white-space: nowrap; }
.answer { display: block; border-bottom: 0.5pt solid #999; height: 3.6mm; }
a { color: inherit; word-break: break-all; }
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
    checked = f"; sources checked {tour.sources_checked}" if tour.sources_checked else ""
    return f"From {tour.title}, printed {today}{checked}. {tour.disclaimer}"


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
        '<html lang="en">',
        '<head>\n<meta charset="utf-8">',
        f"<title>{e(TITLE)}</title>",
        f"<style>\n{_CSS}\n</style>\n</head>",
        "<body>",
        f"<h1>{e(TITLE)}</h1>",
        f'<p class="meta">{e(_checked_line(tour, today))}</p>',
        '<div class="columns">\n<div>',
        "<h2>1. The decision</h2>",
        f"<p>{e(sheet.decision.decision)}</p>",
        f"<p><strong>Condition:</strong> {_html_condition_line(sheet, condition)}</p>",
        f"<p><strong>By when:</strong> {_html_blank(given.get('by-when'))}</p>",
        "<h2>2 and 6. SURE, before and after</h2>",
        '<table>\n<thead><tr><th scope="col">Question</th><th scope="col">Before</th>'
        '<th scope="col">After</th></tr></thead>\n<tbody>',
    ]
    before, after = sheet.sure("sure"), sheet.sure("again")
    for number, item in enumerate(SURE_ITEMS):
        marks = [
            f"{_box(answers[number], True)} yes {_box(answers[number], False)} no"
            for answers in (before, after)
        ]
        cells = "".join(f'<td class="mark">{mark}</td>' for mark in marks)
        parts.append(f"<tr><td>{e(item)}</td>{cells}</tr>")
    parts += [
        "</tbody>\n</table>",
        '<p class="small">A score of 3 or less (one point a yes) may mean you are not yet sure; '
        "talk it through with a clinician you trust (Légaré et al. 2010).</p>",
        "<h2>4. What matters to me (0 not at all, 5 very much)</h2>",
        "<table>\n<tbody>",
    ]
    for factor, rating in sheet.ratings():
        parts.append(f"<tr><td>{e(factor.label)}</td><td>{e(_rating_marks(rating))}</td></tr>")
    parts += ["</tbody>\n</table>", "</div>\n<div>", "<h2>5. Questions to ask the clinic</h2>"]
    parts.append("<ol>")
    for question in sheet.decision.questions:
        parts.append(f'<li>{e(question.text)}<span class="answer"></span></li>')
    parts.append("</ol>")
    for check in sheet.decision.checks:
        steps = " ".join(f"{n}. {e(step)}" for n, step in enumerate(check.steps, start=1))
        parts.append(f"<p><strong>{e(check.title)}:</strong> {steps}</p>")
    parts += [
        "<h2>My next step</h2>",
        f"<p>{_html_blank(given.get('next-step'))}</p>",
        "</div>\n</div>",
        "<h2>3. My options side by side</h2>",
    ]
    if condition is not None:
        parts.append(html_condition(condition, sources=False))  # the page lists them once
    else:
        parts.append(_html_all_conditions(sheet))
    parts.append('<h2>Sources</h2>\n<ol class="sources">')
    parts += [f"<li>{html_citation(source)}</li>" for source in _sources(tour, sheet)]
    parts += ["</ol>", "</body>", "</html>"]
    return "\n".join(parts) + "\n"


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
    note = "Choose a condition in 'exotour decide' to see its options side by side."
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
        f"# {TITLE}",
        "",
        f"*{literal(_checked_line(tour, today))}*",
        "",
        "## 1. The decision",
        "",
        literal(sheet.decision.decision),
        "",
        f"- **Condition:** {literal(chosen)}",
        f"- **By when:** {literal(given.get('by-when') or BLANK)}",
        "",
        "## 2 and 6. SURE, before and after",
        "",
        "| Question | Before | After |",
        "| --- | --- | --- |",
    ]
    before, after = sheet.sure("sure"), sheet.sure("again")
    for number, item in enumerate(SURE_ITEMS):
        marks = [
            f"{_box(answers[number], True)} yes {_box(answers[number], False)} no"
            for answers in (before, after)
        ]
        out.append(f"| {literal(item)} | {marks[0]} | {marks[1]} |")
    out += ["", "## 4. What matters to me (0 not at all, 5 very much)", ""]
    for factor, rating in sheet.ratings():
        out.append(f"- {literal(factor.label)}: {literal(_rating_marks(rating))}")
    out += ["", "## 3. My options side by side", ""]
    if condition is not None:
        out += markdown_condition(condition, level="###", sources=False)
    else:
        for c in sheet.decision.conditions:
            out.append(f"- **{literal(c.name)}:** {literal('; '.join(o.name for o in c.options))}")
        out.append("")
    out += ["## 5. Questions to ask the clinic", ""]
    for number, question in enumerate(sheet.decision.questions, start=1):
        out += [f"{number}. {literal(question.text)}", f"   Answer: {BLANK}"]
    for check in sheet.decision.checks:
        out += ["", f"**{literal(check.title)}:**", ""]
        out += [f"{n}. {literal(step)}" for n, step in enumerate(check.steps, start=1)]
    out += [
        "",
        "## My next step",
        "",
        literal(given.get("next-step") or BLANK),
        "",
        "## Sources",
        "",
    ]
    for source in _sources(tour, sheet):
        line = f"- {markdown_citation(source, literal)}"
        out.append(f"{line} {md_link(source.link)}" if source.link else line)
    return "\n".join(out) + "\n"


def handout(tour: Tour, sheet: Worksheet, fmt: str, today: str | None = None) -> str:
    """The handout in FMT (html or markdown), dated TODAY (YYYY-MM-DD; default: today)."""
    day = today or datetime.date.today().isoformat()
    return to_html(tour, sheet, day) if fmt == "html" else markdown(tour, sheet, day)
