"""Every source the evidence notes cite, once, and the "Sources" section generated from them.

The section is built from the notes rather than written by hand, so it can never miss a source or
list one twice; the loader appends it after the tour's own sections, in the tour's language
(content.tour_words).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import NamedTuple

from exotour.content.tour_words import ENGLISH, WORDS, words_for
from exotour.localdates import short_date
from exotour.model import Section, Source
from exotour.text import escape_markdown

SECTION_ID = "sources"
TITLE = ENGLISH.title
TAKEAWAY = ENGLISH.takeaway
KEYWORDS = ENGLISH.keywords


# A NamedTuple, not a dataclass: it costs a third of the import time, on every command.
class Cited(NamedTuple):
    """A source and the sections (indexes from 0) whose notes cite it, in tour order."""

    source: Source
    sections: tuple[int, ...]


def markdown_citation(
    source: Source, escape: Callable[[str], str] = escape_markdown, language: str = "en"
) -> str:
    """SOURCE's citation without its link, as Markdown: the title alone in italics, each part
    passed through ESCAPE, e.g. `FDA, *Public Safety Notification on Exosome Products* (2019).`
    Its date in LANGUAGE's words, the tour's."""
    shown = [f"*{escape(text)}*" if is_title else escape(text) for text, is_title in source.parts()]
    date = source_date(source, language)
    return ", ".join(shown) + (f" ({escape(date)})." if date else ".")


def source_date(source: Source, language: str = "en") -> str:
    """SOURCE's date (Source.date) in the words of a tour in LANGUAGE: a stored copy's check
    is dated in them."""
    words = words_for(language)
    if words is ENGLISH or not source.accessed:
        # Never the interface's language (Source.date): this is kept in the content cache.
        return source.dated("en")
    checked = short_date(source.accessed, language)
    if source.year is None:
        return words.undated.format(date=checked)
    return words.dated.format(year=source.year, date=checked)


def _key(source: Source) -> tuple[str, ...]:
    """Two notes cite the same source when they give the same link (or, lacking one, the same
    author, title, reference and date); the case of a DOI or URL does not matter."""
    if source.link:
        return (source.link.casefold().rstrip("/"),)
    return (*(text.casefold() for text, _ in source.parts()), source.dated("en"))


def cited(sections: Sequence[Section]) -> tuple[Cited, ...]:
    """Every source of every evidence note, once, in the order the tour first cites it."""
    order: list[tuple[str, ...]] = []
    found: dict[tuple[str, ...], tuple[Source, list[int]]] = {}
    for index, section in enumerate(sections):
        for note in section.evidence:
            for source in note.sources:
                key = _key(source)
                if key not in found:
                    order.append(key)
                    found[key] = (source, [])
                where = found[key][1]
                if index not in where:
                    where.append(index)
    return tuple(Cited(found[key][0], tuple(found[key][1])) for key in order)


def collect(sections: Sequence[Section]) -> tuple[Source, ...]:
    """The sources alone, each once, in order of first appearance."""
    return tuple(entry.source for entry in cited(sections))


def _days(dates: str, language: str) -> str:
    """DATES (YYYY-MM-DD, or first/last) in words: '6 Dec 2026', '1-6 Dec 2026',
    '28 Nov-6 Dec 2026'; what the two days share is said once."""
    first, _, last = dates.partition("/")
    if not last or last == first:
        return short_date(first, language)
    start, end = short_date(first, language).split(" "), short_date(last, language)
    if first[:7] == last[:7]:
        return f"{start[0]}-{end}"
    if first[:4] == last[:4]:
        return f"{start[0]} {start[1]}-{end}"
    return f"{' '.join(start)}-{end}"


def checked_on(dates: str, language: str = "en") -> str:
    """The sentence that dates the sources: DATES (YYYY-MM-DD, or first/last) in words, in the
    words of a tour in LANGUAGE. A check is of the copy the checker read, which may since have
    changed: the reader is sent to the sources' own sites."""
    return words_for(language).checked.format(days=_days(dates, language))


def cited_in(indexes: Sequence[int], language: str = "en") -> str:
    """'Cited in section 2.', 'Cited in sections 1, 2 and 5.': the sections at INDEXES (from 0)
    that cite a source, in the words of a tour in LANGUAGE."""
    words = words_for(language)
    numbers = [str(i + 1) for i in indexes]
    if len(numbers) == 1:
        where = words.one_section.format(number=numbers[0])
    else:
        where = words.sections.format(numbers=", ".join(numbers[:-1]), last=numbers[-1])
    return words.cited_in.format(where=where)


def sources_body(
    sections: Sequence[Section], checked: str | None = None, language: str = "en"
) -> str:
    """The Markdown list of every source: its citation, its link (a source may have none) and
    the sections citing it; first, when CHECKED (YYYY-MM-DD) is given, the date the sources were
    last checked. In the words of a tour in LANGUAGE."""
    entries = cited(sections)
    lines = [checked_on(checked, language), ""] if checked else []
    lines += [words_for(language).opening, ""]
    for number, entry in enumerate(entries, start=1):
        source = entry.source
        lines.append(f"{number}. {markdown_citation(source, language=language)}\\")
        if source.link:
            lines.append(f"   {escape_markdown(source.link)}\\")
        lines.append(f"   {cited_in(entry.sections, language)}")
    return "\n".join(lines) + "\n"


def _free_id(sections: Sequence[Section]) -> str:
    """'sources', unless a tour already has a section with that id."""
    taken = {section.id for section in sections}
    candidate, n = SECTION_ID, 2
    while candidate in taken:
        candidate, n = f"{SECTION_ID}-{n}", n + 1
    return candidate


def sources_section(
    sections: Sequence[Section], checked: str | None = None, language: str = "en"
) -> Section:
    """The closing "Sources" section for a tour made of SECTIONS in LANGUAGE, dated when
    CHECKED is given."""
    words = words_for(language)
    return Section(
        id=_free_id(sections),
        title=words.title,
        takeaway=words.takeaway,
        body=sources_body(sections, checked, language),
        keywords=words.keywords,
        added_by_tour=True,
    )


def is_sources_section(section: Section) -> bool:
    """Whether SECTION is the one sources_section generated, in whichever language."""
    return section.added_by_tour and any(
        section.title == words.title and section.takeaway == words.takeaway
        for words in WORDS.values()
    )
