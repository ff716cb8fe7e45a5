"""Server-side response times of person search and person pages on the seeded registry.

Requests go through the real URLs, middleware, views, policy, audit and templates with
django.test.Client, in-process (no network), DEBUG off. After each request, connections are
closed or kept as a WSGI server would (close_old_connections honours CONN_MAX_AGE).
"""

import os
import platform
import random
import re
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import django
from django.conf import settings
from django.db import close_old_connections, connection
from django.test import Client, override_settings

from accounts.models import User
from accounts.policy import FieldGroup, rule_for
from people.models import NameKey, Person

from . import scenarios

SEARCHES = [
    ("common Arabic name, Arabic script", "محمد"),
    ("same name, Latin script", "Mohamed"),
    ("full name, Latin script", "Mohamed Al-Hassan"),
    ("full name, Arabic script", "محمد الحسن"),
    ("Cyrillic name", "Олена Шевченко"),
    ("rare surname", "Pazniak"),
    ("document number", scenarios.SYRIAN_FATHER_PASSPORT),
    ("date of birth", scenarios.SYRIAN_FATHER_BIRTH_DATE),
]
BENCH_USERS = ("caseworker", "coordinator")
# The record tabs measured (those of every person page), in page order.
PAGE_TABS = [
    FieldGroup.IDENTITY,
    FieldGroup.CONTACT,
    FieldGroup.LEGAL_STATUS,
    FieldGroup.FAMILY,
    FieldGroup.EDUCATION_WORK,
    FieldGroup.VULNERABILITIES,
]


@dataclass
class Row:
    what: str
    user: str
    results: str
    samples: list[float] = field(default_factory=list)

    def percentile(self, q: float) -> float:
        ordered = sorted(self.samples)
        return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]

    @property
    def p50(self) -> float:
        return statistics.median(self.samples)


@dataclass
class Report:
    database: str
    people: int
    name_keys: int
    requests: int
    warmup: int
    rows: list[Row]
    load_before: str = ""
    load_after: str = ""


def _timed(client: Client, url: str, headers: dict, requests: int, warmup: int) -> list[float]:
    samples = []
    for i in range(warmup + requests):
        started = time.perf_counter()
        response = client.get(url, headers=headers)
        elapsed = (time.perf_counter() - started) * 1000
        if response.status_code != 200:
            raise RuntimeError(f"GET {url} answered {response.status_code}")
        if not connection.in_atomic_block:  # as a server would; never inside a test's transaction
            close_old_connections()
        if i >= warmup:
            samples.append(elapsed)
    return samples


def _person_ids(user: User, count: int) -> list[int]:
    """`count` people the user may see, spread evenly over the id range (deterministic)."""
    people = Person.objects.all()
    if user.organisation_id and rule_for(user).scope == "own_organisation":
        people = people.filter(organisation_id=user.organisation_id)
    low = people.order_by("id").values_list("id", flat=True).first() or 0
    high = people.order_by("-id").values_list("id", flat=True).first() or 0
    rng = random.Random(2026)
    ids = []
    for _ in range(count):
        start = rng.randint(low, high)
        ids.append(people.filter(id__gte=start).order_by("id").values_list("id", flat=True)[0])
    return ids


def run(
    requests: int = 200, warmup: int = 20, log: Callable[[str], None] = lambda line: None
) -> Report:
    hosts = [*settings.ALLOWED_HOSTS, "testserver"]
    rows = []
    load_before = load_average()
    with override_settings(DEBUG=False, ALLOWED_HOSTS=hosts):
        for username in BENCH_USERS:
            user = User.objects.get(username=username)
            client = Client()
            client.force_login(user)
            htmx = {"HX-Request": "true"}
            for what, query in SEARCHES:
                url = f"/people/?q={query}"
                count = client.get(url, headers=htmx).content.count(b"<tr>") - 1
                row = Row(f"search: {what} `{query}`", username, str(max(count, 0)))
                row.samples = _timed(client, url, htmx, requests, warmup)
                log(_line(row))
                rows.append(row)
            ids = _person_ids(user, requests + warmup)
            tabs = [tab for tab in PAGE_TABS if tab in rule_for(user).groups]
            for tab in tabs:
                row = Row(f"person page, tab {tab}", username, "1")
                for i, pk in enumerate(ids):
                    headers = htmx if tab != "identity" else {}
                    url = f"/people/{pk}/?tab={tab}"
                    sample = _timed(client, url, headers, 1, 0)[0]
                    if i >= warmup:
                        row.samples.append(sample)
                log(_line(row))
                rows.append(row)
    people, keys = Person.objects.count(), NameKey.objects.count()
    return Report(_database(), people, keys, requests, warmup, rows, load_before, load_average())


def explain() -> list[str]:
    """The database's plan of every benchmark search, as run for each benchmark user.

    PostgreSQL plans are EXPLAIN ANALYZE (they run the query); SQLite's EXPLAIN QUERY PLAN.
    """
    from accounts import policy
    from people.selectors import SEARCH_LIMIT, matching_persons

    lines = []
    for username in BENCH_USERS:
        user = User.objects.get(username=username)
        for what, query in SEARCHES:
            found = policy.visible_persons(user, matching_persons(query))
            sql, params = found.order_by("id")[:SEARCH_LIMIT].query.sql_with_params()
            prefix = "EXPLAIN ANALYZE " if connection.vendor == "postgresql" else "EXPLAIN "
            if connection.vendor == "sqlite":
                prefix = "EXPLAIN QUERY PLAN "
            with connection.cursor() as cursor:
                cursor.execute(prefix + sql, params)
                plan = [" ".join(str(c) for c in row) for row in cursor.fetchall()]
            lines += [f"-- {username}: {what} `{query}`", *plan, ""]
    return lines


def _line(row: Row) -> str:
    return (
        f"| {row.what} | {row.user} | {row.results} | {row.p50:.1f} | "
        f"{row.percentile(0.95):.1f} | {max(row.samples):.1f} |"
    )


def _database() -> str:
    if connection.vendor == "postgresql":
        version = connection.pg_version
        return f"PostgreSQL {version // 10000}.{version % 10000}"
    if connection.vendor == "sqlite":
        import sqlite3

        return f"SQLite {sqlite3.sqlite_version}"
    return connection.vendor


def machine() -> str:
    cpu = "unknown CPU"
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        found = re.search(r"^model name\s*:\s*(.+)$", cpuinfo.read_text(), re.M)
        cpu = found.group(1).strip() if found else cpu
    memory = ""
    meminfo = Path("/proc/meminfo")
    if meminfo.exists():
        found = re.search(r"^MemTotal:\s*(\d+) kB", meminfo.read_text(), re.M)
        memory = f", {int(found.group(1)) / 1024 / 1024:.1f} GiB RAM" if found else ""
    return (
        f"{os.cpu_count()} CPUs ({cpu}){memory}; {platform.system()} {platform.release()}; "
        f"Python {platform.python_version()}, Django {django.get_version()}"
    )


def load_average() -> str:
    """1/5/15-minute load averages: other work on the machine shows up in the tail figures."""
    path = Path("/proc/loadavg")
    return " ".join(path.read_text().split()[:3]) if path.exists() else "unknown"


def markdown(report: Report, command: str, seeding: str = "") -> str:
    lines = [
        f"## {report.database}",
        "",
        f"- Date: {date.today().isoformat()}",
        f"- Machine: {machine()}",
        f"- Load average (1/5/15 min) before / after: {report.load_before} / {report.load_after}",
        f"- Database: {report.database}, {report.people:,} people, {report.name_keys:,} name keys",
        f"- Command: `{command}`",
    ]
    if seeding:
        lines.append(f"- Seeding: {seeding}")
    lines += [
        f"- Method: {report.requests} timed requests per row after {report.warmup} warm-up "
        "requests; in-process django.test.Client, DEBUG off; search with `HX-Request` "
        "(results partial, 20 results at most, each audited); person pages on "
        f"{report.requests} different people (identity as a full page, other tabs as htmx "
        "partials).",
        "",
        "| request | user | results | p50 ms | p95 ms | max ms |",
        "|---|---|---:|---:|---:|---:|",
        *(_line(row) for row in report.rows),
        "",
    ]
    return "\n".join(lines)


HEADER = """# Benchmarks

Server-side response times on a registry seeded with `manage.py seed` (deterministic demo data,
a million people). Regenerate with `make bench`; each database's section is rewritten by its run.
Goal: p95 at most 50 ms for search and person pages.
"""


def write_section(path: Path, key: str, body: str) -> None:
    """Replace the section marked `key` in `path` (or append it), keeping the others."""
    start, end = f"<!-- bench:{key} -->", f"<!-- /bench:{key} -->"
    section = f"{start}\n{body.rstrip()}\n{end}\n"
    text = path.read_text() if path.exists() else HEADER
    if start in text and end in text:
        before, rest = text.split(start, 1)
        after = rest.split(end, 1)[1].lstrip("\n")
        text = f"{before}{section}\n{after}" if after else f"{before}{section}"
    else:
        text = f"{text.rstrip()}\n\n{section}"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)
