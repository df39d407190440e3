"""No English left on a Spanish screen (issue 22): every screen and output a reader meets
(screens_in_language.py: the commands, their errors, the files they write, the walkthrough and
its overlays at three sizes) drawn in Spanish with the built-in Spanish tour, and held to two
checks that fail on the kind of fault, not on one string:

- the catalogue's: no English message of three words or more whose Spanish differs shows its
  fixed words (those between its placeholders) on a Spanish screen: a message marked but
  drawn without its translation;
- the English screens': no run of three words that the same screen draws in English shows in
  Spanish: a string never marked at all (so not in the catalogue) is drawn the same in both.

What the Spanish tour itself writes (names of sources, their titles, links, ids, words quoted
in English on purpose) is the author's and passes; so do runs made of command words alone.
"""

from __future__ import annotations

import itertools
import re
import string
from collections.abc import Iterable
from functools import cache
from pathlib import Path

import pytest
import yaml
from babel.messages.pofile import read_po
from screens_in_language import TYPED, screens

from exotour.content.location import builtin_content_dir
from exotour.i18n import LOCALE_DIR

SOURCE_KEYS = ("author", "title", "reference", "url")
CATALOGUE = LOCALE_DIR / "es" / "LC_MESSAGES" / "exotour.po"
_PLACEHOLDER = re.compile(r"\{[^{}]*\}|%(?:\([^)]*\))?[-#0 +]*\d*(?:\.\d+)?[a-zA-Z%]")
_WORD = re.compile(r"[^\W\d_]+")
# Frames and cursors: a screen's words run on across its box's borders.
_DRAWING = re.compile(r"[\u2500-\u259f▏…]")
# Words of the command line, drawn as they are in every language (commands, options, keys,
# metavariables; `error` of the `exotour: error:` prefix; the generated section's id; file
# names): a run of these alone is not English left on the screen.
COMMAND_WORDS = frozenset(
    [
        "exotour",
        "learn",
        "search",
        "summary",
        "sections",
        "show",
        "glossary",
        "quiz",
        "validate",
        "new",
        "decide",
        "about",
        "export",
        "completion",
        "help",
        "lang",
        "content",
        "restart",
        "plain",
        "watch",
        "json",
        "markdown",
        "html",
        "output",
        "format",
        "limit",
        "at",
        "all",
        "theme",
        "no",
        "color",
        "ascii",
        "pager",
        "id",
        "n",
        "q",
        "p",
        "t",
        "g",
        "w",
        "esc",
        "enter",
        "space",
        "backspace",
        "ctrl",
        "pgdn",
        "pgup",
        "home",
        "end",
        "sure",
        "error",
        "sources",
        "yaml",
        "handout",
    ]
)


def flat(text: str) -> str:
    """TEXT as one line of words: box drawing gone, every run of white space one space."""
    return " ".join(_DRAWING.sub(" ", text).split())


def trigrams(text: str) -> set[tuple[str, str, str]]:
    """Each run of three words in TEXT, in lower case (numbers are not words here)."""
    words = _WORD.findall(text.lower())
    return set(zip(words, words[1:], words[2:], strict=False))


def bigrams(text: str) -> set[tuple[str, str]]:
    """Each run of two words in TEXT, in lower case."""
    words = _WORD.findall(text.lower())
    return set(itertools.pairwise(words))


@cache
def _tour_parts() -> tuple[tuple[str, ...], frozenset[str]]:
    """What names the Spanish tour's sources (authors, titles, references, links), longest
    first: the same in every language, so cut out of a screen before its words are compared;
    and the words of its files' keys, ids and kinds, which stay as they are."""
    names: set[str] = set()
    keys: set[str] = set()

    def walk(node: object, in_sources: bool = False) -> None:
        if isinstance(node, dict):
            if in_sources:
                names.update(flat(str(node[k])) for k in SOURCE_KEYS if node.get(k))
                if node.get("doi"):
                    names.add(f"https://doi.org/{node['doi']}")
            keys.update(str(node[k]) for k in ("id", "kind") if isinstance(node.get(k), str))
            for key, value in node.items():
                keys.add(str(key))
                walk(value, key == "sources")
        elif isinstance(node, list):
            for item in node:
                walk(item, in_sources)

    for path in builtin_content_dir("es").rglob("*.yaml"):
        walk(yaml.safe_load(path.read_text(encoding="utf-8")))
    words = frozenset(_WORD.findall(" ".join(keys).lower()))
    return tuple(sorted(names, key=len, reverse=True)), words


def source_names() -> tuple[str, ...]:
    return _tour_parts()[0]


def command_words() -> frozenset[str]:
    """COMMAND_WORDS, single letters (keys, answers), the words the reader typed, and the
    tour's keys, ids and kinds."""
    return COMMAND_WORDS | TYPED | _tour_parts()[1] | frozenset(string.ascii_lowercase)


def without_sources(text: str) -> list[str]:
    """The flattened TEXT in the pieces between the names of sources."""
    shown = flat(text)
    for name in source_names():
        shown = shown.replace(name, "\0")
    return shown.split("\0")


@cache
def tour_text() -> str:
    """Everything the Spanish tour's files say, flattened: the author's words pass."""
    folder = builtin_content_dir("es")
    return flat(" ".join(p.read_text(encoding="utf-8") for p in sorted(folder.rglob("*.yaml"))))


def _forms(text: object) -> tuple[str, ...]:
    """A message's text, or its plural forms, as a tuple of strings."""
    if isinstance(text, (tuple, list)):
        return tuple(str(form) for form in text)
    return (str(text),) if text else ()


def english_phrases(catalogue: Path = CATALOGUE) -> dict[str, str]:
    """The fixed words (2 or more, between placeholders) of each English message of three
    words or more that Spanish says differently, each with its message."""
    with catalogue.open("rb") as file:
        messages = [m for m in read_po(file) if m.id]
    phrases: dict[str, str] = {}
    for message in messages:
        english = _forms(message.id)
        spanish = _forms(message.string)
        for form in english:
            if len(_WORD.findall(form)) < 3 or form in spanish:
                continue
            for part in _PLACEHOLDER.split(form):
                phrase = flat(part).strip(" :;,.·()'\"")
                if len(_WORD.findall(phrase)) >= 2 and not any(phrase in s for s in spanish):
                    phrases.setdefault(phrase, form)
    return phrases


def catalogue_english(drawn: dict[str, str], phrases: dict[str, str]) -> list[str]:
    """Each screen of DRAWN that shows one of PHRASES (not among the tour's own words)."""
    found = []
    for name, text in drawn.items():
        shown = flat(text)
        for phrase, message in phrases.items():
            pattern = rf"(?<!\w){re.escape(phrase)}(?!\w)"
            if re.search(pattern, shown) and not re.search(pattern, tour_text()):
                found.append(f"{name}: {phrase!r} (message {message!r})")
    return found


def shared_english(spanish: dict[str, str], english: Iterable[str]) -> list[str]:
    """Each screen of SPANISH that draws a run of three words an English screen draws too, not
    from the tour's own words nor made of command words alone."""
    drawn_in_english = set().union(*(trigrams(text) for text in english))
    authors = bigrams(tour_text())

    def passes(pair: tuple[str, str]) -> bool:
        return pair in authors or set(pair) <= command_words()

    found = []
    for name, text in spanish.items():
        runs = set().union(*(trigrams(piece) for piece in without_sources(text)))
        for run in sorted(runs & drawn_in_english):
            # Where the tour's words meet the interface's (a source's title, then a command),
            # one of the run's two pairs of words is the tour's own.
            if not (passes(run[:2]) or passes(run[1:])):
                found.append(f"{name}: {' '.join(run)!r}")
    return found


def test_no_english_on_a_spanish_screen(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "es").mkdir()
    (tmp_path / "en").mkdir()
    spanish = screens("es", tmp_path / "es", capsys, monkeypatch)
    english = screens("en", tmp_path / "en", capsys, monkeypatch)
    assert len(spanish) == len(english) > 100  # every screen was drawn, in both
    left = catalogue_english(spanish, english_phrases()) + shared_english(spanish, english.values())
    assert left == []


# -- the checks themselves find what they are for --------------------------------------------


def test_a_message_drawn_untranslated_is_found() -> None:
    phrases = english_phrases()
    assert "Best quiz score on the whole tour" in phrases  # fixed words before {right}/{asked}
    screen = {"sections": "leído ...\nBest quiz score on the whole tour: 3/4\n"}
    assert catalogue_english(screen, phrases) == [
        "sections: 'Best quiz score on the whole tour' "
        "(message 'Best quiz score on the whole tour: {right}/{asked}')"
    ]


def test_a_string_never_marked_is_found_by_the_english_screen() -> None:
    english = ["0 of 10 read · 51 min in all"]
    spanish = {"sections": "╭──╮\n│ 0 of 10 read · │\n│ 51 min in all │"}
    assert shared_english(spanish, english) == [
        "sections: 'min in all'",
        "sections: 'of read min'",
        "sections: 'read min in'",
    ]


def test_the_tours_own_words_and_command_words_pass() -> None:
    source = "Public Safety Notification on Exosome Products"
    assert source in tour_text()
    english = [f"FDA, {source}. exotour learn ID", "Best quiz score on the whole tour: 1/2"]
    spanish = {"show": f"FDA, {source} (2019).\nexotour learn ID"}
    assert shared_english(spanish, english) == []
    assert catalogue_english(spanish, english_phrases()) == []
