"""python manage.py ingest_transcripts PATH... [--dry-run]"""

from __future__ import annotations

import sys
import time

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from meetings.core.corrections import CorrectionsError, load_corrections_file
from meetings.editorial.people import apply_corrections, check_against_archive
from meetings.ingest import run
from meetings.ingest.files import find_transcripts
from meetings.ingest.report import FileReport
from meetings.ingest.single import Ingester
from meetings.models import ArchiveState
from meetings.sql.ingest import fast_commits
from meetings.sql.locks import acquire_ingest_lock, release_ingest_lock


class Command(BaseCommand):
    help = (
        "Ingest transcript files or directories (recursively, *.txt, *.html). New meetings are written "
        "in batches, one transaction each, any other file in a transaction of its own; unchanged "
        "files are left as they are; pages that are not transcripts (no speaker labels) are skipped "
        "and counted; a file that fails is reported and the rest still ingest; the exit status is "
        "non-zero when any file failed (or, with --strict, was skipped)."
    )

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", help="transcript files or directories")
        parser.add_argument("--dry-run", action="store_true", help="parse and report, write nothing")
        parser.add_argument(
            "--people",
            metavar="FILE",
            default=None,
            help="editors' corrections of people (TOML), applied after the files (default: PEOPLE_FILE)",
        )
        parser.add_argument("--no-progress", action="store_true", help="plain lines even on a terminal")
        parser.add_argument(
            "--strict",
            action="store_true",
            help="count pages that are not transcripts (no speaker labels) as failures, not skips",
        )
        parser.add_argument(
            "--reparse",
            action="store_true",
            help="parse unchanged files again (after upgrading the parser); remarks keep their links",
        )
        parser.add_argument(
            "--jobs",
            type=int,
            default=0,
            help="processes that parse in parallel (default: the number of cores, 1 for few files)",
        )
        parser.add_argument(
            "--no-topics",
            action="store_true",
            help="do not re-score topics afterwards (run rebuild_topics later)",
        )
        parser.add_argument(
            "--batch-size",
            type=int,
            default=None,
            help="new meetings written per transaction (default 200; 1: each file on its own)",
        )

    def handle(self, *args, **options):
        paths = options["paths"]
        dry_run = options["dry_run"]
        no_progress = options["no_progress"]
        verbosity = options.get("verbosity", 1)
        people_file = options.get("people") or settings.PEOPLE_FILE
        corrections = None
        if people_file:
            try:  # a people file with an error stops the run before anything is written
                corrections = load_corrections_file(people_file)
                check_against_archive(corrections)
            except (CorrectionsError, OSError) as exc:
                raise CommandError(f"people file: {exc}") from None
        files = list(find_transcripts(paths))
        if not files:
            raise CommandError("no transcript files (*.txt, *.html) found under: " + ", ".join(paths))
        tty = sys.stdout.isatty() and not no_progress
        ingester = Ingester(dry_run=dry_run, reparse=options["reparse"])
        corrected = None
        reports: list[FileReport] = []
        started = time.monotonic()
        acquire_ingest_lock()
        try:
            # Marked before the first write and cleared once the derived data is rebuilt: a run
            # stopped in between leaves the mark, and the next run rebuilds what it left undone.
            left_undone = False if dry_run else ArchiveState.set_derived_pending(True)
            fast_commits()
            jobs = options["jobs"] or run.default_jobs(len(files))
            found = run.ingest_files(files, ingester, options.get("batch_size"), jobs)
            for n, report in enumerate(found, start=1):
                reports.append(report)
                self._progress(n, len(files), report, tty, verbosity)
            # The editors' corrections, after the files: every run leaves the archive corrected.
            try:
                corrected = apply_corrections(corrections, dry_run=dry_run) if corrections else None
            except CorrectionsError as exc:  # (a slug this run's files gave someone else)
                raise CommandError(f"people file: {exc}") from None
            run.refresh_derived(
                reports,
                dry_run,
                not options["no_topics"],
                self.stdout.write,
                corrected=bool(corrected and corrected.changed),
                left_undone=left_undone,
            )
            if not dry_run and not (left_undone and options["no_topics"]):
                ArchiveState.set_derived_pending(False)  # (topics a stopped run left: the next full run)
        except KeyboardInterrupt:
            if dry_run:
                raise CommandError(
                    "stopped before the end: a dry run, nothing written", returncode=130
                ) from None
            written = sum(1 for r in reports if r.status in ("new", "updated", "duplicate"))
            raise CommandError(
                f"stopped before the end: {written} file(s) written whole, none half-written; the"
                " profiles' figures, topics and search words are rebuilt by the next ingest (topics"
                " by one without --no-topics)",
                returncode=130,
            ) from None
        finally:
            release_ingest_lock()
        if tty:
            self.stdout.write("")
        for line in run.summary_lines(reports, time.monotonic() - started, dry_run):
            self.stdout.write(line)
        if corrected is not None:
            for line in corrected.lines():
                self.stdout.write(line)
        failed = [r for r in reports if r.status == "failed"]
        if options["strict"]:
            failed += [r for r in reports if r.status == "skipped"]
        if failed:
            raise CommandError(f"{len(failed)} of {len(reports)} file(s) failed", returncode=1)

    def _progress(self, n: int, total: int, r: FileReport, tty: bool, verbosity: int) -> None:
        if r.status == "failed":
            if tty:
                self.stdout.write("")
            self.stderr.write(f"FAILED {r.path}: {r.reason}")
        elif r.status == "updated" and r.reason and tty:
            self.stdout.write(f"\nupdated {r.path}: {r.reason}")
        if tty:
            width = 30
            done = int(width * n / total)
            self.stdout.write(f"\r[{'#' * done}{'.' * (width - done)}] {n}/{total} {r.status:<9}", ending="")
            self.stdout.flush()
        elif verbosity >= 1 and r.status != "failed":
            extra = (
                f" -> {r.meeting} ({r.turns} turns)" if r.meeting else f" ({r.reason})" if r.reason else ""
            )
            if r.meeting and r.reason and r.status in ("updated", "duplicate"):
                extra += f": {r.reason}"
            self.stdout.write(f"{r.status:<9} {r.path}{extra}")
        if verbosity >= 2:
            for w in r.warnings:
                self.stdout.write(f"  warning: {w}")
