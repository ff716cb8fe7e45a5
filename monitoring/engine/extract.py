# ruff: noqa: S608 - table and column names come from sources.py, values are parameters
"""Copy the source tables (sources.py) from the Django database into an in-memory DuckDB.

The statistics run in DuckDB (columnar, parallel, ASOF joins, medians, GROUPING SETS); what
costs is getting the rows there. Three ways, fastest first:

- PostgreSQL: `COPY (SELECT ...) TO STDOUT (FORMAT csv)` straight into files DuckDB reads in
  parallel: no Python object per value.
- SQLite file, outside a transaction, with the `sqlite3` command-line shell installed: one
  read-only shell per table, side by side, writing CSV.
- Otherwise (in-memory or uncommitted SQLite data, no shell): the Django cursor, in chunks,
  through pandas.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import duckdb
import pandas as pd
from django.db import connection as default_connection

from .sources import Source, sources

CHUNK = 50_000
Progress = Callable[[str], None]


def strategy(connection=default_connection) -> str:
    if connection.vendor == "postgresql":
        return "postgresql-copy"
    name = str(connection.settings_dict.get("NAME") or "")
    if (
        connection.vendor == "sqlite"
        and not connection.in_atomic_block
        and name
        and ":memory:" not in name
        and "mode=memory" not in name
        and Path(name).exists()
        and shutil.which("sqlite3")
    ):
        return "sqlite-shell"
    return "python"


def _create(db: duckdb.DuckDBPyConnection, source: Source) -> None:
    columns = ", ".join(f'"{n}" {t}' for n, t in source.columns)
    db.execute(f"CREATE OR REPLACE TABLE {source.name} ({columns})")


def _read_csv(db: duckdb.DuckDBPyConnection, source: Source, path: Path) -> None:
    if path.stat().st_size == 0:
        return
    spec = ", ".join(f"'{n}': '{t}'" for n, t in source.columns)
    db.execute(
        f"INSERT INTO {source.name} SELECT * FROM read_csv(?, header = false, auto_detect = false,"
        f" delim = ',', quote = '\"', escape = '\"', columns = {{{spec}}})",
        [str(path)],
    )


def load(
    db: duckdb.DuckDBPyConnection,
    connection=default_connection,
    progress: Progress | None = None,
    how: str | None = None,
) -> dict[str, float]:
    """Fill `db` with every source table; returns seconds per table (and "strategy")."""
    how = how or strategy(connection)
    todo = sources()
    for source in todo:
        _create(db, source)
    timings: dict[str, float] = {}
    with tempfile.TemporaryDirectory(prefix="integra-stats-") as tmp:
        if how == "postgresql-copy":
            _postgres(db, connection, todo, Path(tmp), timings, progress)
        elif how == "sqlite-shell":
            _sqlite_shell(db, connection, todo, Path(tmp), timings, progress)
        else:
            _python(db, connection, todo, timings, progress)
    return timings


def _postgres(db, connection, todo, tmp: Path, timings, progress) -> None:
    with connection.cursor() as cursor:
        for source in todo:
            started = time.perf_counter()
            if progress:
                progress(source.name)
            path = tmp / f"{source.name}.csv"
            with (
                open(path, "wb") as out,
                cursor.cursor.copy(f"COPY ({source.sql}) TO STDOUT (FORMAT csv)") as copy,
            ):
                for block in copy:
                    out.write(block)
            _read_csv(db, source, path)
            timings[source.name] = time.perf_counter() - started


def _sqlite_shell(db, connection, todo, tmp: Path, timings, progress) -> None:
    shell = shutil.which("sqlite3")
    database = str(connection.settings_dict["NAME"])
    parallel = max(2, os.cpu_count() or 2)
    pending = list(todo)
    running: list[tuple[Source, subprocess.Popen, float, object]] = []
    while pending or running:
        while pending and len(running) < parallel:
            source = pending.pop(0)
            out = open(tmp / f"{source.name}.csv", "wb")  # noqa: SIM115 - closed below
            command = [shell, "-readonly", "-bail", "-csv", "-cmd", ".timeout 20000"]
            process = subprocess.Popen(  # noqa: S603 - fixed program, SQL built from _meta
                [*command, database, source.sql], stdout=out, stderr=subprocess.PIPE
            )
            running.append((source, process, time.perf_counter(), out))
        source, process, started, out = running.pop(0)
        _, error = process.communicate()
        out.close()
        if process.returncode:
            raise RuntimeError(f"sqlite3 could not read {source.name}: {error.decode()[:300]}")
        if progress:
            progress(source.name)
        _read_csv(db, source, tmp / f"{source.name}.csv")
        timings[source.name] = time.perf_counter() - started


def _python(db, connection, todo, timings, progress) -> None:
    with connection.cursor() as cursor:
        for source in todo:
            started = time.perf_counter()
            if progress:
                progress(source.name)
            names = [n for n, _t in source.columns]
            select = ", ".join(
                f'TRY_CAST("{n}" AS {t})' if t in ("DATE", "TIMESTAMP") else f'"{n}"::{t}'
                for n, t in source.columns
            )
            cursor.execute(source.sql)
            while rows := cursor.fetchmany(CHUNK):
                db.register("chunk", pd.DataFrame.from_records(rows, columns=names))
                db.execute(f"INSERT INTO {source.name} SELECT {select} FROM chunk")  # noqa: S608
                db.unregister("chunk")
            timings[source.name] = time.perf_counter() - started
