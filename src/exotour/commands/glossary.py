"""`exotour glossary [TERM] [--json]`: every key term with a one-line definition, or one term.

A TERM matches a term or any alias, ignoring case (`msc` finds Mesenchymal stem cell); an unknown
TERM exits 2 with the closest terms as a hint. A tour without a glossary (a `--content` folder with
no glossary.yaml) prints a short note and exits 0 when listing, and exits 2 when asked for a TERM,
since that term cannot be found.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from exotour.commands import Options, command_prefix, emit, load, stdout, write_json
from exotour.errors import ExitStatus

if TYPE_CHECKING:
    from exotour.glossary import Use
    from exotour.model import GlossaryEntry, Tour

# The version of `glossary --json`'s shape: raised when a key changes meaning or goes away.
JSON_FORMAT = 1


def run(options: Options, term: str | None, *, as_json: bool = False) -> ExitStatus:
    tour = load(options)
    from exotour import glossary

    prefix = command_prefix(options)
    entry = None if term is None else glossary.find(tour.glossary, term, prefix)
    if as_json:
        chosen = (
            sorted(tour.glossary, key=lambda e: e.term.casefold()) if entry is None else [entry]
        )
        write_json(to_json(tour, chosen, prefix))
        return ExitStatus.OK
    from exotour.render import glossary as screens

    if entry is None:
        screen = screens.listing(tour.glossary, width=stdout(options).width, prefix=prefix)
    else:
        screen = screens.one_term(entry, uses(tour, entry), prefix=prefix)
    emit(options, screen)
    return ExitStatus.OK


def uses(tour: Tour, entry: GlossaryEntry) -> tuple[Use, ...]:
    """The sections of TOUR that use ENTRY; the generated list of sources is no reading."""
    from exotour.content.sources import is_sources_section
    from exotour.glossary import uses as find_uses

    numbered = [
        (number, section)
        for number, section in enumerate(tour.sections, start=1)
        if not is_sources_section(section)
    ]
    return find_uses(entry, numbered)


def to_json(tour: Tour, entries: list[GlossaryEntry], prefix: str) -> dict[str, Any]:
    """ENTRIES as one JSON object, each term with the sections that use it."""
    from exotour.content.sources import is_sources_section
    from exotour.mentions import uses_of_all

    numbered = [
        (number, section)
        for number, section in enumerate(tour.sections, start=1)
        if not is_sources_section(section)
    ]
    # Each section read once for every term: linear in the tour, however many terms.
    used = uses_of_all(entries, numbered)
    return {
        "format": JSON_FORMAT,
        "terms": [
            {
                "term": entry.term,
                "aliases": list(entry.aliases),
                "definition": entry.definition,
                "sections": [
                    {
                        "number": use.number,
                        "id": use.section_id,
                        "title": use.title,
                        "words": use.words,
                        "command": use.command(prefix),
                    }
                    for use in uses
                ],
            }
            for entry, uses in zip(entries, used, strict=True)
        ],
    }
