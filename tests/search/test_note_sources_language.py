"""An evidence note's sources in the search index are named in the tour's language: "Fuentes:"
and the Spanish date of a stored copy in a Spanish tour, whatever the reader's language (the
index is cached and shared); "Sources:" in English as before."""

from __future__ import annotations

import pytest

from exotour import i18n
from exotour.model import EvidenceNote, Section, Source
from exotour.search.passages import section_rows

PAGE = Source("ISEV", "A page", accessed="2026-12-06", url="https://isev.org/a")
PAPER = Source("Fusco et al.", reference="J Extracell Vesicles 2024", year=2024, doi="10.1/x")
SECTION = Section(
    "uno", "Uno", "", "Texto.", evidence=(EvidenceNote("Una nota.", "2024", (PAGE, PAPER)),)
)


def _note(language: str) -> str:
    return next(row.text for row in section_rows(0, SECTION, language) if row.kind == "note")


@pytest.mark.parametrize("reader", ["en", "es"])
def test_a_spanish_tours_note_names_its_sources_in_spanish(reader: str) -> None:
    i18n.use(reader)
    assert _note("es") == (
        "Una nota. Fuentes: ISEV, A page (sin fecha; copia guardada revisada el 6 dic 2026). "
        "Fusco et al., J Extracell Vesicles 2024."
    )


@pytest.mark.parametrize("reader", ["en", "es"])
def test_an_english_tours_note_is_as_it_was(reader: str) -> None:
    i18n.use(reader)
    assert _note("en") == (
        "Una nota. Sources: ISEV, A page (undated; stored copy checked 6 Dec 2026). "
        "Fusco et al., J Extracell Vesicles 2024."
    )
