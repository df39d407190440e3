"""`exotour search` in a tour in Spanish, on the command line: a word finds its singular and
plural, with or without accents, because the index stems by the tour's `language`; and the
built-in tour in Spanish (`--lang es`) is searched in Spanish."""

from __future__ import annotations

import json

import pytest
from helpers import REPO, run_cli

SPANISH = REPO / "tests" / "fixtures" / "spanish-words"


def hits(argv: list[str], capsys: pytest.CaptureFixture[str]) -> list[tuple[str, list[str]]]:
    """Each hit's section id and the words its snippet marks, from `search --json`."""
    result = run_cli([*argv, "--json"], capsys)
    assert (result.status, result.err) == (0, "")
    found = json.loads(result.out)["hits"]
    return [(h["id"], [h["snippet"][start:end] for start, end in h["highlights"]]) for h in found]


INJECTIONS = [("con-tildes", ["inyecciones"]), ("sin-tildes", ["inyeccion"])]
CELLS = [("con-tildes", ["células", "célula"]), ("sin-tildes", ["celula"])]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("inyecciones", INJECTIONS),  # the plural finds the singular
        ("inyección", INJECTIONS),  # the singular finds the plural
        ("inyeccion", INJECTIONS),  # without its accent
        ("celula", CELLS),  # `celula` finds `células`
        ("células", CELLS),  # `células` finds `celula`
        ("CÉLULAS", CELLS),
    ],
)
def test_a_spanish_word_is_found_in_its_other_forms(
    query: str, expected: list[tuple[str, list[str]]], capsys: pytest.CaptureFixture[str]
) -> None:
    assert hits(["--content", str(SPANISH), "search", query], capsys) == expected


def test_a_spanish_tour_is_searched_in_spanish_whatever_the_interface(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """The stemmer is the tour's language's, not the reader's: an English interface too."""
    english = hits(["--lang", "en", "--content", str(SPANISH), "search", "células"], capsys)
    assert english == CELLS


def test_a_word_in_no_form_exits_1(capsys: pytest.CaptureFixture[str]) -> None:
    result = run_cli(["--content", str(SPANISH), "search", "hígado"], capsys)
    assert (result.status, result.out) == (1, "")


def test_the_builtin_tour_in_spanish_finds_inyecciones(capsys: pytest.CaptureFixture[str]) -> None:
    """Fails until content-es/sections is translated (it starts as a copy of the English)."""
    found = hits(["--lang", "es", "search", "inyecciones"], capsys)
    assert found
    words = {word.casefold() for _, marked in found for word in marked}
    assert words & {"inyección", "inyecciones", "inyectar", "inyectan", "inyecta"}, found
