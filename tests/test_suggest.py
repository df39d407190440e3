"""The one did-you-mean: the same rule for sections, fields, glossary terms and search words."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from exotour.suggest import LONGEST, close_words, did_you_mean, fold


def test_a_typo_finds_the_word_meant() -> None:
    assert close_words("colagen", ["collagen", "exosome", "vesicle"]) == ["collagen"]


def test_case_and_accents_are_the_same_word() -> None:
    assert close_words("THERY", ["Théry", "Thera"]) == ["Théry"]
    assert fold("Théry") == "thery"


def test_nothing_close_is_nothing() -> None:
    assert close_words("zzzz", ["collagen", "exosome"]) == []
    assert did_you_mean("zzzz", ["collagen"]) == ""


def test_did_you_mean_names_the_closest() -> None:
    assert did_you_mean("keywrds", ["keywords", "title"]) == " (did you mean 'keywords'?)"


def test_a_word_longer_than_any_typo_is_not_compared() -> None:
    assert close_words("a" * (LONGEST + 1), ["a" * (LONGEST + 1)]) == []


@given(st.text(max_size=80), st.lists(st.text(max_size=20), max_size=20))
def test_suggestions_are_candidates_and_at_most_the_limit(word: str, candidates: list[str]) -> None:
    found = close_words(word, candidates, limit=2)
    assert len(found) <= 2
    assert all(choice in candidates for choice in found)
