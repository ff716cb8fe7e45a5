"""`manage.py bench`: time person search and person pages; record them in docs/benchmarks.md."""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from people.demo import bench
from people.models import Person


class Command(BaseCommand):
    help = "Measure server-side p50/p95/max of person search and person pages (needs `seed`)."

    def add_arguments(self, parser):
        parser.add_argument("--requests", type=int, default=200)
        parser.add_argument("--warmup", type=int, default=20)
        parser.add_argument(
            "--output",
            default=str(Path(settings.BASE_DIR) / "docs" / "benchmarks.md"),
            help="Markdown file whose section for this database is rewritten ('' for none)",
        )
        parser.add_argument("--seeding", default="", help="note on how the data was seeded")
        parser.add_argument("--command", default="make bench", help="command shown in the report")
        parser.add_argument(
            "--explain", action="store_true", help="only print the query plan of each search"
        )

    def handle(self, *args, requests: int, warmup: int, output: str, **options):
        if not Person.objects.exists():
            raise CommandError("The registry is empty: run `manage.py seed` first.")
        if options["explain"]:
            self.stdout.write("\n".join(bench.explain()))
            return
        self.stdout.write("| request | user | results | p50 ms | p95 ms | max ms |")
        report = bench.run(requests, warmup, log=self.stdout.write)
        body = bench.markdown(report, options["command"], options["seeding"])
        if output:
            bench.write_section(Path(output), connection.vendor, body)
            self.stdout.write(self.style.SUCCESS(f"Recorded in {output}"))
