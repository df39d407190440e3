"""The search engine without a terminal: ranking, stemming, phrases, prefixes, suggestions,
snippets, where a hit's page is, highlighting a page, and that no query can raise."""

from __future__ import annotations

import shlex

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rich.segment import Segment
from rich.style import Style

from exotour.model import EvidenceNote, GlossaryEntry, Section, Source, Tour
from exotour.render.highlight import PAGE_MATCH_STYLE, highlight_page
from exotour.render.page import Page
from exotour.render.results import highlighted
from exotour.search.engine import (
    Hit,
    excerpt,
    first_match,
    match_spans,
    page_holding,
    parse_query,
    search,
    suggest,
)
from exotour.search.passages import markdown_passages
from exotour.tui.pages import Paginator


def make_tour(*sections: Section, glossary: tuple[GlossaryEntry, ...] = ()) -> Tour:
    return Tour(
        id="test",
        title="A test tour",
        subtitle="",
        disclaimer="Not advice.",
        sections=sections,
        glossary=glossary,
    )


def section(
    id_: str,
    title: str,
    body: str,
    *,
    keywords: tuple[str, ...] = (),
    evidence: tuple[EvidenceNote, ...] = (),
) -> Section:
    return Section(id_, title, "", body, keywords=keywords, evidence=evidence)


FILLER = "The clinic describes many other things at length in this paragraph. " * 4


@pytest.fixture(scope="module")
def small() -> Tour:
    return make_tour(
        section("body-once", "Skin care", f"{FILLER} It mentions collagen once. {FILLER}"),
        section("in-title", "Collagen basics", "Nothing about the protein here."),
        section("wounds", "Wounds", "Wounds heal slowly.\n\nSports injuries are common."),
        section(
            "phrases",
            "Cells",
            "Stem cells grow in a dish.\n\nCells from the stem of a plant are different.",
        ),
        section("accents", "Cafés", "A café near the clinic, and a [bold]bracket[/bold] too."),
        section(
            "keyworded",
            "Unrelated",
            f"{FILLER} Angiogenesis is named here once. {FILLER}",
            keywords=("vessels",),
        ),
        section("vessel-body", "Other", f"{FILLER} New vessels form, it says. {FILLER}"),
        glossary=(GlossaryEntry("Angiogenesis", "The formation of new blood vessels."),),
    )


def ids(hits: list[Hit]) -> list[str]:
    return [hit.id for hit in hits]


# -- ranking and matching ------------------------------------------------------------------------


def test_a_term_in_a_title_outranks_the_same_term_once_in_a_body(small: Tour) -> None:
    hits = search(small, "collagen")
    assert ids(hits) == ["in-title", "body-once"]
    assert hits[0].score > hits[1].score
    assert hits[0].title_spans == ((0, 8),)


def test_a_keyword_outranks_the_same_word_in_a_body(small: Tour) -> None:
    assert ids(search(small, "vessels"))[:2] == ["keyworded", "vessel-body"]


def test_sections_come_before_glossary_entries(small: Tour) -> None:
    hits = search(small, "angiogenesis")
    assert ids(hits) == ["keyworded", "Angiogenesis"]
    assert hits[1].section is None
    assert hits[1].command == "exotour glossary Angiogenesis"
    assert hits[0].command == "exotour learn keyworded --at angiogenesis"


@pytest.mark.parametrize(
    ("query", "found"),
    [
        ("healing", "heal"),
        ("injury", "injuries"),
        ("HEALS", "heal"),
        ("cafe", "café"),
        ("CAFÉ", "café"),
    ],
)
def test_word_endings_case_and_accents_do_not_matter(small: Tour, query: str, found: str) -> None:
    hits = search(small, query)
    assert hits, query
    hit = hits[0]
    assert [hit.text[a:b] for a, b in hit.spans] == [found]


def test_every_word_must_match(small: Tour) -> None:
    assert ids(search(small, "wounds heal")) == ["wounds"]
    assert search(small, "wounds collagen") == []


def test_a_quoted_phrase_matches_only_as_a_phrase(small: Tour) -> None:
    phrase = search(small, '"stem cells"')
    assert len(phrase) == 1
    assert phrase[0].text.startswith("Stem cells grow")
    assert phrase[0].snippet[slice(*phrase[0].spans[0])] == "Stem cells"
    assert len(search(small, "stem cells")) == 2  # as two words, both passages match


def test_a_trailing_star_is_a_prefix(small: Tour) -> None:
    assert ids(search(small, "collag*")) == ["in-title", "body-once"]
    assert search(small, "collag") == []


def test_limit_caps_the_hits(small: Tour) -> None:
    assert len(search(small, "clinic", limit=1)) == 1
    assert len(search(small, "clinic", limit=3)) == 3


@pytest.mark.parametrize("query", ['"', "(", "-", "*", "^", ":", "😀", '"" ()'])
def test_punctuation_alone_finds_nothing(small: Tour, query: str) -> None:
    assert search(small, query) == []


@pytest.mark.parametrize(
    ("query", "found"),
    [
        ("NEAR(collagen", []),  # the phrase "near collagen", which no passage has
        ("NEAR collagen", []),
        ("col:lagen", []),
        ("title:collagen", []),
        ("'; DROP TABLE passages; --", []),
        ("collagen)", ["collagen"]),
        ("^collagen", ["collagen"]),
        ("-collagen", ["collagen"]),
        ("{text}:collagen", []),
    ],
)
def test_fts_syntax_is_read_as_words(small: Tour, query: str, found: list[str]) -> None:
    hits = search(small, query)
    matched = sorted({hit.text[a:b].casefold() for hit in hits for a, b in hit.spans})
    assert matched == found


def test_operators_are_searched_as_words() -> None:
    tour = make_tour(section("ops", "Ops", "Salt and pepper, not sugar."))
    assert ids(search(tour, "and NOT")) == ["ops"]
    assert ids(search(tour, '"pepper, not"')) == ["ops"]


def test_parse_query_reads_words_phrases_and_prefixes() -> None:
    terms = parse_query('heal "stem  cells" collag* "unclosed phrase')
    assert [(t.text, t.kind) for t in terms] == [
        ("heal", "word"),
        ("stem cells", "phrase"),
        ("collag", "prefix"),
        ("unclosed phrase", "phrase"),
    ]
    assert [t.fts for t in terms] == ['"heal"', '"stem cells"', '"collag"*', '"unclosed phrase"']
    assert parse_query('a"b').__len__() == 1
    assert parse_query('a"b')[0].fts == '"a""b"'
    assert parse_query('" - * 😀 "') == ()


# -- snippets ------------------------------------------------------------------------------------


def test_brackets_in_content_stay_text_and_spans_point_at_the_match(small: Tour) -> None:
    hit = search(small, "bracket")[0]
    snippet, spans = hit.excerpt()
    assert "[bold]bracket[/bold]" in snippet
    assert [snippet[a:b] for a, b in spans] == ["bracket"]
    text = highlighted(snippet, spans)
    assert text.plain == snippet
    assert [(s.start, s.end) for s in text.spans] == list(spans)


def test_a_long_passage_is_cut_around_the_match_at_spaces() -> None:
    text = "word " * 100 + "collagen " + "more " * 100
    start = text.index("collagen")
    snippet, spans = excerpt(text.strip(), ((start, start + 8),), size=80)
    assert snippet.startswith("… ") and snippet.endswith(" …")
    assert len(snippet) <= 84
    assert [snippet[a:b] for a, b in spans] == ["collagen"]
    assert " wor " not in f" {snippet} "  # no word is cut in two


def test_markdown_is_stripped_into_passages() -> None:
    body = (
        "# Heading\n\nSome **bold**, _it_, snake_case, `code` and [a link](http://x.y).\n\n"
        "- first *item*\n- second\n  continued\n\n> quoted\n\n\\*not emphasis\\*"
    )
    assert markdown_passages(body) == [
        ("paragraph", "Heading: Some bold, it, snake_case, code and a link."),
        ("list", "first item • second continued"),
        ("paragraph", "quoted"),
        ("paragraph", "*not emphasis*"),
    ]


def test_evidence_notes_and_their_sources_are_searchable() -> None:
    note = EvidenceNote(
        "Reviews found small pilot studies.",
        "2024",
        (Source("Fusco et al.", "A scoping review", 2024, doi="10.1002/jev2.12433"),),
    )
    tour = make_tour(section("s", "S", "Body text.", evidence=(note,)))
    hits = search(tour, "fusco")
    assert [(h.kind, h.passage) for h in hits] == [("note", 1)]
    assert hits[0].as_json()["passage"] == 2


def test_a_section_matched_only_by_its_title_is_listed_once() -> None:
    tour = make_tour(section("t", "Collagen", "One.\n\nTwo.\n\nThree mentions collagen."))
    hits = search(tour, "collagen")
    assert [h.passage for h in hits] == [2]  # the passage that says it, not the other two
    only_title = make_tour(section("t", "Collagen", "One.\n\nTwo."))
    assert [h.field for h in search(only_title, "collagen")] == ["text"]
    assert len(search(only_title, "collagen")) == 1


def test_hits_as_json() -> None:
    tour = make_tour(section("s", "Skin", "Collagen is a protein."))
    data = search(tour, "collagen")[0].as_json()
    assert set(data) >= {"id", "title", "snippet", "score", "section", "passage", "command"}
    assert (
        data["section"] == 1
        and data["id"] == "s"
        and data["command"] == "exotour learn s --at collagen"
    )
    assert data["highlights"] == [[0, 8]]


# -- suggestions ---------------------------------------------------------------------------------


def test_a_misspelling_suggests_the_word_in_the_index(tour: Tour) -> None:
    assert search(tour, "colagen") == []
    assert suggest(tour, "colagen") == "collagen"
    assert suggest(tour, "exosme therpy") == "exosome therapy"


def test_no_suggestion_for_known_words_or_nonsense(tour: Tour) -> None:
    assert suggest(tour, "collagen") is None
    assert suggest(tour, "qqqqzzzz") is None
    assert suggest(tour, "") is None


# -- the page a hit opens, and the page highlighted ---------------------------------------------


@pytest.mark.parametrize("size", [(80, 24), (40, 15), (120, 40)])
def test_the_page_a_hit_opens_shows_its_match(tour: Tour, size: tuple[int, int]) -> None:
    pages = Paginator(tour, *size)
    for query in ("collagen", "microneedling", "veterans", "IND"):
        for hit in search(tour, query, limit=20):
            if hit.section is None:
                continue
            texts = [page.findable for page in pages.pages(hit.section)]
            shown = texts[page_holding(texts, hit)]
            word = hit.text[slice(*hit.spans[0])] if hit.spans else query
            assert word.casefold() in " ".join(shown.split()).casefold(), (query, hit)


@pytest.mark.parametrize("size", [(80, 24), (40, 15), (200, 60)])
def test_learn_at_words_opens_the_page_of_the_sections_first_hit(
    tour: Tour, size: tuple[int, int]
) -> None:
    # The contract of `exotour learn SECTION --at WORDS`, which search suggests for each hit.
    pages = Paginator(tour, *size)
    for query in ("collagen", "microneedling", '"stem cells"', "heal*", "fda warning"):
        first_of_section: dict[int, Hit] = {}
        for hit in search(tour, query, limit=20):
            if hit.section is not None and hit.field == "text":
                first_of_section.setdefault(hit.section, hit)
                assert hit.command.endswith(" --at " + shlex.quote(hit.at))
        for number, hit in first_of_section.items():
            texts = [page.text for page in pages.pages(number)]
            found = first_match(texts, hit.at)
            assert found is not None, (query, hit.id)
            page, (start, end) = found
            assert 0 <= start < end <= len(texts[page])
            # The page shows the start of the first match: all of it, or a phrase's first word.
            shown = (
                texts[page][start:end] + " " + (texts[page + 1] if end == len(texts[page]) else "")
            )
            assert match_spans(shown, hit.terms), (query, hit.id)


def test_a_later_passage_gets_the_words_that_find_it_first(tour: Tour) -> None:
    hits = [h for h in search(tour, "microneedling", 20) if h.id == "how-does-it-work"]
    assert len(hits) > 1
    for hit in hits:
        assert hit.at == "microneedling" or hit.at.startswith('"')
    later = [hit for hit in hits if hit.at != "microneedling"]
    assert later
    passages = [text for kind, text in section_passages(tour, "how-does-it-work")]
    for hit in later:
        found = first_match(passages, hit.at)
        assert found is not None and found[0] == hit.passage
        assert hit.command == f"exotour learn how-does-it-work --at {shlex.quote(hit.at)}"


def section_passages(tour: Tour, id_: str) -> list[tuple[str, str]]:
    from exotour.search.passages import section_rows

    number = [s.id for s in tour.sections].index(id_)
    return [(row.kind, row.text) for row in section_rows(number, tour.sections[number])]


def test_first_match_prefers_a_text_with_every_word_and_says_where() -> None:
    texts = ["Collagen alone.", "Nothing here.", "Skin and collagen together.", "skin"]
    assert first_match(texts, "collagen skin") == (2, (0, 4))  # its first match
    assert first_match(texts, "collagen") == (0, (0, 8))
    assert first_match(texts, "skin zebrafish") == (2, (0, 4))  # no text has both: any
    assert first_match(texts, "zebrafish") is None
    assert first_match(texts, "* ( -") is None
    assert first_match([], "collagen") is None


def test_highlight_page_styles_matched_words_and_keeps_the_text() -> None:
    base = Style(color="blue")
    page = Page(
        (
            (Segment("Wounds ", base), Segment("are healing; stem", None)),
            (Segment("┃ cells ┃", base),),
        )
    )
    marked = highlight_page(page, ["heal", "stem cells"])
    assert marked.text == page.text
    styled = [
        (seg.text, seg.style)
        for line in marked.lines
        for seg in line
        if seg.style and seg.style.reverse
    ]
    assert [text for text, _ in styled] == ["healing", "stem", "cells"]
    assert styled[2][1] == base + PAGE_MATCH_STYLE  # its own style is kept under the highlight
    assert highlight_page(page, ["nothing"]) is page


def test_match_spans_follow_stems_prefixes_and_phrases() -> None:
    text = "Injuries heal; collagen production; stem cells"
    assert [text[a:b] for a, b in match_spans(text, ["injury"])] == ["Injuries"]
    assert [text[a:b] for a, b in match_spans(text, ["coll*"])] == ["collagen"]
    assert [text[a:b] for a, b in match_spans(text, ["stem cells"])] == ["stem cells"]
    assert match_spans(text, ["[", ""]) == ()


# -- no query can raise --------------------------------------------------------------------------


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=200))
def test_any_text_as_a_query_gives_hits_or_none(query: str) -> None:
    tour = _TOUR
    hits = search(tour, query)
    assert isinstance(hits, list)
    for hit in hits:
        snippet, spans = hit.excerpt()
        assert all(0 <= a < b <= len(snippet) for a, b in spans)
    if not hits:
        suggestion = suggest(tour, query)
        assert suggestion is None or search(tour, suggestion)


@settings(max_examples=100, deadline=None)
@given(st.lists(st.text(max_size=30), max_size=4), st.text(max_size=300))
def test_any_terms_on_any_text_give_spans_inside_it(terms: list[str], text: str) -> None:
    for a, b in match_spans(text, terms):
        assert 0 <= a < b <= len(text)


@settings(max_examples=200, deadline=None)
@given(
    st.text(alphabet="ab c", max_size=300),
    st.integers(0, 300),
    st.integers(1, 12),
    st.integers(20, 200),
)
def test_an_excerpt_keeps_its_matches_whole(text: str, at: int, length: int, size: int) -> None:
    text = " ".join(text.split())
    start = min(at, len(text))
    span = (start, min(len(text), start + length))
    spans = (span,) if span[1] > span[0] else ()
    snippet, shown = excerpt(text, spans, size)
    assert all(0 <= a < b <= len(snippet) for a, b in shown)
    for (a, b), (c, d) in zip(shown, spans, strict=False):
        assert snippet[a:b] == text[c:d][: b - a]
    if spans and span[1] - span[0] < size // 2:
        assert [snippet[a:b] for a, b in shown] == [text[slice(*span)]]


def test_a_very_long_query_is_fine(tour: Tour) -> None:
    assert search(tour, "collagen " * 1200) != []
    assert search(tour, "x" * 10_000) == []
    assert search(tour, " ".join(f"w{i}" for i in range(2000))) == []


_TOUR = make_tour(
    section("a", "Collagen [b]", "Heal **the** injuries.\n\n- café\n- stem cells"),
    section("b", "Other", 'Nothing; (really) "quoted" AND NOT -x.'),
    glossary=(GlossaryEntry("Term", "A definition.", ("alias",)),),
)
