"""The Spanish tour is written in Spanish, every text a reader reads.

The readability formula cannot tell: Fernández Huerta scores plain English higher than plain
Spanish, so an untranslated note would pass it. Here each text of the Spanish tour's files (a
section's title, takeaway, body, notes and quiz; a glossary definition; every field of the
decision aid) of six words or more is held to the share of its words that are common function
words of each language: more Spanish than English, and at most one word in ten English. Names
of sources (their title, author, reference, url) are not text to translate and are left out;
an organisation's English name spelled out beside its Spanish one stays under that share.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml

from exotour.content.location import builtin_content_dir

_SPANISH = frozenset(
    [
        "de",
        "la",
        "que",
        "el",
        "en",
        "y",
        "los",
        "las",
        "un",
        "una",
        "es",
        "no",
        "se",
        "del",
        "por",
        "con",
        "para",
        "su",
        "al",
        "lo",
        "como",
        "más",
        "pero",
        "sus",
        "le",
        "ya",
        "o",
        "este",
        "porque",
        "esta",
        "entre",
        "cuando",
        "muy",
        "sin",
        "sobre",
        "también",
        "hasta",
        "hay",
        "donde",
        "desde",
        "todo",
        "durante",
        "todos",
        "uno",
        "les",
        "ni",
        "otros",
        "ese",
        "eso",
        "ante",
        "esto",
        "antes",
        "algunos",
        "qué",
        "unos",
        "otro",
        "otras",
        "otra",
        "tanto",
        "esa",
        "estos",
        "mucho",
        "nada",
        "muchos",
        "poco",
        "ella",
        "estas",
        "algunas",
        "algo",
        "dice",
        "son",
        "está",
        "puede",
    ]
)
_ENGLISH = frozenset(
    [
        "the",
        "and",
        "of",
        "to",
        "is",
        "that",
        "it",
        "with",
        "for",
        "are",
        "this",
        "was",
        "be",
        "as",
        "on",
        "by",
        "from",
        "or",
        "an",
        "at",
        "which",
        "have",
        "has",
        "not",
        "but",
        "they",
        "their",
        "these",
        "can",
        "its",
        "were",
        "if",
        "been",
        "will",
        "would",
        "there",
        "what",
        "about",
        "into",
        "than",
        "other",
    ]
)
# Keys whose values are names, dates or codes: kept as published, not translated.
_NOT_TEXT = frozenset(
    (
        "id",
        "url",
        "author",
        "doi",
        "year",
        "accessed",
        "as_of",
        "kind",
        "reference",
        "language",
        "sources_checked",
        "source",
        "weighs",
    )
)
_WORD = re.compile(r"[^\W\d_]+")
_SHORTEST = 6
_MOST_ENGLISH = 0.10


def texts(value: object, key: str = "", in_sources: bool = False) -> Iterator[tuple[str, str]]:
    """Each (key, text) in a loaded YAML VALUE that a translation must translate."""
    if isinstance(value, dict):
        for name, inner in value.items():
            if name in _NOT_TEXT or (in_sources and name == "title"):
                continue
            yield from texts(inner, str(name), in_sources or name == "sources")
    elif isinstance(value, list):
        for inner in value:
            yield from texts(inner, key, in_sources)
    elif isinstance(value, str):
        yield key, value


def english_share(text: str) -> tuple[float, float]:
    """The shares of TEXT's words that are English and Spanish function words."""
    words = _WORD.findall(text.lower())
    english = sum(word in _ENGLISH for word in words)
    spanish = sum(word in _SPANISH for word in words)
    return english / len(words), spanish / len(words)


def untranslated(folder: Path) -> list[str]:
    """Where FOLDER's texts read as English: file, key and the text's start."""
    found = []
    for path in sorted(folder.rglob("*.yaml")):
        for key, text in texts(yaml.safe_load(path.read_text(encoding="utf-8"))):
            if len(_WORD.findall(text)) < _SHORTEST:
                continue
            english, spanish = english_share(text)
            if english > _MOST_ENGLISH or english >= spanish:
                found.append(f"{path.relative_to(folder)}: {key}: {text[:60]}")
    return found


def test_every_text_of_the_spanish_tour_is_spanish() -> None:
    assert untranslated(builtin_content_dir("es")) == []


def test_an_untranslated_text_is_found(tmp_path: Path) -> None:
    # The English tour read as if it were the Spanish one: every text of it is found.
    english = builtin_content_dir("en")
    found = untranslated(english)
    assert len(found) > 300
    section = tmp_path / "sections"
    section.mkdir()
    (section / "mixed.yaml").write_text(
        "title: Qué dice la FDA\n"
        "body: |\n  La FDA no ha aprobado ningún producto de exosomas.\n"
        "evidence:\n  - text: As of its notice, FDA says that no exosome product is approved.\n",
        encoding="utf-8",
    )
    assert untranslated(tmp_path) == [
        "sections/mixed.yaml: text: As of its notice, FDA says that no exosome product is approv"
    ]


@pytest.mark.parametrize(
    ("text", "english"),
    [("The FDA says that it is not approved.", True), ("La FDA dice que no está aprobado.", False)],
)
def test_the_share_tells_the_languages_apart(text: str, english: bool) -> None:
    english_part, spanish_part = english_share(text)
    assert (english_part > spanish_part) is english
