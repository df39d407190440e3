"""Search stems by the tour's language: a Spanish tour finds a word's other forms, with or
without accents (Snowball's Spanish stemmer), English stays with FTS5's porter, and an index is
never reused for a tour in another language."""

from __future__ import annotations

import dataclasses
import sqlite3
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from exotour.content.loader import load_tour
from exotour.model import Tour
from exotour.search import stemming
from exotour.search.cache import index_key
from exotour.search.engine import memory_index, open_index, search
from exotour.search.index import Index, build
from exotour.search.query import expression, parse_query

SPANISH = Path(__file__).parent / "spanish-tour"


@pytest.fixture(scope="module")
def tour() -> Tour:
    return load_tour(SPANISH)


def found(tour: Tour, query: str) -> list[tuple[str | None, str]]:
    """Each hit's section id and the words its snippet marks."""
    return [
        (hit.id, " ".join(hit.text[s:e] for s, e in hit.spans))
        for hit in search(tour, query, cache=False)
    ]


def test_the_fixture_is_a_spanish_tour(tour: Tour) -> None:
    assert tour.language == "es"
    assert stemming.algorithm_for(tour.language) == "spanish"


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("inyección", [("riesgos", "inyección"), ("que-son", "inyecciones")]),
        ("inyeccion", [("riesgos", "inyección"), ("que-son", "inyecciones")]),
        ("inyecciones", [("riesgos", "inyección"), ("que-son", "inyecciones")]),
        ("INYECCIONES", [("riesgos", "inyección"), ("que-son", "inyecciones")]),
        ("célula", [("que-son", "células")]),
        ("celula", [("que-son", "células")]),
        ("celulas", [("que-son", "células")]),
        ("regulador", [("riesgos", "reguladoras")]),  # gender and number
        ("clínicas", [("que-son", "clínica")]),
        ("aprobados", [("riesgos", "aprobado"), ("riesgos", "aprobar")]),  # two passages
    ],
)
def test_a_spanish_word_finds_its_other_forms_with_or_without_accents(
    tour: Tour, query: str, expected: list[tuple[str, str]]
) -> None:
    assert found(tour, query) == expected


def test_phrases_and_prefixes_match_as_written_accents_aside(tour: Tour) -> None:
    assert found(tour, '"agencias reguladoras"') == [("riesgos", "agencias reguladoras")]
    assert found(tour, '"agencia regulador"') == []
    assert {hit for hit, _ in found(tour, "exosom*")} == {"que-son", "riesgos"}


def test_a_word_of_two_parts_is_searched_as_written(tour: Tour) -> None:
    assert found(tour, "sin-aprobar") == [("riesgos", "sin aprobar")]


def test_an_english_tour_keeps_porter() -> None:
    english = dataclasses.replace(load_tour(SPANISH), language="en")
    assert stemming.algorithm_for("en") is None
    index = memory_index(english)
    terms = parse_query("inyección células")
    assert index.expression(terms) == expression(terms)
    tables = {name for (name,) in index.connection.execute("SELECT name FROM sqlite_master")}
    assert "stems" not in tables


@pytest.mark.parametrize("language", ["en", "en-GB", "ja", "xx", "sw"])
def test_languages_without_a_snowball_stemmer_are_porters(language: str) -> None:
    assert stemming.algorithm_for(language) is None


@pytest.mark.parametrize(
    ("language", "name"), [("es", "spanish"), ("es-MX", "spanish"), ("FR", "french")]
)
def test_languages_with_one_use_it(language: str, name: str) -> None:
    assert stemming.algorithm_for(language) == name


def test_the_index_key_holds_the_language(tour: Tour) -> None:
    """A cached index of the same files in another language is never reused."""
    english = dataclasses.replace(tour, language="en")
    mexican = dataclasses.replace(tour, language="es-MX")
    assert english.fingerprint == tour.fingerprint
    assert len({index_key(tour), index_key(english), index_key(mexican)}) == 3


def test_a_cached_index_serves_the_stems(tour: Tour) -> None:
    first = open_index(tour, cache=True)
    assert first.path is not None
    again = open_index(tour, cache=True)
    assert again.path == first.path
    assert [h.id for h in again.search("celula", 5)] == ["que-son"]


@pytest.mark.parametrize("stemmer", ["evil", "'); DROP TABLE passages; --", "porter"])
def test_a_planted_stemmer_name_is_ignored(tour: Tour, stemmer: str) -> None:
    connection = sqlite3.connect(":memory:")
    build(connection, tour, vocabulary=False)
    connection.execute("UPDATE meta SET value = ? WHERE key = 'stemmer'", (stemmer,))
    index = Index(connection, tour)
    terms = parse_query("inyección")
    assert index.expression(terms) == expression(terms)
    assert [h.id for h in index.search("inyección", 5)] == ["riesgos"]


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=40))
def test_any_query_gives_results_or_none_never_an_error(query: str) -> None:
    tour = load_tour(SPANISH)
    hits = search(tour, query, cache=False)
    assert all(hit.id in ("que-son", "riesgos") for hit in hits)
