"""`exotour export`: what it writes to (only regular files, or stdout), the format and the
extension agreeing, and Markdown that is safe wherever it is rendered."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from helpers import run_cli, write_content
from markdown_it import MarkdownIt
from test_safe_markdown import assert_harmless

from exotour.content.sources import cited
from exotour.model import Tour

REFUSED_HINT = (
    "exotour: hint: export replaces only a regular file; give a file name, e.g. -o tour.md, "
    "or '-o -' for stdout\n"
)


def test_a_fifo_is_refused_even_with_force(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    fifo = tmp_path / "pipe.md"
    os.mkfifo(fifo)
    for extra in ([], ["--force"]):
        result = run_cli(["export", "-o", str(fifo), *extra], capsys)
        assert (result.status, result.out) == (2, "")
        assert result.err == f"exotour: error: {fifo} is a FIFO (named pipe)\n{REFUSED_HINT}"
    assert fifo.is_fifo()
    assert [p.name for p in tmp_path.iterdir()] == ["pipe.md"]


def test_a_device_is_refused_even_with_force(capsys: pytest.CaptureFixture[str]) -> None:
    result = run_cli(["export", "-o", "/dev/null", "--force"], capsys)
    assert (result.status, result.out) == (2, "")
    assert result.err == f"exotour: error: /dev/null is a device\n{REFUSED_HINT}"
    assert Path("/dev/null").is_char_device()


def test_a_folder_is_refused_even_with_force(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "tour.md"
    folder.mkdir()
    result = run_cli(["export", "-o", str(folder), "--force"], capsys)
    assert (result.status, result.out) == (2, "")
    assert result.err == f"exotour: error: {folder} is a folder\n{REFUSED_HINT}"
    assert folder.is_dir()


def test_a_symlink_to_a_file_is_neither_replaced_nor_written_through(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # /dev/stderr is such a link: replacing it with a file would break the system's.
    mine = tmp_path / "mine.md"
    mine.write_text("mine", encoding="utf-8")
    link = tmp_path / "tour.md"
    link.symlink_to(mine)
    assert run_cli(["export", "-o", str(link), "--force"], capsys).status == 2
    assert mine.read_text(encoding="utf-8") == "mine"
    assert link.is_symlink()


@pytest.mark.parametrize("name", ["-", "/dev/stdout"])
def test_stdout_by_name(name: str, capsys: pytest.CaptureFixture[str]) -> None:
    expected = run_cli(["export"], capsys).out
    result = run_cli(["export", "-o", name], capsys)
    assert (result.status, result.err) == (0, "")
    assert result.out == expected
    html = run_cli(["export", "-o", name, "--format", "html"], capsys)
    assert html.status == 0 and html.out.startswith("<!DOCTYPE html>")


def test_an_extension_export_cannot_write_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "tour.pdf"
    for extra in ([], ["--format", "markdown"]):
        result = run_cli(["export", "-o", str(target), *extra], capsys)
        assert (result.status, result.out) == (2, "")
        assert result.err == (
            f"exotour: error: cannot write {target}: export writes Markdown or HTML, not .pdf\n"
            "exotour: hint: name the file tour.md or tour.html, or use '-o -' for stdout\n"
        )
    assert not target.exists()


def test_the_format_and_the_extension_must_agree(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    result = run_cli(["export", "--format", "html", "-o", str(tmp_path / "x.md")], capsys)
    assert (result.status, result.out) == (2, "")
    assert result.err == (
        f"exotour: error: --format html does not match {tmp_path / 'x.md'}, "
        "which names a markdown file\n"
        "exotour: hint: name the file x.html, or leave out --format to write markdown\n"
    )
    other = run_cli(["export", "-f", "md", "-o", str(tmp_path / "x.htm")], capsys)
    assert other.status == 2
    assert other.err.startswith("exotour: error: --format markdown does not match ")
    agreeing = run_cli(["export", "-f", "html", "-o", str(tmp_path / "x.HTML")], capsys)
    assert agreeing.status == 0
    assert list(tmp_path.iterdir()) == [tmp_path / "x.HTML"]


HOSTILE_BODY = (
    "Hi <script>alert(1)</script> and <img src=x onerror=alert(1)>.\n\n"
    '<iframe src="https://evil.example"></iframe>\n\n'
    "[click](javascript:alert(1)) [data](data:text/html,x) [vb](VBScript:x) "
    "![pixel](https://tracker.example/p.png) [fine](https://example.org).\n\n"
    "Code stays: `<b>` and\n\n```\n<script>shown as code</script>\n```\n"
)


def _hostile(tmp_path: Path) -> str:
    body = "".join(f"  {line}\n" if line else "\n" for line in HOSTILE_BODY.splitlines())
    files: dict[str, str | bytes | None] = {
        "sections/one.yaml": f"id: one\ntitle: One\ntakeaway: T.\nbody: |\n{body}"
    }
    return str(write_content(tmp_path / "content", files))


def test_the_markdown_export_neutralises_html_and_unsafe_links(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    result = run_cli(["--content", _hostile(tmp_path), "export"], capsys)
    assert (result.status, result.err) == (0, "")
    assert_harmless(result.out)
    assert "&lt;script>alert(1)&lt;/script>" in result.out
    assert "[fine](https://example.org)" in result.out
    assert "```\n<script>shown as code</script>\n```" in result.out
    assert "`<b>`" in result.out
    rendered = MarkdownIt("commonmark", {"html": True}).render(result.out)
    unsafe = r"<(script|img|iframe)\b|href=\"(javascript|data|vbscript):"
    assert not re.search(unsafe, rendered, re.IGNORECASE)
    assert '<a href="https://tracker.example/p.png">pixel</a>' in rendered


def test_summary_markdown_neutralises_the_overall_summary(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    body = "".join(f"  {line}\n" if line else "\n" for line in HOSTILE_BODY.splitlines())
    content = write_content(
        tmp_path / "content",
        {
            "tour.yaml": "id: t\ntitle: T\ndisclaimer: D.\nsections:\n  - summary\n",
            "sections/one.yaml": None,
            "sections/summary.yaml": f"id: summary\ntitle: S\ntakeaway: T.\nbody: |\n{body}",
        },
    )
    result = run_cli(["--content", str(content), "summary", "--markdown"], capsys)
    assert (result.status, result.err) == (0, "")
    assert_harmless(result.out)


def test_every_source_link_in_the_html_export_is_a_link(
    tour: Tour, capsys: pytest.CaptureFixture[str]
) -> None:
    page = run_cli(["export", "--format", "html"], capsys).out
    sources = page[page.index("<h2>" + f"{len(tour.sections)}. Sources</h2>") :]
    links = [entry.source.link for entry in cited(tour.sections) if entry.source.link]
    assert links
    for link in links:
        # In the Sources list, as in each note: a real link whose text is the whole address.
        assert f'<a href="{link}">{link}</a>' in sources
        assert page.count(f'<a href="{link}">') >= 2
