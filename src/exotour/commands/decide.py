"""`exotour decide [--restart] [--output FILE] [--json]`: the decision worksheet, in six steps.

On a terminal (stdin and stdout both) each answer is a single key (a number, y or n, 0-5,
Enter to go on), as in `quiz`; the two answers in words (by when, the next step) are a line
each. Otherwise answers are read one a line, and the pages the reader only reads on need no
line: `printf '1\\nsoon\\ny\\n...' | exotour decide`. An answer that does not fit gets a word
on why and the question again; `q` (or Esc) stops. Every answer is saved as it is given, in the
progress file (per tour), so a worksheet stopped anyhow (q, the end of input, Ctrl-C) resumes at
the question it left; `--restart` starts over. `--json` prints the saved worksheet and
`--output FILE` writes the one-page handout (.html or .md), neither asking anything.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from exotour.commands import Options, command_prefix, emit, load, store_for, warn
from exotour.commands.quiz import KeySource, Streams, _Screen, default_streams
from exotour.errors import ExitStatus, UsageError
from exotour.i18n import _

if TYPE_CHECKING:
    from contextlib import AbstractContextManager

    from exotour.decision import Decision
    from exotour.model import Tour
    from exotour.worksheet import Ask, Worksheet

_IGNORED_KEYS = frozenset({"unknown"})
_GO_ON_KEYS = frozenset({"enter", "space", "right"})
_STOP = "stop"


def decision_of(tour: Tour) -> Decision:
    """The tour's decision aid; a UsageError (exit 2) for a tour without one."""
    if tour.decision is None:
        raise UsageError(
            _("this tour has no decision aid (its content folder holds no decision.yaml)"),
            hint=_("a tour's author can add one as decision.yaml (see docs/authoring.md)"),
        )
    return tour.decision


def run(
    options: Options,
    *,
    restart: bool = False,
    output: Path | None = None,
    as_json: bool = False,
    force: bool = False,
    streams: Streams | None = None,
) -> ExitStatus:
    if output is not None and as_json:
        raise UsageError(
            _("--json and --output cannot be used together"),
            hint=_("use --json to print the worksheet, or --output FILE to write the handout"),
        )
    from exotour.commands.export import STDOUT_NAMES, check_target

    target = None if output is None or str(output) in STDOUT_NAMES else output
    if target is not None:
        _handout_format(target)
        check_target(target, force=force)
    tour = load(options)
    decision = decision_of(tour)
    from exotour.worksheet import Worksheet

    store = store_for(tour)
    saved = store.load()
    sheet = Worksheet(decision) if restart else Worksheet.from_saved(decision, saved.decide)
    if restart:
        store.save(saved.with_decide(()))
    warn(store.warnings)
    if as_json:
        from exotour.commands import write_json
        from exotour.worksheet import as_json as worksheet_json

        write_json(worksheet_json(tour.id, sheet))
        return ExitStatus.OK
    if output is not None:
        return _write_handout(tour, sheet, output, target)
    return _ask(options, tour, sheet, streams or default_streams(options))


def _handout_format(path: Path) -> str:
    suffix = path.suffix.lower()
    if suffix in (".html", ".htm"):
        return "html"
    if suffix in (".md", ".markdown", ".txt", ""):
        return "markdown"
    from exotour.text import printable

    stem = printable(path.stem) or "handout"
    raise UsageError(
        _("cannot write {file}: the handout is HTML or Markdown, not {suffix}").format(
            file=printable(str(path)), suffix=printable(suffix)
        ),
        hint=_("name the file {stem}.html (to print) or {stem}.md").format(stem=stem),
    )


def _write_handout(tour: Tour, sheet: Worksheet, output: Path, target: Path | None) -> ExitStatus:
    from exotour.commands.export import write_atomically, wrote
    from exotour.render.handout import handout

    fmt = _handout_format(output) if target is not None else "markdown"
    text = handout(tour, sheet, fmt)
    if target is None:
        from exotour.commands import write

        write(text)
        return ExitStatus.OK
    write_atomically(target, text)
    print(wrote(target, fmt, text))
    return ExitStatus.OK


def _ask(options: Options, tour: Tour, sheet: Worksheet, streams: Streams) -> ExitStatus:
    from exotour.render import decide as screens

    prefix = command_prefix(options)
    screen = _Screen(options, streams.console)
    whole = not streams.console.is_terminal
    store = store_for(tour)
    _replace_bad_bytes(streams)
    if sheet.answers and not sheet.done:
        screen.show(screens.resumed(sheet, prefix))
    shown_step = 0
    try:
        while (ask := sheet.current) is not None:
            shown = screens.before(sheet, ask, ask.step != shown_step, whole=whole)
            shown_step = ask.step
            if shown is not None and ask.kind == "ack" and streams.keys is not None:
                emit(options, shown, streams.console)  # a long page through the pager
            elif shown is not None:
                screen.show(shown)
            answered = _answer(sheet, ask, screen, streams)
            if answered is None:
                break
            sheet = answered
            store.save(store.load().with_decide(sheet.answers))
            warn(store.warnings)
            store.warnings.clear()
    except KeyboardInterrupt:
        screen.finish_line("")
        screen.show(screens.ending(sheet, prefix))
        return ExitStatus.INTERRUPTED
    screen.show(screens.ending(sheet, prefix))
    return ExitStatus.OK


def _answer(sheet: Worksheet, ask: Ask, screen: _Screen, streams: Streams) -> Worksheet | None:
    """The worksheet with ASK answered, asking again until an answer fits; None to stop."""
    from exotour.render import decide as screens
    from exotour.text import printable
    from exotour.worksheet import retry_words

    if ask.kind == "ack" and streams.keys is None:
        return sheet.take(ask, "")  # a page only read on needs no line from a pipe
    while True:
        screen.prompt(screens.prompt_text(ask))
        keys = None if ask.kind == "text" else streams.keys  # words are typed as a line
        said = _line(streams) if keys is None else _key(keys)
        if said is None or said == _STOP:
            screen.answered(_("(stopped)") if said == _STOP else _("(end of input)"))
            return None
        if ask.kind == "ack":
            screen.answered("")
            return sheet.take(ask, "")
        if not (ask.kind == "text" and streams.keys is not None):  # a terminal echoed it
            screen.answered(printable(said.strip())[:60])
        taken = sheet.take(ask, said)
        if taken is not None:
            return taken
        screen.finish_line(retry_words(ask, said))


def _replace_bad_bytes(streams: Streams) -> None:
    """A stray byte in an answer is a bad answer, not a crash (before the first read only)."""
    import contextlib
    import io

    if isinstance(streams.lines, io.TextIOWrapper):
        with contextlib.suppress(ValueError):  # read from already: left as it is
            streams.lines.reconfigure(errors="replace")


def _line(streams: Streams) -> str | None:
    """One line of input: None at its end, _STOP for q; the line without its newline."""
    line = streams.lines.readline()
    if not line:
        return None
    from exotour.worksheet import QUIT_WORDS

    said = line.rstrip("\r\n")
    return _STOP if said.strip().casefold() in QUIT_WORDS else said


def _key(source: AbstractContextManager[KeySource]) -> str | None:
    """One key: its answer ('1', 'y', ...), '' for Enter, _STOP for q or Esc, None at EOF."""
    from exotour.tui.keys import EOF_KEY, REDRAW_KEY

    with source as keys:
        while True:
            key = keys.read_key()
            if key is None or key in _IGNORED_KEYS or key == REDRAW_KEY:
                continue
            if key == EOF_KEY:
                return None
            if key in ("q", "Q", "esc"):
                return _STOP
            if key in _GO_ON_KEYS:
                return ""
            return key
