"""Hints that work: every command a hint suggests, in the output of the error paths, runs and
does what the hint says; did-you-mean offers only close words, never fragments of escape codes;
and every global option is accepted before or after any command, through the script's fast path
and the Typer app alike."""

from __future__ import annotations

import re
import shlex

import pytest
from helpers import run_cli, run_typer

# Error paths a reader meets, each with a hint.
ERRORS = [
    ["learn", "--at", "collagen"],
    ["learn", "3", "--at", "nebraska"],
    ["learn", "3", "--at", "zebrafish"],
    ["learn", "99"],
    ["show", "saftey"],
    ["show"],
    ["bogus"],
    ["search"],
    ["search", "colagen"],
    ["glossary", "zzzz"],
    ["quiz", "99"],
    ["summary", "--json", "--markdown"],
    ["learn", "--theme", "pink"],
    ["search", "collagen", "--limit", "0"],
]
SUGGESTED = re.compile(r"'(exotour(?: [^']*)?)'")


@pytest.mark.parametrize("argv", ERRORS, ids=" ".join)
def test_every_command_a_hint_suggests_runs(
    argv: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    failed = run_cli(argv, capsys)
    assert failed.status != 0
    assert "exotour: hint: " in failed.err
    for command in SUGGESTED.findall(failed.err):
        words = shlex.split(command)[1:]
        ran = run_cli(words, capsys)
        assert (ran.status, ran.err) == (0, ""), (argv, command, ran.err)
        assert ran.out


def test_an_at_hint_opens_the_words_it_was_given(capsys: pytest.CaptureFixture[str]) -> None:
    hint = run_cli(["learn", "--at", "collagen"], capsys).err
    assert (
        hint.splitlines()[-1] == "exotour: hint: try 'exotour learn how-does-it-work --at collagen'"
    )


def test_did_you_mean_offers_only_close_words(capsys: pytest.CaptureFixture[str]) -> None:
    hint = run_cli(["show", "saftey"], capsys).err.splitlines()[-1]
    assert hint.startswith("exotour: hint: did you mean safety? valid sections")
    assert "future" not in hint.split("valid sections")[0]


@pytest.mark.parametrize(
    "query", ["\x1b[31mcolagen", "colagen\x1b]8;;http://x\x07", "\x9b1mcolagen", "\x1b[1;31mmarked"]
)
def test_an_escape_code_in_a_query_is_no_word(
    query: str, capsys: pytest.CaptureFixture[str]
) -> None:
    result = run_cli(["search", query], capsys)
    for fragment in ("[31m", "[1;31m", "]8;;", "31mmarked", "1mcolagen", "\x1b", "\x9b"):
        assert fragment not in result.err
        assert fragment not in result.out
    if result.status == 1 and "colagen" in query:
        assert result.err.splitlines()[-1] == "exotour: hint: did you mean: collagen?"


GLOBAL = [["--no-pager"], ["--no-color"], ["--ascii"], ["--lang", "en"], ["--content", "CONTENT"]]
COMMANDS = [
    ["search", "collagen"],
    ["summary"],
    ["sections"],
    ["show", "1"],
    ["glossary", "exosome"],
    ["learn", "1", "--plain"],
]


@pytest.mark.parametrize("option", GLOBAL, ids=" ".join)
@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
def test_a_global_option_goes_before_or_after_any_command(
    option: list[str], command: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    from exotour.content.location import builtin_content_dir

    option = [str(builtin_content_dir()) if word == "CONTENT" else word for word in option]
    before = run_cli([*option, *command], capsys)
    assert (before.status, before.err) == (0, "")
    for run in (run_cli, run_typer):
        after = run([*command, *option], capsys)
        assert (after.status, after.err, after.out) == (0, "", before.out)


def test_after_double_dash_an_option_is_a_word(capsys: pytest.CaptureFixture[str]) -> None:
    result = run_cli(["search", "--", "--no-pager"], capsys)
    assert result.status == 1
    assert result.err.startswith("exotour: error: no results for '--no-pager'")


def test_every_command_s_help_states_the_rule(capsys: pytest.CaptureFixture[str]) -> None:
    from exotour.globalopts import RULE

    for command in ["learn", "search", "summary", "show", "sections", "glossary", "quiz"]:
        shown = " ".join(run_cli([command, "--help"], capsys).out.split())
        assert RULE in shown, command
