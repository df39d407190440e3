"""The quiz: the pure engine, the built-in questions, and `exotour quiz` from a pipe and a tty."""

from __future__ import annotations

import io
import re
import subprocess
from pathlib import Path

import pytest
from helpers import CLAIM_SECTIONS, PYTHON, child_env, run_cli, write_content
from hypothesis import given
from hypothesis import strategies as st

from exotour import quiz
from exotour.commands import store_for
from exotour.content.loader import load_tour
from exotour.errors import ExitStatus, UsageError
from exotour.model import Question, Section, Tour


def q(answer: int, choices: int = 3) -> Question:
    return Question("Which?", tuple(f"choice {i}" for i in range(choices)), answer, "Because.")


def small_tour() -> Tour:
    return Tour(
        id="t",
        title="T",
        subtitle="",
        disclaimer="Not advice.",
        sections=(
            Section("a", "Alpha", "", "Body.", quiz=(q(0), q(1))),
            Section("b", "Beta", "", "Body."),
            Section("c", "Gamma", "", "Body.", quiz=(q(2),)),
        ),
    )


# -- the engine ------------------------------------------------------------------------------------


def test_questions_come_in_reading_order() -> None:
    items = quiz.questions(small_tour())
    assert [(i.section, i.section_id, i.question.answer) for i in items] == [
        (0, "a", 0),
        (0, "a", 1),
        (2, "c", 2),
    ]
    assert [i.section for i in quiz.questions(small_tour(), 2)] == [2]


def test_start_names_the_scope() -> None:
    tour = small_tour()
    assert quiz.start(tour)[1] == "all"
    state, scope = quiz.start(tour, "gamma")  # as learn names sections: a title's start
    assert scope == "c" and len(state.items) == 1


def test_a_section_without_questions_is_a_usage_error() -> None:
    with pytest.raises(UsageError) as caught:
        quiz.start(small_tour(), "2")
    assert caught.value.message == "section 2 (Beta) has no quiz questions"
    assert caught.value.hint == "sections with questions: 1, 3; or 'exotour quiz' for all"


def test_a_tour_without_questions_is_a_usage_error() -> None:
    tour = Tour("t", "T", "", "D.", (Section("a", "Alpha", "", "Body."),))
    with pytest.raises(UsageError, match="this tour has no quiz questions"):
        quiz.start(tour)


@pytest.mark.parametrize(
    ("text", "choices", "expected"),
    [
        ("1", 4, 0),
        ("4", 4, 3),
        (" 2\n", 3, 1),
        ("a", 4, 0),
        ("D", 4, 3),
        ("c", 3, 2),
        ("4", 3, None),
        ("d", 3, None),
        ("0", 4, None),
        ("12", 4, None),
        ("²", 4, None),  # a digit to str.isdigit, but not an answer
        ("", 4, None),
        ("yes", 4, None),
    ],
)
def test_parse_answer(text: str, choices: int, expected: int | None) -> None:
    assert quiz.parse_answer(text, choices) == expected


def test_answers_score_and_sections_to_review() -> None:
    state, _ = quiz.start(small_tour())
    state, feedback = state.answer(0)
    assert feedback.correct and feedback.right_choice == 0
    state, feedback = state.answer(None)  # a line that named no choice
    assert not feedback.correct and feedback.chosen is None and feedback.right_choice == 1
    assert (state.right, state.asked, state.number, state.finished) == (1, 2, 3, False)
    state, feedback = state.answer(0)
    assert not feedback.correct
    assert state.finished and state.current is None
    assert [item.section_id for item in state.to_review()] == ["a", "c"]
    with pytest.raises(ValueError, match="the quiz is over"):
        state.answer(0)


@given(st.lists(st.one_of(st.none(), st.integers(0, 3)), max_size=3))
def test_score_counts_right_answers(answers: list[int | None]) -> None:
    state, _ = quiz.start(small_tour())
    right = 0
    for choice in answers:
        expected = state.current
        assert expected is not None
        state, feedback = state.answer(choice)
        right += choice == expected.question.answer
        assert feedback.correct == (choice == expected.question.answer)
    assert (state.right, state.asked) == (right, len(answers))
    wrong = {item.section for item, ok in zip(state.items, state.results, strict=False) if not ok}
    assert {item.section for item in state.to_review()} == wrong


# -- the built-in questions ------------------------------------------------------------------------


def test_every_content_section_has_at_least_two_questions(tour: Tour) -> None:
    for section_id in CLAIM_SECTIONS:
        assert len(tour.sections[tour.index_of(section_id)].quiz) >= 2, section_id
    assert sum(len(s.quiz) for s in tour.sections) >= 12


def test_each_question_has_3_to_4_choices_and_names_its_section(tour: Tour) -> None:
    for number, section in enumerate(tour.sections, start=1):
        for question in section.quiz:
            assert 3 <= len(question.choices) <= 4, question.question
            assert len(set(question.choices)) == len(question.choices), question.question
            assert f"See section {number}, {section.title}" in question.explanation


def test_questions_ask_about_the_text_never_what_to_do(tour: Tour) -> None:
    personal = re.compile(
        r"\b(should (you|I)|would you|you should|your (doctor|treatment))\b", re.I
    )
    for section in tour.sections:
        for question in section.quiz:
            assert not personal.search(question.question), question.question


def test_the_right_answers_are_not_all_in_one_place(tour: Tour) -> None:
    places = {question.answer for section in tour.sections for question in section.quiz}
    assert len(places) >= 3


# -- exotour quiz from a pipe ----------------------------------------------------------------------

QUIZ_YAML = """\
id: one
title: One
takeaway: It is the first.
body: Hello.
quiz:
  - question: What is one?
    choices: [A number, A colour, A sound]
    answer: 1
    explanation: It counts. See section 1, One.
  - question: What is two?
    choices: [A colour, A number]
    answer: 2
    explanation: It counts too. See section 1, One.
"""


def quiz_cli(
    argv: list[str],
    stdin: str,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> tuple[int, str, str]:
    monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    monkeypatch.setenv("COLUMNS", "80")
    result = run_cli(argv, capsys)
    return result.status, result.out, result.err


@pytest.fixture
def tiny(tmp_path: Path) -> str:
    return str(write_content(tmp_path / "content", {"sections/one.yaml": QUIZ_YAML}))


def test_a_piped_quiz_prints_every_step_and_the_score(
    tiny: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # The tour through the variable, which stays in effect: the review names `exotour learn`
    # alone (with --content it would name the folder too; see test_prefix.py).
    monkeypatch.setenv("EXOTOUR_CONTENT", tiny)
    status, out, err = quiz_cli(["quiz"], "1\na\n", capsys, monkeypatch)
    assert (status, err) == (0, "")
    assert out == (
        "Quiz: 2 questions on the whole tour\n"
        "One answer a line; q stops and shows your score so far.\n"
        "The questions check what the article and the evidence notes say; none is advice.\n"
        "\n"
        "Question 1 of 2 · 1. One\n"
        "What is one?\n"
        "  1. A number\n"
        "  2. A colour\n"
        "  3. A sound\n"
        "Your answer (1-3 or a-c, q stops): 1\n"
        "✓ Right. It counts. See section 1, One.\n"
        "\n"
        "Question 2 of 2 · 1. One\n"
        "What is two?\n"
        "  1. A colour\n"
        "  2. A number\n"
        "Your answer (1-2 or a-b, q stops): a\n"
        "✗ Not quite: the answer is 2, A number. It counts too. See section 1, One.\n"
        "\n"
        "Score: 1/2\n"
        "Sections to review:\n"
        "  1. One exotour learn 1\n"
        "Not medical advice.\n"
    )


def test_an_invalid_line_counts_as_wrong(
    tiny: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    status, out, _ = quiz_cli(["--content", tiny, "quiz"], "maybe\n\n", capsys, monkeypatch)
    assert status == 0
    assert "Your answer (1-3 or a-c, q stops): maybe\n'maybe' is not one of 1-3 or a-c;" in out
    # An empty answer leaves no trailing space after the prompt.
    assert "Your answer (1-2 or a-b, q stops):\nAn empty line is not one of 1-2 or a-b;" in out
    assert "Score: 0/2\n" in out


def test_end_of_input_ends_the_quiz_with_the_score_so_far(
    tiny: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    status, out, _ = quiz_cli(["--content", tiny, "quiz"], "1\n", capsys, monkeypatch)
    assert status == 0
    assert "Your answer (1-2 or a-b, q stops): (end of input)\n" in out
    assert "Score: 1/1  (stopped after 1 of 2 questions)\nNothing to review" in out


def test_q_stops_early_and_nothing_answered_says_so(
    tiny: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    status, out, _ = quiz_cli(["--content", tiny, "quiz"], "q\n1\n", capsys, monkeypatch)
    assert status == 0
    assert "Score: 0/0  (no questions answered)\n" in out
    assert "Question 2" not in out


def test_the_best_score_is_kept_for_finished_quizzes(
    tiny: str,
    state_dir: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def best() -> tuple[tuple[str, int, int], ...]:
        # The store the quiz itself uses: a tour of its own folder is kept by id and path.
        return store_for(load_tour(Path(tiny))).load().quiz_best

    quiz_cli(["--content", tiny, "quiz"], "1\n", capsys, monkeypatch)
    assert best() == ()  # stopped early: not a score for the whole quiz
    quiz_cli(["--content", tiny, "quiz"], "1\n2\n", capsys, monkeypatch)
    assert best() == (("all", 2, 2),)
    _, out, _ = quiz_cli(["--content", tiny, "quiz", "one"], "2\n1\n", capsys, monkeypatch)
    assert "Score: 0/2\n" in out
    assert best() == (("all", 2, 2), ("one", 0, 2))
    _, out, _ = quiz_cli(["--content", tiny, "quiz"], "2\n1\n", capsys, monkeypatch)
    assert "Score: 0/2\nYour best: 2/2\n" in out
    assert best() == (("all", 2, 2), ("one", 0, 2))


def test_printf_answers_to_the_built_in_quiz(
    tour: Tour, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    items = quiz.questions(tour)
    right = sum(item.question.answer == i for i, item in enumerate(items[:3]))
    status, out, _ = quiz_cli(["quiz"], "1\n2\n3\n", capsys, monkeypatch)
    assert status == 0
    assert f"Score: {right}/3  (stopped after 3 of {len(items)} questions)\n" in out


def test_quiz_of_a_section_without_questions_exits_2(
    tour: Tour, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    status, out, err = quiz_cli(["quiz", "sources"], "", capsys, monkeypatch)
    assert (status, out) == (2, "")
    numbers = ", ".join(str(i + 1) for i, s in enumerate(tour.sections) if s.quiz)
    assert err == (
        f"exotour: error: section {len(tour.sections)} (Sources) has no quiz questions\n"
        f"exotour: hint: sections with questions: {numbers}; or 'exotour quiz' for all\n"
    )


# -- exotour quiz in a real terminal ---------------------------------------------------------------


@pytest.mark.slow
def test_single_keys_in_a_terminal_and_ctrl_c(tiny: str, state_dir: Path) -> None:
    import pexpect

    env = child_env(EXOTOUR_STATE_DIR=str(state_dir), TERM="xterm")
    command = [PYTHON, "-m", "exotour", "--content", tiny, "quiz"]
    child = pexpect.spawn(
        command[0], command[1:], env=env, dimensions=(24, 80), encoding="utf-8", timeout=10
    )
    child.expect_exact("Your answer (1-3 or a-c, q stops):")
    child.send("x")  # not a choice: asked again, nothing counted
    child.expect_exact("Press 1-3 or a-c, or q to stop:")
    child.send("1")  # a single key, no Enter
    child.expect_exact("Right.")
    child.expect_exact("Your answer (1-2 or a-b, q stops):")
    child.sendintr()
    child.expect_exact("Score: 1/1")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 130


@pytest.mark.slow
def test_q_in_a_terminal_stops_with_the_score(tiny: str, state_dir: Path) -> None:
    import pexpect

    env = child_env(EXOTOUR_STATE_DIR=str(state_dir), TERM="xterm", NO_COLOR="1")
    command = [PYTHON, "-m", "exotour", "--content", tiny, "quiz"]
    child = pexpect.spawn(
        command[0], command[1:], env=env, dimensions=(15, 40), encoding="utf-8", timeout=10
    )
    child.expect_exact("q stops):")
    child.send("b")
    child.expect_exact("Not quite")
    child.expect_exact("q stops):")
    child.send("q")
    child.expect_exact("Score: 0/1")
    output = child.read()
    child.close()
    assert child.exitstatus == 0
    assert "\x1b[3" not in output  # NO_COLOR: no colours


# -- exotour quiz by single keys, in-process (streams injected, no terminal) -----------------------


class Keys:
    """Keys as a terminal would send them, one per read; 'ctrl-c' interrupts."""

    def __init__(self, *keys: str) -> None:
        self.keys = list(keys)
        self.open = False

    def read_key(self) -> str | None:
        key = self.keys.pop(0)
        if key == "ctrl-c":
            raise KeyboardInterrupt
        return key

    def __enter__(self) -> Keys:
        self.open = True
        return self

    def __exit__(self, *exc: object) -> None:
        self.open = False  # the terminal is restored, whatever happened


def by_keys(tiny: str, *keys: str) -> tuple[ExitStatus, str, Keys]:
    from rich.console import Console

    from exotour.commands import Options
    from exotour.commands import quiz as command

    screen = io.StringIO()
    console = Console(file=screen, width=80, force_terminal=True, color_system=None)
    source = Keys(*keys)
    streams = command.Streams(console, io.StringIO(), source)
    status = command.run(Options(Path(tiny)), None, streams=streams)
    return status, screen.getvalue(), source


def test_single_keys_answer_and_a_key_that_names_no_choice_asks_again(tiny: str) -> None:
    status, out, keys = by_keys(tiny, "x", "enter", "1", "b")
    assert status == ExitStatus.OK and not keys.open and keys.keys == []
    assert "Press a number or letter to answer; q stops" in out
    assert "Your answer (1-3 or a-c, q stops):\nPress 1-3 or a-c, or q to stop: 1\n" in out
    assert "✓ Right. It counts." in out
    assert "Your answer (1-2 or a-b, q stops): 2\n✓ Right." in out
    assert "Score: 2/2\nNothing to review: every answer was right." in out


def test_q_stops_with_the_score_so_far(tiny: str) -> None:
    status, out, _ = by_keys(tiny, "b", "q")
    assert status == ExitStatus.OK
    assert "✗ Not quite: the answer is 1, A number." in out
    assert "Your answer (1-2 or a-b, q stops): (stopped)\n" in out
    assert "Score: 0/1  (stopped after 1 of 2 questions)\n" in out


def test_ctrl_c_ends_with_the_score_and_exit_130(tiny: str) -> None:
    status, out, keys = by_keys(tiny, "1", "ctrl-c")
    assert status == ExitStatus.INTERRUPTED and int(status) == 130
    assert not keys.open
    assert "Score: 1/1  (stopped after 1 of 2 questions)" in out


def test_answers_from_injected_lines(tiny: str) -> None:
    from rich.console import Console

    from exotour.commands import Options
    from exotour.commands import quiz as command

    screen = io.StringIO()
    console = Console(file=screen, width=80, color_system=None)  # not a terminal: plain text
    streams = command.Streams(console, io.StringIO("2\n\x1b[31mb\n"))
    assert command.run(Options(Path(tiny)), None, streams=streams) == ExitStatus.OK
    out = screen.getvalue()
    assert "One answer a line; q stops" in out
    assert "Your answer (1-3 or a-c, q stops): 2\n✗ Not quite" in out
    # An escape sequence typed as an answer is echoed as text, never sent raw.
    assert "\x1b" not in out and "\\x1b[31mb" in out
    assert "Score: 0/2\n" in out


@pytest.mark.parametrize("stdin", ["x" * 1_000_001, "1\n" + "\0" * 5000])
def test_an_endless_answer_line_is_an_error_not_a_memory_hog(
    tiny: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, stdin: str
) -> None:
    status, _, err = quiz_cli(["--content", tiny, "quiz"], stdin, capsys, monkeypatch)
    assert (status, err) == (
        2,
        "exotour: error: an answer line is longer than 1,000 characters\n"
        "exotour: hint: answer each question with its number or letter, one to a line\n",
    )


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
def test_quiz_reading_dev_zero_ends_with_an_error(tiny: str, tmp_path: Path) -> None:
    with Path("/dev/zero").open("rb") as zero:
        done = subprocess.run(
            [PYTHON, "-m", "exotour", "--content", tiny, "quiz"],
            stdin=zero,
            capture_output=True,
            text=True,
            env=child_env(EXOTOUR_STATE_DIR=str(tmp_path)),
            timeout=60,
            check=False,
        )
    assert done.returncode == 2
    assert done.stderr.startswith("exotour: error: an answer line is longer than 1,000 characters")
