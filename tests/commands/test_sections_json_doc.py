"""README.md's "exotour sections --json" table and the output hold together: every key printed is
documented with its type, and every documented key is printed."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest
from helpers import REPO, run_cli

from exotour.commands import store_for
from exotour.commands.sections import JSON_FORMAT
from exotour.model import Tour
from exotour.state.progress import Saved

TYPES = {
    "integer": int,
    "string": str,
    "boolean": bool,
    "object": dict,
    "array of objects": list,
    "null": type(None),
}


def documented() -> dict[str, str]:
    """{key path: type} from the README's table under ### exotour sections --json."""
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    part = readme.split("### exotour sections --json", 1)[1]
    part = re.split(r"\n#{2,3} ", part, maxsplit=1)[0]
    rows = re.findall(r"^\| `([^`]+)` \| ([a-z ]+) \| .+ \|$", part, flags=re.MULTILINE)
    assert rows, "no key table under ### exotour sections --json"
    return dict(rows)


def printed(value: Any, path: str = "") -> dict[str, set[str]]:
    """{key path: the JSON types seen there} for VALUE and all inside it."""
    seen: dict[str, set[str]] = {}
    if isinstance(value, dict):
        for key, inner in value.items():
            here = f"{path}.{key}" if path else key
            seen.setdefault(here, set()).add(_kind(inner))
            for deeper, kinds in printed(inner, here).items():
                seen.setdefault(deeper, set()).update(kinds)
    elif isinstance(value, list):
        for item in value:
            for deeper, kinds in printed(item, f"{path}[]").items():
                seen.setdefault(deeper, set()).update(kinds)
    return seen


def _kind(value: object) -> str:
    if isinstance(value, list):
        return "array of objects"
    return next(name for name, kind in TYPES.items() if type(value) is kind)


def test_every_key_is_documented_with_its_type_and_every_documented_key_is_printed(
    tour: Tour, capsys: pytest.CaptureFixture[str]
) -> None:
    # Some section read, one begun, quiz scores: every key that can be printed is.
    saved = Saved().at(tour.sections[0].id, 0, 1).at(tour.sections[1].id, 0, 3)
    saved = saved.with_quiz("all", 20, 26).with_quiz(tour.sections[2].id, 2, 4)
    store_for(tour).save(saved)
    result = run_cli(["sections", "--json"], capsys)
    assert result.status == 0
    data = json.loads(result.out)
    assert data["format"] == JSON_FORMAT
    docs = documented()
    seen = printed(data)
    assert sorted(seen) == sorted(docs)
    for key, kinds in seen.items():
        allowed = set(docs[key].split(" or "))
        assert kinds <= allowed, f"{key} is {kinds}, documented as {docs[key]}"
