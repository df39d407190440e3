"""The options grids in the exports: a Markdown table and an HTML table per condition (fields
as rows, options as columns), then each option's sources with their links whole. Pure: the
decision in, text out; every content string escaped."""

from __future__ import annotations

import html

from exotour.content.sources import markdown_citation
from exotour.decision import OPTION_FIELDS, Condition, Decision
from exotour.i18n import N_, _
from exotour.model import Tour
from exotour.render.citations import html_citation, md_link
from exotour.safe_markdown import literal

# What every grid says of itself: facts side by side, never a ranking.
ABOUT_IT = N_("About it:")
WITHOUT_TREATMENT = N_("Without treatment:")
SOURCES = N_("Sources:")
GRID_NOTE = N_("Options side by side, from the sources; not a ranking or advice.")


def options_for(name: str) -> str:
    """The heading of a condition's grid: 'Options for NAME'."""
    # TRANSLATORS: {condition} is a condition's name from the tour, e.g. "Skin and hair".
    return _("Options for {condition}").format(condition=name)


def markdown_condition(
    condition: Condition, level: str = "###", *, sources: bool = True, language: str = "en"
) -> list[str]:
    """One condition's grid in Markdown; with SOURCES, each option's sources after it, dated in
    the words of a tour in LANGUAGE."""
    options = condition.options
    out = [
        f"{level} {options_for(literal(condition.name))}",
        "",
        f"*{_(GRID_NOTE)}*",
        "",
        f"**{_(ABOUT_IT)}** {literal(condition.about)}",
        "",
        f"**{_(WITHOUT_TREATMENT)}** {literal(condition.without_treatment)}",
        "",
        "| | " + " | ".join(f"**{literal(o.name)}**" for o in options) + " |",
        "| --- " * (len(options) + 1) + "|",
    ]
    for name, label in OPTION_FIELDS:
        cells = " | ".join(literal(o.field_text(name)) for o in options)
        out.append(f"| **{_(label)}** | {cells} |")
    out.append("")
    if not sources:
        return out
    out += [_(SOURCES), ""]
    for option in options:
        for source in option.sources:
            line = f"- {literal(option.name)}: {markdown_citation(source, literal, language)}"
            out.append(f"{line} {md_link(source.link)}" if source.link else line)
    return [*out, ""]


def markdown_grids(decision: Decision, language: str = "en") -> list[str]:
    out: list[str] = []
    for condition in decision.conditions:
        out += markdown_condition(condition, language=language)
    return out


def html_condition(
    condition: Condition, level: str = "h3", *, sources: bool = True, language: str = "en"
) -> str:
    """One condition's grid in HTML; with SOURCES, each option's sources after it."""
    e = html.escape
    options = condition.options
    parts = [
        '<section class="options-grid">',
        f"<{level}>{e(options_for(condition.name))}</{level}>",
        f'<p class="grid-note">{e(_(GRID_NOTE))}</p>',
        f"<p><strong>{e(_(ABOUT_IT))}</strong> {e(condition.about)}</p>",
        f"<p><strong>{e(_(WITHOUT_TREATMENT))}</strong> {e(condition.without_treatment)}</p>",
        "<table>",
        "<thead><tr><td></td>"
        + "".join(f'<th scope="col">{e(o.name)}</th>' for o in options)
        + "</tr></thead>",
        "<tbody>",
    ]
    for name, label in OPTION_FIELDS:
        cells = "".join(f"<td>{e(o.field_text(name))}</td>" for o in options)
        parts.append(f'<tr><th scope="row">{e(_(label))}</th>{cells}</tr>')
    parts += ["</tbody>", "</table>"]
    if not sources:
        return "\n".join([*parts, "</section>"])
    parts += [f'<p class="grid-sources"><strong>{e(_(SOURCES))}</strong></p>', "<ul>"]
    for option in options:
        for source in option.sources:
            parts.append(f"<li>{e(option.name)}: {html_citation(source, language)}</li>")
    parts += ["</ul>", "</section>"]
    return "\n".join(parts)


def html_grids(decision: Decision, language: str = "en") -> str:
    return "\n".join(html_condition(c, language=language) for c in decision.conditions)


GRID_CSS = """
table { border-collapse: collapse; width: 100%; margin: 1em 0; font-size: 0.9em; }
th, td { border: 1px solid #999; padding: 0.3em 0.5em; vertical-align: top; text-align: left; }
.grid-note { font-style: italic; }
@media print { .options-grid table { break-inside: auto; } tr { break-inside: avoid; } }
""".strip()


def grid_css(tour: Tour) -> str:
    """The options grid's style, for a tour that draws one; else nothing."""
    grids = tour.decision is not None and any(s.options_grid for s in tour.sections)
    return f"\n{GRID_CSS}" if grids else ""
