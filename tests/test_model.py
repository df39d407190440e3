"""The model: how a SECTION argument names a section, and the invariants the dataclasses keep."""

from __future__ import annotations

from typing import Any

import pytest

from exotour.errors import UnknownSectionError
from exotour.model import EvidenceNote, Question, Section, Source, Tour

IDS = ("what-are-exosomes", "what-is-exosome-therapy", "how-does-it-work", "safety")
TITLES = ("What are exosomes?", "What is exosome therapy?", "How does it work?", "Is it safe?")
VALID = f"valid sections: 1-4 or {', '.join(IDS)}"


def section(section_id: str, title: str) -> Section:
    return Section(id=section_id, title=title, takeaway="It is.", body="Words.")


@pytest.fixture
def small() -> Tour:
    sections = tuple(section(i, t) for i, t in zip(IDS, TITLES, strict=True))
    return Tour(id="t", title="T", subtitle="", disclaimer="Not advice.", sections=sections)


@pytest.mark.parametrize(
    ("ref", "index"),
    [
        ("what-are-exosomes", 0),
        ("safety", 3),
        ("1", 0),
        ("4", 3),
        (" 2 ", 1),
        ("How does", 2),
        ("how DOES it", 2),
        ("is it", 3),
        ("what is", 1),
        ("saf", 3),  # the start of an id counts too
    ],
)
def test_resolve_by_id_number_or_title_start(small: Tour, ref: str, index: int) -> None:
    assert small.resolve(ref) == index


def test_an_ambiguous_title_start(small: Tour) -> None:
    with pytest.raises(UnknownSectionError) as caught:
        small.resolve("what")
    assert caught.value.message == (
        "section 'what' is ambiguous: it could be what-are-exosomes, what-is-exosome-therapy"
    )
    assert caught.value.hint == "type more of the title, or use the id or number"


def test_an_unknown_section_suggests_close_ids(small: Tour) -> None:
    with pytest.raises(UnknownSectionError) as caught:
        small.resolve("saftey")
    assert caught.value.message == "no section 'saftey'"
    assert caught.value.hint == f"did you mean safety? {VALID}"


@pytest.mark.parametrize("ref", ["nosuch", "0", "5", "", "  ", "-1"])
def test_an_unknown_section_lists_the_valid_ones(small: Tour, ref: str) -> None:
    with pytest.raises(UnknownSectionError) as caught:
        small.resolve(ref)
    assert caught.value.message == f"no section '{ref}'"
    assert caught.value.hint == VALID
    assert caught.value.exit_status == 2


def test_builtin_tour_resolves_the_names_people_type(tour: Tour) -> None:
    assert tour.resolve("how does") == 2
    assert tour.resolve("3") == 2
    assert tour.resolve("benefits") == 3
    assert tour.resolve("Is it safe") == 4


def test_question_answer_must_be_a_choice() -> None:
    with pytest.raises(ValueError, match="answer 2 is not one of 2 choices"):
        Question(question="Q?", choices=("a", "b"), answer=2, explanation="E.")


def test_tour_needs_unique_ids_and_a_section() -> None:
    one = section("one", "One")
    with pytest.raises(ValueError, match="unique"):
        Tour(id="t", title="T", subtitle="", disclaimer="D", sections=(one, one))
    with pytest.raises(ValueError, match="at least one section"):
        Tour(id="t", title="T", subtitle="", disclaimer="D", sections=())


def test_source_link_prefers_url_then_doi() -> None:
    assert Source("A", "T", 2020, url="https://x.org/a", doi="10.1/b").link == "https://x.org/a"
    assert Source("A", "T", 2020, doi="10.1/b").link == "https://doi.org/10.1/b"
    assert Source("A", "T", 2020, doi="10.1/b").citation() == "A, T (2020). https://doi.org/10.1/b"


def test_a_source_is_cited_as_given_title_reference_and_date_each_in_its_place() -> None:
    journal = "Skin Health Dis 2024;4(6):e348"
    paper = Source("Bai et al.", reference=journal, year=2024, doi="10.1/b")
    assert paper.parts() == (("Bai et al.", False), ("Skin Health Dis 2024;4(6):e348", False))
    assert paper.citation() == "Bai et al., Skin Health Dis 2024;4(6):e348. https://doi.org/10.1/b"
    page = Source("Mayo Clinic", "Wrinkles", accessed="2026-12-01", url="https://x.org/w")
    assert page.parts() == (("Mayo Clinic", False), ("Wrinkles", True))
    assert page.label == "Mayo Clinic, Wrinkles (undated; stored copy checked 1 Dec 2026)."
    unnamed = Source(reference="Stem Cell Res Ther 2021", year=2021, doi="10.1/c")
    assert unnamed.label == "Stem Cell Res Ther 2021."  # the year in the reference is not repeated
    letter = Source("FDA", reference="Warning letter 23-649343", year=2023)
    assert letter.link == "" and letter.citation() == "FDA, Warning letter 23-649343 (2023)."


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"year": 2020, "url": "https://x.org"}, "an author, a title or a reference"),
        ({"author": "A", "url": "https://x.org"}, "a year, or the date an undated page"),
        ({"author": "A", "year": 2020}, "without a link needs a reference"),
    ],
)
def test_a_source_keeps_its_invariants(fields: dict[str, Any], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        Source(**fields)


def test_reading_time_is_at_least_a_minute() -> None:
    assert section("one", "One").reading_minutes == 1
    long = Section(id="l", title="L", takeaway="T.", body="word " * 1000)
    assert long.reading_minutes == 5


def test_a_typo_on_a_huge_tour_gets_a_short_hint() -> None:
    sections = tuple(section(f"part-{n}", f"Part {n}") for n in range(5000))
    huge = Tour(id="t", title="T", subtitle="", disclaimer="Not advice.", sections=sections)
    with pytest.raises(UnknownSectionError) as typo:
        huge.resolve("part-12x")
    assert typo.value.hint is not None and len(typo.value.hint) < 300
    assert typo.value.hint.endswith("part-9 and 4990 more (see 'sections')")
    assert "did you mean part-12" in typo.value.hint
    with pytest.raises(UnknownSectionError) as ambiguous:
        huge.resolve("part")
    assert len(str(ambiguous.value)) < 300


def test_a_note_whose_sources_are_all_undated_is_never_as_of_the_check() -> None:
    undated = Source(author="RSC", reference="a book chapter", accessed="2026-12-06")
    dated = Source(author="FDA", title="Notice", year=2019, url="https://www.fda.gov/x")
    note = EvidenceNote(text="t", as_of="2026-12-06", sources=(undated,))
    assert note.undated
    assert note.when == "undated; stored copy checked 6 Dec 2026"
    both = EvidenceNote(text="t", as_of="2019-12-06", sources=(undated, dated))
    assert not both.undated
    assert both.when == "as of 2019-12-06"
