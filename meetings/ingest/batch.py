"""Batched writes for the common case of an ingest: files whose meeting is new to the archive.

A batch of such files is written in ONE transaction with a handful of statements (one alias
query for every name of the batch, bulk inserts of people, aliases, meetings and sources, the turns
COPYed into a staging table and inserted with their search vectors in one statement, the counts
of the people concerned refreshed once), instead of some twenty statements per file.

The result is the same database as ingesting the files one at a time, in order (tests/ingest/
test_ingest_batch.py compares the two): people are resolved in memory against what the archive
knows plus what the earlier files of the batch added, with each file seeing exactly the aliases
its own query would have returned; slugs are made unique against the archive and the batch.

Everything else goes through the per-file path of `Ingester.ingest_prepared`, after the pending
batch is written, so that it sees what the files before it wrote: a file whose source name or
meeting the archive (or the pending batch) already has (an edit, a repost), and a file in which
a full name turns a person known only by initials into that person. When a batch fails, it is
rolled back and its files are written one by one, so a bad file fails alone and nothing is
half-written; a batch is one transaction, so a crash leaves whole files only.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import NamedTuple

from django.db import transaction
from django.utils import timezone

from meetings.core import identity as ident
from meetings.core.parser.names import sort_name, tidy_name
from meetings.core.permalinks import (
    NewTurn,
    key_prefix,
    meeting_identity,
    meeting_slug,
    participant_slug,
    unique_slug,
)
from meetings.ingest.people import add_aliases, known_aliases, rename_participant
from meetings.ingest.prepare import PreparedFile
from meetings.ingest.report import FileReport, note_turn
from meetings.ingest.slugs import TakenSlugs
from meetings.ingest.sources import RunSources
from meetings.models import Meeting, MeetingSource, Participant
from meetings.sql.ingest import TurnRow, add_participant_counts, update_meeting_vectors, write_turns

BATCH_FIRST = 8  # the first batch is small (the first meetings show up at once), then it doubles
BATCH_MAX = 200  # files per batch at most
BATCH_BYTES = 32 * 1024 * 1024  # and at most this much transcript text


class _NewFile(NamedTuple):
    """A file whose meeting is new to the archive, waiting in the pending batch."""

    slot: int  # its place among the reports
    prep: PreparedFile
    identity: str  # its meeting's identity


class _NotNew(Exception):
    """A file of the batch turned out not to be new after all: write the batch file by file."""


class BatchWriter:
    """Feeds a stream of prepared files to the database: new meetings in batches, everything else
    file by file, reports in the order of the files."""

    def __init__(
        self,
        write_one: Callable[[PreparedFile], FileReport],
        sources: RunSources,
        batch_size: int = BATCH_MAX,
    ):
        self.write_one = write_one  # the per-file writer, for every file not written in a batch
        self.sources = sources
        self.batch_size = max(1, batch_size)
        self.names: set[str] = set()  # source names the archive has (a superset is harmless)
        self.identities: set[str] = set()  # meeting identities the archive has (likewise)

    def ingest(self, prepared: Iterable[PreparedFile]) -> Iterator[FileReport]:
        self.names = set(self.sources.known())
        self.identities = set(Meeting.objects.values_list("identity", flat=True))
        slots: list[FileReport | None] = []  # in file order; None: a file of the pending batch
        batch: list[_NewFile] = []
        batch_names: set[str] = set()
        batch_identities: set[str] = set()
        batch_bytes = 0
        limit = min(BATCH_FIRST, self.batch_size)

        def flush() -> Iterator[FileReport]:
            nonlocal batch_bytes
            if batch:
                for f, report in zip(batch, self._write_batch(list(batch))):
                    slots[f.slot] = report
                batch.clear()
                batch_names.clear()
                batch_identities.clear()
                batch_bytes = 0
            yield from slots
            slots.clear()

        for prep in prepared:
            if prep.error or prep.skipped or prep.unchanged:
                # Nothing to write (the file's source is not one the pending batch touches).
                slots.append(self.write_one(prep))
                if not batch or len(slots) >= self.batch_size:  # no report waits long
                    yield from flush()
                continue
            t = prep.transcript
            try:
                identity = meeting_identity(t.date, t.title)
            except Exception:  # let the per-file path report it
                identity = None
            if (
                identity is None
                or prep.name in self.names
                or prep.name in batch_names
                or identity in self.identities
                or identity in batch_identities
            ):
                # An edit, a repost, a second file of a meeting: file by file, after the batch.
                yield from flush()
                slots.append(self.write_one(prep))
                self.names.add(prep.name)
                if identity is not None:
                    self.identities.add(identity)
                continue
            slots.append(None)
            self.sources.touched.add(prep.name)
            batch.append(_NewFile(len(slots) - 1, prep, identity))
            batch_names.add(prep.name)
            batch_identities.add(identity)
            batch_bytes += prep.size
            if len(batch) >= limit or batch_bytes >= BATCH_BYTES:
                yield from flush()
                limit = min(limit * 2, self.batch_size)
        yield from flush()

    # -------------------------------------------------------------------------------------------
    def _write_batch(self, files: list[_NewFile]) -> list[FileReport]:
        """Write these new files (as many as possible in one transaction) and report on each."""
        reports: list[FileReport] = []
        rest = files
        while rest:
            plan: _Plan | None = None
            try:
                with transaction.atomic():
                    plan = _Plan(rest)
                    plan.resolve()
                    if plan.files:
                        plan.write()
            except Exception:  # a database error: the batch is rolled back; redo it file by file
                done = len(plan.files) if plan is not None and plan.resolved else len(rest)
                reports.extend(self.write_one(f.prep) for f in rest[:done])
            else:
                done = len(plan.files)
                reports.extend(plan.reports)
            for f in rest[:done]:
                self.names.add(f.prep.name)
                self.identities.add(f.identity)
            rest = rest[done:]
            if rest:
                # Its full names take over a person known only by initials: the per-file path.
                f = rest[0]
                reports.append(self.write_one(f.prep))
                self.names.add(f.prep.name)
                self.identities.add(f.identity)
                rest = rest[1:]
        return reports


class _AliasPool:
    """The aliases that matter for a batch: the archive's (one query) and those the batch adds,
    looked up the way the per-file query selects them (same key, folded key or surname)."""

    def __init__(self, rows):
        self.by: dict[str, dict[str, list[ident.KnownAlias]]] = {
            "key": defaultdict(list),
            "folded": defaultdict(list),
            "surname": defaultdict(list),
        }
        self.count = 0
        self.order: dict[int, int] = {}
        for r in rows:
            self.add(r)

    def add(self, a: ident.KnownAlias) -> None:
        self.order[id(a)] = self.count
        self.count += 1
        self.by["key"][a.key].append(a)
        self.by["folded"][a.folded].append(a)
        self.by["surname"][a.surname].append(a)

    def matching(self, wanted: dict[str, set[str]]) -> list[ident.KnownAlias]:
        found: dict[int, ident.KnownAlias] = {}
        for column, values in wanted.items():
            for v in values:
                for a in self.by[column].get(v, ()):
                    found[id(a)] = a
        return sorted(found.values(), key=lambda a: self.order[id(a)])


class _Speaker(NamedTuple):
    name: str
    slug: str


@dataclass
class _NewPerson:
    temp_id: int
    name: str
    slug: str


@dataclass
class _FilePlan:
    prep: PreparedFile
    identity: str
    report: FileReport
    people: dict[str, int] = field(default_factory=dict)  # local name -> participant id (temporary when < 0)
    meeting_slug: str = ""


class _Plan:
    """What a batch writes, decided in memory before anything is written."""

    def __init__(self, files: list[_NewFile]):
        self.candidates = files
        self.files: list[_FilePlan] = []
        self.resolved = False
        self.new_people: list[_NewPerson] = []
        self.renames: dict[int, str] = {}  # (provisional) participant id -> a fuller name to show
        self.new_aliases: list[ident.NewAlias] = []
        self.reports: list[FileReport] = []

    def resolve(self) -> None:
        names = [f.prep.name for f in self.candidates]
        identities = [f.identity for f in self.candidates]
        if (
            MeetingSource.objects.filter(name__in=names).exists()
            or Meeting.objects.filter(identity__in=identities).exists()
        ):
            raise _NotNew
        forms_of = [ident.people_forms(f.prep.transcript) for f in self.candidates]
        pool = _AliasPool(known_aliases(n for w in forms_of for forms in w.values() for n in forms))
        person_slugs = TakenSlugs(
            Participant, {participant_slug(tidy_name(local)) for w in forms_of for local in w}
        )
        meeting_slugs = TakenSlugs(
            Meeting, {meeting_slug(f.prep.transcript.date, f.prep.transcript.title) for f in self.candidates}
        )
        next_temp = -1
        for f, written in zip(self.candidates, forms_of):
            prep, t = f.prep, f.prep.transcript
            fp = _FilePlan(
                prep, f.identity, FileReport(prep.path, "new", warnings=list(t.warnings), turns=len(t.turns))
            )
            # The aliases the per-file writer's query would return, against the archive as it
            # would be by now (the earlier files of the batch written).
            index = ident.AliasIndex(
                pool.matching(ident.lookup_keys(n for forms in written.values() for n in forms))
            )
            plan = ident.plan_people(written, index, first_new_id=next_temp)
            if plan.absorbs:
                break  # this file and the rest: not in this batch
            next_temp -= len(plan.new)
            slugs: set[str] = set()
            for person in plan.people:
                if person.is_new:
                    slug = unique_slug(
                        participant_slug(person.new_name),
                        lambda s: s in slugs or person_slugs(s),  # noqa: B023 (called at once)
                    )
                    slugs.add(slug)
                    self.new_people.append(_NewPerson(person.participant_id, person.new_name, slug))
                elif person.guess:
                    fp.report.guesses.append(person.guess)
                if person.fuller_name:
                    self.renames[person.participant_id] = person.fuller_name
            fp.people = plan.ids
            for alias in plan.aliases:
                pool.add(alias.as_known())
            for slug in slugs:
                person_slugs.add(slug)
            self.new_aliases.extend(plan.aliases)
            fp.meeting_slug = unique_slug(meeting_slug(t.date, t.title), meeting_slugs)
            meeting_slugs.add(fp.meeting_slug)
            self.files.append(fp)
        self.resolved = True

    def write(self) -> None:
        # People first: their ids replace the temporary ones.
        created = Participant.objects.bulk_create(
            [Participant(name=p.name, slug=p.slug, sort_name=sort_name(p.name)) for p in self.new_people]
        )
        real = {p.temp_id: c.pk for p, c in zip(self.new_people, created)}
        add_aliases(self.new_aliases, real)
        for pid, name in self.renames.items():
            rename_participant(real.get(pid, pid), name)
        people = {p.temp_id: _Speaker(p.name, p.slug) for p in self.new_people}
        known = {pid for fp in self.files for pid in fp.people.values() if pid > 0}
        people.update(
            {
                pid: _Speaker(name, slug)
                for pid, name, slug in Participant.objects.filter(pk__in=known).values_list(
                    "id", "name", "slug"
                )
            }
        )

        meetings: list[Meeting] = []
        stage: list[list[TurnRow]] = []
        sources: list[MeetingSource] = []
        added_turns: dict[int, int] = defaultdict(int)
        added_meetings: dict[int, int] = defaultdict(int)
        for fp in self.files:
            t, prep = fp.prep.transcript, fp.prep
            now = timezone.now()
            new_turns, speakers = [], []
            for pt in t.turns:
                pid = fp.people.get(pt.name) if pt.name else None
                speakers.append(pid)
                new_turns.append(
                    NewTurn(
                        prefix=key_prefix(people[pid].slug if pid is not None else None, pt.generic, pt.kind),
                        text=pt.text,
                    )
                )
            keys = fresh_keys(new_turns)
            rows: list[TurnRow] = []
            for i, (pt, pid, key, ph) in enumerate(zip(t.turns, speakers, keys, prep.phrases), start=1):
                rows.append(
                    TurnRow(
                        meeting_id=None,
                        date=t.date,
                        position=i,
                        speaker_id=real.get(pid, pid),
                        speaker_label=(pt.label or "")[:500],
                        role=pt.role or None,
                        kind=pt.kind,
                        text=pt.text,
                        key=key,
                        resolution=pt.resolution,
                        section=pt.section or "",
                        is_procedural=ph.procedural,
                        words=ph.words,
                        phrases=json.dumps(ph.counts),
                    )
                )
                note_turn(fp.report, pt, people[pid].name if pid is not None else None)
            speaker_ids = {r.speaker_id for r in rows if r.speaker_id}
            for r in rows:
                if r.speaker_id:
                    added_turns[r.speaker_id] += 1
            for pid in speaker_ids:
                added_meetings[pid] += 1
            meetings.append(
                Meeting(
                    slug=fp.meeting_slug,
                    identity=fp.identity,
                    title=t.title,
                    date=t.date,
                    place=t.place,
                    description=t.description,
                    is_excerpt=t.is_excerpt,
                    source_name=prep.name,
                    source_sha256=prep.sha,
                    ingested_at=now,
                    turn_count=len(rows),
                    speaker_count=len(speaker_ids),
                )
            )
            stage.append(rows)
            sources.append(
                MeetingSource(
                    name=prep.name,
                    sha256=prep.sha,
                    size=prep.size,
                    turn_count=len(t.turns),
                    is_primary=True,
                    ingested_at=now,
                )
            )
            fp.report.meeting = fp.meeting_slug
        Meeting.objects.bulk_create(meetings)
        for m, source in zip(meetings, sources):
            source.meeting = m
        write_turns([r._replace(meeting_id=m.pk) for m, rows in zip(meetings, stage) for r in rows])
        update_meeting_vectors([m.pk for m in meetings])
        MeetingSource.objects.bulk_create(sources)
        add_participant_counts(added_turns, added_meetings)
        self.reports = [fp.report for fp in self.files]


def fresh_keys(turns: list[NewTurn]) -> list[str]:
    """The keys `assign_keys` gives the turns of a meeting that had none before (no old turns, no
    retired keys): each prefix numbered from 1, in order."""
    seen: dict[str, int] = defaultdict(int)
    keys = []
    for t in turns:
        seen[t.prefix] += 1
        keys.append(f"{t.prefix}-{seen[t.prefix]}")
    return keys
