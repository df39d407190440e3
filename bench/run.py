#!/usr/bin/env python3
"""The exotour benchmark: start-up, page turns, and tours of 10 to 5,000 sections.

Run it from the repository, in the environment where exotour is installed (any Python that can
import exotour's dependencies works; a checkout without `pip install` falls back to `src/`):

    python bench/run.py            # the full run, about a minute on 2 cores
    python bench/run.py --quick    # a smoke run: one small tour, one run of each command
    python bench/run.py --generate DIR --sections 1000   # only write a generated tour to DIR

It prints Markdown tables:

1. The machine: cores, CPU model, Python and library versions.
2. For generated tours of 10, 100, 1,000 and 5,000 sections, in-process: the time to read and
   check the folder (loader.check_content) and to load it from the tour cache (tourcache.load),
   to build the search index and to open it again (from its cache file for big tours, rebuilt in
   memory for small ones), to search "collagen", and to turn a page at 80x24 (Paginator +
   render.learn_screen printed to an in-memory console). The per-section column shows that the
   cost grows no faster than the content. For the built-in tour, every page turn twice: with
   each section cut into pages on arrival, and as `learn` turns them (the next section cut while
   the reader reads, as Walkthrough.cut_ahead does); the target is on the second.
3. Whole-process wall times, the median of 7 runs each, of the installed `exotour` script (as a
   user runs it, output to a pipe, state and caches in a temporary folder), each as a ratio to
   `python -c pass` run by the same interpreter in the same run; and the first run after the
   content changed (no tour cache, no search index), for the 1,000-section tour.
4. The targets of issues 7 and 21, each PASS or FAIL.

Nothing here is a test: no test asserts a time. The exit status is 1 when a target is missed in
a full run, else 0.
"""

from __future__ import annotations

import argparse
import io
import os
import platform
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent

SIZES = (10, 100, 1000, 5000)
BIG = 1000  # the size the whole-process targets name
RUNS = 7
WIDTH, HEIGHT = 80, 24


# -- a generated tour -----------------------------------------------------------------------------

_TOPICS = (
    "skin",
    "joints",
    "hair",
    "wound healing",
    "inflammation",
    "cartilage",
    "scar tissue",
    "tendons",
    "bone repair",
    "the immune system",
    "blood vessels",
    "nerve repair",
)
_MOLECULES = ("growth factors", "microRNA", "proteins", "lipids", "signalling molecules", "RNA")
_SOURCES = ("mesenchymal stem cells", "umbilical cord tissue", "placental cells", "fat tissue")
_SENTENCES = (
    "Clinics describe {topic} treatments that use exosomes taken from {source}.",
    "The article says exosomes carry {molecule} that may signal to cells involved in {topic}.",
    "Small pilot studies of {topic} reported changes, but few of them had a control group.",
    "As of {year}, regulators say no exosome product for {topic} is approved.",
    "Researchers measure {molecule} in samples taken before and after a treatment.",
    "How the particles are made and purified differs from one laboratory to the next.",
    "A treatment may be injected, applied to the skin after microneedling, or infused.",
    "Reported side effects include redness, swelling and, rarely, infection at the site.",
    "The promotional text presents {topic} results as settled; the evidence is thinner.",
    "Scientists prefer the umbrella term extracellular vesicle for these particles.",
    "Dose, timing and the number of sessions vary widely between clinics.",
    "Ask whether the product was reviewed by a regulator, and for the trial number if any.",
)
_COLLAGEN = (
    "Clinics claim that exosomes raise collagen production in {topic}, a claim drawn mostly "
    "from laboratory and animal studies.",
    "Collagen and elastin give tissue its strength; the article says exosome signals help "
    "cells make more collagen.",
)
_HEADINGS = ("What the article says", "How it is said to work", "What is known", "Open questions")
_AUTHORS = (
    "FDA",
    "EMA",
    "ISEV",
    "Fusco et al.",
    "Welsh et al.",
    "Théry et al.",
    "Kalluri and LeBleu",
    "Lener et al.",
)


def _sentences(rng: random.Random, count: int, *, collagen: bool = False) -> str:
    parts = [
        rng.choice(_SENTENCES).format(
            topic=rng.choice(_TOPICS),
            molecule=rng.choice(_MOLECULES),
            source=rng.choice(_SOURCES),
            year=rng.randint(2019, 2025),
        )
        for _ in range(count)
    ]
    if collagen:
        parts.insert(rng.randrange(len(parts) + 1), rng.choice(_COLLAGEN).format(topic="skin"))
    return " ".join(parts)


def _q(text: str) -> str:
    """TEXT as a YAML double-quoted scalar (a JSON string is one)."""
    import json

    return json.dumps(text, ensure_ascii=False)


def _block(text: str, indent: str = "  ") -> str:
    return "\n".join(indent + line if line else "" for line in text.splitlines())


def _section_yaml(number: int, rng: random.Random) -> str:
    topic = _TOPICS[number % len(_TOPICS)]
    collagen = number % 4 == 0  # a quarter of the sections mention collagen
    body = "\n\n".join(
        [
            f"## {rng.choice(_HEADINGS)}",
            _sentences(rng, 5, collagen=collagen),
            _sentences(rng, 4),
            "Questions worth asking:\n\n" + "\n".join(f"- {_sentences(rng, 1)}" for _ in range(3)),
            f"**In short.** {_sentences(rng, 3)} See [the FDA page](https://www.fda.gov/).",
        ]
    )
    keywords = [topic, rng.choice(_MOLECULES), "exosomes"] + (["collagen"] if collagen else [])
    lines = [
        "# yaml-language-server: $schema=../schema/section.schema.json",
        f"id: part-{number:05d}",
        f"title: {_q(f'Part {number}: exosomes and {topic}')}",
        f"takeaway: {_q(_sentences(rng, 1))}",
        "keywords: [" + ", ".join(_q(k) for k in keywords) + "]",
        "body: |",
        _block(body),
        "evidence:",
    ]
    for _ in range(2):
        author = rng.choice(_AUTHORS)
        year = rng.randint(2015, 2025)
        lines += [
            f"  - text: {_q(_sentences(rng, 2))}",
            f'    as_of: "{year}-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}"',
            "    sources:",
            f"      - author: {_q(author)}",
            f"        title: {_q(f'On exosomes and {rng.choice(_TOPICS)}')}",
            f"        year: {year}",
            f"        url: https://example.org/{author.split()[0].lower()}/{rng.randint(1, 60)}",
        ]
    lines.append("quiz:")
    for _ in range(2):
        answer = rng.randint(1, 3)
        lines += [
            f"  - question: {_q(f'What does the article say about {topic}?')}",
            "    choices:",
            *(f"      - {_q(_sentences(rng, 1))}" for _ in range(3)),
            f"    answer: {answer}",
            f"    explanation: {_q(_sentences(rng, 2))}",
        ]
    return "\n".join(lines) + "\n"


def generate_tour(folder: Path, sections: int, *, seed: int = 7) -> Path:
    """Write a valid content folder of SECTIONS sections to FOLDER (created); return FOLDER."""
    rng = random.Random(seed)
    (folder / "sections").mkdir(parents=True, exist_ok=True)
    ids = [f"part-{number:05d}" for number in range(1, sections + 1)]
    tour = [
        "id: " + f"bench-{sections}",
        f"title: {_q(f'A generated tour of {sections} sections')}",
        f"subtitle: {_q('Made by bench/run.py to measure exotour')}",
        f"disclaimer: {_q('Educational information, not medical advice.')}",
        "bottom_line:",
        f"  text: {_q(_sentences(rng, 2))}",
        f"  source: {_q('bench/run.py')}",
        "sections:",
        *(f"  - {section_id}" for section_id in ids),
    ]
    (folder / "tour.yaml").write_text("\n".join(tour) + "\n", encoding="utf-8")
    for number in range(1, sections + 1):
        path = folder / "sections" / f"part-{number:05d}.yaml"
        path.write_text(_section_yaml(number, rng), encoding="utf-8")
    terms = ["terms:"]
    for number in range(min(200, 10 + sections // 10)):
        name = f"{_MOLECULES[number % len(_MOLECULES)]} {number}"
        terms += [
            f"  - term: {_q(name)}",
            f"    aliases: [{_q(f'term-{number}')}]",
            f"    definition: {_q(_sentences(rng, 2, collagen=number % 10 == 0))}",
        ]
    (folder / "glossary.yaml").write_text("\n".join(terms) + "\n", encoding="utf-8")
    return folder


# -- measuring ------------------------------------------------------------------------------------


def _timed(work: Callable[[], object], runs: int) -> float:
    """The median seconds of RUNS calls of WORK."""
    times = []
    for _ in range(max(1, runs)):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


@dataclass
class InProcess:
    sections: int  # as loaded, the generated Sources section included
    load: float  # read the YAML and check it all (loader.check_content)
    cached_load: float  # the same tour from the tour cache (tourcache.load)
    build: float
    reopen: float
    cached: bool  # whether the index lives in a cache file (else it is rebuilt in memory)
    search: float
    hits: int
    turn_median: float
    turn_worst: float


def page_turns(tour: Any, turns: int, *, ahead: bool = False) -> list[float]:
    """Seconds of each of TURNS page turns from the start of TOUR at 80x24: paginate the section
    when it is new, build the learn screen, and print it to an in-memory console. The first
    screen (start-up, not a turn) is not counted. AHEAD: between turns, untimed, the next
    section is cut into pages, as `learn` does while the reader reads (Walkthrough.cut_ahead)."""
    from rich.console import Console

    from exotour.render import screens as render
    from exotour.tui.pages import Paginator

    paginator = Paginator(tour, WIDTH, HEIGHT)
    console = Console(
        file=io.StringIO(), width=WIDTH, height=HEIGHT, color_system="truecolor", markup=False
    )
    places = [
        (index, page)
        for index in range(len(tour.sections))
        for page in range(len(paginator.pages(index)) if index < turns + 1 else 1)
    ][: turns + 1]
    paginator = Paginator(tour, WIDTH, HEIGHT)  # fresh: every section is paginated on arrival
    times = []
    for index, page in places:
        start = time.perf_counter()
        pages = paginator.pages(index)
        screen = render.learn_screen(
            tour, index, pages[page], page, len(pages), (WIDTH, HEIGHT), ""
        )
        console.print(screen)
        times.append(time.perf_counter() - start)
        if ahead and index + 1 < len(tour.sections):
            paginator.pages(index + 1)
    return times[1:]


def in_process(folder: Path, runs: int, turns: int, written: float) -> InProcess:
    """Measure FOLDER in this process (written at WRITTEN, a time.time()); EXOTOUR_CACHE_DIR
    must name an empty folder of its own."""
    from exotour.content import cache as tourcache
    from exotour.content.loader import check_content
    from exotour.search import engine as search

    tour, problems = check_content(folder)
    errors = [p for p in problems if not p.is_warning]
    if tour is None or errors:
        raise SystemExit(f"bench: the generated tour in {folder} is invalid: {errors[:3]}")
    load = _timed(lambda: check_content(folder), runs)
    # The tour cache keeps no folder changed in the last two seconds (see tourcache).
    time.sleep(max(0.0, written + tourcache.SETTLE_NS / 1e9 + 0.1 - time.time()))
    tourcache.load(folder)
    cached_load = _timed(lambda: tourcache.load(folder), runs)
    # The first open builds the index (and writes its cache file, for a big tour); the second
    # opens what the first left, or builds again in memory.
    build = _timed(lambda: search.open_index(tour).connection.close(), 1)
    reopen = _timed(lambda: search.open_index(tour).connection.close(), runs)
    index = search.open_index(tour)
    terms = search.parse_query("collagen")
    found = index.hits(terms, 11)
    query = _timed(lambda: index.hits(terms, 11), runs)
    turned = page_turns(tour, turns)
    return InProcess(
        sections=len(tour.sections),
        load=load,
        cached_load=cached_load,
        build=build,
        reopen=reopen,
        cached=index.path is not None,
        search=query,
        hits=len(found),
        turn_median=statistics.median(turned) if turned else 0.0,
        turn_worst=max(turned, default=0.0),
    )


def exotour_command() -> tuple[list[str], dict[str, str], str]:
    """How to run exotour as a user does: the script beside this Python, else the one on PATH,
    else `python -m exotour` from src/ (a checkout that was never installed)."""
    beside = Path(sys.executable).parent / "exotour"
    if beside.is_file():
        return [str(beside)], {}, str(beside)
    found = shutil.which("exotour")
    if found:
        return [found], {}, found
    path = os.pathsep.join(p for p in (str(REPO / "src"), os.environ.get("PYTHONPATH")) if p)
    note = f"{sys.executable} -m exotour (no exotour script found; adds runpy overhead)"
    return [sys.executable, "-m", "exotour"], {"PYTHONPATH": path}, note


def wall_times(
    commands: dict[str, list[str]],
    env: dict[str, str],
    runs: int,
    cwd: Path,
    before: Callable[[], object] | None = None,
) -> dict[str, float]:
    """The median wall seconds of each command, run RUNS times in turn (interleaved, so a busy
    moment of the machine falls on all of them alike), after one run each to warm caches.
    BEFORE, if given, is called before every run (and not timed)."""
    times: dict[str, list[float]] = {name: [] for name in commands}

    def once(argv: list[str]) -> float:
        if before is not None:
            before()
        start = time.perf_counter()
        done = subprocess.run(
            argv,
            env=env,
            cwd=cwd,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            check=False,
        )
        elapsed = time.perf_counter() - start
        if done.returncode != 0:
            message = done.stderr.decode(errors="replace").strip()
            raise SystemExit(f"bench: {' '.join(argv)} exited {done.returncode}: {message}")
        return elapsed

    for argv in commands.values():
        once(argv)
    for _ in range(runs):
        for name, argv in commands.items():
            times[name].append(once(argv))
    return {name: statistics.median(values) for name, values in times.items()}


# -- reporting ------------------------------------------------------------------------------------


def machine() -> list[tuple[str, str]]:
    from importlib.metadata import PackageNotFoundError, version

    model = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text(encoding="utf-8").splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        cores = os.cpu_count() or 1
    import yaml

    libraries = []
    for name in ("exotour", "typer", "rich", "PyYAML", "platformdirs"):
        try:
            libraries.append(f"{name} {version(name)}")
        except PackageNotFoundError:
            libraries.append(f"{name} (not installed)")
    return [
        ("cores", str(cores)),
        ("CPU", model),
        ("Python", f"{platform.python_version()} ({platform.python_implementation()})"),
        ("system", f"{platform.system()} {platform.release()}"),
        ("libraries", ", ".join(libraries)),
        ("libyaml", "yes" if getattr(yaml, "__with_libyaml__", False) else "no"),
    ]


def ms(seconds: float) -> str:
    return f"{seconds * 1000:,.1f} ms" if seconds < 1 else f"{seconds:,.2f} s"


def us(seconds: float) -> str:
    return f"{seconds * 1_000_000:,.0f} µs"


def table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join(" --- " for _ in header) + "|"]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines)


# -- the run --------------------------------------------------------------------------------------


def _arguments(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python bench/run.py",
        description="Measure exotour: start-up, page turns, and big generated tours.",
    )
    parser.add_argument("--quick", action="store_true", help="one small tour, one run each")
    parser.add_argument(
        "--sizes", type=int, nargs="+", metavar="N", help=f"tour sizes (default: {SIZES})"
    )
    parser.add_argument("--runs", type=int, help=f"runs of each command (default: {RUNS})")
    parser.add_argument("--generate", type=Path, metavar="DIR", help="only write a tour to DIR")
    parser.add_argument("--sections", type=int, default=BIG, help="its sections (--generate)")
    return parser.parse_args(argv)


def _environment(work: Path) -> dict[str, str]:
    """The environment of every exotour run: state and caches in WORK, as a user has them."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("EXOTOUR_")}
    env.pop("NO_COLOR", None)
    # As after `pip install`, which compiles every module: the warm-up run writes the .pyc
    # files that an editable install would otherwise compile again on every run.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    if sys.platform.startswith("linux"):  # platformdirs finds the folders, as for a user
        env.update(XDG_STATE_HOME=str(work / "state"), XDG_CACHE_HOME=str(work / "cache"))
    else:  # elsewhere the variables keep the user's own folders out of it
        env.update(
            EXOTOUR_STATE_DIR=str(work / "state"), EXOTOUR_CACHE_DIR=str(work / "cache/exotour")
        )
    return env


def main(argv: Sequence[str] | None = None) -> int:
    args = _arguments(argv)
    if args.generate is not None:
        generate_tour(args.generate, args.sections)
        print(f"wrote a tour of {args.sections} sections to {args.generate}")
        return 0
    try:
        import exotour  # noqa: F401
    except ImportError:  # a checkout that was never installed
        sys.path.insert(0, str(REPO / "src"))
    quick = bool(args.quick)
    sizes = tuple(args.sizes or ((10,) if quick else SIZES))
    runs = args.runs or (1 if quick else RUNS)
    big = BIG if BIG in sizes else max(sizes)
    inner_runs = 1 if quick else 3
    turns = 5 if quick else 30

    print("# exotour benchmark" + (" (--quick: a smoke run, not a measurement)" if quick else ""))
    print()
    print(table(("machine", ""), machine()))
    print()
    with tempfile.TemporaryDirectory(prefix="exotour-bench-") as temporary:
        work = Path(temporary)
        os.environ["EXOTOUR_STATE_DIR"] = str(work / "inner-state")
        folders: dict[int, Path] = {}
        results: dict[int, InProcess] = {}
        for size in sizes:
            written = time.time()
            folders[size] = generate_tour(work / f"tour-{size}", size)
            print(f"generated {size:,} sections in {time.time() - written:.1f} s", file=sys.stderr)
            os.environ["EXOTOUR_CACHE_DIR"] = str(work / f"inner-cache-{size}")
            results[size] = in_process(folders[size], inner_runs, turns, written)
        from exotour.content.loader import builtin_content_dir, load_tour

        os.environ["EXOTOUR_CACHE_DIR"] = str(work / "inner-cache-builtin")
        builtin = in_process(builtin_content_dir(), inner_runs, turns, 0.0)
        builtin_tour = load_tour(builtin_content_dir())
        builtin_turns = page_turns(builtin_tour, 10_000)
        reading_turns = page_turns(builtin_tour, 10_000, ahead=True)

        env = _environment(work)
        prefix, extra_env, how = exotour_command()
        env.update(extra_env)
        content = ["--content", str(folders[big])]
        big_search = f"exotour --content <{big:,}> search collagen"
        big_sections = f"exotour --content <{big:,}> sections"
        commands = {
            "python -c pass": [sys.executable, "-c", "pass"],
            "exotour --version": [*prefix, "--version"],
            "exotour search collagen": [*prefix, "search", "collagen"],
            "exotour summary": [*prefix, "summary"],
            "exotour sections": [*prefix, "sections"],
            "exotour": prefix,
            "exotour learn --plain": [*prefix, "learn", "--plain"],
            big_search: [*prefix, *content, "search", "collagen"],
            big_sections: [*prefix, *content, "sections"],
        }
        print(f"measuring whole processes ({runs} runs each)...", file=sys.stderr)
        wall = wall_times(commands, env, runs, work)
        # The first run after the content changed: no tour cache, no search index yet.
        cold_commands = {
            name: commands[name] for name in ("python -c pass", big_search, big_sections)
        }
        cold = wall_times(
            cold_commands,
            env,
            max(1, min(runs, 3)),
            work,
            before=lambda: shutil.rmtree(work / "cache", ignore_errors=True),
        )

    print(f"## In process (median of {inner_runs} runs)")
    print()
    header = (
        "sections",
        "load and validate",
        "per section",
        "from the tour cache",
        "index: build",
        "index: open again",
        "search collagen",
        "page turn 80x24: median / worst",
    )
    rows = [
        (
            f"{size:,}",
            ms(r.load),
            us(r.load / r.sections),
            ms(r.cached_load),
            ms(r.build),
            ms(r.reopen) + (" (cache file)" if r.cached else " (in memory)"),
            f"{ms(r.search)} ({r.hits} hits)",
            f"{ms(r.turn_median)} / {ms(r.turn_worst)}",
        )
        for size, r in results.items()
    ]
    print(table(header, rows))
    print()
    turn_median, turn_worst = statistics.median(builtin_turns), max(builtin_turns)
    reading_median, reading_worst = statistics.median(reading_turns), max(reading_turns)
    print(
        f"The built-in tour: load and validate {ms(builtin.load)}, from the tour cache "
        f"{ms(builtin.cached_load)}, index {ms(builtin.build)}, search {ms(builtin.search)}; "
        f"all its {len(builtin_turns)} page turns at 80x24: median {ms(turn_median)}, "
        f"worst {ms(turn_worst)} (a section cut into pages on arrival); as `learn` turns them, "
        f"the next section cut while the reader reads: median {ms(reading_median)}, "
        f"worst {ms(reading_worst)}."
    )
    print()
    base = wall["python -c pass"]
    print(f"## Whole process (median of {runs} runs, output to a pipe)")
    print()
    print(f"exotour is run as: {how}")
    print()
    lines = [(f"`{name}`", ms(t), f"{t / base:.1f}x") for name, t in wall.items()]
    for name in (big_search, big_sections):
        t = cold[name]
        lines.append((f"`{name}`, first run", ms(t), f"{t / cold['python -c pass']:.1f}x"))
    print(table(("command", "wall time", "times python -c pass"), lines))
    print()
    print(
        "A first run is the first after the content changed: the tour is read from YAML and "
        "checked, and the search index built, before both are cached."
    )
    print()

    ratio = {name: t / base for name, t in wall.items()}
    targets = [
        ("`exotour search collagen`", "≤ 7x", ratio["exotour search collagen"], 7.0, "x"),
        ("`exotour summary`", "≤ 7x", ratio["exotour summary"], 7.0, "x"),
        ("`exotour sections`", "≤ 7x", ratio["exotour sections"], 7.0, "x"),
        ("`exotour learn --plain`", "≤ 14x", ratio["exotour learn --plain"], 14.0, "x"),
        ("`exotour --version`", "≤ 4x", ratio["exotour --version"], 4.0, "x"),
        (
            "one page turn at 80x24 in `learn` (the worst)",
            "≤ 20 ms",
            max(reading_turns) * 1000,
            20.0,
            " ms",
        ),
        (
            f"{big:,} sections: `search collagen`, over the built-in tour's",
            "≤ 4x",
            wall[big_search] / wall["exotour search collagen"],
            4.0,
            "x",
        ),
        (f"{big:,} sections: `sections`", "≤ 1 s", wall[big_sections], 1.0, " s"),
        (f"{big:,} sections: `sections`, first run", "≤ 1 s", cold[big_sections], 1.0, " s"),
    ]
    print("## Targets (issues 7 and 21)")
    print()
    met = all(value <= limit for _, _, value, limit, _ in targets)
    print(
        table(
            ("what", "target", "measured", "result"),
            [
                (what, goal, f"{value:.2f}{unit}", "PASS" if value <= limit else "FAIL")
                for what, goal, value, limit, unit in targets
            ],
        )
    )
    print()
    print("Every target met." if met else "Some targets were missed.")
    return 0 if met or quick else 1


if __name__ == "__main__":
    sys.exit(main())
