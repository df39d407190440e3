"""The words completion offers a shell: never one the shell could act on, and each, as that
shell reads it, exactly the name it stands for (real shells: test_completion_shells.py)."""

from __future__ import annotations

import shlex

from hypothesis import given
from hypothesis import strategies as st

from exotour.commands.completion import choices, for_shell, quiet_help

# What bash, zsh or fish may expand, run, split or read as an option, somewhere in a word.
ACTIVE = set('$`\\"|&;<>(){}[]*?!~#=:\t\n\r^') | {"\x00", "\u00a0"}


@given(st.text())
def test_an_offered_word_holds_nothing_a_shell_acts_on(word: str) -> None:
    for shell in ("bash", "zsh", "fish"):
        spelled = for_shell(word, shell)
        if spelled is None:
            continue
        assert not ACTIVE & set(spelled.replace("\\ ", "").replace("\\'", ""))
        assert not spelled.startswith("-")


@given(st.text())
def test_bash_reads_an_offered_word_as_the_name_itself(word: str) -> None:
    spelled = for_shell(word, "bash")
    if spelled is not None:
        assert shlex.split(spelled) == [word]


def test_plain_names_pass_and_hostile_ones_do_not() -> None:
    assert for_shell("stem cell", "bash") == "stem\\ cell"
    assert for_shell("stem cell", "zsh") == "stem cell"
    assert for_shell("Alzheimer's", "bash") == "Alzheimer\\'s"
    assert for_shell("Alzheimer's", "zsh") is None  # Typer's zsh list would drop the quote
    assert for_shell("Alzheimer's", "fish") == "Alzheimer's"
    for hostile in ("\\$(touch x)", "`id`", "/*/*", "a;b", "-rf", "~root", "", " x", "a\u200bb"):
        assert [for_shell(hostile, shell) for shell in ("bash", "zsh", "fish")] == [None] * 3


def test_a_description_keeps_only_quiet_characters() -> None:
    assert quiet_help("$(touch X) `id` What is: it?") == "touch X id What is it"


def test_choices_offer_what_starts_with_the_word() -> None:
    complete = choices("markdown", "html")
    assert complete("") == ["markdown", "html"]
    assert complete("H") == ["html"]
