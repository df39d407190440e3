"""The tour as immutable data: what the loader builds and every other module reads."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from exotour.errors import UnknownSectionError


@dataclass(frozen=True)
class Source:
    """One cited source of an evidence note."""

    author: str
    title: str
    year: int
    url: str | None = None
    doi: str | None = None

    @property
    def link(self) -> str:
        """The URL, or the DOI as a resolvable link."""
        if self.url:
            return self.url
        return f"https://doi.org/{self.doi}" if self.doi else ""

    def citation(self) -> str:
        return f"{self.author}, {self.title} ({self.year}). {self.link}".strip()


@dataclass(frozen=True)
class EvidenceNote:
    """What regulators or scientific societies say, as of a date, with sources."""

    text: str
    as_of: str
    sources: tuple[Source, ...]


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

    @property
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
    sources_checked: str | None = None  # YYYY-MM-DD: when the cited sources were last checked
    content_dir: Path | None = field(default=None, compare=False)
    fingerprint: str = field(default="", compare=False)

    def __post_init__(self) -> None:
        if not self.sections:
            raise ValueError("a tour needs at least one section")
        ids = [s.id for s in self.sections]
        if len(set(ids)) != len(ids):
            raise ValueError("section ids must be unique")

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
                names = ", ".join(ids[i] for i in starts)
                raise UnknownSectionError(
                    f"section '{ref}' is ambiguous: it could be {names}",
                    hint="type more of the title, or use the id or number",
                )
        from exotour.suggest import close_words  # only for a SECTION that names none

        close = close_words(wanted, ids, limit=3, cutoff=0.5)
        hint = f"did you mean {' or '.join(close)}? " if close else ""
        raise UnknownSectionError(
            f"no section '{ref}'",
            hint=f"{hint}valid sections: 1-{len(ids)} or {', '.join(ids)}",
        )
