"""`manage.py bench_catalogue`: time the whole indicator catalogue over the seeded registry and
record it in docs/benchmarks.md (one section per database)."""

from __future__ import annotations

import datetime
import os
import time
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from monitoring import demo
from monitoring.compute import compute_catalogue, store
from monitoring.engine import extract
from people.demo.bench import machine, write_section
from people.models import Person


def _count(table: str) -> int:
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT COUNT(*) FROM {connection.ops.quote_name(table)}")  # noqa: S608
        return cursor.fetchone()[0]


def _load() -> str:
    return " ".join(f"{v:.2f}" for v in os.getloadavg())


class Command(BaseCommand):
    help = "Compute every indicator over the registry and record the timings (needs `seed`)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--add-pathways",
            action="store_true",
            help="first give the seeded people assessments, plans, measures, referrals, "
            "follow-ups and survey answers (only if there are no plans yet)",
        )
        parser.add_argument("--seed", type=int, default=1)
        parser.add_argument("--how", choices=["postgresql-copy", "sqlite-shell", "python"])
        parser.add_argument("--repeat", type=int, default=2, help="runs; the best is reported")
        parser.add_argument(
            "--output", default=str(Path(settings.BASE_DIR) / "docs" / "benchmarks.md")
        )
        parser.add_argument("--command", default="make bench")

    def handle(self, *args, **options):
        if not Person.objects.exists():
            raise CommandError("The registry is empty: run `manage.py seed` first.")
        note = ""
        if options["add_pathways"] and not _count("pathways_plan"):
            started = time.perf_counter()
            rows = demo.add_pathways(options["seed"], progress=self._progress)
            note = f"pathway records added in {time.perf_counter() - started:.0f} s"
            self.stdout.write(f"\n{note}: {rows}")
        counts = {
            name: _count(table)
            for name, table in (
                ("people", "people_person"), ("legal statuses", "people_legalstatus"),
                ("assessments", "pathways_assessment"), ("plans", "pathways_plan"),
                ("measures", "pathways_measure"),
                ("measure status changes", "pathways_measurestatuschange"),
                ("referrals", "partners_referral"), ("follow-ups", "monitoring_followup"),
                ("survey answers", "monitoring_surveyanswer"),
            )
        }  # fmt: skip
        how = options["how"] or extract.strategy(connection)
        runs, load_before = [], _load()
        for _ in range(max(1, options["repeat"])):
            wall, cpu = time.perf_counter(), time.process_time()
            computation = compute_catalogue(as_of=datetime.date.today(), how=how)
            saved = time.perf_counter()
            tables = store(computation)
            runs.append(
                {
                    "total": time.perf_counter() - wall,
                    "cpu": time.process_time() - cpu,
                    "store": time.perf_counter() - saved,
                    **computation.timings,
                }
            )
            self.stdout.write(f"run: {runs[-1]}")
        best = min(runs, key=lambda r: r["total"])
        body = self._markdown(best, counts, tables, how, note, load_before, options["command"])
        self.stdout.write(body)
        if options["output"]:
            write_section(Path(options["output"]), f"catalogue-{connection.vendor}", body)
            self.stdout.write(self.style.SUCCESS(f"Recorded in {options['output']}"))

    def _progress(self, done: int, total: int) -> None:
        self.stdout.write(f"\r  {done:,} / {total:,} people", ending="")

    def _markdown(self, best, counts, tables, how, note, load_before, command) -> str:
        vendor = connection.vendor
        database = {"sqlite": "SQLite", "postgresql": "PostgreSQL"}.get(vendor, vendor)
        lines = [
            f"## Indicator catalogue, {database}",
            "",
            f"- Date: {datetime.date.today().isoformat()}",
            f"- Machine: {machine()}",
            f"- Load average (1/5/15 min) before / after: {load_before} / {_load()}",
            "- Records: " + ", ".join(f"{v:,} {k}" for k, v in counts.items()),
            f"- Command: `{command}` (`manage.py bench_catalogue`)",
        ]
        if note:
            lines.append(f"- Pathways: synthetic ({note}, `bench_catalogue --add-pathways`)")
        lines += [
            f"- Engine: copy into in-memory DuckDB by `{how}`, then one GROUPING SETS query per "
            "frame; result: every indicator by every breakdown for 8 years, disclosure-protected "
            f"and cached ({tables:,} tables). Best of the runs.",
            "",
            "| step | seconds |",
            "|---|---:|",
            f"| copy the registry into DuckDB | {best['extract']:.1f} |",
            f"| compute every indicator, breakdown and year | {best['compute']:.1f} |",
            f"| protect and store {tables:,} tables | {best['store']:.1f} |",
            f"| **total** | **{best['total']:.1f}** |",
            f"| CPU time of this process (DuckDB threads included) | {best['cpu']:.1f} |",
            "",
        ]
        return "\n".join(lines)
