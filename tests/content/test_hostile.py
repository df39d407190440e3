"""Content from hostile hands: nothing in a content folder can run code, exhaust the machine, or
reach the terminal as anything but text.

Hypothesis feeds arbitrary text and arbitrary YAML into a section file: the loader reports or
accepts, and never raises. How long each check took is recorded as a Hypothesis event (see
`pytest --hypothesis-show-statistics`), never asserted.
"""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import time
from pathlib import Path
from typing import Any

import pytest
import yaml
from helpers import PYTHON, REPO, child_env, run_cli
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from rich.console import Console

import exotour.content.nodes
from exotour.content.loader import check_content, load_tour
from exotour.content.schema import FORBIDDEN_CHARS, RECORDS
from exotour.render.screens import learn_screen
from exotour.tui.pages import Paginator

EXAMPLE = REPO / "examples" / "first-tour"
SECTION = "sections/start-here.yaml"
HEAD = "id: start-here\ntitle: What a tour is made of\ntakeaway: A folder.\n"
ESC = "\x1b"


@pytest.fixture
def tour_dir(tmp_path: Path) -> Path:
    """A writable copy of the example tour."""
    return shutil.copytree(EXAMPLE, tmp_path / "tour")


@pytest.fixture(params=["libyaml", "python"])
def parser(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Each hostile file is read by libyaml's composer and by PyYAML's pure-Python one, which is
    what the loader falls back to where libyaml is missing."""
    if request.param == "python":
        monkeypatch.setattr(exotour.content.nodes, "Loader", yaml.SafeLoader)
    elif not hasattr(yaml, "CSafeLoader"):  # pragma: no cover - PyYAML built without libyaml
        pytest.skip("PyYAML has no libyaml here")
    return str(request.param)


def problems_of(root: Path) -> list[str]:
    tour, problems = check_content(root)
    lines = [str(p) for p in problems]
    assert tour is None, lines
    return lines


# -- code never runs -----------------------------------------------------------------------------

PAYLOADS = [
    "!!python/object/apply:os.system ['touch {marker}']",
    "!!python/object/apply:subprocess.call [['touch', '{marker}']]",
    "!!python/object/new:os.system ['touch {marker}']",
    '!!python/object/apply:builtins.exec [\'open("{marker}", "w").close()\']',
]


@pytest.mark.parametrize("payload", PAYLOADS)
def test_a_python_tag_is_live_yaml_but_never_runs_here(
    payload: str,
    tour_dir: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    marker = tmp_path / "pwned"
    text = HEAD + f"body: {payload.format(marker=marker)}\n"
    # The payload is real: an unsafe loader runs it. (The control that makes this test mean it.)
    yaml.unsafe_load(text)
    assert marker.exists()
    marker.unlink()
    (tour_dir / SECTION).write_text(text, encoding="utf-8")
    assert problems_of(tour_dir)[0].startswith(f"{tour_dir / SECTION}:4:7: body: the tag ")
    monkeypatch.chdir(tmp_path)
    for command in ([], ["learn", "--plain"], ["show", "1"], ["validate", "tour"]):
        assert run_cli(["--content", "tour", *command], capsys).status == 2
    assert not marker.exists()


@pytest.mark.parametrize(
    "where",
    [
        "tour.yaml",
        "glossary.yaml",
        SECTION,
    ],
)
def test_a_python_tag_anywhere_is_refused(where: str, tour_dir: Path, tmp_path: Path) -> None:
    marker = tmp_path / "pwned"
    path = tour_dir / where
    tag = f"!!python/object/apply:os.system ['touch {marker}']"
    extra = {
        "tour.yaml": f"subtitle: {tag}\n",
        "glossary.yaml": f"  - term: X\n    definition: {tag}\n",
        SECTION: f"? {tag}\n: value\n",  # as a field name
    }[where]
    text = path.read_text(encoding="utf-8")
    if where == "tour.yaml":
        text = text.replace("subtitle: A small working example to copy, rename and rewrite\n", "")
    path.write_text(text + extra, encoding="utf-8")
    lines = problems_of(tour_dir)
    assert any("python/object/apply:os.system is not allowed" in line for line in lines), lines
    assert not marker.exists()


def test_a_real_process_shows_no_traceback_and_runs_nothing(tour_dir: Path, tmp_path: Path) -> None:
    marker = tmp_path / "pwned"
    (tour_dir / SECTION).write_text(
        f"!!python/object/apply:os.system ['touch {marker}']\n", encoding="utf-8"
    )
    done = subprocess.run(
        [PYTHON, "-m", "exotour", "--content", str(tour_dir), "learn"],
        capture_output=True,
        text=True,
        timeout=60,
        env=child_env(),
        stdin=subprocess.DEVNULL,
        check=False,
    )
    assert (done.returncode, done.stdout) == (2, "")
    assert done.stderr.startswith(f"exotour: error: {tour_dir / SECTION}:1:1: the tag ")
    assert "Traceback" not in done.stderr
    assert not marker.exists()


# -- nothing exhausts the machine ----------------------------------------------------------------


def bomb(levels: int, width: int = 9) -> str:
    """A billion-laughs document: `width ** levels` strings from a few hundred bytes."""
    lines = [f"l0: &l0 [{', '.join(['lol'] * width)}]"]
    lines += [f"l{i}: &l{i} [{', '.join([f'*l{i - 1}'] * width)}]" for i in range(1, levels + 1)]
    return "\n".join(lines) + "\n"


_BOMB_CHILD = """
import resource, sys
from pathlib import Path
# Little memory: 1 GiB of address space in all. Expanding the bomb would need far more.
resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))
from exotour.content.loader import check_content
tour, problems = check_content(Path(sys.argv[1]))
print(tour is None)
for problem in problems:
    print(problem)
"""


@pytest.mark.parametrize("levels", [8, 12])
def test_an_alias_bomb_is_refused_in_little_memory(tour_dir: Path, levels: int) -> None:
    (tour_dir / SECTION).write_text(HEAD + "body: A folder.\n" + bomb(levels), encoding="utf-8")
    done = subprocess.run(
        [PYTHON, "-c", _BOMB_CHILD, str(tour_dir)],
        capture_output=True,
        text=True,
        timeout=60,  # generous: a hang fails here rather than stalling the suite
        env=child_env(),
        check=False,
    )
    assert (done.returncode, done.stderr) == (0, "")
    assert done.stdout == (
        f"True\n{tour_dir / SECTION}:1:1: aliases expand to more than 10000 values\n"
    )


def test_an_alias_bomb_is_refused_by_either_parser(tour_dir: Path, parser: str) -> None:
    (tour_dir / SECTION).write_text(HEAD + "body: A folder.\n" + bomb(9), encoding="utf-8")
    assert problems_of(tour_dir) == [
        f"{tour_dir / SECTION}:1:1: aliases expand to more than 10000 values"
    ]


def test_aliases_within_the_bound_are_fine(tour_dir: Path) -> None:
    text = "id: start-here\ntitle: &t A folder\ntakeaway: *t\nbody: B.\nkeywords: [*t, b]\n"
    (tour_dir / SECTION).write_text(text, encoding="utf-8")
    tour, problems = check_content(tour_dir)
    assert tour is not None and problems == []
    section = tour.sections[0]
    assert (section.title, section.takeaway, section.keywords) == (
        "A folder",
        "A folder",
        ("A folder", "b"),
    )


def test_an_alias_loop_is_refused(tour_dir: Path, parser: str) -> None:
    (tour_dir / SECTION).write_text(HEAD + "body: B.\nkeywords: &k [a, *k]\n", encoding="utf-8")
    assert problems_of(tour_dir) == [
        f"{tour_dir / SECTION}:5:11: keywords[1]: an alias refers to a value that contains it "
        "(a loop)"
    ]


def test_deep_nesting_is_refused_by_either_parser(tour_dir: Path, parser: str) -> None:
    path = tour_dir / SECTION
    path.write_text(HEAD + "body: B.\nkeywords: " + "[" * 100 + "]" * 100 + "\n", encoding="utf-8")
    assert problems_of(tour_dir) == [f"{path}:5:43: keywords: values are nested more than 32 deep"]


@pytest.mark.parametrize("size", ["small", "large"])
def test_deep_block_nesting_is_refused_alike_in_a_small_file_and_a_large_one(
    tour_dir: Path, parser: str, size: str
) -> None:
    # A small file is composed without the prescan (nodes.PRESCAN_FROM_CHARS): the walk of the
    # nodes refuses it, at the same place and in the same words as the prescan does.
    path = tour_dir / SECTION
    nested = "".join(" " * depth + "-\n" for depth in range(40))
    body = "B." if size == "small" else "B. " * 2_000
    path.write_text(HEAD + f"body: {body}\nkeywords:\n{nested}", encoding="utf-8")
    large = len(path.read_text(encoding="utf-8")) > exotour.content.nodes.PRESCAN_FROM_CHARS
    assert large == (size == "large")
    assert problems_of(tour_dir) == [f"{path}:38:33: keywords: values are nested more than 32 deep"]


def test_very_deep_nesting_stops_the_parser_itself(tour_dir: Path, parser: str) -> None:
    depth = 100_000
    path = tour_dir / SECTION
    path.write_text(
        HEAD + "body: B.\nkeywords: " + "[" * depth + "]" * depth + "\n", encoding="utf-8"
    )
    (problem,) = problems_of(tour_dir)
    if parser == "libyaml":  # libyaml stops at its own limit, 1000 deep, where it is reached
        assert problem.startswith(f"{path}:5:")
        assert problem.endswith(": YAML syntax error: exceeded maximum nesting depth")
    else:  # the pure-Python parser is stopped before it slows down
        assert problem == f"{path}:5:43: keywords: values are nested more than 32 deep"


def test_a_number_too_long_to_convert(tour_dir: Path) -> None:
    path = tour_dir / "sections" / "check-and-share.yaml"
    text = path.read_text(encoding="utf-8").replace("answer: 2", "answer: " + "1" * 5000)
    path.write_text(text, encoding="utf-8")
    assert problems_of(tour_dir) == [
        f"{path}:30:13: quiz[0].answer: '111111111111111111111111111111111111111…' "
        "is not a usable whole number"
    ]


def test_a_huge_file_is_not_read_whole(tour_dir: Path) -> None:
    path = tour_dir / SECTION
    with path.open("wb") as handle:  # sparse: 2 GB on paper, nothing on disk
        handle.truncate(2_000_000_000)
    assert problems_of(tour_dir) == [
        f"{path}:1:1: the file is too large (2,000,000,000 bytes); "
        "the limit is 1 MB (1,000,000 bytes)"
    ]


def test_a_file_of_too_many_values_is_refused_before_it_is_built(tour_dir: Path) -> None:
    path = tour_dir / SECTION
    path.write_text(HEAD + "body: B.\nkeywords: [" + "a, " * 30_000 + "a]\n", encoding="utf-8")
    assert problems_of(tour_dir) == [f"{path}:1:1: the file holds more than 20000 values"]


def test_a_file_of_many_mistakes_shows_the_first_hundred(tour_dir: Path) -> None:
    path = tour_dir / SECTION
    path.write_text(HEAD + "body: B.\n" + "".join(f"extra{i}: x\n" for i in range(250)))
    lines = problems_of(tour_dir)
    assert len(lines) == 101
    assert lines[0].startswith(f"{path}:5:1: extra0: unknown field; valid fields: id, title")
    assert lines[-1] == f"{path}:1:1: 150 more problems in this file are not shown"


def test_devices_and_pipes_are_not_section_files(tour_dir: Path) -> None:
    (tour_dir / "sections" / "zero.yaml").symlink_to("/dev/zero")
    tour, problems = check_content(tour_dir)
    assert tour is not None  # not read, and said so: a warning, not silence
    assert [str(p) for p in problems] == [
        f"{tour_dir}/sections/zero.yaml:1:1: warning: zero.yaml is a device, not a file; not read"
    ]


# -- control characters and escape sequences -----------------------------------------------------

CONTROL = [chr(c) for c in [*range(0x00, 0x09), *range(0x0B, 0x20), *range(0x7F, 0xA0)]]
CONTROL += ["\u2028", "\u2029", *map(chr, range(0x202A, 0x202F)), *map(chr, range(0x2066, 0x206A))]


def test_every_control_character_is_refused_typed_or_escaped(tour_dir: Path) -> None:
    path = tour_dir / SECTION
    for char in CONTROL:
        code = f"U+{ord(char):04X}"
        for body, column in ((f"body: a{char}b\n", 8), (f'body: "a\\u{ord(char):04x}b"\n', 7)):
            path.write_text(HEAD + body, encoding="utf-8")
            assert problems_of(tour_dir) == [
                f"{path}:4:{column}: {'body: ' if column == 7 else ''}control character "
                f"{code} is not allowed in content"
            ], repr(char)
    assert FORBIDDEN_CHARS.pattern  # the same set the schema states (tests/test_schema.py)


def test_windows_line_ends_and_tabs_are_fine(tour_dir: Path) -> None:
    path = tour_dir / SECTION
    text = HEAD + 'body: "a\\tb"\nkeywords:\n  - one\n'
    path.write_bytes(text.replace("\n", "\r\n").encode("utf-8"))
    tour, problems = check_content(tour_dir)
    assert tour is not None and problems == []
    assert tour.sections[0].body == "a\tb"


def test_a_lone_carriage_return_is_refused(tour_dir: Path) -> None:
    path = tour_dir / SECTION
    path.write_bytes((HEAD + "body: Loading... 100%\rDone\n").encode("utf-8"))
    assert problems_of(tour_dir) == [
        f"{path}:4:22: control character U+000D is not allowed in content"
    ]


# -- text is text --------------------------------------------------------------------------------

MARKUP = "[red]MARK[/red]"


@pytest.fixture
def markup_tour(tmp_path: Path) -> Path:
    """The example tour with Rich markup in every kind of text it has."""
    root = shutil.copytree(EXAMPLE, tmp_path / "markup")

    def edit(name: str, *changes: tuple[str, str]) -> None:
        path = root / name
        text = path.read_text(encoding="utf-8")
        for old, new in changes:
            assert old in text, old
            text = text.replace(old, new, 1)
        path.write_text(text, encoding="utf-8")

    edit(
        "tour.yaml",
        ("Your first tour:", f"Your {MARKUP} first tour:"),
        ("subtitle: A small", f"subtitle: A {MARKUP} small"),
        ("disclaimer: This", f"disclaimer: This {MARKUP}"),
    )
    edit(
        SECTION,
        ("title: What", f"title: What {MARKUP}"),
        ("takeaway: A tour", f"takeaway: A {MARKUP} tour"),
        ("A tour is a folder", f"A tour is a {MARKUP} folder"),
        ("  - folder\n", f'  - "{MARKUP}"\n'),
    )
    edit(
        "sections/write-a-section.yaml",
        ("YAML is the file format", f"YAML {MARKUP} is the file format"),
        ("title: YAML Ain't", f"title: YAML {MARKUP} Ain't"),
        ("question: Which field", f"question: Which {MARKUP} field"),
        ("      - keywords\n", f'      - "{MARKUP}"\n'),
        ("explanation: The takeaway", f"explanation: The {MARKUP} takeaway"),
    )
    edit(
        "glossary.yaml",
        ("term: Takeaway", f"term: Take {MARKUP} away"),
        ("definition: A folder", f"definition: A {MARKUP} folder"),
    )
    return root


MARKUP_COMMANDS = [
    [],
    ["learn", "--plain"],
    ["show", "1"],
    ["show", "2"],
    ["summary"],
    ["summary", "--markdown"],
    ["sections"],
    ["glossary"],
    ["glossary", "tour"],
    ["search", "folder"],
    ["export"],
]


@pytest.mark.parametrize("command", MARKUP_COMMANDS, ids=lambda c: " ".join(c) or "welcome")
def test_markup_in_content_is_shown_literally(
    command: list[str],
    markup_tour: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("COLUMNS", "200")  # so no line is wrapped inside the markup
    result = run_cli(["--content", str(markup_tour), *command], capsys)
    assert result.status == 0, result.err
    # Markdown output escapes the brackets, which a Markdown reader then shows as written.
    out = result.out.replace("\\[", "[").replace("\\]", "]")
    assert MARKUP in out
    assert out.count("MARK") == out.count(MARKUP), "every MARK keeps its brackets"
    assert ESC not in result.out


def test_markup_in_titles_is_literal_on_the_learn_screen(markup_tour: Path) -> None:
    tour = load_tour(markup_tour)
    pages = Paginator(tour, 80, 24)
    console = Console(width=80, height=24, color_system=None, record=True, file=io.StringIO())
    for index in range(len(tour.sections)):
        screen = learn_screen(
            tour, index, pages.pages(index)[0], 0, pages.count(index), (80, 24), ""
        )
        console.print(screen)
    text = console.export_text()
    assert f"1. What {MARKUP}" in text  # the panel's title
    assert text.count("MARK") == text.count(MARKUP)


# -- arbitrary input never raises ----------------------------------------------------------------


def _bucket(seconds: float) -> str:
    for limit in (0.01, 0.1, 1.0):
        if seconds < limit:
            return f"check_content under {limit} s"
    return "check_content took 1 s or more"


def check_quietly(root: Path) -> None:
    """check_content reports or accepts: positions are real, and a refused tour has an error."""
    started = time.perf_counter()
    tour, problems = check_content(root)
    event(_bucket(time.perf_counter() - started))
    for problem in problems:
        assert problem.line >= 1 and problem.column >= 1
        assert "\n" not in problem.message
        assert not FORBIDDEN_CHARS.search(str(problem)), "a message never carries control chars"
    assert (tour is None) == any(not p.is_warning for p in problems)


@pytest.fixture(scope="module")
def fuzz_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return shutil.copytree(EXAMPLE, tmp_path_factory.mktemp("fuzz") / "tour")


FUZZ = settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


@FUZZ
@given(st.text(max_size=400))
def test_arbitrary_text_in_a_section_file(fuzz_dir: Path, text: str) -> None:
    (fuzz_dir / SECTION).write_text(text, encoding="utf-8", errors="surrogatepass")
    check_quietly(fuzz_dir)


@FUZZ
@given(st.binary(max_size=300))
def test_arbitrary_bytes_in_a_section_file(fuzz_dir: Path, data: bytes) -> None:
    (fuzz_dir / SECTION).write_bytes(data)
    check_quietly(fuzz_dir)


# Pieces of YAML with a meaning: indicators, anchors, aliases, tags, escapes, field names.
_NAMES = sorted({spec.name for record in RECORDS.values() for spec in record.fields})
_TOKENS = st.sampled_from(
    [
        *(f"{name}: " for name in _NAMES),
        "- ",
        "  ",
        "\n",
        "\t",
        ": ",
        "? ",
        "[",
        "]",
        "{",
        "}",
        ", ",
        "&a ",
        "*a",
        "&b ",
        "*b",
        "<<: ",
        "!!python/object/apply:os.system ",
        "!!str ",
        "!!int ",
        "!!binary ",
        "!local ",
        "|\n  ",
        ">-\n  ",
        '"\\e[2J"',
        '"\\u202e"',
        "'quoted'",
        "---\n",
        "...\n",
        "# comment\n",
        "~",
        "yes",
        "2024-01-02",
        "1" * 30,
        "0x1F",
        ".inf",
        "text",
        "%YAML 1.1\n",
    ]
)


@FUZZ
@given(st.lists(_TOKENS, max_size=60).map("".join))
def test_arbitrary_yaml_shaped_text_in_a_section_file(fuzz_dir: Path, text: str) -> None:
    (fuzz_dir / SECTION).write_text(text, encoding="utf-8")
    check_quietly(fuzz_dir)


_SCALARS = st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=30)
_KEYS = st.sampled_from(_NAMES) | st.text(max_size=12)
_DOCUMENTS = st.recursive(
    _SCALARS,
    lambda inner: st.lists(inner, max_size=5) | st.dictionaries(_KEYS, inner, max_size=6),
    max_leaves=40,
)


@FUZZ
@given(_DOCUMENTS, st.sampled_from([False, True]), st.sampled_from([None, False, True]))
def test_arbitrary_yaml_documents_in_a_section_file(
    fuzz_dir: Path, document: object, canonical: bool, flow: bool | None
) -> None:
    text = yaml.safe_dump(
        document, allow_unicode=True, canonical=canonical, default_flow_style=flow
    )
    (fuzz_dir / SECTION).write_text(text, encoding="utf-8")
    check_quietly(fuzz_dir)


_SMALL_DOCUMENTS = st.recursive(
    _SCALARS,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(_KEYS, inner, max_size=4),
    max_leaves=8,
)


def _section_like() -> st.SearchStrategy[dict[str, Any]]:
    """Mappings with the section's field names and values of any shape."""
    return st.fixed_dictionaries(
        {"id": st.just("start-here")},
        optional={name: _SMALL_DOCUMENTS for name in _NAMES if name != "id"},
    )


@FUZZ
@given(_section_like())
def test_section_shaped_documents_reach_every_check(fuzz_dir: Path, document: object) -> None:
    (fuzz_dir / SECTION).write_text(yaml.safe_dump(document), encoding="utf-8")
    check_quietly(fuzz_dir)


# -- only what the loader reads is read, and never hung on ---------------------------------------


@pytest.mark.parametrize("where", ["tour.yaml", "glossary.yaml"])
def test_a_fifo_named_like_a_tour_file_is_named_never_read(tour_dir: Path, where: str) -> None:
    path = tour_dir / where
    path.unlink()
    os.mkfifo(path)  # nobody writes to it: a read would wait for ever
    assert problems_of(tour_dir) == [f"{path}:1:1: {where} is a FIFO (named pipe), not a file"]


def test_a_device_named_like_the_tour_file_is_named(tour_dir: Path) -> None:
    path = tour_dir / "tour.yaml"
    path.unlink()
    path.symlink_to("/dev/zero")
    assert problems_of(tour_dir) == [f"{path}:1:1: tour.yaml is a device, not a file"]


def test_a_dangling_link_named_like_the_tour_file(tour_dir: Path) -> None:
    path = tour_dir / "tour.yaml"
    path.unlink()
    path.symlink_to(tour_dir / "nowhere.yaml")
    assert problems_of(tour_dir) == [f"{path}:1:1: tour.yaml is a symbolic link to nothing"]


def test_a_fifo_in_sections_is_a_warning_not_a_hang(tour_dir: Path) -> None:
    os.mkfifo(tour_dir / "sections" / "pipe.yaml")
    tour, problems = check_content(tour_dir)
    assert tour is not None
    assert [str(p) for p in problems] == [
        f"{tour_dir}/sections/pipe.yaml:1:1: warning: pipe.yaml is a FIFO (named pipe), not a "
        "file; not read"
    ]


def test_other_files_in_the_folder_are_never_read(tour_dir: Path) -> None:
    (tour_dir / "notes.txt").write_bytes(b"\xff" * 100)
    with (tour_dir / "huge.bin").open("wb") as handle:  # sparse: 3 GB on paper
        handle.truncate(3_000_000_000)
    os.mkfifo(tour_dir / "sections" / "pipe.txt")
    tour, problems = check_content(tour_dir)
    assert tour is not None and problems == []


def test_a_file_name_that_is_not_utf8_is_named_with_escapes(
    tour_dir: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    name = os.fsdecode(b"caf\xe9.yaml")
    (tour_dir / "sections" / name).write_text("id: cafe\ntitle: C\nbody: B.\n", encoding="utf-8")
    monkeypatch.chdir(tour_dir)
    result = run_cli(["validate", "."], capsys)
    assert result.status == 2
    assert result.out.splitlines() == [
        "sections/caf\\udce9.yaml:1:1: warning: takeaway: missing; 'exotour summary' will show "
        "none for this section",
        "sections/caf\\udce9.yaml:1:5: id: section 'cafe' is not listed in tour.yaml",
    ]
