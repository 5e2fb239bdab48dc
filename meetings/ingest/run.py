"""One ingest run, as `manage.py ingest_transcripts` makes it: files prepared in worker processes,
fed in order to the writers (new meetings in batches, anything else file by file), the derived
data brought up to date once at the end, and the summary."""

from __future__ import annotations

import multiprocessing
import os
from collections import Counter
from collections.abc import Callable, Iterable, Iterator

from meetings.derived import search
from meetings.derived.aggregates import rebuild as rebuild_aggregates
from meetings.derived.aggregates import total_turns
from meetings.derived.topic_index import rebuild as rebuild_topics
from meetings.http.caching import archive_changed
from meetings.ingest.batch import BATCH_MAX, BatchWriter
from meetings.ingest.files import FoundFile, shown_path
from meetings.ingest.people import settle_shown_spellings
from meetings.ingest.prepare import PreparedFile, PrepareJob, prepare_job
from meetings.ingest.report import FileReport
from meetings.ingest.single import Ingester
from meetings.models import Meeting, Participant


def default_jobs(files: int) -> int:
    """Worker processes for this many files: one for a few, else one a core (at most four)."""
    return min(4, os.cpu_count() or 1) if files >= 16 else 1


def write_prepared(
    prepared: Iterable[PreparedFile], ingester: Ingester, batch_size: int | None = None
) -> Iterator[FileReport]:
    """A report for each prepared file, in order; the database ends up as if each file had
    been ingested on its own, in that order."""
    batch_size = BATCH_MAX if batch_size is None else batch_size
    if ingester.dry_run or ingester.reparse or batch_size <= 1:
        # A dry run rolls back each file: every file sees the archive as it was.
        for prep in prepared:
            yield ingester.ingest_prepared(prep)
        return
    yield from BatchWriter(ingester.ingest_prepared, ingester.sources, batch_size).ingest(prepared)


def ingest_files(
    files: list[FoundFile], ingester: Ingester, batch_size: int | None, jobs: int
) -> Iterator[FileReport]:
    """Parse in `jobs` worker processes (in order), write in this one; the paths that cannot be
    read are reported first."""
    known = (
        {} if ingester.reparse else {name: source.sha256 for name, source in ingester.sources.known().items()}
    )
    work = [PrepareJob(str(f.path), known.get(f.path.name)) for f in files if not f.problem]
    problems = {
        shown_path(f.path): (f.problem, "skipped" if f.skipped else "failed") for f in files if f.problem
    }
    prepared: Iterator[PreparedFile]
    if jobs > 1 and len(work) > 1:
        # forkserver: workers start from a clean process (no threads, no database connection);
        # they import only the parser, which needs no Django.
        pool = multiprocessing.get_context("forkserver").Pool(jobs)
        prepared = pool.imap(prepare_job, work, chunksize=8)
    else:
        pool = None
        prepared = map(prepare_job, work)
    try:
        for path, (problem, status) in problems.items():
            yield FileReport(path, status, reason=problem)
        yield from write_prepared(prepared, ingester, batch_size)
    finally:
        if pool is not None:
            pool.terminate()


def refresh_derived(
    reports: list[FileReport],
    dry_run: bool,
    topics: bool,
    say: Callable[[str], None],
    corrected: bool = False,
    left_undone: bool = False,
) -> None:
    """After files were written: topics re-scored (unless left for later), the profiles' and
    lists' figures, the recent turns' search index and the caches. Also when nothing changed but
    a run stopped before doing it (`left_undone`)."""
    changed = corrected or any(r.status in ("new", "updated", "duplicate") for r in reports)
    if dry_run or not (changed or left_undone):
        return
    if left_undone and not changed:
        say("derived data a stopped ingest left undone: rebuilding it")
    settle_shown_spellings()  # a person written two ways shown as most labels write them
    # The aggregates first: the topics read the offices people spoke under from them.
    rebuild_aggregates()  # profiles' and lists' figures, one transaction
    if topics:
        scored = rebuild_topics()
        say(
            f"topics: {scored.topics} topics on {scored.turn_topics} remarks, re-scored in {scored.seconds:.1f} s"
        )
    search.refresh_recent_index()  # the newest turns' own search index, when due
    search.rebuild_vocabulary()  # the words "Did you mean" suggests from
    archive_changed()  # new ETags; cached pages are no longer served


def refresh_derived_after_corrections(say: Callable[[str], None]) -> None:
    """After editors' corrections moved remarks between people: the same derived data as after
    an ingest that changed something."""
    refresh_derived([], dry_run=False, topics=True, say=say, corrected=True)


def summary_lines(reports: list[FileReport], seconds: float, dry_run: bool) -> Iterator[str]:
    """What the run did, what the archive holds now, and what an editor should check."""
    counts = Counter(r.status for r in reports)
    head = "Dry run (nothing written): " if dry_run else ""
    yield (
        head
        + "files: "
        + ", ".join(
            f"{counts.get(s, 0)} {s}"
            for s in ("new", "updated", "unchanged", "duplicate", "skipped", "failed")
        )
        + f" in {seconds:.1f} s"
    )
    yield (
        f"archive: {Meeting.objects.count()} meetings, {total_turns()} turns, "
        f"{Participant.objects.count()} participants"
    )
    skipped = Counter(r.reason for r in reports if r.status == "skipped")
    for reason, n in sorted(skipped.items(), key=lambda kv: (-kv[1], kv[0])):
        yield f"skipped: {n} file(s), {reason}"
    for r in reports:
        for w in r.warnings:
            yield f"warning: {r.path}: {w}"
    unresolved = Counter(label for r in reports for label in r.unresolved)
    if unresolved:
        yield "Labels attributed to no person (check them):"
        for label, c in sorted(unresolved.items(), key=lambda kv: (-kv[1], kv[0])):
            yield f"  {c:5} × {label}"
    guesses = [(r.path, g) for r in reports for g in r.guesses]
    if guesses:
        yield "Attributions made by a guess (check them):"
        for path, g in guesses:
            yield f"  {path}: {g}"
