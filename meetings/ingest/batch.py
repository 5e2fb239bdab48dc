"""Batched writes for the common case of an ingest: files whose meeting is new to the archive.

A batch of such files is written in ONE transaction with a handful of statements (one alias
query for every name of the batch, bulk inserts of people, aliases, meetings and sources, the turns
COPYed into a staging table and inserted with their search vectors in one statement, the counts
of the people concerned refreshed once), instead of some twenty statements per file.

The result is the same database as ingesting the files one at a time, in order (tests/
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
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache

from django.db import connection, transaction
from django.db.models import Q
from django.utils import timezone

from meetings.core import identity as ident
from meetings.core.parser.names import has_initial_only, sort_name, tidy_name
from meetings.core.permalinks import (
    NewTurn,
    key_prefix,
    meeting_identity,
    meeting_slug,
    participant_slug,
    unique_slug,
)
from meetings.derived import search
from meetings.ingest.prepare import PreparedFile
from meetings.ingest.single import (
    FileReport,
    Ingester,
    add_participant_counts,
    note_known_person,
    note_turn,
    people_forms,
)
from meetings.models import Meeting, MeetingSource, Participant, ParticipantAlias, Turn

BATCH_FIRST = 8  # the first batch is small (the first meetings show up at once), then it doubles
BATCH_MAX = 200  # files per batch at most
BATCH_BYTES = 32 * 1024 * 1024  # and at most this much transcript text

# The turn columns the batch writes, in the order of the staging table (search_vector is computed).
TURN_COLUMNS = [
    "meeting_id",
    "date",
    "position",
    "speaker_id",
    "speaker_label",
    "role",
    "kind",
    "text",
    "key",
    "resolution",
    "is_procedural",
    "words",
    "phrases",
]
_STAGE = "ingest_turn_stage"


class _NotNew(Exception):
    """A file of the batch turned out not to be new after all: write the batch file by file."""


class BatchWriter:
    """Feeds a stream of prepared files to the database: new meetings in batches, everything else
    file by file, reports in the order of the files."""

    def __init__(self, ingester: Ingester):
        self.ingester = ingester
        self.batch_size = max(1, ingester.batch_size)
        self.names: set[str] = set()  # source names the archive has (a superset is harmless)
        self.identities: set[str] = set()  # meeting identities the archive has (likewise)

    def ingest(self, prepared: Iterable[PreparedFile]) -> Iterator[FileReport]:
        self.names = set(self.ingester.known_sources())
        self.identities = set(Meeting.objects.values_list("identity", flat=True))
        slots: list[FileReport | None] = []  # in file order; None: a file of the pending batch
        batch: list[tuple[int, PreparedFile, str]] = []  # (slot, file, meeting identity)
        batch_names: set[str] = set()
        batch_identities: set[str] = set()
        batch_bytes = 0
        limit = min(BATCH_FIRST, self.batch_size)

        def flush() -> Iterator[FileReport]:
            nonlocal batch_bytes
            if batch:
                for (slot, _, _), report in zip(batch, self._write_batch([(p, i) for _, p, i in batch])):
                    slots[slot] = report
                batch.clear()
                batch_names.clear()
                batch_identities.clear()
                batch_bytes = 0
            yield from slots
            slots.clear()

        for prep in prepared:
            if prep.error or prep.unchanged:
                # Nothing to write (the file's source is not one the pending batch touches).
                slots.append(self.ingester.ingest_prepared(prep))
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
                slots.append(self.ingester.ingest_prepared(prep))
                self.names.add(prep.name)
                if identity is not None:
                    self.identities.add(identity)
                continue
            slots.append(None)
            self.ingester.touched.add(prep.name)
            batch.append((len(slots) - 1, prep, identity))
            batch_names.add(prep.name)
            batch_identities.add(identity)
            batch_bytes += prep.size
            if len(batch) >= limit or batch_bytes >= BATCH_BYTES:
                yield from flush()
                limit = min(limit * 2, self.batch_size)
        yield from flush()

    # -------------------------------------------------------------------------------------------
    def _write_batch(self, files: list[tuple[PreparedFile, str]]) -> list[FileReport]:
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
                reports.extend(self.ingester.ingest_prepared(p) for p, _ in rest[:done])
            else:
                done = len(plan.files)
                reports.extend(plan.reports)
            for p, identity in rest[:done]:
                self.names.add(p.name)
                self.identities.add(identity)
            rest = rest[done:]
            if rest:
                # Its full names take over a person known only by initials: the per-file path.
                p, identity = rest[0]
                reports.append(self.ingester.ingest_prepared(p))
                self.names.add(p.name)
                self.identities.add(identity)
                rest = rest[1:]
        return reports


@lru_cache(maxsize=65536)
def _name_fields(name: str) -> tuple[tuple[str, str], ...]:
    return tuple(ident.alias_fields(name).items())


def _alias_fields(name: str) -> dict[str, str]:
    """`identity.alias_fields`, remembered: a batch looks at the same names many times."""
    return dict(_name_fields(name))


def _lookup_keys(names: Iterable[str]) -> dict[str, set[str]]:
    """`identity.lookup_keys`, from the remembered fields."""
    out: dict[str, set[str]] = {"key": set(), "folded": set(), "surname": set()}
    for n in names:
        f = _alias_fields(n)
        for column in out:
            out[column].add(f[column])
    return out


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

    def __init__(self, files: list[tuple[PreparedFile, str]]):
        self.candidates = files
        self.files: list[_FilePlan] = []
        self.resolved = False
        self.new_people: list[_NewPerson] = []
        self.new_aliases: list[tuple[int, str, str, dict]] = []  # participant id, written, how, fields
        self.reports: list[FileReport] = []

    def resolve(self) -> None:
        names = [p.name for p, _ in self.candidates]
        identities = [i for _, i in self.candidates]
        if (
            MeetingSource.objects.filter(name__in=names).exists()
            or Meeting.objects.filter(identity__in=identities).exists()
        ):
            raise _NotNew
        forms_of = [people_forms(p.transcript) for p, _ in self.candidates]
        everyone = [n for w in forms_of for forms in w.values() for n in forms]
        pool = _AliasPool([])
        if everyone:
            wanted = _lookup_keys(everyone)
            rows = (
                ParticipantAlias.objects.filter(
                    Q(key__in=wanted["key"])
                    | Q(folded__in=wanted["folded"])
                    | Q(surname__in=wanted["surname"])
                )
                .order_by("id")
                .values_list("key", "folded", "surname", "initial", "participant_id", "written")
            )
            pool = _AliasPool([ident.KnownAlias(*r[:5], initial_only=has_initial_only(r[5])) for r in rows])
        person_slugs = _Slugs(
            Participant, {participant_slug(tidy_name(local)) for w in forms_of for local in w}
        )
        meeting_slugs = _Slugs(
            Meeting, {meeting_slug(p.transcript.date, p.transcript.title) for p, _ in self.candidates}
        )
        next_temp = -1
        for (prep, identity), written in zip(self.candidates, forms_of):
            t = prep.transcript
            fp = _FilePlan(
                prep, identity, FileReport(prep.path, "new", warnings=list(t.warnings), turns=len(t.turns))
            )
            # Exactly what Ingester._resolve_people does, against the archive as it would be by now.
            index = ident.AliasIndex(
                pool.matching(_lookup_keys(n for forms in written.values() for n in forms))
            )
            people: list[_NewPerson] = []
            aliases: list[tuple[int, str, str, dict]] = []
            added: list[ident.KnownAlias] = []
            slugs: set[str] = set()
            absorbs = False
            for local, forms in written.items():
                res = ident.resolve(forms, index)
                if res.participant_id is None:
                    canonical = tidy_name(local)
                    slug = unique_slug(participant_slug(canonical), lambda s: s in slugs or person_slugs(s))  # noqa: B023 (called at once)
                    slugs.add(slug)
                    pid, next_temp = next_temp, next_temp - 1
                    people.append(_NewPerson(pid, canonical, slug))
                    how = "new"
                else:
                    pid, how = res.participant_id, res.how
                    note_known_person(fp.report, local, how)
                fp.people[local] = pid
                known = {a.key for a in index.aliases}
                for form in forms:
                    fields = _alias_fields(form)
                    if fields["key"] in known or not fields["key"]:
                        continue
                    known.add(fields["key"])
                    aliases.append((pid, form[:200], how, fields))
                    a = ident.KnownAlias(participant_id=pid, initial_only=has_initial_only(form), **fields)
                    index.aliases.append(a)
                    added.append(a)
                if not has_initial_only(local) and ident.may_absorb(index, local, pid):
                    absorbs = True
                    break
            if absorbs:
                break  # this file and the rest: not in this batch
            for a in added:
                pool.add(a)
            for slug in slugs:
                person_slugs.add(slug)
            self.new_people.extend(people)
            self.new_aliases.extend(aliases)
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
        ParticipantAlias.objects.bulk_create(
            [
                ParticipantAlias(participant_id=real.get(pid, pid), written=written, how=how, **fields)
                for pid, written, how, fields in self.new_aliases
            ],
            ignore_conflicts=True,
        )
        people = {p.temp_id: (p.name, p.slug) for p in self.new_people}
        known = {pid for fp in self.files for pid in fp.people.values() if pid > 0}
        people.update(
            {
                pid: (name, slug)
                for pid, name, slug in Participant.objects.filter(pk__in=known).values_list(
                    "id", "name", "slug"
                )
            }
        )

        meetings, stage, sources = [], [], []
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
                        prefix=key_prefix(people[pid][1] if pid is not None else None, pt.generic, pt.kind),
                        text=pt.text,
                    )
                )
            keys = fresh_keys(new_turns)
            rows = []
            for i, (pt, pid, key, (counts, words, procedural)) in enumerate(
                zip(t.turns, speakers, keys, prep.phrases), start=1
            ):
                rows.append(
                    [
                        None,
                        t.date,
                        i,
                        real.get(pid, pid),
                        (pt.label or "")[:500],
                        pt.role or None,
                        pt.kind,
                        pt.text,
                        key,
                        pt.resolution,
                        procedural,
                        words,
                        json.dumps(counts),
                    ]
                )
                note_turn(fp.report, pt, people[pid][0] if pid is not None else None)
            speaker_ids = {r[3] for r in rows if r[3]}
            for r in rows:
                if r[3]:
                    added_turns[r[3]] += 1
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
        for m, rows, source in zip(meetings, stage, sources):
            source.meeting = m
            for r in rows:
                r[0] = m.pk
        write_turns([r for rows in stage for r in rows])
        with connection.cursor() as cur:
            cur.execute(search.MEETING_VECTOR_SQL, [[m.pk for m in meetings]])
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


def write_turns(rows: list[list]) -> None:
    """Insert turn rows (values in the order of TURN_COLUMNS) with their search vectors: COPY into
    a staging table, then one INSERT … SELECT that computes the vectors on the way.

    (Computing the text part of the vectors beforehand with a parallel query, from an unlogged
    staging table, was measured slower: 13.2 s against 11.6 s for 1,000 files, as the parse
    workers already hold the second core and the vectors are written and read once more.)"""
    expected = {f.column for f in Turn._meta.concrete_fields} - {"id", "search_vector"}
    if expected != set(TURN_COLUMNS):  # a column this writer does not know of: let the per-file path write it
        raise RuntimeError(
            f"the batched turn writer does not know the columns {sorted(expected ^ set(TURN_COLUMNS))}"
        )
    columns = ", ".join(f'"{c}"' for c in TURN_COLUMNS)
    table = Turn._meta.db_table
    with connection.cursor() as cur:
        cur.execute(
            f"CREATE TEMP TABLE {_STAGE} (ord serial, meeting_id integer, date date, position integer, "
            'speaker_id integer, speaker_label text, role text, kind text, text text, "key" text, resolution text, '
            "is_procedural boolean, words integer, phrases jsonb) ON COMMIT DROP"
        )
        with cur.cursor.copy(f"COPY {_STAGE} ({columns}) FROM STDIN") as copy:
            for r in rows:
                copy.write_row(r)
        cur.execute(
            f"INSERT INTO {table} ({columns}, search_vector) "
            f"SELECT {', '.join(f't."{c}"' for c in TURN_COLUMNS)}, ({search.TURN_HEAD_EXPR}) || archive_text_vector(t.text) "
            f"FROM {_STAGE} AS t LEFT JOIN {Participant._meta.db_table} AS p ON p.id = t.speaker_id ORDER BY t.ord"
        )
        cur.execute(f"DROP TABLE {_STAGE}")


class _Slugs:
    """Which slugs of `model` are taken, for `unique_slug` over many bases: the first few
    candidates of every base (base, base-2 …) in one query, any further one on its own, and the
    slugs the batch has given."""

    FIRST = 4

    def __init__(self, model, bases: set[str]):
        self.model = model
        candidates = [b if n == 1 else f"{b}-{n}" for b in sorted(bases) for n in range(1, self.FIRST + 1)]
        self.checked = set(candidates)
        self.taken = (
            set(model.objects.filter(slug__in=candidates).values_list("slug", flat=True))
            if candidates
            else set()
        )

    def __call__(self, slug: str) -> bool:
        if slug not in self.checked:
            self.checked.add(slug)
            if self.model.objects.filter(slug=slug).exists():
                self.taken.add(slug)
        return slug in self.taken

    def add(self, slug: str) -> None:
        self.checked.add(slug)
        self.taken.add(slug)
