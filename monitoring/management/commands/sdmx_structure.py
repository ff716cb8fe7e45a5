"""`manage.py sdmx_structure`: write the SDMX-ML data structure definition kept in the repo."""

from django.core.management.base import BaseCommand

from monitoring.sdmx_export import DSD_FILE, structure_xml


class Command(BaseCommand):
    help = "Regenerate monitoring/sdmx/integra_dsd.xml from the indicator catalogue."

    def add_arguments(self, parser):
        parser.add_argument("--check", action="store_true", help="fail if the file is outdated")

    def handle(self, *args, check: bool, **options):
        xml = _stable(structure_xml())
        if check:
            if not DSD_FILE.exists() or _stable(DSD_FILE.read_bytes()) != xml:
                raise SystemExit(f"{DSD_FILE} is outdated: run manage.py sdmx_structure")
            self.stdout.write("up to date")
            return
        DSD_FILE.write_bytes(xml)
        self.stdout.write(self.style.SUCCESS(f"Wrote {DSD_FILE}"))


def _stable(xml: bytes) -> bytes:
    """The document without its header's preparation time."""
    import re

    return re.sub(rb"<mes:Prepared>[^<]*</mes:Prepared>", b"", xml)
