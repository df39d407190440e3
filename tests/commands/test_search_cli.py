"""`exotour search` on the command line: output, exit codes, exact error messages, JSON."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from helpers import run_cli, write_content
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from exotour.commands.search import query_text

NO_COLAGEN = "exotour: error: no results for 'colagen'\nexotour: hint: did you mean: collagen?\n"


def test_search_lists_the_passages_best_first_with_the_command_to_open_each(
    capsys: pytest.CaptureFixture[str],
) -> None:
    result = run_cli(["search", "collagen"], capsys)
    assert (result.status, result.err) == (0, "")
    lines = result.out.splitlines()
    assert lines[0] == "3 results for 'collagen', best first"
    assert lines[2] == "Section 3 · How does it work? · how-does-it-work"
    assert "collagen" in lines[3]
    commands = [line for line in lines if line.startswith("  exotour learn how-does-it-work --at ")]
    # The first opens the first mention; the second names words that find its own passage.
    assert commands == [
        "  exotour learn how-does-it-work --at collagen",
        "  exotour learn how-does-it-work --at '\"collagen or\"'",
    ]
    assert "Glossary · Collagen" in result.out
    assert "  exotour glossary Collagen" in result.out
    assert "\x1b" not in result.out  # not a terminal: plain text


def test_no_results_exits_1_with_a_suggestion(capsys: pytest.CaptureFixture[str]) -> None:
    result = run_cli(["search", "colagen"], capsys)
    assert (result.status, result.out, result.err) == (1, "", NO_COLAGEN)


@pytest.mark.parametrize(
    ("argv", "hint"),
    [
        (["qqqzzz"], "try another word, or the start of one followed by *, as in collag*"),
        (["collagen", "veterans"], "every word must be in the same passage; try fewer words"),
        (["😀", "--"], "search for words or numbers; punctuation and symbols are not indexed"),
    ],
)
def test_no_results_without_a_suggestion_gives_a_hint(
    capsys: pytest.CaptureFixture[str], argv: list[str], hint: str
) -> None:
    result = run_cli(["search", "--", *argv], capsys)
    assert result.status == 1
    assert result.out == ""
    query = " ".join(argv)
    assert result.err == f"exotour: error: no results for '{query}'\nexotour: hint: {hint}\n"


@pytest.mark.parametrize("query", ["", "   ", "\t\n"])
def test_an_empty_query_is_a_usage_error(capsys: pytest.CaptureFixture[str], query: str) -> None:
    result = run_cli(["search", query], capsys)
    assert (result.status, result.out) == (2, "")
    assert result.err == (
        "exotour: error: the search query is empty\n"
        "exotour: hint: give a word to find, as in: exotour search collagen\n"
    )


def test_a_missing_query_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    result = run_cli(["search"], capsys)
    assert (result.status, result.out) == (2, "")
    assert result.err == (
        "exotour: error: Missing argument 'QUERY...'.\nexotour: hint: try 'exotour search --help'\n"
    )


def test_limit(capsys: pytest.CaptureFixture[str]) -> None:
    result = run_cli(["search", "--limit", "1", "collagen"], capsys)
    assert result.status == 0
    assert result.out.splitlines()[0] == (
        "1 of 3 results for 'collagen', best first (--limit 3 shows them all)"
    )
    assert result.out.count("exotour learn") + result.out.count("exotour glossary") == 1
    assert run_cli(["search", "--limit", "0", "collagen"], capsys).status == 2


def test_json(capsys: pytest.CaptureFixture[str]) -> None:
    result = run_cli(["search", "--json", "collagen"], capsys)
    assert (result.status, result.err) == (0, "")
    document = json.loads(result.out)
    assert {k: v for k, v in document.items() if k != "hits"} == {
        "format": 1,
        "query": "collagen",
        "limit": 10,
        "more": False,
        "suggestion": None,
    }
    hits = document["hits"]
    assert [(h["id"], h["kind"], h["section"]) for h in hits] == [
        ("how-does-it-work", "list", 3),
        ("how-does-it-work", "note", 3),
        ("Collagen", "glossary", None),
    ]
    for hit in hits:
        assert set(hit) == {
            "id",
            "title",
            "section",
            "kind",
            "passage",
            "field",
            "snippet",
            "highlights",
            "score",
            "command",
        }
        assert isinstance(hit["score"], float) and isinstance(hit["passage"], int)
        for start, end in hit["highlights"]:
            assert hit["snippet"][start:end].casefold() == "collagen"
    assert hits[0]["score"] >= hits[1]["score"]
    assert hits[0]["command"] == "exotour learn how-does-it-work --at collagen"
    assert hits[2]["command"] == "exotour glossary Collagen"


def test_json_with_no_results_has_no_hits_and_exits_1(
    capsys: pytest.CaptureFixture[str],
) -> None:
    result = run_cli(["search", "--json", "colagen"], capsys)
    assert (result.status, result.err) == (1, NO_COLAGEN)
    document = json.loads(result.out)
    assert (document["hits"], document["suggestion"], document["more"]) == ([], "collagen", False)


def test_json_is_ascii_so_no_character_can_act_on_a_terminal(
    capsys: pytest.CaptureFixture[str],
) -> None:
    result = run_cli(["search", "--json", "--", "collagen", "\x9b\u202e"], capsys)
    assert result.status == 0
    assert result.out.isascii()
    assert json.loads(result.out)["query"] == "collagen \x9b\u202e"


def test_a_quoted_argument_is_a_phrase(capsys: pytest.CaptureFixture[str]) -> None:
    assert query_text(["stem cells", "heal*"]) == '"stem cells" heal*'
    assert query_text(['"stem cells"', " "]) == '"stem cells"'
    phrase = json.loads(run_cli(["search", "--json", "mesenchymal stem cells"], capsys).out)["hits"]
    words = json.loads(run_cli(["search", "--json", "mesenchymal", "stem", "cells"], capsys).out)[
        "hits"
    ]
    assert 0 < len(phrase) < len(words)


def test_commands_name_the_content_folder_given_with_content(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = write_content(tmp_path / "my tour")
    result = run_cli(["--content", str(folder), "search", "hello"], capsys)
    assert result.status == 0
    command = f"\n  exotour --content '{folder}' learn one --at hello\n"
    assert command in result.out  # whole, to copy
    monkeypatch.setenv("EXOTOUR_CONTENT", str(folder))
    result = run_cli(["search", "hello"], capsys)
    assert "  exotour learn one --at hello" in result.out


def test_invalid_content_is_reported_before_searching(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = write_content(tmp_path / "bad", {"sections/one.yaml": "id: one\n"})
    result = run_cli(["--content", str(folder), "search", "hello"], capsys)
    assert result.status == 2
    assert "exotour: error:" in result.err and "Traceback" not in result.err


@pytest.mark.parametrize(
    "query",
    [
        "[bold]collagen[/bold]",
        '"',
        'collagen "',
        "NEAR(",
        "'; DROP TABLE passages; --",
        "*",
        "-",
        "AND",
        "col:lagen",
        "\x1b[31mred",
        "коллаген",
        "胶原蛋白",
        "x" * 10_000,
        "collagen " * 2000,
    ],
)
def test_odd_queries_give_results_or_a_clean_no_results(
    capsys: pytest.CaptureFixture[str], query: str
) -> None:
    result = run_cli(["search", "--", query], capsys)
    assert result.status in (0, 1)
    assert "Traceback" not in result.err
    if result.status == 1:
        assert result.out == ""
        assert result.err.startswith("exotour: error: no results for '")
        assert len(result.err.splitlines()) == 2
        assert "\x1b" not in result.err
    else:
        assert result.err == ""


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.lists(st.text(min_size=1, max_size=40), min_size=1, max_size=3))
def test_any_words_exit_0_1_or_2_with_a_message(
    capsys: pytest.CaptureFixture[str], words: list[str]
) -> None:
    result = run_cli(["search", "--", *words], capsys)
    if not query_text(words):
        assert result.status == 2
        assert result.err.startswith("exotour: error: the search query is empty")
    else:
        assert result.status in (0, 1)
        assert result.status == 0 or result.err.startswith("exotour: error: no results for '")


# -- the README documents every key of `search --json`, with its type ----------------------------

README = Path(__file__).resolve().parents[2] / "README.md"
_TYPES: dict[str, tuple[type, ...]] = {
    "integer": (int,),
    "boolean": (bool,),
    "string": (str,),
    "null": (type(None),),
    "number": (int, float),
    "array": (list,),
}


def documented_keys() -> dict[str, str]:
    """The keys of README.md's `### exotour search --json` table, with their types."""
    text = README.read_text(encoding="utf-8")
    start = text.index("\n### exotour search --json\n")
    end = min(
        (i for i in (text.find("\n## ", start + 1), text.find("\n### ", start + 1)) if i > 0),
        default=len(text),
    )
    keys: dict[str, str] = {}
    for line in text[start:end].splitlines():
        cells = [cell.strip() for cell in line.strip("|").split("|")]
        if len(cells) == 3 and cells[0].startswith("`"):
            keys[cells[0].strip("`")] = cells[1]
    return keys


def _matches(value: object, documented: str) -> bool:
    kinds = [word for word in documented.replace(" or ", " ").split() if word in _TYPES]
    return any(
        isinstance(value, _TYPES[kind]) and not (kind != "boolean" and isinstance(value, bool))
        for kind in kinds
    )


@pytest.mark.parametrize("argv", [["collagen"], ["colagen"], ["--limit", "1", "microneedling"]])
def test_the_readme_documents_every_json_key_with_its_type(
    capsys: pytest.CaptureFixture[str], argv: list[str]
) -> None:
    documented = documented_keys()
    document = json.loads(run_cli(["search", "--json", *argv], capsys).out)
    top = {key for key in documented if not key.startswith("hits[].")}
    per_hit = {key.removeprefix("hits[].") for key in documented if key.startswith("hits[].")}
    assert set(document) == top
    for key in top:
        assert _matches(document[key], documented[key]), key
    for hit in document["hits"]:
        assert set(hit) == per_hit
        for key in per_hit:
            assert _matches(hit[key], documented[f"hits[].{key}"]), key


@pytest.mark.parametrize("word", ["collagen\udcff", "\udcc3\udca9", "a\ud800b collagen"])
def test_search_json_never_carries_a_lone_surrogate(
    capsys: pytest.CaptureFixture[str], word: str
) -> None:
    result = run_cli(["search", "--json", word], capsys)
    assert result.status in (0, 1)
    document = json.loads(result.out) if result.status == 0 else None
    assert not re.search(r"\\ud[89a-f][0-9a-f]{2}", result.out + result.err, re.IGNORECASE)
    assert document is None or "\ufffd" in document["query"]
    (result.out + result.err).encode("utf-8")  # strict: every character whole
