"""An index file planted in the cache folder cannot keep `search` busy: a file whose schema is
not exactly exotour's is not read (the index is built again), and any query runs under a
budget of work."""

from __future__ import annotations

import sqlite3
import subprocess
from pathlib import Path

import pytest
from helpers import PYTHON, child_env

from exotour.content.loader import builtin_content_dir
from exotour.search import cache as files
from exotour.search.guard import bound, expected_schema, is_ours

ENDLESS = "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c)"


def _plant(path: Path, script: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    connection = sqlite3.connect(path)
    connection.executescript(script)
    connection.commit()
    connection.close()


@pytest.mark.parametrize(
    "script",
    [
        # every name the code reads, each a view that never ends
        f"CREATE VIEW meta AS {ENDLESS} SELECT 'folder' AS key, 'x' AS value FROM c WHERE x < 0;"
        f"CREATE VIEW roster AS {ENDLESS} SELECT x AS position, '' AS ref, '' AS title FROM c;",
        # a real table beside a trigger, and an object of a name the schema does not have
        "CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);"
        "CREATE TABLE other(x); CREATE TRIGGER t AFTER INSERT ON other BEGIN SELECT 1; END;",
    ],
)
def test_a_planted_index_file_is_not_read_and_search_still_answers(
    tmp_path: Path, script: str
) -> None:
    cache = tmp_path / "cache"
    env = child_env(EXOTOUR_CACHE_DIR=str(cache), EXOTOUR_STATE_DIR=str(tmp_path / "state"))
    planted = cache / files.cache_path(builtin_content_dir()).name
    _plant(planted, script)
    done = subprocess.run(
        [PYTHON, "-m", "exotour", "search", "collagen"],
        env=env, capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert (done.returncode, done.stderr) == (0, "")
    assert "results for 'collagen'" in done.stdout


@pytest.mark.parametrize("language", ["en", "es"])  # porter, or words and their stems
def test_an_index_exotour_built_is_its_own(tmp_path: Path, language: str) -> None:
    import dataclasses

    from exotour.content.loader import load_tour

    tour = dataclasses.replace(load_tour(builtin_content_dir()), language=language)
    path = tmp_path / "index.sqlite3"
    assert files.write_cache(path, tour, "key") is not None
    connection = sqlite3.connect(path)
    assert is_ours(connection)
    connection.execute("CREATE VIEW extra AS SELECT 1")
    assert not is_ours(connection)
    connection.close()
    assert {name for _, name, _, _ in expected_schema()} >= {"meta", "passages", "roster"}


def test_a_query_that_never_ends_is_stopped() -> None:
    connection = sqlite3.connect(":memory:")
    bound(connection, budget=1_000_000)
    with pytest.raises(sqlite3.OperationalError, match="interrupted"):
        connection.execute(f"{ENDLESS} SELECT count(*) FROM c").fetchone()
    assert connection.execute("SELECT 1").fetchone() == (1,)  # the next query starts afresh
