"""Where a glossary's terms are used, found in one pass over each text, however many terms.

glossary.first_mention searches a text once per name: fine for one term, but `glossary --json`
asks it of every term in every section, which grows as terms x sections x text (a valid tour of
400 sections naming 400 terms each took 17 s). Here the names go into a tree of words, and each
text is read once, word by word, following the tree: the cost grows with the text and the
length of the names that match, not with the number of names. The words found are exactly
those first_mention finds (tests/test_mentions.py holds the two equal); a name whose words
begin or end with punctuation (`C++`) is left to first_mention.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from exotour.glossary import Use, first_mention, flatten, is_acronym, normalize
from exotour.model import GlossaryEntry, Section

_WORD = re.compile(r"\w+")
_BETWEEN_WORDS = re.compile(r"[\s-]+")
SPACE = " "  # the edge to a name's next word: any run of spaces and hyphens in the text
# A name's last word may take a plural ending in the text: cell, cells; virus, viruses.
_PLURALS = ("s", "es")


class _Node:
    __slots__ = ("ends", "next")

    def __init__(self) -> None:
        self.next: dict[tuple[str, str], _Node] = {}  # (the gap before, the word) -> node
        self.ends: list[tuple[int, int]] = []  # (entry, name) that end here, in order


class Mentions:
    """The glossary ENTRIES, ready to be found in any number of texts."""

    def __init__(self, entries: Sequence[GlossaryEntry]) -> None:
        self.entries = entries
        self.folded = _Node()  # names matched in any case
        self.exact = _Node()  # acronyms (MSC, EVs), matched with their case
        self.others: list[int] = []  # entries with a name the tree cannot hold
        for index, entry in enumerate(entries):
            for order, name in enumerate(entry.names):
                added = self._add(name, (index, order))
                if not added and index not in self.others:
                    self.others.append(index)

    def _add(self, name: str, key: tuple[int, int]) -> bool:
        acronym = is_acronym(name)
        words = name.split() if acronym else normalize(name).split(" ")
        steps: list[tuple[str, str]] = []
        for word in words:
            pieces = list(_WORD.finditer(word))
            if not pieces or pieces[0].start() != 0 or pieces[-1].end() != len(word):
                return False  # punctuation at a word's edge: first_mention's to find
            for number, piece in enumerate(pieces):
                gap = SPACE if number == 0 else word[pieces[number - 1].end() : piece.start()]
                steps.append((gap, piece[0]))
        steps[0] = ("", steps[0][1])
        node = self.exact if acronym else self.folded
        for step in steps:
            node = node.next.setdefault(step, _Node())
        node.ends.append(key)
        return True

    def first_words(self, text: str) -> dict[int, str]:
        """For each entry (by its index) that TEXT names, the words by which it first does."""
        flat = flatten(text)
        words = list(_WORD.finditer(flat))
        first: dict[int, str] = {}
        for start in range(len(words)):
            found: dict[int, tuple[int, str]] = {}  # entry -> (name order, words) from START
            for tree, fold in ((self.folded, True), (self.exact, False)):
                _walk(tree, fold, flat, words, start, found)
            for index, (_, shown) in found.items():
                first.setdefault(index, shown)
        for index in self.others:  # its names all searched the slow way, to compare them
            slow = first_mention(self.entries[index], text)
            if slow is None:
                first.pop(index, None)
            else:
                first[index] = slow
        return first


def _walk(
    tree: _Node,
    fold: bool,
    flat: str,
    words: list[re.Match[str]],
    start: int,
    found: dict[int, tuple[int, str]],
) -> None:
    """Follow TREE from the word at START; each name that ends is noted in FOUND (the first
    name of an entry, in its order, where several end)."""
    frontier = [tree]
    at = start
    while frontier and at < len(words):
        word = words[at][0].casefold() if fold else words[at][0]
        if at == start:
            gaps = [""]
        else:
            gap = flat[words[at - 1].end() : words[at].start()]
            gaps = [gap, SPACE] if _BETWEEN_WORDS.fullmatch(gap) else [gap]
        shown = flat[words[start].start() : words[at].end()]
        stems = [word] + [word[: -len(e)] for e in _PLURALS if word.endswith(e) and word != e]
        following: list[_Node] = []
        for node in frontier:
            for gap in gaps:
                for number, stem in enumerate(stems):
                    child = node.next.get((gap, stem))
                    if child is None:
                        continue
                    for index, order in child.ends:
                        if index not in found or order < found[index][0]:
                            found[index] = (order, shown)
                    if number == 0:  # a plural ends a name: only the word itself goes on
                        following.append(child)
        frontier = following
        at += 1


def uses_of_all(
    entries: Sequence[GlossaryEntry], sections: Sequence[tuple[int, Section]]
) -> list[tuple[Use, ...]]:
    """For each of ENTRIES, in order, what glossary.uses gives for it: the SECTIONS (each with
    its number) whose body or evidence notes name it; each section read once."""
    mentions = Mentions(entries)
    found: list[list[Use]] = [[] for _ in entries]
    for number, section in sections:
        text = " ".join([section.body, *(note.text for note in section.evidence)])
        for index, words in sorted(mentions.first_words(text).items()):
            found[index].append(Use(number, section.id, section.title, words))
    return [tuple(uses) for uses in found]
