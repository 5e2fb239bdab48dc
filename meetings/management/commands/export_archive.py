"""python manage.py export_archive OUT — the whole archive as one download (a new folder)."""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from meetings.opendata.dump.export import export_archive
from meetings.opendata.dump.format import DEFAULT_LICENCE, DumpError


class Command(BaseCommand):
    help = (
        "Write meetings, participants (aliases, roles), turns and topics as gzip-compressed JSON Lines "
        "(and CSV), with a README of the fields, the licence and a manifest of counts, sizes and "
        "SHA-256 checksums, into the new folder OUT (written beside it, then renamed). Put OUT in "
        "DUMPS_DIR to publish it on /downloads/."
    )

    def add_arguments(self, parser):
        parser.add_argument("out", help="the folder to create (it must not exist, or be empty)")

    def handle(self, *args, **options):
        licence = DEFAULT_LICENCE
        if settings.DATA_LICENCE_FILE:
            try:
                licence = Path(settings.DATA_LICENCE_FILE).read_text(encoding="utf-8")
            except OSError as exc:
                raise CommandError(f"DATA_LICENCE_FILE {settings.DATA_LICENCE_FILE}: {exc}") from None
        say = self.stdout.write if options["verbosity"] >= 1 else (lambda s: None)
        try:
            report = export_archive(Path(options["out"]), licence, say)
        except DumpError as exc:
            raise CommandError(str(exc)) from None
        size = sum(e.bytes for e in report.files)
        self.stdout.write(
            f"{report.folder}: {len(report.files)} files, {size / 1e6:.1f} MB, in {report.seconds:.1f} s "
            f"({', '.join(f'{n:,} {what}' for what, n in report.manifest['counts'].items())})"
        )
