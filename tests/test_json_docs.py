"""The README's `## JSON output` and the real outputs agree: every key each `--json` prints is
documented under `### exotour CMD --json` with its type, and every documented key is printed.

A subsection is a table (or a list) whose rows begin with a key in backticks and its type:
`| `terms[].sections[].id` | string | meaning |` or `- `format` — integer — meaning`. The first
inline `exotour ... --json` command in a subsection's text is the one run here (else the
heading's own). Every subsection present is checked, whoever wrote it.
"""

from __future__ import annotations

import json
import re
import shlex
from typing import Any

import pytest
import typer
from helpers import REPO, run_cli

from exotour.cli import app

README = (REPO / "README.md").read_text(encoding="utf-8")
HEADING = re.compile(r"^### exotour ([a-z][a-z-]*) --json\s*$", re.MULTILINE)
ROW = re.compile(r"^\s*(?:\|\s*|[-*]\s+)`([^`]+)`\s*(?:\||—|-{1,2}|:)\s*([^|—]+?)\s*(?:\||—|$)")
EXAMPLE = re.compile(r"`(exotour [^`]*--json[^`]*)`")
TYPES = {
    bool: "boolean",
    int: "integer",
    float: "number",
    str: "string",
    type(None): "null",
    list: "array",
    dict: "object",
}
SINGULAR = {"strings": "string", "integers": "integer", "numbers": "number", "objects": "object"}
SINGULAR |= {"booleans": "boolean", "arrays": "array"}
# Commands whose subsection the layer that owns them writes; checked as soon as it is there.
PENDING: frozenset[str] = frozenset()


def _json_part() -> str:
    start = README.index("\n## JSON output\n")
    end = README.find("\n## ", start + 1)
    return README[start : end if end != -1 else len(README)]


def subsections() -> dict[str, str]:
    """{command: the text of its `### exotour CMD --json` subsection}."""
    part = _json_part()
    found = list(HEADING.finditer(part))
    return {
        match[1]: part[match.end() : found[i + 1].start() if i + 1 < len(found) else len(part)]
        for i, match in enumerate(found)
    }


def documented(text: str) -> dict[str, str]:
    """{key path: type} from a subsection's rows; the table's header row is not a key."""
    rows = {}
    for line in text.splitlines():
        match = ROW.match(line)
        if match and match[1] != "key":
            rows[match[1]] = match[2].strip()
    return rows


def _type_of(value: object) -> str:
    return TYPES[type(value)]


def observed(value: object, path: str = "") -> dict[str, list[object]]:
    """{key path: every value seen there}, through objects (`a.b`) and arrays of them (`a[].b`)."""
    seen: dict[str, list[object]] = {}

    def walk(node: object, where: str) -> None:
        if isinstance(node, dict):
            for key, child in node.items():
                inner = f"{where}.{key}" if where else key
                seen.setdefault(inner, []).append(child)
                walk(child, inner)
        elif isinstance(node, list):
            for item in node:
                if isinstance(item, dict):
                    walk(item, f"{where}[]")

    walk(value, path)
    return seen


def matches(documented_type: str, value: object) -> bool:
    """Whether VALUE has DOCUMENTED_TYPE, such as `string`, `array of objects`, `object or null`."""
    for choice in (c.strip() for c in documented_type.split(" or ")):
        words = choice.split()
        if words[:2] == ["array", "of"] and isinstance(value, list):
            element = SINGULAR.get(words[2], words[2]) if len(words) > 2 else ""
            if all(_type_of(item) == element for item in value):
                return True
        elif words and words[0] == _type_of(value):
            return True
    return False


def _unseen_because_empty(key: str, seen: dict[str, list[object]]) -> bool:
    """A documented key inside an object that is null, or an array that is empty, everywhere."""
    parts = re.split(r"(?=\.)|(?=\[\])", key)
    for end in range(1, len(parts)):
        parent = "".join(parts[:end])
        values = seen.get(parent)
        if values is not None and all(v is None or v == [] for v in values):
            return True
    return False


def run_example(command: str, text: str, capsys: pytest.CaptureFixture[str]) -> Any:
    example = EXAMPLE.search(text)
    words = shlex.split(example[1] if example else f"exotour {command} --json")
    assert words[0] == "exotour" and command in words
    result = run_cli(words[1:], capsys)
    assert (result.status, result.err) == (0, ""), words
    return json.loads(result.out)


def json_commands() -> list[str]:
    group = typer.main.get_command(app)
    return sorted(
        name
        for name, command in group.commands.items()  # type: ignore[attr-defined]
        if any("--json" in getattr(p, "opts", ()) for p in command.params)
    )


@pytest.mark.parametrize("command", sorted(subsections()))
def test_every_key_is_documented_with_its_type(
    command: str, capsys: pytest.CaptureFixture[str]
) -> None:
    text = subsections()[command]
    keys = documented(text)
    assert keys, f"no keys documented for exotour {command} --json"
    data = run_example(command, text, capsys)
    assert isinstance(data, dict), f"exotour {command} --json must print one object"
    assert isinstance(data.get("format"), int), "every JSON output carries its format version"
    seen = observed(data)
    assert sorted(set(seen) - set(keys)) == [], f"undocumented keys of exotour {command} --json"
    missing = [k for k in keys if k not in seen and not _unseen_because_empty(k, seen)]
    assert missing == [], f"documented keys that exotour {command} --json does not print"
    for key, values in seen.items():
        wrong = [v for v in values if not matches(keys[key], v)]
        assert wrong == [], f"{key} is documented as {keys[key]}: {wrong[:1]}"


@pytest.mark.parametrize("command", json_commands())
def test_every_json_output_is_documented(command: str) -> None:
    if command in PENDING and command not in subsections():
        pytest.skip(f"the README's subsection for {command} --json is not written yet")
    assert command in subsections(), f"README: no '### exotour {command} --json'"


def test_the_parser_reads_tables_and_lists() -> None:
    text = (
        "| key | type | meaning |\n| --- | --- | --- |\n| `a` | string | A. |\n"
        "| `b[].c` | array of strings | C. |\n- `d` — integer or null — D.\n"
    )
    assert documented(text) == {"a": "string", "b[].c": "array of strings", "d": "integer or null"}
    assert matches("array of strings", ["x"]) and not matches("array of strings", [1])
    assert matches("object or null", None) and not matches("integer", True)
    assert observed({"a": [{"b": 1}], "c": None}) == {"a": [[{"b": 1}]], "a[].b": [1], "c": [None]}
