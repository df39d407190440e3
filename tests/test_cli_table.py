"""The fast path's table is the Typer app's command line, and the fast path parses as Click does.

exotour._commandline is generated from cli.py by scripts/commandline.py. After adding an option,
a command or changing a default in cli.py, run `python scripts/commandline.py`: the first test
here fails until then.
"""

from __future__ import annotations

import importlib
import importlib.util
import inspect
import os
from collections.abc import Iterator
from contextlib import contextmanager
from functools import partial
from pathlib import PurePath
from types import ModuleType
from typing import Any

import pytest
import typer
from helpers import REPO, run_cli, run_typer
from hypothesis import given, settings
from hypothesis import strategies as st

from exotour import entry
from exotour._commandline import COMMANDS, ROOT, Command
from exotour.cli import app
from exotour.commands import Options


def _generator() -> ModuleType:
    spec = importlib.util.spec_from_file_location("commandline", REPO / "scripts/commandline.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_table_is_generated_from_the_app_as_it_is_now() -> None:
    table = REPO / "src" / "exotour" / "_commandline.py"
    assert table.read_text(encoding="utf-8") == _generator().render(), (
        "cli.py and its table differ: run `python scripts/commandline.py`"
    )


def test_the_check_mode_says_whether_the_table_is_current() -> None:
    assert _generator().main(["--check"]) == 0


def test_the_table_names_every_command_of_the_app() -> None:
    group = typer.main.get_command(app)
    assert isinstance(group, typer.core.TyperGroup)
    assert set(COMMANDS) == set(group.commands)


INJECTED = frozenset({"streams"})


def _exposed(command: Command) -> set[str]:
    return {param.name for param in command.params if param.exposed}


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_each_run_function_takes_the_tables_names(name: str) -> None:
    run = importlib.import_module(f"exotour.commands.{name}").run
    # The streams that tests inject (as httpie's Environment) never come from the command line.
    names = [name for name in inspect.signature(run).parameters if name not in INJECTED]
    assert names[0] == "options"
    # A global option repeated after the command goes into Options, not to run().
    assert set(names[1:]) == _exposed(COMMANDS[name]) - _exposed(ROOT)


def test_options_take_the_global_options_names() -> None:
    names = set(inspect.signature(Options).parameters)
    assert names == _exposed(ROOT)


def _minimal(command: Command) -> list[str]:
    """The shortest command line that COMMAND accepts: a word for each required argument."""
    words = {"query": "collagen", "section": "1", "folder": "tour"}
    return [command.name] + [
        words.get(param.name, "x")
        for param in command.params
        if param.kind == "argument" and param.required
    ]


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_both_paths_call_run_with_the_same_values(
    name: str,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    calls: list[tuple[dict[str, Any], dict[str, Any]]] = []

    def record(options: Options, **params: Any) -> int:
        calls.append((vars(options), params))
        return 0

    module = importlib.import_module(f"exotour.commands.{name}")
    monkeypatch.setattr(module, "run", record)
    argv = ["--no-color", *_minimal(COMMANDS[name])]
    if entry.plain_call(argv) is None:
        # Only a command with a parameter the fast path cannot parse goes to Typer whole.
        assert not all(param.plain for param in COMMANDS[name].params)
    assert run_cli(argv, capsys).status == 0
    assert run_typer(argv, capsys).status == 0
    fast, typer_call = calls
    assert fast == typer_call


# -- the fast parser against Click's, on any command line built from the table ----------------


@pytest.fixture(scope="module")
def places(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    root = tmp_path_factory.mktemp("places")
    (root / "a-file").write_text("x", encoding="utf-8")
    (root / "a-folder").mkdir()
    return {
        "folder": str(root / "a-folder"),
        "file": str(root / "a-file"),
        "missing": str(root / "missing"),
    }


_VALUES = ["1", "3", "0", "-1", "+2", " 4", "1_0", "x", "", "collagen", "stem cells"]
_ODD = ["--", "-", "-h", "--help", "--bogus", "-n5", "--json=1", "--content="]


def _pair(flag: str, value: str) -> list[str]:
    return [flag, value]


def _joined(flag: str, value: str) -> list[str]:
    return [f"{flag}={value}"]


def _units(command: Command, places: dict[str, str]) -> st.SearchStrategy[list[str]]:
    """One piece of a command line: a flag, an option with its value (as two words or as
    --opt=value), a positional word, or now and then something odd."""
    values = st.sampled_from([*_VALUES, *places.values()])
    pieces: list[st.SearchStrategy[list[str]]] = [values.map(lambda v: [v])]
    for param in command.params:
        for flag in (*param.opts, *param.secondary_opts) if param.kind == "option" else ():
            if param.is_flag:
                pieces.append(st.just([flag]))
            else:
                pieces.append(values.map(partial(_pair, flag)))
                if flag.startswith("--"):
                    pieces.append(values.map(partial(_joined, flag)))
    odd = st.sampled_from(_ODD).map(lambda v: [v])
    return st.one_of(*pieces, odd)


def _key(piece: list[str]) -> str:
    """Pieces that name the same option share a key: most lines give each option once."""
    return piece[0].split("=")[0]


def _line(places: dict[str, str]) -> st.SearchStrategy[list[str]]:
    """Command lines mostly made of what the table knows, with some odd words among them."""

    def tail(name: str) -> st.SearchStrategy[list[str]]:
        if name not in COMMANDS:
            return st.just([name])
        units = st.lists(_units(COMMANDS[name], places), max_size=4, unique_by=_key)
        return units.map(lambda pieces: [name, *(word for piece in pieces for word in piece)])

    names = st.sampled_from([*sorted(COMMANDS), "bogus", ""])
    options = _units(ROOT, places).filter(lambda piece: piece[0].startswith("-"))
    root = st.lists(options, max_size=2, unique_by=_key)
    return st.builds(
        lambda head, rest: [*(word for piece in head for word in piece), *rest],
        root,
        st.one_of(st.just([]), names.flatmap(tail)),
    )


@contextmanager
def _variable(name: str, value: str | None) -> Iterator[None]:
    """NAME set to VALUE (None: unset) for a moment; Hypothesis runs many lines in one test."""
    before = os.environ.get(name)
    if value is None:
        os.environ.pop(name, None)
    else:
        os.environ[name] = value
    try:
        yield
    finally:
        if before is None:
            os.environ.pop(name, None)
        else:
            os.environ[name] = before


def _as_text(params: dict[str, Any]) -> dict[str, Any]:
    """Click's values with a folder (clitypes.folder_path, made a Path by Click) as its text, as
    the fast path keeps it until to_python."""
    return {k: str(v) if isinstance(v, PurePath) else v for k, v in params.items()}


@settings(max_examples=500, deadline=None)
@given(data=st.data())
def test_whatever_the_fast_path_takes_click_parses_the_same(
    data: st.DataObject, places: dict[str, str]
) -> None:
    args = data.draw(_line(places), label="args")
    variable = data.draw(st.sampled_from([None, "", *places.values()]), label="EXOTOUR_CONTENT")
    with _variable("EXOTOUR_CONTENT", variable):
        parsed = entry.parse(args, os.environ)
        if parsed is None:
            return  # Typer's to parse
        group = typer.main.get_command(app)
        assert isinstance(group, typer.core.TyperGroup)
        context = group.make_context("exotour", list(args))
        assert _as_text(context.params) == parsed.root
        assert context.args == parsed.words
        if parsed.command is None:
            return
        command = group.commands[parsed.command]
        sub = command.make_context(parsed.command, list(parsed.words), parent=context)
        assert _as_text(sub.params) == parsed.params


def test_the_fast_path_takes_options_after_the_command() -> None:
    parsed = entry.parse(["search", "-n", "3", "stem", "--json", "cells"], {})
    assert parsed is not None
    # no_color is search's own copy of the global option; calling run() folds it into Options.
    assert parsed.params == {
        "query": ("stem", "cells"),
        "limit": 3,
        "as_json": True,
        "no_color": False,
    }
