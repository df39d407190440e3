"""docs/authoring.md says what the loader does: every field, every limit, a worked example that
passes validate."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from doc_tables import field_rows, limit_rows
from helpers import REPO, Result, run_cli

from exotour.content.location import example_tour_dir
from exotour.content.schema import RECORDS

DOC = REPO / "docs" / "authoring.md"


def doc() -> str:
    return DOC.read_text(encoding="utf-8")


@pytest.mark.parametrize("record", sorted(RECORDS))
def test_every_field_of_the_schema_has_its_row(record: str) -> None:
    lines = doc().splitlines()
    for row in field_rows(record):
        assert row in lines, row


def test_no_field_row_names_a_field_the_schema_lacks() -> None:
    known = {spec.name for record in RECORDS.values() for spec in record.fields}
    named = re.findall(r"^\| `([a-z_]+)` \|", doc(), re.M)
    assert set(named) == known


def test_every_limit_is_stated() -> None:
    lines = doc().splitlines()
    readme = (REPO / "README.md").read_text(encoding="utf-8").splitlines()
    for row in limit_rows():
        assert row in lines, row
        assert row in readme, f"README.md: {row}"


def test_the_worked_example_passes_validate(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    text = doc()
    root = tmp_path / "my-tour"
    for name in ("tour.yaml", "sections/start-here.yaml"):
        block = text.split(f"`{name}`:\n\n```yaml\n", 1)[1].split("```", 1)[0]
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(block, encoding="utf-8")
    shutil.copytree(REPO / "content" / "schema", root / "schema")
    monkeypatch.chdir(tmp_path)
    result = run_cli(["validate", "my-tour"], capsys)
    assert result == Result(0, "1 section, 0 glossary terms, 1 question: OK\n", "")


def test_the_example_tour_is_found_for_exotour_new() -> None:
    found = example_tour_dir()
    assert (found / "tour.yaml").is_file() and (found / "schema" / "tour.schema.json").is_file()
