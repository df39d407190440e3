"""The JSON Schema for editors agrees with the loader.

The schema files (content/schema/, shipped in the package, and the example's copy) are generated
from the loader's one field definition (exotour.content.schema) by scripts/schemas.py, and
`--check` holds them to it; every valid example passes both the schema and the loader, and every
invalid example fails both. A few checks need more than one file or a count of choices, which
JSON Schema cannot state: those are listed apart, and the schema is shown to let them through
while the loader refuses them.
"""

from __future__ import annotations

import dataclasses
import importlib.util
import json
import re
import shutil
import subprocess
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
import yaml
from helpers import PYTHON, REPO, child_env
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator  # type: ignore[import-untyped]  # no stubs

from exotour.content.limits import MAX_FIELD_CHARS, MAX_LINE_CHARS
from exotour.content.loader import builtin_content_dir, check_content
from exotour.content.schema import (
    DOI_PATTERN,
    FILE_RECORDS,
    FORBIDDEN_CHARS,
    ID_PATTERN,
    MAX_CHOICES,
    MAX_YEAR,
    MIN_CHOICES,
    MIN_YEAR,
    RECORDS,
    URL_PATTERN,
    FieldSpec,
)

SCHEMA_DIR = builtin_content_dir() / "schema"  # the installed package's copy
EXAMPLE = REPO / "examples" / "first-tour"
MODELINE = re.compile(r"^# yaml-language-server: \$schema=(\S+)$")


def schema(kind: str) -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads((SCHEMA_DIR / FILE_RECORDS[kind]).read_text("utf-8"))
    return loaded


def validator(kind: str) -> Draft202012Validator:
    return Draft202012Validator(schema(kind))


class _DataLoader(yaml.SafeLoader):
    """YAML to JSON-like data as the loader reads it: a date is the text written."""


_DataLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def data_of(text: str) -> Any:
    return yaml.load(text, Loader=_DataLoader)  # a SafeLoader: plain data only


def kind_of_file(path: Path) -> str:
    return {"tour.yaml": "tour", "glossary.yaml": "glossary"}.get(path.name, "section")


def content_files(root: Path) -> list[Path]:
    return [root / "tour.yaml", root / "glossary.yaml", *sorted((root / "sections").glob("*.yaml"))]


# -- the schema and the loader name the same fields ----------------------------------------------


@pytest.mark.parametrize("kind", sorted(FILE_RECORDS))
def test_each_schema_is_a_valid_draft_2020_12_schema(kind: str) -> None:
    document = schema(kind)
    assert document["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    Draft202012Validator.check_schema(document)


def _script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("schemas", REPO / "scripts" / "schemas.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def run_script(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [PYTHON, str(REPO / "scripts" / "schemas.py"), *args],
        capture_output=True,
        text=True,
        env=child_env(),
        timeout=60,
        check=False,
    )


def test_the_shipped_schemas_are_the_ones_the_field_definition_gives() -> None:
    done = run_script("--check")
    assert (done.returncode, done.stdout, done.stderr) == (0, "", "")


def test_check_names_a_schema_file_that_differs(tmp_path: Path) -> None:
    for target in ("content/schema", "examples/first-tour/schema"):
        shutil.copytree(REPO / target, tmp_path / target)
    stale = tmp_path / "examples/first-tour/schema/glossary.schema.json"
    stale.write_text(stale.read_text(encoding="utf-8").replace("The term.", "A term."))
    done = run_script("--check", "--root", str(tmp_path))
    assert done.returncode == 1
    assert done.stdout == f"{stale}: differs from exotour.content.schema; run scripts/schemas.py\n"


def test_a_field_added_to_the_definition_makes_check_fail(tmp_path: Path) -> None:
    script = _script()
    assert script.write(tmp_path) and script.differences(tmp_path) == []
    section = RECORDS["section"]
    grown = dataclasses.replace(
        section, fields=(*section.fields, FieldSpec("mood", "line", "optional", description="X."))
    )
    records = {**RECORDS, "section": grown}
    stale = script.differences(tmp_path, records)
    assert stale == [
        tmp_path / "content/schema/section.schema.json",
        tmp_path / "examples/first-tour/schema/section.schema.json",
    ]
    script.write(tmp_path, records)
    written = json.loads(stale[0].read_text(encoding="utf-8"))
    assert written["properties"]["mood"] == {"$ref": "#/$defs/line", "description": "X."}


def _nodes(node: object) -> list[dict[str, Any]]:
    if isinstance(node, dict):
        return [node, *(found for value in node.values() for found in _nodes(value))]
    if isinstance(node, list):
        return [found for value in node for found in _nodes(value)]
    return []


@pytest.mark.parametrize("kind", sorted(FILE_RECORDS))
def test_every_pattern_says_in_words_what_it_wants(kind: str) -> None:
    patterned = [node for node in _nodes(schema(kind)) if "pattern" in node]
    assert patterned
    for node in patterned:
        message = node.get("patternErrorMessage", "")
        assert message and "\\" not in message and "^" not in message, node


@pytest.mark.parametrize("kind", sorted(FILE_RECORDS))
def test_the_schema_names_every_field_of_the_definition(kind: str) -> None:
    document = schema(kind)
    records = {kind: document, **document["$defs"]}
    for name, node in records.items():
        if name in RECORDS:
            fields = RECORDS[name].fields
            assert list(node["properties"]) == [spec.name for spec in fields], name
            required = [spec.name for spec in fields if spec.need == "required"]
            assert node["required"] == required, name
            assert all(prop.get("description") for prop in node["properties"].values()), name


def test_the_schema_states_the_loaders_limits_and_patterns() -> None:
    section, tour = schema("section"), schema("tour")
    defs = section["$defs"]
    forbidden = "".join(
        char if char == "-" else f"\\u{ord(char):04x}" for char in FORBIDDEN_CHARS.pattern[1:-1]
    )
    for kind in FILE_RECORDS:
        for name in ("line", "text"):
            patterns = [part["pattern"] for part in schema(kind)["$defs"][name]["allOf"]]
            assert f"^[^{forbidden}]*$" in patterns
    assert defs["id"]["pattern"] == tour["$defs"]["id"]["pattern"] == ID_PATTERN
    assert defs["source"]["properties"]["url"]["pattern"] == URL_PATTERN
    assert defs["source"]["properties"]["doi"]["pattern"] == DOI_PATTERN
    year = defs["source"]["properties"]["year"]
    assert (year["minimum"], year["maximum"]) == (MIN_YEAR, MAX_YEAR)
    choices = defs["question"]["properties"]["choices"]
    assert (choices["minItems"], choices["maxItems"]) == (MIN_CHOICES, MAX_CHOICES)
    assert defs["question"]["properties"]["answer"]["maximum"] == MAX_CHOICES
    assert (defs["line"]["maxLength"], defs["text"]["maxLength"]) == (
        MAX_LINE_CHARS,
        MAX_FIELD_CHARS,
    )


# -- editors find the schema ---------------------------------------------------------------------


@pytest.mark.parametrize("root", [REPO / "content", EXAMPLE], ids=["content", "example"])
def test_every_content_file_names_its_schema_by_a_path_that_exists(root: Path) -> None:
    for path in content_files(root):
        first = path.read_text(encoding="utf-8").splitlines()[0]
        match = MODELINE.match(first)
        assert match, f"{path} does not start with a yaml-language-server line"
        target = (path.parent / match[1]).resolve()  # relative to the file, as editors read it
        assert target == (root / "schema" / FILE_RECORDS[kind_of_file(path)]).resolve(), path
        assert target.is_file(), path


def test_the_package_carries_the_schema_files() -> None:
    assert sorted(p.name for p in SCHEMA_DIR.iterdir()) == sorted(FILE_RECORDS.values())


# -- valid examples pass both --------------------------------------------------------------------


@pytest.mark.parametrize("root", [builtin_content_dir(), EXAMPLE], ids=["builtin", "example"])
def test_real_content_passes_the_schema_and_the_loader(root: Path) -> None:
    tour, problems = check_content(root)
    assert tour is not None and [str(p) for p in problems] == []
    for path in content_files(root):
        errors = [
            e.message
            for e in validator(kind_of_file(path)).iter_errors(data_of(path.read_text("utf-8")))
        ]
        assert errors == [], path


_PLAIN = st.characters(
    blacklist_categories=("Cc", "Cs", "Zl", "Zp"),
    blacklist_characters="".join(map(chr, [*range(0x202A, 0x202F), *range(0x2066, 0x206A)])),
)
_LINE = st.text(_PLAIN, min_size=1, max_size=30).filter(str.strip)
_TEXT = st.lists(_LINE, min_size=1, max_size=3).map("\n".join)
_SOURCE = st.fixed_dictionaries(
    {"author": _LINE, "title": _LINE, "year": st.integers(MIN_YEAR, MAX_YEAR)},
    optional={"url": st.just("https://example.org/a"), "doi": st.just("10.1234/abc.5")},
).filter(lambda source: "url" in source or "doi" in source)
_NOTE = st.fixed_dictionaries(
    {
        "text": _TEXT,
        "as_of": st.sampled_from(["2024-05-01", "May 2024", "2024"]),
        "sources": st.lists(_SOURCE, min_size=1, max_size=2),
    }
)
_QUESTION = st.lists(_LINE, min_size=MIN_CHOICES, max_size=MAX_CHOICES).flatmap(
    lambda choices: st.fixed_dictionaries(
        {
            "question": _TEXT,
            "choices": st.just(choices),
            "answer": st.integers(1, len(choices)),
            "explanation": _TEXT,
        }
    )
)
_SECTION = st.fixed_dictionaries(
    {"id": st.just("start-here"), "title": _LINE, "body": _TEXT},
    optional={
        "takeaway": _LINE,
        "keywords": st.lists(_LINE, max_size=3),
        "added_by_tour": st.booleans(),
        "evidence": st.lists(_NOTE, max_size=2),
        "quiz": st.lists(_QUESTION, max_size=2),
    },
)


@pytest.fixture(scope="module")
def scratch(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return shutil.copytree(EXAMPLE, tmp_path_factory.mktemp("schema") / "tour")


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(_SECTION)
def test_generated_valid_sections_pass_both(scratch: Path, section: dict[str, Any]) -> None:
    text = yaml.safe_dump(section, allow_unicode=True, sort_keys=False)
    assert list(validator("section").iter_errors(data_of(text))) == []
    (scratch / "sections" / "start-here.yaml").write_text(text, encoding="utf-8")
    tour, problems = check_content(scratch)
    assert [str(p) for p in problems if not p.is_warning] == []
    assert tour is not None


# -- invalid examples fail both ------------------------------------------------------------------

SECTION_HEAD = "id: start-here\ntitle: T\ntakeaway: A.\n"
NOTE = "evidence:\n  - text: N.\n    as_of: '2024'\n    sources:\n"
QUIZ = "quiz:\n  - question: Q?\n    explanation: E.\n"
TOUR_BASE = "id: first-tour\ntitle: T\ndisclaimer: D.\n"
SECTIONS = "sections: [start-here, write-a-section, check-and-share]\n"

INVALID: list[tuple[str, str, str]] = [
    ("unknown field", "section", SECTION_HEAD + "body: B.\ntitel: x\n"),
    ("missing body", "section", SECTION_HEAD),
    ("title is a list", "section", SECTION_HEAD.replace("title: T", "title: [a]") + "body: B.\n"),
    ("title is empty", "section", SECTION_HEAD.replace("title: T", "title: ''") + "body: B.\n"),
    ("title is null", "section", SECTION_HEAD.replace("title: T", "title:") + "body: B.\n"),
    (
        "title of two lines",
        "section",
        SECTION_HEAD.replace("title: T", 'title: "a\\nb"') + "body: B.\n",
    ),
    ("body of blanks", "section", SECTION_HEAD + "body: '   '\n"),
    ("escape in body", "section", SECTION_HEAD + 'body: "\\e[2J"\n'),
    (
        "bidi control in title",
        "section",
        SECTION_HEAD.replace("title: T", 'title: "a\\u202eb"') + "body: B.\n",
    ),
    ("bad id", "section", SECTION_HEAD.replace("id: start-here", "id: Start Here") + "body: B.\n"),
    ("keywords not a list", "section", SECTION_HEAD + "body: B.\nkeywords: skin\n"),
    ("added_by_tour not a bool", "section", SECTION_HEAD + "body: B.\nadded_by_tour: maybe\n"),
    ("body is a mapping", "section", SECTION_HEAD + "body: {a: b}\n"),
    ("the file is a list", "section", "- a\n"),
    (
        "evidence without sources",
        "section",
        SECTION_HEAD + "body: B.\n" + NOTE.replace("sources:\n", "sources: []\n"),
    ),
    (
        "source without link",
        "section",
        SECTION_HEAD + "body: B.\n" + NOTE + "      - {author: A, title: T, year: 2020}\n",
    ),
    (
        "source url not http",
        "section",
        SECTION_HEAD
        + "body: B.\n"
        + NOTE
        + "      - {author: A, title: T, year: 2020, url: ftp://x}\n",
    ),
    (
        "source doi as url",
        "section",
        SECTION_HEAD
        + "body: B.\n"
        + NOTE
        + "      - {author: A, title: T, year: 2020, doi: 'https://doi.org/10.1/x'}\n",
    ),
    (
        "source year of two digits",
        "section",
        SECTION_HEAD
        + "body: B.\n"
        + NOTE
        + "      - {author: A, title: T, year: 20, url: 'https://x.org'}\n",
    ),
    (
        "source year as text",
        "section",
        SECTION_HEAD
        + "body: B.\n"
        + NOTE
        + "      - {author: A, title: T, year: 'n.d.', url: 'https://x.org'}\n",
    ),
    (
        "one choice",
        "section",
        SECTION_HEAD + "body: B.\n" + QUIZ + "    choices: [a]\n    answer: 1\n",
    ),
    (
        "five choices",
        "section",
        SECTION_HEAD + "body: B.\n" + QUIZ + "    choices: [a, b, c, d, e]\n    answer: 1\n",
    ),
    (
        "answer zero",
        "section",
        SECTION_HEAD + "body: B.\n" + QUIZ + "    choices: [a, b]\n    answer: 0\n",
    ),
    (
        "answer in quotes",
        "section",
        SECTION_HEAD + "body: B.\n" + QUIZ + "    choices: [a, b]\n    answer: '1'\n",
    ),
    (
        "question without answer",
        "section",
        SECTION_HEAD + "body: B.\n" + QUIZ + "    choices: [a, b]\n",
    ),
    ("tour without sections", "tour", TOUR_BASE),
    ("tour lists no sections", "tour", TOUR_BASE + "sections: []\n"),
    ("tour lists a section twice", "tour", TOUR_BASE + SECTIONS.replace("]", ", start-here]")),
    ("tour with a bad id", "tour", TOUR_BASE.replace("first-tour", "First Tour") + SECTIONS),
    ("tour with an unknown field", "tour", TOUR_BASE + SECTIONS + "sectoins: []\n"),
    ("bottom line without source", "tour", TOUR_BASE + SECTIONS + "bottom_line: {text: X.}\n"),
    ("glossary without terms", "glossary", "words: []\n"),
    ("glossary term without definition", "glossary", "terms:\n  - term: X\n"),
    ("glossary terms as a mapping", "glossary", "terms:\n  X: a thing\n"),
    ("sources checked not a date", "tour", TOUR_BASE + SECTIONS + "sources_checked: soon\n"),
    ("sources checked a number", "tour", TOUR_BASE + SECTIONS + "sources_checked: 2026\n"),
    (
        "sources checked three dates",
        "tour",
        TOUR_BASE + SECTIONS + "sources_checked: 2026-12-01/2026-12-02/2026-12-03\n",
    ),
    ("a title too long", "section", SECTION_HEAD.replace("T\n", "T" * 2001 + "\n") + "body: B.\n"),
]

FILE_OF = {"tour": "tour.yaml", "section": "sections/start-here.yaml", "glossary": "glossary.yaml"}


@pytest.mark.parametrize(
    ("kind", "text"), [(k, t) for _, k, t in INVALID], ids=[i for i, _, _ in INVALID]
)
def test_invalid_examples_fail_both(kind: str, text: str, tmp_path: Path) -> None:
    assert list(validator(kind).iter_errors(data_of(text))), "the schema lets it through"
    root = shutil.copytree(EXAMPLE, tmp_path / "tour")
    (root / FILE_OF[kind]).write_text(text, encoding="utf-8")
    tour, problems = check_content(root)
    assert tour is None and any(not p.is_warning for p in problems), "the loader lets it through"


# What JSON Schema cannot say (a count of choices, other files, one YAML detail): the schema lets
# these through, and only the loader, and so `exotour validate`, refuses them.
LOADER_ONLY: list[tuple[str, str, str]] = [
    (
        "a date that is no day",
        "tour",
        TOUR_BASE + SECTIONS + "sources_checked: '2026-02-30'\n",
    ),
    (
        "a check that ends before it starts",
        "tour",
        TOUR_BASE + SECTIONS + "sources_checked: 2026-12-06/2026-12-01\n",
    ),
    (
        "a body of too many list items",
        "section",
        SECTION_HEAD + "body: |\n" + "  - item\n" * 1001,
    ),
    (
        "answer beyond the choices",
        "section",
        SECTION_HEAD + "body: B.\n" + QUIZ + "    choices: [a, b]\n    answer: 3\n",
    ),
    (
        "an id no tour lists",
        "section",
        SECTION_HEAD.replace("start-here", "elsewhere") + "body: B.\n",
    ),
    (
        "a section the tour lists but nobody has",
        "tour",
        TOUR_BASE + SECTIONS.replace("]", ", more]"),
    ),
    (
        "a name two terms share",
        "glossary",
        "terms:\n  - {term: X, definition: A.}\n  - {term: x, definition: B.}\n",
    ),
    (
        "a year written 2020.0",
        "section",
        SECTION_HEAD
        + "body: B.\n"
        + NOTE
        + "      - {author: A, title: T, year: 2020.0, url: 'https://x.org'}\n",
    ),
]


@pytest.mark.parametrize(
    ("kind", "text"), [(k, t) for _, k, t in LOADER_ONLY], ids=[i for i, _, _ in LOADER_ONLY]
)
def test_what_only_the_loader_can_check(kind: str, text: str, tmp_path: Path) -> None:
    assert list(validator(kind).iter_errors(data_of(text))) == []
    root = shutil.copytree(EXAMPLE, tmp_path / "tour")
    (root / FILE_OF[kind]).write_text(text, encoding="utf-8")
    tour, problems = check_content(root)
    assert tour is None and any(not p.is_warning for p in problems)
