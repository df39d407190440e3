"""Every screen and output a reader meets, drawn in one language with the built-in tour in it:
the commands (in-process, as `exotour --lang LANG ...` with the streams captured), the files they
write, their errors, and the walkthrough with its overlays at three sizes. For the test that no
English is left on a Spanish screen (test_no_english_on_spanish_screens.py)."""

from __future__ import annotations

import html
import io
import re
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from helpers import run_cli
from rich.console import Console

from exotour import i18n
from exotour.commands import store_for
from exotour.content.loader import load_tour
from exotour.content.location import builtin_content_dir
from exotour.tui.position import Position
from exotour.tui.walkthrough import Walkthrough

# What a reader types, in each language: the words searched and looked up, and "yes".
WORDS = {
    "en": {"search": "injections", "term": "stem cell", "yes": "y"},
    "es": {"search": "inyecciones", "term": "célula madre", "yes": "s"},
}
# Keys pressed in the walkthrough: every overlay (?, t, /, the glossary's w), a search and its
# hits, a key that does nothing, a section number typed, the closing screen, and back to the
# last page (so the next size resumes inside a section).
KEYS = (
    *("n", "?", "x", "t", "down", "esc", "/"),
    *"inyección",
    *("enter", "down", "enter", "n", "N", "'", "esc", "N", "z", "w", "esc", ":", "9", "9"),
    *("enter", "esc", "G", "n", "x", "p"),
)
SIZES = ((80, 24), (40, 15), (200, 60))
# The words the reader types below that a screen shows back (a folder's name, wrong values),
# the same in both languages.
TYPED = frozenset({"rota", "mal", "titulo", "otra", "lern", "bogus", "pdf", "nowhere", "zzz"})
_TAG = re.compile(r"<[^>]+>")
_STYLE = re.compile(r"<style>.*?</style>", re.S)


def page_text(markup: str) -> str:
    """The words of an HTML page, as a reader sees them: no tags, no style sheet."""
    return html.unescape(_TAG.sub("\n", _STYLE.sub("", markup)))


def _broken_copy(folder: Path, target: Path) -> Path:
    """A copy of the tour FOLDER with one fault of each kind validate explains."""
    shutil.copytree(folder, target)
    tour = target / "tour.yaml"
    text = tour.read_text(encoding="utf-8")
    tour.write_text(re.sub(r"(?m)^language: .*$", "language: xx_1", text), encoding="utf-8")
    section = target / "sections" / "safety.yaml"
    text = section.read_text(encoding="utf-8")
    text = text.replace("url: https://", "url: ftp://", 1).replace("\ntitle:", "\ntitulo:", 1)
    section.write_text(text.replace("\nid: safety", "\nid: Mal_ID", 1), encoding="utf-8")
    decision = target / "decision.yaml"
    text = decision.read_text(encoding="utf-8")
    decision.write_text(text.replace("kind: exosome", "kind: otra", 1), encoding="utf-8")
    with (target / "glossary.yaml").open("a", encoding="utf-8") as glossary:
        glossary.write("  - {a: 1}\n")
    return target


def _walk(language: str, broken: Path) -> Iterator[str]:
    """The walkthrough's screens, key after key, at each size; a place resumed; and `--watch`
    reloading the tour, then finding the BROKEN copy's problems."""
    from exotour.commands.learn import _resume
    from exotour.errors import ExotourError

    tour = load_tour(builtin_content_dir(language))
    try:
        load_tour(broken)
    except ExotourError as error:
        problems = tuple(error.lines()) or (error.message,)
    for width, height in SIZES:
        console = Console(file=io.StringIO(), width=width, height=height, color_system=None)
        store = store_for(tour)
        walk = Walkthrough(tour, console, store, store.load(), Position(0), size=(width, height))
        _resume(walk, store.load())
        for key in KEYS:
            yield _drawn(walk, width, height)
            walk.handle(key)
        yield _drawn(walk, width, height)
        walk.save()
        walk.reload(tour)
        yield _drawn(walk, width, height)
        walk.problems = problems
        yield _drawn(walk, width, height)


def _drawn(walk: Walkthrough, width: int, height: int) -> str:
    console = Console(
        file=io.StringIO(), width=width, height=height, color_system=None, record=True
    )
    console.print(walk.screen())
    return console.export_text()


def screens(
    language: str, tmp: Path, capsys: pytest.CaptureFixture[str], mp: pytest.MonkeyPatch
) -> dict[str, str]:
    """Each screen and written file, by name, as LANGUAGE's reader sees it (both streams)."""
    words, drawn = WORDS[language], {}
    mp.setenv("COLUMNS", "100")
    mp.chdir(tmp)
    i18n.use(language)
    yes = words["yes"]

    def run(name: str, *argv: str, stdin: str = "") -> None:
        mp.setattr("sys.stdin", io.StringIO(stdin))
        result = run_cli(["--lang", language, *argv], capsys)
        drawn[name] = f"{result.out}\n{result.err}"

    run("welcome")
    for command in ("summary", "sections", "about", "glossary"):
        run(command, command)
    run("summary-all", "summary", "--all")
    run("learn-plain", "learn", "--plain")
    run("show", "show", "5")
    run("search", "search", words["search"])
    run("search-none", "search", "xyzzy")
    run("glossary-term", "glossary", words["term"])
    run("glossary-none", "glossary", "zzz")
    run("quiz-stopped", "quiz", stdin="1\nq\n")
    run("quiz", "quiz", stdin="1\n" * 60)
    run("quiz-section", "quiz", "5", stdin="2\n" * 9)
    run("decide", "decide", stdin=f"1\n\n{yes}\nn\n{yes}\n{yes}\n3\n3\n3\n3\n3\n" + f"{yes}\n" * 4)
    run("decide-again", "decide", stdin="\n" * 3)
    run("decide-handout", "decide", "-o", "handout.html")
    drawn["handout"] = page_text((tmp / "handout.html").read_text(encoding="utf-8"))
    run("export-html", "export", "-f", "html", "-o", "tour.html")
    drawn["export-html"] = page_text((tmp / "tour.html").read_text(encoding="utf-8"))
    run("export-markdown", "export", "-f", "markdown", "-o", "tour.md")
    markdown = (tmp / "tour.md").read_text(encoding="utf-8")
    drawn["export-markdown"] = re.sub(r"\\(.)", r"\1", markdown)  # as Markdown shows it
    run("sections-after", "sections")
    run("welcome-after")
    broken = _broken_copy(builtin_content_dir(language), tmp / "rota")
    run("validate", "validate", str(broken))
    for number, argv in enumerate(ERRORS):
        run(f"error-{number}", *argv)
    mp.setenv("NO_COLOR", "1")
    run("welcome-no-color")
    i18n.use(language)
    for number, screen in enumerate(_walk(language, broken)):
        drawn[f"learn-{number}"] = screen
    return drawn


# The error paths: bad options and values, a missing folder, what is not there.
ERRORS: tuple[tuple[str, ...], ...] = (
    ("lern",),
    ("learn", "--bogus"),
    ("search",),
    ("search", "-n", "0", "x"),
    ("show", "99"),
    ("learn", "zzz"),
    ("quiz", "zzz"),
    ("learn", "1", "--at", "xyzzy"),
    ("learn", "--at", "collagen"),
    ("export", "-f", "pdf"),
    ("summary", "--json", "--markdown"),
    ("decide", "--json", "-o", "x.md"),
    ("export", "-o", "/nonexistent/x.html"),
    ("--content", "nowhere", "sections"),
    ("--content", "", "sections"),
    ("new", "rota"),
)

Draw = Callable[[str, Path, pytest.CaptureFixture[str], pytest.MonkeyPatch], dict[str, str]]
