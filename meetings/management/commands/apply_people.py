"""python manage.py apply_people FILE [--dry-run]"""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError

from meetings.core.corrections import CorrectionsError, load_corrections_file
from meetings.editorial.people import apply_corrections
from meetings.ingest.run import refresh_derived_after_corrections
from meetings.sql.locks import acquire_ingest_lock, release_ingest_lock


class Command(BaseCommand):
    help = (
        "Apply an editors' people file (merges, splits, labels that are not people) to the archive "
        "already stored: remarks move between participants and keep their links; a speaker page "
        "that moves answers 301. A file with an error is refused with its line; nothing changes."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="the people file (TOML)")
        parser.add_argument("--dry-run", action="store_true", help="say what would change, change nothing")

    def handle(self, *args, **options):
        try:
            corrections = load_corrections_file(options["file"])
        except (CorrectionsError, OSError) as exc:
            raise CommandError(str(exc)) from None
        acquire_ingest_lock()
        try:
            try:
                report = apply_corrections(corrections, dry_run=options["dry_run"])
            except CorrectionsError as exc:
                raise CommandError(str(exc)) from None
            if report.changed and not options["dry_run"]:
                refresh_derived_after_corrections(self.stdout.write)
        finally:
            release_ingest_lock()
        for line in report.lines():
            self.stdout.write(("(dry run) " if options["dry_run"] else "") + line)
