"""exotour.render.plainlines and prose.markdown_lines: plain text drawn as Rich draws it, without
a Console; and the whole tour's plain drawing grows no faster than the tour."""

from __future__ import annotations

import gc
import importlib.util
import sys
import time
from pathlib import Path

import pytest
from helpers import REPO
from hypothesis import example, given, settings
from hypothesis import strategies as st
from rich.console import RenderableType
from rich.markdown import Markdown
from rich.text import Text

from exotour.content.loader import load_tour
from exotour.model import EvidenceNote, Section, Source, Tour
from exotour.render.console import offscreen_console
from exotour.render.notes import SourceEntry
from exotour.render.plainlines import narrow, plain_lines, wrap
from exotour.render.prose import markdown_lines
from exotour.render.terminal import NEEDS_CARE

# Letters, spaces, punctuation, Markdown's syntax, accents, dashes, and a few that are not narrow.
_ALPHABET = st.sampled_from(
    [*"ab cd  ef-.,;:!?()*[]#_`<>&|~=+1.\n\t", *"éü—…•✓\u2019\u201c\u200d\u4e00"]
)


def _rich(renderable: RenderableType, width: int) -> list[str]:
    console = offscreen_console(width)
    with console.capture() as capture:
        console.print(renderable, crop=False)
    return [line.rstrip() for line in capture.get().splitlines()]


def _unused(renderable: RenderableType, width: int) -> list[str]:
    raise AssertionError("drawn by Rich")


def test_a_narrow_character_needs_no_care_on_the_way_to_the_terminal() -> None:
    narrow_chars = [chr(code) for code in range(0x2800) if narrow(chr(code))]
    assert len(narrow_chars) > 500
    assert not [char for char in narrow_chars if NEEDS_CARE.search(char)]


@settings(max_examples=300)
@given(st.text(_ALPHABET, max_size=200), st.integers(1, 60))
@example("      x", 3)
@example("a    b", 2)
def test_wrap_folds_as_rich_folds(text: str, width: int) -> None:
    lines = wrap(text, width)
    if lines is not None:
        assert [line.rstrip() for line in lines] == _rich(Text(text), width)


@settings(max_examples=400)
@given(
    st.lists(
        st.one_of(
            st.text(_ALPHABET, max_size=60),
            st.sampled_from(
                [
                    "**In short.** words here",
                    "See [the FDA page](https://www.fda.gov/).",
                    "## What is known",
                    "# A title",
                    "- an item that goes on for a while",
                    "- *stressed* item",
                    "1. first",
                    "",
                    "word *em* and **strong**, then (**aside**)",
                    "![image](https://x.org/a.png)",
                    "[Up](https://Example.ORG/Path)",
                    "a**b**c",
                    "**a**.",
                    "*a* * b",
                ]
            ),
        ),
        max_size=8,
    ),
    st.integers(4, 90),
)
def test_markdown_lines_are_the_lines_rich_markdown_prints(parts: list[str], width: int) -> None:
    source = "\n".join(parts)
    lines = markdown_lines(source, width)
    if lines is not None:
        assert [line.rstrip() for line in lines] == _rich(Markdown(source, hyperlinks=False), width)


def test_the_generated_kinds_of_body_are_drawn_without_rich() -> None:
    body = (
        "## How it is said to work\n\nClinics describe it.\nOn two lines.\n\n"
        "Questions worth asking:\n\n- One question?\n- Another one.\n\n"
        "**In short.** See [the FDA page](https://www.fda.gov/)."
    )
    for width in (41, 80, 100):  # at 20 the link is a word longer than the line: Rich folds it
        lines = markdown_lines(body, width)
        assert lines is not None
        assert [line.rstrip() for line in lines] == _rich(Markdown(body, hyperlinks=False), width)


@pytest.mark.parametrize("width", [12, 30, 80, 120])
@pytest.mark.parametrize("whole", [True, False])
def test_a_source_entry_is_drawn_as_rich_draws_it(width: int, whole: bool) -> None:
    source = Source(
        author="Théry et al.",
        title="Minimal information for studies of extracellular vesicles",
        year=2018,
        doi="10.1080/20013078.2018.1535750",
    )
    entry = SourceEntry(
        source, whole=whole, number=3, heading="Sources:", cited_in="Cited in section 2."
    )
    drawn = plain_lines(entry, width, _unused if width >= 80 else _rich)  # wide: no Rich
    assert [line.rstrip() for line in drawn] == _rich(entry, width)


@settings(max_examples=300)
@given(st.text(_ALPHABET, max_size=200), st.integers(1, 60), st.integers(0, 8))
@example("an indent as wide as the line", 4, 4)
def test_indented_text_is_drawn_as_rich_pads_it(text: str, width: int, indent: int) -> None:
    from exotour.render.plainlines import Indented

    drawn = Indented(Text(text), indent)
    assert [line.rstrip() for line in plain_lines(drawn, width, _rich)] == _rich(drawn, width)


@settings(max_examples=100)
@given(st.text(_ALPHABET, max_size=120), st.integers(1, 60), st.integers(0, 4))
def test_a_whole_command_is_drawn_as_rich_draws_it(command: str, width: int, indent: int) -> None:
    from exotour.render.results import WholeCommand

    drawn = WholeCommand(command, indent)
    assert [line.rstrip() for line in plain_lines(drawn, width, _rich)] == _rich(drawn, width)


def test_search_results_of_the_built_in_tour_are_drawn_without_rich(tour: Tour) -> None:
    from exotour.render.results import results_screen
    from exotour.search import engine

    hits = engine.search(tour, "collagen", 10)
    assert hits
    screen = results_screen(hits, "collagen", None, width=80, prefix="exotour")
    assert [line.rstrip() for line in plain_lines(screen, 80, _unused)] == _rich(screen, 80)


@settings(max_examples=200)
@given(
    st.lists(
        st.tuples(st.text(_ALPHABET, max_size=50), st.text(_ALPHABET, max_size=160)), max_size=12
    ),
    st.integers(1, 90),
)
@example([("What are exosomes?", "Tiny sacs that cells release.")] * 10, 80)
def test_the_summary_takeaways_are_drawn_as_rich_draws_them(
    rows: list[tuple[str, str]], width: int
) -> None:
    from exotour.render.summary import _Takeaways
    from exotour.summary import Summary, Takeaway

    takeaways = tuple(
        Takeaway(number, f"s{number}", title, text, False)
        for number, (title, text) in enumerate(rows, start=1)
    )
    drawn = _Takeaways(Summary("T", "", "D", takeaways, None, "", ""))
    assert [line.rstrip() for line in plain_lines(drawn, width, _rich)] == _rich(drawn, width)


def test_the_built_in_summary_is_drawn_without_rich(tour: Tour) -> None:
    from exotour import summary
    from exotour.render.summary import renderable

    screen = renderable(summary.build(tour))
    assert [line.rstrip() for line in plain_lines(screen, 80, _unused)] == _rich(screen, 80)


def test_the_built_in_tour_needs_rich_for_no_section(tour: Tour) -> None:
    from exotour.render.screens import plain_section

    for index in range(len(tour.sections) - 1):  # the generated Sources section aside
        for width in (40, 80):
            drawn = plain_lines(plain_section(tour, index), width, _rich)
            assert [line.rstrip() for line in drawn] == _rich(plain_section(tour, index), width)


def _generated_tour(folder: Path, sections: int) -> Tour:
    """A tour of SECTIONS sections made by the benchmark's own generator."""
    spec = importlib.util.spec_from_file_location("bench_run", REPO / "bench" / "run.py")
    assert spec is not None and spec.loader is not None
    bench = sys.modules.get(spec.name) or importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = bench  # its dataclasses look their module up there
    spec.loader.exec_module(bench)
    return load_tour(bench.generate_tour(folder, sections))


def _drawing_seconds(tour: Tour) -> float:
    """CPU time to draw TOUR as plain text, best of five, with the collector off."""
    from exotour.render.screens import plain_tour

    best = float("inf")
    for _ in range(5):
        gc.collect()
        gc.disable()
        try:
            started = time.process_time()
            for part in plain_tour(tour, range(len(tour.sections))):
                plain_lines(part, 80, _rich)
            best = min(best, time.process_time() - started)
        finally:
            gc.enable()
    return best


@pytest.mark.slow
@pytest.mark.parametrize("sections", [100, 200])
def test_doubling_the_sections_at_most_about_doubles_the_drawing(
    tmp_path_factory: pytest.TempPathFactory, sections: int
) -> None:
    small = _generated_tour(tmp_path_factory.mktemp("small"), sections)
    large = _generated_tour(tmp_path_factory.mktemp("large"), sections * 2)
    ratio = _drawing_seconds(large) / _drawing_seconds(small)
    assert ratio < 3.0, f"twice the sections took {ratio:.1f} times as long to draw"


# Text that can be drawn without Rich; titles and bodies are sometimes any text at all.
_WORDS = st.text(st.sampled_from([*"abc de  fg-.,;:!?()1", "é", "—", "…"]), min_size=1, max_size=80)
_ANY = st.text(_ALPHABET, min_size=1, max_size=80)
_SOURCES = st.builds(
    Source,
    author=st.one_of(st.none(), _WORDS),
    title=st.sampled_from(["On exosomes", "Über Vesikel — eine Übersicht"]),
    year=st.integers(1990, 2030),
    url=st.sampled_from(["https://example.org/théry/45", "https://x.org/" + "a" * 120]),
)
_NOTES = st.builds(
    EvidenceNote,
    text=_WORDS,
    as_of=st.sampled_from(["2024-01-31", "2025"]),
    sources=st.lists(_SOURCES, max_size=2).map(tuple),
)
_BODIES = st.lists(
    st.sampled_from(["## Heading", "Plain words here.", "- an item", "", "**In short.** x"])
    | _WORDS
    | _ANY,
    max_size=6,
).map(lambda blocks: "\n\n".join(blocks) if len(blocks) % 3 else "\n".join(blocks))


@settings(max_examples=150)
@given(
    title=_WORDS | _ANY,
    body=_BODIES,
    notes=st.lists(_NOTES, max_size=2),
    added=st.booleans(),
    disclaimer=_WORDS,
    index=st.integers(0, 1),
    width=st.integers(1, 120) | st.integers(30, 120),
)
def test_section_lines_are_the_lines_of_the_plain_section(
    title: str,
    body: str,
    notes: list[EvidenceNote],
    added: bool,
    disclaimer: str,
    index: int,
    width: int,
) -> None:
    """The plain tour draws a section from the model (section_lines) where it can: the same
    lines as its renderables walked, or as Rich draws them."""
    from exotour.render.sections import plain_section, section_lines

    drawn = Section("one", title, "T.", body, evidence=tuple(notes), added_by_tour=added)
    other = Section("two", "Two", "T.", "Words.")
    sections = (drawn, other) if index == 0 else (other, drawn)
    tour = Tour("t", "T", "", disclaimer, sections)
    lines = section_lines(tour, index, width)
    if lines is not None:
        assert lines == plain_lines(plain_section(tour, index), width, _rich)
        assert [line.rstrip() for line in lines] == _rich(plain_section(tour, index), width)


def test_the_built_in_tour_is_drawn_from_the_model_where_it_can(tour: Tour) -> None:
    from exotour.render.sections import plain_section, section_lines

    quick = 0
    for index in range(len(tour.sections)):
        for width in (40, 80, 120):
            lines = section_lines(tour, index, width)
            if lines is not None:  # else a body needs Rich's Markdown: walked, as before
                assert lines == plain_lines(plain_section(tour, index), width, _unused)
                quick += 1
    assert quick >= len(tour.sections)
    assert section_lines(tour, len(tour.sections) - 1, 80) is None  # Sources: its own blocks
