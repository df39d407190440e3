"""What exotour writes into a tour follows the tour's `language`: the generated Sources section's
heading, words and dates, the date line of `about` and of the handout, and the handout's lang.
English stays as it was; a language with no words of its own gets English."""

from __future__ import annotations

import dataclasses
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from exotour.content import sources
from exotour.content.tour_words import ENGLISH, SPANISH, words_for
from exotour.localdates import short_date
from exotour.model import EvidenceNote, Section, Source, Tour, day_month_year
from exotour.render.handout import handout
from exotour.worksheet import Worksheet

# The Spanish style sheet's month abbreviations (exotour.localdates writes the dates).
SPANISH_MONTHS = (
    "ene",
    "feb",
    "mar",
    "abr",
    "may",
    "jun",
    "jul",
    "ago",
    "sept",
    "oct",
    "nov",
    "dic",
)
FDA = Source("FDA", "A notice", 2019, url="https://www.fda.gov/notice")
PAGE = Source("ISEV", "A page", accessed="2026-12-06", url="https://isev.org/a")
OLD_PAGE = Source("NHS", "Another page", 2020, url="https://nhs.uk/b", accessed="2026-11-28")


def section(id_: str, *notes: tuple[Source, ...]) -> Section:
    evidence = tuple(EvidenceNote("Una nota.", "2020", note) for note in notes)
    return Section(id_, id_.title(), "", "Texto.", evidence=evidence)


SECTIONS = (section("uno", (FDA, PAGE)), section("dos"), section("tres", (FDA, OLD_PAGE)))


@pytest.mark.parametrize("language", ["es", "es-MX", "ES", "es-419"])
def test_a_spanish_tour_gets_a_spanish_sources_section(language: str) -> None:
    generated = sources.sources_section(SECTIONS, "2026-12-01/2026-12-06", language)
    assert (generated.id, generated.title) == ("sources", "Fuentes")
    assert generated.takeaway == SPANISH.takeaway
    assert generated.keywords == ("fuentes", "referencias", "citas", "pruebas")
    assert sources.is_sources_section(generated)
    assert generated.body == (
        "Estas fuentes se revisaron con copias guardadas, 1-6 dic 2026. Para algo más nuevo, "
        "consulte los sitios web de las propias fuentes.\n"
        "\n"
        f"{SPANISH.opening}\n"
        "\n"
        "1. FDA, *A notice* (2019).\\\n"
        "   https://www.fda.gov/notice\\\n"
        "   Citada en las secciones 1 y 3.\n"
        "2. ISEV, *A page* (sin fecha; copia guardada revisada el 6 dic 2026).\\\n"
        "   https://isev.org/a\\\n"
        "   Citada en la sección 1.\n"
        "3. NHS, *Another page* (2020; copia guardada revisada el 28 nov 2026).\\\n"
        "   https://nhs.uk/b\\\n"
        "   Citada en la sección 3.\n"
    )


@pytest.mark.parametrize("language", ["en", "en-GB", "fr", "zz"])
def test_english_and_languages_without_words_get_the_english_section(language: str) -> None:
    generated = sources.sources_section(SECTIONS, "2026-12-01/2026-12-06", language)
    assert generated == sources.sources_section(SECTIONS, "2026-12-01/2026-12-06")
    assert (generated.title, generated.takeaway) == (sources.TITLE, sources.TAKEAWAY)
    assert generated.body.startswith(
        "These sources were checked against stored copies, 1-6 Dec 2026. "
    )
    assert "   Cited in sections 1 and 3.\n" in generated.body
    assert "(undated; stored copy checked 6 Dec 2026)" in generated.body


@pytest.mark.parametrize(
    ("dates", "english", "spanish"),
    [
        ("2026-12-06", "6 Dec 2026", "6 dic 2026"),
        ("2026-12-01/2026-12-06", "1-6 Dec 2026", "1-6 dic 2026"),
        ("2026-11-28/2026-12-06", "28 Nov-6 Dec 2026", "28 nov-6 dic 2026"),
        ("2025-09-28/2026-01-06", "28 Sep 2025-6 Jan 2026", "28 sept 2025-6 ene 2026"),
    ],
)
def test_the_check_is_dated_in_the_tours_language(dates: str, english: str, spanish: str) -> None:
    assert english in sources.checked_on(dates)
    assert spanish in sources.checked_on(dates, "es")


@given(st.dates().map(lambda d: d.isoformat()))
def test_an_english_short_date_is_the_models(date: str) -> None:
    assert short_date(date) == short_date(date, "en") == day_month_year(date)


@given(st.dates().map(lambda d: d.isoformat()))
def test_a_spanish_short_date_uses_spanish_months(date: str) -> None:
    day, month, year = short_date(date, "es").split(" ")
    assert month in SPANISH_MONTHS and int(year) == int(date[:4]) and int(day) == int(date[8:])


@pytest.mark.parametrize("text", ["", "2026", "2026-13-01", "someday"])
def test_what_is_not_a_date_stays_as_it_is(text: str) -> None:
    assert short_date(text, "es") == text


def test_words_for_reads_the_primary_subtag() -> None:
    assert words_for("es-MX") is SPANISH and words_for("ES") is SPANISH
    assert words_for("en") is ENGLISH and words_for("eu") is ENGLISH


def test_every_language_has_the_same_placeholders() -> None:
    for words in (SPANISH,):
        for english, other in zip(ENGLISH, words, strict=True):
            if isinstance(english, str) and isinstance(other, str):
                assert re.findall(r"\{\w+\}", other) == re.findall(r"\{\w+\}", english)


def test_the_handout_says_the_tours_language(tour: Tour) -> None:
    assert tour.decision is not None
    sheet = Worksheet(tour.decision)
    page = handout(tour, sheet, "html", today="2026-12-06")
    assert page.splitlines()[1] == '<html lang="en">'
    spanish = dataclasses.replace(tour, language="es")
    page = handout(spanish, sheet, "html", today="2026-12-06")
    assert page.splitlines()[1] == '<html lang="es">'
    assert "Estas fuentes se revisaron con copias guardadas, 1-6 dic 2026." in page
