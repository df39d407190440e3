"""`exotour export`: the whole tour as Markdown or HTML, to stdout or a file, never half-written."""

from __future__ import annotations

import html
import os
import re
import stat
from html.parser import HTMLParser
from pathlib import Path

import pytest
from helpers import run_cli, write_content
from markdown_it import MarkdownIt

from exotour.commands import export
from exotour.content.loader import load_tour
from exotour.content.sources import markdown_citation
from exotour.errors import UsageError
from exotour.model import Source, Tour
from exotour.render import document
from exotour.safe_markdown import literal


def _every_source(tour: Tour) -> list[str]:
    """Every source link (a source given by its reference alone has none)."""
    links = [s.link for section in tour.sections for n in section.evidence for s in n.sources]
    return [link for link in links if link]


def _linkless(tour: Tour) -> list[Source]:
    cited = [s for section in tour.sections for n in section.evidence for s in n.sources]
    return [s for s in cited if not s.link]


def test_markdown_to_stdout_has_every_section_note_source_and_the_disclaimer(
    tour: Tour, capsys: pytest.CaptureFixture[str]
) -> None:
    result = run_cli(["export"], capsys)
    assert result.status == 0
    assert result.err == ""
    out = result.out
    assert "\x1b" not in out
    assert out.startswith(f"# {tour.title}\n")
    assert f"**{tour.disclaimer}**" in out
    for number, section in enumerate(tour.sections, start=1):
        assert f"\n## {number}. {section.title}\n" in out
        assert section.body.strip() in out
    assert out.count("### What the evidence says") == sum(len(s.evidence) for s in tour.sections)
    for link in _every_source(tour):
        assert f"<{link}>" in out
    assert _linkless(tour)
    for source in _linkless(tour):  # listed, without a link
        assert f"- {markdown_citation(source, literal)}\n" in out
    assert "<>" not in out
    assert run_cli(["export", "-o", "-"], capsys).out == out


def test_html_is_one_well_formed_page_with_everything_and_nothing_loaded_from_elsewhere(
    tour: Tour, capsys: pytest.CaptureFixture[str]
) -> None:
    result = run_cli(["export", "--format", "html"], capsys)
    assert result.status == 0
    page = result.out
    assert page.startswith("<!DOCTYPE html>\n")
    _assert_balanced(page)
    assert tour.disclaimer in page
    for number in range(1, len(tour.sections) + 1):
        assert f'<section id="section-{number}">' in page
    for link in _every_source(tour):
        assert f'href="{link}"' in page
    for source in _linkless(tour):  # listed, without a link (and never an empty one)
        assert f"{html.escape(source.reference or '')}{html.escape(source.ending)}</li>" in page
    assert 'href=""' not in page
    assert "<style>" in page
    # Nothing that loads: no scripts, pictures, frames, stylesheet links or CSS imports.
    assert not re.search(r"<(script|img|iframe|link|object|embed)\b|@import|src=", page)


def test_both_formats_end_with_the_glossary_a_to_z(
    tour: Tour, capsys: pytest.CaptureFixture[str]
) -> None:
    terms = sorted((entry.term for entry in tour.glossary), key=str.casefold)
    out = run_cli(["export"], capsys).out
    glossary = out[out.index("\n## Glossary\n") :]
    assert glossary.endswith(f"---\n\n*{tour.disclaimer}*\n")  # only the disclaimer after it
    assert re.findall(r"^- \*\*(.+?)\*\*", glossary, re.M) == terms
    ind = next(entry for entry in tour.glossary if entry.term == "IND")
    definition = literal(" ".join(ind.definition.split()))
    line = f"- **IND** (also: {literal(', '.join(ind.aliases))}): {definition}"
    assert line in glossary
    page = run_cli(["export", "--format", "html"], capsys).out
    part = page[page.index('<section id="glossary">') :]
    assert part.index("</section>") < part.index("<footer>")
    assert re.findall(r"<dt><strong>(.+?)</strong>", part) == [html.escape(t) for t in terms]
    assert '<a href="#glossary">Glossary</a>' in page
    _assert_balanced(page)


def test_a_tour_without_a_glossary_exports_none(tmp_path: Path) -> None:
    tour = load_tour(write_content(tmp_path))
    assert "Glossary" not in document.markdown(tour) and "glossary" not in document.to_html(tour)


def test_a_glossary_is_escaped_in_both_formats(tmp_path: Path) -> None:
    content = write_content(
        tmp_path,
        {
            "glossary.yaml": (
                "terms:\n  - term: '<b>X</b> *y*'\n    aliases: ['[z](javascript:1)']\n"
                "    definition: 'A <script>alert(1)</script> **word**.'\n"
            )
        },
    )
    tour = load_tour(content)
    page = document.to_html(tour)
    assert "<script" not in page and "<b>X" not in page and 'href="javascript' not in page
    rendered = MarkdownIt("commonmark").render(document.markdown(tour))
    assert "<strong>&lt;b&gt;X&lt;/b&gt; *y*</strong> (also: [z](javascript:1))" in rendered
    assert "**word**" in rendered and "<script" not in rendered


def test_html_escapes_content_and_drops_dangerous_links(tmp_path: Path) -> None:
    body = (
        "Hi <script>alert(1)</script> & [x](javascript:alert(1)) ![p](http://e.org/p.png)\n\n"
        "<img src=x onerror=alert(1)>"
    )
    content = write_content(
        tmp_path,
        {
            "tour.yaml": (
                'id: tiny\ntitle: "<b>Bold</b> & [red]co[/]"\ndisclaimer: "Not <i>advice</i>."\n'
                "sections:\n  - one\n"
            ),
            "sections/one.yaml": (
                'id: one\ntitle: "<em>One</em>"\ntakeaway: It is.\nbody: |\n'
                + "".join(f"  {line}\n" for line in body.splitlines())
            ),
        },
    )
    page = document.to_html(load_tour(content))
    assert "<script" not in page
    assert "<img" not in page
    assert "<b>Bold" not in page
    assert "<em>One" not in page
    assert 'href="javascript' not in page
    assert "&lt;b&gt;Bold&lt;/b&gt; &amp; [red]co[/]" in page
    assert "&lt;script&gt;" in page
    _assert_balanced(page)


def test_markdown_escapes_titles_but_keeps_bodies_as_markdown(tmp_path: Path) -> None:
    content = write_content(
        tmp_path,
        {"sections/one.yaml": 'id: one\ntitle: "*Not* [a](link)"\ntakeaway: T.\nbody: "**B**"\n'},
    )
    rendered = MarkdownIt("commonmark").render(document.markdown(load_tour(content)))
    assert "<h2>1. *Not* [a](link)</h2>" in rendered
    assert "<strong>B</strong>" in rendered


def test_a_file_is_written_and_the_format_follows_its_extension(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "tour.html"
    result = run_cli(["export", "-o", str(target)], capsys)
    assert result.status == 0
    assert result.out.startswith(f"Wrote {target} (html, ")
    assert target.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    mode = stat.S_IMODE(target.stat().st_mode)
    umask = os.umask(0)
    os.umask(umask)
    assert mode == 0o666 & ~umask
    assert [p.name for p in tmp_path.iterdir()] == ["tour.html"]  # no temporary file left
    # An explicit format wins over the extension.
    other = tmp_path / "tour.txt"
    assert run_cli(["export", "-f", "markdown", "-o", str(other)], capsys).status == 0
    assert other.read_text(encoding="utf-8").startswith("# ")


def test_an_existing_file_is_kept_without_force(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "tour.md"
    target.write_text("mine", encoding="utf-8")
    result = run_cli(["export", "-o", str(target)], capsys)
    assert result.status == 2
    assert result.out == ""
    assert result.err == (
        f"exotour: error: {target} already exists\n"
        "exotour: hint: add --force to overwrite it, or choose another name with -o\n"
    )
    assert target.read_text(encoding="utf-8") == "mine"
    assert run_cli(["export", "-o", str(target), "--force"], capsys).status == 0
    assert target.read_text(encoding="utf-8").startswith("# ")


def test_an_unknown_format_lists_the_formats(capsys: pytest.CaptureFixture[str]) -> None:
    result = run_cli(["export", "--format", "pdf"], capsys)
    assert result.status == 2
    assert result.err == (
        "exotour: error: unknown format 'pdf'\nexotour: hint: choose one of: markdown, html\n"
    )


def test_a_missing_folder_or_a_folder_as_target_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = run_cli(["export", "-o", str(tmp_path / "no" / "t.md")], capsys)
    assert missing.status == 2
    assert missing.err.startswith(f"exotour: error: cannot write {tmp_path / 'no' / 't.md'}: ")
    folder = run_cli(["export", "-o", str(tmp_path)], capsys)
    assert folder.status == 2
    assert folder.err.startswith(f"exotour: error: {tmp_path} is a folder\n")


def test_a_failed_write_leaves_the_old_file_whole_and_no_temporary_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "tour.md"
    target.write_text("old", encoding="utf-8")

    def broken_replace(self: Path, other: Path) -> Path:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(Path, "replace", broken_replace)
    with pytest.raises(UsageError, match="no space left on device"):
        export.write_atomically(target, "new")
    assert target.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["tour.md"]


class _Balance(HTMLParser):
    VOID = frozenset({"meta", "hr", "br"})

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in self.VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        pass  # <br />: opens nothing

    def handle_endtag(self, tag: str) -> None:
        assert self.stack and self.stack[-1] == tag, f"</{tag}> closes {self.stack[-1:]}"
        self.stack.pop()


def _assert_balanced(page: str) -> None:
    parser = _Balance()
    parser.feed(page)
    parser.close()
    assert parser.stack == []
