"""The loader: the built-in content loads; a broken file gets an exact `file:line:col:` message."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from helpers import ARTICLE_IDS, GENERATED_IDS, ONE_YAML, TOUR_YAML, write_content

from exotour.content.loader import builtin_content_dir, check_content, load_tour
from exotour.errors import ContentError, UsageError
from exotour.model import Tour

Check = Callable[[dict[str, str | bytes | None]], list[str]]

SECTION_FIELDS = "id, title, takeaway, keywords, added_by_tour, body, evidence, quiz, options_grid"


@pytest.fixture
def check(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Check:
    """Problems (as printed) of a one-section tour with some files replaced, paths from tmp_path."""
    monkeypatch.chdir(tmp_path)

    def run(files: dict[str, str | bytes | None]) -> list[str]:
        root = write_content(tmp_path / "content", files)
        tour, problems = check_content(root)
        errors = [p for p in problems if not p.is_warning]
        assert (tour is None) == bool(errors)
        return [str(p) for p in problems]

    return run


# -- good content ----------------------------------------------------------------------------------


def test_builtin_tour_has_the_article_sections_in_order(tour: Tour) -> None:
    ids = tour.section_ids
    assert ids[: len(ARTICLE_IDS)] == ARTICLE_IDS
    assert set(ids[len(ARTICLE_IDS) :]) <= GENERATED_IDS
    titles = [s.title for s in tour.sections[:7]]
    assert titles == [
        "What are exosomes?",
        "What is exosome therapy?",
        "How does it work?",
        "What are the benefits?",
        "Is it safe?",
        "What does the future hold?",
        "Summary",
    ]


def test_builtin_tour_has_no_problems_at_all() -> None:
    tour, problems = check_content(builtin_content_dir())
    assert tour is not None
    assert [str(p) for p in problems] == []


def test_builtin_sections_carry_takeaways_and_sourced_evidence(tour: Tour) -> None:
    assert tour.title == "Exosome therapy: a guided tour"
    assert "not medical advice" in tour.disclaimer
    for section in tour.sections:
        assert section.takeaway and section.body, section.id
    safety = tour.sections[tour.resolve("safety")]
    assert safety.evidence
    for note in safety.evidence:
        assert note.as_of and note.sources
        assert all(source.link.startswith("https://") for source in note.sources)


def test_a_minimal_tour_loads_into_the_model(tmp_path: Path) -> None:
    quiz = """\
quiz:
  - question: Which one?
    choices: [first, second]
    answer: 2
    explanation: The second.
evidence:
  - text: A note.
    as_of: "2020"
    sources:
      - {author: A, title: B, year: 2020, doi: 10.1/x}
"""
    root = write_content(tmp_path / "c", {"sections/one.yaml": ONE_YAML + quiz})
    tour = load_tour(root)
    section = tour.sections[0]
    assert set(tour.section_ids[1:]) <= GENERATED_IDS
    assert (section.id, section.title, section.takeaway, section.body) == (
        "one",
        "One",
        "It is the first.",
        "Hello.",
    )
    assert section.quiz[0].answer == 1  # counted from 1 in the file, from 0 in the model
    assert section.evidence[0].sources[0].link == "https://doi.org/10.1/x"
    assert tour.content_dir == root


def test_a_missing_takeaway_is_only_a_warning(check: Check) -> None:
    assert check({"sections/one.yaml": "id: one\ntitle: One\nbody: Hello.\n"}) == [
        "content/sections/one.yaml:1:1: warning: takeaway: missing; "
        "'exotour summary' will show none for this section"
    ]


# -- bad files: one exact message each -------------------------------------------------------------


def test_missing_field(check: Check) -> None:
    assert check({"sections/one.yaml": "id: one\ntakeaway: It is.\nbody: Hello.\n"}) == [
        "content/sections/one.yaml:1:1: title: missing (required)"
    ]


def test_wrong_type(check: Check) -> None:
    text = "id: one\ntitle: [a, b]\ntakeaway: It is.\nbody: Hello.\nkeywords: skin\n"
    assert check({"sections/one.yaml": text}) == [
        "content/sections/one.yaml:2:8: title: expected text, got a list",
        "content/sections/one.yaml:5:11: keywords: expected a list, got text",
    ]


def test_unknown_field_with_did_you_mean(check: Check) -> None:
    assert check({"sections/one.yaml": ONE_YAML + "keywrds: [a]\n"}) == [
        "content/sections/one.yaml:5:1: keywrds: unknown field (did you mean 'keywords'?); "
        f"valid fields: {SECTION_FIELDS}"
    ]


def test_nested_field_path_is_named(check: Check) -> None:
    note = "evidence:\n  - text: A note.\n    as_of: 2020\n    sources:\n      - author: A\n"
    assert check({"sections/one.yaml": ONE_YAML + note}) == [
        "content/sections/one.yaml:9:9: evidence[0].sources[0]: needs a year, or accessed for an "
        "undated page",
        "content/sections/one.yaml:9:9: evidence[0].sources[0]: needs a url, a doi or a reference",
    ]
    wrong = note + "        accessed: 2026-13-01\n        reference: R\n"
    assert check({"sections/one.yaml": ONE_YAML + wrong}) == [
        "content/sections/one.yaml:10:19: evidence[0].sources[0].accessed: '2026-13-01' is not a "
        "date written YYYY-MM-DD, such as 2026-12-01",
    ]


def test_yaml_syntax_error(check: Check) -> None:
    assert check({"sections/one.yaml": "id: one\ntitle: One\nbody: [unclosed\n"}) == [
        "content/sections/one.yaml:4:1: YAML syntax error: did not find expected ',' or ']'"
    ]


@pytest.mark.parametrize("text", ["", "# only a comment\n"])
def test_empty_file(check: Check, text: str) -> None:
    assert check({"sections/one.yaml": text}) == [
        "content/sections/one.yaml:1:1: the file is empty (expected a mapping of fields)"
    ]


@pytest.mark.parametrize(("text", "what"), [("- id: one\n", "a list"), ("just words\n", "text")])
def test_file_that_is_not_a_mapping(check: Check, text: str, what: str) -> None:
    assert check({"sections/one.yaml": text}) == [
        f"content/sections/one.yaml:1:1: the file holds {what}, not a mapping of fields"
    ]


def test_duplicate_key(check: Check) -> None:
    text = "id: one\ntitle: One\ntitle: Two\ntakeaway: It is.\nbody: Hello.\n"
    assert check({"sections/one.yaml": text}) == [
        "content/sections/one.yaml:3:1: title: duplicate field (first at line 2)"
    ]


@pytest.mark.parametrize(
    ("value", "column", "tag"),
    [
        ("!!python/object/apply:os.system ['touch {marker}']", 8, "python/object/apply:os.system"),
        ("!!python/object/apply:os.system\n  - touch {marker}", 8, "python/object/apply:os.system"),
        ("!!python/name:os.system", 8, "python/name:os.system"),
        ("!!python/object:builtins.dict {{a: 1}}", 8, "python/object:builtins.dict"),
    ],
)
def test_python_tags_are_refused_and_never_run(
    check: Check, tmp_path: Path, value: str, column: int, tag: str
) -> None:
    marker = tmp_path / "executed"
    text = f"id: one\ntitle: {value.format(marker=marker)}\ntakeaway: It is.\nbody: Hello.\n"
    assert check({"sections/one.yaml": text}) == [
        f"content/sections/one.yaml:2:{column}: title: the tag tag:yaml.org,2002:{tag} "
        "is not allowed (content is plain data)"
    ]
    assert not marker.exists()


def test_a_tagged_file_is_refused(check: Check) -> None:
    assert check({"sections/one.yaml": "!!python/object:os.system {a: 1}\n"}) == [
        "content/sections/one.yaml:1:1: the tag tag:yaml.org,2002:python/object:os.system "
        "is not allowed (content is plain data)"
    ]


def test_bytes_that_are_not_utf8(check: Check) -> None:
    text = b"id: one\ntitle: Caf\xe9\ntakeaway: It is.\nbody: Hello.\n"
    assert check({"sections/one.yaml": text}) == [
        "content/sections/one.yaml:2:11: the file is not UTF-8 text (byte 0xe9)"
    ]


def test_a_raw_escape_character(check: Check) -> None:
    text = "id: one\ntitle: One\ntakeaway: It is.\nbody: Hello \x1b[31mred.\n"
    assert check({"sections/one.yaml": text}) == [
        "content/sections/one.yaml:4:13: control character U+001B is not allowed in content"
    ]


@pytest.mark.parametrize(
    ("escape", "code"), [("\\e", "001B"), ("\\x07", "0007"), ("\\u202e", "202E"), ("\\0", "0000")]
)
def test_control_characters_written_as_yaml_escapes(check: Check, escape: str, code: str) -> None:
    text = f'id: one\ntitle: One\ntakeaway: It is.\nbody: "Hello {escape}[2J"\n'
    assert check({"sections/one.yaml": text}) == [
        f"content/sections/one.yaml:4:7: body: control character U+{code} is not allowed in content"
    ]


def test_a_field_name_with_an_escape(check: Check) -> None:
    assert check({"sections/one.yaml": ONE_YAML + '"\\e[2J": x\n'}) == [
        "content/sections/one.yaml:5:1: field names must be plain text"
    ]


def test_tabs_are_text(check: Check) -> None:
    assert check({"sections/one.yaml": 'id: one\ntitle: One\ntakeaway: It.\nbody: "a\\tb"\n'}) == []


def test_duplicate_section_ids(check: Check) -> None:
    assert check({"sections/two.yaml": ONE_YAML}) == [
        "content/sections/two.yaml:1:5: id: section id 'one' is also used by "
        "content/sections/one.yaml"
    ]


def test_tour_lists_a_missing_section(check: Check) -> None:
    assert check({"tour.yaml": TOUR_YAML + "  - three\n"}) == [
        "content/tour.yaml:6:5: sections[1]: no section file has the id 'three'"
    ]


def test_tour_lists_a_misspelt_section(check: Check) -> None:
    assert check({"tour.yaml": TOUR_YAML.replace("- one", "- onee")}) == [
        "content/tour.yaml:5:5: sections[0]: no section file has the id 'onee' "
        "(did you mean 'one'?)",
        "content/sections/one.yaml:1:5: id: section 'one' is not listed in tour.yaml",
    ]


def test_tour_lists_a_section_twice(check: Check) -> None:
    assert check({"tour.yaml": TOUR_YAML + "  - one\n"}) == [
        "content/tour.yaml:6:5: sections[1]: 'one' is listed twice"
    ]


def test_section_not_listed(check: Check) -> None:
    two = ONE_YAML.replace("id: one", "id: two")
    assert check({"sections/two.yaml": two}) == [
        "content/sections/two.yaml:1:5: id: section 'two' is not listed in tour.yaml"
    ]


def test_a_broken_section_is_not_blamed_on_the_tour_too(check: Check) -> None:
    """One mistake, one message: the tour file lists the section whose own file is wrong."""
    assert check({"sections/one.yaml": "id: one\ntitel: One\ntakeaway: It.\nbody: Hi.\n"}) == [
        "content/sections/one.yaml:2:1: titel: unknown field (did you mean 'title'?); "
        f"valid fields: {SECTION_FIELDS}",
        "content/sections/one.yaml:1:1: title: missing (required)",
    ]
    assert check({"sections/one.yaml": "id: one\n  title: [\n"}) == [
        "content/sections/one.yaml:2:8: YAML syntax error: mapping values are not allowed "
        "in this context"
    ]


@pytest.mark.parametrize(("answer", "shown"), [(4, "4"), (0, "0")])
def test_quiz_answer_out_of_range(check: Check, answer: int, shown: str) -> None:
    quiz = f"quiz:\n  - question: Which?\n    choices: [a, b, c]\n    answer: {answer}\n"
    quiz += "    explanation: Because.\n"
    assert check({"sections/one.yaml": ONE_YAML + quiz}) == [
        f"content/sections/one.yaml:8:13: quiz[0].answer: {shown} is not a choice (1-3)"
    ]


def test_invalid_section_id(check: Check) -> None:
    bad = ONE_YAML.replace("id: one", "id: One Two")
    assert check({"sections/one.yaml": bad, "tour.yaml": TOUR_YAML.replace("one", "One Two")}) == [
        "content/sections/one.yaml:1:5: id: 'One Two' is not a valid id "
        "(use a-z, 0-9 and -, at most 64)"
    ]


def test_an_alias_bomb_is_refused(check: Check) -> None:
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 10)}]" for i in range(1, 6)]
    assert check({"sections/one.yaml": "\n".join(lines) + "\n"}) == [
        "content/sections/one.yaml:1:1: aliases expand to more than 10000 values"
    ]


def test_a_missing_tour_file(check: Check) -> None:
    assert check({"tour.yaml": None}) == [
        "content/tour.yaml:1:1: the tour file is missing (it gives the title and the order)"
    ]


def test_every_problem_is_reported_not_just_the_first(check: Check) -> None:
    problems = check(
        {
            "sections/one.yaml": "id: one\ntitle: [x]\ntakeaway: It.\nbody: Hi.\n",
            "sections/two.yaml": "- not a mapping\n",
        }
    )
    assert problems == [
        "content/sections/one.yaml:2:8: title: expected text, got a list",
        "content/sections/two.yaml:1:1: the file holds a list, not a mapping of fields",
    ]


def test_load_tour_raises_with_every_problem(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    root = write_content(tmp_path / "content", {"sections/one.yaml": "- x\n"})
    with pytest.raises(ContentError) as caught:
        load_tour(root)
    assert caught.value.message == "the content has 1 problem"
    assert caught.value.lines() == [
        "content/sections/one.yaml:1:1: the file holds a list, not a mapping of fields"
    ]


def test_a_folder_that_does_not_exist(tmp_path: Path) -> None:
    with pytest.raises(UsageError) as caught:
        check_content(tmp_path / "nowhere")
    assert caught.value.message == f"content folder '{tmp_path / 'nowhere'}' does not exist"
    assert caught.value.hint == "give a folder that holds tour.yaml and sections/"
