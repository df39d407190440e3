"""`exotour learn` off a terminal: plain text in order; exact words and status of every error."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
from helpers import ONE_YAML, PYTHON, TOUR_YAML, Result, child_env, golden, run_cli, write_content

from exotour import __version__
from exotour.model import Tour

GOLDEN = Path(__file__).resolve().parent / "golden"
ESCAPE = "\x1b"


@pytest.fixture(autouse=True)
def terminal_env(monkeypatch: pytest.MonkeyPatch) -> None:
    """An 80-column world that looks as much like a colour terminal as the environment can."""
    monkeypatch.setenv("COLUMNS", "80")
    monkeypatch.setenv("TERM", "xterm-256color")
    monkeypatch.setenv("COLORTERM", "truecolor")
    monkeypatch.delenv("FORCE_COLOR", raising=False)


def headings(text: str) -> list[str]:
    return re.findall(r"^\d+\. .+?  \(section \d+ of \d+, id: [a-z0-9-]+\)$", text, re.M)


def heading(tour: Tour, index: int) -> str:
    section = tour.sections[index]
    return (
        f"{index + 1}. {section.title}  "
        f"(section {index + 1} of {len(tour.sections)}, id: {section.id})"
    )


def valid_sections(tour: Tour) -> str:
    return f"valid sections: 1-{len(tour.sections)} or {', '.join(tour.section_ids)}"


# -- plain output ----------------------------------------------------------------------------------


def test_plain_prints_every_section_in_order(
    tour: Tour, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("FORCE_COLOR", "1")  # even told to colour, --plain stays plain
    result = run_cli(["learn", "--plain"], capsys)
    assert (result.status, result.err) == (0, "")
    assert ESCAPE not in result.out
    assert headings(result.out) == [heading(tour, i) for i in range(len(tour.sections))]
    assert result.out.startswith(f"{tour.title}\n")
    assert result.out.rstrip().endswith(
        "End of the tour. Next: 'exotour summary' for the gist, 'exotour quiz' to check."
    )
    for section in tour.sections:
        first_words = " ".join(section.body.split()[:6]).replace("**", "")
        assert first_words in " ".join(result.out.split())


def test_plain_lines_fit_the_width_and_carry_no_trailing_spaces(
    capsys: pytest.CaptureFixture[str],
) -> None:
    result = run_cli(["learn", "--plain"], capsys)
    for line in result.out.splitlines():
        # A link is printed whole on its own line, even when it is wider than the page.
        assert len(line) <= 80 or re.fullmatch(r" *https?://\S+", line), line
        assert line == line.rstrip()


def test_off_a_terminal_learn_prints_the_tour_as_with_plain(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert run_cli(["learn"], capsys) == run_cli(["learn", "--plain"], capsys)


@pytest.mark.parametrize("ref", ["3", "how-does-it-work", "how does", "How Does It"])
def test_one_section_by_number_id_or_title(
    tour: Tour, capsys: pytest.CaptureFixture[str], ref: str
) -> None:
    result = run_cli(["learn", ref, "--plain"], capsys)
    assert (result.status, result.err) == (0, "")
    assert headings(result.out) == [heading(tour, 2)]
    assert result.out.startswith(heading(tour, 2) + "\n")
    assert "End of the tour" not in result.out


@pytest.mark.parametrize("option", ["--no-color", None])
def test_no_colour_either_way(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, option: str | None
) -> None:
    if option is None:
        monkeypatch.setenv("NO_COLOR", "1")
    result = run_cli([*([option] if option else []), "learn", "1", "--plain"], capsys)
    assert result.status == 0
    assert ESCAPE not in result.out


def test_golden_section_one_at_80_columns(capsys: pytest.CaptureFixture[str]) -> None:
    """The first section as printed; EXOTOUR_UPDATE_GOLDENS=1 rewrites the file after a change."""
    result = run_cli(["learn", "1", "--plain"], capsys)
    assert result.status == 0
    assert result.out == golden(GOLDEN / "learn-section-1.txt", result.out)


def test_content_is_printed_as_written_never_as_markup(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    section = ONE_YAML.replace("title: One", "title: '[bold red]One[/] :smile:'")
    section = section.replace("body: Hello.", "body: 'Hello [link=https://x.org]there[/link].'")
    root = write_content(tmp_path / "content", {"sections/one.yaml": section})
    result = run_cli(["--content", str(root), "learn", "--plain"], capsys)
    assert result.status == 0
    assert "1. [bold red]One[/] :smile:  (section 1 of 1, id: one)" in result.out
    assert "Hello [link=https://x.org]there[/link]." in result.out


# -- errors: exact words on stderr, nothing on stdout, status 2 ------------------------------------


def test_an_unknown_section_lists_the_valid_ids(
    tour: Tour, capsys: pytest.CaptureFixture[str]
) -> None:
    result = run_cli(["learn", "nosuch"], capsys)
    assert (result.status, result.out) == (2, "")
    assert result.err == (
        f"exotour: error: no section 'nosuch'\nexotour: hint: {valid_sections(tour)}\n"
    )


def test_a_misspelt_section_gets_a_suggestion(
    tour: Tour, capsys: pytest.CaptureFixture[str]
) -> None:
    result = run_cli(["learn", "benefts", "--plain"], capsys)
    assert (result.status, result.out) == (2, "")
    assert result.err.splitlines() == [
        "exotour: error: no section 'benefts'",
        f"exotour: hint: did you mean benefits? {valid_sections(tour)}",
    ]


def test_an_ambiguous_section(capsys: pytest.CaptureFixture[str]) -> None:
    result = run_cli(["learn", "what are"], capsys)
    assert (result.status, result.out) == (2, "")
    assert result.err == (
        "exotour: error: section 'what are' is ambiguous: it could be what-are-exosomes, benefits\n"
        "exotour: hint: type more of the title, or use the id or number\n"
    )


def test_broken_content_names_file_line_and_field(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    write_content(tmp_path / "broken", {"sections/one.yaml": ONE_YAML + "keywrds: [a]\n"})
    result = run_cli(["--content", "broken", "learn", "--plain"], capsys)
    assert (result.status, result.out) == (2, "")
    assert result.err == (
        "exotour: error: broken/sections/one.yaml:5:1: keywrds: unknown field "
        "(did you mean 'keywords'?); valid fields: id, title, takeaway, gist, keywords, "
        "added_by_tour, body, evidence, quiz, options_grid\n"
        "exotour: hint: fix the files named above, "
        "then check the folder with 'exotour validate DIR'\n"
    )


def test_every_content_problem_is_listed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    files: dict[str, str | bytes | None] = {
        "sections/one.yaml": "id: one\ntitle: [x]\nbody: Hi.\n",
        "sections/two.yaml": "id: two\ntitle: Two\nbody: !!python/name:os.system\n",
        "tour.yaml": TOUR_YAML + "  - two\n",
    }
    write_content(tmp_path / "c", files)
    result = run_cli(["--content", "c", "learn"], capsys)
    assert (result.status, result.out) == (2, "")
    assert result.err.splitlines() == [
        "exotour: error: c/sections/one.yaml:2:8: title: expected text, got a list",
        "exotour: error: c/sections/two.yaml:3:7: body: the tag "
        "tag:yaml.org,2002:python/name:os.system is not allowed (content is plain data)",
        "exotour: hint: fix the files named above, "
        "then check the folder with 'exotour validate DIR'",
    ]


def test_content_from_the_environment(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    write_content(tmp_path / "c", {"sections/one.yaml": "- x\n"})
    monkeypatch.setenv("EXOTOUR_CONTENT", "c")
    result = run_cli(["learn", "--plain"], capsys)
    assert (result.status, result.out) == (2, "")
    assert result.err.startswith(
        "exotour: error: c/sections/one.yaml:1:1: the file holds a list, not a mapping of fields\n"
    )


def test_a_content_folder_that_does_not_exist(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    result = run_cli(["--content", str(tmp_path / "nowhere"), "learn"], capsys)
    assert (result.status, result.out) == (2, "")
    assert result.err == (
        f"exotour: error: content folder '{tmp_path / 'nowhere'}' does not exist\n"
        "exotour: hint: give a folder that holds tour.yaml and sections/\n"
    )


def test_an_unknown_option(capsys: pytest.CaptureFixture[str]) -> None:
    result = run_cli(["learn", "--bogus"], capsys)
    assert (result.status, result.out) == (2, "")
    assert result.err == (
        "exotour: error: No such option: --bogus\nexotour: hint: try 'exotour learn --help'\n"
    )


def test_too_many_arguments(capsys: pytest.CaptureFixture[str]) -> None:
    result = run_cli(["learn", "1", "2"], capsys)
    assert (result.status, result.out) == (2, "")
    assert result.err == (
        "exotour: error: Got unexpected extra argument(s) (2)\n"
        "exotour: hint: try 'exotour learn --help'\n"
    )


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    assert run_cli(["--version"], capsys) == Result(0, f"exotour {__version__}\n", "")


# -- the real entry points -------------------------------------------------------------------------


def run_module(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    env = child_env(COLUMNS="80", TERM="xterm-256color", FORCE_COLOR="1")
    return subprocess.run(
        [PYTHON, "-m", "exotour", *args],
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
        env=env,
        cwd=cwd,
        timeout=60,
        check=False,
    )


def test_python_dash_m_version() -> None:
    done = run_module("--version")
    assert (done.returncode, done.stdout, done.stderr) == (0, f"exotour {__version__}\n", "")


def test_python_dash_m_error_path(tour: Tour) -> None:
    done = run_module("learn", "nosuch")
    assert (done.returncode, done.stdout) == (2, "")
    assert done.stderr == (
        f"exotour: error: no section 'nosuch'\nexotour: hint: {valid_sections(tour)}\n"
    )


def test_python_dash_m_piped_is_plain(tour: Tour, tmp_path: Path) -> None:
    done = run_module("learn", cwd=tmp_path)
    assert (done.returncode, done.stderr) == (0, "")
    assert ESCAPE not in done.stdout
    assert headings(done.stdout) == [heading(tour, i) for i in range(len(tour.sections))]


# -- learn SECTION --at WORDS ----------------------------------------------------------------------


def test_at_a_word_the_section_holds_prints_the_section_when_plain(
    tour: Tour, capsys: pytest.CaptureFixture[str]
) -> None:
    result = run_cli(["learn", "how-does-it-work", "--at", "collagen"], capsys)
    assert result.status == 0
    assert result.err == ""
    # Plain output is the whole section, so --at has nothing to choose there.
    assert result.out.startswith("3. How does it work?  (section 3 of")
    assert "collagen" in result.out


def test_at_a_word_the_section_does_not_hold(capsys: pytest.CaptureFixture[str]) -> None:
    result = run_cli(["learn", "3", "--at", "zzzz"], capsys)
    assert (result.status, result.out) == (2, "")
    assert result.err.splitlines() == [
        "exotour: error: 'zzzz' is not in section 3 (How does it work?)",
        "exotour: hint: no section holds 'zzzz'; exotour search WORDS finds where words are",
    ]


def test_at_needs_a_section(capsys: pytest.CaptureFixture[str]) -> None:
    result = run_cli(["learn", "--at", "collagen"], capsys)
    assert (result.status, result.out) == (2, "")
    assert result.err.splitlines() == [
        "exotour: error: --at needs a SECTION to look in",
        "exotour: hint: try 'exotour learn how-does-it-work --at collagen'",
    ]
    missing = run_cli(["learn", "--at", "zebrafish"], capsys)
    assert (missing.status, missing.out) == (2, "")
    assert missing.err.splitlines() == [
        "exotour: error: --at needs a SECTION to look in",
        "exotour: hint: no section holds 'zebrafish'; exotour search WORDS finds where words are",
    ]


def test_at_with_nothing_to_find(capsys: pytest.CaptureFixture[str]) -> None:
    result = run_cli(["learn", "3", "--at", "!!"], capsys)
    assert (result.status, result.out) == (2, "")
    assert result.err.splitlines() == [
        "exotour: error: --at '!!' has no words to find",
        "exotour: hint: give a word, e.g. --at collagen",
    ]


def test_at_names_the_other_tour_in_its_hint(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = write_content(tmp_path / "tour")
    result = run_cli(["--content", str(folder), "learn", "one", "--at", "bye"], capsys)
    assert result.status == 2
    assert result.err.splitlines() == [
        "exotour: error: 'bye' is not in section 1 (One)",
        f"exotour: hint: no section holds 'bye'; exotour --content {folder} search WORDS finds"
        " where words are",
    ]


def test_learn_help_lists_every_key(capsys: pytest.CaptureFixture[str]) -> None:
    from exotour.tui.keymap import HELP_KEYS

    result = run_cli(["learn", "--help"], capsys)
    assert result.status == 0
    lines = [" ".join(line.split()) for line in result.out.splitlines()]
    # Each key of the walkthrough (the list the ? overlay shows) on a line of its own.
    for keys, what in HELP_KEYS:
        assert f"{keys} {what}" in lines, keys
    for word in ("Space", "Backspace", "PgDn", "PgUp", "Ctrl-O", "Esc", "--at WORDS", "--watch"):
        assert word in result.out, word


def test_a_theme_that_is_neither_light_nor_dark(capsys: pytest.CaptureFixture[str]) -> None:
    result = run_cli(["learn", "--theme", "blue"], capsys)
    assert (result.status, result.out) == (2, "")
    assert result.err.splitlines() == [
        "exotour: error: --theme 'blue' is not light or dark",
        "exotour: hint: try --theme light",
    ]


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_a_theme_is_accepted(theme: str, capsys: pytest.CaptureFixture[str]) -> None:
    result = run_cli(["learn", "1", "--theme", theme], capsys)
    assert (result.status, result.err) == (0, "")
