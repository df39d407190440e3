"""Words found in their other forms in a tour that is not in English: Snowball's stemmers.

SQLite's FTS5 stems with `porter`, which knows English only. An English tour, and a tour in a
language Snowball has no stemmer for, is indexed as it always was, with porter. A tour in
another language Snowball knows (its `language` in tour.yaml) is indexed with its words as
written, accents and case aside, and its index holds a table of stems: each word of the tour
under the stem of its written form and of that form without accents. A word of a query then
matches every word of the tour that shares its stem: `inyección` finds `inyecciones`, `celula`
finds `células`.

The stemmers are PyStemmer's (Snowball compiled: about 1 ms to import and a fraction of a
microsecond a word, where the pure-Python snowballstemmer takes 12 ms and 75 us); imported only
when a tour needs one.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import sqlite3

    from exotour.search.passages import Row
    from exotour.search.query import Term

# The tokenizer of an index whose words a Snowball stemmer relates: words as written.
PLAIN_TOKENIZER = "unicode61 remove_diacritics 2"
# BCP 47 primary language subtags and Snowball's names for their stemmers. English is porter's.
SNOWBALL = {
    "ca": "catalan",
    "da": "danish",
    "de": "german",
    "es": "spanish",
    "eu": "basque",
    "fi": "finnish",
    "fr": "french",
    "hu": "hungarian",
    "it": "italian",
    "nb": "norwegian",
    "nl": "dutch",
    "nn": "norwegian",
    "no": "norwegian",
    "pt": "portuguese",
    "ro": "romanian",
    "ru": "russian",
    "sv": "swedish",
    "tr": "turkish",
}
# A word as FTS5's unicode61 reads one: letters and digits (the text is NFC first). Compiled
# on first use (re caches it): an English index never needs it.
_WORD = r"[^\W_]+"

SCHEMA = """
CREATE TABLE stems(stem TEXT NOT NULL, word TEXT NOT NULL, PRIMARY KEY (stem, word))
    WITHOUT ROWID;
"""


def algorithm_for(language: str) -> str | None:
    """The Snowball stemmer for a tour in LANGUAGE (a BCP 47 tag), or None for porter."""
    name = SNOWBALL.get(language.split("-", 1)[0].lower())
    if name is None:
        return None
    try:
        import Stemmer
    except ImportError:  # an install without it searches as before, with porter
        return None
    return name if name in Stemmer.algorithms() else None


def stemmer_key(algorithm: str | None) -> str:
    """What an index built with ALGORITHM depends on: its name and the library's version."""
    if algorithm is None:
        return "porter"
    import Stemmer

    version = getattr(Stemmer, "version", None)  # not in every release
    return f"{algorithm} {version() if callable(version) else ''}"


def of_index(connection: sqlite3.Connection) -> Stems | None:
    """The stemmer an index was built with, when it has a table of stems; else None (porter)."""
    row = connection.execute("SELECT value FROM meta WHERE key = 'stemmer'").fetchone()
    name = row[0] if row is not None else None
    if name not in SNOWBALL.values():  # a cache file is untrusted: only a name we know
        return None
    try:
        return Stems(str(name))
    except (ImportError, KeyError):  # no PyStemmer now, or one without this stemmer
        return None


class Stems:
    """One language's stemmer, and the stems a word is found by."""

    def __init__(self, algorithm: str) -> None:
        # Here, not above: an English index asks of_index and needs none of them.
        import unicodedata

        import Stemmer

        from exotour.suggest import fold  # a word as the index holds it: no case, no accents

        self.algorithm = algorithm
        self._stemmer = Stemmer.Stemmer(algorithm)
        self._fold = fold
        self._nfc = functools.partial(unicodedata.normalize, "NFC")

    def of(self, word: str) -> set[str]:
        """The stems of WORD as written (in lower case) and without its accents."""
        written = self._nfc(word).casefold()
        return set(self._stemmer.stemWords([written, self._fold(written)]))

    def write(self, connection: sqlite3.Connection, rows: Iterable[Row]) -> None:
        """The table of stems of every word in ROWS (the index's), into CONNECTION."""
        # A section's title, keywords and takeaway stand beside each of its passages: once here.
        texts = {part for r in rows for part in (r.title, r.keywords, r.takeaway, r.text)}
        found = {w for text in texts for w in re.findall(_WORD, self._nfc(text))}
        written = sorted({word.casefold() for word in found})
        folded = [self._fold(word) for word in written]
        stem = self._stemmer.stemWords
        pairs = set(zip(stem(written), folded, strict=True))
        pairs.update(zip(stem(folded), folded, strict=True))
        with connection:
            connection.executescript(SCHEMA)
            connection.executemany("INSERT INTO stems(stem, word) VALUES (?, ?)", sorted(pairs))
            connection.execute(
                "INSERT INTO meta(key, value) VALUES ('stemmer', ?)", (self.algorithm,)
            )

    def expression(
        self, connection: sqlite3.Connection, terms: Sequence[Term], operator: str
    ) -> str:
        """TERMS as an FTS5 expression joined by OPERATOR, each word as any of its forms in
        the index (its stems table, in CONNECTION); phrases and prefixes as written."""
        from exotour.search.query import Term

        parts = []
        for term in terms:
            forms = self.forms(connection, term.text) if term.kind == "word" else []
            if len(forms) > 1:
                parts.append("(" + " OR ".join(Term(form, "word").fts for form in forms) + ")")
            else:
                parts.append(term.fts)
        return f" {operator} ".join(parts)

    def forms(self, connection: sqlite3.Connection, word: str) -> list[str]:
        """The words of the index that share a stem with WORD, WORD's own folded form first;
        a WORD that is not one word (`exosome-based`) stands alone."""
        if not re.fullmatch(_WORD, self._nfc(word)):
            return [word]
        stems = sorted(self.of(word))
        marks = ", ".join("?" * len(stems))
        found = connection.execute(
            f"SELECT DISTINCT word FROM stems WHERE stem IN ({marks}) ORDER BY word", stems
        ).fetchall()
        own = self._fold(word)
        return [own, *(w for (w,) in found if isinstance(w, str) and w != own)]
