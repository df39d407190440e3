"""Tab completion in real bash, zsh and fish, with the scripts Typer installs, on a tour whose
titles and glossary terms are written to make a shell act: nothing runs, nothing expands, and a
multi-word term completes to a command that works. A shell that is not installed is skipped."""

from __future__ import annotations

import os
import shutil
import subprocess
import time
from pathlib import Path

import pytest
from helpers import PYTHON, child_env, write_content

pytestmark = pytest.mark.slow  # each starts a shell and exotour several times

SCRIPTS = Path(PYTHON).parent  # where the `exotour` script of this environment is
# Each would leave a file named PWNED... in the folder where the shell runs, or list paths.
HOSTILE_TITLES = ("$(touch PWNED1) `touch PWNED2`", "/*/*", "\\$(touch PWNED3) ok")
HOSTILE_TERMS = (
    "\\$(touch PWNED4)",
    "$(touch PWNED5)",
    "`touch PWNED6`",
    "/*/*",
    "a;touch PWNED7",
    'x"$(touch PWNED8)"',
    "y'$(touch PWNED9)'",
    "stem ${HOME}",
)


def _quoted(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"  # YAML's single-quoted scalar


def _hostile_tour(root: Path) -> Path:
    ids = ("one", "two", "three")
    sections = {
        f"sections/{id_}.yaml": (
            f"id: {id_}\ntitle: {_quoted(title)}\ntakeaway: It is here.\nbody: Hello.\n"
        )
        for id_, title in zip(ids, HOSTILE_TITLES, strict=True)
    }
    aliases = ", ".join(_quoted(term) for term in ("Alzheimer's", *HOSTILE_TERMS))
    glossary = f"terms:\n  - term: stem cell\n    aliases: [{aliases}]\n    definition: A cell.\n"
    tour = "id: hostile\ntitle: Hostile\ndisclaimer: Not advice.\nsections: [one, two, three]\n"
    return write_content(root, {"tour.yaml": tour, **sections, "glossary.yaml": glossary})


@pytest.fixture
def place(tmp_path: Path) -> Path:
    """A folder holding the hostile tour (as `tour`), where the shells run."""
    _hostile_tour(tmp_path / "tour")
    return tmp_path


def _env(place: Path) -> dict[str, str]:
    return child_env(
        PATH=f"{SCRIPTS}{os.pathsep}{os.environ['PATH']}", HOME=str(place), TERM="dumb"
    )


def _script(shell: str, place: Path) -> Path:
    """The completion script Typer writes for SHELL (as --install-completion does)."""
    env = {**_env(place), "_EXOTOUR_COMPLETE": f"source_{shell}"}
    text = subprocess.run(
        ["exotour"], env=env, capture_output=True, text=True, check=True, cwd=place
    ).stdout
    path = place / f"completion.{shell}"
    path.write_text(text, encoding="utf-8")
    return path


def _shell(name: str) -> str:
    found = shutil.which(name)
    if found is None:
        pytest.skip(f"{name} is not installed, so its completion cannot be tried")
    return found


def _untouched(place: Path) -> None:
    assert sorted(p.name for p in place.iterdir() if p.name.startswith("PWNED")) == []


# -- bash: the function the script defines, called as bash calls it on Tab ----------------------

BASH_COMPLETE = """
source "$1"; shift
COMP_WORDS=("$@"); COMP_CWORD=$(( $# - 1 ))
_exotour_completion exotour
printf '%s\\0' "${COMPREPLY[@]}"
"""


def _bash_offers(place: Path, *words: str) -> list[str]:
    bash = _shell("bash")
    script = _script("bash", place)
    done = subprocess.run(
        [bash, "--norc", "--noprofile", "-c", BASH_COMPLETE, "bash", str(script), *words],
        env=_env(place), capture_output=True, text=True, check=True, cwd=place,
    )  # fmt: skip
    return [word for word in done.stdout.split("\0") if word]


def _bash_runs(place: Path, line: str) -> subprocess.CompletedProcess[str]:
    """LINE run by bash as the user's shell would, once Enter is pressed."""
    return subprocess.run(
        [_shell("bash"), "--norc", "--noprofile", "-c", line],
        env=_env(place), capture_output=True, text=True, cwd=place,
    )  # fmt: skip


def test_bash_offers_nothing_it_would_expand_or_run(place: Path) -> None:
    terms = _bash_offers(place, "exotour", "--content", "tour", "glossary", "")
    assert terms == ["stem\\ cell", "Alzheimer\\'s"]
    sections = _bash_offers(place, "exotour", "--content", "tour", "learn", "")
    assert sections == ["one", "two", "three"]
    _untouched(place)


def test_bash_completes_a_multi_word_term_to_a_command_that_works(place: Path) -> None:
    for typed in ("stem", "Alz"):  # the term, and an alias with a quote in it
        (word,) = _bash_offers(place, "exotour", "--content", "tour", "glossary", typed)
        shown = _bash_runs(place, f"exotour --content tour glossary {word}")
        assert (shown.returncode, shown.stderr) == (0, "")
        assert shown.stdout.startswith("stem cell\nA cell.\n")


def test_bash_completes_choices_not_file_names(place: Path) -> None:
    offered = _bash_offers(place, "exotour", "export", "--format", "")
    assert offered == ["markdown", "html"]
    assert _bash_offers(place, "exotour", "learn", "--theme", "d") == ["dark"]


# -- zsh: a real interactive zsh with compinit, Tab pressed in its line editor -----------------


def _zsh_line(place: Path, typed: str) -> str:
    """What zsh's line editor shows after TYPED and a Tab, then the output of running it."""
    pexpect = pytest.importorskip("pexpect")
    zsh = _shell("zsh")
    script = _script("zsh", place)
    child = pexpect.spawn(
        zsh, ["-f", "-i"], env=_env(place), cwd=str(place), encoding="utf-8",
        dimensions=(24, 200), timeout=15,
    )  # fmt: skip
    try:
        child.sendline(f"PS1='RE''ADY> '; autoload -Uz compinit; compinit -u; source {script}")
        child.expect_exact("READY> ")
        child.send(typed + "\t")
        time.sleep(1.0)  # zsh answers in its own time; the line is read whole below
        child.sendline("")
        child.expect_exact("READY> ")
        shown = str(child.before)
        child.sendline("exit")
        child.expect(pexpect.EOF)
    finally:
        child.close(force=True)
    return shown


def test_zsh_runs_nothing_and_completes_a_multi_word_term(place: Path) -> None:
    for typed in ("exotour --content tour glossary ", "exotour --content tour learn "):
        _zsh_line(place, typed + "\t")  # twice: the list of every candidate
    _untouched(place)
    shown = _zsh_line(place, "exotour --content tour glossary stem")
    assert "glossary stem\\ cell" in shown
    assert "stem cell\r\nA cell.\r\n" in shown
    _untouched(place)


def test_zsh_completes_choices_not_file_names(place: Path) -> None:
    assert "--format markdown" in _zsh_line(place, "exotour export --format m")


# -- fish: `complete -C` asks fish what it would offer, with the script loaded ------------------


def _fish_offers(place: Path, line: str) -> list[str]:
    fish = _shell("fish")
    script = _script("fish", place)
    done = subprocess.run(
        [fish, "--no-config", "-c", f"source {script}; complete -C {_fish_quoted(line)}"],
        env=_env(place), capture_output=True, text=True, check=True, cwd=place,
    )  # fmt: skip
    return [row.split("\t")[0] for row in done.stdout.splitlines()]


def _fish_quoted(text: str) -> str:
    return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'"


def test_fish_offers_nothing_it_would_run(place: Path) -> None:
    terms = _fish_offers(place, "exotour --content tour glossary ")
    assert sorted(terms) == ["Alzheimer's", "stem cell"]  # fish sorts them its own way
    assert sorted(_fish_offers(place, "exotour --content tour learn ")) == ["one", "three", "two"]
    assert sorted(_fish_offers(place, "exotour export --format ")) == ["html", "markdown"]
    _untouched(place)
    fish = _shell("fish")
    # fish escapes a candidate as it inserts it (string escape); that command works
    line = "set word (string escape -- 'stem cell'); eval \"exotour --content tour glossary $word\""
    shown = subprocess.run(
        [fish, "--no-config", "-c", line],
        env=_env(place), capture_output=True, text=True, cwd=place,
    )  # fmt: skip
    assert shown.stdout.startswith("stem cell\nA cell.\n")
