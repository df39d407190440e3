"""Whole numbers as the reader's language groups their digits: 10,000 in English, 10 000 in
Spanish (a space, as the RAE writes them, and none in a number of four digits: 2000).

English is what `f"{n:,}"` gives, so English messages read as they did before translation.
"""

from __future__ import annotations

from exotour.i18n import ENGLISH, current

# The separator of thousands in each language that is not English.
_SEPARATORS = {"es": " "}


def number(value: int) -> str:
    """VALUE with its thousands grouped as the interface's language writes them."""
    grouped = f"{value:,}"
    language = current()
    if language == ENGLISH:
        return grouped
    if len(str(abs(value))) <= 4:
        return str(value)
    return grouped.replace(",", _SEPARATORS.get(language, ","))
