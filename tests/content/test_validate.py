"""`exotour validate` and invalid content on every command.

tests/broken/ is a corpus of broken tours: each folder holds the files that replace (or, listed in
remove.txt, delete first) files of examples/first-tour, and expected.txt, the exact output of
`exotour validate .` run inside the result.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from helpers import PYTHON, REPO, Result, child_env, run_cli

BROKEN = Path(__file__).resolve().parents[1] / "broken"
EXAMPLE = REPO / "examples" / "first-tour"
CASES = sorted(p.name for p in BROKEN.iterdir() if p.is_dir())
PROBLEM_LINE = re.compile(r"^[^:\n]+:[0-9]+:[0-9]+: (warning: )?\S.*$")
HINT = "exotour: hint: fix the files named above, then check the folder with 'exotour validate DIR'"


def build(case: str, target: Path) -> Path:
    """The example tour at TARGET with the case's files laid over it."""
    shutil.copytree(EXAMPLE, target)
    source = BROKEN / case
    removals = source / "remove.txt"  # first: a case may put a folder where a file was
    for name in removals.read_text(encoding="utf-8").split() if removals.exists() else ():
        (target / name).unlink()
    for path in source.rglob("*"):
        if path.is_file() and path.name not in ("expected.txt", "remove.txt"):
            destination = target / path.relative_to(source)
            destination.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, destination)
    return target


def verdict(lines: list[str]) -> str:
    """What validate says on stderr after these problem lines."""
    errors = sum(1 for line in lines if ": warning: " not in line)
    warnings = len(lines) - errors
    text = f"{errors} error{'s' if errors != 1 else ''}"
    if warnings:
        text += f" and {warnings} warning{'s' if warnings != 1 else ''}"
    return text


def test_the_corpus_covers_every_required_mistake() -> None:
    required = {
        "yaml-syntax-unclosed-list",
        "python-object-apply",
        "alias-bomb",
        "duplicate-key",
        "unknown-field",
        "missing-fields",
        "ill-typed-fields",
        "empty-file",
        "not-a-mapping",
        "not-utf8",
        "duplicate-section-id",
        "listed-section-missing",
        "section-not-listed",
        "quiz-answer-out-of-range",
        "raw-escape-sequence",
        "escape-written-in-quotes",
        "several-mistakes",
    }
    assert required <= set(CASES)


@pytest.mark.parametrize("case", CASES)
def test_each_broken_tour_gets_its_exact_messages(
    case: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    root = build(case, tmp_path / "tour")
    monkeypatch.chdir(root)
    expected = (BROKEN / case / "expected.txt").read_text(encoding="utf-8")
    result = run_cli(["validate", "."], capsys)
    assert result.out == expected
    problems = [line for line in expected.splitlines() if not line.endswith(": OK")]
    assert problems, "every case shows at least one problem"
    assert all(PROBLEM_LINE.match(line) for line in problems), "file:line:column: message"
    if any(": warning: " not in line for line in problems):
        assert (result.status, result.err) == (2, f"exotour: error: {verdict(problems)} in .\n")
    else:
        assert (result.status, result.err) == (0, "")
    assert not (root / "pwned").exists()  # the payloads of the python tags never ran


def test_several_mistakes_are_all_reported_at_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(build("several-mistakes", tmp_path / "tour"))
    result = run_cli(["validate", "."], capsys)
    files = {line.split(":")[0] for line in result.out.splitlines()}
    assert result.status == 2
    assert files == {
        "tour.yaml",
        "glossary.yaml",
        "sections/check-and-share.yaml",
        "sections/notes.yaml",
        "sections/start-here.yaml",
        "sections/write-a-section.yaml",
    }


def test_the_builtin_tour_validates_clean(capsys: pytest.CaptureFixture[str]) -> None:
    result = run_cli(["validate"], capsys)
    assert (result.status, result.err) == (0, "")
    assert re.fullmatch(r"\d+ sections, \d+ glossary terms, \d+ questions: OK\n", result.out)


def test_the_example_tour_validates_clean(capsys: pytest.CaptureFixture[str]) -> None:
    result = run_cli(["validate", str(EXAMPLE)], capsys)
    assert result == Result(0, "3 sections, 4 glossary terms, 3 questions: OK\n", "")


def test_warnings_are_shown_above_the_ok_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(build("missing-takeaway-is-a-warning", tmp_path / "tour"))
    result = run_cli(["validate", "."], capsys)
    assert result.status == 0
    assert result.out.splitlines() == [
        "sections/start-here.yaml:2:1: warning: takeaway: missing; "
        "'exotour summary' will show none for this section",
        "3 sections, 4 glossary terms, 3 questions: OK",
    ]


def test_validate_checks_the_content_in_use_by_default(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    build("quiz-answer-zero", tmp_path / "bad")
    expected = "bad/sections/check-and-share.yaml:30:13: quiz[0].answer: 0 is not a choice (1-2)\n"
    by_option = run_cli(["--content", "bad", "validate"], capsys)
    assert (by_option.status, by_option.out) == (2, expected)
    monkeypatch.setenv("EXOTOUR_CONTENT", "bad")
    by_variable = run_cli(["validate"], capsys)
    assert (by_variable.status, by_variable.out) == (2, expected)
    # The option wins over the variable, and DIR over both.
    assert run_cli(["--content", str(EXAMPLE), "validate"], capsys).status == 0
    assert run_cli(["--content", "bad", "validate", str(EXAMPLE)], capsys).status == 0


def test_paths_are_relative_inside_the_current_folder_and_whole_outside(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    root = build("quiz-answer-zero", tmp_path / "bad")
    message = "quiz[0].answer: 0 is not a choice (1-2)\n"
    monkeypatch.chdir(tmp_path)
    inside = run_cli(["validate", str(root)], capsys)  # an absolute path inside the folder
    assert inside.out == f"bad/sections/check-and-share.yaml:30:13: {message}"
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    outside = run_cli(["validate", str(root)], capsys)
    assert outside.out == f"{root}/sections/check-and-share.yaml:30:13: {message}"


def test_a_folder_that_does_not_exist(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    result = run_cli(["validate", "nowhere"], capsys)
    assert (result.status, result.out) == (2, "")
    assert result.err == (
        "exotour: error: content folder 'nowhere' does not exist\n"
        "exotour: hint: give a folder that holds tour.yaml and sections/\n"
    )


def test_a_file_instead_of_a_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "tour.yaml").write_text("id: x\n", encoding="utf-8")
    result = run_cli(["validate", "tour.yaml"], capsys)
    assert (result.status, result.out) == (2, "")
    assert result.err == (
        "exotour: error: 'tour.yaml' is not a folder\n"
        "exotour: hint: give the folder that holds tour.yaml and sections/, not a file in it\n"
    )


def test_a_file_over_the_size_limit_names_the_limit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    root = build("missing-takeaway-is-a-warning", tmp_path / "tour")
    body = "body: |\n" + "  A line of text that goes on for a while.\n" * 30_000
    (root / "sections" / "start-here.yaml").write_text("id: start-here\n" + body)
    size = (root / "sections" / "start-here.yaml").stat().st_size
    monkeypatch.chdir(root)
    result = run_cli(["validate", "."], capsys)
    assert result.status == 2
    assert result.out == (
        f"sections/start-here.yaml:1:1: the file is too large ({size:,} bytes); "
        "the limit is 1 MB (1,000,000 bytes)\n"
    )


def test_the_readme_example_is_what_validate_prints(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    block = readme.split("$ exotour validate my-tour\n", 1)[1].split("```", 1)[0]
    root = shutil.copytree(EXAMPLE, tmp_path / "my-tour")
    for name, old, new in (
        ("sections/write-a-section.yaml", "keywords:", "keywrds:"),
        ("sections/check-and-share.yaml", "    answer: 2\n", "    answer: 3\n"),
        ("glossary.yaml", "aliases: [sections]", "aliases: [sections, tour]"),
    ):
        path = root / name
        path.write_text(path.read_text(encoding="utf-8").replace(old, new, 1), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = run_cli(["validate", "my-tour"], capsys)
    assert result.status == 2
    assert result.out + result.err == block


# -- invalid content on every other command ------------------------------------------------------

COMMANDS = [
    [],
    ["learn", "--plain"],
    ["learn"],
    ["search", "exosome"],
    ["summary"],
    ["summary", "--json"],
    ["sections"],
    ["show", "1"],
    ["glossary"],
    ["quiz"],
    ["export"],
]


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: " ".join(c) or "welcome")
def test_every_command_refuses_invalid_content_before_printing_anything(
    command: list[str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    build("several-mistakes", tmp_path / "tour")
    monkeypatch.chdir(tmp_path)
    checked = run_cli(["validate", "tour"], capsys)
    errors = [line for line in checked.out.splitlines() if ": warning: " not in line]
    result = run_cli(["--content", "tour", *command], capsys)
    assert (result.status, result.out) == (2, "")
    assert result.err.splitlines() == [*(f"exotour: error: {e}" for e in errors), HINT]


def test_the_content_variable_is_checked_the_same_way(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    build("python-object-apply", tmp_path / "tour")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("EXOTOUR_CONTENT", "tour")
    result = run_cli(["learn", "--plain"], capsys)
    assert (result.status, result.out) == (2, "")
    assert result.err.splitlines() == [
        "exotour: error: tour/sections/start-here.yaml:5:7: body: the tag "
        "tag:yaml.org,2002:python/object/apply:os.system is not allowed (content is plain data)",
        HINT,
    ]
    assert not (tmp_path / "pwned").exists()


def test_in_a_real_terminal_learn_shows_the_problems_and_nothing_else(
    tmp_path: Path, state_dir: Path
) -> None:
    pexpect = pytest.importorskip("pexpect")
    build("several-mistakes", tmp_path / "tour")
    checked = subprocess.run(
        [PYTHON, "-m", "exotour", "validate", "tour"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=child_env(),
        timeout=60,
        check=False,
    )
    errors = checked.stdout.splitlines()
    child = pexpect.spawn(
        PYTHON,
        ["-m", "exotour", "--content", "tour", "learn"],
        dimensions=(24, 80),
        env=child_env(EXOTOUR_STATE_DIR=str(state_dir), TERM="xterm-256color"),
        cwd=str(tmp_path),
        encoding="utf-8",
        timeout=20,
    )
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 2
    shown = str(child.before).replace("\r\n", "\n")
    assert "\x1b" not in shown  # no alternate screen, no half-drawn page: only the messages
    assert shown.splitlines() == [*(f"exotour: error: {e}" for e in errors), HINT]
