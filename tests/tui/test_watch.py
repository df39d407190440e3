"""`learn --watch`: a change to the files reloads the tour in place; a broken file shows its
problems on the screen, and fixing it brings the tour back."""

from __future__ import annotations

import io
from pathlib import Path

from helpers import ONE_YAML, write_content
from rich.console import Console

from exotour.content.loader import load_tour
from exotour.model import Tour
from exotour.state.progress import ProgressStore, Saved
from exotour.tui.walkthrough import Position, Walkthrough
from exotour.tui.watch import Watcher, stamp

LONG = ONE_YAML.replace(
    "body: Hello.", "body: |\n" + "".join(f"  Line {n} of the body.\n\n" for n in range(40))
)


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def edit(folder: Path, text: str) -> None:
    path = folder / "sections" / "one.yaml"
    before = path.stat().st_mtime_ns
    path.write_text(text, encoding="utf-8")
    if path.stat().st_mtime_ns == before:  # a coarse clock: make the change visible
        import os

        os.utime(path, ns=(before + 1_000_000, before + 1_000_000))


def screen_text(walk: Walkthrough) -> str:
    console = Console(file=io.StringIO(), width=walk.size[0], color_system=None)
    with console.capture() as capture:
        console.print(walk.screen())
    return capture.get()


def test_the_watcher_reloads_only_when_a_file_changed(tmp_path: Path) -> None:
    folder = write_content(tmp_path / "tour")
    clock = Clock()
    loads: list[int] = []

    def load() -> Tour:
        loads.append(1)
        return load_tour(folder)

    watcher = Watcher(folder, load, clock=clock)
    clock.now = 1
    assert watcher.poll() is None  # nothing changed
    edit(folder, ONE_YAML.replace("Hello.", "Hello again."))
    clock.now = 1.2
    assert watcher.poll() is None  # too soon to look again
    clock.now = 2
    tour = watcher.poll()
    assert isinstance(tour, Tour)
    assert "Hello again." in tour.sections[0].body
    clock.now = 3
    assert watcher.poll() is None
    assert len(loads) == 1


def test_stamp_sees_new_files_and_skips_hidden_ones(tmp_path: Path) -> None:
    folder = write_content(tmp_path / "tour")
    before = stamp(folder)
    (folder / ".swap").write_text("editor noise", encoding="utf-8")
    assert stamp(folder) == before
    (folder / "sections" / "two.yaml").write_text("id: two\n", encoding="utf-8")
    assert stamp(folder) != before


def test_a_broken_file_shows_in_place_and_a_fix_brings_the_tour_back(tmp_path: Path) -> None:
    folder = write_content(tmp_path / "tour", {"sections/one.yaml": LONG})
    tour = load_tour(folder)
    console = Console(file=io.StringIO(), width=60, height=15, color_system=None)
    walk = Walkthrough(tour, console, ProgressStore(tmp_path, tour.id), Saved(), Position(0))
    clock = Clock()
    walk.watcher = Watcher(folder, lambda: load_tour(folder), clock=clock)
    walk.handle("n")
    walk.handle("n")
    place = walk.place
    first_line = walk.pages.pages(0)[2].text.split("\n")[0]

    edit(folder, LONG.replace("title: One", "title: [One"))
    clock.now = 1
    assert walk.tick()
    text = screen_text(walk)
    assert "The tour has problems" in text
    assert "one.yaml:3:" in text and "YAML syntax error" in text
    assert walk.handle("n")  # keys wait; nothing moves
    assert walk.position == Position(0, 2)

    edit(folder, LONG.replace("Line 0 of", "Line zero of"))
    clock.now = 2
    assert walk.tick()
    assert walk.problems == ()
    assert "Line zero of" in walk.tour.sections[0].body
    assert walk.place != place  # the text above it grew: the same line is found by its words
    assert walk.pages.pages(0)[walk.position.page].text.split("\n")[0] == first_line
    assert walk.message == "Reloaded: the files changed"
    assert walk.handle("q") is False
