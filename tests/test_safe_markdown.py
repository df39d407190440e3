"""safe_markdown: Markdown from a hostile tour, made safe wherever it is rendered as HTML."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from markdown_it.token import Token

from exotour.safe_markdown import is_safe_link, neutralise

# A renderer as permissive as they come: raw HTML on, every link scheme allowed.
PERMISSIVE = MarkdownIt("commonmark", {"html": True})
PERMISSIVE.validateLink = lambda url: True  # type: ignore[method-assign]


def _tokens(markdown: str) -> list[Token]:
    found: list[Token] = []
    for token in PERMISSIVE.parse(markdown):
        found.append(token)
        found.extend(token.children or [])
    return found


def assert_harmless(markdown: str) -> None:
    """No raw HTML, no image, and no link but to http(s), mailto or a relative place."""
    for token in _tokens(markdown):
        assert token.type not in ("html_block", "html_inline", "image"), (token, markdown)
        if token.type == "link_open":
            href = str(token.attrGet("href") or "")
            assert is_safe_link(href), (href, markdown)


ATTACKS = [
    "Hi <script>alert(1)</script> there",
    "<img src=x onerror=alert(1)>",
    '<iframe src="https://evil.example"></iframe>',
    "<div>\n<script>alert(1)</script>\n</div>",
    '<a href="javascript:alert(1)">x</a>',
    "[x](javascript:alert(1))",
    "[x](JaVaScRiPt:alert(1))",
    "[x]( javascript:alert(1) )",
    "[x](<javascript:alert(1)>)",
    "[x](java&#115;cript:alert(1))",
    "[x](javascript&colon;alert(1))",
    "[x](javascript\\:alert(1))",
    "[x](data:text/html;base64,PHNjcmlwdD4=)",
    "[x](vbscript:msgbox(1))",
    "[x][r]\n\n[r]: javascript:alert(1)",
    "[x][r]\n\n[r]:\n  data:text/html,<script>alert(1)</script>",
    "<javascript:alert(1)>",
    "![p](http://e.org/p.png)",
    "# a `b\n<script>`alert(1)",
    "`code` <b onmouseover=alert(1)>bold</b>",
    "> quoted <script>alert(1)</script>",
    "- item <svg onload=alert(1)>",
    "<!-- comment --><style>body{}</style>",
]


@pytest.mark.parametrize("attack", ATTACKS)
def test_every_known_attack_is_harmless(attack: str) -> None:
    assert_harmless(neutralise(attack))


def test_ordinary_markdown_is_kept_as_written() -> None:
    body = (
        "A paragraph with *emphasis*, **strong**, a [link](https://example.org/a_b) and "
        "<https://example.org>.\n\n- one\n- two\n\n> a quote\n\n    indented code <b>\n\n"
        "```\n<script>in a fence</script>\n```\n\nand `<code span>` and [rel](#section-2).\n"
    )
    assert neutralise(body) == body


def test_html_becomes_text_and_a_bad_link_its_own_words() -> None:
    out = neutralise("Hi <script>x</script> [x](javascript:alert(1))")
    assert out == "Hi &lt;script>x&lt;/script> [x\\]\\(javascript:alert(1))"
    rendered = MarkdownIt("commonmark").render(out)
    assert rendered == "<p>Hi &lt;script&gt;x&lt;/script&gt; [x](javascript:alert(1))</p>\n"


def test_an_image_becomes_a_link_to_it() -> None:
    assert neutralise("![p](http://e.org/p.png)") == "[p](http://e.org/p.png)"


@pytest.mark.parametrize(
    ("url", "safe"),
    [
        ("https://doi.org/10.1/x", True),
        ("HTTP://x", True),
        ("mailto:a@b.org", True),
        ("#section-2", True),
        ("notes/other.md", False),  # only web links and anchors: a path goes nowhere
        ("//evil.example/x", False),
        ("ms-msdt:/id PCWDiagnostic", False),
        ("search-ms:query=x", False),
        ("smb://host/share", False),
        ("javascript:alert(1)", False),
        (" \tjava\nscript:x", False),
        ("jav&#x61;script:x", False),
        ("data:text/html,x", False),
        ("vbscript:x", False),
        ("file:///etc/passwd", False),
    ],
)
def test_is_safe_link(url: str, safe: bool) -> None:
    assert is_safe_link(url) is safe


# Pieces of Markdown syntax and of attacks, joined at random.
PIECES = st.sampled_from(
    [*"<>[]()!`\\:&;#*_-\n \tax/\"'=", "javascript:", "data:", "<a ", "](", "]:", "    ", "```"]
)


@settings(max_examples=400)
@given(st.lists(PIECES, max_size=40).map("".join))
def test_whatever_the_body_the_result_is_harmless(body: str) -> None:
    assert_harmless(neutralise(body))


@settings(max_examples=100)
@given(st.text(max_size=200))
def test_neutralising_twice_changes_nothing_more(body: str) -> None:
    once = neutralise(body)
    assert_harmless(once)
    assert neutralise(once) == once


def _neutralised_character_by_character(markdown: str) -> str:
    """neutralise as it was first written: every line parsed, every character looked at.
    The module now skips to the next character that may change, and returns a text where no
    character would; this holds it to the same result."""
    from exotour import safe_markdown as sm

    lines = markdown.splitlines(keepends=True)
    kinds: list[str | int] = ["other"] * len(lines)
    blocks = MarkdownIt("commonmark")
    blocks.core.ruler.disable("inline")
    for number, token in enumerate(blocks.parse(markdown)):
        if token.map is not None and token.type in ("fence", "code_block", "inline"):
            for line in range(*token.map):
                kinds[line] = number if token.type == "inline" else "code"
    out: list[str] = []
    start = 0
    for end in range(1, len(lines) + 1):
        if end < len(lines) and kinds[end] == kinds[start]:
            continue
        text, kind = "".join(lines[start:end]), kinds[start]
        start = end
        if kind == "code":
            out.append(text)
            continue
        code_spans = isinstance(kind, int)
        runs = sm._backtick_runs(text) if code_spans else {}
        i, n = 0, len(text)
        while i < n:
            c = text[i]
            if c == "\\" and i + 1 < n:
                out.append(text[i : i + 2])
                i += 2
            elif c == "`" and code_spans:
                run = len(sm._BACKTICKS.match(text, i)[0])  # type: ignore[index]
                close = sm._next_run(runs.get(run, []), i + run)
                stop = i + run if close is None else close + run
                out.append(text[i:stop])
                i = stop
            elif c == "<":
                autolink = sm._SAFE_AUTOLINK.match(text, i)
                out.append(autolink[0] if autolink else "&lt;")
                i = autolink.end() if autolink else i + 1
            elif c == "!" and text.startswith("![", i):
                out.append("[")
                i += 2
            elif c == "]" and text[i + 1 : i + 2] in ("(", ":"):
                mark = text[i + 1]
                gap = sm._BEFORE_DESTINATION.match(text, i + 2)
                assert gap is not None
                destination = sm._DESTINATION.match(text, gap.end())
                assert destination is not None
                label = sm._link_text(text, i) if mark == "(" else ""  # link text as an address
                safe = is_safe_link(destination[0]) and not sm.names_other_address(
                    label, destination[0]
                )
                out.append(f"]{mark}" if safe else f"\\]\\{mark}")
                i += 2
            else:
                out.append(c)
                i += 1
    return "".join(out)


@settings(max_examples=500)
@given(st.lists(PIECES | st.sampled_from(["https://x.org", "`` ", "\n\n", "- "]), max_size=40))
def test_neutralise_gives_what_looking_at_every_character_gives(pieces: list[str]) -> None:
    body = "".join(pieces)
    assert neutralise(body) == _neutralised_character_by_character(body)


@pytest.mark.parametrize("body", ATTACKS)
def test_each_attack_is_neutralised_as_before(body: str) -> None:
    assert neutralise(body) == _neutralised_character_by_character(body)
