"""Loading a dump (meetings.opendata.dump) into a fresh database: `manage.py import_archive DIR`.

Nothing is written before the dump is known to be whole: the manifest's format and version, and
every file's size and SHA-256, are checked first. Then, in ONE transaction, under the ingest lock:
people (with their written forms and old slugs), meetings (with their source files and retired
permalinks), turns (COPYed with their search vectors by the batch writer's statement, a few
thousand at a time) and the topics' slugs, each record checked as it is read; and the derived
data rebuilt as after an ingest (topics, aggregates, the recent search index). A bad record, a
turn naming an unknown meeting or person, a duplicate slug: the transaction is rolled back, the
database is left empty, and the error names the file and the line.

Rows get ids in the order of the dump (which is the original's id order), so whatever the
archive orders by id as a tie-break is ordered the same way after a round trip.
"""

from __future__ import annotations

import datetime
import gzip
import json
import time
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from django.db import DatabaseError, transaction

from meetings.core.identity import alias_fields
from meetings.ingest import run
from meetings.opendata.dump import format as fmt
from meetings.sql import dump as dump_sql
from meetings.sql.ingest import TurnRow, update_meeting_vectors, write_turns
from meetings.sql.locks import acquire_ingest_lock, release_ingest_lock
from meetings.sql.maintenance import analyze
from meetings.sql.topics import TOPIC_COLUMNS

CHUNK = 5000  # records written per statement

PARTICIPANT_COLUMNS = ["id", "name", "slug", "sort_name", "turn_count", "meeting_count"]
ALIAS_COLUMNS = ["participant_id", "key", "folded", "surname", "initial", "written", "how", "created_at"]
MEETING_COLUMNS = [
    "id", "title", "date", "place", "description", "is_excerpt", "source_name", "source_sha256",
    "slug", "identity", "ingested_at", "turn_count", "speaker_count",
]  # fmt: skip
SOURCE_COLUMNS = ["meeting_id", "name", "sha256", "size", "turn_count", "is_primary", "ingested_at"]
RETIRED_COLUMNS = ["meeting_id", "key", "retired_at"]


@dataclass
class LoadReport:
    counts: dict[str, int]
    seconds: float


def check_empty() -> None:
    rows = dump_sql.archive_rows()
    if any(rows.values()):
        held = ", ".join(model for model, n in rows.items() if n)
        raise fmt.DumpError(
            f"the database is not empty (it holds rows of: {held}); import_archive loads a dump into a "
            "fresh database only (create one and run `manage.py migrate` first)"
        )


def load_archive(folder: Path, say: Callable[[str], None] = lambda s: None) -> LoadReport:
    """Load the dump in `folder` into this (empty) database; DumpError when it cannot."""
    started = time.monotonic()
    folder = Path(folder)
    check_empty()  # before the checksums: a quick refusal
    manifest, entries = fmt.read_manifest(folder)
    rows = {e.name: e.rows for e in entries}
    say(f"{folder}: manifest and checksums of {len(entries)} files checked")
    acquire_ingest_lock()
    try:
        with transaction.atomic():
            check_empty()  # again, under the lock
            loader = _Loader(folder, rows)
            counts = loader.load(say)
            analyze()  # the planner's statistics of the new rows, before the rebuild reads them
            run.refresh_derived([], dry_run=False, topics=True, say=say, corrected=True)
    finally:
        release_ingest_lock()
    expected = manifest.get("counts") or {}
    for what, n in counts.items():
        if what in expected and expected[what] != n:  # (the row counts per file were checked already)
            say(f"warning: the manifest counts {expected[what]:,} {what}, the dump held {n:,}")
    return LoadReport(counts, time.monotonic() - started)


def _date(name: str, lineno: int, field: str, value: str | None) -> datetime.date | None:
    return _iso(datetime.date, "a date", name, lineno, field, value)


def _time(name: str, lineno: int, field: str, value: str | None) -> datetime.datetime | None:
    return _iso(datetime.datetime, "a date and time", name, lineno, field, value)


def _iso(kind, what: str, name: str, lineno: int, field: str, value: str | None):
    """`value` read by `kind.fromisoformat`, or a DumpError naming the file, line and field."""
    if value is None:
        return None
    try:
        return kind.fromisoformat(value)
    except (TypeError, ValueError):
        raise fmt.DumpError(f"{name}: line {lineno}: '{field}' is not {what}: {value!r}") from None


class _Loader:
    def __init__(self, folder: Path, rows: dict[str, int | None]):
        self.folder = folder
        self.rows = rows
        self.people: dict[str, int] = {}  # participant slug -> id
        self.meetings: dict[str, int] = {}  # meeting slug -> id

    def records(self, name: str) -> Iterator[tuple[int, dict]]:
        """(line number, checked record) of a JSON Lines file; DumpError on a bad line, and
        when the file holds another number of records than the manifest says."""
        n = 0
        try:
            with gzip.open(self.folder / name, "rt", encoding="utf-8", newline="\n") as fh:
                for n, line in enumerate(fh, start=1):
                    try:
                        record = json.loads(line)
                    except json.JSONDecodeError as exc:
                        raise fmt.DumpError(f"{name}: line {n}: not JSON ({exc.msg})") from None
                    yield n, fmt.check_record(name, n, record)
        except (OSError, EOFError, zlib.error, UnicodeDecodeError) as exc:
            raise fmt.DumpError(f"{name}: cannot be read after line {n}: {exc}") from None
        if self.rows.get(name) is not None and n != self.rows[name]:
            raise fmt.DumpError(f"{name}: {n:,} records, the manifest says {self.rows[name]:,}")

    def write(self, name: str, model: str, columns: list[str], rows: list) -> None:
        try:
            with transaction.atomic():
                dump_sql.copy_rows(model, columns, rows)
        except DatabaseError as exc:
            raise fmt.DumpError(f"{name}: {str(exc).splitlines()[0]}") from None

    def load(self, say: Callable[[str], None]) -> dict[str, int]:
        counts = {"meetings": 0, "participants": 0, "aliases": 0, "turns": 0, "topics": 0}
        counts["participants"], counts["aliases"] = self.participants()
        say(f"participants: {counts['participants']:,} ({counts['aliases']:,} written forms)")
        counts["meetings"] = self.meetings_()
        say(f"meetings: {counts['meetings']:,}")
        counts["turns"] = self.turns(say)
        say(f"turns: {counts['turns']:,}")
        counts["topics"] = self.topics()
        dump_sql.reset_sequences(["Participant", "Meeting"])
        ids = list(self.meetings.values())
        for i in range(0, len(ids), CHUNK):
            update_meeting_vectors(ids[i : i + CHUNK])
        dump_sql.recount_participants()
        return counts

    def participants(self) -> tuple[int, int]:
        name = fmt.PARTICIPANTS
        people, aliases, redirects = [], [], []
        n_aliases = 0

        def flush():
            self.write(name, "Participant", PARTICIPANT_COLUMNS, people)
            self.write(name, "ParticipantAlias", ALIAS_COLUMNS, aliases)
            self.write(name, "ParticipantRedirect", ["participant_id", "old_slug"], redirects)
            people.clear(), aliases.clear(), redirects.clear()

        for lineno, r in self.records(name):
            if r["slug"] in self.people:
                raise fmt.DumpError(f"{name}: line {lineno}: the slug '{r['slug']}' again")
            pid = self.people[r["slug"]] = len(self.people) + 1
            people.append((pid, r["name"], r["slug"], r["sort_name"], r["turn_count"], r["meeting_count"]))
            for a in r["aliases"]:
                try:
                    # The folded key and surname are this version's folding of the key, not the
                    # folding of the version that wrote the dump: the next ingest looks them up.
                    keyed = alias_fields(a["key"])
                    aliases.append(
                        (pid, a["key"], keyed["folded"], keyed["surname"], a["initial"], a["written"],
                         a["how"], _time(name, lineno, "aliases.created_at", a["created_at"]))
                    )  # fmt: skip
                except (KeyError, TypeError):
                    raise fmt.DumpError(
                        f"{name}: line {lineno}: an alias without {', '.join(ALIAS_COLUMNS[1:])}"
                    ) from None
            n_aliases += len(r["aliases"])
            redirects.extend((pid, old) for old in r["old_slugs"])
            if len(people) >= CHUNK:
                flush()
        flush()
        return len(self.people), n_aliases

    def meetings_(self) -> int:
        name = fmt.MEETINGS
        meetings, sources, retired = [], [], []

        def flush():
            self.write(name, "Meeting", MEETING_COLUMNS, meetings)
            self.write(name, "MeetingSource", SOURCE_COLUMNS, sources)
            self.write(name, "RetiredTurnKey", RETIRED_COLUMNS, retired)
            meetings.clear(), sources.clear(), retired.clear()

        for lineno, r in self.records(name):
            if r["slug"] in self.meetings:
                raise fmt.DumpError(f"{name}: line {lineno}: the slug '{r['slug']}' again")
            mid = self.meetings[r["slug"]] = len(self.meetings) + 1
            meetings.append(
                (mid, r["title"], _date(name, lineno, "date", r["date"]), r["place"], r["description"],
                 r["is_excerpt"], r["source_name"], r["source_sha256"], r["slug"], r["identity"],
                 _time(name, lineno, "ingested_at", r["ingested_at"]), r["turn_count"], r["speaker_count"])
            )  # fmt: skip
            try:
                for s in r["sources"]:
                    sources.append(
                        (mid, s["name"], s["sha256"], s["size"], s["turn_count"], s["is_primary"],
                         _time(name, lineno, "sources.ingested_at", s["ingested_at"]))
                    )  # fmt: skip
                for k in r["retired_keys"]:
                    retired.append(
                        (mid, k["key"], _time(name, lineno, "retired_keys.retired_at", k["retired_at"]))
                    )
            except (KeyError, TypeError):
                raise fmt.DumpError(f"{name}: line {lineno}: a source or retired key lacks a field") from None
            if len(meetings) >= CHUNK:
                flush()
        flush()
        return len(self.meetings)

    def turns(self, say: Callable[[str], None]) -> int:
        name = fmt.TURNS
        rows: list[TurnRow] = []
        total = 0

        def flush():
            try:
                with transaction.atomic():
                    write_turns(rows)
            except DatabaseError as exc:
                raise fmt.DumpError(f"{name}: {str(exc).splitlines()[0]}") from None
            rows.clear()

        for lineno, r in self.records(name):
            meeting = self.meetings.get(r["meeting"])
            if meeting is None:
                raise fmt.DumpError(
                    f"{name}: line {lineno}: the meeting '{r['meeting']}' is not in {fmt.MEETINGS}"
                )
            speaker = None
            if r["speaker"] is not None:
                speaker = self.people.get(r["speaker"])
                if speaker is None:
                    raise fmt.DumpError(
                        f"{name}: line {lineno}: the speaker '{r['speaker']}' is not in {fmt.PARTICIPANTS}"
                    )
            rows.append(
                TurnRow(
                    meeting_id=meeting,
                    date=_date(name, lineno, "date", r["date"]),
                    position=r["position"],
                    speaker_id=speaker,
                    speaker_label=r["speaker_label"],
                    role=r["role"],
                    kind=r["kind"],
                    text=r["text"],
                    key=r["key"],
                    resolution=r["resolution"],
                    section=r["section"],
                    is_procedural=r["is_procedural"],
                    words=r["words"],
                    phrases=json.dumps(r["phrases"]),
                )
            )
            total += 1
            if len(rows) >= CHUNK:
                flush()
                if total % 200_000 < CHUNK:
                    say(f"turns: {total:,} …")
        if rows:
            flush()
        return total

    def topics(self) -> int:
        """The topics' slugs, by key: the rebuild that follows scores the topics anew and keeps
        the slug each key had (so /topics/<slug>/ links stay)."""
        name = fmt.TOPICS
        topics = []
        moved = []
        count = 0
        for _lineno, r in self.records(name):
            count += 1
            moved.extend((old, r["key"]) for old in r.get("old_slugs", []))  # not in older dumps
            topics.append(
                (
                    r["key"],
                    r["label"],
                    r["slug"],
                    r["remark_count"],
                    r["raised_count"],
                    r["people_count"],
                    r.get("profile_count", 0),  # not in dumps written before it was
                    r["is_featured"],
                    r.get("forms", []),  # not in dumps written before it was
                    r.get("form_labels", []),  # nor this (the topic page reads them from its remarks)
                )
            )
            if len(topics) >= CHUNK:
                self.write(name, "Topic", TOPIC_COLUMNS, topics)
                topics.clear()
        self.write(name, "Topic", TOPIC_COLUMNS, topics)
        self.write(name, "TopicRedirect", ["old_slug", "key"], moved)
        return count
