"""The one "did you mean": the words a mistyped one was probably meant to be.

Pure and below every layer, because the model (a SECTION that names none), the loader (a
misspelt field or id), the glossary and search all suggest, and they must agree.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable

# A longer word is no typo, and comparing it costs more than it can be worth.
LONGEST = 64


def fold(word: str) -> str:
    """WORD as it is compared: lower case, without accents."""
    if word.isascii():  # nothing to decompose: the usual case, and the quick one
        return word.casefold()
    decomposed = unicodedata.normalize("NFKD", word.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def close_words(
    word: str, candidates: Iterable[str], *, limit: int = 3, cutoff: float = 0.6
) -> list[str]:
    """Up to LIMIT of CANDIDATES that WORD may have meant, best first: the same word in
    another case or with other accents, then those alike by difflib's ratio (at least CUTOFF)."""
    import difflib

    wanted = fold(word)
    if not wanted or len(wanted) > LONGEST:
        return []
    by_fold: dict[str, str] = {}
    for candidate in candidates:
        by_fold.setdefault(fold(candidate), candidate)
    if wanted in by_fold:
        return [by_fold[wanted]]
    close = difflib.get_close_matches(wanted, list(by_fold), n=limit, cutoff=cutoff)
    return [by_fold[key] for key in close]


def did_you_mean(word: str, candidates: Iterable[str], *, cutoff: float = 0.6) -> str:
    """' (did you mean 'X'?)' for the closest candidate, or '' when none is close."""
    close = close_words(word, candidates, limit=1, cutoff=cutoff)
    if not close:
        return ""
    from exotour.i18n import _

    return " " + _("(did you mean '{word}'?)").format(word=close[0])
