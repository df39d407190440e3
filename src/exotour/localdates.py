"""Dates and numbers as a language writes them: '6 December 2019' and '6 de diciembre de 2019',
'6 Dec 2019' and '6 dic 2019', '4.4' and '4,4'.

In the interface language (exotour.i18n) unless a LANGUAGE is given: a tour's generated sections
follow the tour's language, not the reader's. A language exotour has no table for is written as
English is. Pure, and light: nothing is imported until a date is written in a language not English.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from gettext import NullTranslations

ENGLISH = "en"

# Month names are data, not messages: a date must not change with a catalogue's mistakes, and
# a generated section needs the tour's language whatever the interface speaks.
_LONG = {
    "en": (
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ),
    "es": (
        "enero",
        "febrero",
        "marzo",
        "abril",
        "mayo",
        "junio",
        "julio",
        "agosto",
        "septiembre",
        "octubre",
        "noviembre",
        "diciembre",
    ),
}
_SHORT = {
    "en": ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"),
    # As the Spanish style sheet (and the RAE) abbreviates them, without a full stop.
    "es": ("ene", "feb", "mar", "abr", "may", "jun", "jul", "ago", "sept", "oct", "nov", "dic"),
}
_DECIMAL_MARK = {"en": ".", "es": ","}


def language_for(language: str | None) -> str:
    """LANGUAGE (a BCP 47 tag or a locale name) as a language with tables here; None: the
    interface language."""
    if language is None:
        from exotour.i18n import current

        language = current()
    name = language.replace("-", "_").split("_", 1)[0].split(".", 1)[0].lower()
    return name if name in _LONG else ENGLISH


def _parts(date: str) -> tuple[int, int, str] | None:
    """(day, month, year) of DATE written YYYY-MM-DD; None for anything else."""
    year, _, rest = date.partition("-")
    month, _, day = rest.partition("-")
    if not (year.isdigit() and month.isdigit() and day.isdigit() and 1 <= int(month) <= 12):
        return None
    return int(day), int(month), year


def short_date(date: str, language: str | None = None) -> str:
    """'2026-12-06' as '6 Dec 2026' ('6 dic 2026'), which no reader can take for 12 June; DATE
    as it is when it is not YYYY-MM-DD."""
    parts = _parts(date)
    if parts is None:
        return date
    day, month, year = parts
    return f"{day} {_SHORT[language_for(language)][month - 1]} {year}"


def long_date(date: str, language: str | None = None) -> str:
    """'2019-12-06' as '6 December 2019' ('6 de diciembre de 2019'); DATE as it is when it is
    not YYYY-MM-DD."""
    parts = _parts(date)
    if parts is None:
        return date
    day, month, year = parts
    chosen = language_for(language)
    name = _LONG[chosen][month - 1]
    if chosen == "es":
        return f"{day} de {name} de {year}"
    return f"{day} {name} {year}"


def decimal(value: float | str, language: str | None = None, digits: int | None = None) -> str:
    """VALUE with the language's decimal mark: 4.4 as '4.4' ('4,4'); DIGITS after the mark when
    given (else as Python writes it). A string is taken as written in English ('4.4')."""
    text = (
        value
        if isinstance(value, str)
        else f"{value:.{digits}f}"
        if digits is not None
        else str(value)
    )
    mark = _DECIMAL_MARK[language_for(language)]
    return text if mark == "." else text.replace(".", mark)


def translated(message: str, language: str | None = None) -> str:
    """MESSAGE (marked for the catalogue elsewhere) in LANGUAGE, or in the interface language
    when None: for the words a generated section writes in its tour's language."""
    from exotour import i18n

    if language is None:
        return i18n._(message)
    chosen = i18n.language_of(language) or ENGLISH
    if chosen == ENGLISH:
        return message
    catalogue = _catalogues.get(chosen)
    if catalogue is None:
        catalogue = _catalogues[chosen] = i18n.load_catalogue(i18n.LOCALE_DIR, chosen)
    return i18n.safe_translation(message, catalogue.gettext(message))


_catalogues: dict[str, NullTranslations] = {}
