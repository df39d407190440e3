"""The glossary's terms found in one pass over a text: the same words glossary.first_mention
finds term by term, and a cost that does not grow with terms x sections."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from exotour import glossary, mentions
from exotour.model import GlossaryEntry, Section

WORDS = ["stem", "cell", "cells", "MSC", "MSCs", "exosome", "IL", "6", "a", "virus"]
# Names and texts from a few words, spaces, hyphens and punctuation, so that they often meet.
name = st.lists(st.sampled_from([*WORDS, "Stem", "es"]), min_size=1, max_size=3).map(
    lambda words: " ".join(words)
) | st.sampled_from(["IL-6", "C++", "stem-cell", "Alzheimer's", "(MSC)", "e.g."])
text = st.lists(
    st.sampled_from([*WORDS, "viruses", "STEM", "Alzheimer's", "C++", "(MSC)", "e.g."])
    | st.sampled_from([" ", "-", " - ", ", ", "\n", "'", "."]),
    max_size=25,
).map("".join)


@settings(max_examples=400)
@given(st.lists(st.lists(name, min_size=1, max_size=3), min_size=1, max_size=4), text)
def test_one_pass_finds_what_each_term_finds_alone(names: list[list[str]], words: str) -> None:
    entries = [GlossaryEntry(n[0], "A definition.", tuple(n[1:])) for n in names]
    expected = {
        index: found
        for index, entry in enumerate(entries)
        if (found := glossary.first_mention(entry, words)) is not None
    }
    assert mentions.Mentions(entries).first_words(words) == expected


def test_the_json_glossary_reads_each_section_once_not_once_per_term(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    terms = [GlossaryEntry(f"term{n} word", "A definition.", (f"t{n}",)) for n in range(400)]
    body = " ".join(f"term{n} word" for n in range(400))
    sections = [(n, Section(f"s{n}", f"S {n}", "A takeaway.", body)) for n in range(1, 401)]
    searched: list[str] = []
    monkeypatch.setattr(glossary, "first_mention", lambda *args: searched.append("x"))
    monkeypatch.setattr(mentions, "first_mention", lambda *args: searched.append("x"))
    used = mentions.uses_of_all(terms, sections)
    assert searched == []  # no term searched section by section
    assert [len(uses) for uses in used] == [400] * 400
    assert used[7][0].words == "term7 word"
