"""The whole tour as one document to share or print: Markdown or self-contained HTML.

Pure: strings in, a string out. Section bodies are Markdown already and go into the Markdown
document as written; every other content string is escaped, so a bracket or an asterisk in a
title prints as written. In HTML, every string is escaped (bodies are converted with raw HTML
turned off, so a tag in content shows as text), and the page loads nothing from elsewhere.
"""

from __future__ import annotations

import html
import re

from exotour.model import EvidenceNote, Section, Tour

FORMATS = ("markdown", "html")
ALIASES = {"markdown": "markdown", "md": "markdown", "html": "html", "htm": "html"}

_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|#~&])")
_MD_LIST = re.compile(r"^(\d+)([.)])|^([-+=])")


def md_text(text: str) -> str:
    """Plain text made safe inside Markdown: every character that could mark up is escaped,
    and one that would start a list or a heading at the start of a line."""
    escaped = _MD_SPECIAL.sub(r"\\\1", " ".join(text.split()))
    return _MD_LIST.sub(lambda m: f"{m[1]}\\{m[2]}" if m[1] else f"\\{m[3]}", escaped)


def _md_link(url: str) -> str:
    # An autolink cannot hold spaces or angle brackets; such a link is shown as code instead.
    if url and not re.search(r"[\s<>]", url):
        return f"<{url}>"
    return f"`{url}`" if url and "`" not in url else md_text(url)


def _md_note(note: EvidenceNote) -> list[str]:
    out = [f"### What the evidence says (as of {md_text(note.as_of)})", "", md_text(note.text)]
    if note.sources:
        out += ["", "Sources:", ""]
        for s in note.sources:
            line = f"- {md_text(s.author)}, *{md_text(s.title)}* ({s.year})."
            if s.link:
                line += f" {_md_link(s.link)}"
            out.append(line)
    return [*out, ""]


def _md_section(number: int, section: Section) -> list[str]:
    out = [f"## {number}. {md_text(section.title)}", ""]
    if section.added_by_tour:
        out += ["*Added by this tour; not part of the article.*", ""]
    out += [section.body.strip(), ""]
    for note in section.evidence:
        out += _md_note(note)
    return out


def markdown(tour: Tour) -> str:
    out = [f"# {md_text(tour.title)}", ""]
    if tour.subtitle:
        out += [f"*{md_text(tour.subtitle)}*", ""]
    out += [f"> **{md_text(tour.disclaimer)}**", "", "## Contents", ""]
    for number, s in enumerate(tour.sections, start=1):
        out.append(f"{number}. {md_text(s.title)} ({s.reading_minutes} min)")
    out.append("")
    for number, section in enumerate(tour.sections, start=1):
        out += _md_section(number, section)
    if tour.bottom_line:
        out += ["## The bottom line on the evidence", "", md_text(tour.bottom_line), ""]
        if tour.bottom_line_source:
            out += [f"Source: {md_text(tour.bottom_line_source)}", ""]
    out += ["---", "", f"*{md_text(tour.disclaimer)}*"]
    return "\n".join(out) + "\n"


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
a { color: #0b5394; word-break: break-word; }
@media print { body { margin: 0; max-width: none; } a { color: inherit; }
               aside.evidence, .disclaimer { break-inside: avoid; } }
""".strip()


def _body_html(body: str) -> str:
    """A section's Markdown as HTML: raw HTML in content is escaped, images are not loaded."""
    from markdown_it import MarkdownIt

    md = MarkdownIt("commonmark", {"html": False, "xhtmlOut": False})
    md.disable("image")  # a picture would be a resource loaded from elsewhere
    html_text: str = md.render(body)
    return html_text


def _html_note(note: EvidenceNote) -> str:
    e = html.escape
    parts = [
        '<aside class="evidence">',
        f"<h3>What the evidence says (as of {e(note.as_of)})</h3>",
        f"<p>{e(note.text)}</p>",
    ]
    if note.sources:
        parts.append("<p><strong>Sources:</strong></p>\n<ul>")
        for s in note.sources:
            item = f"{e(s.author)}, <cite>{e(s.title)}</cite> ({s.year})."
            if s.link:
                item += f' <a href="{e(s.link)}">{e(s.link)}</a>'
            parts.append(f"<li>{item}</li>")
        parts.append("</ul>")
    parts.append("</aside>")
    return "\n".join(parts)


def to_html(tour: Tour) -> str:
    e = html.escape
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{e(tour.title)}</title>",
        f"<style>\n{_CSS}\n</style>",
        "</head>",
        "<body>",
        "<main>",
        f"<h1>{e(tour.title)}</h1>",
    ]
    if tour.subtitle:
        parts.append(f'<p class="subtitle">{e(tour.subtitle)}</p>')
    parts.append(f'<p class="disclaimer"><strong>{e(tour.disclaimer)}</strong></p>')
    parts.append("<nav>\n<h2>Contents</h2>\n<ol>")
    for number, s in enumerate(tour.sections, start=1):
        parts.append(
            f'<li><a href="#section-{number}">{e(s.title)}</a> ({s.reading_minutes} min)</li>'
        )
    parts.append("</ol>\n</nav>")
    for number, s in enumerate(tour.sections, start=1):
        parts.append(f'<section id="section-{number}">')
        parts.append(f"<h2>{number}. {e(s.title)}</h2>")
        if s.added_by_tour:
            parts.append('<p class="added">Added by this tour; not part of the article.</p>')
        parts.append(_body_html(s.body).strip())
        parts.extend(_html_note(note) for note in s.evidence)
        parts.append("</section>")
    if tour.bottom_line:
        parts.append("<section>\n<h2>The bottom line on the evidence</h2>")
        parts.append(f"<p>{e(tour.bottom_line)}</p>")
        if tour.bottom_line_source:
            parts.append(f"<p>Source: {e(tour.bottom_line_source)}</p>")
        parts.append("</section>")
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
