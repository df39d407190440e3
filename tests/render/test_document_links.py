"""The exports judge the document they write, and hold one link policy: http, https, mailto and
anchors in the document are links; every other scheme, a protocol-relative //host and a path
are plain text; a link whose text is another address shows its real target."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import run_cli, write_content
from markdown_it import MarkdownIt

TOUR = "id: t\ntitle: T\ndisclaimer: Not advice.\nsections: [one, two]\n"


def _section(id_: str, body: str) -> str:
    indented = "\n".join(f"  {line}" for line in body.splitlines())
    return f"id: {id_}\ntitle: {id_.title()}\ntakeaway: A takeaway.\nbody: |\n{indented}\n"


def _export(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], one: str, two: str, fmt: str
) -> str:
    folder = write_content(
        tmp_path / "tour",
        {
            "tour.yaml": TOUR,
            "sections/one.yaml": _section("one", one),
            "sections/two.yaml": _section("two", two),
        },
    )
    result = run_cli(["--content", str(folder), "export", "--format", fmt], capsys)
    assert (result.status, result.err) == (0, "")
    return result.out


def _as_a_renderer_shows(markdown: str) -> str:
    """The Markdown export as a CommonMark renderer that allows raw HTML would publish it."""
    published: str = MarkdownIt("commonmark", {"html": True}).render(markdown)
    return published


@pytest.mark.parametrize("fence", ["```", "~~~~"])
def test_a_fence_left_open_in_one_section_lets_no_html_through_the_next(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], fence: str
) -> None:
    one = f"Some words.\n\n{fence}\nstill code"
    two = f"{fence}\n<script>alert(1)</script>\n\n<img src=x onerror=alert(2)>"
    published = _as_a_renderer_shows(_export(tmp_path, capsys, one, two, "markdown"))
    assert "<script" not in published and "<img" not in published
    assert "<h2>2. Two</h2>" in published  # the next section is Markdown again, not code


HOSTILE_LINKS = (
    "ms-msdt:/id PCWDiagnostic",
    "search-ms:query=x",
    "smb://attacker.example/share",
    "data:text/html;base64,PHNjcmlwdD4=",
    "//attacker.example/x",
    "javascript:alert(1)",
    "notes/other.md",
)


@pytest.mark.parametrize("target", HOSTILE_LINKS)
def test_only_web_links_and_anchors_are_links_in_either_export(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], target: str
) -> None:
    body = f"[click here]({target}) and <{target}> and [ok](https://example.org) [up](#section-1)"
    page = _export(tmp_path, capsys, body, "Two.", "html")
    published = _as_a_renderer_shows(_export(tmp_path, capsys, body, "Two.", "markdown"))
    for shown in (page, published):
        hrefs = [part.split('"')[0] for part in shown.split('href="')[1:]]
        assert all(h.startswith(("https://", "#")) for h in hrefs), hrefs
        assert "https://example.org" in hrefs and "#section-1" in hrefs
        assert "click here" in shown


@pytest.mark.parametrize("fmt", ["markdown", "html"])
def test_link_text_that_is_another_address_shows_the_real_target(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], fmt: str
) -> None:
    body = (
        "See [https://www.fda.gov/safety](https://attacker.example/x), "
        "[fda.gov](https://fda.gov.attacker.example/), "
        "and [the FDA](https://www.fda.gov/) and [www.fda.gov](https://www.fda.gov/x)."
    )
    out = _export(tmp_path, capsys, body, "Two.", fmt)
    shown = _as_a_renderer_shows(out) if fmt == "markdown" else out
    hrefs = [part.split('"')[0] for part in shown.split('href="')[1:]]
    assert "https://attacker.example/x" not in hrefs
    assert "https://fda.gov.attacker.example/" not in hrefs
    assert "https://attacker.example/x" in shown  # as text, beside the address it claimed
    assert "https://www.fda.gov/" in hrefs and "https://www.fda.gov/x" in hrefs
