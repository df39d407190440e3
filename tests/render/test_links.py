"""Source links reach the reader whole: never cut or split, in `show`, `learn --plain`, the pages
of `learn` at 80x24 and 40x15, and the Sources section; clickable (OSC 8) on a terminal."""

from __future__ import annotations

import io
import re

import pytest
from helpers import run_cli
from terminals import Terminals, finish

from exotour.content import sources
from exotour.model import EvidenceNote, Source, Tour
from exotour.render.console import Environment, make_console
from exotour.render.notes import SourceEntry, link, short_link, source_entries
from exotour.render.page import Page
from exotour.render.printer import emit
from exotour.tui.pages import Paginator

SIZES = [(80, 24), (40, 15)]


def tour_links(tour: Tour) -> set[str]:
    return {source.link for source in sources.collect(tour.sections) if source.link}


def page_targets(tour: Tour) -> set[str]:
    """Every link the learn pages show: the notes' and the options grid's (drawn after the body
    of the section that asks for it)."""
    grids = tour.decision is not None and any(s.options_grid for s in tour.sections)
    options = [o for c in tour.decision.conditions for o in c.options] if tour.decision else []
    cited = [s for o in options for s in o.sources] if grids else []
    return tour_links(tour) | {source.link for source in cited if source.link}


def page_links(page: Page) -> list[str]:
    """The OSC 8 targets of PAGE's segments."""
    return [seg.style.link for line in page.lines for seg in line if seg.style and seg.style.link]


def test_the_tour_has_links_to_check(tour: Tour) -> None:
    assert len(tour_links(tour)) >= 10


@pytest.mark.parametrize("columns", [80, 40])
def test_learn_plain_prints_every_link_whole_on_its_own_line(
    tour: Tour, columns: int, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", str(columns))
    result = run_cli(["learn", "--plain"], capsys)
    assert result.status == 0
    lines = {line.strip() for line in result.out.splitlines()}
    assert tour_links(tour) <= lines


@pytest.mark.parametrize("columns", [80, 40])
def test_show_prints_every_link_of_its_section_whole(
    tour: Tour, columns: int, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", str(columns))
    for number, section in enumerate(tour.sections, start=1):
        result = run_cli(["show", str(number)], capsys)
        assert result.status == 0
        lines = {line.strip() for line in result.out.splitlines()}
        wanted = {s.link for note in section.evidence for s in note.sources if s.link}
        if sources.is_sources_section(section):
            wanted = tour_links(tour)
        assert wanted <= lines, section.id


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_every_link_on_the_learn_pages_is_whole_or_a_hyperlink_to_the_whole(
    tour: Tour, size: tuple[int, int]
) -> None:
    pages = Paginator(tour, *size)
    found: set[str] = set()
    for index, section_pages in pages:
        for page in section_pages:
            text = page.text
            for target in page_links(page):
                found.add(target)
                assert target in page_targets(tour)
            for line in text.splitlines():  # an address shown is a whole one
                # (one that starts a word: an archive's address holds the page's own inside it)
                for shown in re.findall(r"(?<!\S)https?://\S+", line):
                    assert shown in page_targets(tour), (index, line)
    assert found == page_targets(tour)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_a_source_entry_never_straddles_two_pages(tour: Tour, size: tuple[int, int]) -> None:
    pages = Paginator(tour, *size)
    for index, section_pages in pages:
        section = tour.sections[index]
        for note in section.evidence:
            for source in note.sources:
                if not source.link:  # the whole citation on one page
                    label = " ".join(source.label.split())
                    whole = [p for p in section_pages if label in " ".join(p.text.split())]
                    assert whole, (section.id, label)
                    continue
                holding = [p for p in section_pages if source.link in page_links(p)]
                assert holding, (section.id, source.link)
                for page in holding:  # the citation's start is on the link's page
                    first = source.parts()[0][0]
                    start = " ".join(f"- {first}".split())
                    assert start in " ".join(page.text.split()), (section.id, first)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_no_page_opens_on_the_links_hint(tour: Tour, size: tuple[int, int]) -> None:
    """The hint stays with the entries it speaks of: at another width it may be left out, and a
    page that opened on it would then open on nothing of its own."""
    for index, section_pages in Paginator(tour, *size):
        for page in section_pages:
            body = [line for line in page.text.splitlines() if line.strip()]
            assert not body or not body[0].startswith("Links in full"), tour.sections[index].id


def test_a_link_too_long_for_the_page_shows_short_and_keeps_its_whole_target() -> None:
    url = "https://www.fda.gov/vaccines-blood-biologics/consumers-biologics/important-information"
    assert (
        short_link(url, 200)
        == "fda.gov/vaccines-blood-biologics/consumers-biologics/important-information"
    )
    assert short_link(url, 20) == "fda.gov/vaccines-bl…"
    assert short_link("https://doi.org/10.1002/ski2.348", 40) == "doi:10.1002/ski2.348"
    shown = link(url, 20)
    assert shown.plain == "fda.gov/vaccines-bl…"
    assert {span.style.link for span in shown.spans} == {url}  # type: ignore[union-attr]
    whole = link(url, None, "  ")
    assert whole.plain == f"  {url}" and whole.no_wrap and whole.overflow == "ignore"


def test_a_note_whose_link_was_shortened_names_the_command_that_prints_it_whole() -> None:
    long = Source("FDA", "A notice", 2019, url="https://www.fda.gov/" + "x" * 60)
    note = EvidenceNote("Text.", "2019", (long,))
    entries = source_entries(note, whole=False, full_links="exotour show safety")
    console = make_console(Environment(stdout=io.StringIO(), environ={}), width=40)
    with console.capture() as capture:
        console.print(*entries)
    assert capture.get().splitlines() == [
        "Sources:",
        "- FDA, A notice (2019).",
        "  " + short_link(long.link, 38),
        "Links in full: exotour show safety",
    ]
    wide = make_console(Environment(stdout=io.StringIO(), environ={}), width=90)
    with wide.capture() as capture:  # wide enough: whole, and no hint
        wide.print(*entries)
    assert capture.get().splitlines()[2:] == [f"  {long.link}"]


class FakeTerminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_on_a_terminal_a_link_is_an_osc8_hyperlink_to_the_whole_url() -> None:
    url = "https://doi.org/10.1002/ski2.348"
    out = FakeTerminal()
    env = Environment(stdin=FakeTerminal(), stdout=out, environ={"TERM": "xterm-256color"})
    entry = SourceEntry(Source("Bai et al.", "A review", 2024, url=url), whole=True)
    emit(entry, env=env, pager=False)
    written = out.getvalue()
    assert "\x1b]8;id=" in written and f";{url}\x1b\\" in written
    assert url in written  # shown whole too, for terminals that do not show links


def test_in_plain_output_a_link_wider_than_the_page_is_one_whole_line() -> None:
    url = "https://example.org/" + "long-path/" * 12
    out = io.StringIO()
    env = Environment(stdout=out, environ={})
    emit(SourceEntry(Source("A", "T", 2020, url=url), whole=True), env=env)
    assert out.getvalue() == f"- A, T (2020).\n  {url}\n"


@pytest.mark.slow
def test_learn_on_a_terminal_sends_the_whole_url_as_a_hyperlink(
    term: Terminals, tour: Tour
) -> None:
    index = tour.index_of("safety")
    pages = Paginator(tour, 80, 24).pages(index)
    number = next(n for n, page in enumerate(pages) if page_links(page))
    child = term.exotour("learn", "safety", rows=24, cols=80)
    for _ in range(number):
        child.send("n")
    target = page_links(pages[number])[0]
    child.expect_exact(f";{target}\x1b\\")  # OSC 8: ESC ] 8 ; params ; URL ESC \
    child.send("q")
    assert finish(child) == 0
