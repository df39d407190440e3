"""`exotour decide`: the worksheet from a pipe, saved and resumed, its JSON, the handout, and
every error path with its exact words and exit status."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from helpers import run_cli
from hypothesis import given
from hypothesis import strategies as st

from exotour.commands import store_for
from exotour.content.loader import load_tour
from exotour.decision import Decision
from exotour.worksheet import Worksheet, parse

FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "decision-tour"
# Every answer of the fixture's worksheet, one a line (the pages only read need none).
ANSWERS = "1\nsoon\ny\nn\ny\ny\n5\n3\n1\ny\ny\nn\ny\ntalk to my GP\n"


@pytest.fixture(autouse=True)
def content(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("EXOTOUR_CONTENT", str(FIXTURE))
    monkeypatch.setenv("COLUMNS", "80")


def decide(
    argv: list[str],
    stdin: str,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> tuple[int, str, str]:
    monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    result = run_cli(["decide", *argv], capsys)
    return result.status, result.out, result.err


def _decision() -> Decision:
    decision = load_tour(FIXTURE).decision
    assert decision is not None
    return decision


def _saved() -> dict[str, str]:
    return dict(store_for(load_tour(FIXTURE)).load().decide)


def test_a_piped_worksheet_walks_the_six_steps_and_saves_every_answer(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    status, out, err = decide([], ANSWERS, capsys, monkeypatch)
    assert (status, err) == (0, "")
    steps = [line for line in out.splitlines() if line.startswith("Step ")]
    assert steps == [
        "Step 1 of 6: The decision",
        "Step 2 of 6: SURE: how sure do you feel?",
        "Step 3 of 6: Your options side by side",
        "Step 4 of 6: What matters to you",
        "Step 5 of 6: Questions to ask a clinic",
        "Step 6 of 6: SURE again, and your next step",
    ]
    assert "Your SURE score: 3 of 4." in out
    assert "You rated avoiding unknown risks 5 of 5." in out
    assert "  - Daily sunscreen: No source in this tour lists its risks." in out
    assert "Your worksheet is complete." in out
    for word in ("best", "recommend", "score for"):
        assert not any(word in line and "option" in line for line in out.splitlines())
    saved = _saved()
    assert saved["condition"] == "skin" and saved["next-step"] == "talk to my GP"
    assert saved["rate-unknown-risks"] == "5" and saved["again-3"] == "no"


@pytest.mark.parametrize(
    ("answer", "words"),
    [
        ("7", "'7' is not one of the numbers 1-2. Type the number of a condition."),
        ("", "An empty answer is not one of the numbers 1-2. Type the number of a condition."),
        ("\x1b[31m", "'\\x1b[31m' is not one of the numbers 1-2."),
    ],
)
def test_a_bad_answer_gets_a_word_and_the_question_again(
    answer: str, words: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    status, out, _ = decide([], f"{answer}\n1\n", capsys, monkeypatch)
    assert status == 0
    assert words in out and "\x1b" not in out
    assert out.count("Which condition are you deciding about?") == 2
    assert _saved() == {"condition": "skin"}


def test_stopping_saves_and_the_next_run_resumes_at_the_question_it_left(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    status, out, _ = decide([], "2\n\ny\nq\n", capsys, monkeypatch)
    assert status == 0
    assert "Stopped at step 2 of 6. Your answers are saved." in out
    assert "Go on where you left off: exotour decide" in out
    status, out, _ = decide([], "n\n", capsys, monkeypatch)
    assert out.splitlines()[0] == (
        "Resuming at step 2 of 6; 'exotour decide --restart' starts over."
    )
    assert "Do you know the benefits and risks of each option? (y/n, q stops): n" in out
    assert "Do you feel SURE" not in out
    assert _saved() == {"by-when": "", "condition": "hair", "sure-1": "yes", "sure-2": "no"}


def test_restart_starts_over(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    decide([], "2\nsoon\n", capsys, monkeypatch)
    status, out, _ = decide(["--restart"], "", capsys, monkeypatch)
    assert status == 0 and "Resuming" not in out
    assert "Which condition are you deciding about? (1-2, q stops): (end of input)" in out
    assert _saved() == {}


def test_json_gives_the_saved_worksheet(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    decide([], ANSWERS, capsys, monkeypatch)
    status, out, err = decide(["--json"], "", capsys, monkeypatch)
    assert (status, err) == (0, "")
    data = json.loads(out)
    assert data["format"] == 1 and data["complete"] is True and data["step"] is None
    assert data["condition"]["id"] == "skin"
    before = data["sure_before"]
    assert [a["answer"] for a in before["answers"]] == [True, False, True, True]
    assert (before["score"], before["low"]) == (3, True)
    assert before["answers"][0]["question"] == "Do you feel SURE about the best choice for you?"
    assert [r["rating"] for r in data["ratings"]] == [5, 3, 1]
    assert data["ratings"][0]["beside"][1] == {
        "option": "sunscreen",
        "text": "No source in this tour lists its risks.",
    }
    assert data["next_step"] == "talk to my GP"


def test_json_of_an_empty_worksheet_has_blanks(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    data = json.loads(decide(["--json"], "", capsys, monkeypatch)[1])
    assert data["step"] == 1 and data["condition"] is None and data["options"] == []
    before = data["sure_before"]
    assert [a["answer"] for a in before["answers"]] == [None] * 4
    assert (before["score"], before["low"]) == (None, None)


def test_the_handout_is_written_with_the_answers_or_with_blanks(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    blank = tmp_path / "blank.html"
    status, out, err = decide(["--output", str(blank)], "", capsys, monkeypatch)
    assert (status, err) == (0, "")
    assert out.startswith(f"Wrote {blank} (html, ")
    page = blank.read_text(encoding="utf-8")
    assert '<span class="answer"></span>' in page and "☐ Skin ageing (wrinkles)" in page
    decide([], ANSWERS, capsys, monkeypatch)
    filled = tmp_path / "filled.md"
    decide(["-o", str(filled)], "", capsys, monkeypatch)
    text = filled.read_text(encoding="utf-8")
    assert "- **By when:** soon" in text
    assert "| **Cost** | From US$99 to US$20,000 in 2023. |" in text
    assert "https://doi.org/10.7326/0003-4819-158-11-201306040-00002" in text


@pytest.mark.parametrize(
    ("argv", "err"),
    [
        (
            ["--json", "--output", "x.html"],
            "exotour: error: --json and --output cannot be used together\n"
            "exotour: hint: use --json to print the worksheet, or --output FILE to write the "
            "handout\n",
        ),
        (
            ["--output", "handout.pdf"],
            "exotour: error: cannot write handout.pdf: the handout is HTML or Markdown, not .pdf\n"
            "exotour: hint: name the file handout.html (to print) or handout.md\n",
        ),
        (
            ["--output", "old.html"],
            "exotour: error: old.html already exists\n"
            "exotour: hint: add --force to overwrite it, or choose another name with -o\n",
        ),
    ],
)
def test_output_errors_say_what_to_do(
    argv: list[str],
    err: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "old.html").write_text("mine")
    assert decide(argv, "", capsys, monkeypatch) == (2, "", err)
    assert (tmp_path / "old.html").read_text() == "mine"


def test_a_tour_without_a_decision_aid_says_so(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import shutil

    shutil.copytree(FIXTURE, tmp_path / "tour")
    (tmp_path / "tour" / "decision.yaml").unlink()
    monkeypatch.setenv("EXOTOUR_CONTENT", str(tmp_path / "tour"))
    assert decide([], "", capsys, monkeypatch) == (
        2,
        "",
        "exotour: error: this tour has no decision aid (its content folder holds no "
        "decision.yaml)\n"
        "exotour: hint: a tour's author can add one as decision.yaml (see docs/authoring.md)\n",
    )


def test_a_damaged_progress_file_is_handled_as_progress_is(
    state_dir: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    (state_dir / "progress.json").write_text("{not json")
    status, out, err = decide(["--json"], "", capsys, monkeypatch)
    assert status == 0 and json.loads(out)["step"] == 1
    assert err == (
        f"exotour: warning: the progress file {state_dir / 'progress.json'} is damaged; "
        "starting afresh\n"
    )


answers = st.dictionaries(
    st.text(max_size=20) | st.sampled_from(["condition", "sure-1", "rate-cost", "by-when"]),
    st.text(max_size=30) | st.sampled_from(["skin", "yes", "5", "9", "hair"]),
    max_size=12,
)


@given(saved=answers)
def test_a_saved_worksheet_keeps_only_answers_it_could_have_taken(saved: dict[str, str]) -> None:
    decision = _decision()
    sheet = Worksheet.from_saved(decision, saved.items())
    asks = {ask.key: ask for ask in sheet.asks()}
    for key, value in sheet.answers:
        assert saved[key] == value
        if key == "condition":
            assert decision.condition(value) is not None
        else:
            assert parse(asks[key], value) == value


def test_answers_survive_another_process_saving_its_place(state_dir: Path) -> None:
    from exotour.state.progress import ProgressStore

    reader = ProgressStore(state_dir, "t")
    reader.load()  # a walkthrough that started before the worksheet was answered
    worksheet = ProgressStore(state_dir, "t")
    worksheet.save(worksheet.load().with_decide((("condition", "skin"),)))
    reader.save(reader.load().at("intro", 0, 2))
    saved = ProgressStore(state_dir, "t").load()
    assert saved.decide == (("condition", "skin"),) and saved.section == "intro"
    worksheet.save(worksheet.load().with_decide(()))  # --restart clears them
    assert ProgressStore(state_dir, "t").load().decide == ()
