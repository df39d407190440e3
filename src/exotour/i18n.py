"""The interface language: which one the reader asked for, and the translated strings.

The language is chosen as gettext and tldr choose it: `--lang` or EXOTOUR_LANG first, then the
first of LANGUAGE (a colon list), LC_ALL, LC_MESSAGES and LANG that is set. `C` and `POSIX` mean
English; so does anything exotour has no catalogue for, without a word (a reader with
LANG=fr_FR.UTF-8 gets English, not an error).

Strings are marked with `_()` and `ngettext()` from here, in the one domain `exotour`; the
compiled catalogues are in exotour/locale/<lang>/LC_MESSAGES/exotour.mo (scripts/i18n.py makes
them with Babel at build time; Babel is never imported at run time). English is the source
language: for it nothing is loaded and every string is returned as written, so English output
is what it was before the strings were marked. A catalogue is opened on the first translated
string, with the standard library's gettext alone (about a millisecond).

A catalogue is data, held to the rules of any content: a translation that holds a control
character, Rich markup or a placeholder its English text does not have is refused, and the
English text shown instead (see `safe_translation`).
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from gettext import NullTranslations

DOMAIN = "exotour"
ENGLISH = "en"
# The languages exotour has a catalogue for; English is the source and needs none.
SUPPORTED = (ENGLISH, "es")
# The variables that choose the language, in the order they are read.
OWN_VARIABLE = "EXOTOUR_LANG"
LOCALE_VARIABLES = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")
LOCALE_DIR = Path(__file__).parent / "locale"

# What in a translation could act or break: a bracket that Rich may read as markup, and a
# {placeholder} or %-format for str.format (control characters: exotour.text's UNSAFE_CHARS).
# Compiled on the first translated string: English never needs them.
_MARKUP = r"\[[^\[\]]*\]"
_PLACEHOLDER = r"\{[^{}]*\}|%(?:\([^)]*\))?[-#0 +]*\d*(?:\.\d+)?[a-zA-Z%]"

_chosen: str | None = None
_catalogue: NullTranslations | None = None


def language_of(tag: str) -> str | None:
    """The supported language a locale name or language tag names, `en` for C and POSIX, or
    None: `es_ES.UTF-8`, `es-MX`, `es@euro` and `ES` are all `es`."""
    name = tag.strip().split(".", 1)[0].split("@", 1)[0]
    if name in ("C", "POSIX"):
        return ENGLISH
    language = name.replace("-", "_").split("_", 1)[0].lower()
    return language if language in SUPPORTED else None


def choose(environ: Mapping[str, str], option: str | None = None) -> str:
    """The language OPTION (--lang) or ENVIRON asks for, as a supported tag; English when none
    of them names one. Pure: it never raises and never complains."""
    if option:
        return language_of(option) or ENGLISH
    own = environ.get(OWN_VARIABLE, "")
    if own:
        return language_of(own) or ENGLISH
    for variable in LOCALE_VARIABLES:
        value = environ.get(variable, "")
        if not value:
            continue
        # As gettext: the first variable that is set decides; in a colon list the first entry
        # with a catalogue wins, and C stops the search there.
        for entry in value.split(":"):
            found = language_of(entry) if entry else None
            if found is not None:
                return found
        return ENGLISH
    return ENGLISH


def use(language: str | None) -> None:
    """Speak LANGUAGE (a supported tag) from now on, as --lang asks; None: as the environment
    says, read again on the next string."""
    global _chosen, _catalogue
    _chosen = None if language is None else language if language in SUPPORTED else ENGLISH
    _catalogue = None


def current() -> str:
    """The language in use: the one `use` set, else the one the environment asks for."""
    global _chosen
    if _chosen is None:
        import os

        _chosen = choose(os.environ)
    return _chosen


def _(message: str) -> str:
    """MESSAGE in the reader's language (as written, in English)."""
    catalogue = _open()
    if catalogue is None:
        return message
    return safe_translation(message, catalogue.gettext(message))


def N_(message: str) -> str:  # noqa: N802 - gettext's own name for it
    """MESSAGE as it is: marks a string for the catalogue that is translated elsewhere."""
    return message


def ngettext(singular: str, plural: str, count: int) -> str:
    """The form of a message for COUNT, in the reader's language: SINGULAR or PLURAL in English,
    the language's own plural rule in another."""
    catalogue = _open()
    english = singular if count == 1 else plural
    if catalogue is None:
        return english
    try:
        translated = catalogue.ngettext(singular, plural, count)
    except Exception:  # the catalogue's Plural-Forms is data too: `n/0` raises on use
        return english
    return safe_translation(english, translated)


def safe_translation(english: str, translated: str) -> str:
    """TRANSLATED, when it is safe in place of ENGLISH: no control character, and the same
    markup-like brackets and placeholders as ENGLISH. Otherwise ENGLISH."""
    if translated is english or translated == english:
        return english
    import re

    from exotour.text import UNSAFE_CHARS

    if UNSAFE_CHARS.search(translated):
        return english
    for pattern in (_MARKUP, _PLACEHOLDER):  # re caches the compiled patterns
        if sorted(re.findall(pattern, translated)) != sorted(re.findall(pattern, english)):
            return english
    return translated


def _open() -> NullTranslations | None:
    """The catalogue of the language in use; None for English, or when it cannot be read."""
    global _catalogue
    language = current()
    if language == ENGLISH:
        return None
    if _catalogue is None:
        _catalogue = load_catalogue(LOCALE_DIR, language)
    return _catalogue


def load_catalogue(locale_dir: Path, language: str) -> NullTranslations:
    """LANGUAGE's catalogue under LOCALE_DIR; an empty one (English throughout) when it is
    missing or unreadable, so a broken install still speaks."""
    import gettext

    path = locale_dir / language / "LC_MESSAGES" / f"{DOMAIN}.mo"
    try:
        with path.open("rb") as file:
            return gettext.GNUTranslations(file)
    except Exception:  # a catalogue is data: whatever breaks its parser leaves English
        return gettext.NullTranslations()
