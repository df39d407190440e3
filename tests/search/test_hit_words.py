"""Search hits hold the words searched for: a hit in a passage shows them (stemmed forms too)
highlighted in its snippet, and its `learn ID --at WORDS` opens a page that holds them; a hit
that matched only through a section's keywords or takeaway says so in its snippet."""

from __future__ import annotations

import shlex

import pytest
from helpers import run_cli

from exotour.model import Tour
from exotour.search.engine import ALL_HITS, search
from exotour.suggest import fold

QUERIES = ["collagen", "immune reaction", "risks", "tumor", "contamination", "injections", "fda"]


@pytest.mark.parametrize("query", QUERIES)
def test_every_hit_shows_the_words_or_says_how_it_matched(
    tour: Tour, query: str, capsys: pytest.CaptureFixture[str]
) -> None:
    hits = search(tour, query, ALL_HITS)
    assert hits
    stems = [fold(word)[:4] for word in query.split()]
    for hit in hits:
        snippet, spans = hit.excerpt()
        if not spans:  # a glossary term found by its name: the name shows it
            assert hit.title_spans, (query, hit.id, snippet)
            snippet, spans = hit.title, hit.title_spans
        marked = " ".join(fold(snippet[a:b]) for a, b in spans)
        assert any(stem in marked for stem in stems), (query, marked)
        if hit.section is None:
            continue
        if hit.field != "text":  # matched through keywords or the takeaway: said so
            continue
        command = shlex.split(hit.command)
        assert "--at" in command, hit.command
        opened = run_cli(command[1:], capsys)
        assert (opened.status, opened.err) == (0, ""), hit.command


def test_a_keyword_match_says_so_on_screen(capsys: pytest.CaptureFixture[str]) -> None:
    out = run_cli(["search", "contamination"], capsys).out
    assert "  Keywords: " in out
