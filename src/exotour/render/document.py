"""The whole tour as one document to share or print: Markdown or self-contained HTML.

Pure: strings in, a string out. Section bodies are Markdown already and stay Markdown, made safe
to publish (safe_markdown: no raw HTML, no script links, no images); every other content string
is escaped, so a bracket or an asterisk in a title prints as written. In HTML, every string is
escaped (bodies are converted with raw HTML turned off, so a tag in content shows as text), every
web address is a link, and the page loads nothing from elsewhere.
"""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

from exotour.content.sources import markdown_citation
from exotour.i18n import N_, _
from exotour.model import EvidenceNote, GlossaryEntry, Section, Tour
from exotour.render.about_document import about_html, about_markdown
from exotour.render.citations import html_citation, md_link
from exotour.render.grid_document import grid_css, html_grids, markdown_grids
from exotour.safe_markdown import (
    closed_fences,
    literal,
    neutralise,
)

if TYPE_CHECKING:
    pass

FORMATS = ("markdown", "html")
ALIASES = {"markdown": "markdown", "md": "markdown", "html": "html", "htm": "html"}
EXTENSIONS = {"markdown": (".md", ".markdown"), "html": (".html", ".htm")}
# Words the documents share (marked here, translated where written: the language is chosen
# after import).
GLOSSARY = N_("Glossary")
CONTENTS = N_("Contents")
SOURCES = N_("Sources:")
EVIDENCE = N_("What the evidence says ({when})")
ADDED = N_("Added by this tour; not part of the article.")
BOTTOM_LINE = N_("The bottom line on the evidence")


def _minutes(section: Section) -> str:
    return _("({minutes} min)").format(minutes=section.reading_minutes)


def _also(names: str) -> str:
    """' (also: NAMES)', NAMES already escaped for where it goes: the words of a catalogue are
    written as they are (the whole Markdown document is neutralised; HTML escapes them)."""
    return _(" (also: {names})").format(names=names)


def _md_note(note: EvidenceNote, language: str) -> list[str]:
    out = [f"### {_(EVIDENCE).format(when=literal(note.when))}", "", literal(note.text)]
    if note.sources:
        out += ["", _(SOURCES), ""]
        for s in note.sources:
            line = f"- {markdown_citation(s, literal, language)}"
            if s.link:
                line += f" {md_link(s.link)}"
            out.append(line)
    return [*out, ""]


def _md_section(number: int, section: Section, tour: Tour) -> list[str]:
    out = [f"## {number}. {literal(section.title)}", ""]
    if section.added_by_tour:
        out += [f"*{_(ADDED)}*", ""]
    out += [closed_fences(section.body.strip()), ""]
    if section.options_grid and tour.decision is not None:
        out += markdown_grids(tour.decision, tour.language)
    for note in section.evidence:
        out += _md_note(note, tour.language)
    return out


def _a_to_z(tour: Tour) -> list[GlossaryEntry]:
    """The glossary's terms A to Z, as `exotour glossary` lists them."""
    return sorted(tour.glossary, key=lambda entry: entry.term.casefold())


def _md_glossary(tour: Tour) -> list[str]:
    """The glossary as a list, each term in bold with the other names a reader may meet."""
    out = [f"## {_(GLOSSARY)}", ""]
    for entry in _a_to_z(tour):
        also = _also(literal(", ".join(entry.aliases))) if entry.aliases else ""
        definition = " ".join(entry.definition.split())
        out.append(f"- **{literal(entry.term)}**{also}: {literal(definition)}")
    return [*out, ""]


def markdown(tour: Tour) -> str:
    out = [f"# {literal(tour.title)}", ""]
    if tour.subtitle:
        out += [f"*{literal(tour.subtitle)}*", ""]
    out += [f"> **{literal(tour.disclaimer)}**", "", f"## {_(CONTENTS)}", ""]
    for number, s in enumerate(tour.sections, start=1):
        out.append(f"{number}. {literal(s.title)} {_minutes(s)}")
    out.append("")
    for number, section in enumerate(tour.sections, start=1):
        out += _md_section(number, section, tour)
    if tour.bottom_line:
        out += [f"## {_(BOTTOM_LINE)}", "", literal(tour.bottom_line), ""]
        if tour.bottom_line_source:
            out += [_("Source: {source}").format(source=literal(tour.bottom_line_source)), ""]
    out += about_markdown(tour)
    if tour.glossary:  # last, where a printed copy's reader looks a word up
        out += _md_glossary(tour)
    out += ["---", "", f"*{literal(tour.disclaimer)}*"]
    # The document is judged whole, as a renderer reads it, not body by body.
    return neutralise("\n".join(out) + "\n")


_CSS = """
body { font: 16px/1.5 Georgia, "Times New Roman", serif; color: #1a1a1a; background: #fff;
       max-width: 44em; margin: 2em auto; padding: 0 1em; }
h1, h2, h3 { font-family: system-ui, sans-serif; line-height: 1.2; }
h2 { margin-top: 2em; border-bottom: 1px solid #ccc; }
.subtitle { font-style: italic; }
.disclaimer { border-left: 4px solid #b35900; padding: 0.5em 1em; background: #fff4e5; }
.added { color: #6b2c91; font-style: italic; }
aside.evidence { border: 2px solid #0b6e99; border-radius: 4px; padding: 0 1em;
                 margin: 1em 0; background: #f0f8fb; }
aside.evidence h3 { color: #0b6e99; font-size: 1em; }
dt { margin-top: 0.5em; }
a { color: #0b5394; word-break: break-word; }
@media print { body { margin: 0; max-width: none; } a { color: inherit; }
               aside.evidence, .disclaimer { break-inside: avoid; } }
""".strip()


def _body_html(body: str) -> str:
    """A section's Markdown as HTML: raw HTML in content is escaped, images are not loaded, and
    a web address written out (as the Sources list writes them) is a link."""
    from exotour.render.html_parser import html_parser

    html_text: str = html_parser().render(body)
    return html_text


def _html_note(note: EvidenceNote, language: str) -> str:
    e = html.escape
    parts = [
        '<aside class="evidence">',
        f"<h3>{e(_(EVIDENCE).format(when=note.when))}</h3>",
        f"<p>{e(note.text)}</p>",
    ]
    if note.sources:
        parts.append(f"<p><strong>{e(_(SOURCES))}</strong></p>\n<ul>")
        for s in note.sources:
            parts.append(f"<li>{html_citation(s, language)}</li>")
        parts.append("</ul>")
    parts.append("</aside>")
    return "\n".join(parts)


def _html_glossary(tour: Tour) -> str:
    e = html.escape
    parts = ['<section id="glossary">', f"<h2>{e(_(GLOSSARY))}</h2>", "<dl>"]
    for entry in _a_to_z(tour):
        also = e(_also(", ".join(entry.aliases))) if entry.aliases else ""
        parts.append(f"<dt><strong>{e(entry.term)}</strong>{also}</dt>")
        parts.append(f"<dd>{e(' '.join(entry.definition.split()))}</dd>")
    parts += ["</dl>", "</section>"]
    return "\n".join(parts)


def to_html(tour: Tour) -> str:
    e = html.escape
    parts = [
        "<!DOCTYPE html>",
        f'<html lang="{e(tour.language)}">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{e(tour.title)}</title>",
        f"<style>\n{_CSS}{grid_css(tour)}\n</style>",
        "</head>",
        "<body>",
        "<main>",
        f"<h1>{e(tour.title)}</h1>",
    ]
    if tour.subtitle:
        parts.append(f'<p class="subtitle">{e(tour.subtitle)}</p>')
    parts.append(f'<p class="disclaimer"><strong>{e(tour.disclaimer)}</strong></p>')
    parts.append(f"<nav>\n<h2>{e(_(CONTENTS))}</h2>\n<ol>")
    for number, s in enumerate(tour.sections, start=1):
        parts.append(f'<li><a href="#section-{number}">{e(s.title)}</a> {e(_minutes(s))}</li>')
    parts.append("</ol>")
    if tour.glossary:
        parts.append(f'<p><a href="#glossary">{e(_(GLOSSARY))}</a></p>')
    parts.append("</nav>")
    for number, s in enumerate(tour.sections, start=1):
        parts.append(f'<section id="section-{number}">')
        parts.append(f"<h2>{number}. {e(s.title)}</h2>")
        if s.added_by_tour:
            parts.append(f'<p class="added">{e(_(ADDED))}</p>')
        parts.append(_body_html(s.body).strip())
        if s.options_grid and tour.decision is not None:
            parts.append(html_grids(tour.decision, tour.language))
        parts.extend(_html_note(note, tour.language) for note in s.evidence)
        parts.append("</section>")
    if tour.bottom_line:
        parts.append(f"<section>\n<h2>{e(_(BOTTOM_LINE))}</h2>")
        parts.append(f"<p>{e(tour.bottom_line)}</p>")
        if tour.bottom_line_source:
            source = _("Source: {source}").format(source=tour.bottom_line_source)
            parts.append(f"<p>{e(source)}</p>")
        parts.append("</section>")
    if tour.about is not None:
        parts.append(about_html(tour))
    if tour.glossary:
        parts.append(_html_glossary(tour))
    parts += [
        "</main>",
        f'<footer>\n<hr>\n<p class="disclaimer">{e(tour.disclaimer)}</p>\n</footer>',
        "</body>",
        "</html>",
    ]
    return "\n".join(parts) + "\n"


def render(tour: Tour, fmt: str) -> str:
    """The document in FMT, one of FORMATS (after ALIASES)."""
    return to_html(tour) if ALIASES[fmt] == "html" else markdown(tour)
