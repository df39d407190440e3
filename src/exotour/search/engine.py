"""Full-text search over a tour: the index, ranked hits, snippets and "did you mean".

The engine is SQLite FTS5 from the standard library. Each passage of a section (a paragraph, a
list, an evidence note) is one row, beside the section's title, keywords and takeaway; each
glossary entry is a row too. bm25 ranks title and keywords above the body text.

User text never reaches FTS5 as syntax: every word is quoted (`"a phrase"` stays a phrase, a
trailing `*` a prefix) and the expression is a bound parameter, so no input can raise. Match
offsets come from FTS5's `highlight()` with control-character markers that content cannot hold;
callers get plain text and (start, end) spans, never markup. Nothing here prints.

Where the index lives: `exotour search` keeps it in a cache file per content folder and, while
the folder's files hash the same, answers from it without reading the YAML at all (FolderSearch).
Inside `learn` the tour is already loaded, and a small one is indexed in memory (open_index).
A stale or corrupt cache file is rebuilt silently; an unwritable cache folder means memory.
"""

from __future__ import annotations

import hashlib
import os
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import suppress
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Literal, TypeVar

if TYPE_CHECKING:
    import sqlite3

    from exotour.model import Section, Tour

Span = tuple[int, int]
_T = TypeVar("_T")
Kind = Literal["paragraph", "list", "note", "glossary"]

TOKENIZER = "porter unicode61 remove_diacritics 2"
# The vocabulary for suggestions keeps words as written (no stemming), so it can offer them.
WORDS_TOKENIZER = "unicode61 remove_diacritics 2"
# bm25 weights of the columns in the order they are declared: title, keywords, takeaway, text.
WEIGHTS = (10.0, 5.0, 2.0, 1.0)
SCHEMA_VERSION = "1"
# With the tour already loaded (in `learn`), below this many rows the index is built in memory.
# Measured: the built-in tour (~100 rows) builds in ~7 ms, while a cache file opens in ~2 ms plus
# ~6 ms to import platformdirs and name the folder; building costs ~30 us a row (8,000 rows:
# 255 ms, against 4 ms to open). `exotour search` always caches: a current cache spares it
# loading the tour, which costs far more than either.
CACHE_MIN_ROWS = 250
# A section shows at most this many passages, so one section cannot fill the list.
PER_SECTION = 3
SNIPPET_CHARS = 160

# Markers around matches in highlight(): the loader rejects control characters in content, and
# indexed text is cleaned of them anyway, so a marker can only be ours.
_OPEN, _CLOSE = "\x01", "\x02"
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f]")
_SPACE = re.compile(r"\s+")
_WORD = re.compile(r"\w+")


# -- queries ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Term:
    """One part of a query: a word, a "phrase" or a prefix*, as the user wrote it."""

    text: str
    kind: Literal["word", "phrase", "prefix"]

    @property
    def fts(self) -> str:
        """The term as an FTS5 string: always quoted, so nothing in it is syntax."""
        quoted = '"' + self.text.replace('"', '""') + '"'
        return quoted + "*" if self.kind == "prefix" else quoted

    @property
    def display(self) -> str:
        """The term as the user would type it again."""
        if self.kind == "phrase":
            return f'"{self.text}"'
        return self.text + "*" if self.kind == "prefix" else self.text


def clean(text: str) -> str:
    """TEXT with no control characters, unpaired surrogates or runs of spaces."""
    text = text.encode("utf-8", "replace").decode("utf-8")
    return _SPACE.sub(" ", _CONTROL.sub(" ", text)).strip()


def _has_token(text: str) -> bool:
    """Whether the unicode61 tokenizer finds a token in TEXT: a letter, a number or a private
    use character. A term without one would be an empty phrase that matches nothing."""
    return any(
        unicodedata.category(ch)[0] in "LN" or unicodedata.category(ch) == "Co" for ch in text
    )


_QUERY_PART = re.compile(r'"([^"]*)"?|(\S+)')


def parse_query(query: str) -> tuple[Term, ...]:
    """The terms of QUERY: words, "phrases" and prefix*es; parts with nothing to find go."""
    terms: list[Term] = []
    for match in _QUERY_PART.finditer(clean(query)):
        phrase, word = match.group(1), match.group(2)
        if phrase is not None:
            text = phrase.strip()
            if _has_token(text):
                terms.append(Term(text, "phrase" if " " in text else "word"))
            continue
        if word.endswith("*") and _has_token(word.rstrip("*")):
            terms.append(Term(word.rstrip("*"), "prefix"))
        elif _has_token(word):
            terms.append(Term(word, "word"))
    return tuple(terms)


def terms_of(texts: Sequence[str]) -> tuple[Term, ...]:
    """Highlight terms (as Hit.terms holds them) back to terms: `heal*` is a prefix."""
    terms: list[Term] = []
    for text in texts:
        cleaned = clean(text)
        if cleaned.endswith("*") and _has_token(cleaned.rstrip("*")):
            terms.append(Term(cleaned.rstrip("*"), "prefix"))
        elif _has_token(cleaned):
            terms.append(Term(cleaned, "phrase" if " " in cleaned else "word"))
    return tuple(terms)


def expression(terms: Sequence[Term], operator: str = "AND") -> str:
    """An FTS5 expression of TERMS joined by OPERATOR; every term quoted."""
    return f" {operator} ".join(term.fts for term in terms)


def unmark(marked: str) -> tuple[str, tuple[Span, ...]]:
    """The text of highlight() output without its markers, and where the marked matches are."""
    out: list[str] = []
    spans: list[Span] = []
    length = 0
    start = -1
    for part in re.split(f"([{_OPEN}{_CLOSE}])", marked):
        if part == _OPEN:
            start = length
        elif part == _CLOSE:
            if start >= 0 and length > start:
                spans.append((start, length))
            start = -1
        else:
            out.append(part)
            length += len(part)
    return "".join(out), tuple(spans)


# -- passages -----------------------------------------------------------------------------------

_FENCE = re.compile(r"^\s*(```|~~~)")
_LIST_ITEM = re.compile(r"^\s*(?:[-*+]|\d{1,9}[.)])\s+")
_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+")
_QUOTE = re.compile(r"^\s{0,3}(?:>\s?)+")
_RULE = re.compile(r"^\s{0,3}([-*_])(\s*\1){2,}\s*$")
_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_AUTOLINK = re.compile(r"<((?:https?|mailto):[^>\s]*)>")
_CODE = re.compile(r"(`+)(.+?)\1")
_STRONG = re.compile(r"(\*{1,3})(?=\S)(.+?)(?<=\S)\1")
_UNDERSCORE = re.compile(r"(?<!\w)(_{1,3})(?=\S)(.+?)(?<=\S)\1(?!\w)")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!>|])")
_HIDDEN = 0xF0000
_UNHIDE = re.compile("[\U000f0000-\U000f007f]")


def inline_text(markdown: str) -> str:
    """One block's inline Markdown as the words a reader sees."""
    # Escaped characters hide as private-use ones until emphasis is gone, then come back.
    escaped = "\\" in markdown
    if escaped:
        markdown = _ESCAPE.sub(lambda m: chr(_HIDDEN + ord(m.group(1))), markdown)
    # Each pattern only where its character occurs: most text has little markup.
    text = _CODE.sub(lambda m: m.group(2), markdown) if "`" in markdown else markdown
    if "](" in text:
        text = _LINK.sub(r"\1", text)
    if "<" in text:
        text = _AUTOLINK.sub(r"\1", text)
    for _ in range(2):  # emphasis may nest: ***a*** or **_a_**
        if "*" in text:
            text = _STRONG.sub(r"\2", text)
        if "_" in text:
            text = _UNDERSCORE.sub(r"\2", text)
    if escaped:
        text = _UNHIDE.sub(lambda m: chr(ord(m.group()) - _HIDDEN), text)
    return clean(text)


def _unblock(line: str) -> str:
    return _HEADING.sub("", _QUOTE.sub("", line))


def markdown_passages(body: str) -> list[tuple[Kind, str]]:
    """A Markdown body as passages: each paragraph or list, a heading joined to what follows."""
    blocks: list[list[str]] = [[]]
    fenced = False
    for line in body.splitlines():
        if _FENCE.match(line):
            fenced = not fenced
            continue
        if not fenced and (not line.strip() or _RULE.match(line)):
            if blocks[-1]:
                blocks.append([])
            continue
        blocks[-1].append(line)
    passages: list[tuple[Kind, str]] = []
    heading = ""
    for block in blocks:
        if not block:
            continue
        if all(_HEADING.match(line) for line in block):
            heading = " ".join(inline_text(_HEADING.sub("", line)) for line in block)
            continue
        kind: Kind = "list" if _LIST_ITEM.match(block[0]) else "paragraph"
        if kind == "list":
            items: list[list[str]] = []
            for line in block:
                if _LIST_ITEM.match(line) or not items:
                    items.append([_LIST_ITEM.sub("", line)])
                else:
                    items[-1].append(line)
            text = inline_text(" • ".join(" ".join(item) for item in items))
        else:
            lines = (_unblock(line) if line.lstrip()[:1] in "#>" else line for line in block)
            text = inline_text(" ".join(lines))
        if heading:
            text, heading = f"{heading}: {text}", ""
        if text:
            passages.append((kind, text))
    if heading:
        passages.append(("paragraph", heading))
    return passages


@dataclass(frozen=True)
class Row:
    """One row of the index."""

    kind: Kind
    section: int | None  # the section's index from 0; None for a glossary entry
    passage: int  # the passage's index within its section, from 0
    ref: str  # the section id, or the glossary term
    title: str
    keywords: str
    takeaway: str
    text: str


def section_rows(index: int, section: Section) -> Iterator[Row]:
    keywords = clean(", ".join(section.keywords))
    title, takeaway = clean(section.title), clean(section.takeaway)
    parts: list[tuple[Kind, str]] = markdown_passages(section.body)
    for note in section.evidence:
        sources = "; ".join(f"{s.author}, {s.title} ({s.year})" for s in note.sources)
        parts.append(("note", clean(f"{note.text} Sources: {sources}" if sources else note.text)))
    if not parts:  # a section with an empty body can still be found by its title
        parts.append(("paragraph", ""))
    for number, (kind, text) in enumerate(parts):
        yield Row(kind, index, number, section.id, title, keywords, takeaway, text)


def tour_rows(tour: Tour) -> Iterator[Row]:
    """Every row of TOUR's index: the passages of each section, then the glossary."""
    for index, section in enumerate(tour.sections):
        yield from section_rows(index, section)
    for entry in tour.glossary:
        aliases = clean(", ".join(entry.aliases))
        term = clean(entry.term)
        yield Row("glossary", None, 0, entry.term, term, aliases, "", clean(entry.definition))


# -- hits ---------------------------------------------------------------------------------------


def excerpt(
    text: str, spans: Sequence[Span], size: int = SNIPPET_CHARS
) -> tuple[str, tuple[Span, ...]]:
    """About SIZE characters of TEXT around its first match, cut at spaces, with … where cut."""
    size = max(20, size)
    if len(text) <= size:
        return text, tuple(spans)
    first, last = spans[0] if spans else (0, 1)
    start = max(0, first - min(size // 3, 40))
    if start:
        space = text.find(" ", start, first)
        start = space + 1 if space >= 0 else start
    end = min(len(text), start + size)
    if end < len(text):
        space = text.rfind(" ", max(start, last), end)  # the first match stays whole
        end = space if space > start else end
        if end - start < size // 2:  # one long word: cut it rather than show nothing
            end = min(len(text), start + size)
    prefix = "… " if start else ""
    suffix = " …" if end < len(text) else ""
    shift = len(prefix) - start
    shown = tuple(
        (max(s, start) + shift, min(e, end) + shift) for s, e in spans if s < end and e > start
    )
    return prefix + text[start:end].rstrip() + suffix, tuple((s, e) for s, e in shown if e > s)


@dataclass(frozen=True)
class Hit:
    """One passage that matched, with where the matches are, best hits first."""

    kind: Kind
    section: int | None  # the section's index from 0; None for a glossary entry
    passage: int
    id: str  # the section id, or the glossary term
    title: str
    title_spans: tuple[Span, ...]
    text: str  # the field the snippet comes from: the passage, else the takeaway or keywords
    spans: tuple[Span, ...]  # the matches in text
    field: Literal["text", "takeaway", "keywords"]
    score: float  # higher is better
    terms: tuple[str, ...] = ()  # the query's terms, to highlight on the page the hit opens

    @property
    def command(self) -> str:
        """The command that opens the hit."""
        return self.command_from("exotour")

    def command_from(self, prefix: str) -> str:
        """The command that opens the hit, beginning with PREFIX (as `exotour --content DIR`)."""
        if self.section is None:
            import shlex

            return f"{prefix} glossary {shlex.quote(self.id)}"
        return f"{prefix} learn {self.id}"

    def excerpt(self, size: int = SNIPPET_CHARS) -> tuple[str, tuple[Span, ...]]:
        return excerpt(self.text, self.spans, size)

    @property
    def snippet(self) -> str:
        return self.excerpt()[0]

    def as_json(self, prefix: str = "exotour") -> dict[str, object]:
        snippet, spans = self.excerpt()
        return {
            "id": self.id,
            "title": self.title,
            "section": None if self.section is None else self.section + 1,
            "kind": self.kind,
            "passage": self.passage + 1,
            "snippet": snippet,
            "highlights": [list(span) for span in spans],
            "score": self.score,
            "command": self.command_from(prefix),
        }


# -- the index ----------------------------------------------------------------------------------

_SCHEMA = f"""
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE VIRTUAL TABLE passages USING fts5(
    title, keywords, takeaway, text,
    kind UNINDEXED, section UNINDEXED, passage UNINDEXED, ref UNINDEXED,
    tokenize = '{TOKENIZER}'
);
"""
_VOCABULARY_SCHEMA = f"""
CREATE VIRTUAL TABLE words USING fts5(text, content = '', tokenize = '{WORDS_TOKENIZER}');
CREATE VIRTUAL TABLE words_vocab USING fts5vocab(words, row);
"""


def build(
    connection: sqlite3.Connection, tour: Tour, *, vocabulary: bool = True, key: str = ""
) -> None:
    """Create and fill the index of TOUR in CONNECTION (an empty database).

    The VOCABULARY for suggestions may wait until a search finds nothing: see Index.closest.
    KEY is the content_key of the folder TOUR was read from, for cached_index.
    """
    rows = list(tour_rows(tour))
    with connection:
        connection.executescript(_SCHEMA)
        connection.executemany(
            "INSERT INTO passages(title, keywords, takeaway, text, kind, section, passage, ref)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (r.title, r.keywords, r.takeaway, r.text, r.kind, r.section, r.passage, r.ref)
                for r in rows
            ],
        )
        connection.executemany(
            "INSERT INTO meta(key, value) VALUES (?, ?)",
            [("schema", SCHEMA_VERSION), ("fingerprint", tour.fingerprint), ("key", key)],
        )
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
        connection.executescript(_VOCABULARY_SCHEMA)
        connection.executemany("INSERT INTO words(text) VALUES (?)", words)


@dataclass
class Index:
    """An open index and the queries over it."""

    connection: sqlite3.Connection
    path: Path | None = None  # the cache file it was opened from, if any
    tour: Tour | None = None  # to build the vocabulary when it is first needed
    _known: dict[str, bool] = field(default_factory=dict, repr=False)

    def hits(self, terms: Sequence[Term], limit: int) -> list[Hit]:
        """The best passages for TERMS (all must match), at most PER_SECTION from a section."""
        if not terms or limit < 1:
            return []
        match = expression(terms)
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
            (f"({match}) AND text : ({expression(terms, 'OR')})",),
        ).fetchall()
        text_rows = {rowid for rowid, _ in in_text}
        text_sections = {key for _, key in in_text}
        # As highlight_page takes them: a phrase without its quotes (its space makes it one).
        shown = tuple(term.text + "*" * (term.kind == "prefix") for term in terms)
        hits: list[Hit] = []
        per_section: dict[object, int] = {}
        for rowid, key, score in ranked:
            count = per_section.get(key, 0)
            if count >= PER_SECTION or (key in text_sections and rowid not in text_rows):
                continue
            if count and rowid not in text_rows:
                continue
            per_section[key] = count + 1
            hits.append(self._hit(rowid, match, -score, shown))
            if len(hits) >= limit:
                break
        # Passages of the tour first, then the glossary's definitions, each group best first.
        return sorted(hits, key=lambda hit: hit.section is None)

    def _hit(self, rowid: int, match: str, score: float, terms: tuple[str, ...]) -> Hit:
        marks = (_OPEN, _CLOSE) * 4
        row = self.connection.execute(
            "SELECT kind, section, passage, ref,"
            " highlight(passages, 0, ?, ?), highlight(passages, 1, ?, ?),"
            " highlight(passages, 2, ?, ?), highlight(passages, 3, ?, ?)"
            " FROM passages WHERE passages MATCH ? AND rowid = ?",
            (*marks, match, rowid),
        ).fetchone()
        kind, section, passage, ref, *marked = row
        (title, title_spans), keywords, takeaway, text = (unmark(m or "") for m in marked)
        # The snippet shows the passage when it holds a match (a glossary entry always shows its
        # definition), else the section's takeaway or keywords that matched.
        source: Literal["text", "takeaway", "keywords"] = "text"
        chosen = text
        if kind != "glossary" and not text[1]:
            if takeaway[1] or not text[0]:
                source, chosen = "takeaway", takeaway
            elif keywords[1]:
                source, chosen = "keywords", keywords
        return Hit(
            kind=kind,
            section=None if section is None else int(section),
            passage=int(passage),
            id=ref,
            title=title,
            title_spans=title_spans,
            text=chosen[0],
            spans=chosen[1],
            field=source,
            score=float(f"{score:.6g}"),
            terms=terms,
        )

    def search(self, query: str, limit: int) -> list[Hit]:
        """As the module's search, but a broken index raises sqlite3.Error."""
        terms = parse_query(query)
        return self.hits(terms, limit) if terms else []

    def suggest(self, query: str) -> str | None:
        """As the module's suggest, but a broken index raises sqlite3.Error."""

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
                "SELECT 1 FROM passages WHERE passages MATCH ? LIMIT 1", (Term(word, "word").fts,)
            ).fetchone()
            self._known[word] = found is not None
        return self._known[word]

    def closest(self, word: str) -> str | None:
        """The indexed word closest to WORD by edit distance, if one is close enough."""
        wanted = fold(word)
        limit = 1 if len(wanted) <= 4 else 2
        if len(wanted) < 3:
            return None
        if (
            self.tour is not None
            and not self.connection.execute(
                "SELECT 1 FROM sqlite_master WHERE name = 'words_vocab'"
            ).fetchone()
        ):
            build_vocabulary(self.connection, tour_rows(self.tour))
        candidates = self.connection.execute(
            "SELECT term, doc FROM words_vocab WHERE length(term) BETWEEN ? AND ?",
            (len(wanted) - limit, len(wanted) + limit),
        )
        best: tuple[int, int, str] | None = None
        for term, docs in candidates:
            distance = levenshtein(wanted, term, limit)
            if distance <= limit and term != wanted:
                key = (distance, -docs, term)
                if best is None or key < best:
                    best = key
        return best[2] if best else None


def fold(word: str) -> str:
    """WORD as the vocabulary holds words: lower case, without accents."""
    decomposed = unicodedata.normalize("NFKD", word.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def levenshtein(a: str, b: str, limit: int) -> int:
    """The edit distance of A and B, or limit + 1 as soon as it must exceed LIMIT."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, start=1):
        current = [i]
        for j, cb in enumerate(b, start=1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        if min(current) > limit:
            return limit + 1
        previous = current
    return previous[-1]


# -- opening: memory or the cache ---------------------------------------------------------------


def cache_dir() -> Path:
    """EXOTOUR_CACHE_DIR when set, else the platform's user cache folder."""
    from exotour.state import (
        paths as dirs,  # the same folder, mostly without importing platformdirs (~6 ms)
    )

    return dirs.cache_dir()


def cache_path(folder: Path) -> Path:
    """The cache file of the content in FOLDER; the fingerprint inside says if it is current."""
    place = str(folder.resolve()).encode("utf-8", "replace")
    return cache_dir() / f"search-{hashlib.sha256(place).hexdigest()[:20]}.sqlite3"


def content_key(folder: Path) -> str | None:
    """A hash of the files the loader reads in FOLDER (those at its top and in sections/), and
    of the code that turns them into an index; None if the folder cannot be read.

    Hashing the bytes is far cheaper than parsing the YAML, so a cache whose key matches can
    answer without loading the tour; unchanged content was valid when the cache was written.
    """
    from exotour import __version__

    digest = hashlib.sha256(f"{__version__}\0{SCHEMA_VERSION}\0".encode())
    here = Path(__file__).parents[1]  # the package folder
    for name in _INDEXING_CODE:  # so an edited checkout does not serve an index built by older code
        with suppress(OSError):
            stat = (here / name).stat()
            digest.update(f"{name}\0{stat.st_size}\0{stat.st_mtime_ns}\0".encode())
    try:
        for path in sorted(_content_files(folder)):
            digest.update(str(path.relative_to(folder)).encode("utf-8", "replace") + b"\0")
            digest.update(path.read_bytes() + b"\0")
    except (OSError, ValueError):
        return None
    return digest.hexdigest()


# The modules whose code decides what a content folder indexes to.
_INDEXING_CODE = ("content/loader.py", "model.py", "content/sources.py", "search/engine.py")


def _content_files(folder: Path) -> Iterator[Path]:
    """The regular files at the top of FOLDER and in its sections folder, but hidden ones."""
    for place in (folder, folder / "sections"):
        if place is not folder and not place.is_dir():
            continue
        for entry in os.scandir(place):
            if not entry.name.startswith(".") and entry.is_file():
                yield Path(entry.path)


def memory_index(tour: Tour) -> Index:
    import sqlite3

    connection = sqlite3.connect(":memory:")
    build(connection, tour, vocabulary=False)
    return Index(connection, tour=tour)


def _open_cached(
    path: Path, *, fingerprint: str | None = None, key: str | None = None
) -> Index | None:
    """The index in PATH if it is readable and matches FINGERPRINT and KEY, else None."""
    import sqlite3

    if not path.is_file():
        return None
    try:
        connection = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    except (sqlite3.Error, ValueError):
        return None
    try:
        meta = dict(connection.execute("SELECT key, value FROM meta").fetchall())
        if (
            meta.get("schema") == SCHEMA_VERSION
            and fingerprint in (None, meta.get("fingerprint"))
            and key in (None, meta.get("key"))
        ):
            connection.execute("SELECT count(*) FROM passages WHERE passages MATCH 'a'").fetchone()
            return Index(connection, path)
    except sqlite3.Error:
        pass
    connection.close()
    return None


def _write_cache(path: Path, tour: Tour, key: str) -> Index | None:
    """Build TOUR's index into PATH (atomically: a temporary file, then a rename)."""
    import sqlite3
    import tempfile

    temporary: str | None = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".search-", suffix=".tmp")
        os.close(handle)
        connection = sqlite3.connect(temporary)
        try:
            connection.execute("PRAGMA journal_mode = OFF")
            connection.execute("PRAGMA synchronous = OFF")
            build(connection, tour, key=key)
            with connection:
                connection.execute("INSERT INTO passages(passages) VALUES ('optimize')")
        finally:
            connection.close()
        Path(temporary).replace(path)
        temporary = None
    except (OSError, sqlite3.Error):
        return None
    finally:
        if temporary is not None:
            with suppress(OSError):
                Path(temporary).unlink()
    return _open_cached(path, fingerprint=tour.fingerprint, key=key)


def open_index(tour: Tour, *, cache: bool | None = None, key: str | None = None) -> Index:
    """TOUR's index: from the cache file when the tour is big (or CACHE says so), else in memory.

    KEY, the content_key of the tour's folder taken before it was read, goes into the cache so
    cached_index can use it. A stale or corrupt cache is rebuilt silently; an unwritable cache
    folder means memory.
    """
    if cache is None:
        cache = _row_estimate(tour) >= CACHE_MIN_ROWS
    if cache and tour.fingerprint and tour.content_dir is not None:
        try:
            path = cache_path(tour.content_dir)
        except Exception:  # platformdirs could not name a folder: memory will do
            return memory_index(tour)
        index = _open_cached(path, fingerprint=tour.fingerprint, key=key)
        index = index or _write_cache(path, tour, key or "")
        if index is not None:
            index.tour = tour
            return index
    return memory_index(tour)


def cached_index(folder: Path, key: str) -> Index | None:
    """The cached index of FOLDER if its content still has KEY (see content_key), else None."""
    try:
        path = cache_path(folder)
    except Exception:  # platformdirs could not name a folder: there is no cache
        return None
    return _open_cached(path, key=key)


def _row_estimate(tour: Tour) -> int:
    """About how many rows TOUR's index has, without splitting every body."""
    blocks = sum(s.body.count("\n\n") + 1 + len(s.evidence) for s in tour.sections)
    return blocks + len(tour.glossary)


# One open index per process, for the tour last searched: the in-tour search asks many times.
_open: list[tuple[Tour, Index]] = []


def index_for(tour: Tour, *, cache: bool | None = None, key: str | None = None) -> Index:
    """TOUR's index, opened once per process (see open_index for CACHE and KEY)."""
    if _open and _open[0][0] is tour:
        return _open[0][1]
    index = open_index(tour, cache=cache, key=key)
    _open[:] = [(tour, index)]
    return index


def _guarded(tour: Tour, run: Callable[[Index], _T], empty: _T) -> _T:
    """RUN against TOUR's index; a cache that fails to read is replaced by a fresh index."""
    import sqlite3

    index = index_for(tour)
    try:
        return run(index)
    except sqlite3.Error:
        if index.path is None:
            return empty  # only reachable by a bug: an empty answer beats a traceback
        # The cache file broke under us (truncated, overwritten): rebuild it, or use memory.
        with suppress(OSError):
            index.path.unlink()
    index = open_index(tour, cache=True)
    _open[:] = [(tour, index)]
    try:
        return run(index)
    except sqlite3.Error:
        return empty


def search(tour: Tour, query: str, limit: int = 10) -> list[Hit]:
    """The best LIMIT hits for QUERY in TOUR, best first (passages of sections, then glossary
    entries); [] when nothing matches. Never raises."""
    if not parse_query(query):
        return []
    return _guarded(tour, lambda index: index.search(query, limit), [])


def suggest(tour: Tour, query: str) -> str | None:
    """QUERY with each word the index does not know replaced by the closest one it does, if
    that finds something: `colagen` gives `collagen`. None when there is nothing better."""
    return _guarded(tour, lambda index: index.suggest(query), None)


@dataclass
class FolderSearch:
    """Searches of the content in FOLDER: from its cache file while the files are unchanged,
    without reading the YAML; else from the tour LOAD reads (and checks), caching it for next
    time. Never raises but what LOAD raises."""

    folder: Path
    load: Callable[[], Tour]
    _index: Index | None = None
    _tour: Tour | None = None

    def _run(self, run: Callable[[Index], _T], empty: _T) -> _T:
        import sqlite3

        if self._index is None and self._tour is None:
            key = content_key(self.folder)
            self._index = cached_index(self.folder, key) if key else None
            if self._index is None:
                self._read(key)
        if self._index is not None:
            try:
                return run(self._index)
            except sqlite3.Error:  # the cache broke: read the content after all
                self._index = None
                self._read(content_key(self.folder))
        assert self._tour is not None
        return _guarded(self._tour, run, empty)

    def _read(self, key: str | None) -> None:
        """Load the tour (KEY was taken first: a change while it loads shows next time)."""
        self._tour = self.load()
        index_for(self._tour, cache=True, key=key)

    def search(self, query: str, limit: int = 10) -> list[Hit]:
        if not parse_query(query):
            return []
        return self._run(lambda index: index.search(query, limit), [])

    def suggest(self, query: str) -> str | None:
        return self._run(lambda index: index.suggest(query), None)


# -- where a hit is, and matches in any text ----------------------------------------------------


def _words(text: str) -> list[str]:
    return [fold(m.group()) for m in _WORD.finditer(text)]


def page_holding(page_texts: Sequence[str], hit: Hit) -> int:
    """The index of the page (of PAGE_TEXTS, a section's pages as text) that shows HIT's match.

    The passage is found by its first words in the pages' words, then the match by counting
    words on from there; failing that, the first page with the matched word.
    """
    stream = [(word, page) for page, text in enumerate(page_texts) for word in _words(text)]
    if not stream:
        return 0
    flat = [word for word, _ in stream]
    passage = _words(hit.text) if hit.field == "text" else []
    target = len(_words(hit.text[: hit.spans[0][0]])) if hit.spans and passage else 0
    for size in (8, 5, 3, 1):
        anchor = passage[:size]
        if len(anchor) < min(size, len(passage)) or not anchor:
            continue
        start = _find(flat, anchor)
        if start >= 0:
            return stream[min(start + target, len(stream) - 1)][1]
    if hit.spans:
        matched = _words(hit.text[hit.spans[0][0] : hit.spans[0][1]])
        if matched and (start := _find(flat, matched[:1])) >= 0:
            return stream[start][1]
    return 0


def _find(words: Sequence[str], anchor: Sequence[str]) -> int:
    size = len(anchor)
    first = anchor[0]
    for i, word in enumerate(words):
        if word == first and list(words[i : i + size]) == list(anchor):
            return i
    return -1


@lru_cache(maxsize=1)
def _scratch() -> sqlite3.Connection:
    import sqlite3

    connection = sqlite3.connect(":memory:")
    connection.execute(f"CREATE VIRTUAL TABLE scratch USING fts5(text, tokenize = '{TOKENIZER}')")
    return connection


def match_spans(text: str, terms: Sequence[str]) -> tuple[Span, ...]:
    """Where any of TERMS (words, phrases, prefix*es) matches in TEXT, as the index would match.

    Stems count as in search: `healing` marks `heal`. TEXT may hold any character; offsets are
    into TEXT as given.
    """
    import sqlite3

    parsed = terms_of(terms)
    if not parsed or not text:
        return ()
    # Control characters (our markers among them) become spaces: the offsets do not move.
    safe = _CONTROL.sub(" ", text).encode("utf-8", "replace").decode("utf-8")
    if len(safe) != len(text):  # pragma: no cover - replace keeps one character per surrogate
        return ()
    connection = _scratch()
    try:
        with connection:
            connection.execute("DELETE FROM scratch")
            connection.execute("INSERT INTO scratch(rowid, text) VALUES (1, ?)", (safe,))
            row = connection.execute(
                "SELECT highlight(scratch, 0, ?, ?) FROM scratch WHERE scratch MATCH ?",
                (_OPEN, _CLOSE, expression(parsed, "OR")),
            ).fetchone()
    except sqlite3.Error:
        return ()
    return unmark(row[0])[1] if row else ()
