"""The FTS5 index of a tour: building it, and the ranked queries over it.

SQLite FTS5 from the standard library. Each row is a passage (see passages.py) beside its
section's title, keywords and takeaway; bm25 ranks title and keywords above the body text. User
text reaches SQLite only as bound parameters, its terms quoted (see query.py).

Rows read from a cache file are untrusted: each hit is checked against the roster of the tour
it claims to come from (its id and title, and no control character, which indexed text never
holds; see roster.py), and one that fails raises UntrustedIndexError, so the caller rebuilds
the index. Text leaves here through exotour.text.printable.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from exotour.search.hits import Field, Hit
from exotour.search.query import Term, expression, parse_query
from exotour.search.roster import Roster
from exotour.search.snippets import CLOSE, OPEN, TOKENIZER, safe, unmark

if TYPE_CHECKING:
    from pathlib import Path

    from exotour.model import Tour
    from exotour.search.passages import Row
    from exotour.search.stemming import Stems

# The vocabulary for suggestions keeps words as written (no stemming), so it can offer them.
WORDS_TOKENIZER = "unicode61 remove_diacritics 2"
# bm25 weights of the columns in the order they are declared: title, keywords, takeaway, text.
WEIGHTS = (10.0, 5.0, 2.0, 1.0)
# A section shows at most this many passages, so one section cannot fill the list.
PER_SECTION = 3
# The most words `learn --at` takes from a passage to tell it from those before it.
AT_WORDS = 8
# Words shorter than this are not corrected: too many words are one letter away.
SHORTEST_CORRECTED = 3
_WORD = re.compile(r"\w+")

SCHEMA = """
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE VIRTUAL TABLE passages USING fts5(
    title, keywords, takeaway, text,
    kind UNINDEXED, section UNINDEXED, passage UNINDEXED, ref UNINDEXED,
    tokenize = '{tokenizer}'
);
"""
VOCABULARY_SCHEMA = f"""
CREATE VIRTUAL TABLE words USING fts5(text, content = '', tokenize = '{WORDS_TOKENIZER}');
CREATE VIRTUAL TABLE words_vocab USING fts5vocab(words, row);
"""


def build(
    connection: sqlite3.Connection, tour: Tour, *, vocabulary: bool = True, key: str = ""
) -> None:
    """Create and fill the index of TOUR in CONNECTION (an empty database), KEY in its meta.

    The VOCABULARY for suggestions may wait until a search finds nothing: see Index.closest.
    """
    from exotour.search import stemming  # PyStemmer: only for a language porter does not know
    from exotour.search.passages import tour_rows  # markdown-it: only when an index is built

    rows = list(tour_rows(tour))
    algorithm = stemming.algorithm_for(tour.language)
    with connection:
        plain = stemming.PLAIN_TOKENIZER
        connection.executescript(SCHEMA.format(tokenizer=plain if algorithm else TOKENIZER))
        Roster.of(tour).write(connection)
        connection.executemany(
            "INSERT INTO passages(title, keywords, takeaway, text, kind, section, passage, ref)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (r.title, r.keywords, r.takeaway, r.text, r.kind, r.section, r.passage, r.ref)
                for r in rows
            ],
        )
        connection.execute("INSERT INTO meta(key, value) VALUES ('key', ?)", (key,))
    if algorithm:  # a language porter does not know: its words under their stems
        stemming.Stems(algorithm).write(connection, rows)
    if vocabulary:
        build_vocabulary(connection, rows)


def build_vocabulary(connection: sqlite3.Connection, rows: Iterable[Row]) -> None:
    """The table of words as written (not stemmed) that suggestions are chosen from."""
    # Each section's title, keywords and takeaway once, not once per passage.
    seen: set[str] = set()
    words: list[tuple[str]] = []
    for r in rows:
        key = f"{r.kind == 'glossary'}:{r.ref}"
        head = "" if key in seen else f"{r.title} {r.keywords} {r.takeaway} "
        seen.add(key)
        words.append((head + r.text,))
    with connection:
        connection.executescript(VOCABULARY_SCHEMA)
        connection.executemany("INSERT INTO words(text) VALUES (?)", words)


@dataclass
class Index:
    """An open index of TOUR and the queries over it; a broken one raises sqlite3.Error.

    Opened from a current cache file without the tour (TOUR None), its rows are checked
    against the ROSTER the file holds; otherwise against the tour's."""

    connection: sqlite3.Connection
    tour: Tour | None
    path: Path | None = None  # the cache file it was opened from, if any
    roster: Roster | None = None
    _known: dict[str, bool] = field(default_factory=dict, repr=False)
    _stems: Stems | bool | None = field(default=False, repr=False)  # False: not read yet

    def __post_init__(self) -> None:
        if self.roster is None:
            if self.tour is None:
                raise ValueError("an index needs its tour or its roster")
            self.roster = Roster.of(self.tour)

    def hits(self, terms: Sequence[Term], limit: int) -> list[Hit]:
        """The best passages for TERMS (all must match), at most PER_SECTION from a section."""
        if not terms or limit < 1:
            return []
        match = self.expression(terms)
        ranked = self.connection.execute(
            "SELECT rowid, coalesce(section, 'g:' || ref), bm25(passages, ?, ?, ?, ?) AS score"
            " FROM passages WHERE passages MATCH ? ORDER BY score, rowid",
            (*WEIGHTS, match),
        )
        # Rows whose own passage holds a match. A row that matched only through its section's
        # title, keywords or takeaway stands for the section once, and only when no passage of
        # the section mentions the words itself.
        in_text = self.connection.execute(
            "SELECT rowid, coalesce(section, 'g:' || ref) FROM passages WHERE passages MATCH ?",
            (f"({match}) AND text : ({self.expression(terms, 'OR')})",),
        ).fetchall()
        text_rows = {rowid for rowid, _ in in_text}
        text_sections = {key for _, key in in_text}
        shown = tuple(term.highlight for term in terms)
        query = " ".join(term.display for term in terms)
        hits: list[tuple[int, Hit]] = []
        per_section: dict[object, int] = {}
        for rowid, key, score in ranked:
            count = per_section.get(key, 0)
            if count >= PER_SECTION or (key in text_sections and rowid not in text_rows):
                continue
            if count and rowid not in text_rows:
                continue
            per_section[key] = count + 1
            hits.append((rowid, self._hit(rowid, match, -score, shown, query)))
            if len(hits) >= limit:
                break
        # Passages of the tour first, then the glossary's definitions, each group best first.
        hits.sort(key=lambda pair: pair[1].section is None)
        return [self._located(rowid, hit) for rowid, hit in hits]

    def expression(self, terms: Sequence[Term], operator: str = "AND") -> str:
        """The FTS5 expression of TERMS, as query.expression makes it where porter stems; in an
        index of another language, each word stands for the tour's words with its stem."""
        if self._stems is False:
            from exotour.search.stemming import of_index

            self._stems = of_index(self.connection)
        if self._stems is None or isinstance(self._stems, bool):
            return expression(terms, operator)
        return self._stems.expression(self.connection, terms, operator)

    def _located(self, rowid: int, hit: Hit) -> Hit:
        """HIT (in row ROWID) with the words `learn --at` needs to open its page: the query, or
        when an earlier passage of its section matches that too, a phrase from the hit's first
        match on that is first found in the hit's own passage."""
        if hit.section is None or hit.field != "text" or not hit.passage or not hit.spans:
            return hit
        if self._first_row(rowid, hit, self.expression(parse_query(hit.at))) == rowid:
            return hit
        words = _WORD.findall(hit.text, hit.spans[0][0])[:AT_WORDS]
        for size in range(2, len(words) + 1):
            phrase = Term(" ".join(words[:size]), "phrase")
            if self._first_row(rowid, hit, phrase.fts) == rowid:
                return hit._replace(at=phrase.display)
        return hit

    def _first_row(self, rowid: int, hit: Hit, match: str) -> int | None:
        """The first row of HIT's section, up to ROWID, whose passage matches MATCH.

        A section's rows were written one after another, so those before the hit's are just
        before it: a rowid range, which FTS5 reads without a scan."""
        row = self.connection.execute(
            "SELECT rowid, section FROM passages WHERE passages MATCH ?"
            " AND rowid BETWEEN ? AND ? ORDER BY rowid LIMIT 1",
            (f"text : ({match})", rowid - hit.passage, rowid),
        ).fetchone()
        return int(row[0]) if row is not None and row[1] == hit.section else None

    def _hit(self, rowid: int, match: str, score: float, terms: tuple[str, ...], query: str) -> Hit:
        marks = (OPEN, CLOSE) * 4
        row = self.connection.execute(
            "SELECT kind, section, passage, ref,"
            " highlight(passages, 0, ?, ?), highlight(passages, 1, ?, ?),"
            " highlight(passages, 2, ?, ?), highlight(passages, 3, ?, ?)"
            " FROM passages WHERE passages MATCH ? AND rowid = ?",
            (*marks, match, rowid),
        ).fetchone()
        kind, section, passage, ref, *marked = row
        assert self.roster is not None  # set in __post_init__
        self.roster.check(kind, section, passage, ref, marked)
        (title, title_spans), keywords, takeaway, text = (unmark(m) for m in marked)
        # The snippet shows the passage when it holds a match (a glossary entry always shows its
        # definition), else the section's takeaway or keywords that matched.
        source: Field = "text"
        chosen = text
        if kind != "glossary" and not text[1]:
            if takeaway[1] or not text[0]:
                source, chosen = "takeaway", takeaway
            elif keywords[1]:
                source, chosen = "keywords", keywords
        shown_title, shown_title_spans = safe(title, title_spans)
        shown_text, shown_spans = safe(*chosen)
        return Hit(
            kind=kind,
            section=None if section is None else int(section),
            passage=int(passage),
            id=ref,
            title=shown_title,
            title_spans=shown_title_spans,
            text=shown_text,
            spans=shown_spans,
            field=source,
            score=float(f"{score:.6g}"),
            terms=terms,
            at=query,
        )

    def search(self, query: str, limit: int) -> list[Hit]:
        terms = parse_query(query)
        return self.hits(terms, limit) if terms else []

    def suggest(self, query: str) -> str | None:
        """QUERY with each word the index does not know replaced by the closest one it does, if
        that finds something: `colagen` gives `collagen`. None when there is nothing better."""

        def replace(match: re.Match[str]) -> str:
            word = match.group()
            if self.known(word):
                return word
            return self.closest(word) or word

        terms = parse_query(query)
        fixed = [
            term if term.kind == "prefix" else Term(_WORD.sub(replace, term.text), term.kind)
            for term in terms
        ]
        if fixed == list(terms):
            return None
        text = " ".join(term.display for term in fixed)
        return text if self.search(text, 1) else None

    def known(self, word: str) -> bool:
        """Whether WORD (or a word with the same stem) is in the index."""
        if word not in self._known:
            found = self.connection.execute(
                "SELECT 1 FROM passages WHERE passages MATCH ? LIMIT 1",
                (self.expression((Term(word, "word"),)),),
            ).fetchone()
            self._known[word] = found is not None
        return self._known[word]

    def closest(self, word: str) -> str | None:
        """The indexed word closest to WORD by exotour's one did-you-mean rule, if one is close.

        fts5vocab supplies the candidates: the words as written, of about WORD's length."""
        from exotour.suggest import close_words, fold

        wanted = fold(word)
        if len(wanted) < SHORTEST_CORRECTED:
            return None
        exists = "SELECT 1 FROM sqlite_master WHERE name = 'words_vocab'"
        if not self.connection.execute(exists).fetchone():
            if self.tour is None:
                return None  # only a file built without one; the tour's index will build it
            from exotour.search.passages import tour_rows

            build_vocabulary(self.connection, tour_rows(self.tour))
        slack = 1 if len(wanted) <= 4 else 2
        candidates = [
            term
            for (term,) in self.connection.execute(
                "SELECT term FROM words_vocab WHERE length(term) BETWEEN ? AND ?"
                " ORDER BY doc DESC, term",
                (len(wanted) - slack, len(wanted) + slack),
            )
            if isinstance(term, str) and term != wanted
        ]
        close = close_words(wanted, candidates, limit=1)
        return close[0] if close else None
