"""The words exotour writes into a tour (the generated "Sources" section), in the tour's language.

These follow the language the tour is written in (tour.yaml's `language`), not the reader's
interface: the section is part of the tour, beside text its author wrote. A language with no
entry here gets English, as a tour without `language` does. The dates are the short ones the
rest of the tour uses ('6 Dec 2019', '6 dic 2019'), written by exotour.localdates.
"""

from __future__ import annotations

from typing import NamedTuple


class Words(NamedTuple):
    """One language's words for the generated Sources section; {placeholders} as named."""

    title: str
    takeaway: str
    keywords: tuple[str, ...]
    checked: str  # {days}: when the sources were checked
    opening: str
    one_section: str  # {number}
    sections: str  # {numbers} (joined by ", "), {last}
    cited_in: str  # {where}: one_section or sections
    undated: str  # {date}: when the stored copy of a page with no date was checked
    dated: str  # {year}, {date}: a dated page whose stored copy was checked


ENGLISH = Words(
    title="Sources",
    takeaway="Every source the tour's evidence notes cite, listed once.",
    keywords=("sources", "references", "citations", "evidence"),
    checked=(
        "These sources were checked against stored copies, {days}. "
        "Check the sources' own sites for anything newer."
    ),
    opening=(
        "Every source the evidence notes cite, listed once, in the order the tour first cites "
        "it, with the sections that cite it. Each note in those sections gives its date."
    ),
    one_section="section {number}",
    sections="sections {numbers} and {last}",
    cited_in="Cited in {where}.",
    undated="undated; stored copy checked {date}",
    dated="{year}; stored copy checked {date}",
)

SPANISH = Words(
    title="Fuentes",
    takeaway="Cada fuente que citan las notas sobre las pruebas, una sola vez.",
    keywords=("fuentes", "referencias", "citas", "pruebas"),
    checked=(
        "Estas fuentes se revisaron con copias guardadas, {days}. "
        "Para algo más nuevo, consulte los sitios web de las propias fuentes."
    ),
    opening=(
        "Aquí está cada fuente que citan las notas sobre las pruebas, una sola vez. Van en el "
        "orden en que la visita las cita por primera vez, con las secciones que las citan. "
        "Cada nota de esas secciones da su fecha."
    ),
    one_section="la sección {number}",
    sections="las secciones {numbers} y {last}",
    cited_in="Citada en {where}.",
    undated="sin fecha; copia guardada revisada el {date}",
    dated="{year}; copia guardada revisada el {date}",
)

# By BCP 47 primary language subtag.
WORDS = {"en": ENGLISH, "es": SPANISH}


def words_for(language: str) -> Words:
    """The words for a tour in LANGUAGE (a BCP 47 tag: `es`, `es-MX`); English for one that
    has none here."""
    return WORDS.get(language.split("-", 1)[0].lower(), ENGLISH)
