"""A source link that would show a reader one site and take them to another is refused by
validate, with file:line:column; and a link is shown by the host it really goes to."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import run_cli, write_content

from exotour.render.notes import link, short_link
from exotour.weblinks import real_host, spoofing


def _with_source(url: str) -> str:
    return (
        "id: one\ntitle: One\ntakeaway: It is.\nbody: Hello.\nevidence:\n"
        "  - text: A note.\n    as_of: '2024-01-01'\n    sources:\n"
        f"      - title: A page\n        year: 2024\n        url: '{url}'\n"
    )


SPOOFED = {
    "https://www.nih.gov\u2215health\u2215x@attacker.example/x": "DIVISION SLASH",
    "https://www.nih.gov@attacker.example/x": "user name or password",
    "https://user:pw@example.org/": "user name or password",
    "https://www\uff0enih\uff0egov/x": "FULLWIDTH FULL STOP",
    "https://www.nih.gov\u2024attacker.example/": "ONE DOT LEADER",
    "https://nih.gov\u200b.attacker.example/": "invisible",
    "https://www.nih.gov\u2044x/": "FRACTION SLASH",
    "https://[::1/": "can be read",
}


@pytest.mark.parametrize(("url", "words"), SPOOFED.items())
def test_validate_refuses_a_link_that_hides_its_host(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], url: str, words: str
) -> None:
    folder = write_content(tmp_path / "tour", {"sections/one.yaml": _with_source(url)})
    result = run_cli(["validate", str(folder)], capsys)
    assert result.status == 2
    (line,) = result.out.splitlines()
    assert line.startswith(f"{folder / 'sections' / 'one.yaml'}:11:14: ")
    assert words in line


@pytest.mark.parametrize(
    "url",
    [
        "https://www.fda.gov/vaccines-blood-biologics/x",
        "https://doi.org/10.1016/j.jcyt.2019.04.002",
        "https://münchen.de/info",  # an international name IDNA accepts
        "https://example.org/caf\u00e9?q=1#top",
        "http://example.org:8080/x",
    ],
)
def test_honest_links_pass(url: str) -> None:
    assert spoofing(url) is None


def test_a_link_is_shown_by_its_real_host() -> None:
    assert real_host("https://münchen.de/x") == "xn--mnchen-3ya.de"
    assert short_link("https://münchen.de/a/very/long/path/indeed", 20).startswith(
        "xn--mnchen-3ya.de"
    )
    assert short_link("https://www.nih.gov@attacker.example/health/x", 30) == (
        "attacker.example/health/x"
    )
    # cut in the path, never in the host, however narrow
    assert short_link("https://a-very-long-host-name.example/x/y/z", 10) == (
        "a-very-long-host-name.example…"
    )
    shown = link("https://user@attacker.example/x", None)
    assert shown.plain == "https://attacker.example/x"
