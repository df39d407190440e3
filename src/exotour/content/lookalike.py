"""What a name looks like to a reader, so that two glossary names a reader cannot tell apart are
one name to the duplicate check: `stem cell` written with a zero-width space, a Cyrillic e, a
full-width letter or a non-breaking space is the same `stem cell`."""

from __future__ import annotations

import unicodedata

# Letters of other scripts drawn like Latin ones once case is folded (the common ones of
# Unicode's confusables), written as escapes so that this file shows what they are.
_CYRILLIC = (
    "\u0430\u0435\u043e\u0440\u0441\u0443\u0445\u0456\u0458\u0455\u0501"
    "\u051b\u051d\u043a\u043c\u043d\u0442\u0432\u043b\u043f\u0491"
)
_GREEK = "\u03b1\u03b2\u03b5\u03b6\u03b7\u03b9\u03ba\u03bc\u03bd\u03bf\u03c1\u03c4\u03c5\u03c7"
_DOTLESS_I = "\u0131"
_LATIN_LOOK_ALIKES = str.maketrans(
    _CYRILLIC + _GREEK + _DOTLESS_I, "aeopcyxijsdqwkmhtbnnr" + "abezhikmnoptux" + "i"
)


def skeleton(name: str) -> str:
    """NAME as a reader sees it: compatibility forms folded (NFKC), invisible characters and
    stray combining marks gone, case folded, look-alike letters of other scripts as the Latin
    ones, hyphens and runs of spaces as one space."""
    text = unicodedata.normalize("NFKC", name)
    text = "".join(c for c in text if unicodedata.category(c) not in ("Cf", "Mn", "Cc"))
    text = text.casefold().translate(_LATIN_LOOK_ALIKES).replace("-", " ")
    return " ".join(text.split())
