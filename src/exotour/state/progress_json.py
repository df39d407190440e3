"""The progress file's JSON, both ways, trusting nothing in it.

Format 2 (written now), per tour:

    {"section": "safety", "anchor": [3, 120], "page": 1, "pages": 5,
     "seen": {"safety": [2, 5]}, "visited": ["benefits"], "quiz_best": [["all", 3, 4]]}

`anchor` is [block, offset] or null; `seen` maps a section to [pages shown, pages]; `worksheet`,
where there is one, maps the decision worksheet's questions to their answers (text). Format 1
had no anchor and no seen; its files still load. Every value is checked for its type and range
(a bool is not a number, Infinity is not a page), so any file yields a Saved or a ValueError.
"""

from __future__ import annotations

import json
from typing import Any

from exotour.state.saved import Saved

FORMAT = 2
READABLE_FORMATS = (1, 2)
# Far beyond any tour, and small enough that no arithmetic on them is ever slow.
LARGEST = 10**9
MAX_ANSWERS = 200  # far beyond a decision worksheet's questions


class DamagedError(ValueError):
    """The bytes are not JSON we could have written."""


def parse(raw: bytes) -> Any:
    """RAW as JSON; DamagedError when it is not UTF-8 JSON of a sane depth."""
    try:
        return json.loads(raw.decode("utf-8"), parse_int=_bounded_int)
    except (UnicodeDecodeError, ValueError, RecursionError) as exc:
        raise DamagedError(type(exc).__name__) from exc


def _bounded_int(text: str) -> int | str:
    # A number too long to be a page is kept as text, so that the check of its field refuses
    # it: that one tour starts afresh, the others in the file are kept.
    return int(text) if len(text) <= 12 else text


def dump(tours: dict[str, Any]) -> str:
    return json.dumps({"format": FORMAT, "tours": tours}, indent=1, sort_keys=True) + "\n"


# The keys saved_to_json writes; a tour's entry may hold others (written by a later exotour, or
# by a command of its own), which a save keeps as they are.
FIELDS = frozenset(
    {"section", "anchor", "page", "pages", "seen", "visited", "quiz_best", "worksheet"}
)


def saved_to_json(saved: Saved) -> dict[str, Any]:
    return {
        "section": saved.section,
        "anchor": list(saved.anchor) if saved.anchor is not None else None,
        "page": saved.page,
        "pages": saved.pages,
        "seen": {section: [shown, count] for section, shown, count in saved.seen},
        "visited": sorted(saved.visited),
        "quiz_best": [list(item) for item in saved.quiz_best],
        **({"worksheet": dict(saved.decide)} if saved.decide else {}),  # once decide is used
    }


def saved_from_json(entry: object) -> Saved:
    """One tour's entry (of format 1 or 2) as a Saved; ValueError naming the first bad field."""
    if not isinstance(entry, dict):
        raise ValueError("entry")
    section = entry.get("section")
    if section is not None and not isinstance(section, str):
        raise ValueError("section")
    pages = _number(entry.get("pages", 1), "pages", least=1)
    page = _number(entry.get("page", 0), "page")
    anchor = entry.get("anchor")
    if anchor is not None:
        anchor = _pair(anchor, "anchor", least=0)
    visited = entry.get("visited", [])
    if not isinstance(visited, list) or not all(isinstance(v, str) for v in visited):
        raise ValueError("visited")
    seen = entry.get("seen", {})
    if not isinstance(seen, dict):
        raise ValueError("seen")
    furthest = []
    for name, value in sorted(seen.items()):
        shown, count = _pair(value, "seen", least=1)
        if shown > count:
            raise ValueError("seen")
        furthest.append((name, shown, count))
    best = entry.get("quiz_best", [])
    if not isinstance(best, list):
        raise ValueError("quiz_best")
    scores = []
    for item in best:
        if not isinstance(item, list) or len(item) != 3 or not isinstance(item[0], str):
            raise ValueError("quiz_best")
        right, asked = _pair(item[1:], "quiz_best", least=0)
        if right > asked:
            raise ValueError("quiz_best")
        scores.append((item[0], right, asked))
    return Saved(
        decide=_answers(entry.get("worksheet", {})),
        section=section,
        page=page,
        pages=pages,
        visited=frozenset(visited),
        quiz_best=tuple(sorted(scores)),
        anchor=anchor,
        seen=tuple(furthest),
    )


def _answers(value: object) -> tuple[tuple[str, str], ...]:
    """The decision worksheet's answers: a few short texts by key, or a ValueError."""
    if not isinstance(value, dict) or len(value) > MAX_ANSWERS:
        raise ValueError("worksheet")
    for key, text in value.items():
        if not isinstance(text, str) or len(key) > 100 or len(text) > 1000:
            raise ValueError("worksheet")
    return tuple(sorted(value.items()))


def _number(value: object, name: str, least: int = 0) -> int:
    # bool is an int to Python, never to us; floats (Infinity, NaN, 1.5) are no page either.
    if type(value) is not int or not least <= value <= LARGEST:
        raise ValueError(name)
    return value


def _pair(value: object, name: str, least: int) -> tuple[int, int]:
    if not isinstance(value, list) or len(value) != 2:
        raise ValueError(name)
    return (_number(value[0], name, least), _number(value[1], name, least))
