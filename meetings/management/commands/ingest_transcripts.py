"""python manage.py ingest_transcripts PATH... [--dry-run]"""

from __future__ import annotations

import multiprocessing
import os
import sys
import time
from collections import Counter

from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from meetings.derived import search
from meetings.derived.aggregates import rebuild as rebuild_aggregates
from meetings.derived.aggregates import total_turns
from meetings.derived.topic_index import rebuild as rebuild_topics
from meetings.http.caching import archive_changed
from meetings.ingest.prepare import prepare_args
from meetings.ingest.single import (
    FileReport,
    Ingester,
    acquire_ingest_lock,
    find_transcripts,
    release_ingest_lock,
)
from meetings.models import Meeting, Participant


class Command(BaseCommand):
    help = (
        "Ingest transcript files or directories (recursively, *.txt). New meetings are written "
        "in batches, one transaction each, any other file in a transaction of its own; unchanged "
        "files are skipped; a file that fails is reported and the rest still ingest; the exit "
        "status is non-zero when any file failed."
    )

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", help="transcript files or directories")
        parser.add_argument("--dry-run", action="store_true", help="parse and report, write nothing")
        parser.add_argument("--no-progress", action="store_true", help="plain lines even on a terminal")
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
        files = list(find_transcripts(paths))
        if not files:
            raise CommandError("no transcript files (*.txt) found under: " + ", ".join(paths))
        tty = sys.stdout.isatty() and not no_progress
        ingester = Ingester(dry_run=dry_run, batch_size=options.get("batch_size"))
        reports: list[FileReport] = []
        started = time.monotonic()
        acquire_ingest_lock()
        try:
            with connection.cursor() as cur:
                # Each file (or batch of new files) is still one transaction; its commit just does
                # not wait for the disk flush (a crash can lose the last commits, never half a file).
                cur.execute("SET synchronous_commit = off")
            known = {name: sha for name, (sha, _, _) in ingester.known_sources().items()}
            jobs = options["jobs"] or (min(4, os.cpu_count() or 1) if len(files) >= 16 else 1)
            for n, report in enumerate(self._reports(files, known, ingester, jobs), start=1):
                reports.append(report)
                self._progress(n, len(files), report, tty, verbosity)
            changed = any(r.status in ("new", "updated", "duplicate") for r in reports)
            if changed and not dry_run and not options["no_topics"]:
                topics = rebuild_topics()
                self.stdout.write(
                    f"topics: {topics.topics} topics on {topics.turn_topics} remarks, re-scored in {topics.seconds:.1f} s"
                )
            if changed and not dry_run:
                rebuild_aggregates()  # profiles' and lists' figures, one transaction
                search.refresh_recent_index()  # the newest turns' own search index, when due
                archive_changed()  # new ETags; cached pages are no longer served
        finally:
            release_ingest_lock()
        if tty:
            self.stdout.write("")
        self._summary(reports, time.monotonic() - started, dry_run)
        failed = [r for r in reports if r.status == "failed"]
        if failed:
            raise CommandError(f"{len(failed)} of {len(reports)} file(s) failed", returncode=1)

    @staticmethod
    def _reports(files, known, ingester, jobs):
        """Parse in `jobs` worker processes (in order), write in this one."""
        work = [(str(path), known.get(path.name)) for path, problem in files if not problem]
        problems = {str(path): problem for path, problem in files if problem}
        if jobs > 1 and len(work) > 1:
            # forkserver: workers start from a clean process (no threads, no database connection);
            # they import only the parser, which needs no Django.
            pool = multiprocessing.get_context("forkserver").Pool(jobs)
            prepared = pool.imap(prepare_args, work, chunksize=8)
        else:
            pool = None
            prepared = map(prepare_args, work)
        try:
            for path, problem in problems.items():
                yield FileReport(path, "failed", reason=problem)
            yield from ingester.ingest_many(prepared)
        finally:
            if pool is not None:
                pool.terminate()

    def _progress(self, n: int, total: int, r: FileReport, tty: bool, verbosity: int) -> None:
        if r.status == "failed":
            if tty:
                self.stdout.write("")
            self.stderr.write(f"FAILED {r.path}: {r.reason}")
        if tty:
            width = 30
            done = int(width * n / total)
            self.stdout.write(f"\r[{'#' * done}{'.' * (width - done)}] {n}/{total} {r.status:<9}", ending="")
            self.stdout.flush()
        elif verbosity >= 1 and r.status != "failed":
            extra = f" -> {r.meeting} ({r.turns} turns)" if r.meeting else ""
            self.stdout.write(f"{r.status:<9} {r.path}{extra}")
        if verbosity >= 2:
            for w in r.warnings:
                self.stdout.write(f"  warning: {w}")

    def _summary(self, reports: list[FileReport], seconds: float, dry_run: bool) -> None:
        counts = Counter(r.status for r in reports)
        head = "Dry run (nothing written): " if dry_run else ""
        self.stdout.write(
            head
            + "files: "
            + ", ".join(
                f"{counts.get(s, 0)} {s}" for s in ("new", "updated", "unchanged", "duplicate", "failed")
            )
            + f" in {seconds:.1f} s"
        )
        self.stdout.write(
            f"archive: {Meeting.objects.count()} meetings, {total_turns()} turns, "
            f"{Participant.objects.count()} participants"
        )
        warned = [r for r in reports if r.warnings]
        for r in warned:
            for w in r.warnings:
                self.stdout.write(f"warning: {r.path}: {w}")
        unresolved = Counter(label for r in reports for label in r.unresolved)
        if unresolved:
            self.stdout.write("Labels attributed to no person (check them):")
            for label, c in sorted(unresolved.items(), key=lambda kv: (-kv[1], kv[0])):
                self.stdout.write(f"  {c:5} × {label}")
        guesses = [(r.path, g) for r in reports for g in r.guesses]
        if guesses:
            self.stdout.write("Attributions made by a guess (check them):")
            for path, g in guesses:
                self.stdout.write(f"  {path}: {g}")
