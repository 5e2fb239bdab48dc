"""Writing parsed transcripts to the database: one transaction per file, keys carried over."""

from __future__ import annotations

import os
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from django.db import connection, transaction
from django.db.models import Q
from django.utils import timezone

from meetings.core import identity as ident
from meetings.core.parser import GUESSES, RESOLUTIONS, Transcript
from meetings.core.parser.names import first_initial, has_initial_only, surname_key, tidy_name
from meetings.core.permalinks import (
    KeyedTurn,
    NewTurn,
    assign_keys,
    key_prefix,
    meeting_identity,
    meeting_slug,
    participant_slug,
    split_key,
    unique_slug,
)
from meetings.derived import search
from meetings.ingest.prepare import MAX_FILE_BYTES, IngestError, PreparedFile, prepare, read_file  # noqa: F401
from meetings.models import (
    Meeting,
    MeetingSource,
    Participant,
    ParticipantAlias,
    ParticipantRedirect,
    RetiredTurnKey,
    Turn,
)

TRANSCRIPT_SUFFIXES = {".txt", ".text"}
INGEST_LOCK_ID = 0x7472616E  # pg_advisory_lock id shared by every ingest


@dataclass
class FileReport:
    path: str
    status: str  # new | updated | unchanged | duplicate | failed
    reason: str = ""
    meeting: str = ""
    turns: int = 0
    warnings: list[str] = field(default_factory=list)
    unresolved: list[str] = field(default_factory=list)  # labels that name no person
    guesses: list[str] = field(default_factory=list)  # attributions an editor should check


def find_transcripts(paths: Iterable[str | Path]) -> Iterator[tuple[Path, str | None]]:
    """Every transcript file under the given files and directories (recursively), in a stable
    order; yields (path, problem) where problem says why a path cannot be read."""
    seen: set[str] = set()
    for raw in paths:
        path = Path(raw)
        if not path.exists():
            yield path, "no such file or directory"
            continue
        if not path.is_dir():
            real = os.path.realpath(path)
            if real not in seen:
                seen.add(real)
                yield path, None
            continue
        visited_dirs: set[str] = set()
        for root, dirs, files in os.walk(path, followlinks=True):
            real_root = os.path.realpath(root)
            if real_root in visited_dirs:
                dirs[:] = []
                continue  # a symlink loop
            visited_dirs.add(real_root)
            dirs.sort()
            for name in sorted(files):
                p = Path(root) / name
                if p.suffix.lower() not in TRANSCRIPT_SUFFIXES:
                    continue
                real = os.path.realpath(p)
                if real in seen:
                    continue
                seen.add(real)
                yield p, None


class Ingester:
    """Ingests files one at a time, each in its own transaction (`ingest_prepared`), or a stream
    of them with the new meetings written in batches (`ingest_many`, see meetings/ingest/batch.py)."""

    def __init__(self, dry_run: bool = False, batch_size: int | None = None):
        from meetings.ingest.batch import BATCH_MAX

        self.dry_run = dry_run
        self.batch_size = BATCH_MAX if batch_size is None else batch_size
        self.touched: set[str] = set()  # source names this run has written (or tried to)
        self._sources: dict[str, tuple[str, str, int]] | None = None  # name -> (sha, meeting slug, turns)

    def ingest_many(self, prepared: Iterable[PreparedFile]) -> Iterator[FileReport]:
        """A report for each prepared file, in order; the database ends up as if each file had
        been ingested on its own, in that order."""
        if self.dry_run or self.batch_size <= 1:
            # A dry run rolls back each file: every file sees the archive as it was.
            for prep in prepared:
                yield self.ingest_prepared(prep)
            return
        from meetings.ingest.batch import BatchWriter

        yield from BatchWriter(self).ingest(prepared)

    def known_sources(self) -> dict[str, tuple[str, str, int]]:
        """Every source file the archive held when this run first asked: name -> (sha256, meeting
        slug, turns), one query. Names the run writes since are in `touched`."""
        if self._sources is None:
            self._sources = {
                name: (sha, slug, turns)
                for name, sha, slug, turns in MeetingSource.objects.values_list(
                    "name", "sha256", "meeting__slug", "turn_count"
                )
            }
        return self._sources

    def ingest_path(self, path: Path) -> FileReport:
        known = MeetingSource.objects.filter(name=path.name).values_list("sha256", flat=True).first()
        return self.ingest_prepared(prepare(path, known))

    def ingest_prepared(self, prep: PreparedFile) -> FileReport:
        """Write one prepared file in its own transaction."""
        if prep.error:
            return FileReport(prep.path, "failed", reason=prep.error)
        if prep.unchanged and prep.name not in self.touched:
            # What the archive held when this run first met an unchanged file (one query for all
            # of them); a name this run has written since is checked against the database below.
            known = self.known_sources().get(prep.name)
            if known and known[0] == prep.sha:
                return FileReport(prep.path, "unchanged", meeting=known[1], turns=known[2])
        source = MeetingSource.objects.filter(name=prep.name).select_related("meeting").first()
        if source and source.sha256 == prep.sha:
            return FileReport(prep.path, "unchanged", meeting=source.meeting.slug, turns=source.turn_count)
        if prep.transcript is None:
            # Found unchanged when the run began, but an earlier file of this run wrote that name
            # since: it is an edit after all, and it is parsed here.
            prep = prepare(Path(prep.path))
            if prep.error:
                return FileReport(prep.path, "failed", reason=prep.error)
        self.touched.add(prep.name)
        try:
            with transaction.atomic():
                report = self._write(
                    Path(prep.path), prep.name, prep.sha, prep.size, prep.transcript, source, prep.phrases
                )
                if self.dry_run:
                    transaction.set_rollback(True)
        except Exception as exc:  # a database error: this file only, nothing half-written
            return FileReport(prep.path, "failed", reason=f"database error: {exc}")
        return report

    # -------------------------------------------------------------------------------------------
    def _write(
        self,
        path: Path,
        name: str,
        sha: str,
        size: int,
        t: Transcript,
        source: MeetingSource | None,
        phrases: list[tuple[dict, int, bool]],
    ) -> FileReport:
        now = timezone.now()
        identity = meeting_identity(t.date, t.title)
        meeting = source.meeting if source else Meeting.objects.filter(identity=identity).first()
        report = FileReport(str(path), "new", warnings=list(t.warnings), turns=len(t.turns))

        if meeting is not None:
            primary = meeting.sources.filter(is_primary=True).first()
            if primary is not None and primary.name != name and len(t.turns) <= primary.turn_count:
                # Another file of the same meeting (a repost): keep the fuller source's turns.
                MeetingSource.objects.update_or_create(
                    name=name,
                    defaults=dict(
                        meeting=meeting,
                        sha256=sha,
                        size=size,
                        turn_count=len(t.turns),
                        is_primary=False,
                        ingested_at=now,
                    ),
                )
                report.status = "duplicate"
                report.meeting = meeting.slug
                report.reason = f"the same meeting as {primary.name}, which has the fuller text"
                return report
            report.status = "updated"
        else:
            meeting = Meeting(
                slug=unique_slug(
                    meeting_slug(t.date, t.title), lambda s: Meeting.objects.filter(slug=s).exists()
                )
            )

        # Meeting fields (slug never changes once given).
        if not Meeting.objects.filter(identity=identity).exclude(pk=meeting.pk).exists():
            meeting.identity = identity
        meeting.title = t.title
        meeting.date = t.date
        meeting.place = t.place
        meeting.description = t.description
        meeting.is_excerpt = t.is_excerpt
        meeting.source_name = name
        meeting.source_sha256 = sha
        meeting.ingested_at = now
        meeting.save()
        report.meeting = meeting.slug

        speakers = self._resolve_people(t, report)

        # Keys: carry over from the turns this meeting had.
        old = list(meeting.turns.values_list("key", "text"))
        retired = list(meeting.retired_keys.values_list("key", flat=True))
        new_turns = []
        for pt in t.turns:
            participant = speakers.get(pt.name) if pt.name else None
            new_turns.append(
                NewTurn(
                    prefix=key_prefix(participant.slug if participant else None, pt.generic, pt.kind),
                    text=pt.text,
                )
            )
        keys, gone = assign_keys(
            new_turns, [KeyedTurn(key=k, prefix=split_key(k)[0], text=txt) for k, txt in old], retired
        )
        rows = []
        for i, (pt, key, (counts, words, procedural)) in enumerate(zip(t.turns, keys, phrases), start=1):
            participant = speakers.get(pt.name) if pt.name else None
            rows.append(
                Turn(
                    meeting=meeting,
                    date=meeting.date,
                    position=i,
                    speaker=participant,
                    speaker_label=(pt.label or "")[:500],
                    role=(pt.role or None),
                    kind=pt.kind,
                    text=pt.text,
                    key=key,
                    resolution=pt.resolution,
                    phrases=counts,
                    words=words,
                    is_procedural=procedural,
                )
            )
            note_turn(report, pt, participant.name if participant else None)
        before = Counter(meeting.turns.exclude(speaker=None).values_list("speaker_id", flat=True))
        meeting.turns.all().delete()
        Turn.objects.bulk_create(rows, batch_size=1000)
        search.update_vectors([meeting.pk])
        meeting.turn_count = len(rows)
        meeting.speaker_count = len({r.speaker_id for r in rows if r.speaker_id})
        meeting.save(update_fields=["turn_count", "speaker_count"])
        after = Counter(r.speaker_id for r in rows if r.speaker_id)
        add_participant_counts(
            {pid: after[pid] - before[pid] for pid in before | after},
            {pid: (pid in after) - (pid in before) for pid in before | after},
        )
        if gone:
            RetiredTurnKey.objects.bulk_create(
                [RetiredTurnKey(meeting=meeting, key=o.key, retired_at=now) for o in gone],
                ignore_conflicts=True,
            )
        # Keys that are live again are no longer retired.
        RetiredTurnKey.objects.filter(meeting=meeting, key__in=keys).delete()

        meeting.sources.update(is_primary=False)
        MeetingSource.objects.update_or_create(
            name=name,
            defaults=dict(
                meeting=meeting,
                sha256=sha,
                size=size,
                turn_count=len(t.turns),
                is_primary=True,
                ingested_at=now,
            ),
        )
        return report

    def _resolve_people(self, t: Transcript, report: FileReport) -> dict[str, Participant]:
        """Participant for each person named in the transcript (by their local canonical name)."""
        written = people_forms(t)
        if not written:
            return {}
        wanted = ident.lookup_keys(n for forms in written.values() for n in forms)
        rows = ParticipantAlias.objects.filter(
            Q(key__in=wanted["key"]) | Q(folded__in=wanted["folded"]) | Q(surname__in=wanted["surname"])
        ).values_list("key", "folded", "surname", "initial", "participant_id", "written")
        index = ident.AliasIndex(
            [ident.KnownAlias(*r[:5], initial_only=has_initial_only(r[5])) for r in rows]
        )
        result: dict[str, Participant] = {}
        ids: dict[str, int] = {}
        for local, forms in written.items():
            res = ident.resolve(forms, index)
            if res.participant_id is None:
                canonical = tidy_name(local)
                p = Participant.objects.create(
                    name=canonical,
                    slug=unique_slug(
                        participant_slug(canonical), lambda s: Participant.objects.filter(slug=s).exists()
                    ),
                )
                how = "new"
            else:
                p = Participant(pk=res.participant_id)
                how = res.how
                note_known_person(report, local, how)
            ids[local] = p.pk
            known = {a.key for a in index.aliases}
            new_aliases = []
            for form in forms:
                fields = ident.alias_fields(form)
                if fields["key"] in known or not fields["key"]:
                    continue
                known.add(fields["key"])
                new_aliases.append(
                    ParticipantAlias(participant_id=p.pk, written=form[:200], how=how, **fields)
                )
                index.aliases.append(
                    ident.KnownAlias(participant_id=p.pk, initial_only=has_initial_only(form), **fields)
                )
            ParticipantAlias.objects.bulk_create(new_aliases, ignore_conflicts=True)
            if not has_initial_only(local) and ident.may_absorb(index, local, p.pk):
                self._absorb_initials_only(p.pk, local, report)
        by_id = Participant.objects.in_bulk(set(ids.values()))
        for local, pid in ids.items():
            result[local] = by_id[pid]
        return result

    @staticmethod
    def _absorb_initials_only(pid: int, name: str, report: FileReport) -> None:
        """A person known so far only by initials ("A. Repnin") whose full name has now appeared
        ("Anton Repnin") becomes that person; the old profile link redirects."""
        aliases = (
            ParticipantAlias.objects.filter(surname=surname_key(name), initial=first_initial(name))
            .exclude(participant_id=pid)
            .select_related("participant")
        )
        by_person: dict[int, list[ParticipantAlias]] = defaultdict(list)
        for a in aliases:
            by_person[a.participant_id].append(a)
        for other_id, found in by_person.items():
            every = ParticipantAlias.objects.filter(participant_id=other_id)
            if not all(has_initial_only(a.written) for a in every):
                continue
            other = found[0].participant
            Turn.objects.filter(speaker_id=other_id).update(speaker_id=pid)
            every.update(participant_id=pid, how="initial")
            ParticipantRedirect.objects.filter(participant_id=other_id).update(participant_id=pid)
            ParticipantRedirect.objects.update_or_create(
                old_slug=other.slug, defaults={"participant_id": pid}
            )
            other.delete()
            search.update_speaker_vectors(pid)
            refresh_participant_counts([pid])
            report.guesses.append(f"{other.name!r} (known until now by initials only) taken as {name!r}")


def people_forms(t: Transcript) -> dict[str, list[str]]:
    """Each person of a transcript (by local canonical name) with the written forms of their name
    worth recording as aliases."""
    written: dict[str, list[str]] = defaultdict(list)
    for pt in t.turns:
        if not pt.name:
            continue
        forms = written[pt.name]
        for n in (pt.name, pt.written_name):
            if n and n not in forms and len(n.split()) >= 2:
                forms.append(n)
    return written


def note_known_person(report: FileReport, local: str, how: str) -> None:
    if how in ("variant", "initial"):
        report.guesses.append(
            f"{local!r} taken as an already known person "
            f"({'spelling variant' if how == 'variant' else 'initials, a guess'})"
        )


def note_turn(report: FileReport, pt, speaker_name: str | None) -> None:
    """What an editor should check about one turn: a guessed attribution, a label with no person."""
    if pt.resolution in GUESSES:
        report.guesses.append(
            f"{pt.label or pt.written_name!r} → {'?' if speaker_name is None else speaker_name} ({RESOLUTIONS[pt.resolution]})"
        )
    elif speaker_name is None and pt.resolution in ("generic", "unresolved", "group", "none"):
        report.unresolved.append(pt.label or "(no label)")


def add_participant_counts(turns: dict[int, int], meetings: dict[int, int]) -> None:
    """Add (or take) remarks and meetings to the counts of these participants: what
    `refresh_participant_counts` would find, since every change to the turns keeps the counts
    exact, without counting every turn of a chair who speaks in most meetings."""
    ids = sorted(pid for pid in turns if turns[pid] or meetings.get(pid))
    if not ids:
        return
    with connection.cursor() as cur:
        cur.execute(
            """
            UPDATE meetings_participant AS p
               SET turn_count = p.turn_count + d.n, meeting_count = p.meeting_count + d.m
              FROM unnest(%s::bigint[], %s::integer[], %s::integer[]) AS d(id, n, m)
             WHERE p.id = d.id
            """,
            [ids, [turns[i] for i in ids], [meetings.get(i, 0) for i in ids]],
        )


def refresh_participant_counts(ids) -> None:
    """Recompute the remark and meeting counts shown for these participants."""
    ids = [i for i in ids if i]
    if not ids:
        return
    with connection.cursor() as cur:
        cur.execute(
            """
            UPDATE meetings_participant AS p
               SET turn_count = coalesce(c.n, 0), meeting_count = coalesce(c.m, 0)
              FROM (SELECT id FROM meetings_participant WHERE id = ANY(%s)) AS wanted
              LEFT JOIN (SELECT speaker_id, count(*) AS n, count(DISTINCT meeting_id) AS m
                           FROM meetings_turn WHERE speaker_id = ANY(%s) GROUP BY speaker_id) AS c
                ON c.speaker_id = wanted.id
             WHERE p.id = wanted.id
            """,
            [ids, ids],
        )


def acquire_ingest_lock(wait: bool = True) -> bool:
    """Serialise ingests across processes with a PostgreSQL advisory lock (held for the session)."""
    with connection.cursor() as cur:
        if wait:
            cur.execute("SELECT pg_advisory_lock(%s)", [INGEST_LOCK_ID])
            return True
        cur.execute("SELECT pg_try_advisory_lock(%s)", [INGEST_LOCK_ID])
        return bool(cur.fetchone()[0])


def release_ingest_lock() -> None:
    with connection.cursor() as cur:
        cur.execute("SELECT pg_advisory_unlock(%s)", [INGEST_LOCK_ID])
