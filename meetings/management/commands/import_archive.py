"""python manage.py import_archive DIR — load a dump made by export_archive into a fresh database."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from meetings.ingest.dump import load_archive
from meetings.opendata.dump.format import DumpError


class Command(BaseCommand):
    help = (
        "Load a dump (export_archive) into this database, which must be empty (migrated, nothing "
        "ingested): the manifest and every checksum are checked first, then everything is written "
        "in one transaction and the derived data (topics, aggregates, search) rebuilt as ingest "
        "does. On any error nothing is written, and the file and the reason are named."
    )

    def add_arguments(self, parser):
        parser.add_argument("dir", help="the dump's folder (with manifest.json)")

    def handle(self, *args, **options):
        say = self.stdout.write if options["verbosity"] >= 1 else (lambda s: None)
        try:
            report = load_archive(Path(options["dir"]), say)
        except DumpError as exc:
            raise CommandError(f"{options['dir']}: {exc}") from None
        self.stdout.write(
            f"loaded {', '.join(f'{n:,} {what}' for what, n in report.counts.items())} in {report.seconds:.1f} s"
        )
