"""A hit: one passage that matched, where its matches are, and the command that opens it."""

from __future__ import annotations

from typing import Literal, NamedTuple

from exotour.search.snippets import SNIPPET_CHARS, Span, excerpt

# What a row of the index is: a passage of a section's body or notes, or a glossary entry.
Kind = Literal["paragraph", "list", "note", "glossary"]
Field = Literal["text", "takeaway", "keywords"]


# A NamedTuple, not a dataclass: it costs a third of the import time, on every command.
class Hit(NamedTuple):
    """One passage that matched, with where the matches are, best hits first."""

    kind: Kind
    section: int | None  # the section's index from 0; None for a glossary entry
    passage: int
    id: str  # the section id, or the glossary term
    title: str
    title_spans: tuple[Span, ...]
    text: str  # the field the snippet comes from: the passage, else the takeaway or keywords
    spans: tuple[Span, ...]  # the matches in text
    field: Field
    score: float  # higher is better
    terms: tuple[str, ...] = ()  # the query's terms, to highlight on the page the hit opens
    # What `learn ID --at WORDS` takes to open the page that holds this hit: the query as
    # searched, or a phrase from the hit when an earlier passage of the section matches too.
    at: str = ""

    @property
    def command(self) -> str:
        """The command that opens the hit."""
        return self.command_from("exotour")

    def command_from(self, prefix: str) -> str:
        """The command that opens the hit, beginning with PREFIX (as `exotour --content DIR`):
        for a match in a section's body, at the page that holds it (`learn ID --at WORDS`)."""
        import shlex

        if self.section is None:
            return f"{prefix} glossary {shlex.quote(self.id)}"
        command = f"{prefix} learn {shlex.quote(self.id)}"
        if self.field == "text" and self.spans and self.at:
            command += f" --at {shlex.quote(self.at)}"
        return command

    def excerpt(self, size: int = SNIPPET_CHARS) -> tuple[str, tuple[Span, ...]]:
        return excerpt(self.text, self.spans, size)

    @property
    def snippet(self) -> str:
        return self.excerpt()[0]

    def as_json(self, prefix: str = "exotour") -> dict[str, object]:
        """The hit as README.md's `exotour search --json` documents it."""
        snippet, spans = self.excerpt()
        return {
            "id": self.id,
            "title": self.title,
            "section": None if self.section is None else self.section + 1,
            "kind": self.kind,
            "passage": self.passage + 1,
            "field": self.field,
            "snippet": snippet,
            "highlights": [list(span) for span in spans],
            "score": self.score,
            "command": self.command_from(prefix),
        }
