"""The raw SQL of ingest: participants' counts moved by a delta or recounted, turns COPYed in with
their search vectors, the session's commit mode."""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Mapping
from typing import NamedTuple

from django.db import connection

from meetings.models import Turn
from meetings.sql import search, table


def fast_commits() -> None:
    """Each file (or batch of new files) is still one transaction; its commit just does not wait
    for the disk flush (a crash can lose the last commits, never half a file)."""
    with connection.cursor() as cur:
        cur.execute("SET synchronous_commit = off")


def add_participant_counts(turns: Mapping[int, int], meetings: Mapping[int, int]) -> None:
    """Add (or take) remarks and meetings to the counts of these participants: what
    `refresh_participant_counts` would find, since every change to the turns keeps the counts
    exact, without counting every turn of a chair who speaks in most meetings."""
    ids = sorted(pid for pid in turns if turns[pid] or meetings.get(pid))
    if not ids:
        return
    with connection.cursor() as cur:
        cur.execute(
            f"""
            UPDATE {table("Participant")} AS p
               SET turn_count = p.turn_count + d.n, meeting_count = p.meeting_count + d.m
              FROM unnest(%s::bigint[], %s::integer[], %s::integer[]) AS d(id, n, m)
             WHERE p.id = d.id
            """,
            [ids, [turns[i] for i in ids], [meetings.get(i, 0) for i in ids]],
        )


def refresh_participant_counts(ids: Iterable[int | None]) -> None:
    """Recompute the remark and meeting counts shown for these participants."""
    ids = [i for i in ids if i]
    if not ids:
        return
    with connection.cursor() as cur:
        cur.execute(
            f"""
            UPDATE {table("Participant")} AS p
               SET turn_count = coalesce(c.n, 0), meeting_count = coalesce(c.m, 0)
              FROM (SELECT id FROM {table("Participant")} WHERE id = ANY(%s)) AS wanted
              LEFT JOIN (SELECT speaker_id, count(*) AS n, count(DISTINCT meeting_id) AS m
                           FROM {table("Turn")} WHERE speaker_id = ANY(%s) GROUP BY speaker_id) AS c
                ON c.speaker_id = wanted.id
             WHERE p.id = wanted.id
            """,
            [ids, ids],
        )


class TurnRow(NamedTuple):
    """One turn as the batch writer inserts it: the columns of Turn but its id and search vector,
    in the order of the staging table."""

    meeting_id: int | None  # filled in once the meeting is inserted
    date: datetime.date
    position: int
    speaker_id: int | None
    speaker_label: str
    role: str | None
    kind: str
    text: str
    key: str
    resolution: str
    section: str
    is_procedural: bool
    words: int
    phrases: str  # JSON: candidate topic phrase -> count


TURN_COLUMNS = list(TurnRow._fields)
_STAGE = "ingest_turn_stage"


def write_turns(rows: list[TurnRow]) -> None:
    """Insert turn rows with their search vectors: COPY into a staging table, then one INSERT …
    SELECT that computes the vectors on the way. (Computing the text part of the vectors
    beforehand with a parallel query was measured slower, see docs/scaling.md: the parse workers
    already hold the second core, and the vectors would be written and read once more.)"""
    expected = {f.column for f in Turn._meta.concrete_fields} - {"id", "search_vector"}
    if expected != set(TURN_COLUMNS):  # a column this writer does not know of: let the per-file path write it
        raise RuntimeError(
            f"the batched turn writer does not know the columns {sorted(expected ^ set(TURN_COLUMNS))}"
        )
    columns = ", ".join(f'"{c}"' for c in TURN_COLUMNS)
    with connection.cursor() as cur:
        cur.execute(
            f"CREATE TEMP TABLE {_STAGE} (ord serial, meeting_id integer, date date, position integer, "
            'speaker_id integer, speaker_label text, role text, kind text, text text, "key" text, resolution text, '
            "section text, is_procedural boolean, words integer, phrases jsonb) ON COMMIT DROP"
        )
        with cur.cursor.copy(f"COPY {_STAGE} ({columns}) FROM STDIN") as copy:
            for r in rows:
                copy.write_row(r)
        cur.execute(
            f"INSERT INTO {table('Turn')} ({columns}, search_vector) "
            f"SELECT {', '.join(f't."{c}"' for c in TURN_COLUMNS)}, {search.TURN_VECTOR_EXPR} "
            f"FROM {_STAGE} AS t LEFT JOIN {table('Participant')} AS p ON p.id = t.speaker_id ORDER BY t.ord"
        )
        cur.execute(f"DROP TABLE {_STAGE}")


def update_meeting_vectors(meeting_ids: list[int]) -> None:
    """The search vectors of these meetings (title, the headings of their parts, place,
    description: their turns are written first); their turns have theirs."""
    with connection.cursor() as cur:
        cur.execute(search.meeting_vector_sql(), [meeting_ids])
