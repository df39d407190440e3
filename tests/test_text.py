"""Text made safe: for a terminal, no escape byte acts; in Markdown, no character marks up."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from exotour.text import UNSAFE_CHARS, escape_markdown, printable


def test_an_escape_sequence_prints_as_text() -> None:
    assert printable("a\x1b[31mred\x07") == "a\\x1b[31mred\\x07"


def test_bidi_overrides_and_line_separators_are_shown_not_obeyed() -> None:
    assert printable("x\u202ey\u2028z") == "x\\u202ey\\u2028z"


def test_tabs_newlines_and_ordinary_text_pass_unchanged() -> None:
    assert printable("one\ttwo\nthree é ✓") == "one\ttwo\nthree é ✓"


@given(st.text())
def test_nothing_unsafe_survives(text: str) -> None:
    assert not UNSAFE_CHARS.search(printable(text))


def _rendered_text(markdown: str) -> str:
    """What a Markdown reader shows of MARKDOWN, with any markup it found named."""
    tokens = MarkdownIt("commonmark").parse(markdown)
    kinds = {t.type for t in tokens} | {c.type for t in tokens for c in t.children or []}
    assert kinds <= {"paragraph_open", "paragraph_close", "inline", "text", "softbreak"}, kinds
    return "".join(c.content for t in tokens for c in t.children or [] if c.type == "text")


def test_markup_characters_are_literal() -> None:
    text = "*not bold* [not a link](x) `not code` <b>no</b> # no heading"
    assert _rendered_text(escape_markdown(text)) == text


def test_what_would_start_a_list_or_heading_stays_text() -> None:
    for text in ["1. not a list", "2) nor this", "- nor this", "+ nor this", "# nor this"]:
        assert _rendered_text(escape_markdown(text)) == text


@given(st.text(alphabet=st.characters(codec="ascii", exclude_categories=["Cc"]), max_size=60))
def test_any_line_of_ascii_reads_back_as_itself(text: str) -> None:
    text = text.strip()
    if text:
        # Runs of spaces are the renderer's to keep or fold; every other character is literal.
        shown = _rendered_text(escape_markdown(text))
        assert " ".join(shown.split()) == " ".join(text.split())
