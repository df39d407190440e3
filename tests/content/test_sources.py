"""The "Sources" section: generated from the evidence notes, every source once, last in the tour."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
import yaml
from helpers import run_cli, write_content
from rich.console import Console
from rich.markdown import Markdown

from exotour.content import sources
from exotour.content.loader import builtin_content_dir, load_tour
from exotour.model import EvidenceNote, Section, Source, Tour
from exotour.text import escape_markdown

FDA = Source("FDA", "A notice", 2019, url="https://www.fda.gov/notice")
PAPER = Source("Doe et al.", "A *starred* [title]", 2020, doi="10.1/ABC")
SAME_PAPER = Source("Doe et al", "Another spelling", 2020, doi="10.1/abc")  # the same DOI
NO_LINK = Source("Roe", "Unlinked", 2018, reference="Roe Rep 1")  # listed without a link


def section(id_: str, *notes: tuple[Source, ...]) -> Section:
    evidence = tuple(EvidenceNote("A note.", "2020", note) for note in notes)
    return Section(id_, id_.title(), "", "Body.", evidence=evidence)


SECTIONS = (
    section("one", (PAPER,), (FDA,)),
    section("two"),
    section("three", (FDA, SAME_PAPER, NO_LINK)),
)


def rendered(markdown: str, width: int = 200) -> str:
    console = Console(file=io.StringIO(), width=width, color_system=None)
    console.print(Markdown(markdown, hyperlinks=False))
    stream = console.file
    assert isinstance(stream, io.StringIO)
    return stream.getvalue()


def test_each_source_once_in_order_of_first_citation() -> None:
    cited = sources.cited(SECTIONS)
    assert [entry.source for entry in cited] == [PAPER, FDA, NO_LINK]
    assert [entry.sections for entry in cited] == [(0, 2), (0, 2), (2,)]
    assert sources.collect(SECTIONS) == (PAPER, FDA, NO_LINK)


def test_the_section_lists_author_title_year_link_and_where_cited() -> None:
    generated = sources.sources_section(SECTIONS)
    assert generated.id == "sources"
    assert generated.title == "Sources"
    assert generated.takeaway == "Every source the tour's evidence notes cite, listed once."
    assert generated.added_by_tour
    assert generated.evidence == () and generated.quiz == ()
    text = rendered(generated.body)
    assert "1 Doe et al., A *starred* [title] (2020)." in text  # Markdown characters kept
    assert "https://doi.org/10.1/ABC" in text
    assert "Cited in sections 1 and 3." in text
    assert "2 FDA, A notice (2019)." in text and "https://www.fda.gov/notice" in text
    assert "3 Roe, Unlinked, Roe Rep 1 (2018)." in text and "Cited in section 3." in text


def test_the_id_does_not_clash_with_a_section_of_the_tour() -> None:
    taken = (*SECTIONS, section("sources"), section("sources-2"))
    assert sources.sources_section(taken).id == "sources-3"


def test_is_sources_section() -> None:
    assert sources.is_sources_section(sources.sources_section(SECTIONS))
    assert not sources.is_sources_section(SECTIONS[0])


# -- in the built-in tour --------------------------------------------------------------------------


def authored_ids() -> list[str]:
    data = yaml.safe_load((builtin_content_dir() / "tour.yaml").read_text(encoding="utf-8"))
    return list(data["sections"])


def test_sources_is_the_last_section_after_the_tours_own_sections(tour: Tour) -> None:
    authored = authored_ids()
    assert len(tour.sections) == len(authored) + 1
    assert list(tour.section_ids[:-1]) == authored
    assert authored[-2:] == ["before-you-decide", "trials-and-harms"]
    last = tour.sections[-1]
    assert (last.id, last.title) == ("sources", "Sources")
    assert tour.resolve("sources") == len(authored)
    assert tour.resolve(str(len(authored) + 1)) == len(authored)


def test_every_cited_source_appears_once_in_the_section(tour: Tour) -> None:
    body = tour.sections[-1].body
    cited = [s for sec in tour.sections for note in sec.evidence for s in note.sources]
    links = [s.link for s in cited if s.link]
    assert links
    for link in set(links):  # once, as Markdown writes it (the one escaper's form)
        assert body.count(escape_markdown(link)) == 1, link
    linkless = {s.label: s for s in cited if not s.link}
    assert linkless
    for source in linkless.values():  # once, by its citation: it has no link
        assert body.count(sources.markdown_citation(source)) == 1, source.label
    assert len(sources.collect(tour.sections)) == len(set(links)) + len(linkless)
    text = rendered(body)
    for source in sources.collect(tour.sections):
        assert (source.link or source.label) in text


def test_a_tour_without_evidence_gets_no_sources_section(tmp_path: Path) -> None:
    tour = load_tour(write_content(tmp_path / "content"))
    assert tour.section_ids == ("one",)


def test_learn_prints_the_sources_section(tour: Tour, capsys: pytest.CaptureFixture[str]) -> None:
    result = run_cli(["learn", "sources", "--plain"], capsys)
    assert result.status == 0
    count = len(tour.sections)
    assert f"{count}. Sources  (section {count} of {count}, id: sources)" in result.out
    assert "Added by this tour; not part of the article." in result.out


def test_the_sources_section_says_once_when_the_sources_were_checked(tour: Tour) -> None:
    assert tour.sources_checked == "2026-12-01/2026-12-06"
    body = tour.sections[-1].body
    sentence = "These sources were checked against stored copies, 1-6 Dec 2026."
    assert body.startswith(sentence + " Check the sources' own sites for anything newer.\n")
    assert body.count("checked against") == 1
    assert sentence in rendered(body)


def test_an_undated_tour_says_no_date() -> None:
    assert "checked against" not in sources.sources_section(SECTIONS).body
    dated = sources.sources_section(SECTIONS, checked="2024-02-29")
    assert dated.body.startswith("These sources were checked against stored copies, 29 Feb 2024.")


@pytest.mark.parametrize(
    ("checked", "said"),
    [
        ("2026-12-01/2026-12-06", "1-6 Dec 2026"),
        ("2026-11-28/2026-12-06", "28 Nov-6 Dec 2026"),
        ("2025-12-30/2026-01-02", "30 Dec 2025-2 Jan 2026"),
        ("2026-12-06/2026-12-06", "6 Dec 2026"),
    ],
)
def test_a_check_over_several_days_is_said_as_a_range(checked: str, said: str) -> None:
    body = sources.sources_section(SECTIONS, checked=checked).body
    assert body.startswith(f"These sources were checked against stored copies, {said}. ")
