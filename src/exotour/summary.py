"""The gist of a tour as data: one takeaway per section, the article's own summary, the bottom
line; and its two forms that are not drawn, JSON and Markdown (render/summary.py draws it).

Pure: nothing here prints or reads files.
"""

from __future__ import annotations

import re
from typing import Any, NamedTuple

from exotour.i18n import N_
from exotour.model import Tour

# The section whose body is the article's own overall summary, when the tour has one.
OVERALL_ID = "summary"
# The version of `summary --json`'s shape: raised when a key changes meaning or goes away.
# Headings of the Markdown form, translated where written.
KEY_LINES = N_("Each section in one line")
TAKEAWAYS = N_("One takeaway per section")
JSON_FORMAT = 1


# NamedTuples, not dataclasses: a third of the import time, paid by every `summary`.
class Takeaway(NamedTuple):
    number: int
    id: str
    title: str
    takeaway: str
    added_by_tour: bool
    prefix: str = "exotour"  # how the commands begin: `exotour --content DIR` for another tour
    gist: str = ""  # the takeaway in one short line, where the tour gives one

    @property
    def command(self) -> str:
        return f"{self.prefix} learn {self.id}"

    @property
    def key_line(self) -> str:
        """The section in one line: its gist, or its title where it has none."""
        return self.gist or self.title


class Overall(NamedTuple):
    """The article's own summary: a section's Markdown body."""

    number: int
    id: str
    title: str
    body: str

    @property
    def paragraphs(self) -> tuple[str, ...]:
        return tuple(p.strip() for p in re.split(r"\n\s*\n", self.body) if p.strip())


class Summary(NamedTuple):
    title: str
    subtitle: str
    disclaimer: str
    takeaways: tuple[Takeaway, ...]
    overall: Overall | None
    bottom_line: str
    bottom_line_source: str
    prefix: str = "exotour"  # how the commands begin, as in Takeaway
    decide: bool = False  # whether the tour has a decision aid (`exotour decide`)


def build(tour: Tour, prefix: str = "exotour") -> Summary:
    """The summary of TOUR; the commands it names begin with PREFIX."""
    from exotour.content.sources import is_sources_section

    # The generated list of sources has no takeaway of its own to give: it is left out.
    takeaways = tuple(
        Takeaway(number, s.id, s.title, s.takeaway, s.added_by_tour, prefix, s.gist)
        for number, s in enumerate(tour.sections, start=1)
        if not is_sources_section(s)
    )
    overall = None
    if OVERALL_ID in tour.section_ids:
        index = tour.index_of(OVERALL_ID)
        section = tour.sections[index]
        overall = Overall(index + 1, section.id, section.title, section.body.strip())
    return Summary(
        tour.title,
        tour.subtitle,
        tour.disclaimer,
        takeaways,
        overall,
        tour.bottom_line,
        tour.bottom_line_source,
        prefix,
        decide=tour.has_decision,
    )


def to_json(summary: Summary) -> dict[str, Any]:
    """The same data as the screen, as one JSON object (the overall summary in full)."""
    overall = summary.overall
    return {
        "format": JSON_FORMAT,
        "title": summary.title,
        "subtitle": summary.subtitle,
        "disclaimer": summary.disclaimer,
        "takeaways": [
            {
                "number": t.number,
                "id": t.id,
                "title": t.title,
                "takeaway": t.takeaway,
                "gist": t.gist or None,
                "added_by_tour": t.added_by_tour,
                "command": t.command,
            }
            for t in summary.takeaways
        ],
        "overall_summary": None
        if overall is None
        else {
            "number": overall.number,
            "id": overall.id,
            "title": overall.title,
            "markdown": overall.body,
        },
        "bottom_line": {"text": summary.bottom_line, "source": summary.bottom_line_source},
    }


def to_markdown(summary: Summary) -> str:
    """A Markdown document that reads well on a code-hosting site, safe wherever it is shown."""
    from exotour.i18n import _
    from exotour.safe_markdown import closed_fences, literal, neutralise  # only --markdown

    title = _("{title} (summary)").format(title=literal(summary.title))
    out = [f"# {title}", ""]
    if summary.subtitle:
        out += [f"*{literal(summary.subtitle)}*", ""]
    out += [f"> **{literal(summary.disclaimer)}**", ""]
    if summary.bottom_line:  # the answer first
        heading = _("The bottom line on the evidence")
        out += [f"## {heading}", "", literal(summary.bottom_line), ""]
        if summary.bottom_line_source:
            out += [_("Source: {source}").format(source=literal(summary.bottom_line_source)), ""]
    if any(t.gist for t in summary.takeaways):  # the key lines, as the one-screen summary
        out += [f"## {_(KEY_LINES)}", ""]
        out += [f"{t.number}. {literal(t.key_line)}" for t in summary.takeaways] + [""]
    out += [f"## {_(TAKEAWAYS)}", ""]
    for t in summary.takeaways:
        out.append(f"{t.number}. **{literal(t.title)}** (`{t.command}`): {literal(t.takeaway)}")
    if summary.overall is not None:
        overall = _("The article's own summary (section {number})")
        out += ["", f"## {overall.format(number=summary.overall.number)}", ""]
        out += [closed_fences(summary.overall.body)]
    return neutralise("\n".join(out) + "\n")  # judged whole, as a renderer reads it
