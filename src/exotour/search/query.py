"""A search query read as terms: words, "phrases" and prefix*es, never as FTS5 syntax.

Every term reaches FTS5 quoted (`"a phrase"` stays a phrase, a trailing `*` a prefix) inside an
expression that is passed as a bound parameter, so no input can raise or act as an operator.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from typing import Literal, NamedTuple

_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f]")
# A terminal's escape sequence (CSI, OSC, or ESC and one character) goes whole: what is left of
# one after its ESC (`[31m`) is no word to search for or to correct.
_ESCAPE = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]?|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?|\x1b.?|\x9b[0-?]*[ -/]*[@-~]?"
)
_SPACE = re.compile(r"\s+")
# A quoted part (its closing quote may be missing) or a run of anything but spaces: each
# character is consumed once, so reading is linear in the query's length.
_QUERY_PART = re.compile(r'"([^"]*)"?|(\S+)')


# A NamedTuple, not a dataclass: it costs a third of the import time, on every command.
class Term(NamedTuple):
    """One part of a query: a word, a "phrase" or a prefix*, as the user wrote it."""

    text: str
    kind: Literal["word", "phrase", "prefix"]

    @property
    def fts(self) -> str:
        """The term as an FTS5 string: always quoted, so nothing in it is syntax."""
        quoted = '"' + self.text.replace('"', '""') + '"'
        return quoted + "*" if self.kind == "prefix" else quoted

    @property
    def display(self) -> str:
        """The term as the user would type it again."""
        if self.kind == "phrase":
            return f'"{self.text}"'
        return self.text + "*" if self.kind == "prefix" else self.text

    @property
    def highlight(self) -> str:
        """The term as terms_of reads it back: a phrase without quotes (its space makes it one)."""
        return self.text + "*" if self.kind == "prefix" else self.text


def clean(text: str) -> str:
    """TEXT with no escape sequences, control characters, unpaired surrogates or runs of
    spaces."""
    text = _ESCAPE.sub(" ", text.encode("utf-8", "replace").decode("utf-8"))
    return _SPACE.sub(" ", _CONTROL.sub(" ", text)).strip()


def has_token(text: str) -> bool:
    """Whether the unicode61 tokenizer finds a token in TEXT: a letter, a number or a private
    use character. A term without one would be an empty phrase that matches nothing."""
    return any(
        unicodedata.category(ch)[0] in "LN" or unicodedata.category(ch) == "Co" for ch in text
    )


def parse_query(query: str) -> tuple[Term, ...]:
    """The terms of QUERY: words, "phrases" and prefix*es; parts with nothing to find go."""
    terms: list[Term] = []
    for match in _QUERY_PART.finditer(clean(query)):
        phrase, word = match.group(1), match.group(2)
        if phrase is not None:
            text = phrase.strip()
            if has_token(text):
                terms.append(Term(text, "phrase" if " " in text else "word"))
            continue
        if word.endswith("*") and has_token(word.rstrip("*")):
            terms.append(Term(word.rstrip("*"), "prefix"))
        elif has_token(word):
            terms.append(Term(word, "word"))
    return tuple(terms)


def terms_of(texts: Sequence[str]) -> tuple[Term, ...]:
    """Highlight terms (as Hit.terms holds them) back to terms: `heal*` is a prefix."""
    terms: list[Term] = []
    for text in texts:
        cleaned = clean(text)
        if cleaned.endswith("*") and has_token(cleaned.rstrip("*")):
            terms.append(Term(cleaned.rstrip("*"), "prefix"))
        elif has_token(cleaned):
            terms.append(Term(cleaned, "phrase" if " " in cleaned else "word"))
    return tuple(terms)


def expression(terms: Sequence[Term], operator: str = "AND") -> str:
    """An FTS5 expression of TERMS joined by OPERATOR; every term quoted."""
    return f" {operator} ".join(term.fts for term in terms)
