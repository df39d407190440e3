"""The tour as immutable data: what the loader builds and every other module reads."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from exotour.errors import UnknownSectionError
from exotour.later import Later, is_given

if TYPE_CHECKING:
    from exotour.decision import About, Decision

# The language of a tour that does not say (tour.yaml's `language`), as a BCP 47 tag.
DEFAULT_LANGUAGE = "en"


def day_month_year(date: str, language: str | None = None) -> str:
    """'2026-12-06' as '6 Dec 2026' ('6 dic 2026' in Spanish), which no reader can take for 12
    June; DATE as it is when it is not YYYY-MM-DD. In LANGUAGE, else the interface's."""
    from exotour.localdates import short_date

    return short_date(date, language)


def _checked(date: str, language: str | None) -> str:
    from exotour.i18n import N_
    from exotour.localdates import translated

    # TRANSLATORS: a web page's copy, stored by the tour's authors, was checked on {date}.
    checked = translated(N_("stored copy checked {date}"), language)
    return checked.format(date=day_month_year(date, language))


def _undated(language: str | None) -> str:
    from exotour.i18n import N_
    from exotour.localdates import translated

    # TRANSLATORS: said of a source or a web page that gives no date of its own.
    return translated(N_("undated"), language)


@dataclass(frozen=True)
class Source:
    """One cited source of an evidence note, as the evidence gives it and no more.

    A paper may have no title (one that could not be checked is left out), a web page no
    author (then its reference or publisher leads) and no year (then `accessed` dates it), and a
    source given only by its reference (a warning letter's number, a report's date) no link.
    """

    author: str | None = None
    title: str | None = None
    year: int | None = None
    url: str | None = None
    doi: str | None = None
    reference: str | None = None  # a journal citation or a document number, never a title
    accessed: str | None = None  # YYYY-MM-DD: when an undated page was checked

    def __post_init__(self) -> None:
        if not (self.author or self.title or self.reference):
            raise ValueError("a source needs an author, a title or a reference")
        if self.year is None and not self.accessed:
            raise ValueError("a source needs a year, or the date an undated page was checked")
        if not (self.url or self.doi or self.reference):
            raise ValueError("a source without a link needs a reference")

    @property
    def link(self) -> str:
        """The URL, or the DOI as a resolvable link; empty for a source given without one."""
        if self.url:
            return self.url
        return f"https://doi.org/{self.doi}" if self.doi else ""

    @property
    def date(self) -> str:
        """'2019', or for an undated page 'undated; stored copy checked 6 Dec 2026' (the check
        was of a stored copy, never of the live page); empty where the reference already gives
        the year ('Cell 2019;177:428'), which need not be said twice. In the interface language."""
        return self.dated()

    def dated(self, language: str | None = None) -> str:
        """`date` in LANGUAGE (a generated section speaks its tour's language)."""
        if self.year is None:
            return f"{_undated(language)}; {_checked(self.accessed or '', language)}"
        if self.accessed:
            return f"{self.year}; {_checked(self.accessed, language)}"
        return "" if self.reference and str(self.year) in self.reference else str(self.year)

    def parts(self) -> tuple[tuple[str, bool], ...]:
        """The citation's names in order, each with whether it is a title: the author, the
        title, the reference. Every drawing of a source reads this and `ending`, so that a title
        alone is ever set as one."""
        named = ((self.author, False), (self.title, True), (self.reference, False))
        return tuple((text, is_title) for text, is_title in named if text)

    @property
    def ending(self) -> str:
        """What follows the names: ' (2019).', or '.' where the reference gives the year."""
        return f" ({self.date})." if self.date else "."

    @property
    def label(self) -> str:
        """The citation as plain text without its link: 'A, T, R (2019).'"""
        return ", ".join(text for text, _ in self.parts()) + self.ending

    def citation(self) -> str:
        """The citation as one line of plain text: 'A, T, R (2019). LINK'."""
        return f"{self.label} {self.link}".strip()


@dataclass(frozen=True)
class EvidenceNote:
    """What regulators or scientific societies say, as of a date, with sources."""

    text: str
    as_of: str
    sources: tuple[Source, ...]

    @property
    def undated(self) -> bool:
        """Whether every source of the note is a page that gives no date."""
        return bool(self.sources) and all(source.year is None for source in self.sources)

    @property
    def when(self) -> str:
        """'as of 2019-12-09'; for an undated note 'undated; stored copy checked 6 Dec 2026',
        since a page that gives no date is never 'as of' the day its copy was read."""
        from exotour.i18n import _

        if self.undated:
            return f"{_undated(None)}; {_checked(self.as_of, None)}"
        # TRANSLATORS: an evidence note says what was known on {date} (YYYY-MM-DD).
        return _("as of {date}").format(date=self.as_of)


@dataclass(frozen=True)
class Question:
    """A multiple-choice question; `answer` is the index of the right choice, from 0."""

    question: str
    choices: tuple[str, ...]
    answer: int
    explanation: str

    def __post_init__(self) -> None:
        if not 0 <= self.answer < len(self.choices):
            raise ValueError(f"answer {self.answer} is not one of {len(self.choices)} choices")


@dataclass(frozen=True)
class Section:
    """One part of the tour."""

    id: str
    title: str
    takeaway: str
    body: str
    keywords: tuple[str, ...] = ()
    evidence: tuple[EvidenceNote, ...] = ()
    quiz: tuple[Question, ...] = ()
    added_by_tour: bool = False
    options_grid: bool = False  # the decision's options grids are drawn after the body
    gist: str = ""  # the takeaway in one short line; summary shows the title where it is empty

    @cached_property  # counted once: `sections` asks twice for each of 10,000 sections
    def word_count(self) -> int:
        notes = " ".join(note.text for note in self.evidence)
        return len(self.body.split()) + len(notes.split())

    @property
    def reading_minutes(self) -> int:
        """At about 200 words a minute, never less than one."""
        return max(1, round(self.word_count / 200))


@dataclass(frozen=True)
class GlossaryEntry:
    term: str
    definition: str
    aliases: tuple[str, ...] = ()

    @property
    def names(self) -> tuple[str, ...]:
        return (self.term, *self.aliases)


@dataclass(frozen=True)
class Tour:
    """A whole tour: its title, its sections in order, and its glossary."""

    id: str
    title: str
    subtitle: str
    disclaimer: str
    sections: tuple[Section, ...]
    glossary: tuple[GlossaryEntry, ...] = ()
    bottom_line: str = ""
    bottom_line_source: str = ""
    bottom_line_short: str = ""  # the bottom line in about two lines, its sources in it
    sources_checked: str | None = None  # YYYY-MM-DD, or first/last: when sources were checked
    language: str = DEFAULT_LANGUAGE  # BCP 47: what the tour is written in (search stems by it)
    # Made when first read (exotour.later): the tour cache decodes them only for what draws them.
    # A descriptor, shared by design (the value lives in each tour): hence the noqa.
    decision: Later[Decision] = Later()  # noqa: RUF009  # the decision aid, from decision.yaml
    about: Later[About] = Later()  # noqa: RUF009  # who made the tour, its checks and funding
    content_dir: Path | None = field(default=None, compare=False)
    fingerprint: str = field(default="", compare=False)

    def __post_init__(self) -> None:
        if not self.sections:
            raise ValueError("a tour needs at least one section")
        ids = [s.id for s in self.sections]
        if len(set(ids)) != len(ids):
            raise ValueError("section ids must be unique")

    @property
    def has_decision(self) -> bool:
        """Whether the tour has a decision aid, without decoding it (tour.decision does)."""
        return is_given(self, "decision")

    @property
    def section_ids(self) -> tuple[str, ...]:
        return tuple(s.id for s in self.sections)

    def index_of(self, section_id: str) -> int:
        return self.section_ids.index(section_id)

    def resolve(self, ref: str) -> int:
        """The index of the section that REF names: an id, a number from 1, or a title's start.

        The same rule serves every command that takes a SECTION.
        """
        wanted = ref.strip()
        ids = self.section_ids
        if wanted in ids:
            return ids.index(wanted)
        if wanted.isdigit() and 1 <= int(wanted) <= len(ids):
            return int(wanted) - 1
        folded = wanted.casefold()
        if folded:
            starts = [
                i
                for i, s in enumerate(self.sections)
                if s.title.casefold().startswith(folded) or s.id.startswith(folded)
            ]
            if len(starts) == 1:
                return starts[0]
            if len(starts) > 1:
                from exotour.i18n import _

                names = _a_few([ids[i] for i in starts])
                raise UnknownSectionError(
                    _("section '{ref}' is ambiguous: it could be {names}").format(
                        ref=ref, names=names
                    ),
                    hint=_("type more of the title, or use the id or number"),
                )
        from exotour.i18n import _
        from exotour.suggest import close_words  # only for a SECTION that names none

        close = close_words(wanted, ids, limit=3)
        # TRANSLATORS: joins the close section ids in "did you mean a or b?".
        hint = _("did you mean {ids}? ").format(ids=_(" or ").join(close)) if close else ""
        valid = _("valid sections: 1-{count} or {ids}").format(count=len(ids), ids=_a_few(ids))
        raise UnknownSectionError(_("no section '{ref}'").format(ref=ref), hint=f"{hint}{valid}")


# A hint names this many ids at most: a typo on a tour of 5,000 sections is not a page of ids.
FEW = 10


def _a_few(names: Sequence[str]) -> str:
    """NAMES joined, or the first FEW of them and how many more (`exotour sections` lists all)."""
    if len(names) <= FEW:
        return ", ".join(names)
    from exotour.i18n import ngettext

    more = ngettext(
        "{names} and {count} more (see 'sections')",
        "{names} and {count} more (see 'sections')",
        len(names) - FEW,
    )
    return more.format(names=", ".join(names[:FEW]), count=len(names) - FEW)
