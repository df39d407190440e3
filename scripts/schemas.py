#!/usr/bin/env python3
"""Write the JSON Schemas that editors read from the loader's one field definition.

    python scripts/schemas.py          # write content/schema/*.json and examples/first-tour/schema/
    python scripts/schemas.py --check  # exit 1, naming each file, when a shipped schema differs

The source is exotour.content.schema (RECORDS, FILES, PATTERNS): a field added there must be
followed by a run of this script, and the test suite runs --check.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "src"))  # a checkout without `pip install` works too

from exotour.content.schema import (  # noqa: E402  (after the path above)
    FILES,
    FORBIDDEN_CHARS,
    NOT_BLANK,
    ONE_LINE,
    PATTERNS,
    RECORDS,
    TEXT_LIMITS,
    FieldSpec,
    FileSpec,
    RecordSpec,
)

DRAFT = "https://json-schema.org/draft/2020-12/schema"
TARGETS = ("content/schema", "examples/first-tour/schema")
CHECK_HINT = "Check a whole folder with 'exotour validate DIR'."


def _no_control_characters() -> dict[str, str]:
    ranges = FORBIDDEN_CHARS.pattern[1:-1]  # the class, without its brackets
    escaped = "".join(char if char == "-" else f"\\u{ord(char):04x}" for char in ranges)
    return {
        "pattern": f"^[^{escaped}]*$",
        "patternErrorMessage": "no control characters or terminal escape sequences",
    }


def _text_defs() -> dict[str, Any]:
    scalar = ["string", "number", "boolean"]  # a number or yes/no is the text written
    return {
        "line": {
            "type": scalar,
            "description": "One line of text, shown as written (no markup, no control "
            "characters). A number or yes/no counts as the text written.",
            "maxLength": TEXT_LIMITS["line"],
            "allOf": [
                {"pattern": ONE_LINE, "patternErrorMessage": "one line of text, not empty"},
                _no_control_characters(),
            ],
        },
        "text": {
            "type": scalar,
            "description": "Plain text that may span several lines (no control characters).",
            "maxLength": TEXT_LIMITS["text"],
            "allOf": [
                {"pattern": NOT_BLANK, "patternErrorMessage": "some text, not only blanks"},
                _no_control_characters(),
            ],
        },
    }


def _pattern(name: str) -> dict[str, str]:
    pattern = PATTERNS[name]
    return {"pattern": pattern.regex, "patternErrorMessage": pattern.says}


def _value(spec: FieldSpec, defs: dict[str, Any]) -> dict[str, Any]:
    """The schema of one value of SPEC (an item, for a list)."""
    if spec.kind in ("record", "records"):
        defs.setdefault(spec.record, None)  # filled in by the caller, once
        return {"$ref": f"#/$defs/{spec.record}"}
    if spec.kind == "int":
        node: dict[str, Any] = {"type": "integer"}
        if spec.bounds:
            node["minimum"], node["maximum"] = spec.bounds
        return node
    if spec.kind == "bool":
        return {"type": "boolean"}
    if spec.kind == "date" and spec.pattern == "dates":
        return {"type": "string", **_pattern("dates")}  # "format": "date" would refuse two
    if spec.kind == "date":
        return {"type": "string", "format": "date", **_pattern("date")}
    if spec.pattern == "id":
        defs["id"] = {
            "description": PATTERNS["id"].says[0].upper() + PATTERNS["id"].says[1:] + ".",
            "$ref": "#/$defs/line",
            **_pattern("id"),
        }
        return {"$ref": "#/$defs/id"}
    if spec.pattern:
        return {"$ref": "#/$defs/line", "type": "string", **_pattern(spec.pattern)}
    return {"$ref": f"#/$defs/{'text' if spec.kind == 'text' else 'line'}"}


def _property(spec: FieldSpec, defs: dict[str, Any]) -> dict[str, Any]:
    if spec.kind not in ("lines", "records"):
        return {**_value(spec, defs), "description": spec.description}
    node: dict[str, Any] = {"type": "array", "description": spec.description}
    if spec.bounds:
        low, high = spec.bounds
        node["minItems"] = low
        if high is not None:
            node["maxItems"] = high
    if spec.unique:
        node["uniqueItems"] = True
    node["items"] = _value(spec, defs)
    return node


def _record(record: RecordSpec, defs: dict[str, Any]) -> dict[str, Any]:
    node: dict[str, Any] = {
        "type": "object",
        "description": record.description,
        "additionalProperties": False,
        "required": [spec.name for spec in record.fields if spec.need == "required"],
        "properties": {spec.name: _property(spec, defs) for spec in record.fields},
    }
    if record.one_of:  # each group: at least one of its fields
        node["allOf"] = [
            {"anyOf": [{"required": [name]} for name in group.names]} for group in record.one_of
        ]
    return node


def document(file: FileSpec, records: Mapping[str, RecordSpec]) -> dict[str, Any]:
    """The JSON Schema of the kind of file FILE describes."""
    defs: dict[str, Any] = _text_defs()
    top = _record(records[file.record], defs)
    while missing := [name for name, node in defs.items() if node is None]:
        for name in missing:
            defs[name] = _record(records[name], defs)
    top["description"] = f"{top['description']} {CHECK_HINT}"
    return {"$schema": DRAFT, "title": file.title, **top, "$defs": defs}


def documents(
    records: Mapping[str, RecordSpec] = RECORDS, files: Sequence[FileSpec] = FILES
) -> dict[str, str]:
    """Each schema file's name and its text."""
    return {
        file.schema_file: json.dumps(document(file, records), indent=2, ensure_ascii=False) + "\n"
        for file in files
    }


def differences(root: Path, records: Mapping[str, RecordSpec] = RECORDS) -> list[Path]:
    """The schema files under ROOT that are missing or differ from what RECORDS gives."""
    wanted = documents(records)
    stale: list[Path] = []
    for target in TARGETS:
        for name, text in wanted.items():
            path = root / target / name
            if not path.is_file() or path.read_text(encoding="utf-8") != text:
                stale.append(path)
    return stale


def write(root: Path, records: Mapping[str, RecordSpec] = RECORDS) -> list[Path]:
    """Write every schema file under ROOT; the files written."""
    written: list[Path] = []
    for target in TARGETS:
        (root / target).mkdir(parents=True, exist_ok=True)
        for name, text in documents(records).items():
            path = root / target / name
            path.write_text(text, encoding="utf-8")
            written.append(path)
    return written


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="exit 1 if a schema file differs")
    parser.add_argument("--root", type=Path, default=REPO, help="the repository (default: this)")
    args = parser.parse_args(argv)
    if args.check:
        stale = differences(args.root)
        for path in stale:
            print(f"{path}: differs from exotour.content.schema; run scripts/schemas.py")
        return 1 if stale else 0
    for path in write(args.root):
        print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
