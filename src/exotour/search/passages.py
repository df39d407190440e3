"""A tour as the rows of its index: each passage of a section (a paragraph, a list, an evidence
note) beside the section's title, keywords and takeaway, and each glossary entry.

Passages come from markdown-it's tokens, the parser Rich renders the body with, so a passage
holds the words the reader sees: no `**`, no link targets, no hard break's backslash. The parser
is linear in the body's length, but makes a token of each character of a run of `_`, `*`, `[`
(about 13 us each: 12 s for 900 KB of underscores), so a long run is parsed as one placeholder
character and put back in the text afterwards (see _mask). Everything else is one pass.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING

from exotour.search.hits import Kind
from exotour.search.query import clean

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.token import Token

    from exotour.model import Section, Source, Tour

ITEM_SEPARATOR = " • "
# Inline tokens whose text the reader does not see as words: raw HTML is not rendered.
_UNSEEN = frozenset({"html_inline", "html_block"})


@lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    from markdown_it import MarkdownIt

    # As rich.markdown parses: CommonMark with strikethrough and tables.
    return MarkdownIt("commonmark").enable(["strikethrough", "table"])


def inline_words(tokens: Sequence[Token]) -> str:
    """The words an inline token's CHILDREN show: text and code as written, breaks as spaces,
    an image as its alternative text; markup and raw HTML dropped."""
    parts: list[str] = []
    for token in tokens:
        if token.type in ("text", "code_inline"):
            parts.append(token.content)
        elif token.type in ("softbreak", "hardbreak"):
            parts.append(" ")
        elif token.type == "image":
            parts.append(inline_words(token.children or ()))
    return "".join(parts)


# A run of one of these characters at least this long is parsed as a placeholder (see _mask).
LONG_RUN = 32
_RUN_CHARS = "_*~[!<"
# One plain repeat a character (a back reference is checked character by character: slower).
_RUN = re.compile("|".join(f"{re.escape(char)}{{{LONG_RUN},}}" for char in _RUN_CHARS))
# Characters markdown-it may make a token of each, and how many a body may hold before its
# passages are read without it: at some 50 us a token, a bound of about a second.
_TOKEN_CHARS = "_*~[]!<`\\&\n"
MOST_TOKENS = 20_000
_BLANK_LINE = re.compile(r"\n[ \t]*\n")
# Placeholders: a private-use character, the run's number, another. A body that already holds
# the first is not masked (it parses slower, but right).
_OPEN_RUN, _CLOSE_RUN = "\ue000", "\ue001"
_PLACEHOLDER = re.compile(f"{_OPEN_RUN}(\\d+){_CLOSE_RUN}")


def _mask(body: str) -> tuple[str, list[str]]:
    """BODY with each long run of a delimiter character (but its last, which may still open or
    close a link or emphasis) as a placeholder, and the runs in order.

    A run is kept where it is Markdown syntax rather than text: a line of nothing else (a
    rule), or `~` that starts a line (a fence)."""
    if _OPEN_RUN in body or not any(char * LONG_RUN in body for char in _RUN_CHARS):
        return body, []
    runs: list[str] = []
    pure: dict[int, bool] = {}  # by line start: whether the line is one character and spaces

    def line_is_only(char: str, start: int) -> bool:
        line_start = body.rfind("\n", 0, start) + 1
        if line_start not in pure:
            line_end = body.find("\n", start)
            line = body[line_start : len(body) if line_end < 0 else line_end]
            pure[line_start] = not line.replace(char, "").strip()
        return pure[line_start]

    def replace(match: re.Match[str]) -> str:
        run = match.group()
        char = run[0]
        line_start = body.rfind("\n", 0, match.start()) + 1
        if line_is_only(char, match.start()) or (
            char == "~" and not body[line_start : match.start()].strip()
        ):
            return run
        runs.append(run[:-1])
        return f"{_OPEN_RUN}{len(runs) - 1}{_CLOSE_RUN}{char}"

    return _RUN.sub(replace, body), runs


def _unmask(text: str, runs: Sequence[str]) -> str:
    if not runs or _OPEN_RUN not in text:
        return text
    return _PLACEHOLDER.sub(
        lambda m: runs[int(m.group(1))] if int(m.group(1)) < len(runs) else "", text
    )


@dataclass
class _Passages:
    """The walk over a body's block tokens, gathering passages."""

    passages: list[tuple[Kind, str]]
    runs: list[str]  # the long runs _mask took out, to put back
    headings: list[str] = field(default_factory=list)  # those not yet joined to a passage
    depth: int = 0  # of lists and tables, one inside another
    items: list[list[str]] | None = None  # the items of the list or table being read

    def add(self, kind: Kind, text: str) -> None:
        text = clean(_unmask(text, self.runs))
        if self.headings:  # a heading belongs to what follows it (joined once: no quadratic join)
            heading = clean(" ".join(self.headings))
            self.headings.clear()
            text = f"{heading}: {text}" if text and heading else heading or text
        if text:
            self.passages.append((kind, text))

    def words(self, text: str) -> None:
        """TEXT of a paragraph, a code block or a table cell, wherever it stands."""
        if self.items is not None:
            if not self.items:
                self.items.append([])
            self.items[-1].append(text)
        else:
            self.add("paragraph", text)


# Blocks read as one passage of items: a list (an item each) and a table (a row each).
_GROUP_OPEN = {"bullet_list_open": "list", "ordered_list_open": "list", "table_open": "table"}
_GROUP_CLOSE = frozenset({"bullet_list_close", "ordered_list_close", "table_close"})
_ITEM_OPEN = frozenset({"list_item_open", "tr_open"})


def markdown_passages(body: str) -> list[tuple[Kind, str]]:
    """A Markdown body as passages: each paragraph, list or table, a heading joined to what
    follows it."""
    masked, runs = _mask(body)
    if sum(masked.count(char) for char in _TOKEN_CHARS) > MOST_TOKENS:
        # Too much markup to parse in bounded time (validate should refuse such a body): its
        # paragraphs as written. The words are the same; only the snippets show the markup.
        texts = (clean(part) for part in _BLANK_LINE.split(body))
        return [("paragraph", text) for text in texts if text]
    walk = _Passages([], runs=runs)
    in_heading = False
    group: Kind = "list"
    for token in _parser().parse(masked):
        kind = token.type
        if kind == "heading_open":
            in_heading = True
        elif kind == "heading_close":
            in_heading = False
        elif kind in _GROUP_OPEN:
            if walk.depth == 0:
                walk.items = []
                group = "list" if _GROUP_OPEN[kind] == "list" else "paragraph"
            walk.depth += 1
        elif kind in _GROUP_CLOSE:
            walk.depth -= 1
            if walk.depth == 0 and walk.items is not None:
                items = [" ".join(part for part in item if part.strip()) for item in walk.items]
                walk.items = None
                walk.add(group, ITEM_SEPARATOR.join(item for item in items if item))
        elif kind in _ITEM_OPEN and walk.items is not None:
            walk.items.append([])
        elif kind == "inline":
            text = inline_words(token.children or ())
            if in_heading:
                walk.headings.append(text)
            else:
                walk.words(text)
        elif kind in ("fence", "code_block"):
            walk.words(token.content)
    if walk.headings:
        walk.add("paragraph", "")
    return walk.passages


@dataclass(frozen=True)
class Row:
    """One row of the index."""

    kind: Kind
    section: int | None  # the section's index from 0; None for a glossary entry
    passage: int  # the passage's index within its section, from 0
    ref: str  # the section id, or the glossary term
    title: str
    keywords: str
    takeaway: str
    text: str


def section_rows(index: int, section: Section, language: str = "en") -> Iterator[Row]:
    """SECTION's rows; its notes' sources labelled and dated in LANGUAGE, its tour's (the
    index is cached: never in the reader's)."""
    from exotour.content.tour_words import words_for

    keywords = clean(", ".join(section.keywords))
    title, takeaway = clean(section.title), clean(section.takeaway)
    parts: list[tuple[Kind, str]] = markdown_passages(section.body)
    label = words_for(language).title  # "Sources", as the generated section is called
    for note in section.evidence:
        sources = " ".join(_citation(s, language) for s in note.sources)
        parts.append(("note", clean(f"{note.text} {label}: {sources}" if sources else note.text)))
    if not parts:  # a section with an empty body can still be found by its title
        parts.append(("paragraph", ""))
    for number, (kind, text) in enumerate(parts):
        yield Row(kind, index, number, section.id, title, keywords, takeaway, text)


def _citation(source: Source, language: str) -> str:
    """Source.label, dated in LANGUAGE."""
    from exotour.content.sources import source_date

    date = source_date(source, language)
    return ", ".join(text for text, _ in source.parts()) + (f" ({date})." if date else ".")


def tour_rows(tour: Tour) -> Iterator[Row]:
    """Every row of TOUR's index: the passages of each section, then the glossary."""
    for index, section in enumerate(tour.sections):
        yield from section_rows(index, section, tour.language)
    for entry in tour.glossary:
        aliases = clean(", ".join(entry.aliases))
        term = clean(entry.term)
        yield Row("glossary", None, 0, entry.term, term, aliases, "", clean(entry.definition))
