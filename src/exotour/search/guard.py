"""An index file from the cache folder, judged before a query reads it.

The cache folder is untrusted like every file exotour did not just write: anyone who can write
there can plant a file under an index's name. A planted file could hold a view or a trigger in
place of a table (a recursive view that never ends, a join that grows without limit), so a
file is used only when every object in its schema is one that exotour's own schema creates,
word for word; and every query on it runs under a budget of work, so that even a file that
passes cannot keep `search` busy for ever.
"""

from __future__ import annotations

import sqlite3
import time
from functools import cache

# Work SQLite may do without a pause before a query is stopped: far more than any search of a
# real tour needs (a few million steps), a few seconds of a runaway one.
BUDGET = 2_000_000_000
STEP = 10_000  # the handler runs every STEP virtual-machine instructions
# A pause this long between two calls of the handler means a new query has begun.
PAUSE = 0.05


def is_ours(connection: sqlite3.Connection) -> bool:
    """Whether every object in CONNECTION's schema is one exotour's index schema creates."""
    expected = expected_schema()
    rows = connection.execute(
        "SELECT type, name, tbl_name, sql FROM sqlite_master LIMIT ?", (len(expected) + 1,)
    ).fetchall()
    return set(rows) <= expected and len(rows) <= len(expected)


@cache
def expected_schema() -> frozenset[tuple[str, str, str, str | None]]:
    """The objects an index file may hold: those its schema creates in an empty database, with
    either tokenizer (porter for English, plain words beside a table of stems for the others)."""
    from exotour.search import index, roster, snippets, stemming

    rows: set[tuple[str, str, str, str | None]] = set()
    for tokenizer, stems in ((snippets.TOKENIZER, ""), (stemming.PLAIN_TOKENIZER, stemming.SCHEMA)):
        memory = sqlite3.connect(":memory:")
        try:
            schema = index.SCHEMA.format(tokenizer=tokenizer)
            memory.executescript(schema + index.VOCABULARY_SCHEMA + roster.SCHEMA + stems)
            rows.update(memory.execute("SELECT type, name, tbl_name, sql FROM sqlite_master"))
        finally:
            memory.close()
    return frozenset(rows)


def bound(connection: sqlite3.Connection, budget: int = BUDGET) -> None:
    """Stop any query on CONNECTION that works BUDGET instructions without a pause (it raises
    sqlite3.OperationalError, which the index's callers treat as a broken file)."""
    steps = 0
    last = time.monotonic()

    def handler() -> int:
        nonlocal steps, last
        now = time.monotonic()
        steps = STEP if now - last > PAUSE else steps + STEP
        last = now
        return 1 if steps > budget else 0

    connection.set_progress_handler(handler, STEP)
