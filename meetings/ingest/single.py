"""The per-file writer: one transcript written to the database in one transaction, keys carried
over from the meeting's earlier text (edits, reposts, merges of people)."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

from django.db import transaction
from django.utils import timezone

from meetings.core import identity as ident
from meetings.core.parser import Transcript
from meetings.core.permalinks import (
    KeyedTurn,
    NewTurn,
    assign_keys,
    key_prefix,
    meeting_identity,
    meeting_slug,
    split_key,
    unique_slug,
)
from meetings.derived import search
from meetings.ingest.people import (
    absorb_initials_only,
    add_aliases,
    create_participant,
    known_aliases,
    rename_participant,
)
from meetings.ingest.prepare import PreparedFile, prepare
from meetings.ingest.report import FileReport, note_turn
from meetings.ingest.sources import RunSources
from meetings.models import Meeting, MeetingSource, Participant, RetiredTurnKey, Turn
from meetings.sql.ingest import add_participant_counts


class Ingester:
    """Writes prepared files one at a time, each in its own transaction."""

    def __init__(self, dry_run: bool = False, sources: RunSources | None = None, reparse: bool = False):
        self.dry_run = dry_run
        # Parse unchanged files again (after an upgrade of the parser or of the people file):
        # their meetings are rewritten, every remark keeping its link.
        self.reparse = reparse
        self.sources = RunSources() if sources is None else sources

    def ingest_path(self, path: Path) -> FileReport:
        known = MeetingSource.objects.filter(name=path.name).values_list("sha256", flat=True).first()
        return self.ingest_prepared(prepare(path, known))

    def ingest_prepared(self, prep: PreparedFile) -> FileReport:
        """Write one prepared file in its own transaction."""
        if prep.error:
            return FileReport(prep.path, "failed", reason=prep.error)
        if prep.skipped:
            return FileReport(prep.path, "skipped", reason=prep.skipped)
        if prep.unchanged and prep.name not in self.sources.touched and not self.reparse:
            # What the archive held when this run first met an unchanged file (one query for all
            # of them); a name this run has written since is checked against the database below.
            known = self.sources.known().get(prep.name)
            if known and known.sha256 == prep.sha:
                return FileReport(prep.path, "unchanged", meeting=known.meeting, turns=known.turns)
        source = MeetingSource.objects.filter(name=prep.name).select_related("meeting").first()
        if source and source.sha256 == prep.sha and not self.reparse:
            return FileReport(prep.path, "unchanged", meeting=source.meeting.slug, turns=source.turn_count)
        if prep.transcript is None:
            # Found unchanged when the run began, but an earlier file of this run wrote that name
            # since: it is an edit after all, and it is parsed here.
            prep = prepare(Path(prep.path))
            if prep.error:
                return FileReport(prep.path, "failed", reason=prep.error)
            if prep.skipped:
                return FileReport(prep.path, "skipped", reason=prep.skipped)
        self.sources.touched.add(prep.name)
        try:
            with transaction.atomic():
                report = self._write(prep, source)
                if self.dry_run:
                    transaction.set_rollback(True)
        except Exception as exc:  # a database error: this file only, nothing half-written
            return FileReport(prep.path, "failed", reason=f"database error: {exc}")
        return report

    # -------------------------------------------------------------------------------------------
    def _write(self, prep: PreparedFile, source: MeetingSource | None) -> FileReport:
        t, name, sha = prep.transcript, prep.name, prep.sha
        if source is not None and (shared := _wording_shared(t, source.meeting)) < SAME_PAGE_WORDING:
            # A file name names one page: a text of a known name that shares almost none of the
            # wording of the meeting stored under it is another page of that name (a mirror's
            # "<id>/index.html"), not that one edited (a corrected date, a remark put right, a copy
            # cut short); read as an edit, it would replace that meeting and lose its remarks.
            return FileReport(
                prep.path,
                "failed",
                reason=f"the archive holds a file of this name as '{source.meeting.title}'"
                f" ({source.meeting.date:%B %-d, %Y}), and this one shares {shared:.0%} of its wording"
                f" ('{t.title}', {t.date:%B %-d, %Y}): another page of the same name; rename the file",
            )
        now = timezone.now()
        identity = meeting_identity(t.date, t.title)
        meeting = source.meeting if source else Meeting.objects.filter(identity=identity).first()
        report = FileReport(prep.path, "new", warnings=list(t.warnings), turns=len(t.turns))

        if meeting is not None:
            primary = meeting.sources.filter(is_primary=True).first()
            if primary is not None and primary.name != name and len(t.turns) <= primary.turn_count:
                # Another file of the same meeting (a repost): keep the fuller source's turns.
                record_source(prep, meeting, len(t.turns), primary=False, at=now)
                report.status = "duplicate"
                report.meeting = meeting.slug
                report.reason = (
                    f"the same meeting as {primary.name}, which has the fuller text"
                    if len(t.turns) < primary.turn_count
                    else f"the same meeting as {primary.name}, whose text is kept (as many remarks; a file"
                    " replaces it only under its name)"
                )
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
        if report.status == "updated" and len(t.turns) < len(old):
            # Said on the file's line: a download cut short under the same name replaces the
            # fuller text (a changed file replaces its meeting), and the reader's links retire.
            report.reason = (
                f"{len(old) - len(t.turns)} remark(s) fewer than the archive held ({len(old)}):"
                " their links now say the remark is no longer in the transcript; an incomplete copy?"
            )
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
        for i, (pt, key, ph) in enumerate(zip(t.turns, keys, prep.phrases), start=1):
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
                    section=pt.section or "",
                    phrases=ph.counts,
                    words=ph.words,
                    is_procedural=ph.procedural,
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
        record_source(prep, meeting, len(t.turns), primary=True, at=now)
        return report

    @staticmethod
    def _resolve_people(t: Transcript, report: FileReport) -> dict[str, Participant]:
        """Participant for each person named in the transcript (by their local canonical name):
        the plan of meetings.core.identity, written person by person in its order (a person's
        aliases and any take-over are written before the next person is created)."""
        written = ident.people_forms(t)
        if not written:
            return {}
        plan = ident.plan_people(
            written, ident.AliasIndex(known_aliases(n for f in written.values() for n in f))
        )
        real: dict[int, int] = {}  # provisional id of a new person -> their id
        for person in plan.people:
            if person.is_new:
                pid = real[person.participant_id] = create_participant(person.new_name).pk
            else:
                pid = real.get(person.participant_id, person.participant_id)
                if person.guess:
                    report.guesses.append(person.guess)
            add_aliases(person.aliases, real)
            if person.fuller_name:
                rename_participant(pid, person.fuller_name)
            if person.absorbs:
                absorb_initials_only(pid, person.local, report)
        ids = {local: real.get(pid, pid) for local, pid in plan.ids.items()}
        by_id = Participant.objects.in_bulk(set(ids.values()))
        return {local: by_id[pid] for local, pid in ids.items()}


def record_source(prep: PreparedFile, meeting: Meeting, turns: int, primary: bool, at) -> None:
    """This file as a source of `meeting` (the one whose turns it holds when `primary`)."""
    MeetingSource.objects.update_or_create(
        name=prep.name,
        defaults=dict(
            meeting=meeting,
            sha256=prep.sha,
            size=prep.size,
            turn_count=turns,
            is_primary=primary,
            ingested_at=at,
        ),
    )


# The share of a file's four-word runs the meeting stored under its name must hold for the file
# to be read as that page again: an edited or corrected page shares nearly all of its wording, a
# copy cut short all it has; another page of one name ("index.html") next to none.
SAME_PAGE_WORDING = 0.2
_WORDS = re.compile(r"\w+")


def _runs_of_four(texts) -> set[tuple[str, ...]]:
    runs: set[tuple[str, ...]] = set()
    for text in texts:
        words = _WORDS.findall(text.casefold())
        runs.update(zip(words, words[1:], words[2:], words[3:]))
    return runs


def _wording_shared(t, meeting: Meeting) -> float:
    """The share of the transcript's remarks' four-word runs found in the stored meeting's."""
    new = _runs_of_four(pt.text for pt in t.turns)
    if len(new) < 10:
        return 1.0  # (too few words to tell one page from another)
    return len(new & _runs_of_four(meeting.turns.values_list("text", flat=True))) / len(new)
