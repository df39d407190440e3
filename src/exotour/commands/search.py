"""`exotour search QUERY...`: the best passages first, the words highlighted, how to open each.

No hits exits 1, as grep does, with "did you mean" when a close word finds something; an empty
query is a usage error (exit 2). `--json` prints one object, as README.md's "JSON output"
documents it. A repeated search reads no YAML and parses no Markdown: while the content folder
is unchanged its index file answers alone, without the tour (see search/cache.py).
"""

from __future__ import annotations

import re
import sys
from typing import TYPE_CHECKING

from exotour.commands import Options, command_prefix, emit, load, stdout
from exotour.errors import ExitStatus, NoResultsError, UsageError
from exotour.i18n import _

if TYPE_CHECKING:
    from exotour.search.hits import Hit

# The longest query an error message repeats; a pasted page would bury the message.
SHOWN_QUERY = 60
# The version of the JSON object `--json` prints; raised when a key changes meaning or goes.
JSON_FORMAT = 1


def query_text(words: list[str]) -> str:
    """The query the shell's words make: a word with spaces in it was quoted, so it is a phrase."""
    parts = []
    for word in words:
        stripped = word.strip()
        if any(ch.isspace() for ch in stripped) and '"' not in stripped:
            parts.append(f'"{stripped}"')
        else:
            parts.append(stripped)
    # A byte of the command line that is not UTF-8 reaches Python as a lone surrogate, which no
    # JSON reader or terminal can take: it is U+FFFD from here on.
    return _LONE_SURROGATE.sub("\ufffd", " ".join(part for part in parts if part))


_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def shown(query: str) -> str:
    """QUERY as a message may show it: nothing a terminal would act on, and not too long."""
    from exotour.search.query import clean
    from exotour.text import printable

    text = printable(clean(query))
    return text if len(text) <= SHOWN_QUERY else text[: SHOWN_QUERY - 1] + "…"


def run(options: Options, query: list[str], *, limit: int, as_json: bool) -> ExitStatus:
    text = query_text(query)
    if not text:
        raise UsageError(
            _("the search query is empty"),
            hint=_("give a word to find, as in: exotour search collagen"),
        )
    from exotour.search import engine

    # Every hit, to count them as the walkthrough does. While the folder is as it was when its
    # index was built, the index file answers alone; else the tour (from the tour cache while
    # the folder is unchanged) is searched, and its index built or checked.
    folder = engine.current_key(options.content_dir())  # before the tour is read
    every = max(limit + 1, engine.ALL_HITS)
    hits = engine.search_current(options.content_dir(), folder, text, every) if folder else None
    suggestion = None
    if not hits:
        tour = load(options)
        hits = engine.search(tour, text, every, cache=True, folder=folder)
        suggestion = None if hits else engine.suggest(tour, text, cache=True, folder=folder)
    total = len(hits)
    more = total > limit
    hits = hits[:limit]
    prefix = command_prefix(options)
    if as_json:
        _print_json(text, hits, limit=limit, more=more, suggestion=suggestion, prefix=prefix)
    if not hits:
        raise NoResultsError(
            _("no results for '{query}'").format(query=shown(text)), hint=_hint(text, suggestion)
        )
    if not as_json:
        from exotour.render.results import results_screen

        console = stdout(options)
        screen = results_screen(hits, shown(text), total, width=console.width, prefix=prefix)
        emit(options, screen, console)
    return ExitStatus.OK


def _hint(text: str, suggestion: str | None) -> str:
    from exotour.search.query import parse_query

    if suggestion:
        return _("did you mean: {word}?").format(word=shown(suggestion))
    if not parse_query(text):
        return _("search for words or numbers; punctuation and symbols are not indexed")
    if len(parse_query(text)) > 1:
        return _("every word must be in the same passage; try fewer words")
    return _("try another word, or the start of one followed by *, as in collag*")


def json_document(
    query: str, hits: list[Hit], *, limit: int, more: bool, suggestion: str | None, prefix: str
) -> dict[str, object]:
    """The object `search --json` prints; README.md documents every key."""
    return {
        "format": JSON_FORMAT,
        "query": query,
        "limit": limit,
        "more": more,
        "suggestion": suggestion,
        "hits": [hit.as_json(prefix) for hit in hits],
    }


def _print_json(
    query: str, hits: list[Hit], *, limit: int, more: bool, suggestion: str | None, prefix: str
) -> None:
    import json

    document = json_document(
        query, hits, limit=limit, more=more, suggestion=suggestion, prefix=prefix
    )
    # ASCII escapes: no character can act on a terminal, and any output encoding can carry it.
    sys.stdout.write(json.dumps(document, indent=2, ensure_ascii=True) + "\n")
