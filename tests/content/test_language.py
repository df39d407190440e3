"""A tour says its language: `language` in tour.yaml, a BCP 47 tag, English by default; the HTML
export's lang attribute says it."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import TOUR_YAML, run_cli, write_content

from exotour.content.loader import load_tour
from exotour.content.schema import PATTERNS
from exotour.render.document import to_html


def test_a_tour_without_a_language_is_english(tmp_path: Path) -> None:
    tour = load_tour(write_content(tmp_path))
    assert tour.language == "en"
    assert to_html(tour).splitlines()[1] == '<html lang="en">'


@pytest.mark.parametrize("tag", ["es", "es-MX", "es-419", "zh-Hant-TW", "ca-valencia", "EN"])
def test_a_tour_in_another_language_says_so(tag: str, tmp_path: Path) -> None:
    tour = load_tour(write_content(tmp_path, {"tour.yaml": f"language: {tag}\n{TOUR_YAML}"}))
    assert tour.language == tag
    assert to_html(tour).splitlines()[1] == f'<html lang="{tag}">'


@pytest.mark.parametrize(
    "tag", ["español", "e", "es_ES", "es-", "-es", "es MX", 'en"><script>', "es-ES-x-", "toolong"]
)
def test_what_is_not_a_language_tag_is_refused(tag: str) -> None:
    assert not PATTERNS["language"].matches(tag)


def test_validate_names_the_place_of_a_malformed_tag(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    write_content(tmp_path, {"tour.yaml": f"{TOUR_YAML}language: 'es_ES'\n"})
    monkeypatch.chdir(tmp_path)
    result = run_cli(["validate", "."], capsys)
    assert result.status == 2
    assert result.out == (
        "tour.yaml:6:11: language: 'es_ES' is not a BCP 47 language tag, such as en, es or es-MX\n"
    )
